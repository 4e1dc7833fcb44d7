//! `crosscheck agreement A.ron B.ron [C.ron…]`: how far analysts who judged the same
//! claims independently agree.
//!
//! Claims are matched across copies by id when they are the same claim (same statement
//! or same first passage), otherwise by their first passage. A claim counts as judged by
//! an analyst when its verdict is not the scale's initial one ("Unverified"). Verdicts are
//! compared with percentage agreement, Cohen's κ (two analysts) and Krippendorff's α for
//! nominal data (any number, missing judgements allowed); marked passages — the evidence
//! attached to a claim — with the F1 of the characters both marked.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::model::{ClaimId, Project, SourceId};

/// One analyst's copy of the project.
#[derive(Debug, Clone)]
pub struct Analyst {
    pub name: String,
    pub project: Project,
}

/// One claim as each analyst judged it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    /// The claim's id in the first analyst's copy.
    pub claim: ClaimId,
    pub statement: String,
    /// Each analyst's verdict, `None` when not judged (or the claim is not in that copy).
    pub verdicts: Vec<Option<String>>,
    /// Mean character-overlap F1 of the passages marked as evidence, over pairs of
    /// analysts who both judged the claim and at least one of whom marked something.
    pub passage_f1: Option<f64>,
}

impl ClaimRow {
    fn judged(&self) -> Vec<&str> {
        self.verdicts.iter().flatten().map(String::as_str).collect()
    }

    /// True when at least two analysts judged it and their verdicts differ.
    pub fn verdicts_differ(&self) -> bool {
        let judged = self.judged();
        judged.len() >= 2 && judged.iter().any(|v| *v != judged[0])
    }
}

/// Below this passage F1 a claim is listed as a disagreement.
pub const PASSAGE_DISAGREEMENT: f64 = 0.5;

/// The agreement between analysts.
#[derive(Debug, Clone)]
pub struct Agreement {
    pub analysts: Vec<String>,
    /// Claims judged by at least two analysts, in the first copy's id order.
    pub rows: Vec<ClaimRow>,
    /// Share of pairs of judgements that agree, over the rows.
    pub percent: Option<f64>,
    /// Cohen's κ, with exactly two analysts; `None` when undefined (one verdict only).
    pub kappa: Option<f64>,
    /// Krippendorff's α (nominal); `None` when undefined.
    pub alpha: Option<f64>,
    /// Mean passage F1 over the rows that have one.
    pub passage_f1: Option<f64>,
}

impl Agreement {
    /// Claims to discuss: verdicts differ, or the marked passages overlap little.
    pub fn disagreements(&self) -> impl Iterator<Item = &ClaimRow> {
        self.rows.iter().filter(|row| row.verdicts_differ() || row.passage_f1.is_some_and(|f| f < PASSAGE_DISAGREEMENT))
    }
}

/// The key a claim is matched by when ids differ: its first passage.
fn passage_key(project: &Project, id: ClaimId) -> Option<(SourceId, usize, usize)> {
    project.claims.get(&id)?.appearances.first().map(|a| (a.source, a.start, a.end))
}

fn same_claim(a: &Project, a_id: ClaimId, b: &Project, b_id: ClaimId) -> bool {
    let (Some(x), Some(y)) = (a.claims.get(&a_id), b.claims.get(&b_id)) else { return false };
    x.statement == y.statement || passage_key(a, a_id) == passage_key(b, b_id)
}

/// The claim in `other` that is `id` of `first`.
fn find_match(first: &Project, id: ClaimId, other: &Project) -> Option<ClaimId> {
    if same_claim(first, id, other, id) {
        return Some(id);
    }
    let key = passage_key(first, id)?;
    other.claims.keys().copied().find(|&candidate| passage_key(other, candidate) == Some(key))
}

/// Characters marked as evidence for a claim: (source, character offset).
fn marked(project: &Project, claim: ClaimId) -> BTreeSet<(SourceId, usize)> {
    project
        .evidence_for(claim)
        .filter(|(_, e)| !e.passage.orphaned)
        .flat_map(|(_, e)| (e.passage.start..e.passage.end).map(move |c| (e.passage.source, c)))
        .collect()
}

/// F1 of two sets of marked characters; `None` if neither marked anything.
pub fn overlap_f1<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> Option<f64> {
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let both = a.intersection(b).count();
    Some(2.0 * both as f64 / (a.len() + b.len()) as f64)
}

/// Compares the analysts' copies.
pub fn agreement(analysts: &[Analyst]) -> Agreement {
    let names = analysts.iter().map(|a| a.name.clone()).collect();
    let Some(first) = analysts.first() else {
        return Agreement {
            analysts: names,
            rows: Vec::new(),
            percent: None,
            kappa: None,
            alpha: None,
            passage_f1: None,
        };
    };
    let mut rows = Vec::new();
    for (&id, claim) in &first.project.claims {
        let matched: Vec<Option<ClaimId>> =
            analysts.iter().map(|a| find_match(&first.project, id, &a.project)).collect();
        let verdicts: Vec<Option<String>> = analysts
            .iter()
            .zip(&matched)
            .map(|(a, m)| {
                let verdict = &a.project.claims.get(&(*m)?)?.verdict;
                (verdict != a.project.scale.initial()).then(|| verdict.clone())
            })
            .collect();
        if verdicts.iter().flatten().count() < 2 {
            continue;
        }
        let judged: Vec<BTreeSet<(SourceId, usize)>> = analysts
            .iter()
            .zip(&matched)
            .zip(&verdicts)
            .filter(|(_, verdict)| verdict.is_some())
            .filter_map(|((a, m), _)| m.map(|m| marked(&a.project, m)))
            .collect();
        let mut scores = Vec::new();
        for (i, a) in judged.iter().enumerate() {
            for b in &judged[i + 1..] {
                scores.extend(overlap_f1(a, b));
            }
        }
        rows.push(ClaimRow { claim: id, statement: claim.statement.clone(), verdicts, passage_f1: mean(&scores) });
    }
    let units: Vec<Vec<&str>> = rows.iter().map(ClaimRow::judged).collect();
    let kappa = if analysts.len() == 2 { cohen_kappa(&rows) } else { None };
    let f1s: Vec<f64> = rows.iter().filter_map(|r| r.passage_f1).collect();
    Agreement {
        analysts: names,
        percent: pairwise_agreement(&units),
        kappa,
        alpha: krippendorff_alpha(&units),
        passage_f1: mean(&f1s),
        rows,
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Share of agreeing pairs among all pairs of judgements of the same claim.
fn pairwise_agreement(units: &[Vec<&str>]) -> Option<f64> {
    let (mut agree, mut pairs) = (0usize, 0usize);
    for unit in units {
        for (i, a) in unit.iter().enumerate() {
            for b in &unit[i + 1..] {
                pairs += 1;
                agree += usize::from(a == b);
            }
        }
    }
    (pairs > 0).then(|| agree as f64 / pairs as f64)
}

/// Cohen's κ over the claims both analysts judged.
fn cohen_kappa(rows: &[ClaimRow]) -> Option<f64> {
    let pairs: Vec<(&str, &str)> =
        rows.iter().filter_map(|r| Some((r.verdicts.first()?.as_deref()?, r.verdicts.get(1)?.as_deref()?))).collect();
    kappa_of(&pairs)
}

/// Cohen's κ of paired nominal judgements.
pub fn kappa_of(pairs: &[(&str, &str)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let observed = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n;
    let mut first: BTreeMap<&str, f64> = BTreeMap::new();
    let mut second: BTreeMap<&str, f64> = BTreeMap::new();
    for (a, b) in pairs {
        *first.entry(a).or_default() += 1.0;
        *second.entry(b).or_default() += 1.0;
    }
    let expected: f64 = first.iter().map(|(k, count)| count / n * second.get(k).copied().unwrap_or(0.0) / n).sum();
    (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
}

/// Krippendorff's α for nominal data; units with fewer than two judgements are not pairable.
pub fn krippendorff_alpha(units: &[Vec<&str>]) -> Option<f64> {
    let mut coincidence: BTreeMap<(&str, &str), f64> = BTreeMap::new();
    for unit in units.iter().filter(|u| u.len() >= 2) {
        let weight = 1.0 / (unit.len() - 1) as f64;
        for (i, a) in unit.iter().enumerate() {
            for (j, b) in unit.iter().enumerate() {
                if i != j {
                    *coincidence.entry((a, b)).or_default() += weight;
                }
            }
        }
    }
    let mut totals: BTreeMap<&str, f64> = BTreeMap::new();
    for (&(c, _), count) in &coincidence {
        *totals.entry(c).or_default() += count;
    }
    let n: f64 = totals.values().sum();
    let disagreeing: f64 = coincidence.iter().filter(|((c, k), _)| c != k).map(|(_, count)| count).sum();
    let expected: f64 =
        totals.iter().flat_map(|(c, nc)| totals.iter().filter(move |(k, _)| *k != c).map(move |(_, nk)| nc * nk)).sum();
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * disagreeing / expected)
}

/// A coefficient with three decimals, or "undefined".
pub fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "undefined".to_owned(), |v| format!("{v:.3}"))
}

/// A share as a percentage with one decimal, or "undefined".
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "undefined".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

impl Agreement {
    /// A Markdown report: figures, the claims side by side, the disagreements.
    pub fn to_markdown(&self) -> String {
        Markdown(self).to_string()
    }

    fn write_markdown(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cell = |text: &str| text.replace('|', "\\|").replace(['\n', '\r'], " ");
        out.write_str("# Agreement between analysts\n\n")?;
        write!(out, "Analysts: {}\n\n", self.analysts.iter().map(|a| cell(a)).collect::<Vec<_>>().join(", "))?;
        writeln!(out, "- Claims judged by at least two: {}", self.rows.len())?;
        writeln!(out, "- Percentage agreement on verdicts: {}", percent(self.percent))?;
        if self.analysts.len() == 2 {
            writeln!(out, "- Cohen's κ: {}", figure(self.kappa))?;
        }
        writeln!(out, "- Krippendorff's α (nominal): {}", figure(self.alpha))?;
        write!(out, "- Marked passages, mean character-overlap F1: {}\n\n", figure(self.passage_f1))?;
        out.write_str("| Claim | Statement |")?;
        for name in &self.analysts {
            write!(out, " {} |", cell(name))?;
        }
        out.write_str(" Passage F1 |\n|---|---|")?;
        out.write_str(&"---|".repeat(self.analysts.len() + 1))?;
        out.write_str("\n")?;
        for row in &self.rows {
            write!(out, "| {} | {} |", row.claim, cell(&row.statement))?;
            for verdict in &row.verdicts {
                write!(out, " {} |", verdict.as_deref().map_or_else(|| "—".to_owned(), cell))?;
            }
            writeln!(out, " {} |", figure(row.passage_f1))?;
        }
        out.write_str("\n## To discuss\n\n")?;
        let mut any = false;
        for row in self.disagreements() {
            any = true;
            let verdicts: Vec<String> = self
                .analysts
                .iter()
                .zip(&row.verdicts)
                .filter_map(|(name, v)| Some(format!("{}: {}", cell(name), cell(v.as_ref()?))))
                .collect();
            writeln!(
                out,
                "- {} {} — {}; passages F1 {}",
                row.claim,
                cell(&row.statement),
                verdicts.join(", "),
                figure(row.passage_f1)
            )?;
        }
        if !any {
            out.write_str("No disagreements.\n")?;
        }
        Ok(())
    }

    /// A CSV table: one row per claim, a verdict column per analyst.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let mut header = vec!["claim".to_owned(), "statement".to_owned()];
        header.extend(self.analysts.iter().map(String::as_str).map(spreadsheet_text));
        header.extend(["verdicts agree".to_owned(), "passage f1".to_owned()]);
        writer.write_record(&header)?;
        for row in &self.rows {
            let mut record = vec![row.claim.to_string(), spreadsheet_text(&row.statement)];
            record.extend(row.verdicts.iter().map(|v| spreadsheet_text(v.as_deref().unwrap_or_default())));
            record.push(if row.verdicts_differ() { "no" } else { "yes" }.to_owned());
            record.push(row.passage_f1.map_or_else(String::new, |f| format!("{f:.3}")));
            writer.write_record(&record)?;
        }
        let bytes = writer.into_inner().map_err(csv::IntoInnerError::into_error)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// The Markdown report, written straight into a formatter.
struct Markdown<'a>(&'a Agreement);

impl fmt::Display for Markdown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_markdown(f)
    }
}

/// A cell a spreadsheet shows as text, never runs as a formula (the rule of the CSV report
/// export, whose helper is private to `export`).
fn spreadsheet_text(text: &str) -> String {
    match text.trim_start().chars().next() {
        Some('=' | '+' | '-' | '@' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kappa_and_alpha_match_hand_computed_values() {
        let pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")];
        let kappa = kappa_of(&pairs).expect("defined");
        assert!((kappa - 0.5).abs() < 1e-9, "{kappa}");
        let units: Vec<Vec<&str>> = pairs.iter().map(|(a, b)| vec![*a, *b]).collect();
        let alpha = krippendorff_alpha(&units).expect("defined");
        // n = 8 values, 2 disagreeing ordered pairs, n_a = 3, n_b = 5: 1 - 7·2/30.
        assert!((alpha - (1.0 - 14.0 / 30.0)).abs() < 1e-9, "{alpha}");
        assert_eq!(pairwise_agreement(&units), Some(0.75));
    }

    #[test]
    fn perfect_agreement_is_one_and_a_single_verdict_is_undefined() {
        let units = vec![vec!["a", "a", "a"], vec!["b", "b"], vec!["c"]];
        assert_eq!(krippendorff_alpha(&units), Some(1.0));
        assert_eq!(kappa_of(&[("a", "a"), ("a", "a")]), None);
        let a: BTreeSet<u32> = (0..10).collect();
        let b: BTreeSet<u32> = (5..15).collect();
        assert_eq!(overlap_f1(&a, &b), Some(0.5));
    }
}
