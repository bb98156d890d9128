//! Every kind of validation problem is found, with its path, and loading
//! never panics whatever the bytes.

mod common;

use naastenmeter_core::{load_instrument, LoadError, Questionnaire};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Applies `edit` to the test instrument's JSON, loads it, and checks that
/// a problem at `path` mentions `message`.
fn check(edit: impl FnOnce(&mut Value), path: &str, message: &str) {
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT).unwrap();
    edit(&mut value);
    let bytes = serde_json::to_vec(&value).unwrap();
    let problems = match load_instrument(&bytes) {
        Ok(_) => panic!("expected a problem at {path}, but the instrument loaded"),
        Err(error) => error.problems(),
    };
    assert!(
        problems
            .iter()
            .any(|p| p.path == path && p.message.contains(message)),
        "expected a problem at `{path}` containing `{message}`, got:\n{problems:#?}"
    );
}

#[test]
fn test_instruments_are_valid() {
    common::instrument();
    common::class_instrument();
}

#[test]
fn unknown_item_in_a_scale() {
    check(
        |v| v["scales"][0]["items"][1] = json!("nope"),
        "scales[0].items[1]",
        "unknown item `nope`",
    );
}

#[test]
fn duplicate_item_id() {
    check(
        |v| v["items"][1]["id"] = json!("b1"),
        "items[1].id",
        "duplicate id `b1`",
    );
}

#[test]
fn item_and_context_question_share_ids() {
    check(
        |v| v["context_questions"][0]["id"] = json!("b1"),
        "context_questions[0].id",
        "duplicate id `b1`",
    );
}

#[test]
fn duplicate_scale_prototype_rule_and_contact_ids() {
    check(
        |v| v["scales"][1]["id"] = json!("burden"),
        "scales[1].id",
        "duplicate id",
    );
    check(
        |v| v["advice"][1]["id"] = json!("technique_substances"),
        "advice[1].id",
        "duplicate id",
    );
    check(
        |v| v["safety"][1]["id"] = json!("gp_mood"),
        "safety[1].id",
        "duplicate id",
    );
    check(
        |v| v["contacts"][1]["id"] = json!("gp"),
        "contacts[1].id",
        "duplicate id",
    );
}

#[test]
fn category_probabilities_must_sum_to_one() {
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT_CLASSES).unwrap();
    value["model"]["latent"]["classes"]["classes"][1]["probabilities"][2] =
        json!([0.1, 0.1, 0.1, 0.1, 0.1]);
    let error = load_instrument(&serde_json::to_vec(&value).unwrap()).unwrap_err();
    let problems = error.problems();
    assert!(problems.iter().any(
        |p| p.path == "model.latent.classes.classes[1].probabilities[2]"
            && p.message.contains("sum to 1")
    ));
}

#[test]
fn probabilities_within_tolerance_are_accepted() {
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT_CLASSES).unwrap();
    value["model"]["latent"]["classes"]["classes"][1]["probabilities"][2] =
        json!([0.05, 0.05, 0.2, 0.3, 0.4000005]);
    assert!(load_instrument(&serde_json::to_vec(&value).unwrap()).is_ok());
    value["model"]["latent"]["classes"]["classes"][1]["probabilities"][2] =
        json!([0.05, 0.05, 0.2, 0.3, 0.400002]);
    assert!(load_instrument(&serde_json::to_vec(&value).unwrap()).is_err());
}

#[test]
fn probability_count_must_match_options() {
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT_CLASSES).unwrap();
    value["model"]["latent"]["classes"]["classes"][0]["probabilities"][0] = json!([0.5, 0.5]);
    let problems = load_instrument(&serde_json::to_vec(&value).unwrap())
        .unwrap_err()
        .problems();
    assert!(problems.iter().any(
        |p| p.path == "model.latent.classes.classes[0].probabilities[0]"
            && p.message.contains("expected 5 probabilities")
    ));
}

#[test]
fn non_positive_variance() {
    check(
        |v| {
            for k in 0..3 {
                v["model"]["latent"]["profiles"]["classes"][k]["variances"][1] = json!(0.0);
            }
        },
        "model.latent.profiles.classes[0].variances[1]",
        "positive",
    );
    check(
        |v| v["model"]["latent"]["profiles"]["classes"][2]["variances"][0] = json!(-1.0),
        "model.latent.profiles.classes[2].variances[0]",
        "positive",
    );
}

#[test]
fn equal_variances_must_be_equal() {
    check(
        |v| v["model"]["latent"]["profiles"]["classes"][1]["variances"][0] = json!(0.5),
        "model.latent.profiles.classes[1].variances",
        "declared equal",
    );
}

#[test]
fn class_shares_must_sum_to_one() {
    check(
        |v| v["model"]["latent"]["profiles"]["classes"][0]["share"] = json!(0.6),
        "model.latent.profiles.classes",
        "sum to 1",
    );
}

#[test]
fn means_must_match_scales() {
    check(
        |v| v["model"]["latent"]["profiles"]["classes"][0]["means"] = json!([1.0, 2.0]),
        "model.latent.profiles.classes[0].means",
        "expected 3 means",
    );
}

#[test]
fn missing_translation() {
    check(
        |v| {
            v["items"][3]["text"]
                .as_object_mut()
                .unwrap()
                .remove("en")
                .map(|_| ())
                .unwrap()
        },
        "items[3].text",
        "`en` translation is missing",
    );
    check(
        |v| v["prototypes"][1]["what_may_help"][0]["nl"] = json!("  "),
        "prototypes[1].what_may_help[0]",
        "`nl` translation is empty",
    );
    check(
        |v| v["title"]["de"] = json!("Test"),
        "title",
        "language `de` is not declared",
    );
}

#[test]
fn overlapping_gapped_and_short_bands() {
    check(
        |v| v["scales"][0]["bands"][1]["from"] = json!(2.0),
        "scales[0].bands[1].from",
        "overlap",
    );
    check(
        |v| v["scales"][0]["bands"][1]["from"] = json!(3.0),
        "scales[0].bands[1].from",
        "gap",
    );
    check(
        |v| v["scales"][0]["bands"][0]["from"] = json!(1.5),
        "scales[0].bands[0].from",
        "lowest score 1",
    );
    check(
        |v| v["scales"][0]["bands"][2]["to"] = json!(4.0),
        "scales[0].bands[2].to",
        "highest score 5",
    );
    check(
        |v| v["scales"][0]["bands"][2]["from"] = json!(6.0),
        "scales[0].bands[2]",
        "lower to a higher",
    );
}

#[test]
fn rules_that_name_nothing() {
    check(
        |v| {
            v["advice"][0]["when"] =
                json!({"chosen": {"question": "behaviours", "option": "gambling"}})
        },
        "advice[0].when",
        "has no option `gambling`",
    );
    check(
        |v| v["advice"][0]["when"] = json!({"chosen": {"question": "nothing", "option": "x"}}),
        "advice[0].when",
        "unknown context question",
    );
    check(
        |v| v["advice"][1]["when"] = json!({"band": {"scale": "burden", "band": "extreme"}}),
        "advice[1].when",
        "has no band `extreme`",
    );
    check(
        |v| v["advice"][2]["when"] = json!({"prototype": {"prototype": "hero"}}),
        "advice[2].when",
        "unknown prototype `hero`",
    );
    check(
        |v| v["safety"][0]["when"]["any"][1]["sum_at_least"]["items"][0] = json!("w9"),
        "safety[0].when.any[1].items[0]",
        "unknown item `w9`",
    );
    check(
        |v| v["safety"][1]["when"] = json!({"item_at_least": {"item": "ghost", "value": 1}}),
        "safety[1].when",
        "unknown item `ghost`",
    );
    check(
        |v| v["advice"][3]["when"] = json!({"all": []}),
        "advice[3].when",
        "`all` needs at least one condition",
    );
    check(
        |v| {
            v["advice"][5]["when"] =
                json!({"not": {"scale_at_least": {"scale": "joy", "value": 1.0}}})
        },
        "advice[5].when.not",
        "unknown scale `joy`",
    );
    check(
        |v| v["safety"][0]["contacts"][0] = json!("nobody"),
        "safety[0].contacts[0]",
        "unknown contact",
    );
    check(
        |v| v["safety"][0]["contacts"] = json!([]),
        "safety[0].contacts",
        "at least one contact",
    );
}

#[test]
fn model_and_prototypes_must_match() {
    check(
        |v| v["model"]["latent"]["profiles"]["classes"][1]["prototype"] = json!("balanced"),
        "model.latent.profiles.classes[1].prototype",
        "belongs to two classes",
    );
    check(
        |v| v["model"]["latent"]["profiles"]["classes"][1]["prototype"] = json!("ghost"),
        "model.latent.profiles.classes[1].prototype",
        "unknown prototype",
    );
    check(
        |v| v["model"]["latent"]["profiles"]["scales"][2] = json!("joy"),
        "model.latent.profiles.scales[2]",
        "unknown scale",
    );
    check(
        |v| v["model"]["uncertainty_threshold"] = json!(1.5),
        "model.uncertainty_threshold",
        "at most 1",
    );
}

#[test]
fn sections_must_ask_every_question_once() {
    check(
        |v| v["sections"][1]["questions"][0] = json!("b2"),
        "sections[1].questions[1]",
        "`b2` is asked twice",
    );
    check(
        |v| v["sections"][1]["questions"][0] = json!("zz"),
        "sections[1].questions[0]",
        "unknown question",
    );
    check(
        |v| {
            v["sections"][1]["questions"]
                .as_array_mut()
                .unwrap()
                .retain(|q| q != "b3")
        },
        "items[2]",
        "in no section",
    );
}

#[test]
fn response_scales_items_and_contacts() {
    check(
        |v| v["items"][0]["response_scale"] = json!("agree7"),
        "items[0].response_scale",
        "unknown response scale",
    );
    check(
        |v| v["response_scales"][0]["options"][2]["value"] = json!(1),
        "response_scales[0].options[2].value",
        "low to high",
    );
    check(
        |v| v["items"][0]["provenance"]["licence"] = json!(""),
        "items[0].provenance.licence",
        "licence",
    );
    check(
        |v| v["contacts"][0]["url"] = json!("javascript:alert(1)"),
        "contacts[0].url",
        "https://",
    );
    // Only https: addresses: not plain http (readable and changeable on
    // the way), not data: or other schemes that could carry a page.
    for url in [
        "http://www.113.nl",
        "data:text/html,<script>alert(1)</script>",
        " javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "ftp://www.113.nl",
    ] {
        check(
            |v| v["contacts"][0]["url"] = json!(url),
            "contacts[0].url",
            "https://",
        );
    }
    check(
        |v| v["contacts"][1]["phone"] = json!("call <b>me</b>"),
        "contacts[1].phone",
        "not a phone number",
    );
    check(
        |v| v["contacts"][1]["phone"] = json!("tel:112\"><svg onload=alert(1)>"),
        "contacts[1].phone",
        "not a phone number",
    );
    check(
        |v| v["scales"][0]["min_answered"] = json!(0.0),
        "scales[0].min_answered",
        "above 0",
    );
    check(
        |v| v["scales"][0]["items"][1] = json!("e1"),
        "scales[0].items[1]",
        "a mean needs one range",
    );
    check(
        |v| v["format_version"] = json!(2),
        "format_version",
        "not supported",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT).unwrap();
    value["scales"][0]["items"][1] = json!("nope");
    value["items"][1]["id"] = json!("b1");
    value["contacts"][0]["url"] = json!("http://insecure");
    let problems = load_instrument(&serde_json::to_vec(&value).unwrap())
        .unwrap_err()
        .problems();
    assert!(problems.len() >= 3, "{problems:#?}");
}

#[test]
fn shape_errors_name_the_path() {
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT).unwrap();
    value["scales"][1]["min_answered"] = json!("most");
    let Err(LoadError::Syntax(problem)) = load_instrument(&serde_json::to_vec(&value).unwrap())
    else {
        panic!("expected a syntax error");
    };
    assert_eq!(problem.path, "scales[1].min_answered");
    assert!(problem.message.contains("invalid type"), "{problem}");

    value = serde_json::from_str(common::TEST_INSTRUMENT).unwrap();
    value["items"][2]["colour"] = json!("red");
    let Err(LoadError::Syntax(problem)) = load_instrument(&serde_json::to_vec(&value).unwrap())
    else {
        panic!("expected a syntax error");
    };
    assert_eq!(problem.path, "items[2].colour");
    assert!(
        problem.message.contains("unknown field `colour`"),
        "{problem}"
    );
}

#[test]
fn not_json_and_too_large() {
    let Err(LoadError::Syntax(problem)) = load_instrument(b"{\"format_version\": 1,") else {
        panic!("expected a syntax error");
    };
    assert!(problem.message.contains("line 1"), "{problem}");
    let huge = vec![b' '; naastenmeter_core::MAX_INSTRUMENT_BYTES + 1];
    assert!(matches!(
        load_instrument(&huge),
        Err(LoadError::TooLarge { .. })
    ));
}

#[test]
fn deeply_nested_conditions_are_refused_not_crashed() {
    // Built as text: a 10,000-deep `serde_json::Value` would itself overflow the stack when dropped.
    let depth = 10_000;
    let nested = format!(
        "{}\"always\"{}",
        "{\"not\":".repeat(depth),
        "}".repeat(depth)
    );
    let bytes =
        common::TEST_INSTRUMENT.replacen("\"when\": \"always\"", &format!("\"when\": {nested}"), 1);
    assert_ne!(
        bytes,
        common::TEST_INSTRUMENT,
        "the test must find the condition to replace"
    );
    let Err(LoadError::Syntax(problem)) = load_instrument(bytes.as_bytes()) else {
        panic!("expected a syntax error");
    };
    assert!(problem.message.contains("recursion limit"), "{problem}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn loading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = load_instrument(&bytes);
    }

    #[test]
    fn loading_a_damaged_instrument_never_panics(cut in 0usize..18_000, byte in any::<u8>()) {
        let mut bytes = common::TEST_INSTRUMENT.as_bytes().to_vec();
        let cut = cut.min(bytes.len() - 1);
        bytes[cut] = byte;
        let _ = load_instrument(&bytes);
        let _ = load_instrument(&bytes[..cut]);
    }
}

#[test]
fn absurdly_long_lists_are_refused_at_once() {
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT).unwrap();
    let template = value["items"][0].clone();
    let items = value["items"].as_array_mut().unwrap();
    for n in 0..5_000 {
        let mut item = template.clone();
        item["id"] = json!(format!("x{n}"));
        items.push(item);
    }
    let problems = load_instrument(&serde_json::to_vec(&value).unwrap())
        .unwrap_err()
        .problems();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].path, "items");
    assert!(problems[0].message.contains("more than 1000 entries"));
}

#[test]
fn classification_rules_are_checked_with_their_path() {
    check(
        |v| v["model"]["typicality"]["threshold"] = json!(1.5),
        "model.typicality.threshold",
        "a probability from 0 to 1",
    );
    check(
        |v| v["model"]["typicality"]["min_inputs"] = json!(0),
        "model.typicality.min_inputs",
        "must be from 1 to the model's 3 scales",
    );
    check(
        |v| v["model"]["typicality"]["min_inputs"] = json!(4),
        "model.typicality.min_inputs",
        "not 4",
    );
    check(
        |v| v["model"]["typicality"]["typical_share"] = json!(0),
        "model.typicality.typical_share",
        "above 0 and at most 1",
    );
    check(
        |v| v["model"]["min_posterior"] = json!(1),
        "model.min_posterior",
        "below 1",
    );
    check(
        |v| v["model"]["strength"][1]["min_posterior"] = json!(0.9),
        "model.strength[1].min_posterior",
        "strongest to weakest",
    );
    check(
        |v| v["model"]["strength"][2]["min_posterior"] = json!(0.5),
        "model.strength[2].min_posterior",
        "the weakest strength must cover every nameable prototype",
    );
    check(
        |v| v["model"]["strength"][0]["label"] = json!({"nl": "past goed"}),
        "model.strength[0].label",
        "the `en` translation is missing",
    );
    check(
        |v| v["prototypes"][0]["contradicted_by"] = json!([{"scale": "mood", "band": "high"}]),
        "prototypes[0].contradicted_by[0]",
        "unknown scale `mood`",
    );
    check(
        |v| v["prototypes"][0]["contradicted_by"] = json!([{"scale": "burden", "band": "extreme"}]),
        "prototypes[0].contradicted_by[0]",
        "scale `burden` has no band `extreme`",
    );
    check(
        |v| v["prototypes"][0]["description_when_urgent"] = json!({"nl": "Tekst."}),
        "prototypes[0].description_when_urgent",
        "the `en` translation is missing",
    );
    check(
        |v| v["safety"][0]["show_at_question"] = json!("nope"),
        "safety[0].show_at_question",
        "unknown question `nope`",
    );
}

#[test]
fn a_negative_minimum_of_inputs_is_refused_with_its_path() {
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT).unwrap();
    value["model"]["typicality"]["min_inputs"] = json!(-1);
    let error = load_instrument(&serde_json::to_vec(&value).unwrap()).unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("model.typicality.min_inputs") && text.contains("-1"),
        "{text}"
    );
}

#[test]
fn a_class_model_threshold_is_a_mean_log_probability() {
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT_CLASSES).unwrap();
    value["model"]["typicality"]["threshold"] = json!(0.5);
    let problems = load_instrument(&serde_json::to_vec(&value).unwrap())
        .unwrap_err()
        .problems();
    assert!(
        problems
            .iter()
            .any(|p| p.path == "model.typicality.threshold"
                && p.message.contains("a mean log-probability of 0 or below")),
        "{problems:#?}"
    );
}

#[test]
fn same_within_must_be_a_number_of_zero_or_more() {
    check(
        |v| v["scales"][1]["same_within"] = json!(-0.1),
        "scales[1].same_within",
        "a number of 0 or more",
    );
    // JSON has no NaN or infinity; an instrument made in code can.
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut instrument = common::instrument().instrument().clone();
        instrument.scales[2].same_within = bad;
        let problems = Questionnaire::new(instrument).unwrap_err().problems();
        assert!(
            problems
                .iter()
                .any(|p| p.path == "scales[2].same_within" && p.message.contains("0 or more")),
            "{bad}: {problems:#?}"
        );
    }
    // Zero is allowed: every difference is then a change.
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT).unwrap();
    value["scales"][0]["same_within"] = json!(0);
    load_instrument(&serde_json::to_vec(&value).unwrap()).expect("0 is allowed");
    // It is required: the instrument's authors decide it, not a default.
    check(
        |v| {
            v["scales"][0]
                .as_object_mut()
                .unwrap()
                .remove("same_within");
        },
        "scales[0]",
        "same_within",
    );
}

#[test]
fn the_behaviour_question_must_be_a_known_multiple_choice_question() {
    check(
        |v| v["behaviour_question"] = json!("nope"),
        "behaviour_question",
        "unknown context question `nope`",
    );
    check(
        |v| v["behaviour_question"] = json!("relationship"),
        "behaviour_question",
        "`relationship` must be a multiple-choice question",
    );
    // An item is not a context question.
    check(
        |v| v["behaviour_question"] = json!("b1"),
        "behaviour_question",
        "unknown context question `b1`",
    );
    // It may be left out: then no behaviours are named.
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT).unwrap();
    value.as_object_mut().unwrap().remove("behaviour_question");
    let ins = load_instrument(&serde_json::to_vec(&value).unwrap()).expect("it is optional");
    assert_eq!(ins.behaviour_question, None);
}

#[test]
fn texts_without_a_declared_variant_are_listed_not_refused() {
    let mut value: Value = serde_json::from_str(common::TEST_INSTRUMENT).unwrap();
    value["languages"]
        .as_array_mut()
        .unwrap()
        .push(json!("nl-formal"));
    value["title"]["nl-formal"] = json!("Hoe gaat het met u?");
    value["items"][0]["text"]["nl-formal"] = json!("U slaapt slecht.");
    let instrument: naastenmeter_core::Instrument = serde_json::from_value(value.clone()).unwrap();
    let findings = naastenmeter_core::validate::check(&instrument);
    assert!(findings.problems.is_empty(), "{:#?}", findings.problems);
    let paths: Vec<&str> = findings
        .missing_variants
        .iter()
        .map(|m| {
            assert_eq!(m.variant, "nl-formal");
            m.path.as_str()
        })
        .collect();
    assert!(paths.contains(&"description"), "{paths:#?}");
    assert!(paths.contains(&"items[1].text"), "{paths:#?}");
    assert!(!paths.contains(&"title"), "{paths:#?}");
    assert!(!paths.contains(&"items[0].text"), "{paths:#?}");
    // It loads, and scoring texts fall back to Dutch where no variant exists.
    let loaded = load_instrument(&serde_json::to_vec(&value).unwrap()).unwrap();
    let pick = naastenmeter_core::text::pick;
    assert_eq!(pick(&loaded.title, "nl-formal"), "Hoe gaat het met u?");
    assert_eq!(
        pick(&loaded.description, "nl-formal"),
        pick(&loaded.description, "nl")
    );
    // Without a declared variant nothing is listed.
    assert!(
        naastenmeter_core::validate::check(common::instrument().instrument())
            .missing_variants
            .is_empty()
    );
}

#[test]
fn an_empty_variant_text_is_a_problem_and_a_variant_cannot_come_first() {
    check(
        |v| {
            v["languages"]
                .as_array_mut()
                .unwrap()
                .push(json!("nl-formal"));
            v["title"]["nl-formal"] = json!(" ");
        },
        "title",
        "the `nl-formal` translation is empty",
    );
    check(
        |v| v["languages"] = json!(["nl-formal", "nl", "en"]),
        "languages[0]",
        "`nl-formal` is a variant",
    );
}
