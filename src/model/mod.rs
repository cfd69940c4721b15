//! The data Briefdesk works with: plain structs, no I/O, no UI.
//!
//! Everything else depends on this module; it depends on nothing of ours.

mod analysis;
mod brief;
mod date;
mod news_row;
mod stored;

pub use analysis::{
    BriefAnalysis, DocInfo, DocNumber, DocType, FieldRef, Figure, FigureKind, NewsAnalysis,
    OrgKind, OrgMention, Organisation, PolicyAnalysis, PolicyKey, Qualifier, Target, TargetKind,
    TextField, TopicAnalysis, YearRange,
};
pub use brief::{
    Brief, Event, GlossaryEntry, GlossaryKind, Lang, NewsItem, Policy, Section, Source, Topic,
    Warning,
};
pub use date::{PartialDate, Period, resolve_year};
pub use news_row::{NewsRow, NewsSink, SourceRow};
pub use stored::{BriefId, StoredBrief, Version};
