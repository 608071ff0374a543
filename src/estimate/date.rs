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
    let (month, day) = (u8::from(d.month()), d.day());
    match u16::try_from(d.year()) {
        // By hand for the usual years: an estimate formats dozens of dates, and
        // the formatting machinery takes several times as long.
        Ok(year @ 0..=9999) => {
            let mut text = *b"0000-00-00";
            for (end, mut n) in [(4, year), (7, u16::from(month)), (10, u16::from(day))] {
                for c in text[..end].iter_mut().rev().take_while(|c| **c != b'-') {
                    *c = b'0' + (n % 10) as u8;
                    n /= 10;
                }
            }
            String::from_utf8_lossy(&text).into_owned()
        }
        _ => format!("{:04}-{month:02}-{day:02}", d.year()),
    }
}

/// The date a number of (possibly fractional) weeks after `d`, rounded to whole days.
pub fn add_weeks(d: Date, weeks: f64) -> Date {
    d.saturating_add(Duration::days((weeks * 7.0).round() as i64))
}

/// Days in a month, on average.
pub const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// Weeks in a month, on average.
pub const WEEKS_PER_MONTH: f64 = 365.25 / 12.0 / 7.0;

/// The last day of `month` in `year`.
pub fn month_end(year: i32, month: u8) -> Option<Date> {
    let m = Month::try_from(month).ok()?;
    Date::from_calendar_date(year, m, m.length(year)).ok()
}

/// The last day of `month` in the year of `d` or, when that is before `d`, in the next year.
pub fn next_month_end(d: Date, month: u8) -> Option<Date> {
    let this = month_end(d.year(), month)?;
    if this >= d {
        Some(this)
    } else {
        month_end(d.year() + 1, month)
    }
}

/// Calendar months from `a` up to the end of day `b` (1 Jan to 30 Jun is 6).
pub fn months_through(a: Date, b: Date) -> f64 {
    let end = b.next_day().unwrap_or(b);
    let whole = (end.year() - a.year()) * 12 + i32::from(u8::from(end.month()))
        - i32::from(u8::from(a.month()));
    f64::from(whole) + f64::from(i32::from(end.day()) - i32::from(a.day())) / 30.44
}

/// The same date `months` later, keeping month ends at month ends (31 Aug + 6 is 28 or 29 Feb).
pub fn add_months_keeping_end(d: Date, months: u32) -> Option<Date> {
    let later = add_months(d, months)?;
    if d.next_day().is_some_and(|n| n.month() != d.month()) {
        month_end(later.year(), u8::from(later.month()))
    } else {
        Some(later)
    }
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    (b - a).whole_days()
}

/// The same day `months` calendar months later, clamped to the end of a shorter month.
pub fn add_months(d: Date, months: u32) -> Option<Date> {
    let total = d.year() * 12 + i32::from(u8::from(d.month())) - 1 + months as i32;
    let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
    let end = month_end(year, month)?;
    Date::from_calendar_date(year, end.month(), d.day().min(end.day())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_hand_matches_the_formatting_machinery() {
        for year in [-12345, -1, 0, 7, 99, 999, 1000, 2026, 9999, 10000, 12345] {
            for (month, day) in [(1, 1), (2, 28), (9, 9), (10, 10), (12, 31)] {
                let d = Date::from_calendar_date(year, Month::try_from(month).unwrap(), day);
                let Ok(d) = d else { continue };
                let expected = format!("{:04}-{:02}-{:02}", d.year(), month, day);
                assert_eq!(format(d), expected);
                if (0..=9999).contains(&year) {
                    assert_eq!(parse(&format(d)), Some(d));
                }
            }
        }
    }
}
