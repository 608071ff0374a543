//! The gap list as CSV, for issue trackers and spreadsheets.

use crate::engine::registers::Choice;
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
            g.gap.question.to_string(),
            g.gap.category.to_string(),
            g.gap.criteria.join(" "),
            g.gap.key.to_string(),
            g.gap.answer.to_string(),
            crate::estimate::range::number(g.gap.severity),
            crate::estimate::range::number(g.gap.remaining_days),
            g.text.to_string(),
            g.advice.to_string(),
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
                c.label.to_string(),
                c.every_months.to_string(),
                d.to_string(),
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
            p.title.to_string(),
            p.status.label().to_owned(),
            p.questions.join(" "),
        ];
        push_row(&mut out, &row);
    }
    out
}

/// One row per provider in the subservice register, with its concerns.
pub fn subservices(export: &Export) -> String {
    let mut out = String::from(
        "provider,service,method,inclusive_agreed,relied_on,report,period_end,opinion,bridge_letter,next_review,concerns\r\n",
    );
    for e in &export.subservices {
        let s = &e.subservice;
        let row = [
            s.name.to_string(),
            s.service.to_string(),
            s.method.id().to_owned(),
            s.inclusive_agreed.to_string(),
            s.relied_on.join("; "),
            s.report.id().to_owned(),
            s.period_end.to_string(),
            s.opinion.id().to_owned(),
            s.bridge_letter.id().to_owned(),
            s.next_review.to_string(),
            e.concerns
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ];
        push_row(&mut out, &row);
    }
    out
}

/// One row per control customers must run (complementary user entity controls).
pub fn customer_controls(export: &Export) -> String {
    let mut out = String::from("report,customer_control,supports\r\n");
    for c in &export.customer_controls {
        let row = [
            c.report.id().to_owned(),
            c.text.to_string(),
            c.criteria.join(" "),
        ];
        push_row(&mut out, &row);
    }
    out
}

/// One row per control in view: what the auditor asks for, who holds it, how often
/// it runs and, for a Type II, the typical sample.
pub fn evidence(export: &Export) -> String {
    let mut out = String::from(
        "question,report,criteria,control,evidence,owner,frequency,typical_sample,sample_basis,status\r\n",
    );
    for e in &export.evidence_requests {
        let (sample, basis) = match &e.sample {
            Some(s) => (
                s.text.to_string(),
                match (&s.source, s.assumption) {
                    (Some(url), false) => url.to_string(),
                    _ => "our assumption".to_owned(),
                },
            ),
            None => ("one instance (Type I)".to_owned(), String::new()),
        };
        let row = [
            e.question.to_string(),
            e.report.id().to_owned(),
            e.criteria.join(" "),
            e.control.to_string(),
            e.evidence.to_string(),
            e.owner.to_string(),
            e.frequency_label.to_string(),
            sample,
            basis,
            e.status.label().to_owned(),
        ];
        push_row(&mut out, &row);
    }
    out
}

/// One row per assessed SOC 2 criterion with our own ISO/IEC 27001:2022 and CSF 2.0 hints.
pub fn crosswalk(export: &Export) -> String {
    let mut out = String::from(
        "criterion,score,open_gaps,iso_27001_annex_a,iso_27001_clauses,nist_csf_2,note\r\n",
    );
    let join = |hs: &[crate::engine::crosswalk::Hint]| {
        hs.iter()
            .map(|h| format!("{} {}", h.id, h.label))
            .collect::<Vec<_>>()
            .join("; ")
    };
    for c in &export.crosswalk {
        let row = [
            c.criterion.to_string(),
            c.score.map(crate::text::whole).unwrap_or_default(),
            c.gaps.join(" "),
            join(&c.iso),
            join(&c.clauses),
            join(&c.csf),
            c.note.to_string(),
        ];
        push_row(&mut out, &row);
    }
    out
}
