//! Work that finishes between frames: the project file read or written, the file dialog's
//! answer, imports, a report being written and the originals being checked, each looked at
//! once per frame.

use eframe::egui;

use super::shell::CrosscheckApp;
use crate::session::Workspace;
use crate::session::agreement_job::{AgreementFormat, AgreementJob, AgreementOutcome, save_report};
use crate::session::tasks::Task;

impl CrosscheckApp {
    pub(super) fn poll_background(&mut self, ctx: &egui::Context) {
        self.ctx = ctx.clone();
        for effect in self.session.poll() {
            self.carry_out(effect);
        }
        if self.session.is_opening() {
            // The reader wakes the window when it is done; this moves the progress bar between.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.poll_dialog();
        self.poll_import(ctx);
        self.poll_export(ctx);
        self.poll_originals();
        self.poll_agreement();
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

/// Comparing judgements with other analysts' copies.
impl CrosscheckApp {
    /// Reads `files` and compares the open project's judgements with theirs on a worker.
    /// A comparison already running is dropped (and so cancelled).
    pub(super) fn start_agreement(&mut self, files: Vec<std::path::PathBuf>) {
        let Some(workspace) = self.session.workspace() else { return };
        let own_path = workspace.path.clone().unwrap_or_else(|| workspace.display_name().into());
        let own = workspace.project.clone();
        self.agreement.job = None;
        match AgreementJob::start(&own_path, own, files, self.wake()) {
            Ok(job) => {
                self.agreement.job = Some(job);
                self.agreement.open = true;
            }
            Err(error) => self.error(format!("Cannot start comparing judgements: {error}")),
        }
    }

    pub(super) fn cancel_agreement(&mut self) {
        if self.agreement.job.take().is_some() {
            "Comparison cancelled.".clone_into(&mut self.status);
        }
        if self.agreement.report.is_none() {
            self.agreement.open = false;
        }
    }

    fn poll_agreement(&mut self) {
        let Some(job) = self.agreement.job.as_mut() else { return };
        let Some(outcome) = job.poll() else {
            // The worker wakes the window per file; this keeps the progress bar moving between.
            self.ctx.request_repaint_after(std::time::Duration::from_millis(200));
            return;
        };
        self.agreement.job = None;
        match outcome {
            AgreementOutcome::Done(report) => {
                let to_discuss = report.disagreements().count();
                self.info(format!(
                    "Compared {} claims judged in more than one copy; {to_discuss} to discuss.",
                    report.rows.len()
                ));
                self.agreement.report = Some(report);
            }
            AgreementOutcome::Failed(message) => self.error(message),
            AgreementOutcome::Cancelled => "Comparison cancelled.".clone_into(&mut self.status),
        }
        // Nothing to show: no empty window is left behind.
        if self.agreement.report.is_none() {
            self.agreement.open = false;
        }
    }

    pub(super) fn save_agreement(&mut self, path: &std::path::Path, format: AgreementFormat) {
        let Some(report) = &self.agreement.report else { return };
        let project = self.session.workspace().and_then(|w| w.path.as_deref());
        match save_report(report, format, project, path) {
            Ok(message) => self.info(message),
            Err(error) => self.error(error),
        }
    }
}
