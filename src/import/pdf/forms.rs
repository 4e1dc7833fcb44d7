//! Form `XObject`s drawn inside one another.
//!
//! `pdf-extract` follows every `Do` operator by recursion, with no limit. A form that draws
//! itself, an 850-byte file, recurses until the stack overflows, and a stack overflow aborts
//! the whole process: no `catch_unwind` or worker thread can contain it. So before any text
//! is extracted, this walks the same drawing graph with an explicit stack and refuses
//! documents whose forms draw themselves, nest deeper than any real layout does, or would be
//! drawn so many times that extraction never finishes.

use std::collections::{BTreeMap, HashMap};

use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId};

use super::page_tree;

/// Forms inside forms deeper than this are refused. Real layouts nest a few levels (a page
/// template, a boxed quote, a logo); `pdf-extract` overflows its stack somewhere in the
/// thousands.
pub const MAX_FORM_DEPTH: usize = 64;

/// Form drawings per document, counted as `pdf-extract` would perform them: forms that draw
/// a form twice, ten deep, make a thousand drawings from a few hundred bytes.
pub const MAX_FORM_DRAWS: usize = 100_000;

/// Why a document's forms cannot be drawn, worded for "cannot import FILE: …".
pub fn check(document: &Document, pages: &BTreeMap<u32, ObjectId>) -> Result<(), String> {
    let mut walk = Walk { document, drawn_by: HashMap::new(), draws: 0 };
    for (&number, &page) in pages {
        let Some(resources) = page_tree::inherited(document, page, b"Resources").and_then(|o| walk.dictionary(o))
        else {
            continue;
        };
        // A page with no XObjects has nothing to draw: no need to unpack its content.
        if !resources.has(b"XObject") {
            continue;
        }
        let Ok(content) = document.get_page_content(page) else { continue };
        walk.walk_page(number, &content, resources)?;
    }
    Ok(())
}

struct Walk<'a> {
    document: &'a Document,
    /// The names each stream draws with `Do`, decoded once per stream.
    drawn_by: HashMap<ObjectId, Vec<Vec<u8>>>,
    draws: usize,
}

/// A form being drawn: which stream, the resources its names resolve in, and how many of
/// its `Do` operators are done.
struct Frame<'a> {
    form: ObjectId,
    resources: &'a Dictionary,
    next: usize,
}

impl<'a> Walk<'a> {
    fn walk_page(&mut self, page: u32, content: &[u8], resources: &'a Dictionary) -> Result<(), String> {
        for name in drawn_names(content) {
            let mut path: Vec<Frame<'a>> = Vec::new();
            self.enter(&name, resources, &mut path, page)?;
            while let Some(frame) = path.last_mut() {
                let names = &self.drawn_by[&frame.form];
                let Some(name) = names.get(frame.next).cloned() else {
                    path.pop();
                    continue;
                };
                frame.next += 1;
                let resources = frame.resources;
                self.enter(&name, resources, &mut path, page)?;
            }
        }
        Ok(())
    }

    /// Draws the `XObject` `name` resolves to in `resources`, pushing it onto `path`.
    fn enter(
        &mut self,
        name: &[u8],
        resources: &'a Dictionary,
        path: &mut Vec<Frame<'a>>,
        page: u32,
    ) -> Result<(), String> {
        let Some((form, dictionary)) = self.resolve(name, resources) else { return Ok(()) };
        let label = String::from_utf8_lossy(name);
        if path.iter().any(|frame| frame.form == form) {
            return Err(format!("on page {page}, the form /{label} draws itself, so its text has no end"));
        }
        if path.len() >= MAX_FORM_DEPTH {
            return Err(format!("on page {page}, forms are drawn inside forms more than {MAX_FORM_DEPTH} levels deep"));
        }
        self.draws += 1;
        if self.draws > MAX_FORM_DRAWS {
            return Err(format!("its forms would be drawn more than {MAX_FORM_DRAWS} times (page {page})"));
        }
        if !self.drawn_by.contains_key(&form) {
            let names = match self.document.get_object(form).and_then(Object::as_stream) {
                Ok(stream) => drawn_names(&stream.decompressed_content().unwrap_or_else(|_| stream.content.clone())),
                Err(_) => Vec::new(),
            };
            self.drawn_by.insert(form, names);
        }
        // As `pdf-extract` does: a form without resources of its own uses its drawer's.
        let own = dictionary.get(b"Resources").ok().and_then(|object| self.dictionary(object));
        path.push(Frame { form, resources: own.unwrap_or(resources), next: 0 });
        Ok(())
    }

    /// The stream an `XObject` name stands for, with its dictionary. Only indirect streams can
    /// be drawn again, so only they have an id to follow.
    fn resolve(&self, name: &[u8], resources: &'a Dictionary) -> Option<(ObjectId, &'a Dictionary)> {
        let xobjects = self.dictionary(resources.get(b"XObject").ok()?)?;
        let Object::Reference(id) = xobjects.get(name).ok()? else { return None };
        let stream = self.document.get_object(*id).ok()?.as_stream().ok()?;
        Some((*id, &stream.dict))
    }

    fn dictionary(&self, object: &'a Object) -> Option<&'a Dictionary> {
        match object {
            Object::Dictionary(dictionary) => Some(dictionary),
            Object::Reference(id) => self.document.get_dictionary(*id).ok(),
            _ => None,
        }
    }
}

/// The `XObject` names a content stream draws, in order. A stream that does not decode draws
/// nothing here; `pdf-extract` refuses it on its own.
fn drawn_names(content: &[u8]) -> Vec<Vec<u8>> {
    // Most pages draw no XObject; finding that out needs no parse.
    if memchr::memmem::find(content, b"Do").is_none() {
        return Vec::new();
    }
    let Ok(content) = Content::decode(content) else { return Vec::new() };
    content
        .operations
        .into_iter()
        .filter(|operation| operation.operator == "Do")
        .filter_map(|operation| operation.operands.first().and_then(|name| name.as_name().ok()).map(<[u8]>::to_vec))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_fixture(name: &str) -> Result<(), String> {
        let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
        let document = Document::load(&path).expect("fixture loads");
        check(&document, &document.get_pages())
    }

    #[test]
    fn forms_nested_a_few_levels_are_fine() {
        assert_eq!(check_fixture("form-nested.pdf"), Ok(()));
        assert_eq!(check_fixture("report.pdf"), Ok(()));
    }

    #[test]
    fn a_form_that_draws_itself_is_named_with_its_page() {
        let refusal = check_fixture("form-draws-itself.pdf").expect_err("loops");
        assert_eq!(refusal, "on page 1, the form /Fm0 draws itself, so its text has no end");
    }

    #[test]
    fn forms_nested_two_hundred_deep_are_refused() {
        let refusal = check_fixture("forms-nested-deep.pdf").expect_err("too deep");
        assert!(refusal.contains("more than 64 levels deep"), "{refusal}");
    }
}
