//! Splitting "Policy name:" into its English and Chinese names, by script.
//!
//! Brackets in real briefs are not reliable (one of the sample's names never closes its outer
//! bracket), so the split follows where the Chinese text begins and ends.

use std::borrow::Cow;

use super::script::{find_cjk, is_cjk, trailing_group_start, trim_unbalanced};
use super::trim::{trim, trim_end};

/// The two names of a policy document.
#[derive(Debug, PartialEq, Eq)]
pub struct PolicyNames {
    pub english: String,
    pub chinese: Option<String>,
}

/// Splits `raw` (the text after "Policy name:") into its names, dropping "(Link)".
pub fn split_policy_name(raw: &str) -> PolicyNames {
    let text = drop_link_markers(raw);
    let Some(first) = find_cjk(&text) else {
        return PolicyNames {
            english: strip_wrapping(trim_unbalanced(&text)).to_owned(),
            chinese: None,
        };
    };
    // Take in the brackets that open right before the Chinese text.
    let start = text[..first]
        .char_indices()
        .rev()
        .take_while(|(_, c)| matches!(c, '(' | '（' | '[' | '【' | '“' | '"' | '「'))
        .last()
        .map_or(first, |(i, _)| i);
    let last = text
        .char_indices()
        .rev()
        .find(|(_, c)| is_cjk(*c))
        .map_or(first, |(i, c)| i + c.len_utf8());
    // …and what closes after it: brackets, digits, spaces, up to the next Latin word or opener.
    let end = text[last..]
        .char_indices()
        .find(|(_, c)| c.is_ascii_alphabetic() || matches!(c, '(' | '[' | '“'))
        .map_or(text.len(), |(i, _)| last + i);
    let chinese = strip_wrapping(trim_unbalanced(&text[start..end]));
    let before = trim_unbalanced(&text[..start]);
    let after = trim_unbalanced(&text[end..]);
    let english = match (before.is_empty(), after.is_empty()) {
        (false, false) => format!("{before} {after}"),
        (false, true) => before.to_owned(),
        (true, _) => strip_wrapping(after).to_owned(),
    };
    PolicyNames {
        english,
        chinese: (!chinese.is_empty()).then(|| chinese.to_owned()),
    }
}

/// Removes "(Link)", "[Link]" and a trailing bare "Link". Borrows `raw` unless a marker
/// inside it has to be cut out.
fn drop_link_markers(raw: &str) -> Cow<'_, str> {
    let mut text = Cow::Borrowed(raw);
    // Every marker holds "ink" (at the byte offset given with it): most names need no
    // replacing at all, and the others are checked only where "ink" is, with one searcher
    // instead of a substring search per marker.
    let ink = memchr::memmem::Finder::new("ink");
    if ink.find(raw.as_bytes()).is_some() {
        for (marker, offset) in [
            ("(Link)", 2),
            ("(link)", 2),
            ("[Link]", 2),
            ("[link]", 2),
            ("（Link）", 4),
        ] {
            let bytes = text.as_bytes();
            let found = ink.find_iter(bytes).any(|at| {
                at.checked_sub(offset)
                    .is_some_and(|start| bytes[start..].starts_with(marker.as_bytes()))
            });
            if found {
                text = Cow::Owned(text.replace(marker, ""));
            }
        }
    }
    let cut = |text: &str| -> (usize, usize) {
        let trimmed = trim_end(text);
        let trimmed = trimmed
            .strip_suffix(" Link")
            .or_else(|| trimmed.strip_suffix(" link"))
            .unwrap_or(trimmed);
        let kept = trim(trimmed);
        let start = kept.as_ptr() as usize - text.as_ptr() as usize;
        (start, start + kept.len())
    };
    let (start, end) = cut(&text);
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(&text[start..end]),
        Cow::Owned(mut text) => {
            text.truncate(end);
            text.drain(..start);
            Cow::Owned(text)
        }
    }
}

/// "(x)" gives "x" when the outer brackets belong together.
fn strip_wrapping(s: &str) -> &str {
    if trailing_group_start(s) == Some(0) {
        let open = s.chars().next().map_or(1, char::len_utf8);
        let close = s.chars().next_back().map_or(1, char::len_utf8);
        s[open..s.len() - close].trim()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(raw: &str) -> (String, Option<String>) {
        let names = split_policy_name(raw);
        (names.english, names.chinese)
    }

    #[test]
    fn chinese_in_balanced_brackets() {
        assert_eq!(
            split("Notice on Projects (关于项目的通知) (Link)"),
            ("Notice on Projects".into(), Some("关于项目的通知".into()))
        );
    }

    #[test]
    fn chinese_with_guillemets_and_suffix() {
        assert_eq!(
            split(
                "Interpretation of the “Plan (2021-2023)” (《行动计划(2021-2023年)》解读) (Link)"
            ),
            (
                "Interpretation of the “Plan (2021-2023)”".into(),
                Some("《行动计划(2021-2023年)》解读".into())
            )
        );
    }

    #[test]
    fn outer_bracket_never_closed() {
        assert_eq!(
            split(
                "Some Plan (2021-2025) (Draft for Comments) (某规划(2021-2025年)(征求意见稿) (Link)"
            ),
            (
                "Some Plan (2021-2025) (Draft for Comments)".into(),
                Some("某规划(2021-2025年)(征求意见稿)".into())
            )
        );
    }

    #[test]
    fn chinese_first_or_absent() {
        assert_eq!(
            split("《数字规划》 (Digital Plan)"),
            ("Digital Plan".into(), Some("《数字规划》".into()))
        );
        assert_eq!(
            split("Plain English Plan (Link)"),
            ("Plain English Plan".into(), None)
        );
        assert_eq!(split("只有中文"), (String::new(), Some("只有中文".into())));
    }
}
