//! Work that finishes between frames: the file dialog's answer, imports, a report being
//! written and the originals being checked, each looked at once per frame.

use eframe::egui;

use super::shell::CrosscheckApp;
use crate::session::Workspace;
use crate::session::tasks::Task;

impl CrosscheckApp {
    pub(super) fn poll_background(&mut self, ctx: &egui::Context) {
        self.ctx = ctx.clone();
        self.poll_dialog();
        self.poll_import(ctx);
        self.poll_export(ctx);
        self.poll_originals();
    }

    /// Checks the open project's originals against their files on a worker: each may be
    /// tens of megabytes to hash. A check already running is dropped (and so cancelled).
    pub(super) fn check_originals(&mut self) {
        let Some(check) = self.session.workspace().and_then(Workspace::originals_to_check) else { return };
        match Task::spawn("original files", self.wake(), move |worker| {
            worker.send(check.run(worker.cancel_flag()));
        }) {
            Ok(task) => self.originals = Some(task),
            Err(error) => self.error(format!("Cannot start checking the original files: {error}")),
        }
    }

    fn poll_originals(&mut self) {
        let Some(task) = self.originals.as_mut() else { return };
        if let Some(status) = task.take() {
            self.originals = None;
            for effect in self.session.originals_checked(status) {
                self.carry_out(effect);
            }
        } else if task.is_finished() {
            self.originals = None;
        }
    }

    fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(workspace) = self.session.workspace() else { return };
        let Some((path, rendered)) = self.export.poll(workspace, ctx) else { return };
        match super::export_dialog::write_report(workspace.path.as_deref(), &path, &rendered) {
            Ok(written) => {
                self.info(format!("Report saved to {}", written.join(", ")));
                if self.export.open_when_saved
                    && let Err(error) = open::that_detached(&path)
                {
                    self.error(format!("The report was saved but could not be opened: {error}"));
                }
            }
            Err(error) => self.error(error),
        }
    }
}
