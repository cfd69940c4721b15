use super::*;
use crate::model::Section;
use crate::model::{BriefId, StoredBrief};
use crate::parse::parse_brief;

pub(crate) const SAMPLE: &str = include_str!("../../seeds/merics-china-industries-2021-02.txt");

/// The sample plus a second, small brief of our own.
pub(crate) fn two_briefs() -> Library {
    Library::new(two_stored())
}

/// The briefs of [`two_briefs`], whole (a library drops its briefs' glossaries).
fn two_stored() -> Vec<StoredBrief> {
    let second = "\
A + B

1. Solar makers expand

At a glance: Some makers add lines for wafers.

MERICS comment: Capacity may outrun demand.

Policy name: Solar Notice (光伏通知) (Link)
Issuing body: NEA
Date: March 3, 2021

WORTH NOTING

Corporate news

  • March 4: A maker opens a plant (Maker release (EN))
";
    let stored = |id, text: &str| StoredBrief {
        id: BriefId(id),
        file_name: format!("{id}.txt"),
        imported_at: "2026-11-28T10:00:00+00:00".into(),
        brief: parse_brief(text).unwrap(),
    };
    vec![stored(1, SAMPLE), stored(2, second)]
}

/// [`two_briefs`] with each brief's analysis, as the library thread gives it.
pub(crate) fn two_briefs_analysed() -> Library {
    analysed(two_stored())
}

/// A library of `briefs` with each brief's analysis.
pub(crate) fn analysed(briefs: Vec<StoredBrief>) -> Library {
    let analyses = briefs
        .iter()
        .map(|s| crate::analysis::analyse(&s.brief))
        .collect();
    Library::new(briefs).with_analyses(analyses)
}

fn column(lib: &Library, view: View, rows: &[Row], col: usize) -> Vec<String> {
    rows.iter()
        .map(|r| lib.cell(view, *r, col).into_owned())
        .collect()
}

#[test]
fn rows_per_view() {
    let lib = two_briefs();
    assert_eq!(lib.rows(View::Policies).len(), 5);
    assert_eq!(lib.rows(View::Topics).len(), 6);
    assert_eq!(lib.rows(View::News).len(), 16);
    assert_eq!(lib.rows(View::Briefs).len(), 2);
    assert!(lib.rows(View::Glossary).len() >= 15);
    assert_eq!(
        lib.full_name("MIIT"),
        Some("Ministry of Industry and Information Technology")
    );
    let miit = lib
        .rows(View::Glossary)
        .iter()
        .find(|r| lib.cell(View::Glossary, **r, 0) == "MIIT")
        .unwrap();
    assert_eq!(
        lib.cell(View::Glossary, *miit, 3),
        "9",
        "every MIIT in the sample file"
    );
}

#[test]
fn search_is_case_insensitive_and_finds_short_chinese() {
    let lib = two_briefs();
    let filter = |s: &str| Filter {
        search: s.into(),
        ..Filter::default()
    };
    let hits = filter("医疗").matching(&lib, View::Policies);
    assert_eq!(column(&lib, View::Policies, &hits, 0), ["2021-02-09"]);
    assert_eq!(filter("svolt").matching(&lib, View::News).len(), 1);
    assert_eq!(
        filter("solar notice").matching(&lib, View::Policies).len(),
        1
    );
    assert!(
        filter("solar 医疗")
            .matching(&lib, View::Policies)
            .is_empty()
    );
}

#[test]
fn facets_combine_and_counts_follow_the_other_filters() {
    let lib = two_briefs();
    let mut f = Filter::default();
    f.bodies.insert("MIIT".into());
    assert_eq!(f.matching(&lib, View::Policies).len(), 2);
    f.periods.insert("2021-03".into());
    assert!(f.matching(&lib, View::Policies).is_empty());
    let counts = f.facet_counts(&lib, View::Policies);
    // Body counts follow the period filter; period counts follow the body filter.
    assert_eq!(counts.bodies.get("NEA"), Some(&1));
    assert_eq!(counts.bodies.get("MIIT"), None);
    assert_eq!(counts.periods.get("2021-02"), Some(&2));

    let mut news = Filter::default();
    news.sections.insert(Section::Corporate);
    news.langs
        .insert(LangFacet::Lang(crate::model::Lang::Chinese));
    let rows = news.matching(&lib, View::News);
    assert_eq!(rows.len(), 6, "corporate news with a Chinese source");
    let counts = news.facet_counts(&lib, View::News);
    assert_eq!(counts.sections.get(&Section::Policy), Some(&7));
}

#[test]
fn date_range_filters_dated_rows() {
    let lib = two_briefs();
    let f = Filter {
        from: chrono::NaiveDate::from_ymd_opt(2021, 2, 18),
        to: chrono::NaiveDate::from_ymd_opt(2021, 2, 28),
        ..Filter::default()
    };
    let rows = f.matching(&lib, View::Policies);
    assert_eq!(
        column(&lib, View::Policies, &rows, 0),
        ["2021-02-18", "2021-02-18"]
    );
    let counts = Filter::default().facet_counts(&lib, View::News);
    assert_eq!(
        counts.dates,
        Some((
            chrono::NaiveDate::from_ymd_opt(2021, 2, 2).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2021, 3, 4).unwrap()
        ))
    );
}

#[test]
fn sorting_is_stable_and_reverses() {
    let lib = two_briefs();
    let mut sort = SortState::default();
    let mut rows = lib.rows(View::Policies).to_vec();
    sort.click(0);
    sort.apply(&lib, View::Policies, &mut rows);
    assert_eq!(
        column(&lib, View::Policies, &rows, 0),
        [
            "2021-02-05",
            "2021-02-09",
            "2021-02-18",
            "2021-02-18",
            "2021-03-03"
        ]
    );
    sort.click(0);
    sort.apply(&lib, View::Policies, &mut rows);
    assert_eq!(column(&lib, View::Policies, &rows, 0)[0], "2021-03-03");
    // Date descending, then body: grouped by body, date descending within.
    sort.click(3);
    let mut rows = lib.rows(View::Policies).to_vec();
    sort.apply(&lib, View::Policies, &mut rows);
    let pairs: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                lib.cell(View::Policies, *r, 3),
                lib.cell(View::Policies, *r, 0)
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            "Beijing Municipal Economic and Information Bureau 2021-02-18",
            "MIIT 2021-02-18",
            "MIIT 2021-02-09",
            "MOT 2021-02-05",
            "NEA 2021-03-03",
        ]
    );
}

#[test]
fn numbers_sort_as_numbers() {
    let lib = two_briefs();
    let mut sort = SortState::default();
    sort.click(5);
    let mut rows = lib.rows(View::Topics).to_vec();
    sort.apply(&lib, View::Topics, &mut rows);
    assert_eq!(
        column(&lib, View::Topics, &rows, 5),
        ["0", "2", "3", "4", "4", "4"]
    );
}

#[test]
fn keys_survive_a_reload() {
    let lib = two_briefs();
    let row = lib.rows(View::News)[15];
    let key = lib.key(View::News, row).unwrap();
    assert_eq!(key, ItemKey::News(BriefId(2), 0));
    let again = two_briefs();
    assert_eq!(again.row_of(&key), Some(row));
    assert_eq!(Library::view_of(&key), View::News);
}

#[test]
fn a_footer_naming_several_bodies_counts_for_each() {
    assert_eq!(
        filter::split_bodies("MIIT, NDRC; Ministry of Ecology and Environment"),
        ["MIIT", "NDRC", "Ministry of Ecology and Environment"]
    );
    assert_eq!(
        filter::split_bodies("Beijing Municipal Economic and Information Bureau"),
        ["Beijing Municipal Economic and Information Bureau"]
    );
    // One body or several, in either script, as a plain split by every separator gives.
    for text in [
        " MIIT ",
        "",
        "   ",
        "国务院",
        "工信部、发改委",
        "工信部；发改委",
        "A,,B",
        "NEA; ",
        "「」",
    ] {
        let split: Vec<&str> = (text.split([',', ';', '、', '；']))
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .collect();
        assert_eq!(filter::split_bodies(text), split, "{text:?}");
    }
}

/// The order the first version gave: one full stable sort per key, oldest key first.
fn reference_sort(lib: &Library, view: View, sort: &SortState, rows: &mut [Row]) {
    for key in sort.keys.iter().rev() {
        let align = columns(view)[key.column].align;
        let text = |r: &Row| {
            let cell = lib.cell(view, *r, key.column).into_owned();
            match align {
                Align::Text => cell.to_lowercase(),
                _ => cell,
            }
        };
        rows.sort_by(|a, b| {
            let (ta, tb) = (text(a), text(b));
            match (ta.is_empty(), tb.is_empty()) {
                (true, true) => std::cmp::Ordering::Equal,
                (true, false) => std::cmp::Ordering::Greater,
                (false, true) => std::cmp::Ordering::Less,
                _ => {
                    let number = |t: &str| t.replace(',', "").parse::<f64>().unwrap_or(f64::MAX);
                    let order = match align {
                        Align::Number => number(&ta).total_cmp(&number(&tb)),
                        _ => ta.cmp(&tb),
                    };
                    if key.ascending {
                        order
                    } else {
                        order.reverse()
                    }
                }
            }
        });
    }
}

#[test]
fn ranked_sorting_gives_the_order_of_one_stable_sort_per_key() {
    let briefs: Vec<_> = (0..15)
        .map(|i| crate::generate::stored_brief(i, 3))
        .collect();
    let lib = analysed(briefs);
    assert!(!lib.rows(View::Targets).is_empty() && !lib.rows(View::Figures).is_empty());
    for view in View::ALL {
        let n = columns(view).len();
        // Every column both ways, then three-key combinations.
        let mut sorts: Vec<SortState> = Vec::new();
        for c in 0..n {
            let mut s = SortState::default();
            s.click(c);
            sorts.push(s.clone());
            s.click(c);
            sorts.push(s);
        }
        for c in 0..n {
            let mut s = SortState::default();
            s.click(c);
            s.click((c + 1) % n);
            s.click((c + 2) % n);
            s.click((c + 2) % n);
            sorts.push(s);
        }
        for sort in sorts {
            let filter = Filter::default();
            let (fast, _) = lib.query(view, &filter, &sort);
            let mut slow = lib.rows(view).to_vec();
            reference_sort(&lib, view, &sort, &mut slow);
            assert_eq!(fast, slow, "{view:?} {sort:?}");
            let mut applied = lib.rows(view).to_vec();
            sort.apply(&lib, view, &mut applied);
            assert_eq!(applied, slow, "{view:?} {sort:?}");
        }
    }
}

#[test]
fn targets_figures_and_document_types_are_rows_columns_and_facets() {
    let lib = two_briefs_analysed();
    let years = column(&lib, View::Targets, lib.rows(View::Targets), 0);
    for year in ["2023", "2025", "2030", "2050"] {
        assert!(years.iter().any(|y| y == year), "{year} in {years:?}");
    }
    // Figures sort by their normalised value: USD 190 billion above CNY 70 billion above
    // CNY 10 billion; the unit column says which currency.
    let mut sort = SortState::default();
    sort.click(0);
    sort.click(0);
    let (order, _) = lib.query(View::Figures, &Filter::default(), &sort);
    let raw = column(&lib, View::Figures, &order, 2);
    let at = |needle: &str| raw.iter().position(|r| r.contains(needle)).unwrap();
    assert!(at("USD 190 billion") < at("CNY 70 billion"));
    assert!(at("CNY 70 billion") < at("CNY 10 billion"));
    assert_eq!(
        column(&lib, View::Figures, &order, 0)[at("CNY 70 billion")],
        "70,000,000,000"
    );
    assert!(raw.iter().any(|r| r == "20 GWh"));
    // Search reaches targets; a target's policy body is a facet.
    let f = Filter {
        search: "2050".into(),
        ..Filter::default()
    };
    assert_eq!(f.matching(&lib, View::Targets).len(), 1);
    // Document types: a column and a facet of Policies.
    let types = column(&lib, View::Policies, lib.rows(View::Policies), 6);
    assert_eq!(types[0], "interpretation of action plan");
    assert_eq!(types[1], "plan (draft for comments)");
    let counts = Filter::default().facet_counts(&lib, View::Policies);
    assert_eq!(counts.doc_types.get("plan"), Some(&1));
    let plans = Filter {
        doc_types: ["plan".to_owned()].into(),
        ..Filter::default()
    };
    let rows = plans.matching(&lib, View::Policies);
    assert_eq!(column(&lib, View::Policies, &rows, 0), ["2021-02-09"]);
    // Keys survive a reload.
    let row = lib.rows(View::Targets)[3];
    let key = lib.key(View::Targets, row).unwrap();
    assert_eq!(two_briefs_analysed().row_of(&key), Some(row));
}

/// [`two_briefs`] and a later brief of our own that reports the final version of the sample's
/// draft plan, issued under the ministry's full name; with analyses.
pub(crate) fn with_final_version() -> Library {
    let later = "\
Final plans + More

1. The medical equipment plan is final

At a glance: The ministry turned last year's draft into its final plan, with few changes. It sets aside CNY 5 billion for hospital equipment by 2025.

MERICS comment: Huawei and Baidu were not named in it, unlike in other plans.

Policy name: Medical Equipment Industry Development Plan (2021-2025) (医疗装备产业发展规划(2021-2025年)) (Link)
Issuing body: Ministry of Industry and Information Technology
Date: December 28, 2021
";
    let mut briefs = two_briefs().briefs().to_vec();
    briefs.push(StoredBrief {
        id: BriefId(3),
        file_name: "3.txt".into(),
        imported_at: "2026-11-28T10:00:00+00:00".into(),
        brief: parse_brief(later).unwrap(),
    });
    let analyses = briefs
        .iter()
        .map(|s| crate::analysis::analyse(&s.brief))
        .collect();
    Library::new(briefs).with_analyses(analyses)
}

#[test]
fn one_policy_across_briefs_organisations_and_bodies_by_their_usual_names() {
    let lib = with_final_version();
    // The draft (sample, topic 2) and the final version link both ways.
    assert_eq!(lib.same_policy(0, 1), [(2, 0)]);
    assert_eq!(lib.same_policy(2, 0), [(0, 1)]);
    assert!(lib.same_policy(0, 0).is_empty());
    // The full name counts as MIIT in the body facet.
    let counts = Filter::default().facet_counts(&lib, View::Policies);
    assert_eq!(counts.bodies.get("MIIT"), Some(&3));
    assert_eq!(
        counts
            .bodies
            .get("Ministry of Industry and Information Technology"),
        None
    );
    // Targets and figures count their policy's bodies by the same names.
    for view in [View::Targets, View::Figures] {
        let counts = Filter::default().facet_counts(&lib, view);
        assert!(
            !counts
                .bodies
                .contains_key("Ministry of Industry and Information Technology"),
            "{view:?}: {:?}",
            counts.bodies
        );
        assert!(counts.bodies.contains_key("MIIT"), "{view:?}");
    }
    // Organisations: one row per name across briefs, with every item that names it.
    let names = column(&lib, View::Organisations, lib.rows(View::Organisations), 0);
    let huawei = names.iter().position(|n| n == "Huawei").unwrap();
    let row = lib.rows(View::Organisations)[huawei];
    let Row::Org(i) = row else { panic!("{row:?}") };
    let org = lib.org(i).unwrap();
    assert_eq!(org.briefs, [0, 2]);
    assert!(org.items.contains(&(2, Origin::Topic(0))));
    let f = Filter {
        search: "huawei".into(),
        ..Filter::default()
    };
    assert_eq!(f.matching(&lib, View::Organisations), [row]);
}

#[test]
fn findings_keep_one_copy_of_a_sentence_and_come_out_in_brief_order_whatever_order_they_came_in() {
    let briefs: Vec<_> = (0..6)
        .map(|i| crate::generate::stored_brief(i, 5))
        .collect();
    let analyses: Vec<_> = briefs
        .iter()
        .map(|s| crate::analysis::analyse(&s.brief))
        .collect();
    let in_order = Library::new(briefs.clone()).with_analyses(analyses.clone());
    // Backwards, with one brief given twice: the second copy changes nothing.
    let mut builder = FindingsBuilder::new(briefs.len());
    for (b, analysis) in analyses.iter().enumerate().rev() {
        builder.add(b, analysis.clone());
    }
    builder.add(0, crate::model::BriefAnalysis::default());
    let backwards = Library::new(briefs);
    backwards.install_findings(builder);
    for view in [View::Targets, View::Figures, View::Organisations] {
        assert!(!in_order.rows(view).is_empty(), "{view:?}");
        for c in 0..columns(view).len() {
            let rows = in_order.rows(view);
            assert_eq!(
                column(&in_order, view, rows, c),
                column(&backwards, view, backwards.rows(view), c),
                "{view:?} column {c}"
            );
        }
    }
    // Findings in one sentence hold the same string, not copies; the words of each finding
    // are in its sentence, so search finds them through it.
    let figures: Vec<FigureRow> = (0..in_order.rows(View::Figures).len() as u32)
        .filter_map(|i| in_order.figure(i))
        .collect();
    let shared = figures.windows(2).find(|w| w[0].text == w[1].text).unwrap();
    assert!(std::ptr::eq(shared[0].text, shared[1].text));
    for (i, figure) in figures.iter().enumerate() {
        let filter = Filter {
            search: figure.raw.to_uppercase(),
            ..Filter::default()
        };
        let found = filter.matching(&in_order, View::Figures);
        assert!(found.contains(&Row::Figure(i as u32)), "{}", figure.raw);
    }
}

#[test]
fn a_findings_words_missing_from_its_sentence_are_kept_and_searched_apart() {
    use crate::model::{BriefAnalysis, Figure, FigureKind, NewsAnalysis};
    let figure = |raw: &str| Figure {
        value: 5.0,
        unit: "project".into(),
        text: "Five pilot projects were named in the plan.".into(),
        raw: raw.into(),
        kind: FigureKind::Count,
        upper: None,
        qualifier: None,
        start: 0,
        end: 4,
        at: None,
    };
    let analysis = BriefAnalysis {
        news: vec![NewsAnalysis {
            figures: vec![
                figure("Five pilot projects"),
                figure("5 demonstration zones"),
            ],
            ..NewsAnalysis::default()
        }],
        ..BriefAnalysis::default()
    };
    let lib = two_briefs();
    let mut builder = FindingsBuilder::new(lib.briefs().len());
    builder.add(1, analysis);
    lib.install_findings(builder);
    let (inside, apart) = (lib.figure(0).unwrap(), lib.figure(1).unwrap());
    assert_eq!((inside.raw, inside.brief), ("Five pilot projects", 1));
    assert_eq!(apart.raw, "5 demonstration zones");
    assert_eq!(apart.text, inside.text);
    assert_eq!(apart.unit, "project");
    let search = |words: &str| {
        Filter {
            search: words.into(),
            ..Filter::default()
        }
        .matching(&lib, View::Figures)
    };
    assert_eq!(search("DEMONSTRATION"), [Row::Figure(1)]);
    assert_eq!(search("pilot"), [Row::Figure(0), Row::Figure(1)]);
}

#[test]
fn the_series_is_a_facet_across_views() {
    let mut briefs = two_stored();
    briefs[1].brief.series = Some("MERICS China Essentials".to_owned());
    let lib = analysed(briefs);
    let counts = Filter::default().facet_counts(&lib, View::Briefs);
    assert_eq!(
        counts.series.into_iter().collect::<Vec<_>>(),
        [
            ("MERICS China Essentials".to_owned(), 1),
            ("MERICS China Industries".to_owned(), 1)
        ]
    );
    let essentials = Filter {
        series: ["MERICS China Essentials".to_owned()].into(),
        ..Filter::default()
    };
    let briefs = essentials.matching(&lib, View::Briefs);
    assert_eq!(briefs, [Row::Brief(1)]);
    // Topics and news follow their brief's series.
    let topics = essentials.matching(&lib, View::Topics);
    assert!(!topics.is_empty());
    assert!(topics.iter().all(|r| matches!(r, Row::Topic(1, _))));
    let news = essentials.matching(&lib, View::News);
    assert!(news.iter().all(|r| matches!(r, Row::News(1, _))));
    // The other facets count within the series.
    let counts = essentials.facet_counts(&lib, View::News);
    assert_eq!(counts.sections.values().sum::<usize>(), news.len());
}
