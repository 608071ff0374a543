//! The gap list as CSV, for issue trackers and spreadsheets.

use crate::report::export::Export;

/// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a
/// spreadsheet never runs a cell as a formula.
fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Appends one quoted row and its line end.
fn push_row(out: &mut String, row: &[String]) {
    out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
}

/// One row per gap, most severe first.
pub fn gaps(export: &Export) -> String {
    let mut out = String::from(
        "rank,question,category,criteria,key_control,answer,severity,effort_person_days,text,advice\r\n",
    );
    for g in &export.gaps {
        let row = [
            g.rank.to_string(),
            g.gap.question.clone(),
            g.gap.category.clone(),
            g.gap.criteria.join(" "),
            g.gap.key.to_string(),
            g.gap.answer.clone(),
            crate::estimate::range::number(g.gap.severity),
            crate::estimate::range::number(g.gap.remaining_days),
            g.text.clone(),
            g.advice.clone(),
        ];
        push_row(&mut out, &row);
    }
    out
}

/// One row per run of each recurring control, in the order of the calendar.
pub fn calendar(export: &Export) -> String {
    let mut out = String::from("control,every_months,due_by,must_fit_short_window\r\n");
    for c in &export.timeline.calendar {
        for d in &c.due {
            let row = [
                c.label.clone(),
                c.every_months.to_string(),
                d.clone(),
                c.must_fit_short_window.to_string(),
            ];
            push_row(&mut out, &row);
        }
    }
    out
}

/// One row per policy of the checklist, with the questions it supports.
pub fn policies(export: &Export) -> String {
    let mut out = String::from("policy,status,questions\r\n");
    for p in &export.policies {
        let row = [
            p.title.clone(),
            p.status.label().to_owned(),
            p.questions.join(" "),
        ];
        push_row(&mut out, &row);
    }
    out
}
