//! Autosave of the inputs to this browser's local storage, and nothing else: answers never leave the machine.

use super::state::State;
use gloo::storage::{LocalStorage, Storage};

const KEY: &str = "soc-readiness/current";

pub fn load() -> Option<State> {
    LocalStorage::get(KEY).ok()
}

pub fn save(state: &State) {
    // Storage can be full or disabled (private mode); the assessment still works.
    let _ = LocalStorage::set(KEY, state);
}
