//! How many of the organisations a careful reader finds in a brief the analysis finds, on
//! invented briefs whose companies and agencies are on no list (`tests/fixtures/orgs/`):
//! each `NAME.txt` has a `NAME.expected` with one organisation a line.
//!
//! Names compare without a legal form ("Hangxin Precision Co., Ltd." is "Hangxin
//! Precision") and without a leading "the". Run with `-- --nocapture` to see the figures.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use briefdesk::analysis::analyse;
use briefdesk::parse::parse_brief;

const FIXTURES: &[&str] = &["batteries", "chips", "mobility"];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/orgs")
}

/// A name as compared: single-spaced, no leading "the", no trailing legal form.
fn key(name: &str) -> String {
    let mut s = name.split_whitespace().collect::<Vec<_>>().join(" ");
    for prefix in ["the ", "The "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.to_owned();
        }
    }
    loop {
        let trimmed = s.trim_end_matches(['.', ',', ' ']);
        let cut = [
            " Co", " Ltd", " Limited", " Inc", " AG", " GmbH", " Corp", " LLC", " PLC",
        ]
        .iter()
        .find_map(|form| trimmed.strip_suffix(form));
        match cut {
            Some(rest) => s = rest.to_owned(),
            None => return trimmed.to_owned(),
        }
    }
}

/// The organisations the analysis finds in a brief's text.
fn found(text: &str) -> Vec<String> {
    let brief = parse_brief(text).expect("the fixture parses");
    analyse(&brief)
        .organisations
        .into_iter()
        .map(|o| o.name)
        .collect()
}

#[test]
fn recall_and_precision_on_unlisted_names() {
    let (mut hits, mut wanted, mut reported) = (0usize, 0usize, 0usize);
    for name in FIXTURES {
        let text = std::fs::read_to_string(dir().join(format!("{name}.txt"))).unwrap();
        let expected: BTreeSet<String> =
            std::fs::read_to_string(dir().join(format!("{name}.expected")))
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(key)
                .collect();
        let got: BTreeSet<String> = found(&text).iter().map(|n| key(n)).collect();
        let hit = got.intersection(&expected).count();
        let missed: Vec<&String> = expected.difference(&got).collect();
        let extra: Vec<&String> = got.difference(&expected).collect();
        println!(
            "{name}: {hit}/{} found, {} reported; missed {missed:?}; extra {extra:?}",
            expected.len(),
            got.len()
        );
        hits += hit;
        wanted += expected.len();
        reported += got.len();
    }
    let recall = hits as f64 / wanted as f64;
    let precision = hits as f64 / reported.max(1) as f64;
    println!("recall {recall:.3} ({hits}/{wanted}), precision {precision:.3} ({hits}/{reported})");
    assert!(recall >= 0.8, "recall {recall:.3}");
    assert!(precision >= 0.9, "precision {precision:.3}");
}

#[test]
fn sample_brief_keeps_its_organisations() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/merics-china-industries-2021-02.txt");
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        found(&text),
        [
            "MIIT",
            "MOT",
            "State Council",
            "Beijing Municipal Economic and Information Bureau",
            "Huawei",
            "Hubble",
            "Rainbow Simulation Technologies",
            "Baidu",
            "Tencent",
            "Xiaomi",
            "MOST",
            "NEA",
            "SAMR",
            "CCP Central Committee",
            "Ford Motor",
            "Zotye",
            "WeRide",
            "Geely",
            "SVOLT",
            "SAIC Motor",
            "Horizon Robotics",
            "Didi",
        ]
    );
}
