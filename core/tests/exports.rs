//! Exports round-trip, refuse altered or foreign files, and follow the FHIR
//! R4 rules that matter.

mod common;

use naastenmeter_core::export::{csv, fhir, json};
use naastenmeter_core::{score, ImportError, Questionnaire, Scored};
use serde_json::Value;

/// The sample answers, scored.
fn scored_sample(ins: &Questionnaire) -> Scored {
    score(ins, common::sample(ins)).unwrap()
}

/// An edited copy of a questionnaire, validated again.
fn edited(
    ins: &Questionnaire,
    edit: impl FnOnce(&mut naastenmeter_core::Instrument),
) -> Questionnaire {
    let mut instrument = ins.instrument().clone();
    edit(&mut instrument);
    Questionnaire::new(instrument).expect("the edited instrument is valid")
}

#[test]
fn json_report_round_trips() {
    let ins = common::instrument();
    let answers = common::sample(&ins);
    let scored = score(&ins, answers.clone())
        .unwrap()
        .made_at(Some("2026-11-23T10:00:00Z".into()));
    let text = json::export_report(&ins, &scored);
    let back = json::import_report(&ins, text.as_bytes()).unwrap();
    assert_eq!(back.answers(), &answers);
    assert_eq!(back.report(), scored.report());
    assert_eq!(back.created(), Some("2026-11-23T10:00:00Z"));
    assert_eq!(back, scored);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value["instrument"]["hash"].as_str().unwrap(),
        ins.content_hash()
    );
    assert_eq!(value["format"], "naastenmeter-report");
}

#[test]
fn json_report_refuses_altered_files() {
    let ins = common::instrument();
    let text = json::export_report(&ins, &scored_sample(&ins));
    // A changed answer (checksum no longer matches).
    let altered = text.replacen("\"b1\": 2", "\"b1\": 5", 1);
    assert_ne!(altered, text);
    assert_eq!(
        json::import_report(&ins, altered.as_bytes()).unwrap_err(),
        ImportError::Altered
    );
    // A changed result with a recomputed checksum is still caught: results are recomputed.
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["report"]["classification"]["inputs_used"] = 0.into();
    value["checksum"] = "".into();
    let unsigned = serde_json::to_vec(&value).unwrap();
    let mut file: Value = serde_json::from_slice(&unsigned).unwrap();
    file.as_object_mut().unwrap().remove("checksum");
    assert_eq!(
        json::import_report(&ins, &serde_json::to_vec(&file).unwrap()).unwrap_err(),
        ImportError::Altered
    );
}

#[test]
fn json_report_refuses_another_instrument() {
    let ins = common::instrument();
    let text = json::export_report(&ins, &scored_sample(&ins));

    let newer = edited(&ins, |i| i.version = "0.2.0".into());
    let error = json::import_report(&newer, text.as_bytes()).unwrap_err();
    assert!(
        error.to_string().contains("version 0.1.0 instead of 0.2.0"),
        "{error}"
    );

    let edited = edited(&ins, |i| {
        i.items[0].text.insert("nl".into(), "Andere tekst.".into());
    });
    let error = json::import_report(&edited, text.as_bytes()).unwrap_err();
    assert!(
        error.to_string().contains("content hash does not match"),
        "{error}"
    );

    let other = common::class_instrument();
    let error = json::import_report(&other, text.as_bytes()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("questionnaire `test-instrument` instead of `test-instrument-classes`"),
        "{error}"
    );
}

#[test]
fn json_import_refuses_junk() {
    let ins = common::instrument();
    for junk in [&b""[..], b"[]", b"{\"format\": \"other\"}", b"\xff\xfe"] {
        assert!(matches!(
            json::import_report(&ins, junk),
            Err(ImportError::NotAnExport(_))
        ));
    }
    let huge = vec![b' '; naastenmeter_core::MAX_IMPORT_BYTES + 1];
    assert!(matches!(
        json::import_report(&ins, &huge),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn csv_round_trips_and_has_every_column() {
    let ins = common::instrument();
    let scored = scored_sample(&ins);
    let text = csv::csv_export(&ins, &scored);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(header.len(), lines[1].split(',').count());
    assert_eq!(
        &header[..3],
        ["instrument_id", "instrument_version", "relationship"]
    );
    assert!(header.contains(&"score_burden") && header.contains(&"probability_entrapped"));
    assert!(lines[1].contains("substances;withdrawal"));
    assert_eq!(csv::scored_from_csv(&ins, &text).unwrap(), scored);
}

#[test]
fn fhir_questionnaire_response_follows_r4() {
    let ins = common::instrument();
    let scored = scored_sample(&ins).made_at(Some("2026-11-23T10:00:00+01:00".into()));
    let questionnaire: Value = serde_json::from_str(&fhir::questionnaire(&ins, "nl")).unwrap();
    let response: Value =
        serde_json::from_str(&fhir::questionnaire_response(&ins, &scored, "en")).unwrap();

    assert_eq!(questionnaire["resourceType"], "Questionnaire");
    assert!(["draft", "active", "retired", "unknown"]
        .contains(&questionnaire["status"].as_str().unwrap()));
    let q_items = questionnaire["item"].as_array().unwrap();
    assert_eq!(q_items.len(), ins.items.len() + ins.context_questions.len());
    for item in q_items {
        assert!(item["linkId"].is_string() && item["type"] == "choice");
        for option in item["answerOption"].as_array().unwrap() {
            let coding = &option["valueCoding"];
            assert!(coding["code"].is_string() && coding["display"].is_string());
            if let Some(extension) = option.get("extension") {
                assert_eq!(extension[0]["url"], fhir::ITEM_WEIGHT_URL);
                assert!(extension[0]["valueDecimal"].is_number());
            }
        }
    }

    assert_eq!(response["resourceType"], "QuestionnaireResponse");
    assert_eq!(response["status"], "completed");
    assert_eq!(
        response["questionnaire"],
        format!("{}|{}", ins.url, ins.version)
    );
    assert_eq!(response["authored"], "2026-11-23T10:00:00+01:00");
    for item in response["item"].as_array().unwrap() {
        let link_id = item["linkId"].as_str().unwrap();
        let q_item = q_items
            .iter()
            .find(|q| q["linkId"] == link_id)
            .expect("every linkId is in the Questionnaire");
        let answers = item["answer"].as_array().unwrap();
        assert!(!answers.is_empty(), "an answer list is never empty");
        if q_item["repeats"] != true {
            assert_eq!(answers.len(), 1, "{link_id} does not repeat");
        }
        for answer in answers {
            let code = answer["valueCoding"]["code"].as_str().unwrap();
            assert!(
                q_item["answerOption"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|o| o["valueCoding"]["code"] == code),
                "{link_id}: code {code} is one of the Questionnaire's options"
            );
        }
    }
    // Skipped item b2 is absent, not empty.
    assert!(!response["item"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["linkId"] == "b2"));
    let (back, notes) =
        fhir::scored_from_questionnaire_response(&ins, response.to_string().as_bytes()).unwrap();
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(back.answers(), scored.answers());
    // `authored` reads back as when the result was made.
    assert_eq!(back, scored);
}

#[test]
fn fhir_import_refuses_other_questionnaires() {
    let ins = common::instrument();
    let text = fhir::questionnaire_response(&ins, &scored_sample(&ins), "nl");
    let other = common::class_instrument();
    let error = fhir::scored_from_questionnaire_response(&other, text.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("made for"), "{error}");
    let error = fhir::scored_from_questionnaire_response(&ins, br#"{"resourceType": "Patient"}"#)
        .unwrap_err();
    assert!(
        error.to_string().contains("QuestionnaireResponse"),
        "{error}"
    );
}

/// A filled-in conversation card.
fn card() -> naastenmeter_core::conversation::ConversationCard {
    use naastenmeter_core::conversation::{ChangeGoal, ConversationCard};
    ConversationCard::new(
        vec!["Ik slaap slecht".into(), "Hij belt 's nachts".into()],
        vec![ChangeGoal::Support, ChangeGoal::OwnLife],
        "Een avond per week voor mezelf".into(),
        "Mag ik meepraten over de behandeling?".into(),
    )
    .unwrap()
}

#[test]
fn the_conversation_card_travels_in_the_json_report_and_is_checked() {
    let ins = common::instrument();
    let scored = scored_sample(&ins).with_card(Some(card()));
    let text = json::export_report(&ins, &scored);
    assert!(text.contains("\"own_life\""), "{text}");
    let back = json::import_report(&ins, text.as_bytes()).unwrap();
    assert_eq!(back.card(), Some(&card()));
    // The card is covered by the checksum.
    let altered = text.replace("Ik slaap slecht", "Ik slaap goed");
    assert_eq!(
        json::import_report(&ins, altered.as_bytes()),
        Err(ImportError::Altered)
    );
    // A card that breaks its limits is refused, naming the card.
    let four = text.replace("\"Ik slaap slecht\",", "\"a\", \"b\", \"Ik slaap slecht\",");
    let error = json::import_report(&ins, four.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("conversation card"), "{error}");
    // Without a card, nothing of it is written.
    let plain = json::export_report(&ins, &scored_sample(&ins));
    assert!(!plain.contains("\"card\""));
}

#[test]
fn the_conversation_card_travels_in_the_fhir_response_as_an_extension() {
    let ins = common::instrument();
    let scored = scored_sample(&ins).with_card(Some(card()));
    let text = fhir::questionnaire_response(&ins, &scored, "nl");
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["extension"][0]["url"], fhir::CARD_EXTENSION_URL);
    let (back, notes) = fhir::scored_from_questionnaire_response(&ins, text.as_bytes()).unwrap();
    assert_eq!(back.card(), Some(&card()));
    assert!(notes.is_empty(), "{notes:?}");
    // A part the card does not have is refused with its path.
    let odd = text.replace("\"url\": \"goal\"", "\"url\": \"wish\"");
    let error = fhir::scored_from_questionnaire_response(&ins, odd.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("wish"), "{error}");
    // Without a card, no extension is written.
    let plain = fhir::questionnaire_response(&ins, &scored_sample(&ins), "nl");
    assert!(!plain.contains("extension\""), "{plain}");
}
