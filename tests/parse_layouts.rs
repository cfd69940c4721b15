//! Golden tests of the brief parser against the page layouts real saved briefs come in:
//! `tests/fixtures/briefs/layouts/*.txt`, one fixture per layout convention.
//!
//! Every fixture is invented text (fictional but plausible industrial-policy news) laid out
//! the way one kind of real page is: the full "MERICS Briefs" header, an image file name or
//! a dateline as caption, a German reading time, an inline or missing header, a compact
//! rendering without blank lines, a repost with runs of blank lines and plain-line bullets,
//! contents lists with subscription notices, single-topic pages, check-mark labels, a full
//! brief with ranges of dates in "Worth noting", and the China Essentials story layouts.
//! About half are excerpts that stop mid-word, as saved pages often do.
//!
//! The expected values say what a careful human reader takes the page to mean, following
//! the conventions in `src/model/brief.rs`; they were not copied from the parser's output.
//! Each test checks every field it can and reports all mismatches at once, one per line,
//! so a failing test shows everything that differs.
//!
//! Conventions the expectations rely on:
//! - `at_a_glance` is the "At a glance" (or "The facts") paragraph plus any paragraph between
//!   it and the comment that is not a bullet; paragraphs are joined with a blank line.
//! - `comment` is the "MERICS comment" / "MERICS analysis" paragraph and the unlabelled
//!   paragraphs after it; `watch` is "What to watch".
//! - A China Essentials story is a topic: its headline, and its paragraphs as `at_a_glance`.
//! - `contents` holds a contents list's entries as written, without numbers or bullets
//!   (labels such as "TOP STORY:" are part of what is written); a "Top 5" heading with no
//!   list under it gives no contents. A subscription notice's paragraphs are `notes`.
//! - The publisher is "MERICS" whenever the page names a MERICS series or the institute.
//!   A page that names no series has the one its layout implies: a "Top 5" heading or
//!   "At a glance" / "MERICS comment" labels mean China Industries, "Top story" China
//!   Essentials.
//! - `period` is the month of the latest policy or news date (a news entry's first day),
//!   else the month a monthly title names; a page with neither has none.
//! - An excerpt that stops mid-word or mid-label has a warning on its last line saying where
//!   the text stops; everything before it is kept. Complete pages have no warnings.

use std::fmt::{Debug, Display};
use std::path::{Path, PathBuf};

use briefdesk::model::{Brief, GlossaryKind, NewsItem, Policy, Section, Topic};
use briefdesk::parse::parse_brief;
use chrono::NaiveDate;

// ---------------------------------------------------------------------------------------------
// Fixtures

/// Every file in `tests/fixtures/briefs/layouts/`, each with its test below.
const LAYOUTS: &[&str] = &[
    "essentials-full-header.txt",
    "essentials-mirror.txt",
    "essentials-single-story-labels.txt",
    "essentials-top-story-caps.txt",
    "essentials-top-story-inline.txt",
    "essentials-top-story-title-case.txt",
    "industries-check-mark-labels.txt",
    "industries-compact.txt",
    "industries-contents-authors.txt",
    "industries-contents-list.txt",
    "industries-contents-unnumbered-topic.txt",
    "industries-cut-mid-footer.txt",
    "industries-cut-mid-label.txt",
    "industries-dateline-caption.txt",
    "industries-file-name-caption-jpg.txt",
    "industries-file-name-caption.txt",
    "industries-full-four-topics.txt",
    "industries-full-header.txt",
    "industries-german-reading-time.txt",
    "industries-inline-header.txt",
    "industries-lowercase-caption.txt",
    "industries-merics-top-5-casing.txt",
    "industries-monthly-title.txt",
    "industries-no-briefs-line.txt",
    "industries-no-reading-time.txt",
    "industries-repost.txt",
    "industries-single-topic.txt",
];

const INDUSTRIES: &str = "MERICS China Industries";
const ESSENTIALS: &str = "MERICS China Essentials";

fn layouts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/briefs/layouts")
}

fn text_of(name: &str) -> String {
    let path = layouts_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Parses a fixture; the checks collect every mismatch and report them in [`Checks::finish`].
fn open(name: &'static str) -> (Brief, Checks) {
    let brief = parse_brief(&text_of(name)).unwrap_or_else(|e| panic!("{name}: parse error: {e}"));
    (
        brief,
        Checks {
            fixture: name,
            failures: Vec::new(),
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Soft assertions

struct Checks {
    fixture: &'static str,
    failures: Vec<String>,
}

/// The header facts every test states.
struct Header<'a> {
    caption: Option<&'a str>,
    publisher: Option<&'a str>,
    series: Option<&'a str>,
    reading_minutes: Option<u32>,
    title: &'a str,
}

/// A policy footer's four fields.
struct Footer<'a> {
    name: &'a str,
    name_zh: Option<&'a str>,
    body: &'a str,
    date: &'a str,
}

impl Checks {
    fn fail(&mut self, what: impl Display, detail: impl Display) {
        self.failures.push(format!("{what}: {detail}"));
    }

    fn eq<A, E>(&mut self, what: impl Display, actual: A, expected: E)
    where
        A: PartialEq<E> + Debug,
        E: Debug,
    {
        if actual != expected {
            self.fail(what, format!("expected {expected:?}, got {actual:?}"));
        }
    }

    fn ok(&mut self, what: impl Display, ok: bool, actual: impl Debug) {
        if !ok {
            self.fail(what, format!("got {actual:?}"));
        }
    }

    fn starts(&mut self, what: impl Display, text: &str, prefix: &str) {
        if !text.starts_with(prefix) {
            self.fail(
                what,
                format!("expected to start with {prefix:?}, got {text:?}"),
            );
        }
    }

    fn ends(&mut self, what: impl Display, text: &str, suffix: &str) {
        if !text.ends_with(suffix) {
            self.fail(
                what,
                format!("expected to end with {suffix:?}, got {text:?}"),
            );
        }
    }

    fn header(&mut self, b: &Brief, h: Header<'_>) {
        self.eq("title", b.title.as_str(), h.title);
        self.eq("caption", b.caption.as_deref(), h.caption);
        self.eq("publisher", b.publisher.as_deref(), h.publisher);
        self.eq("series", b.series.as_deref(), h.series);
        self.eq("reading_minutes", b.reading_minutes, h.reading_minutes);
    }

    fn period(&mut self, b: &Brief, expected: Option<&str>) {
        self.eq(
            "period",
            b.period.map(|p| p.to_string()).as_deref(),
            expected,
        );
    }

    fn front(&mut self, b: &Brief, contents: &[&str], notes: &[&str], authors: &[&str]) {
        self.eq("contents", &b.contents, contents);
        self.eq("notes", &b.notes, notes);
        self.eq("authors", &b.authors, authors);
    }

    fn headlines(&mut self, b: &Brief, expected: &[&str]) {
        let numbers: Vec<u32> = b.topics.iter().map(|t| t.number).collect();
        let want: Vec<u32> = (1..=expected.len() as u32).collect();
        self.eq("topic numbers", numbers, want);
        let headlines: Vec<&str> = b.topics.iter().map(|t| t.headline.as_str()).collect();
        self.eq("headlines", headlines, expected);
    }

    /// Topic `n` (1-based), or a failure when there is none.
    fn topic<'b>(&mut self, b: &'b Brief, n: usize) -> Option<&'b Topic> {
        let t = b.topics.get(n - 1);
        if t.is_none() {
            self.fail(
                format!("topic {n}"),
                format!("missing ({} topics)", b.topics.len()),
            );
        }
        t
    }

    fn policy(&mut self, t: &Topic, f: Footer<'_>) {
        let n = t.number;
        match &t.policy {
            None => self.fail(
                format!("topic {n} policy"),
                format!("missing, expected {:?}", f.name),
            ),
            Some(p) => {
                self.eq(format!("topic {n} policy name"), p.name.as_str(), f.name);
                self.eq(
                    format!("topic {n} policy name_zh"),
                    p.name_zh.as_deref(),
                    f.name_zh,
                );
                self.eq(
                    format!("topic {n} policy issuing_body"),
                    p.issuing_body.as_deref(),
                    Some(f.body),
                );
                self.eq(format!("topic {n} policy date"), ymd(p.date), f.date);
            }
        }
    }

    fn no_policy(&mut self, t: &Topic) {
        self.eq(
            format!("topic {} policy", t.number),
            &t.policy,
            &None::<Policy>,
        );
    }

    fn no_news(&mut self, b: &Brief) {
        self.eq("news count", b.news.len(), 0);
    }

    fn no_warnings(&mut self, b: &Brief) {
        if !b.warnings.is_empty() {
            let shown: Vec<String> = b
                .warnings
                .iter()
                .map(|w| format!("line {}: {}", w.line, w.message))
                .collect();
            self.fail("warnings", format!("expected none, got {shown:?}"));
        }
    }

    /// An excerpt cut off at `line`: a warning there says where the text stops, and no
    /// other line is warned about.
    fn cut_at(&mut self, b: &Brief, line: usize) {
        let says_stop = |m: &str| {
            let m = m.to_lowercase();
            m.contains("stop") || m.contains("cut off") || m.contains("truncat")
        };
        let lines: Vec<usize> = b.warnings.iter().map(|w| w.line).collect();
        if !b
            .warnings
            .iter()
            .any(|w| w.line == line && says_stop(&w.message))
        {
            self.fail(
                "cut-off warning",
                format!(
                    "expected one on line {line} saying where the text stops, got {:?}",
                    b.warnings
                        .iter()
                        .map(|w| format!("line {}: {}", w.line, w.message))
                        .collect::<Vec<_>>()
                ),
            );
        }
        if lines.iter().any(|&l| l != line) {
            self.fail(
                "warnings",
                format!("expected only line {line}, got lines {lines:?}"),
            );
        }
    }

    fn finish(self) {
        if !self.failures.is_empty() {
            panic!(
                "{}: {} mismatch(es)\n  {}",
                self.fixture,
                self.failures.len(),
                self.failures.join("\n  ")
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

fn ymd(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "-".to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

/// A text's paragraphs (joined with a blank line in the model).
fn paras(text: &str) -> Vec<&str> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split("\n\n").collect()
    }
}

fn news_of(b: &Brief, section: Section) -> Vec<&NewsItem> {
    b.news.iter().filter(|n| n.section == section).collect()
}

/// (date, until) of each entry of one section.
fn news_dates(b: &Brief, section: Section) -> Vec<(String, String)> {
    news_of(b, section)
        .iter()
        .map(|n| (ymd(n.date), ymd(n.until)))
        .collect()
}

fn sources(item: &NewsItem) -> Vec<(String, String)> {
    item.sources
        .iter()
        .map(|s| {
            (
                s.title.to_string(),
                s.lang.map_or("-", |l| l.tag()).to_owned(),
            )
        })
        .collect()
}

fn glossary_has(b: &Brief, term: &str, meaning: &str, kind: GlossaryKind) -> bool {
    b.glossary
        .iter()
        .any(|g| g.term == term && g.meaning == meaning && g.kind == kind)
}

/// Every text field of a brief, with where it is.
fn all_texts(b: &Brief) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = vec![("title".into(), b.title.as_str())];
    for (label, value) in [
        ("series", &b.series),
        ("publisher", &b.publisher),
        ("caption", &b.caption),
    ] {
        if let Some(v) = value {
            out.push((label.into(), v));
        }
    }
    out.extend(b.authors.iter().map(|a| ("author".into(), a.as_str())));
    out.extend(b.notes.iter().map(|n| ("note".into(), n.as_str())));
    out.extend(b.contents.iter().map(|c| ("contents".into(), c.as_str())));
    for t in &b.topics {
        let at = |field: &str| format!("topic {} {field}", t.number);
        out.push((at("headline"), &t.headline));
        out.push((at("at_a_glance"), &t.at_a_glance));
        out.push((at("comment"), &t.comment));
        out.push((at("watch"), &t.watch));
        out.extend(t.points.iter().map(|p| (at("point"), p.as_str())));
        out.extend(t.events.iter().map(|e| (at("event"), e.text.as_str())));
        if let Some(p) = &t.policy {
            out.push((at("policy name"), &p.name));
            out.extend(p.name_zh.iter().map(|z| (at("policy name_zh"), z.as_str())));
            out.extend(
                p.issuing_body
                    .iter()
                    .map(|z| (at("issuing body"), z.as_str())),
            );
        }
    }
    for n in &b.news {
        out.push(("news text".into(), &n.text));
        out.extend(n.sources.iter().map(|s| ("news source".into(), &*s.title)));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Checks over all fixtures

#[test]
fn every_layout_fixture_has_a_test() {
    let mut on_disk: Vec<String> = std::fs::read_dir(layouts_dir())
        .expect("the layouts folder")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = LAYOUTS.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "add a test for each new layout fixture and list it in LAYOUTS"
    );
}

/// A title is never a numbered topic heading, and a series is a short MERICS series name,
/// never a heading ("MERICS TOP 5", "Top story") or a sentence.
#[test]
fn titles_are_no_headlines_and_series_are_names() {
    let mut failures = Vec::new();
    for name in LAYOUTS {
        let b = match parse_brief(&text_of(name)) {
            Ok(b) => b,
            Err(e) => {
                failures.push(format!("{name}: parse error: {e}"));
                continue;
            }
        };
        for t in &b.topics {
            for numbered in [
                format!("{}. {}", t.number, t.headline),
                format!("{}) {}", t.number, t.headline),
            ] {
                if b.title == numbered {
                    failures.push(format!(
                        "{name}: the title is topic {}'s heading {numbered:?}",
                        t.number
                    ));
                }
            }
        }
        let digits = b.title.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && b.title[digits..].starts_with(['.', ')']) {
            failures.push(format!("{name}: the title is numbered: {:?}", b.title));
        }
        if b.title.trim().is_empty() {
            failures.push(format!("{name}: no title"));
        }
        if let Some(series) = &b.series {
            let lower = series.to_lowercase();
            let heading = lower.contains("top 5")
                || lower.contains("top story")
                || lower.contains("top5")
                || lower.contains("'")
                || lower.contains('’');
            let sentence = series.ends_with(['.', ':', '!', '?', ','])
                || series.split_whitespace().count() > 4
                || series.contains('_');
            if heading || sentence || !(series == INDUSTRIES || series == ESSENTIALS) {
                failures.push(format!("{name}: the series is no series name: {series:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// What EXPECTED.md asks of every brief: trimmed texts without CR, tabs, bullet glyphs,
/// check marks, labels or "(Link)".
#[test]
fn layout_fixtures_keep_no_labels_or_markup() {
    const LABELS: &[&str] = &[
        "At a glance:",
        "MERICS comment:",
        "MERICS analysis:",
        "The facts:",
        "What to watch:",
        "Policy name:",
        "Issuing body:",
        "Date:",
        "WORTH NOTING",
        "Author(s)",
    ];
    let mut failures = Vec::new();
    for name in LAYOUTS {
        let Ok(b) = parse_brief(&text_of(name)) else {
            failures.push(format!("{name}: parse error"));
            continue;
        };
        for (place, text) in all_texts(&b) {
            let at = format!("{name}: {place} {text:?}");
            if text != text.trim() {
                failures.push(format!("{at} is not trimmed"));
            }
            if text.contains(['\r', '\t', '✔']) {
                failures.push(format!("{at} holds CR, tab or a check mark"));
            }
            if text.starts_with(['•', '-', '*', '·', '#', '>']) {
                failures.push(format!("{at} keeps a bullet or marker"));
            }
            if text.contains("(Link)") {
                failures.push(format!("{at} keeps (Link)"));
            }
            if let Some(label) = LABELS.iter().find(|l| text.contains(*l)) {
                failures.push(format!("{at} keeps the label {label:?}"));
            }
        }
        for t in &b.topics {
            if t.headline.trim().is_empty() {
                failures.push(format!("{name}: topic {} has no headline", t.number));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// China Industries

/// Convention 1: The full header, a title with straight double quotes, "MERICS TOP 5", "  • " bullets
/// and an unlabelled second comment paragraph.
#[test]
fn industries_full_header() {
    let (b, mut c) = open("industries-full-header.txt");
    c.header(
        &b,
        Header {
            caption: Some("Workers assemble heat pumps at a factory in Qingdao"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(11),
            title: "Heat pumps + \"Little giants\" + Port cranes",
        },
    );
    c.period(&b, Some("2023-05"));
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &[
            "MIIT sets out a roadmap for heat pump upgrades in northern cities",
            "Provinces compete to nurture more \"little giant\" firms",
            "State-owned crane maker wins a string of port contracts abroad",
        ],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.starts(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The Ministry of Industry and Information Technology (MIIT) has released guiding opinions",
        );
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The document sets several targets for 2025, including:",
        );
        c.eq(
            "topic 1 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            1,
        );
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "Install heat pumps in at least 3 million rural households",
                "Raise the average seasonal efficiency of new units by 15 percent",
                "Set up testing centers for low-temperature performance in Hebei and Shandong",
            ],
        );
        c.eq("topic 1 events", t.events.len(), 0);
        let comment = paras(&t.comment);
        c.eq("topic 1 comment paragraphs", comment.len(), 2);
        c.starts(
            "topic 1 comment",
            &t.comment,
            "Heat pumps have become a quiet success",
        );
        c.ok(
            "topic 1 comment paragraph 2",
            comment
                .get(1)
                .is_some_and(|p| p.starts_with("For European producers the picture is mixed.")),
            &comment,
        );
        c.policy(
            t,
            Footer {
                name: "Guiding Opinions on Promoting Clean Heating with Heat Pumps in Northern Regions",
                name_zh: Some("关于在北方地区推广热泵清洁取暖的指导意见"),
                body: "MIIT, NDRC",
                date: "2023-05-12",
            },
        );
    }
    if let Some(t) = c.topic(&b, 2) {
        c.ends(
            "topic 2 at_a_glance",
            &t.at_a_glance,
            "certified as \"little giants\". The packages differ in size but share common elements, including:",
        );
        c.eq(
            "topic 2 points",
            &t.points,
            &[
                "Cash rewards of up to CNY 5 million for each newly certified firm",
                "Priority access to listing on the Beijing Stock Exchange",
            ],
        );
        c.eq("topic 2 comment paragraphs", paras(&t.comment).len(), 1);
        c.policy(
            t,
            Footer {
                name: "Measures to Support Specialized and Sophisticated SMEs in Zhejiang Province",
                name_zh: Some("浙江省支持专精特新中小企业发展若干措施"),
                body: "Zhejiang Provincial Department of Economy and Information Technology",
                date: "2023-05-23",
            },
        );
    }
    if let Some(t) = c.topic(&b, 3) {
        c.eq("topic 3 points", t.points.len(), 0);
        c.ends(
            "topic 3 at_a_glance",
            &t.at_a_glance,
            "busy until the end of next year.",
        );
        c.eq(
            "topic 3 comment",
            t.comment.as_str(),
            "Chinese suppliers already dominate the global market for port cranes. Security reviews of such equipment in the US and Europe have not yet slowed demand elsewhere.",
        );
        c.no_policy(t);
    }
    c.no_news(&b);
    c.ok(
        "glossary MIIT",
        glossary_has(
            &b,
            "MIIT",
            "Ministry of Industry and Information Technology",
            GlossaryKind::Acronym,
        ),
        &b.glossary,
    );
    c.no_warnings(&b);
    c.finish();
}

/// Convention 2: The caption is an image file name that contains the series, with spaces.
#[test]
fn industries_file_name_caption() {
    let (b, mut c) = open("industries-file-name-caption.txt");
    c.header(
        &b,
        Header {
            caption: Some("210311_MERICS China Industries_header"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(10),
            title: "Hydrogen valleys + Rare earth tracing + Foundry subsidies",
        },
    );
    c.period(&b, None);
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &["Inner Mongolia wants to become a hub for green hydrogen"],
    );
    if let Some(t) = c.topic(&b, 1) {
        let glance = paras(&t.at_a_glance);
        c.eq("topic 1 at_a_glance paragraphs", glance.len(), 2);
        c.starts(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The regional government of Inner Mongolia",
        );
        c.ok(
            "topic 1 at_a_glance paragraph 1 ends with its lead-in",
            glance
                .first()
                .is_some_and(|p| p.ends_with("By 2025, the plan aims for:")),
            &glance,
        );
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "for example to make ammonia or methanol.",
        );
        c.eq("topic 1 point count", t.points.len(), 4);
        c.eq(
            "topic 1 point 1",
            t.points.first().map(String::as_str),
            Some("An annual green hydrogen output of 500,000 tons"),
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 2);
        c.starts(
            "topic 1 comment",
            &t.comment,
            "The region has some of the best wind",
        );
        c.ends(
            "topic 1 comment",
            &t.comment,
            "avoid a wave of half-used facto",
        );
        c.no_policy(t);
    }
    c.no_news(&b);
    c.cut_at(&b, 23);
    c.finish();
}

/// Convention 2: The caption is a digits-and-underscores image file name ending in ".jpg".
#[test]
fn industries_file_name_caption_jpg() {
    let (b, mut c) = open("industries-file-name-caption-jpg.txt");
    c.header(
        &b,
        Header {
            caption: Some("123456789_MERICS_China_Industries_210311.jpg"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(8),
            title: "Smart meters + Shipping data",
        },
    );
    c.period(&b, Some("2021-03"));
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &[
            "State Grid plans a nationwide rollout of next-generation smart meters",
            "MOT pushes a common data standard for container shipping",
        ],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.starts(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The National Energy Administration (NEA) has approved a plan",
        );
        c.ends("topic 1 at_a_glance", &t.at_a_glance, "The plan foresees:");
        c.eq("topic 1 point count", t.points.len(), 3);
        c.eq(
            "topic 1 point 2",
            t.points.get(1).map(String::as_str),
            Some("Using domestically designed metering chips only"),
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 1);
        c.policy(
            t,
            Footer {
                name: "Reply on the Upgrade Plan for Smart Electricity Meters",
                name_zh: Some("关于智能电表升级改造方案的复函"),
                body: "NEA",
                date: "2021-03-04",
            },
        );
    }
    if let Some(t) = c.topic(&b, 2) {
        c.eq("topic 2 points", t.points.len(), 0);
        c.eq(
            "topic 2 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            1,
        );
        c.eq("topic 2 comment paragraphs", paras(&t.comment).len(), 1);
        c.policy(
            t,
            Footer {
                name: "Data Exchange Standard for Container Transport (Draft for Comments)",
                name_zh: Some("集装箱运输数据交换标准(征求意见稿)"),
                body: "Ministry of Transport",
                date: "2021-03-09",
            },
        );
    }
    c.no_news(&b);
    c.no_warnings(&b);
    c.finish();
}

/// Convention 3: A caption that starts in lower case.
#[test]
fn industries_lowercase_caption() {
    let (b, mut c) = open("industries-lowercase-caption.txt");
    c.header(
        &b,
        Header {
            caption: Some("a robot arm sorts parcels at a logistics center in Wuhan"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(9),
            title: "Logistics robots + Cold storage + Cross-border e-commerce",
        },
    );
    c.period(&b, None);
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &["MIIT wants robots in every large logistics hub by 2025"],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.eq(
            "topic 1 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            2,
        );
        c.starts(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The MIIT and the State Post Bureau",
        );
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "already handle a large share of inland parcel traffic.",
        );
        c.eq("topic 1 point count", t.points.len(), 4);
        c.eq(
            "topic 1 point 4",
            t.points.get(3).map(String::as_str),
            Some("Connect hub operators to a national logistics information platform"),
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 2);
        c.ends("topic 1 comment", &t.comment, "as local alternatives mat");
        c.no_policy(t);
    }
    c.cut_at(&b, 23);
    c.finish();
}

/// Convention 3: An all-caps dateline caption with a colon and a date without a year.
#[test]
fn industries_dateline_caption() {
    let (b, mut c) = open("industries-dateline-caption.txt");
    c.header(
        &b,
        Header {
            caption: Some(
                "SHENZHEN, CHINA - JUNE 3: Visitors try out delivery drones at a technology fair in Shenzhen",
            ),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(7),
            title: "Low-altitude economy + Battery passports",
        },
    );
    c.period(&b, Some("2022-06"));
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &[
            "CAAC opens more airspace for commercial drone deliveries",
            "SAMR drafts a traceability code for power batteries",
        ],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.ends("topic 1 at_a_glance", &t.at_a_glance, "The rules also:");
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "Create a fast-track certification for drones under 25 kilograms",
                "Require insurance cover of at least CNY 5 million per operator",
            ],
        );
        c.eq("topic 1 events", t.events.len(), 0);
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 1);
        c.policy(
            t,
            Footer {
                name: "Interim Rules on the Operation of Light Unmanned Aircraft for Logistics",
                name_zh: Some("轻小型无人驾驶航空器物流配送运行暂行规定"),
                body: "CAAC",
                date: "2022-06-08",
            },
        );
    }
    if let Some(t) = c.topic(&b, 2) {
        c.eq("topic 2 points", t.points.len(), 0);
        c.starts(
            "topic 2 comment",
            &t.comment,
            "The draft resembles the battery passport",
        );
        c.policy(
            t,
            Footer {
                name: "Coding Rules for Traction Battery Traceability (Draft for Comments)",
                name_zh: Some("动力电池溯源编码规则(征求意见稿)"),
                body: "SAMR",
                date: "2022-06-21",
            },
        );
    }
    c.no_news(&b);
    c.ok(
        "glossary CAAC",
        glossary_has(
            &b,
            "CAAC",
            "Civil Aviation Administration of China",
            GlossaryKind::Acronym,
        ),
        &b.glossary,
    );
    c.ok(
        "glossary SAMR",
        glossary_has(
            &b,
            "SAMR",
            "State Administration for Market Regulation",
            GlossaryKind::Acronym,
        ),
        &b.glossary,
    );
    c.no_warnings(&b);
    c.finish();
}

/// Convention 4: The German site's "13 Minuten Lesedauer" and a German caption; the body is English.
#[test]
fn industries_german_reading_time() {
    let (b, mut c) = open("industries-german-reading-time.txt");
    c.header(
        &b,
        Header {
            caption: Some("Ein Offshore-Windpark vor der Küste der Provinz Fujian"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(13),
            title: "Offshore wind + Steel quotas + AI chips",
        },
    );
    c.period(&b, None);
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &["Fujian raises its offshore wind ambitions with a new tender round"],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.eq(
            "topic 1 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            2,
        );
        c.ends("topic 1 at_a_glance", &t.at_a_glance, "within three years.");
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "Turbines with a unit capacity of at least 13 megawatts",
                "Grid connection of all projects within four years",
                "A local service base in Fuzhou or Putian",
                "A plan for recycling blades at the end of their life",
            ],
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 2);
        c.ends("topic 1 comment", &t.comment, "much further from the sh");
        c.no_policy(t);
    }
    c.cut_at(&b, 23);
    c.finish();
}

/// Convention 5: No "MERICS Briefs" line: caption, series, reading time; a complete page with news.
#[test]
fn industries_no_briefs_line() {
    let (b, mut c) = open("industries-no-briefs-line.txt");
    c.header(
        &b,
        Header {
            caption: Some("Engineers check a transformer at a substation in Zhangjiakou"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(9),
            title: "Grid storage + Data exchanges",
        },
    );
    c.period(&b, Some("2021-07"));
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &[
            "NDRC and NEA set a national target for new-type energy storage",
            "Shanghai opens a data exchange for trading corporate datasets",
        ],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "Key measures include:",
        );
        c.eq("topic 1 point count", t.points.len(), 3);
        c.eq(
            "topic 1 point 1",
            t.points.first().map(String::as_str),
            Some("Allowing storage stations to sell services to the grid as independent market players"),
        );
        c.policy(
            t,
            Footer {
                name: "Guiding Opinions on Accelerating the Development of New-Type Energy Storage",
                name_zh: Some("关于加快推动新型储能发展的指导意见"),
                body: "NDRC, NEA",
                date: "2021-07-23",
            },
        );
    }
    if let Some(t) = c.topic(&b, 2) {
        c.eq("topic 2 points", t.points.len(), 0);
        c.ends(
            "topic 2 comment",
            &t.comment,
            "the rules on cross-border transfer remain unclear.",
        );
        c.no_policy(t);
    }
    c.eq("policy news", news_dates(&b, Section::Policy).len(), 0);
    c.eq(
        "corporate news dates",
        news_dates(&b, Section::Corporate),
        vec![
            ("2021-07-06".to_owned(), "-".to_owned()),
            ("2021-07-27".to_owned(), "-".to_owned()),
        ],
    );
    let corporate = news_of(&b, Section::Corporate);
    if let [first, second] = corporate.as_slice() {
        c.eq(
            "news 2021-07-06 text",
            first.text.as_str(),
            "Battery maker Haichen Energy opens a plant for storage cells in Xiamen",
        );
        c.eq(
            "news 2021-07-06 sources",
            sources(first),
            vec![("Company statement".to_owned(), "CN".to_owned())],
        );
        c.eq(
            "news 2021-07-27 sources",
            sources(second),
            vec![
                ("Yicai article".to_owned(), "CN".to_owned()),
                ("Reuters article".to_owned(), "EN".to_owned()),
            ],
        );
    }
    c.ok(
        "glossary NDRC",
        glossary_has(
            &b,
            "NDRC",
            "National Development and Reform Commission",
            GlossaryKind::Acronym,
        ),
        &b.glossary,
    );
    c.no_warnings(&b);
    c.finish();
}

/// Convention 6: A monthly title right after the header, no "Top 5" line, bullets separated by blank
/// lines.
#[test]
fn industries_monthly_title() {
    let (b, mut c) = open("industries-monthly-title.txt");
    c.header(
        &b,
        Header {
            caption: Some("Solar panels on the roof of a factory in Jiangsu"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(10),
            title: "MERICS China Industries Briefing - October 2020",
        },
    );
    c.period(&b, Some("2020-10"));
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &[
            "NEA pilots rooftop solar across entire counties",
            "Guangdong funds a second wave of chip design startups",
        ],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.eq(
            "topic 1 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            1,
        );
        c.ends("topic 1 at_a_glance", &t.at_a_glance, "The pilot requires:");
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "Panels on at least half of all government buildings in each county",
                "Panels on at least 30 percent of factory roofs",
                "Annual reports on grid stability from local utilities",
            ],
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 1);
        c.policy(
            t,
            Footer {
                name: "Notice on Organizing County-Wide Pilots for Distributed Rooftop Solar",
                name_zh: Some("关于组织开展整县屋顶分布式光伏试点的通知"),
                body: "NEA",
                date: "2020-10-15",
            },
        );
    }
    if let Some(t) = c.topic(&b, 2) {
        c.eq(
            "topic 2 points",
            &t.points,
            &[
                "Processors for industrial equipment",
                "Power management chips for electric vehicles",
            ],
        );
        c.eq(
            "topic 2 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            1,
        );
        c.policy(
            t,
            Footer {
                name: "Implementation Measures for the Guangdong Integrated Circuit Design Industry Fund",
                name_zh: Some("广东省集成电路设计产业基金实施办法"),
                body: "Guangdong Provincial Department of Finance",
                date: "2020-10-28",
            },
        );
    }
    c.no_news(&b);
    c.no_warnings(&b);
    c.finish();
}

/// Convention 7: A compact rendering: two empty lines, no header, "MERICS Top 5" under the title, no
/// blank lines, "- " bullets in two groups, every paragraph on one line.
#[test]
fn industries_compact() {
    let (b, mut c) = open("industries-compact.txt");
    // No header lines, but the page is plainly a China Industries brief: a "MERICS Top 5"
    // heading over topics labelled "At a glance" and "MERICS comment".
    c.header(
        &b,
        Header {
            caption: None,
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: None,
            title: "Battery recycling + Pharmaceutical exports + Satellite internet",
        },
    );
    c.period(&b, Some("2024-01"));
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &[
            "MIIT tightens the rules for battery recycling firms",
            "MOFCOM streamlines export approvals for generic drugs",
            "Satellite internet operator wins approval for a second constellation",
        ],
    );
    if let Some(t) = c.topic(&b, 1) {
        let glance = paras(&t.at_a_glance);
        c.eq("topic 1 at_a_glance paragraphs", glance.len(), 2);
        c.ok(
            "topic 1 at_a_glance paragraph 1",
            glance.first().is_some_and(|p| {
                p.starts_with("The MIIT has revised the requirements")
                    && p.ends_with("Key aspects include:")
            }),
            &glance,
        );
        c.eq(
            "topic 1 at_a_glance paragraph 2",
            glance.get(1).copied(),
            Some(
                "Companies already on the register have one year to comply, and those that fail an inspection will lose their place. Key aspects include:",
            ),
        );
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "A minimum recovery rate of 98 percent for lithium",
                "Digital tracking of every battery pack from intake to dismantling",
                "Annual on-site audits by provincial authorities",
                "Public disclosure of recovery rates",
            ],
        );
        let comment = paras(&t.comment);
        c.eq("topic 1 comment paragraphs", comment.len(), 2);
        c.starts(
            "topic 1 comment",
            &t.comment,
            "The register has so far done little",
        );
        c.eq(
            "topic 1 comment paragraph 2",
            comment.get(1).copied(),
            Some(
                "Europe is introducing similar recovery targets, and Chinese recyclers that meet the new standards will be well placed to expand abroad.",
            ),
        );
        c.policy(
            t,
            Footer {
                name: "Industry Standard Conditions for the Comprehensive Utilization of Waste Power Batteries (2024 Edition)",
                name_zh: Some("废旧动力电池综合利用行业规范条件(2024年本)"),
                body: "MIIT",
                date: "2024-01-17",
            },
        );
    }
    if let Some(t) = c.topic(&b, 2) {
        c.eq(
            "topic 2 at_a_glance",
            t.at_a_glance.as_str(),
            "The Ministry of Commerce has shortened the review period for export licenses for generic medicines to 15 working days. Manufacturers certified by foreign regulators can apply for a license that is valid for three years.",
        );
        c.eq("topic 2 points", t.points.len(), 0);
        c.eq("topic 2 comment paragraphs", paras(&t.comment).len(), 1);
        c.policy(
            t,
            Footer {
                name: "Notice on Optimizing Export Licensing for Pharmaceutical Products",
                name_zh: Some("关于优化药品出口许可管理的通知"),
                body: "MOFCOM",
                date: "2024-01-25",
            },
        );
    }
    if let Some(t) = c.topic(&b, 3) {
        c.eq(
            "topic 3 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            1,
        );
        c.ends(
            "topic 3 comment",
            &t.comment,
            "will be the first to benefit.",
        );
        c.no_policy(t);
    }
    c.no_news(&b);
    c.no_warnings(&b);
    c.finish();
}

/// Convention 8: The publisher, series and reading time on one line.
#[test]
fn industries_inline_header() {
    let (b, mut c) = open("industries-inline-header.txt");
    c.header(
        &b,
        Header {
            caption: Some("A test track for autonomous buses in Chongqing"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(11),
            title: "Robotaxis + Lidar + Fertilizer exports",
        },
    );
    c.period(&b, None);
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &["Chongqing allows fully driverless robotaxis in two districts"],
    );
    if let Some(t) = c.topic(&b, 1) {
        let glance = paras(&t.at_a_glance);
        c.eq("topic 1 at_a_glance paragraphs", glance.len(), 2);
        c.eq(
            "topic 1 at_a_glance paragraph 2",
            glance.get(1).copied(),
            Some("The rules take effect next month and will be reviewed after one year."),
        );
        c.eq("topic 1 point count", t.points.len(), 4);
        c.eq(
            "topic 1 point 1",
            t.points.first().map(String::as_str),
            Some("At least 1 million kilometers of local road testing"),
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 2);
        c.ends(
            "topic 1 comment",
            &t.comment,
            "local permits will remain experim",
        );
        c.no_policy(t);
    }
    c.cut_at(&b, 21);
    c.finish();
}

/// Convention 9: A repost: " date 2021-10-10 MERICS China Industries:", runs of blank lines, and
/// bullets written as plain lines after "…include:".
#[test]
fn industries_repost() {
    let (b, mut c) = open("industries-repost.txt");
    c.header(
        &b,
        Header {
            caption: None,
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: None,
            title: "Power rationing + Semiconductor materials",
        },
    );
    // The latest policy date is in September; the repost date is no policy or news date.
    c.period(&b, Some("2021-09"));
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &[
            "Power shortages force factories in several provinces to cut output",
            "MIIT names semiconductor materials for priority support",
        ],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.eq(
            "topic 1 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            1,
        );
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The notice's main measures include:",
        );
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "Letting market prices for coal power deviate by up to 20 percent from the benchmark",
                "Removing price caps for energy-intensive industries",
                "Encouraging long-term coal supply contracts between mines and utilities",
            ],
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 1);
        c.starts(
            "topic 1 comment",
            &t.comment,
            "The rationing exposes the tension",
        );
        c.policy(
            t,
            Footer {
                name: "Notice on Widening the Price Band for Coal-Fired Power in Industrial Markets",
                name_zh: Some("关于扩大燃煤发电工业市场价格浮动范围的通知"),
                body: "NDRC",
                date: "2021-09-28",
            },
        );
    }
    if let Some(t) = c.topic(&b, 2) {
        c.eq(
            "topic 2 points",
            &t.points,
            &[
                "High-purity silicon carbide substrates",
                "Photoresists for 28-nanometer processes",
            ],
        );
        c.eq(
            "topic 2 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            1,
        );
        c.policy(
            t,
            Footer {
                name: "Catalogue of Key New Materials for First Application (2021 Edition)",
                name_zh: Some("重点新材料首批次应用示范目录(2021年版)"),
                body: "MIIT",
                date: "2021-09-30",
            },
        );
    }
    c.no_news(&b);
    c.no_warnings(&b);
    c.finish();
}

/// Convention 10: A numbered, indented contents list with trailing spaces, a three-paragraph
/// subscription notice, a line holding one space, then topic 1 (cut off).
#[test]
fn industries_contents_list() {
    let (b, mut c) = open("industries-contents-list.txt");
    c.header(
        &b,
        Header {
            caption: Some("An electrolyzer test stand at a research institute in Dalian"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(12),
            title: "Hydrogen standards + Auto exports + Cloud security + Rare earths + Shipbuilding",
        },
    );
    c.period(&b, None);
    c.front(
        &b,
        &[
            "SAC publishes a first set of national hydrogen safety standards",
            "Car exports hit a record as automakers look abroad",
            "New security reviews for cloud services used by the state",
            "Rare earth quotas rise for the third year in a row",
            "Shipyards fill their order books with LNG carriers",
        ],
        &[
            "You can read a free excerpt of this issue below, covering the first of the five topics.",
            "To get full access to all MERICS China Industries briefs and our analyses, please subscribe to MERICS Pro.",
            "MERICS members also have privileged access to our research and events.",
        ],
        &[],
    );
    c.headlines(
        &b,
        &["SAC publishes a first set of national hydrogen safety standards"],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.starts(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The Standardization Administration of China (SAC) has released eight national standards",
        );
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "Among other things, they:",
        );
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "Set minimum distances between refueling stations and residential buildings",
                "Define testing methods for high-pressure tanks on trucks",
            ],
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 1);
        c.ends(
            "topic 1 comment",
            &t.comment,
            "particularly in the industrial regions of the no",
        );
        c.no_policy(t);
    }
    c.no_news(&b);
    c.cut_at(&b, 33);
    c.finish();
}

/// Convention 11: "In the latest issue of …, Jane Example and Tom Sample look at the following topics:"
/// with "- " entries: the two names are the authors.
#[test]
fn industries_contents_authors() {
    let (b, mut c) = open("industries-contents-authors.txt");
    c.header(
        &b,
        Header {
            caption: Some("Containers stacked at the port of Tianjin"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(10),
            title: "Export controls + Tariff exclusions + Biotech funds",
        },
    );
    c.period(&b, None);
    c.front(
        &b,
        &[
            "MOFCOM expands its export control list to cover drone engines",
            "Customs extends tariff exclusions for chipmaking tools",
            "Shenzhen launches a biotech fund for early-stage startups",
        ],
        &["This is a free excerpt. Subscribe to MERICS Pro to read the full brief."],
        &["Jane Example", "Tom Sample"],
    );
    c.headlines(
        &b,
        &["MOFCOM expands its export control list to cover drone engines"],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The new controls cover:",
        );
        c.eq("topic 1 point count", t.points.len(), 2);
        c.eq(
            "topic 1 point 2",
            t.points.get(1).map(String::as_str),
            Some("Laser range finders with a range above 5 kilometers"),
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 1);
        c.ends(
            "topic 1 comment",
            &t.comment,
            "longer delivery times and possible refu",
        );
        c.no_policy(t);
    }
    c.ok(
        "glossary MOFCOM",
        glossary_has(&b, "MOFCOM", "Ministry of Commerce", GlossaryKind::Acronym),
        &b.glossary,
    );
    c.cut_at(&b, 23);
    c.finish();
}

/// Convention 12: A contents list, then "At a glance:" with no numbered headline: the topic's headline
/// is contents entry 1.
#[test]
fn industries_contents_unnumbered_topic() {
    let (b, mut c) = open("industries-contents-unnumbered-topic.txt");
    c.header(
        &b,
        Header {
            caption: Some(
                "A nurse operates a telemedicine terminal in a village clinic in Guizhou",
            ),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(9),
            title: "Telemedicine + Chip tools + Wind turbine exports",
        },
    );
    c.period(&b, None);
    c.front(
        &b,
        &[
            "NHC sets rules for remote diagnosis in rural clinics",
            "Domestic lithography tools get insurance support",
            "Turbine makers turn to emerging markets",
        ],
        &["You can read a free excerpt of this issue below, covering the first topic."],
        &[],
    );
    c.headlines(
        &b,
        &["NHC sets rules for remote diagnosis in rural clinics"],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.starts(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The National Health Commission (NHC) has issued rules",
        );
        c.eq(
            "topic 1 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            1,
        );
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "County hospitals must answer requests within 30 minutes during working hours",
                "Patients pay the same fees as for an in-person visit",
            ],
        );
        c.ends(
            "topic 1 comment",
            &t.comment,
            "will need new terminals and cam",
        );
        c.no_policy(t);
    }
    c.ok(
        "glossary NHC",
        glossary_has(
            &b,
            "NHC",
            "National Health Commission",
            GlossaryKind::Acronym,
        ),
        &b.glossary,
    );
    c.cut_at(&b, 23);
    c.finish();
}

/// Convention 13: A single-topic page: the title is the headline, no number on the page.
#[test]
fn industries_single_topic() {
    let (b, mut c) = open("industries-single-topic.txt");
    let title = "Shaanxi bets on power semiconductors with a new industrial cluster plan";
    c.header(
        &b,
        Header {
            caption: Some("Wafers in a cleanroom at a plant in Xi'an"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(5),
            title,
        },
    );
    c.period(&b, Some("2024-04"));
    c.front(&b, &[], &[], &[]);
    c.headlines(&b, &[title]);
    if let Some(t) = c.topic(&b, 1) {
        let glance = paras(&t.at_a_glance);
        c.eq("topic 1 at_a_glance paragraphs", glance.len(), 2);
        c.starts(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The Shaanxi provincial government has published",
        );
        c.eq(
            "topic 1 at_a_glance paragraph 2",
            glance.get(1).copied(),
            Some("The plan also promises subsidized housing for engineers who move to the province from abroad."),
        );
        c.eq("topic 1 point count", t.points.len(), 4);
        c.eq(
            "topic 1 point 3",
            t.points.get(2).map(String::as_str),
            Some("A shared testing platform for automotive-grade chips"),
        );
        let comment = paras(&t.comment);
        c.eq("topic 1 comment paragraphs", comment.len(), 2);
        c.ok(
            "topic 1 comment paragraph 2",
            comment
                .get(1)
                .is_some_and(|p| p.starts_with("The plan's success will depend")),
            &comment,
        );
        c.policy(
            t,
            Footer {
                name: "Action Plan for the Development of the Power Semiconductor Industry Cluster in Shaanxi Province (2024-2026)",
                name_zh: Some("陕西省功率半导体产业集群发展行动计划(2024-2026年)"),
                body: "Shaanxi Provincial Department of Industry and Information Technology",
                date: "2024-04-16",
            },
        );
    }
    c.no_news(&b);
    c.no_warnings(&b);
    c.finish();
}

/// Convention 14: "✔At a glance:", "MERICS comment:   ", paragraphs before and after the bullets, and
/// inline "(1) … (2) …" enumerations that stay text.
#[test]
fn industries_check_mark_labels() {
    let (b, mut c) = open("industries-check-mark-labels.txt");
    c.header(
        &b,
        Header {
            caption: Some("Steel coils at a plant in Tangshan"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(8),
            title: "Green steel + Industrial parks",
        },
    );
    c.period(&b, Some("2023-11"));
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &[
            "MIIT asks steelmakers to report carbon emissions product by product",
            "Chemical parks must install real-time leak monitoring",
        ],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.eq(
            "topic 1 at_a_glance paragraphs",
            paras(&t.at_a_glance),
            vec![
                "The MIIT has issued a notice that requires large steel producers to calculate and report the carbon footprint of their main products. The first reports are due at the end of next year.",
                "The notice names two groups of companies: (1) producers with a capacity above 10 million tons a year and (2) exporters of flat steel products. Both groups must do the following:",
                "The data will feed into a national database that the MIIT plans to open to foreign buyers on request.",
            ],
        );
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "Use a national accounting method for product carbon footprints",
                "Have their figures verified by an accredited third party",
            ],
        );
        c.eq("topic 1 events", t.events.len(), 0);
        c.eq(
            "topic 1 comment",
            t.comment.as_str(),
            "The notice prepares Chinese steelmakers for carbon border measures abroad. Exporters that can show credible figures will have an advantage in negotiations over (1) default values and (2) the recognition of Chinese verifiers.",
        );
        c.policy(
            t,
            Footer {
                name: "Notice on Carrying Out Carbon Footprint Accounting for Steel Products",
                name_zh: Some("关于开展钢铁产品碳足迹核算工作的通知"),
                body: "MIIT",
                date: "2023-11-07",
            },
        );
    }
    if let Some(t) = c.topic(&b, 2) {
        c.starts(
            "topic 2 at_a_glance",
            &t.at_a_glance,
            "The Ministry of Emergency Management has ordered",
        );
        c.eq(
            "topic 2 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            1,
        );
        c.eq("topic 2 points", t.points.len(), 0);
        c.starts(
            "topic 2 comment",
            &t.comment,
            "Several deadly accidents in recent years",
        );
        c.policy(
            t,
            Footer {
                name: "Notice on Building Real-Time Monitoring Systems in Chemical Industrial Parks",
                name_zh: Some("关于化工园区建设实时监测预警系统的通知"),
                body: "Ministry of Emergency Management",
                date: "2023-11-20",
            },
        );
    }
    c.no_news(&b);
    c.no_warnings(&b);
    c.finish();
}

/// Convention 15: A complete brief: four topics with footers, "Worth noting" with ranges of dates
/// ("March 1-3", "March 30-April 2") and an acronym defined in a news entry.
#[test]
fn industries_full_four_topics() {
    let (b, mut c) = open("industries-full-four-topics.txt");
    c.header(
        &b,
        Header {
            caption: Some("A lithium mine in the highlands of Qinghai"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(12),
            title: "Lithium + Robotics + Data centers + Seeds",
        },
    );
    c.period(&b, Some("2022-03"));
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &[
            "Qinghai wants to control the whole lithium value chain",
            "MIIT plans to double the density of industrial robots",
            "Data centers must move west to get new energy quotas",
            "Seed companies get access to a new state fund",
        ],
    );
    let counts: Vec<usize> = b.topics.iter().map(|t| t.points.len()).collect();
    c.eq("point counts", counts, vec![2, 0, 0, 0]);
    let footers = [
        Footer {
            name: "Action Plan for Building a World-Class Salt Lake Industry Base",
            name_zh: Some("建设世界级盐湖产业基地行动方案"),
            body: "Qinghai Provincial People's Government",
            date: "2022-03-08",
        },
        Footer {
            name: "Five-Year Plan for the Development of the Robot Industry",
            name_zh: Some("机器人产业发展五年规划"),
            body: "MIIT",
            date: "2022-03-14",
        },
        Footer {
            name: "Notice on Launching National Computing Hub Nodes",
            name_zh: Some("关于启动全国算力枢纽节点建设的通知"),
            body: "NDRC",
            date: "2022-03-21",
        },
        Footer {
            name: "Measures for the Seed Industry Revitalization Fund",
            name_zh: Some("种业振兴基金管理办法"),
            body: "Ministry of Agriculture and Rural Affairs",
            date: "2022-03-29",
        },
    ];
    for (n, footer) in footers.into_iter().enumerate() {
        if let Some(t) = c.topic(&b, n + 1) {
            c.policy(t, footer);
            c.eq(
                format!("topic {} comment paragraphs", n + 1),
                paras(&t.comment).len(),
                1,
            );
        }
    }
    if let Some(t) = c.topic(&b, 1) {
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "Extract 200,000 tons of lithium carbonate a year",
                "Attract at least two battery makers with gigafactories",
            ],
        );
    }
    let pair = |d: &str, u: &str| (d.to_owned(), u.to_owned());
    c.eq(
        "policy news dates",
        news_dates(&b, Section::Policy),
        vec![pair("2022-03-01", "2022-03-03"), pair("2022-03-10", "-")],
    );
    c.eq(
        "corporate news dates",
        news_dates(&b, Section::Corporate),
        vec![pair("2022-03-16", "-"), pair("2022-03-30", "2022-04-02")],
    );
    let policy_news = news_of(&b, Section::Policy);
    if let [first, second] = policy_news.as_slice() {
        c.eq(
            "news 2022-03-01 text",
            first.text.as_str(),
            "The NDRC holds a national conference on energy-use controls in Beijing",
        );
        c.eq(
            "news 2022-03-01 sources",
            sources(first),
            vec![("NDRC statement".to_owned(), "CN".to_owned())],
        );
        c.eq(
            "news 2022-03-10 text",
            second.text.as_str(),
            "The Ministry of Commerce (MOFCOM) publishes a list of encouraged industries for foreign investment in central provinces",
        );
        c.eq(
            "news 2022-03-10 sources",
            sources(second),
            vec![
                ("MOFCOM notice".to_owned(), "CN".to_owned()),
                ("Caixin article".to_owned(), "EN".to_owned()),
            ],
        );
    }
    let corporate = news_of(&b, Section::Corporate);
    if let [_, last] = corporate.as_slice() {
        c.eq(
            "news 2022-03-30 text",
            last.text.as_str(),
            "Several battery makers halt production in Shanghai during a lockdown",
        );
        c.eq(
            "news 2022-03-30 sources",
            sources(last),
            vec![
                ("Yicai article".to_owned(), "CN".to_owned()),
                ("Reuters article".to_owned(), "EN".to_owned()),
            ],
        );
    }
    c.ok(
        "glossary MOFCOM (defined in a news entry)",
        glossary_has(&b, "MOFCOM", "Ministry of Commerce", GlossaryKind::Acronym),
        &b.glossary,
    );
    c.no_warnings(&b);
    c.finish();
}

/// Convention 16: An excerpt cut mid-label: "MERI" after the bullets, with no comment. The numbered
/// contents list under "MERICS TOP 5" never becomes topics.
#[test]
fn industries_cut_mid_label() {
    let (b, mut c) = open("industries-cut-mid-label.txt");
    c.header(
        &b,
        Header {
            caption: Some("A welding robot at a carmaker in Changchun"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(10),
            title: "Auto chips + Coal power + Fintech",
        },
    );
    c.period(&b, None);
    c.front(
        &b,
        &[
            "Automakers and chipmakers form a national alliance for car chips",
            "Coal plants are told to add flexibility for renewables",
            "Central bank tightens rules for payment platforms",
        ],
        &[],
        &[],
    );
    c.headlines(
        &b,
        &["Automakers and chipmakers form a national alliance for car chips"],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.starts(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "Under guidance from the MIIT, more than 60 automakers",
        );
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The alliance plans to:",
        );
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "Publish a catalogue of domestic automotive chips every year",
                "Set up a shared test laboratory in Shanghai",
                "Agree on common reliability standards with insurers",
            ],
        );
        c.eq("topic 1 comment", t.comment.as_str(), "");
        c.no_policy(t);
    }
    let kept_meri: Vec<String> = all_texts(&b)
        .into_iter()
        .filter(|(_, text)| *text == "MERI" || text.ends_with(" MERI") || text.ends_with("\nMERI"))
        .map(|(place, _)| place)
        .collect();
    c.ok(
        "the cut label \"MERI\" is in no field",
        kept_meri.is_empty(),
        &kept_meri,
    );
    c.no_news(&b);
    c.cut_at(&b, 22);
    c.finish();
}

/// Convention 16: An excerpt cut inside a footer: "Policy name: Notice on the Development of A". The
/// topic's complete parts are kept; the bulleted contents list never becomes topics.
#[test]
fn industries_cut_mid_footer() {
    let (b, mut c) = open("industries-cut-mid-footer.txt");
    c.header(
        &b,
        Header {
            caption: Some("Charging piles at a service area on the Beijing-Shanghai expressway"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(9),
            title: "EV charging + Solar exports + Industrial software",
        },
    );
    c.period(&b, None);
    c.front(
        &b,
        &[
            "NEA wants a charging pile at every highway service area",
            "Solar exports to Europe hit a record high",
            "New funding channel for industrial software",
        ],
        &[],
        &[],
    );
    c.headlines(
        &b,
        &["NEA wants a charging pile at every highway service area"],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The notice also asks for:",
        );
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "At least four fast chargers per service area",
                "Reserved space for future battery swapping stations",
            ],
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 2);
        c.ends(
            "topic 1 comment",
            &t.comment,
            "operators will need storage or smarter pricing to cope.",
        );
        // The footer stops inside the name: there is no issuing body or date, and whatever
        // is kept of the name is only what the page shows.
        if let Some(p) = &t.policy {
            c.ok(
                "topic 1 policy name (cut)",
                p.name.is_empty() || "Notice on the Development of A".starts_with(p.name.as_str()),
                &p.name,
            );
            c.eq(
                "topic 1 policy issuing_body",
                p.issuing_body.as_deref(),
                None::<&str>,
            );
            c.eq("topic 1 policy date", ymd(p.date), "-");
        }
    }
    c.no_news(&b);
    c.cut_at(&b, 26);
    c.finish();
}

/// Convention 22: Header items without a reading time, and the "MERICS' Top 5" heading.
#[test]
fn industries_no_reading_time() {
    let (b, mut c) = open("industries-no-reading-time.txt");
    c.header(
        &b,
        Header {
            caption: Some("Visitors at a robotics exhibition in Beijing"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: None,
            title: "Humanoid robots + Cement overcapacity + Digital yuan",
        },
    );
    c.period(&b, None);
    c.front(&b, &[], &[], &[]);
    c.headlines(&b, &["Beijing sets up a fund for humanoid robots"]);
    if let Some(t) = c.topic(&b, 1) {
        let glance = paras(&t.at_a_glance);
        c.eq("topic 1 at_a_glance paragraphs", glance.len(), 2);
        c.ok(
            "topic 1 at_a_glance paragraph 1 ends with its lead-in",
            glance
                .first()
                .is_some_and(|p| p.ends_with("The fund will prioritize:")),
            &glance,
        );
        c.eq("topic 1 point count", t.points.len(), 4);
        c.eq(
            "topic 1 point 2",
            t.points.get(1).map(String::as_str),
            Some("Software that lets robots learn tasks from video"),
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 2);
        c.ends("topic 1 comment", &t.comment, "once the funding cyc");
        c.no_policy(t);
    }
    c.cut_at(&b, 22);
    c.finish();
}

/// Convention 22: The "Merics Top 5" casing of the heading, on a complete page.
#[test]
fn industries_merics_top_5_casing() {
    let (b, mut c) = open("industries-merics-top-5-casing.txt");
    c.header(
        &b,
        Header {
            caption: Some("A wind turbine blade is loaded onto a ship in Yantai"),
            publisher: Some("MERICS"),
            series: Some(INDUSTRIES),
            reading_minutes: Some(7),
            title: "Wind power exports + Copper smelting",
        },
    );
    c.period(&b, Some("2024-08"));
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &[
            "NEA wants wind turbine makers to expand abroad",
            "Copper smelters agree to cut output as processing fees collapse",
        ],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.eq("topic 1 point count", t.points.len(), 3);
        c.eq(
            "topic 1 point 3",
            t.points.get(2).map(String::as_str),
            Some("Certification of Chinese turbines under international standards"),
        );
        c.policy(
            t,
            Footer {
                name: "Guiding Opinions on Supporting the International Expansion of the Wind Power Equipment Industry",
                name_zh: Some("关于支持风电装备产业国际化发展的指导意见"),
                body: "NEA",
                date: "2024-08-02",
            },
        );
    }
    if let Some(t) = c.topic(&b, 2) {
        c.eq("topic 2 points", t.points.len(), 0);
        c.ends(
            "topic 2 comment",
            &t.comment,
            "expects little help from the state.",
        );
        c.no_policy(t);
    }
    c.no_news(&b);
    c.no_warnings(&b);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// China Essentials

/// Convention 17: The full header, "Top story", a byline, and two more stories each under a headline
/// line: every story is a topic whose paragraphs are its summary.
#[test]
fn essentials_full_header() {
    let (b, mut c) = open("essentials-full-header.txt");
    c.header(
        &b,
        Header {
            caption: Some("Delegates arrive at the Great Hall of the People in Beijing"),
            publisher: Some("MERICS"),
            series: Some(ESSENTIALS),
            reading_minutes: Some(14),
            title: "Tech self-reliance + Youth unemployment + Grain reserves",
        },
    );
    c.period(&b, None);
    c.front(&b, &[], &[], &["Jane Example"]);
    c.headlines(
        &b,
        &[
            "Beijing doubles down on tech self-reliance in a new guideline",
            "Youth unemployment stays high as graduates flood the job market",
            "Provinces are told to expand grain reserves",
        ],
    );
    let counts: Vec<usize> = b
        .topics
        .iter()
        .map(|t| paras(&t.at_a_glance).len())
        .collect();
    c.eq("summary paragraph counts", counts, vec![3, 2, 2]);
    if let Some(t) = c.topic(&b, 1) {
        c.starts(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "The State Council has issued a guideline",
        );
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "the list of sectors in which domestic suppliers are favored keeps growing.",
        );
        c.eq("topic 1 comment", t.comment.as_str(), "");
        c.eq("topic 1 points", t.points.len(), 0);
        c.no_policy(t);
    }
    if let Some(t) = c.topic(&b, 2) {
        c.starts(
            "topic 2 at_a_glance",
            &t.at_a_glance,
            "A record number of university graduates",
        );
    }
    if let Some(t) = c.topic(&b, 3) {
        c.ends(
            "topic 3 at_a_glance",
            &t.at_a_glance,
            "as a question of national security.",
        );
    }
    c.no_news(&b);
    c.no_warnings(&b);
    c.finish();
}

/// Convention 18: "TOP STORY: <headline>" on one line, a bulleted contents list with labelled entries
/// and a subscription notice (cut off in the story).
#[test]
fn essentials_top_story_inline() {
    let (b, mut c) = open("essentials-top-story-inline.txt");
    c.header(
        &b,
        Header {
            caption: Some("Container ships wait off the coast of Shanghai"),
            publisher: Some("MERICS"),
            series: Some(ESSENTIALS),
            reading_minutes: Some(9),
            title: "Shipping + Rare earths + Beijing's new envoy",
        },
    );
    c.period(&b, None);
    c.front(
        &b,
        &[
            "TOP STORY: Beijing moves to secure control of global shipping routes",
            "Rare earth exports slump after new licensing rules",
            "REVIEW: A new book on China's industrial planners",
            "PROFILE: The diplomat steering China's relations with the EU",
        ],
        &[
            "You can read a free excerpt of this issue below, covering the top story.",
            "To get full access to all MERICS China Essentials briefs and our analyses, please subscribe to MERICS Pro.",
            "MERICS members also have privileged access to our research and events.",
        ],
        &[],
    );
    c.headlines(
        &b,
        &["Beijing moves to secure control of global shipping routes"],
    );
    if let Some(t) = c.topic(&b, 1) {
        c.eq(
            "topic 1 at_a_glance paragraphs",
            paras(&t.at_a_glance).len(),
            2,
        );
        c.starts(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "China's state-owned shipping and port companies",
        );
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "blocked new deals on security grou",
        );
        c.eq("topic 1 comment", t.comment.as_str(), "");
        c.no_policy(t);
    }
    c.cut_at(&b, 25);
    c.finish();
}

/// Convention 19: A single story with "The facts:", "What to watch:" and "MERICS analysis:".
#[test]
fn essentials_single_story_labels() {
    let (b, mut c) = open("essentials-single-story-labels.txt");
    let title = "Beijing answers an EU solar probe with an export licensing scheme";
    c.header(
        &b,
        Header {
            caption: Some("Solar modules wait for shipment at a port in Ningbo"),
            publisher: Some("MERICS"),
            series: Some(ESSENTIALS),
            reading_minutes: Some(6),
            title,
        },
    );
    c.period(&b, None);
    c.front(&b, &[], &[], &[]);
    c.headlines(&b, &[title]);
    if let Some(t) = c.topic(&b, 1) {
        let glance = paras(&t.at_a_glance);
        c.eq("topic 1 at_a_glance paragraphs", glance.len(), 2);
        c.ok(
            "topic 1 at_a_glance paragraph 1",
            glance.first().is_some_and(|p| {
                p.starts_with("The Ministry of Commerce has introduced")
                    && p.ends_with("Exporters must now:")
            }),
            &glance,
        );
        c.eq(
            "topic 1 at_a_glance paragraph 2",
            glance.get(1).copied(),
            Some("The ministry says the scheme is meant to prevent disorderly competition among exporters."),
        );
        c.eq(
            "topic 1 points",
            &t.points,
            &[
                "Register every shipment above one megawatt of capacity",
                "Report contract prices to the national industry association",
                "Keep records of their buyers for five years",
            ],
        );
        let watch = paras(&t.watch);
        c.eq("topic 1 watch paragraphs", watch.len(), 2);
        c.starts(
            "topic 1 watch",
            &t.watch,
            "Whether the association begins to set minimum export prices.",
        );
        c.ok(
            "topic 1 watch paragraph 2",
            watch
                .get(1)
                .is_some_and(|p| p.starts_with("Also watch for similar schemes")),
            &watch,
        );
        c.eq("topic 1 comment paragraphs", paras(&t.comment).len(), 2);
        c.starts(
            "topic 1 comment",
            &t.comment,
            "The scheme gives Beijing better information",
        );
        c.ends(
            "topic 1 comment",
            &t.comment,
            "both sides have reason to avoid an escalation.",
        );
        c.no_policy(t);
    }
    c.no_news(&b);
    c.no_warnings(&b);
    c.finish();
}

/// Convention 20: A flattened mirror: title, "Mercator Institute for China Studies (MERICS)",
/// "Getting China right.", "Top story", headline, one paragraph a line.
#[test]
fn essentials_mirror() {
    let (b, mut c) = open("essentials-mirror.txt");
    c.header(
        &b,
        Header {
            caption: None,
            publisher: Some("MERICS"),
            // Not named on the page, but a MERICS page whose story opens with "Top story" is
            // a China Essentials brief.
            series: Some(ESSENTIALS),
            reading_minutes: None,
            title: "Chip subsidies + Rail exports + Youth jobs",
        },
    );
    c.period(&b, None);
    c.front(&b, &[], &[], &[]);
    c.headlines(&b, &["Beijing tops up its chip fund as US controls bite"]);
    if let Some(t) = c.topic(&b, 1) {
        let glance = paras(&t.at_a_glance);
        c.eq("topic 1 at_a_glance paragraphs", glance.len(), 6);
        c.ok(
            "topic 1 at_a_glance paragraph 1",
            glance.first().is_some_and(|p| {
                p.starts_with("The third phase of China's national chip investment fund")
                    && p.ends_with("according to registration records.")
            }),
            &glance,
        );
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "a further tightening of controls would hit them directly.",
        );
        c.eq("topic 1 comment", t.comment.as_str(), "");
        c.no_policy(t);
    }
    c.no_news(&b);
    c.no_warnings(&b);
    c.finish();
}

/// Convention 21: No "MERICS Briefs", "TOP STORY" alone in capitals, paragraphs with trailing spaces
/// (cut off).
#[test]
fn essentials_top_story_caps() {
    let (b, mut c) = open("essentials-top-story-caps.txt");
    c.header(
        &b,
        Header {
            caption: Some("Students queue for a job fair at a university in Wuhan"),
            publisher: Some("MERICS"),
            series: Some(ESSENTIALS),
            reading_minutes: Some(7),
            title: "Graduate jobs + Export controls + Taiwan Strait",
        },
    );
    c.period(&b, None);
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &["Record graduate numbers test Beijing's employment policies"],
    );
    if let Some(t) = c.topic(&b, 1) {
        let glance = paras(&t.at_a_glance);
        c.eq("topic 1 at_a_glance paragraphs", glance.len(), 5);
        c.ok(
            "topic 1 at_a_glance paragraph 1 (trailing spaces dropped)",
            glance
                .first()
                .is_some_and(|p| p.ends_with("private companies that hire them.")),
            &glance,
        );
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "Unless the private sector regains its confid",
        );
        c.eq("topic 1 comment", t.comment.as_str(), "");
    }
    c.cut_at(&b, 19);
    c.finish();
}

/// Convention 21: "Top Story" in title case, paragraphs with trailing spaces, a complete page.
#[test]
fn essentials_top_story_title_case() {
    let (b, mut c) = open("essentials-top-story-title-case.txt");
    c.header(
        &b,
        Header {
            caption: Some("A freight train leaves the rail port in Khorgos"),
            publisher: Some("MERICS"),
            series: Some(ESSENTIALS),
            reading_minutes: Some(6),
            title: "Rail freight + Semiconductors + Food safety",
        },
    );
    c.period(&b, None);
    c.front(&b, &[], &[], &[]);
    c.headlines(
        &b,
        &["China-Europe rail freight recovers after two difficult years"],
    );
    if let Some(t) = c.topic(&b, 1) {
        let glance = paras(&t.at_a_glance);
        c.eq("topic 1 at_a_glance paragraphs", glance.len(), 6);
        c.starts(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "Freight trains between China and Europe",
        );
        c.ok(
            "topic 1 at_a_glance paragraph 3",
            glance.get(2).is_some_and(|p| {
                p.starts_with("Beijing continues to subsidize") && p.ends_with("would not survive.")
            }),
            &glance,
        );
        c.ends(
            "topic 1 at_a_glance",
            &t.at_a_glance,
            "shift traffic from one route to another.",
        );
        c.eq("topic 1 comment", t.comment.as_str(), "");
        c.no_policy(t);
    }
    c.no_news(&b);
    c.no_warnings(&b);
    c.finish();
}

/// Every layout fixture's whole parse, as `briefdesk parse --json` prints the brief (less
/// the analyses), kept in `tests/snapshots/`: any change to what the parser reads from a
/// real layout shows up as a reviewed diff.
#[test]
fn layout_parses_are_golden() {
    for name in LAYOUTS {
        let brief = parse_brief(&text_of(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let snapshot = format!("layout__{}", name.trim_end_matches(".txt"));
        insta::assert_json_snapshot!(snapshot, brief);
    }
}
