//! Turns the TOML questionnaires into Rust statics compiled into the app, so the
//! browser decodes nothing at start and borrows every string from the program.
//! The data model is the library's own, included here by path, so the build and
//! the app can never disagree on the format. A file that does not
//! parse fails the build with its name, line and column; the structural checks
//! (IDs, criteria, conditions, ranges) run in `cargo test`.

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/catalog/static_data.rs"]
mod static_data;

#[allow(dead_code)]
#[path = "src/catalog/auditor.rs"]
mod auditor;
#[allow(dead_code)]
#[path = "src/catalog/crosswalk.rs"]
mod crosswalk;
#[allow(dead_code)]
#[path = "src/catalog/estimation.rs"]
mod estimation;
#[allow(dead_code)]
#[path = "src/catalog/kinds.rs"]
mod kinds;
#[allow(dead_code)]
#[path = "src/catalog/model.rs"]
mod model;

/// The paths the included files use inside the library.
#[allow(dead_code)]
mod catalog {
    pub use crate::model::*;

    pub struct CatalogError {
        pub file: String,
        pub location: String,
        pub reason: String,
    }
}

fn load<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let path = Path::new("questionnaires").join(format!("{name}.toml"));
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("questionnaires/{name}.toml: cannot read: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("questionnaires/{name}.toml: {e}"))
}

fn main() {
    // The browser build keeps the linker's relocations: scripts/split-wasm.mjs needs
    // them to split the wasm. Asked for here, not in rustflags, which RUSTFLAGS replaces.
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=questionnaires");
    println!("cargo:rerun-if-changed=src/catalog/model.rs");
    println!("cargo:rerun-if-changed=src/catalog/kinds.rs");
    println!("cargo:rerun-if-changed=src/catalog/estimation.rs");
    println!("cargo:rerun-if-changed=src/catalog/auditor.rs");
    println!("cargo:rerun-if-changed=src/catalog/crosswalk.rs");
    println!("cargo:rerun-if-changed=src/catalog/static_data.rs");
    let manifest: catalog::Manifest = load("catalog");
    let questionnaires = manifest
        .questionnaires
        .iter()
        .map(|name| {
            let mut q: catalog::Questionnaire = load(name);
            q.file = format!("{name}.toml").into();
            q
        })
        .collect();
    let catalog = catalog::Catalog {
        manifest,
        questionnaires,
        estimation: load("estimation"),
        auditor: load("auditor"),
        crosswalk: load("crosswalk"),
    };
    let mut rust = static_data::Rust::default();
    static_data::ToRust::to_rust(&catalog, &mut rust);
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("catalog.rs");
    let text = format!(
        "{}pub static CATALOG: model::Catalog = {};\n",
        rust.statics, rust.expr
    );
    fs::write(out, text).unwrap();
}
