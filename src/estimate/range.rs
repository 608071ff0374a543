//! Low / likely / high figures and the drivers that add up to them.

use crate::catalog::Text;
use serde::{Deserialize, Serialize};

/// An estimate as a range; every figure the app shows is one of these.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Range {
    pub low: f64,
    pub likely: f64,
    pub high: f64,
}

impl Range {
    pub fn new(r: [f64; 3]) -> Range {
        Range {
            low: r[0],
            likely: r[1],
            high: r[2],
        }
    }
    pub fn splat(v: f64) -> Range {
        Range {
            low: v,
            likely: v,
            high: v,
        }
    }
    pub fn get(&self, i: usize) -> f64 {
        [self.low, self.likely, self.high][i]
    }
    pub fn map(self, f: impl Fn(f64) -> f64) -> Range {
        Range {
            low: f(self.low),
            likely: f(self.likely),
            high: f(self.high),
        }
    }
    pub fn scale(self, k: f64) -> Range {
        self.map(|v| v * k)
    }
    pub fn times(self, o: Range) -> Range {
        Range {
            low: self.low * o.low,
            likely: self.likely * o.likely,
            high: self.high * o.high,
        }
    }
    pub fn is_ordered(&self) -> bool {
        self.low <= self.likely && self.likely <= self.high
    }
}

impl std::ops::Add for Range {
    type Output = Range;
    fn add(self, o: Range) -> Range {
        Range {
            low: self.low + o.low,
            likely: self.likely + o.likely,
            high: self.high + o.high,
        }
    }
}

impl std::iter::Sum for Range {
    fn sum<I: Iterator<Item = Range>>(iter: I) -> Range {
        iter.fold(Range::default(), |a, b| a + b)
    }
}

/// One reason an estimate is what it is: "Privacy in scope: +X to +Y".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Driver {
    /// The parameter key in `estimation.toml`, or a derived figure's name.
    pub key: String,
    pub label: Text,
    pub amount: Range,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// True when the figure rests on an editable assumption.
    pub assumption: bool,
}

/// Adds the drivers: the shown figure is always exactly their sum.
pub fn total(drivers: &[Driver]) -> Range {
    drivers.iter().map(|d| d.amount).sum()
}

pub use crate::text::number;
