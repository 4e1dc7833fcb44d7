//! Captures against a local HTTP server on `std::net`: no test touches the internet.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use super::*;

const ARTICLE: &str = "<!DOCTYPE html><html><head><title>Harbour vote delayed</title></head><body>\
    <article><h1>Harbour vote delayed</h1><p>The council postponed the harbour vote to March after \
    a late objection from the port authority, officials said on Tuesday.</p><p>The delay affects \
    the dredging contract worth 40 million that was due to be signed this week.</p></article></body></html>";

/// Serves each connection on its own thread with `answer(path, stream)`; returns the base
/// address (`http://127.0.0.1:PORT`).
pub fn serve(answer: fn(&str, &mut TcpStream)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let address = listener.local_addr().expect("its address");
    std::thread::Builder::new()
        .name("test-http-server".to_owned())
        .spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || {
                    let mut stream = stream;
                    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                    let mut request_line = String::new();
                    reader.read_line(&mut request_line).ok();
                    let mut line = String::new();
                    while reader.read_line(&mut line).is_ok_and(|read| read > 2) {
                        line.clear();
                    }
                    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
                    answer(&path, &mut stream);
                });
            }
        })
        .expect("server thread");
    format!("http://{address}")
}

fn reply(stream: &mut TcpStream, status: &str, headers: &[(&str, &str)], body: &[u8]) {
    let mut head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (name, value) in headers {
        head.extend([*name, ": ", *value, "\r\n"]);
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).ok();
    stream.write_all(body).ok();
}

/// The fixtures: one path for each way a capture can go.
pub fn answer(path: &str, stream: &mut TcpStream) {
    match path {
        "/start" => reply(stream, "301 Moved Permanently", &[("Location", "/middle")], b""),
        "/middle" => reply(stream, "302 Found", &[("Location", "/article")], b"moved"),
        "/article" => reply(stream, "200 OK", &[("Content-Type", "text/html; charset=utf-8")], ARTICLE.as_bytes()),
        "/loop" => reply(stream, "302 Found", &[("Location", "/loop")], b""),
        "/missing" => reply(stream, "404 Not Found", &[("Content-Type", "text/html")], b"<p>gone</p>"),
        "/image" => reply(stream, "200 OK", &[("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n"),
        "/report.pdf" => {
            let pdf = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/report.pdf"))
                .expect("the PDF fixture");
            reply(stream, "200 OK", &[("Content-Type", "application/pdf")], &pdf);
        }
        "/legacy" => {
            // "café" and "€" in windows-1252, declared only in the HTTP header.
            let body = b"<html><head><title>Caf\xe9 prices</title></head><body><article><p>A coffee at the \
                harbour caf\xe9 now costs 3 \x80, up from 2 \x80 last spring, the owners told reporters on \
                Monday morning.</p></article></body></html>";
            reply(stream, "200 OK", &[("Content-Type", "text/html; charset=windows-1252")], body);
        }
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            reply(stream, "200 OK", &[("Content-Type", "text/html")], ARTICLE.as_bytes());
        }
        "/huge" => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 50000000\r\n\r\n";
            stream.write_all(head.as_bytes()).ok();
        }
        "/endless" => {
            // No length: the body ends when the server closes, which it never does in time.
            stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n").ok();
            let block = vec![b'a'; 64 << 10];
            for _ in 0..64 {
                if stream.write_all(&block).is_err() {
                    break;
                }
            }
        }
        "/trickle" => {
            // A byte every 50 ms for three seconds: slow, but never silent long enough to time out.
            stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 60\r\n\r\n").ok();
            for _ in 0..60 {
                std::thread::sleep(Duration::from_millis(50));
                if stream.write_all(b"a").and_then(|()| stream.flush()).is_err() {
                    break;
                }
            }
        }
        "/cut" => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n";
            stream.write_all(head.as_bytes()).ok();
            stream.write_all(&ARTICLE.as_bytes()[..200]).ok();
            stream.flush().ok();
            // Dropping the stream closes the connection mid-body.
        }
        _ => reply(stream, "404 Not Found", &[], b""),
    }
}

pub fn options() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(1),
        max_bytes: 1 << 20,
        max_redirects: 5,
        // A proxy set for the test machine must not see requests to 127.0.0.1.
        proxy_from_env: false,
    }
}

fn capture(url: &str, folder: &Path) -> Result<NewSource, CaptureError> {
    capture_source(url, folder, &options(), Vec::new(), &AtomicBool::new(false))
}

#[test]
fn a_redirected_page_is_captured_with_its_chain_and_archive() {
    let base = serve(answer);
    let folder = tempfile::tempdir().expect("temporary folder");
    let new = capture(&format!("{base}/start"), folder.path()).expect("captured");
    let source = &new.source;
    assert!(source.text().contains("postponed the harbour vote"), "{}", source.text());
    let capture = source.capture().expect("provenance");
    assert_eq!(capture.requested_url, format!("{base}/start"));
    assert_eq!(capture.final_url, format!("{base}/article"));
    let chain: Vec<_> = capture.redirects.iter().map(|hop| (hop.url.as_str(), hop.status)).collect();
    assert_eq!(chain, [(format!("{base}/start").as_str(), 301), (format!("{base}/middle").as_str(), 302)]);
    assert_eq!(capture.status, 200);
    assert_eq!(capture.content_type, "text/html; charset=utf-8");
    assert_eq!(capture.payload_sha256, sha256_hex(ARTICLE.as_bytes()));
    assert_eq!(source.meta.url, capture.final_url);
    assert!(capture.summary().starts_with("captured 20"), "{}", capture.summary());
    assert!(capture.summary().contains(&format!("UTC from {base}/article, SHA-256 {}", capture.payload_sha256)));

    // The archive: warcinfo naming Crosscheck, request and response for each hop, metadata.
    let original = source.content.original.as_ref().expect("the WARC");
    assert!(original.path.starts_with("sources/127.0.0.1-") && is_warc(Path::new(&original.path)), "{}", original.path);
    let bytes = std::fs::read(folder.path().join(&original.path)).expect("written");
    assert_eq!(original.sha256, sha256_hex(&bytes));
    let records = warc::read_records(&bytes, 1 << 24).expect("a WARC");
    let kinds: Vec<_> = records.iter().map(warc::Record::kind).collect();
    assert_eq!(kinds, ["warcinfo", "response", "request", "response", "request", "response", "request", "metadata"]);
    assert!(String::from_utf8_lossy(&records[0].block).contains(&format!("Crosscheck/{}", env!("CARGO_PKG_VERSION"))));
    let page = &records[5];
    assert_eq!(page.field("WARC-Record-ID"), Some(capture.warc_record_id.as_str()));
    assert_eq!(page.field("WARC-Payload-Digest"), Some(format!("sha256:{}", capture.payload_sha256).as_str()));
    let request = String::from_utf8_lossy(&records[6].block).into_owned();
    assert!(
        request.starts_with("GET /article HTTP/1.1\r\n") && request.contains("User-Agent: Crosscheck/"),
        "{request}"
    );
    assert!(String::from_utf8_lossy(&records[7].block).contains(&format!("redirect: 301 {base}/start")));
}

#[test]
fn each_failure_has_its_own_error_and_writes_nothing() {
    let base = serve(answer);
    let folder = tempfile::tempdir().expect("temporary folder");
    let error = |path: &str| capture(&format!("{base}{path}"), folder.path()).expect_err(path);
    assert!(matches!(error("/missing"), CaptureError::Fetch(FetchError::Status { status: 404, .. })));
    assert!(error("/missing").to_string().contains("answered 404 Not Found"), "{}", error("/missing"));
    assert!(matches!(error("/slow"), CaptureError::Fetch(FetchError::TimedOut { .. })), "{}", error("/slow"));
    assert!(matches!(error("/huge"), CaptureError::Fetch(FetchError::TooLarge { .. })));
    assert!(matches!(error("/endless"), CaptureError::Fetch(FetchError::TooLarge { .. })), "{}", error("/endless"));
    assert!(matches!(error("/cut"), CaptureError::Fetch(FetchError::ClosedEarly { .. })), "{}", error("/cut"));
    assert!(matches!(error("/loop"), CaptureError::Fetch(FetchError::TooManyRedirects { .. })));
    let image = error("/image");
    assert!(matches!(image, CaptureError::NotReadable { .. }), "{image}");
    assert!(image.to_string().contains("image/png, not a web page or PDF"), "{image}");
    let dns = capture("http://no-such-host.invalid/", folder.path()).expect_err("unresolvable");
    assert!(matches!(dns, CaptureError::Fetch(FetchError::Dns { .. })), "{dns}");
    assert!(matches!(
        capture("ftp://example.org/", folder.path()),
        Err(CaptureError::Fetch(FetchError::BadAddress { .. }))
    ));
    // Nothing of the failed captures was kept.
    assert!(!folder.path().join(store::SOURCES_DIR).exists());
}

#[test]
fn a_pdf_and_a_legacy_encoding_are_read_by_the_importers() {
    let base = serve(answer);
    let folder = tempfile::tempdir().expect("temporary folder");
    let pdf = capture(&format!("{base}/report.pdf"), folder.path()).expect("a PDF");
    assert_eq!(pdf.source.content.format, crate::model::SourceFormat::Pdf);
    assert!(!pdf.source.text().trim().is_empty());
    let legacy = capture(&format!("{base}/legacy"), folder.path()).expect("a windows-1252 page");
    assert!(legacy.source.text().contains("harbour café now costs 3 €"), "{}", legacy.source.text());
}

#[test]
fn capturing_again_keeps_the_history_and_both_archives() {
    let base = serve(answer);
    let folder = tempfile::tempdir().expect("temporary folder");
    let first = capture(&format!("{base}/start"), folder.path()).expect("first");
    let second = capture_again(&first.source, folder.path(), &options(), &AtomicBool::new(false)).expect("again");
    let history = &second.source.capture().expect("provenance").history;
    assert_eq!(history.len(), 1);
    let first_original = first.source.content.original.as_ref().expect("archive");
    assert_eq!(history[0].warc, first_original.path);
    assert_eq!(history[0].captured_at, first.source.capture().expect("provenance").captured_at);
    let second_original = second.source.content.original.as_ref().expect("archive");
    assert!(folder.path().join(&first_original.path).is_file());
    assert!(folder.path().join(&second_original.path).is_file());
}

#[test]
fn a_written_archive_reads_back_as_the_same_source() {
    let base = serve(answer);
    let folder = tempfile::tempdir().expect("temporary folder");
    let captured = capture(&format!("{base}/start"), folder.path()).expect("captured");
    let original = captured.source.content.original.as_ref().expect("archive");
    let elsewhere = tempfile::tempdir().expect("another project");
    let read = sources_from_warc(&folder.path().join(&original.path), Some(elsewhere.path()), &AtomicBool::new(false))
        .expect("read back");
    assert_eq!(read.len(), 1, "the redirects are not pages");
    let source = &read[0].source;
    assert_eq!(source.text(), captured.source.text());
    let (mine, theirs) = (captured.source.capture().expect("provenance"), source.capture().expect("provenance"));
    assert_eq!(theirs.final_url, mine.final_url);
    assert_eq!(theirs.requested_url, mine.requested_url);
    assert_eq!(theirs.redirects, mine.redirects);
    assert_eq!(theirs.payload_sha256, mine.payload_sha256);
    assert_eq!(theirs.captured_at, mine.captured_at);
    assert_eq!(theirs.warc_record_id, mine.warc_record_id);
    assert_eq!(theirs.software, format!("Crosscheck/{}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn an_archive_without_pages_is_refused_by_name() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let file = folder.path().join("empty.warc");
    std::fs::write(
        &file,
        warc::Record::new("warcinfo", "<urn:uuid:1>", "2026-01-01T00:00:00Z", "text/plain", b"x".to_vec()).to_bytes(),
    )
    .expect("write");
    let error = sources_from_warc(&file, None, &AtomicBool::new(false)).expect_err("no pages");
    assert!(error.to_string().contains("empty.warc holds no web page or PDF"), "{error}");
    std::fs::write(&file, b"not an archive").expect("write");
    let error = sources_from_warc(&file, None, &AtomicBool::new(false)).expect_err("not a WARC");
    assert!(error.to_string().contains("it is not a WARC file"), "{error}");
}

#[test]
fn cancel_stops_a_capture_in_the_middle_of_the_body() {
    let base = serve(answer);
    let folder = tempfile::tempdir().expect("temporary folder");
    let cancel = std::sync::Arc::new(AtomicBool::new(false));
    let flag = std::sync::Arc::clone(&cancel);
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        flag.store(true, std::sync::atomic::Ordering::Relaxed);
    });
    let started = std::time::Instant::now();
    let patient = FetchOptions { timeout: Duration::from_secs(10), ..options() };
    let error = capture_source(&format!("{base}/trickle"), folder.path(), &patient, Vec::new(), &cancel)
        .expect_err("cancelled");
    assert!(error.is_cancelled(), "{error}");
    assert!(started.elapsed() < Duration::from_secs(2), "stopped soon after the cancel: {:?}", started.elapsed());
    assert!(!folder.path().join(store::SOURCES_DIR).exists(), "nothing kept");
}
