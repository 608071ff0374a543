//! When the first report must be in hand: a scope option ("within 6 months") or a
//! date, measured from the start date, so rules and the timeline read one figure.

use super::conditions::{Cited, Effective};
use crate::catalog::Catalog;
use crate::estimate::date;
use time::Date;

/// The deadline the answers set.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    pub date: Date,
    /// Months from the start date to the deadline (negative when it is already past).
    pub months: f64,
    /// The answer it comes from, for the reasons that read it.
    pub cited: Cited,
}

/// The deadline in effect, if the answers set one. A date answer wins over the
/// option it follows; an option with no months ("no firm deadline") sets none.
pub fn from_answers(catalog: &Catalog, eff: &Effective, start: Date) -> Option<Deadline> {
    let inp = &catalog.estimation.inputs;
    if let Some(d) = eff
        .get(&inp.deadline_date)
        .and_then(|v| v.as_str())
        .and_then(date::parse)
    {
        return Some(Deadline {
            date: d,
            months: date::days_between(start, d) as f64 / date::DAYS_PER_MONTH,
            cited: Cited {
                question: inp.deadline_date.clone(),
                values: vec![date::format(d)],
            },
        });
    }
    let option = eff.get(&inp.deadline).and_then(|v| v.as_str())?;
    let months = inp.deadline_months(option)?;
    Some(Deadline {
        date: date::add_months(start, months)?,
        months: f64::from(months),
        cited: Cited {
            question: inp.deadline.clone(),
            values: vec![option.to_owned()],
        },
    })
}
