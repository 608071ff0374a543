//! The ranked gap list: what stands between the answers and a clean report.

use super::scoring::{Item, State};
use crate::catalog::ScaleOption;
use crate::catalog::{List, Text};
use serde::{Deserialize, Serialize};

/// One control that is not yet where the recommended report needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Gap {
    pub question: Text,
    pub category: Text,
    pub criteria: List<Text>,
    pub key: bool,
    pub weight: u8,
    /// The scale option the user chose.
    pub answer: Text,
    /// Points short of 100 for the recommended report type.
    pub shortfall: f64,
    /// Ranking figure: weight x (2 for key controls) x shortfall / 100.
    pub severity: f64,
    /// Person-days still to do, from the question's effort and the scale's remaining share.
    pub remaining_days: f64,
}

/// Gaps ranked by severity, then key controls first, then ID for a stable order.
pub fn rank(items: &[Item], type1: bool) -> Vec<Gap> {
    // Ranked before the strings are made: moving small tuples is cheaper.
    let mut open: Vec<(f64, f64, &Item, &ScaleOption)> = Vec::with_capacity(items.len());
    open.extend(items.iter().filter_map(|it| {
        let State::Scored {
            option,
            design,
            operating,
        } = it.state
        else {
            return None;
        };
        let points = if type1 { design } else { operating };
        if points >= 100.0 {
            return None;
        }
        let q = it.question;
        let shortfall = 100.0 - points;
        let severity = f64::from(q.weight) * if q.key { 2.0 } else { 1.0 } * shortfall / 100.0;
        Some((severity, shortfall, it, option))
    }));
    // By number first: a string comparison only between gaps that tie on both.
    // Question IDs are unique, so the order is total and need not be stable.
    let rank = |severity: f64, it: &Item| (super::scoring::total_order(severity), it.question.key);
    open.sort_unstable_by(|(a, _, x, _), (b, _, y, _)| {
        rank(*b, y)
            .cmp(&rank(*a, x))
            .then_with(|| x.question.id.cmp(&y.question.id))
    });
    open.into_iter()
        .map(|(severity, shortfall, it, option)| {
            let q = it.question;
            Gap {
                question: q.id.clone(),
                category: it.questionnaire.clone(),
                criteria: q.criteria.clone(),
                key: q.key,
                weight: q.weight,
                answer: option.id.clone(),
                shortfall,
                severity,
                remaining_days: q.effort_days * option.remaining_effort,
            }
        })
        .collect()
}
