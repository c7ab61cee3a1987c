//! The only place the state changes: one event in, the new state out. Testable with
//! key sequences and no terminal. Every change to the meeting is saved at once.

use super::app::{App, Exit, Held, Overlay, Screen};
use super::available::commands;
use super::command::Cmd;
use super::form::{F, Form, FormError, FormKey, Input, Target};
use super::open::{create_meeting, open_selected};
pub use super::open::{new_meeting_form, open_meeting, open_path, show_start};
use super::phases::{self, Deletion, details, text};
use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use samsyn::i18n::screen::{T, fill};
use samsyn::rules::Target as ProblemTarget;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste): taken in as one insertion.
    Paste(String),
    /// The clock moved on: timers count, nothing else changes.
    Tick(NaiveDateTime),
    Resize(u16, u16),
}

/// Keys and pastes kept while the window is too small to show what they do, at most
/// this many (a paste counts as one): applied in order once the window is large again.
pub const MAX_HELD: usize = 10_000;

pub fn update(app: &mut App, ev: Event) {
    poll_writer(app);
    match ev {
        Event::Resize(w, h) => {
            app.size = (w, h);
            if !app.is_too_small() {
                // What was typed while the window was too small, now that it shows.
                for held in std::mem::take(&mut app.held) {
                    input(
                        app,
                        match held {
                            Held::Key(k) => Event::Key(k),
                            Held::Paste(text) => Event::Paste(text),
                        },
                    );
                }
            }
        }
        Event::Tick(now) => tick(app, now),
        Event::Key(k) if k.kind == KeyEventKind::Release => {}
        ev @ (Event::Key(_) | Event::Paste(_)) => input(app, ev),
    }
}

/// A key or a paste; kept for later while the window is too small.
fn input(app: &mut App, ev: Event) {
    if app.is_too_small() {
        // Nothing is typed blind into a screen nobody can see, and nothing typed is
        // lost: it waits until the window is large enough. Quitting stays safe.
        if let Event::Key(k) = &ev
            && app.overlay.is_none()
            && app.held.is_empty()
            && app.keys.find(k, &[Cmd::Quit]).is_some()
        {
            run(app, Cmd::Quit);
        } else if app.held.len() < MAX_HELD {
            match ev {
                Event::Key(k) => app.held.push(Held::Key(k)),
                Event::Paste(text) => app.held.push(Held::Paste(text)),
                Event::Tick(_) | Event::Resize(..) => {}
            }
        }
        return;
    }
    match ev {
        Event::Key(k) => key(app, k),
        Event::Paste(text) => paste(app, &text),
        Event::Tick(_) | Event::Resize(..) => {}
    }
}

/// Pasted text goes into the field of the open form as one insertion (a one-line
/// field takes it on one line); outside a form it would be a string of commands, so
/// it is refused with a word on how to paste.
fn paste(app: &mut App, text: &str) {
    let lang = app.lang;
    if app.draft.offer.is_some() {
        // The question about a draft is answered with a key, not with text.
        return;
    }
    match app.overlay.take() {
        Some(Overlay::Form(mut form)) => {
            let result = form.paste(text);
            app.overlay = form_result(app, form, result, None);
        }
        other => {
            app.overlay = other;
            app.message = Some((T::PasteNeedsForm.get(lang).to_string(), false));
        }
    }
}

fn key(app: &mut App, k: KeyEvent) {
    // A draft found on opening is answered before anything else.
    if super::recover::offer_key(app, k) {
        return;
    }
    // A message lasts until the next key, unless saving failed.
    if app.message.as_ref().is_some_and(|(_, bad)| !bad) || app.overlay.is_none() {
        app.message = None;
    }
    let cmds = commands(app);
    if let Some(overlay) = app.overlay.take() {
        app.overlay = overlay_key(app, overlay, k, &cmds);
        return;
    }
    if cmds.contains(&Cmd::Heard)
        && let KeyCode::Char(c @ '1'..='9') = k.code
    {
        toggle_heard(app, c as usize - '1' as usize);
        return;
    }
    let Some(cmd) = app.keys.find(&k, &cmds) else {
        let editing_keys = [Cmd::Add, Cmd::Edit, Cmd::Delete];
        if let Some(s) = app.session()
            && !s.editable()
            && app.keys.find(&k, &editing_keys).is_some()
        {
            let msg = match &s.locked {
                Some(why) => why.clone(),
                None => fill(app.t(T::ReadOnlyRefused), &[&app.keys.label(Cmd::Amend)]),
            };
            app.message = Some((msg, true));
        } else if !matches!(k.code, KeyCode::Modifier(_)) {
            // A key that does nothing here: say where the keys are, not nothing.
            let help = fill(app.t(T::PressHelp), &[&app.keys.label(Cmd::Help)]);
            app.message = Some((help, false));
        }
        return;
    };
    run(app, cmd);
}

fn run(app: &mut App, cmd: Cmd) {
    let lang = app.lang;
    match cmd {
        Cmd::Quit => leave(app),
        Cmd::Help => app.overlay = Some(Overlay::Help(0)),
        Cmd::Problems => {
            app.overlay = Some(Overlay::Problems {
                selected: 0,
                refused: false,
            })
        }
        Cmd::Privacy => {
            app.mask = !app.mask;
            super::mask::remember(app);
        }
        Cmd::Prompts => app.show_prompts = !app.show_prompts,
        Cmd::NextPhase | Cmd::PrevPhase => {
            if let Some(s) = app.session_mut() {
                let n = s.agenda.phases.len();
                s.phase = if cmd == Cmd::NextPhase {
                    (s.phase + 1).min(n - 1)
                } else {
                    s.phase.saturating_sub(1)
                };
                s.selected = 0;
                s.note_place(None);
            }
            save_clock(app);
        }
        Cmd::Up | Cmd::Down => move_selection(app, cmd == Cmd::Down),
        Cmd::HeardSelected => {
            let at = app.session().and_then(|s| {
                let row = phases::selected_row(s)?;
                phases::current(s).participant_at(&s.meeting, row)
            });
            if let Some(i) = at {
                toggle_heard(app, i);
            }
        }
        Cmd::Open => open_selected(app),
        Cmd::StartFollowUp => super::open::start_follow_up(app),
        Cmd::TakeIn => take_in(app),
        Cmd::Delete => {
            match app
                .session()
                .and_then(|s| phases::current(s).deletion(s, lang))
            {
                Some(Deletion::Refused(reason)) => app.message = Some((reason, true)),
                Some(Deletion::Ask { label, participant }) => {
                    app.overlay = Some(Overlay::ConfirmDelete { label, participant });
                }
                None => {}
            }
        }
        Cmd::Finalize => finalize_start(app),
        Cmd::Invitation => {
            if let Some(s) = app.session() {
                let mut form = phases::invitation::form(&s.meeting, lang);
                form.style_cursors();
                app.overlay = Some(Overlay::Form(Box::new(form)));
            }
        }
        Cmd::WriteInvitation => {
            if let Some(s) = app.session() {
                let (msg, error) = phases::invitation::write(s, app.now.date(), lang);
                app.message = Some((msg, error));
            }
        }
        Cmd::Pause => {
            let label = app.keys.label(Cmd::Pause);
            if let Some(s) = app.session_mut() {
                s.paused = !s.paused;
                let text = if s.paused {
                    fill(T::PausedNow.get(lang), &[&label])
                } else {
                    T::ClockRuns.get(lang).to_string()
                };
                app.message = Some((text, false));
            }
            save_clock(app);
        }
        Cmd::PhaseTime => {
            if let Some(s) = app.session() {
                let mut form = phases::clock::form(s, lang);
                form.style_cursors();
                app.overlay = Some(Overlay::Form(Box::new(form)));
            }
        }
        Cmd::ReadBack => {
            if app.session().is_some() {
                app.overlay = Some(Overlay::ReadBack {
                    page: 0,
                    selected: 0,
                });
            }
        }
        Cmd::Amend => {
            if let Some(s) = app.session() {
                let mut form = Form::new(Target::Amend, app.t(T::AmendForm).into(), s.meeting.date);
                form.intro = Some(app.t(T::AmendIntro).into());
                form.multi(F::Reason, T::FReason, "").line(
                    F::By,
                    T::FAmendedBy,
                    &s.meeting.facilitator,
                );
                form.style_cursors();
                app.overlay = Some(Overlay::Form(Box::new(form)));
            }
        }
        _ => {
            if let Some(s) = app.session()
                && let Some(form) = phases::open(s, cmd, lang)
            {
                app.overlay = Some(Overlay::Form(Box::new(form)));
            }
        }
    }
}

/// `q`: the meeting remembers where and when it was left; a meeting opened from the
/// start screen goes back there, anything else ends the program (the event loop saves).
fn leave(app: &mut App) {
    use chrono::Timelike;
    let now = app.now.with_nanosecond(0).unwrap_or(app.now);
    let Some(s) = app.session_mut() else {
        app.quit = true;
        return;
    };
    s.note_place(Some(now));
    if !app.from_start {
        quit(app);
        return;
    }
    save(app);
    flush(app);
    // A meeting that could not be saved is not left behind silently.
    if app.save_error.is_some() && app.session().is_some_and(|s| s.editable()) {
        app.overlay = Some(Overlay::QuitUnsaved);
        return;
    }
    app.from_start = false;
    // The start screen reads the archive afresh (this meeting's new state too), and the
    // meeting's lock goes with its session.
    show_start(app);
}

fn move_selection(app: &mut App, down: bool) {
    match &mut app.screen {
        Screen::Start(st) => {
            let n = st.archive.len() + app.catalogue.agendas.len();
            st.selected = step(st.selected, n, down);
        }
        Screen::Meeting(s) => {
            let n = phases::current(s).rows(s).count();
            s.selected = step(s.selected, n, down);
        }
    }
}

fn step(i: usize, n: usize, down: bool) -> usize {
    if n == 0 {
        0
    } else if down {
        (i + 1).min(n - 1)
    } else {
        i.saturating_sub(1)
    }
}

fn toggle_heard(app: &mut App, index: usize) {
    let Some(s) = app.session_mut() else { return };
    let Some(p) = s.meeting.participants.get(index) else {
        return;
    };
    if !p.is_present() {
        return;
    }
    let id = p.id.clone();
    let phase_id = s.phase().id.clone();
    let heard = &mut s.meeting.edit_record(&phase_id).heard;
    if let Some(pos) = heard.iter().position(|h| h == &id) {
        heard.remove(pos);
    } else {
        heard.push(id);
    }
    save(app);
}

/// A key while a box is open; `cmds` are the box's commands.
fn overlay_key(app: &mut App, overlay: Overlay, k: KeyEvent, cmds: &[Cmd]) -> Option<Overlay> {
    match overlay {
        Overlay::Form(mut form) => {
            let result = super::mask::form_key(&mut form, k);
            form_result(app, form, result, Some(k))
        }
        other => other_overlay_key(app, other, k, cmds),
    }
}

/// The form after a key that changed or moved in it: no error or armed discard left, and
/// what depends on its fields (the offered deciders, dates read back) worked out again.
fn refreshed(app: &App, mut form: Box<Form>) -> Box<Form> {
    form.error = None;
    form.discard_armed = false;
    if let Some(s) = app.session() {
        phases::refresh(s, &mut form, app.lang);
    } else {
        form.refresh_dates(app.lang);
    }
    form
}

/// What a form's answer to a key (or a paste, `k` none) does.
fn form_result(
    app: &mut App,
    mut form: Box<Form>,
    result: FormKey,
    k: Option<KeyEvent>,
) -> Option<Overlay> {
    match result {
        FormKey::Changed => {
            form.dirty = true;
            form.pending_since.get_or_insert(app.now);
            Some(Overlay::Form(refreshed(app, form)))
        }
        FormKey::Cancel if form.dirty && !form.discard_armed => {
            // Nothing typed is thrown away on one key.
            form.discard_armed = true;
            form.error = Some(app.t(T::ConfirmDiscard).to_string());
            Some(Overlay::Form(form))
        }
        FormKey::Cancel => {
            restore_text(app, &form);
            None
        }
        FormKey::Save => submit(app, form),
        FormKey::Moved => Some(Overlay::Form(refreshed(app, form))),
        FormKey::Ignored => {
            // A key that does nothing in a choice: say how to choose instead of eating
            // it; ←/→ on a choice of one say there is nothing else.
            if let Some(fl) = form.fields.get(form.focus)
                && let Input::Choice { opts, .. } = &fl.input
                && let Some(k) = k
            {
                if matches!(k.code, KeyCode::Left | KeyCode::Right) && opts.len() == 1 {
                    app.message = Some((app.t(T::OnlyOneChoice).into(), false));
                } else if let KeyCode::Char(_) = k.code
                    && !k.modifiers.contains(KeyModifiers::CONTROL)
                {
                    app.message = Some((app.t(T::ChooseHint).into(), false));
                }
            }
            Some(Overlay::Form(form))
        }
    }
}

/// A key while a box other than a form is open.
fn other_overlay_key(
    app: &mut App,
    overlay: Overlay,
    k: KeyEvent,
    cmds: &[Cmd],
) -> Option<Overlay> {
    match overlay {
        Overlay::Form(form) => Some(Overlay::Form(form)),
        Overlay::Help(scroll) => match app.keys.find(&k, cmds) {
            Some(Cmd::Close) => None,
            Some(Cmd::Up) => Some(Overlay::Help(scroll.saturating_sub(1))),
            Some(Cmd::Down) => Some(Overlay::Help((scroll + 1).min(40))),
            _ if app.keys.find(&k, &[Cmd::Help]).is_some() => None,
            _ => Some(Overlay::Help(scroll)),
        },
        Overlay::Problems { selected, refused } => {
            let n = app.problem_list(refused).len();
            match app.keys.find(&k, cmds) {
                Some(Cmd::Close) => None,
                Some(Cmd::Up) => Some(Overlay::Problems {
                    selected: step(selected, n, false),
                    refused,
                }),
                Some(Cmd::Down) => Some(Overlay::Problems {
                    selected: step(selected, n, true),
                    refused,
                }),
                Some(Cmd::Jump) => {
                    jump_to_problem(app, selected, refused);
                    None
                }
                _ => Some(Overlay::Problems { selected, refused }),
            }
        }
        Overlay::ReadBack { page, selected } => read_back_key(app, page, selected, k, cmds),
        Overlay::QuitUnsaved => {
            // Esc (and q) stay, checked before `n`, which quits without saving.
            match app.keys.find(&k, &[Cmd::Confirm, Cmd::Close, Cmd::Reject]) {
                Some(Cmd::Confirm) => Some(Overlay::Form(Box::new(save_elsewhere_form(app)))),
                Some(Cmd::Reject) => {
                    app.exit = Exit::Unsaved;
                    app.quit = true;
                    None
                }
                Some(_) => None,
                None => Some(Overlay::QuitUnsaved),
            }
        }
        Overlay::ConfirmDelete { label, participant } => match app.keys.find(&k, cmds) {
            Some(Cmd::Confirm) => {
                if let Some(s) = app.session_mut() {
                    let phase = phases::current(s);
                    phase.delete(s.meeting.edit(), s.selected);
                    let n = phase.rows(s).count();
                    s.selected = s.selected.min(n.saturating_sub(1));
                }
                save(app);
                None
            }
            Some(_) => None,
            None => Some(Overlay::ConfirmDelete { label, participant }),
        },
    }
}

/// A key in the read-back: page, choose an action, mark it confirmed at the table.
fn read_back_key(
    app: &mut App,
    page: usize,
    selected: usize,
    k: KeyEvent,
    cmds: &[Cmd],
) -> Option<Overlay> {
    let area = super::readback::area_of(app.size);
    let pages = super::readback::pages(app, app.session()?, area);
    let n = pages.len().max(1);
    let page = page.min(n - 1);
    let on_page = pages.get(page).map_or_else(Vec::new, |p| p.actions());
    let (page, selected) = match app.keys.find(&k, cmds) {
        Some(Cmd::Close) => return None,
        Some(Cmd::NextPage) => ((page + 1).min(n - 1), 0),
        Some(Cmd::PrevPage) => (page.saturating_sub(1), 0),
        Some(Cmd::Down) => (page, step(selected, on_page.len(), true)),
        Some(Cmd::Up) => (page, step(selected, on_page.len(), false)),
        Some(Cmd::Privacy) => {
            app.mask = !app.mask;
            (page, selected)
        }
        Some(Cmd::MarkConfirmed) => {
            let Some(&i) = on_page.get(selected) else {
                return Some(Overlay::ReadBack { page, selected });
            };
            if let Some(s) = app.session_mut()
                && s.editable()
                && let Some(a) = s.meeting.edit().actions.get_mut(i)
            {
                a.confirmed = !a.confirmed;
                save(app);
            }
            // The next one's turn: on this page, else the first of the next.
            if selected + 1 < on_page.len() {
                (page, selected + 1)
            } else if page + 1 < n {
                (page + 1, 0)
            } else {
                (page, selected)
            }
        }
        _ => (page, selected),
    };
    Some(Overlay::ReadBack { page, selected })
}

fn jump_to_problem(app: &mut App, index: usize, refused: bool) {
    let Some(problem) = app.problem_list(refused).get(index).cloned() else {
        return;
    };
    let Some(s) = app.session_mut() else { return };
    let kind = problem.phase_kind();
    if let Some(i) = s.agenda.phases.iter().position(|p| p.kind == kind) {
        s.phase = i;
        s.note_place(None);
        save_clock(app);
    }
    let Some(s) = app.session_mut() else { return };
    let m = &s.meeting;
    s.selected = match &problem.target {
        ProblemTarget::Participant(id) => m.participants.iter().position(|p| &p.id == id),
        ProblemTarget::Action(id) => m.actions.iter().position(|a| &a.id == id),
        ProblemTarget::Consent(i) => Some(*i),
        _ => None,
    }
    .unwrap_or(0);
}

fn finalize_start(app: &mut App) {
    let Some(s) = app.session() else { return };
    let blocking = samsyn::rules::blocking(&s.meeting, &s.agenda);
    if !blocking.is_empty() {
        app.overlay = Some(Overlay::Problems {
            selected: 0,
            refused: true,
        });
        return;
    }
    let mut form = Form::new(
        Target::Finalize,
        app.t(T::FinalizeForm).into(),
        s.meeting.date,
    );
    form.intro = Some(app.t(T::FinalizeIntro).into());
    form.enter_confirms = true;
    // Who else checks and signs the minutes (a guardian, a second professional), above
    // who finalizes: the cursor starts on the last line, so Enter still finalizes.
    form.line(F::Justerare, T::FJusterare, "");
    form.set_note(F::Justerare, Some((app.t(T::JusterareNote).into(), false)));
    form.line(F::By, T::FFinalizedBy, &s.meeting.facilitator);
    form.focus = form.fields.len() - 1;
    // Warnings never block (SPEC §5), but the facilitator sees them before locking.
    let warnings = samsyn::rules::warnings(&s.meeting, &s.agenda);
    if !warnings.is_empty() {
        let list: Vec<String> = warnings
            .iter()
            .map(|w| format!("⚠ {}", w.message(app.lang)))
            .collect();
        let head = fill(app.t(T::FinalizeWarnings), &[&warnings.len().to_string()]);
        form.set_note(F::By, Some((format!("{head} {}", list.join(" ")), true)));
    }
    form.style_cursors();
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// Save a form: the meeting changes and is written, or the form stays open saying why.
fn submit(app: &mut App, mut form: Box<Form>) -> Option<Overlay> {
    let lang = app.lang;
    let now = app.now;
    if form.target == Target::SaveElsewhere {
        return match save_elsewhere(app, &form.text(F::Text)) {
            Ok(()) => None,
            Err(e) => {
                form.fail(e.into());
                Some(Overlay::Form(form))
            }
        };
    }
    // A personnummer never reaches the meeting file, whichever field it is typed in.
    if let Some(e) = form.personnummer_error(lang) {
        form.fail(e);
        return Some(Overlay::Form(form));
    }
    let result: Result<Option<String>, FormError> = match &form.target {
        Target::NewMeeting(agenda_id) => {
            return match create_meeting(app, agenda_id.clone(), &form) {
                Ok(()) => None,
                Err(e) => {
                    form.fail(e);
                    Some(Overlay::Form(form))
                }
            };
        }
        Target::Finalize => {
            let by = form.text(F::By);
            let justerare: Vec<String> = form
                .text(F::Justerare)
                .split(';')
                .map(|j| j.trim().to_string())
                .filter(|j| !j.is_empty())
                .collect();
            let s = app.session_mut()?;
            if by.is_empty() {
                Err(FormError::at(F::By, T::NeedFinalizer.get(lang)))
            } else {
                match samsyn::rules::finalize_with(
                    s.meeting.edit(),
                    &s.agenda,
                    &by,
                    &justerare,
                    now,
                ) {
                    Ok(stamp) => Ok(Some(fill(
                        T::FinalizedOk.get(lang),
                        &[&stamp.revision.to_string()],
                    ))),
                    Err(problems) => Err(problems
                        .iter()
                        .map(|p| p.message(lang).to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                        .into()),
                }
            }
        }
        Target::PhaseTime => {
            let s = app.session_mut()?;
            phases::clock::commit(s, &form, lang).map(|()| None)
        }
        Target::Amend => {
            let (reason, by) = (form.text(F::Reason), form.text(F::By));
            let s = app.session_mut()?;
            if reason.is_empty() {
                Err(FormError::at(F::Reason, T::NeedReason.get(lang)))
            } else if by.is_empty() {
                Err(FormError::missing(F::By, T::FBy, lang))
            } else {
                match samsyn::store::amend(&s.path, s.meeting.edit(), &reason, &by, now) {
                    Ok(kept) => Ok(Some(fill(
                        T::AmendedOk.get(lang),
                        &[&kept
                            .file_name()
                            .map_or(String::new(), |n| n.to_string_lossy().into_owned())],
                    ))),
                    Err(e) => Err(e.to_string().into()),
                }
            }
        }
        _ => {
            let s = app.session_mut()?;
            let before = s.meeting.clone();
            let r = match form.target {
                Target::Details => details::commit(s.meeting.edit(), &form, lang),
                Target::Invitation => phases::invitation::commit(s, &form, lang),
                _ => phases::current(s).commit(s.meeting.edit(), &form, lang),
            };
            // A change that would make the file larger than it may be is refused here,
            // at the form, rather than failing to save after it (the loader's limit).
            let r = r.and_then(|()| {
                samsyn::store::fits(&s.meeting).map_err(|size| too_large(size, lang).into())
            });
            if r.is_err() {
                // Nothing half-written stays in the meeting.
                *s.meeting.edit() = before;
            }
            r.map(|()| None)
        }
    };
    match result {
        Ok(msg) => {
            if !matches!(form.target, Target::Amend) {
                save(app);
            } else {
                app.last_saved = Some(now);
            }
            if let Some(msg) = msg {
                app.message = Some((msg, false));
            }
            // The row saved is the one selected, a new one too. Free text and the
            // meeting's details are not rows: the selection stays.
            if let Some(s) = app.session_mut()
                && !matches!(
                    form.target,
                    Target::Text(_)
                        | Target::Details
                        | Target::Invitation
                        | Target::Finalize
                        | Target::Amend
                        | Target::PhaseTime
                )
            {
                s.selected = phases::current(s).row_of(&s.meeting, &form.target);
            }
            None
        }
        Err(e) => {
            form.fail(e);
            Some(Overlay::Form(form))
        }
    }
}

/// Save the meeting: handed to the background writer when there is one (the running
/// program; `poll_writer` reports what it did), else written now (the tests).
pub fn save(app: &mut App) {
    let now = app.now;
    let Some(s) = app.session() else { return };
    if s.locked.is_some() {
        // Another window writes this meeting; this one only looks.
        return;
    }
    if let Some(w) = &app.writer {
        w.submit(&s.path, s.meeting.shared());
        app.saving = true;
        return;
    }
    match samsyn::store::save(&s.path, &s.meeting) {
        Ok(()) => {
            app.last_saved = Some(now);
            app.save_error = None;
        }
        Err(e) => {
            app.save_error = Some(e.to_string());
        }
    }
}

fn too_large(size: u64, lang: samsyn::i18n::Lang) -> String {
    let mb = |b: u64| (b / (1024 * 1024)).max(1).to_string();
    fill(
        T::TooLargeRefused.get(lang),
        &[&mb(size), &mb(samsyn::diag::MAX_FILE_BYTES)],
    )
}

/// Take in what the background writer has done: "saving…" while a save is not on disk,
/// "saved hh:mm:ss" once it is, the reason while saving fails.
pub fn poll_writer(app: &mut App) {
    let Some(w) = &app.writer else { return };
    let st = w.status();
    app.saving = st.pending;
    app.save_error = st.failure;
    if let Some(at) = st.saved_at
        && app.last_saved.is_none_or(|l| l < at)
    {
        app.last_saved = Some(at);
    }
}

/// Wait until the writer has written everything handed to it (or failed to).
pub fn flush(app: &mut App) {
    if let Some(w) = &app.writer {
        let _ = w.flush();
    }
    poll_writer(app);
}

/// `q`: the meeting is written and the writer waited for. When it cannot be saved, ask
/// first: save it elsewhere, quit anyway (exit non-zero), or stay.
fn quit(app: &mut App) {
    save(app);
    flush(app);
    if app.save_error.is_some() && app.session().is_some_and(|s| s.editable()) {
        app.overlay = Some(Overlay::QuitUnsaved);
        return;
    }
    app.quit = true;
}

/// The form asking where to save the meeting instead: the home folder by default.
fn save_elsewhere_form(app: &App) -> Form {
    let (date, name) = app.session().map_or_else(
        || (app.now.date(), String::new()),
        |s| {
            let name = s
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            (s.meeting.date, name)
        },
    );
    let home = std::env::var_os("HOME").map_or_else(|| std::path::PathBuf::from("."), Into::into);
    let mut form = Form::new(
        Target::SaveElsewhere,
        app.t(T::SaveElsewhereForm).into(),
        date,
    );
    form.intro = Some(app.t(T::SaveElsewhereIntro).into());
    form.line(F::Text, T::FSaveTo, &home.join(name).display().to_string());
    form.style_cursors();
    form
}

/// Write the meeting to `typed` (a new file, or a folder to put it in under its own
/// name), never over a file that exists; then quit, saying where it is.
fn save_elsewhere(app: &mut App, typed: &str) -> Result<(), String> {
    let lang = app.lang;
    let Some(s) = app.session() else {
        return Ok(());
    };
    let typed = typed.trim();
    let mut path = match typed.strip_prefix("~/") {
        Some(rest) => std::env::var_os("HOME").map_or_else(
            || std::path::PathBuf::from(typed),
            |h| std::path::Path::new(&h).join(rest),
        ),
        None => std::path::PathBuf::from(typed),
    };
    if typed.is_empty() {
        return Err(fill(T::NeedText.get(lang), &[T::FSaveTo.get(lang)]));
    }
    if path.is_dir() {
        path = path.join(s.path.file_name().unwrap_or_default());
    }
    samsyn::store::fits(&s.meeting).map_err(|size| too_large(size, lang))?;
    let text = samsyn::store::to_ron(&s.meeting);
    match samsyn::fsio::write_atomic(&path, text.as_bytes(), false) {
        Ok(()) => {}
        Err(samsyn::diag::FileError::Write { source, .. })
            if source.kind() == std::io::ErrorKind::AlreadyExists =>
        {
            return Err(fill(
                T::SaveElsewhereExists.get(lang),
                &[&path.display().to_string()],
            ));
        }
        Err(e) => return Err(fill(T::SaveElsewhereFailed.get(lang), &[&e.to_string()])),
    }
    app.exit = Exit::SavedElsewhere(path);
    app.quit = true;
    Ok(())
}

/// Esc on a free-text form: put back the text it opened with, if typing had already
/// been written to the meeting.
fn restore_text(app: &mut App, form: &Form) {
    let (Target::Text(target), Some(original)) = (&form.target, &form.original) else {
        return;
    };
    let Some(s) = app.session_mut() else { return };
    if text::get(&s.meeting, target) == *original {
        return;
    }
    text::commit_judged(&mut s.meeting, target, original.clone());
    save(app);
}

/// Write free text being typed into the meeting about once a second.
fn autosave_text(app: &mut App, now: NaiveDateTime) {
    let Some(Overlay::Form(form)) = &mut app.overlay else {
        return;
    };
    let Target::Text(target) = &form.target else {
        return;
    };
    if form
        .pending_since
        .is_none_or(|t| now - t < chrono::Duration::seconds(1))
    {
        return;
    }
    form.pending_since = None;
    if let Some(e) = form.personnummer_error(app.lang) {
        // Kept on the screen only, until it is taken out.
        form.error = Some(e.message);
        return;
    }
    let (target, text) = (target.clone(), form.text(F::Text));
    let lang = app.lang;
    let Screen::Meeting(s) = &mut app.screen else {
        return;
    };
    if !s.editable() {
        return;
    }
    let before = text::get(&s.meeting, &target);
    text::commit_judged(&mut s.meeting, &target, text);
    if let Err(size) = samsyn::store::fits(&s.meeting) {
        // Kept on the screen only: the file stays as large as it may be.
        text::commit_judged(&mut s.meeting, &target, before);
        if let Some(Overlay::Form(form)) = &mut app.overlay {
            form.error = Some(too_large(size, lang));
        }
        return;
    }
    save(app);
}

/// What the passing of time and the background writer may change on the screen: the
/// clock's minute (and the day), the phase timer and the meeting's time, the save's
/// state, the status line's message and the open form's error. The event loop draws
/// again after a tick only when this changed (a key always draws).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticking {
    minute: (chrono::NaiveDate, u32, u32),
    timers: Option<(u64, u64, bool)>,
    saving: bool,
    last_saved: Option<NaiveDateTime>,
    save_error: Option<String>,
    message: Option<(String, bool)>,
    form_error: Option<String>,
    offer: bool,
}

impl Ticking {
    /// Whether only the timers moved on from `before`, with the meeting judged as it
    /// was: then only the header needs drawing again (`render::clock_only`).
    pub fn only_timers(&self, before: &Ticking, app: &App) -> bool {
        let same = Ticking {
            timers: before.timers,
            ..self.clone()
        };
        same == *before
            && self.timers != before.timers
            && app.session().is_some_and(|s| s.meeting.is_judged())
    }
}

pub fn ticking(app: &App) -> Ticking {
    use chrono::Timelike;
    Ticking {
        minute: (app.now.date(), app.now.hour(), app.now.minute()),
        timers: app
            .session()
            .map(|s| (s.elapsed_secs(), s.meeting_secs(), s.paused)),
        saving: app.saving,
        last_saved: app.last_saved,
        save_error: app.save_error.clone(),
        message: app.message.clone(),
        form_error: match &app.overlay {
            Some(Overlay::Form(f)) => f.error.clone(),
            _ => None,
        },
        offer: app.draft.offer.is_some(),
    }
}

/// How long the event loop may sleep when no key comes: until the phase timer shows
/// the next second while it runs, else until the clock shows the next minute; a second
/// at most while a form is open (its text is written within seconds) or saving failed
/// (the writer retries); 10 ms while a save is on its way, so "saved" is said once true.
pub fn wait(app: &App, now: NaiveDateTime) -> std::time::Duration {
    use chrono::Timelike;
    let ms = |n: i64| std::time::Duration::from_millis(n.clamp(1, 60_000) as u64);
    if app.saving && app.save_error.is_none() {
        return ms(10);
    }
    // A little after the moment, never just before it (which would wake for nothing).
    const AFTER: i64 = 2;
    let timer = app
        .session()
        .filter(|s| s.editable() && !s.paused)
        .and_then(|s| s.last_tick);
    if let Some(last) = timer {
        let since = (now - last).num_milliseconds();
        return ms(1000 - since.rem_euclid(1000) + AFTER);
    }
    let next_second = 1000 - i64::from(now.nanosecond().min(999_999_999) / 1_000_000) + AFTER;
    if matches!(app.overlay, Some(Overlay::Form(_))) || app.save_error.is_some() {
        return ms(next_second);
    }
    ms((59 - i64::from(now.second().min(59))) * 1000 + next_second)
}

fn tick(app: &mut App, now: NaiveDateTime) {
    app.now = now;
    autosave_text(app, now);
    super::recover::tick(app);
    let Some(s) = app.session_mut() else { return };
    let last = s.last_tick.replace(now);
    if !s.editable() {
        return;
    }
    let Some(last) = last else { return };
    let whole = (now - last).num_seconds();
    if whole <= 0 {
        // Keep counting from the last whole second.
        s.last_tick = Some(last);
        return;
    }
    s.last_tick = Some(last + chrono::Duration::seconds(whole));
    if s.paused {
        return;
    }
    // A suspended laptop must not count its sleep as meeting time.
    let secs = whole.min(60) as u64;
    let before = s.elapsed_secs();
    let after = s.count_time(secs);
    if before / CLOCK_SAVED_EVERY != after / CLOCK_SAVED_EVERY {
        save(app);
    }
}

/// The phase timer is written with the meeting every this many seconds of a phase
/// while nothing else is saved (each save of the meeting writes it too), and on every
/// change of phase, pause, quit or signal: a crash loses at most two minutes of the
/// clock, never anything typed. (Each of these saves writes the whole meeting.)
pub const CLOCK_SAVED_EVERY: u64 = 120;

/// The phase changed or the clock was paused or started: the time so far is saved
/// (with where the meeting is, `Session::note_place`).
fn save_clock(app: &mut App) {
    if app.session().is_some_and(|s| s.editable()) {
        save(app);
    }
}

/// `r`: take the amended previous meeting into this follow-up, and save.
fn take_in(app: &mut App) {
    let Some(s) = app.session_mut() else { return };
    let Some(prev) = s.previous_amended.take() else {
        return;
    };
    let file = s
        .meeting
        .previous
        .as_ref()
        .map_or_else(String::new, |p| p.file.clone());
    s.meeting.edit().take_in(&prev, &file);
    s.previous_note = None;
    s.selected = 0;
    let text = app.t(T::TookIn).to_string();
    save(app);
    app.message = Some((text, false));
}
