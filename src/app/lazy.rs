//! Code that is not needed for the first screen: the results, a shared summary
//! and the invitations, and reading and writing files. The build moves it into
//! wasm files of their own (`scripts/split-wasm.mjs`), so the first screen
//! downloads and compiles less.
//! They are fetched in the background once the first screen is up, so they are
//! usually ready before they are opened, and the app keeps working offline.
//!
//! Each `#[wasm_split]` function below is a split point: calling it loads its
//! file once, then returns what the part offers (a page's render function, which
//! is kept here and called directly on every later render, or the file functions).

use crate::app::files;
use crate::app::pages::invite::{Invitation, InviteBuilder};
use crate::app::pages::results::ResultsPage;
use crate::app::pages::shared::SharedSummary;
use crate::app::paint::{in_frame_after_paint, FrameAfterPaint};
use crate::app::routes::Route;
use crate::app::workspace::Notice;
use crate::app::Ctx;
use crate::report::check::Problem;
use crate::report::import::Imported;
use crate::report::snapshot::Snapshot;
use crate::Catalog;
use gloo::timers::callback::Timeout;
use std::cell::Cell;
use wasm_split_helpers::{wasm_split, SplitLoaderError};
use yew::prelude::*;

/// Renders a page; its code may be in a file of its own.
pub type View = fn(&Ctx, &Route) -> Html;

/// A page whose code is loaded when needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Results,
    Shared,
    Invite,
}

impl Part {
    const ALL: [Part; 3] = [Part::Results, Part::Shared, Part::Invite];

    fn index(self) -> usize {
        self as usize
    }

    /// What the loading message names, and the same as a title.
    fn what(self) -> (&'static str, &'static str) {
        match self {
            Part::Results => ("your results", "Your results"),
            Part::Shared => ("the shared summary", "The shared summary"),
            Part::Invite => ("the invitation", "The invitation"),
        }
    }

    /// Loads the part's file (once) and returns its render function.
    async fn load(self) -> Result<View, SplitLoaderError> {
        if let Some(view) = loaded(self) {
            return Ok(view);
        }
        let view = match self {
            Part::Results => results_view().await,
            Part::Shared => shared_view().await,
            Part::Invite => invite_view().await,
        }?;
        LOADED.with(|l| l[self.index()].set(Some(view)));
        Ok(view)
    }
}

thread_local! {
    /// The render functions loaded so far.
    static LOADED: [Cell<Option<View>>; 3] = const { [Cell::new(None), Cell::new(None), Cell::new(None)] };
}

fn loaded(part: Part) -> Option<View> {
    LOADED.with(|l| l[part.index()].get())
}

#[wasm_split(results, fallible)]
fn results_view() -> Result<View, SplitLoaderError> {
    Ok(|_, _| html! { <ResultsPage /> })
}

#[wasm_split(shared, fallible)]
fn shared_view() -> Result<View, SplitLoaderError> {
    Ok(|_, route| match route {
        Route::Shared { data } => html! { <SharedSummary data={data.clone()} /> },
        _ => Html::default(),
    })
}

#[wasm_split(invite, fallible)]
fn invite_view() -> Result<View, SplitLoaderError> {
    Ok(|_, route| match route {
        Route::Invitation { data } => html! { <Invitation data={data.clone()} /> },
        _ => html! { <InviteBuilder /> },
    })
}

/// Writes and reads the assessment files. Only a click or a chosen file needs them.
pub struct FileOps {
    pub download_json: fn(&Catalog, &Snapshot) -> Result<(), String>,
    pub download_csv: fn(&Catalog, &Snapshot) -> Result<(), String>,
    pub import: Import,
}

/// Reads an exported file back (see [`files::import`]).
pub type Import = fn(&Catalog, &str) -> Result<Imported, Problem>;

#[wasm_split(files, fallible)]
fn file_ops() -> Result<&'static FileOps, SplitLoaderError> {
    static OPS: FileOps = FileOps {
        download_json: files::download_json,
        download_csv: files::download_csv,
        import: files::import,
    };
    Ok(&OPS)
}

/// Runs `then` with the file functions once they are loaded (at once, after the
/// background fetch), or tells the user that they could not be loaded.
pub fn with_files(ctx: &Ctx, then: impl FnOnce(&Ctx, &'static FileOps) + 'static) {
    let ctx = ctx.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match file_ops().await {
            Ok(ops) => then(&ctx, ops),
            Err(_) => ctx.notify(Notice::problem(
                "Files cannot be read or written right now: that part of the app could not be loaded. Check the connection, then try again, or reload the page. Nothing has changed.",
            )),
        }
    });
}

/// Downloads the open assessment as JSON, even when the file functions cannot be
/// loaded: then as the inputs-only recovery file, which imports just the same.
/// Offered when saving fails, so it must not depend on the network.
pub fn download_copy(ctx: &Ctx) {
    let ctx = ctx.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let done = match file_ops().await {
            Ok(f) => (f.download_json)(ctx.catalog, &ctx.state.snapshot()),
            Err(_) => crate::app::recovery_json(&ctx.state.snapshot()).and_then(|doc| {
                files::download("soc-readiness-copy.json", "application/json", &doc)
            }),
        };
        if let Err(why) = done {
            ctx.notify(Notice::problem(why));
        }
    });
}

/// Fetches every part in the background once the first screen is painted, one
/// after the other, so a page opens at once later and the app needs no network
/// once the first screen is up. It starts after the frame that follows the first
/// paint, where a step draws the rest of its questions, so neither waits for the
/// other. A failure here is silent: opening the page tries again and says so.
pub fn prefetch_after_paint() {
    let fetch_all = || {
        wasm_bindgen_futures::spawn_local(async {
            let mut all = file_ops().await.is_ok();
            for part in Part::ALL {
                all &= part.load().await.is_ok();
            }
            // Marks the moment the app needs no network any more (tests wait for it).
            if all {
                let _ = gloo::utils::body().set_attribute("data-parts", "loaded");
            }
        })
    };
    // A tab opened in the background paints no frame until it is shown: fetch now.
    if gloo::utils::document().hidden() {
        return fetch_all();
    }
    // A timeout set in a frame's callback runs after that frame is painted.
    let later = in_frame_after_paint(move || {
        Timeout::new(0, fetch_all).forget();
    });
    // Kept until it has run (dropping it would cancel it); it runs once.
    PREFETCH.with(|f| f.set(Some(later)));
}

thread_local! {
    static PREFETCH: Cell<Option<FrameAfterPaint>> = const { Cell::new(None) };
}

#[derive(Properties, PartialEq)]
pub struct LazyPageProps {
    pub part: Part,
    pub route: Route,
}

/// Shows a part once its code is loaded, a message while it loads, and a way
/// to try again if it cannot be loaded (offline before it was fetched).
#[component]
pub fn LazyPage(props: &LazyPageProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let part = props.part;
    // The part whose last load failed: a message about one part never shows for another.
    let failed = use_state_eq(|| None::<Part>);
    let attempt = use_state(|| 0u32);
    let loaded_now = use_force_update();
    {
        let failed = failed.clone();
        use_effect_with((part, *attempt), move |_| {
            if loaded(part).is_none() {
                failed.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    match part.load().await {
                        Ok(_) => loaded_now.force_update(),
                        Err(_) => failed.set(Some(part)),
                    }
                });
            }
        });
    }
    if let Some(view) = loaded(part) {
        return view(&ctx, &props.route);
    }
    let (what, title) = part.what();
    if *failed == Some(part) {
        let retry = Callback::from(move |_: MouseEvent| {
            attempt.set(*attempt + 1);
            // The button goes away with the message: keep the focus on the page.
            crate::app::components::layout::focus_main();
        });
        html! {
            <article class="page" data-testid="part-failed">
                <h1>{ format!("{title} could not be loaded") }</h1>
                <div class="banner problem" role="alert">
                    <p>{ format!("This page could not load {what}: check the connection, then try again, or reload the page. Nothing you entered is lost.") }</p>
                    <p class="actions"><button type="button" class="button primary" onclick={retry}>{ "Try again" }</button></p>
                </div>
            </article>
        }
    } else {
        html! {
            <article class="page" data-testid="part-loading">
                <div role="status"><h1>{ format!("Loading {what}…") }</h1></div>
            </article>
        }
    }
}
