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

fn replay(folder: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz")
        .join(folder);
    let mut count = 0;
    for (target, check) in TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
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
    }
    count
}

#[test]
fn the_fuzz_corpus_passes_every_check() {
    let count = replay("corpus");
    assert!(
        count >= 20,
        "expected the committed corpus, found {count} inputs"
    );
}

#[test]
fn inputs_that_once_crashed_stay_fixed() {
    replay("regressions");
}
