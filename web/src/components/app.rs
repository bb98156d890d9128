//! The root component: loads the instrument, holds the one reducer, shares
//! it through a context, and runs the effects that touch the browser
//! (saving progress, the leave-page prompt, focus, language).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::components::contacts::HelpNow;
use crate::components::earlier::EarlierPage;
use crate::components::header::Header;
use crate::components::notice::NoticeBar;
use crate::components::professional::ProfessionalPage;
use crate::components::questions::QuestionsPage;
use crate::components::result::ResultPage;
use crate::components::welcome::Welcome;
use crate::instrument;
use crate::state::{AppContext, AppState, Shared, View};

/// Loads the compiled-in instrument and starts the app, or says plainly
/// what is wrong with the instrument.
#[component]
pub fn App() -> Html {
    let loaded = use_memo((), |_| instrument::load().map(Shared::new));
    match &*loaded {
        Ok(instrument) => html! { <Main instrument={instrument.clone()} /> },
        Err(message) => html! {
            <main class="page" id="main">
                <h1>{ "Naastenmeter" }</h1>
                <p class="notice notice-error">{ message }</p>
            </main>
        },
    }
}

/// Properties of [`Main`].
#[derive(Properties, PartialEq)]
pub struct MainProps {
    /// The checked instrument.
    pub instrument: Shared<naastenmeter_core::Instrument>,
}

/// The app proper, once the instrument is loaded.
#[component]
pub fn Main(props: &MainProps) -> Html {
    let instrument = props.instrument.clone();
    let app: AppContext = use_reducer(move || {
        AppState::new(
            (*instrument).clone(),
            browser::load_progress().as_deref(),
            browser::load_remembered().as_deref(),
            browser::wants_professional_view(),
        )
    });

    // Keep the answers in progress in this tab only, whenever they change.
    // The professional view never writes: its data is not the user's own.
    let progress = app.progress_json();
    use_effect_with(progress, |progress| {
        match progress {
            Some(json) => {
                if browser::save_progress(json).is_err() {
                    // Storage may be blocked (private mode); the app still
                    // works, the answers just do not survive a reload.
                    web_sys::console::warn_1(
                        &"Naastenmeter: answers could not be kept in sessionStorage".into(),
                    );
                }
            }
            None => {
                if browser::load_progress().is_some() {
                    browser::erase_progress();
                }
            }
        }
    });

    // Ask before leaving while there are answers in this tab.
    let has_answers = !app.answers.is_empty();
    use_effect_with(has_answers, |has_answers| {
        let listener = has_answers.then(|| {
            web_sys::window().map(|window| {
                EventListener::new_with_options(
                    &window,
                    "beforeunload",
                    EventListenerOptions::enable_prevent_default(),
                    |event| {
                        if browser::leaving() {
                            return;
                        }
                        event.prevent_default();
                        if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                            event.set_return_value("unsaved");
                        }
                    },
                )
            })
        });
        move || drop(listener)
    });

    let lang = app.lang;
    let title = naastenmeter_core::text::pick(&app.instrument.title, lang.code()).to_string();
    use_effect_with((lang, title), |(lang, title)| {
        browser::set_document_language(lang.code());
        browser::set_title(title);
    });

    // On every page change, start at the top and put focus on the heading,
    // so keyboard and screen-reader users land where the new page begins.
    let first = use_mut_ref(|| true);
    use_effect_with(app.view, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        browser::scroll_to_top();
        browser::focus("main-heading");
    });

    let page = match app.view {
        View::Welcome => html! { <Welcome /> },
        View::Questions(index) => html! { <QuestionsPage {index} /> },
        View::Result => match &app.outcome {
            Some(outcome) => {
                html! { <ResultPage outcome={outcome.clone()} professional={false} /> }
            }
            None => html! { <Welcome /> },
        },
        View::Earlier => html! { <EarlierPage /> },
        View::Professional => html! { <ProfessionalPage /> },
    };

    html! {
        <ContextProvider<AppContext> context={app.clone()}>
            <Header />
            <div class="page">
                <NoticeBar />
                { page }
            </div>
            <HelpNow />
        </ContextProvider<AppContext>>
    }
}
