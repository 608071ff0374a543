//! The Yew front end: it keeps the user's inputs, calls the engine, and renders what it returns.

pub mod autosave;
pub mod catalog_text;
pub mod components;
pub mod files;
pub mod format;
pub mod lazy;
pub mod pages;
pub mod paint;
pub mod routes;
pub mod state;
pub mod storage;
pub mod workspace;

use crate::report::library::Record;
use crate::report::snapshot::Snapshot;
use crate::{assess, Catalog, Live};
use autosave::Saver;
use components::layout::Layout;
use state::State;
use std::rc::Rc;
use workspace::{Notice, Workspace, WorkspaceAction};
use yew::prelude::*;

/// The built-in catalog: compiled into the app, nothing to decode.
pub fn catalog() -> &'static Catalog {
    Catalog::builtin_static()
}

/// What every page reads: the inputs, a way to change them, and what the engine made of them.
#[derive(Clone)]
pub struct Ctx {
    pub catalog: &'static Catalog,
    pub state: UseReducerHandle<State>,
    /// What the questionnaire shows; the results evaluate the rest themselves.
    pub readiness: Rc<Live>,
    /// The saved assessments and what the user must be told about saving.
    pub workspace: UseReducerHandle<Workspace>,
    pub saver: Rc<Saver>,
    /// Counts the app's renders. Reducer handles always read the latest value,
    /// so comparing them cannot tell an old context from a new one; this can.
    pub revision: u64,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl Ctx {
    /// The name of the open assessment, as lists and headers show it.
    #[inline(never)]
    pub fn current_name(&self) -> String {
        // The saved name, else the company typed so far (the saved copy may lag behind).
        let name = self
            .workspace
            .current_record()
            .map_or("", |r| r.name.as_str());
        crate::report::library::name_for(name, &self.state.answers)
    }

    /// Shows a message at the top of the page.
    #[inline(never)]
    pub fn notify(&self, notice: Notice) {
        self.workspace
            .dispatch(WorkspaceAction::Notice(Some(notice)));
    }

    /// Saves `record` as a new assessment and opens it, unless the one open now
    /// cannot be saved first (then nothing changes).
    #[inline(never)]
    pub fn create(&self, record: Record) -> Created {
        let id = storage::new_id();
        let written = storage::write(&id, &record);
        if !self.saver.open(&id, record.snapshot) {
            if written.is_ok() {
                storage::remove(&storage::record_key(&id));
            }
            self.notify(Notice::problem(
                "The assessment open now could not be saved, so nothing else was opened. Download a copy of it first, or free some space.",
            ));
            return Created::NotOpened;
        }
        self.reload();
        match written {
            Ok(()) => Created::Saved,
            Err(why) => {
                self.saver.unsaved();
                self.workspace.dispatch(WorkspaceAction::SaveFailed(why));
                Created::Unsaved
            }
        }
    }

    /// Opens a saved assessment, or says why the open one must be kept.
    #[inline(never)]
    pub fn open(&self, id: &str, snapshot: crate::report::snapshot::Snapshot) -> bool {
        let ok = self.saver.open(id, snapshot);
        if !ok {
            self.notify(Notice::problem(
                "The assessment open now could not be saved, so it stays open. Download a copy of it first, or free some space.",
            ));
        }
        ok
    }

    /// Reads the saved list again after a change made here.
    #[inline(never)]
    pub fn reload(&self) {
        if let Ok(c) = storage::load(self.catalog) {
            self.workspace.dispatch(WorkspaceAction::Reload(c));
        }
    }
}

/// An `Rc` compared by address, as a memo's key for a value that is remade
/// whenever its inputs change. Holding it keeps the address from being reused.
#[derive(Clone)]
pub struct Same<T>(pub Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What became of a new assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    Saved,
    /// Open, but not saved: the warning says so and offers the download.
    Unsaved,
    /// The assessment open before could not be saved, so nothing changed.
    NotOpened,
}

/// Today's date as `YYYY-MM-DD` (local time), the default start of the timeline.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// A new assessment's inputs: nothing answered, the timeline starting today.
pub fn fresh_snapshot() -> Snapshot {
    let mut s = Snapshot::default();
    s.assumptions.start_date = today();
    s
}

/// Reads what is saved and picks the assessment to open: the one open last,
/// else the most recent, else a new one (saved only once something is entered).
fn initial() -> (Workspace, Snapshot) {
    let mut ws = Workspace::default();
    storage::migrate_legacy(catalog());
    let contents = match storage::load(catalog()) {
        Ok(c) => c,
        Err(why) => {
            ws.save_problem = Some(why);
            Default::default()
        }
    };
    let open = contents
        .open
        .as_ref()
        .and_then(|id| contents.records.iter().find(|(i, _)| i == id))
        .or(contents.records.first())
        .cloned();
    if !contents.unreadable.is_empty() {
        let n = contents.unreadable.len();
        ws.notice = Some(Notice::problem(format!(
            "{n} saved value{} could not be read by this version. {} kept as {} was: download {} from the list of assessments.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "It is" } else { "They are" },
            if n == 1 { "it" } else { "they" },
            if n == 1 { "it" } else { "them" },
        )));
    }
    ws.records = contents.records;
    ws.unreadable = contents.unreadable;
    match open {
        Some((id, record)) => {
            ws.current = id;
            (ws, record.snapshot)
        }
        None => {
            ws.current = storage::new_id();
            (ws, fresh_snapshot())
        }
    }
}

#[component]
fn App() -> Html {
    let boot = use_memo((), |_| initial());
    let workspace = {
        let ws = boot.0.clone();
        use_reducer(move || ws)
    };
    let state = {
        let snap = boot.1.clone();
        use_reducer(move || State {
            answers: snap.answers,
            assumptions: snap.assumptions,
            registers: snap.registers,
            ..State::default()
        })
    };
    let saver = {
        let (id, snap) = (boot.0.current.clone(), boot.1.clone());
        let (s, w) = (state.dispatcher(), workspace.dispatcher());
        use_memo((), move |_| Saver::new(catalog(), id, snap, s, w))
    };
    let saver: Rc<Saver> = (*saver).clone();
    // Notes and names do not change any figure: only answers and assumptions are evaluated.
    let readiness = use_memo(
        (state.answers.values.clone(), state.assumptions.clone()),
        |(values, assumptions)| {
            let answers = crate::Answers {
                values: values.clone(),
                notes: Default::default(),
            };
            assess(catalog(), &answers, assumptions)
        },
    );
    {
        let saver = saver.clone();
        use_effect_with(
            (workspace.current.clone(), state.snapshot()),
            move |(id, snap)| saver.changed(id, snap),
        );
    }
    {
        let saver = saver.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on_storage = {
                let saver = saver.clone();
                gloo::events::EventListener::new(&window, "storage", move |e| {
                    use wasm_bindgen::JsCast;
                    if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
                        let key = e.key().unwrap_or_default();
                        if key.starts_with(storage::NAMESPACE) || key.is_empty() {
                            saver.external(&key, e.new_value());
                        }
                    }
                })
            };
            let flush = |event: &'static str| {
                let saver = saver.clone();
                gloo::events::EventListener::new(&gloo::utils::window(), event, move |_| {
                    saver.flush();
                })
            };
            let listeners = [on_storage, flush("pagehide"), flush("beforeunload")];
            let hidden = {
                let saver = saver.clone();
                gloo::events::EventListener::new(
                    &gloo::utils::document(),
                    "visibilitychange",
                    move |_| {
                        if gloo::utils::document().hidden() {
                            saver.flush();
                        }
                    },
                )
            };
            if let Some(body) = gloo::utils::document().body() {
                let _ = body.set_attribute("data-ready", "true");
            }
            move || drop((listeners, hidden))
        });
    }
    let revision = {
        let counter = use_mut_ref(|| 0u64);
        let mut c = counter.borrow_mut();
        *c += 1;
        *c
    };
    let ctx = Ctx {
        catalog: catalog(),
        state,
        readiness,
        workspace,
        saver,
        revision,
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <Layout />
        </ContextProvider<Ctx>>
    }
}

/// Shows a plain recovery message instead of a frozen page if the app ever
/// panics, with the latest answers as a JSON file to download.
fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        gloo::console::error!(info.to_string());
        let doc = gloo::utils::document();
        let Some(body) = doc.body() else { return };
        body.set_text_content(None);
        let add = |tag: &str, class: &str, text: &str| {
            let el = doc.create_element(tag).ok()?;
            el.set_class_name(class);
            el.set_text_content(Some(text));
            body.append_child(&el).ok()?;
            Some(el)
        };
        add(
            "p",
            "panic",
            "Something went wrong. Your answers are saved in this browser as you go, but the last moment's changes may not be: download a copy of them first, then reload the page to continue.",
        );
        let snapshot = autosave::LAST_GOOD.with(|l| l.borrow().clone());
        if let Some(snapshot) = snapshot {
            // Only the inputs: evaluating again is what may have failed. The file imports like any export.
            let doc = recovery_json(&snapshot).unwrap_or_default();
            if let Some(button) = add("button", "button primary", "Download a copy (JSON)") {
                let click = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                    let _ =
                        files::download("soc-readiness-recovered.json", "application/json", &doc);
                });
                let _ = button.add_event_listener_with_callback(
                    "click",
                    wasm_bindgen::JsCast::unchecked_ref(click.as_ref()),
                );
                click.forget();
            }
        }
    }));
}

/// The recovery file: the format an import reads, with the inputs only.
pub fn recovery_json(snapshot: &Snapshot) -> Result<String, String> {
    #[derive(serde::Serialize)]
    struct Recovery<'a> {
        schema_version: u32,
        note: &'static str,
        answers: &'a crate::Answers,
        assumptions: &'a crate::Assumptions,
    }
    files::to_json(&Recovery {
        schema_version: crate::report::export::SCHEMA_VERSION,
        note: "Recovered inputs only: import this file to see the results again.",
        answers: &snapshot.answers,
        assumptions: &snapshot.assumptions,
    })
}

/// Mounts the app in place of the loading message.
pub fn start() {
    install_panic_screen();
    let doc = gloo::utils::document();
    // The first render builds the page in a detached element: inserting thousands
    // of elements one by one into the live page costs the browser far more than
    // inserting one finished tree. `show_root` puts it in the page.
    match doc.create_element("div") {
        Ok(root) => {
            root.set_id("app");
            ROOT.with(|r| *r.borrow_mut() = Some(root.clone()));
            yew::Renderer::<App>::with_root(root).render();
        }
        Err(_) => {
            if let Some(boot) = doc.get_element_by_id("boot") {
                boot.remove();
            }
            yew::Renderer::<App>::new().render();
        }
    }
}

thread_local! {
    /// The app's root until it is in the page.
    static ROOT: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// Puts the first render in the page, once: called by the first effect of
/// `Layout`, which holds every page. Yew runs the first effects of the components
/// inside it before that one, while the page is still detached, so those must not
/// read the page (measure, focus) on their first run; one that must can call this
/// first (a second call does nothing).
pub fn show_root() {
    if let Some(root) = ROOT.with(|r| r.borrow_mut().take()) {
        // The loading message stays until the page replaces it.
        let doc = gloo::utils::document();
        if let Some(boot) = doc.get_element_by_id("boot") {
            boot.remove();
        }
        let _ = gloo::utils::body().append_child(&root);
    }
}
