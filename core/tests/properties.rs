//! Property tests over random answer sets: posteriors sum to 1, scores stay
//! in range, and every export round-trips to the same answers.

mod common;

use naastenmeter_core::export::{csv, fhir, json, share};
use naastenmeter_core::instrument::ChoiceKind;
use naastenmeter_core::{score, Answers, Questionnaire};
use proptest::prelude::*;

/// Random answers: each question skipped or answered with a random valid option.
fn answers_for(ins: &Questionnaire, picks: &[(bool, usize, u8)]) -> Answers {
    let mut answers = Answers::new();
    for (item, (skip, pick, _)) in ins.items.iter().zip(picks) {
        if !skip {
            let rs = ins.response_scale_of(&item.id).unwrap();
            answers.set_value(&item.id, rs.options[pick % rs.options.len()].value);
        }
    }
    for (question, (skip, pick, mask)) in ins.context_questions.iter().zip(picks.iter().rev()) {
        if *skip {
            continue;
        }
        match question.choice {
            ChoiceKind::Single => answers.set_choice(
                &question.id,
                &question.options[pick % question.options.len()].id,
            ),
            ChoiceKind::Multiple => {
                let chosen: Vec<&str> = question
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, o)| o.id.as_str())
                    .collect();
                answers.set_choices(&question.id, &chosen);
            }
        }
    }
    answers
}

fn picks() -> impl Strategy<Value = Vec<(bool, usize, u8)>> {
    proptest::collection::vec((any::<bool>(), 0usize..20, any::<u8>()), 20)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn posteriors_sum_to_one_and_scores_stay_in_range(picks in picks(), classes in any::<bool>()) {
        let ins = if classes { common::class_instrument() } else { common::instrument() };
        let answers = answers_for(&ins, &picks);
        let report = score(&ins, answers.clone()).unwrap();
        let c = &report.classification;
        let sum: f64 = c.probabilities.iter().map(|p| p.probability).sum();
        prop_assert!((sum - 1.0).abs() < 1e-9, "sum {}", sum);
        prop_assert!(c.probabilities.iter().all(|p| (0.0..=1.0).contains(&p.probability)));
        if let naastenmeter_core::report::Fit::Prototype { best, closest, .. } = &c.fit {
            prop_assert_eq!(best, &closest[0]);
        }
        for result in &report.scales {
            let scale = ins.scale(&result.id).unwrap();
            let item = ins.item(&scale.items[0]).unwrap();
            let (min, max) = ins.response_scale_of(&item.id).unwrap().range().unwrap();
            if let Some(s) = result.score {
                prop_assert!(s >= f64::from(min) && s <= f64::from(max));
                prop_assert!(result.band.is_some() || !result.enough);
            }
        }
    }

    #[test]
    fn every_export_round_trips(picks in picks()) {
        let ins = common::instrument();
        let answers = answers_for(&ins, &picks);
        let scored = score(&ins, answers.clone()).unwrap();

        let text = json::export_report(&ins, &scored);
        let back = json::import_report(&ins, text.as_bytes()).unwrap();
        prop_assert_eq!(back.answers(), &answers);
        prop_assert_eq!(back.report(), scored.report());

        let code = share::encode_share_code(&ins, &scored);
        let decoded = share::decode_share_code(&ins, &code).unwrap();
        prop_assert_eq!(decoded.answers(), &answers);

        let text = csv::csv_export(&ins, &scored);
        let back = csv::scored_from_csv(&ins, &text).unwrap();
        // CSV cannot tell "no options chosen" from "skipped"; compare the rest.
        let mut expected = answers.clone();
        for q in &ins.context_questions {
            if matches!(expected.get(&q.id), Some(naastenmeter_core::Answer::Choices(c)) if c.is_empty()) {
                expected.clear(&q.id);
            }
        }
        prop_assert_eq!(back.answers(), &expected);
        let expected_scored = score(&ins, expected.clone()).unwrap();
        prop_assert_eq!(&back, &expected_scored);

        let text = fhir::questionnaire_response(&ins, &scored, "nl");
        let (back, notes) = fhir::scored_from_questionnaire_response(&ins, text.as_bytes()).unwrap();
        prop_assert!(notes.is_empty());
        prop_assert_eq!(back.answers(), &expected);
        prop_assert_eq!(&back, &expected_scored);
    }

    #[test]
    fn decoding_random_codes_never_panics(code in "[0-9A-Za-z -]{0,80}") {
        let ins = common::instrument();
        let _ = share::decode_share_code(&ins, &code);
    }

    #[test]
    fn importing_random_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let ins = common::instrument();
        let _ = json::import_report(&ins, &bytes);
        let _ = fhir::scored_from_questionnaire_response(&ins, &bytes);
    }
}
