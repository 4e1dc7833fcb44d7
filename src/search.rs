//! Finding text across every source of a project.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::model::{CharIndex, Project, SourceId};

/// Results beyond this many are not collected; the analyst narrows the query instead.
pub const MAX_HITS: usize = 2_000;

/// Characters of context shown either side of a hit.
const CONTEXT: usize = 40;

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub source: SourceId,
    /// Character range of the match in the source text.
    pub start: usize,
    pub end: usize,
    pub before: String,
    pub matched: String,
    pub after: String,
}

/// Every case-insensitive occurrence of `query` in the project's sources, in source
/// order, at most [`MAX_HITS`].
pub fn find_all(project: &Project, query: &str) -> Vec<SearchHit> {
    find_in(project.sources.iter().map(|(&id, source)| (id, source.text())), query, &AtomicBool::new(false))
}

/// [`find_all`] over texts given with their sources' ids, in that order: a worker thread
/// searches a copy of the texts rather than the project the window is editing. Stops
/// between sources once `cancel` is set (the analyst typed on: this query is stale).
pub fn find_in<'t>(
    texts: impl IntoIterator<Item = (SourceId, &'t str)>,
    query: &str,
    cancel: &AtomicBool,
) -> Vec<SearchHit> {
    let needle: Vec<char> = query.trim().chars().flat_map(char::to_lowercase).collect();
    let mut hits = Vec::new();
    if needle.is_empty() {
        return hits;
    }
    for (id, text) in texts {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        // Lowercasing can change a character's length, so match on characters, not bytes.
        let chars: Vec<char> = text.chars().collect();
        let lowered: Vec<char> = chars.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
        if needle.len() > lowered.len() {
            continue;
        }
        let index = CharIndex::new(text);
        let mut position = 0;
        while position + needle.len() <= lowered.len() {
            if lowered[position..position + needle.len()] == needle[..] {
                let (start, end) = (position, position + needle.len());
                let slice = |from: usize, to: usize| index.slice(text, from, to).unwrap_or_default().replace('\n', " ");
                hits.push(SearchHit {
                    source: id,
                    start,
                    end,
                    before: slice(start.saturating_sub(CONTEXT), start),
                    matched: slice(start, end),
                    after: slice(end, (end + CONTEXT).min(chars.len())),
                });
                if hits.len() >= MAX_HITS {
                    return hits;
                }
                position = end;
            } else {
                position += 1;
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, SourceContent, SourceFormat, SourceMeta};

    #[test]
    fn finds_every_occurrence_ignoring_case_with_context() {
        let mut project = Project::new("Search");
        for text in ["Halvik hosted the talks. HALVIK again.", "Nothing here.", "Zürich, then halvik."] {
            let id = project.ids.next_source();
            let content = SourceContent { format: SourceFormat::PlainText, text: text.to_owned(), original: None };
            project.sources.insert(id, Source { meta: SourceMeta::default(), content });
        }
        let hits = find_all(&project, " halvik ");
        assert_eq!(hits.len(), 3);
        assert_eq!((hits[1].source, hits[1].start, hits[1].end), (SourceId(1), 25, 31));
        assert_eq!(hits[1].matched, "HALVIK");
        assert_eq!(hits[1].before, "Halvik hosted the talks. ");
        assert_eq!((hits[2].source, hits[2].start), (SourceId(3), 13));
        assert!(find_all(&project, "   ").is_empty());
    }
}
