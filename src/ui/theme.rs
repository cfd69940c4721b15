//! Colours and spacing, in one place.

use egui::{Color32, Visuals};

/// Row height of the tables, in points.
pub const ROW_HEIGHT: f32 = 22.0;
/// Header height of the tables, in points.
pub const HEADER_HEIGHT: f32 = 24.0;
/// Space between blocks of the detail panel.
pub const BLOCK_GAP: f32 = 10.0;

/// Background of a search match inside a cell.
pub fn match_background(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(110, 90, 20)
    } else {
        Color32::from_rgb(255, 226, 130)
    }
}

/// Colour of secondary text: labels, counts, dates in the detail panel.
pub fn weak(visuals: &Visuals) -> Color32 {
    visuals.weak_text_color()
}

/// Colour of a failure in a report.
pub fn error(visuals: &Visuals) -> Color32 {
    visuals.error_fg_color
}

/// Applies the house style on top of egui's defaults.
pub fn apply(ctx: &egui::Context) {
    ctx.global_style_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
    });
}
