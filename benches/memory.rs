//! Memory of the app with a 10,000-brief library open (issue #7: under 400 MB resident).
//!
//! Not a criterion benchmark: memory does not need repeating. `cargo bench --bench memory`
//! opens the library in the real `App` on a headless context, as the window does, waits for
//! each stage the library thread delivers (the tables, the analyses, the search texts, the
//! timeline's marks) and prints after each the bytes the program holds on its heap (counted
//! by the allocator below: exact and repeatable) and the resident size from `/proc`. The last
//! line is the peak resident size (`VmHWM`).
//!
//! The library is the app benchmark's (`target/bench-data/library-10000.sqlite`, made by
//! `cargo bench --bench app` on first run); `BRIEFDESK_BENCH_OPEN_BRIEFS` picks another size.
//! Without a GPU or a window this leaves out what the renderer holds (under Xvfb with
//! llvmpipe, tens of megabytes): BENCHMARKS.md gives both.

// Counting allocations needs a `GlobalAlloc`, whose methods are unsafe to implement; they only
// forward to the system allocator.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use briefdesk::app::state::Screen;
use briefdesk::app::{App, AppConfig};
use briefdesk::library::{Filter, Library, NewsBuilder, View};
use briefdesk::store::Store;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    COUNT.fetch_add(1, Ordering::Relaxed);
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        COUNT.fetch_sub(1, Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            COUNT.fetch_sub(1, Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A `/proc/self/status` field in megabytes.
fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn report(stage: &str) {
    println!(
        "{stage:<44} heap {:>7.1} MB   resident {:>7.1} MB  allocs {}",
        mb(LIVE.load(Ordering::Relaxed)),
        status_mb("VmRSS"),
        COUNT.load(Ordering::Relaxed)
    );
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// Runs frames until `done` says the app has what the stage waits for.
fn frames_until(ctx: &egui::Context, app: &mut App, stage: &str, done: impl Fn(&App) -> bool) {
    let started = Instant::now();
    loop {
        let output = ctx.run_ui(input(), |ui| app.frame(ui));
        ctx.tessellate(output.shapes, output.pixels_per_point);
        assert!(app.fatal().is_none(), "{:?}", app.fatal());
        if done(app) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "{stage}: not reached in ten minutes"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    report(&format!(
        "{stage} ({:.1} s)",
        started.elapsed().as_secs_f64()
    ));
}

fn library() -> PathBuf {
    let briefs: usize = std::env::var("BRIEFDESK_BENCH_OPEN_BRIEFS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(10_000);
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/library-{briefs}.sqlite"))
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would run this too: only the
    // former measures.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    // As the app's `main` does.
    briefdesk::allocator::limit_arenas();
    let path = library();
    if !path.exists() {
        eprintln!(
            "{} is missing: `cargo bench --bench app` makes it",
            path.display()
        );
        std::process::exit(1);
    }
    report("start");
    if std::env::args().any(|a| a == "parts") {
        parts(&path);
        return;
    }
    let ctx = egui::Context::default();
    let mut app = App::with_context(
        &ctx,
        None,
        AppConfig {
            library: path,
            files: Vec::new(),
            screenshot: None,
        },
    );
    frames_until(&ctx, &mut app, "tables shown", |a| {
        a.is_loaded() && !a.is_querying()
    });
    frames_until(&ctx, &mut app, "analyses in", |a| {
        a.library().has_analyses()
    });
    frames_until(&ctx, &mut app, "search texts in", |a| {
        a.library().is_searchable()
    });
    app.show(View::Policies, Screen::Timeline);
    frames_until(&ctx, &mut app, "timeline marks", |a| {
        !a.is_querying() && !a.timeline_marks().is_empty()
    });
    for view in [View::News, View::Targets, View::Figures] {
        app.show(view, Screen::Table);
        frames_until(&ctx, &mut app, &format!("{view:?} table"), |a| {
            !a.is_querying()
        });
    }
    let deadlines = (app.timeline_marks().iter())
        .filter(|m| m.kind == briefdesk::timeline::MarkKind::Deadline)
        .count();
    println!(
        "{} timeline marks, {deadlines} of them deadlines",
        app.timeline_marks().len()
    );
    let items: usize = View::ALL.iter().map(|v| app.library().rows(*v).len()).sum();
    println!(
        "{items} rows in all views; {} targets, {} figures",
        app.library().rows(View::Targets).len(),
        app.library().rows(View::Figures).len()
    );
    println!(
        "peak: heap {:.1} MB, resident (VmHWM) {:.1} MB",
        mb(PEAK.load(Ordering::Relaxed)),
        status_mb("VmHWM")
    );
}

/// The same stages one by one on this thread, as the library thread makes them
/// (`cargo bench --bench memory -- parts`): what each part of the library holds.
fn parts(path: &Path) {
    let store = Store::open(path).expect("the library opens");
    let mut news = NewsBuilder::default();
    let outline = store.load_outline(&mut news).expect("the outline reads");
    let briefs = outline.briefs;
    report("outline read");
    let versions = store.all_versions().unwrap_or_default();
    let lib = Library::with_news(briefs, news)
        .with_versions(versions)
        .partial()
        .with_point_counts(outline.point_counts);
    report("library rows");
    let mut findings = briefdesk::library::FindingsBuilder::new(lib.briefs().len());
    let index: std::collections::HashMap<_, _> = lib
        .briefs()
        .iter()
        .enumerate()
        .map(|(b, s)| (s.id, b))
        .collect();
    store
        .for_each_analysis(|id, analysis| findings.add(index[&id], analysis))
        .expect("the analyses read");
    report("analyses read");
    lib.install_findings(findings);
    report("analyses installed");
    let mut texts = lib.texts_builder();
    store
        .for_each_topic_text(|id, ord, t| texts.add(id, ord, t.summary, t.points, t.comment))
        .expect("the texts read");
    texts.finish();
    report("search texts");
    for (view, bytes) in lib.search_text_bytes() {
        println!("  {view:?}: {:.1} MB of text", mb(bytes));
    }
    let marks = briefdesk::timeline::collect_marks(&lib, &Filter::default());
    report(&format!("{} timeline marks", marks.len()));
}
