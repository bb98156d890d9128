//! Comparing two results over time: a scale is heavier or lighter only when
//! it moved by more than the instrument's `same_within` (a move of exactly
//! that much is still "about the same"), scales without enough answers are
//! not compared, and changed descriptions, signals and ratings are reported.

mod common;

use naastenmeter_core::comparison::{compare, Change, ComparisonError, MadeWith, ScaleChange};
use naastenmeter_core::{score, Answers, Questionnaire, Scored};

/// Compares two results made with the same questionnaire.
fn between(
    ins: &Questionnaire,
    earlier: &Scored,
    later: &Scored,
) -> naastenmeter_core::comparison::Comparison {
    compare(
        MadeWith {
            questionnaire: ins,
            scored: earlier,
        },
        MadeWith {
            questionnaire: ins,
            scored: later,
        },
    )
    .unwrap()
}

/// Every item in the middle of its scale: burden 3 (b1–b3 answered 3, and
/// b4, reverse keyed, answered 3 too), no safety signal.
fn middle(ins: &Questionnaire) -> Answers {
    let mut answers = common::all_items_at(ins, 2);
    for id in ["w1", "w2", "w3", "w4", "unsafe"] {
        answers.set_value(id, 0);
    }
    answers.set_value("rate_heavy", 5);
    answers
}

/// The middle answers with the given (forward-keyed) burden items set to `value`, scored.
fn burden_moved(ins: &Questionnaire, items: &[&str], value: i32) -> Scored {
    let mut answers = middle(ins);
    for id in items {
        answers.set_value(id, value);
    }
    score(ins, answers).unwrap()
}

fn scale<'a>(changes: &'a [ScaleChange], id: &str) -> &'a ScaleChange {
    changes.iter().find(|c| c.scale == id).unwrap()
}

#[test]
fn a_move_of_exactly_same_within_is_about_the_same() {
    let ins = common::instrument();
    assert_eq!(ins.scale("burden").unwrap().same_within, 0.5);
    let before = score(&ins, middle(&ins)).unwrap();
    assert_eq!(before.scale("burden").unwrap().score, Some(3.0));
    for (items, value, difference, change) in [
        // Two of four items one step up: +0.5, the boundary.
        (&["b1", "b2"][..], 4, 0.5, Change::AboutTheSame),
        (&["b1", "b2"][..], 2, -0.5, Change::AboutTheSame),
        // Three items one step: 0.75, past the boundary.
        (&["b1", "b2", "b3"][..], 4, 0.75, Change::Heavier),
        (&["b1", "b2", "b3"][..], 2, -0.75, Change::Lighter),
        (&["b1"][..], 5, 0.5, Change::AboutTheSame),
        (&["b1", "b2", "b3"][..], 5, 1.5, Change::Heavier),
    ] {
        let after = burden_moved(&ins, items, value);
        let comparison = between(&ins, &before, &after);
        let burden = scale(&comparison.scales, "burden");
        assert_eq!(burden.before, Some(3.0));
        assert_eq!(burden.difference, Some(difference), "{items:?}={value}");
        assert_eq!(burden.change, Some(change), "{items:?}={value}");
        // The other scales did not move.
        for other in ["entrapment", "loneliness"] {
            let c = scale(&comparison.scales, other);
            assert_eq!(c.difference, Some(0.0));
            assert_eq!(c.change, Some(Change::AboutTheSame));
        }
    }
}

#[test]
fn the_threshold_is_the_instruments() {
    // With a stricter `same_within`, the same move is a change.
    let mut stricter = common::instrument().instrument().clone();
    stricter.scales[0].same_within = 0.25;
    let ins = Questionnaire::new(stricter).unwrap();
    let before = score(&ins, middle(&ins)).unwrap();
    let half = burden_moved(&ins, &["b1", "b2"], 4);
    let quarter = burden_moved(&ins, &["b1"], 2);
    let comparison = between(&ins, &before, &half);
    assert_eq!(
        scale(&comparison.scales, "burden").change,
        Some(Change::Heavier)
    );
    let comparison = between(&ins, &before, &quarter);
    assert_eq!(
        scale(&comparison.scales, "burden").change,
        Some(Change::AboutTheSame)
    );
    // Zero: any move at all is a change, no move is not.
    let mut exact = common::instrument().instrument().clone();
    exact.scales[0].same_within = 0.0;
    let ins = Questionnaire::new(exact).unwrap();
    let before = score(&ins, middle(&ins)).unwrap();
    let comparison = between(&ins, &before, &burden_moved(&ins, &["b1"], 2));
    assert_eq!(
        scale(&comparison.scales, "burden").change,
        Some(Change::Lighter)
    );
    let comparison = between(&ins, &before, &before);
    assert_eq!(
        scale(&comparison.scales, "burden").change,
        Some(Change::AboutTheSame)
    );
}

#[test]
fn scales_without_enough_answers_are_not_compared() {
    let ins = common::instrument();
    let before = score(&ins, middle(&ins)).unwrap();
    let mut answers = middle(&ins);
    for id in ["e1", "e2", "e3"] {
        answers.clear(id);
    }
    let after = score(&ins, answers).unwrap();
    let comparison = between(&ins, &before, &after);
    let entrapment = scale(&comparison.scales, "entrapment");
    assert_eq!(entrapment.before, Some(2.0));
    assert_eq!(entrapment.after, None);
    assert_eq!(entrapment.difference, None);
    assert_eq!(entrapment.change, None);
    // Every scale is listed, in the instrument's order.
    let ids: Vec<&str> = comparison.scales.iter().map(|c| c.scale.as_str()).collect();
    let expected: Vec<&str> = ins.scales.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, expected);
}

#[test]
fn a_result_compared_with_itself_has_no_change() {
    let ins = common::instrument();
    let scored = score(&ins, common::all_items_at(&ins, 4)).unwrap();
    let comparison = between(&ins, &scored, &scored);
    assert!(comparison
        .scales
        .iter()
        .all(|c| c.change == Some(Change::AboutTheSame) && c.difference == Some(0.0)));
    assert!(!comparison.description_changed());
    assert!(!comparison.signals_changed());
    assert!(comparison.ratings.iter().all(|r| r.before == r.after));
}

#[test]
fn a_changed_description_is_reported() {
    let ins = common::instrument();
    let light = score(&ins, common::all_items_at(&ins, 0)).unwrap();
    let heavy = score(&ins, common::all_items_at(&ins, 99)).unwrap();
    let comparison = between(&ins, &light, &heavy);
    assert_eq!(comparison.description_before.as_deref(), Some("balanced"));
    assert_eq!(
        comparison.description_after.as_deref(),
        heavy.classification.best()
    );
    assert_ne!(comparison.description_after.as_deref(), Some("balanced"));
    assert!(comparison.description_changed());
    // Every scale got heavier.
    assert!(comparison
        .scales
        .iter()
        .all(|c| c.change == Some(Change::Heavier)));
    // Nothing answered: no description, and that is a change too.
    let nothing = score(&ins, Answers::new()).unwrap();
    let comparison = between(&ins, &light, &nothing);
    assert_eq!(comparison.description_after, None);
    assert!(comparison.description_changed());
}

#[test]
fn signals_that_came_and_went_are_reported() {
    let ins = common::instrument();
    let calm = score(&ins, middle(&ins)).unwrap();
    assert!(calm.signals.is_empty());
    let mut answers = middle(&ins);
    answers.set_value("unsafe", 3);
    let unsafe_now = score(&ins, answers.clone()).unwrap();
    assert_eq!(unsafe_now.signals, ["unsafe"]);

    let comparison = between(&ins, &calm, &unsafe_now);
    assert_eq!(comparison.signals_new, ["unsafe"]);
    assert!(comparison.signals_gone.is_empty());
    assert!(comparison.signals_changed());

    let comparison = between(&ins, &unsafe_now, &calm);
    assert!(comparison.signals_new.is_empty());
    assert_eq!(comparison.signals_gone, ["unsafe"]);

    // A signal that holds in both is neither new nor gone.
    answers.set_value("w1", 2);
    answers.set_value("w2", 2);
    let both = score(&ins, answers).unwrap();
    assert!(both.signals.contains(&"gp_mood".to_string()));
    let comparison = between(&ins, &unsafe_now, &both);
    assert_eq!(comparison.signals_new, ["gp_mood"]);
    assert!(comparison.signals_gone.is_empty());
}

#[test]
fn ratings_stand_side_by_side() {
    let ins = common::instrument();
    let before = score(&ins, middle(&ins)).unwrap();
    let mut answers = middle(&ins);
    answers.set_value("rate_heavy", 8);
    answers.clear("w4");
    let after = score(&ins, answers).unwrap();
    let comparison = between(&ins, &before, &after);
    let items: Vec<&str> = comparison.ratings.iter().map(|r| r.item.as_str()).collect();
    assert_eq!(items, ["w1", "w2", "w3", "w4", "unsafe", "rate_heavy"]);
    let rating = |id: &str| {
        let r = comparison.ratings.iter().find(|r| r.item == id).unwrap();
        (r.before, r.after)
    };
    assert_eq!(rating("rate_heavy"), (Some(5), Some(8)));
    assert_eq!(rating("w4"), (Some(0), None));
    assert_eq!(rating("w1"), (Some(0), Some(0)));
    // A rating does not count as a scale.
    assert!(comparison.scales.iter().all(|c| c.scale != "rate_heavy"));
}

#[test]
fn a_result_given_with_another_questionnaire_is_refused() {
    let ins = common::instrument();
    let classes = common::class_instrument();
    let scored = score(&ins, middle(&ins)).unwrap();
    let mut renamed = (*classes).clone();
    renamed.version = "9.9.9".into();
    let other = Questionnaire::new(renamed).unwrap();
    let error = compare(
        MadeWith {
            questionnaire: &other,
            scored: &scored,
        },
        MadeWith {
            questionnaire: &ins,
            scored: &scored,
        },
    )
    .unwrap_err();
    assert!(
        matches!(error, ComparisonError::NotMadeWith { .. }),
        "{error:?}"
    );
}

/// Results of two published versions of the default instrument (the
/// released builds' exports) are compared on what both versions share.
#[test]
fn results_of_two_published_versions_compare_on_what_both_share() {
    use naastenmeter_core::export::open::SerdeJson;
    use naastenmeter_core::{load_instrument, Versions};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let read = |p: &str| std::fs::read(root.join(p)).unwrap();
    let current = load_instrument(&read("instruments/naastenmeter-v1.json")).unwrap();
    let mut versions = Versions::new(current);
    let old = load_instrument(&read("instruments/published/naastenmeter-1.0.0.json"))
        .unwrap()
        .as_published("5e4028eaa2a97d75215993d8e65aa6e01d5b04eadfd06b6c6ed6c31b83f2cfd9")
        .unwrap();
    versions.add_earlier(old);
    let before = versions
        .open_export(&read("tests/data/published/report-1.0.0.json"), &SerdeJson)
        .unwrap();
    let after = versions
        .open_export(&read("tests/data/published/report-1.3.0.json"), &SerdeJson)
        .unwrap();
    let comparison = compare(
        MadeWith {
            questionnaire: before.questionnaire,
            scored: &before.scored,
        },
        MadeWith {
            questionnaire: after.questionnaire,
            scored: &after.scored,
        },
    )
    .unwrap();
    let scales: Vec<&str> = comparison.scales.iter().map(|s| s.scale.as_str()).collect();
    assert_eq!(
        scales,
        ["burden", "entrapment", "negative_feelings", "loneliness"]
    );
    assert!(comparison
        .scales
        .iter()
        .all(|s| s.before.is_some() && s.after.is_some()));
    // 1.0.0 had two safety rules; only rules both versions have are compared.
    for id in comparison
        .signals_new
        .iter()
        .chain(&comparison.signals_gone)
    {
        assert!(before.questionnaire.safety_rule(id).is_some(), "{id}");
        assert!(after.questionnaire.safety_rule(id).is_some(), "{id}");
    }
    for rating in &comparison.ratings {
        assert!(before.questionnaire.item(&rating.item).is_some());
    }
}
