//! The analyst layer on the sample brief, on briefs of odd input, and the JSON shape.

use super::*;
use crate::model::{
    DocInfo, DocType, FigureKind, GlossaryEntry, GlossaryKind, Qualifier, TargetKind,
};

const SAMPLE: &str = include_str!("../../seeds/merics-china-industries-2021-02.txt");

fn sample() -> (Brief, BriefAnalysis) {
    let brief = crate::parse::parse_brief(SAMPLE).expect("the sample parses");
    let analysis = analyse(&brief);
    (brief, analysis)
}

#[test]
fn one_result_per_topic_and_news_item() {
    let (brief, a) = sample();
    assert_eq!(a.topics.len(), brief.topics.len());
    assert_eq!(a.news.len(), brief.news.len());
}

#[test]
fn sample_targets() {
    let (_, a) = sample();
    let all: Vec<(i32, TargetKind, &str)> = a
        .topics
        .iter()
        .flat_map(|t| &t.targets)
        .chain(a.news.iter().flat_map(|n| &n.targets))
        .map(|t| (t.year, t.kind, t.phrase.as_str()))
        .collect();
    assert_eq!(
        all,
        [
            // Topic 1: the action plan's goals, and the MIIT draft's standards.
            (2023, TargetKind::Goal, "goals for 2023"),
            (2025, TargetKind::Deadline, "by 2025"),
            // Topic 2: "over the next five years" from February 9, 2021, then the goals.
            (2025, TargetKind::Relative, "over the next five years"),
            (2025, TargetKind::Goal, "goals for 2025"),
            (2030, TargetKind::Deadline, "By 2030"),
            // Topic 3: the "transportation superpower".
            (2050, TargetKind::Deadline, "by 2050"),
            // News: NEA's renewables share, operators' 5G spending, the transport network,
            // Didi's roll-out.
            (2030, TargetKind::Deadline, "by 2030"),
            (2035, TargetKind::Relative, "over the next 15 years"),
            (2025, TargetKind::Relative, "over the next five years"),
            (2021, TargetKind::Deadline, "by the first half of 2021"),
        ]
    );
    let goals_2023 = &a.topics[0].targets[0];
    assert_eq!(
        goals_2023.text,
        "It outlines several goals for 2023, including:"
    );
    assert_eq!(goals_2023.points, [0, 1, 2, 3]);
    assert_eq!(
        goals_2023.at,
        Some(FieldRef {
            field: TextField::AtAGlance,
            item: None
        })
    );
    let by_2030 = &a.topics[1].targets[2];
    assert!(
        by_2030
            .text
            .starts_with("By 2030, China is to become a global hub")
    );
    assert!(by_2030.points.is_empty());
}

#[test]
fn sample_has_no_false_targets() {
    let (_, a) = sample();
    let phrases: Vec<&str> = a
        .topics
        .iter()
        .flat_map(|t| &t.targets)
        .chain(a.news.iter().flat_map(|n| &n.targets))
        .map(|t| t.text.as_str())
        .collect();
    for not_a_target in [
        "Made in China 2025",
        "covering 2018-2020",
        "In 2020",
        "September 2020",
        "April 2019",
        "November 10, 2020",
        "for 2021 which",
    ] {
        assert!(
            !phrases.iter().any(|p| p.contains(not_a_target)),
            "{not_a_target}"
        );
    }
}

#[test]
fn sample_figures() {
    let (_, a) = sample();
    let all: Vec<(&str, f64, &str, FigureKind)> = a
        .topics
        .iter()
        .flat_map(|t| &t.figures)
        .chain(a.news.iter().flat_map(|n| &n.figures))
        .map(|f| (f.raw.as_str(), f.value, f.unit.as_str(), f.kind))
        .collect();
    assert_eq!(
        all,
        [
            ("at least 20 percent", 20.0, "%", FigureKind::Percent),
            ("CNY 70 billion", 7e10, "CNY", FigureKind::Money),
            (
                "more than 30 “Internet of Things”-standards",
                30.0,
                "standard",
                FigureKind::Count
            ),
            ("6-8 Chinese companies", 6.0, "company", FigureKind::Count),
            ("CNY 10 billion", 1e10, "CNY", FigureKind::Money),
            (
                "at least 20 new industrial projects",
                20.0,
                "project",
                FigureKind::Count
            ),
            ("up to 50 percent", 50.0, "%", FigureKind::Percent),
            ("23.5 percent", 23.5, "%", FigureKind::Percent),
            ("around 6 percent", 6.0, "%", FigureKind::Percent),
            ("40 percent", 40.0, "%", FigureKind::Percent),
            ("96 percent", 96.0, "%", FigureKind::Percent),
            ("20 GWh", 2e10, "Wh", FigureKind::Energy),
            ("almost USD 190 billion", 1.9e11, "USD", FigureKind::Money),
        ]
    );
    let usd = a.news[13].figures[0].clone();
    assert_eq!(usd.qualifier, Some(Qualifier::Almost));
    assert!(
        usd.text
            .starts_with("A global industry trade body estimates")
    );
    let companies = &a.topics[1].figures[0];
    assert_eq!(companies.upper, Some(8.0));
    assert_eq!(
        companies.at,
        Some(FieldRef {
            field: TextField::Point,
            item: Some(2)
        })
    );
}

#[test]
fn sample_doc_types_keys_and_bodies() {
    let (_, a) = sample();
    let policies: Vec<&PolicyAnalysis> =
        a.topics.iter().filter_map(|t| t.policy.as_ref()).collect();
    let docs: Vec<&DocInfo> = policies.iter().map(|p| &p.doc).collect();
    let doc = |doc_type, of, is_draft| DocInfo {
        doc_type: Some(doc_type),
        of,
        is_draft,
        is_trial: false,
    };
    assert_eq!(
        docs,
        [
            &doc(DocType::Interpretation, Some(DocType::ActionPlan), false),
            &doc(DocType::Plan, None, true),
            &doc(DocType::Notice, None, false),
            &doc(DocType::WorkPlan, None, false),
        ]
    );
    let keys: Vec<(&str, bool)> = policies
        .iter()
        .filter_map(|p| p.key.as_ref())
        .map(|k| (k.key.as_str(), k.is_draft))
        .collect();
    assert_eq!(
        keys,
        [
            ("zh:工业互联网创新发展行动计划(2021-2023年)", false),
            ("zh:医疗装备产业发展规划(2021-2025年)", true),
            (
                "zh:关于组织开展2021年度交通运输行业重点科技项目清单申报的通知",
                false
            ),
            ("zh:数字经济领域两区建设工作方案", false),
        ]
    );
    // The final version of topic 2's plan, named as a later brief might, links up.
    let final_key = policy_key(
        "Medical Equipment Industry Development Plan (2021–2025)",
        Some("《医疗装备产业发展规划（2021—2025年）》"),
    );
    assert_eq!(
        final_key.map(|k| k.key),
        policies[1].key.clone().map(|k| k.key)
    );
    assert_eq!(
        policies[0].period,
        Some(YearRange {
            start: 2021,
            end: 2023
        })
    );
    assert_eq!(policies[2].period, None);
    assert_eq!(policies[0].issuing_bodies, ["MIIT"]);
    assert_eq!(
        policies[3].issuing_bodies,
        ["Beijing Municipal Economic and Information Bureau"]
    );
    assert!(policies.iter().all(|p| p.doc_number.is_none()));
    let news_types: Vec<Option<DocType>> = a.news.iter().map(|n| n.doc_type).collect();
    assert_eq!(
        news_types[..7],
        [
            Some(DocType::ActionPlan),
            Some(DocType::Notice),
            None,
            Some(DocType::Guidelines),
            None,
            Some(DocType::GuidingOpinions),
            Some(DocType::Plan),
        ]
    );
    assert!(
        news_types[7..].iter().all(Option::is_none),
        "corporate news has no type"
    );
}

#[test]
fn sample_organisations() {
    let (_, a) = sample();
    let orgs: Vec<(&str, OrgKind)> = a
        .organisations
        .iter()
        .map(|o| (o.name.as_str(), o.kind))
        .collect();
    use OrgKind::{Agency, Company};
    assert_eq!(
        orgs,
        [
            ("MIIT", Agency),
            ("MOT", Agency),
            ("State Council", Agency),
            ("Beijing Municipal Economic and Information Bureau", Agency),
            ("Huawei", Company),
            ("Hubble", Company),
            // From the glossary: 无锡飞谱电子信息有限公司.
            ("Rainbow Simulation Technologies", Company),
            ("Baidu", Company),
            ("Tencent", Company),
            ("Xiaomi", Company),
            ("MOST", Agency),
            ("NEA", Agency),
            ("SAMR", Agency),
            ("CCP Central Committee", Agency),
            ("Ford Motor", Company),
            ("Zotye", Company),
            ("WeRide", Company),
            ("Geely", Company),
            ("SVOLT", Company),
            ("SAIC Motor", Company),
            ("Horizon Robotics", Company),
            ("Didi", Company),
        ]
    );
    let miit = &a.organisations[0];
    assert_eq!(miit.topics, [0, 1]);
    assert_eq!(miit.news, [1]);
    assert_eq!(
        miit.full_name.as_deref(),
        Some("Ministry of Industry and Information Technology")
    );
    // "The Ministry of Industry and Information Technology (MIIT)" is one mention.
    let first_glance: Vec<&str> = a.topics[0]
        .organisations
        .iter()
        .filter(|m| m.at.field == TextField::AtAGlance)
        .map(|m| m.matched.as_str())
        .collect();
    assert_eq!(
        first_glance,
        ["Ministry of Industry and Information Technology"]
    );
    // Spans point into the field's text.
    let (brief, _) = sample();
    let svolt = &a.news[11].organisations[0];
    assert_eq!(&brief.news[11].text[svolt.start..svolt.end], "SVOLT");
    // "SOEs", "VPN", "Two Zones" and the zones are glossary terms, not organisations.
    for not_org in ["SOEs", "VPN", "Two Zones", "S&T", "EU"] {
        assert!(
            !a.organisations.iter().any(|o| o.name == not_org),
            "{not_org}"
        );
    }
}

#[test]
fn sample_bodies_normalise_with_its_glossary() {
    let (brief, _) = sample();
    for body in [
        "MIIT",
        "Ministry of Industry and Information Technology",
        "the MIIT",
        "工信部",
    ] {
        assert_eq!(normalise_body(body, &brief.glossary), "MIIT");
    }
    assert_eq!(
        normalise_body("Rainbow Simulation Technologies", &brief.glossary),
        "Rainbow Simulation Technologies"
    );
    assert_eq!(
        normalise_body("无锡飞谱电子信息有限公司", &brief.glossary),
        "Rainbow Simulation Technologies"
    );
}

#[test]
fn empty_and_odd_briefs() {
    assert_eq!(analyse(&Brief::default()), BriefAnalysis::default());
    let mut brief = Brief::default();
    brief.glossary.push(GlossaryEntry {
        term: String::new(),
        meaning: String::new(),
        kind: GlossaryKind::Acronym,
    });
    brief.topics.push(crate::model::Topic {
        at_a_glance: "By 2030,".into(),
        policy: Some(crate::model::Policy {
            name: "(".into(),
            name_zh: Some("《》解读（".into()),
            issuing_body: Some(" , ; 、".into()),
            date: None,
        }),
        ..Default::default()
    });
    let a = analyse(&brief);
    assert_eq!(a.topics[0].targets[0].year, 2030);
    assert_eq!(
        a.topics[0].policy.as_ref().map(|p| p.issuing_bodies.len()),
        Some(0)
    );
}

/// A small deterministic generator, so the odd-input test needs no dependency.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn never_panics_on_generated_text() {
    const PIECES: &[&str] = &[
        "2",
        "0",
        "5",
        "1",
        ".",
        ",",
        " ",
        "-",
        "–",
        "(",
        ")",
        "（",
        "）",
        "《",
        "》",
        "〔",
        "〕",
        "年",
        "号",
        "前",
        "到",
        "医",
        "“",
        "”",
        "$",
        "€",
        "%",
        "％",
        "CNY ",
        "billion",
        "bn",
        "GW",
        "h",
        "by ",
        "in ",
        "next ",
        "five ",
        "years",
        "14th ",
        "Five-Year Plan",
        " period",
        "十四五",
        "期间",
        "MIIT",
        "NEA",
        "R",
        "\n",
        "e.g.",
        "Co.",
        "at least ",
        "companies",
        "解读",
        "征求意见稿",
        "Draft",
        "Notice on issuing",
        "the ",
        "国务院",
        "工信部规",
        "\u{a0}",
    ];
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    let matcher = OrgMatcher::new(&[]);
    let date = chrono::NaiveDate::from_ymd_opt(2021, 2, 9);
    for _ in 0..3000 {
        let len = usize::try_from(next(&mut seed) % 24).unwrap_or(0);
        let text: String = (0..len)
            .map(|_| PIECES[usize::try_from(next(&mut seed)).unwrap_or(0) % PIECES.len()])
            .collect();
        let _ = find_targets(&text, date);
        let _ = find_figures(&text);
        let _ = doc_info(&text, Some(&text));
        let _ = find_doc_numbers(&text);
        let _ = policy_key(&text, Some(&text));
        let _ = matcher.find(
            &text,
            FieldRef {
                field: TextField::NewsText,
                item: None,
            },
        );
        let _ = matcher.issuing_bodies(&text);
        let _ = year_range(&text);
        let _ = doc_type_in_text(&text);
        // Every span is on char boundaries.
        for f in find_figures(&text) {
            assert_eq!(text.get(f.start..f.end), Some(f.raw.as_str()));
        }
        for t in find_targets(&text, date) {
            assert_eq!(text.get(t.start..t.end), Some(t.phrase.as_str()));
        }
    }
}

#[test]
fn json_shape() {
    let (_, a) = sample();
    let json = serde_json::to_value(&a).expect("serialises");
    let target = &json["topics"][0]["targets"][0];
    assert_eq!(target["year"], 2023);
    assert_eq!(target["kind"], "goal");
    assert_eq!(
        target["text"],
        "It outlines several goals for 2023, including:"
    );
    assert_eq!(target["at"]["field"], "at_a_glance");
    let figure = &json["topics"][0]["figures"][1];
    assert_eq!(figure["value"], 7e10);
    assert_eq!(figure["unit"], "CNY");
    assert_eq!(figure["kind"], "money");
    assert_eq!(figure["raw"], "CNY 70 billion");
    let doc = &json["topics"][0]["policy"]["doc"];
    assert_eq!(doc["doc_type"], "interpretation");
    assert_eq!(doc["of"], "action_plan");
    assert_eq!(json["topics"][3]["policy"]["doc"]["doc_type"], "work_plan");
    let back: BriefAnalysis = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, a);
}
