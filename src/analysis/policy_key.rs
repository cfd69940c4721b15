//! A key that links mentions of one policy across briefs.
//!
//! The Chinese name is the key when there is one ("zh:…"), else the English name ("en:…").
//! Both are normalised so that spelling does not split a policy: full-width letters, digits
//! and brackets become ASCII, dashes become "-", quotes, 《》 and spaces go. A draft, its final
//! version, the notice that issues it and its interpretation share the key: draft markers
//! (（征求意见稿）, （草案）, "(Draft for Comments)") are dropped, and "《X》解读",
//! "关于印发《X》的通知" and "Interpretation of the X" key on X. Trial markers (（试行）) stay:
//! a trial version and a later final version are different documents.

use super::doc_type::doc_info;
use crate::model::PolicyKey;

/// Draft markers in Chinese names, dropped from the key (longest first).
const DRAFT_ZH: &[&str] = &[
    "(草案征求意见稿)",
    "(征求意见稿)",
    "(草案)",
    "(送审稿)",
    "(意见稿)",
    "(草稿)",
    "征求意见稿",
    "送审稿",
    "草案",
];

/// Draft markers in English names (lowercase, after punctuation became spaces).
const DRAFT_EN: &[&str] = &[
    "draft for public comments",
    "draft for public comment",
    "draft for comments",
    "draft for comment",
    "exposure draft",
    "consultation draft",
    "draft version",
    "draft",
];

/// Openings of English names that wrap another document's name.
const WRAPPERS_EN: &[&str] = &[
    "official interpretation of",
    "interpretation of",
    "interpretation on",
    "notice on printing and distributing",
    "notice on the issuance of",
    "notice on issuing",
    "notice on publishing",
    "notice on soliciting public comments on",
    "notice on soliciting comments on",
];

/// The key of a policy with these names, and whether this mention is a draft. `None` when
/// both names are empty.
pub fn policy_key(name: &str, name_zh: Option<&str>) -> Option<PolicyKey> {
    let is_draft = doc_info(name, name_zh).is_draft;
    let zh = name_zh.map(normalise_zh_name).unwrap_or_default();
    let key = if zh.is_empty() {
        let en = normalise_en_name(name);
        if en.is_empty() {
            return None;
        }
        format!("en:{en}")
    } else {
        format!("zh:{zh}")
    };
    Some(PolicyKey { key, is_draft })
}

/// Full-width ASCII to ASCII, Chinese brackets to (), dashes to "-".
fn half_width(c: char) -> char {
    match c {
        '–' | '—' | '―' | '−' | '～' | '~' | '－' => '-',
        '〔' | '【' | '[' | '〖' | '［' => '(',
        '〕' | '】' | ']' | '〗' | '］' => ')',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

/// The Chinese name as a key: the wrapped title if this is a wrapper, without spaces,
/// quotes, 《》 and draft markers, in half-width.
pub fn normalise_zh_name(name: &str) -> String {
    let name = name.trim();
    let inner = wrapped_title(name).unwrap_or(name);
    let mut out: String = inner
        .chars()
        .map(half_width)
        .filter(|c| {
            !(c.is_whitespace()
                || matches!(
                    c,
                    '《' | '》'
                        | '〈'
                        | '〉'
                        | '“'
                        | '”'
                        | '"'
                        | '\''
                        | '‘'
                        | '’'
                        | '「'
                        | '」'
                        | '『'
                        | '』'
                        | '·'
                        | '•'
                ))
        })
        .collect();
    for marker in DRAFT_ZH {
        while let Some(at) = out.find(marker) {
            out.replace_range(at..at + marker.len(), "");
        }
    }
    for suffix in ["政策解读", "的解读", "解读"] {
        if let Some(head) = out.strip_suffix(suffix) {
            out.truncate(head.len());
            break;
        }
    }
    out.replace("()", "")
}

/// X in "《X》解读", "关于印发《X》的通知", "关于公开征求《X》意见的通知".
fn wrapped_title(name: &str) -> Option<&str> {
    let open = name.find('《')?;
    let close = name.rfind('》')?;
    let inner = name.get(open + '《'.len_utf8()..close)?;
    let before = &name[..open];
    let after = name[close + '》'.len_utf8()..].trim();
    let after = super::doc_type::strip_trailing_groups(after);
    let interpretation = before.trim().is_empty()
        && ["解读", "政策解读", "的解读", "答记者问"]
            .iter()
            .any(|s| after.ends_with(s));
    let issuing =
        before.starts_with("关于") && ["通知", "公告", "函"].iter().any(|s| after.ends_with(s));
    (interpretation || issuing).then_some(inner)
}

/// The English name as a key: lowercase words of letters and digits, without the wrapper
/// ("Interpretation of the …"), draft markers and a leading "the".
pub fn normalise_en_name(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in name.split(|c: char| !c.is_alphanumeric()) {
        if !word.is_empty() {
            words.push(word.to_lowercase());
        }
    }
    let mut text = words.join(" ");
    for wrapper in WRAPPERS_EN {
        if let Some(rest) = text.strip_prefix(wrapper)
            && (rest.is_empty() || rest.starts_with(' '))
        {
            text = rest.trim_start().to_owned();
            break;
        }
    }
    for marker in DRAFT_EN {
        let padded = format!(" {text} ");
        let needle = format!(" {marker} ");
        if padded.contains(&needle) {
            text = padded.replacen(&needle, " ", 1).trim().to_owned();
        }
    }
    let text = text.strip_prefix("the ").unwrap_or(&text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str, zh: Option<&str>) -> (String, bool) {
        let k = policy_key(name, zh).expect("a key");
        (k.key, k.is_draft)
    }

    #[test]
    fn draft_final_and_interpretation_share_a_key() {
        let draft = key(
            "Port Plan (Draft for Comments)",
            Some("港口发展规划（2021—2025年）（征求意见稿）"),
        );
        let fin = key("Port Plan", Some(" 港口发展规划(2021-2025年) "));
        let interp = key(
            "Interpretation of the Port Plan",
            Some("《港口发展规划（2021-2025年）》解读"),
        );
        let notice = key(
            "Notice",
            Some("关于印发《港口发展规划(2021－2025年)》的通知"),
        );
        assert_eq!(draft, ("zh:港口发展规划(2021-2025年)".into(), true));
        assert_eq!(fin, (draft.0.clone(), false));
        assert_eq!(interp, (draft.0.clone(), false));
        assert_eq!(notice, (draft.0, false));
    }

    #[test]
    fn quotes_widths_and_spaces() {
        assert_eq!(
            normalise_zh_name("数字经济领域“两区”建设 工作方案"),
            "数字经济领域两区建设工作方案"
        );
        assert_eq!(normalise_zh_name("ＡＩ产业条例（草案）"), "AI产业条例");
        assert_eq!(normalise_zh_name("某办法（试行）"), "某办法(试行)");
        // A notice that is not a wrapper keeps its whole name.
        assert_eq!(
            normalise_zh_name("关于开展试点申报的通知"),
            "关于开展试点申报的通知"
        );
    }

    #[test]
    fn english_fallback() {
        assert_eq!(
            key(
                "Interpretation of the “Smart Port Action Plan (2022–2024)”",
                None
            ),
            ("en:smart port action plan 2022 2024".into(), false)
        );
        assert_eq!(
            key(
                "Smart Port Action Plan (2022-2024) (Draft for Comments)",
                Some("  ")
            ),
            ("en:smart port action plan 2022 2024".into(), true)
        );
        assert_eq!(policy_key("", None), None);
        assert_eq!(policy_key(" ( ) ", Some("")), None);
    }
}
