//! The result page: safety signals first (each contact in full once), then,
//! when a signal asks for it, "first, help for yourself" with a line saying
//! why the tips come after it; then the scale chart, the prototype the core
//! names (strength in words, then the percentage, with the provisional
//! model's caveat beside it) or why none is named, what may help, the
//! ratings and "about this result". The professional view shows the same page
//! without the relative's own buttons.

use naastenmeter_core::instrument::{AdviceKind, SignalLevel};
use naastenmeter_core::report::Direction;
use naastenmeter_core::text::pick;
use yew::prelude::*;

use crate::browser;
use crate::components::chart::ScaleChart;
use crate::components::contacts::{contact_line, ContactCard};
use crate::components::exports::{Exports, Remember};
use crate::components::local_offers::LocalOffers;
use crate::state::{Action, AppContext, Outcome, Shared, View};
use crate::view_model::{help_first_contacts, prototype_view, signal_views, Card, PrototypeView};

/// Properties of [`ResultPage`].
#[derive(Properties, PartialEq)]
pub struct ResultProps {
    /// The result to show.
    pub outcome: Shared<Outcome>,
    /// Whether this is the professional view (no exports, nothing stored).
    pub professional: bool,
}

/// Items that belong to no scale: the 0–10 ratings.
pub fn rating_items(
    instrument: &naastenmeter_core::Instrument,
) -> Vec<&naastenmeter_core::instrument::Item> {
    instrument
        .items
        .iter()
        .filter(|item| !instrument.scales.iter().any(|s| s.items.contains(&item.id)))
        .collect()
}

/// The result page.
#[component]
pub fn ResultPage(props: &ResultProps) -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.lang;
    let t = lang.t();
    let code = lang.code();
    let instrument = &app.instrument;
    let outcome = &props.outcome;
    let report = &outcome.report;
    let heading_id = if props.professional {
        "result-heading"
    } else {
        "main-heading"
    };

    let signals = signal_views(instrument, report).into_iter().map(|view| {
        let rule = view.rule;
        let (class, level) = match rule.level {
            SignalLevel::Urgent => ("signal signal-urgent", t.urgent),
            SignalLevel::Attention => ("signal signal-attention", t.attention),
        };
        html! {
            <div class={class}>
                <p class="signal-level">{ level }</p>
                <h3>{ pick(&rule.title, code) }</h3>
                <p>{ pick(&rule.message, code) }</p>
                { for view.cards.into_iter().map(|c| html! { <ContactCard id={c.id.clone()} /> }) }
                if !view.repeated.is_empty() {
                    <ul class="contact-lines">{ for view.repeated.into_iter().map(|c| contact_line(c, lang)) }</ul>
                }
            </div>
        }
    });
    let has_signals = !report.signals.is_empty();

    let bands = report.scales.iter().filter_map(|result| {
        let scale = instrument.scale(&result.id)?;
        let band = result.band.as_ref().and_then(|b| scale.bands.iter().find(|band| &band.id == b));
        Some(html! {
            <div class="scale-text">
                <h3>{ pick(&scale.label, code) }</h3>
                <p class="scale-description">{ pick(&scale.description, code) }</p>
                if result.enough {
                    if let Some(band) = band {
                        <p><strong>{ pick(&band.label, code) }{ ": " }</strong>{ pick(&band.text, code) }</p>
                    }
                } else {
                    <p class="too-few">{ lang.too_few(result.answered, result.total) }</p>
                }
            </div>
        })
    });

    let model = &instrument.model;
    // The strength in words first, the percentage second, and the
    // provisional model's caveat right beside them (on the first card).
    let prototype_card = |card: &Card<'_>, first: bool| -> Html {
        let p = card.prototype;
        html! {
            <article class="prototype">
                <h3>{ pick(&p.name, code) }</h3>
                <p class="fit-line">
                    if let Some(words) = card.strength {
                        <strong class="fit-strength">{ capitalised(pick(words, code)) }</strong>{ ". " }
                    }
                    <span class="chance">{ t.fit_chance }{ ": " }{ lang.percent(card.probability) }</span>
                </p>
                if first && model.provisional {
                    <p class="provisional-note">{ t.provisional_note }</p>
                }
                <p>{ pick(card.description, code) }</p>
                <h4>{ t.feelings }</h4>
                <p>{ pick(&p.feelings, code) }</p>
                <h4>{ t.what_may_help }</h4>
                <ul>{ for p.what_may_help.iter().map(|h| html! { <li>{ pick(h, code) }</li> }) }</ul>
            </article>
        }
    };
    let c = &report.classification;
    let inputs_used =
        html! { <p class="inputs-used">{ lang.inputs_used(c.inputs_used, c.inputs_total) }</p> };
    let prototype = match prototype_view(instrument, report) {
        PrototypeView::Named { cards, uncertain } => html! {
            <>
                <p>{ if uncertain { t.prototype_uncertain } else { t.prototype_fits } }</p>
                { for cards.iter().enumerate().map(|(i, card)| prototype_card(card, i == 0)) }
                { inputs_used }
            </>
        },
        PrototypeView::NoneFits(direction) => {
            let text = match direction {
                Direction::Lighter => t.none_fits_lighter,
                Direction::Heavier => t.none_fits_heavier,
                Direction::Mixed => t.none_fits_mixed,
            };
            html! {
                <div class={classes!("no-prototype", format!("none-fits-{direction:?}").to_lowercase())} id="no-prototype">
                    <p><strong>{ t.none_fits_intro }</strong></p>
                    <p>{ text }</p>
                    <p>{ t.still_use }</p>
                </div>
            }
        }
        PrototypeView::TooFewInputs {
            needed,
            used,
            total,
        } => html! {
            <div class="no-prototype too-few-inputs" id="no-prototype">
                <p>{ lang.too_few_inputs(needed, used, total) }</p>
                <p>{ t.still_use }</p>
                if !props.professional { <p>{ t.too_few_more }</p> }
            </div>
        },
    };

    // PINM's contra-indication: help for the relative leads, with the
    // contacts of the signals that asked for it.
    let help_first = report.help_for_yourself_first.then(|| {
        let contacts = help_first_contacts(instrument, report);
        html! {
            <section class="help-first" id="help-first" aria-labelledby="help-first-heading">
                <h2 id="help-first-heading">{ t.help_first_heading }</h2>
                <p>{ t.help_first_intro }</p>
                <ul class="contact-lines">{ for contacts.into_iter().map(|c| contact_line(c, lang)) }</ul>
            </section>
        }
    });
    let help_first_why = report
        .help_for_yourself_first
        .then(|| html! { <p class="help-first-why" id="help-first-why">{ t.help_first_why }</p> });

    let advice_group = |kind: AdviceKind,
                        heading: &'static str,
                        intro: Option<&'static str>|
     -> Html {
        let rules: Vec<_> = report
            .advice
            .iter()
            .filter_map(|id| instrument.advice.iter().find(|a| &a.id == id))
            .filter(|a| a.kind == kind)
            .collect();
        if rules.is_empty() {
            return html! {};
        }
        html! {
            <section class="advice" aria-labelledby={format!("advice-{kind:?}")}>
                <h2 id={format!("advice-{kind:?}")}>{ heading }</h2>
                if let Some(intro) = intro { <p>{ intro }</p> }
                { for rules.into_iter().map(|a| html! {
                    <article class="advice-item">
                        <h3>{ pick(&a.title, code) }</h3>
                        <p>{ pick(&a.text, code) }</p>
                        if let Some(more) = &a.learn_more {
                            <p class="learn-more">{ t.learn_more }{ ": " }{ pick(more, code) }</p>
                        }
                        { for a.contacts.iter().map(|c| html! { <ContactCard id={c.clone()} /> }) }
                    </article>
                }) }
            </section>
        }
    };

    let ratings = rating_items(instrument);
    let rating_rows = ratings.iter().map(|item| {
        let max = instrument.response_scale_of(item).and_then(|rs| rs.range()).map(|(_, hi)| hi).unwrap_or(10);
        let value = outcome.answers.value(&item.id).map(|v| lang.out_of(v, max)).unwrap_or_else(|| t.not_answered.to_string());
        html! { <li><span class="rating-question">{ pick(&item.text, code) }</span>{ " " }<strong>{ value }</strong></li> }
    });

    let actions = if props.professional {
        html! {}
    } else {
        let back = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::Back))
        };
        let earlier = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::Show(View::Earlier)))
        };
        let erase = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| {
                browser::erase_progress();
                app.dispatch(Action::Erase);
            })
        };
        html! {
            <>
                <Exports outcome={outcome.clone()} />
                <Remember />
                <div class="nav-buttons no-print">
                    <button type="button" onclick={back}>{ t.back }</button>
                    <button type="button" id="to-earlier" onclick={earlier}>{ t.earlier_link }</button>
                </div>
                <p class="erase-line no-print">
                    <button type="button" class="danger-link" id="stop-and-erase" onclick={erase}>{ t.stop_and_erase }</button>
                </p>
            </>
        }
    };

    let body = html! {
        <>
            <h1 id={heading_id} tabindex="-1">{ t.result_heading }</h1>
            <p class="not-diagnosis">{ t.not_a_diagnosis }</p>
            <p class="made-on">{ t.made_on }{ ": " }{ lang.date(outcome.created.as_deref()) }</p>
            if has_signals {
                <section class="signals" aria-labelledby="signals-heading">
                    <h2 id="signals-heading">{ t.signals_heading }</h2>
                    { for signals }
                </section>
            }
            { help_first }
            { help_first_why }
            <section aria-labelledby="scores-heading">
                <h2 id="scores-heading">{ t.scores_heading }</h2>
                <p>{ t.scores_intro }</p>
                <ScaleChart report={outcome.clone()} />
                { for bands }
            </section>
            <section aria-labelledby="prototype-heading" class="prototypes">
                <h2 id="prototype-heading">{ t.prototype_heading }</h2>
                { prototype }
            </section>
            { advice_group(AdviceKind::Method, t.methods_heading, None) }
            { advice_group(AdviceKind::Technique, t.techniques_heading, Some(t.techniques_intro)) }
            { advice_group(AdviceKind::Tip, t.tips_heading, None) }
            <LocalOffers outcome={outcome.clone()} />
            { advice_group(AdviceKind::Offer, t.offers_heading, None) }
            if !ratings.is_empty() {
                <section aria-labelledby="ratings-heading">
                    <h2 id="ratings-heading">{ t.ratings_heading }</h2>
                    <ul class="ratings">{ for rating_rows }</ul>
                </section>
            }
            <section aria-labelledby="about-heading" class="about">
                <h2 id="about-heading">{ t.about_heading }</h2>
                <p>{ t.about_method }</p>
                <p>{ t.about_uncertainty }</p>
                <p>{ pick(&model.about, code) }</p>
                if model.provisional { <p><strong>{ t.about_provisional }</strong></p> }
                <p class="not-diagnosis">{ t.not_a_diagnosis }</p>
            </section>
            { actions }
        </>
    };
    if props.professional {
        html! { <div class="result">{ body }</div> }
    } else {
        html! { <main id="main" class="result">{ body }</main> }
    }
}

/// A text with its first letter as a capital, for a strength label such as
/// "past goed" that starts a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
