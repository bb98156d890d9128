//! Exports, each made only when asked and each saying first what it
//! contains: print, JSON, FHIR, CSV, share code with QR code; and
//! "remember on this device" after an explicit yes.

use naastenmeter_core::export::{csv, fhir, json};

use crate::json::to_json;
use yew::prelude::*;

use crate::browser;
use crate::components::qr::QrCodeSvg;
use crate::embed::PartnerContext;
use crate::state::{Action, AppContext, Outcome, Shared};

/// Properties of [`Exports`].
#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    /// The result to export.
    pub outcome: Shared<Outcome>,
}

/// The part of a file name that says when: "2025-03-12", or "result".
fn file_stamp(created: Option<&str>) -> String {
    created
        .and_then(|c| c.get(..10))
        .map(String::from)
        .unwrap_or_else(|| String::from("result"))
}

/// The export choices.
#[component]
pub fn Exports(props: &ExportsProps) -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let outcome = props.outcome.clone();
    let stamp = file_stamp(outcome.created.as_deref());

    let download = |name: String,
                    mime: &'static str,
                    make: fn(&AppContext, &Outcome) -> Result<String, String>| {
        let app = app.clone();
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| {
            let written = make(&app, &outcome);
            if let Err(message) =
                written.and_then(|contents| browser::download(&name, mime, &contents))
            {
                app.dispatch(Action::StorageFailed(message));
            }
        })
    };
    let json_click = download(
        format!("naastenmeter-{stamp}.json"),
        "application/json",
        |app, o| {
            let file =
                json::report_file(&app.instrument, &o.answers, &o.report, o.created.as_deref());
            to_json(&file, true)
        },
    );
    let fhir_click = download(
        format!("naastenmeter-fhir-{stamp}.json"),
        "application/fhir+json",
        |app, o| {
            let resource = fhir::questionnaire_response_resource(
                &app.instrument,
                &o.answers,
                app.lang.code(),
                o.created.as_deref(),
            );
            to_json(&resource, true)
        },
    );
    let csv_click = download(format!("naastenmeter-{stamp}.csv"), "text/csv", |app, o| {
        Ok(csv::csv_export(&app.instrument, &o.answers, &o.report))
    });
    let print = Callback::from(|_: MouseEvent| browser::print());
    let share = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::MakeShareCode))
    };
    let share_block = app.share_code.as_ref().map(|code| {
        let copy = {
            let code = code.clone();
            Callback::from(move |_: MouseEvent| browser::copy_to_clipboard(&code))
        };
        html! {
            <div class="share-result">
                <p><label for="share-code">{ t.share_code_label }</label></p>
                <input id="share-code" class="share-code" type="text" readonly=true value={code.clone()} />
                <p><button type="button" onclick={copy}>{ t.copy }</button></p>
                <QrCodeSvg text={code.clone()} label={t.qr_label} />
            </div>
        }
    });

    let choice = |id: &'static str,
                  label: &'static str,
                  contains: &'static str,
                  onclick: Callback<MouseEvent>| {
        html! {
            <li class="export">
                <p class="export-contains" id={format!("{id}-contains")}>{ contains }</p>
                <button type="button" {id} aria-describedby={format!("{id}-contains")} {onclick}>{ label }</button>
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
            <h2 id="exports-heading">{ t.exports_heading }</h2>
            <p>{ t.exports_intro }</p>
            <ul class="export-list">
                if enabled.print { { choice("export-print", t.print, t.print_contains, print) } }
                if enabled.json { { choice("export-json", t.json, t.json_contains, json_click) } }
                if enabled.fhir { { choice("export-fhir", t.fhir, t.fhir_contains, fhir_click) } }
                if enabled.json { { choice("export-csv", t.csv, t.csv_contains, csv_click) } }
                if enabled.share_code { { choice("export-share", t.share, t.share_contains, share) } }
            </ul>
            if enabled.share_code { { share_block } }
        </section>
    }
}

/// "Remember this result on this device", only after an explicit yes.
#[component]
pub fn Remember() -> Html {
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
            <h2 id="remember-heading">{ t.remember_heading }</h2>
            if app.remembered_current {
                <p class="done">{ t.remembered_done }</p>
            } else {
                <p>{ t.remember_explain }</p>
                <button type="button" id="remember" onclick={remember}>{ t.remember_yes }</button>
            }
        </section>
    }
}
