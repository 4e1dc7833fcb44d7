//! The "Agreement between analysts" window: the open project's judgements beside other
//! analysts' copies (`teamwork::agreement`), read and compared on a worker
//! ([`AgreementJob`]). Summary figures, the claims side by side with disagreements
//! marked, a click on a claim shows it in the document, and the report saves as Markdown
//! or CSV through the save dialog.

use eframe::egui::{self, RichText};

use super::actions::{Action, Actions};
use super::theme::Palette;
use crate::session::agreement_job::{AgreementFormat, AgreementJob};
use crate::session::{Request, Selection};
use crate::teamwork::agreement::{Agreement, ClaimRow, figure, percent};

/// Statements longer than this are cut in the table; the whole one is in the hover text.
const STATEMENT_CHARS: usize = 44;

#[derive(Default)]
pub struct AgreementView {
    /// The comparison being computed.
    pub job: Option<AgreementJob>,
    /// The last comparison's result.
    pub report: Option<Agreement>,
    /// Whether the window is on screen.
    pub open: bool,
    /// List only the claims to discuss.
    only_disagreements: bool,
}

impl AgreementView {
    pub fn show(&mut self, ctx: &egui::Context, actions: &mut Actions) {
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new("Agreement between analysts")
            .id(egui::Id::unique("agreement window"))
            .open(&mut open)
            .default_size([780.0, 600.0])
            // Over the document, clear of the claims list and inspector a click on a claim fills.
            .default_pos([262.0, 80.0])
            .resizable(true)
            .show(ctx, |ui| {
                if let Some(job) = &self.job {
                    let progress = job.progress();
                    ui.horizontal(|ui| {
                        let text = format!("Reading and comparing {} of {}", progress.done, progress.total);
                        ui.add(egui::ProgressBar::new(progress.fraction()).desired_width(260.0).text(text));
                        if ui.button("Cancel comparison").clicked() {
                            actions.push(Action::CancelAgreement);
                        }
                    });
                    return;
                }
                match &self.report {
                    Some(report) => report_ui(ui, report, &mut self.only_disagreements, actions),
                    None => {
                        ui.label("No comparison yet.");
                    }
                }
            });
        if !open {
            self.open = false;
            if self.job.is_some() {
                actions.push(Action::CancelAgreement);
            }
        }
    }
}

fn report_ui(ui: &mut egui::Ui, report: &Agreement, only_disagreements: &mut bool, actions: &mut Actions) {
    ui.label(format!("Compared: {}", report.analysts.join(", ")));
    ui.weak("A claim counts as judged when its verdict is not the scale's first one.");
    ui.add_space(4.0);
    let to_discuss = report.disagreements().count();
    egui::Grid::new("agreement figures").num_columns(2).spacing([24.0, 4.0]).show(ui, |ui| {
        let mut figure_row = |name: &str, value: String| {
            ui.label(name);
            let shown = ui.label(RichText::new(&value).strong());
            shown.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, format!("{name}: {value}")));
            ui.end_row();
        };
        figure_row("Claims judged by at least two", report.rows.len().to_string());
        figure_row("Agreement on verdicts", percent(report.percent));
        if report.analysts.len() == 2 {
            figure_row("Cohen's κ", figure(report.kappa));
        }
        figure_row("Krippendorff's α (nominal)", figure(report.alpha));
        figure_row("Marked passages, character-overlap F1", figure(report.passage_f1));
        figure_row("Claims to discuss", to_discuss.to_string());
    });
    ui.horizontal(|ui| {
        for format in [AgreementFormat::Markdown, AgreementFormat::Csv] {
            let label = format!("Save as {}…", format.label());
            if ui.button(label).on_hover_text("Save the figures and the table as a report").clicked() {
                actions.push(Action::Request(Request::SaveAgreement(format)));
            }
        }
        ui.checkbox(only_disagreements, "Only claims to discuss");
    });
    ui.separator();
    if report.rows.is_empty() {
        ui.label("No claim was judged in more than one copy.");
        return;
    }
    let shown: Vec<&ClaimRow> =
        if *only_disagreements { report.disagreements().collect() } else { report.rows.iter().collect() };
    let palette = Palette::current(ui.ctx());
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("agreement table").striped(true).num_columns(report.analysts.len() + 4).show(ui, |ui| {
            ui.strong("Claim");
            ui.strong("Statement");
            for name in &report.analysts {
                ui.strong(name);
            }
            ui.strong("Passage F1");
            ui.strong("");
            ui.end_row();
            for row in shown {
                row_ui(ui, row, palette, actions);
            }
        });
    });
}

fn row_ui(ui: &mut egui::Ui, row: &ClaimRow, palette: &Palette, actions: &mut Actions) {
    let differ = row.verdicts_differ();
    let passages_differ = row.passage_f1.is_some_and(|f| f < crate::teamwork::agreement::PASSAGE_DISAGREEMENT);
    let claim = ui.link(row.claim.to_string()).on_hover_text("Show this claim in the document");
    claim.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, format!("Show claim {}", row.claim)));
    if claim.clicked() {
        actions.push(Action::Select(Selection::Claim(row.claim)));
    }
    let statement = if row.statement.chars().count() > STATEMENT_CHARS {
        format!("{}…", row.statement.chars().take(STATEMENT_CHARS).collect::<String>())
    } else {
        row.statement.clone()
    };
    ui.label(statement).on_hover_text(&row.statement);
    for verdict in &row.verdicts {
        let text = verdict.as_deref().unwrap_or("—");
        if differ && verdict.is_some() {
            ui.label(RichText::new(text).color(palette.error).strong());
        } else {
            ui.label(text);
        }
    }
    let f1 = row.passage_f1.map_or_else(|| "—".to_owned(), |f| format!("{f:.2}"));
    if passages_differ {
        ui.label(RichText::new(f1).color(palette.warning));
    } else {
        ui.label(f1);
    }
    let mark = match (differ, passages_differ) {
        (true, true) => "verdicts and passages differ",
        (true, false) => "verdicts differ",
        (false, true) => "passages differ",
        (false, false) => "",
    };
    let shown = ui.label(RichText::new(mark).color(palette.error));
    if differ || passages_differ {
        shown.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Claim {} to discuss: {mark}", row.claim))
        });
    }
    ui.end_row();
}
