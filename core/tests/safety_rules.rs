//! The safety rules of the default instrument (`instruments/naastenmeter-v1.json`),
//! one test per rule: answers that must fire it and answers that must not,
//! its level, its contacts, whether it puts help for the relative first, and
//! under which question it is shown while answering.

use naastenmeter_core::instrument::{SafetyRule, SignalLevel};
use naastenmeter_core::scoring::{signal_causes, signals_at_question};
use naastenmeter_core::{load_instrument, score, Answers, Questionnaire, Report};

const JSON: &str = include_str!("../../instruments/naastenmeter-v1.json");

fn instrument() -> Questionnaire {
    load_instrument(JSON.as_bytes())
        .unwrap_or_else(|e| panic!("the default instrument does not load: {e}"))
}

/// A relative who answers every scored item in the middle of its scale and
/// every wellbeing and safety item at "never": no safety rule may hold.
fn calm(ins: &Questionnaire) -> Answers {
    let mut answers = Answers::new();
    for item in &ins.items {
        let (min, max) = ins
            .response_scale_of(&item.id)
            .and_then(|rs| rs.range())
            .expect("range");
        answers.set_value(&item.id, (min + max) / 2);
    }
    for id in ["w1", "w2", "w3", "w4", "death_thoughts", "unsafe"] {
        answers.set_value(id, 0);
    }
    answers
}

fn report(ins: &Questionnaire, answers: &Answers) -> Report {
    score(ins, answers.clone())
        .expect("answers are valid")
        .report()
        .clone()
}

fn rule<'a>(ins: &'a Questionnaire, id: &str) -> &'a SafetyRule {
    ins.safety_rule(id)
        .unwrap_or_else(|| panic!("the default instrument has no safety rule `{id}`"))
}

fn fires(ins: &Questionnaire, answers: &Answers, id: &str) -> bool {
    report(ins, answers).signals.iter().any(|s| s == id)
}

/// Checks a rule over answer changes (applied to the calm relative) that
/// must fire it and that must not.
fn check(
    ins: &Questionnaire,
    id: &str,
    must: &[&dyn Fn(&mut Answers)],
    must_not: &[&dyn Fn(&mut Answers)],
) {
    let base = calm(ins);
    assert!(!fires(ins, &base, id), "{id} fires for the calm relative");
    for (i, change) in must.iter().enumerate() {
        let mut answers = base.clone();
        change(&mut answers);
        assert!(
            fires(ins, &answers, id),
            "{id} does not fire for case {i}: {:?}",
            report(ins, &answers).signals
        );
    }
    for (i, change) in must_not.iter().enumerate() {
        let mut answers = base.clone();
        change(&mut answers);
        assert!(
            !fires(ins, &answers, id),
            "{id} fires for must-not case {i}: {:?}",
            report(ins, &answers).signals
        );
    }
}

fn has_contact(rule: &SafetyRule, contact: &str) -> bool {
    rule.contacts.iter().any(|c| c == contact)
}

/// The rule is shown right under `question` as soon as it holds, and not before.
fn shown_at(ins: &Questionnaire, id: &str, question: &str, firing: &Answers) {
    assert_eq!(
        rule(ins, id).show_at_question.as_deref(),
        Some(question),
        "{id}"
    );
    let here: Vec<&str> = signals_at_question(ins, firing, question)
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert!(
        here.contains(&id),
        "{id} is not shown under {question}: {here:?}"
    );
    let calm_here = signals_at_question(ins, &calm(ins), question);
    assert!(
        calm_here.iter().all(|r| r.id != id),
        "{id} shown under {question} for the calm relative"
    );
}

#[test]
fn own_crisis_fires_on_any_thought_of_not_wanting_to_live() {
    let ins = instrument();
    check(
        &ins,
        "own_crisis",
        &[
            &|a| a.set_value("death_thoughts", 1),
            &|a| a.set_value("death_thoughts", 2),
            &|a| a.set_value("death_thoughts", 3),
        ],
        &[&|a| a.clear("death_thoughts"), &|a| {
            for id in ["w1", "w2", "w3", "w4"] {
                a.set_value(id, 3);
            }
        }],
    );
    let r = rule(&ins, "own_crisis");
    assert_eq!(r.level, SignalLevel::Urgent);
    assert!(r.help_for_yourself_first);
    for contact in ["crisis_113", "huisarts", "emergency_112", "luisterlijn"] {
        assert!(has_contact(r, contact), "own_crisis lacks {contact}");
    }
    // The message names the short number, the night route and 112.
    let nl = r.message.get("nl").unwrap();
    for words in ["113", "0800-0113", "huisartsenpost", "112"] {
        assert!(nl.contains(words), "own_crisis message lacks {words}: {nl}");
    }
    let mut answers = calm(&ins);
    answers.set_value("death_thoughts", 1);
    shown_at(&ins, "own_crisis", "death_thoughts", &answers);
    let report = report(&ins, &answers);
    assert_eq!(
        report.signals.first().map(String::as_str),
        Some("own_crisis")
    );
    assert!(report.help_for_yourself_first);
}

#[test]
fn no_way_out_with_low_mood_fires() {
    let ins = instrument();
    let no_way_out = |a: &mut Answers| a.set_value("e3", 4);
    check(
        &ins,
        "no_way_out",
        &[
            &|a| {
                no_way_out(a);
                a.set_value("w2", 2);
            },
            &|a| {
                no_way_out(a);
                a.set_value("w1", 1);
                a.set_value("w2", 1);
            },
            &|a| {
                no_way_out(a);
                a.set_value("w1", 3);
            },
        ],
        &[
            // No way out alone, or agreeing (not strongly), or low mood alone.
            &|a| no_way_out(a),
            &|a| {
                no_way_out(a);
                a.set_value("w1", 1);
            },
            &|a| {
                a.set_value("e3", 3);
                a.set_value("w1", 3);
                a.set_value("w2", 3);
            },
            &|a| {
                no_way_out(a);
                a.set_value("w3", 3);
                a.set_value("w4", 3);
            },
        ],
    );
    let r = rule(&ins, "no_way_out");
    assert_eq!(r.level, SignalLevel::Urgent);
    assert!(r.help_for_yourself_first);
    assert!(has_contact(r, "crisis_113") && has_contact(r, "luisterlijn"));
    let mut answers = calm(&ins);
    answers.set_value("e3", 4);
    answers.set_value("w2", 2);
    shown_at(&ins, "no_way_out", "e3", &answers);
}

/// The relative of the issue: every answer at its worst, "no way out"
/// strongly agreed, the death question skipped. The urgent own-crisis
/// signal comes first and help for yourself leads.
#[test]
fn the_worst_answers_lead_with_an_urgent_own_crisis_signal() {
    let ins = instrument();
    let mut answers = Answers::new();
    for item in &ins.items {
        let rs = ins.response_scale_of(&item.id).unwrap();
        let (min, max) = rs.range().unwrap();
        answers.set_value(&item.id, if item.reverse { min } else { max });
    }
    answers.clear("death_thoughts");
    answers.set_value("rate_wellbeing", 0);
    let r = report(&ins, &answers);
    assert!(r.help_for_yourself_first);
    let first = rule(&ins, &r.signals[0]);
    assert_eq!(first.level, SignalLevel::Urgent, "{:?}", r.signals);
    assert!(
        r.signals.iter().any(|s| s == "no_way_out"),
        "{:?}",
        r.signals
    );
    assert_eq!(
        r.advice.first().map(String::as_str),
        Some("offer_help_for_yourself")
    );
}

#[test]
fn unsafe_once_is_attention_with_veilig_thuis() {
    let ins = instrument();
    check(
        &ins,
        "unsafe_once",
        &[&|a| a.set_value("unsafe", 1), &|a| {
            a.set_value("unsafe", 1);
            a.set_choice("unsafe_now", "no");
        }],
        &[
            &|a| a.set_value("unsafe", 0),
            &|a| a.set_value("unsafe", 2),
            &|a| a.set_value("unsafe", 3),
            &|a| {
                a.set_value("unsafe", 1);
                a.set_choice("unsafe_now", "yes");
            },
        ],
    );
    let r = rule(&ins, "unsafe_once");
    assert_eq!(r.level, SignalLevel::Attention);
    assert!(!r.help_for_yourself_first);
    assert!(has_contact(r, "veilig_thuis"));
    assert!(r.message.get("nl").unwrap().contains("0800-2000"));
    let mut answers = calm(&ins);
    answers.set_value("unsafe", 1);
    shown_at(&ins, "unsafe_once", "unsafe", &answers);
}

#[test]
fn unsafe_often_or_now_is_urgent_with_112() {
    let ins = instrument();
    check(
        &ins,
        "unsafe",
        &[
            &|a| a.set_value("unsafe", 2),
            &|a| a.set_value("unsafe", 3),
            &|a| a.set_choice("unsafe_now", "yes"),
            &|a| {
                a.set_value("unsafe", 0);
                a.set_choice("unsafe_now", "yes");
            },
        ],
        &[
            &|a| a.set_value("unsafe", 1),
            &|a| a.set_choice("unsafe_now", "no"),
            &|a| {
                a.set_choices("behaviours", &["aggression"]);
            },
        ],
    );
    let r = rule(&ins, "unsafe");
    assert_eq!(r.level, SignalLevel::Urgent);
    assert!(has_contact(r, "emergency_112") && has_contact(r, "veilig_thuis"));
    let mut answers = calm(&ins);
    answers.set_choice("unsafe_now", "yes");
    shown_at(&ins, "unsafe", "unsafe_now", &answers);
    let report = report(&ins, &answers);
    assert_eq!(report.signals.first().map(String::as_str), Some("unsafe"));
}

#[test]
fn children_at_home_with_unsafety_points_to_veilig_thuis() {
    let ins = instrument();
    check(
        &ins,
        "unsafe_children",
        &[
            &|a| {
                a.set_value("unsafe", 1);
                a.set_choice("children_home", "yes");
            },
            &|a| {
                a.set_choice("unsafe_now", "yes");
                a.set_choice("children_home", "yes");
            },
        ],
        &[
            &|a| a.set_choice("children_home", "yes"),
            &|a| {
                a.set_value("unsafe", 3);
                a.set_choice("children_home", "no");
            },
            &|a| a.set_value("unsafe", 3),
        ],
    );
    let r = rule(&ins, "unsafe_children");
    assert!(has_contact(r, "veilig_thuis") && has_contact(r, "kindertelefoon"));
    let mut answers = calm(&ins);
    answers.set_value("unsafe", 2);
    answers.set_choice("children_home", "yes");
    shown_at(&ins, "unsafe_children", "children_home", &answers);
}

#[test]
fn loved_ones_danger_points_to_113_for_relatives_and_112() {
    let ins = instrument();
    check(
        &ins,
        "loved_one_danger",
        &[&|a| a.set_choices("behaviours", &["self_harm"]), &|a| {
            a.set_choices("behaviours", &["withdrawal", "self_harm"]);
        }],
        &[&|a| {
            a.set_choices(
                "behaviours",
                &[
                    "withdrawal",
                    "confused_thinking",
                    "aggression",
                    "refusing_care",
                ],
            )
        }],
    );
    let r = rule(&ins, "loved_one_danger");
    assert!(has_contact(r, "crisis_113") && has_contact(r, "emergency_112"));
    assert!(!r.help_for_yourself_first);
    let mut answers = calm(&ins);
    answers.set_choices("behaviours", &["self_harm"]);
    shown_at(&ins, "loved_one_danger", "behaviours", &answers);
    // The crisis route and the plan for calm times come with it.
    let advice = report(&ins, &answers).advice;
    for id in [
        "tip_crisis_route",
        "tip_crisis_plan",
        "technique_asking_about_suicide",
    ] {
        assert!(advice.iter().any(|a| a == id), "{id} missing: {advice:?}");
    }
}

#[test]
fn loved_ones_crisis_advice_follows_behaviours_and_problems() {
    let ins = instrument();
    let advice = |change: &dyn Fn(&mut Answers)| {
        let mut answers = calm(&ins);
        change(&mut answers);
        report(&ins, &answers).advice
    };
    let calm_advice = advice(&|_| {});
    for id in [
        "tip_crisis_route",
        "tip_crisis_plan",
        "tip_family_confidant",
        "tip_care_refusal",
    ] {
        assert!(
            !calm_advice.iter().any(|a| a == id),
            "{id} shown without a reason"
        );
    }
    let confused = advice(&|a| a.set_choices("behaviours", &["confused_thinking"]));
    assert!(
        confused.iter().any(|a| a == "tip_crisis_route"),
        "{confused:?}"
    );
    let refusing = advice(&|a| a.set_choices("behaviours", &["refusing_care"]));
    assert!(
        refusing.iter().any(|a| a == "tip_care_refusal"),
        "{refusing:?}"
    );
    let psychiatric = advice(&|a| a.set_choice("problems", "psychiatric"));
    assert!(
        psychiatric.iter().any(|a| a == "tip_family_confidant"),
        "{psychiatric:?}"
    );
    assert!(
        psychiatric.iter().any(|a| a == "tip_crisis_plan"),
        "{psychiatric:?}"
    );
}

#[test]
fn depression_puts_help_for_yourself_first_and_anxiety_alone_does_not() {
    let ins = instrument();
    check(
        &ins,
        "low_mood",
        &[
            &|a| {
                a.set_value("w1", 2);
                a.set_value("w2", 1);
            },
            &|a| a.set_value("w2", 3),
        ],
        &[
            &|a| {
                a.set_value("w1", 1);
                a.set_value("w2", 1);
            },
            &|a| {
                for id in ["w3", "w4"] {
                    a.set_value(id, 3);
                }
            },
        ],
    );
    check(
        &ins,
        "tension",
        &[&|a| {
            a.set_value("w3", 2);
            a.set_value("w4", 1);
        }],
        &[&|a| {
            a.set_value("w1", 3);
            a.set_value("w2", 3);
        }],
    );
    assert!(rule(&ins, "low_mood").help_for_yourself_first);
    assert!(!rule(&ins, "tension").help_for_yourself_first);

    let mut depressed = calm(&ins);
    depressed.set_value("w1", 2);
    depressed.set_value("w2", 2);
    let r = report(&ins, &depressed);
    assert!(r.help_for_yourself_first, "{:?}", r.signals);
    assert_eq!(
        r.advice.first().map(String::as_str),
        Some("offer_help_for_yourself")
    );

    let mut anxious = calm(&ins);
    anxious.set_value("w3", 3);
    anxious.set_value("w4", 3);
    let r = report(&ins, &anxious);
    assert!(!r.help_for_yourself_first, "{:?}", r.signals);
    assert!(!r.advice.iter().any(|a| a == "offer_help_for_yourself"));
    assert!(r.signals.iter().any(|s| s == "tension"));

    assert!(!report(&ins, &calm(&ins)).help_for_yourself_first);
}

/// Every safety rule of the instrument is covered by a test above, so a
/// new rule cannot slip in untested.
#[test]
fn every_safety_rule_is_tested_here() {
    let ins = instrument();
    let tested = [
        "own_crisis",
        "no_way_out",
        "unsafe",
        "unsafe_once",
        "unsafe_children",
        "loved_one_danger",
        "low_mood",
        "tension",
    ];
    let ids: Vec<&str> = ins.safety.iter().map(|r| r.id.as_str()).collect();
    let mut sorted_ids = ids.clone();
    sorted_ids.sort_unstable();
    let mut sorted_tested = tested.to_vec();
    sorted_tested.sort_unstable();
    assert_eq!(sorted_ids, sorted_tested);
    // Contacts named by safety rules have a phone number or an https address.
    for rule in &ins.safety {
        for id in &rule.contacts {
            let c = ins.contact(id).unwrap();
            assert!(
                c.phone.is_some() || c.url.as_deref().is_some_and(|u| u.starts_with("https://")),
                "{id}"
            );
        }
    }
    // The numbers are the ones the sources confirm (shared/contacts.md).
    let phone = |id: &str| ins.contact(id).and_then(|c| c.phone.clone());
    assert_eq!(phone("crisis_113").as_deref(), Some("0800-0113"));
    assert_eq!(phone("luisterlijn").as_deref(), Some("088 0767 000"));
    assert_eq!(phone("veilig_thuis").as_deref(), Some("0800-2000"));
    assert_eq!(phone("kindertelefoon").as_deref(), Some("0800-0432"));
    assert_eq!(phone("emergency_112").as_deref(), Some("112"));
}

/// Which answers raised which signal (the professional view marks them):
/// every signal of a result names at least one answer of this instrument,
/// and only answers that take part in its rule.
#[test]
fn each_signal_names_the_answers_that_raised_it() {
    let ins = instrument();
    let mut answers = calm(&ins);
    answers.set_value("death_thoughts", 1);
    answers.set_value("e3", 4);
    answers.set_value("w1", 3);
    answers.set_value("w2", 0);
    answers.set_value("unsafe", 1);
    answers.set_choice("children_home", "yes");
    let scored = score(&ins, answers).expect("valid answers");
    let causes: Vec<(&str, Vec<&str>)> = signal_causes(&ins, &scored)
        .into_iter()
        .map(|(rule, causes)| {
            assert!(causes.scales.is_empty(), "{}", rule.id);
            (rule.id.as_str(), causes.questions)
        })
        .collect();
    assert_eq!(
        causes,
        [
            ("own_crisis", vec!["death_thoughts"]),
            // w2 was answered "not at all": it did not add to the sum.
            ("no_way_out", vec!["e3", "w1"]),
            ("unsafe_once", vec!["unsafe"]),
            ("unsafe_children", vec!["unsafe", "children_home"]),
            ("low_mood", vec!["w1"]),
        ]
    );
    // The worst answers: every signal that fires names an answer.
    let mut worst = calm(&ins);
    for item in &ins.items {
        let (_, max) = ins
            .response_scale_of(&item.id)
            .and_then(|rs| rs.range())
            .expect("range");
        worst.set_value(&item.id, max);
    }
    worst.set_choice("unsafe_now", "yes");
    worst.set_choice("children_home", "yes");
    worst.set_choices("behaviours", &["self_harm"]);
    let scored = score(&ins, worst).expect("valid answers");
    let all = signal_causes(&ins, &scored);
    assert_eq!(all.len(), scored.report().signals.len());
    for (rule, causes) in all {
        assert!(!causes.questions.is_empty(), "{} names no answer", rule.id);
    }
}
