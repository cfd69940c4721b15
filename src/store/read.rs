//! Reading briefs back out of the library.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, Row};

use super::{BriefId, Store, StoreError, StoredBrief};
use crate::model::{Brief, GlossaryEntry, GlossaryKind, NewsItem, Period, Policy, Section, Topic};

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

fn parse_date(text: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    text.map(|t| {
        t.parse()
            .map_err(|_| StoreError::BadData(format!("bad date {t:?}")))
    })
    .transpose()
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

    /// Every brief not removed, whole.
    pub fn load_all(&self) -> Result<Vec<StoredBrief>, StoreError> {
        let ids: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM active_briefs ORDER BY id")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        };
        ids.into_iter().map(|id| self.load(BriefId(id))).collect()
    }

    /// One brief, whole (also a removed one, so undo can show it).
    pub fn load(&self, id: BriefId) -> Result<StoredBrief, StoreError> {
        let head = self
            .conn
            .query_row(
                "SELECT b.title, b.series, b.publisher, b.caption, b.reading_minutes, b.period,
                    b.authors, b.notes, b.warnings, f.name, b.imported_at
                 FROM briefs b JOIN files f ON f.id = b.file_id WHERE b.id = ?1",
                [id.0],
                |r| Ok(HeadRow::read(r)),
            )
            .optional()?
            .ok_or(StoreError::NoSuchBrief(id))??;
        let period = head
            .period
            .map(|p| p.parse::<Period>().map_err(StoreError::BadData))
            .transpose()?;
        let brief = Brief {
            title: head.title,
            series: head.series,
            publisher: head.publisher,
            caption: head.caption,
            reading_minutes: head.reading_minutes,
            period,
            authors: from_json(&head.authors)?,
            notes: from_json(&head.notes)?,
            topics: load_topics(&self.conn, id)?,
            news: load_news(&self.conn, id)?,
            glossary: load_glossary(&self.conn, id)?,
            warnings: from_json(&head.warnings)?,
        };
        Ok(StoredBrief {
            id,
            file_name: head.file_name,
            imported_at: head.imported_at,
            brief,
        })
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
}

impl HeadRow {
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
        })
    }
}

fn load_topics(conn: &Connection, id: BriefId) -> Result<Vec<Topic>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT number, headline, at_a_glance, points, events, comment, has_policy,
            policy_name, policy_name_zh, issuing_body, policy_date
         FROM topics WHERE brief_id = ?1 ORDER BY ord",
    )?;
    let mut rows = stmt.query([id.0])?;
    let mut topics = Vec::new();
    while let Some(r) = rows.next()? {
        let has_policy: bool = r.get(6)?;
        let policy = if has_policy {
            Some(Policy {
                name: r.get(7)?,
                name_zh: r.get(8)?,
                issuing_body: r.get(9)?,
                date: parse_date(r.get(10)?)?,
            })
        } else {
            None
        };
        topics.push(Topic {
            number: r.get(0)?,
            headline: r.get(1)?,
            at_a_glance: r.get(2)?,
            points: from_json(&r.get::<_, String>(3)?)?,
            events: from_json(&r.get::<_, String>(4)?)?,
            comment: r.get(5)?,
            policy,
        });
    }
    Ok(topics)
}

fn load_news(conn: &Connection, id: BriefId) -> Result<Vec<NewsItem>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT section, date, text, sources FROM news WHERE brief_id = ?1 ORDER BY ord",
    )?;
    let mut rows = stmt.query([id.0])?;
    let mut news = Vec::new();
    while let Some(r) = rows.next()? {
        let section: String = r.get(0)?;
        news.push(NewsItem {
            section: Section::from_str_opt(&section)
                .ok_or_else(|| StoreError::BadData(format!("bad section {section:?}")))?,
            date: parse_date(r.get(1)?)?,
            text: r.get(2)?,
            sources: from_json(&r.get::<_, String>(3)?)?,
        });
    }
    Ok(news)
}

fn load_glossary(conn: &Connection, id: BriefId) -> Result<Vec<GlossaryEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT term, meaning, kind FROM glossary WHERE brief_id = ?1 ORDER BY ord",
    )?;
    let mut rows = stmt.query([id.0])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let kind: String = r.get(2)?;
        out.push(GlossaryEntry {
            term: r.get(0)?,
            meaning: r.get(1)?,
            kind: GlossaryKind::from_str_opt(&kind)
                .ok_or_else(|| StoreError::BadData(format!("bad glossary kind {kind:?}")))?,
        });
    }
    Ok(out)
}
