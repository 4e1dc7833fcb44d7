//! Crosscheck's own file dialog, for desktops where the native one cannot be shown (no
//! XDG desktop portal and no zenity: a plain X session, many tiling window managers).
//! Without it Open, Import, Save as and Export would silently do nothing there.
//!
//! Small on purpose: a folder's entries filtered by what the dialog is for, a path that
//! can be typed or pasted, recent folders, and a line saying why this dialog is shown.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::dialogs::DialogKind;

/// One entry of the folder shown.
struct Entry {
    name: String,
    is_folder: bool,
}

pub struct InAppDialog {
    kind: DialogKind,
    /// Why the native dialog was not used.
    why: String,
    folder: PathBuf,
    entries: Vec<Entry>,
    /// A file name, or a whole path, typed or picked.
    typed: String,
    /// Files picked for import (several allowed).
    picked: Vec<String>,
    problem: Option<String>,
}

impl InAppDialog {
    pub fn new(kind: DialogKind, why: String, folder: PathBuf) -> Self {
        let typed = match &kind {
            DialogKind::SaveProjectAs { suggested_name } | DialogKind::SaveReport { suggested_name, .. } => {
                suggested_name.clone()
            }
            _ => String::new(),
        };
        let mut dialog =
            Self { kind, why, folder: PathBuf::new(), entries: Vec::new(), typed, picked: Vec::new(), problem: None };
        dialog.enter(folder);
        dialog
    }

    fn title(&self) -> &'static str {
        match self.kind {
            DialogKind::OpenProject => "Open project",
            DialogKind::SaveProjectAs { .. } => "Save project as",
            DialogKind::ImportSources => "Import sources",
            DialogKind::SaveReport { .. } => "Save report",
            DialogKind::FindOriginal => "Find the moved original",
            DialogKind::FindOriginalsFolder => "Folder with the moved originals",
            DialogKind::CompareProjects => "Compare judgements with other copies",
        }
    }

    fn confirm_label(&self) -> &'static str {
        match self.kind {
            DialogKind::OpenProject => "Open",
            DialogKind::SaveProjectAs { .. } | DialogKind::SaveReport { .. } => "Save",
            DialogKind::ImportSources => "Import",
            DialogKind::FindOriginal => "Choose file",
            DialogKind::FindOriginalsFolder => "Choose this folder",
            DialogKind::CompareProjects => "Compare",
        }
    }

    /// Whether a file of this name is listed: only what the dialog is for.
    fn shows_file(&self, name: &str) -> bool {
        let path = Path::new(name);
        match &self.kind {
            DialogKind::OpenProject | DialogKind::SaveProjectAs { .. } | DialogKind::CompareProjects => {
                path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            }
            DialogKind::ImportSources => crate::import::is_supported(path),
            DialogKind::SaveReport { extension, .. } => path.extension().is_some_and(|e| e == *extension),
            DialogKind::FindOriginal => true,
            DialogKind::FindOriginalsFolder => false,
        }
    }

    /// Shows `folder`'s entries: folders first, then the files this dialog is for, by name.
    fn enter(&mut self, folder: PathBuf) {
        match std::fs::read_dir(&folder) {
            Ok(read) => {
                let mut entries: Vec<Entry> = read
                    .filter_map(Result::ok)
                    .filter_map(|entry| {
                        let name = entry.file_name().to_string_lossy().into_owned();
                        let is_folder = entry.path().is_dir();
                        (!name.starts_with('.') && (is_folder || self.shows_file(&name)))
                            .then_some(Entry { name, is_folder })
                    })
                    .collect();
                entries.sort_by(|a, b| b.is_folder.cmp(&a.is_folder).then_with(|| a.name.cmp(&b.name)));
                self.entries = entries;
                self.folder = folder;
                self.picked.clear();
                self.problem = None;
            }
            Err(error) => self.problem = Some(format!("Cannot list {}: {error}", folder.display())),
        }
    }

    /// The paths the analyst chose, or why they cannot be used yet.
    fn chosen(&self) -> Result<Vec<PathBuf>, String> {
        if matches!(self.kind, DialogKind::FindOriginalsFolder) {
            return Ok(vec![self.folder.clone()]);
        }
        let mut names: Vec<&str> = self.picked.iter().map(String::as_str).collect();
        let typed = self.typed.trim();
        if !typed.is_empty() && !names.contains(&typed) {
            names.push(typed);
        }
        if names.is_empty() {
            return Err("Pick a file or type its name.".to_owned());
        }
        let saving = matches!(self.kind, DialogKind::SaveProjectAs { .. } | DialogKind::SaveReport { .. });
        let paths: Vec<PathBuf> = names.iter().map(|name| self.folder.join(name)).collect();
        if let Some(missing) = paths.iter().find(|path| !saving && !path.is_file()) {
            return Err(format!("{} is not a file.", missing.display()));
        }
        Ok(paths)
    }

    /// Draws the dialog; returns the answer once there is one (empty: cancelled).
    pub fn show(&mut self, ctx: &egui::Context, recent_folders: &[PathBuf]) -> Option<Vec<PathBuf>> {
        let mut answer = None;
        let mut go_to = None;
        let modal = egui::Modal::new(egui::Id::unique("in-app file dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(self.title());
            ui.weak(&self.why);
            ui.horizontal(|ui| {
                if ui.button("Up").on_hover_text("The folder above").clicked()
                    && let Some(parent) = self.folder.parent()
                {
                    go_to = Some(parent.to_owned());
                }
                ui.label(self.folder.display().to_string());
            });
            if !recent_folders.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.weak("Recent:");
                    for folder in recent_folders {
                        let name = folder
                            .file_name()
                            .map_or_else(|| folder.display().to_string(), |n| n.to_string_lossy().into_owned());
                        if ui.small_button(name).on_hover_text(folder.display().to_string()).clicked() {
                            go_to = Some(folder.clone());
                        }
                    }
                });
            }
            ui.separator();
            egui::ScrollArea::vertical().max_height(280.0).auto_shrink([false, true]).show(ui, |ui| {
                if self.entries.is_empty() {
                    ui.weak("Nothing here for this dialog.");
                }
                for entry in &self.entries {
                    if entry.is_folder {
                        if ui.selectable_label(false, format!("{}/", entry.name)).double_clicked() {
                            go_to = Some(self.folder.join(&entry.name));
                        }
                        continue;
                    }
                    let picked = self.picked.contains(&entry.name);
                    if ui.selectable_label(picked, &entry.name).clicked() {
                        if matches!(self.kind, DialogKind::ImportSources | DialogKind::CompareProjects) {
                            if picked {
                                self.picked.retain(|name| *name != entry.name);
                            } else {
                                self.picked.push(entry.name.clone());
                            }
                        } else {
                            self.typed.clone_from(&entry.name);
                        }
                    }
                }
            });
            ui.separator();
            // Enter in the name field confirms, as in every file dialog.
            let mut entered = false;
            if !matches!(self.kind, DialogKind::FindOriginalsFolder) {
                ui.horizontal(|ui| {
                    let label = ui.label("File name");
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut self.typed).desired_width(f32::INFINITY))
                        .labelled_by(label.id)
                        .on_hover_text("A name in this folder, or a whole path");
                    entered = field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
                });
            }
            if let Some(problem) = &self.problem {
                ui.colored_label(super::theme::Palette::current(ui.ctx()).error, problem);
            }
            ui.horizontal(|ui| {
                if ui.button(self.confirm_label()).clicked() || entered {
                    match self.chosen() {
                        Ok(paths) => answer = Some(paths),
                        Err(problem) => self.problem = Some(problem),
                    }
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(Vec::new());
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(Vec::new());
        }
        if let Some(folder) = go_to {
            self.enter(folder);
        }
        answer
    }
}
