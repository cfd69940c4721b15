//! Each brief's analysis (targets, figures, document types, organisations) for the window:
//! read from the library, or made on the library thread for briefs that have none yet (new
//! imports, libraries from before the analyst layer) and kept for next time.

use crate::analysis::analyse;
use crate::model::{BriefAnalysis, StoredBrief};
use crate::store::Store;

/// The analyses of `briefs`, in their order. `outline` briefs lack their topics' summaries
/// and comments: those are read whole from the store to be analysed.
pub fn analyses_for(store: &mut Store, briefs: &[StoredBrief], outline: bool) -> Vec<BriefAnalysis> {
    let mut kept = store.analyses().unwrap_or_default();
    let mut made = Vec::new();
    let out: Vec<BriefAnalysis> = briefs
        .iter()
        .map(|stored| {
            if let Some(analysis) = kept.remove(&stored.id) {
                return analysis;
            }
            let analysis = match outline {
                true => match store.load(stored.id) {
                    Ok(whole) => lean(analyse(&whole.brief)),
                    Err(_) => lean(analyse(&stored.brief)),
                },
                false => lean(analyse(&stored.brief)),
            };
            made.push((stored.id, analysis.clone()));
            analysis
        })
        .collect();
    if !made.is_empty() {
        let items: Vec<_> = made.iter().map(|(id, a)| (*id, a)).collect();
        // Not kept (a read-only library, say): made again next time, nothing lost.
        store.save_analyses(&items).ok();
    }
    out
}

/// What the window uses of an analysis: each mention's place is dropped (the brief-level
/// list of organisations says which topics and news items name each one).
pub fn lean(mut analysis: BriefAnalysis) -> BriefAnalysis {
    for topic in &mut analysis.topics {
        topic.organisations = Vec::new();
    }
    for item in &mut analysis.news {
        item.organisations = Vec::new();
    }
    analysis
}
