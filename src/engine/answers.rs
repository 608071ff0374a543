//! The user's answers and notes, keyed by stable question IDs.

use crate::catalog::Text;
use litemap::LiteMap;
use serde::{Deserialize, Serialize};

/// One answer: a scale or choice option ID (or free text), a set of options, or a number.
/// Externally tagged with one-letter tags, so compact binary formats (storage, share
/// links) can carry it: `{"o": "evidenced"}`, `{"m": ["personal"]}`, `{"n": 15}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum AnswerValue {
    #[serde(rename = "n")]
    Number(f64),
    #[serde(rename = "o")]
    One(String),
    #[serde(rename = "m")]
    Many(Vec<String>),
}

impl AnswerValue {
    /// True when the answer is, or (for multi-choice) includes, one of `options`.
    pub fn is_one_of(&self, options: &[Text]) -> bool {
        let listed = |v: &String| options.iter().any(|o| o == v);
        match self {
            AnswerValue::One(v) => listed(v),
            AnswerValue::Many(vs) => vs.iter().any(listed),
            AnswerValue::Number(_) => false,
        }
    }

    pub fn as_number(&self) -> Option<f64> {
        match self {
            AnswerValue::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            AnswerValue::One(s) => Some(s),
            _ => None,
        }
    }
}

/// Everything the user entered. Answers to hidden questions stay here (the draft)
/// but the engine ignores them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Answers {
    #[serde(
        default,
        serialize_with = "super::object_map::write",
        deserialize_with = "super::object_map::read"
    )]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "std::collections::BTreeMap<String, AnswerValue>")
    )]
    pub values: LiteMap<String, AnswerValue>,
    #[serde(
        default,
        serialize_with = "super::object_map::write",
        deserialize_with = "super::object_map::read"
    )]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "std::collections::BTreeMap<String, String>")
    )]
    pub notes: LiteMap<String, String>,
}

impl Answers {
    pub fn get(&self, id: &str) -> Option<&AnswerValue> {
        self.values.get(id)
    }

    /// Sets or (with `None`) clears an answer.
    pub fn set(&mut self, id: &str, value: Option<AnswerValue>) {
        match value {
            Some(v) => {
                self.values.insert(id.to_owned(), v);
            }
            None => {
                self.values.remove(id);
            }
        }
    }

    pub fn set_note(&mut self, id: &str, note: &str) {
        if note.is_empty() {
            self.notes.remove(id);
        } else {
            self.notes.insert(id.to_owned(), note.to_owned());
        }
    }

    /// Builder used by tests and scenarios.
    pub fn with(mut self, id: &str, value: impl Into<AnswerValue>) -> Self {
        self.values.insert(id.to_owned(), value.into());
        self
    }
}

impl From<&str> for AnswerValue {
    fn from(s: &str) -> Self {
        AnswerValue::One(s.to_owned())
    }
}
impl From<f64> for AnswerValue {
    fn from(n: f64) -> Self {
        AnswerValue::Number(n)
    }
}
impl From<&[&str]> for AnswerValue {
    fn from(v: &[&str]) -> Self {
        AnswerValue::Many(v.iter().map(|s| (*s).to_owned()).collect())
    }
}
impl<const N: usize> From<[&str; N]> for AnswerValue {
    fn from(v: [&str; N]) -> Self {
        AnswerValue::Many(v.iter().map(|s| (*s).to_owned()).collect())
    }
}
