//! The syntax of custom rules and allowlist patterns: a parser from a pattern
//! to a syntax tree ([`Hir`]), for [`super::compile`].
//!
//! The syntax is regex-lite's (0.1.9), which these patterns were written
//! for: Rust `regex` syntax with ASCII-only classes, `\b`, `\B`, `\<`, `\>`
//! and `\b{start}`-style boundaries over ASCII word bytes, case folding of
//! ASCII letters only (`(?i)é` is `é`), flags `i m s U R x` (`u` accepted and
//! ignored), and no Unicode classes, look-around or backreferences. What it
//! rejects, this rejects, with its one-line message; the tree is the one it
//! builds (the same repetitions removed or unwrapped, the same nesting
//! count), so the same patterns pass the nesting limit.
//! `tests/differential.rs` holds the two to the same decisions and matches.

use regex_automata::util::look::Look;

const TOO_MUCH_NESTING: &str = "pattern has too much nesting";
const TOO_MANY_CAPTURES: &str = "too many capture groups";
const DUPLICATE_CAPTURE_NAME: &str = "duplicate capture group name";
const UNCLOSED_GROUP: &str = "found open group without closing ')'";
const UNCLOSED_GROUP_QUESTION: &str = "expected closing ')', but got end of pattern";
const UNOPENED_GROUP: &str = "found closing ')' without matching '('";
const LOOK_UNSUPPORTED: &str = "look-around is not supported";
const EMPTY_FLAGS: &str = "empty flag directive '(?)' is not allowed";
const MISSING_GROUP_NAME: &str = "expected capture group name, but got end of pattern";
const INVALID_GROUP_NAME: &str = "invalid group name";
const UNCLOSED_GROUP_NAME: &str = "expected end of capture group name, but got end of pattern";
const EMPTY_GROUP_NAME: &str = "empty capture group names are not allowed";
const FLAG_UNRECOGNIZED: &str = "unrecognized inline flag";
const FLAG_REPEATED_NEGATION: &str = "inline flag negation cannot be repeated";
const FLAG_DUPLICATE: &str = "duplicate inline flag is not allowed";
const FLAG_UNEXPECTED_EOF: &str = "expected ':' or ')' to end inline flags, but got end of pattern";
const FLAG_DANGLING_NEGATION: &str = "inline flags cannot end with negation directive";
const DECIMAL_NO_DIGITS: &str = "expected decimal number, but found no digits";
const DECIMAL_INVALID: &str = "got invalid decimal number";
const HEX_BRACE_INVALID_DIGIT: &str =
    "expected hexadecimal number in braces, but got non-hex digit";
const HEX_BRACE_UNEXPECTED_EOF: &str =
    "expected hexadecimal number, but saw end of pattern before closing brace";
const HEX_BRACE_EMPTY: &str = "expected hexadecimal number in braces, but got no digits";
const HEX_BRACE_INVALID: &str = "got invalid hexadecimal number in braces";
const HEX_FIXED_UNEXPECTED_EOF: &str =
    "expected fixed length hexadecimal number, but saw end of pattern first";
const HEX_FIXED_INVALID_DIGIT: &str =
    "expected fixed length hexadecimal number, but got non-hex digit";
const HEX_FIXED_INVALID: &str = "got invalid fixed length hexadecimal number";
const HEX_UNEXPECTED_EOF: &str = "expected hexadecimal number, but saw end of pattern first";
const ESCAPE_UNEXPECTED_EOF: &str =
    "saw start of escape sequence, but saw end of pattern before it finished";
const BACKREF_UNSUPPORTED: &str = "backreferences are not supported";
const UNICODE_CLASS_UNSUPPORTED: &str = "Unicode character classes are not supported";
const ESCAPE_UNRECOGNIZED: &str = "unrecognized escape sequence";
const UNCOUNTED_REP_SUB_MISSING: &str =
    "uncounted repetition operator must be applied to a sub-expression";
const COUNTED_REP_SUB_MISSING: &str =
    "counted repetition operator must be applied to a sub-expression";
const COUNTED_REP_UNCLOSED: &str = "found unclosed counted repetition operator";
const COUNTED_REP_MIN_UNCLOSED: &str = "found incomplete and unclosed counted repetition operator";
const COUNTED_REP_COMMA_UNCLOSED: &str =
    "found counted repetition operator with a comma that is unclosed";
const COUNTED_REP_MIN_MAX_UNCLOSED: &str =
    "found counted repetition with min and max that is unclosed";
const COUNTED_REP_INVALID: &str =
    "expected closing brace for counted repetition, but got something else";
const COUNTED_REP_INVALID_RANGE: &str = "found counted repetition with a min bigger than its max";
const CLASS_UNCLOSED_AFTER_ITEM: &str = "non-empty character class has no closing bracket";
const CLASS_INVALID_RANGE_ITEM: &str =
    "character class ranges must start and end with a single character";
const CLASS_INVALID_ITEM: &str = "invalid escape sequence in character class";
const CLASS_UNCLOSED_AFTER_DASH: &str =
    "non-empty character class has no closing bracket after dash";
const CLASS_UNCLOSED_AFTER_NEGATION: &str = "negated character class has no closing bracket";
const CLASS_UNCLOSED_AFTER_CLOSING: &str =
    "character class begins with literal ']' but has no closing bracket";
const CLASS_INVALID_RANGE: &str = "invalid range in character class";
const CLASS_UNCLOSED: &str = "found unclosed character class";
const CLASS_NEST_UNSUPPORTED: &str = "nested character classes are not supported";
const CLASS_INTERSECTION_UNSUPPORTED: &str = "character class intersection is not supported";
const CLASS_DIFFERENCE_UNSUPPORTED: &str = "character class difference is not supported";
const CLASS_SYMDIFFERENCE_UNSUPPORTED: &str =
    "character class symmetric difference is not supported";
const SPECIAL_WORD_BOUNDARY_UNCLOSED: &str =
    "special word boundary assertion is unclosed or has an invalid character";
const SPECIAL_WORD_BOUNDARY_UNRECOGNIZED: &str = "special word boundary assertion is unrecognized";
const SPECIAL_WORD_OR_REP_UNEXPECTED_EOF: &str =
    "found start of special word boundary or repetition without an end";

/// A parse error: what is wrong, in one line.
pub(crate) type Error = &'static str;

/// A pattern's syntax tree.
#[derive(Clone, Debug)]
pub(crate) enum Hir {
    Empty,
    Char(char),
    /// Characters (scalar values) in the ranges (sorted, disjoint, none
    /// adjacent); empty: never matches.
    Class(Ranges),
    Look(Look),
    Repeat {
        min: u32,
        max: Option<u32>,
        greedy: bool,
        sub: Box<Hir>,
    },
    Capture {
        index: u32,
        name: Option<Box<str>>,
        sub: Box<Hir>,
    },
    Concat(Vec<Hir>),
    Alternation(Vec<Hir>),
}

impl Hir {
    /// `sub` repeated: nothing if never, `sub` itself if exactly once.
    fn repeat(min: u32, max: Option<u32>, greedy: bool, sub: Hir) -> Hir {
        match (min, max) {
            (0, Some(0)) => Hir::Empty,
            (1, Some(1)) => sub,
            _ => Hir::Repeat {
                min,
                max,
                greedy,
                sub: Box::new(sub),
            },
        }
    }

    /// The concatenation of `subs`, unwrapped if there is one.
    fn concat(mut subs: Vec<Hir>) -> Hir {
        match subs.len() {
            0 => Hir::Empty,
            1 => subs.pop().expect("one"),
            _ => Hir::Concat(subs),
        }
    }

    /// The alternation of `subs`, unwrapped if there is one.
    pub(crate) fn alternation(mut subs: Vec<Hir>) -> Hir {
        match subs.len() {
            0 => Hir::Class(Vec::new()),
            1 => subs.pop().expect("one"),
            _ => Hir::Alternation(subs),
        }
    }

    /// `true` if it can match the empty string.
    pub(crate) fn can_be_empty(&self) -> bool {
        match self {
            Hir::Empty | Hir::Look(_) => true,
            Hir::Char(_) | Hir::Class(_) => false,
            Hir::Repeat { min, sub, .. } => *min == 0 || sub.can_be_empty(),
            Hir::Capture { sub, .. } => sub.can_be_empty(),
            Hir::Concat(subs) => subs.iter().all(Hir::can_be_empty),
            Hir::Alternation(subs) => subs.iter().any(Hir::can_be_empty),
        }
    }

    /// The capture group named `name`, the first if several are.
    pub(crate) fn group(&self, name: &str) -> Option<&Hir> {
        match self {
            Hir::Capture { name: n, .. } if n.as_deref() == Some(name) => Some(self),
            Hir::Repeat { sub, .. } | Hir::Capture { sub, .. } => sub.group(name),
            Hir::Concat(subs) | Hir::Alternation(subs) => subs.iter().find_map(|s| s.group(name)),
            _ => None,
        }
    }

    /// An error if the tree nests deeper than `limit`.
    fn check_nesting(&self, limit: u32, depth: u32) -> Result<(), Error> {
        if depth > limit {
            return Err(TOO_MUCH_NESTING);
        }
        match self {
            Hir::Repeat { sub, .. } | Hir::Capture { sub, .. } => {
                sub.check_nesting(limit, depth + 1)
            }
            Hir::Concat(subs) | Hir::Alternation(subs) => subs
                .iter()
                .try_for_each(|s| s.check_nesting(limit, depth + 1)),
            _ => Ok(()),
        }
    }
}

/// The inline flags in effect.
#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    case_insensitive: bool,
    multi_line: bool,
    dot_matches_new_line: bool,
    swap_greed: bool,
    crlf: bool,
    ignore_whitespace: bool,
}

/// Parses `pattern`; `nest_limit` bounds how deep groups and repetitions nest.
pub(crate) fn parse(pattern: &str, nest_limit: u32) -> Result<Hir, Error> {
    parse_as(pattern, nest_limit, false)
}

/// Parses a built-in pattern, written for regex-syntax without Unicode and
/// over bytes (how `gen/` compiled them): every [`Hir::Char`] and class
/// range of its tree is a byte. `.` and negated classes match one byte, a
/// literal character is its UTF-8 bytes in a row, and `\xNN` is the byte
/// `NN`, also from `\x80` on; a character past ASCII in a class is refused.
pub(crate) fn parse_bytes(pattern: &str, nest_limit: u32) -> Result<Hir, Error> {
    parse_as(pattern, nest_limit, true)
}

fn parse_as(pattern: &str, nest_limit: u32, bytes: bool) -> Result<Hir, Error> {
    let mut p = Parser {
        pattern,
        bytes,
        pos: 0,
        depth: 0,
        nest_limit,
        captures: 0,
        names: Vec::new(),
        flags: Flags::default(),
    };
    let hir = p.parse_inner()?;
    // Repetitions nest without the parser recursing: the tree is checked too.
    hir.check_nesting(nest_limit, 0)?;
    Ok(hir)
}

struct Parser<'a> {
    pattern: &'a str,
    /// Byte offset of the current character.
    pos: usize,
    /// Groups open around the current position (plus the top level).
    depth: u32,
    nest_limit: u32,
    /// The last capture group's index.
    captures: u32,
    /// Capture names so far, sorted.
    names: Vec<String>,
    flags: Flags,
    /// Bytes, not characters ([`parse_bytes`]).
    bytes: bool,
}

/// What a class holds: ranges of scalar values (as numbers: one sort for
/// these and the module's other pairs of `u32`).
pub(crate) type Ranges = Vec<(u32, u32)>;

/// The last scalar value.
const MAX: u32 = char::MAX as u32;

impl Parser<'_> {
    /// The last value a class can hold: a scalar value, or a byte.
    fn max(&self) -> u32 {
        if self.bytes {
            0xFF
        } else {
            MAX
        }
    }

    /// Every value not in `ranges`, up to [`Parser::max`].
    fn negate(&self, ranges: &[(u32, u32)]) -> Ranges {
        negate(ranges, self.max())
    }

    fn is_done(&self) -> bool {
        self.pos == self.pattern.len()
    }

    /// The current character (`None` at the end).
    fn peek_char(&self) -> Option<char> {
        self.pattern[self.pos..].chars().next()
    }

    /// The current character; not at the end.
    fn char(&self) -> char {
        self.peek_char().expect("a character, not the end")
    }

    /// Moves past the current character; `false` if that is the end.
    fn bump(&mut self) -> bool {
        match self.peek_char() {
            None => false,
            Some(c) => {
                self.pos += c.len_utf8();
                !self.is_done()
            }
        }
    }

    /// Moves past `prefix` if the pattern continues with it.
    fn bump_if(&mut self, prefix: &str) -> bool {
        let found = self.pattern[self.pos..].starts_with(prefix);
        if found {
            self.pos += prefix.len();
        }
        found
    }

    /// [`Parser::bump`], then past spaces and comments (with `x`).
    fn bump_and_bump_space(&mut self) -> bool {
        if !self.bump() {
            return false;
        }
        self.bump_space();
        !self.is_done()
    }

    /// With `x`, moves past white space and `#` comments.
    fn bump_space(&mut self) {
        if !self.flags.ignore_whitespace {
            return;
        }
        while let Some(c) = self.peek_char() {
            if c.is_whitespace() {
                self.bump();
            } else if c == '#' {
                self.bump();
                while let Some(c) = self.peek_char() {
                    self.bump();
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    /// The character after the current one.
    fn peek(&self) -> Option<char> {
        let mut chars = self.pattern[self.pos..].chars();
        chars.next()?;
        chars.next()
    }

    /// The character after the current one, past spaces and comments with `x`.
    fn peek_space(&self) -> Option<char> {
        if !self.flags.ignore_whitespace {
            return self.peek();
        }
        let current = self.peek_char()?;
        let rest = &self.pattern[self.pos + current.len_utf8()..];
        // regex-lite's walk, to the letter: past white space and one `#`;
        // with nothing else, the character right after.
        let mut in_comment = false;
        for c in rest.chars() {
            if c.is_whitespace() {
                continue;
            } else if !in_comment && c == '#' {
                in_comment = true;
            } else if in_comment && c == '\n' {
                in_comment = false;
            } else {
                return Some(c);
            }
        }
        rest.chars().next()
    }

    fn next_capture_index(&mut self) -> Result<u32, Error> {
        self.captures = self.captures.checked_add(1).ok_or(TOO_MANY_CAPTURES)?;
        Ok(self.captures)
    }

    /// An alternation up to the end or the `)` of the group it is in.
    fn parse_inner(&mut self) -> Result<Hir, Error> {
        let depth = self.depth;
        if depth > self.nest_limit {
            return Err(TOO_MUCH_NESTING);
        }
        self.depth += 1;
        let mut alternates = Vec::new();
        let mut concat = Vec::new();
        loop {
            self.bump_space();
            let Some(c) = self.peek_char() else { break };
            match c {
                '(' => {
                    // A flag directive (`(?i)`) holds to the end of the group
                    // it is in; a group's flags end with it.
                    let outer = self.flags;
                    if let Some(sub) = self.parse_group()? {
                        concat.push(sub);
                        self.flags = outer;
                    }
                    if self.peek_char() != Some(')') {
                        return Err(UNCLOSED_GROUP);
                    }
                    self.bump();
                }
                ')' => {
                    if depth == 0 {
                        return Err(UNOPENED_GROUP);
                    }
                    break;
                }
                '|' => {
                    alternates.push(Hir::concat(std::mem::take(&mut concat)));
                    self.bump();
                }
                '[' => concat.push(self.parse_class()?),
                '?' | '*' | '+' => {
                    let sub = concat.pop().ok_or(UNCOUNTED_REP_SUB_MISSING)?;
                    let (min, max) = match c {
                        '?' => (0, Some(1)),
                        '*' => (0, None),
                        _ => (1, None),
                    };
                    let lazy = self.bump() && self.char() == '?';
                    if lazy {
                        self.bump();
                    }
                    concat.push(Hir::repeat(min, max, lazy == self.flags.swap_greed, sub));
                }
                '{' => {
                    let sub = concat.pop().ok_or(COUNTED_REP_SUB_MISSING)?;
                    concat.push(self.parse_counted_repetition(sub)?);
                }
                _ => concat.push(self.parse_primitive()?),
            }
        }
        self.depth -= 1;
        alternates.push(Hir::concat(concat));
        Ok(Hir::alternation(alternates))
    }

    /// `sub{m}`, `sub{m,}` or `sub{m,n}`, lazy with a `?` after; at the `{`.
    fn parse_counted_repetition(&mut self, sub: Hir) -> Result<Hir, Error> {
        if !self.bump_and_bump_space() {
            return Err(COUNTED_REP_UNCLOSED);
        }
        let min = self.parse_decimal()?;
        let mut max = Some(min);
        if self.is_done() {
            return Err(COUNTED_REP_MIN_UNCLOSED);
        }
        if self.char() == ',' {
            if !self.bump_and_bump_space() {
                return Err(COUNTED_REP_COMMA_UNCLOSED);
            }
            max = if self.char() != '}' {
                Some(self.parse_decimal()?)
            } else {
                None
            };
            if self.is_done() {
                return Err(COUNTED_REP_MIN_MAX_UNCLOSED);
            }
        }
        if self.char() != '}' {
            return Err(COUNTED_REP_INVALID);
        }
        let lazy = self.bump_and_bump_space() && self.char() == '?';
        if lazy {
            self.bump();
        }
        if max.is_some_and(|max| min > max) {
            return Err(COUNTED_REP_INVALID_RANGE);
        }
        Ok(Hir::repeat(min, max, lazy == self.flags.swap_greed, sub))
    }

    /// A decimal number, with white space around it.
    fn parse_decimal(&mut self) -> Result<u32, Error> {
        while self.peek_char().is_some_and(char::is_whitespace) {
            self.bump();
        }
        let mut digits = String::new();
        while let Some(c) = self.peek_char().filter(char::is_ascii_digit) {
            digits.push(c);
            self.bump_and_bump_space();
        }
        while self.peek_char().is_some_and(char::is_whitespace) {
            self.bump_and_bump_space();
        }
        if digits.is_empty() {
            return Err(DECIMAL_NO_DIGITS);
        }
        digits.parse().map_err(|_| DECIMAL_INVALID)
    }

    /// What starts with `(`: a group, or a flag directive (`None`).
    fn parse_group(&mut self) -> Result<Option<Hir>, Error> {
        self.bump_and_bump_space();
        if ["?=", "?!", "?<=", "?<!"].iter().any(|p| self.bump_if(p)) {
            return Err(LOOK_UNSUPPORTED);
        }
        if self.bump_if("?P<") || self.bump_if("?<") {
            let index = self.next_capture_index()?;
            let name = self.parse_capture_name()?;
            let sub = self.parse_inner()?;
            return Ok(Some(Hir::Capture {
                index,
                name: Some(name.into()),
                sub: Box::new(sub),
            }));
        }
        if self.bump_if("?") {
            if self.is_done() {
                return Err(UNCLOSED_GROUP_QUESTION);
            }
            let start = self.pos;
            self.flags = self.parse_flags()?;
            if self.char() == ')' {
                if self.pos == start {
                    return Err(EMPTY_FLAGS);
                }
                return Ok(None);
            }
            self.bump(); // ':'
            return self.parse_inner().map(Some);
        }
        let index = self.next_capture_index()?;
        let sub = self.parse_inner()?;
        Ok(Some(Hir::Capture {
            index,
            name: None,
            sub: Box::new(sub),
        }))
    }

    /// A capture group's name, after its `<`, and the `>`.
    fn parse_capture_name(&mut self) -> Result<String, Error> {
        if self.is_done() {
            return Err(MISSING_GROUP_NAME);
        }
        let start = self.pos;
        while let Some(c) = self.peek_char() {
            if c == '>' {
                break;
            }
            let first = self.pos == start;
            let ok = c == '_'
                || if first {
                    c.is_alphabetic()
                } else {
                    matches!(c, '.' | '[' | ']') || c.is_alphanumeric()
                };
            if !ok {
                return Err(INVALID_GROUP_NAME);
            }
            self.bump();
        }
        if self.is_done() {
            return Err(UNCLOSED_GROUP_NAME);
        }
        let name = self.pattern[start..self.pos].to_string();
        self.bump();
        if name.is_empty() {
            return Err(EMPTY_GROUP_NAME);
        }
        match self.names.binary_search(&name) {
            Ok(_) => Err(DUPLICATE_CAPTURE_NAME),
            Err(i) => {
                self.names.insert(i, name.clone());
                Ok(name)
            }
        }
    }

    /// Flags up to the `:` or `)` that ends them.
    fn parse_flags(&mut self) -> Result<Flags, Error> {
        let mut flags = self.flags;
        let mut negate = false;
        let mut last_was_negation = false;
        let mut seen = [false; 128];
        while self.char() != ':' && self.char() != ')' {
            let c = self.char();
            if c == '-' {
                last_was_negation = true;
                if negate {
                    return Err(FLAG_REPEATED_NEGATION);
                }
                negate = true;
            } else {
                last_was_negation = false;
                let on = !negate;
                match c {
                    'i' => flags.case_insensitive = on,
                    'm' => flags.multi_line = on,
                    's' => flags.dot_matches_new_line = on,
                    'U' => flags.swap_greed = on,
                    'R' => flags.crlf = on,
                    'x' => flags.ignore_whitespace = on,
                    // regex's Unicode flag: accepted, nothing to switch.
                    'u' => {}
                    _ => return Err(FLAG_UNRECOGNIZED),
                }
                if std::mem::replace(&mut seen[c as usize], true) {
                    return Err(FLAG_DUPLICATE);
                }
            }
            if !self.bump() {
                return Err(FLAG_UNEXPECTED_EOF);
            }
        }
        if last_was_negation {
            return Err(FLAG_DANGLING_NEGATION);
        }
        Ok(flags)
    }

    /// `.`, `^`, `$`, an escape or a literal character.
    fn parse_primitive(&mut self) -> Result<Hir, Error> {
        let c = self.char();
        self.bump();
        Ok(match c {
            '\\' => return self.parse_escape(),
            '.' => {
                let (f, max) = (self.flags, self.max());
                Hir::Class(if f.dot_matches_new_line {
                    vec![(0, max)]
                } else if f.crlf {
                    vec![(0, 0x09), (0x0B, 0x0C), (0x0E, max)]
                } else {
                    vec![(0, 0x09), (0x0B, max)]
                })
            }
            '^' => Hir::Look(match (self.flags.multi_line, self.flags.crlf) {
                (false, _) => Look::Start,
                (true, false) => Look::StartLF,
                (true, true) => Look::StartCRLF,
            }),
            '$' => Hir::Look(match (self.flags.multi_line, self.flags.crlf) {
                (false, _) => Look::End,
                (true, false) => Look::EndLF,
                (true, true) => Look::EndCRLF,
            }),
            c => self.literal(c),
        })
    }

    /// The character `c`, or with `i` a class of it and its other ASCII case.
    /// Over bytes, a character past ASCII is its UTF-8 bytes.
    fn literal(&self, c: char) -> Hir {
        if self.bytes && !c.is_ascii() {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).bytes();
            return Hir::Concat(bytes.map(|b| Hir::Char(char::from(b))).collect());
        }
        if self.flags.case_insensitive {
            let c = c as u32;
            if let Some(other) = ascii_fold((c, c)) {
                // Two letters 32 apart: in order, disjoint, not adjacent (canonical).
                let (lo, hi) = if other.0 < c {
                    (other, (c, c))
                } else {
                    ((c, c), other)
                };
                return Hir::Class(vec![lo, hi]);
            }
        }
        Hir::Char(c)
    }

    /// An escape, after its `\`.
    fn parse_escape(&mut self) -> Result<Hir, Error> {
        let Some(c) = self.peek_char() else {
            return Err(ESCAPE_UNEXPECTED_EOF);
        };
        match c {
            '0'..='9' => return Err(BACKREF_UNSUPPORTED),
            'p' | 'P' => return Err(UNICODE_CLASS_UNSUPPORTED),
            'x' | 'u' | 'U' => return self.parse_hex(),
            'd' | 's' | 'w' | 'D' | 'S' | 'W' => {
                self.bump();
                let mut ranges = posix_class(match c.to_ascii_lowercase() {
                    'd' => "digit",
                    's' => "space",
                    _ => "word",
                })
                .expect("a POSIX class");
                if c.is_ascii_uppercase() {
                    ranges = self.negate(&ranges);
                }
                return Ok(Hir::Class(ranges));
            }
            _ => {}
        }
        self.bump();
        if is_escapable(c) {
            return Ok(self.literal(c));
        }
        Ok(match c {
            'a' => self.literal('\x07'),
            'f' => self.literal('\x0C'),
            't' => self.literal('\t'),
            'n' => self.literal('\n'),
            'r' => self.literal('\r'),
            'v' => self.literal('\x0B'),
            'A' => Hir::Look(Look::Start),
            'z' => Hir::Look(Look::End),
            'b' => {
                if self.peek_char() == Some('{') {
                    if let Some(special) = self.maybe_parse_special_word_boundary()? {
                        return Ok(special);
                    }
                }
                Hir::Look(Look::WordAscii)
            }
            'B' => Hir::Look(Look::WordAsciiNegate),
            '<' => Hir::Look(Look::WordStartAscii),
            '>' => Hir::Look(Look::WordEndAscii),
            _ => return Err(ESCAPE_UNRECOGNIZED),
        })
    }

    /// `\b{start}`, `\b{end}`, `\b{start-half}` or `\b{end-half}`, at the
    /// `{`; `None` (not moved) if it is rather a repetition, `\b{5}`.
    fn maybe_parse_special_word_boundary(&mut self) -> Result<Option<Hir>, Error> {
        let is_valid = |c: char| c.is_ascii_alphabetic() || c == '-';
        let start = self.pos;
        if !self.bump_and_bump_space() {
            return Err(SPECIAL_WORD_OR_REP_UNEXPECTED_EOF);
        }
        if !is_valid(self.char()) {
            self.pos = start;
            return Ok(None);
        }
        let mut name = String::new();
        while let Some(c) = self.peek_char().filter(|&c| is_valid(c)) {
            name.push(c);
            self.bump_and_bump_space();
        }
        if self.peek_char() != Some('}') {
            return Err(SPECIAL_WORD_BOUNDARY_UNCLOSED);
        }
        self.bump();
        Ok(Some(Hir::Look(match name.as_str() {
            "start" => Look::WordStartAscii,
            "end" => Look::WordEndAscii,
            "start-half" => Look::WordStartHalfAscii,
            "end-half" => Look::WordEndHalfAscii,
            _ => return Err(SPECIAL_WORD_BOUNDARY_UNRECOGNIZED),
        })))
    }

    /// `\xNN`, `\uNNNN`, `\UNNNNNNNN` or any of them with `{…}`, at the letter.
    fn parse_hex(&mut self) -> Result<Hir, Error> {
        let digits = match self.char() {
            'x' => 2,
            'u' => 4,
            _ => 8,
        };
        if !self.bump_and_bump_space() {
            return Err(HEX_UNEXPECTED_EOF);
        }
        let mut hex = String::new();
        let invalid = if self.char() == '{' {
            while self.bump_and_bump_space() && self.char() != '}' {
                if !self.char().is_ascii_hexdigit() {
                    return Err(HEX_BRACE_INVALID_DIGIT);
                }
                hex.push(self.char());
            }
            if self.is_done() {
                return Err(HEX_BRACE_UNEXPECTED_EOF);
            }
            self.bump_and_bump_space();
            if hex.is_empty() {
                return Err(HEX_BRACE_EMPTY);
            }
            HEX_BRACE_INVALID
        } else {
            for i in 0..digits {
                if i > 0 && !self.bump_and_bump_space() {
                    return Err(HEX_FIXED_UNEXPECTED_EOF);
                }
                if !self.char().is_ascii_hexdigit() {
                    return Err(HEX_FIXED_INVALID_DIGIT);
                }
                hex.push(self.char());
            }
            self.bump_and_bump_space();
            HEX_FIXED_INVALID
        };
        match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
            // Over bytes, `\xNN` is that byte (past ASCII too), not a character.
            Some(c) if self.bytes && !c.is_ascii() => match u8::try_from(c) {
                Ok(_) => Ok(Hir::Char(c)),
                Err(_) => Err(invalid),
            },
            Some(c) => Ok(self.literal(c)),
            None => Err(invalid),
        }
    }

    /// A bracketed class, at its `[`.
    fn parse_class(&mut self) -> Result<Hir, Error> {
        let mut union = Vec::new();
        if !self.bump_and_bump_space() {
            return Err(CLASS_UNCLOSED);
        }
        let negated = self.char() == '^';
        if negated && !self.bump_and_bump_space() {
            return Err(CLASS_UNCLOSED_AFTER_NEGATION);
        }
        // Leading `-` are literal, and so is a `]` first.
        while self.char() == '-' {
            union.push((u32::from(b'-'), u32::from(b'-')));
            if !self.bump_and_bump_space() {
                return Err(CLASS_UNCLOSED_AFTER_DASH);
            }
        }
        if union.is_empty() && self.char() == ']' {
            union.push((u32::from(b']'), u32::from(b']')));
            if !self.bump_and_bump_space() {
                return Err(CLASS_UNCLOSED_AFTER_CLOSING);
            }
        }
        loop {
            self.bump_space();
            let Some(c) = self.peek_char() else {
                return Err(CLASS_UNCLOSED);
            };
            match (c, self.peek()) {
                ('[', _) => match self.maybe_parse_posix_class() {
                    Some(ranges) => union.extend(ranges),
                    None => return Err(CLASS_NEST_UNSUPPORTED),
                },
                (']', _) => {
                    self.bump();
                    let mut ranges = canonical(union);
                    // Folded before negated: `(?i)[^x]` matches neither x nor X.
                    if self.flags.case_insensitive {
                        let folded = ranges
                            .iter()
                            .filter_map(|&r| ascii_fold(r))
                            .collect::<Ranges>();
                        ranges.extend(folded);
                        ranges = canonical(ranges);
                    }
                    if negated {
                        ranges = self.negate(&ranges);
                    }
                    return Ok(Hir::Class(ranges));
                }
                ('&', Some('&')) => return Err(CLASS_INTERSECTION_UNSUPPORTED),
                ('-', Some('-')) => return Err(CLASS_DIFFERENCE_UNSUPPORTED),
                ('~', Some('~')) => return Err(CLASS_SYMDIFFERENCE_UNSUPPORTED),
                _ => self.parse_class_range(&mut union)?,
            }
        }
    }

    /// An item of a class (a character, an escape, a Perl class) or a range
    /// of two characters, added to `union`.
    fn parse_class_range(&mut self, union: &mut Ranges) -> Result<(), Error> {
        let first = self.parse_class_item()?;
        self.bump_space();
        if self.is_done() {
            return Err(CLASS_UNCLOSED_AFTER_ITEM);
        }
        // `-` before `]` is literal; `--` is a difference (refused above).
        if self.char() != '-' || matches!(self.peek_space(), Some(']' | '-')) {
            match first {
                Hir::Char(c) => union.push((c as u32, c as u32)),
                Hir::Class(ranges) => union.extend(ranges),
                _ => return Err(CLASS_INVALID_ITEM),
            }
            return Ok(());
        }
        if !self.bump_and_bump_space() {
            return Err(CLASS_UNCLOSED_AFTER_DASH);
        }
        let last = self.parse_class_item()?;
        let (Hir::Char(start), Hir::Char(end)) = (first, last) else {
            return Err(CLASS_INVALID_RANGE_ITEM);
        };
        if start > end {
            return Err(CLASS_INVALID_RANGE);
        }
        union.push((start as u32, end as u32));
        Ok(())
    }

    /// A character or an escape inside a class (no case folding yet).
    fn parse_class_item(&mut self) -> Result<Hir, Error> {
        let c = self.char();
        self.bump();
        if c == '\\' {
            // Folded with `i` (as outside a class): `(?i)[\x41-Z]` is refused.
            self.parse_escape()
        } else if self.bytes && !c.is_ascii() {
            Err(CLASS_INVALID_ITEM)
        } else {
            Ok(Hir::Char(c))
        }
    }

    /// `[:name:]` or `[:^name:]` inside a class, at its `[`; `None` (not
    /// moved) if it is not one.
    fn maybe_parse_posix_class(&mut self) -> Option<Ranges> {
        let start = self.pos;
        let rest = &self.pattern[start..];
        let body = rest.strip_prefix("[:")?;
        let (negated, body) = match body.strip_prefix('^') {
            Some(b) => (true, b),
            None => (false, body),
        };
        let name_end = body.find(':')?;
        if !body[name_end..].starts_with(":]") {
            return None;
        }
        let ranges = posix_class(&body[..name_end])?;
        self.pos = start + (rest.len() - body.len()) + name_end + 2;
        Some(if negated {
            self.negate(&ranges)
        } else {
            ranges
        })
    }
}

/// Characters regex-lite lets a `\` make literal: its meta characters, and
/// ASCII that is not a letter, a digit, `<` or `>`.
fn is_escapable(c: char) -> bool {
    c.is_ascii() && !c.is_ascii_alphanumeric() && c != '<' && c != '>'
}

/// A POSIX class's ASCII ranges, by name.
fn posix_class(name: &str) -> Option<Ranges> {
    let ranges: &[(u8, u8)] = match name {
        "alnum" => &[(b'0', b'9'), (b'A', b'Z'), (b'a', b'z')],
        "alpha" => &[(b'A', b'Z'), (b'a', b'z')],
        "ascii" => &[(0, 0x7F)],
        "blank" => &[(b'\t', b'\t'), (b' ', b' ')],
        "cntrl" => &[(0, 0x1F), (0x7F, 0x7F)],
        "digit" => &[(b'0', b'9')],
        "graph" => &[(b'!', b'~')],
        "lower" => &[(b'a', b'z')],
        "print" => &[(b' ', b'~')],
        "punct" => &[(b'!', b'/'), (b':', b'@'), (b'[', b'`'), (b'{', b'~')],
        "space" => &[(b'\t', b'\r'), (b' ', b' ')],
        "upper" => &[(b'A', b'Z')],
        "word" => &[(b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')],
        "xdigit" => &[(b'0', b'9'), (b'A', b'F'), (b'a', b'f')],
        _ => return None,
    };
    Some(ranges.iter().map(|&(a, b)| (a.into(), b.into())).collect())
}

/// The other ASCII case of the part of `range` in `a-z`, or else of the part
/// in `A-Z` (regex-lite's fold: one range back, not both).
fn ascii_fold((start, end): (u32, u32)) -> Option<(u32, u32)> {
    let (a, z) = (u32::from(b'a'), u32::from(b'z'));
    let (upper_a, upper_z) = (u32::from(b'A'), u32::from(b'Z'));
    if start.max(a) <= end.min(z) {
        return Some((start.max(a) - 32, end.min(z) - 32));
    }
    if start.max(upper_a) <= end.min(upper_z) {
        return Some((start.max(upper_a) + 32, end.min(upper_z) + 32));
    }
    None
}

/// `ranges` sorted, with overlapping and adjacent ones merged.
fn canonical(mut ranges: Ranges) -> Ranges {
    ranges.sort_unstable();
    let mut out: Ranges = Vec::with_capacity(ranges.len());
    for (lo, hi) in ranges {
        match out.last_mut() {
            Some(last) if lo <= last.1.saturating_add(1) => last.1 = last.1.max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

/// Every value up to `max` not in `ranges` (canonical, none past `max`).
fn negate(ranges: &[(u32, u32)], max: u32) -> Ranges {
    let mut out = Vec::new();
    let mut next = Some(0);
    for &(lo, hi) in ranges {
        if let Some(from) = next.filter(|&n| n < lo) {
            out.push((from, before(lo)));
        }
        next = (hi < max).then(|| after(hi));
    }
    if let Some(from) = next {
        out.push((from, max));
    }
    out
}

/// The scalar value after `c` (past the surrogates); `c` is not the last.
fn after(c: u32) -> u32 {
    match c {
        0xD7FF => 0xE000,
        c => c + 1,
    }
}

/// The scalar value before `c` (past the surrogates); `c` is not 0.
fn before(c: u32) -> u32 {
    match c {
        0xE000 => 0xD7FF,
        c => c - 1,
    }
}
