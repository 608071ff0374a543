//! Checks that answers and assumptions from outside (an imported file, a shared
//! link) fit the questionnaire, so nothing out of range ever reaches the engine.

use crate::catalog::QuestionKind;
use crate::{AnswerValue, Answers, Assumptions, Catalog};
use std::fmt;

/// Longest note kept, in characters.
pub const MAX_NOTE: usize = 4000;

/// What is wrong and where, in words the user can act on.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where in the file or link, for example `answers.values."sec.cc1.mfa"`.
    pub location: String,
    pub reason: String,
}

impl Problem {
    pub fn new(location: impl Into<String>, reason: impl Into<String>) -> Self {
        Problem {
            location: location.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            f.write_str(&self.reason)
        } else {
            write!(f, "{}: {}", self.location, self.reason)
        }
    }
}

/// Every answer names a current question and holds a value its kind allows.
pub fn answers(catalog: &Catalog, answers: &Answers) -> Result<(), Problem> {
    for (id, value) in &answers.values {
        let at = || format!("answers.values.\"{id}\"");
        let q = catalog
            .question(id)
            .ok_or_else(|| Problem::new(at(), "no such question in this questionnaire version"))?;
        let option_ok = |o: &str| match q.kind {
            QuestionKind::Control => catalog.scale_option(o).is_some(),
            _ => q.options.iter().any(|opt| opt.id == o),
        };
        let ok = match (q.kind, value) {
            (QuestionKind::Control | QuestionKind::Choice, AnswerValue::One(o)) => option_ok(o),
            (QuestionKind::Multi, AnswerValue::Many(os)) => {
                os.iter().all(|o| option_ok(o))
                    && os.iter().enumerate().all(|(i, o)| !os[..i].contains(o))
            }
            (QuestionKind::Number, AnswerValue::Number(n)) => {
                n.is_finite()
                    && *n >= q.min.unwrap_or(f64::MIN)
                    && *n <= q.max.unwrap_or(f64::MAX)
                    && (!q.integer || n.fract() == 0.0)
            }
            (QuestionKind::Text, AnswerValue::One(t)) => {
                t.chars().count() <= q.max.unwrap_or(200.0) as usize
            }
            (QuestionKind::Date, AnswerValue::One(d)) => crate::estimate::date::parse(d)
                .is_some_and(|x| crate::estimate::date::format(x) == *d),
            _ => false,
        };
        if !ok {
            return Err(Problem::new(at(), expected(catalog, q)));
        }
    }
    for (id, note) in &answers.notes {
        let at = format!("answers.notes.\"{id}\"");
        if catalog.question(id).is_none() {
            return Err(Problem::new(
                at,
                "no such question in this questionnaire version",
            ));
        }
        if note.chars().count() > MAX_NOTE {
            return Err(Problem::new(
                at,
                format!("longer than {MAX_NOTE} characters"),
            ));
        }
    }
    Ok(())
}

fn expected(catalog: &Catalog, q: &crate::catalog::Question) -> String {
    let ids = |v: Vec<&str>| v.join(", ");
    match q.kind {
        QuestionKind::Control => format!(
            "expected one of {}",
            ids(catalog
                .manifest
                .scale
                .iter()
                .map(|o| o.id.as_str())
                .collect())
        ),
        QuestionKind::Choice => format!(
            "expected one of {}",
            ids(q.options.iter().map(|o| o.id.as_str()).collect())
        ),
        QuestionKind::Multi => format!(
            "expected a list without repeats drawn from {}",
            ids(q.options.iter().map(|o| o.id.as_str()).collect())
        ),
        QuestionKind::Number => format!(
            "expected a {} from {} to {}",
            if q.integer { "whole number" } else { "number" },
            q.min.unwrap_or(0.0),
            q.max.map_or("any size".into(), |m| m.to_string())
        ),
        QuestionKind::Text => format!(
            "expected text of at most {} characters",
            q.max.unwrap_or(200.0)
        ),
        QuestionKind::Date => "expected a date as YYYY-MM-DD".into(),
    }
}

/// The auditor tier exists, the start date is a date and every override is a
/// known, finite, non-negative low <= likely <= high triple.
pub fn assumptions(catalog: &Catalog, a: &Assumptions) -> Result<(), Problem> {
    let params = &catalog.estimation;
    if params.cost.tier(&a.tier).is_none() {
        return Err(Problem::new(
            "assumptions.tier",
            format!("unknown auditor tier \"{}\"", a.tier),
        ));
    }
    // The page allows a window around today; a file can only be held to the calendar's sense.
    if !crate::estimate::date::parse(&a.start_date)
        .is_some_and(|d| (2000..=2100).contains(&d.year()))
    {
        return Err(Problem::new(
            "assumptions.start_date",
            "expected a date as YYYY-MM-DD between 2000 and 2100",
        ));
    }
    let editable = params.assumptions();
    for (key, r) in &a.overrides {
        let at = format!("assumptions.overrides.\"{key}\"");
        let Some((_, p)) = editable.iter().find(|(k, _)| k == key) else {
            return Err(Problem::new(at, "not an editable assumption"));
        };
        if !p.accepts(r) {
            let [lo, hi] = p.limits();
            return Err(Problem::new(
                at,
                format!(
                    "expected low <= likely <= high, each from {} to {}",
                    crate::text::number(lo),
                    crate::text::number(hi)
                ),
            ));
        }
    }
    Ok(())
}

/// The registers fit their limits: rows, field lengths and dates a page can show.
pub fn registers(r: &crate::engine::registers::Registers) -> Result<(), Problem> {
    use crate::engine::registers::{MAX_FIELD, MAX_ROWS};
    let text = |at: String, s: &str| {
        if s.chars().count() > MAX_FIELD {
            Err(Problem::new(
                at,
                format!("longer than {MAX_FIELD} characters"),
            ))
        } else {
            Ok(())
        }
    };
    let date = |at: String, s: &str| {
        let as_written = crate::estimate::date::parse(s).filter(|d| {
            crate::estimate::date::format(*d) == s && (2000..=2100).contains(&d.year())
        });
        if s.is_empty() || as_written.is_some() {
            Ok(())
        } else {
            Err(Problem::new(
                at,
                "expected a date as YYYY-MM-DD, or nothing",
            ))
        }
    };
    let rows = |at: &str, n: usize| {
        if n > MAX_ROWS {
            Err(Problem::new(at, format!("more than {MAX_ROWS} rows")))
        } else {
            Ok(())
        }
    };
    if let Some(list) = &r.subservices {
        rows("registers.subservices", list.len())?;
        for (i, s) in list.iter().enumerate() {
            let at = |f: &str| format!("registers.subservices[{i}].{f}");
            text(at("id"), &s.id)?;
            text(at("name"), &s.name)?;
            text(at("service"), &s.service)?;
            rows(&at("relied_on"), s.relied_on.len())?;
            for (j, c) in s.relied_on.iter().enumerate() {
                text(format!("{}[{j}]", at("relied_on")), c)?;
            }
            date(at("period_end"), &s.period_end)?;
            date(at("next_review"), &s.next_review)?;
        }
    }
    if let Some(list) = &r.customer_controls {
        rows("registers.customer_controls", list.len())?;
        for (i, c) in list.iter().enumerate() {
            let at = |f: &str| format!("registers.customer_controls[{i}].{f}");
            text(at("id"), &c.id)?;
            text(at("text"), &c.text)?;
            rows(&at("criteria"), c.criteria.len())?;
            for (j, cr) in c.criteria.iter().enumerate() {
                text(format!("{}[{j}]", at("criteria")), cr)?;
            }
        }
    }
    Ok(())
}
