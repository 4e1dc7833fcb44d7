//! WARC 1.1 (ISO 28500) files: writing a capture as `warcinfo`, `request`, `response` and
//! `metadata` records, and reading the records of any archive (plain or gzip, as crawlers
//! and web archives write them).
//!
//! Digests are `sha256:` followed by lowercase hex, so the payload digest is the same
//! string the project and reports show.

use std::io::Read;

use thiserror::Error;

use crate::store::sha256_hex;

/// One named header of a WARC record, in the order written.
pub type Field = (String, String);

/// A WARC record: its header fields and its block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub fields: Vec<Field>,
    pub block: Vec<u8>,
}

impl Record {
    /// A record of `kind` with the mandatory fields; more are added with [`Record::with`].
    pub fn new(kind: &str, id: &str, date: &str, content_type: &str, block: Vec<u8>) -> Self {
        let fields = vec![
            ("WARC-Type".to_owned(), kind.to_owned()),
            ("WARC-Record-ID".to_owned(), id.to_owned()),
            ("WARC-Date".to_owned(), date.to_owned()),
            ("Content-Type".to_owned(), content_type.to_owned()),
        ];
        Self { fields, block }
    }

    #[must_use]
    pub fn with(mut self, name: &str, value: &str) -> Self {
        self.fields.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The first field called `name` (WARC field names are case-insensitive).
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(field, _)| field.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
    }

    pub fn kind(&self) -> &str {
        self.field("WARC-Type").unwrap_or_default()
    }

    /// The record as bytes: version line, fields, `Content-Length` and a block digest
    /// computed here, a blank line, the block and the two line breaks that end a record.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut head = String::from("WARC/1.1\r\n");
        for (name, value) in &self.fields {
            // A line break inside a value would start a new field.
            let value = value.replace(['\r', '\n'], " ");
            push_field(&mut head, name, &value);
        }
        push_field(&mut head, "WARC-Block-Digest", &format!("sha256:{}", sha256_hex(&self.block)));
        push_field(&mut head, "Content-Length", &self.block.len().to_string());
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(&self.block);
        bytes.extend_from_slice(b"\r\n\r\n");
        bytes
    }
}

/// `application/warc-fields` text: `name: value` lines.
pub fn warc_fields(fields: &[(&str, String)]) -> Vec<u8> {
    let mut text = String::new();
    for (name, value) in fields {
        let value = value.replace(['\r', '\n'], " ");
        push_field(&mut text, name, &value);
    }
    text.into_bytes()
}

/// Appends a `name: value` line.
fn push_field(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    out.push_str(": ");
    out.push_str(value);
    out.push_str("\r\n");
}

/// Why an archive could not be read; `at` is the byte offset of the record in the
/// uncompressed archive.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WarcError {
    #[error("it is not a WARC file: it does not start with a WARC/1.x version line")]
    NotWarc,
    #[error("the record at byte {at} is cut short or malformed: {reason}")]
    Malformed { at: usize, reason: String },
    #[error("its gzip compression is damaged: {0}")]
    Gzip(String),
    #[error("it is more than {} MB uncompressed", limit >> 20)]
    TooLarge { limit: u64 },
}

/// Reads every record of an archive. Gzip archives (one member per record, or one for the
/// whole file) are decompressed first, at most `limit` bytes.
pub fn read_records(bytes: &[u8], limit: u64) -> Result<Vec<Record>, WarcError> {
    let plain;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut unpacked = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .take(limit + 1)
            .read_to_end(&mut unpacked)
            .map_err(|error| WarcError::Gzip(error.to_string()))?;
        if unpacked.len() as u64 > limit {
            return Err(WarcError::TooLarge { limit });
        }
        plain = unpacked;
        &plain[..]
    } else {
        bytes
    };
    if !bytes.starts_with(b"WARC/1.") {
        return Err(WarcError::NotWarc);
    }
    let mut records = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        // Blank lines between records are tolerated.
        if bytes[at] == b'\r' || bytes[at] == b'\n' {
            at += 1;
            continue;
        }
        let (record, next) = read_record(bytes, at)?;
        records.push(record);
        at = next;
    }
    Ok(records)
}

fn read_record(bytes: &[u8], at: usize) -> Result<(Record, usize), WarcError> {
    let malformed = |reason: &str| WarcError::Malformed { at, reason: reason.to_owned() };
    let head_end = find(&bytes[at..], b"\r\n\r\n").ok_or_else(|| malformed("no blank line after the header"))?;
    let head = String::from_utf8_lossy(&bytes[at..at + head_end]);
    let mut lines = head.split("\r\n");
    if !lines.next().is_some_and(|line| line.starts_with("WARC/")) {
        return Err(malformed("no WARC/1.x version line"));
    }
    let mut fields = Vec::new();
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            return Err(malformed(&format!("a header line without a colon: {line:?}")));
        };
        fields.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let length = fields
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("Content-Length"))
        .and_then(|(_, value)| value.parse::<usize>().ok())
        .ok_or_else(|| malformed("no Content-Length"))?;
    let start = at + head_end + 4;
    let end = start.checked_add(length).filter(|&end| end <= bytes.len()).ok_or_else(|| {
        malformed(&format!("Content-Length says {length} bytes but only {} follow", bytes.len() - start))
    })?;
    Ok((Record { fields, block: bytes[start..end].to_vec() }, end))
}

/// Where `needle` first occurs in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// An HTTP message as kept in a WARC block: its first line, headers and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpMessage {
    pub start_line: String,
    pub headers: Vec<Field>,
    pub body: Vec<u8>,
}

impl HttpMessage {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(header, _)| header.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
    }

    /// The status code of a response's first line (`HTTP/1.1 200 OK`).
    pub fn status(&self) -> Option<u16> {
        self.start_line.split_whitespace().nth(1)?.parse().ok()
    }

    /// Splits an `application/http` block.
    pub fn parse(block: &[u8]) -> Option<Self> {
        let (head_end, gap) = match find(block, b"\r\n\r\n") {
            Some(end) => (end, 4),
            None => (find(block, b"\n\n")?, 2),
        };
        let head = String::from_utf8_lossy(&block[..head_end]);
        let mut lines = head.lines();
        let start_line = lines.next()?.trim().to_owned();
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
            .collect();
        Some(Self { start_line, headers, body: block[head_end + gap..].to_vec() })
    }

    /// The message as bytes for a WARC block.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut head = format!("{}\r\n", self.start_line);
        for (name, value) in &self.headers {
            push_field(&mut head, name, value);
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(&self.body);
        bytes
    }
}

/// The entity a response carries, with the transfer and content codings a crawler may
/// have stored undone (`chunked`, `gzip`, `deflate`); `None` for a coding Crosscheck does
/// not read (such as `br`).
pub fn entity_body(message: &HttpMessage, limit: u64) -> Option<Vec<u8>> {
    let mut body = message.body.clone();
    if message.header("Transfer-Encoding").is_some_and(|coding| coding.to_ascii_lowercase().contains("chunked")) {
        // Some archivers store the body already de-chunked but keep the header.
        if let Some(unchunked) = dechunk(&body) {
            body = unchunked;
        }
    }
    match message.header("Content-Encoding").map(|coding| coding.trim().to_ascii_lowercase()).as_deref() {
        None | Some("" | "identity") => Some(body),
        Some("gzip" | "x-gzip") => inflate(flate2::read::MultiGzDecoder::new(&body[..]), limit),
        Some("deflate") => inflate(flate2::read::ZlibDecoder::new(&body[..]), limit)
            .or_else(|| inflate(flate2::read::DeflateDecoder::new(&body[..]), limit)),
        Some(_) => None,
    }
}

fn inflate(reader: impl Read, limit: u64) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    reader.take(limit + 1).read_to_end(&mut out).ok()?;
    (out.len() as u64 <= limit).then_some(out)
}

/// Undoes `Transfer-Encoding: chunked`; `None` if the body is not chunked after all.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_with_their_digest_and_length() {
        let first = Record::new("warcinfo", "<urn:uuid:1>", "2026-12-01T14:03:05Z", "application/warc-fields", {
            warc_fields(&[("software", "Crosscheck/0.1.0".to_owned())])
        });
        let http = HttpMessage {
            start_line: "HTTP/1.1 200 OK".to_owned(),
            headers: vec![("Content-Type".to_owned(), "text/html".to_owned())],
            body: b"<p>caf\xe9</p>\r\n\r\nWARC/1.1".to_vec(),
        };
        let second = Record::new(
            "response",
            "<urn:uuid:2>",
            "2026-12-01T14:03:05Z",
            "application/http;msgtype=response",
            http.to_bytes(),
        )
        .with("WARC-Target-URI", "http://example.org/");
        let mut file = first.to_bytes();
        file.extend(second.to_bytes());
        let records = read_records(&file, 1 << 20).expect("reads back");
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].kind(), "response");
        assert_eq!(records[1].block, http.to_bytes());
        assert_eq!(
            records[1].field("warc-block-digest"),
            Some(format!("sha256:{}", sha256_hex(&http.to_bytes())).as_str())
        );
        let parsed = HttpMessage::parse(&records[1].block).expect("an HTTP message");
        assert_eq!(parsed, http);
        assert_eq!(parsed.status(), Some(200));
    }

    #[test]
    fn gzip_archives_and_stored_codings_are_undone() {
        use std::io::Write;
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gzip.write_all(b"<p>packed</p>").expect("compress");
        let packed = gzip.finish().expect("compress");
        let mut chunked = format!("{:x}\r\n", packed.len()).into_bytes();
        chunked.extend(&packed);
        chunked.extend(b"\r\n0\r\n\r\n");
        let http = HttpMessage {
            start_line: "HTTP/1.1 200 OK".to_owned(),
            headers: vec![
                ("Transfer-Encoding".to_owned(), "chunked".to_owned()),
                ("Content-Encoding".to_owned(), "gzip".to_owned()),
            ],
            body: chunked,
        };
        assert_eq!(entity_body(&http, 1 << 20).expect("decoded"), b"<p>packed</p>");
        let record =
            Record::new("response", "<urn:uuid:3>", "2026-12-01T14:03:05Z", "application/http", http.to_bytes());
        let mut archive = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        archive.write_all(&record.to_bytes()).expect("compress");
        let archive = archive.finish().expect("compress");
        assert_eq!(read_records(&archive, 1 << 20).expect("reads").len(), 1);
    }

    #[test]
    fn damaged_archives_are_refused_with_the_place() {
        assert_eq!(read_records(b"<html>", 100), Err(WarcError::NotWarc));
        let record = Record::new("resource", "<urn:uuid:4>", "2026-12-01T14:03:05Z", "text/plain", b"hello".to_vec());
        let bytes = record.to_bytes();
        let cut = &bytes[..bytes.len() - 6];
        let error = read_records(cut, 1 << 20).expect_err("cut short");
        assert!(matches!(error, WarcError::Malformed { at: 0, .. }), "{error}");
    }
}
