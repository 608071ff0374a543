//! Plain-text formatting shared by the decision, the estimates and the exports.

/// A whole number, halves rounded away from zero (62.5 is "63"): how a score
/// reads on the page and in the CSV files alike.
pub fn whole(v: f64) -> String {
    (v.round() as i64).to_string()
}

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

#[cfg(test)]
mod tests {
    use super::whole;

    #[test]
    fn whole_numbers_round_halves_away_from_zero() {
        assert_eq!(whole(62.5), "63");
        assert_eq!(whole(62.49), "62");
        assert_eq!(whole(100.0), "100");
        assert_eq!(whole(-0.4), "0");
    }
}
