//! Search and facets. Facets combine (AND across groups, OR within one); each group's counts
//! follow every other active filter, so a count says what a click would give.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Library, Row, View};
use crate::model::{Lang, Section};

/// A source language as a facet value (a source may have none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LangFacet {
    Lang(Lang),
    Unknown,
}

impl LangFacet {
    pub fn label(self) -> &'static str {
        match self {
            Self::Lang(lang) => lang.tag(),
            Self::Unknown => "no language",
        }
    }
}

/// What the user filters by. Empty sets filter nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Whitespace-separated terms; a row matches when it contains every one (any case).
    pub search: String,
    /// Brief periods, "YYYY-MM".
    pub periods: BTreeSet<String>,
    pub bodies: BTreeSet<String>,
    pub sections: BTreeSet<Section>,
    pub langs: BTreeSet<LangFacet>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Counts per facet value for the current filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub periods: BTreeMap<String, usize>,
    pub bodies: BTreeMap<String, usize>,
    pub sections: BTreeMap<Section, usize>,
    pub langs: BTreeMap<LangFacet, usize>,
    /// Earliest and latest date of the rows that match the other filters.
    pub dates: Option<(NaiveDate, NaiveDate)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Period,
    Body,
    Section,
    Lang,
    Date,
}

/// What the facets look at in one row. `None` where a facet does not apply to the row's kind.
#[derive(Default)]
struct Facts<'a> {
    periods: Vec<String>,
    /// Issuing bodies; a footer may name several ("MIIT, NDRC").
    bodies: Option<Vec<&'a str>>,
    section: Option<Section>,
    langs: Option<Vec<LangFacet>>,
    date: Option<Option<NaiveDate>>,
}

impl Filter {
    /// The lower-cased search terms.
    pub fn terms(&self) -> Vec<String> {
        self.search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// True when any facet (not the search) is set.
    pub fn has_facets(&self) -> bool {
        Self {
            search: String::new(),
            ..self.clone()
        } != Self::default()
    }

    /// The rows of `view` that pass, in library order.
    pub fn matching(&self, lib: &Library, view: View) -> Vec<Row> {
        let terms = self.terms();
        lib.rows(view)
            .iter()
            .zip(lib.haystacks(view))
            .filter(|(_, hay)| terms.iter().all(|t| hay.contains(t.as_str())))
            .filter(|(row, _)| self.failing(&facts(lib, **row)).is_empty())
            .map(|(row, _)| *row)
            .collect()
    }

    /// Facet counts over `view`.
    pub fn facet_counts(&self, lib: &Library, view: View) -> FacetCounts {
        let terms = self.terms();
        let mut counts = FacetCounts::default();
        for (row, hay) in lib.rows(view).iter().zip(lib.haystacks(view)) {
            if !terms.iter().all(|t| hay.contains(t.as_str())) {
                continue;
            }
            let facts = facts(lib, *row);
            let failing = self.failing(&facts);
            let counts_for = |group| failing.is_empty() || failing == [group];
            if counts_for(Group::Period) {
                for p in &facts.periods {
                    *counts.periods.entry(p.clone()).or_default() += 1;
                }
            }
            if counts_for(Group::Body) {
                for body in facts.bodies.iter().flatten() {
                    *counts.bodies.entry((*body).to_owned()).or_default() += 1;
                }
            }
            if counts_for(Group::Section)
                && let Some(section) = facts.section
            {
                *counts.sections.entry(section).or_default() += 1;
            }
            if counts_for(Group::Lang) {
                for lang in facts.langs.iter().flatten() {
                    *counts.langs.entry(*lang).or_default() += 1;
                }
            }
            if counts_for(Group::Date)
                && let Some(Some(date)) = facts.date
            {
                counts.dates = Some(match counts.dates {
                    Some((lo, hi)) => (lo.min(date), hi.max(date)),
                    None => (date, date),
                });
            }
        }
        counts
    }

    /// The groups whose filter this row fails.
    fn failing(&self, facts: &Facts<'_>) -> Vec<Group> {
        let mut out = Vec::new();
        if !self.periods.is_empty() && !facts.periods.iter().any(|p| self.periods.contains(p)) {
            out.push(Group::Period);
        }
        if !self.bodies.is_empty()
            && let Some(bodies) = &facts.bodies
            && !bodies.iter().any(|b| self.bodies.contains(*b))
        {
            out.push(Group::Body);
        }
        if !self.sections.is_empty()
            && let Some(section) = facts.section
            && !self.sections.contains(&section)
        {
            out.push(Group::Section);
        }
        if !self.langs.is_empty()
            && let Some(langs) = &facts.langs
            && !langs.iter().any(|l| self.langs.contains(l))
        {
            out.push(Group::Lang);
        }
        if (self.from.is_some() || self.to.is_some())
            && let Some(date) = facts.date
        {
            let inside = date.is_some_and(|d| {
                self.from.is_none_or(|from| d >= from) && self.to.is_none_or(|to| d <= to)
            });
            if !inside {
                out.push(Group::Date);
            }
        }
        out
    }
}

fn facts(lib: &Library, row: Row) -> Facts<'_> {
    let period_of = |b: u32| {
        lib.brief(b)
            .and_then(|s| s.brief.period)
            .map(|p| p.to_string())
    };
    match row {
        Row::Brief(b) => Facts {
            periods: period_of(b).into_iter().collect(),
            date: Some(lib.brief(b).and_then(|s| s.brief.period?.first_day())),
            ..Facts::default()
        },
        Row::Topic(b, t) => {
            let policy = lib.topic(b, t).and_then(|t| t.policy.as_ref());
            Facts {
                periods: period_of(b).into_iter().collect(),
                bodies: Some(
                    policy
                        .and_then(|p| p.issuing_body.as_deref())
                        .map(split_bodies)
                        .unwrap_or_default(),
                ),
                date: Some(policy.and_then(|p| p.date)),
                ..Facts::default()
            }
        }
        Row::News(b, n) => {
            let item = lib.news_item(b, n);
            let langs = item.map(|i| {
                let mut langs: Vec<LangFacet> = i
                    .sources
                    .iter()
                    .map(|s| s.lang.map_or(LangFacet::Unknown, LangFacet::Lang))
                    .collect();
                langs.sort();
                langs.dedup();
                langs
            });
            Facts {
                periods: period_of(b).into_iter().collect(),
                section: item.map(|i| i.section),
                langs,
                date: Some(item.and_then(|i| i.date)),
                ..Facts::default()
            }
        }
        Row::Glossary(g) => Facts {
            periods: lib
                .term(g)
                .map(|t| t.briefs.iter().filter_map(|b| period_of(*b)).collect())
                .unwrap_or_default(),
            ..Facts::default()
        },
    }
}

/// "MIIT, Ministry of Natural Resources" names two bodies; "… Economic and Information Bureau"
/// is one.
pub fn split_bodies(text: &str) -> Vec<&str> {
    text.split([',', ';', '、', '；'])
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect()
}
