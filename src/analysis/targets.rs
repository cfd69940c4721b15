//! Targets and deadlines: commitments with a year.
//!
//! What counts (see [`TargetKind`]):
//! - a deadline: "by 2030", "by the end of 2025", "before 2023", "no later than 2025",
//!   "by end-2025", "到2025年", "2025年底前";
//! - a goal year: "goals for 2023", "targets for 2025", "2025 targets";
//! - "in 2023" only in a sentence that commits to something ("will", "aims", "plans",
//!   "target", "is to" …) and only for a year after the reference date;
//! - a span counted from the reference date: "over the next five years", "within three years"
//!   (none without a reference date);
//! - a Five-Year Plan period: "during the 14th Five-Year Plan period (2021–2025)", "十四五期间".
//!
//! What does not: dates ("On February 7, 2021", "in September 2020"), year ranges
//! ("covering 2018-2020"), years before the reference year (reports of the past), years that
//! are quantities ("2025 units"), and years inside names ("Made in China 2025", "the 2020
//! World Internet Conference"): nothing that announces a deadline or goal precedes them, and
//! when a brief means such a name's year as a goal it says so ("goals for 2025").

use chrono::{Datelike as _, NaiveDate};

use super::sentences::Sentences;
use super::text::{
    char_at, char_before, ends_with_phrase, is_month, mentions_years, offset_in, words,
    words_after, words_before, years,
};
use crate::model::{Target, TargetKind};

/// Words before a year that make it a deadline, longest first.
const DEADLINE_BEFORE: &[&str] = &[
    "by the end of the year",
    "before the end of the year",
    "by the first half of",
    "by the second half of",
    "before the end of",
    "until the end of",
    "by the middle of",
    "by the start of",
    "by the end of",
    "no later than",
    "not later than",
    "by end of",
    "by end",
    "by mid",
    "before",
    "until",
    "through",
    "by",
];

/// Words before a year that make it a goal year.
const GOAL_BEFORE: &[&str] = &[
    "goals for",
    "goal for",
    "targets for",
    "target for",
    "targets to",
    "objectives for",
    "objective for",
    "tasks for",
    "aims for",
    "milestones for",
    "vision for",
];

/// Words after a year that make it a goal year: "2025 targets".
const GOAL_AFTER: &[&str] = &[
    "target",
    "targets",
    "goal",
    "goals",
    "objectives",
    "deadline",
];

/// Words after a year-like number that make it a quantity, not a year.
const QUANTITY_AFTER: &[&str] = &[
    "percent",
    "per",
    "units",
    "yuan",
    "dollars",
    "euros",
    "tonnes",
    "tons",
    "mw",
    "gw",
    "gwh",
    "mwh",
    "kw",
    "kwh",
    "km",
    "thousand",
    "million",
    "billion",
    "trillion",
    "companies",
    "projects",
    "people",
];

/// Words that make a sentence a commitment, for "in 2023" (matched inside the lowercased
/// sentence).
const COMMITMENT: &[&str] = &[
    " will ",
    " aim",
    " plan",
    "target",
    "goal",
    " is to ",
    " are to ",
    " should ",
    " shall ",
    " must ",
    "expect",
    " seek",
    " intend",
    " strive",
    " envisage",
    " envision",
    "projected",
    "forecast",
];

/// Verbs of the past that make "announced in 2023" a date, not a target.
fn is_past_verb(word: &str) -> bool {
    word.len() > 3 && word.to_ascii_lowercase().ends_with("ed")
}

/// All targets in `text`. `reference` is the date the text speaks from (the policy date):
/// it resolves "over the next five years" and keeps out years already past; without it no
/// relative target is returned.
pub fn find_targets(text: &str, reference: Option<NaiveDate>) -> Vec<Target> {
    let spans = Sentences::new(text);
    let mut out = Vec::new();
    for (pos, year) in years(text) {
        if let Some((kind, start, end)) = classify_year(text, pos, year, reference, &spans) {
            out.push(make(text, &spans, year, kind, start, end));
        }
    }
    if mentions_years(text) {
        relative_targets(text, reference, &spans, &mut out);
        plan_period_targets(text, reference, &spans, &mut out);
    }
    out.sort_by_key(|t| (t.start, t.year));
    out.dedup_by(|a, b| a.start == b.start && a.year == b.year);
    out
}

fn make(
    text: &str,
    spans: &Sentences<'_>,
    year: i32,
    kind: TargetKind,
    start: usize,
    end: usize,
) -> Target {
    Target {
        year,
        text: spans.at(start),
        kind,
        phrase: text.get(start..end).unwrap_or_default().to_owned(),
        start,
        end,
        at: None,
        points: Vec::new(),
    }
}

/// Whether the year at `pos` is a target, with the span of its phrase.
fn classify_year(
    text: &str,
    pos: usize,
    year: i32,
    reference: Option<NaiveDate>,
    spans: &Sentences<'_>,
) -> Option<(TargetKind, usize, usize)> {
    let end = pos + 4;
    if in_range(text, pos, end) {
        return None;
    }
    if reference.is_some_and(|r| year < r.year()) {
        return None;
    }
    if let Some(found) = chinese_deadline(text, pos, end) {
        return Some(found);
    }
    let before = words_before(text, pos, 6);
    let after = words_after(text, end, 1);
    let next = after.first().map(|(_, w)| *w);
    // A date: "February 7, 2021", "September 2020", "7 February 2021".
    let is_date = before.first().is_some_and(|w| is_month(w))
        || (before.first().is_some_and(|w| is_day(w))
            && before.get(1).is_some_and(|w| is_month(w)));
    let quantity = next.is_some_and(|w| QUANTITY_AFTER.iter().any(|q| q.eq_ignore_ascii_case(w)))
        || text[end..].trim_start().starts_with(['%', '％']);
    if is_date || quantity {
        return None;
    }
    let phrase_start = |phrase: &str| {
        let n = phrase.split(' ').count();
        before.get(n - 1).map_or(pos, |w| offset_in(text, w))
    };
    if let Some(p) = DEADLINE_BEFORE
        .iter()
        .find(|p| ends_with_phrase(&before, p))
    {
        return Some((TargetKind::Deadline, phrase_start(p), end));
    }
    if let Some(p) = GOAL_BEFORE.iter().find(|p| ends_with_phrase(&before, p)) {
        return Some((TargetKind::Goal, phrase_start(p), end));
    }
    if let Some((at, w)) = after.first()
        && GOAL_AFTER.iter().any(|g| g.eq_ignore_ascii_case(w))
        && text[end..*at].trim().is_empty()
    {
        return Some((TargetKind::Goal, pos, at + w.len()));
    }
    let in_year = before.first().is_some_and(|w| w.eq_ignore_ascii_case("in"))
        && !before.get(1).is_some_and(|w| is_past_verb(w));
    if in_year && reference.is_none_or(|r| year > r.year()) {
        let sentence = spans.at(pos).to_lowercase();
        if COMMITMENT.iter().any(|c| sentence.contains(c)) {
            return Some((TargetKind::InYear, phrase_start("in"), end));
        }
    }
    None
}

/// A day of the month: "7".
fn is_day(word: &str) -> bool {
    word.len() <= 2 && word.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// Whether the year at `pos..end` is one end of a range such as "2018-2020".
fn in_range(text: &str, pos: usize, end: usize) -> bool {
    let dash = |c: char| matches!(c, '-' | '–' | '—' | '~' | '～' | '至' | '/');
    let tail = &text[end..];
    let after = tail.trim_start_matches(' ');
    if let Some(c) = after.chars().next()
        && dash(c)
        && after[c.len_utf8()..]
            .trim_start()
            .starts_with(|d: char| d.is_ascii_digit())
    {
        return true;
    }
    let head = text[..pos].trim_end_matches(' ');
    if let Some(c) = head.chars().next_back()
        && dash(c)
        && head[..head.len() - c.len_utf8()]
            .trim_end()
            .ends_with(|d: char| d.is_ascii_digit())
    {
        return true;
    }
    false
}

/// "到2025年", "至2030年", "2025年前", "2025年底前", "2035年末": a deadline in Chinese.
fn chinese_deadline(text: &str, pos: usize, end: usize) -> Option<(TargetKind, usize, usize)> {
    let rest = text[end..].trim_start();
    let nian = rest.strip_prefix('年')?;
    let nian_end = text.len() - nian.len();
    let head = text[..pos].trim_end();
    for prefix in ["截至", "截止", "到", "至"] {
        if head.ends_with(prefix) {
            return Some((TargetKind::Deadline, head.len() - prefix.len(), nian_end));
        }
    }
    for suffix in ["年底前", "底前", "以前", "之前", "前", "年底", "底", "末"] {
        if nian.starts_with(suffix) {
            return Some((TargetKind::Deadline, pos, nian_end + suffix.len()));
        }
    }
    nian.starts_with("目标")
        .then_some((TargetKind::Goal, pos, nian_end + "目标".len()))
}

/// Number words the briefs use for spans of years.
fn number_word(word: &str) -> Option<i32> {
    const WORDS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Ok(n) = word.parse::<i32>() {
        return (1..=50).contains(&n).then_some(n);
    }
    WORDS
        .iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .and_then(|i| i32::try_from(i + 1).ok())
}

/// "over the next five years", "in the coming 3 years", "within two years", "the next
/// decade": resolved against `reference`; the current year counts as the first when the
/// reference falls in January to June.
fn relative_targets(
    text: &str,
    reference: Option<NaiveDate>,
    spans: &Sentences<'_>,
    out: &mut Vec<Target>,
) {
    let Some(reference) = reference else {
        return;
    };
    let is = |w: &str, list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    let all: Vec<(usize, &str)> = words(text).collect();
    for (i, &(at, word)) in all.iter().enumerate() {
        let within = word.eq_ignore_ascii_case("within");
        let lead = if within {
            "within"
        } else if is(word, &["next", "coming", "following"]) {
            "next"
        } else {
            continue;
        };
        let (count, last) = match lead {
            "next" => match (all.get(i + 1), all.get(i + 2)) {
                (Some((e, unit)), _) if unit.eq_ignore_ascii_case("decade") => (10, e + unit.len()),
                (Some((_, n)), Some((e, unit))) if is_years(unit) => match number_word(n) {
                    Some(n) => (n, e + unit.len()),
                    None => continue,
                },
                _ => continue,
            },
            "within" => match all.get(i + 1..i + 3) {
                Some([(_, n), (e, unit)]) if is_years(unit) => match number_word(n) {
                    Some(n) => (n, e + unit.len()),
                    None => continue,
                },
                _ => continue,
            },
            _ => continue,
        };
        // Start the phrase at "over the", "in the", "within the" when they lead in.
        let mut start = at;
        if !within {
            for back in 1..=2 {
                if let Some(&(p, w)) = i.checked_sub(back).and_then(|j| all.get(j))
                    && ["over", "in", "within", "during", "throughout", "for"]
                        .iter()
                        .any(|x| x.eq_ignore_ascii_case(w))
                {
                    start = p;
                }
            }
        }
        let first_counts = reference.month() <= 6;
        let year = reference.year() + count - i32::from(first_counts);
        out.push(make(text, spans, year, TargetKind::Relative, start, last));
    }
}

fn is_years(word: &str) -> bool {
    word.eq_ignore_ascii_case("years") || word.eq_ignore_ascii_case("year")
}

/// The last year of the nth Five-Year Plan (the 6th began in 1981).
fn five_year_plan_end(n: i32) -> Option<i32> {
    (6..=20).contains(&n).then(|| 1981 + 5 * (n - 6) + 4)
}

/// "14th", "fourteenth" → 14.
fn ordinal(word: &str) -> Option<i32> {
    const WORDS: &[(&str, i32)] = &[
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
    ];
    let lower = word.to_ascii_lowercase();
    if let Some(&(_, n)) = WORDS.iter().find(|(w, _)| *w == lower) {
        return Some(n);
    }
    let digits = lower
        .strip_suffix("th")
        .or_else(|| lower.strip_suffix("st"))
        .or_else(|| lower.strip_suffix("nd"))
        .or_else(|| lower.strip_suffix("rd"))?;
    digits.parse().ok()
}

/// "during the 14th Five-Year Plan period (2021–2025)", "by the end of the 14th FYP",
/// "十四五期间".
fn plan_period_targets(
    text: &str,
    reference: Option<NaiveDate>,
    spans: &Sentences<'_>,
    out: &mut Vec<Target>,
) {
    let english = ["ear Plan", "ear plan", "EAR PLAN", "FYP", "fyp"]
        .iter()
        .any(|n| text.contains(n));
    let lower = if english {
        text.to_ascii_lowercase()
    } else {
        String::new()
    };
    for needle in ["five-year plan", "five year plan", "fyp"] {
        for (pos, _) in lower.match_indices(needle) {
            if char_before(text, pos).is_some_and(|c| c.is_alphanumeric())
                || char_at(text, pos + needle.len()).is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let before = words_before(text, pos, 6);
            let Some(n) = before.first().and_then(|w| ordinal(w)) else {
                continue;
            };
            let Some(mut year) = five_year_plan_end(n) else {
                continue;
            };
            let mut end = pos + needle.len();
            let tail = &text[end..];
            let after_period = tail
                .strip_prefix(" period")
                .map(|rest| (rest, end + " period".len()));
            let is_period = after_period.is_some();
            if let Some((rest, e)) = after_period {
                end = e;
                if let Some((range_end, last)) = bracketed_range(rest) {
                    year = last;
                    end = e + range_end;
                }
            }
            let lead_in = [
                "during the",
                "in the",
                "over the",
                "within the",
                "by the end of the",
            ]
            .iter()
            .chain(&["for the", "throughout the", "the end of the"])
            .find(|p| ends_with_phrase(&before[1..], p));
            if !(is_period || lead_in.is_some()) || reference.is_some_and(|r| year < r.year()) {
                continue;
            }
            let start = match lead_in {
                Some(p) => {
                    let n = p.split(' ').count();
                    before.get(n).map_or(pos, |w| offset_in(text, w))
                }
                None => before.first().map_or(pos, |w| offset_in(text, w)),
            };
            out.push(make(text, spans, year, TargetKind::PlanPeriod, start, end));
        }
    }
    for (name, year) in [
        ("十一五", 2010),
        ("十二五", 2015),
        ("十三五", 2020),
        ("十四五", 2025),
        ("十五五", 2030),
    ] {
        for (pos, _) in text.match_indices(name) {
            let end = pos + name.len();
            let rest = text[end..].trim_start_matches(['”', '"', '」']);
            let Some(suffix) = ["期间", "时期", "末", "规划期"]
                .into_iter()
                .find(|s| rest.starts_with(s))
            else {
                continue;
            };
            if reference.is_some_and(|r| year < r.year()) {
                continue;
            }
            let start = if char_before(text, pos).is_some_and(|c| matches!(c, '“' | '"' | '「'))
            {
                pos - char_before(text, pos).map_or(0, char::len_utf8)
            } else {
                pos
            };
            let stop = text.len() - rest.len() + suffix.len();
            out.push(make(text, spans, year, TargetKind::PlanPeriod, start, stop));
        }
    }
}

/// " (2021–2025)" at the start of `s`: the byte just past ")" and the last year.
fn bracketed_range(s: &str) -> Option<(usize, i32)> {
    let inner_start = s.len() - s.trim_start().len();
    let rest = s[inner_start..].strip_prefix(['(', '（'])?;
    let close = rest.find([')', '）'])?;
    let inner = &rest[..close];
    let last: i32 = inner
        .trim_end_matches('年')
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()?;
    let close_len = rest[close..].chars().next().map_or(1, char::len_utf8);
    let opener_len = s[inner_start..].chars().next().map_or(1, char::len_utf8);
    (1900..=2100)
        .contains(&last)
        .then_some((inner_start + opener_len + close + close_len, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn found(text: &str, reference: Option<NaiveDate>) -> Vec<(i32, TargetKind, String)> {
        find_targets(text, reference)
            .into_iter()
            .map(|t| (t.year, t.kind, t.phrase))
            .collect()
    }

    #[test]
    fn deadlines_and_goal_years() {
        let text = "The roadmap sets out aims for 2024, including more test sites. By 2035, \
                    the province wants a full network; pilots close before the end of 2026 \
                    and audits end by mid-2027.";
        assert_eq!(
            found(text, date(2022, 3, 1)),
            [
                (2024, TargetKind::Goal, "aims for 2024".into()),
                (2035, TargetKind::Deadline, "By 2035".into()),
                (2026, TargetKind::Deadline, "before the end of 2026".into()),
                (2027, TargetKind::Deadline, "by mid-2027".into()),
            ]
        );
        let t = &find_targets(text, None)[1];
        assert_eq!(
            t.text,
            "By 2035, the province wants a full network; pilots close before the end of 2026 and audits end by mid-2027."
        );
        assert_eq!(&text[t.start..t.end], "By 2035");
    }

    #[test]
    fn goal_years_before_and_after() {
        assert!(found("Its hopes for 2024 are vague.", None).is_empty());
        assert_eq!(
            found("The agency set goals for 2024.", None),
            [(2024, TargetKind::Goal, "goals for 2024".into())]
        );
        assert_eq!(
            found("Its 2026 targets are ambitious.", None),
            [(2026, TargetKind::Goal, "2026 targets".into())]
        );
    }

    #[test]
    fn in_year_needs_a_commitment_and_the_future() {
        let r = date(2022, 5, 1);
        assert_eq!(
            found("The city will open ten depots in 2024.", r),
            [(2024, TargetKind::InYear, "in 2024".into())]
        );
        assert!(found("Sales fell in 2024 for the first time.", r).is_empty());
        assert!(found("The ministry will review what happened in 2021.", r).is_empty());
        assert!(found("The firm, which plans more, was founded in 2024.", r).is_empty());
    }

    #[test]
    fn dates_ranges_names_and_quantities_are_not_targets() {
        let r = date(2021, 2, 7);
        for text in [
            "On February 7, 2021, the agency issued a notice.",
            "It was announced in September 2023 and by 7 March 2024 it was out.",
            "The earlier plan (covering 2018-2020) ended; the new one covers 2021–2025.",
            "Steel was one of ten sectors in the \"Made in China 2025\" initiative.",
            "The 2030 Expo in Shanghai opens soon.",
            "Output rose by 2025 units and by 2030 percent.",
            "By 2019 the first lines were built.",
            "The first policy document for 2021 covers farming.",
        ] {
            assert!(found(text, r).is_empty(), "{text}");
        }
    }

    #[test]
    fn relative_spans_need_a_reference() {
        let text = "Operators will invest heavily over the next five years and within 3 years.";
        assert!(found(text, None).is_empty());
        assert_eq!(
            found(text, date(2021, 2, 23)),
            [
                (
                    2025,
                    TargetKind::Relative,
                    "over the next five years".into()
                ),
                (2023, TargetKind::Relative, "within 3 years".into()),
            ]
        );
        // Late in the year the current year no longer counts.
        assert_eq!(found(text, date(2020, 11, 2))[0].0, 2025);
        assert_eq!(found("in the coming decade", date(2020, 1, 2))[0].0, 2029);
    }

    #[test]
    fn five_year_plan_periods() {
        let text = "Capacity doubles during the 14th Five-Year Plan period (2021–2025). \
                    The 14th Five-Year Plan was adopted in March.";
        assert_eq!(
            found(text, date(2021, 3, 1)),
            [(
                2025,
                TargetKind::PlanPeriod,
                "during the 14th Five-Year Plan period (2021–2025)".into()
            )]
        );
        assert_eq!(
            found("Goals for the fifteenth five-year plan remain open.", None)[0].0,
            2030
        );
        assert_eq!(found("“十四五”期间，产能翻番。", None)[0].2, "“十四五”期间");
    }

    #[test]
    fn chinese_deadlines() {
        assert_eq!(
            found(
                "到2025年，建成20个示范区。2030年底前全面完成。2020年产量增长。",
                None
            ),
            [
                (2025, TargetKind::Deadline, "到2025年".into()),
                (2030, TargetKind::Deadline, "2030年底前".into()),
            ]
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "2025",
            "by",
            "by 2025年前",
            "医2025医",
            "next 5",
            "14th five-year plan (",
            "十四五",
            "(2021–",
        ] {
            let _ = find_targets(text, date(2021, 1, 1));
        }
    }
}
