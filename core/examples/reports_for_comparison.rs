//! Prints reports for a fixed set of answer sets, one JSON line each, so that
//! the native and the WebAssembly build can be compared byte for byte:
//!
//! ```sh
//! scripts/compare-native-wasm.sh
//! ```
//!
//! The answer sets are deterministic (a small linear congruential generator),
//! cover both test instruments and the default instrument, and include
//! skipped items.

use naastenmeter_core::instrument::ChoiceKind;
use naastenmeter_core::{load_instrument, score, Answers, Questionnaire};

const INSTRUMENTS: [&str; 3] = [
    include_str!("../../tests/data/test-instrument.json"),
    include_str!("../../tests/data/test-instrument-classes.json"),
    include_str!("../../instruments/naastenmeter-v1.json"),
];

/// Deterministic pseudo-random numbers (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

fn random_answers(instrument: &Questionnaire, rng: &mut Lcg) -> Answers {
    let mut answers = Answers::new();
    for item in &instrument.items {
        let options = &instrument
            .response_scale_of(&item.id)
            .expect("valid")
            .options;
        if rng.next(5) > 0 {
            answers.set_value(&item.id, options[rng.next(options.len())].value);
        }
    }
    for question in &instrument.context_questions {
        let pick = &question.options[rng.next(question.options.len())].id;
        match question.choice {
            ChoiceKind::Single => answers.set_choice(&question.id, pick),
            ChoiceKind::Multiple => answers.set_choices(&question.id, &[pick.as_str()]),
        }
    }
    answers
}

fn main() {
    let mut rng = Lcg(2026);
    for text in INSTRUMENTS {
        let instrument = load_instrument(text.as_bytes()).expect("valid instrument");
        println!("{}", instrument.content_hash());
        for _ in 0..200 {
            let answers = random_answers(&instrument, &mut rng);
            let scored = score(&instrument, answers).expect("answers fit");
            println!(
                "{}",
                serde_json::to_string(scored.report()).expect("serialisable")
            );
        }
    }
}
