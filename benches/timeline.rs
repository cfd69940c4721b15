//! Timeline layout over ~100,000 marks (policy documents, news items and topic events of a
//! large library): the whole span at once, and a 3-month window in the middle of it.
//!
//! `BRIEFDESK_BENCH_MARKS` sets the number of marks (default 100,000) and
//! `BRIEFDESK_BENCH_SEED` the generator seed (default 1).

use std::hint::black_box;

use briefdesk::generate::stored_brief;
use briefdesk::library::{Filter, Library};
use briefdesk::timeline::{
    Geometry, LaneMode, Layout, TimeScale, assign_lanes, collect_marks, date_of, day_number,
};
use criterion::{Criterion, criterion_group, criterion_main};

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// A library whose dated items number at least `marks`.
fn library(marks: usize, seed: u64) -> Library {
    let mut briefs = Vec::new();
    let mut count = 0;
    while count < marks {
        let stored = stored_brief(briefs.len(), seed);
        count += stored.brief.dates().count();
        briefs.push(stored);
    }
    Library::new(briefs)
}

fn bench_timeline(c: &mut Criterion) {
    let lib = library(
        env_u64("BRIEFDESK_BENCH_MARKS", 100_000) as usize,
        env_u64("BRIEFDESK_BENCH_SEED", 1),
    );
    let filter = Filter::default();
    let marks = collect_marks(&lib, &filter);
    let (kind_names, kind_lanes) = assign_lanes(&lib, &marks, LaneMode::Kind);
    let (body_names, body_lanes) = assign_lanes(&lib, &marks, LaneMode::Body);
    // The window size the app's screenshots use.
    let geometry = Geometry::new(1600.0, 700.0);
    let fit = TimeScale::fit(marks.iter().map(|m| day_number(m.date))).expect("dated marks");
    let middle = date_of((fit.start + fit.end) / 2.0).expect("a date");
    let three_months = TimeScale::between(middle, middle + chrono::Days::new(91));
    for (name, scale) in [("fit-all", fit), ("3-month", three_months)] {
        let layout = Layout::new(&marks, &kind_names, &kind_lanes, scale, geometry);
        eprintln!(
            "timeline {name}: {} briefs, {} marks, {} visible, {} clusters, {} ticks",
            lib.briefs().len(),
            marks.len(),
            layout.visible,
            layout.clusters.len(),
            layout.ticks.len()
        );
    }

    let mut group = c.benchmark_group("timeline");
    group.bench_function("layout_fit_all", |b| {
        b.iter(|| Layout::new(black_box(&marks), &kind_names, &kind_lanes, fit, geometry))
    });
    group.bench_function("layout_3_months", |b| {
        b.iter(|| {
            Layout::new(
                black_box(&marks),
                &kind_names,
                &kind_lanes,
                three_months,
                geometry,
            )
        })
    });
    group.bench_function("layout_fit_all_body_lanes", |b| {
        b.iter(|| Layout::new(black_box(&marks), &body_names, &body_lanes, fit, geometry))
    });
    group.bench_function("collect_marks", |b| {
        b.iter(|| collect_marks(black_box(&lib), &filter))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_timeline
}
criterion_main!(benches);
