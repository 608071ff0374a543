//! Reusable pieces of the interface.

pub mod announcer;
pub mod assessments;
pub mod charts;
pub mod decision;
pub mod import_box;
pub mod layout;
pub mod notices;
pub mod question;
pub mod share_panel;
pub mod summary;
