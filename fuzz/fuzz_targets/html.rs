//! A web page: bytes → decoding, charset sniffing and article extraction → the parser.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = briefdesk::import::extract_text("page.html", bytes) {
        let _ = briefdesk::parse::parse_brief(&text);
    }
});
