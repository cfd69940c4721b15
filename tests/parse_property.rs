//! Properties of the brief parser on generated text (issue #8).
//!
//! 1. `parse_brief` never panics, on any text.
//! 2. No line is dropped silently. Every non-blank line that carries content is *placed*:
//!    its content appears in a field of the [`Brief`], or a warning names its line number.
//! 3. Parsing time grows linearly with the input.
//!
//! # What "placed" means
//!
//! The generator writes each line that carries content with a *marker*: a word unique to the
//! line ("qx17q" on line 17), written apart from the rest by spaces, beside brief-like text
//! (headings, labels, bullets, dates, 《》 names, source groups, Markdown) or arbitrary text.
//! The line is placed when its marker is part of one of the Brief's text fields — the title,
//! caption, series, publisher, notes, authors, a topic's headline, "At a glance", points,
//! event texts, comment, policy name (English or Chinese) and issuing body, a news item's
//! text and source titles — or when a warning's line number is the line's. The glossary and
//! warning messages do not count: the glossary is derived from the fields, and a warning
//! places a line by its number.
//!
//! Lines without content have no marker and count as placed: blank lines, and the lines the
//! grammar consumes as structure — "WORTH NOTING", "Policy news", "Corporate news", a label
//! with nothing after it ("At a glance:", "MERICS comment:"), "Author(s)", "MERICS Briefs",
//! "MERICS China Industries", "11 min read", "Top 5", "In this issue:", a policy date that
//! reads as a date, and web page leftovers ("Share this page"). What a Markdown link points
//! to is no content either (the parser keeps a link's text and drops its address): the
//! generator never writes a marker inside a link's address.

use std::time::{Duration, Instant};

use briefdesk::model::Brief;
use briefdesk::parse::parse_brief;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

// ---------------------------------------------------------------------------------------------
// Generating brief-like text

/// One line of a generated brief, before it is given its marker.
#[derive(Clone, Debug)]
enum Kind {
    /// A line the grammar consumes as structure; written as it is, without a marker.
    Structure(&'static str),
    /// A line with content: `{m}` in the template is replaced by the line's marker and
    /// `{x}` by the filler text.
    Content(&'static str),
}

const STRUCTURE: &[&str] = &[
    "",
    "",
    "WORTH NOTING",
    "Worth noting:",
    "Policy news",
    "Corporate news",
    "At a glance:",
    "MERICS comment:",
    "Author(s)",
    "MERICS Briefs",
    "MERICS China Industries",
    "11 min read",
    "Top 5",
    "In this issue:",
    "Date: March 3, 2021",
    "Date: 2021-11-30",
    "Share this page",
    "???",
    // Layouts of real pages (issue #18).
    "MERICS TOP 5",
    "Merics Top 5",
    "MERICS' Top 5",
    "Top story",
    "TOP STORY",
    "Analysis",
    "MERICS China Essentials",
    "Mercator Institute for China Studies (MERICS)",
    "Getting China right.",
    "In this issue of the MERICS China Industries we cover the following topics:",
    " date 2021-10-10 MERICS China Industries:",
    "MERICS Briefs MERICS China Industries 11 min read",
    "13 Minuten Lesedauer",
    "The facts:",
    "What to watch:",
    "MERICS analysis:",
    "Content",
    "Download (pdf - 518.95 KB)",
    " ",
    "MERI",
];

const CONTENT: &[&str] = &[
    "{m} {x}",
    "{x} {m}",
    "1. Chips {x} {m}",
    "2. {m} Batteries {x}",
    "3) “Quoted” {m}",
    "At a glance: {x} {m}",
    "**At a glance:** {m} {x}",
    "MERICS comment: {m} {x}",
    "Comment: {x} {m}",
    "Policy name: {x} {m} (《关于{x}的通知》) (Link)",
    "Policy name: {m} Plan (2021-2025) (医疗规划(2021-2025年)(征求意见稿) (Link)",
    "Issuing body: {x} {m}",
    "Issuing body: {m} Date: March 3, 2021",
    "Issuing body: State Council Date: March 3, 2021 At a glance: {m} {x}",
    "Date: {m}",
    "Date: March 3, 2021 {m}",
    "• {x} {m}",
    "- {m} {x}",
    "* {m}",
    "• March 3: {x} {m}",
    "• February 30, 2021: {m} {x}",
    "• 3 March 2021: {m} (Ministry letter (CN); Reuters report (EN))",
    "• March 3, 2021: {x} {m} (NDRC notice (CN); Caixin (EN))",
    "March 4, 2021: {m} {x} (Source one (CN))",
    "• 2021年3月5日：{m} {x}（人民日报 (CN)；Xinhua (EN)）",
    "• March 6: {x} (Report {m} (CN); Other (EN))",
    "The Ministry of Industry and Information Technology (MIIT) {m} {x}",
    "The “Two Zones” (两区) {m} and (((( {x}",
    "## {m} {x}",
    "> {x} {m}",
    "[{x}](https://example.org/a) {m}",
    "__{m}__ {x}",
    "Author: {m}",
    "By {m}, Jane Doe and John Roe",
    "MERICS China Industries - {m}",
    "MERICS China Industries Briefing - October 2020 {m}",
    "MERICS {m} Special",
    "Top 5 {m}",
    "Policy news {m}",
    "WORTH NOTING {m}",
    "Share this page {m}",
    "TOP STORY: {m} {x}",
    "The facts: {x} {m}",
    "What to watch: {m} {x}",
    "MERICS analysis: {m} {x}",
    "✔At a glance: {m} {x}",
    "  1.  {m} {x}",
    "  2. Chips {m}",
    "In the latest issue of MERICS China Industries, {m} Doe and Kim Roe look at the following topics:",
    "{m} + {x} + Chips",
    "Solar + {m} + “Two Zones”",
    "• March 1-3: {m} {x} (Source (CN))",
    "March 30-April 2: {x} {m} (Source (EN))",
    "123456789_MERICS_China_Industries_{m}.jpg",
    "By {m}",
    "You can read a free excerpt of our latest MERICS China Industries below {m}",
    "Key aspects include: {m}",
];

/// Filler text: words, digits, brackets, colons, CJK and other scripts, never a "q" (so no
/// filler can spell a marker) and never a line break.
fn filler() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-pr-zA-Z0-9 ,.;:()\\[\\]《》（）“”•-]{0,40}",
        "[A-Z][a-pr-z]{1,8}( [A-Z][a-pr-z]{1,8}){0,4}",
        "[\u{4e00}-\u{4e80}《》、，。（）：]{0,20}",
        // Any printable text without line breaks (and without "q").
        "[^\\p{C}\u{2028}\u{2029}qQ]{0,30}",
    ]
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        1 => proptest::sample::select(STRUCTURE).prop_map(Kind::Structure),
        3 => proptest::sample::select(CONTENT).prop_map(Kind::Content),
    ]
}

/// A generated brief: its lines (text, and the marker if the line has content).
#[derive(Clone, Debug)]
struct Doc {
    lines: Vec<(String, Option<String>)>,
    endings: Vec<&'static str>,
    bom: bool,
}

impl Doc {
    fn text(&self) -> String {
        let mut text = String::from(if self.bom { "\u{feff}" } else { "" });
        for (k, (line, _)) in self.lines.iter().enumerate() {
            text.push_str(line);
            text.push_str(self.endings[k % self.endings.len()]);
        }
        text
    }
}

/// The line endings of a document, used in turn.
const ENDINGS: &[&[&str]] = &[&["\n"], &["\r\n"], &["\r"], &["\n", "\r\n", "\r\n"]];

fn doc() -> impl Strategy<Value = Doc> {
    let line = (kind(), filler(), 0usize..40);
    (
        proptest::collection::vec(line, 1..60),
        // A lone CR before an empty line that ends in LF would read as one CRLF: mix LF
        // and CRLF freely, but use lone CRs alone.
        proptest::sample::select(ENDINGS).prop_map(<[&str]>::to_vec),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(lines, endings, bom, long)| {
            let lines = lines
                .into_iter()
                .enumerate()
                .map(|(k, (kind, x, repeat))| {
                    // The line number the parser gives this line.
                    let marker = format!("qx{}q", k + 1);
                    match kind {
                        Kind::Structure(s) => (s.to_owned(), None),
                        Kind::Content(template) => {
                            // Now and then a very long line.
                            let x = if long && repeat == 0 {
                                format!("{x} ").repeat(1_000)
                            } else {
                                x
                            };
                            let text = template.replace("{x}", &x).replace("{m}", &marker);
                            (text, Some(marker))
                        }
                    }
                })
                .collect();
            Doc {
                lines,
                endings,
                bom,
            }
        })
}

// ---------------------------------------------------------------------------------------------
// Checking

/// Every text field of the brief, as the property reads them.
fn fields(brief: &Brief) -> Vec<&str> {
    let mut out: Vec<&str> = vec![&brief.title];
    out.extend(brief.caption.as_deref());
    out.extend(brief.series.as_deref());
    out.extend(brief.publisher.as_deref());
    out.extend(brief.notes.iter().map(String::as_str));
    out.extend(brief.contents.iter().map(String::as_str));
    out.extend(brief.authors.iter().map(String::as_str));
    for topic in &brief.topics {
        out.extend([
            topic.headline.as_str(),
            topic.at_a_glance.as_str(),
            topic.comment.as_str(),
            topic.watch.as_str(),
        ]);
        out.extend(topic.points.iter().map(String::as_str));
        out.extend(topic.events.iter().map(|e| e.text.as_str()));
        if let Some(policy) = &topic.policy {
            out.push(&policy.name);
            out.extend(policy.name_zh.as_deref());
            out.extend(policy.issuing_body.as_deref());
        }
    }
    for item in &brief.news {
        out.push(&item.text);
        out.extend(item.sources.iter().map(|s| &*s.title));
    }
    out
}

/// Whether `marker` stands as a whole word in `field` ("qx1q" is not in "qx11q" anyway).
fn has_marker(field: &str, marker: &str) -> bool {
    field.contains(marker)
}

/// The lines whose marker is in no field and whose number no warning names.
fn dropped(doc: &Doc, brief: &Brief) -> Vec<(usize, String)> {
    let fields = fields(brief);
    doc.lines
        .iter()
        .enumerate()
        .filter_map(|(k, (text, marker))| Some((k + 1, text, marker.as_ref()?)))
        .filter(|(no, _, marker)| {
            !fields.iter().any(|f| has_marker(f, marker))
                && !brief.warnings.iter().any(|w| w.line == *no)
        })
        .map(|(no, text, _)| (no, text.chars().take(120).collect()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_text_parses_without_panicking(text in any::<String>()) {
        let _ = parse_brief(&text);
    }

    #[test]
    fn any_bytes_read_lossily_parse_without_panicking(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let _ = parse_brief(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn every_line_is_placed_or_warned(doc in doc()) {
        let text = doc.text();
        if let Ok(brief) = parse_brief(&text) {
            let dropped = dropped(&doc, &brief);
            prop_assert!(
                dropped.is_empty(),
                "lines dropped silently: {dropped:?}\nwarnings: {:?}",
                brief.warnings
            );
        }
    }
}

#[test]
fn the_generator_makes_briefs() {
    // The property above only checks texts the parser accepts: make sure most are.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = doc();
    let mut accepted = 0;
    for _ in 0..60 {
        let doc = strategy
            .new_tree(&mut runner)
            .expect("a generated brief")
            .current();
        accepted += usize::from(parse_brief(&doc.text()).is_ok());
    }
    assert!(
        accepted > 36,
        "only {accepted} of 60 generated texts are briefs"
    );
}

// ---------------------------------------------------------------------------------------------
// Linear time

/// A brief whose body is `unit` repeated until it holds about `bytes` bytes.
fn repeated(head: &str, unit: &str, tail: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + head.len() + tail.len() + unit.len());
    text.push_str(head);
    while text.len() < bytes {
        text.push_str(unit);
    }
    text.push_str(tail);
    text
}

/// The fastest of a few parses of `text`.
fn parse_time(text: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let parsed = parse_brief(std::hint::black_box(text));
            let took = start.elapsed();
            assert!(parsed.is_ok(), "the timed text is a brief");
            took
        })
        .min()
        .unwrap_or_default()
}

/// Ten times the input takes at most `LIMIT` times as long: linear work gives about 10,
/// quadratic work 100. Generous (40) for a shared and noisy machine, and each size takes its
/// best of several runs.
const LIMIT: f64 = 40.0;

#[test]
fn parse_time_is_linear_in_the_input() {
    const TOPIC: &str = "T\n\n1. Chips\n\nAt a glance: x\n\n";
    const NEWS: &str = "T\n\n1. Chips\n\nAt a glance: x\n\nWORTH NOTING\nPolicy news\n";
    // (name, head, repeated unit, tail): each stresses a different part of the parser.
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "paragraphs with acronyms",
            TOPIC,
            "The Ministry of Industry and Information Technology (MIIT) set up a fund.\n",
            "",
        ),
        (
            "dated bullets without a year",
            "T\n\n1. Chips\n\nAt a glance: x\n\nPolicy name: P\nDate: March 1, 2021\n\n2. More\n\n",
            "• March 3: an event happens\n",
            "",
        ),
        (
            "news entries",
            NEWS,
            "• March 3, 2021: A company invests (Ministry letter (CN); Reuters report (EN))\n",
            "",
        ),
        (
            "footer lines with inline labels",
            TOPIC,
            "Issuing body: State Council Of Many Capital Words Date: March 3, 2021\n",
            "",
        ),
        (
            "header lines before the first topic",
            "Title\n",
            "Subscribe to our newsletter for more\n",
            "1. Chips\n\nAt a glance: x\n",
        ),
        (
            "one long line of opening brackets",
            "T\n\n1. Chips\n\nAt a glance: ",
            "((《 [a ",
            ")\n",
        ),
        (
            "one long line of capitalised words in a footer",
            "T\n\n1. Chips\n\nPolicy name: ",
            "Alpha Beta Date Comment Issuing ",
            "\n",
        ),
        (
            "one long line of Markdown links that are not links",
            "T\n\n1. Chips\n\nAt a glance: ",
            "[a](b c **x** ",
            ")\n",
        ),
        (
            "Chinese text",
            TOPIC,
            "《工业互联网创新发展行动计划（2021-2023年）》解读（两区）国家发展\n",
            "",
        ),
    ];
    // Small enough for a debug build: quadratic work shows at any size.
    let small = 64_000;
    for (name, head, unit, tail) in cases {
        let short = repeated(head, unit, tail, small);
        let long = repeated(head, unit, tail, 10 * small);
        let short_time = parse_time(&short, 5);
        let long_time = parse_time(&long, 4);
        let ratio = long_time.as_secs_f64() / short_time.as_secs_f64().max(1e-6);
        assert!(
            ratio < LIMIT,
            "{name}: {} bytes took {long_time:?}, {} bytes {short_time:?}: {ratio:.1} times",
            long.len(),
            short.len()
        );
    }
}
