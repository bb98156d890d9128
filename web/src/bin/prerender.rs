//! The build's prerender of the welcome page (issue 16): renders the app's
//! first page, as a first visit sees it in the default language, to static
//! HTML with Yew's server-side rendering and writes it into `index.html`.
//!
//! So a relative on a slow phone reads the welcome and sees "Begin" before
//! the wasm has arrived. When it has, `static/main.js` starts the app, which
//! replaces this HTML with the same page (`yew::Renderer` empties its root
//! first); main.js keeps the reader's scroll position and focus, and carries
//! out a tap made before the app was ready. No hydration: Yew's `hydration`
//! feature would grow the wasm, and a difference between the two renders
//! would be a panic instead of a harmless redraw.
//!
//! Runs natively and calls no browser API (built with the `prerender`
//! feature, the app reads no storage and no history:
//! [`naastenmeter_web::components::app::PRERENDER`]).
//!
//! ```text
//! cargo run -p naastenmeter-web --features prerender --bin prerender -- web/dist/index.html
//! ```

use std::process::ExitCode;

use naastenmeter_web::components::app::{App, AppProps};
use naastenmeter_web::i18n::Lang;

/// Where `static/index.html` holds the app's place.
const PLACEHOLDER: &str = r#"<div id="naastenmeter"></div>"#;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <index.html>  (writes the welcome page into it)");
        return ExitCode::from(2);
    };
    let page = match std::fs::read_to_string(&path) {
        Ok(page) => page,
        Err(error) => {
            eprintln!("prerender: cannot read {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let Some(at) = page.find(PLACEHOLDER) else {
        eprintln!("prerender: {path} has no {PLACEHOLDER} to fill in");
        return ExitCode::FAILURE;
    };
    let welcome = render_welcome();
    let filled = format!(
        "{}{}{}",
        &page[..at],
        around_the_app(&welcome, Lang::default()),
        &page[at + PLACEHOLDER.len()..]
    );
    if let Err(error) = std::fs::write(&path, filled) {
        eprintln!("prerender: cannot write {path}: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The app's first render for a first visit, as HTML (no hydration markers).
fn render_welcome() -> String {
    let renderer = yew::ServerRenderer::<App>::with_props(AppProps::default).hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The welcome page in its mount element, with what the page says when the
/// app cannot run: a message without JavaScript, one that `main.js` (or
/// `nomodule.js` in a browser without modules) shows when the app cannot
/// start, and the status line for a tap made before the app is ready. The
/// messages come first, so they are read first; each points to the
/// printable questionnaire.
fn around_the_app(welcome: &str, lang: Lang) -> String {
    let t = lang.t();
    let m = lang.page_messages();
    let code = lang.code();
    let paper = format!(
        r#"<a href="questionnaire-{code}.html">{}</a>"#,
        escape(t.paper_link)
    );
    format!(
        concat!(
            r#"<noscript><p class="app-message">{no_js} {paper}</p></noscript>"#,
            "\n",
            r#"<p id="app-failed" class="app-message" hidden>{failed} {paper}</p>"#,
            "\n",
            r#"<div id="naastenmeter" data-prerendered="">{welcome}</div>"#,
            "\n",
            r#"<p id="app-status" class="app-status" role="status" data-loading="{loading}"></p>"#,
        ),
        no_js = escape(m.app_needs_javascript),
        failed = escape(m.app_cannot_start),
        loading = escape(m.app_loading),
        paper = paper,
        welcome = welcome,
    )
}

/// Escapes text for HTML content and double-quoted attributes.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
