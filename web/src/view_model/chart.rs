//! For the scale chart: each scale on its own range, with its bands as
//! stretches, the relative's score and band, and the named description's
//! typical score.

use naastenmeter_core::instrument::{Band, Prototype, Scale};
use naastenmeter_core::report::{Report, ScaleResult};
use naastenmeter_core::summary::{weight_of, Weight};
use naastenmeter_core::Questionnaire;

/// One scale as the chart draws it: on its own range, with its bands as
/// stretches of that range, the relative's score and band (only when enough
/// questions were answered), and the typical score of the description the
/// core names (none when it names none).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartScale<'a> {
    /// The scale.
    pub scale: &'a Scale,
    /// The report's result for it.
    pub result: &'a ScaleResult,
    /// The lowest and highest score the scale can have (`low < high`).
    pub range: (f64, f64),
    /// The score, when enough questions were answered.
    pub score: Option<f64>,
    /// The band the core put the score in, when there is a score.
    pub band: Option<&'a Band>,
    /// Each band with the part of the range it covers (`from < to`), light
    /// to heavy, and how heavily it weighs.
    pub stretches: Vec<Stretch<'a>>,
    /// The named description's typical score on this scale.
    pub typical: Option<Typical<'a>>,
}

/// A band as a stretch of its scale's range.
#[derive(Debug, Clone, PartialEq)]
pub struct Stretch<'a> {
    /// The band.
    pub band: &'a Band,
    /// Where it starts, within the range.
    pub from: f64,
    /// Where it ends, within the range.
    pub to: f64,
    /// How heavily it weighs (its position among the scale's bands).
    pub weight: Weight,
}

/// The typical score of the description the core names.
#[derive(Debug, Clone, PartialEq)]
pub struct Typical<'a> {
    /// The description.
    pub prototype: &'a Prototype,
    /// Its typical score on the scale (the model's class mean), within the
    /// scale's range.
    pub score: f64,
}

/// What the chart draws, one entry per scale of the report. Only the
/// description the core names (`best`) gets a typical mark: when it names
/// none, the chart suggests none either.
pub fn chart_scales<'a>(instrument: &'a Questionnaire, report: &'a Report) -> Vec<ChartScale<'a>> {
    let named = report
        .classification
        .best()
        .and_then(|id| instrument.prototype(id));
    report
        .scales
        .iter()
        .filter_map(|result| {
            let scale = instrument.scale(&result.id)?;
            let (low, high) = instrument.scale_range(scale);
            // A scale without a usable range still gets a drawable one.
            let high = if high > low { high } else { low + 1.0 };
            let within = |v: f64| v.clamp(low, high);
            let score = result.score.filter(|_| result.enough).map(within);
            let band = result
                .band
                .as_deref()
                .filter(|_| score.is_some())
                .and_then(|id| scale.band(id));
            let stretches = scale
                .bands
                .iter()
                .filter_map(|band| {
                    let (from, to) = (within(band.from), within(band.to));
                    let weight = weight_of(scale, &band.id)?;
                    (from < to).then_some(Stretch {
                        band,
                        from,
                        to,
                        weight,
                    })
                })
                .collect();
            let typical = named.and_then(|prototype| {
                let score = instrument.typical_score(&prototype.id, scale)?;
                Some(Typical {
                    prototype,
                    score: within(score),
                })
            });
            Some(ChartScale {
                scale,
                result,
                range: (low, high),
                score,
                band,
                stretches,
                typical,
            })
        })
        .collect()
}
