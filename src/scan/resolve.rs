//! Overlap resolution: one span, best kind.

use crate::detectors::Confidence;
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
}

/// Keeps the best candidates that do not overlap, in text order. Better means:
/// the more specific kind (higher detector priority: a validated AWS key over
/// a generic high-entropy secret, a routing number over a bare account
/// number), then higher confidence, then longer, then earlier.
pub fn non_overlapping(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let refs: Vec<&Candidate> = candidates.iter().collect();
    let kept = kept(&refs);
    let mut slots: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    kept.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// [`non_overlapping`] as indices into `candidates`, in text order. Among
/// equals, the one listed first wins: the order of `candidates` is part of the answer.
pub fn kept(candidates: &[&Candidate]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (candidates[a], candidates[b]);
        b.kind
            .priority()
            .cmp(&a.kind.priority())
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
    kept.sort_by_key(|&i| candidates[i].start);
    kept
}
