//! Build step: checks the instrument the app ships and converts it to the
//! core's compact binary form, so the app carries no JSON parser for it and
//! a broken instrument fails the build instead of reaching a relative.

use std::path::Path;

/// The questionnaire the app asks. To ship another one, change this path.
const INSTRUMENT: &str = "../instruments/naastenmeter-v1.json";

fn main() {
    println!("cargo:rerun-if-changed={INSTRUMENT}");
    let json =
        std::fs::read(INSTRUMENT).unwrap_or_else(|e| panic!("cannot read {INSTRUMENT}: {e}"));
    let instrument =
        naastenmeter_core::load_instrument(&json).unwrap_or_else(|e| panic!("{INSTRUMENT}: {e}"));
    let bytes = naastenmeter_core::binary::encode_instrument(&instrument);
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("instrument.bin"), bytes).expect("OUT_DIR is writable");
}
