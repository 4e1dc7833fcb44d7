//! Background work, one way: a named thread that sends what it produces, reports
//! progress, stops when cancelled, and wakes the window when it has something (the
//! window passes a [`Wake`] that requests a repaint; tests pass one that does nothing).
//!
//! The window polls each [`Task`] once per frame with [`Task::drain`]; a task is
//! finished when its thread has ended and everything it sent was drained. Dropping a
//! task cancels it: nobody is left to use what it would produce.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

/// Asks the window to draw again (a repaint request), from any thread.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// How far a task has got, in steps it counts itself (files read, sources checked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub done: usize,
    /// `0` while the task does not know yet (a folder still being walked).
    pub total: usize,
    /// Steps of the step under way, where it has its own (the pages of a scanned PDF being
    /// read by OCR); 0 of 0 when it has none.
    pub part_done: usize,
    pub part_total: usize,
}

impl Progress {
    pub fn fraction(self) -> f32 {
        if self.total == 0 {
            return 0.0;
        }
        let part = if self.part_total == 0 { 0.0 } else { self.part_done as f32 / self.part_total as f32 };
        ((self.done as f32 + part) / self.total as f32).min(1.0)
    }
}

#[derive(Default)]
struct Shared {
    cancelled: AtomicBool,
    done: AtomicUsize,
    total: AtomicUsize,
    part_done: AtomicUsize,
    part_total: AtomicUsize,
}

/// Work running on its own thread, producing values of type `T`.
pub struct Task<T> {
    name: &'static str,
    shared: Arc<Shared>,
    results: Receiver<T>,
    finished: bool,
}

/// The task's side: where it sends results and progress, and learns it was cancelled.
pub struct Worker<T> {
    shared: Arc<Shared>,
    results: Sender<T>,
    wake: Wake,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a thread called `name`.
    pub fn spawn(
        name: &'static str,
        wake: Wake,
        work: impl FnOnce(&Worker<T>) + Send + 'static,
    ) -> std::io::Result<Self> {
        let shared = Arc::new(Shared::default());
        let (sender, results) = mpsc::channel();
        let worker = Worker { shared: Arc::clone(&shared), results: sender, wake };
        std::thread::Builder::new().name(name.to_owned()).spawn(move || {
            work(&worker);
            // Dropping the worker closes the channel; the wake lets the window see it.
            let wake = Arc::clone(&worker.wake);
            drop(worker);
            wake();
        })?;
        Ok(Self { name, shared, results, finished: false })
    }

    /// A task whose work is already done: its results wait to be drained. For answers
    /// known at once (a test's scripted dialog), so that they arrive like any other.
    pub fn done(name: &'static str, results: Vec<T>) -> Self {
        let (sender, receiver) = mpsc::channel();
        for result in results {
            // The receiver is right here: sending cannot fail.
            sender.send(result).ok();
        }
        Self { name, shared: Arc::new(Shared::default()), results: receiver, finished: false }
    }

    /// What the task sent since the last call. Once its thread has ended and all is
    /// drained, [`Task::is_finished`] turns true.
    pub fn drain(&mut self) -> Vec<T> {
        let mut results = Vec::new();
        loop {
            match self.results.try_recv() {
                Ok(result) => results.push(result),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.finished = true;
                    break;
                }
            }
        }
        results
    }

    /// The one result of a task that produces one, once it has arrived.
    pub fn take(&mut self) -> Option<T> {
        self.drain().pop()
    }
}

impl<T> Task<T> {
    pub fn name(&self) -> &'static str {
        self.name
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    pub fn progress(&self) -> Progress {
        Progress {
            done: self.shared.done.load(Ordering::Relaxed),
            total: self.shared.total.load(Ordering::Relaxed),
            part_done: self.shared.part_done.load(Ordering::Relaxed),
            part_total: self.shared.part_total.load(Ordering::Relaxed),
        }
    }

    /// Asks the task to stop at its next check; what it already sent can still be drained.
    pub fn cancel(&self) {
        self.shared.cancelled.store(true, Ordering::Relaxed);
    }
}

impl<T> Drop for Task<T> {
    fn drop(&mut self) {
        self.cancel();
    }
}

impl<T> Worker<T> {
    /// Sends a result and wakes the window; `false` when nobody is listening any more
    /// (the task was dropped), a sign to stop.
    pub fn send(&self, result: T) -> bool {
        let sent = self.results.send(result).is_ok();
        (self.wake)();
        sent
    }

    pub fn is_cancelled(&self) -> bool {
        self.shared.cancelled.load(Ordering::Relaxed)
    }

    /// The flag long steps inside library code check (an import reading one big file).
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.shared.cancelled
    }

    pub fn set_total(&self, total: usize) {
        self.shared.total.store(total, Ordering::Relaxed);
    }

    /// How many steps are done, for work that counts them itself (claims written into a
    /// report), and a wake so the window shows it.
    pub fn set_done(&self, done: usize) {
        self.shared.done.store(done, Ordering::Relaxed);
        (self.wake)();
    }

    /// One more step done; the parts of the next step are not known yet.
    pub fn advance(&self) {
        self.shared.part_total.store(0, Ordering::Relaxed);
        self.shared.part_done.store(0, Ordering::Relaxed);
        self.shared.done.fetch_add(1, Ordering::Relaxed);
    }

    /// How far the step under way has got in parts of its own, and a wake so the window
    /// shows it (a page of a scanned PDF takes a second or so).
    pub fn set_part(&self, done: usize, total: usize) {
        self.shared.part_total.store(total, Ordering::Relaxed);
        self.shared.part_done.store(done, Ordering::Relaxed);
        (self.wake)();
    }
}

#[cfg(test)]
mod tests {
    use super::{Task, Wake};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn wait_until_finished<T: Send + 'static>(task: &mut Task<T>) -> Vec<T> {
        let mut all = Vec::new();
        for _ in 0..500 {
            all.extend(task.drain());
            if task.is_finished() {
                return all;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        panic!("the task did not finish");
    }

    #[test]
    fn results_arrive_in_order_with_progress_and_a_wake_for_each_and_at_the_end() {
        let wakes = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&wakes);
        let wake: Wake = Arc::new(move || {
            counted.fetch_add(1, Ordering::Relaxed);
        });
        let mut task = Task::spawn("test task", wake, |worker| {
            worker.set_total(3);
            for n in 0..3 {
                worker.advance();
                worker.send(n);
            }
        })
        .expect("spawns");
        assert_eq!(wait_until_finished(&mut task), vec![0, 1, 2]);
        assert_eq!((task.progress().done, task.progress().total), (3, 3));
        assert_eq!(wakes.load(Ordering::Relaxed), 4, "one per result, one at the end");
    }

    #[test]
    fn a_cancelled_task_stops_at_its_next_check() {
        let (started, go) = std::sync::mpsc::channel();
        let mut task = Task::spawn("cancelled task", Arc::new(|| {}), move |worker| {
            started.send(()).ok();
            let mut n = 0;
            while !worker.is_cancelled() && n < 1_000_000 {
                std::thread::sleep(std::time::Duration::from_millis(1));
                n += 1;
            }
            worker.send(n);
        })
        .expect("spawns");
        go.recv().expect("started");
        task.cancel();
        let sent = wait_until_finished(&mut task);
        assert!(sent.iter().all(|&n| n < 1_000_000), "stopped early: {sent:?}");
    }

    #[test]
    fn a_done_task_hands_over_its_results_then_finishes() {
        let mut task = Task::done("done task", vec!["answer"]);
        assert_eq!(task.take(), Some("answer"));
        assert!(task.is_finished());
    }

    #[test]
    fn dropping_a_task_cancels_it() {
        let (sender, cancelled) = std::sync::mpsc::channel();
        let task: Task<()> = Task::spawn("dropped task", Arc::new(|| {}), move |worker| {
            while !worker.is_cancelled() {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            sender.send(()).ok();
        })
        .expect("spawns");
        drop(task);
        assert!(cancelled.recv_timeout(std::time::Duration::from_secs(5)).is_ok(), "the worker saw the cancel");
    }
}
