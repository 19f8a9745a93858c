//! The JavaScript around the prompt's wasm (`shell.js`): every call from the
//! browser into the prompt goes through it, because a trap cannot be caught
//! from inside the module that trapped.
//!
//! What the shell does, and why it is JavaScript, is said at the top of
//! `shell.js`. Here: its bindings. The DOM layer registers listeners, timers,
//! observers and shadow hosts through a [`Shell`] (see [`super::dom`]) rather
//! than with the browser directly, so that the shell can call them safely and
//! take everything down when the module breaks.

use wasm_bindgen::prelude::*;
use web_sys::{Element, EventTarget, HtmlElement, ShadowRoot};

#[wasm_bindgen(module = "/src/web/shell.js")]
extern "C" {
    /// One guarded input's shell.
    #[derive(Clone)]
    pub type Shell;

    /// A shell for `input`; `options` as documented in `shell.js`.
    #[wasm_bindgen(constructor)]
    pub fn new(input: &HtmlElement, options: &JsValue) -> Shell;

    /// Starts recognising send attempts; `on_send(event, kind, element)` decides.
    #[wasm_bindgen(method)]
    pub fn start(this: &Shell, on_send: &js_sys::Function);

    /// Starts checking attachments; `on_files(attempt)` gets each attempt, already held back.
    #[wasm_bindgen(method, js_name = watchFiles)]
    pub fn watch_files(this: &Shell, on_files: &js_sys::Function);

    /// Reads a `File` and extracts its text with the files module; calls `done(report)`.
    #[wasm_bindgen(method)]
    pub fn inspect(this: &Shell, file: &JsValue, done: &JsValue);

    /// A copy of `file` holding `text` in `encoding` (the file's own).
    #[wasm_bindgen(method)]
    pub fn redacted(this: &Shell, file: &JsValue, text: &str, encoding: &str) -> JsValue;

    /// A Promise of the redacted copy of a file the Worker checked (job `job`).
    #[wasm_bindgen(method, js_name = redactedAside)]
    pub fn redacted_aside(this: &Shell, file: &JsValue, job: &JsValue) -> JsValue;

    /// The Worker may forget job `job`.
    #[wasm_bindgen(method)]
    pub fn release(this: &Shell, job: &JsValue);

    /// Hands `files` to the page the way the attempt came (file input, drop, paste).
    #[wasm_bindgen(method)]
    pub fn deliver(this: &Shell, attempt: &JsValue, files: &js_sys::Array);

    /// Tells the shell whether a send attempt is held back now.
    #[wasm_bindgen(method)]
    pub fn holding(this: &Shell, on: bool);

    /// Adds a listener called through the shell; returns the wrapper to remove.
    #[wasm_bindgen(method)]
    pub fn listen(
        this: &Shell,
        target: &EventTarget,
        event: &str,
        capture: bool,
        passive: bool,
        f: &js_sys::Function,
    ) -> js_sys::Function;

    /// Removes a listener added with `listen`.
    #[wasm_bindgen(method)]
    pub fn unlisten(
        this: &Shell,
        target: &EventTarget,
        event: &str,
        wrapper: &js_sys::Function,
        capture: bool,
    );

    /// Calls `f` once after `ms` milliseconds.
    #[wasm_bindgen(method)]
    pub fn defer(this: &Shell, ms: i32, f: &JsValue);

    /// Calls `f` in a new task as soon as the page's own tasks let it (no timer clamp).
    #[wasm_bindgen(method)]
    pub fn soon(this: &Shell, f: &JsValue);

    /// A note near the input while a long file is checked: its name, how far, and *Cancel*
    /// (`cancel()` once, on a trusted click).
    #[wasm_bindgen(method)]
    pub fn progress(this: &Shell, name: &str, cancel: &JsValue) -> Progress;

    /// A progress note from [`Shell::progress`].
    pub type Progress;

    /// Shows `part` (0 to 1) of the file checked.
    #[wasm_bindgen(method)]
    pub fn update(this: &Progress, part: f64);

    /// Removes the note.
    #[wasm_bindgen(method)]
    pub fn close(this: &Progress);

    /// Calls `f` every `ms` milliseconds; returns the timer's id.
    #[wasm_bindgen(method)]
    pub fn every(this: &Shell, ms: i32, f: &js_sys::Function) -> f64;

    /// Clears a timer from `every`.
    #[wasm_bindgen(method)]
    pub fn clear(this: &Shell, id: f64);

    /// Calls `f` whenever `element`'s size changes; returns the observer.
    #[wasm_bindgen(method)]
    pub fn observe(this: &Shell, element: &Element, f: &js_sys::Function) -> JsValue;

    /// Disconnects an observer from `observe`.
    #[wasm_bindgen(method)]
    pub fn unobserve(this: &Shell, observer: &JsValue);

    /// A new shadow host (`tag`) on the page with a closed, styled shadow root.
    #[wasm_bindgen(method, catch)]
    pub fn host(this: &Shell, tag: &str) -> Result<ShadowRoot, JsValue>;

    /// Removes a shadow host made with `host`.
    #[wasm_bindgen(method)]
    pub fn unhost(this: &Shell, root: &ShadowRoot);

    /// The send button of the input (resolved on each call), if any.
    #[wasm_bindgen(method, js_name = sendButton)]
    pub fn send_button(this: &Shell) -> Option<Element>;

    /// Removes every listener, timer, observer and host of this shell.
    #[wasm_bindgen(method)]
    pub fn stop(this: &Shell);

    /// Whether the module broke: a trap or an exception through wasm was caught.
    #[wasm_bindgen(js_name = isBroken)]
    pub fn is_broken() -> bool;
}

/// The error every entry point returns once the module broke.
pub fn refuse_if_broken(what: &str) -> Result<(), JsError> {
    if is_broken() {
        return Err(JsError::new(&format!(
            "{what}: draftguard stopped after an internal error on this page; reload the page to use it again"
        )));
    }
    Ok(())
}
