//! Office Open XML: which kind a zip is (its `[Content_Types].xml`), the parts' relationships,
//! and the text of Word, Excel and PowerPoint files.
//!
//! Elements are matched by local name (`t`, not `w:t`): producers choose their own prefixes,
//! and the few names read here do not clash within the parts that are read.
use std::borrow::Cow;

use crate::xml::{Event, Reader, Tag};
use crate::zip::Archive;
use crate::{Extracted, FileError, Format, Index, Limits, Location, Sink, XmlError};

/// The Office format the zip's content types name for a main part that exists, if any.
pub(crate) fn sniff(bytes: &[u8], limits: &Limits) -> Result<Option<Format>, FileError> {
    Ok(Package::open(bytes, limits)?.map(|(_, format, _)| format))
}

pub(crate) fn extract(
    bytes: &[u8],
    format: Format,
    limits: &Limits,
) -> Result<Extracted, FileError> {
    let (mut package, found, main) =
        Package::open(bytes, limits)?.ok_or(FileError::WrongContentType)?;
    if found != format {
        return Err(FileError::WrongContentType);
    }
    let mut sink = Sink::new(limits);
    match format {
        Format::Docx => docx(&mut package, &main, &mut sink)?,
        Format::Xlsx => xlsx(&mut package, &main, &mut sink)?,
        _ => pptx(&mut package, &main, &mut sink)?,
    }
    Ok(sink.finish())
}

/// An opened Office zip: its entries and its content types' overrides (part name without the
/// leading `/`, content type).
struct Package<'a> {
    archive: Archive<'a>,
    overrides: Vec<(String, String)>,
}

/// A relationship from one part to another.
struct Relationship {
    id: String,
    /// The last segment of the relationship type, e.g. `sharedStrings`, `slide`.
    kind: String,
    /// The target part's name, resolved against the source part.
    target: String,
}

impl<'a> Package<'a> {
    /// The package, its format and its main part, if `[Content_Types].xml` names an Office
    /// main part that the zip holds.
    fn open(bytes: &'a [u8], limits: &Limits) -> Result<Option<(Self, Format, String)>, FileError> {
        let mut archive = Archive::open(bytes, limits)?;
        const TYPES: &str = "[Content_Types].xml";
        let Some(types) = archive.read(TYPES)? else {
            return Ok(None);
        };
        let mut overrides = Vec::new();
        walk(TYPES, &types, |event, at| {
            if let Event::Start(tag) = event {
                if tag.name == "Override" {
                    let part = attr(&tag, "PartName", TYPES, at)?.unwrap_or_default();
                    let kind = attr(&tag, "ContentType", TYPES, at)?.unwrap_or_default();
                    overrides.push((part.trim_start_matches('/').to_owned(), kind.into_owned()));
                }
            }
            Ok(())
        })?;
        let main = overrides.iter().find_map(|(part, kind)| {
            let format = main_format(kind)?;
            archive.contains(part).then(|| (format, part.clone()))
        });
        Ok(main.map(|(format, part)| (Package { archive, overrides }, format, part)))
    }

    /// A part's bytes; an error if the zip lacks it.
    fn part(&mut self, name: &str) -> Result<Vec<u8>, FileError> {
        self.archive
            .read(name)?
            .ok_or_else(|| FileError::MissingPart(name.to_owned()))
    }

    /// The parts whose content type ends with `suffix`, in natural order (`header2` before
    /// `header10`).
    fn parts_of_type(&self, suffix: &str) -> Vec<String> {
        let mut parts: Vec<String> = self
            .overrides
            .iter()
            .filter(|(part, kind)| kind.ends_with(suffix) && self.archive.contains(part))
            .map(|(part, _)| part.clone())
            .collect();
        parts.sort_by_key(|part| natural_key(part));
        parts
    }

    /// The relationships of `part` (none if it has no `.rels` part); external targets left out.
    fn relationships(&mut self, part: &str) -> Result<Vec<Relationship>, FileError> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let rels = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let Some(bytes) = self.archive.read(&rels)? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        walk(&rels, &bytes, |event, at| {
            if let Event::Start(tag) = event {
                if tag.name == "Relationship"
                    && attr(&tag, "TargetMode", &rels, at)?.as_deref() != Some("External")
                {
                    let id = attr(&tag, "Id", &rels, at)?
                        .unwrap_or_default()
                        .into_owned();
                    let kind = attr(&tag, "Type", &rels, at)?.unwrap_or_default();
                    let kind = kind.rsplit('/').next().unwrap_or_default().to_owned();
                    let target = attr(&tag, "Target", &rels, at)?.ok_or(FileError::Corrupt {
                        part: rels.clone(),
                        reason: "a relationship without a target",
                    })?;
                    out.push(Relationship {
                        id,
                        kind,
                        target: resolve(dir, &target),
                    });
                }
            }
            Ok(())
        })?;
        Ok(out)
    }
}

/// Relationship id → position (the first of an id), so that a workbook of many sheets does not
/// search its relationships once per sheet.
fn by_id(relationships: &[Relationship]) -> Index {
    Index::new(relationships.iter().map(|r| r.id.clone()))
}

/// The format a main part's content type names, e.g.
/// `application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml` (also the
/// template and macro-enabled variants).
fn main_format(content_type: &str) -> Option<Format> {
    let kind = content_type
        .strip_prefix("application/vnd.")?
        .strip_suffix(".main+xml")?;
    if kind.contains("wordprocessingml") || kind.starts_with("ms-word.") {
        Some(Format::Docx)
    } else if kind.contains("spreadsheetml") || kind.starts_with("ms-excel.") {
        Some(Format::Xlsx)
    } else if kind.contains("presentationml") || kind.starts_with("ms-powerpoint.") {
        Some(Format::Pptx)
    } else {
        None
    }
}

/// `word/header10.xml` sorts after `word/header2.xml`.
fn natural_key(part: &str) -> (String, u64) {
    let stem = part.trim_end_matches(".xml");
    let digits = stem.len() - stem.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (name, number) = stem.split_at(stem.len() - digits);
    (name.to_owned(), number.parse().unwrap_or(0))
}

/// A relationship target resolved against the source part's folder.
fn resolve(dir: &str, target: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let target = match target.strip_prefix('/') {
        Some(absolute) => absolute,
        None => {
            segments.extend(dir.split('/').filter(|s| !s.is_empty()));
            target
        }
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

/// Feeds every token of `part` to `f` with its offset; XML errors name the part.
fn walk<'x>(
    part: &str,
    bytes: &'x [u8],
    mut f: impl FnMut(Event<'x>, usize) -> Result<(), FileError>,
) -> Result<(), FileError> {
    let mut reader = Reader::new(bytes).map_err(|error| xml_error(part, 0, error))?;
    loop {
        let at = reader.offset();
        match reader.next() {
            Ok(Some(event)) => f(event, at)?,
            Ok(None) => return Ok(()),
            Err(error) => return Err(xml_error(part, reader.offset(), error)),
        }
    }
}

fn xml_error(part: &str, offset: usize, error: XmlError) -> FileError {
    FileError::Xml {
        part: part.to_owned(),
        offset,
        error,
    }
}

fn attr<'t>(
    tag: &Tag<'t>,
    local: &str,
    part: &str,
    at: usize,
) -> Result<Option<Cow<'t, str>>, FileError> {
    tag.attr(local).map_err(|error| xml_error(part, at, error))
}

// ---------------------------------------------------------------------------------------------
// Word

/// The body (tables where they are), then headers, footers, footnotes, endnotes, comments.
fn docx(package: &mut Package, main: &str, sink: &mut Sink) -> Result<(), FileError> {
    let mut parts = vec![main.to_owned()];
    for suffix in [
        "header+xml",
        "footer+xml",
        "footnotes+xml",
        "endnotes+xml",
        "comments+xml",
    ] {
        parts.extend(package.parts_of_type(&format!("wordprocessingml.{suffix}")));
    }
    for part in parts {
        let bytes = package.part(&part)?;
        paragraphs(&part, &bytes, sink, |index| Location::Paragraph {
            part: part.clone(),
            index,
        })?;
    }
    Ok(())
}

/// Paragraphs (`p`) of a Word or DrawingML part: text runs (`t`, and Word's deleted text
/// `delText`, which the file still carries), `tab` → tab, `br`/`cr` → newline. A paragraph
/// inside another (a text box) is its own piece. `mc:Fallback` repeats `mc:Choice`'s content
/// and is skipped; a paragraph's tab stops (`tabs/tab`) are not tabs.
fn paragraphs(
    part: &str,
    bytes: &[u8],
    sink: &mut Sink,
    location: impl Fn(usize) -> Location,
) -> Result<(), FileError> {
    let mut count = 0;
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut in_text = 0usize;
    let mut skip = 0usize;
    walk(part, bytes, |event, _| {
        match event {
            Event::Start(tag) if skip > 0 || tag.name == "Fallback" || tag.name == "tabs" => {
                skip += 1
            }
            Event::End(_) if skip > 0 => skip -= 1,
            Event::Start(tag) => match tag.name {
                "p" => {
                    count += 1;
                    open.push((count, String::new()));
                }
                "t" | "delText" => in_text += 1,
                "tab" | "br" | "cr" => {
                    if let Some((_, text)) = open.last_mut() {
                        text.push(if tag.name == "tab" { '\t' } else { '\n' });
                    }
                }
                _ => {}
            },
            Event::End("p") => {
                if let Some((index, text)) = open.pop() {
                    sink.push(location(index), text)?;
                }
            }
            Event::End("t" | "delText") => in_text = in_text.saturating_sub(1),
            Event::Text(text) if in_text > 0 => {
                if let Some((_, paragraph)) = open.last_mut() {
                    paragraph.push_str(&text);
                }
            }
            _ => {}
        }
        Ok(())
    })
}

// ---------------------------------------------------------------------------------------------
// Excel

/// Every sheet in the workbook's order (hidden ones too), every cell with a value: shared and
/// inline strings as text, numbers as stored (`4.11111111111111E+15` for a 16-digit number
/// typed as a number: Excel keeps 15 significant digits, the rest is already lost in the file).
/// Formulas' text, booleans and errors are not read.
fn xlsx(package: &mut Package, main: &str, sink: &mut Sink) -> Result<(), FileError> {
    let relationships = package.relationships(main)?;
    let shared = match relationships.iter().find(|r| r.kind == "sharedStrings") {
        Some(r) => shared_strings(&r.target, &package.part(&r.target)?)?,
        None => Vec::new(),
    };
    let workbook = package.part(main)?;
    let mut sheets = Vec::new();
    walk(main, &workbook, |event, at| {
        if let Event::Start(tag) = event {
            if tag.name == "sheet" {
                let name = attr(&tag, "name", main, at)?
                    .unwrap_or_default()
                    .into_owned();
                let id = attr(&tag, ":id", main, at)?
                    .unwrap_or_default()
                    .into_owned();
                sheets.push((name, id));
            }
        }
        Ok(())
    })?;
    let targets = by_id(&relationships);
    for (name, id) in sheets {
        let Some(target) = targets.get(&id).map(|i| relationships[i].target.clone()) else {
            return Err(FileError::Corrupt {
                part: main.to_owned(),
                reason: "a sheet without a part",
            });
        };
        let bytes = package.part(&target)?;
        cells(&target, &bytes, &name, &shared, sink)?;
    }
    Ok(())
}

/// The shared strings table: each `si`'s text runs, phonetic guides (`rPh`) left out.
fn shared_strings(part: &str, bytes: &[u8]) -> Result<Vec<String>, FileError> {
    let mut strings = Vec::new();
    let mut current: Option<String> = None;
    let mut in_text = false;
    let mut phonetic = 0usize;
    walk(part, bytes, |event, _| {
        match event {
            Event::Start(tag) => match tag.name {
                "si" => current = Some(String::new()),
                "t" => in_text = true,
                "rPh" => phonetic += 1,
                _ => {}
            },
            Event::End("si") => strings.push(current.take().unwrap_or_default()),
            Event::End("t") => in_text = false,
            Event::End("rPh") => phonetic = phonetic.saturating_sub(1),
            Event::Text(text) if in_text && phonetic == 0 => {
                if let Some(current) = current.as_mut() {
                    current.push_str(&text);
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(strings)
}

/// A worksheet's cells (`c`): `r` names the cell (or it follows the one before), `t` says
/// how to read `v` (`s`: shared string index, `inlineStr`: the `is` element's text).
fn cells(
    part: &str,
    bytes: &[u8],
    sheet: &str,
    shared: &[String],
    sink: &mut Sink,
) -> Result<(), FileError> {
    let mut row = 0u64;
    let mut column = 0u64;
    let mut cell: Option<(String, String)> = None; // (reference, type)
    let mut value = String::new();
    let mut in_value = false;
    let mut in_inline = false;
    let mut phonetic = 0usize;
    walk(part, bytes, |event, at| {
        match event {
            Event::Start(tag) => match tag.name {
                "row" => {
                    row = match attr(&tag, "r", part, at)? {
                        Some(r) => r.parse().unwrap_or(row + 1),
                        None => row + 1,
                    };
                    column = 0;
                }
                "c" => {
                    let reference = match attr(&tag, "r", part, at)? {
                        Some(r) => {
                            column = column_number(&r).unwrap_or(column + 1);
                            r.into_owned()
                        }
                        None => {
                            column += 1;
                            format!("{}{}", column_letters(column), row)
                        }
                    };
                    let kind = attr(&tag, "t", part, at)?.unwrap_or(Cow::Borrowed("n"));
                    cell = Some((reference, kind.into_owned()));
                    value.clear();
                }
                "v" => in_value = true,
                "is" => in_inline = true,
                "t" if in_inline => in_value = true,
                "rPh" => phonetic += 1,
                _ => {}
            },
            Event::End("v" | "t") => in_value = false,
            Event::End("is") => in_inline = false,
            Event::End("rPh") => phonetic = phonetic.saturating_sub(1),
            Event::End("c") => {
                if let Some((reference, kind)) = cell.take() {
                    let text = match kind.as_str() {
                        "s" => {
                            let index: usize =
                                value.trim().parse().map_err(|_| FileError::Corrupt {
                                    part: part.to_owned(),
                                    reason: "a shared string index that is not a number",
                                })?;
                            shared.get(index).cloned().ok_or(FileError::Corrupt {
                                part: part.to_owned(),
                                reason: "a shared string index past the end of the table",
                            })?
                        }
                        "b" | "e" => String::new(),
                        _ => std::mem::take(&mut value),
                    };
                    sink.push(
                        Location::Cell {
                            sheet: sheet.to_owned(),
                            cell: reference,
                        },
                        text,
                    )?;
                }
            }
            Event::Text(text) if in_value && phonetic == 0 && cell.is_some() => {
                value.push_str(&text)
            }
            _ => {}
        }
        Ok(())
    })
}

/// `B7` → 2.
fn column_number(reference: &str) -> Option<u64> {
    let letters = reference.bytes().take_while(u8::is_ascii_alphabetic);
    let mut n = 0u64;
    for (i, b) in letters.enumerate() {
        if i >= 3 {
            return None;
        }
        n = n * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    (n > 0).then_some(n)
}

/// 2 → `B`, 27 → `AA`.
fn column_letters(mut n: u64) -> String {
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// PowerPoint

/// Slides in the presentation's order (`sldIdLst`), each slide's paragraphs, then its speaker
/// notes.
fn pptx(package: &mut Package, main: &str, sink: &mut Sink) -> Result<(), FileError> {
    let relationships = package.relationships(main)?;
    let presentation = package.part(main)?;
    let mut ids = Vec::new();
    walk(main, &presentation, |event, at| {
        if let Event::Start(tag) = event {
            if tag.name == "sldId" {
                ids.push(
                    attr(&tag, ":id", main, at)?
                        .unwrap_or_default()
                        .into_owned(),
                );
            }
        }
        Ok(())
    })?;
    let targets = by_id(&relationships);
    for (n, id) in ids.iter().enumerate() {
        let Some(slide) = targets.get(id).map(|i| relationships[i].target.clone()) else {
            return Err(FileError::Corrupt {
                part: main.to_owned(),
                reason: "a slide without a part",
            });
        };
        let bytes = package.part(&slide)?;
        paragraphs(&slide, &bytes, sink, |_| Location::Slide(n + 1))?;
        let notes = package
            .relationships(&slide)?
            .into_iter()
            .find(|r| r.kind == "notesSlide");
        if let Some(notes) = notes {
            let bytes = package.part(&notes.target)?;
            paragraphs(&notes.target, &bytes, sink, |_| Location::Notes(n + 1))?;
        }
    }
    Ok(())
}
