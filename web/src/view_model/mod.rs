//! Pure helpers that turn a core [`Report`] and the instrument into what a
//! page shows: which prototype cards (with their strength words and the
//! description to use), what to say when none is named, which contacts lead
//! the "first, help for yourself" block, where each contact of the result
//! page is shown in full (once), which contacts the help panel lists, and
//! what the scale chart draws per scale; and for the professional view, the
//! signals with the answers that raised them and every answer grouped as a
//! professional reads them. The core decides; these only look the
//! decisions up in the instrument, so components stay free of domain
//! rules. Tested natively.
//!
//! `professional.rs` holds the professional view's parts, `chart.rs` the
//! chart's; this file the relative's result page.

mod chart;
mod professional;

pub use chart::*;
pub use professional::*;

use naastenmeter_core::instrument::{
    AdviceKind, AdviceRule, Contact, Prototype, SafetyRule, SignalLevel,
};
use naastenmeter_core::partner::{LocalOffer, PartnerConfig};
use naastenmeter_core::report::{Direction, Fit, Report};
use naastenmeter_core::text::Text;
use naastenmeter_core::{Questionnaire, Scored};

/// One prototype to show as a card.
#[derive(Debug, Clone, PartialEq)]
pub struct Card<'a> {
    /// The prototype.
    pub prototype: &'a Prototype,
    /// Its exact posterior probability.
    pub probability: f64,
    /// The verbal strength ("past goed"), shown before the percentage.
    pub strength: Option<&'a Text>,
    /// The description to show: the one for an urgent signal while one
    /// holds and the prototype has it, else the ordinary one.
    pub description: &'a Text,
}

/// What the result page says about the prototypes.
#[derive(Debug, Clone, PartialEq)]
pub enum PrototypeView<'a> {
    /// One prototype fits (one card), or two fit about equally well
    /// (`uncertain`, two cards, most likely first).
    Named {
        /// The cards, most likely first.
        cards: Vec<Card<'a>>,
        /// Whether the best one is below the model's uncertainty threshold.
        uncertain: bool,
    },
    /// The answers fit none of the descriptions well.
    NoneFits(Direction),
    /// Too few of the model's inputs were answered to compare.
    TooFewInputs {
        /// How many inputs the model needs.
        needed: usize,
        /// How many were answered.
        used: usize,
        /// How many inputs the model has.
        total: usize,
    },
}

/// The words for a strength id of the model.
pub fn strength_label<'a>(instrument: &'a Questionnaire, id: &str) -> Option<&'a Text> {
    instrument
        .model
        .strength
        .iter()
        .find(|level| level.id == id)
        .map(|level| &level.label)
}

/// The description of `prototype` to show ([`Prototype::description_for`]).
pub fn description(prototype: &Prototype, while_urgent: bool) -> &Text {
    prototype.description_for(while_urgent)
}

/// What the result page says about the prototypes, from the core's [`Fit`].
pub fn prototype_view<'a>(instrument: &'a Questionnaire, report: &Report) -> PrototypeView<'a> {
    let c = &report.classification;
    match &c.fit {
        Fit::Prototype {
            best,
            uncertain,
            closest,
            strength,
            while_urgent,
        } => {
            let shown: Vec<&String> = if *uncertain && !closest.is_empty() {
                closest.iter().collect()
            } else {
                vec![best]
            };
            let cards = shown
                .into_iter()
                .filter_map(|id| {
                    let prototype = instrument.prototype(id)?;
                    let probability = c.probability_of(id).unwrap_or(0.0);
                    let strength = if id == best {
                        strength_label(instrument, strength)
                    } else {
                        instrument
                            .model
                            .strength_for(probability)
                            .map(|level| &level.label)
                    };
                    Some(Card {
                        prototype,
                        probability,
                        strength,
                        description: description(prototype, *while_urgent),
                    })
                })
                .collect();
            PrototypeView::Named {
                cards,
                uncertain: *uncertain,
            }
        }
        Fit::NoneFits { direction } => PrototypeView::NoneFits(*direction),
        Fit::TooFewInputs { needed } => PrototypeView::TooFewInputs {
            needed: *needed,
            used: c.inputs_used,
            total: c.inputs_total,
        },
    }
}

/// One safety signal on the result page, with its contacts: in full the
/// first time a contact appears among the signals, as a short line (name and
/// number) when a signal above already showed it, so a long list of the same
/// cards does not push the rest of the page away.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalView<'a> {
    /// The rule.
    pub rule: &'a SafetyRule,
    /// Contacts not shown by an earlier signal.
    pub cards: Vec<&'a Contact>,
    /// Contacts an earlier signal already showed in full.
    pub repeated: Vec<&'a Contact>,
}

/// The report's signals, most urgent first, with their contacts split into
/// first showings and repeats.
pub fn signal_views<'a>(instrument: &'a Questionnaire, report: &Report) -> Vec<SignalView<'a>> {
    let mut shown: Vec<&str> = Vec::new();
    report
        .signals
        .iter()
        .filter_map(|id| instrument.safety_rule(id))
        .map(|rule| {
            let (mut cards, mut repeated) = (Vec::new(), Vec::new());
            for contact in rule.contacts.iter().filter_map(|id| instrument.contact(id)) {
                if shown.contains(&contact.id.as_str()) {
                    repeated.push(contact);
                } else {
                    shown.push(&contact.id);
                    cards.push(contact);
                }
            }
            SignalView {
                rule,
                cards,
                repeated,
            }
        })
        .collect()
}

/// The safety rules among the report's signals that asked for help for the
/// relative first (PINM's contra-indication), most urgent first; empty when
/// the report does not lead with that help.
pub fn help_first_rules<'a>(instrument: &'a Questionnaire, report: &Report) -> Vec<&'a SafetyRule> {
    if !report.help_for_yourself_first {
        return Vec::new();
    }
    report
        .signals
        .iter()
        .filter_map(|id| instrument.safety_rule(id))
        .filter(|rule| rule.help_for_yourself_first)
        .collect()
}

/// The contacts for "first, help for yourself": those of the signals that
/// asked for it, each once, in the order the signals name them. Only
/// contacts that exist in the instrument.
pub fn help_first_contacts<'a>(instrument: &'a Questionnaire, report: &Report) -> Vec<&'a Contact> {
    let mut contacts: Vec<&Contact> = Vec::new();
    for rule in help_first_rules(instrument, report) {
        for id in &rule.contacts {
            if let Some(contact) = instrument.contact(id) {
                if !contacts.iter().any(|c| c.id == contact.id) {
                    contacts.push(contact);
                }
            }
        }
    }
    contacts
}

/// The kinds of advice in the order the result page shows their sections.
pub const ADVICE_ORDER: [AdviceKind; 4] = [
    AdviceKind::Method,
    AdviceKind::Technique,
    AdviceKind::Tip,
    AdviceKind::Offer,
];

/// The report's advice of one kind, in instrument order.
pub fn advice_of_kind<'a>(
    instrument: &'a Questionnaire,
    report: &Report,
    kind: AdviceKind,
) -> Vec<&'a AdviceRule> {
    report
        .advice
        .iter()
        .filter_map(|id| instrument.advice_rule(id))
        .filter(|a| a.kind == kind)
        .collect()
}

/// Where each contact of the result page is shown in full: once, at the
/// first place in page order (the signals, then "first, help for
/// yourself", then the advice sections), so no card appears twice.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResultContacts<'a> {
    /// "First, help for yourself": the contacts the signals above did not show.
    pub help_first: Vec<&'a Contact>,
    /// Per advice id, the contacts not shown earlier on the page.
    pub advice: Vec<(&'a str, Vec<&'a Contact>)>,
    /// Every contact shown in full on the result page, in page order.
    pub shown: Vec<&'a str>,
}

impl<'a> ResultContacts<'a> {
    /// The contacts to show with an advice rule.
    pub fn of_advice(&self, id: &str) -> &[&'a Contact] {
        self.advice
            .iter()
            .find(|(a, _)| *a == id)
            .map(|(_, c)| c.as_slice())
            .unwrap_or(&[])
    }
}

/// Which contacts the result page shows where (see [`ResultContacts`]).
pub fn result_contacts<'a>(instrument: &'a Questionnaire, report: &Report) -> ResultContacts<'a> {
    let mut plan = ResultContacts::default();
    for view in signal_views(instrument, report) {
        plan.shown.extend(view.cards.iter().map(|c| c.id.as_str()));
    }
    for contact in help_first_contacts(instrument, report) {
        if !plan.shown.contains(&contact.id.as_str()) {
            plan.shown.push(&contact.id);
            plan.help_first.push(contact);
        }
    }
    for kind in ADVICE_ORDER {
        for rule in advice_of_kind(instrument, report, kind) {
            let mut cards = Vec::new();
            for contact in rule.contacts.iter().filter_map(|id| instrument.contact(id)) {
                if !plan.shown.contains(&contact.id.as_str()) {
                    plan.shown.push(&contact.id);
                    cards.push(contact);
                }
            }
            plan.advice.push((rule.id.as_str(), cards));
        }
    }
    plan
}

/// The contacts of the help panel that every questionnaire page can open:
/// the ones the instrument always shows, then those named by urgent safety
/// rules and by rules that put help for the relative first, each once.
pub fn help_contacts(instrument: &Questionnaire) -> Vec<&Contact> {
    let mut contacts: Vec<&Contact> = instrument
        .contacts
        .iter()
        .filter(|c| c.always_shown)
        .collect();
    let named = instrument
        .safety
        .iter()
        .filter(|rule| rule.level == SignalLevel::Urgent || rule.help_for_yourself_first)
        .flat_map(|rule| rule.contacts.iter())
        .filter_map(|id| instrument.contact(id));
    for contact in named {
        if !contacts.iter().any(|c| c.id == contact.id) {
            contacts.push(contact);
        }
    }
    contacts
}

/// The partner's offers that fit a result, in the partner's order (the
/// core decides what fits: [`LocalOffer::fits`]); none when the app is not
/// embedded or no offer fits.
pub fn partner_offers<'a>(
    config: &'a PartnerConfig,
    instrument: &Questionnaire,
    scored: &Scored,
) -> Vec<&'a LocalOffer> {
    config
        .local_offers
        .iter()
        .filter(|offer| offer.fits(instrument, scored))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use naastenmeter_core::instrument::SafetyRule;
    use naastenmeter_core::summary::Weight;
    use naastenmeter_core::{score, Answers, Scored};

    fn instrument() -> Questionnaire {
        crate::instrument::load().expect("the compiled-in instrument")
    }

    /// A report of the default instrument with every item at `value`.
    fn report_at(instrument: &Questionnaire, value: i32) -> Report {
        let mut answers = Answers::new();
        for item in &instrument.items {
            let rs = instrument
                .response_scale_of(&item.id)
                .expect("response scale");
            let (lo, hi) = rs.range().expect("range");
            answers.set(
                &item.id,
                naastenmeter_core::Answer::Value(value.clamp(lo, hi)),
            );
        }
        score(instrument, answers).expect("scores").report().clone()
    }

    fn named(instrument: &Questionnaire, report: &mut Report, uncertain: bool, while_urgent: bool) {
        let ids = instrument.class_prototypes();
        let (a, b) = (ids[0].to_string(), ids[1].to_string());
        report.classification.fit = Fit::Prototype {
            best: a.clone(),
            uncertain,
            closest: vec![a, b],
            strength: instrument.model.strength[0].id.clone(),
            while_urgent,
        };
    }

    #[test]
    fn one_card_with_the_strength_words_of_the_core() {
        let instrument = instrument();
        let mut report = report_at(&instrument, 0);
        named(&instrument, &mut report, false, false);
        let PrototypeView::Named { cards, uncertain } = prototype_view(&instrument, &report) else {
            panic!("named");
        };
        assert!(!uncertain);
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].prototype.id, instrument.class_prototypes()[0]);
        assert_eq!(cards[0].strength, Some(&instrument.model.strength[0].label));
        assert_eq!(cards[0].description, &cards[0].prototype.description);
    }

    #[test]
    fn uncertain_shows_the_two_closest_each_with_words() {
        let instrument = instrument();
        let mut report = report_at(&instrument, 0);
        named(&instrument, &mut report, true, false);
        let PrototypeView::Named { cards, uncertain } = prototype_view(&instrument, &report) else {
            panic!("named");
        };
        assert!(uncertain);
        assert_eq!(cards.len(), 2);
        assert!(cards.iter().all(|c| c.strength.is_some()));
    }

    #[test]
    fn the_urgent_description_replaces_the_ordinary_one_while_urgent() {
        let instrument = instrument();
        let mut prototype = instrument.prototypes[0].clone();
        let mut urgent = Text::new();
        urgent.insert("nl".into(), "anders".into());
        prototype.description_when_urgent = Some(urgent.clone());
        assert_eq!(description(&prototype, true), &urgent);
        assert_eq!(description(&prototype, false), &prototype.description);
        prototype.description_when_urgent = None;
        assert_eq!(description(&prototype, true), &prototype.description);
    }

    #[test]
    fn none_fits_and_too_few_inputs_name_no_prototype() {
        let instrument = instrument();
        let mut report = report_at(&instrument, 0);
        report.classification.fit = Fit::NoneFits {
            direction: Direction::Heavier,
        };
        assert_eq!(
            prototype_view(&instrument, &report),
            PrototypeView::NoneFits(Direction::Heavier)
        );
        let empty = score(&instrument, Answers::new()).expect("scores");
        match prototype_view(&instrument, empty.report()) {
            PrototypeView::TooFewInputs { needed, used, .. } => {
                assert_eq!(used, 0);
                assert!(needed >= 1);
            }
            other => panic!("expected too few inputs, got {other:?}"),
        }
    }

    #[test]
    fn help_first_uses_only_the_signals_that_asked_for_it_and_existing_contacts() {
        let mut raw = instrument().instrument().clone();
        let existing = raw.contacts[0].id.clone();
        // The first rule does not ask for help first; the added one does,
        // and names one contact twice.
        raw.safety[0].help_for_yourself_first = false;
        raw.safety.push(SafetyRule {
            help_for_yourself_first: true,
            contacts: vec![existing.clone(), existing.clone()],
            id: "own_crisis_test".into(),
            ..raw.safety[0].clone()
        });
        let instrument = Questionnaire::new(raw).expect("still valid");
        let mut report = report_at(&instrument, 0);
        report.signals = vec![instrument.safety[0].id.clone(), "own_crisis_test".into()];
        report.help_for_yourself_first = false;
        assert!(help_first_contacts(&instrument, &report).is_empty());
        report.help_for_yourself_first = true;
        let rules: Vec<&str> = help_first_rules(&instrument, &report)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(rules, ["own_crisis_test"]);
        let contacts: Vec<&str> = help_first_contacts(&instrument, &report)
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(contacts, [existing.as_str()]);
    }

    #[test]
    fn a_contact_is_shown_in_full_once_among_the_signals() {
        let instrument = instrument();
        let mut report = report_at(&instrument, 0);
        let with_contacts: Vec<&SafetyRule> = instrument
            .safety
            .iter()
            .filter(|r| !r.contacts.is_empty())
            .collect();
        report.signals = with_contacts.iter().map(|r| r.id.clone()).collect();
        let views = signal_views(&instrument, &report);
        assert_eq!(views.len(), with_contacts.len());
        let mut full: Vec<&str> = Vec::new();
        for view in &views {
            let named: Vec<&str> = view.rule.contacts.iter().map(String::as_str).collect();
            for c in &view.cards {
                assert!(!full.contains(&c.id.as_str()), "{} in full twice", c.id);
                full.push(&c.id);
            }
            for c in &view.repeated {
                assert!(
                    full.contains(&c.id.as_str()),
                    "{} repeated before shown",
                    c.id
                );
            }
            // Every contact of the rule appears, in one form or the other.
            assert_eq!(view.cards.len() + view.repeated.len(), named.len());
        }
    }

    #[test]
    fn the_help_panel_lists_the_always_shown_contacts_first_each_once() {
        let instrument = instrument();
        let contacts = help_contacts(&instrument);
        let always = instrument
            .contacts
            .iter()
            .filter(|c| c.always_shown)
            .count();
        assert!(always >= 1);
        assert!(contacts[..always].iter().all(|c| c.always_shown));
        for (i, c) in contacts.iter().enumerate() {
            assert!(
                !contacts[..i].iter().any(|d| d.id == c.id),
                "{} twice",
                c.id
            );
        }
        // Every contact of an urgent rule is in the panel.
        for rule in instrument
            .safety
            .iter()
            .filter(|r| r.level == SignalLevel::Urgent)
        {
            for id in &rule.contacts {
                assert!(contacts.iter().any(|c| &c.id == id), "{id} missing");
            }
        }
    }

    #[test]
    fn every_contact_of_a_crisis_result_is_shown_in_full_once() {
        let instrument = instrument();
        // The heaviest answers: every signal that scale answers can raise.
        let mut report = report_at(&instrument, 10);
        report.signals = instrument.safety.iter().map(|r| r.id.clone()).collect();
        report.help_for_yourself_first = true;
        report.advice = instrument.advice.iter().map(|a| a.id.clone()).collect();
        let plan = result_contacts(&instrument, &report);
        for (i, id) in plan.shown.iter().enumerate() {
            assert!(!plan.shown[..i].contains(id), "{id} in full twice");
        }
        let mut counted: Vec<&str> = Vec::new();
        for view in signal_views(&instrument, &report) {
            counted.extend(view.cards.iter().map(|c| c.id.as_str()));
        }
        counted.extend(plan.help_first.iter().map(|c| c.id.as_str()));
        for (_, cards) in &plan.advice {
            counted.extend(cards.iter().map(|c| c.id.as_str()));
        }
        assert_eq!(counted, plan.shown);
        // Every contact an advice names is shown somewhere on the page.
        for rule in &instrument.advice {
            for id in &rule.contacts {
                if instrument.contact(id).is_some() {
                    assert!(
                        plan.shown.contains(&id.as_str()),
                        "{id} of {} missing",
                        rule.id
                    );
                }
            }
        }
        // The signals' contacts are not repeated in "help for yourself".
        let signal_cards: Vec<&str> = signal_views(&instrument, &report)
            .iter()
            .flat_map(|v| v.cards.iter().map(|c| c.id.as_str()))
            .collect();
        assert!(plan
            .help_first
            .iter()
            .all(|c| !signal_cards.contains(&c.id.as_str())));
    }

    /// Calm answers (middle of each scale; wellbeing and safety items at
    /// their lowest) with `changes` on top, scored.
    fn scored_with(
        instrument: &Questionnaire,
        changes: &[(&str, naastenmeter_core::Answer)],
    ) -> Scored {
        let mut answers = Answers::new();
        for item in &instrument.items {
            let (lo, hi) = instrument
                .response_scale_of(&item.id)
                .and_then(|rs| rs.range())
                .expect("range");
            answers.set_value(&item.id, (lo + hi) / 2);
        }
        for id in ["w1", "w2", "w3", "w4", "death_thoughts", "unsafe"] {
            answers.set_value(id, 0);
        }
        for (id, answer) in changes {
            answers.set(id, answer.clone());
        }
        score(instrument, answers).expect("scores")
    }

    #[test]
    fn every_question_is_in_one_group_context_first_then_scales_then_the_rest() {
        use naastenmeter_core::Answer;
        let instrument = instrument();
        let scored = scored_with(
            &instrument,
            &[("relationship", Answer::Choice("partner".into()))],
        );
        let groups = answer_groups(&instrument, &scored);
        assert_eq!(groups.first().map(|g| g.kind), Some(GroupKind::Context));
        assert_eq!(groups.last().map(|g| g.kind), Some(GroupKind::Other));
        let scales: Vec<&str> = groups
            .iter()
            .filter_map(|g| match g.kind {
                GroupKind::Scale(s) => Some(s.id.as_str()),
                _ => None,
            })
            .collect();
        let instrument_scales: Vec<&str> =
            instrument.scales.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(scales, instrument_scales);
        // Every item and context question once, none twice.
        let mut shown: Vec<&str> = groups
            .iter()
            .flat_map(|g| g.answers.iter().map(|a| a.id))
            .collect();
        let mut asked: Vec<&str> = instrument.question_order().collect();
        shown.sort_unstable();
        asked.sort_unstable();
        assert_eq!(shown, asked);
        // Items outside the scales include the ratings and the safety items.
        let other = groups.last().expect("other");
        assert!(other.answers.iter().any(|a| a.id == "death_thoughts"));
        assert!(other.answers.iter().any(|a| a.id == "rate_heavy"));
        // A chosen option by its label; an unanswered question as skipped.
        let context = &groups[0];
        let relationship = context
            .answers
            .iter()
            .find(|a| a.id == "relationship")
            .expect("asked");
        let partner = &instrument
            .context_question("relationship")
            .expect("q")
            .options[0];
        assert_eq!(partner.id, "partner");
        assert_eq!(relationship.answer, Answered::Choices(vec![&partner.label]));
        let children = context
            .answers
            .iter()
            .find(|a| a.id == "children_home")
            .expect("asked");
        assert_eq!(children.answer, Answered::Skipped);
        // Nothing raised a signal.
        assert!(groups
            .iter()
            .all(|g| g.answers.iter().all(|a| a.signals.is_empty())));
        assert!(raised_signals(&instrument, &scored).is_empty());
    }

    #[test]
    fn an_item_answer_is_its_option_label_and_a_bare_number_is_out_of_its_maximum() {
        use naastenmeter_core::Answer;
        let instrument = instrument();
        let scored = scored_with(
            &instrument,
            &[("rate_heavy", Answer::Value(7)), ("e3", Answer::Value(4))],
        );
        let groups = answer_groups(&instrument, &scored);
        let line = |id: &str| {
            groups
                .iter()
                .flat_map(|g| g.answers.iter())
                .find(|a| a.id == id)
                .cloned()
                .expect("shown")
        };
        assert_eq!(
            line("rate_heavy").answer,
            Answered::Number { value: 7, max: 10 }
        );
        let e3 = instrument.response_scale_of("e3").expect("scale");
        let top = e3.options.iter().find(|o| o.value == 4).expect("option 4");
        assert_eq!(line("e3").answer, Answered::Option(&top.label));
        // The end of a 0-10 rating has words: its label is shown.
        let scored = scored_with(&instrument, &[("rate_heavy", Answer::Value(10))]);
        let groups = answer_groups(&instrument, &scored);
        let rate = groups
            .iter()
            .flat_map(|g| g.answers.iter())
            .find(|a| a.id == "rate_heavy")
            .expect("shown");
        assert!(
            matches!(rate.answer, Answered::Option(_)),
            "{:?}",
            rate.answer
        );
    }

    #[test]
    fn the_answers_that_raised_a_signal_are_marked_with_it() {
        use naastenmeter_core::Answer;
        let instrument = instrument();
        let scored = scored_with(
            &instrument,
            &[
                ("e3", Answer::Value(4)),
                ("w1", Answer::Value(1)),
                ("w2", Answer::Value(2)),
                ("unsafe", Answer::Value(1)),
            ],
        );
        let signals = raised_signals(&instrument, &scored);
        let ids: Vec<(&str, Vec<&str>)> = signals
            .iter()
            .map(|s| (s.rule.id.as_str(), s.answers.iter().map(|a| a.id).collect()))
            .collect();
        assert_eq!(
            ids,
            [
                ("no_way_out", vec!["e3", "w1", "w2"]),
                ("unsafe_once", vec!["unsafe"]),
                ("low_mood", vec!["w1", "w2"]),
            ]
        );
        let groups = answer_groups(&instrument, &scored);
        let marked: Vec<(&str, Vec<&str>)> = groups
            .iter()
            .flat_map(|g| g.answers.iter())
            .filter(|a| !a.signals.is_empty())
            .map(|a| (a.id, a.signals.iter().map(|r| r.id.as_str()).collect()))
            .collect();
        assert_eq!(
            marked,
            [
                // e3 is an item of a scale ("Vastzitten"); the rest are outside.
                ("e3", vec!["no_way_out"]),
                ("w1", vec!["no_way_out", "low_mood"]),
                ("w2", vec!["no_way_out", "low_mood"]),
                ("unsafe", vec!["unsafe_once"]),
            ]
        );
        // The answer lines of a signal carry the same marks.
        assert_eq!(signals[0].answers[0].signals.len(), 1);
    }

    #[test]
    fn a_signal_of_a_multiple_choice_names_only_the_options_that_raised_it() {
        use naastenmeter_core::Answer;
        let instrument = instrument();
        let behaviours = instrument.context_question("behaviours").expect("asked");
        let chosen = vec!["withdrawal".to_string(), "self_harm".to_string()];
        let scored = scored_with(&instrument, &[("behaviours", Answer::Choices(chosen))]);
        let signals = raised_signals(&instrument, &scored);
        let danger = signals
            .iter()
            .find(|s| s.rule.id == "loved_one_danger")
            .expect("raised");
        let self_harm = behaviours
            .options
            .iter()
            .find(|o| o.id == "self_harm")
            .expect("option");
        assert_eq!(danger.answers.len(), 1);
        assert_eq!(
            danger.answers[0].answer,
            Answered::Choices(vec![&self_harm.label])
        );
        // The full list of answers keeps both choices, marked with the signal.
        let groups = answer_groups(&instrument, &scored);
        let line = groups[0]
            .answers
            .iter()
            .find(|a| a.id == "behaviours")
            .expect("shown");
        assert!(matches!(&line.answer, Answered::Choices(labels) if labels.len() == 2));
        assert_eq!(line.signals.len(), 1);
    }

    #[test]
    fn the_chart_draws_each_scale_on_its_own_range_with_its_bands() {
        let instrument = instrument();
        let report = report_at(&instrument, 3);
        let rows = chart_scales(&instrument, &report);
        assert_eq!(rows.len(), instrument.scales.len());
        for row in &rows {
            assert_eq!(row.range, instrument.scale_range(row.scale));
            let (low, high) = row.range;
            assert!(low < high);
            // The bands cover the range from its low end to its high end.
            assert_eq!(row.stretches.first().map(|s| s.from), Some(low));
            assert_eq!(row.stretches.last().map(|s| s.to), Some(high));
            for pair in row.stretches.windows(2) {
                assert_eq!(pair[0].to, pair[1].from);
            }
            assert_eq!(row.stretches[0].weight, Weight::Light);
            assert_eq!(row.stretches.last().map(|s| s.weight), Some(Weight::Heavy));
            // The band named is the core's, and the score lies in it.
            let score = row.score.expect("every question answered");
            let band = row.band.expect("a band");
            assert_eq!(Some(band.id.as_str()), row.result.band.as_deref());
            assert_eq!(row.scale.band_for(score).map(|b| &b.id), Some(&band.id));
        }
        // Two scales of the default instrument have different ranges.
        let ranges: Vec<(f64, f64)> = rows.iter().map(|r| r.range).collect();
        assert!(ranges.windows(2).any(|w| w[0] != w[1]), "{ranges:?}");
    }

    #[test]
    fn the_chart_marks_only_the_description_the_core_names() {
        let instrument = instrument();
        let mut report = report_at(&instrument, 0);
        report.classification.fit = Fit::NoneFits {
            direction: Direction::Lighter,
        };
        assert!(chart_scales(&instrument, &report)
            .iter()
            .all(|row| row.typical.is_none()));
        named(&instrument, &mut report, true, false);
        let best = report.classification.best().expect("named").to_string();
        let rows = chart_scales(&instrument, &report);
        for row in &rows {
            let typical = row.typical.as_ref().expect("a typical score per scale");
            assert_eq!(typical.prototype.id, best);
            let expected = instrument.typical_score(&best, row.scale).expect("mean");
            assert_eq!(typical.score, expected.clamp(row.range.0, row.range.1));
        }
    }

    #[test]
    fn a_scale_with_too_few_answers_has_no_score_and_no_band_in_the_chart() {
        let instrument = instrument();
        let empty = score(&instrument, Answers::new()).expect("scores");
        for row in chart_scales(&instrument, empty.report()) {
            assert_eq!(row.score, None);
            assert_eq!(row.band, None);
            assert!(!row.stretches.is_empty());
        }
    }
}
