//! A compact, versioned text encoding of the user's inputs, for local storage.
//!
//! postcard (binary, no field names) then base64, behind a version prefix: small,
//! and it keeps a JSON parser out of the WebAssembly. Postcard is not
//! self-describing, so every field is always written (no `skip_serializing_if`
//! anywhere in these types); the round-trip tests guard that.

use crate::{Answers, Assumptions};
use base64::{engine::general_purpose::STANDARD, Engine};
use serde::{Deserialize, Serialize};

/// The inputs that fully determine an assessment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub answers: Answers,
    pub assumptions: Assumptions,
}

/// Version 1 of the stored format.
pub const PREFIX: &str = "v1:";

pub fn encode(s: &Snapshot) -> String {
    // Serialising to a Vec cannot fail for these types; no `expect` (its Debug code costs bytes).
    let bytes = postcard::to_allocvec(s).unwrap_or_default();
    format!("{PREFIX}{}", STANDARD.encode(bytes))
}

/// `None` when the text is not a snapshot this version can read.
pub fn decode(text: &str) -> Option<Snapshot> {
    let bytes = STANDARD.decode(text.strip_prefix(PREFIX)?).ok()?;
    postcard::from_bytes(&bytes).ok()
}
