//! The background writer: meetings are saved on a thread of their own, so a key that
//! changes the meeting never waits for serializing and two fsyncs.
//!
//! `submit` hands over the meeting as it is now and returns at once. Saves waiting for
//! the writer are coalesced: a newer state of the same file replaces the one not yet
//! begun, so the writer is never more than one save behind. Each save starts as soon as
//! the previous one ends, so a committed change is on disk within the time of two saves
//! (milliseconds; the promise is two seconds). A failed save is kept and tried again
//! every `RETRY` until it succeeds or a newer state replaces it; `status` says so, with
//! the reason. `flush` waits until everything submitted is written or has failed.

use crate::meeting::Meeting;
use chrono::NaiveDateTime;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a failed save waits before it is tried again.
pub const RETRY: Duration = Duration::from_secs(2);

/// What the writer has done, as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Status {
    /// Something submitted is not yet on disk (being written, waiting, or failed).
    pub pending: bool,
    /// When the last save that succeeded ended (local time).
    pub saved_at: Option<NaiveDateTime>,
    /// Why the last attempt failed, while it has not since succeeded.
    pub failure: Option<String>,
}

struct Job {
    path: PathBuf,
    /// Shared with the screen, which copies it only to change it while it is here.
    meeting: Arc<Meeting>,
    /// Tried and failed: tried again after `RETRY`, after any job not yet tried.
    retry: bool,
}

#[derive(Default)]
struct State {
    queue: VecDeque<Job>,
    /// A job is being written (taken off the queue).
    busy: bool,
    status: Status,
    stop: bool,
    /// Saves attempted so far (a flush waits for one made after it began).
    attempts: u64,
}

struct Shared {
    state: Mutex<State>,
    /// Work arrived, or the writer must stop.
    wake: Condvar,
    /// A save ended (well or not).
    done: Condvar,
}

type SaveFn = dyn Fn(&Path, &Meeting) -> Result<(), String> + Send + Sync;

/// The writer thread and the handle to it. Dropping it writes what is pending (once
/// more, if it is failing) and ends the thread.
pub struct Writer {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("status", &self.status())
            .finish()
    }
}

fn lock(shared: &Shared) -> MutexGuard<'_, State> {
    // A panic while holding the lock leaves plain data behind; go on with it.
    shared.state.lock().unwrap_or_else(|e| e.into_inner())
}

impl Writer {
    /// A writer that saves with `store::save`.
    pub fn spawn() -> Writer {
        Writer::with(Box::new(|path, meeting| {
            super::save(path, meeting).map_err(|e| e.to_string())
        }))
    }

    /// A writer that saves with `save` (tests make it fail on purpose).
    fn with(save: Box<SaveFn>) -> Writer {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
            done: Condvar::new(),
        });
        let for_thread = shared.clone();
        let thread = std::thread::Builder::new()
            .name("samsyn-writer".into())
            .spawn(move || run(&for_thread, &*save))
            .expect("start the writer thread");
        Writer {
            shared,
            thread: Some(thread),
        }
    }

    /// Save `meeting` to `path` soon. Returns at once.
    pub fn submit(&self, path: &Path, meeting: impl Into<Arc<Meeting>>) {
        let meeting = meeting.into();
        let mut st = lock(&self.shared);
        // Coalesce: a state of the same file not yet begun (or failed) is replaced.
        st.queue.retain(|j| j.path != path);
        st.queue.push_back(Job {
            path: path.to_path_buf(),
            meeting,
            retry: false,
        });
        st.status.pending = true;
        drop(st);
        self.shared.wake.notify_all();
    }

    /// What has been written, and what not.
    pub fn status(&self) -> Status {
        lock(&self.shared).status.clone()
    }

    /// Wait until everything submitted is on disk, or the attempt at it failed (then
    /// `Err` with the reason; the writer keeps retrying).
    pub fn flush(&self) -> Result<(), String> {
        let mut st = lock(&self.shared);
        let attempts = st.attempts;
        // A failed save waiting for its retry is tried again now.
        self.shared.wake.notify_all();
        loop {
            if !st.status.pending {
                return Ok(());
            }
            // A failure reported by an attempt made since the flush began.
            if let Some(why) = &st.status.failure
                && st.attempts > attempts
                && !st.busy
            {
                return Err(why.clone());
            }
            st = self.shared.done.wait(st).unwrap_or_else(|e| e.into_inner());
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        lock(&self.shared).stop = true;
        self.shared.wake.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn run(shared: &Shared, save: &SaveFn) {
    let mut st = lock(shared);
    // Whether the writer has paused since the last failure (a retry may go now).
    let mut rested = true;
    loop {
        let fresh = st.queue.iter().position(|j| !j.retry);
        let job = match fresh {
            // What has not been tried goes first: another file is not held up by one
            // that cannot be written.
            Some(i) => st.queue.remove(i).expect("the position is in the queue"),
            None if st.queue.is_empty() => {
                if st.stop {
                    return;
                }
                st = shared.wake.wait(st).unwrap_or_else(|e| e.into_inner());
                continue;
            }
            None if !rested && !st.stop => {
                // Only failed saves: wait before trying again, unless woken (new work,
                // a flush, quitting).
                st = shared
                    .wake
                    .wait_timeout(st, RETRY)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
                rested = true;
                continue;
            }
            None => st.queue.pop_front().expect("the queue is not empty"),
        };
        st.busy = true;
        drop(st);
        // A panic inside a save is a failed save, not a writer gone silent (a flush
        // would then wait for ever).
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            save(&job.path, &job.meeting)
        }))
        .unwrap_or_else(|_| Err(crate::i18n::store::S::SavePanicked.say(&[])));
        st = lock(shared);
        st.busy = false;
        st.attempts += 1;
        match result {
            Ok(()) => {
                st.status.saved_at = Some(chrono::Local::now().naive_local());
                if !st.queue.iter().any(|j| j.retry) {
                    st.status.failure = None;
                }
            }
            Err(why) => {
                st.status.failure = Some(why);
                rested = false;
                // Kept until it is written or a newer state of the file replaces it.
                if !st.queue.iter().any(|j| j.path == job.path) {
                    st.queue.push_back(Job { retry: true, ..job });
                }
            }
        }
        st.status.pending = !st.queue.is_empty();
        shared.done.notify_all();
        if st.stop && st.queue.iter().all(|j| j.retry) {
            // Quitting: each save was tried once more; what failed is reported.
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    fn meeting(title: &str) -> Meeting {
        let mut m = Meeting::new(
            crate::meeting::AgendaRef {
                id: "samba".into(),
                version: 1,
            },
            title,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        );
        m.title = title.into();
        m
    }

    #[test]
    fn what_is_submitted_is_on_disk_after_flush_and_the_last_state_wins() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        let w = Writer::spawn();
        for i in 0..50 {
            w.submit(&path, meeting(&format!("Möte {i}")));
        }
        w.flush().unwrap();
        assert_eq!(crate::store::load(&path).unwrap().title, "Möte 49");
        let st = w.status();
        assert!(!st.pending && st.failure.is_none() && st.saved_at.is_some());
    }

    #[test]
    fn saves_waiting_are_coalesced_into_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        let gate = Arc::new((Mutex::new(false), Condvar::new()));
        let saves = Arc::new(AtomicUsize::new(0));
        let (g, n) = (gate.clone(), saves.clone());
        let w = Writer::with(Box::new(move |p, m| {
            // The first save waits until the test has queued the rest behind it.
            let (open, cv) = &*g;
            let mut open = open.lock().unwrap();
            while !*open {
                open = cv.wait(open).unwrap();
            }
            n.fetch_add(1, Ordering::SeqCst);
            crate::store::save(p, m).map_err(|e| e.to_string())
        }));
        for i in 0..10 {
            w.submit(&path, meeting(&format!("Möte {i}")));
        }
        *gate.0.lock().unwrap() = true;
        gate.1.notify_all();
        w.flush().unwrap();
        // The one begun before the others arrived (at most), and the newest.
        assert!(saves.load(Ordering::SeqCst) <= 2, "{saves:?}");
        assert_eq!(crate::store::load(&path).unwrap().title, "Möte 9");
    }

    #[test]
    fn a_failing_save_is_reported_kept_and_retried_until_it_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        let failing = Arc::new(AtomicBool::new(true));
        let f = failing.clone();
        let w = Writer::with(Box::new(move |p, m| {
            if f.load(Ordering::SeqCst) {
                Err("No space left on device".into())
            } else {
                crate::store::save(p, m).map_err(|e| e.to_string())
            }
        }));
        w.submit(&path, meeting("Kvar"));
        assert_eq!(w.flush().unwrap_err(), "No space left on device");
        let st = w.status();
        assert!(st.pending, "still to be written");
        assert_eq!(st.failure.as_deref(), Some("No space left on device"));
        assert!(!path.exists());
        // The disk has room again: the retry writes it without anything new submitted.
        failing.store(false, Ordering::SeqCst);
        w.flush().unwrap();
        assert_eq!(crate::store::load(&path).unwrap().title, "Kvar");
        assert_eq!(w.status().failure, None);
    }

    #[test]
    fn a_file_that_cannot_be_written_does_not_hold_up_another() {
        let dir = tempfile::tempdir().unwrap();
        let stuck = dir.path().join("gone/m.ron");
        let fine = dir.path().join("m.ron");
        let w = Writer::spawn();
        w.submit(&stuck, meeting("Fast"));
        assert!(w.flush().is_err());
        w.submit(&fine, meeting("Går bra"));
        // The second file is written at once, not after the first one's retry.
        let waited = std::time::Instant::now();
        while !fine.exists() {
            assert!(
                waited.elapsed() < RETRY * 10,
                "the other file was never written"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(crate::store::load(&fine).unwrap().title, "Går bra");
        let st = w.status();
        assert!(st.pending, "the first is still to be written");
        assert!(st.failure.is_some(), "and still said to fail");
    }

    #[test]
    fn dropping_the_writer_writes_what_is_pending() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        let w = Writer::spawn();
        w.submit(&path, meeting("Sist"));
        drop(w);
        assert_eq!(crate::store::load(&path).unwrap().title, "Sist");
    }
}
