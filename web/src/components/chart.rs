//! The scale chart: per scale, the relative's score as a bar and each
//! prototype's typical score (the class mean of the model) as a numbered
//! mark, drawn as SVG with the numbers as text; plus a table with the same
//! numbers for screen readers. Colour is never the only carrier: marks
//! carry numbers and the bar its value.

use naastenmeter_core::text::pick;
use naastenmeter_core::Report;
use yew::prelude::*;

use crate::state::AppContext;

const WIDTH: f64 = 640.0;
const LEFT: f64 = 16.0;
const RIGHT: f64 = 624.0;
const ROW: f64 = 92.0;

/// Properties of [`ScaleChart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The report whose scale scores are drawn.
    pub report: crate::state::Shared<naastenmeter_core::Scored>,
}

/// The chart and its screen-reader table.
#[component]
pub fn ScaleChart(props: &ChartProps) -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.lang;
    let t = lang.t();
    let code = lang.code();
    // A result of an earlier version is drawn with that version's scales.
    let instrument = app.versions.of(&props.report).unwrap_or(&app.instrument);
    let report: &Report = props.report.report();
    // Only a prototype the core names is marked; none when none fits.
    let best = report.classification.best().map(String::from);
    let order: Vec<&str> = instrument.class_prototypes();
    let height = ROW * report.scales.len() as f64 + 8.0;

    let rows = report.scales.iter().enumerate().map(|(row, result)| {
        let Some(scale) = instrument.scale(&result.id) else {
            return html! {};
        };
        let (lo, hi) = instrument.scale_range(scale);
        let hi = if hi > lo { hi } else { lo + 1.0 };
        let x = |v: f64| LEFT + (v.clamp(lo, hi) - lo) / (hi - lo) * (RIGHT - LEFT);
        let top = row as f64 * ROW + 8.0;
        let track_y = top + 26.0;
        let band = result
            .band
            .as_ref()
            .and_then(|b| scale.band(b))
            .map(|b| pick(&b.label, code).to_string());
        let label = match (result.score, result.enough) {
            (Some(s), true) => format!(
                "{} — {}{}",
                pick(&scale.label, code),
                lang.number(s),
                band.map(|b| format!(" ({b})")).unwrap_or_default()
            ),
            _ => format!("{} — {}", pick(&scale.label, code), t.no_score),
        };
        let bar = result.score.filter(|_| result.enough).map(|s| {
            html! { <rect class="bar-you" x={LEFT.to_string()} y={track_y.to_string()} width={(x(s) - LEFT).max(2.0).to_string()} height="16" /> }
        });
        let typical = order
            .iter()
            .filter_map(|p| instrument.typical_score(p, scale).map(|mean| (String::from(*p), mean)));
        let marks = typical.map(|(prototype, mean)| {
            let number = order.iter().position(|p| *p == prototype).map(|i| i + 1).unwrap_or(0);
            let mx = x(mean);
            let is_best = best.as_deref() == Some(prototype.as_str());
            let label_y = track_y + 32.0 + if number % 2 == 0 { 14.0 } else { 0.0 };
            html! {
                <g class={classes!("mark", is_best.then_some("mark-best"))}>
                    <line x1={mx.to_string()} x2={mx.to_string()} y1={(track_y - 4.0).to_string()} y2={(track_y + 20.0).to_string()} />
                    <text x={mx.to_string()} y={label_y.to_string()} class="mark-label">{ number.to_string() }</text>
                </g>
            }
        });
        html! {
            <g class="chart-row">
                <text x={LEFT.to_string()} y={(top + 16.0).to_string()} class="row-label">{ label }</text>
                <rect class="track" x={LEFT.to_string()} y={track_y.to_string()} width={(RIGHT - LEFT).to_string()} height="16" />
                { bar }
                { for marks }
            </g>
        }
    });

    let legend = order.iter().enumerate().filter_map(|(i, id)| {
        let prototype = instrument.prototype(id)?;
        let is_best = best.as_deref() == Some(*id);
        Some(html! {
            <li class={classes!(is_best.then_some("legend-best"))}>
                <span class="legend-number">{ (i + 1).to_string() }</span>
                { format!("{} {}", t.chart_typical, pick(&prototype.name, code)) }
            </li>
        })
    });

    let table_rows = report.scales.iter().filter_map(|result| {
        let scale = instrument.scale(&result.id)?;
        let score = match (result.score, result.enough) {
            (Some(s), true) => lang.number(s),
            _ => t.no_score.to_string(),
        };
        let band = result
            .band
            .as_ref()
            .and_then(|b| scale.band(b))
            .map(|b| pick(&b.label, code).to_string())
            .unwrap_or_default();
        let typical = order
            .iter()
            .map(|p| match instrument.typical_score(p, scale) {
                Some(m) => html! { <td>{ lang.number(m) }</td> },
                None => html! { <td>{ "–" }</td> },
            });
        Some(html! {
            <tr>
                <th scope="row">{ pick(&scale.label, code) }</th>
                <td>{ score }</td>
                <td>{ band }</td>
                <td>{ format!("{}/{}", result.answered, result.total) }</td>
                { for typical }
            </tr>
        })
    });
    let typical_heads = order.iter().filter_map(|id| {
        let p = instrument.prototype(id)?;
        Some(html! { <th scope="col">{ format!("{} {}", t.chart_typical, pick(&p.name, code)) }</th> })
    });

    html! {
        <div class="chart">
            <svg class="scale-chart" viewBox={format!("0 0 {WIDTH} {height}")} aria-hidden="true" focusable="false">
                { for rows }
            </svg>
            <ul class="legend" aria-hidden="true">
                <li><span class="legend-bar"></span>{ t.chart_you }</li>
                { for legend }
            </ul>
            <div class="visually-hidden"><table class="sr-table">
                <caption>{ t.table_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.col_part }</th>
                        <th scope="col">{ t.col_score }</th>
                        <th scope="col">{ t.col_band }</th>
                        <th scope="col">{ t.col_answered }</th>
                        { for typical_heads }
                    </tr>
                </thead>
                <tbody>{ for table_rows }</tbody>
            </table></div>
        </div>
    }
}
