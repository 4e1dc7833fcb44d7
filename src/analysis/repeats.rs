//! Statements a copy makes twice.
//!
//! Reports of one event repeat themselves: a wire story restates its lead further down,
//! an update keeps the first version's sentence beside its rewrite. Alignment gives each
//! sentence one row, so when the other copy says the same thing in two places, one of
//! them is matched and the other is left in another row (or in none). A repeat records
//! that second likeness, so the analyst sees every place the other copy says it, and
//! `--json` lists it in the alignment.

use serde::Serialize;

use super::align::Row;

/// A left and a right sentence alike at least this much (weighted Dice over content
/// words, as alignment scores rows) say the same thing: most of their words are shared.
const ALIKE: f64 = 0.6;
/// And at least this share of what each sentence's own row scores, so that a sentence
/// matched almost word for word is not said to repeat a loose paraphrase of it.
const OF_OWN_ROW: f64 = 0.7;
/// Most repeats one sentence takes part in, its likest first: a list of market figures
/// can make every line look like every other, and the analyst needs the nearest few.
const MOST_PER_SENTENCE: usize = 3;

/// A left sentence and a right sentence in different rows that say the same thing
/// (indices into each copy's sentences).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Repeat {
    pub left: usize,
    pub right: usize,
    /// How alike the two sentences are, 0 to 1.
    pub score: f64,
}

/// Repeats among `matches`, alignment's candidate pairs (similarity, left, right),
/// once `rows` are final.
pub(super) fn repeats(matches: &[(f64, usize, usize)], rows: &[Row]) -> Vec<Repeat> {
    let sentences = |side: fn(&Row) -> &Vec<usize>| rows.iter().flat_map(side).max().map_or(0, |&i| i + 1);
    let mut left_row = vec![None; sentences(|row| &row.left)];
    let mut right_row = vec![None; sentences(|row| &row.right)];
    for (n, row) in rows.iter().enumerate() {
        row.left.iter().for_each(|&i| left_row[i] = Some(n));
        row.right.iter().for_each(|&j| right_row[j] = Some(n));
    }
    // A row with one side only matched nothing: any likeness beats it.
    let own_score = |row: Option<usize>| {
        row.map(|n| &rows[n]).filter(|row| !row.left.is_empty() && !row.right.is_empty()).map_or(0.0, |row| row.score)
    };
    let (mut left_count, mut right_count) = (vec![0; left_row.len()], vec![0; right_row.len()]);
    let mut repeats = Vec::new();
    // `matches` comes best first, so each sentence keeps its likest repeats.
    for &(score, i, j) in matches {
        let (Some(&own_left), Some(&own_right)) = (left_row.get(i), right_row.get(j)) else { continue };
        let alike = score >= ALIKE
            && own_left != own_right
            && score >= OF_OWN_ROW * own_score(own_left)
            && score >= OF_OWN_ROW * own_score(own_right);
        if alike && left_count[i] < MOST_PER_SENTENCE && right_count[j] < MOST_PER_SENTENCE {
            left_count[i] += 1;
            right_count[j] += 1;
            repeats.push(Repeat { left: i, right: j, score });
        }
    }
    repeats.sort_by_key(|repeat| (repeat.left, repeat.right));
    repeats
}
