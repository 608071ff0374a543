//! Importing an exported JSON file, by file picker or drag and drop. An
//! accepted file always becomes a new assessment; a refused one changes nothing.

use crate::app::files;
use crate::app::lazy::{with_files, Import};
use crate::app::workspace::{Notice, WorkspaceAction};
use crate::app::Ctx;
use crate::report::check::Problem;
use crate::report::library::{self, Record};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Saves an imported file as a new assessment and says what was left out.
fn accept(ctx: &Ctx, file_name: &str, text: Result<String, Problem>, import: Import) {
    let result = text.and_then(|t| import(ctx.catalog, &t));
    match result {
        Ok(imported) => {
            let record = Record {
                created: crate::app::today(),
                updated: crate::app::today(),
                snapshot: imported.snapshot,
                ..Record::default()
            };
            let name = library::display_name(&record);
            let id = crate::app::storage::new_id();
            if let Err(why) = crate::app::storage::write(&id, &record) {
                ctx.workspace.dispatch(WorkspaceAction::SaveFailed(why));
                return ctx.notify(Notice::problem(format!(
                    "“{file_name}” could not be added: nothing was saved."
                )));
            }
            ctx.reload();
            let mut details = Vec::new();
            if !imported.dropped.is_empty() {
                details.push(format!(
                    "Left out {} value(s) this version no longer asks for or accepts (retired questions, fractions of a whole number, assumptions outside their bounds): {}.",
                    imported.dropped.len(),
                    imported.dropped.join(", ")
                ));
            }
            ctx.notify(Notice {
                details,
                open: Some(id),
                ..Notice::info(format!(
                    "Imported “{file_name}” as a new assessment, “{name}”. Nothing else changed."
                ))
            });
        }
        Err(p) => ctx.notify(Notice {
            details: vec![if p.location.is_empty() {
                p.reason.clone()
            } else {
                format!("At {}: {}", p.location, p.reason)
            }],
            ..Notice::problem(format!(
                "“{file_name}” was not imported, and nothing changed."
            ))
        }),
    }
}

fn read(ctx: &Ctx, files: Option<web_sys::FileList>) {
    if let Some(file) = files.and_then(|f| f.get(0)) {
        let ctx = ctx.clone();
        files::read_text(file, move |name, text| {
            with_files(&ctx, move |ctx, f| accept(ctx, &name, text, f.import))
        });
    }
}

#[component]
pub fn ImportBox() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let over = use_state(|| false);
    let on_change = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = input {
                read(&ctx, input.files());
                // The same file can be chosen again after fixing it.
                input.set_value("");
            }
        })
    };
    let on_over = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let on_leave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let on_drop = {
        let (ctx, over) = (ctx.clone(), over.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            read(&ctx, e.data_transfer().and_then(|d| d.files()));
        })
    };
    html! {
        <section class={classes!("import", (*over).then_some("over"))} aria-labelledby="import-title"
            ondragover={on_over} ondragleave={on_leave} ondrop={on_drop} data-testid="import-drop">
            <h2 id="import-title">{ "Import an assessment" }</h2>
            <p>{ "Choose or drop a JSON summary exported by this app. It is added as a new assessment; nothing you have is overwritten." }</p>
            <label for="import-file" class="file-label">{ "JSON file" }</label>
            <input id="import-file" type="file" accept=".json,application/json" onchange={on_change} data-testid="import-file" />
        </section>
    }
}
