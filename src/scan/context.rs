//! Context words around a candidate, whole-word and CJK-aware.
//!
//! The text just before and after a candidate is lower-cased and searched for
//! a detector's words. A word written in Latin letters matches only as a whole
//! word ("lic" never matches inside "public", "card" not inside "discard");
//! a CJK character counts as a word boundary ("卡号4111", "SSN号码"). A word
//! written in CJK characters matches anywhere, as CJK text has no spaces.

use std::sync::OnceLock;

use crate::finding::Word;
use crate::pattern::automata::WordSet;

#[cfg(test)]
use crate::detectors::Words;

/// Characters looked at before a candidate (labels come first: "Card no.: …").
pub const BEFORE: usize = 48;
/// Characters looked at after a candidate ("… (Visa)", "… 是我的卡号").
pub const AFTER: usize = 24;
/// Characters a context word can be away from a candidate before it: [`BEFORE`]
/// and a quote or bracket around the candidate, which is not counted.
pub const REACH_BEFORE: usize = BEFORE + 1;
/// Likewise after it: [`AFTER`], a closing quote or bracket and a punctuation mark.
pub const REACH_AFTER: usize = AFTER + 2;

/// Punctuation that may end a sentence right after a value, not moving a
/// label after it out of reach ([`neighbourhood`]).
pub const CLOSING_PUNCTUATION: &str = ",;:.!?。，；：！？、";

/// The lower-cased neighbourhood of `text[start..end]`, with the candidate
/// itself replaced by a space so no word can span it. It stops at the nearest
/// other digit on each side: a label belongs to the number next to it, so in
/// "account number 12345678. Order 4411-2039" the label is not the order's.
///
/// A quote or bracket right around the candidate, and a punctuation mark
/// right after it, are not counted: they do not move a label out of reach
/// (`'B8715…', is my U.S. passport`).
///
/// Returns the neighbourhood and the byte of its space that stands for the candidate.
pub fn neighbourhood(text: &str, start: usize, end: usize) -> (String, usize) {
    let head = &text[..start];
    let opened = usize::from(head.chars().next_back().is_some_and(is_wrapper));
    // Back over `BEFORE + opened` characters at most, to the nearest digit.
    let from = reach(head.as_bytes(), (0..start).rev(), BEFORE + opened).map_or(0, |i| {
        (i + 1..start)
            .find(|&j| head.is_char_boundary(j))
            .unwrap_or(start)
    });
    let tail = &text[end..];
    let after = AFTER
        + (tail.chars().take(2))
            .take_while(|&c| is_wrapper(c) || CLOSING_PUNCTUATION.contains(c))
            .count();
    let to = reach(tail.as_bytes(), 0..tail.len(), after).unwrap_or(tail.len());
    let (before, after) = (&head[from..], &tail[..to]);
    let mut out = Vec::with_capacity(before.len() + 1 + after.len());
    push_lowercase(&mut out, before);
    let split = out.len();
    out.push(b' ');
    push_lowercase(&mut out, after);
    let out = String::from_utf8(out).expect("whole characters of a str");
    (out, split)
}

/// Where a walk over the bytes `walk` of UTF-8 `b` stops: at the first
/// character that is an ASCII digit or comes after `limit` characters (the
/// byte it starts at), or `None` at the end of the walk. Byte by byte: a
/// character starts at each byte that does not continue one.
fn reach(b: &[u8], walk: impl Iterator<Item = usize>, limit: usize) -> Option<usize> {
    (walk.filter(|&i| b[i] & 0xC0 != 0x80).enumerate())
        .find(|&(taken, i)| taken == limit || b[i].is_ascii_digit())
        .map(|(_, i)| i)
}

/// Bytes before a candidate in which [`example_signal`] looks: as far as a
/// context word can reach ([`BEFORE`] characters of up to 4 bytes), so the
/// live scan's margins, made for context words, hold for it too.
pub const EXAMPLE_BEFORE: usize = 4 * BEFORE;
/// Bytes after a candidate in which [`example_signal`] looks.
pub const EXAMPLE_AFTER: usize = 4 * AFTER;

/// Words and phrases on a value's own line that say it is an illustration
/// (lower case; Latin ones whole-word, CJK ones anywhere): RFC 2606's
/// documentation hosts, "for example" / "e.g." / "not my real password" and
/// their German and Chinese forms.
const EXAMPLE_WORDS: &[&str] = &[
    "example",
    "examples",
    "e.g.",
    "sample",
    "dummy",
    "placeholder",
    "not my real",
    "not a real",
    "not the real",
    "beispiel",
    "beispiele",
    "beispielsweise",
    "z.b.",
    "z. b.",
    "bspw.",
    "nicht mein echtes",
    "nicht echt",
    "platzhalter",
    "例如",
    "比如",
    "示例",
    "举例",
    "样例",
    "范例",
    "例子",
    "不是真",
    "不是我的真",
];

/// RFC 2606's documentation hosts, with any subdomain (`api.example.com`,
/// `db.example.net`), not as an e-mail address's domain.
const EXAMPLE_HOSTS: &[&str] = &["example.com", "example.org", "example.net"];

/// A line above a value that makes what follows an example: a heading that
/// is only one of these words (`EXAMPLES` in a man page, `BEISPIELE`,
/// `## Examples`, `Example:`, `示例：`), or a comment that holds one
/// (`# sample config`).
const EXAMPLE_HEADINGS: &[&str] = &[
    "example",
    "examples",
    "sample",
    "beispiel",
    "beispiele",
    "示例",
    "例子",
    "范例",
    "样例",
    "例如",
];

/// Names documentation gives its users (Alice and Bob, John Doe, Max
/// Mustermann, 张三): one of them as the user of a `user = bob` pair or a
/// `bob:secret` login makes the credential next to it an illustration.
const EXAMPLE_USERS: &[&str] = &[
    "alice",
    "bob",
    "carol",
    "mallory",
    "john doe",
    "jane doe",
    "john.doe",
    "jane.doe",
    "johndoe",
    "janedoe",
    "max mustermann",
    "erika mustermann",
    "mustermann",
    "张三",
    "李四",
];

/// `true` if one of `words` is in `around` (a candidate's neighbourhood),
/// both compared in ASCII lower case without `_`, `-` and spaces:
/// `DD_API_KEY`, `datadog-api-key` and "Datadog API key" all hold `datadog`.
pub fn names_any(around: &str, words: &[&str]) -> bool {
    let squash = |s: &str| -> String {
        (s.chars())
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let around = squash(around);
    words.iter().any(|w| around.contains(&squash(w)))
}

/// A documentation-example signal next to the candidate `text[start..end]`
/// (issue 14 item 13), or `None`. The engine lowers a value next to one to
/// low confidence, whatever its kind: it is shown, but does not prompt.
///
/// Looked for within [`EXAMPLE_BEFORE`] bytes before the value and
/// [`EXAMPLE_AFTER`] after it, and only where it speaks about the value:
/// - on the value's own line (the value included: `jane@example.com`): an
///   [`EXAMPLE_WORDS`] word or phrase, or a doctest prompt `>>>` opening the line;
/// - on a line above: a heading or comment of [`EXAMPLE_HEADINGS`]
///   (`EXAMPLES`, `# sample config`), or a `>>>` line right above (a doctest's output);
/// - on the value's line or the one above: an [`EXAMPLE_USERS`] name as a
///   user (`user = bob`, `-u alice:…`, `bob:p4ssw0rd@`).
///
/// A real value in a draft that mentions example.com on another line, or
/// farther away than that, keeps its confidence.
///
/// `quiet` remembers where `text` holds none of the words every signal
/// holds, for the next candidate of the same text.
pub fn example_signal(text: &str, start: usize, end: usize, quiet: &mut Quiet) -> Option<Word> {
    let mut from = start.saturating_sub(EXAMPLE_BEFORE);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + EXAMPLE_AFTER).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    // Every signal below holds one of the triggers: most values have none
    // near them, and then nothing is lower-cased or split into lines (a
    // finding-dense draft paid 17 k instructions per finding for that).
    if !quiet.triggered(text, from, to) {
        return None;
    }
    let line_start = text[from..start].rfind('\n').map_or(from, |i| from + i + 1);
    let line_end = text[end..to].find('\n').map_or(to, |i| end + i);
    let line = super::normalize::lower(&text[line_start..line_end]);
    // Built once: a value's line is searched in one pass per list.
    static INDEX: OnceLock<[WordIndex; 2]> = OnceLock::new();
    let [hosts, words] = INDEX.get_or_init(|| {
        [
            WordIndex::new(EXAMPLE_HOSTS.iter().copied()),
            WordIndex::new(EXAMPLE_WORDS.iter().copied()),
        ]
    });
    // An e-mail address at a documentation host (`erika@example.com` in a
    // sample table) is the e-mail detector's to judge, not a word about the
    // other values of its line.
    let host = |s: usize, _| !line[..s].ends_with('@');
    if let Some(w) = (hosts.find_where(&line, host))
        .or_else(|| words.find_where(&line, |s, e| !in_token(&line, s, e)))
    {
        return Some(w.clone());
    }
    if line.trim_start().starts_with(">>>") {
        return Some(">>>".into());
    }
    // The lines above, nearest first.
    let above: Vec<&str> = text[from..line_start].lines().rev().collect();
    if above
        .first()
        .is_some_and(|l| l.trim_start().starts_with(">>>"))
    {
        return Some(">>>".into());
    }
    let near = above
        .first()
        .map_or(String::new(), |l| super::normalize::lower(l))
        + "\n"
        + &line;
    if let Some(u) = EXAMPLE_USERS.iter().find(|u| is_example_user(&near, u)) {
        return Some((*u).into());
    }
    above
        .iter()
        .find_map(|l| example_heading(l))
        .map(Word::from)
}

/// Words one of which every example signal holds (ASCII letters in any case).
const TRIGGERS: &[&[&str]] = &[
    EXAMPLE_WORDS,
    EXAMPLE_HOSTS,
    EXAMPLE_HEADINGS,
    EXAMPLE_USERS,
    &[">>>"],
];

/// Bytes of the longest [`TRIGGERS`] word.
const LONGEST_TRIGGER: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < TRIGGERS.len() {
        let mut j = 0;
        while j < TRIGGERS[i].len() {
            if TRIGGERS[i][j].len() > longest {
                longest = TRIGGERS[i][j].len();
            }
            j += 1;
        }
        i += 1;
    }
    longest
};

/// What the candidates of one text share while they are scored: where the
/// text holds no example trigger ([`Quiet`]) and the last neighbourhoods made
/// ([`Arounds`]). For one text only (a scan's, or a live scan's search).
#[derive(Debug, Default)]
pub struct Memo {
    /// Where the text holds no example trigger ([`example_signal`]).
    pub quiet: Quiet,
    /// The neighbourhoods of the spans scored last (`Guard::score`).
    pub arounds: Arounds,
}

/// The neighbourhoods of the candidates scored last: a value is a candidate
/// of several detectors (a 9-digit number: a passport, an SSN, an ITIN, a
/// phone number …), scored one detector after another, and each detector's
/// search passes over the text's values in order.
#[derive(Debug, Default)]
pub struct Arounds(Vec<(usize, usize, String, usize)>);

/// Neighbourhoods [`Arounds`] keeps (start, end, neighbourhood, split), newest last.
const AROUNDS: usize = 4;

impl Arounds {
    /// [`neighbourhood`] of `text[start..end]`, made once for all the
    /// candidates with that span.
    pub fn of(&mut self, text: &str, start: usize, end: usize) -> (&str, usize) {
        let k = match (self.0.iter()).position(|a| a.0 == start && a.1 == end) {
            Some(k) => k,
            None => {
                let (around, split) = neighbourhood(text, start, end);
                if self.0.len() == AROUNDS {
                    self.0.remove(0);
                }
                self.0.push((start, end, around, split));
                self.0.len() - 1
            }
        };
        let (_, _, around, split) = &self.0[k];
        (around, *split)
    }
}

/// Where a text is known to hold no [`TRIGGERS`] word, so that the next
/// candidate's look for one ([`example_signal`]) passes over it: the
/// candidates of a short draft are all in reach of the same bytes, which
/// are then searched once instead of once per candidate. For one text only
/// (a scan's, or a live scan's search).
#[derive(Debug, Default)]
pub struct Quiet(std::ops::Range<usize>);

impl Quiet {
    /// `true` if a trigger may be in `text[from..to]` (`false`: none is).
    fn triggered(&mut self, text: &str, from: usize, to: usize) -> bool {
        static WORDS: WordSet = WordSet::new(TRIGGERS);
        let std::ops::Range { start, end } = self.0;
        if start <= from && to <= end {
            return false;
        }
        let any = |mut s: usize, mut e: usize| {
            while !text.is_char_boundary(s) {
                s -= 1;
            }
            while !text.is_char_boundary(e) {
                e += 1;
            }
            s < e && WORDS.in_text(&text[s..e])
        };
        if to < start || end < from || start == end {
            if any(from, to) {
                return true;
            }
            self.0 = from..to;
            return false;
        }
        // Overlapping the known part: only where a word that is not inside
        // it can lie, in the union of both.
        let (first, last) = (from.min(start), to.max(end));
        if (from < start && any(from, (start + LONGEST_TRIGGER).min(last)))
            || (end < to && any(end.saturating_sub(LONGEST_TRIGGER).max(first), to))
        {
            return true;
        }
        self.0 = first..last;
        false
    }
}

/// The [`EXAMPLE_HEADINGS`] word that `line` is a heading of, or a comment holding.
fn example_heading(line: &str) -> Option<&'static str> {
    let l = super::normalize::lower(line.trim());
    let comment = ["#", "//", "/*", "--", ";", "*", "<!--"]
        .iter()
        .any(|c| l.starts_with(c));
    let bare = l
        .trim_start_matches(|c: char| "#*/;-<!= \t".contains(c))
        .trim_end_matches(|c: char| ":：*-=>! \t".contains(c));
    EXAMPLE_HEADINGS
        .iter()
        .find(|h| bare == **h || (comment && contains_word(&l, h)))
        .copied()
}

/// `true` if `name` is in `hay` as a user name: the value of a user key
/// (`user = bob`, `login: alice`, `DB_USER=bob`), after `-u` / `--user`, or
/// right before `:` and a password (`alice:secret`; not "Hi Bob: …", not
/// "Customer: Erika Mustermann").
fn is_example_user(hay: &str, name: &str) -> bool {
    hay.contains(name)
        && (0..hay.len()).any(|s| {
            if !matches_at(hay, s, name) {
                return false;
            }
            let quotes = [' ', '\t', '"', '\''];
            let before = hay[..s].trim_end_matches(quotes);
            let after = &hay[s + name.len()..];
            let key = before
                .strip_suffix(['=', ':'])
                .map(|k| k.trim_end_matches(quotes));
            key.is_some_and(|k| {
                [
                    "user",
                    "username",
                    "login",
                    "benutzer",
                    "benutzername",
                    "用户",
                    "用户名",
                ]
                .iter()
                .any(|u| k.ends_with(u) && matches_at(k, k.len() - u.len(), u))
            }) || before.ends_with("-u")
                || before.ends_with("--user")
                || (after.starts_with(':')
                    && after[1..].starts_with(|c: char| c.is_ascii_graphic()))
        })
}

/// `true` if `hay[s..e]` is one part of a longer token joined by `.`, `/`,
/// `@`, `-` or `_` (`redis.example.io`, `/examples/`, `sample_rate`): a
/// name, not a word of the sentence.
fn in_token(hay: &str, s: usize, e: usize) -> bool {
    let joined = |j: Option<char>, next: Option<char>| {
        j.is_some_and(|j| "./@-_".contains(j)) && next.is_some_and(char::is_alphanumeric)
    };
    let mut left = hay[..s].chars().rev();
    let mut right = hay[e..].chars();
    joined(left.next(), left.next()) || joined(right.next(), right.next())
}

/// `true` if `word` occurs in `hay` as a whole word (or anywhere, for CJK words).
fn contains_word(hay: &str, word: &str) -> bool {
    !word.is_empty() && hay.contains(word) && (0..hay.len()).any(|s| matches_at(hay, s, word))
}

/// Quotes and brackets a value is written in.
fn is_wrapper(c: char) -> bool {
    matches!(
        c,
        '\'' | '"'
            | '`'
            | '('
            | ')'
            | '['
            | ']'
            | '<'
            | '>'
            | '{'
            | '}'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '「'
            | '」'
            | '【'
            | '】'
            | '（'
            | '）'
            | '《'
            | '》'
    )
}

/// Appends `s` lower-cased to `out`, with keys in code split into words
/// (issue 14 item 4): `_` becomes a space (`tax_id`, `SSN_NUMBER`), and a
/// camelCase key gets a space before each hump (`taxId` → "tax id",
/// `socialSecurityNumber` → "social security number"). Only keys that start
/// in lower case: a brand such as "MasterCard" or "GitHub" stays one word.
/// Without a string of its own (a neighbourhood is made for every candidate):
/// a tight loop passes over what stays as it is (lower-case ASCII, digits,
/// punctuation, CJK: most of a neighbourhood), which is copied in runs; only
/// an upper-case ASCII letter, `_` or a non-ASCII character stops it. Whether
/// a capital is a hump is read from the bytes before it (the previous one a
/// lower-case letter, the word's first one too).
fn push_lowercase(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    // `b[copied..i]` is still to be copied as it is.
    let (mut copied, mut i) = (0, 0);
    loop {
        while i < b.len() && !(b[i] >= 0x80 || b[i] == b'_' || b[i].is_ascii_uppercase()) {
            i += 1;
        }
        let Some(&c) = b.get(i) else { break };
        if c >= 0x80 {
            let ch = s[i..].chars().next().expect("a character at a boundary");
            let lower = super::normalize::lower_char(ch);
            if lower != ch {
                out.extend_from_slice(&b[copied..i]);
                out.extend_from_slice(lower.encode_utf8(&mut [0; 4]).as_bytes());
                copied = i + ch.len_utf8();
            }
            // Unchanged (CJK, most of the rest): stays in the run.
            i += ch.len_utf8();
        } else {
            out.extend_from_slice(&b[copied..i]);
            // A hump: after a lower-case letter, in a word that starts in lower case.
            let word_start =
                || (b[..i].iter().rposition(|c| !c.is_ascii_alphanumeric())).map_or(0, |w| w + 1);
            let hump =
                i > 0 && b[i - 1].is_ascii_lowercase() && b[word_start()].is_ascii_lowercase();
            if c == b'_' || hump {
                out.push(b' ');
            }
            if c != b'_' {
                out.push(c.to_ascii_lowercase());
            }
            i += 1;
            copied = i;
        }
    }
    out.extend_from_slice(&b[copied..]);
}

/// A detector's context words indexed by their first bytes, built once per process:
/// a neighbourhood is then searched in one pass instead of once per word.
#[derive(Clone, Debug)]
pub struct WordIndex {
    /// The words as matched, each with the word a finding names (the same,
    /// or the listed word a spaced spelling stands for: "dd api key" for
    /// "dd_api_key"), ordered by first byte (stable: in their order otherwise).
    words: Vec<(Word, Word)>,
    /// Words starting with byte `b`: `words[from[b]..from[b + 1]]`.
    from: Box<[u16; 257]>,
    /// A bit for the first two bytes of each word ([`pair_bit`]; every
    /// second byte for a word of one byte): where its bit is clear, no word
    /// starts. Most places of a neighbourhood are passed over with this.
    starts: Box<[u64; PAIR_BITS / 64]>,
}

/// Bits of [`WordIndex::starts`]: two bytes are folded into one of them
/// (words that share a bit are told apart by comparing them).
const PAIR_BITS: usize = 4096;

/// The bit of [`WordIndex::starts`] for a word starting with `first`,
/// `second` (a text's last byte is followed by 0).
fn pair_bit(first: u8, second: u8) -> usize {
    (usize::from(first & 63) << 6) | usize::from(second & 63)
}

impl WordIndex {
    /// Indexes `words` (of every language; lower case). A word with a hyphen
    /// or an underscore between letters is also found with a space there:
    /// "steuer-id" in `steuer_id`, "dd_api_key" in `DD_API_KEY` (a
    /// neighbourhood writes code keys as words).
    pub fn new<W: Into<Word>>(words: impl IntoIterator<Item = W>) -> WordIndex {
        // Only collecting the words is generic: one copy of `of_words` builds the index for
        // every kind of list (the `.wasm` held a copy of all of it, with its iterator
        // adapters, per kind: 1.5 KB gzip).
        Self::of_words(words.into_iter().map(Into::into).collect())
    }

    /// [`WordIndex::new`] of `words`, in their order.
    fn of_words(words: Vec<Word>) -> WordIndex {
        // Each spaced spelling right after its word: among words found at the
        // same place, the one listed first is named, as before keys were read as words.
        let words: Vec<(Word, Word)> = words
            .into_iter()
            .filter(|w: &Word| !w.is_empty())
            .flat_map(|w| {
                let spaced = spaced_word(&w).map(|s| (Word::from(s), w.clone()));
                std::iter::once((w.clone(), w)).chain(spaced)
            })
            .collect();
        assert!(
            words.len() < usize::from(u16::MAX),
            "too many context words"
        );
        let mut from = Box::new([0u16; 257]);
        for (w, _) in &words {
            from[usize::from(w.as_bytes()[0]) + 1] += 1;
        }
        for b in 0..256 {
            from[b + 1] += from[b];
        }
        // Each word to the next free place of its first byte (a counting sort).
        let mut place = *from;
        let mut sorted: Vec<Option<(Word, Word)>> = vec![None; words.len()];
        for w in words {
            let b = usize::from(w.0.as_bytes()[0]);
            sorted[usize::from(place[b])] = Some(w);
            place[b] += 1;
        }
        let words: Vec<(Word, Word)> = sorted.into_iter().flatten().collect();
        let mut starts = Box::new([0u64; PAIR_BITS / 64]);
        for (w, _) in &words {
            let b = w.as_bytes();
            let seconds = match b.get(1) {
                Some(&second) => second..=second,
                None => 0..=u8::MAX,
            };
            for second in seconds {
                let bit = pair_bit(b[0], second);
                starts[bit / 64] |= 1 << (bit % 64);
            }
        }
        WordIndex {
            words,
            from,
            starts,
        }
    }

    /// The leftmost word found in `hay` (lower-cased), whole-word or CJK-aware.
    pub fn find(&self, hay: &str) -> Option<&Word> {
        self.find_where(hay, |_, _| true)
    }

    /// [`WordIndex::find`] of the words found at a place `hay[s..e]` that `keep(s, e)` accepts.
    fn find_where(&self, hay: &str, keep: impl Fn(usize, usize) -> bool) -> Option<&Word> {
        let mut found = None;
        self.each(hay, |s, (w, named)| {
            if keep(s, s + w.len()) {
                found = Some(named);
            }
            found.is_none()
        });
        found
    }

    /// Calls `f(s, word)` for each word found at byte `s` of `hay`
    /// ([`matches_at`]), `s` in order and the words at one place in index
    /// order, until `f` returns `false`. One loop over the text: a
    /// neighbourhood's places cost a few instructions each.
    fn each<'a>(&'a self, hay: &str, mut f: impl FnMut(usize, &'a (Word, Word)) -> bool) {
        let h = hay.as_bytes();
        for s in 0..h.len() {
            let second = h.get(s + 1).copied();
            let bit = pair_bit(h[s], second.unwrap_or(0));
            // Inside a run of ASCII letters and digits no word can start either:
            // one that starts with a letter or digit would not be whole.
            if self.starts[bit / 64] & (1 << (bit % 64)) == 0
                || (s > 0 && h[s - 1].is_ascii_alphanumeric() && h[s].is_ascii_alphanumeric())
            {
                continue;
            }
            let b = usize::from(h[s]);
            let (a, z) = (usize::from(self.from[b]), usize::from(self.from[b + 1]));
            for entry in &self.words[a..z] {
                // The second byte before the whole word: words with one first
                // byte mostly part there (CJK characters share their first byte).
                let w = entry.0.as_bytes();
                if w.get(1).is_none_or(|&b| second == Some(b))
                    && matches_at(hay, s, &entry.0)
                    && !f(s, entry)
                {
                    return;
                }
            }
        }
    }
}

/// Where the labels of `words` are around the candidate `start..end`, whose
/// [`neighbourhood`] is `around` with its space at `split`: spans, in
/// offsets of the text, of the words found that have a letter or a digit
/// (`passport number`, `sin`, `税号`, not `=` or `":`) and are not part of a
/// longer one found. Exact where
/// lower-casing keeps byte lengths (ASCII, CJK); close enough elsewhere to
/// tell which label holds which.
pub fn labels(
    words: &WordIndex,
    start: usize,
    end: usize,
    around: &str,
    split: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    words.each(around, |s, (w, _)| {
        if w.chars().any(char::is_alphanumeric) {
            let e = s + w.len();
            out.push(if e <= split {
                (
                    start - (split - s).min(start),
                    start - (split - e).min(start),
                )
            } else {
                (end + s.saturating_sub(split + 1), end + (e - split - 1))
            });
        }
        true
    });
    // Only whole labels: "passport" inside "passport number" is no label of
    // its own (one label, the usual case, is whole).
    if out.len() < 2 {
        return out;
    }
    let inside = |&(s, e): &(usize, usize), o: &[(usize, usize)]| {
        o.iter()
            .any(|&(os, oe)| os <= s && e <= oe && oe - os > e - s)
    };
    let whole: Vec<(usize, usize)> = out.iter().filter(|l| !inside(l, &out)).copied().collect();
    whole
}

/// `word` with each hyphen or underscore between two letters or digits
/// replaced by a space ("steuer-id" → "steuer id", "dd_api_key" → "dd api
/// key"), if it has one: how a neighbourhood reads a key in code.
pub fn spaced_word(word: &str) -> Option<String> {
    let b = word.as_bytes();
    let inner = |i: usize| {
        (b[i] == b'-' || b[i] == b'_')
            && i > 0
            && i + 1 < b.len()
            && b[i - 1].is_ascii_alphanumeric()
            && b[i + 1].is_ascii_alphanumeric()
    };
    (0..b.len())
        .any(inner)
        .then(|| {
            (0..b.len())
                .map(|i| if inner(i) { ' ' } else { b[i] as char })
                .collect::<String>()
        })
        .filter(|_| word.is_ascii())
}

/// `true` if `word` occurs at byte `s` of `hay`: whole-word for a word that
/// starts or ends with a letter or digit, anywhere for CJK.
fn matches_at(hay: &str, s: usize, word: &str) -> bool {
    let e = s + word.len();
    if e > hay.len() || &hay.as_bytes()[s..e] != word.as_bytes() {
        return false;
    }
    let first = word.chars().next().is_some_and(is_word_char);
    let last = word.chars().next_back().is_some_and(is_word_char);
    (!first
        || hay[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c)))
        && (!last || hay[e..].chars().next().is_none_or(|c| !is_word_char(c)))
}

/// Letters and digits of alphabetic scripts; CJK characters are word
/// boundaries for Latin words. CJK first (a range check): looking up every
/// Chinese character next to a value in the Unicode tables was 2.4 % of a scan.
fn is_word_char(c: char) -> bool {
    !is_cjk(c) && c.is_alphanumeric()
}

/// Han, kana, hangul and CJK punctuation/full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::words;

    #[test]
    fn latin_words_match_whole_words_only() {
        assert!(contains_word("my card no is", "card"));
        assert!(contains_word("card: ", "card"));
        assert!(!contains_word("discard this", "card"));
        assert!(!contains_word("cards", "card"));
        assert!(!contains_word("a public key", "lic"));
        assert!(contains_word("konto-nr. ", "konto-nr"));
        assert!(contains_word("acct #", "acct #"));
        assert!(contains_word("social security number", "social security"));
    }

    #[test]
    fn cjk_is_a_boundary_and_cjk_words_match_inside_text() {
        assert!(contains_word("我的ssn号码是", "ssn"));
        assert!(contains_word("这是我的信用卡号码", "信用卡"));
        assert!(!contains_word("überweisungen", "überweisung"));
        assert!(contains_word("die überweisung an", "überweisung"));
    }

    #[test]
    fn the_index_finds_the_leftmost_word_of_any_language() {
        let idx = WordIndex::new(
            Words {
                en: words!["card", "credit card"],
                de: words!["karte"],
                zh: words!["卡号"],
            }
            .all(),
        );
        let find = |hay| idx.find(hay).map(|w| w.as_str());
        assert_eq!(find("my credit card no"), Some("credit card"));
        assert_eq!(find("ec-karte und card"), Some("karte"));
        assert_eq!(find("号码卡号"), Some("卡号"));
        assert_eq!(find("discard cards"), None);
    }

    #[test]
    fn keys_in_code_are_words() {
        let words = WordIndex::new(
            Words {
                en: words!["tax id", "social security number", "mastercard"],
                de: words!["steuer-id"],
                zh: words![],
            }
            .all(),
        );
        for (text, word) in [
            ("tax_id = \"", Some("tax id")),
            ("\"taxId\": \"", Some("tax id")),
            (
                "const socialSecurityNumber = '",
                Some("social security number"),
            ),
            ("STEUER_ID=", Some("steuer-id")),
            ("steuer_id: ", Some("steuer-id")),
            ("MasterCard ", Some("mastercard")),
            ("taxonomy ", None),
        ] {
            let hay = neighbourhood(text, text.len(), text.len()).0;
            assert_eq!(
                words.find(&hay).map(|w| w.as_str()),
                word,
                "{text:?} -> {hay:?}"
            );
        }
    }

    /// The example signal of the value `v` in `text`.
    /// A candidate's look for a trigger never misses one because an earlier
    /// candidate's look was remembered (`Quiet`), whatever order and place
    /// the candidates come in.
    #[test]
    fn what_quiet_remembers_never_hides_a_trigger() {
        let text = "ab Example x 例如 cd bob:e >>> Zum Beispiel ef samplE gh 12 nicht mein echtes";
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .step_by(3)
            .collect();
        let ranges: Vec<(usize, usize)> = (cuts.iter())
            .flat_map(|&f| cuts.iter().filter(move |&&t| t > f).map(move |&t| (f, t)))
            .collect();
        let words = WordSet::new(TRIGGERS);
        for &(f1, t1) in &ranges {
            let mut quiet = Quiet::default();
            quiet.triggered(text, f1, t1);
            // Each range after the first alone, and all of them in turn.
            let mut carried = Quiet(quiet.0.clone());
            for &(f2, t2) in &ranges {
                let any = words.in_text(&text[f2..t2]);
                let mut second = Quiet(quiet.0.clone());
                assert!(
                    second.triggered(text, f2, t2) || !any,
                    "{f1}..{t1}, {f2}..{t2}"
                );
                assert!(
                    carried.triggered(text, f2, t2) || !any,
                    "{f1}..{t1}, …, {f2}..{t2}"
                );
            }
        }
    }

    fn example_of(text: &str, v: &str) -> Option<String> {
        let s = text.find(v).expect("value in text");
        example_signal(text, s, s + v.len(), &mut Quiet::default()).map(|w| w.as_str().to_string())
    }

    #[test]
    fn example_signals_speak_about_the_value_next_to_them() {
        for (text, signal) in [
            ("curl -u u:Pw9x https://api.example.com/", "example.com"),
            ("e.g. password: Pw9x (not my real password)", "e.g."),
            ("this is an example: password: Pw9x", "example"),
            ("z.B. Passwort Pw9x", "z.b."),
            ("例如密码：Pw9x", "例如"),
            (">>> check('Pw9x')", ">>>"),
            (">>> scan(text)\n['Pw9x']", ">>>"),
            (
                "EXAMPLES\n     Connect:\n\n         mysql -pPw9x",
                "examples",
            ),
            ("BEISPIELE\n  mysql -pPw9x", "beispiele"),
            ("## 示例\nPASSWORD=Pw9x", "示例"),
            ("# sample config\nuser = bob\npass = Pw9x", "bob"),
            ("curl -u alice:Pw9x https://api.acme.test", "alice"),
            ("redis://:Pw9x@cache.example.com:6379", "example.com"),
        ] {
            assert_eq!(
                example_of(text, "Pw9x").as_deref(),
                Some(signal),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_real_value_away_from_an_example_signal_stays_real() {
        let far = format!(
            "password: Pw9x {} see example.com",
            "x".repeat(EXAMPLE_AFTER)
        );
        let heading_too_far = format!("EXAMPLES\n{}\npassword: Pw9x", "y".repeat(EXAMPLE_BEFORE));
        for text in [
            "see https://wiki.example.com for the docs\nmy password: Pw9x",
            far.as_str(),
            heading_too_far.as_str(),
            "redis://u:Pw9x@cache.example.io",
            "C1000,Erika,erika@example.com,Pw9x,",
            "Bob's password is Pw9x",
            "Hi Bob: password=Pw9x",
            "Customer: Erika Mustermann, password: Pw9x",
            "the examples are below.\npassword: Pw9x",
        ] {
            assert_eq!(example_of(text, "Pw9x"), None, "{text:?}");
        }
    }

    #[test]
    fn neighbourhood_excludes_the_candidate_and_is_bounded() {
        let text = "x".repeat(100) + " Card 4111111111111111 Visa" + &"y".repeat(100);
        let s = text.find("4111").unwrap();
        let n = neighbourhood(&text, s, s + 16).0;
        assert!(n.contains("card") && n.contains("visa") && !n.contains("4111"));
        assert!(n.chars().count() <= BEFORE + AFTER + 1);
        // A quote around the value does not push a label out of reach.
        let text = "'B87154321' is my new U.S. passport";
        let n = neighbourhood(text, 1, 10).0;
        assert!(n.ends_with("u.s. passport"), "{n:?}");
        // Multi-byte characters are counted as characters, never split.
        // A label does not reach past another number.
        let text = "account number 12345678.\nOrder 4411-2039 shipped";
        let s = text.find("4411").unwrap();
        assert!(!neighbourhood(text, s, s + 9).0.contains("account"));
        let text = "信用卡号：4111111111111111";
        let s = text.find('4').unwrap();
        assert!(neighbourhood(text, s, text.len()).0.contains("信用卡"));
    }
}
