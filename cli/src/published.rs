//! The earlier published versions of the default instrument, built into the
//! tool (`instruments/published/`), so that a share code made with any of
//! them still decodes.

use naastenmeter_core::versions::PublishedIndex;
use naastenmeter_core::{load_instrument, Questionnaire, Versions};

use crate::failure::Failure;

/// `instruments/published/index.json`.
const INDEX: &str = include_str!("../../instruments/published/index.json");

/// The archived files the index names (the current version's file is the
/// default instrument itself and is not listed here).
const FILES: &[(&str, &str)] = &[
    (
        "naastenmeter-1.0.0.json",
        include_str!("../../instruments/published/naastenmeter-1.0.0.json"),
    ),
    (
        "naastenmeter-1.1.0.json",
        include_str!("../../instruments/published/naastenmeter-1.1.0.json"),
    ),
    (
        "naastenmeter-1.2.0.json",
        include_str!("../../instruments/published/naastenmeter-1.2.0.json"),
    ),
];

/// `current` with every earlier published version of the same instrument
/// (none for an instrument of another id: an institution's own instrument
/// has its own history).
pub(crate) fn versions(current: Questionnaire) -> Result<Versions, Failure> {
    let index = PublishedIndex::parse(INDEX.as_bytes())
        .map_err(|e| Failure::Input(format!("the built-in list of published versions: {e}")))?;
    let id = current.id.clone();
    let current_hash = current.content_hash().to_string();
    let mut versions = Versions::new(current);
    if id != "naastenmeter" {
        return Ok(versions);
    }
    for entry in index
        .versions
        .iter()
        .filter(|e| e.content_hash != current_hash)
    {
        let Some((_, text)) = FILES.iter().find(|(name, _)| *name == entry.file) else {
            // The current default's own entry: nothing earlier to add.
            continue;
        };
        let earlier = load_instrument(text.as_bytes())
            .and_then(|q| q.as_published(&entry.content_hash))
            .map_err(|e| Failure::Input(format!("published version {}: {e}", entry.version)))?;
        versions.add_earlier(earlier);
    }
    Ok(versions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_earlier_version_in_the_index_is_built_in() {
        let index = PublishedIndex::parse(INDEX.as_bytes()).unwrap();
        let current = crate::commands::load_default().unwrap();
        for entry in &index.versions {
            if entry.content_hash == current.content_hash() {
                continue;
            }
            assert!(
                FILES.iter().any(|(name, _)| *name == entry.file),
                "{} is not built into the CLI (cli/src/published.rs)",
                entry.file
            );
        }
        let versions = versions(current).unwrap();
        assert_eq!(versions.earlier().len(), index.versions.len() - 1);
    }
}
