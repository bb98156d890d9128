//! A validated [`Questionnaire`]: its indexed look-ups agree with the
//! instrument's lists, its content hash follows the content (and nothing
//! else), decoding the binary form validates, and choices toggle in the
//! question's option order.

mod common;

use naastenmeter_core::answers::Answer;
use naastenmeter_core::instrument::LatentModel;
use naastenmeter_core::{binary, decode_instrument, load_instrument, Answers, LoadError};
use naastenmeter_core::{Instrument, Questionnaire};

/// An edited copy of a questionnaire's instrument, validated again.
fn edited(ins: &Questionnaire, edit: impl FnOnce(&mut Instrument)) -> Questionnaire {
    let mut instrument = ins.instrument().clone();
    edit(&mut instrument);
    Questionnaire::new(instrument).expect("the edited instrument is valid")
}

#[test]
fn look_ups_find_what_the_lists_hold() {
    for ins in [common::instrument(), common::class_instrument()] {
        for item in &ins.items {
            assert_eq!(ins.item(&item.id), Some(item));
            let (found, rs) = ins.rated_item(&item.id).expect("every item is rated");
            assert_eq!(found, item);
            assert_eq!(rs.id, item.response_scale);
            assert_eq!(ins.response_scale_of(&item.id), Some(rs));
            // An item is not a context question.
            assert!(ins.context_question(&item.id).is_none());
        }
        for question in &ins.context_questions {
            assert_eq!(ins.context_question(&question.id), Some(question));
            // A context question has no response scale.
            assert!(ins.item(&question.id).is_none());
            assert!(ins.rated_item(&question.id).is_none());
            assert!(ins.response_scale_of(&question.id).is_none());
        }
        for scale in &ins.scales {
            assert_eq!(ins.scale(&scale.id), Some(scale));
        }
        for prototype in &ins.prototypes {
            assert_eq!(ins.prototype(&prototype.id), Some(prototype));
        }
        for contact in &ins.contacts {
            assert_eq!(ins.contact(&contact.id), Some(contact));
        }
        for rule in &ins.safety {
            assert_eq!(ins.safety_rule(&rule.id), Some(rule));
        }
        for rule in &ins.advice {
            assert_eq!(ins.advice_rule(&rule.id), Some(rule));
        }
        for unknown in ["", "nope", "B1", "b1 "] {
            assert!(ins.item(unknown).is_none(), "{unknown:?}");
            assert!(ins.context_question(unknown).is_none(), "{unknown:?}");
            assert!(ins.scale(unknown).is_none(), "{unknown:?}");
            assert!(ins.prototype(unknown).is_none(), "{unknown:?}");
            assert!(ins.contact(unknown).is_none(), "{unknown:?}");
        }
    }
}

#[test]
fn scale_ranges_rating_items_and_typical_scores() {
    let ins = common::instrument();
    let burden = ins.scale("burden").unwrap();
    assert_eq!(ins.scale_range(burden), (1.0, 5.0));
    let entrapment = ins.scale("entrapment").unwrap();
    assert_eq!(ins.scale_range(entrapment), (0.0, 4.0));

    // Items in no scale, in the instrument's order.
    let ratings: Vec<&str> = ins
        .rating_items()
        .map(|(item, _)| item.id.as_str())
        .collect();
    assert_eq!(ratings, ["w1", "w2", "w3", "w4", "unsafe", "rate_heavy"]);
    let (_, rating) = ins.rating_items().last().unwrap();
    assert_eq!(rating.range(), Some((0, 10)));

    // A profile model: the class mean on the scale.
    let LatentModel::Profiles(model) = &ins.model.latent else {
        panic!("the test instrument has a profile model");
    };
    for class in &model.classes {
        for (at, scale_id) in model.scales.iter().enumerate() {
            let scale = ins.scale(scale_id).unwrap();
            assert_eq!(
                ins.typical_score(&class.prototype, scale),
                Some(class.means[at])
            );
        }
    }
    assert_eq!(ins.typical_score("nope", burden), None);

    // A class model: the expected item value under the class's category
    // probabilities. The test model has one item per scale (b1, e1, l1),
    // so the typical score of a scale is that of its modelled item: items
    // outside the model have no class probabilities and are left out.
    let classes = common::class_instrument();
    let burden = classes.scale("burden").unwrap();
    assert!(burden.items.len() > 1);
    let single = edited(&classes, |i| i.scales[0].items = vec!["b1".into()]);
    let LatentModel::Classes(model) = &single.model.latent else {
        panic!("the class test instrument has a class model");
    };
    let at = model.items.iter().position(|i| i == "b1").unwrap();
    let values: Vec<f64> = single
        .response_scale_of("b1")
        .unwrap()
        .options
        .iter()
        .map(|o| f64::from(o.value))
        .collect();
    for class in &model.classes {
        let expected: f64 = class.probabilities[at]
            .iter()
            .zip(&values)
            .map(|(p, v)| p * v)
            .sum();
        let typical = single
            .typical_score(&class.prototype, &single.scales[0])
            .unwrap();
        assert!(
            (typical - expected).abs() < 1e-12,
            "{typical} != {expected}"
        );
        let (low, high) = single.scale_range(&single.scales[0]);
        assert!((low..=high).contains(&typical));
        assert_eq!(
            classes.typical_score(&class.prototype, burden),
            Some(typical)
        );
    }
}

#[test]
fn the_content_hash_is_stable_and_follows_the_content() {
    let ins = common::instrument();
    let hash = ins.content_hash();
    assert_eq!(hash.len(), 64);
    assert!(hash
        .chars()
        .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)));
    // The same content gives the same hash, however the JSON is written.
    assert_eq!(common::instrument().content_hash(), hash);
    let value: serde_json::Value = serde_json::from_str(common::TEST_INSTRUMENT).unwrap();
    let compact = serde_json::to_vec(&value).unwrap();
    assert_ne!(compact, common::TEST_INSTRUMENT.as_bytes());
    assert_eq!(load_instrument(&compact).unwrap().content_hash(), hash);

    let stamp = ins.stamp();
    assert_eq!(
        (
            stamp.id.as_str(),
            stamp.version.as_str(),
            stamp.hash.as_str()
        ),
        (ins.id.as_str(), ins.version.as_str(), hash)
    );

    // Any change of content changes it, also when the version stays.
    let reworded = edited(&ins, |i| {
        i.items[0].text.insert("nl".into(), "Andere tekst.".into());
    });
    assert_eq!(reworded.version, ins.version);
    assert_ne!(reworded.content_hash(), hash);
    let threshold = edited(&ins, |i| i.scales[0].same_within = 0.25);
    assert_ne!(threshold.content_hash(), hash);
    let newer = edited(&ins, |i| i.version = "9.9.9".into());
    assert_ne!(newer.content_hash(), hash);

    // Another instrument has another hash.
    assert_ne!(common::class_instrument().content_hash(), hash);
}

#[test]
fn the_binary_form_reads_back_as_the_same_questionnaire() {
    for ins in [common::instrument(), common::class_instrument()] {
        let bytes = binary::encode_instrument(ins.instrument()).unwrap();
        let back = decode_instrument(&bytes).unwrap();
        assert_eq!(back.content_hash(), ins.content_hash());
        assert_eq!(back, ins);
    }
}

#[test]
fn decoding_validates() {
    // The binary form is written without validation, so an invalid
    // instrument can be encoded; reading it back must refuse it.
    let mut invalid = common::instrument().instrument().clone();
    invalid.scales[0].items[1] = "nope".into();
    invalid.behaviour_question = Some("relationship".into());
    let bytes = binary::encode_instrument(&invalid).unwrap();
    let Err(LoadError::Invalid(problems)) = decode_instrument(&bytes) else {
        panic!("an invalid instrument was decoded");
    };
    for (path, message) in [
        ("scales[0].items[1]", "unknown item `nope`"),
        ("behaviour_question", "multiple-choice"),
    ] {
        assert!(
            problems
                .iter()
                .any(|p| p.path == path && p.message.contains(message)),
            "no problem at {path}: {problems:#?}"
        );
    }
    // The same instrument is refused as JSON too, with the same problems.
    let json = serde_json::to_vec(&invalid).unwrap();
    assert_eq!(
        load_instrument(&json).unwrap_err(),
        LoadError::Invalid(problems)
    );
    // Damaged bytes are a syntax error, not a panic.
    assert!(matches!(
        decode_instrument(&bytes[..bytes.len() / 3]),
        Err(LoadError::Syntax(_))
    ));
    assert!(matches!(decode_instrument(&[]), Err(LoadError::Syntax(_))));
}

/// The chosen options of a multiple-choice answer, or `None` when skipped.
fn chosen<'a>(answers: &'a Answers, question: &str) -> Option<&'a [String]> {
    match answers.get(question) {
        Some(Answer::Choices(options)) => Some(options),
        None => None,
        Some(other) => panic!("{question} has a wrong kind of answer: {other:?}"),
    }
}

#[test]
fn toggling_a_choice_keeps_the_option_order() {
    let ins = common::instrument();
    let options: Vec<&str> = ins
        .context_question("behaviours")
        .unwrap()
        .options
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(options, ["substances", "aggression", "withdrawal"]);
    let mut answers = Answers::new();
    // Turned on against the option order, kept in the option order.
    ins.toggle_choice(&mut answers, "behaviours", "withdrawal");
    ins.toggle_choice(&mut answers, "behaviours", "substances");
    ins.toggle_choice(&mut answers, "behaviours", "aggression");
    assert_eq!(
        chosen(&answers, "behaviours").unwrap(),
        ["substances", "aggression", "withdrawal"]
    );
    // Turned off in the middle: the others stay in order.
    ins.toggle_choice(&mut answers, "behaviours", "aggression");
    assert_eq!(
        chosen(&answers, "behaviours").unwrap(),
        ["substances", "withdrawal"]
    );
    // The same choices made in another order are equal answers.
    let mut other = Answers::new();
    ins.toggle_choice(&mut other, "behaviours", "substances");
    ins.toggle_choice(&mut other, "behaviours", "withdrawal");
    assert_eq!(other, answers);
    // The result scores.
    naastenmeter_core::score(&ins, answers).expect("toggled choices score");
}

#[test]
fn turning_the_last_option_off_skips_the_question() {
    let ins = common::instrument();
    let mut answers = Answers::new();
    answers.set_value("b1", 3);
    ins.toggle_choice(&mut answers, "behaviours", "aggression");
    assert_eq!(chosen(&answers, "behaviours").unwrap(), ["aggression"]);
    ins.toggle_choice(&mut answers, "behaviours", "aggression");
    assert_eq!(chosen(&answers, "behaviours"), None);
    // Nothing else changed.
    assert_eq!(answers.len(), 1);
    assert_eq!(answers.value("b1"), Some(3));
}

#[test]
fn unknown_options_and_questions_change_nothing() {
    let ins = common::instrument();
    let mut answers = Answers::new();
    ins.toggle_choice(&mut answers, "behaviours", "gambling");
    assert!(answers.is_empty());
    ins.toggle_choice(&mut answers, "behaviours", "withdrawal");
    let before = answers.clone();
    for (question, option) in [
        ("behaviours", "gambling"),
        ("behaviours", ""),
        ("nope", "withdrawal"),
        ("b1", "withdrawal"),
    ] {
        ins.toggle_choice(&mut answers, question, option);
        assert_eq!(answers, before, "{question}={option}");
    }
}
