//! Drive the real samsyn binary in a pseudo-terminal and read its screen, the way a
//! person at the keyboard would: keys in, rendered text out (portable-pty + vt100).
#![allow(dead_code)] // each test binary uses a different part of the harness

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long to wait for a screen to show something before the test fails. Generous:
/// this guards against hangs, it does not measure speed.
pub const PATIENCE: Duration = Duration::from_secs(30);

pub struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    output_done: Arc<Mutex<bool>>,
}

impl Session {
    /// Start samsyn with `args` in a terminal of `cols`×`rows`, with a clean environment
    /// apart from `env` (HOME and XDG dirs should point into a temp dir).
    pub fn spawn(args: &[&str], env: &[(&str, &Path)], cols: u16, rows: u16) -> Session {
        Session::spawn_wrapped(&[], args, env, cols, rows)
    }

    /// As `spawn`, started through `wrapper` (`["setpriv", "--reuid=65534", …]`): the
    /// wrapper's words, then the samsyn binary, then `args`.
    pub fn spawn_wrapped(
        wrapper: &[&str],
        args: &[&str],
        env: &[(&str, &Path)],
        cols: u16,
        rows: u16,
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let bin = env!("CARGO_BIN_EXE_samsyn");
        let mut cmd = match wrapper.split_first() {
            None => CommandBuilder::new(bin),
            Some((program, words)) => {
                let mut cmd = CommandBuilder::new(program);
                cmd.args(words);
                cmd.arg(bin);
                cmd
            }
        };
        cmd.args(args);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn samsyn");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().unwrap(),
            cols.try_into().unwrap(),
            0,
        )));
        let output_done = Arc::new(Mutex::new(false));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (p, done) = (parser.clone(), output_done.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => p.lock().unwrap().process(&buf[..n]),
                }
            }
            *done.lock().unwrap() = true;
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            master: pair.master,
            writer,
            child,
            parser,
            output_done,
        }
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Whether the program still shows its full-screen view (the alternate screen).
    pub fn in_alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Wait until the screen contains `text`; panic with the screen if it never does.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "the screen never showed {text:?}; it shows:\n{}",
            self.screen()
        );
    }

    /// Wait until `test` holds for the screen; panic with the screen (and `what` was
    /// awaited) if it never does.
    pub fn wait_until(&self, what: &str, test: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if test(&self.screen()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        panic!(
            "the screen never showed {what}; it shows:\n{}",
            self.screen()
        );
    }

    /// Wait until everything the program wrote has been read (after it exited).
    pub fn wait_output_closed(&self) {
        let start = Instant::now();
        while !self.output_closed() && start.elapsed() < PATIENCE {
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whether the cursor is shown.
    pub fn cursor_visible(&self) -> bool {
        !self.parser.lock().unwrap().screen().hide_cursor()
    }

    /// Whether the terminal is in its normal (cooked) mode, echo and line editing on, as
    /// a shell expects it; `None` when it cannot be asked.
    pub fn cooked(&self) -> Option<bool> {
        let fd = self.master.as_raw_fd()?;
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(fd, &mut t) } != 0 {
            return None;
        }
        Some(t.c_lflag & libc::ECHO != 0 && t.c_lflag & libc::ICANON != 0)
    }

    /// Send a signal (SIGTERM, SIGHUP…) to the program.
    pub fn signal(&self, sig: i32) {
        unsafe {
            libc::kill(self.pid() as i32, sig);
        }
    }

    /// Type raw bytes (text, or escape sequences from `key`).
    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        self.writer.write_all(bytes.as_ref()).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Type text one character at a time, as a person would.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let mut b = [0u8; 4];
            self.send(c.encode_utf8(&mut b).as_bytes());
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// The window takes a new size. The screen read here takes it first, and the output
    /// is not read meanwhile: what the program draws for the new size is never read at
    /// the old one (it was, now and then, and the test then waited for a frame the
    /// program had already drawn).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let mut parser = self.parser.lock().unwrap();
        parser
            .screen_mut()
            .set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Kill with SIGKILL: no chance to clean up, as when a battery dies.
    pub fn sigkill(&mut self) {
        unsafe {
            libc::kill(self.pid() as i32, libc::SIGKILL);
        }
        let _ = self.child.wait();
    }

    /// Wait for the program to exit and return its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("samsyn did not exit; the screen shows:\n{}", self.screen());
    }

    /// Whether the program's output stream has closed.
    pub fn output_closed(&self) -> bool {
        *self.output_done.lock().unwrap()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Escape sequences for keys.
pub mod key {
    pub const ENTER: &str = "\r";
    pub const ESC: &str = "\x1b";
    pub const TAB: &str = "\t";
    pub const BACKTAB: &str = "\x1b[Z";
    pub const UP: &str = "\x1b[A";
    pub const DOWN: &str = "\x1b[B";
    pub const RIGHT: &str = "\x1b[C";
    pub const LEFT: &str = "\x1b[D";
    pub const BACKSPACE: &str = "\x7f";
    pub const DELETE: &str = "\x1b[3~";
    pub const PAGE_DOWN: &str = "\x1b[6~";
    pub const PAGE_UP: &str = "\x1b[5~";
    pub const F1: &str = "\x1bOP";

    /// Ctrl + a letter.
    pub fn ctrl(c: char) -> String {
        ((c.to_ascii_lowercase() as u8 - b'a' + 1) as char).to_string()
    }
}

/// A test's own folders: an owner-only archive (`arkiv`) and a settings folder (`config`)
/// in one temporary directory, removed when dropped.
pub struct Dirs {
    _root: tempfile::TempDir,
    pub archive: PathBuf,
    pub config: PathBuf,
}

pub fn dirs() -> Dirs {
    let root = tempfile::tempdir().unwrap();
    let archive = root.path().join("arkiv");
    let config = root.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    samsyn::store::create_private_dir(&archive).unwrap();
    Dirs {
        archive,
        config,
        _root: root,
    }
}

/// The notes of `phase` as the meeting file holds them now ("" when it does not load).
pub fn notes(file: &Path, phase: &str) -> String {
    samsyn::store::load(file)
        .ok()
        .and_then(|m| m.phase(phase).map(|p| p.notes.clone()))
        .unwrap_or_default()
}

/// Wait up to `patience` for the notes of `phase` in `file` to be `expected`; if they
/// never are, fail showing where they first differ and what the screen shows.
pub fn wait_for_notes(s: &Session, file: &Path, phase: &str, expected: &str, patience: Duration) {
    let mut last = String::new();
    let start = Instant::now();
    while last != expected && start.elapsed() < patience {
        std::thread::sleep(Duration::from_millis(100));
        last = notes(file, phase);
    }
    if last != expected {
        let at = last
            .chars()
            .zip(expected.chars())
            .position(|(a, b)| a != b)
            .unwrap_or(last.chars().count().min(expected.chars().count()));
        let around = |t: &str| {
            t.chars()
                .skip(at.saturating_sub(20))
                .take(60)
                .collect::<String>()
        };
        panic!(
            "the saved notes ({} characters) differ from what was typed ({}) at character {at}:\n saved: {:?}\n typed: {:?}\nthe screen shows:\n{}",
            last.chars().count(),
            expected.chars().count(),
            around(&last),
            around(expected),
            s.screen()
        );
    }
}
