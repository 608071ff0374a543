//! Which assessment is open, what else is saved, and what the user must be told
//! about saving. Kept apart from [`State`](super::state::State), which holds
//! only the open assessment's inputs.

use crate::app::storage::{Contents, Unreadable};
use crate::report::library::Record;
use std::rc::Rc;
use yew::Reducible;

/// The saved assessments as the list shows them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workspace {
    /// ID of the open assessment (saved or not yet).
    pub current: String,
    /// Every readable saved assessment, most recently updated first.
    pub records: Vec<(String, Record)>,
    pub unreadable: Vec<Unreadable>,
    /// Set while saving fails; the banner stays until a save works again.
    pub save_problem: Option<String>,
    pub notice: Option<Notice>,
    /// Another tab deleted the open assessment; it is no longer saved.
    pub deleted_elsewhere: bool,
}

/// A message about the last thing done, with a way to undo or follow it up.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    /// Details such as the answers an import dropped.
    pub details: Vec<String>,
    pub undo: Option<Undo>,
    /// An assessment the notice offers to open.
    pub open: Option<String>,
    /// Problems are announced assertively and styled as errors.
    pub problem: bool,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            details: Vec::new(),
            undo: None,
            open: None,
            problem: false,
        }
    }
    pub fn problem(text: impl Into<String>) -> Self {
        Notice {
            problem: true,
            ..Notice::info(text)
        }
    }
}

/// What "Undo" puts back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// Writes this record back under its ID (a deleted assessment).
    Restore { id: String, record: Box<Record> },
    /// Puts an assessment's inputs back (after "start over"), whichever is open by then.
    Inputs {
        id: String,
        snapshot: Box<crate::report::snapshot::Snapshot>,
    },
}

pub enum WorkspaceAction {
    /// Storage was read again (after a change here or in another tab).
    Reload(Contents),
    Saved(String, Box<Record>),
    SaveFailed(String),
    Open(String),
    Notice(Option<Notice>),
    DeletedElsewhere(bool),
}

impl Workspace {
    /// The open assessment's saved record, if it has been saved.
    pub fn current_record(&self) -> Option<&Record> {
        self.records
            .iter()
            .find(|(id, _)| *id == self.current)
            .map(|(_, r)| r)
    }
}

impl Reducible for Workspace {
    type Action = WorkspaceAction;

    fn reduce(self: Rc<Self>, action: WorkspaceAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            WorkspaceAction::Reload(c) => {
                next.records = c.records;
                next.unreadable = c.unreadable;
            }
            WorkspaceAction::Saved(id, record) => {
                next.save_problem = None;
                next.records.retain(|(i, _)| *i != id);
                next.records.insert(0, (id, *record));
            }
            WorkspaceAction::SaveFailed(why) => next.save_problem = Some(why),
            WorkspaceAction::Open(id) => {
                next.current = id;
                next.deleted_elsewhere = false;
                // An Undo offered for the assessment open before is no longer in reach.
                if next.notice.as_ref().is_some_and(|n| n.undo.is_some()) {
                    next.notice = None;
                }
            }
            WorkspaceAction::Notice(n) => next.notice = n,
            WorkspaceAction::DeletedElsewhere(on) => next.deleted_elsewhere = on,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
