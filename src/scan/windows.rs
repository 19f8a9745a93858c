//! A long text scanned in overlapping windows, one window a step: a file longer than the
//! guard's `maxInputBytes` is still checked, each step's work is bounded, and a caller on a
//! browser's main thread can hand the thread back between two steps.
//!
//! Every finding is reported by the one window that owns its start, with half the overlap of
//! context on either side (the CLI's windows, `npm/cli/windows.mjs`, in UTF-8 bytes). A finding
//! that starts inside one already reported is dropped, as overlap resolution would.

use super::{Finding, Guard, ScanError};

/// What two neighbouring windows share (UTF-8 bytes): the longest value (a PEM block, a seed
/// phrase) and its context fit in half of it.
pub const OVERLAP: usize = 1 << 16;

/// Where a windowed scan of one text is.
#[derive(Clone, Debug)]
pub struct Windows {
    /// New text per window (UTF-8 bytes).
    window: usize,
    /// The next window's first byte.
    start: usize,
    /// Findings starting before this were another window's.
    own_from: usize,
    /// The end of the last finding reported.
    emitted: usize,
    done: bool,
}

impl Windows {
    /// A scan of a text from its start, `window` new bytes a step (at least 1).
    pub fn new(window: usize) -> Windows {
        Windows {
            window: window.max(1),
            start: 0,
            own_from: 0,
            emitted: 0,
            done: false,
        }
    }

    /// New bytes a step.
    pub fn window(&self) -> usize {
        self.window
    }

    /// From the next step on, `window` new bytes a step (at least 1).
    pub fn resize(&mut self, window: usize) {
        self.window = window.max(1);
    }

    /// Scans the next window of `text` (the same text every step) with `guard`, every finding,
    /// appending the ones it owns to `out` with offsets into `text`. Returns whether text is
    /// left for another step.
    pub fn step(
        &mut self,
        guard: &Guard,
        text: &str,
        out: &mut Vec<Finding>,
    ) -> Result<bool, ScanError> {
        if self.done {
            return Ok(false);
        }
        let end = floor(text, (self.start + self.window + OVERLAP).min(text.len()));
        let last = end == text.len();
        let own_to = if last {
            end
        } else {
            floor(text, end - OVERLAP / 2)
        };
        for mut f in guard.scan_all(&text[self.start..end])? {
            f.start += self.start;
            f.end += self.start;
            if f.start < self.own_from || f.start >= own_to || f.start < self.emitted {
                continue;
            }
            self.emitted = f.end;
            out.push(f);
        }
        if last {
            self.done = true;
            return Ok(false);
        }
        self.own_from = own_to;
        self.start = floor(text, end - OVERLAP);
        Ok(true)
    }

    /// How much of the text is behind (UTF-8 bytes): for a progress note.
    pub fn behind(&self, text: &str) -> usize {
        if self.done {
            text.len()
        } else {
            self.own_from
        }
    }
}

impl Guard {
    /// Every finding of `text` ([`Guard::scan_all`]'s), scanned whole when it is short and in
    /// overlapping windows of `window` new bytes when it is long. Findings are in text order
    /// and do not overlap, with offsets into `text`.
    pub fn scan_windows(&self, text: &str, window: usize) -> Result<Vec<Finding>, ScanError> {
        if text.len() <= window + OVERLAP {
            return self.scan_all(text);
        }
        let mut windows = Windows::new(window);
        let mut out = Vec::new();
        while windows.step(self, text, &mut out)? {}
        Ok(out)
    }
}

/// `at`, or the start of the character it falls in.
fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
