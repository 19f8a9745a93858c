//! Which bytes a pattern's matches can hold after their first byte.
//!
//! A search that runs a pattern over a window from left to right, one match
//! after the other, can be cut at a byte that no match holds past its first
//! byte: every match lies wholly before that byte or starts at it, so the
//! matches from there on are what a search started there finds, and the
//! matches before it do not depend on anything after it (assertions such as
//! `\b` and `$` look one byte ahead, in ASCII mode). The live scan cuts its
//! searches there ([`super::live`]).
//!
//! The sets of the built-in patterns are read from their syntax trees by the
//! generator (`gen/src/interior.rs`) and stored with their automata; a custom
//! rule (compiled at run time) has every byte: its searches are not cut.

/// A set of bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteSet([u64; 4]);

impl ByteSet {
    /// Every byte.
    pub const ALL: ByteSet = ByteSet([u64::MAX; 4]);

    /// No byte.
    pub const NONE: ByteSet = ByteSet([0; 4]);

    /// `true` if `b` is in the set.
    pub fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }

    /// The set of the bytes whose bit `b & 63` of word `b >> 6` is set.
    pub fn from_words(words: [u64; 4]) -> ByteSet {
        ByteSet(words)
    }

    /// Adds `b` to the set.
    pub fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    /// The bytes of either set.
    pub fn union(self, o: ByteSet) -> ByteSet {
        ByteSet(std::array::from_fn(|i| self.0[i] | o.0[i]))
    }
}

#[cfg(test)]
mod tests {
    use crate::detectors::REGISTRY;

    /// Every match of every detector's pattern in every fixture and draft holds
    /// past its first byte only bytes of its set.
    #[test]
    fn matches_hold_only_their_interior_bytes() {
        let text = crate::scan::samples();
        let text = text.replace("\\n", "\n");
        let mut checked = 0;
        for d in REGISTRY {
            let entry = crate::pattern::automata::entry(&format!("detector:{}", d.kind)).unwrap();
            let (set, re) = (entry.interior, entry.matcher);
            let hay = text.as_bytes();
            let mut pos = 0;
            let mut cache = Default::default();
            while let Some(m) = re.find_at(&mut cache, hay, pos) {
                for &b in &hay[m.range()][1.min(m.len())..] {
                    assert!(set.contains(b), "{}: {:?} in {:?}", d.kind, b as char, m);
                }
                checked += 1;
                pos = if m.is_empty() { m.end() + 1 } else { m.end() };
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}
