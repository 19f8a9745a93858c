//! Reading a chat input's text and writing a redacted version back.
//!
//! Textareas and inputs are written with the prototype's native `value`
//! setter plus an `input` event, which is what React, Vue and Svelte observe
//! (React's per-instance value tracker would otherwise swallow the change).
//! Contenteditable editors get one `insertText` edit per value, through the
//! selection: the editor's own undo stack and `beforeinput`/`input` handlers
//! see it as typing (past [`TYPED_EDITS`] values, too slow in browsers: the
//! text nodes are rewritten directly, with one `input` event). Every write is read back; the caller refuses to send when
//! the text is not what was intended.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement, Node};

use super::dom;

/// One replacement: UTF-16 offsets into the text as read, and the new text.
pub struct Edit {
    /// Start, UTF-16 code units.
    pub start: u32,
    /// End (exclusive), UTF-16 code units.
    pub end: u32,
    /// What replaces the range.
    pub with: String,
}

/// A chat input draftguard can guard.
#[derive(Clone)]
pub enum Editor {
    /// `<textarea>`.
    TextArea(HtmlTextAreaElement),
    /// `<input>` of a text type.
    Input(HtmlInputElement),
    /// Any element with `contenteditable`.
    Editable(HtmlElement),
}

/// A text node's place in the extracted text.
struct Segment {
    node: Node,
    /// UTF-16 offset of the node's first code unit in the extracted text.
    start: u32,
    /// Length in UTF-16 code units.
    len: u32,
}

/// A contenteditable's text as the user sees it (blocks and `<br>` become
/// line breaks) with each text node's position, to map offsets back to nodes.
struct Extracted {
    text: String,
    len16: u32,
    segments: Vec<Segment>,
}

impl Editor {
    /// Recognises `target`, or says why it cannot be guarded.
    pub fn new(target: &HtmlElement) -> Result<Editor, String> {
        if let Some(t) = target.dyn_ref::<HtmlTextAreaElement>() {
            return Ok(Editor::TextArea(t.clone()));
        }
        if let Some(i) = target.dyn_ref::<HtmlInputElement>() {
            let ty = i.type_().to_ascii_lowercase();
            return match ty.as_str() {
                "text" | "search" | "email" | "url" | "tel" | "" => Ok(Editor::Input(i.clone())),
                _ => Err(format!(
                    "attach(): an <input type=\"{ty}\"> holds no draft; expected a textarea, a text input or a contenteditable element"
                )),
            };
        }
        if target.is_content_editable() {
            return Ok(Editor::Editable(target.clone()));
        }
        Err(format!(
            "attach(): <{}> is not a textarea, a text input or a contenteditable element",
            target.tag_name().to_ascii_lowercase()
        ))
    }

    /// The element.
    pub fn element(&self) -> &HtmlElement {
        match self {
            Editor::TextArea(t) => t.unchecked_ref(),
            Editor::Input(i) => i.unchecked_ref(),
            Editor::Editable(e) => e,
        }
    }

    /// Whether the editor is a plain form field (value-based).
    pub fn is_field(&self) -> bool {
        !matches!(self, Editor::Editable(_))
    }

    /// The draft as the user sees it.
    pub fn text(&self) -> String {
        match self {
            Editor::TextArea(t) => t.value(),
            Editor::Input(i) => i.value(),
            Editor::Editable(e) => extract(e).text,
        }
    }

    /// Applies `edits` (non-overlapping, any order) to the draft, which must
    /// still read `expected_before`. Returns the text it should now read; the
    /// caller confirms with [`Editor::text`] (after the framework had a turn).
    pub fn write(&self, expected_before: &str, edits: &[Edit]) -> Result<String, JsValue> {
        if self.text() != expected_before {
            return Err("draftguard: the draft changed while the prompt was open".into());
        }
        let after = apply(expected_before, edits);
        match self {
            Editor::TextArea(_) | Editor::Input(_) => self.set_field_value(&after)?,
            Editor::Editable(e) => write_editable(e, edits)?,
        }
        Ok(after)
    }

    /// Puts `original` back after a write of ours that did not work out, but
    /// only while the draft still reads `wrote`, what this guard wrote: never
    /// over text the user or the page put there since. A contenteditable undoes
    /// the write's `edits` steps (its own undo stack). True if the draft reads
    /// `original` afterwards.
    pub fn restore(&self, original: &str, wrote: &str, edits: usize) -> bool {
        if self.text() != wrote {
            return false;
        }
        match self {
            Editor::TextArea(_) | Editor::Input(_) => {
                let _ = self.set_field_value(original);
            }
            // Written directly, not typed: nothing to undo.
            Editor::Editable(_) if edits > TYPED_EDITS => {}
            Editor::Editable(e) => {
                if let Ok(doc) = dom::document() {
                    let _ = e.focus();
                    let html: &web_sys::HtmlDocument = doc.unchecked_ref();
                    for _ in 0..edits {
                        let _ = html.exec_command("undo");
                    }
                }
            }
        }
        self.text() == original
    }

    /// Writes `value` into a textarea/input the way a framework notices it.
    pub fn set_field_value(&self, value: &str) -> Result<(), JsValue> {
        let (el, proto_name): (&HtmlElement, &str) = match self {
            Editor::TextArea(t) => (t.unchecked_ref(), "HTMLTextAreaElement"),
            Editor::Input(i) => (i.unchecked_ref(), "HTMLInputElement"),
            Editor::Editable(_) => return Err("not a form field".into()),
        };
        let w = dom::window()?;
        let ctor = js_sys::Reflect::get(&w, &proto_name.into())?;
        let proto = js_sys::Reflect::get(&ctor, &"prototype".into())?;
        let desc = js_sys::Object::get_own_property_descriptor(
            proto.unchecked_ref::<js_sys::Object>(),
            &"value".into(),
        );
        let setter = js_sys::Reflect::get(&desc, &"set".into())?;
        let setter: &js_sys::Function = setter
            .dyn_ref()
            .ok_or_else(|| JsValue::from_str("draftguard: no native value setter"))?;
        setter.call1(el, &JsValue::from_str(value))?;
        let init = web_sys::InputEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_input_type("insertReplacementText");
        init.set_data(Some(value));
        let ev = web_sys::InputEvent::new_with_event_init_dict("input", &init)?;
        el.dispatch_event(&ev)?;
        Ok(())
    }

    /// Client rectangles of the UTF-16 range `[start, end)` for a
    /// contenteditable (for highlighting); empty for form fields.
    pub fn range_rects(&self, spans: &[(u32, u32)]) -> Vec<web_sys::DomRect> {
        let Editor::Editable(e) = self else {
            return Vec::new();
        };
        let Ok(doc) = dom::document() else {
            return Vec::new();
        };
        let x = extract(e);
        let mut out = Vec::new();
        for &(s, t) in spans {
            let Some(range) = dom_range(&doc, &x, s, t) else {
                continue;
            };
            if let Some(list) = range.get_client_rects() {
                for i in 0..list.length() {
                    if let Some(r) = list.get(i) {
                        out.push(r);
                    }
                }
            }
        }
        out
    }
}

/// `edits` in the order of their starts, last first if `last_first`; edits with the same
/// start in the order given.
fn by_start(edits: &[Edit], last_first: bool) -> Vec<&Edit> {
    let mut order: Vec<usize> = (0..edits.len()).collect();
    crate::sort::indices(&mut order, &mut |a, b| {
        let first_first = edits[a].start.cmp(&edits[b].start);
        if last_first {
            first_first.reverse()
        } else {
            first_first
        }
    });
    order.into_iter().map(|i| &edits[i]).collect()
}

/// `text` with `edits` applied (UTF-16 offsets).
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let sorted = by_start(edits, false);
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut at = 0usize;
    for e in sorted {
        let (s, t) = (e.start as usize, e.end as usize);
        if s < at || t > units.len() || s > t {
            continue;
        }
        out.extend_from_slice(&units[at..s]);
        out.extend(e.with.encode_utf16());
        at = t;
    }
    out.extend_from_slice(&units[at..]);
    String::from_utf16_lossy(&out)
}

fn units(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

const BLOCKS: &[&str] = &[
    "ADDRESS",
    "ARTICLE",
    "ASIDE",
    "BLOCKQUOTE",
    "DD",
    "DIV",
    "DL",
    "DT",
    "FIGCAPTION",
    "FIGURE",
    "FOOTER",
    "FORM",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "HEADER",
    "HR",
    "LI",
    "MAIN",
    "NAV",
    "OL",
    "P",
    "PRE",
    "SECTION",
    "TABLE",
    "TR",
    "UL",
];

fn extract(root: &HtmlElement) -> Extracted {
    let mut x = Extracted {
        text: String::new(),
        len16: 0,
        segments: Vec::new(),
    };
    walk(root, &mut x);
    x
}

fn push(x: &mut Extracted, s: &str) {
    x.text.push_str(s);
    x.len16 += units(s);
}

/// Appends `root`'s text (blocks and `<br>` as line breaks) to `x`. An explicit
/// stack, not recursion: a deeply nested editor must not overflow the stack.
fn walk(root: &Node, x: &mut Extracted) {
    enum Step {
        Enter(Node),
        /// After a block's children: end its line.
        EndBlock,
    }
    let children = |node: &Node| {
        let list = node.child_nodes();
        (0..list.length())
            .rev()
            .filter_map(move |i| list.item(i))
            .map(Step::Enter)
    };
    let mut stack: Vec<Step> = children(root).collect();
    while let Some(step) = stack.pop() {
        let child = match step {
            Step::EndBlock => {
                if !x.text.ends_with('\n') {
                    push(x, "\n");
                }
                continue;
            }
            Step::Enter(child) => child,
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                let data = child.node_value().unwrap_or_default();
                let len = units(&data);
                x.segments.push(Segment {
                    node: child.clone(),
                    start: x.len16,
                    len,
                });
                push(x, &data);
            }
            Node::ELEMENT_NODE => {
                let tag = child.unchecked_ref::<web_sys::Element>().tag_name();
                if tag == "BR" {
                    push(x, "\n");
                } else if matches!(tag.as_str(), "SCRIPT" | "STYLE" | "TEMPLATE") {
                } else if BLOCKS.contains(&tag.as_str()) {
                    if !x.text.is_empty() && !x.text.ends_with('\n') {
                        push(x, "\n");
                    }
                    stack.push(Step::EndBlock);
                    stack.extend(children(&child));
                } else {
                    stack.extend(children(&child));
                }
            }
            _ => {}
        }
    }
}

/// Maps a UTF-16 offset to a DOM position: inside the text node that holds
/// it; an offset on a synthetic line break goes to the nearest text node
/// (after it for a start, before it for an end).
fn position(x: &Extracted, at: u32, is_start: bool) -> Option<(Node, u32)> {
    // Segments are in text order: binary search (thousands of highlights in a long draft).
    let segs = &x.segments;
    if is_start {
        // The first non-empty segment that ends after `at`.
        let i = segs.partition_point(|s| s.start + s.len <= at);
        let s = segs[i..].iter().find(|s| s.len > 0)?;
        Some((s.node.clone(), at.saturating_sub(s.start).min(s.len)))
    } else {
        // The last non-empty segment that starts before `at`.
        let i = segs.partition_point(|s| s.start < at);
        let s = segs[..i].iter().rev().find(|s| s.len > 0)?;
        Some((s.node.clone(), (at - s.start).min(s.len)))
    }
}

fn dom_range(
    doc: &web_sys::Document,
    x: &Extracted,
    start: u32,
    end: u32,
) -> Option<web_sys::Range> {
    if start >= end || end > x.len16 {
        return None;
    }
    let (sn, so) = position(x, start, true)?;
    let (en, eo) = position(x, end, false)?;
    let range = doc.create_range().ok()?;
    range.set_start(&sn, so).ok()?;
    range.set_end(&en, eo).ok()?;
    Some(range)
}

/// Most edits a contenteditable gets as typing (`insertText`, one undo step
/// each). Each costs about as much as the whole editor (Chromium: 500 edits in
/// 500 lines ≈ 2 s, 5,000 in 5,000 lines ≈ 2.5 min), so past this many the text
/// nodes are rewritten directly ([`replace_editable`]).
pub const TYPED_EDITS: usize = 20;

/// Writes `edits` into a contenteditable: as typing when there are few (the
/// editor's own undo stack and `beforeinput`/`input` handlers see each),
/// directly in its text nodes when there are many.
fn write_editable(root: &HtmlElement, edits: &[Edit]) -> Result<(), JsValue> {
    if edits.len() > TYPED_EDITS {
        return replace_editable(root, edits);
    }
    type_editable(root, edits)
}

/// Replaces every span in the text nodes themselves, in one go: ranges from
/// one reading of the editor, applied last first (no page code runs in
/// between), then one `input` event (`insertReplacementText`). Not undoable
/// with the editor's undo; the caller reads the result back as always.
fn replace_editable(root: &HtmlElement, edits: &[Edit]) -> Result<(), JsValue> {
    let doc = dom::document()?;
    let x = extract(root);
    let sorted = by_start(edits, true);
    for e in sorted {
        let range = dom_range(&doc, &x, e.start, e.end)
            .ok_or_else(|| JsValue::from_str("draftguard: a value is not in the editor's text"))?;
        let (sn, en) = (range.start_container()?, range.end_container()?);
        if sn.is_same_node(Some(&en)) && sn.node_type() == Node::TEXT_NODE {
            let (so, eo) = (range.start_offset()?, range.end_offset()?);
            sn.unchecked_ref::<web_sys::CharacterData>()
                .replace_data(so, eo - so, &e.with)?;
        } else {
            range.delete_contents()?;
            range.insert_node(&doc.create_text_node(&e.with))?;
        }
    }
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_input_type("insertReplacementText");
    let ev = web_sys::InputEvent::new_with_event_init_dict("input", &init)?;
    root.dispatch_event(&ev)?;
    Ok(())
}

/// Replaces each span through the selection with `insertText`, last first so
/// earlier offsets stay valid. Undoes what it did if any step fails.
fn type_editable(root: &HtmlElement, edits: &[Edit]) -> Result<(), JsValue> {
    let doc = dom::document()?;
    let html: &web_sys::HtmlDocument = doc.unchecked_ref();
    let selection = dom::window()?
        .get_selection()?
        .ok_or_else(|| JsValue::from_str("draftguard: no selection API"))?;
    root.focus()?;
    let sorted = by_start(edits, true);
    let mut done = 0;
    let mut failed = false;
    for e in sorted {
        let x = extract(root);
        let Some(range) = dom_range(&doc, &x, e.start, e.end) else {
            failed = true;
            break;
        };
        selection.remove_all_ranges()?;
        selection.add_range(&range)?;
        if html
            .exec_command_with_show_ui_and_value("insertText", false, &e.with)
            .unwrap_or(false)
        {
            done += 1;
        } else {
            failed = true;
            break;
        }
    }
    if failed {
        for _ in 0..done {
            let _ = html.exec_command("undo");
        }
        return Err("draftguard: this editor did not accept the redaction".into());
    }
    // Caret after the text, where the user left off typing.
    if let Ok(range) = doc.create_range() {
        let _ = range.select_node_contents(root);
        range.collapse_with_to_start(false);
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
    Ok(())
}
