//! A brief's document in the full-text index.
//!
//! The index (`search_fts`: trigram tokens, `detail=none`) records only which briefs contain
//! each trigram, not where or how often. So a brief's document needs each distinct trigram of
//! its fields once, not the whole text: the document is made of runs of the original text that
//! hold trigrams not seen before, joined by line breaks. Indexing it finds exactly the briefs the
//! whole text would (a query's trigrams never hold a line break, as terms are split at
//! whitespace), with about a third of the tokens, which is most of an import's index work.

/// Between two new trigrams, up to this many already seen ones are kept rather than starting
/// a new run, which costs three tokens around the line break.
const BRIDGE: usize = 3;

/// Builds one brief's document at a time; the set of seen trigrams is reused.
#[derive(Default)]
pub(super) struct IndexDoc {
    seen: TrigramSet,
    doc: String,
}

impl IndexDoc {
    /// Adds one field's text. Trigrams never span two fields.
    pub(super) fn add(&mut self, field: &str) {
        // The last three characters: their trigram as a key, and where each starts.
        let mut key = 0;
        let mut starts = [0; 3];
        // The run being written ends before character `.0`, at byte `.1`.
        let mut run: Option<(usize, usize)> = None;
        for (k, (at, c)) in field.char_indices().enumerate() {
            key = (key >> BITS) | (u64::from(c.to_ascii_lowercase()) << (2 * BITS));
            starts = [starts[1], starts[2], at];
            if k < 2 || !self.seen.insert(key) {
                continue;
            }
            let end = at + c.len_utf8();
            let from = match run {
                Some((run_end, byte)) if k - run_end <= BRIDGE => byte,
                _ => {
                    if !self.doc.is_empty() {
                        self.doc.push('\n');
                    }
                    starts[0]
                }
            };
            self.doc.push_str(&field[from..end]);
            run = Some((k + 1, end));
        }
    }

    /// The document of the brief whose fields were added, ready for the next brief.
    pub(super) fn finish(&mut self) -> String {
        self.seen.clear();
        std::mem::take(&mut self.doc)
    }
}

/// Bits of a key per character (Unicode needs 21). Letters are taken ignoring ASCII case only,
/// as the index folds at least that: two trigrams taken as one are always one token there.
const BITS: u32 = 21;

/// A set of trigram keys: open addressing over a power-of-two table, 0 for an empty slot (a
/// key has its top bit set). Several times faster here than a general-purpose hash set.
#[derive(Default)]
struct TrigramSet {
    slots: Vec<u64>,
    len: usize,
}

impl TrigramSet {
    const MARK: u64 = 1 << 63;

    /// True when `key` was not in the set yet.
    fn insert(&mut self, key: u64) -> bool {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let key = key | Self::MARK;
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                0 => {
                    self.slots[i] = key;
                    self.len += 1;
                    return true;
                }
                k if k == key => return false,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Where to start looking for `key`: the top bits of a multiplicative hash, which depend
    /// on every bit of the key.
    fn slot(&self, key: u64) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        let mask = self.slots.len() - 1;
        for key in old.into_iter().filter(|&k| k != 0) {
            let mut i = self.slot(key);
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = key;
        }
    }

    fn clear(&mut self) {
        self.slots.fill(0);
        self.len = 0;
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn trigrams(text: &str) -> HashSet<String> {
        let chars: Vec<char> = text.chars().collect();
        chars
            .windows(3)
            .map(|w| w.iter().collect::<String>().to_ascii_lowercase())
            .collect()
    }

    #[test]
    fn the_document_holds_every_trigram_of_every_field_and_no_other_without_a_line_break() {
        let fields = [
            "The plan for the medical equipment industry; the plan",
            "医疗装备产业发展规划 医疗装备",
            "THE PLAN",
            "ab",
            "Ünïcode ÜNÏCODE",
        ];
        let mut doc = IndexDoc::default();
        for field in fields {
            doc.add(field);
        }
        let text = doc.finish();
        let wanted: HashSet<String> = fields.iter().flat_map(|f| trigrams(f)).collect();
        let got: HashSet<String> = trigrams(&text)
            .into_iter()
            .filter(|t| !t.contains('\n'))
            .collect();
        assert_eq!(got, wanted);
        assert!(text.chars().count() < fields.iter().map(|f| f.chars().count()).sum());
        // The next brief starts afresh.
        doc.add("The plan");
        assert_eq!(doc.finish(), "The plan");
    }

    #[test]
    fn repeated_text_is_kept_once() {
        let mut doc = IndexDoc::default();
        doc.add("semiconductor semiconductor semiconductor");
        doc.add("Semiconductor");
        assert_eq!(doc.finish(), "semiconductor se");
    }

    #[test]
    fn random_fields_keep_every_trigram() {
        const ALPHABET: &[char] = &['a', 'b', 'A', 'B', ' ', '医', '疗', 'É', 'é', '"', '%'];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut doc = IndexDoc::default();
        for _ in 0..200 {
            let fields: Vec<String> = (0..next(6))
                .map(|_| {
                    (0..next(40))
                        .map(|_| ALPHABET[next(ALPHABET.len())])
                        .collect()
                })
                .collect();
            for field in &fields {
                doc.add(field);
            }
            let text = doc.finish();
            let wanted: HashSet<String> = fields.iter().flat_map(|f| trigrams(f)).collect();
            let got: HashSet<String> = trigrams(&text)
                .into_iter()
                .filter(|t| !t.contains('\n'))
                .collect();
            assert_eq!(got, wanted, "{fields:?} gave {text:?}");
        }
    }

    #[test]
    fn a_long_field_of_new_trigrams_is_kept_whole_and_twice_is_once() {
        let field: String = (0x4E00..0x4E00 + 5000).filter_map(char::from_u32).collect();
        let mut doc = IndexDoc::default();
        doc.add(&field);
        doc.add(&field);
        assert_eq!(doc.finish(), field);
        assert_eq!(doc.seen.len, 0);
    }
}
