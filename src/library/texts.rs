//! What search looks through: a lower-cased text per row, and the glossary's mention counts.
//!
//! Both are made on first use, or ahead of it by [`Library::warm`] on a background thread. An
//! outline library (one whose topics' summaries and comments stayed in the store) gets them
//! from [`Library::texts_builder`] once the library thread has read those texts; until then,
//! search covers the outline only.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use super::{Library, Row, View};
use crate::model::{Brief, Topic};

/// The lower-cased search texts of every view.
#[derive(Default)]
pub(super) struct Haystacks {
    /// Per view, one text per row (in [`Library::rows`] order).
    per_row: BTreeMap<View, Vec<String>>,
    /// Targets and Figures: per row, the index of its text in `sentences`. A finding's search
    /// text is its sentence, which holds the finding's own words ("by 2030", "CNY 70
    /// billion"); findings in one sentence share one copy of it.
    by_sentence: BTreeMap<View, Vec<u32>>,
    sentences: Vec<String>,
}

impl Haystacks {
    fn get(&self, view: View, pos: usize) -> Option<&str> {
        match self.by_sentence.get(&view) {
            Some(index) => self.sentences.get(*index.get(pos)? as usize),
            None => self.per_row.get(&view)?.get(pos),
        }
        .map(String::as_str)
    }
}

/// Search texts and mention counts in the making, for an outline library (see
/// [`Library::texts_builder`]).
pub struct TextsBuilder<'a> {
    lib: &'a Library,
    haystacks: Haystacks,
    /// The Topics search texts, aligned with its rows.
    topics: Vec<String>,
    mentions: Vec<usize>,
    /// Brief id → index in the library.
    brief_index: HashMap<i64, usize>,
    /// Per brief, the position of its first topic in the Topics rows.
    first_topic: Vec<u32>,
    /// Glossary term → its index.
    term_index: HashMap<&'a str, usize>,
}

impl TextsBuilder<'_> {
    /// Adds topic `ord` of brief `brief_id`'s summary and comment; texts of briefs or topics
    /// the library does not show are ignored.
    pub fn add(&mut self, brief_id: i64, ord: usize, summary: &str, comment: &str) {
        let Some(&b) = self.brief_index.get(&brief_id) else {
            return;
        };
        let brief = &self.lib.briefs[b].brief;
        if ord >= brief.topics.len() {
            return;
        }
        let pos = self.first_topic[b] as usize + ord;
        if let Some(hay) = self.topics.get_mut(pos) {
            // One allocation of the final size: growing the string would leave up to half of
            // it unused.
            let (summary, comment) = (lowercase(summary), lowercase(comment));
            let mut whole = String::with_capacity(hay.len() + summary.len() + comment.len() + 2);
            for part in [hay.as_str(), "\n", &summary, "\n", &comment] {
                whole.push_str(part);
            }
            *hay = whole;
        }
        for entry in &brief.glossary {
            if let Some(&i) = self.term_index.get(entry.term.as_str())
                && !entry.term.is_empty()
            {
                for text in [summary, comment] {
                    self.mentions[i] +=
                        memchr::memmem::find_iter(text.as_bytes(), &entry.term).count();
                }
            }
        }
    }

    /// Puts the search texts and counts in place: search covers every text from now on.
    pub fn finish(mut self) {
        self.haystacks.per_row.insert(View::Topics, self.topics);
        self.lib.haystacks.set(self.haystacks).ok();
        self.lib.mentions.set(self.mentions).ok();
    }
}

impl Library {
    /// Makes now, on this thread, what the library otherwise makes on first use: the search
    /// texts and the glossary's mention counts. The library thread calls it right after
    /// handing a large library to the window, so the first search does not wait.
    pub fn warm(&self) {
        if !self.partial {
            self.haystacks();
            self.mentions(0);
        }
    }

    /// Starts giving an outline library the texts it left in the store: feed each topic's
    /// summary and comment to [`TextsBuilder::add`] as they are read (they are lower-cased
    /// into the search texts and counted for mentions, never all held at once), then call
    /// [`TextsBuilder::finish`].
    pub fn texts_builder(&self) -> TextsBuilder<'_> {
        let mut haystacks = self.build_haystacks(&|_| None);
        let topics = haystacks.per_row.remove(&View::Topics).unwrap_or_default();
        let mut first_topic = Vec::with_capacity(self.briefs.len());
        let mut next = 0u32;
        for stored in &self.briefs {
            first_topic.push(next);
            next += stored.brief.topics.len() as u32;
        }
        TextsBuilder {
            lib: self,
            haystacks,
            topics,
            mentions: self.count_mentions(|_, brief| brief_text(brief)),
            brief_index: self
                .briefs
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.0, i))
                .collect(),
            first_topic,
            term_index: self
                .terms
                .iter()
                .enumerate()
                .map(|(i, t)| (t.term.as_str(), i))
                .collect(),
        }
    }

    /// The bytes of text each view's search texts hold (Targets and Figures share theirs),
    /// for the memory benchmark.
    #[doc(hidden)]
    pub fn search_text_bytes(&self) -> Vec<(View, usize)> {
        let Some(haystacks) = self.haystacks.get() else {
            return Vec::new();
        };
        let mut out: Vec<(View, usize)> = haystacks
            .per_row
            .iter()
            .map(|(view, texts)| (*view, texts.iter().map(String::capacity).sum()))
            .collect();
        let shared = haystacks.sentences.iter().map(String::capacity).sum();
        out.push((View::Figures, shared));
        out
    }

    /// True once search covers every text (always, but for an outline whose texts are not
    /// installed yet).
    pub fn is_searchable(&self) -> bool {
        !self.partial || self.haystacks.get().is_some()
    }

    /// The lower-cased search texts per view (Policies shares Topics').
    fn haystacks(&self) -> &Haystacks {
        self.haystacks
            .get_or_init(|| self.build_haystacks(&|_| None))
    }

    /// Search texts for every view, `extra` adding texts a topic row does not hold; on two
    /// threads.
    fn build_haystacks<'a>(
        &self,
        extra: &(dyn Fn(Row) -> Option<(&'a str, &'a str)> + Sync),
    ) -> Haystacks {
        let texts = |view: View| -> (View, Vec<String>) {
            let rows = self.rows(view);
            (
                view,
                rows.iter()
                    .map(|r| self.search_text(*r, extra(*r)))
                    .collect(),
            )
        };
        std::thread::scope(|s| {
            let topics = s.spawn(|| texts(View::Topics));
            let mut out = Haystacks {
                per_row: [
                    View::News,
                    View::Briefs,
                    View::Glossary,
                    View::Organisations,
                ]
                .map(texts)
                .into(),
                ..Haystacks::default()
            };
            self.findings_haystacks(&mut out);
            let (view, hay) = topics.join().unwrap_or_else(|_| texts(View::Topics));
            out.per_row.insert(view, hay);
            out
        })
    }

    /// The Targets and Figures search texts: each distinct sentence lower-cased once.
    fn findings_haystacks(&self, out: &mut Haystacks) {
        let found = self.found();
        // Sentence (its stretch) → its search text.
        let mut index: HashMap<u32, u32> = HashMap::new();
        let mut add = |sentence: u32, apart: Option<u32>| -> u32 {
            let mut hay = |text: &str| {
                out.sentences.push(lowercase(text));
                out.sentences.len() as u32 - 1
            };
            match apart {
                // Words not in their sentence are searched with it, apart from the others.
                Some(words) => hay(&format!(
                    "{}\n{}",
                    found.texts.get(sentence),
                    found.texts.get(words)
                )),
                None => *index
                    .entry(sentence)
                    .or_insert_with(|| hay(found.texts.get(sentence))),
            }
        };
        let targets = (found.targets.iter())
            .map(|t| add(t.sentence, t.words_apart()))
            .collect();
        let figures = (found.figures.iter())
            .map(|f| add(f.sentence, f.words_apart()))
            .collect();
        out.by_sentence.insert(View::Targets, targets);
        out.by_sentence.insert(View::Figures, figures);
    }

    /// The lower-cased searchable text of the row at `pos` in [`Library::rows`] of `view`.
    /// Made on the spot for an outline whose texts are not installed yet.
    pub(crate) fn hay(&self, view: View, pos: usize) -> Cow<'_, str> {
        let (view, pos) = match view {
            View::Policies => (
                View::Topics,
                self.policy_topics
                    .get(pos)
                    .map_or(usize::MAX, |p| *p as usize),
            ),
            other => (other, pos),
        };
        let haystacks = match self.haystacks.get() {
            Some(h) => h,
            None if self.partial => {
                return Cow::Owned(
                    self.rows(view)
                        .get(pos)
                        .map(|r| self.search_text(*r, None))
                        .unwrap_or_default(),
                );
            }
            None => self.haystacks(),
        };
        Cow::Borrowed(haystacks.get(view, pos).unwrap_or(""))
    }

    /// How often glossary term `g` occurs in the briefs that define it; `None` while an
    /// outline's texts are not installed.
    pub fn mentions(&self, g: u32) -> Option<usize> {
        let counts = match self.mentions.get() {
            Some(counts) => counts,
            None if self.partial => return None,
            None => self
                .mentions
                .get_or_init(|| self.count_mentions(|_, brief| brief_text(brief))),
        };
        Some(counts.get(g as usize).copied().unwrap_or(0))
    }

    /// Counts each term in the text (`text_of(index, brief)`) of the briefs that define it.
    fn count_mentions(&self, text_of: impl Fn(usize, &Brief) -> String) -> Vec<usize> {
        let mut counts = vec![0; self.terms.len()];
        let index: HashMap<&str, usize> = self
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.term.as_str(), i))
            .collect();
        for (b, stored) in self.briefs.iter().enumerate() {
            if stored.brief.glossary.is_empty() {
                continue;
            }
            let text = text_of(b, &stored.brief);
            for entry in &stored.brief.glossary {
                if let Some(&i) = index.get(entry.term.as_str())
                    && !entry.term.is_empty()
                {
                    counts[i] += memchr::memmem::find_iter(text.as_bytes(), &entry.term).count();
                }
            }
        }
        counts
    }

    /// A row's searchable fields, joined and lower-cased; `extra` is a topic's summary and
    /// comment when the row does not hold them.
    fn search_text(&self, row: Row, extra: Option<(&str, &str)>) -> String {
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
                if let Some((summary, comment)) = extra {
                    parts.push(summary);
                    parts.push(comment);
                }
            }
            Row::News(b, n) => {
                if let Some(item) = self.news_item(b, n) {
                    parts.push(&item.text);
                    parts.extend(item.sources.iter().map(|s| &*s.title));
                }
            }
            Row::Target(i) => {
                if let Some(row) = self.target(i) {
                    parts.push(row.text);
                    parts.push(row.phrase);
                }
            }
            Row::Org(i) => {
                if let Some(org) = self.org(i) {
                    parts.push(&org.name);
                    parts.extend(org.full_name.as_deref());
                }
            }
            Row::Figure(i) => {
                if let Some(row) = self.figure(i) {
                    parts.push(row.raw);
                    parts.push(row.text);
                }
            }
            Row::Glossary(g) => {
                if let Some(term) = self.term(g) {
                    parts.push(&term.term);
                    parts.push(&term.meaning);
                }
            }
        }
        lowercase(&parts.join("\n"))
    }
}

/// Lower-cases `text`; ASCII text (most of a brief) takes the fast path.
fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
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

/// All the running text a brief holds, for counting mentions.
fn brief_text(brief: &Brief) -> String {
    let mut parts: Vec<&str> = vec![&brief.title];
    for topic in &brief.topics {
        topic_parts(topic, &mut parts);
    }
    for item in &brief.news {
        parts.push(&item.text);
        parts.extend(item.sources.iter().map(|s| &*s.title));
    }
    parts.join("\n")
}
