//! Small pure functions that recognise one kind of line each.

use super::trim::{trim, trim_start};

/// A label that opens a part of a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// "At a glance:", and a China Essentials story's "The facts:".
    AtAGlance,
    /// "MERICS comment:", and a China Essentials story's "MERICS analysis:".
    Comment,
    /// "What to watch:" (China Essentials).
    Watch,
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
    ("merics analysis", Label::Comment),
    ("merics-analyse", Label::Comment),
    ("merics analyse", Label::Comment),
    ("the facts", Label::AtAGlance),
    ("die fakten", Label::AtAGlance),
    ("what to watch", Label::Watch),
    ("what to watch for", Label::Watch),
    ("worauf zu achten ist", Label::Watch),
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
    // "✔At a glance:": a check mark some pages put before the label.
    let s = s.trim_start_matches(['✔', '✓', '☑', '✅', '\u{fe0f}']);
    let (name, colon) = label_name(s)?;
    let label = lowercase_find(name, LABELS)?;
    let after = &s[colon..];
    let colon_len = after.chars().next().map_or(1, char::len_utf8);
    Some((*label, trim(&after[colon_len..])))
}

/// The longest label name, in bytes.
const MAX_LABEL: usize = 24;

/// The labels' names, lower case, for recognising a label cut off at the end of a saved
/// excerpt ("MERI", "At a gl").
pub fn is_label_prefix(s: &str) -> bool {
    // Most lines asked are paragraphs: far longer than any label, rejected unread.
    let s = trim(s);
    if s.len() > MAX_LABEL || s.len() < 3 {
        return false;
    }
    let lower = s.to_lowercase();
    lower.len() >= 3 && LABELS.iter().any(|(name, _)| name.starts_with(&lower))
}

/// Whether a name starting with these two bytes may be a label: every label starts with one
/// of these pairs of ASCII letters, in any case. No other character lower-cases to a text
/// that starts a label (the Kelvin sign gives "k", the dotted capital I "i" and a combining
/// dot), so most lines are rejected here, exactly.
fn could_start_label(two: [u8; 2]) -> bool {
    matches!(
        two.map(|b| b.to_ascii_lowercase()),
        [b'a', b't' | b'u']
            | [b'm', b'e']
            | [b't', b'h']
            | [b'w', b'h' | b'o']
            | [b'd', b'i']
            | [b'c', b'o']
            | [b'p', b'o']
            | [b'i', b's']
            | [b'd', b'a']
    )
}

/// The text before the first colon of `s`, trimmed, if it is at most [`MAX_LABEL`] bytes
/// long, and the colon's byte index. Stops reading once the name is too long, so a paragraph
/// costs no more than its first words.
fn label_name(s: &str) -> Option<(&str, usize)> {
    let lead = s.len() - trim_start(s).len();
    let bytes = s.as_bytes();
    if !bytes
        .get(lead..lead + 2)
        .is_some_and(|two| could_start_label([two[0], two[1]]))
    {
        return None;
    }
    // The end of the last non-space character seen.
    let mut name_end = lead;
    let mut i = lead;
    while i < bytes.len() {
        let b = bytes[i];
        let (is_colon, is_space, len) = if b > b' ' && b < 0x80 {
            (b == b':', false, 1)
        } else if b <= b' ' {
            (
                false,
                matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
                1,
            )
        } else {
            let c = s[i..].chars().next()?;
            (c == '：', c.is_whitespace(), c.len_utf8())
        };
        if is_colon {
            return Some((&s[lead..name_end], i));
        }
        i += len;
        if !is_space {
            name_end = i;
            if name_end - lead > MAX_LABEL {
                return None;
            }
        }
    }
    None
}

/// Calls `f` with the bytes of `s` lower-cased, unless `s` has more than `max_chars`
/// characters: lower case never has fewer characters than the text, so such text cannot
/// equal a phrase of at most `max_chars` characters. Short ASCII text is lower-cased on the
/// stack, and long lines are rejected before anything is lower-cased.
pub(crate) fn with_lowercase<R>(
    s: &str,
    max_chars: impl FnOnce() -> usize,
    f: impl FnOnce(&[u8]) -> Option<R>,
) -> Option<R> {
    const STACK: usize = 32;
    if s.len() <= STACK && s.is_ascii() {
        // Lower-cased as it is copied: one pass, and no call to copy a few bytes.
        let mut buf = [0u8; STACK];
        for (to, from) in buf.iter_mut().zip(s.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        return f(&buf[..s.len()]);
    }
    // A character is at most four bytes: a longer text has too many characters, and is
    // rejected without reading it (news entries and paragraphs are looked up here too).
    let max_chars = max_chars();
    if s.len() > 4 * max_chars || s.chars().nth(max_chars).is_some() {
        return None;
    }
    f(s.to_lowercase().as_bytes())
}

/// The entry of `table` whose key equals `s` lower-cased (keys are lower case).
pub(crate) fn lowercase_find<'t, T>(s: &str, table: &'t [(&str, T)]) -> Option<&'t T> {
    // Key lengths in bytes bound their lengths in characters.
    let longest = || table.iter().map(|(key, _)| key.len()).max().unwrap_or(0);
    with_lowercase(s, longest, |lower| {
        table
            .iter()
            .find(|(key, _)| key.as_bytes() == lower)
            .map(|(_, value)| value)
    })
}

/// Splits a line that starts with a footer label into its labelled parts:
/// "Issuing body: X Date: Y At a glance: Z" gives three parts.
#[cfg(test)]
pub fn split_labels(s: &str) -> Vec<(Label, &str)> {
    scan_label(s).map_or_else(Vec::new, |first| label_parts(first).collect())
}

/// The labelled parts of a line, given its first label and the text after it (as
/// [`scan_label`] reads them): a footer label's text ends where the next label starts.
pub fn label_parts((label, rest): (Label, &str)) -> impl Iterator<Item = (Label, &str)> {
    let mut next = Some((label, rest));
    std::iter::from_fn(move || {
        let (label, rest) = next.take()?;
        match label.is_footer().then(|| find_inline_label(rest)).flatten() {
            Some((at, next_label, after)) => {
                next = Some((next_label, after));
                Some((label, trim(&rest[..at])))
            }
            None => Some((label, trim(rest))),
        }
    })
}

/// Finds the first " Label:" inside `s` (a label after a space, capitalised).
///
/// A capital that can start a label is one of six ASCII letters, so the search is a byte
/// scan; only at those letters is the character before them decoded.
fn find_inline_label(s: &str) -> Option<(usize, Label, &str)> {
    // Every label ends with ":" or "：" (bytes EF BC 9A): a text without either holds none,
    // and most footer values (policy names, bodies, dates) have no colon.
    let bytes = s.as_bytes();
    let has_colon = memchr::memchr2_iter(b':', 0x9a, bytes)
        .any(|i| bytes[i] == b':' || bytes[..i].ends_with(&[0xef, 0xbc]));
    if !has_colon {
        return None;
    }
    s.bytes()
        .enumerate()
        .filter(|(_, b)| matches!(b, b'A' | b'M' | b'C' | b'P' | b'I' | b'D' | b'T' | b'W'))
        .filter(|(i, _)| s[..*i].chars().next_back().is_none_or(char::is_whitespace))
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
            let text = trim(rest);
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
    // Every line is asked: most start with an ASCII letter that neither phrase starts with
    // (ASCII-case-insensitive equality needs the same first letter).
    if s.as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_graphic() && !matches!(b.to_ascii_lowercase(), b'w' | b'e'))
    {
        return false;
    }
    let s = trim(s.trim_end_matches(':'));
    s.eq_ignore_ascii_case("worth noting") || s.eq_ignore_ascii_case("erwähnenswert")
}

/// Which part of "Worth noting" a heading opens.
pub fn scan_news_heading(s: &str) -> Option<crate::model::Section> {
    use crate::model::Section;
    const HEADINGS: &[(&str, Section)] = &[
        ("policy news", Section::Policy),
        ("policy", Section::Policy),
        ("politik", Section::Policy),
        ("policy updates", Section::Policy),
        ("corporate news", Section::Corporate),
        ("corporate", Section::Corporate),
        ("company news", Section::Corporate),
        ("business news", Section::Corporate),
        ("unternehmen", Section::Corporate),
    ];
    let s = trim(s.trim_end_matches(':'));
    // Every heading starts with one of these ASCII letters, in any case, and no other
    // character lower-cases to one of them: most lines (news entries) end here.
    if !s
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'p' | b'c' | b'b' | b'u'))
    {
        return None;
    }
    lowercase_find(s, HEADINGS).copied()
}

/// "Author(s)", "Authors:", "Author: Jane Doe"; returns what follows on the line.
pub fn scan_authors(s: &str) -> Option<&str> {
    // No character but ASCII lower-cases to these ASCII labels (the Kelvin sign, the one
    // other way to an ASCII letter, gives a "k"), so comparing the first bytes is exact.
    for label in [
        "author(s)",
        "authors",
        "author",
        "autor(en)",
        "autoren",
        "autorin",
        "autor",
    ] {
        if s.get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label))
        {
            let rest = s[label.len()..].trim_start();
            if rest.is_empty() || rest.starts_with([':', '：']) {
                return Some(rest.trim_start_matches([':', '：']).trim());
            }
        }
    }
    None
}

/// Headings that may stand before topic 1: "MERICS' Top 5", "MERICS TOP 5", "Merics Top 5",
/// "Top 5".
pub fn is_top_heading(s: &str) -> bool {
    if s.len() > 24 {
        return false;
    }
    let lower = s.trim_end_matches(':').to_lowercase();
    let rest = lower
        .strip_prefix("merics’s")
        .or_else(|| lower.strip_prefix("merics's"))
        .or_else(|| lower.strip_prefix("merics’"))
        .or_else(|| lower.strip_prefix("merics'"))
        .or_else(|| lower.strip_prefix("merics"))
        .unwrap_or(&lower)
        .trim();
    rest.strip_prefix("top")
        .is_some_and(|n| !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit()))
}

/// A China Essentials story heading: "Top story", "TOP STORY", "Top story:"; returns the
/// headline when it shares the line ("TOP STORY: Xi visits Europe").
pub fn scan_story_heading(s: &str) -> Option<&str> {
    // "Analysis" alone: the lead story of MERICS Europe China 360°.
    if s.eq_ignore_ascii_case("analysis") || s.eq_ignore_ascii_case("analyse") {
        return Some("");
    }
    let head = s.get(..9)?;
    if !head.eq_ignore_ascii_case("top story") {
        return None;
    }
    let rest = &s[9..];
    let rest = trim(
        rest.strip_prefix([':', '：', '-', '–', '—'])
            .unwrap_or(rest),
    );
    (rest.is_empty() || s[9..].starts_with([':', '：', ' '])).then_some(rest)
}

/// A sentence that introduces a contents list: "In this issue of the MERICS China
/// Industries, we cover the following topics:", "In the latest issue of MERICS China
/// Industries, Jane Doe and John Roe look at the following topics:", "In today's issue of
/// our MERICS China Essentials, we look at the following topics:". Returns the names it
/// gives (the authors), if any.
pub fn scan_contents_intro(s: &str) -> Option<Vec<String>> {
    if !s.ends_with([':', '：']) || s.len() > 400 {
        return None;
    }
    let lower = s.to_lowercase();
    let opens = [
        "in this issue",
        "in the latest issue",
        "in today",
        "in this edition",
        "in this month",
        "in our latest issue",
        "this issue",
        "in dieser ausgabe",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    let lists = [
        "following topics",
        "following issues",
        "topics:",
        "following:",
        "folgende themen",
        "folgenden themen",
    ]
    .iter()
    .any(|p| lower.contains(p));
    if !(opens && lists) {
        return None;
    }
    // The names stand between the first comma and the verb: "…, Jane Doe and John Roe look at".
    let mut names = Vec::new();
    if let Some(comma) = s.find(", ") {
        let after = &s[comma + 2..];
        let verbs = [
            " look at",
            " looks at",
            " cover",
            " covers",
            " examine",
            " analyze",
            " analyse",
            " discuss",
            " take a look",
            " review",
            " focus on",
        ];
        if let Some(end) = verbs.iter().filter_map(|v| after.find(v)).min() {
            let who = &after[..end];
            let is_us = matches!(
                who.to_lowercase().as_str(),
                "we" | "our analysts" | "our experts" | "the team" | "our team"
            );
            if !is_us {
                names = split_names(who);
            }
        }
    }
    Some(names)
}

/// The parts of a list of names: "Jane Doe, John Roe and Kim Poe" (also with ";", "、", "&").
pub fn name_parts(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', ';', '、'])
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .map(|n| trim(n).trim_start_matches("and ").trim())
        .filter(|n| !n.is_empty())
}

/// "Jane Doe, John Roe and Kim Poe" gives the three names; anything that does not look like
/// a list of names gives none.
pub fn split_names(s: &str) -> Vec<String> {
    let names: Vec<String> = name_parts(s).map(str::to_owned).collect();
    let name_like = |n: &String| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (1..=5).contains(&words.len())
            && words
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    if names.iter().all(name_like) {
        names
    } else {
        Vec::new()
    }
}

/// "By Jane Doe and John Roe" (a byline), giving the names.
pub fn scan_byline(s: &str) -> Option<Vec<String>> {
    let rest = s.strip_prefix("By ").or_else(|| s.strip_prefix("by "))?;
    if rest.len() > 160 || rest.ends_with(['.', '!', '?', ':']) {
        return None;
    }
    let names = split_names(rest);
    (!names.is_empty()).then_some(names)
}

/// A line of the notice a page puts before a free excerpt: "Subscribe to read the whole
/// brief", "This is a free excerpt", "Members have access to the full text".
pub fn is_subscription_notice(s: &str) -> bool {
    if s.len() > 400 {
        return false;
    }
    let lower = s.to_lowercase();
    [
        "subscribe",
        "subscription",
        "subscriber",
        "free excerpt",
        "an excerpt",
        "this excerpt",
        "full version",
        "full text",
        "full brief",
        "full issue",
        "full access",
        "have access",
        "log in",
        "login",
        "sign up",
        "abonnement",
        "abonnieren",
        "newsletter",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// Lines a mirror of a brief adds around it: "Mercator Institute for China Studies
/// (MERICS)", "Getting China right.", "Download (pdf - 518.95 KB)", "Content".
pub fn is_mirror_chrome(s: &str) -> bool {
    let t = trim(s).trim_end_matches(['.', ':', '?']);
    let lower = t.to_lowercase();
    matches!(
        lower.as_str(),
        "mercator institute for china studies (merics)"
            | "mercator institute for china studies"
            | "getting china right"
            | "content"
            | "inhalt"
            | "merics"
            | "newsletter"
            | "report"
            | "tracker"
            | "press release"
            | "pressemitteilung"
            | "kommentar"
            | "read more"
    ) || lower.starts_with("download (pdf")
}

/// Lines a web page leaves in copied text.
pub fn is_boilerplate(s: &str) -> bool {
    const PHRASES: &[(&str, ())] = &[
        ("share this page", ()),
        ("share", ()),
        ("share this", ()),
        ("print", ()),
        ("print this page", ()),
        ("advertisement", ()),
        ("back to top", ()),
        ("read more", ()),
        ("tweet", ()),
        ("download pdf", ()),
        ("download", ()),
        ("related content", ()),
        ("cookie settings", ()),
        ("accept cookies", ()),
        ("?", ()),
        ("???", ()),
    ];
    let s = trim(s).trim_end_matches(['.', ':']);
    lowercase_find(s, PHRASES).is_some()
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
    fn every_label_passes_the_quick_test() {
        for (spelling, _) in LABELS {
            let b = spelling.as_bytes();
            assert!(could_start_label([b[0], b[1]]), "{spelling}");
            assert!(
                could_start_label([b[0].to_ascii_uppercase(), b[1]]),
                "{spelling}"
            );
        }
        assert!(!could_start_label(*b"Ch"));
        assert_eq!(scan_label("MERICS Comment: x"), Some((Label::Comment, "x")));
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
