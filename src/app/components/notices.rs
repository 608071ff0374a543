//! Messages under the header: saving problems (they stay until saving works
//! again), another tab's deletion, and the outcome of the last action with Undo.

use crate::app::lazy::download_copy;
use crate::app::state::Action;
use crate::app::storage;
use crate::app::workspace::{Notice, Undo, WorkspaceAction};
use crate::app::Ctx;
use yew::prelude::*;

/// Runs an Undo: a deleted assessment is written back, or the inputs put back.
#[inline(never)]
fn undo(ctx: &Ctx, u: &Undo) {
    match u {
        Undo::Restore { id, record } => match storage::write(id, record) {
            Ok(()) => {
                ctx.reload();
                ctx.notify(Notice::info("Restored."));
            }
            Err(why) => ctx.workspace.dispatch(WorkspaceAction::SaveFailed(why)),
        },
        Undo::Inputs { id, snapshot } if *id == ctx.workspace.current => {
            ctx.state.dispatch(Action::Load(snapshot.clone()));
            ctx.notify(Notice::info("Your answers are back."));
        }
        Undo::Inputs { .. } => ctx.notify(Notice::problem(
            "That assessment is no longer the open one, so nothing was changed.",
        )),
    }
}

#[component]
pub fn Notices() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let ws = &*ctx.workspace;
    let download = {
        let ctx = ctx.clone();
        Callback::from(move |_| download_copy(&ctx))
    };
    let retry = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            ctx.saver.flush();
        })
    };
    let keep = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.saver.keep())
    };
    // The button that was pressed (Delete, Start over) is gone or far away: Undo takes the focus.
    let undo_ref = use_node_ref();
    {
        let undo_ref = undo_ref.clone();
        use_effect_with(ws.notice.clone(), move |n| {
            if n.as_ref().is_some_and(|n| n.undo.is_some()) {
                if let Some(b) = undo_ref.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        });
    }
    let dismiss = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.workspace.dispatch(WorkspaceAction::Notice(None)))
    };
    let info = ws.notice.as_ref().is_none_or(|n| !n.problem);
    let banner = match &ws.notice {
        None => Html::default(),
        Some(n) => html! {
            <div class={classes!("banner", n.problem.then_some("problem"))}>
                <p>{ n.text.clone() }</p>
                if !n.details.is_empty() {
                    <ul>{ for n.details.iter().map(|d| html! { <li>{ d.clone() }</li> }) }</ul>
                }
                <p class="actions">
                    if let Some(u) = &n.undo {
                        <button type="button" class="button secondary" data-testid="undo" ref={undo_ref.clone()} onclick={{
                            let (ctx, u) = (ctx.clone(), u.clone());
                            Callback::from(move |_| undo(&ctx, &u))
                        }}>{ "Undo" }</button>
                    }
                    if let Some(id) = &n.open {
                        <button type="button" class="button secondary" data-testid="notice-open" onclick={{
                            let (ctx, id) = (ctx.clone(), id.clone());
                            Callback::from(move |_| {
                                match storage::read(ctx.catalog, &id) {
                                    Ok(Some(r)) => {
                                        if ctx.open(&id, r.snapshot) {
                                            ctx.workspace.dispatch(WorkspaceAction::Notice(None));
                                        }
                                    }
                                    _ => ctx.notify(Notice::problem("That assessment is no longer saved in this browser.")),
                                }
                            })
                        }}>{ "Open it" }</button>
                    }
                    <button type="button" class="link" onclick={dismiss}>{ "Dismiss" }</button>
                </p>
            </div>
        },
    };
    html! {
        <div class="notices no-print">
            if let Some(why) = &ws.save_problem {
                <div class="banner problem" role="alert" data-testid="save-problem">
                    <p><strong>{ "Not saved. " }</strong>{ why.clone() }
                        { " You can keep working: your answers stay on this page until you close it. Download a copy to keep them." }</p>
                    <p class="actions">
                        <button type="button" class="button primary" onclick={download.clone()} data-testid="save-problem-download">{ "Download a copy (JSON)" }</button>
                        <button type="button" class="button secondary" onclick={retry}>{ "Try saving again" }</button>
                    </p>
                </div>
            }
            if ws.deleted_elsewhere {
                <div class="banner problem" role="alert" data-testid="deleted-elsewhere">
                    <p>{ "This assessment was deleted in another tab, so changes here are no longer saved." }</p>
                    <p class="actions">
                        <button type="button" class="button primary" onclick={keep}>{ "Keep it" }</button>
                        <button type="button" class="button secondary" onclick={download}>{ "Download a copy (JSON)" }</button>
                    </p>
                </div>
            }
            // The outcome of the last action floats at the bottom of the screen, where the
            // button that caused it usually is, so its Undo is in reach on a phone too.
            // Two live regions that never change role: one polite, one assertive.
            <div class="toast-region" data-testid="notice">
                <div role="status">{ if info { banner.clone() } else { Html::default() } }</div>
                <div role="alert">{ if info { Html::default() } else { banner } }</div>
            </div>
        </div>
    }
}
