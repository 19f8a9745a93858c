//! Small DOM helpers shared by the prompt's parts: element building, event
//! listeners that remove themselves when dropped, and shadow hosts whose
//! styles come from a constructed stylesheet (allowed under a strict CSP,
//! unlike `<style>` elements or `style` attributes in markup).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Document, Element, EventTarget, HtmlElement, ShadowRoot};

/// The page's `window`; the DOM layer only runs where there is one.
pub fn window() -> Result<web_sys::Window, JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("draftguard: attach() needs a browser window"))
}

/// The page's `document`.
pub fn document() -> Result<Document, JsValue> {
    window()?
        .document()
        .ok_or_else(|| JsValue::from_str("draftguard: attach() needs a document"))
}

/// `<tag class="class">text</tag>`, text set as a text node (never parsed as HTML).
pub fn el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<HtmlElement, JsValue> {
    let e: HtmlElement = doc.create_element(tag)?.unchecked_into();
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    Ok(e)
}

/// Sets several attributes.
pub fn attrs(e: &Element, pairs: &[(&str, &str)]) -> Result<(), JsValue> {
    for (k, v) in pairs {
        e.set_attribute(k, v)?;
    }
    Ok(())
}

/// An event listener, removed from its target when dropped.
pub struct Listener {
    target: EventTarget,
    event: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    /// Adds `f` as a listener for `event` on `target`.
    pub fn new(
        target: &EventTarget,
        event: &'static str,
        capture: bool,
        passive: bool,
        f: impl FnMut(web_sys::Event) + 'static,
    ) -> Result<Listener, JsValue> {
        let closure = Closure::wrap(Box::new(f) as Box<dyn FnMut(web_sys::Event)>);
        let opts = AddEventListenerOptions::new();
        opts.set_capture(capture);
        opts.set_passive(passive);
        target.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            closure.as_ref().unchecked_ref(),
            &opts,
        )?;
        Ok(Listener {
            target: target.clone(),
            event,
            capture,
            closure,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.event,
            self.closure.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// A repeating timer, cleared when dropped.
pub struct Interval {
    id: i32,
    _closure: Closure<dyn FnMut()>,
}

impl Interval {
    /// Calls `f` every `ms` milliseconds.
    pub fn every(ms: i32, f: impl FnMut() + 'static) -> Result<Interval, JsValue> {
        let closure = Closure::wrap(Box::new(f) as Box<dyn FnMut()>);
        let id = window()?.set_interval_with_callback_and_timeout_and_arguments_0(
            closure.as_ref().unchecked_ref(),
            ms,
        )?;
        Ok(Interval {
            id,
            _closure: closure,
        })
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let Ok(w) = window() {
            w.clear_interval_with_handle(self.id);
        }
    }
}

/// A `ResizeObserver` on one element, disconnected when dropped.
pub struct Resized {
    observer: web_sys::ResizeObserver,
    _closure: Closure<dyn FnMut()>,
}

impl Resized {
    /// Calls `f` whenever `target`'s size changes.
    pub fn watch(target: &Element, f: impl FnMut() + 'static) -> Result<Resized, JsValue> {
        let closure = Closure::wrap(Box::new(f) as Box<dyn FnMut()>);
        let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref())?;
        observer.observe(target);
        Ok(Resized {
            observer,
            _closure: closure,
        })
    }
}

impl Drop for Resized {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Runs `f` once after `ms` milliseconds, outside the current event
/// listener: work that writes to the page, calls page code or drops a
/// listener must never run inside a listener that it could remove.
pub fn defer(ms: i32, f: impl FnOnce() + 'static) {
    let cb = Closure::once_into_js(f);
    if let Ok(w) = window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms);
    }
}

/// A custom element appended to `<html>` with an open shadow root styled by
/// `css`. Page CSS cannot reach inside; ours cannot leak out.
pub fn shadow_host(
    doc: &Document,
    tag: &str,
    css: &str,
) -> Result<(HtmlElement, ShadowRoot), JsValue> {
    let host: HtmlElement = doc.create_element(tag)?.unchecked_into();
    let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    js_sys::Reflect::set(
        &root,
        &"adoptedStyleSheets".into(),
        &js_sys::Array::of1(&sheet),
    )?;
    doc.document_element()
        .ok_or_else(|| JsValue::from_str("draftguard: the document has no root element"))?
        .append_child(&host)?;
    Ok((host, root))
}

/// The styles of every shadow root the prompt creates.
pub const CSS: &str = include_str!("prompt.css");
