//! Search through text as written, without a lower-cased copy, where lower-casing it would
//! change nothing but ASCII letters: a lower-cased term is then in the lower-cased text
//! exactly where it is in the text with ASCII case ignored.

/// True when lower-casing `text` changes only ASCII letters (`to_lowercase` gives what
/// `to_ascii_lowercase` gives): every other character lower-cases to itself. Not so for
/// "İ", the Kelvin sign, "Σ" (whose lower case depends on where it stands) or "É".
pub(super) fn folds_as_ascii(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || lowercases_to_itself(c))
}

fn lowercases_to_itself(c: char) -> bool {
    // CJK radicals, punctuation, kana and ideographs have no case (a test checks them all):
    // answered without a look-up in the case tables.
    if CASELESS_CJK.contains(&c) {
        return true;
    }
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

/// From CJK Radicals to the end of CJK Unified Ideographs.
const CASELESS_CJK: std::ops::RangeInclusive<char> = '\u{2E80}'..='\u{9FFF}';

/// A lower-cased search term, found in text that [`folds_as_ascii`] with ASCII case ignored.
pub(super) struct FoldedFinder {
    needle: Box<[u8]>,
    /// The needle as a byte pattern, ASCII case ignored: the regex engine looks for a literal
    /// in all its case variants at once (SIMD where it can), several times faster than looking
    /// for one byte in two cases and checking each candidate.
    pattern: Option<regex::bytes::Regex>,
}

impl FoldedFinder {
    /// For `needle`, lower-cased (it holds no ASCII capital).
    pub(super) fn new(needle: &[u8]) -> Self {
        let mut source = String::with_capacity(needle.len() * 4);
        for &byte in needle {
            if byte.is_ascii_alphanumeric() {
                source.push(byte as char);
            } else {
                // Any other byte as itself, whatever it is (a part of a UTF-8 character too).
                source.push_str(&format!("\\x{byte:02X}"));
            }
        }
        let pattern = regex::bytes::RegexBuilder::new(&source)
            .unicode(false)
            .case_insensitive(true)
            .build()
            .ok();
        Self {
            needle: needle.into(),
            pattern,
        }
    }

    pub(super) fn needle(&self) -> &[u8] {
        &self.needle
    }

    /// Where the needle first is in `hay`, ASCII case ignored.
    pub(super) fn find(&self, hay: &[u8]) -> Option<usize> {
        match &self.pattern {
            Some(pattern) => pattern.find(hay).map(|m| m.start()),
            // A pattern too large to build: look the slow way.
            None => hay
                .windows(self.needle.len().max(1))
                .position(|w| w.eq_ignore_ascii_case(&self.needle)),
        }
    }
}

impl super::packed::Needle for FoldedFinder {
    fn find(&self, hay: &[u8]) -> Option<usize> {
        FoldedFinder::find(self, hay)
    }

    fn len(&self) -> usize {
        self.needle.len()
    }
}

/// Parts of one text laid end to end, with no separator between them (a match may run
/// from one into the next and counts for neither): part `i` runs from `ends[i - 1]` (0 for
/// the first) to `ends[i]`. Of parts `range`, those that hold every one of `terms` (not
/// empty), in order. The longest term is looked for through the text; the others in the
/// parts it is found in.
pub(super) fn parts_with_all(
    text: &[u8],
    ends: &[usize],
    range: std::ops::Range<usize>,
    terms: &[FoldedFinder],
) -> Vec<u32> {
    let mut out = Vec::new();
    let Some(lead) = terms.iter().max_by_key(|t| t.needle().len()) else {
        return out;
    };
    let start_of = |i: usize| if i == 0 { 0 } else { ends[i - 1] };
    let (mut part, end) = (range.start, range.end.min(ends.len()));
    if part >= end {
        return out;
    }
    let (mut at, stop) = (start_of(part), ends[end - 1]);
    while let Some(found) = lead.find(&text[at..stop]) {
        let hit = at + found;
        part += ends[part..end].partition_point(|&e| e <= hit);
        let (from, to) = (start_of(part), ends[part]);
        if hit + lead.needle().len() > to {
            // Across the end of a part: not a match.
            at = hit + 1;
            continue;
        }
        let text = &text[from..to];
        if terms.iter().all(|t| t.find(text).is_some()) {
            out.push(part as u32);
        }
        at = to;
        part += 1;
        if part >= end {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caseless_cjk_range_has_no_cased_character() {
        for c in CASELESS_CJK {
            let mut lower = c.to_lowercase();
            assert_eq!((lower.next(), lower.next()), (Some(c), None), "{c:?}");
            assert!(!c.is_uppercase() && !c.is_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn folding_as_ascii_is_lower_casing_as_ascii() {
        let texts = [
            "plain ASCII",
            "能源局 NEA",
            "İstanbul",
            "300 K",
            "ΣΑΣ",
            "σας",
            "straße",
            "STRAẞE",
            "École",
            "école",
            "ǅ",
            "a\u{301}",
            "A\u{301}",
            "ﬁ",
            "Ω",
            "ω",
            "",
            "\u{130}",
        ];
        for text in texts {
            assert_eq!(
                folds_as_ascii(text),
                text.to_lowercase() == text.to_ascii_lowercase(),
                "{text}"
            );
        }
        // Every character alone, and before a letter (a sigma's lower case depends on it).
        for c in (0..=0x1_ffff).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("A{c}"), format!("{c}b")] {
                assert_eq!(
                    folds_as_ascii(&text),
                    text.to_lowercase() == text.to_ascii_lowercase(),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn a_folded_finder_finds_what_a_search_of_the_lower_cased_text_finds() {
        let hays = [
            "Semiconductor plan SEMIC semic",
            "xxSEMI",
            "能源 Energy 能源局",
            "aAaAab",
            "",
            "short",
            "The NDRC and ndrc",
            // Characters a pattern would read as operators are looked for as themselves.
            "Price: $5 (C++) [1] a.b A\\B ^x|Y* {2} ?",
            "axb aXB",
        ];
        let needles = [
            "semic",
            "semi",
            "能源",
            "energy 能",
            "aab",
            "a",
            "ndrc",
            "xx",
            "b",
            "t",
            "$5",
            "(c++)",
            "[1]",
            "a.b",
            "a\\b",
            "^x|y*",
            "{2}",
            "?",
            ".",
        ];
        for hay in hays {
            for needle in needles {
                let expected = hay.to_ascii_lowercase().find(needle);
                let finder = FoldedFinder::new(needle.as_bytes());
                assert_eq!(finder.find(hay.as_bytes()), expected, "{needle} in {hay}");
            }
        }
    }

    #[test]
    fn a_folded_finder_finds_what_a_search_of_the_lower_cased_text_finds_at_random() {
        let alphabet = [
            "a", "A", "b", "B", "m", "M", " ", "能", "é", "`", "@", "\r", "-", "A\u{301}",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        for _ in 0..3000 {
            let (hay_len, needle_len) = (next(40), 1 + next(4));
            let mut pick = |len: usize| -> String {
                (0..len).map(|_| alphabet[next(alphabet.len())]).collect()
            };
            let hay = pick(hay_len);
            let needle = pick(needle_len).to_lowercase();
            let expected = hay.to_ascii_lowercase().find(&needle);
            let finder = FoldedFinder::new(needle.as_bytes());
            assert_eq!(
                finder.find(hay.as_bytes()),
                expected,
                "{needle:?} in {hay:?}"
            );
        }
    }

    #[test]
    fn parts_match_alone_never_across_their_ends() {
        let parts = ["Abc", "DEF", "", "ab", "cd", "xabcab"];
        let text = parts.concat();
        let ends: Vec<usize> = parts
            .iter()
            .scan(0, |end, p| {
                *end += p.len();
                Some(*end)
            })
            .collect();
        let find = |terms: &[&str], range| {
            let terms: Vec<_> = terms
                .iter()
                .map(|t| FoldedFinder::new(t.as_bytes()))
                .collect();
            parts_with_all(text.as_bytes(), &ends, range, &terms)
        };
        assert_eq!(find(&["cd"], 0..6), [4]);
        assert_eq!(find(&["abc"], 0..6), [0, 5]);
        assert_eq!(find(&["abc"], 1..6), [5]);
        assert_eq!(find(&["cde", "bcd"], 0..6), Vec::<u32>::new());
        assert_eq!(find(&["ab", "b"], 0..5), [0, 3]);
        assert_eq!(find(&["bcab", "x"], 0..6), [5]);
        assert_eq!(find(&["d"], 2..4), Vec::<u32>::new());
    }
}
