//! Splitting text into sentences, for the context of a target or figure.
//!
//! A sentence ends at a line break, at 。！？, or at `.`/`!`/`?` (and any closing quotes or
//! brackets) followed by a space and then a capital, a digit, an opening quote or CJK text.
//! A full stop after a known abbreviation ("e.g.", "Co.", "No.", "Feb.") or a single letter
//! ("U.S.") does not end one; a decimal point ("2.5") is never followed by a space.

use super::text::is_cjk;

/// The sentences of one text, split only when first asked for.
pub struct Sentences<'a> {
    text: &'a str,
    spans: std::cell::OnceCell<Vec<(usize, usize)>>,
}

impl<'a> Sentences<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            spans: std::cell::OnceCell::new(),
        }
    }

    /// The sentence that holds byte `pos`.
    pub fn at(&self, pos: usize) -> String {
        let spans = self.spans.get_or_init(|| sentence_spans(self.text));
        sentence_at(self.text, spans, pos)
    }
}

/// Words that end with a full stop without ending a sentence (compared ignoring case).
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "vs", "mr", "mrs", "ms", "dr", "prof", "no", "nos", "co", "corp", "inc", "ltd",
    "jr", "sr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "approx", "est", "dept", "gov", "govt", "fig", "art", "para", "cf", "al", "bn", "mn",
];

/// Byte spans of the sentences of `text`, trimmed; empty ones are skipped.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => Some(i),
            '。' | '！' | '？' => Some(i + c.len_utf8()),
            '.' | '!' | '?' if ends_sentence(text, i, c) => Some(i + 1),
            _ => None,
        };
        if let Some(mut end) = end {
            // Keep closing quotes and brackets with the sentence they close.
            while let Some(&(j, q)) = chars.peek() {
                if matches!(q, '"' | '”' | '’' | '\'' | ')' | '）' | '」' | '』') && c != '\n'
                {
                    end = j + q.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            push_trimmed(text, start, end, &mut spans);
            start = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// The sentence of `text` that holds byte `pos`, trimmed (the whole text if none does).
pub fn sentence_at(text: &str, spans: &[(usize, usize)], pos: usize) -> String {
    spans
        .iter()
        .find(|(s, e)| *s <= pos && pos < *e)
        .and_then(|&(s, e)| text.get(s..e))
        .unwrap_or(text.trim())
        .to_owned()
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let Some(part) = text.get(start..end) else {
        return;
    };
    let trimmed = part.trim_start();
    let s = start + (part.len() - trimmed.len());
    let e = s + trimmed.trim_end().len();
    if e > s {
        spans.push((s, e));
    }
}

/// Whether the `.`, `!` or `?` at byte `i` ends a sentence.
fn ends_sentence(text: &str, i: usize, stop: char) -> bool {
    let after = &text[i + 1..];
    let after = after.trim_start_matches(['"', '”', '’', '\'', ')', '）']);
    let Some(first) = after.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return false;
    }
    let next = after.trim_start().chars().next();
    let starts_new = next.is_none_or(|n| {
        n.is_uppercase() || n.is_ascii_digit() || is_cjk(n) || matches!(n, '"' | '“' | '‘' | '(')
    });
    if !starts_new {
        return false;
    }
    if stop != '.' {
        return true;
    }
    let head = &text[..i];
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(j, c)| j + c.len_utf8());
    let word = &head[word_start..];
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    let dotted = word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
    !(single_letter || dotted || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_spans(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn full_stops_and_abbreviations() {
        assert_eq!(
            split("Output rose 2.5 percent. The U.S. firm, e.g. Acme Co. Ltd, agreed. Done!"),
            [
                "Output rose 2.5 percent.",
                "The U.S. firm, e.g. Acme Co. Ltd, agreed.",
                "Done!"
            ]
        );
        assert_eq!(
            split("See No. 12 of the list. it goes on."),
            ["See No. 12 of the list. it goes on."]
        );
        assert_eq!(
            split("He said “it ends.” Then more."),
            ["He said “it ends.”", "Then more."]
        );
    }

    #[test]
    fn chinese_and_lines() {
        assert_eq!(
            split("到2025年，产业规模扩大。2030年前完成！\n\nNext line"),
            ["到2025年，产业规模扩大。", "2030年前完成！", "Next line"]
        );
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(split(" . . "), [". ."]);
    }

    #[test]
    fn sentence_of_a_position() {
        let t = "One here. Two there.";
        let spans = sentence_spans(t);
        assert_eq!(
            sentence_at(t, &spans, t.find("there").unwrap()),
            "Two there."
        );
        assert_eq!(sentence_at(t, &spans, 999), t);
    }
}
