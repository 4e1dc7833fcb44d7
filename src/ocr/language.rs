//! Which Tesseract language reads a source: the source's language tag (`de`, `pt-BR`)
//! mapped to Tesseract's three-letter trained-data names, when that language is installed.

/// Tesseract's data name for the language of a BCP 47 tag, for the languages Tesseract's
/// standard packages ship.
pub fn tesseract_code(tag: &str) -> Option<&'static str> {
    const CODES: &[(&str, &str)] = &[
        ("ar", "ara"),
        ("bg", "bul"),
        ("ca", "cat"),
        ("cs", "ces"),
        ("da", "dan"),
        ("de", "deu"),
        ("el", "ell"),
        ("en", "eng"),
        ("es", "spa"),
        ("et", "est"),
        ("fa", "fas"),
        ("fi", "fin"),
        ("fr", "fra"),
        ("he", "heb"),
        ("hi", "hin"),
        ("hr", "hrv"),
        ("hu", "hun"),
        ("id", "ind"),
        ("it", "ita"),
        ("ja", "jpn"),
        ("ko", "kor"),
        ("lt", "lit"),
        ("lv", "lav"),
        ("nb", "nor"),
        ("nl", "nld"),
        ("no", "nor"),
        ("pl", "pol"),
        ("pt", "por"),
        ("ro", "ron"),
        ("ru", "rus"),
        ("sk", "slk"),
        ("sl", "slv"),
        ("sr", "srp"),
        ("sv", "swe"),
        ("th", "tha"),
        ("tr", "tur"),
        ("uk", "ukr"),
        ("vi", "vie"),
        ("zh", "chi_sim"),
    ];
    let tag = tag.trim().to_ascii_lowercase();
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    if primary == "zh" && (tag.contains("hant") || tag.ends_with("-tw") || tag.ends_with("-hk")) {
        return Some("chi_tra");
    }
    CODES.iter().find(|(code, _)| *code == primary).map(|(_, name)| *name)
}

/// The language to read with, and a note when the source's language could not be used.
pub fn choose(tag: &str, installed: &[String]) -> (String, Option<String>) {
    const DEFAULT: &str = "eng";
    if tag.trim().is_empty() {
        return (DEFAULT.to_owned(), None);
    }
    match tesseract_code(tag) {
        Some(code) if installed.iter().any(|name| name == code) => (code.to_owned(), None),
        Some(code) => (
            DEFAULT.to_owned(),
            Some(format!(
                "The source's language ({tag}) is not installed for OCR, so it was read as English; install Tesseract's \"{code}\" language data to read it properly."
            )),
        ),
        None => (
            DEFAULT.to_owned(),
            Some(format!("Tesseract has no language data for \"{tag}\", so the text was read as English.")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_installed_languages_or_fall_back_to_english() {
        let installed = vec!["eng".to_owned(), "deu".to_owned()];
        assert_eq!(choose("de-CH", &installed), ("deu".to_owned(), None));
        assert_eq!(choose("", &installed), ("eng".to_owned(), None));
        let (code, note) = choose("fr", &installed);
        assert_eq!(code, "eng");
        assert!(note.expect("note").contains("\"fra\""));
        assert_eq!(tesseract_code("zh-Hant"), Some("chi_tra"));
        assert!(choose("xx", &installed).1.is_some());
    }
}
