//! Complementary user entity controls: what customers must run themselves for the
//! SOC 1 objectives in view to hold. Their auditors test these at the customer.

use super::scoring::Item;
use crate::catalog::Catalog;
use crate::catalog::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Cuec {
    /// The control objective it supports.
    pub objective: Text,
    pub text: Text,
}

/// One entry per SOC 1 objective in view that depends on customers, in catalog order.
pub fn list<'a>(catalog: &'a Catalog, items: &[Item<'a>]) -> Vec<Cuec> {
    super::scoring::soc1_objectives_in_view(catalog, items)
        .filter(|c| !c.cuec.is_empty())
        .map(|c| Cuec {
            objective: c.id.clone(),
            text: c.cuec.clone(),
        })
        .collect()
}
