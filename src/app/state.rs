//! The one reducer holding the user's inputs; everything else is derived by the engine.

use crate::engine::registers::{CustomerControl, Registers, Subservice};
use crate::{AnswerValue, Answers, Assumptions};
use std::rc::Rc;
use yew::Reducible;

/// What the user has entered: the only state the app keeps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub answers: Answers,
    pub assumptions: Assumptions,
    pub registers: Registers,
    /// How the gap list is filtered: a view setting, never saved.
    pub gap_filter: GapFilter,
}

/// The results page's gap filters, kept while the user moves between steps.
#[derive(Debug, Clone, PartialEq)]
pub struct GapFilter {
    /// `all` or a category ID.
    pub category: String,
    pub key_only: bool,
    /// `any`, `small`, `medium` or `large`.
    pub effort: String,
}

impl Default for GapFilter {
    fn default() -> Self {
        GapFilter {
            category: "all".into(),
            key_only: false,
            effort: "any".into(),
        }
    }
}

/// Every change the user can make.
pub enum Action {
    Answer(String, Option<AnswerValue>),
    Note(String, String),
    Tier(String),
    StartDate(String),
    Optional {
        item: &'static str,
        on: bool,
    },
    Override(String, Option<[f64; 3]>),
    /// The whole subservice register; `None` goes back to the draft.
    Subservices(Option<Vec<Subservice>>),
    /// The whole customer-control register; `None` goes back to the draft.
    CustomerControls(Option<Vec<CustomerControl>>),
    /// Another assessment's inputs (opened, merged from another tab, restored), view settings kept.
    Load(Box<crate::report::snapshot::Snapshot>),
    GapFilter(GapFilter),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Answer(id, v) => next.answers.set(&id, v),
            Action::Note(id, text) => {
                // Held to the limit every saved or imported note is checked against.
                let text: String = text.chars().take(crate::report::check::MAX_NOTE).collect();
                next.answers.set_note(&id, &text)
            }
            Action::Tier(t) => next.assumptions.tier = t,
            Action::StartDate(d) => next.assumptions.start_date = d,
            Action::Optional { item, on } => match item {
                "pen_test" => next.assumptions.pen_test = on,
                "consultant" => next.assumptions.consultant = on,
                _ => next.assumptions.tooling = on,
            },
            Action::Override(key, Some(r)) => {
                next.assumptions.overrides.insert(key, r);
            }
            Action::Override(key, None) => {
                next.assumptions.overrides.remove(&key);
            }
            // Held to the row limit every saved or imported register is checked against.
            Action::Subservices(list) => {
                next.registers.subservices = list.map(|mut l| {
                    l.truncate(crate::engine::registers::MAX_ROWS);
                    l
                })
            }
            Action::CustomerControls(list) => {
                next.registers.customer_controls = list.map(|mut l| {
                    l.truncate(crate::engine::registers::MAX_ROWS);
                    l
                })
            }
            Action::Load(s) => {
                next.answers = s.answers;
                next.assumptions = s.assumptions;
                next.registers = s.registers;
            }
            Action::GapFilter(f) => next.gap_filter = f,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

impl State {
    /// The inputs that are saved, exported and shared.
    pub fn snapshot(&self) -> crate::report::snapshot::Snapshot {
        crate::report::snapshot::Snapshot {
            answers: self.answers.clone(),
            assumptions: self.assumptions.clone(),
            registers: self.registers.clone(),
        }
    }
}
