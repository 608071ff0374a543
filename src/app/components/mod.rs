//! Reusable pieces of the interface.

pub mod charts;
pub mod decision;
pub mod layout;
pub mod question;
pub mod summary;
