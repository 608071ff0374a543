//! Autosave to this browser's local storage, and nothing else: answers never leave the machine.
//! A saved value this version cannot read is moved aside, never overwritten, so nothing is lost.

use crate::report::snapshot::{self, Snapshot};

const KEY: &str = "soc-readiness/current";
const UNREADABLE: &str = "soc-readiness/unreadable";

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

pub fn load() -> Option<Snapshot> {
    let s = storage()?;
    let raw = s.get_item(KEY).ok().flatten()?;
    let snap = snapshot::decode(&raw);
    if snap.is_none() {
        let _ = s.set_item(UNREADABLE, &raw);
        let _ = s.remove_item(KEY);
    }
    snap
}

pub fn save(snap: &Snapshot) {
    // Storage can be full or disabled (private mode); the assessment still works.
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &snapshot::encode(snap));
    }
}
