//! Full-text search over every text field, English and Chinese alike.
//!
//! The FTS5 `trigram` tokenizer finds any substring of three or more characters, which is what
//! Chinese needs (no spaces between words). Shorter terms, such as the two-character word 医疗,
//! fall back to `LIKE` on the same rows.

use rusqlite::types::Value;

use super::{BriefId, Store, StoreError};

/// Where a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchKind {
    Brief,
    Topic,
    Policy,
    News,
    Glossary,
}

impl SearchKind {
    fn from_column(s: &str) -> Self {
        match s {
            "topic" => Self::Topic,
            "policy" => Self::Policy,
            "news" => Self::News,
            "glossary" => Self::Glossary,
            _ => Self::Brief,
        }
    }
}

/// A field that matches a query.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SearchHit {
    pub brief_id: BriefId,
    pub brief_title: String,
    pub period: Option<String>,
    pub kind: SearchKind,
    /// Topic number for topic and policy hits.
    pub topic_number: Option<u32>,
    /// News date for news hits.
    pub news_date: Option<String>,
    pub field: String,
    pub text: String,
}

const TRIGRAM: usize = 3;

impl Store {
    /// Fields containing every whitespace-separated term of `query` (case-insensitive).
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>, StoreError> {
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let mut conditions = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        for term in &terms {
            values.push(if term.chars().count() >= TRIGRAM {
                conditions.push("s.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)");
                Value::Text(format!("\"{}\"", term.replace('"', "\"\"")))
            } else {
                conditions.push("s.text LIKE ? ESCAPE '\\'");
                Value::Text(format!("%{}%", escape_like(term)))
            });
        }
        let sql = format!(
            "SELECT s.brief_id, b.title, b.period, s.kind, t.number, n.date, s.field, s.text
             FROM search_text s
             JOIN active_briefs b ON b.id = s.brief_id
             LEFT JOIN topics t ON s.kind IN ('topic', 'policy') AND t.id = s.item
             LEFT JOIN news n ON s.kind = 'news' AND n.id = s.item
             WHERE {}
             ORDER BY s.brief_id, s.id",
            conditions.join(" AND ")
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
            Ok(SearchHit {
                brief_id: BriefId(r.get(0)?),
                brief_title: r.get(1)?,
                period: r.get(2)?,
                kind: SearchKind::from_column(&r.get::<_, String>(3)?),
                topic_number: r.get(4)?,
                news_date: r.get(5)?,
                field: r.get(6)?,
                text: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn escape_like(term: &str) -> String {
    term.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
