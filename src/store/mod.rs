//! The library: one SQLite file holding every imported brief, its original bytes and a
//! full-text index. The only module that contains SQL.

mod analyses;
mod index_doc;
mod read;
mod reparse;
mod schema;
mod search;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use crate::model::Version;
pub use crate::model::{BriefId, StoredBrief};
pub use analyses::ANALYSIS_VERSION;
pub use read::{BriefSummary, Outline, TopicTexts};
pub use reparse::{Outdated, Reparsed};
pub use schema::CURRENT_VERSION;
pub use search::{SearchHit, SearchKind};
pub use write::{ImportBatch, ImportOutcome, PARSER_VERSION, SourceFile, hex};

/// What can go wrong with the library.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the library was written by a newer Briefdesk (schema version {found}; this version reads up to {supported}); update Briefdesk to open it"
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error("{path:?} is not a Briefdesk library or is damaged: {reason}")]
    NotALibrary { path: PathBuf, reason: String },
    /// The folder to keep the library in is missing and cannot be made: a drive that is not
    /// connected, a mistyped path, a path through a file.
    #[error(
        "the library folder {path:?} does not exist and could not be created ({}); check the path, and that its drive is connected",
        io_reason(reason)
    )]
    Folder {
        path: PathBuf,
        reason: std::io::Error,
    },
    #[error("the library {path:?} cannot be opened (it is a folder, or its folder cannot be read)")]
    CannotOpen { path: PathBuf },
    #[error(
        "the library cannot be written: its file or its folder is read-only (Briefdesk also writes small files beside the library); nothing was changed"
    )]
    ReadOnly,
    #[error(
        "the disk is full (or the library file reached the largest size allowed): the last change was not saved, the library keeps what it had"
    )]
    DiskFull,
    #[error(
        "the library file could not be written or read (disk error: {0}); is the disk full or removed? The last change was not saved, the library keeps what it had"
    )]
    Disk(String),
    #[error("no brief with id {0} in the library")]
    NoSuchBrief(BriefId),
    #[error("the library holds data this version cannot read: {0}")]
    BadData(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    /// Faults of the disk or the file system get their own plain message; the rest stays a
    /// database error.
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ReadOnly) => Self::ReadOnly,
            Some(rusqlite::ErrorCode::DiskFull) => Self::DiskFull,
            Some(rusqlite::ErrorCode::SystemIoFailure) => Self::Disk(err.to_string()),
            _ => Self::Sqlite(err),
        }
    }
}

impl StoreError {
    /// Whether the library cannot take any more writes (read-only, disk full, disk error), so
    /// trying the next file is pointless.
    pub fn is_write_fault(&self) -> bool {
        matches!(self, Self::ReadOnly | Self::DiskFull | Self::Disk(_))
    }
}

/// "permission denied", "not a directory": the OS reason without its error number.
fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::AlreadyExists | ErrorKind::NotADirectory
    ) {
        return "a file is in the way".to_owned();
    }
    let text = err.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text);
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// An open library.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (or creates) the library at `path` and brings its schema up to date. A library
    /// this call created is removed again if it cannot be set up (a full disk, a read-only
    /// folder), so no empty or half-made file is left behind.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|reason| StoreError::Folder {
                path: dir.to_owned(),
                reason,
            })?;
        }
        let existed = path.exists();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let opened = Connection::open_with_flags(path, flags)
            .map_err(StoreError::from)
            .and_then(|conn| Self::setup(conn, Some(path.to_owned())));
        opened.map_err(|e| {
            if !existed && e.is_write_fault() {
                // The connection is closed by now; remove what it made.
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    let mut file = path.as_os_str().to_owned();
                    file.push(suffix);
                    std::fs::remove_file(file).ok();
                }
            }
            match e {
                StoreError::Sqlite(err) if is_not_a_database(&err) => StoreError::NotALibrary {
                    path: path.to_owned(),
                    reason: err.to_string(),
                },
                StoreError::Sqlite(err)
                    if err.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) =>
                {
                    StoreError::CannotOpen {
                        path: path.to_owned(),
                    }
                }
                other => other,
            }
        })
    }

    /// A library that lives only in memory (for tests and `parse`).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::setup(Connection::open_in_memory()?, None)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // Migrate (or refuse a newer library) before anything writes to the file.
        schema::migrate(&mut conn)?;
        if path.is_some() {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        Ok(Self { conn, path })
    }

    /// Where the library file is; `None` in memory.
    /// A number that changes when another connection (another Briefdesk process, such as
    /// `briefdesk import` from a terminal) has committed a change since this one last
    /// looked; this connection's own writes leave it as it is.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open library.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// SQLite's own check of the file: "ok" when nothing is damaged.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// How many topic and news rows brief `id` has in the database.
    pub fn row_counts(&self, id: BriefId) -> Result<(usize, usize), StoreError> {
        let count = |sql: &str| -> Result<usize, StoreError> {
            Ok(self.conn.query_row(sql, [id.0], |r| r.get::<_, i64>(0))? as usize)
        };
        Ok((
            count("SELECT count(*) FROM topics WHERE brief_id = ?1")?,
            count("SELECT count(*) FROM news WHERE brief_id = ?1")?,
        ))
    }

    /// True when the library has never held a brief (removed ones count as held).
    pub fn is_new(&self) -> Result<bool, StoreError> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM briefs", [], |r| r.get(0))?;
        Ok(count == 0)
    }
}

fn is_not_a_database(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

#[cfg(test)]
mod tests;
