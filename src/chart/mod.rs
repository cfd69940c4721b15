//! Charts, drawn with plotters: on egui through our own backend, and to PNG and SVG files.

pub mod egui_backend;
pub mod export;
pub mod timeline;

pub use export::{ExportError, export_marks, export_timeline, render_svg};
pub use timeline::{ChartStyle, draw_timeline, header_height};
