//! Getting brief files into the library: find files, read them (refusing what is too big or
//! not text), parse, and store each in its own transaction. No UI types: callers get results
//! and a progress callback.

mod decode;
mod extract;
mod files;
mod html;
pub mod json;
pub mod limits;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use crate::model::{Brief, Warning};
use crate::parse::{ParseError, parse_brief};
use crate::store::{BriefId, ImportOutcome, SourceFile, Store, StoreError};

pub use extract::extract_text;
pub use files::{collect_files, read_file};
pub use limits::MAX_FILE_BYTES;

/// A file's bytes as text, in whatever encoding it was written (UTF-8/16, GB18030, Big5,
/// Windows-1252), refusing binary data.
pub fn decode_text(bytes: &[u8]) -> Result<String, ImportError> {
    decode::decode(bytes).map(|d| d.text)
}

/// Sample briefs built into the binary from `seeds/`.
pub mod seeds {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// Why one file was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(
        "the file is too large: {}, and one file may be at most {} MB",
        limits::megabytes(*size_bytes),
        limit_bytes / (1024 * 1024)
    )]
    TooLarge { size_bytes: u64, limit_bytes: u64 },
    #[error(
        "too many files: {} brief files found, and one import takes at most {}; nothing was \
         imported (import the folders in smaller parts)",
        if *found > limits::MAX_FILES_COUNTED {
            format!("more than {}", limits::thousands(limits::MAX_FILES_COUNTED as u64))
        } else {
            limits::thousands(*found as u64)
        },
        limits::thousands(*limit as u64)
    )]
    TooManyFiles { found: usize, limit: usize },
    #[error("the file no longer exists")]
    Missing,
    #[error("permission denied")]
    Unreadable,
    #[error("it is a folder with no brief files (.txt, .md)")]
    EmptyFolder,
    #[error("could not read it: {0}")]
    Io(String),
    #[error("it cannot be read as text: {0}")]
    NotText(String),
    #[error("{0}")]
    Parse(#[from] ParseError),
    #[error("the library refused it: {0}")]
    Store(#[from] StoreError),
    #[error(
        "not tried: the import stopped because the library cannot be written (see above); this file and the {} after it were left out",
        limits::thousands(*after as u64)
    )]
    Stopped { after: usize },
}

/// What happened to one file (or, for a Briefdesk JSON export, to one brief in it).
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
    /// A new version of a brief that was already there; the previous one is kept.
    Updated {
        id: BriefId,
        previous: BriefId,
        title: String,
        warnings: Vec<Warning>,
    },
    Failed(ImportError),
}

impl FileOutcome {
    pub fn is_failure(&self) -> bool {
        matches!(self, Self::Failed(_))
    }
}

/// Identifies a brief by what the parser found in it, so the same brief is one brief whatever
/// its line endings, encoding or format (text, HTML, a Briefdesk export).
pub fn content_key(brief: &Brief) -> String {
    let json = serde_json::to_vec(brief).unwrap_or_default();
    crate::store::hex(&Sha256::digest(&json))
}

/// Parses and stores one file's bytes: a brief, or every brief of a Briefdesk JSON export.
pub fn import_bytes(store: &mut Store, name: &str, bytes: &[u8]) -> Vec<FileOutcome> {
    if json::is_library_export(name, bytes) {
        return match json::read_export(bytes) {
            Ok(entries) => entries
                .into_iter()
                .enumerate()
                .map(|(i, mut entry)| {
                    limits::cap_fields(&mut entry.brief);
                    let original = serde_json::to_vec_pretty(&entry).unwrap_or_default();
                    let entry_name = format!("{name} #{}", i + 1);
                    store_brief(store, &entry_name, &original, entry.brief)
                        .unwrap_or_else(FileOutcome::Failed)
                })
                .collect(),
            Err(err) => vec![FileOutcome::Failed(err)],
        };
    }
    let outcome = extract_text(name, bytes)
        .and_then(|text| Ok(parse_brief(&text)?))
        .map(|mut brief| {
            limits::cap_fields(&mut brief);
            brief
        })
        .and_then(|brief| store_brief(store, name, bytes, brief));
    vec![outcome.unwrap_or_else(FileOutcome::Failed)]
}

fn store_brief(
    store: &mut Store,
    name: &str,
    bytes: &[u8],
    brief: Brief,
) -> Result<FileOutcome, ImportError> {
    let key = content_key(&brief);
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
        ImportOutcome::Updated { id, previous } => FileOutcome::Updated {
            id,
            previous,
            title: brief.title,
            warnings: brief.warnings,
        },
    })
}

/// Imports files and folders (searched recursively). `progress(done, total, path)` runs
/// before each file; returning `ControlFlow::Break` cancels after the file in hand (what was
/// imported stays). One file's failure never stops the others. More than
/// [`limits::MAX_FILES_PER_IMPORT`] files are refused as a whole, before anything is read or
/// written: one failure, for the first path given.
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    mut progress: impl FnMut(usize, usize, &Path) -> ControlFlow<()>,
) -> Vec<(PathBuf, FileOutcome)> {
    let (files, mut results) = collect_files(paths);
    if files.len() > limits::MAX_FILES_PER_IMPORT {
        let error = ImportError::TooManyFiles {
            found: files.len(),
            limit: limits::MAX_FILES_PER_IMPORT,
        };
        let first = paths.first().cloned().unwrap_or_default();
        results.insert(0, (first, FileOutcome::Failed(error)));
        return results;
    }
    let total = files.len();
    let mut files = files.into_iter().enumerate();
    while let Some((done, path)) = files.next() {
        if progress(done, total, &path).is_break() {
            break;
        }
        let name = path.display().to_string();
        let outcomes = match read_file(&path) {
            Ok(bytes) => import_bytes(store, &name, &bytes),
            Err(err) => vec![FileOutcome::Failed(err)],
        };
        let write_fault = outcomes
            .iter()
            .any(|o| matches!(o, FileOutcome::Failed(ImportError::Store(e)) if e.is_write_fault()));
        results.extend(outcomes.into_iter().map(|o| (path.clone(), o)));
        // A full disk or a read-only library fails every file after it the same way.
        if write_fault && let Some((_, next)) = files.next() {
            let after = total - done - 2;
            results.push((next, FileOutcome::Failed(ImportError::Stopped { after })));
            break;
        }
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
        .flat_map(|(name, bytes)| import_bytes(store, name, bytes))
        .collect())
}

#[cfg(test)]
mod tests;
