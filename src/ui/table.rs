//! The table of the current view: virtualised rows over the app's cached order, sortable
//! headers, selection, and search matches highlighted.

use egui_extras::{Column, TableBuilder};

use super::highlight::highlighted;
use super::theme::{HEADER_HEIGHT, ROW_HEIGHT};
use crate::command::Command;
use crate::library::{Align, Library, Row, SortState, View, columns};

/// What the table shows this frame.
pub struct TableInput<'a> {
    pub lib: &'a Library,
    pub view: View,
    /// The rows in display order (filtered and sorted).
    pub order: &'a [Row],
    /// Position of the selected row in `order`.
    pub selected: Option<usize>,
    pub sort: &'a SortState,
    /// Lower-case search terms to highlight.
    pub terms: &'a [String],
}

/// The table's own UI state.
#[derive(Default)]
pub struct TableView {
    scroll_to: Option<usize>,
}

impl TableView {
    /// Scroll so that display row `index` is visible on the next frame.
    pub fn scroll_to(&mut self, index: usize) {
        self.scroll_to = Some(index);
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, input: &TableInput<'_>, commands: &mut Vec<Command>) {
        let cols = columns(input.view);
        let widths = fitted_widths(
            cols.iter().map(|c| (c.width, c.align == Align::Text)),
            // Room for the vertical scroll bar, which comes and goes with the rows.
            ui.available_width() - ui.spacing().scroll.allocated_width() - 4.0,
            ui.spacing().item_spacing.x,
        );
        let mut builder = TableBuilder::new(ui)
            .id_salt(("table", input.view))
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .max_scroll_height(f32::INFINITY);
        for (i, width) in widths.iter().enumerate() {
            let column = if i + 1 == cols.len() {
                Column::remainder().at_least(60.0)
            } else {
                Column::initial(*width).at_least(28.0)
            };
            builder = builder.column(column.clip(true));
        }
        if let Some(index) = self.scroll_to.take() {
            builder = builder.scroll_to_row(index, None);
        }
        builder
            .header(HEADER_HEIGHT, |mut header| {
                for (i, col) in cols.iter().enumerate() {
                    header.col(|ui| header_cell_ui(ui, col.title, i, input.sort, commands));
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, input.order.len(), |mut row| {
                    let index = row.index();
                    let data = input.order[index];
                    row.set_selected(input.selected == Some(index));
                    for (c, col) in cols.iter().enumerate() {
                        row.col(|ui| {
                            cell_ui(
                                ui,
                                &input.lib.cell(input.view, data, c),
                                col.align,
                                input.terms,
                            );
                        });
                    }
                    let response = row.response();
                    if response.clicked() {
                        commands.push(Command::Select(input.lib.key(input.view, data)));
                    }
                    if response.double_clicked() {
                        commands.push(Command::ShowDetail(true));
                    }
                });
            });
    }
}

/// The columns' first widths: as designed when they fit `available` points, else the text
/// columns shrunk in proportion (dates and numbers keep theirs, never below [`MIN_WIDTH`]) so
/// that they all do: every column is on screen at first, long texts end in an ellipsis and
/// show whole on hover. Widths the user drags are kept by the table itself; only then may a
/// horizontal scroll bar appear. `designed` gives each column's width and whether it may
/// shrink.
fn fitted_widths(
    designed: impl Iterator<Item = (f32, bool)>,
    available: f32,
    spacing: f32,
) -> Vec<f32> {
    let designed: Vec<(f32, bool)> = designed.collect();
    let room = available - spacing * designed.len() as f32;
    let mut widths: Vec<f32> = designed.iter().map(|(w, _)| *w).collect();
    // Columns held at the least width leave the rest to share what remains: a few rounds
    // settle it.
    for _ in 0..4 {
        let total: f32 = widths.iter().sum();
        if total <= room {
            break;
        }
        let flexible: f32 = widths
            .iter()
            .zip(&designed)
            .filter(|(w, (_, shrinks))| *shrinks && **w > MIN_WIDTH)
            .map(|(w, _)| *w)
            .sum();
        if flexible <= 0.0 {
            break;
        }
        let scale = ((room - (total - flexible)) / flexible).max(0.0);
        for (w, (d, shrinks)) in widths.iter_mut().zip(&designed) {
            if *shrinks && *w > MIN_WIDTH {
                *w = (*w * scale).max(MIN_WIDTH.min(*d));
            }
        }
    }
    widths
}

/// The narrowest a column starts.
const MIN_WIDTH: f32 = 44.0;

fn header_cell_ui(
    ui: &mut egui::Ui,
    title: &str,
    column: usize,
    sort: &SortState,
    commands: &mut Vec<Command>,
) {
    let button = egui::Button::new(egui::RichText::new(title).strong()).frame(false);
    if ui
        .add(button)
        .on_hover_text("Sort by this column; click again to reverse")
        .clicked()
    {
        commands.push(Command::SortBy(column));
    }
    if let Some(key) = sort.primary().filter(|k| k.column == column) {
        ui.label(if key.ascending { "↑" } else { "↓" });
    }
}

fn cell_ui(ui: &mut egui::Ui, text: &str, align: Align, terms: &[String]) {
    let label = egui::Label::new(highlighted(ui, text, terms))
        .truncate()
        .selectable(false);
    if align == Align::Number {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.add(label);
        });
    } else {
        ui.add(label);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::View;

    #[test]
    fn every_view_fits_a_default_window() {
        // The table's share of a 1280-point window with the filters and detail panels open.
        let available = 1280.0 - 220.0 - 240.0;
        for view in View::ALL {
            let cols = columns(view);
            let widths = fitted_widths(
                cols.iter().map(|c| (c.width, c.align == Align::Text)),
                available,
                8.0,
            );
            let used: f32 = widths.iter().sum::<f32>() + 8.0 * widths.len() as f32;
            assert!(used <= available + 1.0, "{view:?}: {used} > {available}");
            assert!(widths.iter().all(|w| *w >= MIN_WIDTH.min(28.0)), "{view:?}");
        }
        // Room to spare: the designed widths, untouched.
        assert_eq!(
            fitted_widths([(100.0, true), (50.0, false)].into_iter(), 2000.0, 8.0),
            [100.0, 50.0]
        );
        // Short of room: the text shrinks, the date keeps its width.
        let w = fitted_widths([(90.0, false), (400.0, true)].into_iter(), 300.0, 0.0);
        assert_eq!(w[0], 90.0);
        assert!((w[1] - 210.0).abs() < 0.5, "{w:?}");
    }
}
