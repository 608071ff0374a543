//! The one reducer holding the user's inputs; everything else is derived by the engine.

use crate::{AnswerValue, Answers, Assumptions};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

/// What the user has entered: the only state the app keeps.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub answers: Answers,
    pub assumptions: Assumptions,
}

/// Every change the user can make.
pub enum Action {
    Answer(String, Option<AnswerValue>),
    Note(String, String),
    Tier(String),
    StartDate(String),
    Optional { item: &'static str, on: bool },
    Override(String, Option<[f64; 3]>),
    Replace(Box<State>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Answer(id, v) => next.answers.set(&id, v),
            Action::Note(id, text) => next.answers.set_note(&id, &text),
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
            Action::Replace(s) => next = *s,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
