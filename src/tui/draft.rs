//! Drafts: text typed in a form for a row (participant, action, goal…) and not yet
//! saved is written beside the meeting file (`.NAME.ron.draft`, owner-only, atomic) at most two seconds after the last
//! keystroke, so a crash loses at most that much. Saving or cancelling the form removes
//! the draft; opening a meeting with a draft beside it offers the text back.

use super::app::{App, Overlay, Session};
use super::form::{Form, Input, Target};
use super::views;
use chrono::{Duration, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use samsyn::agenda::PhaseKind;
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The format of the draft file; a draft of another version is not read.
const VERSION: u32 = 1;

/// How long typing must pause before the draft is written, and how long it may be put
/// off while typing goes on. With a tick at least every half second, text typed is on
/// disk within two seconds (the promise of SPEC §10).
const QUIET: i64 = 1000;
const AT_MOST: i64 = 1500;

/// Temporary files of an interrupted save older than this are removed on opening.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);

/// One field's value, named by the field (`F`) it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    Text(String),
    /// The chosen option, as its value is written in the program (an id, a kind).
    Choice(String),
    Check(bool),
}

/// What is written to the draft file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub version: u32,
    /// When it was written (local time, as the clock on the screen).
    pub written: NaiveDateTime,
    /// Which form: what saving it would change.
    pub target: Target,
    /// The field that had the cursor.
    pub focus: usize,
    pub fields: Vec<(String, Value)>,
}

/// The draft bookkeeping of the open meeting.
#[derive(Debug, Default)]
pub struct State {
    /// The open form's values as last seen, and when they last changed.
    seen: Option<(Target, Vec<(String, Value)>)>,
    changed_at: Option<NaiveDateTime>,
    /// Since when values not yet on disk have been waiting.
    pending_since: Option<NaiveDateTime>,
    /// What the draft file now holds (written here or restored from it).
    on_disk: Option<(Target, Vec<(String, Value)>)>,
    /// A draft found when the meeting opened, waiting for yes or no.
    pub offer: Option<Draft>,
}

/// The draft file of a meeting file: a hidden sibling, `.NAME.ron.draft`.
pub fn path_for(meeting: &Path) -> PathBuf {
    let name = meeting
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    meeting.with_file_name(format!(".{name}.draft"))
}

/// Forms whose text is kept as a draft: those that add or edit rows of an open meeting.
/// Free text (`Target::Text`) is written into the meeting itself as it is typed; a new
/// meeting has no file to sit beside yet; finalizing and amending are one line.
fn draftable(t: &Target) -> bool {
    !matches!(
        t,
        Target::Text(_) | Target::NewMeeting(_) | Target::Finalize | Target::Amend
    )
}

/// The values of a form's fields, by field name.
pub fn values(form: &Form) -> Vec<(String, Value)> {
    form.fields
        .iter()
        .map(|f| {
            let v = match &f.input {
                Input::Line(ta) | Input::Multi(ta) | Input::Date(ta) => {
                    Value::Text(ta.lines().join("\n"))
                }
                Input::Choice { opts, idx } => Value::Choice(
                    opts.get(*idx)
                        .map_or_else(String::new, |o| format!("{:?}", o.val)),
                ),
                Input::Check(on) => Value::Check(*on),
            };
            (format!("{:?}", f.id), v)
        })
        .collect()
}

/// Put saved values back into a form built afresh. A choice no longer offered keeps
/// the form's own value.
fn apply(form: &mut Form, saved: &[(String, Value)]) {
    for field in &mut form.fields {
        let name = format!("{:?}", field.id);
        let Some((_, v)) = saved.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        match (&mut field.input, v) {
            (Input::Line(_) | Input::Multi(_) | Input::Date(_), Value::Text(_)) => {}
            (Input::Choice { opts, idx }, Value::Choice(c)) => {
                if let Some(i) = opts.iter().position(|o| format!("{:?}", o.val) == *c) {
                    *idx = i;
                }
            }
            (Input::Check(on), Value::Check(c)) => *on = *c,
            _ => {}
        }
    }
    for (name, v) in saved {
        if let Value::Text(text) = v
            && let Some(id) = form
                .fields
                .iter()
                .find(|f| format!("{:?}", f.id) == *name)
                .map(|f| f.id)
        {
            form.set_text(id, text);
        }
    }
}

/// The form `target` names, built from the meeting as it is now; `None` when what it
/// edited is gone.
fn form_for(s: &Session, target: &Target, lang: Lang) -> Option<Form> {
    let m = &s.meeting;
    let fits = |i: &Option<usize>, n: usize| i.is_none_or(|i| i < n);
    let form = match target {
        Target::Details => views::details::form(m, lang),
        Target::Participant(i) if fits(i, m.participants.len()) => views::roles::form(m, *i, lang),
        Target::Consent(i) if fits(i, m.consents.len()) => views::consent::form(m, *i, lang),
        Target::Goal(i) if fits(i, m.goals.len()) => views::goal::goal_form(m, *i, lang),
        Target::Need(i) if fits(i, m.needs.len()) => views::goal::need_form(m, *i, lang),
        Target::Action(i) if fits(i, m.actions.len()) => views::actions::form(m, *i, lang),
        Target::Summary => views::summary::form(m, lang),
        Target::Disagreement(i) if fits(i, m.disagreements.len()) => {
            views::summary::disagreement_form(m, *i, lang)
        }
        Target::FollowUp => views::follow_up::form(m, lang),
        Target::ClosePlan => views::follow_up::close_form(m, lang),
        Target::Evaluation(id) => {
            let i = views::evaluation::people(m).iter().position(|p| p == id)?;
            views::evaluation::form(m, i, lang)?
        }
        _ => return None,
    };
    (form.target == *target).then_some(form)
}

/// The phase a form belongs to, so the restored form opens over its own view.
fn phase_of(s: &Session, target: &Target) -> Option<usize> {
    let kind = match target {
        Target::Participant(_) => PhaseKind::Roles,
        Target::Consent(_) => PhaseKind::Consent,
        Target::Goal(_) | Target::Need(_) => PhaseKind::Goal,
        Target::Action(_) => PhaseKind::Actions,
        Target::Summary | Target::Disagreement(_) => PhaseKind::Summary,
        Target::FollowUp | Target::ClosePlan => PhaseKind::FollowUp,
        Target::Evaluation(_) => PhaseKind::Evaluation,
        _ => return None,
    };
    s.agenda.phases.iter().position(|p| p.kind == kind)
}

/// "14:32", or the date too when the draft is from another day.
fn when(written: NaiveDateTime, now: NaiveDateTime) -> String {
    if written.date() == now.date() {
        written.format("%H:%M").to_string()
    } else {
        written.format("%Y-%m-%d %H:%M").to_string()
    }
}

fn remove(path: &Path) {
    // Already gone is fine: the point is that it is gone.
    let _ = std::fs::remove_file(path);
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
    let path = path_for(&s.path);
    let Ok(text) = std::fs::read_to_string(&path) else {
        if path.exists() {
            // There, but not text: unreadable.
            let msg = fill(app.t(T::DraftUnreadable), &[&path.display().to_string()]);
            remove(&path);
            app.message = Some((msg, true));
        }
        return;
    };
    let draft = match ron::from_str::<Draft>(&text) {
        Ok(d) if d.version == VERSION => d,
        Ok(d) => {
            let msg = fill(
                app.t(T::DraftUnreadable),
                &[&format!("version {}", d.version)],
            );
            remove(&path);
            app.message = Some((msg, true));
            return;
        }
        Err(e) => {
            let msg = fill(app.t(T::DraftUnreadable), &[&e.to_string()]);
            remove(&path);
            app.message = Some((msg, true));
            return;
        }
    };
    if !s.editable() || form_for(s, &draft.target, app.lang).is_none() {
        let msg = fill(app.t(T::DraftUnfit), &[&when(draft.written, app.now)]);
        remove(&path);
        app.message = Some((msg, true));
        return;
    }
    app.draft.offer = Some(draft);
}

/// Answer the offer: yes reopens the form with the text, no deletes the draft. Returns
/// whether the key was taken (any key is, while the offer is open).
pub fn offer_key(app: &mut App, k: KeyEvent) -> bool {
    if app.draft.offer.is_none() {
        return false;
    }
    match k.code {
        KeyCode::Char('j' | 'J' | 'y' | 'Y') | KeyCode::Enter => {
            if let Some(d) = app.draft.offer.take() {
                restore(app, d);
            }
        }
        KeyCode::Char('n' | 'N') | KeyCode::Esc => {
            app.draft.offer = None;
            if let Some(s) = app.session() {
                remove(&path_for(&s.path));
            }
            app.message = Some((app.t(T::DraftDiscarded).into(), false));
        }
        _ => {}
    }
    true
}

fn restore(app: &mut App, d: Draft) {
    let (lang, now) = (app.lang, app.now);
    let Some(s) = app.session_mut() else { return };
    if let Some(p) = phase_of(s, &d.target) {
        s.phase = p;
        s.selected = match &d.target {
            Target::Participant(Some(i))
            | Target::Consent(Some(i))
            | Target::Action(Some(i))
            | Target::Goal(Some(i)) => *i,
            Target::Disagreement(Some(i)) => i + 1,
            _ => 0,
        };
    }
    let s = &*s;
    let Some(mut form) = form_for(s, &d.target, lang) else {
        let msg = fill(T::DraftUnfit.get(lang), &[&when(d.written, now)]);
        remove(&path_for(&s.path));
        app.message = Some((msg, true));
        return;
    };
    apply(&mut form, &d.fields);
    form.focus = d.focus.min(form.fields.len().saturating_sub(1));
    form.dirty = true;
    views::refresh(s, &mut form, lang);
    form.style_cursors();
    // The file holds what the form now shows; it goes when the form is saved or dropped.
    app.draft.on_disk = Some((form.target.clone(), values(&form)));
    app.overlay = Some(Overlay::Form(Box::new(form)));
    app.message = Some((T::DraftRestored.get(lang).into(), false));
}

/// On every tick: write the open form's unsaved text once typing pauses (or has gone on
/// for two seconds), and remove the draft once the form is saved or cancelled.
pub fn tick(app: &mut App) {
    let now = app.now;
    let Some(s) = app.session() else {
        return;
    };
    if s.locked.is_some() || app.draft.offer.is_some() {
        return;
    }
    let path = path_for(&s.path);
    let open = match &app.overlay {
        Some(Overlay::Form(f)) if f.dirty && draftable(&f.target) => {
            Some((f.target.clone(), values(f), f.focus))
        }
        _ => None,
    };
    let st = &mut app.draft;
    let Some((target, vals, focus)) = open else {
        if st.on_disk.take().is_some() {
            remove(&path);
        }
        st.seen = None;
        st.changed_at = None;
        st.pending_since = None;
        return;
    };
    if st.on_disk.as_ref().is_some_and(|(t, _)| *t != target) {
        // Another form: the old draft's form was closed.
        st.on_disk = None;
        remove(&path);
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
    let due = now - changed >= Duration::milliseconds(QUIET)
        || now - since >= Duration::milliseconds(AT_MOST);
    if !due {
        return;
    }
    let draft = Draft {
        version: VERSION,
        written: now,
        target: target.clone(),
        focus,
        fields: vals.clone(),
    };
    let text =
        ron::ser::to_string_pretty(&draft, ron::ser::PrettyConfig::default()).unwrap_or_default();
    match samsyn::store::write_private(&path, text.as_bytes()) {
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

/// The question on opening a meeting with a draft beside it.
pub fn render_offer(app: &App, f: &mut Frame, area: Rect) {
    let Some(d) = &app.draft.offer else { return };
    let w = 64.min(area.width);
    let h = 6.min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    f.render_widget(Clear, r);
    let lines = vec![
        Line::styled(
            fill(app.t(T::DraftOffer), &[&when(d.written, app.now)]),
            app.theme.title,
        ),
        Line::from(""),
        Line::styled(app.t(T::DraftOfferHint), app.theme.dim),
    ];
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", app.t(T::DraftTitle)))
                .style(app.theme.base),
        ),
        r,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_draft_is_a_hidden_sibling() {
        assert_eq!(
            path_for(Path::new("/a/b/2026-12-03-sip.ron")),
            PathBuf::from("/a/b/.2026-12-03-sip.ron.draft")
        );
    }
}
