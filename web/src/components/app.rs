//! The root component: loads the instrument, holds the one reducer, shares
//! it through a context, and runs the effects that touch the browser
//! (saving progress, the leave-page prompt, focus, language).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::Reducible;

use crate::browser;
use crate::components::contacts::HelpNow;
use crate::components::earlier::EarlierPage;
use crate::components::header::Header;
use crate::components::notice::NoticeBar;
use crate::components::offline::UpdateNotice;
use crate::components::partner_notice::PartnerNotice;
use crate::components::professional::ProfessionalPage;
use crate::components::questions::QuestionsPage;
use crate::components::result::ResultPage;
use crate::components::welcome::Welcome;
use crate::embed::{self, Partner, PartnerContext};
use crate::instrument;
use crate::state::{Action, AppContext, AppState, Shared, View};

/// Whether this build is the native prerender of the welcome page
/// (`src/bin/prerender.rs`, feature `prerender`): the app then renders a
/// first visit and asks the browser for nothing (no storage, no history).
/// Never true in the wasm, so it costs the app nothing.
pub const PRERENDER: bool = cfg!(feature = "prerender");

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// A partner's configuration (JSON text) when the app is embedded in
    /// their site; `None` when the app is the whole page.
    #[prop_or_default]
    pub config: Option<AttrValue>,
}

/// Loads the compiled-in instrument and the partner's configuration and
/// starts the app, or says plainly what is wrong with the instrument.
#[component]
pub fn App(props: &AppProps) -> Html {
    let loaded = use_memo(props.config.clone(), |config| {
        instrument::load().map(|instrument| {
            let partner = Partner::read(&instrument, config.as_deref());
            embed::warn_problems(&partner.problems);
            if let Some(url) = &partner.config.quick_exit_url {
                browser::set_quick_exit_url(url.clone());
            }
            if let Some(url) = &partner.config.professional_url {
                browser::set_professional_url(url.clone());
            }
            (Shared::new(instrument), Shared::new(partner))
        })
    });
    match &*loaded {
        Ok((instrument, partner)) => {
            html! { <Main instrument={instrument.clone()} partner={partner.clone()} /> }
        }
        Err(message) => html! {
            <main class="page" id="main">
                <h1 class="hd0">{ "Naastenmeter" }</h1>
                <p class="notice notice-error">{ message }</p>
            </main>
        },
    }
}

/// Properties of [`Main`].
#[derive(Properties, PartialEq)]
pub struct MainProps {
    /// The checked instrument.
    pub instrument: Shared<naastenmeter_core::Questionnaire>,
    /// The partner's checked configuration (the defaults when not embedded).
    pub partner: PartnerContext,
}

/// The app proper, once the instrument is loaded.
#[component]
pub fn Main(props: &MainProps) -> Html {
    let instrument = props.instrument.clone();
    let start_lang = props.partner.language();
    let app: AppContext = use_reducer(move || {
        // The prerender is a first visit: nothing stored, no history.
        if PRERENDER {
            let mut state = AppState::new((*instrument).clone(), None, None, false);
            if let Some(lang) = start_lang {
                state.lang = lang;
            }
            return state;
        }
        let mut state = AppState::new(
            (*instrument).clone(),
            browser::load_progress().as_deref(),
            browser::load_remembered().as_deref(),
            browser::wants_professional_view(),
        );
        // The partner's language is where a new relative starts; one who is
        // continuing keeps the language they chose.
        if let (Some(lang), true) = (start_lang, state.answers.is_empty()) {
            state.lang = lang;
        }
        // A reload of the site lands on the page its history entry holds
        // (the answers came back from sessionStorage above). Embedded, the
        // app starts over: it keeps no answers across a reload there.
        if browser::scope().is_none() && !browser::wants_professional_view() {
            if let Some(view) = browser::history_view() {
                let now = browser::now_iso();
                let reduced = std::rc::Rc::new(state).reduce(Action::Navigated { view, now });
                state = std::rc::Rc::try_unwrap(reduced).unwrap_or_else(|rc| (*rc).clone());
                state.navigated = false;
            }
        }
        state
    });

    // A share link (a QR code) opens the professional view with its code,
    // which is then taken out of the address and the history entry.
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            if let Some(code) = browser::take_shared_code() {
                app.dispatch(Action::ImportCode(
                    code,
                    crate::state::ImportTarget::Professional,
                ));
            }
        });
    }

    // Offline use (the site only): where it stands, once the browser says
    // so, and when a new version waits for the next start.
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            browser::offline_watch(move |offline| app.dispatch(Action::Offline(offline)));
        });
    }

    // Back and Forward: the browser's history holds one entry per page the
    // person went to (the view only, never an answer). Arriving at one shows
    // its page; a page the person goes to adds an entry, unless it came from
    // the history itself.
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_history(move |view| {
                app.dispatch(Action::Navigated {
                    view,
                    now: browser::now_iso(),
                })
            });
            move || drop(listener)
        });
    }
    {
        let first = use_mut_ref(|| true);
        let navigated = app.navigated;
        use_effect_with(app.view, move |view| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                browser::history_start(*view);
            } else if browser::history_view() != Some(*view) {
                if navigated {
                    browser::history_replace(*view);
                } else {
                    browser::history_push(*view);
                }
            }
        });
    }

    // Results made with an earlier version of the questionnaire: its file is
    // fetched (same origin, nothing sent) only when something did not open
    // without it, once per visit; the reducer then opens what waited.
    let wants_versions = app.wants_earlier_versions();
    {
        let app = app.clone();
        use_effect_with(wants_versions, move |wants| {
            if *wants {
                wasm_bindgen_futures::spawn_local(async move {
                    let mut files = Vec::new();
                    for published in crate::instrument::PUBLISHED {
                        files.push(browser::load_published(published.file).await);
                    }
                    app.dispatch(Action::EarlierVersionsLoaded(files));
                });
            }
        });
    }

    // The partner's brand colours and font, on the embedded app's root.
    use_effect_with(props.partner.clone(), |partner| {
        if let Some(root) = browser::scope() {
            embed::apply_theme(&root, &partner.config.theme);
        }
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

    // "Stop and erase" can be undone for a few seconds: then the erased
    // answers, kept in memory only, are forgotten. A later erasure has its
    // own number, so this timer never forgets that one.
    let erasure = app.erased.as_ref().map(|e| e.erasure);
    {
        let app = app.clone();
        use_effect_with(erasure, move |erasure| {
            if let Some(erasure) = *erasure {
                browser::after_seconds(crate::state::UNDO_SECONDS, move || {
                    app.dispatch(Action::ForgetErased(erasure))
                });
            }
        });
    }

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
        browser::set_document_language(lang.tag());
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
                html! { <ResultPage outcome={outcome.clone()} /> }
            }
            None => html! { <Welcome /> },
        },
        View::Earlier => html! { <EarlierPage /> },
        View::Professional => html! { <ProfessionalPage /> },
    };

    html! {
        <ContextProvider<AppContext> context={app.clone()}>
        <ContextProvider<PartnerContext> context={props.partner.clone()}>
            <Header />
            <div class="page">
                <PartnerNotice />
                <NoticeBar />
                <UpdateNotice />
                { page }
            </div>
            <HelpNow compact={matches!(app.view, View::Questions(_))} />
        </ContextProvider<PartnerContext>>
        </ContextProvider<AppContext>>
    }
}
