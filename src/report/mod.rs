//! What leaves the engine as data: saved assessments and snapshots, the JSON export and its
//! import, the gap CSV, and share and preset links.

pub mod check;
pub mod csv;
pub mod export;
pub mod import;
pub mod library;
pub mod share;
pub mod snapshot;
pub mod summary;
