//! The mindful-sharing dialog: what was found, why it matters, and three
//! ways on — edit, redact and send, send anyway.
//!
//! A modal `<dialog>` (`role="alertdialog"`, labelled by its heading and
//! described by its intro and note) opened with `showModal()`, so it is in the
//! browser's top layer: above anything the page shows (its own modal dialogs,
//! overlays with any z-index), and the page behind is inert. It lives in a
//! closed shadow root: page CSS cannot break it and page script cannot reach
//! it. Only the user answers: buttons and keys act on trusted events only, so a
//! script's synthetic click or key does nothing. Focus moves in and stays in
//! (Tab cycles), Esc means "edit draft". Light/dark from
//! `prefers-color-scheme`, themable with `--draftguard-*` custom properties
//! (they inherit into the shadow root).
//!
//! Findings come grouped per kind, each group with its count, a few masked
//! values and one *Redact* toggle; there are never more than a screenful of
//! rows, however many findings a draft has (kinds past the last row share one
//! toggle). The toggles are one list, read once when the user decides.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlButtonElement, HtmlDialogElement, HtmlElement, HtmlInputElement, KeyboardEvent};

use super::dom::{self, attrs, child, el, Host, Listener};
use super::i18n::Catalog;
use super::shell::Shell;

/// One row of the dialog: the findings of one kind, or the kinds past the
/// last row together. No raw value: previews are masked.
pub struct Row {
    /// Plain-language name: "Credit card number" (or "3 items of other kinds").
    pub name: String,
    /// Category name: "Financial" (empty for the row of other kinds).
    pub category: String,
    /// "2 items" when the row has more than one finding.
    pub count: String,
    /// The first few masked values.
    pub previews: Vec<String>,
    /// "and 4,812 more" when there are more values than previews.
    pub more: String,
    /// Why it was flagged, in plain language.
    pub why: Vec<String>,
    /// For the row of other kinds: their names, as a list.
    pub kinds: String,
}

/// What was decided about a held draft: by the user in the dialog, or by the
/// guard itself (mode "redact").
pub enum Decision {
    /// Back to the draft, unchanged.
    Edit,
    /// Redact the rows marked `true` (in the order given) and send.
    RedactAndSend(Vec<bool>),
    /// Send the draft as it is.
    SendAnyway,
}

/// One file in the file prompt. No raw value: previews are masked.
pub struct FileRow {
    /// The file's name.
    pub name: String,
    /// Its size: "48.2 KB".
    pub size: String,
    /// What was found ("1,204 email addresses, 310 credit card numbers"), "Nothing sensitive
    /// found.", or why it was not checked.
    pub summary: String,
    /// The first few masked values.
    pub previews: Vec<String>,
    /// Notes: an identity document's name, no redacted copy of this format.
    pub notes: Vec<String>,
}

/// What the user decided about the files the prompt asks about.
#[derive(Clone, Copy)]
pub enum FileDecision {
    /// Leave them out.
    Remove,
    /// Attach redacted copies (of the files that can have one; the others are left out).
    Redacted,
    /// Attach them as they are.
    Anyway,
}

/// An open dialog; closes (removes itself) when dropped.
pub struct Dialog {
    _listeners: Vec<Listener>,
    _host: Host,
}

impl Dialog {
    /// Opens the dialog and moves focus into it. `choose` is called once per
    /// trusted click or key (the caller defers its work and drops the dialog).
    pub fn open(
        shell: &Shell,
        cat: &'static Catalog,
        intro: &str,
        rows: &[Row],
        choose: impl Fn(Decision) + 'static,
    ) -> Result<Dialog, JsValue> {
        let doc = dom::document()?;
        let (host, dialog, title, intro) = frame(&doc, shell, cat, "dialog", cat.title, intro)?;

        let list = el(&doc, "ul", "findings", "")?;
        let mut toggles: Vec<HtmlInputElement> = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let li = el(&doc, "li", "finding", "")?;
            let head = el(&doc, "div", "finding-head", "")?;
            child(&doc, &head, "span", "name", &row.name)?;
            if !row.category.is_empty() {
                child(&doc, &head, "span", "category", &row.category)?;
            }
            if !row.count.is_empty() {
                child(&doc, &head, "span", "count", &row.count)?;
            }
            li.append_child(&head)?;
            if !row.previews.is_empty() {
                let previews = el(&doc, "div", "previews", "")?;
                for p in &row.previews {
                    child(&doc, &previews, "code", "preview", p)?;
                }
                if !row.more.is_empty() {
                    child(&doc, &previews, "span", "more", &row.more)?;
                }
                li.append_child(&previews)?;
            }
            if !row.why.is_empty() {
                let why = el(&doc, "p", "why", "")?;
                child(&doc, &why, "span", "why-label", cat.why)?;
                why.append_child(&doc.create_text_node(&row.why.join(cat.clause_sep)))?;
                li.append_child(&why)?;
            }
            if !row.kinds.is_empty() {
                child(&doc, &li, "p", "why kinds", &row.kinds)?;
            }
            let label = el(&doc, "label", "toggle", "")?;
            let input: HtmlInputElement = doc.create_element("input")?.unchecked_into();
            input.set_type("checkbox");
            input.set_checked(true);
            input.set_id(&format!("dg-redact-{i}"));
            let mut what = row.name.clone();
            for p in &row.previews {
                what.push(' ');
                what.push_str(p);
            }
            input.set_attribute("aria-label", &format!("{}: {what}", cat.redact_this))?;
            label.append_child(&input)?;
            child(&doc, &label, "span", "", cat.redact_this)?;
            li.append_child(&label)?;
            list.append_child(&li)?;
            toggles.push(input);
        }

        let note = el(&doc, "p", "note", cat.mindful)?;
        note.set_id("dg-note");
        let actions = el(&doc, "div", "actions", "")?;
        let edit = button(&doc, "edit", cat.edit)?;
        let anyway = button(&doc, "send-anyway", cat.send_anyway)?;
        let redact = button(&doc, "redact-send primary", cat.redact_send)?;
        for b in [&edit, &anyway, &redact] {
            actions.append_child(b)?;
        }
        for part in [&title, &intro, &list, &note, &actions] {
            dialog.append_child(part)?;
        }
        host.root.append_child(&dialog)?;

        let choose = Rc::new(choose);
        let toggles = Rc::new(toggles);
        let mut listeners = Vec::new();
        // Only the user answers: a click or key a script made (untrusted) does nothing.
        let on_click = |target: &HtmlElement, pick: Rc<dyn Fn() -> Decision>| {
            let c = choose.clone();
            Listener::new(shell, target, "click", false, false, move |e| {
                if e.is_trusted() {
                    c(pick())
                }
            })
        };
        listeners.push(on_click(&edit, Rc::new(|| Decision::Edit)));
        listeners.push(on_click(&anyway, Rc::new(|| Decision::SendAnyway)));
        let t = toggles.clone();
        listeners.push(on_click(
            &redact,
            Rc::new(move || Decision::RedactAndSend(t.iter().map(|i| i.checked()).collect())),
        ));
        // "Redact and send" with nothing to redact would be "send anyway": disable it.
        {
            let t = toggles.clone();
            let r: HtmlButtonElement = redact.clone().unchecked_into();
            listeners.push(Listener::new(
                shell,
                &list,
                "change",
                false,
                false,
                move |_| {
                    r.set_disabled(!t.iter().any(|i| i.checked()));
                },
            ));
        }
        let focusables: Vec<HtmlElement> = toggles
            .iter()
            .map(|t| t.clone().unchecked_into::<HtmlElement>())
            .chain([edit.clone(), anyway.clone(), redact.clone()])
            .collect();
        let c = choose.clone();
        let escape: Rc<dyn Fn()> = Rc::new(move || c(Decision::Edit));
        modal(
            shell,
            &host,
            &dialog,
            focusables,
            escape,
            &redact,
            &mut listeners,
        )?;
        Ok(Dialog {
            _listeners: listeners,
            _host: host,
        })
    }
}

impl Dialog {
    /// Opens the file prompt: one row per file of the attempt, and three ways on — remove the
    /// `flagged` files, attach redacted copies (offered when `redactable`), attach anyway. Esc
    /// removes. `choose` is called once per trusted click or key.
    pub fn open_files(
        shell: &Shell,
        cat: &'static Catalog,
        intro: &str,
        rows: &[FileRow],
        flagged: usize,
        redactable: bool,
        choose: impl Fn(FileDecision) + 'static,
    ) -> Result<Dialog, JsValue> {
        let doc = dom::document()?;
        let (host, dialog, title, intro) =
            frame(&doc, shell, cat, "dialog files", cat.file_title, intro)?;
        let list = el(&doc, "ul", "findings", "")?;
        for row in rows {
            let li = el(&doc, "li", "finding file", "")?;
            let head = el(&doc, "div", "finding-head", "")?;
            child(&doc, &head, "span", "name", &row.name)?;
            child(&doc, &head, "span", "category size", &row.size)?;
            li.append_child(&head)?;
            child(&doc, &li, "p", "why summary", &row.summary)?;
            if !row.previews.is_empty() {
                let previews = el(&doc, "div", "previews", "")?;
                for p in &row.previews {
                    child(&doc, &previews, "code", "preview", p)?;
                }
                li.append_child(&previews)?;
            }
            for note in &row.notes {
                child(&doc, &li, "p", "why file-note", note)?;
            }
            list.append_child(&li)?;
        }
        let note = el(&doc, "p", "note", cat.file_mindful)?;
        note.set_id("dg-note");
        let actions = el(&doc, "div", "actions", "")?;
        let remove = button(
            &doc,
            "remove",
            super::i18n::plural(&cat.remove_file, flagged).as_str(),
        )?;
        let anyway = button(&doc, "attach-anyway", cat.attach_anyway)?;
        let mut buttons = vec![
            (remove.clone(), FileDecision::Remove),
            (anyway.clone(), FileDecision::Anyway),
        ];
        let primary = if redactable {
            let redacted = button(&doc, "attach-redacted primary", cat.attach_redacted)?;
            buttons.push((redacted.clone(), FileDecision::Redacted));
            redacted
        } else {
            remove.set_class_name("remove primary");
            remove.clone()
        };
        for (b, _) in &buttons {
            actions.append_child(b)?;
        }
        for part in [&title, &intro, &list, &note, &actions] {
            dialog.append_child(part)?;
        }
        host.root.append_child(&dialog)?;

        let choose = Rc::new(choose);
        let mut listeners = Vec::new();
        // Only the user answers: a click a script made (untrusted) does nothing.
        for (b, decision) in &buttons {
            let c = choose.clone();
            let d = *decision;
            listeners.push(Listener::new(shell, b, "click", false, false, move |e| {
                if e.is_trusted() {
                    c(d)
                }
            }));
        }
        let focusables: Vec<HtmlElement> = buttons.iter().map(|(b, _)| b.clone()).collect();
        let c = choose.clone();
        let escape: Rc<dyn Fn()> = Rc::new(move || c(FileDecision::Remove));
        modal(
            shell,
            &host,
            &dialog,
            focusables,
            escape,
            &primary,
            &mut listeners,
        )?;
        Ok(Dialog {
            _listeners: listeners,
            _host: host,
        })
    }
}

/// What both prompts open with: their host, the modal `<dialog>` of class `class` (an alert
/// dialog labelled by its title, described by its intro and note, in the catalog's language),
/// and its title and intro, not yet appended.
fn frame(
    doc: &web_sys::Document,
    shell: &Shell,
    cat: &Catalog,
    class: &str,
    title: &str,
    intro: &str,
) -> Result<(Host, HtmlDialogElement, HtmlElement, HtmlElement), JsValue> {
    let host = Host::new(shell, "draftguard-dialog")?;
    let dialog: HtmlDialogElement = doc.create_element("dialog")?.unchecked_into();
    dialog.set_class_name(class);
    attrs(
        &dialog,
        &[
            ("role", "alertdialog"),
            ("aria-modal", "true"),
            ("aria-labelledby", "dg-title"),
            ("aria-describedby", "dg-intro dg-note"),
            ("lang", cat.lang),
            ("part", "dialog"),
        ],
    )?;
    let title = el(doc, "h2", "title", title)?;
    title.set_id("dg-title");
    let intro = el(doc, "p", "intro", intro)?;
    intro.set_id("dg-intro");
    Ok((host, dialog, title, intro))
}

fn button(doc: &web_sys::Document, class: &str, text: &str) -> Result<HtmlElement, JsValue> {
    let b = el(doc, "button", class, text)?;
    b.set_attribute("type", "button")?;
    Ok(b)
}

/// What every prompt shares once its content is built: Esc (the browser's `cancel`, and the
/// key) means `escape`, Tab cycles through `focusables` (disabled buttons skipped), no key
/// reaches the page behind, and the dialog opens in the top layer with `focus` focused. Only
/// trusted keys act.
fn modal(
    shell: &Shell,
    host: &Host,
    dialog: &HtmlDialogElement,
    focusables: Vec<HtmlElement>,
    escape: Rc<dyn Fn()>,
    focus: &HtmlElement,
    listeners: &mut Vec<Listener>,
) -> Result<(), JsValue> {
    // Esc: the browser's `cancel` on a modal dialog.
    {
        let c = escape.clone();
        listeners.push(Listener::new(
            shell,
            dialog,
            "cancel",
            false,
            false,
            move |e| {
                e.prevent_default();
                if e.is_trusted() {
                    c();
                }
            },
        ));
    }
    // Esc also as a key (before the browser's cancel); Tab stays inside the dialog.
    {
        let c = escape;
        let root = host.root.clone();
        listeners.push(Listener::new(
            shell,
            dialog,
            "keydown",
            false,
            false,
            move |e| {
                let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if !e.is_trusted() {
                    return;
                }
                match k.key().as_str() {
                    "Escape" => {
                        e.prevent_default();
                        e.stop_propagation();
                        c();
                    }
                    "Tab" => {
                        e.prevent_default();
                        let usable: Vec<&HtmlElement> = focusables
                            .iter()
                            .filter(|f| {
                                !f.dyn_ref::<HtmlButtonElement>()
                                    .is_some_and(|b| b.disabled())
                            })
                            .collect();
                        if usable.is_empty() {
                            return;
                        }
                        let active = root.active_element();
                        let at = usable
                            .iter()
                            .position(|f| active.as_ref().is_some_and(|a| a.is_same_node(Some(f))));
                        let n = usable.len();
                        let next = match (at, k.shift_key()) {
                            (None, false) => 0,
                            (None, true) => n - 1,
                            (Some(i), false) => (i + 1) % n,
                            (Some(i), true) => (i + n - 1) % n,
                        };
                        let _ = usable[next].focus();
                    }
                    _ => {}
                }
            },
        ));
        // Keys never reach the page behind the dialog.
        listeners.push(Listener::new(
            shell,
            &host.element(),
            "keydown",
            false,
            false,
            |e| e.stop_propagation(),
        ));
    }
    // The top layer: above the page's own modal dialogs and overlays.
    dialog.show_modal()?;
    focus.focus()
}
