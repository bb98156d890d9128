//! The welcome page: what this is and how long it takes, then the button
//! to begin, on a phone's first screen; below it for whom, that answers
//! stay on this device and that it is not a diagnosis.

use yew::prelude::*;

use crate::components::offline::OfflineChoice;
use crate::state::{Action, AppContext, View};

/// The welcome page.
#[component]
pub fn Welcome() -> Html {
    // The heading levels and landmark of the page around the app.
    let h = crate::embed::use_outline();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let send = |action: Action| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(action.clone()))
    };
    let code = app.lang.code();
    let description = naastenmeter_core::text::pick(&app.instrument.description, code);
    let started = !app.answers.is_empty();
    html! {
        { h.page("welcome", html! { <>
                { h.heading(0).id("main-heading").focusable().with(t.welcome_heading) }
                <p>{ t.welcome_what }</p>
                <p>{ t.welcome_time }</p>
                <div class="actions">
                    if started {
                        if app.outcome.is_some() {
                            <button type="button" class="primary" onclick={send(Action::Show(View::Result))}>{ t.to_result_link }</button>
                        } else {
                            <button type="button" class="primary" onclick={send(Action::Start)}>{ t.resume }</button>
                        }
                        <button type="button" onclick={send(Action::StartOver)}>{ t.start_over }</button>
                    } else {
                        <button type="button" class="primary" id="start" onclick={send(Action::Start)}>{ t.start }</button>
                    }
                </div>
                <p>{ t.welcome_for_whom }</p>
                if !description.is_empty() { <p>{ description }</p> }
                <p class="privacy">{ t.welcome_privacy }</p>
                <OfflineChoice />
                <p class="not-diagnosis">{ t.not_a_diagnosis }</p>
                <p>{ t.welcome_skip }</p>
                <ul class="secondary-links">
                    <li><button type="button" class="link-button" onclick={send(Action::Show(View::Earlier))}>{ t.earlier_link }</button></li>
                    <li><button type="button" class="link-button" onclick={send(Action::Show(View::Professional))}>{ t.professional_link }</button></li>
                    // The printable questionnaire that web/build.sh writes beside
                    // the app; embedded, that address would be on the partner's site.
                    if crate::browser::scope().is_none() {
                        <li><a id="paper-link" href={format!("questionnaire-{code}.html")}>{ t.paper_link }</a></li>
                    }
                </ul>
        </> }) }
    }
}
