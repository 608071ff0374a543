//! Calendar dates as ISO `YYYY-MM-DD` strings at the edges, `time::Date` inside.

use time::{Date, Duration, Month};

/// Parses `YYYY-MM-DD`.
pub fn parse(s: &str) -> Option<Date> {
    let mut it = s.trim().splitn(3, '-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u8 = it.next()?.parse().ok()?;
    let d: u8 = it.next()?.parse().ok()?;
    Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
}

pub fn format(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The date a number of (possibly fractional) weeks after `d`, rounded to whole days.
pub fn add_weeks(d: Date, weeks: f64) -> Date {
    d.saturating_add(Duration::days((weeks * 7.0).round() as i64))
}

/// Weeks in a month, on average.
pub const WEEKS_PER_MONTH: f64 = 365.25 / 12.0 / 7.0;
