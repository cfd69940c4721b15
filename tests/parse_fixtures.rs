//! The brief parser against the fixture files in `tests/fixtures/briefs/` and the reference
//! sample in `seeds/`.
//!
//! One test per fixture file, asserting the facts of `tests/fixtures/briefs/EXPECTED.md` that
//! hold under the parser's documented design (see `src/parse/mod.rs`). Where EXPECTED.md
//! proposes a rule the design overrides, the test says so in a comment.

use std::path::{Path, PathBuf};

use briefdesk::model::{Brief, GlossaryKind, NewsItem, Policy, Section, Topic};
use briefdesk::parse::{ParseError, parse_brief};
use chrono::NaiveDate;

// ---------------------------------------------------------------------------------------------
// Helpers

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn fixture_path(name: &str) -> PathBuf {
    root().join("tests/fixtures/briefs").join(name)
}

const SAMPLE: &str = "seeds/merics-china-industries-2021-02.txt";

/// Every fixture file, relative to `tests/fixtures/briefs/`.
const FIXTURES: &[&str] = &[
    "valid/crlf-trailing-spaces.txt",
    "valid/german-header.txt",
    "valid/glossary.txt",
    "valid/inline-footer.txt",
    "valid/markdown.md",
    "valid/monthly-title-2020-10.txt",
    "valid/quotes-and-brackets.txt",
    "valid/single-topic.txt",
    "valid/toc-and-subscribe.txt",
    "valid/year-boundary-2021-01.txt",
    "malformed/binary.txt",
    "malformed/blank-lines.txt",
    "malformed/empty.txt",
    "malformed/no-year-anywhere.txt",
    "malformed/stray-lines.txt",
    "malformed/truncated.txt",
    "malformed/unrelated.txt",
];

fn read_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The fixture as text. Invalid UTF-8 is replaced, as a lossy reader would do.
fn text_of(path: &Path) -> String {
    String::from_utf8_lossy(&read_bytes(path)).into_owned()
}

fn parse_file(name: &str) -> Result<Brief, ParseError> {
    parse_brief(&text_of(&fixture_path(name)))
}

fn parse_ok(name: &str) -> Brief {
    let brief = parse_file(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_clean(name, &brief);
    brief
}

fn sample() -> Brief {
    let brief = parse_brief(&text_of(&root().join(SAMPLE))).expect("the sample parses");
    assert_clean(SAMPLE, &brief);
    brief
}

/// "2021-02-18", or "-" for no date.
fn ymd(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "-".to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

fn period(brief: &Brief) -> Option<String> {
    brief.period.map(|p| p.to_string())
}

/// Topic `n`, 1-based as in EXPECTED.md.
fn topic(brief: &Brief, n: usize) -> &Topic {
    &brief.topics[n - 1]
}

fn policy(brief: &Brief, n: usize) -> &Policy {
    topic(brief, n)
        .policy
        .as_ref()
        .unwrap_or_else(|| panic!("topic {n} has no policy"))
}

fn headlines(brief: &Brief) -> Vec<&str> {
    brief.topics.iter().map(|t| t.headline.as_str()).collect()
}

fn numbers(brief: &Brief) -> Vec<u32> {
    brief.topics.iter().map(|t| t.number).collect()
}

fn point_counts(brief: &Brief) -> Vec<usize> {
    brief.topics.iter().map(|t| t.points.len()).collect()
}

fn paragraphs(text: &str) -> usize {
    if text.is_empty() {
        0
    } else {
        text.split("\n\n").count()
    }
}

fn news(brief: &Brief, section: Section) -> Vec<&NewsItem> {
    brief.news.iter().filter(|n| n.section == section).collect()
}

fn news_dates(brief: &Brief, section: Section) -> Vec<String> {
    news(brief, section).iter().map(|n| ymd(n.date)).collect()
}

fn news_on<'b>(brief: &'b Brief, date: &str) -> &'b NewsItem {
    brief
        .news
        .iter()
        .find(|n| ymd(n.date) == date)
        .unwrap_or_else(|| panic!("no news entry dated {date}"))
}

/// Sources as (title, "CN" / "EN" / "DE" / "-").
fn sources(item: &NewsItem) -> Vec<(&str, &str)> {
    item.sources
        .iter()
        .map(|s| (&*s.title, s.lang.map_or("-", |l| l.tag())))
        .collect()
}

fn warning_lines(brief: &Brief) -> Vec<usize> {
    brief.warnings.iter().map(|w| w.line).collect()
}

#[track_caller]
fn assert_policy(
    brief: &Brief,
    n: usize,
    name: &str,
    name_zh: Option<&str>,
    body: &str,
    date: &str,
) {
    let p = policy(brief, n);
    assert_eq!(p.name, name, "policy {n} name");
    assert_eq!(p.name_zh.as_deref(), name_zh, "policy {n} name_zh");
    assert_eq!(
        p.issuing_body.as_deref(),
        Some(body),
        "policy {n} issuing body"
    );
    assert_eq!(ymd(p.date), date, "policy {n} date");
}

#[track_caller]
fn assert_no_warnings(name: &str, brief: &Brief) {
    assert!(
        brief.warnings.is_empty(),
        "{name}: unexpected warnings {:#?}",
        brief.warnings
    );
}

/// Every text the brief holds, with a label saying where it is.
fn all_texts(brief: &Brief) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = vec![("title".into(), brief.title.as_str())];
    for (label, value) in [
        ("series", &brief.series),
        ("publisher", &brief.publisher),
        ("caption", &brief.caption),
    ] {
        if let Some(v) = value {
            out.push((label.into(), v));
        }
    }
    out.extend(brief.authors.iter().map(|a| ("author".into(), a.as_str())));
    out.extend(brief.notes.iter().map(|n| ("note".into(), n.as_str())));
    for t in &brief.topics {
        let at = |field: &str| format!("topic {} {field}", t.number);
        out.push((at("headline"), &t.headline));
        out.push((at("at_a_glance"), &t.at_a_glance));
        out.push((at("comment"), &t.comment));
        out.extend(t.points.iter().map(|p| (at("point"), p.as_str())));
        out.extend(t.events.iter().map(|e| (at("event"), e.text.as_str())));
        if let Some(p) = &t.policy {
            out.push((at("policy name"), &p.name));
            out.extend(p.name_zh.iter().map(|z| (at("policy name_zh"), z.as_str())));
            out.extend(
                p.issuing_body
                    .iter()
                    .map(|b| (at("issuing body"), b.as_str())),
            );
        }
    }
    for n in &brief.news {
        out.push(("news text".into(), &n.text));
        out.extend(n.sources.iter().map(|s| ("news source".into(), &*s.title)));
    }
    for g in &brief.glossary {
        out.push(("glossary term".into(), &g.term));
        out.push(("glossary meaning".into(), &g.meaning));
    }
    out
}

/// EXPECTED.md's conventions that hold for every brief: trimmed texts without CR, tabs,
/// leading bullet glyphs, Markdown markers, labels or "(Link)".
#[track_caller]
fn assert_clean(name: &str, brief: &Brief) {
    const LABELS: &[&str] = &[
        "At a glance:",
        "MERICS comment:",
        "Policy name:",
        "Issuing body:",
        "Date:",
        "WORTH NOTING",
    ];
    for (place, text) in all_texts(brief) {
        let at = format!("{name}: {place} {text:?}");
        assert_eq!(text, text.trim(), "{at} is not trimmed");
        assert!(!text.contains(['\r', '\t']), "{at} holds CR or tab");
        assert!(
            !text.starts_with(['•', '-', '*', '·', '#', '>']),
            "{at} keeps a bullet or marker"
        );
        assert!(!text.contains("**"), "{at} keeps Markdown bold");
        assert!(!text.contains("(Link)"), "{at} keeps (Link)");
        assert!(
            !LABELS.iter().any(|l| text.contains(l)),
            "{at} keeps a label"
        );
    }
    for (i, t) in brief.topics.iter().enumerate() {
        assert!(
            !t.headline.is_empty(),
            "{name}: topic {} has no headline",
            i + 1
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The fixture list itself

#[test]
fn every_fixture_file_has_a_test() {
    let mut on_disk = Vec::new();
    for dir in ["valid", "malformed"] {
        let entries = std::fs::read_dir(fixture_path(dir)).expect("fixture folder");
        for entry in entries {
            let name = entry
                .expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            on_disk.push(format!("{dir}/{name}"));
        }
    }
    on_disk.sort();
    let mut listed: Vec<String> = FIXTURES.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "add a test for each new fixture and list it in FIXTURES"
    );
}

// ---------------------------------------------------------------------------------------------
// The reference sample: every field

#[test]
fn sample_header() {
    let b = sample();
    assert_eq!(
        b.title,
        "Medical equipment industry + Tech-upgrade + \"Two Zones\" construction plan"
    );
    assert_eq!(b.series.as_deref(), Some("MERICS China Industries"));
    assert_eq!(b.publisher.as_deref(), Some("MERICS"));
    assert_eq!(
        b.caption.as_deref(),
        Some("Exhibit at the 2020 World Internet Conference in Zhejiang")
    );
    assert_eq!(b.reading_minutes, Some(11));
    assert_eq!(period(&b).as_deref(), Some("2021-02"));
    assert!(
        b.authors.is_empty(),
        "\"Author(s)\" names nobody: {:?}",
        b.authors
    );
    assert!(b.notes.is_empty(), "{:?}", b.notes);
    assert_no_warnings(SAMPLE, &b);
}

#[test]
fn sample_topics() {
    let b = sample();
    assert_eq!(numbers(&b), [1, 2, 3, 4, 5]);
    assert_eq!(
        headlines(&b),
        [
            "MIIT accelerates Industrial Internet applications and standard setting in traditional manufacturing",
            "New blueprint gives China’s medical equipment industry a high-tech boost",
            "The government attaches strategic value to the tech-upgrade of transportation",
            "Beijing’s “Two Zones” construction plan seeks to attract foreign investors",
            "Chinese tech giants invest in home-made semiconductors as the industry continues to suffer from US sanctions",
        ]
    );
    assert_eq!(point_counts(&b), [4, 4, 3, 4, 0]);
    let event_counts: Vec<usize> = b.topics.iter().map(|t| t.events.len()).collect();
    assert_eq!(event_counts, [0, 0, 0, 0, 2]);

    // The paragraph after the bullets belongs to "At a glance" (topics 2, 3, 5).
    let glance_paragraphs: Vec<usize> = b
        .topics
        .iter()
        .map(|t| paragraphs(&t.at_a_glance))
        .collect();
    assert_eq!(glance_paragraphs, [1, 2, 2, 1, 2]);
    let comment_paragraphs: Vec<usize> = b.topics.iter().map(|t| paragraphs(&t.comment)).collect();
    assert_eq!(comment_paragraphs, [2, 2, 2, 2, 2]);

    let t1 = topic(&b, 1);
    assert!(
        t1.at_a_glance.starts_with(
            "The Ministry of Industry and Information Technology (MIIT) has published"
        )
    );
    assert!(
        t1.at_a_glance
            .ends_with("It outlines several goals for 2023, including:")
    );
    assert_eq!(
        t1.points,
        [
            "Advance the application of 5G-connected factories in manufacturing",
            "Create a standard system for the Industrial Internet",
            "Increase the productivity of key enterprises (as identified by provincial authorities) by at least 20 percent",
            "Establish an Industrial Internet exchange and cooperation mechanism with the EU and countries covered by the Belt and Road Initiative",
        ]
    );
    assert!(
        t1.comment
            .starts_with("The action plan is part of Beijing’s push")
    );
    assert!(
        t1.comment
            .contains("internationally.\n\nThe MIIT encourages")
    );
    assert!(
        t1.comment
            .ends_with("as has previously happened in Guangdong, for instance.")
    );

    let t2 = topic(&b, 2);
    assert!(t2.at_a_glance.ends_with(
        "including:\n\nBy 2030, China is to become a global hub for high-end medical equipment R&D, manufacturing and application. The plan also highlights the goal of promoting the integration of traditional medical equipment with new technologies such as 5G, AI, and the Industrial Internet, including improving hospital information infrastructure."
    ));
    assert_eq!(
        t2.points,
        [
            "Achieve major breakthroughs in high-end medical equipment (e.g., diagnostic testing equipment), as well as key components and materials",
            "Ensure the safety and reliability of high-end medical equipment",
            "Improve China’s innovation leadership in medical equipment, e.g., by elevating 6-8 Chinese companies to the global top 50 medical device companies",
            "Develop new forms of healthcare, e.g., telemedicine, smart medical care and precision medicine",
        ]
    );
    assert!(t2.comment.starts_with("Chinese efforts to upgrade"));

    let t3 = topic(&b, 3);
    assert!(
        t3.at_a_glance
            .starts_with("The Ministry of Transport (MOT) has made")
    );
    assert!(
        t3.at_a_glance
            .ends_with("in transportation equipment and services.")
    );
    assert_eq!(
        t3.points,
        [
            "Transportation infrastructure construction and maintenance, e.g., smart perception tech",
            "Digital transformation and upgrading tech, e.g., autonomous driving in port areas",
            "Applied research on China’s Beidou navigation system, e.g., for public transport",
        ]
    );
    assert!(
        t3.comment
            .ends_with("large state-owned enterprises (SOEs).")
    );

    // Topic 4 opens with the inline footer line; "At a glance" is the text after its label.
    let t4 = topic(&b, 4);
    assert!(
        t4.at_a_glance
            .starts_with("The Beijing municipal government has published a plan")
    );
    assert!(
        t4.at_a_glance
            .ends_with("The proposed key measures include:")
    );
    assert_eq!(
        t4.points,
        [
            "Accelerate the construction of digital infrastructure, e.g., 5G and satellite networks",
            "Promote the construction of an autonomous driving demonstration zone, e.g., with less stringent testing restrictions",
            "Open up the domestic internet virtual private network (VPN) business to foreign investors (up to 50 percent) and abolish restrictions on foreign shareholders for app stores",
            "Promote cross-border data flow projects in Zhongguancun Software Park, Jinzhan International Cooperation Service Zone and Daxing Airport Area",
        ]
    );
    assert!(t4.comment.starts_with("The “Two Zones” (两区) refer to"));

    let t5 = topic(&b, 5);
    assert!(t5.points.is_empty());
    assert!(t5.at_a_glance.starts_with("February saw another series"));
    assert!(t5.at_a_glance.ends_with("including tax benefits."));
    assert!(
        t5.comment
            .ends_with("In 2020, China only produced around 6 percent of the chips it used.")
    );
}

#[test]
fn sample_events_are_dated_bullets_only() {
    let b = sample();
    let t5 = topic(&b, 5);
    let events: Vec<(String, &str)> = t5
        .events
        .iter()
        .map(|e| (ymd(e.date), e.text.as_str()))
        .collect();
    assert_eq!(
        events,
        [
            (
                "2021-02-07".to_owned(),
                "Huawei’s wholly-owned venture capital (VC) arm Hubble invests in electronic design automation (EDA) software company Rainbow Simulation Technologies (无锡飞谱电子信息有限公司). This is Hubble’s 28th semiconductor investment since April 2019"
            ),
            (
                "2021-02-10".to_owned(),
                "Media reporting finds that Baidu is in talks with VC firms to raise money for a new subsidiary that would be a stand-alone AI chip company majority owned by Baidu"
            ),
        ]
    );
    // Dated bullets are not points as well.
    assert!(
        b.topics
            .iter()
            .flat_map(|t| &t.points)
            .all(|p| !p.starts_with("February"))
    );
}

#[test]
fn sample_policies() {
    let b = sample();
    assert_policy(
        &b,
        1,
        "Interpretation of the “Industrial Internet Innovation Development Action Plan (2021-2023)”",
        Some("《工业互联网创新发展行动计划(2021-2023年)》解读"),
        "MIIT",
        "2021-02-18",
    );
    // The Chinese bracket never closes in the original.
    assert_policy(
        &b,
        2,
        "Medical Equipment Industry Development Plan (2021-2025) (Draft for Comments)",
        Some("医疗装备产业发展规划(2021-2025年)(征求意见稿)"),
        "MIIT",
        "2021-02-09",
    );
    assert_policy(
        &b,
        3,
        "Notice on Organizing and Launching the Declaration of the 2021 Transportation Industry Key Technology Project List",
        Some("关于组织开展2021年度交通运输行业重点科技项目清单申报的通知"),
        "MOT",
        "2021-02-05",
    );
    assert_policy(
        &b,
        4,
        "Work Plan for the Construction of \"Two Zones\" in the Field of Digital Economy",
        Some("数字经济领域“两区”建设工作方案"),
        "Beijing Municipal Economic and Information Bureau",
        "2021-02-18",
    );
    assert_eq!(topic(&b, 5).policy, None, "topic 5 has no footer");
}

#[test]
fn sample_news() {
    let b = sample();
    assert_eq!(b.news.len(), 15);
    assert_eq!(
        news_dates(&b, Section::Policy),
        [
            "2021-02-02",
            "2021-02-03",
            "2021-02-05",
            "2021-02-07",
            "2021-02-21",
            "2021-02-22",
            "2021-02-24"
        ]
    );
    assert_eq!(
        news_dates(&b, Section::Corporate),
        [
            "2021-02-02",
            "2021-02-03",
            "2021-02-09",
            "2021-02-18",
            "2021-02-19",
            "2021-02-22",
            "2021-02-23",
            "2021-02-24"
        ]
    );
    // Policy news precede corporate news, in the order written.
    let sections: Vec<Section> = b.news.iter().map(|n| n.section).collect();
    assert_eq!(
        sections,
        [[Section::Policy; 7].as_slice(), &[Section::Corporate; 8]].concat()
    );

    let all_sources: Vec<Vec<(&str, &str)>> = b.news.iter().map(sources).collect();
    assert_eq!(
        all_sources,
        vec![
            vec![("MOST plan", "CN")],
            vec![("MIIT notice", "CN")],
            vec![("NEA letter", "CN"), ("Reuters article", "EN")],
            vec![("SAMR guidelines", "CN"), ("Caixin article", "EN")],
            vec![("State Council document", "CN"), ("CGTN article", "EN")],
            vec![
                ("State Council opinions", "CN"),
                ("State Council article", "EN")
            ],
            vec![("State Council notice", "CN"), ("Xinhua article", "EN")],
            vec![("China AHK report", "EN")],
            vec![("Yicai article", "CN"), ("Reuters article", "EN")],
            vec![("Leiphone article", "CN"), ("Caixin article", "EN")],
            vec![("Sina article", "CN"), ("China News Service article", "EN")],
            vec![("Gasgoo article", "CN"), ("Gasgoo article", "EN")],
            vec![
                ("Horizon Robotics announcement", "CN"),
                ("Technode article", "EN")
            ],
            vec![("Yicai article", "CN"), ("Yicai article", "EN")],
            vec![("Bloomberg article", "EN")],
        ]
    );
    let first = &b.news[0];
    assert_eq!(
        first.text,
        "The Ministry of Science and Technology (MOST) publishes an action plan for the establishment of national high-tech zones for green development, focusing on environment-friendly manufacturing"
    );
    // A full date inside an entry's text does not change the entry's date.
    let samr = &b.news[3];
    assert!(
        samr.text
            .ends_with("first released as a draft on November 10, 2020")
    );
    let last = b.news.last().expect("news");
    assert!(last.text.ends_with("by the first half of 2021"));
    assert!(!last.text.contains("Author"));
}

#[test]
fn sample_glossary() {
    let b = sample();
    let entries: Vec<(&str, &str, GlossaryKind)> = b
        .glossary
        .iter()
        .map(|g| (g.term.as_str(), g.meaning.as_str(), g.kind))
        .collect();
    let acronym = GlossaryKind::Acronym;
    let chinese = GlossaryKind::Chinese;
    assert_eq!(
        entries,
        [
            (
                "MIIT",
                "Ministry of Industry and Information Technology",
                acronym
            ),
            ("MOT", "Ministry of Transport", acronym),
            ("S&T", "science and technology", acronym),
            ("交通强国", "transportation superpower", chinese),
            ("SOEs", "state-owned enterprises", acronym),
            ("VPN", "virtual private network", acronym),
            ("两区", "Two Zones", chinese),
            (
                "国家服务业扩大开放综合示范区",
                "National Service Industry Expansion and Opening Comprehensive Demonstration Zone",
                chinese
            ),
            (
                "北京自由贸易试验区",
                "Beijing’s Pilot Free Trade Zone",
                chinese
            ),
            ("VC", "venture capital", acronym),
            ("EDA", "electronic design automation", acronym),
            (
                "无锡飞谱电子信息有限公司",
                "Rainbow Simulation Technologies",
                chinese
            ),
            ("MOST", "Ministry of Science and Technology", acronym),
            ("NEA", "National Energy Administration", acronym),
            (
                "SAMR",
                "State Administration for Market Regulation",
                acronym
            ),
        ]
    );
}

#[test]
fn sample_json_snapshot() {
    insta::assert_json_snapshot!("sample_brief", sample());
}

// ---------------------------------------------------------------------------------------------
// valid/

#[test]
fn monthly_title_2020_10() {
    let name = "valid/monthly-title-2020-10.txt";
    let b = parse_ok(name);
    assert_eq!(b.title, "MERICS China Industries Briefing - October 2020");
    assert_eq!(b.series.as_deref(), Some("MERICS China Industries"));
    assert_eq!(b.publisher.as_deref(), Some("MERICS"));
    assert_eq!(b.reading_minutes, None);
    assert_eq!(
        b.caption.as_deref(),
        Some("Workers inspect battery modules on an assembly line in Changzhou")
    );
    // Design: the latest policy/news date (2020-10-28) gives the period; the title agrees.
    assert_eq!(period(&b).as_deref(), Some("2020-10"));
    assert_eq!(numbers(&b), [1, 2, 3]);
    assert_eq!(
        headlines(&b),
        [
            "MIIT maps out a pilot program for fuel-cell trucks at coastal ports",
            "Shenzhen courts industrial robot makers with a new subsidy package",
            "NDRC puts new data centers on an energy diet",
        ]
    );
    assert_eq!(point_counts(&b), [3, 3, 2]);
    assert_eq!(paragraphs(&topic(&b, 1).comment), 2);
    assert_policy(
        &b,
        1,
        "Guiding Opinions on Piloting Fuel-Cell Heavy Trucks in Port Logistics",
        Some("关于开展港口物流燃料电池重型卡车试点的指导意见"),
        "MIIT",
        "2020-10-14",
    );
    assert_policy(
        &b,
        2,
        "Several Measures to Support the Development of the Industrial Robot Industry in Shenzhen",
        Some("深圳市支持工业机器人产业发展的若干措施"),
        "Shenzhen Municipal Bureau of Industry and Information Technology",
        "2020-10-09",
    );
    assert_policy(
        &b,
        3,
        "Notice on Strengthening Energy Efficiency Management of Data Centers",
        Some("关于加强数据中心能效管理的通知"),
        "NDRC",
        "2020-10-27",
    );
    // "September 30" has no year: the nearest full dates are in October 2020.
    assert_eq!(
        news_dates(&b, Section::Policy),
        ["2020-09-30", "2020-10-12", "2020-10-21"]
    );
    assert_eq!(
        news_dates(&b, Section::Corporate),
        ["2020-10-05", "2020-10-16", "2020-10-28"]
    );
    assert_eq!(sources(news_on(&b, "2020-09-30")), [("MOF notice", "CN")]);
    assert_eq!(
        sources(news_on(&b, "2020-10-12")),
        [("NEA draft", "CN"), ("Xinhua article", "EN")]
    );
    let oct16 = news_on(&b, "2020-10-16");
    assert_eq!(sources(oct16), [("36Kr article", "CN")]);
    assert!(oct16.text.ends_with("industrial fund"), "{:?}", oct16.text);
    assert!(b.news.iter().all(|n| !n.text.contains("Author")));
    assert!(b.authors.is_empty());
    assert_no_warnings(name, &b);
}

#[test]
fn german_header() {
    let name = "valid/german-header.txt";
    let b = parse_ok(name);
    assert_eq!(b.series.as_deref(), Some("MERICS China Industries"));
    assert_eq!(b.reading_minutes, Some(13));
    assert_eq!(
        b.caption.as_deref(),
        Some("Ein Containerterminal im Hafen von Ningbo-Zhoushan")
    );
    assert_eq!(b.title, "Rare earth magnets + Smart ports");
    assert_eq!(period(&b).as_deref(), Some("2021-04"));
    assert_eq!(b.topics.len(), 2);
    assert_eq!(point_counts(&b), [3, 3]);
    assert_policy(
        &b,
        1,
        "Interim Measures for the Administration of Rare Earth Permanent Magnet Production Quotas",
        Some("稀土永磁材料生产配额管理暂行办法"),
        "MIIT",
        "2021-04-08",
    );
    assert_policy(
        &b,
        2,
        "Action Plan for Smart Port Construction (2021-2025)",
        Some("智慧港口建设行动计划(2021-2025年)"),
        "Ministry of Transport",
        "2021-04-22",
    );
    assert!(news(&b, Section::Policy).is_empty());
    assert_eq!(
        news_dates(&b, Section::Corporate),
        ["2021-04-06", "2021-04-15", "2021-04-27"]
    );
    assert_eq!(
        sources(news_on(&b, "2021-04-27")),
        [("Caixin article", "EN")]
    );
    assert!(
        b.notes.is_empty(),
        "the German reading time is not a note: {:?}",
        b.notes
    );
    assert_no_warnings(name, &b);
}

#[test]
fn toc_and_subscribe() {
    let name = "valid/toc-and-subscribe.txt";
    let b = parse_ok(name);
    assert_eq!(b.title, "Solar glass + Battery recycling + Drone exports");
    assert_eq!(b.reading_minutes, Some(9));
    assert_eq!(period(&b).as_deref(), Some("2021-06"));
    // The three contents lines equal the headlines and are dropped; they are not topics.
    assert_eq!(numbers(&b), [1, 2, 3]);
    assert_eq!(
        headlines(&b),
        [
            "Solar glass capacity rules loosen after a price spike",
            "New rules make battery makers responsible for recycling",
            "Export licensing for civilian drones widens to key components",
        ]
    );
    // Design: a free line after the title that is no contents entry is a note.
    assert_eq!(
        b.notes,
        ["Subscribe to our newsletter to receive China Industries every month."]
    );
    for t in &b.topics {
        for (field, text) in [("at_a_glance", &t.at_a_glance), ("comment", &t.comment)] {
            for boiler in ["In this issue", "Subscribe", "Top 5"] {
                assert!(
                    !text.contains(boiler),
                    "topic {} {field} holds {boiler:?}",
                    t.number
                );
            }
        }
    }
    assert_eq!(point_counts(&b), [2, 3, 0]);
    assert_eq!(paragraphs(&topic(&b, 3).at_a_glance), 1);
    assert_policy(
        &b,
        1,
        "Notice on Adjusting Capacity Replacement Requirements for Photovoltaic Rolled Glass",
        Some("关于调整光伏压延玻璃产能置换要求的通知"),
        "MIIT",
        "2021-06-03",
    );
    assert_policy(
        &b,
        2,
        "Administrative Measures for the Recycling of New Energy Vehicle Traction Batteries",
        Some("新能源汽车动力蓄电池回收利用管理办法"),
        "MIIT, NDRC, Ministry of Ecology and Environment, Ministry of Commerce, Ministry of Transport, Ministry of Science and Technology, SAMR",
        "2021-06-17",
    );
    assert_policy(
        &b,
        3,
        "Announcement on Export Controls for Certain Unmanned Aerial Vehicle Components",
        Some("关于对部分无人驾驶航空器部件实施出口管制的公告"),
        "Ministry of Commerce, General Administration of Customs",
        "2021-06-24",
    );
    assert_eq!(
        news_dates(&b, Section::Policy),
        ["2021-06-08", "2021-06-29"]
    );
    assert!(news(&b, Section::Corporate).is_empty());
    assert_no_warnings(name, &b);
}

#[test]
fn single_topic() {
    let name = "valid/single-topic.txt";
    let b = parse_ok(name);
    let title = "Guangdong bets on compound semiconductors with a three-year foundry plan";
    assert_eq!(b.title, title);
    assert_eq!(b.reading_minutes, Some(5));
    assert_eq!(b.series.as_deref(), Some("MERICS China Industries"));
    assert_eq!(b.topics.len(), 1);
    // EXPECTED.md asks for number = None; the model's number is a plain u32 and a
    // single-topic page is topic 1.
    assert_eq!(topic(&b, 1).number, 1);
    assert_eq!(topic(&b, 1).headline, title);
    let t = topic(&b, 1);
    assert_eq!(t.points.len(), 3);
    assert!(t.events.is_empty());
    assert!(
        t.at_a_glance
            .starts_with("The Guangdong provincial government has published")
    );
    assert_eq!(paragraphs(&t.comment), 2);
    assert!(
        t.comment
            .split("\n\n")
            .nth(1)
            .is_some_and(|p| p.starts_with("Execution will be the real test."))
    );
    assert_policy(
        &b,
        1,
        "Three-Year Action Plan for the Compound Semiconductor Industry in Guangdong Province (2022-2024)",
        Some("广东省化合物半导体产业三年行动计划(2022-2024年)"),
        "Guangdong Provincial Department of Industry and Information Technology",
        "2022-07-19",
    );
    assert_eq!(period(&b).as_deref(), Some("2022-07"));
    assert!(b.news.is_empty());
    assert!(b.notes.is_empty());
    assert_no_warnings(name, &b);
}

#[test]
fn crlf_trailing_spaces() {
    let name = "valid/crlf-trailing-spaces.txt";
    let raw = text_of(&fixture_path(name));
    assert!(
        raw.contains("\r\n") && raw.contains(" \r\n") && raw.contains("\n\t"),
        "fixture shape"
    );
    let b = parse_ok(name);
    // Same as an LF-only version with trailing spaces removed.
    let lf: String = raw
        .replace("\r\n", "\n")
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    assert_eq!(parse_brief(&lf).expect("LF version"), b);

    assert_eq!(
        b.caption.as_deref(),
        Some("A dry dock at a shipyard in Dalian")
    );
    assert_eq!(b.title, "Shipbuilding + Industrial software");
    assert_eq!(b.reading_minutes, Some(8));
    assert_eq!(period(&b).as_deref(), Some("2021-09"));
    assert_eq!(
        headlines(&b),
        [
            "Shipbuilders are told to go green and go digital",
            "Industrial software gets its own funding channel",
        ]
    );
    assert_eq!(
        topic(&b, 1).points,
        [
            "Raise the share of alternative-fuel vessels in new orders to 40 percent",
            "Digitalize welding and painting in at least 30 major yards",
            "Develop domestic design software for large cruise ships",
        ]
    );
    assert_eq!(topic(&b, 2).points.len(), 2);
    assert_policy(
        &b,
        1,
        "Guidelines on the High-Quality Development of the Shipbuilding Industry (2021-2025)",
        Some("船舶工业高质量发展指导意见(2021-2025年)"),
        "MIIT",
        "2021-09-07",
    );
    assert_policy(
        &b,
        2,
        "Notice on Special Funds for the Industrial Software Industry",
        Some("关于工业软件产业专项资金的通知"),
        "Ministry of Finance, MIIT",
        "2021-09-22",
    );
    assert_eq!(
        news_dates(&b, Section::Policy),
        ["2021-09-13", "2021-09-28"]
    );
    assert_eq!(
        news_dates(&b, Section::Corporate),
        ["2021-09-16", "2021-09-24"]
    );
    assert_eq!(
        sources(news_on(&b, "2021-09-16")),
        [("Company statement", "CN"), ("Splash article", "EN")]
    );
    assert_no_warnings(name, &b);
}

#[test]
fn year_boundary_2021_01() {
    let name = "valid/year-boundary-2021-01.txt";
    let b = parse_ok(name);
    assert_eq!(
        b.title,
        "Wind farm repowering + Chip funds + Cold-chain logistics"
    );
    assert_eq!(b.reading_minutes, Some(10));
    assert_eq!(period(&b).as_deref(), Some("2021-01"));
    assert_eq!(b.topics.len(), 3);
    assert_policy(
        &b,
        1,
        "Notice on Promoting the Repowering of Aging Wind Farms",
        Some("关于推进老旧风电场改造升级的通知"),
        "NEA",
        "2021-01-12",
    );
    assert_policy(
        &b,
        3,
        "Plan for Building a National Cold-Chain Logistics Backbone Network",
        Some("国家冷链物流骨干网建设方案"),
        "Ministry of Commerce",
        "2021-01-19",
    );
    let t2 = topic(&b, 2);
    assert_eq!(
        t2.headline,
        "Chip investment funds start the year with a spending spree"
    );
    assert_eq!(t2.policy, None);
    assert!(
        t2.points.is_empty(),
        "dated bullets are events only: {:?}",
        t2.points
    );
    let events: Vec<String> = t2.events.iter().map(|e| ymd(e.date)).collect();
    assert_eq!(events, ["2020-12-30", "2021-01-06"]);
    assert!(
        t2.events[0]
            .text
            .starts_with("A guidance fund backed by the Hefei")
    );
    assert!(
        t2.events[1]
            .text
            .starts_with("Equipment startup Zhaoxin Etch")
    );
    assert_eq!(
        news_dates(&b, Section::Policy),
        ["2020-12-29", "2021-01-04", "2021-01-15"]
    );
    assert_eq!(
        news_dates(&b, Section::Corporate),
        ["2021-01-08", "2021-01-21"]
    );
    assert_no_warnings(name, &b);
}

#[test]
fn quotes_and_brackets() {
    let name = "valid/quotes-and-brackets.txt";
    let b = parse_ok(name);
    assert_eq!(
        b.title,
        "\"Chain leaders\" + ‘Green computing’ + Cloud contracts"
    );
    assert_eq!(b.reading_minutes, Some(7));
    assert_eq!(period(&b).as_deref(), Some("2021-08"));
    assert_eq!(
        headlines(&b),
        [
            "MIIT wants 100 more \"chain leader\" firms to anchor key supply chains",
            "Data-center plan puts ‘green computing’ at the heart of the “East Data, West Computing” push",
        ]
    );
    assert_policy(
        &b,
        1,
        "Opinions on Fostering \"Chain Leader\" Enterprises in Key Industrial Chains",
        Some("关于在重点产业链培育“链主”企业的意见"),
        "MIIT",
        "2021-08-11",
    );
    // The Chinese bracket is never closed.
    assert_policy(
        &b,
        2,
        "Implementation Plan for Green Data Centers (Draft for Comments)",
        Some("绿色数据中心实施方案(征求意见稿)"),
        "NDRC",
        "2021-08-24",
    );
    assert!(news(&b, Section::Policy).is_empty());
    assert_eq!(
        news_dates(&b, Section::Corporate),
        ["2021-08-17", "2021-08-26"]
    );
    let aug17 = news_on(&b, "2021-08-17");
    assert_eq!(
        aug17.text,
        "Cloud provider Beiming Cloud wins a five-year contract to host a provincial government platform"
    );
    assert_eq!(
        sources(aug17),
        [
            ("MIIT notice", "CN"),
            ("Company statement", "-"),
            ("Reuters article", "EN")
        ]
    );
    assert_eq!(
        sources(news_on(&b, "2021-08-26")),
        [("“Tianshu goes west” press release", "CN")]
    );
    assert_no_warnings(name, &b);
}

#[test]
fn markdown() {
    let name = "valid/markdown.md";
    let b = parse_ok(name);
    assert_eq!(
        b.title,
        "Steel decarbonization + Cloud procurement + Battery swapping"
    );
    // No series line, but topics labelled "At a glance" and "MERICS comment" are China
    // Industries' (issue #18: a compact rendering names no series either).
    assert_eq!(b.series.as_deref(), Some("MERICS China Industries"));
    assert_eq!(b.publisher.as_deref(), Some("MERICS"));
    assert_eq!(b.reading_minutes, None);
    assert_eq!(period(&b).as_deref(), Some("2022-03"));
    assert_eq!(numbers(&b), [1, 2]);
    assert_eq!(
        headlines(&b),
        [
            "Steel mills get a five-year deadline to cut emissions",
            "Central SOEs must move workloads to domestic cloud providers",
        ]
    );
    assert_eq!(
        topic(&b, 1).at_a_glance,
        "The Ministry of Industry and Information Technology (MIIT) and two other ministries have issued a plan that sets binding emission targets for steel producers. Mills that miss the targets will lose access to new capacity permits and face higher electricity prices. The plan lists the following goals:"
    );
    assert_eq!(
        topic(&b, 1).points,
        [
            "Raise the share of electric arc furnace steel to 20 percent of total crude steel output",
            "Bring 80 percent of production capacity in line with ultra-low emission standards",
            "Cut energy use per ton of steel by 2 percent compared with current levels",
        ]
    );
    assert_eq!(topic(&b, 2).points.len(), 2);
    assert_policy(
        &b,
        1,
        "Five-Year Plan for the Low-Carbon Transformation of Steel Enterprises",
        Some("钢铁企业低碳转型五年计划"),
        "MIIT, NDRC, Ministry of Ecology and Environment",
        "2022-03-10",
    );
    assert_policy(
        &b,
        2,
        "Guiding Opinions on Cloud Migration of Information Systems in Central Enterprises",
        Some("关于中央企业信息系统上云的指导意见"),
        "SASAC",
        "2022-03-22",
    );
    assert_eq!(
        news_dates(&b, Section::Policy),
        ["2022-03-03", "2022-03-15"]
    );
    let mar3 = news_on(&b, "2022-03-03");
    assert_eq!(
        mar3.text,
        "The MIIT publishes safety standards for battery swapping stations"
    );
    assert_eq!(sources(mar3), [("MIIT standard", "CN")]);
    assert_eq!(
        sources(news_on(&b, "2022-03-15")),
        [("NDRC notice", "CN"), ("Caixin article", "EN")]
    );
    assert_eq!(
        news_dates(&b, Section::Corporate),
        ["2022-03-08", "2022-03-29"]
    );
    assert_eq!(
        sources(news_on(&b, "2022-03-08")),
        [("Company statement", "CN"), ("Technode article", "EN")]
    );
    assert_eq!(
        sources(news_on(&b, "2022-03-29")),
        [("Reuters article", "EN")]
    );
    assert_no_warnings(name, &b);
}

#[test]
fn inline_footer() {
    let name = "valid/inline-footer.txt";
    let b = parse_ok(name);
    assert_eq!(b.title, "Chemical parks + Methane + Lithium mining");
    assert_eq!(b.reading_minutes, Some(9));
    assert_eq!(period(&b).as_deref(), Some("2021-11"));
    assert_eq!(point_counts(&b), [2, 2, 2]);
    assert_policy(
        &b,
        1,
        "Work Plan for the Safety Review of Chemical Industrial Parks",
        Some("化工园区安全整治提升工作方案"),
        "Ministry of Emergency Management",
        "2021-11-04",
    );
    assert_policy(
        &b,
        2,
        "Methane Emission Control Action Plan (Draft)",
        Some("甲烷排放控制行动方案(草案)"),
        "Ministry of Ecology and Environment",
        "2021-11-16",
    );
    assert_policy(
        &b,
        3,
        "Notice on Promoting the Orderly Development of Lithium Resources",
        Some("关于促进锂资源有序开发的通知"),
        "MIIT, Ministry of Natural Resources",
        "2021-11-25",
    );
    assert!(
        topic(&b, 1)
            .at_a_glance
            .starts_with("The Ministry of Emergency Management has launched a two-year campaign")
    );
    assert!(
        topic(&b, 2)
            .at_a_glance
            .starts_with("The Ministry of Ecology and Environment has circulated")
    );
    assert!(
        topic(&b, 3)
            .at_a_glance
            .starts_with("Two ministries have issued rules")
    );
    assert_eq!(
        news_dates(&b, Section::Policy),
        ["2021-11-09", "2021-11-30"]
    );
    assert!(news(&b, Section::Corporate).is_empty());
    assert_no_warnings(name, &b);
}

#[test]
fn glossary() {
    let name = "valid/glossary.txt";
    let b = parse_ok(name);
    assert_eq!(b.title, "New infrastructure + SOE innovation");
    assert_eq!(b.reading_minutes, Some(8));
    assert_eq!(period(&b).as_deref(), Some("2021-09"));
    assert_eq!(b.topics.len(), 2);
    let mut entries: Vec<(&str, &str, GlossaryKind)> = b
        .glossary
        .iter()
        .map(|g| (g.term.as_str(), g.meaning.as_str(), g.kind))
        .collect();
    entries.sort();
    // EXPECTED.md writes the Chinese entries as meaning → term; the model's term is the
    // Chinese text.
    let mut want = vec![
        (
            "NDRC",
            "National Development and Reform Commission",
            GlossaryKind::Acronym,
        ),
        (
            "SASAC",
            "State-owned Assets Supervision and Administration Commission",
            GlossaryKind::Acronym,
        ),
        ("R&D", "research and development", GlossaryKind::Acronym),
        ("新基建", "new infrastructure", GlossaryKind::Chinese),
        ("共同富裕", "Common Prosperity", GlossaryKind::Chinese),
    ];
    want.sort();
    assert_eq!(entries, want);
    assert_policy(
        &b,
        1,
        "Guiding Opinions on Extending New Infrastructure Construction to Rural Areas",
        Some("关于推进新型基础设施建设向农村延伸的指导意见"),
        "NDRC",
        "2021-09-06",
    );
    assert_policy(
        &b,
        2,
        "Measures for the Performance Evaluation of Central Enterprise Leaders",
        Some("中央企业负责人经营业绩考核办法"),
        "SASAC",
        "2021-09-23",
    );
    assert_eq!(
        news_dates(&b, Section::Policy),
        ["2021-09-14", "2021-09-27"]
    );
    assert!(news(&b, Section::Corporate).is_empty());
    assert_no_warnings(name, &b);
}

// ---------------------------------------------------------------------------------------------
// malformed/

#[test]
fn empty() {
    assert_eq!(read_bytes(&fixture_path("malformed/empty.txt")).len(), 0);
    assert_eq!(parse_file("malformed/empty.txt"), Err(ParseError::Empty));
}

#[test]
fn blank_lines() {
    assert_eq!(
        parse_file("malformed/blank-lines.txt"),
        Err(ParseError::Blank)
    );
}

#[test]
fn unrelated() {
    // The recipe's "1. Peel …", "2. Make …", "3. Bake" are not topics: no labels, no news.
    assert_eq!(
        parse_file("malformed/unrelated.txt"),
        Err(ParseError::NotABrief)
    );
}

#[test]
fn binary() {
    let bytes = read_bytes(&fixture_path("malformed/binary.txt"));
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is not UTF-8"
    );
    // Even lossy decoding does not turn it into a brief.
    let lossy = String::from_utf8_lossy(&bytes);
    assert!(
        matches!(parse_brief(&lossy), Err(ParseError::Binary(_))),
        "{:?}",
        parse_brief(&lossy).map(|b| b.title)
    );
}

#[test]
fn truncated() {
    let name = "malformed/truncated.txt";
    let b = parse_ok(name);
    assert_eq!(b.title, "Auto chips + EV charging");
    assert_eq!(b.reading_minutes, Some(7));
    assert_eq!(period(&b).as_deref(), Some("2021-05"));
    assert_eq!(b.topics.len(), 2);
    assert_policy(
        &b,
        1,
        "Notice on Promoting the Application of Domestic Automotive Chips",
        Some("关于推动国产汽车芯片应用的通知"),
        "MIIT",
        "2021-05-11",
    );
    assert_eq!(topic(&b, 1).points.len(), 2);
    let t2 = topic(&b, 2);
    assert_eq!(t2.headline, "Cities race to build public charging stations");
    assert_eq!(t2.points.len(), 2);
    assert_eq!(t2.policy, None);
    assert!(
        t2.comment.ends_with("the subsidy scheme could"),
        "{:?}",
        t2.comment
    );
    assert!(b.news.is_empty() && b.authors.is_empty());
    // What is there imports; the unfinished last sentence is reported on its own line.
    assert_eq!(b.warnings.len(), 1, "{:?}", b.warnings);
    assert_eq!(b.warnings[0].line, 29);
    assert!(b.warnings[0].message.contains("cut off"));
}

#[test]
fn stray_lines() {
    let name = "malformed/stray-lines.txt";
    let b = parse_ok(name);
    assert_eq!(b.title, "Commercial space + Pharmaceutical APIs");
    assert_eq!(b.reading_minutes, Some(8));
    assert_eq!(period(&b).as_deref(), Some("2022-03"));
    assert_eq!(point_counts(&b), [2, 2]);
    assert_eq!(warning_lines(&b), [22, 33, 46]);
    let messages: Vec<&str> = b.warnings.iter().map(|w| w.message.as_str()).collect();
    for (message, stray) in messages
        .iter()
        .zip(["Advertisement", "Share this page", "???"])
    {
        assert!(message.contains(stray), "{message:?} should name {stray:?}");
    }
    for (place, text) in all_texts(&b) {
        for stray in ["Advertisement", "Share this page", "???"] {
            assert!(!text.contains(stray), "{place} holds {stray:?}: {text:?}");
        }
    }
    let comment = &topic(&b, 2).comment;
    assert_eq!(paragraphs(comment), 1);
    assert!(comment.ends_with("contingency plans."), "{comment:?}");
    assert_policy(
        &b,
        1,
        "Measures on Licensing for Commercial Small Satellite Projects",
        Some("商业小卫星项目许可办法"),
        "State Administration of Science, Technology and Industry for National Defense",
        "2022-03-09",
    );
    assert_policy(
        &b,
        2,
        "Notice on the Relocation of Active Pharmaceutical Ingredient Production into Chemical Parks",
        Some("关于原料药生产企业入园的通知"),
        "MIIT, National Medical Products Administration",
        "2022-03-21",
    );
    assert_eq!(
        news_dates(&b, Section::Policy),
        ["2022-03-02", "2022-03-17"]
    );
    assert_eq!(news_dates(&b, Section::Corporate), ["2022-03-24"]);
}

#[test]
fn no_year_anywhere() {
    let name = "malformed/no-year-anywhere.txt";
    let b = parse_ok(name);
    assert_eq!(b.title, "Port automation + Chip subsidies");
    assert_eq!(b.reading_minutes, Some(6));
    assert_eq!(b.topics.len(), 2);
    assert!(b.topics.iter().all(|t| t.policy.is_none()));
    let t1 = topic(&b, 1);
    assert!(t1.points.is_empty());
    assert_eq!(t1.events.len(), 2);
    assert!(t1.events[0].text.starts_with("Qingdao port"));
    assert!(t1.events[1].text.starts_with("Xiamen port"));
    assert_eq!(news(&b, Section::Policy).len(), 2);
    assert_eq!(news(&b, Section::Corporate).len(), 1);
    assert_eq!(b.period, None);
    // No year to take: every date stays null (the model keeps no month/day without a year)…
    assert!(t1.events.iter().all(|e| e.date.is_none()));
    assert!(b.news.iter().all(|n| n.date.is_none()));
    // …with one warning per date, on the date's line.
    assert_eq!(warning_lines(&b), [12, 13, 27, 28, 32]);
    assert!(
        b.warnings.iter().all(|w| w.message.contains("no year")),
        "{:#?}",
        b.warnings
    );
}

// ---------------------------------------------------------------------------------------------
// Line endings

fn with_crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

fn with_lf(text: &str) -> String {
    text.replace("\r\n", "\n")
}

#[test]
fn lf_and_crlf_give_the_same_result() {
    let mut paths: Vec<PathBuf> = FIXTURES.iter().map(|f| fixture_path(f)).collect();
    paths.push(root().join(SAMPLE));
    for path in paths {
        let text = text_of(&path);
        let lf = parse_brief(&with_lf(&text));
        let crlf = parse_brief(&with_crlf(&text));
        assert_eq!(lf, crlf, "{}", path.display());
        let cr = parse_brief(&with_lf(&text).replace('\n', "\r"));
        assert_eq!(lf, cr, "{} with lone CR line ends", path.display());
    }
}

// ---------------------------------------------------------------------------------------------
// Stray lines anywhere

/// Web page leftovers put between any two paragraphs of a brief (header, topics, footers,
/// news, authors) change nothing but add one warning on their own line.
#[test]
fn a_stray_line_anywhere_is_one_warning_and_changes_nothing_else() {
    let mut paths: Vec<PathBuf> = FIXTURES
        .iter()
        .filter(|f| {
            f.starts_with("valid/")
                || f.ends_with("truncated.txt")
                || f.ends_with("no-year-anywhere.txt")
        })
        .map(|f| fixture_path(f))
        .collect();
    paths.push(root().join(SAMPLE));
    for path in paths {
        let text = with_lf(&text_of(&path));
        let lines: Vec<&str> = text.split('\n').collect();
        let base = parse_brief(&text).expect("parses");
        for at in (0..=lines.len()).filter(|&i| lines.get(i).is_none_or(|l| l.trim().is_empty())) {
            for stray in ["Advertisement", "Share this page", "???"] {
                let mut changed = lines.clone();
                changed.splice(at..at, ["", stray]);
                let mut got = parse_brief(&changed.join("\n")).expect("still parses");
                let stray_line = at + 2;
                let mut want: Vec<usize> = base
                    .warnings
                    .iter()
                    .map(|w| if w.line > at { w.line + 2 } else { w.line })
                    .chain([stray_line])
                    .collect();
                want.sort_unstable();
                let at_line = format!("{} with {stray:?} on line {stray_line}", path.display());
                assert_eq!(warning_lines(&got), want, "{at_line}");
                got.warnings.clone_from(&base.warnings);
                assert_eq!(got, base, "{at_line}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Nasty inputs: any result, but no panic, and warnings point at real lines

/// A small deterministic generator, so failures can be reproduced.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let len = u64::try_from(items.len()).expect("small");
        items[usize::try_from(self.next() % len).expect("small")]
    }
}

/// Pieces that trip parsers: labels, brackets, dates, bullets, scripts, odd code points.
const PIECES: &[&str] = &[
    "(",
    ")",
    "（",
    "）",
    "《",
    "》",
    "[",
    "](",
    "“",
    "”",
    "\"",
    "'",
    "1.",
    "2)",
    "12. ",
    "At a glance:",
    "MERICS comment:",
    "Policy name:",
    "Issuing body:",
    "Date:",
    "Date：",
    "WORTH NOTING",
    "Policy news",
    "Corporate news",
    "Author(s)",
    "•",
    "- ",
    "* ",
    "·",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "February 29",
    "February 30, 2021",
    "December 31: ",
    "2021-02-18",
    "2月7日",
    "13 Minuten Lesedauer",
    "11 min read",
    "MERICS China Industries",
    "(CN)",
    "(EN)",
    ";",
    "（Link）",
    "(Link)",
    "MIIT",
    "Ministry of Transport (MOT)",
    "“Two Zones” (两区)",
    "两区",
    "é",
    "\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\u{fffd}",
    "\u{202e}",
    "👩‍🔬",
    "𠀀",
    "Ⅻ",
    "ﬁ",
    "İ",
    "ß",
    "#",
    "## ",
    "**",
    ">",
    ":",
    "：",
    "Advertisement",
    "???",
    "October 2020",
];

fn nasty_inputs() -> Vec<String> {
    let mut inputs: Vec<String> = [
        "(",
        ")",
        "（",
        "1.",
        "1. ",
        "1. A",
        "1. Headline",
        "At a glance:",
        "At a glance: (",
        "MERICS comment:",
        "Date:",
        "Date: February 30, 2021",
        "Date: February 29",
        "Issuing body: Date: At a glance:",
        "Policy name: (((",
        "Policy name: )))",
        "Policy name: 《《《",
        "Policy name: (中文",
        "Policy name: 中文)",
        "Policy name: (Link)",
        "Policy name: （（（（",
        "WORTH NOTING",
        "Worth noting:",
        "WORTH NOTING\n\n\n",
        "WORTH NOTING\n• February 31: x (",
        "WORTH NOTING\nPolicy news\n• (",
        "WORTH NOTING\n(a (b (c",
        "WORTH NOTING\nPolicy news\n• February 7: x (a (CN); b (EN)",
        "WORTH NOTING\nPolicy news\n• February 7: x ((((CN))))",
        "Author(s)",
        "Author(s)\n(",
        "• ",
        "•",
        "- ",
        "**",
        "# ",
        "##",
        "> > >",
        "[",
        "[](",
        "[a](b",
        "\u{feff}",
        "\u{feff}\n",
        "\r",
        "\r\r\r",
        "\n\r\n\r",
        "\u{b}\u{b}",
        "\t",
        "(((((((((())))",
        "))))(((((",
        "At a glance: x\n1. Headline",
        "1. A\n2. B\n3. C\nAt a glance: x",
        "At a glance: The Ministry (M",
        "At a glance: (MIIT)",
        "At a glance: of (OF)",
        "At a glance: s (SS)",
        "At a glance: A (A&)",
        "At a glance: “” (两区)",
        "At a glance: “ (两区)",
        "At a glance: ” (两区)",
        "At a glance: x (两区",
        "At a glance: x\n• February 29: leap\nDate: February 30",
        "MERICS China Industries Briefing - October 2020\nAt a glance: x\n• September 31: y",
        "1. Headline\nAt a glance:\n2. Headline\n",
        "Date: 2021年13月40日",
        "Date: 9999-99-99",
        "Date: Feb. 2021",
        "Date: 31 February 2021",
        "At a glance: 日期：2月30日",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    // Long inputs.
    inputs.push("At a glance: x\n".repeat(10_000));
    inputs.push("Ministry of Transport (MOT) ".repeat(2_000) + "\nAt a glance: x");
    inputs.push(format!(
        "At a glance: {}",
        "Ministry of Transport (MOT) ".repeat(10_000)
    ));
    inputs.push(format!(
        "At a glance: {}",
        "Two Zones (两区) ".repeat(10_000)
    ));
    inputs.push("• February 7: x\n".repeat(10_000) + "Date: February 8, 2021");
    inputs.push("• February 7, 2021: x\n• March 1: y\n".repeat(5_000) + "At a glance: x");
    inputs.push("1. Headline\n\nAt a glance: x\n\n".repeat(10_000));
    inputs.push(
        "WORTH NOTING\nPolicy news\n".to_owned()
            + &"• February 7: x (A (CN); B (EN))\n".repeat(10_000),
    );
    inputs.push("(".repeat(10_000));
    inputs.push(format!("Policy name: {}", "(".repeat(10_000)));
    inputs.push(format!("Policy name: {}", "(中".repeat(5_000)));
    inputs.push(format!(
        "WORTH NOTING\nPolicy news\n• February 7: x {}",
        ")".repeat(10_000)
    ));
    // Pseudo-random mixes of the pieces above.
    let mut rng = Lcg(0x5eed);
    for _ in 0..2_000 {
        let count = 1 + rng.next() % 40;
        let text: String = (0..count).map(|_| rng.pick(PIECES)).collect();
        inputs.push(text);
    }
    // Random code points, including CJK and astral ones.
    for _ in 0..300 {
        let count = 1 + rng.next() % 60;
        let text: String = (0..count)
            .filter_map(|_| char::from_u32(u32::try_from(rng.next() % 0x3_0000).expect("small")))
            .collect();
        inputs.push(text);
    }
    inputs
}

#[test]
fn nasty_inputs_do_not_panic() {
    for input in nasty_inputs() {
        let shown: String = input.chars().take(80).collect();
        let result = std::panic::catch_unwind(|| parse_brief(&input));
        let Ok(result) = result else {
            panic!("parse_brief panicked on {shown:?}");
        };
        let Ok(brief) = result else { continue };
        let line_count = with_lf(&input).split(['\n', '\r']).count();
        for w in &brief.warnings {
            assert!(
                (1..=line_count.max(1)).contains(&w.line),
                "warning on line {} of a {line_count}-line input {shown:?}: {}",
                w.line,
                w.message
            );
        }
        serde_json::to_string(&brief).expect("a brief serialises");
    }
}

#[test]
fn nasty_inputs_with_known_results() {
    assert_eq!(parse_brief("("), Err(ParseError::NotABrief));
    assert_eq!(parse_brief("1."), Err(ParseError::NotABrief));
    assert_eq!(
        parse_brief(&"just text\n".repeat(10_000)),
        Err(ParseError::NotABrief)
    );
    assert_eq!(parse_brief("\u{feff}"), Err(ParseError::Blank));
    assert_eq!(parse_brief("\r\n\r\n"), Err(ParseError::Blank));
    assert!(matches!(parse_brief("a\0b"), Err(ParseError::Binary(_))));
    assert_eq!(parse_brief("\u{b}\u{b}"), Err(ParseError::Blank));
    // A "Worth noting" heading with nothing under it is no brief.
    assert_eq!(parse_brief("WORTH NOTING"), Err(ParseError::NotABrief));
    assert_eq!(parse_brief("WORTH NOTING\n\n"), Err(ParseError::NotABrief));

    let b = parse_brief("At a glance:").expect("a label makes a brief");
    assert_eq!(b.topics.len(), 1);
    assert_eq!(b.topics[0].at_a_glance, "");

    let b = parse_brief("Policy name: (((").expect("a footer makes a brief");
    let p = b.topics[0].policy.as_ref().expect("policy");
    assert_eq!((p.name.as_str(), p.name_zh.as_deref()), ("", None));
}
