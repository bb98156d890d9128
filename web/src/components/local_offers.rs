//! The partner's own support offers on the result page, above the generic
//! ones: only the offers that fit this result (the best-fitting prototype,
//! the runner-up when uncertain, none when no description fits, and the
//! behaviours the relative named).

use naastenmeter_core::partner::{LocalOffer, OfferKind};
use yew::prelude::*;

use crate::embed::PartnerContext;
use crate::i18n::Lang;
use crate::state::{AppContext, Shared};
use naastenmeter_core::{Questionnaire, Scored};

/// Properties of [`LocalOffers`].
#[derive(Properties, PartialEq)]
pub struct LocalOffersProps {
    /// The result the offers should fit.
    pub outcome: Shared<Scored>,
}

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

/// The offers that fit `outcome`, in the partner's order (the core decides
/// what fits: [`LocalOffer::fits`]).
pub fn fitting<'a>(
    offers: &'a [LocalOffer],
    instrument: &Questionnaire,
    outcome: &Scored,
) -> Vec<&'a LocalOffer> {
    offers
        .iter()
        .filter(|offer| offer.fits(instrument, outcome))
        .collect()
}

/// The partner's offers that fit the result; nothing when none fit.
#[component]
pub fn LocalOffers(props: &LocalOffersProps) -> Html {
    let (Some(app), Some(partner)) = (use_context::<AppContext>(), use_context::<PartnerContext>())
    else {
        return html! {};
    };
    let offers = fitting(
        &partner.config.local_offers,
        &app.instrument,
        &props.outcome,
    );
    if offers.is_empty() {
        return html! {};
    }
    let lang = app.lang;
    let code = lang.code();
    let words = lang.t();
    let partner_name = partner
        .config
        .partner_name
        .as_ref()
        .map(|n| n.pick(code).to_string());
    html! {
        <section class="local-offers" id="local-offers" aria-labelledby="local-offers-heading">
            <h2 id="local-offers-heading">{ words.local_offers_heading }</h2>
            <p>
                if let Some(name) = partner_name { <strong>{ name }</strong>{ ". " } }
                { words.local_offers_intro }
            </p>
            { for offers.into_iter().map(|offer| html! {
                <article class="local-offer">
                    <p class="offer-kind">{ kind_label(offer.kind, lang) }</p>
                    <h3>{ offer.name.pick(code) }</h3>
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
