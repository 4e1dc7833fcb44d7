//! The commands that change the project, with no window: marking a claim, attaching
//! evidence, adding to a conflict, deleting, undo and redo, and adding what the compare
//! view found. Each applies one undoable [`Edit`] and returns what to tell the analyst.

use super::{Effect, Notice, Selection, UiCommand, Workspace};
use crate::edit::Edit;
use crate::model::{Claim, Conflict, ConflictId};

/// Carries out an editing command; other commands change nothing here.
pub fn run(workspace: &mut Workspace, command: UiCommand) -> Vec<Effect> {
    match command {
        UiCommand::Undo | UiCommand::Redo => undo_or_redo(workspace, command == UiCommand::Undo),
        UiCommand::MarkClaim => with_selection(workspace, |workspace| {
            let (edit, id) = workspace.mark_claim()?;
            Ok((edit, Selection::Claim(id), format!("Marked claim {id}")))
        }),
        UiCommand::AttachEvidence(stance) => with_selection(workspace, |workspace| {
            let claim = workspace.selection;
            let (edit, id) = workspace.attach_evidence(stance)?;
            Ok((edit, claim, format!("Attached evidence {id} ({})", stance.label().to_lowercase())))
        }),
        UiCommand::AddToConflict => {
            let existing = match workspace.selection {
                Selection::Conflict(id) => Some(id),
                _ => None,
            };
            add_to_conflict(workspace, existing)
        }
        UiCommand::DeleteSelected => {
            let Some(edit) = workspace.delete_selected() else { return Vec::new() };
            let label = edit.describe();
            match workspace.apply(edit, None) {
                Ok(()) => vec![Effect::Status(label)],
                Err(error) => vec![error_notice(format!("Cannot delete: {error}"))],
            }
        }
        _ => Vec::new(),
    }
}

fn error_notice(text: String) -> Effect {
    Effect::Notice(Notice::error(text))
}

fn undo_or_redo(workspace: &mut Workspace, undo: bool) -> Vec<Effect> {
    let result = if undo { workspace.undo() } else { workspace.redo() };
    match result {
        Ok(Some(label)) => vec![Effect::Status(format!("{} {label}", if undo { "Undid:" } else { "Redid:" }))],
        Ok(None) => Vec::new(),
        Err(error) => vec![error_notice(format!("The history could not be replayed and was cleared: {error}"))],
    }
}

/// Builds an edit from the text selection, applies it, selects the result.
fn with_selection(
    workspace: &mut Workspace,
    build: impl FnOnce(&mut Workspace) -> Result<(Edit, Selection, String), String>,
) -> Vec<Effect> {
    match build(workspace) {
        Ok((edit, selection, message)) => match workspace.apply(edit, None) {
            Ok(()) => {
                workspace.selection = selection;
                workspace.text_selection = None;
                vec![Effect::Status(message)]
            }
            Err(error) => vec![error_notice(error.to_string())],
        },
        Err(message) => vec![error_notice(message)],
    }
}

/// Adds the selected text to `existing`, or to the draft of a new conflict.
pub fn add_to_conflict(workspace: &mut Workspace, existing: Option<ConflictId>) -> Vec<Effect> {
    match workspace.add_to_conflict(existing) {
        Ok((edit, message)) => {
            if let Some(edit) = edit
                && let Err(error) = workspace.apply(edit, None)
            {
                return vec![error_notice(error.to_string())];
            }
            workspace.text_selection = None;
            vec![Effect::Status(message)]
        }
        Err(message) => vec![error_notice(message)],
    }
}

/// Makes a discrepancy the compare view found into a conflict, and selects it.
pub fn flag_discrepancy(workspace: &mut Workspace, conflict: Box<Conflict>) -> Vec<Effect> {
    let id = workspace.project.ids.next_conflict();
    insert_and_select(
        workspace,
        Edit::InsertConflict { id, conflict },
        Selection::Conflict(id),
        format!("Flagged conflict {id}"),
    )
}

/// Marks a suggested sentence as a claim, and selects it.
pub fn accept_suggestion(workspace: &mut Workspace, claim: Box<Claim>) -> Vec<Effect> {
    let id = workspace.project.ids.next_claim();
    insert_and_select(workspace, Edit::InsertClaim { id, claim }, Selection::Claim(id), format!("Marked claim {id}"))
}

fn insert_and_select(workspace: &mut Workspace, edit: Edit, selection: Selection, message: String) -> Vec<Effect> {
    match workspace.apply(edit, None) {
        Ok(()) => {
            workspace.selection = selection;
            vec![Effect::Status(message)]
        }
        Err(error) => vec![error_notice(format!("That change was refused: {error}"))],
    }
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::model::Stance;
    use crate::session::{Effect, Selection, TextRange, UiCommand, Workspace};

    fn sample() -> Workspace {
        let project = crate::store::load(&crate::sample_project_path()).expect("the sample loads").project;
        Workspace::opened(project, crate::sample_project_path())
    }

    fn select_text(workspace: &mut Workspace, start: usize, end: usize) {
        let source = *workspace.project.sources.keys().next().expect("a source");
        workspace.text_selection = Some(TextRange { source, start, end });
    }

    #[test]
    fn marking_attaching_and_deleting_are_each_one_undoable_step() {
        let mut workspace = sample();
        let before = workspace.project.clone();
        select_text(&mut workspace, 0, 20);
        let effects = run(&mut workspace, UiCommand::MarkClaim);
        let Selection::Claim(claim) = workspace.selection else { panic!("the new claim is selected: {effects:?}") };
        assert!(workspace.text_selection.is_none(), "the selection was used up");

        select_text(&mut workspace, 30, 60);
        run(&mut workspace, UiCommand::AttachEvidence(Stance::Contradicts));
        let evidence = workspace.project.evidence.values().filter(|e| e.claim == claim).count();
        assert_eq!(evidence, 1);

        workspace.selection = Selection::Claim(claim);
        run(&mut workspace, UiCommand::DeleteSelected);
        assert!(!workspace.project.claims.contains_key(&claim), "the claim and its evidence are gone");
        for _ in 0..3 {
            run(&mut workspace, UiCommand::Undo);
        }
        // Ids handed out stay taken (a redo must get the same ones); the content is back.
        assert_eq!(workspace.project.claims, before.claims);
        assert_eq!(workspace.project.evidence, before.evidence);
    }

    #[test]
    fn without_a_selection_marking_says_why_and_changes_nothing() {
        let mut workspace = sample();
        let before = workspace.project.clone();
        let effects = run(&mut workspace, UiCommand::MarkClaim);
        assert!(matches!(effects.as_slice(), [Effect::Notice(notice)] if notice.is_error), "{effects:?}");
        assert_eq!(workspace.project, before);
    }
}
