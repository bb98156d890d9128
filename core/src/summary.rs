//! What the first screen of a result says, chosen from a report: the scales
//! grouped by how heavily they weigh (from their bands, heaviest first) and
//! up to three next steps chosen from the advice. Only identifiers and
//! kinds: the words come from the instrument or the app, in any language.
//! Pure, so the choice is the same in every front end and tested here.

use alloc::string::String;
use alloc::vec::Vec;

use crate::condition::Condition;
use crate::instrument::{AdviceKind, AdviceRule, Scale};
use crate::questionnaire::Questionnaire;
use crate::report::Report;

/// How heavily a scale weighs, from the position of its band: the first
/// band is light, the last heavy, any other in the middle (the scales of an
/// instrument run from light to heavy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    /// The scale's heaviest band.
    Heavy,
    /// A band between the lightest and the heaviest.
    Middle,
    /// The scale's lightest band.
    Light,
}

/// Scales that weigh the same, in the instrument's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleGroup {
    /// How heavily these scales weigh.
    pub weight: Weight,
    /// The scales' ids.
    pub scales: Vec<String>,
}

/// The first screen of a result, as identifiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Scales grouped by weight, heaviest first; empty groups left out.
    pub groups: Vec<ScaleGroup>,
    /// Scales with too few answers for a score.
    pub no_score: Vec<String>,
    /// Up to [`MAX_NEXT_STEPS`] advice ids, most fitting first.
    pub next_steps: Vec<String>,
}

/// How many next steps the first screen shows at most.
pub const MAX_NEXT_STEPS: usize = 3;

/// How heavily `band` of `scale` weighs; `None` for an unknown band.
pub fn weight_of(scale: &Scale, band: &str) -> Option<Weight> {
    let at = scale.bands.iter().position(|b| b.id == band)?;
    let last = scale.bands.len().saturating_sub(1);
    Some(if at == last && last > 0 {
        Weight::Heavy
    } else if at == 0 {
        Weight::Light
    } else {
        Weight::Middle
    })
}

/// The first screen of `report`.
pub fn summary(instrument: &Questionnaire, report: &Report) -> Summary {
    let mut weighed: Vec<(&String, Weight)> = Vec::new();
    let mut no_score = Vec::new();
    for result in &report.scales {
        let weight = instrument.scale(&result.id).and_then(|scale| {
            let band = result.band.as_deref().filter(|_| result.enough)?;
            weight_of(scale, band)
        });
        match weight {
            Some(weight) => weighed.push((&result.id, weight)),
            None => no_score.push(result.id.clone()),
        }
    }
    // Heaviest first, each group in the instrument's order.
    let groups = [Weight::Heavy, Weight::Middle, Weight::Light]
        .into_iter()
        .map(|weight| ScaleGroup {
            weight,
            scales: weighed
                .iter()
                .filter(|(_, w)| *w == weight)
                .map(|(id, _)| (*id).clone())
                .collect(),
        })
        .filter(|g| !g.scales.is_empty())
        .collect();
    Summary {
        groups,
        no_score,
        next_steps: next_steps(instrument, report),
    }
}

/// The order in which kinds of advice lead the next steps. When a signal
/// asks that help for the relative comes first (PINM's contra-indication),
/// support for themself leads; otherwise the method that fits the result,
/// then ways to deal with the behaviour they named, then tips, then support.
pub fn kind_order(help_for_yourself_first: bool) -> [AdviceKind; 4] {
    if help_for_yourself_first {
        [
            AdviceKind::Offer,
            AdviceKind::Method,
            AdviceKind::Tip,
            AdviceKind::Technique,
        ]
    } else {
        [
            AdviceKind::Method,
            AdviceKind::Technique,
            AdviceKind::Tip,
            AdviceKind::Offer,
        ]
    }
}

/// Up to [`MAX_NEXT_STEPS`] of the report's advice: first the first advice
/// of each kind in [`kind_order`] that these answers called up (advice shown
/// to everyone comes last), so the steps differ in kind; then the rest in
/// the same order. Within a kind, the instrument's order (its authors put
/// the most important first).
pub fn next_steps(instrument: &Questionnaire, report: &Report) -> Vec<String> {
    let rules: Vec<&AdviceRule> = report
        .advice
        .iter()
        .filter_map(|id| instrument.advice_rule(id))
        .collect();
    let order = kind_order(report.help_for_yourself_first);
    let general = |a: &AdviceRule| matches!(a.when, Condition::Always);
    let mut chosen: Vec<&str> = Vec::new();
    // First round: one of each kind, called up by these answers.
    for kind in order {
        if let Some(a) = rules.iter().find(|a| a.kind == kind && !general(a)) {
            chosen.push(&a.id);
        }
    }
    chosen.truncate(MAX_NEXT_STEPS);
    // Then the rest: called-up advice before general, by kind, in order.
    for is_general in [false, true] {
        for kind in order {
            for a in rules
                .iter()
                .filter(|a| a.kind == kind && general(a) == is_general)
            {
                if chosen.len() < MAX_NEXT_STEPS && !chosen.contains(&a.id.as_str()) {
                    chosen.push(&a.id);
                }
            }
        }
    }
    chosen.into_iter().map(String::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load_instrument, score, Answers};
    use alloc::vec;

    fn instrument() -> Questionnaire {
        load_instrument(include_bytes!("../../instruments/naastenmeter-v1.json"))
            .expect("the default instrument")
    }

    /// Every scale item at its light (`heavy == false`) or heavy end.
    fn answers_at(instrument: &Questionnaire, heavy: bool) -> Answers {
        let mut answers = Answers::new();
        for scale in &instrument.scales {
            for id in &scale.items {
                let (item, rs) = instrument.rated_item(id).expect("item");
                let (lo, hi) = rs.range().expect("range");
                let high = heavy != item.reverse;
                answers.set_value(id, if high { hi } else { lo });
            }
        }
        answers
    }

    #[test]
    fn bands_give_weights_by_position() {
        let instrument = instrument();
        let scale = &instrument.scales[0];
        let ids: Vec<&str> = scale.bands.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(weight_of(scale, ids[0]), Some(Weight::Light));
        assert_eq!(weight_of(scale, ids[ids.len() - 1]), Some(Weight::Heavy));
        if ids.len() > 2 {
            assert_eq!(weight_of(scale, ids[1]), Some(Weight::Middle));
        }
        assert_eq!(weight_of(scale, "no_such_band"), None);
    }

    #[test]
    fn a_relative_doing_well_has_every_scale_light() {
        let instrument = instrument();
        let report = score(&instrument, answers_at(&instrument, false)).expect("scores");
        let s = summary(&instrument, &report);
        assert_eq!(s.groups.len(), 1);
        assert_eq!(s.groups[0].weight, Weight::Light);
        assert_eq!(s.groups[0].scales.len(), instrument.scales.len());
        assert!(s.no_score.is_empty());
        assert!(s.next_steps.len() <= MAX_NEXT_STEPS);
    }

    #[test]
    fn heavy_scales_come_first_and_every_scale_is_in_one_place() {
        let instrument = instrument();
        let mut answers = answers_at(&instrument, true);
        // The last scale light: two groups, the heavy one first.
        let last = instrument.scales.last().expect("scales");
        for id in &last.items {
            let (item, rs) = instrument.rated_item(id).expect("item");
            let (lo, hi) = rs.range().expect("range");
            answers.set_value(id, if item.reverse { hi } else { lo });
        }
        let report = score(&instrument, answers).expect("scores");
        let s = summary(&instrument, &report);
        assert_eq!(s.groups[0].weight, Weight::Heavy);
        assert_eq!(s.groups.last().map(|g| g.weight), Some(Weight::Light));
        assert_eq!(
            s.groups.last().expect("light").scales,
            vec![last.id.clone()]
        );
        let all: usize = s.groups.iter().map(|g| g.scales.len()).sum();
        assert_eq!(all + s.no_score.len(), instrument.scales.len());
        assert!(s.groups.windows(2).all(|w| w[0].weight < w[1].weight));
    }

    #[test]
    fn a_scale_with_too_few_answers_has_no_weight() {
        let instrument = instrument();
        let mut answers = answers_at(&instrument, false);
        let first = &instrument.scales[0];
        for id in &first.items {
            answers.clear(id);
        }
        let report = score(&instrument, answers).expect("scores");
        let s = summary(&instrument, &report);
        assert_eq!(s.no_score, vec![first.id.clone()]);
        assert!(s.groups.iter().all(|g| !g.scales.contains(&first.id)));
    }

    #[test]
    fn next_steps_are_at_most_three_distinct_shown_advice_of_different_kinds_first() {
        let instrument = instrument();
        for heavy in [false, true] {
            let report = score(&instrument, answers_at(&instrument, heavy)).expect("scores");
            let steps = next_steps(&instrument, &report);
            assert!(!steps.is_empty() && steps.len() <= MAX_NEXT_STEPS);
            for (i, id) in steps.iter().enumerate() {
                assert!(report.advice.contains(id), "{id} is advice of this result");
                assert!(!steps[..i].contains(id), "{id} twice");
            }
        }
    }

    fn both_languages(text: &str) -> crate::text::Text {
        ["nl", "en"]
            .into_iter()
            .map(|language| (language.into(), text.into()))
            .collect()
    }

    fn rule(id: &str, kind: AdviceKind, always: bool) -> AdviceRule {
        AdviceRule {
            id: id.into(),
            kind,
            when: if always {
                Condition::Always
            } else {
                // A real question and option: the instrument must stay valid.
                Condition::Chosen {
                    question: "relationship".into(),
                    option: "partner".into(),
                }
            },
            // Every declared language, so the edited instrument validates.
            title: both_languages(id),
            text: both_languages(id),
            learn_more: None,
            contacts: Vec::new(),
        }
    }

    #[test]
    fn help_for_yourself_first_puts_support_first_and_general_advice_last() {
        let mut edited = instrument().instrument().clone();
        edited.advice = alloc::vec![
            rule("offer_always", AdviceKind::Offer, true),
            rule("tip_a", AdviceKind::Tip, false),
            rule("tip_b", AdviceKind::Tip, false),
            rule("method", AdviceKind::Method, false),
            rule("offer_own", AdviceKind::Offer, false),
            rule("technique", AdviceKind::Technique, false),
        ];
        let instrument = Questionnaire::new(edited).expect("the edited instrument is valid");
        let mut report = score(&instrument, Answers::new())
            .expect("scores")
            .report()
            .clone();
        report.advice = instrument.advice.iter().map(|a| a.id.clone()).collect();
        report.help_for_yourself_first = false;
        assert_eq!(
            next_steps(&instrument, &report),
            ["method", "technique", "tip_a"]
        );
        report.help_for_yourself_first = true;
        assert_eq!(
            next_steps(&instrument, &report),
            ["offer_own", "method", "tip_a"]
        );
        // With little called-up advice, the rest fills up; general advice last.
        report.advice = alloc::vec!["offer_always".into(), "tip_a".into(), "tip_b".into()];
        report.help_for_yourself_first = false;
        assert_eq!(
            next_steps(&instrument, &report),
            ["tip_a", "tip_b", "offer_always"]
        );
        report.advice = alloc::vec!["offer_always".into(), "unknown".into()];
        assert_eq!(next_steps(&instrument, &report), ["offer_always"]);
        report.advice.clear();
        assert!(next_steps(&instrument, &report).is_empty());
    }
}
