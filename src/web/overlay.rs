//! What the prompt draws around a guarded input, in its own shadow root:
//! highlights over sensitive values, a count badge, and short notices.
//!
//! Nothing is inserted into the page's own tree next to the input (frameworks
//! own that tree): the layer is `position: fixed` and follows the input's
//! box, font and scroll. Textareas and inputs get a transparent mirror of
//! their text with the values marked; contenteditable editors get boxes from
//! the ranges' client rectangles. The layer never takes pointer events except
//! on a notice's close button.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use super::dom::{self, el, Host, Listener};
use super::editor::Editor;
use super::shell::Shell;

/// The layer of one guarded input.
pub struct Overlay {
    shell: Shell,
    host: Host,
    mirror: HtmlElement,
    boxes: HtmlElement,
    badge: HtmlElement,
    notices: HtmlElement,
    highlight: bool,
    /// UTF-16 spans of the findings last rendered (boxes of a contenteditable follow them).
    spans16: Vec<(u32, u32)>,
    _close: Listener,
}

/// How a notice looks and is announced.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// `role="status"`.
    Info,
    /// `role="alert"`.
    Warn,
}

/// More findings than this are counted in the badge but not highlighted.
pub const MAX_HIGHLIGHTS: usize = 1_000;

/// Nor is a draft longer than this (UTF-16 units): the transparent copy of a
/// long text would double the page's own layout work on every refresh, and
/// thousands of marks in it more than that (a pasted export of 5,000 values:
/// ~0.2 s of layout in Chromium).
pub const MAX_HIGHLIGHT_TEXT: usize = 64 * 1024;

/// Mirror properties copied from the input so text lines up exactly.
const COPIED: &[&str] = &[
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "font-stretch",
    "font-variant",
    "font-feature-settings",
    "font-kerning",
    "line-height",
    "letter-spacing",
    "word-spacing",
    "text-indent",
    "text-transform",
    "text-align",
    "direction",
    "tab-size",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "border-top-width",
    "border-right-width",
    "border-bottom-width",
    "border-left-width",
    "box-sizing",
];

impl Overlay {
    /// Creates the (empty) layer.
    pub fn new(shell: &Shell, doc: &Document, highlight: bool) -> Result<Overlay, JsValue> {
        let host = Host::new(shell, "draftguard-overlay")?;
        let root = &host.root;
        let mirror = el(doc, "div", "mirror", "")?;
        let boxes = el(doc, "div", "boxes", "")?;
        let badge = el(doc, "div", "badge", "")?;
        badge.set_hidden(true);
        let notices = el(doc, "div", "notices", "")?;
        for e in [&mirror, &boxes] {
            e.set_attribute("aria-hidden", "true")?;
        }
        root.append_child(&mirror)?;
        root.append_child(&boxes)?;
        root.append_child(&badge)?;
        root.append_child(&notices)?;
        // A notice's close button (notices come and go; one listener serves them all).
        let close = Listener::new(shell, &notices, "click", false, false, |e| {
            let notice = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .filter(|t| t.class_name() == "close")
                .and_then(|t| t.closest(".notice").ok().flatten());
            if let Some(n) = notice {
                n.remove();
            }
        });
        Ok(Overlay {
            shell: shell.clone(),
            host,
            mirror,
            boxes,
            badge,
            notices,
            highlight,
            spans16: Vec::new(),
            _close: close,
        })
    }

    /// Shows `spans` (UTF-16 offsets into `text`, sorted, non-overlapping) as
    /// highlights and `count` in the badge (titled `badge_title`).
    pub fn render(
        &mut self,
        editor: &Editor,
        text: &str,
        spans: &[(u32, u32)],
        badge_title: &str,
    ) -> Result<(), JsValue> {
        let doc = dom::document()?;
        let units: Vec<u16> = text.encode_utf16().collect();
        let drawn = spans.len() <= MAX_HIGHLIGHTS && units.len() <= MAX_HIGHLIGHT_TEXT;
        self.spans16 = if drawn { spans.to_vec() } else { Vec::new() };
        if self.highlight && editor.is_field() && !drawn {
            self.mirror.replace_children_with_node_0();
        } else if self.highlight && editor.is_field() {
            let frag = doc.create_document_fragment();
            let mut at = 0usize;
            for &(s, e) in spans {
                let (s, e) = (s as usize, e as usize);
                if s < at || e > units.len() {
                    continue;
                }
                frag.append_child(&doc.create_text_node(&String::from_utf16_lossy(&units[at..s])))?;
                let mark = el(&doc, "mark", "", &String::from_utf16_lossy(&units[s..e]))?;
                frag.append_child(&mark)?;
                at = e;
            }
            let mut tail = String::from_utf16_lossy(&units[at..]);
            // A textarea shows an empty last line after a trailing newline; a div does not.
            if tail.is_empty() || tail.ends_with('\n') {
                tail.push('\u{200b}');
            }
            frag.append_child(&doc.create_text_node(&tail))?;
            self.mirror.replace_children_with_node_1(&frag);
        }
        let n = spans.len();
        self.badge.set_hidden(n == 0 || !self.highlight);
        self.badge.set_text_content(Some(&n.to_string()));
        self.badge.set_attribute("title", badge_title)?;
        self.position(editor)
    }

    /// Follows the input's box, font and scroll.
    pub fn position(&self, editor: &Editor) -> Result<(), JsValue> {
        self.place(editor, true)
    }

    /// Follows the input's box and scroll only: for scroll events, which
    /// never change its font, so no computed style is read.
    pub fn follow(&self, editor: &Editor) -> Result<(), JsValue> {
        self.place(editor, false)
    }

    fn place(&self, editor: &Editor, restyle: bool) -> Result<(), JsValue> {
        let target = editor.element();
        let visible = target.is_connected() && target.offset_parent().is_some();
        let _ = self
            .host
            .element()
            .toggle_attribute_with_force("hidden", !visible);
        if !visible {
            return Ok(());
        }
        let r = target.get_bounding_client_rect();
        let w = dom::window()?;
        let s = self.badge.style();
        s.set_property("left", &px(r.right() - 10.0))?;
        s.set_property("top", &px(r.top() - 9.0))?;
        let ns = self.notices.style();
        ns.set_property("left", &px(r.left()))?;
        ns.set_property("max-width", &px(r.width().max(240.0)))?;
        if r.top() > 90.0 {
            ns.set_property("top", &px(r.top() - 6.0))?;
            ns.set_property("transform", "translateY(-100%)")?;
        } else {
            ns.set_property("top", &px(r.bottom() + 6.0))?;
            ns.set_property("transform", "none")?;
        }
        if !self.highlight {
            return Ok(());
        }
        if editor.is_field() {
            let m = self.mirror.style();
            m.set_property("left", &px(r.left()))?;
            m.set_property("top", &px(r.top()))?;
            m.set_property("width", &px(r.width()))?;
            m.set_property("height", &px(r.height()))?;
            if restyle {
                let cs = w
                    .get_computed_style(target)?
                    .ok_or_else(|| JsValue::from_str("no computed style"))?;
                for p in COPIED {
                    m.set_property(p, &cs.get_property_value(p)?)?;
                }
                let is_textarea = matches!(editor, Editor::TextArea(_));
                m.set_property("white-space", if is_textarea { "pre-wrap" } else { "pre" })?;
                // Room a vertical scrollbar takes inside the input, so lines wrap alike.
                let border_x = num(&cs.get_property_value("border-left-width")?)
                    + num(&cs.get_property_value("border-right-width")?);
                let scrollbar = (target.offset_width() - target.client_width()) as f64 - border_x;
                if scrollbar > 0.0 {
                    let pr = num(&cs.get_property_value("padding-right")?) + scrollbar;
                    m.set_property("padding-right", &px(pr))?;
                }
                if !is_textarea {
                    // An input centres its single line vertically.
                    m.set_property(
                        "line-height",
                        &px(target.client_height() as f64
                            - num(&cs.get_property_value("padding-top")?)
                            - num(&cs.get_property_value("padding-bottom")?)),
                    )?;
                }
            }
            self.mirror.set_scroll_top(target.scroll_top());
            self.mirror.set_scroll_left(target.scroll_left());
        } else {
            let doc = dom::document()?;
            let frag = doc.create_document_fragment();
            for rect in editor.range_rects(&self.spans16) {
                // Clip to the editor's box (its own scrolling hides the rest).
                let (x0, y0) = (rect.left().max(r.left()), rect.top().max(r.top()));
                let (x1, y1) = (rect.right().min(r.right()), rect.bottom().min(r.bottom()));
                if x1 <= x0 || y1 <= y0 {
                    continue;
                }
                let b = el(&doc, "div", "box", "")?;
                let bs = b.style();
                bs.set_property("left", &px(x0))?;
                bs.set_property("top", &px(y0))?;
                bs.set_property("width", &px(x1 - x0))?;
                bs.set_property("height", &px(y1 - y0))?;
                frag.append_child(&b)?;
            }
            self.boxes.replace_children_with_node_1(&frag);
        }
        Ok(())
    }

    /// Shows a short notice above the input (one at a time), with a close button.
    pub fn notice(&self, text: &str, tone: Tone, dismiss: &str) -> Result<(), JsValue> {
        let doc = dom::document()?;
        let box_ = el(
            &doc,
            "div",
            if tone == Tone::Warn {
                "notice warn"
            } else {
                "notice"
            },
            "",
        )?;
        box_.set_attribute(
            "role",
            if tone == Tone::Warn {
                "alert"
            } else {
                "status"
            },
        )?;
        box_.set_attribute("part", "notice")?;
        let p = el(&doc, "p", "", text)?;
        let close = el(&doc, "button", "close", "×")?;
        dom::attrs(
            &close,
            &[
                ("type", "button"),
                ("aria-label", dismiss),
                ("title", dismiss),
            ],
        )?;
        box_.append_child(&p)?;
        box_.append_child(&close)?;
        self.notices.replace_children_with_node_1(&box_);
        // Information fades after a while; warnings stay until dismissed or replaced.
        if tone == Tone::Info {
            let b = box_.clone();
            dom::defer(&self.shell, 9000, move || b.remove());
        }
        Ok(())
    }
}

/// `v` in CSS pixels. Numbers are written and read by JavaScript: Rust's own
/// float formatting and parsing (tables included) would add about 20 KB
/// gzip to the module for these few CSS values.
fn px(v: f64) -> String {
    let n: String = js_sys::Number::from(v)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_else(|_| "0".into());
    n + "px"
}

/// A computed CSS length in pixels ("12.5px"); 0 if it is not one.
fn num(css: &str) -> f64 {
    let v = js_sys::Number::parse_float(css);
    if v.is_finite() {
        v
    } else {
        0.0
    }
}
