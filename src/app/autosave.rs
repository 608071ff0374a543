//! Saving as the user goes, without losing anything: changes are written a
//! moment after the last keystroke (at once when the page is hidden or closed),
//! and another tab's edits of the same assessment are merged, not overwritten.

use crate::app::state::{Action, State};
use crate::app::storage;
use crate::app::workspace::{Workspace, WorkspaceAction};
use crate::report::import;
use crate::report::library::{merge, Record};
use crate::report::snapshot::Snapshot;
use crate::Catalog;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::UseReducerDispatcher;

/// How long typing may pause before a save.
const DEBOUNCE_MS: u32 = 300;

thread_local! {
    /// The latest inputs, for the recovery download on the panic screen.
    pub static LAST_GOOD: RefCell<Option<Snapshot>> = const { RefCell::new(None) };
}

/// What storage held for the open assessment when this tab last read or wrote
/// it, and what it held before that: the candidates for a merge's common ancestor.
#[derive(Clone)]
struct Base {
    id: String,
    revision: u64,
    snapshot: Snapshot,
    /// The value before this tab's last write: the ancestor when another tab
    /// saved without having seen that write.
    before: Snapshot,
}

impl Base {
    fn new(id: &str, snapshot: Snapshot, revision: u64) -> Base {
        Base {
            id: id.to_owned(),
            revision,
            before: snapshot.clone(),
            snapshot,
        }
    }

    /// The common ancestor of this tab's edits and another tab's saved value:
    /// if that save came after ours it saw ours; if not, both started from `before`.
    fn ancestor(&self, theirs: &Record) -> &Snapshot {
        if theirs.revision > self.revision {
            &self.snapshot
        } else {
            &self.before
        }
    }
}

/// One per app; see [`Base`] for how two tabs' edits are merged.
pub struct Saver {
    catalog: &'static Catalog,
    base: RefCell<Base>,
    latest: RefCell<(String, Snapshot)>,
    pending: RefCell<bool>,
    timer: RefCell<Option<Timeout>>,
    /// IDs deleted in another tab: not saved again unless the user says so.
    paused: RefCell<Vec<String>>,
    state: UseReducerDispatcher<State>,
    workspace: UseReducerDispatcher<Workspace>,
    me: Weak<Saver>,
}

impl PartialEq for Saver {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Saver {
    /// `id` and `snapshot` are the open assessment as loaded (its saved value, or a new one).
    pub fn new(
        catalog: &'static Catalog,
        id: String,
        snapshot: Snapshot,
        state: UseReducerDispatcher<State>,
        workspace: UseReducerDispatcher<Workspace>,
    ) -> Rc<Saver> {
        let revision = storage::read(catalog, &id)
            .ok()
            .flatten()
            .map_or(0, |r| r.revision);
        Rc::new_cyclic(|me| Saver {
            catalog,
            base: RefCell::new(Base::new(&id, snapshot.clone(), revision)),
            latest: RefCell::new((id, snapshot)),
            pending: RefCell::new(false),
            timer: RefCell::new(None),
            paused: RefCell::new(Vec::new()),
            state,
            workspace,
            me: me.clone(),
        })
    }

    /// Called after every render with the open assessment's inputs.
    pub fn changed(&self, id: &str, snapshot: &Snapshot) {
        LAST_GOOD.with(|l| *l.borrow_mut() = Some(snapshot.clone()));
        {
            let latest = self.latest.borrow();
            if latest.0 == id && latest.1 == *snapshot {
                return;
            }
        }
        *self.latest.borrow_mut() = (id.to_owned(), snapshot.clone());
        let unchanged = {
            let base = self.base.borrow();
            base.id == id && base.snapshot == *snapshot
        };
        if unchanged || self.paused.borrow().iter().any(|p| p == id) {
            *self.pending.borrow_mut() = false;
            self.timer.borrow_mut().take();
            return;
        }
        *self.pending.borrow_mut() = true;
        let me = self.me.clone();
        *self.timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
            if let Some(s) = me.upgrade() {
                s.flush();
            }
        }));
    }

    /// Writes what is pending now (page hidden or closing, another assessment
    /// opened). `false` when something is still unsaved afterwards.
    pub fn flush(&self) -> bool {
        if !std::mem::replace(&mut *self.pending.borrow_mut(), false) {
            return true;
        }
        self.timer.borrow_mut().take();
        let (id, mine) = self.latest.borrow().clone();
        let base = self.base.borrow().clone();
        let fail = |why: String| {
            *self.pending.borrow_mut() = true;
            self.workspace.dispatch(WorkspaceAction::SaveFailed(why));
            false
        };
        // Never write what could not be read back: it would turn into an unreadable value.
        if let Err(p) = import::admit(self.catalog, mine.clone()) {
            return fail(format!("An answer cannot be saved ({p})."));
        }
        let stored = match storage::read(self.catalog, &id) {
            Ok(r) => r,
            Err((raw, _)) => {
                // Something unreadable sits under this key: keep a copy before replacing it.
                if let Err(why) = storage::set_aside(&raw) {
                    return fail(why);
                }
                None
            }
        };
        let ours = base.id == id;
        if stored.is_none() && ours && base.revision > 0 {
            // It was saved before and is gone: another tab deleted it. Do not bring it back.
            self.paused.borrow_mut().push(id);
            self.workspace
                .dispatch(WorkspaceAction::DeletedElsewhere(true));
            return true;
        }
        let merged = match &stored {
            Some(r) if ours && r.snapshot != base.snapshot => {
                merge(base.ancestor(r), &mine, &r.snapshot)
            }
            _ => mine.clone(),
        };
        let today = crate::app::today();
        let previous = stored.as_ref().map_or(0, |r| r.revision);
        let overwritten = stored.as_ref().map(|r| r.snapshot.clone());
        let record = Record {
            updated: today.clone(),
            snapshot: merged.clone(),
            revision: previous.max(if ours { base.revision } else { 0 }) + 1,
            ..stored.unwrap_or(Record {
                created: today,
                ..Record::default()
            })
        };
        match storage::write(&id, &record) {
            Ok(()) => {
                storage::set_open(&id);
                *self.base.borrow_mut() = Base {
                    id: id.clone(),
                    revision: record.revision,
                    snapshot: merged.clone(),
                    // What a tab that saves without having seen this write started from.
                    before: overwritten.unwrap_or_else(|| merged.clone()),
                };
                self.workspace
                    .dispatch(WorkspaceAction::Saved(id, Box::new(record)));
                if merged != mine {
                    self.state.dispatch(Action::Load(Box::new(merged)));
                }
                true
            }
            Err(why) => fail(why),
        }
    }

    /// Switches to another assessment whose saved value is `snapshot`. What is
    /// pending for the one open now is written first; if that fails, nothing
    /// switches (so nothing unsaved is dropped) and `false` is returned.
    pub fn open(&self, id: &str, snapshot: Snapshot) -> bool {
        if !self.flush() {
            return false;
        }
        self.paused.borrow_mut().retain(|p| p != id);
        let revision = storage::read(self.catalog, id)
            .ok()
            .flatten()
            .map_or(0, |r| r.revision);
        *self.base.borrow_mut() = Base::new(id, snapshot.clone(), revision);
        *self.latest.borrow_mut() = (id.to_owned(), snapshot.clone());
        storage::set_open(id);
        self.workspace
            .dispatch(WorkspaceAction::Open(id.to_owned()));
        self.state.dispatch(Action::Load(Box::new(snapshot)));
        true
    }

    /// Marks the open assessment as not saved yet (its first save failed), so
    /// the warning's "Try saving again" and the next change retry it.
    pub fn unsaved(&self) {
        let id = self.latest.borrow().0.clone();
        *self.base.borrow_mut() = Base::new(&id, Snapshot::default(), 0);
        *self.pending.borrow_mut() = true;
    }

    /// Drops what is pending for the open assessment (it is being deleted).
    pub fn forget(&self) {
        *self.pending.borrow_mut() = false;
        self.timer.borrow_mut().take();
    }

    /// Saves the open assessment again after another tab deleted it.
    pub fn keep(&self) {
        let id = self.latest.borrow().0.clone();
        self.paused.borrow_mut().retain(|p| *p != id);
        *self.base.borrow_mut() = Base::new(&id, Snapshot::default(), 0);
        *self.pending.borrow_mut() = true;
        self.workspace
            .dispatch(WorkspaceAction::DeletedElsewhere(false));
        self.flush();
    }

    /// Another tab changed `key` (`value` is `None` when it was removed).
    pub fn external(&self, key: &str, value: Option<String>) {
        let (id, mine) = self.latest.borrow().clone();
        if storage::id_of(key) == Some(id.as_str()) {
            match value.map(|v| crate::report::library::decode(self.catalog, &v)) {
                Some(Ok(theirs)) => {
                    let base = self.base.borrow().clone();
                    if self.paused.borrow().contains(&id) {
                        // Brought back (an Undo in another tab): saved again from now on.
                        self.paused.borrow_mut().retain(|p| *p != id);
                        self.workspace
                            .dispatch(WorkspaceAction::DeletedElsewhere(false));
                    }
                    // An older save than ours arrives late: our last save already merged it.
                    if base.id == id && theirs.revision < base.revision {
                        return self.reload();
                    }
                    let merged = if base.id == id {
                        merge(base.ancestor(&theirs), &mine, &theirs.snapshot)
                    } else {
                        theirs.snapshot.clone()
                    };
                    *self.base.borrow_mut() = Base {
                        id,
                        revision: theirs.revision,
                        before: base.before,
                        snapshot: theirs.snapshot,
                    };
                    if merged != mine {
                        self.state.dispatch(Action::Load(Box::new(merged)));
                    }
                }
                Some(Err(_)) => {}
                None => {
                    self.paused.borrow_mut().push(id);
                    *self.pending.borrow_mut() = false;
                    self.timer.borrow_mut().take();
                    self.workspace
                        .dispatch(WorkspaceAction::DeletedElsewhere(true));
                }
            }
        }
        self.reload();
    }

    fn reload(&self) {
        if let Ok(c) = storage::load(self.catalog) {
            self.workspace.dispatch(WorkspaceAction::Reload(c));
        }
    }
}
