//! Timeline files: PNG or SVG by extension, drawn with plotters' own backends. Text needs a
//! registered font; the bundled CJK font (which also has Latin letters) serves.

use std::path::Path;
use std::sync::OnceLock;

use plotters::prelude::*;

use super::timeline::{ChartStyle, draw_timeline, header_height};
use crate::library::Library;
use crate::timeline::{Geometry, LaneMode, Layout, Mark, TimeScale, assign_lanes};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0:?} is neither .png nor .svg")]
    UnknownFormat(String),
    #[error("the bundled font could not be loaded for drawing")]
    Font,
    #[error("drawing failed: {0}")]
    Draw(String),
    #[error("could not write {path:?}: {source}")]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// The family name the bundled font is registered under.
pub const FONT_FAMILY: &str = "sans-serif";

/// Registers the bundled font with plotters once per process.
fn register_font() -> Result<(), ExportError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        plotters::style::register_font(FONT_FAMILY, FontStyle::Normal, crate::app::CJK_FONT).is_ok()
    });
    if ok { Ok(()) } else { Err(ExportError::Font) }
}

fn draw_error(e: impl std::fmt::Display) -> ExportError {
    ExportError::Draw(e.to_string())
}

/// The timeline as SVG text.
pub fn render_svg(
    layout: &Layout,
    marks: &[Mark],
    lib: &Library,
    style: &ChartStyle,
) -> Result<String, ExportError> {
    register_font()?;
    let mut svg = String::new();
    {
        let size = (layout.geometry.width as u32, layout.geometry.height as u32);
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_timeline(&root, layout, marks, lib, style, None).map_err(draw_error)?;
        root.present().map_err(draw_error)?;
    }
    Ok(svg)
}

/// Draws `marks` over the span of `scale`, with lanes, a title naming the dates and a legend,
/// into `path` (.png or .svg). Returns how many marks fell inside the span.
pub fn export_marks(
    path: &Path,
    marks: &[Mark],
    lib: &Library,
    lanes: LaneMode,
    scale: TimeScale,
    (width, height): (u32, u32),
    base: ChartStyle,
) -> Result<usize, ExportError> {
    let (names, lane_of) = assign_lanes(lib, marks, lanes);
    let range = scale
        .dates()
        .map(|(a, b)| format!(" — {a} to {b}"))
        .unwrap_or_default();
    let style = ChartStyle {
        title: Some(format!("Briefdesk timeline{range}")),
        ..base
    };
    let mut geometry = Geometry::new(width as f32, height as f32);
    geometry.top = header_height(&style);
    let layout = Layout::new(marks, &names, &lane_of, scale, geometry);
    export_timeline(path, &layout, marks, lib, &style)?;
    Ok(layout.visible)
}

/// Writes the timeline to `path` (.png or .svg), through a temporary file so a failed export
/// never leaves half a file behind.
pub fn export_timeline(
    path: &Path,
    layout: &Layout,
    marks: &[Mark],
    lib: &Library,
    style: &ChartStyle,
) -> Result<(), ExportError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let tmp = path.with_extension(format!("partial.{extension}"));
    let write_error = |source| ExportError::Write {
        path: path.to_owned(),
        source,
    };
    match extension.as_str() {
        "svg" => {
            let svg = render_svg(layout, marks, lib, style)?;
            std::fs::write(&tmp, svg).map_err(write_error)?;
        }
        "png" => {
            register_font()?;
            let size = (layout.geometry.width as u32, layout.geometry.height as u32);
            let root = BitMapBackend::new(&tmp, size).into_drawing_area();
            draw_timeline(&root, layout, marks, lib, style, None).map_err(draw_error)?;
            root.present().map_err(draw_error)?;
        }
        _ => return Err(ExportError::UnknownFormat(path.display().to_string())),
    }
    std::fs::rename(&tmp, path).map_err(write_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Filter;
    use crate::library::tests::two_briefs;
    use crate::timeline::{Geometry, LaneMode, assign_lanes, collect_marks};

    fn sample_layout(width: f32) -> (Layout, Vec<Mark>, Library, ChartStyle) {
        let lib = two_briefs();
        let marks = collect_marks(&lib, &Filter::default());
        let (names, lanes) = assign_lanes(&lib, &marks, LaneMode::Kind);
        let style = ChartStyle {
            title: Some("Briefdesk timeline".into()),
            ..ChartStyle::light()
        };
        let mut geometry = Geometry::new(width, 520.0);
        geometry.top = crate::chart::header_height(&style);
        let scale = crate::timeline::fit_marks(&marks).unwrap();
        (
            Layout::new(&marks, &names, &lanes, scale, geometry),
            marks,
            lib,
            style,
        )
    }

    #[test]
    fn svg_has_a_marker_and_a_label_for_every_policy_and_news_item() {
        let (layout, marks, lib, style) = sample_layout(6000.0);
        assert!(
            layout.clusters.iter().all(|c| c.members.len() == 1),
            "wide enough to split"
        );
        let svg = render_svg(&layout, &marks, &lib, &style).unwrap();
        // Markers: circles (policies), triangles (policy news), squares (corporate), diamonds.
        let circles = svg.matches("<circle").count();
        let polygons = svg.matches("<polygon").count();
        let rects = svg.matches("<rect").count();
        assert!(circles >= 5, "{circles} circles");
        assert!(polygons >= 7 + 2, "{polygons} polygons");
        assert!(rects >= 9, "{rects} rects");
        for mark in &marks {
            let title = mark.texts(&lib).title;
            let start: String = title.chars().take(8).collect();
            let escaped = start
                .replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;");
            assert!(svg.contains(&escaped), "no label for {title:?}");
        }
        for label in [
            "Policy document",
            "Policy news",
            "Corporate news",
            "Briefdesk timeline",
            "Feb",
        ] {
            assert!(svg.contains(label), "{label}");
        }
    }

    #[test]
    fn png_export_writes_a_picture_and_refuses_other_extensions() {
        let (layout, marks, lib, style) = sample_layout(900.0);
        let dir = tempfile::tempdir().unwrap();
        let png = dir.path().join("t.png");
        export_timeline(&png, &layout, &marks, &lib, &style).unwrap();
        let bytes = std::fs::read(&png).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let svg = dir.path().join("t.svg");
        export_timeline(&svg, &layout, &marks, &lib, &style).unwrap();
        assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
        let err =
            export_timeline(&dir.path().join("t.gif"), &layout, &marks, &lib, &style).unwrap_err();
        assert!(matches!(err, ExportError::UnknownFormat(_)));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no partial files left"
        );
    }
}
