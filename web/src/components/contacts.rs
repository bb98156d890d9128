//! Contact points: a card per contact, the "help right now" block with
//! the crisis lines at the bottom of every page, and the help panel that the
//! "Need help?" button in the top bar opens on every page.

use naastenmeter_core::instrument::Contact;
use naastenmeter_core::text::pick;
use yew::prelude::*;

use crate::state::AppContext;

/// Properties of [`ContactCard`].
#[derive(Properties, PartialEq)]
pub struct ContactProps {
    /// The contact's id in the instrument.
    pub id: AttrValue,
}

/// One contact point: name, what they offer, phone and website.
#[component]
pub fn ContactCard(props: &ContactProps) -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    // Today's contact details first; a contact only an earlier version
    // has (a result of that version) from that version.
    let contact = app.versions.all().find_map(|q| q.contact(&props.id));
    match contact {
        Some(contact) => contact_html(contact, app.lang),
        None => html! {},
    }
}

/// Renders a contact (shared with the help block and the help panel).
pub fn contact_html(contact: &Contact, lang: crate::i18n::Lang) -> Html {
    let t = lang.t();
    let code = lang.code();
    // Only https links and phone numbers are made clickable: texts from an
    // instrument are data, never markup or script.
    let phone = contact.phone.as_ref().map(|phone| {
        let dial: String = phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        html! { <li>{ t.phone }{ ": " }<a href={format!("tel:{dial}")}>{ phone }</a></li> }
    });
    let url = contact
        .url
        .as_ref()
        .filter(|u| u.starts_with("https://"))
        .map(|url| html! { <li>{ t.website }{ ": " }<a href={url.clone()} rel="noopener noreferrer">{ url }</a></li> });
    html! {
        <div class="contact">
            <p class="contact-name">{ pick(&contact.name, code) }</p>
            <p>{ pick(&contact.description, code) }</p>
            <ul class="contact-ways">{ phone }{ url }</ul>
        </div>
    }
}

/// A contact as one short line: the name and the number to tap (or the
/// website when there is no number), for a contact already shown in full.
pub fn contact_line(contact: &Contact, lang: crate::i18n::Lang) -> Html {
    let code = lang.code();
    let way = match (&contact.phone, &contact.url) {
        (Some(phone), _) => {
            let dial: String = phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            html! { <>{ ": " }<a href={format!("tel:{dial}")}>{ phone }</a></> }
        }
        (None, Some(url)) if url.starts_with("https://") => {
            html! { <>{ ": " }<a href={url.clone()} rel="noopener noreferrer">{ url }</a></> }
        }
        _ => html! {},
    };
    html! {
        <li class="contact-line"><strong>{ pick(&contact.name, code) }</strong>{ way }</li>
    }
}

/// Properties of [`HelpNow`].
#[derive(Properties, PartialEq)]
pub struct HelpNowProps {
    /// One short line per contact (name and number), as on the pages of
    /// questions, where "Need help?" in the top bar opens them in full.
    #[prop_or_default]
    pub compact: bool,
}

/// The crisis lines, always reachable at the bottom of every page.
#[component]
pub fn HelpNow(props: &HelpNowProps) -> Html {
    // The heading levels and landmark of the page around the app.
    let h = crate::embed::use_outline();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let always: Vec<&Contact> = app
        .instrument
        .contacts
        .iter()
        .filter(|c| c.always_shown)
        .collect();
    if always.is_empty() {
        return html! {};
    }
    html! {
        <footer class="help-now" aria-labelledby="help-now-heading">
            { h.heading(1).id("help-now-heading").with(t.help_now_heading) }
            if props.compact {
                <ul class="contact-lines">
                    { for always.into_iter().map(|c| contact_line(c, app.lang)) }
                </ul>
            } else {
                { for always.into_iter().map(|c| contact_html(c, app.lang)) }
            }
        </footer>
    }
}

/// Properties of [`HelpPanel`].
#[derive(Properties, PartialEq)]
pub struct HelpPanelProps {
    /// Closes the panel.
    pub on_close: Callback<MouseEvent>,
}

/// The panel the "Need help?" button opens: the contacts the instrument
/// always shows and the crisis lines of its urgent rules, right under the
/// top bar, without leaving the page or losing an answer.
#[component]
pub fn HelpPanel(props: &HelpPanelProps) -> Html {
    // The heading levels and landmark of the page around the app.
    let h = crate::embed::use_outline();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let contacts = crate::view_model::help_contacts(&app.instrument);
    html! {
        <section class="help-panel no-print" id="help-panel" aria-labelledby="help-panel-heading">
            { h.panel_heading().id("help-panel-heading").focusable().with(t.help_now_heading) }
            <p>{ t.help_panel_intro }</p>
            { for contacts.into_iter().map(|c| contact_html(c, app.lang)) }
            <button type="button" class="help-close" id="help-close" onclick={props.on_close.clone()}>
                { t.help_panel_close }
            </button>
        </section>
    }
}
