//! A capture as a WARC file, and WARC files as sources.
//!
//! A capture writes one `warcinfo` record naming Crosscheck and its version, then for each
//! exchange (redirects first) a `response` and its `request`, and last a `metadata` record
//! with the address asked for and the redirect chain. Reading takes every `response` to a
//! GET that is a page the importers read; redirects in the same archive become its chain.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::fetch::Fetched;
use super::warc::{HttpMessage, Record, entity_body, read_records, warc_fields};
use super::{CaptureError, new_source};
use crate::import::MAX_IMPORT_BYTES;
use crate::model::{Capture, Redirect};
use crate::store::{self, NewSource, sha256_hex};

/// A capture's WARC file and the id of the record that holds the page.
pub struct WrittenCapture {
    pub bytes: Vec<u8>,
    pub page_record_id: String,
}

/// A `<urn:uuid:…>` record id, unique to this process, time and address (version 4 layout,
/// its random bits drawn from SHA-256 of those).
fn record_id(salt: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let hex = sha256_hex(format!("{salt} {nanos} {count} {}", std::process::id()).as_bytes());
    format!("<urn:uuid:{}-{}-4{}-8{}-{}>", &hex[0..8], &hex[8..12], &hex[13..16], &hex[17..20], &hex[20..32])
}

/// The WARC file of a fetch; `requested` is the address the analyst gave.
pub fn write_capture(fetched: &Fetched, requested: &str, date: &str) -> WrittenCapture {
    let info_id = record_id("warcinfo");
    let info = Record::new(
        "warcinfo",
        &info_id,
        date,
        "application/warc-fields",
        warc_fields(&[
            ("software", format!("Crosscheck/{}", env!("CARGO_PKG_VERSION"))),
            ("format", "WARC File Format 1.1".to_owned()),
            (
                "conformsTo",
                "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/".to_owned(),
            ),
            ("http-header-user-agent", super::fetch::user_agent()),
            ("description", "Captured at the analyst's request for a Crosscheck project".to_owned()),
        ]),
    );
    let mut bytes = info.to_bytes();
    let mut page_record_id = String::new();
    for exchange in &fetched.exchanges {
        let response_id = record_id(&exchange.url);
        let message = HttpMessage {
            start_line: format!("{} {} {}", exchange.version, exchange.status, exchange.reason).trim_end().to_owned(),
            headers: exchange.headers.clone(),
            body: exchange.body.clone(),
        };
        let response =
            Record::new("response", &response_id, date, "application/http;msgtype=response", message.to_bytes())
                .with("WARC-Target-URI", &exchange.url)
                .with("WARC-Warcinfo-ID", &info_id)
                .with("WARC-Payload-Digest", &format!("sha256:{}", sha256_hex(&exchange.body)));
        let request = Record::new(
            "request",
            &record_id(&exchange.url),
            date,
            "application/http;msgtype=request",
            exchange.request.clone(),
        )
        .with("WARC-Target-URI", &exchange.url)
        .with("WARC-Warcinfo-ID", &info_id)
        .with("WARC-Concurrent-To", &response_id);
        bytes.extend(response.to_bytes());
        bytes.extend(request.to_bytes());
        page_record_id = response_id;
    }
    let page = fetched.page();
    let mut fields = vec![("requested-url", requested.trim().to_owned())];
    for hop in &fetched.exchanges[..fetched.exchanges.len() - 1] {
        fields.push(("redirect", format!("{} {}", hop.status, hop.url)));
    }
    fields.push(("final-url", page.url.clone()));
    let metadata =
        Record::new("metadata", &record_id("metadata"), date, "application/warc-fields", warc_fields(&fields))
            .with("WARC-Target-URI", &page.url)
            .with("WARC-Warcinfo-ID", &info_id)
            .with("WARC-Refers-To", &page_record_id);
    bytes.extend(metadata.to_bytes());
    WrittenCapture { bytes, page_record_id }
}

/// A response record worth reading, with what provenance needs.
struct Response {
    id: String,
    target: String,
    date: String,
    message: HttpMessage,
}

/// Reads the archive at `file`, which the analyst chose, as sources: one for each HTML or
/// PDF response. With a project folder the archive is copied into its `sources/` folder
/// once; a project never saved keeps its absolute path until the first save copies it.
pub fn sources_from_warc(
    file: &Path,
    project_dir: Option<&Path>,
    cancel: &AtomicBool,
) -> Result<Vec<NewSource>, CaptureError> {
    let bytes = store::read_chosen(file, MAX_IMPORT_BYTES)
        .map_err(|reason| CaptureError::Unreadable { path: file.to_owned(), reason: reason.to_string() })?;
    let records =
        read_records(&bytes, MAX_IMPORT_BYTES).map_err(|error| CaptureError::Warc { path: file.to_owned(), error })?;
    let software = records
        .iter()
        .find(|record| record.kind() == "warcinfo")
        .and_then(|info| HttpMessage::parse(&[b"-\r\n".as_slice(), &info.block, b"\r\n"].concat()))
        .and_then(|fields| fields.header("software").map(str::to_owned))
        .unwrap_or_default();
    let responses: Vec<Response> = records
        .iter()
        .filter(|record| record.kind() == "response")
        .filter_map(|record| {
            Some(Response {
                id: record.field("WARC-Record-ID")?.to_owned(),
                target: record.field("WARC-Target-URI")?.trim_matches(['<', '>']).to_owned(),
                date: record.field("WARC-Date").unwrap_or_default().to_owned(),
                message: HttpMessage::parse(&record.block)?,
            })
        })
        .collect();
    let redirects_to = redirect_sources(&responses);
    let mut read = Vec::new();
    let mut skipped = 0;
    for response in &responses {
        if response.message.status().is_none_or(|status| !(200..300).contains(&status)) {
            continue;
        }
        let content_type = response.message.header("Content-Type").unwrap_or_default();
        let Some(body) = entity_body(&response.message, MAX_IMPORT_BYTES) else {
            skipped += 1;
            continue;
        };
        if super::page::extension_for(&super::page::media_type(content_type), &body).is_none_or(|kind| kind == "txt") {
            // Scripts, styles, images and plain text files a crawler fetched beside the pages.
            skipped += 1;
            continue;
        }
        match super::page::read(&response.target, content_type, &body, cancel) {
            Ok(document) => read.push((response, body, document)),
            Err(error) if error.is_cancelled() => return Err(CaptureError::Cancelled),
            Err(_) => skipped += 1,
        }
    }
    if read.is_empty() {
        return Err(CaptureError::NoPages { path: file.to_owned(), skipped });
    }
    let name = file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let path = match project_dir {
        Some(folder) => store::adopt_original(folder, &name, &bytes).map_err(|error| CaptureError::Copy { error })?,
        None => std::path::absolute(file).unwrap_or_else(|_| file.to_owned()).to_string_lossy().into_owned(),
    };
    let archive_sha256 = sha256_hex(&bytes);
    Ok(read
        .into_iter()
        .map(|(response, body, document)| {
            let capture = Capture {
                requested_url: chain_start(&redirects_to, &response.target),
                final_url: response.target.clone(),
                captured_at: response.date.clone(),
                redirects: chain(&redirects_to, &response.target),
                status: response.message.status().unwrap_or_default(),
                content_type: response.message.header("Content-Type").unwrap_or_default().to_owned(),
                payload_sha256: sha256_hex(&body),
                warc_record_id: response.id.clone(),
                software: software.clone(),
                history: Vec::new(),
            };
            new_source(document, path.clone(), archive_sha256.clone(), capture)
        })
        .collect())
}

/// For each address a redirect in the archive points to: the redirecting address and its status.
fn redirect_sources(responses: &[Response]) -> BTreeMap<String, (String, u16)> {
    let mut map = BTreeMap::new();
    for response in responses {
        let Some(status) = response.message.status().filter(|status| (300..400).contains(status)) else { continue };
        let Some(location) = response.message.header("Location") else { continue };
        let Ok(base) = url::Url::parse(&response.target) else { continue };
        if let Ok(to) = base.join(location) {
            map.entry(to.to_string()).or_insert((response.target.clone(), status));
        }
    }
    map
}

/// The redirects that led to `target`, first hop first (loops are cut).
fn chain(redirects_to: &BTreeMap<String, (String, u16)>, target: &str) -> Vec<Redirect> {
    let mut hops = Vec::new();
    let mut at = target.to_owned();
    while let Some((from, status)) = redirects_to.get(&at) {
        if hops.len() > 20 || hops.iter().any(|hop: &Redirect| &hop.url == from) {
            break;
        }
        hops.push(Redirect { url: from.clone(), status: *status });
        at.clone_from(from);
    }
    hops.reverse();
    hops
}

fn chain_start(redirects_to: &BTreeMap<String, (String, u16)>, target: &str) -> String {
    chain(redirects_to, target).first().map_or_else(|| target.to_owned(), |hop| hop.url.clone())
}
