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

fn opener_of(close: char) -> Option<char> {
    PAIRS.iter().find(|(_, c)| *c == close).map(|(o, _)| *o)
}

fn is_opener(c: char) -> bool {
    PAIRS.iter().any(|(o, _)| *o == c)
}

/// Byte positions of brackets in `s` that have no partner.
fn unmatched(s: &str) -> Vec<usize> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut lone = Vec::new();
    for (i, c) in s.char_indices() {
        if is_opener(c) {
            stack.push((i, c));
        } else if let Some(open) = opener_of(c) {
            match stack.iter().rposition(|(_, o)| *o == open) {
                Some(at) => {
                    // Openers above the partner were never closed.
                    lone.extend(stack.drain(at + 1..).map(|(i, _)| i));
                    stack.pop();
                }
                None => lone.push(i),
            }
        }
    }
    lone.extend(stack.into_iter().map(|(i, _)| i));
    lone.sort_unstable();
    lone
}

/// Trims whitespace, and brackets at either end that have no partner:
/// "(医疗装备规划(2021年)" gives "医疗装备规划(2021年)".
pub fn trim_unbalanced(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let lone = unmatched(s);
        let first_lone = lone.first().is_some_and(|&i| i == 0);
        let last_lone = lone.last().is_some_and(|&i| s[i..].chars().count() == 1);
        if first_lone {
            let c = s.chars().next().map_or(1, char::len_utf8);
            s = s[c..].trim();
        } else if last_lone {
            let c = s.chars().next_back().map_or(1, char::len_utf8);
            s = s[..s.len() - c].trim();
        } else {
            return s;
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
