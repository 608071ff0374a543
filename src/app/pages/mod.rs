//! One component per step of the flow.

pub mod invite;
pub mod questionnaire;
pub mod results;
pub mod review;
pub mod shared;
pub mod welcome;
