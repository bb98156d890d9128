//! The bar at the top of every page: the name, the "Need help?" button
//! that opens the help contacts, the language switch and the quick-exit
//! button, always in view. On a page of questions it also holds the page
//! count and progress bar, with the language switch (small, beside them)
//! on that second line, so on a phone the bar keeps to two short rows
//! even with the text at 200 % (style.css, issue 15).

use yew::prelude::*;

use crate::browser;
use crate::components::contacts::HelpPanel;
use crate::embed::PartnerContext;
use crate::state::{Action, AppContext, View};

/// The top bar.
#[component]
pub fn Header() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    // An embedding partner's name and logo, before the app's own name. The
    // logo's address was checked by the core (https: or data:image only).
    let partner = use_context::<PartnerContext>();
    // Back from English in the partner's form of address ("u" stays "u").
    let other = partner
        .as_ref()
        .map_or(app.lang.other(), |p| p.speak(app.lang.other()));
    let switch = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::SetLang(other)))
    };
    // Quick exit forgets everything in memory too (also answers kept for
    // the undo of "stop and erase"), then leaves.
    let quick_exit = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::QuickExit);
            browser::quick_exit();
        })
    };
    let help_open = use_state(|| false);
    let toggle_help = {
        let help_open = help_open.clone();
        Callback::from(move |_: MouseEvent| help_open.set(!*help_open))
    };
    let close_help = {
        let help_open = help_open.clone();
        Callback::from(move |_: MouseEvent| {
            help_open.set(false);
            browser::focus("help-toggle");
        })
    };
    // Opening the panel moves focus to its heading, so it is read at once.
    use_effect_with(*help_open, |open| {
        if *open {
            browser::focus("help-panel-heading");
        }
    });
    // Focus moves to the page's heading directly: embedded in a shadow
    // root, "#main" would look for the id in the host page, and following
    // the fragment would add a history entry that is not a page of the app.
    let skip = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        browser::focus("main-heading");
    });
    let title = naastenmeter_core::text::pick(&app.instrument.title, app.lang.code()).to_string();
    let config = partner.as_ref().map(|p| &p.config);
    let partner_name = config
        .and_then(|c| c.partner_name.as_ref())
        .map(|n| n.pick(app.lang.code()).to_string());
    let logo = config.and_then(|c| c.partner_logo.clone()).map(|src| {
        html! { <img class="partner-logo" {src} alt={partner_name.clone().unwrap_or_default()} /> }
    });
    let name = match (&logo, partner_name) {
        (None, Some(name)) => Some(html! { <span class="partner-name">{ name }</span> }),
        _ => None,
    };
    let lang_switch = html! {
        <button type="button" class="lang-switch" lang={other.tag()} onclick={switch}>
            { t.switch_language }
        </button>
    };
    // Which page of questions is on screen, out of how many.
    let progress = match app.view {
        View::Questions(index) if index < app.pages.len() => Some((index + 1, app.pages.len())),
        _ => None,
    };
    html! {
        <>
        <header class={classes!("topbar", "no-print", progress.is_some().then_some("topbar-questions"))}>
            <div class="topbar-row">
                <a class="skip-link" href="#main" onclick={skip}>{ t.skip_to_content }</a>
                <span class="brand">{ logo }{ name }<span class="brand-title">{ title }</span></span>
                <button type="button" class="help-toggle" id="help-toggle" onclick={toggle_help}
                    aria-expanded={help_open.to_string()} aria-controls="help-panel">
                    { t.help_link }
                </button>
                if progress.is_none() { { lang_switch.clone() } }
                <button type="button" class="quick-exit" id="quick-exit" onclick={quick_exit}
                    title={t.quick_exit_hint}
                    aria-describedby={if app.downloaded { "quick-exit-hint quick-exit-downloaded" } else { "quick-exit-hint" }}>
                    { t.quick_exit }
                </button>
                <span id="quick-exit-hint" class="visually-hidden">{ t.quick_exit_hint }</span>
            </div>
            if let Some((number, total)) = progress {
                <div class="topbar-progress">
                    <p class="progress-text" id="progress-text" aria-live="polite">{ (t.page_of)(number, total) }</p>
                    <progress class="progress" max={total.to_string()} value={number.to_string()}
                        aria-labelledby="progress-text"></progress>
                    { lang_switch }
                </div>
            }
        </header>
        if app.downloaded {
            <p class="quick-exit-downloaded no-print" id="quick-exit-downloaded">{ t.quick_exit_downloaded }</p>
        }
        if *help_open {
            <HelpPanel on_close={close_help} />
        }
        </>
    }
}
