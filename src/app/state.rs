//! What the app remembers between runs (through eframe's storage). Not the data: that lives
//! in the library.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::library::{Filter, SortState, View};

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
        }
    }
}
