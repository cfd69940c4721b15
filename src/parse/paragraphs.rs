//! Whether a text's paragraphs are hard-wrapped over several lines, or written one line
//! each.
//!
//! Files typed or saved as plain text wrap long paragraphs at a fixed width, with blank
//! lines between paragraphs; the lines of one paragraph are joined. Compact renderings of web
//! pages put each paragraph, bullet and label on one line of its own with no blank line
//! between them; there, joining the lines would run paragraphs (and a bullet and the
//! paragraph after it) together.

use super::lines::Line;
use super::scanners::{scan_bullet, scan_label, scan_topic_heading};

/// True when the text looks hard-wrapped: many of its long lines stop mid-sentence with
/// another line of text right after them.
pub fn hard_wrapped(lines: &[Line<'_>]) -> bool {
    let plain = |text: &str| {
        !text.is_empty()
            && scan_bullet(text).is_none()
            && scan_topic_heading(text).is_none()
            && scan_label(text).is_none()
    };
    let mut long = 0usize;
    let mut open = 0usize;
    for pair in lines.windows(2) {
        let (text, next) = (&*pair[0].text, &*pair[1].text);
        if text.len() < 40 || !plain(next) || scan_bullet(text).is_some() {
            continue;
        }
        long += 1;
        let ends = text.ends_with([
            '.', '!', '?', ':', ')', '"', '”', '’', '。', '！', '？', '）', ']', ';',
        ]);
        if !ends {
            open += 1;
        }
    }
    // Lines that end mid-sentence before more text: a third of them, and more than one,
    // make a wrapped text.
    open >= 2 && open * 3 >= long
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    #[test]
    fn wrapped_and_compact_texts() {
        let wrapped = "At a glance: The ministry has published a plan that will\nchange how factories are built across the country and how\nthey are paid for in the years to come.\n\nMERICS comment: Short.\n";
        assert!(hard_wrapped(&split_lines(wrapped)));
        let compact = "Chips and more chips + Batteries for everyone + Hydrogen\nMERICS Top 5\nAt a glance: The ministry has published a plan for factories.\n- A bullet that is long enough to count as a long line\n- Another bullet that is long enough to count as a long line\nMERICS comment: The plan is ambitious and will be hard to carry out.\nA second paragraph of the comment follows on its own line.\n";
        assert!(!hard_wrapped(&split_lines(compact)));
    }
}
