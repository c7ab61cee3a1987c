//! The meeting screen (SPEC §7): app state, one update function, pure rendering, one
//! phase per kind. The terminal is only touched in this file.

// The layers, each using only those above it in this list (docs/architecture.md):
// drawing helpers and the words of commands and keys,
mod bigclock;
pub mod command;
pub mod dates;
pub mod keys;
pub mod mask;
pub mod memo;
pub mod theme;
mod widgets;
// the state of the screen,
pub mod app;
pub mod draft;
pub mod form;
// one phase per kind,
pub mod phases;
// what works now, what a key does, what is drawn.
pub mod available;
mod open;
mod overlay;
pub mod paint;
pub mod readback;
mod recover;
pub mod render;
pub mod tty;
pub mod update;

pub use app::App;
pub use update::{Event, update};

use crate::agenda::Catalogue;
use crate::i18n::Lang;
use crate::i18n::screen::{T, fill};
use crossterm::event::{self, Event as CtEvent};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// What to show first.
#[derive(Debug, Clone)]
pub enum Begin {
    Start,
    New {
        agenda: String,
        title: Option<String>,
    },
    Open(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub theme: theme::ThemeName,
    pub dir: Option<PathBuf>,
    pub begin: Begin,
}

/// Why the screen could not start, with the exit code SPEC §8 gives it (the same as
/// `samsyn check` for the same file).
#[derive(Debug)]
pub struct StartError {
    pub message: String,
    pub code: i32,
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<crate::diag::FileError> for StartError {
    fn from(e: crate::diag::FileError) -> Self {
        StartError {
            message: e.to_string(),
            code: e.exit_code(),
        }
    }
}

/// The meeting file, for the panic message.
static PANIC_PATH: Mutex<Option<PathBuf>> = Mutex::new(None);

pub(crate) fn set_panic_path(path: &Path) {
    if let Ok(mut p) = PANIC_PATH.lock() {
        *p = Some(path.to_path_buf());
    }
}

/// Whether the screen is ours (raw mode, alternate screen), so it is given back once:
/// leaving the alternate screen twice would move the cursor over the panic message.
static TERMINAL_TAKEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn restore_terminal() {
    if TERMINAL_TAKEN.swap(false, std::sync::atomic::Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let _ = execute!(
            std::io::stdout(),
            crossterm::event::DisableBracketedPaste,
            LeaveAlternateScreen,
            crossterm::cursor::Show
        );
    }
}

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Build the app for `opts` without a terminal (also used by the tests).
pub fn prepare(opts: &Options, now: chrono::NaiveDateTime) -> Result<App, StartError> {
    let mut catalogue = Catalogue::load();
    let keys_path = keys::KeyMap::config_path();
    let (keys, key_error) = keys::KeyMap::load(keys_path.as_deref());
    let archive = crate::store::archive_dir(opts.dir.as_deref());
    let theme = theme::Theme::new(opts.theme, theme::Theme::color_allowed());
    let mut begin = opts.begin.clone();
    let mut installed = None;
    if let Begin::New { agenda, .. } = &mut begin
        && catalogue.get(agenda).is_none()
    {
        let path = std::path::PathBuf::from(&*agenda);
        if !path.is_file() {
            // Not a file: say which agendas there are.
            catalogue.resolve(agenda)?;
        }
        let user_dir = crate::agenda::user_agenda_dir();
        let (a, copied) = catalogue.adopt(&path, user_dir.as_deref())?;
        *agenda = a.id.clone();
        installed = copied;
    }
    // A broken directory of organisations is bad data, said with its line and column.
    let directory = crate::directory::load()?;
    let mut app = App::new(opts.lang, theme, keys, catalogue, archive, now);
    app.directory = directory;
    // The mask as it was left: on a projector, nothing shows before `i` could be pressed.
    let state_error = crate::config::state_path().and_then(|p| mask::recall(&mut app, p));
    // A broken key file is said first; the start screen adds an archive others can open.
    app.message = key_error.or(state_error).map(|e| (e, true)).or_else(|| {
        installed.map(|p| {
            let what = T::AgendaAdded.get(opts.lang);
            (fill(what, &[&p.display().to_string()]), false)
        })
    });
    match &begin {
        Begin::Start => update::show_start(&mut app),
        Begin::New { agenda, title } => {
            // Cancelling the new-meeting form leads to the start screen.
            update::show_start(&mut app);
            let a = app
                .catalogue
                .get(agenda)
                .cloned()
                .ok_or_else(|| StartError {
                    message: format!("unknown agenda {agenda:?}"),
                    code: crate::diag::exit::NO_INPUT,
                })?;
            update::new_meeting_form(&mut app, &a, title.as_deref().unwrap_or(""));
        }
        // Opening one meeting reads only that file, however large the archive.
        Begin::Open(path) => update::open_path(&mut app, path)?,
    }
    Ok(app)
}

/// Run the screen until the user quits. Returns the exit code.
pub fn run(opts: Options) -> i32 {
    let mut app = match prepare(&opts, now()) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("samsyn: {e}");
            return e.code;
        }
    };
    // From here on saves are written on a thread of their own (`update::save`).
    app.writer = Some(crate::store::Writer::spawn());
    let signal = catch_signals();
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        default_hook(info);
        if let Ok(Some(p)) = PANIC_PATH.lock().map(|p| p.clone()) {
            eprintln!(
                "samsyn: the meeting is saved in {} (everything up to the last change)",
                p.display()
            );
            let draft = crate::store::draft::path_for(&p);
            if draft.exists() {
                eprintln!(
                    "samsyn: text typed but not yet saved is kept in {}; opening the meeting offers it back",
                    draft.display()
                );
            }
        }
    }));
    TERMINAL_TAKEN.store(true, std::sync::atomic::Ordering::SeqCst);
    // A paste arrives as one event (bracketed paste), taken in as one insertion.
    if let Err(e) = enable_raw_mode().and_then(|()| {
        execute!(
            std::io::stdout(),
            EnterAlternateScreen,
            crossterm::event::EnableBracketedPaste
        )
    }) {
        restore_terminal();
        let lang = crate::i18n::messages();
        eprintln!(
            "samsyn: {}: {}",
            crate::i18n::cli::NO_TERMINAL.get(lang),
            crate::i18n::diag::io_reason(lang, &e)
        );
        return crate::diag::exit::FAILURE;
    }
    // A panic has already restored the terminal and named the file (the hook above);
    // it ends the program with the exit code for "anything else".
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut app, &signal)
    }));
    let Ok(result) = result else {
        // Whatever was handed to the writer before the panic is written.
        update::flush(&mut app);
        return crate::diag::exit::FAILURE;
    };
    // However the loop ended (quit, a signal, the terminal gone): the meeting as it is
    // now and the text in an open form are written, and the writer waited for, before
    // the terminal is given back.
    let sig = signal.load(std::sync::atomic::Ordering::SeqCst) as i32;
    update::save(&mut app);
    recover::write_now(&mut app);
    update::flush(&mut app);
    restore_terminal();
    let code = farewell(&app, sig);
    if let Err(e) = result
        && sig == 0
    {
        say(&format!("samsyn: {e}"));
        return crate::diag::exit::FAILURE;
    }
    code
}

/// SIGTERM and SIGHUP end the program the orderly way (`run`): the flag they set is
/// looked at by the event loop. A second one while that is under way ends it at once.
fn catch_signals() -> std::sync::Arc<std::sync::atomic::AtomicUsize> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize};
    let which = Arc::new(AtomicUsize::new(0));
    let armed = Arc::new(AtomicBool::new(false));
    for sig in [SIGTERM, SIGHUP] {
        // The order matters: the second signal finds the flag the first one set.
        let _ = signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, armed.clone());
        let _ = signal_hook::flag::register(sig, armed.clone());
        let _ = signal_hook::flag::register_usize(sig, which.clone(), sig as usize);
        // The event loop sleeps until a key (or the clock) wakes it; crossterm's reader
        // also wakes on SIGWINCH, so the signal sends that too, and the loop looks at
        // the flag at once. (`raise` is async-signal-safe.)
        // SAFETY: the action only calls `raise`, which is async-signal-safe.
        let _ = unsafe {
            signal_hook::low_level::register(sig, || {
                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
            })
        };
    }
    which
}

/// A line on the terminal after the screen is given back; a terminal already gone
/// (SIGHUP) is no reason to panic.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Say where the meeting is, and what is not saved; the exit code: 128 + the signal that
/// ended the program, 73 when the meeting could not be saved, else 0.
fn farewell(app: &App, sig: i32) -> i32 {
    use crate::i18n::screen::{T, fill};
    let lang = app.lang;
    let Some(s) = app.session() else {
        return if sig > 0 {
            128 + sig
        } else {
            crate::diag::exit::OK
        };
    };
    let shown = s.path.display().to_string();
    let failure = app.save_error.as_deref().unwrap_or_default();
    if let app::Exit::SavedElsewhere(to) = &app.exit {
        say(&fill(
            T::SavedElsewhere.get(lang),
            &[&to.display().to_string(), &shown, failure],
        ));
        return crate::diag::exit::OK;
    }
    let code = if app.save_error.is_some() {
        let since = app.last_saved.map_or_else(
            || T::NeverSaved.get(lang).to_string(),
            |t| t.format("%H:%M:%S").to_string(),
        );
        say(&fill(T::ExitUnsaved.get(lang), &[failure, &shown, &since]));
        let draft = crate::store::draft::path_for(&s.path);
        if draft.exists() {
            say(&fill(
                T::ExitDraftAt.get(lang),
                &[&draft.display().to_string()],
            ));
        }
        crate::diag::exit::CANT_CREATE
    } else {
        say(&format!("samsyn: {shown}"));
        crate::diag::exit::OK
    };
    if sig > 0 {
        if app.save_error.is_none() {
            say(&fill(T::ExitSignal.get(lang), &[&sig.to_string(), &shown]));
        }
        return 128 + sig;
    }
    code
}

/// Test builds only: with `SAMSYN_TEST_PANIC` set, F12 panics, so the tests can see what
/// a panic does to the terminal and the meeting. Not compiled into release builds.
#[cfg(debug_assertions)]
fn injected_panic(k: &crossterm::event::KeyEvent) {
    if k.code == crossterm::event::KeyCode::F(12) && std::env::var_os("SAMSYN_TEST_PANIC").is_some()
    {
        panic!("injected panic (SAMSYN_TEST_PANIC)");
    }
}

#[cfg(not(debug_assertions))]
fn injected_panic(_: &crossterm::event::KeyEvent) {}

/// Events handled between two frames at most, so an endless stream still shows.
const MAX_BATCH: usize = 2000;

/// How long to look for more input already on its way before drawing: crossterm's
/// reader looks at what it has already read only with a timeout above zero, and a
/// timeout under a millisecond never sleeps (it is a non-blocking look, repeated).
const MORE_INPUT: Duration = Duration::from_micros(10);

/// How long crossterm may look for what woke the sleep (`Sleep`): it is there at once;
/// a signal that brought nothing costs this much.
const MIN_LOOK: Duration = Duration::from_millis(1);

/// Where the event loop sleeps: the terminal crossterm reads (stdin when it is one, as
/// crossterm does, else `/dev/tty`; readiness is the terminal's, whichever descriptor
/// looks at it) and a pipe the signals that should wake it write to (a resize, SIGTERM,
/// SIGHUP), so one arriving just before the sleep still ends it.
struct Sleep {
    tty: std::os::fd::OwnedFd,
    woken: std::os::unix::net::UnixStream,
}

impl Sleep {
    fn new() -> std::io::Result<Sleep> {
        use std::io::IsTerminal;
        use std::os::fd::AsFd;
        let tty = if std::io::stdin().is_terminal() {
            std::io::stdin().as_fd().try_clone_to_owned()?
        } else {
            std::fs::File::open("/dev/tty")?.into()
        };
        let (woken, wake) = std::os::unix::net::UnixStream::pair()?;
        woken.set_nonblocking(true)?;
        wake.set_nonblocking(true)?;
        use signal_hook::consts::{SIGHUP, SIGTERM, SIGWINCH};
        for sig in [SIGWINCH, SIGTERM, SIGHUP] {
            signal_hook::low_level::pipe::register(sig, wake.try_clone()?)?;
        }
        Ok(Sleep { tty, woken })
    }

    /// Sleep until the terminal has input, a signal came, or `timeout` passed; whether
    /// it was not the timeout. One `poll` of the descriptors: crossterm's own wait
    /// sleeps in whole milliseconds and then looks again and again, without sleeping,
    /// through the fraction of a millisecond left of its timeout.
    fn sleep(&self, timeout: Duration) -> std::io::Result<bool> {
        use std::io::Read;
        use std::os::fd::AsRawFd;
        let fd = |fd: i32| filedescriptor::pollfd {
            fd,
            events: filedescriptor::POLLIN,
            revents: 0,
        };
        let mut fds = [fd(self.tty.as_raw_fd()), fd(self.woken.as_raw_fd())];
        let woke = match filedescriptor::poll(&mut fds, Some(timeout)) {
            Ok(n) => n > 0,
            // A signal without a pipe of ours (it wakes the loop all the same).
            Err(_) => true,
        };
        // What the signals wrote is taken out; crossterm has its own pipe for resizes.
        let mut drain = [0u8; 64];
        while matches!((&self.woken).read(&mut drain), Ok(n) if n > 0) {}
        Ok(woke)
    }
}

fn event_loop(app: &mut App, signal: &std::sync::atomic::AtomicUsize) -> std::io::Result<()> {
    let signalled = || signal.load(std::sync::atomic::Ordering::SeqCst) != 0;
    let backend = tty::Tty::new();
    // The whole window, resized when the terminal says it changed (not asked on every
    // frame, which costs opening /dev/tty before anything is drawn).
    let (w, h) = crossterm::terminal::size()?;
    let whole = |w, h| ratatui::layout::Rect::new(0, 0, w, h);
    let terminal = ratatui::Terminal::with_options(
        backend,
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(whole(w, h)),
        },
    )?;
    let mut painter = paint::Painter::new(terminal);
    let sleep = Sleep::new()?;
    update(app, Event::Resize(w, h));
    update(app, Event::Tick(now()));
    let (mut redraw, mut input) = (true, true);
    // Whether only the clock has changed since the last frame; how many more sleeps
    // go through crossterm's wait.
    let (mut clock_only, mut crossterm_waits) = (false, 0u8);
    loop {
        if redraw && !(clock_only && painter.clock(app)?) {
            painter.whole(app)?;
        }
        // What the clock and the writer may change on the screen, as the frame shows it.
        let shown = update::ticking(app);
        // Asleep until a key, or the next moment the screen would show something new.
        // From the time of the last tick (a frame ago): one look at the clock a second,
        // which also looks at /etc/localtime.
        let wait = update::wait(app, app.now);
        // Soon after input crossterm may hold what it has read but not handed out (its
        // look for more came too late to see it, on a busy machine, or the batch was
        // cut short): its own wait looks there first. Once it has slept without finding
        // anything, one poll of the terminal does (`Sleep`).
        if input {
            crossterm_waits = 2;
        }
        let ready = if crossterm_waits > 0 {
            crossterm_waits -= 1;
            event::poll(wait)?
        } else {
            sleep.sleep(wait)? && event::poll(MIN_LOOK)?
        };
        input = false;
        if ready {
            // What is already waiting (a paste, a held key) is taken before the next
            // frame: a burst of keys costs one redraw, not one each.
            for _ in 0..MAX_BATCH {
                match event::read()? {
                    CtEvent::Key(k) => {
                        injected_panic(&k);
                        update(app, Event::Key(k))
                    }
                    CtEvent::Paste(text) => update(app, Event::Paste(text)),
                    CtEvent::Resize(w, h) => {
                        painter.resize(whole(w, h))?;
                        update(app, Event::Resize(w, h))
                    }
                    _ => {}
                }
                input = true;
                if app.quit || signalled() || !event::poll(MORE_INPUT)? {
                    break;
                }
            }
        }
        update(app, Event::Tick(now()));
        // Drawn again only when something on it changed.
        let now_shown = update::ticking(app);
        redraw = input || now_shown != shown;
        clock_only = !input && now_shown.only_timers(&shown, app);
        // Quitting, or SIGTERM/SIGHUP: `run` saves and gives the terminal back.
        if app.quit || signalled() {
            return Ok(());
        }
    }
}
