//! Brief files in every encoding and as a saved web page read the same as plain UTF-8 text.

use std::path::PathBuf;

use briefdesk::import::{ImportError, extract_text};
use briefdesk::model::Brief;
use briefdesk::parse::{ParseError, parse_brief};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn extract(name: &str) -> String {
    extract_text(name, &fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn brief(name: &str) -> Brief {
    parse_brief(&extract(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn not_text(name: &str, bytes: &[u8]) -> String {
    match extract_text(name, bytes) {
        Err(ImportError::NotText(message)) => message,
        other => panic!("{name}: expected NotText, got {other:?}"),
    }
}

#[test]
fn the_plain_brief_parses_cleanly() {
    let plain = brief("brief-utf8.txt");
    assert_eq!(plain.topics.len(), 2);
    assert_eq!(plain.news.len(), 4);
    assert!(plain.warnings.is_empty(), "{:?}", plain.warnings);
    let policy = plain.topics[0].policy.as_ref().expect("a policy");
    assert_eq!(
        policy.name_zh.as_deref(),
        Some("《海上风电装备产业三年行动计划(2022-2024年)》")
    );
}

#[test]
fn every_unicode_form_reads_as_the_plain_brief() {
    let plain = brief("brief-utf8.txt");
    for name in [
        "brief-utf8-bom.txt",
        "brief-utf16le.txt",
        "brief-utf16be.txt",
        "brief-cr.txt",
    ] {
        assert_eq!(brief(name), plain, "{name}");
    }
}

#[test]
fn gb18030_reads_as_the_plain_brief() {
    assert_eq!(extract("brief-gb18030.txt"), extract("brief-utf8.txt"));
    assert_eq!(brief("brief-gb18030.txt"), brief("brief-utf8.txt"));
}

#[test]
fn big5_reads_as_its_utf8_source() {
    assert_eq!(extract("brief-big5.txt"), extract("brief-big5-source.txt"));
    let big5 = brief("brief-big5.txt");
    assert_eq!(big5, brief("brief-big5-source.txt"));
    let policy = big5.topics[1].policy.as_ref().expect("a policy");
    assert_eq!(
        policy.name_zh.as_deref(),
        Some("關於推進服務機器人應用的指導意見")
    );
}

#[test]
fn windows_1252_reads_as_its_utf8_source() {
    assert_eq!(
        extract("brief-cp1252.txt"),
        extract("brief-cp1252-source.txt")
    );
    let cp1252 = brief("brief-cp1252.txt");
    assert_eq!(cp1252, brief("brief-cp1252-source.txt"));
    assert!(cp1252.news[3].text.contains("Société Lumière"));
}

/// The brief without its warnings, whose line numbers depend on the file's layout.
fn content(mut brief: Brief) -> Brief {
    brief.warnings.clear();
    brief
}

#[test]
fn the_web_page_reads_as_the_plain_brief() {
    let page = brief("brief.html");
    let plain = brief("brief-utf8.txt");
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    assert_eq!(page.title, plain.title);
    assert_eq!(page.topics, plain.topics);
    assert_eq!(page.news, plain.news);
    assert_eq!(content(page), content(plain));
}

#[test]
fn the_web_page_chrome_is_left_out() {
    let text = extract("brief.html");
    for chrome in [
        "Example Think Tank",
        "Topics & Regions",
        "Upcoming Events",
        "cookies",
        "Accept all",
        "Briefs\n\nStart",
        "Share on social media",
        "newsletter",
        "Sign up now",
        "More briefs you may like",
        "Semiconductor subsidies",
        "Imprint",
        "trackPageView",
        "dataLayer",
        "font-family",
        "display: block",
    ] {
        assert!(!text.contains(chrome), "{chrome:?} leaked into:\n{text}");
    }
    assert!(text.contains("At a glance: The Ministry"), "{text}");
    assert!(text.contains("\n• Cut the cost of floating foundations by a fifth\n"));
}

#[test]
fn a_web_page_without_a_brief_extracts_but_is_no_brief() {
    let text = extract("not-a-brief.html");
    assert!(text.contains("Opening hours"), "{text}");
    assert!(text.contains("• Lockers are free & available at the entrance"));
    assert!(!text.contains("console.log") && !text.contains("Contact"));
    assert_eq!(parse_brief(&text), Err(ParseError::NotABrief));
}

#[test]
fn a_pdf_is_refused_with_a_clear_message() {
    let message = not_text("fake.pdf", &fixture("fake.pdf"));
    assert_eq!(
        message,
        "PDF files are not supported yet: save the brief as text or HTML"
    );
    // Named as text, a PDF is still a PDF.
    assert_eq!(not_text("brief.txt", &fixture("fake.pdf")), message);
}

#[test]
fn binary_data_is_refused_as_binary() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    png.extend((0..2000u32).map(|i| (i * 7919 % 251) as u8));
    for name in ["image.png", "brief.txt", "page.html"] {
        match extract_text(name, &png) {
            Err(ImportError::Parse(ParseError::Binary(reason))) => {
                assert!(!reason.is_empty());
            }
            other => panic!("{name}: expected Binary, got {other:?}"),
        }
    }
}

#[test]
fn undecodable_text_is_refused_naming_the_encoding() {
    // Not UTF-8; the detector takes it for Shift_JIS, which briefs are never in.
    let (shift_jis, _, _) =
        encoding_rs::SHIFT_JIS.encode("政策の概要：工業インターネットの発展計画について。");
    let message = not_text("brief.txt", &shift_jis);
    assert!(message.contains("Shift_JIS"), "{message}");

    // A Big5 brief cut in the middle of a character: the detector rules Big5 out and falls
    // back to Windows-1252, which would turn the Chinese into "°ª½è¶q": refused, not mangled.
    let mut big5 = fixture("brief-big5.txt");
    big5.extend_from_slice(b"\xa4");
    let message = not_text("brief.txt", &big5);
    assert!(
        message.contains("windows-1252") || message.contains("Big5"),
        "{message}"
    );

    // A damaged UTF-8 brief is not taken for a legacy encoding.
    let mut utf8 = fixture("brief-utf8.txt");
    utf8.insert(100, 0xff);
    let message = not_text("brief.txt", &utf8);
    assert!(message.contains("UTF-8"), "{message}");

    // Bytes no encoding here can read (0x81 is undefined in Windows-1252).
    let message = not_text(
        "brief.txt",
        b"Policy news \x81\x20\xfe\x7f\x81\x0a \x8d\x81 end",
    );
    assert!(message.contains("save it as UTF-8"), "{message}");
}

#[test]
fn the_import_error_reads_as_a_sentence() {
    let err = extract_text("brief.txt", &[0xff, 0xfe, b'A']).expect_err("odd UTF-16");
    assert!(err.to_string().contains("UTF-16LE"), "{err}");
}
