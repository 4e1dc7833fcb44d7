//! What the analyst and the window say to the [`super::Session`] and what it answers: the
//! requests it takes, the one question it may ask ([`Prompt`]) and the effects it returns
//! for the window to carry out. Plain values, so that the rules can be tested without one.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::agreement_job::AgreementFormat;
use crate::model::SourceId;
use crate::store;

/// Something that replaces or closes the open project, and so must ask about unsaved changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingAction {
    NewProject,
    /// Open this project, or ask which one.
    OpenProject(Option<PathBuf>),
    CloseProject,
    Quit,
}

/// What a file dialog was opened for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    /// Save the project to a new file, then carry on with `then` (a guarded action whose
    /// "Save" answer needed a file name first).
    SaveAs {
        then: Option<PendingAction>,
    },
    Import,
    SaveReport,
    Relink(SourceId),
    RelinkFolder,
    /// Other analysts' copies of the project, to compare judgements with.
    CompareJudgements,
    /// Where to save the agreement report, in this format.
    SaveAgreement(AgreementFormat),
}

/// The answer to "the project file changed on disk".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutsideChoice {
    /// Replace the open project with the file on disk.
    Reload,
    /// Keep working on this copy; the next save asks before replacing the file.
    KeepMine,
    /// Replace the file on disk with this copy now.
    Overwrite,
}

/// The answer to "save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuardAnswer {
    Save,
    Discard,
    Cancel,
}

/// A question that must be answered before anything else happens.
#[derive(Debug)]
pub enum Prompt {
    /// "Save changes?" before carrying out the action.
    UnsavedChanges(PendingAction),
    /// Unsaved work a previous run left, with a sentence saying what it adds. Boxed: it
    /// holds a whole project, the other questions a flag or a path.
    Recovery { recovery: Box<store::Recovery>, summary: String },
    /// The project file changed on disk; `while_saving` when a save found it.
    ChangedOnDisk { while_saving: bool },
}

/// What the analyst (or the window) asks of the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// New, open, close or quit: asks about unsaved changes first.
    Guarded(PendingAction),
    Save,
    SaveAs,
    /// The window's close button.
    CloseWindow,
    AnswerUnsaved(GuardAnswer),
    /// Restore (true) or throw away (false) recovered work.
    AnswerRecovery(bool),
    AnswerChangedOnDisk(OutsideChoice),
    /// The open file dialog was answered (no paths: cancelled).
    DialogAnswered(Vec<PathBuf>),
    /// The window has the focus again: another program may have changed the project file.
    FocusRegained,
    /// Relink the missing originals to files of the same name in a folder.
    RelinkFolder,
    /// Point one source at a file chosen in a dialog.
    Relink(SourceId),
    /// Ask for files to import.
    Import,
    /// Ask where to save the report.
    SaveReport,
    /// Ask for other analysts' copies to compare judgements with.
    CompareJudgements,
    /// Ask where to save the agreement report.
    SaveAgreement(AgreementFormat),
    /// Stop opening the project being read; the open one stays.
    CancelOpening,
}

/// A message shown until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Self {
        Self { text: text.into(), is_error: true }
    }

    pub fn info(text: impl Into<String>) -> Self {
        Self { text: text.into(), is_error: false }
    }
}

/// What the window must do after a request.
#[derive(Debug, PartialEq, Eq)]
pub enum Effect {
    ShowDialog(DialogPurpose),
    Notice(Notice),
    /// A line for the status bar.
    Status(String),
    RememberRecent(PathBuf),
    ForgetRecent(PathBuf),
    /// Another project, or none, is open: views and the autosave clock start over.
    ProjectReplaced,
    /// The open project's work is in its file: the autosave clock starts over.
    Saved,
    /// Close the window now.
    CloseWindow,
    /// Keep the window open: the close button was pressed with a question to answer.
    KeepWindowOpen,
    /// Read `files` on a worker: each replaces the text of the source `replaces` pairs it
    /// with, or becomes a new source.
    Import {
        files: Vec<PathBuf>,
        replaces: BTreeMap<PathBuf, SourceId>,
    },
    /// Write the report the export dialog describes to this file.
    SaveReport(PathBuf),
    /// Compare the open project's judgements with these copies (on a worker: each is a
    /// whole project to load).
    CompareJudgements(Vec<PathBuf>),
    /// Write the agreement report on screen to this file.
    SaveAgreement(PathBuf, AgreementFormat),
    /// Check the open project's originals against their files again (off the UI thread:
    /// each may be tens of megabytes to hash).
    CheckOriginals,
}
