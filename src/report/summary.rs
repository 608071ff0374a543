//! The read-only summary a share link carries: what a recipient needs to judge
//! a company's readiness (report, type, window, categories, scores, date and,
//! when the sender allows, the gaps) without the rest of the assessment.

use crate::catalog::kinds::{Report, ReportType, Status};
use crate::catalog::Text;
use crate::engine::applicability::Decision;
use crate::report::check::Problem;
use crate::report::library::company;
use crate::report::snapshot::Snapshot;
use crate::{Catalog, Readiness};

/// Longest company name carried, in characters.
pub const MAX_COMPANY: usize = 200;

/// Everything the recipient's page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub company: String,
    /// When the sender made the link, `YYYY-MM-DD`.
    pub made_on: String,
    /// The reports recommended outright; empty when none is needed yet.
    pub reports: Vec<Report>,
    pub report_type: ReportType,
    pub window_months: u32,
    pub overall: Line,
    /// One line per category in scope, in catalog order.
    pub categories: Vec<Line>,
    /// Low, likely and high date of the first report in hand.
    pub first_report: [String; 3],
    /// `None` when the sender left the gaps out.
    pub gaps: Option<Vec<SummaryGap>>,
    /// What customers must do for the controls to work: what a prospect must plan for.
    pub customer_controls: Vec<String>,
}

/// A score as the recipient sees it: whole points, band, and how many answers it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// `overall` or a category ID.
    pub id: String,
    pub score: Option<u8>,
    pub band: Option<String>,
    pub answered: u32,
    pub applicable: u32,
}

/// One open gap: the question and the answer given.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryGap {
    pub question: String,
    pub answer: String,
}

fn line(s: &crate::engine::scoring::Score) -> Line {
    Line {
        id: s.id.to_string(),
        score: s.target.map(|v| v.round().clamp(0.0, 100.0) as u8),
        band: s.band.as_ref().map(Text::to_string),
        answered: s.answered as u32,
        applicable: s.applicable as u32,
    }
}

/// The summary of an evaluated assessment.
pub fn build(
    snapshot: &Snapshot,
    readiness: &Readiness,
    made_on: &str,
    with_gaps: bool,
) -> Summary {
    let d: &Decision = &readiness.decision;
    let t = &readiness.estimate.timeline.first_report;
    Summary {
        company: company(snapshot)
            .unwrap_or_default()
            .chars()
            .take(MAX_COMPANY)
            .collect(),
        made_on: made_on.to_owned(),
        reports: d
            .reports
            .iter()
            .filter(|r| r.status == Status::Recommended)
            .map(|r| r.id)
            .collect(),
        report_type: d.report_type.id,
        window_months: d.window_months,
        overall: line(&readiness.scores.overall),
        categories: readiness.scores.categories.iter().map(line).collect(),
        first_report: [t.low.clone(), t.likely.clone(), t.high.clone()],
        gaps: with_gaps.then(|| {
            readiness
                .gaps
                .iter()
                .map(|g| SummaryGap {
                    question: g.question.to_string(),
                    answer: g.answer.to_string(),
                })
                .collect()
        }),
        customer_controls: snapshot
            .registers
            .customer_controls
            .as_ref()
            .unwrap_or(&readiness.drafts.customer_controls)
            .iter()
            .filter(|c| !c.text.trim().is_empty())
            .map(|c| c.text.clone())
            .collect(),
    }
}

/// Refuses a summary naming anything this catalog does not know, so a crafted
/// link can only show what a real assessment could.
pub fn check(catalog: &Catalog, s: &Summary) -> Result<(), Problem> {
    let bad = |what: &str| Err(Problem::new("link", format!("it holds {what}")));
    if s.company.chars().count() > MAX_COMPANY {
        return bad("a company name that is too long");
    }
    // No report at all is a real outcome (none needed yet, or only one to
    // confirm), so only repeated reports are refused.
    let repeated = s
        .reports
        .iter()
        .enumerate()
        .any(|(i, r)| s.reports[..i].contains(r));
    if repeated {
        return bad("an unknown report");
    }
    if !(1..=24).contains(&s.window_months) {
        return bad("an unknown report type or window");
    }
    let band_ok = |b: &Option<String>| {
        b.as_ref()
            .is_none_or(|b| catalog.manifest.bands.iter().any(|x| &x.id == b))
    };
    let line_ok = |l: &Line| {
        l.score.is_none_or(|v| v <= 100) && band_ok(&l.band) && l.answered <= l.applicable
    };
    let repeated_category = s
        .categories
        .iter()
        .enumerate()
        .any(|(i, l)| s.categories[..i].iter().any(|x| x.id == l.id));
    if s.overall.id != "overall"
        || !line_ok(&s.overall)
        || repeated_category
        || s.categories
            .iter()
            .any(|l| catalog.category(&l.id).is_none() || !line_ok(l))
    {
        return bad("a score that cannot be");
    }
    // Dates as the app writes them (`YYYY-MM-DD`, so "2027-9-01" is refused),
    // compared as dates rather than as text.
    let date = |d: &str| {
        crate::estimate::date::parse(d).filter(|x| crate::estimate::date::format(*x) == d)
    };
    let [low, likely, high] = &s.first_report;
    let dates_ok = match (date(&s.made_on), date(low), date(likely), date(high)) {
        (Some(_), Some(low), Some(likely), Some(high)) => low <= likely && likely <= high,
        _ => false,
    };
    if !dates_ok {
        return bad("a date that cannot be");
    }
    use crate::engine::registers::{MAX_FIELD, MAX_ROWS};
    if s.customer_controls.len() > MAX_ROWS
        || s.customer_controls
            .iter()
            .any(|c| c.chars().count() > MAX_FIELD)
    {
        return bad("more customer controls, or longer ones, than the app allows");
    }
    if let Some(gaps) = &s.gaps {
        let known = |g: &SummaryGap| {
            catalog.question(&g.question).is_some() && catalog.scale_option(&g.answer).is_some()
        };
        if !gaps.iter().all(known) {
            return bad("a gap that names an unknown question or answer");
        }
    }
    Ok(())
}
