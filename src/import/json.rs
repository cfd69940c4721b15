//! Briefdesk's own JSON export of a whole library, and reading it back: export, import into an
//! empty library and export again gives the same data.

use serde::{Deserialize, Serialize};

use super::ImportError;
use crate::model::{Brief, StoredBrief};

/// The `format` field that marks a Briefdesk library export.
pub const FORMAT: &str = "briefdesk-library";

/// One brief in an export.
#[derive(Debug, Serialize, Deserialize)]
pub struct ExportEntry {
    pub file_name: String,
    pub imported_at: String,
    pub brief: Brief,
}

/// A whole library.
#[derive(Debug, Serialize, Deserialize)]
pub struct LibraryExport {
    pub format: String,
    pub version: u32,
    pub briefs: Vec<ExportEntry>,
}

/// The export of `briefs`.
pub fn library_export(briefs: &[StoredBrief]) -> LibraryExport {
    LibraryExport {
        format: FORMAT.to_owned(),
        version: 1,
        briefs: briefs
            .iter()
            .map(|s| ExportEntry {
                file_name: s.file_name.clone(),
                imported_at: s.imported_at.clone(),
                brief: s.brief.clone(),
            })
            .collect(),
    }
}

/// Whether a file is (meant to be) a Briefdesk export: named .json, or JSON naming the format.
pub fn is_library_export(name: &str, bytes: &[u8]) -> bool {
    let json_name = name.to_ascii_lowercase().ends_with(".json");
    let head = &bytes[..bytes.len().min(256)];
    let starts_like_json = head.trim_ascii_start().starts_with(b"{");
    json_name || (starts_like_json && head.windows(FORMAT.len()).any(|w| w == FORMAT.as_bytes()))
}

/// The briefs of an export, or why it is not one.
pub fn read_export(bytes: &[u8]) -> Result<Vec<ExportEntry>, ImportError> {
    let export: LibraryExport = serde_json::from_slice(bytes)
        .map_err(|e| ImportError::NotText(format!("not a Briefdesk library export (JSON): {e}")))?;
    if export.format != FORMAT {
        return Err(ImportError::NotText(format!(
            "a JSON file, but its format is {:?}, not {FORMAT:?}",
            export.format
        )));
    }
    if export.version > 1 {
        return Err(ImportError::NotText(format!(
            "a Briefdesk export of version {}, newer than this Briefdesk reads (1)",
            export.version
        )));
    }
    Ok(export.briefs)
}
