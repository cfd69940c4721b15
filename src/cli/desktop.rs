//! `briefdesk install-desktop` / `uninstall-desktop`: a launcher and icons under the user's XDG
//! data folder, so Briefdesk shows in the app menu and opens brief files with a double-click.

use std::path::{Path, PathBuf};

const DESKTOP_ENTRY: &str = include_str!("../../assets/briefdesk.desktop");
const SVG_ICON: &[u8] = include_bytes!("../../assets/briefdesk.svg");
const PNG_ICONS: &[(u32, &[u8])] = &[
    (16, include_bytes!("../../assets/icons/briefdesk-16.png")),
    (24, include_bytes!("../../assets/icons/briefdesk-24.png")),
    (32, include_bytes!("../../assets/icons/briefdesk-32.png")),
    (48, include_bytes!("../../assets/icons/briefdesk-48.png")),
    (64, include_bytes!("../../assets/icons/briefdesk-64.png")),
    (128, include_bytes!("../../assets/icons/briefdesk-128.png")),
    (256, include_bytes!("../../assets/icons/briefdesk-256.png")),
    (512, include_bytes!("../../assets/icons/briefdesk-512.png")),
];

/// The files the launcher consists of, under `data_dir` (e.g. `~/.local/share`).
fn files(data_dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let icons = data_dir.join("icons/hicolor");
    let mut out: Vec<(PathBuf, Vec<u8>)> = PNG_ICONS
        .iter()
        .map(|(size, bytes)| {
            (
                icons.join(format!("{size}x{size}/apps/briefdesk.png")),
                bytes.to_vec(),
            )
        })
        .collect();
    out.push((icons.join("scalable/apps/briefdesk.svg"), SVG_ICON.to_vec()));
    out
}

/// The desktop entry with `Exec` pointing at `exe`.
pub fn desktop_entry(exe: &Path) -> String {
    let exe = exe.display().to_string();
    let quoted = if exe.contains([' ', '"', '\'', '\\', '$', '`']) {
        format!(
            "\"{}\"",
            exe.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('$', "\\$")
                .replace('`', "\\`")
        )
    } else {
        exe.clone()
    };
    DESKTOP_ENTRY
        .lines()
        .map(|line| {
            if line.starts_with("Exec=") {
                format!("Exec={quoted} %F\nTryExec={exe}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn launcher(data_dir: &Path) -> PathBuf {
    data_dir.join("applications/briefdesk.desktop")
}

/// Writes the launcher and icons; returns the paths written.
pub fn install(data_dir: &Path, exe: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    let mut all = files(data_dir);
    all.push((launcher(data_dir), desktop_entry(exe).into_bytes()));
    for (path, bytes) in all {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, bytes)?;
        written.push(path);
    }
    refresh_caches(data_dir);
    Ok(written)
}

/// Removes what [`install`] wrote; returns the paths removed.
pub fn uninstall(data_dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    let mut all: Vec<PathBuf> = files(data_dir).into_iter().map(|(p, _)| p).collect();
    all.push(launcher(data_dir));
    for path in all {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => return Err(err),
        }
    }
    refresh_caches(data_dir);
    Ok(removed)
}

/// Tells the desktop about the change, where the tools exist; harmless where they do not.
fn refresh_caches(data_dir: &Path) {
    let run = |tool: &str, arg: PathBuf| {
        std::process::Command::new(tool)
            .arg(arg)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .ok();
    };
    run("update-desktop-database", data_dir.join("applications"));
    run("gtk-update-icon-cache", data_dir.join("icons/hicolor"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn install_then_uninstall_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let exe = Path::new("/opt/Brief Desk/briefdesk");
        let written = install(dir.path(), exe).unwrap();
        assert_eq!(written.len(), PNG_ICONS.len() + 2);
        let entry =
            std::fs::read_to_string(dir.path().join("applications/briefdesk.desktop")).unwrap();
        assert!(
            entry.contains("Exec=\"/opt/Brief Desk/briefdesk\" %F\n"),
            "{entry}"
        );
        assert!(entry.contains("MimeType=text/plain;text/markdown;text/html;"));
        assert!(
            dir.path()
                .join("icons/hicolor/256x256/apps/briefdesk.png")
                .exists()
        );
        let removed = uninstall(dir.path()).unwrap();
        assert_eq!(removed.len(), written.len());
        assert!(written.iter().all(|p| !p.exists()));
        assert!(
            uninstall(dir.path()).unwrap().is_empty(),
            "a second uninstall finds nothing"
        );
    }
}
