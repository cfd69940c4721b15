//! One numbered topic: headline, "At a glance", points, comment and policy footer.

use std::borrow::Cow;

use super::dates::{parse_full_date, scan_date, scan_range_end};
use super::lines::Line;
use super::policy_name::split_policy_name;
use super::scanners::{
    Label, is_boilerplate, is_label_prefix, label_parts, scan_bullet, scan_byline, scan_label,
};
use super::trim::{trim, trim_start};
use super::{DateSlot, Pending, Warnings};
use crate::model::{Event, Policy, Topic};

/// Which part of the topic the lines being read belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// Between the headline and the first label: read as summary.
    Lead,
    Glance,
    Comment,
    /// "What to watch:".
    Watch,
    Footer,
}

/// What the last non-blank line was, for joining wrapped lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Blank,
    Paragraph,
    Point,
    Event,
    PolicyName,
    Other,
}

struct TopicReader<'w, 'a> {
    topic: Topic,
    index: usize,
    part: Part,
    last: Last,
    /// The lines of the paragraph being read.
    paragraph: Vec<&'a str>,
    /// The summary and the comment so far, their paragraphs joined with blank lines as they
    /// are read (no paragraph is empty, so an empty text has none yet).
    glance: String,
    comment: String,
    watch: String,
    /// The paragraph read last in the summary ended with a colon ("Key aspects include:"):
    /// single-sentence paragraphs after it are the list it introduces, written without
    /// bullet glyphs (as reposts do).
    lead_in: bool,
    /// Lines of a paragraph are joined (hard-wrapped text), or each line is a paragraph.
    wrapped: bool,
    /// "By Jane Doe" under a story's headline.
    bylines: Vec<String>,
    /// Footer fields, each with the line it is on. The policy name is borrowed unless lines
    /// that continue it are joined to it.
    policy_name: Option<(usize, Cow<'a, str>)>,
    /// The lines that continue the policy name.
    policy_name_more: Vec<usize>,
    issuing_body: Option<(usize, String)>,
    date_line: Option<(usize, &'a str)>,
    has_label: bool,
    warnings: &'w mut Warnings,
    pending: &'w mut Vec<Pending>,
}

/// Where a topic starts.
pub struct Heading<'h> {
    /// The topic's position in the brief, from 0.
    pub index: usize,
    /// The number it is written with.
    pub number: u32,
    pub headline: &'h str,
    /// The 1-based line of the heading (of the first label on a single-topic page).
    pub line: usize,
    /// Whether the text is hard-wrapped (see `paragraphs.rs`).
    pub wrapped: bool,
    /// Whether the brief labels its topics' parts at all (a China Essentials story page
    /// may not): a topic without labels is then worth a warning.
    pub labelled_page: bool,
}

/// A topic and the names its byline gives.
pub struct ReadTopic {
    pub topic: Topic,
    pub bylines: Vec<String>,
}

/// Reads the topic that starts at `heading` from its body lines.
pub fn parse_topic(
    heading: &Heading<'_>,
    body: &[Line<'_>],
    warnings: &mut Warnings,
    pending: &mut Vec<Pending>,
) -> ReadTopic {
    let number = heading.number;
    let mut reader = TopicReader {
        topic: Topic {
            number,
            headline: heading.headline.to_owned(),
            ..Topic::default()
        },
        index: heading.index,
        part: Part::Lead,
        last: Last::Blank,
        paragraph: Vec::new(),
        glance: String::new(),
        comment: String::new(),
        watch: String::new(),
        lead_in: false,
        wrapped: heading.wrapped,
        bylines: Vec::new(),
        policy_name: None,
        policy_name_more: Vec::new(),
        issuing_body: None,
        date_line: None,
        has_label: false,
        warnings,
        pending,
    };
    for line in body {
        reader.line(line);
    }
    if !reader.has_label && heading.labelled_page {
        reader.warnings.add(
            heading.line,
            format!("topic {number} has no \"At a glance\", comment or policy footer"),
        );
    }
    let bylines = std::mem::take(&mut reader.bylines);
    ReadTopic {
        topic: reader.finish(),
        bylines,
    }
}

impl<'a> TopicReader<'_, 'a> {
    fn line(&mut self, line: &'a Line<'_>) {
        let text: &'a str = &line.text;
        if text.is_empty() {
            self.flush();
            self.last = Last::Blank;
        } else if let Some(first) = scan_label(text) {
            self.labels(line.no, first);
        } else if let Some(point) = scan_bullet(text) {
            self.bullet(line.no, point);
        } else if is_boilerplate(text) {
            self.warnings
                .add(line.no, format!("skipped web page text {text:?}"));
        } else if is_label_prefix(text) {
            self.warnings.add(
                line.no,
                format!("an unfinished label {text:?}: the text stops here"),
            );
        } else if let Some(names) = scan_byline(text).filter(|_| self.is_at_start()) {
            self.bylines.extend(names);
        } else {
            self.plain(line.no, text);
        }
    }

    /// Nothing of the topic read yet: where a byline stands.
    fn is_at_start(&self) -> bool {
        self.part == Part::Lead
            && self.paragraph.is_empty()
            && self.glance.is_empty()
            && self.topic.points.is_empty()
            && self.topic.events.is_empty()
    }

    fn labels(&mut self, no: usize, first: (Label, &'a str)) {
        self.flush();
        self.has_label = true;
        self.lead_in = false;
        for (label, value) in label_parts(first) {
            self.last = Last::Other;
            match label {
                Label::AtAGlance => self.start(Part::Glance, value),
                Label::Comment => self.start(Part::Comment, value),
                Label::Watch => self.start(Part::Watch, value),
                Label::PolicyName => {
                    self.part = Part::Footer;
                    self.last = Last::PolicyName;
                    let earlier = self.policy_name.replace((no, Cow::Borrowed(value)));
                    let continued = std::mem::take(&mut self.policy_name_more);
                    if let Some((first, text)) = &earlier
                        && text != value
                    {
                        for line in continued {
                            self.warnings.add(
                                line,
                                format!("this line of the \"Policy name\" on line {first} is replaced by a second one on line {no}"),
                            );
                        }
                    }
                    self.replaced(
                        earlier.as_ref().map(|(l, t)| (*l, &**t)),
                        "Policy name",
                        no,
                        value,
                    );
                }
                Label::IssuingBody => {
                    self.part = Part::Footer;
                    let earlier = self.issuing_body.replace((no, value.to_owned()));
                    self.replaced(
                        earlier.as_ref().map(|(l, t)| (*l, t.as_str())),
                        "Issuing body",
                        no,
                        value,
                    );
                }
                Label::Date => {
                    self.part = Part::Footer;
                    let earlier = self.date_line.replace((no, value));
                    self.replaced(earlier, "Date", no, value);
                }
            }
        }
    }

    /// Warns on the line of a footer field that a later one (`value`, on line `no`) replaces
    /// with other text. (A footer may stand both under the headline and at the end of a
    /// topic, with the same fields.)
    fn replaced(&mut self, earlier: Option<(usize, &str)>, label: &str, no: usize, value: &str) {
        if let Some((line, text)) = earlier
            && !text.is_empty()
            && text != value
        {
            self.warnings.add(
                line,
                format!("\"{label}\" {text:?} is replaced by a second one on line {no}"),
            );
        }
    }

    fn start(&mut self, part: Part, value: &'a str) {
        self.part = part;
        if !value.is_empty() {
            self.paragraph.push(value);
            self.last = Last::Paragraph;
        }
    }

    fn bullet(&mut self, no: usize, point: &str) {
        self.flush();
        self.lead_in = false;
        match self.part {
            Part::Footer => self.warnings.add(
                no,
                format!("a bullet point after the policy footer: {point:?}"),
            ),
            Part::Comment | Part::Watch => {
                let text = if self.part == Part::Comment {
                    &mut self.comment
                } else {
                    &mut self.watch
                };
                start_paragraph(text);
                text.push_str("• ");
                text.push_str(point);
                self.last = Last::Paragraph;
            }
            Part::Lead | Part::Glance => {
                if let Some((date, text)) = dated(point) {
                    self.pending.push(Pending {
                        slot: DateSlot::Event(self.index, self.topic.events.len()),
                        date,
                        line: no,
                    });
                    self.topic.events.push(Event {
                        date: date.full(),
                        text: text.to_owned(),
                    });
                    self.last = Last::Event;
                } else {
                    self.topic.points.push(point.to_owned());
                    self.last = Last::Point;
                }
            }
        }
    }

    fn plain(&mut self, no: usize, text: &'a str) {
        // Each line of a text that is not hard-wrapped is a paragraph of its own.
        if !self.wrapped && matches!(self.last, Last::Paragraph | Last::Point | Last::Event) {
            self.flush();
            self.last = Last::Blank;
        }
        let summary = matches!(self.part, Part::Lead | Part::Glance);
        if summary && self.lead_in && self.last == Last::Blank && is_list_item(text) {
            self.topic.points.push(text.to_owned());
            self.last = Last::Point;
            return;
        }
        match (self.last, self.part) {
            (Last::Point, _) => append(self.topic.points.last_mut(), text),
            (Last::Event, _) => append(self.topic.events.last_mut().map(|e| &mut e.text), text),
            (Last::PolicyName, _) => {
                append(
                    self.policy_name.as_mut().map(|(_, name)| name.to_mut()),
                    text,
                );
                self.policy_name_more.push(no);
            }
            (_, Part::Footer) => self.warnings.add(
                no,
                format!("text after the policy footer could not be placed: {text:?}"),
            ),
            _ => {
                self.paragraph.push(text);
                self.last = Last::Paragraph;
            }
        }
    }

    /// Ends the paragraph being read and files it under the current part.
    fn flush(&mut self) {
        if self.paragraph.is_empty() {
            return;
        }
        let summary = matches!(self.part, Part::Lead | Part::Glance);
        self.lead_in = summary
            && self
                .paragraph
                .last()
                .is_some_and(|line| line.ends_with([':', '：']));
        let target = match self.part {
            Part::Lead | Part::Glance => &mut self.glance,
            Part::Comment => &mut self.comment,
            Part::Watch => &mut self.watch,
            Part::Footer => {
                self.paragraph.clear();
                return;
            }
        };
        // Room for the separator, the lines and the spaces between them, made at once.
        let len: usize = self.paragraph.iter().map(|line| line.len() + 1).sum();
        target.reserve(len + 1);
        start_paragraph(target);
        for (k, line) in self.paragraph.drain(..).enumerate() {
            if k > 0 {
                target.push(' ');
            }
            target.push_str(line);
        }
    }

    fn finish(mut self) -> Topic {
        self.flush();
        self.topic.at_a_glance = std::mem::take(&mut self.glance);
        self.topic.comment = std::mem::take(&mut self.comment);
        self.topic.watch = std::mem::take(&mut self.watch);
        let mut policy_date = None;
        if let Some((no, raw)) = &self.date_line {
            policy_date = parse_full_date(raw);
            if policy_date.is_none() {
                match scan_date(raw) {
                    Some((date, _)) if date.full().is_none() => self.pending.push(Pending {
                        slot: DateSlot::Policy(self.index),
                        date,
                        line: *no,
                    }),
                    _ => self
                        .warnings
                        .add(*no, format!("could not read the policy date {raw:?}")),
                }
            }
        }
        if self.policy_name.is_some() || self.issuing_body.is_some() || self.date_line.is_some() {
            let name = self.policy_name.as_ref().map_or("", |(_, name)| &**name);
            let names = split_policy_name(name);
            self.topic.policy = Some(Policy {
                name: names.english,
                name_zh: names.chinese,
                issuing_body: self
                    .issuing_body
                    .map(|(_, body)| body)
                    .filter(|b| !b.is_empty()),
                date: policy_date,
            });
        }
        self.topic
    }
}

/// A paragraph that can be an item of a list written without bullet glyphs: one sentence
/// of modest length that introduces nothing itself.
fn is_list_item(text: &str) -> bool {
    if text.len() > 400 || text.ends_with([':', '：']) {
        return false;
    }
    // A full stop, "!" or "?" followed by a capital starts a second sentence.
    let bytes = text.as_bytes();
    let second_sentence = bytes
        .windows(3)
        .any(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ' && w[2].is_ascii_uppercase());
    !second_sentence
}

/// Separates a paragraph from the ones before it in `text`.
fn start_paragraph(text: &mut String) {
    if !text.is_empty() {
        text.push_str("\n\n");
    }
}

fn append(target: Option<&mut String>, text: &str) {
    if let Some(target) = target {
        target.push(' ');
        target.push_str(text);
    }
}

/// "February 7: Huawei invests" gives the date and "Huawei invests". A range ("March 1-3:")
/// gives its first day.
pub fn dated(text: &str) -> Option<(crate::model::PartialDate, &str)> {
    dated_range(text).map(|(date, _, rest)| (date, rest))
}

/// [`dated`], with the last day of a range ("March 30-April 2: …").
pub fn dated_range(
    text: &str,
) -> Option<(
    crate::model::PartialDate,
    Option<crate::model::PartialDate>,
    &str,
)> {
    let (date, mut used) = scan_date(text)?;
    let until = scan_range_end(text, date, used).map(|(end, end_used)| {
        used = end_used;
        end
    });
    let rest = trim_start(&text[used..]);
    let rest = rest
        .strip_prefix([':', '：'])
        .or_else(|| rest.strip_prefix("– "))
        .or_else(|| rest.strip_prefix("— "))
        .or_else(|| rest.strip_prefix("- "))?;
    Some((date, until, trim(rest)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    fn read(line: usize, body: &str) -> (Topic, Vec<crate::model::Warning>) {
        let lines = split_lines(body);
        let heading = Heading {
            index: 0,
            number: 3,
            headline: "H",
            line,
            wrapped: true,
            labelled_page: true,
        };
        let mut warnings = Warnings::default();
        let topic = parse_topic(&heading, &lines, &mut warnings, &mut Vec::new()).topic;
        (topic, warnings.into_sorted())
    }

    #[test]
    fn a_topic_without_labels_is_reported_on_its_heading_line() {
        // An empty body (the heading is the last line before "Worth noting") has no line
        // to point at but the heading's own.
        let (_, warnings) = read(7, "");
        assert_eq!(warnings.iter().map(|w| w.line).collect::<Vec<_>>(), [7]);
        let (topic, warnings) = read(7, "Just text.");
        assert_eq!(topic.at_a_glance, "Just text.");
        assert_eq!(warnings.iter().map(|w| w.line).collect::<Vec<_>>(), [7]);
        let (_, warnings) = read(7, "At a glance: x");
        assert!(warnings.is_empty());
    }

    #[test]
    fn dated_bullets() {
        let (date, text) = dated("February 7: Huawei invests").unwrap();
        assert_eq!((date.month, date.day, date.year), (2, 7, None));
        assert_eq!(text, "Huawei invests");
        assert!(dated("February saw investments").is_none());
        assert!(dated("May 2021 be good").is_none());
    }
}
