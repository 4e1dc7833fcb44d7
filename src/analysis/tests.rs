//! Discrepancy detection measured on texts written for it: a wire story and rewrites,
//! each made by replacing passages of the wire, with the kind of discrepancy every
//! replacement should (or, for harmless ones, should not) produce.

use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;

use super::*;
use crate::model::SourceId;

pub(super) const WIRE: &str = "\
GRANTHAM FALLS, March 3 (Northline Wire) - The regional council of Estrava voted on Monday to spend 62 million crowns on a new flood barrier along the Pell River, after two winters of damaging floods.

Council leader Ines Vaurel said the barrier would protect about 18,000 homes in the lower town. \"We cannot keep asking families to bail out their kitchens every February,\" Vaurel told reporters after the vote.

The barrier will run from Grantham Falls to Merrow, a distance of 11 kilometres. It will be built by Corvane Engineering, which won the contract ahead of three rival bidders. Work is due to start in June and finish by late 2027.

Opposition councillor Tomas Brenn supported the plan but criticised its cost. He said the council had not consulted residents of the upper valley, according to the Estrava Herald.

The national Environment Agency said the river rose 4.2 metres above its normal level in January, the highest reading since 1998.

Insurance claims from the floods reached 9 million crowns, the regional insurers' association said on Tuesday.

The council will borrow 40 percent of the cost from the national development bank and cover the rest from its reserves.

Residents of Low Street, the worst-hit area, will be offered free sandbags until the barrier is finished. Dr. Hana Ostrova, who chairs the local flood committee, called the vote \"a first step, not the last word\".
";

use DiscrepancyKind::{Attribution, Date, Name, Negation, Number, OnlyInOne, Place, Quote};

/// A rewrite: replacements of wire passages, each with the discrepancy it should make.
type Rewrite = &'static [(&'static str, &'static str, Option<DiscrepancyKind>)];

const REWRITES: &[Rewrite] = &[
    &[
        ("spend 62 million crowns", "spend 26 million crowns", Some(Number)),
        ("Council leader Ines Vaurel", "Council leader Irene Vaurel", Some(Name)),
        ("start in June", "start in July", Some(Date)),
        ("from Grantham Falls to Merrow", "from Grantham Falls to Ostley", Some(Place)),
        ("Tomas Brenn supported the plan", "Tomas Brenn opposed the plan", Some(Negation)),
        (
            "\"We cannot keep asking families to bail out their kitchens every February,\"",
            "\"We cannot keep asking families to bail out their homes every winter,\"",
            Some(Quote),
        ),
        ("according to the Estrava Herald", "according to the Pell Courier", Some(Attribution)),
        (
            "until the barrier is finished. ",
            "until the barrier is finished. The mayor of Merrow welcomed the decision and thanked the engineers. ",
            Some(OnlyInOne),
        ),
        ("criticised its cost", "criticized its cost", None),
        // A name transliterated with another vowel is the same name.
        ("Vaurel told reporters", "Vaurol told reporters", None),
    ],
    &[
        ("GRANTHAM FALLS, March 3", "PELLHAVEN, March 3", Some(Place)),
        ("about 18,000 homes", "about 8,000 homes", Some(Number)),
        ("voted on Monday", "voted on Thursday", Some(Date)),
        ("Vaurel told reporters", "Brenn told reporters", Some(Attribution)),
        ("had not consulted residents", "had consulted residents", Some(Negation)),
        ("built by Corvane Engineering", "built by Corvale Engineering", Some(Name)),
        ("\"a first step, not the last word\"", "\"a first step, not the final word\"", Some(Quote)),
        (
            "The council will borrow 40 percent of the cost from the national development bank and cover the rest from its reserves.\n",
            "",
            Some(OnlyInOne),
        ),
        ("11 kilometres", "11 km", None),
    ],
    &[
        ("the river rose 4.2 metres", "the river rose 2.4 metres", Some(Number)),
        ("finish by late 2027", "finish by late 2028", Some(Date)),
        ("The national Environment Agency said", "The national Weather Service said", Some(Attribution)),
        ("which won the contract", "which lost the contract", Some(Negation)),
        ("Residents of Low Street", "Residents of High Street", Some(Place)),
        ("Dr. Hana Ostrova", "Dr. Hana Orlova", Some(Name)),
        ("Vaurel said the barrier would protect", "Vaurel said the barrier would not protect", Some(Negation)),
        ("40 percent of the cost", "40% of the cost", None),
    ],
    &[
        ("reached 9 million crowns", "reached 19 million crowns", Some(Number)),
        ("the highest reading since 1998", "the highest reading since 1989", Some(Date)),
        ("the regional insurers' association said", "the regional bankers' association said", Some(Attribution)),
        ("along the Pell River", "along the Sava River", Some(Place)),
        ("Opposition councillor Tomas Brenn", "Opposition councillor Tomas Berne", Some(Name)),
        (
            "called the vote \"a first step, not the last word\"",
            "called the vote \"a small step, not the last word\"",
            Some(Quote),
        ),
        ("Work is due to start in June and finish by late 2027.", "", Some(OnlyInOne)),
        ("metres above", "meters above", None),
    ],
    &[
        ("borrow 40 percent", "borrow 60 percent", Some(Number)),
        ("March 3 (Northline Wire)", "March 4 (Northline Wire)", Some(Date)),
        ("Ines Vaurel said the barrier", "Ines Marlow said the barrier", Some(Name)),
        ("three rival bidders", "three rival bidders. The contract is worth 30 million crowns", Some(OnlyInOne)),
        ("to bail out their kitchens", "to empty out their kitchens", Some(Quote)),
        ("supported the plan but", "backed the plan but", None),
        (
            "the regional insurers' association said on Tuesday",
            "the regional insurers' association said on Wednesday",
            Some(Date),
        ),
    ],
];

/// Rewrites that differ from the wire only in ways that do not matter.
const HARMLESS: &[Rewrite] = &[
    &[
        ("criticised", "criticized", None),
        ("11 kilometres", "11 kilometers", None),
        ("4.2 metres", "4.2 meters", None),
        ("40 percent", "40 per cent", None),
        (
            "\"We cannot keep asking families to bail out their kitchens every February,\"",
            "“We cannot keep asking families to bail out their kitchens every February,”",
            None,
        ),
        ("GRANTHAM FALLS, March 3", "Skip to content\n\nShare this article\n\nGRANTHAM FALLS, March 3", None),
        (
            "the last word\".\n",
            "the last word\".\n\nSign up for our newsletter\n\nCopyright 2026 Pell Courier. All rights reserved.\n",
            None,
        ),
    ],
    &[
        ("40 percent", "40%", None),
        ("about 18,000 homes", "about 18000 homes", None),
        ("after two winters of damaging floods.", "after two winters of damaging floods .", None),
        ("Council leader Ines Vaurel said", "Council  leader\nInes Vaurel said", None),
        ("kitchens every February", "kitchens, every February", None),
        ("Opposition councillor Tomas Brenn", "Opposition Councillor Tomas Brenn", None),
    ],
    &[
        // Paragraphs reordered, two sentences merged, one split.
        (
            "Insurance claims from the floods reached 9 million crowns, the regional insurers' association said on Tuesday.\n\n",
            "",
            None,
        ),
        (
            "The council will borrow 40 percent",
            "Insurance claims from the floods reached nine million crowns, the regional insurers' association said on Tuesday.\n\nThe council will borrow 40 percent",
            None,
        ),
        (
            "a distance of 11 kilometres. It will be built by Corvane Engineering, which won",
            "a distance of 11 kilometres, and it will be built by Corvane Engineering. Corvane won",
            None,
        ),
    ],
];

struct Expected {
    kind: DiscrepancyKind,
    left: std::ops::Range<usize>,
    right: std::ops::Range<usize>,
}

fn char_range(text: &str, needle: &str) -> std::ops::Range<usize> {
    let Some(byte) = text.find(needle) else { return 0..0 };
    let start = text[..byte].chars().count();
    start..start + needle.chars().count()
}

/// Applies a rewrite to the wire; returns the text and where each replacement landed.
fn apply(rewrite: Rewrite) -> (String, Vec<Expected>) {
    let mut text = WIRE.to_owned();
    for (old, new, _) in rewrite {
        assert!(WIRE.contains(old), "{old:?} is not in the wire");
        text = text.replacen(old, new, 1);
    }
    let expected = rewrite
        .iter()
        .filter_map(|(old, new, kind)| {
            let kind = (*kind)?;
            let left = if new.is_empty() || !new.contains(old) { char_range(WIRE, old) } else { 0..0 };
            let right = if new.is_empty() { 0..0 } else { char_range(&text, new) };
            // An addition after an unchanged passage: only the added words count.
            let right = if new.contains(old) && !new.is_empty() {
                let added = new.replacen(old, "", 1);
                char_range(&text, added.trim())
            } else {
                right
            };
            Some(Expected { kind, left, right })
        })
        .collect();
    (text, expected)
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a.start < b.end && b.start < a.end
}

fn matches(found: &Discrepancy, expected: &Expected) -> bool {
    let [l, r] = &found.passages;
    found.kind == expected.kind
        && (overlaps(&(l.start..l.end), &expected.left) || overlaps(&(r.start..r.end), &expected.right))
}

fn compare_with_wire(text: &str) -> PairComparison {
    compare_texts((SourceId(1), WIRE), (SourceId(2), text), &AtomicBool::new(false)).expect("not cancelled")
}

#[derive(Default, Debug)]
struct Tally {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
}

/// Precision and recall per kind over all rewrites; prints the table for the README.
fn measure() -> BTreeMap<DiscrepancyKind, Tally> {
    let mut tallies: BTreeMap<DiscrepancyKind, Tally> =
        DiscrepancyKind::ALL.iter().map(|k| (*k, Tally::default())).collect();
    for (n, rewrite) in REWRITES.iter().enumerate() {
        let (text, expected) = apply(rewrite);
        let found = compare_with_wire(&text).discrepancies;
        for discrepancy in &found {
            let tally = tallies.entry(discrepancy.kind).or_default();
            if expected.iter().any(|e| matches(discrepancy, e)) {
                tally.true_positives += 1;
            } else {
                tally.false_positives += 1;
                eprintln!("rewrite {n}: unexpected {:?}: {}", discrepancy.kind, discrepancy.explanation);
            }
        }
        for missed in expected.iter().filter(|e| !found.iter().any(|d| matches(d, e))) {
            tallies.entry(missed.kind).or_default().false_negatives += 1;
            let left = WIRE.chars().skip(missed.left.start).take(missed.left.len()).collect::<String>();
            eprintln!("rewrite {n}: missed {:?} at {left:?}", missed.kind);
        }
    }
    tallies
}

#[test]
fn discrepancies_are_found_by_kind_with_high_precision_and_recall() {
    let tallies = measure();
    let mut table = String::from("| kind | expected | found | precision | recall |\n|---|---|---|---|---|\n");
    for (kind, tally) in &tallies {
        let found = tally.true_positives + tally.false_positives;
        let expected = tally.true_positives + tally.false_negatives;
        let precision = if found == 0 { 1.0 } else { tally.true_positives as f64 / found as f64 };
        let recall = if expected == 0 { 1.0 } else { tally.true_positives as f64 / expected as f64 };
        let row = format!("| {} | {expected} | {found} | {precision:.2} | {recall:.2} |\n", kind.label());
        table.push_str(&row);
        assert!(expected > 0, "the test set has no {kind:?}");
        assert!(precision >= 0.9 && recall >= 0.9, "{kind:?}: {tally:?}\n{table}");
    }
    println!("{table}");
}

#[test]
fn harmless_rewrites_produce_no_discrepancies() {
    for (n, rewrite) in HARMLESS.iter().enumerate() {
        let (text, _) = apply(rewrite);
        let found = compare_with_wire(&text).discrepancies;
        assert!(
            found.is_empty(),
            "harmless rewrite {n}: {:#?}",
            found.iter().map(|d| &d.explanation).collect::<Vec<_>>()
        );
    }
}

#[test]
fn site_furniture_around_a_copy_is_never_a_discrepancy() {
    let saved = format!(
        "Skip to content\n\nBy | Published March 3, 2024 | No Comments\n\n{WIRE}\n\nFollow us on Facebook and X\n\n\
         Mara Quell is a staff reporter for the Lakeside Courier covering regional councils. She joined in 2019. \
         She previously worked for a radio station. She lives with her family near the coast.\n\n\
         About Lakeside Courier\n\nLakeside Courier is an independent regional newspaper. It reaches 80,000 readers.\n\n\
         This story has not been edited by Courier staff and is published from a syndicated feed.\n\n\
         Photo: Ivo Brandt / Lakeside Courier"
    );
    let found = compare_with_wire(&saved).discrepancies;
    assert!(found.is_empty(), "{:#?}", found.iter().map(|d| &d.explanation).collect::<Vec<_>>());
}

#[test]
fn identical_copies_align_row_by_row() {
    let comparison = compare_with_wire(WIRE);
    assert!(comparison.discrepancies.is_empty());
    assert!(comparison.rows.iter().all(|row| row.left == row.right && row.changes.is_empty()));
    assert_eq!(comparison.rows.len(), comparison.left_sentences.len());
    assert!(comparison.repeats.is_empty(), "a copy says nothing twice: {:?}", comparison.repeats);
}

#[test]
fn a_short_sentence_pairs_on_the_one_word_it_shares() {
    // "No arrests were made." says only the arrests, so that one word pairs it.
    let left = "Several hundred strikers marched to the city hall in the afternoon. Police kept a close watch \
                on the march, which passed off peacefully. No arrests were made.";
    let right = "In the afternoon several hundred strikers marched to city hall. Police said two people were \
                 arrested.";
    let found = flagged(left, right);
    assert!(found.contains(&(Number, "No arrests".into(), "two people were arrested".into())), "{found:?}");
}

#[test]
fn a_byline_one_copy_has_is_no_sentence_missing_from_the_other() {
    let left = "By Ana Lindqvist\n\nThe harbour board met on Monday to review the ferry timetable.\n\n\
                (Reporting by Ana Lindqvist; editing by Tom Reyes)";
    let right = "On Monday the harbour board reviewed the ferry timetable.";
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("compares");
    assert!(comparison.discrepancies.is_empty(), "{:#?}", comparison.discrepancies);
}

#[test]
fn a_statement_the_other_copy_makes_twice_is_listed_as_a_repeat() {
    // The right copy restates the fares at its end. Alignment pairs each sentence once,
    // so the restatement is in a row of its own; the repeat says where else it is said.
    let left = "The harbour board met on Monday to review the ferry timetable. \
                Ferry fares will rise by four percent from June, the board said. \
                The board will publish its full accounts in the spring.";
    let right = "On Monday the harbour board reviewed the ferry timetable. \
                 Ferry fares will rise four percent from June, the board said. \
                 Its full accounts will be published by the board in spring. \
                 Fares on the ferry will rise by four percent from June, the board confirmed.";
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("compares");
    let pairs: Vec<(Vec<usize>, Vec<usize>)> =
        comparison.rows.iter().map(|row| (row.left.clone(), row.right.clone())).collect();
    assert_eq!(pairs, [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2]), (vec![], vec![3])]);
    let repeats: Vec<(usize, usize)> = comparison.repeats.iter().map(|r| (r.left, r.right)).collect();
    assert_eq!(repeats, [(1, 3)], "the fares, said twice on the right");
}

#[test]
fn fingerprints_survive_edits_elsewhere_and_dismissals_hide_discrepancies() {
    let (text, _) = apply(REWRITES[0]);
    let first = compare_with_wire(&text);
    let moved = format!("An added opening paragraph about something else entirely.\n\n{text}");
    let second = compare_with_wire(&moved);
    let prints = |c: &PairComparison| {
        c.discrepancies.iter().filter(|d| d.kind != OnlyInOne).map(|d| d.fingerprint.clone()).collect::<Vec<_>>()
    };
    assert_eq!(prints(&first), prints(&second));

    let mut project = crate::model::Project::new("Fingerprints");
    let dismissed = &first.discrepancies[0];
    dismissed.dismiss().apply(&mut project).expect("dismisses");
    assert_eq!(first.open(&project).count(), first.discrepancies.len() - 1);
    assert!(first.open(&project).all(|d| d.fingerprint != dismissed.fingerprint));
}

#[test]
fn relative_days_are_read_against_each_copys_publication_date() {
    let never = AtomicBool::new(false);
    // Wednesday 15 May 2024: its "yesterday" is Tuesday.
    let left = Dated::new(SourceId(1), "The ministers met in Halvik yesterday to sign the accord.", "2024-05-15");
    let agrees = Dated::new(SourceId(2), "The ministers met in Halvik on Tuesday to sign the accord.", "2024-05-16");
    let differs = Dated::new(SourceId(2), "The ministers met in Halvik on Monday to sign the accord.", "2024-05-16");
    assert!(compare_dated(left, agrees, &never).expect("runs").discrepancies.is_empty());
    let found = compare_dated(left, differs, &never).expect("runs").discrepancies;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, DiscrepancyKind::Date);
    assert_eq!([found[0].passages[0].exact.as_str(), found[0].passages[1].exact.as_str()], ["yesterday", "Monday"]);
    // Without a date "yesterday" names no day and is not compared.
    let undated = Dated::new(SourceId(1), left.text, "");
    assert!(compare_dated(undated, differs, &never).expect("runs").discrepancies.is_empty());
}

#[test]
fn punctuation_and_scripts_of_every_kind_compare_without_a_panic() {
    // Pieces that sit next to stops, quotes and names in real copy; every order of
    // three of them, compared against each other.
    let pieces = [
        "“signed”.",
        "«non».",
        "Zürich’s",
        "—",
        "大坝很安全。",
        "e\u{301}te\u{301}",
        "U.S.",
        "Mr.",
        "\"open",
        "(Reuters) -",
        "1,5 million",
        "$2bn.",
        "O'Neill",
        "’",
        "...",
        "!?",
        "Kyiv.",
        "\u{2029}",
    ];
    let never = AtomicBool::new(false);
    for a in &pieces {
        for b in &pieces {
            for c in &pieces {
                let left = format!("{a} the minister {b} said {c} in Paris on Monday.");
                let right = format!("{c} Ivan Petrov {a} told {b} in Lyon on Tuesday");
                let compared = compare_texts((SourceId(1), &left), (SourceId(2), &right), &never);
                assert!(compared.is_ok(), "{left:?} / {right:?}");
                let facts = super::facts::table::build(&[(SourceId(1), &left), (SourceId(2), &right)], &never);
                assert!(facts.is_ok());
            }
        }
    }
}

#[test]
fn comparing_is_cancellable() {
    let cancel = AtomicBool::new(true);
    assert_eq!(compare_texts((SourceId(1), WIRE), (SourceId(2), WIRE), &cancel).err(), Some(Cancelled));
}

#[test]
fn the_sample_projects_conflicts_are_found_between_its_sources() {
    let project = crate::store::load(&crate::sample_project_path()).expect("sample loads").project;
    let (wire, rewrite) = (SourceId(1), SourceId(2));
    let comparison = compare(&project, &[wire, rewrite], &AtomicBool::new(false)).expect("compares");
    let pair = &comparison.pairs[0];
    let mut described = 0;
    for (id, conflict) in &project.conflicts {
        let on = |source: SourceId| conflict.passages.iter().find(|p| p.source == source);
        let (Some(left), Some(right)) = (on(wire), on(rewrite)) else { continue };
        described += 1;
        let found = pair.discrepancies.iter().any(|d| {
            d.kind.conflict_kind() == conflict.kind && d.passages[0].overlaps(left) && d.passages[1].overlaps(right)
        });
        assert!(
            found,
            "conflict {id} ({:?}: {}) not found among {:#?}",
            conflict.kind,
            conflict.summary,
            pair.discrepancies.iter().map(|d| (&d.kind, &d.explanation)).collect::<Vec<_>>()
        );
    }
    assert_eq!(described, 5, "the sample has five conflicts between the wire and the rewrite");
}

#[test]
fn near_twin_sentences_pair_in_reading_order() {
    // Two reports of one cluster: each middle sentence on the left looks like both middle
    // sentences on the right. Best-first matching alone crosses them; reading order, kept
    // by the neighbours, says which is which.
    let left = "The harbour board met on Monday to review the ferry timetable. \
                Mara Okafor, the chair, was paid 90,000 pounds in salary last year. \
                Okafor was paid 70,000 pounds in salary the year before, the accounts show. \
                The board will publish its full accounts in the spring.";
    let right = "On Monday the harbour board reviewed the ferry timetable. \
                 The chair took home 85,000 pounds in salary and bonus over the year. \
                 Mara Okafor, the chair, was paid 90,000 pounds in salary last year. \
                 Its full accounts will be published by the board in spring.";
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("compares");
    let pairs: Vec<(Vec<usize>, Vec<usize>)> =
        comparison.rows.iter().map(|row| (row.left.clone(), row.right.clone())).collect();
    assert_eq!(pairs, [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2]), (vec![3], vec![3])]);
}

#[test]
fn a_sentence_in_its_partners_place_wins_over_a_near_copy_elsewhere() {
    // The left copy repeats the fares sentence at its end almost as the right copy words
    // it; the paraphrase between the same neighbours is the sentence's partner.
    let left = "The harbour board met on Monday to review the ferry timetable. \
                Ferry fares will rise by four percent from June, the board said. \
                The board will publish its full accounts in the spring. \
                Fares on the ferry are to go up four percent in June, the board said on Monday.";
    let right = "On Monday the harbour board reviewed the ferry timetable. \
                 Fares on the ferry will go up four percent in June, the board said on Monday. \
                 Its full accounts will be published by the board in spring.";
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("compares");
    let pairs: Vec<(Vec<usize>, Vec<usize>)> =
        comparison.rows.iter().map(|row| (row.left.clone(), row.right.clone())).collect();
    assert_eq!(pairs, [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2]), (vec![3], vec![])]);
    let repeats: Vec<(usize, usize)> = comparison.repeats.iter().map(|r| (r.left, r.right)).collect();
    assert_eq!(repeats, [(3, 1)], "the near copy at the end says what the partner says");
}

#[test]
fn twins_on_either_side_of_a_moved_sentence_pair_in_reading_order() {
    // Each copy words the fares twice, and the copies cannot be told apart by their
    // words; the right copy also moves the chair's pay between them, so no twin keeps a
    // paired neighbour. Reading order still says which twin is which.
    let left = "The harbour board met on Monday to review the ferry timetable. \
                Fares will rise by four percent from June, the board said. \
                Mara Okafor, the chair, was paid 90,000 pounds in salary last year. \
                Fares will rise four percent in June, the board said on Monday. \
                The board will publish its full accounts in the spring.";
    let right = "On Monday the harbour board reviewed the ferry timetable. \
                 The chair, Mara Okafor, took home 90,000 pounds in salary last year. \
                 Fares will rise four percent from June, the board said on Monday. \
                 Fares will rise by four percent in June, the board said. \
                 Its full accounts will be published by the board in spring.";
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("compares");
    let pairs: Vec<(Vec<usize>, Vec<usize>)> =
        comparison.rows.iter().map(|row| (row.left.clone(), row.right.clone())).collect();
    assert_eq!(
        pairs,
        [(vec![0], vec![0]), (vec![1], vec![2]), (vec![2], vec![1]), (vec![3], vec![3]), (vec![4], vec![4])]
    );
}

#[test]
fn of_two_twins_the_one_in_reading_order_takes_the_pair_and_shows_its_change() {
    // The right copy moves the fares sentence one place down, writes a different rise
    // into it, and repeats the sentence unchanged at its end. The unchanged twin is the
    // closer match, but pairing it would cross the copies' reading order and hide the
    // change the analyst must see.
    let left = "The harbour board met on Monday to review the ferry timetable. \
                Fares will rise by four percent from June, the board said. \
                Mara Okafor, the chair, was paid 90,000 pounds in salary last year. \
                The board will publish its full accounts in the spring.";
    let right = "On Monday the harbour board reviewed the ferry timetable. \
                 The chair, Mara Okafor, took home 90,000 pounds in salary last year. \
                 Fares will rise by nine percent from June, the board said. \
                 Its full accounts will be published by the board in spring. \
                 Fares will rise by four percent from June, the board said.";
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("compares");
    let pairs: Vec<(Vec<usize>, Vec<usize>)> =
        comparison.rows.iter().map(|row| (row.left.clone(), row.right.clone())).collect();
    assert_eq!(
        pairs,
        [(vec![0], vec![0]), (vec![1], vec![2]), (vec![2], vec![1]), (vec![3], vec![3]), (vec![], vec![4])]
    );
    assert_eq!(flagged_as(Number, left, right), [("four".to_owned(), "nine".to_owned())]);
}

/// What comparing two texts flags: each discrepancy's kind and its two passages.
fn flagged(left: &str, right: &str) -> Vec<(DiscrepancyKind, String, String)> {
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("compares");
    comparison
        .discrepancies
        .iter()
        .map(|d| (d.kind, d.passages[0].exact.clone(), d.passages[1].exact.clone()))
        .collect()
}

/// The passages of the discrepancies of one kind that comparing two texts flags.
fn flagged_as(kind: DiscrepancyKind, left: &str, right: &str) -> Vec<(String, String)> {
    flagged(left, right).into_iter().filter(|(found, _, _)| *found == kind).map(|(_, l, r)| (l, r)).collect()
}

/// `flagged`, written as a test states what it expects.
fn expect_flags(found: &[(DiscrepancyKind, &str, &str)]) -> Vec<(DiscrepancyKind, String, String)> {
    found.iter().map(|&(kind, left, right)| (kind, left.to_owned(), right.to_owned())).collect()
}

#[test]
fn the_city_a_capital_is_named_by_is_the_place_stated() {
    // "the Belsk capital Hollin" states Hollin; Belsk, which the other copy also names,
    // only says whose capital it is.
    let left =
        "Foreign Minister Ana Kovel met her Belsk counterpart in Korval on Tuesday to reopen the grain corridor.";
    let right = "Ana Kovel, the foreign minister, met her counterpart on Tuesday in the Belsk capital Hollin to reopen the grain corridor.";
    let places: Vec<_> = flagged(left, right).into_iter().filter(|(kind, _, _)| *kind == Place).collect();
    assert_eq!(places, expect_flags(&[(Place, "Korval", "Hollin")]));
}

#[test]
fn a_figure_is_not_used_up_by_one_counting_something_else_and_a_not_dropped_from_a_quote_shows() {
    let left = "Exports fell 3 percent in the first quarter, the bank said. \"We are not facing a crisis,\" the governor said.";
    let harmless = "In the first three months of the year exports dropped by 3%, according to the bank. \
                    \"This is not a crisis,\" the governor said.";
    let changed = "In the first three months of the year exports dropped by 5%, according to the bank. \
                   \"This is a crisis,\" the governor said.";
    assert_eq!(flagged(left, harmless), []);
    assert_eq!(flagged(left, changed), expect_flags(&[(Number, "3", "5"), (Negation, "are not", "is")]));
}

#[test]
fn figures_written_another_way_are_not_flagged_but_a_changed_one_is() {
    let left = "The company said on March 3 that revenue rose to $3.2bn in 2024, up 12 per cent from a year earlier. \
                About two-thirds of its sales now come from Asia, and half of its 4,000 workers are based in India. \
                Shares in the firm fell 2.5% to 41.20 euros by 10 a.m. in Frankfurt.";
    let paraphrase = "Revenue climbed to 3.2 billion dollars last year, a 12% increase on 2023, the company said on 3 March. \
                      Roughly two thirds of sales are now made in Asia, while 2,000 of its 4,000 employees work in India. \
                      The firm's shares dropped 2.5 percent to €41.20 by 10:00 in Frankfurt.";
    assert_eq!(flagged(left, paraphrase), []);
    let changed = paraphrase.replace("to 3.2 billion dollars", "to 3.7 billion dollars");
    assert_eq!(flagged(left, &changed), expect_flags(&[(Number, "$3.2bn", "3.7 billion")]));
}

#[test]
fn twice_is_a_multiplier_and_likely_and_unchanged_have_opposites() {
    let left = "Rainfall in Morava was more than twice the monthly average, and more storms were likely.";
    let same = "Rain across Morava reached more than two times the monthly average; more storms were likely.";
    assert_eq!(flagged(left, same), []);
    let changed = "Rain across Morava reached more than three times the monthly average; more storms were unlikely.";
    assert_eq!(flagged(left, changed), expect_flags(&[(Number, "twice", "three"), (Negation, "likely", "unlikely")]));
    assert_eq!(
        flagged("Orlen kept its dividend unchanged at 1.20 crowns.", "Orlen raised its dividend to 1.20 crowns."),
        expect_flags(&[(Negation, "unchanged", "raised")])
    );
}

#[test]
fn a_figure_pairs_with_one_it_could_be_before_one_read_first() {
    // "three months" comes first on the left but can be no sum of crowns.
    let left = "Net profit for the three months to December fell to 212 million crowns from 247 million.";
    let right = "Net income in the quarter came to 212 million crowns, against 274 million crowns.";
    assert_eq!(flagged(left, right), expect_flags(&[(Number, "247 million", "274 million")]));
}

#[test]
fn a_tally_is_read_whole_however_it_is_written() {
    // Among other figures, the two halves of a tally count nothing the other copy's
    // figures are said to count, so only the tally read whole shows the change.
    let left = "The Halvik court voted 4-1 on Tuesday to uphold the 2019 ban on 12 night flights.";
    let same = "On Tuesday the Halvik court upheld the 2019 ban on 12 night flights by four votes to one.";
    assert_eq!(flagged(left, same), []);
    let changed = "On Tuesday the Halvik court upheld the 2019 ban on 12 night flights by three votes to two.";
    assert_eq!(flagged(left, changed), expect_flags(&[(Number, "4-1", "three votes to two")]));
    assert_eq!(
        flagged("The council voted 14-5 to approve the plan.", "The council voted 12-7 to approve the plan."),
        expect_flags(&[(Number, "14-5", "12-7")])
    );
}

#[test]
fn reversals_written_in_other_words_are_found() {
    let left = "The parliament approved the budget on Thursday after a six-hour debate. \
                The court upheld the ban on public protests near the palace. \
                Investors were not convinced by the plan, analysts said.";
    let right = "Lawmakers rejected the budget on Thursday following six hours of debate. \
                 Judges overturned the ban on public demonstrations close to the palace. \
                 Analysts said investors were convinced by the plan.";
    assert_eq!(
        flagged(left, right),
        expect_flags(&[
            (Negation, "approved", "rejected"),
            (Negation, "upheld", "overturned"),
            (Negation, "were not", "were")
        ])
    );
}

#[test]
fn negatives_written_without_a_negative_word_are_not_reversals() {
    let left = "The economy has yet to show sustainable growth. \
                The two banks neither admit nor deny the charges. \
                Larger publishers decided against pursuing the books group.";
    let right = "But the economy hasn't shown sustainable growth. \
                 The two banks did not admit or deny the charges. \
                 Larger publishers decided not to pursue the books group.";
    assert_eq!(flagged(left, right), []);
}

#[test]
fn a_not_in_a_clause_about_a_person_is_no_reversal_of_the_main_verb() {
    let left = "The injured driver was taken to Porto General Hospital, where he later died, police said.";
    let right = "The driver, who was not named, was taken to Porto General Hospital and died there.";
    assert_eq!(flagged(left, right), []);
    // Negated in such a clause on both sides' terms, it still reverses the sentence.
    let left = "Officials who were briefed on the plan said it would go ahead.";
    let right = "Officials who were not briefed on the plan said it would go ahead.";
    assert_eq!(flagged(left, right), expect_flags(&[(Negation, "were", "were not")]));
}

#[test]
fn an_auxiliary_before_a_negative_word_is_no_plain_statement() {
    let left = "The council has approved the harbour budget twice, but the assembly has failed to do so.";
    let right = "The council has not approved a harbour budget in two years, but the assembly has not.";
    assert_eq!(flagged(left, right), expect_flags(&[(Negation, "has", "has not")]));
}

#[test]
fn the_last_word_of_a_quotation_leads_to_no_place() {
    // "give in," is no "in" before a place: the name after it is the speaker.
    assert_eq!(
        flagged("\"We will not give in,\" Daskal told reporters.", "\"We will not give in,\" Marsh told reporters."),
        expect_flags(&[(Attribution, "Daskal", "Marsh")])
    );
    assert_eq!(
        flagged("The talks were held in Daskal on Monday.", "The talks were held in Marsh on Monday."),
        expect_flags(&[(Place, "Daskal", "Marsh")])
    );
}

#[test]
fn a_quotation_credited_to_the_other_person_both_copies_name_is_a_changed_speaker() {
    let left = "Lena Marsh, who leads the union, called the strike on Monday. The port chairman, Ivo Daskal, \
                said he was open to talks. \"We will not give up the night shifts,\" Marsh told reporters \
                outside the gate.";
    let right = "The strike was called on Monday by union leader Lena Marsh. Ivo Daskal, who chairs the port, \
                 said he remained willing to talk. Daskal told journalists at the entrance that nobody would \
                 give up the night shifts.";
    assert_eq!(flagged(left, right), expect_flags(&[(Attribution, "Marsh", "Daskal")]));
    // Outlets often quote different people: a speaker the other copy never names is
    // no changed speaker.
    let elsewhere = right.replace("Ivo Daskal, who chairs the port, said he remained willing to talk. ", "");
    assert_eq!(
        flagged(&left.replace("The port chairman, Ivo Daskal, said he was open to talks. ", ""), &elsewhere),
        []
    );
}

#[test]
fn a_denied_object_says_what_a_denied_verb_says() {
    let left = "\"We will not accept a roster that puts our members at risk,\" the union leader said.";
    let right = "\"We will accept no roster that endangers our members,\" the union leader said.";
    assert_eq!(flagged(left, right), []);
    let reversed = "\"We will accept a roster that endangers our members,\" the union leader said.";
    assert_eq!(flagged(left, reversed), expect_flags(&[(Negation, "will not", "will")]));
}

#[test]
fn an_opposite_denied_says_what_the_other_copy_states() {
    let left = "The minister said talks with Lisbon would not stop.";
    assert_eq!(flagged(left, "The minister said on Monday that talks with Lisbon would continue."), []);
    assert_eq!(
        flagged(
            "The minister said talks with Lisbon would stop.",
            "The minister said talks with Lisbon would continue."
        ),
        expect_flags(&[(Negation, "stop", "continue")])
    );
    // The opposite may stand anywhere in the sentence, after another verb.
    assert_eq!(
        flagged(
            "\"Her remarks were wrong and the decision was an easy one,\" the Orlen spokesman said.",
            "\"She made a wrong remark and the decision to drop the show was not difficult,\" the Orlen spokesman said."
        ),
        []
    );
}

#[test]
fn what_could_be_done_against_what_could_not_is_a_reversal() {
    let reversed = |left: &str, right: &str| flagged_as(Negation, left, right);
    assert_eq!(
        reversed(
            "\"The collapse was entirely preventable,\" she said.",
            "\"The collapse could not have been prevented,\" she said."
        ),
        [("preventable".to_owned(), "could not have been prevented".to_owned())]
    );
    assert_eq!(
        reversed(
            "The crash was unavoidable, the inquiry found.",
            "The crash could have been avoided, the inquiry found."
        ),
        [("unavoidable".to_owned(), "could have been avoided".to_owned())]
    );
    assert_eq!(
        reversed(
            "The crash was avoidable, the inquiry found.",
            "The crash could have been avoided, the inquiry found."
        ),
        []
    );
}

#[test]
fn a_verb_one_copy_failed_to_do_that_the_other_says_was_done_is_a_reversal() {
    let reversed = |left: &str, right: &str| flagged_as(Negation, left, right);
    assert_eq!(
        reversed(
            "The court ruled that the ministry had failed to assess the risk to the river.",
            "The court found that ministers had properly assessed the risk to the river."
        ),
        [("failed to".to_owned(), "assessed".to_owned())]
    );
    // An infinitive states nothing done: "tries to stay" is no "stayed".
    assert_eq!(
        reversed(
            "The krone will be in focus as it tries to stay above 90 cents.",
            "The krone was in focus as it struggled and failed to stay above 90 cents."
        ),
        []
    );
}

#[test]
fn or_not_closing_a_choice_denies_nothing() {
    let left = "The regional council has drawn up rules to help towns decide whether to merge their ports or not.";
    let right = "A regional council panel has not issued rules to towns on how to merge their ports and harbours.";
    assert_eq!(flagged_as(Negation, left, right), [("has".to_owned(), "has not".to_owned())]);
}

#[test]
fn a_negative_before_until_only_says_when() {
    let when = |left: &str, right: &str| flagged_as(Negation, left, right);
    assert_eq!(
        when(
            "The harbour vote isn't until May 9, after 20 other towns have voted.",
            "The harbour vote will be on May 9, after 20 other towns have voted."
        ),
        []
    );
    assert_eq!(
        when(
            "The ferry line will not open until 2027, the port said.",
            "The ferry line will open in 2027, the port said."
        ),
        []
    );
}

#[test]
fn a_sentence_the_other_copy_merges_into_its_neighbour_joins_that_row() {
    // The right copy merges the left's two sentences into one; the second repeats only
    // "the minister" of the first and adds when the treaty is signed.
    let left = "Finance Minister Ama Owusu presented the draft treaty. The minister said it would be signed in June.";
    let right = "The draft treaty was presented by Finance Minister Ama Owusu, who said it would be signed in July.";
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("compares");
    let pairs: Vec<(Vec<usize>, Vec<usize>)> =
        comparison.rows.iter().map(|row| (row.left.clone(), row.right.clone())).collect();
    assert_eq!(pairs, [(vec![0, 1], vec![0])]);
    assert_eq!(flagged(left, right), expect_flags(&[(Date, "June", "July")]));
}

#[test]
fn a_sentence_split_off_a_long_one_joins_its_row_and_shows_its_changed_place() {
    let left = "Port workers returned on Thursday. Transport Minister Elena Daskal met union leaders in Lisbon \
                on Wednesday evening and agreed to a 9 percent pay rise over two years, according to a statement \
                from her ministry.";
    let right = "Port workers returned on Thursday. The deal came after Transport Minister Elena Daskal sat down \
                 with union representatives in Porto on Wednesday night. The ministry said she agreed to raise pay \
                 by 9 percent over two years.";
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("compares");
    let pairs: Vec<(Vec<usize>, Vec<usize>)> =
        comparison.rows.iter().map(|row| (row.left.clone(), row.right.clone())).collect();
    assert_eq!(pairs, [(vec![0], vec![0]), (vec![1], vec![1, 2])]);
    assert_eq!(flagged(left, right), expect_flags(&[(Place, "Lisbon", "Porto")]));
}

#[test]
fn a_sentence_split_off_in_other_words_joins_its_row() {
    // "agreement" for "deal", "negotiations" for "talks": the split-off sentence shares
    // only "14 hours" word for word.
    let left = "Ministers met in Lisbon. The deal, reached after 14 hours of talks, still needs the approval of \
                parliament, which is expected to vote on it in January.";
    let right = "Ministers met in Lisbon. The agreement came after 14 hours of negotiations. It must still be \
                 approved by parliament, which is due to vote in January.";
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("compares");
    let pairs: Vec<(Vec<usize>, Vec<usize>)> =
        comparison.rows.iter().map(|row| (row.left.clone(), row.right.clone())).collect();
    assert_eq!(pairs, [(vec![0], vec![0]), (vec![1], vec![1, 2])]);
}

#[test]
fn a_sentence_turned_into_its_opposite_by_a_negative_word_is_a_reversal() {
    let reversal = |left: &str, right: &str, words: (&str, &str)| {
        assert_eq!(flagged(left, right), expect_flags(&[(Negation, words.0, words.1)]), "{left} / {right}");
    };
    reversal(
        "Neither side has agreed to the ceasefire, officials said.",
        "Both sides have agreed to the ceasefire, officials said.",
        ("Neither", "Both sides have"),
    );
    reversal(
        "The company has no plans to close the factory.",
        "The company plans to close the factory.",
        ("no", "plans"),
    );
    reversal(
        "Nobody was injured in the blast, police said.",
        "Several people were injured in the blast, police said.",
        ("Nobody", "Several people were"),
    );
    // The negative said another way is no reversal.
    for (left, right) in [
        ("The cost of the posts was not disclosed.", "No details of the cost of the posts were given."),
        (
            "The firm paid penalties for not meeting its targets.",
            "The firm paid penalties for failing to meet its targets.",
        ),
    ] {
        assert_eq!(flagged(left, right), [], "{left} / {right}");
    }
}

#[test]
fn a_verb_denied_with_do_that_the_other_copy_states_is_a_reversal() {
    let reversals = |left: &str, right: &str| flagged_as(Negation, left, right);
    assert_eq!(
        reversals(
            "\"We did not give in to pressure, we listened,\" the minister told reporters.",
            "The minister said the government had given in to pressure rather than listened.",
        ),
        [("did not".to_owned(), "given".to_owned())]
    );
    assert_eq!(
        reversals(
            "The council did not approve the harbour plan on Monday, officials said.",
            "Officials said the council approved the plan for the harbour at its Monday meeting.",
        ),
        [("did not".to_owned(), "approved".to_owned())]
    );
    for (left, right) in [
        // The verb goes on otherwise: another statement.
        ("The minister did not say when the talks would resume.", "The minister said the talks would resume soon."),
        // Both copies say something negative.
        ("The board did not comment on the offer.", "The board declined to comment on the offer."),
        // A "not" hyphened into a compound denies nothing.
        ("The do-not-call list covers calls from firms.", "The list covers calls from firms."),
    ] {
        assert_eq!(reversals(left, right), [], "{left} / {right}");
    }
    let plea = reversals("He entered a not-guilty plea on Monday.", "He entered a guilty plea on Monday.");
    assert_eq!(plea.len(), 1, "{plea:?}");
}

#[test]
fn a_figure_that_counts_nothing_pairs_with_one_that_counts_nothing_before_a_span_of_days() {
    let numbers = flagged_as(
        Number,
        "Officials reported 126 new cases in the week to Sunday, up from 87 the week before.",
        "New infections rose to 126 in the seven days ending Sunday, compared with 78 a week earlier.",
    );
    assert_eq!(numbers, [("87".to_owned(), "78".to_owned())]);
}

#[test]
fn a_year_pairs_with_the_year_after_the_same_word() {
    let years = flagged_as(
        Date,
        "By 2030, rail freight will be worth $9 billion, double that of five years earlier.",
        "By 2032 rail freight will be worth double that of 2025: $9 billion.",
    );
    assert_eq!(years, [("2030".to_owned(), "2032".to_owned())]);
}

#[test]
fn nobody_hurt_against_a_count_of_the_hurt_is_a_changed_toll() {
    assert_eq!(
        flagged_as(
            Number,
            "No deaths have been reported, but 19 people were taken to hospital.",
            "Two people have died, and 19 were taken to hospital."
        ),
        [("No deaths".to_owned(), "Two people have died".to_owned())]
    );
    assert_eq!(
        flagged_as(Number, "Nobody was hurt when the roof fell.", "Four workers were injured when the roof fell."),
        [("Nobody was hurt".to_owned(), "Four workers were injured".to_owned())]
    );
    assert_eq!(
        flagged_as(Number, "Nobody was arrested at the march.", "Police said two people were arrested at the march."),
        [("Nobody was arrested".to_owned(), "two people were arrested".to_owned())]
    );
    // Nobody both ways, however worded, and no speaker changed before "officials said".
    assert_eq!(flagged("No deaths were reported, officials said.", "No one died, officials said."), []);
}

#[test]
fn the_whole_a_part_is_counted_of_is_one_slot() {
    assert_eq!(
        flagged_as(
            Number,
            "Rescuers had found four of the 12-strong team lost on the ridge by nightfall.",
            "Rescuers found four of the 20 climbers who were lost on the ridge by nightfall."
        ),
        [("12".to_owned(), "20".to_owned())]
    );
}

#[test]
fn a_datelines_date_pairs_only_with_a_datelines_date() {
    let left = "HALVIK, Oct 2 (Meridian Press) - The bank said it could cut rates as early as November.";
    let right = "Halvik - The bank said a cut could come as soon as December.";
    assert_eq!(flagged_as(Date, left, right), [("November".to_owned(), "December".to_owned())]);
    let filed = flagged_as(
        Date,
        "HALVIK, Oct 2 (Meridian Press) - The bank held rates.",
        "HALVIK, Nov 2 (Meridian Press) - The bank held rates.",
    );
    assert_eq!(filed, [("Oct".to_owned(), "Nov".to_owned())]);
}

#[test]
fn both_alternatives_turned_around_are_two_reversals() {
    let reversals = flagged_as(
        Negation,
        "He said the bank would either hold or lower rates at its next meeting, ruling out an increase.",
        "He said that at its next meeting the bank would either hold or raise rates, ruling out a cut.",
    );
    assert_eq!(reversals, [("lower".to_owned(), "raise".to_owned()), ("increase".to_owned(), "cut".to_owned())]);
}

#[test]
fn a_changed_rank_is_a_number_but_ranks_of_different_things_are_not_compared() {
    assert_eq!(
        flagged(
            "Northbank, the country's third-largest lender, cut 300 jobs.",
            "Northbank, the second-largest lender in the country, cut 300 jobs."
        ),
        expect_flags(&[(Number, "third", "second")])
    );
    assert_eq!(
        flagged(
            "It will be followed in November by a third film in the series.",
            "The film is the second of a trilogy that ends in November."
        ),
        []
    );
}

#[test]
fn prices_given_at_different_moments_of_the_trading_day_are_not_a_changed_figure() {
    let numbers = |left: &str, right: &str| flagged_as(Number, left, right);
    // A morning price against the close: both can be right.
    let morning = "Harrow Mills shares rose 12 cents to 13.60 crowns in morning trading on the Kessary exchange.";
    let close = "Harrow Mills shares closed up 14 cents at 13.62 crowns on the Kessary exchange.";
    assert_eq!(numbers(morning, close), []);
    // The same moment in both copies: a changed figure.
    let at_midday =
        numbers("Harrow Mills shares were up 3 percent at midday.", "Harrow Mills shares were up 6 percent at midday.");
    assert_eq!(at_midday, [("3".to_owned(), "6".to_owned())]);
    // What names the index does not move with the market.
    let index = numbers(
        "The Kessary 40 index fell 5.2 points, or 0.6 percent, as of 9:33 a.m.",
        "The broader Kessary 60 index shed 9 points, or 0.98 percent, to 921.",
    );
    assert_eq!(index, [("40".to_owned(), "60".to_owned())]);
    // A price whose move, share and level all differ was taken at another moment, on
    // another day; one figure changed among figures that agree is an error.
    let kinds = |left: &str, right: &str| flagged(left, right).into_iter().map(|(kind, _, _)| kind).collect::<Vec<_>>();
    let moved = kinds(
        "Harrow Mills shares fell 59 cents, or 9.8 percent, to 5.41 crowns on Tuesday.",
        "Harrow Mills shares fell 45 cents, or 7.5 percent, to 5.55 crowns on Wednesday.",
    );
    assert_eq!(moved, []);
    let one_changed = numbers(
        "Harrow Mills shares fell 59 cents, or 9.8 percent, to 5.41 crowns on Tuesday.",
        "Harrow Mills shares fell 95 cents, or 9.8 percent, to 5.41 crowns on Tuesday.",
    );
    assert_eq!(one_changed, [("59".to_owned(), "95".to_owned())]);
    // An exchange named on one side makes it a market; a time "at 0841 GMT" is a
    // moment; the volume traded moves with the market too.
    let on_exchange = kinds(
        "Harrow Mills, which makes paper, fell 59 cents, or 9.8 percent, to $5.41.",
        "Harrow Mills (nasdaq: HRWM), which makes paper, fell 45 cents, or 7.5 percent, to $5.55.",
    );
    assert_eq!(on_exchange, []);
    let at_a_time = numbers(
        "Harrow Mills shares closed 3.8 percent up in Korval at 15.78 crowns.",
        "Harrow Mills shares were 0.3 percent up at 15.62 crowns in Korval at 0841 GMT.",
    );
    assert_eq!(at_a_time, []);
    let volume = numbers(
        "Trading was light at 500.22 million shares, below the 611.45 million of Thursday.",
        "Trading was light at 1.05 billion shares, below the 1.19 billion of Thursday.",
    );
    assert_eq!(volume, []);
    // Cents of a named currency move with the market, and so the days differ too.
    let canadian = kinds(
        "Harrow Mills shares rose 6 Canadian cents to C$3.80 in Korval on Friday.",
        "Harrow Mills shares were up 13 Canadian cents or 3.2 percent at C$3.93 late Monday morning.",
    );
    assert_eq!(canadian, []);
    // "As much as" outside a market is an ordinary figure.
    let fund = numbers(
        "The fund lost as much as 12 percent of its value in the storm.",
        "The fund lost 16 percent of its value in the storm.",
    );
    assert_eq!(fund, [("12".to_owned(), "16".to_owned())]);
}

#[test]
fn a_place_pairs_with_the_place_in_the_same_slot_and_a_sentence_opener_is_no_first_name() {
    let places = |left: &str, right: &str| flagged_as(Place, left, right);
    let slot = places(
        "Kessary is wary of involvement, given its commitments in Belgium and Norway.",
        "Kessary is wary of deep involvement in Liberia given commitments in Portugal and Norway.",
    );
    assert_eq!(slot, [("Belgium".to_owned(), "Portugal".to_owned())]);
    // A place changed in its frame of words conflicts, even where the other copy names
    // a country elsewhere that the new place lies in.
    let framed = places(
        "Meanwhile, the U.S. civilian administrator for Belgium, Ana Kovel, visited the north.",
        "Elsewhere, the American administrator for Texas, Ana Kovel, visited the north.",
    );
    assert_eq!(framed, [("Belgium".to_owned(), "Texas".to_owned())]);
    // "in" a place names where something happened: a wider or narrower place there,
    // in the same words, is another scope, though one lies in the other.
    let scope = places(
        "The theft was the largest in Europe in a decade, the insurers said.",
        "Curators called it the boldest theft in Norway in a decade.",
    );
    assert_eq!(scope, [("Europe".to_owned(), "Norway".to_owned())]);
    // A known place against one known only from its cue, "in" the same words.
    let cued = places(
        "Minister Ana Kovel met union leaders in Lisbon on Wednesday evening.",
        "Minister Ana Kovel sat down with union representatives in Halvik on Wednesday night.",
    );
    assert_eq!(cued, [("Lisbon".to_owned(), "Halvik".to_owned())]);
    let misspelt = places("The fund invests in Norway's oil and gas.", "The fund invests in Norways oil and gas.");
    assert!(misspelt.is_empty(), "{misspelt:?}");
    let same_scope = places(
        "The theft was the largest in Oslo in a decade, the insurers said.",
        "Curators called it the boldest theft in the Norwegian capital in a decade.",
    );
    assert!(same_scope.is_empty(), "{same_scope:?}");
    // Two places modifying one word are one fact, however differently the sentences
    // open, and a city of the first place named later does not explain the second.
    let modifying = places(
        "According to a statement the campaign office sent out on Sunday, Norway Speaker Jon Marsh will open the session on Monday.",
        "Sweden's Speaker of the House Jon Marsh is expected to open a one-day session held in Oslo.",
    );
    assert_eq!(modifying, [("Norway".to_owned(), "Sweden's".to_owned())]);
    // A place explains one place it lies in or that lies in it, not two.
    let one_each = places(
        "The United States only agreed to let the inspectors back into Belgium on Monday after repeated warnings.",
        "Washington only agreed to let the mission into Chicago this week after repeated warnings.",
    );
    assert_eq!(one_each, [("Belgium".to_owned(), "Chicago".to_owned())]);
    let opener = places(
        "The fever has killed 296 people on Chile's mainland.",
        "Throughout Peru's mainland, the fever has killed 296 people.",
    );
    assert_eq!(opener, [("Chile's".to_owned(), "Peru's".to_owned())]);
}

#[test]
fn a_figure_inside_the_other_copys_range_is_not_one_of_its_ends() {
    let numbers = |left: &str, right: &str| flagged_as(Number, left, right);
    let waiting = numbers(
        "Transplants increased from 30 to 64, and the waiting time decreased from 290 days to 87 days.",
        "Transplants increased from 30 to 64 and the waiting time fell from 290 days to 43 days.",
    );
    assert_eq!(waiting, [("87".to_owned(), "43".to_owned())]);
    // A range's ends written apart, with a comma, are still the range.
    let spots = numbers(
        "Hot spots will grow from the current 50,000 to 85,000 by the end of 2004.",
        "Hot spots will grow from the current 50,000, to 170,000 by the end of 2004.",
    );
    assert_eq!(spots, [("50,000 to 85,000".to_owned(), "50,000, to 170,000".to_owned())]);
}

#[test]
fn a_swapped_surname_shows_though_a_common_word_begins_like_it() {
    let names = |left: &str, right: &str| flagged_as(Name, left, right);
    // "Costley" is not the "cost" of "cost structure".
    let swapped = names(
        "\"The sale will improve our cost structure,\" said Gary Costley, the chairman.",
        "\"The sale will improve our cost structure,\" chairman Gary Levine said.",
    );
    assert_eq!(swapped, [("Costley".to_owned(), "Levine".to_owned())]);
    // A title is no first name; the same person after a role is one person whoever
    // the role is with, unless that is a place.
    assert_eq!(
        names("Miss Ames is being prosecuted for what she did.", "Martha Ames is being prosecuted for what she did."),
        []
    );
    assert_eq!(
        names("Harrow Chairman Ana Kovel offered her apologies.", "Board Chairman Ana Kovel offered her apologies."),
        []
    );
    let place = flagged(
        "Belgium Attorney General Ana Kovel hailed the ruling.",
        "Portugal Attorney General Ana Kovel was pleased by the ruling.",
    );
    assert!(place.iter().any(|(_, left, right)| left.contains("Belgium") && right.contains("Portugal")), "{place:?}");
    // A name word the other copy writes in lower case is still there.
    let pass = names(
        "Cars were stranded after the pass through the Kessary Mountains was closed.",
        "Cars were stranded after the Kessary Pass was closed.",
    );
    assert_eq!(pass, []);
}

#[test]
fn figures_after_the_same_word_stand_in_one_slot_unless_a_unit_converts() {
    let numbers = |left: &str, right: &str| flagged_as(Number, left, right);
    let model = numbers(
        "The network runs the Halvik 10200 switch and the Orra 8850 gateway.",
        "The network uses a Halvik 20400 soft switch and an Orra 8850 gateway.",
    );
    assert_eq!(model, [("10200".to_owned(), "20400".to_owned())]);
    let slot = numbers(
        "The bodies of a man and a woman were found in Ostley, where a wall of mud destroyed 32 caravans.",
        "Two other bodies were found in Ostley, where a wall of mud destroyed 96 trailers.",
    );
    assert_eq!(slot, [("32".to_owned(), "96".to_owned())]);
    let points = numbers(
        "The poll has a margin of error of plus or minus 6.1 percentage points.",
        "The poll has an error margin of plus or minus 3.0 percent.",
    );
    assert_eq!(points, [("6.1".to_owned(), "3.0".to_owned())]);
    // A year that starts a span is not one that ends another.
    let span = flagged(
        "Ostley would get a cut of sales on a sliding scale through 2021.",
        "Ostley would also get a five percent share of sales from 2005.",
    );
    assert!(span.iter().all(|(kind, _, _)| *kind != Date), "{span:?}");
    // Both copies saying "last year" explains no difference in the years they write.
    let years = flagged(
        "Ames, who moved to Korval last year, became a minister in June 2002.",
        "Ames, who moved to Korval last year, became a minister in June 2003.",
    );
    assert_eq!(years, expect_flags(&[(Date, "2002", "2003")]));
    let converted = numbers(
        "In Ostley, 52km north-west of Korval, homes burned.",
        "In Ostley, 32 miles northwest of Korval, homes burned.",
    );
    assert_eq!(converted, []);
    let margin = numbers(
        "The poll has a margin of error of plus or minus 6.1 percentage points.",
        "The poll has an error margin of plus or minus 6.1 percent.",
    );
    assert_eq!(margin, []);
}

#[test]
fn a_word_in_another_form_before_the_speaker_is_no_other_speaker() {
    let left = "Three others were wounded in a dispute involving immigrant smuggling, officials said.";
    let right = "Three others were wounded in a dispute that involved immigrant smugglers, officials said.";
    assert_eq!(flagged(left, right), []);
}

#[test]
fn two_agencies_merely_named_are_not_two_credits() {
    let named = flagged_as(
        Attribution,
        "Kessary has yet to allow WHO inspections at short notice.",
        "Kessary has yet to allow UNICEF inspections at short notice.",
    );
    assert_eq!(named, []);
    let credited = flagged_as(
        Attribution,
        "Kessary has yet to allow inspections, the WHO said.",
        "Kessary has yet to allow inspections, UNICEF said.",
    );
    assert_eq!(credited, [("WHO".to_owned(), "UNICEF".to_owned())]);
    let subject = flagged_as(
        Attribution,
        "A draft statement, obtained by Reuters on Friday, stopped short of endorsing the charge.",
        "The WHO statement stopped short of endorsing the charge.",
    );
    assert_eq!(subject, []);
}

#[test]
fn a_judge_named_like_a_city_and_an_archipelago_are_read_for_what_they_are() {
    let judge = flagged_as(
        Place,
        "Legal scholars said the Boston ruling is at least plausible.",
        "Legal scholars said Judge Lyon's decision was at least plausible.",
    );
    assert_eq!(judge, []);
    let islands = flagged_as(
        Place,
        "Its closest relatives are found only in the Azores in the Atlantic Ocean.",
        "Its closest relative is found in the Azores Archipelago, near Madeira in the Atlantic Ocean.",
    );
    assert_eq!(islands, []);
}

#[test]
fn a_dollar_figure_pairs_by_what_it_counts_whatever_its_country_code() {
    // The words after "$700,000, or" belong to the next figure, so the cents pair.
    let cents = flagged_as(
        Number,
        "Excluding one-off charges, Kessary's loss narrowed to 1 cent a share.",
        "Excluding one-off charges, Kessary's loss was $700,000, or 2 cents a share.",
    );
    assert_eq!(cents, [("1".to_owned(), "2".to_owned())]);
    let code = flagged_as(
        Number,
        "Hollin agreed to pay $US1,200 in fees and $US2,400 in interest.",
        "Hollin agreed to surrender $1,200 in fees and $4,800 in interest.",
    );
    assert_eq!(code, [("$US2,400".to_owned(), "$4,800".to_owned())]);
}

#[test]
fn a_code_with_another_figure_names_another_product() {
    let model = flagged_as(
        Number,
        "The new servers will run either Linux or the x86 version of Halvix, he said.",
        "The servers can run the Halvix x64 system or the standard Linux system.",
    );
    assert_eq!(model, [("x86".to_owned(), "x64".to_owned())]);
    assert_eq!(
        flagged_as(Number, "Both run the v1.2 and v2.0 standards.", "Both run v2.0 and v1.1 standards.").len(),
        1
    );
    // Two codes of one shape left over on each side cannot be told apart.
    assert_eq!(flagged_as(Number, "Both run the v1.2 and v1.3 standards.", "Both run v2.0 and v2.1 standards."), []);
}

#[test]
fn a_figure_converted_to_other_units_leaves_the_changed_count_alone() {
    let fires = flagged_as(
        Number,
        "Fires were raging in at least 10 places, having already burned nearly 80 937 hectares.",
        "Fires were raging in at least 30 places that have already burned nearly 200,000 acres.",
    );
    assert_eq!(fires, [("10".to_owned(), "30".to_owned())]);
}

#[test]
fn a_place_before_a_noun_and_after_it_place_one_thing() {
    let killing = flagged_as(
        Place,
        "Ana Kovel was charged with five Jacksonville thefts and is suspected of a 1997 Georgia killing.",
        "Ana Kovel was charged with five thefts and is suspected of a 1997 killing in the state of Italy.",
    );
    assert_eq!(killing, [("Georgia".to_owned(), "Italy".to_owned())]);
    // A place that only describes a company is not where the event happened.
    assert_eq!(flagged_as(Place, "The Texas company opened a plant.", "The company opened a plant in Houston."), []);
}

#[test]
fn an_opposite_in_a_framed_change_and_a_glued_not_reverse_the_sentence() {
    let image = flagged_as(
        Negation,
        "Kessary, brought down by a scandal, is taking a new name in a bid to clean up its image.",
        "Kessary, ruined by a scandal, is taking a new name in a bid to clean down its image.",
    );
    assert_eq!(image, [("up".to_owned(), "down".to_owned())]);
    let glued = flagged_as(
        Negation,
        "The inspectors said the dam is safe to use.",
        "The inspectors said the dam isnot safe to use.",
    );
    assert_eq!(glued, [("is".to_owned(), "isnot".to_owned())]);
    // Two clauses given in the other order reverse nothing.
    let reordered = flagged_as(
        Negation,
        "A reading below 50 suggests contraction, while one above that indicates expansion.",
        "A reading above 50 suggests growth, while one below that level indicates contraction.",
    );
    assert_eq!(reordered, []);
}

#[test]
fn a_place_written_short_or_in_other_words_is_the_same_place() {
    let port = flagged_as(
        Place,
        "Kovel will meet the envoy in the Belskan port of Ostrava on Wednesday.",
        "On Wednesday Kovel will meet the envoy in Ostrava, Belska.",
    );
    assert_eq!(port, []);
    let campus = flagged_as(
        Place,
        "He has been at UCH since 1991, after 22 years at a laboratory.",
        "Dynes has been at UC Halvik since 1991 after 22 years at a laboratory.",
    );
    assert_eq!(campus, []);
    let room = flagged_as(
        Place,
        "He is introduced at a news conference in the Ann Lind/Big Green Room of Moro Center.",
        "He will be introduced at a press conference in the Moro Center's Big Green Room.",
    );
    assert_eq!(room, []);
    // A place that keeps part of the other's name is that name changed.
    let shop = flagged_as(
        Place,
        "The layoffs at Eddie Lind headquarters were spread across the company and all levels, spokeswoman Ana Kovel said.",
        "The cuts at Eddie Moro come at all levels of the company, said Eddie Lind spokeswoman Ana Kovel.",
    );
    assert_eq!(shop.len(), 1);
}

#[test]
fn a_sum_pairs_with_the_sum_in_the_same_currency() {
    let price = flagged_as(
        Number,
        "Buyers can purchase a loaded desktop for $298, excluding taxes, the report said.",
        "Buyers can now choose a loaded desktop for 12,390 baht (US$149), excluding taxes, the report said.",
    );
    assert_eq!(price, [("$298".to_owned(), "US$149".to_owned())]);
}

#[test]
fn a_hometown_after_a_comma_is_no_part_of_the_name() {
    let hometown = flagged_as(
        Name,
        "Kovel, of Lindale, was found guilty of making a false threat.",
        "Ana Kovel, 50, was found guilty of making a false threat.",
    );
    assert_eq!(hometown, []);
}

#[test]
fn a_person_of_an_organisation_is_named_by_the_person_words() {
    let spokeswoman = flagged_as(
        Name,
        "Sheena Lind of Child, the support network, hoped the guidelines would lead to a fair service.",
        "Sheena Moro, a spokeswoman for Child, the support network, said the guidelines should lead to a fair service.",
    );
    assert_eq!(spokeswoman, [("Lind".to_owned(), "Moro".to_owned())]);
}

#[test]
fn a_place_before_a_post_is_a_place() {
    let office = flagged_as(
        Place,
        "Kessary said the New York Attorney General had settled the charges.",
        "Kessary said the Ohio Attorney General had settled the charges.",
    );
    assert_eq!(office, [("New York".to_owned(), "Ohio".to_owned())]);
}

#[test]
fn a_number_that_names_an_index_is_compared_among_moving_figures() {
    let index = flagged_as(
        Number,
        "The Halvik 250 stock index pulled back by nearly 4 points to 1,066.62.",
        "The broad Halvik 500 Index fell 0.70 points, or 0.07 percent, to 1,069.42.",
    );
    assert_eq!(index, [("250".to_owned(), "500".to_owned())]);
    // A town before a comma names nothing with the distance after it.
    let distance = flagged_as(
        Number,
        "In Ostrava, 52km north-west of Halvik, residents were told to leave.",
        "In Ostrava, 32 miles northwest of Halvik, residents were told to leave.",
    );
    assert_eq!(distance, []);
}

#[test]
fn an_editors_gloss_and_words_inside_the_quote_are_not_the_speakers_or_a_speaker() {
    let gloss = flagged(
        "\"Mr Lind would have been entitled to these (pension) payments whatever the circumstances,\" Ms Moro said.",
        "\"Mr Lind would have been entitled to those superannuation payments whatever the circumstances,\" she said.",
    );
    assert!(gloss.iter().all(|(kind, _, _)| *kind != Quote), "{gloss:?}");
    let inside = flagged_as(
        Attribution,
        "\"Many key people will not be returning,\" producer Ana Kovel said in a statement.",
        "\"Many key people will not be returning, including Lind,\" Kovel said on Monday.",
    );
    assert_eq!(inside, []);
}

#[test]
fn a_figure_converted_to_other_units_or_another_currency_is_no_changed_figure() {
    let units = flagged_as(
        Number,
        "The patients weighed an average 220 pounds and needed to lose between 30 and 80 pounds.",
        "The patients weighed an average 100 kilograms and needed to lose between 14 and 36 kilograms.",
    );
    assert_eq!(units, []);
    let distance = flagged_as(
        Number,
        "The gunmen fired from a mosque in the town, 30 miles west of Halvik.",
        "The gunmen fired from a mosque in the town, 50 km west of Halvik.",
    );
    assert_eq!(distance, []);
    let currency = flagged_as(
        Number,
        "The family won a $165,000 settlement in one of the cases.",
        "The family won a £90,000 settlement in one of the cases.",
    );
    assert_eq!(currency, []);
    let changed = flagged_as(
        Number,
        "The family won a $165,000 settlement in one of the cases.",
        "The family won a $90,000 settlement in one of the cases.",
    );
    assert_eq!(changed, [("$165,000".to_owned(), "$90,000".to_owned())]);
}

#[test]
fn a_figure_nothing_on_the_other_side_could_be_does_not_make_the_figures_several() {
    let share = flagged_as(
        Number,
        "With all precincts reporting, Lind, a three-term mayor from Halvik, had 57 percent of the vote.",
        "With all precincts reporting, Lind had 88,747 votes, or 71 percent of the total.",
    );
    assert_eq!(share, [("57".to_owned(), "71".to_owned())]);
}

#[test]
fn two_counts_after_the_same_hedge_stand_in_one_slot() {
    let toll = flagged_as(
        Number,
        "Rebels tightened their grip on Halvik after a week of fighting that killed at least 112 people.",
        "Rebels tightened their grip on Halvik as residents counted at least 224 dead after a week of fighting.",
    );
    assert_eq!(toll, [("112".to_owned(), "224".to_owned())]);
}

#[test]
fn a_price_level_twice_as_high_is_no_later_snapshot() {
    let share = flagged_as(
        Number,
        "Kessary shares were up 8 cents at $30.50 in morning trading on the Halvik exchange.",
        "The stock rose 48 cents to $60 yesterday in Halvik exchange trading.",
    );
    assert_eq!(share, [("$30.50".to_owned(), "$60".to_owned())]);
    let index = flagged_as(
        Number,
        "The Halvik index ended trading down 1.83 percent at 10,310.04, a four-week low.",
        "The Halvik index was down 1.83 percent or 192.25 points at 20,620.08, its lowest close since August 28.",
    );
    assert_eq!(index, [("10,310.04".to_owned(), "20,620.08".to_owned())]);
    let later = flagged_as(
        Number,
        "Kessary shares were up 8 cents at $30.50 in morning trading on the Halvik exchange.",
        "The stock rose 48 cents to $30.90 yesterday in Halvik exchange trading.",
    );
    assert_eq!(later, [], "a price a little higher at the close is a later snapshot");
}

#[test]
fn a_company_written_as_its_initials_is_the_same_company() {
    // "General" is also a title; it still gives its letter.
    let short = flagged(
        "A discouraging outlook from General Lindmark Co. sent its shares down 81 cents.",
        "A discouraging outlook from GL sent the company's shares down 81 cents.",
    );
    assert_eq!(short, []);
    let other = flagged_as(
        Name,
        "A discouraging outlook from General Lindmark Co. sent its shares down 81 cents.",
        "A discouraging outlook from Halvik Orlen Co. sent its shares down 81 cents.",
    );
    assert_eq!(other.len(), 1, "{other:?}");
}

#[test]
fn a_figure_left_over_pairs_with_one_written_alike() {
    let quantities = flagged_as(
        Number,
        "The Lindmark chips are priced from $125 to $300 in quantities of 10,000.",
        "The chips are priced at $575 and $295 in quantities of 30,000.",
    );
    assert_eq!(quantities, [("10,000".to_owned(), "30,000".to_owned())]);
}

#[test]
fn a_name_pairs_by_the_person_rather_than_the_body_they_serve() {
    let director = flagged_as(
        Name,
        "Lindmark Director Tomas Brel said the two men were \"defined by courage.\"",
        "\"They were defined by courage,\" said Lindmark's director Tomas Orlen.",
    );
    assert_eq!(director, [("Brel".to_owned(), "Orlen".to_owned())]);
}

#[test]
fn a_number_after_an_abbreviated_name_names_something() {
    let road = flagged_as(
        Number,
        "Detective Ana Lind appeared last evening at the home near Orlen Ave. and Hwy. 404.",
        "Detective Ana Lind appeared last night at the Orlen Ave.-Hwy. 202 area home.",
    );
    assert_eq!(road, [("404".to_owned(), "202".to_owned())]);
}

#[test]
fn a_share_and_a_sum_of_money_are_two_facts() {
    let income = flagged_as(
        Number,
        "Median household income in Halvik declined 1.2 percent between 2021 and 2022 to $41,310.",
        "The median Halvik household earned income fell $600 over the same period to $41,300.",
    );
    assert_eq!(income, []);
}

#[test]
fn a_title_word_closing_a_name_is_a_surname() {
    let trainer = flagged_as(
        Name,
        "\"It is absurd,\" Lindmark's trainer Tomas Brel said.",
        "Meanwhile, Lindmark's trainer, Tomas Major, called the claims \"ridiculous.\"",
    );
    assert_eq!(trainer, [("Brel".to_owned(), "Major".to_owned())]);
    let post = flagged_as(
        Name,
        "The Secretary General Ana Lind met the envoys.",
        "Secretary General Ana Lind met the envoys on Monday.",
    );
    assert_eq!(post, []);
}

#[test]
fn a_name_written_with_more_words_names_no_one_else() {
    let more = flagged_as(
        Name,
        "Former South African Archbishop Tomas Brel said he did not see what the fuss was about.",
        "South Africa's Nobel laureate Archbishop Tomas Brel says he does not understand the fuss.",
    );
    assert_eq!(more, []);
    let swapped = flagged_as(
        Name,
        "Former Archbishop Tomas Brel said he did not see what the fuss was about.",
        "Former Archbishop Tomas Orlen said he did not see what the fuss was about.",
    );
    assert_eq!(swapped, [("Brel".to_owned(), "Orlen".to_owned())]);
}

#[test]
fn an_opposite_negated_is_a_paraphrase_not_a_reversal() {
    let kept = flagged_as(
        Negation,
        "The Halvik appeals court did not explain the reason for keeping the lower court's ruling from July.",
        "The Halvik appeals court did not explain its reasons for not disturbing the lower court's ruling of July.",
    );
    assert_eq!(kept, []);
    let denied = flagged_as(
        Negation,
        "The Halvik appeals court gave the reason for keeping the lower court's ruling from July.",
        "The Halvik appeals court gave no reason for keeping the lower court's ruling from July.",
    );
    assert_eq!(denied.len(), 1, "{denied:?}");
}

#[test]
fn failing_to_is_a_negative_so_a_not_moved_onto_another_verb_is_a_reversal() {
    let moved = flagged_as(
        Negation,
        "Lindcorp already has paid the city $4 million in fines for not meeting its hiring targets.",
        "Lindcorp has not paid $4 million in fines for failing to meet its hiring targets.",
    );
    assert_eq!(moved, [("has".to_owned(), "has not".to_owned())]);
    let same =
        flagged_as(Negation, "Lindcorp failed to pay the city its fines.", "Lindcorp did not pay the city its fines.");
    assert_eq!(same, []);
}

#[test]
fn a_body_named_before_a_person_is_no_other_name_for_them() {
    let speaker = flagged_as(
        Name,
        "Ostrava Speaker Lena Marsh will table the bill during the special session on Monday.",
        "The Speaker of the House Lena Marsh is expected to table the bill during a one-day special session.",
    );
    assert_eq!(speaker, []);
    let swapped = flagged_as(
        Name,
        "Speaker of the House Lena Marsh will table the bill on Monday.",
        "Speaker of the House Lena Orwell will table the bill on Monday.",
    );
    assert_eq!(swapped, [("Marsh".to_owned(), "Orwell".to_owned())]);
}

#[test]
fn a_common_noun_inside_two_names_does_not_make_them_one_name() {
    let storm = flagged_as(
        Name,
        "Hurricane Orla moved toward the coast on Tuesday and was expected to strengthen, forecasters said.",
        "The Halvik Hurricane Center said the hurricane was heading toward the coast and could strengthen.",
    );
    assert_eq!(storm, []);
}

#[test]
fn a_word_in_lower_case_next_to_a_name_is_no_part_of_it() {
    let names = |left: &str, right: &str| flagged_as(Name, left, right);
    let quoted = names(
        "\"Saying we did this for the money is wrong,\" Thomas quoted Halvik as saying.",
        "\"Saying that we did this for the money is wrong,\" Jon Halvik said through the pastor.",
    );
    assert_eq!(quoted, []);
    let renamed = names(
        "\"Saying we did this for the money is wrong,\" Thomas Halvik told the meeting.",
        "\"Saying we did this for the money is wrong,\" Jon Halvik told the meeting.",
    );
    assert_eq!(renamed, [("Thomas".to_owned(), "Jon".to_owned())]);
}

#[test]
fn a_move_that_differs_as_much_as_the_price_drifted_is_one_move_seen_twice() {
    let seen_twice = flagged_as(
        Number,
        "Kessary shares were also higher, trading up 12 cents at $13.60.",
        "Shares of Halvik-based Kessary rose 14 cents to $13.62.",
    );
    assert_eq!(seen_twice, []);
    let changed = flagged_as(
        Number,
        "The jump was led by Kessary, whose shares rose almost 10 percent to $38.28.",
        "Shares jumped, led by Kessary, whose shares rose almost 20 percent to $38.30.",
    );
    assert_eq!(changed, [("10".to_owned(), "20".to_owned())]);
    let canadian = flagged_as(
        Number,
        "Kessary's shares closed down 63 Canadian cents at C$16.93 in Toronto on Tuesday.",
        "Kessary's shares fell 66 Canadian cents, at C$16.90 in Toronto on Tuesday.",
    );
    assert_eq!(canadian, []);
}

#[test]
fn a_place_changed_inside_a_name_is_a_changed_place() {
    let inside = |left: &str, right: &str| flagged_as(Place, left, right);
    assert_eq!(
        inside(
            "North Lisbon's Kessary, the region's biggest mill, gained 4 percent.",
            "North Oslo, Calif.'s Kessary, the region's largest mill, added 4 percent."
        ),
        [("Lisbon's".to_owned(), "Oslo".to_owned())]
    );
    assert_eq!(
        inside(
            "The new ferries will enter service next spring on routes in Britain.",
            "The first electric ferries are due to start sailing next spring on routes in Great Lisbon."
        ),
        [("Britain".to_owned(), "Lisbon".to_owned())]
    );
    // The place named elsewhere in the other copy is no change: a place moved onto
    // another post ("Ohio Mayor") leaves the new place the only one changed.
    assert_eq!(
        inside(
            "Officials asked Mayor Lena Marsh to fund Ohio State's new stadium.",
            "Ohio Mayor Lena Marsh was asked to fund Iowa State's new stadium."
        ),
        [("Ohio".to_owned(), "Iowa".to_owned())]
    );
    // A place the other copy names or lies in is the same place written another way.
    assert_eq!(
        inside("She studied at Scotland's University of Glasgow.", "She studied at Glasgow University in Britain."),
        []
    );
    assert_eq!(inside("Her Texas Instruments stake grew.", "Her Dallas Instruments stake grew."), []);
}

#[test]
fn a_range_written_backwards_has_an_end_changed() {
    let numbers = |left: &str, right: &str| flagged_as(Number, left, right);
    assert_eq!(
        numbers(
            "The plant is expected to cut output by 40 million to 50 million litres.",
            "The plant is expected to take 40 million to 25 million litres out of the market."
        ),
        [("40 million to 50 million".to_owned(), "25 million".to_owned())]
    );
    assert_eq!(
        numbers("Kessary forecast a 6-9 percent growth rate.", "Kessary forecast a 12-9 percent growth rate."),
        [("6-9".to_owned(), "12".to_owned())]
    );
    assert_eq!(
        numbers(
            "Taking as little as 5 or 6 tablets a week, a packet holds 10 tablets.",
            "Taking as little as 10 or 6 tablets a week."
        ),
        [("5 or 6".to_owned(), "10".to_owned())]
    );
    // A tally is no range, and a range written the same way is the same range.
    assert_eq!(numbers("The board voted 8 to 10 on Monday.", "The board voted 10 to 8 on Monday."), []);
    assert_eq!(numbers("Output fell by 60 to 70 tonnes.", "Output fell by 60-70 tonnes."), []);
}

#[test]
fn a_year_written_over_by_a_count_in_place_is_a_changed_figure() {
    let numbers = |left: &str, right: &str| flagged_as(Number, left, right);
    assert_eq!(
        numbers(
            "The old bridge over the Pell was opened to traffic in 1871.",
            "The original bridge across the Pell was opened to traffic in 3742."
        ),
        [("1871".to_owned(), "3742".to_owned())]
    );
    // Not in the same words, or counting something, it is another figure.
    assert_eq!(numbers("The bridge opened in 1871.", "The bridge carried 3742 cars."), []);
    assert_eq!(
        numbers("The bridge was rebuilt in 1871 after it.", "The bridge was rebuilt in 3742 days after it."),
        []
    );
}

#[test]
fn the_same_digits_in_other_marks_and_a_side_described_are_no_conflict() {
    assert_eq!(
        flagged("The report names several key 4-7 suspects.", "The report names several 4/7 suspects, it adds."),
        []
    );
    assert_eq!(
        flagged_as(
            Name,
            "Chasing Halvik by six points in March, Orlen won its last nine games.",
            "Chasing the Northerners by six points in March, Orlen won its last nine games."
        ),
        []
    );
    assert_eq!(
        flagged_as(
            Name,
            "Chasing Halvik by six points in March, Orlen won its last nine games.",
            "Chasing Kessary by six points in March, Orlen won its last nine games."
        ),
        [("Halvik".to_owned(), "Kessary".to_owned())]
    );
}

#[test]
fn a_plural_in_ies_pairs_with_its_singular() {
    let left = "The harbour board met on Monday to review the ferry timetable. \
                The new ferries were to be unveiled this summer at the Orlen regatta.";
    let right = "On Monday the harbour board reviewed the ferry timetable. \
                 The first electric ferry was soon to be launched at a summer regatta. \
                 Crowds at the Orlen regatta were the largest in years.";
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("compares");
    let pairs: Vec<(Vec<usize>, Vec<usize>)> =
        comparison.rows.iter().map(|row| (row.left.clone(), row.right.clone())).collect();
    assert_eq!(pairs, [(vec![0], vec![0]), (vec![1], vec![1]), (vec![], vec![2])]);
}

#[test]
fn a_place_owning_a_name_is_a_place_and_a_place_word_in_a_name_is_no_place() {
    let places = |left: &str, right: &str| flagged_as(Place, left, right);
    assert_eq!(
        places(
            "Thousands gathered in Marvila Park in Lisbon in 1990 to mark the treaty.",
            "Oslo has not seen such a crowd since thousands gathered in Porto's Marvila Park in 1990 to mark the treaty."
        ),
        [("Lisbon".to_owned(), "Porto's".to_owned())]
    );
    assert_eq!(
        places(
            "Lincoln finished third after a fast last lap of the velodrome.",
            "England's Anna Lincoln finished third after a fast final lap of the velodrome."
        ),
        []
    );
}

#[test]
fn a_place_written_over_in_the_same_words_is_changed_though_the_other_copy_names_it_elsewhere() {
    let places = |left: &str, right: &str| flagged_as(Place, left, right);
    assert_eq!(
        places(
            "\"Frankly, Lisbon must be warned that any bid to shape the league to its liking will fail,\" he said.",
            "\"Oslo must be warned that any bid to shape the league to Lisbon's liking will fail,\" he said."
        ),
        [("Lisbon".to_owned(), "Oslo".to_owned())]
    );
    // A list written out further is no change.
    assert_eq!(
        places(
            "The bank has closed branches in Lyon, Lille, Nantes, Leeds, and Bristol.",
            "Since 2019 the bank has closed branches in Lyon, Lille, Nantes, Leeds, Bristol, England, and Cardiff."
        ),
        []
    );
}

#[test]
fn a_post_written_short_is_no_name() {
    assert_eq!(
        flagged_as(
            Name,
            "Lena Marsh was until March the VP of Kessary's retail banking arm.",
            "She was until March senior vice president of Kessary's Retail Banking Services Group."
        ),
        []
    );
}

#[test]
fn a_not_on_the_very_verb_the_other_copy_states_is_a_reversal_whatever_else_is_negative() {
    let negations = |left: &str, right: &str| flagged_as(Negation, left, right);
    assert_eq!(
        negations(
            "The coach told her she would be picked for the final if she did not miss training, a teammate said.",
            "The coach told her she would not be picked for the final whatever happened in training, a teammate said."
        ),
        [("would".to_owned(), "would not".to_owned())]
    );
    assert_eq!(
        negations(
            "Marsh said it was the sole year on record that the auditor had not approved the accounts.",
            "In a note on Friday, Marsh said this was not the sole year the auditor rejected the accounts."
        ),
        [("was".to_owned(), "was not".to_owned())]
    );
    // Both copies negate the verb, or one puts its "not" before a phrase instead.
    assert_eq!(
        negations(
            "The crew reached the summit in 1995 but was never allowed to publish the route.",
            "The crew reached the summit in 1995 but has never been allowed to publish its route."
        ),
        []
    );
    assert_eq!(
        negations(
            "\"Kessary is being sued not because of what it sells, but because of how it sells it,\" she said.",
            "\"Kessary is not being sued for what it sells but for how it sells it.\""
        ),
        []
    );
}

#[test]
fn a_team_named_for_its_city_replaced_by_a_place_is_a_changed_place() {
    assert_eq!(
        flagged_as(
            Place,
            "Marsh, who took two league titles with the Lisbon Eagles in the 80's and one with the Rovers in 1994, scored twice.",
            "Marsh, who took two titles with Oslo and one with the Rovers in 1994, scored twice."
        ),
        [("Lisbon".to_owned(), "Oslo".to_owned())]
    );
}

#[test]
fn two_close_figures_are_two_figures_and_a_change_in_a_share_is_not_the_share() {
    let numbers = |left: &str, right: &str| flagged_as(Number, left, right);
    assert_eq!(
        numbers(
            "The survey's index eased to 61.2 in April from 61.4 in March.",
            "The survey's index stood at 61.2 in April, down a little from a revised 30.7 in March."
        ),
        [("61.4".to_owned(), "30.7".to_owned())]
    );
    assert_eq!(
        numbers(
            "The export gauge climbed to 47.6 percent from 47.1 percent in March.",
            "The export gauge climbed by 0.5 percentage points from 23.5 percent in March to 47.6 percent in April."
        ),
        [("47.1".to_owned(), "23.5".to_owned())]
    );
}

#[test]
fn a_size_of_memory_changed_among_other_figures_is_found() {
    assert_eq!(
        flagged_as(
            Number,
            "The entry model has a 1.8GHz processor, 512M bytes of memory and a 250G-byte disk, and sells for US$849.",
            "The entry model comes with a 2.2GHz chip, 512MB of RAM and a 500GB disk, and sells for $829."
        ),
        [("250G".to_owned(), "500GB".to_owned())]
    );
}
