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
//! A deadline keeps what it says beyond the year as [`Target::due`]: "by the end of 2021" is
//! due 2021-12-31, "by the first half of 2021" (or "in the first half of 2021", in a sentence
//! that commits) 2021-06-30, "by mid-2025" and "by June 2025" 2025-06-30; "by 2025" only
//! names the year. A month with a year is a deadline only after "by", "by the end of", "no
//! later than" and the like ("by June 2025"); with a day ("by 7 March 2024") it stays a date.
//!
//! A list's lead-in that names a year ("It outlines several goals for 2023, including:") gives
//! its year to the bullet points under it, one target each ([`bullet_targets`]); see
//! [`crate::analysis::analyse`].
//!
//! What does not: dates ("On February 7, 2021", "in September 2020"), year ranges
//! ("covering 2018-2020"), years before the reference year (reports of the past), years that
//! are quantities ("2025 units"), and years inside names ("Made in China 2025", "the 2020
//! World Internet Conference"): nothing that announces a deadline or goal precedes them, and
//! when a brief means such a name's year as a goal it says so ("goals for 2025").

use chrono::{Datelike as _, NaiveDate};

use super::sentences::{Sentences, sentence_spans};
use super::text::{
    char_at, char_before, ends_with_phrase, is_month, mentions_years, month_number, offset_in,
    words, words_after, words_before, years,
};
use crate::model::{Target, TargetKind};

/// The last day of the year.
const END: Option<(u32, u32)> = Some((12, 31));
/// The last day of its first half.
const MID: Option<(u32, u32)> = Some((6, 30));
/// The first day of the year.
const START: Option<(u32, u32)> = Some((1, 1));

/// Words before a year that make it a deadline, longest first, with the month and day they
/// make it fall due on (`None`: the year alone).
const DEADLINE_BEFORE: &[(&str, Option<(u32, u32)>)] = &[
    ("by the end of the year", END),
    ("before the end of the year", END),
    ("by the first half of", MID),
    ("by the second half of", END),
    ("before the end of", END),
    ("until the end of", END),
    ("by the middle of", MID),
    ("by the start of", START),
    ("by the end of", END),
    ("no later than", None),
    ("not later than", None),
    ("by end of", END),
    ("by end", END),
    ("by mid", MID),
    ("before", None),
    ("until", None),
    ("through", None),
    ("by", None),
];

/// Words before a month and year that make them a deadline, due on the month's last day:
/// "by June 2025", "by the end of June 2025". ("before June 2025" would be due in May.)
const MONTH_DEADLINE_BEFORE: &[&str] = &[
    "before the end of",
    "until the end of",
    "by the end of",
    "no later than",
    "not later than",
    "by end of",
    "by end",
    "until",
    "through",
    "by",
];

/// Words before a year that make it a part of the year, with the day it ends on: like "in
/// 2023", a target only in a sentence that commits and when it ends after the reference date.
const IN_PART_OF_YEAR: &[(&str, Option<(u32, u32)>)] = &[
    ("in the first half of", MID),
    ("in the second half of", END),
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
        if let Some(found) = classify_year(text, pos, year, reference, &spans) {
            let mut target = make(text, &spans, year, found.kind, found.start, found.end);
            target.due = found.due;
            out.push(target);
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
        due: None,
        context: None,
    }
}

/// A year found to be a target: how it is stated, the span of the words that state it, and
/// the day it falls due when they say more than the year.
struct Found {
    kind: TargetKind,
    start: usize,
    end: usize,
    due: Option<NaiveDate>,
}

impl Found {
    fn new(kind: TargetKind, start: usize, end: usize) -> Self {
        Self {
            kind,
            start,
            end,
            due: None,
        }
    }

    fn due(mut self, due: Option<NaiveDate>) -> Self {
        self.due = due;
        self
    }
}

/// Month and day `md` of `year`.
fn day_of(year: i32, md: Option<(u32, u32)>) -> Option<NaiveDate> {
    md.and_then(|(m, d)| NaiveDate::from_ymd_opt(year, m, d))
}

/// The last day of `month` of `year`.
fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()
}

/// Whether the sentence that holds byte `pos` commits to something (see [`COMMITMENT`]).
fn commits(spans: &Sentences<'_>, pos: usize) -> bool {
    let sentence = spans.at(pos).to_lowercase();
    COMMITMENT.iter().any(|c| sentence.contains(c))
}

/// Whether the year at `pos` is a target, with the span of its phrase.
fn classify_year(
    text: &str,
    pos: usize,
    year: i32,
    reference: Option<NaiveDate>,
    spans: &Sentences<'_>,
) -> Option<Found> {
    let end = pos + 4;
    if in_range(text, pos, end) {
        return None;
    }
    if reference.is_some_and(|r| year < r.year()) {
        return None;
    }
    if let Some(found) = chinese_deadline(text, pos, end, year) {
        return Some(found);
    }
    let before = words_before(text, pos, 6);
    let after = words_after(text, end, 1);
    let next = after.first().map(|(_, w)| *w);
    let quantity = next.is_some_and(|w| QUANTITY_AFTER.iter().any(|q| q.eq_ignore_ascii_case(w)))
        || text[end..].trim_start().starts_with(['%', '％']);
    if quantity {
        return None;
    }
    let phrase_start = |phrase: &str| {
        let n = phrase.split(' ').count();
        before.get(n - 1).map_or(pos, |w| offset_in(text, w))
    };
    // A date: "February 7, 2021", "7 February 2021", "September 2020"; only a month and year
    // after deadline words is a deadline: "by June 2025".
    if before.first().is_some_and(|w| is_day(w)) && before.get(1).is_some_and(|w| is_month(w)) {
        return None;
    }
    if let Some(month) = before.first().and_then(|w| month_number(w)) {
        if before.get(1).is_some_and(|w| is_day(w)) {
            return None;
        }
        let p = MONTH_DEADLINE_BEFORE
            .iter()
            .find(|p| ends_with_phrase(&before[1..], p))?;
        let start = before
            .get(p.split(' ').count())
            .map_or(pos, |w| offset_in(text, w));
        return Some(Found::new(TargetKind::Deadline, start, end).due(last_of_month(year, month)));
    }
    if let Some((p, md)) = DEADLINE_BEFORE
        .iter()
        .find(|(p, _)| ends_with_phrase(&before, p))
    {
        return Some(Found::new(TargetKind::Deadline, phrase_start(p), end).due(day_of(year, *md)));
    }
    if let Some(p) = GOAL_BEFORE.iter().find(|p| ends_with_phrase(&before, p)) {
        return Some(Found::new(TargetKind::Goal, phrase_start(p), end));
    }
    if let Some((at, w)) = after.first()
        && GOAL_AFTER.iter().any(|g| g.eq_ignore_ascii_case(w))
        && text[end..*at].trim().is_empty()
    {
        return Some(Found::new(TargetKind::Goal, pos, at + w.len()));
    }
    // "in the first half of 2021": a part of a year, like "in 2023" below.
    if let Some((p, md)) = IN_PART_OF_YEAR
        .iter()
        .find(|(p, _)| ends_with_phrase(&before, p))
    {
        let n = p.split(' ').count();
        let due = day_of(year, *md);
        let ahead = match (reference, due) {
            (Some(r), Some(due)) => due > r,
            _ => true,
        };
        return (ahead && !before.get(n).is_some_and(|w| is_past_verb(w)) && commits(spans, pos))
            .then(|| Found::new(TargetKind::InYear, phrase_start(p), end).due(due));
    }
    let in_year = before.first().is_some_and(|w| w.eq_ignore_ascii_case("in"))
        && !before.get(1).is_some_and(|w| is_past_verb(w));
    if in_year && reference.is_none_or(|r| year > r.year()) && commits(spans, pos) {
        return Some(Found::new(TargetKind::InYear, phrase_start("in"), end));
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

/// "到2025年", "至2030年", "2025年前", "2025年底前", "2035年末": a deadline in Chinese (the
/// year's end, 底 or 末, due on December 31).
fn chinese_deadline(text: &str, pos: usize, end: usize, year: i32) -> Option<Found> {
    let rest = text[end..].trim_start();
    let nian = rest.strip_prefix('年')?;
    let nian_end = text.len() - nian.len();
    let head = text[..pos].trim_end();
    for prefix in ["截至", "截止", "到", "至"] {
        if head.ends_with(prefix) {
            return Some(Found::new(
                TargetKind::Deadline,
                head.len() - prefix.len(),
                nian_end,
            ));
        }
    }
    for suffix in ["年底前", "底前", "以前", "之前", "前", "年底", "底", "末"] {
        if nian.starts_with(suffix) {
            let due = (suffix.contains('底') || suffix.contains('末'))
                .then(|| day_of(year, END))
                .flatten();
            return Some(Found::new(TargetKind::Deadline, pos, nian_end + suffix.len()).due(due));
        }
    }
    nian.starts_with("目标")
        .then(|| Found::new(TargetKind::Goal, pos, nian_end + "目标".len()))
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
            let mut target = make(text, spans, year, TargetKind::PlanPeriod, start, end);
            if lead_in.is_some_and(|p| p.contains("end of")) {
                target.due = day_of(year, END);
            }
            out.push(target);
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
            let mut target = make(text, spans, year, TargetKind::PlanPeriod, start, stop);
            if suffix == "末" {
                target.due = day_of(year, END);
            }
            out.push(target);
        }
    }
}

/// The sentence of a topic's summary that introduces its bullet points, as a byte span: the
/// sentence that ends with a colon ("It outlines several goals for 2023, including:"), which
/// ends its paragraph. `None` when no sentence or more than one ends so: a topic keeps the
/// points of all its lists together, and those of two lists cannot be told apart.
pub fn lead_in(summary: &str) -> Option<(usize, usize)> {
    let mut found = sentence_spans(summary)
        .into_iter()
        .filter(|&(s, e)| summary[s..e].ends_with([':', '：']));
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// The targets of one bullet point of a list introduced by the sentence `lead_in`, where
/// `lead` is the target that sentence states ("goals for 2023"), if any.
///
/// Under a lead-in with a year, a bullet that names no year of its own is a target of that
/// year: the lead-in's kind, phrase, span and due day, the bullet (trimmed) as its text. A
/// bullet that names its own ("By 2027, …") keeps its own. Either way the lead-in is the
/// targets' context. Under a lead-in without a year, a bullet's targets are its own, without
/// context. `at` is left as found (the caller names the point).
pub fn bullet_targets(
    point: &str,
    lead_in: &str,
    lead: Option<&Target>,
    reference: Option<NaiveDate>,
) -> Vec<Target> {
    let mut own = find_targets(point, reference);
    let Some(lead) = lead else {
        return own;
    };
    if own.is_empty() {
        own.push(Target {
            text: point.trim().to_owned(),
            ..lead.clone()
        });
    }
    for target in &mut own {
        target.context = Some(lead_in.to_owned());
    }
    own
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

    /// The phrase, year and due day of each target.
    fn dues(text: &str, reference: Option<NaiveDate>) -> Vec<(String, i32, Option<NaiveDate>)> {
        find_targets(text, reference)
            .into_iter()
            .map(|t| (t.phrase, t.year, t.due))
            .collect()
    }

    #[test]
    fn deadlines_keep_their_precision() {
        let r = date(2021, 2, 1);
        for (text, phrase, year, due) in [
            ("Plants close by 2025.", "by 2025", 2025, None),
            (
                "Plants close by the end of 2021.",
                "by the end of 2021",
                2021,
                date(2021, 12, 31),
            ),
            (
                "Plants close before the end of 2026.",
                "before the end of 2026",
                2026,
                date(2026, 12, 31),
            ),
            (
                "Plants close by end-2022.",
                "by end-2022",
                2022,
                date(2022, 12, 31),
            ),
            (
                "Plants close by the first half of 2021.",
                "by the first half of 2021",
                2021,
                date(2021, 6, 30),
            ),
            (
                "Plants close by the second half of 2021.",
                "by the second half of 2021",
                2021,
                date(2021, 12, 31),
            ),
            (
                "Plants close by the end of the year 2021.",
                "by the end of the year 2021",
                2021,
                date(2021, 12, 31),
            ),
            (
                "Plants close by mid-2025.",
                "by mid-2025",
                2025,
                date(2025, 6, 30),
            ),
            (
                "Plants close by the middle of 2025.",
                "by the middle of 2025",
                2025,
                date(2025, 6, 30),
            ),
            (
                "Plants close by the start of 2024.",
                "by the start of 2024",
                2024,
                date(2024, 1, 1),
            ),
            (
                "Plants close by June 2025.",
                "by June 2025",
                2025,
                date(2025, 6, 30),
            ),
            (
                "Plants close by the end of June 2025.",
                "by the end of June 2025",
                2025,
                date(2025, 6, 30),
            ),
            (
                "Plants close no later than Feb 2024.",
                "no later than Feb 2024",
                2024,
                date(2024, 2, 29),
            ),
            (
                "Plants close by November 2021.",
                "by November 2021",
                2021,
                date(2021, 11, 30),
            ),
            (
                "The city will close plants in the first half of 2021.",
                "in the first half of 2021",
                2021,
                date(2021, 6, 30),
            ),
            (
                "The city will close plants in the second half of 2022.",
                "in the second half of 2022",
                2022,
                date(2022, 12, 31),
            ),
            (
                "工厂2025年底前关闭。",
                "2025年底前",
                2025,
                date(2025, 12, 31),
            ),
            ("到2025年，工厂关闭。", "到2025年", 2025, None),
            (
                "Capacity doubles by the end of the 14th Five-Year Plan.",
                "by the end of the 14th Five-Year Plan",
                2025,
                date(2025, 12, 31),
            ),
            (
                "Capacity doubles during the 14th Five-Year Plan period.",
                "during the 14th Five-Year Plan period",
                2025,
                None,
            ),
        ] {
            assert_eq!(dues(text, r), [(phrase.to_owned(), year, due)], "{text}");
        }
    }

    #[test]
    fn months_and_halves_that_are_no_deadlines() {
        let r = date(2021, 8, 1);
        for text in [
            // Dates, with a day or after words that set no deadline.
            "It was announced in September 2023 and by 7 March 2024 it was out.",
            "The plan of June 2025 is out.",
            "Before June 2025 nothing happens.",
            // A half without a commitment, or one already past.
            "Sales fell in the first half of 2021.",
            "The city will close plants in the first half of 2021.",
            "The firm, which plans more, was founded in the second half of 2022.",
        ] {
            assert!(dues(text, r).is_empty(), "{text}");
        }
    }

    #[test]
    fn lead_ins() {
        let text = "A plan is out. It outlines goals for 2023, including:\n\nMore follows.";
        let (s, e) = lead_in(text).expect("a lead-in");
        assert_eq!(&text[s..e], "It outlines goals for 2023, including:");
        assert_eq!(lead_in("A plan is out. Goals: more. Aims follow."), None);
        assert_eq!(lead_in("It lists goals:\n\nAnd measures:"), None);
        assert_eq!(lead_in(""), None);
    }

    #[test]
    fn bullets_under_a_lead_in() {
        let lead_text = "The plan sets goals for 2025, including:";
        let lead = &find_targets(lead_text, None)[0];
        let point = bullet_targets("  Raise output  ", lead_text, Some(lead), None);
        assert_eq!(point.len(), 1);
        assert_eq!(
            (
                point[0].year,
                point[0].text.as_str(),
                point[0].phrase.as_str()
            ),
            (2025, "Raise output", "goals for 2025")
        );
        assert_eq!(point[0].context.as_deref(), Some(lead_text));
        let own = bullet_targets("By 2027, raise X", lead_text, Some(lead), None);
        assert_eq!((own[0].year, own[0].kind), (2027, TargetKind::Deadline));
        assert_eq!(own[0].context.as_deref(), Some(lead_text));
        assert!(bullet_targets("Raise output", "Measures include:", None, None).is_empty());
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
