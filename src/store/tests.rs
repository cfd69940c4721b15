use super::*;
use crate::model::Brief;
use crate::parse::parse_brief;

const SAMPLE: &str = include_str!("../../seeds/merics-china-industries-2021-02.txt");

fn sample() -> Brief {
    parse_brief(SAMPLE).unwrap()
}

fn file<'a>(name: &'a str, bytes: &'a [u8], key: &'a str) -> SourceFile<'a> {
    SourceFile {
        name,
        bytes,
        content_key: key,
    }
}

#[test]
fn import_then_load_gives_the_same_brief() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(store.is_new().unwrap());
    let brief = sample();
    let outcome = store
        .import(&file("sample.txt", SAMPLE.as_bytes(), "k1"), &brief)
        .unwrap();
    let ImportOutcome::Imported(id) = outcome else {
        panic!("{outcome:?}")
    };
    let stored = store.load(id).unwrap();
    assert_eq!(stored.brief, brief);
    assert_eq!(stored.file_name, "sample.txt");
    assert_eq!(store.original(id).unwrap().1, SAMPLE.as_bytes());
    let list = store.briefs().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].topics, list[0].policies, list[0].news), (5, 4, 15));
    assert_eq!(list[0].period.as_deref(), Some("2021-02"));
}

#[test]
fn same_content_twice_is_a_duplicate() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = sample();
    let first = store.import(&file("a.txt", b"x", "same"), &brief).unwrap();
    let second = store.import(&file("b.txt", b"y", "same"), &brief).unwrap();
    let ImportOutcome::Imported(id) = first else {
        panic!()
    };
    assert_eq!(second, ImportOutcome::Duplicate(id));
    assert_eq!(store.briefs().unwrap().len(), 1);
}

#[test]
fn remove_hides_and_restore_brings_back() {
    let mut store = Store::open_in_memory().unwrap();
    let ImportOutcome::Imported(id) = store.import(&file("a", b"x", "k"), &sample()).unwrap()
    else {
        panic!()
    };
    store.remove(id).unwrap();
    assert!(store.briefs().unwrap().is_empty());
    assert!(store.search("医疗").unwrap().is_empty());
    assert!(matches!(store.remove(id), Err(StoreError::NoSuchBrief(_))));
    store.restore(id).unwrap();
    assert_eq!(store.briefs().unwrap().len(), 1);
    assert!(!store.search("医疗").unwrap().is_empty());
}

#[test]
fn search_finds_chinese_words_long_and_short() {
    let mut store = Store::open_in_memory().unwrap();
    store.import(&file("a", b"x", "k"), &sample()).unwrap();
    for query in ["医疗装备", "医疗"] {
        let hits = store.search(query).unwrap();
        assert!(
            hits.iter()
                .any(|h| h.kind == SearchKind::Policy && h.topic_number == Some(2)),
            "{query}: {hits:?}"
        );
    }
    let hits = store.search("semiconductor huawei").unwrap();
    assert!(hits.iter().all(|h| {
        let t = h.text.to_lowercase();
        t.contains("semiconductor") && t.contains("huawei")
    }));
    assert!(!hits.is_empty());
    let news = store.search("SVOLT").unwrap();
    assert_eq!(news.len(), 1);
    assert_eq!(news[0].news_date.as_deref(), Some("2021-02-19"));
    assert!(store.search("nothing-like-this").unwrap().is_empty());
    assert!(store.search("50%").unwrap().is_empty());
    assert!(store.search("\"quoted").is_ok());
}

#[test]
fn library_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/library.sqlite");
    let brief = sample();
    {
        let mut store = Store::open(&path).unwrap();
        store.import(&file("a", b"x", "k"), &brief).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
    let all = store.load_all().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].brief, brief);
    let hits = store.search("医疗").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].kind, hits[0].topic_number),
        (SearchKind::Policy, Some(2))
    );
}

#[test]
fn migrates_from_every_older_version() {
    for version in 0..CURRENT_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.sqlite");
        {
            let conn = Connection::open(&path).unwrap();
            let mut conn = conn;
            let tx = conn.transaction().unwrap();
            for step in 0..version {
                schema::MIGRATIONS_FOR_TESTS[step as usize](&tx).unwrap();
            }
            tx.pragma_update(None, "user_version", version).unwrap();
            tx.commit().unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
        store.import(&file("a", b"x", "k"), &sample()).unwrap();
    }
}

#[test]
fn refuses_a_newer_library() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", CURRENT_VERSION + 1)
            .unwrap();
    }
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{err}");
    assert!(err.to_string().contains("newer Briefdesk"));
}

#[test]
fn garbage_file_is_not_a_library() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    std::fs::write(&path, vec![0x5a; 8192]).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::NotALibrary { .. }), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        vec![0x5a; 8192],
        "file untouched"
    );
}

#[test]
fn a_version_1_library_keeps_its_briefs_through_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite");
    {
        let mut conn = Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        schema::MIGRATIONS_FOR_TESTS[0](&tx).unwrap();
        tx.execute_batch(
            "INSERT INTO files (id, name, sha256, bytes) VALUES (1, 'old.txt', 'x', x'41');
             INSERT INTO briefs (id, file_id, content_key, title, period, authors, notes, warnings,
                                 parser_version, imported_at)
             VALUES (1, 1, 'k', 'An old brief', '2020-05', '[]', '[]', '[]', 1, '2020-06-01T00:00:00Z');",
        )
        .unwrap();
        tx.pragma_update(None, "user_version", 1).unwrap();
        tx.commit().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
    let all = store.load_all().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].brief.title, "An old brief");
    assert_eq!(
        store.original(all[0].id).unwrap(),
        ("old.txt".to_owned(), b"A".to_vec())
    );
}

#[test]
fn refusing_a_newer_library_leaves_the_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", CURRENT_VERSION + 5)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    assert!(Store::open(&path).is_err());
    assert!(std::fs::read(&path).unwrap() == before);
}

#[test]
fn loading_everything_at_once_gives_what_loading_one_by_one_gives() {
    let dir = tempfile::tempdir().unwrap();
    // In memory (one connection) and on disk (topics read on a second connection).
    load_all_matches_load(Store::open_in_memory().unwrap());
    load_all_matches_load(Store::open(&dir.path().join("lib.sqlite")).unwrap());
}

fn load_all_matches_load(mut store: Store) {
    let mut ids = Vec::new();
    for i in 0..6 {
        let brief = crate::generate::stored_brief(i, 11).brief;
        let key = format!("k{i}");
        let bytes = format!("brief {i}");
        match store
            .import(&file("g.txt", bytes.as_bytes(), &key), &brief)
            .unwrap()
        {
            ImportOutcome::Imported(id) => ids.push(id),
            other => panic!("{other:?}"),
        }
    }
    store.remove(ids[2]).unwrap();
    let all = store.load_all().unwrap();
    let expected: Vec<_> = ids
        .iter()
        .filter(|id| **id != ids[2])
        .map(|id| store.load(*id).unwrap())
        .collect();
    assert_eq!(all.len(), 5);
    assert_eq!(all, expected);
    assert!(
        all.iter()
            .all(|s| !s.brief.topics.is_empty() && !s.brief.news.is_empty())
    );
}

#[test]
fn analyses_are_kept_per_brief_and_follow_removal() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = sample();
    let ImportOutcome::Imported(id) = store
        .import(&file("sample.txt", SAMPLE.as_bytes(), "k1"), &brief)
        .unwrap()
    else {
        panic!("not imported")
    };
    assert!(store.analyses().unwrap().is_empty(), "none made yet");
    let analysis = crate::analysis::analyse(&brief);
    store.save_analyses(&[(id, &analysis)]).unwrap();
    assert_eq!(store.analyses().unwrap().get(&id), Some(&analysis));
    // A removed brief's analysis is not shown; undo brings it back with the brief.
    store.remove(id).unwrap();
    assert!(store.analyses().unwrap().is_empty());
    store.restore(id).unwrap();
    assert_eq!(store.analyses().unwrap().len(), 1);
}
