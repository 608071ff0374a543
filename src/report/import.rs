//! Reading an exported JSON file back: refuse anything wrong with a message
//! saying what and where, and never touch the current assessment on failure.

use crate::report::check::{self, Problem};
use crate::report::export::SCHEMA_VERSION;
use crate::report::snapshot::Snapshot;
use crate::{Answers, Assumptions, Catalog};
use serde::Deserialize;
use serde_json::Value;

/// Larger files are refused before parsing: a full export is about 150 KB.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The parts of an export an import needs; everything else is derived again.
#[derive(Deserialize)]
struct Inputs {
    answers: Answers,
    #[serde(default)]
    assumptions: Option<Assumptions>,
}

/// Parses, migrates and checks an exported file.
pub fn parse(catalog: &Catalog, text: &str) -> Result<Snapshot, Problem> {
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
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let at = format!("line {}, column {}", e.line(), e.column());
        if e.is_eof() {
            Problem::new(at, "the file ends too early: it looks truncated")
        } else {
            Problem::new(at, format!("not valid JSON ({e})"))
        }
    })?;
    let version = value
        .get("schema_version")
        .ok_or_else(|| {
            Problem::new(
                "schema_version",
                "missing: this is not a readiness summary exported by this app",
            )
        })?
        .as_u64()
        .ok_or_else(|| Problem::new("schema_version", "expected a whole number"))?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(Problem::new(
            "schema_version",
            format!("the file is format {version}, made by a newer version of the app; this one reads up to {SCHEMA_VERSION}"),
        ));
    }
    let value = migrate(value, version)?;
    let inputs: Inputs = serde_path_to_error::deserialize(&value)
        .map_err(|e| Problem::new(e.path().to_string(), e.inner().to_string()))?;
    let mut answers = inputs.answers;
    // Questions retired since the file was made are dropped, not refused: their
    // IDs are never reused, so the rest of the file still means what it meant.
    let retired = &catalog.manifest.retired_ids;
    answers.values.retain(|id, _| !retired.contains(id));
    answers.notes.retain(|id, _| !retired.contains(id));
    check::answers(catalog, &answers)?;
    let assumptions = inputs.assumptions.unwrap_or_default();
    check::assumptions(catalog, &assumptions)?;
    Ok(Snapshot {
        answers,
        assumptions,
    })
}

/// Brings an older document up to the current format, one version at a time.
/// Version 1 is the first published format, so there is nothing to do yet; a
/// format 2 adds its step here and keeps reading format 1 files.
fn migrate(value: Value, version: u64) -> Result<Value, Problem> {
    match version {
        0 => Err(Problem::new(
            "schema_version",
            "format 0 was never published",
        )),
        _ => Ok(value),
    }
}
