//! Key figures: money, percentages, capacities and counts, with a value that sorts.
//!
//! What counts:
//! - money with a currency before or after: "CNY 70 billion", "USD 190 billion", "RMB 5
//!   trillion", "EUR 2 million", "$3bn", "CNY 1.5bn", "10 billion yuan", "100亿元". The value
//!   is in whole units of the currency (no conversion between currencies);
//! - shares: "20 percent", "15%", "3 percentage points" (unit "pp");
//! - physical quantities: energy (Wh, kWh … TWh → Wh), power (kW … TW → W), mass (tonnes, Mt,
//!   吨 → t), length (km);
//! - counts: a number followed, within three words, by a countable noun ("at least 20 new
//!   industrial projects", "100 companies", "6-8 Chinese companies"; unit = the singular noun).
//!
//! What does not: years ("in 2025", "2018-2020") unless a unit or currency follows, dates
//! ("February 7"), ordinals ("14th Five-Year Plan", "28th"), numbers glued to letters ("5G",
//! "COVID-19"), ranks ("top 50", "No. 3", "phase 2"), durations ("next 15 years"), and numbers
//! written as words ("ten industries").

use super::sentences::Sentences;
use super::text::{char_before, is_month, is_word_char, words_after, words_before};
use crate::model::{Figure, FigureKind, Qualifier};

/// Words of scale after a number, longest first; `needs_currency` ones ("m", "k") only count
/// after a currency ("$5m").
const MULTIPLIERS: &[(&str, f64, bool)] = &[
    ("trillion", 1e12, false),
    ("billion", 1e9, false),
    ("million", 1e6, false),
    ("thousand", 1e3, false),
    ("mln", 1e6, false),
    ("bn", 1e9, false),
    ("mn", 1e6, false),
    ("tn", 1e12, false),
    ("万亿", 1e12, false),
    ("千亿", 1e11, false),
    ("百亿", 1e10, false),
    ("亿", 1e8, false),
    ("千万", 1e7, false),
    ("百万", 1e6, false),
    ("万", 1e4, false),
    ("m", 1e6, true),
    ("k", 1e3, true),
];

/// Currencies written before a number.
const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("£", "GBP"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("HKD", "HKD"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("人民币", "CNY"),
];

/// Currencies written after a number (and its scale), longest first.
const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("US dollars", "USD"),
    ("renminbi", "CNY"),
    ("dollars", "USD"),
    ("yuan", "CNY"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("美元", "USD"),
    ("欧元", "EUR"),
    ("港元", "HKD"),
    ("元", "CNY"),
];

/// Physical units and shares: written form, kind, base unit, factor to the base unit.
const UNITS: &[(&str, FigureKind, &str, f64)] = &[
    ("TWh", FigureKind::Energy, "Wh", 1e12),
    ("GWh", FigureKind::Energy, "Wh", 1e9),
    ("MWh", FigureKind::Energy, "Wh", 1e6),
    ("kWh", FigureKind::Energy, "Wh", 1e3),
    ("KWh", FigureKind::Energy, "Wh", 1e3),
    ("Wh", FigureKind::Energy, "Wh", 1.0),
    ("TW", FigureKind::Power, "W", 1e12),
    ("GW", FigureKind::Power, "W", 1e9),
    ("MW", FigureKind::Power, "W", 1e6),
    ("kW", FigureKind::Power, "W", 1e3),
    ("KW", FigureKind::Power, "W", 1e3),
    ("tonnes", FigureKind::Mass, "t", 1.0),
    ("tonne", FigureKind::Mass, "t", 1.0),
    ("tons", FigureKind::Mass, "t", 1.0),
    ("ton", FigureKind::Mass, "t", 1.0),
    ("Mt", FigureKind::Mass, "t", 1e6),
    ("吨", FigureKind::Mass, "t", 1.0),
    ("kilometres", FigureKind::Length, "km", 1.0),
    ("kilometers", FigureKind::Length, "km", 1.0),
    ("km", FigureKind::Length, "km", 1.0),
    ("公里", FigureKind::Length, "km", 1.0),
    ("percentage points", FigureKind::Percent, "pp", 1.0),
    ("percentage point", FigureKind::Percent, "pp", 1.0),
    ("percent", FigureKind::Percent, "%", 1.0),
    ("per cent", FigureKind::Percent, "%", 1.0),
    ("%", FigureKind::Percent, "%", 1.0),
    ("％", FigureKind::Percent, "%", 1.0),
];

/// Countable nouns, singular; plurals are found by their endings.
const COUNT_NOUNS: &[&str] = &[
    "project",
    "company",
    "enterprise",
    "firm",
    "standard",
    "factory",
    "plant",
    "zone",
    "park",
    "city",
    "province",
    "unit",
    "vehicle",
    "car",
    "station",
    "base",
    "platform",
    "people",
    "person",
    "job",
    "user",
    "patent",
    "product",
    "industry",
    "pilot",
    "site",
    "chip",
    "device",
    "household",
    "hospital",
    "school",
    "country",
    "subsidiary",
    "startup",
    "employee",
    "worker",
    "pile",
    "set",
    "item",
    "measure",
    "policy",
    "mine",
    "port",
    "airport",
    "bank",
    "investor",
    "supplier",
    "manufacturer",
    "brand",
    "application",
    "app",
    "center",
    "centre",
    "hub",
    "cluster",
    "lab",
    "laboratory",
    "institute",
    "university",
    "programme",
    "program",
    "initiative",
    "area",
    "county",
    "village",
    "town",
    "building",
    "deal",
    "contract",
    "agreement",
    "license",
    "licence",
    "network",
    "line",
    "charger",
    "robot",
    "satellite",
    "vessel",
    "ship",
    "aircraft",
    "battery",
    "batteries",
    "module",
    "smartphone",
    "phone",
    "customer",
    "member",
    "partner",
    "startups",
    "player",
    "team",
    "facility",
    "store",
    "shop",
];

/// Words before a number that make it a rank or a label, not a figure.
const RANK_WORDS: &[&str] = &[
    "top",
    "no",
    "number",
    "phase",
    "article",
    "version",
    "level",
    "grade",
    "class",
    "section",
    "chapter",
    "item",
    "stage",
    "round",
    "batch",
    "tier",
    "type",
    "page",
    "paragraph",
    "annex",
    "rank",
    "ranked",
    "ranking",
    "document",
    "decree",
    "order",
];

/// Words that end the search for a counted noun.
const COUNT_STOPS: &[&str] = &[
    "in", "to", "for", "by", "with", "from", "and", "or", "per", "at", "on", "than", "that",
    "which", "who", "as", "of", "years", "year", "months", "days", "times",
];

/// Hedges before a figure, longest first.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("in excess of", Qualifier::MoreThan),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("no more than", Qualifier::UpTo),
    ("not more than", Qualifier::UpTo),
    ("a minimum of", Qualifier::AtLeast),
    ("a maximum of", Qualifier::UpTo),
    ("an estimated", Qualifier::About),
    ("at least", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("fewer than", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("close to", Qualifier::Almost),
    ("at most", Qualifier::UpTo),
    ("up to", Qualifier::UpTo),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("almost", Qualifier::Almost),
    ("nearly", Qualifier::Almost),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("roughly", Qualifier::About),
    ("approximately", Qualifier::About),
    ("approx", Qualifier::About),
    ("some", Qualifier::About),
];

/// Chinese hedges right before a number.
const QUALIFIERS_ZH: &[(&str, Qualifier)] = &[
    ("不少于", Qualifier::AtLeast),
    ("不低于", Qualifier::AtLeast),
    ("至少", Qualifier::AtLeast),
    ("超过", Qualifier::MoreThan),
    ("逾", Qualifier::MoreThan),
    ("约", Qualifier::About),
    ("近", Qualifier::Almost),
];

/// All key figures in `text`, in order.
pub fn find_figures(text: &str) -> Vec<Figure> {
    let spans = Sentences::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(rel) = text
        .as_bytes()
        .get(i..)
        .and_then(|t| t.iter().position(u8::is_ascii_digit))
    {
        let pos = i + rel;
        match figure_at(text, pos) {
            Some(mut figure) => {
                i = figure.end.max(pos + 1);
                figure.text = spans.at(pos);
                out.push(figure);
            }
            None => {
                // Skip the rest of this number.
                i = pos
                    + text.as_bytes()[pos..]
                        .iter()
                        .position(|b| !(b.is_ascii_digit() || *b == b'.' || *b == b','))
                        .unwrap_or(text.len() - pos);
            }
        }
    }
    out
}

/// A number in `s`'s head: digits with "," thousands and one decimal point. Gives the value,
/// its length in bytes, and whether it is a bare integer (no separator, no decimals).
fn scan_number(s: &str) -> Option<(f64, usize, bool)> {
    let b = s.as_bytes();
    let mut end = 0;
    while end < b.len() && b[end].is_ascii_digit() {
        end += 1;
    }
    if end == 0 {
        return None;
    }
    let mut bare = true;
    // Thousands: ",ddd" not followed by another digit.
    while b.get(end) == Some(&b',')
        && b.get(end + 1..end + 4)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !b.get(end + 4).is_some_and(u8::is_ascii_digit)
    {
        end += 4;
        bare = false;
    }
    if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
        bare = false;
    }
    let value: f64 = s[..end].replace(',', "").parse().ok()?;
    Some((value, end, bare))
}

/// Whether `s` starts with `token` as a whole word (a token ending in a Latin letter must not
/// run on into another).
fn starts_with_token(s: &str, token: &str) -> bool {
    s.as_bytes().first() == token.as_bytes().first()
        && s.starts_with(token)
        && !(token.chars().next_back().is_some_and(is_word_char)
            && s[token.len()..].chars().next().is_some_and(is_word_char))
}

/// `s` without up to one leading space (or no-break space).
fn skip_space(s: &str) -> &str {
    s.strip_prefix([' ', '\u{a0}']).unwrap_or(s)
}

fn figure_at(text: &str, pos: usize) -> Option<Figure> {
    // Glued to a word before it: "COVID-19", "A100", "G20", or inside "1.5" already seen.
    let prev = char_before(text, pos);
    if prev.is_some_and(|c| is_word_char(c) || c == '.' || c == ',') {
        return None;
    }
    if prev.is_some_and(|c| c == '-')
        && char_before(text, pos - 1).is_some_and(|c| c.is_alphabetic())
    {
        return None;
    }
    let (mut value, len, bare) = scan_number(&text[pos..])?;
    let mut end = pos + len;

    // A range: "6-8", "10 to 20".
    let mut upper = None;
    let range_tail = text[end..].trim_start_matches(' ');
    for dash in ["-", "–", "—", "~", "to "] {
        if let Some(rest) = range_tail.strip_prefix(dash) {
            let rest_trim = rest.trim_start_matches(' ');
            if let Some((v, l, _)) = scan_number(rest_trim) {
                upper = Some(v);
                end = text.len() - rest_trim.len() + l;
            }
            break;
        }
    }

    // Currency before: "CNY 70", "US$3", "almost USD 190".
    let head = text[..pos].trim_end_matches([' ', '\u{a0}']);
    let mut start = pos;
    let mut currency = None;
    if head.len() + 2 >= pos {
        for (written, code) in CURRENCY_BEFORE {
            if head.ends_with(written) {
                let at = head.len() - written.len();
                let bounded = !written.starts_with(|c: char| c.is_ascii_alphabetic())
                    || !char_before(text, at).is_some_and(is_word_char);
                if bounded {
                    currency = Some(*code);
                    start = at;
                    break;
                }
            }
        }
    }

    // Scale, currency after, unit.
    let tail = &text[end..];
    let glued = tail
        .starts_with(|c: char| is_word_char(c) || super::text::is_han(c) || c == '%' || c == '％');
    let mut rest = if glued { tail } else { skip_space(tail) };
    let mut scale = 1.0;
    let mut scaled = false;
    for (word, factor, needs_currency) in MULTIPLIERS {
        if (!needs_currency || (currency.is_some() && glued)) && starts_with_token(rest, word) {
            scale = *factor;
            scaled = true;
            rest = &rest[word.len()..];
            break;
        }
    }
    if currency.is_none() {
        let r = if scaled { skip_space(rest) } else { rest };
        for (written, code) in CURRENCY_AFTER {
            if starts_with_token(r, written) {
                currency = Some(*code);
                rest = &r[written.len()..];
                break;
            }
        }
    }
    let mut unit = None;
    if currency.is_none() {
        let r = if scaled { skip_space(rest) } else { rest };
        for (written, kind, base, factor) in UNITS {
            if starts_with_token(r, written) {
                unit = Some((*kind, *base, *factor));
                rest = &r[written.len()..];
                break;
            }
        }
    }
    let consumed_end = text.len() - rest.len();
    // "5G", "28th", "3D": letters glued on that are no unit.
    if glued && consumed_end == end {
        return None;
    }
    end = consumed_end;

    let before = words_before(text, start, 4);
    let (qualifier, q_start) = qualifier_before(text, start, &before);
    let measured = currency.is_some() || unit.is_some();
    let is_year = |v: f64| (1900.0..=2100.0).contains(&v) && v.fract() == 0.0;
    let year_like = bare && !scaled && is_year(value) && upper.is_none_or(is_year);
    if !measured {
        let after = words_after(text, end, 1);
        let is_date = before.first().is_some_and(|w| is_month(w))
            || after.first().is_some_and(|(_, w)| is_month(w));
        let is_rank = before
            .first()
            .is_some_and(|w| RANK_WORDS.iter().any(|r| r.eq_ignore_ascii_case(w)));
        if is_date || is_rank || (year_like && qualifier.is_none()) {
            return None;
        }
    }

    let (kind, unit_name, factor) = match (currency, unit) {
        (Some(code), _) => (FigureKind::Money, code.to_owned(), scale),
        (None, Some((kind, base, factor))) => (kind, base.to_owned(), scale * factor),
        (None, None) => {
            if !(bare || scaled) {
                return None;
            }
            let (noun, noun_end) = counted_noun(text, end)?;
            end = noun_end;
            (FigureKind::Count, noun, scale)
        }
    };
    value *= factor;
    let upper = upper.map(|u| u * factor);
    let start = q_start.unwrap_or(start);
    Some(Figure {
        value,
        unit: unit_name,
        text: String::new(),
        raw: text[start..end].to_owned(),
        kind,
        upper,
        qualifier,
        start,
        end,
        at: None,
    })
}

/// A hedge right before byte `start`, and where it begins.
fn qualifier_before(
    text: &str,
    start: usize,
    before: &[&str],
) -> (Option<Qualifier>, Option<usize>) {
    let head = text[..start].trim_end();
    for (written, q) in QUALIFIERS_ZH {
        if head.ends_with(written) {
            return (Some(*q), Some(head.len() - written.len()));
        }
    }
    // The hedge must touch the figure: only spaces between.
    let gap_ok = before
        .first()
        .is_some_and(|w| super::text::offset_in(text, w) + w.len() == head.len());
    if !gap_ok {
        return (None, None);
    }
    for (phrase, q) in QUALIFIERS {
        if super::text::ends_with_phrase(before, phrase) {
            let n = phrase.split(' ').count();
            let at = before.get(n - 1).map(|w| super::text::offset_in(text, w));
            return (Some(*q), at);
        }
    }
    (None, None)
}

/// The singular form of `word` if it is a countable noun.
fn count_noun(word: &str) -> Option<String> {
    let is = |stem: &str, noun: &str| stem.eq_ignore_ascii_case(noun);
    let strip = |suffix: &str| {
        let cut = word.len().checked_sub(suffix.len())?;
        let tail = word.get(cut..)?;
        tail.eq_ignore_ascii_case(suffix).then(|| &word[..cut])
    };
    let (ies, es, s) = (strip("ies"), strip("es"), strip("s"));
    COUNT_NOUNS
        .iter()
        .find(|noun| {
            is(word, noun)
                || es.is_some_and(|stem| is(stem, noun))
                || s.is_some_and(|stem| is(stem, noun))
                || ies.is_some_and(|stem| noun.strip_suffix('y').is_some_and(|n| is(stem, n)))
        })
        .map(|noun| (*noun).to_owned())
}

/// The counted noun within three words after byte `end` ("20 new industrial projects"),
/// skipping a quoted name ("30 “Internet of Things”-standards"); gives it and where it ends.
fn counted_noun(text: &str, end: usize) -> Option<(String, usize)> {
    let mut from = end;
    let tail = text[end..].trim_start();
    if let Some(open) = tail.chars().next().filter(|c| matches!(c, '“' | '"')) {
        let inner = &tail[open.len_utf8()..];
        let close = inner.find(['”', '"']).filter(|&c| c <= 80)?;
        from = text.len() - inner.len() + close;
    }
    for (at, word) in words_after(text, from, 4) {
        if let Some(noun) = count_noun(word) {
            return Some((noun, at + word.len()));
        }
        let lower = word.to_ascii_lowercase();
        if COUNT_STOPS.contains(&lower.as_str()) || word.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str) -> Vec<(f64, String, FigureKind, String)> {
        find_figures(text)
            .into_iter()
            .map(|f| (f.value, f.unit, f.kind, f.raw))
            .collect()
    }

    #[test]
    fn money_in_many_spellings() {
        let text = "The fund holds CNY 12 billion, a rival USD 3.5bn and a third €40m. \
                    Locals add 8 billion yuan; the state RMB 2 trillion and 300亿元.";
        let f = figs(text);
        assert_eq!(
            f,
            [
                (
                    12e9,
                    "CNY".into(),
                    FigureKind::Money,
                    "CNY 12 billion".into()
                ),
                (3.5e9, "USD".into(), FigureKind::Money, "USD 3.5bn".into()),
                (40e6, "EUR".into(), FigureKind::Money, "€40m".into()),
                (
                    8e9,
                    "CNY".into(),
                    FigureKind::Money,
                    "8 billion yuan".into()
                ),
                (
                    2e12,
                    "CNY".into(),
                    FigureKind::Money,
                    "RMB 2 trillion".into()
                ),
                (3e10, "CNY".into(), FigureKind::Money, "300亿元".into()),
            ]
        );
        assert_eq!(
            find_figures(text)[0].text,
            "The fund holds CNY 12 billion, a rival USD 3.5bn and a third €40m."
        );
    }

    #[test]
    fn shares_units_and_hedges() {
        let f = find_figures(
            "Yields must rise by at least 15% and costs fall almost 3.5 percent; a line of \
             12 GWh, a 400 MW farm, 2.5 million tonnes and 1,200 km of track.",
        );
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.value, f.unit.as_str(), f.qualifier))
            .collect();
        assert_eq!(
            got,
            [
                (15.0, "%", Some(Qualifier::AtLeast)),
                (3.5, "%", Some(Qualifier::Almost)),
                (12e9, "Wh", None),
                (400e6, "W", None),
                (2.5e6, "t", None),
                (1200.0, "km", None),
            ]
        );
        assert_eq!(f[0].raw, "at least 15%");
    }

    #[test]
    fn counts_with_their_noun() {
        let f = find_figures(
            "The city wants at least 40 new logistics parks, 250 firms and 3-5 foreign \
             universities, plus over 12 “Smart Port”-standards.",
        );
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.value, f.upper, f.unit.as_str(), f.raw.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (40.0, None, "park", "at least 40 new logistics parks"),
                (250.0, None, "firm", "250 firms"),
                (3.0, Some(5.0), "university", "3-5 foreign universities"),
                (12.0, None, "standard", "over 12 “Smart Port”-standards"),
            ]
        );
    }

    #[test]
    fn not_figures() {
        for text in [
            "On March 3, 2022, the board met; by 2030 it will change.",
            "Its 14th Five-Year Plan covers 5G and COVID-19 and the 31st batch.",
            "It joined the global top 50 groups in phase 2 of No. 7.",
            "Over the next 15 years, ten industries grow (covering 2018-2020).",
            "Revenue was flat at 3 and 12.",
        ] {
            assert!(figs(text).is_empty(), "{text}: {:?}", figs(text));
        }
    }

    #[test]
    fn never_panics() {
        for text in [
            "",
            "1",
            "1,",
            "1.",
            "CNY",
            "CNY 1",
            "$",
            "1-",
            "1 to",
            "“",
            "3 “unclosed",
            "医1亿",
            "9".repeat(400).as_str(),
            "1,000,000,00",
            "€1m医",
            "1\u{a0}GW",
        ] {
            let _ = find_figures(text);
        }
    }
}
