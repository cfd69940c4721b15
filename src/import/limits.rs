//! Every limit on what one import may bring in, in one place, and how each is enforced.
//!
//! | Limit | Value | When it is hit |
//! | --- | --- | --- |
//! | [`MAX_FILE_BYTES`] | 20 MB | the file is refused from its size, before it is read |
//! | [`MAX_FILES_PER_IMPORT`] | 10 000 | the whole import (a folder, a drop) is refused before anything is written |
//! | [`MAX_FIELD_CHARS`] | 200 000 | the field is cut there and a warning names it; the original file is kept whole |
//! | [`MAX_HTML_NESTING`] | 512 | a web page nested deeper is refused before it is parsed |

use crate::model::{Brief, Warning};

/// Files larger than this are refused without being read.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The most files one import (the paths given to the CLI, or one drop on the window, with
/// folders expanded) may hold. A larger import is refused as a whole before anything is
/// written: most likely the wrong folder was picked.
pub const MAX_FILES_PER_IMPORT: usize = 10_000;

/// Folders are not searched further once this many files were found; the count given is then
/// "more than" this.
pub const MAX_FILES_COUNTED: usize = 10 * MAX_FILES_PER_IMPORT;

/// The longest text one field of a brief may hold, in characters (a topic's summary, a news
/// entry, a title…). Longer text is cut at this length, with a warning naming the field; the
/// file itself is kept whole in the library, so nothing is lost. A real field is a few
/// thousand characters at most.
pub const MAX_FIELD_CHARS: usize = 200_000;

/// How deep the elements of a web page may nest (counting blocks such as `<div>`, not
/// `<p>`, `<li>` or inline formatting such as `<b>`). The HTML parser's work grows with the
/// depth at every block, so a page of nested blocks filling 20 MB would take hours; real pages
/// nest a few dozen deep.
pub const MAX_HTML_NESTING: usize = 512;

/// Cuts every text field of `brief` longer than [`MAX_FIELD_CHARS`] to that length, adding
/// one warning per cut field that names it. Warnings themselves (which quote stray lines) are
/// cut without a further warning.
pub fn cap_fields(brief: &mut Brief) {
    let mut cut = Vec::new();
    let mut field = |name: &dyn Fn() -> String, text: &mut String| {
        if let Some(chars) = cap(text) {
            cut.push(Warning {
                line: 0,
                message: format!(
                    "the {} is {} characters long; only its first {} are kept (the whole file \
                     is kept in the library)",
                    name(),
                    thousands(chars as u64),
                    thousands(MAX_FIELD_CHARS as u64)
                ),
            });
        }
    };
    field(&|| "title".into(), &mut brief.title);
    for (name, text) in [
        ("series", &mut brief.series),
        ("publisher", &mut brief.publisher),
        ("caption", &mut brief.caption),
    ] {
        if let Some(text) = text {
            field(&|| name.into(), text);
        }
    }
    for (i, author) in brief.authors.iter_mut().enumerate() {
        field(&|| format!("author {}", i + 1), author);
    }
    for (i, note) in brief.notes.iter_mut().enumerate() {
        field(&|| format!("note {}", i + 1), note);
    }
    for topic in &mut brief.topics {
        let n = topic.number;
        field(&|| format!("headline of topic {n}"), &mut topic.headline);
        field(
            &|| format!("\"At a glance\" of topic {n}"),
            &mut topic.at_a_glance,
        );
        field(&|| format!("comment of topic {n}"), &mut topic.comment);
        for (i, point) in topic.points.iter_mut().enumerate() {
            field(&|| format!("point {} of topic {n}", i + 1), point);
        }
        for (i, event) in topic.events.iter_mut().enumerate() {
            field(&|| format!("event {} of topic {n}", i + 1), &mut event.text);
        }
        if let Some(policy) = &mut topic.policy {
            field(&|| format!("policy name of topic {n}"), &mut policy.name);
            if let Some(zh) = &mut policy.name_zh {
                field(&|| format!("Chinese policy name of topic {n}"), zh);
            }
            if let Some(body) = &mut policy.issuing_body {
                field(&|| format!("issuing body of topic {n}"), body);
            }
        }
    }
    for (i, item) in brief.news.iter_mut().enumerate() {
        field(&|| format!("news entry {}", i + 1), &mut item.text);
        for (j, source) in item.sources.iter_mut().enumerate() {
            if source.title.len() > MAX_FIELD_CHARS {
                let mut title = source.title.to_string();
                field(
                    &|| format!("source {} of news entry {}", j + 1, i + 1),
                    &mut title,
                );
                source.title = title.into();
            }
        }
    }
    for (i, entry) in brief.glossary.iter_mut().enumerate() {
        field(&|| format!("glossary term {}", i + 1), &mut entry.term);
        field(
            &|| format!("meaning of glossary term {}", i + 1),
            &mut entry.meaning,
        );
    }
    for warning in &mut brief.warnings {
        if cap(&mut warning.message).is_some() {
            warning.message.push('…');
        }
    }
    // Whole-file warnings (line 0) come first, as the parser's are sorted by line.
    brief.warnings.splice(0..0, cut);
}

/// Cuts `text` to [`MAX_FIELD_CHARS`] characters; returns its length in characters if it was
/// longer.
fn cap(text: &mut String) -> Option<usize> {
    let (end, _) = text.char_indices().nth(MAX_FIELD_CHARS)?;
    let chars = MAX_FIELD_CHARS + text[end..].chars().count();
    text.truncate(end);
    Some(chars)
}

/// 20971520 as "20,971,520".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A file size for people: "25.3 MB", with the exact bytes when the rounded figure would
/// look like the limit itself.
pub fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    let shown = format!("{mb:.1} MB");
    if (mb * 10.0).round() / 10.0 == (MAX_FILE_BYTES / (1024 * 1024)) as f64 {
        format!("{shown} ({} bytes)", thousands(bytes))
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewsItem, Section, Topic};

    #[test]
    fn numbers_are_written_for_people() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(20_971_520), "20,971,520");
        assert_eq!(megabytes(25 * 1024 * 1024 + 300 * 1024), "25.3 MB");
        assert_eq!(
            megabytes(MAX_FILE_BYTES + 1),
            "20.0 MB (20,971,521 bytes)",
            "just over the limit shows the bytes"
        );
    }

    #[test]
    fn a_long_field_is_cut_with_a_warning_naming_it_and_short_ones_are_untouched() {
        let long = "约".repeat(MAX_FIELD_CHARS + 5);
        let mut brief = Brief {
            title: "Short title".into(),
            topics: vec![Topic {
                number: 3,
                headline: "A headline".into(),
                at_a_glance: long.clone(),
                ..Topic::default()
            }],
            news: vec![NewsItem {
                section: Section::Policy,
                date: None,
                until: None,
                text: "x".repeat(MAX_FIELD_CHARS),
                sources: Vec::new(),
            }],
            warnings: vec![Warning {
                line: 7,
                message: long.clone(),
            }],
            ..Brief::default()
        };
        cap_fields(&mut brief);
        let glance = &brief.topics[0].at_a_glance;
        assert_eq!(glance.chars().count(), MAX_FIELD_CHARS);
        assert!(long.starts_with(glance.as_str()));
        assert_eq!(brief.title, "Short title");
        assert_eq!(
            brief.news[0].text.len(),
            MAX_FIELD_CHARS,
            "exactly at the limit is kept whole"
        );
        assert_eq!(brief.warnings.len(), 2, "{:?}", brief.warnings);
        assert_eq!(brief.warnings[0].line, 0);
        assert_eq!(
            brief.warnings[0].message,
            "the \"At a glance\" of topic 3 is 200,005 characters long; only its first \
             200,000 are kept (the whole file is kept in the library)"
        );
        assert_eq!(brief.warnings[1].line, 7);
        assert_eq!(
            brief.warnings[1].message.chars().count(),
            MAX_FIELD_CHARS + 1
        );
        assert!(brief.warnings[1].message.ends_with('…'));
    }
}
