//! What leaves the engine as data: saved snapshots of an assessment.

pub mod snapshot;
