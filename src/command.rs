//! What the UI asks the app to do. Panels push commands; the app runs them after drawing.

use std::path::PathBuf;

use crate::library::{Filter, ItemKey, View};
use crate::model::BriefId;

/// One request from the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    SetView(View),
    /// Show the timeline in the centre of the window.
    ShowTimeline,
    /// Sort the current view by this column (again: reverse).
    SortBy(usize),
    Select(Option<ItemKey>),
    /// Show an item in its own view and select it (a link in the detail panel).
    Open(ItemKey),
    SetFilter(Filter),
    ShowDetail(bool),
    /// Ask before removing a brief.
    AskRemove(BriefId),
    Remove(BriefId),
    UndoRemove,
    ShowOriginal(BriefId),
    CopyText(String),
    Import(Vec<PathBuf>),
    /// Stop the running import after the file in hand.
    CancelImport,
    /// Take back the last import.
    UndoImport,
    /// Show this version of a brief instead of the current one.
    MakeCurrent(BriefId),
    /// Open the file dialog (files, or a folder).
    PickFiles {
        folder: bool,
    },
    ToggleDarkMode,
    /// Save the current view's rows, filtered and sorted as shown, as CSV or JSON.
    ExportView,
    /// Keep the current view, search and filters under this name.
    SaveSearch(String),
    /// Show a saved search (its index).
    ApplySaved(usize),
    /// Forget a saved search (its index); undoable from the status bar.
    DeleteSaved(usize),
    UndoDeleteSaved,
}
