//! What search looks through: a lower-cased text per row, and the glossary's mention counts.
//!
//! Both are made on first use, or ahead of it by [`Library::warm`] on a background thread. An
//! outline library (one whose topics' summaries and comments stayed in the store) gets them
//! from [`Library::texts_builder`] once the library thread has read those texts; until then,
//! search covers the outline only.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use memchr::memmem::Finder;

use super::folded::{FoldedFinder, folds_as_ascii, parts_with_all};
use super::news::NewsColumn;
use super::packed::{CHUNK_ROWS, Column, ColumnBuilder};
use super::{Library, Row, View};
use crate::model::{Brief, Topic};

/// The lower-cased search texts of every view but News, which searches the library's own
/// news column ([`Library::search`]).
#[derive(Default)]
pub(super) struct Haystacks {
    /// Per view, one text per row (in [`Library::rows`] order).
    per_row: BTreeMap<View, Column>,
    /// Targets and Figures: per row, where its search text is. A finding's search text is its
    /// sentence, which holds the finding's own words ("by 2030", "CNY 70 billion"): searched
    /// as written in the findings' texts (the number of its stretch) when it folds as ASCII,
    /// else in its lower-cased copy in `sentences` (the copy's number, with [`COPY`] set),
    /// one copy for all the findings in one sentence.
    by_sentence: BTreeMap<View, Vec<u32>>,
    sentences: Column,
}

/// Marks a place in [`Haystacks::by_sentence`] as a copy's.
const COPY: u32 = 1 << 31;

impl Haystacks {
    /// The positions in `rows(view)` whose search text holds every one of `terms` (not
    /// empty), in order, looked for on `threads` threads.
    fn search(&self, lib: &Library, view: View, terms: &[Finder<'_>], threads: usize) -> Vec<u32> {
        let column = |view| {
            self.per_row
                .get(&view)
                .map(|c| rows_with_all(c, terms, threads))
        };
        match view {
            View::Policies => {
                let topics = holds(lib.rows(View::Topics).len(), column(View::Topics));
                select(&lib.policy_topics, &topics)
            }
            View::Targets | View::Figures => {
                let (text, ends) = lib.found().texts.parts();
                let folded = folded(terms);
                let as_written = on_threads(ends.len(), threads, |parts| {
                    parts_with_all(text.as_bytes(), ends, parts, &folded)
                });
                let as_written = holds(ends.len(), Some(as_written));
                let copies = rows_with_all(&self.sentences, terms, threads);
                let copies = holds(self.sentences.len(), Some(copies));
                let index: &[u32] = self.by_sentence.get(&view).map_or(&[], Vec::as_slice);
                (0..index.len() as u32)
                    .filter(|&p| match index[p as usize] {
                        i if i & COPY != 0 => copies.get((i & !COPY) as usize) == Some(&true),
                        i => as_written.get(i as usize) == Some(&true),
                    })
                    .collect()
            }
            other => column(other).unwrap_or_default(),
        }
    }
}

/// The news items whose text and sources hold every one of `terms`: searched as written,
/// ASCII case ignored, but for the items kept lower-cased as well.
fn search_news(news: &NewsColumn, terms: &[Finder<'_>], threads: usize) -> Vec<u32> {
    let folded = folded(terms);
    let texts = news.texts();
    let mut found = on_threads(texts.chunk_count(), threads, |chunks| {
        texts.rows_with_all(&folded, chunks)
    });
    let (copied, copies) = news.copies();
    if !copied.is_empty() {
        found.retain(|p| copied.binary_search(p).is_err());
        let in_copies = rows_with_all(copies, terms, threads);
        found.extend(in_copies.iter().filter_map(|&c| copied.get(c as usize)));
        found.sort_unstable();
    }
    found
}

/// The terms, to find in text as written.
fn folded(terms: &[Finder<'_>]) -> Vec<FoldedFinder> {
    terms
        .iter()
        .map(|t| FoldedFinder::new(t.needle()))
        .collect()
}

/// The rows of `column` whose text holds every one of `terms`, on `threads` threads.
fn rows_with_all(column: &Column, terms: &[Finder<'_>], threads: usize) -> Vec<u32> {
    on_threads(column.chunk_count(), threads, |chunks| {
        column.rows_with_all(terms, chunks)
    })
}

/// Per position below `n`: whether it is in `positions`.
fn holds(n: usize, positions: Option<Vec<u32>>) -> Vec<bool> {
    let mut out = vec![false; n];
    for p in positions.into_iter().flatten() {
        if let Some(slot) = out.get_mut(p as usize) {
            *slot = true;
        }
    }
    out
}

/// The positions in `index` whose entry is marked in `marked`.
fn select(index: &[u32], marked: &[bool]) -> Vec<u32> {
    (0..index.len() as u32)
        .filter(|&p| marked.get(index[p as usize] as usize) == Some(&true))
        .collect()
}

/// `scan` of `0..n`, split in `threads` ranges scanned at once; their results in order.
pub(super) fn on_threads(
    n: usize,
    threads: usize,
    scan: impl Fn(Range<usize>) -> Vec<u32> + Sync,
) -> Vec<u32> {
    if threads < 2 {
        return scan(0..n);
    }
    let chunk = n.div_ceil(threads);
    let scan = &scan;
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|i| {
                let range = (i * chunk).min(n)..((i + 1) * chunk).min(n);
                s.spawn(move || scan(range))
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Search texts and mention counts in the making, for an outline library (see
/// [`Library::texts_builder`]).
pub struct TextsBuilder<'a> {
    lib: &'a Library,
    haystacks: Haystacks,
    /// The Topics search texts, aligned with its rows: at first the outline's.
    topics: Column,
    /// Chunks of `topics` whose rows' texts are coming: per row, what they add to its search
    /// text so far (empty until they come), and how many rows still wait. A chunk is rebuilt
    /// with them once all its rows have them, so they are held only for a while.
    coming: HashMap<usize, (Vec<String>, usize)>,
    /// Per chunk of `topics`: rebuilt already.
    rebuilt: Vec<bool>,
    mentions: Vec<usize>,
    /// Brief id → index in the library.
    brief_index: HashMap<i64, usize>,
}

impl TextsBuilder<'_> {
    /// Adds topic `ord` of brief `brief_id`'s summary, points and comment; texts of briefs or
    /// topics the library does not show are ignored.
    pub fn add<S: AsRef<str>>(
        &mut self,
        brief_id: i64,
        ord: usize,
        summary: &str,
        points: &[S],
        comment: &str,
    ) {
        let Some(&b) = self.brief_index.get(&brief_id) else {
            return;
        };
        let brief = &self.lib.briefs[b].brief;
        if ord >= brief.topics.len() {
            return;
        }
        let pos = self.lib.first_topic[b] as usize + ord;
        if pos < self.topics.len() {
            self.add_to_row(pos, summary, points, comment);
        }
        for &i in self.lib.brief_terms.of(b) {
            let term = &self.lib.terms[i as usize].term;
            if !term.is_empty() {
                let points = points.iter().map(AsRef::as_ref);
                for text in [summary, comment].into_iter().chain(points) {
                    self.mentions[i as usize] +=
                        memchr::memmem::find_iter(text.as_bytes(), term).count();
                }
            }
        }
    }

    /// Adds a topic's summary, points and comment, lower-cased, to the search text of Topics
    /// row `pos`; rebuilds its chunk once every row of it has them.
    fn add_to_row<S: AsRef<str>>(
        &mut self,
        pos: usize,
        summary: &str,
        points: &[S],
        comment: &str,
    ) {
        let (c, i) = (pos / CHUNK_ROWS, pos % CHUNK_ROWS);
        let rows = CHUNK_ROWS.min(self.topics.len() - c * CHUNK_ROWS);
        // A row given twice gets both (as it always did); one given after its chunk was
        // rebuilt waits for `finish`.
        let waiting = if self.rebuilt[c] { usize::MAX } else { rows };
        let (extra, missing) = self
            .coming
            .entry(c)
            .or_insert_with(|| (vec![String::new(); rows], waiting));
        if extra[i].is_empty() {
            *missing = missing.saturating_sub(1);
        }
        let points = points.iter().map(AsRef::as_ref);
        let parts: Vec<String> = [summary, comment]
            .into_iter()
            .chain(points)
            .map(lowercase)
            .collect();
        // Sized once: a whole chunk's rows wait here, and growing by doubling would hold up
        // to twice their text.
        extra[i].reserve_exact(parts.iter().map(|p| p.len() + 1).sum());
        for part in &parts {
            extra[i].push('\n');
            extra[i].push_str(part);
        }
        if *missing == 0 {
            self.rebuild(c);
        }
    }

    /// Chunk `c` of the Topics texts with what its rows' texts added.
    fn rebuild(&mut self, c: usize) {
        if let Some((extra, _)) = self.coming.remove(&c) {
            self.topics.extended(c, &extra);
            self.rebuilt[c] = true;
        }
    }

    /// Puts the search texts and counts in place: search covers every text from now on.
    pub fn finish(mut self) {
        let mut waiting: Vec<usize> = self.coming.keys().copied().collect();
        waiting.sort_unstable();
        for c in waiting {
            self.rebuild(c);
        }
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
        let mut haystacks = self.build_haystacks();
        let topics = haystacks.per_row.remove(&View::Topics).unwrap_or_default();
        let rebuilt = vec![false; topics.chunk_count()];
        TextsBuilder {
            lib: self,
            haystacks,
            topics,
            coming: HashMap::new(),
            rebuilt,
            mentions: self.count_mentions(|b, brief| self.brief_text(b, brief)),
            brief_index: self
                .briefs
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.0, i))
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
            .map(|(view, texts)| (*view, texts.text_bytes()))
            .collect();
        out.push((View::Figures, haystacks.sentences.text_bytes()));
        out.push((View::News, self.news.text_bytes()));
        out
    }

    /// True once search covers every text (always, but for an outline whose texts are not
    /// installed yet).
    pub fn is_searchable(&self) -> bool {
        !self.partial || self.haystacks.get().is_some()
    }

    /// The lower-cased search texts per view (Policies shares Topics').
    fn haystacks(&self) -> &Haystacks {
        self.haystacks.get_or_init(|| self.build_haystacks())
    }

    /// Search texts for every view, on two threads.
    fn build_haystacks(&self) -> Haystacks {
        let texts = |view: View| -> (View, Column) {
            let mut column = ColumnBuilder::default();
            for row in self.rows(view) {
                column.push(&self.search_text(*row));
            }
            (view, column.finish())
        };
        std::thread::scope(|s| {
            let topics = s.spawn(|| texts(View::Topics));
            let mut out = Haystacks {
                per_row: [View::Briefs, View::Glossary, View::Organisations]
                    .map(texts)
                    .into(),
                // News is searched in the library's own texts (see `search_news`).
                ..Haystacks::default()
            };
            self.findings_haystacks(&mut out);
            let (view, hay) = topics.join().unwrap_or_else(|_| texts(View::Topics));
            out.per_row.insert(view, hay);
            out
        })
    }

    /// The Targets and Figures search texts: each distinct sentence searched as written, or
    /// lower-cased once when it does not fold as ASCII.
    fn findings_haystacks(&self, out: &mut Haystacks) {
        let found = self.found();
        // Sentence (its stretch) → its search text.
        let mut index: HashMap<u32, u32> = HashMap::new();
        let mut sentences = ColumnBuilder::default();
        let mut count = 0u32;
        let mut add = |sentence: u32, apart: Option<u32>| -> u32 {
            let mut hay = |text: &str| {
                sentences.push(&lowercase(text));
                count += 1;
                (count - 1) | COPY
            };
            match apart {
                None if sentence < COPY && folds_as_ascii(found.texts.get(sentence)) => sentence,
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
        out.sentences = sentences.finish();
    }

    /// The positions in [`Library::rows`] of `view` whose searchable text holds every one of
    /// `terms` (lower-cased, not empty), in order, looked for on `threads` threads. For an
    /// outline whose texts are not installed yet, the texts are made on the spot.
    pub(super) fn search(&self, view: View, terms: &[Finder<'_>], threads: usize) -> Vec<u32> {
        if view == View::News {
            // Always at hand, outline or not.
            return search_news(&self.news, terms, threads);
        }
        match self.haystacks.get() {
            Some(h) => h.search(self, view, terms, threads),
            None if self.partial => self.search_outline(view, terms, threads),
            None => self.haystacks().search(self, view, terms, threads),
        }
    }

    /// [`Library::search`] through texts made row by row from what the outline holds.
    fn search_outline(&self, view: View, terms: &[Finder<'_>], threads: usize) -> Vec<u32> {
        let text = |pos: usize| -> String {
            let (view, pos) = match view {
                View::Policies => (
                    View::Topics,
                    self.policy_topics
                        .get(pos)
                        .map_or(usize::MAX, |p| *p as usize),
                ),
                other => (other, pos),
            };
            (self.rows(view).get(pos))
                .map(|r| self.search_text(*r))
                .unwrap_or_default()
        };
        on_threads(self.rows(view).len(), threads, |range| {
            range
                .filter(|&p| {
                    let hay = text(p);
                    terms.iter().all(|t| t.find(hay.as_bytes()).is_some())
                })
                .map(|p| p as u32)
                .collect()
        })
    }

    /// How often glossary term `g` occurs in the briefs that define it; `None` while an
    /// outline's texts are not installed.
    pub fn mentions(&self, g: u32) -> Option<usize> {
        let counts = match self.mentions.get() {
            Some(counts) => counts,
            None if self.partial => return None,
            None => self
                .mentions
                .get_or_init(|| self.count_mentions(|b, brief| self.brief_text(b, brief))),
        };
        Some(counts.get(g as usize).copied().unwrap_or(0))
    }

    /// Counts each term in the text (`text_of(index, brief)`) of the briefs that define it.
    fn count_mentions(&self, text_of: impl Fn(usize, &Brief) -> String) -> Vec<usize> {
        let mut counts = vec![0; self.terms.len()];
        for (b, stored) in self.briefs.iter().enumerate() {
            let defined = self.brief_terms.of(b);
            if defined.is_empty() {
                continue;
            }
            let text = text_of(b, &stored.brief);
            for &i in defined {
                let term = &self.terms[i as usize].term;
                if !term.is_empty() {
                    counts[i as usize] += memchr::memmem::find_iter(text.as_bytes(), term).count();
                }
            }
        }
        counts
    }

    /// A row's searchable fields, joined and lower-cased.
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
                    parts.push(item.text());
                    parts.extend(item.sources.iter().map(|s| s.title));
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

impl Library {
    /// All the running text brief `b` holds, for counting mentions.
    fn brief_text(&self, b: usize, brief: &Brief) -> String {
        let mut parts: Vec<&str> = vec![&brief.title];
        for topic in &brief.topics {
            topic_parts(topic, &mut parts);
        }
        for item in self.news_of(b as u32) {
            parts.push(item.text());
            parts.extend(item.sources.iter().map(|s| s.title));
        }
        parts.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Filter;
    use crate::model::{BriefAnalysis, Figure, FigureKind, NewsAnalysis, StoredBrief};

    /// Text whose lower-casing is not ASCII's: dotted and Kelvin capitals, final sigmas,
    /// sharp s, Chinese, combining marks.
    const TRICKY: [&str; 10] = [
        "İstanbul İİ",
        "300 K (KELVIN) k",
        "ΟΔΥΣΣΕΥΣ ΣΑΣ",
        "STRAẞE straße",
        "能源 Energy 能源局",
        "Ǆ ǅ ǆ",
        "ÉCOLE Ecole école",
        "A\u{301}B a\u{301}b",
        "",
        "Mixed CASE with Σ, and ΣΑ",
    ];

    /// A small deterministic random source.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self, below: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % below as u64) as usize
        }
    }

    /// Generated briefs with tricky texts in their headlines, news and sources.
    fn tricky_briefs(count: usize) -> Vec<StoredBrief> {
        let mut briefs: Vec<_> = (0..count)
            .map(|i| crate::generate::stored_brief(i, 3))
            .collect();
        for (b, stored) in briefs.iter_mut().enumerate() {
            let brief = &mut stored.brief;
            for (t, topic) in brief.topics.iter_mut().enumerate() {
                topic.headline.push_str(TRICKY[(b + t) % TRICKY.len()]);
            }
            for (n, item) in brief.news.iter_mut().enumerate() {
                if n % 3 == 0 {
                    item.text.push_str(TRICKY[(b + n) % TRICKY.len()]);
                }
            }
        }
        briefs
    }

    /// Each brief's analysis, with a figure in a tricky sentence added.
    fn tricky_analyses(briefs: &[StoredBrief]) -> Vec<BriefAnalysis> {
        (briefs.iter().enumerate())
            .map(|(b, s)| {
                let mut analysis = crate::analysis::analyse(&s.brief);
                let text = format!("{} costs 5 units.", TRICKY[b % TRICKY.len()]);
                analysis.news.push(NewsAnalysis {
                    figures: vec![Figure {
                        value: 5.0,
                        unit: "unit".into(),
                        raw: if b % 4 == 0 { "FIVE ΣΑ" } else { "5 units" }.into(),
                        text,
                        kind: FigureKind::Count,
                        upper: None,
                        qualifier: None,
                        start: 0,
                        end: 1,
                        at: None,
                    }],
                    ..NewsAnalysis::default()
                });
                analysis
            })
            .collect()
    }

    /// The search text of row `pos` of `view` as the library made it before texts were
    /// packed: one lower-cased string per row, a finding's from its sentence.
    fn old_hay(lib: &Library, view: View, pos: usize) -> String {
        let found = lib.found();
        let sentence = |sentence: u32, apart: Option<u32>| match apart {
            Some(words) => lowercase(&format!(
                "{}\n{}",
                found.texts.get(sentence),
                found.texts.get(words)
            )),
            None => lowercase(found.texts.get(sentence)),
        };
        match view {
            View::Policies => {
                let topic = lib.policy_topics[pos] as usize;
                lib.search_text(lib.rows(View::Topics)[topic])
            }
            View::Targets => {
                let t = &found.targets[pos];
                sentence(t.sentence, t.words_apart())
            }
            View::Figures => {
                let f = &found.figures[pos];
                sentence(f.sentence, f.words_apart())
            }
            other => lib.search_text(lib.rows(other)[pos]),
        }
    }

    /// The positions whose text (`hay(pos)`) holds every term, as search used to find them.
    fn old_search(n: usize, terms: &[String], hay: impl Fn(usize) -> String) -> Vec<u32> {
        (0..n as u32)
            .filter(|&p| {
                let hay = hay(p as usize);
                terms.iter().all(|t| hay.contains(t.as_str()))
            })
            .collect()
    }

    /// Searches: the tricky texts' words in every case, and random pieces of rows' texts.
    fn searches(lib: &Library, rng: &mut Rng) -> Vec<String> {
        let mut out: Vec<String> = TRICKY
            .iter()
            .flat_map(|t| t.split_whitespace())
            .flat_map(|w| [w.to_owned(), w.to_uppercase(), w.to_lowercase()])
            .collect();
        out.extend(
            [
                "σ ς", "i\u{307}", "k", "ss", "能源", "energy k", "zzz", "b\na",
            ]
            .map(String::from),
        );
        for _ in 0..150 {
            let view = View::ALL[rng.next(View::ALL.len())];
            let rows = lib.rows(view).len();
            if rows == 0 {
                continue;
            }
            let text: Vec<char> = old_hay(lib, view, rng.next(rows)).chars().collect();
            let start = rng.next(text.len() + 1);
            let end = (start + 1 + rng.next(8)).min(text.len());
            let piece: String = text[start..end].iter().collect();
            out.push(match rng.next(3) {
                0 => piece.to_uppercase(),
                1 => format!("{piece} e"),
                _ => piece,
            });
        }
        out
    }

    #[test]
    fn search_finds_what_one_lower_cased_text_per_row_found() {
        let briefs = tricky_briefs(9);
        let analyses = tricky_analyses(&briefs);
        let lib = Library::new(briefs).with_analyses(analyses);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for search in searches(&lib, &mut rng) {
            let filter = Filter {
                search,
                ..Filter::default()
            };
            let terms = filter.terms();
            for view in View::ALL {
                let rows = lib.rows(view);
                let expected = old_search(rows.len(), &terms, |p| old_hay(&lib, view, p));
                let expected: Vec<Row> = expected.iter().map(|p| rows[*p as usize]).collect();
                assert_eq!(
                    filter.matching(&lib, view),
                    expected,
                    "{terms:?} in {view:?}"
                );
            }
        }
    }

    #[test]
    fn an_outline_searches_its_topics_texts_as_they_came_in_any_order() {
        let mut briefs = tricky_briefs(12);
        let mut texts = Vec::new();
        for (b, stored) in briefs.iter_mut().enumerate() {
            for (t, topic) in stored.brief.topics.iter_mut().enumerate() {
                let summary = std::mem::take(&mut topic.at_a_glance);
                let comment = std::mem::take(&mut topic.comment);
                let mut points = std::mem::take(&mut topic.points);
                points.push(TRICKY[(b + t) % TRICKY.len()].to_owned());
                let summary = format!("{summary} {}", TRICKY[(b * 3 + t) % TRICKY.len()]);
                texts.push((stored.id.0, t, summary, points, comment));
            }
        }
        let outline = Library::new(briefs.clone()).partial();
        let mut rng = Rng(7);
        // Shuffled; one topic given twice, and texts of a brief and a topic it does not hold.
        for i in (1..texts.len()).rev() {
            texts.swap(i, rng.next(i + 1));
        }
        let twice = texts[3].clone();
        texts.insert(texts.len() / 2, twice.clone());
        texts.push((999, 0, "nowhere".into(), vec![], String::new()));
        texts.push((
            texts[0].0,
            99,
            String::new(),
            vec!["nowhere".into()],
            String::new(),
        ));
        let searches = searches(&outline, &mut rng);
        let mut builder = outline.texts_builder();
        for (id, t, summary, points, comment) in &texts {
            builder.add(*id, *t, summary, points, comment);
        }
        builder.finish();
        let topic_text = |pos: usize| -> String {
            let Row::Topic(b, t) = outline.rows(View::Topics)[pos] else {
                unreachable!("Topics rows are topics");
            };
            let mut text = outline.search_text(Row::Topic(b, t));
            let id = outline.briefs()[b as usize].id.0;
            for (_, _, summary, points, comment) in
                texts.iter().filter(|x| (x.0, x.1) == (id, t.into()))
            {
                text = format!("{text}\n{}\n{}", lowercase(summary), lowercase(comment));
                for point in points {
                    text = format!("{text}\n{}", lowercase(point));
                }
            }
            text
        };
        let policies = &outline.policy_topics;
        for search in searches.iter().chain(&["nowhere".to_owned()]) {
            let filter = Filter {
                search: search.clone(),
                ..Filter::default()
            };
            let terms = filter.terms();
            let topics = outline.rows(View::Topics).len();
            let expected = old_search(topics, &terms, topic_text);
            let found = filter.matching(&outline, View::Topics);
            let rows = outline.rows(View::Topics);
            let expected_rows: Vec<Row> = expected.iter().map(|p| rows[*p as usize]).collect();
            assert_eq!(found, expected_rows, "{terms:?}");
            let expected = old_search(policies.len(), &terms, |p| topic_text(policies[p] as usize));
            let rows = outline.rows(View::Policies);
            let expected_rows: Vec<Row> = expected.iter().map(|p| rows[*p as usize]).collect();
            assert_eq!(
                filter.matching(&outline, View::Policies),
                expected_rows,
                "{terms:?}"
            );
        }
        assert!(outline.haystacks().per_row[&View::Topics].chunk_count() > 2);
    }
}
