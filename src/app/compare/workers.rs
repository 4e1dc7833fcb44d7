//! The compare view's background work: the comparison of the chosen sources and the
//! suggestions for the shown pair, each a [`Task`] kept until the project or the choice
//! changes, the stale one dropped (and so cancelled).

use std::sync::Arc;

use eframe::egui;

use super::CompareView;
use crate::analysis;
use crate::model::SourceId;
use crate::session::Workspace;
use crate::session::tasks::{Task, Wake};

/// Repaints the window when a worker has something to show.
fn wake(ctx: &egui::Context) -> Wake {
    let ctx = ctx.clone();
    Arc::new(move || ctx.request_repaint())
}

impl CompareView {
    /// Starts or collects the comparison, and the suggestions for the shown pair's left
    /// source, for the current project state.
    pub(super) fn refresh(&mut self, workspace: &Workspace, ctx: &egui::Context) {
        let generation = workspace.history.generation();
        let chosen = self.chosen();
        if let Some((at, ids, task)) = self.running.as_mut() {
            if let Some(outcome) = task.take() {
                match outcome {
                    Ok(comparison) => {
                        self.result = Some((*at, ids.clone(), Arc::new(comparison)));
                        self.error = None;
                    }
                    Err(message) => self.error = Some(message),
                }
                self.running = None;
            } else if *at != generation || *ids != chosen || task.is_finished() {
                // Stale: dropping the task cancels it.
                self.running = None;
            }
        }
        let current = self.result.as_ref().is_some_and(|(at, ids, _)| *at == generation && *ids == chosen);
        if !current && self.running.is_none() && chosen.len() >= 2 {
            let project = workspace.project.clone();
            let ids = chosen.clone();
            let spawned = Task::spawn("compare", wake(ctx), move |worker| {
                worker.send(analysis::compare(&project, &ids, worker.cancel_flag()).map_err(|e| e.to_string()));
            });
            match spawned {
                Ok(task) => self.running = Some((generation, chosen, task)),
                Err(error) => self.error = Some(format!("Cannot start comparing: {error}")),
            }
        }
        self.refresh_suggestions(workspace, ctx);
    }

    /// Suggestions are worked out on a worker too: splitting and scoring every sentence
    /// of a long source takes longer than a frame.
    fn refresh_suggestions(&mut self, workspace: &Workspace, ctx: &egui::Context) {
        let Some(source) = self.shown_left() else { return };
        let generation = workspace.history.generation();
        if let Some((at, id, task)) = self.suggesting.as_mut() {
            if let Some(found) = task.take() {
                self.suggestions = Some((*at, *id, found));
                self.suggesting = None;
            } else if *at != generation || *id != source || task.is_finished() {
                self.suggesting = None;
            }
        }
        let current = self.suggestions.as_ref().is_some_and(|(at, id, _)| *at == generation && *id == source);
        if current || self.suggesting.is_some() {
            return;
        }
        let project = workspace.project.clone();
        let spawned = Task::spawn("suggestions", wake(ctx), move |worker| {
            worker.send(analysis::suggest::suggest_for_source(&project, source));
        });
        if let Ok(task) = spawned {
            self.suggesting = Some((generation, source, task));
        }
    }

    /// The left source of the pair on screen, once there is a comparison.
    fn shown_left(&self) -> Option<SourceId> {
        let (_, _, comparison) = self.result.as_ref()?;
        let pairs = &comparison.pairs;
        pairs.get(self.pair.min(pairs.len().saturating_sub(1))).map(|pair| pair.left)
    }
}
