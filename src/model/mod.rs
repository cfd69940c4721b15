//! The data Briefdesk works with: plain structs, no I/O, no UI.
//!
//! Everything else depends on this module; it depends on nothing of ours.

mod brief;
mod date;
mod stored;

pub use brief::{
    Brief, Event, GlossaryEntry, GlossaryKind, Lang, NewsItem, Policy, Section, Source, Topic,
    Warning,
};
pub use date::{PartialDate, Period, resolve_year};
pub use stored::{BriefId, StoredBrief, Version};
