//! # naastenmeter-web
//!
//! The Naastenmeter web app: a Yew single-page app in which a relative answers
//! the questionnaire, sees their result and exports it only when they ask.
//!
//! Everything runs in the browser. Scoring, classification and exports are
//! pure functions of `naastenmeter-core`; this crate only renders state
//! ([`components`]), changes it through one reducer ([`state`]) and touches
//! the browser through a handful of small functions ([`browser`]).
//!
//! The instrument is compiled in ([`instrument`]), so the first load needs
//! no extra request and a later single-file build needs no server.

pub mod browser;
pub mod components;
pub mod embed;
pub mod errors;
pub mod i18n;
pub mod instrument;
pub mod json;
pub mod pages;
pub mod state;
pub mod view_model;

use wasm_bindgen::prelude::*;

use components::app::{App, AppProps};

/// Id of the element the app is mounted in (see `static/index.html`).
pub const MOUNT_ID: &str = "naastenmeter";

/// Runs once when the wasm module is loaded: panics become readable console
/// messages. Nothing is mounted yet; the page's script calls [`start`] or
/// the embed loader calls [`mount`], so a partner page that happens to have
/// an element with id [`MOUNT_ID`] is never taken over by surprise.
#[wasm_bindgen(start)]
pub fn init_module() {
    console_error_panic_hook::set_once();
    // Printing (also from the browser's own menu) shows every folded
    // section of the result page. Kept for the page's whole life.
    if let Some(window) = web_sys::window() {
        gloo::events::EventListener::new(&window, "beforeprint", |_| browser::open_all_sections())
            .forget();
    }
}

/// Hands the app the site's offline-use controller (`static/main.js`), before
/// [`start`]. Only the site does this: without it (the embed, the single
/// file) the app offers no offline use and registers nothing.
#[wasm_bindgen]
pub fn offline_support(controller: JsValue) {
    browser::set_offline_controller(controller);
}

/// Starts the app as the whole page (the static site and the single-file
/// version).
///
/// Mounts into the element with id [`MOUNT_ID`]; when a page does not have
/// it, the app mounts at the end of `<body>` so it is never a blank page.
#[wasm_bindgen]
pub fn start() {
    browser::remove_element("loading");
    match browser::element_by_id(MOUNT_ID) {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

/// Starts the app embedded in a partner's page, inside `root` (an element in
/// a shadow root, made by the loader), with the partner's configuration as
/// JSON text (`config`; `None` for the defaults). `assets` is the address
/// of the app's own files (ending in `/`), from which an earlier
/// questionnaire version is loaded when a result made with it is opened.
///
/// Problems in the configuration are written to the console and shown in
/// the app; the app itself always starts.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, config: Option<String>, assets: Option<String>) {
    browser::set_scope(root.clone());
    if let Some(base) = assets {
        browser::set_assets(base);
    }
    let props = AppProps {
        config: Some(config.unwrap_or_else(|| String::from("{}")).into()),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
