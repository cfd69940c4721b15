//! Reading stored briefs again with a newer parser. The library keeps every imported file's
//! bytes, so a brief whose rows an older parser made (its `parser_version`) can be read again
//! and its rows replaced, keeping its id, its file, its versions and its removed state.

use rusqlite::{OptionalExtension as _, TransactionBehavior, params};

use super::index_doc::IndexDoc;
use super::write::{HEAD_COLUMNS, PARSER_VERSION, head_values, insert_parts};
use super::{BriefId, Store, StoreError};
use crate::model::Brief;

/// A brief read again: its new content key, its rows and what the analyst layer finds in it.
#[derive(Debug)]
pub struct Reparsed {
    pub content_key: String,
    pub brief: Brief,
    pub analysis: crate::model::BriefAnalysis,
}

/// A stored brief an older parser read: what is needed to read it again.
#[derive(Debug)]
pub struct Outdated {
    pub id: BriefId,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl Store {
    /// How many briefs an older parser read.
    pub fn outdated_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM briefs WHERE parser_version < ?1",
            [PARSER_VERSION],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Up to `limit` of the briefs an older parser read, with their original files, lowest
    /// id first.
    pub fn outdated(&self, limit: usize) -> Result<Vec<Outdated>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT b.id, f.name, f.bytes FROM briefs b JOIN files f ON f.id = b.file_id
             WHERE b.parser_version < ?1 ORDER BY b.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![PARSER_VERSION, limit as i64], |r| {
            Ok(Outdated {
                id: BriefId(r.get(0)?),
                file_name: r.get(1)?,
                bytes: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Replaces the rows of each brief with what the current parser read (`Some`), and its
    /// analysis with one made from them; or marks it read by the current parser and keeps its
    /// rows (`None`: the file cannot be read again, say an entry of a JSON export). All in
    /// one transaction.
    pub fn replace_parsed(
        &mut self,
        briefs: &[(BriefId, Option<Reparsed>)],
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut doc = IndexDoc::default();
        for (id, parsed) in briefs {
            let Some(Reparsed {
                content_key,
                brief,
                analysis,
            }) = parsed
            else {
                tx.execute(
                    "UPDATE briefs SET parser_version = ?1 WHERE id = ?2",
                    params![PARSER_VERSION, id.0],
                )?;
                continue;
            };
            // Two files that the new parser reads as one brief: the later keeps its old key.
            let taken: Option<i64> = tx
                .query_row(
                    "SELECT id FROM briefs WHERE content_key = ?1 AND id != ?2",
                    params![content_key, id.0],
                    |r| r.get(0),
                )
                .optional()?;
            let key: String = match taken {
                Some(_) => tx.query_row(
                    "SELECT content_key FROM briefs WHERE id = ?1",
                    [id.0],
                    |r| r.get(0),
                )?,
                None => content_key.clone(),
            };
            let own: [&dyn rusqlite::ToSql; 3] = [&PARSER_VERSION, &key, &id.0];
            tx.execute(
                &format!(
                    "UPDATE briefs SET parser_version = ?1, content_key = ?2, ({HEAD_COLUMNS}) =
                        (?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                     WHERE id = ?3"
                ),
                rusqlite::params_from_iter(
                    own.into_iter()
                        .chain(head_values(brief)?.iter().map(|v| &**v)),
                ),
            )?;
            for table in ["topics", "news", "glossary", "search_text"] {
                tx.execute(&format!("DELETE FROM {table} WHERE brief_id = ?1"), [id.0])?;
            }
            tx.execute("DELETE FROM search_fts WHERE rowid = ?1", [id.0])?;
            insert_parts(&tx, id.0, brief, &mut doc)?;
            super::analyses::keep_analysis(&tx, *id, analysis)?;
            let text = doc.finish();
            if !text.is_empty() {
                tx.execute(
                    "INSERT INTO search_fts (rowid, text) VALUES (?1, ?2)",
                    params![id.0, text],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}
