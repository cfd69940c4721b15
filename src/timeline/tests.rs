use chrono::{Datelike as _, NaiveDate};

use super::*;
use crate::library::tests::two_briefs;
use crate::library::{Filter, ItemKey, Library};
use crate::model::BriefId;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn mark(date: NaiveDate, kind: MarkKind) -> Mark {
    Mark {
        date,
        kind,
        row: crate::library::Row::Brief(0),
        event: 0,
    }
}

#[test]
fn marks_come_from_policies_news_and_events_through_the_filter() {
    let lib = two_briefs();
    let marks = collect_marks(&lib, &Filter::default());
    let count = |k| marks.iter().filter(|m| m.kind == k).count();
    assert_eq!(count(MarkKind::Policy), 5);
    assert_eq!(count(MarkKind::PolicyNews), 7);
    assert_eq!(count(MarkKind::CorporateNews), 9);
    assert_eq!(count(MarkKind::Event), 2);
    assert!(marks.windows(2).all(|w| w[0].date <= w[1].date));
    // Marks of one date and kind keep the order of their rows in the tables.
    let position = |m: &Mark| {
        let rows = lib.rows(m.view());
        (rows.iter().position(|r| *r == m.row).unwrap(), m.event)
    };
    let ties: Vec<_> = (marks.windows(2))
        .filter(|w| (w[0].date, w[0].kind) == (w[1].date, w[1].kind))
        .collect();
    assert!(!ties.is_empty());
    assert!(ties.iter().all(|w| position(&w[0]) < position(&w[1])));
    let filter = Filter {
        search: "医疗".into(),
        ..Filter::default()
    };
    let only = collect_marks(&lib, &filter);
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].date, d(2021, 2, 9));
    assert_eq!(only[0].key(&lib), Some(ItemKey::Policy(BriefId(1), 1)));
}

#[test]
fn lanes_by_kind_or_by_body() {
    let lib = two_briefs();
    let marks = collect_marks(&lib, &Filter::default());
    let (names, lanes) = assign_lanes(&lib, &marks, LaneMode::Kind);
    assert_eq!(names.len(), MarkKind::ALL.len());
    assert!(marks.iter().zip(&lanes).all(|(m, l)| *l == m.kind as u16));
    let (names, lanes) = assign_lanes(&lib, &marks, LaneMode::Body);
    assert!(names.contains(&"MIIT".to_owned()) && names.contains(&"News".to_owned()));
    let miit = names.iter().position(|n| n == "MIIT").unwrap() as u16;
    assert_eq!(lanes.iter().filter(|l| **l == miit).count(), 2);
}

#[test]
fn clusters_hold_every_visible_mark_once() {
    // 1,000 marks a day apart in one lane, and a second lane with a few.
    let mut marks: Vec<Mark> = (0..1000)
        .map(|i| mark(d(2020, 1, 1) + chrono::Duration::days(i), MarkKind::Policy))
        .collect();
    marks.extend((0..5).map(|i| {
        mark(
            d(2020, 6, 1) + chrono::Duration::days(i * 60),
            MarkKind::Event,
        )
    }));
    marks.sort_by_key(|m| m.date);
    let (names, lanes) = assign_lanes(&Library::default(), &marks, LaneMode::Kind);
    for (from, to) in [
        (d(2019, 12, 1), d(2023, 1, 1)),
        (d(2020, 3, 1), d(2020, 4, 30)),
        (d(2020, 6, 1), d(2020, 6, 3)),
    ] {
        let scale = TimeScale::between(from, to);
        let layout = Layout::new(&marks, &names, &lanes, scale, Geometry::new(1000.0, 300.0));
        let mut members: Vec<u32> = layout
            .clusters
            .iter()
            .flat_map(|c| c.members.clone())
            .collect();
        members.sort_unstable();
        let expected: Vec<u32> = (0..marks.len() as u32)
            .filter(|&i| (from..=to).contains(&marks[i as usize].date))
            .collect();
        assert_eq!(members, expected, "{from}..{to}");
        assert_eq!(layout.visible, expected.len());
        assert!(
            layout
                .clusters
                .iter()
                .all(|c| c.members.iter().all(|&m| lanes[m as usize] == c.lane))
        );
    }
}

#[test]
fn zooming_in_splits_clusters() {
    let marks: Vec<Mark> = (0..30)
        .map(|i| {
            mark(
                d(2021, 2, 1) + chrono::Duration::days(i),
                MarkKind::PolicyNews,
            )
        })
        .collect();
    let (names, lanes) = assign_lanes(&Library::default(), &marks, LaneMode::Kind);
    let geometry = Geometry::new(800.0, 200.0);
    let wide = Layout::new(
        &marks,
        &names,
        &lanes,
        TimeScale::between(d(2011, 1, 1), d(2030, 1, 1)),
        geometry,
    );
    assert_eq!(wide.clusters.len(), 1);
    assert_eq!(wide.clusters[0].members.len(), 30);
    let close = Layout::new(
        &marks,
        &names,
        &lanes,
        TimeScale::between(d(2021, 1, 25), d(2021, 3, 7)),
        geometry,
    );
    assert_eq!(close.clusters.len(), 30);
    assert!(close.clusters.iter().all(|c| c.members.len() == 1));
}

#[test]
fn dense_lanes_show_discs_that_do_not_overlap() {
    // Ten years of marks, twenty a day in one lane and one a week in another: far more than
    // a 900-pixel lane can show one by one.
    let start = d(2015, 1, 1);
    let mut marks: Vec<Mark> = (0..3650 * 20)
        .map(|i| mark(start + chrono::Duration::days(i / 20), MarkKind::Policy))
        .collect();
    marks.extend((0..520).map(|i| mark(start + chrono::Duration::days(i * 7), MarkKind::Event)));
    marks.sort_by_key(|m| m.date);
    let (names, lanes) = assign_lanes(&Library::default(), &marks, LaneMode::Kind);
    let geometry = Geometry::new(1050.0, 200.0);
    let scale = TimeScale::between(d(2014, 12, 1), d(2025, 2, 1));
    let layout = Layout::new(&marks, &names, &lanes, scale, geometry);
    let held: usize = layout.clusters.iter().map(|c| c.members.len()).sum();
    assert_eq!(held, marks.len());
    for pair in layout.clusters.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.lane == b.lane {
            let g = &layout.geometry;
            let gap = b.x - a.x - radius(a, g) - radius(b, g);
            assert!(
                gap >= 1.9,
                "discs at {} and {} overlap by {}",
                a.x,
                b.x,
                -gap
            );
        }
    }
    // Each cluster's centre is its members' mean position, so it stays inside the plot.
    assert!(
        layout
            .clusters
            .iter()
            .all(|c| c.x >= geometry.label_width && c.x <= 1050.0)
    );
    let dense = layout
        .clusters
        .iter()
        .filter(|c| c.lane == lanes[0])
        .count();
    assert!(
        (10..=40).contains(&dense),
        "{dense} clusters in the dense lane"
    );
}

#[test]
fn hit_testing_finds_the_marker_under_the_pointer() {
    let marks = vec![
        mark(d(2021, 2, 5), MarkKind::Policy),
        mark(d(2021, 2, 20), MarkKind::CorporateNews),
    ];
    let (names, lanes) = assign_lanes(&Library::default(), &marks, LaneMode::Kind);
    let layout = Layout::new(
        &marks,
        &names,
        &lanes,
        TimeScale::between(d(2021, 2, 1), d(2021, 2, 28)),
        Geometry::new(1000.0, 400.0),
    );
    let second = &layout.clusters[1];
    assert_eq!(layout.hit(second.x + 2.0, second.y - 2.0), Some(1));
    assert_eq!(
        layout.hit(layout.clusters[0].x, layout.clusters[0].y),
        Some(0)
    );
    assert_eq!(layout.hit(second.x + 40.0, second.y), None);
    assert_eq!(layout.hit(second.x, second.y + 60.0), None, "other lane");
}

#[test]
fn same_day_marks_stack_when_the_lane_has_room() {
    let marks = vec![
        mark(d(2021, 2, 18), MarkKind::Policy),
        mark(d(2021, 2, 18), MarkKind::Policy),
    ];
    let (names, lanes) = assign_lanes(&Library::default(), &marks, LaneMode::Kind);
    let scale = TimeScale::between(d(2021, 2, 1), d(2021, 2, 28));
    let tall = Layout::new(&marks, &names, &lanes, scale, Geometry::new(800.0, 400.0));
    assert_eq!(tall.clusters.len(), 2);
    assert_eq!(tall.clusters[0].x, tall.clusters[1].x);
    assert!(tall.clusters[1].y - tall.clusters[0].y >= 12.0);
    assert_ne!(
        tall.hit(tall.clusters[1].x, tall.clusters[1].y),
        tall.hit(tall.clusters[0].x, tall.clusters[0].y)
    );
    let flat = Layout::new(&marks, &names, &lanes, scale, Geometry::new(800.0, 80.0));
    assert_eq!(
        flat.clusters.len(),
        1,
        "no room: they merge into a cluster of 2"
    );
    assert_eq!(flat.clusters[0].members.len(), 2);
}

#[test]
fn a_date_range_filter_limits_the_marks() {
    let lib = two_briefs();
    let filter = Filter {
        from: Some(d(2021, 2, 18)),
        to: Some(d(2021, 2, 22)),
        ..Filter::default()
    };
    let marks = collect_marks(&lib, &filter);
    assert!(!marks.is_empty());
    assert!(
        marks
            .iter()
            .all(|m| (d(2021, 2, 18)..=d(2021, 2, 22)).contains(&m.date)),
        "{marks:?}"
    );
    assert_eq!(
        marks.iter().filter(|m| m.kind == MarkKind::Policy).count(),
        2
    );
}

#[test]
fn events_are_kept_by_their_own_date() {
    let lib = two_briefs();
    let filter = Filter {
        from: Some(d(2021, 2, 6)),
        to: Some(d(2021, 2, 8)),
        ..Filter::default()
    };
    let events: Vec<_> = collect_marks(&lib, &filter)
        .into_iter()
        .filter(|m| m.kind == MarkKind::Event)
        .map(|m| m.date)
        .collect();
    assert_eq!(
        events,
        [d(2021, 2, 7)],
        "topic 5 has no policy date, its Feb 7 event still shows"
    );
}

#[test]
fn targets_fall_due_in_their_own_deadlines_lane() {
    let lib = crate::library::tests::two_briefs_analysed();
    let marks = collect_marks(&lib, &Filter::default());
    let mut years: Vec<i32> = marks
        .iter()
        .filter(|m| m.kind == MarkKind::Deadline)
        .map(|m| {
            assert_eq!(
                (m.date.month(), m.date.day()),
                (12, 31),
                "the year's last day"
            );
            assert!(matches!(m.key(&lib), Some(ItemKey::Target(..))));
            m.date.year()
        })
        .collect();
    years.sort();
    years.dedup();
    for year in [2023, 2025, 2030, 2050] {
        assert!(years.contains(&year), "{year} in {years:?}");
    }
    // By body too, deadlines keep a lane of their own, apart from the issue dates.
    let (names, lanes) = assign_lanes(&lib, &marks, LaneMode::Body);
    let deadlines = names.iter().position(|n| n == "Deadlines").unwrap() as u16;
    for (mark, lane) in marks.iter().zip(&lanes) {
        assert_eq!(mark.kind == MarkKind::Deadline, *lane == deadlines);
    }
}

#[test]
fn fitting_leaves_deadlines_out_unless_there_is_nothing_else() {
    let marks = vec![
        mark(d(2021, 2, 1), MarkKind::Policy),
        mark(d(2021, 2, 20), MarkKind::PolicyNews),
        mark(d(2050, 12, 31), MarkKind::Deadline),
    ];
    let fit = fit_marks(&marks).unwrap();
    assert_eq!(
        fit,
        TimeScale::fit([day_number(d(2021, 2, 1)), day_number(d(2021, 2, 20))]).unwrap()
    );
    let only = fit_marks(&marks[2..]).unwrap();
    assert_eq!(only, TimeScale::fit([day_number(d(2050, 12, 31))]).unwrap());
}

#[test]
fn the_same_policy_in_two_briefs_is_joined() {
    let lib = crate::library::tests::with_final_version();
    let marks = collect_marks(&lib, &Filter::default());
    let links = policy_links(&lib, &marks);
    assert_eq!(links.len(), 1, "{links:?}");
    let (a, b) = links[0];
    let dates = [marks[a as usize].date, marks[b as usize].date];
    assert_eq!(dates, [d(2021, 2, 9), d(2021, 12, 28)]);
    assert!(policy_links(&crate::library::tests::two_briefs_analysed(), &marks[..0]).is_empty());
}

#[test]
fn a_policy_named_in_many_briefs_is_joined_as_a_chain_not_every_pair() {
    let brief = two_briefs().briefs()[0].clone();
    let briefs: Vec<_> = (1..=5)
        .map(|id| crate::model::StoredBrief {
            id: BriefId(id),
            ..brief.clone()
        })
        .collect();
    let lib = crate::library::tests::analysed(briefs);
    let marks = collect_marks(&lib, &Filter::default());
    let policies = marks.iter().filter(|m| m.kind == MarkKind::Policy).count();
    assert_eq!(policies % 5, 0);
    let links = policy_links(&lib, &marks);
    // Every policy is named in five briefs: four links each, one to the next.
    assert_eq!(links.len(), policies / 5 * 4, "{links:?}");
    let key = |i: u32| {
        let crate::library::Row::Topic(b, t) = marks[i as usize].row else {
            panic!("a policy mark is a topic");
        };
        lib.policy_analysis(b, t).unwrap().key.clone().unwrap()
    };
    for &(a, b) in &links {
        assert!(a < b);
        assert_eq!(key(a), key(b));
    }
}
