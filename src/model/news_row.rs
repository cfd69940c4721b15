//! News items on their way from the store into the library, borrowed, one at a time.

use chrono::NaiveDate;

use super::{Lang, Section};

/// A news item as the store reads it, borrowed from its row: what a [`NewsSink`] is given.
#[derive(Clone, Copy, Debug)]
pub struct NewsRow<'a> {
    pub section: Section,
    pub date: Option<NaiveDate>,
    /// The last day of a range of dates.
    pub until: Option<NaiveDate>,
    pub text: &'a str,
    pub sources: &'a [SourceRow<'a>],
}

/// A source of a [`NewsRow`], its title borrowed from the row where it can be.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct SourceRow<'a> {
    #[serde(borrow)]
    pub title: std::borrow::Cow<'a, str>,
    pub lang: Option<Lang>,
}

/// Where the store puts the news items it reads when it opens a large library (its
/// `load_outline`), instead of making a [`super::NewsItem`] of each: such a library has
/// hundreds of thousands of them.
pub trait NewsSink {
    /// An item of the brief at `brief` in the outline's briefs. Briefs come in order, and
    /// each brief's items in order.
    fn push(&mut self, brief: usize, item: NewsRow<'_>);
    /// Forget every item pushed so far: they come again, from the first.
    fn restart(&mut self);
}
