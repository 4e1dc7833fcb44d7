//! Search across every source: the query field and the list of results with context.

use eframe::egui;

use super::super::actions::{Action, Actions};
use super::super::theme::{Mark, Palette};
use std::sync::Arc;

use crate::model::Project;
use crate::search::{MAX_HITS, SearchHit};
use crate::session::tasks::Task;

/// The search query and its results.
#[derive(Default)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<SearchHit>,
    /// The result shown last.
    pub current: Option<usize>,
    /// Move keyboard focus to the query field on the next frame.
    pub focus: bool,
    /// History structure revision the hits were computed at.
    pub computed_at: Option<u64>,
    /// A search under way, for a structure revision and query.
    pub running: Option<(SearchKey, Task<Vec<SearchHit>>)>,
    /// The source texts searches read, copied once per structure revision while there is
    /// a query, so that each key typed into Find starts a worker without copying again.
    pub texts: Option<(u64, SourceTexts)>,
}

/// What a search's results depend on: the project's structure revision and the query.
pub type SearchKey = (u64, String);

/// Every source's text with its id, shared with search workers.
pub type SourceTexts = Arc<crate::search::Corpus>;

pub fn show(ui: &mut egui::Ui, project: &Project, search: &mut SearchState, actions: &mut Actions) {
    let palette = Palette::current(ui.ctx());
    ui.horizontal(|ui| {
        let label = ui.label("Find");
        let mut query = search.query.clone();
        let field = ui
            .add(egui::TextEdit::singleline(&mut query).hint_text("text in any source (Ctrl+F)").desired_width(320.0))
            .labelled_by(label.id);
        if search.focus {
            field.request_focus();
            search.focus = false;
        }
        if field.changed() {
            actions.push(Action::Search(query));
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            let backwards = ui.input(|i| i.modifiers.shift);
            actions.push(Action::NextHit { backwards });
            field.request_focus();
        }
        let summary = match search.hits.len() {
            0 if search.query.trim().is_empty() => String::new(),
            _ if search.running.is_some() => "searching…".to_owned(),
            0 => "no results".to_owned(),
            n if n >= MAX_HITS => format!("first {n} results; narrow the search"),
            n => format!("{} of {n}", search.current.map_or(0, |c| c + 1)),
        };
        ui.colored_label(palette.muted_text, summary);
    });
    ui.separator();
    egui::ScrollArea::vertical().id_salt("search results").auto_shrink(false).show_rows(
        ui,
        ui.spacing().interact_size.y,
        search.hits.len(),
        |ui, rows| {
            for n in rows {
                let hit = &search.hits[n];
                let title = project.sources.get(&hit.source).map_or("", |s| s.display_title());
                let mut job = egui::text::LayoutJob::default();
                let plain =
                    egui::TextFormat::simple(egui::TextStyle::Body.resolve(ui.style()), ui.visuals().text_color());
                let muted = egui::TextFormat { color: palette.muted_text, ..plain.clone() };
                let found = egui::TextFormat { background: palette.mark(Mark::SearchHit), ..plain.clone() };
                job.append(&format!("{} · {title}   ", hit.source), 0.0, muted);
                job.append(&format!("…{}", hit.before), 0.0, plain.clone());
                job.append(&hit.matched, 0.0, found);
                job.append(&format!("{}…", hit.after), 0.0, plain);
                if ui.add(egui::Button::selectable(search.current == Some(n), job).truncate()).clicked() {
                    actions.push(Action::RevealHit(n));
                }
            }
        },
    );
}
