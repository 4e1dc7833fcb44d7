//! Every action a user can start from a menu, a shortcut or a button: its label, its
//! tooltip and its shortcut live here, so menus and shortcuts never drift apart.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::Stance;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiCommand {
    NewProject,
    OpenProject,
    SaveProject,
    SaveProjectAs,
    CloseProject,
    Quit,
    ImportSources,
    ExportReport,
    Undo,
    Redo,
    Find,
    CompareSources,
    ShowFacts,
    MarkClaim,
    AttachEvidence(Stance),
    AddToConflict,
    DeleteSelected,
    ToggleSources,
    ToggleClaims,
    ToggleBottom,
    ToggleTheme,
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn command_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl UiCommand {
    /// Commands with a keyboard shortcut, checked every frame. Longer shortcuts come
    /// first so that Ctrl+Shift+Z is not taken for Ctrl+Z.
    pub const WITH_SHORTCUTS: [UiCommand; 19] = [
        UiCommand::Redo,
        UiCommand::SaveProjectAs,
        UiCommand::NewProject,
        UiCommand::OpenProject,
        UiCommand::SaveProject,
        UiCommand::CloseProject,
        UiCommand::Quit,
        UiCommand::ImportSources,
        UiCommand::ExportReport,
        UiCommand::Undo,
        UiCommand::Find,
        UiCommand::CompareSources,
        UiCommand::ShowFacts,
        UiCommand::MarkClaim,
        UiCommand::AttachEvidence(Stance::Supports),
        UiCommand::AttachEvidence(Stance::Contradicts),
        UiCommand::AttachEvidence(Stance::Context),
        UiCommand::AddToConflict,
        UiCommand::ToggleTheme,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::NewProject => "New project",
            Self::OpenProject => "Open…",
            Self::SaveProject => "Save",
            Self::SaveProjectAs => "Save as…",
            Self::CloseProject => "Close project",
            Self::Quit => "Quit",
            Self::ImportSources => "Import sources…",
            Self::ExportReport => "Export report…",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Find => "Find in sources",
            Self::CompareSources => "Compare sources",
            Self::ShowFacts => "Facts",
            Self::MarkClaim => "Mark claim",
            Self::AttachEvidence(Stance::Supports) => "Supports",
            Self::AttachEvidence(Stance::Contradicts) => "Contradicts",
            Self::AttachEvidence(Stance::Context) => "Context",
            Self::AddToConflict => "Add to conflict",
            Self::DeleteSelected => "Delete selected",
            Self::ToggleSources => "Sources panel",
            Self::ToggleClaims => "Claims panel",
            Self::ToggleBottom => "Conflicts and search panel",
            Self::ToggleTheme => "Dark theme",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Self::NewProject => "Start an empty project",
            Self::OpenProject => "Open a project file (.ron)",
            Self::SaveProject => "Save the project to its file",
            Self::SaveProjectAs => "Save the project to a new file, with copies of its source files",
            Self::CloseProject => "Close the project",
            Self::Quit => "Quit Crosscheck",
            Self::ImportSources => {
                "Add documents as sources: text, Markdown, web pages, PDF, Word or OpenDocument files"
            }
            Self::ExportReport => "Write the fact-check as HTML, Markdown, CSV, ClaimReview or Web Annotation",
            Self::Undo => "Undo the last change",
            Self::Redo => "Redo the last undone change",
            Self::Find => "Search the text of every source",
            Self::CompareSources => "Show sources side by side with their differences; switch back to the document",
            Self::ShowFacts => {
                "Every person, place, number, date and agency the sources state, and where they disagree"
            }
            Self::MarkClaim => "Mark the selected text as a claim to check",
            Self::AttachEvidence(Stance::Supports) => {
                "Attach the selected text as evidence supporting the selected claim"
            }
            Self::AttachEvidence(Stance::Contradicts) => {
                "Attach the selected text as evidence contradicting the selected claim"
            }
            Self::AttachEvidence(Stance::Context) => "Attach the selected text as context for the selected claim",
            Self::AddToConflict => "Add the selected text to the selected conflict, or start a new conflict with it",
            Self::DeleteSelected => "Delete the selected claim, evidence, conflict or source",
            Self::ToggleSources => "Show or hide the sources list",
            Self::ToggleClaims => "Show or hide the claims list and inspector",
            Self::ToggleBottom => "Show or hide the conflicts board and search results",
            Self::ToggleTheme => "Switch between the light and dark theme",
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        Some(match self {
            Self::NewProject => command(Key::N),
            Self::OpenProject => command(Key::O),
            Self::SaveProject => command(Key::S),
            Self::SaveProjectAs => command_shift(Key::S),
            Self::CloseProject => command(Key::W),
            Self::Quit => command(Key::Q),
            Self::ImportSources => command(Key::I),
            Self::ExportReport => command(Key::E),
            Self::Undo => command(Key::Z),
            Self::Redo => command_shift(Key::Z),
            Self::Find => command(Key::F),
            Self::CompareSources => command(Key::D),
            Self::ShowFacts => command_shift(Key::F),
            Self::MarkClaim => command(Key::M),
            Self::AttachEvidence(Stance::Supports) => command(Key::Num1),
            Self::AttachEvidence(Stance::Contradicts) => command(Key::Num2),
            Self::AttachEvidence(Stance::Context) => command(Key::Num3),
            Self::AddToConflict => command(Key::K),
            Self::ToggleTheme => command_shift(Key::T),
            Self::DeleteSelected | Self::ToggleSources | Self::ToggleClaims | Self::ToggleBottom => return None,
        })
    }
}
