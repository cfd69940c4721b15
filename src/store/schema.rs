//! The library's schema, versioned with `PRAGMA user_version`: one function per version.

use rusqlite::{Connection, Transaction};

use super::StoreError;
use super::index_doc::IndexDoc;

/// Each step takes the schema from version `index` to `index + 1`.
/// The migration steps, exposed for the tests that build every older schema.
#[cfg(test)]
pub(super) const MIGRATIONS_FOR_TESTS: &[fn(&Transaction<'_>) -> rusqlite::Result<()>] = MIGRATIONS;

const MIGRATIONS: &[fn(&Transaction<'_>) -> rusqlite::Result<()>] =
    &[to_v1, to_v2, to_v3, add_analyses, add_story_fields];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to [`CURRENT_VERSION`], each step in its own transaction. Refuses a
/// library written by a newer Briefdesk.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > CURRENT_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            supported: CURRENT_VERSION,
        });
    }
    for (version, step) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        step(&tx)?;
        tx.pragma_update(None, "user_version", version as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

fn to_v1(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        -- The bytes of every imported file, exactly as read.
        CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes BLOB NOT NULL
        );
        CREATE TABLE briefs (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES files(id),
            -- Hash of the text with line endings and trailing spaces normalised.
            content_key TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            series TEXT,
            publisher TEXT,
            caption TEXT,
            reading_minutes INTEGER,
            period TEXT,
            authors TEXT NOT NULL,
            notes TEXT NOT NULL,
            warnings TEXT NOT NULL,
            parser_version INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            -- Set when the user removes the brief; cleared by undo.
            removed_at TEXT
        );
        CREATE TABLE topics (
            id INTEGER PRIMARY KEY,
            brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            number INTEGER NOT NULL,
            headline TEXT NOT NULL,
            at_a_glance TEXT NOT NULL,
            points TEXT NOT NULL,
            events TEXT NOT NULL,
            comment TEXT NOT NULL,
            has_policy INTEGER NOT NULL,
            policy_name TEXT,
            policy_name_zh TEXT,
            issuing_body TEXT,
            policy_date TEXT
        );
        CREATE INDEX topics_brief ON topics(brief_id);
        CREATE TABLE news (
            id INTEGER PRIMARY KEY,
            brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            section TEXT NOT NULL,
            date TEXT,
            text TEXT NOT NULL,
            sources TEXT NOT NULL
        );
        CREATE INDEX news_brief ON news(brief_id);
        CREATE TABLE glossary (
            brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            term TEXT NOT NULL,
            meaning TEXT NOT NULL,
            kind TEXT NOT NULL
        );
        CREATE INDEX glossary_brief ON glossary(brief_id);
        -- One row per searchable text field; `item` is the topic or news id, or NULL.
        CREATE TABLE search_text (
            id INTEGER PRIMARY KEY,
            brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            item INTEGER,
            field TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX search_text_brief ON search_text(brief_id);
        -- Trigram tokens find substrings in Chinese, which has no spaces between words.
        CREATE VIRTUAL TABLE search_fts USING fts5(
            text, content='search_text', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
            INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
            INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        ",
    )
}

/// Versions: a corrected copy of a brief (same title and period, other text) replaces it, and
/// the replaced one stays in the library, linked to its successor.
fn to_v2(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        ALTER TABLE briefs ADD COLUMN superseded_by INTEGER REFERENCES briefs(id);
        CREATE INDEX briefs_title_period ON briefs(title, period);
        -- What every view and search shows: not removed, not replaced by a newer version.
        CREATE VIEW active_briefs AS
            SELECT * FROM briefs WHERE removed_at IS NULL AND superseded_by IS NULL;
        ",
    )
}

/// A faster full-text index. Version 2 indexed every text field as its own row with token
/// positions, through a trigger that wrote the index once per field (each write flushing a tiny
/// segment that was merged again and again). Now the index holds one document per brief
/// (`index_doc.rs`) without positions (`detail=none`): it finds the briefs that hold every
/// trigram of a query, and the search then checks each field of those (`search.rs`). The
/// import writes it once per batch of files (`write.rs`); `search_text` keeps one row per field
/// for the results.
fn to_v3(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        DROP TRIGGER search_text_ai;
        DROP TRIGGER search_text_ad;
        DROP TABLE search_fts;
        -- rowid = briefs.id. Contentless: the text is in search_text.
        CREATE VIRTUAL TABLE search_fts USING fts5(
            text, content='', contentless_delete=1, detail='none', tokenize='trigram'
        );
        -- Briefs are removed by setting removed_at; should one ever be deleted, so is its document.
        CREATE TRIGGER briefs_ad AFTER DELETE ON briefs BEGIN
            DELETE FROM search_fts WHERE rowid = old.id;
        END;
        ",
    )?;
    let mut fields = tx.prepare("SELECT brief_id, text FROM search_text ORDER BY brief_id, id")?;
    let mut insert = tx.prepare("INSERT INTO search_fts (rowid, text) VALUES (?1, ?2)")?;
    let mut doc = IndexDoc::default();
    let mut current = None;
    let mut rows = fields.query([])?;
    while let Some(row) = rows.next()? {
        let brief: i64 = row.get(0)?;
        if current.is_some_and(|c| c != brief) {
            insert.execute(rusqlite::params![current, doc.finish()])?;
        }
        current = Some(brief);
        doc.add(row.get_ref(1)?.as_str()?);
    }
    if current.is_some() {
        insert.execute(rusqlite::params![current, doc.finish()])?;
    }
    Ok(())
}

/// What real pages hold beyond the sample: a brief's contents list, a story's "What to
/// watch", the last day of a news entry's range of dates.
fn add_story_fields(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        ALTER TABLE briefs ADD COLUMN contents TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE topics ADD COLUMN watch TEXT NOT NULL DEFAULT '';
        ALTER TABLE news ADD COLUMN until TEXT;
        ",
    )
}

/// What the analyst layer found in each brief, as JSON, with the version of the layer that
/// found it (see `store::analyses`).
fn add_analyses(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        CREATE TABLE analyses (
            brief_id INTEGER PRIMARY KEY REFERENCES briefs(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            json TEXT NOT NULL
        );
        ",
    )
}
