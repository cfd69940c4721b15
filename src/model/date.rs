//! Calendar pieces the briefs use: a month period and dates written without a year.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike as _, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month, shown and serialised as "YYYY-MM".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl Period {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month })
    }

    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The first day of the month.
    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("{s:?} is not a period of the form YYYY-MM");
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        let year = y.parse().map_err(|_| bad())?;
        let month = m.parse().map_err(|_| bad())?;
        Self::new(year, month).ok_or_else(bad)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A date as written: "February 7" has no year, "February 7, 2021" has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl PartialDate {
    /// The full date, if the year is known and the day exists.
    pub fn full(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }
}

/// Gives a year to a date written without one: the year that puts it nearest to any of
/// `anchors` (the brief's own full dates). A January brief's "December 29" falls in the
/// previous year. `None` without anchors or when the day does not exist in any candidate year.
pub fn resolve_year(month: u32, day: u32, anchors: &[NaiveDate]) -> Option<NaiveDate> {
    let latest = anchors.iter().max()?;
    let distance = |d: NaiveDate| {
        anchors
            .iter()
            .map(|a| (*a - d).num_days().abs())
            .min()
            .unwrap_or(i64::MAX)
    };
    (latest.year() - 1..=latest.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| distance(*d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn period_round_trips_as_text() {
        let p: Period = "2021-02".parse().unwrap();
        assert_eq!(
            p,
            Period {
                year: 2021,
                month: 2
            }
        );
        assert_eq!(p.to_string(), "2021-02");
        assert!("2021-13".parse::<Period>().is_err());
        assert!("Feb 2021".parse::<Period>().is_err());
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"2021-02\"");
    }

    #[test]
    fn year_is_the_nearest_to_the_anchors() {
        let anchors = [d(2021, 1, 12), d(2021, 1, 20)];
        assert_eq!(resolve_year(12, 29, &anchors), Some(d(2020, 12, 29)));
        assert_eq!(resolve_year(1, 4, &anchors), Some(d(2021, 1, 4)));
        let december = [d(2020, 12, 20)];
        assert_eq!(resolve_year(1, 3, &december), Some(d(2021, 1, 3)));
        assert_eq!(resolve_year(2, 7, &[d(2021, 2, 18)]), Some(d(2021, 2, 7)));
    }

    #[test]
    fn no_anchor_or_no_such_day_gives_none() {
        assert_eq!(resolve_year(2, 7, &[]), None);
        assert_eq!(resolve_year(2, 30, &[d(2021, 2, 1)]), None);
        // February 29 exists only in 2020 of 2020–2022.
        assert_eq!(resolve_year(2, 29, &[d(2021, 3, 1)]), Some(d(2020, 2, 29)));
    }
}
