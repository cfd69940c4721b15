//! Reading briefs back out of the library.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, Row};

use super::{BriefId, Store, StoreError, StoredBrief};
use crate::model::{
    Brief, GlossaryEntry, GlossaryKind, NewsItem, NewsRow, NewsSink, Period, Policy, Section,
    Source, SourceRow, Topic,
};

/// One line of `briefdesk list`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct BriefSummary {
    pub id: BriefId,
    pub title: String,
    pub period: Option<String>,
    pub series: Option<String>,
    pub topics: usize,
    pub policies: usize,
    pub news: usize,
    pub file_name: String,
    pub imported_at: String,
}

fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::BadData(e.to_string()))
}

/// A date as the store writes it, "YYYY-MM-DD", read by hand: chrono's parser took a twentieth
/// of the time to open a large library, which holds hundreds of thousands of dates.
fn parse_date(text: Option<&str>) -> Result<Option<NaiveDate>, StoreError> {
    let Some(text) = text else {
        return Ok(None);
    };
    let number = |digits: &[u8]| {
        (digits.iter()).try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let date = match text.as_bytes() {
        [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => {
            match (number(y), number(&[*m1, *m2]), number(&[*d1, *d2])) {
                (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
                _ => None,
            }
        }
        // Not written by this version: whatever chrono reads.
        _ => text.parse().ok(),
    };
    date.map(Some)
        .ok_or_else(|| StoreError::BadData(format!("bad date {text:?}")))
}

/// Text or NULL in column `i`.
fn text_or_null<'r>(r: &'r Row<'_>, i: usize) -> Result<Option<&'r str>, StoreError> {
    Ok(r.get_ref(i)?
        .as_str_or_null()
        .map_err(rusqlite::Error::from)?)
}

impl Store {
    /// Every brief not removed, oldest import first.
    pub fn briefs(&self) -> Result<Vec<BriefSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT b.id, b.title, b.period, b.series, f.name, b.imported_at,
                (SELECT count(*) FROM topics t WHERE t.brief_id = b.id),
                (SELECT count(*) FROM topics t WHERE t.brief_id = b.id AND t.has_policy),
                (SELECT count(*) FROM news n WHERE n.brief_id = b.id)
             FROM active_briefs b JOIN files f ON f.id = b.file_id
             ORDER BY b.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(BriefSummary {
                id: BriefId(r.get(0)?),
                title: r.get(1)?,
                period: r.get(2)?,
                series: r.get(3)?,
                file_name: r.get(4)?,
                imported_at: r.get(5)?,
                topics: r.get::<_, i64>(6)? as usize,
                policies: r.get::<_, i64>(7)? as usize,
                news: r.get::<_, i64>(8)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many briefs the library shows (not removed, not replaced by a newer version).
    pub fn briefs_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM active_briefs", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Every brief not removed, whole, oldest first. Reads each table in one pass (a query
    /// per brief would be 40,000 queries for 10,000 briefs); the topics, most of the text,
    /// and the glossaries on a second connection and thread while this one reads the rest.
    pub fn load_all(&self) -> Result<Vec<StoredBrief>, StoreError> {
        let mut news = NewsItems::default();
        // The points are read whole: no need to count them apart.
        let mut briefs = self.load_all_with(TOPIC_COLUMNS, "0", &mut news)?.briefs;
        for (stored, items) in briefs.iter_mut().zip(news.per_brief) {
            stored.brief.news = items;
        }
        Ok(briefs)
    }

    /// Every brief not removed, without the topics' summaries, points and comments (most of
    /// a library's text) and without their news, which go to `news` as they are read: what
    /// the window needs to show its tables. [`Store::for_each_topic_text`] brings the rest.
    pub fn load_outline(&self, news: &mut dyn NewsSink) -> Result<Outline, StoreError> {
        self.load_all_with(OUTLINE_TOPIC_COLUMNS, "json_array_length(points)", news)
    }

    /// Calls `visit(brief id, topic position, texts)` for every topic, reading one row at a
    /// time (the texts are most of a large library: never all in memory at once).
    pub fn for_each_topic_text(
        &self,
        mut visit: impl FnMut(i64, usize, TopicTexts<'_>),
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT brief_id, ord, at_a_glance, points, comment FROM topics")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let ord: i64 = r.get(1)?;
            let summary = r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
            let points: Vec<std::borrow::Cow<'_, str>> =
                serde_json::from_str(r.get_ref(3)?.as_str().map_err(rusqlite::Error::from)?)
                    .map_err(|e| StoreError::BadData(e.to_string()))?;
            let comment = r.get_ref(4)?.as_str().map_err(rusqlite::Error::from)?;
            let texts = TopicTexts {
                summary,
                points: &points,
                comment,
            };
            visit(r.get(0)?, ord.max(0) as usize, texts);
        }
        Ok(())
    }

    /// The briefs with their topics' `topic_columns`, and each topic's `point_count` (SQL);
    /// their news items go to `news`.
    fn load_all_with(
        &self,
        topic_columns: &str,
        point_count: &str,
        news: &mut dyn NewsSink,
    ) -> Result<Outline, StoreError> {
        let topics_sql =
            format!("SELECT brief_id, ord, {topic_columns}, {point_count} FROM topics");
        let second = self.path().filter(|p| !p.as_os_str().is_empty()).map(|p| {
            let (path, sql) = (p.to_owned(), topics_sql.clone());
            std::thread::Builder::new()
                .name("load-topics".to_owned())
                .spawn(move || -> Result<TopicsAndTerms, StoreError> {
                    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                        | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
                    let conn = Connection::open_with_flags(path, flags)?;
                    read_topics_and_terms(&conn, &sql)
                })
        });
        let mut out: Vec<StoredBrief> = Vec::new();
        // Ascending (`ORDER BY b.id`): a brief's place in `out` is its id's place here.
        let mut ids: Vec<i64> = Vec::new();
        {
            let mut stmt = self.conn.prepare(
                "SELECT b.title, b.series, b.publisher, b.caption, b.reading_minutes, b.period,
                    b.authors, b.notes, b.warnings, f.name, b.imported_at, b.contents, b.id
                 FROM active_briefs b JOIN files f ON f.id = b.file_id ORDER BY b.id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(12)?;
                let head = HeadRow::read(r)?;
                ids.push(id);
                out.push(head.into_stored(BriefId(id), Vec::new(), Vec::new(), Vec::new())?);
            }
        }
        read_news_in_order(&self.conn, &ids, news)?;
        let (topics, glossary) = match second {
            Some(Ok(handle)) => match handle.join() {
                Ok(Ok(read)) => read,
                // Could not read on a second connection: read here.
                _ => read_topics_and_terms(&self.conn, &topics_sql)?,
            },
            _ => read_topics_and_terms(&self.conn, &topics_sql)?,
        };
        let mut counts: Vec<Vec<u16>> = vec![Vec::new(); out.len()];
        for (id, items) in topics {
            if let Ok(i) = ids.binary_search(&id) {
                let (topics, points): (Vec<Topic>, Vec<u16>) = in_order(items).into_iter().unzip();
                out[i].brief.topics = topics;
                counts[i] = points;
            }
        }
        for (id, items) in glossary {
            if let Ok(i) = ids.binary_search(&id) {
                out[i].brief.glossary = in_order(items);
            }
        }
        out.shrink_to_fit();
        Ok(Outline {
            briefs: out,
            point_counts: counts.concat(),
        })
    }

    /// One brief, whole (also a removed one, so undo can show it).
    pub fn load(&self, id: BriefId) -> Result<StoredBrief, StoreError> {
        let head = self
            .conn
            .query_row(
                "SELECT b.title, b.series, b.publisher, b.caption, b.reading_minutes, b.period,
                    b.authors, b.notes, b.warnings, f.name, b.imported_at, b.contents
                 FROM briefs b JOIN files f ON f.id = b.file_id WHERE b.id = ?1",
                [id.0],
                |r| Ok(HeadRow::read(r)),
            )
            .optional()?
            .ok_or(StoreError::NoSuchBrief(id))??;
        head.into_stored(
            id,
            load_topics(&self.conn, id)?,
            load_news(&self.conn, id)?,
            load_glossary(&self.conn, id)?,
        )
    }

    /// The original file of a brief: its name and bytes exactly as imported.
    pub fn original(&self, id: BriefId) -> Result<(String, Vec<u8>), StoreError> {
        self.conn
            .query_row(
                "SELECT f.name, f.bytes FROM briefs b JOIN files f ON f.id = b.file_id WHERE b.id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NoSuchBrief(id))
    }
}

/// The briefs as [`Store::load_outline`] reads them, and the number of points each topic
/// has in the store.
#[derive(Debug)]
pub struct Outline {
    pub briefs: Vec<StoredBrief>,
    /// Per topic, brief by brief in the order of `briefs`.
    pub point_counts: Vec<u16>,
}

/// What [`Store::for_each_topic_text`] gives of one topic: the texts an outline leaves out.
#[derive(Clone, Copy, Debug)]
pub struct TopicTexts<'a> {
    pub summary: &'a str,
    pub points: &'a [std::borrow::Cow<'a, str>],
    pub comment: &'a str,
}

struct HeadRow {
    title: String,
    series: Option<String>,
    publisher: Option<String>,
    caption: Option<String>,
    reading_minutes: Option<u32>,
    period: Option<String>,
    authors: String,
    notes: String,
    warnings: String,
    file_name: String,
    imported_at: String,
    contents: String,
}

impl HeadRow {
    fn into_stored(
        self,
        id: BriefId,
        topics: Vec<Topic>,
        news: Vec<NewsItem>,
        glossary: Vec<GlossaryEntry>,
    ) -> Result<StoredBrief, StoreError> {
        let period = self
            .period
            .map(|p| p.parse::<Period>().map_err(StoreError::BadData))
            .transpose()?;
        let brief = Brief {
            title: self.title,
            series: self.series,
            publisher: self.publisher,
            caption: self.caption,
            reading_minutes: self.reading_minutes,
            period,
            authors: from_json(&self.authors)?,
            notes: from_json(&self.notes)?,
            contents: from_json(&self.contents)?,
            topics,
            news,
            glossary,
            warnings: from_json(&self.warnings)?,
        };
        Ok(StoredBrief {
            id,
            file_name: self.file_name,
            imported_at: self.imported_at,
            brief,
        })
    }

    fn read(r: &Row<'_>) -> Result<Self, StoreError> {
        Ok(Self {
            title: r.get(0)?,
            series: r.get(1)?,
            publisher: r.get(2)?,
            caption: r.get(3)?,
            reading_minutes: r.get(4)?,
            period: r.get(5)?,
            authors: r.get(6)?,
            notes: r.get(7)?,
            warnings: r.get(8)?,
            file_name: r.get(9)?,
            imported_at: r.get(10)?,
            contents: r.get(11)?,
        })
    }
}

/// Rows of a child table by brief id, each with its `ord`.
type Children<T> = HashMap<i64, Vec<(i64, T)>>;

/// The topics (each with its number of points) and glossary entries of every brief.
type TopicsAndTerms = (Children<(Topic, u16)>, Children<GlossaryEntry>);

/// Reads the topics with `topics_sql`, then the glossaries: the half of the library that
/// [`Store::load_all`] reads on a second thread while the first reads the briefs and news.
fn read_topics_and_terms(
    conn: &Connection,
    topics_sql: &str,
) -> Result<TopicsAndTerms, StoreError> {
    let topics = read_children(conn, topics_sql, read_counted_topic)?;
    let glossary = read_children(
        conn,
        &format!("SELECT brief_id, ord, {GLOSSARY_COLUMNS} FROM glossary"),
        read_glossary,
    )?;
    Ok((topics, glossary))
}

/// Reads `sql` (brief id, ord, then the item's columns) into [`Children`].
fn read_children<T>(
    conn: &Connection,
    sql: &str,
    mut read: impl FnMut(&Row<'_>, usize) -> Result<T, StoreError>,
) -> Result<Children<T>, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut out: Children<T> = HashMap::new();
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?)
            .or_default()
            .push((r.get(1)?, read(r, 2)?));
    }
    Ok(out)
}

/// Items in the order of their `ord` values (rows come in insertion order, which is already
/// `ord` order unless the table was edited).
fn in_order<T>(mut items: Vec<(i64, T)>) -> Vec<T> {
    if !items.is_sorted_by_key(|(ord, _)| *ord) {
        items.sort_by_key(|(ord, _)| *ord);
    }
    // Not `collect`: it would reuse the larger allocation of `items` and keep its spare room,
    // which for a library's hundreds of thousands of items is tens of megabytes.
    let mut out = Vec::with_capacity(items.len());
    out.extend(items.into_iter().map(|(_, item)| item));
    out
}

const TOPIC_COLUMNS: &str = "number, headline, at_a_glance, points, events, comment, has_policy,
    policy_name, policy_name_zh, issuing_body, policy_date, watch";
/// [`TOPIC_COLUMNS`] with the summary, points and comment left empty.
const OUTLINE_TOPIC_COLUMNS: &str = "number, headline, '', '[]', events, '', has_policy,
    policy_name, policy_name_zh, issuing_body, policy_date, ''";
const NEWS_COLUMNS: &str = "section, date, text, sources, until";
const GLOSSARY_COLUMNS: &str = "term, meaning, kind";

/// A topic from [`TOPIC_COLUMNS`], starting at column `at`.
fn read_topic(r: &Row<'_>, at: usize) -> Result<Topic, StoreError> {
    let has_policy: bool = r.get(at + 6)?;
    let policy = if has_policy {
        Some(Policy {
            name: r.get(at + 7)?,
            name_zh: r.get(at + 8)?,
            issuing_body: r.get(at + 9)?,
            date: parse_date(text_or_null(r, at + 10)?)?,
        })
    } else {
        None
    };
    Ok(Topic {
        number: r.get(at)?,
        headline: r.get(at + 1)?,
        at_a_glance: r.get(at + 2)?,
        points: exact(from_json(&r.get::<_, String>(at + 3)?)?),
        events: exact(from_json(&r.get::<_, String>(at + 4)?)?),
        comment: r.get(at + 5)?,
        watch: r.get(at + 11)?,
        policy,
    })
}

/// A topic from [`TOPIC_COLUMNS`] starting at column `at`, and how many points it has (the
/// column after them: an outline leaves the points themselves in the store).
fn read_counted_topic(r: &Row<'_>, at: usize) -> Result<(Topic, u16), StoreError> {
    let count: Option<i64> = r.get(at + 12)?;
    let count = u16::try_from(count.unwrap_or(0).max(0)).unwrap_or(u16::MAX);
    Ok((read_topic(r, at)?, count))
}

/// `items` without spare room (a list read from JSON grows by doubling).
fn exact<T>(mut items: Vec<T>) -> Vec<T> {
    items.shrink_to_fit();
    items
}

/// The source titles read so far, each kept once: thousands of news items name the same
/// "Reuters article".
#[derive(Default)]
struct SourceTitles(std::collections::HashSet<Arc<str>>);

impl SourceTitles {
    fn share(&mut self, title: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(title) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = title.into();
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

/// News items whole, per brief ([`Store::load_all`]).
#[derive(Default)]
struct NewsItems {
    per_brief: Vec<Vec<NewsItem>>,
    titles: SourceTitles,
}

impl NewsSink for NewsItems {
    fn push(&mut self, brief: usize, item: NewsRow<'_>) {
        if self.per_brief.len() <= brief {
            self.per_brief.resize_with(brief + 1, Vec::new);
        }
        let item = NewsItem {
            section: item.section,
            date: item.date,
            until: item.until,
            text: item.text.to_owned(),
            sources: (item.sources.iter())
                .map(|s| Source {
                    title: self.titles.share(&s.title),
                    lang: s.lang,
                })
                .collect(),
        };
        self.per_brief[brief].push(item);
    }

    fn restart(&mut self) {
        self.per_brief.clear();
    }
}

/// Gives `sink` the news items of the briefs `ids` (ascending), brief by brief, each
/// brief's in order. Reads the table as it lies, which is that order unless it was edited;
/// if it is not, starts again sorted (twice as slow).
fn read_news_in_order(
    conn: &Connection,
    ids: &[i64],
    sink: &mut dyn NewsSink,
) -> Result<(), StoreError> {
    let sql = format!("SELECT brief_id, ord, {NEWS_COLUMNS} FROM news");
    if read_news(conn.prepare(&sql)?.query([])?, ids, sink, true)? {
        return Ok(());
    }
    sink.restart();
    let mut sorted = conn.prepare(&format!("{sql} ORDER BY brief_id, ord"))?;
    read_news(sorted.query([])?, ids, sink, false)?;
    Ok(())
}

/// Gives `sink` the `rows` (brief id, ord, then [`NEWS_COLUMNS`]) of the briefs `ids`. With
/// `check_order`, stops and returns false at the first row out of order.
fn read_news(
    mut rows: rusqlite::Rows<'_>,
    ids: &[i64],
    sink: &mut dyn NewsSink,
    check_order: bool,
) -> Result<bool, StoreError> {
    // The brief of the last row, as a place in `ids`, and that row's `ord`.
    let mut at = 0;
    let mut last: Option<(usize, i64)> = None;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if ids.get(at) != Some(&id) {
            match ids.binary_search(&id) {
                Ok(found) => at = found,
                // A removed or replaced brief's.
                Err(_) => continue,
            }
        }
        let ord: i64 = r.get(1)?;
        if check_order && last.is_some_and(|last| last >= (at, ord)) {
            return Ok(false);
        }
        last = Some((at, ord));
        let section = r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
        let section = Section::from_str_opt(section)
            .ok_or_else(|| StoreError::BadData(format!("bad section {section:?}")))?;
        let date = parse_date(text_or_null(r, 3)?)?;
        let text = r.get_ref(4)?.as_str().map_err(rusqlite::Error::from)?;
        let json = r.get_ref(5)?.as_str().map_err(rusqlite::Error::from)?;
        let sources: Vec<SourceRow<'_>> =
            serde_json::from_str(json).map_err(|e| StoreError::BadData(e.to_string()))?;
        let until = parse_date(text_or_null(r, 6)?)?;
        let item = NewsRow {
            section,
            date,
            until,
            text,
            sources: &sources,
        };
        sink.push(at, item);
    }
    Ok(true)
}

/// A glossary entry from [`GLOSSARY_COLUMNS`], starting at column `at`.
fn read_glossary(r: &Row<'_>, at: usize) -> Result<GlossaryEntry, StoreError> {
    let kind: String = r.get(at + 2)?;
    Ok(GlossaryEntry {
        term: r.get(at)?,
        meaning: r.get(at + 1)?,
        kind: GlossaryKind::from_str_opt(&kind)
            .ok_or_else(|| StoreError::BadData(format!("bad glossary kind {kind:?}")))?,
    })
}

fn load_topics(conn: &Connection, id: BriefId) -> Result<Vec<Topic>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {TOPIC_COLUMNS} FROM topics WHERE brief_id = ?1 ORDER BY ord"
    ))?;
    let mut rows = stmt.query([id.0])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(read_topic(r, 0)?);
    }
    Ok(out)
}

fn load_news(conn: &Connection, id: BriefId) -> Result<Vec<NewsItem>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT brief_id, ord, {NEWS_COLUMNS} FROM news WHERE brief_id = ?1 ORDER BY ord"
    ))?;
    let mut items = NewsItems::default();
    read_news(stmt.query([id.0])?, &[id.0], &mut items, false)?;
    Ok(items.per_brief.pop().unwrap_or_default())
}

fn load_glossary(conn: &Connection, id: BriefId) -> Result<Vec<GlossaryEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {GLOSSARY_COLUMNS} FROM glossary WHERE brief_id = ?1 ORDER BY ord"
    ))?;
    let mut rows = stmt.query([id.0])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(read_glossary(r, 0)?);
    }
    Ok(out)
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn dates_read_by_hand_agree_with_chrono() {
        let texts = [
            "2021-02-09",
            "1999-12-31",
            "2024-02-29",
            "0001-01-01",
            "9999-12-31",
            "2021-1-01",
            "2023-02-29",
            "2021-13-01",
            "2021-00-10",
            "20x1-01-01",
            "",
            "2021-01-01 ",
            "2021/01/01",
        ];
        for text in texts {
            let chrono: Option<NaiveDate> = text.parse().ok();
            assert_eq!(parse_date(Some(text)).ok(), chrono.map(Some), "{text:?}");
        }
        assert!(parse_date(Some("2023-02-29")).is_err());
        assert_eq!(parse_date(None).unwrap(), None);
    }
}
