//! The whole app driven through its accessibility tree (egui_kittest): no display, no GPU.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use briefdesk::app::{App, AppConfig};
use briefdesk::library::{ItemKey, View};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn app(library: &Path) -> Harness<'static, App> {
    let mut harness = app_unloaded(library);
    wait_until(&mut harness, "the library loads", |app| app.is_loaded());
    harness
}

/// Steps frames until `done` holds (the library thread answers asynchronously).
fn wait_until(harness: &mut Harness<'_, App>, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(harness.state()) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting until {what}"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run();
}

#[test]
fn clicking_a_header_sorts_and_again_reverses() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(&dir.path().join("lib.sqlite"));
    assert_eq!(h.state().view(), View::Policies);
    let unsorted = h.state().column_texts(0);
    assert_eq!(
        unsorted,
        ["2021-02-18", "2021-02-09", "2021-02-05", "2021-02-18"]
    );
    h.get_by_label("Date").click();
    h.run();
    assert_eq!(
        h.state().column_texts(0),
        ["2021-02-05", "2021-02-09", "2021-02-18", "2021-02-18"]
    );
    assert!(
        h.query_by_label("↑").is_some(),
        "the arrow shows the direction"
    );
    h.get_by_label("Date").click();
    h.run();
    assert_eq!(
        h.state().column_texts(0),
        ["2021-02-18", "2021-02-18", "2021-02-09", "2021-02-05"]
    );
    assert!(
        h.query_by_label("↓").is_some(),
        "the arrow shows the direction"
    );
}

#[test]
fn typing_in_search_filters_rows_and_escape_clears() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(&dir.path().join("lib.sqlite"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(egui::Event::Text("医疗".into()));
    h.run();
    assert_eq!(h.state().column_texts(0), ["2021-02-09"]);
    assert!(h.query_by_label("1 of 4 policies").is_some());
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().column_texts(0).len(), 4);
}

#[test]
fn selecting_a_row_fills_the_detail_and_arrows_move() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(&dir.path().join("lib.sqlite"));
    assert!(
        h.query_by_label("Select a row to see its details here.")
            .is_some()
    );
    h.get_by_label("2021-02-09").click();
    h.run();
    assert!(matches!(h.state().selected(), Some(ItemKey::Policy(_, 1))));
    // The headline is in the table and in the detail heading; the comment only in the detail.
    let headline = "2. New blueprint gives China’s medical equipment industry a high-tech boost";
    assert_eq!(h.get_all_by_label(headline).count(), 2);
    assert!(
        h.query_by_label_contains("the COVID-19 crisis has accelerated")
            .is_some()
    );
    assert!(
        h.query_by_label("MIIT — Ministry of Industry and Information Technology")
            .is_some()
    );
    h.key_press(Key::ArrowDown);
    h.run();
    assert!(matches!(h.state().selected(), Some(ItemKey::Policy(_, 2))));
    assert_eq!(
        h.get_all_by_label("2021-02-05").count(),
        2,
        "table row and detail date"
    );
    // The link to the brief opens it in the Briefs view.
    h.get_by_label(
        "Medical equipment industry + Tech-upgrade + \"Two Zones\" construction plan (2021-02)",
    )
    .click();
    h.run();
    assert_eq!(h.state().view(), View::Briefs);
    assert!(matches!(h.state().selected(), Some(ItemKey::Brief(_))));
}

#[test]
fn a_facet_narrows_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(&dir.path().join("lib.sqlite"));
    h.get_by_label("MIIT (2)").click();
    h.run();
    assert_eq!(h.state().column_texts(3), ["MIIT", "MIIT"]);
    assert!(h.query_by_label("2 of 4 policies").is_some());
    h.get_by_label("News").click();
    h.run();
    h.get_by_label("Corporate news (8)").click();
    h.run();
    assert_eq!(h.state().column_texts(1), vec!["corporate"; 8]);
    h.get_by_label("CN (6)").click();
    h.run();
    assert_eq!(h.state().column_texts(0).len(), 6);
}

#[test]
fn remove_then_undo_restores_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(&dir.path().join("lib.sqlite"));
    h.get_by_label("Briefs").click();
    h.run();
    h.get_by_label("2021-02").click();
    h.run();
    h.get_by_label("Remove brief…").click();
    h.run();
    assert!(h.query_by_label("Remove this brief?").is_some());
    h.get_by_label("Remove").click();
    wait_until(&mut h, "the brief is removed", |app| {
        app.library().is_empty()
    });
    assert!(
        h.query_by_label("Drop brief files here or press Import")
            .is_some()
    );
    h.get_by_label("Undo").click();
    wait_until(&mut h, "the brief is back", |app| !app.library().is_empty());
    assert_eq!(
        h.state().column_texts(1),
        ["Medical equipment industry + Tech-upgrade + \"Two Zones\" construction plan"]
    );
}

#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropped_files_are_imported_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(&dir.path().join("lib.sqlite"));
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/briefs");
    let junk = dir.path().join("junk.txt");
    std::fs::write(&junk, "nothing to see").unwrap();
    for path in [
        fixtures.join("valid/german-header.txt"),
        fixtures.join("valid/inline-footer.txt"),
        junk,
    ] {
        h.input_mut()
            .dropped_files
            .push(Arc::new(DroppedPath(path)));
    }
    // One frame takes the drop; the import then runs on the library thread.
    h.step();
    wait_until(&mut h, "the import is done", |app| {
        app.library().briefs().len() == 3
    });
    assert_eq!(h.state().status(), Some("Imported 2 files, 1 failed."));
    assert!(h.query_by_label("Import report").is_some());
    assert!(h.query_by_label_contains("no brief found").is_some());
    assert!(
        h.state().column_texts(0).len() > 4,
        "the policies table grew"
    );
    // What the two briefs added, one click away.
    h.get_by_label("What's new").click();
    h.run();
    assert!(h.query_by_label_contains("New policies (").is_some());
    assert!(
        h.query_by_label("New policies (0)").is_none(),
        "the fixtures bring policies the sample does not have"
    );
}

#[test]
fn bundled_font_covers_every_chinese_character_of_the_sample() {
    use skrifa::MetadataProvider as _;
    let font = skrifa::FontRef::new(briefdesk::app::CJK_FONT).unwrap();
    let charmap = font.charmap();
    let sample = include_str!("../seeds/merics-china-industries-2021-02.txt");
    let missing: Vec<char> = sample
        .chars()
        .filter(|c| *c as u32 >= 0x2E80)
        .filter(|c| charmap.map(*c).is_none())
        .collect();
    assert!(missing.is_empty(), "missing glyphs: {missing:?}");
    assert!(charmap.map('医').is_some() && charmap.map('↑').is_some());
}

#[test]
fn clicking_a_timeline_marker_selects_it_and_fills_the_detail() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(&dir.path().join("lib.sqlite"));
    h.get_by_label("Timeline").click();
    h.run();
    assert_eq!(h.state().screen(), briefdesk::app::state::Screen::Timeline);
    use briefdesk::timeline::MarkKind;
    let marks = h.state().timeline_marks();
    let dated = marks
        .iter()
        .filter(|m| m.kind != MarkKind::Deadline)
        .count();
    assert_eq!(dated, 4 + 15 + 2, "policies, news items, topic events");
    let deadlines = marks.len() - dated;
    assert!(
        deadlines >= 4,
        "2023, 2025, 2030 and 2050 at least: {deadlines}"
    );
    let key = ItemKey::Policy(briefdesk::store::BriefId(1), 1);
    let pos = h
        .state()
        .timeline_marker_pos(&key)
        .expect("the Feb 9 policy has a marker");
    let press = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.event(egui::Event::PointerMoved(pos));
    h.event(press(true));
    h.event(press(false));
    h.run();
    assert_eq!(h.state().selected(), Some(&key));
    assert!(
        h.query_by_label(
            "2. New blueprint gives China’s medical equipment industry a high-tech boost"
        )
        .is_some()
    );
    // Selecting a row elsewhere moves the marker highlight: the table's selection is the timeline's.
    assert_eq!(h.state().screen(), briefdesk::app::state::Screen::Timeline);
}

#[test]
fn facets_narrow_the_timeline_too() {
    use briefdesk::timeline::MarkKind;
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(&dir.path().join("lib.sqlite"));
    h.get_by_label("MIIT (2)").click();
    h.run();
    let app = h.state();
    let policies: Vec<_> = app
        .timeline_marks()
        .iter()
        .filter(|m| m.kind == MarkKind::Policy)
        .map(|m| (m.date.to_string(), m.body(app.library()).map(str::to_owned)))
        .collect();
    assert_eq!(
        policies,
        [
            ("2021-02-09".to_owned(), Some("MIIT".to_owned())),
            ("2021-02-18".to_owned(), Some("MIIT".to_owned()))
        ]
    );
}

fn app_unloaded(library: &Path) -> Harness<'static, App> {
    let config = AppConfig {
        library: library.to_owned(),
        files: Vec::new(),
        screenshot: None,
    };
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        // A view's table fits its columns to the width it is given, which the detail panel
        // beside it settles a frame or two later: six frames to rest after a view changes.
        .with_max_steps(8)
        .build_eframe(move |cc| App::new(cc, config))
}

#[test]
fn a_damaged_library_is_moved_aside_and_a_new_one_started() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    let garbage = vec![0x42_u8; 10_000];
    std::fs::write(&library, &garbage).unwrap();
    let mut h = app(&library);
    let status = h.state().status().unwrap_or_default().to_owned();
    assert!(
        status.contains("damaged") && status.contains("moved aside"),
        "{status}"
    );
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(
        std::fs::read(&aside[0]).unwrap() == garbage,
        "the damaged file is kept as it was"
    );
    assert_eq!(
        h.state().library().briefs().len(),
        1,
        "a new library with the sample"
    );
    h.run();
}

#[test]
fn a_second_window_on_the_same_library_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    let _first = app(&library);
    let mut second = app_unloaded(&library);
    wait_until(&mut second, "the second window reports", |app| {
        app.fatal().is_some()
    });
    assert!(
        second
            .state()
            .fatal()
            .unwrap()
            .contains("open in another Briefdesk window")
    );
    assert!(
        second
            .query_by_label("The library cannot be opened")
            .is_some()
    );
}

#[test]
fn a_library_from_a_newer_briefdesk_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    {
        let conn = rusqlite::Connection::open(&library).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&library).unwrap();
    let mut h = app_unloaded(&library);
    wait_until(&mut h, "the app reports", |app| app.fatal().is_some());
    assert!(
        h.state().fatal().unwrap().contains("newer Briefdesk"),
        "{:?}",
        h.state().fatal()
    );
    assert!(
        std::fs::read(&library).unwrap() == before,
        "the newer library was modified"
    );
}

#[test]
fn a_saved_search_comes_back_with_one_click_and_its_deletion_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(&dir.path().join("lib.sqlite"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(egui::Event::Text("医疗".into()));
    h.run();
    assert_eq!(h.state().column_texts(0), ["2021-02-09"]);
    h.get_by_label("Save").click();
    h.run();
    // The search's own words name it when no name is typed.
    assert!(h.query_by_label("Saved the search “医疗”.").is_some());
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().column_texts(0).len(), 4);
    h.get_by_label("News").click();
    h.run();
    assert_eq!(h.state().view(), View::News);

    h.get_by_label("医疗").click();
    h.run();
    assert_eq!(h.state().view(), View::Policies);
    assert_eq!(h.state().column_texts(0), ["2021-02-09"]);

    h.get_by_label("医疗").click_secondary();
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert!(
        h.query_by_label("Deleted the saved search “医疗”.")
            .is_some()
    );
    h.get_by_label("Undo").click();
    h.run();
    assert!(
        h.query_by_label("医疗").is_some(),
        "the saved search is back"
    );
}

#[test]
fn targets_view_lists_commitments_and_links_to_where_they_were_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(&dir.path().join("lib.sqlite"));
    h.get_by_label("Targets").click();
    h.run();
    assert_eq!(h.state().view(), View::Targets);
    let years = h.state().column_texts(0);
    for year in ["2023", "2025", "2030", "2050"] {
        assert!(years.iter().any(|y| y == year), "{year} in {years:?}");
    }
    h.get_by_label("2050").click();
    h.run();
    assert!(matches!(h.state().selected(), Some(ItemKey::Target(..))));
    assert!(h.query_by_label("Found in").is_some());
    assert!(h.query_by_label("A deadline target").is_some());
    // The link shows the policy the target came from.
    let from = h.state().column_texts(3)[years.iter().position(|y| y == "2050").unwrap()].clone();
    h.get_by_role_and_label(egui::accesskit::Role::Link, &from)
        .click();
    h.run();
    assert_eq!(h.state().view(), View::Policies);
    assert!(matches!(h.state().selected(), Some(ItemKey::Policy(_, 2))));
    assert_eq!(
        h.get_all_by_label("notice").count(),
        2,
        "the document type in its column and in the detail"
    );
}
