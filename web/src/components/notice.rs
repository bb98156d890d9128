//! A short message at the top of the page ("your answers have been erased"),
//! announced to screen readers and dismissable.

use yew::prelude::*;

use crate::errors::{self, Worded};
use crate::state::{Action, AppContext, Notice};

/// The notice bar; renders nothing when there is no notice.
#[component]
pub fn NoticeBar() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let Some(notice) = &app.notice else {
        return html! { <div role="status" class="visually-hidden"></div> };
    };
    let lang = app.lang;
    let done = |text: &str| {
        (
            Worded {
                text: text.into(),
                detail: None,
            },
            false,
        )
    };
    // While an erasure can be undone, the notice says so and offers it.
    let undo = matches!(notice, Notice::Erased) && app.erased.is_some();
    let (worded, error) = match notice {
        Notice::Erased => done(t.erased_notice),
        Notice::Forgotten => done(t.forgotten),
        Notice::Remembered => done(t.remembered_done),
        Notice::Imported => done(t.imported_done),
        Notice::ImportFailed(e) => (errors::import_error(lang, e), true),
        Notice::StorageFailed(reason) => (errors::storage_error(lang, reason), true),
        Notice::ScoreFailed(e) => (errors::score_error(lang, e), true),
    };
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::DismissNotice))
    };
    let undo_erase = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::UndoErase))
    };
    html! {
        <div role="status" class={classes!("notice", error.then_some("notice-error"), "no-print")}>
            <p>
                { worded.text }
                if undo {
                    { " " }{ (t.undo_erase_hint)(crate::state::UNDO_SECONDS) }
                }
            </p>
            if undo {
                <button type="button" class="undo-erase" id="undo-erase" onclick={undo_erase}>{ t.undo_erase }</button>
            }
            if let Some(detail) = worded.detail {
                <details class="notice-detail">
                    <summary>{ t.technical_detail }</summary>
                    <p lang="en">{ detail }</p>
                </details>
            }
            <button type="button" class="link-button" onclick={dismiss}>{ t.close_result }</button>
        </div>
    }
}
