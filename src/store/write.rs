//! Adding and removing briefs. Every change is one transaction; an import may hold several
//! files, each in its own savepoint ([`ImportBatch`]).

use rusqlite::{Connection, OptionalExtension as _, Transaction, TransactionBehavior, params};
use sha2::{Digest as _, Sha256};

use super::index_doc::IndexDoc;
use super::{BriefId, Store, StoreError};
use crate::model::{Brief, Topic, Version};

/// A file as read from disk, before parsing.
pub struct SourceFile<'a> {
    /// The file name (or path) it came from, for display.
    pub name: &'a str,
    /// The bytes exactly as read.
    pub bytes: &'a [u8],
    /// Identifies the content regardless of line endings and trailing spaces; equal keys are
    /// the same brief.
    pub content_key: &'a str,
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    Imported(BriefId),
    /// The same content is already in the library.
    Duplicate(BriefId),
    /// Another version of a brief already there (same title and period, other content): the
    /// new one replaces `previous`, which stays as an earlier version.
    Updated {
        id: BriefId,
        previous: BriefId,
    },
}

/// Version of the parser that produced stored records, so a newer one can re-read the bytes.
pub const PARSER_VERSION: i64 = 2;

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::BadData(e.to_string()))
}

/// Files stored per transaction before [`ImportBatch::is_full`] says to commit.
const BATCH_FILES: usize = 100;
/// Bytes of original files stored per transaction before [`ImportBatch::is_full`] says to commit.
const BATCH_BYTES: usize = 16 * 1024 * 1024;
/// How long a batch may stay open before [`ImportBatch::is_full`] says to commit: what a crash
/// can lose, as files to import again.
const BATCH_TIME: std::time::Duration = std::time::Duration::from_millis(300);

/// Several files' imports in one transaction. Each file is stored inside its own savepoint, so a
/// file that fails leaves nothing behind while the others stay; nothing is in the library until
/// [`ImportBatch::commit`], which also adds the batch's briefs to the full-text index. Dropping
/// a batch without committing it stores none of its files.
///
/// Why batches: FTS5 flushes its pending index data to a new segment at every savepoint, and
/// segments are merged again and again later; indexing a whole batch at once writes few, large
/// ones.
pub struct ImportBatch<'s> {
    tx: Transaction<'s>,
    /// The full-text index documents of the briefs stored so far, by brief id.
    docs: Vec<(i64, String)>,
    doc: IndexDoc,
    files: usize,
    bytes: usize,
    started: std::time::Instant,
}

impl Store {
    /// Stores `brief` with its original file, in one transaction. The same content twice is
    /// one brief (a duplicate; a removed one comes back). Another version of a brief already
    /// there (same title and period) replaces it and keeps it as an earlier version.
    pub fn import(
        &mut self,
        file: &SourceFile<'_>,
        brief: &Brief,
    ) -> Result<ImportOutcome, StoreError> {
        let mut batch = self.begin_import()?;
        let outcome = batch.import(file, brief)?;
        batch.commit()?;
        Ok(outcome)
    }

    /// Starts a transaction for importing several files; see [`ImportBatch`].
    pub fn begin_import(&mut self) -> Result<ImportBatch<'_>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(ImportBatch {
            tx,
            docs: Vec::new(),
            doc: IndexDoc::default(),
            files: 0,
            bytes: 0,
            started: std::time::Instant::now(),
        })
    }

    /// Every version of the brief `id` belongs to (same title and period), oldest first.
    pub fn versions(&self, id: BriefId) -> Result<Vec<Version>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT b.id, f.name, b.imported_at, b.superseded_by IS NULL
             FROM briefs b JOIN files f ON f.id = b.file_id
             JOIN briefs me ON me.id = ?1
             WHERE b.title = me.title AND b.period IS me.period AND b.removed_at IS NULL
             ORDER BY b.id",
        )?;
        let rows = stmt.query_map([id.0], |r| {
            Ok(Version {
                id: BriefId(r.get(0)?),
                file_name: r.get(1)?,
                imported_at: r.get(2)?,
                current: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// For every brief with more than one version: its versions, keyed by the current one.
    pub fn all_versions(
        &self,
    ) -> Result<std::collections::HashMap<BriefId, Vec<Version>>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT cur.id, b.id, f.name, b.imported_at, b.superseded_by IS NULL
             FROM active_briefs cur
             JOIN briefs b ON b.title = cur.title AND b.period IS cur.period AND b.removed_at IS NULL
             JOIN files f ON f.id = b.file_id
             WHERE EXISTS (SELECT 1 FROM briefs o WHERE o.superseded_by IS NOT NULL
                           AND o.title = cur.title AND o.period IS cur.period AND o.removed_at IS NULL)
             ORDER BY cur.id, b.id",
        )?;
        let mut out: std::collections::HashMap<BriefId, Vec<Version>> =
            std::collections::HashMap::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            out.entry(BriefId(r.get(0)?)).or_default().push(Version {
                id: BriefId(r.get(1)?),
                file_name: r.get(2)?,
                imported_at: r.get(3)?,
                current: r.get(4)?,
            });
        }
        Ok(out)
    }

    /// Makes version `id` the one the views show; the other versions of its brief become
    /// earlier versions of it.
    pub fn make_current(&mut self, id: BriefId) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE briefs SET superseded_by = ?1
             WHERE id != ?1 AND removed_at IS NULL
               AND title = (SELECT title FROM briefs WHERE id = ?1)
               AND period IS (SELECT period FROM briefs WHERE id = ?1)",
            [id.0],
        )?;
        let found = tx.execute(
            "UPDATE briefs SET superseded_by = NULL, removed_at = NULL WHERE id = ?1",
            [id.0],
        )?;
        if found == 0 {
            return Err(StoreError::NoSuchBrief(id));
        }
        tx.commit()?;
        Ok(())
    }

    /// Undoes an update: `previous` is current again and `id` is removed (and can itself be
    /// brought back with [`Store::make_current`]).
    pub fn revert_update(&mut self, id: BriefId, previous: BriefId) -> Result<(), StoreError> {
        self.make_current(previous)?;
        self.remove(id)
    }

    /// Hides a brief from every view and search; [`Store::restore`] brings it back.
    pub fn remove(&mut self, id: BriefId) -> Result<(), StoreError> {
        let now = chrono::Utc::now().to_rfc3339();
        let changed = self.conn.execute(
            "UPDATE briefs SET removed_at = ?2 WHERE id = ?1 AND removed_at IS NULL",
            params![id.0, now],
        )?;
        if changed == 0 {
            return Err(StoreError::NoSuchBrief(id));
        }
        Ok(())
    }

    /// Undoes [`Store::remove`].
    pub fn restore(&mut self, id: BriefId) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("UPDATE briefs SET removed_at = NULL WHERE id = ?1", [id.0])?;
        if changed == 0 {
            return Err(StoreError::NoSuchBrief(id));
        }
        Ok(())
    }
}

impl ImportBatch<'_> {
    /// Stores `brief` with its original file, all or nothing (see [`Store::import`]). Files
    /// earlier in the batch count: the same content twice in one batch is a duplicate.
    pub fn import(
        &mut self,
        file: &SourceFile<'_>,
        brief: &Brief,
    ) -> Result<ImportOutcome, StoreError> {
        self.import_analysed(file, brief, None)
    }

    /// [`ImportBatch::import`], keeping `analysis` (what the analyst layer found in `brief`)
    /// with it, all or nothing: a brief is never stored without its analysis.
    pub fn import_analysed(
        &mut self,
        file: &SourceFile<'_>,
        brief: &Brief,
        analysis: Option<&crate::model::BriefAnalysis>,
    ) -> Result<ImportOutcome, StoreError> {
        // Dropped without `commit` on an error: rolls back to before this file.
        let savepoint = self.tx.savepoint()?;
        let outcome = import_one(&savepoint, file, brief, &mut self.doc).and_then(|outcome| {
            if let Some(analysis) = analysis {
                let (ImportOutcome::Imported(id)
                | ImportOutcome::Duplicate(id)
                | ImportOutcome::Updated { id, .. }) = outcome;
                super::analyses::keep_analysis(&savepoint, id, analysis)?;
            }
            Ok(outcome)
        });
        // A document half built by a failed import is dropped with it.
        let doc = self.doc.finish();
        let outcome = outcome?;
        savepoint.commit()?;
        if let ImportOutcome::Imported(id) | ImportOutcome::Updated { id, .. } = outcome
            && !doc.is_empty()
        {
            self.docs.push((id.0, doc));
        }
        self.files += 1;
        self.bytes += file.bytes.len();
        Ok(outcome)
    }

    /// True when the batch holds enough to be committed (or has been open long enough).
    pub fn is_full(&self) -> bool {
        self.files >= BATCH_FILES
            || self.bytes >= BATCH_BYTES
            || (self.files > 0 && self.started.elapsed() >= BATCH_TIME)
    }

    /// Indexes the batch's text and makes every file stored in it permanent, at once.
    pub fn commit(self) -> Result<(), StoreError> {
        // One statement per brief: a single-row insert takes no savepoint, so the index keeps
        // pending data in memory until the commit.
        let mut insert = self
            .tx
            .prepare_cached("INSERT INTO search_fts (rowid, text) VALUES (?1, ?2)")?;
        for (id, doc) in &self.docs {
            insert.execute(params![id, doc])?;
        }
        drop(insert);
        self.tx.commit()?;
        Ok(())
    }
}

fn import_one(
    conn: &Connection,
    file: &SourceFile<'_>,
    brief: &Brief,
    doc: &mut IndexDoc,
) -> Result<ImportOutcome, StoreError> {
    let existing: Option<(i64, bool)> = conn
        .prepare_cached("SELECT id, removed_at IS NOT NULL FROM briefs WHERE content_key = ?1")?
        .query_row([file.content_key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((id, removed)) = existing {
        if removed {
            conn.execute("UPDATE briefs SET removed_at = NULL WHERE id = ?1", [id])?;
            return Ok(ImportOutcome::Imported(BriefId(id)));
        }
        return Ok(ImportOutcome::Duplicate(BriefId(id)));
    }
    let period = brief.period.map(|p| p.to_string());
    let previous: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM active_briefs WHERE title = ?1 AND period IS ?2
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![brief.title, period], |r| r.get(0))
        .optional()?;
    let id = insert_brief(conn, file, brief, doc)?;
    Ok(match previous {
        Some(old) => {
            conn.execute(
                "UPDATE briefs SET superseded_by = ?1 WHERE id = ?2",
                [id.0, old],
            )?;
            ImportOutcome::Updated {
                id,
                previous: BriefId(old),
            }
        }
        None => ImportOutcome::Imported(id),
    })
}

fn insert_brief(
    conn: &Connection,
    file: &SourceFile<'_>,
    brief: &Brief,
    doc: &mut IndexDoc,
) -> Result<BriefId, StoreError> {
    let sha = hex(&Sha256::digest(file.bytes));
    conn.prepare_cached("INSERT INTO files (name, sha256, bytes) VALUES (?1, ?2, ?3)")?
        .execute(params![file.name, sha, file.bytes])?;
    let file_id = conn.last_insert_rowid();
    let own: [&dyn rusqlite::ToSql; 4] = [
        &file_id,
        &file.content_key,
        &PARSER_VERSION,
        &chrono::Utc::now().to_rfc3339(),
    ];
    conn.prepare_cached(&format!(
        "INSERT INTO briefs (file_id, content_key, parser_version, imported_at, {HEAD_COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
    ))?
    .execute(rusqlite::params_from_iter(
        own.into_iter()
            .chain(head_values(brief)?.iter().map(|v| &**v)),
    ))?;
    let brief_id = conn.last_insert_rowid();
    insert_parts(conn, brief_id, brief, doc)?;
    Ok(BriefId(brief_id))
}

/// The columns of `briefs` that hold what the parser read in the brief's header, in the
/// order of [`head_values`].
pub(super) const HEAD_COLUMNS: &str = "title, series, publisher, caption, reading_minutes, period, authors, notes, warnings, contents";

/// The values of [`HEAD_COLUMNS`] for `brief`.
pub(super) fn head_values(
    brief: &Brief,
) -> Result<[Box<dyn rusqlite::ToSql + '_>; 10], StoreError> {
    Ok([
        Box::new(&brief.title),
        Box::new(&brief.series),
        Box::new(&brief.publisher),
        Box::new(&brief.caption),
        Box::new(brief.reading_minutes),
        Box::new(brief.period.map(|p| p.to_string())),
        Box::new(to_json(&brief.authors)?),
        Box::new(to_json(&brief.notes)?),
        Box::new(to_json(&brief.warnings)?),
        Box::new(to_json(&brief.contents)?),
    ])
}

/// Writes a brief's topics, news and glossary, and its search rows (the title's included),
/// building its full-text index document in `doc`.
pub(super) fn insert_parts(
    conn: &Connection,
    brief_id: i64,
    brief: &Brief,
    doc: &mut IndexDoc,
) -> Result<(), StoreError> {
    let mut index = SearchRows::new(conn, brief_id, doc)?;
    index.add("brief", None, "title", &brief.title)?;
    {
        let mut insert = conn.prepare_cached(
            "INSERT INTO topics (brief_id, ord, number, headline, at_a_glance, points, events,
                comment, has_policy, policy_name, policy_name_zh, issuing_body, policy_date, watch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?;
        for (ord, topic) in brief.topics.iter().enumerate() {
            let policy = topic.policy.as_ref();
            insert.execute(params![
                brief_id,
                ord as i64,
                topic.number,
                topic.headline,
                topic.at_a_glance,
                to_json(&topic.points)?,
                to_json(&topic.events)?,
                topic.comment,
                policy.is_some(),
                policy.map(|p| &p.name),
                policy.and_then(|p| p.name_zh.as_ref()),
                policy.and_then(|p| p.issuing_body.as_ref()),
                policy.and_then(|p| p.date).map(|d| d.to_string()),
                topic.watch,
            ])?;
            index_topic(&mut index, conn.last_insert_rowid(), topic)?;
        }
    }
    {
        let mut insert = conn.prepare_cached(
            "INSERT INTO news (brief_id, ord, section, date, text, sources, until)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (ord, item) in brief.news.iter().enumerate() {
            insert.execute(params![
                brief_id,
                ord as i64,
                item.section.as_str(),
                item.date.map(|d| d.to_string()),
                item.text,
                to_json(&item.sources)?,
                item.until.map(|d| d.to_string()),
            ])?;
            let news_id = conn.last_insert_rowid();
            index.add("news", Some(news_id), "text", &item.text)?;
            let sources: Vec<&str> = item.sources.iter().map(|s| &*s.title).collect();
            index.add("news", Some(news_id), "sources", &sources.join("; "))?;
        }
    }
    {
        let mut insert = conn.prepare_cached(
            "INSERT INTO glossary (brief_id, ord, term, meaning, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (ord, entry) in brief.glossary.iter().enumerate() {
            insert.execute(params![
                brief_id,
                ord as i64,
                entry.term,
                entry.meaning,
                entry.kind.as_str()
            ])?;
            index.add(
                "glossary",
                None,
                "term",
                &format!("{} — {}", entry.term, entry.meaning),
            )?;
        }
    }
    Ok(())
}

fn index_topic(
    index: &mut SearchRows<'_, '_>,
    topic_id: i64,
    topic: &Topic,
) -> Result<(), StoreError> {
    let id = Some(topic_id);
    index.add("topic", id, "headline", &topic.headline)?;
    index.add("topic", id, "at a glance", &topic.at_a_glance)?;
    for point in &topic.points {
        index.add("topic", id, "point", point)?;
    }
    for event in &topic.events {
        index.add("topic", id, "event", &event.text)?;
    }
    index.add("topic", id, "comment", &topic.comment)?;
    if !topic.watch.is_empty() {
        index.add("topic", id, "what to watch", &topic.watch)?;
    }
    if let Some(policy) = &topic.policy {
        index.add("policy", id, "policy name", &policy.name)?;
        if let Some(zh) = &policy.name_zh {
            index.add("policy", id, "中文 name", zh)?;
        }
        if let Some(body) = &policy.issuing_body {
            index.add("policy", id, "issuing body", body)?;
        }
    }
    Ok(())
}

/// Writes the searchable text fields of one brief, and builds its full-text index document,
/// which goes into the index when the batch commits ([`ImportBatch::commit`]).
struct SearchRows<'c, 'd> {
    stmt: rusqlite::CachedStatement<'c>,
    brief_id: i64,
    doc: &'d mut IndexDoc,
}

impl<'c, 'd> SearchRows<'c, 'd> {
    fn new(conn: &'c Connection, brief_id: i64, doc: &'d mut IndexDoc) -> Result<Self, StoreError> {
        let stmt = conn.prepare_cached(
            "INSERT INTO search_text (brief_id, kind, item, field, text) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        Ok(Self {
            stmt,
            brief_id,
            doc,
        })
    }

    fn add(
        &mut self,
        kind: &str,
        item: Option<i64>,
        field: &str,
        text: &str,
    ) -> Result<(), StoreError> {
        if !text.trim().is_empty() {
            self.stmt
                .execute(params![self.brief_id, kind, item, field, text])?;
            self.doc.add(text);
        }
        Ok(())
    }
}

/// Lower-case hexadecimal of a digest.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            write!(out, "{b:02x}").ok();
            out
        })
}
