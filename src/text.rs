//! Plain-text formatting shared by the decision, the estimates and the exports.

/// A number with at most two decimals, trailing zeros dropped ("3", "0.25", "12.5").
/// Integer arithmetic instead of float formatting keeps that machinery out of the WebAssembly.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_owned();
    }
    let hundredths = (v.abs() * 100.0).round() as u64;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    let sign = if v < 0.0 && hundredths > 0 { "-" } else { "" };
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}
