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
