//! Exports, each made only when asked and each saying first what it
//! contains: print, JSON, FHIR, CSV, share code with QR code; and
//! "remember on this device" after an explicit yes.

use yew::prelude::*;

use crate::browser;
use crate::components::qr::QrCodeSvg;
use crate::embed::PartnerContext;
use crate::state::{Action, AppContext, ExportFormat, Shared};
use naastenmeter_core::export::share;
use naastenmeter_core::Scored;

/// Properties of [`Exports`].
#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    /// The result to export.
    pub outcome: Shared<Scored>,
}

/// The export choices.
#[component]
pub fn Exports(props: &ExportsProps) -> Html {
    // The heading levels and landmark of the page around the app.
    let h = crate::embed::use_outline();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let outcome = props.outcome.clone();
    // Whether the last copy worked (None: nothing copied yet).
    let copy_state = use_state(|| None::<bool>);
    let download = |format: ExportFormat| {
        let app = app.clone();
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| {
            let written = app
                .export_file(&outcome, format)
                .and_then(|file| browser::download(&file.name, file.mime, &file.contents));
            match written {
                Ok(()) => app.dispatch(Action::Downloaded),
                Err(reason) => app.dispatch(Action::StorageFailed(reason)),
            }
        })
    };
    let json_click = download(ExportFormat::Json);
    let fhir_click = download(ExportFormat::Fhir);
    let csv_click = download(ExportFormat::Csv);
    let print = Callback::from(|_: MouseEvent| browser::print());
    let share = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::MakeShareCode))
    };
    let share_block = app.share_code.as_ref().map(|code| {
        let copy = {
            let code = code.clone();
            let copy_state = copy_state.clone();
            Callback::from(move |_: MouseEvent| {
                let code = code.clone();
                let copy_state = copy_state.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    copy_state.set(Some(browser::copy_to_clipboard(&code).await.is_ok()));
                });
            })
        };
        // The QR code opens the professional view with the code in the
        // fragment, which no server receives.
        let link = share::share_link(&browser::professional_address(), code);
        let status = match *copy_state {
            Some(true) => t.copied,
            Some(false) => t.copy_failed,
            None => "",
        };
        html! {
            <div class="share-result">
                <p id="share-code-label">{ t.share_code_label }</p>
                // The whole code, wrapping at its dashes on a narrow phone.
                <p id="share-code" class="share-code" aria-labelledby="share-code-label">{ code.clone() }</p>
                <p><button type="button" id="copy-code" onclick={copy}>{ t.copy }</button></p>
                // Present before anything is copied, so the change is announced.
                <p id="copy-status" class="copy-status" role="status" aria-live="polite">{ status }</p>
                <QrCodeSvg text={link} label={t.qr_label} />
                <p class="qr-explain">{ t.qr_explain }</p>
            </div>
        }
    });

    // A file button is also described by the Downloads warning.
    let choice = |id: &'static str,
                  downloads: bool,
                  label: &'static str,
                  contains: &'static str,
                  onclick: Callback<MouseEvent>| {
        html! {
            <li class="export">
                <p class="export-contains" id={format!("{id}-contains")}>{ contains }</p>
                <button type="button" {id} aria-describedby={format!("{id}-contains{}", if downloads { " downloads-stay" } else { "" })} {onclick}>{ label }</button>
            </li>
        }
    };

    // An embedding partner may switch exports off; the JSON setting covers
    // the CSV table too, as both are files with the answers.
    let enabled = use_context::<PartnerContext>()
        .map(|p| p.config.exports)
        .unwrap_or_default();
    if !(enabled.print || enabled.json || enabled.fhir || enabled.share_code) {
        return html! {};
    }
    html! {
        <section class="exports no-print" id="exports" aria-labelledby="exports-heading">
            { h.heading(1).id("exports-heading").with(t.exports_heading) }
            <p>{ t.exports_intro }</p>
            if enabled.json || enabled.fhir {
                <p class="downloads-stay" id="downloads-stay">{ t.downloads_stay }</p>
            }
            <ul class="export-list">
                if enabled.print { { choice("export-print", false, t.print, t.print_contains, print) } }
                if enabled.json { { choice("export-json", true, t.json, t.json_contains, json_click) } }
                if enabled.fhir { { choice("export-fhir", true, t.fhir, t.fhir_contains, fhir_click) } }
                if enabled.json { { choice("export-csv", true, t.csv, t.csv_contains, csv_click) } }
                if enabled.share_code { { choice("export-share", false, t.share, t.share_contains, share) } }
            </ul>
            if enabled.share_code { { share_block } }
        </section>
    }
}

/// "Remember this result on this device", only after an explicit yes.
#[component]
pub fn Remember() -> Html {
    // The heading levels and landmark of the page around the app.
    let h = crate::embed::use_outline();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let enabled = use_context::<PartnerContext>().is_none_or(|p| p.config.exports.remember);
    if !enabled {
        return html! {};
    }
    let remember = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let Some((json, list)) = app.remembered_with_current() else {
                return;
            };
            match browser::save_remembered(&json) {
                Ok(()) => app.dispatch(Action::Remembered(list)),
                Err(message) => app.dispatch(Action::StorageFailed(message)),
            }
        })
    };
    html! {
        <section class="remember no-print" aria-labelledby="remember-heading">
            { h.heading(1).id("remember-heading").with(t.remember_heading) }
            if app.remembered_current {
                <p class="done">{ t.remembered_done }</p>
            } else {
                <p>{ t.remember_explain }</p>
                <button type="button" id="remember" onclick={remember}>{ t.remember_yes }</button>
            }
        </section>
    }
}
