//! Results remembered on this device: read at start with the version that
//! made each, and written back as one list, the current result added.
//!
//! An entry this app cannot read (yet) is kept as it is and written back
//! unchanged, so remembering a new result never drops an older one.

use naastenmeter_core::export::json;
use naastenmeter_core::Scored;

use super::{AppState, BrowserJson, Earlier, Shared};

impl AppState {
    /// Reads the remembered list (a JSON list of JSON reports).
    pub(super) fn read_remembered(&mut self, list: &str) {
        // A list that is not even a list of texts was not written by this
        // app; nothing of it can be kept meaningfully.
        let Ok(entries) = crate::json::from_json::<Vec<String>>(list) else {
            return;
        };
        self.read_remembered_entries(entries);
    }

    /// Reads remembered entries with the versions at hand; the ones that do
    /// not read stay in [`AppState::unread_remembered`].
    pub(super) fn read_remembered_entries(&mut self, entries: Vec<String>) {
        for entry in entries {
            match self.versions.read_report_text(&entry, &BrowserJson) {
                Ok(opened) => self.earlier.push(Earlier {
                    outcome: Shared::new(opened.scored),
                    remembered: true,
                }),
                Err(_) => self.unread_remembered.push(entry),
            }
        }
    }

    /// The list of remembered results with the current one added, as
    /// written to localStorage, and the readable results it then holds.
    /// Each result is written with the version that made it; unread entries
    /// go back unchanged.
    pub fn remembered_with_current(&self) -> Option<(String, Vec<Shared<Scored>>)> {
        let current = self.outcome.as_ref()?;
        let mut outcomes: Vec<Shared<Scored>> = self
            .earlier
            .iter()
            .filter(|e| e.remembered)
            .map(|e| e.outcome.clone())
            .collect();
        // The current result is kept with its conversation card, if any.
        outcomes.push(Shared::new((**current).clone().with_card(self.card.card())));
        let mut entries: Vec<String> = outcomes
            .iter()
            .map(|o| {
                let made_with = self.versions.of(o).unwrap_or(&self.instrument);
                crate::json::to_json(&json::report_file(made_with, o), false)
            })
            .collect::<Result<_, _>>()
            .ok()?;
        entries.extend(self.unread_remembered.iter().cloned());
        let list = crate::json::to_json(&entries, false).ok()?;
        Some((list, outcomes))
    }
}
