//! The lines before topic 1: caption, publisher and series lines, reading time, title,
//! and whatever an issue puts before its first topic (a contents list, a subscription note).

use super::dates::find_month_year;
use super::lines::Line;
use super::scanners::{
    is_boilerplate, is_top_heading, scan_bullet, scan_reading_minutes, scan_topic_heading,
};
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
    /// Free lines after the title, each with its line number: a contents list or notes.
    pub rest: Vec<(usize, String)>,
    /// Web page leftovers ("Share this page", "???"), each with its line number.
    pub stray: Vec<(usize, String)>,
    /// Lines whose text was not all kept, each with its line number and why.
    pub dropped: Vec<(usize, String)>,
    /// The line the series was read from.
    series_line: Option<usize>,
}

#[derive(Debug, PartialEq)]
enum Kind {
    Marker,
    Free,
    Skip,
    Stray,
}

/// Reads the header lines.
pub fn parse_header(lines: &[Line<'_>]) -> Header {
    let mut header = Header::default();
    let mut classified: Vec<(&Line<'_>, Kind)> = Vec::new();
    for line in lines.iter().filter(|l| !l.is_blank()) {
        let kind = classify(line.no, &line.text, &mut header);
        if kind == Kind::Stray {
            header.stray.push((line.no, line.text.to_string()));
        } else {
            classified.push((line, kind));
        }
    }
    let last_marker = classified.iter().rposition(|(_, k)| *k == Kind::Marker);
    let first_marker = classified.iter().position(|(_, k)| *k == Kind::Marker);
    for (index, (line, kind)) in classified.iter().enumerate() {
        if *kind != Kind::Free {
            continue;
        }
        let text = line.text.to_string();
        let before_markers = first_marker.is_some_and(|m| index < m);
        let after_markers = last_marker.is_none_or(|m| index > m);
        if before_markers && header.caption.is_none() {
            header.caption = Some(text);
        } else if after_markers && header.title.is_none() {
            header.title = Some(text);
        } else {
            header.rest.push((line.no, text));
        }
    }
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

fn classify(no: usize, text: &str, header: &mut Header) -> Kind {
    if let Some(minutes) = scan_reading_minutes(text) {
        header.reading_minutes = Some(minutes);
        return Kind::Marker;
    }
    if let Some(publisher) = scan_publisher(text) {
        header.publisher = Some(publisher.to_owned());
        return Kind::Marker;
    }
    if let Some(series) = scan_series(text) {
        let mut whole_kept = series == text;
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
        if let Some(earlier) = header.series_line.replace(no)
            && header.series.as_deref() != Some(series)
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
    if is_top_heading(text) || is_contents_label(text) {
        return Kind::Skip;
    }
    if is_boilerplate(text) {
        return Kind::Stray;
    }
    Kind::Free
}

/// "MERICS Briefs" gives "MERICS"; "Mercator Institute for China Studies" is kept whole.
fn scan_publisher(text: &str) -> Option<&str> {
    let stem = text
        .strip_suffix(" Briefs")
        .or_else(|| text.strip_suffix(" Brief"))
        .unwrap_or(text);
    matches!(stem, "MERICS" | "Mercator Institute for China Studies").then_some(stem)
}

/// "MERICS China Industries", with a monthly title's date and "Briefing" cut off.
fn scan_series(text: &str) -> Option<&str> {
    let is_series = text.contains("China Industries")
        || (text.starts_with("MERICS ") && text.split_whitespace().count() <= 5);
    if !is_series || text.ends_with(['.', '?', '!']) {
        return None;
    }
    let cut = [" Briefing", " - ", " – ", " — ", ": "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()
        .unwrap_or(text.len());
    Some(text[..cut].trim())
}

/// "In this issue:", "Contents", "Topics".
fn is_contents_label(text: &str) -> bool {
    let lower = text.trim_end_matches(':').trim().to_lowercase();
    matches!(
        lower.as_str(),
        "in this issue"
            | "contents"
            | "topics"
            | "in this edition"
            | "in dieser ausgabe"
            | "themen"
    )
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

    #[test]
    fn sample_shape() {
        let lines = split_lines(
            "Exhibit at a fair\nMERICS Briefs\nMERICS China Industries\n11 min read\n\nA + B + C\n",
        );
        let h = parse_header(&lines);
        assert_eq!(h.caption.as_deref(), Some("Exhibit at a fair"));
        assert_eq!(h.publisher.as_deref(), Some("MERICS"));
        assert_eq!(h.series.as_deref(), Some("MERICS China Industries"));
        assert_eq!(h.reading_minutes, Some(11));
        assert_eq!(h.title.as_deref(), Some("A + B + C"));
        assert!(h.rest.is_empty());
    }

    #[test]
    fn monthly_title() {
        let lines = split_lines("MERICS China Industries Briefing - October 2020\nSubscribe now.");
        let h = parse_header(&lines);
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
        let h = parse_header(&split_lines("\n\nJust a title\n"));
        assert_eq!(h.title.as_deref(), Some("Just a title"));
        assert_eq!(h.caption, None);
    }

    #[test]
    fn web_page_leftovers_are_stray_not_caption_title_or_notes() {
        let lines = split_lines(
            "Share this page\nCaption\nMERICS Briefs\n\nAdvertisement\nA + B\n???\nSubscribe now.",
        );
        let h = parse_header(&lines);
        assert_eq!(h.caption.as_deref(), Some("Caption"));
        assert_eq!(h.title.as_deref(), Some("A + B"));
        assert_eq!(h.rest, [(8, "Subscribe now.".to_owned())]);
        let stray: Vec<usize> = h.stray.iter().map(|(no, _)| *no).collect();
        assert_eq!(stray, [1, 5, 7]);
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
