//! The professional view: open a relative's export (file or share code) and
//! read it as a professional. It speaks to the professional and about the
//! relative ("de naaste"): when the result was made and with which version
//! of the questionnaire, the safety signals first with the answers that
//! raised them, the scale scores with their band, the description that
//! fits (or why none does), the relative's conversation card when the
//! export carries one, and every answer grouped by scale, the questions
//! quoted as the relative read them. Printed, it is a one-page
//! summary for the file (the answers stay on screen). Nothing is stored.

use naastenmeter_core::conversation::ConversationCard;
use naastenmeter_core::instrument::SignalLevel;
use naastenmeter_core::report::Direction;
use naastenmeter_core::text::pick;
use naastenmeter_core::Scored;
use yew::prelude::*;

use crate::browser;
use crate::components::importer::Importer;
use crate::components::navigation::go_back;
use crate::i18n::Lang;
use crate::state::{Action, AppContext, ImportTarget, Shared, View};
use crate::view_model::{
    answer_groups, prototype_view, raised_signals, AnswerLine, Answered, Card, GroupKind,
    PrototypeView,
};

/// The professional view.
#[component]
pub fn ProfessionalPage() -> Html {
    // The heading levels and landmark of the page around the app.
    let h = crate::embed::use_outline();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let close = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::CloseProfessional))
    };
    let home = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| go_back(&app, View::Welcome))
    };
    // The page prints as it is: print CSS makes the one-page summary, so
    // no folded section is opened first.
    let print = Callback::from(|_: MouseEvent| browser::print_as_shown());
    html! {
        { h.page("professional", html! { <>
                { h.heading(0).id("main-heading").focusable().with(t.professional_heading) }
                if let Some(outcome) = &app.professional {
                    { result_view(&app, outcome, h) }
                    <div class="nav-buttons no-print">
                        <button type="button" id="pro-print" aria-describedby="pro-print-contains" onclick={print}>{ t.pro_print }</button>
                        <button type="button" id="close-professional" onclick={close}>{ t.close_result }</button>
                    </div>
                    <p class="no-print pro-print-contains" id="pro-print-contains">{ t.pro_print_contains }</p>
                } else {
                    <p>{ t.professional_intro }</p>
                    <Importer target={ImportTarget::Professional} />
                }
                <div class="nav-buttons no-print">
                    <button type="button" onclick={home}>{ t.home }</button>
                </div>
        </> }) }
    }
}

/// The opened result, for the professional.
fn result_view(app: &AppContext, outcome: &Shared<Scored>, h: crate::embed::Outline) -> Html {
    let lang = app.lang;
    let t = lang.t();
    let code = lang.code();
    // A result of an earlier version is read with that version.
    let instrument = app.versions.of(outcome).unwrap_or(&app.instrument);
    let report = outcome.report();
    let signals = raised_signals(instrument, outcome);

    let signal_cards = signals.iter().map(|signal| {
        let rule = signal.rule;
        let (class, level, means) = match rule.level {
            SignalLevel::Urgent => ("pro-signal signal-urgent", t.urgent, t.pro_urgent_means),
            SignalLevel::Attention => (
                "pro-signal signal-attention",
                t.attention,
                t.pro_attention_means,
            ),
        };
        let scales: Vec<&str> = signal
            .scales
            .iter()
            .map(|s| pick(&s.label, code))
            .collect();
        html! {
            <article class={class} id={format!("pro-signal-{}", rule.id)}>
                <div class="pro-signal-head">
                    <p class="signal-level"><span aria-hidden="true">{ "⚠ " }</span>{ level }</p>
                    { h.heading(2).with(html! { <q>{ pick(&rule.title, code) }</q> }) }
                </div>
                <p class="pro-means">{ means }</p>
                if !signal.answers.is_empty() {
                    <p class="pro-raised-by">{ t.pro_raised_by }</p>
                    <ul class="pro-raised">
                        { for signal.answers.iter().map(|line| html! {
                            <li><q>{ pick(line.text, code) }</q>{ " " }{ answer_html(&line.answer, lang, false) }</li>
                        }) }
                    </ul>
                }
                if !scales.is_empty() {
                    <p class="pro-raised-by">{ t.pro_raised_by_scores }{ " " }{ scales.join(", ") }</p>
                }
                <details class="pro-message no-print">
                    <summary>{ t.pro_message_label }</summary>
                    <blockquote>{ pick(&rule.message, code) }</blockquote>
                </details>
            </article>
        }
    });

    let raised_scale = |id: &str| {
        signals
            .iter()
            .any(|s| s.scales.iter().any(|sc| sc.id == id))
    };
    let scale_rows = report.scales.iter().filter_map(|result| {
        let scale = instrument.scale(&result.id)?;
        let (low, high) = instrument.scale_range(scale);
        let score = match result.score {
            // The range's ends are whole numbers: "3,8 (1–5)".
            Some(score) if result.enough => format!("{} ({low}–{high})", lang.number(score)),
            _ => t.no_score.to_string(),
        };
        let band = result
            .band
            .as_ref()
            .filter(|_| result.enough)
            .and_then(|b| scale.band(b))
            .map_or(t.pro_too_few, |b| pick(&b.label, code));
        Some(html! {
            <tr>
                <th scope="row">
                    { pick(&scale.label, code) }
                    if raised_scale(&scale.id) { { " " }<span class="raised-mark">{ "⚠ " }{ t.pro_raised_mark }</span> }
                </th>
                <td>
                    { score }
                    // How many were answered, only when not all were.
                    if result.answered < result.total {
                        <span class="pro-answered">{ (t.pro_answered)(result.answered, result.total) }</span>
                    }
                </td>
                <td>{ band }</td>
            </tr>
        })
    });

    let fit_line = |card: &Card<'_>| {
        (t.pro_fit)(
            pick(&card.prototype.name, code),
            card.strength.map_or(t.fit_chance, |s| pick(s, code)),
            &lang.percent(card.probability),
        )
    };
    let view = prototype_view(instrument, report);
    let named = matches!(&view, PrototypeView::Named { cards, .. } if !cards.is_empty());
    let fit = match &view {
        PrototypeView::Named { cards, uncertain } if *uncertain && cards.len() > 1 => html! {
            <>
                <p>{ t.pro_two_fit }</p>
                <ul class="pro-fit-list">{ for cards.iter().map(|c| html! { <li>{ fit_line(c) }</li> }) }</ul>
            </>
        },
        PrototypeView::Named { cards, .. } => html! {
            { for cards.first().map(|c| html! { <p class="pro-fit-line"><strong>{ fit_line(c) }</strong></p> }) }
        },
        PrototypeView::NoneFits(direction) => html! {
            <p class="pro-fit-line">{ match direction {
                Direction::Lighter => t.pro_none_lighter,
                Direction::Heavier => t.pro_none_heavier,
                Direction::Mixed => t.pro_none_mixed,
            } }</p>
        },
        PrototypeView::TooFewInputs {
            needed,
            used,
            total,
        } => {
            html! { <p class="pro-fit-line">{ (t.pro_too_few_inputs)(*needed, *used, *total) }</p> }
        }
    };

    let groups = answer_groups(instrument, outcome).into_iter().map(|group| {
        let heading = match group.kind {
            GroupKind::Context => t.pro_group_context,
            GroupKind::Scale(scale) => pick(&scale.label, code),
            GroupKind::Other => t.pro_group_other,
        };
        html! {
            <>
                { h.heading(2).with(heading) }
                <ul class="answer-list">{ for group.answers.iter().map(|line| answer_row(line, lang)) }</ul>
            </>
        }
    });

    html! {
        <div class="pro-result" id="pro-result">
            <ul class="pro-meta">
                <li class="pro-date">{ (t.pro_filled_in)(&lang.date_time(outcome.created())) }</li>
                <li class="made-with-version">{ (t.pro_version)(pick(&instrument.title, code), &instrument.version) }</li>
                if !app.versions.is_current(instrument) {
                    <li class="pro-earlier">{ t.pro_earlier_version }</li>
                }
            </ul>
            <p class="pro-not-diagnosis">{ t.pro_not_diagnosis }</p>
            <section class="pro-signals" aria-labelledby="pro-signals-heading">
                { h.heading(1).id("pro-signals-heading").with(t.pro_signals_heading) }
                if signals.is_empty() {
                    <p class="pro-no-signals">{ t.pro_no_signals }</p>
                }
                { for signal_cards }
                if report.help_for_yourself_first {
                    <p class="pro-help-first">{ t.pro_help_first }</p>
                }
            </section>
            <section class="pro-scores" aria-labelledby="pro-scores-heading">
                { h.heading(1).id("pro-scores-heading").with(t.pro_scores_heading) }
                <table class="pro-scores-table">
                    <caption>{ t.pro_scores_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_part }</th>
                            <th scope="col">{ t.pro_col_score }</th>
                            <th scope="col">{ t.pro_col_band }</th>
                        </tr>
                    </thead>
                    <tbody>{ for scale_rows }</tbody>
                </table>
            </section>
            <section class="pro-fit" aria-labelledby="pro-fit-heading">
                { h.heading(1).id("pro-fit-heading").with(t.pro_fit_heading) }
                { fit }
                if named && instrument.model.provisional {
                    <p class="pro-note">{ t.pro_provisional }</p>
                }
            </section>
            if let Some(card) = outcome.card() {
                { card_view(card, lang, h) }
            }
            <section class="pro-answers no-print" aria-labelledby="pro-answers-heading">
                { h.heading(1).id("pro-answers-heading").with(t.pro_answers_heading) }
                <p>{ t.pro_answers_intro }</p>
                { for groups }
            </section>
        </div>
    }
}

/// An answer in words: the option's label as the relative chose it (in
/// `answer-label`, as the relative's own words), a rating as "7 of 10", or
/// "skipped". Several choices one below the other when `stacked`, else in a
/// line.
fn answer_html(answer: &Answered<'_>, lang: Lang, stacked: bool) -> Html {
    let t = lang.t();
    let code = lang.code();
    match answer {
        Answered::Skipped => html! { <span class="answer-skipped">{ t.skipped }</span> },
        Answered::Option(label) => {
            html! { <strong class="answer-label">{ pick(label, code) }</strong> }
        }
        Answered::Number { value, max } => {
            html! { <strong class="answer-number">{ (t.out_of)(*value, *max) }</strong> }
        }
        Answered::Choices(labels) if stacked => html! {
            { for labels.iter().map(|l| html! { <strong class="answer-label answer-choice">{ pick(l, code) }</strong> }) }
        },
        Answered::Choices(labels) => {
            let words: Vec<&str> = labels.iter().map(|l| pick(l, code)).collect();
            html! { <strong class="answer-label">{ words.join("; ") }</strong> }
        }
    }
}

/// One question with its answer, marked when it raised a signal (a
/// warning sign and the words "Signal:" with the signal's title, not colour
/// alone).
fn answer_row(line: &AnswerLine<'_>, lang: Lang) -> Html {
    let t = lang.t();
    let code = lang.code();
    let raised = !line.signals.is_empty();
    // The colour of the most urgent signal it raised (the first).
    let level = line.signals.first().map(|rule| match rule.level {
        SignalLevel::Urgent => "raised-urgent",
        SignalLevel::Attention => "raised-attention",
    });
    let titles = line.signals.iter().enumerate().map(|(i, rule)| {
        html! { <>{ if i > 0 { ", " } else { "" } }<q>{ pick(&rule.title, code) }</q></> }
    });
    html! {
        <li class={classes!("answer", raised.then_some("raised"), level)} id={format!("answer-{}", line.id)}>
            <q class="answer-question">{ pick(line.text, code) }</q>
            <span class="answer-value">{ answer_html(&line.answer, lang, true) }</span>
            if raised {
                <span class="raised-mark"><span aria-hidden="true">{ "⚠ " }</span>{ t.pro_raised_mark }{ " " }{ for titles }</span>
            }
        </li>
    }
}

/// The conversation card the relative filled in, in their own words
/// (quoted; the goals they chose as they chose them). On screen only: the
/// printout keeps to the essentials.
fn card_view(card: &ConversationCard, lang: Lang, h: crate::embed::Outline) -> Html {
    let t = lang.t();
    html! {
        <section class="pro-card no-print" aria-labelledby="pro-card-heading">
            { h.heading(1).id("pro-card-heading").with(t.pro_card_heading) }
            <p>{ t.pro_card_intro }</p>
            if !card.worries().is_empty() {
                { h.heading(2).with(t.pro_card_worries) }
                <ul>{ for card.worries().iter().map(|w| html! { <li><q>{ w.clone() }</q></li> }) }</ul>
            }
            if !card.goals().is_empty() || !card.own_goal().is_empty() {
                { h.heading(2).with(t.pro_card_goals) }
                <ul>
                    { for card.goals().iter().map(|g| html! { <li><span class="answer-label">{ (t.change_goal)(*g) }</span></li> }) }
                    if !card.own_goal().is_empty() { <li><q>{ card.own_goal().to_string() }</q></li> }
                </ul>
            }
            if !card.questions().is_empty() {
                { h.heading(2).with(t.pro_card_questions) }
                <blockquote class="card-questions">{ card.questions().to_string() }</blockquote>
            }
        </section>
    }
}
