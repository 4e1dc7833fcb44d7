//! What panels ask the app to do. Panels only read the project; they push actions, and
//! the app carries them out after every panel has drawn.

use std::path::PathBuf;

use crate::edit::Edit;
use crate::history::MergeKey;
use crate::model::{ConflictId, SourceId};
use crate::session::{Selection, TextRange, UiCommand};

#[derive(Debug, Clone)]
pub enum Action {
    Command(UiCommand),
    /// Change the project; edits with the same merge key form one undo step.
    Edit {
        edit: Edit,
        merge: Option<MergeKey>,
    },
    /// A typing gesture ended (the field lost focus).
    Seal,
    Select(Selection),
    /// Show a source, optionally scrolled to and flashing a character range.
    Reveal {
        source: SourceId,
        range: Option<(usize, usize)>,
    },
    SelectText(Option<TextRange>),
    AddToConflict(Option<ConflictId>),
    DiscardConflictDraft,
    OpenProject(PathBuf),
    /// Open the bundled sample project, wherever it can be found.
    OpenSample,
    ImportFiles(Vec<PathBuf>),
    CancelImport,
    /// Fetch these web addresses and add each page as a source.
    CaptureUrls(Vec<String>),
    /// Fetch a captured source's page anew, keep both, and compare them.
    CaptureAgain(SourceId),
    Search(String),
    /// Jump to the next (or, backwards, the previous) search result.
    NextHit {
        backwards: bool,
    },
    RevealHit(usize),
    DismissNotice(usize),
    /// A request to the session: an answer to its question, a dialog, a save.
    Request(crate::session::Request),
    /// Ask where to save the report the export dialog describes.
    SaveReport,
    /// Turn a discrepancy found by comparing sources into a conflict.
    FlagDiscrepancy(Box<crate::model::Conflict>),
    /// Read a source's original file again and re-find its passages in the new text.
    Reimport(SourceId),
    /// Point a source whose original is missing at the file's new place.
    Relink(SourceId),
    /// Relink every source with a missing original to files in one folder.
    RelinkFolder,
    /// Stop comparing judgements with other copies.
    CancelAgreement,
    /// Mark a suggested sentence as a claim.
    AcceptSuggestion(Box<crate::model::Claim>),
}

/// Collects the actions of one frame.
#[derive(Debug, Default)]
pub struct Actions(Vec<Action>);

impl Actions {
    pub fn push(&mut self, action: Action) {
        self.0.push(action);
    }

    pub fn command(&mut self, command: UiCommand) {
        self.0.push(Action::Command(command));
    }

    pub fn edit(&mut self, edit: Edit) {
        self.0.push(Action::Edit { edit, merge: None });
    }

    /// An edit that continues a typing gesture in the field `key` names.
    pub fn typing(&mut self, edit: Edit, key: String) {
        self.0.push(Action::Edit { edit, merge: Some(MergeKey(key)) });
    }

    pub fn take(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.0)
    }
}
