//! The whole import of one file: the first byte picks a file name (so every branch of the
//! dispatch by name and by content is reached), the rest is the file. Stored into a fresh
//! in-memory library, which must read back.
#![no_main]

use libfuzzer_sys::fuzz_target;

use briefdesk::import::import_bytes;
use briefdesk::store::Store;

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

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let mut store = Store::open_in_memory().expect("an in-memory library opens");
    let _ = import_bytes(&mut store, name, bytes);
    store.load_all().expect("what was stored reads back");
});
