//! Each brief's analysis (targets, figures, document types, organisations) for the window:
//! read from the library, where the importer keeps it beside every brief it stores. A
//! library whose analyses are missing or were made by an older analysis version (a library
//! from before the analyst layer, or before its last change) gets them made again here, once,
//! on the library thread: from the briefs read whole from the store, news included, never
//! from the window's own form of a brief (which keeps its news elsewhere).

use std::collections::HashMap;

use crate::analysis::analyse;
use crate::library::{FindingsBuilder, Library};
use crate::model::BriefAnalysis;
use crate::store::{BriefId, Store};

/// Briefs analysed, and their analyses kept, per step of a remake: the progress shown.
const STEP: usize = 256;

/// The analyses of `lib`'s briefs, ready for [`Library::install_findings`]. Stored analyses
/// are read one at a time straight into the library's form; the missing ones are made (see
/// [`remake`]), with `progress(done, total)` after each step.
pub fn findings_for(
    store: &mut Store,
    lib: &Library,
    progress: &dyn Fn(usize, usize),
) -> FindingsBuilder {
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
    let missing: Vec<(usize, BriefId)> = (0..briefs.len())
        .filter(|b| !have[*b])
        .map(|b| (b, briefs[b].id))
        .collect();
    if !missing.is_empty() {
        for (b, analysis) in remake(store, &missing, progress) {
            builder.add(b, analysis);
        }
    }
    builder
}

/// Makes the analyses of `missing` (position in the library, brief id) from the briefs read
/// whole from the store, and keeps them, [`STEP`] briefs at a time (a crash loses a step at
/// most). A brief that cannot be read is left out (its views stay empty; it is tried again
/// next time).
fn remake(
    store: &mut Store,
    missing: &[(usize, BriefId)],
    progress: &dyn Fn(usize, usize),
) -> Vec<(usize, BriefAnalysis)> {
    let mut out = Vec::with_capacity(missing.len());
    progress(0, missing.len());
    for step in missing.chunks(STEP) {
        let whole: Vec<(usize, BriefId, crate::model::Brief)> = step
            .iter()
            .filter_map(|&(b, id)| Some((b, id, store.load(id).ok()?.brief)))
            .collect();
        let made = analyse_all(&whole);
        let items: Vec<(BriefId, &BriefAnalysis)> = whole
            .iter()
            .zip(&made)
            .map(|((_, id, _), analysis)| (*id, analysis))
            .collect();
        // Not kept (a read-only library, say): made again next time, nothing lost.
        store.save_analyses(&items).ok();
        out.extend(whole.iter().map(|(b, _, _)| *b).zip(made));
        progress((out.len()).min(missing.len()), missing.len());
    }
    out
}

/// Analyses `briefs`, in order, split over the cores (about a millisecond a brief).
fn analyse_all(briefs: &[(usize, BriefId, crate::model::Brief)]) -> Vec<BriefAnalysis> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = briefs.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = briefs
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || part.iter().map(|(_, _, b)| analyse(b)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}
