//! The "Worth noting" digest: dated entries under "Policy news" and "Corporate news", each
//! ending with its sources.

use std::borrow::Cow;

use super::lines::Line;
use super::scanners::{is_boilerplate, scan_bullet, scan_news_heading};
use super::sources::split_sources;
use super::topic::{dated, dated_range};
use super::{DateSlot, Pending, Warnings};
use crate::model::{NewsItem, Section};

/// Reads the lines after the "Worth noting" heading.
pub fn parse_news(
    body: &[Line<'_>],
    warnings: &mut Warnings,
    pending: &mut Vec<Pending>,
) -> Vec<NewsItem> {
    let mut reader = NewsReader {
        items: Vec::new(),
        section: None,
        entry: None,
        warnings,
        pending,
    };
    for line in body {
        reader.line(line);
    }
    reader.flush();
    reader.items
}

struct NewsReader<'w, 'l> {
    items: Vec<NewsItem>,
    section: Option<Section>,
    /// The entry being read: its first line number and its text so far. Most entries are
    /// one line, borrowed; a wrapped one is copied to join its lines.
    entry: Option<(usize, Cow<'l, str>)>,
    warnings: &'w mut Warnings,
    pending: &'w mut Vec<Pending>,
}

impl<'l> NewsReader<'_, 'l> {
    fn line(&mut self, line: &'l Line<'_>) {
        let text: &'l str = &line.text;
        if text.is_empty() {
            self.flush();
        } else if let Some(section) = scan_news_heading(text) {
            self.flush();
            self.section = Some(section);
        } else if let Some(entry) = scan_bullet(text) {
            self.flush();
            self.entry = Some((line.no, Cow::Borrowed(entry)));
        } else if dated(text).is_some() {
            self.flush();
            self.entry = Some((line.no, Cow::Borrowed(text)));
        } else if is_boilerplate(text) {
            self.warnings
                .add(line.no, format!("skipped web page text {text:?}"));
        } else if let Some((_, entry)) = &mut self.entry {
            let entry = entry.to_mut();
            entry.push(' ');
            entry.push_str(text);
        } else {
            self.warnings.add(
                line.no,
                format!("text in \"Worth noting\" that is not an entry: {text:?}"),
            );
        }
    }

    fn flush(&mut self) {
        let Some((no, entry)) = self.entry.take() else {
            return;
        };
        let section = self.section.unwrap_or_else(|| {
            self.warnings.add(
                no,
                "news entry before any \"Policy news\" or \"Corporate news\" heading; filed as policy news"
                    .to_owned(),
            );
            Section::Policy
        });
        let (date, until, body) = match dated_range(&entry) {
            Some((date, until, body)) => {
                self.pending.push(Pending {
                    slot: DateSlot::News(self.items.len()),
                    date,
                    line: no,
                });
                if let Some(until) = until {
                    self.pending.push(Pending {
                        slot: DateSlot::NewsUntil(self.items.len()),
                        date: until,
                        line: no,
                    });
                }
                (date.full(), until.and_then(|u| u.full()), body)
            }
            None => {
                self.warnings
                    .add(no, "news entry does not start with a date".to_owned());
                (None, None, &*entry)
            }
        };
        let (text, sources) = split_sources(body);
        if sources.is_empty() {
            self.warnings
                .add(no, "news entry names no sources".to_owned());
        }
        self.items.push(NewsItem {
            section,
            date,
            until,
            text: text.to_owned(),
            sources,
        });
    }
}
