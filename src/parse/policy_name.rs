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

/// The markers [`drop_link_markers`] removes, each with the byte offset of its "ink".
const LINK_MARKERS: [(&str, usize); 5] = [
    ("(Link)", 2),
    ("(link)", 2),
    ("[Link]", 2),
    ("[link]", 2),
    ("（Link）", 4),
];

/// Removes "(Link)", "[Link]" and a trailing bare "Link". Borrows `raw` unless a marker
/// inside it has to be cut out.
fn drop_link_markers(raw: &str) -> Cow<'_, str> {
    // Every marker holds "ink" (at the byte offset given with it): most names need no
    // replacing at all, and the others are checked only where "ink" is.
    let mut inks = ink_positions(raw.as_bytes());
    let Some(first) = inks.next() else {
        return Cow::Borrowed(cut_bare_link(raw));
    };
    // The usual name has one marker, at its end: what is before it is kept as it is.
    if inks.next().is_none()
        && let Some(kept) = before_final_marker(raw, first)
    {
        return Cow::Borrowed(cut_bare_link(kept));
    }
    let mut text = Cow::Borrowed(raw);
    for (marker, offset) in LINK_MARKERS {
        let bytes = text.as_bytes();
        let found = ink_positions(bytes).any(|at| {
            at.checked_sub(offset)
                .is_some_and(|start| bytes[start..].starts_with(marker.as_bytes()))
        });
        if found {
            text = Cow::Owned(text.replace(marker, ""));
        }
    }
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(cut_bare_link(text)),
        Cow::Owned(mut text) => {
            let kept = cut_bare_link(&text);
            let start = kept.as_ptr() as usize - text.as_ptr() as usize;
            let end = start + kept.len();
            text.truncate(end);
            text.drain(..start);
            Cow::Owned(text)
        }
    }
}

/// Where "ink" starts in `bytes`: a byte search for its rare "k".
fn ink_positions(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'k', bytes)
        .filter(|&k| k >= 2 && &bytes[k - 2..k] == b"in")
        .map(|k| k - 2)
}

/// The text before a marker whose "ink" is at `ink` and that only whitespace follows, if
/// there is one. When it holds the only "ink" of `raw`, cutting it off is what replacing
/// every marker does.
fn before_final_marker(raw: &str, ink: usize) -> Option<&str> {
    let end = trim_end(raw).len();
    LINK_MARKERS.iter().find_map(|(marker, offset)| {
        let start = ink.checked_sub(*offset)?;
        let at_end = start + marker.len() == end;
        (at_end && raw.as_bytes()[start..].starts_with(marker.as_bytes())).then(|| &raw[..start])
    })
}

/// Trims `text` and drops a trailing bare " Link".
fn cut_bare_link(text: &str) -> &str {
    let trimmed = trim_end(text);
    let trimmed = trimmed
        .strip_suffix(" Link")
        .or_else(|| trimmed.strip_suffix(" link"))
        .unwrap_or(trimmed);
    trim(trimmed)
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
    fn link_markers_anywhere() {
        for (raw, kept) in [
            ("Plan (Link)  ", "Plan"),
            ("Plan [link]", "Plan"),
            ("Plan （Link）", "Plan"),
            ("Plan (Link) (Link)", "Plan"),
            ("Plan (Link) draft", "Plan  draft"),
            ("Linking Plan (Link)", "Linking Plan"),
            ("Plan Link", "Plan"),
            ("Plan (Link) Link", "Plan"),
            ("Plan (Links)", "Plan (Links)"),
            ("中文ink (Link)", "中文ink"),
        ] {
            assert_eq!(drop_link_markers(raw), kept, "{raw:?}");
        }
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
