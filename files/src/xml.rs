//! A small XML tokenizer for Office parts: start and end tags with their local names,
//! attributes on demand, text, CDATA. Comments and processing instructions are skipped; a
//! DOCTYPE is refused (no entity is ever expanded). One pass over the input; the only state is
//! the stack of open element names, so that a part cut short or mis-nested is an error.
use std::borrow::Cow;

use crate::XmlError;

/// One token.
pub(crate) enum Event<'a> {
    /// An element opens; an empty element (`<a/>`) is a `Start` followed by an `End`.
    Start(Tag<'a>),
    /// An element closes: its local name.
    End(&'a str),
    /// Character data, entity references decoded.
    Text(Cow<'a, str>),
}

/// A start tag.
pub(crate) struct Tag<'a> {
    /// The local name (`t` for `w:t`).
    pub(crate) name: &'a str,
    attributes: &'a str,
}

impl<'a> Tag<'a> {
    /// The value of the attribute whose local name is `local` (`Id`, `name`), decoded. A
    /// `local` of the form `:id` matches only a prefixed attribute (`r:id`, not `id`).
    pub(crate) fn attr(&self, local: &str) -> Result<Option<Cow<'a, str>>, XmlError> {
        let wanted = |name: &str| match local.strip_prefix(':') {
            Some(local) => name.split_once(':').is_some_and(|(_, l)| l == local),
            None => local_name(name) == local,
        };
        let mut rest = self.attributes;
        loop {
            // XML whitespace is ASCII: byte-wise trims and searches.
            rest = rest.trim_ascii_start();
            if rest.is_empty() {
                return Ok(None);
            }
            let eq = find_byte(rest, b'=').ok_or(XmlError::BadSyntax)?;
            let name = rest[..eq].trim_ascii_end();
            let after = rest[eq + 1..].trim_ascii_start();
            let quote = after.bytes().next().filter(|q| *q == b'"' || *q == b'\'');
            let quote = quote.ok_or(XmlError::BadSyntax)?;
            let close = find_byte(&after[1..], quote).ok_or(XmlError::BadSyntax)?;
            let value = &after[1..1 + close];
            if wanted(name) {
                return decode(value).map(Some);
            }
            rest = &after[close + 2..];
        }
    }
}

/// The first `byte` (ASCII) in `text`: a plain loop, cheaper per call than a `char` searcher.
fn find_byte(text: &str, byte: u8) -> Option<usize> {
    text.bytes().position(|b| b == byte)
}

fn local_name(name: &str) -> &str {
    find_byte(name, b':').map_or(name, |colon| &name[colon + 1..])
}

/// Reads tokens from a part.
pub(crate) struct Reader<'a> {
    text: &'a str,
    at: usize,
    open: Vec<&'a str>,
    pending_end: Option<&'a str>,
}

impl<'a> Reader<'a> {
    /// A reader over `bytes`, which must be UTF-8 (a BOM is skipped).
    pub(crate) fn new(bytes: &'a [u8]) -> Result<Self, XmlError> {
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|_| XmlError::NotUtf8)?;
        Ok(Reader {
            text,
            at: 0,
            open: Vec::new(),
            pending_end: None,
        })
    }

    /// Byte offset reached, for error messages.
    pub(crate) fn offset(&self) -> usize {
        self.at
    }

    /// The next token, or `None` at the end of a well-formed part.
    pub(crate) fn next(&mut self) -> Result<Option<Event<'a>>, XmlError> {
        if let Some(name) = self.pending_end.take() {
            return Ok(Some(Event::End(name)));
        }
        loop {
            let rest = &self.text[self.at..];
            if rest.is_empty() {
                return if self.open.is_empty() {
                    Ok(None)
                } else {
                    Err(XmlError::UnexpectedEof)
                };
            }
            // Dispatch on the byte after '<': one comparison per tag for the common cases.
            match rest.as_bytes() {
                [b'<', b'!', ..] => {
                    if let Some(body) = rest.strip_prefix("<!--") {
                        self.at += 4 + body.find("-->").ok_or(XmlError::UnexpectedEof)? + 3;
                        continue;
                    }
                    if let Some(body) = rest.strip_prefix("<![CDATA[") {
                        let len = body.find("]]>").ok_or(XmlError::UnexpectedEof)?;
                        self.at += 9 + len + 3;
                        return Ok(Some(Event::Text(Cow::Borrowed(&body[..len]))));
                    }
                    return Err(XmlError::Doctype);
                }
                [b'<', b'?', ..] => {
                    self.at += 2 + rest[2..].find("?>").ok_or(XmlError::UnexpectedEof)? + 2;
                    continue;
                }
                [b'<', b'/', ..] => {
                    let body = &rest[2..];
                    let len = find_byte(body, b'>').ok_or(XmlError::UnexpectedEof)?;
                    let name = local_name(body[..len].trim_ascii_end());
                    self.at += 2 + len + 1;
                    return match self.open.pop() {
                        Some(open) if open == name => Ok(Some(Event::End(name))),
                        _ => Err(XmlError::MismatchedTag),
                    };
                }
                [b'<', ..] => return self.start_tag(&rest[1..]).map(Some),
                _ => {
                    let len = rest.find('<').unwrap_or(rest.len());
                    self.at += len;
                    return decode(&rest[..len]).map(|t| Some(Event::Text(t)));
                }
            }
        }
    }

    fn start_tag(&mut self, body: &'a str) -> Result<Event<'a>, XmlError> {
        // The tag ends at the first '>' outside a quoted attribute value.
        let mut quote = None;
        let end = body
            .bytes()
            .position(|b| match quote {
                Some(q) => {
                    if b == q {
                        quote = None;
                    }
                    false
                }
                None if b == b'"' || b == b'\'' => {
                    quote = Some(b);
                    false
                }
                None => b == b'>',
            })
            .ok_or(XmlError::UnexpectedEof)?;
        let (inner, empty) = match body[..end].strip_suffix('/') {
            Some(inner) => (inner, true),
            None => (&body[..end], false),
        };
        let name_len = inner
            .bytes()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(inner.len());
        let name = local_name(&inner[..name_len]);
        if name.is_empty()
            || name
                .bytes()
                .any(|b| matches!(b, b'<' | b'&' | b'"' | b'\'' | b'='))
        {
            return Err(XmlError::BadSyntax);
        }
        self.at += 1 + end + 1;
        if empty {
            self.pending_end = Some(name);
        } else {
            self.open.push(name);
        }
        Ok(Event::Start(Tag {
            name,
            attributes: &inner[name_len..],
        }))
    }
}

/// Decodes XML's five entities and character references.
fn decode(raw: &str) -> Result<Cow<'_, str>, XmlError> {
    if !raw.contains('&') {
        return Ok(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after
            .find(';')
            .filter(|&s| s <= 10)
            .ok_or(XmlError::BadEntity)?;
        let entity = &after[..semi];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = entity.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16)
                } else if let Some(dec) = entity.strip_prefix('#') {
                    dec.parse()
                } else {
                    return Err(XmlError::BadEntity);
                };
                code.ok()
                    .and_then(char::from_u32)
                    .ok_or(XmlError::BadEntity)?
            }
        };
        out.push(c);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}
