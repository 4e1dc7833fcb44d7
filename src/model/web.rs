//! Web addresses and dates as the analyst types them, checked the way readers' software
//! will read them.
//!
//! A report links a source only when its URL is one a browser would open as a web page,
//! and the app marks a URL or a date that a report will have to leave out. Both use these
//! checks, so the mark in the app and the export never disagree. URLs are parsed by the
//! `url` crate (the WHATWG URL standard browsers follow) rather than by hand: a space in
//! a host, an empty host or a port past 65535 are errors there as in a browser.

/// `raw` as an absolute `http(s)` URL, or why it is not one.
///
/// Leading and trailing spaces are forgiven; control characters anywhere are not, since
/// the URL standard silently drops tabs and line breaks inside a URL, which would make
/// the link point somewhere other than what the analyst sees.
pub fn web_url(raw: &str) -> Result<url::Url, String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err("is empty".to_owned());
    }
    if trimmed.chars().any(char::is_control) {
        return Err("holds a control character (a line break or tab)".to_owned());
    }
    let url = url::Url::parse(trimmed).map_err(|error| format!("is not a valid URL ({error})"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("is a {}: address, not an http(s) web address", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("has no host".to_owned());
    }
    if !url.username().is_empty() || url.password().is_some() {
        // `https://bank.example@evil.example/` reads as one site and opens another.
        return Err("holds a user name or password before the host".to_owned());
    }
    Ok(url)
}

/// What is wrong with a date typed into a date field, or `None` when it is a date the
/// calendar has in `YYYY`, `YYYY-MM` or `YYYY-MM-DD` form, or is empty.
///
/// Dates typed another way ("May 14, 2024") are kept in the project and shown as typed,
/// but machine-readable reports leave them out; an ISO-shaped date the calendar lacks
/// (`2024-02-30`) is a typing mistake.
pub fn date_problem(raw: &str) -> Option<String> {
    let date = raw.trim();
    if date.is_empty() || iso_date(date).is_some() {
        return None;
    }
    let parts: Vec<&str> = date.split('-').collect();
    let iso_shaped = matches!(parts.len(), 2 | 3) && parts.iter().all(|part| part.bytes().all(|b| b.is_ascii_digit()));
    Some(if iso_shaped {
        format!("{date} is not a date on the calendar")
    } else {
        format!("{date:?} is not written YYYY-MM-DD, so machine-readable reports leave it out")
    })
}

/// `text` when it is an ISO 8601 date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) that the
/// calendar has, the form JSON-LD dates must take.
pub fn iso_date(text: &str) -> Option<&str> {
    let date = text.trim();
    let digits = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = date.split('-').collect();
    let shaped = match parts.as_slice() {
        [year] => digits(year, 4),
        [year, month] => digits(year, 4) && digits(month, 2) && ("01"..="12").contains(month),
        [year, month, day] => {
            digits(year, 4)
                && digits(month, 2)
                && digits(day, 2)
                && chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok()
        }
        _ => false,
    };
    shaped.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 14: a hand-written check linked `http://exa mple.org`, whose host has a space.
    #[test]
    fn only_http_urls_a_browser_would_open_are_web_urls() {
        assert!(web_url("https://example.org/a b?c=d").is_ok());
        assert_eq!(web_url(" http://example.org ").map(String::from).ok().as_deref(), Some("http://example.org/"));
        for bad in [
            "http://exa mple.org/",
            "https://",
            "http://",
            "https://example.org:99999/",
            "http://[::1/",
            "javascript:alert(1)",
            "javascript://%0aalert(1)",
            "data:text/html,<script>",
            "ftp://example.org/file",
            "example.org",
            "https://example.org/\nx",
            "https://bank.example@evil.example/",
            "",
        ] {
            assert!(web_url(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn dates_the_calendar_lacks_are_marked() {
        assert_eq!(date_problem(""), None);
        assert_eq!(date_problem("2024-02-29"), None);
        assert_eq!(date_problem("2024-06"), None);
        assert_eq!(date_problem("2024-02-30").as_deref(), Some("2024-02-30 is not a date on the calendar"));
        assert_eq!(date_problem("2024-13-45").as_deref(), Some("2024-13-45 is not a date on the calendar"));
        assert!(date_problem("May 15, 2024").is_some_and(|p| p.contains("not written YYYY-MM-DD")));
    }
}
