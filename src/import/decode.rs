//! Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark,
//! and, for files that are not UTF-8, the legacy encodings briefs turn up in (GB18030/GBK,
//! Big5, Windows-1252), guessed with `chardetng`. Never mangles: text that would decode with
//! replacement characters is refused, and so is binary data. Line endings, tabs and spaces are
//! left as they are; the parser handles them.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, WINDOWS_1252};

use super::ImportError;
use crate::parse::ParseError;

/// How much of a file the binary check looks at.
const SNIFF_LEN: usize = 8 * 1024;

/// Text decoded from a file, with the name of the encoding it was in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding's WHATWG name, e.g. "UTF-8", "UTF-16LE", "gb18030", "Big5", "windows-1252".
    pub encoding: &'static str,
}

/// Decodes a file's bytes, refusing binary data and text in encodings it cannot place.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ImportError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with_bom(encoding, &bytes[bom_len..]);
    }
    refuse_binary(bytes.iter().take(SNIFF_LEN).map(|&b| u32::from(b)))?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
        });
    }
    refuse_broken_utf8(bytes)?;
    let encoding = guess_legacy(bytes)?;
    decode_as(encoding, bytes)
}

/// Decodes `bytes` (without a byte-order mark) as `encoding`, refusing them if any sequence is
/// invalid there, or, for Windows-1252, if the text cannot be Western text (see
/// [`implausible_1252`]).
pub fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> Result<Decoded, ImportError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let implausible = encoding == WINDOWS_1252 && implausible_1252(&text);
    if had_errors || text.contains('\u{fffd}') || implausible {
        return Err(ImportError::NotText(format!(
            "it is not UTF-8, and reading it as {} gives characters that cannot be right; \
             save it as UTF-8",
            encoding.name()
        )));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// Whether text decoded as Windows-1252 cannot be right: it holds a byte Windows-1252 leaves
/// undefined (decoded as a C1 control), or a run of four or more different non-ASCII
/// characters, which Western text hardly ever has but Chinese read as Windows-1252 always
/// does ("é«˜è´¨é‡", "°ª½è¶q").
fn implausible_1252(text: &str) -> bool {
    let mut run: Vec<char> = Vec::new();
    for c in text.chars() {
        if ('\u{80}'..='\u{9f}').contains(&c) {
            return true;
        }
        if c.is_ascii() || c.is_whitespace() {
            run.clear();
            continue;
        }
        run.push(c);
        if run.len() >= 4 && run.iter().any(|&other| other != c) {
            return true;
        }
    }
    false
}

/// Refuses UTF-8 text with a few broken sequences (a damaged or cut UTF-8 file) rather than
/// letting the detector read it as a legacy encoding.
fn refuse_broken_utf8(bytes: &[u8]) -> Result<(), ImportError> {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut first_invalid = None;
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            first_invalid.get_or_insert(offset);
        }
        offset += chunk.invalid().len();
    }
    match first_invalid {
        Some(at) if valid >= 4 && invalid * 10 < valid => Err(ImportError::NotText(format!(
            "it is UTF-8 with {invalid} broken byte sequence(s), the first at byte {at}"
        ))),
        _ => Ok(()),
    }
}

/// Decodes text after a UTF-8 or UTF-16 byte-order mark.
fn decode_with_bom(encoding: &'static Encoding, body: &[u8]) -> Result<Decoded, ImportError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        return Err(ImportError::NotText(format!(
            "it starts with a {name} byte-order mark but holds invalid {name} sequences",
            name = encoding.name()
        )));
    }
    refuse_binary(text.chars().take(SNIFF_LEN).map(u32::from))?;
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// Guesses the encoding of bytes that are not UTF-8; only GB18030, Big5 and Windows-1252
/// are accepted.
fn guess_legacy(bytes: &[u8]) -> Result<&'static Encoding, ImportError> {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    if guess == GBK || guess == GB18030 {
        // GB18030 is the superset of GBK; encoding_rs decodes both alike.
        Ok(GB18030)
    } else if guess == BIG5 || guess == WINDOWS_1252 {
        Ok(guess)
    } else {
        Err(ImportError::NotText(format!(
            "it is not UTF-8 and looks like {}, which Briefdesk does not read; save it as UTF-8",
            guess.name()
        )))
    }
}

/// Refuses a sample (bytes or characters as code points) with NUL characters or with more
/// than one control character in twenty.
fn refuse_binary(sample: impl Iterator<Item = u32>) -> Result<(), ImportError> {
    let (mut total, mut controls) = (0usize, 0usize);
    for unit in sample {
        if unit == 0 {
            return Err(binary("it contains NUL bytes"));
        }
        total += 1;
        let allowed = matches!(unit, 0x09..=0x0d);
        if (unit < 0x20 && !allowed) || unit == 0x7f {
            controls += 1;
        }
    }
    if controls * 20 > total {
        return Err(binary("too many of its first bytes are control characters"));
    }
    Ok(())
}

fn binary(reason: &str) -> ImportError {
    ImportError::Parse(ParseError::Binary(reason.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> Decoded {
        decode(bytes).expect("decodes")
    }

    fn not_text(bytes: &[u8]) -> String {
        match decode(bytes) {
            Err(ImportError::NotText(message)) => message,
            other => panic!("expected NotText, got {other:?}"),
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(ok("Date: 5月".as_bytes()).text, "Date: 5月");
        let with_bom = ok("\u{feff}Date: 5月".as_bytes());
        assert_eq!(with_bom.text, "Date: 5月");
        assert_eq!(with_bom.encoding, "UTF-8");
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(ok(b"").text, "");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let le: Vec<u8> = [0xff, 0xfe, b'A', 0, 0x2d, 0x4e].to_vec();
        let be: Vec<u8> = [0xfe, 0xff, 0, b'A', 0x4e, 0x2d].to_vec();
        assert_eq!(ok(&le).text, "A中");
        assert_eq!(ok(&le).encoding, "UTF-16LE");
        assert_eq!(ok(&be).text, "A中");
        assert_eq!(ok(&be).encoding, "UTF-16BE");
    }

    #[test]
    fn line_endings_and_spaces_are_left_alone() {
        assert_eq!(ok(b"a \t\r\nb\rc  ").text, "a \t\r\nb\rc  ");
    }

    #[test]
    fn odd_utf16_is_refused() {
        assert!(not_text(&[0xff, 0xfe, b'A']).contains("UTF-16LE"));
    }

    #[test]
    fn nul_bytes_are_binary() {
        let err = decode(b"GIF89a\0\0\x01").expect_err("binary");
        assert!(matches!(err, ImportError::Parse(ParseError::Binary(_))));
        let utf16_nul = [0xff, 0xfe, 0, 0, b'A', 0];
        assert!(matches!(
            decode(&utf16_nul),
            Err(ImportError::Parse(ParseError::Binary(_)))
        ));
    }

    #[test]
    fn many_control_characters_are_binary() {
        let bytes: Vec<u8> = b"abc\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f".repeat(10);
        assert!(matches!(
            decode(&bytes),
            Err(ImportError::Parse(ParseError::Binary(_)))
        ));
    }

    #[test]
    fn a_stray_control_character_is_text() {
        let mut bytes = "Policy news\n".repeat(10).into_bytes();
        bytes.push(0x1a);
        assert!(decode(&bytes).is_ok());
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) =
            GB18030.encode("政策名称：工业互联网创新发展行动计划。发布机构：工业和信息化部。");
        let decoded = ok(&bytes);
        assert_eq!(decoded.encoding, "gb18030");
        assert!(decoded.text.contains("工业互联网"));
    }

    #[test]
    fn windows_1252_is_detected() {
        let bytes = b"The \x93caf\xe9\x94 owner\x92s r\xe9sum\xe9 \x96 na\xefve";
        let decoded = ok(bytes);
        assert_eq!(decoded.encoding, "windows-1252");
        assert_eq!(decoded.text, "The “café” owner’s résumé – naïve");
    }

    #[test]
    fn chinese_read_as_windows_1252_is_refused() {
        let (gbk, _, _) = GBK.encode("高质量发展");
        assert!(decode_as(WINDOWS_1252, &gbk).is_err());
        assert!(decode_as(WINDOWS_1252, "高质量发展".as_bytes()).is_err());
        let western = "Größe, ação, «Über», “quoted”—and ——— rule";
        let (bytes, _, _) = WINDOWS_1252.encode(western);
        assert_eq!(decode_as(WINDOWS_1252, &bytes).expect("text").text, western);
    }

    #[test]
    fn broken_utf8_is_refused_as_utf8() {
        let mut bytes = "政策名称：工业互联网创新发展行动计划".as_bytes().to_vec();
        bytes.insert(6, 0xff);
        let message = not_text(&bytes);
        assert!(
            message.contains("UTF-8") && message.contains("byte 6"),
            "{message}"
        );
    }

    #[test]
    fn undefined_windows_1252_bytes_are_refused() {
        let message = match decode_as(WINDOWS_1252, b"caf\xe9 \x81") {
            Err(ImportError::NotText(message)) => message,
            other => panic!("expected NotText, got {other:?}"),
        };
        assert!(message.contains("windows-1252"), "{message}");
    }

    #[test]
    fn invalid_big5_is_refused_naming_it() {
        let message = match decode_as(BIG5, b"\xa4\xa4\xa4\x20") {
            Err(ImportError::NotText(message)) => message,
            other => panic!("expected NotText, got {other:?}"),
        };
        assert!(message.contains("Big5"), "{message}");
    }

    #[test]
    fn other_legacy_encodings_are_refused_naming_the_guess() {
        // "日本語のテキストです。" in Shift_JIS.
        let (bytes, _, _) =
            encoding_rs::SHIFT_JIS.encode("日本語のテキストです。これは説明文です。");
        let message = not_text(&bytes);
        assert!(message.contains("Shift_JIS"), "{message}");
    }
}
