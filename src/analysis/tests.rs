//! The analyst layer on the sample brief, on briefs of odd input, and the JSON shape.

use super::*;
use crate::model::{
    DocInfo, DocType, FigureKind, GlossaryEntry, GlossaryKind, Qualifier, Target, TargetKind,
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
    let goals = |year| {
        (
            year,
            TargetKind::Goal,
            if year == 2023 {
                "goals for 2023"
            } else {
                "goals for 2025"
            },
        )
    };
    assert_eq!(
        all,
        [
            // Topic 1: the action plan's four goals, and the MIIT draft's standards.
            goals(2023),
            goals(2023),
            goals(2023),
            goals(2023),
            (2025, TargetKind::Deadline, "by 2025"),
            // Topic 2: "over the next five years" from February 9, 2021, then the four goals
            // and the paragraph after them.
            (2025, TargetKind::Relative, "over the next five years"),
            goals(2025),
            goals(2025),
            goals(2025),
            goals(2025),
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
    let by_2030 = &a.topics[1].targets[5];
    assert!(
        by_2030
            .text
            .starts_with("By 2030, China is to become a global hub")
    );
    assert_eq!(by_2030.context, None);
    assert_eq!(by_2030.due, None);
    // Only the Didi deadline says more than its year.
    let dues: Vec<Option<chrono::NaiveDate>> = a
        .topics
        .iter()
        .flat_map(|t| &t.targets)
        .chain(a.news.iter().flat_map(|n| &n.targets))
        .filter_map(|t| t.due.map(Some))
        .collect();
    assert_eq!(dues, [chrono::NaiveDate::from_ymd_opt(2021, 6, 30)]);
}

/// Issue "Goals are targets": the four goals of topic 1 are four 2023 targets, each in its
/// bullet, with the lead-in as context; the lead-in is no row of its own.
#[test]
fn sample_goals_are_targets() {
    let (brief, a) = sample();
    let topic = &brief.topics[0];
    let lead = "It outlines several goals for 2023, including:";
    let goals: Vec<&Target> = a.topics[0]
        .targets
        .iter()
        .filter(|t| t.year == 2023)
        .collect();
    assert_eq!(goals.len(), 4);
    for (i, goal) in goals.iter().enumerate() {
        assert_eq!(goal.text, topic.points[i]);
        assert_eq!(goal.context.as_deref(), Some(lead));
        assert_eq!(goal.kind, TargetKind::Goal);
        assert_eq!(goal.due, None);
        assert_eq!(
            goal.at,
            Some(FieldRef {
                field: TextField::Point,
                item: Some(i)
            })
        );
        // The phrase's span is in the lead-in, in the summary.
        assert_eq!(&topic.at_a_glance[goal.start..goal.end], "goals for 2023");
    }
    assert!(goals[0].text.starts_with("Advance the application of 5G"));
    assert!(
        goals[3]
            .text
            .starts_with("Establish an Industrial Internet exchange")
    );
    let all = a
        .topics
        .iter()
        .flat_map(|t| &t.targets)
        .chain(a.news.iter().flat_map(|n| &n.targets));
    for t in all {
        assert!(!t.text.ends_with("including:"), "{t:?}");
    }
    // Topic 2's goals likewise; its paragraph after the bullets keeps its own target.
    let topic2: Vec<(i32, Option<usize>, bool)> = a.topics[1]
        .targets
        .iter()
        .map(|t| (t.year, t.at.and_then(|at| at.item), t.context.is_some()))
        .collect();
    assert_eq!(
        topic2,
        [
            (2025, None, false),
            (2025, Some(0), true),
            (2025, Some(1), true),
            (2025, Some(2), true),
            (2025, Some(3), true),
            (2030, None, false),
        ]
    );
}

/// A topic of `summary` and `points`, analysed without a reference date.
fn topic_targets(summary: &str, points: &[&str]) -> Vec<Target> {
    let brief = Brief {
        topics: vec![crate::model::Topic {
            at_a_glance: summary.into(),
            points: points.iter().map(|p| (*p).to_owned()).collect(),
            ..Default::default()
        }],
        ..Default::default()
    };
    analyse(&brief).topics.remove(0).targets
}

fn rows(targets: &[Target]) -> Vec<(i32, &str, &str, Option<&str>)> {
    targets
        .iter()
        .map(|t| {
            (
                t.year,
                t.phrase.as_str(),
                t.text.as_str(),
                t.context.as_deref(),
            )
        })
        .collect()
}

#[test]
fn a_lead_in_with_a_year_gives_it_to_each_bullet() {
    let lead = "The plan sets goals for 2025, including:";
    let found = topic_targets(
        &format!("A new plan is out. {lead}"),
        &[
            "Raise output of X",
            "By 2027, raise exports of Y",
            "Cut costs",
        ],
    );
    assert_eq!(
        rows(&found),
        [
            (2025, "goals for 2025", "Raise output of X", Some(lead)),
            (2027, "By 2027", "By 2027, raise exports of Y", Some(lead)),
            (2025, "goals for 2025", "Cut costs", Some(lead)),
        ]
    );
    assert_eq!(found[1].kind, TargetKind::Deadline);
    assert_eq!(
        (found[1].start, found[1].end),
        (0, 7),
        "the span in the bullet"
    );
    assert_eq!(found[2].at.and_then(|at| at.item), Some(2));

    // Other ways to lead in, with the deadline's precision carried to the bullets.
    let found = topic_targets("Its targets for 2025 include:", &["Build 20 depots"]);
    assert_eq!(
        rows(&found),
        [(
            2025,
            "targets for 2025",
            "Build 20 depots",
            Some("Its targets for 2025 include:")
        )]
    );
    let found = topic_targets(
        "By the end of 2025, the plan aims to:\n\nThe city pays for it.",
        &["double capacity", "close old plants"],
    );
    assert_eq!(found.len(), 2);
    for t in &found {
        assert_eq!((t.year, t.kind), (2025, TargetKind::Deadline));
        assert_eq!(t.due, chrono::NaiveDate::from_ymd_opt(2025, 12, 31));
        assert_eq!(
            t.context.as_deref(),
            Some("By the end of 2025, the plan aims to:")
        );
    }
}

#[test]
fn a_lead_in_without_a_year_leaves_the_bullets_their_own() {
    // Bullets with years of their own are targets as ever, without context; the others are
    // none.
    let found = topic_targets(
        "The plan lists several measures, including:",
        &[
            "By 2025, build 20 depots",
            "Cut red tape",
            "Open 5 labs by mid-2026",
        ],
    );
    assert_eq!(
        rows(&found),
        [
            (2025, "By 2025", "By 2025, build 20 depots", None),
            (2026, "by mid-2026", "Open 5 labs by mid-2026", None),
        ]
    );
    assert_eq!(found[1].due, chrono::NaiveDate::from_ymd_opt(2026, 6, 30));
}

#[test]
fn a_lead_in_that_cannot_be_read_stays_a_target() {
    // No bullets under it: the lead-in is the target.
    let found = topic_targets("It outlines several goals for 2023, including:", &[]);
    assert_eq!(
        rows(&found),
        [(
            2023,
            "goals for 2023",
            "It outlines several goals for 2023, including:",
            None
        )]
    );
    // Two lists whose points run together: which point is whose is unknown.
    let found = topic_targets(
        "It sets goals for 2023, including:\n\nIt also lists measures, including:",
        &["Build X", "Fund Y"],
    );
    assert_eq!(
        rows(&found),
        [(
            2023,
            "goals for 2023",
            "It sets goals for 2023, including:",
            None
        )]
    );
    // A lead-in that names two years: the nearer is the list's, the other a target of its own.
    let lead = "By 2030 the city wants a full network, and its targets for 2025 include:";
    let found = topic_targets(lead, &["Build X"]);
    assert_eq!(
        rows(&found),
        [
            (2030, "By 2030", lead, None),
            (2025, "targets for 2025", "Build X", Some(lead)),
        ]
    );
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
        "Advance the application of 5G-connected factories in manufacturing"
    );
    assert_eq!(
        target["context"],
        "It outlines several goals for 2023, including:"
    );
    assert_eq!(target["at"]["field"], "point");
    assert_eq!(target["at"]["item"], 0);
    // Fields without a value are left out; a due day is an ISO date.
    assert!(target.get("due").is_none());
    let by_2025 = &json["topics"][0]["targets"][4];
    assert!(by_2025.get("context").is_none() && by_2025.get("due").is_none());
    assert_eq!(json["news"][14]["targets"][0]["due"], "2021-06-30");
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
    // A target stored before `due` and `context` (with the `points` it had then) still reads.
    let old: Target = serde_json::from_str(
        r#"{"year":2023,"text":"It outlines several goals for 2023, including:","kind":"goal",
            "phrase":"goals for 2023","start":344,"end":358,"at":{"field":"at_a_glance"},
            "points":[0,1,2,3]}"#,
    )
    .expect("an older target reads");
    assert_eq!((old.year, old.due, old.context), (2023, None, None));
}

/// The organisations of one text with no glossary: (name, kind, words as written).
fn cued(text: &str) -> Vec<(String, OrgKind, String)> {
    let at = FieldRef {
        field: TextField::NewsText,
        item: None,
    };
    find_organisations(text, &[], at)
        .into_iter()
        .map(|m| (m.name, m.kind, m.matched))
        .collect()
}

fn cued_names(text: &str) -> Vec<String> {
    cued(text).into_iter().map(|(n, _, _)| n).collect()
}

#[test]
fn organisations_by_their_cues() {
    let got = cued(
        "Chinese battery maker Lumicell and startup Qingfeng Robotics joined Zhenhai Rare \
         Metals Group, Hangxin Precision Co., Ltd. and the Economic and Information Bureau of \
         Xiantao; the Xiantao Municipal Finance Bureau paid.",
    );
    let short: Vec<(&str, OrgKind)> = got.iter().map(|(n, k, _)| (n.as_str(), *k)).collect();
    assert_eq!(
        short,
        [
            ("Lumicell", OrgKind::Company),
            ("Qingfeng Robotics", OrgKind::Company),
            ("Zhenhai Rare Metals Group", OrgKind::Company),
            ("Hangxin Precision", OrgKind::Company),
            (
                "Economic and Information Bureau of Xiantao",
                OrgKind::Agency
            ),
            ("Xiantao Municipal Finance Bureau", OrgKind::Agency),
        ]
    );
    assert_eq!(got[3].2, "Hangxin Precision Co., Ltd");
    for (text, want) in [
        ("state-owned carmaker Jianghu Motors", "Jianghu Motors"),
        ("the EV start-up Feiyu Mobility said", "Feiyu Mobility"),
        (
            "Startup Qingfeng Robotics raises money.",
            "Qingfeng Robotics",
        ),
        ("German supplier Brennwerk AG opens", "Brennwerk"),
        ("Veltrix Inc. sells chips", "Veltrix"),
        ("Lidara Technologies GmbH opened", "Lidara Technologies"),
        (
            "Koda Seimitsu Corporation makes furnaces",
            "Koda Seimitsu Corporation",
        ),
        (
            "the Aluminum Corporation of China",
            "Aluminum Corporation of China",
        ),
        ("In March Zhenhai Group said", "Zhenhai Group"),
        (
            "the Jiangsu Administration for Market Regulation",
            "Jiangsu Administration for Market Regulation",
        ),
        (
            "the Ministry of Urban Mobility of Laos",
            "Ministry of Urban Mobility of Laos",
        ),
        (
            "a survey by the Bureau of Statistics of Hubei",
            "Bureau of Statistics of Hubei",
        ),
        (
            "Jiangnan Wafer Technology Co. Ltd announces",
            "Jiangnan Wafer Technology",
        ),
    ] {
        assert_eq!(cued_names(text), [want], "{text}");
    }
}

#[test]
fn cues_leave_list_names_and_common_words_alone() {
    // A list name wins, once.
    for (text, want) in [
        (
            "Huawei Technologies Co., Ltd. and Chinese tech giant Huawei",
            vec!["Huawei", "Huawei"],
        ),
        ("chipmaker SMIC and Alibaba Group", vec!["SMIC", "Alibaba"]),
        ("the Chinese Ministry of Commerce", vec!["MOFCOM"]),
        (
            "the MIIT and the Xiantao Municipal Finance Bureau",
            vec!["MIIT", "Xiantao Municipal Finance Bureau"],
        ),
    ] {
        assert_eq!(cued_names(text), want, "{text}");
    }
    for text in [
        "The Bureau said. The Commission agreed, and the Ministry did too.",
        "Policy maker Li Qiang and decision makers in Beijing met.",
        "Chinese companies, foreign firms and tech giants in February.",
        "countries covered by the Belt and Road Initiative",
        "a company The Economist visited; the company Chinese officials named",
        "China Group and the Chinese Commission",
        "Company statement (EN); Co-operation Fund; Ltd",
        "the group Monday and startup In the end",
        "Made in China 2025, the Two Zones and the Industrial Internet",
        "Interim Measures for the Administration of Rare Earth Permanent Magnet Production Quotas",
        "Opinions on the Commission of Inquiry",
    ] {
        assert!(cued(text).is_empty(), "{text}: {:?}", cued(text));
    }
}
