//! Time expressions in a clause, resolved against the article date.
//!
//! Only what event dating needs now: a bare year ("in 1992"), a month and
//! year, a month and day, weekday names (the most recent such day on or
//! before the article date), "yesterday", "tomorrow", "last month", "next
//! week", "this year", decades ("the 1990s") and their parts ("mid-1990s" is
//! 1994-1996). A year, month, week or decade stays a range; it is never
//! narrowed to an invented day.

use accord_text::{Date, Tokens};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// When an event happened: a day, or a range when only a year or month is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventDate {
    /// A single day.
    Day(Date),
    /// An inclusive range.
    Range(Date, Date),
}

impl EventDate {
    /// First day.
    pub fn from(&self) -> Date {
        match *self {
            EventDate::Day(d) | EventDate::Range(d, _) => d,
        }
    }

    /// Last day.
    pub fn to(&self) -> Date {
        match *self {
            EventDate::Day(d) | EventDate::Range(_, d) => d,
        }
    }
}

impl std::fmt::Display for EventDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EventDate::Day(d) => write!(f, "{d}"),
            EventDate::Range(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl Serialize for EventDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            EventDate::Day(d) => s.serialize_str(&d.to_string()),
            EventDate::Range(a, b) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("from", &a.to_string())?;
                m.serialize_entry("to", &b.to_string())?;
                m.end()
            }
        }
    }
}

/// Month names, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Weekday names, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_of(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| {
            *m == w
                || (w.len() >= 3
                    && m.starts_with(w)
                    && w != "may"
                    && w != "mar"
                    && w.len() < m.len())
        })
        .map(|i| i as u8 + 1)
}

fn year_of(w: &str) -> Option<i32> {
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        (1900..=2100).contains(&y).then_some(y)
    } else {
        None
    }
}

/// The decade of "1990s" (1990).
fn decade_of(w: &str) -> Option<i32> {
    let digits = w.strip_suffix('s')?;
    if digits.len() != 4 || !digits.ends_with('0') {
        return None;
    }
    year_of(digits)
}

/// The week (Monday to Sunday), month or year `shift` periods from the one
/// holding `a`.
fn relative_period(unit: &str, shift: i64, a: Date) -> Option<EventDate> {
    match unit {
        "week" => {
            let monday = a.add_days(-i64::from(a.weekday()) + 7 * shift);
            Some(EventDate::Range(monday, monday.add_days(6)))
        }
        "month" => {
            let months = i64::from(a.year) * 12 + i64::from(a.month) - 1 + shift;
            let year = months.div_euclid(12) as i32;
            let month = (months.rem_euclid(12) + 1) as u8;
            Some(EventDate::Range(
                Date {
                    year,
                    month,
                    day: 1,
                },
                Date::month_end(year, month),
            ))
        }
        "year" => {
            let y = a.year + shift as i32;
            Some(EventDate::Range(Date::year_start(y), Date::year_end(y)))
        }
        _ => None,
    }
}

/// Finds the first time expression among tokens `range` and resolves it.
pub fn find_date(
    tokens: &Tokens,
    range: std::ops::Range<usize>,
    article: Option<Date>,
) -> Option<EventDate> {
    let end = range.end.min(tokens.len());
    let mut i = range.start;
    while i < end {
        let w = tokens.norm(i);
        let prev = if i > 0 { tokens.norm(i - 1) } else { "" };
        // "in 1992", "since 1992", "in November 2024"
        if let Some(m) = month_of(w).filter(|_| tokens.get(i).capitalized) {
            // Month Day[, Year] / Month Year
            if i + 1 < end {
                if let Some(y) = year_of(tokens.norm(i + 1)) {
                    return Some(EventDate::Range(
                        Date {
                            year: y,
                            month: m,
                            day: 1,
                        },
                        Date::month_end(y, m),
                    ));
                }
                if let Ok(day) = tokens.norm(i + 1).parse::<u8>() {
                    let year = if i + 3 < end && tokens.norm(i + 2) == "," {
                        year_of(tokens.norm(i + 3))
                    } else {
                        None
                    };
                    let year = year.or(article.map(|a| a.year));
                    if let Some(d) = year.and_then(|y| Date::new(y, m, day)) {
                        return Some(EventDate::Day(d));
                    }
                }
            }
        }
        if let Some(y) = year_of(w) {
            if matches!(prev, "in" | "since" | "during") {
                return Some(EventDate::Range(Date::year_start(y), Date::year_end(y)));
            }
        }
        // "the 1990s", "mid-1990s", "early 2000s": a decade, or a third of one.
        if let Some(decade) = decade_of(w) {
            let before = if i >= 2 { tokens.norm(i - 2) } else { "" };
            let part = if prev == "-" { before } else { prev };
            let (lo, hi) = match part {
                "mid" => (4, 6),
                "early" => (0, 3),
                "late" => (7, 9),
                _ => (0, 9),
            };
            return Some(EventDate::Range(
                Date::year_start(decade + lo),
                Date::year_end(decade + hi),
            ));
        }
        if let Some(a) = article {
            // "last month", "next week", "this year": the calendar period.
            if let Some(shift) = match prev {
                "last" | "previous" => Some(-1),
                "this" => Some(0),
                "next" | "coming" => Some(1),
                _ => None,
            } {
                if let Some(r) = relative_period(w, shift, a) {
                    return Some(r);
                }
            }
            if w == "tomorrow" {
                return Some(EventDate::Day(a.add_days(1)));
            }
            if let Some(wd) = WEEKDAYS.iter().position(|d| *d == w) {
                if tokens.get(i).capitalized && matches!(prev, "on" | "last" | "this" | "," | "") {
                    let back = (i64::from(a.weekday()) - wd as i64).rem_euclid(7);
                    return Some(EventDate::Day(a.add_days(-back)));
                }
            }
            if w == "yesterday" {
                return Some(EventDate::Day(a.add_days(-1)));
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_in(s: &str, article: &str) -> Option<String> {
        let t = Tokens::new(s);
        find_date(&t, 0..t.len(), Date::parse_iso(article)).map(|d| d.to_string())
    }

    #[test]
    fn resolves_years_weekdays_and_days() {
        assert_eq!(
            date_in("established relations in 1992, shortly after", "2025-11-06").as_deref(),
            Some("1992-01-01/1992-12-31")
        );
        assert_eq!(
            date_in("announced on Thursday", "2025-11-06").as_deref(),
            Some("2025-11-06")
        );
        assert_eq!(
            date_in("met on Monday", "2025-11-06").as_deref(),
            Some("2025-11-03")
        );
        assert_eq!(
            date_in("met on Friday", "2025-11-06").as_deref(),
            Some("2025-10-31")
        );
        assert_eq!(
            date_in("signed on March 3, 2020 in Doha", "2025-11-06").as_deref(),
            Some("2020-03-03")
        );
        assert_eq!(
            date_in("talks in November 2024", "2025-11-06").as_deref(),
            Some("2024-11-01/2024-11-30")
        );
        assert_eq!(date_in("killed 1992 people", "2025-11-06"), None);
        assert_eq!(
            date_in("talks last month", "2025-01-15").as_deref(),
            Some("2024-12-01/2024-12-31")
        );
        assert_eq!(
            date_in("a vote next month", "2025-12-15").as_deref(),
            Some("2026-01-01/2026-01-31")
        );
        assert_eq!(
            date_in("will sign next week", "2025-11-06").as_deref(),
            Some("2025-11-10/2025-11-16"),
            "2025-11-06 is a Thursday; next week runs Monday to Sunday"
        );
        assert_eq!(
            date_in("met last week", "2025-11-03").as_deref(),
            Some("2025-10-27/2025-11-02")
        );
        assert_eq!(
            date_in("elections last year", "2025-11-06").as_deref(),
            Some("2024-01-01/2024-12-31")
        );
        assert_eq!(
            date_in("arrives tomorrow", "2025-12-31").as_deref(),
            Some("2026-01-01")
        );
        assert_eq!(
            date_in("agreements dating back to the mid-1990s", "2025-11-06").as_deref(),
            Some("1994-01-01/1996-12-31")
        );
        assert_eq!(
            date_in("since the early 2000s", "2025-11-06").as_deref(),
            Some("2000-01-01/2003-12-31")
        );
        assert_eq!(
            date_in("in the late 1980s", "2025-11-06").as_deref(),
            Some("1987-01-01/1989-12-31")
        );
        assert_eq!(
            date_in("in the 1990s", "2025-11-06").as_deref(),
            Some("1990-01-01/1999-12-31")
        );
        assert_eq!(date_in("the 1995s", "2025-11-06"), None);
        assert_eq!(
            date_in("this week's", "2025-11-06").as_deref(),
            Some("2025-11-03/2025-11-09")
        );
        assert_eq!(date_in("the last months", "2025-11-06"), None);
        assert_eq!(date_in("they may meet", "2025-11-06"), None);
    }
}
