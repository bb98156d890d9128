//! Writes the synthetic benchmark set as CSV: 100,000 respondents x 20 items
//! x 5 categories (coded 1..5, as poLCA expects) drawn from a 4-class latent
//! class model with the crate's own simulator, so every tool in
//! `bench/run.sh` reads the very same answers.
//!
//! Usage: `cargo run --release -p naastenmeter-estimate --example synthetic
//! -- OUT.csv [ROWS]`

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use naastenmeter_core::instrument::{ClassModel, LatentClass};
use naastenmeter_estimate::{simulate_categorical, Rng};

/// Items, categories per item and classes of the benchmark model.
const ITEMS: usize = 20;
const CATEGORIES: usize = 5;
const SHARES: [f64; 4] = [0.4, 0.3, 0.2, 0.1];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: synthetic OUT.csv [ROWS]");
        return ExitCode::from(2);
    };
    let rows = match args.get(1).map(|r| r.parse::<usize>()) {
        None => 100_000,
        Some(Ok(r)) if r > 0 => r,
        Some(_) => {
            eprintln!("ROWS must be a positive whole number");
            return ExitCode::from(2);
        }
    };
    let mut rng = Rng::new(2024);
    // Response probabilities drawn per class and item: uniform weights
    // raised to the third power make some categories clearly likelier than
    // others, so the classes are well separated but not trivially so.
    let classes = SHARES
        .iter()
        .enumerate()
        .map(|(k, share)| LatentClass {
            prototype: format!("class{}", k + 1),
            share: *share,
            probabilities: (0..ITEMS)
                .map(|_| {
                    let w: Vec<f64> = (0..CATEGORIES)
                        .map(|_| rng.uniform().powi(3) + 0.01)
                        .collect();
                    let sum: f64 = w.iter().sum();
                    w.iter().map(|x| x / sum).collect()
                })
                .collect(),
        })
        .collect();
    let model = ClassModel {
        items: (1..=ITEMS).map(|j| format!("I{j}")).collect(),
        classes,
    };
    let data = match simulate_categorical(&model, rows, 0.0, &mut rng) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("cannot simulate: {e}");
            return ExitCode::from(1);
        }
    };
    let mut text = model.items.join(",");
    text.push('\n');
    for i in 0..data.rows() {
        for (j, code) in data.row(i).iter().enumerate() {
            let sep = if j + 1 == ITEMS { '\n' } else { ',' };
            let _ = write!(text, "{}{sep}", code + 1);
        }
    }
    let written = std::fs::File::create(out).and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written {
        eprintln!("cannot write `{out}`: {e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
