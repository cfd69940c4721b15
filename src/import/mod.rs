//! Getting brief files into the library: find files, read them (refusing what is too big or
//! not text), parse, and store each in its own transaction. No UI types: callers get results
//! and a progress callback.

mod files;

use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use crate::model::Warning;
use crate::parse::{ParseError, parse_brief};
use crate::store::{BriefId, ImportOutcome, SourceFile, Store, StoreError};

pub use files::{MAX_FILE_BYTES, collect_files, decode_text, read_file};

/// Sample briefs built into the binary from `seeds/`.
pub mod seeds {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// Why one file was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {size_bytes} bytes, over the {limit_bytes}-byte limit")]
    TooLarge { size_bytes: u64, limit_bytes: u64 },
    #[error("the file no longer exists")]
    Missing,
    #[error("permission denied")]
    Unreadable,
    #[error("it is a folder with no brief files (.txt, .md)")]
    EmptyFolder,
    #[error("could not read it: {0}")]
    Io(String),
    #[error("it is not text in UTF-8 or UTF-16 ({0})")]
    NotText(String),
    #[error("{0}")]
    Parse(#[from] ParseError),
    #[error("the library refused it: {0}")]
    Store(#[from] StoreError),
}

/// What happened to one file.
#[derive(Debug)]
pub enum FileOutcome {
    Imported {
        id: BriefId,
        title: String,
        warnings: Vec<Warning>,
    },
    Duplicate {
        id: BriefId,
        title: String,
    },
    Failed(ImportError),
}

impl FileOutcome {
    pub fn is_failure(&self) -> bool {
        matches!(self, Self::Failed(_))
    }
}

/// Identifies a brief's content regardless of line endings, a BOM and trailing spaces.
pub fn content_key(text: &str) -> String {
    let mut hasher = Sha256::new();
    for line in text.trim_start_matches('\u{feff}').lines() {
        hasher.update(line.trim_end().as_bytes());
        hasher.update(b"\n");
    }
    crate::store::hex(&hasher.finalize())
}

/// Parses and stores one file's bytes.
pub fn import_bytes(store: &mut Store, name: &str, bytes: &[u8]) -> FileOutcome {
    match try_import(store, name, bytes) {
        Ok(outcome) => outcome,
        Err(err) => FileOutcome::Failed(err),
    }
}

fn try_import(store: &mut Store, name: &str, bytes: &[u8]) -> Result<FileOutcome, ImportError> {
    let text = decode_text(bytes)?;
    let brief = parse_brief(&text)?;
    let key = content_key(&text);
    let file = SourceFile {
        name,
        bytes,
        content_key: &key,
    };
    Ok(match store.import(&file, &brief)? {
        ImportOutcome::Imported(id) => FileOutcome::Imported {
            id,
            title: brief.title,
            warnings: brief.warnings,
        },
        ImportOutcome::Duplicate(id) => FileOutcome::Duplicate {
            id,
            title: brief.title,
        },
    })
}

/// Imports files and folders (searched recursively), calling `progress(done, total, path)`
/// before each file. One file's failure never stops the others.
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    mut progress: impl FnMut(usize, usize, &Path),
) -> Vec<(PathBuf, FileOutcome)> {
    let (files, mut results) = collect_files(paths);
    let total = files.len();
    for (done, path) in files.into_iter().enumerate() {
        progress(done, total, &path);
        let outcome = match read_file(&path) {
            Ok(bytes) => import_bytes(store, &path.display().to_string(), &bytes),
            Err(err) => FileOutcome::Failed(err),
        };
        results.push((path, outcome));
    }
    results
}

/// Imports the built-in sample briefs into a library that has never held any.
pub fn seed_if_new(store: &mut Store) -> Result<Vec<FileOutcome>, StoreError> {
    if !store.is_new()? {
        return Ok(Vec::new());
    }
    Ok(seeds::SEEDS
        .iter()
        .map(|(name, bytes)| import_bytes(store, name, bytes))
        .collect())
}

#[cfg(test)]
mod tests;
