//! Briefdesk: a desktop library for China industrial-policy briefs.
//!
//! Layers point one way: [`model`] ← [`parse`] / [`store`] ← [`import`] ← `app` and [`cli`].
//! The UI sees the model and emits commands; it never touches the database or files.

pub mod allocator;
pub mod analysis;
pub mod app;
pub mod chart;
pub mod cli;
pub mod command;
pub mod export;
pub mod generate;
pub mod import;
pub mod library;
pub mod model;
pub mod parse;
pub mod store;
pub mod timeline;
pub mod ui;
