//! The saved assessments in this browser: open, rename, duplicate, export,
//! start over and delete (with Undo), and the saved values this version cannot read.

use crate::app::components::summary::band_label;
use crate::app::files;
use crate::app::lazy::with_files;
use crate::app::routes::{href, push, Route};
use crate::app::storage;
use crate::app::workspace::{Notice, Undo, WorkspaceAction};
use crate::app::{fresh_snapshot, Ctx};
use crate::assess;
use crate::report::library::{self, Record, MAX_NAME};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct RowProps {
    id: String,
    record: Record,
    current: bool,
    /// False for the open assessment before anything is saved.
    saved: bool,
}

/// Writes a changed copy of a saved record, or reports why it could not.
#[inline(never)]
fn update(ctx: &Ctx, id: &str, change: impl FnOnce(&mut Record)) {
    let mut record = match storage::read(ctx.catalog, id) {
        Ok(Some(r)) => r,
        Ok(None) if id == ctx.workspace.current => Record {
            created: crate::app::today(),
            updated: crate::app::today(),
            snapshot: ctx.state.snapshot(),
            ..Record::default()
        },
        _ => return ctx.notify(Notice::problem("That assessment is no longer saved here.")),
    };
    change(&mut record);
    match storage::write(id, &record) {
        Ok(()) => ctx.reload(),
        Err(why) => ctx.workspace.dispatch(WorkspaceAction::SaveFailed(why)),
    }
}

#[component]
fn Row(p: &RowProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let editing = use_state(|| false);
    let name = library::display_name(&p.record);
    let readiness = use_memo(p.record.snapshot.clone(), |s| {
        assess(crate::app::catalog(), &s.answers, &s.assumptions)
    });
    let overall = &readiness.scores.overall;
    let progress = readiness.progress.overall;
    let id = p.id.clone();
    let snapshot = p.record.snapshot.clone();
    let on = |f: fn(&Ctx, &str, &Record)| {
        let (ctx, id, record) = (ctx.clone(), id.clone(), p.record.clone());
        Callback::from(move |_: MouseEvent| f(&ctx, &id, &record))
    };
    let open = on(|ctx, id, record| {
        if *id == ctx.workspace.current || ctx.open(id, record.snapshot.clone()) {
            push(&Route::Scope);
        }
    });
    let duplicate = on(|ctx, _, record| {
        let copy = Record {
            name: library::copy_name(record),
            created: crate::app::today(),
            updated: crate::app::today(),
            snapshot: record.snapshot.clone(),
            revision: 0,
        };
        let id = storage::new_id();
        match storage::write(&id, &copy) {
            Ok(()) => {
                ctx.reload();
                ctx.notify(Notice {
                    open: Some(id),
                    ..Notice::info(format!("Made “{}”.", copy.name))
                });
            }
            Err(why) => ctx.workspace.dispatch(WorkspaceAction::SaveFailed(why)),
        }
    });
    let delete = on(|ctx, id, record| {
        let current = *id == ctx.workspace.current;
        if current {
            ctx.saver.forget();
        }
        storage::remove(&storage::record_key(id));
        if current {
            let next = ctx.workspace.records.iter().find(|(i, _)| i != id).cloned();
            match next {
                Some((i, r)) => ctx.open(&i, r.snapshot),
                None => ctx.open(&storage::new_id(), fresh_snapshot()),
            };
        }
        ctx.reload();
        ctx.notify(Notice {
            undo: Some(Undo::Restore {
                id: id.to_owned(),
                record: Box::new(record.clone()),
            }),
            ..Notice::info(format!("Deleted “{}”.", library::display_name(record)))
        });
    });
    let start_over = on(|ctx, _, _| {
        let before = ctx.state.snapshot();
        ctx.state
            .dispatch(crate::app::state::Action::Load(Box::new(fresh_snapshot())));
        ctx.notify(Notice {
            undo: Some(Undo::Inputs {
                id: ctx.workspace.current.clone(),
                snapshot: Box::new(before),
            }),
            ..Notice::info("All answers of this assessment were cleared.")
        });
    });
    let json = {
        let (ctx, s) = (ctx.clone(), snapshot.clone());
        Callback::from(move |_| {
            let s = s.clone();
            with_files(&ctx, move |ctx, f| {
                if let Err(why) = (f.download_json)(ctx.catalog, &s) {
                    ctx.notify(Notice::problem(why));
                }
            })
        })
    };
    let csv = {
        let (ctx, s) = (ctx.clone(), snapshot);
        Callback::from(move |_| {
            let s = s.clone();
            with_files(&ctx, move |ctx, f| {
                if let Err(why) = (f.download_csv)(ctx.catalog, &s) {
                    ctx.notify(Notice::problem(why));
                }
            })
        })
    };
    let rename = {
        let (ctx, id, editing) = (ctx.clone(), id.clone(), editing.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
                .and_then(|f| f.get_with_name("name"))
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            let value: String = value.trim().chars().take(MAX_NAME).collect();
            update(&ctx, &id, |r| r.name = value);
            editing.set(false);
        })
    };
    let toggle = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(!*editing))
    };
    let label_id = format!("assessment-{}", p.id);
    html! {
        <li class={classes!("assessment", p.current.then_some("current"))} data-assessment={p.id.clone()} aria-labelledby={label_id.clone()}>
            <div class="assessment-head">
                <h3 id={label_id} class="assessment-name">
                    { name.clone() }
                    if p.current { <span class="badge current-badge">{ "Open now" }</span> }
                </h3>
                <p class="assessment-meta">
                    if p.saved { { format!("Updated {}", p.record.updated) } } else { { "Not saved yet: nothing answered" } }
                    { format!(" · {} of {} answered · ", progress.answered, progress.applicable) }
                    <span class="band-text" data-testid="row-band">{ band_label(&ctx, overall) }</span>
                </p>
            </div>
            if *editing {
                <form class="rename" onsubmit={rename}>
                    <label for={format!("rename-{}", p.id)}>{ "New name" }</label>
                    <input id={format!("rename-{}", p.id)} name="name" type="text" maxlength={MAX_NAME.to_string()} value={name.clone()} />
                    <button type="submit" class="button primary">{ "Save name" }</button>
                    <button type="button" class="button secondary" onclick={toggle.clone()}>{ "Cancel" }</button>
                </form>
            }
            <p class="actions">
                <button type="button" class="button primary" onclick={open} aria-label={format!("{} {name}", if p.current { "Continue" } else { "Open" })}>
                    { if p.current { "Continue" } else { "Open" } }</button>
                <button type="button" class="button secondary" onclick={toggle} aria-label={format!("Rename {name}")}>{ "Rename" }</button>
                if p.saved {
                    <button type="button" class="button secondary" onclick={duplicate} aria-label={format!("Duplicate {name}")}>{ "Duplicate" }</button>
                }
                <button type="button" class="button secondary" onclick={json} aria-label={format!("Download {name} as JSON")}>{ "JSON" }</button>
                <button type="button" class="button secondary" onclick={csv} aria-label={format!("Gaps CSV of {name}")}>{ "Gaps CSV" }</button>
                if p.current && p.saved {
                    <button type="button" class="button secondary" onclick={start_over} aria-label={format!("Start over: {name}")}>{ "Start over" }</button>
                }
                if p.saved {
                    <button type="button" class="button danger" onclick={delete} aria-label={format!("Delete {name}")}>{ "Delete" }</button>
                }
            </p>
        </li>
    }
}

/// Every assessment saved in this browser, the open one first when unsaved.
#[component]
pub fn AssessmentList() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let ws = &*ctx.workspace;
    let current_saved = ws.current_record().is_some();
    // The open one shows its live inputs: the saved copy may be a moment behind.
    let live = |r: &Record| Record {
        snapshot: ctx.state.snapshot(),
        ..r.clone()
    };
    let unsaved = (!current_saved).then(|| (ws.current.clone(), live(&Record::default()), false));
    let rows: Vec<(String, Record, bool)> = unsaved
        .into_iter()
        .chain(ws.records.iter().map(|(id, r)| {
            let record = if *id == ws.current {
                live(r)
            } else {
                r.clone()
            };
            (id.clone(), record, true)
        }))
        .collect();
    let new = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            if ctx.open(&storage::new_id(), fresh_snapshot()) {
                push(&Route::Scope);
            }
        })
    };
    html! {
        <section class="assessments" aria-labelledby="assessments-title">
            <h2 id="assessments-title">{ "Your assessments" }</h2>
            <p class="sub">{ "Saved in this browser only. Export one as JSON to keep it elsewhere or move it to another browser." }</p>
            <ul class="assessment-list" data-testid="assessment-list">
                // One keyed list, so a row keeps its state (an open rename) when the open
                // assessment is first saved and moves from "not saved yet" into the list.
                { for rows.into_iter().map(|(id, record, saved)| html! {
                    <Row key={id.clone()} id={id.clone()} current={id == ws.current} {saved} {record} />
                }) }
            </ul>
            <p class="actions">
                <button type="button" class="button primary" onclick={new} data-testid="new-assessment">{ "New assessment" }</button>
                <a class="button secondary" href={href(&Route::InviteBuilder)}>{ "Invite a prospect" }</a>
            </p>
            if !ws.unreadable.is_empty() { <Unreadable /> }
        </section>
    }
}

/// Saved values this version cannot read: download each, or discard it after confirming.
#[component]
fn Unreadable() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    html! {
        <section class="unreadable" aria-labelledby="unreadable-title" data-testid="unreadable">
            <h3 id="unreadable-title">{ "Saved values this version cannot read" }</h3>
            <p>{ "They are kept as they were. Download a copy before discarding one: a newer version of the app may read it." }</p>
            <ul>
                { for ctx.workspace.unreadable.iter().enumerate().map(|(i, u)| {
                    let key = u.key.clone();
                    let download = {
                        let (ctx, key) = (ctx.clone(), key.clone());
                        Callback::from(move |_| {
                            let Some(raw) = storage::raw(&key) else {
                                return ctx.notify(Notice::problem("That saved value is no longer here: another tab may have discarded it."));
                            };
                            if let Err(why) = files::download(&format!("soc-readiness-unreadable-{}.txt", i + 1), "text/plain", &raw) {
                                ctx.notify(Notice::problem(why));
                            }
                        })
                    };
                    let discard = {
                        let (ctx, key) = (ctx.clone(), key);
                        Callback::from(move |_| {
                            if gloo::dialogs::confirm("Discard this saved value for good? It cannot be brought back.") {
                                storage::remove(&key);
                                ctx.reload();
                            }
                        })
                    };
                    html! {
                        <li>
                            { format!("Saved value {} ({} characters): {}", i + 1, u.chars, u.reason) }
                            <span class="actions">
                                <button type="button" class="button secondary" onclick={download}>{ format!("Download saved value {}", i + 1) }</button>
                                <button type="button" class="button danger" onclick={discard}>{ format!("Discard saved value {}", i + 1) }</button>
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
