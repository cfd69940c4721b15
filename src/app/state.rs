//! What the app remembers between runs (through eframe's storage). Not the data: that lives
//! in the library.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::library::{Filter, SavedSearch, SortState, View};
use crate::timeline::LaneMode;

/// Light, dark, or whatever the system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Dark,
    Light,
}

impl ThemeChoice {
    pub fn next(self) -> Self {
        match self {
            Self::System => Self::Dark,
            Self::Dark => Self::Light,
            Self::Light => Self::System,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::System => "Theme: system",
            Self::Dark => "Theme: dark",
            Self::Light => "Theme: light",
        }
    }

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Dark => egui::ThemePreference::Dark,
            Self::Light => egui::ThemePreference::Light,
        }
    }
}

/// What the centre of the window shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Screen {
    #[default]
    Table,
    Timeline,
}

/// Persisted UI preferences. Fields added later load with their defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    pub view: View,
    pub sorts: BTreeMap<View, SortState>,
    pub filter: Filter,
    pub show_facets: bool,
    pub show_detail: bool,
    pub theme: ThemeChoice,
    pub screen: Screen,
    /// The slim timeline above the tables.
    pub show_strip: bool,
    pub lanes: LaneMode,
    /// Named searches, shown at the top of the filters panel.
    pub saved: Vec<SavedSearch>,
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            view: View::default(),
            sorts: BTreeMap::new(),
            filter: Filter::default(),
            show_facets: true,
            show_detail: true,
            theme: ThemeChoice::default(),
            screen: Screen::default(),
            show_strip: true,
            lanes: LaneMode::default(),
            saved: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_or_partial_saved_state_loads_with_defaults() {
        let state: UiState = serde_json::from_str(r#"{"view":"News"}"#).unwrap();
        assert_eq!(state.view, View::News);
        assert!(state.show_facets && state.show_detail);
        let mut full = UiState::default();
        full.sorts.entry(View::Topics).or_default().click(2);
        full.filter.search = "医疗".into();
        let back: UiState = serde_json::from_str(&serde_json::to_string(&full).unwrap()).unwrap();
        assert_eq!(back, full);
    }
}
