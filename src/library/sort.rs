//! Stable multi-key sorting: the last clicked column decides, earlier clicks break ties.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{Align, Library, View, columns};

/// The rank of an empty cell: last in either direction.
const EMPTY: u32 = u32::MAX;

/// Per view and column, each row's rank in that column's order (equal cells, equal ranks),
/// made once, the first time the column is sorted. Sorting then compares integers.
#[derive(Default)]
pub(super) struct RankCache(BTreeMap<View, Vec<OnceLock<Vec<u32>>>>);

impl RankCache {
    pub(super) fn new() -> Self {
        Self(
            View::ALL
                .iter()
                .map(|v| (*v, columns(*v).iter().map(|_| OnceLock::new()).collect()))
                .collect(),
        )
    }
}

impl Library {
    /// The ranks of `column` of `view`, aligned with [`Library::rows`].
    fn ranks(&self, view: View, column: usize) -> Cow<'_, [u32]> {
        // Mention counts of an outline arrive later: do not keep ranks made before.
        let settled = match view {
            View::Glossary => self.is_searchable(),
            View::Targets | View::Figures | View::Organisations => self.has_analyses(),
            // The document type.
            View::Policies => self.has_analyses() || column != 6,
            _ => true,
        };
        match self.ranks.0.get(&view).and_then(|c| c.get(column)) {
            Some(slot) if settled => Cow::Borrowed(slot.get_or_init(|| rank(self, view, column))),
            _ => Cow::Owned(rank(self, view, column)),
        }
    }
}

impl Library {
    /// Ranks `column` of `view` afresh, without the cache: what the first sort by a column
    /// costs. For the benchmarks.
    #[doc(hidden)]
    pub fn rank_uncached(&self, view: View, column: usize) -> Vec<u32> {
        rank(self, view, column)
    }
}

/// Ranks every row of `view` by `column`, ascending; empty cells get [`EMPTY`].
fn rank(lib: &Library, view: View, column: usize) -> Vec<u32> {
    let rows = lib.rows(view);
    let Some(def) = columns(view).get(column) else {
        return vec![0; rows.len()];
    };
    let keys: Vec<CellKey> = rows
        .iter()
        .map(|r| CellKey::new(&lib.cell(view, *r, column), def.align))
        .collect();
    // Texts compare by their first 16 bytes as one integer, and in full only when those tie:
    // far fewer cache misses than comparing the strings every time.
    let prefixes: Vec<u128> = keys.iter().map(CellKey::prefix).collect();
    let mut order: Vec<u32> = (0..rows.len() as u32).collect();
    order.sort_unstable_by(|a, b| {
        let (a, b) = (*a as usize, *b as usize);
        match (&keys[a], &keys[b]) {
            (CellKey::Text(_), CellKey::Text(_)) => prefixes[a]
                .cmp(&prefixes[b])
                .then_with(|| keys[a].compare(&keys[b], true)),
            (ka, kb) => ka.compare(kb, true),
        }
    });
    let mut ranks = vec![EMPTY; rows.len()];
    let mut rank = 0u32;
    for (i, &p) in order.iter().enumerate() {
        let key = &keys[p as usize];
        if i > 0 && *key != keys[order[i - 1] as usize] {
            rank += 1;
        }
        if *key != CellKey::Empty {
            ranks[p as usize] = rank;
        }
    }
    ranks
}

/// A column to sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SortKey {
    pub column: usize,
    pub ascending: bool,
}

/// The sort of one view: the most recent key first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SortState {
    pub keys: Vec<SortKey>,
}

/// How many earlier keys are kept as tie-breakers.
const MAX_KEYS: usize = 4;

impl SortState {
    /// The key that decides the order, if any.
    pub fn primary(&self) -> Option<SortKey> {
        self.keys.first().copied()
    }

    /// A click on a column header: sort by it, or reverse it if it already decides.
    pub fn click(&mut self, column: usize) {
        match self.keys.first_mut() {
            Some(first) if first.column == column => first.ascending = !first.ascending,
            _ => {
                self.keys.retain(|k| k.column != column);
                self.keys.insert(
                    0,
                    SortKey {
                        column,
                        ascending: true,
                    },
                );
                self.keys.truncate(MAX_KEYS);
            }
        }
    }

    /// Sorts `rows` of `view`: by the first key, ties by the next, remaining ties in the
    /// order they came. The app sorts positions ([`SortState::sort_positions`]); this is for
    /// tests that hold rows.
    #[cfg(test)]
    pub(crate) fn apply(&self, lib: &Library, view: View, rows: &mut Vec<super::Row>) {
        let position: std::collections::HashMap<super::Row, u32> = lib
            .rows(view)
            .iter()
            .enumerate()
            .map(|(p, r)| (*r, p as u32))
            .collect();
        let mut keyed: Vec<(u32, super::Row)> = rows
            .iter()
            .map(|r| (position.get(r).copied().unwrap_or(u32::MAX), *r))
            .collect();
        let ranks = self.rank_columns(lib, view);
        keyed.sort_by(|a, b| compare(&ranks, a.0, b.0));
        *rows = keyed.into_iter().map(|(_, r)| r).collect();
    }

    /// Sorts positions in [`Library::rows`] of `view`, as [`SortState::apply`] sorts rows;
    /// ties keep library order when `positions` came in library order.
    pub fn sort_positions(&self, lib: &Library, view: View, positions: &mut [u32]) {
        if self.keys.is_empty() {
            return;
        }
        let ranks = self.rank_columns(lib, view);
        positions.sort_by(|a, b| compare(&ranks, *a, *b));
    }

    /// The rank arrays of the keys, primary first, with their directions.
    fn rank_columns<'a>(&self, lib: &'a Library, view: View) -> Vec<(Cow<'a, [u32]>, bool)> {
        let n = columns(view).len();
        self.keys
            .iter()
            .filter(|k| k.column < n)
            .map(|k| (lib.ranks(view, k.column), k.ascending))
            .collect()
    }
}

/// Compares two positions by each rank array in turn; empty cells last in either direction.
fn compare(ranks: &[(Cow<'_, [u32]>, bool)], a: u32, b: u32) -> Ordering {
    for (column, ascending) in ranks {
        let rank = |p: u32| column.get(p as usize).copied().unwrap_or(EMPTY);
        let (ra, rb) = (rank(a), rank(b));
        let order = match (ra == EMPTY, rb == EMPTY) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) if *ascending => ra.cmp(&rb),
            (false, false) => rb.cmp(&ra),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    Ordering::Equal
}

/// A cell's value as it sorts.
#[derive(Debug, PartialEq)]
enum CellKey {
    /// Empty cells go last in either direction.
    Empty,
    /// Numbers as shown, thousands separators and all: "70,000,000,000", "2.5".
    Number(f64),
    Text(String),
}

impl CellKey {
    fn new(text: &str, align: Align) -> Self {
        if text.is_empty() {
            return Self::Empty;
        }
        match align {
            Align::Number => text
                .replace(',', "")
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map_or_else(|| Self::Text(text.to_owned()), Self::Number),
            Align::Date => Self::Text(text.to_owned()),
            Align::Text if text.is_ascii() => Self::Text(text.to_ascii_lowercase()),
            Align::Text => Self::Text(text.to_lowercase()),
        }
    }

    /// A text's first 16 bytes, big-endian and zero-padded: ordered as the texts are, but
    /// for ties.
    fn prefix(&self) -> u128 {
        let Self::Text(text) = self else {
            return 0;
        };
        let mut bytes = [0u8; 16];
        let n = text.len().min(16);
        bytes[..n].copy_from_slice(&text.as_bytes()[..n]);
        u128::from_be_bytes(bytes)
    }

    fn compare(&self, other: &Self, ascending: bool) -> Ordering {
        let order = match (self, other) {
            (Self::Empty, Self::Empty) => return Ordering::Equal,
            (Self::Empty, _) => return Ordering::Greater,
            (_, Self::Empty) => return Ordering::Less,
            (Self::Number(a), Self::Number(b)) => a.total_cmp(b),
            (Self::Number(_), Self::Text(_)) => Ordering::Less,
            (Self::Text(_), Self::Number(_)) => Ordering::Greater,
            (Self::Text(a), Self::Text(b)) => a.cmp(b),
        };
        if ascending { order } else { order.reverse() }
    }
}
