//! Search matches shown inside text.

use egui::text::{LayoutJob, TextFormat};

/// Byte ranges of `text` that contain any of the lower-case `terms`, merged and sorted.
pub fn match_ranges(text: &str, terms: &[String]) -> Vec<std::ops::Range<usize>> {
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths (rare letters); then positions would not line up.
    if terms.is_empty() || lower.len() != text.len() {
        return Vec::new();
    }
    let mut ranges: Vec<std::ops::Range<usize>> = terms
        .iter()
        .filter(|t| !t.is_empty())
        .flat_map(|t| lower.match_indices(t.as_str()).map(|(i, m)| i..i + m.len()))
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .collect();
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// `text` as a layout job with the matches of `terms` on a highlight background.
pub fn highlighted(ui: &egui::Ui, text: &str, terms: &[String]) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let plain = TextFormat::simple(font.clone(), color);
    let marked = TextFormat {
        background: super::theme::match_background(ui.visuals()),
        ..TextFormat::simple(font, color)
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for range in match_ranges(text, terms) {
        job.append(&text[at..range.start], 0.0, plain.clone());
        job.append(&text[range.clone()], 0.0, marked.clone());
        at = range.end;
    }
    job.append(&text[at..], 0.0, plain);
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_merge_and_ignore_case() {
        let terms = vec!["miit".to_owned(), "it".to_owned()];
        assert_eq!(match_ranges("The MIIT and it", &terms), [4..8, 13..15]);
        assert_eq!(
            match_ranges("医疗装备 医疗", &["医疗".to_owned()]),
            [0..6, 13..19]
        );
        assert!(match_ranges("text", &[]).is_empty());
    }
}
