//! Each brief's analysis (targets, figures, document types, organisations) for the window:
//! read from the library, or made on the library thread for briefs that have none yet (new
//! imports, libraries from before the analyst layer) and kept for next time.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::analysis::analyse;
use crate::library::{FindingsBuilder, Library};
use crate::model::{BriefAnalysis, StoredBrief};
use crate::store::Store;

/// The analyses of `lib`'s briefs, ready for [`Library::install_findings`]. Stored analyses
/// are read one at a time straight into the library's form; `outline` briefs lack their
/// topics' summaries and comments, so those are read whole from the store to be analysed.
pub fn findings_for(store: &mut Store, lib: &Library, outline: bool) -> FindingsBuilder {
    let briefs = lib.briefs();
    let index: HashMap<i64, usize> = briefs
        .iter()
        .enumerate()
        .map(|(b, s)| (s.id.0, b))
        .collect();
    let mut builder = FindingsBuilder::new(briefs.len());
    let mut have = vec![false; briefs.len()];
    // A library that cannot be read here is read again for the tables anyway: what is
    // missing is made.
    store
        .for_each_analysis(|id, analysis| {
            if let Some(&b) = index.get(&id.0) {
                have[b] = true;
                builder.add(b, analysis);
            }
        })
        .ok();
    let missing: Vec<usize> = (0..briefs.len()).filter(|b| !have[*b]).collect();
    if missing.is_empty() {
        return builder;
    }
    let made = analyse_all(store, briefs, &missing, outline);
    if made.len() == missing.len() {
        let items: Vec<_> = missing.iter().map(|&b| briefs[b].id).zip(&made).collect();
        // Not kept (a read-only library, say): made again next time, nothing lost.
        store.save_analyses(&items).ok();
        for (&b, analysis) in missing.iter().zip(made) {
            builder.add(b, analysis);
        }
    }
    builder
}

/// Analyses the briefs at `missing`, in that order.
fn analyse_all(
    store: &Store,
    briefs: &[StoredBrief],
    missing: &[usize],
    outline: bool,
) -> Vec<BriefAnalysis> {
    let whole: Vec<Cow<'_, StoredBrief>> = missing
        .iter()
        .map(|&b| match outline {
            true => store
                .load(briefs[b].id)
                .map_or(Cow::Borrowed(&briefs[b]), Cow::Owned),
            false => Cow::Borrowed(&briefs[b]),
        })
        .collect();
    // About a millisecond a brief: split over the cores for a large import or an old library.
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = whole.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = whole
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|b| analyse(&b.brief)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}
