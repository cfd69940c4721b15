//! Telling Chinese from Latin text, and trimming brackets left unbalanced.

use super::trim::trim;

/// A Han character or CJK punctuation such as 《》、。
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// The byte index of the first [`is_cjk`] character in `s`. Every such character is three or
/// four bytes long with a lead byte of at least `E2`, so only those bytes are decoded.
pub fn find_cjk(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(rel) = bytes[from..].iter().position(|&b| b >= 0xe2) {
        let at = from + rel;
        let c = s[at..].chars().next()?;
        if is_cjk(c) {
            return Some(at);
        }
        from = at + c.len_utf8();
    }
    None
}

/// A Han character (not punctuation).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

const PAIRS: &[(char, char)] = &[
    ('(', ')'),
    ('（', '）'),
    ('《', '》'),
    ('[', ']'),
    ('【', '】'),
    ('〔', '〕'),
    ('“', '”'),
    ('「', '」'),
];

/// The index in [`PAIRS`] of the pair `c` opens.
fn pair_of_opener(c: char) -> Option<usize> {
    match c {
        '(' => Some(0),
        '（' => Some(1),
        '《' => Some(2),
        '[' => Some(3),
        '【' => Some(4),
        '〔' => Some(5),
        '“' => Some(6),
        '「' => Some(7),
        _ => None,
    }
}

/// The index in [`PAIRS`] of the pair `c` closes.
fn pair_of_closer(c: char) -> Option<usize> {
    match c {
        ')' => Some(0),
        '）' => Some(1),
        '》' => Some(2),
        ']' => Some(3),
        '】' => Some(4),
        '〕' => Some(5),
        '”' => Some(6),
        '」' => Some(7),
        _ => None,
    }
}

/// Byte positions of brackets in `s` that have no partner. A closer pairs with the nearest
/// open bracket of its kind; openers above that one were never closed.
///
/// Linear: a closer whose kind is not open is lone at once (`open` counts each kind on the
/// stack), and every other search ends at its partner, draining what it passed.
fn unmatched(s: &str) -> Vec<usize> {
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut open = [0usize; PAIRS.len()];
    let mut lone = Vec::new();
    for (i, c) in brackets(s) {
        if let Some(kind) = pair_of_opener(c) {
            stack.push((i, kind));
            open[kind] += 1;
        } else if let Some(kind) = pair_of_closer(c) {
            if open[kind] == 0 {
                lone.push(i);
                continue;
            }
            while let Some((at, top)) = stack.pop() {
                open[top] -= 1;
                if top == kind {
                    break;
                }
                lone.push(at);
            }
        }
    }
    lone.extend(stack.into_iter().map(|(i, _)| i));
    lone.sort_unstable();
    lone
}

/// The characters of `s` that may be brackets, with their byte positions. Every bracket is
/// ASCII or starts with byte E2, E3 or EF: only those are decoded.
fn brackets(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = s.as_bytes();
    let may_be_bracket = |b: u8| matches!(b, b'(' | b')' | b'[' | b']' | 0xe2 | 0xe3 | 0xef);
    (0..bytes.len())
        .filter(move |&i| may_be_bracket(bytes[i]))
        .filter_map(|i| Some((i, s[i..].chars().next()?)))
}

/// How deep [`is_nested`] follows brackets.
const NESTING: usize = 16;

/// Whether every closing bracket of `s` closes the innermost open one, of its own kind, and
/// every opened one is closed: then [`unmatched`] finds no bracket without a partner. Text
/// nested deeper than [`NESTING`] counts as not nested (it is left to [`unmatched`]). Needs no
/// allocation, unlike [`unmatched`].
fn is_nested(s: &str) -> bool {
    let mut open = [0usize; NESTING];
    let mut depth = 0;
    for (_, c) in brackets(s) {
        if let Some(kind) = pair_of_opener(c) {
            if depth == NESTING {
                return false;
            }
            open[depth] = kind;
            depth += 1;
        } else if let Some(kind) = pair_of_closer(c) {
            if depth == 0 || open[depth - 1] != kind {
                return false;
            }
            depth -= 1;
        }
    }
    depth == 0
}

/// Trims whitespace, and brackets at either end that have no partner:
/// "(医疗装备规划(2021年)" gives "医疗装备规划(2021年)".
///
/// Dropping a bracket without a partner leaves the other pairs as they were, so the lone
/// brackets are found once: a long run of them takes linear time.
pub fn trim_unbalanced(s: &str) -> &str {
    let trimmed = trim(s);
    let is_bracket = |c: char| pair_of_opener(c).is_some() || pair_of_closer(c).is_some();
    // Only a bracket can be lone: without one at either end, or with every bracket paired,
    // there is nothing to trim.
    if !trimmed.starts_with(is_bracket) && !trimmed.ends_with(is_bracket) || is_nested(s) {
        return trimmed;
    }
    let lone = unmatched(s);
    let is_lone = |i: usize| lone.binary_search(&i).is_ok();
    let (mut start, mut end) = (0, s.len());
    loop {
        let rest = s[start..end].trim_start();
        start = end - rest.len();
        end = start + rest.trim_end().len();
        let first = s[start..end].chars().next();
        let last = s[start..end].char_indices().next_back();
        if let Some(c) = first.filter(|_| is_lone(start)) {
            start += c.len_utf8();
        } else if let Some((i, _)) = last.filter(|(i, _)| is_lone(start + i)) {
            end = start + i;
        } else {
            return &s[start..end];
        }
    }
}

/// The byte index of the first `a` (ASCII) or `b` in `text` at or after `from`: a byte search
/// for `a` and for the last byte of `b`, which is then checked. Short texts are searched byte
/// by byte, long ones with `memchr`.
pub fn find_either(text: &str, from: usize, a: char, b: char) -> Option<usize> {
    debug_assert!(a.is_ascii());
    let bytes = text.as_bytes();
    let mut buf = [0u8; 4];
    let wide = b.encode_utf8(&mut buf).as_bytes();
    let (a, last) = (a as u8, wide[wide.len() - 1]);
    let hit = |i: usize| {
        if bytes[i] == a {
            Some(i)
        } else {
            let start = (i + 1).checked_sub(wide.len())?;
            (start >= from && &bytes[start..=i] == wide).then_some(start)
        }
    };
    let rest = &bytes[from..];
    if rest.len() < 64 {
        let mut i = 0;
        while let Some(k) = rest[i..].iter().position(|&c| c == a || c == last) {
            if let Some(at) = hit(from + i + k) {
                return Some(at);
            }
            i += k + 1;
        }
        None
    } else {
        memchr::memchr2_iter(a, last, rest).find_map(|i| hit(from + i))
    }
}

/// The byte index of every `a` (ASCII) or `b` in `text`, in order: what [`find_either`]
/// finds when asked again after each one, with one byte search for the whole text.
pub fn find_all_either(text: &str, a: char, b: char) -> impl Iterator<Item = usize> + '_ {
    debug_assert!(a.is_ascii());
    let bytes = text.as_bytes();
    let mut wide = [0u8; 4];
    let wide_len = b.encode_utf8(&mut wide).len();
    let (a, last) = (a as u8, wide[wide_len - 1]);
    memchr::memchr2_iter(a, last, bytes).filter_map(move |i| {
        if bytes[i] == a {
            return Some(i);
        }
        let start = (i + 1).checked_sub(wide_len)?;
        (bytes[start..=i] == wide[..wide_len]).then_some(start)
    })
}

/// Byte index of the `(` that closes with the `)` ending `s`, if `s` ends with `)`.
///
/// Searches bytes from the end for the last bytes of the two brackets, each match checked.
pub fn trailing_group_start(s: &str) -> Option<usize> {
    let (open, close) = match s.chars().next_back()? {
        ')' => ("(", ")"),
        '）' => ("（", "）"),
        _ => return None,
    };
    let (open, close) = (open.as_bytes(), close.as_bytes());
    let (open_last, close_last) = (open[open.len() - 1], close[close.len() - 1]);
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    // Called at each candidate from the end: the opening bracket's index once found.
    // An ASCII bracket is its own last byte: the candidate byte is the whole test.
    let is_at = |pat: &[u8], i: usize| {
        if pat.len() == 1 {
            bytes[i] == pat[0]
        } else {
            bytes[..=i].ends_with(pat)
        }
    };
    let mut step = |i: usize| {
        if is_at(close, i) {
            depth += 1;
        } else if is_at(open, i) {
            depth -= 1;
            if depth == 0 {
                return Some(i + 1 - open.len());
            }
        }
        None
    };
    // The group is almost always near the end, where brackets are dense: the bytes there
    // are read one by one (a vector search costs tens of instructions per bracket), the
    // rest of a long text with the vector search.
    let near = bytes.len().saturating_sub(NEAR_END);
    let mut end = bytes.len();
    while let Some(k) = bytes[near..end]
        .iter()
        .rposition(|&b| b == open_last || b == close_last)
    {
        if let Some(at) = step(near + k) {
            return Some(at);
        }
        end = near + k;
    }
    memchr::memrchr2_iter(open_last, close_last, &bytes[..near]).find_map(step)
}

/// How many bytes at the end of a text [`trailing_group_start`] reads one by one.
const NEAR_END: usize = 256;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script() {
        assert!(is_cjk('医') && is_cjk('《') && is_cjk('，'));
        assert!(is_han('医') && !is_han('《'));
        assert!(!is_cjk('a') && !is_cjk('“'));
    }

    #[test]
    fn pair_tables_agree() {
        for (k, (open, close)) in PAIRS.iter().enumerate() {
            assert_eq!(pair_of_opener(*open), Some(k));
            assert_eq!(pair_of_closer(*close), Some(k));
        }
        assert_eq!(pair_of_opener(')'), None);
        assert_eq!(pair_of_closer('x'), None);
    }

    #[test]
    fn first_cjk_character() {
        for s in [
            "",
            "plain",
            "“quoted” (x) 《书》",
            "a “b” 医疗",
            "ä € 、",
            "\u{2e7f}\u{2e80}",
        ] {
            assert_eq!(find_cjk(s), s.find(is_cjk), "{s:?}");
        }
    }

    #[test]
    fn unbalanced_ends() {
        assert_eq!(
            trim_unbalanced("(医疗(2021年)(征求意见稿)"),
            "医疗(2021年)(征求意见稿)"
        );
        assert_eq!(
            trim_unbalanced("(《计划(2021年)》解读)"),
            "(《计划(2021年)》解读)"
        );
        assert_eq!(
            trim_unbalanced("《计划(2021年)》解读)"),
            "《计划(2021年)》解读"
        );
        assert_eq!(trim_unbalanced(" Plan (2021) ("), "Plan (2021)");
        assert_eq!(trim_unbalanced("a ( b"), "a ( b");
        assert_eq!(trim_unbalanced(" ( （ x ) ）》 "), "( （ x )");
        assert_eq!(trim_unbalanced("(("), "");
        assert_eq!(trim_unbalanced(""), "");
    }

    #[test]
    fn nested_text_has_no_lone_brackets() {
        for s in [
            "",
            "plain",
            "(a [b] 《c》) “d”",
            "（医疗(2021年)）",
            "(((((((((((((((((x)))))))))))))))))",
            "(a",
            "a)",
            "(a]",
            "([)]",
            "“a“",
        ] {
            if is_nested(s) {
                assert!(unmatched(s).is_empty(), "{s:?}");
            } else {
                assert!(!unmatched(s).is_empty() || s.contains("((((("), "{s:?}");
            }
        }
    }

    #[test]
    fn long_runs_of_lone_brackets() {
        // Linear: this once took seconds.
        assert_eq!(trim_unbalanced(&"(".repeat(20_000)), "");
        let s = format!("{}x{}", "(".repeat(20_000), "》".repeat(20_000));
        assert_eq!(trim_unbalanced(&s), "x");
    }

    #[test]
    fn all_either_is_find_either_repeated() {
        for s in ["", "(a) （b） ((c", "（", "x（y(z）", "中文（注）and (x)"] {
            let mut repeated = Vec::new();
            let mut from = 0;
            while let Some(at) = find_either(s, from, '(', '（') {
                repeated.push(at);
                from = at + s[at..].chars().next().map_or(1, char::len_utf8);
            }
            assert_eq!(
                find_all_either(s, '(', '（').collect::<Vec<_>>(),
                repeated,
                "{s:?}"
            );
        }
    }

    #[test]
    fn trailing_group() {
        let s = "text (NEA letter (CN); Reuters (EN))";
        assert_eq!(
            &s[trailing_group_start(s).unwrap()..],
            "(NEA letter (CN); Reuters (EN))"
        );
        assert_eq!(trailing_group_start("no group"), None);
        assert_eq!(trailing_group_start("broken)"), None);
    }
}
