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
    std::fs::write(Path::new(&out).join("instrument.bin"), bytes).expect("OUT_DIR is writable");
}
