//! `attach(target, options)`: guards one chat input.
//!
//! The input's [`Shell`] (JavaScript, `shell.js`) recognises send attempts in
//! the capture phase on `window`, before any handler of the page: Enter (not
//! Shift+Enter, never during an IME composition; only with `sendOnEnter`), a
//! click on the input's send button, and its form's submit. Each goes to
//! [`State::on_send`]. A draft with nothing at or above the confidence
//! threshold passes untouched. One with findings is held back and the dialog
//! opens; the choice is carried out outside the listener, and the page's own
//! send is triggered again exactly once.
//!
//! The send flow is a state machine, [`Phase`]: each phase owns what it needs
//! (the held draft, the open dialog, what was written), so a second send while
//! asking is held by construction, a write-back is read back against exactly
//! what this guard wrote, and the dialog closes whenever the phase ends.
//! Where the input is ([`Life`]) is a second, separate machine: guarded while
//! in the page, held only weakly once it has been out of the page for a while
//! (a framework may insert it again: then it is guarded again; if it is
//! garbage-collected, the guard lets go for good).
//!
//! The draft is never lost: nothing is written unless the user chose
//! "Redact and send" (or mode "redact"), nothing is written over a draft that
//! changed while asking, every write is read back, and a write that did not
//! stick is undone only while the input still holds what this guard wrote.
//! If the module itself fails (a trap), the shell cleans up without it.

use std::cell::{Cell, RefCell};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlFormElement, KeyboardEvent};

use super::attachments::{self, Checked, Fate, NotChecked, Outcome};
use super::dialog::{Decision, Dialog, FileDecision, Row};
use super::dom::{self, Interval, Listener, Resized};
use super::editor::{self, Edit, Editor};
use super::i18n::{self, plural_count, Catalog};
use super::overlay::{Overlay, Tone};
use super::shell::{self, Shell};
use crate::bindings::{self, options::Object};
use crate::redact::{self, RedactOptions, Style};
use crate::scan::Field;
use crate::{offsets, Finding, Kind, Locale, Options};

/// A long file's scan on the main thread, between two of its steps.
struct Steps {
    /// The text as the shell gave it, in parts still to read into `text`, and how far the
    /// first is read (UTF-16 units).
    parts: std::collections::VecDeque<js_sys::JsString>,
    read: u32,
    windows: crate::scan::Windows,
    found: Vec<Finding>,
    text: String,
    encoding: Option<String>,
    /// The progress note, once the scan took longer than one step, and its *Cancel*.
    note: Option<(shell::Progress, Closure<dyn FnMut()>)>,
    /// Set by the note's *Cancel*.
    cancelled: Rc<Cell<bool>>,
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** What `attach` does when a draft with findings is sent. */
export type AttachMode = "ask" | "redact" | "warn-only";

/** What the user decided; never contains a raw value. */
export interface Decision {
  /**
   * About a draft: "edit", "redact" (redact and send), "send_anyway". About files being
   * attached: "remove", "redact" (attach redacted copies), "attach_anyway".
   */
  action: "edit" | "redact" | "send_anyway" | "remove" | "attach_anyway";
  /** Kinds of the findings involved, e.g. ["credit_card", "iban"]. */
  kinds: string[];
  /** For files: each file of the attempt, with what was found in it and what became of it. */
  files?: FileDecision[];
  /**
   * Set when the guard decided rather than the user: "auto" (mode "redact"), "write_back_failed"
   * (the redaction did not stick; nothing was sent), "draft_changed" (the draft changed while
   * the dialog was open; nothing was written or sent), "target_removed", "guard_failed" (the
   * scan failed), "error" (draftguard stopped after an internal error; `kinds` is empty).
   */
  reason?: string;
}

/** One file of an attempt to attach files, in `Decision.files`: no content, no value. */
export interface FileDecision {
  name: string;
  /** Bytes, as the user chose it. */
  size: number;
  /** Kinds found in it. */
  kinds: string[];
  /** False when it could not be read (an image, a PDF, a damaged or too large file). */
  checked: boolean;
  /** What the page got: the file as it is, a redacted copy, or nothing. */
  result: "attached" | "redacted" | "removed";
}

/**
 * Options for `attach(target, options)`: every `GuardOptions` key, plus the prompt's own.
 * Two defaults differ from `GuardOptions` so the prompt does not cry wolf: `minConfidence` is
 * "medium", and `categories` leaves out "contact" (email addresses, phone numbers) unless
 * `categories` or `kinds` is given.
 */
export interface AttachOptions extends GuardOptions {
  /**
   * The page's send button, or a CSS selector for it. A selector is resolved from the input:
   * the first match in the nearest ancestor of the input that has one (its form or composer),
   * never another composer's button. Default: the submit button of the input's form.
   */
  sendButton?: Element | string;
  /** Whether Enter sends (default true). With false, Enter is a newline; only the send button and the form's submit are guarded. */
  sendOnEnter?: boolean;
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
  /**
   * Check files before the page gets them (default true): chosen in the composer's file
   * input, dropped onto the composer (the input's form, else the element holding its file
   * input) or pasted into it. Clean files pass at once; files with findings, or named like an
   * identity document, open the file prompt; files that cannot be read pass with a note.
   */
  checkFiles?: boolean;
  /**
   * The composer's file input, or a CSS selector for it (resolved from the input as
   * `sendButton` is). Default: the file inputs in the nearest ancestor of the input that has
   * one (its form or composer).
   */
  fileInput?: Element | string;
  /**
   * The URL of the files module (`files/draftguard_files.js` of the package), for where the
   * default — imported relative to draftguard.js — is not allowed (a browser extension's
   * content script). Its `.wasm` is loaded from beside it.
   */
  filesModule?: string;
}

/**
 * Returned by `attach`. The input stays guarded whether or not the handle is kept. An input
 * taken out of the page stays guarded when it is put back (frameworks that keep a composer
 * and re-insert it); after 10 seconds out, draftguard holds it only weakly, and lets go for
 * good once the page has dropped it (garbage-collected).
 */
export interface AttachHandle {
  /** Removes every listener, highlight and dialog; the draft stays as it is. */
  detach(): void;
  /** True once `detach()` was called or the input was let go (garbage-collected). */
  readonly detached: boolean;
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

/// How the user tried to send, to do the same again after the prompt.
enum Trigger {
    /// With the modifiers held (some chat UIs send on Ctrl/Cmd+Enter).
    Enter {
        ctrl: bool,
        meta: bool,
    },
    Click(Element),
    Submit(HtmlFormElement),
}

/// What `onDecision` reports as `action`.
#[derive(Clone, Copy)]
enum Action {
    Edit,
    Redact,
    SendAnyway,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Action::Edit => "edit",
            Action::Redact => "redact",
            Action::SendAnyway => "send_anyway",
        }
    }
}

/// Why the guard decided rather than the user (`onDecision`'s `reason`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reason {
    Auto,
    WriteBackFailed,
    DraftChanged,
    TargetRemoved,
    GuardFailed,
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Reason::Auto => "auto",
            Reason::WriteBackFailed => "write_back_failed",
            Reason::DraftChanged => "draft_changed",
            Reason::TargetRemoved => "target_removed",
            Reason::GuardFailed => "guard_failed",
        }
    }
}

struct Config {
    mode: Mode,
    highlight: bool,
    paste_notice: bool,
    fail_closed: bool,
    send_on_enter: bool,
    /// An element or a selector (JS value as given), or `null`: for the shell.
    send_button: JsValue,
    on_decision: Option<js_sys::Function>,
    /// The scan's bound on findings (`maxFindings`), when the core has one.
    max_findings: Option<usize>,
    /// Check attachments (`checkFiles`).
    check_files: bool,
    /// An element or a selector (JS value as given), or `null`: for the shell.
    file_input: JsValue,
    /// The files module's URL (`filesModule`), or `null`: for the shell.
    files_module: JsValue,
    /// What the files Worker needs to scan as this guard does: `{options, redact}` (plain
    /// GuardOptions with attach's defaults applied, and the redaction's style and locale).
    worker: JsValue,
    /// Custom rules' kinds and names (a Worker's counts name kinds by id).
    custom_names: Vec<(String, String)>,
    redact: RedactOptions,
    locale: Locale,
    catalog: &'static Catalog,
}

/// A draft held back while the guard asks (or redacts it, in mode "redact").
struct Held {
    trigger: Trigger,
    text: String,
    findings: Vec<Finding>,
    /// The scan stopped at `maxFindings`: the redaction scans the whole text.
    capped: bool,
    /// The kinds each row of the dialog stands for.
    rows: Vec<Vec<Kind>>,
}

/// The send flow. Each phase owns what it needs; nothing else holds it.
enum Phase {
    /// Nothing held: the next send attempt is checked.
    Idle,
    /// A send attempt was let through; what it causes in the same task (Enter
    /// → the page's submit) passes too.
    Passing,
    /// A draft is held. The dialog asks the user; in mode "redact" there is no
    /// dialog and the guard decides.
    Asking { held: Held, dialog: Option<Dialog> },
    /// The redacted draft was written (`wrote`, after `edits` edits); it is
    /// read back once the page's framework had its turn.
    WritingBack {
        held: Held,
        wrote: String,
        redacted: Vec<Finding>,
        edits: usize,
        auto: bool,
    },
    /// The page's own send is being triggered again: every attempt passes.
    Resending,
}

/// Where the guarded input is.
enum Life {
    /// In the page, or out of it for less than [`DORMANT_AFTER_MS`]: guarded.
    Active(Active),
    /// Out of the page for a while: held only weakly, so an input gone for good
    /// can be garbage-collected; guarded again when it is back in the page.
    Dormant(js_sys::WeakRef),
    /// `detach()` was called, or the input was garbage-collected.
    Detached,
}

/// What a guarded input in the page needs.
struct Active {
    editor: Editor,
    overlay: Overlay,
    _listeners: Vec<Listener>,
    _resize: Resized,
    /// When the input was first seen out of the document (ms since epoch).
    gone_since: Option<f64>,
}

struct State {
    shell: Shell,
    cfg: Config,
    /// Send time and pasted text: a full scan of what is about to leave.
    guard: crate::Guard,
    /// Highlights while typing: the same findings, searched only around each edit.
    live: RefCell<crate::LiveScan>,
    life: RefCell<Life>,
    phase: RefCell<Phase>,
    /// The draft the user last approved (a hash of it, not the text): a page
    /// that ignores synthetic keys gets it on the user's next real Enter or click.
    approved: Cell<Option<u64>>,
    /// Bumped on every input; a deferred re-scan runs only if still current.
    generation: Cell<u32>,
    last_text: RefCell<Option<String>>,
    poll: RefCell<Option<Interval>>,
    on_send: RefCell<Option<OnSend>>,
    /// `detach()` after the module broke: only the shell could be stopped.
    stopped: Cell<bool>,
    /// Attempts to attach files being read and scanned, by number.
    batches: RefCell<Vec<(u32, Batch)>>,
    /// Long files being scanned on the main thread, by attempt and file, between two steps.
    stepping: RefCell<Vec<(u32, usize, Steps)>>,
    /// The attempt the file prompt asks about, and the ones waiting for it.
    files_asking: RefCell<Option<(Batch, Dialog)>>,
    files_queue: RefCell<Vec<Batch>>,
    next_batch: Cell<u32>,
    on_files: RefCell<Option<OnFiles>>,
}

/// One attempt to attach files (the shell's `attempt`: how they came, and the files).
struct Batch {
    attempt: JsValue,
    files: Vec<Checked>,
}

/// The shell's callback for attempts to attach files: `(attempt)`.
type OnFiles = Closure<dyn FnMut(JsValue)>;

/// The shell's callback for send attempts: `(event, kind, element)`.
type OnSend = Closure<dyn FnMut(Event, JsValue, JsValue)>;

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
        if shell::is_broken() {
            // No work in a module that may be inconsistent: the shell cleans up alone.
            self.state.shell.stop();
            self.state.stopped.set(true);
            return;
        }
        self.state.detach();
    }

    /// True once `detach()` was called or the input was let go.
    #[wasm_bindgen(getter)]
    pub fn detached(&self) -> bool {
        self.state.stopped.get()
            || self
                .state
                .life
                .try_borrow()
                .map_or(true, |l| matches!(*l, Life::Detached))
    }
}

/// How long an input may be out of the document before it is held only weakly.
const DORMANT_AFTER_MS: f64 = 10_000.0;

/// The scan's bound on findings when the page sets none (`maxFindings`).
const DEFAULT_MAX_FINDINGS: usize = 10_000;

/// Kinds the dialog shows a row for; the rest share one row: a screenful.
const ROWS: usize = 5;

/// Masked values a row shows; "and 4,812 more" says the rest.
const PREVIEWS: usize = 3;

/// Drafts this long (UTF-8 bytes) use the live scan's findings at send time
/// when it has just scanned exactly that text ([`State::scan_to_send`]).
const LIVE_AT_SEND_BYTES: usize = 32 * 1024;

/// When the draft is still there after a re-send, the page did not take it.
const RESEND_CHECK_MS: i32 = 400;

const ATTACH_KEYS: &[&str] = &[
    "sendButton",
    "sendOnEnter",
    "locale",
    "mode",
    "highlight",
    "pasteNotice",
    "redactStyle",
    "failClosed",
    "onDecision",
    "checkFiles",
    "fileInput",
    "filesModule",
];

/// Guards `target` (a textarea, text input or contenteditable element).
#[wasm_bindgen(skip_typescript)]
pub fn attach(target: JsValue, options: JsValue) -> Result<AttachHandle, JsError> {
    shell::refuse_if_broken("attach()")?;
    let element: HtmlElement = target
        .dyn_into()
        .map_err(|_| JsError::new("attach(): target must be an HTML element"))?;
    let editor = Editor::new(&element).map_err(|e| JsError::new(&e))?;
    let already = ATTACHED.with(|a| {
        a.borrow()
            .iter()
            .any(|s| s.element().is_some_and(|e| e.is_same_node(Some(&element))))
    });
    if already {
        return Err(JsError::new(
            "attach(): this element is already guarded; call detach() on its handle first",
        ));
    }
    let (cfg, guard) = parse_options(options)?;
    let shell = Shell::new(&element, &cfg.shell_options());
    let state = Rc::new(State {
        shell,
        live: RefCell::new(crate::LiveScan::new(guard.clone())),
        guard,
        cfg,
        life: RefCell::new(Life::Detached),
        phase: RefCell::new(Phase::Idle),
        approved: Cell::new(None),
        generation: Cell::new(0),
        last_text: RefCell::new(None),
        poll: RefCell::new(None),
        on_send: RefCell::new(None),
        stopped: Cell::new(false),
        batches: RefCell::new(Vec::new()),
        stepping: RefCell::new(Vec::new()),
        files_asking: RefCell::new(None),
        files_queue: RefCell::new(Vec::new()),
        next_batch: Cell::new(0),
        on_files: RefCell::new(None),
    });
    if let Err(e) = state.activate(editor).and_then(|()| state.start()) {
        state.shell.stop();
        return Err(js_error(e));
    }
    ATTACHED.with(|a| a.borrow_mut().push(state.clone()));
    state.refresh();
    // Compile what the first scans would, while the user has not started typing.
    let guard = state.guard.clone();
    dom::defer(&state.shell, 250, move || guard.warm_up());
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

/// Reads `AttachOptions`: the prompt's own keys here, every `GuardOptions` key
/// through the binding's translator (the same as `new Guard(options)`, with
/// the prompt's defaults), and builds the guard.
fn parse_options(options: JsValue) -> Result<(Config, crate::Guard), JsError> {
    let guard_keys: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
    let options = Object::new(options, "AttachOptions", &[ATTACH_KEYS, &guard_keys])?;
    let bad = |m: String| options.error(m);
    // A prompt that cries wolf is switched off: only what is likely (medium and
    // up), and a bound on the findings of one scan (a pasted export can hold thousands).
    let defaults = Options {
        min_confidence: crate::Confidence::Medium,
        max_findings: Some(DEFAULT_MAX_FINDINGS),
        ..Options::default()
    };
    let mut guard_options = bindings::options::guard_options(&options, defaults)?;
    // Contact details alone (an email address, a phone number) are shared in chats all the time:
    // a prompt for them would cry wolf. They count only when the page asks for them.
    if guard_options.categories.is_none() && guard_options.kinds.is_none() {
        guard_options.categories = Some(
            crate::Category::ALL
                .into_iter()
                .filter(|c| *c != crate::Category::Contact)
                .collect(),
        );
    }
    let mode = match options.string("mode")?.as_deref() {
        None | Some("ask") => Mode::Ask,
        Some("redact") => Mode::Redact,
        Some("warn-only") => Mode::WarnOnly,
        Some(m) => {
            return Err(bad(format!(
                "mode must be \"ask\", \"redact\" or \"warn-only\", got {m:?}"
            )))
        }
    };
    let style = match options.string("redactStyle")?.as_deref() {
        None => Style::Mask,
        Some(s) => Style::parse(s).ok_or_else(|| {
            bad(format!(
                "redactStyle must be \"mask\", \"label\" or \"char\", got {s:?}"
            ))
        })?,
    };
    let locale = match options.string("locale")? {
        Some(l) => Locale::parse(&l)
            .ok_or_else(|| bad(format!("unsupported locale {l:?}; supported: en, de, zh")))?,
        None => {
            let langs = bindings::options::browser_languages().unwrap_or_default();
            i18n::negotiate(langs.iter().map(String::as_str))
        }
    };
    // An option that names an element: the element, or a CSS selector (checked now).
    let element = |name: &str| -> Result<JsValue, JsError> {
        let Some(v) = options.get(name) else {
            return Ok(JsValue::NULL);
        };
        if let Some(sel) = v.as_string() {
            dom::document()
                .map_err(js_error)?
                .query_selector(&sel)
                .map_err(|_| bad(format!("{name} {sel:?} is not a valid CSS selector")))?;
            Ok(v)
        } else if v.dyn_ref::<Element>().is_some() {
            Ok(v)
        } else {
            Err(bad(format!("{name} must be an element or a CSS selector")))
        }
    };
    let send_button = element("sendButton")?;
    let on_decision = match options.get("onDecision") {
        None => None,
        Some(v) => Some(
            v.dyn_into::<js_sys::Function>()
                .map_err(|_| bad("onDecision must be a function".into()))?,
        ),
    };
    let file_input = element("fileInput")?;
    let files_module = match options.get("filesModule") {
        None => JsValue::NULL,
        Some(v) if v.is_string() => v,
        Some(_) => return Err(bad("filesModule must be a URL (a string)".into())),
    };
    let cfg = Config {
        worker: JsValue::NULL,
        custom_names: Vec::new(),
        check_files: options.bool("checkFiles")?.unwrap_or(true),
        file_input,
        files_module,
        mode,
        highlight: options.bool("highlight")?.unwrap_or(true),
        paste_notice: options.bool("pasteNotice")?.unwrap_or(true),
        fail_closed: options.bool("failClosed")?.unwrap_or(false),
        send_on_enter: options.bool("sendOnEnter")?.unwrap_or(true),
        send_button,
        max_findings: guard_options.max_findings,
        on_decision,
        redact: RedactOptions {
            style,
            locale,
            ..RedactOptions::default()
        },
        locale,
        catalog: i18n::catalog(locale),
    };
    let custom_names = guard_options
        .custom_rules
        .iter()
        .map(|r| {
            (
                r.kind.clone(),
                r.name.clone().unwrap_or_else(|| r.kind.clone()),
            )
        })
        .collect();
    let cfg = Config {
        custom_names,
        worker: worker_options(&options, &guard_options, style, locale),
        ..cfg
    };
    let guard = crate::Guard::with_engine(guard_options, bindings::engine())
        .map_err(|e| bindings::options::core_error("AttachOptions", e))?;
    Ok((cfg, guard))
}

/// The GuardOptions keys a Worker's Guard is given, as the page gave them.
const WORKER_KEYS: &[&str] = &[
    "kinds",
    "excludeKinds",
    "categories",
    "locales",
    "allowlist",
    "allowlistPatterns",
    "customRules",
    "maxInputBytes",
];

/// `{options, redact}` for the files Worker: the page's GuardOptions with attach's defaults
/// (`minConfidence`, the categories without contact details), every finding (no
/// `maxFindings`: a file's counts are complete), and the redaction's style and locale.
fn worker_options(options: &Object, resolved: &Options, style: Style, locale: Locale) -> JsValue {
    let o = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&o, &k.into(), v);
    };
    for k in WORKER_KEYS {
        if let Some(v) = options.get(k) {
            set(k, &v);
        }
    }
    set("minConfidence", &resolved.min_confidence.as_str().into());
    if let Some(categories) = &resolved.categories {
        let list: js_sys::Array = categories
            .iter()
            .map(|c| JsValue::from_str(c.as_str()))
            .collect();
        set("categories", &list);
    }
    let redact = js_sys::Object::new();
    let style = match style {
        Style::Mask => "mask",
        Style::Label => "label",
        Style::Char => "char",
    };
    let _ = js_sys::Reflect::set(&redact, &"style".into(), &style.into());
    let _ = js_sys::Reflect::set(
        &redact,
        &"locale".into(),
        &i18n::catalog(locale).lang.into(),
    );
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"options".into(), &o);
    let _ = js_sys::Reflect::set(&out, &"redact".into(), &redact);
    out.into()
}

impl Config {
    /// What the shell needs to know, also when the module cannot run.
    fn shell_options(&self) -> JsValue {
        let cat = self.catalog;
        let texts = js_sys::Object::new();
        for (k, v) in [
            ("failedOpen", cat.failed_open),
            ("failedClosed", cat.failed_closed),
            ("stoppedHeld", cat.stopped_held),
            ("dismiss", cat.dismiss),
            ("lang", cat.lang),
            ("failedFiles", cat.failed_files),
            ("checking", cat.checking),
            ("cancel", cat.cancel),
        ] {
            let _ = js_sys::Reflect::set(&texts, &k.into(), &v.into());
        }
        let o = js_sys::Object::new();
        let on_decision = self
            .on_decision
            .as_ref()
            .map_or(JsValue::NULL, |f| f.clone().into());
        for (k, v) in [
            ("failClosed", JsValue::from(self.fail_closed)),
            ("sendOnEnter", JsValue::from(self.send_on_enter)),
            ("sendButton", self.send_button.clone()),
            ("fileInput", self.file_input.clone()),
            ("filesModule", self.files_module.clone()),
            ("worker", self.worker.clone()),
            ("onDecision", on_decision),
            ("css", dom::CSS.into()),
            ("texts", texts.into()),
        ] {
            let _ = js_sys::Reflect::set(&o, &k.into(), &v);
        }
        o.into()
    }
}

impl State {
    /// The guarded element, wherever it is (`None` once let go).
    fn element(&self) -> Option<HtmlElement> {
        match &*self.life.borrow() {
            Life::Active(a) => Some(a.editor.element().clone()),
            Life::Dormant(weak) => weak.deref().and_then(|e| e.dyn_into().ok()),
            Life::Detached => None,
        }
    }

    /// The editor while the input is guarded in the page. A copy: no borrow
    /// is held while page code runs (it may call back into the guard).
    fn editor(&self) -> Option<Editor> {
        match &*self.life.borrow() {
            Life::Active(a) => Some(a.editor.clone()),
            _ => None,
        }
    }

    /// Guards `editor`'s element in the page: the overlay and the listeners on it.
    fn activate(self: &Rc<State>, editor: Editor) -> Result<(), JsValue> {
        let doc = dom::document()?;
        let overlay = Overlay::new(&self.shell, &doc, self.cfg.highlight)?;
        let w = dom::window()?;
        let el = editor.element().clone();
        let weak = Rc::downgrade(self);
        let on = |f: fn(&Rc<State>, Event)| {
            let weak = weak.clone();
            move |e: Event| {
                if let Some(s) = weak.upgrade() {
                    f(&s, e);
                }
            }
        };
        let listeners = vec![
            Listener::new(&self.shell, &w, "scroll", true, true, on(State::on_scroll)),
            Listener::new(
                &self.shell,
                &w,
                "resize",
                false,
                true,
                on(State::on_geometry),
            ),
            Listener::new(&self.shell, &el, "input", false, true, on(State::on_input)),
            Listener::new(&self.shell, &el, "paste", false, true, on(State::on_paste)),
        ];
        // The user resizing the input (drag handle, auto-growing boxes).
        let resize = Resized::watch(&self.shell, &el, move || {
            if let Some(s) = weak.upgrade() {
                s.reposition();
            }
        });
        *self.life.borrow_mut() = Life::Active(Active {
            editor,
            overlay,
            _listeners: listeners,
            _resize: resize,
            gone_since: None,
        });
        *self.live.borrow_mut() = crate::LiveScan::new(self.guard.clone());
        *self.last_text.borrow_mut() = None;
        Ok(())
    }

    /// Starts the shell's send-attempt listeners and the poll.
    fn start(self: &Rc<State>) -> Result<(), JsValue> {
        let weak = Rc::downgrade(self);
        let on_send = Closure::wrap(Box::new(move |e: Event, kind: JsValue, el: JsValue| {
            if let Some(s) = weak.upgrade() {
                s.on_send(e, kind, el);
            }
        }) as Box<dyn FnMut(Event, JsValue, JsValue)>);
        self.shell.start(on_send.as_ref().unchecked_ref());
        *self.on_send.borrow_mut() = Some(on_send);
        if self.cfg.check_files {
            let weak = Rc::downgrade(self);
            let on_files = Closure::wrap(Box::new(move |attempt: JsValue| {
                if let Some(s) = weak.upgrade() {
                    s.on_files(attempt);
                }
            }) as Box<dyn FnMut(JsValue)>);
            self.shell.watch_files(on_files.as_ref().unchecked_ref());
            *self.on_files.borrow_mut() = Some(on_files);
        }
        // Catches what no event tells: the page clearing the input after
        // sending, layout shifts, the input leaving or coming back.
        let weak = Rc::downgrade(self);
        *self.poll.borrow_mut() = Some(Interval::every(&self.shell, 500, move || {
            if let Some(s) = weak.upgrade() {
                s.on_poll();
            }
        }));
        Ok(())
    }

    fn detach(&self) {
        let life = self.life.replace(Life::Detached);
        if matches!(life, Life::Detached) {
            return;
        }
        let mine = ATTACHED.with(|a| {
            let mut a = a.borrow_mut();
            let at = a.iter().position(|s| std::ptr::eq(&**s, self));
            at.map(|i| a.swap_remove(i))
        });
        drop(mine); // outside the registry's borrow
        self.shell.stop();
        self.poll.borrow_mut().take();
        self.on_send.borrow_mut().take();
        self.on_files.borrow_mut().take();
        self.stepping.take();
        // Attachments under way are handed on as chosen: detaching never loses a file.
        let mut left: Vec<Batch> = self.batches.take().into_iter().map(|(_, b)| b).collect();
        left.extend(self.files_asking.take().map(|(b, _)| b));
        left.extend(self.files_queue.take());
        for b in left {
            let all: js_sys::Array = b.files.iter().map(|c| c.file.clone()).collect();
            self.shell.deliver(&b.attempt, &all);
        }
        let phase = self.phase.replace(Phase::Idle);
        let was_asking = matches!(
            phase,
            Phase::Asking {
                dialog: Some(_),
                ..
            }
        );
        drop(phase); // closes the dialog
        if let (true, Life::Active(a)) = (was_asking, &life) {
            let _ = a.editor.element().focus();
        }
    }

    /// Out of the page for a while: let go of everything that holds the input.
    fn sleep(&self, el: &HtmlElement) {
        let life = self.life.replace(Life::Dormant(js_sys::WeakRef::new(el)));
        drop(life); // the overlay, the listeners on the input, the observer
        *self.live.borrow_mut() = crate::LiveScan::new(self.guard.clone());
        *self.last_text.borrow_mut() = None;
    }

    /// A dormant input back in the page (a framework re-inserted it): guarded
    /// again at once — on the poll, and before a send attempt is judged, so
    /// that nothing is sent unchecked in the half second before the poll.
    fn wake(self: &Rc<State>) {
        let el = match &*self.life.borrow() {
            Life::Dormant(weak) => weak.deref().and_then(|e| e.dyn_into::<HtmlElement>().ok()),
            _ => None,
        };
        if let Some(el) = el.filter(|e| e.is_connected()) {
            if let Ok(editor) = Editor::new(&el) {
                if self.activate(editor).is_ok() {
                    self.refresh();
                }
            }
        }
    }

    fn on_poll(self: &Rc<State>) {
        let dormant = match &*self.life.borrow() {
            Life::Detached => return,
            Life::Dormant(weak) => Some(weak.deref()),
            Life::Active(_) => None,
        };
        if let Some(el) = dormant {
            match el.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                // Garbage-collected: the page dropped it for good.
                None => self.detach(),
                Some(_) => self.wake(),
            }
            return;
        }
        let Some(editor) = self.editor() else {
            return;
        };
        let el = editor.element().clone();
        let connected = el.is_connected();
        let now = js_sys::Date::now();
        let gone_for = {
            let mut life = self.life.borrow_mut();
            let Life::Active(a) = &mut *life else {
                return;
            };
            if connected {
                a.gone_since = None;
            } else if a.gone_since.is_none() {
                a.gone_since = Some(now);
            }
            a.gone_since.map(|t| now - t)
        };
        if !connected {
            if matches!(*self.phase.borrow(), Phase::Asking { .. }) {
                // The input is gone: nothing to write back into; close quietly.
                if let Phase::Asking { held, .. } = self.phase.replace(Phase::Idle) {
                    self.decided(Action::Edit, &held.findings, Some(Reason::TargetRemoved));
                }
            }
            if gone_for.is_some_and(|t| t > DORMANT_AFTER_MS)
                && matches!(*self.phase.borrow(), Phase::Idle)
            {
                self.sleep(&el);
            }
            return;
        }
        let changed = self.last_text.borrow().as_deref() != Some(editor.text().as_str());
        if changed {
            self.refresh();
        } else {
            self.with_overlay(|o| o.position(&editor));
        }
    }

    /// Runs `f` on the overlay while the input is guarded in the page.
    fn with_overlay(&self, f: impl FnOnce(&mut Overlay) -> Result<(), JsValue>) {
        if let Life::Active(a) = &mut *self.life.borrow_mut() {
            let _ = f(&mut a.overlay);
        }
    }

    fn on_geometry(self: &Rc<State>, _: Event) {
        self.reposition();
    }

    /// The input moved or changed size: the overlay follows (font included).
    fn reposition(&self) {
        if let Some(editor) = self.editor() {
            self.with_overlay(|o| o.position(&editor));
        }
    }

    /// Any scroll on the page (capture phase): move, without restyling.
    fn on_scroll(self: &Rc<State>, _: Event) {
        if let Some(editor) = self.editor() {
            self.with_overlay(|o| o.follow(&editor));
        }
    }

    fn on_input(self: &Rc<State>, _: Event) {
        // Debounced and outside the input path: typing never waits for a scan.
        let generation = self.generation.get().wrapping_add(1);
        self.generation.set(generation);
        self.later(120, move |s| {
            if s.generation.get() == generation {
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

    /// Re-scans the draft for highlights and the badge: a live scan, which
    /// searches only around what changed since the last refresh.
    fn refresh(&self) {
        let Some(editor) = self.editor() else {
            return;
        };
        let text = editor.text();
        // An approval is for exactly the draft approved: any change ends it.
        if self.approved.get().is_some_and(|a| a != digest(&text)) {
            self.approved.set(None);
        }
        let spans = match self.live.borrow_mut().update(&text) {
            Ok(findings) => spans16(&text, findings),
            Err(_) => Vec::new(),
        };
        let title = i18n::plural(&self.cfg.catalog.badge, spans.len());
        self.with_overlay(|o| o.render(&editor, &text, &spans, &title));
        *self.last_text.borrow_mut() = Some(text);
    }

    fn notice(&self, text: &str, tone: Tone) {
        let dismiss = self.cfg.catalog.dismiss;
        self.with_overlay(|o| o.notice(text, tone, dismiss));
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

    /// A send attempt the shell recognised (`kind`: "enter", "click" or
    /// "submit"; `element`: the button or form): let it through, or hold it
    /// back and ask.
    fn on_send(self: &Rc<State>, e: Event, kind: JsValue, element: JsValue) {
        match &*self.phase.borrow() {
            Phase::Passing | Phase::Resending => return, // the same attempt, or our own re-send
            Phase::Asking { .. } | Phase::WritingBack { .. } => return hold(&e), // already asking
            Phase::Idle => {}
        }
        let trigger = match kind.as_string().as_deref() {
            Some("enter") => {
                let k = e.dyn_ref::<KeyboardEvent>();
                Trigger::Enter {
                    ctrl: k.is_some_and(|k| k.ctrl_key()),
                    meta: k.is_some_and(|k| k.meta_key()),
                }
            }
            Some("click") => Trigger::Click(element.unchecked_into()),
            Some("submit") => Trigger::Submit(element.unchecked_into()),
            _ => return,
        };
        self.wake();
        let Some(editor) = self.editor() else {
            return; // out of the page: not a send from this input
        };
        let text = editor.text();
        if text.trim().is_empty() {
            return self.pass();
        }
        // The user approved exactly this draft, and the page ignored our re-send.
        if self.approved.get() == Some(digest(&text)) && e.is_trusted() {
            self.approved.set(None);
            return self.pass();
        }
        let findings = match self.scan_to_send(&text) {
            Ok(f) => f,
            Err(_) => return self.guard_failed(&e),
        };
        if findings.is_empty() {
            return self.pass();
        }
        let capped = self.cfg.max_findings.is_some_and(|m| findings.len() >= m);
        let held = Held {
            trigger,
            text,
            findings,
            capped,
            rows: Vec::new(),
        };
        match self.cfg.mode {
            Mode::WarnOnly => {
                self.pass();
                let n = held.findings.len();
                self.notice(
                    &plural_count(self.cfg.catalog, &self.cfg.catalog.warned, n),
                    Tone::Info,
                );
            }
            Mode::Redact => {
                hold(&e);
                self.shell.holding(true);
                let all = all_kinds(&held.findings);
                let held = Held {
                    rows: vec![all],
                    ..held
                };
                *self.phase.borrow_mut() = Phase::Asking { held, dialog: None };
                self.later(0, |s| {
                    s.decide(Decision::RedactAndSend(vec![true]), Some(Reason::Auto))
                });
            }
            Mode::Ask => self.ask(&e, held),
        }
    }

    /// What is about to leave, scanned. A long draft the live scan has just
    /// scanned as it is takes the live scan's findings — exactly what a full
    /// scan finds (tests/live.rs, the `live` fuzz target) and what the
    /// highlights showed — so a pasted export of thousands of values is not
    /// scanned a second time while the user waits (5,000 findings: ~50 ms).
    /// Everything else gets a full scan, independent of any state kept
    /// between keystrokes.
    fn scan_to_send(&self, text: &str) -> Result<Vec<Finding>, crate::ScanError> {
        if text.len() >= LIVE_AT_SEND_BYTES {
            let live = self.live.borrow();
            if live.text() == text {
                return Ok(live.findings().to_vec());
            }
        }
        self.guard.scan(text)
    }

    /// Opens the dialog for `held`, then holds the attempt. In this order: if
    /// the module traps while building the dialog, the attempt was not held,
    /// and the shell fails it open or closed as the page asked.
    fn ask(self: &Rc<State>, e: &Event, mut held: Held) {
        let cat = self.cfg.catalog;
        let (rows, kinds) = self.rows(&held.findings);
        held.rows = kinds;
        let n = held.findings.len();
        let mut intro = plural_count(cat, &cat.intro, n);
        if held.capped {
            let shown = i18n::count(cat, n);
            intro = intro.replacen(&shown, &format!("{shown}+"), 1);
        }
        let weak = Rc::downgrade(self);
        let opened = Dialog::open(&self.shell, cat, &intro, &rows, move |d| {
            if let Some(s) = weak.upgrade() {
                s.later(0, move |s| s.decide(d, None));
            }
        });
        match opened {
            Ok(dialog) => {
                hold(e);
                self.shell.holding(true);
                *self.phase.borrow_mut() = Phase::Asking {
                    held,
                    dialog: Some(dialog),
                };
            }
            // No dialog, no silent block: fail open or closed as configured.
            Err(_) => self.guard_failed(e),
        }
    }

    /// The dialog's rows: one per kind, in order of first appearance, the
    /// kinds past [`ROWS`] together in one; and the kinds of each row.
    fn rows(&self, findings: &[Finding]) -> (Vec<Row>, Vec<Vec<Kind>>) {
        let cat = self.cfg.catalog;
        let mut groups: Vec<(Kind, Vec<&Finding>)> = Vec::new();
        for f in findings {
            match groups.iter_mut().find(|(k, _)| *k == f.kind) {
                Some((_, g)) => g.push(f),
                None => groups.push((f.kind.clone(), vec![f])),
            }
        }
        let shown = if groups.len() > ROWS + 1 {
            ROWS
        } else {
            groups.len()
        };
        let mut rows = Vec::new();
        let mut kinds = Vec::new();
        for (kind, group) in &groups[..shown] {
            let first = group[0];
            let name = first.kind.name(self.cfg.locale).to_string();
            let n = group.len();
            rows.push(Row {
                why: cat.explain(&first.reasons, &name),
                category: cat.category(first.category).to_string(),
                count: if n > 1 {
                    plural_count(cat, &cat.items, n)
                } else {
                    String::new()
                },
                previews: group
                    .iter()
                    .take(PREVIEWS)
                    .map(|f| f.preview.clone())
                    .collect(),
                more: if n > PREVIEWS {
                    plural_count(cat, &cat.and_more, n - PREVIEWS)
                } else {
                    String::new()
                },
                kinds: String::new(),
                name,
            });
            kinds.push(vec![kind.clone()]);
        }
        let rest = &groups[shown..];
        if !rest.is_empty() {
            let n: usize = rest.iter().map(|(_, g)| g.len()).sum();
            let names: Vec<String> = rest
                .iter()
                .map(|(_, g)| g[0].kind.name(self.cfg.locale).to_string())
                .collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            rows.push(Row {
                name: plural_count(cat, &cat.other_kinds, n),
                category: String::new(),
                count: String::new(),
                previews: Vec::new(),
                more: String::new(),
                why: Vec::new(),
                kinds: cat.list(&names),
            });
            kinds.push(rest.iter().map(|(k, _)| k.clone()).collect());
        }
        (rows, kinds)
    }

    /// Carries out a decision on the held draft (once: a second click finds
    /// the phase over).
    fn decide(self: &Rc<State>, decision: Decision, reason: Option<Reason>) {
        let (held, dialog) = match self.phase.replace(Phase::Idle) {
            Phase::Asking { held, dialog } => (held, dialog),
            other => {
                *self.phase.borrow_mut() = other;
                return;
            }
        };
        drop(dialog);
        match decision {
            Decision::Edit => {
                self.focus();
                self.decided(Action::Edit, &held.findings, reason);
            }
            Decision::SendAnyway => {
                self.approve(&held.text);
                self.resend(&held.trigger, &held.text);
                self.decided(Action::SendAnyway, &held.findings, reason);
            }
            Decision::RedactAndSend(rows) => {
                self.write_back(held, &rows, reason == Some(Reason::Auto))
            }
        }
    }

    /// Writes the redacted draft back (the rows marked `true`), then reads it
    /// back once the page's framework had its turn ([`State::confirm`]).
    fn write_back(self: &Rc<State>, held: Held, rows: &[bool], auto: bool) {
        let Some(editor) = self.editor().filter(|e| e.element().is_connected()) else {
            return self.decided(Action::Edit, &held.findings, Some(Reason::TargetRemoved));
        };
        if editor.text() != held.text {
            // Changed while asking: nothing is written over it, nothing is sent.
            self.notice(self.cfg.catalog.draft_changed, Tone::Warn);
            self.focus();
            return self.decided(Action::Edit, &held.findings, Some(Reason::DraftChanged));
        }
        let kinds: Vec<Kind> = held
            .rows
            .iter()
            .zip(rows)
            .filter(|(_, on)| **on)
            .flat_map(|(k, _)| k.iter().cloned())
            .collect();
        // A capped scan listed only the first findings: every one counts.
        let all = if held.capped {
            self.guard
                .scan_all(&held.text)
                .unwrap_or_else(|_| held.findings.clone())
        } else {
            held.findings.clone()
        };
        let redacted: Vec<Finding> = all
            .into_iter()
            .filter(|f| kinds.contains(&f.kind))
            .collect();
        let edits: Vec<Edit> = redacted
            .iter()
            .zip(offsets::finding_spans(&held.text, &redacted))
            .map(|(f, (start, end))| Edit {
                start: start as u32,
                end: end as u32,
                with: redact::replacement(&held.text[f.start..f.end], f, &self.cfg.redact),
            })
            .collect();
        let wrote = editor::apply(&held.text, &edits);
        let n = edits.len();
        let original = held.text.clone();
        // The phase first: a send attempt the write causes is held, not checked.
        *self.phase.borrow_mut() = Phase::WritingBack {
            held,
            wrote,
            redacted,
            edits: n,
            auto,
        };
        if editor.write(&original, &edits).is_err() {
            if let Phase::WritingBack { held, wrote, .. } = self.phase.replace(Phase::Idle) {
                self.write_back_failed(&editor, held, &wrote, n);
            }
            return;
        }
        self.later(0, |s| s.confirm());
    }

    /// Sends the redacted draft if it stuck; otherwise reports.
    fn confirm(self: &Rc<State>) {
        let (held, wrote, redacted, edits, auto) = match self.phase.replace(Phase::Idle) {
            Phase::WritingBack {
                held,
                wrote,
                redacted,
                edits,
                auto,
            } => (held, wrote, redacted, edits, auto),
            other => {
                *self.phase.borrow_mut() = other;
                return;
            }
        };
        let Some(editor) = self.editor() else {
            return self.decided(Action::Edit, &held.findings, Some(Reason::TargetRemoved));
        };
        if editor.text() != wrote {
            return self.write_back_failed(&editor, held, &wrote, edits);
        }
        self.approve(&wrote);
        self.resend(&held.trigger, &wrote);
        if auto {
            let cat = self.cfg.catalog;
            self.notice(
                &plural_count(cat, &cat.auto_redacted, redacted.len()),
                Tone::Info,
            );
        }
        self.decided(Action::Redact, &redacted, auto.then_some(Reason::Auto));
    }

    /// The redaction did not stick: nothing is sent. The draft is put back only
    /// if the input still holds what this guard wrote — never over anything the
    /// user or the page put there since — and the notice says which it was.
    fn write_back_failed(&self, editor: &Editor, held: Held, wrote: &str, edits: usize) {
        let kept = editor.text() == held.text || editor.restore(&held.text, wrote, edits);
        let cat = self.cfg.catalog;
        self.notice(
            if kept {
                cat.write_back_failed
            } else {
                cat.write_back_left
            },
            Tone::Warn,
        );
        self.focus();
        self.decided(Action::Edit, &held.findings, Some(Reason::WriteBackFailed));
    }

    /// The scan or the dialog failed: fail open or closed as configured.
    fn guard_failed(self: &Rc<State>, e: &Event) {
        let cat = self.cfg.catalog;
        if self.cfg.fail_closed {
            hold(e);
            self.notice(cat.failed_closed, Tone::Warn);
            self.decided(Action::Edit, &[], Some(Reason::GuardFailed));
        } else {
            self.pass();
            self.notice(cat.failed_open, Tone::Warn);
            self.decided(Action::SendAnyway, &[], Some(Reason::GuardFailed));
        }
    }

    /// Lets the current attempt through, and what it causes in this task.
    fn pass(self: &Rc<State>) {
        *self.phase.borrow_mut() = Phase::Passing;
        self.later(0, |s| {
            if matches!(*s.phase.borrow(), Phase::Passing) {
                *s.phase.borrow_mut() = Phase::Idle;
            }
        });
    }

    /// Remembers that the user approved exactly `text` for sending.
    fn approve(&self, text: &str) {
        self.approved.set(Some(digest(text)));
    }

    fn focus(&self) {
        if let Some(editor) = self.editor() {
            let _ = editor.element().focus();
        }
    }

    /// Runs `f` after `ms` milliseconds outside the current listener (see
    /// [`dom::defer`]), unless the guard is gone by then.
    fn later(self: &Rc<State>, ms: i32, f: impl FnOnce(&Rc<State>) + 'static) {
        let weak = Rc::downgrade(self);
        dom::defer(&self.shell, ms, move || {
            if let Some(s) = weak.upgrade() {
                if !matches!(*s.life.borrow(), Life::Detached) {
                    f(&s);
                }
            }
        });
    }

    /// Triggers the page's own send of `text` once, past the guard: the way the
    /// user tried. Enter is replayed as a page may listen to it; if no handler
    /// took it and the draft is still there, the send button or the form
    /// sends it. If the page ignores all of it (some take only real keys), the
    /// approval stands and the user is asked to send it again themselves.
    fn resend(self: &Rc<State>, trigger: &Trigger, text: &str) {
        let Some(editor) = self.editor() else {
            return;
        };
        self.phase.replace(Phase::Resending);
        let taken = match trigger {
            Trigger::Click(button) => {
                click(button);
                true
            }
            Trigger::Submit(form) => {
                let _ = form.request_submit();
                true
            }
            Trigger::Enter { ctrl, meta } => {
                press_enter(&editor, *ctrl, *meta) || editor.text() != text
            }
        };
        self.end_resend();
        // Focus back in the input unless the page put it somewhere on purpose.
        let doc_focus = dom::document().ok().and_then(|d| {
            let body = d.body();
            d.active_element()
                .map(|a| body.is_some_and(|b| a.is_same_node(Some(&b))))
        });
        if doc_focus.unwrap_or(true) {
            let _ = editor.element().focus();
        }
        let enter = matches!(trigger, Trigger::Enter { .. });
        if !taken {
            // Not once the page sent it: a page that sends on Enter without
            // preventDefault clears the draft, and a form submit would send twice.
            let text = text.to_string();
            self.later(0, move |s| {
                if s.editor().is_some_and(|e| e.text() == text) {
                    s.phase.replace(Phase::Resending);
                    if let Some(b) = s.shell.send_button() {
                        click(&b);
                    } else if let Some(form) = editor
                        .element()
                        .closest("form")
                        .ok()
                        .flatten()
                        .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
                    {
                        let _ = form.request_submit();
                    }
                    s.end_resend();
                }
            });
        }
        let digest = digest(text);
        self.later(RESEND_CHECK_MS, move |s| {
            let still = s.editor().is_some_and(|e| digest_of(&e) == digest);
            if still && s.approved.get() == Some(digest) {
                let cat = s.cfg.catalog;
                let again = if enter {
                    cat.press_enter_again
                } else {
                    cat.click_send_again
                };
                s.notice(again, Tone::Info);
            }
        });
        // The page usually clears the input after sending: re-scan soon.
        self.later(50, |s| s.refresh());
    }

    fn end_resend(&self) {
        if matches!(*self.phase.borrow(), Phase::Resending) {
            *self.phase.borrow_mut() = Phase::Idle;
        }
    }

    /// Tells the page what happened (never a raw value). Every held send ends here.
    fn decided(&self, action: Action, findings: &[Finding], reason: Option<Reason>) {
        self.shell.holding(false);
        let Some(f) = self.cfg.on_decision.as_ref() else {
            return;
        };
        let d = js_sys::Object::new();
        let kinds: js_sys::Array = all_kinds(findings)
            .iter()
            .map(|k| JsValue::from_str(k))
            .collect();
        let _ = js_sys::Reflect::set(&d, &"action".into(), &action.as_str().into());
        let _ = js_sys::Reflect::set(&d, &"kinds".into(), &kinds);
        if let Some(r) = reason {
            let _ = js_sys::Reflect::set(&d, &"reason".into(), &r.as_str().into());
        }
        // The page's callback failing must not break the prompt.
        let _ = f.call1(&JsValue::NULL, &d);
    }
}

/// Replays Enter on the input as a page may listen to it — keydown, keypress,
/// `beforeinput` (a line break in a textarea, a paragraph in a
/// contenteditable), keyup — each only if no handler cancelled the one
/// before, as a browser does. True if a handler took it (`preventDefault`).
fn press_enter(editor: &Editor, ctrl: bool, meta: bool) -> bool {
    let el = editor.element();
    let key = |kind: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_ctrl_key(ctrl);
        init.set_meta_key(meta);
        init.set_key("Enter");
        init.set_code("Enter");
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_composed(true);
        for k in ["keyCode", "which"] {
            let _ = js_sys::Reflect::set(&init, &k.into(), &13.into());
        }
        if kind == "keypress" {
            let _ = js_sys::Reflect::set(&init, &"charCode".into(), &13.into());
        }
        KeyboardEvent::new_with_keyboard_event_init_dict(kind, &init).ok()
    };
    // Whether a handler cancelled `ev`.
    let cancelled =
        |ev: Option<Event>| ev.is_some_and(|ev| !el.dispatch_event(&ev).unwrap_or(true));
    let mut taken = cancelled(key("keydown").map(Into::into));
    if !taken {
        taken = cancelled(key("keypress").map(Into::into));
    }
    let input_type = match editor {
        Editor::TextArea(_) => Some("insertLineBreak"),
        Editor::Editable(_) => Some("insertParagraph"),
        Editor::Input(_) => None, // Enter in a one-line input inserts nothing
    };
    if let (false, Some(t)) = (taken, input_type) {
        let init = web_sys::InputEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_composed(true);
        init.set_input_type(t);
        taken = cancelled(
            web_sys::InputEvent::new_with_event_init_dict("beforeinput", &init)
                .ok()
                .map(Into::into),
        );
    }
    cancelled(key("keyup").map(Into::into));
    taken
}

/// Clicks `element` as `HTMLElement.click()` does, also for elements that
/// have no `click()` (an SVG icon with `role="button"`).
fn click(element: &Element) {
    if let Some(e) = element.dyn_ref::<HtmlElement>() {
        return e.click();
    }
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    if let Ok(ev) = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init) {
        let _ = element.dispatch_event(&ev);
    }
}

/// Stops a send attempt before any page handler sees it.
fn hold(e: &Event) {
    e.prevent_default();
    e.stop_immediate_propagation();
}

/// Distinct kinds of `findings`, in order.
fn all_kinds(findings: &[Finding]) -> Vec<Kind> {
    let mut kinds: Vec<Kind> = Vec::new();
    for f in findings {
        if !kinds.contains(&f.kind) {
            kinds.push(f.kind.clone());
        }
    }
    kinds
}

/// A hash of a draft: an approval is remembered without keeping the text.
fn digest(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn digest_of(editor: &Editor) -> u64 {
    digest(&editor.text())
}

/// UTF-16 spans of `findings` in `text`, sorted.
fn spans16(text: &str, findings: &[Finding]) -> Vec<(u32, u32)> {
    let mut spans: Vec<(u32, u32)> = offsets::finding_spans(text, findings)
        .into_iter()
        .map(|(s, e)| (s as u32, e as u32))
        .collect();
    crate::sort::by(&mut spans, &Ord::cmp);
    spans
}

/// Attachments: read, scanned, asked about, handed on (see [`attachments`]).
impl State {
    /// The shell stopped an attempt to attach files (the page has seen nothing of it): read
    /// and check each file.
    fn on_files(self: &Rc<State>, attempt: JsValue) {
        let files: Vec<Checked> = js_sys::Reflect::get(&attempt, &"files".into())
            .ok()
            .map(|f| js_sys::Array::from(&f).iter().map(Checked::new).collect())
            .unwrap_or_default();
        let id = self.next_batch.get().wrapping_add(1);
        self.next_batch.set(id);
        let pending: Vec<(usize, JsValue)> = files
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.outcome, Outcome::Pending))
            .map(|(i, c)| (i, c.file.clone()))
            .collect();
        self.batches
            .borrow_mut()
            .push((id, Batch { attempt, files }));
        if pending.is_empty() {
            return self.later(0, move |s| s.judge(id));
        }
        for (i, file) in pending {
            let weak = Rc::downgrade(self);
            let done = Closure::once_into_js(move |report: JsValue| {
                if let Some(s) = weak.upgrade() {
                    s.inspected(id, i, &report);
                }
            });
            self.shell.inspect(&file, &done);
        }
    }

    /// The shell read file `i` of attempt `id`: `{format, text, encoding}` or `{format, error}`.
    fn inspected(self: &Rc<State>, id: u32, i: usize, report: &JsValue) {
        let get = |k: &str| {
            js_sys::Reflect::get(report, &k.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        let format = get("format").unwrap_or_default();
        let error = get("error");
        let mime = self
            .with_batch(id, |b| b.files.get(i).map(|c| c.mime.clone()))
            .flatten()
            .unwrap_or_default();
        let field = |k: &str| js_sys::Reflect::get(report, &k.into()).unwrap_or(JsValue::UNDEFINED);
        let counts = field("counts");
        let outcome = if field("cancelled").is_truthy() {
            Outcome::Cancelled
        } else if let (None, Some(counts)) = (&error, counts.dyn_ref::<js_sys::Array>()) {
            // Checked in the Worker: counts per kind and the first masked values.
            let counts: Vec<(String, String, usize)> = counts
                .iter()
                .map(|pair| {
                    let pair = js_sys::Array::from(&pair);
                    let id = pair.get(0).as_string().unwrap_or_default();
                    let n = pair.get(1).as_f64().unwrap_or(0.0) as usize;
                    let name = self.kind_name(&id);
                    (id, name, n)
                })
                .collect();
            if counts.is_empty() {
                Outcome::Clean
            } else {
                Outcome::Counted {
                    counts,
                    previews: js_sys::Array::from(&field("previews"))
                        .iter()
                        .filter_map(|p| p.as_string())
                        .collect(),
                    job: field("job"),
                    encoding: get("encoding"),
                }
            }
        } else {
            match NotChecked::of(&format, error.as_deref(), &mime) {
                Some(why) => Outcome::NotChecked(why),
                None => {
                    let encoding = (format == "text").then(|| get("encoding")).flatten();
                    // The text, or a large text file's parts (decoded in steps).
                    let parts = field("parts");
                    let parts: Vec<js_sys::JsString> = match parts.dyn_ref::<js_sys::Array>() {
                        Some(parts) => parts.iter().filter_map(|p| p.dyn_into().ok()).collect(),
                        None => field("text").dyn_into().into_iter().collect(),
                    };
                    let units: usize = parts.iter().map(|p| p.length() as usize).sum();
                    if units > attachments::STEP_UNITS {
                        return self.scan_in_steps(id, i, parts, encoding);
                    }
                    let text: String = parts.into_iter().map(String::from).collect();
                    Outcome::of(attachments::scan(&self.guard, &text), text, encoding)
                }
            }
        };
        self.settle(id, i, outcome);
    }

    /// A long text read on the page's main thread (no Worker: the extension, a bundled build,
    /// a Worker that failed), scanned a few windows per task so that the page's own work runs
    /// between two of them. Once it takes longer than one task, a note near the input says
    /// how far it is and offers *Cancel* (the file is left out).
    fn scan_in_steps(
        self: &Rc<State>,
        id: u32,
        i: usize,
        parts: Vec<js_sys::JsString>,
        encoding: Option<String>,
    ) {
        let job = Steps {
            parts: parts.into(),
            read: 0,
            windows: crate::scan::Windows::new(attachments::FIRST_STEP),
            found: Vec::new(),
            text: String::new(),
            encoding,
            note: None,
            cancelled: Rc::new(Cell::new(false)),
        };
        self.stepping.borrow_mut().push((id, i, job));
        self.step(id, i);
    }

    /// Scans windows of file `i` of attempt `id` for about [`attachments::STEP_MS`], then
    /// yields the thread until the next task. The job waits in `stepping` meanwhile (detaching
    /// drops it).
    fn step(self: &Rc<State>, id: u32, i: usize) {
        let mut job = {
            let mut stepping = self.stepping.borrow_mut();
            let Some(at) = stepping.iter().position(|j| j.0 == id && j.1 == i) else {
                return;
            };
            stepping.swap_remove(at).2
        };
        let began = js_sys::Date::now();
        let outcome = loop {
            if job.cancelled.get() {
                break Outcome::Cancelled;
            }
            let stepped = match job.parts.front() {
                // First the text into the module, a slice at a time (a copy of 20 MB is
                // tens of milliseconds), never between the two halves of a surrogate pair.
                Some(part) => {
                    let len = part.length();
                    let mut end = (job.read + attachments::READ_UNITS).min(len);
                    if end < len && (0xD800..0xDC00).contains(&(part.char_code_at(end - 1) as u32))
                    {
                        end -= 1;
                    }
                    job.text.push_str(&String::from(part.slice(job.read, end)));
                    job.read = end;
                    if end == len {
                        job.parts.pop_front();
                        job.read = 0;
                    }
                    Ok(true)
                }
                None => {
                    let stepped = job.windows.step(&self.guard, &job.text, &mut job.found);
                    // The first windows are small and grow: a first scan of a new kind of
                    // text is slower (its automata's states are built as it goes).
                    let next = job.windows.window() * 2;
                    job.windows.resize(next.min(attachments::STEP));
                    stepped
                }
            };
            match stepped {
                Err(_) => break Outcome::NotChecked(NotChecked::Failed),
                Ok(false) => {
                    break Outcome::of(Ok(std::mem::take(&mut job.found)), job.text, job.encoding)
                }
                Ok(true) if js_sys::Date::now() - began >= attachments::STEP_MS => {
                    let part = if job.parts.is_empty() {
                        job.windows.behind(&job.text) as f64 / job.text.len() as f64
                    } else {
                        0.0
                    };
                    if job.note.is_none() {
                        let name = self
                            .with_batch(id, |b| b.files.get(i).map(|c| c.name.clone()))
                            .flatten()
                            .unwrap_or_default();
                        let flag = job.cancelled.clone();
                        let cancel: Closure<dyn FnMut()> = Closure::new(move || flag.set(true));
                        let note = self.shell.progress(&name, cancel.as_ref());
                        job.note = Some((note, cancel));
                    }
                    if let Some((note, _)) = &job.note {
                        note.update(part);
                    }
                    self.stepping.borrow_mut().push((id, i, job));
                    let weak = Rc::downgrade(self);
                    self.shell.soon(&Closure::once_into_js(move || {
                        if let Some(s) = weak.upgrade() {
                            s.step(id, i);
                        }
                    }));
                    return;
                }
                Ok(true) => {}
            }
        };
        if let Some((note, _)) = &job.note {
            note.close();
        }
        self.settle(id, i, outcome);
    }

    /// File `i` of attempt `id` is checked: once every file of the attempt is, it is judged.
    fn settle(self: &Rc<State>, id: u32, i: usize, outcome: Outcome) {
        let done = self.with_batch(id, |b| {
            if let Some(c) = b.files.get_mut(i) {
                c.outcome = outcome;
            }
            !b.files
                .iter()
                .any(|c| matches!(c.outcome, Outcome::Pending))
        });
        if done == Some(true) {
            self.judge(id);
        }
    }

    /// A kind's name in the prompt's language: a built-in's, a custom rule's, else its id.
    fn kind_name(&self, id: &str) -> String {
        if let Some(d) = crate::by_kind(id) {
            return d.name.get(self.cfg.locale).to_string();
        }
        self.cfg
            .custom_names
            .iter()
            .find(|(k, _)| k == id)
            .map_or_else(|| id.to_string(), |(_, n)| n.clone())
    }

    fn with_batch<R>(&self, id: u32, f: impl FnOnce(&mut Batch) -> R) -> Option<R> {
        let mut batches = self.batches.borrow_mut();
        batches
            .iter_mut()
            .find(|(i, _)| *i == id)
            .map(|(_, b)| f(b))
    }

    /// Every file of attempt `id` is checked: clean ones pass at once, files that could not
    /// be read pass with a note, and files with findings (or an identity document's name)
    /// open the file prompt.
    fn judge(self: &Rc<State>, id: u32) {
        let batch = {
            let mut batches = self.batches.borrow_mut();
            let Some(at) = batches.iter().position(|(i, _)| *i == id) else {
                return;
            };
            batches.remove(at).1
        };
        let cat = self.cfg.catalog;
        let flagged = batch.files.iter().any(Checked::flagged);
        if !flagged || self.cfg.mode == Mode::WarnOnly {
            let unchecked: Vec<String> = batch
                .files
                .iter()
                .filter_map(|c| c.not_checked(cat))
                .collect();
            let found: Vec<String> = batch
                .files
                .iter()
                .filter(|c| c.found())
                .map(|c| {
                    cat.file_reason
                        .replace("{name}", &c.name)
                        .replace("{why}", &c.summary(cat, self.cfg.locale))
                })
                .collect();
            self.hand_on(&batch, None);
            if !found.is_empty() {
                self.notice(
                    &cat.file_warned
                        .replace("{files}", &found.join(cat.list_sep)),
                    Tone::Info,
                );
            } else if !unchecked.is_empty() {
                self.notice(
                    &cat.not_checked
                        .replace("{files}", &unchecked.join(cat.list_sep)),
                    Tone::Info,
                );
            }
            return;
        }
        let busy = self.files_asking.borrow().is_some()
            || matches!(
                *self.phase.borrow(),
                Phase::Asking {
                    dialog: Some(_),
                    ..
                }
            );
        if busy {
            self.files_queue.borrow_mut().push(batch);
        } else {
            self.ask_files(batch);
        }
    }

    /// Opens the file prompt for `batch`. If it cannot open, the files pass with a notice
    /// (or stay out with `failClosed`), as a draft would.
    fn ask_files(self: &Rc<State>, batch: Batch) {
        let cat = self.cfg.catalog;
        let rows: Vec<_> = batch
            .files
            .iter()
            .map(|c| c.row(cat, self.cfg.locale))
            .collect();
        let flagged = batch.files.iter().filter(|c| c.flagged()).count();
        let redactable = batch.files.iter().any(|c| c.flagged() && c.redactable());
        let intro = plural_count(cat, &cat.file_intro, flagged);
        let weak = Rc::downgrade(self);
        let opened = Dialog::open_files(
            &self.shell,
            cat,
            &intro,
            &rows,
            flagged,
            redactable,
            move |d| {
                if let Some(s) = weak.upgrade() {
                    s.later(0, move |s| s.decide_files(d));
                }
            },
        );
        match opened {
            Ok(dialog) => *self.files_asking.borrow_mut() = Some((batch, dialog)),
            Err(_) => {
                if self.cfg.fail_closed {
                    self.hand_on(&batch, Some(FileDecision::Remove));
                    self.notice(cat.failed_files, Tone::Warn);
                } else {
                    self.hand_on(&batch, Some(FileDecision::Anyway));
                }
            }
        }
    }

    /// Carries out the user's decision on the files asked about (once: a second click finds
    /// nothing to decide), then asks about the next attempt waiting.
    fn decide_files(self: &Rc<State>, decision: FileDecision) {
        let Some((batch, dialog)) = self.files_asking.take() else {
            return;
        };
        drop(dialog);
        let fates = self.hand_on(&batch, Some(decision));
        self.files_decided(&batch, decision, &fates);
        let next = {
            let mut queue = self.files_queue.borrow_mut();
            (!queue.is_empty()).then(|| queue.remove(0))
        };
        if let Some(next) = next {
            self.ask_files(next);
        } else {
            self.focus();
        }
    }

    /// Gives the page the files of `batch` as `decision` says (all as chosen when `None`):
    /// the files as they are, redacted copies, or nothing. Returns each file's fate.
    fn hand_on(&self, batch: &Batch, decision: Option<FileDecision>) -> Vec<Fate> {
        let out = js_sys::Array::new();
        let mut fates = Vec::with_capacity(batch.files.len());
        for c in &batch.files {
            let fate = Fate::of(c, decision);
            let job = match &c.outcome {
                Outcome::Counted { job, .. } => Some(job),
                _ => None,
            };
            match (fate, job) {
                (Fate::Attached, _) => {
                    out.push(&c.file);
                }
                (Fate::Redacted, Some(job)) => {
                    out.push(&self.shell.redacted_aside(&c.file, job));
                }
                (Fate::Redacted, None) => match c.redacted_text(&self.cfg.redact) {
                    Some((encoding, text)) => {
                        out.push(&self.shell.redacted(&c.file, &text, encoding));
                    }
                    None => {
                        fates.push(Fate::Removed);
                        continue;
                    }
                },
                (Fate::Removed, _) => {}
            }
            if let (Some(job), false) = (job, fate == Fate::Redacted) {
                self.shell.release(job);
            }
            fates.push(fate);
        }
        self.shell.deliver(&batch.attempt, &out);
        fates
    }

    /// Tells the page what happened to the files (never a raw value or a file's content).
    fn files_decided(&self, batch: &Batch, decision: FileDecision, fates: &[Fate]) {
        let Some(f) = self.cfg.on_decision.as_ref() else {
            return;
        };
        let action = match decision {
            FileDecision::Remove => "remove",
            FileDecision::Redacted => "redact",
            FileDecision::Anyway => "attach_anyway",
        };
        let mut all: Vec<String> = Vec::new();
        let files = js_sys::Array::new();
        for (c, fate) in batch.files.iter().zip(fates) {
            let kinds = c.kinds();
            let o = js_sys::Object::new();
            let list: js_sys::Array = kinds
                .iter()
                .map(|k| JsValue::from_str(k.as_str()))
                .collect();
            for (k, v) in [
                ("name", JsValue::from_str(&c.name)),
                ("size", JsValue::from_f64(c.size)),
                ("kinds", list.into()),
                (
                    "checked",
                    JsValue::from_bool(!matches!(
                        c.outcome,
                        Outcome::NotChecked(_) | Outcome::Cancelled
                    )),
                ),
                ("result", JsValue::from_str(fate.as_str())),
            ] {
                let _ = js_sys::Reflect::set(&o, &k.into(), &v);
            }
            files.push(&o);
            for k in kinds {
                if !all.contains(&k) {
                    all.push(k);
                }
            }
        }
        let d = js_sys::Object::new();
        let kinds: js_sys::Array = all.iter().map(|k| JsValue::from_str(k.as_str())).collect();
        let _ = js_sys::Reflect::set(&d, &"action".into(), &action.into());
        let _ = js_sys::Reflect::set(&d, &"kinds".into(), &kinds);
        let _ = js_sys::Reflect::set(&d, &"files".into(), &files);
        // The page's callback failing must not break the prompt.
        let _ = f.call1(&JsValue::NULL, &d);
    }
}
