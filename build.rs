//! Turns the TOML questionnaires into one compact JSON document embedded in the
//! app, so the browser parses JSON (which it needs anyway) and never TOML.
//! Syntax errors fail the build with the file and position; structural checks
//! run in `cargo test` (see `catalog::validate`).

use std::{env, fs, path::Path};

fn load(dir: &Path, name: &str) -> serde_json::Value {
    let path = dir.join(format!("{name}.toml"));
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("questionnaires/{name}.toml: cannot read: {e}"));
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("questionnaires/{name}.toml: {e}"));
    serde_json::to_value(value).expect("TOML values are JSON values")
}

fn main() {
    let dir = Path::new("questionnaires");
    println!("cargo:rerun-if-changed=questionnaires");
    let manifest = load(dir, "catalog");
    let names: Vec<String> = manifest["questionnaires"]
        .as_array()
        .expect("catalog.toml: `questionnaires` must list the questionnaire files")
        .iter()
        .map(|v| v.as_str().expect("questionnaire names are strings").to_owned())
        .collect();
    let questionnaires: Vec<serde_json::Value> = names
        .iter()
        .map(|name| {
            let mut q = load(dir, name);
            q["file"] = serde_json::Value::String(format!("{name}.toml"));
            q
        })
        .collect();
    let catalog = serde_json::json!({
        "manifest": manifest,
        "questionnaires": questionnaires,
        "estimation": load(dir, "estimation"),
    });
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("catalog.json");
    fs::write(out, serde_json::to_string(&catalog).unwrap()).unwrap();
}
