//! A compact, versioned text encoding of the user's inputs, for local storage.
//!
//! postcard (binary, no field names) then base64, behind a version prefix: small,
//! and it keeps a JSON parser out of the WebAssembly. Postcard is not
//! self-describing, so every field is always written (no `skip_serializing_if`
//! anywhere in these types); the round-trip tests guard that.

use crate::engine::registers::Registers;
use crate::{Answers, Assumptions};
use base64::{engine::general_purpose::STANDARD, Engine};
use serde::{Deserialize, Serialize};

/// The inputs that fully determine an assessment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub answers: Answers,
    pub assumptions: Assumptions,
    /// The subservice and customer-control registers as the user edited them.
    pub registers: Registers,
}

/// The inputs before the registers existed: what version 1 stored, and what a
/// version 2 library record holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SnapshotV1 {
    pub answers: Answers,
    pub assumptions: Assumptions,
}

impl From<SnapshotV1> for Snapshot {
    fn from(s: SnapshotV1) -> Self {
        Snapshot {
            answers: s.answers,
            assumptions: s.assumptions,
            registers: Registers::default(),
        }
    }
}

/// Version 1 of the stored format: a [`SnapshotV1`].
pub const PREFIX: &str = "v1:";

/// Writes the version 1 format (tests of the upgrade path only: the app writes library records).
pub fn encode(s: &SnapshotV1) -> String {
    // Serialising to a Vec cannot fail for these types; no `expect` (its Debug code costs bytes).
    let bytes = postcard::to_allocvec(s).unwrap_or_default();
    format!("{PREFIX}{}", STANDARD.encode(bytes))
}

/// `None` when the text is not a snapshot this version can read.
pub fn decode(text: &str) -> Option<Snapshot> {
    let bytes = STANDARD.decode(text.strip_prefix(PREFIX)?).ok()?;
    postcard::from_bytes::<SnapshotV1>(&bytes)
        .ok()
        .map(Snapshot::from)
}
