//! Display formatting for figures and ranges.

use crate::estimate::range::Range;

/// `12,345` style grouping.
pub fn thousands(v: f64) -> String {
    let n = v.round() as i64;
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

pub fn money(v: f64) -> String {
    format!("${}", thousands(v))
}

/// "$25,000 – $75,000 (likely $45,000)".
pub fn money_range(r: &Range) -> String {
    format!(
        "{} – {} (likely {})",
        money(r.low),
        money(r.high),
        money(r.likely)
    )
}

pub fn number_range(r: &Range, unit: &str) -> String {
    format!(
        "{} – {} {unit} (likely {})",
        trim(r.low),
        trim(r.high),
        trim(r.likely)
    )
}

/// A number with at most one decimal, without a trailing ".0".
pub fn trim(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        thousands(r)
    } else {
        crate::estimate::range::number(r)
    }
}

pub fn score(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), crate::text::whole)
}
