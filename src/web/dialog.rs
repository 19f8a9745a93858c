//! The mindful-sharing dialog: what was found, why it matters, and three
//! ways on — edit, redact and send, send anyway.
//!
//! `role="alertdialog"`, modal, labelled by its heading and described by its
//! intro and note; focus moves in and stays in (Tab cycles), Esc means "edit
//! draft". Rendered in a shadow root so page CSS cannot break it; light/dark
//! from `prefers-color-scheme`, themable with `--draftguard-*` custom
//! properties (they inherit into the shadow root).

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};

use super::dom::{self, attrs, el, Listener};
use super::i18n::{plural, Catalog};

/// One finding as the dialog shows it (no raw value: the preview is masked).
pub struct Item {
    /// Plain-language name: "Credit card number".
    pub name: String,
    /// Category name: "Financial".
    pub category: String,
    /// The masked value.
    pub preview: String,
    /// Why it was flagged, in plain language.
    pub why: Vec<String>,
}

/// What the user chose.
pub enum Choice {
    /// Back to the draft, unchanged.
    Edit,
    /// Redact the findings marked `true` (in the order given) and send.
    RedactAndSend(Vec<bool>),
    /// Send the draft as it is.
    SendAnyway,
}

/// An open dialog; closes (removes itself) when dropped.
pub struct Dialog {
    host: HtmlElement,
    _listeners: Vec<Listener>,
}

impl Drop for Dialog {
    fn drop(&mut self) {
        self.host.remove();
    }
}

impl Dialog {
    /// Opens the dialog and moves focus into it. `choose` is called once per
    /// click or key (the caller defers its work and drops the dialog).
    pub fn open(
        cat: &'static Catalog,
        items: &[Item],
        choose: impl Fn(Choice) + 'static,
    ) -> Result<Dialog, JsValue> {
        let doc = dom::document()?;
        let (host, root) = dom::shadow_host(&doc, "draftguard-dialog", dom::CSS)?;
        let backdrop = el(&doc, "div", "backdrop", "")?;
        let dialog = el(&doc, "div", "dialog", "")?;
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
        let title = el(&doc, "h2", "title", cat.title)?;
        title.set_id("dg-title");
        let intro = el(&doc, "p", "intro", &plural(&cat.intro, items.len()))?;
        intro.set_id("dg-intro");

        let list = el(&doc, "ul", "findings", "")?;
        let mut toggles: Vec<HtmlInputElement> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let li = el(&doc, "li", "finding", "")?;
            let head = el(&doc, "div", "finding-head", "")?;
            let name = el(&doc, "span", "name", &item.name)?;
            let category = el(&doc, "span", "category", &item.category)?;
            head.append_child(&name)?;
            head.append_child(&category)?;
            let preview = el(&doc, "code", "preview", &item.preview)?;
            let why = el(&doc, "p", "why", "")?;
            let why_label = el(&doc, "span", "why-label", cat.why)?;
            why.append_child(&why_label)?;
            why.append_child(&doc.create_text_node(&item.why.join(cat.clause_sep)))?;
            let label = el(&doc, "label", "toggle", "")?;
            let input: HtmlInputElement = doc.create_element("input")?.unchecked_into();
            input.set_type("checkbox");
            input.set_checked(true);
            input.set_id(&format!("dg-redact-{i}"));
            input.set_attribute(
                "aria-label",
                &format!("{}: {} {}", cat.redact_this, item.name, item.preview),
            )?;
            label.append_child(&input)?;
            let text = el(&doc, "span", "", cat.redact_this)?;
            label.append_child(&text)?;
            li.append_child(&head)?;
            li.append_child(&preview)?;
            li.append_child(&why)?;
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
        actions.append_child(&edit)?;
        actions.append_child(&anyway)?;
        actions.append_child(&redact)?;

        for child in [&title, &intro] {
            dialog.append_child(child)?;
        }
        dialog.append_child(&list)?;
        dialog.append_child(&note)?;
        dialog.append_child(&actions)?;
        backdrop.append_child(&dialog)?;
        root.append_child(&backdrop)?;

        let choose = Rc::new(choose);
        let mut listeners = Vec::new();
        {
            let c = choose.clone();
            listeners.push(Listener::new(&edit, "click", false, false, move |_| {
                c(Choice::Edit)
            })?);
            let c = choose.clone();
            listeners.push(Listener::new(&anyway, "click", false, false, move |_| {
                c(Choice::SendAnyway)
            })?);
            let c = choose.clone();
            let t = toggles.clone();
            listeners.push(Listener::new(&redact, "click", false, false, move |_| {
                c(Choice::RedactAndSend(
                    t.iter().map(|i| i.checked()).collect(),
                ))
            })?);
            // "Redact and send" with nothing to redact would be "send anyway": disable it.
            for toggle in &toggles {
                let t = toggles.clone();
                let r = redact.clone();
                listeners.push(Listener::new(toggle, "change", false, false, move |_| {
                    let any = t.iter().any(|i| i.checked());
                    r.unchecked_ref::<web_sys::HtmlButtonElement>()
                        .set_disabled(!any);
                })?);
            }
        }
        // Esc = edit; Tab stays inside the dialog.
        {
            let c = choose.clone();
            let focusables: Vec<HtmlElement> = toggles
                .iter()
                .map(|t| t.clone().unchecked_into::<HtmlElement>())
                .chain([edit.clone(), anyway.clone(), redact.clone()])
                .collect();
            let root2 = root.clone();
            listeners.push(Listener::new(&dialog, "keydown", false, false, move |e| {
                let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                match k.key().as_str() {
                    "Escape" => {
                        e.prevent_default();
                        e.stop_propagation();
                        c(Choice::Edit);
                    }
                    "Tab" => {
                        e.prevent_default();
                        let usable: Vec<&HtmlElement> = focusables
                            .iter()
                            .filter(|f| {
                                !f.dyn_ref::<web_sys::HtmlButtonElement>()
                                    .is_some_and(|b| b.disabled())
                            })
                            .collect();
                        if usable.is_empty() {
                            return;
                        }
                        let active = root2.active_element();
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
            })?);
            // Keys never reach the page behind the dialog.
            listeners.push(Listener::new(&host, "keydown", false, false, |e| {
                e.stop_propagation()
            })?);
        }
        redact.focus()?;
        Ok(Dialog {
            host,
            _listeners: listeners,
        })
    }
}

fn button(doc: &web_sys::Document, class: &str, text: &str) -> Result<HtmlElement, JsValue> {
    let b = el(doc, "button", class, text)?;
    b.set_attribute("type", "button")?;
    Ok(b)
}
