//! The open project as the app works on it, with no GUI: its data and history, what the
//! analyst has selected, the lookups panels read ([`ProjectIndex`], rebuilt once per
//! revision rather than on every frame), the life-cycle rules ([`Session`]: one question
//! at a time, effects returned as values) and the commands with when they apply
//! ([`UiCommand`]).

pub mod agreement_job;
pub mod autosave;
mod commands;
pub mod editing;
pub mod import_job;
mod index;
mod lifecycle;
mod memo;
pub mod tasks;
#[cfg(test)]
mod tests;
mod workspace;

pub use commands::{Shortcut, ShortcutKey, UiCommand, Unavailable};
pub use import_job::{ImportEvent, ImportJob};
pub use index::ProjectIndex;
pub use lifecycle::{
    DialogPurpose, Effect, GuardAnswer, Notice, OutsideChoice, PendingAction, Prompt, Request, Session,
};
pub use memo::Memo;
pub use workspace::{OriginalsCheck, Reveal, Selection, TextRange, Workspace};
