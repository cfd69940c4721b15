//! One frame: keyboard, panels in egui's order (top, bottom, left, right, centre), dropped
//! files, then windows.

use std::time::Duration;

use super::state::Screen;
use super::{App, UNDO_SECS, thousands};
use crate::command::Command;
use crate::library::View;
use crate::ui::detail::detail_ui;
use crate::ui::table::TableInput;
use crate::ui::timeline::TimelineAction;

const SEARCH_ID: &str = "search";

impl App {
    pub(super) fn frame_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        self.keyboard(ui.ctx(), commands);
        self.dropped_files(ui.ctx(), commands);
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui, commands));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui, commands));
        if self.state.show_facets {
            egui::Panel::left("facets")
                .resizable(true)
                .default_size(220.0)
                .min_size(160.0)
                .show(ui, |ui| {
                    let input = crate::ui::facets::FacetsInput {
                        lib: &self.lib,
                        view: self.state.view,
                        filter: &self.state.filter,
                        counts: &self.counts,
                        saved: &self.state.saved,
                    };
                    self.facets.ui(ui, input, commands);
                });
        }
        if self.state.show_detail {
            egui::Panel::right("detail")
                .resizable(true)
                .default_size(380.0)
                .min_size(240.0)
                .show(ui, |ui| {
                    self.ask_full_topic();
                    let full = self.selected_full_topic();
                    detail_ui(ui, &self.lib, self.selected.as_ref(), full, commands)
                });
        }
        let on_timeline = self.state.screen == Screen::Timeline;
        if self.state.show_strip && !on_timeline && self.loaded && !self.lib.is_empty() {
            egui::Panel::top("timeline_strip")
                .resizable(true)
                .default_size(130.0)
                .min_size(80.0)
                .show(ui, |ui| {
                    if self.marks_pending && self.timeline_data.marks.is_empty() {
                        ui.centered_and_justified(|ui| ui.spinner());
                        return;
                    }
                    let selected = self.selected.as_ref();
                    self.strip
                        .ui(ui, &self.timeline_data, selected, true, commands);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if on_timeline {
                self.timeline_screen_ui(ui, commands);
            } else {
                self.table_ui(ui, commands);
            }
        });
        self.hover_overlay(ui.ctx());
        self.windows(ui.ctx(), commands);
    }

    fn keyboard(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        use egui::{Key, Modifiers};
        let pressed = |m: Modifiers, k: Key| ctx.input_mut(|i| i.consume_key(m, k));
        if pressed(Modifiers::COMMAND, Key::F) {
            self.focus_search = true;
        }
        if pressed(Modifiers::COMMAND, Key::O) {
            commands.push(Command::PickFiles { folder: false });
        }
        if pressed(Modifiers::COMMAND, Key::Z) && self.undo.is_some() {
            commands.push(Command::UndoRemove);
        }
        if self.confirm_remove.is_some() {
            return;
        }
        if pressed(Modifiers::NONE, Key::ArrowDown) {
            self.move_selection(1);
        }
        if pressed(Modifiers::NONE, Key::ArrowUp) {
            self.move_selection(-1);
        }
        if pressed(Modifiers::NONE, Key::Enter) && self.selected.is_some() {
            commands.push(Command::ShowDetail(true));
        }
        if pressed(Modifiers::NONE, Key::Escape) {
            if self.state.filter.search.is_empty() {
                commands.push(Command::Select(None));
            } else {
                let mut filter = self.state.filter.clone();
                filter.search.clear();
                commands.push(Command::SetFilter(filter));
            }
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let dropped = ctx.input_mut(|i| std::mem::take(&mut i.raw.dropped_files));
        let paths: Vec<_> = dropped.iter().map(|f| f.path().to_owned()).collect();
        if !paths.is_empty() {
            commands.push(Command::Import(paths));
        }
    }

    fn hover_overlay(&self, ctx: &egui::Context) {
        let hovering = ctx.input(|i| i.raw.hovered_files.len());
        if hovering == 0 {
            return;
        }
        let layer = egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop_overlay"));
        let painter = ctx.layer_painter(layer);
        let rect = ctx.content_rect();
        painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(170));
        let what = if hovering == 1 {
            "1 file".to_owned()
        } else {
            format!("{hovering} files")
        };
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            format!("Import {what}"),
            egui::FontId::proportional(28.0),
            egui::Color32::WHITE,
        );
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.strong("Briefdesk");
            ui.separator();
            let mut search = self.state.filter.search.clone();
            let response = ui.add(
                egui::TextEdit::singleline(&mut search)
                    .id(egui::Id::unique(SEARCH_ID))
                    .hint_text("Search (Ctrl+F)")
                    .desired_width(260.0),
            );
            if std::mem::take(&mut self.focus_search) {
                response.request_focus();
            }
            if response.changed() {
                let mut filter = self.state.filter.clone();
                filter.search = search;
                commands.push(Command::SetFilter(filter));
            }
            ui.separator();
            ui.menu_button("Import", |ui| {
                if ui
                    .button("Files…")
                    .on_hover_text("Import brief files (Ctrl+O)")
                    .clicked()
                {
                    commands.push(Command::PickFiles { folder: false });
                }
                if ui
                    .button("Folder…")
                    .on_hover_text("Import every brief in a folder and its subfolders")
                    .clicked()
                {
                    commands.push(Command::PickFiles { folder: true });
                }
            });
            if ui
                .button("Export view…")
                .on_hover_text(
                    "Save this table's rows, filtered and sorted as shown, as CSV or JSON",
                )
                .clicked()
            {
                commands.push(Command::ExportView);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(self.state.theme.label()).clicked() {
                    commands.push(Command::ToggleDarkMode);
                }
                ui.toggle_value(&mut self.state.show_detail, "Detail");
                ui.toggle_value(&mut self.state.show_strip, "Strip")
                    .on_hover_text("A slim timeline above the tables");
                ui.toggle_value(&mut self.state.show_facets, "Filters");
            });
        });
        // The views on a row of their own: eight tables and the timeline need the width.
        ui.horizontal_wrapped(|ui| {
            let on_table = self.state.screen == Screen::Table;
            for view in View::ALL {
                let current = on_table && self.state.view == view;
                if ui.selectable_label(current, view.label()).clicked() {
                    commands.push(Command::SetView(view));
                }
            }
            ui.separator();
            if ui.selectable_label(!on_table, "Timeline").clicked() {
                commands.push(Command::ShowTimeline);
            }
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let view = self.state.view;
            let total = self.lib.rows(view).len();
            if self.order_view == Some(view) {
                ui.label(format!(
                    "{} of {} {}",
                    thousands(self.order.len()),
                    thousands(total),
                    view.noun()
                ));
            }
            if self.is_querying() {
                ui.spinner();
                ui.weak("Searching…");
            }
            if let Some((done, total)) = self.analysing {
                ui.add(
                    egui::ProgressBar::new(done as f32 / total.max(1) as f32).desired_width(120.0),
                );
                ui.weak(format!(
                    "Finding targets, figures and organisations: {done}/{total} briefs…"
                ));
            }
            if let Some((done, total)) = self.rereading {
                ui.add(
                    egui::ProgressBar::new(done as f32 / total.max(1) as f32).desired_width(120.0),
                );
                ui.weak(format!(
                    "Reading {done}/{total} briefs again with this version's parser…"
                ));
            }
            if !self.lib.is_searchable() {
                ui.spinner();
                ui.weak("Reading the topics' full text; search covers it in a moment…");
            }
            ui.separator();
            ui.weak(self.library_path.display().to_string());
            if let Some((done, total, current)) = &self.progress {
                ui.separator();
                ui.add(
                    egui::ProgressBar::new(*done as f32 / (*total).max(1) as f32)
                        .desired_width(120.0),
                );
                ui.label(format!("{done}/{total} {}", current.display()));
                if ui
                    .button("Cancel")
                    .on_hover_text("Stop after this file; what is imported stays")
                    .clicked()
                {
                    commands.push(Command::CancelImport);
                }
            }
            if let Some(undo) = &self.undo {
                if undo.at.elapsed() < Duration::from_secs(UNDO_SECS) {
                    ui.separator();
                    ui.label(format!("Removed “{}”.", undo.title));
                    if ui
                        .button("Undo")
                        .on_hover_text("Bring the brief back (Ctrl+Z)")
                        .clicked()
                    {
                        commands.push(Command::UndoRemove);
                    }
                    ui.ctx().request_repaint_after(Duration::from_secs(1));
                } else {
                    self.undo = None;
                }
            }
            if let Some((_, search)) = &self.deleted_search {
                ui.separator();
                ui.label(format!("Deleted the saved search “{}”.", search.name));
                if ui.button("Undo").clicked() {
                    commands.push(Command::UndoDeleteSaved);
                }
            }
            if let Some(status) = &self.status {
                ui.separator();
                ui.label(status);
            }
            if self.whats_new.is_some()
                && ui
                    .small_button("What's new")
                    .on_hover_text("New policies, targets and organisations from the last import")
                    .clicked()
            {
                self.show_whats_new = true;
            }
            if let Some(report) = &self.report {
                if ui.small_button("Report").clicked() {
                    self.show_report = true;
                }
                let added = report
                    .iter()
                    .any(|l| matches!(l.outcome, "imported" | "updated"));
                if added
                    && ui
                        .small_button("Undo import")
                        .on_hover_text(
                            "Remove what this import added and bring back what it replaced",
                        )
                        .clicked()
                {
                    commands.push(Command::UndoImport);
                }
            }
        });
    }

    fn timeline_screen_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lanes_before = self.state.lanes;
        let action = self.timeline.toolbar_ui(
            ui,
            &self.timeline_data,
            &mut self.state.lanes,
            &self.state.filter,
            commands,
        );
        if self.state.lanes != lanes_before {
            self.dirty = true;
        }
        ui.separator();
        if self.marks_pending && self.timeline_data.marks.is_empty() {
            ui.centered_and_justified(|ui| ui.spinner());
            return;
        }
        self.timeline.ui(
            ui,
            &self.timeline_data,
            self.selected.as_ref(),
            false,
            commands,
        );
        if let Some(TimelineAction::Export { visible_only }) = action {
            self.export_timeline(ui.visuals().dark_mode, visible_only);
        }
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if let Some(message) = &self.fatal {
            ui.vertical_centered(|ui| {
                ui.add_space(80.0);
                ui.heading("The library cannot be opened");
                ui.add_space(8.0);
                ui.label(message.as_str());
            });
            return;
        }
        if !self.loaded {
            ui.centered_and_justified(|ui| ui.spinner());
            return;
        }
        if self.lib.is_empty() {
            ui.centered_and_justified(|ui| {
                ui.heading("Drop brief files here or press Import");
            });
            return;
        }
        if self.order_view != Some(self.state.view) {
            ui.centered_and_justified(|ui| {
                ui.spinner();
            });
            return;
        }
        if self.order.is_empty() && !self.is_querying() {
            ui.centered_and_justified(|ui| {
                ui.label(format!(
                    "No {} match the search and filters. Press Esc to clear the search.",
                    self.state.view.noun()
                ));
            });
            return;
        }
        let terms = self.state.filter.terms();
        let default_sort = Default::default();
        let input = TableInput {
            lib: &self.lib,
            view: self.state.view,
            order: &self.order,
            selected: self.selected_pos,
            sort: self
                .state
                .sorts
                .get(&self.state.view)
                .unwrap_or(&default_sort),
            terms: &terms,
        };
        egui::ScrollArea::horizontal()
            .auto_shrink([false, false])
            .show(ui, |ui| self.table.ui(ui, &input, commands));
    }

    fn windows(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some((id, title)) = &self.confirm_remove {
            let modal = egui::Modal::new(egui::Id::unique("confirm_remove")).show(ctx, |ui| {
                ui.heading("Remove this brief?");
                ui.label(title.as_str());
                ui.weak("You can undo this from the status bar.");
                ui.horizontal(|ui| {
                    if ui.button("Remove").clicked() {
                        commands.push(Command::Remove(*id));
                    }
                    ui.button("Cancel").clicked()
                })
                .inner
            });
            if modal.inner || modal.should_close() {
                self.confirm_remove = None;
            }
        }
        if let Some((name, text)) = &self.original {
            let mut open = true;
            egui::Window::new(format!("Original: {name}"))
                .open(&mut open)
                .default_size([640.0, 520.0])
                .show(ctx, |ui| {
                    egui::ScrollArea::both().show(ui, |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut text.as_str())
                                .code_editor()
                                .desired_width(f32::INFINITY),
                        );
                    });
                });
            if !open {
                self.original = None;
            }
        }
        if self.show_whats_new
            && let Some(new) = &self.whats_new
        {
            let mut open = true;
            egui::Window::new("What's new")
                .open(&mut open)
                .default_size([560.0, 420.0])
                .show(ctx, |ui| whats_new_ui(ui, &self.lib, new, commands));
            self.show_whats_new = open;
        }
        if self.show_report
            && let Some(report) = &self.report
        {
            let mut open = true;
            egui::Window::new("Import report")
                .open(&mut open)
                .default_size([600.0, 320.0])
                .show(ctx, |ui| {
                    report_ui(ui, report, commands);
                });
            self.show_report = open;
        }
    }
}

fn report_ui(ui: &mut egui::Ui, report: &[super::ReportLine], commands: &mut Vec<Command>) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::Grid::new("report")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                for line in report {
                    let name = line.path.file_name().map_or_else(
                        || line.path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    ui.label(name)
                        .on_hover_text(line.path.display().to_string());
                    if line.outcome == "failed" {
                        ui.colored_label(crate::ui::theme::error(ui.visuals()), line.outcome);
                        ui.label(&line.detail);
                    } else {
                        let outcome = ui.label(line.outcome);
                        if !line.warnings.is_empty() {
                            outcome.on_hover_text(line.warnings.join("\n"));
                        }
                        match line.brief {
                            Some(id) if ui.link(&line.detail).clicked() => {
                                commands.push(Command::Open(crate::library::ItemKey::Brief(id)));
                            }
                            _ => {}
                        }
                    }
                    ui.end_row();
                }
            });
    });
}

/// How many items of each kind the "What's new" window lists.
const NEW_LISTED: usize = 100;

fn whats_new_ui(
    ui: &mut egui::Ui,
    lib: &crate::library::Library,
    new: &crate::library::WhatsNew,
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (title, keys) in [
            ("New policies", &new.policies),
            ("Targets", &new.targets),
            ("New organisations", &new.organisations),
        ] {
            egui::CollapsingHeader::new(format!("{title} ({})", keys.len()))
                .default_open(true)
                .show(ui, |ui| {
                    if keys.is_empty() {
                        ui.weak("None.");
                    }
                    for key in keys.iter().take(NEW_LISTED) {
                        if ui.link(lib.item_label(key)).clicked() {
                            commands.push(Command::Open(key.clone()));
                        }
                    }
                    if keys.len() > NEW_LISTED {
                        ui.weak(format!("and {} more", keys.len() - NEW_LISTED));
                    }
                });
        }
    });
}
