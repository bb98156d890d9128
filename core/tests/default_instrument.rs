//! Checks the default instrument, `instruments/naastenmeter-v1.json`: it
//! loads, its model classifies typical respondents into the intended
//! prototype, its safety signals fire exactly at their cut-offs, every
//! disrupting behaviour selects its technique, and every text exists in
//! both languages.

use naastenmeter_core::instrument::{FittedModel, LatentModel, ProfileModel};
use naastenmeter_core::report::Fit;
use naastenmeter_core::text::Text;
use naastenmeter_core::Questionnaire;
use naastenmeter_core::{load_instrument, score, Answers, Report};

const JSON: &str = include_str!("../../instruments/naastenmeter-v1.json");

const SCALES: [&str; 4] = ["burden", "entrapment", "negative_feelings", "loneliness"];

fn instrument() -> Questionnaire {
    match load_instrument(JSON.as_bytes()) {
        Ok(instrument) => instrument,
        Err(error) => panic!("the default instrument does not load: {error}"),
    }
}

fn profiles(ins: &Questionnaire) -> &ProfileModel {
    match &ins.model.latent {
        LatentModel::Profiles(model) => model,
        LatentModel::Classes(_) => panic!("the default instrument uses a latent profile model"),
    }
}

/// Answers a scale's items so that its score is as close as possible to
/// `target`: scored values are spread as evenly as possible, and
/// reverse-keyed items get the raw answer that scores that value.
fn answer_scale(ins: &Questionnaire, answers: &mut Answers, scale: &str, target: f64) {
    let scale = ins.scale(scale).expect("scale exists");
    let n = scale.items.len();
    let first = ins.item(&scale.items[0]).expect("item exists");
    let (min, max) = ins
        .response_scale_of(&first.id)
        .and_then(|rs| rs.range())
        .expect("range");
    let target = target.clamp(f64::from(min), f64::from(max));
    let total = (target * n as f64).round() as i32;
    let base = total.div_euclid(n as i32);
    let extra = total.rem_euclid(n as i32) as usize;
    for (i, id) in scale.items.iter().enumerate() {
        let scored = (base + i32::from(i < extra)).clamp(min, max);
        let item = ins.item(id).expect("item exists");
        let raw = if item.reverse {
            min + max - scored
        } else {
            scored
        };
        answers.set_value(id, raw);
    }
}

/// A respondent with these four scale scores (in the model's order), calm
/// wellbeing answers and no context.
fn respondent(ins: &Questionnaire, scores: [f64; 4]) -> Answers {
    let mut answers = Answers::new();
    for (scale, target) in SCALES.iter().zip(scores) {
        answer_scale(ins, &mut answers, scale, target);
    }
    for id in ["w1", "w2", "w3", "w4", "unsafe"] {
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

fn best(report: &Report) -> &str {
    report.classification.best().expect("a prototype is named")
}

#[test]
fn loads_and_has_the_agreed_shape() {
    let ins = instrument();
    assert_eq!(ins.format_version, 1);
    assert_eq!(ins.id, "naastenmeter");
    assert_eq!(ins.version, "1.3.0");
    assert_eq!(
        ins.url,
        "https://naastenmeter.nl/fhir/Questionnaire/naastenmeter"
    );
    assert_eq!(ins.languages, ["nl", "en", "nl-formal"]);
    let sizes: Vec<usize> = SCALES
        .iter()
        .map(|s| ins.scale(s).unwrap().items.len())
        .collect();
    assert_eq!(sizes, [15, 3, 9, 11]);
    let ranges: Vec<(i32, i32)> = SCALES
        .iter()
        .map(|s| {
            let item = ins.item(&ins.scale(s).unwrap().items[0]).unwrap();
            ins.response_scale_of(&item.id).unwrap().range().unwrap()
        })
        .collect();
    assert_eq!(ranges, [(1, 5), (0, 4), (1, 5), (1, 5)]);
    // Ratings are 0-10 with 11 options and belong to no scale.
    for id in ["rate_heavy", "rate_wellbeing"] {
        let rs = ins.response_scale_of(id).unwrap();
        assert_eq!(rs.options.len(), 11);
        assert_eq!(rs.range(), Some((0, 10)));
        assert!(ins.scales.iter().all(|s| !s.items.iter().any(|i| i == id)));
    }
    for id in ["w1", "w2", "w3", "w4", "death_thoughts"] {
        let rs = ins.response_scale_of(id).unwrap();
        assert_eq!(rs.range(), Some((0, 3)));
    }
    // Loneliness has some positively worded items, scored in reverse.
    let reversed = ins
        .scale("loneliness")
        .unwrap()
        .items
        .iter()
        .filter(|i| ins.item(i).unwrap().reverse)
        .count();
    assert!(reversed >= 3, "{reversed} reverse-keyed loneliness items");
    // The model: provisional, four classes largest first (as the tool writes
    // them), equal variances.
    assert!(ins.model.provisional);
    let model = profiles(&ins);
    assert_eq!(model.scales, SCALES);
    assert_eq!(
        ins.class_prototypes(),
        ["balanced", "imbalanced", "entrapped", "lonely"]
    );
    // 113 is always on the result page.
    let crisis = ins.contact("crisis_113").unwrap();
    assert!(crisis.always_shown);
    assert_eq!(crisis.phone.as_deref(), Some("0800-0113"));
    assert_eq!(crisis.url.as_deref(), Some("https://www.113.nl"));
    assert_eq!(
        ins.contact("veilig_thuis").unwrap().phone.as_deref(),
        Some("0800-2000")
    );
    assert_eq!(
        ins.contact("emergency_112").unwrap().phone.as_deref(),
        Some("112")
    );
    // Every item says where its wording comes from and under what licence:
    // w1-w4 are close renderings of the PHQ-4 and say so; the rest is ours.
    for item in &ins.items {
        if ["w1", "w2", "w3", "w4"].contains(&item.id.as_str()) {
            assert!(
                item.provenance.source.starts_with("PHQ-4 item"),
                "{}",
                item.id
            );
            assert!(
                item.provenance.source.contains("equivalence unverified"),
                "{}",
                item.id
            );
            assert!(
                item.provenance.licence.starts_with("PHQ screeners"),
                "{}",
                item.id
            );
            continue;
        }
        assert!(
            item.provenance
                .source
                .starts_with("Own wording (Naastenmeter project)"),
            "{}",
            item.id
        );
        assert_eq!(item.provenance.licence, "MIT OR Apache-2.0", "{}", item.id);
    }
}

#[test]
fn fitted_class_means_follow_the_prototype_definitions() {
    let ins = instrument();
    let model = profiles(&ins);
    let mean = |p: &str, scale: usize| {
        model
            .classes
            .iter()
            .find(|c| c.prototype == p)
            .unwrap()
            .means[scale]
    };
    let (burden, entrapment, negative, loneliness) = (0, 1, 2, 3);
    for other in ["balanced", "imbalanced", "lonely"] {
        assert!(mean("entrapped", entrapment) > mean(other, entrapment));
        assert!(mean("entrapped", burden) > mean(other, burden));
    }
    for other in ["balanced", "imbalanced", "entrapped"] {
        assert!(mean("lonely", loneliness) > mean(other, loneliness));
        assert!(mean("lonely", entrapment) < mean(other, entrapment));
    }
    assert!(mean("imbalanced", burden) > mean("balanced", burden));
    assert!(mean("imbalanced", entrapment) > mean("balanced", entrapment));
    assert!(mean("imbalanced", negative) > mean("balanced", negative));
}

#[test]
fn each_class_centre_is_classified_into_its_class() {
    let ins = instrument();
    let model = profiles(&ins);
    for class in &model.classes {
        let centre: [f64; 4] = class.means.clone().try_into().unwrap();
        let answers = respondent(&ins, centre);
        let report = report(&ins, &answers);
        // The discrete answers land close to the centre.
        for (i, scale) in SCALES.iter().enumerate() {
            let got = report.scale(scale).unwrap().score.unwrap();
            assert!(
                (got - centre[i]).abs() <= 0.2,
                "{}: {scale} {got} vs {}",
                class.prototype,
                centre[i]
            );
        }
        let c = &report.classification;
        let Fit::Prototype {
            best, uncertain, ..
        } = &c.fit
        else {
            panic!("centre of {} names no prototype: {:?}", class.prototype, c);
        };
        assert_eq!(
            best, &class.prototype,
            "centre of {} gave {:?}",
            class.prototype, c.probabilities
        );
        assert!(
            !uncertain,
            "centre of {} is uncertain: {:?}",
            class.prototype, c.probabilities
        );
        assert_eq!(c.inputs_used, 4);
    }
}

#[test]
fn golden_reports_for_typical_profiles() {
    let ins = instrument();

    // A parent who is involved but keeps a balance; struggles with withdrawal.
    let mut a = respondent(&ins, [3.2, 1.0, 2.2, 2.6]);
    a.set_choice("relationship", "parent");
    a.set_choice("living_together", "no");
    a.set_choices("behaviours", &["withdrawal"]);
    let r = report(&ins, &a);
    assert_eq!(best(&r), "balanced");
    assert!(r.signals.is_empty());
    assert_eq!(
        r.advice,
        [
            "method_balanced",
            "technique_depression",
            "tip_parent",
            "tip_living_apart",
            "offer_municipality",
            "offer_peer_support",
            "offer_ypsilon",
            "offer_online_training",
            "offer_care_team"
        ]
    );

    // A partner who is stretched and feels less free; mood swings and refusal of care.
    let mut b = respondent(&ins, [3.4, 2.4, 3.0, 2.8]);
    b.set_choice("relationship", "partner");
    b.set_choices("behaviours", &["mood_swings", "refusing_care"]);
    let r = report(&ins, &b);
    assert_eq!(best(&r), "imbalanced");
    assert_eq!(
        r.advice,
        [
            "method_imbalanced",
            "technique_validating",
            "technique_towards_care",
            "tip_crisis_route",
            "tip_crisis_plan",
            "tip_care_refusal",
            "tip_family_sharing",
            "tip_partner",
            "offer_gp",
            "offer_municipality",
            "offer_peer_support",
            "offer_ypsilon",
            "offer_online_training",
            "offer_care_team"
        ]
    );

    // A sibling with little burden and much freedom, but alone.
    let mut c = respondent(&ins, [2.2, 0.3, 1.7, 3.6]);
    c.set_choice("relationship", "sibling");
    let r = report(&ins, &c);
    assert_eq!(best(&r), "lonely");
    assert_eq!(
        r.advice,
        [
            "method_lonely",
            "method_living_loss",
            "tip_loneliness_high",
            "tip_sibling",
            "offer_peer_support",
            "offer_family_peer_worker",
            "offer_ypsilon",
            "offer_korrelatie",
            "offer_online_training",
            "offer_care_team"
        ]
    );

    // A parent living with a son who uses drugs and becomes aggressive, heavily burdened and trapped.
    let mut d = respondent(&ins, [4.5, 3.3, 3.7, 2.4]);
    d.set_choice("relationship", "parent");
    d.set_choice("living_together", "yes");
    d.set_choice("problems", "both");
    d.set_choices("behaviours", &["substances", "aggression"]);
    d.set_value("w1", 2);
    d.set_value("w2", 1);
    d.set_value("unsafe", 2);
    let r = report(&ins, &d);
    assert_eq!(best(&r), "entrapped");
    assert_eq!(r.signals, ["unsafe", "low_mood"]);
    assert!(r.help_for_yourself_first);
    assert_eq!(
        r.advice,
        [
            "offer_help_for_yourself",
            "method_entrapped",
            "method_living_loss",
            "technique_motivational",
            "technique_boundaries",
            "tip_crisis_route",
            "tip_crisis_plan",
            "tip_family_confidant",
            "tip_burden_high",
            "tip_entrapment_high",
            "tip_negative_high",
            "tip_money",
            "tip_shame",
            "tip_family_sharing",
            "tip_parent",
            "tip_living_together",
            "offer_gp",
            "offer_municipality",
            "offer_peer_support",
            "offer_family_peer_worker",
            "offer_ypsilon",
            "offer_labyrint",
            "offer_korrelatie",
            "offer_naasten_in_kracht",
            "offer_addiction_relatives",
            "offer_online_training",
            "offer_care_team"
        ]
    );
    assert_eq!(r.scale("burden").unwrap().band.as_deref(), Some("high"));
    assert_eq!(r.scale("entrapment").unwrap().band.as_deref(), Some("high"));
}

#[test]
fn wellbeing_signal_fires_at_a_pair_sum_of_three() {
    let ins = instrument();
    let calm = respondent(&ins, [3.0, 1.0, 2.0, 2.5]);
    assert!(report(&ins, &calm).signals.is_empty());
    // The mood pair raises `low_mood` (the PHQ-2 cut-off), the anxiety pair `tension`.
    for (x, y, rule) in [("w1", "w2", "low_mood"), ("w3", "w4", "tension")] {
        for (vx, vy, fires) in [
            (1, 1, false),
            (2, 0, false),
            (0, 2, false),
            (2, 1, true),
            (1, 2, true),
            (3, 0, true),
            (3, 3, true),
        ] {
            let mut answers = calm.clone();
            answers.set_value(x, vx);
            answers.set_value(y, vy);
            let signals = report(&ins, &answers).signals;
            assert_eq!(
                signals.iter().any(|s| s == rule),
                fires,
                "{x}={vx} {y}={vy}: {signals:?}"
            );
            assert!(signals.len() <= 1, "{x}={vx} {y}={vy}: {signals:?}");
        }
    }
    // Two points on each pair stay below the cut-off.
    let mut answers = calm.clone();
    for id in ["w1", "w2", "w3", "w4"] {
        answers.set_value(id, 1);
    }
    assert!(report(&ins, &answers).signals.is_empty());
    // Skipped items count as nothing.
    let mut answers = calm.clone();
    answers.clear("w2");
    answers.set_value("w1", 2);
    assert!(report(&ins, &answers).signals.is_empty());
}

#[test]
fn unsafe_item_raises_a_graded_signal() {
    use naastenmeter_core::instrument::SignalLevel;
    let ins = instrument();
    let calm = respondent(&ins, [3.0, 1.0, 2.0, 2.5]);
    // Once: attention; a few times or often: urgent, first.
    for (value, expected) in [
        (0, None),
        (1, Some("unsafe_once")),
        (2, Some("unsafe")),
        (3, Some("unsafe")),
    ] {
        let mut answers = calm.clone();
        answers.set_value("unsafe", value);
        let signals = report(&ins, &answers).signals;
        assert_eq!(
            signals.first().map(String::as_str),
            expected,
            "unsafe={value}: {signals:?}"
        );
        assert!(signals.len() <= 1, "unsafe={value}: {signals:?}");
    }
    let rule = ins.safety.iter().find(|r| r.id == "unsafe").unwrap();
    assert_eq!(rule.level, SignalLevel::Urgent);
    assert!(rule.contacts.iter().any(|c| c == "veilig_thuis"));
    assert!(rule.contacts.iter().any(|c| c == "emergency_112"));
    let once = ins.safety.iter().find(|r| r.id == "unsafe_once").unwrap();
    assert_eq!(once.level, SignalLevel::Attention);
    assert!(once.contacts.iter().any(|c| c == "veilig_thuis"));
    let mood = ins.safety.iter().find(|r| r.id == "low_mood").unwrap();
    assert_eq!(mood.level, SignalLevel::Attention);
    assert!(mood.contacts.iter().any(|c| c == "huisarts"));
}

#[test]
fn every_behaviour_selects_its_technique() {
    let ins = instrument();
    let expected = [
        ("confused_thinking", "technique_connecting"),
        ("mood_swings", "technique_validating"),
        ("withdrawal", "technique_depression"),
        ("substances", "technique_motivational"),
        ("gambling", "technique_gambling"),
        ("aggression", "technique_boundaries"),
        ("refusing_care", "technique_towards_care"),
        ("self_harm", "technique_asking_about_suicide"),
    ];
    let behaviours = ins.context_question("behaviours").unwrap();
    assert_eq!(behaviours.options.len(), expected.len());
    let techniques = |answers: &Answers| -> Vec<String> {
        report(&ins, answers)
            .advice
            .into_iter()
            .filter(|id| {
                ins.advice.iter().any(|a| {
                    &a.id == id && a.kind == naastenmeter_core::instrument::AdviceKind::Technique
                })
            })
            .collect()
    };
    let base = respondent(&ins, [3.0, 1.0, 2.0, 2.5]);
    assert!(techniques(&base).is_empty());
    for (behaviour, technique) in expected {
        let mut answers = base.clone();
        answers.set_choices("behaviours", &[behaviour]);
        assert_eq!(techniques(&answers), [technique], "{behaviour}");
        let rule = ins.advice.iter().find(|a| a.id == technique).unwrap();
        assert!(
            rule.learn_more.is_some(),
            "{technique} says where to learn more"
        );
    }
    let mut all = base.clone();
    all.set_choices("behaviours", &expected.map(|(b, _)| b));
    assert_eq!(techniques(&all), expected.map(|(_, t)| t.to_string()));
}

#[test]
fn every_prototype_and_high_band_has_advice() {
    let ins = instrument();
    for p in ["balanced", "imbalanced", "lonely", "entrapped"] {
        let proto = ins.prototype(p).unwrap();
        assert!(proto.what_may_help.len() >= 3, "{p}");
        let method = ins.advice.iter().any(|a| {
            a.kind == naastenmeter_core::instrument::AdviceKind::Method
                && a.when
                    == naastenmeter_core::condition::Condition::Prototype {
                        prototype: p.into(),
                    }
        });
        assert!(method, "no method for {p}");
    }
    for s in SCALES {
        let tip = ins.advice.iter().any(|a| {
            a.kind == naastenmeter_core::instrument::AdviceKind::Tip
                && a.when
                    == naastenmeter_core::condition::Condition::Band {
                        scale: s.into(),
                        band: "high".into(),
                    }
        });
        assert!(tip, "no tip for a high {s} score");
    }
    let offers = ins
        .advice
        .iter()
        .filter(|a| a.kind == naastenmeter_core::instrument::AdviceKind::Offer)
        .count();
    assert!(offers >= 5);
}

#[test]
fn bands_cover_each_scale_range_exactly() {
    let ins = instrument();
    for scale in &ins.scales {
        let item = ins.item(&scale.items[0]).unwrap();
        let (min, max) = ins.response_scale_of(&item.id).unwrap().range().unwrap();
        assert_eq!(
            scale.bands.first().unwrap().from,
            f64::from(min),
            "{}",
            scale.id
        );
        assert_eq!(
            scale.bands.last().unwrap().to,
            f64::from(max),
            "{}",
            scale.id
        );
        for pair in scale.bands.windows(2) {
            assert_eq!(pair[0].to, pair[1].from, "{}", scale.id);
        }
        // The lowest and highest possible answers fall in the first and last band.
        let mut low = Answers::new();
        let mut high = Answers::new();
        for id in &scale.items {
            let reverse = ins.item(id).unwrap().reverse;
            low.set_value(id, if reverse { max } else { min });
            high.set_value(id, if reverse { min } else { max });
        }
        let band = |a: &Answers| {
            report(&ins, a)
                .scale(&scale.id)
                .unwrap()
                .band
                .clone()
                .unwrap()
        };
        assert_eq!(band(&low), scale.bands.first().unwrap().id);
        assert_eq!(band(&high), scale.bands.last().unwrap().id);
    }
}

#[test]
fn every_text_exists_in_dutch_and_english() {
    let ins = instrument();
    let mut texts: Vec<(String, &Text)> = vec![
        ("title".into(), &ins.title),
        ("description".into(), &ins.description),
    ];
    for rs in &ins.response_scales {
        for o in &rs.options {
            texts.push((format!("{}.{}", rs.id, o.value), &o.label));
        }
    }
    for i in &ins.items {
        texts.push((i.id.clone(), &i.text));
    }
    for q in &ins.context_questions {
        texts.push((q.id.clone(), &q.text));
        for o in &q.options {
            texts.push((format!("{}.{}", q.id, o.id), &o.label));
        }
    }
    for s in &ins.sections {
        texts.push((s.id.clone(), &s.title));
        texts.push((
            format!("{}.intro", s.id),
            s.intro.as_ref().expect("every section has an intro"),
        ));
    }
    for s in &ins.scales {
        texts.push((s.id.clone(), &s.label));
        texts.push((s.id.clone(), &s.description));
        for b in &s.bands {
            texts.push((format!("{}.{}", s.id, b.id), &b.label));
            texts.push((format!("{}.{}", s.id, b.id), &b.text));
        }
    }
    for p in &ins.prototypes {
        for t in [&p.name, &p.description, &p.feelings] {
            texts.push((p.id.clone(), t));
        }
        for t in &p.what_may_help {
            texts.push((p.id.clone(), t));
        }
    }
    texts.push(("model.about".into(), &ins.model.about));
    for a in &ins.advice {
        texts.push((a.id.clone(), &a.title));
        texts.push((a.id.clone(), &a.text));
        if let Some(t) = &a.learn_more {
            texts.push((a.id.clone(), t));
        }
    }
    for s in &ins.safety {
        texts.push((s.id.clone(), &s.title));
        texts.push((s.id.clone(), &s.message));
    }
    for c in &ins.contacts {
        texts.push((c.id.clone(), &c.name));
        texts.push((c.id.clone(), &c.description));
    }
    for (place, text) in texts {
        // Dutch and English always; formal Dutch where the words differ.
        assert_eq!(
            text.len(),
            2 + usize::from(text.contains_key("nl-formal")),
            "{place}: {text:?}"
        );
        if let Some(formal) = text.get("nl-formal") {
            assert!(
                informal_words(formal).is_empty(),
                "{place}: the formal text says {:?}: {formal}",
                informal_words(formal)
            );
            assert_ne!(Some(formal), text.get("nl"), "{place}: the same as `nl`");
        } else {
            assert!(
                informal_words(&text["nl"]).is_empty(),
                "{place} addresses the reader with {:?} and has no `nl-formal` text",
                informal_words(&text["nl"])
            );
        }
        for language in ["nl", "en"] {
            let t = text
                .get(language)
                .unwrap_or_else(|| panic!("{place} has no {language} text"));
            assert!(!t.trim().is_empty(), "{place} has an empty {language} text");
            assert!(
                !t.contains("TODO") && !t.contains("TBD") && !t.contains("XXX"),
                "{place}: {t}"
            );
        }
    }
}

/// The words of informal address ("je", "jouw", ...) in a Dutch text,
/// as whole words in any case.
fn informal_words(text: &str) -> Vec<String> {
    const INFORMAL: [&str; 6] = ["je", "jij", "jou", "jouw", "jezelf", "jullie"];
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|word| INFORMAL.contains(&word.as_str()))
        .collect()
}

/// The shipped model must be the estimation tool's fit of the same data
/// (`tests/data/zegwaard-4class-model.json`: the `model.latent` and
/// `model.typicality` values `naastenmeter fit` writes).
/// Classes are matched by their means, so the check does not depend on the
/// order or the names the tool gave them.
#[test]
fn model_matches_the_estimation_tools_fit() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/zegwaard-4class-model.json"
    );
    let json = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let fitted: FittedModel = serde_json::from_str(&json).expect("a fitted model");
    let ins = instrument();
    // The typicality rule is the tool's, computed on the same data.
    assert_eq!(fitted.typicality, ins.model.typicality);
    let LatentModel::Profiles(fitted) = fitted.latent else {
        panic!("the fitted model is a latent profile model");
    };
    let shipped = profiles(&ins);
    assert_eq!(fitted.variances, shipped.variances);
    assert_eq!(fitted.classes.len(), shipped.classes.len());
    let distance =
        |a: &[f64], b: &[f64]| -> f64 { a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum() };
    let mut used = Vec::new();
    for class in &shipped.classes {
        let (k, other) = fitted
            .classes
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| {
                distance(&a.means, &class.means).total_cmp(&distance(&b.means, &class.means))
            })
            .unwrap();
        assert!(
            !used.contains(&k),
            "two shipped classes match fitted class {k}"
        );
        used.push(k);
        assert!(
            (other.share - class.share).abs() < 1e-6,
            "{}: share {} vs fitted {}",
            class.prototype,
            class.share,
            other.share
        );
        for (x, y) in class.means.iter().zip(&other.means) {
            assert!(
                (x - y).abs() < 1e-6,
                "{}: means {:?} vs fitted {:?}",
                class.prototype,
                class.means,
                other.means
            );
        }
        for (x, y) in class.variances.iter().zip(&other.variances) {
            assert!(
                (x - y).abs() < 1e-6,
                "{}: variances {:?} vs fitted {:?}",
                class.prototype,
                class.variances,
                other.variances
            );
        }
    }
}
