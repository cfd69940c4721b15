//! Panels and widgets. They read the [`Library`](crate::library::Library) and push
//! [`Command`](crate::command::Command)s; they never touch the database, files or threads.

pub mod detail;
pub mod facets;
pub mod highlight;
pub mod table;
pub mod theme;
pub mod timeline;
