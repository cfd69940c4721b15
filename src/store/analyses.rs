//! What the analyst layer found in each brief (targets, figures, document types,
//! organisations), kept beside the brief so a library opens without analysing every brief
//! again. Made from the parsed brief, news included, when the brief is stored, in the same
//! transaction (`import`); a library whose analyses are missing or older than
//! [`ANALYSIS_VERSION`] gets them made again once, from the briefs read whole from the store
//! (`app::analyses`).

use std::collections::HashMap;

use rusqlite::params;

use super::{BriefId, Store, StoreError};
use crate::model::BriefAnalysis;

/// Bumped when the analyst layer finds more or other things: older analyses are made again.
/// 2: analyses had been made from the window's form of a brief, which lacks its news; and
/// goals listed under a lead-in are targets of their own.
pub const ANALYSIS_VERSION: i64 = 2;

impl Store {
    /// The current analyses of the briefs the library shows, by brief.
    pub fn analyses(&self) -> Result<HashMap<BriefId, BriefAnalysis>, StoreError> {
        let mut out = HashMap::new();
        self.for_each_analysis(|id, analysis| {
            out.insert(id, analysis);
        })?;
        Ok(out)
    }

    /// Gives each current analysis of a brief the library shows to `each`, one at a time: a
    /// large library's analyses are never all held in their stored form at once.
    pub fn for_each_analysis(
        &self,
        mut each: impl FnMut(BriefId, BriefAnalysis),
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT a.brief_id, a.json FROM analyses a JOIN active_briefs b ON b.id = a.brief_id
             WHERE a.version = ?1",
        )?;
        let mut rows = stmt.query([ANALYSIS_VERSION])?;
        while let Some(r) = rows.next()? {
            let json = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            // An analysis that no longer reads is made again, like a missing one.
            if let Ok(analysis) = serde_json::from_str(json) {
                each(BriefId(r.get(0)?), analysis);
            }
        }
        Ok(())
    }

    /// Keeps analyses (replacing older ones of the same briefs), all in one transaction.
    pub fn save_analyses(&mut self, items: &[(BriefId, &BriefAnalysis)]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for (id, analysis) in items {
            keep_analysis(&tx, *id, analysis)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The briefs the library shows that have no current analysis (none, or an older
    /// version's), lowest id first.
    pub fn briefs_without_analysis(&self) -> Result<Vec<BriefId>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT b.id FROM active_briefs b LEFT JOIN analyses a ON a.brief_id = b.id
             WHERE a.version IS NOT ?1 ORDER BY b.id",
        )?;
        let ids = stmt.query_map([ANALYSIS_VERSION], |r| Ok(BriefId(r.get(0)?)))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }
}

/// Writes `analysis` as the current analysis of brief `id`, replacing an older one.
pub(super) fn keep_analysis(
    conn: &rusqlite::Connection,
    id: BriefId,
    analysis: &BriefAnalysis,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(analysis).map_err(|e| StoreError::BadData(e.to_string()))?;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO analyses (brief_id, version, json) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![id.0, ANALYSIS_VERSION, json])?;
    Ok(())
}
