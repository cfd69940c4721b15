//! Any brief file's bytes to the text the parser reads: decode, then take the article's text
//! out of a web page. PDF files are refused with a clear message.

use super::ImportError;
use super::decode::{Decoded, decode, decode_as};
use super::html::{check_nesting, html_to_text};

/// What is said of a PDF file.
const PDF_MESSAGE: &str = "PDF files are not supported yet: save the brief as text or HTML";

/// Extensions of web pages.
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];

/// Extensions of plain text (never sniffed for HTML). JSON is handled before this is called.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "json"];

/// How far into a web page a `<meta charset>` is looked for, as browsers do.
const META_PRESCAN_LEN: usize = 1024;

/// The text of a brief file for the parser: decoded (UTF-8, UTF-16 with a byte-order mark,
/// GB18030, Big5 or Windows-1252), and for a web page (`.html`, `.htm`, `.xhtml`, or a file
/// of another kind that starts like one) the article's text. PDF files, binary data and text
/// in other encodings are refused.
pub fn extract_text(file_name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    let extension = extension(file_name);
    if extension == "pdf" || bytes.trim_ascii_start().starts_with(b"%PDF-") {
        return Err(ImportError::NotText(PDF_MESSAGE.to_owned()));
    }
    let decoded = decode(bytes)?;
    let html = HTML_EXTENSIONS.contains(&extension.as_str())
        || (!TEXT_EXTENSIONS.contains(&extension.as_str()) && looks_like_html(&decoded.text));
    if !html {
        return Ok(decoded.text);
    }
    let decoded = redecode_as_declared(bytes, decoded)?;
    check_nesting(&decoded.text)?;
    Ok(html_to_text(&decoded.text))
}

/// The lower-case extension of a file name, or "" without one.
fn extension(file_name: &str) -> String {
    std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether text starts (after a byte-order mark, whitespace and an XML declaration) with
/// `<!doctype html` or `<html`.
fn looks_like_html(text: &str) -> bool {
    let mut start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if start.starts_with("<?xml")
        && let Some(end) = start.find("?>")
    {
        start = start[end + 2..].trim_start();
    }
    let head = start
        .get(..start.len().min(20))
        .unwrap_or("")
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// A web page in a legacy encoding whose `<meta charset>` names another encoding than the
/// guessed one is decoded as declared. UTF-8 and UTF-16 text is never second-guessed.
fn redecode_as_declared(bytes: &[u8], decoded: Decoded) -> Result<Decoded, ImportError> {
    if decoded.encoding.starts_with("UTF-") {
        return Ok(decoded);
    }
    match declared_charset(&decoded.text) {
        Some(declared) if declared.name() != decoded.encoding && declared.is_ascii_compatible() => {
            decode_as(declared, bytes)
        }
        _ => Ok(decoded),
    }
}

/// The encoding a page's start declares with `charset=` (in `<meta charset>` or
/// `<meta http-equiv … content="…; charset=…">`), if encoding_rs knows its label.
fn declared_charset(text: &str) -> Option<&'static encoding_rs::Encoding> {
    let end = text
        .char_indices()
        .nth(META_PRESCAN_LEN)
        .map_or(text.len(), |(i, _)| i);
    let head = text[..end].to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_found_by_extension_or_by_its_start() {
        let page = b"<!DOCTYPE html><html><body><p>Hello</p></body></html>";
        assert_eq!(extract_text("a.HTM", page).expect("text"), "Hello\n");
        assert_eq!(extract_text("saved", page).expect("text"), "Hello\n");
        assert_eq!(
            extract_text("a.txt", page).expect("text"),
            std::str::from_utf8(page).expect("utf-8")
        );
        let xhtml = b"<?xml version=\"1.0\"?>\n<html><body>Hi</body></html>";
        assert_eq!(extract_text("page.xml", xhtml).expect("text"), "Hi\n");
    }

    #[test]
    fn text_is_returned_as_decoded() {
        let text = "Title\r\n\r\n1. Topic  \n";
        assert_eq!(extract_text("b.md", text.as_bytes()).expect("text"), text);
        assert_eq!(
            extract_text("b.json", b"{\"a\": 1}").expect("text"),
            "{\"a\": 1}"
        );
    }

    #[test]
    fn pdf_is_refused() {
        for (name, bytes) in [
            ("b.pdf", &b"anything"[..]),
            ("b.txt", b"%PDF-1.7\n%\xe2\xe3"),
        ] {
            match extract_text(name, bytes) {
                Err(ImportError::NotText(message)) => assert_eq!(message, PDF_MESSAGE),
                other => panic!("expected the PDF message, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_declared_charset_beats_the_guess_for_legacy_pages() {
        let (body, _, _) = encoding_rs::BIG5.encode("<p>關於推進服務機器人應用的指導意見</p>");
        let mut page = b"<html><head><meta charset=\"big5\"></head><body>".to_vec();
        page.extend_from_slice(&body);
        let text = extract_text("p.html", &page).expect("text");
        assert_eq!(text, "關於推進服務機器人應用的指導意見\n");
    }

    #[test]
    fn declared_charset_is_read() {
        let meta = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">";
        assert_eq!(declared_charset(meta), Some(encoding_rs::GBK));
        assert_eq!(
            declared_charset("<meta charset='windows-1252'>"),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(declared_charset("<p>no charset</p>"), None);
    }
}
