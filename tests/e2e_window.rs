//! The real binary in a real window: a fresh library, an import from the command line, and
//! screenshots of two views that must show the app. Needs a display, so CI runs it under
//! Xvfb: `xvfb-run -a cargo test --test e2e_window -- --ignored`.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_briefdesk");

fn run(library: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("--library")
        .arg(library)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

/// Distinct colours, and how many pixels of the top bar are bright (text) or dark (text).
fn look_at(path: &Path) -> (u32, u32, usize, usize) {
    let image = image::open(path).expect("a PNG").to_rgba8();
    let (w, h) = image.dimensions();
    let mut colours = std::collections::HashSet::new();
    for pixel in image.pixels().step_by(7) {
        colours.insert(pixel.0);
    }
    let contrast = (0..w)
        .flat_map(|x| (4..24).map(move |y| (x, y)))
        .filter(|&(x, y)| {
            let [r, g, b, _] = image.get_pixel(x, y).0;
            let luma = (u32::from(r) * 3 + u32::from(g) * 6 + u32::from(b)) / 10;
            !(40..=215).contains(&luma)
        })
        .count();
    (w, h, colours.len(), contrast)
}

#[test]
#[ignore = "needs a display: CI runs it under xvfb-run with --ignored"]
fn the_real_window_starts_imports_and_draws() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.sqlite");
    let out = run(
        &library,
        &[
            "import",
            "seeds/merics-china-industries-2021-02.txt",
            "tests/fixtures/briefs/valid/german-header.txt",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("german-header.txt: Rare earth magnets"),
        "{text}"
    );

    let mut pictures = Vec::new();
    for view in ["policies", "timeline"] {
        let png = dir.path().join(format!("{view}.png"));
        let out = run(
            &library,
            &[
                "--screenshot",
                png.to_str().unwrap(),
                "--view",
                view,
                "--size",
                "1280x800",
            ],
        );
        assert!(
            out.status.success(),
            "{view}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("(1280x800)"));
        let (w, h, colours, contrast) = look_at(&png);
        assert_eq!((w, h), (1280, 800), "{view}: the requested size");
        assert!(
            colours > 40,
            "{view}: only {colours} colours, the window looks blank"
        );
        assert!(
            contrast > 500,
            "{view}: the toolbar shows no text ({contrast} contrasting pixels)"
        );
        pictures.push(std::fs::read(&png).unwrap());
    }
    assert_ne!(pictures[0], pictures[1], "the two views look different");
    let stored = std::fs::metadata(&library).unwrap().len();
    assert!(stored > 0);
}
