//! The lines before topic 1: caption, publisher and series lines, reading time, title,
//! and whatever an issue puts before its first topic (a "Top 5" heading, a contents list, a
//! subscription notice).
//!
//! Real pages order these in many ways (see `tests/fixtures/briefs/layouts/`): any of the
//! caption, publisher, series and reading time may be missing, several may share one line
//! ("MERICS Briefs MERICS China Industries 11 min read"), a repost may open with
//! "date 2021-10-10 MERICS China Industries:", and a compact rendering starts with the title.
//! What decides is the kind of each line, not its position alone: a heading, a contents
//! entry or an introduction sentence is never the title, and only a short name is a series.

use super::dates::{find_month_year, parse_full_date};
use super::lines::Line;
use super::scanners::{
    is_boilerplate, is_mirror_chrome, is_subscription_notice, is_top_heading, scan_bullet,
    scan_byline, scan_contents_intro, scan_label, scan_reading_minutes, scan_story_heading,
    scan_topic_heading,
};
use super::trim::trim;
use crate::model::Period;

/// What the header told us.
#[derive(Debug, Default)]
pub struct Header {
    pub title: Option<String>,
    pub series: Option<String>,
    pub publisher: Option<String>,
    pub caption: Option<String>,
    pub reading_minutes: Option<u32>,
    /// The month a title such as "… Briefing - October 2020" names.
    pub period_hint: Option<Period>,
    /// The month of a repost's "date 2021-10-10" line: weaker than the title's month.
    pub dated_hint: Option<Period>,
    /// Free lines after the title, each with its line number: notes, or an unnumbered first
    /// topic's headline.
    pub rest: Vec<(usize, String)>,
    /// Names a contents introduction or a byline gives.
    pub authors: Vec<String>,
    /// Web page leftovers ("Share this page", "???"), each with its line number.
    pub stray: Vec<(usize, String)>,
    /// Lines whose text was not all kept, each with its line number and why.
    pub dropped: Vec<(usize, String)>,
    /// The line the series was read from.
    series_line: Option<usize>,
    /// The line the publisher was read from.
    publisher_line: Option<usize>,
}

/// A contents list before topic 1: the lines it spans and its entries.
#[derive(Debug, Default, Clone)]
pub struct Contents {
    /// Line indices (into the brief's lines) of the list, its introduction included.
    pub range: std::ops::Range<usize>,
    /// The entries, without numbers or bullets.
    pub items: Vec<String>,
    /// Names the introduction gives ("In the latest issue …, Jane Doe looks at …").
    pub authors: Vec<String>,
}

#[derive(Debug, PartialEq)]
enum Kind {
    Marker,
    Free,
    Skip,
    Stray,
}

/// Reads the header lines. Lines inside `contents` are the contents list, read already.
pub fn parse_header(lines: &[Line<'_>], contents: Option<&Contents>) -> Header {
    let mut header = Header::default();
    let mut classified: Vec<(usize, String, Kind)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if line.is_blank() || contents.is_some_and(|c| c.range.contains(&index)) {
            continue;
        }
        for piece in split_inline(&line.text) {
            let kind = classify(line.no, piece, &mut header);
            if kind == Kind::Stray {
                header.stray.push((line.no, piece.to_owned()));
            } else {
                classified.push((line.no, piece.to_owned(), kind));
            }
        }
    }
    if let Some(contents) = contents {
        header.authors.extend(contents.authors.iter().cloned());
    }
    let last_marker = classified.iter().rposition(|(_, _, k)| *k == Kind::Marker);
    let first_marker = classified.iter().position(|(_, _, k)| *k == Kind::Marker);
    let mut before: Vec<(usize, String)> = Vec::new();
    for (index, (no, text, kind)) in classified.into_iter().enumerate() {
        if kind != Kind::Free {
            continue;
        }
        let before_markers = first_marker.is_some_and(|m| index < m);
        let after_markers = last_marker.is_none_or(|m| index > m);
        if before_markers || (!after_markers && header.title.is_none()) {
            before.push((no, text));
        } else if header.title.is_none() && !is_notice_or_heading(&text) {
            header.title = Some(text);
        } else {
            header.rest.push((no, text));
        }
    }
    place_lines_before_markers(&mut header, before);
    if header.publisher.is_none()
        && header
            .series
            .as_deref()
            .is_some_and(|s| s.starts_with("MERICS"))
    {
        header.publisher = Some("MERICS".to_owned());
    }
    header
}

/// The free lines above the publisher, series and reading-time lines: the caption, except
/// that a title ("A + B + C") there is the title when none follows the markers (a repost that
/// names the series under its title).
fn place_lines_before_markers(header: &mut Header, before: Vec<(usize, String)>) {
    for (no, text) in before {
        if header.title.is_none() && (is_plus_title(&text) || header.caption.is_some()) {
            header.title = Some(text);
        } else if header.caption.is_none() {
            header.caption = Some(text);
        } else {
            header.rest.push((no, text));
        }
    }
    // A caption that is really the title: nothing followed the markers but notes.
    if header.title.is_none()
        && let Some(caption) = header.caption.take_if(|c| is_plus_title(c))
    {
        header.title = Some(caption);
    }
}

/// A subscription notice or a heading is not a title, though it may be a note.
fn is_notice_or_heading(text: &str) -> bool {
    is_subscription_notice(text) || scan_byline(text).is_some()
}

/// A title of topics joined with " + ": "Chips + Batteries + “Two Zones”".
pub fn is_plus_title(text: &str) -> bool {
    let parts: Vec<&str> = text.split(" + ").collect();
    parts.len() >= 2
        && text.len() <= 240
        && !text.ends_with(['.', ':', '?', '!'])
        && parts
            .iter()
            .all(|p| !p.trim().is_empty() && p.split_whitespace().count() <= 10)
}

/// Splits a line that carries several header items ("MERICS Briefs MERICS China Industries
/// 11 min read", as a saved page's inline elements give it) into them. Other lines come back
/// whole.
fn split_inline(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = trim(text);
    // A repost's "date 2021-10-10 MERICS China Industries:".
    if let Some((date, after)) = split_repost_date(rest) {
        pieces.push(date);
        rest = after;
    }
    // "A crane at dusk MERICS Briefs MERICS China Industries 11 min read": the caption too.
    if let Some(at) = rest.find(" MERICS Briefs ")
        && split_inline(&rest[at + 1..]).len() > 1
    {
        pieces.push(trim(&rest[..at]));
        rest = trim(&rest[at + 1..]);
    }
    for publisher in ["MERICS Briefs ", "MERICS Brief "] {
        if let Some(after) = rest.strip_prefix(publisher)
            && !after.is_empty()
            && (scan_series(trim(after)).is_some()
                || reading_time_suffix(trim(after))
                    .is_some_and(|(head, _)| head.is_empty() || scan_series(head).is_some()))
        {
            pieces.push(trim(&rest[..publisher.len()]));
            rest = trim(after);
        }
    }
    if let Some((head, minutes)) = reading_time_suffix(rest)
        && !head.is_empty()
        && scan_series(head).is_some()
    {
        pieces.push(head);
        pieces.push(minutes);
        return pieces;
    }
    if !rest.is_empty() {
        pieces.push(rest);
    }
    pieces
}

/// "date 2021-10-10 MERICS China Industries:" gives "date 2021-10-10" and the rest.
fn split_repost_date(text: &str) -> Option<(&str, &str)> {
    let lower_start = text.get(..5)?;
    if !lower_start.eq_ignore_ascii_case("date ") && !lower_start.eq_ignore_ascii_case("date:") {
        return None;
    }
    let after = trim(&text[5..]);
    let date_len = after.find(char::is_whitespace).unwrap_or(after.len());
    parse_full_date(&after[..date_len])?;
    let end = text.len() - after.len() + date_len;
    Some((trim(&text[..end]), trim(&text[end..])))
}

/// "… 11 min read" at the end of a line: the text before it and the reading time.
fn reading_time_suffix(text: &str) -> Option<(&str, &str)> {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    words
        .iter()
        .find(|(at, word)| {
            word.bytes().all(|b| b.is_ascii_digit()) && scan_reading_minutes(&text[*at..]).is_some()
        })
        .map(|(at, _)| (trim(&text[..*at]), &text[*at..]))
}

fn classify(no: usize, text: &str, header: &mut Header) -> Kind {
    if let Some(minutes) = scan_reading_minutes(text) {
        header.reading_minutes = Some(minutes);
        return Kind::Marker;
    }
    if split_repost_date(text).is_some_and(|(_, after)| after.is_empty()) {
        header.dated_hint = parse_full_date(trim(&text[5..])).map(Period::of);
        return Kind::Marker;
    }
    if let Some(publisher) = scan_publisher(text) {
        header.publisher = Some(publisher.to_owned());
        header.publisher_line = Some(no);
        return Kind::Marker;
    }
    if is_top_heading(text)
        || is_contents_label(text)
        || is_mirror_chrome(text)
        || scan_story_heading(text).is_some_and(str::is_empty)
    {
        return Kind::Skip;
    }
    if let Some(names) = scan_contents_intro(text) {
        header.authors.extend(names);
        if header.series.is_none() {
            header.series = series_named_in(text).map(str::to_owned);
        }
        return Kind::Skip;
    }
    if let Some(names) = scan_byline(text).or_else(|| scan_name_list(text)) {
        header.authors.extend(names);
        return Kind::Skip;
    }
    if let Some(series) = scan_series(text) {
        let mut whole_kept = series == text.trim_end_matches([':', '：']);
        if let Some(period) = find_month_year(text) {
            // "MERICS China Industries Briefing - October 2020" is a monthly title.
            header.period_hint = Some(period);
            if header.title.is_none() {
                header.title = Some(text.to_owned());
                whole_kept = true;
            }
        }
        if !whole_kept {
            header.dropped.push((
                no,
                format!("only the series name {series:?} was kept of {text:?}"),
            ));
        }
        // A series under "MERICS Briefs" is the page's own; one above it, a mirror's
        // navigation link ("MERICS China Digest").
        let under_publisher = header
            .publisher_line
            .is_some_and(|p| header.series_line.is_some_and(|earlier| earlier < p) && p < no);
        if let Some(earlier) = header.series_line.replace(no)
            && header.series.as_deref() != Some(series)
            && !under_publisher
        {
            header.dropped.push((
                earlier,
                format!(
                    "the series {:?} was replaced by a later one",
                    header.series.as_deref().unwrap_or_default()
                ),
            ));
        }
        header.series = Some(series.to_owned());
        return Kind::Marker;
    }
    if is_boilerplate(text) {
        return Kind::Stray;
    }
    Kind::Free
}

/// "MERICS Briefs" gives "MERICS"; "Mercator Institute for China Studies (MERICS)" too.
fn scan_publisher(text: &str) -> Option<&str> {
    let stem = text
        .strip_suffix(" Briefs")
        .or_else(|| text.strip_suffix(" Brief"))
        .unwrap_or(text);
    match stem {
        "MERICS" => Some("MERICS"),
        "Mercator Institute for China Studies"
        | "Mercator Institute for China Studies (MERICS)" => Some("MERICS"),
        _ => None,
    }
}

/// Words that follow "MERICS" in lines that are not a series: headings and labels.
const NOT_SERIES: &[&str] = &[
    "top",
    "briefs",
    "brief",
    "comment",
    "comment:",
    "analysis",
    "analysis:",
    "kommentar",
    "analyse",
    "team",
    "experts",
    "is",
    "has",
    "and",
    "says",
    "analysts",
];

/// A series line: "MERICS China Industries", "MERICS China Essentials:", or a monthly title
/// "MERICS China Industries Briefing - October 2020" (the series is what comes before
/// "Briefing" or the dash). A sentence, a heading ("MERICS TOP 5") or an image file name
/// that contains the series ("merics_china_industries_2021.jpg") is not a series.
fn scan_series(text: &str) -> Option<&str> {
    let text = text.trim_end_matches([':', '：']).trim_end();
    if text.ends_with(['.', '?', '!', ',']) || text.contains('_') || looks_like_file(text) {
        return None;
    }
    let cut = [" Briefing", " - ", " – ", " — ", ": ", " | "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()
        .unwrap_or(text.len());
    let name = text[..cut].trim();
    let mut words = name.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    let is_brand = matches!(first, "MERICS" | "Merics");
    // "China Industries" without the brand; a tracker's "China Security and Risk Tracker".
    let named_china = !is_brand
        && first == "China"
        && (matches!(rest.first(), Some(&"Industries" | &"Essentials"))
            || rest.last() == Some(&"Tracker"));
    if !(is_brand || named_china) || rest.is_empty() || rest.len() > 6 {
        return None;
    }
    if is_brand && NOT_SERIES.contains(&rest[0].to_lowercase().as_str()) {
        return None;
    }
    // Each word a name: capitalised, a joining word ("Security and Risk"), or a number with
    // a degree sign ("360°").
    let is_name = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(*w, "and" | "of" | "&")
            || (w.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.ends_with('°'))
    };
    let capitalised = rest
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if !rest.iter().all(is_name)
        || capitalised == 0
        || (rest.len() > 4 && capitalised < rest.len() - 1)
    {
        return None;
    }
    // The rest of a line after the series: a monthly title's date, or nothing at all.
    let after = text[cut..].trim();
    let after_ok = after.is_empty()
        || find_month_year(after).is_some()
        || after.split_whitespace().count() <= 4;
    after_ok.then_some(name)
}

/// The series an introduction sentence names: "In today's issue of our MERICS China
/// Essentials, we look at …" gives "MERICS China Essentials".
fn series_named_in(text: &str) -> Option<&str> {
    let start = text.find("MERICS ")?;
    let after = &text[start..];
    let end = after.find([',', ':', ';']).unwrap_or(after.len());
    let candidate = after[..end].trim();
    let words: Vec<&str> = candidate.split_whitespace().collect();
    // "MERICS China Essentials" or "MERICS China Industries Brief".
    let keep = words
        .iter()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count()
        .min(3);
    (keep >= 2).then(|| {
        let last = words[keep - 1];
        let end = last.as_ptr() as usize - candidate.as_ptr() as usize + last.len();
        &candidate[..end]
    })
}

/// A line that marks a MERICS brief: its series, its publisher, or a title of topics
/// joined with " + " of three parts or more.
pub fn is_brand_line(text: &str) -> bool {
    let text = trim(text);
    scan_series(text).is_some()
        || scan_publisher(text).is_some()
        || split_inline(text).len() > 1
        || (is_plus_title(text) && text.split(" + ").count() >= 3)
}

/// A header item rather than running text: a marker, heading, introduction or notice.
pub fn is_front_matter(text: &str) -> bool {
    scan_contents_intro(text).is_some()
        || is_subscription_notice(text)
        || is_mirror_chrome(text)
        || scan_series(text).is_some()
        || is_plus_title(text)
}

/// A contents entry or headline without the label an issue puts before some entries:
/// "TOP STORY: Xi goes to Paris" gives "Xi goes to Paris".
pub fn strip_entry_label(text: &str) -> &str {
    if let Some(rest) = scan_story_heading(text) {
        return rest;
    }
    for label in [
        "REVIEW:",
        "PROFILE:",
        "Review:",
        "Profile:",
        "METRIX:",
        "ANALYSIS:",
    ] {
        if let Some(rest) = text.strip_prefix(label) {
            return trim(rest);
        }
    }
    text
}

/// An author line without "By": "Jane Example, Tom Sample" (two names or more, each of two
/// to four capitalised words).
fn scan_name_list(text: &str) -> Option<Vec<String>> {
    if !text.contains(", ") || text.len() > 160 || text.ends_with(['.', ':', '?', '!']) {
        return None;
    }
    let names: Vec<&str> = text.split(", ").map(str::trim).collect();
    let is_name = |n: &&str| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            })
    };
    (names.len() >= 2 && names.iter().all(is_name))
        .then(|| names.into_iter().map(str::to_owned).collect())
}

/// "image_2021.jpg", "IMG-3320.png".
fn looks_like_file(text: &str) -> bool {
    let lower = text.to_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff"]
        .iter()
        .any(|ext| lower.ends_with(ext))
        || (!text.contains(' ') && text.chars().any(|c| c.is_ascii_digit()) && text.len() > 8)
}

/// "In this issue:", "Contents", "Topics".
pub fn is_contents_label(text: &str) -> bool {
    // Every line before the first label is asked: the labels are short.
    if text.len() > 24 {
        return false;
    }
    let lower = text.trim_end_matches([':', '：']).trim().to_lowercase();
    matches!(
        lower.as_str(),
        "in this issue"
            | "contents"
            | "content"
            | "topics"
            | "in this edition"
            | "in dieser ausgabe"
            | "inhalt"
            | "themen"
    )
}

/// Finds the contents list among the lines before the first label (`lines` ends there): the
/// entries after an introduction ("In this issue …:", "Content") or a "Top 5" heading,
/// numbered "1." on, bulleted, or (after "Content") plain lines. A single numbered line is a
/// topic's heading, not a list.
pub fn find_contents(lines: &[Line<'_>]) -> Option<Contents> {
    let mut search_from = 0;
    loop {
        let start = search_from
            + lines[search_from..].iter().position(|l| {
                let t = &*l.text;
                is_top_heading(t) || is_contents_label(t) || scan_contents_intro(t).is_some()
            })?;
        if let Some(found) = contents_from(lines, start) {
            return Some(found);
        }
        search_from = start + 1;
    }
}

fn contents_from(lines: &[Line<'_>], start: usize) -> Option<Contents> {
    let intro = &*lines[start].text;
    let authors = scan_contents_intro(intro).unwrap_or_default();
    let plain_allowed = is_contents_label(intro) || scan_contents_intro(intro).is_some();
    let mut items: Vec<String> = Vec::new();
    let mut numbered = 0u32;
    let mut end = start + 1;
    let mut i = start + 1;
    let mut plain_run = false;
    while i < lines.len() {
        let line = &lines[i];
        let text = &*line.text;
        if line.is_blank() {
            if plain_run {
                break;
            }
            i += 1;
            continue;
        }
        if items.is_empty() && (is_top_heading(text) || is_contents_label(text)) {
            // "MERICS Top 5" over "In this issue:": the list follows the second.
            i += 1;
            end = i;
            continue;
        }
        if let Some((n, headline)) = scan_contents_number(text) {
            if n != numbered + 1 || plain_run || (numbered == 0 && !items.is_empty()) {
                break;
            }
            numbered = n;
            items.push(headline.to_owned());
        } else if let Some(entry) = scan_bullet(text).filter(|_| numbered == 0) {
            items.push(entry.to_owned());
        } else if plain_allowed
            && numbered == 0
            && is_plain_entry(text)
            && (plain_run || items.is_empty())
        {
            plain_run = true;
            items.push(text.to_owned());
        } else {
            break;
        }
        i += 1;
        end = i;
    }
    // One numbered line followed by its text is topic 1's heading: no list.
    if numbered == 1 {
        return None;
    }
    if items.is_empty() && scan_contents_intro(intro).is_none() && !is_contents_label(intro) {
        return None;
    }
    Some(Contents {
        range: start..end,
        items,
        authors,
    })
}

/// "1. Headline", "  1.  Headline", "1) Headline"; a lower-case start is allowed here.
fn scan_contents_number(text: &str) -> Option<(u32, &str)> {
    if let Some(found) = scan_topic_heading(text) {
        return Some(found);
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = text[digits..].strip_prefix(['.', ')'])?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let headline = trim(rest);
    (headline.chars().count() >= 3).then(|| Some((text[..digits].parse().ok()?, headline)))?
}

/// A plain line that can be a contents entry: a short headline, not a label, marker or
/// sentence.
fn is_plain_entry(text: &str) -> bool {
    text.len() <= 200
        && !text.ends_with(['.', ':'])
        && scan_label(text).is_none()
        && scan_publisher(text).is_none()
        && scan_series(text).is_none()
        && !is_mirror_chrome(text)
        && scan_story_heading(text).is_none()
        && scan_reading_minutes(text).is_none()
}

/// A header line that lists a topic: "• Medical equipment industry gets a boost" or
/// "2. Medical equipment …", compared with the topic headlines. It must match a headline
/// whole, or be cut short with an ellipsis: a note that merely starts like a headline
/// ("Chips") is kept.
///
/// `headlines` are the topic headlines as [`normalise`] gives them, made once per brief.
pub fn is_contents_entry(text: &str, headlines: &[String]) -> bool {
    let entry = scan_bullet(text)
        .or_else(|| scan_topic_heading(text).map(|(_, h)| h))
        .unwrap_or(text);
    let shortened = entry.ends_with(['…', '⋯']) || entry.ends_with("...");
    let entry = normalise(entry);
    !entry.is_empty()
        && headlines
            .iter()
            .any(|headline| *headline == entry || (shortened && headline.starts_with(&entry)))
}

/// A headline or contents entry compared without case, spaces and punctuation.
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    fn header(text: &str) -> Header {
        let lines = split_lines(text);
        let contents = find_contents(&lines);
        parse_header(&lines, contents.as_ref())
    }

    #[test]
    fn sample_shape() {
        let h = header(
            "Exhibit at a fair\nMERICS Briefs\nMERICS China Industries\n11 min read\n\nA + B + C\n",
        );
        assert_eq!(h.caption.as_deref(), Some("Exhibit at a fair"));
        assert_eq!(h.publisher.as_deref(), Some("MERICS"));
        assert_eq!(h.series.as_deref(), Some("MERICS China Industries"));
        assert_eq!(h.reading_minutes, Some(11));
        assert_eq!(h.title.as_deref(), Some("A + B + C"));
        assert!(h.rest.is_empty());
    }

    #[test]
    fn monthly_title() {
        let h = header("MERICS China Industries Briefing - October 2020\nSubscribe now.");
        assert_eq!(
            h.title.as_deref(),
            Some("MERICS China Industries Briefing - October 2020")
        );
        assert_eq!(h.series.as_deref(), Some("MERICS China Industries"));
        assert_eq!(h.period_hint, Period::new(2020, 10));
        assert_eq!(h.rest, [(2, "Subscribe now.".to_owned())]);
    }

    #[test]
    fn title_only() {
        let h = header("\n\nJust a title\n");
        assert_eq!(h.title.as_deref(), Some("Just a title"));
        assert_eq!(h.caption, None);
    }

    #[test]
    fn web_page_leftovers_are_stray_not_caption_title_or_notes() {
        let h = header(
            "Share this page\nCaption\nMERICS Briefs\n\nAdvertisement\nA + B\n???\nSubscribe now.",
        );
        assert_eq!(h.caption.as_deref(), Some("Caption"));
        assert_eq!(h.title.as_deref(), Some("A + B"));
        assert_eq!(h.rest, [(8, "Subscribe now.".to_owned())]);
        let stray: Vec<usize> = h.stray.iter().map(|(no, _)| *no).collect();
        assert_eq!(stray, [1, 5, 7]);
    }

    #[test]
    fn headings_are_never_the_series_or_title() {
        for heading in [
            "MERICS TOP 5",
            "MERICS' Top 5",
            "Merics Top 5",
            "MERICS’ Top 5",
        ] {
            let h = header(&format!(
                "MERICS Briefs\nMERICS China Industries\n9 min read\n\nA + B + C\n\n{heading}\n"
            ));
            assert_eq!(
                h.series.as_deref(),
                Some("MERICS China Industries"),
                "{heading}"
            );
            assert_eq!(h.title.as_deref(), Some("A + B + C"), "{heading}");
            assert!(h.rest.is_empty(), "{heading}");
        }
    }

    #[test]
    fn an_image_file_name_is_a_caption_not_a_series() {
        let h = header(
            "20210311_MERICS_China_Industries_header_2.jpg\nMERICS Briefs\nMERICS China Industries\n8 min read\n\nA + B + C\n",
        );
        assert_eq!(
            h.caption.as_deref(),
            Some("20210311_MERICS_China_Industries_header_2.jpg")
        );
        assert_eq!(h.series.as_deref(), Some("MERICS China Industries"));
        assert!(h.dropped.is_empty(), "{:?}", h.dropped);
    }

    #[test]
    fn inline_header_items_read_like_lines() {
        let h = header(
            "A crane at dusk\nMERICS Briefs MERICS China Industries 11 min read\n\nA + B + C\n",
        );
        assert_eq!(h.caption.as_deref(), Some("A crane at dusk"));
        assert_eq!(h.publisher.as_deref(), Some("MERICS"));
        assert_eq!(h.series.as_deref(), Some("MERICS China Industries"));
        assert_eq!(h.reading_minutes, Some(11));
        assert_eq!(h.title.as_deref(), Some("A + B + C"));
        let h = header(
            "A crane at dusk MERICS Briefs MERICS China Industries 11 min read\n\nA + B + C\n",
        );
        assert_eq!(h.caption.as_deref(), Some("A crane at dusk"));
        assert_eq!(h.series.as_deref(), Some("MERICS China Industries"));
        assert_eq!(h.reading_minutes, Some(11));
        assert_eq!(h.title.as_deref(), Some("A + B + C"));
    }

    #[test]
    fn a_repost_date_line_names_the_series() {
        let h = header(" date 2021-10-10 MERICS China Industries:\n\n\n\nA + B + C\n");
        assert_eq!(h.series.as_deref(), Some("MERICS China Industries"));
        assert_eq!(h.title.as_deref(), Some("A + B + C"));
        assert_eq!(h.caption, None);
        assert_eq!(h.dated_hint, Period::new(2021, 10));
    }

    #[test]
    fn an_introduction_is_contents_not_series_and_names_authors() {
        let text = "MERICS Briefs\nMERICS China Industries\n\nA + B + C\n\nIn the latest issue of MERICS China Industries, Jane Doe and Kim Roe look at the following topics:\n\n  1.  Chips get a boost\n\n  2. Batteries\n\n1. Chips get a boost\n";
        let lines = split_lines(text);
        let contents = find_contents(&lines).expect("a contents list");
        assert_eq!(contents.items, ["Chips get a boost", "Batteries"]);
        assert_eq!(contents.authors, ["Jane Doe", "Kim Roe"]);
        let h = parse_header(&lines[..11], Some(&contents));
        assert_eq!(h.series.as_deref(), Some("MERICS China Industries"));
        assert_eq!(h.title.as_deref(), Some("A + B + C"));
        assert_eq!(h.authors, ["Jane Doe", "Kim Roe"]);
    }

    #[test]
    fn a_top_heading_over_one_heading_is_no_contents_list() {
        let lines = split_lines("A + B\nMERICS Top 5\n1. Chips\nAt a glance: x\n");
        assert!(find_contents(&lines).is_none());
    }

    #[test]
    fn contents_entries() {
        let heads = ["Chips get a boost", "Batteries"].map(normalise);
        assert!(is_contents_entry("• Chips get a boost", &heads));
        assert!(is_contents_entry("2. Batteries", &heads));
        assert!(!is_contents_entry("Subscribe to our newsletter", &heads));
        assert!(is_contents_entry("• Chips get …", &heads));
        assert!(is_contents_entry("1. Chips get a...", &heads));
        // Only the start of a headline, without an ellipsis: a note, not an entry.
        assert!(!is_contents_entry("Chips", &heads));
        assert!(!is_contents_entry("• Chips get", &heads));
    }
}
