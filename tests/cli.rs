//! The command line, run as a user would: the real binary on a temporary library.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_briefdesk");
const SAMPLE: &str = "seeds/merics-china-industries-2021-02.txt";

fn briefdesk(library: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("BRIEFDESK_LIBRARY", library)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn parse_json_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    let out = briefdesk(&library, &["parse", SAMPLE, "--json"]);
    assert!(out.status.success(), "{out:?}");
    assert!(!library.exists(), "parse touches no library");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "title",
        "series",
        "publisher",
        "caption",
        "reading_minutes",
        "period",
        "authors",
        "topics",
        "news",
        "glossary",
        "warnings",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["period"], "2021-02");
    let topic = &json["topics"][1];
    for key in [
        "number",
        "headline",
        "at_a_glance",
        "points",
        "events",
        "comment",
        "policy",
    ] {
        assert!(topic.get(key).is_some(), "topic misses {key}");
    }
    assert_eq!(topic["policy"]["date"], "2021-02-09");
    assert_eq!(topic["policy"]["issuing_body"], "MIIT");
    assert_eq!(json["topics"][4]["policy"], serde_json::Value::Null);
    assert_eq!(json["topics"][4]["events"][0]["date"], "2021-02-07");
    let news = &json["news"][2];
    assert_eq!(news["section"], "policy");
    assert_eq!(news["sources"][1]["title"], "Reuters article");
    assert_eq!(news["sources"][1]["lang"], "EN");
    assert_eq!(json["glossary"][0]["kind"], "acronym");
}

#[test]
fn parse_json_has_targets_figures_and_document_types() {
    let dir = tempfile::tempdir().unwrap();
    let out = briefdesk(&dir.path().join("lib.sqlite"), &["parse", SAMPLE, "--json"]);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = || {
        let topics = json["topics"].as_array().unwrap().iter();
        topics.chain(json["news"].as_array().unwrap())
    };
    // Every topic and news item has both lists, and each entry its documented fields.
    let mut years = Vec::new();
    let mut figures = Vec::new();
    for item in items() {
        for target in item["targets"].as_array().expect("targets") {
            assert!(target["text"].as_str().is_some_and(|t| !t.is_empty()));
            years.push(target["year"].as_i64().unwrap());
        }
        for figure in item["figures"].as_array().expect("figures") {
            assert!(figure["value"].as_f64().is_some() && figure["unit"].as_str().is_some());
            assert!(figure["text"].as_str().is_some_and(|t| !t.is_empty()));
            figures.push((
                figure["raw"].as_str().unwrap().to_owned(),
                figure["value"].as_f64().unwrap(),
                figure["unit"].as_str().unwrap().to_owned(),
            ));
        }
    }
    for year in [2023, 2025, 2030, 2050] {
        assert!(years.contains(&year), "{year} in {years:?}");
    }
    let has = |raw: &str, value: f64, unit: &str| {
        figures
            .iter()
            .any(|(r, v, u)| r.contains(raw) && *v == value && u == unit)
    };
    assert!(has("CNY 70 billion", 7e10, "CNY"), "{figures:?}");
    assert!(has("CNY 10 billion", 1e10, "CNY"), "{figures:?}");
    assert!(has("USD 190 billion", 1.9e11, "USD"), "{figures:?}");
    assert!(has("20 GWh", 2e10, "Wh"), "{figures:?}");
    // Topic 1 interprets an action plan; topic 2 is a draft for comments.
    let policy = |i: usize| &json["topics"][i]["policy"];
    assert_eq!(policy(0)["doc_type"], "interpretation");
    assert_eq!(policy(0)["doc"]["of"], "action_plan");
    assert_eq!(policy(1)["doc_type"], "plan");
    assert_eq!(policy(1)["doc"]["is_draft"], true);
    let organisations: Vec<&str> = json["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    for name in ["MIIT", "NEA", "Huawei", "Baidu", "SVOLT"] {
        assert!(organisations.contains(&name), "{name} in {organisations:?}");
    }
}

#[test]
fn parse_refuses_a_non_brief_with_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = briefdesk(&dir.path().join("lib"), &["parse", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt: the file is empty"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn import_list_search_export_round() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    let bad = dir.path().join("notes.txt");
    std::fs::write(&bad, "Shopping list\n\nMilk and bread.\n").unwrap();
    let crlf = dir.path().join("crlf.txt");
    let sample =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).unwrap();
    std::fs::write(&crlf, sample.replace('\n', "\r\n")).unwrap();

    let out = briefdesk(
        &library,
        &[
            "import",
            crlf.to_str().unwrap(),
            bad.to_str().unwrap(),
            "tests/fixtures/briefs/valid",
        ],
    );
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed file makes exit 1: {text}"
    );
    assert!(
        text.contains("crlf.txt: Medical equipment industry") && text.contains("duplicate: "),
        "{text}"
    );
    assert!(
        text.contains("failed: ") && text.contains("notes.txt: no brief found"),
        "{text}"
    );
    assert!(
        text.contains("imported: tests/fixtures/briefs/valid/"),
        "{text}"
    );

    let list: serde_json::Value =
        serde_json::from_slice(&briefdesk(&library, &["list", "--json"]).stdout).unwrap();
    let titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["title"].as_str().unwrap())
        .collect();
    assert!(
        titles
            .iter()
            .filter(|t| t.starts_with("Medical equipment industry"))
            .count()
            == 1
    );
    assert!(titles.len() > 5);

    let hits: serde_json::Value =
        serde_json::from_slice(&briefdesk(&library, &["search", "医疗", "--json"]).stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert!(
        hits.iter()
            .any(|h| h["kind"] == "policy" && h["topic_number"] == 2),
        "{hits:?}"
    );

    let out = briefdesk(
        &library,
        &["export", "--what", "policies", "--format", "csv"],
    );
    let csv = stdout(&out);
    assert!(csv.starts_with("date,policy,name_zh,issuing_body,topic,headline,brief,period\n"));
    assert!(csv.contains("医疗装备产业发展规划(2021-2025年)(征求意见稿)"));

    let file = dir.path().join("news.json");
    let out = briefdesk(
        &library,
        &[
            "export",
            "--what",
            "news",
            "--format",
            "json",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let news: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(
        news.as_array()
            .unwrap()
            .iter()
            .any(|n| n["sources"] == "NEA letter (CN); Reuters article (EN)")
    );
}

#[test]
fn a_new_library_shows_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let out = briefdesk(&dir.path().join("fresh.sqlite"), &["list"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("2021-02  Medical equipment industry"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_library_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    let conn = rusqlite::Connection::open(&library).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let out = briefdesk(&library, &["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("newer Briefdesk"), "{err}");
}

#[test]
fn timeline_writes_png_and_svg_and_checks_its_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    let png = dir.path().join("t.png");
    let out = briefdesk(&library, &["timeline", "--out", png.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout(&out).contains("21 of 21 dated items"),
        "{}",
        stdout(&out)
    );
    assert_eq!(&std::fs::read(&png).unwrap()[..4], b"\x89PNG");

    let svg = dir.path().join("t.svg");
    let out = briefdesk(
        &library,
        &[
            "timeline",
            "--out",
            svg.to_str().unwrap(),
            "--from",
            "2021-02-01",
            "--to",
            "2021-02-10",
            "--lanes",
            "body",
            "--size",
            "2400x900",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("MIIT") && text.contains("2021-02-01 to 2021-02-10"));

    let bad = briefdesk(
        &library,
        &["timeline", "--out", png.to_str().unwrap(), "--size", "12"],
    );
    assert!(!bad.status.success());
    let gif = briefdesk(
        &library,
        &[
            "timeline",
            "--out",
            dir.path().join("t.gif").to_str().unwrap(),
        ],
    );
    assert_eq!(gif.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&gif.stderr).contains("neither .png nor .svg"));
}

#[test]
fn json_library_export_round_trips_through_an_empty_library() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.sqlite"), dir.path().join("b.sqlite"));
    let out = briefdesk(&a, &["import", "tests/fixtures/briefs/valid"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let export = |library: &Path, name: &str| {
        let path = dir.path().join(name);
        let out = briefdesk(
            library,
            &[
                "export",
                "--what",
                "library",
                "--format",
                "json",
                "-o",
                path.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{out:?}");
        path
    };
    let first = export(&a, "first.json");
    let out = briefdesk(&b, &["import", first.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
    let second = export(&b, "second.json");
    let briefs = |path: &Path| -> Vec<serde_json::Value> {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        assert_eq!(json["format"], "briefdesk-library");
        json["briefs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["brief"].clone())
            .collect()
    };
    let (before, after) = (briefs(&first), briefs(&second));
    assert_eq!(before.len(), 11, "the sample and ten fixtures");
    assert_eq!(before, after);
    let csv = briefdesk(&a, &["export", "--what", "library", "--format", "csv"]);
    assert_eq!(csv.status.code(), Some(1));
}

#[test]
fn generate_writes_briefs_that_import_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("generated");
    let library = dir.path().join("lib.sqlite");
    let run = briefdesk(
        &library,
        &[
            "generate",
            "--briefs",
            "12",
            "--out",
            out.to_str().unwrap(),
            "--seed",
            "3",
        ],
    );
    assert!(run.status.success(), "{run:?}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 12);
    let import = briefdesk(&library, &["import", out.to_str().unwrap()]);
    let text = stdout(&import);
    assert!(import.status.success(), "{text}");
    assert_eq!(text.matches("imported: ").count(), 12, "{text}");
    assert!(!text.contains("warning"), "{text}");
}

/// What the analyst layer found, exported as the window's views show it: every target,
/// figure and organisation `parse --json` finds in the sample, formula-safe in CSV.
#[test]
fn targets_figures_and_organisations_export_as_the_parser_finds_them() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    let parsed: serde_json::Value =
        serde_json::from_slice(&briefdesk(&library, &["parse", SAMPLE, "--json"]).stdout).unwrap();
    let count = |key: &str| -> usize {
        let topics: usize = parsed["topics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t[key].as_array().unwrap().len())
            .sum();
        let news: usize = parsed["news"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n[key].as_array().unwrap().len())
            .sum();
        topics + news
    };
    let export = |what: &str, format: &str| {
        let out = briefdesk(&library, &["export", "--what", what, "--format", format]);
        assert!(out.status.success(), "{out:?}");
        stdout(&out)
    };
    // JSON: one object per row, keyed by the view's columns.
    for (what, key, expected) in [
        ("targets", "Target", count("targets")),
        ("figures", "As written", count("figures")),
        (
            "organisations",
            "Name",
            parsed["organisations"].as_array().unwrap().len(),
        ),
    ] {
        let rows: serde_json::Value = serde_json::from_str(&export(what, "json")).unwrap();
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), expected, "{what}");
        assert!(
            rows.iter().all(|r| r.get(key).is_some()),
            "{what}: {rows:?}"
        );
    }
    let orgs: serde_json::Value = serde_json::from_str(&export("organisations", "json")).unwrap();
    let names: Vec<&str> = orgs
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["Name"].as_str().unwrap())
        .collect();
    for name in ["MIIT", "NEA", "Ford"] {
        assert!(
            names.iter().any(|n| n.contains(name)),
            "{name} in {names:?}"
        );
    }
    // CSV: a header line, then a line per row; years are numbers in JSON.
    let csv = export("targets", "csv");
    assert!(csv.starts_with("Year,Target,"), "{csv}");
    assert_eq!(csv.lines().count(), count("targets") + 1);
    let targets: serde_json::Value = serde_json::from_str(&export("targets", "json")).unwrap();
    assert!(targets[0]["Year"].is_i64(), "{targets}");
}

/// "Open with" (`briefdesk FILE`) while a window has the library open: the file is imported
/// by this second process, which opens no window of its own, and the open window shows it
/// (its library thread watches for changes: `app::worker`).
#[test]
fn open_with_while_a_window_is_open_hands_the_file_over() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    // A first run makes the library (with the sample).
    assert!(briefdesk(&library, &["list"]).status.success());
    // The lock a window holds while it is open.
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.path().join("lib.sqlite.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let brief = "tests/fixtures/briefs/layouts/industries-repost.txt";
    let out = Command::new(BIN)
        .arg(brief)
        .env("BRIEFDESK_LIBRARY", &library)
        // No display: a window could not open, so passing shows none was tried.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout(&out).contains("open in a Briefdesk window"),
        "{out:?}"
    );
    drop(lock);
    let list = stdout(&briefdesk(&library, &["list"]));
    assert!(
        list.contains("Power rationing + Semiconductor materials"),
        "{list}"
    );
}
