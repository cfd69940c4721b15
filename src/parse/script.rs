//! Telling Chinese from Latin text, and trimming brackets left unbalanced.

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

fn pair_of_opener(c: char) -> Option<usize> {
    PAIRS.iter().position(|(o, _)| *o == c)
}

fn pair_of_closer(c: char) -> Option<usize> {
    PAIRS.iter().position(|(_, close)| *close == c)
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
    for (i, c) in s.char_indices() {
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

/// Trims whitespace, and brackets at either end that have no partner:
/// "(医疗装备规划(2021年)" gives "医疗装备规划(2021年)".
///
/// Dropping a bracket without a partner leaves the other pairs as they were, so the lone
/// brackets are found once: a long run of them takes linear time.
pub fn trim_unbalanced(s: &str) -> &str {
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

/// Byte index of the `(` that closes with the `)` ending `s`, if `s` ends with `)`.
pub fn trailing_group_start(s: &str) -> Option<usize> {
    let close = s.chars().next_back()?;
    let open = match close {
        ')' => '(',
        '）' => '（',
        _ => return None,
    };
    let mut depth = 0usize;
    for (i, c) in s.char_indices().rev() {
        if c == close {
            depth += 1;
        } else if c == open {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

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
    fn long_runs_of_lone_brackets() {
        // Linear: this once took seconds.
        assert_eq!(trim_unbalanced(&"(".repeat(20_000)), "");
        let s = format!("{}x{}", "(".repeat(20_000), "》".repeat(20_000));
        assert_eq!(trim_unbalanced(&s), "x");
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
