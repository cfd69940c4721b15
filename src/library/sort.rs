//! Stable multi-key sorting: the last clicked column decides, earlier clicks break ties.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::folded::folds_as_ascii;
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
    rank_cells(rows.len(), &|i| lib.cell(view, rows[i], column), def.align)
}

/// A column's cell by its row's position.
type Cells<'c, 'a> = &'c (dyn Fn(usize) -> Cow<'a, str> + Sync);

/// Ranks `count` cells in the order of their keys (numbers, then texts, then empty cells):
/// equal keys, equal ranks; empty cells [`EMPTY`]. Text columns compare in lower case.
fn rank_cells(count: usize, cells: Cells<'_, '_>, align: Align) -> Vec<u32> {
    let keys = Keys::new(count, cells, align);
    let (numbers, texts) = keys.split();
    let mut ranks = vec![EMPTY; count];
    let mut rank = 0u32;
    let mut give = |cell: u32, tied: bool| {
        if !tied {
            rank += 1;
        }
        ranks[cell as usize] = rank - 1;
    };
    let mut previous = None;
    for (n, cell) in numbers {
        give(cell, previous.is_some_and(|p: f64| p.total_cmp(&n).is_eq()));
        previous = Some(n);
    }
    for (cell, tied) in keys.sort_texts(texts) {
        give(cell, tied);
    }
    ranks
}

/// What a cell sorts as.
#[derive(Clone, Copy)]
enum Kind {
    /// Empty cells go last in either direction.
    Empty,
    /// Numbers as shown, thousands separators and all: "70,000,000,000", "2.5".
    Number(f64),
    /// A text at `start..start + len` of the keys' texts ([`Keys::bytes`]), as written: dates,
    /// and numbers that are not numbers.
    Text { start: u32, len: u32 },
    /// A text column's cell: its text is [`Keys::cells`] at the cell's position, compared
    /// with ASCII letters in lower case.
    Cell,
}

/// Bytes of text compared at once.
const CHUNK: usize = 16;

/// The sort keys of a column's cells.
///
/// A text column's cells are mostly the library's own texts, borrowed: those whose lower
/// case differs only in ASCII letters (English, Chinese) are compared as they are with their
/// letters lower-cased a chunk at a time as the sort reads them, the others are lower-cased
/// copies. (Copying every text lower-cased, 116 MB for the news of a million-item library,
/// made the first sort slower: see BENCHMARKS.md.)
///
/// Dates and numbers are short and mostly made on the spot: their keys' texts lie end to end
/// in one string. A long column is made in two halves, one per core; `text` is then the first
/// half's texts, `more` the second's.
struct Keys<'a> {
    kinds: Vec<Kind>,
    /// A text column's cells, by position (empty otherwise).
    cells: Vec<Cow<'a, str>>,
    text: String,
    more: String,
}

/// Columns longer than this have their keys made on two cores.
const PARALLEL: usize = 16_384;

impl<'a> Keys<'a> {
    fn new(count: usize, cells: Cells<'_, 'a>, align: Align) -> Self {
        if count < PARALLEL {
            return Self::of(0..count, cells, align);
        }
        let (first, second) = (0..count / 2, count / 2..count);
        let (mut keys, rest) = std::thread::scope(|s| {
            let rest = s.spawn(|| Self::of(second.clone(), cells, align));
            let keys = Self::of(first, cells, align);
            (keys, rest.join())
        });
        // The second half's texts start where the first's end.
        let base = keys.text.len() as u32;
        let rest = rest.unwrap_or_else(|_| Self::of(second, cells, align));
        keys.kinds
            .extend(rest.kinds.into_iter().map(|kind| match kind {
                Kind::Text { start, len } => Kind::Text {
                    start: base + start,
                    len,
                },
                other => other,
            }));
        keys.more = rest.text;
        keys.cells.extend(rest.cells);
        keys
    }

    /// The keys of the cells at `positions`: a text column's cells, or dates' and numbers'
    /// texts in a string of their own.
    fn of(positions: std::ops::Range<usize>, cells: Cells<'_, 'a>, align: Align) -> Self {
        let mut keys = Self {
            kinds: Vec::with_capacity(positions.len()),
            cells: Vec::new(),
            text: String::new(),
            more: String::new(),
        };
        if align != Align::Text {
            // Each is keyed and dropped at once (holding a million small strings to size the
            // text exactly costs more in malloc than the text's growth).
            for i in positions {
                let kind = keys.kind(&cells(i), align);
                keys.kinds.push(kind);
            }
            keys.text.shrink_to_fit();
            return keys;
        }
        keys.cells.reserve_exact(positions.len());
        for i in positions {
            let cell = cells(i);
            keys.kinds.push(if cell.is_empty() {
                Kind::Empty
            } else {
                Kind::Cell
            });
            // Chinese lower-cases to itself: only texts with other cased letters are copied.
            keys.cells.push(if folds_as_ascii(&cell) {
                cell
            } else {
                Cow::Owned(cell.to_lowercase())
            });
        }
        keys
    }

    fn kind(&mut self, cell: &str, align: Align) -> Kind {
        if cell.is_empty() {
            return Kind::Empty;
        }
        if align == Align::Number
            && let Some(n) = cell
                .replace(',', "")
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
        {
            return Kind::Number(n);
        }
        // Dates, and numbers that are not numbers, sort as written.
        let start = self.text.len();
        self.text.push_str(cell);
        Kind::Text {
            start: start as u32,
            len: (self.text.len() - start) as u32,
        }
    }

    /// The text at `start..start + len` of the texts end to end.
    fn bytes(&self, start: u32, len: u32) -> &[u8] {
        let (start, len) = (start as usize, len as usize);
        match start.checked_sub(self.text.len()) {
            None => &self.text.as_bytes()[start..start + len],
            Some(at) => &self.more.as_bytes()[at..at + len],
        }
    }

    /// The numbers in order (with their cells), and the text cells; empty cells are in
    /// neither.
    fn split(&self) -> (Vec<(f64, u32)>, Vec<u32>) {
        let (mut numbers, mut texts) = (Vec::new(), Vec::new());
        for (i, kind) in self.kinds.iter().enumerate() {
            match kind {
                Kind::Number(n) => numbers.push((*n, i as u32)),
                Kind::Text { .. } | Kind::Cell => texts.push(i as u32),
                Kind::Empty => {}
            }
        }
        numbers.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        (numbers, texts)
    }

    /// Sorts text cells [`CHUNK`] bytes at a time: all by their first bytes as one integer,
    /// then each group that ties by its next bytes, and so on. Each text is read only as far
    /// as it takes to tell it from the others, once, however much it shares with them ("The
    /// Ministry of Industry and Information Technology …"). Returns the cells in order, each
    /// with whether it equals the one before.
    ///
    /// A long column is sorted on both cores: each sorts half by the first chunk, the halves
    /// are merged, and each core then orders the groups on its side of a boundary between
    /// groups.
    fn sort_texts(&self, cells: Vec<u32>) -> Vec<(u32, bool)> {
        let mut keyed: Vec<Keyed> = cells.into_iter().map(|c| self.keyed(c, 0)).collect();
        let mut tied = vec![false; keyed.len()];
        if keyed.len() < PARALLEL {
            self.refine(&mut keyed, &mut tied, 0, false);
        } else {
            let mid = keyed.len() / 2;
            let (first, second) = keyed.split_at_mut(mid);
            std::thread::scope(|s| {
                s.spawn(|| first.sort_unstable_by_key(Keyed::key));
                second.sort_unstable_by_key(Keyed::key);
            });
            keyed = merge(&keyed, mid, Keyed::key);
            // Where the first group that goes on past the middle ends.
            let split = (mid..keyed.len())
                .find(|&i| !keyed[i].same_chunk(&keyed[i - 1]))
                .unwrap_or(keyed.len());
            let (first, second) = keyed.split_at_mut(split);
            let (first_tied, second_tied) = tied.split_at_mut(split);
            std::thread::scope(|s| {
                s.spawn(|| self.refine(first, first_tied, 0, true));
                self.refine(second, second_tied, 0, true);
            });
        }
        keyed.into_iter().map(|k| k.cell).zip(tied).collect()
    }

    /// Orders `keyed`, texts alike in their first `depth` chunks that hold their chunk
    /// `depth` (already in order when `sorted`), by the rest of their texts; marks in `tied`
    /// each text that equals the one before.
    fn refine(&self, keyed: &mut [Keyed], tied: &mut [bool], depth: usize, sorted: bool) {
        // Groups to order: where they are, their depth, and whether their chunks are up to
        // date and in order.
        let mut groups = vec![(0, keyed.len(), depth, sorted)];
        while let Some((start, end, depth, ready)) = groups.pop() {
            let group = &mut keyed[start..end];
            if !ready {
                if depth > 0 {
                    for k in group.iter_mut() {
                        *k = self.keyed(k.cell, depth);
                    }
                }
                group.sort_unstable_by_key(Keyed::key);
            }
            let mut at = start;
            for run in group.chunk_by(Keyed::same_chunk) {
                if run.len() > 1 && run[0].continues() {
                    groups.push((at, at + run.len(), depth + 1, false));
                } else {
                    // Texts that end with this chunk, all alike, are equal.
                    tied[at + 1..at + run.len()].fill(true);
                }
                at += run.len();
            }
        }
    }

    /// Text cell `cell` with its `depth`-th [`CHUNK`] bytes.
    fn keyed(&self, cell: u32, depth: usize) -> Keyed {
        let (text, fold) = self.text(cell);
        Keyed::new(text, depth, fold, cell)
    }

    /// The text a cell sorts by, and whether its ASCII letters compare lower-cased.
    fn text(&self, cell: u32) -> (&[u8], bool) {
        // A text column's cells are all `Kind::Cell` but the empty ones, which are not sorted:
        // one memory read fewer per chunk.
        if let Some(text) = self.cells.get(cell as usize) {
            return (text.as_bytes(), true);
        }
        match self.kinds[cell as usize] {
            Kind::Text { start, len } => (self.bytes(start, len), false),
            _ => (&[], false),
        }
    }
}

/// Merges the two runs `items[..mid]` and `items[mid..]`, each in the order of their `key`.
fn merge<T: Copy, K: Ord>(items: &[T], mid: usize, key: impl Fn(&T) -> K) -> Vec<T> {
    let (mut left, mut right) = (
        items[..mid].iter().peekable(),
        items[mid..].iter().peekable(),
    );
    let mut out = Vec::with_capacity(items.len());
    loop {
        let next = match (left.peek(), right.peek()) {
            (Some(l), Some(r)) if key(r) < key(l) => right.next(),
            (Some(_), _) => left.next(),
            (None, _) => right.next(),
        };
        match next {
            Some(item) => out.push(*item),
            None => return out,
        }
    }
}

/// A text cell with [`CHUNK`] bytes of its text, big-endian and zero-padded, and how many of
/// them the text has (`CHUNK + 1`: more follow). 24 bytes: the sort moves a million of them,
/// and a `u128` field would align each to 48.
#[derive(Clone, Copy)]
struct Keyed {
    high: u64,
    low: u64,
    len: u8,
    cell: u32,
}

impl Keyed {
    /// The `depth`-th chunk of `text`, with ASCII capitals made small when `fold`.
    fn new(text: &[u8], depth: usize, fold: bool, cell: u32) -> Self {
        let rest = text.get(depth * CHUNK..).unwrap_or_default();
        // Most chunks are whole: read them in place (a copy of a length not known at compile
        // time is a call to `memcpy`, a quarter of the first sort by a long text column).
        let bytes: [u8; CHUNK] = match rest.first_chunk() {
            Some(whole) => *whole,
            None => {
                let mut bytes = [0u8; CHUNK];
                bytes[..rest.len()].copy_from_slice(rest);
                bytes
            }
        };
        let half = |i: usize| {
            let word = u64::from_be_bytes(bytes[i..i + 8].try_into().unwrap_or_default());
            if fold { ascii_lowercase(word) } else { word }
        };
        Self {
            high: half(0),
            low: half(8),
            len: rest.len().min(CHUNK + 1) as u8,
            cell,
        }
    }

    /// What the cell sorts by: ordered as the texts are (a text that ends sorts before one
    /// that goes on, even with zero bytes).
    fn key(&self) -> (u128, u8) {
        (
            (u128::from(self.high) << 64) | u128::from(self.low),
            self.len,
        )
    }

    fn same_chunk(&self, other: &Self) -> bool {
        self.key() == other.key()
    }

    /// Whether the text goes on past this chunk, so that ties need the next one.
    fn continues(&self) -> bool {
        usize::from(self.len) > CHUNK
    }
}

/// The 8 bytes of `word` with ASCII capital letters made small, all at once.
fn ascii_lowercase(word: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = ONES * 0x80;
    // Per byte, from its low seven bits: the high bit set when they are at least 'A', and
    // when they are past 'Z'; bytes with their own high bit set are not ASCII.
    let low = word & !HIGH;
    let from_a = low + ONES * (0x80 - b'A' as u64);
    let past_z = low + ONES * (0x80 - b'Z' as u64 - 1);
    let capital = from_a & !past_z & !word & HIGH;
    word | (capital >> 2)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The ranks as the first version made them: each cell's key sorted whole.
    fn reference(cells: &[&str], align: Align) -> Vec<u32> {
        let key = |c: &str| -> Option<Result<f64, String>> {
            if c.is_empty() {
                return None;
            }
            let number = c
                .replace(',', "")
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite());
            Some(match (align, number) {
                (Align::Number, Some(n)) => Ok(n),
                (Align::Text, _) => Err(c.to_lowercase()),
                _ => Err(c.to_owned()),
            })
        };
        let keys: Vec<_> = cells.iter().map(|c| key(c)).collect();
        let order = |a: &Result<f64, String>, b: &Result<f64, String>| match (a, b) {
            (Ok(x), Ok(y)) => x.total_cmp(y),
            (Ok(_), Err(_)) => Ordering::Less,
            (Err(_), Ok(_)) => Ordering::Greater,
            (Err(x), Err(y)) => x.cmp(y),
        };
        let mut distinct: Vec<&Result<f64, String>> = keys.iter().flatten().collect();
        distinct.sort_by(|a, b| order(a, b));
        distinct.dedup_by(|a, b| order(a, b).is_eq());
        keys.iter()
            .map(|k| match k {
                None => EMPTY,
                Some(k) => distinct.partition_point(|d| order(d, k).is_lt()) as u32,
            })
            .collect()
    }

    fn ranks(cells: &[&str], align: Align) -> Vec<u32> {
        rank_cells(cells.len(), &|i| Cow::Borrowed(cells[i]), align)
    }

    #[test]
    fn texts_rank_in_lower_case_however_long_they_share_a_beginning() {
        let shared = "The Ministry of Industry and Information Technology said on Monday that ";
        let owned: Vec<String> = [
            "it would",
            "It would",
            "it will",
            "",
            "it",
            "it would ",
            "ÉTAT",
            "état",
            "Zeta",
            "zeta\0",
            "zeta",
            "ΣΑΣ",
            "σας",
            "KELVIN",
            "\u{212A}elvin",
            "İstanbul",
            "i",
        ]
        .iter()
        .flat_map(|end| [format!("{shared}{end}"), (*end).to_owned()])
        .collect();
        let cells: Vec<&str> = owned.iter().map(String::as_str).collect();
        let got = ranks(&cells, Align::Text);
        assert_eq!(got, reference(&cells, Align::Text));
        // Case variants tie, a longer text follows its beginning, empty cells come last.
        let at = |c: &str| got[cells.iter().position(|x| *x == c).unwrap()];
        assert_eq!(at("It would"), at("it would"));
        assert!(at("it") < at("it will") && at("it will") < at("it would"));
        assert!(at("zeta") < at("zeta\0"));
        assert_eq!(at(""), EMPTY);
        // Dates compare as written.
        let dates = ["2024-05-01", "2023-12-31", "", "2024-05-01", "2024"];
        assert_eq!(ranks(&dates, Align::Date), reference(&dates, Align::Date));
    }

    #[test]
    fn a_keyed_cell_takes_24_bytes() {
        assert_eq!(std::mem::size_of::<Keyed>(), 24);
    }

    #[test]
    fn chunks_lower_case_every_ascii_capital_and_nothing_else() {
        for first in (0..=255u8).step_by(8) {
            let bytes: [u8; 8] = std::array::from_fn(|i| first.wrapping_add(i as u8));
            let want = bytes.map(|b| b.to_ascii_lowercase());
            let got = ascii_lowercase(u64::from_be_bytes(bytes)).to_be_bytes();
            assert_eq!(got, want, "bytes from {first}");
        }
    }

    #[test]
    fn numbers_rank_before_texts_and_by_value() {
        let cells = [
            "70,000,000,000",
            "2.5",
            "n/a",
            "",
            "2.50",
            "-1",
            "1e3",
            "abc",
            "N/A",
        ];
        let got = ranks(&cells, Align::Number);
        assert_eq!(got, reference(&cells, Align::Number));
        assert_eq!(got[1], got[4], "2.5 and 2.50 are one number");
        assert!(got[5] < got[1] && got[1] < got[6] && got[6] < got[0] && got[0] < got[2]);
        // "n/a" and "N/A" are not a text column's: they differ.
        assert_ne!(got[2], got[8]);
    }

    #[test]
    fn long_columns_made_on_two_cores_rank_as_short_ones() {
        // Pseudo-random texts from a small alphabet, many sharing beginnings, some equal.
        let mut state = 7u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        let owned: Vec<String> = (0..PARALLEL + 5_000)
            .map(|_| {
                let len = next() % 40;
                (0..len)
                    .map(|_| ['a', 'B', 'b', ' ', 'é', 'É'][next() % 6])
                    .collect()
            })
            .collect();
        let cells: Vec<&str> = owned.iter().map(String::as_str).collect();
        assert_eq!(ranks(&cells, Align::Text), reference(&cells, Align::Text));
    }
}
