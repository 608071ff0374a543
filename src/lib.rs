//! SOC 1 / SOC 2 readiness assessment: the pure domain.
//!
//! Everything here is plain Rust with no web dependencies, so the browser, the
//! tests and the benchmark all compute the same numbers from the same function,
//! [`engine::evaluate`]. The Yew app in `app/` only renders what it returns.

pub mod catalog;
pub mod engine;
pub mod estimate;
pub mod report;

#[cfg(target_arch = "wasm32")]
pub mod app;

pub use catalog::Catalog;
pub use engine::answers::{AnswerValue, Answers};
pub use engine::{evaluate, Readiness};
pub use estimate::Assumptions;
