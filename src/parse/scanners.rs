//! Small pure functions that recognise one kind of line each.

/// A label that opens a part of a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    AtAGlance,
    Comment,
    PolicyName,
    IssuingBody,
    Date,
}

impl Label {
    /// Footer labels may share a line with further labels; body labels take the rest of it.
    pub fn is_footer(self) -> bool {
        matches!(self, Self::PolicyName | Self::IssuingBody | Self::Date)
    }
}

/// Spellings of each label, without the colon, lower case.
const LABELS: &[(&str, Label)] = &[
    ("at a glance", Label::AtAGlance),
    ("at-a-glance", Label::AtAGlance),
    ("auf einen blick", Label::AtAGlance),
    ("merics comment", Label::Comment),
    ("merics-kommentar", Label::Comment),
    ("merics kommentar", Label::Comment),
    ("comment", Label::Comment),
    ("policy name", Label::PolicyName),
    ("policy names", Label::PolicyName),
    ("policy document", Label::PolicyName),
    ("issuing body", Label::IssuingBody),
    ("issuing bodies", Label::IssuingBody),
    ("issued by", Label::IssuingBody),
    ("date", Label::Date),
    ("policy date", Label::Date),
    ("date issued", Label::Date),
];

/// Reads "Label:" at the start of `s`; returns the label and the text after the colon.
pub fn scan_label(s: &str) -> Option<(Label, &str)> {
    let colon = s.find([':', '：'])?;
    let name = s[..colon].trim();
    if name.len() > 24 {
        return None;
    }
    let name = name.to_lowercase();
    let (_, label) = LABELS.iter().find(|(spelling, _)| *spelling == name)?;
    let after = &s[colon..];
    let colon_len = after.chars().next().map_or(1, char::len_utf8);
    Some((*label, after[colon_len..].trim()))
}

/// Splits a line that starts with a footer label into its labelled parts:
/// "Issuing body: X Date: Y At a glance: Z" gives three parts.
pub fn split_labels(s: &str) -> Vec<(Label, &str)> {
    let mut parts = Vec::new();
    let Some((mut label, mut rest)) = scan_label(s) else {
        return parts;
    };
    loop {
        let next = label.is_footer().then(|| find_inline_label(rest)).flatten();
        match next {
            Some((at, next_label, after)) => {
                parts.push((label, rest[..at].trim()));
                label = next_label;
                rest = after;
            }
            None => {
                parts.push((label, rest.trim()));
                return parts;
            }
        }
    }
}

/// Finds the first " Label:" inside `s` (a label after a space, capitalised).
fn find_inline_label(s: &str) -> Option<(usize, Label, &str)> {
    s.char_indices()
        .filter(|(i, c)| c.is_uppercase() && (*i == 0 || s[..*i].ends_with(char::is_whitespace)))
        .find_map(|(i, _)| {
            let (label, after) = scan_label(&s[i..])?;
            Some((i, label, after))
        })
}

/// Bullet glyphs accepted at the start of a line.
const BULLETS: &[char] = &[
    '•', '-', '*', '·', '▪', '◦', '●', '○', '■', '□', '–', '—', '‣', '⁃', '∙', '►', '▶', '➢', '✓',
    '+',
];

/// Reads a bullet point; returns its text.
pub fn scan_bullet(s: &str) -> Option<&str> {
    let first = s.chars().next()?;
    if BULLETS.contains(&first) {
        let rest = &s[first.len_utf8()..];
        // "-5 percent" or "**bold**" are not bullets; a bullet glyph is followed by a space,
        // except the round ones, which are unambiguous.
        let round = matches!(first, '•' | '·' | '▪' | '◦' | '●' | '∙');
        if rest.starts_with(char::is_whitespace) || (round && !rest.is_empty()) {
            let text = rest.trim();
            return (!text.is_empty()).then_some(text);
        }
    }
    None
}

/// Reads a numbered topic heading "3. Headline" or "3) Headline".
pub fn scan_topic_heading(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &s[digits..];
    let rest = rest.strip_prefix(['.', ')'])?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let headline = rest.trim();
    let starts_well = headline.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_numeric() || "\"“‘'«《".contains(c) || !c.is_ascii()
    });
    if !starts_well || headline.chars().count() < 3 {
        return None;
    }
    Some((s[..digits].parse().ok()?, headline))
}

/// "11 min read", "13 Minuten Lesedauer", "5 minute read".
pub fn scan_reading_minutes(s: &str) -> Option<u32> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let minutes = s[..digits].parse().ok()?;
    let unit = s[digits..].trim().to_lowercase();
    const UNITS: &[&str] = &[
        "min read",
        "min. read",
        "mins read",
        "minute read",
        "minutes read",
        "minutes reading time",
        "min reading time",
        "minuten lesedauer",
        "min. lesedauer",
        "min lesedauer",
        "minuten lesezeit",
        "min. lesezeit",
    ];
    UNITS.contains(&unit.as_str()).then_some(minutes)
}

/// "WORTH NOTING", "Worth noting:".
pub fn is_worth_noting(s: &str) -> bool {
    let s = s.trim_end_matches(':').trim();
    s.eq_ignore_ascii_case("worth noting") || s.eq_ignore_ascii_case("erwähnenswert")
}

/// Which part of "Worth noting" a heading opens.
pub fn scan_news_heading(s: &str) -> Option<crate::model::Section> {
    use crate::model::Section;
    let s = s.trim_end_matches(':').trim().to_lowercase();
    match s.as_str() {
        "policy news" | "policy" | "politik" | "policy updates" => Some(Section::Policy),
        "corporate news" | "corporate" | "company news" | "business news" | "unternehmen" => {
            Some(Section::Corporate)
        }
        _ => None,
    }
}

/// "Author(s)", "Authors:", "Author: Jane Doe"; returns what follows on the line.
pub fn scan_authors(s: &str) -> Option<&str> {
    let lower = s.to_lowercase();
    for label in [
        "author(s)",
        "authors",
        "author",
        "autor(en)",
        "autoren",
        "autorin",
        "autor",
    ] {
        if lower.starts_with(label) {
            let rest = s[label.len()..].trim_start();
            if rest.is_empty() || rest.starts_with([':', '：']) {
                return Some(rest.trim_start_matches([':', '：']).trim());
            }
        }
    }
    None
}

/// Headings that may stand before topic 1: "MERICS' Top 5", "Top 5".
pub fn is_top_heading(s: &str) -> bool {
    let lower = s.to_lowercase();
    let rest = lower
        .strip_prefix("merics’")
        .or_else(|| lower.strip_prefix("merics'"))
        .or_else(|| lower.strip_prefix("merics"))
        .unwrap_or(&lower)
        .trim();
    rest.strip_prefix("top")
        .is_some_and(|n| !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit()))
}

/// Lines a web page leaves in copied text.
pub fn is_boilerplate(s: &str) -> bool {
    const PHRASES: &[&str] = &[
        "share this page",
        "share",
        "share this",
        "print",
        "print this page",
        "advertisement",
        "back to top",
        "read more",
        "tweet",
        "download pdf",
        "download",
        "related content",
        "cookie settings",
        "accept cookies",
        "?",
        "???",
    ];
    let lower = s.trim().trim_end_matches(['.', ':']).to_lowercase();
    PHRASES.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(
            scan_label("At a glance: text"),
            Some((Label::AtAGlance, "text"))
        );
        assert_eq!(scan_label("MERICS comment:"), Some((Label::Comment, "")));
        assert_eq!(
            scan_label("Date: February 5, 2021"),
            Some((Label::Date, "February 5, 2021"))
        );
        assert_eq!(scan_label("Policy name：X"), Some((Label::PolicyName, "X")));
        assert_eq!(scan_label("In 2020: something"), None);
        assert_eq!(scan_label("no colon"), None);
    }

    #[test]
    fn inline_footer_splits() {
        let parts = split_labels(
            "Issuing body: Beijing Municipal Bureau Date: February 18, 2021 At a glance: The plan. Date: stays",
        );
        assert_eq!(
            parts,
            [
                (Label::IssuingBody, "Beijing Municipal Bureau"),
                (Label::Date, "February 18, 2021"),
                (Label::AtAGlance, "The plan. Date: stays"),
            ]
        );
        assert_eq!(
            split_labels("At a glance: a Date: b"),
            [(Label::AtAGlance, "a Date: b")]
        );
    }

    #[test]
    fn bullets() {
        assert_eq!(scan_bullet("• Advance 5G"), Some("Advance 5G"));
        assert_eq!(scan_bullet("•Advance"), Some("Advance"));
        assert_eq!(scan_bullet("- item"), Some("item"));
        assert_eq!(scan_bullet("* item"), Some("item"));
        assert_eq!(scan_bullet("· item"), Some("item"));
        assert_eq!(scan_bullet("-5 percent"), None);
        assert_eq!(scan_bullet("Text"), None);
        assert_eq!(scan_bullet("•"), None);
    }

    #[test]
    fn topic_headings() {
        assert_eq!(
            scan_topic_heading("1. MIIT accelerates"),
            Some((1, "MIIT accelerates"))
        );
        assert_eq!(scan_topic_heading("12) “Quoted”"), Some((12, "“Quoted”")));
        assert_eq!(scan_topic_heading("2021. A year"), None);
        assert_eq!(scan_topic_heading("1.5 percent"), None);
        assert_eq!(scan_topic_heading("3. by lower case"), None);
    }

    #[test]
    fn header_lines() {
        assert_eq!(scan_reading_minutes("11 min read"), Some(11));
        assert_eq!(scan_reading_minutes("13 Minuten Lesedauer"), Some(13));
        assert_eq!(scan_reading_minutes("11 minutes"), None);
        assert!(is_top_heading("MERICS' Top 5"));
        assert!(is_top_heading("MERICS’ Top 5"));
        assert!(!is_top_heading("Top priorities"));
        assert!(is_worth_noting("WORTH NOTING"));
        assert_eq!(scan_authors("Author(s)"), Some(""));
        assert_eq!(scan_authors("Authors: A, B"), Some("A, B"));
        assert_eq!(scan_authors("Authority grows"), None);
    }
}
