//! Opening meetings: the start screen's archive, a new meeting from an agenda, an
//! existing file; each takes the meeting's lock or opens it read-only.

use super::app::{App, Overlay, Screen, Session, Start, scan_archive};
use super::command::Cmd;
use super::form::{Form, FormError};
use super::phases::details;
use samsyn::agenda::Agenda;
use samsyn::i18n::screen::{T, fill};
use samsyn::meeting::{AgendaRef, Meeting};
use std::path::{Path, PathBuf};

pub(super) fn open_selected(app: &mut App) {
    let Screen::Start(st) = &app.screen else {
        return;
    };
    let i = st.selected;
    app.from_start = true;
    if let Some(entry) = st.archive.get(i) {
        if entry.summary.is_ok() {
            let path = entry.path.clone();
            // The file is read once, now, with its lock taken: what another window saved
            // since the archive was looked at is what is opened.
            if let Err(e) = open_file(app, &path) {
                show_start(app);
                app.message = Some((e.message, true));
            }
        }
        return;
    }
    let Some((agenda, _)) = app.catalogue.agendas.get(i - st.archive.len()) else {
        return;
    };
    let agenda = agenda.clone();
    new_meeting_form(app, &agenda, "");
}

/// Show the start screen with a fresh look at the archive.
pub fn show_start(app: &mut App) {
    let (archive, open_to_others) = scan_archive(&app.archive_dir);
    if let Some(w) = samsyn::store::archive_warning_for(&app.archive_dir, open_to_others)
        && app.message.is_none()
    {
        // Others could read these children's files: say so where the archive is shown.
        app.message = Some((w.message(app.lang), true));
    }
    app.screen = Screen::Start(Start::new(
        archive,
        app.now.date(),
        app.lang,
        Some(&app.catalogue),
    ));
}

/// Open the new-meeting form for `agenda`.
pub fn new_meeting_form(app: &mut App, agenda: &Agenda, title: &str) {
    let draft = Meeting::new(
        AgendaRef {
            id: agenda.id.clone(),
            version: agenda.version,
        },
        title,
        app.now.date(),
    );
    let mut form = details::new_form(&draft, &agenda.id, app.lang);
    form.refresh_dates(app.lang);
    form.style_cursors();
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

pub(super) fn create_meeting(
    app: &mut App,
    agenda_id: String,
    form: &Form,
) -> Result<(), FormError> {
    let agenda = app
        .catalogue
        .resolve(&agenda_id)
        .map_err(|e| FormError::from(e.to_string()))?;
    let mut m = Meeting::new(
        AgendaRef {
            id: agenda.id.clone(),
            version: agenda.version,
        },
        "",
        app.now.date(),
    );
    details::commit(&mut m, form, app.lang)?;
    let path = samsyn::store::save_new(&app.archive_dir, &m)
        .map_err(|e| FormError::from(e.to_string()))?;
    app.last_saved = Some(app.now);
    set_session(app, m, agenda, path);
    Ok(())
}

/// Open a meeting read from `path`.
pub fn open_meeting(app: &mut App, m: Meeting, path: PathBuf) -> Result<(), String> {
    let agenda = agenda_of(app, &m, &path)?;
    set_session(app, m, agenda, path);
    Ok(())
}

fn agenda_of(app: &App, m: &Meeting, path: &Path) -> Result<Agenda, String> {
    app.catalogue
        .get(&m.agenda.id)
        .cloned()
        .ok_or_else(|| format!("{}: unknown agenda {:?}", path.display(), m.agenda.id))
}

/// Open the meeting in the file at `path` from the command line: `q` quits.
pub fn open_path(app: &mut App, path: &Path) -> Result<(), super::StartError> {
    open_file(app, path)?;
    app.from_start = false;
    Ok(())
}

/// Take the meeting's lock, then read the file once: this window edits what is in the
/// file now. A file that does not load, or names an agenda nobody has (bad data, as
/// `samsyn check` says), is not opened.
fn open_file(app: &mut App, path: &Path) -> Result<(), super::StartError> {
    let (path, through_link) = resolve_link(path);
    // Leaving the start screen (or a meeting) lets go of what it held first.
    app.screen = Screen::Start(Start::new(Vec::new(), app.now.date(), app.lang, None));
    // No lock file is left beside a name that holds no meeting file.
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
        samsyn::store::load(&path)?;
    }
    let lock = samsyn::store::MeetingLock::acquire(&path);
    let m = samsyn::store::load(&path)?;
    let agenda = agenda_of(app, &m, &path).map_err(|message| super::StartError {
        message,
        code: samsyn::diag::exit::DATA,
    })?;
    let (lock, locked) = match lock {
        // Minutes changed after finalizing are shown read-only, with the reason, and
        // not locked.
        _ if m.stamp_matches() == Some(false) => (None, Some(app.t(T::Tampered).to_string())),
        Ok(lock) => (Some(lock), None),
        Err(e) => (None, Some(e.message(app.lang))),
    };
    start_session(app, m, agenda, path, through_link, lock, locked);
    Ok(())
}

/// A meeting reached through a symbolic link is edited in the file the link points to:
/// saved there (a save through the link would replace the link with a copy), and locked
/// there, so a window opening either path finds the other's lock.
fn resolve_link(path: &Path) -> (PathBuf, bool) {
    match std::fs::canonicalize(path) {
        Ok(real) if samsyn::fsio::is_link(path) => (real, true),
        _ => (path.to_path_buf(), false),
    }
}

/// Open a meeting this window has just written (a new one, a follow-up), taking its
/// lock.
fn set_session(app: &mut App, meeting: Meeting, agenda: Agenda, path: PathBuf) {
    let (path, through_link) = resolve_link(&path);
    // Leaving the meeting screen releases the previous meeting's lock first.
    app.screen = Screen::Start(Start::new(Vec::new(), app.now.date(), app.lang, None));
    // One writer per meeting: a second window shows it read-only and says why.
    let (lock, locked) = match samsyn::store::MeetingLock::acquire(&path) {
        Ok(lock) => (Some(lock), None),
        Err(e) => (None, Some(e.message(app.lang))),
    };
    start_session(app, meeting, agenda, path, through_link, lock, locked);
}

fn start_session(
    app: &mut App,
    meeting: Meeting,
    agenda: Agenda,
    path: PathBuf,
    through_link: bool,
    lock: Option<samsyn::store::MeetingLock>,
    locked: Option<String>,
) {
    super::set_panic_path(&path);
    // Where the meeting was left, and for how long it was closed (`closed_secs`).
    let phase = meeting
        .resume
        .as_ref()
        .and_then(|r| agenda.phases.iter().position(|p| p.id == r.phase))
        .unwrap_or(0);
    let closed_secs = meeting
        .resume
        .as_ref()
        .and_then(|r| r.closed_at)
        .map(|at| (app.now - at).num_seconds())
        .filter(|&secs| secs > 0)
        .map(|secs| secs as u64);
    app.screen = Screen::Meeting(Box::new(Session {
        meeting: meeting.into(),
        agenda,
        path,
        phase,
        closed_secs,
        paused: false,
        selected: 0,
        last_tick: None,
        locked,
        lock,
        directory: app.directory.clone(),
        previous_note: None,
        previous_amended: None,
        scroll: Default::default(),
    }));
    if let Screen::Meeting(s) = &mut app.screen {
        // The time closed is taken into the session once, and said.
        s.note_place(None);
        if s.editable()
            && let Some(secs) = s.closed_secs.filter(|&secs| secs >= 60)
        {
            let text = fill(
                T::ClosedFor.get(app.lang),
                &[&(secs / 60).to_string(), &app.keys.label(Cmd::PhaseTime)],
            );
            app.message.get_or_insert((text, false));
        }
        s.previous_note = samsyn::store::previous_problem(&s.meeting, &s.path, app.lang);
        // The file is read again only when it has changed.
        if s.previous_note.is_some() {
            s.previous_amended = samsyn::store::amended_previous(&s.meeting, &s.path);
        }
    }
    super::recover::on_open(app);
    if through_link
        && app.message.is_none()
        && let Some(s) = app.session()
    {
        let shown = s.path.display().to_string();
        app.message = Some((fill(app.t(T::LinkResolved), &[&shown]), false));
    }
}

/// `u`: start the follow-up of the finalized minutes on screen (or selected on the start
/// screen), save it next to them and open it.
pub(super) fn start_follow_up(app: &mut App) {
    let source = match &app.screen {
        Screen::Start(st) => st
            .archive
            .get(st.selected)
            .filter(|e| e.summary.is_ok())
            .and_then(|e| Some((samsyn::store::load(&e.path).ok()?, e.path.clone()))),
        Screen::Meeting(s) => Some((s.meeting.clone(), s.path.clone())),
    };
    let Some((prev, path)) = source else {
        return;
    };
    if matches!(app.screen, Screen::Start(_)) {
        app.from_start = true;
    }
    let next_id = app
        .catalogue
        .get(&prev.agenda.id)
        .and_then(|a| a.follow_up_agenda.clone())
        .unwrap_or_else(|| prev.agenda.id.clone());
    let Some(agenda) = app.catalogue.get(&next_id).cloned() else {
        app.message = Some((format!("unknown agenda {next_id:?}"), true));
        return;
    };
    let dir = path
        .parent()
        .map_or_else(|| app.archive_dir.clone(), Path::to_path_buf);
    let entries = samsyn::archive::scan_lazy(&dir).entries;
    if let Some(first) = samsyn::archive::follow_up_of(&entries, &prev.id) {
        let name = first.path.display().to_string();
        app.message = Some((fill(app.t(T::AlreadyFollowed), &[&name]), true));
        return;
    }
    let date = prev.follow_up.as_ref().map_or(app.now.date(), |f| f.date);
    let title = format!("{}: {}", agenda.name.get(app.lang), prev.title);
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let r = AgendaRef {
        id: agenda.id.clone(),
        version: agenda.version,
    };
    let m = match prev.start_follow_up(r, title, date, &file) {
        Ok(m) => m,
        Err(why) => {
            let text = fill(
                app.t(T::NotFollowable),
                &[&samsyn::i18n::terms::not_followable(&why, app.lang)],
            );
            app.message = Some((text, true));
            return;
        }
    };
    match samsyn::store::save_new(&dir, &m) {
        Ok(new) => {
            let shown = new.display().to_string();
            set_session(app, m, agenda, new);
            app.message = Some((fill(app.t(T::FollowUpStarted), &[&shown]), false));
        }
        Err(e) => app.message = Some((e.to_string(), true)),
    }
}
