//! Chinese document numbers: 工信部规〔2021〕12号, 国办发〔2020〕39号, also written with [],
//! （）, () or 【】 around the year.

use super::text::is_han;
use crate::model::DocNumber;

/// Brackets around the year: opener and closer.
const BRACKETS: &[(char, char)] = &[
    ('〔', '〕'),
    ('[', ']'),
    ('［', '］'),
    ('(', ')'),
    ('（', '）'),
    ('【', '】'),
    ('〈', '〉'),
];

/// Characters of running text that do not start an issuer code: "见", "及", "根据" …
const LEADING_WORDS: &[char] = &[
    '见', '及', '和', '与', '据', '按', '依', '根', '即', '如', '并', '或', '的', '了', '是', '另',
    '有', '将', '自', '文', '号',
];

/// The longest issuer code taken, in characters.
const MAX_ISSUER: usize = 12;

/// Every document number in `text`, in order.
pub fn find_doc_numbers(text: &str) -> Vec<DocNumber> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        let Some(&(_, close)) = BRACKETS.iter().find(|(o, _)| *o == c) else {
            continue;
        };
        if let Some(number) = number_at(text, i, c, close) {
            out.push(number);
        }
    }
    out
}

/// The first document number in `text`.
pub fn doc_number(text: &str) -> Option<DocNumber> {
    find_doc_numbers(text).into_iter().next()
}

fn number_at(text: &str, open_at: usize, open: char, close: char) -> Option<DocNumber> {
    let issuer_start = text[..open_at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_han(*c))
        .take(MAX_ISSUER)
        .last()
        .map(|(i, _)| i)?;
    let skipped = text[issuer_start..open_at]
        .char_indices()
        .find(|(_, c)| !LEADING_WORDS.contains(c))
        .map(|(i, _)| i)?;
    let issuer_start = issuer_start + skipped;
    let issuer = &text[issuer_start..open_at];
    let after_open = open_at + open.len_utf8();
    let year_str = text.get(after_open..after_open + 4)?;
    if !year_str.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year_str.parse().ok()?;
    let rest = text[after_open + 4..].strip_prefix(close)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let serial: u32 = rest[..digits].parse().ok()?;
    let tail = rest[digits..].strip_prefix('号')?;
    let end = text.len() - tail.len();
    Some(DocNumber {
        raw: text[issuer_start..end].to_owned(),
        canonical: format!("{issuer}〔{year}〕{serial}号"),
        issuer: issuer.to_owned(),
        year,
        serial,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_any_brackets() {
        let found = find_doc_numbers(
            "见工信部规〔2021〕12号及国办发[2020]39号，另有发改能源（2022）206号和财税(2019)8号。",
        );
        let got: Vec<_> = found
            .iter()
            .map(|n| (n.canonical.as_str(), n.issuer.as_str(), n.year, n.serial))
            .collect();
        assert_eq!(
            got,
            [
                ("工信部规〔2021〕12号", "工信部规", 2021, 12),
                ("国办发〔2020〕39号", "国办发", 2020, 39),
                ("发改能源〔2022〕206号", "发改能源", 2022, 206),
                ("财税〔2019〕8号", "财税", 2019, 8),
            ]
        );
        assert_eq!(found[1].raw, "国办发[2020]39号");
    }

    #[test]
    fn not_numbers() {
        for text in [
            "规划(2021-2025年)",
            "计划(2021)",
            "〔2021〕12号",
            "部〔20〕1号",
            "部〔2021〕号",
            "部〔2021〕12",
            "部〔",
        ] {
            assert!(find_doc_numbers(text).is_empty(), "{text}");
        }
    }
}
