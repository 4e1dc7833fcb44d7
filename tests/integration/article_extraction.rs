//! Regression guard for web-page import: the 4-word-shingle F1 of the article bodies the
//! library extracts from `../shared/data/article-extraction` must stay at or above 0.95.
//!
//! The metric is the one `../shared/tools/score-extraction` computes: word tokens (letters,
//! digits, underscore: Python's `\w`, short of combining marks), 4-word shingles counted
//! with multiplicity, per-page true/false positives and false negatives normalised to sum
//! to 1, precision and recall averaged over pages, F1 their harmonic mean.

use std::collections::HashMap;
use std::path::Path;

const FLOOR: f64 = 0.95;

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> =
        text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).collect();
    let mut counts = HashMap::new();
    if tokens.len() < 4 {
        if !tokens.is_empty() {
            *counts.entry(tokens).or_default() += 1;
        }
        return counts;
    }
    for gram in tokens.windows(4) {
        *counts.entry(gram.to_vec()).or_default() += 1;
    }
    counts
}

/// (true positives, false positives, false negatives), normalised to sum to 1.
fn page_match(truth: &str, predicted: &str) -> (f64, f64, f64) {
    let (t, p) = (shingles(truth), shingles(predicted));
    let tp: usize = t.iter().map(|(gram, &count)| count.min(p.get(gram).copied().unwrap_or(0))).sum();
    let fp: usize = p.iter().map(|(gram, &count)| count.saturating_sub(t.get(gram).copied().unwrap_or(0))).sum();
    let fn_: usize = t.iter().map(|(gram, &count)| count.saturating_sub(p.get(gram).copied().unwrap_or(0))).sum();
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 { (0.0, 0.0, 0.0) } else { (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum) }
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() { 0.0 } else { values.iter().sum::<f64>() / values.len() as f64 }
}

#[test]
fn article_extraction_f1_stays_above_the_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/article-extraction");
    let truth_path = root.join("ground-truth.json");
    // CI has the data set beside the repository; its absence is a broken setup, not a skip.
    let truth = std::fs::read_to_string(&truth_path)
        .unwrap_or_else(|error| panic!("the benchmark data is missing at {}: {error}", truth_path.display()));
    let truth: HashMap<String, serde_json::Value> = serde_json::from_str(&truth).expect("ground truth is JSON");
    assert!(truth.len() >= 90, "expected the 91-page data set, found {} pages", truth.len());
    let (mut precisions, mut recalls) = (Vec::new(), Vec::new());
    for (key, item) in &truth {
        let page = std::fs::read(root.join("html").join(format!("{key}.html.gz"))).expect("page exists");
        let predicted = crosscheck::import::html::import_gzip(&page).map(|imported| imported.text).unwrap_or_default();
        let body = item.get("articleBody").and_then(serde_json::Value::as_str).unwrap_or_default();
        let (tp, fp, fn_) = page_match(body, &predicted);
        if fp == 0.0 && fn_ == 0.0 {
            precisions.push(1.0);
            recalls.push(1.0);
            continue;
        }
        if tp + fp > 0.0 {
            precisions.push(tp / (tp + fp));
        }
        if tp + fn_ > 0.0 {
            recalls.push(tp / (tp + fn_));
        }
    }
    let (precision, recall) = (mean(&precisions), mean(&recalls));
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    println!("F1 {f1:.3} precision {precision:.3} recall {recall:.3} pages {}", truth.len());
    assert!(f1 >= FLOOR, "article extraction F1 fell to {f1:.3} (floor {FLOOR})");
}
