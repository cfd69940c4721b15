//! The source group that ends a news entry: "(NEA letter (CN); Reuters article (EN))".

use super::script::{find_either, trailing_group_start};
use super::trim::{trim, trim_end};
use crate::model::{Lang, Source};

/// Splits the trailing source group off `entry`. Returns the text without it and the sources;
/// no sources when the entry does not end in a group that names any.
pub fn split_sources(entry: &str) -> (&str, Vec<Source>) {
    let whole = trim(entry);
    // A final "." or "。" (whose last byte is 0x82) is rare: most entries end with ")".
    let trimmed = if matches!(whole.as_bytes().last(), Some(b'.' | 0x82)) {
        trim_end(whole.trim_end_matches(['.', '。']))
    } else {
        whole
    };
    let Some(open) = trailing_group_start(trimmed) else {
        return (whole, Vec::new());
    };
    let open_len = trimmed[open..].chars().next().map_or(1, char::len_utf8);
    let close_len = trimmed.chars().next_back().map_or(1, char::len_utf8);
    let inner = &trimmed[open + open_len..trimmed.len() - close_len];
    let mut sources = Vec::new();
    let mut from = 0;
    let mut separated = false;
    loop {
        let end = find_either(inner, from, ';', '；');
        let part = trim(&inner[from..end.unwrap_or(inner.len())]);
        if !part.is_empty() {
            sources.push(parse_source(part));
        }
        let Some(end) = end else { break };
        separated = true;
        from = end + inner[end..].chars().next().map_or(1, char::len_utf8);
    }
    let looks_like_sources = separated || sources.iter().any(|s| s.lang.is_some());
    if !looks_like_sources {
        return (whole, Vec::new());
    }
    (trim_end(&trimmed[..open]), sources)
}

/// "Reuters article (EN)" gives title "Reuters article" and English.
fn parse_source(part: &str) -> Source {
    if let Some(open) = trailing_group_start(part) {
        let tag = trim_brackets(&part[open..]);
        if let Some(lang) = lang_of(tag) {
            return Source {
                title: trim(&part[..open]).into(),
                lang: Some(lang),
            };
        }
    }
    Source {
        title: part.into(),
        lang: None,
    }
}

/// `s.trim_matches(['(', ')', '（', '）'])` without the generic pattern search.
fn trim_brackets(mut s: &str) -> &str {
    const BRACKETS: [char; 4] = ['(', ')', '（', '）'];
    while let Some(rest) = BRACKETS.iter().find_map(|&b| s.strip_prefix(b)) {
        s = rest;
    }
    while let Some(rest) = BRACKETS.iter().find_map(|&b| s.strip_suffix(b)) {
        s = rest;
    }
    s
}

/// [`Lang::from_tag`] without its upper-cased copy: tags are short ASCII words, so a
/// comparison that ignores ASCII case is the same test.
fn lang_of(tag: &str) -> Option<Lang> {
    const TAGS: &[(&str, Lang)] = &[
        ("CN", Lang::Chinese),
        ("ZH", Lang::Chinese),
        ("CHN", Lang::Chinese),
        ("CHINESE", Lang::Chinese),
        ("EN", Lang::English),
        ("ENG", Lang::English),
        ("ENGLISH", Lang::English),
        ("DE", Lang::German),
        ("GER", Lang::German),
        ("GERMAN", Lang::German),
    ];
    let tag = trim(tag);
    TAGS.iter()
        .find(|(name, _)| tag.eq_ignore_ascii_case(name))
        .map(|(_, lang)| *lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_sources_with_languages() {
        let (text, sources) =
            split_sources("The NEA circulates a draft (NEA letter (CN); Reuters article (EN))");
        assert_eq!(text, "The NEA circulates a draft");
        assert_eq!(
            sources,
            [
                Source {
                    title: "NEA letter".into(),
                    lang: Some(Lang::Chinese)
                },
                Source {
                    title: "Reuters article".into(),
                    lang: Some(Lang::English)
                },
            ]
        );
    }

    #[test]
    fn a_source_without_language_and_a_final_dot() {
        let (text, sources) = split_sources("Text (Notice (CN); Company statement).");
        assert_eq!(text, "Text");
        assert_eq!(
            sources[1],
            Source {
                title: "Company statement".into(),
                lang: None
            }
        );
    }

    #[test]
    fn language_tags_read_as_the_model_reads_them() {
        for tag in [
            "CN", "cn", " zh ", "Chn", "chinese", "EN", "eNg", "English", "DE", "ger", "GERMAN",
            "", "C", "CNN", "Deutsch", "ＣＮ", "cn.", "中文",
        ] {
            assert_eq!(lang_of(tag), Lang::from_tag(tag), "{tag:?}");
        }
    }

    #[test]
    fn an_ordinary_bracket_is_not_a_source_group() {
        let (text, sources) = split_sources("Opens VPN business (up to 50 percent)");
        assert_eq!(text, "Opens VPN business (up to 50 percent)");
        assert!(sources.is_empty());
    }
}
