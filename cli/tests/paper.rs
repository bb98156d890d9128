//! `naastenmeter paper`: the printable questionnaire as a person gets it.

mod common;

use common::{run, stderr, stdout};

/// Every question of the default instrument, with every answer option and a
/// box before it, the help contacts and the note that paper is not scored.
#[test]
fn the_paper_page_holds_every_question_option_and_contact() {
    let output = run(&["paper", "--language", "nl"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = stdout(&output);
    let instrument: serde_json::Value =
        serde_json::from_str(include_str!("../../instruments/naastenmeter-v1.json")).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains(r#"<html lang="nl">"#));
    assert!(html.contains(r#"<link rel="stylesheet" href="paper.css">"#));
    // Nothing the site's CSP would refuse: no script, no inline style.
    for forbidden in [
        "<script", "style=", "<style", "onclick=", "onload=", "onerror=",
    ] {
        assert!(!html.to_lowercase().contains(forbidden), "{forbidden}");
    }
    assert!(
        html.contains("niet vanzelf uitgerekend"),
        "the not-scored note"
    );
    let questions = instrument["items"].as_array().unwrap().len()
        + instrument["context_questions"].as_array().unwrap().len();
    assert_eq!(html.matches(r#"<li class="question">"#).count(), questions);
    let mut boxes = 0;
    for item in instrument["items"].as_array().unwrap() {
        let scale = instrument["response_scales"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == item["response_scale"])
            .unwrap();
        boxes += scale["options"].as_array().unwrap().len();
    }
    for question in instrument["context_questions"].as_array().unwrap() {
        boxes += question["options"].as_array().unwrap().len();
        let text = question["text"]["nl"]
            .as_str()
            .unwrap()
            .replace('\'', "&#39;");
        assert!(html.contains(&text), "{text}");
    }
    assert_eq!(html.matches(r#"<span class="box"#).count(), boxes);
    for contact in instrument["contacts"].as_array().unwrap() {
        let name = contact["name"]["nl"].as_str().unwrap();
        assert!(html.contains(name), "{name}");
    }
}

#[test]
fn the_paper_page_in_english_and_with_another_stylesheet() {
    let output = run(&[
        "paper",
        "--language",
        "en",
        "--stylesheet",
        "paper.0123456789abcdef.css",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = stdout(&output);
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains(r#"href="paper.0123456789abcdef.css""#));
    assert!(html.contains("not scored automatically"));
}

#[test]
fn a_language_the_instrument_lacks_is_a_wrong_command_line() {
    let output = run(&["paper", "--language", "fr"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("language `fr`"));
}
