//! Replays the fuzz targets' inputs in the normal suite: the seed corpus (`fuzz/seeds/`) and
//! every input a fuzz run ever found to crash, hang or run out of memory
//! (`fuzz/regressions/TARGET/`, minimised with `cargo fuzz tmin`). Each goes through the same
//! code as its target in `fuzz/fuzz_targets/`, so a fixed bug stays fixed without nightly
//! Rust or cargo-fuzz.

use std::path::Path;

use briefdesk::import::{decode_text, extract_text, import_bytes, json};
use briefdesk::parse::parse_brief;
use briefdesk::store::Store;

/// The file names the `import` target picks from with its first byte.
const NAMES: &[&str] = &[
    "brief.txt",
    "brief.md",
    "page.html",
    "page.XHTML",
    "library.json",
    "saved",
    "report.pdf",
    "notes.markdown",
];

fn text(bytes: &[u8]) {
    if let Ok(text) = decode_text(bytes) {
        let _ = parse_brief(&text);
    }
}

fn html(bytes: &[u8]) {
    if let Ok(text) = extract_text("page.html", bytes) {
        let _ = parse_brief(&text);
    }
}

fn json_import(bytes: &[u8]) {
    if json::read_export(bytes).is_err() {
        return;
    }
    let mut store = Store::open_in_memory().expect("an in-memory library opens");
    let _ = import_bytes(&mut store, "library.json", bytes);
    assert_eq!(store.integrity_check().expect("readable"), "ok");
    store.load_all().expect("what was stored reads back");
}

fn import(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let mut store = Store::open_in_memory().expect("an in-memory library opens");
    let _ = import_bytes(&mut store, name, bytes);
    store.load_all().expect("what was stored reads back");
}

/// Runs `target` on every file of `fuzz/{seeds,regressions}/NAME`; returns how many.
fn replay(name: &str, target: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(name)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.expect("listable").path()).collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("readable");
            eprintln!("{name}: {}", path.display());
            target(&bytes);
            count += 1;
        }
    }
    count
}

#[test]
fn text_inputs() {
    assert!(replay("text", text) >= 4);
}

#[test]
fn html_inputs() {
    assert!(replay("html", html) >= 3);
}

#[test]
fn json_inputs() {
    assert!(replay("json", json_import) >= 2);
}

#[test]
fn import_inputs() {
    assert!(replay("import", import) >= 6);
}
