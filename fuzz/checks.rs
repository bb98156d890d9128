//! The checks each fuzz target runs on one input, shared by the fuzz targets
//! (`fuzz_targets/*.rs`) and by the regression test that replays the whole
//! corpus in CI (`core/tests/fuzz_corpus.rs`), so both check the same thing.
//!
//! Each check must not panic on any input except through a failed assertion
//! of a promise: posteriors sum to 1, our own exports import, and so on.

use std::sync::OnceLock;

use naastenmeter_core::export::{csv, fhir, json, share};
use naastenmeter_core::{load_instrument, score, Answers, Questionnaire};

/// The default instrument, loaded once.
pub fn default_instrument() -> &'static Questionnaire {
    static INSTRUMENT: OnceLock<Questionnaire> = OnceLock::new();
    INSTRUMENT.get_or_init(|| {
        load_instrument(include_bytes!("../instruments/naastenmeter-v1.json")).expect("valid")
    })
}

/// Any bytes as an instrument file.
pub fn check_instrument(data: &[u8]) {
    if let Ok(instrument) = load_instrument(data) {
        let report = score(&instrument, Answers::new()).expect("empty answers always score");
        assert_eq!(report.scales.len(), instrument.scales.len());
        let language = instrument.languages[0].clone();
        let _ = fhir::questionnaire(&instrument, &language);
    }
}

/// Any bytes as an answers file: what scores must survive every export.
pub fn check_answers(data: &[u8]) {
    let Ok(answers) = serde_json::from_slice::<Answers>(data) else {
        return;
    };
    let ins = default_instrument();
    let Ok(report) = score(ins, answers.clone()) else {
        return;
    };
    let c = &report.classification;
    let sum: f64 = c.probabilities.iter().map(|p| p.probability).sum();
    assert!((sum - 1.0).abs() < 1e-9, "posteriors sum to {sum}");
    // A named prototype is never contradicted by the person's bands and
    // always typical for the answers.
    for named in c.counted() {
        let p = c
            .probabilities
            .iter()
            .find(|p| p.prototype == named)
            .expect("a named prototype has a probability");
        assert!(!p.contradicted, "{named} is named but contradicted");
        assert!(
            p.typicality >= ins.model.typicality.threshold,
            "{named} is named but atypical"
        );
    }
    // Scoring keeps chosen options in the question's order (and refuses
    // repeats), so what was scored is canonical: scoring it again changes
    // nothing, and every export reads back to exactly it.
    let canonical = report.answers();
    let again = score(ins, canonical.clone()).expect("scored answers score again");
    assert_eq!(again.answers(), canonical);
    let text = json::export_report(ins, &report);
    let back = json::import_report(ins, text.as_bytes()).expect("own export imports");
    assert_eq!(back.answers(), canonical);
    let code = share::encode_share_code(ins, &report);
    let decoded = share::decode_share_code(ins, &code).expect("own share code decodes");
    assert_eq!(decoded.answers(), canonical);
    assert_eq!(decoded.report(), report.report());
    let fhir_text = fhir::questionnaire_response(ins, &report, "nl");
    let (from_fhir, notes) = fhir::scored_from_questionnaire_response(ins, fhir_text.as_bytes())
        .expect("own FHIR imports");
    assert!(notes.is_empty(), "own FHIR needs no notes: {notes:?}");
    assert_eq!(from_fhir.answers(), canonical);
}

/// Any bytes as a JSON report: what imports equals a fresh scoring.
pub fn check_report_import(data: &[u8]) {
    let ins = default_instrument();
    if let Ok(imported) = json::import_report(ins, data) {
        let fresh = score(ins, imported.answers().clone()).expect("imported answers score");
        assert_eq!(fresh.report(), imported.report());
    }
}

/// Any text as a share code: what decodes scores and re-encodes the same,
/// day included.
pub fn check_share_code(data: &[u8]) {
    let Ok(code) = std::str::from_utf8(data) else {
        return;
    };
    let ins = default_instrument();
    if let Ok(decoded) = share::decode_share_code(ins, code) {
        // A code carries the day it was made, if any; the rest is a fresh scoring.
        let fresh = score(ins, decoded.answers().clone())
            .expect("decoded answers score")
            .made_at(decoded.created().map(Into::into));
        assert_eq!(fresh, decoded);
        let again = share::encode_share_code(ins, &decoded);
        assert_eq!(
            share::decode_share_code(ins, &again).expect("re-encoded code decodes"),
            decoded
        );
    }
}

/// Any bytes as a FHIR QuestionnaireResponse and as a CSV export.
pub fn check_fhir_csv_import(data: &[u8]) {
    let ins = default_instrument();
    // An import's result is the fresh scoring of its answers.
    if let Ok((imported, _notes)) = fhir::scored_from_questionnaire_response(ins, data) {
        let fresh = score(ins, imported.answers().clone()).expect("imported FHIR answers score");
        assert_eq!(fresh.report(), imported.report());
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(imported) = csv::scored_from_csv(ins, text) {
            let fresh = score(ins, imported.answers().clone()).expect("imported CSV answers score");
            assert_eq!(fresh.report(), imported.report());
        }
    }
}
