//! The share code's date: a day as the number of days since 2026-01-01.
//!
//! Counted year by year rather than with a closed formula: the dates are
//! at most about ninety years apart, and the loop is plainly right,
//! leap years included.

use alloc::format;
use alloc::string::String;

/// The first day a share code can carry: before Naastenmeter existed, a
/// date can only come from a wrong clock.
const FIRST_YEAR: u32 = 2026;

/// Whether a year has 29 February.
fn is_leap(year: u32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in a year.
fn year_days(year: u32) -> u32 {
    if is_leap(year) {
        366
    } else {
        365
    }
}

/// Days in a month (1 to 12) of a year.
fn month_days(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 2026-01-01 to a `YYYY-MM-DD` date, if the text is a real date
/// in that form on or after 2026-01-01, and the count is below `limit`.
pub(super) fn days_since_start(text: &str, limit: u32) -> Option<u32> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return None;
    }
    let number = |range: core::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if year < FIRST_YEAR || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    if day > month_days(year, month) {
        return None;
    }
    let mut days = 0u32;
    for y in FIRST_YEAR..year {
        days += year_days(y);
        if days >= limit {
            return None;
        }
    }
    for m in 1..month {
        days += month_days(year, m);
    }
    days += day - 1;
    (days < limit).then_some(days)
}

/// The `YYYY-MM-DD` date `days` days after 2026-01-01.
pub(super) fn date_after_start(mut days: u32) -> String {
    let mut year = FIRST_YEAR;
    while days >= year_days(year) {
        days -= year_days(year);
        year += 1;
    }
    let mut month = 1;
    while days >= month_days(year, month) {
        days -= month_days(year, month);
        month += 1;
    }
    format!("{year:04}-{month:02}-{:02}", days + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_new_year_2026() {
        let limit = 1 << 15;
        assert_eq!(days_since_start("2026-01-01", limit), Some(0));
        assert_eq!(days_since_start("2026-03-01", limit), Some(59));
        assert_eq!(days_since_start("2028-03-01", limit), Some(365 + 365 + 60));
        for days in [0, 58, 59, 365, 790, 1000, 27_000, limit - 1] {
            let text = date_after_start(days);
            assert_eq!(days_since_start(&text, limit), Some(days), "{text}");
        }
        assert_eq!(date_after_start(790), "2028-03-01");
        // 2100 is not a leap year.
        assert_eq!(days_since_start("2100-02-29", limit), None);
        assert!(days_since_start("2100-03-01", limit).is_some());
    }

    #[test]
    fn refuses_what_is_not_a_date_in_range() {
        let limit = 1 << 15;
        for text in [
            "2025-12-31",
            "2026-13-01",
            "2026-00-10",
            "2026-02-29",
            "2026-04-31",
            "2026-01-00",
            "2026-1-01",
            "2026/01/01",
            "+026-01-01",
            "2026-01-01T10:00",
            "",
            "9999-12-31",
        ] {
            assert_eq!(days_since_start(text, limit), None, "{text}");
        }
        let last = date_after_start(limit - 1);
        assert_eq!(days_since_start(&last, limit - 1), None);
    }
}
