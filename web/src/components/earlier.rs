//! Earlier results: the ones remembered on this device and the ones opened
//! from an export, a comparison of now against one of them per scale, and
//! "forget all".

use naastenmeter_core::text::pick;
use yew::prelude::*;

use crate::browser;
use crate::components::importer::Importer;
use crate::state::{Action, AppContext, ImportTarget, Outcome, Shared, View};

/// The earlier-results page.
#[component]
pub fn EarlierPage() -> Html {
    let app = use_context::<AppContext>();
    let confirming = use_state(|| false);
    let Some(app) = app else {
        return html! {};
    };
    let lang = app.lang;
    let t = lang.t();

    let items = app.earlier.iter().enumerate().map(|(i, earlier)| {
        let compare = {
            let app = app.clone();
            let outcome = earlier.outcome.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::Compare(Some(outcome.clone()))))
        };
        let label = if earlier.remembered { t.remembered_label } else { t.imported_label };
        html! {
            <li class="earlier-item">
                <span>{ lang.result_of(&lang.date(earlier.outcome.created.as_deref())) }{ " (" }{ label }{ ")" }</span>
                if app.outcome.is_some() {
                    <button type="button" id={format!("compare-{i}")} onclick={compare}>{ t.compare }</button>
                }
            </li>
        }
    });

    let comparison = match (&app.comparing, &app.outcome) {
        (Some(earlier), Some(now)) => comparison_table(&app, earlier, now),
        _ => html! {},
    };

    let has_remembered = app.earlier.iter().any(|e| e.remembered);
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let forget = {
        let app = app.clone();
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            browser::erase_remembered();
            confirming.set(false);
            app.dispatch(Action::Forgotten);
        })
    };
    let back = {
        let app = app.clone();
        let to = if app.outcome.is_some() {
            View::Result
        } else {
            View::Welcome
        };
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Show(to)))
    };

    html! {
        <main id="main" class="earlier">
            <h1 id="main-heading" tabindex="-1">{ t.earlier_heading }</h1>
            <p>{ t.earlier_intro }</p>
            if app.earlier.is_empty() {
                <p>{ t.earlier_none }</p>
            } else {
                <ul class="earlier-list">{ for items }</ul>
            }
            if app.outcome.is_none() && !app.earlier.is_empty() {
                <p>{ t.compare_needs_now }</p>
            }
            { comparison }
            <Importer target={ImportTarget::Earlier} />
            if has_remembered {
                <section class="forget" aria-labelledby="forget-heading">
                    <h2 id="forget-heading">{ t.forget_all }</h2>
                    if *confirming {
                        <button type="button" class="danger" id="forget-all-confirm" onclick={forget}>{ t.forget_all_confirm }</button>
                    } else {
                        <button type="button" id="forget-all" onclick={ask}>{ t.forget_all }</button>
                    }
                </section>
            }
            <div class="nav-buttons">
                <button type="button" onclick={back}>
                    { if app.outcome.is_some() { t.to_result_link } else { t.home } }
                </button>
            </div>
        </main>
    }
}

/// Now against an earlier result, per scale.
fn comparison_table(app: &AppContext, earlier: &Shared<Outcome>, now: &Shared<Outcome>) -> Html {
    let lang = app.lang;
    let t = lang.t();
    let code = lang.code();
    let score = |o: &Outcome, id: &str| {
        o.report
            .scale(id)
            .filter(|s| s.enough)
            .and_then(|s| s.score)
    };
    let rows = app.instrument.scales.iter().map(|scale| {
        let before = score(earlier, &scale.id);
        let after = score(now, &scale.id);
        let show = |v: Option<f64>| {
            v.map(|v| lang.number(v))
                .unwrap_or_else(|| t.no_score.to_string())
        };
        let change = match (before, after) {
            (Some(b), Some(a)) => {
                let d = a - b;
                let word = if d.abs() < 0.05 {
                    t.same
                } else if d > 0.0 {
                    t.higher
                } else {
                    t.lower
                };
                format!(
                    "{}{} ({word})",
                    if d > 0.0 { "+" } else { "" },
                    lang.number(d)
                )
            }
            _ => String::from("–"),
        };
        html! {
            <tr>
                <th scope="row">{ pick(&scale.label, code) }</th>
                <td>{ show(before) }</td>
                <td>{ show(after) }</td>
                <td>{ change }</td>
            </tr>
        }
    });
    html! {
        <section class="comparison" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{ t.compare_heading }</h2>
            <table id="comparison-table">
                <caption>{ format!("{} — {}", lang.result_of(&lang.date(earlier.created.as_deref())), t.col_now) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.col_part }</th>
                        <th scope="col">{ t.col_earlier }</th>
                        <th scope="col">{ t.col_now }</th>
                        <th scope="col">{ t.col_change }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}
