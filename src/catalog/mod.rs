//! The questionnaire catalog: its data model, the embedded built-in set and validation.

pub mod auditor;
pub mod crosswalk;
pub mod estimation;
pub mod kinds;
mod model;
pub mod static_data;
pub mod validate;
mod validate_artefacts;

pub use model::*;
pub use static_data::{List, Map, Text};

/// The built-in questionnaires, written as Rust statics by the build from
/// `questionnaires/*.toml`: nothing to decode at start, nothing to copy.
mod builtin {
    use super::static_data::{List, Map, Text};
    use super::{auditor, crosswalk, estimation, kinds, model};
    include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
}

/// Why a catalog could not be used: the file, the ID or location inside it, and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    pub file: String,
    pub location: String,
    pub reason: String,
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.location, self.reason)
    }
}

impl Catalog {
    /// Parses and validates a whole catalog given as JSON (the catalog's own serde form).
    pub fn from_json(json: &str) -> Result<Catalog, Vec<CatalogError>> {
        let catalog: Catalog = serde_json::from_str(json).map_err(|e| {
            vec![CatalogError {
                file: "catalog.json".into(),
                location: format!("line {} column {}", e.line(), e.column()),
                reason: e.to_string(),
            }]
        })?;
        let errors = validate::validate(&catalog);
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(errors)
        }
    }

    /// The built-in catalog without validating it: the test suite validates exactly
    /// this data, so the browser skips that work (and its code).
    pub fn builtin_static() -> &'static Catalog {
        &builtin::CATALOG
    }

    /// A copy of the built-in catalog to change (tests build faulty ones from it);
    /// the copy borrows all its text and lists until one is changed.
    pub fn builtin_unchecked() -> Catalog {
        builtin::CATALOG.clone()
    }

    /// The built-in catalog, validated.
    pub fn builtin_checked() -> Result<Catalog, Vec<CatalogError>> {
        let catalog = Catalog::builtin_unchecked();
        let errors = validate::validate(&catalog);
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(errors)
        }
    }

    /// The built-in catalog, validated; failing here is a build defect.
    pub fn builtin() -> Catalog {
        match Catalog::builtin_checked() {
            Ok(c) => c,
            Err(errors) => panic!(
                "built-in questionnaires are invalid: {}",
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        }
    }
}
