//! Reusable pieces of the interface.

pub mod announcer;
pub mod assessments;
pub mod assumption_row;
pub mod auditor_pack;
pub mod charts;
pub mod date_field;
pub mod decision;
pub mod import_box;
pub mod layout;
pub mod notices;
pub mod question;
pub mod registers;
pub mod share_panel;
pub mod summary;
