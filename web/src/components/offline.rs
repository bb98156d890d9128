//! Offline use, on request: the choice "use without internet on this
//! device" (welcome page and result page), and the short line that a new
//! version waits for the next start. Both render nothing until the browser
//! has said where offline use stands (an effect in `app.rs`), so the first
//! render, also the prerendered welcome page, is the same everywhere; the
//! embed and the single file never offer it.

use yew::prelude::*;

use crate::browser;
use crate::state::{Action, AppContext, Offline};

/// The choice to keep the app on this device for use without internet,
/// with the trace it leaves, or (when on) the way to remove it.
#[component]
pub fn OfflineChoice() -> Html {
    // The heading levels of the page around the app.
    let h = crate::embed::use_outline();
    let app = use_context::<AppContext>();
    // While the browser stores or removes the files: the button waits.
    let busy = use_state(|| false);
    let Some(app) = app else {
        return html! {};
    };
    let t = app.lang.t();
    let on = match app.offline {
        Offline::Unavailable => return html! {},
        Offline::Off => false,
        Offline::On { .. } => true,
    };
    let onclick = {
        let app = app.clone();
        let busy = busy.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let app = app.clone();
            let busy = busy.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match browser::offline_set(!on).await {
                    Ok(state) => app.dispatch(Action::Offline(state)),
                    Err(reason) => app.dispatch(Action::StorageFailed(reason)),
                }
                busy.set(false);
            });
        })
    };
    html! {
        <section class="offline no-print" id="offline" aria-labelledby="offline-heading">
            { h.heading(1).id("offline-heading").with(t.offline_heading) }
            if on {
                <p class="done" id="offline-state">{ t.offline_on }</p>
                <p>{ t.offline_remove_explain }</p>
                <button type="button" id="offline-off" {onclick} disabled={*busy}>{ t.offline_remove }</button>
            } else {
                <p id="offline-explain">{ t.offline_explain }</p>
                <button type="button" id="offline-on" {onclick} disabled={*busy}
                    aria-describedby="offline-explain">{ t.offline_yes }</button>
            }
        </section>
    }
}

/// "A new version waits for the next start", where the state says it may
/// be shown (never in the middle of the questions).
#[component]
pub fn UpdateNotice() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    if !app.shows_update_notice() {
        return html! {};
    }
    html! {
        <p class="notice update-notice no-print" id="update-notice" role="status">{ app.lang.t().update_waiting }</p>
    }
}

/// Erases the answers in this tab and offline use ("stop and erase"), then
/// tells the state; the worker and its files are gone before the page says
/// so.
pub fn erase_all(app: &AppContext) {
    browser::erase_progress();
    let app = app.clone();
    wasm_bindgen_futures::spawn_local(async move {
        browser::offline_forget().await;
        app.dispatch(Action::Erase);
    });
}
