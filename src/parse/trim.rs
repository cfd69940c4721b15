//! Trimming whitespace with a byte loop first.
//!
//! `str::trim` and friends decode characters through a generic pattern search, which showed
//! up as a tenth of the parse time. Almost every end the parser trims is ASCII, so these
//! functions drop ASCII whitespace byte by byte and hand the rest to the standard library
//! only when a non-ASCII character is left at an end (which might be whitespace such as
//! U+3000). The results are the same as the standard library's.

/// The ASCII characters `char::is_whitespace` accepts: tab, line feed, vertical tab, form
/// feed, carriage return and space.
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// `s.trim_start_matches(space)`, for a `space` that accepts exactly the ASCII characters of
/// [`is_ascii_space`] among ASCII characters.
#[inline]
pub fn trim_start_with(s: &str, space: impl Fn(char) -> bool) -> &str {
    let skip = s.bytes().take_while(|&b| is_ascii_space(b)).count();
    // ASCII bytes are character boundaries.
    let rest = &s[skip..];
    if rest.as_bytes().first().is_some_and(|&b| b >= 0x80) {
        trim_start_non_ascii(rest, space)
    } else {
        rest
    }
}

/// [`trim_start_with`] for a text that starts with a non-ASCII character. One that is not a
/// space (a bullet "•", a quote, Chinese text) ends the trim at once, without the generic
/// search. Kept out of line, so the ASCII path stays small enough to be inlined.
#[cold]
#[inline(never)]
fn trim_start_non_ascii(s: &str, space: impl Fn(char) -> bool) -> &str {
    if s.starts_with(&space) {
        s.trim_start_matches(space)
    } else {
        s
    }
}

/// `s.trim_end_matches(space)`, for `space` as in [`trim_start_with`].
#[inline]
pub fn trim_end_with(s: &str, space: impl Fn(char) -> bool) -> &str {
    let keep = s.len() - s.bytes().rev().take_while(|&b| is_ascii_space(b)).count();
    let rest = &s[..keep];
    if rest.as_bytes().last().is_some_and(|&b| b >= 0x80) {
        trim_end_non_ascii(rest, space)
    } else {
        rest
    }
}

/// [`trim_end_with`] for a text that ends with a non-ASCII character, as
/// [`trim_start_non_ascii`] does at the start.
#[cold]
#[inline(never)]
fn trim_end_non_ascii(s: &str, space: impl Fn(char) -> bool) -> &str {
    if s.ends_with(&space) {
        s.trim_end_matches(space)
    } else {
        s
    }
}

/// `s.trim_matches(space)`, for `space` as in [`trim_start_with`].
#[inline]
pub fn trim_with(s: &str, space: impl Fn(char) -> bool + Copy) -> &str {
    trim_end_with(trim_start_with(s, space), space)
}

/// [`str::trim_start`].
#[inline]
pub fn trim_start(s: &str) -> &str {
    trim_start_with(s, char::is_whitespace)
}

/// [`str::trim_end`].
#[inline]
pub fn trim_end(s: &str) -> &str {
    trim_end_with(s, char::is_whitespace)
}

/// [`str::trim`].
#[inline]
pub fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_standard_library() {
        let cases = [
            "",
            " ",
            "x",
            "  x  ",
            "\t\n\u{b}\u{c}\r x \r\n",
            "\u{3000}x\u{3000}",
            " \u{3000} x \u{a0} ",
            "\u{85}",
            " \u{1c}x\u{1f} ",
            "é ",
            " 中文 ",
            "\u{200b}x\u{feff}",
            "  \u{2028}\u{2029}  ",
        ];
        for s in cases {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
        // Below 0x80, the byte test and `char::is_whitespace` agree.
        for b in 0u8..0x80 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b:#x}");
        }
    }
}
