//! Small DOM helpers shared by the prompt's parts: element building, and
//! event listeners, timers, observers and shadow hosts that go through the
//! [`Shell`] (so a trap is caught and cleaned up in JavaScript) and remove
//! themselves when dropped. Styles come from a constructed stylesheet
//! (allowed under a strict CSP, unlike `<style>` elements or `style`
//! attributes in markup).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, EventTarget, HtmlElement, ShadowRoot};

use super::shell::Shell;

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

/// [`el`], appended to `parent`.
pub fn child(
    doc: &Document,
    parent: &web_sys::Node,
    tag: &str,
    class: &str,
    text: &str,
) -> Result<HtmlElement, JsValue> {
    let e = el(doc, tag, class, text)?;
    parent.append_child(&e)?;
    Ok(e)
}

/// Sets several attributes.
pub fn attrs(e: &Element, pairs: &[(&str, &str)]) -> Result<(), JsValue> {
    for (k, v) in pairs {
        e.set_attribute(k, v)?;
    }
    Ok(())
}

/// An event listener, called through the shell and removed when dropped.
pub struct Listener {
    shell: Shell,
    target: EventTarget,
    event: &'static str,
    capture: bool,
    wrapper: js_sys::Function,
    _closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    /// Adds `f` as a listener for `event` on `target`.
    pub fn new(
        shell: &Shell,
        target: &EventTarget,
        event: &'static str,
        capture: bool,
        passive: bool,
        f: impl FnMut(web_sys::Event) + 'static,
    ) -> Listener {
        let closure = Closure::wrap(Box::new(f) as Box<dyn FnMut(web_sys::Event)>);
        let wrapper = shell.listen(
            target,
            event,
            capture,
            passive,
            closure.as_ref().unchecked_ref(),
        );
        Listener {
            shell: shell.clone(),
            target: target.clone(),
            event,
            capture,
            wrapper,
            _closure: closure,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.shell
            .unlisten(&self.target, self.event, &self.wrapper, self.capture);
    }
}

/// A repeating timer, cleared when dropped.
pub struct Interval {
    shell: Shell,
    id: f64,
    _closure: Closure<dyn FnMut()>,
}

impl Interval {
    /// Calls `f` every `ms` milliseconds.
    pub fn every(shell: &Shell, ms: i32, f: impl FnMut() + 'static) -> Interval {
        let closure = Closure::wrap(Box::new(f) as Box<dyn FnMut()>);
        let id = shell.every(ms, closure.as_ref().unchecked_ref());
        Interval {
            shell: shell.clone(),
            id,
            _closure: closure,
        }
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        self.shell.clear(self.id);
    }
}

/// A `ResizeObserver` on one element, disconnected when dropped.
pub struct Resized {
    shell: Shell,
    observer: JsValue,
    _closure: Closure<dyn FnMut()>,
}

impl Resized {
    /// Calls `f` whenever `target`'s size changes.
    pub fn watch(shell: &Shell, target: &Element, f: impl FnMut() + 'static) -> Resized {
        let closure = Closure::wrap(Box::new(f) as Box<dyn FnMut()>);
        let observer = shell.observe(target, closure.as_ref().unchecked_ref());
        Resized {
            shell: shell.clone(),
            observer,
            _closure: closure,
        }
    }
}

impl Drop for Resized {
    fn drop(&mut self) {
        self.shell.unobserve(&self.observer);
    }
}

/// Runs `f` once after `ms` milliseconds, outside the current event
/// listener: work that writes to the page, calls page code or drops a
/// listener must never run inside a listener that it could remove.
pub fn defer(shell: &Shell, ms: i32, f: impl FnOnce() + 'static) {
    shell.defer(ms, &Closure::once_into_js(f));
}

/// A shadow host on the page (a custom element appended to `<html>`) with a
/// closed shadow root styled by [`CSS`], removed when dropped. Page CSS cannot
/// reach inside, ours cannot leak out, and page script cannot read it.
pub struct Host {
    shell: Shell,
    /// The shadow root, to build in.
    pub root: ShadowRoot,
}

impl Host {
    /// A new host named `tag`.
    pub fn new(shell: &Shell, tag: &str) -> Result<Host, JsValue> {
        Ok(Host {
            shell: shell.clone(),
            root: shell.host(tag)?,
        })
    }

    /// The host element.
    pub fn element(&self) -> Element {
        self.root.host()
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.shell.unhost(&self.root);
    }
}

/// The styles of every shadow root the prompt creates.
pub const CSS: &str = include_str!("prompt.css");
