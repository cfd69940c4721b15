//! Dates as briefs write them.
//!
//! "February 18, 2021", "Feb. 18 2021", "18 February 2021", "18. Februar 2021", "2021-02-18",
//! "2021年2月18日", and the same without a year ("February 7", "2月7日").

use chrono::NaiveDate;

use super::scanners::with_lowercase;
use super::trim::trim_start;
use crate::model::{PartialDate, Period};

/// The month a lower-case month name (English or German, full or abbreviated) names.
fn month_named(lower: &[u8]) -> Option<u32> {
    let month = match lower {
        b"january" | b"januar" | b"jan" => 1,
        b"february" | b"februar" | b"feb" => 2,
        // "märz"
        b"march" | b"m\xc3\xa4rz" | b"mar" | b"maerz" | b"mrz" => 3,
        b"april" | b"apr" => 4,
        b"may" | b"mai" => 5,
        b"june" | b"juni" | b"jun" => 6,
        b"july" | b"juli" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sept" | b"sep" => 9,
        b"october" | b"oktober" | b"oct" | b"okt" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dezember" | b"dec" | b"dez" => 12,
        _ => return None,
    };
    Some(month)
}

/// The longest month name, in characters.
const LONGEST_MONTH: usize = "september".len();

/// Whether the ASCII word `word` may be a month name for [`month_named`]: three to
/// [`LONGEST_MONTH`] letters, starting with the first letter of a month, in any case.
fn could_be_month(word: &[u8]) -> bool {
    (3..=LONGEST_MONTH).contains(&word.len())
        && matches!(
            word[0].to_ascii_lowercase(),
            b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
        )
}

/// Reads a month name at the start of `s`; returns the month and the bytes used
/// (including an abbreviation's dot).
fn scan_month(s: &str) -> Option<(u32, usize)> {
    let ascii = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word_len = if s.as_bytes().get(ascii).is_none_or(u8::is_ascii) {
        ascii
    } else {
        s.char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(s.len(), |(i, _)| i)
    };
    // Most words are ASCII: such a word names a month only if it is as long as a month
    // name and starts like one, which most words that start a line or bullet point do not.
    if word_len == ascii && !could_be_month(&s.as_bytes()[..word_len]) {
        return None;
    }
    let month = with_lowercase(&s[..word_len], || LONGEST_MONTH, month_named)?;
    let dot = usize::from(s[word_len..].starts_with('.'));
    Some((month, word_len + dot))
}

/// Reads 1–4 ASCII digits at the start of `s`.
fn scan_number(s: &str) -> Option<(u32, usize)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 4 {
        return None;
    }
    Some((s[..len].parse().ok()?, len))
}

fn skip_spaces(s: &str, at: usize) -> usize {
    at + (s[at..].len() - trim_start(&s[at..]).len())
}

/// A four-digit year after `at`, preceded by optional ", " or " ".
fn scan_year_after(s: &str, at: usize) -> Option<(i32, usize)> {
    let mut i = at;
    if s[i..].starts_with(',') {
        i += 1;
    }
    i = skip_spaces(s, i);
    let (year, len) = scan_number(&s[i..])?;
    let ends_word = !s[i + len..].starts_with(|c: char| c.is_alphanumeric());
    ((1900..=2200).contains(&year) && len == 4 && ends_word).then_some((year as i32, i + len))
}

fn valid(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Reads a date at the start of `s`. Returns it and the number of bytes it used.
pub fn scan_date(s: &str) -> Option<(PartialDate, usize)> {
    scan_month_first(s)
        .or_else(|| scan_day_first(s))
        .or_else(|| scan_iso(s))
        .or_else(|| scan_chinese(s))
}

/// The end of a range of dates right after a date that ended at byte `at` of `s`: "-3" or
/// "–3" (the same month), "-April 2" or " to April 2" (another month), each with an optional
/// year. Returns the end and the bytes used up to it.
pub fn scan_range_end(s: &str, start: PartialDate, at: usize) -> Option<(PartialDate, usize)> {
    let rest = &s[at..];
    let sep_len = ["-", "–", "—", " - ", " – ", " — ", " to ", " bis "]
        .iter()
        .find(|sep| rest.starts_with(**sep))
        .map(|sep| sep.len())?;
    let from = at + sep_len;
    let tail = &s[from..];
    if let Some((mut end, used)) = scan_month_first(tail) {
        if end.year.is_none() {
            end.year = start.year;
        }
        return Some((end, from + used));
    }
    let (day, len) = scan_number(tail)?;
    if len > 2 || !valid(start.month, day) || day <= start.day {
        return None;
    }
    if tail[len..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let year = scan_year_after(s, from + len);
    let end = PartialDate {
        year: year.map(|(y, _)| y).or(start.year),
        month: start.month,
        day,
    };
    Some((end, year.map_or(from + len, |(_, e)| e)))
}

/// "February 18, 2021", "Feb. 18", "February 18 2021".
fn scan_month_first(s: &str) -> Option<(PartialDate, usize)> {
    let (month, mut i) = scan_month(s)?;
    i = skip_spaces(s, i);
    let (day, len) = scan_number(&s[i..])?;
    i += len;
    if s[i..].starts_with(|c: char| c.is_ascii_digit()) || !valid(month, day) || len > 2 {
        return None;
    }
    // "1st", "2nd", "18th".
    for suffix in ["st", "nd", "rd", "th"] {
        if s[i..].starts_with(suffix) {
            i += 2;
        }
    }
    let year = scan_year_after(s, i);
    let end = year.map_or(i, |(_, end)| end);
    Some((
        PartialDate {
            year: year.map(|(y, _)| y),
            month,
            day,
        },
        end,
    ))
}

/// "18 February 2021", "18. Februar 2021", "7 February".
fn scan_day_first(s: &str) -> Option<(PartialDate, usize)> {
    let (day, len) = scan_number(s)?;
    if len > 2 {
        return None;
    }
    let mut i = len;
    if s[i..].starts_with('.') {
        i += 1;
    }
    i = skip_spaces(s, i);
    let (month, mlen) = scan_month(&s[i..])?;
    if !valid(month, day) {
        return None;
    }
    i += mlen;
    let year = scan_year_after(s, i);
    let end = year.map_or(i, |(_, end)| end);
    Some((
        PartialDate {
            year: year.map(|(y, _)| y),
            month,
            day,
        },
        end,
    ))
}

/// "2021-02-18" or "2021/02/18" or "2021.02.18".
fn scan_iso(s: &str) -> Option<(PartialDate, usize)> {
    let (year, ylen) = scan_number(s)?;
    if ylen != 4 {
        return None;
    }
    let sep = s[ylen..]
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '/' | '.'))?;
    let mut i = ylen + 1;
    let (month, mlen) = scan_number(&s[i..])?;
    i += mlen;
    if !s[i..].starts_with(sep) {
        return None;
    }
    i += 1;
    let (day, dlen) = scan_number(&s[i..])?;
    if mlen > 2 || dlen > 2 || !valid(month, day) {
        return None;
    }
    Some((
        PartialDate {
            year: Some(year as i32),
            month,
            day,
        },
        i + dlen,
    ))
}

/// "2021年2月18日" or "2月18日".
fn scan_chinese(s: &str) -> Option<(PartialDate, usize)> {
    let mut i = 0;
    let mut year = None;
    if let Some((y, len)) = scan_number(s)
        && len == 4
        && s[len..].starts_with('年')
    {
        year = Some(y as i32);
        i = len + '年'.len_utf8();
    }
    let (month, mlen) = scan_number(&s[i..])?;
    i += mlen;
    i += s[i..].starts_with('月').then_some('月'.len_utf8())?;
    let (day, dlen) = scan_number(&s[i..])?;
    i += dlen;
    i += s[i..].starts_with('日').then_some('日'.len_utf8())?;
    valid(month, day).then_some((PartialDate { year, month, day }, i))
}

/// Reads a whole field such as "February 18, 2021"; anything after the date but punctuation
/// makes it fail.
pub fn parse_full_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let (date, used) = scan_date(s)?;
    let rest = s[used..].trim_matches(|c: char| c.is_whitespace() || ".,;".contains(c));
    rest.is_empty().then_some(())?;
    date.full()
}

/// Finds "October 2020" or "Oktober 2020" anywhere in `s`.
pub fn find_month_year(s: &str) -> Option<Period> {
    s.char_indices()
        .filter(|(i, c)| c.is_alphabetic() && !s[..*i].ends_with(char::is_alphabetic))
        .find_map(|(i, _)| {
            let (month, len) = scan_month(&s[i..])?;
            let (year, _) = scan_year_after(&s[i..], len)?;
            Period::new(year, month)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ascii_month_name_passes_the_quick_test() {
        for name in [
            "january",
            "januar",
            "jan",
            "february",
            "februar",
            "feb",
            "march",
            "mar",
            "maerz",
            "mrz",
            "april",
            "apr",
            "may",
            "mai",
            "june",
            "juni",
            "jun",
            "july",
            "juli",
            "jul",
            "august",
            "aug",
            "september",
            "sept",
            "sep",
            "october",
            "oktober",
            "oct",
            "okt",
            "november",
            "nov",
            "december",
            "dezember",
            "dec",
            "dez",
        ] {
            assert!(month_named(name.as_bytes()).is_some(), "{name}");
            assert!(could_be_month(name.as_bytes()), "{name}");
            assert!(could_be_month(name.to_uppercase().as_bytes()), "{name}");
        }
        assert!(!could_be_month(b"Cultivate") && !could_be_month(b"Septembers"));
    }

    fn pd(year: Option<i32>, month: u32, day: u32) -> PartialDate {
        PartialDate { year, month, day }
    }

    #[test]
    fn formats_table() {
        let cases: &[(&str, PartialDate, &str)] = &[
            ("February 18, 2021", pd(Some(2021), 2, 18), ""),
            ("Feb. 18 2021: x", pd(Some(2021), 2, 18), ": x"),
            ("February 7: Huawei", pd(None, 2, 7), ": Huawei"),
            ("September 30th, 2020", pd(Some(2020), 9, 30), ""),
            ("18 February 2021", pd(Some(2021), 2, 18), ""),
            ("18. Februar 2021", pd(Some(2021), 2, 18), ""),
            ("3. März: x", pd(None, 3, 3), ": x"),
            ("2021-02-18 x", pd(Some(2021), 2, 18), " x"),
            ("2021年2月18日", pd(Some(2021), 2, 18), ""),
            ("2月7日：", pd(None, 2, 7), "："),
            ("May 4", pd(None, 5, 4), ""),
        ];
        for (input, want, rest) in cases {
            let (got, used) = scan_date(input).unwrap_or_else(|| panic!("{input:?}"));
            assert_eq!(got, *want, "{input:?}");
            assert_eq!(&input[used..], *rest, "{input:?}");
        }
    }

    #[test]
    fn month_names_in_any_case() {
        for (name, month) in [
            ("January", 1),
            ("FEB", 2),
            ("März", 3),
            ("MÄRZ", 3),
            ("Maerz", 3),
            ("may", 5),
            ("Sept", 9),
            ("Oktober", 10),
            ("Dez", 12),
        ] {
            assert_eq!(scan_month(name), Some((month, name.len())), "{name}");
        }
        assert_eq!(scan_month("Feb. 3"), Some((2, 4)));
        assert_eq!(scan_month("Mayor"), None);
        assert_eq!(scan_month("Septembers"), None);
    }

    #[test]
    fn not_dates() {
        for input in [
            "Mayor of Beijing",
            "February",
            "February 30, 2021x",
            "5G networks",
            "2021 was a year",
            "Marketing 5",
            "13 Minuten Lesedauer",
            "",
        ] {
            let got = scan_date(input).and_then(|(d, _)| d.full());
            assert!(
                got.is_none() || input == "February 30, 2021x",
                "{input:?} gave {got:?}"
            );
        }
        assert!(scan_date("Mayor 3").is_none());
        assert!(scan_date("February 30, 2021").unwrap().0.full().is_none());
    }

    #[test]
    fn whole_fields() {
        assert_eq!(
            parse_full_date(" February 18, 2021 "),
            NaiveDate::from_ymd_opt(2021, 2, 18)
        );
        assert_eq!(parse_full_date("February 18"), None);
        assert_eq!(parse_full_date("February 18, 2021 and later"), None);
    }

    #[test]
    fn month_year_in_a_title() {
        assert_eq!(
            find_month_year("MERICS China Industries Briefing - October 2020"),
            Period::new(2020, 10)
        );
        assert_eq!(
            find_month_year("Briefing – Dezember 2019"),
            Period::new(2019, 12)
        );
        assert_eq!(find_month_year("Two Zones + chips"), None);
        assert_eq!(find_month_year("Primary 2020"), None);
    }
}
