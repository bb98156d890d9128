//! Scoring and classification: golden reports for hand-made answer sets,
//! hand-checked numbers, and errors that name the question.

mod common;

use naastenmeter_core::report::{Direction, Fit};
use naastenmeter_core::scoring::signals_at_question;
use naastenmeter_core::{score, Answers, Report, ScoreError};

fn golden(name: &str, report: &Report) {
    common::check_golden(
        name,
        &(serde_json::to_string_pretty(report).unwrap() + "\n"),
    );
}

fn score_of(report: &Report, scale: &str) -> f64 {
    report.scale(scale).unwrap().score.unwrap()
}

#[test]
fn all_lowest() {
    let ins = common::instrument();
    let report = score(&ins, common::all_items_at(&ins, 0)).unwrap();
    // b4 and l3 are reverse-keyed: lowest answer scores highest.
    assert_eq!(score_of(&report, "burden"), (1.0 + 1.0 + 1.0 + 5.0) / 4.0);
    assert_eq!(score_of(&report, "entrapment"), 0.0);
    assert_eq!(score_of(&report, "loneliness"), (1.0 + 1.0 + 5.0) / 3.0);
    golden("all-lowest.json", &report);
}

#[test]
fn all_highest() {
    let ins = common::instrument();
    let report = score(&ins, common::all_items_at(&ins, 99)).unwrap();
    assert_eq!(score_of(&report, "burden"), (5.0 + 5.0 + 5.0 + 1.0) / 4.0);
    assert_eq!(score_of(&report, "entrapment"), 4.0);
    // Highest on w1..w4 and "unsafe": both signals, urgent first.
    assert_eq!(report.signals, ["unsafe", "gp_mood"]);
    golden("all-highest.json", &report);
}

#[test]
fn all_middle() {
    let ins = common::instrument();
    let report = score(&ins, common::all_items_at(&ins, 2)).unwrap();
    assert_eq!(score_of(&report, "burden"), 3.0);
    assert_eq!(score_of(&report, "entrapment"), 2.0);
    assert_eq!(
        report.scale("burden").unwrap().band.as_deref(),
        Some("middle")
    );
    golden("all-middle.json", &report);
}

/// Answers that give exactly each class centre of the test model.
#[test]
fn each_prototype_centre_is_classified_into_its_prototype() {
    let ins = common::instrument();
    // b4 and l3 are reverse-keyed.
    /// (prototype, burden b1..b4, entrapment e1..e3, loneliness l1..l3)
    type Centre = (&'static str, [i32; 4], [i32; 3], [i32; 3]);
    let centres: [Centre; 3] = [
        ("balanced", [2, 2, 2, 4], [1, 1, 0], [2, 2, 4]),
        ("lonely", [3, 3, 3, 3], [1, 1, 2], [4, 4, 2]),
        ("entrapped", [4, 4, 4, 2], [3, 3, 3], [3, 3, 3]),
    ];
    for (prototype, burden, entrapment, loneliness) in centres {
        let mut answers = Answers::new();
        for (id, v) in ["b1", "b2", "b3", "b4"].iter().zip(burden) {
            answers.set_value(id, v);
        }
        for (id, v) in ["e1", "e2", "e3"].iter().zip(entrapment) {
            answers.set_value(id, v);
        }
        for (id, v) in ["l1", "l2", "l3"].iter().zip(loneliness) {
            answers.set_value(id, v);
        }
        let report = score(&ins, answers.clone()).unwrap();
        let c = &report.classification;
        let Fit::Prototype {
            best, uncertain, ..
        } = &c.fit
        else {
            panic!("the centre of {prototype} names no prototype: {c:#?}");
        };
        assert_eq!(best, prototype, "{report:#?}");
        assert!(
            !uncertain,
            "the centre of {prototype} should be certain: {c:#?}"
        );
        golden(&format!("centre-{prototype}.json"), &report);
    }
}

#[test]
fn posterior_matches_a_hand_computation() {
    // One scale answered (burden = 3.0), others skipped: the posterior is
    // proportional to share x N(3.0; mean, 0.3) over burden alone.
    let ins = common::instrument();
    let mut answers = Answers::new();
    for id in ["b1", "b2", "b3"] {
        answers.set_value(id, 3);
    }
    answers.set_value("b4", 3);
    let report = score(&ins, answers.clone()).unwrap();
    let c = &report.classification;
    assert_eq!((c.inputs_used, c.inputs_total), (1, 3));
    let density = |mean: f64| (-(3.0f64 - mean).powi(2) / (2.0 * 0.3)).exp();
    let weights = [0.5 * density(2.0), 0.3 * density(3.0), 0.2 * density(4.0)];
    let total: f64 = weights.iter().sum();
    for (p, w) in c.probabilities.iter().zip(weights) {
        assert!((p.probability - w / total).abs() < 1e-12, "{p:?}");
    }
    assert_eq!(c.best(), Some("lonely"));
}

#[test]
fn half_the_items_skipped() {
    let ins = common::instrument();
    let mut answers = common::all_items_at(&ins, 3);
    for id in ["b1", "b3", "e2", "l1", "w2", "w4", "rate_heavy", "unsafe"] {
        answers.clear(id);
    }
    let report = score(&ins, answers.clone()).unwrap();
    let burden = report.scale("burden").unwrap();
    assert_eq!((burden.answered, burden.total, burden.enough), (2, 4, true));
    let entrapment = report.scale("entrapment").unwrap();
    assert_eq!((entrapment.answered, entrapment.enough), (2, true));
    golden("half-skipped.json", &report);
}

#[test]
fn one_scale_empty_and_one_below_threshold() {
    let ins = common::instrument();
    let mut answers = common::all_items_at(&ins, 3);
    for id in ["e1", "e2", "e3", "l1", "l2"] {
        answers.clear(id);
    }
    let report = score(&ins, answers.clone()).unwrap();
    let entrapment = report.scale("entrapment").unwrap();
    assert_eq!(
        (
            entrapment.score,
            entrapment.enough,
            entrapment.band.as_deref()
        ),
        (None, false, None)
    );
    let loneliness = report.scale("loneliness").unwrap();
    assert_eq!(
        (
            loneliness.answered,
            loneliness.enough,
            loneliness.band.as_deref()
        ),
        (1, false, None)
    );
    // Only burden has enough answers, so only burden informs the model.
    let c = &report.classification;
    assert_eq!(c.inputs_used, 1);
    golden("one-scale-empty.json", &report);
}

#[test]
fn nothing_answered_names_no_prototype() {
    let ins = common::instrument();
    let report = score(&ins, Answers::new()).unwrap();
    assert_eq!(
        report.classification.fit,
        Fit::TooFewInputs { needed: 1 },
        "{report:#?}"
    );
    assert!(report.scales.iter().all(|s| s.score.is_none() && !s.enough));
    // "always" and "not lonely" advice still apply.
    assert_eq!(report.advice, ["offer_gp", "tip_not_lonely"]);
}

#[test]
fn reverse_keyed_items_are_reversed() {
    let ins = common::instrument();
    let mut answers = Answers::new();
    answers.set_value("b4", 5); // "I can relax well": strongly agree = low burden.
    let report = score(&ins, answers.clone()).unwrap();
    assert_eq!(score_of(&report, "burden"), 1.0);
    answers.set_value("b4", 2);
    let report = score(&ins, answers.clone()).unwrap();
    assert_eq!(score_of(&report, "burden"), 4.0);
}

#[test]
fn uncertain_result_names_the_two_closest() {
    let ins = common::instrument();
    let mut answers = Answers::new();
    // Burden 3.5 lies halfway between the lonely (3) and entrapped (4) means.
    for (id, v) in [("b1", 4), ("b2", 3), ("b3", 4), ("b4", 3)] {
        answers.set_value(id, v);
    }
    let report = score(&ins, answers.clone()).unwrap();
    let c = &report.classification;
    let Fit::Prototype {
        uncertain, closest, ..
    } = &c.fit
    else {
        panic!("a prototype should be named: {c:#?}");
    };
    assert!(uncertain, "{c:#?}");
    assert_eq!(closest.len(), 2);
    assert!(c.best_probability().unwrap() < 0.7);
}

#[test]
fn conditions_select_advice_and_signals() {
    let ins = common::instrument();
    let mut answers = common::all_items_at(&ins, 0);
    answers.set_choices("behaviours", &["substances", "aggression"]);
    answers.set_choice("relationship", "partner");
    answers.set_value("w1", 2);
    answers.set_value("w2", 1);
    let report = score(&ins, answers.clone()).unwrap();
    assert_eq!(report.signals, ["gp_mood"]);
    assert!(report.advice.contains(&"technique_substances".to_string()));
    answers.set_value("w2", 0);
    answers.set_value("unsafe", 1);
    let report = score(&ins, answers.clone()).unwrap();
    assert!(
        report.signals.is_empty(),
        "2 + 0 is below the cut-off of 3: {:?}",
        report.signals
    );
}

#[test]
fn class_model_classifies_from_items() {
    let ins = common::class_instrument();
    let mut answers = Answers::new();
    answers.set_value("b1", 5);
    answers.set_value("e1", 4);
    answers.set_value("l1", 3);
    let report = score(&ins, answers.clone()).unwrap();
    let c = &report.classification;
    assert_eq!(c.best(), Some("entrapped"));
    // Hand computation: share x product of the answered categories' probabilities.
    let joint = [
        0.5 * 0.05 * 0.05 * 0.2,
        0.3 * 0.1 * 0.05 * 0.2,
        0.2 * 0.4 * 0.4 * 0.4,
    ];
    let total: f64 = joint.iter().sum();
    for (p, j) in c.probabilities.iter().zip(joint) {
        assert!((p.probability - j / total).abs() < 1e-12);
    }
    answers.clear("e1");
    let c = score(&ins, answers.clone()).unwrap().classification.clone();
    assert_eq!((c.inputs_used, c.inputs_total), (2, 3));
}

#[test]
fn bad_answers_name_the_question() {
    let ins = common::instrument();
    let cases: Vec<(Answers, &str)> = vec![
        (
            {
                let mut a = Answers::new();
                a.set_value("b9", 1);
                a
            },
            "question `b9`",
        ),
        (
            {
                let mut a = Answers::new();
                a.set_value("b1", 7);
                a
            },
            "item `b1` has answer 7, but only 1, 2, 3, 4, 5 are allowed",
        ),
        (
            {
                let mut a = Answers::new();
                a.set_choice("b1", "yes");
                a
            },
            "question `b1` expects a number",
        ),
        (
            {
                let mut a = Answers::new();
                a.set_value("relationship", 1);
                a
            },
            "question `relationship` expects one option id",
        ),
        (
            {
                let mut a = Answers::new();
                a.set_choice("behaviours", "substances");
                a
            },
            "expects a list of option ids",
        ),
        (
            {
                let mut a = Answers::new();
                a.set_choices("behaviours", &["gambling"]);
                a
            },
            "has no option `gambling`",
        ),
    ];
    for (answers, message) in cases {
        let error: ScoreError = score(&ins, answers.clone()).unwrap_err();
        assert!(
            error.to_string().contains(message),
            "`{error}` should contain `{message}`"
        );
    }
}

#[test]
fn an_option_chosen_twice_is_refused_naming_question_and_option() {
    let ins = common::instrument();
    let mut answers = Answers::new();
    answers.set_choices("behaviours", &["withdrawal", "substances", "withdrawal"]);
    assert_eq!(
        score(&ins, answers).unwrap_err(),
        ScoreError::RepeatedOption {
            question: "behaviours".into(),
            option: "withdrawal".into(),
        }
    );
}

#[test]
fn chosen_options_are_kept_in_the_question_order_so_exports_are_identical() {
    use naastenmeter_core::export::{csv, fhir, json};
    use naastenmeter_core::Answer;

    let ins = common::instrument();
    let given = |chosen: &[&str]| {
        let mut answers = common::all_items_at(&ins, 1);
        answers.set_choices("behaviours", chosen);
        score(&ins, answers)
            .unwrap()
            .made_at(Some("2026-11-23T10:00:00Z".into()))
    };
    let in_order = given(&["substances", "withdrawal"]);
    let reversed = given(&["withdrawal", "substances"]);
    // The test instrument's options are substances, aggression, withdrawal.
    assert_eq!(
        reversed.answers().get("behaviours"),
        Some(&Answer::Choices(vec![
            "substances".into(),
            "withdrawal".into()
        ]))
    );
    assert_eq!(reversed, in_order);
    assert_eq!(
        json::export_report(&ins, &reversed),
        json::export_report(&ins, &in_order)
    );
    assert_eq!(
        fhir::questionnaire_response(&ins, &reversed, "nl"),
        fhir::questionnaire_response(&ins, &in_order, "nl")
    );
    assert_eq!(
        csv::csv_export(&ins, &reversed),
        csv::csv_export(&ins, &in_order)
    );
}

#[test]
fn answers_file_form() {
    let answers: Answers = serde_json::from_str(
        r#"{"b1": 4, "relationship": "parent", "behaviours": ["aggression"]}"#,
    )
    .unwrap();
    assert_eq!(answers.value("b1"), Some(4));
    assert!(answers.has_chosen("relationship", "parent"));
    assert!(answers.has_chosen("behaviours", "aggression"));
}

/// The test instrument with an edit to its JSON.
fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> naastenmeter_core::Questionnaire {
    let mut value: serde_json::Value = serde_json::from_str(common::TEST_INSTRUMENT).unwrap();
    edit(&mut value);
    naastenmeter_core::load_instrument(&serde_json::to_vec(&value).unwrap()).unwrap()
}

#[test]
fn fewer_inputs_than_the_model_needs_name_no_prototype() {
    let ins = edited(|v| v["model"]["typicality"]["min_inputs"] = 3.into());
    let mut answers = common::all_items_at(&ins, 1);
    for id in ["l1", "l2", "l3"] {
        answers.clear(id);
    }
    let c = score(&ins, answers.clone()).unwrap().classification.clone();
    assert_eq!(
        (c.inputs_used, &c.fit),
        (2, &Fit::TooFewInputs { needed: 3 })
    );
    // The probabilities are still computed and reported.
    let sum: f64 = c.probabilities.iter().map(|p| p.probability).sum();
    assert!((sum - 1.0).abs() < 1e-12);
}

#[test]
fn a_contradicted_prototype_gives_way_to_the_next_that_fits() {
    // Burden 2, entrapment ~1.33 (low), loneliness 3 (high): between the
    // balanced (loneliness 2) and lonely (loneliness 4) centres.
    let mut answers = Answers::new();
    for id in ["b1", "b2", "b3"] {
        answers.set_value(id, 2);
    }
    answers.set_value("b4", 4); // reverse-keyed: scored 2
    for (id, v) in [("e1", 1), ("e2", 1), ("e3", 2)] {
        answers.set_value(id, v);
    }
    for id in ["l1", "l2", "l3"] {
        answers.set_value(id, 3);
    }
    let plain = common::instrument();
    let report = score(&plain, answers.clone()).unwrap();
    assert_eq!(report.classification.best(), Some("balanced"));
    assert_eq!(
        report.scale("loneliness").unwrap().band.as_deref(),
        Some("high")
    );

    // Declare that high loneliness contradicts "balanced": the next one
    // (lonely, at 0.15) is named when the minimum posterior allows it.
    let ins = edited(|v| {
        v["prototypes"][0]["contradicted_by"] =
            serde_json::json!([{"scale": "loneliness", "band": "high"}]);
        v["model"]["min_posterior"] = 0.1.into();
    });
    assert_eq!(ins.prototypes[0].id, "balanced");
    let c = score(&ins, answers.clone()).unwrap().classification.clone();
    assert_eq!(c.best(), Some("lonely"), "{c:#?}");
    assert!(!c.counted().contains(&"balanced"));
    assert!(c.probabilities[0].contradicted);

    // With a minimum posterior above the runner-up's, nothing is named.
    let ins = edited(|v| {
        v["prototypes"][0]["contradicted_by"] =
            serde_json::json!([{"scale": "loneliness", "band": "high"}]);
        v["model"]["min_posterior"] = 0.45.into();
        v["model"]["strength"][2]["min_posterior"] = 0.0.into();
    });
    let c = score(&ins, answers.clone()).unwrap().classification.clone();
    assert!(
        matches!(c.fit, Fit::NoneFits { .. }),
        "lonely at {:?} is below 0.45: {c:#?}",
        c.probability_of("lonely")
    );
}

#[test]
fn answers_far_from_every_class_fit_none_and_say_which_way() {
    let ins = common::instrument();
    // Everything at its lowest: far below even the balanced centre.
    let mut lowest = Answers::new();
    for id in ["b1", "b2", "b3", "l1", "l2", "l3", "e1", "e2", "e3"] {
        lowest.set_value(id, if id.starts_with('e') { 0 } else { 1 });
    }
    // Reverse-keyed: the lowest score is the highest answer.
    lowest.set_value("b4", 5);
    lowest.set_value("l3", 5);
    let c = score(&ins, lowest.clone()).unwrap().classification.clone();
    // The balanced centre is 2.0 / 0.8 / 2.0 with variance 0.3; the answers
    // are 1 / 0 / 1 (entrapment's lowest option is 0 or 1): a tail
    // probability well above the test instrument's threshold of 0.001.
    assert_eq!(c.best(), Some("balanced"), "{c:#?}");
    let typicality = c.probabilities[0].typicality;
    assert!(typicality < 0.2, "{typicality}");
    // With a stricter threshold the same answers fit none: lighter.
    let ins = edited(|v| v["model"]["typicality"]["threshold"] = 0.2.into());
    let c = score(&ins, lowest.clone()).unwrap().classification.clone();
    assert_eq!(
        c.fit,
        Fit::NoneFits {
            direction: Direction::Lighter
        },
        "{c:#?}"
    );
    // Everything at its highest: heavier than every class.
    let mut highest = common::all_items_at(&ins, 10);
    highest.set_value("b4", 1);
    highest.set_value("l3", 1);
    let c = score(&ins, highest.clone()).unwrap().classification.clone();
    assert_eq!(
        c.fit,
        Fit::NoneFits {
            direction: Direction::Heavier
        },
        "{c:#?}"
    );
}

#[test]
fn strength_words_follow_the_posterior_and_urgent_signals_change_the_description() {
    let ins = common::instrument();
    let mut answers = Answers::new();
    for (id, v) in [("b1", 4), ("b2", 4), ("b3", 4), ("b4", 2)] {
        answers.set_value(id, v);
    }
    for id in ["e1", "e2", "e3"] {
        answers.set_value(id, 3);
    }
    for id in ["l1", "l2", "l3"] {
        answers.set_value(id, 3);
    }
    let report = score(&ins, answers.clone()).unwrap();
    let Fit::Prototype {
        best,
        strength,
        while_urgent,
        ..
    } = &report.classification.fit
    else {
        panic!("{:#?}", report.classification);
    };
    assert_eq!(best, "entrapped");
    assert!(report.classification.best_probability().unwrap() >= 0.8);
    assert_eq!(strength, "good");
    assert!(!while_urgent);
    answers.set_value("unsafe", 2);
    let report = score(&ins, answers.clone()).unwrap();
    assert_eq!(report.signals, ["unsafe"]);
    assert!(matches!(
        report.classification.fit,
        Fit::Prototype {
            while_urgent: true,
            ..
        }
    ));
}

#[test]
fn help_for_yourself_first_and_signals_under_their_question() {
    let ins = edited(|v| {
        v["safety"][0]["help_for_yourself_first"] = true.into();
        v["safety"][0]["show_at_question"] = "w2".into();
    });
    let mut answers = Answers::new();
    answers.set_value("w1", 2);
    assert!(
        !score(&ins, answers.clone())
            .unwrap()
            .help_for_yourself_first
    );
    assert!(signals_at_question(&ins, &answers, "w2").is_empty());
    answers.set_value("w2", 1);
    let report = score(&ins, answers.clone()).unwrap();
    assert!(report.help_for_yourself_first);
    let shown: Vec<&str> = signals_at_question(&ins, &answers, "w2")
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(shown, ["gp_mood"]);
    // Not under another question, and not for answers the instrument refuses.
    assert!(signals_at_question(&ins, &answers, "w1").is_empty());
    answers.set_value("w3", 99);
    assert!(signals_at_question(&ins, &answers, "w2").is_empty());
}
