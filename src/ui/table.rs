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
        let mut builder = TableBuilder::new(ui)
            .id_salt(("table", input.view))
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .max_scroll_height(f32::INFINITY);
        for (i, col) in cols.iter().enumerate() {
            let column = if i + 1 == cols.len() {
                Column::remainder().at_least(60.0)
            } else {
                Column::initial(col.width).at_least(28.0)
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
