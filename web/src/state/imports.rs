//! Opening exports (a file or a share code) into the list of earlier results
//! or the professional view, with whichever published version made them.
//!
//! The earlier published versions are not in the first load: an export that
//! does not open with the versions at hand waits in [`AppState::pending`]
//! while the app fetches them ([`AppState::wants_earlier_versions`]), and is
//! tried again once they arrived.

use naastenmeter_core::error::FhirReason;
use naastenmeter_core::versions::Opened;
use naastenmeter_core::{ImportError, ShareCodeError};

use super::{AppState, BrowserJson, Earlier, ImportTarget, Notice, PendingImport, Shared};
use crate::instrument::{read_published, PUBLISHED};

impl AppState {
    /// Opens an export, or keeps it until the earlier versions are loaded
    /// when it might be one of theirs.
    pub(super) fn import(&mut self, import: PendingImport) {
        match self.open(&import) {
            Ok(()) => {}
            Err(error) if self.earlier_versions_may_help(&error) => self.pending.push(import),
            Err(error) => self.notice = Some(Notice::ImportFailed(error)),
        }
    }

    /// Whether the app should fetch the earlier published versions now:
    /// something did not open without them, and they were not tried yet.
    pub fn wants_earlier_versions(&self) -> bool {
        !self.versions_loaded
            && !PUBLISHED.is_empty()
            && (!self.pending.is_empty() || !self.unread_remembered.is_empty())
    }

    /// Takes in the fetched earlier versions (in [`PUBLISHED`]'s order),
    /// then tries the waiting imports and remembered entries again.
    pub(super) fn earlier_versions_loaded(&mut self, files: Vec<Result<Vec<u8>, String>>) {
        let mut versions = (*self.versions).clone();
        for (published, file) in PUBLISHED.iter().zip(files) {
            // A version that did not load leaves its results unreadable, as
            // before: they stay kept (remembered) or get the usual message.
            if let Ok(questionnaire) = file.and_then(|bytes| read_published(published, &bytes)) {
                versions.add_earlier(questionnaire);
            }
        }
        self.versions = Shared::new(versions);
        self.versions_loaded = true;
        for import in std::mem::take(&mut self.pending) {
            if let Err(error) = self.open(&import) {
                self.notice = Some(Notice::ImportFailed(error));
            }
        }
        let unread = std::mem::take(&mut self.unread_remembered);
        self.read_remembered_entries(unread);
    }

    /// Opens one export with the versions at hand and places it.
    fn open(&mut self, import: &PendingImport) -> Result<(), ImportError> {
        let (opened, target) = match import {
            PendingImport::File(bytes, target) => {
                (self.versions.open_export(bytes, &BrowserJson), *target)
            }
            PendingImport::Code(code, target) => (
                self.versions
                    .decode_share_code(code.trim())
                    .map_err(ImportError::ShareCode),
                *target,
            ),
        };
        let outcome = Shared::new(opened.map(|Opened { scored, .. }| scored)?);
        match target {
            ImportTarget::Earlier => self.earlier.push(Earlier {
                outcome,
                remembered: false,
            }),
            ImportTarget::Professional => self.professional = Some(outcome),
        }
        self.notice = Some(Notice::Imported);
        Ok(())
    }

    /// Whether loading the earlier versions could turn this refusal into a
    /// result: they were not loaded yet, and the refusal is one another
    /// version would not give: a report of another version, a FHIR response
    /// naming another questionnaire version, or a share code whose check
    /// fails (a code's check value holds the version that made it).
    fn earlier_versions_may_help(&self, error: &ImportError) -> bool {
        if self.versions_loaded || PUBLISHED.is_empty() {
            return false;
        }
        match error {
            ImportError::OtherInstrument { .. } => true,
            ImportError::FhirResponse(refusal) => {
                matches!(refusal.reason, FhirReason::OtherVersion { .. })
            }
            ImportError::ShareCode(code) => matches!(
                code,
                ShareCodeError::Mistyped
                    | ShareCodeError::MistypedOrOtherInstrument
                    | ShareCodeError::OtherInstrument
            ),
            _ => false,
        }
    }
}
