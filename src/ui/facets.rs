//! The left panel: facets with counts that follow the current filter.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::command::Command;
use crate::library::{FacetCounts, Filter, Library, SavedSearch, View};
use crate::model::Section;

/// What the filters panel shows.
pub struct FacetsInput<'a> {
    pub lib: &'a Library,
    pub view: View,
    pub filter: &'a Filter,
    pub counts: &'a FacetCounts,
    pub saved: &'a [SavedSearch],
}

/// The facets panel's own state: the date fields and the saved search's name as typed.
#[derive(Default)]
pub struct FacetsPanel {
    from_text: String,
    to_text: String,
    /// The name typed for the search being saved.
    save_name: String,
}

impl FacetsPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, input: FacetsInput<'_>, commands: &mut Vec<Command>) {
        let FacetsInput {
            lib,
            view,
            filter,
            counts,
            saved,
        } = input;
        let mut next = filter.clone();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.saved_ui(ui, view, filter, saved, commands);
                if filter.has_facets() && ui.button("Clear filters").clicked() {
                    next = Filter {
                        search: filter.search.clone(),
                        ..Filter::default()
                    };
                    self.from_text.clear();
                    self.to_text.clear();
                }
                group_ui(
                    ui,
                    "Briefs (period)",
                    &counts.periods,
                    &mut next.periods,
                    |p| p.clone(),
                    |_| None,
                );
                if counts.series.len() > 1 || !filter.series.is_empty() {
                    group_ui(
                        ui,
                        "Series",
                        &counts.series,
                        &mut next.series,
                        |s| series_label(s).to_owned(),
                        |_| None,
                    );
                }
                if view == View::Policies {
                    group_ui(
                        ui,
                        "Document type",
                        &counts.doc_types,
                        &mut next.doc_types,
                        |d| d.clone(),
                        |_| None,
                    );
                }
                if matches!(
                    view,
                    View::Policies | View::Topics | View::Targets | View::Figures
                ) {
                    group_ui(
                        ui,
                        "Issuing bodies",
                        &counts.bodies,
                        &mut next.bodies,
                        |b| b.clone(),
                        |b| lib.full_name(b).map(str::to_owned),
                    );
                }
                if view == View::News {
                    group_ui(
                        ui,
                        "News section",
                        &counts.sections,
                        &mut next.sections,
                        |s| section_label(*s).to_owned(),
                        |_| None,
                    );
                    group_ui(
                        ui,
                        "Source language",
                        &counts.langs,
                        &mut next.langs,
                        |l| l.label().to_owned(),
                        |_| None,
                    );
                }
                if !matches!(view, View::Glossary | View::Figures) {
                    self.dates_ui(ui, counts, &mut next);
                }
            });
        if next != *filter {
            commands.push(Command::SetFilter(next));
        }
    }

    /// Saved searches, one click away, and a field to save the current one.
    fn saved_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: View,
        filter: &Filter,
        saved: &[SavedSearch],
        commands: &mut Vec<Command>,
    ) {
        egui::CollapsingHeader::new("Saved searches")
            .default_open(true)
            .show(ui, |ui| {
                for (i, search) in saved.iter().enumerate() {
                    let active = search.is_active(view, filter);
                    let response =
                        ui.selectable_label(active, &search.name)
                            .on_hover_text(format!(
                                "{}: {}",
                                search.view.label(),
                                SavedSearch::default_name(search.view, &search.filter)
                            ));
                    if response.clicked() {
                        commands.push(Command::ApplySaved(i));
                    }
                    response.context_menu(|ui| {
                        if ui.button("Delete").clicked() {
                            commands.push(Command::DeleteSaved(i));
                        }
                    });
                }
                if saved.is_empty() {
                    ui.weak("Search or filter, then save it here.");
                }
                ui.horizontal(|ui| {
                    let hint = SavedSearch::default_name(view, filter);
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut self.save_name)
                            .hint_text(hint.as_str())
                            .desired_width(110.0),
                    );
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let can_save = !filter.is_empty();
                    let clicked = ui
                        .add_enabled(can_save, egui::Button::new("Save"))
                        .on_hover_text("Keep this view, search and filters under a name")
                        .on_disabled_hover_text("Search or set a filter first")
                        .clicked();
                    if can_save && (clicked || enter) {
                        let name = match self.save_name.trim() {
                            "" => hint,
                            typed => typed.to_owned(),
                        };
                        commands.push(Command::SaveSearch(name));
                        self.save_name.clear();
                    }
                });
            });
    }

    fn dates_ui(&mut self, ui: &mut egui::Ui, counts: &FacetCounts, next: &mut Filter) {
        egui::CollapsingHeader::new("Date range")
            .default_open(true)
            .show(ui, |ui| {
                if let Some((lo, hi)) = counts.dates {
                    ui.weak(format!("{lo} to {hi}"));
                }
                date_field_ui(ui, "From", &mut self.from_text, &mut next.from);
                date_field_ui(ui, "To", &mut self.to_text, &mut next.to);
            });
    }
}

fn section_label(section: Section) -> &'static str {
    match section {
        Section::Policy => "Policy news",
        Section::Corporate => "Corporate news",
    }
}

/// A list of checkboxes "value (count)"; selected values stay listed even at zero.
fn group_ui<K: Ord + Clone>(
    ui: &mut egui::Ui,
    title: &str,
    counts: &BTreeMap<K, usize>,
    selected: &mut BTreeSet<K>,
    label: impl Fn(&K) -> String,
    hover: impl Fn(&K) -> Option<String>,
) {
    let mut values: BTreeSet<K> = counts.keys().cloned().collect();
    values.extend(selected.iter().cloned());
    egui::CollapsingHeader::new(title)
        .default_open(true)
        .show(ui, |ui| {
            if values.is_empty() {
                ui.weak("none");
            }
            for value in values {
                let count = counts.get(&value).copied().unwrap_or(0);
                let mut on = selected.contains(&value);
                let response = ui.checkbox(&mut on, format!("{} ({count})", label(&value)));
                let response = match hover(&value) {
                    Some(text) => response.on_hover_text(text),
                    None => response,
                };
                if response.changed() {
                    if on {
                        selected.insert(value);
                    } else {
                        selected.remove(&value);
                    }
                }
            }
        });
}

/// A "YYYY-MM-DD" field; the filter takes the date once it reads as one, and drops it when empty.
fn date_field_ui(ui: &mut egui::Ui, label: &str, text: &mut String, date: &mut Option<NaiveDate>) {
    if text.is_empty()
        && let Some(d) = date
    {
        *text = d.to_string();
    }
    ui.horizontal(|ui| {
        ui.label(label);
        let response = ui.add(
            egui::TextEdit::singleline(text)
                .hint_text("YYYY-MM-DD")
                .desired_width(100.0),
        );
        if response.changed() {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                *date = None;
            } else if let Ok(d) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
                *date = Some(d);
            }
        }
        let valid =
            text.trim().is_empty() || NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").is_ok();
        if !valid {
            ui.colored_label(super::theme::error(ui.visuals()), "not a date");
        }
    });
}

/// A series as the facet shows it: "no series" for briefs that name none.
fn series_label(series: &str) -> &str {
    if series.is_empty() {
        "no series"
    } else {
        series
    }
}
