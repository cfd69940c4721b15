//! Plain text: bytes → the importer's decoding → the parser. Must never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = briefdesk::import::decode_text(bytes) {
        let _ = briefdesk::parse::parse_brief(&text);
    }
});
