//! Axis ticks that follow the zoom: years, quarters, months, weeks or days.

use chrono::{Datelike as _, Duration, NaiveDate};

use super::scale::{TimeScale, date_of, day_number};

/// The spacing of the ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    /// Every `n` years.
    Years(i32),
    Quarters,
    Months,
    Weeks,
    Days,
}

impl TickUnit {
    /// About how many days lie between two ticks.
    fn days(self) -> f64 {
        match self {
            Self::Years(n) => 365.25 * f64::from(n),
            Self::Quarters => 91.3,
            Self::Months => 30.44,
            Self::Weeks => 7.0,
            Self::Days => 1.0,
        }
    }
}

/// Finest first.
const UNITS: [TickUnit; 11] = [
    TickUnit::Days,
    TickUnit::Weeks,
    TickUnit::Months,
    TickUnit::Quarters,
    TickUnit::Years(1),
    TickUnit::Years(2),
    TickUnit::Years(5),
    TickUnit::Years(10),
    TickUnit::Years(20),
    TickUnit::Years(50),
    TickUnit::Years(100),
];

/// A tick on the axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub date: NaiveDate,
    pub label: String,
    /// Starts a year (drawn stronger).
    pub major: bool,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// The finest unit whose ticks stay at least `min_spacing_px` apart.
pub fn unit_for(scale: &TimeScale, width: f32, min_spacing_px: f32) -> TickUnit {
    let px_per_day = f64::from(width) / scale.span().max(1e-9);
    UNITS
        .into_iter()
        .find(|u| u.days() * px_per_day >= f64::from(min_spacing_px))
        .unwrap_or(TickUnit::Years(100))
}

/// The ticks inside `scale`, for a plot `width` pixels wide.
pub fn ticks(scale: &TimeScale, width: f32, min_spacing_px: f32) -> (TickUnit, Vec<Tick>) {
    let unit = unit_for(scale, width, min_spacing_px);
    let Some(first) = date_of(scale.start) else {
        return (unit, Vec::new());
    };
    let mut out = Vec::new();
    let mut date = align(first, unit);
    // A bound on the loop, whatever the dates: the unit keeps ticks >= min spacing apart.
    let limit = (f64::from(width) / f64::from(min_spacing_px.max(1.0))) as usize + 3;
    while day_number(date) < scale.end && out.len() <= limit {
        if day_number(date) >= scale.start {
            out.push(Tick {
                date,
                label: label(date, unit, out.is_empty()),
                major: date.month() == 1 && date.day() == 1,
            });
        }
        let Some(next) = advance(date, unit) else {
            break;
        };
        date = next;
    }
    (unit, out)
}

/// The tick at or before `date`.
fn align(date: NaiveDate, unit: TickUnit) -> NaiveDate {
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(date);
    match unit {
        TickUnit::Years(n) => ymd(date.year().div_euclid(n) * n, 1, 1),
        TickUnit::Quarters => ymd(date.year(), (date.month0() / 3) * 3 + 1, 1),
        TickUnit::Months => ymd(date.year(), date.month(), 1),
        TickUnit::Weeks => date - Duration::days(i64::from(date.weekday().num_days_from_monday())),
        TickUnit::Days => date,
    }
}

fn advance(date: NaiveDate, unit: TickUnit) -> Option<NaiveDate> {
    let months = |n: u32| date.checked_add_months(chrono::Months::new(n));
    match unit {
        TickUnit::Years(n) => months(12 * n.unsigned_abs()),
        TickUnit::Quarters => months(3),
        TickUnit::Months => months(1),
        TickUnit::Weeks => date.checked_add_signed(Duration::days(7)),
        TickUnit::Days => date.succ_opt(),
    }
}

fn label(date: NaiveDate, unit: TickUnit, first: bool) -> String {
    let new_year = date.month() == 1 && date.day() == 1;
    match unit {
        TickUnit::Years(_) => date.year().to_string(),
        TickUnit::Quarters => format!("{} Q{}", date.year(), date.month0() / 3 + 1),
        TickUnit::Months if new_year || first => format!("{} {}", month_name(date), date.year()),
        TickUnit::Months => month_name(date).to_owned(),
        TickUnit::Weeks | TickUnit::Days if new_year || first => {
            format!("{} {} {}", month_name(date), date.day(), date.year())
        }
        TickUnit::Weeks | TickUnit::Days => format!("{} {}", month_name(date), date.day()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn labels(from: NaiveDate, to: NaiveDate, width: f32) -> (TickUnit, Vec<String>) {
        let (unit, ticks) = ticks(&TimeScale::between(from, to), width, 60.0);
        (unit, ticks.into_iter().map(|t| t.label).collect())
    }

    #[test]
    fn each_scale_has_its_unit() {
        assert_eq!(
            labels(d(2000, 1, 1), d(2020, 12, 31), 1000.0).0,
            TickUnit::Years(2)
        );
        assert_eq!(
            labels(d(2019, 1, 1), d(2021, 12, 31), 1000.0).0,
            TickUnit::Quarters
        );
        assert_eq!(
            labels(d(2021, 1, 1), d(2021, 12, 31), 1000.0).0,
            TickUnit::Months
        );
        assert_eq!(
            labels(d(2021, 2, 1), d(2021, 3, 31), 1000.0).0,
            TickUnit::Weeks
        );
        assert_eq!(
            labels(d(2021, 2, 1), d(2021, 2, 10), 1000.0).0,
            TickUnit::Days
        );
        assert_eq!(
            labels(d(1800, 1, 1), d(2020, 1, 1), 1000.0).0,
            TickUnit::Years(20)
        );
    }

    #[test]
    fn labels_read_well() {
        let (_, months) = labels(d(2020, 11, 15), d(2021, 3, 15), 1000.0);
        assert_eq!(months, ["Dec 2020", "Jan 2021", "Feb", "Mar"]);
        let (_, quarters) = labels(d(2020, 1, 1), d(2021, 12, 31), 700.0);
        assert_eq!(quarters[..3], ["2020 Q1", "2020 Q2", "2020 Q3"]);
        let (_, days) = labels(d(2021, 2, 27), d(2021, 3, 2), 1000.0);
        assert_eq!(days, ["Feb 27 2021", "Feb 28", "Mar 1", "Mar 2"]);
        let (_, weeks) = labels(d(2021, 2, 1), d(2021, 2, 28), 400.0);
        assert_eq!(weeks, ["Feb 1 2021", "Feb 8", "Feb 15", "Feb 22"]);
    }

    #[test]
    fn ticks_are_inside_ordered_and_spaced() {
        let scale = TimeScale::between(d(2015, 6, 1), d(2021, 6, 1));
        let (_, ticks) = ticks(&scale, 900.0, 60.0);
        assert!(!ticks.is_empty());
        let xs: Vec<f32> = ticks
            .iter()
            .map(|t| scale.x(day_number(t.date), 900.0))
            .collect();
        assert!(xs.iter().all(|x| (0.0..=900.0).contains(x)));
        assert!(xs.windows(2).all(|w| w[1] - w[0] >= 60.0 - 1.0), "{xs:?}");
        assert!(ticks.iter().all(|t| t.major));
    }
}
