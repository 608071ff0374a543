//! Saved assessments: each one a named, dated record kept in the browser.
//!
//! The browser layer only moves these strings in and out of storage; what a
//! record holds, how it is named, checked, merged and turned into a file name
//! lives here, tested natively.

use crate::report::check::Problem;
use crate::report::import;
use crate::report::snapshot::{self, Snapshot, SnapshotV1};
use crate::{Answers, Catalog};
use base64::{engine::general_purpose::STANDARD, Engine};
use litemap::LiteMap;
use serde::{Deserialize, Serialize};

/// One saved assessment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The user's name for it; empty means "use the company name".
    pub name: String,
    /// `YYYY-MM-DD`, local time.
    pub created: String,
    pub updated: String,
    pub snapshot: Snapshot,
    /// Counts the saves, so a tab can tell whether another tab's save had
    /// seen its own (see `app::autosave`).
    pub revision: u64,
}

/// A record as version 2 stored it, before the registers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordV2 {
    pub name: String,
    pub created: String,
    pub updated: String,
    pub snapshot: SnapshotV1,
    pub revision: u64,
}

/// Version 3 of the stored format: a [`Record`] with the registers. Version 2
/// (the same without them) and version 1 (a bare snapshot, one per browser) are
/// still read; their registers follow the draft.
pub const PREFIX: &str = "v3:";
const PREFIX_V2: &str = "v2:";

/// Writes a version 2 record (tests of the upgrade path only).
pub fn encode_v2(r: &RecordV2) -> String {
    let bytes = postcard::to_allocvec(r).unwrap_or_default();
    format!("{PREFIX_V2}{}", STANDARD.encode(bytes))
}

/// Longest assessment name, in characters.
pub const MAX_NAME: usize = 120;

pub fn encode(r: &Record) -> String {
    let bytes = postcard::to_allocvec(r).unwrap_or_default();
    format!("{PREFIX}{}", STANDARD.encode(bytes))
}

/// A saved value, checked like an import: it must decode and fit this
/// questionnaire version. Answers to retired questions are dropped.
pub fn decode(catalog: &Catalog, text: &str) -> Result<Record, Problem> {
    let bytes = |body: &str| {
        STANDARD
            .decode(body)
            .map_err(|_| Problem::new("", "the saved value is damaged (not base64)"))
    };
    let damaged = |_| Problem::new("", "the saved value is damaged or incomplete");
    let record = if let Some(body) = text.strip_prefix(PREFIX) {
        postcard::from_bytes::<Record>(&bytes(body)?).map_err(damaged)?
    } else if let Some(body) = text.strip_prefix(PREFIX_V2) {
        let old = postcard::from_bytes::<RecordV2>(&bytes(body)?).map_err(damaged)?;
        Record {
            name: old.name,
            created: old.created,
            updated: old.updated,
            snapshot: old.snapshot.into(),
            revision: old.revision,
        }
    } else if text.starts_with(snapshot::PREFIX) {
        let snapshot = snapshot::decode(text)
            .ok_or_else(|| Problem::new("", "the saved value is damaged or incomplete"))?;
        Record {
            snapshot,
            ..Record::default()
        }
    } else if is_newer(text) {
        return Err(Problem::new(
            "",
            "it was saved by a newer version of the app",
        ));
    } else {
        return Err(Problem::new(
            "",
            "it is not an assessment saved by this app",
        ));
    };
    if record.name.chars().count() > MAX_NAME {
        return Err(Problem::new(
            "name",
            format!("longer than {MAX_NAME} characters"),
        ));
    }
    let ok = import::admit(catalog, record.snapshot)?;
    Ok(Record {
        snapshot: ok.snapshot,
        ..record
    })
}

/// `v7:` when this app writes `v3:`.
fn is_newer(text: &str) -> bool {
    text.strip_prefix('v')
        .and_then(|t| t.split_once(':'))
        .and_then(|(v, _)| v.parse::<u32>().ok())
        .is_some_and(|v| v > 3)
}

/// The company answer, when given.
pub fn company(s: &Snapshot) -> Option<&str> {
    company_in(&s.answers)
}

fn company_in(answers: &Answers) -> Option<&str> {
    answers
        .get("scope.company_name")
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

/// The name shown in lists and headers: the user's, else the company's.
pub fn display_name(r: &Record) -> String {
    name_for(&r.name, &r.snapshot.answers)
}

/// [`display_name`] from its parts, so a caller need not build a record.
pub fn name_for(name: &str, answers: &Answers) -> String {
    let name = name.trim();
    if !name.is_empty() {
        name.to_owned()
    } else {
        company_in(answers).map_or_else(|| "Untitled assessment".to_owned(), str::to_owned)
    }
}

/// The name of a duplicate.
pub fn copy_name(r: &Record) -> String {
    format!("Copy of {}", display_name(r))
        .chars()
        .take(MAX_NAME)
        .collect()
}

/// `soc-readiness-acme-inc-2026-11-28.json`: company and date (left out when
/// there is none), safe on every file system.
pub fn file_name(company: &str, date: &str, extension: &str) -> String {
    let mut slug = String::new();
    // ASCII only: full Unicode case mapping would add its tables to the app.
    for c in company.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "assessment" } else { slug };
    let date: String = date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .take(10)
        .collect();
    let date = date.trim_matches('-');
    if date.is_empty() {
        format!("soc-readiness-{slug}.{extension}")
    } else {
        format!("soc-readiness-{slug}-{date}.{extension}")
    }
}

/// Merges two tabs' edits of the same assessment: every field changed here
/// since `base` (the last value both agreed on) keeps this tab's value; every
/// other field takes theirs. Nothing either side changed is lost, and when both
/// changed the same answer (or the same register row), this tab's latest edit wins.
pub fn merge(base: &Snapshot, mine: &Snapshot, theirs: &Snapshot) -> Snapshot {
    let mut out = theirs.clone();
    merge_map(
        &base.answers.values,
        &mine.answers.values,
        &mut out.answers.values,
    );
    merge_map(
        &base.answers.notes,
        &mine.answers.notes,
        &mut out.answers.notes,
    );
    let (b, m, o) = (&base.assumptions, &mine.assumptions, &mut out.assumptions);
    if m.start_date != b.start_date {
        o.start_date = m.start_date.clone();
    }
    if m.tier != b.tier {
        o.tier = m.tier.clone();
    }
    if m.pen_test != b.pen_test {
        o.pen_test = m.pen_test;
    }
    if m.consultant != b.consultant {
        o.consultant = m.consultant;
    }
    if m.tooling != b.tooling {
        o.tooling = m.tooling;
    }
    merge_map(&b.overrides, &m.overrides, &mut o.overrides);
    let (b, m, o) = (&base.registers, &mine.registers, &mut out.registers);
    merge_rows(&b.subservices, &m.subservices, &mut o.subservices, |r| {
        &r.id
    });
    merge_rows(
        &b.customer_controls,
        &m.customer_controls,
        &mut o.customer_controls,
        |r| &r.id,
    );
    out
}

/// Merges a register row by row, by ID: rows this tab added, changed or removed
/// since `base` win; every other row, and rows the other tab added, are theirs.
/// Going back to the draft (`None`) here replaces the other tab's list.
fn merge_rows<T: Clone + PartialEq>(
    base: &Option<Vec<T>>,
    mine: &Option<Vec<T>>,
    out: &mut Option<Vec<T>>,
    id: fn(&T) -> &str,
) {
    if mine == base {
        return;
    }
    let (Some(mine), Some(theirs)) = (mine, out.as_mut()) else {
        *out = mine.clone();
        return;
    };
    let base = base.as_deref().unwrap_or_default();
    for row in mine {
        if base.contains(row) {
            continue;
        }
        match theirs.iter_mut().find(|t| id(t) == id(row)) {
            Some(t) => *t = row.clone(),
            None => theirs.push(row.clone()),
        }
    }
    theirs.retain(|t| {
        let removed_here =
            base.iter().any(|b| id(b) == id(t)) && !mine.iter().any(|m| id(m) == id(t));
        !removed_here
    });
}

/// Applies to `out` every key `mine` added, changed or removed relative to `base`.
fn merge_map<V: Clone + PartialEq>(
    base: &LiteMap<String, V>,
    mine: &LiteMap<String, V>,
    out: &mut LiteMap<String, V>,
) {
    for key in base.keys().chain(mine.keys()) {
        let (b, m) = (base.get(key), mine.get(key));
        if b != m {
            match m {
                Some(v) => {
                    out.insert(key.clone(), v.clone());
                }
                None => {
                    out.remove(key);
                }
            }
        }
    }
}
