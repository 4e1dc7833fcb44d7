//! A page's ancestors in the page tree, where it inherits resources and its media box from.
//!
//! `pdf-extract` looks inherited entries up by following `Parent` until it finds them, with
//! no end: a 300-byte file whose page-tree node is its own parent kept a core busy forever
//! (the import was given up after its deadline, but the thread could not be stopped). So
//! every page's chain is walked here first, and a loop or an absurd depth is refused.

use std::collections::BTreeMap;

use pdf_extract::{Dictionary, Document, Object, ObjectId};

/// Page trees deeper than this are refused; a balanced tree of 5,000 pages is a few levels.
pub const MAX_DEPTH: usize = 64;

/// Refuses the document, worded for "cannot import FILE: …", if any page's parents loop.
pub fn check(document: &Document, pages: &BTreeMap<u32, ObjectId>) -> Result<(), String> {
    for (&number, &page) in pages {
        if let Ok(dictionary) = document.get_dictionary(page) {
            lineage(document, page, dictionary).map_err(|problem| format!("page {number} {problem}"))?;
        }
    }
    Ok(())
}

/// The page's dictionary, then its parent's, up to the root.
pub fn lineage<'a>(
    document: &'a Document,
    page: ObjectId,
    dictionary: &'a Dictionary,
) -> Result<Vec<&'a Dictionary>, &'static str> {
    let mut chain = vec![dictionary];
    let mut seen = vec![page];
    let mut node = dictionary;
    while let Ok(Object::Reference(parent)) = node.get(b"Parent") {
        if seen.contains(parent) {
            return Err("is in a page tree that loops back on itself");
        }
        if chain.len() > MAX_DEPTH {
            return Err("is nested more than 64 levels deep in the page tree");
        }
        let Ok(dictionary) = document.get_dictionary(*parent) else { break };
        seen.push(*parent);
        chain.push(dictionary);
        node = dictionary;
    }
    Ok(chain)
}

/// The entry `key` the page has or inherits, as `pdf-extract` would find it.
pub fn inherited<'a>(document: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let dictionary = document.get_dictionary(page).ok()?;
    lineage(document, page, dictionary).ok()?.into_iter().find_map(|node| node.get(key).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Document {
        Document::load(format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture loads")
    }

    #[test]
    fn pages_inherit_from_their_parents() {
        let document = fixture("report.pdf");
        let pages = document.get_pages();
        assert_eq!(check(&document, &pages), Ok(()));
        let first = pages[&1];
        assert!(inherited(&document, first, b"Resources").is_some(), "the page's own resources");
        assert!(inherited(&document, first, b"Count").is_some(), "the root's page count, inherited");
        assert!(inherited(&document, first, b"Rotate").is_none());
    }

    #[test]
    fn a_node_that_is_its_own_parent_is_refused() {
        let document = fixture("page-tree-loop.pdf");
        assert_eq!(
            check(&document, &document.get_pages()),
            Err("page 1 is in a page tree that loops back on itself".to_owned())
        );
    }
}
