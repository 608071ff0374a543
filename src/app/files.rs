//! Files in and out of the browser: downloads made on the page (nothing is
//! uploaded anywhere), reading a chosen or dropped file, JSON through the
//! browser's own parser, and the clipboard.

use crate::report::check::Problem;
use crate::report::export::Export;
use crate::report::{csv, export, import, library};
use crate::{evaluate, Catalog};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Saves `text` as a file on the user's machine.
#[inline(never)]
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| "The browser did not allow the download.".to_owned();
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let doc = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    let body = gloo::utils::body();
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    // Revoked a moment later: some browsers start reading the blob after click() returns.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Pretty JSON through the browser's `JSON.stringify`.
pub fn to_json<T: Serialize>(value: &T) -> Result<String, String> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&ser)
        .ok()
        .and_then(|v| {
            js_sys::JSON::stringify_with_replacer_and_space(&v, &JsValue::NULL, &JsValue::from(2))
                .ok()
        })
        .and_then(|s| s.as_string())
        .ok_or_else(|| "The summary could not be written as JSON.".to_owned())
}

/// An exported file read back, with the browser's JSON parser.
#[inline(never)]
pub fn import(catalog: &Catalog, text: &str) -> Result<import::Imported, Problem> {
    import::check_size(text)?;
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let message = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        if text.trim().is_empty() {
            Problem::new("", "the file is empty")
        } else if message.contains("end of JSON") || message.contains("Unterminated") {
            Problem::new(
                "",
                format!("the file ends too early: it looks truncated ({message})"),
            )
        } else {
            Problem::new("", format!("not valid JSON ({message})"))
        }
    })?;
    import::from_document(catalog, || {
        serde_wasm_bindgen::Deserializer::from(value.clone())
    })
}

/// The export of one assessment, evaluated the same way the results page is.
#[inline(never)]
pub fn export_of(catalog: &Catalog, snapshot: &crate::report::snapshot::Snapshot) -> Export {
    let readiness = evaluate(catalog, &snapshot.answers, &snapshot.assumptions);
    export::build(catalog, snapshot, &readiness, &now_iso())
}

/// Downloads the JSON summary of an assessment.
#[inline(never)]
pub fn download_json(
    catalog: &Catalog,
    snapshot: &crate::report::snapshot::Snapshot,
) -> Result<(), String> {
    let e = export_of(catalog, snapshot);
    let name = library::file_name(&e.company, &crate::app::today(), "json");
    download(&name, "application/json", &to_json(&e)?)
}

/// Downloads one CSV view of an assessment's export, named after the company and `what`.
fn download_csv_of(
    catalog: &Catalog,
    snapshot: &crate::report::snapshot::Snapshot,
    what: &str,
    render: fn(&export::Export) -> String,
) -> Result<(), String> {
    let e = export_of(catalog, snapshot);
    let name = library::file_name(
        &format!("{} {what}", e.company),
        &crate::app::today(),
        "csv",
    );
    download(&name, "text/csv", &render(&e))
}

/// Downloads the gap list of an assessment as CSV.
#[inline(never)]
pub fn download_csv(
    catalog: &Catalog,
    snapshot: &crate::report::snapshot::Snapshot,
) -> Result<(), String> {
    download_csv_of(catalog, snapshot, "gaps", csv::gaps)
}

/// Downloads the control calendar of an assessment as CSV.
pub fn download_calendar_csv(
    catalog: &Catalog,
    snapshot: &crate::report::snapshot::Snapshot,
) -> Result<(), String> {
    download_csv_of(catalog, snapshot, "control calendar", csv::calendar)
}

/// Downloads the policy checklist of an assessment as CSV.
pub fn download_policies_csv(
    catalog: &Catalog,
    snapshot: &crate::report::snapshot::Snapshot,
) -> Result<(), String> {
    download_csv_of(catalog, snapshot, "policies", csv::policies)
}

/// The moment, as ISO 8601 in UTC.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Reads a chosen or dropped file as text, refusing very large ones unread.
pub fn read_text(
    file: web_sys::File,
    done: impl FnOnce(String, Result<String, Problem>) + 'static,
) {
    let name = file.name();
    if file.size() > import::MAX_BYTES as f64 {
        done(
            name,
            Err(Problem::new(
                "",
                format!(
                    "The file is {} KB; the largest accepted is {} KB.",
                    (file.size() / 1024.0).ceil(),
                    import::MAX_BYTES / 1024
                ),
            )),
        );
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        let result = text
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| Problem::new("", "the file could not be read"));
        done(name, result);
    });
}

/// Copies text to the clipboard; `done(false)` when the browser refuses.
pub fn copy(text: String, done: impl FnOnce(bool) + 'static) {
    let navigator = gloo::utils::window().navigator();
    // Pages served over plain HTTP (other than localhost) have no clipboard API at all.
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !available {
        return done(false);
    }
    let clipboard = navigator.clipboard();
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Downloads the subservice register of an assessment as CSV.
pub fn download_subservices_csv(
    catalog: &Catalog,
    snapshot: &crate::report::snapshot::Snapshot,
) -> Result<(), String> {
    download_csv_of(
        catalog,
        snapshot,
        "subservice organisations",
        csv::subservices,
    )
}

/// Downloads the customer controls of an assessment as CSV.
pub fn download_customer_controls_csv(
    catalog: &Catalog,
    snapshot: &crate::report::snapshot::Snapshot,
) -> Result<(), String> {
    download_csv_of(
        catalog,
        snapshot,
        "customer controls",
        csv::customer_controls,
    )
}

/// Downloads the evidence request list of an assessment as CSV.
pub fn download_evidence_csv(
    catalog: &Catalog,
    snapshot: &crate::report::snapshot::Snapshot,
) -> Result<(), String> {
    download_csv_of(catalog, snapshot, "evidence requests", csv::evidence)
}

/// Downloads the framework crosswalk of an assessment as CSV.
pub fn download_crosswalk_csv(
    catalog: &Catalog,
    snapshot: &crate::report::snapshot::Snapshot,
) -> Result<(), String> {
    download_csv_of(catalog, snapshot, "framework crosswalk", csv::crosswalk)
}

/// A button's handler that downloads one file of the open assessment, or says why it could not.
pub fn on_download(
    ctx: &crate::app::Ctx,
    how: fn(&Catalog, &crate::report::snapshot::Snapshot) -> Result<(), String>,
) -> yew::Callback<web_sys::MouseEvent> {
    let ctx = ctx.clone();
    yew::Callback::from(move |_| {
        if let Err(why) = how(ctx.catalog, &ctx.state.snapshot()) {
            ctx.notify(crate::app::workspace::Notice::problem(why));
        }
    })
}
