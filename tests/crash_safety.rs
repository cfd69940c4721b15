//! Kill `briefdesk import` with SIGKILL at random moments, many times: after each kill the
//! library passes SQLite's integrity check, every brief is whole or absent, and a re-run of the
//! import finishes the job.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use briefdesk::generate::{GenOptions, write_briefs};
use briefdesk::store::Store;

const BIN: &str = env!("CARGO_BIN_EXE_briefdesk");
const BRIEFS: usize = 300;

fn import(library: &Path, dir: &Path) -> std::process::Child {
    Command::new(BIN)
        .arg("--library")
        .arg(library)
        .arg("import")
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts")
}

/// Every stored brief has exactly the topics and news its own file parses to.
fn assert_whole(library: &Path) -> usize {
    let store = Store::open(library).expect("the library opens after a kill");
    assert_eq!(
        store.integrity_check().expect("readable after a kill"),
        "ok"
    );
    let briefs = store.load_all().expect("readable after a kill");
    for stored in &briefs {
        let (_, bytes) = store.original(stored.id).expect("readable after a kill");
        let text = briefdesk::import::decode_text(&bytes).expect("readable after a kill");
        let parsed = briefdesk::parse::parse_brief(&text).expect("readable after a kill");
        assert_eq!(
            store.row_counts(stored.id).expect("readable after a kill"),
            (parsed.topics.len(), parsed.news.len())
        );
        assert_eq!(stored.brief, parsed, "{} is whole", stored.file_name);
    }
    briefs.len()
}

#[test]
fn killing_an_import_never_damages_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("briefs");
    write_briefs(
        &files,
        &GenOptions {
            briefs: BRIEFS,
            seed: 7,
        },
    )
    .unwrap();
    let library = dir.path().join("library.sqlite");
    // A simple generator of kill delays, fixed so a failure can be repeated.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut seen = Vec::new();
    for _ in 0..12 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let delay_ms = 20 + state % 400;
        let mut child = import(&library, &files);
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().ok();
        child.wait().unwrap();
        if library.exists() {
            seen.push(assert_whole(&library));
        }
    }
    eprintln!("briefs present after each kill: {seen:?}");
    let status = import(&library, &files).wait().unwrap();
    assert!(status.success(), "a full re-run finishes");
    let total = assert_whole(&library);
    assert_eq!(
        total,
        BRIEFS + 1,
        "every generated brief and the sample, once each"
    );
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "nothing is lost between kills: {seen:?}"
    );
}
