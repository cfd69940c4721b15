use std::ops::ControlFlow;

use super::*;

const SAMPLE: &str = include_str!("../../seeds/merics-china-industries-2021-02.txt");

#[test]
fn the_sample_is_a_seed() {
    assert!(
        seeds::SEEDS
            .iter()
            .any(|(_, bytes)| *bytes == SAMPLE.as_bytes())
    );
    let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .count();
    assert_eq!(
        seeds::SEEDS.len(),
        on_disk,
        "build.rs embeds every file in seeds/"
    );
}

#[test]
fn a_new_library_gets_the_seeds_once() {
    let mut store = Store::open_in_memory().unwrap();
    let first = seed_if_new(&mut store).unwrap();
    assert!(
        matches!(first[0], FileOutcome::Imported { .. }),
        "{first:?}"
    );
    let before = store.briefs().unwrap().len();
    assert!(seed_if_new(&mut store).unwrap().is_empty());
    assert_eq!(store.briefs().unwrap().len(), before);
}

#[test]
fn line_endings_do_not_change_the_content_key() {
    let key = |text: &str| content_key(&crate::parse::parse_brief(text).unwrap());
    let crlf = SAMPLE.replace('\n', "\r\n");
    assert_eq!(key(SAMPLE), key(&crlf));
    assert_eq!(key(SAMPLE), key(&format!("\u{feff}{SAMPLE}")));
    assert_ne!(key(SAMPLE), key(&SAMPLE.replace("MIIT", "MOT")));
}

#[test]
fn a_batch_with_bad_files_imports_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, SAMPLE).unwrap();
    let crlf = dir.path().join("sub/copy-crlf.md");
    std::fs::create_dir_all(crlf.parent().unwrap()).unwrap();
    std::fs::write(&crlf, SAMPLE.replace('\n', "\r\n")).unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 au lait").unwrap();
    let missing = dir.path().join("gone.txt");
    let mut store = Store::open_in_memory().unwrap();
    let mut seen = Vec::new();
    let results = import_paths(
        &mut store,
        &[good, dir.path().join("sub"), empty, binary, latin1, missing],
        |done, total, _| {
            seen.push((done, total));
            ControlFlow::Continue(())
        },
    );
    let summary: Vec<String> = results
        .iter()
        .map(|(p, o)| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            match o {
                FileOutcome::Imported { .. } => format!("{name}: imported"),
                FileOutcome::Duplicate { .. } => format!("{name}: duplicate"),
                FileOutcome::Updated { .. } => format!("{name}: updated"),
                FileOutcome::Failed(e) => format!("{name}: {e}"),
            }
        })
        .collect();
    assert_eq!(
        summary,
        [
            "gone.txt: the file no longer exists",
            "good.txt: imported",
            "copy-crlf.md: duplicate",
            "empty.txt: the file is empty",
            "image.txt: the file looks binary, not text (it contains NUL bytes)",
            // Windows-1252 is detected and decoded ("Café au lait"), but it is no brief.
            "latin1.txt: no brief found: there are no topics with \"At a glance\", \"MERICS comment\" or \"Policy name\" and no \"Worth noting\" section",
        ]
    );
    assert_eq!(seen.len(), 5);
    assert_eq!(seen[0], (0, 5));
    assert_eq!(store.briefs().unwrap().len(), 1);
}

#[test]
fn too_large_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let err = read_file(&big).err().unwrap();
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "the file is too large: 20.0 MB (20,971,521 bytes), and one file may be at most 20 MB"
    );
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_FILE_BYTES)
        .unwrap();
    assert_eq!(
        read_file(&big).unwrap().len() as u64,
        MAX_FILE_BYTES,
        "exactly at the limit is read"
    );
    std::fs::File::create(&big)
        .unwrap()
        .set_len(45 * 1024 * 1024)
        .unwrap();
    assert_eq!(
        read_file(&big).err().unwrap().to_string(),
        "the file is too large: 45.0 MB, and one file may be at most 20 MB"
    );
}

/// `count` empty `.txt` files in a new folder.
fn folder_of_files(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..count {
        std::fs::write(dir.path().join(format!("{i:05}.txt")), "").unwrap();
    }
    dir
}

#[test]
fn too_many_files_are_refused_before_anything_is_read_or_written() {
    let dir = folder_of_files(limits::MAX_FILES_PER_IMPORT + 1);
    let good = tempfile::tempdir().unwrap();
    std::fs::write(good.path().join("good.txt"), SAMPLE).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let mut called = false;
    let paths = [good.path().to_owned(), dir.path().to_owned()];
    let results = import_paths(&mut store, &paths, |_, _, _| {
        called = true;
        ControlFlow::Continue(())
    });
    assert!(!called, "no file was started");
    let [(path, FileOutcome::Failed(err))] = &results[..] else {
        panic!("{results:?}")
    };
    assert_eq!(path, good.path(), "reported for the first path given");
    assert_eq!(
        err.to_string(),
        "too many files: 10,002 brief files found, and one import takes at most 10,000; \
         nothing was imported (import the folders in smaller parts)"
    );
    assert!(store.briefs().unwrap().is_empty(), "not even the good file");
}

#[test]
fn exactly_the_most_files_are_all_tried() {
    let dir = folder_of_files(limits::MAX_FILES_PER_IMPORT);
    let mut store = Store::open_in_memory().unwrap();
    let mut total = 0;
    let results = import_paths(&mut store, &[dir.path().to_owned()], |_, t, _| {
        total = t;
        ControlFlow::Continue(())
    });
    assert_eq!(total, limits::MAX_FILES_PER_IMPORT);
    assert_eq!(results.len(), limits::MAX_FILES_PER_IMPORT);
    assert!(
        results
            .iter()
            .all(|(_, o)| matches!(o, FileOutcome::Failed(ImportError::Parse(_))))
    );
}

#[cfg(unix)]
#[test]
fn folder_links_that_loop_are_searched_once() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("a.txt"), SAMPLE).unwrap();
    // Two links back up: followed blindly, 2^40 paths before they get too long.
    std::os::unix::fs::symlink(dir.path(), sub.join("up")).unwrap();
    std::os::unix::fs::symlink(dir.path(), sub.join("again")).unwrap();
    let (files, failures) = collect_files(&[dir.path().to_owned()]);
    assert_eq!(files, [sub.join("a.txt")]);
    assert!(failures.is_empty());
}

#[test]
fn a_field_over_the_limit_is_cut_with_a_warning_and_the_file_kept_whole() {
    let long = "Long summary text. ".repeat(limits::MAX_FIELD_CHARS / 19 + 10);
    let text = SAMPLE.replacen("At a glance: ", &format!("At a glance: {long}"), 1);
    let mut store = Store::open_in_memory().unwrap();
    let outcomes = import_bytes(&mut store, "long.txt", text.as_bytes());
    let [FileOutcome::Imported { id, warnings, .. }] = &outcomes[..] else {
        panic!("{outcomes:?}")
    };
    let full = crate::parse::parse_brief(&text).unwrap();
    let chars = full.topics[0].at_a_glance.chars().count();
    assert!(chars > limits::MAX_FIELD_CHARS);
    assert_eq!(
        warnings[0].message,
        format!(
            "the \"At a glance\" of topic 1 is {} characters long; only its first 200,000 are \
             kept (the whole file is kept in the library)",
            limits::thousands(chars as u64)
        )
    );
    let stored = store.load_all().unwrap();
    let glance = &stored[0].brief.topics[0].at_a_glance;
    assert_eq!(glance.chars().count(), limits::MAX_FIELD_CHARS);
    assert!(full.topics[0].at_a_glance.starts_with(glance.as_str()));
    assert_eq!(stored[0].brief.warnings, *warnings);
    assert_eq!(store.original(*id).unwrap().1, text.as_bytes());

    // A Briefdesk export carrying the same long field is cut the same way.
    let export = json::library_export(&[crate::model::StoredBrief {
        brief: full,
        ..stored[0].clone()
    }]);
    let mut other = Store::open_in_memory().unwrap();
    let outcomes = import_bytes(
        &mut other,
        "big.json",
        &serde_json::to_vec(&export).unwrap(),
    );
    let [FileOutcome::Imported { warnings: w, .. }] = &outcomes[..] else {
        panic!("{outcomes:?}")
    };
    assert_eq!(w[0], warnings[0]);
    assert_eq!(other.load_all().unwrap()[0].brief, stored[0].brief);
}

#[test]
fn utf16_with_bom_decodes() {
    let mut bytes = vec![0xff, 0xfe];
    for unit in "医疗 plan".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    assert_eq!(decode_text(&bytes).unwrap(), "医疗 plan");
}

#[test]
fn a_corrected_copy_becomes_a_new_version_and_the_old_one_stays() {
    let mut store = Store::open_in_memory().unwrap();
    let first = import_bytes(&mut store, "a.txt", SAMPLE.as_bytes());
    let FileOutcome::Imported { id: old, .. } = first[0] else {
        panic!("{first:?}")
    };
    let corrected = SAMPLE.replace("at least 20 percent", "at least 25 percent");
    let second = import_bytes(&mut store, "a-corrected.txt", corrected.as_bytes());
    let FileOutcome::Updated {
        id: new, previous, ..
    } = second[0]
    else {
        panic!("{second:?}")
    };
    assert_eq!(previous, old);
    let shown = store.load_all().unwrap();
    assert_eq!(shown.len(), 1, "one brief, shown in its new version");
    assert!(shown[0].brief.topics[0].points[2].contains("25 percent"));
    let versions = store.versions(new).unwrap();
    assert_eq!(
        versions
            .iter()
            .map(|v| (v.id, v.current))
            .collect::<Vec<_>>(),
        [(old, false), (new, true)]
    );
    assert_eq!(store.all_versions().unwrap()[&new].len(), 2);
    // Back to the first version, then undo the update altogether.
    store.make_current(old).unwrap();
    assert!(store.load_all().unwrap()[0].brief.topics[0].points[2].contains("20 percent"));
    store.make_current(new).unwrap();
    store.revert_update(new, old).unwrap();
    let shown = store.load_all().unwrap();
    assert_eq!((shown.len(), shown[0].id), (1, old));
    assert_eq!(
        store.original(new).unwrap().1,
        corrected.as_bytes(),
        "the new file is still kept"
    );
}

#[test]
fn cancelling_stops_after_the_file_in_hand_and_keeps_what_was_imported() {
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/briefs/valid");
    let mut store = Store::open_in_memory().unwrap();
    let results = import_paths(&mut store, &[fixtures], |done, _, _| {
        if done == 3 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    assert_eq!(results.len(), 3);
    assert_eq!(store.briefs().unwrap().len(), 3);
    assert!(
        store.search("a").is_ok(),
        "the library is consistent and usable"
    );
}

#[test]
fn a_briefdesk_export_imports_every_brief() {
    let mut store = Store::open_in_memory().unwrap();
    import_bytes(&mut store, "a.txt", SAMPLE.as_bytes());
    let export = json::library_export(&store.load_all().unwrap());
    let bytes = serde_json::to_vec(&export).unwrap();
    let mut other = Store::open_in_memory().unwrap();
    let outcomes = import_bytes(&mut other, "library.json", &bytes);
    assert!(
        matches!(outcomes[..], [FileOutcome::Imported { .. }]),
        "{outcomes:?}"
    );
    assert_eq!(
        other.load_all().unwrap()[0].brief,
        store.load_all().unwrap()[0].brief
    );
    let again = import_bytes(&mut other, "library.json", &bytes);
    assert!(matches!(again[..], [FileOutcome::Duplicate { .. }]));
    let broken = import_bytes(
        &mut other,
        "broken.json",
        b"{\"format\": \"something-else\", \"version\": 1, \"briefs\": []}",
    );
    let [FileOutcome::Failed(err)] = &broken[..] else {
        panic!("{broken:?}")
    };
    assert!(
        err.to_string().contains("not \"briefdesk-library\""),
        "{err}"
    );
}

#[test]
fn a_web_page_nested_too_deep_is_refused_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("deep.html");
    std::fs::write(&deep, "<section>".repeat(1_000_000)).unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, SAMPLE).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let started = std::time::Instant::now();
    let results = import_paths(&mut store, &[deep, good], |_, _, _| {
        ControlFlow::Continue(())
    });
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    let [
        (_, FileOutcome::Failed(err)),
        (_, FileOutcome::Imported { .. }),
    ] = &results[..]
    else {
        panic!("{results:?}")
    };
    assert!(
        err.to_string()
            .contains("nests its elements more than 512 deep")
    );
}

#[test]
fn a_cancel_after_several_batches_keeps_every_file_stored_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let options = crate::generate::GenOptions {
        briefs: 130,
        seed: 3,
    };
    crate::generate::write_briefs(dir.path(), &options).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let mut calls = 0;
    let results = import_paths(&mut store, &[dir.path().to_owned()], |done, total, _| {
        calls += 1;
        assert_eq!(total, 130);
        if done == 120 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    assert_eq!(calls, 121);
    assert_eq!(results.len(), 120);
    let ids: Vec<BriefId> = results
        .iter()
        .map(|(path, outcome)| match outcome {
            FileOutcome::Imported { id, .. } => *id,
            other => panic!("{}: {other:?}", path.display()),
        })
        .collect();
    assert_eq!(store.briefs().unwrap().len(), 120);
    // The first and the last file stored are in the full-text index.
    for id in [ids[0], ids[119]] {
        let title = store.load(id).unwrap().brief.title;
        let hits = store.search(&title).unwrap();
        assert!(hits.iter().any(|h| h.brief_id == id), "{title}");
    }
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn briefs_an_older_parser_read_are_read_again_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    let (id, removed) = {
        let mut store = Store::open(&path).unwrap();
        let outcomes = import_bytes(&mut store, "sample.txt", SAMPLE.as_bytes());
        let FileOutcome::Imported { id, .. } = outcomes[0] else {
            panic!("{outcomes:?}")
        };
        let other = SAMPLE.replace("Medical equipment industry +", "Medical devices +");
        let outcomes = import_bytes(&mut store, "other.txt", other.as_bytes());
        let FileOutcome::Imported { id: removed, .. } = outcomes[0] else {
            panic!("{outcomes:?}")
        };
        store.remove(removed).unwrap();
        (id, removed)
    };
    // What an older parser left: a wrong title and series, no news, an old version number.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "UPDATE briefs SET title = '1. MIIT accelerates', series = 'MERICS TOP 5',
                 parser_version = 1;
             DELETE FROM news;",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.outdated_count().unwrap(), 2);
    let mut calls = Vec::new();
    let report = reparse_outdated(&mut store, |done, total| calls.push((done, total))).unwrap();
    assert_eq!(report, ReparseReport { reread: 2, kept: 0 });
    assert_eq!(calls.last(), Some(&(2, 2)));
    assert_eq!(store.outdated_count().unwrap(), 0);
    let brief = store.load(id).unwrap().brief;
    let fresh = crate::parse::parse_brief(SAMPLE).unwrap();
    assert_eq!(brief.title, fresh.title);
    assert_eq!(brief.series, fresh.series);
    assert_eq!(brief.news.len(), fresh.news.len());
    assert_eq!(brief.topics, fresh.topics);
    // The same brief, found by search, still the only one shown; the removed one stays
    // removed (its undo still works).
    let listed: Vec<_> = store.briefs().unwrap().into_iter().map(|b| b.id).collect();
    assert_eq!(listed, [id]);
    assert!(!store.search("Rainbow").unwrap().is_empty());
    store.restore(removed).unwrap();
    assert_eq!(store.briefs().unwrap().len(), 2);
    // Nothing left to do the second time.
    let again = reparse_outdated(&mut store, |_, _| panic!("no progress")).unwrap();
    assert_eq!(again, ReparseReport::default());
    // A file imported again after the re-read is the same brief.
    let outcomes = import_bytes(&mut store, "sample again.txt", SAMPLE.as_bytes());
    assert!(matches!(outcomes[0], FileOutcome::Duplicate { id: same, .. } if same == id));
}
