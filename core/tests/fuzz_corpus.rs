//! Replays the fuzz corpus (`fuzz/corpus/<target>/`) and every input that
//! once crashed a fuzz target (`fuzz/regressions/<target>/`) through the same
//! checks the fuzz targets run, so CI keeps every bug found fixed without
//! running the fuzzer itself.

#[allow(dead_code)] // Shared with the fuzz targets; every check is used here.
#[path = "../../fuzz/checks.rs"]
mod checks;

use std::path::Path;

type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 5] = [
    ("instrument", checks::check_instrument),
    ("answers", checks::check_answers),
    ("report_import", checks::check_report_import),
    ("share_code", checks::check_share_code),
    ("fhir_csv_import", checks::check_fhir_csv_import),
];

/// Replays every file of `fuzz/<folder>/<target>/` and returns how many
/// inputs each target had. A missing target folder fails: the test must not
/// pass because its inputs are gone.
fn replay(folder: &str) -> Vec<(&'static str, usize)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz")
        .join(folder);
    let mut counts = Vec::new();
    for (target, check) in TARGETS {
        let dir = root.join(target);
        let entries =
            std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{} is missing: {e}", dir.display()));
        let mut count = 0;
        for entry in entries {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(
                outcome.is_ok(),
                "fuzz input {} fails its check",
                path.display()
            );
            count += 1;
        }
        counts.push((target, count));
    }
    counts
}

#[test]
fn the_fuzz_corpus_passes_every_check() {
    // Each target's committed corpus holds over a hundred minimised inputs.
    for (target, count) in replay("corpus") {
        assert!(
            count >= 100,
            "fuzz/corpus/{target}: expected the committed corpus, found {count} inputs"
        );
    }
}

#[test]
fn inputs_that_once_failed_stay_fixed() {
    // At least the inputs committed with their fixes (fuzz/regressions/README.md).
    for (target, count) in replay("regressions") {
        assert!(
            count >= 1,
            "fuzz/regressions/{target}: expected the committed inputs, found none"
        );
    }
}
