//! The questionnaire catalog: its data model, the embedded built-in set and validation.

pub mod auditor;
pub mod crosswalk;
pub mod estimation;
pub mod kinds;
mod model;
pub mod validate;
mod validate_artefacts;

pub use model::*;

/// The built-in questionnaires, converted from `questionnaires/*.toml` at build time (postcard).
pub const BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));

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
    /// Parses and validates a catalog document as produced by the build.
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

    /// Decodes the built-in catalog without validating it: the test suite validates
    /// exactly these bytes, so the browser skips that work (and its code).
    pub fn builtin_unchecked() -> Catalog {
        // Not `expect`: formatting the error would pull its Debug code into the app.
        postcard::from_bytes(BUILTIN)
            .unwrap_or_else(|_| panic!("the built-in catalog does not decode"))
    }

    /// Decodes and validates the built-in catalog.
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
