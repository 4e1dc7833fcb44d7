//! Finding text across every source of a project.

use std::sync::OnceLock;
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

/// [`find_all`] over texts given with their sources' ids, in that order. Stops between
/// sources once `cancel` is set (the analyst typed on: this query is stale).
pub fn find_in<'t>(
    texts: impl IntoIterator<Item = (SourceId, &'t str)>,
    query: &str,
    cancel: &AtomicBool,
) -> Vec<SearchHit> {
    let needle = fold(query.trim());
    let mut hits = Vec::new();
    if needle.is_empty() {
        return hits;
    }
    for (id, text) in texts {
        if cancel.load(Ordering::Relaxed) || !find_folded(id, text, &Folded::of(text), &needle, &mut hits) {
            break;
        }
    }
    hits
}

/// Every source's text, shared with search workers, and what matching needs worked out
/// once per version of the texts rather than once per key typed into Find: the first
/// search folds each text, the ones after only scan it.
pub struct Corpus {
    texts: Vec<(SourceId, String)>,
    folded: Vec<OnceLock<Folded>>,
}

impl Corpus {
    pub fn new(texts: Vec<(SourceId, String)>) -> Self {
        let folded = texts.iter().map(|_| OnceLock::new()).collect();
        Self { texts, folded }
    }

    /// [`find_all`] over these texts; stops between sources once `cancel` is set.
    pub fn find(&self, query: &str, cancel: &AtomicBool) -> Vec<SearchHit> {
        let needle = fold(query.trim());
        let mut hits = Vec::new();
        if needle.is_empty() {
            return hits;
        }
        for ((id, text), folded) in self.texts.iter().zip(&self.folded) {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            if !find_folded(*id, text, folded.get_or_init(|| Folded::of(text)), &needle, &mut hits) {
                break;
            }
        }
        hits
    }
}

/// Lower case, one character for one, so that character offsets in the folded text are
/// offsets in the text ("İ" lowercases to two characters; only the first is kept).
fn fold(text: &str) -> String {
    text.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect()
}

/// A text folded for matching, with the text's index to cut context around a hit.
struct Folded {
    folded: String,
    index: CharIndex,
}

impl Folded {
    fn of(text: &str) -> Self {
        Self { folded: fold(text), index: CharIndex::new(text) }
    }
}

/// Adds the occurrences of `needle` (folded) in one text to `hits`; false once
/// [`MAX_HITS`] are collected.
fn find_folded(id: SourceId, text: &str, folded: &Folded, needle: &str, hits: &mut Vec<SearchHit>) -> bool {
    let needle_chars = needle.chars().count();
    let slice = |from: usize, to: usize| folded.index.slice(text, from, to).unwrap_or_default().replace('\n', " ");
    let mut last = (0, 0);
    for (byte, _) in folded.folded.match_indices(needle) {
        // Hits come in order: count characters on from the previous one.
        let start = last.1 + folded.folded.get(last.0..byte).map_or(0, |between| between.chars().count());
        last = (byte, start);
        let end = start + needle_chars;
        hits.push(SearchHit {
            source: id,
            start,
            end,
            before: slice(start.saturating_sub(CONTEXT), start),
            matched: slice(start, end),
            after: slice(end, (end + CONTEXT).min(folded.index.char_len())),
        });
        if hits.len() >= MAX_HITS {
            return false;
        }
    }
    true
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

    #[test]
    fn a_corpus_finds_the_same_as_a_fresh_search_query_after_query() {
        let texts = vec![
            (SourceId(1), "Ünal met İlkay in Zürich. ZÜRICH again, then zürich.".to_owned()),
            (SourceId(2), "aaaa".to_owned()),
        ];
        let corpus = Corpus::new(texts.clone());
        let cancel = AtomicBool::new(false);
        for query in ["zürich", "İlkay", "aa", "then z", "missing"] {
            let fresh = find_in(texts.iter().map(|(id, text)| (*id, text.as_str())), query, &cancel);
            assert_eq!(corpus.find(query, &cancel), fresh, "{query}");
        }
        let hits = corpus.find("zürich", &cancel);
        assert_eq!(
            hits.iter().map(|h| (h.start, h.matched.as_str())).collect::<Vec<_>>(),
            [(18, "Zürich"), (26, "ZÜRICH"), (45, "zürich")]
        );
        // Matches do not overlap: "aa" twice in "aaaa".
        assert_eq!(corpus.find("aa", &cancel).iter().filter(|h| h.source == SourceId(2)).count(), 2);
    }
}
