//! The time axis: days ↔ pixels, zoom around a point, pan, fit.

use chrono::{Datelike as _, NaiveDate};
use serde::{Deserialize, Serialize};

/// Shortest and longest spans the view may show, in days.
const MIN_SPAN_DAYS: f64 = 3.0;
const MAX_SPAN_DAYS: f64 = 365.25 * 200.0;

/// A day as a number: days since 1 January of year 1 (so differences are day counts).
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date of a day number (rounded down); `None` outside chrono's range.
pub fn date_of(day: f64) -> Option<NaiveDate> {
    let day = day.floor();
    if !(f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&day) {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(day as i32)
}

/// The visible span of time, as day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeScale {
    pub start: f64,
    pub end: f64,
}

impl TimeScale {
    /// A span that shows every date in `days`, with a margin on both sides.
    pub fn fit(days: impl IntoIterator<Item = f64>) -> Option<Self> {
        let (lo, hi) = days
            .into_iter()
            .fold(None, |acc: Option<(f64, f64)>, d| match acc {
                Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
                None => Some((d, d)),
            })?;
        let span = (hi - lo).max(30.0);
        let mid = (lo + hi) / 2.0;
        let half = span * 1.1 / 2.0;
        Some(Self {
            start: mid - half,
            end: mid + half,
        })
    }

    /// From two dates, inclusive.
    pub fn between(from: NaiveDate, to: NaiveDate) -> Self {
        let (a, b) = (day_number(from), day_number(to) + 1.0);
        Self {
            start: a.min(b - 1.0),
            end: b.max(a + 1.0),
        }
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Pixel offset (from the plot's left edge) of `day` on a plot `width` wide.
    pub fn x(&self, day: f64, width: f32) -> f32 {
        ((day - self.start) / self.span() * f64::from(width)) as f32
    }

    /// The day at pixel offset `x`.
    pub fn day_at(&self, x: f32, width: f32) -> f64 {
        self.start + f64::from(x) / f64::from(width.max(1.0)) * self.span()
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the day under pixel `anchor_x` in place.
    pub fn zoom(&mut self, factor: f64, anchor_x: f32, width: f32) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let anchor = self.day_at(anchor_x, width);
        let span = (self.span() / factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let left = (anchor - self.start) / self.span();
        self.start = anchor - left * span;
        self.end = self.start + span;
    }

    /// Moves the view by `dx` pixels (dragging right shows earlier dates).
    pub fn pan(&mut self, dx: f32, width: f32) {
        let days = f64::from(dx) / f64::from(width.max(1.0)) * self.span();
        self.start -= days;
        self.end -= days;
    }

    /// The first and last whole dates in view.
    pub fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((
            date_of(self.start.ceil())?,
            date_of(self.end.floor() - 1.0)?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn days_and_pixels_map_both_ways() {
        let scale = TimeScale::between(d(2021, 1, 1), d(2021, 1, 10));
        assert_eq!(scale.span(), 10.0);
        assert_eq!(scale.x(day_number(d(2021, 1, 1)), 1000.0), 0.0);
        assert_eq!(scale.x(day_number(d(2021, 1, 6)), 1000.0), 500.0);
        assert_eq!(date_of(scale.day_at(500.0, 1000.0)), Some(d(2021, 1, 6)));
        assert_eq!(scale.dates(), Some((d(2021, 1, 1), d(2021, 1, 10))));
    }

    #[test]
    fn zoom_keeps_the_anchor_and_respects_limits() {
        let mut scale = TimeScale::between(d(2020, 1, 1), d(2021, 12, 31));
        let anchor = scale.day_at(250.0, 1000.0);
        scale.zoom(4.0, 250.0, 1000.0);
        assert!((scale.day_at(250.0, 1000.0) - anchor).abs() < 1e-6);
        assert!((scale.span() - 731.0 / 4.0).abs() < 1e-6);
        scale.zoom(1e9, 250.0, 1000.0);
        assert_eq!(scale.span(), MIN_SPAN_DAYS);
        scale.zoom(1e-12, 250.0, 1000.0);
        assert_eq!(scale.span(), MAX_SPAN_DAYS);
        scale.zoom(f64::NAN, 0.0, 1000.0);
        assert_eq!(scale.span(), MAX_SPAN_DAYS);
    }

    #[test]
    fn pan_and_fit() {
        let mut scale = TimeScale::between(d(2021, 1, 1), d(2021, 1, 10));
        scale.pan(100.0, 1000.0);
        assert!((scale.start - (day_number(d(2021, 1, 1)) - 1.0)).abs() < 1e-9);
        let fit = TimeScale::fit([day_number(d(2021, 2, 1)), day_number(d(2021, 2, 21))]).unwrap();
        assert!(fit.start < day_number(d(2021, 2, 1)) && fit.end > day_number(d(2021, 2, 21)));
        assert!(fit.span() >= 30.0);
        assert_eq!(TimeScale::fit(std::iter::empty()), None);
    }
}
