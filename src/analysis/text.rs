//! Small text helpers the extractors share: scripts, words around a position, and slicing
//! that never splits a character.

pub use crate::parse::{is_cjk, is_han};

/// A character of a Latin word: letters and digits that are not CJK.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() && !is_cjk(c)
}

/// Whether the character at byte `i` (a char boundary) is a word character, and its length.
#[inline]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
        _ => text
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
    }
}

/// The Latin words of `text` with their byte offsets.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = loop {
            if i >= text.len() {
                return None;
            }
            let (is_word, len) = word_char_at(text, i);
            if is_word {
                break i;
            }
            i += len;
        };
        while i < text.len() {
            let (is_word, len) = word_char_at(text, i);
            if !is_word {
                break;
            }
            i += len;
        }
        text.get(start..i).map(|w| (start, w))
    })
}

/// Whether `text` may hold CJK text: a byte that starts a character from U+3000 up. A cheap
/// gate before looking for Chinese names.
pub fn may_have_cjk(text: &str) -> bool {
    text.bytes().any(|b| b >= 0xE3)
}

/// Up to `n` Latin words that end before byte `pos`, nearest first. Stops at a sentence
/// stop, a colon, a semicolon or a line break.
pub fn words_before(text: &str, pos: usize, n: usize) -> Vec<&str> {
    let mut out = Vec::with_capacity(n);
    let head = text.get(..pos).unwrap_or("");
    let mut end = head.len();
    let mut in_word = false;
    for (i, c) in head.char_indices().rev() {
        if is_word_char(c) {
            if !in_word {
                end = i + c.len_utf8();
                in_word = true;
            }
            continue;
        }
        if in_word {
            out.push(&head[i + c.len_utf8()..end]);
            in_word = false;
            if out.len() == n {
                return out;
            }
        }
        if matches!(c, '.' | '!' | '?' | ';' | ':' | '\n' | '。' | '；' | '：') {
            return out;
        }
    }
    if in_word && out.len() < n {
        out.push(&head[..end]);
    }
    out
}

/// Up to `n` Latin words that start at or after byte `pos`, with their offsets. Stops at a
/// sentence stop, a colon, a semicolon or a line break.
pub fn words_after(text: &str, pos: usize, n: usize) -> Vec<(usize, &str)> {
    let tail = text.get(pos..).unwrap_or("");
    let mut out = Vec::with_capacity(n);
    let mut start = None;
    for (i, c) in tail.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((pos + s, &tail[s..i]));
            if out.len() == n {
                return out;
            }
        }
        if matches!(c, '.' | '!' | '?' | ';' | ':' | '\n' | '。' | '；' | '：') {
            // A decimal point is not a stop.
            let next_digit = tail[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|d| d.is_ascii_digit());
            if !(c == '.' && next_digit) {
                return out;
            }
        }
    }
    if let Some(s) = start
        && out.len() < n
    {
        out.push((pos + s, &tail[s..]));
    }
    out
}

/// Whether `words` (nearest first) end with `phrase` (written in reading order), ignoring
/// ASCII case: `ends_with_phrase(&["of", "end", "the"], "the end of")`.
pub fn ends_with_phrase(words: &[&str], phrase: &str) -> bool {
    // Most calls fail on the nearest word: compare it first, byte by byte.
    let Some(nearest) = words.first() else {
        return false;
    };
    let (p, n) = (phrase.as_bytes(), nearest.as_bytes());
    let Some(cut) = p.len().checked_sub(n.len()) else {
        return false;
    };
    if !p[cut..].eq_ignore_ascii_case(n) || (cut > 0 && p[cut - 1] != b' ') {
        return false;
    }
    let len = phrase.matches(' ').count() + 1;
    words.len() >= len
        && phrase
            .rsplit(' ')
            .zip(words)
            .all(|(w, have)| w.eq_ignore_ascii_case(have))
}

/// Whether `text` may speak of a span of years or a Five-Year Plan: it holds "year",
/// "decade" or "FYP" (in lower or upper case, "ear" and "ecade" suffice) or 五. A cheap gate
/// (substring search) so the extractors that need these words can skip most texts.
pub fn mentions_years(text: &str) -> bool {
    ["ear", "EAR", "ecade", "ECADE", "FYP", "fyp", "五"]
        .iter()
        .any(|n| text.contains(n))
}

/// The byte offset of `part` in `text`, when `part` is a slice of `text` (else 0).
pub fn offset_in(text: &str, part: &str) -> usize {
    let start = text.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    if at >= start && at + part.len() <= start + text.len() {
        at - start
    } else {
        0
    }
}

/// The character before byte `pos`, if any.
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character at byte `pos`, if any.
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The 4-digit number at `start..start + 4` if it is a year from 1900 to 2100 standing on
/// its own (no digit, letter or decimal point glued to it).
pub fn year_at(text: &str, start: usize) -> Option<i32> {
    let digits = text.get(start..start + 4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let glued = |c: Option<char>| c.is_some_and(|c| is_word_char(c) && !is_han(c));
    if glued(char_before(text, start)) || glued(char_at(text, start + 4)) {
        return None;
    }
    // "1,2025" or "3.2025" are not years.
    let before = text.get(..start).unwrap_or("");
    if (before.ends_with('.') || before.ends_with(','))
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let after = &text[start + 4..];
    if (after.starts_with('.') || after.starts_with(','))
        && after[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

/// Byte offsets of every standalone year in `text`.
pub fn years(text: &str) -> impl Iterator<Item = (usize, i32)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    // ASCII digits are whole characters, so their offsets are char boundaries.
    std::iter::from_fn(move || {
        loop {
            let start = i + bytes.get(i..)?.iter().position(u8::is_ascii_digit)?;
            let run = bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_digit())
                .unwrap_or(bytes.len() - start);
            i = start + run;
            if run == 4
                && let Some(y) = year_at(text, start)
            {
                return Some((start, y));
            }
        }
    })
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// A month name or its abbreviation, any case.
pub fn is_month(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// The number of a month named in full or abbreviated, any case: "June", "jun" → 6.
pub fn month_number(word: &str) -> Option<u32> {
    if !is_month(word) {
        return None;
    }
    // Every name and abbreviation starts with the first three letters of the full name.
    let head = word.get(..3)?;
    let i = MONTHS[..12]
        .iter()
        .position(|m| m[..3].eq_ignore_ascii_case(head))?;
    u32::try_from(i + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_neighbours() {
        let t = "Huawei’s arm, by 2030. Then";
        let w: Vec<&str> = words(t).map(|(_, w)| w).collect();
        assert_eq!(w, ["Huawei", "s", "arm", "by", "2030", "Then"]);
        let pos = t.find("2030").unwrap();
        assert_eq!(words_before(t, pos, 2), ["by", "arm"]);
        assert_eq!(words_after(t, pos, 3), [(pos, "2030")]);
        assert!(ends_with_phrase(&["of", "end", "the", "by"], "the end of"));
        assert!(!ends_with_phrase(&["of"], "the end of"));
        assert_eq!(words_before("x", 99, 2), Vec::<&str>::new());
    }

    #[test]
    fn standalone_years() {
        let t = "in 2025, 12025, A2025, 2025年, 1.2025, (2021-2023)";
        let found: Vec<i32> = years(t).map(|(_, y)| y).collect();
        assert_eq!(found, [2025, 2025, 2021, 2023]);
        assert_eq!(years("COVID-2019x 1899 2101").count(), 0);
    }

    #[test]
    fn month_numbers() {
        let found: Vec<Option<u32>> = ["January", "may", "JUN", "Sept", "sep", "oct", "Dec", "x"]
            .iter()
            .map(|w| month_number(w))
            .collect();
        assert_eq!(
            found,
            [
                Some(1),
                Some(5),
                Some(6),
                Some(9),
                Some(9),
                Some(10),
                Some(12),
                None
            ]
        );
    }

    #[test]
    fn boundaries() {
        assert_eq!(char_before("a医", 4), Some('医'));
        assert_eq!(char_at("a医", 2), None);
    }
}
