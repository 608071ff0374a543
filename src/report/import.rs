//! Reading an exported JSON file back: refuse anything wrong with a message
//! saying what and where, and never touch the current assessment on failure.
//!
//! The checks work over any serde deserializer, so the browser can parse with
//! its own `JSON.parse` (keeping a JSON parser out of the WebAssembly) and the
//! native tests with `serde_json`, and both refuse the same files the same way.

use crate::engine::registers::Registers;
use crate::report::check::{self, Problem};
use crate::report::export::SCHEMA_VERSION;
use crate::report::snapshot::Snapshot;
use crate::{Answers, Assumptions, Catalog};
use litemap::LiteMap;
use serde::{Deserialize, Deserializer};

/// Larger files are refused before parsing: a full export is about 150 KB.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// An accepted file, and what was left out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub snapshot: Snapshot,
    /// IDs of retired questions whose answers or notes were dropped.
    pub dropped: Vec<String>,
}

/// What an importer reads first, to refuse newer formats before anything else.
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    schema_version: Option<f64>,
}

/// The parts of an export an import needs; everything else is derived again.
#[derive(Deserialize)]
struct Inputs {
    answers: Answers,
    #[serde(default)]
    assumptions: Option<Assumptions>,
    /// Format 3 on; older files follow the draft (see [`migrate`]).
    #[serde(default)]
    registers: Registers,
}

/// Refuses a file by its size alone, before any parsing.
pub fn check_size(text: &str) -> Result<(), Problem> {
    if text.len() > MAX_BYTES {
        return Err(Problem::new(
            "",
            format!(
                "The file is {} KB; the largest accepted is {} KB.",
                text.len().div_ceil(1024),
                MAX_BYTES / 1024
            ),
        ));
    }
    Ok(())
}

/// Parses, migrates and checks an exported file (native: `serde_json`).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(catalog: &Catalog, text: &str) -> Result<Imported, Problem> {
    check_size(text)?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let at = format!("line {}, column {}", e.line(), e.column());
        if e.is_eof() {
            Problem::new(at, "the file ends too early: it looks truncated")
        } else {
            Problem::new(at, format!("not valid JSON ({e})"))
        }
    })?;
    from_document(catalog, || &value)
}

/// Checks a parsed document, given as a way to make a deserializer over it (it is read twice).
pub fn from_document<'de, D, F>(catalog: &Catalog, document: F) -> Result<Imported, Problem>
where
    D: Deserializer<'de>,
    F: Fn() -> D,
{
    let head: Head = serde_path_to_error::deserialize(document()).map_err(|e| {
        if e.path().to_string() == "schema_version" {
            Problem::new("schema_version", "expected a whole number")
        } else {
            Problem::new(
                "",
                "this is not a readiness summary exported by this app (it is not a JSON object)",
            )
        }
    })?;
    let version = head.schema_version.ok_or_else(|| {
        Problem::new(
            "schema_version",
            "missing: this is not a readiness summary exported by this app",
        )
    })?;
    if version.fract() != 0.0 || version < 0.0 {
        return Err(Problem::new("schema_version", "expected a whole number"));
    }
    if version > f64::from(SCHEMA_VERSION) {
        return Err(Problem::new(
            "schema_version",
            format!("the file is format {version}, made by a newer version of the app; this one reads up to {SCHEMA_VERSION}"),
        ));
    }
    migrate(version as u32)?;
    let inputs: Inputs = serde_path_to_error::deserialize(document()).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        Problem::new(path, e.inner().to_string())
    })?;
    admit(
        catalog,
        Snapshot {
            answers: inputs.answers,
            assumptions: inputs.assumptions.unwrap_or_default(),
            registers: inputs.registers,
        },
    )
}

/// The checks every value from outside passes (a file, a saved value): answers
/// to retired questions are dropped and reported, the rest must fit the catalog.
pub fn admit(catalog: &Catalog, snapshot: Snapshot) -> Result<Imported, Problem> {
    let Snapshot {
        mut answers,
        assumptions,
        registers,
    } = snapshot;
    // A retired question whose control another question now asks hands its answer on.
    let moved = carry_merged(catalog, &mut answers);
    // Questions retired since the file was made are dropped, not refused: their
    // IDs are never reused, so the rest of the file still means what it meant.
    let retired = &catalog.manifest.retired_ids;
    let mut dropped: Vec<String> = answers
        .values
        .keys()
        .chain(answers.notes.keys())
        .filter(|id| retired.iter().any(|r| r == *id) && !moved.contains(id))
        .cloned()
        .collect();
    dropped.sort_unstable();
    dropped.dedup();
    answers
        .values
        .retain(|id, _| !retired.iter().any(|r| r == id));
    answers
        .notes
        .retain(|id, _| !retired.iter().any(|r| r == id));
    // Saved before whole numbers and bounds were checked: a fraction of a person
    // or an assumption outside its bounds is dropped and reported, not refused.
    let fractional: Vec<String> = answers
        .values
        .iter()
        .filter(|(id, v)| {
            catalog.question(id).is_some_and(|q| q.integer)
                && v.as_number().is_some_and(|n| n.fract() != 0.0)
        })
        .map(|(id, _)| id.clone())
        .collect();
    for id in fractional {
        answers.values.remove(&id);
        dropped.push(id);
    }
    let mut assumptions = assumptions;
    let editable = catalog.estimation.assumptions();
    assumptions.overrides.retain(|key, r| {
        let fits = editable.iter().any(|(k, p)| k == key && p.accepts(r));
        // Unknown keys stay, so the check below names them.
        let known = editable.iter().any(|(k, _)| k == key);
        if known && !fits {
            dropped.push(format!("assumption {key}"));
        }
        fits || !known
    });
    check::answers(catalog, &answers)?;
    check::assumptions(catalog, &assumptions)?;
    check::registers(&registers)?;
    Ok(Imported {
        snapshot: Snapshot {
            answers,
            assumptions,
            registers,
        },
        dropped,
    })
}

/// Moves the answers (and notes) of retired questions to the question that now asks
/// their control (`merged_into` in the catalog), when that one has no answer yet.
/// When several move to one question, the lowest on the scale wins (by design
/// points, then operating), and "not applicable" only when all are. Returns the
/// retired IDs whose answer moved; the others are dropped as before.
fn carry_merged(catalog: &Catalog, answers: &mut Answers) -> Vec<String> {
    let rank = |id: &str| -> Option<f64> {
        let o = catalog.scale_option(answers.values.get(id)?.as_str()?)?;
        Some(if o.not_applicable {
            f64::INFINITY
        } else {
            o.design + o.operating / 1000.0
        })
    };
    let mut chosen: LiteMap<&str, (&str, f64)> = LiteMap::new();
    for (from, to) in &catalog.manifest.merged_into {
        if answers.values.contains_key(to.as_str()) {
            continue;
        }
        let Some(r) = rank(from) else { continue };
        if chosen.get(to.as_str()).is_none_or(|(_, best)| r < *best) {
            chosen.insert(to.as_str(), (from.as_str(), r));
        }
    }
    let mut moved = Vec::new();
    for (to, (from, _)) in chosen {
        // `rank` found an answer for `from`, so there is one to copy.
        let Some(value) = answers.values.get(from).cloned() else {
            continue;
        };
        answers.values.insert(to.to_owned(), value);
        if let Some(note) = answers.notes.get(from).cloned() {
            answers.notes.entry(to.to_owned()).or_insert(note);
        }
        moved.push(from.to_owned());
    }
    moved
}

/// Brings an older document up to the current format. Version 1 is the first
/// published format; a later format reads older ones through serde defaults on
/// [`Inputs`] or adds a step here.
/// Only the inputs are read back; everything derived is recomputed. Format 2
/// changed derived parts only (the decision's reasons, statuses, notes and SOC 1
/// objectives), so format 1 files read as they are. Format 3 added the registers,
/// the first input since format 1: an older file has none, so both registers
/// follow the draft from its answers, exactly as they did when it was made.
fn migrate(version: u32) -> Result<(), Problem> {
    match version {
        0 => Err(Problem::new(
            "schema_version",
            "format 0 was never published",
        )),
        _ => Ok(()),
    }
}
