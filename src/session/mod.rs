//! The open project as the app works on it, with no GUI: its data and history, what the
//! analyst has selected, and the lookups panels read ([`ProjectIndex`]), rebuilt once per
//! revision rather than on every frame.

mod index;
mod memo;
mod workspace;

pub use index::ProjectIndex;
pub use memo::Memo;
pub use workspace::{Reveal, Selection, TextRange, Workspace};
