//! Fetching a page over HTTP(S): redirects followed one by one so that each hop is known
//! and archived, a time-out for the whole exchange, a cap on the body, and an error for
//! each way it can fail that says what the analyst can do.

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use thiserror::Error;

/// What Crosscheck tells servers it is: its name and version, and where to find it once
/// the package names a repository.
pub fn user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match crate::capture::PROJECT_URL {
        "" => format!("Crosscheck/{version} (desktop fact-checking workbench)"),
        url => format!("Crosscheck/{version} (+{url})"),
    }
}

/// How a fetch behaves; [`FetchOptions::default`] is what the app and the CLI use.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// For the whole capture, redirects included.
    pub timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
    pub max_redirects: usize,
    /// Use `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` (and `NO_PROXY`) from the environment.
    pub proxy_from_env: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_mins(1),
            // Below the import limit, so the WARC around the page stays importable.
            max_bytes: 48 << 20,
            max_redirects: 10,
            proxy_from_env: true,
        }
    }
}

/// One request and its response, as exchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    pub url: String,
    /// The request Crosscheck sent, as an HTTP/1.1 message.
    pub request: Vec<u8>,
    pub version: String,
    pub status: u16,
    pub reason: String,
    /// Response headers in the order received; a `Transfer-Encoding` the client undid is
    /// renamed so a WARC reader does not try to undo it again.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Exchange {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(header, _)| header.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
    }
}

/// Every exchange of a capture: redirects first, the page last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub exchanges: Vec<Exchange>,
}

impl Fetched {
    pub fn page(&self) -> &Exchange {
        self.exchanges.last().expect("a fetch holds at least the page's exchange")
    }
}

/// Why a page could not be fetched. Each names the address.
#[derive(Debug, Error)]
pub enum FetchError {
    #[error("{url} is not a web address Crosscheck can fetch: {reason}")]
    BadAddress { url: String, reason: String },
    #[error("cannot find the server of {url}: the name {host} does not resolve (check the address and the network)")]
    Dns { url: String, host: String },
    #[error("cannot connect to {url}: {reason}")]
    Connect { url: String, reason: String },
    #[error("the secure connection to {url} failed: {reason}")]
    Tls { url: String, reason: String },
    #[error("{url} did not answer within {} seconds", timeout.as_secs_f32())]
    TimedOut { url: String, timeout: Duration },
    #[error("{url} answered {status} {reason}")]
    Status { url: String, status: u16, reason: String },
    #[error("{url} redirected more than {max} times")]
    TooManyRedirects { url: String, max: usize },
    #[error("{url} is larger than {} MB, the most Crosscheck captures", limit >> 20)]
    TooLarge { url: String, limit: u64 },
    #[error("{url} closed the connection after {received} bytes, before the whole page arrived")]
    ClosedEarly { url: String, received: usize },
    #[error("fetching {url} failed: {reason}")]
    Other { url: String, reason: String },
    #[error("the capture was cancelled")]
    Cancelled,
}

/// Fetches `url`, following redirects by hand. Stops soon after `cancel` is set.
pub fn fetch(url: &str, options: &FetchOptions, cancel: &AtomicBool) -> Result<Fetched, FetchError> {
    let started = Instant::now();
    let agent = agent(options);
    let mut exchanges = Vec::new();
    let mut current = parse_web_url(url)?;
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(FetchError::Cancelled);
        }
        let remaining = options.timeout.saturating_sub(started.elapsed());
        let exchange = exchange(&agent, &current, options, remaining, cancel)?;
        let status = exchange.status;
        let location = exchange.header("Location").map(str::to_owned);
        exchanges.push(exchange);
        match (status, location) {
            (300..=399, Some(location)) => {
                if exchanges.len() > options.max_redirects {
                    return Err(FetchError::TooManyRedirects { url: url.to_owned(), max: options.max_redirects });
                }
                current = current.join(&location).map_err(|error| FetchError::BadAddress {
                    url: location.clone(),
                    reason: format!("the redirect from {current} points to an invalid address ({error})"),
                })?;
                if !matches!(current.scheme(), "http" | "https") {
                    return Err(FetchError::BadAddress {
                        url: current.to_string(),
                        reason: "a redirect led away from http(s)".to_owned(),
                    });
                }
            }
            (200..=299, _) => return Ok(Fetched { exchanges }),
            (status, _) => {
                let page = exchanges.last().map(|page| page.reason.clone()).unwrap_or_default();
                return Err(FetchError::Status { url: current.to_string(), status, reason: page });
            }
        }
    }
}

/// An `http(s)` address with a host, or why not.
pub fn parse_web_url(text: &str) -> Result<url::Url, FetchError> {
    let bad = |reason: String| FetchError::BadAddress { url: text.to_owned(), reason };
    let parsed = url::Url::parse(text.trim()).map_err(|error| bad(error.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(bad(format!("it is a {}: address, not http or https", parsed.scheme())));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(bad("it names no server".to_owned()));
    }
    Ok(parsed)
}

fn agent(options: &FetchOptions) -> ureq::Agent {
    let proxy = if options.proxy_from_env { ureq::Proxy::try_from_env() } else { None };
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(user_agent())
        .accept(ACCEPT)
        // The WARC keeps the payload exactly as sent; asking for it uncompressed keeps
        // that payload readable by every tool.
        .accept_encoding("identity")
        .proxy(proxy)
        .build()
        .into()
}

const ACCEPT: &str = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5";

fn exchange(
    agent: &ureq::Agent,
    url: &url::Url,
    options: &FetchOptions,
    remaining: Duration,
    cancel: &AtomicBool,
) -> Result<Exchange, FetchError> {
    let text = url.to_string();
    if remaining.is_zero() {
        return Err(FetchError::TimedOut { url: text, timeout: options.timeout });
    }
    let response = agent
        .get(text.as_str())
        .config()
        .timeout_global(Some(remaining))
        .build()
        .call()
        .map_err(|error| classify(error, &text, options))?;
    let status = response.status();
    let version = format!("{:?}", response.version());
    let mut headers = Vec::new();
    let mut dechunked = false;
    for (name, value) in response.headers() {
        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
        if name.as_str().eq_ignore_ascii_case("transfer-encoding") {
            dechunked = true;
            headers.push(("X-Crosscheck-Decoded-Transfer-Encoding".to_owned(), value));
        } else {
            headers.push((canonical_name(name.as_str()), value));
        }
    }
    if let Some(length) = response.headers().get("content-length").and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
        && length > options.max_bytes
    {
        return Err(FetchError::TooLarge { url: text, limit: options.max_bytes });
    }
    let body = read_body(response.into_body(), &text, options, cancel)?;
    if dechunked {
        headers.push(("Content-Length".to_owned(), body.len().to_string()));
    }
    Ok(Exchange {
        request: request_message(url),
        url: text,
        version,
        status: status.as_u16(),
        reason: status.canonical_reason().unwrap_or_default().to_owned(),
        headers,
        body,
    })
}

fn read_body(body: ureq::Body, url: &str, options: &FetchOptions, cancel: &AtomicBool) -> Result<Vec<u8>, FetchError> {
    let mut reader = body.into_reader();
    let mut bytes = Vec::new();
    let mut chunk = vec![0; 64 << 10];
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(FetchError::Cancelled);
        }
        let read = match reader.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(read) => read,
            Err(error) => {
                let timed_out = error.kind() == std::io::ErrorKind::TimedOut
                    || error
                        .into_inner()
                        .and_then(|inner| inner.downcast::<ureq::Error>().ok())
                        .is_some_and(|inner| matches!(*inner, ureq::Error::Timeout(_)));
                return Err(if timed_out {
                    FetchError::TimedOut { url: url.to_owned(), timeout: options.timeout }
                } else {
                    FetchError::ClosedEarly { url: url.to_owned(), received: bytes.len() }
                });
            }
        };
        if (bytes.len() + read) as u64 > options.max_bytes {
            return Err(FetchError::TooLarge { url: url.to_owned(), limit: options.max_bytes });
        }
        bytes.extend_from_slice(&chunk[..read]);
    }
}

/// The request as Crosscheck composes it (the headers it sets; the client adds none
/// that change the answer).
fn request_message(url: &url::Url) -> Vec<u8> {
    let mut target = url.path().to_owned();
    if let Some(query) = url.query() {
        target.push('?');
        target.push_str(query);
    }
    let host = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_owned(),
    };
    format!(
        "GET {target} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: {}\r\nAccept: {ACCEPT}\r\nAccept-Encoding: identity\r\n\r\n",
        user_agent()
    )
    .into_bytes()
}

/// `content-type` as `Content-Type`: HTTP/1 spelling for the archive (names are
/// case-insensitive; the client lowercases them).
fn canonical_name(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn classify(error: ureq::Error, url: &str, options: &FetchOptions) -> FetchError {
    let url_owned = url.to_owned();
    match error {
        ureq::Error::HostNotFound => dns_error(url_owned),
        ureq::Error::Timeout(_) => FetchError::TimedOut { url: url_owned, timeout: options.timeout },
        ureq::Error::Tls(reason) => FetchError::Tls { url: url_owned, reason: reason.to_owned() },
        ureq::Error::ConnectionFailed => {
            FetchError::Connect { url: url_owned, reason: "the connection failed".to_owned() }
        }
        ureq::Error::Io(io) => classify_io(&io, url_owned),
        other => FetchError::Other { url: url_owned, reason: other.to_string() },
    }
}

fn dns_error(url: String) -> FetchError {
    let host = url::Url::parse(&url).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_default();
    FetchError::Dns { url, host }
}

fn classify_io(io: &std::io::Error, url: String) -> FetchError {
    use std::io::ErrorKind;
    let reason = io.to_string();
    let lower = reason.to_lowercase();
    // The system resolver's failures come as I/O errors ("failed to lookup address
    // information: Name or service not known", "Temporary failure in name resolution").
    if lower.contains("lookup address") || lower.contains("name resolution") || lower.contains("name or service") {
        return dns_error(url);
    }
    if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
        return FetchError::Tls { url, reason };
    }
    match io.kind() {
        ErrorKind::ConnectionRefused => {
            FetchError::Connect { url, reason: "the server refused the connection".to_owned() }
        }
        ErrorKind::InvalidData if url.starts_with("https:") => FetchError::Tls { url, reason },
        ErrorKind::TimedOut | ErrorKind::WouldBlock => {
            FetchError::Connect { url, reason: "the connection timed out".to_owned() }
        }
        ErrorKind::UnexpectedEof | ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => {
            FetchError::ClosedEarly { url, received: 0 }
        }
        _ => FetchError::Connect { url, reason },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_fetched() {
        assert!(parse_web_url("https://example.org/a?b=1").is_ok());
        for bad in ["file:///etc/passwd", "example.org", "ftp://example.org/", "http://"] {
            assert!(matches!(parse_web_url(bad), Err(FetchError::BadAddress { .. })), "{bad}");
        }
    }

    #[test]
    fn header_names_get_their_usual_spelling() {
        assert_eq!(canonical_name("content-type"), "Content-Type");
        assert_eq!(canonical_name("x-frame-options"), "X-Frame-Options");
    }

    #[test]
    fn the_user_agent_names_crosscheck_and_its_version() {
        assert!(user_agent().starts_with(&format!("Crosscheck/{} (", env!("CARGO_PKG_VERSION"))));
    }
}
