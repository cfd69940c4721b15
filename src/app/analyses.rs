//! Each brief's analysis (targets, figures, document types, organisations) for the window:
//! read from the library, or made on the library thread for briefs that have none yet (new
//! imports, libraries from before the analyst layer) and kept for next time.

use crate::analysis::analyse;
use crate::model::{BriefAnalysis, StoredBrief};
use crate::store::Store;

/// The analyses of `briefs`, in their order. `outline` briefs lack their topics' summaries
/// and comments: those are read whole from the store to be analysed.
pub fn analyses_for(
    store: &mut Store,
    briefs: &[StoredBrief],
    outline: bool,
) -> Vec<BriefAnalysis> {
    let mut kept = store.analyses().unwrap_or_default();
    let mut out: Vec<Option<BriefAnalysis>> = briefs.iter().map(|s| kept.remove(&s.id)).collect();
    let missing: Vec<usize> = (0..briefs.len()).filter(|i| out[*i].is_none()).collect();
    if missing.is_empty() {
        return out.into_iter().flatten().collect();
    }
    // The briefs to analyse, whole.
    let whole: Vec<std::borrow::Cow<'_, StoredBrief>> = missing
        .iter()
        .map(|&i| match outline {
            true => store.load(briefs[i].id).map_or(
                std::borrow::Cow::Borrowed(&briefs[i]),
                std::borrow::Cow::Owned,
            ),
            false => std::borrow::Cow::Borrowed(&briefs[i]),
        })
        .collect();
    // About a millisecond a brief: split over the cores for a large import or an old library.
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = whole.len().div_ceil(threads).max(1);
    let made: Vec<BriefAnalysis> = std::thread::scope(|s| {
        let handles: Vec<_> = whole
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|b| lean(analyse(&b.brief)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    if made.len() == missing.len() {
        let items: Vec<_> = missing.iter().map(|&i| briefs[i].id).zip(&made).collect();
        // Not kept (a read-only library, say): made again next time, nothing lost.
        store.save_analyses(&items).ok();
        for (&i, analysis) in missing.iter().zip(made) {
            out[i] = Some(analysis);
        }
    }
    out.into_iter().map(Option::unwrap_or_default).collect()
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
