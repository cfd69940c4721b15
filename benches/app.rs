//! The whole app, headless, on a large library:
//! - opening a library of 10,000 generated briefs (~230,000 items) until the first frame with
//!   the Policies table is ready: the library thread opens the file and loads it, the first
//!   query runs, one frame is laid out and tessellated;
//! - one whole frame (egui run plus tessellation) of the table view and of the timeline view,
//!   with ~150,000 items.
//!
//! The libraries are made once by importing generated files and kept in
//! `target/bench-data/` for later runs. `BRIEFDESK_BENCH_OPEN_BRIEFS` (default 10,000) and
//! `BRIEFDESK_BENCH_FRAME_BRIEFS` (default 6,445, which hold ~150,000 items) set the sizes.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use briefdesk::app::state::Screen;
use briefdesk::app::{App, AppConfig};
use briefdesk::generate::{GenOptions, write_briefs};
use briefdesk::import::import_paths;
use briefdesk::library::View;
use briefdesk::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// A library of `briefs` generated briefs, made on first use.
fn library(briefs: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("target/bench-data");
    let path = dir.join(format!("library-{briefs}.sqlite"));
    if path.exists() {
        return path;
    }
    let started = Instant::now();
    let files = tempfile::tempdir().expect("a temporary folder");
    write_briefs(files.path(), &GenOptions { briefs, seed: 1 }).expect("generated files");
    let partial = dir.join(format!("library-{briefs}.partial.sqlite"));
    std::fs::remove_file(&partial).ok();
    {
        let mut store = Store::open(&partial).expect("a new library");
        import_paths(&mut store, &[files.path().to_owned()], |_, _, _| {
            ControlFlow::Continue(())
        });
    }
    for suffix in ["-wal", "-shm"] {
        std::fs::remove_file(format!("{}{suffix}", partial.display())).ok();
    }
    std::fs::rename(&partial, &path).expect("library in place");
    eprintln!(
        "made {} ({briefs} briefs) in {:.0} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    path
}

/// The app on a headless context, opening `library` (no preferences, no files to import).
fn app(ctx: &egui::Context, library: &Path) -> App {
    App::with_context(
        ctx,
        None,
        AppConfig {
            library: library.to_owned(),
            files: Vec::new(),
            screenshot: None,
        },
    )
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

/// One frame: egui's run and the tessellation a renderer would ask for. Returns the number of
/// triangles' vertices, so nothing is optimised away.
fn frame(ctx: &egui::Context, app: &mut App) -> usize {
    let output = ctx.run_ui(input(), |ui| app.frame(ui));
    let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
    meshes
        .iter()
        .map(|m| match &m.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

/// Runs frames until the library is loaded and its first query answered.
fn until_ready(ctx: &egui::Context, app: &mut App) {
    let started = Instant::now();
    while !app.is_loaded() || app.is_querying() {
        frame(ctx, app);
        assert!(app.fatal().is_none(), "{:?}", app.fatal());
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "the library did not load"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Waits until no library thread holds `library`'s lock file.
fn wait_for_unlock(library: &Path) {
    let mut name = library.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let lock = library.with_file_name(name);
    let started = Instant::now();
    loop {
        let Ok(file) = std::fs::OpenOptions::new().write(true).open(&lock) else {
            return;
        };
        if file.try_lock().is_ok() {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "the library stayed locked"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn bench_open(c: &mut Criterion) {
    // malloc set up as the app's `main` does.
    briefdesk::allocator::limit_arenas();
    let briefs = env_usize("BRIEFDESK_BENCH_OPEN_BRIEFS", 10_000);
    let path = library(briefs);
    let mut group = c.benchmark_group("app");
    group.sample_size(10);
    group.bench_function(format!("open_{briefs}_briefs_to_first_frame"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let ctx = egui::Context::default();
                let started = Instant::now();
                let mut app = app(&ctx, &path);
                until_ready(&ctx, &mut app);
                frame(&ctx, &mut app);
                total += started.elapsed();
                // The library thread lets go of the library once it has finished what it was
                // doing (reading the texts, analysing): wait for that, outside the timing.
                drop(app);
                wait_for_unlock(&path);
            }
            total
        })
    });
    group.finish();
}

fn bench_frames(c: &mut Criterion) {
    // malloc set up as the app's `main` does.
    briefdesk::allocator::limit_arenas();
    let briefs = env_usize("BRIEFDESK_BENCH_FRAME_BRIEFS", 6_445);
    let path = library(briefs);
    let ctx = egui::Context::default();
    let mut app = app(&ctx, &path);
    until_ready(&ctx, &mut app);
    let items: usize = [View::Policies, View::News, View::Topics]
        .iter()
        .map(|v| app.library().rows(*v).len())
        .sum();
    eprintln!("frames: {briefs} briefs, {items} items");
    let mut group = c.benchmark_group("app");
    for (id, view, screen) in [
        ("frame_table_news", View::News, Screen::Table),
        ("frame_table_policies", View::Policies, Screen::Table),
        ("frame_timeline", View::Policies, Screen::Timeline),
    ] {
        app.show(view, screen);
        until_ready(&ctx, &mut app);
        // A few frames first, so layout caches settle as they would on screen.
        for _ in 0..5 {
            frame(&ctx, &mut app);
        }
        group.bench_function(id, |b| b.iter(|| frame(&ctx, &mut app)));
    }
    group.finish();
}

criterion_group!(benches, bench_open, bench_frames);
criterion_main!(benches);
