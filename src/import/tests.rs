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
    let crlf = SAMPLE.replace('\n', "\r\n");
    assert_eq!(content_key(SAMPLE), content_key(&crlf));
    assert_eq!(
        content_key(SAMPLE),
        content_key(&format!("\u{feff}{SAMPLE}"))
    );
    assert_ne!(
        content_key(SAMPLE),
        content_key(&SAMPLE.replace("MIIT", "MOT"))
    );
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
        |done, total, _| seen.push((done, total)),
    );
    let summary: Vec<String> = results
        .iter()
        .map(|(p, o)| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            match o {
                FileOutcome::Imported { .. } => format!("{name}: imported"),
                FileOutcome::Duplicate { .. } => format!("{name}: duplicate"),
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
            "latin1.txt: it is not text in UTF-8 or UTF-16 (invalid UTF-8 at byte 3)",
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
}

#[test]
fn utf16_with_bom_decodes() {
    let mut bytes = vec![0xff, 0xfe];
    for unit in "医疗 plan".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    assert_eq!(decode_text(&bytes).unwrap(), "医疗 plan");
}
