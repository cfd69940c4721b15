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

#[test]
fn model_knows_nothing_of_the_rest() {
    assert_none(
        "model",
        &[
            "crate::",
            "rusqlite::",
            "egui::",
            "plotters::",
            "std::fs",
            "std::thread",
        ],
    );
}

#[test]
fn parser_is_pure() {
    assert_none(
        "parse",
        &[
            "crate::store",
            "crate::app",
            "crate::ui",
            "rusqlite::",
            "egui::",
            "std::fs",
            "std::thread",
        ],
    );
}

#[test]
fn library_and_timeline_are_pure() {
    for dir in ["library", "timeline"] {
        assert_none(
            dir,
            &[
                "crate::store",
                "crate::app",
                "crate::ui",
                "rusqlite::",
                "egui::",
                "plotters::",
                "std::fs",
                "std::thread",
            ],
        );
    }
}

#[test]
fn ui_never_touches_storage_files_or_threads() {
    assert_none(
        "ui",
        &[
            "crate::store",
            "crate::app",
            "crate::import",
            "rusqlite::",
            "std::fs",
            "std::thread",
        ],
    );
}

#[test]
fn store_has_no_ui() {
    assert_none(
        "store",
        &[
            "egui::",
            "eframe::",
            "plotters::",
            "crate::app",
            "crate::ui",
        ],
    );
}
