//! The line cursor: splits text into numbered lines and undoes Markdown decoration.
//!
//! Handles a byte-order mark, LF, CRLF and lone CR line endings, trailing spaces and tabs.

use std::borrow::Cow;

use super::trim::{trim_start_with, trim_with};

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
pub fn split_lines<'a>(text: &'a str) -> Vec<Line<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    // Where "**", "__" and "](" start, found in one pass over the whole text (they are rare,
    // and no line ending is part of one, so each lies within a line).
    let mut markup = memchr::memchr3_iter(b'*', b'_', b']', bytes)
        .filter(|&i| is_markup_at(bytes, i))
        .peekable();
    let mut line = |out: &mut Vec<Line<'a>>, start: usize, end: usize| {
        while markup.next_if(|&i| i < start).is_some() {}
        let has_markup = markup.peek().is_some_and(|&i| i < end);
        out.push(clean(out.len() + 1, &text[start..end], has_markup));
    };
    let mut start = 0;
    let mut at_end = |end: usize| {
        if end < start {
            // The "\n" of a "\r\n".
            return;
        }
        line(&mut out, start, end);
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
    };
    // Most texts have no "\r" at all; one quick look for it lets them be split with the
    // cheaper one-byte search, line by line.
    if memchr::memchr(b'\r', bytes).is_some() {
        memchr::memchr2_iter(b'\n', b'\r', bytes).for_each(&mut at_end);
    } else {
        memchr::memchr_iter(b'\n', bytes).for_each(&mut at_end);
    }
    if start < bytes.len() {
        line(&mut out, start, bytes.len());
    }
    out
}

/// Whether "**", "__" or "](" starts at byte `i`.
fn is_markup_at(bytes: &[u8], i: usize) -> bool {
    let next = bytes.get(i + 1).copied();
    match bytes[i] {
        b']' => next == Some(b'('),
        c => next == Some(c),
    }
}

/// Cleans one line; `has_markup` says whether it holds "**", "__" or "](".
fn clean(no: usize, raw: &str, has_markup: bool) -> Line<'_> {
    // Most lines start and end with printable ASCII that is neither a space nor markup.
    let bytes = raw.as_bytes();
    let plain = |b: &u8| *b > b' ' && *b < 0x80;
    if bytes.is_empty()
        || !has_markup
            && bytes
                .first()
                .is_some_and(|b| plain(b) && *b != b'>' && *b != b'#')
            && bytes.last().is_some_and(plain)
    {
        return Line {
            no,
            text: Cow::Borrowed(raw),
            heading: false,
        };
    }
    let mut text = trim_with(raw, is_space);
    while let Some(rest) = text.strip_prefix('>') {
        text = trim_start_with(rest, is_space);
    }
    let hashes = text.len() - text.trim_start_matches('#').len();
    let heading =
        (1..=6).contains(&hashes) && text[hashes..].starts_with(|c: char| c.is_whitespace());
    if heading {
        text = trim_start_with(&text[hashes..], is_space);
    }
    let text = if has_markup {
        strip_inline_markup(text)
    } else {
        Cow::Borrowed(text)
    };
    Line { no, text, heading }
}

/// Whitespace, a byte-order mark or a zero-width space. Among ASCII characters it accepts
/// just the whitespace, as the fast trims of [`super::trim`] require.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Removes `**bold**`, `__bold__` and turns `[text](url)` into `text`.
///
/// Linear in the line: the searches a link needs (for "](", brackets, ")" and spaces) only
/// move forward, so each remembers what it found last.
fn strip_inline_markup(text: &str) -> Cow<'_, str> {
    let s = text.replace("**", "").replace("__", "");
    let mut out = String::with_capacity(s.len());
    let mut links = Links::new(&s);
    // `s[..copied]` is in `out` already; the next "[" is looked for from `from`.
    let (mut copied, mut from) = (0, 0);
    while let Some(open) = s[from..].find('[').map(|i| from + i) {
        match links.at(open) {
            Some((label_end, end)) => {
                out.push_str(&s[copied..open]);
                out.push_str(&s[open + 1..label_end]);
                (copied, from) = (end, end);
            }
            None => from = open + 1,
        }
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out.trim().to_owned())
}

/// The first match at or after a position, remembered: a later question from a position no
/// further than the answer has the same answer.
struct NextMatch {
    from: usize,
    found: Option<Option<usize>>,
}

impl NextMatch {
    fn new() -> Self {
        Self {
            from: 0,
            found: None,
        }
    }

    fn at(&mut self, p: usize, search: impl FnOnce(usize) -> Option<usize>) -> Option<usize> {
        match self.found {
            Some(found) if p >= self.from && found.is_none_or(|at| at >= p) => found,
            _ => {
                let found = search(p);
                (self.from, self.found) = (p, Some(found));
                found
            }
        }
    }
}

/// Reads `[label](target)` links in one text, asked at increasing positions.
struct Links<'s> {
    s: &'s str,
    close: NextMatch,
    bracket: NextMatch,
    paren: NextMatch,
    space: NextMatch,
}

impl<'s> Links<'s> {
    fn new(s: &'s str) -> Self {
        Self {
            s,
            close: NextMatch::new(),
            bracket: NextMatch::new(),
            paren: NextMatch::new(),
            space: NextMatch::new(),
        }
    }

    /// For the "[" at `open`: where its label ends (the "](") and where the link ends, if a
    /// link starts there: the label has no brackets, the target no whitespace.
    fn at(&mut self, open: usize) -> Option<(usize, usize)> {
        let s = self.s;
        let find = |p: usize, pat: &dyn Fn(&str) -> Option<usize>| pat(&s[p..]).map(|i| p + i);
        let close = self.close.at(open, |p| find(p, &|t| t.find("](")))?;
        let bracket = self
            .bracket
            .at(open + 1, |p| find(p, &|t| t.find(['[', ']'])));
        if bracket.is_some_and(|b| b < close) {
            return None;
        }
        let target = close + 2;
        let paren = self.paren.at(target, |p| find(p, &|t| t.find(')')))?;
        let space = self
            .space
            .at(target, |p| find(p, &|t| t.find(char::is_whitespace)));
        if space.is_some_and(|w| w < paren) {
            return None;
        }
        Some((close, paren + 1))
    }
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
    fn links_among_brackets_and_spaces() {
        assert_eq!(
            texts("[a [b](c) d](e) [f](g h) [i]](j) x](y)"),
            ["[a b d](e) [f](g h) [i]](j) x](y)"]
        );
        assert_eq!(texts("[[a](b)](c)"), ["[a](c)"]);
        assert_eq!(texts("**[a](b)** and [c](d)"), ["a and c"]);
    }

    #[test]
    fn long_runs_of_brackets_stay_linear() {
        // Each "[" once searched to the end of the line: seconds for this line.
        let line = format!("{}](x y){}", "[".repeat(50_000), "[a](b c ".repeat(20_000));
        let text = &split_lines(&line)[0].text;
        assert!(text.starts_with("[[[") && text.ends_with("[a](b c"));
    }

    #[test]
    fn brackets_that_are_not_links_stay() {
        assert_eq!(texts("a [b] (c) **d**"), ["a [b] (c) d"]);
    }
}
