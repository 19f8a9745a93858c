//! `attach(target, options)`: guards one chat input.
//!
//! Listeners sit on `window` in the capture phase, so they run before any
//! handler of the page: Enter (not Shift+Enter, never during an IME
//! composition), a click on the send button, and the form's submit. A draft
//! with nothing at or above the confidence threshold passes untouched. One
//! with findings is held back and the dialog opens; the user's choice is
//! carried out outside the listener (see [`dom::defer`]), and the page's own
//! send is triggered again exactly once with a bypass flag set.
//!
//! The draft is never lost: nothing is written unless the user chose
//! "Redact and send" (or mode "redact"), every write is read back, and a
//! write that does not stick is undone and reported instead of sent.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlFormElement, KeyboardEvent};

use super::dialog::{Choice, Dialog, Item};
use super::dom::{self, Interval, Listener, Resized};
use super::editor::{Edit, Editor};
use super::i18n::{self, plural, Catalog};
use super::overlay::{Overlay, Tone};
use crate::redact::{self, RedactOptions, Style};
use crate::{offsets, Finding, Locale};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** What `attach` does when a draft with findings is sent. */
export type AttachMode = "ask" | "redact" | "warn-only";

/** What the user decided; never contains a raw value. */
export interface Decision {
  action: "edit" | "redact" | "send_anyway";
  /** Kinds of the findings involved, e.g. ["credit_card", "iban"]. */
  kinds: string[];
  /** Set when the guard decided rather than the user: "auto" (mode "redact"), "write_back_failed", "target_removed", "guard_failed". */
  reason?: string;
}

/**
 * Options for `attach(target, options)`: every `GuardOptions` key, plus the prompt's own.
 * Two defaults differ from `GuardOptions` so the prompt does not cry wolf: `minConfidence` is
 * "medium", and `categories` leaves out "contact" (email addresses, phone numbers) unless
 * `categories` or `kinds` is given.
 */
export interface AttachOptions extends GuardOptions {
  /** The page's send button, or a CSS selector for it (resolved on each click). */
  sendButton?: Element | string;
  /** UI language (default: the first of `navigator.languages` that is "en", "de" or "zh"; else "en"). */
  locale?: Locale | string;
  /** "ask" (default): open the dialog; "redact": redact automatically and tell; "warn-only": never block, just tell. */
  mode?: AttachMode;
  /** Highlight sensitive values and show a count badge while typing (default true). */
  highlight?: boolean;
  /** A short notice when pasted text contains sensitive data (default true). */
  pasteNotice?: boolean;
  /** How values are replaced: "mask" (default, "•••• •••• •••• 4242"), "label" ("[CREDIT CARD]") or "char". */
  redactStyle?: "mask" | "label" | "char";
  /** If the guard itself fails: false (default) lets the message through with a visible notice; true holds it back. */
  failClosed?: boolean;
  /** Called after each decision. */
  onDecision?: (decision: Decision) => void;
}

/**
 * Returned by `attach`. The input stays guarded whether or not the handle is kept; an input
 * that has been out of the document for 10 seconds is let go (detached) automatically.
 */
export interface AttachHandle {
  /** Removes every listener, highlight and dialog; the draft stays as it is. */
  detach(): void;
}

/**
 * Guards a chat input: a `<textarea>`, a text `<input>` or a contenteditable element.
 * Throws an Error for other elements, invalid options, or an element that is already attached.
 */
export function attach(target: HTMLTextAreaElement | HTMLInputElement | HTMLElement, options?: AttachOptions): AttachHandle;
"#;

/// What to do with a draft that has findings.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Ask,
    Redact,
    WarnOnly,
}

enum SendButton {
    Element(Element),
    Selector(String),
}

/// How the user tried to send, to do the same again after the prompt.
#[derive(Clone)]
enum Trigger {
    /// With the modifiers held (some chat UIs send on Ctrl/Cmd+Enter).
    Enter {
        ctrl: bool,
        meta: bool,
    },
    Click(HtmlElement),
    Submit(HtmlFormElement),
}

struct Config {
    mode: Mode,
    highlight: bool,
    paste_notice: bool,
    fail_closed: bool,
    send_button: Option<SendButton>,
    on_decision: Option<js_sys::Function>,
    redact: RedactOptions,
    locale: Locale,
    catalog: &'static Catalog,
}

/// A draft held back while the dialog is open.
struct Pending {
    trigger: Trigger,
    text: String,
    findings: Vec<Finding>,
}

struct State {
    editor: Editor,
    /// Send time and pasted text: a full scan of what is about to leave.
    guard: crate::Guard,
    /// Highlights while typing: the same findings, searched only around each edit.
    live: RefCell<crate::LiveScan>,
    cfg: Config,
    overlay: RefCell<Option<Overlay>>,
    dialog: RefCell<Option<(Dialog, Pending)>>,
    /// Set while the page's own send is triggered again: let it through.
    bypass: Cell<bool>,
    /// Set until the end of the current task once a send attempt was let
    /// through, so the events it causes (Enter → the page's submit) pass too.
    let_through: Cell<bool>,
    composing: Cell<bool>,
    /// Bumped on every input; a deferred re-scan runs only if still current.
    generation: Cell<u32>,
    last_text: RefCell<Option<String>>,
    detached: Cell<bool>,
    listeners: RefCell<Vec<Listener>>,
    poll: RefCell<Option<Interval>>,
    /// When the input was first seen out of the document (ms since epoch).
    gone_since: Cell<Option<f64>>,
    resize: RefCell<Option<Resized>>,
}

thread_local! {
    /// Every input guarded now. The registry owns the guard, not the handle:
    /// a page that drops the handle (`attach(el)` without keeping it) must stay
    /// guarded after the handle is garbage-collected. Detaching removes it.
    static ATTACHED: RefCell<Vec<Rc<State>>> = const { RefCell::new(Vec::new()) };
}

/// The handle `attach` returns.
#[wasm_bindgen(skip_typescript)]
pub struct AttachHandle {
    state: Rc<State>,
}

#[wasm_bindgen]
impl AttachHandle {
    /// Removes every listener, highlight and dialog; the draft stays as it is.
    pub fn detach(&self) {
        self.state.detach();
    }
}

/// How long an input may be out of the document before it is detached.
const GONE_DETACH_MS: f64 = 10_000.0;

const ATTACH_KEYS: &[&str] = &[
    "sendButton",
    "locale",
    "mode",
    "highlight",
    "pasteNotice",
    "redactStyle",
    "failClosed",
    "onDecision",
];

/// Guards `target` (a textarea, text input or contenteditable element).
#[wasm_bindgen(skip_typescript)]
pub fn attach(target: JsValue, options: JsValue) -> Result<AttachHandle, JsError> {
    let element: HtmlElement = target
        .dyn_into()
        .map_err(|_| JsError::new("attach(): target must be an HTML element"))?;
    let editor = Editor::new(&element).map_err(|e| JsError::new(&e))?;
    let already = ATTACHED.with(|a| {
        a.borrow()
            .iter()
            .any(|s| s.editor.element().is_same_node(Some(&element)))
    });
    if already {
        return Err(JsError::new(
            "attach(): this element is already guarded; call detach() on its handle first",
        ));
    }
    let (cfg, guard_options) = parse_options(options)?;
    let guard = crate::bindings::core_guard(Some(guard_options))?;
    let doc = dom::document().map_err(js_error)?;
    let overlay = if cfg.highlight || cfg.paste_notice || cfg.mode != Mode::Ask {
        Some(Overlay::new(&doc, cfg.highlight).map_err(js_error)?)
    } else {
        None
    };
    let state = Rc::new(State {
        editor,
        live: RefCell::new(crate::LiveScan::new(guard.clone())),
        guard,
        cfg,
        overlay: RefCell::new(overlay),
        dialog: RefCell::new(None),
        bypass: Cell::new(false),
        let_through: Cell::new(false),
        composing: Cell::new(false),
        generation: Cell::new(0),
        last_text: RefCell::new(None),
        detached: Cell::new(false),
        listeners: RefCell::new(Vec::new()),
        poll: RefCell::new(None),
        gone_since: Cell::new(None),
        resize: RefCell::new(None),
    });
    state.listen().map_err(js_error)?;
    ATTACHED.with(|a| a.borrow_mut().push(state.clone()));
    state.refresh();
    // The first scans use a quick-to-build keyword automaton; build the faster
    // one now, while the user has not started typing.
    dom::defer(250, crate::scan::warm_up);
    Ok(AttachHandle { state })
}

fn js_error(e: JsValue) -> JsError {
    JsError::new(
        &e.as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "draftguard: DOM error".into()),
    )
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn opt_bool(obj: &JsValue, key: &str, default: bool) -> Result<bool, JsError> {
    let v = get(obj, key);
    if v.is_undefined() {
        return Ok(default);
    }
    v.as_bool().ok_or_else(|| {
        JsError::new(&format!(
            "invalid AttachOptions: {key} must be true or false"
        ))
    })
}

fn opt_string(obj: &JsValue, key: &str) -> Result<Option<String>, JsError> {
    let v = get(obj, key);
    if v.is_undefined() {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| JsError::new(&format!("invalid AttachOptions: {key} must be a string")))
}

/// Splits `AttachOptions` into the prompt's settings and a `GuardOptions` object.
fn parse_options(options: JsValue) -> Result<(Config, JsValue), JsError> {
    let bad = |m: String| JsError::new(&format!("invalid AttachOptions: {m}"));
    let options = if options.is_undefined() || options.is_null() {
        js_sys::Object::new().into()
    } else if options.is_object() && !js_sys::Array::is_array(&options) {
        options
    } else {
        return Err(bad("expected an object".into()));
    };
    let guard_options = js_sys::Object::new();
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let k = key.as_string().unwrap_or_default();
        if crate::bindings::GUARD_OPTION_KEYS.contains(&k.as_str()) {
            js_sys::Reflect::set(&guard_options, &key, &get(&options, &k)).map_err(js_error)?;
        } else if !ATTACH_KEYS.contains(&k.as_str()) {
            return Err(bad(format!(
                "unknown option {k:?}; expected one of {}, {}",
                ATTACH_KEYS.join(", "),
                crate::bindings::GUARD_OPTION_KEYS.join(", ")
            )));
        }
    }
    // Contact details alone (an email address, a phone number) are shared in chats all the time:
    // a prompt for them would cry wolf. They count only when the page asks for them.
    if get(&options, "categories").is_undefined() && get(&options, "kinds").is_undefined() {
        let all_but_contact: js_sys::Array = crate::Category::ALL
            .iter()
            .filter(|c| **c != crate::Category::Contact)
            .map(|c| JsValue::from_str(c.as_str()))
            .collect();
        js_sys::Reflect::set(&guard_options, &"categories".into(), &all_but_contact)
            .map_err(js_error)?;
    }
    if get(&options, "minConfidence").is_undefined() {
        js_sys::Reflect::set(&guard_options, &"minConfidence".into(), &"medium".into())
            .map_err(js_error)?;
    }
    let mode = match opt_string(&options, "mode")?.as_deref() {
        None | Some("ask") => Mode::Ask,
        Some("redact") => Mode::Redact,
        Some("warn-only") => Mode::WarnOnly,
        Some(m) => {
            return Err(bad(format!(
                "mode must be \"ask\", \"redact\" or \"warn-only\", got {m:?}"
            )))
        }
    };
    let style = match opt_string(&options, "redactStyle")?.as_deref() {
        None | Some("mask") => Style::Mask,
        Some("label") => Style::Label,
        Some("char") => Style::Char,
        Some(s) => {
            return Err(bad(format!(
                "redactStyle must be \"mask\", \"label\" or \"char\", got {s:?}"
            )))
        }
    };
    let locale = match opt_string(&options, "locale")? {
        Some(l) => Locale::parse(&l)
            .ok_or_else(|| bad(format!("unsupported locale {l:?}; supported: en, de, zh")))?,
        None => {
            let langs = crate::bindings::browser_languages().unwrap_or_default();
            i18n::negotiate(langs.iter().map(String::as_str))
        }
    };
    let send_button = {
        let v = get(&options, "sendButton");
        if v.is_undefined() || v.is_null() {
            None
        } else if let Some(sel) = v.as_string() {
            dom::document()
                .map_err(js_error)?
                .query_selector(&sel)
                .map_err(|_| bad(format!("sendButton {sel:?} is not a valid CSS selector")))?;
            Some(SendButton::Selector(sel))
        } else if let Some(e) = v.dyn_ref::<Element>() {
            Some(SendButton::Element(e.clone()))
        } else {
            return Err(bad("sendButton must be an element or a CSS selector".into()));
        }
    };
    let on_decision = {
        let v = get(&options, "onDecision");
        if v.is_undefined() || v.is_null() {
            None
        } else {
            Some(
                v.dyn_into::<js_sys::Function>()
                    .map_err(|_| bad("onDecision must be a function".into()))?,
            )
        }
    };
    let cfg = Config {
        mode,
        highlight: opt_bool(&options, "highlight", true)?,
        paste_notice: opt_bool(&options, "pasteNotice", true)?,
        fail_closed: opt_bool(&options, "failClosed", false)?,
        send_button,
        on_decision,
        redact: RedactOptions {
            style,
            locale,
            ..RedactOptions::default()
        },
        locale,
        catalog: i18n::catalog(locale),
    };
    Ok((cfg, guard_options.into()))
}

/// Whether `event` was aimed at (something inside) `target`, across shadow roots.
fn aimed_at(event: &Event, target: &Element) -> bool {
    event.composed_path().iter().any(|n| {
        n.dyn_ref::<Element>()
            .is_some_and(|e| e.is_same_node(Some(target)))
    })
}

impl State {
    fn listen(self: &Rc<State>) -> Result<(), JsValue> {
        let w = dom::window()?;
        let el = self.editor.element().clone();
        let mut ls = Vec::new();
        let weak = Rc::downgrade(self);
        let on = |f: fn(&Rc<State>, Event)| {
            let weak = weak.clone();
            move |e: Event| {
                if let Some(s) = weak.upgrade() {
                    if !s.detached.get() {
                        f(&s, e);
                    }
                }
            }
        };
        ls.push(Listener::new(
            &w,
            "keydown",
            true,
            false,
            on(State::on_keydown),
        )?);
        ls.push(Listener::new(
            &w,
            "click",
            true,
            false,
            on(State::on_click),
        )?);
        ls.push(Listener::new(
            &w,
            "submit",
            true,
            false,
            on(State::on_submit),
        )?);
        ls.push(Listener::new(
            &w,
            "scroll",
            true,
            true,
            on(State::on_scroll),
        )?);
        ls.push(Listener::new(
            &w,
            "resize",
            false,
            true,
            on(State::on_geometry),
        )?);
        ls.push(Listener::new(
            &el,
            "input",
            false,
            true,
            on(State::on_input),
        )?);
        ls.push(Listener::new(
            &el,
            "paste",
            false,
            true,
            on(State::on_paste),
        )?);
        ls.push(Listener::new(
            &el,
            "compositionstart",
            false,
            true,
            on(|s, _| s.composing.set(true)),
        )?);
        ls.push(Listener::new(
            &el,
            "compositionend",
            false,
            true,
            on(|s, _| s.composing.set(false)),
        )?);
        *self.listeners.borrow_mut() = ls;
        // The user resizing the input (drag handle, auto-growing boxes).
        let weak = Rc::downgrade(self);
        *self.resize.borrow_mut() = Some(Resized::watch(&el, move || {
            if let Some(s) = weak.upgrade() {
                if let Some(o) = s.overlay.borrow().as_ref() {
                    let _ = o.position(&s.editor);
                }
            }
        })?);
        // Catches what no event tells: the page clearing the input after
        // sending, layout shifts, the input being removed.
        let weak = Rc::downgrade(self);
        *self.poll.borrow_mut() = Some(Interval::every(500, move || {
            if let Some(s) = weak.upgrade() {
                s.on_poll();
            }
        })?);
        Ok(())
    }

    fn detach(&self) {
        if self.detached.replace(true) {
            return;
        }
        let mine = ATTACHED.with(|a| {
            let mut a = a.borrow_mut();
            let at = a.iter().position(|s| std::ptr::eq(&**s, self));
            at.map(|i| a.swap_remove(i))
        });
        drop(mine); // outside the registry's borrow
        self.listeners.borrow_mut().clear();
        self.poll.borrow_mut().take();
        self.resize.borrow_mut().take();
        if let Some(o) = self.overlay.borrow_mut().take() {
            o.remove();
        }
        if self.dialog.borrow_mut().take().is_some() {
            let _ = self.editor.element().focus();
        }
    }

    fn on_keydown(self: &Rc<State>, e: Event) {
        let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if k.key() != "Enter" || k.shift_key() || k.alt_key() {
            return;
        }
        // Enter that commits an IME composition (Chinese, Japanese) is not a send.
        if k.is_composing() || k.key_code() == 229 || self.composing.get() {
            return;
        }
        if !aimed_at(&e, self.editor.element()) {
            return;
        }
        let (ctrl, meta) = (k.ctrl_key(), k.meta_key());
        self.intercept(&e, Trigger::Enter { ctrl, meta });
    }

    fn on_click(self: &Rc<State>, e: Event) {
        let Some(button) = self.send_button_in(&e) else {
            return;
        };
        self.intercept(&e, Trigger::Click(button));
    }

    fn on_submit(self: &Rc<State>, e: Event) {
        let Some(form) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        if !form.contains(Some(self.editor.element())) {
            return;
        }
        self.intercept(&e, Trigger::Submit(form));
    }

    fn on_geometry(self: &Rc<State>, _: Event) {
        if let Some(o) = self.overlay.borrow().as_ref() {
            let _ = o.position(&self.editor);
        }
    }

    /// Any scroll on the page (capture phase): move, without restyling.
    fn on_scroll(self: &Rc<State>, _: Event) {
        if let Some(o) = self.overlay.borrow().as_ref() {
            let _ = o.follow(&self.editor);
        }
    }

    fn on_input(self: &Rc<State>, _: Event) {
        // Debounced and outside the input path: typing never waits for a scan.
        let generation = self.generation.get().wrapping_add(1);
        self.generation.set(generation);
        self.later(120, move |s| {
            if s.generation.get() == generation && !s.detached.get() {
                s.refresh();
            }
        });
    }

    fn on_paste(self: &Rc<State>, e: Event) {
        if !self.cfg.paste_notice {
            return;
        }
        let pasted = e
            .dyn_ref::<web_sys::ClipboardEvent>()
            .and_then(|c| c.clipboard_data())
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        if pasted.trim().is_empty() {
            return;
        }
        self.later(0, move |s| {
            let Ok(found) = s.guard.scan(&pasted) else {
                return;
            };
            if found.is_empty() {
                return;
            }
            let cat = s.cfg.catalog;
            let names = s.names(&found);
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            s.notice(
                &cat.pasted.replace("{names}", &cat.list(&names)),
                Tone::Info,
            );
        });
    }

    fn on_poll(self: &Rc<State>) {
        if self.detached.get() {
            return;
        }
        let connected = self.editor.element().is_connected();
        // An input gone for good (frameworks re-create rather than re-insert)
        // is let go after a while, so removed inputs do not pile up.
        let now = js_sys::Date::now();
        match (connected, self.gone_since.get()) {
            (true, _) => self.gone_since.set(None),
            (false, None) => self.gone_since.set(Some(now)),
            (false, Some(t)) if now - t > GONE_DETACH_MS => {
                // Not inside the interval's own callback, which detach drops.
                self.later(0, |s| s.detach());
            }
            _ => {}
        }
        if !connected && self.dialog.borrow().is_some() {
            // The input is gone: nothing to write back into; close quietly.
            let pending = self.dialog.borrow_mut().take().map(|(_, p)| p);
            if let Some(p) = pending {
                self.decided("edit", &p.findings, Some("target_removed"));
            }
        }
        let changed =
            connected && self.last_text.borrow().as_deref() != Some(self.editor.text().as_str());
        if changed {
            self.refresh();
        } else if let Some(o) = self.overlay.borrow().as_ref() {
            let _ = o.position(&self.editor);
        }
    }

    /// The send button the click event went through, if any.
    fn send_button_in(&self, e: &Event) -> Option<HtmlElement> {
        let sb = self.cfg.send_button.as_ref()?;
        e.composed_path().iter().find_map(|n| {
            let el = n.dyn_into::<Element>().ok()?;
            let hit = match sb {
                SendButton::Element(b) => el.is_same_node(Some(b)),
                SendButton::Selector(s) => el.matches(s).unwrap_or(false),
            };
            if hit {
                el.dyn_into::<HtmlElement>().ok()
            } else {
                None
            }
        })
    }

    /// Re-scans the draft for highlights and the badge: a live scan, which
    /// searches only around what changed since the last refresh.
    fn refresh(&self) {
        let text = self.editor.text();
        let spans = match self.live.borrow_mut().update(&text) {
            Ok(findings) => spans16(&text, findings),
            Err(_) => Vec::new(),
        };
        if let Some(o) = self.overlay.borrow_mut().as_mut() {
            let title = plural(&self.cfg.catalog.badge, spans.len());
            let _ = o.render(&self.editor, &text, &spans, &title);
        }
        *self.last_text.borrow_mut() = Some(text);
    }

    fn notice(&self, text: &str, tone: Tone) {
        if let Some(o) = self.overlay.borrow().as_ref() {
            let _ = o.notice(text, tone, self.cfg.catalog.dismiss);
        }
    }

    /// Distinct plain-language names of the findings' kinds, in order.
    fn names(&self, findings: &[Finding]) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for f in findings {
            let n = f.kind.name(self.cfg.locale).to_string();
            if !names.contains(&n) {
                names.push(n);
            }
        }
        names
    }

    /// A send attempt: let it through, or hold it back and ask.
    fn intercept(self: &Rc<State>, e: &Event, trigger: Trigger) {
        if self.bypass.get() || self.let_through.get() {
            return; // our own re-send, or the same attempt already let through
        }
        if self.dialog.borrow().is_some() {
            hold(e); // already asking
            return;
        }
        let text = self.editor.text();
        if text.trim().is_empty() {
            return self.let_through();
        }
        let findings = match self.guard.scan(&text) {
            Ok(f) => f,
            Err(_) => {
                let cat = self.cfg.catalog;
                if self.cfg.fail_closed {
                    hold(e);
                    self.notice(cat.failed_closed, Tone::Warn);
                    self.decided("edit", &[], Some("guard_failed"));
                } else {
                    self.let_through();
                    self.notice(cat.failed_open, Tone::Warn);
                    self.decided("send_anyway", &[], Some("guard_failed"));
                }
                return;
            }
        };
        if findings.is_empty() {
            return self.let_through();
        }
        match self.cfg.mode {
            Mode::WarnOnly => {
                self.let_through();
                self.notice(
                    &plural(&self.cfg.catalog.warned, findings.len()),
                    Tone::Info,
                );
            }
            Mode::Redact => {
                hold(e);
                let pending = Pending {
                    trigger,
                    text,
                    findings,
                };
                self.later(0, move |s| {
                    let all = vec![true; pending.findings.len()];
                    s.redact_and_send(pending, &all, true);
                });
            }
            Mode::Ask => {
                hold(e);
                self.ask(Pending {
                    trigger,
                    text,
                    findings,
                });
            }
        }
    }

    fn let_through(self: &Rc<State>) {
        self.let_through.set(true);
        self.later(0, |s| s.let_through.set(false));
    }

    /// Runs `f` after `ms` milliseconds outside the current listener (see
    /// [`dom::defer`]), unless the guard is gone by then.
    fn later(self: &Rc<State>, ms: i32, f: impl FnOnce(&Rc<State>) + 'static) {
        let weak = Rc::downgrade(self);
        dom::defer(ms, move || {
            if let Some(s) = weak.upgrade() {
                f(&s);
            }
        });
    }

    fn ask(self: &Rc<State>, pending: Pending) {
        let cat = self.cfg.catalog;
        let items: Vec<Item> = pending
            .findings
            .iter()
            .map(|f| {
                let name = f.kind.name(self.cfg.locale).to_string();
                Item {
                    why: cat.explain(&f.reasons, &name),
                    name,
                    category: cat.category(f.category).to_string(),
                    preview: f.preview.clone(),
                }
            })
            .collect();
        let weak = Rc::downgrade(self);
        let opened = Dialog::open(cat, &items, move |choice| {
            if let Some(s) = weak.upgrade() {
                s.later(0, move |s| s.choose(choice));
            }
        });
        match opened {
            Ok(d) => *self.dialog.borrow_mut() = Some((d, pending)),
            Err(_) => {
                // No dialog, no silent block: fail open or closed as configured.
                let cat = self.cfg.catalog;
                if self.cfg.fail_closed {
                    self.notice(cat.failed_closed, Tone::Warn);
                } else {
                    self.notice(cat.failed_open, Tone::Warn);
                    self.resend(&pending.trigger);
                }
            }
        }
    }

    fn choose(self: &Rc<State>, choice: Choice) {
        let Some((dialog, pending)) = self.dialog.borrow_mut().take() else {
            return; // already decided (double click)
        };
        drop(dialog);
        match choice {
            Choice::Edit => {
                let _ = self.editor.element().focus();
                self.decided("edit", &pending.findings, None);
            }
            Choice::SendAnyway => {
                self.resend(&pending.trigger);
                self.decided("send_anyway", &pending.findings, None);
            }
            Choice::RedactAndSend(chosen) => self.redact_and_send(pending, &chosen, false),
        }
    }

    /// Writes the redacted draft back, confirms it stuck once the page's
    /// framework had its turn, then sends; otherwise restores and reports.
    fn redact_and_send(self: &Rc<State>, pending: Pending, chosen: &[bool], auto: bool) {
        let reason = auto.then_some("auto");
        if !self.editor.element().is_connected() {
            self.decided("edit", &pending.findings, Some("target_removed"));
            return;
        }
        let redacted: Vec<Finding> = pending
            .findings
            .iter()
            .zip(chosen)
            .filter(|(_, c)| **c)
            .map(|(f, _)| f.clone())
            .collect();
        let edits: Vec<Edit> = redacted
            .iter()
            .zip(offsets::finding_spans(&pending.text, &redacted))
            .map(|(f, (start, end))| Edit {
                start: start as u32,
                end: end as u32,
                with: redact::replacement(&pending.text[f.start..f.end], f, &self.cfg.redact),
            })
            .collect();
        let expected = match self.editor.write(&pending.text, &edits) {
            Ok(t) => t,
            Err(_) => return self.write_back_failed(&pending),
        };
        self.later(0, move |s| {
            if s.editor.text() != expected {
                return s.write_back_failed(&pending);
            }
            s.resend(&pending.trigger);
            if auto {
                s.notice(
                    &plural(&s.cfg.catalog.auto_redacted, redacted.len()),
                    Tone::Info,
                );
            }
            s.decided("redact", &redacted, reason);
        });
    }

    /// The redaction did not stick: put the draft back as it was, say so, don't send.
    fn write_back_failed(&self, pending: &Pending) {
        if self.editor.text() != pending.text && self.editor.is_field() {
            let _ = self.editor.set_field_value(&pending.text);
        }
        self.notice(self.cfg.catalog.write_back_failed, Tone::Warn);
        let _ = self.editor.element().focus();
        self.decided("edit", &pending.findings, Some("write_back_failed"));
    }

    /// Triggers the page's own send once, past the guard.
    fn resend(self: &Rc<State>, trigger: &Trigger) {
        self.bypass.set(true);
        match trigger {
            Trigger::Click(button) => button.click(),
            Trigger::Submit(form) => {
                let _ = form.request_submit();
            }
            Trigger::Enter { ctrl, meta } => {
                let button = self.current_send_button();
                if let Some(b) = button {
                    b.click();
                } else if !self.press_enter(*ctrl, *meta) {
                    // The page did not handle Enter itself: submit its form, if any.
                    if let Some(form) = self
                        .editor
                        .element()
                        .closest("form")
                        .ok()
                        .flatten()
                        .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
                    {
                        let _ = form.request_submit();
                    }
                }
            }
        }
        self.bypass.set(false);
        // Focus back in the input unless the page put it somewhere on purpose.
        let doc_focus = dom::document().ok().and_then(|d| {
            let body = d.body();
            d.active_element()
                .map(|a| body.is_some_and(|b| a.is_same_node(Some(&b))))
        });
        if doc_focus.unwrap_or(true) {
            let _ = self.editor.element().focus();
        }
        // The page usually clears the input after sending: re-scan soon.
        self.later(50, |s| s.refresh());
    }

    /// Dispatches Enter to the input; true if a page handler took it
    /// (called `preventDefault`), as chat inputs that send on Enter do.
    fn press_enter(&self, ctrl: bool, meta: bool) -> bool {
        let init = web_sys::KeyboardEventInit::new();
        init.set_ctrl_key(ctrl);
        init.set_meta_key(meta);
        init.set_key("Enter");
        init.set_code("Enter");
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_composed(true);
        let _ = js_sys::Reflect::set(&init, &"keyCode".into(), &13.into());
        let _ = js_sys::Reflect::set(&init, &"which".into(), &13.into());
        let Ok(ev) = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init) else {
            return false;
        };
        let not_cancelled = self.editor.element().dispatch_event(&ev).unwrap_or(true);
        !not_cancelled
    }

    fn current_send_button(&self) -> Option<HtmlElement> {
        match self.cfg.send_button.as_ref()? {
            SendButton::Element(e) => e.clone().dyn_into().ok(),
            SendButton::Selector(s) => dom::document()
                .ok()?
                .query_selector(s)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into().ok()),
        }
    }

    /// Tells the page what happened (never a raw value).
    fn decided(&self, action: &str, findings: &[Finding], reason: Option<&str>) {
        let Some(f) = self.cfg.on_decision.as_ref() else {
            return;
        };
        let kinds = js_sys::Array::new();
        let mut seen: Vec<&str> = Vec::new();
        for x in findings {
            if !seen.contains(&x.kind.as_str()) {
                seen.push(x.kind.as_str());
                kinds.push(&x.kind.as_str().into());
            }
        }
        let d = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&d, &"action".into(), &action.into());
        let _ = js_sys::Reflect::set(&d, &"kinds".into(), &kinds);
        if let Some(r) = reason {
            let _ = js_sys::Reflect::set(&d, &"reason".into(), &r.into());
        }
        // The page's callback failing must not break the prompt.
        let _ = f.call1(&JsValue::NULL, &d);
    }
}

/// Stops a send attempt before any page handler sees it.
fn hold(e: &Event) {
    e.prevent_default();
    e.stop_immediate_propagation();
}

/// UTF-16 spans of `findings` in `text`, sorted.
fn spans16(text: &str, findings: &[Finding]) -> Vec<(u32, u32)> {
    let mut spans: Vec<(u32, u32)> = offsets::finding_spans(text, findings)
        .into_iter()
        .map(|(s, e)| (s as u32, e as u32))
        .collect();
    spans.sort_unstable();
    spans
}
