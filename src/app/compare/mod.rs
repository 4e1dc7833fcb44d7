//! The compare view: two or more sources of one story side by side, sentence by
//! sentence, with the words that differ highlighted, the discrepancies that matter
//! listed beside them, and sentences worth checking suggested as claims.
//!
//! Comparing and suggesting run on worker threads ([`workers`]); their results are kept
//! until the project or the chosen sources change.

mod workers;

use std::sync::Arc;

use eframe::egui::{self, RichText, text::LayoutJob};

use super::actions::{Action, Actions};
use super::panels::one_line;
use super::theme::{Mark, Palette};
use crate::analysis::{self, AlignedRow, Comparison, PairComparison, Suggestion};
use crate::edit::Edit;
use crate::model::{Anchor, Claim, Conflict, SourceId};
use crate::session::Workspace;
use crate::session::tasks::Task;

/// A comparison being computed, and the project state and sources it is for.
type Running = (u64, Vec<SourceId>, Task<Result<Comparison, String>>);

/// Suggestions being found, and the project state and source they are for.
type Suggesting = (u64, SourceId, Task<Vec<Suggestion>>);

/// Sources chosen for comparison and the comparison of them.
#[derive(Default)]
pub struct CompareView {
    pub base: Option<SourceId>,
    pub others: Vec<SourceId>,
    /// Which pair (index into the comparison's pairs) is shown.
    pub pair: usize,
    result: Option<(u64, Vec<SourceId>, Arc<Comparison>)>,
    running: Option<Running>,
    suggestions: Option<(u64, SourceId, Vec<Suggestion>)>,
    suggesting: Option<Suggesting>,
    /// Suggestions the analyst set aside this session.
    pub hidden_suggestions: Vec<(SourceId, usize, usize)>,
    pub error: Option<String>,
    /// Row to scroll to on the next frame.
    scroll_to_row: Option<usize>,
}

impl CompareView {
    fn chosen(&self) -> Vec<SourceId> {
        self.base.into_iter().chain(self.others.iter().copied()).collect()
    }

    /// Picks sensible sources the first time the view opens: the first source against the rest.
    fn choose_defaults(&mut self, workspace: &Workspace) {
        if self.base.is_none_or(|id| !workspace.project.sources.contains_key(&id)) {
            let mut ids = workspace.project.sources.keys().copied();
            self.base = ids.next();
            self.others = ids.collect();
        }
        self.others.retain(|id| workspace.project.sources.contains_key(id) && Some(*id) != self.base);
    }

    pub fn show(&mut self, ui: &mut egui::Ui, workspace: &Workspace, actions: &mut Actions) {
        self.choose_defaults(workspace);
        self.refresh(workspace, ui.ctx());
        self.source_picker(ui, workspace);
        ui.separator();
        if let Some(error) = &self.error {
            ui.colored_label(Palette::current(ui.ctx()).error, error);
        }
        let Some((_, _, comparison)) = self.result.clone() else {
            if self.running.is_some() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Comparing…");
                });
            } else {
                ui.weak("Choose at least two sources to compare.");
            }
            return;
        };
        if comparison.pairs.len() > 1 {
            ui.horizontal(|ui| {
                for (n, pair) in comparison.pairs.iter().enumerate() {
                    ui.selectable_value(&mut self.pair, n, format!("{} vs {}", pair.left, pair.right));
                }
            });
        }
        let Some(pair) = comparison.pairs.get(self.pair.min(comparison.pairs.len().saturating_sub(1))) else { return };
        egui::Panel::right("discrepancies").resizable(true).default_size(380.0).show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("discrepancy list").auto_shrink(false).show(ui, |ui| {
                self.discrepancy_list(ui, workspace, pair, actions);
                ui.separator();
                self.suggestion_list(ui, workspace, pair.left, actions);
            });
        });
        egui::CentralPanel::default().show(ui, |ui| self.aligned_rows(ui, workspace, pair));
    }

    fn source_picker(&mut self, ui: &mut egui::Ui, workspace: &Workspace) {
        let project = &workspace.project;
        let title =
            |id: SourceId| project.sources.get(&id).map_or_else(String::new, |s| one_line(s.display_title(), 40));
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Compare");
            let base = self.base;
            let combo = egui::ComboBox::from_id_salt("compare base")
                .selected_text(base.map(title).unwrap_or_default())
                .width(260.0)
                .show_ui(ui, |ui| {
                    for &id in project.sources.keys() {
                        ui.selectable_value(&mut self.base, Some(id), format!("{id} · {}", title(id)));
                    }
                });
            combo.response.labelled_by(label.id);
            ui.label("with");
            for &id in project.sources.keys().filter(|id| Some(**id) != self.base) {
                let mut on = self.others.contains(&id);
                if ui.checkbox(&mut on, format!("{id} · {}", title(id))).changed() {
                    if on {
                        self.others.push(id);
                        self.others.sort();
                    } else {
                        self.others.retain(|other| *other != id);
                    }
                    self.pair = 0;
                }
            }
        });
    }

    fn discrepancy_list(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        pair: &PairComparison,
        actions: &mut Actions,
    ) {
        let project = &workspace.project;
        let open: Vec<_> = pair.open(project).collect();
        let dismissed = pair.discrepancies.len() - open.len();
        ui.heading(format!("Discrepancies ({})", open.len()));
        if dismissed > 0 {
            ui.weak(format!("{dismissed} marked as not a problem"));
        }
        if open.is_empty() {
            ui.weak("No differences that matter between these two sources.");
        }
        let palette = Palette::current(ui.ctx());
        for discrepancy in open {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(RichText::new(discrepancy.kind.label()).strong().color(palette.warning));
                    if ui.small_button("Show").on_hover_text("Scroll the aligned text to this difference").clicked() {
                        self.scroll_to_row = Some(discrepancy.row);
                    }
                });
                ui.label(&discrepancy.explanation);
                for passage in &discrepancy.passages {
                    if !passage.exact.is_empty() {
                        ui.weak(format!("{}: “{}”", passage.source, one_line(&passage.exact, 80)));
                    }
                }
                flag_or_dismiss(ui, actions, "difference", || discrepancy.to_conflict(), &discrepancy.fingerprint);
            });
        }
    }

    fn suggestion_list(&mut self, ui: &mut egui::Ui, workspace: &Workspace, source: SourceId, actions: &mut Actions) {
        let Some((_, id, suggestions)) = &self.suggestions else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Finding sentences worth checking…");
            });
            return;
        };
        if *id != source {
            return;
        }
        let shown: Vec<&Suggestion> = suggestions
            .iter()
            .filter(|s| !self.hidden_suggestions.contains(&(source, s.start, s.end)))
            .filter(|s| !already_claimed(workspace, source, s))
            .take(12)
            .collect();
        ui.heading(format!("Worth checking in {source} ({})", shown.len()));
        ui.weak("Sentences with numbers, names, attributions, comparisons or causes.");
        let mut hide = None;
        for suggestion in shown {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(one_line(&suggestion.text, 220));
                ui.weak(format!("Why: {}", suggestion.reasons.join("; ")));
                ui.horizontal(|ui| {
                    if ui.button("Accept as claim").clicked() {
                        let text =
                            workspace.project.sources.get(&source).map(crate::model::Source::text).unwrap_or_default();
                        if let Some(anchor) = Anchor::capture(source, text, suggestion.start, suggestion.end) {
                            let claim = Claim::marked(anchor, workspace.project.scale.initial());
                            actions.push(Action::AcceptSuggestion(Box::new(claim)));
                        }
                    }
                    if ui.button("Dismiss").on_hover_text("Hide this suggestion").clicked() {
                        hide = Some((source, suggestion.start, suggestion.end));
                    }
                });
            });
        }
        if let Some(key) = hide {
            self.hidden_suggestions.push(key);
        }
    }

    fn aligned_rows(&mut self, ui: &mut egui::Ui, workspace: &Workspace, pair: &PairComparison) {
        let project = &workspace.project;
        let (Some(left), Some(right)) = (project.sources.get(&pair.left), project.sources.get(&pair.right)) else {
            return;
        };
        let palette = Palette::current(ui.ctx());
        let headings = [(pair.left, left.display_title()), (pair.right, right.display_title())];
        ui.columns(2, |columns| {
            for (column, (id, title)) in columns.iter_mut().zip(headings) {
                column.with_layout(egui::Layout::top_down(egui::Align::Min), |column| {
                    column.strong(format!("{id} · {}", one_line(title, 50)));
                });
            }
        });
        let scroll_to = self.scroll_to_row.take();
        egui::ScrollArea::vertical().id_salt("aligned rows").auto_shrink(false).show(ui, |ui| {
            for (n, row) in pair.rows.iter().enumerate() {
                if row.boilerplate {
                    continue;
                }
                ui.columns(2, |columns| {
                    let texts = [
                        (&row.left, &pair.left_sentences, left.text(), true),
                        (&row.right, &pair.right_sentences, right.text(), false),
                    ];
                    for (column, (indices, sentences, text, is_left)) in columns.iter_mut().zip(texts) {
                        // Columns justify their contents; prose reads better ragged-right.
                        column.with_layout(egui::Layout::top_down(egui::Align::Min), |column| {
                            if indices.is_empty() {
                                column.weak("(not in this copy)");
                            } else {
                                let job = row_job(row, indices, sentences, text, is_left, palette, column);
                                column.label(job);
                            }
                        });
                    }
                });
                if !row.also.is_empty() {
                    self.said_again(ui, pair, row, left.text(), right.text());
                }
                let rect = ui.min_rect();
                if scroll_to == Some(n) {
                    ui.scroll_to_rect(
                        egui::Rect::from_min_max(egui::pos2(rect.left(), rect.bottom() - 40.0), rect.max),
                        Some(egui::Align::Center),
                    );
                }
                ui.separator();
            }
        });
    }

    /// Under a row, the other rows that say the same thing, each a link that scrolls
    /// there: a copy that states something twice shows both places.
    fn said_again(&mut self, ui: &mut egui::Ui, pair: &PairComparison, row: &AlignedRow, left: &str, right: &str) {
        ui.horizontal_wrapped(|ui| {
            ui.weak("Said again elsewhere:");
            for &other in &row.also {
                let Some(opening) = row_opening(pair, other, left, right) else { continue };
                let link = ui.link(format!("“{}”", one_line(&opening, 60)));
                if link.on_hover_text("Scroll to the row that says this again").clicked() {
                    self.scroll_to_row = Some(other);
                    ui.ctx().request_repaint();
                }
            }
        });
    }
}

/// The first sentence of row `n`, from the left copy where it has one.
fn row_opening(pair: &PairComparison, n: usize, left: &str, right: &str) -> Option<String> {
    let row = pair.rows.get(n)?;
    let (sentences, text, index) = match (row.left.first(), row.right.first()) {
        (Some(&i), _) => (&pair.left_sentences, left, i),
        (None, Some(&j)) => (&pair.right_sentences, right, j),
        (None, None) => return None,
    };
    Some(sentences.get(index)?.text(text).to_owned())
}

/// A suggestion the analyst has already marked needs no second offer.
/// The Make conflict / Not a problem buttons under a difference between sources (a
/// discrepancy here, a whole-document disagreement in the Facts tab): flag it as a
/// conflict, or remember its fingerprint in the project as not a problem.
pub(super) fn flag_or_dismiss(
    ui: &mut egui::Ui,
    actions: &mut Actions,
    what: &str,
    to_conflict: impl FnOnce() -> Conflict,
    fingerprint: &str,
) {
    ui.horizontal(|ui| {
        let flag =
            ui.button("Make conflict").on_hover_text(format!("Flag this {what} as a conflict with both passages"));
        if flag.clicked() {
            actions.push(Action::FlagDiscrepancy(Box::new(to_conflict())));
        }
        let dismiss = ui.button("Not a problem").on_hover_text(format!("Hide this {what}; remembered in the project"));
        if dismiss.clicked() {
            actions.edit(Edit::DismissDiscrepancy { fingerprint: fingerprint.to_owned() });
        }
    });
}

fn already_claimed(workspace: &Workspace, source: SourceId, suggestion: &Suggestion) -> bool {
    workspace
        .project
        .claims
        .values()
        .flat_map(|c| &c.appearances)
        .any(|a| a.source == source && a.start < suggestion.end && suggestion.start < a.end)
}

/// The sentences of one side of a row, with changed words highlighted: strongly where the
/// change made a discrepancy, lightly where it is harmless.
fn row_job(
    row: &AlignedRow,
    indices: &[usize],
    sentences: &[analysis::Sentence],
    text: &str,
    is_left: bool,
    palette: &Palette,
    ui: &egui::Ui,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let plain = egui::TextFormat::simple(egui::TextStyle::Body.resolve(ui.style()), ui.visuals().text_color());
    for &index in indices {
        let Some(sentence) = sentences.get(index) else { continue };
        let mut cursor = sentence.chars.start;
        let chars: Vec<char> =
            text.chars().skip(sentence.chars.start).take(sentence.chars.end - sentence.chars.start).collect();
        let piece = |from: usize, to: usize| {
            chars[from - sentence.chars.start..to - sentence.chars.start].iter().collect::<String>()
        };
        let mut changes: Vec<(std::ops::Range<usize>, bool)> = row
            .changes
            .iter()
            .map(|change| (if is_left { change.left.clone() } else { change.right.clone() }, change.matters))
            .filter(|(range, _)| {
                range.start >= sentence.chars.start && range.end <= sentence.chars.end && range.start < range.end
            })
            .collect();
        changes.sort_by_key(|(range, _)| range.start);
        for (range, matters) in changes {
            if range.start < cursor {
                continue;
            }
            job.append(&piece(cursor, range.start), 0.0, plain.clone());
            let background = if matters {
                palette.mark(Mark::Evidence(crate::model::Stance::Contradicts))
            } else {
                palette.mark(Mark::Selection).gamma_multiply(0.5)
            };
            job.append(&piece(range.start, range.end), 0.0, egui::TextFormat { background, ..plain.clone() });
            cursor = range.end;
        }
        job.append(&piece(cursor, sentence.chars.end), 0.0, plain.clone());
        job.append(" ", 0.0, plain.clone());
    }
    job
}
