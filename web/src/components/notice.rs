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
    html! {
        <div role="status" class={classes!("notice", error.then_some("notice-error"), "no-print")}>
            <p>{ worded.text }</p>
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
