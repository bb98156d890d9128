//! Earlier results: the ones remembered on this device and the ones opened
//! from an export, a comparison of now against one of them per scale, and
//! "forget all".

use naastenmeter_core::text::pick;
use yew::prelude::*;

use crate::browser;
use crate::components::importer::Importer;
use crate::components::navigation::go_back;
use crate::state::{Action, AppContext, ImportTarget, Shared, View};
use naastenmeter_core::comparison::{compare, Change, MadeWith};
use naastenmeter_core::Scored;

/// The earlier-results page.
#[component]
pub fn EarlierPage() -> Html {
    // The heading levels and landmark of the page around the app.
    let h = crate::embed::use_outline();
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
        // A result made with an earlier version of the questionnaire says so.
        let version = &earlier.outcome.report().instrument.version;
        let version_note = (*version != app.instrument.version).then(|| (t.made_with_version)(version));
        html! {
            <li class="earlier-item">
                <span>{ (t.result_of)(&lang.date_time(earlier.outcome.created())) }{ " (" }{ label }{ ")" }</span>
                if let Some(note) = version_note {
                    <span class="earlier-version">{ note }</span>
                }
                if app.outcome.is_some() {
                    <button type="button" id={format!("compare-{i}")} onclick={compare}>{ t.compare }</button>
                }
            </li>
        }
    });

    let comparison = match (&app.comparing, &app.outcome) {
        (Some(earlier), Some(now)) => comparison_table(&app, earlier, now, h),
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
            // Offline use goes too: "forget all" leaves nothing of the app.
            let app = app.clone();
            wasm_bindgen_futures::spawn_local(async move {
                browser::offline_forget().await;
                app.dispatch(Action::Forgotten);
            });
        })
    };
    let back = {
        let app = app.clone();
        let to = if app.outcome.is_some() {
            View::Result
        } else {
            View::Welcome
        };
        Callback::from(move |_: MouseEvent| go_back(&app, to))
    };

    html! {
        { h.page("earlier", html! { <>
                { h.heading(0).id("main-heading").focusable().with(t.earlier_heading) }
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
                        { h.heading(1).id("forget-heading").with(t.forget_all) }
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
        </> }) }
    }
}

/// Now against an earlier result: per scale heavier, lighter or about the
/// same, the description and the safety signals then and now, and the
/// ratings (all decided by the core's `compare`).
fn comparison_table(
    app: &AppContext,
    earlier: &Shared<Scored>,
    now: &Shared<Scored>,
    h: crate::embed::Outline,
) -> Html {
    let lang = app.lang;
    let t = lang.t();
    let code = lang.code();
    let instrument = &app.instrument;
    let made_with = app.versions.of(earlier).unwrap_or(instrument);
    let Ok(comparison) = compare(
        MadeWith {
            questionnaire: made_with,
            scored: earlier,
        },
        MadeWith {
            questionnaire: instrument,
            scored: now,
        },
    ) else {
        // Every listed result was opened with the version that made it, so
        // this does not happen; showing nothing beats a wrong table.
        return html! {};
    };
    let show = |v: Option<f64>| v.map_or_else(|| t.no_score.to_string(), |v| lang.number(v));
    let rows = comparison.scales.iter().filter_map(|row| {
        let scale = instrument.scale(&row.scale)?;
        let change = match (row.change, row.difference) {
            (Some(change), Some(d)) => {
                let word = match change {
                    Change::Heavier => t.heavier,
                    Change::Lighter => t.lighter,
                    Change::AboutTheSame => t.about_the_same,
                };
                format!(
                    "{word} ({}{})",
                    if d > 0.0 { "+" } else { "" },
                    lang.number(d)
                )
            }
            _ => String::from("–"),
        };
        Some(html! {
            <tr>
                <th scope="row">{ pick(&scale.label, code) }</th>
                <td>{ show(row.before) }</td>
                <td>{ show(row.after) }</td>
                <td>{ change }</td>
            </tr>
        })
    });
    let rating_rows = comparison.ratings.iter().filter_map(|rating| {
        let (item, rs) = instrument.rated_item(&rating.item)?;
        let max = rs.range().map_or(10, |(_, hi)| hi);
        let show =
            |v: Option<i32>| v.map_or_else(|| t.not_answered.to_string(), |v| (t.out_of)(v, max));
        Some(html! {
            <tr>
                <th scope="row">{ pick(&item.text, code) }</th>
                <td>{ show(rating.before) }</td>
                <td>{ show(rating.after) }</td>
                <td></td>
            </tr>
        })
    });
    let name = |questionnaire: &naastenmeter_core::Questionnaire, id: Option<&String>| {
        id.and_then(|id| questionnaire.prototype(id)).map_or_else(
            || t.no_description.to_string(),
            |p| pick(&p.name, code).to_string(),
        )
    };
    let description = if comparison.description_changed() {
        format!(
            "{}: {} → {}",
            t.description_now,
            name(made_with, comparison.description_before.as_ref()),
            name(instrument, comparison.description_after.as_ref())
        )
    } else {
        t.description_same.to_string()
    };
    let signal_list = |ids: &[String]| {
        ids.iter()
            // Compared rules exist in both versions; their titles are today's.
            .filter_map(|id| instrument.safety_rule(id))
            .map(|rule| html! { <li>{ pick(&rule.title, code) }</li> })
            .collect::<Html>()
    };
    html! {
        <section class="comparison" aria-labelledby="compare-heading">
            { h.heading(1).id("compare-heading").with(t.compare_heading) }
            <p class="compare-description">{ description }</p>
            if comparison.signals_changed() {
                if !comparison.signals_new.is_empty() {
                    { h.heading(2).with(t.signals_new) }
                    <ul class="compare-signals-new">{ signal_list(&comparison.signals_new) }</ul>
                }
                if !comparison.signals_gone.is_empty() {
                    { h.heading(2).with(t.signals_gone) }
                    <ul class="compare-signals-gone">{ signal_list(&comparison.signals_gone) }</ul>
                }
            } else {
                <p class="compare-signals-same">{ t.signals_same }</p>
            }
            <table id="comparison-table">
                <caption>{ format!("{} — {}", (t.result_of)(&lang.date_time(earlier.created())), t.col_now) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.col_part }</th>
                        <th scope="col">{ t.col_earlier }</th>
                        <th scope="col">{ t.col_now }</th>
                        <th scope="col">{ t.col_change }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }{ for rating_rows }</tbody>
            </table>
        </section>
    }
}
