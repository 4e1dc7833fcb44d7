//! Sentence-to-sentence alignment of two copies of a story, and word diffs inside
//! aligned sentences.
//!
//! Rewrites reorder paragraphs, merge two sentences into one, split one into two, cut
//! sentences and add their own. Sentences are matched by the content words they share
//! (Dice coefficient over folded, non-stopword tokens, through an inverted index so two
//! 10,000-word sources align in milliseconds), greedily best pair first, regardless of
//! order. A sentence left over joins a neighbour's row when most of its words are in
//! that row's other side and not explained by the partner already there, or when it
//! repeats the partner's subject and adds words only that other side has: a merge or a
//! split. What is still left over is in one copy only.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::Cancelled;
use super::repeats::{self, Repeat};
use super::tokens::Token;

/// Two sentences with a Dice coefficient at least this high may be the same sentence.
const MATCH: f64 = 0.34;
/// Two sentences left over after the first pass that are each other's best match
/// may be the same sentence from this Dice coefficient: a paraphrase keeps few words.
const MUTUAL: f64 = 0.2;
/// Two sentences sharing one content word may pair only when one of them has at most
/// this many: "No arrests were made." and "Police said two people were arrested."
/// share only the arrests, which is all the first one says.
const FEW_WORDS: usize = 3;
/// A left-over sentence joins a neighbour's row when this share of its words is there.
const JOIN: f64 = 0.5;
/// A left-over sentence that repeats words of its neighbour's partner joins the row when
/// this share of its words is on the other side at all (see `join_leftovers`).
const JOIN_REPEATING: f64 = 0.6;
/// A left-over sentence split off a long one ("The deal came after the minister met
/// the unions in Lisbon." before "The ministry said she agreed to 9 percent.") keeps
/// fewer of its words; it joins when `JOIN_MANY_WORDS` of them, this share at least,
/// are words the row's other side has and its partner does not explain.
const JOIN_SPLIT_OFF: f64 = 0.35;
const JOIN_MANY_WORDS: usize = 4;
/// How much similarity two crossed pairs may give up, per neighbour pairing gained, to
/// be matched in reading order instead (see `straighten`).
const ORDER: f64 = 0.4;
/// Most order gained that counts towards a swap's allowance: however much order a swap
/// restores, two pairs of weak matches are not worth two good ones.
const MAX_GAIN: usize = 2;
/// How far apart (in sentences, on each side) two crossed pairs may be to be swapped.
const SWAP_REACH: usize = 4;
/// Most passes `straighten` makes over a document.
const MAX_PASSES: usize = 8;

/// One copy of the story, split and tokenised.
#[derive(Debug, Clone)]
pub struct Side<'t> {
    pub text: &'t str,
    pub sentences: Vec<Range<usize>>,
    pub tokens: Vec<Vec<Token>>,
    pub boilerplate: Vec<bool>,
    /// Full names of people the copy names, in reading order, for resolving a surname
    /// used alone later on.
    pub people: Vec<super::facts::names::FullName>,
    /// The city of the copy's dateline ("HALVIK, May 14 -"), where the story was filed.
    pub filed_in: Option<&'static super::gazetteer::Place>,
}

/// Sentences of the two sides that say the same thing (indices into each side's
/// sentences, ascending). One side is empty for a sentence in one copy only.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    /// Page furniture ("Share this article"): shown, never a discrepancy.
    pub boilerplate: bool,
    /// How alike the first pair of sentences is (Dice over content words); 0 for a
    /// sentence in one copy only.
    pub score: f64,
}

/// A stretch of words that differs inside a row: token indices into the row's
/// concatenated left and right tokens. One range is empty for an insertion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    pub left: Range<usize>,
    pub right: Range<usize>,
}

/// The word without its commonest inflection, so that "inspections" matches
/// "inspection" and "consumed" matches "consume" when sentences are paired.
pub(crate) fn stem(word: &str) -> &str {
    // "ferries" and "ferry", "cities" and "city": the plural in "-ies" keeps the stem.
    if word.len() >= 4
        && let Some(stem) = word.strip_suffix('y').filter(|stem| !stem.ends_with(['a', 'e', 'o', 'u', 'l']))
    {
        return stem;
    }
    if word.len() < 5 {
        return word;
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return stem;
    }
    // "preventable" and "prevented", "avoidable" and "avoided": what can be done pairs
    // with what was done.
    if word.len() >= 8
        && let Some(stem) = word.strip_suffix("able")
    {
        return stem;
    }
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.ends_with('s')
        {
            return stem;
        }
    }
    word
}

/// Content words of each sentence as sorted, deduplicated ids shared by both sides.
fn content_ids<'a>(left: &'a Side, right: &'a Side) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    let mut ids: HashMap<&'a str, u32> = HashMap::new();
    let mut intern = |side: &'a Vec<Vec<Token>>| -> Vec<Vec<u32>> {
        side.iter()
            .map(|tokens| {
                let mut sentence: Vec<u32> = tokens
                    .iter()
                    .filter(|t| !t.is_stopword())
                    .map(|t| {
                        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                        *ids.entry(super::senses::sense(stem(&t.norm))).or_insert(next)
                    })
                    .collect();
                sentence.sort_unstable();
                sentence.dedup();
                sentence
            })
            .collect()
    };
    let l = intern(&left.tokens);
    let r = intern(&right.tokens);
    (l, r)
}

/// The ids two sorted, deduplicated lists share, in order.
fn common<'a>(left: &'a [u32], right: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut at_left, mut at_right) = (0, 0);
    std::iter::from_fn(move || {
        while at_left < left.len() && at_right < right.len() {
            match left[at_left].cmp(&right[at_right]) {
                std::cmp::Ordering::Less => at_left += 1,
                std::cmp::Ordering::Greater => at_right += 1,
                std::cmp::Ordering::Equal => {
                    at_left += 1;
                    at_right += 1;
                    return Some(left[at_left - 1]);
                }
            }
        }
        None
    })
}

/// Number of ids two sorted, deduplicated lists share.
fn shared(left: &[u32], right: &[u32]) -> usize {
    common(left, right).count()
}

/// How much sharing each word says about two sentences being one: a word in every
/// sentence of the story ("index", the company's name) says little, a word in two
/// sentences says a lot (inverse document frequency over both copies' sentences).
fn weights(l: &[Vec<u32>], r: &[Vec<u32>]) -> Vec<f64> {
    let words = l.iter().chain(r).flatten().map(|&id| id as usize + 1).max().unwrap_or(0);
    let mut frequency = vec![0_usize; words];
    for &id in l.iter().chain(r).flatten() {
        frequency[id as usize] += 1;
    }
    let sentences = (l.len() + r.len()).max(1) as f64;
    frequency.into_iter().map(|f| (1.0 + sentences / f.max(1) as f64).ln()).collect()
}

/// Pairs `(similarity, left, right)` worth considering, best first. Similarity is the
/// Dice coefficient of the two sentences' content words, each word weighted.
fn candidates(
    l: &[Vec<u32>],
    r: &[Vec<u32>],
    skip: (&[bool], &[bool]),
    threshold: f64,
    cancel: &AtomicBool,
) -> Result<Vec<(f64, usize, usize)>, Cancelled> {
    let weight = weights(l, r);
    let mass = |ids: &[u32]| ids.iter().map(|&id| weight[id as usize]).sum::<f64>();
    let right_mass: Vec<f64> = r.iter().map(|ids| mass(ids)).collect();
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (j, ids) in r.iter().enumerate().filter(|(j, _)| !skip.1[*j]) {
        for id in ids {
            postings.entry(*id).or_default().push(j);
        }
    }
    let mut counts = vec![(0_usize, 0.0_f64); r.len()];
    let mut touched = Vec::new();
    let mut found = Vec::new();
    for (i, ids) in l.iter().enumerate().filter(|(i, _)| !skip.0[*i]) {
        if cancel.load(Ordering::Relaxed) {
            return Err(Cancelled);
        }
        for id in ids {
            for &j in postings.get(id).map_or(&[][..], Vec::as_slice) {
                if counts[j].0 == 0 {
                    touched.push(j);
                }
                counts[j].0 += 1;
                counts[j].1 += weight[*id as usize];
            }
        }
        let left_mass = mass(ids);
        for j in touched.drain(..) {
            let (overlap, shared_mass) = std::mem::take(&mut counts[j]);
            let dice = 2.0 * shared_mass / (left_mass + right_mass[j]).max(f64::MIN_POSITIVE);
            if dice >= threshold && (overlap >= 2 || ids.len().min(r[j].len()) <= FEW_WORDS) {
                found.push((dice, i, j));
            }
        }
    }
    // Best first; among equals, pairs at similar relative positions first.
    let (nl, nr) = (l.len().max(1) as f64, r.len().max(1) as f64);
    let drift = |i: usize, j: usize| (i as f64 / nl - j as f64 / nr).abs();
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(drift(a.1, a.2).total_cmp(&drift(b.1, b.2))));
    Ok(found)
}

/// The sentences of two copies matched up.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Every sentence of both copies in exactly one row, in reading order.
    pub rows: Vec<Row>,
    /// Sentences in different rows that say the same thing all the same.
    pub repeats: Vec<Repeat>,
}

/// Aligns the sentences of two sides.
pub fn align(left: &Side, right: &Side, cancel: &AtomicBool) -> Result<Alignment, Cancelled> {
    let (l, r) = content_ids(left, right);
    let mut left_row: Vec<Option<usize>> = vec![None; l.len()];
    let mut right_row: Vec<Option<usize>> = vec![None; r.len()];
    let mut rows: Vec<Row> = Vec::new();
    let skip = (&left.boilerplate[..], &right.boilerplate[..]);
    let matches = candidates(&l, &r, skip, MATCH, cancel)?;
    // Two headlines are one story's headline, however differently worded: paired
    // first, neither is taken for the other copy's reworded lead.
    if let (Some(i), Some(j)) = (headline(left), headline(right))
        && shared(&l[i], &r[j]) > 0
    {
        left_row[i] = Some(rows.len());
        right_row[j] = Some(rows.len());
        rows.push(Row {
            left: vec![i],
            right: vec![j],
            boilerplate: false,
            score: similarity(&weights(&l, &r), &l[i], &r[j]),
        });
    }
    for &(score, i, j) in &matches {
        if left_row[i].is_none() && right_row[j].is_none() {
            left_row[i] = Some(rows.len());
            right_row[j] = Some(rows.len());
            rows.push(Row { left: vec![i], right: vec![j], boilerplate: false, score });
        }
    }
    let taken_left: Vec<bool> =
        left_row.iter().zip(skip.0).map(|(row, furniture)| row.is_some() || *furniture).collect();
    let taken_right: Vec<bool> =
        right_row.iter().zip(skip.1).map(|(row, furniture)| row.is_some() || *furniture).collect();
    for (score, i, j) in mutual_best(&candidates(&l, &r, (&taken_left, &taken_right), MUTUAL, cancel)?) {
        left_row[i] = Some(rows.len());
        right_row[j] = Some(rows.len());
        rows.push(Row { left: vec![i], right: vec![j], boilerplate: false, score });
    }
    straighten(&l, &r, &mut rows, &mut right_row);
    reseat(&l, &r, skip, &mut rows, &mut left_row, &mut right_row);
    untwin(&l, &r, skip, &mut rows, &mut left_row, &mut right_row);
    // Merges and splits: repeat so that three sentences merged into one all join.
    loop {
        let joined_left = join_leftovers(&l, &r, &left.boilerplate, &mut left_row, &mut rows, Side::LEFT);
        let joined_right = join_leftovers(&r, &l, &right.boilerplate, &mut right_row, &mut rows, Side::RIGHT);
        if !joined_left && !joined_right {
            break;
        }
    }
    for (i, row) in left_row.iter().enumerate() {
        if row.is_none() {
            rows.push(Row { left: vec![i], right: Vec::new(), boilerplate: left.boilerplate[i], score: 0.0 });
        }
    }
    for (j, row) in right_row.iter().enumerate() {
        if row.is_none() {
            rows.push(Row { left: Vec::new(), right: vec![j], boilerplate: right.boilerplate[j], score: 0.0 });
        }
    }
    for row in &mut rows {
        row.left.sort_unstable();
        row.right.sort_unstable();
    }
    order_rows(&mut rows);
    let repeats = repeats::repeats(&matches, &rows);
    Ok(Alignment { rows, repeats })
}

/// Most words a headline runs to.
const HEADLINE_WORDS: usize = 16;

/// The copy's headline: its first sentence that is not page furniture, where it ends
/// without a stop and more of the story follows.
fn headline(side: &Side) -> Option<usize> {
    let first = side.boilerplate.iter().position(|&furniture| !furniture)?;
    let range = side.sentences.get(first)?;
    let text = side.text.get(range.clone())?.trim_end();
    let ends_a_sentence = text.ends_with(['.', '!', '?', '"', '\'', '”', '’', ':']);
    let short = side.tokens.get(first)?.len() <= HEADLINE_WORDS;
    (short && !ends_a_sentence && first + 1 < side.sentences.len()).then_some(first)
}

impl Side<'_> {
    const LEFT: bool = true;
    const RIGHT: bool = false;
}

/// Weighted Dice coefficient of two sentences' content words (as in `candidates`).
fn similarity(weight: &[f64], left: &[u32], right: &[u32]) -> f64 {
    let mass = |ids: &[u32]| ids.iter().map(|&id| weight[id as usize]).sum::<f64>();
    let shared_mass: f64 = common(left, right).map(|id| weight[id as usize]).sum();
    2.0 * shared_mass / (mass(left) + mass(right)).max(f64::MIN_POSITIVE)
}

/// `similarity` of a sentence of one side (`own`) and one of the other, the left
/// sentence always first, for passes that run once from each side.
fn similarity_seen_from(own_is_left: bool, weight: &[f64], own: &[u32], other: &[u32]) -> f64 {
    if own_is_left { similarity(weight, own, other) } else { similarity(weight, other, own) }
}

/// Uncrosses nearby pairs that went against reading order only by a small margin.
///
/// Copies of one story keep most sentences in order, and a cluster of reports often
/// repeats one sentence almost word for word, so two sentences can each look like the
/// other's partner. Best-first matching then crosses them; matching in reading order
/// is right when it costs little similarity and either keeps the pairs' neighbours
/// paired too or crosses fewer nearby pairs (the neighbours may themselves have moved:
/// twins on either side of a moved sentence).
fn straighten(l: &[Vec<u32>], r: &[Vec<u32>], rows: &mut [Row], right_row: &mut [Option<usize>]) {
    let weight = weights(l, r);
    let mut partner: Vec<Option<usize>> = vec![None; l.len()];
    for row in rows.iter() {
        partner[row.left[0]] = Some(row.right[0]);
    }
    // Neighbour pairings of left sentence `i` when paired with right sentence `j`.
    let links = |partner: &[Option<usize>], i: usize, j: usize| -> usize {
        let before = i.checked_sub(1).and_then(|p| partner[p]).is_some_and(|p| p + 1 == j);
        let after = partner.get(i + 1).copied().flatten().is_some_and(|p| p == j + 1);
        usize::from(before) + usize::from(after)
    };
    // Each swap must gain order on balance, so a swap is never undone; the pass limit
    // only bounds the work should the local tallies ever disagree.
    let mut changed = true;
    let mut passes = 0;
    while changed && passes < MAX_PASSES {
        changed = false;
        passes += 1;
        for a in 0..l.len() {
            for b in a + 1..(a + 1 + SWAP_REACH).min(l.len()) {
                let (Some(ja), Some(jb)) = (partner[a], partner[b]) else { continue };
                if ja <= jb || ja - jb > SWAP_REACH {
                    continue;
                }
                let before = links(&partner, a, ja) + links(&partner, b, jb);
                let crossed_before = crossings(&partner, a, b);
                let kept = similarity(&weight, &l[a], &r[ja]) + similarity(&weight, &l[b], &r[jb]);
                let (sa, sb) = (similarity(&weight, &l[a], &r[jb]), similarity(&weight, &l[b], &r[ja]));
                partner[a] = Some(jb);
                partner[b] = Some(ja);
                // Neighbour pairings gained plus crossings undone, on balance.
                let after = links(&partner, a, jb) + links(&partner, b, ja);
                let crossed_after = crossings(&partner, a, b);
                let gained = (after + crossed_before).saturating_sub(before + crossed_after);
                if sa.min(sb) >= MUTUAL && gained > 0 && sa + sb >= kept - ORDER * gained.min(MAX_GAIN) as f64 {
                    let (row_a, row_b) = (right_row[ja], right_row[jb]);
                    if let (Some(row_a), Some(row_b)) = (row_a, row_b) {
                        rows[row_a].right = vec![jb];
                        rows[row_a].score = sa;
                        rows[row_b].right = vec![ja];
                        rows[row_b].score = sb;
                        right_row[jb] = Some(row_a);
                        right_row[ja] = Some(row_b);
                        changed = true;
                    }
                } else {
                    partner[a] = Some(ja);
                    partner[b] = Some(jb);
                }
            }
        }
    }
}

/// How many pairs of paired sentences near left sentences `a` and `b`, one of them `a`
/// or `b`, go against reading order: each side reads them in the other order.
fn crossings(partner: &[Option<usize>], a: usize, b: usize) -> usize {
    let crossed = |x: usize, y: usize| match (partner[x], partner[y]) {
        (Some(px), Some(py)) => (x < y) != (px < py),
        _ => false,
    };
    let near = a.saturating_sub(SWAP_REACH)..(b + SWAP_REACH + 1).min(partner.len());
    let others = near.filter(|&x| x != a && x != b);
    usize::from(crossed(a, b)) + others.map(|x| usize::from(crossed(a, x)) + usize::from(crossed(b, x))).sum::<usize>()
}

/// Gives a paired sentence to a left-over sentence that sits where reading order
/// expects its partner, when that costs little similarity.
///
/// A cluster of reports repeats sentences, so one copy can hold a near copy of a
/// sentence the other copy also paraphrases in its place. Best-first matching takes
/// the near copy wherever it stands; the sentence between the right neighbours is the
/// partner when it is a match on its own and the near copy wins only by a margin that
/// the neighbours' agreement outweighs (as in `straighten`).
fn reseat(
    l: &[Vec<u32>],
    r: &[Vec<u32>],
    skip: (&[bool], &[bool]),
    rows: &mut [Row],
    left_row: &mut [Option<usize>],
    right_row: &mut [Option<usize>],
) {
    let weight = weights(l, r);
    for own_is_left in [Side::LEFT, Side::RIGHT] {
        let (own, other, own_skip) = if own_is_left { (l, r, skip.0) } else { (r, l, skip.1) };
        let (own_row, other_row) =
            if own_is_left { (&mut *left_row, &*right_row) } else { (&mut *right_row, &*left_row) };
        let sim = |k: usize, j: usize| similarity_seen_from(own_is_left, &weight, &own[k], &other[j]);
        for k in 0..own.len() {
            if own_row[k].is_some() || own_skip[k] || own[k].is_empty() {
                continue;
            }
            let partner_of = |n: usize, own_row: &[Option<usize>]| -> Option<usize> {
                let row = &rows[own_row.get(n).copied().flatten()?];
                let theirs = if own_is_left { &row.right } else { &row.left };
                theirs.first().copied()
            };
            // Neighbour pairings of own sentence `at` if it were paired with `j`.
            let links = |at: usize, j: usize, own_row: &[Option<usize>]| -> usize {
                let before = at.checked_sub(1).and_then(|p| partner_of(p, own_row)).is_some_and(|p| p + 1 == j);
                let after = partner_of(at + 1, own_row).is_some_and(|p| p == j + 1);
                usize::from(before) + usize::from(after)
            };
            let expected = [
                k.checked_sub(1).and_then(|p| partner_of(p, own_row)).map(|p| p + 1),
                partner_of(k + 1, own_row).and_then(|p| p.checked_sub(1)),
            ];
            let mut best: Option<(f64, usize, usize)> = None;
            for j in expected.into_iter().flatten().filter(|&j| j < other.len()) {
                let Some(row_index) = other_row[j] else { continue };
                let row = &rows[row_index];
                let mine = if own_is_left { &row.left } else { &row.right };
                let &[i] = mine.as_slice() else { continue };
                let gained = links(k, j, own_row).saturating_sub(links(i, j, own_row));
                let (now, instead) = (sim(i, j), sim(k, j));
                if gained > 0
                    && instead >= MATCH
                    && instead >= now - ORDER * gained as f64
                    && best.is_none_or(|(s, _, _)| instead > s)
                {
                    best = Some((instead, row_index, i));
                }
            }
            if let Some((score, row_index, i)) = best {
                hand_over(rows, own_row, own_is_left, row_index, (i, k), score);
            }
        }
    }
}

/// Gives the sentence `from` of one side's row `row_index` to the left-over sentence
/// `to` of the same side, at the pair's new `score` (see `reseat` and `untwin`).
fn hand_over(
    rows: &mut [Row],
    own_row: &mut [Option<usize>],
    own_is_left: bool,
    row_index: usize,
    (from, to): (usize, usize),
    score: f64,
) {
    let row = &mut rows[row_index];
    if own_is_left {
        row.left = vec![to];
    } else {
        row.right = vec![to];
    }
    row.score = score;
    own_row[from] = None;
    own_row[to] = Some(row_index);
}

/// Sentences this alike on one side are one sentence told twice (see `untwin`).
const TWIN: f64 = 0.5;

/// Gives a pair to the left-over twin of a paired sentence when the twin keeps
/// reading order and the pair's similarity barely drops.
///
/// A copy may tell one sentence twice, or carry a near copy from the same cluster of
/// reports; a change written into one of the two lowers its similarity, so best-first
/// matching pairs the other wherever it stands. Of two twins, the one whose pairing
/// crosses fewer other pairs is the partner when it loses at most `ORDER` of
/// similarity per crossing undone (at most `MAX_GAIN` of them).
fn untwin(
    l: &[Vec<u32>],
    r: &[Vec<u32>],
    skip: (&[bool], &[bool]),
    rows: &mut [Row],
    left_row: &mut [Option<usize>],
    right_row: &mut [Option<usize>],
) {
    let weight = weights(l, r);
    for own_is_left in [Side::LEFT, Side::RIGHT] {
        let (own, other, own_skip) = if own_is_left { (l, r, skip.0) } else { (r, l, skip.1) };
        let own_row = if own_is_left { &mut *left_row } else { &mut *right_row };
        let sim = |k: usize, j: usize| similarity_seen_from(own_is_left, &weight, &own[k], &other[j]);
        for k in 0..own.len() {
            if own_row[k].is_some() || own_skip[k] || own[k].is_empty() {
                continue;
            }
            let pairs: Vec<(usize, usize)> = rows
                .iter()
                .filter_map(|row| {
                    let (mine, theirs) = if own_is_left { (&row.left, &row.right) } else { (&row.right, &row.left) };
                    Some((*mine.first()?, *theirs.first()?))
                })
                .collect();
            let crossings = |at: usize, j: usize, except: usize| {
                pairs.iter().filter(|&&(x, y)| x != except && y != j && (x < at) != (y < j)).count()
            };
            let mut best: Option<(f64, usize, usize)> = None;
            for (row_index, row) in rows.iter().enumerate() {
                let (mine, theirs) = if own_is_left { (&row.left, &row.right) } else { (&row.right, &row.left) };
                let (&[i], &[j]) = (mine.as_slice(), theirs.as_slice()) else { continue };
                if similarity(&weight, &own[k], &own[i]) < TWIN {
                    continue;
                }
                let (now, instead) = (sim(i, j), sim(k, j));
                let gained = crossings(i, j, i).saturating_sub(crossings(k, j, i));
                if gained > 0
                    && instead >= MATCH
                    && instead >= now - ORDER * gained.min(MAX_GAIN) as f64
                    && best.is_none_or(|(s, _, _)| instead > s)
                {
                    best = Some((instead, row_index, i));
                }
            }
            if let Some((score, row_index, i)) = best {
                hand_over(rows, own_row, own_is_left, row_index, (i, k), score);
            }
        }
    }
}

/// The pairs among `found` (best first) where each sentence is the other's best match.
fn mutual_best(found: &[(f64, usize, usize)]) -> Vec<(f64, usize, usize)> {
    let (mut best_of_left, mut best_of_right) = (HashMap::new(), HashMap::new());
    for &(score, i, j) in found {
        best_of_left.entry(i).or_insert((score, j));
        best_of_right.entry(j).or_insert(i);
    }
    let mut pairs: Vec<(f64, usize, usize)> = best_of_left
        .into_iter()
        .filter(|(i, (_, j))| best_of_right.get(j) == Some(i))
        .map(|(i, (score, j))| (score, i, j))
        .collect();
    pairs.sort_unstable_by_key(|&(_, i, j)| (i, j));
    pairs
}

/// Joins left-over sentences of one side (`own`) to the row of a neighbouring sentence
/// when the row's other side holds most of their words. Returns whether any joined.
fn join_leftovers(
    own: &[Vec<u32>],
    other: &[Vec<u32>],
    boilerplate: &[bool],
    own_row: &mut [Option<usize>],
    rows: &mut [Row],
    own_is_left: bool,
) -> bool {
    let mut joined = false;
    for i in 0..own.len() {
        if own_row[i].is_some() || boilerplate[i] || own[i].is_empty() {
            continue;
        }
        let neighbours = [i.checked_sub(1), i.checked_add(1)];
        let mut best: Option<(f64, usize)> = None;
        for row_index in neighbours.into_iter().flatten().filter_map(|n| own_row.get(n).copied().flatten()) {
            let row = &rows[row_index];
            let (mine, theirs) = if own_is_left { (&row.left, &row.right) } else { (&row.right, &row.left) };
            let mut there: Vec<u32> = theirs.iter().flat_map(|&j| other[j].iter().copied()).collect();
            there.sort_unstable();
            there.dedup();
            let mut partners: Vec<u32> = mine.iter().flat_map(|&k| own[k].iter().copied()).collect();
            partners.sort_unstable();
            partners.dedup();
            // Words of sentence i that the other side has and the partners do not explain.
            let unexplained: Vec<u32> =
                there.iter().copied().filter(|id| partners.binary_search(id).is_err()).collect();
            let covered = shared(&own[i], &unexplained);
            let share = covered as f64 / own[i].len() as f64;
            // A sentence split off a merged one may repeat who said it ("The minister
            // said it would be signed in June." after the sentence naming the minister):
            // most of its words are there, and at least one the partner does not explain.
            let there_at_all = shared(&own[i], &there);
            let share_at_all = there_at_all as f64 / own[i].len() as f64;
            let split_off = covered >= 1 && there_at_all >= 2 && share_at_all >= JOIN_REPEATING;
            // How strongly the row claims the sentence: words only the row's other side
            // explains count fully, repeated ones at half weight, so a neighbour that
            // explains new words wins over one the sentence merely echoes.
            let many = covered >= JOIN_MANY_WORDS && share >= JOIN_SPLIT_OFF;
            let claim = if (covered >= 2 && share >= JOIN) || many {
                share
            } else if split_off {
                share_at_all / 2.0
            } else {
                continue;
            };
            if best.is_none_or(|(s, _)| claim > s) {
                best = Some((claim, row_index));
            }
        }
        if let Some((_, row_index)) = best {
            own_row[i] = Some(row_index);
            let row = &mut rows[row_index];
            if own_is_left {
                row.left.push(i);
            } else {
                row.right.push(i);
            }
            joined = true;
        }
    }
    joined
}

/// Puts rows in reading order of the left side; right-only rows follow the row that
/// holds the right sentence before them.
fn order_rows(rows: &mut [Row]) {
    let mut right_key: HashMap<usize, f64> = HashMap::new();
    for row in rows.iter() {
        if let Some(&first) = row.left.first() {
            for &j in &row.right {
                right_key.insert(j, first as f64);
            }
        }
    }
    let key = |row: &Row| -> (f64, usize) {
        if let Some(&first) = row.left.first() {
            return (first as f64, row.right.first().copied().unwrap_or(0));
        }
        let j = row.right.first().copied().unwrap_or(0);
        let before = (0..j).rev().find_map(|k| right_key.get(&k).copied()).map_or(-1.0, |k| k + 0.5);
        (before, j)
    };
    rows.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.total_cmp(&kb.0).then(ka.1.cmp(&kb.1))
    });
}

/// The stretches of words that differ between two token sequences.
pub fn word_changes(left: &[&Token], right: &[&Token]) -> Vec<Hunk> {
    let l: Vec<&str> = left.iter().map(|t| t.norm.as_str()).collect();
    let r: Vec<&str> = right.iter().map(|t| t.norm.as_str()).collect();
    let mut hunks: Vec<Hunk> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &l, &r) {
        let (old, new) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete { old_index, old_len, new_index } => (old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert { old_index, new_index, new_len } => (old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                (old_index..old_index + old_len, new_index..new_index + new_len)
            }
        };
        match hunks.last_mut() {
            Some(last) if last.left.end == old.start && last.right.end == new.start => {
                last.left.end = old.end;
                last.right.end = new.end;
            }
            _ => hunks.push(Hunk { left: old, right: new }),
        }
    }
    hunks
}
