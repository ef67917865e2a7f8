//! Testing distance claims against the coordinates in the dictionary.
//!
//! Distances are great-circle distances on a sphere of radius 6371.0088 km
//! (the mean Earth radius), between capitals (`capital-at`) and between
//! country centroids (`centroid`). A comparison claim is `supported` when it
//! holds by both measures, `not_supported` when it fails by both, and
//! `unknown` when the measures disagree or a coordinate is missing; the
//! figures are always shown.

use crate::{Comparison, DistanceClaim};
use accord_dict::Dictionary;
use serde::Serialize;

/// A claim's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The reference data agrees.
    Supported,
    /// The reference data disagrees.
    NotSupported,
    /// The reference data cannot tell.
    Unknown,
}

impl Verdict {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::NotSupported => "not_supported",
            Verdict::Unknown => "unknown",
        }
    }
}

/// The distance from one country to the reference, by both measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistanceFigure {
    /// Country code.
    pub country: String,
    /// Its capital (first listed name).
    pub capital: Option<String>,
    /// Capital to the reference's capital, km (rounded).
    pub capital_km: Option<f64>,
    /// Centroid to the reference's centroid, km (rounded).
    pub centroid_km: Option<f64>,
}

/// The result of testing a distance claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistanceCheck {
    /// The verdict.
    pub verdict: Verdict,
    /// Whether the claim holds by capital distance (`None`: cannot tell).
    pub by_capitals: Option<bool>,
    /// Whether it holds by centroid distance.
    pub by_centroids: Option<bool>,
    /// The reference country and its capital.
    pub reference: String,
    /// The reference's capital.
    pub reference_capital: Option<String>,
    /// The subject first, then the others, each with its distances.
    pub figures: Vec<DistanceFigure>,
    /// One line saying what the figures show.
    pub summary: String,
}

/// Great-circle distance in km between two (latitude, longitude) points in degrees.
pub fn great_circle_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const R: f64 = 6371.0088;
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().min(1.0).asin()
}

fn holds(cmp: Comparison, subject: f64, others: &[f64]) -> bool {
    others.iter().all(|&o| match cmp {
        Comparison::Farther => subject > o,
        Comparison::Closer => subject < o,
    })
}

/// Tests a distance claim with the dictionary's coordinates.
pub fn check_distance(dict: &Dictionary, claim: &DistanceClaim) -> DistanceCheck {
    let reference = dict.place(&claim.reference);
    let mut figures = Vec::new();
    for code in std::iter::once(&claim.subject).chain(claim.others.iter()) {
        let p = dict.place(code);
        let km = |f: fn(&accord_dict::Place) -> Option<(f64, f64)>| match (
            p.and_then(f),
            reference.and_then(f),
        ) {
            (Some(x), Some(y)) => Some(great_circle_km(x, y).round()),
            _ => None,
        };
        figures.push(DistanceFigure {
            country: code.clone(),
            capital: p.and_then(|p| p.capitals.first().cloned()),
            capital_km: km(|p| p.capital_at),
            centroid_km: km(|p| p.centroid),
        });
    }
    let measure = |get: fn(&DistanceFigure) -> Option<f64>| -> Option<bool> {
        let s = get(figures.first()?)?;
        let others: Option<Vec<f64>> = figures[1..].iter().map(get).collect();
        let others = others?;
        if others.is_empty() {
            return None;
        }
        Some(holds(claim.comparison, s, &others))
    };
    let by_capitals = measure(|f| f.capital_km);
    let by_centroids = measure(|f| f.centroid_km);
    let verdict = match (by_capitals, by_centroids) {
        (Some(true), Some(true)) => Verdict::Supported,
        (Some(false), Some(false)) => Verdict::NotSupported,
        _ => Verdict::Unknown,
    };
    let word = claim.comparison.as_str();
    let most = match claim.comparison {
        Comparison::Farther => "farthest",
        Comparison::Closer => "closest",
    };
    let extreme = |get: fn(&DistanceFigure) -> Option<f64>| {
        let pick = figures.iter().filter_map(|f| get(f).map(|d| (f, d)));
        let best = match claim.comparison {
            Comparison::Farther => pick.max_by(|a, b| a.1.total_cmp(&b.1)),
            Comparison::Closer => pick.min_by(|a, b| a.1.total_cmp(&b.1)),
        };
        best.map(|(f, d)| format!("{} {} km", f.country, d))
    };
    // The claimant's own distance beside the extreme one, so both figures show.
    let own = |get: fn(&DistanceFigure) -> Option<f64>| {
        figures
            .first()
            .and_then(|f| get(f).map(|d| format!("{} {} km, ", f.country, d)))
            .unwrap_or_default()
    };
    let ref_capital = reference.and_then(|p| p.capitals.first().cloned());
    let summary = format!(
        "{} {} from {} than {}? by capitals: {} ({}); by centroids: {} ({})",
        claim.subject,
        word,
        claim.reference,
        if claim.others.is_empty() {
            "(no one named)".to_string()
        } else {
            claim.others.join(", ")
        },
        by_capitals.map_or("unknown", |b| if b { "yes" } else { "no" }),
        extreme(|f| f.capital_km).map_or_else(String::new, |e| format!(
            "{}{most} is {e}",
            own(|f| f.capital_km)
        )),
        by_centroids.map_or("unknown", |b| if b { "yes" } else { "no" }),
        extreme(|f| f.centroid_km).map_or_else(String::new, |e| format!(
            "{}{most} is {e}",
            own(|f| f.centroid_km)
        )),
    );
    DistanceCheck {
        verdict,
        by_capitals,
        by_centroids,
        reference: claim.reference.clone(),
        reference_capital: ref_capital,
        figures,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn great_circle_distances_are_right() {
        // London to Paris is about 344 km; antipodes are half the circumference.
        let d = great_circle_km((51.5074, -0.1278), (48.8566, 2.3522));
        assert!((d - 344.0).abs() < 2.0, "{d}");
        let half = great_circle_km((0.0, 0.0), (0.0, 180.0));
        assert!((half - 20015.0).abs() < 2.0, "{half}");
        assert_eq!(great_circle_km((10.0, 20.0), (10.0, 20.0)), 0.0);
    }
}
