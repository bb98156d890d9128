//! The result page. The first screen carries the result: safety signals
//! (each contact in full once on the whole page), "first, help for
//! yourself" when a signal asks for it, then "in short": the scales in
//! words, the description that fits (strength in words) or why none is
//! named, and up to three next steps (the core's `summary`). Everything else
//! follows in folded sections with jump links: the chart, the description
//! (percentage with the provisional model's caveat beside it), what may
//! help, support, the ratings and "about this result". (The professional
//! view has its own page, `professional.rs`.)

use naastenmeter_core::instrument::{AdviceKind, SignalLevel};
use naastenmeter_core::report::Direction;
use naastenmeter_core::text::pick;
use yew::prelude::*;

use crate::browser;
use crate::components::card::{CardEditor, CardView};
use crate::components::chart::ScaleChart;
use crate::components::contacts::{contact_line, ContactCard};
use crate::components::exports::{Exports, Remember};
use crate::components::local_offers::{heading as offers_heading, local_offers};
use crate::components::navigation::go_back;
use crate::components::offline::OfflineChoice;
use crate::embed::PartnerContext;
use crate::i18n::in_sentence;
use crate::state::{Action, AppContext, Shared, View};
use crate::view_model::{
    advice_of_kind, partner_offers, prototype_view, result_contacts, signal_views, Card,
    PrototypeView,
};
use naastenmeter_core::summary::summary;
use naastenmeter_core::Scored;

/// Properties of [`ResultPage`].
#[derive(Properties, PartialEq)]
pub struct ResultProps {
    /// The result to show.
    pub outcome: Shared<Scored>,
}

/// The result page.
#[component]
pub fn ResultPage(props: &ResultProps) -> Html {
    // The heading levels and landmark of the page around the app.
    let h = crate::embed::use_outline();
    let partner = use_context::<PartnerContext>();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.lang;
    let t = lang.t();
    let code = lang.code();
    let outcome = &props.outcome;
    // A result of an earlier version is shown in that version's words.
    let instrument = app.versions.of(outcome).unwrap_or(&app.instrument);
    let report = outcome.report();

    // The signals lead the first screen, so they stay short there: the most
    // urgent one open, the others by their title (one tap opens each), and
    // each contact as one line to tap (its name and number), in full once.
    let signals = signal_views(instrument, report).into_iter().enumerate().map(|(i, view)| {
        let rule = view.rule;
        let (class, level) = match rule.level {
            SignalLevel::Urgent => ("signal signal-urgent", t.urgent),
            SignalLevel::Attention => ("signal signal-attention", t.attention),
        };
        html! {
            <details class={class} open={i == 0}>
                <summary>
                    <span class="signal-level">{ level }</span>
                    { h.heading(2).with(pick(&rule.title, code)) }
                </summary>
                <p>{ pick(&rule.message, code) }</p>
                if !view.cards.is_empty() {
                    <ul class="contact-lines">{ for view.cards.into_iter().map(|c| contact_line(c, lang)) }</ul>
                }
                if !view.repeated.is_empty() {
                    <ul class="contact-lines contact-repeats">{ for view.repeated.into_iter().map(|c| contact_line(c, lang)) }</ul>
                }
            </details>
        }
    });
    let has_signals = !report.signals.is_empty();

    let bands = report.scales.iter().filter_map(|result| {
        let scale = instrument.scale(&result.id)?;
        let band = result.band.as_ref().and_then(|b| scale.band(b));
        Some(html! {
            <div class="scale-text">
                { h.heading(2).with(pick(&scale.label, code)) }
                <p class="scale-description">{ pick(&scale.description, code) }</p>
                if result.enough {
                    if let Some(band) = band {
                        <p><strong>{ pick(&band.label, code) }{ ": " }</strong>{ pick(&band.text, code) }</p>
                    }
                } else {
                    <p class="too-few">{ (t.too_few)(result.answered, result.total) }</p>
                }
            </div>
        })
    });

    // For the printout: the scores and bands as one small table (the chart
    // and the band texts stay on screen), so the result fits two pages.
    let print_scales = report.scales.iter().filter_map(|result| {
        let scale = instrument.scale(&result.id)?;
        let band = result.band.as_ref().and_then(|b| scale.band(b));
        let (low, high) = instrument.scale_range(scale);
        let score = match (result.enough, result.score) {
            (true, Some(score)) => format!(
                "{} ({}–{})",
                lang.number(score),
                lang.number(low),
                lang.number(high)
            ),
            _ => (t.too_few)(result.answered, result.total),
        };
        Some(html! {
            <tr>
                <th scope="row">{ pick(&scale.label, code) }</th>
                <td>{ score }</td>
                <td>{ band.map(|b| pick(&b.label, code).to_string()).unwrap_or_default() }</td>
            </tr>
        })
    });
    let print_scales = html! {
        <table class="print-only print-scales">
            <caption>{ t.scores_heading }</caption>
            <thead><tr><th scope="col">{ t.col_part }</th><th scope="col">{ t.print_score }</th><th scope="col">{ t.print_band }</th></tr></thead>
            <tbody>{ for print_scales }</tbody>
        </table>
    };

    let model = &instrument.model;
    // The strength in words first, the percentage second, and the
    // provisional model's caveat right beside them (on the first card).
    let prototype_card = |card: &Card<'_>, first: bool| -> Html {
        let p = card.prototype;
        html! {
            <article class="prototype">
                { h.heading(2).with(pick(&p.name, code)) }
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
                { h.heading(3).with(t.feelings) }
                <p>{ pick(&p.feelings, code) }</p>
                { h.heading(3).with(t.what_may_help) }
                <ul>{ for p.what_may_help.iter().map(|h| html! { <li>{ pick(h, code) }</li> }) }</ul>
            </article>
        }
    };
    let c = &report.classification;
    let inputs_used =
        html! { <p class="inputs-used">{ (t.inputs_used)(c.inputs_used, c.inputs_total) }</p> };
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
                <div class={classes!("no-prototype", none_fits_class(direction))} id="no-prototype">
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
                <p>{ (t.too_few_inputs)(needed, used, total) }</p>
                <p>{ t.still_use }</p>
                <p>{ t.too_few_more }</p>
            </div>
        },
    };

    // Where each contact is shown in full: once, where it matters most.
    let contacts = result_contacts(instrument, report);

    // PINM's contra-indication: help for the relative leads, with the
    // contacts of the signals that asked for it (those the signals above
    // did not show already).
    let help_first = report.help_for_yourself_first.then(|| {
        html! {
            <section class="help-first" id="help-first" aria-labelledby="help-first-heading">
                { h.heading(1).id("help-first-heading").with(t.help_first_heading) }
                <p>{ t.help_first_intro }</p>
                if contacts.help_first.is_empty() {
                    <p>{ t.help_first_above }</p>
                } else {
                    <p>{ t.help_first_with }</p>
                    <ul class="contact-lines">{ for contacts.help_first.iter().map(|c| contact_line(c, lang)) }</ul>
                }
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
        let rules = advice_of_kind(instrument, report, kind);
        if rules.is_empty() {
            return html! {};
        }
        html! {
            <details class="fold advice" id={format!("sec-advice-{kind:?}")}>
                <summary>{ h.heading(1).id(format!("advice-{kind:?}")).with(heading) }</summary>
                if let Some(intro) = intro { <p>{ intro }</p> }
                { for rules.into_iter().map(|a| html! {
                    <article class="advice-item" id={format!("advice-{}", a.id)}>
                        { h.heading(2).with(pick(&a.title, code)) }
                        <p>{ pick(&a.text, code) }</p>
                        if let Some(more) = &a.learn_more {
                            <p class="learn-more">{ t.learn_more }{ ": " }{ pick(more, code) }</p>
                        }
                        { for contacts.of_advice(&a.id).iter().map(|c| html! { <ContactCard id={c.id.clone()} /> }) }
                    </article>
                }) }
            </details>
        }
    };

    // The first screen: the scales in words, the description in one
    // sentence, up to three next steps. The core chooses; this only words it.
    let first = summary(instrument, report);
    let scale_names = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| instrument.scale(id))
            .map(|s| in_sentence(pick(&s.label, code)))
            .collect()
    };
    let mut scale_sentences: Vec<String> = first
        .groups
        .iter()
        .map(|g| lang.weight_sentence(g.weight, &scale_names(&g.scales)))
        .collect();
    if !first.no_score.is_empty() {
        scale_sentences.push(lang.no_score_sentence(&scale_names(&first.no_score)));
    }
    let view = prototype_view(instrument, report);
    let description_line = match &view {
        PrototypeView::Named { cards, .. } => match cards.as_slice() {
            [one] => (t.best_fit)(
                pick(&one.prototype.name, code),
                one.strength.map(|s| pick(s, code)).unwrap_or_default(),
            ),
            [a, b, ..] => (t.two_fit)(pick(&a.prototype.name, code), pick(&b.prototype.name, code)),
            [] => String::new(),
        },
        PrototypeView::NoneFits(Direction::Lighter) => t.in_short_lighter.to_string(),
        PrototypeView::NoneFits(Direction::Heavier) => t.in_short_heavier.to_string(),
        PrototypeView::NoneFits(Direction::Mixed) => t.in_short_mixed.to_string(),
        PrototypeView::TooFewInputs { .. } => t.in_short_too_few.to_string(),
    };
    let jump = |target: String| {
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            browser::reveal(&target);
        })
    };
    let next_steps = first.next_steps.iter().filter_map(|id| {
        let rule = instrument.advice_rule(id)?;
        let target = format!("advice-{id}");
        Some(html! {
            <li><a href={format!("#{target}")} onclick={jump(target.clone())}>{ pick(&rule.title, code) }</a></li>
        })
    });
    let in_short = html! {
        <section class="in-short" id="in-short" aria-labelledby="in-short-heading">
            { h.heading(1).id("in-short-heading").with(t.in_short_heading) }
            <p class="in-short-scales">{ scale_sentences.join(" ") }</p>
            <p class="in-short-description">{ description_line }</p>
            if !first.next_steps.is_empty() {
                { h.heading(2).id("next-steps-heading").with(t.next_steps_heading) }
                <ul class="next-steps" aria-labelledby="next-steps-heading">{ for next_steps }</ul>
            }
        </section>
    };

    // The partner's own offers that fit, up front: after the signals and
    // the short summary, before every piece of general advice.
    let partner_section = partner.as_ref().and_then(|partner| {
        let offers = partner_offers(&partner.config, instrument, outcome);
        if offers.is_empty() {
            return None;
        }
        let name = partner.config.partner_name.as_ref().map(|n| n.pick(code));
        let heading = offers_heading(name, lang);
        Some((heading.clone(), local_offers(&offers, heading, lang, h)))
    });

    let ratings: Vec<_> = instrument.rating_items().collect();
    let rating_rows = ratings.iter().map(|(item, rs)| {
        let max = rs.range().map_or(10, |(_, hi)| hi);
        let value = outcome.answers().value(&item.id).map(|v| (t.out_of)(v, max)).unwrap_or_else(|| t.not_answered.to_string());
        html! { <li><span class="rating-question">{ pick(&item.text, code) }</span>{ " " }<strong>{ value }</strong></li> }
    });

    let actions = {
        let back = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| go_back(&app, app.previous_view()))
        };
        let earlier = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::Show(View::Earlier)))
        };
        let erase = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| crate::components::offline::erase_all(&app))
        };
        html! {
            <>
                <Exports outcome={outcome.clone()} />
                <Remember />
                <OfflineChoice />
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

    // The folded sections after the first screen, each with a jump link.
    let fold = |id: &str, heading_id: &str, heading: &'static str, class: &str, content: Html| {
        html! {
            <details class={classes!("fold", class.to_string())} id={id.to_string()}>
                <summary>{ h.heading(1).id(heading_id.to_string()).with(heading) }</summary>
                { content }
            </details>
        }
    };
    let mut sections: Vec<(String, &'static str, Html)> = Vec::new();
    sections.push((
        "sec-scores".into(),
        t.scores_heading,
        fold(
            "sec-scores",
            "scores-heading",
            t.scores_heading,
            "scores",
            html! {
                <>
                    <p>{ t.scores_intro }</p>
                    <ScaleChart report={outcome.clone()} />
                    { for bands }
                </>
            },
        ),
    ));
    sections.push((
        "sec-prototype".into(),
        t.prototype_heading,
        fold(
            "sec-prototype",
            "prototype-heading",
            t.prototype_heading,
            "prototypes",
            prototype,
        ),
    ));
    for (kind, heading, intro) in [
        (AdviceKind::Method, t.methods_heading, None),
        (
            AdviceKind::Technique,
            t.techniques_heading,
            Some(t.techniques_intro),
        ),
        (AdviceKind::Tip, t.tips_heading, None),
    ] {
        if !advice_of_kind(instrument, report, kind).is_empty() {
            sections.push((
                format!("sec-advice-{kind:?}"),
                heading,
                advice_group(kind, heading, intro),
            ));
        }
    }
    // Support: the instrument's general offers (the partner's own are up
    // front).
    if !advice_of_kind(instrument, report, AdviceKind::Offer).is_empty() {
        sections.push((
            "sec-advice-Offer".into(),
            t.offers_heading,
            advice_group(AdviceKind::Offer, t.offers_heading, None),
        ));
    }
    if !ratings.is_empty() {
        sections.push((
            "sec-ratings".into(),
            t.ratings_heading,
            fold(
                "sec-ratings",
                "ratings-heading",
                t.ratings_heading,
                "ratings-section",
                html! {
                    <ul class="ratings">{ for rating_rows }</ul>
                },
            ),
        ));
    }
    // The conversation card: filled in by the relative, printed with the
    // result. (The professional view shows an opened result's card itself.)
    let card = html! {
        <>
            <CardEditor />
            <CardView card={app.card.card()} class={classes!("print-only")} />
        </>
    };
    sections.push((
        "sec-card".into(),
        t.card_heading,
        fold(
            "sec-card",
            "card-heading",
            t.card_heading,
            "conversation-card",
            card,
        ),
    ));
    sections.push((
        "sec-about".into(),
        t.about_heading,
        fold(
            "sec-about",
            "about-heading",
            t.about_heading,
            "about",
            html! {
                <>
                    <p>{ t.about_method }</p>
                    <p>{ t.about_uncertainty }</p>
                    <p>{ pick(&model.about, code) }</p>
                    if model.provisional { <p><strong>{ t.about_provisional }</strong></p> }
                </>
            },
        ),
    ));
    let toc = sections.iter().map(|(id, heading, _)| {
        html! { <li><a href={format!("#{id}")} onclick={jump(id.clone())}>{ *heading }</a></li> }
    });
    // The partner's offers lead the list, as they lead the page.
    let offers_link = partner_section.as_ref().map(|(heading, _)| html! {
        <li><a href="#local-offers" onclick={jump("local-offers-heading".to_string())}>{ heading.clone() }</a></li>
    });
    let exports_link = html! {
        <li><a href="#exports" onclick={jump("exports".to_string())}>{ t.exports_heading }</a></li>
    };

    html! {
        { h.page("result", html! { <>
                { h.heading(0).id("main-heading").focusable().with(t.result_heading) }
                <p class="made-on">{ t.made_on }{ ": " }{ lang.date_time(outcome.created()) }</p>
                if has_signals {
                    <section class="signals" aria-labelledby="signals-heading">
                        { h.heading(1).id("signals-heading").with(t.signals_heading) }
                        { for signals }
                    </section>
                }
                { in_short }
                // Help for the relative first (PINM's contra-indication): after
                // the short summary, before every piece of coaching below.
                { help_first }
                { partner_section.map(|(_, section)| section) }
                { print_scales }
                <p class="not-diagnosis">{ t.not_a_diagnosis }</p>
                <nav class="toc no-print" aria-labelledby="toc-heading">
                    { h.heading(1).id("toc-heading").with(t.toc_heading) }
                    <ul>{ offers_link }{ for toc }{ exports_link }</ul>
                </nav>
                { help_first_why }
                { for sections.into_iter().map(|(_, _, html)| html) }
                { actions }
        </> }) }
    }
}

/// The class of the "no description fits" box. Written out rather than
/// made from the Debug name with `to_lowercase`, which brought Unicode's
/// lower-case table into the wasm (size, together with [`upper_case`]:
/// first load 315,305 -> 298,527 bytes gzip, 32 KB raw of tables).
fn none_fits_class(direction: Direction) -> &'static str {
    match direction {
        Direction::Lighter => "none-fits-lighter",
        Direction::Heavier => "none-fits-heavier",
        Direction::Mixed => "none-fits-mixed",
    }
}

/// A text with its first letter as a capital, for a strength label such as
/// "past goed" that starts a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => {
            let mut text = upper_case(first);
            text.push_str(chars.as_str());
            text
        }
        None => String::new(),
    }
}

/// A letter as a capital (one letter or more: "ß" gives "SS"). In the
/// browser its own `toUpperCase` does it, with the same Unicode mappings as
/// Rust's `char::to_uppercase`, whose case table would otherwise be in the
/// wasm (size: see [`none_fits_class`]).
#[cfg(target_arch = "wasm32")]
fn upper_case(letter: char) -> String {
    let mut buffer = [0; 4];
    String::from(js_sys::JsString::from(&*letter.encode_utf8(&mut buffer)).to_upper_case())
}

/// A letter as a capital (natively, Rust's own mappings).
#[cfg(not(target_arch = "wasm32"))]
fn upper_case(letter: char) -> String {
    letter.to_uppercase().collect()
}
