//! The partner's own support offers, high on the result page: right after
//! the safety signals and the short summary, headed with the partner's name.
//! Only the offers that fit this result are shown; the core decides which
//! ([`naastenmeter_core::partner::LocalOffer::fits`], looked up by
//! [`crate::view_model::partner_offers`]).

use naastenmeter_core::partner::{LocalOffer, OfferKind};
use yew::prelude::*;

use crate::embed::Outline;
use crate::i18n::Lang;

/// What a kind of offer is called, for the small label above its name.
fn kind_label(kind: OfferKind, lang: Lang) -> &'static str {
    let t = lang.t();
    match kind {
        OfferKind::PeerGroup => t.offer_peer_group,
        OfferKind::ListeningEar => t.offer_listening_ear,
        OfferKind::ThemeEvening => t.offer_theme_evening,
        OfferKind::OneToOne => t.offer_one_to_one,
        OfferKind::Respite => t.offer_respite,
        OfferKind::Training => t.offer_training,
    }
}

/// The heading of the partner's offers: with the partner's name when they
/// gave one. The result page's table of contents uses it too.
pub fn heading(partner_name: Option<&str>, lang: Lang) -> String {
    match partner_name {
        Some(name) => (lang.t().local_offers_at)(name),
        None => lang.t().local_offers_heading.to_string(),
    }
}

/// The section with the offers that fit (not called when none fit); a
/// section of the result page, so its heading is one level below the page's.
pub fn local_offers(offers: &[&LocalOffer], heading: String, lang: Lang, h: Outline) -> Html {
    let code = lang.code();
    let words = lang.t();
    html! {
        <section class="local-offers" id="local-offers" aria-labelledby="local-offers-heading">
            { h.heading(1).id("local-offers-heading").focusable().with(heading) }
            <p>{ words.local_offers_intro }</p>
            { for offers.iter().map(|offer| html! {
                <article class="local-offer">
                    <p class="offer-kind">{ kind_label(offer.kind, lang) }</p>
                    { h.heading(2).with(offer.name.pick(code)) }
                    <p>{ offer.description.pick(code) }</p>
                    if !offer.contact.is_empty() {
                        <ul class="contact-ways" aria-label={words.contact}>
                            // The core let only https:, tel: and mailto: links through.
                            { for offer.contact.iter().map(|link| html! {
                                <li><a href={link.href.clone()} rel="noopener noreferrer">{ link.label.pick(code) }</a></li>
                            }) }
                        </ul>
                    }
                </article>
            }) }
        </section>
    }
}
