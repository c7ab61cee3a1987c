//! Free-text phases: Purpose (why we meet), Notes, and Review until the follow-up issue
//! gives it its own view. Also the single-field text form the other views reuse.

use super::{Deletion, Phase, Rows};
use crate::tui::app::{App, Judged, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{F, Form, FormError, Target, TextTarget};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::meeting::Meeting;

/// Which texts a phase of free texts shows.
pub enum Texts {
    /// One text: Purpose, Notes, and Review until the follow-up issue gives it its own
    /// view (`unsupported` says so above the text).
    One { unsupported: bool },
    /// The four texts of the situation, with the speaking round.
    Situation,
    /// The child's view, how it was obtained, or why not.
    ChildVoice,
}

/// A phase of free texts, written into the meeting as they are typed.
pub struct TextPhase(pub Texts);

pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect, unsupported: bool) {
    let phase = s.phase();
    let notes = s.meeting.phase(&phase.id).map_or("", |p| p.notes.as_str());
    let area = if unsupported {
        let [msg, rest] = Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(area);
        let text = fill(app.t(T::NotSupported), &[phase.title.get(app.lang)]);
        f.render_widget(
            Paragraph::new(Span::styled(text, app.theme.caution)).wrap(Wrap { trim: true }),
            msg,
        );
        rest
    } else {
        area
    };
    super::text_box(app, f, area, app.t(T::Notes), notes, true);
}

pub fn form(s: &Session, lang: Lang) -> Form {
    let phase = s.phase();
    let notes = s.meeting.phase(&phase.id).map_or("", |p| p.notes.as_str());
    text_form(
        &s.meeting,
        TextTarget::PhaseNotes(phase.id.clone()),
        phase.title.get(lang).to_string(),
        T::Notes,
        notes,
    )
}

/// A form with one multi-line field.
pub fn text_form(m: &Meeting, target: TextTarget, title: String, label: T, text: &str) -> Form {
    let mut form = Form::new(Target::Text(target), title, m.date);
    form.multi(F::Text, label, text);
    form.original = Some(text.to_string());
    form
}

pub fn get(m: &Meeting, t: &TextTarget) -> String {
    match t {
        TextTarget::PhaseNotes(id) => m.phase(id).map(|p| p.notes.clone()).unwrap_or_default(),
        TextTarget::WorksWell => m.situation.works_well.clone(),
        TextTarget::Worries => m.situation.worries.clone(),
        TextTarget::RiskFactors => m.situation.risk_factors.clone(),
        TextTarget::ProtectiveFactors => m.situation.protective_factors.clone(),
        TextTarget::ChildViews => m.child_voice.views.clone(),
        TextTarget::ChildHow => m.child_voice.how_obtained.clone(),
        TextTarget::ChildNotObtained => m.child_voice.not_obtained_reason.clone(),
    }
}

pub fn commit(m: &mut Meeting, t: &TextTarget, text: String) {
    let slot = match t {
        TextTarget::PhaseNotes(id) => &mut m.phase_mut(id).notes,
        TextTarget::WorksWell => &mut m.situation.works_well,
        TextTarget::Worries => &mut m.situation.worries,
        TextTarget::RiskFactors => &mut m.situation.risk_factors,
        TextTarget::ProtectiveFactors => &mut m.situation.protective_factors,
        TextTarget::ChildViews => &mut m.child_voice.views,
        TextTarget::ChildHow => &mut m.child_voice.how_obtained,
        TextTarget::ChildNotObtained => &mut m.child_voice.not_obtained_reason,
    };
    *slot = text;
}

/// `commit` into the open meeting: a phase's notes through its record, which keeps what
/// the rules judged of the plan (`Judged::edit_record`); every other text through `edit`.
pub fn commit_judged(j: &mut Judged, t: &TextTarget, text: String) {
    match t {
        TextTarget::PhaseNotes(id) => j.edit_record(id).notes = text,
        _ => commit(j.edit(), t, text),
    }
}

impl Phase for TextPhase {
    fn commands(&self) -> &'static [Cmd] {
        match self.0 {
            Texts::One { .. } => &[Cmd::Edit],
            Texts::Situation => &[Cmd::Up, Cmd::Down, Cmd::Edit, Cmd::Heard],
            Texts::ChildVoice => &[Cmd::Up, Cmd::Down, Cmd::Edit],
        }
    }

    fn rows(&self, _: &Session) -> Rows {
        match self.0 {
            Texts::One { .. } => Rows::One,
            Texts::Situation => Rows::List(super::situation::PARTS.len()),
            Texts::ChildVoice => Rows::List(super::child_voice::PARTS.len()),
        }
    }

    fn render(&self, app: &App, s: &Session, f: &mut Frame, area: Rect) {
        match self.0 {
            Texts::One { unsupported } => render(app, s, f, area, unsupported),
            Texts::Situation => super::situation::render(app, s, f, area),
            Texts::ChildVoice => super::child_voice::render(app, s, f, area),
        }
    }

    fn open(&self, s: &Session, cmd: Cmd, lang: Lang) -> Option<Form> {
        if cmd != Cmd::Edit {
            return None;
        }
        Some(match self.0 {
            Texts::One { .. } => form(s, lang),
            Texts::Situation => super::situation::form(&s.meeting, s.selected, lang),
            Texts::ChildVoice => super::child_voice::form(&s.meeting, s.selected, lang),
        })
    }

    fn reopen(&self, _: &Session, _: &Target, _: Lang) -> Option<Form> {
        // Free text is written into the meeting as it is typed; it has no drafts.
        None
    }

    fn row_of(&self, _: &Meeting, _: &Target) -> usize {
        0
    }

    fn refresh(&self, _: &Meeting, _: &mut Form, _: Lang) {}

    fn commit(&self, m: &mut Meeting, form: &Form, _: Lang) -> Result<(), FormError> {
        match &form.target {
            Target::Text(t) => {
                commit(m, t, form.text(F::Text));
                Ok(())
            }
            _ => Err(super::foreign(form)),
        }
    }

    fn deletion(&self, _: &Session, _: Lang) -> Option<Deletion> {
        None
    }

    fn delete(&self, _: &mut Meeting, _: usize) {}

    fn participant_at(&self, _: &Meeting, _: usize) -> Option<usize> {
        None
    }
}
