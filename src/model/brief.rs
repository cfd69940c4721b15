//! A parsed brief and its parts.
//!
//! Field names are the public JSON shape of `briefdesk parse --json`: add fields, never rename.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Period;

/// One brief: its header, numbered topics, "Worth noting" digest and glossary.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// The brief's title, e.g. "Medical equipment industry + Tech-upgrade + …".
    pub title: String,
    /// The series line, e.g. "MERICS China Industries".
    pub series: Option<String>,
    /// The publisher, e.g. "MERICS".
    pub publisher: Option<String>,
    /// The photo caption that opens a brief saved from the web.
    pub caption: Option<String>,
    /// "11 min read" gives 11.
    pub reading_minutes: Option<u32>,
    /// The month of the latest policy or news date.
    pub period: Option<Period>,
    /// Names listed under "Author(s)".
    pub authors: Vec<String>,
    /// Lines between the title and topic 1 that are neither headings nor a table of contents
    /// (a subscription note, an introduction).
    #[serde(default)]
    pub notes: Vec<String>,
    /// The topics an issue lists before its first topic ("MERICS Top 5", "In this issue …
    /// we cover the following topics:"), as written, without their numbers or bullets.
    #[serde(default)]
    pub contents: Vec<String>,
    pub topics: Vec<Topic>,
    pub news: Vec<NewsItem>,
    pub glossary: Vec<GlossaryEntry>,
    /// Lines the parser could not place, and other doubts, with their line numbers.
    pub warnings: Vec<Warning>,
}

/// A numbered topic.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub number: u32,
    pub headline: String,
    /// The summary: the "At a glance" paragraph and any paragraph after the bullets.
    pub at_a_glance: String,
    /// Bullet points that do not start with a date.
    pub points: Vec<String>,
    /// Bullet points that start with a date ("February 7: …").
    pub events: Vec<Event>,
    /// The "MERICS comment" (or "MERICS analysis") paragraphs, joined with a blank line.
    pub comment: String,
    /// "What to watch" paragraphs (China Essentials stories), joined with a blank line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub watch: String,
    pub policy: Option<Policy>,
}

/// A dated bullet point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `None` when the date had no year and none could be inferred.
    pub date: Option<NaiveDate>,
    pub text: String,
}

/// The policy document a topic is about, from its footer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    /// The English name, without the Chinese part or "(Link)".
    pub name: String,
    /// The Chinese name as written, e.g. "《…》解读".
    pub name_zh: Option<String>,
    pub issuing_body: Option<String>,
    pub date: Option<NaiveDate>,
}

/// Which part of "Worth noting" an entry is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Policy,
    Corporate,
}

impl Section {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Policy => "policy",
            Self::Corporate => "corporate",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<Self> {
        match s {
            "policy" => Some(Self::Policy),
            "corporate" => Some(Self::Corporate),
            _ => None,
        }
    }
}

/// An entry of the "Worth noting" digest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewsItem {
    pub section: Section,
    /// The day the entry is dated, the first day of a range ("March 30-April 2").
    pub date: Option<NaiveDate>,
    /// The last day of a range of dates, when the entry gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    pub text: String,
    pub sources: Vec<Source>,
}

/// The language a source is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "CN")]
    Chinese,
    #[serde(rename = "EN")]
    English,
    #[serde(rename = "DE")]
    German,
}

impl Lang {
    /// Reads a tag such as "CN", "ZH", "EN" or "DE".
    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag.trim().to_ascii_uppercase().as_str() {
            "CN" | "ZH" | "CHN" | "CHINESE" => Some(Self::Chinese),
            "EN" | "ENG" | "ENGLISH" => Some(Self::English),
            "DE" | "GER" | "GERMAN" => Some(Self::German),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Self::Chinese => "CN",
            Self::English => "EN",
            Self::German => "DE",
        }
    }
}

/// One source named at the end of a news entry: "Reuters article (EN)".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Shared: a library names the same few hundred sources over and over (see
    /// `store::read`), and one string per mention took tens of megabytes.
    pub title: Arc<str>,
    pub lang: Option<Lang>,
}

/// What a glossary entry explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GlossaryKind {
    /// "Ministry of Industry and Information Technology (MIIT)".
    Acronym,
    /// "Two Zones (两区)".
    Chinese,
}

impl GlossaryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Acronym => "acronym",
            Self::Chinese => "chinese",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<Self> {
        match s {
            "acronym" => Some(Self::Acronym),
            "chinese" => Some(Self::Chinese),
            _ => None,
        }
    }
}

/// A term the brief defines in its own text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    /// The short form: "MIIT", or the Chinese "两区".
    pub term: String,
    /// The long form: "Ministry of Industry and Information Technology", or "Two Zones".
    pub meaning: String,
    pub kind: GlossaryKind,
}

/// Something the parser could not place, with the 1-based line it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

impl Brief {
    /// All dates the brief itself names: policy dates, event dates and news dates.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        let topic_dates = self.topics.iter().flat_map(|t| {
            t.policy
                .as_ref()
                .and_then(|p| p.date)
                .into_iter()
                .chain(t.events.iter().filter_map(|e| e.date))
        });
        topic_dates.chain(self.news.iter().filter_map(|n| n.date))
    }
}
