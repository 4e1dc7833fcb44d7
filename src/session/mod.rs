//! The open project as the app works on it, with no GUI: its data and history, what the
//! analyst has selected, the lookups panels read ([`ProjectIndex`], rebuilt once per
//! revision rather than on every frame), the life-cycle rules ([`Session`]: one question
//! at a time, effects returned as values, the project file read and written on a worker)
//! and the commands with when they apply ([`UiCommand`]).

pub mod agreement_job;
pub mod autosave;
mod commands;
pub mod editing;
#[cfg(test)]
mod file_tests;
pub mod file_work;
pub mod import_job;
mod index;
mod lifecycle;
mod memo;
mod requests;
pub mod tasks;
#[cfg(test)]
mod tests;
mod workspace;

pub use commands::{Shortcut, ShortcutKey, UiCommand, Unavailable};
pub use import_job::{ImportEvent, ImportJob};
pub use index::ProjectIndex;
pub use lifecycle::{FileActivity, Session};
pub use memo::Memo;
pub use requests::{DialogPurpose, Effect, GuardAnswer, Notice, OutsideChoice, PendingAction, Prompt, Request};
pub use workspace::{OriginalsCheck, Reveal, Selection, TextRange, Workspace};
