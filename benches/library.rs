//! The in-memory library at scale: one search keystroke, facet counts, and sorting by a text
//! and a date column, over ~150,000 items (policies + news items + topics).
//!
//! The library is built once, outside the timed loops. Sizes:
//! - `BRIEFDESK_BENCH_ITEMS` (default 150,000): generate briefs until they hold this many items;
//! - `BRIEFDESK_BENCH_BRIEFS`: a fixed number of briefs instead;
//! - `BRIEFDESK_BENCH_LARGE=1`: also a 1,000,000-item library (`BRIEFDESK_BENCH_LARGE_ITEMS`),
//!   which takes a minute or two and a few GB of memory to build;
//! - `BRIEFDESK_BENCH_SEED` (default 1).

use std::hint::black_box;
use std::time::Instant;

use briefdesk::generate::stored_brief;
use briefdesk::library::{Filter, Library, SortState, View, columns};
use briefdesk::model::StoredBrief;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn items(brief: &StoredBrief) -> usize {
    let b = &brief.brief;
    b.topics.len() + b.topics.iter().filter(|t| t.policy.is_some()).count() + b.news.len()
}

/// Generated, parsed briefs: `fixed` of them, or else until they hold `target` items.
fn briefs(target: usize, fixed: Option<usize>, seed: u64) -> (Vec<StoredBrief>, usize) {
    let mut out = Vec::new();
    let mut count = 0;
    while fixed.map_or(count < target, |n| out.len() < n) {
        let brief = stored_brief(out.len(), seed);
        count += items(&brief);
        out.push(brief);
    }
    (out, count)
}

fn build(target: usize, fixed: Option<usize>) -> Library {
    let started = Instant::now();
    let (briefs, count) = briefs(target, fixed, env_u64("BRIEFDESK_BENCH_SEED", 1));
    let n = briefs.len();
    let lib = Library::new(briefs);
    eprintln!(
        "library: {n} briefs, {count} items ({} policies, {} news, {} topics), built in {:.1} s",
        lib.rows(View::Policies).len(),
        lib.rows(View::News).len(),
        lib.rows(View::Topics).len(),
        started.elapsed().as_secs_f64()
    );
    lib
}

fn column(view: View, title: &str) -> usize {
    columns(view)
        .iter()
        .position(|c| c.title == title)
        .unwrap_or_else(|| panic!("{view:?} has no column {title:?}"))
}

fn bench_library(c: &mut Criterion, name: &str, lib: &Library) {
    let mut group = c.benchmark_group(name);
    let keystroke = Filter {
        search: "semic".into(),
        ..Default::default()
    };
    eprintln!(
        "{name}: \"semic\" matches {} news items, {} policies",
        keystroke.matching(lib, View::News).len(),
        keystroke.matching(lib, View::Policies).len()
    );
    group.bench_function("search_keystroke_news", |b| {
        b.iter(|| keystroke.matching(black_box(lib), View::News))
    });
    group.bench_function("search_keystroke_policies", |b| {
        b.iter(|| keystroke.matching(black_box(lib), View::Policies))
    });
    let none = Filter::default();
    group.bench_function("facet_counts_news", |b| {
        b.iter(|| none.facet_counts(black_box(lib), View::News))
    });
    group.bench_function("facet_counts_policies", |b| {
        b.iter(|| none.facet_counts(black_box(lib), View::Policies))
    });
    group.bench_function("facet_counts_news_searching", |b| {
        b.iter(|| keystroke.facet_counts(black_box(lib), View::News))
    });
    // What the app runs on a keystroke: the search, facet counts and the sort, in one pass.
    let sorted = {
        let mut sort = SortState::default();
        sort.click(column(View::News, "Date"));
        sort
    };
    for (id, view) in [
        ("keystroke_query_news", View::News),
        ("keystroke_query_policies", View::Policies),
    ] {
        lib.query(view, &keystroke, &sorted); // ranks made once, as after the first click
        group.bench_function(id, |b| {
            b.iter(|| lib.query(black_box(view), &keystroke, &sorted))
        });
    }
    let sorts = [
        ("sort_policies_by_name", View::Policies, "Policy"),
        ("sort_policies_by_date", View::Policies, "Date"),
        ("sort_news_by_text", View::News, "Text"),
        ("sort_news_by_date", View::News, "Date"),
    ];
    for (id, view, title) in sorts {
        let col = column(view, title);
        let mut sort = SortState::default();
        sort.click(col);
        // Every row, in library order: the sort of an unfiltered view.
        let all: Vec<u32> = (0..lib.rows(view).len() as u32).collect();
        let mut warm = all.clone();
        sort.sort_positions(lib, view, &mut warm);
        group.bench_function(id, |b| {
            b.iter_batched(
                || all.clone(),
                |mut rows| {
                    sort.sort_positions(lib, view, &mut rows);
                    rows
                },
                BatchSize::LargeInput,
            )
        });
        group.bench_function(format!("{id}_first_time"), |b| {
            b.iter(|| lib.rank_uncached(black_box(view), col))
        });
    }
    // A table clicked four times keeps four keys; the sort compares their ranks in one pass.
    let clicks = ["Sources", "Section", "Date", "Text"].map(|t| column(View::News, t));
    let mut four = SortState::default();
    for col in clicks {
        four.click(col);
    }
    let all: Vec<u32> = (0..lib.rows(View::News).len() as u32).collect();
    let mut warm = all.clone();
    four.sort_positions(lib, View::News, &mut warm);
    group.bench_function("sort_news_4_keys", |b| {
        b.iter_batched(
            || all.clone(),
            |mut rows| {
                four.sort_positions(lib, View::News, &mut rows);
                rows
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    // malloc set up as the app's `main` does.
    briefdesk::allocator::limit_arenas();
    let fixed = std::env::var("BRIEFDESK_BENCH_BRIEFS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok());
    let lib = build(env_u64("BRIEFDESK_BENCH_ITEMS", 150_000) as usize, fixed);
    bench_library(c, "library", &lib);
    drop(lib);
    if std::env::var("BRIEFDESK_BENCH_LARGE").is_ok_and(|v| v == "1") {
        let lib = build(
            env_u64("BRIEFDESK_BENCH_LARGE_ITEMS", 1_000_000) as usize,
            None,
        );
        bench_library(c, "library_large", &lib);
    }
}

criterion_group! {
    name = library;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(library);
