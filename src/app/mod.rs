//! The desktop app: wiring only. `logic` takes events from the library thread, `ui` lays out
//! the panels, and the commands they emit run last.

mod analyses;
mod commands;
mod fonts;
mod frame;
mod query;
mod screenshot;
pub mod state;
mod worker;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, sync_channel};
use std::time::Instant;

use crate::library::{FacetCounts, Filter, ItemKey, Library, Row, View};
use crate::store::BriefId;
use crate::timeline::LaneMode;
use crate::ui::timeline::{TimelineData, TimelineView};
use crate::ui::{facets::FacetsPanel, table::TableView};

pub use fonts::{CJK_FONT, install as install_fonts};
pub use screenshot::{ShotPlan, ShotView};
pub use state::UiState;
pub use worker::{Event, ReportLine, Request, Worker, library_in_use};

/// Where the app keeps its library and what to import at start.
pub struct AppConfig {
    pub library: PathBuf,
    pub files: Vec<PathBuf>,
    /// Take a screenshot and close (`--screenshot`); the saved preferences are not used.
    pub screenshot: Option<ShotPlan>,
}

/// The window icon, from `assets/icons/`.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/briefdesk-256.png");

/// Opens the window. `size` is the inner size in points (default 1280×800).
pub fn run(config: AppConfig, size: Option<(u32, u32)>) -> anyhow::Result<()> {
    let (width, height) = size.unwrap_or((1280, 800));
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Briefdesk")
        .with_app_id("briefdesk")
        .with_inner_size([width as f32, height as f32])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(err) => eprintln!("briefdesk: the window icon could not be read: {err}"),
    }
    // A screenshot run neither reads nor writes the user's saved layout: eframe would restore
    // the saved window size over the one asked for. It keeps its own, thrown away after.
    let shot_storage = config
        .screenshot
        .as_ref()
        .map(|_| std::env::temp_dir().join(format!("briefdesk-screenshot-{}", std::process::id())));
    let options = eframe::NativeOptions {
        viewport,
        persist_window: config.screenshot.is_none(),
        persistence_path: shot_storage.clone(),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Briefdesk",
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, config)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"));
    if let Some(path) = shot_storage {
        // eframe 0.37 writes one file at this path (older versions a folder).
        std::fs::remove_file(&path)
            .or_else(|_| std::fs::remove_dir_all(&path))
            .ok();
    }
    result
}

/// A removal that can still be undone.
struct Undo {
    id: BriefId,
    title: String,
    at: Instant,
}

/// The app.
pub struct App {
    state: UiState,
    lib: Arc<Library>,
    loaded: bool,
    library_path: PathBuf,
    worker: Worker,
    /// The current view's rows, filtered and sorted; rebuilt only when `dirty`.
    order: Vec<Row>,
    /// The view `order` belongs to (for a moment after a switch, the previous one); `None`
    /// until the library's first query is answered.
    order_view: Option<View>,
    counts: FacetCounts,
    dirty: bool,
    /// Answers large libraries' queries off the UI thread (`None` if it could not start).
    query: Option<query::QueryThread>,
    /// The newest job sent to `query`, and the one whose answer is shown.
    generation: u64,
    shown_generation: u64,
    /// What the timeline marks were last collected for: the library's data version, the
    /// filter and the lanes.
    marks_for: Option<(u64, Filter, LaneMode)>,
    marks_pending: bool,
    /// Counts what the library thread delivered: a library, and for an outline its analyses
    /// (the deadlines) and its search texts (what a search finds), each changing the marks.
    data_version: u64,
    /// For an outline library: the selected topic read whole, and the last one asked for.
    full_topic: Option<(BriefId, u16, crate::model::Topic)>,
    /// Briefs the last import added, until the library that holds them arrives.
    just_imported: Vec<BriefId>,
    /// What the last import added, and whether its window is open.
    whats_new: Option<crate::library::WhatsNew>,
    show_whats_new: bool,
    /// The last saved search deleted, with its place, until undone or replaced.
    deleted_search: Option<(usize, crate::library::SavedSearch)>,
    asked_topic: Option<(BriefId, u16)>,
    selected: Option<ItemKey>,
    selected_pos: Option<usize>,
    table: TableView,
    facets: FacetsPanel,
    status: Option<String>,
    progress: Option<(usize, usize, PathBuf)>,
    /// Briefs read again with this version's parser, and how many there are to read.
    rereading: Option<(usize, usize)>,
    /// Briefs analysed of those that had no current analysis.
    analysing: Option<(usize, usize)>,
    report: Option<Vec<ReportLine>>,
    show_report: bool,
    undo: Option<Undo>,
    shot: Option<screenshot::Shot>,
    confirm_remove: Option<(BriefId, String)>,
    original: Option<(String, String)>,
    picked: Option<Receiver<Option<Vec<PathBuf>>>>,
    focus_search: bool,
    /// Why the library cannot be used, shown instead of the tables.
    fatal: Option<String>,
    timeline_data: TimelineData,
    timeline: TimelineView,
    strip: TimelineView,
    /// An export running on its own thread: what it exports ("The timeline", "The Targets
    /// view") and its result (`None`: no file was chosen).
    exported: Option<(String, Receiver<ExportResult>)>,
}

/// What an export on its own thread gives back: the file written, why not, or `None` when no
/// file was chosen.
type ExportResult = Option<Result<PathBuf, String>>;

/// How long a removal can be undone from the status bar.
const UNDO_SECS: u64 = 300;

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        Self::with_context(&cc.egui_ctx, cc.storage, config)
    }

    /// The app on any egui context, with the saved preferences in `storage` if given: what
    /// [`App::new`] does, and what headless runs (benchmarks) use with [`App::frame`].
    pub fn with_context(
        egui_ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        config: AppConfig,
    ) -> Self {
        fonts::install(egui_ctx);
        crate::ui::theme::apply(egui_ctx);
        let mut state: UiState = match config.screenshot {
            Some(_) => UiState::default(),
            None => storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default(),
        };
        let shot = config.screenshot.map(screenshot::Shot::new);
        if let Some(shot) = &shot {
            match shot.view().table() {
                Some(view) => state.view = view,
                None => state.screen = state::Screen::Timeline,
            }
        }
        egui_ctx.set_theme(state.theme.preference());
        let ctx = egui_ctx.clone();
        let worker = Worker::spawn(config.library.clone(), config.files, move || {
            ctx.request_repaint()
        });
        Self {
            state,
            lib: Arc::new(Library::default()),
            loaded: false,
            library_path: config.library,
            worker,
            order: Vec::new(),
            order_view: None,
            counts: FacetCounts::default(),
            dirty: true,
            query: {
                let ctx = egui_ctx.clone();
                query::QueryThread::spawn(move || ctx.request_repaint()).ok()
            },
            generation: 0,
            shown_generation: 0,
            marks_for: None,
            marks_pending: false,
            data_version: 0,
            full_topic: None,
            deleted_search: None,
            just_imported: Vec::new(),
            whats_new: None,
            show_whats_new: false,
            asked_topic: None,
            selected: None,
            selected_pos: None,
            table: TableView::default(),
            facets: FacetsPanel::default(),
            status: None,
            progress: None,
            rereading: None,
            analysing: None,
            report: None,
            show_report: false,
            undo: None,
            shot,
            confirm_remove: None,
            original: None,
            picked: None,
            focus_search: false,
            fatal: None,
            timeline_data: TimelineData::default(),
            timeline: TimelineView::default(),
            strip: TimelineView::default(),
            exported: None,
        }
    }

    /// True once the library thread has delivered the library.
    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    pub fn view(&self) -> View {
        self.state.view
    }

    pub fn selected(&self) -> Option<&ItemKey> {
        self.selected.as_ref()
    }

    pub fn library(&self) -> &Library {
        &self.lib
    }

    /// The current view's rows as shown, and the text of one column of them.
    pub fn column_texts(&self, column: usize) -> Vec<String> {
        self.order
            .iter()
            .map(|r| self.lib.cell(self.state.view, *r, column).into_owned())
            .collect()
    }

    pub fn screen(&self) -> state::Screen {
        self.state.screen
    }

    /// Where the full timeline drew the marker of `key` last frame.
    pub fn timeline_marker_pos(&self, key: &ItemKey) -> Option<egui::Pos2> {
        self.timeline.marker_pos(&self.timeline_data, key)
    }

    /// The marks the timelines show (after search and facets).
    pub fn timeline_marks(&self) -> &[crate::timeline::Mark] {
        &self.timeline_data.marks
    }

    /// Why the library cannot be used, if it cannot.
    pub fn fatal(&self) -> Option<&str> {
        self.fatal.as_deref()
    }

    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    fn take_events(&mut self) {
        while let Some(event) = self.worker.try_recv() {
            self.apply_event(event);
        }
        if let Some((what, rx)) = &self.exported
            && let Ok(result) = rx.try_recv()
        {
            self.status = Some(match result {
                Some(Ok(path)) => format!("{what} was saved to {}.", path.display()),
                Some(Err(err)) => format!("{what} was not saved: {err}"),
                None => format!("No file was chosen; {} was not saved.", what.to_lowercase()),
            });
            self.exported = None;
        }
        if let Some(rx) = &self.picked
            && let Ok(picked) = rx.try_recv()
        {
            self.picked = None;
            match picked {
                Some(paths) if !paths.is_empty() => self.worker.send(Request::Import(paths)),
                _ => {
                    self.status = Some(
                        "No file was chosen (or this system has no file dialog: drop files on the window instead)."
                            .to_owned(),
                    );
                }
            }
        }
    }

    fn apply_event(&mut self, event: Event) {
        match event {
            Event::Loaded(lib) => {
                if lib.rows(self.state.view).len() >= query::SYNC_ROWS {
                    // Its first query runs off this thread: show a spinner, not the old rows.
                    self.order_view = None;
                    self.order.clear();
                }
                self.lib = lib;
                self.data_version += 1;
                if !self.just_imported.is_empty() {
                    let new = self.lib.whats_new(&std::mem::take(&mut self.just_imported));
                    self.whats_new = (!new.is_empty()).then_some(new);
                }
                self.loaded = true;
                self.dirty = true;
            }
            Event::Progress {
                done,
                total,
                current,
            } => self.progress = Some((done, total, current)),
            Event::Rereading { done, total } => self.rereading = Some((done, total)),
            Event::ChangedElsewhere { added } => {
                self.status = Some(match added {
                    0 => "The library was changed by another Briefdesk; the tables show it now."
                        .to_owned(),
                    1 => "1 brief was added from outside this window (a command-line import or \"Open with\"); the tables show it now.".to_owned(),
                    n => format!("{n} briefs were added from outside this window (a command-line import or \"Open with\"); the tables show them now."),
                });
            }
            Event::Analysing { done, total } => {
                self.analysing = (done < total).then_some((done, total));
            }
            Event::Reread(report) => {
                self.rereading = None;
                self.status = Some(reread_summary(&report));
            }
            Event::Imported { report, cancelled } => {
                self.progress = None;
                let mut summary = import_summary(&report);
                if cancelled {
                    summary = format!("Cancelled. {summary}");
                }
                self.status = Some(summary);
                self.just_imported = report
                    .iter()
                    .filter(|l| matches!(l.outcome, "imported" | "updated"))
                    .filter_map(|l| l.brief)
                    .collect();
                // Open the report by itself only when something needs reading.
                self.show_report = report
                    .iter()
                    .any(|l| l.outcome == "failed" || !l.warnings.is_empty());
                self.report = Some(report);
            }
            Event::Removed { id, title } => {
                self.status = None;
                self.undo = Some(Undo {
                    id,
                    title,
                    at: Instant::now(),
                });
            }
            Event::Restored(id) => {
                self.undo = None;
                self.status = Some("The brief is back.".to_owned());
                self.selected = Some(ItemKey::Brief(id));
            }
            Event::Original { name, text } => self.original = Some((name, text)),
            Event::TextsReady | Event::AnalysesReady => {
                self.data_version += 1;
                self.dirty = true;
            }
            Event::Topic { id, index, topic } => self.full_topic = Some((id, index, *topic)),
            Event::Failed(message) => {
                self.progress = None;
                self.status = Some(message);
            }
            Event::Fatal(message) => {
                self.progress = None;
                self.fatal = Some(message);
            }
        }
    }

    /// After a change of view, filter, sort or data, asks for the new order, counts and (if the
    /// filter or lanes changed) timeline marks: answered in place for a small library, by the
    /// query thread for a large one. Also takes in an answer that has arrived.
    fn refresh(&mut self) {
        if let Some(answer) = self.query.as_ref().and_then(|q| q.try_recv()) {
            self.take_answer(answer);
        }
        if !self.dirty {
            return;
        }
        self.dirty = false;
        self.generation += 1;
        let marks_key = (
            self.data_version,
            self.state.filter.clone(),
            self.state.lanes,
        );
        let job = query::Job {
            generation: self.generation,
            lib: Arc::clone(&self.lib),
            view: self.state.view,
            filter: self.state.filter.clone(),
            sort: self
                .state
                .sorts
                .get(&self.state.view)
                .cloned()
                .unwrap_or_default(),
            // Also while an earlier job's marks are not shown yet: that job may be skipped.
            marks: (self.marks_pending || self.marks_for.as_ref() != Some(&marks_key))
                .then_some(self.state.lanes),
        };
        self.marks_pending = job.marks.is_some();
        self.marks_for = Some(marks_key);
        let rows: usize = View::ALL.iter().map(|v| self.lib.rows(*v).len()).sum();
        let job = match &self.query {
            Some(thread) if rows >= query::SYNC_ROWS => match thread.send(job.clone()) {
                true => return,
                false => job,
            },
            _ => job,
        };
        self.take_answer(job.run());
    }

    /// Shows an answer, unless a newer job has been sent since.
    fn take_answer(&mut self, answer: query::Answer) {
        if answer.generation != self.generation {
            return;
        }
        self.shown_generation = answer.generation;
        self.order = answer.order;
        self.order_view = Some(answer.view);
        self.counts = answer.counts;
        if let Some(timeline) = answer.timeline {
            self.timeline_data = timeline;
            self.marks_pending = false;
        }
        self.locate_selection();
    }

    /// True while the shown rows are older than the current filter (a large library's query
    /// is running).
    pub fn is_querying(&self) -> bool {
        self.shown_generation != self.generation
    }

    /// The selected topic read whole, for an outline library's detail panel; asks the library
    /// thread for it the first time.
    /// Asks the library thread for the selected topic whole, once per selection, when the
    /// library is an outline.
    fn ask_full_topic(&mut self) {
        if let Some(wanted) = self.selected_outline_topic()
            && self.asked_topic != Some(wanted)
        {
            self.asked_topic = Some(wanted);
            self.worker.send(Request::Topic(wanted.0, wanted.1));
        }
    }

    /// The selected topic read whole, for an outline library's detail panel, once it arrived.
    fn selected_full_topic(&self) -> Option<&crate::model::Topic> {
        let wanted = self.selected_outline_topic()?;
        self.full_topic
            .as_ref()
            .filter(|(id, t, _)| (*id, *t) == wanted)
            .map(|(_, _, topic)| topic)
    }

    /// The selected topic or policy, when the library is an outline (its summary and comment
    /// are read on demand).
    fn selected_outline_topic(&self) -> Option<(BriefId, u16)> {
        match self.selected.as_ref()? {
            ItemKey::Topic(id, t) | ItemKey::Policy(id, t) if self.lib.is_partial() => {
                Some((*id, *t))
            }
            _ => None,
        }
    }

    /// Brings the selected item's marker into view in the strip and the timeline (the
    /// selection links both ways: a marker selects its row, a row shows its marker).
    fn reveal_selection(&mut self) {
        if let Some(key) = self.selected.clone() {
            self.strip.reveal(&self.timeline_data, &key);
            self.timeline.reveal(&self.timeline_data, &key);
        }
    }

    fn locate_selection(&mut self) {
        let row = self.selected.as_ref().and_then(|k| self.lib.row_of(k));
        self.selected_pos = row.and_then(|r| {
            let in_view = self
                .selected
                .as_ref()
                .is_some_and(|k| Library::view_of(k) == self.state.view);
            if in_view {
                self.order.iter().position(|o| *o == r)
            } else {
                None
            }
        });
    }

    fn pick_files(&mut self, folder: bool) {
        let (tx, rx) = sync_channel(1);
        let spawned = std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let dialog = rfd::FileDialog::new().set_title("Import briefs");
                let picked = if folder {
                    dialog.pick_folder().map(|f| vec![f])
                } else {
                    dialog
                        .add_filter("Briefs", &["txt", "md", "markdown", "text"])
                        .add_filter("All files", &["*"])
                        .pick_files()
                };
                tx.send(picked).ok();
            });
        match spawned {
            Ok(_) => self.picked = Some(rx),
            Err(err) => self.status = Some(format!("Could not open the file dialog: {err}")),
        }
    }
}

impl App {
    /// Asks for a file name on a thread, then draws the timeline there and writes it.
    fn export_timeline(&mut self, dark: bool, visible_only: bool) {
        use crate::chart::{ChartStyle, export_marks};

        let marks = self.timeline_data.marks.clone();
        let lib = Arc::clone(&self.timeline_data.lib);
        let fitted = crate::timeline::fit_marks(&marks);
        let Some(scale) = (if visible_only {
            self.timeline.scale()
        } else {
            None
        })
        .or(fitted) else {
            self.status = Some("There is nothing dated to export.".to_owned());
            return;
        };
        let lanes = self.state.lanes;
        let base = if dark {
            ChartStyle::dark()
        } else {
            ChartStyle::light()
        };
        let (tx, rx) = sync_channel(1);
        let spawned = std::thread::Builder::new()
            .name("timeline-export".to_owned())
            .spawn(move || {
                let picked = rfd::FileDialog::new()
                    .set_title("Export timeline")
                    .set_file_name("timeline.png")
                    .add_filter("PNG picture", &["png"])
                    .add_filter("SVG drawing", &["svg"])
                    .save_file();
                let result = picked.map(|path| {
                    export_marks(&path, &marks, &lib, lanes, scale, (1600, 700), base)
                        .map(|_| path)
                        .map_err(|e| e.to_string())
                });
                tx.send(result).ok();
            });
        match spawned {
            Ok(_) => self.exported = Some(("The timeline".to_owned(), rx)),
            Err(err) => self.status = Some(format!("Could not start the export: {err}")),
        }
    }

    /// Asks for a file name on a thread, then writes the current view's rows there, as the
    /// table shows them (filtered and sorted): CSV (with a byte-order mark, so spreadsheets
    /// on Windows read Chinese right) or JSON, by the name's extension.
    fn export_view(&mut self) {
        let view = self.state.view;
        if self.order_view != Some(view) || self.order.is_empty() {
            self.status = Some("There are no rows to export in this view.".to_owned());
            return;
        }
        let lib = Arc::clone(&self.lib);
        let rows = self.order.clone();
        let what = format!("The {} view", view.label());
        let name = format!("{}.csv", view.label().to_lowercase());
        let (tx, rx) = sync_channel(1);
        let spawned = std::thread::Builder::new()
            .name("view-export".to_owned())
            .spawn(move || {
                let picked = rfd::FileDialog::new()
                    .set_title("Export view")
                    .set_file_name(name)
                    .add_filter("CSV (spreadsheets)", &["csv"])
                    .add_filter("JSON", &["json"])
                    .save_file();
                let result = picked.map(|path| {
                    write_view(&path, &crate::export::view_table(&lib, view, &rows)).map(|()| path)
                });
                tx.send(result).ok();
            });
        match spawned {
            Ok(_) => self.exported = Some((what, rx)),
            Err(err) => self.status = Some(format!("Could not start the export: {err}")),
        }
    }
}

/// Writes `table` to `path` as JSON (a ".json" name) or CSV, through a temporary file, so a
/// failed write leaves no half file.
pub(crate) fn write_view(
    path: &std::path::Path,
    table: &crate::export::ViewTable,
) -> Result<(), String> {
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let mut bytes = Vec::new();
    if json {
        serde_json::to_writer_pretty(&mut bytes, &table.to_json()).map_err(|e| e.to_string())?;
        bytes.push(b'\n');
    } else {
        table
            .write_csv(&mut bytes, true)
            .map_err(|e| e.to_string())?;
    }
    let partial = path.with_extension("partial");
    std::fs::write(&partial, &bytes).map_err(|e| e.to_string())?;
    std::fs::rename(&partial, path).map_err(|e| {
        std::fs::remove_file(&partial).ok();
        e.to_string()
    })
}

/// "Imported 3 files, 1 duplicate, 2 failed."
fn import_summary(report: &[ReportLine]) -> String {
    let count = |what: &str| report.iter().filter(|l| l.outcome == what).count();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let imported = count("imported");
    let mut text = format!("Imported {imported} file{}", plural(imported));
    for what in ["updated", "duplicate", "failed"] {
        let n = count(what);
        if n > 0 {
            text.push_str(&format!(", {n} {what}"));
        }
    }
    text.push('.');
    text
}

/// 1204 → "1,204".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl eframe::App for App {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.take_events();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.shot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.state);
        }
    }
}

impl App {
    /// One frame: take the library thread's news, lay out the window, run what it asked.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        self.take_events();
        self.refresh();
        let mut commands = Vec::new();
        self.frame_ui(ui, &mut commands);
        for command in commands {
            self.run_command(ui.ctx(), command);
        }
        self.refresh();
        if self.loaded
            && !self.is_querying()
            && self.lib.is_searchable()
            && let Some(shot) = &mut self.shot
        {
            shot.step(ui.ctx());
        }
    }

    /// Switches the table (for headless runs; the window does it through its tabs).
    pub fn show(&mut self, view: View, screen: state::Screen) {
        self.state.view = view;
        self.state.screen = screen;
        self.dirty = true;
    }
}

/// "Read 12 briefs again with this version's parser."
fn reread_summary(report: &crate::import::ReparseReport) -> String {
    let briefs = |n: usize| {
        if n == 1 {
            "1 brief".to_owned()
        } else {
            format!("{n} briefs")
        }
    };
    let mut line = format!(
        "Read {} again with this version's parser: titles, topics and news as it reads them.",
        briefs(report.reread)
    );
    if report.kept > 0 {
        line.push_str(&format!(
            " {} kept as they were (JSON exports, or files it no longer reads).",
            briefs(report.kept)
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
