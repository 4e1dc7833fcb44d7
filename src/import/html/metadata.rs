//! What a web page says about itself: headline, byline, date, publisher, canonical URL and
//! language.
//!
//! Publishers state these three ways, with different care: JSON-LD written for search
//! engines (the most exact, so it is asked first), `<meta>` tags for social cards and
//! older conventions, and the page itself (`<title>`, `<h1>`, `<time>`, `<html lang>`).

use dom_query::Document;
use serde_json::Value;

use crate::model::SourceMeta;

/// JSON-LD blocks longer than this are skipped rather than parsed.
const LONGEST_JSON_LD: usize = 1 << 20;

/// The metadata of the page parsed into `document`.
pub fn metadata(document: &Document) -> SourceMeta {
    let linked = linked_data(document);
    let article = linked.as_ref().and_then(|found| found.article.as_ref());
    let from_article = |key: &str| article.and_then(|value| value.get(key)).map(plain).unwrap_or_default();

    let title = first([
        from_article("headline"),
        meta(document, "og:title"),
        meta(document, "twitter:title"),
        text_of(document, "title"),
        text_of(document, "h1"),
    ]);
    let author = first([
        article.and_then(|value| value.get("author")).map(names).unwrap_or_default(),
        meta(document, "author"),
        meta(document, "article:author"),
        meta(document, "dc.creator"),
        text_of(document, "[rel=author]"),
    ]);
    // Some sites put a profile URL in article:author; that is not a name.
    let author = if author.starts_with("http") { String::new() } else { author };
    let published = first([
        from_article("datePublished"),
        meta(document, "article:published_time"),
        meta(document, "datePublished"),
        meta(document, "pubdate"),
        meta(document, "date"),
        meta(document, "dc.date"),
        meta(document, "parsely-pub-date"),
        attr_of(document, "time[datetime]", "datetime"),
    ]);
    let outlet = first([
        article.and_then(|value| value.get("publisher")).map(names).unwrap_or_default(),
        meta(document, "og:site_name"),
        meta(document, "application-name"),
        linked.as_ref().and_then(|found| found.site_name.clone()).unwrap_or_default(),
    ]);
    let url = first([attr_of(document, "link[rel=canonical]", "href"), meta(document, "og:url"), from_article("url")]);
    let language = first([
        attr_of(document, "html[lang]", "lang"),
        attr_of(document, "meta[http-equiv=content-language]", "content"),
        meta(document, "og:locale").replace('_', "-"),
        from_article("inLanguage"),
    ]);
    SourceMeta { title, outlet, author, published: date_only(&published), url, language }
}

fn first<const N: usize>(candidates: [String; N]) -> String {
    candidates.into_iter().map(|value| collapse(&value)).find(|value| !value.is_empty()).unwrap_or_default()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The content of `<meta name=KEY>` or `<meta property=KEY>`, matched without regard to case.
fn meta(document: &Document, key: &str) -> String {
    document
        .select("meta[content]")
        .nodes()
        .iter()
        .find(|node| {
            ["name", "property", "itemprop"]
                .iter()
                .any(|attr| node.attr(attr).is_some_and(|name| name.trim().eq_ignore_ascii_case(key)))
        })
        .and_then(|node| node.attr("content"))
        .map(|content| content.to_string())
        .unwrap_or_default()
}

fn text_of(document: &Document, selector: &str) -> String {
    document.select(selector).nodes().first().map(|node| node.text().to_string()).unwrap_or_default()
}

fn attr_of(document: &Document, selector: &str, attr: &str) -> String {
    document
        .select(selector)
        .nodes()
        .first()
        .and_then(|node| node.attr(attr))
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// `2019-11-20T13:14:00+02:00` → `2019-11-20`; anything else is kept as written.
fn date_only(date: &str) -> String {
    let date = date.trim();
    let bytes = date.as_bytes();
    let iso = bytes.len() >= 10
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'-'
        && bytes[5..7].iter().all(u8::is_ascii_digit)
        && bytes[7] == b'-'
        && bytes[8..10].iter().all(u8::is_ascii_digit);
    if iso { date[..10].to_owned() } else { date.to_owned() }
}

/// The JSON-LD objects that matter: the article, and the site's name if stated apart.
struct LinkedData {
    article: Option<Value>,
    site_name: Option<String>,
}

fn linked_data(document: &Document) -> Option<LinkedData> {
    let mut objects = Vec::new();
    for node in document.select("script[type]").nodes() {
        let is_json_ld = node.attr("type").is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/ld+json"));
        let text = node.text();
        if !is_json_ld || text.len() > LONGEST_JSON_LD {
            continue;
        }
        // Malformed JSON-LD is common (trailing commas, HTML comments); such a block is
        // simply not used.
        if let Ok(value) = serde_json::from_str::<Value>(text.trim()) {
            flatten(value, &mut objects);
        }
    }
    if objects.is_empty() {
        return None;
    }
    let article = objects
        .iter()
        .find(|object| has_type(object, |kind| kind.ends_with("Article") || kind == "BlogPosting" || kind == "Report"))
        .or_else(|| objects.iter().find(|object| object.get("headline").is_some()))
        .cloned();
    let site_name = objects
        .iter()
        .find(|object| {
            has_type(object, |kind| kind == "WebSite" || kind == "Organization" || kind == "NewsMediaOrganization")
        })
        .and_then(|object| object.get("name"))
        .map(plain);
    Some(LinkedData { article, site_name })
}

/// Top-level arrays and `@graph` lists become one flat list of objects.
fn flatten(value: Value, into: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|item| flatten(item, into)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, into);
            }
            into.push(Value::Object(map));
        }
        _ => {}
    }
}

fn has_type(object: &Value, wanted: impl Fn(&str) -> bool) -> bool {
    match object.get("@type") {
        Some(Value::String(kind)) => wanted(kind),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).any(wanted),
        _ => false,
    }
}

/// A JSON-LD value as text: strings as they are, the first of a list.
fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) => items.first().map(plain).unwrap_or_default(),
        Value::Object(map) => map.get("@id").or_else(|| map.get("name")).map(plain).unwrap_or_default(),
        Value::Number(number) => number.to_string(),
        _ => String::new(),
    }
}

/// Names of a person or organisation given as a string, an object or a list of either.
fn names(value: &Value) -> String {
    let list: Vec<String> = match value {
        Value::Array(items) => items.iter().map(names).collect(),
        Value::Object(map) => map.get("name").map(plain).into_iter().collect(),
        Value::String(name) => vec![name.clone()],
        _ => Vec::new(),
    };
    list.into_iter().map(|name| collapse(&name)).filter(|name| !name.is_empty()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_wins_over_meta_tags() {
        let html = r#"<html lang="en-GB"><head><title>Accord | Harbour Post</title>
            <meta property="og:title" content="Social headline">
            <meta property="og:site_name" content="Harbour Post">
            <link rel="canonical" href="https://example.org/accord">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsArticle","headline":"Ministers sign the accord","datePublished":"2026-03-04T09:30:00Z",
               "author":[{"@type":"Person","name":"Ana Rel"},{"@type":"Person","name":"Tomas Vik"}],
               "publisher":{"@type":"Organization","name":"The Harbour Post"}}]}</script>
            </head><body><h1>Ministers sign</h1></body></html>"#;
        let meta = metadata(&Document::from(html));
        assert_eq!(meta.title, "Ministers sign the accord");
        assert_eq!(meta.author, "Ana Rel, Tomas Vik");
        assert_eq!(meta.published, "2026-03-04");
        assert_eq!(meta.outlet, "The Harbour Post");
        assert_eq!(meta.url, "https://example.org/accord");
        assert_eq!(meta.language, "en-GB");
    }

    #[test]
    fn meta_tags_and_the_page_fill_in_without_json_ld() {
        let html = r#"<html><head><title>Plain title</title><meta name="author" content="Lea Holm">
            <meta property="og:locale" content="de_CH"><script type="application/ld+json">{ broken</script></head>
            <body><time datetime="2025-12-01">1 Dec</time></body></html>"#;
        let meta = metadata(&Document::from(html));
        assert_eq!(meta.title, "Plain title");
        assert_eq!(meta.author, "Lea Holm");
        assert_eq!(meta.published, "2025-12-01");
        assert_eq!(meta.language, "de-CH");
    }
}
