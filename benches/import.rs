//! Importing 1,000 generated brief files into a new on-disk library: open the store, then
//! `import_paths` on the folder (find, read, decode and parse on a second thread; store in
//! batches of files per transaction, a savepoint per file; index each batch at commit).
//! Wall time per full import.
//!
//! `BRIEFDESK_BENCH_IMPORT_BRIEFS` sets the number of files (default 1,000) and
//! `BRIEFDESK_BENCH_SEED` the generator seed (default 1).

use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use briefdesk::generate::{GenOptions, write_briefs};
use briefdesk::import::{FileOutcome, import_paths};
use briefdesk::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// Opens a new library in `dir` and imports `folder`; returns how many files were imported.
fn import(dir: &std::path::Path, folder: &std::path::Path) -> usize {
    let mut store = Store::open(&dir.join("library.sqlite")).expect("a new library opens");
    let results = import_paths(&mut store, &[folder.to_owned()], |_, _, _| {
        ControlFlow::Continue(())
    });
    results
        .iter()
        .filter(|(_, o)| matches!(o, FileOutcome::Imported { .. }))
        .count()
}

fn bench_import(c: &mut Criterion) {
    let opts = GenOptions {
        briefs: env_u64("BRIEFDESK_BENCH_IMPORT_BRIEFS", 1_000) as usize,
        seed: env_u64("BRIEFDESK_BENCH_SEED", 1),
    };
    let files = tempfile::tempdir().expect("a temporary folder");
    let paths = write_briefs(files.path(), &opts).expect("the briefs are written");
    let bytes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    // One untimed run to check that every file is imported as a new brief.
    let check = tempfile::tempdir().expect("a temporary folder");
    let started = Instant::now();
    let imported = import(check.path(), files.path());
    eprintln!(
        "import: {} files, {bytes} bytes; first run imported {imported} in {:.2} s",
        paths.len(),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(imported, paths.len(), "every generated brief is imported");
    drop(check);

    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function(format!("import_{}_briefs", paths.len()), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let dir = tempfile::tempdir().expect("a temporary folder");
                let started = Instant::now();
                let imported = import(dir.path(), files.path());
                total += started.elapsed();
                assert_eq!(imported, paths.len());
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
