//! The bar at the top of every page: the name, the "Need help?" button
//! that opens the help contacts, the language switch and the quick-exit
//! button, always in view.

use yew::prelude::*;

use crate::browser;
use crate::components::contacts::HelpPanel;
use crate::embed::PartnerContext;
use crate::state::{Action, AppContext};

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
    let quick_exit = Callback::from(|_: MouseEvent| browser::quick_exit());
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
    html! {
        <>
        <header class="topbar no-print">
            <a class="skip-link" href="#main" onclick={skip}>{ t.skip_to_content }</a>
            <span class="brand">{ logo }{ name }<span class="brand-title">{ title }</span></span>
            <button type="button" class="help-toggle" id="help-toggle" onclick={toggle_help}
                aria-expanded={help_open.to_string()} aria-controls="help-panel">
                { t.help_link }
            </button>
            <button type="button" class="lang-switch" lang={other.tag()} onclick={switch}>
                { t.switch_language }
            </button>
            <button type="button" class="quick-exit" id="quick-exit" onclick={quick_exit}
                title={t.quick_exit_hint}
                aria-describedby={if app.downloaded { "quick-exit-hint quick-exit-downloaded" } else { "quick-exit-hint" }}>
                { t.quick_exit }
            </button>
            <span id="quick-exit-hint" class="visually-hidden">{ t.quick_exit_hint }</span>
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
