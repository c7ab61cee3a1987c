//! Drafts on disk: text typed in a form for a row (participant, action, goal…) and not
//! yet saved is written beside the meeting (`store::draft`) at most two seconds after
//! the last keystroke, so a crash loses at most that much. Saving or cancelling the form
//! removes the draft; opening a meeting with a draft beside it offers the text back.

use super::app::{App, Overlay, Session};
use super::command::Cmd;
use super::draft::{Draft, FormDraft, State, draftable, from_v1, values, when};
use super::form::{Form, Target};
use super::phases::{self, details};
use chrono::Duration;
use crossterm::event::KeyEvent;
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::store::draft::{self as file, DraftFile, Found};

/// How long typing must pause before the draft is written, and how long it may be put
/// off while typing goes on. With a tick at least every half second, text typed is on
/// disk within two seconds (the promise of SPEC §10).
const QUIET: i64 = 1000;
const AT_MOST: i64 = 1500;

/// Temporary files of an interrupted save older than this are removed on opening.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);

/// The form `target` names, built afresh from the meeting as it is now, and the index
/// of the agenda phase it belongs to (`None`: the meeting's details, of no phase);
/// `None` when what it edited is gone.
fn reopen(s: &Session, target: &Target, lang: Lang) -> Option<(Option<usize>, Form)> {
    if *target == Target::Details {
        return Some((None, details::form(&s.meeting, lang)));
    }
    if *target == Target::Invitation {
        return Some((None, phases::invitation::form(&s.meeting, lang)));
    }
    s.agenda.phases.iter().enumerate().find_map(|(i, p)| {
        let form = phases::phase_for(p.kind).reopen(s, target, lang)?;
        (form.target == *target).then_some((Some(i), form))
    })
}

/// A meeting was opened: clear the leftovers of an interrupted save and offer back a
/// draft found beside it. A window that may only look leaves the draft to the window
/// that writes the meeting.
pub fn on_open(app: &mut App) {
    app.draft = State::default();
    let Some(s) = app.session() else { return };
    if let Some(dir) = s.path.parent() {
        samsyn::store::remove_stale_temps(dir, STALE_TEMP);
    }
    if s.locked.is_some() {
        return;
    }
    let draft = match file::read::<FormDraft>(&s.path) {
        Found::None => return,
        Found::Draft(d) => d,
        Found::Old { version: 1, text } => match from_v1(&text, &s.meeting.id) {
            Some(d) => d,
            None => return discard(app, T::DraftUnreadable, "version 1"),
        },
        Found::Old { version, .. } => {
            return discard(app, T::DraftUnreadable, &format!("version {version}"));
        }
        Found::Unreadable(why) => return discard(app, T::DraftUnreadable, &why),
        Found::TooLarge(size) => {
            // Not read (it could freeze the screen) and not deleted: it is someone's text.
            let shown = file::path_for(&s.path).display().to_string();
            let mb = (size / (1024 * 1024)).to_string();
            app.message = Some((fill(app.t(T::DraftTooLarge), &[&shown, &mb]), true));
            return;
        }
    };
    let fits = draft.meeting == s.meeting.id
        && s.editable()
        && reopen(s, &draft.form.target, app.lang).is_some();
    if !fits {
        let at = when(draft.written, app.now);
        return discard(app, T::DraftUnfit, &at);
    }
    app.draft.offer = Some(draft);
}

/// Remove the draft and say why with `msg`.
fn discard(app: &mut App, msg: T, arg: &str) {
    if let Some(s) = app.session() {
        file::remove(&s.path);
    }
    app.message = Some((fill(app.t(msg), &[arg]), true));
}

/// Answer the offer: yes reopens the form with the text, no deletes the draft. Returns
/// whether the key was taken (any key is, while the offer is open).
pub fn offer_key(app: &mut App, k: KeyEvent) -> bool {
    if app.draft.offer.is_none() {
        return false;
    }
    match app.keys.find(&k, &[Cmd::Confirm, Cmd::Reject]) {
        Some(Cmd::Confirm) => {
            if let Some(d) = app.draft.offer.take() {
                restore(app, d);
            }
        }
        Some(_) => {
            app.draft.offer = None;
            if let Some(s) = app.session() {
                file::remove(&s.path);
            }
            app.message = Some((app.t(T::DraftDiscarded).into(), false));
        }
        None => {}
    }
    true
}

fn restore(app: &mut App, d: Draft) {
    let (lang, now) = (app.lang, app.now);
    let Some(s) = app.session_mut() else { return };
    let Some((phase, mut form)) = reopen(s, &d.form.target, lang) else {
        let msg = fill(T::DraftUnfit.get(lang), &[&when(d.written, now)]);
        file::remove(&s.path);
        app.message = Some((msg, true));
        return;
    };
    if let Some(i) = phase {
        s.phase = i;
        s.selected = phases::phase_for(s.kind()).row_of(&s.meeting, &d.form.target);
    }
    let s = &*s;
    super::draft::apply(&mut form, &d.form.fields);
    form.focus = d.form.focus.min(form.fields.len().saturating_sub(1));
    form.dirty = true;
    phases::refresh(s, &mut form, lang);
    form.style_cursors();
    // The file holds what the form now shows; it goes when the form is saved or dropped.
    app.draft.on_disk = Some((form.target.clone(), values(&form)));
    app.overlay = Some(Overlay::Form(Box::new(form)));
    app.message = Some((T::DraftRestored.get(lang).into(), false));
}

/// On every tick: write the open form's unsaved text once typing pauses (or has gone on
/// for two seconds), and remove the draft once the form is saved or cancelled and the
/// meeting holding it is on disk (not while a save is in flight or failing).
pub fn tick(app: &mut App) {
    write(app, false);
}

/// Write the open form's unsaved text now, whatever the pause (the program is ending).
pub fn write_now(app: &mut App) {
    write(app, true);
}

fn write(app: &mut App, now_anyway: bool) {
    let now = app.now;
    let unsaved = app.unsaved();
    let Some(s) = app.session() else {
        return;
    };
    if s.locked.is_some() || app.draft.offer.is_some() {
        return;
    }
    let (path, meeting_id) = (s.path.clone(), s.meeting.id.clone());
    let open = match &app.overlay {
        // No draft holds a personnummer either: the form refuses it when saved.
        Some(Overlay::Form(f)) if f.personnummer_field().is_some() => return,
        Some(Overlay::Form(f)) if f.dirty && draftable(&f.target) => {
            Some((f.target.clone(), values(f), f.focus))
        }
        _ => None,
    };
    let st = &mut app.draft;
    let Some((target, vals, focus)) = open else {
        if unsaved {
            // The saved form's change is not on disk yet: its draft stays until it is.
            return;
        }
        if st.on_disk.take().is_some() {
            file::remove(&path);
        }
        st.seen = None;
        st.changed_at = None;
        st.pending_since = None;
        return;
    };
    if st.on_disk.as_ref().is_some_and(|(t, _)| *t != target) {
        // Another form: the old draft's form was closed.
        st.on_disk = None;
        file::remove(&path);
    }
    if st.seen.as_ref() != Some(&(target.clone(), vals.clone())) {
        st.seen = Some((target.clone(), vals.clone()));
        st.changed_at = Some(now);
    }
    if st.on_disk.as_ref().is_some_and(|(_, v)| *v == vals) {
        st.pending_since = None;
        return;
    }
    let since = *st.pending_since.get_or_insert(now);
    let changed = st.changed_at.unwrap_or(now);
    let due = now_anyway
        || now - changed >= Duration::milliseconds(QUIET)
        || now - since >= Duration::milliseconds(AT_MOST);
    if !due {
        return;
    }
    let draft = DraftFile {
        version: file::VERSION,
        meeting: meeting_id,
        written: now,
        form: FormDraft {
            target: target.clone(),
            focus,
            fields: vals.clone(),
        },
    };
    match file::write(&path, &draft) {
        Ok(()) => {
            st.on_disk = Some((target, vals));
            st.pending_since = None;
        }
        Err(e) => {
            // Tried again on the next tick; the form itself is untouched.
            let msg = fill(app.t(T::DraftFailed), &[&e.to_string()]);
            app.message = Some((msg, true));
        }
    }
}
