//! The context answers of the default instrument (`instruments/naastenmeter-v1.json`)
//! steer what the result page says: every answer to a context question
//! changes at least one shown text, and texts that presume living together
//! ("samenleven", "samenwonen") never show to someone who lives apart.

use naastenmeter_core::{load_instrument, score, Answers, Questionnaire, Report};

const JSON: &str = include_str!("../../instruments/naastenmeter-v1.json");

/// Answers to safety questions that rightly add nothing: "no, I am not
/// unsafe now" and "no children live with us". Every other option of every
/// context question must change what the page shows.
const NEUTRAL: [(&str, &str); 2] = [("unsafe_now", "no"), ("children_home", "no")];

/// Words that presume the relative lives with the loved one.
const LIVING_TOGETHER_WORDS: [&str; 7] = [
    "samenleven",
    "samenwo",
    "samen in een huis",
    "living together",
    "live together",
    "live with your loved one",
    "same home",
];

fn instrument() -> Questionnaire {
    load_instrument(JSON.as_bytes())
        .unwrap_or_else(|e| panic!("the default instrument does not load: {e}"))
}

/// Every scored item in the middle of its scale (or at `level` steps from
/// the middle, clamped), wellbeing and safety items at "never".
fn respondent(ins: &Questionnaire, level: i32) -> Answers {
    let mut answers = Answers::new();
    for item in &ins.items {
        let (min, max) = ins
            .response_scale_of(&item.id)
            .and_then(|rs| rs.range())
            .expect("range");
        let raw = ((min + max) / 2 + level).clamp(min, max);
        let raw = if item.reverse { min + max - raw } else { raw };
        answers.set_value(&item.id, raw);
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

/// Every text the result page shows for this report, with its path: the
/// signals, the advice, the named prototypes' texts and the scale bands'
/// texts, in both languages.
fn shown_texts(ins: &Questionnaire, r: &Report) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    let mut push = |path: String, text: &naastenmeter_core::text::Text| {
        for lang in ["nl", "en"] {
            texts.push((
                format!("{path}.{lang}"),
                text.get(lang).map(|t| t.to_string()).unwrap_or_default(),
            ));
        }
    };
    for id in &r.signals {
        let rule = ins.safety_rule(id).unwrap();
        push(format!("safety[{id}].title"), &rule.title);
        push(format!("safety[{id}].message"), &rule.message);
    }
    for id in &r.advice {
        let rule = ins.advice_rule(id).unwrap();
        push(format!("advice[{id}].title"), &rule.title);
        push(format!("advice[{id}].text"), &rule.text);
        if let Some(t) = &rule.learn_more {
            push(format!("advice[{id}].learn_more"), t);
        }
    }
    for id in r.classification.counted() {
        let p = ins.prototype(id).unwrap();
        push(format!("prototypes[{id}].name"), &p.name);
        push(format!("prototypes[{id}].description"), &p.description);
        push(format!("prototypes[{id}].feelings"), &p.feelings);
        for (i, t) in p.what_may_help.iter().enumerate() {
            push(format!("prototypes[{id}].what_may_help[{i}]"), t);
        }
    }
    for s in &r.scales {
        if let Some(band) = &s.band {
            let scale = ins.scale(&s.id).unwrap();
            let b = scale.bands.iter().find(|b| &b.id == band).unwrap();
            push(format!("scales[{}].bands[{band}].text", s.id), &b.text);
        }
    }
    texts
}

fn set(ins: &Questionnaire, answers: &mut Answers, question: &str, option: &str) {
    let q = ins.context_question(question).unwrap();
    if q.choice == naastenmeter_core::instrument::ChoiceKind::Multiple {
        answers.set_choices(question, &[option]);
    } else {
        answers.set_choice(question, option);
    }
}

#[test]
fn every_context_answer_changes_a_shown_text() {
    let ins = instrument();
    assert!(ins.context_questions.len() >= 7, "relationship, living_together, caring_duration, problems, behaviours, unsafe_now, children_home");
    let mut checked = 0;
    for level in [-1, 0, 1] {
        let base = respondent(&ins, level);
        let before = shown_texts(&ins, &report(&ins, &base));
        for q in &ins.context_questions {
            for o in &q.options {
                if NEUTRAL.contains(&(q.id.as_str(), o.id.as_str())) {
                    continue;
                }
                let mut answers = base.clone();
                set(&ins, &mut answers, &q.id, &o.id);
                let after = shown_texts(&ins, &report(&ins, &answers));
                assert_ne!(
                    before, after,
                    "answering {}={} changes nothing on the result page (answers at level {level})",
                    q.id, o.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 3 * 25, "only {checked} answers checked");
}

#[test]
fn neutral_answers_raise_no_signal() {
    let ins = instrument();
    let base = respondent(&ins, 0);
    for (question, option) in NEUTRAL {
        let mut answers = base.clone();
        set(&ins, &mut answers, question, option);
        assert!(
            report(&ins, &answers).signals.is_empty(),
            "{question}={option}"
        );
    }
}

/// Each kind of relationship, duration and problem gets its own text, not
/// only "something changed".
#[test]
fn context_answers_select_their_own_advice() {
    let ins = instrument();
    let base = respondent(&ins, 0);
    let expected = [
        ("relationship", "partner", "tip_partner"),
        ("relationship", "parent", "tip_parent"),
        ("relationship", "child", "tip_child"),
        ("relationship", "child", "offer_kopp_kov"),
        ("relationship", "sibling", "tip_sibling"),
        ("relationship", "friend", "tip_friend_or_other"),
        ("relationship", "other", "tip_friend_or_other"),
        ("living_together", "yes", "tip_living_together"),
        ("living_together", "no", "tip_living_apart"),
        ("caring_duration", "under_1", "tip_new_situation"),
        ("caring_duration", "1_to_5", "tip_some_years"),
        ("caring_duration", "5_to_10", "tip_long_caring"),
        ("caring_duration", "over_10", "tip_long_caring"),
        ("problems", "psychiatric", "tip_family_confidant"),
        ("problems", "addiction", "offer_addiction_relatives"),
        ("problems", "both", "offer_addiction_relatives"),
        ("problems", "both", "tip_family_confidant"),
        ("problems", "unknown", "tip_unknown_problems"),
        ("behaviours", "gambling", "technique_gambling"),
        ("behaviours", "gambling", "offer_addiction_relatives"),
        ("behaviours", "substances", "offer_addiction_relatives"),
        ("behaviours", "confused_thinking", "offer_anoiksis"),
        ("children_home", "yes", "tip_children_at_home"),
        ("children_home", "yes", "offer_kopp_kov"),
    ];
    for (question, option, advice) in expected {
        let mut answers = base.clone();
        set(&ins, &mut answers, question, option);
        let shown = report(&ins, &answers).advice;
        assert!(
            shown.iter().any(|a| a == advice),
            "{question}={option} does not show {advice}: {shown:?}"
        );
        assert!(
            !report(&ins, &base).advice.iter().any(|a| a == advice),
            "{advice} shows without {question}={option}"
        );
    }
    // Addiction advice is not shown for mental health problems alone.
    let mut answers = base.clone();
    set(&ins, &mut answers, "problems", "psychiatric");
    assert!(!report(&ins, &answers)
        .advice
        .iter()
        .any(|a| a == "offer_addiction_relatives"));
}

#[test]
fn money_and_shame_answers_select_their_advice() {
    let ins = instrument();
    let base = respondent(&ins, 0);
    for (item, advice) in [("b11", "tip_money"), ("n5", "tip_shame")] {
        assert!(!report(&ins, &base).advice.iter().any(|a| a == advice));
        let mut answers = base.clone();
        answers.set_value(item, 5);
        assert!(
            report(&ins, &answers).advice.iter().any(|a| a == advice),
            "{item}=5 does not show {advice}"
        );
    }
}

fn presumes_living_together(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    LIVING_TOGETHER_WORDS
        .iter()
        .copied()
        .find(|w| lower.contains(w))
}

#[test]
fn living_together_texts_never_show_to_someone_living_apart() {
    let ins = instrument();
    let behaviours: Vec<String> = ins
        .context_question("behaviours")
        .unwrap()
        .options
        .iter()
        .map(|o| o.id.clone())
        .collect();
    let relationships: Vec<String> = ins
        .context_question("relationship")
        .unwrap()
        .options
        .iter()
        .map(|o| o.id.clone())
        .collect();
    let mut seen_together = false;
    for level in [-2, 0, 2] {
        for relationship in &relationships {
            let mut sets: Vec<Vec<&str>> = behaviours.iter().map(|b| vec![b.as_str()]).collect();
            sets.push(behaviours.iter().map(String::as_str).collect());
            for behaviour_set in sets {
                for unsafe_value in [0, 2] {
                    let mut answers = respondent(&ins, level);
                    answers.set_choice("relationship", relationship);
                    answers.set_choices("behaviours", &behaviour_set);
                    answers.set_value("unsafe", unsafe_value);
                    answers.set_choice("children_home", "yes");
                    answers.set_choice("living_together", "no");
                    for (path, text) in shown_texts(&ins, &report(&ins, &answers)) {
                        if let Some(word) = presumes_living_together(&text) {
                            panic!("{path} says '{word}' to someone living apart ({relationship}, {behaviour_set:?}): {text}");
                        }
                    }
                    answers.set_choice("living_together", "yes");
                    seen_together |= shown_texts(&ins, &report(&ins, &answers))
                        .iter()
                        .any(|(_, t)| presumes_living_together(t).is_some());
                }
            }
        }
    }
    // The check has something to find: living-together texts exist and show
    // to those who live together.
    assert!(seen_together, "no living-together text is ever shown");
}
