//! The brief parser: `&str` in, a [`Brief`] (with warnings) or a [`ParseError`] out. Pure: no
//! I/O, no global state, never panics.
//!
//! # The brief format (keep this grammar current)
//!
//! ```text
//! brief      = header topic* worth-noting? authors?
//! header     = caption? publisher? series? reading-time? title (contents | note | "Top N")*
//!              -- publisher "MERICS Briefs"; series "MERICS China Industries"; reading time
//!              -- "11 min read" / "13 Minuten Lesedauer"; a monthly title
//!              -- "MERICS China Industries Briefing - October 2020" is series + title.
//! topic      = N ". " headline  body        -- N counts up from 1
//!            | body                          -- a single-topic page: the title is the headline
//! body       = (label-line | bullet | paragraph | blank)*
//! label-line = "At a glance:" text | "MERICS comment:" text
//!            | footer-label text (footer-label text)* ("At a glance:" text)?
//! footer-label = "Policy name:" | "Issuing body:" | "Date:"
//! bullet     = ("•" | "-" | "*" | "·" | …) " " (date ":")? text   -- dated bullets are events
//! worth-noting = "WORTH NOTING" (("Policy news" | "Corporate news") entry*)*
//! entry      = bullet? date ":" text "(" source (";" source)* ")"
//! source     = title ("(" ("CN" | "EN" | "DE") ")")?
//! authors    = "Author(s)" names?
//! ```
//!
//! Lines are read after [`lines::split_lines`]: BOM, CR/CRLF, trailing spaces and Markdown
//! decoration (`#`, `**`, `[text](url)`, `>`) are gone. A paragraph is a run of non-blank lines
//! joined with spaces; a part's paragraphs are joined with a blank line. Dates without a year
//! take the year nearest the brief's full dates. Every line that fits nowhere becomes a
//! [`Warning`] with its line number.

mod dates;
mod glossary;
mod header;
pub(crate) mod lines;
mod news;
mod policy_name;
mod scanners;
mod script;
mod sources;
mod topic;

use chrono::NaiveDate;

use crate::model::{Brief, PartialDate, Period, Topic, Warning, resolve_year};
use lines::Line;
use scanners::{is_worth_noting, scan_authors, scan_label, scan_topic_heading};

pub use dates::{find_month_year, parse_full_date};
pub use policy_name::{PolicyNames, split_policy_name};
pub use script::is_han;

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

    let header = header::parse_header(&lines[..layout.header_end]);
    let mut topics: Vec<Topic> = Vec::new();
    for (index, part) in layout.topics.iter().enumerate() {
        let headline = match &part.headline {
            Some(h) => h.clone(),
            None => header.title.clone().unwrap_or_default(),
        };
        let heading = topic::Heading {
            index,
            number: part.number,
            headline: &headline,
            line: part.line,
        };
        let body = &lines[part.body.clone()];
        topics.push(topic::parse_topic(
            &heading,
            body,
            &mut warnings,
            &mut pending,
        ));
    }
    let news = match &layout.news {
        Some(range) => news::parse_news(&lines[range.clone()], &mut warnings, &mut pending),
        None => Vec::new(),
    };
    let authors = layout
        .authors
        .map(|range| read_authors(&lines[range]))
        .unwrap_or_default();

    let mut brief = Brief {
        title: String::new(),
        series: header.series,
        publisher: header.publisher,
        caption: header.caption,
        reading_minutes: header.reading_minutes,
        period: None,
        authors,
        notes: Vec::new(),
        topics,
        news,
        glossary: Vec::new(),
        warnings: Vec::new(),
    };
    let single_topic = layout.topics.first().is_some_and(|t| t.headline.is_none());
    brief.title = match header.title {
        Some(title) => title,
        None => {
            warnings.add(1, "no title found; using the first headline".to_owned());
            brief
                .topics
                .first()
                .map(|t| t.headline.clone())
                .unwrap_or_default()
        }
    };
    let headlines: Vec<&str> = brief.topics.iter().map(|t| t.headline.as_str()).collect();
    for (_, text) in header.rest {
        if single_topic || !header::is_contents_entry(&text, &headlines) {
            brief.notes.push(text);
        }
    }
    resolve_dates(&mut brief, pending, header.period_hint, &mut warnings);
    brief.period = brief_period(&brief).or(header.period_hint);
    brief.glossary = collect_glossary(&brief);
    brief.warnings = warnings.into_sorted();
    Ok(brief)
}

/// Refuses what is clearly not text.
fn check_text(text: &str) -> Result<(), ParseError> {
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    if text.contains('\0') {
        return Err(ParseError::Binary("it contains NUL bytes".to_owned()));
    }
    let total = text.chars().count();
    let odd = text
        .chars()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || *c == '\u{fffd}'
        })
        .count();
    if odd * 20 > total {
        return Err(ParseError::Binary(format!(
            "{odd} of its {total} characters are control or undecodable characters"
        )));
    }
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(ParseError::Blank);
    }
    Ok(())
}

/// Where each part of the brief is, as line indices.
struct Layout {
    header_end: usize,
    topics: Vec<TopicPart>,
    news: Option<std::ops::Range<usize>>,
    authors: Option<std::ops::Range<usize>>,
}

struct TopicPart {
    number: u32,
    /// `None` for a single-topic page, whose headline is the title.
    headline: Option<String>,
    /// The 1-based line of the heading, or of the first label on a single-topic page.
    line: usize,
    body: std::ops::Range<usize>,
}

impl Layout {
    fn find(lines: &[Line<'_>]) -> Option<Self> {
        let worth = lines.iter().position(|l| is_worth_noting(&l.text));
        let authors = lines
            .iter()
            .rposition(|l| scan_authors(&l.text).is_some())
            .filter(|&a| worth.is_none_or(|w| a > w));
        let body_end = worth.or(authors).unwrap_or(lines.len());
        let headings = topic_headings(&lines[..body_end]);
        let labelled = lines[..body_end]
            .iter()
            .position(|l| scan_label(&l.text).is_some());
        let mut topics = Vec::new();
        let header_end = if let Some(&(first, _, _)) = headings.first() {
            for (k, &(at, number, ref headline)) in headings.iter().enumerate() {
                let end = headings.get(k + 1).map_or(body_end, |h| h.0);
                topics.push(TopicPart {
                    number,
                    headline: Some(headline.clone()),
                    line: lines[at].no,
                    body: at + 1..end,
                });
            }
            first
        } else if let Some(first_label) = labelled {
            topics.push(TopicPart {
                number: 1,
                headline: None,
                line: lines[first_label].no,
                body: first_label..body_end,
            });
            first_label
        } else {
            body_end
        };
        let news_end = authors
            .filter(|&a| worth.is_some_and(|w| a > w))
            .unwrap_or(lines.len());
        let news = worth.map(|w| w + 1..news_end);
        let has_labels = labelled.is_some();
        let has_news = news
            .as_ref()
            .is_some_and(|r| lines[r.clone()].iter().any(|l| !l.is_blank()));
        (has_labels || has_news).then_some(Self {
            header_end,
            topics,
            news,
            authors: authors.map(|a| a..lines.len()),
        })
    }
}

/// Topic headings numbered 1, 2, 3 … A numbered line directly followed by the next number (a
/// contents list) is not a heading.
fn topic_headings(lines: &[Line<'_>]) -> Vec<(usize, u32, String)> {
    let mut found = Vec::new();
    let mut expected = 1;
    for (i, line) in lines.iter().enumerate() {
        let Some((number, headline)) = scan_topic_heading(&line.text) else {
            continue;
        };
        if number != expected {
            continue;
        }
        let next = lines[i + 1..].iter().find(|l| !l.is_blank());
        if next.is_some_and(|n| scan_topic_heading(&n.text).is_some()) {
            continue;
        }
        found.push((i, number, headline.to_owned()));
        expected += 1;
    }
    found
}

fn read_authors(lines: &[Line<'_>]) -> Vec<String> {
    let mut names = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let text = if k == 0 {
            scan_authors(&line.text).unwrap_or("")
        } else {
            &line.text
        };
        let text = text.strip_prefix("By ").unwrap_or(text);
        names.extend(
            text.split([',', ';', '、'])
                .flat_map(|part| part.split(" and "))
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned),
        );
    }
    names
}

/// Where a date read without a year goes once its year is known.
#[derive(Clone, Copy, Debug)]
pub(crate) enum DateSlot {
    /// Topic index, event index.
    Event(usize, usize),
    News(usize),
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
    let mut anchors: Vec<NaiveDate> = brief.dates().collect();
    if anchors.is_empty()
        && let Some(day) = hint.and_then(|p| NaiveDate::from_ymd_opt(p.year, p.month, 15))
    {
        anchors.push(day);
    }
    for p in pending.into_iter().filter(|p| p.date.year.is_none()) {
        let resolved = resolve_year(p.date.month, p.date.day, &anchors);
        if resolved.is_none() {
            warnings.add(
                p.line,
                format!(
                    "the date {}/{} has no year and the brief has no full date to take one from",
                    p.date.month, p.date.day
                ),
            );
        }
        match p.slot {
            DateSlot::Event(t, e) => brief.topics[t].events[e].date = resolved,
            DateSlot::News(n) => brief.news[n].date = resolved,
            DateSlot::Policy(t) => {
                if let Some(policy) = &mut brief.topics[t].policy {
                    policy.date = resolved;
                }
            }
        }
    }
}

/// The month of the latest policy or news date, else of the latest event.
fn brief_period(brief: &Brief) -> Option<Period> {
    let policy_or_news = brief
        .topics
        .iter()
        .filter_map(|t| t.policy.as_ref()?.date)
        .chain(brief.news.iter().filter_map(|n| n.date))
        .max();
    policy_or_news
        .or_else(|| brief.dates().max())
        .map(Period::of)
}

fn collect_glossary(brief: &Brief) -> Vec<crate::model::GlossaryEntry> {
    let mut out = Vec::new();
    glossary::collect_definitions(&brief.title, &mut out);
    for topic in &brief.topics {
        glossary::collect_definitions(&topic.headline, &mut out);
        glossary::collect_definitions(&topic.at_a_glance, &mut out);
        for point in &topic.points {
            glossary::collect_definitions(point, &mut out);
        }
        for event in &topic.events {
            glossary::collect_definitions(&event.text, &mut out);
        }
        glossary::collect_definitions(&topic.comment, &mut out);
    }
    for item in &brief.news {
        glossary::collect_definitions(&item.text, &mut out);
    }
    out
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
