//! Timing of the core's hot paths, runnable natively and as WebAssembly:
//!
//! ```sh
//! cargo run --release -p naastenmeter-core --example bench_scoring
//! scripts/bench-core.sh   # native and wasm (Node.js WASI) side by side
//! ```
//!
//! It measures (1) scoring and classifying one respondent of the default
//! instrument, answered in full, and (2) loading and validating an instrument
//! of 60 items. Each figure is the median of 15 batches, so one slow batch
//! (another process on the machine) does not move it.

use std::hint::black_box;
use std::time::Instant;

use naastenmeter_core::{load_instrument, score, Answers, Questionnaire};
use serde_json::{json, Value};

const DEFAULT_INSTRUMENT: &str = include_str!("../../instruments/naastenmeter-v1.json");

/// Median time per call in microseconds over `batches` batches of `per_batch` calls.
fn median_micros(batches: usize, per_batch: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / per_batch as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Every item answered (cycling through the options), every context question answered.
fn full_answers(instrument: &Questionnaire) -> Answers {
    let mut answers = Answers::new();
    for (i, item) in instrument.items.iter().enumerate() {
        let rs = instrument
            .response_scale_of(&item.id)
            .expect("valid instrument");
        answers.set_value(&item.id, rs.options[i % rs.options.len()].value);
    }
    for question in &instrument.context_questions {
        let first = question.options[0].id.as_str();
        match question.choice {
            naastenmeter_core::instrument::ChoiceKind::Single => {
                answers.set_choice(&question.id, first)
            }
            naastenmeter_core::instrument::ChoiceKind::Multiple => {
                answers.set_choices(&question.id, &[first])
            }
        }
    }
    answers
}

/// The default instrument grown to `count` items by adding burden items.
fn instrument_with_items(count: usize) -> Vec<u8> {
    let mut value: Value =
        serde_json::from_str(DEFAULT_INSTRUMENT).expect("default instrument is JSON");
    let template = value["items"][0].clone();
    let mut n = 0;
    while value["items"].as_array().map_or(0, Vec::len) < count {
        n += 1;
        let id = format!("extra_{n}");
        let mut item = template.clone();
        item["id"] = json!(id);
        value["items"].as_array_mut().expect("items").push(item);
        value["scales"][0]["items"]
            .as_array_mut()
            .expect("scale items")
            .push(json!(id));
        value["sections"][0]["questions"]
            .as_array_mut()
            .expect("questions")
            .push(json!(id));
    }
    serde_json::to_vec(&value).expect("serialisable")
}

fn main() {
    let instrument =
        load_instrument(DEFAULT_INSTRUMENT.as_bytes()).expect("default instrument is valid");
    let answers = full_answers(&instrument);
    let report = score(&instrument, answers.clone()).expect("answers fit");
    assert_eq!(
        report.classification.inputs_used,
        report.classification.inputs_total
    );

    // `score` takes the answers by value (the result keeps them), so each
    // round clones them; the clone is part of what a caller pays.
    let scoring = median_micros(15, 2_000, || {
        black_box(score(black_box(&instrument), black_box(answers.clone())).ok());
    });
    let bytes = instrument_with_items(60);
    let loaded = load_instrument(&bytes).expect("grown instrument is valid");
    assert_eq!(loaded.items.len(), 60);
    let loading = median_micros(15, 50, || {
        black_box(load_instrument(black_box(&bytes)).ok());
    });
    // The worst file under the size limit: as many items as fit in 2 MiB.
    let oversized = instrument_with_items(4_000);
    assert!(
        oversized.len() <= naastenmeter_core::MAX_INSTRUMENT_BYTES,
        "{}",
        oversized.len()
    );
    assert!(load_instrument(&oversized).is_err());
    let rejecting = median_micros(5, 3, || {
        black_box(load_instrument(black_box(&oversized)).ok());
    });
    println!(
        "score + classify one respondent ({} items answered): {scoring:.2} µs",
        answers.len()
    );
    println!(
        "load + validate an instrument of 60 items ({} KB): {loading:.1} µs",
        bytes.len() / 1024
    );
    println!(
        "reject an instrument of 4,000 items ({} KB, just under the size limit): {:.1} ms",
        oversized.len() / 1024,
        rejecting / 1000.0
    );
}
