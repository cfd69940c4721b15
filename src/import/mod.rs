//! Getting brief files into the library: find files, read them (refusing what is too big or
//! not text), parse, and store each all or nothing (several files per transaction, each in
//! its own savepoint). No UI types: callers get results and a progress callback.

mod decode;
mod extract;
mod files;
mod html;
pub mod json;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use crate::model::{Brief, Warning};
use crate::parse::{ParseError, parse_brief};
use crate::store::{BriefId, ImportBatch, ImportOutcome, SourceFile, Store, StoreError};

pub use extract::extract_text;
pub use files::{MAX_FILE_BYTES, collect_files, read_file};

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
    #[error("it cannot be read as text: {0}")]
    NotText(String),
    #[error("{0}")]
    Parse(#[from] ParseError),
    #[error("the library refused it: {0}")]
    Store(#[from] StoreError),
    #[error("the library could not save it: {0}")]
    NotSaved(String),
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
    let parsed = parse_file(name, bytes.to_vec());
    let mut batch = match store.begin_import() {
        Ok(batch) => batch,
        Err(err) => return vec![FileOutcome::Failed(err.into())],
    };
    let mut outcomes: Vec<FileOutcome> = parsed.into_iter().map(|p| p.store(&mut batch)).collect();
    if let Err(err) = batch.commit() {
        not_saved(outcomes.iter_mut(), &err);
    }
    outcomes
}

/// A brief read from a file and parsed, ready to store; or why it cannot be.
enum Parsed {
    Brief {
        name: String,
        /// The original bytes (for an entry of a Briefdesk export, that entry's JSON).
        bytes: Vec<u8>,
        content_key: String,
        brief: Box<Brief>,
    },
    Failed(ImportError),
}

/// Reads a file's bytes as a brief, or as every brief of a Briefdesk JSON export. Needs no
/// library, so it runs on its own thread while the briefs before it are stored.
fn parse_file(name: &str, bytes: Vec<u8>) -> Vec<Parsed> {
    let parsed = |name: String, bytes: Vec<u8>, brief: Brief| Parsed::Brief {
        name,
        bytes,
        content_key: content_key(&brief),
        brief: Box::new(brief),
    };
    if json::is_library_export(name, &bytes) {
        return match json::read_export(&bytes) {
            Ok(entries) => entries
                .into_iter()
                .enumerate()
                .map(|(i, entry)| {
                    let original = serde_json::to_vec_pretty(&entry).unwrap_or_default();
                    parsed(format!("{name} #{}", i + 1), original, entry.brief)
                })
                .collect(),
            Err(err) => vec![Parsed::Failed(err)],
        };
    }
    let brief = extract_text(name, &bytes).and_then(|text| Ok(parse_brief(&text)?));
    vec![match brief {
        Ok(brief) => parsed(name.to_owned(), bytes, brief),
        Err(err) => Parsed::Failed(err),
    }]
}

impl Parsed {
    /// Stores the brief in `batch` (permanent when the batch commits).
    fn store(self, batch: &mut ImportBatch<'_>) -> FileOutcome {
        let (name, bytes, content_key, brief) = match self {
            Self::Brief {
                name,
                bytes,
                content_key,
                brief,
            } => (name, bytes, content_key, *brief),
            Self::Failed(err) => return FileOutcome::Failed(err),
        };
        let file = SourceFile {
            name: &name,
            bytes: &bytes,
            content_key: &content_key,
        };
        match batch.import(&file, &brief) {
            Ok(ImportOutcome::Imported(id)) => FileOutcome::Imported {
                id,
                title: brief.title,
                warnings: brief.warnings,
            },
            Ok(ImportOutcome::Duplicate(id)) => FileOutcome::Duplicate {
                id,
                title: brief.title,
            },
            Ok(ImportOutcome::Updated { id, previous }) => FileOutcome::Updated {
                id,
                previous,
                title: brief.title,
                warnings: brief.warnings,
            },
            Err(err) => FileOutcome::Failed(err.into()),
        }
    }
}

/// A batch that did not commit stored nothing: its files are failures after all.
fn not_saved<'a>(outcomes: impl Iterator<Item = &'a mut FileOutcome>, err: &StoreError) {
    for outcome in outcomes {
        if !outcome.is_failure() {
            *outcome = FileOutcome::Failed(ImportError::NotSaved(err.to_string()));
        }
    }
}

/// How many files the reading thread may have parsed ahead of the one being stored.
const READ_AHEAD: usize = 16;

/// Imports files and folders (searched recursively). `progress(done, total, path)` runs
/// before each file; returning `ControlFlow::Break` cancels after the file in hand (what was
/// imported stays). One file's failure never stops the others.
///
/// A second thread reads and parses the files while this one stores them. Files are stored in
/// batches ([`ImportBatch`]): each file all or nothing, each batch committed at once, so a crash
/// loses at most the batch in hand and a re-run finishes it.
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    mut progress: impl FnMut(usize, usize, &Path) -> ControlFlow<()>,
) -> Vec<(PathBuf, FileOutcome)> {
    let (files, mut results) = collect_files(paths);
    let total = files.len();
    std::thread::scope(|scope| {
        let (send, parsed) = std::sync::mpsc::sync_channel(READ_AHEAD);
        scope.spawn(move || {
            for path in files {
                let parsed = match read_file(&path) {
                    Ok(bytes) => parse_file(&path.display().to_string(), bytes),
                    Err(err) => vec![Parsed::Failed(err)],
                };
                if send.send((path, parsed)).is_err() {
                    break; // cancelled
                }
            }
        });
        store_parsed(
            store,
            parsed.into_iter(),
            total,
            &mut progress,
            &mut results,
        );
        // Dropping the receiver here stops the reading thread after the file in its hands.
    });
    results
}

/// Stores parsed files in batches until there are no more or `progress` cancels.
fn store_parsed(
    store: &mut Store,
    parsed: impl Iterator<Item = (PathBuf, Vec<Parsed>)>,
    total: usize,
    progress: &mut impl FnMut(usize, usize, &Path) -> ControlFlow<()>,
    results: &mut Vec<(PathBuf, FileOutcome)>,
) {
    let mut files = parsed.enumerate().peekable();
    while files.peek().is_some() {
        let first = results.len();
        let mut batch = match store.begin_import() {
            Ok(batch) => batch,
            Err(err) => {
                // The library cannot be written now: the next file fails with the reason.
                if let Some((done, (path, _))) = files.next() {
                    if progress(done, total, &path).is_break() {
                        return;
                    }
                    results.push((path, FileOutcome::Failed(err.into())));
                }
                continue;
            }
        };
        let mut cancelled = false;
        for (done, (path, parsed)) in files.by_ref() {
            if progress(done, total, &path).is_break() {
                cancelled = true;
                break;
            }
            for item in parsed {
                results.push((path.clone(), item.store(&mut batch)));
            }
            if batch.is_full() {
                break;
            }
        }
        if let Err(err) = batch.commit() {
            not_saved(results[first..].iter_mut().map(|(_, o)| o), &err);
        }
        if cancelled {
            return;
        }
    }
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
