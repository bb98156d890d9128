//! What the default instrument may say about the prototypes: never a
//! prototype that the person's own bands contradict, none for answers that
//! fit no class well, none with too few inputs; checked over the whole grid
//! of scale scores, over random answers with random skips, and against the
//! data the model was fitted on (the figures in docs/zegwaard-fit.md).

mod common;

use std::collections::BTreeMap;

use naastenmeter_core::instrument::LatentModel;
use naastenmeter_core::report::{Classification, Direction, Fit};
use naastenmeter_core::scoring::classify_scale_scores;
use naastenmeter_core::Questionnaire;
use naastenmeter_core::{load_instrument, score, Answers};
use proptest::prelude::*;

const DEFAULT_INSTRUMENT: &str = include_str!("../../instruments/naastenmeter-v1.json");
const ZEGWAARD: &str = include_str!("../../tests/data/zegwaard_carecompass.csv");

fn instrument() -> Questionnaire {
    load_instrument(DEFAULT_INSTRUMENT.as_bytes()).expect("the default instrument is valid")
}

/// The model's scales, in model order.
fn model_scales(ins: &Questionnaire) -> Vec<String> {
    match &ins.model.latent {
        LatentModel::Profiles(m) => m.scales.clone(),
        LatentModel::Classes(_) => panic!("the default instrument has a profile model"),
    }
}

/// The band a score falls in, computed here from the instrument's bands
/// (not by the core), so the test checks the core rather than repeating it.
fn band_of<'a>(ins: &'a Questionnaire, scale: &str, score: f64) -> &'a str {
    let bands = &ins.scale(scale).unwrap().bands;
    let last = bands.len() - 1;
    bands
        .iter()
        .enumerate()
        .find(|(i, b)| score >= b.from && (score < b.to || (*i == last && score <= b.to)))
        .map(|(_, b)| b.id.as_str())
        .unwrap_or_else(|| panic!("{scale} {score} is in no band"))
}

/// Checks every promise about a classification given the person's bands
/// (scale id → band id, for the scales with enough answers).
fn check_promises(
    ins: &Questionnaire,
    c: &Classification,
    bands: &BTreeMap<String, String>,
) -> Result<(), String> {
    let threshold = ins.model.typicality.threshold;
    let any_typical = c.probabilities.iter().any(|p| p.typicality >= threshold);
    if c.inputs_used < ins.model.typicality.min_inputs {
        if !matches!(c.fit, Fit::TooFewInputs { .. }) {
            return Err(format!("{} inputs but {:?}", c.inputs_used, c.fit));
        }
        return Ok(());
    }
    if !any_typical && !matches!(c.fit, Fit::NoneFits { .. }) {
        return Err(format!("atypical answers but {:?}", c.fit));
    }
    for named in c.counted() {
        let prototype = ins.prototype(named).unwrap();
        for band in &prototype.contradicted_by {
            if bands.get(&band.scale) == Some(&band.band) {
                return Err(format!(
                    "{named} is named although {} is {}",
                    band.scale, band.band
                ));
            }
        }
        let p = c
            .probabilities
            .iter()
            .find(|p| p.prototype == named)
            .unwrap();
        if p.typicality < threshold {
            return Err(format!("{named} is named but atypical ({})", p.typicality));
        }
        if p.probability < ins.model.min_posterior {
            return Err(format!("{named} is named at {}", p.probability));
        }
    }
    Ok(())
}

/// Nine levels from the lowest to the highest score of a scale.
fn levels(ins: &Questionnaire, scale: &str) -> Vec<f64> {
    let bands = &ins.scale(scale).unwrap().bands;
    let (low, high) = (bands[0].from, bands[bands.len() - 1].to);
    (0..9)
        .map(|i| low + (high - low) * i as f64 / 8.0)
        .collect()
}

#[test]
fn no_pattern_on_the_grid_is_told_something_its_bands_deny() {
    let ins = instrument();
    let scales = model_scales(&ins);
    assert_eq!(scales.len(), 4);
    let grids: Vec<Vec<f64>> = scales.iter().map(|s| levels(&ins, s)).collect();
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    let mut patterns = 0;
    for a in &grids[0] {
        for b in &grids[1] {
            for c in &grids[2] {
                for d in &grids[3] {
                    let values = [*a, *b, *c, *d];
                    let scores: Vec<(&str, f64)> =
                        scales.iter().map(String::as_str).zip(values).collect();
                    let bands: BTreeMap<String, String> = scores
                        .iter()
                        .map(|(s, v)| (s.to_string(), band_of(&ins, s, *v).to_string()))
                        .collect();
                    let classification = classify_scale_scores(&ins, &scores);
                    if let Err(e) = check_promises(&ins, &classification, &bands) {
                        panic!("{values:?}: {e}");
                    }
                    *outcomes.entry(outcome(&classification)).or_default() += 1;
                    patterns += 1;

                    // Any scale left out: too few inputs for the default model.
                    for missing in 0..4 {
                        let fewer: Vec<(&str, f64)> = scores
                            .iter()
                            .enumerate()
                            .filter(|(j, _)| *j != missing)
                            .map(|(_, s)| *s)
                            .collect();
                        let c = classify_scale_scores(&ins, &fewer);
                        assert_eq!(c.fit, Fit::TooFewInputs { needed: 4 }, "{fewer:?}");
                    }
                }
            }
        }
    }
    assert_eq!(patterns, 6561);
    eprintln!("grid outcomes: {outcomes:?}");
    // The figures in docs/zegwaard-fit.md ("What the grid gets").
    let expected: BTreeMap<String, usize> = GRID_OUTCOMES
        .iter()
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
    assert_eq!(outcomes, expected);
}

/// Outcomes of the 6,561 grid patterns, as recorded in docs/zegwaard-fit.md.
const GRID_OUTCOMES: &[(&str, usize)] = &[
    ("balanced", 228),
    ("entrapped", 310),
    ("imbalanced", 182),
    ("lonely", 230),
    ("none (heavier)", 1249),
    ("none (lighter)", 362),
    ("none (mixed)", 4000),
];

fn outcome(c: &Classification) -> String {
    match &c.fit {
        Fit::Prototype { best, .. } => best.clone(),
        Fit::NoneFits { direction } => format!("none ({direction:?})").to_lowercase(),
        Fit::TooFewInputs { .. } => "too few inputs".into(),
    }
}

#[test]
fn the_fitting_data_is_classified_as_the_estimation_tool_said() {
    let ins = instrument();
    let scales = model_scales(&ins);
    let mut lines = ZEGWAARD.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    // The data's columns for the model's scales (docs/zegwaard-fit.md).
    let columns: Vec<usize> = ["burdened", "trapped", "negaffect", "loneliness"]
        .iter()
        .map(|c| {
            header
                .iter()
                .position(|h| h.trim_matches('"') == *c)
                .unwrap()
        })
        .collect();
    let mut complete = 0;
    let mut typical = 0;
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        let scores: Vec<(&str, f64)> = scales
            .iter()
            .zip(&columns)
            .filter_map(|(s, j)| cells[*j].parse::<f64>().ok().map(|v| (s.as_str(), v)))
            .collect();
        let c = classify_scale_scores(&ins, &scores);
        if scores.len() == scales.len() {
            complete += 1;
            if c.probabilities
                .iter()
                .any(|p| p.typicality >= ins.model.typicality.threshold)
            {
                typical += 1;
            }
        }
        *outcomes.entry(outcome(&c)).or_default() += 1;
    }
    eprintln!("zegwaard: {complete} complete rows, {typical} typical; outcomes {outcomes:?}");
    // The classifier and the estimation tool agree on who is typical.
    let share = typical as f64 / complete as f64;
    assert!(
        (share - ins.model.typicality.typical_share).abs() < 1e-12,
        "{share} vs {}",
        ins.model.typicality.typical_share
    );
    let expected: BTreeMap<String, usize> = ZEGWAARD_OUTCOMES
        .iter()
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
    assert_eq!(outcomes, expected);
}

/// Outcomes of the 513 zegwaard rows, as recorded in docs/zegwaard-fit.md.
const ZEGWAARD_OUTCOMES: &[(&str, usize)] = &[
    ("balanced", 156),
    ("entrapped", 101),
    ("imbalanced", 125),
    ("lonely", 74),
    ("none (heavier)", 18),
    ("none (lighter)", 5),
    ("none (mixed)", 13),
    ("too few inputs", 21),
];

/// Answers every item of every scale at option `position` (0 = lowest).
fn every_scale_at(ins: &Questionnaire, position: impl Fn(&str) -> usize) -> Answers {
    let mut answers = Answers::new();
    for scale in &ins.scales {
        for id in &scale.items {
            let item = ins.item(id).unwrap();
            let rs = ins.response_scale_of(&item.id).unwrap();
            let p = position(&scale.id).min(rs.options.len() - 1);
            // Reverse-keyed items: the same scored position.
            let option = if item.reverse {
                &rs.options[rs.options.len() - 1 - p]
            } else {
                &rs.options[p]
            };
            answers.set_value(id, option.value);
        }
    }
    answers
}

#[test]
fn a_relative_doing_well_is_told_they_are_lighter_than_every_description() {
    let ins = instrument();
    let report = score(&ins, every_scale_at(&ins, |_| 0)).unwrap();
    assert_eq!(
        report.classification.fit,
        Fit::NoneFits {
            direction: Direction::Lighter
        },
        "{:#?}",
        report.classification
    );
}

#[test]
fn a_heavily_burdened_and_lonely_relative_gets_no_contradicting_description() {
    let ins = instrument();
    let report = score(&ins, every_scale_at(&ins, |_| 4)).unwrap();
    assert_eq!(
        report.scale("loneliness").unwrap().band.as_deref(),
        Some("high")
    );
    assert_eq!(
        report.classification.fit,
        Fit::NoneFits {
            direction: Direction::Heavier
        }
    );
    // Burden high and lonely, but not trapped: the lonely description
    // ("caring does not take over") is contradicted, so it is not named.
    let answers = every_scale_at(&ins, |s| match s {
        "entrapment" => 0,
        _ => 4,
    });
    let report = score(&ins, answers.clone()).unwrap();
    assert!(
        !report.classification.counted().contains(&"lonely"),
        "{:?}",
        report.classification.fit
    );
}

#[test]
fn one_scale_answered_names_no_prototype() {
    let ins = instrument();
    let mut answers = Answers::new();
    for id in &ins.scale("entrapment").unwrap().items {
        let item = ins.item(id).unwrap();
        let rs = ins.response_scale_of(&item.id).unwrap();
        answers.set_value(id, rs.options[0].value);
    }
    let report = score(&ins, answers.clone()).unwrap();
    assert_eq!(report.classification.inputs_used, 1);
    assert_eq!(report.classification.fit, Fit::TooFewInputs { needed: 4 });
    // The scale itself is still scored and banded.
    assert!(report.scale("entrapment").unwrap().band.is_some());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Random answers with random skips: every promise holds.
    #[test]
    fn random_answers_with_skips_keep_every_promise(
        picks in proptest::collection::vec((0u8..4, 0usize..11), 60)
    ) {
        let ins = instrument();
        let mut answers = Answers::new();
        let items = ins.scales.iter().flat_map(|s| s.items.iter());
        for (id, (skip, position)) in items.zip(picks.iter().cycle()) {
            // One in four answers skipped.
            if *skip == 0 {
                continue;
            }
            let rs = ins.response_scale_of(id).unwrap();
            answers.set_value(id, rs.options[position % rs.options.len()].value);
        }
        let report = score(&ins, answers.clone()).unwrap();
        let bands: BTreeMap<String, String> = report
            .scales
            .iter()
            .filter_map(|s| s.band.clone().map(|b| (s.id.clone(), b)))
            .collect();
        if let Err(e) = check_promises(&ins, &report.classification, &bands) {
            prop_assert!(false, "{}", e);
        }
    }
}
