//! Checks on the data behind the auditor-facing artefacts: every control's
//! frequency and owner, the sample table, the register drafts and the crosswalk.

use super::kinds::{Frequency, Report};
use super::{Catalog, CatalogError, Question, QuestionKind};
use crate::engine::registers::{MAX_FIELD, MAX_ROWS};
use std::collections::{BTreeSet, HashMap};

const FREQUENCIES: [Frequency; 8] = [
    Frequency::Continuous,
    Frequency::Daily,
    Frequency::Weekly,
    Frequency::Monthly,
    Frequency::Quarterly,
    Frequency::SemiAnnual,
    Frequency::Annual,
    Frequency::PerEvent,
];

/// Annex A of ISO/IEC 27001:2022: the highest control number of each theme.
const ANNEX_A: [(u32, u32); 4] = [(5, 37), (6, 8), (7, 14), (8, 34)];

/// Every artefact check, each error naming the file, the ID and the reason.
pub fn validate(c: &Catalog) -> Vec<CatalogError> {
    let mut errors = Vec::new();
    let mut err = |file: &str, location: &str, reason: String| {
        errors.push(CatalogError {
            file: file.to_owned(),
            location: location.to_owned(),
            reason,
        })
    };
    let a = &c.auditor;
    let auditor = "auditor.toml";
    for (qn, _, q) in c.questions() {
        let control = q.kind == QuestionKind::Control;
        match (&q.frequency, control) {
            (None, true) => err(
                &qn.file,
                &q.id,
                "a control question needs a `frequency` for the evidence request list".into(),
            ),
            (Some(_), false) => err(
                &qn.file,
                &q.id,
                "only control questions take a `frequency`".into(),
            ),
            _ => {}
        }
        match (&q.owner, control) {
            (None, true) => err(
                &qn.file,
                &q.id,
                "a control question needs an `owner` for the evidence request list".into(),
            ),
            (Some(_), false) => err(
                &qn.file,
                &q.id,
                "only control questions take an `owner`".into(),
            ),
            (Some(o), true) if a.owner(o).is_none() => err(
                &qn.file,
                &q.id,
                format!("owner `{o}` is not listed in auditor.toml"),
            ),
            _ => {}
        }
    }
    for f in FREQUENCIES {
        match a.samples.iter().filter(|s| s.frequency == f).count() {
            1 => {}
            n => err(
                auditor,
                "samples",
                format!("{f:?} has {n} sample rows; it needs exactly one"),
            ),
        }
    }
    for s in &a.samples {
        let at = format!("samples.{:?}", s.frequency);
        if s.sample[0] == 0 || s.sample[0] > s.sample[1] {
            err(
                auditor,
                &at,
                format!("sample {:?} must be at least 1, low before high", s.sample),
            );
        }
        if s.source.is_none() && !s.assumption {
            err(
                auditor,
                &at,
                "give a `source` or mark it `assumption = true`".into(),
            );
        }
        let per_event = s.frequency == Frequency::PerEvent;
        if per_event != s.share_of_population.is_some() {
            err(
                auditor,
                &at,
                "per-event controls, and only they, take `share_of_population`".into(),
            );
        }
        if s.per_year.is_some()
            == matches!(s.frequency, Frequency::PerEvent | Frequency::Continuous)
        {
            err(
                auditor,
                &at,
                "`per_year` is set for controls on a schedule, and only for them".into(),
            );
        }
    }
    unique(a.owners.iter().map(|o| o.id.as_str()), &mut |id| {
        err(auditor, id, "owner listed twice".into())
    });
    let known: HashMap<&str, &Question> =
        c.questions().map(|(_, _, q)| (q.id.as_str(), q)).collect();
    unique(a.subservices.iter().map(|d| d.id.as_str()), &mut |id| {
        err(auditor, id, "subservice draft listed twice".into())
    });
    for d in a.subservices.iter().chain(&a.other_subservice) {
        if let Some(cond) = &d.when {
            super::validate::check_condition(cond, &known, &mut |r| err(auditor, &d.id, r));
        }
        if d.relied_on.is_empty() {
            err(auditor, &d.id, "name at least one control relied on".into());
        }
        // A draft the register's own limits refuse could never be saved once edited.
        let long = [&d.name, &d.service]
            .into_iter()
            .chain(&d.relied_on)
            .any(|t| t.chars().count() > MAX_FIELD);
        if long || d.relied_on.len() > MAX_ROWS {
            err(auditor, &d.id, format!("a text over {MAX_FIELD} characters or over {MAX_ROWS} controls: the register could not save it"));
        }
    }
    unique(a.cuecs.iter().map(|d| d.id.as_str()), &mut |id| {
        err(auditor, id, "customer control listed twice".into())
    });
    for d in &a.cuecs {
        if let Some(cond) = &d.when {
            super::validate::check_condition(cond, &known, &mut |r| err(auditor, &d.id, r));
        }
        if d.text.trim().is_empty() {
            err(auditor, &d.id, "missing text".into());
        }
        if d.text.chars().count() > MAX_FIELD {
            err(
                auditor,
                &d.id,
                format!("longer than {MAX_FIELD} characters: the register could not save it"),
            );
        }
        for cr in &d.criteria {
            if c.criterion(cr).is_none() {
                err(auditor, &d.id, format!("unknown criterion `{cr}`"));
            }
        }
    }
    for cr in c
        .manifest
        .criteria
        .iter()
        .filter(|cr| cr.cuec.chars().count() > MAX_FIELD)
    {
        err(
            "catalog.toml",
            &cr.id,
            format!("cuec longer than {MAX_FIELD} characters: the register could not save it"),
        );
    }
    let x = &c.crosswalk;
    let file = "crosswalk.toml";
    if x.note.trim().is_empty() {
        err(file, "note", "say whose mapping this is".into());
    }
    let soc2: Vec<&str> = c
        .manifest
        .criteria
        .iter()
        .filter(|cr| {
            c.group(&cr.group)
                .and_then(|g| c.category(&g.category))
                .is_some_and(|cat| cat.report == Report::Soc2)
        })
        .map(|cr| cr.id.as_str())
        .collect();
    let rows: Vec<&str> = x.criteria.iter().map(|r| r.criterion.as_str()).collect();
    if rows != soc2 {
        err(
            file,
            "criteria",
            format!(
                "needs one row per SOC 2 criterion, in catalog order: {} rows for {} criteria",
                rows.len(),
                soc2.len()
            ),
        );
    }
    for r in &x.criteria {
        for n in &r.iso {
            if !in_annex_a(n) {
                err(
                    file,
                    &r.criterion,
                    format!("`{n}` is not an ISO/IEC 27001:2022 Annex A control number"),
                );
            } else if x.iso_label(n).is_none() {
                err(
                    file,
                    &r.criterion,
                    format!("Annex A `{n}` has no label in `iso_controls`"),
                );
            }
        }
        for n in &r.clauses {
            if x.clause_label(n).is_none() {
                err(
                    file,
                    &r.criterion,
                    format!("clause `{n}` has no label in `iso_clauses`"),
                );
            }
        }
        for id in &r.csf {
            if x.csf_label(id).is_none() {
                err(
                    file,
                    &r.criterion,
                    format!("CSF category `{id}` has no label in `csf_categories`"),
                );
            }
        }
        if r.iso.is_empty() && r.csf.is_empty() {
            err(
                file,
                &r.criterion,
                "no hint at all: give ISO numbers or CSF categories".into(),
            );
        }
    }
    for l in x
        .iso_controls
        .iter()
        .chain(&x.iso_clauses)
        .chain(&x.csf_categories)
    {
        if l.label.trim().is_empty() {
            err(file, &l.id, "empty label".into());
        }
    }
    errors
}

fn in_annex_a(n: &str) -> bool {
    let Some((theme, control)) = n.split_once('.') else {
        return false;
    };
    let (Ok(theme), Ok(control)) = (theme.parse::<u32>(), control.parse::<u32>()) else {
        return false;
    };
    ANNEX_A
        .iter()
        .any(|&(t, max)| t == theme && (1..=max).contains(&control))
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>, dup: &mut impl FnMut(&str)) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            dup(id);
        }
    }
}
