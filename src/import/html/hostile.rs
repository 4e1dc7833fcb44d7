//! Pages built to hurt a parser: elements nested many thousands deep make an HTML5 tree
//! builder's scope checks quadratic (100,000 nested `<div>`s take half a minute). A byte scan
//! spots them before parsing, and their text is then read by a tag stripper, which is linear.

/// Elements that never take a closing tag, so they do not deepen the nesting.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// An upper estimate of how deeply elements nest, from tags alone, stopping at `limit`.
pub fn rough_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut at = 0;
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        let start = at + offset + 1;
        at = start;
        match bytes.get(start) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name: String = html[start..]
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .take(12)
                    .collect::<String>()
                    .to_ascii_lowercase();
                let end = bytes[start..].iter().position(|&b| b == b'>').map_or(bytes.len(), |p| start + p);
                let self_closing = end > 0 && bytes.get(end - 1) == Some(&b'/');
                if !VOID.contains(&name.as_str()) && !self_closing {
                    depth += 1;
                    deepest = deepest.max(depth);
                    if deepest > limit {
                        return deepest;
                    }
                }
            }
            _ => {}
        }
    }
    deepest
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The text of `html` with tags removed, script and style contents dropped, and block-like
/// tags turned into line breaks.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_words(&mut out, &rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('>').map_or(after.len(), |p| p + 1);
        let tag = after[..close.min(after.len())].to_ascii_lowercase();
        rest = &after[close.min(after.len())..];
        for hidden in ["script", "style"] {
            if tag.starts_with(hidden) {
                let end = format!("</{hidden}");
                let lower = rest.to_ascii_lowercase();
                rest = lower.find(&end).map_or("", |p| &rest[p..]);
            }
        }
        if ["p", "div", "br", "li", "h1", "h2", "h3", "tr", "/p", "/div", "/li"]
            .iter()
            .any(|name| tag.starts_with(name) && tag[name.len()..].starts_with(['>', ' ', '/']))
            && !out.ends_with('\n')
            && !out.is_empty()
        {
            out.push('\n');
        }
    }
    push_words(&mut out, rest);
    out.trim().to_owned()
}

fn push_words(out: &mut String, text: &str) {
    for word in text.split_whitespace() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push(' ');
        }
        out.push_str(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_estimated_from_tags() {
        assert_eq!(rough_depth("<p>a<br>b<img src=x/><b>c</b></p>", 100), 2);
        let deep = format!("{}x{}", "<div>".repeat(3000), "</div>".repeat(3000));
        assert!(rough_depth(&deep, 1000) > 1000);
    }

    #[test]
    fn tags_are_stripped_and_scripts_dropped() {
        let html = "<div>One <b>two</b></div><script>var a = '<p>';</script><p>Three</p>";
        assert_eq!(strip_tags(html), "One two\nThree");
    }
}
