//! The command line as a user runs it: exit codes, output and error messages.

mod common;

use std::path::PathBuf;

use common::{data, run, stderr, stdout, temp_file};

const ANSWERS: &str = r#"{"b1": 4, "b2": 5, "b3": 4, "b4": 2, "e1": 3, "e2": 3, "e3": 4,
  "l1": 3, "l2": 3, "l3": 3, "w1": 2, "w2": 2, "relationship": "partner", "behaviours": ["aggression"]}"#;

#[test]
fn validate_a_good_instrument() {
    let output = run(&["validate", &data("test-instrument.json")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("is valid: 16 items"));
}

#[test]
fn validate_lists_every_problem_with_its_path() {
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data("test-instrument.json")).unwrap())
            .unwrap();
    value["scales"][0]["items"][1] = "nope".into();
    value["contacts"][0]["url"] = "http://plain".into();
    let path = temp_file("bad-instrument.json", &value.to_string());
    let output = run(&["validate", &path]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("2 problem(s)"), "{message}");
    assert!(
        message.contains("at scales[0].items[1]: unknown item `nope`"),
        "{message}"
    );
    assert!(message.contains("at contacts[0].url"), "{message}");
}

#[test]
fn validate_a_missing_file() {
    let output = run(&["validate", "/no/such/file.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("cannot read `/no/such/file.json`"));
}

#[test]
fn score_in_every_format() {
    let answers = temp_file("answers.json", ANSWERS);
    let instrument = data("test-instrument.json");

    let output = run(&["score", &instrument, &answers]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        report["report"]["classification"]["fit"]["prototype"]["best"],
        "entrapped"
    );
    assert_eq!(report["report"]["signals"][0], "gp_mood");

    let output = run(&[
        "score",
        &instrument,
        &answers,
        "--format",
        "fhir",
        "--language",
        "en",
    ]);
    let fhir: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(fhir["resourceType"], "QuestionnaireResponse");
    assert_eq!(fhir["language"], "en");

    let output = run(&["score", &instrument, &answers, "--format", "csv"]);
    assert_eq!(stdout(&output).lines().count(), 2);

    let output = run(&["score", &instrument, &answers, "--format", "share"]);
    let code = stdout(&output).trim().to_string();
    let output = run(&["decode", &code, "--instrument", &instrument]);
    assert!(output.status.success(), "{}", stderr(&output));
    let decoded: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let original: serde_json::Value = serde_json::from_str(ANSWERS).unwrap();
    assert_eq!(decoded, original);
}

#[test]
fn score_refuses_bad_answers_naming_the_item() {
    let answers = temp_file("bad-answers.json", r#"{"b1": 9}"#);
    let output = run(&["score", &data("test-instrument.json"), &answers]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("item `b1` has answer 9"),
        "{}",
        stderr(&output)
    );

    // An option chosen twice is refused; the same options in another order
    // give the very same report, in the question's option order.
    let answers = temp_file(
        "repeated-option.json",
        r#"{"behaviours": ["withdrawal", "substances", "withdrawal"]}"#,
    );
    let output = run(&["score", &data("test-instrument.json"), &answers]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .contains("question `behaviours` has option `withdrawal` chosen more than once"),
        "{}",
        stderr(&output)
    );
    let reversed = temp_file(
        "reversed-options.json",
        r#"{"behaviours": ["withdrawal", "substances"]}"#,
    );
    let in_order = temp_file(
        "ordered-options.json",
        r#"{"behaviours": ["substances", "withdrawal"]}"#,
    );
    let report = |path: &str| {
        let output = run(&["score", &data("test-instrument.json"), path]);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    assert_eq!(report(&reversed), report(&in_order));
    let report: serde_json::Value = serde_json::from_str(&report(&reversed)).unwrap();
    assert_eq!(
        report["answers"]["behaviours"],
        serde_json::json!(["substances", "withdrawal"])
    );

    let answers = temp_file("not-answers.json", "[1, 2]");
    let output = run(&["score", &data("test-instrument.json"), &answers]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not an answers file"));
}

#[test]
fn decode_uses_the_default_instrument() {
    let answers = temp_file(
        "default-answers.json",
        r#"{"b01": 4, "relationship": "parent"}"#,
    );
    let instrument =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../instruments/naastenmeter-v1.json");
    let output = run(&[
        "score",
        &instrument.to_string_lossy(),
        &answers,
        "--format",
        "share",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let code = stdout(&output).trim().to_string();
    let output = run(&["decode", &code]);
    assert!(output.status.success(), "{}", stderr(&output));
    let decoded: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        decoded,
        serde_json::json!({"b01": 4, "relationship": "parent"})
    );
}

#[test]
fn decode_says_the_day_a_code_carries() {
    let answers = temp_file("dated-answers.json", ANSWERS);
    let instrument = data("test-instrument.json");
    let output = run(&[
        "score",
        &instrument,
        &answers,
        "--format",
        "share",
        "--authored",
        "2026-11-23T10:00:00Z",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let code = stdout(&output).trim().to_string();
    let output = run(&["decode", &code, "--instrument", &instrument]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("given on 2026-11-23"),
        "{}",
        stderr(&output)
    );
    // Without a day, no note.
    let output = run(&["score", &instrument, &answers, "--format", "share"]);
    let code = stdout(&output).trim().to_string();
    let output = run(&["decode", &code, "--instrument", &instrument]);
    assert!(!stderr(&output).contains("given on"), "{}", stderr(&output));
}

#[test]
fn decode_reports_a_typo() {
    let output = run(&[
        "decode",
        "ABCD-EFGH-JKMN",
        "--instrument",
        &data("test-instrument.json"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("typing error"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn questionnaire_as_fhir() {
    let output = run(&[
        "questionnaire",
        &data("test-instrument.json"),
        "--language",
        "en",
    ]);
    let q: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(q["resourceType"], "Questionnaire");
    assert_eq!(q["title"], "Test questionnaire");
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    // A missing required argument.
    let output = run(&["score", &data("test-instrument.json")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("required arguments were not provided"),
        "{}",
        stderr(&output)
    );
    let output = run(&["fit", "--kind", "classes"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("<data.csv>"),
        "{}",
        stderr(&output)
    );
    let output = run(&["fit", &data("carcinoma.csv")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--kind"), "{}", stderr(&output));
    // An option without its value.
    let output = run(&["score", "a", "b", "--format"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("a value is required for '--format"),
        "{}",
        stderr(&output)
    );
    // An unknown option.
    let output = run(&[
        "score",
        &data("test-instrument.json"),
        "x",
        "--colour",
        "red",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unexpected argument '--colour'"),
        "{}",
        stderr(&output)
    );
    // A value that is not one of the option's values.
    for args in [
        &["fit", "--kind", "classes", "--accelerate", "fast", "x.csv"][..],
        &["fit", "--kind", "clusters", "x.csv"][..],
        &["fit", "--kind", "profiles", "--variances", "free", "x.csv"][..],
        &["score", "a.json", "b.json", "--format", "pdf"][..],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains("invalid value")
                && stderr(&output).contains("possible values"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // A language the instrument does not have.
    let answers = temp_file("language-answers.json", ANSWERS);
    let output = run(&[
        "score",
        &data("test-instrument.json"),
        &answers,
        "--language",
        "de",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("language `de` is not one of the instrument's languages"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_and_version_exit_with_0() {
    for args in [
        &["help"][..],
        &["--help"],
        &["help", "score"],
        &["--version"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(!stdout(&output).is_empty(), "{args:?}");
    }
    assert!(stdout(&run(&["--help"])).contains("reliability"));
}

#[test]
fn an_answer_of_the_wrong_kind_names_the_question_and_what_it_takes() {
    for (name, answers, message) in [
        (
            "float.json",
            r#"{"b1": 2.5}"#,
            "question `b1` takes a whole number from its answer scale (1, 2, 3, 4, 5), not 2.5",
        ),
        (
            "text.json",
            r#"{"b1": "x"}"#,
            r#"question `b1` takes a whole number from its answer scale (1, 2, 3, 4, 5), not "x""#,
        ),
        (
            "single.json",
            r#"{"b1": 4, "relationship": ["partner"]}"#,
            r#"question `relationship` takes one option id ("partner", "parent", "child"), not ["partner"]"#,
        ),
        (
            "multiple.json",
            r#"{"behaviours": "aggression"}"#,
            "question `behaviours` takes a list of option ids",
        ),
        (
            "unknown.json",
            r#"{"zz": 2.5}"#,
            "the answers name question `zz`, which this instrument does not have",
        ),
    ] {
        let path = temp_file(name, answers);
        let output = run(&["score", &data("test-instrument.json"), &path]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        let message_seen = stderr(&output);
        assert!(message_seen.contains(message), "{name}: {message_seen}");
        assert!(!message_seen.contains("untagged"), "{message_seen}");
    }
}

#[test]
fn score_reads_a_fhir_questionnaire_response_as_the_answers() {
    let instrument = data("test-instrument.json");
    let answers = temp_file("fhir-source-answers.json", ANSWERS);
    let output = run(&["score", &instrument, &answers, "--format", "fhir"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let response = temp_file("response.json", &stdout(&output));

    let from_json = run(&["score", &instrument, &answers]);
    let from_fhir = run(&["score", &instrument, &response]);
    assert!(from_fhir.status.success(), "{}", stderr(&from_fhir));
    assert_eq!(stdout(&from_fhir), stdout(&from_json));
    assert!(
        stderr(&from_fhir).contains("carries no Naastenmeter checksum"),
        "{}",
        stderr(&from_fhir)
    );
    assert!(!stderr(&from_json).contains("checksum"));
    let share = |path: &str| stdout(&run(&["score", &instrument, path, "--format", "share"]));
    assert_eq!(share(&response), share(&answers));

    // A response for an unknown question is refused, naming where.
    let changed = stdout(&output).replace("\"linkId\": \"b1\"", "\"linkId\": \"bx\"");
    assert_ne!(changed, stdout(&output));
    let changed = temp_file("response-changed.json", &changed);
    let output = run(&["score", &instrument, &changed]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("unknown linkId `bx`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_committed_json_schema_is_current() {
    let output = run(&["schema"]);
    assert!(output.status.success());
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/instrument.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed,
        stdout(&output),
        "docs/instrument.schema.json is out of date: run `cargo run -p naastenmeter-cli -- schema > docs/instrument.schema.json`"
    );
}

/// Share codes made by the released builds of every published version of
/// the default instrument decode to the answers they were made from, with a
/// note naming an earlier version.
#[test]
fn decode_reads_share_codes_of_every_published_version() {
    for version in ["1.0.0", "1.1.0", "1.2.0", "1.3.0"] {
        let code =
            std::fs::read_to_string(data(&format!("published/share-{version}.txt"))).unwrap();
        let output = run(&["decode", code.trim()]);
        assert!(output.status.success(), "{version}: {}", stderr(&output));
        let decoded: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        let given: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(data(&format!("published/answers-{version}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(decoded, given, "{version}");
        let noted = stderr(&output).contains(&format!("made with version {version}"));
        assert_eq!(noted, version != "1.3.0", "{version}: {}", stderr(&output));
    }
}

/// `validate --binary` writes the compact form the web app loads earlier
/// versions from.
#[test]
fn validate_writes_the_binary_form_on_request() {
    let out = std::env::temp_dir().join(format!("naastenmeter-binary-{}.bin", std::process::id()));
    let out_text = out.to_string_lossy().into_owned();
    let output = run(&[
        "validate",
        &data("../../instruments/published/naastenmeter-1.1.0.json"),
        "--binary",
        &out_text,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    let decoded = naastenmeter_core::decode_instrument(&bytes).unwrap();
    assert_eq!(decoded.version, "1.1.0");
}
