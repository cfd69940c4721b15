//! The "Worth noting" items of every brief, held once, end to end: a library holds hundreds of
//! thousands of them, and an item as its own `String` and vector of sources costs more in
//! allocations than in text.
//!
//! Each item's text is followed by its sources' titles, one per line, in a [`Column`] laid out
//! for search: the text is shown as written and searched as written, ASCII case ignored (see
//! [`super::folded`]). Only the few items whose lower-casing changes more than ASCII letters
//! keep a lower-cased copy for search.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::folded::folds_as_ascii;
use super::packed::{Column, ColumnBuilder};
use crate::model::{Lang, NewsItem, NewsRow, NewsSink, Section, SourceRow};

/// One news item, as the library holds it. Its text is found only when asked for
/// ([`NewsRef::text`]): sorting a hundred thousand items by date should not read them.
#[derive(Clone, Copy)]
pub struct NewsRef<'a> {
    pub section: Section,
    pub date: Option<NaiveDate>,
    /// The last day of a range of dates ("March 30-April 2").
    pub until: Option<NaiveDate>,
    pub sources: Sources<'a>,
    texts: &'a Column,
    row: usize,
    text_len: usize,
}

impl<'a> NewsRef<'a> {
    /// The item's text, as written.
    pub fn text(&self) -> &'a str {
        let row = self.texts.row(self.row);
        let mut end = self.text_len.min(row.len());
        while !row.is_char_boundary(end) {
            end -= 1;
        }
        &row[..end]
    }
}

impl std::fmt::Debug for NewsRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewsRef")
            .field("section", &self.section)
            .field("date", &self.date)
            .field("text", &self.text())
            .field("sources", &self.sources)
            .finish()
    }
}

impl PartialEq for NewsRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        (
            self.section,
            self.date,
            self.until,
            self.text(),
            self.sources,
        ) == (
            other.section,
            other.date,
            other.until,
            other.text(),
            other.sources,
        )
    }
}

/// An item's sources: each a title and the language it is in.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    held: &'a [HeldSource],
    titles: &'a [Arc<str>],
}

/// One source of an item, as [`Sources`] gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceRef<'a> {
    pub title: &'a str,
    pub lang: Option<Lang>,
}

impl<'a> Sources<'a> {
    pub fn len(&self) -> usize {
        self.held.len()
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = SourceRef<'a>> + Clone + use<'a> {
        let titles = self.titles;
        self.held.iter().map(move |s| SourceRef {
            title: titles.get(s.title as usize).map_or("", |t| t),
            lang: s.lang,
        })
    }
}

impl std::fmt::Debug for Sources<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for Sources<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

/// A source as the column holds it: 8 bytes instead of 24. A library names a few hundred
/// sources in hundreds of thousands of items.
#[derive(Clone, Copy, Debug)]
struct HeldSource {
    /// Its place in [`NewsColumn::titles`].
    title: u32,
    lang: Option<Lang>,
}

/// What an item holds besides its texts.
#[derive(Clone, Copy, Debug)]
struct Entry {
    date: Option<NaiveDate>,
    section: Section,
    /// The length of its text at the start of its row of `texts`.
    text_len: u32,
    /// Where its sources end in `sources`.
    sources_end: u32,
}

/// Every brief's news items, in the order of the News rows (brief by brief).
#[derive(Default)]
pub(super) struct NewsColumn {
    entries: Vec<Entry>,
    /// Per brief, where its items start in `entries`; one more at the end.
    starts: Vec<u32>,
    sources: Vec<HeldSource>,
    /// Every source title, once.
    titles: Vec<Arc<str>>,
    /// Per item: its text, then each source's title on a line of its own.
    texts: Column,
    /// The items whose text does not fold as ASCII, in order, and their texts lower-cased.
    copied: Vec<u32>,
    copies: Column,
    /// The items dated with a range, in order, and the last day of each: few items have one.
    ranged: Vec<(u32, NaiveDate)>,
}

/// Makes a [`NewsColumn`] from items given one at a time, brief by brief: the store reads
/// them straight into it when it opens a large library, without a [`NewsItem`] of each on
/// the way.
#[derive(Default)]
pub struct NewsBuilder {
    out: NewsColumn,
    texts: ColumnBuilder,
    copies: ColumnBuilder,
    /// The row being made: the item's text, then its sources' titles.
    row: String,
    title_index: HashMap<Arc<str>, u32>,
}

impl NewsSink for NewsBuilder {
    fn push(&mut self, brief: usize, item: NewsRow<'_>) {
        let out = &mut self.out;
        debug_assert!(out.starts.len() <= brief + 1, "briefs come in order");
        while out.starts.len() <= brief {
            out.starts.push(out.entries.len() as u32);
        }
        self.row.clear();
        self.row.push_str(item.text);
        for source in item.sources {
            self.row.push('\n');
            self.row.push_str(&source.title);
        }
        if !folds_as_ascii(&self.row) {
            out.copied.push(out.entries.len() as u32);
            self.copies.push(&self.row.to_lowercase());
        }
        self.texts.push(&self.row);
        for source in item.sources {
            let title = match self.title_index.get(source.title.as_ref()) {
                Some(&title) => title,
                None => {
                    let title: Arc<str> = source.title.as_ref().into();
                    out.titles.push(Arc::clone(&title));
                    let index = out.titles.len() as u32 - 1;
                    self.title_index.insert(title, index);
                    index
                }
            };
            out.sources.push(HeldSource {
                title,
                lang: source.lang,
            });
        }
        if let Some(until) = item.until {
            out.ranged.push((out.entries.len() as u32, until));
        }
        out.entries.push(Entry {
            date: item.date,
            section: item.section,
            text_len: u32::try_from(item.text.len()).unwrap_or(u32::MAX),
            sources_end: out.sources.len() as u32,
        });
    }

    fn restart(&mut self) {
        *self = Self::default();
    }
}

impl NewsBuilder {
    /// The column of the items pushed, for a library of `briefs` briefs.
    pub(super) fn finish(self, briefs: usize) -> NewsColumn {
        let mut out = self.out;
        while out.starts.len() < briefs {
            out.starts.push(out.entries.len() as u32);
        }
        out.starts.push(out.entries.len() as u32);
        out.entries.shrink_to_fit();
        out.sources.shrink_to_fit();
        out.titles.shrink_to_fit();
        out.copied.shrink_to_fit();
        out.ranged.shrink_to_fit();
        out.texts = self.texts.finish();
        out.copies = self.copies.finish();
        out
    }
}

impl NewsColumn {
    /// Takes the items of each brief, in order.
    pub(super) fn build(briefs: impl Iterator<Item = Vec<NewsItem>>) -> Self {
        let mut builder = NewsBuilder::default();
        let mut count = 0;
        for (b, items) in briefs.enumerate() {
            let mut sources = Vec::new();
            for item in &items {
                sources.clear();
                sources.extend(item.sources.iter().map(|s| SourceRow {
                    title: Cow::Borrowed(&s.title),
                    lang: s.lang,
                }));
                let row = NewsRow {
                    section: item.section,
                    date: item.date,
                    until: item.until,
                    text: &item.text,
                    sources: &sources,
                };
                builder.push(b, row);
            }
            count = b + 1;
        }
        builder.finish(count)
    }

    /// Item `n` of brief `b`.
    pub(super) fn item(&self, b: u32, n: u16) -> Option<NewsRef<'_>> {
        let first = *self.starts.get(b as usize)? as usize;
        let end = *self.starts.get(b as usize + 1)? as usize;
        let i = first + n as usize;
        (i < end).then(|| self.at(i))
    }

    /// The items of brief `b`, in order.
    pub(super) fn of(&self, b: u32) -> impl Iterator<Item = NewsRef<'_>> + '_ {
        let range = match (self.starts.get(b as usize), self.starts.get(b as usize + 1)) {
            (Some(&first), Some(&end)) => first as usize..end as usize,
            _ => 0..0,
        };
        range.map(|i| self.at(i))
    }

    /// How many items brief `b` has.
    pub(super) fn count(&self, b: u32) -> usize {
        match (self.starts.get(b as usize), self.starts.get(b as usize + 1)) {
            (Some(&first), Some(&end)) => (end - first) as usize,
            _ => 0,
        }
    }

    fn at(&self, i: usize) -> NewsRef<'_> {
        let entry = self.entries[i];
        let sources_start = match i {
            0 => 0,
            _ => self.entries[i - 1].sources_end as usize,
        };
        let until = match self.ranged.binary_search_by_key(&(i as u32), |(at, _)| *at) {
            Ok(k) => Some(self.ranged[k].1),
            Err(_) => None,
        };
        NewsRef {
            section: entry.section,
            date: entry.date,
            until,
            sources: Sources {
                held: &self.sources[sources_start..entry.sources_end as usize],
                titles: &self.titles,
            },
            texts: &self.texts,
            row: i,
            text_len: entry.text_len as usize,
        }
    }

    /// The items' search texts as written: their texts and sources' titles.
    pub(super) fn texts(&self) -> &Column {
        &self.texts
    }

    /// The items whose search texts are lower-cased copies, and those copies.
    pub(super) fn copies(&self) -> (&[u32], &Column) {
        (&self.copied, &self.copies)
    }

    /// Bytes of text held for search, for the memory benchmark.
    pub(super) fn text_bytes(&self) -> usize {
        self.texts.text_bytes() + self.copies.text_bytes()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::Source;

    fn item(text: &str, sources: &[&str]) -> NewsItem {
        NewsItem {
            section: Section::Corporate,
            date: NaiveDate::from_ymd_opt(2021, 3, sources.len() as u32 + 1),
            until: None,
            text: text.to_owned(),
            sources: sources
                .iter()
                .map(|s| Source {
                    title: Arc::from(*s),
                    lang: Some(Lang::English),
                })
                .collect(),
        }
    }

    #[test]
    fn items_come_back_as_they_went_in() {
        let briefs = vec![
            vec![item("A maker opens a plant", &["Maker release"])],
            vec![],
            vec![
                item("ÉCOLE opens\nwith a second line", &[]),
                item("能源局 sets a quota", &["NEA letter", "Reuters article"]),
            ],
        ];
        let news = NewsColumn::build(briefs.clone().into_iter());
        for (b, items) in briefs.iter().enumerate() {
            let b = b as u32;
            assert_eq!(news.count(b), items.len());
            let held: Vec<NewsRef<'_>> = news.of(b).collect();
            assert_eq!(held.len(), items.len());
            for (n, (got, want)) in held.iter().zip(items).enumerate() {
                assert_eq!(news.item(b, n as u16), Some(*got));
                assert_eq!(got.text(), want.text);
                let sources: Vec<SourceRef<'_>> = got.sources.iter().collect();
                let wanted: Vec<SourceRef<'_>> = (want.sources.iter())
                    .map(|s| SourceRef {
                        title: &s.title,
                        lang: s.lang,
                    })
                    .collect();
                assert_eq!(sources, wanted);
                assert_eq!((got.date, got.section), (want.date, want.section));
            }
            assert_eq!(news.item(b, items.len() as u16), None);
        }
        assert_eq!(news.item(3, 0), None);
        assert_eq!(news.count(3), 0);
        // Only the item whose lower-casing is not ASCII's has a copy, lower-cased.
        let (copied, copies) = news.copies();
        assert_eq!(copied, [1]);
        assert_eq!(copies.row(0), "école opens\nwith a second line");
        assert_eq!(
            news.texts().row(2),
            "能源局 sets a quota\nNEA letter\nReuters article"
        );
    }
}
