//! The professional view: open a relative's export (file or share code) and
//! see the same result with a short summary to discuss. Nothing is stored.

use naastenmeter_core::answers::Answer;
use naastenmeter_core::text::pick;
use yew::prelude::*;

use crate::components::app::go_back;
use crate::components::importer::Importer;
use crate::components::result::ResultPage;
use crate::state::{Action, AppContext, ImportTarget, Shared, View};
use crate::view_model::{prototype_view, PrototypeView};
use naastenmeter_core::Scored;

/// The professional view.
#[component]
pub fn ProfessionalPage() -> Html {
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
    html! {
        <main id="main" class="professional">
            <h1 id="main-heading" tabindex="-1">{ t.professional_heading }</h1>
            <p>{ t.professional_intro }</p>
            if let Some(outcome) = &app.professional {
                { summary(&app, outcome) }
                <ResultPage outcome={outcome.clone()} professional={true} />
                <div class="nav-buttons no-print">
                    <button type="button" id="close-professional" onclick={close}>{ t.close_result }</button>
                </div>
            } else {
                <Importer target={ImportTarget::Professional} />
            }
            <div class="nav-buttons no-print">
                <button type="button" onclick={home}>{ t.home }</button>
            </div>
        </main>
    }
}

/// A few lines to start the conversation: the best fit, the signals, the
/// scale scores, what the relative named and their ratings.
fn summary(app: &AppContext, outcome: &Shared<Scored>) -> Html {
    let lang = app.lang;
    let t = lang.t();
    let code = lang.code();
    let instrument = app.versions.of(outcome).unwrap_or(&app.instrument);
    let report = outcome.report();
    let best = match prototype_view(instrument, report) {
        PrototypeView::Named { cards, .. } if !cards.is_empty() => cards
            .iter()
            .map(|card| {
                let words = card
                    .strength
                    .map(|s| format!("{}, ", pick(s, code)))
                    .unwrap_or_default();
                format!(
                    "{} ({words}{})",
                    pick(&card.prototype.name, code),
                    lang.percent(card.probability)
                )
            })
            .collect::<Vec<_>>()
            .join(" / "),
        PrototypeView::Named { .. } | PrototypeView::NoneFits(_) => t.summary_none_fits.to_string(),
        PrototypeView::TooFewInputs { .. } => t.summary_too_few.to_string(),
    };
    let signals: Vec<String> = report
        .signals
        .iter()
        .filter_map(|id| instrument.safety_rule(id))
        .map(|r| pick(&r.title, code).to_string())
        .collect();
    let signals = if signals.is_empty() {
        t.summary_none.to_string()
    } else {
        signals.join("; ")
    };
    let scales = report.scales.iter().filter_map(|r| {
        let scale = instrument.scale(&r.id)?;
        let text = match (r.score, r.enough) {
            (Some(s), true) => {
                let band = r
                    .band
                    .as_ref()
                    .and_then(|b| scale.band(b))
                    .map(|b| format!(" ({})", pick(&b.label, code)))
                    .unwrap_or_default();
                format!("{}{band}", lang.number(s))
            }
            _ => (t.too_few)(r.answered, r.total),
        };
        Some(html! { <li>{ pick(&scale.label, code) }{ ": " }{ text }</li> })
    });
    let named = instrument.context_questions.iter().filter_map(|q| {
        let chosen: Vec<&str> = match outcome.answers().get(&q.id)? {
            Answer::Choice(c) => vec![c.as_str()],
            Answer::Choices(cs) => cs.iter().map(String::as_str).collect(),
            Answer::Value(_) => return None,
        };
        let labels: Vec<&str> = chosen
            .iter()
            .filter_map(|c| q.options.iter().find(|o| o.id == *c))
            .map(|o| pick(&o.label, code))
            .collect();
        Some(
            html! { <li>{ pick(&q.text, code) }{ " " }<strong>{ labels.join(", ") }</strong></li> },
        )
    });
    let ratings = instrument.rating_items().filter_map(|(item, rs)| {
        let v = outcome.answers().value(&item.id)?;
        let max = rs.range().map_or(10, |(_, hi)| hi);
        Some(html! { <li>{ pick(&item.text, code) }{ " " }<strong>{ (t.out_of)(v, max) }</strong></li> })
    });
    html! {
        <section class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ t.summary_heading }</h2>
            <p>{ t.made_on }{ ": " }{ lang.date_time(outcome.created()) }</p>
            if !app.versions.is_current(instrument) {
                <p class="made-with-version">{ (t.made_with_version)(&instrument.version) }</p>
            }
            <p><strong>{ t.summary_best }{ ": " }</strong>{ best }</p>
            <p><strong>{ t.summary_signals }{ ": " }</strong>{ signals }</p>
            <ul>{ for scales }</ul>
            <h3>{ t.summary_context }</h3>
            <ul>{ for named }{ for ratings }</ul>
        </section>
    }
}
