//! The Yew front end: it keeps the user's inputs, calls the engine, and renders what it returns.

pub mod components;
pub mod format;
pub mod pages;
pub mod routes;
pub mod state;
pub mod storage;

use crate::report::snapshot::Snapshot;
use crate::{evaluate, Catalog, Readiness};
use components::layout::Layout;
use state::State;
use std::rc::Rc;
use std::sync::OnceLock;
use yew::prelude::*;
use yew_router::HashRouter;

/// The built-in catalog, parsed once and shared for the app's lifetime.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::builtin_unchecked)
}

/// What every page reads: the inputs, a way to change them, and what the engine made of them.
#[derive(Clone)]
pub struct Ctx {
    pub catalog: &'static Catalog,
    pub state: UseReducerHandle<State>,
    pub readiness: Rc<Readiness>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.readiness, &other.readiness) && *self.state == *other.state
    }
}

/// Today's date as `YYYY-MM-DD`, the default start of the timeline.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

fn initial_state() -> State {
    match storage::load() {
        Some(snap) => State {
            answers: snap.answers,
            assumptions: snap.assumptions,
            ..State::default()
        },
        None => {
            let mut s = State::default();
            s.assumptions.start_date = today();
            s
        }
    }
}

#[component]
fn App() -> Html {
    let state = use_reducer(initial_state);
    let readiness = {
        let s = (*state).clone();
        use_memo(s, |s| evaluate(catalog(), &s.answers, &s.assumptions))
    };
    use_effect_with(
        Snapshot {
            answers: state.answers.clone(),
            assumptions: state.assumptions.clone(),
        },
        storage::save,
    );
    use_effect_with((), |_| {
        if let Some(body) = gloo::utils::document().body() {
            let _ = body.set_attribute("data-ready", "true");
        }
    });
    let ctx = Ctx {
        catalog: catalog(),
        state,
        readiness,
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <HashRouter>
                <Layout />
            </HashRouter>
        </ContextProvider<Ctx>>
    }
}

/// Shows a plain recovery message instead of a frozen page if the app ever panics.
fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        gloo::console::error!(info.to_string());
        let doc = gloo::utils::document();
        if let Some(body) = doc.body() {
            body.set_text_content(None);
            if let Ok(p) = doc.create_element("p") {
                p.set_class_name("panic");
                p.set_text_content(Some(
                    "Something went wrong. Your answers are saved in this browser: reload the page to continue where you left off.",
                ));
                let _ = body.append_child(&p);
            }
        }
    }));
}

/// Mounts the app in place of the loading message.
pub fn start() {
    install_panic_screen();
    let doc = gloo::utils::document();
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
    yew::Renderer::<App>::new().render();
}
