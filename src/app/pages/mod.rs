//! One component per step of the flow.

pub mod questionnaire;
pub mod results;
pub mod review;
pub mod welcome;
