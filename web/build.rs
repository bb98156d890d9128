//! Build step: checks the instrument the app ships and converts it to the
//! core's compact binary form, so the app carries no JSON parser for it and
//! a broken instrument fails the build instead of reaching a relative.
//!
//! The app ships `instruments/naastenmeter-v1.json` unless the environment
//! variable `NAASTENMETER_INSTRUMENT` names another instrument file: that is
//! how an institution builds the app around its own questionnaire or model
//! (`NAASTENMETER_INSTRUMENT=/path/to/ours.json web/build.sh`).

use std::path::{Path, PathBuf};

/// The questionnaire the app asks when no other is named.
const DEFAULT_INSTRUMENT: &str = "../instruments/naastenmeter-v1.json";

fn main() {
    println!("cargo:rerun-if-env-changed=NAASTENMETER_INSTRUMENT");
    let path = match std::env::var_os("NAASTENMETER_INSTRUMENT") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(DEFAULT_INSTRUMENT),
    };
    println!("cargo:rerun-if-changed={}", path.display());
    let json =
        std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let instrument = naastenmeter_core::load_instrument(&json)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = naastenmeter_core::binary::encode_instrument(instrument.instrument())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // Its SHA-256, which the app checks before reading the bytes without
    // validating them again (web/src/instrument.rs).
    let sha256 = format!(
        "/// The SHA-256 of instrument.bin (made by build.rs).\n\
         const INSTRUMENT_SHA256: &str = {:?};\n",
        naastenmeter_core::digest::sha256_hex(&bytes)
    );
    std::fs::write(Path::new(&out).join("instrument.bin"), bytes).expect("OUT_DIR is writable");
    std::fs::write(Path::new(&out).join("instrument_sha256.rs"), sha256)
        .expect("OUT_DIR is writable");
    let table = published_table(&instrument);
    std::fs::write(Path::new(&out).join("published.rs"), table).expect("OUT_DIR is writable");
}

/// The list of published versions of the default instrument.
const PUBLISHED_INDEX: &str = "../instruments/published/index.json";

/// The earlier published versions of the shipped instrument, as a Rust
/// table (`web/src/instrument.rs` includes it): version, the content hash
/// their exports carry, the binary file `web/build.sh` writes for them, and
/// that file's SHA-256, which the app checks after loading it. Empty for an
/// instrument with another id (an institution's own has its own history).
fn published_table(shipped: &naastenmeter_core::Questionnaire) -> String {
    println!("cargo:rerun-if-changed={PUBLISHED_INDEX}");
    let index_path = Path::new(PUBLISHED_INDEX);
    let text = std::fs::read(index_path).unwrap_or_else(|e| panic!("{PUBLISHED_INDEX}: {e}"));
    let index = naastenmeter_core::versions::PublishedIndex::parse(&text)
        .unwrap_or_else(|e| panic!("{PUBLISHED_INDEX}: {e}"));
    let mut table = String::from(
        "/// Earlier published versions of the shipped instrument (made by build.rs).\n\
         pub const PUBLISHED: &[Published] = &[\n",
    );
    if shipped.id == "naastenmeter" {
        for entry in &index.versions {
            if entry.content_hash == shipped.content_hash() {
                continue;
            }
            let path = index_path.parent().expect("a folder").join(&entry.file);
            println!("cargo:rerun-if-changed={}", path.display());
            let json = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let earlier = naastenmeter_core::load_instrument(&json)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let bytes = naastenmeter_core::binary::encode_instrument(earlier.instrument())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            table.push_str(&format!(
                "    Published {{ version: {:?}, content_hash: {:?}, file: \"naastenmeter-{}.bin\", sha256: {:?} }},\n",
                entry.version,
                entry.content_hash,
                entry.version,
                naastenmeter_core::digest::sha256_hex(&bytes),
            ));
        }
    }
    table.push_str("];\n");
    table
}
