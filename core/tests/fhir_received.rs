//! Reading a FHIR QuestionnaireResponse back: our own export round-trips
//! without a note; one made by another FHIR system (the LHC-Forms fixture,
//! `tests/data/lhc-forms-response.json`) is read with notes where that is
//! safe, and refused with the path of the element where it is ambiguous.
//! The web app (through `open_export`), the JS package and the command line
//! all read responses here.

mod common;

use naastenmeter_core::error::FhirReason;
use naastenmeter_core::export::fhir::{self, FhirNote};
use naastenmeter_core::export::{open_export, ExportKind, SerdeJson};
use naastenmeter_core::{
    load_instrument, score, Answer, FhirRefusal, ImportError, Problem, Questionnaire,
};
use serde_json::{json, Value};

const DEFAULT_INSTRUMENT: &str = include_str!("../../instruments/naastenmeter-v1.json");
const LHC_FORMS: &str = include_str!("../../tests/data/lhc-forms-response.json");
const URL: &str = "https://naastenmeter.nl/fhir/Questionnaire/naastenmeter";
const CANONICAL: &str = "https://naastenmeter.nl/fhir/Questionnaire/naastenmeter|1.3.0";

/// The default instrument, for which the fixture was made.
fn default_instrument() -> Questionnaire {
    load_instrument(DEFAULT_INSTRUMENT.as_bytes()).expect("the default instrument is valid")
}

/// The LHC-Forms fixture as JSON, to edit.
fn fixture() -> Value {
    serde_json::from_str(LHC_FORMS).unwrap()
}

/// Reads `response` for the default instrument.
fn read(response: &Value) -> Result<(naastenmeter_core::Scored, Vec<FhirNote>), ImportError> {
    fhir::scored_from_questionnaire_response(&default_instrument(), response.to_string().as_bytes())
}

/// The refusal of the fixture after `edit`.
fn refusal(edit: impl FnOnce(&mut Value)) -> FhirRefusal {
    let mut response = fixture();
    edit(&mut response);
    match read(&response) {
        Err(ImportError::FhirResponse(refusal)) => refusal,
        other => panic!("expected a FHIR refusal, got {other:?}"),
    }
}

/// The notes on the fixture after `edit`, which must still be read.
fn notes(edit: impl FnOnce(&mut Value)) -> Vec<FhirNote> {
    let mut response = fixture();
    edit(&mut response);
    read(&response).expect("read").1
}

/// What LHC-Forms and a FHIR server add to the fixture.
fn added_by_the_server() -> FhirNote {
    FhirNote::NotRead {
        paths: ["author", "id", "identifier", "meta", "subject"]
            .map(String::from)
            .to_vec(),
    }
}

fn no_version() -> FhirNote {
    FhirNote::NoVersion {
        url: URL.into(),
        version: "1.3.0".into(),
    }
}

#[test]
fn our_own_export_round_trips_without_a_note() {
    let ins = common::instrument();
    let mut answers = common::all_items_at(&ins, 1);
    answers.clear("b2");
    answers.set_choice("relationship", "child");
    answers.set_choices("behaviours", &["withdrawal", "substances"]);
    let scored = score(&ins, answers)
        .unwrap()
        .made_at(Some("2026-11-23T10:00:00+01:00".into()));
    for language in ["nl", "en"] {
        let text = fhir::questionnaire_response(&ins, &scored, language);
        let (back, notes) =
            fhir::scored_from_questionnaire_response(&ins, text.as_bytes()).unwrap();
        assert!(notes.is_empty(), "{language}: {notes:?}");
        assert_eq!(back, scored, "{language}");
        assert_eq!(fhir::questionnaire_response(&ins, &back, language), text);
        // The web app's way in gives the same result.
        let (kind, opened) = open_export(&ins, text.as_bytes(), &SerdeJson).unwrap();
        assert_eq!(kind, ExportKind::FhirResponse);
        assert_eq!(opened, scored);
    }
}

#[test]
fn an_lhc_forms_response_is_read_with_notes() {
    let response = fixture();
    let (scored, noted) = read(&response).unwrap();
    assert_eq!(noted, [no_version(), added_by_the_server()]);
    assert_eq!(noted[0].paths(), ["questionnaire"]);
    assert_eq!(scored.created(), response["authored"].as_str());
    assert_eq!(
        scored.answers().get("behaviours"),
        Some(&Answer::Choices(vec![
            "mood_swings".into(),
            "withdrawal".into()
        ]))
    );
    assert_eq!(scored.answers().value("b01"), Some(4));
    assert_eq!(
        scored.answers().get("relationship"),
        Some(&Answer::Choice("partner".into()))
    );
    // Unanswered questions stay skipped.
    assert!(scored.answers().get("b13").is_none());

    // With its version, only what the server added is noted.
    let noted = notes(|r| r["questionnaire"] = json!(CANONICAL));
    assert_eq!(noted, [added_by_the_server()]);
    assert_eq!(
        noted[0].to_string(),
        "elements that Naastenmeter does not read are not part of the result: author, id, identifier, meta, subject"
    );
}

#[test]
fn a_coding_without_a_system_and_other_elements_are_noted_with_their_paths() {
    let notes = notes(|r| {
        r["questionnaire"] = json!(CANONICAL);
        for element in ["meta", "id", "identifier", "subject", "author"] {
            r.as_object_mut().unwrap().remove(element);
        }
        let coding = r["item"][15]["answer"][0]["valueCoding"]
            .as_object_mut()
            .unwrap();
        coding.remove("system");
        coding.insert("userSelected".into(), json!(true));
        r["item"][3]["extension"] = json!([]);
        r["item"][4]["answer"][1]["extension"] = json!([]);
        // A display or text in another language is read as ever.
        r["item"][14]["answer"][0]["valueCoding"]["display"] = json!("Agree");
        r["item"][14]["text"] = json!("In the past month ...");
        r["language"] = json!("en");
    });
    assert_eq!(
        notes,
        [
            FhirNote::NoCodeSystem {
                paths: vec!["item[15].answer[0].valueCoding".into()]
            },
            FhirNote::NotRead {
                paths: vec![
                    "item[3].extension".into(),
                    "item[4].answer[1].extension".into(),
                    "item[15].answer[0].valueCoding.userSelected".into(),
                ]
            },
        ]
    );
    assert_eq!(
        notes[0].to_string(),
        "codings without a code system (at item[15].answer[0].valueCoding) are read as options of their own question"
    );
}

#[test]
fn a_long_note_names_the_first_paths_and_counts_the_rest() {
    let notes = notes(|r| {
        r["questionnaire"] = json!(CANONICAL);
        for i in 14..26 {
            r["item"][i]["answer"][0]["valueCoding"]
                .as_object_mut()
                .unwrap()
                .remove("system");
        }
    });
    let FhirNote::NoCodeSystem { paths } = &notes[0] else {
        panic!("{notes:?}");
    };
    assert_eq!(paths.len(), 12);
    let said = notes[0].to_string();
    assert!(
        said.contains("item[21].answer[0].valueCoding and 4 more)"),
        "{said}"
    );
    assert!(!said.contains("item[22]"), "{said}");
}

#[test]
fn an_unclear_questionnaire_reference_is_refused_at_questionnaire() {
    let at_questionnaire = |reason| FhirRefusal {
        path: "questionnaire".into(),
        reason,
    };
    let cases = [
        (
            json!("Questionnaire/4711"),
            FhirReason::ServerReference {
                reference: "Questionnaire/4711".into(),
                canonical: CANONICAL.into(),
            },
        ),
        (
            json!("https://fhir.example.org/fhir/Questionnaire/4711/_history/2"),
            FhirReason::ServerReference {
                reference: "https://fhir.example.org/fhir/Questionnaire/4711/_history/2".into(),
                canonical: CANONICAL.into(),
            },
        ),
        (
            json!(format!("{URL}|1.1.0")),
            FhirReason::OtherVersion {
                found: "1.1.0".into(),
                expected: "1.3.0".into(),
            },
        ),
        (
            json!("http://loinc.org/q/44249-1"),
            FhirReason::OtherQuestionnaire {
                reference: "http://loinc.org/q/44249-1".into(),
                canonical: CANONICAL.into(),
            },
        ),
        (
            json!(42),
            FhirReason::QuestionnaireNotText {
                canonical: CANONICAL.into(),
                found: "42".into(),
            },
        ),
        (
            json!({"reference": "Questionnaire/4711"}),
            FhirReason::QuestionnaireNotText {
                canonical: CANONICAL.into(),
                found: "an object".into(),
            },
        ),
    ];
    for (reference, reason) in cases {
        assert_eq!(
            refusal(|r| r["questionnaire"] = reference.clone()),
            at_questionnaire(reason),
            "{reference}"
        );
    }
    let missing = refusal(|r| {
        r.as_object_mut().unwrap().remove("questionnaire");
    });
    assert_eq!(
        missing,
        at_questionnaire(FhirReason::NoQuestionnaire {
            canonical: CANONICAL.into()
        })
    );
    assert_eq!(
        missing.to_string(),
        format!("at questionnaire: missing, so it is unclear which questionnaire was answered; this instrument is `{CANONICAL}`")
    );
}

#[test]
fn a_response_entered_in_error_is_refused_at_status() {
    assert_eq!(
        refusal(|r| r["status"] = json!("entered-in-error")),
        FhirRefusal {
            path: "status".into(),
            reason: FhirReason::EnteredInError,
        }
    );
}

#[test]
fn ambiguous_items_are_refused_with_their_path() {
    let at = |path: &str, reason| FhirRefusal {
        path: path.into(),
        reason,
    };
    let nested = refusal(|r| {
        r["item"][3]["item"] =
            json!([{"linkId": "b01", "answer": [{"valueCoding": {"code": "2"}}]}]);
    });
    assert_eq!(
        nested,
        at(
            "item[3].item",
            FhirReason::NestedItems {
                question: "problems".into()
            }
        )
    );
    assert_eq!(
        ImportError::FhirResponse(nested).to_string(),
        "this FHIR QuestionnaireResponse cannot be read: at item[3].item: question `problems` has nested items, \
         but this questionnaire's items are flat; the nested answers cannot be placed"
    );
    assert_eq!(
        refusal(|r| r["item"][20]["answer"][0]["item"] = json!([{"linkId": "x"}])),
        at(
            "item[20].answer[0].item",
            FhirReason::NestedItems {
                question: "b07".into()
            }
        )
    );
    assert_eq!(
        refusal(|r| {
            let first = r["item"][14].clone();
            r["item"].as_array_mut().unwrap().push(first);
        }),
        at(
            "item[51].linkId",
            FhirReason::AnsweredTwice {
                question: "b01".into(),
                first: "item[14]".into()
            }
        )
    );
    assert_eq!(
        refusal(|r| {
            r["item"][2].as_object_mut().unwrap().remove("linkId");
        }),
        at("item[2].linkId", FhirReason::NoLinkId)
    );
}

#[test]
fn answers_that_are_not_an_option_of_the_question_are_refused_with_their_path() {
    let at = |path: &str, reason| FhirRefusal {
        path: path.into(),
        reason,
    };
    assert_eq!(
        refusal(|r| r["item"][14]["answer"][0]["valueCoding"]["system"] = json!("http://loinc.org")),
        at(
            "item[14].answer[0].valueCoding.system",
            FhirReason::OtherCodeSystem {
                question: "b01".into(),
                code: "4".into(),
                found: "\"http://loinc.org\"".into(),
                expected: format!("{URL}/response-scale/agree_1_5"),
            }
        )
    );
    assert_eq!(
        refusal(|r| r["item"][14]["answer"][0] = json!({"valueString": "vaak"})),
        at(
            "item[14].answer[0]",
            FhirReason::NotACoding {
                question: "b01".into(),
                found: vec!["valueString".into()]
            }
        )
    );
    assert_eq!(
        refusal(|r| r["item"][14]["answer"][0] = json!({})),
        at(
            "item[14].answer[0]",
            FhirReason::NotACoding {
                question: "b01".into(),
                found: vec![]
            }
        )
    );
    assert_eq!(
        refusal(|r| {
            r["item"][14]["answer"][0]["valueCoding"]
                .as_object_mut()
                .unwrap()
                .remove("code");
        }),
        at(
            "item[14].answer[0].valueCoding.code",
            FhirReason::NoCode {
                question: "b01".into()
            }
        )
    );
    let unknown = refusal(|r| r["item"][14]["answer"][0]["valueCoding"]["code"] = json!("9"));
    assert_eq!(
        unknown,
        at(
            "item[14].answer[0].valueCoding.code",
            FhirReason::UnknownCode {
                question: "b01".into(),
                code: "9".into(),
                options: ["1", "2", "3", "4", "5"].map(String::from).to_vec(),
            }
        )
    );
    assert!(
        unknown.to_string().starts_with(
            "at item[14].answer[0].valueCoding.code: `9` is not an option of question `b01`"
        ),
        "{unknown}"
    );
    assert_eq!(
        refusal(|r| {
            let first = r["item"][4]["answer"][0].clone();
            r["item"][4]["answer"].as_array_mut().unwrap().push(first);
        }),
        at(
            "item[4].answer[2].valueCoding.code",
            FhirReason::ChosenTwice {
                question: "behaviours".into(),
                code: "mood_swings".into(),
                first: "item[4].answer[0]".into()
            }
        )
    );
}

#[test]
fn what_does_not_fit_the_questions_is_not_an_export_with_its_path() {
    let problem = |edit: fn(&mut Value)| {
        let mut response = fixture();
        edit(&mut response);
        match read(&response) {
            Err(ImportError::NotAnExport(problem)) => problem,
            other => panic!("expected a problem, got {other:?}"),
        }
    };
    let unknown = problem(|r| r["item"][2]["linkId"] = json!("caring"));
    assert_eq!(unknown.path, "item[2].linkId");
    assert!(
        unknown.message.contains("unknown linkId `caring`"),
        "{unknown}"
    );
    let two = problem(|r| {
        let second = json!({"valueCoding": {"code": "2"}});
        r["item"][14]["answer"].as_array_mut().unwrap().push(second);
    });
    assert_eq!(
        two,
        Problem {
            path: "item[14]".into(),
            message: "item `b01` needs exactly one answer".into()
        }
    );
    let patient = problem(|r| r["resourceType"] = json!("Patient"));
    assert_eq!(patient.path, "resourceType");
}

#[test]
fn the_web_apps_way_in_refuses_the_same() {
    let ins = default_instrument();
    let mut response = fixture();
    response["item"][3]["item"] = json!([]);
    let error = open_export(&ins, response.to_string().as_bytes(), &SerdeJson).unwrap_err();
    assert_eq!(error, read(&response).unwrap_err());
    assert!(
        matches!(error, ImportError::FhirResponse(FhirRefusal { ref path, .. }) if path == "item[3].item")
    );
}

#[test]
fn elements_are_read_as_serdes_derive_read_them() {
    // The received objects are read key by key (a written-out visitor, for
    // the web app's size) instead of with `#[serde(flatten)]`: a list where
    // an object belongs and a repeated element are refused as before.
    let problem = |edit: fn(&mut Value)| {
        let mut response = fixture();
        edit(&mut response);
        match read(&response) {
            Err(ImportError::NotAnExport(problem)) => problem,
            other => panic!("not refused as not an export: {other:?}"),
        }
    };
    let list = problem(|r| r["item"][0] = json!(["b01"]));
    assert!(
        list.message.contains("expected struct ReceivedItem"),
        "{list:?}"
    );
    let text =
        fixture()
            .to_string()
            .replacen("\"status\":", "\"status\":\"completed\",\"status\":", 1);
    let twice = fhir::scored_from_questionnaire_response(&default_instrument(), text.as_bytes());
    match twice {
        Err(ImportError::NotAnExport(problem)) => {
            assert!(
                problem.message.contains("duplicate field `status`"),
                "{problem:?}"
            )
        }
        other => panic!("a repeated element was read: {other:?}"),
    }
}
