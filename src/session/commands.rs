//! Every action a user can start from a menu, a shortcut, the selection bar or a context
//! menu: its label, tooltip, shortcut and when it applies live here, so that the places
//! that offer a command never drift apart and shortcuts obey the same rules as menus.

use super::{Selection, Session};
use crate::model::Stance;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiCommand {
    NewProject,
    OpenProject,
    SaveProject,
    SaveProjectAs,
    CloseProject,
    Quit,
    CaptureFromWeb,
    ImportSources,
    ExportReport,
    CompareJudgements,
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

/// A key pressed with Ctrl (⌘ on a Mac), perhaps with Shift. Plain data so that the rules
/// stay free of the GUI; the window turns it into its toolkit's shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shortcut {
    pub shift: bool,
    pub key: ShortcutKey,
}

/// The keys shortcuts use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShortcutKey {
    D,
    E,
    F,
    I,
    K,
    M,
    N,
    O,
    Q,
    S,
    T,
    W,
    Z,
    Num1,
    Num2,
    Num3,
}

const fn ctrl(key: ShortcutKey) -> Shortcut {
    Shortcut { shift: false, key }
}

const fn ctrl_shift(key: ShortcutKey) -> Shortcut {
    Shortcut { shift: true, key }
}

/// Why a command cannot run now, in words for a disabled item's hover text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// A question is waiting for an answer.
    Asking,
    NoProject,
    NothingToUndo,
    NothingToRedo,
    NoTextSelected,
    NoClaimSelected,
    NothingSelected,
    /// A project file is being read.
    Opening,
    /// The project is being written to its file.
    Saving,
}

impl Unavailable {
    pub fn explain(self) -> &'static str {
        match self {
            Self::Asking => "Answer the question on screen first",
            Self::NoProject => "Open or start a project first",
            Self::NothingToUndo => "Nothing to undo",
            Self::NothingToRedo => "Nothing to redo",
            Self::NoTextSelected => "Select a passage in the document first",
            Self::NoClaimSelected => "Select a claim first (in the claims list or by clicking its highlight)",
            Self::NothingSelected => "Select a claim, evidence, conflict or source first",
            Self::Opening => "Wait for the project being opened, or cancel opening it",
            Self::Saving => "Wait for the save under way to finish",
        }
    }
}

impl UiCommand {
    /// Every command, derived from [`UiCommand::ordinal`]'s exhaustive match (a test checks
    /// that each sits at its ordinal): a new command that is left out fails to compile there
    /// or fails that test. Longer shortcuts come before shorter ones they contain, so that
    /// Ctrl+Shift+Z is not taken for Ctrl+Z when shortcuts are matched in this order.
    pub const ALL: [UiCommand; 25] = [
        UiCommand::Redo,
        UiCommand::SaveProjectAs,
        UiCommand::ShowFacts,
        UiCommand::ToggleTheme,
        UiCommand::NewProject,
        UiCommand::OpenProject,
        UiCommand::SaveProject,
        UiCommand::CloseProject,
        UiCommand::Quit,
        UiCommand::CaptureFromWeb,
        UiCommand::ImportSources,
        UiCommand::ExportReport,
        UiCommand::Undo,
        UiCommand::Find,
        UiCommand::CompareSources,
        UiCommand::MarkClaim,
        UiCommand::AttachEvidence(Stance::Supports),
        UiCommand::AttachEvidence(Stance::Contradicts),
        UiCommand::AttachEvidence(Stance::Context),
        UiCommand::AddToConflict,
        UiCommand::DeleteSelected,
        UiCommand::ToggleSources,
        UiCommand::ToggleClaims,
        UiCommand::ToggleBottom,
        UiCommand::CompareJudgements,
    ];

    /// The command's place in [`UiCommand::ALL`].
    pub const fn ordinal(self) -> usize {
        match self {
            Self::Redo => 0,
            Self::SaveProjectAs => 1,
            Self::ShowFacts => 2,
            Self::ToggleTheme => 3,
            Self::NewProject => 4,
            Self::OpenProject => 5,
            Self::SaveProject => 6,
            Self::CloseProject => 7,
            Self::Quit => 8,
            Self::CaptureFromWeb => 9,
            Self::ImportSources => 10,
            Self::ExportReport => 11,
            Self::Undo => 12,
            Self::Find => 13,
            Self::CompareSources => 14,
            Self::MarkClaim => 15,
            Self::AttachEvidence(Stance::Supports) => 16,
            Self::AttachEvidence(Stance::Contradicts) => 17,
            Self::AttachEvidence(Stance::Context) => 18,
            Self::AddToConflict => 19,
            Self::DeleteSelected => 20,
            Self::ToggleSources => 21,
            Self::ToggleClaims => 22,
            Self::ToggleBottom => 23,
            Self::CompareJudgements => 24,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NewProject => "New project",
            Self::OpenProject => "Open…",
            Self::SaveProject => "Save",
            Self::SaveProjectAs => "Save as…",
            Self::CloseProject => "Close project",
            Self::Quit => "Quit",
            Self::CaptureFromWeb => "Capture from the web…",
            Self::ImportSources => "Import sources…",
            Self::ExportReport => "Export report…",
            Self::CompareJudgements => "Compare judgements with other copies…",
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
            Self::CaptureFromWeb => {
                "Fetch web pages by their address and add them as sources, each archived as a WARC file with when and where it was captured"
            }
            Self::ImportSources => {
                "Add documents as sources: text, Markdown, web pages, PDF, Word or OpenDocument files"
            }
            Self::ExportReport => "Write the fact-check as HTML, Markdown, CSV, ClaimReview or Web Annotation",
            Self::CompareJudgements => {
                "Choose other analysts' copies of this project and see how far your verdicts and marked passages agree"
            }
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

    pub fn shortcut(self) -> Option<Shortcut> {
        use ShortcutKey as K;
        Some(match self {
            Self::NewProject => ctrl(K::N),
            Self::OpenProject => ctrl(K::O),
            Self::SaveProject => ctrl(K::S),
            Self::SaveProjectAs => ctrl_shift(K::S),
            Self::CloseProject => ctrl(K::W),
            Self::Quit => ctrl(K::Q),
            Self::CaptureFromWeb => ctrl_shift(K::I),
            Self::ImportSources => ctrl(K::I),
            Self::ExportReport => ctrl(K::E),
            Self::Undo => ctrl(K::Z),
            Self::Redo => ctrl_shift(K::Z),
            Self::Find => ctrl(K::F),
            Self::CompareSources => ctrl(K::D),
            Self::ShowFacts => ctrl_shift(K::F),
            Self::MarkClaim => ctrl(K::M),
            Self::AttachEvidence(Stance::Supports) => ctrl(K::Num1),
            Self::AttachEvidence(Stance::Contradicts) => ctrl(K::Num2),
            Self::AttachEvidence(Stance::Context) => ctrl(K::Num3),
            Self::AddToConflict => ctrl(K::K),
            Self::ToggleTheme => ctrl_shift(K::T),
            Self::DeleteSelected
            | Self::ToggleSources
            | Self::ToggleClaims
            | Self::ToggleBottom
            | Self::CompareJudgements => return None,
        })
    }

    /// Whether the command can run now, and if not, why. Menus grey it out with the reason
    /// as hover text; shortcuts and buttons that ask anyway are refused with it.
    pub fn available(self, session: &Session) -> Result<(), Unavailable> {
        if session.prompt().is_some() {
            return Err(Unavailable::Asking);
        }
        match self {
            Self::NewProject
            | Self::OpenProject
            | Self::Quit
            | Self::ImportSources
            | Self::CaptureFromWeb
            | Self::ToggleSources
            | Self::ToggleClaims
            | Self::ToggleBottom
            | Self::ToggleTheme => Ok(()),
            Self::SaveProject | Self::SaveProjectAs => {
                session.workspace().ok_or(Unavailable::NoProject)?;
                if session.is_opening() {
                    Err(Unavailable::Opening)
                } else if session.is_saving() {
                    Err(Unavailable::Saving)
                } else {
                    Ok(())
                }
            }
            Self::CloseProject
            | Self::ExportReport
            | Self::CompareJudgements
            | Self::Find
            | Self::CompareSources
            | Self::ShowFacts => session.workspace().map(|_| ()).ok_or(Unavailable::NoProject),
            Self::Undo => {
                let workspace = session.workspace().ok_or(Unavailable::NoProject)?;
                workspace.history.undo_label().map(|_| ()).ok_or(Unavailable::NothingToUndo)
            }
            Self::Redo => {
                let workspace = session.workspace().ok_or(Unavailable::NoProject)?;
                workspace.history.redo_label().map(|_| ()).ok_or(Unavailable::NothingToRedo)
            }
            Self::MarkClaim | Self::AddToConflict => text_selected(session),
            Self::AttachEvidence(_) => {
                text_selected(session)?;
                let workspace = session.workspace().ok_or(Unavailable::NoProject)?;
                workspace.selected_claim().map(|_| ()).ok_or(Unavailable::NoClaimSelected)
            }
            Self::DeleteSelected => {
                let workspace = session.workspace().ok_or(Unavailable::NoProject)?;
                if workspace.selection == Selection::Nothing { Err(Unavailable::NothingSelected) } else { Ok(()) }
            }
        }
    }
}

fn text_selected(session: &Session) -> Result<(), Unavailable> {
    let workspace = session.workspace().ok_or(Unavailable::NoProject)?;
    if workspace.text_selection.is_some_and(|range| range.start < range.end) {
        Ok(())
    } else {
        Err(Unavailable::NoTextSelected)
    }
}

#[cfg(test)]
mod tests {
    use super::UiCommand;
    use std::collections::HashMap;

    #[test]
    fn every_command_is_listed_once_at_its_ordinal() {
        for (n, command) in UiCommand::ALL.iter().enumerate() {
            assert_eq!(command.ordinal(), n, "{command:?}");
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = HashMap::new();
        for command in UiCommand::ALL {
            if let Some(shortcut) = command.shortcut()
                && let Some(other) = seen.insert(shortcut, command)
            {
                panic!("{command:?} and {other:?} share {shortcut:?}");
            }
        }
    }

    #[test]
    fn a_longer_shortcut_is_matched_before_the_shorter_one_it_contains() {
        let position = |command: UiCommand| command.ordinal();
        for command in UiCommand::ALL {
            let Some(shortcut) = command.shortcut().filter(|s| s.shift) else { continue };
            let shorter =
                UiCommand::ALL.into_iter().find(|c| c.shortcut().is_some_and(|s| !s.shift && s.key == shortcut.key));
            if let Some(shorter) = shorter {
                assert!(position(command) < position(shorter), "{command:?} must come before {shorter:?}");
            }
        }
    }

    #[test]
    fn every_command_has_a_label_and_a_tooltip() {
        for command in UiCommand::ALL {
            assert!(!command.label().is_empty() && !command.tooltip().is_empty(), "{command:?}");
        }
    }
}
