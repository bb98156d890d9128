//! Everything the app asks of the browser, behind small functions: storage,
//! downloads, clipboard, printing, focus and leaving the page.
//!
//! Keeping these here means the rest of the app is plain state and
//! rendering, and a reviewer can see in one file every place where data can
//! be written or leave the tab. Failures (storage full or blocked, no
//! clipboard) come back as `Err(String)` with a plain message; none panics.

use naastenmeter_core::export::share;
use wasm_bindgen::JsCast;
use web_sys::{Document, Storage, Window};

use crate::state::{Offline, View};

/// sessionStorage key of the answers in progress (this tab only).
pub const PROGRESS_KEY: &str = "naastenmeter.progress";
/// localStorage key of results the user chose to remember on this device.
pub const REMEMBERED_KEY: &str = "naastenmeter.remembered";
/// Where quick exit goes unless the page sets `<meta name="naastenmeter-quick-exit">`:
/// a weather forecast, which looks ordinary on anyone's screen.
pub const DEFAULT_QUICK_EXIT_URL: &str = "https://www.buienradar.nl/";

fn window() -> Option<Window> {
    web_sys::window()
}

fn document() -> Option<Document> {
    window()?.document()
}

fn session() -> Option<Storage> {
    window()?.session_storage().ok().flatten()
}

fn local() -> Option<Storage> {
    window()?.local_storage().ok().flatten()
}

thread_local! {
    /// The element the app is mounted in when it is embedded in another
    /// site's page (inside a shadow root); `None` when the app is the page.
    static SCOPE: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
    /// Where the app's own files are, when the embed loader said so (a
    /// partner's page is elsewhere); `None` means beside the page.
    static ASSETS: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// The partner's professional-view address, when configured.
    static PROFESSIONAL_OVERRIDE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// The partner's quick-exit address, when the embedding configured one.
    static QUICK_EXIT_OVERRIDE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Tells the browser functions that the app lives inside `root` on someone
/// else's page: look-ups stay inside it, and the host page's title, language
/// and scroll position are left alone.
pub fn set_scope(root: web_sys::Element) {
    SCOPE.with(|scope| *scope.borrow_mut() = Some(root));
}

/// The element the app is embedded in, if it is embedded.
pub fn scope() -> Option<web_sys::Element> {
    SCOPE.with(|scope| scope.borrow().clone())
}

/// Tells the app where its own files are (the embed loader's address).
pub fn set_assets(base: String) {
    ASSETS.with(|slot| *slot.borrow_mut() = Some(base));
}

/// Loads an earlier published version's binary file
/// ([`crate::instrument::Published::file`]): from a data block the
/// single-file version carries (`<script type="application/octet-stream"
/// id="naastenmeter-version-<file>">` with base64), otherwise from
/// `instruments/<file>` beside the app. Same origin only, nothing sent.
pub async fn load_published(file: &str) -> Result<Vec<u8>, String> {
    let window = window().ok_or("no window")?;
    let inline = window
        .document()
        .and_then(|d| d.get_element_by_id(&format!("naastenmeter-version-{file}")))
        .and_then(|e| e.text_content());
    if let Some(base64) = inline {
        let binary = window
            .atob(base64.trim())
            .map_err(|_| format!("{file}: not base64"))?;
        // atob gives one character per byte.
        return Ok(binary.chars().map(|c| c as u32 as u8).collect());
    }
    let base = ASSETS.with(|slot| slot.borrow().clone());
    let url = match base {
        Some(base) => format!("{base}instruments/{file}"),
        None => format!("instruments/{file}"),
    };
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|_| format!("{url}: could not be fetched"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("{url}: status {}", response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| format!("{url}: no body"))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(buffer)
        .await
        .map_err(|_| format!("{url}: body could not be read"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Sets the quick-exit address from a partner's checked configuration.
pub fn set_quick_exit_url(url: String) {
    QUICK_EXIT_OVERRIDE.with(|slot| *slot.borrow_mut() = Some(url));
}

/// The element with this id, if any (inside the embedding when embedded:
/// `document.getElementById` does not look into shadow roots).
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    match scope() {
        Some(root) => root.query_selector(&format!("#{id}")).ok().flatten(),
        None => document()?.get_element_by_id(id),
    }
}

/// Removes the element with this id, if present (the loading notice).
pub fn remove_element(id: &str) {
    if let Some(element) = element_by_id(id) {
        element.remove();
    }
}

/// Moves keyboard and screen-reader focus to the element with this id.
pub fn focus(id: &str) {
    if let Some(element) = element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Sets `<html lang>`, so screen readers pronounce the text correctly.
/// Embedded, it sets `lang` on the app's own root: the host page's language
/// is the host's business.
pub fn set_document_language(code: &str) {
    let root = scope().or_else(|| document().and_then(|d| d.document_element()));
    if let Some(root) = root {
        let _ = root.set_attribute("lang", code);
    }
}

/// Sets the window title, unless the app is embedded in another page.
pub fn set_title(title: &str) {
    if scope().is_some() {
        return;
    }
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Scrolls to the top of the app, so a new page starts at its heading: the
/// top of the window, or the top of the embedded app.
pub fn scroll_to_top() {
    if let Some(root) = scope() {
        root.scroll_into_view();
        return;
    }
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

thread_local! {
    /// The answers in progress when the app is embedded. They stay in this
    /// page's memory, never in the partner's origin storage, where scripts
    /// on the partner's other pages in the same tab could read them after
    /// the relative moved on (see SECURITY.md, "Limits"). The cost: a reload
    /// of the partner's page loses them, after the "leave this page?" prompt.
    static EMBEDDED_PROGRESS: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Runs `then` once after `seconds` (the undo time of "stop and erase").
/// Nothing cancels it: the reducer ignores a timer that is no longer
/// current.
pub fn after_seconds(seconds: u32, then: impl FnOnce() + 'static) {
    if let Some(w) = window() {
        let callback = wasm_bindgen::closure::Closure::once_into_js(then);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.unchecked_ref(),
            (seconds.saturating_mul(1000)).min(i32::MAX as u32) as i32,
        );
    }
}

/// The answers in progress saved in this tab, if any.
pub fn load_progress() -> Option<String> {
    if scope().is_some() {
        return EMBEDDED_PROGRESS.with(|progress| progress.borrow().clone());
    }
    session()?.get_item(PROGRESS_KEY).ok().flatten()
}

/// Saves the answers in progress in this tab's sessionStorage (in memory
/// when embedded).
pub fn save_progress(json: &str) -> Result<(), String> {
    if scope().is_some() {
        EMBEDDED_PROGRESS.with(|progress| *progress.borrow_mut() = Some(json.to_owned()));
        return Ok(());
    }
    let storage = session().ok_or_else(|| String::from("sessionStorage is not available"))?;
    storage
        .set_item(PROGRESS_KEY, json)
        .map_err(|_| String::from("sessionStorage refused the answers (full or blocked)"))
}

/// Removes the answers in progress.
pub fn erase_progress() {
    if scope().is_some() {
        EMBEDDED_PROGRESS.with(|progress| *progress.borrow_mut() = None);
        return;
    }
    if let Some(storage) = session() {
        let _ = storage.remove_item(PROGRESS_KEY);
    }
}

/// The remembered results (a JSON array of JSON exports), if any.
pub fn load_remembered() -> Option<String> {
    local()?.get_item(REMEMBERED_KEY).ok().flatten()
}

/// Replaces the remembered results on this device.
pub fn save_remembered(json: &str) -> Result<(), String> {
    let storage = local().ok_or_else(|| String::from("localStorage is not available"))?;
    storage
        .set_item(REMEMBERED_KEY, json)
        .map_err(|_| String::from("localStorage refused the result (full or blocked)"))
}

/// Forgets every remembered result on this device.
pub fn erase_remembered() {
    if let Some(storage) = local().filter(|s| s.get_item(REMEMBERED_KEY).ok().flatten().is_some()) {
        let _ = storage.remove_item(REMEMBERED_KEY);
    }
}

/// The quick-exit address: the partner's configured one when embedded, else
/// the page's `<meta name="naastenmeter-quick-exit">` when it holds an
/// `https:` URL, otherwise [`DEFAULT_QUICK_EXIT_URL`].
pub fn quick_exit_url() -> String {
    if let Some(url) = QUICK_EXIT_OVERRIDE.with(|slot| slot.borrow().clone()) {
        return url;
    }
    document()
        .and_then(|d| {
            d.query_selector("meta[name=naastenmeter-quick-exit]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .filter(|url| url.starts_with("https://"))
        .unwrap_or_else(|| String::from(DEFAULT_QUICK_EXIT_URL))
}

/// Leaves for `url` without adding a history entry, so "back" does not
/// return to the questionnaire.
pub fn replace_location(url: &str) {
    if let Some(w) = window() {
        let _ = w.location().replace(url);
    }
}

/// Whether the page was opened for the professional view (`#professional`,
/// or a share link `#professional=CODE`).
pub fn wants_professional_view() -> bool {
    window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|hash| {
            hash == share::PROFESSIONAL_FRAGMENT || share::code_in_fragment(&hash).is_some()
        })
}

/// The share code in the address (a share link's `#professional=CODE`),
/// taken out of it: the address and the history entry become plain
/// `#professional`, so the code is not left behind in the history, the
/// address bar or a bookmark.
pub fn take_shared_code() -> Option<String> {
    let window = window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let code = share::code_in_fragment(&hash)?.to_string();
    let plain = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = format!("{plain}{}", share::PROFESSIONAL_FRAGMENT);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    Some(code)
}

/// Where a share code's QR code leads: the partner's professional address
/// when set, else the page's `<meta name="naastenmeter-professional-url">`
/// (`https:`), else this page (without its fragment).
pub fn professional_address() -> String {
    if let Some(url) = PROFESSIONAL_OVERRIDE.with(|slot| slot.borrow().clone()) {
        return url;
    }
    let meta = document()
        .and_then(|d| {
            d.query_selector("meta[name=naastenmeter-professional-url]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .filter(|url| url.starts_with("https://"));
    if let Some(url) = meta {
        return url;
    }
    window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Sets the professional view's address from a partner's configuration.
pub fn set_professional_url(url: String) {
    PROFESSIONAL_OVERRIDE.with(|slot| *slot.borrow_mut() = Some(url));
}

/// The current date and time as ISO 8601 (UTC), for export stamps.
pub fn now_iso() -> String {
    // Local time with its offset (ISO 8601, also a valid FHIR dateTime), so
    // that "made on 5 December at 22:30" shows the time the person saw on
    // their clock, not UTC.
    let date = js_sys::Date::new_0();
    let offset = -(date.get_timezone_offset() as i32);
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds(),
        offset.abs() / 60,
        offset.abs() % 60
    )
}

/// Offers `contents` as a file download named `file_name`.
///
/// The file is made in the tab (a `blob:` URL) and never sent anywhere.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |what: &str| format!("the download could not be made ({what})");
    let document = document().ok_or_else(|| fail("no document"))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .dyn_into()
        .map_err(|_| fail("link"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers, so the
    // previous file's URL is released when the next one is made.
    LAST_DOWNLOAD.with(|last| {
        if let Some(previous) = last.replace(Some(url)) {
            let _ = web_sys::Url::revoke_object_url(&previous);
        }
    });
    Ok(())
}

thread_local! {
    static LAST_DOWNLOAD: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Copies text to the clipboard. The browser may refuse; the code is also
/// shown on screen to select by hand.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let w = window().ok_or("no window")?;
    wasm_bindgen_futures::JsFuture::from(w.navigator().clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| String::from("the browser did not allow copying"))
}

/// Opens the folded sections (`<details>`) around the element with this id
/// and scrolls it into view: a jump link works on closed sections, in the
/// site and inside the embed's shadow root (where fragment links do not).
pub fn reveal(id: &str) {
    let Some(element) = element_by_id(id) else {
        return;
    };
    let mut section = element.closest("details").ok().flatten();
    while let Some(details) = section {
        let _ = details.set_attribute("open", "");
        section = details
            .parent_element()
            .and_then(|p| p.closest("details").ok().flatten());
    }
    element.scroll_into_view();
    // A section's own summary takes focus (it is focusable; a div is not).
    let target = element
        .query_selector(":scope > summary")
        .ok()
        .flatten()
        .unwrap_or(element);
    if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = target.focus();
    }
}

/// Opens every folded section of the app, so that printing shows them all.
pub fn open_all_sections() {
    let root = scope().or_else(|| document().and_then(|d| d.document_element()));
    let Some(root) = root else {
        return;
    };
    // One at a time: no NodeList needed, and at most a few dozen sections.
    for _ in 0..200 {
        match root.query_selector("details:not([open])").ok().flatten() {
            Some(details) => {
                let _ = details.set_attribute("open", "");
            }
            None => break,
        }
    }
}

/// Opens the browser's print dialog (print or save as PDF), with every
/// folded section open.
pub fn print() {
    open_all_sections();
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Opens the browser's print dialog for the page as it is shown (the
/// professional view's print CSS makes its one-page summary).
pub fn print_as_shown() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

thread_local! {
    static LEAVING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the app is leaving on purpose (quick exit), so the "leave this
/// page?" prompt must not hold the user back.
pub fn leaving() -> bool {
    LEAVING.with(|l| l.get())
}

/// Quick exit: erases the answers in this tab, every remembered result and
/// offline use (the service worker and its stored files), then leaves for a
/// neutral site without leaving an app page behind "back": it first goes
/// back to the app's first history entry (the one the page was opened in)
/// and replaces that one with the neutral site. Later entries of the app
/// are only reachable with Forward, and hold no answer.
pub fn quick_exit() {
    LEAVING.with(|l| l.set(true));
    erase_progress();
    erase_remembered();
    let url = quick_exit_url();
    let left = std::rc::Rc::new(std::cell::Cell::new(false));
    let leave = move || {
        if !left.replace(true) {
            replace_location(&url);
        }
    };
    // It leaves after two steps: offline use removed, and the browser back
    // at the app's first entry (its popstate). Both take milliseconds; a
    // timer leaves after half a second whatever happened, so quick exit
    // never hangs.
    let steps = std::rc::Rc::new(std::cell::Cell::new(2u8));
    let step = {
        let leave = leave.clone();
        move || {
            steps.set(steps.get().saturating_sub(1));
            if steps.get() == 0 {
                leave();
            }
        }
    };
    if let Some(w) = window() {
        let on_time = wasm_bindgen::closure::Closure::once_into_js(leave);
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(on_time.unchecked_ref(), 500);
    }
    {
        let step = step.clone();
        wasm_bindgen_futures::spawn_local(async move {
            offline_forget().await;
            step();
        });
    }
    let depth = history_depth();
    match (window(), history().filter(|_| depth > 0)) {
        (Some(w), Some(history)) => {
            let on_pop = step.clone();
            gloo::events::EventListener::once(&w, "popstate", move |_| on_pop()).forget();
            if history.go_with_delta(-(depth as i32)).is_err() {
                step();
            }
        }
        _ => step(),
    }
}

// ---- Offline use -----------------------------------------------------
//
// The site's page script (`static/main.js`) hands the app an object that
// registers and removes the service worker (`offline_support` in lib.rs);
// the embed and the single file do not, so there nothing is offered or
// registered. Its answers are numbers: 0 not possible here, 1 off, 2 on,
// 3 on with a new version waiting for the next start.

thread_local! {
    /// The site's offline-use controller, when the page script gave one.
    static OFFLINE: std::cell::RefCell<Option<wasm_bindgen::JsValue>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the site's offline-use controller (see `static/main.js`).
pub fn set_offline_controller(controller: wasm_bindgen::JsValue) {
    OFFLINE.with(|slot| *slot.borrow_mut() = Some(controller));
}

/// Calls the controller's method `name` with `arg`, when there is a controller.
fn offline_call(name: &str, arg: &wasm_bindgen::JsValue) -> Option<wasm_bindgen::JsValue> {
    let controller = OFFLINE.with(|slot| slot.borrow().clone())?;
    let method: js_sys::Function = js_sys::Reflect::get(&controller, &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    method.call1(&controller, arg).ok()
}

/// The controller's number as a state.
fn offline_state(code: &wasm_bindgen::JsValue) -> Offline {
    match code.as_f64().map(|n| n as u8) {
        Some(1) => Offline::Off,
        Some(2) => Offline::On {
            update_waiting: false,
        },
        Some(3) => Offline::On {
            update_waiting: true,
        },
        _ => Offline::Unavailable,
    }
}

/// Tells `report` where offline use stands, once the browser has said so,
/// and again when a new version has been stored and waits. Nothing happens
/// without the site's controller. Called once, for the page's whole life.
pub fn offline_watch(report: impl Fn(Offline) + 'static) {
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(wasm_bindgen::JsValue)>::new(
        move |code: wasm_bindgen::JsValue| report(offline_state(&code)),
    );
    if offline_call("watch", callback.as_ref()).is_some() {
        callback.forget();
    }
}

/// Switches offline use on (the app's files stored on this device) or off
/// (all removed); the state after, or the browser's reason why not.
pub async fn offline_set(on: bool) -> Result<Offline, String> {
    let promise: js_sys::Promise = offline_call("set", &on.into())
        .and_then(|p| p.dyn_into().ok())
        .ok_or_else(|| String::from("offline use is not possible here"))?;
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(code) => Ok(offline_state(&code)),
        Err(error) => Err(error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| String::from("the browser refused"))),
    }
}

/// Removes offline use: the service worker, its stored files and the link
/// to the web app manifest. Done at once where there is none.
pub async fn offline_forget() {
    let promise = offline_call("forget", &wasm_bindgen::JsValue::UNDEFINED)
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = promise {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

// ---- History ---------------------------------------------------------
//
// Every page of the app is a history entry of the page it is in, with the
// same address: its `history.state` is `{ naastenmeter: <view>,
// naastenmeterDepth: <n> }`, the view (which page, never an answer) and
// how many of the app's entries come before it. Embedded, the partner's own
// state on the entry the app starts in is kept beside these two keys.

const STATE_VIEW: &str = "naastenmeter";
const STATE_DEPTH: &str = "naastenmeterDepth";

thread_local! {
    /// The views of the app's history entries this page made or saw, by
    /// depth, to tell whether the previous entry is the page "back" leads to.
    static ENTRIES: std::cell::RefCell<Vec<Option<View>>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn history() -> Option<web_sys::History> {
    window()?.history().ok()
}

fn current_state() -> wasm_bindgen::JsValue {
    history()
        .and_then(|h| h.state().ok())
        .unwrap_or(wasm_bindgen::JsValue::NULL)
}

fn view_in(state: &wasm_bindgen::JsValue) -> Option<View> {
    if !state.is_object() {
        return None;
    }
    let view = js_sys::Reflect::get(state, &STATE_VIEW.into()).ok()?;
    let text = js_sys::JSON::stringify(&view).ok()?.as_string()?;
    crate::json::from_json(&text).ok()
}

fn depth_in(state: &wasm_bindgen::JsValue) -> Option<usize> {
    if !state.is_object() {
        return None;
    }
    let depth = js_sys::Reflect::get(state, &STATE_DEPTH.into())
        .ok()?
        .as_f64()?;
    (depth >= 0.0 && depth.fract() == 0.0 && depth < 1e6).then_some(depth as usize)
}

/// How many of the app's history entries come before the current one.
fn history_depth() -> usize {
    depth_in(&current_state()).unwrap_or(0)
}

/// A copy of `base` (the partner's own state, when it is an object) with
/// the app's view and depth.
fn state_with(base: &wasm_bindgen::JsValue, view: View, depth: usize) -> Option<js_sys::Object> {
    let state = js_sys::Object::new();
    if base.is_object() {
        js_sys::Object::assign(&state, base.unchecked_ref());
    }
    let view = js_sys::JSON::parse(&crate::json::to_json(&view, false).ok()?).ok()?;
    js_sys::Reflect::set(&state, &STATE_VIEW.into(), &view).ok()?;
    js_sys::Reflect::set(&state, &STATE_DEPTH.into(), &(depth as f64).into()).ok()?;
    Some(state)
}

fn remember_entry(depth: usize, view: View) {
    ENTRIES.with(|entries| {
        let mut entries = entries.borrow_mut();
        entries.truncate(depth);
        entries.resize(depth, None);
        entries.push(Some(view));
    });
}

/// The view of the current history entry, when it is one of the app's
/// (after a reload of the site, where the person was).
pub fn history_view() -> Option<View> {
    view_in(&current_state())
}

/// Marks the history entry the app starts in with the view on screen,
/// keeping its address and anything else its state holds (a partner's own
/// state, when embedded). A state that is not an object is the partner's
/// and is left alone.
pub fn history_start(view: View) {
    let current = current_state();
    if !(current.is_object() || current.is_null() || current.is_undefined()) {
        return;
    }
    let depth = depth_in(&current).unwrap_or(0);
    if let (Some(history), Some(state)) = (history(), state_with(&current, view, depth)) {
        if history.replace_state(&state, "").is_ok() {
            remember_entry(depth, view);
        }
    }
}

/// Adds a history entry for `view`, with the same address.
pub fn history_push(view: View) {
    let depth = history_depth() + 1;
    if let (Some(history), Some(state)) = (
        history(),
        state_with(&wasm_bindgen::JsValue::NULL, view, depth),
    ) {
        if history.push_state(&state, "").is_ok() {
            remember_entry(depth, view);
        }
    }
}

/// Puts `view` in the current history entry instead of the one it held
/// (the entry's page could not be shown as it was).
pub fn history_replace(view: View) {
    let current = current_state();
    let depth = depth_in(&current).unwrap_or(0);
    if let (Some(history), Some(state)) = (history(), state_with(&current, view, depth)) {
        if history.replace_state(&state, "").is_ok() {
            remember_entry(depth, view);
        }
    }
}

/// Goes back one history entry if that entry holds `view`, as the app's own
/// "Back" button would; `false` (nothing done) otherwise.
pub fn history_back_to(view: View) -> bool {
    let depth = history_depth();
    let previous = ENTRIES.with(|entries| {
        depth
            .checked_sub(1)
            .and_then(|d| entries.borrow().get(d).copied().flatten())
    });
    if previous != Some(view) {
        return false;
    }
    history().is_some_and(|h| h.back().is_ok())
}

/// Listens for the browser's Back and Forward between the app's history
/// entries; `on_view` gets the view of the entry arrived at. Entries that
/// are not the app's, and anything while quick exit is leaving, are
/// ignored. The listener stops when dropped.
pub fn on_history(on_view: impl Fn(View) + 'static) -> Option<gloo::events::EventListener> {
    let w = window()?;
    Some(gloo::events::EventListener::new(
        &w,
        "popstate",
        move |_| {
            if leaving() {
                return;
            }
            // At popstate, `history.state` is the entry arrived at.
            let state = current_state();
            if let Some(view) = view_in(&state) {
                remember_entry(depth_in(&state).unwrap_or(0), view);
                on_view(view);
            }
        },
    ))
}
