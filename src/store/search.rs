//! Full-text search over every text field, English and Chinese alike.
//!
//! The FTS5 `trigram` tokenizer finds any substring of three or more characters, which is what
//! Chinese needs (no spaces between words). It narrows a search down to briefs; each field of
//! those is then checked. Shorter terms, such as the two-character word 医疗, use `LIKE` on every
//! field.

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
/// At most this many of a query's trigrams go to the index: enough to narrow the briefs down,
/// and every field is checked afterwards anyway.
const MAX_TRIGRAMS: usize = 24;

impl Store {
    /// Fields containing every whitespace-separated term of `query` (case-insensitive).
    ///
    /// The full-text index holds one document per brief without positions, so it finds the
    /// briefs that contain every trigram of the long terms; each field of those briefs is
    /// then checked for each term: with `LIKE` in SQL when that is exact (ASCII letters and
    /// characters without case, such as Chinese), otherwise here with Unicode case folding,
    /// as the trigram index folds case.
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>, StoreError> {
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let mut conditions = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        let mut trigrams: Vec<String> = Vec::new();
        let mut folded_terms: Vec<String> = Vec::new();
        for term in &terms {
            let long = term.chars().count() >= TRIGRAM;
            if long {
                for trigram in trigrams_of(term) {
                    if trigrams.len() < MAX_TRIGRAMS && !trigrams.contains(&trigram) {
                        trigrams.push(trigram);
                    }
                }
            }
            // Short terms are only ever matched by LIKE (ASCII case-insensitive).
            if !long || like_is_exact(term) {
                conditions.push("s.text LIKE ? ESCAPE '\\'");
                values.push(Value::Text(format!("%{}%", escape_like(term))));
            } else {
                folded_terms.push(fold_case(term));
            }
        }
        if !trigrams.is_empty() {
            let expr: Vec<String> = trigrams
                .iter()
                .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
                .collect();
            conditions
                .push("s.brief_id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)");
            values.push(Value::Text(expr.join(" AND ")));
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
        let mut hits = Vec::new();
        for hit in rows {
            let hit = hit?;
            if folded_terms.is_empty() || {
                let text = fold_case(&hit.text);
                folded_terms.iter().all(|t| text.contains(t.as_str()))
            } {
                hits.push(hit);
            }
        }
        Ok(hits)
    }
}

/// Every run of three characters in `term`, as the trigram tokenizer cuts it.
fn trigrams_of(term: &str) -> impl Iterator<Item = String> + '_ {
    let starts: Vec<usize> = term.char_indices().map(|(i, _)| i).collect();
    (0..starts.len().saturating_sub(TRIGRAM - 1)).map(move |k| {
        let end = starts.get(k + TRIGRAM).copied().unwrap_or(term.len());
        term[starts[k]..end].to_owned()
    })
}

/// True when SQL's `LIKE` (which ignores the case of ASCII letters only) finds exactly the
/// fields that contain `term` ignoring case: every character is ASCII or has no case.
fn like_is_exact(term: &str) -> bool {
    term.chars().all(|c| {
        c.is_ascii()
            || (c.to_lowercase().eq(std::iter::once(c)) && c.to_uppercase().eq(std::iter::once(c)))
    })
}

/// Lower case, one character for one (as the trigram tokenizer folds case): a character whose
/// lower case is several characters is kept.
fn fold_case(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        })
        .collect()
}

fn escape_like(term: &str) -> String {
    term.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
