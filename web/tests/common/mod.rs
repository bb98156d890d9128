//! Helpers shared by the web app's native tests.
#![allow(dead_code)] // Each test file uses a different subset.

/// The earlier published versions' binary files, as `web/build.sh` writes
/// them and the app fetches them, in `PUBLISHED`'s order.
pub fn published_files() -> Vec<Result<Vec<u8>, String>> {
    naastenmeter_web::instrument::PUBLISHED
        .iter()
        .map(|published| {
            let name = published.file.trim_end_matches(".bin");
            let path = format!(
                "{}/../instruments/published/{name}.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let json = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
            let questionnaire =
                naastenmeter_core::load_instrument(&json).map_err(|e| e.to_string())?;
            naastenmeter_core::binary::encode_instrument(questionnaire.instrument())
                .map_err(|e| e.to_string())
        })
        .collect()
}
