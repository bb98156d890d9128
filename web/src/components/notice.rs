//! A short message at the top of the page ("your answers have been erased"),
//! announced to screen readers and dismissable.

use yew::prelude::*;

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
    let (text, error) = match notice {
        Notice::Erased => (t.erased_notice.to_string(), false),
        Notice::Forgotten => (t.forgotten.to_string(), false),
        Notice::Remembered => (t.remembered_done.to_string(), false),
        Notice::Imported => (t.imported_done.to_string(), false),
        Notice::ImportFailed(m) => (format!("{}: {m}", t.import_failed), true),
        Notice::StorageFailed(m) => (format!("{}: {m}", t.storage_failed), true),
        Notice::ScoreFailed(m) => (m.clone(), true),
    };
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::DismissNotice))
    };
    html! {
        <div role="status" class={classes!("notice", error.then_some("notice-error"), "no-print")}>
            <p>{ text }</p>
            <button type="button" class="link-button" onclick={dismiss}>{ t.close_result }</button>
        </div>
    }
}
