//! Parser throughput over ~1 MB of generated briefs, beside a plain line scan of the same
//! bytes (the floor any line-based parser pays), so their ratio is known.
//!
//! `BRIEFDESK_BENCH_PARSE_BYTES` sets the corpus size (default 1,000,000 bytes) and
//! `BRIEFDESK_BENCH_SEED` the generator seed (default 1). `BRIEFDESK_BENCH_PARSE_DIR` parses
//! the `.txt` files of a folder instead (for instance an older generator's briefs, to tell a
//! change of the parser from a change of the corpus).

use std::hint::black_box;

use briefdesk::generate::generate_brief;
use briefdesk::parse::parse_brief;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// Generated briefs until they hold at least `bytes` bytes.
fn corpus(bytes: u64, seed: u64) -> Vec<String> {
    let mut texts = Vec::new();
    let mut total = 0;
    while total < bytes {
        let text = generate_brief(texts.len(), seed);
        total += text.len() as u64;
        texts.push(text);
    }
    texts
}

/// The `.txt` files of `dir`, in name order.
fn from_dir(dir: &std::path::Path) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("BRIEFDESK_BENCH_PARSE_DIR is a folder")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a UTF-8 brief"))
        .collect()
}

/// Lines and bullet points, the way a trivial scanner would count them.
fn line_scan(texts: &[String]) -> (usize, usize) {
    let mut lines = 0;
    let mut bullets = 0;
    for text in texts {
        for line in text.lines() {
            lines += 1;
            if line.trim_start().starts_with('•') {
                bullets += 1;
            }
        }
    }
    (lines, bullets)
}

fn parse(texts: &[String]) -> usize {
    let mut items = 0;
    for text in texts {
        if let Ok(brief) = parse_brief(text) {
            items += brief.topics.len() + brief.news.len();
        }
    }
    items
}

fn bench_parse(c: &mut Criterion) {
    let texts = match std::env::var_os("BRIEFDESK_BENCH_PARSE_DIR") {
        Some(dir) => from_dir(std::path::Path::new(&dir)),
        None => corpus(
            env_u64("BRIEFDESK_BENCH_PARSE_BYTES", 1_000_000),
            env_u64("BRIEFDESK_BENCH_SEED", 1),
        ),
    };
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let (lines, bullets) = line_scan(&texts);
    eprintln!(
        "parse corpus: {} briefs, {bytes} bytes, {lines} lines, {bullets} bullets, {} topics+news",
        texts.len(),
        parse(&texts)
    );
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("parse_brief", |b| b.iter(|| parse(black_box(&texts))));
    group.bench_function("line_scan", |b| b.iter(|| line_scan(black_box(&texts))));
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
