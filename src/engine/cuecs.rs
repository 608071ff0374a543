//! Complementary user entity controls: what customers must run themselves for the
//! SOC 1 objectives in view to hold. Their auditors test these at the customer.

use super::scoring::Item;
use crate::catalog::kinds::Report;
use crate::catalog::Catalog;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Cuec {
    /// The control objective it supports.
    pub objective: String,
    pub text: String,
}

/// One entry per SOC 1 objective in view that depends on customers, in catalog order.
pub fn list(catalog: &Catalog, items: &[Item]) -> Vec<Cuec> {
    catalog
        .manifest
        .criteria
        .iter()
        .filter(|c| !c.cuec.is_empty())
        .filter(|c| {
            items
                .iter()
                .any(|i| i.report == Report::Soc1 && i.question.criteria.contains(&c.id))
        })
        .map(|c| Cuec {
            objective: c.id.clone(),
            text: c.cuec.clone(),
        })
        .collect()
}
