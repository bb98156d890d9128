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
pub mod i18n;
pub mod instrument;
pub mod pages;
pub mod state;

use wasm_bindgen::prelude::*;

/// Id of the element the app is mounted in (see `static/index.html`).
pub const MOUNT_ID: &str = "naastenmeter";

/// Starts the app when the wasm module is loaded.
///
/// Mounts into the element with id [`MOUNT_ID`]; when a page does not have
/// it, the app mounts at the end of `<body>` so it is never a blank page.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    browser::remove_element("loading");
    match browser::element_by_id(MOUNT_ID) {
        Some(root) => {
            yew::Renderer::<components::app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<components::app::App>::new().render();
        }
    }
}
