//! Verdict scales: the ratings a project gives its claims.

use serde::{Deserialize, Serialize};

/// How a verdict reads at a glance; reports and the app colour verdicts by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tone {
    /// Not yet rated, or cannot be rated.
    Neutral,
    Accurate,
    Mixed,
    Inaccurate,
}

/// One step of a verdict scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictLevel {
    pub label: String,
    /// Position on a numeric scale (higher is more accurate) for `ClaimReview`'s
    /// `ratingValue`; `None` for verdicts outside the true–false axis.
    pub rating: Option<u32>,
    pub tone: Tone,
}

impl VerdictLevel {
    pub fn new(label: &str, rating: Option<u32>, tone: Tone) -> Self {
        Self { label: label.to_owned(), rating, tone }
    }
}

/// The verdicts a project may give. The first level is the one new claims start with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictScale {
    pub levels: Vec<VerdictLevel>,
}

impl Default for VerdictScale {
    fn default() -> Self {
        use Tone::{Accurate, Inaccurate, Mixed, Neutral};
        Self {
            levels: vec![
                VerdictLevel::new("Unverified", None, Neutral),
                VerdictLevel::new("True", Some(5), Accurate),
                VerdictLevel::new("Mostly true", Some(4), Accurate),
                VerdictLevel::new("Mixed", Some(3), Mixed),
                VerdictLevel::new("Mostly false", Some(2), Inaccurate),
                VerdictLevel::new("False", Some(1), Inaccurate),
                VerdictLevel::new("Misleading", Some(2), Inaccurate),
                VerdictLevel::new("Unprovable", None, Neutral),
            ],
        }
    }
}

impl VerdictScale {
    /// The verdict a new claim starts with.
    pub fn initial(&self) -> &str {
        self.levels.first().map_or("Unverified", |level| level.label.as_str())
    }

    pub fn level(&self, label: &str) -> Option<&VerdictLevel> {
        self.levels.iter().find(|level| level.label == label)
    }

    /// Lowest and highest numeric rating on the scale.
    pub fn rating_range(&self) -> Option<(u32, u32)> {
        let ratings = self.levels.iter().filter_map(|level| level.rating);
        let worst = ratings.clone().min()?;
        let best = ratings.max()?;
        Some((worst, best))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scale_starts_unverified_and_rates_one_to_five() {
        let scale = VerdictScale::default();
        assert_eq!(scale.initial(), "Unverified");
        assert_eq!(scale.rating_range(), Some((1, 5)));
        assert_eq!(scale.level("Mostly false").map(|level| level.tone), Some(Tone::Inaccurate));
        assert!(scale.level("Pants on fire").is_none());
    }
}
