//! A brief as the library holds it: with its id and where it came from.

use serde::{Deserialize, Serialize};

use super::Brief;

/// A brief's row id in the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BriefId(pub i64);

impl std::fmt::Display for BriefId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A brief with where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredBrief {
    pub id: BriefId,
    pub file_name: String,
    /// RFC 3339 time of the import.
    pub imported_at: String,
    pub brief: Brief,
}

/// One version of a brief: a corrected copy (same title and period, other text) replaces the
/// brief it corrects, which stays in the library as an earlier version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub id: BriefId,
    pub file_name: String,
    pub imported_at: String,
    /// The version the views show.
    pub current: bool,
}
