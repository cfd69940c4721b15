//! Stable multi-key sorting: the last clicked column decides, earlier clicks break ties.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::{Align, Library, Row, View, columns};

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

    /// Sorts `rows` of `view` by every key, oldest first, each sort stable.
    pub fn apply(&self, lib: &Library, view: View, rows: &mut Vec<Row>) {
        let cols = columns(view);
        for key in self.keys.iter().rev().filter(|k| k.column < cols.len()) {
            let align = cols[key.column].align;
            let mut keyed: Vec<(CellKey, Row)> = rows
                .iter()
                .map(|r| (CellKey::new(&lib.cell(view, *r, key.column), align), *r))
                .collect();
            keyed.sort_by(|a, b| a.0.compare(&b.0, key.ascending));
            *rows = keyed.into_iter().map(|(_, r)| r).collect();
        }
    }
}

/// A cell's value as it sorts.
#[derive(Debug, PartialEq, Eq)]
enum CellKey {
    /// Empty cells go last in either direction.
    Empty,
    Number(i64),
    Text(String),
}

impl CellKey {
    fn new(text: &str, align: Align) -> Self {
        if text.is_empty() {
            return Self::Empty;
        }
        match align {
            Align::Number => text
                .parse()
                .map_or_else(|_| Self::Text(text.to_owned()), Self::Number),
            Align::Date => Self::Text(text.to_owned()),
            Align::Text => Self::Text(text.to_lowercase()),
        }
    }

    fn compare(&self, other: &Self, ascending: bool) -> Ordering {
        let order = match (self, other) {
            (Self::Empty, Self::Empty) => return Ordering::Equal,
            (Self::Empty, _) => return Ordering::Greater,
            (_, Self::Empty) => return Ordering::Less,
            (Self::Number(a), Self::Number(b)) => a.cmp(b),
            (Self::Number(_), Self::Text(_)) => Ordering::Less,
            (Self::Text(_), Self::Number(_)) => Ordering::Greater,
            (Self::Text(a), Self::Text(b)) => a.cmp(b),
        };
        if ascending { order } else { order.reverse() }
    }
}
