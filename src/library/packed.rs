//! Search texts packed end to end: a view's rows in chunks of one string each, every row
//! followed by a `'\n'`, so a term is looked for through a whole chunk at once and a match
//! can never span two rows (a search term never holds a `'\n'`: terms are split on
//! whitespace). No allocation per row, and each chunk is exactly as long as its text.

use memchr::memmem::Finder;

/// Rows per chunk: large enough that a search runs through long strings (a chunk of topics
/// holds about 2.5 MB of text), small enough that an outline's chunk is rebuilt soon after its
/// texts have come (see [`Column::extended`]): the texts waiting for their chunk are never
/// more than a few megabytes. (4,096 rows kept 9 MB waiting at the loading peak; the
/// keystroke benchmarks could not tell the two sizes apart.)
#[cfg(not(test))]
pub(super) const CHUNK_ROWS: usize = 1024;
/// Small in tests, so that a few briefs fill several chunks.
#[cfg(test)]
pub(super) const CHUNK_ROWS: usize = 16;

/// A search term, as looked for in a column's text.
pub(super) trait Needle {
    /// Where it first is in `hay`.
    fn find(&self, hay: &[u8]) -> Option<usize>;
    /// Its length in bytes.
    fn len(&self) -> usize;
}

impl Needle for Finder<'_> {
    fn find(&self, hay: &[u8]) -> Option<usize> {
        Finder::find(self, hay)
    }

    fn len(&self) -> usize {
        self.needle().len()
    }
}

/// What ends every row's text.
const END: char = '\n';

/// The texts of consecutive rows, each followed by [`END`], in one string of exactly their
/// size.
struct Chunk {
    text: Box<str>,
    /// Where each row's [`END`] is. A chunk holds at most 4 GiB of text: a row that would
    /// take it past that is cut short.
    ends: Box<[u32]>,
}

/// The texts of a view's rows (or of the sentences the findings share), in chunks of
/// [`CHUNK_ROWS`] rows.
#[derive(Default)]
pub(super) struct Column {
    chunks: Vec<Chunk>,
    rows: usize,
}

/// Makes a [`Column`] a row at a time.
#[derive(Default)]
pub(super) struct ColumnBuilder {
    column: Column,
    /// The chunk in the making; copied into a chunk of its exact size when full.
    text: String,
    ends: Vec<u32>,
}

impl ColumnBuilder {
    /// Adds the next row's text.
    pub(super) fn push(&mut self, row: &str) {
        push_row(&mut self.text, &mut self.ends, row);
        if self.ends.len() == CHUNK_ROWS {
            self.end_chunk();
        }
    }

    pub(super) fn finish(mut self) -> Column {
        if !self.ends.is_empty() {
            self.end_chunk();
        }
        self.column.chunks.shrink_to_fit();
        self.column
    }

    fn end_chunk(&mut self) {
        self.column.rows += self.ends.len();
        self.column.chunks.push(Chunk {
            text: self.text.as_str().into(),
            ends: self.ends.as_slice().into(),
        });
        self.text.clear();
        self.ends.clear();
    }
}

/// Appends `row` and its [`END`] to a chunk's `text`, and where it ends to `ends`.
fn push_row(text: &mut String, ends: &mut Vec<u32>, row: &str) {
    let room = (u32::MAX as usize).saturating_sub(text.len() + END.len_utf8());
    let mut cut = row.len().min(room);
    while !row.is_char_boundary(cut) {
        cut -= 1;
    }
    text.push_str(&row[..cut]);
    ends.push(text.len() as u32);
    text.push(END);
}

impl Chunk {
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The text of row `i` of the chunk, without its [`END`].
    fn row(&self, i: usize) -> &str {
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize + END.len_utf8(),
        };
        self.text.get(start..self.ends[i] as usize).unwrap_or("")
    }

    /// Pushes `first +` the index of every row of the chunk whose text holds every one of
    /// `terms` (not empty), in order. The longest term (likely the rarest) is looked for
    /// through the whole chunk; the others only in the rows it is found in.
    fn rows_with_all<N: Needle>(&self, terms: &[N], first: u32, out: &mut Vec<u32>) {
        let Some(lead) = terms.iter().max_by_key(|t| t.len()) else {
            return;
        };
        let hay = self.text.as_bytes();
        let (mut at, mut row) = (0, 0);
        while let Some(found) = lead.find(&hay[at..]) {
            let hit = at + found;
            row += self.ends[row..].partition_point(|&end| (end as usize) < hit);
            let end = self.ends[row] as usize;
            let text = self.row(row).as_bytes();
            // The lead was found in this row, unless it spans the row's end (it cannot).
            let lead_inside = hit + lead.len() <= end;
            let others = terms
                .iter()
                .filter(|t| !(lead_inside && std::ptr::eq(*t, lead)));
            if others.into_iter().all(|t| t.find(text).is_some()) {
                out.push(first + row as u32);
            }
            at = end + END.len_utf8();
            row += 1;
        }
    }
}

impl Column {
    /// The number of rows.
    pub(super) fn len(&self) -> usize {
        self.rows
    }

    /// The text of row `pos`.
    pub(super) fn get(&self, pos: usize) -> Option<&str> {
        let chunk = self.chunks.get(pos / CHUNK_ROWS)?;
        (pos % CHUNK_ROWS < chunk.len()).then(|| chunk.row(pos % CHUNK_ROWS))
    }

    /// The text of row `pos`, or nothing past the last row.
    pub(super) fn row(&self, pos: usize) -> &str {
        self.get(pos).unwrap_or("")
    }

    /// The bytes of text held (the row ends included).
    pub(super) fn text_bytes(&self) -> usize {
        self.chunks.iter().map(|c| c.text.len()).sum()
    }

    /// The number of chunks.
    pub(super) fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    /// The rows of chunks `chunks` whose text holds every one of `terms` (not empty), in
    /// order.
    pub(super) fn rows_with_all<N: Needle>(
        &self,
        terms: &[N],
        chunks: std::ops::Range<usize>,
    ) -> Vec<u32> {
        let mut out = Vec::new();
        for c in chunks {
            if let Some(chunk) = self.chunks.get(c) {
                chunk.rows_with_all(terms, (c * CHUNK_ROWS) as u32, &mut out);
            }
        }
        out
    }

    /// The rows of chunk `c` with `extra(i)` appended to row `i`'s text (nothing for an
    /// empty one), in one string of the final size.
    pub(super) fn extended(&mut self, c: usize, extra: &[String]) {
        let Some(chunk) = self.chunks.get_mut(c) else {
            return;
        };
        let size = chunk.text.len() + extra.iter().map(String::len).sum::<usize>();
        let (mut text, mut ends) = (String::with_capacity(size), Vec::with_capacity(chunk.len()));
        for i in 0..chunk.len() {
            let row = chunk.row(i);
            match extra.get(i).filter(|e| !e.is_empty()) {
                Some(more) => push_row(&mut text, &mut ends, &format!("{row}{more}")),
                None => push_row(&mut text, &mut ends, row),
            }
        }
        *chunk = Chunk {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(rows: &[&str]) -> Column {
        let mut builder = ColumnBuilder::default();
        for row in rows {
            builder.push(row);
        }
        builder.finish()
    }

    fn finders(terms: &[&str]) -> Vec<Finder<'static>> {
        terms
            .iter()
            .map(|t| Finder::new(t.as_bytes()).into_owned())
            .collect()
    }

    /// The rows holding every term, one row at a time: what the column must find.
    fn one_by_one(rows: &[&str], terms: &[&str]) -> Vec<u32> {
        (0..rows.len() as u32)
            .filter(|&i| terms.iter().all(|t| rows[i as usize].contains(t)))
            .collect()
    }

    #[test]
    fn a_match_never_spans_two_rows() {
        let col = column(&["abc", "def", "", "ab", "cd"]);
        let all = 0..col.chunk_count();
        assert!(col.rows_with_all(&finders(&["cd"]), all.clone()) == [4]);
        assert!(
            col.rows_with_all(&finders(&["bcd"]), all.clone())
                .is_empty()
        );
        assert!(
            col.rows_with_all(&finders(&["abcdef"]), all.clone())
                .is_empty()
        );
        assert_eq!(col.rows_with_all(&finders(&["a", "b"]), all), [0, 3]);
    }

    #[test]
    fn rows_are_found_as_one_by_one_across_chunks() {
        let words = ["plan", "the", "能源", "ab", "b", "2030", ""];
        let rows: Vec<String> = (0..CHUNK_ROWS * (3 + CHUNK_ROWS / 8) - 3)
            .map(|i| {
                let mut text = String::new();
                for k in 0..i % 5 {
                    text.push_str(words[(i * 7 + k * 3) % words.len()]);
                    text.push(if k % 2 == 0 { ' ' } else { '\n' });
                }
                text
            })
            .collect();
        let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
        let col = column(&rows);
        assert_eq!(col.len(), rows.len());
        assert_eq!(col.chunk_count(), 3 + CHUNK_ROWS / 8);
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(col.get(i), Some(*row));
        }
        assert_eq!(col.get(rows.len()), None);
        for terms in [
            &["plan"][..],
            &["b"],
            &["ab", "2030"],
            &["the", "能源", "b"],
            &["plan the"],
            &["zzz"],
        ] {
            let all = 0..col.chunk_count();
            let found = col.rows_with_all(&finders(terms), all);
            assert_eq!(found, one_by_one(&rows, terms), "{terms:?}");
            let split = [0..1, 1..2, 2..col.chunk_count()]
                .into_iter()
                .flat_map(|r| col.rows_with_all(&finders(terms), r))
                .collect::<Vec<_>>();
            assert_eq!(split, found, "{terms:?}");
        }
    }

    #[test]
    fn an_extended_chunk_holds_its_rows_with_their_extras() {
        let mut col = column(&["a", "b", "c"]);
        col.extended(0, &["\nx".into(), String::new(), "\ny\nz".into()]);
        assert_eq!(col.get(0), Some("a\nx"));
        assert_eq!(col.get(1), Some("b"));
        assert_eq!(col.get(2), Some("c\ny\nz"));
        assert_eq!(col.text_bytes(), "a\nx\nb\nc\ny\nz\n".len());
    }
}
