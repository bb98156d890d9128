//! The scale chart, one block per scale so it can be read on a phone: the
//! scale's name with the band in words and the score above, then an SVG of
//! the scale on its own range: the relative's score as a bar, the bands as
//! named stretches under it, the range's numbers as an axis, and (only when
//! the core names a description) that description's typical score as a line
//! labelled with its name. Plus a table with the same numbers for screen
//! readers. What to draw comes from [`crate::view_model::chart_scales`];
//! this file only places it.
//!
//! Each SVG is drawn for the width it is shown at (its viewBox is about as
//! wide as a phone's chart area, and CSS caps its width), so its text keeps
//! about the size the CSS gives it instead of being shrunk with the whole
//! chart. Colour is never the only carrier: the bands carry their names,
//! the mark its description's name, the bar its number above it.

use naastenmeter_core::summary::Weight;
use naastenmeter_core::text::pick;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::AppContext;
use crate::view_model::{chart_scales, ChartScale};

/// The viewBox width: about the chart's width on a 360 px phone (318 px),
/// so text of 17 units renders at about 17 px there.
const WIDTH: f64 = 320.0;
/// Where the range starts and ends: room for half a tick number each side.
const LEFT: f64 = 14.0;
const RIGHT: f64 = 306.0;
/// The text size in viewBox units (style.css sets the same).
const FONT: f64 = 17.0;
/// Height of the row above the bar that holds the mark's name.
const MARK_ROW: f64 = 24.0;
/// Height of the bar and of the band stretches under it.
const BAR: f64 = 28.0;

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
    let rows = chart_scales(instrument, props.report.report());
    let named = rows
        .iter()
        .find_map(|row| row.typical.as_ref())
        .map(|typical| pick(&typical.prototype.name, code).to_string());

    let blocks = rows.iter().map(|row| scale_block(row, lang));

    let table_rows = rows.iter().map(|row| {
        let score = row.score.map(|s| lang.number(s));
        let band = row.band.map(|b| pick(&b.label, code)).unwrap_or_default();
        let typical = named.as_ref().map(|_| match &row.typical {
            Some(typical) => lang.number(typical.score),
            None => "–".to_string(),
        });
        html! {
            <tr>
                <th scope="row">{ pick(&row.scale.label, code) }</th>
                <td>{ score.unwrap_or_else(|| t.no_score.to_string()) }</td>
                <td>{ band }</td>
                <td>{ format!("{}/{}", row.result.answered, row.result.total) }</td>
                <td>{ (t.range)(&axis_number(row.range.0, lang), &axis_number(row.range.1, lang)) }</td>
                if let Some(typical) = typical {
                    <td>{ typical }</td>
                }
            </tr>
        }
    });

    html! {
        <div class="chart">
            if named.is_some() {
                <p class="chart-key">{ t.chart_mark_intro }</p>
            }
            <div class="chart-scales" aria-hidden="true">
                { for blocks }
            </div>
            <div class="visually-hidden"><table class="sr-table">
                <caption>{ t.table_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.col_part }</th>
                        <th scope="col">{ t.col_score }</th>
                        <th scope="col">{ t.col_band }</th>
                        <th scope="col">{ t.col_answered }</th>
                        <th scope="col">{ t.col_range }</th>
                        if let Some(name) = &named {
                            <th scope="col">{ format!("{} {name}", t.chart_typical) }</th>
                        }
                    </tr>
                </thead>
                <tbody>{ for table_rows }</tbody>
            </table></div>
        </div>
    }
}

/// One scale: its name, band and score in words, then its SVG.
fn scale_block(row: &ChartScale<'_>, lang: Lang) -> Html {
    let t = lang.t();
    let code = lang.code();
    let (low, high) = row.range;
    let x = |v: f64| LEFT + (v.clamp(low, high) - low) / (high - low) * (RIGHT - LEFT);
    // The mark's name needs a row above the bar; without a mark the bar
    // moves up instead of leaving an empty row.
    let top = if row.typical.is_some() { MARK_ROW } else { 0.0 };
    let bar_y = top + 4.0;
    let stretch_y = bar_y + BAR;
    let axis_y = stretch_y + BAR;
    let height = axis_y + 30.0;

    let bar = row.score.map(|s| {
        html! { <rect class="bar-you" x={LEFT.to_string()} y={bar_y.to_string()} width={(x(s) - LEFT).max(3.0).to_string()} height={BAR.to_string()} /> }
    });
    let stretches = row.stretches.iter().map(|stretch| {
        let (from, to) = (x(stretch.from), x(stretch.to));
        let weight = match stretch.weight {
            Weight::Light => "band-light",
            Weight::Middle => "band-middle",
            Weight::Heavy => "band-heavy",
        };
        html! {
            <g class={classes!("band", weight)}>
                <rect x={from.to_string()} y={stretch_y.to_string()} width={(to - from).to_string()} height={BAR.to_string()} />
                <text class="band-name" x={((from + to) / 2.0).to_string()} y={(stretch_y + 20.0).to_string()}>{ pick(&stretch.band.label, code) }</text>
            </g>
        }
    });
    let ticks = ticks(low, high).into_iter().map(|v| {
        let tx = x(v);
        html! {
            <g class="tick">
                <line x1={tx.to_string()} x2={tx.to_string()} y1={axis_y.to_string()} y2={(axis_y + 5.0).to_string()} />
                <text class="tick-number" x={tx.to_string()} y={(axis_y + 22.0).to_string()}>{ axis_number(v, lang) }</text>
            </g>
        }
    });
    let mark = row.typical.as_ref().map(|typical| {
        let mx = x(typical.score);
        let name = pick(&typical.prototype.name, code);
        let (y1, y2) = (MARK_ROW - 3.0, stretch_y + 4.0);
        html! {
            <g class="typical-mark">
                // A light halo under the line keeps it visible on the dark
                // bar as well as on the light track.
                <line class="mark-halo" x1={mx.to_string()} x2={mx.to_string()} y1={y1.to_string()} y2={y2.to_string()} />
                <line class="mark-line" x1={mx.to_string()} x2={mx.to_string()} y1={y1.to_string()} y2={y2.to_string()} />
                <text class="mark-label" x={label_x(mx, name.chars().count()).to_string()} y={(MARK_ROW - 7.0).to_string()}>{ name }</text>
            </g>
        }
    });
    let words = match (row.score, row.band) {
        (Some(score), Some(band)) => {
            format!("{} ({})", pick(&band.label, code), lang.number(score))
        }
        (Some(score), None) => lang.number(score),
        (None, _) => t.no_score.to_string(),
    };

    html! {
        <div class="chart-scale">
            <p class="chart-label"><strong>{ pick(&row.scale.label, code) }</strong>{ ": " }{ words }</p>
            <svg class="scale-chart" viewBox={format!("0 0 {WIDTH} {height}")} focusable="false">
                <rect class="track" x={LEFT.to_string()} y={bar_y.to_string()} width={(RIGHT - LEFT).to_string()} height={BAR.to_string()} />
                { bar }
                { for stretches }
                { for ticks }
                { mark }
            </svg>
        </div>
    }
}

/// The numbers on a scale's axis: every whole number of the range when
/// there are at most ten steps, else its ends and its middle, so they never
/// crowd at the text size the chart keeps.
fn ticks(low: f64, high: f64) -> Vec<f64> {
    let steps = high - low;
    if low.fract() == 0.0 && high.fract() == 0.0 && steps <= 10.0 {
        (0..=steps as u32).map(|i| low + f64::from(i)).collect()
    } else {
        vec![low, (low + high) / 2.0, high]
    }
}

/// A number on the axis: whole numbers without decimals.
fn axis_number(value: f64, lang: Lang) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        lang.number(value)
    }
}

/// Where to centre the mark's name of `chars` characters: above the mark,
/// moved inwards just enough to stay inside the chart. The name still spans
/// the mark's line, so the two read as one.
fn label_x(mark_x: f64, chars: usize) -> f64 {
    // A generous estimate of a character's width: text cannot be
    // measured here, and a name a little off centre is better than one cut.
    let half = chars as f64 * FONT * 0.3;
    if 2.0 * half >= WIDTH - 4.0 {
        return WIDTH / 2.0;
    }
    mark_x.clamp(2.0 + half, WIDTH - 2.0 - half)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_whole_numbers_of_a_short_range_else_ends_and_middle() {
        assert_eq!(ticks(1.0, 5.0), vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(ticks(0.0, 4.0), vec![0.0, 1.0, 2.0, 3.0, 4.0]);
        assert_eq!(ticks(0.0, 100.0), vec![0.0, 50.0, 100.0]);
        assert_eq!(ticks(0.5, 3.0), vec![0.5, 1.75, 3.0]);
    }

    #[test]
    fn the_mark_name_stays_inside_the_chart_and_over_its_mark() {
        for chars in [4, 12, 22, 30] {
            let half = chars as f64 * FONT * 0.3;
            for mark_x in [LEFT, 60.0, WIDTH / 2.0, 250.0, RIGHT] {
                let centre = label_x(mark_x, chars);
                assert!(centre - half >= 0.0 && centre + half <= WIDTH);
                assert!((centre - mark_x).abs() <= half, "{chars} at {mark_x}");
            }
        }
        // Too long to fit anywhere: centred.
        assert_eq!(label_x(LEFT, 60), WIDTH / 2.0);
    }
}
