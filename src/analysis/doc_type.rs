//! Document types from a policy's English and Chinese names.
//!
//! The Chinese name decides when it names a type (it is the original); the English name fills
//! in otherwise. A name that wraps another document gives both: "《X行动计划》解读" is an
//! interpretation `of` an action plan; "关于印发《X实施方案》的通知" is a notice `of` (issuing)
//! an implementation plan; "关于公开征求《X》意见的通知" is a notice of a draft. Draft markers
//! (征求意见稿, 草案, 送审稿, "Draft for Comments") set `is_draft`, trial markers (试行, 暂行,
//! "Trial", "Interim") set `is_trial`; neither is a type of its own.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::text::{is_word_char, words, words_before};
use crate::model::{DocInfo, DocType};

/// Chinese endings, longest first where one ends another.
const ZH_TYPES: &[(&str, DocType)] = &[
    ("行动计划", DocType::ActionPlan),
    ("行动方案", DocType::ActionPlan),
    ("工作方案", DocType::WorkPlan),
    ("实施方案", DocType::ImplementationPlan),
    ("实施意见", DocType::Opinions),
    ("指导意见", DocType::GuidingOpinions),
    ("规划纲要", DocType::Plan),
    ("若干措施", DocType::Measures),
    ("实施细则", DocType::Rules),
    ("答记者问", DocType::Interpretation),
    ("政策解读", DocType::Interpretation),
    ("意见", DocType::Opinions),
    ("纲要", DocType::Plan),
    ("规划", DocType::Plan),
    ("计划", DocType::Plan),
    ("方案", DocType::Programme),
    ("通知", DocType::Notice),
    ("公告", DocType::Announcement),
    ("通告", DocType::Announcement),
    ("办法", DocType::Measures),
    ("措施", DocType::Measures),
    ("指南", DocType::Guidelines),
    ("指引", DocType::Guidelines),
    ("解读", DocType::Interpretation),
    ("目录", DocType::Catalogue),
    ("清单", DocType::List),
    ("条例", DocType::Regulations),
    ("细则", DocType::Rules),
    ("规定", DocType::Rules),
    ("规则", DocType::Rules),
    ("决定", DocType::Decision),
    ("标准", DocType::Standard),
    ("批复", DocType::Letter),
    ("函", DocType::Letter),
];

/// Endings that are not a law although they end in 法.
const NOT_LAW: &[&str] = &["办法", "方法", "做法", "算法", "想法", "看法"];

/// English type phrases (lowercase), longest first where one ends another.
const EN_TYPES: &[(&str, DocType)] = &[
    ("implementation opinions", DocType::Opinions),
    ("implementing opinions", DocType::Opinions),
    ("guiding opinions", DocType::GuidingOpinions),
    ("guiding opinion", DocType::GuidingOpinions),
    ("guidance opinions", DocType::GuidingOpinions),
    ("implementation plan", DocType::ImplementationPlan),
    ("implementation scheme", DocType::ImplementationPlan),
    ("implementation programme", DocType::ImplementationPlan),
    ("action plan", DocType::ActionPlan),
    ("action programme", DocType::ActionPlan),
    ("action program", DocType::ActionPlan),
    ("work plan", DocType::WorkPlan),
    ("work programme", DocType::WorkPlan),
    ("work program", DocType::WorkPlan),
    ("implementing rules", DocType::Rules),
    ("detailed rules", DocType::Rules),
    ("negative list", DocType::List),
    ("administrative measures", DocType::Measures),
    ("management measures", DocType::Measures),
    ("public notice", DocType::Announcement),
    ("outline", DocType::Plan),
    ("plan", DocType::Plan),
    ("programme", DocType::Programme),
    ("program", DocType::Programme),
    ("scheme", DocType::Programme),
    ("notice", DocType::Notice),
    ("circular", DocType::Notice),
    ("notification", DocType::Notice),
    ("announcement", DocType::Announcement),
    ("opinions", DocType::Opinions),
    ("measures", DocType::Measures),
    ("guidelines", DocType::Guidelines),
    ("guideline", DocType::Guidelines),
    ("guide", DocType::Guidelines),
    ("interpretation", DocType::Interpretation),
    ("catalogue", DocType::Catalogue),
    ("catalog", DocType::Catalogue),
    ("list", DocType::List),
    ("law", DocType::Law),
    ("regulations", DocType::Regulations),
    ("regulation", DocType::Regulations),
    ("provisions", DocType::Rules),
    ("rules", DocType::Rules),
    ("decision", DocType::Decision),
    ("standards", DocType::Standard),
    ("standard", DocType::Standard),
    ("reply", DocType::Letter),
    ("letter", DocType::Letter),
];

/// Openings of an English name that interprets another document.
const EN_INTERPRETATION: &[&str] = &[
    "official interpretation of",
    "policy interpretation of",
    "interpretation of",
    "interpretation on",
    "explanation of",
    "q&a on",
];

/// Openings of an English notice that issues another document.
const EN_ISSUING: &[&str] = &[
    "notice on printing and distributing",
    "notice on the issuance of",
    "notice on the release of",
    "notice on publishing",
    "notice on releasing",
    "notice on issuing",
    "notice of issuing",
    "circular on issuing",
    "notice on soliciting public comments on",
    "notice on soliciting comments on",
    "notice on soliciting opinions on",
];

/// Draft markers in Chinese names.
const DRAFT_ZH: &[&str] = &["征求意见稿", "草案", "送审稿", "意见稿", "草稿", "征求意见"];

/// What the names of a policy say it is. Either name may be empty.
pub fn doc_info(name: &str, name_zh: Option<&str>) -> DocInfo {
    let zh = name_zh.map(classify_zh).unwrap_or_default();
    let en = classify_en(name);
    let doc_type = zh.doc_type.or(en.doc_type);
    let of = if zh.doc_type.is_some() {
        zh.of.or(en.of.filter(|_| en.doc_type == zh.doc_type))
    } else {
        en.of
    };
    DocInfo {
        doc_type,
        of,
        is_draft: zh.is_draft || en.is_draft,
        is_trial: zh.is_trial || en.is_trial,
    }
}

/// What a Chinese name says the document is.
pub fn classify_zh(name: &str) -> DocInfo {
    let name = name.trim();
    let is_draft = DRAFT_ZH.iter().any(|d| name.contains(d))
        || (name.contains("征求") && name.contains("意见"));
    let is_trial = name.contains("试行") || name.contains("暂行");
    let core = strip_trailing_groups(name);
    // 《X》解读, X解读
    for suffix in ["政策解读", "答记者问", "解读"] {
        if let Some(inner) = core.strip_suffix(suffix) {
            let inner = inner.trim_end_matches(['的', ' ']);
            let of = zh_type(inner_title(inner).unwrap_or(inner));
            return DocInfo {
                doc_type: Some(DocType::Interpretation),
                of,
                is_draft,
                is_trial,
            };
        }
    }
    let doc_type = zh_type(core);
    // 关于印发《X》的通知: a wrapper of X.
    let of = match (doc_type, inner_title(core)) {
        (Some(DocType::Notice | DocType::Announcement | DocType::Letter), Some(inner))
            if core.starts_with("关于") =>
        {
            zh_type(inner)
        }
        _ => None,
    };
    DocInfo {
        doc_type,
        of,
        is_draft,
        is_trial,
    }
}

/// The type a Chinese name ends with, after its trailing groups.
fn zh_type(name: &str) -> Option<DocType> {
    let core = strip_trailing_groups(name.trim().trim_matches(['《', '》']));
    let core = core.trim_end_matches(['》', '”', '"', ' ']);
    if let Some(&(_, t)) = ZH_TYPES.iter().find(|(s, _)| core.ends_with(s)) {
        return Some(t);
    }
    (core.ends_with('法') && !NOT_LAW.iter().any(|s| core.ends_with(s))).then_some(DocType::Law)
}

/// The text inside the first 《…》 of `s`.
fn inner_title(s: &str) -> Option<&str> {
    let open = s.find('《')?;
    let rest = &s[open + '《'.len_utf8()..];
    let close = rest.rfind('》')?;
    Some(&rest[..close])
}

/// `s` without bracket groups at its end: "(2021-2025年)(征求意见稿)", "(Draft)", "（试行）".
pub fn strip_trailing_groups(s: &str) -> &str {
    let mut s = s.trim_end();
    loop {
        let Some(close) = s.chars().next_back() else {
            return s;
        };
        let open = match close {
            ')' => '(',
            '）' => '（',
            ']' => '[',
            '】' => '【',
            _ => return s,
        };
        let mut depth = 0usize;
        let mut start = None;
        for (i, c) in s.char_indices().rev() {
            if c == close {
                depth += 1;
            } else if c == open {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    start = Some(i);
                    break;
                }
            }
        }
        match start {
            Some(i) if i > 0 => s = s[..i].trim_end(),
            _ => return s,
        }
    }
}

/// What an English name says the document is.
pub fn classify_en(name: &str) -> DocInfo {
    let lower = normalise_en(name);
    let is_draft = lower.contains("draft")
        || lower.contains("for comment")
        || lower.contains("for public comment")
        || lower.contains("soliciting")
        || lower.contains("consultation");
    let is_trial = [
        "(trial",
        "trial)",
        "for trial",
        "interim",
        "provisional",
        "tentative",
    ]
    .iter()
    .any(|m| lower.contains(m));
    let core = strip_trailing_groups(&lower).to_owned();
    let core = core.trim_end_matches(['.', ' ']);
    for opening in EN_INTERPRETATION {
        if let Some(rest) = strip_phrase(core, opening) {
            return DocInfo {
                doc_type: Some(DocType::Interpretation),
                of: en_type(rest),
                is_draft,
                is_trial,
            };
        }
    }
    for opening in EN_ISSUING {
        if let Some(rest) = strip_phrase(core, opening) {
            return DocInfo {
                doc_type: Some(DocType::Notice),
                of: en_type(rest),
                is_draft,
                is_trial,
            };
        }
    }
    DocInfo {
        doc_type: en_type(core),
        of: None,
        is_draft,
        is_trial,
    }
}

/// Lowercase, straight quotes and single spaces.
fn normalise_en(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| match c {
            '“' | '”' | '„' | '«' | '»' => '"',
            '‘' | '’' => '\'',
            c => c.to_ascii_lowercase(),
        }));
    }
    out
}

/// `s` after `phrase` (and a following "the"), when `s` opens with it as whole words.
fn strip_phrase<'a>(s: &'a str, phrase: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(phrase)?;
    if rest.starts_with(is_word_char) {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '"', '\'', ':']);
    Some(rest.strip_prefix("the ").unwrap_or(rest))
}

/// The type an English name (lowercase) states: by its opening ("Notice on …", "Work Plan
/// for …"), else by its ending ("… Development Plan"), else by the last type word in it.
fn en_type(name: &str) -> Option<DocType> {
    let name = strip_trailing_groups(name.trim().trim_matches(['"', '\'', ' ']));
    let name = name.trim_end_matches(['"', '\'', ' ', '.']);
    let name = name.strip_prefix("the ").unwrap_or(name);
    for (phrase, t) in EN_TYPES {
        if let Some(rest) = name.strip_prefix(phrase)
            && (rest.is_empty()
                || [
                    " on ",
                    " for ",
                    " of ",
                    " regarding ",
                    " concerning ",
                    " to ",
                ]
                .iter()
                .any(|w| rest.starts_with(w)))
        {
            return Some(*t);
        }
    }
    for (phrase, t) in EN_TYPES {
        if let Some(head) = name.strip_suffix(phrase)
            && !head.ends_with(is_word_char)
        {
            return Some(*t);
        }
    }
    last_type_word(name)
}

/// The type phrase that ends furthest right in `name` (lowercase), as whole words.
fn last_type_word(name: &str) -> Option<DocType> {
    let all: Vec<(usize, &str)> = words(name).collect();
    let mut best: Option<(usize, DocType)> = None;
    for (i, _) in all.iter().enumerate() {
        if let Some((end, t)) = type_phrase_at(&all, i)
            && best.is_none_or(|(b, _)| end >= b)
        {
            best = Some((end, t));
        }
    }
    best.map(|(_, t)| t)
}

/// A type phrase split into its words, and its type.
type Phrase = (Vec<&'static str>, DocType);

/// [`EN_TYPES`] by first word, each list in the table's order (longest first).
static EN_BY_FIRST: LazyLock<HashMap<&'static str, Vec<Phrase>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
    for (phrase, t) in EN_TYPES {
        let parts: Vec<&'static str> = phrase.split(' ').collect();
        if let Some(first) = parts.first() {
            map.entry(*first).or_default().push((parts, *t));
        }
    }
    map
});

/// The longest type phrase starting at word `i` (words lowercase): its end (in words) and
/// type.
fn type_phrase_at(all: &[(usize, &str)], i: usize) -> Option<(usize, DocType)> {
    let candidates = EN_BY_FIRST.get(all.get(i)?.1)?;
    candidates.iter().find_map(|(parts, t)| {
        let slice = all.get(i..i + parts.len())?;
        let same = parts.iter().zip(slice).all(|(p, (_, w))| p == w);
        same.then_some((i + parts.len(), *t))
    })
}

/// Verbs that introduce a document in news text: "issues", "publishes", "releases" …
const ISSUING_VERBS: &[&str] = &[
    "issu",
    "publish",
    "releas",
    "circulat",
    "unveil",
    "adopt",
    "approv",
    "introduc",
    "promulgat",
    "launch",
    "announc",
];

/// The type of a document a news text says was issued: "The MIIT issues a notice …",
/// "publishes the final version of its anti-monopoly guidelines". `None` unless a verb of
/// issuing comes within nine words before the type word.
pub fn doc_type_in_text(text: &str) -> Option<DocType> {
    let lower = text.to_lowercase();
    let all: Vec<(usize, &str)> = words(&lower).collect();
    for i in 0..all.len() {
        let Some((_, t)) = type_phrase_at(&all, i) else {
            continue;
        };
        let before = words_before(&lower, all[i].0, 9);
        if before
            .iter()
            .any(|w| ISSUING_VERBS.iter().any(|v| w.starts_with(v)))
        {
            return Some(t);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(doc_type: DocType, of: Option<DocType>, is_draft: bool) -> DocInfo {
        DocInfo {
            doc_type: Some(doc_type),
            of,
            is_draft,
            is_trial: false,
        }
    }

    #[test]
    fn chinese_types() {
        use DocType::*;
        for (name, want) in [
            (
                "《某某产业高质量发展行动计划(2022-2024年)》解读",
                info(Interpretation, Some(ActionPlan), false),
            ),
            (
                "某产业发展规划(2021-2025年)(征求意见稿)",
                info(Plan, None, true),
            ),
            (
                "关于印发《新材料推广实施方案》的通知",
                info(Notice, Some(ImplementationPlan), false),
            ),
            (
                "关于公开征求《数据安全管理办法》意见的通知",
                info(Notice, Some(Measures), true),
            ),
            (
                "关于组织开展2022年度试点项目申报的通知",
                info(Notice, None, false),
            ),
            (
                "关于推进绿色工厂建设的指导意见",
                info(GuidingOpinions, None, false),
            ),
            ("产业结构调整指导目录", info(Catalogue, None, false)),
            (
                "外商投资准入特别管理措施（负面清单）",
                info(Measures, None, false),
            ),
            ("网络安全审查办法", info(Measures, None, false)),
            ("中华人民共和国数据安全法", info(Law, None, false)),
            ("某某条例（草案）", info(Regulations, None, true)),
            (
                "数字经济领域“两区”建设工作方案",
                info(WorkPlan, None, false),
            ),
            ("平台经济领域反垄断指南", info(Guidelines, None, false)),
        ] {
            assert_eq!(classify_zh(name), want, "{name}");
        }
        let trial = classify_zh("新能源汽车管理规定（试行）");
        assert_eq!(
            (trial.doc_type, trial.is_trial),
            (Some(DocType::Rules), true)
        );
        assert_eq!(classify_zh("某某工作"), DocInfo::default());
    }

    #[test]
    fn english_types() {
        use DocType::*;
        for (name, want) in [
            (
                "Interpretation of the “Smart Port Development Action Plan (2022-2024)”",
                info(Interpretation, Some(ActionPlan), false),
            ),
            (
                "Battery Industry Development Plan (2021-2025) (Draft for Comments)",
                info(Plan, None, true),
            ),
            (
                "Notice on Printing and Distributing the Implementation Plan for Green Ports",
                info(Notice, Some(ImplementationPlan), false),
            ),
            (
                "Notice on Organizing the 2022 Pilot Project Applications",
                info(Notice, None, false),
            ),
            (
                "Guiding Opinions on Speeding Up Green Factories",
                info(GuidingOpinions, None, false),
            ),
            (
                "Work Plan for the Construction of \"Three Hubs\" in the Field of Logistics",
                info(WorkPlan, None, false),
            ),
            (
                "Measures for Cybersecurity Review",
                info(Measures, None, false),
            ),
            (
                "Data Security Law of the People's Republic of China",
                info(Law, None, false),
            ),
            (
                "Catalogue of Encouraged Industries for Foreign Investment",
                info(Catalogue, None, false),
            ),
        ] {
            assert_eq!(classify_en(name), want, "{name}");
        }
        assert_eq!(classify_en("Something about ports").doc_type, None);
        assert_eq!(classify_en("").doc_type, None);
    }

    #[test]
    fn chinese_decides_english_fills_in() {
        let both = doc_info("Action Plan on Robots (Draft)", Some("机器人行动计划"));
        assert_eq!(both, info(DocType::ActionPlan, None, true));
        let en_only = doc_info("Guidelines on Platforms", Some("某某"));
        assert_eq!(en_only.doc_type, Some(DocType::Guidelines));
    }

    #[test]
    fn types_named_in_news() {
        assert_eq!(
            doc_type_in_text("The ministry issues a notice with measures for 5G"),
            Some(DocType::Notice)
        );
        assert_eq!(
            doc_type_in_text(
                "The regulator publishes the final version of its anti-monopoly guidelines"
            ),
            Some(DocType::Guidelines)
        );
        assert_eq!(
            doc_type_in_text("The council issues guiding opinions on recycling"),
            Some(DocType::GuidingOpinions)
        );
        assert_eq!(
            doc_type_in_text("A carmaker terminates its plans to launch a venture"),
            None
        );
        assert_eq!(doc_type_in_text("Create a standard system"), None);
    }

    #[test]
    fn trailing_groups() {
        assert_eq!(
            strip_trailing_groups("规划(2021-2025年)(征求意见稿)"),
            "规划"
        );
        assert_eq!(strip_trailing_groups("(whole)"), "(whole)");
        assert_eq!(strip_trailing_groups("a b) c)"), "a b) c)");
        assert_eq!(strip_trailing_groups(""), "");
    }
}
