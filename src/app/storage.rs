//! This browser's local storage, and nothing else: answers never leave the machine.
//!
//! Each assessment is one key. A value this version cannot read is never
//! overwritten or removed unless the user asks: it stays under its own key,
//! is listed, and can be downloaded.

use crate::report::check::Problem;
use crate::report::library::{self, Record};
use crate::Catalog;

/// Every key of ours starts with this.
pub const NAMESPACE: &str = "soc-readiness/";
const RECORD: &str = "soc-readiness/assessment/";
/// The assessment this browser opened last.
const OPEN: &str = "soc-readiness/open";
/// Where version 1 kept its single assessment.
const LEGACY: &str = "soc-readiness/current";
/// Where a value found unreadable at save time is copied before anything replaces it.
const ASIDE: &str = "soc-readiness/unreadable/";

/// A saved value that this version cannot read, kept as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub reason: String,
    pub chars: usize,
}

/// What is saved in this browser, as far as this version can read it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contents {
    /// `(id, record)`, most recently updated first.
    pub records: Vec<(String, Record)>,
    pub unreadable: Vec<Unreadable>,
    /// The assessment this browser had open last.
    pub open: Option<String>,
}

/// Why a save did not happen, in words for the user.
pub fn unavailable() -> String {
    "This browser does not let the app save here (storage is disabled, blocked or in private mode)."
        .into()
}

fn storage() -> Result<web_sys::Storage, String> {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(unavailable)
}

pub fn record_key(id: &str) -> String {
    format!("{RECORD}{id}")
}

/// The assessment ID of a record key.
pub fn id_of(key: &str) -> Option<&str> {
    key.strip_prefix(RECORD)
}

fn describe(e: wasm_bindgen::JsValue) -> String {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name.contains("Quota") {
        "The browser's storage for this page is full, so the latest changes are not saved.".into()
    } else {
        unavailable()
    }
}

fn set(key: &str, value: &str) -> Result<(), String> {
    storage()?.set_item(key, value).map_err(describe)
}

/// Saves one assessment.
#[inline(never)]
pub fn write(id: &str, record: &Record) -> Result<(), String> {
    set(&record_key(id), &library::encode(record))
}

/// One assessment: `Ok(None)` when nothing is saved under it, `Err` with the
/// raw text when something unreadable is.
#[inline(never)]
pub fn read(catalog: &Catalog, id: &str) -> Result<Option<Record>, (String, Problem)> {
    let Ok(s) = storage() else { return Ok(None) };
    match s.get_item(&record_key(id)).ok().flatten() {
        None => Ok(None),
        Some(raw) => library::decode(catalog, &raw)
            .map(Some)
            .map_err(|p| (raw, p)),
    }
}

/// Copies an unreadable value aside, so the key can be reused; `Err` leaves both as they were.
pub fn set_aside(raw: &str) -> Result<(), String> {
    set(&format!("{ASIDE}{}", new_id()), raw)
}

pub fn remove(key: &str) {
    if let Ok(s) = storage() {
        let _ = s.remove_item(key);
    }
}

pub fn raw(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

pub fn set_open(id: &str) {
    let _ = set(OPEN, id);
}

/// A fresh assessment ID: time plus randomness, unique across tabs.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let salt = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{now:x}{salt:08x}")
}

/// Moves a version 1 assessment into its own record, once at start-up; its
/// old key is removed only once the copy is written.
#[inline(never)]
pub fn migrate_legacy(catalog: &Catalog) {
    let Ok(s) = storage() else { return };
    if let Some(raw) = s.get_item(LEGACY).ok().flatten() {
        if let Ok(record) = library::decode(catalog, &raw) {
            let id = new_id();
            let record = Record {
                created: crate::app::today(),
                updated: crate::app::today(),
                ..record
            };
            if write(&id, &record).is_ok() {
                let _ = s.remove_item(LEGACY);
                set_open(&id);
            }
        }
    }
}

/// Everything saved, read and checked.
#[inline(never)]
pub fn load(catalog: &Catalog) -> Result<Contents, String> {
    let s = storage()?;
    let mut out = Contents {
        open: s.get_item(OPEN).ok().flatten(),
        ..Contents::default()
    };
    let len = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..len).filter_map(|i| s.key(i).ok().flatten()).collect();
    for key in keys {
        if !key.starts_with(NAMESPACE) || key == OPEN {
            continue;
        }
        let Some(raw) = s.get_item(&key).ok().flatten() else {
            continue;
        };
        let read = match id_of(&key) {
            Some(id) => library::decode(catalog, &raw)
                .map(|r| (id.to_owned(), r))
                .map_err(|p| p.to_string()),
            None if key == LEGACY => Err("an assessment from the previous version that could not be moved yet (is storage full?)".to_owned()),
            None => Err("it is not an assessment this version can read".to_owned()),
        };
        match read {
            Ok(pair) => out.records.push(pair),
            Err(reason) => out.unreadable.push(Unreadable {
                key: key.clone(),
                reason,
                chars: raw.chars().count(),
            }),
        }
    }
    // Keys are unique, so an unstable sort gives the same order (with less code).
    out.records
        .sort_unstable_by(|a, b| b.1.updated.cmp(&a.1.updated).then(b.0.cmp(&a.0)));
    out.unreadable.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    Ok(out)
}
