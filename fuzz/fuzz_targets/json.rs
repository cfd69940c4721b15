//! A Briefdesk library export: bytes → the JSON reader → every brief stored in a fresh
//! in-memory library, which must still pass its integrity check.
#![no_main]

use libfuzzer_sys::fuzz_target;

use briefdesk::import::{import_bytes, json};
use briefdesk::store::Store;

fuzz_target!(|bytes: &[u8]| {
    if json::read_export(bytes).is_err() {
        return;
    }
    let mut store = Store::open_in_memory().expect("an in-memory library opens");
    let _ = import_bytes(&mut store, "library.json", bytes);
    assert_eq!(store.integrity_check().expect("readable"), "ok");
    store.load_all().expect("what was stored reads back");
});
