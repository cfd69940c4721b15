//! Getting brief files into the library: find files, read them (refusing what is too big or
//! not text), parse, and store each all or nothing (several files per transaction, each in
//! its own savepoint). No UI types: callers get results and a progress callback.

mod decode;
mod extract;
mod files;
mod html;
pub mod json;
pub mod limits;
mod reparse;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use crate::model::{Brief, Warning};
use crate::parse::{ParseError, parse_brief};
use crate::store::{BriefId, ImportBatch, ImportOutcome, SourceFile, Store, StoreError};

pub use extract::extract_text;
pub use files::{collect_files, read_file};
pub use limits::MAX_FILE_BYTES;
pub use reparse::{ReparseReport, reparse_outdated};

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
        /// What the analyst layer finds in it, made here (on the reading thread) and stored
        /// with it.
        analysis: Box<crate::model::BriefAnalysis>,
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
        analysis: Box::new(crate::analysis::analyse(&brief)),
        brief: Box::new(brief),
    };
    if json::is_library_export(name, &bytes) {
        return match json::read_export(&bytes) {
            Ok(entries) => entries
                .into_iter()
                .enumerate()
                .map(|(i, mut entry)| {
                    limits::cap_fields(&mut entry.brief);
                    let original = serde_json::to_vec_pretty(&entry).unwrap_or_default();
                    parsed(format!("{name} #{}", i + 1), original, entry.brief)
                })
                .collect(),
            Err(err) => vec![Parsed::Failed(err)],
        };
    }
    let brief = extract_text(name, &bytes)
        .and_then(|text| Ok(parse_brief(&text)?))
        .map(|mut brief| {
            limits::cap_fields(&mut brief);
            brief
        });
    vec![match brief {
        Ok(brief) => parsed(name.to_owned(), bytes, brief),
        Err(err) => Parsed::Failed(err),
    }]
}

impl Parsed {
    /// Stores the brief in `batch` (permanent when the batch commits).
    fn store(self, batch: &mut ImportBatch<'_>) -> FileOutcome {
        let (name, bytes, content_key, brief, analysis) = match self {
            Self::Brief {
                name,
                bytes,
                content_key,
                brief,
                analysis,
            } => (name, bytes, content_key, *brief, analysis),
            Self::Failed(err) => return FileOutcome::Failed(err),
        };
        let file = SourceFile {
            name: &name,
            bytes: &bytes,
            content_key: &content_key,
        };
        match batch.import_analysed(&file, &brief, Some(&analysis)) {
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
/// imported stays). One file's failure never stops the others, but a library that cannot be
/// written (a full disk, a read-only folder) stops the import: the rest are reported as not
/// tried. More than [`limits::MAX_FILES_PER_IMPORT`] files are refused as a whole, before
/// anything is read or written: one failure, for the first path given.
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
    std::thread::scope(|scope| {
        let (send, parsed) = std::sync::mpsc::sync_channel(READ_AHEAD);
        scope.spawn(move || {
            for path in files {
                let parsed = match read_file(&path) {
                    Ok(bytes) => parse_file(&path.display().to_string(), bytes),
                    Err(err) => vec![Parsed::Failed(err)],
                };
                if send.send((path, parsed)).is_err() {
                    break; // cancelled or stopped
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
                    let fault = err.is_write_fault();
                    results.push((path, FileOutcome::Failed(err.into())));
                    if fault {
                        if let Some((_, (next, _))) = files.next() {
                            let after = total.saturating_sub(done + 2);
                            results
                                .push((next, FileOutcome::Failed(ImportError::Stopped { after })));
                        }
                        return;
                    }
                }
                continue;
            }
        };
        let mut cancelled = false;
        let mut stopped_after = None;
        let mut last_in_batch = None;
        for (done, (path, parsed)) in files.by_ref() {
            if progress(done, total, &path).is_break() {
                cancelled = true;
                break;
            }
            last_in_batch = Some(done);
            for item in parsed {
                let outcome = item.store(&mut batch);
                if matches!(&outcome, FileOutcome::Failed(ImportError::Store(e)) if e.is_write_fault())
                {
                    stopped_after = Some(done);
                }
                results.push((path.clone(), outcome));
            }
            if stopped_after.is_some() || batch.is_full() {
                break;
            }
        }
        if let Err(err) = batch.commit() {
            not_saved(results[first..].iter_mut().map(|(_, o)| o), &err);
            if err.is_write_fault() {
                // Every file of this batch failed with the reason; the one after them is next.
                stopped_after = last_in_batch;
            }
        }
        if cancelled {
            return;
        }
        // A full disk or a read-only library fails every file after it the same way.
        if let Some(done) = stopped_after {
            if let Some((_, (next, _))) = files.next() {
                let after = total.saturating_sub(done + 2);
                results.push((next, FileOutcome::Failed(ImportError::Stopped { after })));
            }
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
