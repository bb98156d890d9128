//! Earlier published versions of the default instrument stay readable:
//! exports made by the released builds of 1.0.0, 1.1.0 and 1.2.0 (and of today's
//! 1.3.0, for when it becomes an earlier version) open with the version
//! that made them, after the instrument has changed.

use std::path::{Path, PathBuf};

use naastenmeter_core::export::open::{ExportKind, SerdeJson};
use naastenmeter_core::versions::PublishedIndex;
use naastenmeter_core::{load_instrument, Answers, ImportError, Questionnaire, Versions};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn index() -> PublishedIndex {
    PublishedIndex::parse(&read(&repo().join("instruments/published/index.json"))).unwrap()
}

fn current() -> Questionnaire {
    load_instrument(&read(&repo().join("instruments/naastenmeter-v1.json"))).unwrap()
}

/// Every published version, loaded with its published identity.
fn versions() -> Versions {
    let current = current();
    let mut versions = Versions::new(current.clone());
    for entry in &index().versions {
        if entry.content_hash == current.content_hash() {
            continue;
        }
        let file = repo().join("instruments/published").join(&entry.file);
        let earlier = load_instrument(&read(&file))
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
            .as_published(&entry.content_hash)
            .unwrap();
        assert_eq!(earlier.version, entry.version, "{}", file.display());
        versions.add_earlier(earlier);
    }
    versions
}

fn fixture(name: &str) -> Vec<u8> {
    read(&repo().join("tests/data/published").join(name))
}

fn answers_of(version: &str) -> Answers {
    serde_json::from_slice(&fixture(&format!("answers-{version}.json"))).unwrap()
}

const VERSIONS: [&str; 4] = ["1.0.0", "1.1.0", "1.2.0", "1.3.0"];

#[test]
fn the_current_instrument_is_published_under_its_own_version_and_hash() {
    let current = current();
    let index = index();
    let entry = index.version(&current.version).unwrap_or_else(|| {
        panic!(
            "version {} is not in instruments/published/index.json: add it when it is published",
            current.version
        )
    });
    assert_eq!(
        entry.content_hash,
        current.content_hash(),
        "naastenmeter-v1.json changed but kept version {}, whose exports carry the old hash: \
         archive the published file in instruments/published/ and raise the version",
        current.version
    );
    for entry in &index.versions {
        assert!(
            VERSIONS.contains(&entry.version.as_str()),
            "no fixtures for {}",
            entry.version
        );
    }
}

#[test]
fn json_exports_of_every_published_version_open_with_that_version() {
    let versions = versions();
    for version in VERSIONS {
        let opened = versions
            .open_export(&fixture(&format!("report-{version}.json")), &SerdeJson)
            .unwrap_or_else(|e| panic!("report-{version}.json: {e}"));
        assert_eq!(opened.kind, ExportKind::Report);
        assert_eq!(opened.questionnaire.version, version);
        assert_eq!(opened.scored.report().instrument.version, version);
        assert_eq!(opened.scored.answers(), &answers_of(version), "{version}");
        assert_eq!(versions.of(&opened.scored).unwrap().version, version);
    }
}

#[test]
fn fhir_exports_of_every_published_version_open_with_that_version() {
    let versions = versions();
    for version in VERSIONS {
        let opened = versions
            .open_export(&fixture(&format!("fhir-{version}.json")), &SerdeJson)
            .unwrap_or_else(|e| panic!("fhir-{version}.json: {e}"));
        assert_eq!(opened.kind, ExportKind::FhirResponse);
        assert_eq!(opened.questionnaire.version, version);
        assert_eq!(opened.scored.answers(), &answers_of(version), "{version}");
    }
}

#[test]
fn share_codes_of_every_published_version_open_with_that_version() {
    let versions = versions();
    for version in VERSIONS {
        let code = String::from_utf8(fixture(&format!("share-{version}.txt"))).unwrap();
        let opened = versions
            .decode_share_code(code.trim())
            .unwrap_or_else(|e| panic!("share-{version}.txt: {e}"));
        assert_eq!(opened.questionnaire.version, version);
        assert_eq!(opened.scored.answers(), &answers_of(version), "{version}");
    }
}

#[test]
fn remembered_results_of_every_published_version_open_with_that_version() {
    let versions = versions();
    for version in VERSIONS {
        let list: Vec<String> =
            serde_json::from_slice(&fixture(&format!("remembered-{version}.json"))).unwrap();
        assert_eq!(list.len(), 1);
        let opened = versions
            .read_report_text(&list[0], &SerdeJson)
            .unwrap_or_else(|e| panic!("remembered-{version}.json: {e}"));
        assert_eq!(opened.questionnaire.version, version);
        assert_eq!(opened.scored.answers(), &answers_of(version), "{version}");
    }
}

#[test]
fn without_the_earlier_versions_their_exports_are_refused_by_name() {
    let only_current = Versions::new(current());
    let error = only_current
        .open_export(&fixture("report-1.1.0.json"), &SerdeJson)
        .unwrap_err();
    let ImportError::OtherInstrument { found, .. } = error else {
        panic!("expected another instrument, got {error:?}");
    };
    assert_eq!(found.version, "1.1.0");
    let code = String::from_utf8(fixture("share-1.0.0.txt")).unwrap();
    assert!(only_current.decode_share_code(code.trim()).is_err());
}

#[test]
fn an_earlier_report_whose_version_was_edited_is_refused() {
    let text = String::from_utf8(fixture("report-1.1.0.json")).unwrap();
    let edited = text.replacen("\"version\": \"1.1.0\"", "\"version\": \"1.0.0\"", 1);
    assert_ne!(edited, text);
    let error = versions()
        .read_report_text(&edited, &SerdeJson)
        .unwrap_err();
    assert_eq!(error, ImportError::Altered);
}

#[test]
fn a_published_hash_must_look_like_one() {
    assert!(current().as_published("not a hash").is_err());
    assert!(current().as_published(&"A".repeat(64)).is_err());
    assert!(current().as_published(&"a".repeat(64)).is_ok());
}
