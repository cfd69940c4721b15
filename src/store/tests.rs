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
        let hits = store.search("医疗装备").unwrap();
        assert_eq!(hits.len(), 1, "from version {version}: {hits:?}");
        assert_eq!(hits[0].topic_number, Some(2));
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

/// A library as version 2 wrote it: its full-text index filled, field by field, by the trigger
/// on `search_text`.
fn version_2_library(path: &std::path::Path) {
    let mut conn = Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    for step in &schema::MIGRATIONS_FOR_TESTS[..2] {
        step(&tx).unwrap();
    }
    tx.execute_batch(
        "INSERT INTO files (id, name, sha256, bytes) VALUES (1, 'old.txt', 'x', x'41'), (2, 'gone.txt', 'y', x'42');
         INSERT INTO briefs (id, file_id, content_key, title, period, authors, notes, warnings,
                             parser_version, imported_at, removed_at)
         VALUES (1, 1, 'k1', 'Health + Batteries', '2021-02', '[]', '[]', '[]', 1, '2021-03-01T00:00:00Z', NULL),
                (2, 2, 'k2', 'Removed brief', '2021-03', '[]', '[]', '[]', 1, '2021-04-01T00:00:00Z', '2021-05-01T00:00:00Z');
         INSERT INTO topics (id, brief_id, ord, number, headline, at_a_glance, points, events, comment,
                             has_policy, policy_name, policy_name_zh, issuing_body, policy_date)
         VALUES (10, 1, 0, 2, 'Medical equipment', 'A plan for hospitals', '[]', '[]', 'MIIT leads.',
                 1, 'Medical Equipment Plan', '医疗装备产业发展规划', 'MIIT', '2021-02-09'),
                (20, 2, 0, 1, 'Medical robots', '', '[]', '[]', '', 1, 'Robot plan', '医疗机器人', 'MIIT', NULL);
         INSERT INTO news (id, brief_id, ord, section, date, text, sources)
         VALUES (30, 1, 0, 'industrial_policy', '2021-02-19', 'Battery maker SVOLT signs an agreement', '[]');
         INSERT INTO search_text (brief_id, kind, item, field, text) VALUES
             (1, 'brief', NULL, 'title', 'Health + Batteries'),
             (1, 'topic', 10, 'headline', 'Medical equipment'),
             (1, 'topic', 10, 'at a glance', 'A plan for hospitals'),
             (1, 'policy', 10, '中文 name', '医疗装备产业发展规划'),
             (1, 'policy', 10, 'issuing body', 'MIIT'),
             (1, 'news', 30, 'text', 'Battery maker SVOLT signs an agreement'),
             (2, 'brief', NULL, 'title', 'Removed brief'),
             (2, 'policy', 20, '中文 name', '医疗机器人');",
    )
    .unwrap();
    tx.pragma_update(None, "user_version", 2).unwrap();
    tx.commit().unwrap();
}

#[test]
fn a_version_2_library_searches_the_same_after_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.sqlite");
    version_2_library(&path);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let found = |store: &Store, query: &str| -> Vec<(i64, SearchKind, Option<u32>, String)> {
        store
            .search(query)
            .unwrap()
            .into_iter()
            .map(|h| (h.brief_id.0, h.kind, h.topic_number, h.field))
            .collect()
    };
    let policy_zh = (1, SearchKind::Policy, Some(2), "中文 name".to_owned());
    assert_eq!(found(&store, "医疗装备"), std::slice::from_ref(&policy_zh));
    assert_eq!(
        found(&store, "医疗"),
        [policy_zh],
        "the removed brief stays hidden"
    );
    assert!(found(&store, "医疗机器人").is_empty(), "removed");
    assert_eq!(
        found(&store, "medical EQUIPMENT"),
        [(1, SearchKind::Topic, Some(2), "headline".to_owned())]
    );
    let news = store.search("svolt").unwrap();
    assert_eq!(news.len(), 1);
    assert_eq!(news[0].news_date.as_deref(), Some("2021-02-19"));
    // Restoring the removed brief makes it searchable again, without re-indexing.
    store.restore(BriefId(2)).unwrap();
    assert_eq!(found(&store, "医疗机器人").len(), 1);
    assert_eq!(found(&store, "医疗").len(), 2);
    // New imports are searched alongside the migrated briefs.
    let ImportOutcome::Imported(new) = store.import(&file("a", b"x", "k"), &sample()).unwrap()
    else {
        panic!()
    };
    let ids: Vec<i64> = found(&store, "医疗装备").iter().map(|h| h.0).collect();
    assert_eq!(ids, [1, new.0]);
}

#[test]
fn search_ignores_case_beyond_ascii_but_not_accents() {
    let mut store = Store::open_in_memory().unwrap();
    let mut brief = sample();
    brief.topics[0].comment = "Visit of the École Polytechnique; ДОКУМЕНТ signed.".to_owned();
    store.import(&file("a", b"x", "k"), &brief).unwrap();
    for query in [
        "école",
        "ÉCOLE",
        "polytechnique ÉCOLE",
        "документ",
        "Документ",
    ] {
        let hits = store.search(query).unwrap();
        assert_eq!(hits.len(), 1, "{query}: {hits:?}");
        assert_eq!(
            (hits[0].field.as_str(), hits[0].topic_number),
            ("comment", Some(1))
        );
    }
    assert!(store.search("ecole").unwrap().is_empty(), "accents count");
    assert!(
        store.search("école semiconductor").unwrap().is_empty(),
        "every term in the same field"
    );
}

#[test]
fn a_file_that_fails_in_a_batch_is_rolled_back_alone() {
    let mut store = Store::open_in_memory().unwrap();
    // Make storing one of the briefs fail half-way, after its file and brief rows.
    store
        .conn
        .execute_batch(
            "CREATE TEMP TRIGGER boom BEFORE INSERT ON news WHEN new.text LIKE '%SVOLT%'
             BEGIN SELECT RAISE(ABORT, 'boom'); END;",
        )
        .unwrap();
    let mut failing = sample();
    failing.title = "Failing".to_owned();
    failing.topics[0].comment = "Uniquely failing comment".to_owned();
    let mut good = sample();
    good.news.retain(|n| !n.text.contains("SVOLT"));
    let mut other = good.clone();
    other.title = "Other".to_owned();
    let mut batch = store.begin_import().unwrap();
    let a = batch.import(&file("a", b"a", "ka"), &good).unwrap();
    assert!(batch.import(&file("b", b"b", "kb"), &failing).is_err());
    let c = batch.import(&file("c", b"c", "kc"), &other).unwrap();
    batch.commit().unwrap();
    assert!(matches!(
        (&a, &c),
        (ImportOutcome::Imported(_), ImportOutcome::Imported(_))
    ));
    let titles: Vec<String> = store
        .briefs()
        .unwrap()
        .into_iter()
        .map(|b| b.title)
        .collect();
    assert_eq!(titles, [good.title.clone(), "Other".to_owned()]);
    let count = |sql: &str| -> i64 { store.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM files"), 2);
    assert_eq!(
        count("SELECT count(*) FROM topics WHERE brief_id NOT IN (SELECT id FROM briefs)"),
        0
    );
    assert_eq!(count("SELECT count(DISTINCT brief_id) FROM search_text"), 2);
    assert_eq!(
        count("SELECT count(*) FROM search_fts"),
        2,
        "one index document per brief"
    );
    assert!(store.search("Uniquely failing").unwrap().is_empty());
    let hits = store.search("医疗装备").unwrap();
    assert_eq!(hits.len(), 2);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn a_batch_dropped_without_commit_stores_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    {
        let mut batch = store.begin_import().unwrap();
        batch.import(&file("a", b"a", "ka"), &sample()).unwrap();
    }
    assert!(store.is_new().unwrap());
    assert!(store.search("医疗装备").unwrap().is_empty());
    // The same content in a later batch is new, not a duplicate.
    let outcome = store.import(&file("a", b"a", "ka"), &sample()).unwrap();
    assert!(matches!(outcome, ImportOutcome::Imported(_)), "{outcome:?}");
    assert_eq!(store.search("医疗装备").unwrap().len(), 1);
}

#[test]
fn search_follows_versions_and_removal() {
    let mut store = Store::open_in_memory().unwrap();
    let first = sample();
    let mut corrected = sample();
    corrected.topics[0].points[2] =
        corrected.topics[0].points[2].replace("20 percent", "25 percent");
    let ImportOutcome::Imported(old) = store.import(&file("a", b"a", "k1"), &first).unwrap() else {
        panic!()
    };
    let ImportOutcome::Updated { id: new, .. } =
        store.import(&file("b", b"b", "k2"), &corrected).unwrap()
    else {
        panic!()
    };
    let briefs_with = |store: &Store, query: &str| -> Vec<BriefId> {
        let mut ids: Vec<BriefId> = store
            .search(query)
            .unwrap()
            .iter()
            .map(|h| h.brief_id)
            .collect();
        ids.dedup();
        ids
    };
    assert_eq!(briefs_with(&store, "25 percent"), [new]);
    assert!(
        briefs_with(&store, "least 20 percent").is_empty(),
        "the earlier version is hidden"
    );
    assert_eq!(
        briefs_with(&store, "医疗装备"),
        [new],
        "one version, not two"
    );
    store.make_current(old).unwrap();
    assert_eq!(briefs_with(&store, "least 20 percent"), [old]);
    assert!(briefs_with(&store, "25 percent").is_empty());
    store.remove(old).unwrap();
    assert!(briefs_with(&store, "医疗装备").is_empty());
    store.restore(old).unwrap();
    assert_eq!(briefs_with(&store, "医疗装备"), [old]);
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

#[test]
fn a_library_read_whole_shares_each_source_title() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = sample();
    store
        .import(&file("sample.txt", SAMPLE.as_bytes(), "k1"), &brief)
        .unwrap();
    let all = store.load_all().unwrap();
    assert_eq!(all[0].brief, brief, "the same brief as parsed");
    let sources: Vec<&crate::model::Source> =
        all[0].brief.news.iter().flat_map(|n| &n.sources).collect();
    let mut repeated = 0;
    for (i, a) in sources.iter().enumerate() {
        for b in &sources[i + 1..] {
            if a.title == b.title {
                assert!(std::sync::Arc::ptr_eq(&a.title, &b.title), "{}", a.title);
                repeated += 1;
            }
        }
    }
    assert!(repeated > 0, "the sample names some source twice");
}

/// Records what a [`NewsSink`] is given: each item's brief and text.
#[derive(Default)]
struct Recorded {
    items: Vec<(usize, String)>,
    restarts: usize,
}

impl crate::model::NewsSink for Recorded {
    fn push(&mut self, brief: usize, item: crate::model::NewsRow<'_>) {
        self.items.push((brief, item.text.to_owned()));
    }

    fn restart(&mut self) {
        self.items.clear();
        self.restarts += 1;
    }
}

#[test]
fn news_come_brief_by_brief_in_order_even_from_an_edited_table() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("lib.sqlite")).unwrap();
    let mut ids = Vec::new();
    for i in 0..4 {
        let brief = crate::generate::stored_brief(i, 7).brief;
        let (key, bytes) = (format!("k{i}"), format!("brief {i}"));
        match store.import(&file("g.txt", bytes.as_bytes(), &key), &brief) {
            Ok(ImportOutcome::Imported(id)) => ids.push(id),
            other => panic!("{other:?}"),
        }
    }
    store.remove(ids[1]).unwrap();
    let active = [ids[0], ids[2], ids[3]];
    let expected: Vec<(usize, String)> = (active.iter().enumerate())
        .flat_map(|(b, id)| {
            let news = store.load(*id).unwrap().brief.news;
            news.into_iter().map(move |n| (b, n.text))
        })
        .collect();
    assert!(expected.len() > 10);

    // As imported, the table lies in order: read once.
    let mut sink = Recorded::default();
    store.load_outline(&mut sink).unwrap();
    assert_eq!((&sink.items, sink.restarts), (&expected, 0));

    // The first brief's items moved to the end, the last brief's reversed.
    store
        .conn
        .execute_batch(&format!(
            "UPDATE news SET id = id + 1000000 WHERE brief_id = {};
             UPDATE news SET id = -id WHERE brief_id = {};",
            ids[0].0, ids[3].0
        ))
        .unwrap();
    let mut sink = Recorded::default();
    let outline = store.load_outline(&mut sink).unwrap();
    assert_eq!((&sink.items, sink.restarts), (&expected, 1));
    assert_eq!(outline.briefs.len(), 3);
    let all = store.load_all().unwrap();
    let texts: Vec<(usize, String)> = (all.iter().enumerate())
        .flat_map(|(b, s)| s.brief.news.iter().map(move |n| (b, n.text.clone())))
        .collect();
    assert_eq!(texts, expected);
}
