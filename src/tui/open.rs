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
        if let Ok(m) = &entry.meeting {
            let (m, path) = (m.clone(), entry.path.clone());
            if let Err(e) = open_meeting(app, m, path) {
                app.message = Some((e, true));
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
    let archive = scan_archive(&app.archive_dir);
    if let Some(w) = samsyn::store::archive_warning(&app.archive_dir)
        && app.message.is_none()
    {
        // Others could read these children's files: say so where the archive is shown.
        app.message = Some((w.message(app.lang), true));
    }
    app.screen = Screen::Start(
        Start::new(archive, app.now.date(), app.lang)
            .with_invitations(app.now.date(), &app.catalogue),
    );
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
    let agenda = app
        .catalogue
        .get(&m.agenda.id)
        .cloned()
        .ok_or_else(|| format!("{}: unknown agenda {:?}", path.display(), m.agenda.id))?;
    set_session(app, m, agenda, path);
    Ok(())
}

pub fn open_path(app: &mut App, path: &Path) -> Result<(), super::StartError> {
    let m = samsyn::store::load(path)?;
    app.from_start = false;
    // A meeting naming an agenda nobody has is bad data, as `samsyn check` says.
    open_meeting(app, m, path.to_path_buf()).map_err(|message| super::StartError {
        message,
        code: samsyn::diag::exit::DATA,
    })
}

fn set_session(app: &mut App, mut meeting: Meeting, agenda: Agenda, path: PathBuf) {
    // A meeting reached through a symbolic link is edited in the file the link points
    // to: saved there (a save through the link would replace the link with a copy), and
    // locked there, so a window opening either path finds the other's lock.
    let (path, through_link) = match std::fs::canonicalize(&path) {
        Ok(real) if samsyn::fsio::is_link(&path) => (real, true),
        _ => (path, false),
    };
    super::set_panic_path(&path);
    // Leaving the meeting screen releases the previous meeting's lock first.
    app.screen = Screen::Start(Start::new(Vec::new(), app.now.date(), app.lang));
    // One writer per meeting: a second window shows it read-only and says why. Minutes
    // changed after finalizing are shown read-only too, with the reason, and not locked.
    let (mut lock, mut locked) = if meeting.stamp_matches() == Some(false) {
        (None, Some(app.t(T::Tampered).to_string()))
    } else {
        match samsyn::store::MeetingLock::acquire(&path) {
            Ok(lock) => (Some(lock), None),
            Err(e) => (None, Some(e.message(app.lang))),
        }
    };
    if lock.is_some() {
        // The copy read before the lock may be stale (the start screen scanned the
        // archive a while ago, another window may have saved since): this window will
        // save, so it edits what is in the file now. A file that no longer loads is
        // shown as it was read, read-only, and never written over.
        match samsyn::store::load(&path) {
            Ok(fresh) if fresh.stamp_matches() == Some(false) => {
                meeting = fresh;
                (lock, locked) = (None, Some(app.t(T::Tampered).to_string()));
            }
            Ok(fresh) => meeting = fresh,
            Err(e) => {
                let why = app.lang.pick(
                    "Skrivskyddat: filen går inte längre att läsa",
                    "Read-only: the file no longer loads",
                );
                (lock, locked) = (None, Some(format!("{why}: {e}")));
            }
        }
    }
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
            .and_then(|e| e.meeting.as_ref().ok().map(|m| (m.clone(), e.path.clone()))),
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
    let (entries, _) = samsyn::followups::scan(&dir);
    if let Some(first) = samsyn::followups::follow_up_of(&entries, &prev.id) {
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
