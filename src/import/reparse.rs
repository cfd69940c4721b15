//! Reading a library's briefs again after the parser improved: every brief keeps its
//! original bytes, so the rows an older parser made are replaced by what this one reads.
//! Runs once per parser version, on the library's thread, with progress.

use crate::parse::parse_brief;
use crate::store::{BriefId, Reparsed, Store, StoreError};

use super::{content_key, extract_text, limits};

/// Briefs read again per transaction.
const CHUNK: usize = 200;

/// What a pass of [`reparse_outdated`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReparseReport {
    /// Briefs whose rows were replaced.
    pub reread: usize,
    /// Briefs kept as they were: an entry of a JSON export (no text to read again), or a
    /// file this parser refuses (its earlier rows stay).
    pub kept: usize,
}

/// Reads again every brief an older parser read, `CHUNK` at a time (each chunk one
/// transaction), calling `progress(done, total)` after each.
pub fn reparse_outdated(
    store: &mut Store,
    mut progress: impl FnMut(usize, usize),
) -> Result<ReparseReport, StoreError> {
    let total = store.outdated_count()?;
    let mut report = ReparseReport::default();
    if total == 0 {
        return Ok(report);
    }
    let mut done = 0;
    loop {
        let chunk = store.outdated(CHUNK)?;
        if chunk.is_empty() {
            break;
        }
        let parsed: Vec<(BriefId, Option<Reparsed>)> = chunk
            .into_iter()
            .map(|old| (old.id, read_again(&old.file_name, &old.bytes)))
            .collect();
        for (_, p) in &parsed {
            match p {
                Some(_) => report.reread += 1,
                None => report.kept += 1,
            }
        }
        done += parsed.len();
        store.replace_parsed(&parsed)?;
        progress(done.min(total), total);
    }
    Ok(report)
}

/// A stored file read as the importer reads it, with its content key and analysis; `None`
/// for an entry of a Briefdesk JSON export or a file this parser refuses.
fn read_again(name: &str, bytes: &[u8]) -> Option<Reparsed> {
    if bytes.trim_ascii_start().starts_with(b"{") {
        return None;
    }
    let text = extract_text(name, bytes).ok()?;
    let mut brief = parse_brief(&text).ok()?;
    limits::cap_fields(&mut brief);
    Some(Reparsed {
        content_key: content_key(&brief),
        analysis: crate::analysis::analyse(&brief),
        brief,
    })
}
