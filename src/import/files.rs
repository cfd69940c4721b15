//! Finding and reading brief files.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::limits::{MAX_FILE_BYTES, MAX_FILES_COUNTED};
use super::{FileOutcome, ImportError};

/// Extensions looked for inside folders. Files named directly are tried whatever their name.
const BRIEF_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];

/// Expands folders (recursively, sorted) into brief files. Paths that do not exist, and
/// folders without brief files, come back as failures. A folder reached twice (through a
/// symbolic link) is searched once, and the search stops after
/// [`MAX_FILES_COUNTED`](super::limits::MAX_FILES_COUNTED) files.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, FileOutcome)>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            walk(path, &mut files, &mut failures, &mut seen);
            if files.len() == before {
                failures.push((path.clone(), FileOutcome::Failed(ImportError::EmptyFolder)));
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            failures.push((path.clone(), FileOutcome::Failed(ImportError::Missing)));
        }
    }
    (files, failures)
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    failures: &mut Vec<(PathBuf, FileOutcome)>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    // Links that lead back up the tree would otherwise be followed until paths get too long.
    if !seen.insert(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned())) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            failures.push((dir.to_owned(), FileOutcome::Failed(io_error(&err))));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if files.len() > MAX_FILES_COUNTED {
            return;
        }
        if path.is_dir() {
            walk(&path, files, failures, seen);
        } else if has_brief_extension(&path) {
            files.push(path);
        }
    }
}

fn has_brief_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| BRIEF_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads a file, refusing one over [`MAX_FILE_BYTES`] before reading it.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    let file = std::fs::File::open(path).map_err(|e| io_error(&e))?;
    let size = file.metadata().map_err(|e| io_error(&e))?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            size_bytes: size,
            limit_bytes: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    Ok(bytes)
}

fn io_error(err: &std::io::Error) -> ImportError {
    match err.kind() {
        std::io::ErrorKind::NotFound => ImportError::Missing,
        std::io::ErrorKind::PermissionDenied => ImportError::Unreadable,
        std::io::ErrorKind::IsADirectory => ImportError::EmptyFolder,
        _ => ImportError::Io(err.to_string()),
    }
}
