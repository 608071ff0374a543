//! SOC 1 / SOC 2 readiness assessment: the pure domain.
//!
//! Everything here is plain Rust with no web dependencies, so the browser, the
//! tests and the benchmark all compute the same numbers from the same function,
//! [`assessment::evaluate`]. The Yew app in `app/` only renders what it returns.
//!
//! Layers, lowest first: `catalog` (the data), `engine` (visibility, decision,
//! scores, gaps), `estimate` (timeline and cost from the engine's output),
//! `assessment` (the one function that runs both), `report` (exports and links).

pub mod assessment;
pub mod catalog;
pub mod engine;
pub mod estimate;
pub mod report;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;

pub use assessment::{assess, evaluate, Live, Readiness};
pub use catalog::Catalog;
pub use engine::answers::{AnswerValue, Answers};
pub use estimate::Assumptions;
