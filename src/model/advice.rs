//! What the app marks beside a field before export: things a project may hold but a
//! report will leave out or get wrong.
//!
//! These are not broken invariants ([`Project::problems`] covers those): a claim may wait
//! for its passage, and an analyst may type a date as "May 14, 2024". But each one changes
//! what a report says, so the inspector shows it where it is, in the same words as the
//! export's warnings. Plain Rust, so it is tested without a window.

use super::{ClaimId, Project, SourceId, web};

/// The field a piece of advice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Where the claim appears (its passages).
    Passage,
    Verdict,
    /// A source's publication date.
    Published,
    /// A source's web address.
    Url,
}

/// One thing to fix in one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub field: Field,
    pub message: String,
}

impl Project {
    /// What to fix in claim `id` before export; empty for an unknown id.
    pub fn claim_advice(&self, id: ClaimId) -> Vec<Advice> {
        let Some(claim) = self.claims.get(&id) else { return Vec::new() };
        let mut found = Vec::new();
        if claim.appearances.is_empty() {
            found.push(Advice {
                field: Field::Passage,
                message: "No passage in any source: mark where the claim appears, or it is left out of the Web Annotation export".to_owned(),
            });
        }
        if self.scale.level(&claim.verdict).is_none() {
            found.push(Advice {
                field: Field::Verdict,
                message: format!(
                    "Verdict {:?} is not on the project's scale: reports give it no rating or colour; choose one from the list",
                    claim.verdict
                ),
            });
        }
        found
    }

    /// What to fix in source `id`'s details before export; empty for an unknown id.
    pub fn source_advice(&self, id: SourceId) -> Vec<Advice> {
        let Some(source) = self.sources.get(&id) else { return Vec::new() };
        let meta = &source.meta;
        let mut found = Vec::new();
        if let Some(problem) = web::date_problem(&meta.published) {
            found.push(Advice { field: Field::Published, message: format!("Date {problem}") });
        }
        if !meta.url.trim().is_empty()
            && let Err(problem) = web::web_url(&meta.url)
        {
            found.push(Advice {
                field: Field::Url,
                message: format!("This URL {problem}: reports show it as text, not as a link"),
            });
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use super::{Advice, Field};

    fn project() -> (Project, SourceId, ClaimId) {
        let mut project = Project::new("Test");
        let source = project.ids.next_source();
        let content = SourceContent {
            format: SourceFormat::PlainText,
            text: "The dam opened in May.".to_owned(),
            original: None,
        };
        project.sources.insert(source, Source { meta: SourceMeta::default(), content });
        let anchor = Anchor::find(source, project.sources[&source].text(), "dam opened").expect("found");
        let claim = project.ids.next_claim();
        project.claims.insert(claim, Claim::marked(anchor, "Unverified"));
        (project, source, claim)
    }

    fn fields(advice: &[Advice]) -> Vec<Field> {
        advice.iter().map(|a| a.field).collect()
    }

    #[test]
    fn a_sound_claim_and_source_need_nothing() {
        let (mut project, source, claim) = project();
        project.sources.get_mut(&source).expect("source").meta.url = "https://example.org/dam".to_owned();
        project.sources.get_mut(&source).expect("source").meta.published = "2024-05-14".to_owned();
        assert!(project.claim_advice(claim).is_empty());
        assert!(project.source_advice(source).is_empty());
        assert!(project.claim_advice(ClaimId(99)).is_empty() && project.source_advice(SourceId(99)).is_empty());
    }

    #[test]
    fn claims_without_a_passage_or_off_the_scale_are_marked() {
        let (mut project, _, claim) = project();
        let edited = project.claims.get_mut(&claim).expect("claim");
        edited.appearances.clear();
        "Pants on fire".clone_into(&mut edited.verdict);
        let advice = project.claim_advice(claim);
        assert_eq!(fields(&advice), vec![Field::Passage, Field::Verdict]);
        assert!(advice[1].message.contains("\"Pants on fire\""), "{advice:?}");
    }

    #[test]
    fn impossible_dates_and_non_web_urls_in_a_source_are_marked() {
        let (mut project, source, _) = project();
        for (published, url) in [
            ("2024-02-30", "javascript:alert(1)"),
            ("2024-13-45", "http://exa mple.org/"),
            ("May 15, 2024", "ftp://x/"),
        ] {
            let meta = &mut project.sources.get_mut(&source).expect("source").meta;
            published.clone_into(&mut meta.published);
            url.clone_into(&mut meta.url);
            let advice = project.source_advice(source);
            assert_eq!(fields(&advice), vec![Field::Published, Field::Url], "{published} {url}");
        }
    }
}
