//! The timeline's data and geometry, with no drawing library in sight: marks from the
//! library, the time scale, adaptive ticks, lanes, clusters and hit-testing. Pure, so every
//! rule is unit-tested; `chart` draws a [`Layout`] with plotters.

mod layout;
mod marks;
mod scale;
mod ticks;

pub use layout::{Cluster, Geometry, Lane, Layout, radius};
pub use marks::{
    LaneMode, Mark, MarkKind, MarkTexts, assign_lanes, collect_marks, fit_marks, policy_links,
    selected_item,
};
pub use scale::{TimeScale, date_of, day_number};
pub use ticks::{Tick, TickUnit, ticks};

#[cfg(test)]
mod tests;
