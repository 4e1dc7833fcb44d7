//! Site furniture: what a web page or a press release wraps around the story.
//!
//! Skip links, share and follow prompts, bylines with no name in them, the author's
//! biography, the publisher's "about us" paragraph, syndication disclaimers, photo
//! credits, copyright lines. Outlets differ in these as a matter of course, so they are
//! kept in the text (the document view shows them, dimmed) but left out of comparison,
//! facts, claim suggestions and titles.
//!
//! A line can be furniture by itself ("Skip to content"); a paragraph is furniture when
//! its first sentence introduces the author or the publisher ("Ana Ruiz is a reporter
//! covering…", "About Northgate Daily"): the sentences after it say more of the same.
//! Credit lines that name the agency behind the story ("Source: AGENCY", "(with inputs
//! from AGENCY)") are not furniture: who the story comes from is a fact to check.

use std::ops::Range;

use super::lexicon;
use super::sentences;

/// Phrases that make a short line furniture wherever they sit in it.
const PROMPTS: &[&str] = &[
    "share this article",
    "share this story",
    "share on",
    "share via",
    "sign up for",
    "newsletter",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "jump to",
    "all rights reserved",
    "related stories",
    "related articles",
    "read more",
    "also read",
    "see also",
    "recommended for you",
    "advertisement",
    "follow us",
    "follow me",
    "like us on",
    "click here",
    "subscribe",
    "cookie",
    "for immediate release",
    "media contact",
    "notes to editors",
    "back to top",
    "print this page",
    "leave a comment",
    "no comments",
    "min read",
    "minute read",
    "listen to this article",
    "getty images",
    "file photo",
    "image source",
];

/// Lines that open with one of these are furniture whatever follows.
const OPENERS: &[&str] = &[
    "copyright",
    "©",
    "(c) ",
    "email:",
    "e-mail:",
    "telephone:",
    "tel:",
    "ends",
    "photo:",
    "photograph:",
    "photo credit",
    "photos:",
    "picture:",
    "image:",
    "image credit",
    "caption:",
    "(photo",
    "disclaimer:",
    "tags:",
    "filed under",
    "posted in",
];

/// Calls to the reader that open a sentence of any length up to `CALL_WORDS`: "Sign up
/// for our morning newsletter to get the day's top stories in your inbox."
const CALLS: &[&str] = &[
    "sign up for",
    "sign up to",
    "subscribe to our",
    "subscribe for",
    "follow us",
    "download our",
    "download the app",
    "get our",
    "join our",
    "click here",
    "don't miss",
    "never miss",
    "want more",
    "support our",
];

/// How long a call to the reader may run.
const CALL_WORDS: usize = 30;

/// Sentences that say the story was syndicated or republished, not what it reports.
const SYNDICATION: &[&str] = &[
    "syndicated feed",
    "has not been edited",
    "not been edited by",
    "auto-generated",
    "automatically generated",
    "originally published",
    "first published",
    "republished",
    "reproduced with permission",
    "views expressed",
    "opinions expressed",
    "does not necessarily reflect",
    "do not necessarily reflect",
    "is published under licence",
    "is published under license",
];

/// Words a byline is made of when it names nobody: "By | Published | No Comments".
const BYLINE_WORDS: &[&str] = &[
    "by",
    "published",
    "updated",
    "posted",
    "on",
    "at",
    "comments",
    "comment",
    "no",
    "min",
    "read",
    "share",
    "last",
    "staff",
    "writer",
    "reporter",
    "editor",
    "admin",
    "am",
    "pm",
    "gmt",
    "utc",
    "|",
    "·",
    "•",
    "-",
    "–",
];

/// Nouns that make "NAME is a …" the author's biography.
const WRITERS: &[&str] = &[
    "reporter",
    "correspondent",
    "journalist",
    "writer",
    "editor",
    "columnist",
    "contributor",
    "freelance",
    "freelancer",
    "photographer",
    "producer",
    "author",
    "analyst covering",
];

/// Nouns that make "NAME is a …" the publisher's "about us".
const PUBLISHERS: &[&str] = &[
    "news organisation",
    "news organization",
    "news agency",
    "news service",
    "news site",
    "news website",
    "news outlet",
    "media company",
    "media group",
    "media organisation",
    "media organization",
    "publisher",
    "publication",
    "newspaper",
    "magazine",
    "newsroom",
    "wire service",
];

/// Whether one line or sentence is furniture by itself.
pub fn is_furniture(sentence: &str) -> bool {
    let lower = sentence.trim().to_lowercase();
    if OPENERS.iter().any(|opener| lower.starts_with(opener)) {
        return true;
    }
    // Navigation bars and "Related stories: a | b | c" lines.
    if lower.matches(" | ").count() >= 2 {
        return true;
    }
    if SYNDICATION.iter().any(|phrase| lower.contains(phrase)) {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() <= 12 && PROMPTS.iter().any(|phrase| lower.contains(phrase)) {
        return true;
    }
    if words.len() <= CALL_WORDS && CALLS.iter().any(|call| lower.replace('’', "'").starts_with(call)) {
        return true;
    }
    is_empty_byline(&words) || is_contact_line(&lower)
}

/// How a line crediting the copy's contributors opens.
const CREDITS: &[&str] = &["reporting by", "additional reporting by", "writing by", "editing by", "compiled by"];

/// Whether a line only signs the copy: a byline naming its writer ("By Ana Ruiz,
/// Northgate Daily") or the contributors' credit ("(Reporting by Ana Ruiz; Editing by
/// Tom Reyes)"). Unlike furniture it names people, so it stays among the facts; but it
/// says who wrote the copy, not what happened, so it is no sentence of the story that
/// one copy has and the other lacks.
pub fn signs_the_copy(sentence: &str) -> bool {
    let line = sentence.trim().trim_start_matches('(').trim_end_matches(')').trim();
    let lower = line.to_lowercase();
    if CREDITS.iter().any(|credit| lower.starts_with(credit)) && line.split_whitespace().count() <= 24 {
        return true;
    }
    let Some(rest) = line.strip_prefix("By ") else { return false };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let signing = |w: &&str| {
        let w = w.trim_matches(|c: char| c.is_ascii_punctuation());
        w.is_empty()
            || w.chars().next().is_some_and(char::is_uppercase)
            || matches!(w, "and" | "in" | "for" | "of")
            || BYLINE_WORDS.contains(&w.to_lowercase().as_str())
            || w.chars().all(|c| c.is_ascii_digit())
    };
    !words.is_empty() && words.len() <= 10 && !line.ends_with('.') && words.iter().all(signing)
}

/// "By | Published 3 May 2024 | No Comments": byline words, dates and separators only.
fn is_empty_byline(words: &[&str]) -> bool {
    let Some(first) = words.first() else { return false };
    let dateish = |w: &str| {
        let w = w.trim_matches(|c: char| c.is_ascii_punctuation());
        w.is_empty()
            || w.chars().all(|c| c.is_ascii_digit() || c == ':')
            || lexicon::MONTHS.contains(&w)
            || lexicon::WEEKDAYS.contains(&w)
    };
    let first = first.trim_end_matches(':');
    // A line that is only a date ("5 May 2026") is when the page went up.
    let only_a_date = words.len() <= 6
        && words.iter().all(|w| dateish(w))
        && words.iter().any(|w| lexicon::MONTHS.contains(&w.trim_matches(|c: char| c.is_ascii_punctuation())));
    only_a_date
        || matches!(first, "by" | "published" | "updated" | "posted")
            && words.len() <= 14
            && words.iter().all(|w| BYLINE_WORDS.contains(&w.trim_matches([',', ':'])) || dateish(w))
}

/// "Follow Ana on X @anaruiz", "You can reach her at ana@example.org".
fn is_contact_line(lower: &str) -> bool {
    let short = lower.split_whitespace().count() <= 16;
    let handle = lower.split_whitespace().any(|w| w.len() > 1 && w.starts_with('@'));
    let email = lower.split_whitespace().any(|w| w.contains('@') && w.contains('.') && !w.starts_with('@'));
    short && (handle || email) && (lower.starts_with("follow") || lower.contains("reach") || lower.contains("contact"))
}

/// Whether a paragraph's first sentence introduces the author or the publisher, which
/// makes the whole paragraph furniture.
fn opens_profile(first: &str) -> bool {
    let lower = first.trim().to_lowercase();
    if lower.starts_with("about the author") || lower.starts_with("about us") {
        return true;
    }
    // "About Northgate Daily" as a heading line of its own.
    if let Some(rest) = first.trim().strip_prefix("About ") {
        let words: Vec<&str> = rest.split_whitespace().collect();
        let capitalised = words.iter().all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
        if !words.is_empty() && words.len() <= 5 && capitalised && !rest.ends_with('.') {
            return true;
        }
    }
    let Some((subject, predicate)) = lower.split_once(" is ").or_else(|| lower.split_once(" has been ")) else {
        return false;
    };
    // The subject is a name: a few words, each capitalised in the original.
    let subject_words = subject.split_whitespace().count();
    let original_subject = first.trim().get(..subject.len()).unwrap_or_default();
    let named = (1..=5).contains(&subject_words)
        && original_subject.split_whitespace().all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    // Whole words only: "e-newspapers" names no newspaper.
    let opening: Vec<&str> = predicate
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(12)
        .collect();
    let says = |phrase: &&str| {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        opening.windows(words.len()).any(|window| window == words.as_slice())
    };
    named && (WRITERS.iter().any(says) || PUBLISHERS.iter().any(says))
}

/// Whether a paragraph's first line is an "About OUTLET" heading, which makes the
/// paragraph after it furniture too.
fn about_heading(first: &str) -> bool {
    let trimmed = first.trim();
    trimmed.to_lowercase().starts_with("about ") && !trimmed.ends_with('.')
}

/// Byte ranges of the paragraphs of `text`: runs of lines between blank lines.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(offset),
            (true, Some(s)) => {
                found.push(s..offset);
                start = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        found.push(s..text.len());
    }
    found
}

/// For each of `sentences` (byte ranges into `text`), whether it is furniture.
pub fn flags(text: &str, sentences: &[Range<usize>]) -> Vec<bool> {
    let mut flags: Vec<bool> =
        sentences.iter().map(|r| is_furniture(text.get(r.clone()).unwrap_or_default())).collect();
    let mut next = 0;
    for paragraph in paragraphs(text) {
        // Sentences starting inside this paragraph, in order.
        while next < sentences.len() && sentences[next].start < paragraph.start {
            next += 1;
        }
        let first = next;
        let mut last = first;
        while last < sentences.len() && sentences[last].start < paragraph.end {
            last += 1;
        }
        // A heading line "About Northgate Daily" makes the paragraph after it furniture too.
        let heading = text.get(paragraph.clone()).is_some_and(|p| p.trim().lines().count() == 1);
        // A profile may follow other furniture in the same paragraph ("Follow us on …"
        // and then "Ana Ruiz is a reporter …" on the next line).
        let profile = |k: usize| opens_profile(text.get(sentences[k].clone()).unwrap_or_default());
        let after_furniture = (first..last).find(|&k| !flags[k]).filter(|&k| k > first && profile(k));
        let opening = if first < last && profile(first) { Some(first) } else { after_furniture };
        if let Some(opening) = opening {
            for flag in &mut flags[opening..last] {
                *flag = true;
            }
            let first_text = text.get(sentences[first].clone()).unwrap_or_default();
            if heading && opening == first && first + 1 == last && about_heading(first_text) {
                let following = last;
                let mut end = following;
                while end < sentences.len() && !text[sentences[following].start..sentences[end].start].contains("\n\n")
                {
                    end += 1;
                }
                for flag in &mut flags[following..end] {
                    *flag = true;
                }
            }
        }
        next = last;
    }
    flags
}

/// Byte ranges of the furniture in `text`, in order: what the document view dims.
pub fn spans(text: &str) -> Vec<Range<usize>> {
    let sentences = sentences::split_bytes(text);
    let flags = flags(text, &sentences);
    let mut spans: Vec<Range<usize>> = Vec::new();
    for (range, _) in sentences.into_iter().zip(flags).filter(|(_, furniture)| *furniture) {
        match spans.last_mut() {
            Some(last) if text.get(last.end..range.start).is_some_and(|gap| gap.trim().is_empty()) => {
                last.end = range.end;
            }
            _ => spans.push(range),
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture_sentences(text: &str) -> Vec<&str> {
        let sentences = sentences::split_bytes(text);
        let flags = flags(text, &sentences);
        sentences.iter().zip(flags).filter(|(_, f)| *f).map(|(r, _)| text[r.clone()].trim()).collect()
    }

    #[test]
    fn lines_of_page_furniture_are_recognised_and_story_sentences_are_not() {
        for line in [
            "Share this article",
            "Sign up for our newsletter",
            "Skip to content",
            "Copyright 2024 Northgate Daily. All rights reserved.",
            "© 2024 Meridian Press Agency",
            "Home | World | Business | Climate",
            "Related stories: Drought slashes harvests | Port expansion | Dam safety",
            "By | Published May 3, 2024 | No Comments",
            "Published: 4 May 2026",
            "5 May 2026",
            "Follow us on Facebook and X",
            "Photo: Lena Marsh / Meridian",
            "This story has not been edited by our staff and is published from a syndicated feed.",
            "Follow Ana on X @anaruiz_news",
            "Sign up for our morning newsletter to get the day's top stories delivered to your inbox.",
            "Don’t miss a story: join our channel on your favourite messaging app today.",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "The minister said the fund would subscribe to new bonds worth 40 million euros over the next five years.",
            "Varenland supported a proposal to give the commission new powers.",
            "Source: Meridian Press Agency",
            "(With inputs from Meridian Press Agency)",
            "By Priya Hallam, Northgate Daily",
            "Sign-ups for the programme close on Friday, the ministry said.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn bylines_and_contributor_credits_sign_the_copy_and_story_sentences_do_not() {
        for line in [
            "By Priya Hallam, Northgate Daily",
            "By Staff Reporter",
            "(Reporting by Ana Lindqvist; additional reporting by Marko Pell)",
            "Editing by Tom Reyes",
        ] {
            assert!(signs_the_copy(line), "{line}");
        }
        for line in [
            "By the time police arrived, the crowd had left.",
            "By Monday the river had fallen.",
            "Reporters by the gate were told to leave.",
        ] {
            assert!(!signs_the_copy(line), "{line}");
        }
    }

    #[test]
    fn an_author_biography_is_furniture_to_its_last_sentence() {
        let text = "The dam opened on Monday. Officials praised it.\n\nTomas Vell is a senior correspondent for the \
                    Coast Herald. He has covered water policy for ten years. He lives in Ostley. Before that he \
                    worked in radio.\n\nThe next meeting is in June.";
        assert_eq!(
            furniture_sentences(text),
            [
                "Tomas Vell is a senior correspondent for the Coast Herald.",
                "He has covered water policy for ten years.",
                "He lives in Ostley.",
                "Before that he worked in radio."
            ]
        );
    }

    #[test]
    fn a_biography_on_the_line_after_a_follow_prompt_is_furniture() {
        let text = "The dam opened on Monday.\n\nFollow us on Facebook for more news.\nTomas Vell is a water \
                    reporter covering dams. He joined in 2019.\n\nThe next meeting is in June.";
        assert_eq!(
            furniture_sentences(text),
            [
                "Follow us on Facebook for more news.",
                "Tomas Vell is a water reporter covering dams.",
                "He joined in 2019."
            ]
        );
    }

    #[test]
    fn a_story_sentence_with_a_publisher_word_inside_another_word_is_not_furniture() {
        let text = "Nordpapir is one of several firms making electronic paper for e-newspapers and e-books.\n\nThe plant in the north will double its output next year.\n";
        assert!(furniture_sentences(text).is_empty(), "{:?}", furniture_sentences(text));
    }

    #[test]
    fn an_about_us_paragraph_is_furniture_but_a_story_about_a_company_is_not() {
        let about = "Votes were counted overnight.\n\nAbout Coast Herald\n\nCoast Herald is an independent news \
                     organisation founded in 1990. It publishes daily.";
        assert_eq!(
            furniture_sentences(about),
            [
                "About Coast Herald",
                "Coast Herald is an independent news organisation founded in 1990.",
                "It publishes daily."
            ]
        );
        let story = "Halvik Water is a utility serving 40,000 homes. It raised prices by 4 percent.";
        assert!(furniture_sentences(story).is_empty());
    }

    #[test]
    fn spans_join_neighbouring_furniture() {
        let text = "Skip to content\nShare this article\n\nThe vote passed.";
        assert_eq!(spans(text), vec![0..34]);
    }
}
