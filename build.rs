//! Embeds every file in `seeds/` into the binary: adding a sample brief needs no code change.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    embed_seeds();
    embed_windows_icon();
}

/// On Windows hosts building for Windows, puts the app icon into the .exe. Elsewhere nothing
/// happens and no extra tool is needed.
#[cfg(windows)]
fn embed_windows_icon() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    println!("cargo:rerun-if-changed=assets/icons/briefdesk.ico");
    let mut resource = winresource::WindowsResource::new();
    resource.set_icon("assets/icons/briefdesk.ico");
    if let Err(err) = resource.compile() {
        println!("cargo:warning=the Windows icon was not embedded: {err}");
    }
}

#[cfg(not(windows))]
fn embed_windows_icon() {}

fn embed_seeds() {
    println!("cargo:rerun-if-changed=seeds");
    // Read when the script runs, not baked in when it was compiled: a build script compiled
    // for one checkout and reused by another (a shared target folder) would embed none.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_owned());
    let dir = Path::new(&manifest).join("seeds");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    entries.sort();
    if entries.is_empty() {
        println!(
            "cargo:warning=no sample briefs in {}: a new library will start empty",
            dir.display()
        );
    }
    let mut code = String::from(
        "/// Sample briefs from `seeds/`: (file name, bytes).\npub static SEEDS: &[(&str, &[u8])] = &[\n",
    );
    for path in &entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .ok();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("seeds.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
