//! Going back between the app's pages, shared by the pages that have a
//! "Back" button (kept apart from `app.rs`, which renders those pages).

use crate::browser;
use crate::state::{Action, AppContext, View};

/// The app's own "Back" button: one step back in the browser's history
/// when that is the page it leads to (so Back and Forward stay in step with
/// it), otherwise straight to that page.
pub fn go_back(app: &AppContext, to: View) {
    if !browser::history_back_to(to) {
        app.dispatch(Action::Show(to));
    }
}
