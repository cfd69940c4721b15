//! Running the commands the panels emitted.

use super::{App, Request};
use crate::command::Command;
use crate::library::Library;

impl App {
    pub(super) fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::SetView(view) => {
                self.state.screen = super::state::Screen::Table;
                if view != self.state.view {
                    self.state.view = view;
                    self.dirty = true;
                }
            }
            Command::ShowTimeline => self.state.screen = super::state::Screen::Timeline,
            Command::SortBy(column) => {
                self.state
                    .sorts
                    .entry(self.state.view)
                    .or_default()
                    .click(column);
                self.dirty = true;
            }
            Command::Select(key) => {
                self.selected = key;
                self.locate_selection();
                self.reveal_selection();
            }
            Command::Open(key) => {
                self.state.view = Library::view_of(&key);
                self.selected = Some(key);
                self.state.show_detail = true;
                self.dirty = true;
                self.refresh();
                if let Some(pos) = self.selected_pos {
                    self.table.scroll_to(pos);
                }
                self.reveal_selection();
            }
            Command::SetFilter(filter) => {
                let range_moved =
                    (filter.from, filter.to) != (self.state.filter.from, self.state.filter.to);
                if range_moved && let (Some(from), Some(to)) = (filter.from, filter.to) {
                    // The date-range facet moves the timelines' view.
                    let scale = crate::timeline::TimeScale::between(from, to.max(from));
                    self.timeline.set_scale(scale);
                    self.strip.set_scale(scale);
                }
                self.state.filter = filter;
                self.dirty = true;
            }
            Command::ShowDetail(show) => self.state.show_detail = show,
            Command::AskRemove(id) => {
                let title = self
                    .lib
                    .briefs()
                    .iter()
                    .find(|b| b.id == id)
                    .map(|b| b.brief.title.clone())
                    .unwrap_or_default();
                self.confirm_remove = Some((id, title));
            }
            Command::Remove(id) => {
                self.confirm_remove = None;
                self.worker.send(Request::Remove(id));
            }
            Command::UndoRemove => {
                if let Some(undo) = self.undo.take() {
                    self.worker.send(Request::Restore(undo.id));
                }
            }
            Command::ShowOriginal(id) => self.worker.send(Request::Original(id)),
            Command::CopyText(text) => {
                ctx.copy_text(text);
                self.status = Some("Citation copied.".to_owned());
            }
            Command::Import(paths) => {
                if !paths.is_empty() {
                    self.status = Some(format!("Importing {} item(s)…", paths.len()));
                    self.worker.send(Request::Import(paths));
                }
            }
            Command::PickFiles { folder } => self.pick_files(folder),
            Command::ExportView => self.export_view(),
            Command::CancelImport => {
                self.worker.cancel_import();
                self.status = Some("Cancelling after the current file…".to_owned());
            }
            Command::UndoImport => {
                if let Some(report) = self.report.take() {
                    self.show_report = false;
                    self.worker.send(Request::UndoImport(report));
                }
            }
            Command::MakeCurrent(id) => {
                self.selected = Some(crate::library::ItemKey::Brief(id));
                self.worker.send(Request::MakeCurrent(id));
            }
            Command::ToggleDarkMode => {
                self.state.theme = self.state.theme.next();
                ctx.set_theme(self.state.theme.preference());
            }
            Command::SaveSearch(name) => {
                let search = crate::library::SavedSearch {
                    name: name.clone(),
                    view: self.state.view,
                    filter: self.state.filter.clone(),
                };
                crate::library::save_search(&mut self.state.saved, search);
                self.status = Some(format!("Saved the search “{name}”."));
            }
            Command::ApplySaved(i) => {
                if let Some(search) = self.state.saved.get(i).cloned() {
                    self.state.view = search.view;
                    self.state.screen = super::state::Screen::Table;
                    self.state.filter = search.filter;
                    self.dirty = true;
                }
            }
            Command::DeleteSaved(i) => {
                if i < self.state.saved.len() {
                    self.deleted_search = Some((i, self.state.saved.remove(i)));
                }
            }
            Command::UndoDeleteSaved => {
                if let Some((i, search)) = self.deleted_search.take() {
                    let at = i.min(self.state.saved.len());
                    self.state.saved.insert(at, search);
                }
            }
        }
    }

    /// Moves the selection `delta` rows up or down the current table.
    pub(super) fn move_selection(&mut self, delta: isize) {
        if self.order.is_empty() {
            return;
        }
        let last = self.order.len() as isize - 1;
        let next = match self.selected_pos {
            Some(pos) => (pos as isize + delta).clamp(0, last),
            None if delta > 0 => 0,
            None => last,
        } as usize;
        self.selected = self.lib.key(self.state.view, self.order[next]);
        self.selected_pos = Some(next);
        self.table.scroll_to(next);
    }
}
