//! Overlap resolution: one span, best kind.
//!
//! Where candidates of several kinds overlap, one is kept; the others go. The
//! rule, in order (issue 14 item 8, "the label wins"):
//!
//! 1. **The label.** A value written right after (or before) an explicit
//!    label of kind X is X when it validates as X. A label is a context word
//!    with letters in it (not assignment syntax such as `=`). A candidate
//!    with a label beats one without ("SIN 712 354 141" is `ca_sin`,
//!    although it is also a valid SSN), unless a label of another candidate
//!    on the same value *refines* it: holds it and says more ("US passport
//!    number" holds `de_id_card`'s "passport number": the value is a
//!    `us_passport`; "kanadische Sozialversicherungsnummer" holds `us_ssn`'s
//!    "Sozialversicherungsnummer"; "US-Reisepass, die Reisepassnummer ist …"
//!    holds `passport_number`'s "Reisepass"). A *qualifier* refines too: a
//!    label in brackets right after the value (nothing or one blank between)
//!    names the issuing country or the kind, and says more than a label
//!    that names neither ("my passport no. is 693573026 (USA)",
//!    "Reisepassnummer L47629824 (Vereinigte Staaten)", "护照号码：
//!    693573026（美国）" are `us_passport`, although "passport no." is also
//!    `passport_number`'s and `de_id_card`'s label); a label right after the
//!    value without brackets is more often the next value's ("Reisepass:
//!    C01X00T47 Personalausweis: …") and qualifies nothing. A refined candidate ranks below
//!    every unrefined labelled one. A label names one value: a labelled
//!    candidate that is a piece of a longer candidate (six characters of a
//!    JWT after a passport word) gets no rank from it. Catch-all kinds
//!    (priority below [`LABEL_PRIORITY`]: bank accounts, phones, e-mails, IP
//!    addresses, generic secrets, medical terms) take no part in this step:
//!    "account number" before a routing number does not make it an account
//!    number. A credential whose syntax says what it is (priority from
//!    [`STRUCTURED_CREDENTIAL`]: a connection string, a provider's token, a
//!    JWT, a PEM block) ranks as labelled, so a `password` label next to it
//!    leaves it to step 2.
//! 2. **Specificity.** The higher detector priority: a validated AWS key over
//!    a generic high-entropy secret, a routing number over a bare account
//!    number; two labels that neither refines ("German passport number" is
//!    `de_id_card`'s and `passport_number`'s) leave it to this step.
//! 3. The higher confidence, then the longer span, then the earlier one.
//!
//! The pairs of kinds whose shapes overlap are tested in `tests/engine.rs`
//! (`the_label_wins_for_every_pair_of_overlapping_kinds`).

use crate::detectors::{Category, Confidence};
use crate::finding::{Kind, Reason};

/// A validated, scored match in normalised offsets.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub confidence: Confidence,
    pub reasons: Vec<Reason>,
    /// The finding's preview, if validation made it ([`crate::detectors::ByGroup`]).
    pub preview: Option<String>,
    /// Where its labels are (context words with letters, in offsets of the
    /// normalised text); empty for none.
    pub labels: Vec<(usize, usize)>,
    /// One of its labels is a qualifier ([`is_qualifier`]).
    pub qualified: bool,
}

/// `true` if a label starting at byte `label` of `hay` qualifies the value
/// that ends at `end` (rule 1 of the module doc): it opens with a bracket,
/// right after the value ("693573026 (USA)", "E83920417（中国）"), with at
/// most a closing quote or bracket, a punctuation mark and one blank between
/// (`'C73829104', (US)`), as a label is reached ([`super::context::neighbourhood`]).
pub fn is_qualifier(hay: &str, end: usize, label: usize) -> bool {
    let Some(gap) = hay.get(end..label) else {
        return false;
    };
    let gap = gap
        .strip_prefix([
            '\'', '"', '`', ')', ']', '>', '}', '”', '’', '」', '】', '）', '》',
        ])
        .unwrap_or(gap);
    let gap =
        (gap.strip_prefix(|c| super::context::CLOSING_PUNCTUATION.contains(c))).unwrap_or(gap);
    matches!(gap, "" | " ") && hay.get(label..).is_some_and(|l| l.starts_with(['(', '（']))
}

/// Detectors below this priority are catch-alls: a label does not make them
/// win over a more specific kind (rule 1 of the module doc).
pub const LABEL_PRIORITY: u8 = 50;

/// Credentials from this priority up (connection_string, api_key, jwt,
/// seed_phrase, private_key) rank as labelled in rule 1.
pub const STRUCTURED_CREDENTIAL: u8 = 60;

impl Candidate {
    /// Labels that count in rule 1: none for a catch-all kind.
    fn counted_labels(&self) -> &[(usize, usize)] {
        if self.kind.priority() >= LABEL_PRIORITY {
            &self.labels
        } else {
            &[]
        }
    }

    /// A credential whose syntax says what it is (a connection string's
    /// userinfo or `Password=`, a provider's token format, a JWT, a PEM
    /// block) ranks as labelled: a nearby "password:" does not make it a
    /// `password`.
    fn labels_itself(&self) -> bool {
        self.kind.category() == Category::Credential
            && self.kind.priority() >= STRUCTURED_CREDENTIAL
    }

    fn overlaps(&self, other: &Candidate) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// `true` if a label of `a` says more than one of `b` (holds it, or is a
/// qualifier where `b` has none), and no label of `b` does that to one of `a`'s.
fn refines(a: &Candidate, b: &Candidate) -> bool {
    let says_more = |x: &Candidate, y: &Candidate| {
        let (lx, ly) = (x.counted_labels(), y.counted_labels());
        (x.qualified && !lx.is_empty() && !y.qualified)
            || lx.iter().any(|&(xs, xe)| {
                ly.iter()
                    .any(|&(ys, ye)| xs <= ys && ye <= xe && xe - xs > ye - ys)
            })
    };
    says_more(a, b) && !says_more(b, a)
}

/// Rule 1's rank of each candidate: 2 labelled, 1 labelled but refined by
/// another candidate's label on the same value, 0 no label.
fn label_ranks(candidates: &[&Candidate]) -> Vec<u8> {
    let mut rank: Vec<u8> = (candidates.iter())
        .map(|c| 2 * u8::from(!c.counted_labels().is_empty() || c.labels_itself()))
        .collect();
    let mut labelled: Vec<usize> = (0..candidates.len()).filter(|&i| rank[i] > 0).collect();
    crate::sort::indices_by_key(&mut labelled, &|i| candidates[i].start);
    // A label names one value: a labelled candidate that is a piece of a
    // longer one (six characters of a JWT after a passport word) gets no rank.
    let mut by_start: Vec<usize> = (0..candidates.len()).collect();
    crate::sort::indices_by_key(&mut by_start, &|k| candidates[k].start);
    let longest = (candidates.iter())
        .map(|c| c.end - c.start)
        .max()
        .unwrap_or(0);
    for &i in &labelled {
        let c = candidates[i];
        let from = by_start.partition_point(|&k| candidates[k].start + longest <= c.start);
        for &k in &by_start[from..] {
            let o = candidates[k];
            if o.start >= c.end {
                break;
            }
            if o.overlaps(c) && o.end - o.start > c.end - c.start {
                rank[i] = 0;
                break;
            }
        }
    }
    for (n, &i) in labelled.iter().enumerate() {
        for &j in &labelled[n + 1..] {
            let (a, b) = (candidates[i], candidates[j]);
            if b.start >= a.end {
                break;
            }
            if a.overlaps(b) && a.kind != b.kind {
                if refines(a, b) {
                    rank[j] = 1;
                } else if refines(b, a) {
                    rank[i] = 1;
                }
            }
        }
    }
    rank
}

/// Keeps the best candidates that do not overlap, in text order. Better means
/// (the module doc has the rule): the label, then the more specific kind
/// (higher detector priority), then higher confidence, then longer, then earlier.
pub fn non_overlapping(candidates: Vec<Candidate>) -> Vec<Candidate> {
    // One candidate or none (most drafts and paragraphs): nothing overlaps.
    if candidates.len() < 2 {
        return candidates;
    }
    let refs: Vec<&Candidate> = candidates.iter().collect();
    let kept = kept(&refs);
    take(candidates, kept)
}

/// The candidates at indices `kept`, in that order.
pub fn take(candidates: Vec<Candidate>, kept: Vec<usize>) -> Vec<Candidate> {
    let mut slots: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    kept.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// [`non_overlapping`] as indices into `candidates`, in text order. Among
/// equals, the one listed first wins: the order of `candidates` is part of the answer.
pub fn kept(candidates: &[&Candidate]) -> Vec<usize> {
    let rank = label_ranks(candidates);
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    crate::sort::indices(&mut order, &mut |ai, bi| {
        let (a, b) = (candidates[ai], candidates[bi]);
        (rank[bi].cmp(&rank[ai]))
            .then(b.kind.priority().cmp(&a.kind.priority()))
            .then(b.confidence.cmp(&a.confidence))
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    // Accepted spans never overlap, so they are ordered by start and by end alike.
    let mut kept: Vec<usize> = Vec::with_capacity(candidates.len());
    let mut spans: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for i in order {
        let c = candidates[i];
        let clash = spans
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &end)| end > c.start);
        if !clash {
            spans.insert(c.start, c.end);
            kept.push(i);
        }
    }
    crate::sort::indices_by_key(&mut kept, &|i| candidates[i].start);
    kept
}
