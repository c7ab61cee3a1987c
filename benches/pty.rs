//! Keystroke → the first byte of the answer, through a real pseudo-terminal: samsyn with
//! the large meeting open on its actions list (↓ and ↑ in turn), and `less` scrolling a
//! long file (↓ and ↑ in turn) on a pty of the same size, in the same run. The ratio of
//! the two medians is printed: the target is samsyn ≤ 3× `less`.
//!
//! Under `cargo test --benches` each is timed a few times only (a smoke that the harness
//! and the program still work together).

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

const COLS: u16 = 120;
const ROWS: u16 = 40;
const DOWN: &[u8] = b"\x1b[B";
const UP: &[u8] = b"\x1b[A";

/// A program running in a pty: keys in, the moment each chunk of output arrived out.
struct Pty {
    writer: Box<dyn Write + Send>,
    output: Receiver<(Instant, Vec<u8>)>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The screen as the output so far draws it (read by `wait_for`).
    screen: vt100::Parser,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    fn spawn(cmd: CommandBuilder) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Pty {
            writer,
            output,
            child,
            screen: vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0),
            _master: pair.master,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Read until nothing has come for `quiet`; what came, as text.
    fn settle(&mut self, quiet: Duration) -> String {
        self.settle_at(quiet).0
    }

    /// The same, and when the last of it came.
    fn settle_at(&mut self, quiet: Duration) -> (String, Option<Instant>) {
        let (mut out, mut last) = (Vec::new(), None);
        loop {
            match self.output.recv_timeout(quiet) {
                Ok((at, bytes)) => {
                    self.screen.process(&bytes);
                    out.extend(bytes);
                    last = Some(at);
                }
                Err(RecvTimeoutError::Timeout) => {
                    return (String::from_utf8_lossy(&out).into(), last);
                }
                Err(RecvTimeoutError::Disconnected) => panic!("the program ended"),
            }
        }
    }

    /// Read until the screen shows `text`.
    fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if let Ok((_, bytes)) = self.output.recv_timeout(Duration::from_millis(100)) {
                self.screen.process(&bytes);
                if self.screen.screen().contents().contains(text) {
                    return;
                }
            }
        }
        panic!(
            "{text:?} never showed; the screen shows:\n{}",
            self.screen.screen().contents()
        );
    }

    /// Send `key` and time until the first byte of the answer and until its last
    /// (the last before the terminal is quiet for 3 ms, so the next key starts from a
    /// quiet terminal).
    fn answer(&mut self, key: &[u8]) -> (Duration, Duration) {
        let sent = Instant::now();
        self.send(key);
        let (at, bytes) = self
            .output
            .recv_timeout(Duration::from_secs(10))
            .expect("an answer to the key");
        self.screen.process(&bytes);
        let last = self.settle_at(Duration::from_millis(3)).1.unwrap_or(at);
        (
            at.saturating_duration_since(sent),
            last.saturating_duration_since(sent),
        )
    }

    /// `n` keys, ↓ and ↑ in turn, each answer timed to its first byte.
    fn arrows(&mut self, n: u64) -> Vec<Duration> {
        self.arrows_whole(n).into_iter().map(|t| t.0).collect()
    }

    /// The same, timed to the first and to the last byte.
    fn arrows_whole(&mut self, n: u64) -> Vec<(Duration, Duration)> {
        (0..n)
            .map(|i| self.answer(if i % 2 == 0 { DOWN } else { UP }))
            .collect()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn env(cmd: &mut CommandBuilder, home: &Path) {
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_DATA_HOME", home.join("data"));
}

/// The program `bin` with `case` open (its first phase, the timer running).
fn open_with(home: &Path, case: &support::Case, bin: &Path) -> Pty {
    let archive = home.join(format!("arkiv-{}", case.name));
    samsyn::store::create_private_dir(&archive).unwrap();
    let path = samsyn::store::save_new(&archive, &case.meeting).unwrap();
    let mut cmd = CommandBuilder::new(bin);
    cmd.arg("open");
    cmd.arg(&path);
    env(&mut cmd, home);
    cmd.env("SAMSYN_DIR", &archive);
    let mut pty = Pty::spawn(cmd);
    pty.wait_for("Deltagare (");
    pty.settle(Duration::from_millis(300));
    pty
}

/// samsyn with the large meeting open, on the middle of its actions list.
fn samsyn(home: &Path) -> Pty {
    samsyn_with(home, Path::new(env!("CARGO_BIN_EXE_samsyn")))
}

/// The same, with the program `bin`.
fn samsyn_with(home: &Path, bin: &Path) -> Pty {
    let case = support::large();
    let mut pty = open_with(home, &case, bin);
    let actions = case
        .agenda
        .phases
        .iter()
        .position(|p| p.kind == samsyn::agenda::PhaseKind::Actions)
        .expect("an actions phase");
    for _ in 0..actions {
        pty.send(b"\x1b[C");
    }
    pty.wait_for("Insatser och åtgärder (");
    for _ in 0..case.meeting.actions.len() / 2 {
        pty.send(DOWN);
    }
    pty.settle(Duration::from_millis(300));
    pty
}

/// `less` on a file of 10,000 lines, scrolled into its middle.
fn less(home: &Path) -> Pty {
    let file = home.join("lines.txt");
    let text: String = (0..10_000)
        .map(|i| format!("{i:05} {}\n", support::prose(90, i)))
        .collect();
    std::fs::write(&file, text).unwrap();
    let mut cmd = CommandBuilder::new("less");
    cmd.arg(&file);
    env(&mut cmd, home);
    let mut pty = Pty::spawn(cmd);
    pty.wait_for("00001");
    pty.send(b"5000g");
    pty.settle(Duration::from_millis(300));
    pty
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn keystroke(c: &mut Criterion) {
    let bench = std::env::args().any(|a| a == "--bench");
    let home = support::temp_dir();
    let mut samsyn = samsyn(home.path());
    let mut less = less(home.path());
    // With SAMSYN_BENCH_BEFORE=path/to/another/samsyn, that one too (a before and after
    // in one run).
    let mut before = std::env::var_os("SAMSYN_BENCH_BEFORE").map(|bin| {
        let home = support::temp_dir();
        let pty = samsyn_with(home.path(), Path::new(&bin));
        (pty, home)
    });
    // Side by side, in turn, so a busy machine slows them alike.
    let n = if bench { 400 } else { 6 };
    let (mut ours, mut theirs, mut earlier) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..n / 2 {
        ours.extend(samsyn.arrows_whole(2));
        theirs.extend(less.arrows_whole(2));
        if let Some((before, _)) = before.as_mut() {
            earlier.extend(before.arrows_whole(2));
        }
    }
    let first = |v: &[(Duration, Duration)]| median(v.iter().map(|t| t.0).collect());
    let last = |v: &[(Duration, Duration)]| median(v.iter().map(|t| t.1).collect());
    let (a, b) = (first(&ours), first(&theirs));
    println!(
        "pty keystroke → first byte, median of {n}: samsyn (large meeting, actions list) {a:?}, less {b:?}: {:.1}× less",
        a.as_secs_f64() / b.as_secs_f64()
    );
    let (a, b) = (last(&ours), last(&theirs));
    println!(
        "pty keystroke → last byte of the answer, median of {n}: samsyn {a:?}, less {b:?}: {:.1}× less",
        a.as_secs_f64() / b.as_secs_f64()
    );
    if !earlier.is_empty() {
        let (a, b, l) = (first(&earlier), last(&earlier), first(&theirs));
        println!(
            "the same, SAMSYN_BENCH_BEFORE: first byte {a:?} ({:.1}× less), last byte {b:?} ({:.1}× less)",
            a.as_secs_f64() / l.as_secs_f64(),
            b.as_secs_f64() / last(&theirs).as_secs_f64()
        );
    }
    let mut group = c.benchmark_group("pty-keystroke");
    group.sample_size(if bench { 50 } else { 10 });
    group.bench_function("samsyn-large-actions", |b| {
        b.iter_custom(|iters| samsyn.arrows(iters).into_iter().sum())
    });
    group.bench_function("less", |b| {
        b.iter_custom(|iters| less.arrows(iters).into_iter().sum())
    });
    group.finish();
}

/// The CPU time the process (all its threads) has used, from /proc (nanoseconds).
fn cpu_ns(pid: u32) -> u64 {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .expect("the process's threads")
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

/// Idle CPU with a meeting open and the phase timer running, nothing typed: the CPU
/// time used over 150 s (`cargo bench`, so that the timer's save every two minutes
/// falls in it once or twice; 3 s under `cargo test --benches`), for the example
/// meeting and the large one, printed as a share of one core. With
/// `SAMSYN_BENCH_BEFORE=path/to/another/samsyn` that program is measured beside this
/// one, at the same time (a before and after in one run). Not a criterion measurement:
/// one long sample each. Named `idle-cpu` for criterion's filter.
fn idle(_: &mut Criterion) {
    let bench = std::env::args().any(|a| a == "--bench");
    // A filter that does not name it (`cargo bench --bench pty -- keystroke`) skips it,
    // as criterion skips the benchmarks it does not name.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.is_some_and(|f| !"idle-cpu".contains(f.as_str())) {
        return;
    }
    let span = Duration::from_secs(if bench { 150 } else { 3 });
    let ours = std::path::PathBuf::from(env!("CARGO_BIN_EXE_samsyn"));
    let mut programs = vec![("this build", ours)];
    if let Some(before) = std::env::var_os("SAMSYN_BENCH_BEFORE") {
        programs.push(("before", before.into()));
    }
    for case in [support::sip_bup(), support::large()] {
        let running: Vec<_> = programs
            .iter()
            .map(|(name, bin)| {
                let home = support::temp_dir();
                let pty = open_with(home.path(), &case, bin);
                let pid = pty.child.process_id().expect("the program's pid");
                (name, home, pty, pid)
            })
            .collect();
        std::thread::sleep(Duration::from_secs(1));
        let t0 = Instant::now();
        let start: Vec<u64> = running.iter().map(|r| cpu_ns(r.3)).collect();
        // What they draw meanwhile is read (and dropped), as a terminal would.
        let mut bytes = vec![0; running.len()];
        while t0.elapsed() < span {
            for (i, r) in running.iter().enumerate() {
                while let Ok((_, b)) = r.2.output.try_recv() {
                    bytes[i] += b.len();
                }
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let secs = t0.elapsed().as_secs_f64();
        for (i, r) in running.iter().enumerate() {
            let used = cpu_ns(r.3) - start[i];
            println!(
                "idle CPU, {} open, timer running, {secs:.0} s, {}: {:.3} ms of CPU = {:.4} % of a core; {} bytes drawn",
                case.name,
                r.0,
                used as f64 / 1e6,
                used as f64 / 1e9 / secs * 100.0,
                bytes[i]
            );
        }
    }
}

criterion_group!(benches, keystroke, idle);
criterion_main!(benches);
