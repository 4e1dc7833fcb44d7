//! Which importer reads a fetched page: the `Content-Type` the server sent, checked
//! against the bytes, and its `charset`, which outranks what the page itself declares.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::CaptureError;
use crate::import::{Imported, import_bytes_until};

/// Reads a page's `body` with the importer its content type and bytes call for.
pub fn read(url: &str, content_type: &str, body: &[u8], cancel: &AtomicBool) -> Result<Imported, CaptureError> {
    let media = media_type(content_type);
    let extension = extension_for(&media, body).ok_or_else(|| CaptureError::NotReadable {
        url: url.to_owned(),
        what: if media.is_empty() { "of no known type".to_owned() } else { media.clone() },
    })?;
    let decoded;
    let bytes = match (extension, charset(content_type)) {
        ("html" | "txt" | "md", Some(encoding)) if encoding != encoding_rs::UTF_8 => {
            // The HTTP header outranks a <meta charset>; a byte-order mark outranks both for
            // the importers, so the page goes to them as marked UTF-8.
            let (text, _) = encoding.decode_without_bom_handling(body);
            decoded = format!("\u{feff}{text}").into_bytes();
            &decoded[..]
        }
        _ => body,
    };
    import_bytes_until(Path::new(&format!("page.{extension}")), bytes, cancel)
        .map_err(|refusal| CaptureError::Import { url: url.to_owned(), refusal })
}

/// `text/html; charset=…` → `text/html`.
pub fn media_type(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// The encoding a `charset=` parameter names, if it names one.
pub fn charset(content_type: &str) -> Option<&'static encoding_rs::Encoding> {
    content_type
        .split(';')
        .skip(1)
        .find_map(|parameter| {
            let (name, value) = parameter.split_once('=')?;
            name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches('"'))
        })
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
}

/// The file name extension of the importer for this media type and these bytes; `None`
/// for what Crosscheck does not read (images, scripts, archives). A PDF sent with a wrong
/// or generic type is still a PDF.
pub fn extension_for(media: &str, body: &[u8]) -> Option<&'static str> {
    if body.starts_with(b"%PDF-") {
        return Some("pdf");
    }
    match media {
        "text/html" | "application/xhtml+xml" => Some("html"),
        // Bytes that are not a PDF are refused by the PDF importer, with its reason.
        "application/pdf" => Some("pdf"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => Some("docx"),
        "application/vnd.oasis.opendocument.text" => Some("odt"),
        "text/plain" => Some("txt"),
        "text/markdown" => Some("md"),
        "" | "application/octet-stream" | "binary/octet-stream" => looks_like_html(body).then_some("html"),
        _ => None,
    }
}

fn looks_like_html(body: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<head")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_and_the_bytes_choose_the_importer() {
        assert_eq!(extension_for("text/html", b"<p>x"), Some("html"));
        assert_eq!(extension_for("application/octet-stream", b"%PDF-1.7"), Some("pdf"));
        assert_eq!(extension_for("text/html", b"%PDF-1.7"), Some("pdf"));
        assert_eq!(extension_for("image/png", b"\x89PNG"), None);
        assert_eq!(extension_for("", b"<!DOCTYPE html><html>"), Some("html"));
    }

    #[test]
    fn the_header_charset_is_honoured() {
        assert_eq!(charset("text/html; charset=ISO-8859-1"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(charset("text/html;charset=\"utf-8\""), Some(encoding_rs::UTF_8));
        assert_eq!(charset("text/html"), None);
        assert_eq!(media_type("Text/HTML; charset=x"), "text/html");
    }
}
