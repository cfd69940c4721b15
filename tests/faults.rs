//! The command line under faults of the disk and the file system: a read-only library folder,
//! a full disk (a file-size limit, so writes fail with EFBIG), a library path whose folder
//! is missing and cannot be made. Each time: one clear sentence naming the problem, exit 1, no
//! panic, and nothing half-written: an existing library keeps its briefs byte for byte and
//! passes SQLite's integrity check, and no partial file is left behind.
//!
//! Linux only: it uses `setpriv` (to drop root, who may write anywhere) and `prlimit`.
#![cfg(target_os = "linux")]

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use briefdesk::generate::{GenOptions, write_briefs};
use briefdesk::store::Store;

const BIN: &str = env!("CARGO_BIN_EXE_briefdesk");

/// "nobody": a user who owns none of the test's files.
const OTHER_USER: &str = "65534";

fn is_root() -> bool {
    let out = Command::new("id").arg("-u").output().expect("id runs");
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

/// The CLI, run as a user without write access to files the test made when the test runs as
/// root (root may write anywhere), as the test's user otherwise.
fn briefdesk_unprivileged(library: &Path, args: &[&str]) -> Output {
    let mut command = if is_root() {
        let mut c = Command::new("setpriv");
        c.args([
            &format!("--reuid={OTHER_USER}"),
            &format!("--regid={OTHER_USER}"),
            "--clear-groups",
            BIN,
        ]);
        c
    } else {
        Command::new(BIN)
    };
    command
        .arg("--library")
        .arg(library)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn briefdesk(library: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--library")
        .arg(library)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The CLI with files limited to `max_bytes` each, as on a disk that fills up: a write past it
/// fails with EFBIG (SIGXFSZ is ignored, as `trap ''` is inherited through exec).
fn briefdesk_with_file_limit(library: &Path, max_bytes: u64, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; exec prlimit --fsize=\"$0\" \"$@\"")
        .arg(max_bytes.to_string())
        .arg(BIN)
        .arg("--library")
        .arg(library)
        .args(args)
        .output()
        .expect("sh and prlimit run")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Exit 1 with a message on stderr that contains every one of `words`, and no panic.
fn assert_refused(out: &Output, words: &[&str]) -> String {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(!err.contains("panicked"), "{err}");
    for word in words {
        assert!(err.contains(word), "{word:?} missing from: {err}");
    }
    err
}

/// A folder everyone may read (tempfile makes its folders private to their owner).
fn shared_tempdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("readable");
    dir
}

fn briefs(dir: &Path, count: usize, seed: u64) -> PathBuf {
    let folder = dir.join(format!("briefs-{seed}"));
    write_briefs(
        &folder,
        &GenOptions {
            briefs: count,
            seed,
        },
    )
    .expect("briefs are written");
    folder
}

/// The names in a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| {
            e.expect("readable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// What a library holds, as (file name, brief as JSON) pairs; asserts it passes SQLite's
/// integrity check and that every brief is exactly what its own stored file parses to.
fn contents(library: &Path) -> Vec<(String, String)> {
    let store = Store::open(library).expect("the library opens");
    assert_eq!(store.integrity_check().expect("readable"), "ok");
    store
        .load_all()
        .expect("readable")
        .into_iter()
        .map(|stored| {
            let (_, bytes) = store.original(stored.id).expect("readable");
            let text = briefdesk::import::decode_text(&bytes).expect("readable");
            let parsed = briefdesk::parse::parse_brief(&text).expect("readable");
            assert_eq!(stored.brief, parsed, "{} is whole", stored.file_name);
            let (topics, news) = store.row_counts(stored.id).expect("readable");
            assert_eq!((topics, news), (parsed.topics.len(), parsed.news.len()));
            (
                stored.file_name,
                serde_json::to_string(&stored.brief).expect("readable"),
            )
        })
        .collect()
}

/// A library folder holding a library with the sample brief and three generated ones.
fn existing_library(dir: &Path) -> PathBuf {
    let library = dir.join("lib").join("library.sqlite");
    let first = briefs(dir, 3, 1);
    let out = briefdesk(&library, &["import", first.to_str().expect("a UTF-8 path")]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        listing(library.parent().expect("a folder")),
        ["library.sqlite"]
    );
    library
}

#[test]
fn a_read_only_library_folder_is_refused_and_left_as_it_was() {
    let dir = shared_tempdir();
    let library = existing_library(dir.path());
    let folder = library.parent().unwrap().to_owned();
    let more = briefs(dir.path(), 2, 2);
    let before_bytes = std::fs::read(&library).unwrap();
    let before = contents(&library);
    assert_eq!(before.len(), 4);

    // The folder is read-only. First the file itself may be written, then not either.
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    for file_mode in [0o666, 0o444] {
        std::fs::set_permissions(&library, std::fs::Permissions::from_mode(file_mode)).unwrap();
        let out = briefdesk_unprivileged(&library, &["import", more.to_str().unwrap()]);
        let err = assert_refused(
            &out,
            &[
                "could not open the library",
                "library.sqlite",
                "read-only",
                "nothing was changed",
            ],
        );
        assert_eq!(err.lines().count(), 1, "one sentence: {err}");
        assert!(!text(&out.stdout).contains("imported"), "{out:?}");
        assert_eq!(std::fs::read(&library).unwrap(), before_bytes, "untouched");
        assert_eq!(listing(&folder), ["library.sqlite"], "no stray files");
    }

    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(contents(&library), before, "every brief is still there");
}

#[test]
fn a_full_disk_stops_the_import_and_the_library_keeps_everything() {
    let dir = shared_tempdir();
    let library = existing_library(dir.path());
    let folder = library.parent().unwrap().to_owned();
    // More than one batch of files (a batch is at most 100).
    let count = 250;
    let more = briefs(dir.path(), count, 3);
    let before = contents(&library);
    let size = std::fs::metadata(&library).unwrap().len();

    // Room for the library as it is and a few more briefs, not for all of them.
    let out = briefdesk_with_file_limit(
        &library,
        size + 48 * 1024,
        &["import", more.to_str().unwrap()],
    );
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(!text(&out.stderr).contains("panicked"), "{out:?}");
    let imported = report
        .lines()
        .filter(|l| l.starts_with("imported: "))
        .count();
    assert!(
        imported < count,
        "the disk filled up before the end: {report}"
    );
    let failed: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("failed: "))
        .collect();
    // Files are stored in batches: the batch in hand when the disk filled up fails whole,
    // each file with the reason; then, if files are left, one line for them: not tried.
    let not_tried = "not tried: the import stopped because the library cannot be written";
    let (batch, rest): (Vec<&str>, Vec<&str>) = failed.iter().partition(|l| !l.contains(not_tried));
    assert!(!batch.is_empty(), "{report}");
    for line in &batch {
        assert!(
            line.contains("the library file could not be written")
                && line.contains("is the disk full"),
            "{report}"
        );
    }
    let left = count - imported - batch.len();
    match left {
        0 => assert!(rest.is_empty(), "{report}"),
        _ => {
            assert_eq!(rest.len(), 1, "one line for the rest: {report}");
            assert!(
                rest[0].contains(&format!(
                    "{not_tried} (see above); this file and the {} after it were left out",
                    left - 1
                )),
                "{report}"
            );
        }
    }

    // Nothing that was there is lost, and what was imported is whole.
    let after = contents(&library);
    assert_eq!(after.len(), before.len() + imported);
    assert_eq!(after[..before.len()], before[..]);
    // After a normal run SQLite's side files are gone; nothing else was ever left.
    let out = briefdesk(&library, &["import", more.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "the same import finishes on a free disk: {out:?}"
    );
    assert_eq!(contents(&library).len(), before.len() + count);
    assert_eq!(listing(&folder), ["library.sqlite"]);
}

#[test]
fn a_new_library_on_a_full_disk_leaves_no_file_behind() {
    let dir = shared_tempdir();
    let library = dir.path().join("new").join("library.sqlite");
    for limit in [0, 4096, 20_000] {
        let out = briefdesk_with_file_limit(&library, limit, &["list"]);
        let err = assert_refused(
            &out,
            &[
                "could not open the library",
                "library.sqlite",
                "could not be written",
                "is the disk full",
            ],
        );
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(
            listing(library.parent().unwrap()),
            Vec::<String>::new(),
            "no empty or half-made library (limit {limit})"
        );
    }
    // With room, the same path becomes a library.
    assert!(briefdesk(&library, &["list"]).status.success());
}

#[test]
fn a_library_folder_that_cannot_exist_is_named() {
    let dir = shared_tempdir();
    // A path through a file: no folder can be made there.
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "not a folder\n").unwrap();
    let out = briefdesk(&file.join("library.sqlite"), &["list"]);
    let err = assert_refused(
        &out,
        &[
            "the library folder",
            "notes.txt",
            "does not exist and could not be created (a file is in the way)",
        ],
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), b"not a folder\n");

    // A drive that is not connected: its mount point holds nothing and cannot be written.
    let media = dir.path().join("media");
    std::fs::create_dir(&media).unwrap();
    std::fs::set_permissions(&media, std::fs::Permissions::from_mode(0o555)).unwrap();
    let library = media
        .join("usb-stick")
        .join("briefs")
        .join("library.sqlite");
    let out = briefdesk_unprivileged(&library, &["import", "seeds"]);
    assert_refused(
        &out,
        &[
            "usb-stick",
            "does not exist and could not be created (permission denied)",
            "its drive is connected",
        ],
    );
    assert_eq!(listing(&media), Vec::<String>::new(), "nothing was created");

    // The library path is a folder.
    let out = briefdesk(dir.path(), &["list"]);
    assert_refused(&out, &["cannot be opened (it is a folder"]);
}

#[test]
fn an_unreadable_file_is_named_and_the_rest_of_the_batch_imports() {
    let dir = shared_tempdir();
    let folder = dir.path().join("lib");
    std::fs::create_dir(&folder).unwrap();
    if is_root() {
        // The library belongs to the user the CLI runs as; only the brief is out of reach.
        let id = OTHER_USER.parse().unwrap();
        std::os::unix::fs::chown(&folder, Some(id), Some(id)).unwrap();
    }
    let files = briefs(dir.path(), 2, 4);
    let locked = files.join("brief-00001.txt");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let library = folder.join("library.sqlite");
    let out = briefdesk_unprivileged(&library, &["import", files.to_str().unwrap()]);
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        report.contains(&format!("failed: {}: permission denied", locked.display())),
        "{report}"
    );
    assert_eq!(report.matches("imported: ").count(), 1, "{report}");
    assert_eq!(
        contents(&library).len(),
        2,
        "the sample and the readable brief"
    );
}
