//! The dated things a timeline shows, taken from the library through the current filter.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::library::{Filter, ItemKey, Library, Row, View, deadline_date, split_bodies};

/// What a mark stands for; each kind has its own shape and colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkKind {
    /// A policy document's date (topic footer).
    Policy,
    PolicyNews,
    CorporateNews,
    /// A dated bullet point of a topic.
    Event,
    /// The year a target falls due ("by 2030"), drawn on its last day; kept in its own lane,
    /// apart from the dates documents were issued.
    Deadline,
}

impl MarkKind {
    pub const ALL: [Self; 5] = [
        Self::Policy,
        Self::PolicyNews,
        Self::CorporateNews,
        Self::Event,
        Self::Deadline,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Policy => "Policy document",
            Self::PolicyNews => "Policy news",
            Self::CorporateNews => "Corporate news",
            Self::Event => "Topic event",
            Self::Deadline => "Deadlines",
        }
    }
}

/// How marks are grouped into horizontal lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
pub enum LaneMode {
    #[default]
    Kind,
    Body,
}

/// One dated item. Its texts stay in the library it was collected from (read them with
/// [`Mark::texts`]): a large library has hundreds of thousands of marks, and copies of their
/// titles took more memory than the rest of the timeline together.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub date: NaiveDate,
    pub kind: MarkKind,
    /// Its row in that library: a topic (policy documents, events), a news item or a target.
    /// Selecting the mark selects it, in [`Mark::view`].
    pub row: Row,
    /// For an event, its index among the topic's dated points.
    pub event: u16,
}

/// What a mark shows, as the library holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarkTexts<'a> {
    pub title: Cow<'a, str>,
    pub title_zh: Option<&'a str>,
    /// The issuing body of the policy it belongs to, as written.
    pub body: Option<&'a str>,
}

impl Mark {
    /// The view whose item the mark stands for.
    pub fn view(&self) -> View {
        match self.kind {
            MarkKind::Policy => View::Policies,
            MarkKind::PolicyNews | MarkKind::CorporateNews => View::News,
            MarkKind::Event => View::Topics,
            MarkKind::Deadline => View::Targets,
        }
    }

    /// What selecting the mark selects.
    pub fn key(&self, lib: &Library) -> Option<ItemKey> {
        lib.key(self.view(), self.row)
    }

    /// True when the mark stands for `item` (a view and a row, see [`selected_item`]).
    pub fn is(&self, item: (View, Row)) -> bool {
        (self.view(), self.row) == item
    }

    /// The mark's title, Chinese title and issuing body from `lib`, the library it was
    /// collected from; empty if that library no longer holds its row.
    pub fn texts<'a>(&self, lib: &'a Library) -> MarkTexts<'a> {
        let body = self.body(lib);
        match (self.kind, self.row) {
            (MarkKind::Policy, Row::Topic(b, t)) => {
                let policy = lib.topic(b, t).and_then(|topic| topic.policy.as_ref());
                MarkTexts {
                    title: Cow::Borrowed(policy.map_or("", |p| p.name.as_str())),
                    title_zh: policy.and_then(|p| p.name_zh.as_deref()),
                    body,
                }
            }
            (MarkKind::Event, Row::Topic(b, t)) => MarkTexts {
                title: Cow::Borrowed(
                    lib.topic(b, t)
                        .and_then(|topic| topic.events.get(self.event as usize))
                        .map_or("", |e| e.text.as_str()),
                ),
                title_zh: None,
                body,
            },
            (MarkKind::PolicyNews | MarkKind::CorporateNews, Row::News(b, n)) => MarkTexts {
                title: Cow::Borrowed(lib.news_item(b, n).map_or("", |i| i.text())),
                ..MarkTexts::default()
            },
            (MarkKind::Deadline, Row::Target(i)) => match lib.target(i) {
                Some(target) => MarkTexts {
                    title: Cow::Owned(format!("{}: {}", target.year, target.text)),
                    title_zh: None,
                    body,
                },
                None => MarkTexts::default(),
            },
            _ => MarkTexts::default(),
        }
    }

    /// The issuing body, as written, of the policy the mark belongs to (none for news).
    pub fn body<'a>(&self, lib: &'a Library) -> Option<&'a str> {
        match self.row {
            Row::Topic(b, t) => lib.topic(b, t)?.policy.as_ref()?.issuing_body.as_deref(),
            Row::Target(i) => lib
                .target(i)
                .and_then(|target| lib.origin_body(target.brief, target.origin)),
            _ => None,
        }
    }
}

/// The item `key` names in `lib`, in the form [`Mark::is`] compares.
pub fn selected_item(lib: &Library, key: &ItemKey) -> Option<(View, Row)> {
    Some((Library::view_of(key), lib.row_of(key)?))
}

/// Every dated policy, news item and topic event that passes `filter`, sorted by date.
pub fn collect_marks(lib: &Library, filter: &Filter) -> Vec<Mark> {
    // About one mark per policy, news item, event and target: room for them at once, as a
    // vector that grows by doubling would hold up to twice as much while it is made.
    let views = [View::Policies, View::News, View::Targets];
    let events: usize = (lib.briefs().iter())
        .flat_map(|s| &s.brief.topics)
        .map(|t| t.events.len())
        .sum();
    let mut marks =
        Vec::with_capacity(views.iter().map(|v| lib.rows(*v).len()).sum::<usize>() + events);
    for row in filter.matching(lib, View::Policies) {
        if let Row::Topic(b, t) = row
            && let Some(topic) = lib.topic(b, t)
            && let Some(policy) = &topic.policy
            && let Some(date) = policy.date
        {
            marks.push(Mark {
                date,
                kind: MarkKind::Policy,
                row,
                event: 0,
            });
        }
    }
    for row in filter.matching(lib, View::News) {
        if let Row::News(b, n) = row
            && let Some(item) = lib.news_item(b, n)
            && let Some(date) = item.date
        {
            let kind = match item.section {
                crate::model::Section::Policy => MarkKind::PolicyNews,
                crate::model::Section::Corporate => MarkKind::CorporateNews,
            };
            marks.push(Mark {
                date,
                kind,
                row,
                event: 0,
            });
        }
    }
    // Events carry their own dates: the range applies to them, not to the topic's policy date.
    let undated = Filter {
        from: None,
        to: None,
        ..filter.clone()
    };
    let in_range =
        |d: NaiveDate| filter.from.is_none_or(|f| d >= f) && filter.to.is_none_or(|t| d <= t);
    for row in undated.matching(lib, View::Topics) {
        if let Row::Topic(b, t) = row
            && let Some(topic) = lib.topic(b, t)
        {
            for (e, event) in topic.events.iter().enumerate() {
                if let Some(date) = event.date.filter(|d| in_range(*d)) {
                    marks.push(Mark {
                        date,
                        kind: MarkKind::Event,
                        row,
                        event: e as u16,
                    });
                }
            }
        }
    }
    for row in filter.matching(lib, View::Targets) {
        if let Row::Target(i) = row
            && let Some(target) = lib.target(i)
            && let Some(date) = deadline_date(target.year)
        {
            marks.push(Mark {
                date,
                kind: MarkKind::Deadline,
                row,
                event: 0,
            });
        }
    }
    // By date and kind, ties in the order collected. Sorted in place: a stable sort of 300,000
    // marks takes a second vector as large for a moment.
    marks.sort_unstable_by_key(|m| (m.date, m.kind, collected_order(m.row), m.event));
    marks.shrink_to_fit();
    marks
}

/// Where `row` comes among the rows of its view (each kind of mark comes from one view, whose
/// rows go brief by brief, topic by topic, item by item).
fn collected_order(row: Row) -> (u32, u16) {
    match row {
        Row::Topic(b, i) | Row::News(b, i) => (b, i),
        Row::Brief(i) | Row::Glossary(i) | Row::Target(i) | Row::Figure(i) | Row::Org(i) => (i, 0),
    }
}

/// Lane names, and the lane of each mark (collected from `lib`).
pub fn assign_lanes(lib: &Library, marks: &[Mark], mode: LaneMode) -> (Vec<String>, Vec<u16>) {
    match mode {
        LaneMode::Kind => {
            let names = MarkKind::ALL.iter().map(|k| k.label().to_owned()).collect();
            let lanes = marks.iter().map(|m| m.kind as u16).collect();
            (names, lanes)
        }
        LaneMode::Body => {
            let lane_name = |m: &Mark| match (m.body(lib), m.kind) {
                // Deadlines stay apart from the dates documents were issued.
                (_, MarkKind::Deadline) => MarkKind::Deadline.label().to_owned(),
                (Some(body), _) => split_bodies(body)
                    .first()
                    .map_or_else(String::new, |b| (*b).to_owned()),
                (None, MarkKind::PolicyNews | MarkKind::CorporateNews) => "News".to_owned(),
                (None, _) => "No issuing body".to_owned(),
            };
            let mut names: Vec<String> = marks.iter().map(lane_name).collect();
            names.sort();
            names.dedup();
            let lanes = marks
                .iter()
                .map(|m| names.binary_search(&lane_name(m)).unwrap_or(0) as u16)
                .collect();
            (names, lanes)
        }
    }
}

/// The view that shows every mark's date, but for deadlines: those lie years ahead, and
/// fitting them too would squeeze the issue dates into a sliver (zoom out to see them). Only
/// deadlines: fits them.
pub fn fit_marks(marks: &[Mark]) -> Option<super::TimeScale> {
    let dated = marks.iter().filter(|m| m.kind != MarkKind::Deadline);
    super::TimeScale::fit(dated.map(|m| super::day_number(m.date)))
        .or_else(|| super::TimeScale::fit(marks.iter().map(|m| super::day_number(m.date))))
}

/// Pairs of marks (indices into `marks`, lower first) that are the same policy document named
/// in different briefs: a draft and its final version, an interpretation. The timeline joins
/// them with a line: each to the next in date order, so a policy named in k briefs gets k − 1
/// links, not one for every pair (a name that recurs in thousands of briefs would otherwise
/// give millions).
pub fn policy_links(lib: &Library, marks: &[Mark]) -> Vec<(u32, u32)> {
    // Policy key → the last mark of that policy so far; marks come in date order.
    let mut last: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let mut links = Vec::new();
    for (i, mark) in marks.iter().enumerate() {
        let (MarkKind::Policy, Row::Topic(b, t)) = (mark.kind, mark.row) else {
            continue;
        };
        let Some(key) = lib.policy_analysis(b, t).and_then(|p| p.key.as_ref()) else {
            continue;
        };
        if let Some(before) = last.insert(key.key.as_str(), i as u32) {
            links.push((before, i as u32));
        }
    }
    links.sort_unstable();
    links
}
