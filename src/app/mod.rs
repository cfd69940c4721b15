//! The desktop window. For now a plain view of the library: briefs, policies and news in
//! tables. Data is loaded before the window opens, never inside a frame.

mod fonts;

use std::path::PathBuf;

use egui_extras::{Column, TableBuilder};

use crate::export::{NewsRow, PolicyRow, news_rows, policy_rows};
use crate::import::{self, FileOutcome};
use crate::store::{Store, StoredBrief};

pub use fonts::CJK_FONT;

/// Opens the library (seeding a new one), imports `files`, and runs the window.
pub fn run(library: Option<PathBuf>, files: Vec<PathBuf>) -> anyhow::Result<()> {
    let path = crate::cli::library_path(library)?;
    let mut store = Store::open(&path)?;
    import::seed_if_new(&mut store)?;
    let mut status = format!("Library: {}", path.display());
    if !files.is_empty() {
        let results = import::import_paths(&mut store, &files, |_, _, _| {});
        let imported = results
            .iter()
            .filter(|(_, o)| matches!(o, FileOutcome::Imported { .. }))
            .count();
        let failed = results.iter().filter(|(_, o)| o.is_failure()).count();
        status = format!(
            "{status} — imported {imported} of {} files, {failed} failed",
            results.len()
        );
    }
    let briefs = store.load_all()?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Briefdesk")
            .with_app_id("briefdesk")
            .with_inner_size([1200.0, 800.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Briefdesk",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            Ok(Box::new(App::new(briefs, status)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}

/// Which table is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Briefs,
    Policies,
    News,
}

/// The app's state.
pub struct App {
    briefs: Vec<StoredBrief>,
    view: View,
    status: String,
}

impl App {
    pub fn new(briefs: Vec<StoredBrief>, status: String) -> Self {
        Self {
            briefs,
            view: View::Policies,
            status,
        }
    }

    pub fn view(&self) -> View {
        self.view
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Briefdesk");
                ui.separator();
                for (view, label) in [
                    (View::Policies, "Policies"),
                    (View::News, "News"),
                    (View::Briefs, "Briefs"),
                ] {
                    ui.selectable_value(&mut self.view, view, label);
                }
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.label(&self.status);
        });
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            View::Policies => policies_ui(ui, &policy_rows(&self.briefs)),
            View::News => news_ui(ui, &news_rows(&self.briefs)),
            View::Briefs => briefs_ui(ui, &self.briefs),
        });
    }
}

fn text_cell(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(text).truncate());
}

fn policies_ui(ui: &mut egui::Ui, rows: &[PolicyRow<'_>]) {
    TableBuilder::new(ui)
        .id_salt("policies")
        .striped(true)
        .resizable(true)
        .column(Column::auto().at_least(90.0))
        .column(Column::initial(380.0).clip(true))
        .column(Column::initial(260.0).clip(true))
        .column(Column::initial(160.0).clip(true))
        .column(Column::remainder().clip(true))
        .header(22.0, |mut header| {
            for title in ["Date", "Policy", "中文 name", "Issuing body", "Brief"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| text_cell(ui, r.date.as_deref().unwrap_or("")));
                row.col(|ui| text_cell(ui, r.policy));
                row.col(|ui| text_cell(ui, r.name_zh.unwrap_or("")));
                row.col(|ui| text_cell(ui, r.issuing_body.unwrap_or("")));
                row.col(|ui| text_cell(ui, r.brief));
            });
        });
}

fn news_ui(ui: &mut egui::Ui, rows: &[NewsRow<'_>]) {
    TableBuilder::new(ui)
        .id_salt("news")
        .striped(true)
        .resizable(true)
        .column(Column::auto().at_least(90.0))
        .column(Column::auto().at_least(70.0))
        .column(Column::initial(560.0).clip(true))
        .column(Column::remainder().clip(true))
        .header(22.0, |mut header| {
            for title in ["Date", "Section", "Text", "Sources"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| text_cell(ui, r.date.as_deref().unwrap_or("")));
                row.col(|ui| text_cell(ui, r.section));
                row.col(|ui| text_cell(ui, r.text));
                row.col(|ui| text_cell(ui, &r.sources));
            });
        });
}

fn briefs_ui(ui: &mut egui::Ui, briefs: &[StoredBrief]) {
    if briefs.is_empty() {
        ui.label("The library is empty. Import brief files with `briefdesk import PATH`.");
        return;
    }
    TableBuilder::new(ui)
        .id_salt("briefs")
        .striped(true)
        .resizable(true)
        .column(Column::auto().at_least(70.0))
        .column(Column::initial(520.0).clip(true))
        .column(Column::initial(200.0).clip(true))
        .column(Column::auto())
        .column(Column::remainder())
        .header(22.0, |mut header| {
            for title in ["Period", "Title", "Series", "Topics", "News items"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(22.0, briefs.len(), |mut row| {
                let b = &briefs[row.index()].brief;
                let period = b.period.map(|p| p.to_string()).unwrap_or_default();
                row.col(|ui| text_cell(ui, &period));
                row.col(|ui| text_cell(ui, &b.title));
                row.col(|ui| text_cell(ui, b.series.as_deref().unwrap_or("")));
                row.col(|ui| text_cell(ui, &b.topics.len().to_string()));
                row.col(|ui| text_cell(ui, &b.news.len().to_string()));
            });
        });
}
