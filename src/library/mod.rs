//! The library in memory, shaped for the UI: flat rows per view, their cell texts, a
//! lower-cased search text per row, filters with facet counts, and stable sorting.
//!
//! Pure: built from loaded briefs, no I/O and no egui, so it is unit-tested and benchmarked
//! on its own.

mod columns;
mod filter;
mod sort;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::{Brief, GlossaryKind, NewsItem, Topic};
use crate::model::{BriefId, StoredBrief, Version};

pub use columns::{Align, ColumnDef, columns};
pub use filter::{FacetCounts, Filter, LangFacet, split_bodies};
pub use sort::{SortKey, SortState};

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
}

impl View {
    pub const ALL: [Self; 5] = [
        Self::Policies,
        Self::News,
        Self::Topics,
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
}

/// What is selected, stable across reloads of the library.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKey {
    Brief(BriefId),
    Policy(BriefId, u16),
    Topic(BriefId, u16),
    News(BriefId, u16),
    Term(String),
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
    haystacks: OnceLock<BTreeMap<View, Vec<String>>>,
    /// Per glossary term, how often it occurs in the briefs that define it; made like
    /// `haystacks`.
    mentions: OnceLock<Vec<usize>>,
    /// For each row of Policies, its row's position in Topics.
    policy_topics: Vec<u32>,
    /// Each brief's period as a facet value ("2021-02"), or none.
    period_labels: Vec<Vec<String>>,
    /// True while the topics' summaries and comments are still loading (see
    /// [`Library::partial`]).
    partial: bool,
    /// Sort ranks per view and column, made the first time a column is sorted.
    ranks: sort::RankCache,
    /// Full names of acronyms from every glossary: "MIIT" → "Ministry of …".
    full_names: BTreeMap<String, String>,
    /// Versions of briefs that have more than one, keyed by the current version.
    versions: std::collections::HashMap<BriefId, Vec<Version>>,
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
    pub fn new(briefs: Vec<StoredBrief>) -> Self {
        let mut lib = Self {
            briefs,
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
        self.period_labels = self
            .briefs
            .iter()
            .map(|s| s.brief.period.map(|p| p.to_string()).into_iter().collect())
            .collect();
        for (b, stored) in self.briefs.iter().enumerate() {
            let b = b as u32;
            briefs.push(Row::Brief(b));
            for (t, topic) in stored.brief.topics.iter().enumerate() {
                let row = Row::Topic(b, t as u16);
                if topic.policy.is_some() {
                    policies.push(row);
                    policy_topics.push(topics.len() as u32);
                }
                topics.push(row);
            }
            news.extend((0..stored.brief.news.len()).map(|n| Row::News(b, n as u16)));
            for entry in &stored.brief.glossary {
                match term_index.get(&entry.term) {
                    Some(&i) => {
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
        }
        for term in &mut terms {
            let mut periods: Vec<String> = term
                .briefs
                .iter()
                .flat_map(|b| self.period_labels[*b as usize].iter().cloned())
                .collect();
            periods.sort();
            periods.dedup();
            term.periods = periods;
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

    /// Makes now, on this thread, what the library otherwise makes on first use: the search
    /// texts and the glossary's mention counts. The library thread calls it right after
    /// handing a large library to the window, so the first search does not wait.
    pub fn warm(&self) {
        self.haystacks();
        self.mentions(0);
    }

    /// The lower-cased search texts per view (Policies shares Topics'), made on two threads.
    fn haystacks(&self) -> &BTreeMap<View, Vec<String>> {
        self.haystacks.get_or_init(|| {
            let texts = |view: View| -> (View, Vec<String>) {
                (
                    view,
                    self.rows(view)
                        .iter()
                        .map(|r| self.search_text(*r))
                        .collect(),
                )
            };
            std::thread::scope(|s| {
                let topics = s.spawn(|| texts(View::Topics));
                let mut out: BTreeMap<View, Vec<String>> =
                    [View::News, View::Briefs, View::Glossary].map(texts).into();
                let (view, hay) = topics.join().unwrap_or_else(|_| texts(View::Topics));
                out.insert(view, hay);
                out
            })
        })
    }

    /// How often glossary term `g` occurs in the briefs that define it.
    pub fn mentions(&self, g: u32) -> usize {
        let counts = self.mentions.get_or_init(|| {
            let mut counts = vec![0; self.terms.len()];
            let mut index: std::collections::HashMap<&str, usize> =
                std::collections::HashMap::new();
            for (i, term) in self.terms.iter().enumerate() {
                index.insert(term.term.as_str(), i);
            }
            for stored in &self.briefs {
                if stored.brief.glossary.is_empty() {
                    continue;
                }
                let text = brief_text(&stored.brief);
                for entry in &stored.brief.glossary {
                    if let Some(&i) = index.get(entry.term.as_str())
                        && !entry.term.is_empty()
                    {
                        counts[i] +=
                            memchr::memmem::find_iter(text.as_bytes(), &entry.term).count();
                    }
                }
            }
            counts
        });
        counts.get(g as usize).copied().unwrap_or(0)
    }

    /// Marks the library as an outline: the topics' summaries and comments are empty and a
    /// whole library follows.
    pub fn partial(mut self) -> Self {
        self.partial = true;
        self
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

    pub fn briefs(&self) -> &[StoredBrief] {
        &self.briefs
    }

    pub fn is_empty(&self) -> bool {
        self.briefs.is_empty()
    }

    /// Every row of `view`, in library order.
    pub fn rows(&self, view: View) -> &[Row] {
        self.rows.get(&view).map_or(&[], Vec::as_slice)
    }

    pub fn brief(&self, index: u32) -> Option<&StoredBrief> {
        self.briefs.get(index as usize)
    }

    pub fn topic(&self, b: u32, t: u16) -> Option<&Topic> {
        self.brief(b)?.brief.topics.get(t as usize)
    }

    pub fn news_item(&self, b: u32, n: u16) -> Option<&NewsItem> {
        self.brief(b)?.brief.news.get(n as usize)
    }

    pub fn term(&self, index: u32) -> Option<&TermRow> {
        self.terms.get(index as usize)
    }

    /// The full name of an issuing body or acronym, from the glossaries.
    pub fn full_name(&self, short: &str) -> Option<&str> {
        self.full_names.get(short).map(String::as_str)
    }

    /// The lower-cased searchable text of the row at `pos` in [`Library::rows`] of `view`.
    pub(crate) fn hay(&self, view: View, pos: usize) -> &str {
        let (view, pos) = match view {
            View::Policies => (
                View::Topics,
                self.policy_topics
                    .get(pos)
                    .map_or(usize::MAX, |p| *p as usize),
            ),
            other => (other, pos),
        };
        self.haystacks()
            .get(&view)
            .and_then(|h| h.get(pos))
            .map_or("", String::as_str)
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
        }
    }

    /// The text of one cell.
    pub fn cell(&self, view: View, row: Row, column: usize) -> Cow<'_, str> {
        columns::cell(self, view, row, column)
    }

    fn search_text(&self, row: Row) -> String {
        let mut parts: Vec<&str> = Vec::new();
        match row {
            Row::Brief(b) => {
                if let Some(s) = self.brief(b) {
                    let brief = &s.brief;
                    parts.push(&brief.title);
                    parts.extend(brief.series.as_deref());
                    parts.extend(brief.caption.as_deref());
                }
            }
            Row::Topic(b, t) => {
                if let Some(topic) = self.topic(b, t) {
                    topic_parts(topic, &mut parts);
                }
            }
            Row::News(b, n) => {
                if let Some(item) = self.news_item(b, n) {
                    parts.push(&item.text);
                    parts.extend(item.sources.iter().map(|s| s.title.as_str()));
                }
            }
            Row::Glossary(g) => {
                if let Some(term) = self.term(g) {
                    parts.push(&term.term);
                    parts.push(&term.meaning);
                }
            }
        }
        parts.join("\n").to_lowercase()
    }
}

fn topic_parts<'a>(topic: &'a Topic, parts: &mut Vec<&'a str>) {
    parts.push(&topic.headline);
    parts.push(&topic.at_a_glance);
    parts.extend(topic.points.iter().map(String::as_str));
    parts.extend(topic.events.iter().map(|e| e.text.as_str()));
    parts.push(&topic.comment);
    if let Some(p) = &topic.policy {
        parts.push(&p.name);
        parts.extend(p.name_zh.as_deref());
        parts.extend(p.issuing_body.as_deref());
    }
}

/// All the running text of a brief, for counting mentions.
fn brief_text(brief: &Brief) -> String {
    let mut parts: Vec<&str> = vec![&brief.title];
    for topic in &brief.topics {
        topic_parts(topic, &mut parts);
    }
    for item in &brief.news {
        parts.push(&item.text);
        parts.extend(item.sources.iter().map(|s| s.title.as_str()));
    }
    parts.join("\n")
}

#[cfg(test)]
pub(crate) mod tests;
