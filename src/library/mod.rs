//! The library in memory, shaped for the UI: flat rows per view, their cell texts, a
//! lower-cased search text per row, filters with facet counts, and stable sorting.
//!
//! Pure: built from loaded briefs, no I/O and no egui, so it is unit-tested and benchmarked
//! on its own.

mod columns;
mod filter;
mod findings;
mod folded;
mod news;
mod packed;
mod saved;
mod sort;
mod texts;
mod whats_new;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::{BriefId, StoredBrief, Version};
use crate::model::{GlossaryKind, Topic};

pub use columns::{Align, ColumnDef, columns, number};
pub use filter::{FacetCounts, Filter, LangFacet, split_bodies};
pub use findings::{
    FigureRow, FindingsBuilder, OrgRow, Origin, TargetRow, deadline_date, doc_label,
    doc_type_label, figure_kind_label, org_kind_label, target_kind_label,
};
pub use news::{NewsBuilder, NewsRef, SourceRef, Sources};
pub use saved::{SavedSearch, save as save_search};
pub use sort::{SortKey, SortState};
pub use whats_new::WhatsNew;

/// A table of the app.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum View {
    #[default]
    Policies,
    News,
    Topics,
    Briefs,
    Glossary,
    /// Commitments with a year, from every topic and news item.
    Targets,
    /// Amounts, shares, capacities and counts, from every topic and news item.
    Figures,
    /// Companies and agencies named in topics and news.
    Organisations,
}

impl View {
    pub const ALL: [Self; 8] = [
        Self::Policies,
        Self::News,
        Self::Topics,
        Self::Targets,
        Self::Figures,
        Self::Organisations,
        Self::Briefs,
        Self::Glossary,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Policies => "Policies",
            Self::News => "News",
            Self::Topics => "Topics",
            Self::Briefs => "Briefs",
            Self::Glossary => "Glossary",
            Self::Targets => "Targets",
            Self::Figures => "Figures",
            Self::Organisations => "Organisations",
        }
    }

    /// The plural noun for counts: "312 of 1,204 policies".
    pub fn noun(self) -> &'static str {
        match self {
            Self::Policies => "policies",
            Self::News => "news items",
            Self::Topics => "topics",
            Self::Briefs => "briefs",
            Self::Glossary => "glossary terms",
            Self::Targets => "targets",
            Self::Figures => "figures",
            Self::Organisations => "organisations",
        }
    }
}

/// One row of a table, as indices into [`Library`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Row {
    Brief(u32),
    /// Brief index, topic index (a topic, or a policy: the topic's footer).
    Topic(u32, u16),
    News(u32, u16),
    Glossary(u32),
    /// An index into the library's targets.
    Target(u32),
    /// An index into the library's figures.
    Figure(u32),
    /// An index into the library's organisations.
    Org(u32),
}

/// What is selected, stable across reloads of the library.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKey {
    Brief(BriefId),
    Policy(BriefId, u16),
    Topic(BriefId, u16),
    News(BriefId, u16),
    Term(String),
    /// A brief and the target's place among that brief's targets.
    Target(BriefId, u32),
    Figure(BriefId, u32),
    /// An organisation, by its usual name.
    Org(String),
}

/// A term defined by one or more briefs.
#[derive(Clone, Debug, PartialEq)]
pub struct TermRow {
    pub term: String,
    pub meaning: String,
    pub kind: GlossaryKind,
    /// Indices of the briefs that define it.
    pub briefs: Vec<u32>,
    /// The periods of the briefs that define it, "YYYY-MM".
    pub periods: Vec<String>,
}

/// The loaded library with its rows per view.
#[derive(Default)]
pub struct Library {
    briefs: Vec<StoredBrief>,
    terms: Vec<TermRow>,
    rows: BTreeMap<View, Vec<Row>>,
    /// Per view but Policies, aligned with `rows`: the lower-cased text of every searchable
    /// field of a row. A policy is its topic's footer, so Policies searches the Topics texts.
    /// Made on first use, or ahead of it by [`Library::warm`] on a background thread.
    haystacks: OnceLock<texts::Haystacks>,
    /// Per glossary term, how often it occurs in the briefs that define it; made like
    /// `haystacks`.
    mentions: OnceLock<Vec<usize>>,
    /// For each row of Policies, its row's position in Topics.
    policy_topics: Vec<u32>,
    /// Each brief's period as a facet value ("2021-02"), or none.
    period_labels: Vec<Vec<String>>,
    /// True when the topics' summaries and comments are not held (see [`Library::partial`]).
    partial: bool,
    /// Targets, figures, document types and organisations from the briefs' analyses.
    findings: OnceLock<findings::Findings>,
    /// Sort ranks per view and column, made the first time a column is sorted.
    ranks: sort::RankCache,
    /// Full names of acronyms from every glossary: "MIIT" → "Ministry of …".
    full_names: BTreeMap<String, String>,
    /// The terms each brief's glossary defines. The briefs' own glossaries are dropped once
    /// the terms are made: thousands of briefs define the same few dozen terms.
    brief_terms: BriefTerms,
    /// Per brief, the position of its first topic in the Topics rows.
    first_topic: Vec<u32>,
    /// Every brief's news items, held once (the briefs' own lists are emptied).
    news: news::NewsColumn,
    /// In an outline, each Topics row's number of points (the points stay in the store).
    point_counts: Vec<u16>,
    /// Versions of briefs that have more than one, keyed by the current version.
    versions: std::collections::HashMap<BriefId, Vec<Version>>,
}

/// For each brief, the indices of the terms its glossary defines, in its order.
#[derive(Default)]
struct BriefTerms {
    terms: Vec<u32>,
    /// Where each brief's terms end in `terms`.
    ends: Vec<u32>,
}

impl BriefTerms {
    fn of(&self, b: usize) -> &[u32] {
        let end = self.ends.get(b).copied().unwrap_or(0) as usize;
        let start = match b {
            0 => 0,
            _ => self.ends.get(b - 1).copied().unwrap_or(0) as usize,
        };
        self.terms.get(start..end).unwrap_or(&[])
    }
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("briefs", &self.briefs.len())
            .field("terms", &self.terms.len())
            .finish_non_exhaustive()
    }
}

impl Library {
    pub fn new(mut briefs: Vec<StoredBrief>) -> Self {
        let news =
            news::NewsColumn::build((briefs.iter_mut()).map(|s| std::mem::take(&mut s.brief.news)));
        Self::with_news_column(briefs, news)
    }

    /// A library of `briefs` whose news items were read apart, into `news` (as the store's
    /// `load_outline` does); the briefs' own lists are empty.
    pub fn with_news(briefs: Vec<StoredBrief>, news: NewsBuilder) -> Self {
        let news = news.finish(briefs.len());
        Self::with_news_column(briefs, news)
    }

    fn with_news_column(briefs: Vec<StoredBrief>, news: news::NewsColumn) -> Self {
        let mut lib = Self {
            briefs,
            news,
            ..Self::default()
        };
        lib.build_rows();
        lib
    }

    fn build_rows(&mut self) {
        let mut policies = Vec::new();
        let mut topics = Vec::new();
        let mut news = Vec::new();
        let mut briefs = Vec::new();
        let mut terms: Vec<TermRow> = Vec::new();
        let mut term_index: BTreeMap<String, usize> = BTreeMap::new();
        let mut policy_topics = Vec::new();
        let mut brief_terms = BriefTerms::default();
        let mut first_topic = Vec::with_capacity(self.briefs.len());
        self.period_labels = self
            .briefs
            .iter()
            .map(|s| s.brief.period.map(|p| p.to_string()).into_iter().collect())
            .collect();
        for (b, stored) in self.briefs.iter().enumerate() {
            let b = b as u32;
            briefs.push(Row::Brief(b));
            first_topic.push(topics.len() as u32);
            for (t, topic) in stored.brief.topics.iter().enumerate() {
                let row = Row::Topic(b, t as u16);
                if topic.policy.is_some() {
                    policies.push(row);
                    policy_topics.push(topics.len() as u32);
                }
                topics.push(row);
            }
            news.extend((0..self.news.count(b)).map(|n| Row::News(b, n as u16)));

            for entry in &stored.brief.glossary {
                let known = term_index.get(&entry.term).copied();
                brief_terms.terms.push(known.unwrap_or(terms.len()) as u32);
                match known {
                    Some(i) => {
                        terms[i].briefs.push(b);
                    }
                    None => {
                        term_index.insert(entry.term.clone(), terms.len());
                        terms.push(TermRow {
                            term: entry.term.clone(),
                            meaning: entry.meaning.clone(),
                            kind: entry.kind,
                            briefs: vec![b],
                            periods: Vec::new(),
                        });
                    }
                }
                if entry.kind == GlossaryKind::Acronym {
                    self.full_names
                        .entry(entry.term.clone())
                        .or_insert_with(|| entry.meaning.clone());
                }
            }
            brief_terms.ends.push(brief_terms.terms.len() as u32);
        }
        for stored in &mut self.briefs {
            stored.brief.glossary = Vec::new();
        }
        brief_terms.terms.shrink_to_fit();
        self.brief_terms = brief_terms;
        self.first_topic = first_topic;
        for term in &mut terms {
            // Distinct first: a common term is defined by thousands of briefs.
            let periods: std::collections::BTreeSet<&str> = (term.briefs.iter())
                .flat_map(|b| self.period_labels[*b as usize].iter().map(String::as_str))
                .collect();
            term.periods = periods.into_iter().map(str::to_owned).collect();
        }
        let glossary = (0..terms.len() as u32).map(Row::Glossary).collect();
        self.terms = terms;
        self.policy_topics = policy_topics;
        self.rows = BTreeMap::from([
            (View::Policies, policies),
            (View::News, news),
            (View::Topics, topics),
            (View::Briefs, briefs),
            (View::Glossary, glossary),
        ]);
        self.haystacks = OnceLock::new();
        self.mentions = OnceLock::new();
        self.ranks = sort::RankCache::new();
    }

    /// Marks the library as an outline: its topics' summaries and comments are left in the
    /// store (the bulk of a large library's text), searched through texts given to
    /// [`Library::texts_builder`], and read one at a time for the detail panel.
    pub fn partial(mut self) -> Self {
        self.partial = true;
        self
    }

    /// Gives an outline each Topics row's number of points, which it leaves in the store
    /// (the store reads them with the outline).
    pub fn with_point_counts(mut self, counts: Vec<u16>) -> Self {
        self.point_counts = counts;
        self
    }

    /// How many points topic `t` of brief `b` has, held or not.
    pub fn point_count(&self, b: u32, t: u16) -> usize {
        let held = self.topic(b, t).map_or(0, |topic| topic.points.len());
        let pos = self
            .first_topic
            .get(b as usize)
            .map(|&f| f as usize + t as usize);
        match pos.and_then(|p| self.point_counts.get(p)) {
            Some(&count) if held == 0 => count as usize,
            _ => held,
        }
    }

    /// True for an outline (see [`Library::partial`]).
    pub fn is_partial(&self) -> bool {
        self.partial
    }

    /// Adds what the library knows of earlier versions.
    pub fn with_versions(
        mut self,
        versions: std::collections::HashMap<BriefId, Vec<Version>>,
    ) -> Self {
        self.versions = versions;
        self
    }

    /// The rows of `view` that pass `filter`, sorted, and the facet counts: what one change
    /// of search, facet, sort or view costs.
    pub fn query(&self, view: View, filter: &Filter, sort: &SortState) -> (Vec<Row>, FacetCounts) {
        let (mut positions, counts) = filter.select(self, view, true);
        sort.sort_positions(self, view, &mut positions);
        let rows = self.rows(view);
        (
            positions.into_iter().map(|p| rows[p as usize]).collect(),
            counts,
        )
    }

    /// Every version of brief `id`, oldest first; empty when it has only one.
    pub fn versions(&self, id: BriefId) -> &[Version] {
        self.versions.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The briefs as the library holds them: without their glossaries (the Glossary rows hold
    /// the terms) and news items ([`Library::news_of`]) and, in an outline, without their
    /// topics' summaries, points and comments.
    pub fn briefs(&self) -> &[StoredBrief] {
        &self.briefs
    }

    pub fn is_empty(&self) -> bool {
        self.briefs.is_empty()
    }

    /// Every row of `view`, in library order.
    pub fn rows(&self, view: View) -> &[Row] {
        match view {
            View::Targets | View::Figures | View::Organisations => &self.found().rows,
            _ => &self.rows,
        }
        .get(&view)
        .map_or(&[], Vec::as_slice)
    }

    pub fn brief(&self, index: u32) -> Option<&StoredBrief> {
        self.briefs.get(index as usize)
    }

    pub fn topic(&self, b: u32, t: u16) -> Option<&Topic> {
        self.brief(b)?.brief.topics.get(t as usize)
    }

    pub fn news_item(&self, b: u32, n: u16) -> Option<NewsRef<'_>> {
        self.news.item(b, n)
    }

    /// The news items of brief `b`, in order.
    pub fn news_of(&self, b: u32) -> impl Iterator<Item = NewsRef<'_>> + '_ {
        self.news.of(b)
    }

    /// How many news items brief `b` has.
    pub fn news_count(&self, b: u32) -> usize {
        self.news.count(b)
    }

    pub fn term(&self, index: u32) -> Option<&TermRow> {
        self.terms.get(index as usize)
    }

    /// The full name of an issuing body or acronym, from the glossaries.
    pub fn full_name(&self, short: &str) -> Option<&str> {
        self.full_names.get(short).map(String::as_str)
    }

    /// Brief `b`'s period as facet values: one, or none.
    pub(crate) fn period_labels(&self, b: u32) -> &[String] {
        self.period_labels
            .get(b as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The stable key of a row in `view`.
    pub fn key(&self, view: View, row: Row) -> Option<ItemKey> {
        Some(match row {
            Row::Brief(b) => ItemKey::Brief(self.brief(b)?.id),
            Row::Topic(b, t) if view == View::Policies => ItemKey::Policy(self.brief(b)?.id, t),
            Row::Topic(b, t) => ItemKey::Topic(self.brief(b)?.id, t),
            Row::News(b, n) => ItemKey::News(self.brief(b)?.id, n),
            Row::Glossary(g) => ItemKey::Term(self.term(g)?.term.clone()),
            Row::Target(i) => {
                let t = self.target(i)?;
                ItemKey::Target(self.brief(t.brief)?.id, t.seq)
            }
            Row::Figure(i) => {
                let f = self.figure(i)?;
                ItemKey::Figure(self.brief(f.brief)?.id, f.seq)
            }
            Row::Org(i) => ItemKey::Org(self.org(i)?.name.clone()),
        })
    }

    /// The row a key points at, if it is still in the library.
    pub fn row_of(&self, key: &ItemKey) -> Option<Row> {
        let brief = |id: &BriefId| {
            self.briefs
                .iter()
                .position(|s| s.id == *id)
                .map(|i| i as u32)
        };
        match key {
            ItemKey::Brief(id) => brief(id).map(Row::Brief),
            ItemKey::Policy(id, t) | ItemKey::Topic(id, t) => {
                let b = brief(id)?;
                self.topic(b, *t).map(|_| Row::Topic(b, *t))
            }
            ItemKey::News(id, n) => {
                let b = brief(id)?;
                self.news_item(b, *n).map(|_| Row::News(b, *n))
            }
            ItemKey::Term(term) => self
                .terms
                .iter()
                .position(|t| t.term == *term)
                .map(|i| Row::Glossary(i as u32)),
            ItemKey::Target(id, seq) => {
                let b = brief(id)?;
                self.found()
                    .targets
                    .iter()
                    .position(|t| t.brief == b && t.seq == *seq)
                    .map(|i| Row::Target(i as u32))
            }
            ItemKey::Org(name) => self
                .found()
                .orgs
                .iter()
                .position(|o| o.name == *name)
                .map(|i| Row::Org(i as u32)),
            ItemKey::Figure(id, seq) => {
                let b = brief(id)?;
                self.found()
                    .figures
                    .iter()
                    .position(|f| f.brief == b && f.seq == *seq)
                    .map(|i| Row::Figure(i as u32))
            }
        }
    }

    /// The view a key's item is shown in.
    pub fn view_of(key: &ItemKey) -> View {
        match key {
            ItemKey::Brief(_) => View::Briefs,
            ItemKey::Policy(..) => View::Policies,
            ItemKey::Topic(..) => View::Topics,
            ItemKey::News(..) => View::News,
            ItemKey::Term(_) => View::Glossary,
            ItemKey::Target(..) => View::Targets,
            ItemKey::Figure(..) => View::Figures,
            ItemKey::Org(_) => View::Organisations,
        }
    }

    /// The text of one cell.
    pub fn cell(&self, view: View, row: Row, column: usize) -> Cow<'_, str> {
        columns::cell(self, view, row, column)
    }
}

#[cfg(test)]
pub(crate) mod tests;
