//! Search and facets. Facets combine (AND across groups, OR within one); each group's counts
//! follow every other active filter, so a count says what a click would give.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Library, Row, View, deadline_date, doc_type_label};
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
    /// Policy document types, as [`doc_type_label`] words ("action plan").
    pub doc_types: BTreeSet<String>,
    /// Brief series ("MERICS China Industries", "MERICS China Essentials"); "" for briefs
    /// that name none.
    pub series: BTreeSet<String>,
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
    pub doc_types: BTreeMap<String, usize>,
    pub series: BTreeMap<String, usize>,
}

/// A facet group, as a bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Period = 1,
    Body = 2,
    Section = 4,
    Lang = 8,
    Date = 16,
    DocType = 32,
    Series = 64,
}

/// What the facets look at in one row. `None` where a facet does not apply to the row's kind.
#[derive(Default)]
struct Facts<'a> {
    periods: &'a [String],
    /// Issuing bodies; a footer may name several ("MIIT, NDRC").
    bodies: Option<Vec<&'a str>>,
    section: Option<Section>,
    /// A bit per [`LangFacet`] (see [`lang_bit`]).
    langs: Option<u8>,
    date: Option<Option<NaiveDate>>,
    /// A policy's document type; `Some("")` when its name says none.
    doc_type: Option<&'a str>,
    /// The series of the row's brief; `Some("")` when it names none.
    series: Option<&'a str>,
}

/// The bit of a language in [`Facts::langs`].
fn lang_bit(lang: LangFacet) -> u8 {
    match lang {
        LangFacet::Lang(Lang::Chinese) => 1,
        LangFacet::Lang(Lang::English) => 2,
        LangFacet::Lang(Lang::German) => 4,
        LangFacet::Unknown => 8,
    }
}

const LANG_FACETS: [LangFacet; 4] = [
    LangFacet::Lang(Lang::Chinese),
    LangFacet::Lang(Lang::English),
    LangFacet::Lang(Lang::German),
    LangFacet::Unknown,
];

/// Rows above this many are searched on every core.
const PARALLEL_ROWS: usize = 16_384;

/// The search terms of a filter, ready to find in lower-cased haystacks.
struct Terms(Vec<memchr::memmem::Finder<'static>>);

impl Terms {
    fn new(filter: &Filter) -> Self {
        Self(
            filter
                .terms()
                .iter()
                .map(|t| memchr::memmem::Finder::new(t.as_bytes()).into_owned())
                .collect(),
        )
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The positions in `rows(view)` whose haystack holds every term, in order; split over
    /// the machine's cores for large views.
    fn positions(&self, lib: &Library, view: View) -> Vec<u32> {
        let threads = match lib.rows(view).len() {
            n if n < PARALLEL_ROWS => 1,
            _ => std::thread::available_parallelism().map_or(1, usize::from),
        };
        self.positions_on(lib, view, threads)
    }

    /// [`Terms::positions`] on `threads` threads.
    fn positions_on(&self, lib: &Library, view: View, threads: usize) -> Vec<u32> {
        if self.is_empty() {
            return (0..lib.rows(view).len() as u32).collect();
        }
        lib.search(view, &self.0, threads)
    }
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
        let rows = lib.rows(view);
        self.select(lib, view, false)
            .0
            .into_iter()
            .map(|p| rows[p as usize])
            .collect()
    }

    /// Facet counts over `view`.
    pub fn facet_counts(&self, lib: &Library, view: View) -> FacetCounts {
        self.select(lib, view, true).1
    }

    /// One pass over `view`: the positions (in `rows(view)`) of the rows that pass, and the
    /// facet counts when asked for.
    pub(super) fn select(&self, lib: &Library, view: View, count: bool) -> (Vec<u32>, FacetCounts) {
        let searched = Terms::new(self).positions(lib, view);
        let rows = lib.rows(view);
        let mut counts = FacetCounts::default();
        if !count && !self.has_facets() {
            return (searched, counts);
        }
        let wanted_langs = self.langs.iter().fold(0u8, |m, l| m | lang_bit(*l));
        let mut passed = Vec::with_capacity(searched.len());
        // Rows that count for the same periods one after the other (a brief's topics, its
        // news), counted together: one look-up per period instead of one per row.
        let mut run: (&[String], usize) = (&[], 0);
        for p in searched {
            let facts = facts(lib, rows[p as usize]);
            let failing = self.failing(&facts, wanted_langs);
            if failing == 0 {
                passed.push(p);
            }
            if count {
                if FacetCounts::counts_for(failing, Group::Period) {
                    if std::ptr::eq(run.0, facts.periods) {
                        run.1 += 1;
                    } else {
                        counts.add_periods(run.0, run.1);
                        run = (facts.periods, 1);
                    }
                }
                counts.add(&facts, failing);
            }
        }
        counts.add_periods(run.0, run.1);
        (passed, counts)
    }

    /// The groups whose filter this row fails, as a bit set of [`Group`]s.
    fn failing(&self, facts: &Facts<'_>, wanted_langs: u8) -> u8 {
        let mut out = 0;
        if !self.periods.is_empty() && !facts.periods.iter().any(|p| self.periods.contains(p)) {
            out |= Group::Period as u8;
        }
        if !self.bodies.is_empty()
            && let Some(bodies) = &facts.bodies
            && !bodies.iter().any(|b| self.bodies.contains(*b))
        {
            out |= Group::Body as u8;
        }
        if !self.sections.is_empty()
            && let Some(section) = facts.section
            && !self.sections.contains(&section)
        {
            out |= Group::Section as u8;
        }
        if wanted_langs != 0
            && let Some(langs) = facts.langs
            && langs & wanted_langs == 0
        {
            out |= Group::Lang as u8;
        }
        if (self.from.is_some() || self.to.is_some())
            && let Some(date) = facts.date
        {
            let inside = date.is_some_and(|d| {
                self.from.is_none_or(|from| d >= from) && self.to.is_none_or(|to| d <= to)
            });
            if !inside {
                out |= Group::Date as u8;
            }
        }
        if !self.doc_types.is_empty()
            && let Some(doc_type) = facts.doc_type
            && !self.doc_types.contains(doc_type)
        {
            out |= Group::DocType as u8;
        }
        if !self.series.is_empty()
            && let Some(series) = facts.series
            && !self.series.contains(series)
        {
            out |= Group::Series as u8;
        }
        out
    }
}

impl FacetCounts {
    /// Whether a row whose facts fail the groups in `failing` counts for `group`: each group
    /// counts the rows that pass every other group.
    fn counts_for(failing: u8, group: Group) -> bool {
        failing == 0 || failing == group as u8
    }

    /// Counts `rows` rows of the periods `labels`.
    fn add_periods(&mut self, labels: &[String], rows: usize) {
        for p in labels {
            match self.periods.get_mut(p) {
                Some(n) => *n += rows,
                None => {
                    self.periods.insert(p.clone(), rows);
                }
            }
        }
    }

    /// Counts one row whose facts fail the groups in `failing`, but for its periods
    /// ([`FacetCounts::add_periods`]).
    fn add(&mut self, facts: &Facts<'_>, failing: u8) {
        let counts_for = |group: Group| Self::counts_for(failing, group);
        if counts_for(Group::Body) {
            for body in facts.bodies.iter().flatten() {
                match self.bodies.get_mut(*body) {
                    Some(n) => *n += 1,
                    None => {
                        self.bodies.insert((*body).to_owned(), 1);
                    }
                }
            }
        }
        if counts_for(Group::Section)
            && let Some(section) = facts.section
        {
            *self.sections.entry(section).or_default() += 1;
        }
        if counts_for(Group::Lang)
            && let Some(langs) = facts.langs
        {
            for lang in LANG_FACETS {
                if langs & lang_bit(lang) != 0 {
                    *self.langs.entry(lang).or_default() += 1;
                }
            }
        }
        if counts_for(Group::DocType)
            && let Some(doc_type) = facts.doc_type
            && !doc_type.is_empty()
        {
            match self.doc_types.get_mut(doc_type) {
                Some(n) => *n += 1,
                None => {
                    self.doc_types.insert(doc_type.to_owned(), 1);
                }
            }
        }
        if counts_for(Group::Series)
            && let Some(series) = facts.series
        {
            match self.series.get_mut(series) {
                Some(n) => *n += 1,
                None => {
                    self.series.insert(series.to_owned(), 1);
                }
            }
        }
        if counts_for(Group::Date)
            && let Some(Some(date)) = facts.date
        {
            self.dates = Some(match self.dates {
                Some((lo, hi)) => (lo.min(date), hi.max(date)),
                None => (date, date),
            });
        }
    }
}

fn facts(lib: &Library, row: Row) -> Facts<'_> {
    let mut facts = row_facts(lib, row);
    let brief = match row {
        Row::Brief(b) | Row::Topic(b, _) | Row::News(b, _) => Some(b),
        Row::Target(i) => lib.target(i).map(|t| t.brief),
        Row::Figure(i) => lib.figure(i).map(|f| f.brief),
        Row::Org(_) | Row::Glossary(_) => None,
    };
    facts.series = brief
        .and_then(|b| lib.brief(b))
        .map(|s| s.brief.series.as_deref().unwrap_or(""));
    facts
}

fn row_facts(lib: &Library, row: Row) -> Facts<'_> {
    match row {
        Row::Brief(b) => Facts {
            periods: lib.period_labels(b),
            date: Some(lib.brief(b).and_then(|s| s.brief.period?.first_day())),
            ..Facts::default()
        },
        Row::Topic(b, t) => {
            let policy = lib.topic(b, t).and_then(|t| t.policy.as_ref());
            Facts {
                periods: lib.period_labels(b),
                bodies: Some(lib.bodies(b, t)),
                date: Some(policy.and_then(|p| p.date)),
                doc_type: policy.map(|_| {
                    lib.doc_info(b, t)
                        .and_then(|d| d.doc_type)
                        .map_or("", doc_type_label)
                }),
                ..Facts::default()
            }
        }
        Row::Target(i) => match lib.target(i) {
            Some(row) => Facts {
                date: Some(deadline_date(row.year)),
                ..finding_facts(lib, row.brief, row.origin)
            },
            None => Facts::default(),
        },
        Row::Org(i) => Facts {
            periods: lib.org(i).map_or(&[], |o| o.periods.as_slice()),
            ..Facts::default()
        },
        Row::Figure(i) => lib.figure(i).map_or_else(Facts::default, |row| {
            finding_facts(lib, row.brief, row.origin)
        }),
        Row::News(b, n) => {
            let item = lib.news_item(b, n);
            let langs = item.map(|i| {
                i.sources.iter().fold(0u8, |m, s| {
                    m | lang_bit(s.lang.map_or(LangFacet::Unknown, LangFacet::Lang))
                })
            });
            Facts {
                periods: lib.period_labels(b),
                section: item.map(|i| i.section),
                langs,
                date: Some(item.and_then(|i| i.date)),
                ..Facts::default()
            }
        }
        Row::Glossary(g) => Facts {
            periods: lib.term(g).map_or(&[], |t| t.periods.as_slice()),
            ..Facts::default()
        },
    }
}

/// What the facets look at in a target or figure: its brief's period and its policy's bodies.
fn finding_facts(lib: &Library, brief: u32, origin: super::Origin) -> Facts<'_> {
    Facts {
        periods: lib.period_labels(brief),
        bodies: Some(lib.origin_bodies(brief, origin)),
        ..Facts::default()
    }
}

/// "MIIT, Ministry of Natural Resources" names two bodies; "… Economic and Information Bureau"
/// is one.
pub fn split_bodies(text: &str) -> Vec<&str> {
    // Most footers name one body: no separator, nor a byte that begins one of the two
    // Chinese separators (E3 80 81, EF BC 9B). Splitting by a set of chars decodes every char.
    if !(text.bytes()).any(|b| matches!(b, b',' | b';' | 0xE3 | 0xEF)) {
        let body = text.trim();
        return if body.is_empty() {
            Vec::new()
        } else {
            vec![body]
        };
    }
    text.split([',', ';', '、', '；'])
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searching_on_several_threads_finds_what_one_thread_finds() {
        let lib = Library::new(
            (0..12)
                .map(|i| crate::generate::stored_brief(i, 7))
                .collect(),
        );
        for search in ["the", "ndrc", "能源", "plan 20", "zzzz-nothing"] {
            let terms = Terms::new(&Filter {
                search: search.into(),
                ..Filter::default()
            });
            for view in View::ALL {
                let one = terms.positions_on(&lib, view, 1);
                for threads in [2, 3, 7] {
                    assert_eq!(
                        terms.positions_on(&lib, view, threads),
                        one,
                        "{search} {view:?}"
                    );
                }
            }
        }
    }
}
