//! Shared helpers for the core's integration tests: the test instruments,
//! answer builders and golden-file comparison.
#![allow(dead_code)] // Each test file uses a different subset.

use std::path::PathBuf;

use naastenmeter_core::{load_instrument, Answers, Questionnaire};

/// The test instrument with a latent profile model.
pub const TEST_INSTRUMENT: &str = include_str!("../../../tests/data/test-instrument.json");
/// The same questionnaire with a latent class model.
pub const TEST_INSTRUMENT_CLASSES: &str =
    include_str!("../../../tests/data/test-instrument-classes.json");

/// Loads the profile-model test instrument.
pub fn instrument() -> Questionnaire {
    load_instrument(TEST_INSTRUMENT.as_bytes()).expect("the test instrument is valid")
}

/// Loads the class-model test instrument.
pub fn class_instrument() -> Questionnaire {
    load_instrument(TEST_INSTRUMENT_CLASSES.as_bytes()).expect("the class test instrument is valid")
}

/// Answers every item with the option at `position` of its scale
/// (0 = lowest; clamped to the highest), and nothing else.
pub fn all_items_at(instrument: &Questionnaire, position: usize) -> Answers {
    let mut answers = Answers::new();
    for item in &instrument.items {
        let rs = instrument.response_scale_of(&item.id).unwrap();
        let option = &rs.options[position.min(rs.options.len() - 1)];
        answers.set_value(&item.id, option.value);
    }
    answers
}

/// Compares `actual` with the golden file `name`; with `UPDATE_GOLDEN=1`
/// writes it instead. Golden files are reviewed by eye when they change.
pub fn check_golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    assert_eq!(
        expected, actual,
        "golden file {name} differs; review and rerun with UPDATE_GOLDEN=1"
    );
}

/// The test instrument's sample answers for export tests: some skipped,
/// some context answers.
pub fn sample(ins: &Questionnaire) -> Answers {
    let mut answers = all_items_at(ins, 1);
    answers.clear("b2");
    answers.set_choice("relationship", "child");
    answers.set_choices("behaviours", &["substances", "withdrawal"]);
    answers
}
