//! Share codes: version 2 codes round-trip answers and the day, fit in 44
//! characters for the default instrument, and refuse typos and codes of
//! other questionnaires; version 1 codes handed out earlier still read.

mod common;

use naastenmeter_core::export::share;
use naastenmeter_core::instrument::ChoiceKind;
use naastenmeter_core::{load_instrument, score, Answers, Questionnaire, Scored, ShareCodeError};
use proptest::prelude::*;

/// A version 1 code of the test instrument's sample answers ([`sample`]),
/// written by the version 1 encoder before version 2 replaced it.
const V1_TEST_INSTRUMENT: &str = "06CW-FDCW-YM29-4J94-J924-Y6P3-WW";

/// A version 1 code of the default instrument's [`v1_default_answers`],
/// written by the version 1 encoder before version 2 replaced it.
const V1_DEFAULT: &str = "058P-WME4-G0A1-6DPV-DRDP-3DPV-DPVD-PVDP-VDPV-DPVD-P1HZ-ATB6";

/// The longest code allowed for the default instrument, dashes not counted.
const MAX_DEFAULT_CHARS: usize = 44;

/// The Crockford base32 alphabet codes are written in.
const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The default instrument, as the app ships it.
fn default_instrument() -> Questionnaire {
    load_instrument(include_bytes!("../../instruments/naastenmeter-v1.json")).unwrap()
}

/// Version 1.2.0 of the default instrument, which [`V1_DEFAULT`] was made
/// with (the code's check covers the instrument's content hash).
fn default_instrument_1_2_0() -> Questionnaire {
    load_instrument(include_bytes!(
        "../../instruments/published/naastenmeter-1.2.0.json"
    ))
    .unwrap()
}

/// The answers [`V1_DEFAULT`] was made from.
fn v1_default_answers(ins: &Questionnaire) -> Answers {
    let mut answers = common::all_items_at(ins, 2);
    answers.clear(&ins.items[3].id);
    answers.set_choice("relationship", "sibling");
    answers.set_choice("unsafe_now", "no");
    answers.set_choices("behaviours", &["mood_swings", "self_harm"]);
    answers
}

/// Answers from one number per question, in the order asked: 0 skips it,
/// otherwise it picks an option (or, for a multiple-choice question, the
/// set of options in its bits; 1 answers it with none chosen).
fn answers_from(ins: &Questionnaire, picks: &[u32]) -> Answers {
    let mut answers = Answers::new();
    for (id, pick) in ins.question_order().zip(picks) {
        let Some(pick) = pick.checked_sub(1) else {
            continue;
        };
        if let Some(rs) = ins.response_scale_of(id) {
            answers.set_value(id, rs.options[pick as usize % rs.options.len()].value);
        } else if let Some(q) = ins.context_question(id) {
            match q.choice {
                ChoiceKind::Single => {
                    answers.set_choice(id, &q.options[pick as usize % q.options.len()].id);
                }
                ChoiceKind::Multiple => {
                    let chosen: Vec<&str> = q
                        .options
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i < &32 && (pick >> i) & 1 == 1)
                        .map(|(_, o)| o.id.as_str())
                        .collect();
                    answers.set_choices(id, &chosen);
                }
            }
        }
    }
    answers
}

/// Every question answered: items and single choices with their last
/// option, multiple choices with every option.
fn all_answered(ins: &Questionnaire) -> Answers {
    answers_from(ins, &vec![u32::MAX; ins.question_order().count()])
}

/// Scores answers and stamps them with a time.
fn scored(ins: &Questionnaire, answers: Answers, created: Option<&str>) -> Scored {
    score(ins, answers)
        .unwrap()
        .made_at(created.map(Into::into))
}

/// Characters of a code, dashes not counted.
fn length(code: &str) -> usize {
    code.chars().filter(|c| *c != '-').count()
}

#[test]
fn default_instrument_code_fits_in_44_characters() {
    let ins = default_instrument();
    let full = scored(&ins, all_answered(&ins), Some("2115-09-18T23:59:59Z"));
    assert_eq!(full.answers().len(), ins.question_order().count());
    let code = share::encode_share_code(&ins, &full);
    println!(
        "default instrument, every question answered, with a date: {} characters ({} with dashes): {code}",
        length(&code),
        code.len()
    );
    assert!(length(&code) <= MAX_DEFAULT_CHARS, "{code}");
    // The length is fixed per instrument: fewer answers and no date do not
    // make it shorter, so a missing character is always noticed.
    let empty = share::encode_share_code(&ins, &scored(&ins, Answers::new(), None));
    assert_eq!(empty.len(), code.len());
    // Groups of four, digits and capitals only.
    assert!(code.split('-').all(|group| group.len() <= 4));
    assert!(code.chars().all(|c| c == '-' || ALPHABET.contains(c)));
    // Version 2 codes start with their marker; version 1 codes with 0.
    assert!(code.starts_with('2'));
    assert!(V1_DEFAULT.starts_with('0') && V1_TEST_INSTRUMENT.starts_with('0'));
}

#[test]
fn all_answered_round_trips_with_the_day() {
    let ins = default_instrument();
    let full = scored(&ins, all_answered(&ins), Some("2026-11-23T10:00:00Z"));
    let code = share::encode_share_code(&ins, &full);
    let back = share::decode_share_code(&ins, &code).unwrap();
    assert_eq!(back.answers(), full.answers());
    assert_eq!(back.report(), full.report());
    assert_eq!(back.created(), Some("2026-11-23"));
    assert_eq!(back, full.clone().made_at(Some("2026-11-23".into())));
    // Lower case, spaces and look-alike letters are forgiven.
    let relaxed = code
        .to_lowercase()
        .replace('-', " ")
        .replace('1', "l")
        .replace('0', "o");
    assert_eq!(share::decode_share_code(&ins, &relaxed).unwrap(), back);
    let relaxed = code.replace('1', "I").replace('-', "");
    assert_eq!(share::decode_share_code(&ins, &relaxed).unwrap(), back);
}

#[test]
fn every_question_skipped_round_trips_without_a_day() {
    for ins in [default_instrument(), common::instrument()] {
        let empty = scored(&ins, Answers::new(), None);
        let code = share::encode_share_code(&ins, &empty);
        let back = share::decode_share_code(&ins, &code).unwrap();
        assert_eq!(back.answers(), &Answers::new());
        assert_eq!(back.created(), None);
        assert_eq!(back, empty);
    }
}

#[test]
fn answered_with_none_chosen_stays_apart_from_skipped() {
    let ins = default_instrument();
    let mut answers = Answers::new();
    answers.set_choices("behaviours", &[]);
    let code = share::encode_share_code(&ins, &scored(&ins, answers.clone(), None));
    let back = share::decode_share_code(&ins, &code).unwrap();
    assert_eq!(back.answers(), &answers);
}

#[test]
fn days_in_range_round_trip_and_others_are_left_out() {
    let ins = common::instrument();
    for (created, day) in [
        ("2026-01-01T00:00:00Z", Some("2026-01-01")),
        ("2028-02-29T12:00:00+01:00", Some("2028-02-29")),
        ("2026-11-23", Some("2026-11-23")),
        ("2115-09-18T08:00:00Z", Some("2115-09-18")),
        // Before Naastenmeter, after what the code holds, or no real date.
        ("2025-12-31T23:59:59Z", None),
        ("2115-09-19T00:00:00Z", None),
        ("2027-02-29T00:00:00Z", None),
        ("yesterday", None),
        ("", None),
    ] {
        let code =
            share::encode_share_code(&ins, &scored(&ins, common::sample(&ins), Some(created)));
        let back = share::decode_share_code(&ins, &code).unwrap();
        assert_eq!(back.created(), day, "{created}");
        assert_eq!(back.answers(), &common::sample(&ins));
    }
}

#[test]
fn a_mistyped_missing_or_swapped_character_is_refused() {
    for ins in [default_instrument(), common::instrument()] {
        let answers = answers_from(&ins, &[3, 0, 7, 1, 2, 5, 0, 4, 9, 6, 2]);
        let code = share::encode_share_code(&ins, &scored(&ins, answers, Some("2026-05-04")));
        let chars: Vec<char> = code.chars().filter(|c| *c != '-').collect();
        let text = |chars: &[char]| chars.iter().collect::<String>();
        assert!(share::decode_share_code(&ins, &text(&chars)).is_ok());
        for i in 0..chars.len() {
            let mut missing = chars.clone();
            missing.remove(i);
            assert!(
                share::decode_share_code(&ins, &text(&missing)).is_err(),
                "missing character {i} went unnoticed"
            );
            let mut extra = chars.clone();
            extra.insert(i, 'K');
            assert!(
                share::decode_share_code(&ins, &text(&extra)).is_err(),
                "extra character at {i} went unnoticed"
            );
            for replacement in ALPHABET.chars().filter(|c| *c != chars[i]) {
                let mut typo = chars.clone();
                typo[i] = replacement;
                assert!(
                    share::decode_share_code(&ins, &text(&typo)).is_err(),
                    "typo at {i} ({replacement}) went unnoticed"
                );
            }
            if i + 1 < chars.len() && chars[i] != chars[i + 1] {
                let mut swapped = chars.clone();
                swapped.swap(i, i + 1);
                assert!(
                    share::decode_share_code(&ins, &text(&swapped)).is_err(),
                    "swap at {i} went unnoticed"
                );
            }
        }
        // After the marker, a typo is told as one or as another questionnaire.
        let mut typo = chars.clone();
        typo[5] = if typo[5] == 'A' { 'B' } else { 'A' };
        assert_eq!(
            share::decode_share_code(&ins, &text(&typo)).unwrap_err(),
            ShareCodeError::MistypedOrOtherInstrument
        );
    }
}

#[test]
fn a_code_of_another_questionnaire_or_version_is_refused() {
    let ins = common::instrument();
    let code = share::encode_share_code(&ins, &scored(&ins, common::sample(&ins), None));
    // Another version of the same questions: the same length, another check.
    let mut newer = ins.instrument().clone();
    newer.version = "0.2.0".into();
    let newer = Questionnaire::new(newer).unwrap();
    assert_eq!(
        share::encode_share_code(&newer, &scored(&newer, common::sample(&newer), None)).len(),
        code.len()
    );
    for other in [newer, common::class_instrument(), default_instrument()] {
        assert_eq!(
            share::decode_share_code(&other, &code).unwrap_err(),
            ShareCodeError::MistypedOrOtherInstrument
        );
    }
}

#[test]
fn version_1_codes_still_read() {
    let ins = common::instrument();
    let back = share::decode_share_code(&ins, V1_TEST_INSTRUMENT).unwrap();
    assert_eq!(back, score(&ins, common::sample(&ins)).unwrap());
    assert_eq!(back.created(), None);

    let default = default_instrument_1_2_0();
    let back = share::decode_share_code(&default, V1_DEFAULT).unwrap();
    assert_eq!(back, score(&default, v1_default_answers(&default)).unwrap());
    // Read as before: forgiving, and naming another questionnaire as such.
    let relaxed = V1_DEFAULT
        .to_lowercase()
        .replace('0', "o")
        .replace('-', " ");
    assert_eq!(share::decode_share_code(&default, &relaxed).unwrap(), back);
    assert_eq!(
        share::decode_share_code(&ins, V1_DEFAULT).unwrap_err(),
        ShareCodeError::OtherInstrument
    );
    let typo = V1_DEFAULT.replacen("WME4", "WME5", 1);
    assert_eq!(
        share::decode_share_code(&default, &typo).unwrap_err(),
        ShareCodeError::Mistyped
    );
    // Re-encoding writes version 2, without a date.
    let again = share::encode_share_code(&default, &back);
    assert!(again.starts_with('2'));
    assert_eq!(share::decode_share_code(&default, &again).unwrap(), back);
}

#[test]
fn errors_say_what_is_wrong() {
    let ins = common::instrument();
    assert_eq!(
        share::decode_share_code(&ins, " - ").unwrap_err(),
        ShareCodeError::Empty
    );
    assert_eq!(
        share::decode_share_code(&ins, "ABCD-E*FG").unwrap_err(),
        ShareCodeError::BadCharacter {
            position: 6,
            character: '*'
        }
    );
    assert_eq!(
        share::decode_share_code(&ins, "ABCD-EFGH").unwrap_err(),
        ShareCodeError::Mistyped
    );
    assert_eq!(
        share::decode_share_code(&ins, "3BCD-EFGH").unwrap_err(),
        ShareCodeError::UnknownVersion(3)
    );
    assert_eq!(
        share::decode_share_code(&ins, "2BCD-EFGH").unwrap_err(),
        ShareCodeError::MistypedOrOtherInstrument
    );
    let long = "A".repeat(5000);
    assert!(matches!(
        share::decode_share_code(&ins, &long),
        Err(ShareCodeError::TooLong { .. })
    ));
    // The messages stay plain.
    let message = ShareCodeError::MistypedOrOtherInstrument.to_string();
    assert!(message.contains("typing error"), "{message}");
    assert!(message.contains("another questionnaire"), "{message}");
}

#[test]
fn a_multiple_choice_question_with_many_options_round_trips() {
    // Past 30 options the mask takes several digits; no real questionnaire
    // asks that many, but a valid instrument may.
    let mut instrument = common::instrument().instrument().clone();
    let question = instrument
        .context_questions
        .iter_mut()
        .find(|q| q.id == "behaviours")
        .unwrap();
    let template = question.options[0].clone();
    for i in 0..70 {
        let mut option = template.clone();
        option.id = format!("extra_{i}");
        question.options.push(option);
    }
    let ins = Questionnaire::new(instrument).unwrap();
    for chosen in [
        vec![],
        vec!["substances", "extra_26", "extra_27", "extra_69"],
        vec!["extra_0"],
    ] {
        let mut answers = common::sample(&ins);
        answers.set_choices("behaviours", &chosen);
        let code = share::encode_share_code(&ins, &scored(&ins, answers.clone(), None));
        assert_eq!(
            share::decode_share_code(&ins, &code).unwrap().answers(),
            &answers
        );
    }
    let mut answers = common::sample(&ins);
    answers.clear("behaviours");
    let code = share::encode_share_code(&ins, &scored(&ins, answers.clone(), None));
    assert_eq!(
        share::decode_share_code(&ins, &code).unwrap().answers(),
        &answers
    );
}

/// A day from its year, month and day of month (up to 28, so always real).
fn day_text(year: u32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_answers_and_days_round_trip(
        picks in proptest::collection::vec(any::<u32>(), 60),
        skips in proptest::collection::vec(any::<bool>(), 60),
        day in proptest::option::of((2026u32..=2114, 1u32..=12, 1u32..=28)),
        default in any::<bool>(),
    ) {
        let ins = if default { default_instrument() } else { common::instrument() };
        let picks: Vec<u32> = picks
            .iter()
            .zip(&skips)
            .map(|(pick, skip)| if *skip { 0 } else { pick.saturating_add(1) })
            .collect();
        let answers = answers_from(&ins, &picks);
        let day = day.map(|(y, m, d)| day_text(y, m, d));
        let created = day.as_ref().map(|d| format!("{d}T12:34:56Z"));
        let original = scored(&ins, answers.clone(), created.as_deref());
        let code = share::encode_share_code(&ins, &original);
        let back = share::decode_share_code(&ins, &code).unwrap();
        prop_assert_eq!(back.answers(), &answers);
        prop_assert_eq!(back.report(), original.report());
        prop_assert_eq!(back.created(), day.as_deref());
        if default {
            prop_assert!(length(&code) <= MAX_DEFAULT_CHARS);
        }
    }
}

#[test]
fn a_share_link_carries_the_code_in_the_fragment_and_reads_back() {
    use naastenmeter_core::export::share::{code_in_fragment, share_link};
    let link = share_link("https://naastenmeter.nl/app/#old", "2ABC-DEFG-H");
    assert_eq!(link, "https://naastenmeter.nl/app/#professional=2ABCDEFGH");
    let fragment = &link[link.find('#').unwrap()..];
    assert_eq!(code_in_fragment(fragment), Some("2ABCDEFGH"));
    assert_eq!(code_in_fragment("#professional"), None);
    assert_eq!(code_in_fragment("#professional="), None);
    assert_eq!(code_in_fragment("#other=2ABC"), None);
}
