//! The columns of each view and the text of each cell.

use std::borrow::Cow;

use super::{Library, Row, View};

/// How a column's values compare and align.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Text, compared case-insensitively.
    Text,
    /// ISO dates and periods; empty cells sort last.
    Date,
    /// Whole numbers, right-aligned.
    Number,
}

/// A column of a table.
#[derive(Clone, Copy, Debug)]
pub struct ColumnDef {
    pub title: &'static str,
    pub align: Align,
    /// Initial width in points.
    pub width: f32,
}

const fn col(title: &'static str, align: Align, width: f32) -> ColumnDef {
    ColumnDef {
        title,
        align,
        width,
    }
}

const POLICIES: &[ColumnDef] = &[
    col("Date", Align::Date, 90.0),
    col("Policy", Align::Text, 340.0),
    col("中文 name", Align::Text, 240.0),
    col("Issuing body", Align::Text, 150.0),
    col("Topic", Align::Text, 240.0),
    col("Brief", Align::Text, 240.0),
    col("Type", Align::Text, 200.0),
];
const TARGETS: &[ColumnDef] = &[
    col("Year", Align::Number, 50.0),
    col("Target", Align::Text, 520.0),
    col("Kind", Align::Text, 80.0),
    col("From", Align::Text, 280.0),
    col("Issuing body", Align::Text, 130.0),
    col("Brief", Align::Text, 200.0),
    col("Due", Align::Date, 90.0),
    col("Listed under", Align::Text, 320.0),
];
const ORGANISATIONS: &[ColumnDef] = &[
    col("Name", Align::Text, 200.0),
    col("Full name", Align::Text, 380.0),
    col("Kind", Align::Text, 80.0),
    col("Briefs", Align::Number, 60.0),
    col("Items", Align::Number, 60.0),
    col("Mentions", Align::Number, 70.0),
];
const FIGURES: &[ColumnDef] = &[
    col("Value", Align::Number, 130.0),
    col("Unit", Align::Text, 70.0),
    col("As written", Align::Text, 150.0),
    col("Context", Align::Text, 460.0),
    col("Kind", Align::Text, 70.0),
    col("From", Align::Text, 240.0),
    col("Brief", Align::Text, 200.0),
];
const NEWS: &[ColumnDef] = &[
    col("Date", Align::Date, 90.0),
    col("Section", Align::Text, 80.0),
    col("Text", Align::Text, 560.0),
    col("Sources", Align::Text, 260.0),
];
const TOPICS: &[ColumnDef] = &[
    col("Brief", Align::Text, 220.0),
    col("#", Align::Number, 30.0),
    col("Headline", Align::Text, 420.0),
    col("Policy date", Align::Date, 90.0),
    col("Issuing body", Align::Text, 150.0),
    col("Points", Align::Number, 50.0),
];
const BRIEFS: &[ColumnDef] = &[
    col("Period", Align::Date, 70.0),
    col("Title", Align::Text, 480.0),
    col("Series", Align::Text, 200.0),
    col("Topics", Align::Number, 60.0),
    col("News items", Align::Number, 80.0),
    col("Imported", Align::Date, 140.0),
];
const GLOSSARY: &[ColumnDef] = &[
    col("Term", Align::Text, 160.0),
    col("Meaning", Align::Text, 480.0),
    col("Kind", Align::Text, 80.0),
    col("Mentions", Align::Number, 70.0),
];

/// The columns of `view`, left to right.
pub fn columns(view: View) -> &'static [ColumnDef] {
    match view {
        View::Policies => POLICIES,
        View::News => NEWS,
        View::Topics => TOPICS,
        View::Briefs => BRIEFS,
        View::Glossary => GLOSSARY,
        View::Targets => TARGETS,
        View::Figures => FIGURES,
        View::Organisations => ORGANISATIONS,
    }
}

fn opt(s: Option<&str>) -> Cow<'_, str> {
    Cow::Borrowed(s.unwrap_or(""))
}

fn date<T: ToString>(d: Option<T>) -> Cow<'static, str> {
    Cow::Owned(d.map(|d| d.to_string()).unwrap_or_default())
}

pub(super) fn cell(lib: &Library, view: View, row: Row, column: usize) -> Cow<'_, str> {
    match row {
        Row::Topic(b, t) => {
            let (Some(stored), Some(topic)) = (lib.brief(b), lib.topic(b, t)) else {
                return Cow::Borrowed("");
            };
            let policy = topic.policy.as_ref();
            match (view, column) {
                (View::Policies, 0) | (View::Topics, 3) => date(policy.and_then(|p| p.date)),
                (View::Policies, 1) => opt(policy.map(|p| p.name.as_str())),
                (View::Policies, 2) => opt(policy.and_then(|p| p.name_zh.as_deref())),
                (View::Policies, 3) | (View::Topics, 4) => {
                    opt(policy.and_then(|p| p.issuing_body.as_deref()))
                }
                (View::Policies, 4) => Cow::Owned(format!("{}. {}", topic.number, topic.headline)),
                (View::Policies, 5) | (View::Topics, 0) => Cow::Borrowed(&stored.brief.title),
                (View::Policies, 6) => {
                    Cow::Owned(lib.doc_info(b, t).map(super::doc_label).unwrap_or_default())
                }
                (View::Topics, 1) => Cow::Owned(topic.number.to_string()),
                (View::Topics, 2) => Cow::Borrowed(&topic.headline),
                (View::Topics, 5) => {
                    Cow::Owned((lib.point_count(b, t) + topic.events.len()).to_string())
                }
                _ => Cow::Borrowed(""),
            }
        }
        Row::News(b, n) => {
            let Some(item) = lib.news_item(b, n) else {
                return Cow::Borrowed("");
            };
            match column {
                0 => date(item.date),
                1 => Cow::Borrowed(item.section.as_str()),
                2 => Cow::Borrowed(item.text()),
                3 => Cow::Owned(
                    item.sources
                        .iter()
                        .map(|s| match s.lang {
                            Some(lang) => format!("{} ({})", s.title, lang.tag()),
                            None => s.title.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                _ => Cow::Borrowed(""),
            }
        }
        Row::Brief(b) => {
            let Some(stored) = lib.brief(b) else {
                return Cow::Borrowed("");
            };
            let brief = &stored.brief;
            match column {
                0 => date(brief.period),
                1 => Cow::Borrowed(&brief.title),
                2 => opt(brief.series.as_deref()),
                3 => Cow::Owned(brief.topics.len().to_string()),
                4 => Cow::Owned(lib.news_count(b).to_string()),
                5 => Cow::Owned(stored.imported_at.get(..16).unwrap_or("").replace('T', " ")),
                _ => Cow::Borrowed(""),
            }
        }
        Row::Target(i) => {
            let Some(row) = lib.target(i) else {
                return Cow::Borrowed("");
            };
            let brief = lib.brief(row.brief).map_or("", |s| s.brief.title.as_str());
            match column {
                0 => Cow::Owned(row.year.to_string()),
                1 => Cow::Borrowed(row.text),
                2 => Cow::Borrowed(super::target_kind_label(row.kind)),
                3 => lib.origin_label(row.brief, row.origin),
                4 => opt(lib.origin_body(row.brief, row.origin)),
                5 => Cow::Borrowed(brief),
                6 => date(row.due),
                7 => opt(row.context),
                _ => Cow::Borrowed(""),
            }
        }
        Row::Org(i) => {
            let Some(org) = lib.org(i) else {
                return Cow::Borrowed("");
            };
            match column {
                0 => Cow::Borrowed(&org.name),
                1 => opt(org.full_name.as_deref()),
                2 => Cow::Borrowed(super::org_kind_label(org.kind)),
                3 => Cow::Owned(org.briefs.len().to_string()),
                4 => Cow::Owned(org.item_count.to_string()),
                5 => Cow::Owned(org.mentions.to_string()),
                _ => Cow::Borrowed(""),
            }
        }
        Row::Figure(i) => {
            let Some(row) = lib.figure(i) else {
                return Cow::Borrowed("");
            };
            let brief = lib.brief(row.brief).map_or("", |s| s.brief.title.as_str());
            match column {
                0 => Cow::Owned(number(row.value)),
                1 => Cow::Borrowed(row.unit),
                2 => Cow::Borrowed(row.raw),
                3 => Cow::Borrowed(row.text),
                4 => Cow::Borrowed(super::figure_kind_label(row.kind)),
                5 => lib.origin_label(row.brief, row.origin),
                6 => Cow::Borrowed(brief),
                _ => Cow::Borrowed(""),
            }
        }
        Row::Glossary(g) => {
            let Some(term) = lib.term(g) else {
                return Cow::Borrowed("");
            };
            match column {
                0 => Cow::Borrowed(&term.term),
                1 => Cow::Borrowed(&term.meaning),
                2 => Cow::Borrowed(term.kind.as_str()),
                3 => Cow::Owned(lib.mentions(g).map_or("…".to_owned(), |n| n.to_string())),
                _ => Cow::Borrowed(""),
            }
        }
    }
}

/// A figure's value with thousands separators: 70000000000 → "70,000,000,000", 2.5 → "2.5".
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let whole = value.trunc();
    let fraction = value - whole;
    let digits = format!("{:.0}", whole.abs());
    let mut out = String::new();
    if value < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if fraction.abs() > 1e-9 {
        let decimals = format!("{:.3}", fraction.abs());
        out.push_str(decimals.trim_start_matches('0').trim_end_matches('0'));
    }
    out
}
