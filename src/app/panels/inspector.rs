//! The inspector: every field of the selected claim, evidence, conflict or source.

use eframe::egui::{self, RichText};

use super::super::actions::{Action, Actions};
use super::super::theme::{Mark, Palette};
use super::{one_line, text_field, verdict_chip};
use crate::edit::{ClaimChange, ConflictChange, Edit, EvidenceChange, SourceChange};
use crate::model::{
    Advice, Anchor, ClaimId, ConflictId, ConflictKind, ConflictStatus, EvidenceId, Field, Project, SourceId,
    SourceMeta, Stance,
};
use crate::session::UiCommand;
use crate::session::{Selection, Workspace};

pub fn show(ui: &mut egui::Ui, workspace: &Workspace, actions: &mut Actions) {
    egui::ScrollArea::vertical().id_salt("inspector").auto_shrink(false).show(ui, |ui| match workspace.selection {
        Selection::Nothing => {
            ui.weak("Select a claim, a highlight in the document, a conflict or a source to see its details here.");
        }
        Selection::Claim(id) => claim(ui, workspace, id, actions),
        Selection::Evidence(id) => evidence(ui, workspace, id, actions),
        Selection::Conflict(id) => conflict(ui, workspace, id, actions),
        Selection::Source(id) => source(ui, workspace, id, actions),
    });
}

fn go_to(ui: &mut egui::Ui, anchor: &Anchor, actions: &mut Actions) {
    if ui.small_button("Go to").on_hover_text("Show this passage in the document").clicked() {
        actions.push(Action::Reveal { source: anchor.source, range: Some((anchor.start, anchor.end)) });
    }
}

/// A quoted passage with its source's title.
fn passage(ui: &mut egui::Ui, project: &Project, anchor: &Anchor, mark: Mark) {
    let palette = Palette::current(ui.ctx());
    let title = project.sources.get(&anchor.source).map_or("missing source", |s| s.display_title());
    ui.colored_label(palette.muted_text, RichText::new(format!("{} · {title}", anchor.source)).small());
    if anchor.orphaned {
        ui.colored_label(palette.warning, "! Not found after the source's text changed; review this passage.");
    }
    egui::Frame::new()
        .fill(palette.mark(mark).gamma_multiply(0.7))
        .corner_radius(3.0)
        .inner_margin(egui::Margin::symmetric(6, 3))
        .show(ui, |ui| ui.label(format!("“{}”", one_line(&anchor.exact, 400))));
}

/// The mark beside a field a report will leave out or get wrong: a line in the warning
/// colour, read by screen readers (and tests) as its text.
fn advice_lines(ui: &mut egui::Ui, advice: &[Advice], field: Field) {
    let palette = Palette::current(ui.ctx());
    for item in advice.iter().filter(|item| item.field == field) {
        ui.colored_label(palette.warning, format!("! {}", item.message));
    }
}

fn delete_button(ui: &mut egui::Ui, what: &str, actions: &mut Actions) {
    ui.add_space(8.0);
    if ui.button(format!("Delete {what}")).on_hover_text(UiCommand::DeleteSelected.tooltip()).clicked() {
        actions.command(UiCommand::DeleteSelected);
    }
}

fn claim(ui: &mut egui::Ui, workspace: &Workspace, id: ClaimId, actions: &mut Actions) {
    let project = &workspace.project;
    let Some(claim) = project.claims.get(&id) else { return };
    ui.horizontal(|ui| {
        ui.heading(format!("Claim {id}"));
        verdict_chip(ui, &project.scale, &claim.verdict);
    });
    let advice = project.claim_advice(id);
    let set = move |change: ClaimChange| Edit::SetClaim { id, change };
    text_field(ui, "Statement", &claim.statement, true, format!("{id} statement"), actions, |v| {
        set(ClaimChange::Statement(v))
    });
    text_field(ui, "Claimant", &claim.claimant, false, format!("{id} claimant"), actions, |v| {
        set(ClaimChange::Claimant(v))
    });
    let verdict_label = ui.label(RichText::new("Verdict").small().strong());
    let combo =
        egui::ComboBox::from_id_salt(("verdict", id.0)).selected_text(&claim.verdict).width(200.0).show_ui(ui, |ui| {
            for level in &project.scale.levels {
                let chosen = claim.verdict == level.label;
                if ui.selectable_label(chosen, &level.label).clicked() && !chosen {
                    actions.edit(set(ClaimChange::Verdict(level.label.clone())));
                }
            }
        });
    combo.response.labelled_by(verdict_label.id);
    advice_lines(ui, &advice, Field::Verdict);
    text_field(ui, "Explanation", &claim.explanation, true, format!("{id} explanation"), actions, |v| {
        set(ClaimChange::Explanation(v))
    });
    let tags = claim.tags.iter().cloned().collect::<Vec<_>>().join(", ");
    text_field(ui, "Tags (comma-separated)", &tags, false, format!("{id} tags"), actions, |v| {
        set(ClaimChange::Tags(v.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect()))
    });
    text_field(ui, "Notes", &claim.notes, true, format!("{id} notes"), actions, |v| set(ClaimChange::Notes(v)));

    ui.separator();
    ui.label(RichText::new("Appears in").strong());
    advice_lines(ui, &advice, Field::Passage);
    for anchor in &claim.appearances {
        passage(ui, project, anchor, Mark::Claim);
        go_to(ui, anchor, actions);
    }

    ui.separator();
    let index = workspace.index();
    let evidence: Vec<(EvidenceId, &crate::model::Evidence)> =
        index.evidence_for(id).iter().filter_map(|&e| Some((e, project.evidence.get(&e)?))).collect();
    ui.label(RichText::new(format!("Evidence ({})", evidence.len())).strong());
    if evidence.is_empty() {
        ui.weak("Select a passage in any source and choose Supports, Contradicts or Context.");
    }
    for (evidence_id, item) in evidence {
        ui.horizontal(|ui| {
            let stance_menu = egui::ComboBox::from_id_salt(("stance", evidence_id.0))
                .selected_text(item.stance.label())
                .show_ui(ui, |ui| {
                    for stance in Stance::ALL {
                        let chosen = item.stance == stance;
                        if ui.selectable_label(chosen, stance.label()).clicked() && !chosen {
                            actions.edit(Edit::SetEvidence { id: evidence_id, change: EvidenceChange::Stance(stance) });
                        }
                    }
                });
            let name = format!("Stance of {evidence_id}");
            stance_menu.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
            if ui.small_button(evidence_id.to_string()).on_hover_text("Show this evidence in the inspector").clicked() {
                actions.push(Action::Select(Selection::Evidence(evidence_id)));
            }
            go_to(ui, &item.passage, actions);
        });
        passage(ui, project, &item.passage, Mark::Evidence(item.stance));
        if !item.note.is_empty() {
            ui.weak(&item.note);
        }
        ui.add_space(4.0);
    }

    let conflicts = index.conflicts_for(id);
    if !conflicts.is_empty() {
        ui.separator();
        ui.label(RichText::new(format!("Conflicts ({})", conflicts.len())).strong());
        for &conflict_id in conflicts {
            let Some(conflict) = project.conflicts.get(&conflict_id) else { continue };
            let status = if conflict.status.is_open() { "open" } else { "resolved" };
            let label =
                format!("{conflict_id} · {} · {status} · {}", conflict.kind.label(), one_line(&conflict.summary, 60));
            if ui.link(label).clicked() {
                actions.push(Action::Select(Selection::Conflict(conflict_id)));
            }
        }
    }
    delete_button(ui, "claim", actions);
}

fn evidence(ui: &mut egui::Ui, workspace: &Workspace, id: EvidenceId, actions: &mut Actions) {
    let project = &workspace.project;
    let Some(item) = project.evidence.get(&id) else { return };
    ui.heading(format!("Evidence {id}"));
    if let Some(claim) = project.claims.get(&item.claim) {
        ui.horizontal(|ui| {
            ui.label("For claim");
            if ui.link(format!("{} · {}", item.claim, one_line(&claim.statement, 60))).clicked() {
                actions.push(Action::Select(Selection::Claim(item.claim)));
            }
        });
    }
    ui.label(RichText::new("Stance").small().strong());
    ui.horizontal(|ui| {
        for stance in Stance::ALL {
            if ui.radio(item.stance == stance, stance.label()).clicked() && item.stance != stance {
                actions.edit(Edit::SetEvidence { id, change: EvidenceChange::Stance(stance) });
            }
        }
    });
    passage(ui, project, &item.passage, Mark::Evidence(item.stance));
    go_to(ui, &item.passage, actions);
    text_field(ui, "Note", &item.note, true, format!("{id} note"), actions, |v| Edit::SetEvidence {
        id,
        change: EvidenceChange::Note(v),
    });
    delete_button(ui, "evidence", actions);
}

fn conflict(ui: &mut egui::Ui, workspace: &Workspace, id: ConflictId, actions: &mut Actions) {
    let project = &workspace.project;
    let Some(conflict) = project.conflicts.get(&id) else { return };
    ui.heading(format!("Conflict {id}"));
    let set = move |change: ConflictChange| Edit::SetConflict { id, change };
    egui::ComboBox::from_label("Kind").selected_text(conflict.kind.label()).show_ui(ui, |ui| {
        for kind in ConflictKind::ALL {
            if ui.selectable_label(conflict.kind == kind, kind.label()).clicked() && conflict.kind != kind {
                actions.edit(set(ConflictChange::Kind(kind)));
            }
        }
    });
    text_field(ui, "Summary", &conflict.summary, false, format!("{id} summary"), actions, |v| {
        set(ConflictChange::Summary(v))
    });

    ui.separator();
    ui.label(RichText::new("Passages that disagree").strong());
    let correct = match &conflict.status {
        ConflictStatus::Resolved { correct, .. } => *correct,
        ConflictStatus::Open => None,
    };
    ui.columns(conflict.passages.len().max(1), |columns| {
        for (n, (column, anchor)) in columns.iter_mut().zip(&conflict.passages).enumerate() {
            // Columns justify their contents; quotes read better ragged-right.
            column.with_layout(egui::Layout::top_down(egui::Align::Min), |column| {
                column.label(RichText::new(format!("Passage {}", n + 1)).small().strong());
                passage(column, project, anchor, Mark::Conflict);
                go_to(column, anchor, actions);
                if correct == Some(n) {
                    column.colored_label(Palette::current(column.ctx()).accurate, "judged right");
                }
            });
        }
    });

    ui.separator();
    ui.label(RichText::new("Status").small().strong());
    let (note, resolved) = match &conflict.status {
        ConflictStatus::Open => (String::new(), false),
        ConflictStatus::Resolved { note, .. } => (note.clone(), true),
    };
    ui.horizontal(|ui| {
        if ui.radio(!resolved, "Open").clicked() && resolved {
            actions.edit(set(ConflictChange::Status(ConflictStatus::Open)));
        }
        if ui.radio(resolved, "Resolved").clicked() && !resolved {
            actions.edit(set(ConflictChange::Status(ConflictStatus::Resolved { note: String::new(), correct: None })));
        }
    });
    if resolved {
        text_field(ui, "Resolution note", &note, true, format!("{id} resolution"), actions, |v| {
            set(ConflictChange::Status(ConflictStatus::Resolved { note: v, correct }))
        });
        ui.label(RichText::new("Which passage is right").small().strong());
        for n in 0..conflict.passages.len() {
            if ui.radio(correct == Some(n), format!("Passage {} is right", n + 1)).clicked() && correct != Some(n) {
                actions.edit(set(ConflictChange::Status(ConflictStatus::Resolved {
                    note: note.clone(),
                    correct: Some(n),
                })));
            }
        }
        if ui.radio(correct.is_none(), "Neither or undecided").clicked() && correct.is_some() {
            actions.edit(set(ConflictChange::Status(ConflictStatus::Resolved { note: note.clone(), correct: None })));
        }
    }
    delete_button(ui, "conflict", actions);
}

/// Picks one field of a source's metadata.
type MetaField = fn(&mut SourceMeta) -> &mut String;

fn source(ui: &mut egui::Ui, workspace: &Workspace, id: SourceId, actions: &mut Actions) {
    let project = &workspace.project;
    let Some(source) = project.sources.get(&id) else { return };
    ui.heading(format!("Source {id}"));
    let meta = &source.meta;
    let advice = project.source_advice(id);
    let fields: [(&str, &str, MetaField, Option<Field>); 6] = [
        ("Title", &meta.title, |m| &mut m.title, None),
        ("Outlet", &meta.outlet, |m| &mut m.outlet, None),
        ("Author", &meta.author, |m| &mut m.author, None),
        ("Published", &meta.published, |m| &mut m.published, Some(Field::Published)),
        ("URL", &meta.url, |m| &mut m.url, Some(Field::Url)),
        ("Language", &meta.language, |m| &mut m.language, None),
    ];
    for (label, value, field, checked) in fields {
        text_field(ui, label, value, false, format!("{id} {label}"), actions, |v| {
            let mut changed = meta.clone();
            *field(&mut changed) = v;
            Edit::SetSource { id, change: SourceChange::Meta(changed) }
        });
        if let Some(checked) = checked {
            advice_lines(ui, &advice, checked);
        }
    }
    ui.separator();
    let palette = Palette::current(ui.ctx());
    ui.label(format!("Read from: {}", source.content.format.label()));
    ui.label(format!("{} characters", crate::model::char_len(source.text())));
    let read_by_ocr = source.content.original.as_ref().is_some_and(|original| original.ocr.is_some());
    if source.content.format == crate::model::SourceFormat::Image || read_by_ocr {
        ocr_lines(ui, workspace, id, source, actions);
    }
    if let Some(original) = &source.content.original {
        ui.label(format!("Original file: {}", original.path));
        ui.colored_label(palette.muted_text, RichText::new(format!("SHA-256 {}", original.sha256)).small().monospace());
        if let Some(capture) = original.capture.as_deref() {
            capture_lines(ui, capture, palette);
            let again = ui
                .button("Capture again")
                .on_hover_text("Fetch the page anew as a new source, keep both captures, and compare the two versions");
            if again.clicked() {
                actions.push(Action::CaptureAgain(id));
            }
        }
        if let Some(warning) = super::original_warning(workspace.original_status.get(&id)) {
            ui.colored_label(palette.warning, format!("! {warning}."));
        }
        if workspace.original_status.get(&id).is_some_and(crate::store::OriginalStatus::needs_relink) {
            ui.horizontal(|ui| {
                if ui.button("Relink…").on_hover_text("Pick the file where the original is now").clicked() {
                    actions.push(Action::Relink(id));
                }
                let folder = ui.button("Relink folder…").on_hover_text(
                    "Pick a folder: every source whose original is missing is linked to the file of the same name there",
                );
                if folder.clicked() {
                    actions.push(Action::RelinkFolder);
                }
            });
        } else {
            let reimport = ui.button("Re-import from original").on_hover_text(
                "Read the original file again; claims, evidence and conflicts are found again in the new text",
            );
            if reimport.clicked() {
                actions.push(Action::Reimport(id));
            }
        }
    }
    delete_button(ui, "source", actions);
}

/// A captured source's provenance: when and from where, the redirect chain, the payload
/// digest, and every capture of the page, oldest first.
fn capture_lines(ui: &mut egui::Ui, capture: &crate::model::Capture, palette: &Palette) {
    use crate::model::readable_utc;
    ui.label(format!("Captured {} from {}", readable_utc(&capture.captured_at), capture.final_url));
    for hop in &capture.redirects {
        ui.colored_label(palette.muted_text, format!("redirected by {} ({})", hop.url, hop.status));
    }
    ui.colored_label(palette.muted_text, format!("HTTP {} · {}", capture.status, capture.content_type));
    ui.colored_label(
        palette.muted_text,
        RichText::new(format!("Page SHA-256 {}", capture.payload_sha256)).small().monospace(),
    );
    egui::CollapsingHeader::new(format!(
        "History: {}",
        crate::wording::count(capture.history.len() + 1, "capture", "captures")
    ))
    .id_salt("capture history")
    .show(ui, |ui| {
        for earlier in &capture.history {
            ui.label(format!("{} · {}", readable_utc(&earlier.captured_at), earlier.warc));
        }
        ui.label(format!("{} · this source", readable_utc(&capture.captured_at)));
    });
}

/// What OCR read from a picture or a scanned PDF, pages it could not read, and the button
/// that reads it (again): in the background with progress and Cancel, as one undoable
/// replacement of the text.
fn ocr_lines(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    id: SourceId,
    source: &crate::model::Source,
    actions: &mut Actions,
) {
    let palette = Palette::current(ui.ctx());
    match source.content.original.as_ref().and_then(|original| original.ocr.as_deref()) {
        Some(layer) => {
            if !layer.pages.is_empty() {
                ui.label(layer.summary());
            }
            if let Some(unread) = layer.unread_note() {
                ui.colored_label(palette.warning, format!("{unread}."));
            }
        }
        None => {
            ui.colored_label(palette.warning, "The text of this picture has not been read.");
        }
    }
    let readable = workspace.original_status.get(&id).is_none_or(|status| !status.needs_relink());
    let read = ui.add_enabled(readable, egui::Button::new("Read text with OCR")).on_hover_text(
        "Read the text of the picture or scanned pages with Tesseract; passages marked in the old text are found again in the new one",
    );
    if read.clicked() {
        actions.push(Action::Reimport(id));
    }
}
