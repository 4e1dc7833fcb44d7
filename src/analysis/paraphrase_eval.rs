//! Our own paraphrased rewrites: each pair tells one story twice, in different words
//! (as two outlets would), with known disagreements written into the second copy. It
//! measures the comparison on paraphrase rather than on near-copies, and the facts
//! table on what only whole documents show: a surname alone that resolves to a
//! different full name, and credit lines naming different agencies.
//!
//! The texts are original, written for this test.

use std::sync::atomic::AtomicBool;

use super::facts::table;
use super::{DiscrepancyKind, compare_texts};
use crate::model::SourceId;

/// One written-in disagreement: its kind, and words each copy's flagged passage holds.
type Change = (DiscrepancyKind, &'static str, &'static str);

struct Pair {
    left: &'static str,
    right: &'static str,
    changes: &'static [Change],
    /// Words both summaries of a whole-document conflict must name.
    across: &'static [(&'static str, &'static str)],
}

use DiscrepancyKind::{Attribution, Date, Name, Negation, Number, Place};

const PAIRS: &[Pair] = &[
    Pair {
        left: "VIENNA, March 4 (Northline Wire) - Finance Minister Ivan Petrov arrived in Vienna on Monday for two \
               days of talks with creditors on a plan to restructure 3.2 billion dollars of debt.\n\n\
               Petrov told reporters the government would not raise taxes this year.\n\n\
               The creditors, led by a group of European banks, rejected or postponed every earlier proposal, \
               officials said.\n\n\
               The talks will resume in Geneva next month.\n\n\
               Unemployment rose to 9.1 percent in February, the statistics office said.\n\n\
               The previous government collapsed on Thursday after losing a confidence vote.",
        right: "Oleg Petrov, the finance minister, landed in Vienna on Monday to spend two days negotiating with \
                creditors over how to restructure $3.2 billion of debt.\n\n\
                Petrov said the government had no plans to raise taxes this year.\n\n\
                Every previous offer was approved or postponed by the creditors, a group of European banks, \
                according to officials.\n\n\
                The talks will start again in Zurich next month, the ministry said.\n\n\
                The statistics office said joblessness climbed to 9.8 percent in February.\n\n\
                The previous government fell on Friday after it lost a vote of confidence.\n\n\
                - Harbour News Agency",
        changes: &[
            (Name, "Ivan", "Oleg"),
            (Negation, "rejected", "approved"),
            (Place, "Geneva", "Zurich"),
            (Number, "9.1", "9.8"),
            (Date, "Thursday", "Friday"),
        ],
        across: &[("Ivan Petrov", "Oleg Petrov"), ("Northline Wire", "Harbour News Agency")],
    },
    Pair {
        left: "MADRID, June 2 - Environment Minister Clara Mendes will visit Barcelona on Wednesday to open a new \
               desalination plant that can supply 40,000 homes.\n\n\
               The plant cost 120 million euros, most of it paid by the European Union.\n\n\
               Mendes said the drought had not eased despite rain in May.\n\n\
               Water use in the region fell by 12 percent last year, the ministry said.\n\n\
               Farmers' groups said the plant would lower prices for growers.\n\n\
               The project was first proposed in 2015, Reuters reported.",
        right: "Clara Mendes, the environment minister, is due in Valencia on Wednesday to inaugurate a \
                desalination plant able to serve 40,000 households.\n\n\
                Most of the 120 million euro cost of the plant was covered by the European Union.\n\n\
                Mendes said the drought had eased thanks to rain in May.\n\n\
                Water consumption in the region rose 12 percent last year, according to the ministry.\n\n\
                Growers' associations said the plant would reduce prices for farmers.\n\n\
                The project was first proposed in 2015, the Associated Press reported.",
        changes: &[
            (Place, "Barcelona", "Valencia"),
            (Negation, "not", "had"),
            (Negation, "fell", "rose"),
            (Attribution, "Reuters", "Associated Press"),
        ],
        across: &[("Reuters", "Associated Press")],
    },
    Pair {
        left: "Police Chief Anna Varga said on Tuesday that 14 people had been arrested after the protest.\n\n\
               Varga added that no officers were injured.\n\n\
               The march drew about 3,000 people, organisers said.\n\n\
               The protest was organised by the Union of Transport Workers, which has called a strike for \
               Friday.",
        right: "Police Chief Anna Horvath said Tuesday that 14 people were detained following the protest.\n\n\
                Horvath said no officers were hurt.\n\n\
                About 6,000 people joined the march, according to the organisers.\n\n\
                The Union of Transport Workers, which organised the protest, has called a strike for Friday.",
        changes: &[(Name, "Varga", "Horvath"), (Number, "3,000", "6,000")],
        across: &[("Anna Varga", "Anna Horvath")],
    },
    Pair {
        left: "Defence Minister Ruth Adler opened the naval base on Saturday.\n\n\
               The base will house four patrol ships, the navy said.\n\n\
               Adler said the ships would guard fishing grounds in the north.",
        right: "The navy's new base was opened on Saturday by Defence Minister Ruth Adler.\n\n\
                Four patrol ships will be based there, according to the navy.\n\n\
                Miriam Adler said the ships would protect northern fishing grounds.",
        changes: &[(Name, "Adler", "Miriam")],
        across: &[],
    },
    Pair {
        left: "The company said on Monday it would cut 1,200 jobs in Canada by the end of 2026.\n\n\
               Chief Executive Maria Lopez said the cuts were needed to keep the company profitable.\n\n\
               Shares in the company rose 4 percent in early trading.\n\n\
               The plan was approved by the board at a meeting held in Toronto.\n\n\
               Source: Coastal News Service",
        right: "The firm plans to eliminate 1,200 jobs in Canada by the end of 2027, it said on Monday.\n\n\
                The cuts are necessary to keep the company in profit, Chief Executive Maria Lopez said.\n\n\
                The company's shares fell 4 percent in early trading.\n\n\
                The board approved the plan at a meeting in Montreal.\n\n\
                (With inputs from Harbour News Agency)",
        changes: &[(Date, "2026", "2027"), (Negation, "rose", "fell"), (Place, "Toronto", "Montreal")],
        across: &[("Coastal News Service", "Harbour News Agency")],
    },
];

#[test]
fn paraphrased_rewrites_show_their_disagreements_and_nothing_else() {
    let never = AtomicBool::new(false);
    let (mut expected, mut found, mut false_flags) = (0, 0, Vec::new());
    for (n, pair) in PAIRS.iter().enumerate() {
        let comparison = compare_texts((SourceId(1), pair.left), (SourceId(2), pair.right), &never).expect("runs");
        let flagged: Vec<_> =
            comparison.discrepancies.iter().filter(|d| d.kind != DiscrepancyKind::OnlyInOne).collect();
        let mut matched = vec![false; flagged.len()];
        for &(kind, left, right) in pair.changes {
            expected += 1;
            let hit = flagged.iter().position(|d| {
                d.kind == kind && d.passages[0].exact.contains(left) && d.passages[1].exact.contains(right)
            });
            match hit {
                Some(k) => {
                    found += 1;
                    matched[k] = true;
                }
                None => eprintln!("pair {n}: missed {kind:?} {left:?} -> {right:?}"),
            }
        }
        for (d, _) in flagged.iter().zip(&matched).filter(|(_, m)| !**m) {
            false_flags.push(format!("pair {n}: {:?} {}", d.kind, d.explanation));
        }
    }
    println!("paraphrase set: {found} of {expected} changes found, {} false flags", false_flags.len());
    assert_eq!(found, expected, "every written-in change is found with its kind and both passages");
    assert!(false_flags.is_empty(), "{false_flags:#?}");
}

#[test]
fn whole_document_disagreements_show_in_the_facts_table() {
    let never = AtomicBool::new(false);
    for (n, pair) in PAIRS.iter().enumerate() {
        let facts = table::build(&[(SourceId(1), pair.left), (SourceId(2), pair.right)], &never).expect("runs");
        for (a, b) in pair.across {
            assert!(
                facts.conflicts.iter().any(|c| c.summary.contains(a) && c.summary.contains(b)),
                "pair {n}: no conflict between {a} and {b} among {:#?}",
                facts.conflicts.iter().map(|c| &c.summary).collect::<Vec<_>>()
            );
        }
        assert_eq!(facts.conflicts.len(), pair.across.len(), "pair {n}: {:#?}", facts.conflicts);
    }
}
