//! Results made with earlier published versions of the questionnaire open in
//! the app, natively: remembered results, JSON and FHIR files and share
//! codes made by the released builds of 1.0.0 and 1.1.0
//! (`tests/data/published/`) wait for the earlier versions, which the app
//! fetches only then, and open with the version that made them. A
//! remembered result that cannot be read is kept, never dropped.

use std::rc::Rc;

use naastenmeter_core::Answers;
use naastenmeter_web::state::{Action, AppState, ImportTarget, View};
use yew::Reducible;

mod common;
use common::published_files;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../tests/data/published/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn answers_of(version: &str) -> Answers {
    serde_json::from_str(&fixture(&format!("answers-{version}.json"))).unwrap()
}

fn fresh(remembered: Option<&str>) -> Rc<AppState> {
    let instrument = naastenmeter_web::instrument::load().expect("the compiled-in instrument");
    Rc::new(AppState::new(instrument, None, remembered, false))
}

/// The remembered list of the device: one result of each published version.
fn remembered_list() -> String {
    let mut entries: Vec<String> = Vec::new();
    for version in ["1.0.0", "1.1.0", "1.2.0", "1.3.0"] {
        let list: Vec<String> =
            serde_json::from_str(&fixture(&format!("remembered-{version}.json"))).unwrap();
        entries.extend(list);
    }
    serde_json::to_string(&entries).unwrap()
}

#[test]
fn remembered_results_of_earlier_versions_open_after_loading_them() {
    let state = fresh(Some(&remembered_list()));
    // The current version's result reads at once; the others wait.
    assert_eq!(state.earlier.len(), 1);
    assert_eq!(state.unread_remembered.len(), 3);
    assert!(state.wants_earlier_versions());
    let state = state.reduce(Action::EarlierVersionsLoaded(published_files()));
    assert!(!state.wants_earlier_versions());
    assert!(state.unread_remembered.is_empty());
    let mut versions: Vec<&str> = state
        .earlier
        .iter()
        .map(|e| e.outcome.report().instrument.version.as_str())
        .collect();
    versions.sort();
    assert_eq!(versions, ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]);
    for earlier in &state.earlier {
        let version = earlier.outcome.report().instrument.version.clone();
        assert!(earlier.remembered);
        assert_eq!(earlier.outcome.answers(), &answers_of(&version));
        let made_with = state
            .versions
            .of(&earlier.outcome)
            .expect("its version is loaded");
        assert_eq!(made_with.version, version);
    }
}

#[test]
fn files_and_share_codes_of_earlier_versions_open_in_the_professional_view() {
    for version in ["1.0.0", "1.1.0", "1.2.0", "1.3.0"] {
        for (kind, import) in [
            (
                "json",
                Action::ImportFile(
                    fixture(&format!("report-{version}.json")).into_bytes(),
                    ImportTarget::Professional,
                ),
            ),
            (
                "fhir",
                Action::ImportFile(
                    fixture(&format!("fhir-{version}.json")).into_bytes(),
                    ImportTarget::Professional,
                ),
            ),
            (
                "share",
                Action::ImportCode(
                    fixture(&format!("share-{version}.txt")),
                    ImportTarget::Professional,
                ),
            ),
        ] {
            let mut state = fresh(None)
                .reduce(Action::Show(View::Professional))
                .reduce(import);
            if state.wants_earlier_versions() {
                assert_ne!(version, "1.3.0", "the current version needs nothing more");
                state = state.reduce(Action::EarlierVersionsLoaded(published_files()));
            }
            let opened = state
                .professional
                .as_ref()
                .unwrap_or_else(|| panic!("{version} {kind}: {:?}", state.notice));
            assert_eq!(opened.report().instrument.version, version, "{kind}");
            assert_eq!(opened.answers(), &answers_of(version), "{version} {kind}");
        }
    }
}

#[test]
fn a_remembered_result_that_cannot_be_read_is_kept_when_a_new_one_is_remembered() {
    let state = fresh(Some(&remembered_list()));
    // The earlier versions could not be fetched (offline, blocked).
    let failed = naastenmeter_web::instrument::PUBLISHED
        .iter()
        .map(|p| Err(format!("{}: could not be fetched", p.file)))
        .collect();
    let mut state = state.reduce(Action::EarlierVersionsLoaded(failed));
    assert_eq!(state.unread_remembered.len(), 3);
    // Finish today's questionnaire and remember it.
    let instrument = state.instrument.clone();
    state = state.reduce(Action::Start);
    for item in &instrument.items {
        let options = &instrument.response_scale_of(&item.id).unwrap().options;
        state = state.reduce(Action::Answer(
            item.id.clone(),
            Some(naastenmeter_core::Answer::Value(options[0].value)),
        ));
    }
    while let View::Questions(_) = state.view {
        state = state.reduce(Action::Next {
            now: "2026-12-06T03:00:00+01:00".into(),
        });
    }
    let (list, readable) = state
        .remembered_with_current()
        .expect("a result to remember");
    assert_eq!(readable.len(), 2, "the 1.3.0 result and today's");
    let entries: Vec<String> = serde_json::from_str(&list).unwrap();
    assert_eq!(
        entries.len(),
        5,
        "two readable and the three kept as they were"
    );
    for version in ["1.0.0", "1.1.0", "1.2.0"] {
        let original: Vec<String> =
            serde_json::from_str(&fixture(&format!("remembered-{version}.json"))).unwrap();
        assert!(entries.contains(&original[0]), "{version} kept unchanged");
    }
}
