//! `naastenmeter score` with a FHIR QuestionnaireResponse that another FHIR
//! system made from our own Questionnaire: the fixture
//! `tests/data/lhc-forms-response.json` is written after the output format
//! of NLM's LHC-Forms (see `tests/data/README.md`). What is safe is
//! accepted; what is ambiguous is refused with the path of the element.

mod common;

use common::{data, run, stderr, stdout, temp_file};
use serde_json::{json, Map, Value};

const INSTRUMENT: &str = "../instruments/naastenmeter-v1.json";

fn instrument() -> String {
    format!("{}/{INSTRUMENT}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> Value {
    serde_json::from_str(&std::fs::read_to_string(data("lhc-forms-response.json")).unwrap())
        .unwrap()
}

/// The answers of a response as a plain answers file: codes as numbers for
/// items, option ids for context questions (a list where it repeats).
fn plain_answers(response: &Value) -> Value {
    let mut answers = Map::new();
    for item in response["item"].as_array().unwrap() {
        let link_id = item["linkId"].as_str().unwrap();
        let codes: Vec<&str> = item["answer"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["valueCoding"]["code"].as_str().unwrap())
            .collect();
        let value = if link_id == "behaviours" {
            json!(codes)
        } else if let Ok(number) = codes[0].parse::<i64>() {
            json!(number)
        } else {
            json!(codes[0])
        };
        answers.insert(link_id.into(), value);
    }
    Value::Object(answers)
}

#[test]
fn an_lhc_forms_response_scores_as_its_answers() {
    let response = fixture();
    // The fixture carries what another system adds, and names the
    // questionnaire without a version, as LHC-Forms does when it writes
    // only the Questionnaire's url.
    for element in ["meta", "id", "identifier", "subject", "author"] {
        assert!(response.get(element).is_some(), "the fixture has {element}");
    }
    assert_eq!(
        response["questionnaire"],
        "https://naastenmeter.nl/fhir/Questionnaire/naastenmeter"
    );

    let output = run(&["score", &instrument(), &data("lhc-forms-response.json")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let notes = stderr(&output);
    assert!(
        notes.contains("carries no Naastenmeter checksum"),
        "{notes}"
    );
    assert!(
        notes.contains("without a version; it is read as version 1.3.0"),
        "{notes}"
    );
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["created"], response["authored"]);
    assert_eq!(
        report["answers"]["behaviours"],
        json!(["mood_swings", "withdrawal"])
    );
    assert_eq!(report["answers"]["b01"], 4);
    // Unanswered questions stay skipped.
    assert!(report["answers"].get("death_thoughts").is_none());
    assert!(report["answers"].get("b13").is_none());

    // Exactly the result of the same answers given as a plain answers file.
    let plain = temp_file(
        "lhc-forms-plain-answers.json",
        &plain_answers(&response).to_string(),
    );
    let authored = response["authored"].as_str().unwrap();
    let from_plain = run(&["score", &instrument(), &plain, "--authored", authored]);
    assert!(from_plain.status.success(), "{}", stderr(&from_plain));
    assert_eq!(stdout(&from_plain), stdout(&output));
}

#[test]
fn the_canonical_with_its_version_needs_no_note() {
    let mut response = fixture();
    response["questionnaire"] =
        json!("https://naastenmeter.nl/fhir/Questionnaire/naastenmeter|1.3.0");
    let path = temp_file("lhc-forms-versioned.json", &response.to_string());
    let output = run(&["score", &instrument(), &path, "--format", "csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stderr(&output).contains("without a version"));
    assert_eq!(stdout(&output).lines().count(), 2);
}

/// Scores the fixture after `edit` and returns the message of the refusal.
fn refused(name: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut response = fixture();
    edit(&mut response);
    let path = temp_file(name, &response.to_string());
    let output = run(&["score", &instrument(), &path]);
    assert_eq!(output.status.code(), Some(1), "{name}: {}", stderr(&output));
    assert!(stdout(&output).is_empty());
    stderr(&output)
}

#[test]
fn an_ambiguous_questionnaire_reference_is_refused() {
    let cases: [(&str, Value, &str); 4] = [
        (
            "server-reference.json",
            json!("Questionnaire/4711"),
            "at questionnaire: `Questionnaire/4711` refers to a Questionnaire stored on a FHIR server",
        ),
        (
            "other-version.json",
            json!("https://naastenmeter.nl/fhir/Questionnaire/naastenmeter|1.1.0"),
            "at questionnaire: made for version 1.1.0",
        ),
        (
            "other-questionnaire.json",
            json!("http://loinc.org/q/44249-1"),
            "at questionnaire: made for `http://loinc.org/q/44249-1`",
        ),
        ("not-text.json", json!(42), "at questionnaire: expected"),
    ];
    for (name, reference, message) in cases {
        let error = refused(name, |r| r["questionnaire"] = reference);
        assert!(error.contains(message), "{name}: {error}");
    }
    let error = refused("no-reference.json", |r| {
        r.as_object_mut().unwrap().remove("questionnaire");
    });
    assert!(error.contains("at questionnaire: missing"), "{error}");
    // A server reference with a base URL and history is still one.
    let error = refused("server-history.json", |r| {
        r["questionnaire"] = json!("https://fhir.example.org/fhir/Questionnaire/4711/_history/2");
    });
    assert!(error.contains("stored on a FHIR server"), "{error}");
}

#[test]
fn ambiguous_items_and_answers_are_refused_with_their_path() {
    let error = refused("nested.json", |r| {
        r["item"][3]["item"] =
            json!([{"linkId": "b01", "answer": [{"valueCoding": {"code": "2"}}]}]);
    });
    assert!(
        error.contains("at item[3].item: question `problems` has nested items"),
        "{error}"
    );

    let error = refused("nested-answer.json", |r| {
        r["item"][20]["answer"][0]["item"] = json!([{"linkId": "x"}]);
    });
    assert!(error.contains("at item[20].answer[0].item"), "{error}");

    let error = refused("twice.json", |r| {
        let first = r["item"][14].clone();
        r["item"].as_array_mut().unwrap().push(first);
    });
    assert!(
        error.contains(".linkId: question `b01` is answered twice (also at item[14])"),
        "{error}"
    );

    let error = refused("foreign-system.json", |r| {
        r["item"][14]["answer"][0]["valueCoding"]["system"] = json!("http://loinc.org");
    });
    assert!(
        error.contains("at item[14].answer[0].valueCoding.system: \"http://loinc.org\" is not the code system of question `b01`"),
        "{error}"
    );

    let error = refused("value-string.json", |r| {
        r["item"][14]["answer"][0] = json!({"valueString": "vaak"});
    });
    assert!(
        error.contains("at item[14].answer[0]: expected a valueCoding (one of the question's options), found valueString"),
        "{error}"
    );

    let error = refused("unknown-code.json", |r| {
        r["item"][14]["answer"][0]["valueCoding"]["code"] = json!("9");
    });
    assert!(
        error.contains(
            "at item[14].answer[0].valueCoding.code: `9` is not an option of question `b01`"
        ),
        "{error}"
    );

    let error = refused("unknown-link.json", |r| {
        r["item"][2]["linkId"] = json!("caring");
    });
    assert!(
        error.contains("at item[2].linkId: unknown linkId `caring`"),
        "{error}"
    );

    let error = refused("entered-in-error.json", |r| {
        r["status"] = json!("entered-in-error");
    });
    assert!(error.contains("at status"), "{error}");
}

#[test]
fn a_display_in_another_language_and_a_missing_system_are_fine() {
    let mut response = fixture();
    // Another renderer may show the English texts, or leave out the system.
    response["item"][14]["answer"][0]["valueCoding"]["display"] = json!("Agree");
    response["item"][14]["text"] = json!("In the past month ...");
    response["item"][15]["answer"][0]["valueCoding"]
        .as_object_mut()
        .unwrap()
        .remove("system");
    response["language"] = json!("en");
    let path = temp_file("lhc-forms-english.json", &response.to_string());
    let output = run(&["score", &instrument(), &path]);
    assert!(output.status.success(), "{}", stderr(&output));
}
