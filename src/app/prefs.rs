//! Preferences kept between runs in eframe's storage, never in the project file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::theme::Theme;

/// Recent projects remembered for the File menu.
const RECENT_LIMIT: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub theme: Theme,
    pub recent: Vec<PathBuf>,
    pub show_sources: bool,
    pub show_claims: bool,
    pub show_bottom: bool,
    pub bottom_tab: BottomTab,
}

/// Which board the bottom panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum BottomTab {
    #[default]
    Conflicts,
    Search,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            theme: Theme::default(),
            recent: Vec::new(),
            show_sources: true,
            show_claims: true,
            show_bottom: true,
            bottom_tab: BottomTab::default(),
        }
    }
}

impl Preferences {
    pub const STORAGE_KEY: &'static str = "crosscheck-preferences";

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|known| *known != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|known| known != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_projects_are_unique_newest_first_and_bounded() {
        let mut prefs = Preferences::default();
        for n in 0..12 {
            prefs.remember(Path::new(&format!("/p/{n}.ron")));
        }
        prefs.remember(Path::new("/p/5.ron"));
        assert_eq!(prefs.recent.len(), RECENT_LIMIT);
        assert_eq!(prefs.recent[0], Path::new("/p/5.ron"));
        assert_eq!(prefs.recent.iter().filter(|p| p.ends_with("5.ron")).count(), 1);
    }
}
