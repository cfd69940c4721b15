//! The brief parser: `&str` in, a [`Brief`] (with warnings) or a [`ParseError`] out. Pure: no
//! I/O, no global state, never panics.
//!
//! # The brief format (keep this grammar current)
//!
//! ```text
//! brief      = header topic* worth-noting? authors?
//! header     = (caption | publisher | series | reading-time | repost-date)* title
//!              (contents | "Top N" | notice | note)*
//!              -- any of the first items may be missing, and several may share one line
//!              -- ("MERICS Briefs MERICS China Industries 11 min read"); publisher "MERICS
//!              -- Briefs" or "Mercator Institute for China Studies (MERICS)"; series a short
//!              -- name ("MERICS China Industries", "MERICS China Essentials", "MERICS Europe
//!              -- China 360°", "China Security and Risk Tracker"), never a heading, sentence or
//!              -- file name; reading time "11 min read" / "13 Minuten Lesedauer"; repost-date
//!              -- " date 2021-10-10 MERICS China Industries:"; a caption is the free line above
//!              -- them (a photo text, an image file name, a dateline). Title "A + B + C", or
//!              -- "MERICS China Industries Briefing - October 2020" (series + title), else the
//!              -- first free line after them; a page without a series line takes the one its
//!              -- layout implies (Top 5 / At a glance + MERICS comment, or Top story).
//! contents   = intro (entry)+           -- intro "In this issue of … topics:" (its names are
//!                                       -- authors), "Content", or a "Top N" heading;
//!                                       -- entries "1. …", "  1.  …", "- …", "• …" or plain
//! topic      = N ". " headline body     -- N counts up from 1
//!            | story-heading headline byline? body          -- "Top story", "TOP STORY: …"
//!            | contents-entry-again body                    -- a later story's headline
//!            | body                      -- no numbered headline: its headline is the line
//!                                        -- above, the contents entry, or the title
//! body       = (label-line | bullet | paragraph | blank)*
//! label-line = ("At a glance:" | "The facts:") text | ("MERICS comment:" | "MERICS analysis:")
//!              text | "What to watch:" text
//!            | footer-label text (footer-label text)* ("At a glance:" text)?
//!              -- a check mark may stand before a label ("✔At a glance:")
//! footer-label = "Policy name:" | "Issuing body:" | "Date:"
//! bullet     = ("•" | "-" | "*" | "·" | …) " " (date ":")? text   -- dated bullets are events;
//!              -- after a lead-in ending in ":", one-sentence paragraphs are bullets too
//! worth-noting = "WORTH NOTING" (("Policy news" | "Corporate news") entry*)*
//! entry      = bullet? date ("-" day | "-" date)? ":" text "(" source (";" source)* ")"
//! source     = title ("(" ("CN" | "EN" | "DE") ")")?
//! authors    = "Author(s)" names?       -- after "Worth noting", or else after the last label
//! ```
//!
//! A text whose long lines mostly stop mid-sentence is hard-wrapped: a paragraph's lines are
//! joined. Otherwise (a compact rendering, the sample) each line is a paragraph of its own
//! (`paragraphs.rs`).
//!
//! Lines are read after [`lines::split_lines`]: BOM, CR/CRLF, trailing spaces and Markdown
//! decoration (`#`, `**`, `[text](url)`, `>`) are gone. A paragraph is a run of non-blank lines
//! joined with spaces; a part's paragraphs are joined with a blank line. Dates without a year
//! take the year nearest the brief's full dates (policy, event and news dates with a year), or
//! without any, the month a monthly title names; else they stay empty, with a warning, as do
//! dates that are not in the calendar. The period is the month of the latest policy or news
//! date, else the title's month, else the month of the latest event. Every line that fits
//! nowhere (web page leftovers such as "Share this page", text after a policy footer) becomes
//! a [`Warning`] with its line number.

mod dates;
mod glossary;
mod header;
pub(crate) mod lines;
mod news;
mod paragraphs;
mod policy_name;
mod scanners;
mod script;
mod sources;
mod topic;
mod trim;

use chrono::{Datelike as _, NaiveDate};

use crate::model::{Brief, PartialDate, Period, Topic, Warning};
use lines::Line;
use scanners::{
    is_boilerplate, is_worth_noting, scan_authors, scan_label, scan_story_heading,
    scan_topic_heading,
};

pub use dates::{find_month_year, parse_full_date};
pub use policy_name::{PolicyNames, split_policy_name};
pub use script::{is_cjk, is_han};

/// Why a text is not a brief at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only blank lines")]
    Blank,
    #[error("the file looks binary, not text ({0})")]
    Binary(String),
    #[error(
        "no brief found: there are no topics with \"At a glance\", \"MERICS comment\" or \"Policy name\" and no \"Worth noting\" section"
    )]
    NotABrief,
}

/// Parses one brief.
pub fn parse_brief(text: &str) -> Result<Brief, ParseError> {
    check_text(text)?;
    let lines = lines::split_lines(text);
    let layout = Layout::find(&lines).ok_or(ParseError::NotABrief)?;
    let mut warnings = Warnings::default();
    let mut pending = Vec::new();

    let mut header = header::parse_header(&lines[..layout.header_end], layout.contents.as_ref());
    for (no, text) in &header.stray {
        warnings.add(*no, format!("skipped web page text {text:?}"));
    }
    for (no, why) in &header.dropped {
        warnings.add(*no, why.clone());
    }
    let contents = layout
        .contents
        .as_ref()
        .map(|c| c.items.clone())
        .unwrap_or_default();
    let headlines = unnumbered_headlines(&layout, &mut header, &contents, &lines);
    let wrapped = paragraphs::hard_wrapped(&lines);
    let (topics, bylines) = read_topics(
        &lines,
        &layout,
        &headlines,
        wrapped,
        &mut warnings,
        &mut pending,
    );
    header.authors.extend(bylines);
    let news = match &layout.news {
        Some(range) => news::parse_news(&lines[range.clone()], &mut warnings, &mut pending),
        None => Vec::new(),
    };
    let mut authors = layout
        .authors
        .clone()
        .map(|range| read_authors(&lines[range], &mut warnings))
        .unwrap_or_default();
    for name in std::mem::take(&mut header.authors) {
        if !authors.contains(&name) {
            authors.push(name);
        }
    }

    let series = header.series.or_else(|| implied_series(&lines, &layout));
    let publisher = header
        .publisher
        .or_else(|| series.as_ref().map(|_| "MERICS".to_owned()));
    let mut brief = Brief {
        title: String::new(),
        series,
        publisher,
        caption: header.caption,
        reading_minutes: header.reading_minutes,
        period: None,
        authors,
        notes: Vec::new(),
        contents,
        topics,
        news,
        glossary: Vec::new(),
        warnings: Vec::new(),
    };
    let single_topic = layout.topics.len() == 1 && layout.topics[0].headline.is_none();
    set_title_and_notes(
        &mut brief,
        header.title,
        header.rest,
        single_topic,
        &mut warnings,
    );
    let hint = header.period_hint.or(header.dated_hint);
    resolve_dates(&mut brief, pending, hint, &mut warnings);
    brief.period = brief_period(&brief, header.period_hint, header.dated_hint);
    brief.glossary = collect_glossary(&brief);
    warn_if_cut_off(&lines, &layout, &mut warnings);
    if brief.topics.is_empty() && brief.news.is_empty() {
        let last = lines
            .iter()
            .rev()
            .find(|l| !l.is_blank())
            .map_or(1, |l| l.no);
        warnings.add(
            last,
            "the text stops before the first topic: the file may be cut off".to_owned(),
        );
    }
    brief.warnings = warnings.into_sorted();
    Ok(brief)
}

/// The headlines of topics the page writes without one (see [`TopicPart::headline`]), by
/// topic index: the free line just above the topic's first label (taken from the header's
/// notes), else the topic's entry in the contents list, else the title (a single-topic page).
fn unnumbered_headlines(
    layout: &Layout<'_>,
    header: &mut header::Header,
    contents: &[String],
    lines: &[Line<'_>],
) -> Vec<Option<String>> {
    layout
        .topics
        .iter()
        .enumerate()
        .map(|(index, part)| {
            if part.headline.is_some() {
                return None;
            }
            // The line just above, or above a byline or author line under it.
            let above: Vec<usize> = lines[..part.body.start]
                .iter()
                .rev()
                .filter(|l| !l.is_blank())
                .take(2)
                .map(|l| l.no)
                .collect();
            let from_notes = header.rest.last().filter(|(no, text)| {
                above.contains(no) && header.title.is_some() && is_headline_like(text)
            });
            if from_notes.is_some() {
                return header.rest.pop().map(|(_, text)| text);
            }
            if let Some(entry) = contents.get(index) {
                return Some(entry.clone());
            }
            header.title.clone()
        })
        .collect()
}

/// The series of a page that does not name it (a compact rendering starts with its title):
/// MERICS China Industries is the series with a "Top 5" heading and topics labelled "At a
/// glance" and "MERICS comment"; MERICS China Essentials the one whose stories open with
/// "Top story".
fn implied_series(lines: &[Line<'_>], layout: &Layout<'_>) -> Option<String> {
    let front = &lines[..layout.header_end.min(lines.len())];
    let has_top_heading = front.iter().any(|l| scanners::is_top_heading(&l.text));
    let labels = |wanted: scanners::Label, name: &str| {
        lines.iter().any(|l| {
            scan_label(&l.text).is_some_and(|(label, _)| label == wanted)
                && l.text
                    .to_lowercase()
                    .trim_start_matches(['✔', '✓'])
                    .starts_with(name)
        })
    };
    let industries = has_top_heading
        || (labels(scanners::Label::AtAGlance, "at a glance")
            && labels(scanners::Label::Comment, "merics comment"));
    if industries {
        return Some("MERICS China Industries".to_owned());
    }
    let stories = lines.iter().any(|l| {
        scan_story_heading(&l.text).is_some() && l.text.to_lowercase().starts_with("top story")
    });
    stories.then(|| "MERICS China Essentials".to_owned())
}

/// A line that can be a headline: short, and not a sentence that ends in a full stop.
fn is_headline_like(text: &str) -> bool {
    text.chars().count() <= 200 && !text.ends_with(['.', ':', '!'])
}

fn read_topics(
    lines: &[Line<'_>],
    layout: &Layout<'_>,
    headlines: &[Option<String>],
    wrapped: bool,
    warnings: &mut Warnings,
    pending: &mut Vec<Pending>,
) -> (Vec<Topic>, Vec<String>) {
    let mut topics = Vec::with_capacity(layout.topics.len());
    let mut bylines = Vec::new();
    for (index, part) in layout.topics.iter().enumerate() {
        let headline = match part.headline {
            Some(h) => h,
            None => headlines
                .get(index)
                .and_then(|h| h.as_deref())
                .unwrap_or_default(),
        };
        let heading = topic::Heading {
            index,
            number: part.number,
            headline,
            line: part.line,
            wrapped,
            labelled_page: layout.labelled,
        };
        let body = &lines[part.body.clone()];
        let read = topic::parse_topic(&heading, body, warnings, pending);
        topics.push(read.topic);
        bylines.extend(read.bylines);
    }
    (topics, bylines)
}

/// The title (else the first headline, with a warning), and the header lines that are not
/// contents entries as notes.
fn set_title_and_notes(
    brief: &mut Brief,
    title: Option<String>,
    rest: Vec<(usize, String)>,
    single_topic: bool,
    warnings: &mut Warnings,
) {
    brief.title = match title {
        Some(title) => title,
        None => {
            if !single_topic {
                warnings.add(1, "no title found; using the first headline".to_owned());
            }
            brief
                .topics
                .first()
                .map(|t| t.headline.clone())
                .unwrap_or_default()
        }
    };
    // Made once, and only if there are notes to compare with them.
    let headlines = std::cell::OnceCell::new();
    let headlines = || -> &Vec<String> {
        headlines.get_or_init(|| {
            brief
                .topics
                .iter()
                .map(|t| header::normalise(&t.headline))
                .collect()
        })
    };
    let notes: Vec<String> = rest
        .into_iter()
        .map(|(_, text)| text)
        .filter(|text| single_topic || !header::is_contents_entry(text, headlines()))
        .collect();
    brief.notes = notes;
}

/// A brief whose last line is running text that stops mid-sentence was probably cut off
/// (a truncated download or copy): say so, since the parser keeps what is there.
fn warn_if_cut_off(lines: &[Line<'_>], layout: &Layout<'_>, warnings: &mut Warnings) {
    let Some(last) = lines
        .iter()
        .rev()
        .find(|l| !l.is_blank() && !scanners::is_boilerplate(&l.text))
    else {
        return;
    };
    let index = last.no - 1;
    let in_authors = layout.authors.as_ref().is_some_and(|r| r.contains(&index));
    let text: &str = &last.text;
    // A policy name ends with its Chinese name or "(Link)": one that stops before is cut.
    let cut_name = |label: scanners::Label, rest: &str| {
        label == scanners::Label::PolicyName
            && !rest.is_empty()
            && !rest.ends_with([')', '）', '》'])
    };
    let structural = scanners::scan_bullet(text).is_some()
        || scan_label(text).is_some_and(|(label, rest)| {
            (label.is_footer() && !cut_name(label, rest)) || rest.is_empty()
        })
        || scan_topic_heading(text).is_some()
        || scanners::scan_news_heading(text).is_some()
        || is_worth_noting(text);
    let finished = text.ends_with([
        '.', '!', '?', ':', ')', '"', '”', '’', '。', '！', '？', '）', '»', ']',
    ]);
    if index >= layout.header_end && !in_authors && !structural && !finished {
        warnings.add(
            last.no,
            "the text stops mid-sentence here: the file may be cut off".to_owned(),
        );
    }
}

/// Refuses what is clearly not text.
fn check_text(text: &str) -> Result<(), ParseError> {
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(ParseError::Binary("it contains NUL bytes".to_owned()));
    }
    // Whitespace such as vertical tabs is control text too, but a file of it is blank.
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(ParseError::Blank);
    }
    let odd = count_odd_chars(text.as_bytes());
    if odd == 0 {
        return Ok(());
    }
    // Every byte but a UTF-8 continuation byte starts a character.
    let total = text.bytes().filter(|&b| (b as i8) >= -0x40).count();
    if odd * 20 > total {
        return Err(ParseError::Binary(format!(
            "{odd} of its {total} characters are control or undecodable characters"
        )));
    }
    Ok(())
}

/// How many characters of `bytes` (valid UTF-8) are control characters other than line
/// breaks, tabs and form feeds (C0, DEL and C1), or U+FFFD.
///
/// C1 controls are `C2 80`–`C2 9F` and U+FFFD is `EF BF BD`. Most blocks of 16 bytes are
/// printable ASCII (`20`–`7E`); only the other blocks are counted. Both loops are branch-free, so the compiler makes vector code of them.
fn count_odd_chars(bytes: &[u8]) -> usize {
    const BLOCK: usize = 16;
    let odd_at = |b0: u8, b1: u8, b2: u8| {
        let c0 = (b0 < 0x20) & (b0 != b'\n') & (b0 != b'\r') & (b0 != b'\t') & (b0 != 0x0c);
        let c1 = (b0 == 0xc2) & (b1 & 0xe0 == 0x80);
        let replacement = (b0 == 0xef) & (b1 == 0xbf) & (b2 == 0xbd);
        u8::from(c0 | (b0 == 0x7f) | c1 | replacement)
    };
    let mut odd = 0;
    // Whole blocks that have two bytes after them, for the look-ahead.
    let body = bytes.len().saturating_sub(2) / BLOCK * BLOCK;
    for start in (0..body).step_by(BLOCK) {
        let b0 = &bytes[start..start + BLOCK];
        let mut unprintable = 0u8;
        for &b in b0 {
            unprintable |= u8::from(b.wrapping_sub(0x20) >= 0x5f);
        }
        if unprintable == 0 {
            continue;
        }
        let b1 = &bytes[start + 1..start + BLOCK + 1];
        let b2 = &bytes[start + 2..start + BLOCK + 2];
        let mut count = 0u8;
        for k in 0..BLOCK {
            count += odd_at(b0[k], b1[k], b2[k]);
        }
        odd += usize::from(count);
    }
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    for (i, &b) in bytes.iter().enumerate().skip(body) {
        odd += usize::from(odd_at(b, at(i + 1), at(i + 2)));
    }
    odd
}

/// Where each part of the brief is, as line indices.
struct Layout<'l> {
    header_end: usize,
    /// Some topic part carries a label ("At a glance:", "The facts:" …).
    labelled: bool,
    contents: Option<header::Contents>,
    topics: Vec<TopicPart<'l>>,
    news: Option<std::ops::Range<usize>>,
    authors: Option<std::ops::Range<usize>>,
}

struct TopicPart<'l> {
    number: u32,
    /// `None` where the page writes no headline before the topic's first label: a
    /// single-topic page (the headline is the title), or an excerpt whose first topic
    /// starts with "At a glance:" (its contents entry, or the line before it).
    headline: Option<&'l str>,
    /// The 1-based line of the heading, or of the first label.
    line: usize,
    body: std::ops::Range<usize>,
}

impl<'l> Layout<'l> {
    fn find(lines: &'l [Line<'_>]) -> Option<Self> {
        let worth = lines.iter().position(|l| is_worth_noting(&l.text));
        let authors = authors_line(lines, worth);
        let body_end = worth.or(authors).unwrap_or(lines.len());
        let labelled = lines[..body_end]
            .iter()
            .position(|l| scan_label(&l.text).is_some());
        let stories = story_headings(&lines[..body_end]);
        let front_end = labelled
            .into_iter()
            .chain(stories.first().map(|s| s.0))
            .min()
            .unwrap_or(body_end);
        let contents = header::find_contents(&lines[..front_end]);
        let skip = contents.as_ref().map_or(0..0, |c| c.range.clone());
        let mut headings = topic_headings(&lines[..body_end], &skip, labelled);
        let numbered = !headings.is_empty();
        if headings.is_empty() {
            // Stories: a "Top story" heading, and the headlines the contents list names
            // (the stories after the top one have no heading of their own).
            headings = stories;
            if let Some(contents) = &contents {
                headings.extend(contents_headings(&lines[..body_end], contents));
            }
            if let Some(&(first, _, _)) = headings.first()
                && labelled.is_none()
            {
                headings.extend(bare_headlines(&lines[..body_end], first + 1));
            }
            headings.sort_by_key(|h| h.0);
            // A headline both under "Top story" and in the list is one story.
            headings.dedup_by_key(|h| h.0);
            for (k, h) in headings.iter_mut().enumerate() {
                h.1 = k as u32 + 1;
            }
        }
        // A brief is known by its labels, its news, its stories, or (a story page without
        // labels) by the series or a title of topics in its first lines.
        let branded = lines[..front_end.min(body_end)]
            .iter()
            .filter(|l| !l.is_blank())
            .take(12)
            .any(|l| header::is_brand_line(&l.text));
        let story_page = !numbered && !headings.is_empty();
        // A first topic written without its numbered headline: its first label, or on a
        // branded page without labels its first paragraph, opens it.
        let unnumbered_first = match (labelled, headings.first()) {
            (Some(label), Some(&(first, number, _))) => {
                (numbered && number == 2 && label < first).then_some(label)
            }
            (Some(label), None) => Some(label),
            (None, None) if branded => first_paragraph(&lines[..body_end], &skip),
            (None, _) => None,
        };
        // Each heading below the one before it, and below a first topic's label.
        let floor = unnumbered_first.map_or(0, |u| u + 1);
        let mut last = None;
        headings.retain(|h| {
            let keep = h.0 >= floor && last.is_none_or(|l| h.0 > l);
            if keep {
                last = Some(h.0);
            }
            keep
        });
        let mut topics = Vec::new();
        if let Some(start) = unnumbered_first {
            let end = headings.first().map_or(body_end, |h| h.0);
            topics.push(TopicPart {
                number: 1,
                headline: None,
                line: lines[start].no,
                body: start..end,
            });
        }
        for (k, &(at, number, headline)) in headings.iter().enumerate() {
            let end = headings.get(k + 1).map_or(body_end, |h| h.0);
            topics.push(TopicPart {
                number,
                headline: Some(headline),
                line: lines[at].no,
                body: at + 1..end,
            });
        }
        let header_end = match (unnumbered_first, headings.first()) {
            (Some(start), _) => start,
            (None, Some(h)) => story_heading_above(lines, h.0, &skip),
            (None, None) => body_end,
        };
        let news_end = authors
            .filter(|&a| worth.is_some_and(|w| a > w))
            .unwrap_or(lines.len());
        let news = worth.map(|w| w + 1..news_end);
        let has_news = news
            .as_ref()
            .is_some_and(|r| lines[r.clone()].iter().any(|l| !l.is_blank()));
        let has_topics = labelled.is_some() || story_page || (branded && !topics.is_empty());
        // An excerpt cut off inside its contents list: a brief whose topics were not saved.
        let listed = branded && contents.as_ref().is_some_and(|c| !c.items.is_empty());
        (has_topics || has_news || listed).then_some(Self {
            header_end,
            labelled: labelled.is_some(),
            contents,
            topics,
            news,
            authors: authors.map(|a| a..lines.len()),
        })
    }
}

/// Where the header ends above the first topic's headline at `at`: a "Top story" heading
/// line right above it belongs to the topic, not the header.
fn story_heading_above(lines: &[Line<'_>], at: usize, skip: &std::ops::Range<usize>) -> usize {
    let above = lines[..at].iter().rposition(|l| !l.is_blank());
    match above {
        Some(i)
            if !skip.contains(&i)
                && scan_story_heading(&lines[i].text).is_some_and(str::is_empty) =>
        {
            i
        }
        _ => at,
    }
}

/// The first paragraph of running text (a line of at least 15 words, or a sentence of 8,
/// that is not a header item), outside the contents list.
fn first_paragraph(lines: &[Line<'_>], skip: &std::ops::Range<usize>) -> Option<usize> {
    lines.iter().enumerate().position(|(i, l)| {
        let words = l.text.split_whitespace().count();
        let sentence = l.text.ends_with(['.', '!', '?', '"', '”', '。']);
        !skip.contains(&i)
            && (words >= 15 || (words >= 8 && sentence))
            && !header::is_front_matter(&l.text)
    })
}

/// The headlines of the stories after the top one on a page that gives them no heading: a
/// short line that is no sentence (3 to 16 words, no closing punctuation), standing after a
/// paragraph's end, with running text after it.
fn bare_headlines<'l>(lines: &'l [Line<'_>], from: usize) -> Vec<(usize, u32, &'l str)> {
    let ends_sentence = |t: &str| {
        t.ends_with([
            '.', '!', '?', ':', ';', ',', '"', '”', '’', ')', '。', '！', '？', '：', '）',
        ])
    };
    let mut found = Vec::new();
    for i in from..lines.len() {
        let text = &*lines[i].text;
        let words = text.split_whitespace().count();
        if !(3..=16).contains(&words)
            || text.len() > 160
            || ends_sentence(text)
            || scanners::scan_bullet(text).is_some()
            || scanners::scan_byline(text).is_some()
            || is_boilerplate(text)
        {
            continue;
        }
        let before = &*lines[i - 1].text;
        let starts_block = before.is_empty() || ends_sentence(before);
        let next = lines[i + 1..].iter().find(|l| !l.is_blank());
        let text_follows = next.is_some_and(|n| {
            let t = &*n.text;
            scanners::scan_bullet(t).is_none()
                && (scanners::scan_byline(t).is_some() || t.split_whitespace().count() >= 8)
        });
        if starts_block && text_follows {
            found.push((i, 0, text));
        }
    }
    found
}

/// Topics found by their headlines repeating the contents list's entries (a China
/// Essentials issue whose stories have no "Top story" heading).
fn contents_headings<'l>(
    lines: &'l [Line<'_>],
    contents: &header::Contents,
) -> Vec<(usize, u32, &'l str)> {
    let entries: Vec<String> = contents
        .items
        .iter()
        .map(|e| header::normalise(header::strip_entry_label(e)))
        .collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(contents.range.end) {
        let text = header::strip_entry_label(&line.text);
        if text.is_empty() || text.len() > 300 {
            continue;
        }
        if entries.contains(&header::normalise(text)) {
            found.push((i, found.len() as u32 + 1, text));
        }
    }
    found
}

/// The "Author(s)" line that closes the brief: after "Worth noting", or without one, after
/// the last label. An author line above the topics is no end of the brief.
fn authors_line(lines: &[Line<'_>], worth: Option<usize>) -> Option<usize> {
    let start = worth.or_else(|| lines.iter().rposition(|l| scan_label(&l.text).is_some()));
    lines
        .iter()
        .rposition(|l| scan_authors(&l.text).is_some())
        .filter(|&a| start.is_none_or(|s| a > s))
}

/// Topic headings numbered 1, 2, 3 … (or 2, 3 … after a first topic that has no numbered
/// headline, which starts at the first label). A numbered line directly followed by the next
/// number (a contents list) is not a heading, nor is a line of the contents list (`skip`).
fn topic_headings<'l>(
    lines: &'l [Line<'_>],
    skip: &std::ops::Range<usize>,
    first_label: Option<usize>,
) -> Vec<(usize, u32, &'l str)> {
    let mut found = Vec::new();
    let mut expected = 1;
    for (i, line) in lines.iter().enumerate() {
        if skip.contains(&i) {
            continue;
        }
        let Some((number, headline)) = scan_topic_heading(&line.text) else {
            continue;
        };
        let starts_late = found.is_empty() && number == 2 && first_label.is_some_and(|l| l < i);
        if number != expected && !starts_late {
            continue;
        }
        let next = lines[i + 1..].iter().find(|l| !l.is_blank());
        if next.is_some_and(|n| scan_topic_heading(&n.text).is_some()) {
            continue;
        }
        found.push((i, number, headline));
        expected = number + 1;
    }
    found
}

/// China Essentials stories: a "Top story" heading, then the story's headline on the next
/// line with text (or on the heading's own line, "TOP STORY: …"). The headline is the
/// topic's; the stories are numbered in order.
fn story_headings<'l>(lines: &'l [Line<'_>]) -> Vec<(usize, u32, &'l str)> {
    let mut found = Vec::new();
    // Lines before this one are taken (a heading's headline).
    let mut free = 0;
    for (i, line) in lines.iter().enumerate() {
        if i < free {
            continue;
        }
        let Some(inline) = scan_story_heading(&line.text) else {
            continue;
        };
        let number = found.len() as u32 + 1;
        if !inline.is_empty() {
            found.push((i, number, inline));
            continue;
        }
        let Some((k, next)) = lines[i + 1..]
            .iter()
            .enumerate()
            .find(|(_, l)| !l.is_blank())
        else {
            continue;
        };
        if scan_label(&next.text).is_none() && scan_story_heading(&next.text).is_none() {
            found.push((i + 1 + k, number, &*next.text));
            free = i + 2 + k;
        }
    }
    found
}

fn read_authors(lines: &[Line<'_>], warnings: &mut Warnings) -> Vec<String> {
    let mut names = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if is_boilerplate(&line.text) {
            warnings.add(line.no, format!("skipped web page text {:?}", line.text));
            continue;
        }
        let text = if k == 0 {
            scan_authors(&line.text).unwrap_or("")
        } else {
            &line.text
        };
        let text = text.strip_prefix("By ").unwrap_or(text);
        names.extend(scanners::name_parts(text).map(str::to_owned));
    }
    names
}

/// Where a date read without a year goes once its year is known.
#[derive(Clone, Copy, Debug)]
pub(crate) enum DateSlot {
    /// Topic index, event index.
    Event(usize, usize),
    News(usize),
    /// The last day of a news entry's range of dates.
    NewsUntil(usize),
    Policy(usize),
}

/// A date waiting for its year.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pending {
    slot: DateSlot,
    date: PartialDate,
    line: usize,
}

fn resolve_dates(
    brief: &mut Brief,
    pending: Vec<Pending>,
    hint: Option<Period>,
    warnings: &mut Warnings,
) {
    let anchors = year_anchors(brief, hint);
    for p in pending {
        if p.date.year.is_some() {
            // Its date is set already, unless the day does not exist.
            if p.date.full().is_none() {
                warnings.add(
                    p.line,
                    format!("{} is not a date in the calendar", show(p.date)),
                );
            }
            continue;
        }
        let resolved = nearest_year(p.date.month, p.date.day, &anchors);
        if resolved.is_none() {
            let why = if anchors.is_empty() {
                "has no year and the brief has no full date to take one from"
            } else {
                "has no year and is no date in the years around the brief's dates"
            };
            warnings.add(p.line, format!("the date {} {why}", show(p.date)));
        }
        set_date(brief, p.slot, resolved);
    }
}

/// [`crate::model::resolve_year`] for anchors that are sorted: the same year, found by
/// binary search, so a brief with many dates without a year takes no quadratic time.
fn nearest_year(month: u32, day: u32, sorted_anchors: &[NaiveDate]) -> Option<NaiveDate> {
    let latest = sorted_anchors.last()?;
    let distance = |d: NaiveDate| {
        let next = sorted_anchors.partition_point(|a| *a < d);
        let before = next.checked_sub(1).map(|i| sorted_anchors[i]);
        let after = sorted_anchors.get(next).copied();
        before
            .into_iter()
            .chain(after)
            .map(|a| (a - d).num_days().abs())
            .min()
            .unwrap_or(i64::MAX)
    };
    (latest.year() - 1..=latest.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| distance(*d))
}

/// The brief's full dates, else the middle of the month its title names.
fn year_anchors(brief: &Brief, hint: Option<Period>) -> Vec<NaiveDate> {
    let mut anchors: Vec<NaiveDate> = brief.dates().collect();
    anchors.sort_unstable();
    anchors.dedup();
    if anchors.is_empty()
        && let Some(day) = hint.and_then(|p| NaiveDate::from_ymd_opt(p.year, p.month, 15))
    {
        anchors.push(day);
    }
    anchors
}

/// "2/30" or "2021/2/30".
fn show(date: PartialDate) -> String {
    match date.year {
        Some(year) => format!("{year}/{}/{}", date.month, date.day),
        None => format!("{}/{}", date.month, date.day),
    }
}

fn set_date(brief: &mut Brief, slot: DateSlot, date: Option<NaiveDate>) {
    match slot {
        DateSlot::Event(t, e) => brief.topics[t].events[e].date = date,
        DateSlot::News(n) => brief.news[n].date = date,
        DateSlot::NewsUntil(n) => brief.news[n].until = date,
        DateSlot::Policy(t) => {
            if let Some(policy) = &mut brief.topics[t].policy {
                policy.date = date;
            }
        }
    }
}

/// The month of the latest policy or news date, else the month the title names, else the
/// month of the latest event.
fn brief_period(
    brief: &Brief,
    title_month: Option<Period>,
    dated: Option<Period>,
) -> Option<Period> {
    let policy_or_news = brief
        .topics
        .iter()
        .filter_map(|t| t.policy.as_ref()?.date)
        .chain(brief.news.iter().filter_map(|n| n.date))
        .max()
        .map(Period::of);
    policy_or_news
        .or(title_month)
        .or(dated)
        .or_else(|| brief.dates().max().map(Period::of))
}

fn collect_glossary(brief: &Brief) -> Vec<crate::model::GlossaryEntry> {
    let mut glossary = glossary::Glossary::default();
    glossary.collect_definitions(&brief.title);
    for topic in &brief.topics {
        glossary.collect_definitions(&topic.headline);
        glossary.collect_definitions(&topic.at_a_glance);
        for point in &topic.points {
            glossary.collect_definitions(point);
        }
        for event in &topic.events {
            glossary.collect_definitions(&event.text);
        }
        glossary.collect_definitions(&topic.comment);
    }
    for item in &brief.news {
        glossary.collect_definitions(&item.text);
    }
    glossary.into_entries()
}

/// Warnings gathered while parsing.
#[derive(Default)]
pub(crate) struct Warnings(Vec<Warning>);

impl Warnings {
    pub fn add(&mut self, line: usize, message: String) {
        self.0.push(Warning { line, message });
    }

    fn into_sorted(mut self) -> Vec<Warning> {
        self.0.sort_by_key(|w| w.line);
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Brief {
        parse_brief(text).unwrap()
    }

    fn warned(brief: &Brief) -> Vec<(usize, &str)> {
        brief
            .warnings
            .iter()
            .map(|w| (w.line, w.message.as_str()))
            .collect()
    }

    #[test]
    fn period_takes_policy_or_news_then_title_then_events() {
        let monthly =
            "MERICS China Industries Briefing - October 2020\n\n1. Chips\n\nAt a glance: x\n\n";
        let event = "• September 28, 2020: an event\n";
        let b = parse(&format!("{monthly}{event}"));
        assert_eq!(
            b.period,
            Period::new(2020, 10),
            "the title's month beats an event"
        );
        let b = parse(&format!(
            "{monthly}{event}\nPolicy name: P\nDate: November 2, 2020\n"
        ));
        assert_eq!(
            b.period,
            Period::new(2020, 11),
            "a policy date beats the title"
        );
        let b = parse(&format!("Chips\n\n1. Chips\n\nAt a glance: x\n\n{event}"));
        assert_eq!(
            b.period,
            Period::new(2020, 9),
            "without either, the latest event"
        );
    }

    #[test]
    fn impossible_dates_are_warned_not_dropped_silently() {
        let b = parse(
            "T\n\n1. Chips\n\nAt a glance: x\n\n• February 30, 2021: e\n\nPolicy name: P\nDate: February 31, 2021\n\nWORTH NOTING\nPolicy news\n• April 31, 2021: n (A (CN))\n• February 30: m (A (CN))\n• March 1, 2021: ok (A (CN))\n",
        );
        assert_eq!(b.topics[0].events[0].date, None);
        assert_eq!(b.topics[0].policy.as_ref().and_then(|p| p.date), None);
        assert_eq!(b.news[0].date, None);
        assert_eq!(b.news[1].date, None);
        let lines: Vec<usize> = b.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [7, 10, 14, 15]);
        assert!(b.warnings[0].message.contains("2021/2/30 is not a date"));
        assert!(
            b.warnings[3]
                .message
                .contains("2/30 has no year and is no date")
        );
    }

    #[test]
    fn nearest_year_agrees_with_the_model() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        for _ in 0..500 {
            let mut anchors: Vec<NaiveDate> = (0..next(6))
                .map(|_| {
                    d(
                        2019 + next(4) as i32,
                        1 + next(12) as u32,
                        1 + next(28) as u32,
                    )
                })
                .collect();
            anchors.sort_unstable();
            anchors.dedup();
            let (month, day) = (1 + next(12) as u32, 1 + next(31) as u32);
            assert_eq!(
                nearest_year(month, day, &anchors),
                crate::model::resolve_year(month, day, &anchors),
                "{month}/{day} near {anchors:?}"
            );
        }
    }

    #[test]
    fn whitespace_only_is_blank_even_with_vertical_tabs() {
        assert_eq!(parse_brief("\u{b}\u{b}\n"), Err(ParseError::Blank));
        assert_eq!(parse_brief(" \u{85}\u{2028}\n"), Err(ParseError::Blank));
        assert!(matches!(
            parse_brief("\u{1}\u{2}x"),
            Err(ParseError::Binary(_))
        ));
    }

    #[test]
    fn web_page_leftovers_in_header_and_authors_are_warnings() {
        let b = parse(
            "Share this page\nMERICS Briefs\n\nTitle\nAdvertisement\n\n1. Chips\n\nAt a glance: x\n\nWORTH NOTING\nPolicy news\n• March 1, 2021: n (A (CN))\nAuthor(s)\nJane Doe\nShare this page\n",
        );
        assert_eq!(b.caption, None);
        assert_eq!(b.title, "Title");
        assert!(b.notes.is_empty());
        assert_eq!(b.authors, ["Jane Doe"]);
        let lines: Vec<usize> = b.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [1, 5, 16]);
        assert!(warned(&b).iter().all(|(_, m)| m.contains("web page text")));
    }

    #[test]
    fn an_author_line_above_the_topics_does_not_end_the_brief() {
        let b = parse("Title\nAuthor: Jane Doe\n\n1. Chips\n\nAt a glance: x\n");
        assert_eq!(b.topics.len(), 1);
        assert_eq!(b.topics[0].at_a_glance, "x");
        assert_eq!(b.notes, ["Author: Jane Doe"]);
        let b = parse("Title\n\n1. Chips\n\nAt a glance: x\nAuthor(s)\nJane Doe\n");
        assert_eq!(b.authors, ["Jane Doe"]);
        assert_eq!(b.topics[0].at_a_glance, "x");
    }

    #[test]
    fn footer_fields_replaced_by_other_text_are_warned_on_their_line() {
        let b = parse(
            "T\n\n1. Chips\n\nIssuing body: MOT Date: March 1, 2021\nAt a glance: x\n\nPolicy name: P\nmore of P\nIssuing body: MOT\nDate: March 2, 2021\nPolicy name: Q\n",
        );
        let policy = b.topics[0].policy.as_ref().expect("a policy");
        assert_eq!(policy.name, "Q");
        assert_eq!(policy.issuing_body.as_deref(), Some("MOT"));
        let lines: Vec<usize> = b.warnings.iter().map(|w| w.line).collect();
        // The repeated "Issuing body: MOT" loses nothing; the first date and name do. The
        // last line, a policy name that is neither closed by its Chinese name nor followed
        // by a body and a date, may be cut off.
        assert_eq!(lines, [5, 8, 9, 12]);
        assert!(b.warnings[0].message.contains("\"Date\" \"March 1, 2021\""));
    }

    #[test]
    fn series_lines_that_lose_text_are_warned() {
        let b = parse(
            "MERICS China Industries - Special\nMERICS Foo\nTitle\n\n1. Chips\n\nAt a glance: x.\n",
        );
        assert_eq!(b.series.as_deref(), Some("MERICS Foo"));
        assert_eq!(b.title, "Title");
        let lines: Vec<usize> = b.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [1, 1]);
        let b = parse(
            "MERICS China Industries Briefing - October 2020\n\n1. Chips\n\nAt a glance: x.\n",
        );
        assert!(b.warnings.is_empty(), "a monthly title keeps its text");
    }

    #[test]
    fn an_excerpt_cut_inside_its_contents_list_keeps_its_header_and_list() {
        let b = parse(
            "A dam at dusk\nMERICS Briefs\nMERICS China Industries\n12 min read\n\nDams + Chips + Ports\n\nIn this issue of the MERICS China Industries we cover the following topics:\n\n  1. Hydropower gets a new plan\n  2. Chip fund grows\n  3. Ports auto",
        );
        assert_eq!(b.title, "Dams + Chips + Ports");
        assert_eq!(b.series.as_deref(), Some("MERICS China Industries"));
        assert_eq!(
            b.contents,
            [
                "Hydropower gets a new plan",
                "Chip fund grows",
                "Ports auto"
            ]
        );
        assert!(b.topics.is_empty());
        assert!(
            warned(&b)
                .iter()
                .any(|(line, m)| *line == 12 && m.contains("stops"))
        );
        // Text without any mark of a brief stays refused.
        assert_eq!(
            parse_brief("Shopping list\n\nIn this issue:\n- Milk\n- Bread\n"),
            Err(ParseError::NotABrief)
        );
    }

    #[test]
    fn a_headline_with_nothing_after_it_is_warned_on_its_own_line() {
        let b = parse("T\n\n1. Chips\n\nAt a glance: x\n\n2. More chips\n");
        assert_eq!(warned(&b).first().map(|w| w.0), Some(7));
    }
}
