//! The line cursor: splits text into numbered lines and undoes Markdown decoration.
//!
//! Handles a byte-order mark, LF, CRLF and lone CR line endings, trailing spaces and tabs.

use std::borrow::Cow;

/// One line of input, already cleaned for matching.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number in the original text.
    pub no: usize,
    /// The text, trimmed at both ends, with Markdown markup removed.
    pub text: Cow<'a, str>,
    /// The line was a Markdown heading (`# …`).
    pub heading: bool,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Splits `text` into lines; the result has one entry per line of the original.
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::with_capacity(text.len() / 40 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(clean(out.len() + 1, &text[start..i]));
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push(clean(out.len() + 1, &text[start..i]));
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(clean(out.len() + 1, &text[start..]));
    }
    out
}

fn clean(no: usize, raw: &str) -> Line<'_> {
    let mut text = raw.trim_matches(is_space);
    while let Some(rest) = text.strip_prefix('>') {
        text = rest.trim_start_matches(is_space);
    }
    let hashes = text.len() - text.trim_start_matches('#').len();
    let heading =
        (1..=6).contains(&hashes) && text[hashes..].starts_with(|c: char| c.is_whitespace());
    if heading {
        text = text[hashes..].trim_start_matches(is_space);
    }
    Line {
        no,
        text: strip_inline_markup(text),
        heading,
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Removes `**bold**`, `__bold__` and turns `[text](url)` into `text`.
fn strip_inline_markup(text: &str) -> Cow<'_, str> {
    if !text.contains("**") && !text.contains("__") && !text.contains("](") {
        return Cow::Borrowed(text);
    }
    let without_bold = text.replace("**", "").replace("__", "");
    let mut out = String::with_capacity(without_bold.len());
    let mut rest = without_bold.as_str();
    while let Some(open) = rest.find('[') {
        let Some(link) = markdown_link(&rest[open..]) else {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        out.push_str(&rest[..open]);
        out.push_str(link.label);
        rest = &rest[open + link.len..];
    }
    out.push_str(rest);
    Cow::Owned(out.trim().to_owned())
}

struct MarkdownLink<'a> {
    label: &'a str,
    len: usize,
}

/// Reads `[label](target)` at the start of `s`.
fn markdown_link(s: &str) -> Option<MarkdownLink<'_>> {
    let close = s.find("](")?;
    let label = &s[1..close];
    if label.contains(['[', ']']) {
        return None;
    }
    let target_end = s[close + 2..].find(')')?;
    let target = &s[close + 2..close + 2 + target_end];
    if target.contains(char::is_whitespace) {
        return None;
    }
    Some(MarkdownLink {
        label,
        len: close + 2 + target_end + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        split_lines(s)
            .into_iter()
            .map(|l| l.text.into_owned())
            .collect()
    }

    #[test]
    fn every_line_ending_counts_once() {
        assert_eq!(texts("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(texts("a\r\n\r\nb\n"), ["a", "", "b"]);
        let numbers: Vec<usize> = split_lines("x\r\n\r\ny").iter().map(|l| l.no).collect();
        assert_eq!(numbers, [1, 2, 3]);
    }

    #[test]
    fn bom_trailing_space_and_tabs_go() {
        assert_eq!(texts("\u{feff}Title  \n\t• point\t "), ["Title", "• point"]);
    }

    #[test]
    fn markdown_decoration_goes() {
        let lines =
            split_lines("## 1. Headline\n**At a glance:** text\n> quoted [Link](https://x.y/z)");
        assert!(lines[0].heading);
        assert_eq!(lines[0].text, "1. Headline");
        assert_eq!(lines[1].text, "At a glance: text");
        assert_eq!(lines[2].text, "quoted Link");
        assert!(!split_lines("#hashtag")[0].heading);
    }

    #[test]
    fn brackets_that_are_not_links_stay() {
        assert_eq!(texts("a [b] (c) **d**"), ["a [b] (c) d"]);
    }
}
