//! Opening an export: a JSON (or FHIR) file or a share code. What is opened
//! stays in this tab's memory; nothing is stored.

use gloo::file::callbacks::FileReader;
use gloo::file::File;
use naastenmeter_core::MAX_IMPORT_BYTES;
use naastenmeter_core::{ImportError, Problem};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{Action, AppContext, ImportTarget};

/// Properties of [`Importer`].
#[derive(Properties, PartialEq)]
pub struct ImporterProps {
    /// Where the opened result goes.
    pub target: ImportTarget,
}

/// The file picker and the share-code field.
#[component]
pub fn Importer(props: &ImporterProps) -> Html {
    // The heading levels and landmark of the page around the app.
    let h = crate::embed::use_outline();
    let app = use_context::<AppContext>();
    // The reader must live until it calls back; it is kept here.
    let reader = use_mut_ref(|| None::<FileReader>);
    let code = use_node_ref();
    let Some(app) = app else {
        return html! {};
    };
    let t = app.lang.t();
    let target = props.target;

    let on_file = {
        let app = app.clone();
        let reader = reader.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Clearing the field lets the same file be chosen again.
            input.set_value("");
            // The size is known without reading: a file over the import
            // limit is refused before a single byte is read, so a huge file
            // never fills the tab's memory or holds up the page.
            let size = file.size();
            if size > MAX_IMPORT_BYTES as f64 {
                let refused = ImportError::TooLarge {
                    size: size as usize,
                    limit: MAX_IMPORT_BYTES,
                };
                app.dispatch(Action::ImportRefused(refused));
                return;
            }
            let app = app.clone();
            let task =
                gloo::file::callbacks::read_as_bytes(&File::from(file), move |read| match read {
                    Ok(bytes) => app.dispatch(Action::ImportFile(bytes, target)),
                    Err(e) => {
                        app.dispatch(Action::ImportRefused(ImportError::NotAnExport(Problem {
                            path: String::new(),
                            message: format!("the browser could not read the file: {e}"),
                        })))
                    }
                });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_code = {
        let app = app.clone();
        let code = code.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(input) = code.cast::<HtmlInputElement>() {
                let text = input.value();
                if !text.trim().is_empty() {
                    app.dispatch(Action::ImportCode(text, target));
                }
            }
        })
    };
    let prefix = match target {
        ImportTarget::Earlier => "earlier",
        ImportTarget::Professional => "pro",
    };
    html! {
        <section class="importer no-print" aria-labelledby={format!("{prefix}-import-heading")}>
            { h.heading(1).id(format!("{prefix}-import-heading")).with(t.import_heading) }
            <p>{ t.import_intro }</p>
            <p>
                <label for={format!("{prefix}-file")}>{ t.import_file }</label>
                <input type="file" id={format!("{prefix}-file")} accept=".json,application/json" onchange={on_file} />
            </p>
            <form onsubmit={on_code} class="code-form">
                <label for={format!("{prefix}-code")}>{ t.import_code }</label>
                <input type="text" id={format!("{prefix}-code")} ref={code} autocomplete="off" spellcheck="false" />
                <button type="submit" id={format!("{prefix}-code-open")}>{ t.import_code_button }</button>
            </form>
        </section>
    }
}
