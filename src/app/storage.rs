//! Autosave to this browser's local storage, and nothing else: answers never leave the machine.
//!
//! The state is stored as versioned, base64-encoded postcard (compact, and it keeps a
//! JSON parser out of the app). A saved value this version cannot read is moved aside,
//! never overwritten, so nothing is lost.

use super::state::State;
use base64::{engine::general_purpose::STANDARD, Engine};

const KEY: &str = "soc-readiness/current";
const UNREADABLE: &str = "soc-readiness/unreadable";
const PREFIX: &str = "v1:";

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// Decodes a stored value; `None` when it is not ours or not readable.
pub fn decode(raw: &str) -> Option<State> {
    let bytes = STANDARD.decode(raw.strip_prefix(PREFIX)?).ok()?;
    postcard::from_bytes(&bytes).ok()
}

pub fn encode(state: &State) -> String {
    let bytes = postcard::to_allocvec(state).unwrap_or_default();
    format!("{PREFIX}{}", STANDARD.encode(bytes))
}

pub fn load() -> Option<State> {
    let s = storage()?;
    let raw = s.get_item(KEY).ok().flatten()?;
    let state = decode(&raw);
    if state.is_none() {
        let _ = s.set_item(UNREADABLE, &raw);
        let _ = s.remove_item(KEY);
    }
    state
}

pub fn save(state: &State) {
    // Storage can be full or disabled (private mode); the assessment still works.
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &encode(state));
    }
}
