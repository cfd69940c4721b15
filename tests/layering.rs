//! The layers point one way. This reads the sources and fails when a module reaches for
//! something its layer must not know.

use std::path::Path;

fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let mut stack = vec![root];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(
                std::fs::read_dir(&path)
                    .expect("src is readable")
                    .map(|e| e.expect("a directory entry").path()),
            );
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).expect("a source file"),
            ));
        }
    }
    assert!(!out.is_empty(), "no sources in {dir}");
    out
}

fn assert_none(dir: &str, forbidden: &[&str]) {
    for (path, text) in sources(dir) {
        for word in forbidden {
            assert!(
                !text.contains(word),
                "{path} mentions {word:?}, which its layer must not use"
            );
        }
    }
}

/// Reaching up into the layers that use this one.
const UPPER: &[&str] = &["crate::store", "crate::app", "crate::ui"];
/// Files and threads: only the store, importer, app and CLI do I/O.
const IO: &[&str] = &["std::fs", "std::thread"];
const DATABASE: &[&str] = &["rusqlite::"];
const DRAWING: &[&str] = &["egui::", "eframe::", "plotters::"];

fn assert_none_of(dir: &str, groups: &[&[&str]]) {
    assert_none(dir, &groups.concat());
}

#[test]
fn model_knows_nothing_of_the_rest() {
    assert_none_of("model", &[&["crate::"], DATABASE, DRAWING, IO]);
}

#[test]
fn parser_is_pure() {
    assert_none_of("parse", &[UPPER, DATABASE, DRAWING, IO]);
}

/// Background threads and files. Scoped threads (`std::thread::scope`), joined before the
/// function returns, are allowed in pure layers: they only split a computation over the cores.
const BACKGROUND: &[&str] = &["std::fs", "std::thread::spawn", "std::thread::Builder"];

#[test]
fn analysis_is_pure() {
    // The parser will call it at the end of parsing: it must not reach for the importer.
    assert_none_of(
        "analysis",
        &[UPPER, DATABASE, DRAWING, IO, &["crate::import"]],
    );
}

#[test]
fn library_and_timeline_are_pure() {
    for dir in ["library", "timeline"] {
        assert_none_of(dir, &[UPPER, DATABASE, DRAWING, BACKGROUND]);
    }
}

#[test]
fn ui_never_touches_storage_files_or_threads() {
    assert_none_of(
        "ui",
        &[
            &["crate::store", "crate::app", "crate::import"],
            DATABASE,
            IO,
        ],
    );
}

#[test]
fn store_has_no_ui() {
    assert_none_of("store", &[DRAWING, &["crate::app", "crate::ui"]]);
}
