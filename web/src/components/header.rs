//! The bar at the top of every page: the name, the language switch and the
//! quick-exit button, always in view.

use yew::prelude::*;

use crate::browser;
use crate::state::{Action, AppContext};

/// The top bar.
#[component]
pub fn Header() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let other = app.lang.other();
    let switch = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::SetLang(other)))
    };
    let quick_exit = Callback::from(|_: MouseEvent| browser::quick_exit());
    let title = naastenmeter_core::text::pick(&app.instrument.title, app.lang.code()).to_string();
    html! {
        <header class="topbar no-print">
            <a class="skip-link" href="#main">{ t.skip_to_content }</a>
            <span class="brand">{ title }</span>
            <button type="button" class="lang-switch" lang={other.code()} onclick={switch}>
                { t.switch_language }
            </button>
            <button type="button" class="quick-exit" id="quick-exit" onclick={quick_exit}
                title={t.quick_exit_hint} aria-describedby="quick-exit-hint">
                { t.quick_exit }
            </button>
            <span id="quick-exit-hint" class="visually-hidden">{ t.quick_exit_hint }</span>
        </header>
    }
}
