//! Evaluation: each participant's view of the meeting, and the speaking round panel that
//! Roles, Situation and Evaluation share.

use super::labels;
use super::{Deletion, Phase, Rows};
use crate::tui::app::{App, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{F, Form, FormError, Target, Val};
use crate::tui::widgets;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::meeting::{Evaluation, Id, Meeting};

/// Who can evaluate: the participants who are present.
pub fn people(m: &Meeting) -> Vec<Id> {
    m.participants
        .iter()
        .filter(|p| p.is_present())
        .map(|p| p.id.clone())
        .collect()
}

pub fn selected_has_record(s: &Session) -> bool {
    people(&s.meeting)
        .get(s.selected)
        .is_some_and(|id| s.meeting.evaluations.iter().any(|e| &e.participant == id))
}

pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let m = &s.meeting;
    let [main, side] = with_round(area);
    let score = |v: Option<u8>| v.map_or("—".to_string(), |n| format!("{n}/5"));
    let items: Vec<Text<'static>> = people(m)
        .iter()
        .map(|id| {
            let name = app.show(&labels::participant_label(m, id));
            let line2 = match m.evaluations.iter().find(|e| &e.participant == id) {
                None => Span::styled(format!("   {}", app.t(T::NoEvaluation)), app.theme.dim),
                Some(e) => Span::raw(format!(
                    "   {} · {}{}",
                    fill(app.t(T::EvalHeard), &[&score(e.heard)]),
                    fill(app.t(T::EvalUseful), &[&score(e.useful)]),
                    if e.comment.is_empty() {
                        String::new()
                    } else {
                        format!(" · «{}»", app.show(&e.comment))
                    }
                )),
            };
            Text::from(vec![Line::from(name), Line::from(line2)])
        })
        .collect();
    widgets::list(
        &app.theme,
        f,
        main,
        app.t(T::EvaluationHeading),
        items,
        Some(s.selected),
        Some(s.kept(0)),
        None,
    );
    speaking_round(app, s, f, side);
}

/// Split off a column for the speaking round.
pub fn with_round(area: Rect) -> [Rect; 2] {
    let side = if area.width >= 110 { 34 } else { 26 };
    Layout::horizontal([Constraint::Min(30), Constraint::Length(side)]).areas(area)
}

/// The speaking round: every present participant numbered, heard or not, and who has
/// not yet spoken.
pub fn speaking_round(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let m = &s.meeting;
    let heard = m
        .phase(&s.phase().id)
        .map(|p| p.heard.clone())
        .unwrap_or_default();
    let mut lines = Vec::new();
    let mut missing = Vec::new();
    for (i, p) in m.participants.iter().enumerate() {
        if !p.is_present() {
            continue;
        }
        let yes = heard.contains(&p.id);
        if !yes {
            missing.push(app.show(&p.name));
        }
        let (mark, style) = if yes {
            ("[✓]", app.theme.ok)
        } else {
            ("[ ]", app.theme.base)
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{} {mark} ", i + 1), style),
            Span::styled(app.show(&p.name), style),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(if missing.is_empty() {
        Line::styled(app.t(T::AllHeard), app.theme.ok)
    } else {
        Line::styled(
            fill(app.t(T::NotYetHeard), &[&missing.join(", ")]),
            app.theme.warning,
        )
    });
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(super::block(app, app.t(T::SpeakingRound), false)),
        area,
    );
}

pub fn form(m: &Meeting, selected: usize, lang: Lang) -> Option<Form> {
    let id = people(m).get(selected)?.clone();
    let e = m.evaluations.iter().find(|e| e.participant == id);
    let title = fill(
        T::EvaluationForm.get(lang),
        &[&m.person_name(&samsyn::meeting::Person::Participant(id.clone()))],
    );
    let mut form = Form::new(Target::Evaluation(id), title, m.date);
    form.choice(
        F::HeardScore,
        T::FHeardScore,
        labels::score_opts(),
        &Val::Score(e.and_then(|e| e.heard)),
    )
    .choice(
        F::UsefulScore,
        T::FUsefulScore,
        labels::score_opts(),
        &Val::Score(e.and_then(|e| e.useful)),
    )
    .line(F::Text, T::FComment, e.map_or("", |e| e.comment.as_str()));
    Some(form)
}

pub fn commit(m: &mut Meeting, form: &Form, id: &Id) -> Result<(), FormError> {
    let score = |f: F| match form.choice_val(f) {
        Val::Score(s) => s,
        _ => None,
    };
    let e = Evaluation {
        participant: id.clone(),
        heard: score(F::HeardScore),
        useful: score(F::UsefulScore),
        comment: form.text(F::Text),
    };
    match m.evaluations.iter_mut().find(|x| &x.participant == id) {
        Some(slot) => *slot = e,
        None => m.evaluations.push(e),
    }
    Ok(())
}

/// The evaluation: each participant present says how the meeting was for them.
pub struct EvaluationPhase;

impl Phase for EvaluationPhase {
    fn commands(&self) -> &'static [Cmd] {
        &[
            Cmd::Up,
            Cmd::Down,
            Cmd::Edit,
            Cmd::Delete,
            Cmd::Heard,
            Cmd::HeardSelected,
            Cmd::Finalize,
        ]
    }

    fn rows(&self, s: &Session) -> Rows {
        Rows::List(people(&s.meeting).len())
    }

    fn render(&self, app: &App, s: &Session, f: &mut Frame, area: Rect) {
        render(app, s, f, area);
    }

    fn open(&self, s: &Session, cmd: Cmd, lang: Lang) -> Option<Form> {
        match cmd {
            Cmd::Edit => form(&s.meeting, super::selected_row(s)?, lang),
            _ => None,
        }
    }

    fn reopen(&self, s: &Session, target: &Target, lang: Lang) -> Option<Form> {
        let m = &s.meeting;
        match target {
            Target::Evaluation(id) => form(m, people(m).iter().position(|p| p == id)?, lang),
            _ => None,
        }
    }

    fn row_of(&self, m: &Meeting, target: &Target) -> usize {
        match target {
            Target::Evaluation(id) => people(m).iter().position(|p| p == id).unwrap_or(0),
            _ => 0,
        }
    }

    fn refresh(&self, _: &Meeting, _: &mut Form, _: Lang) {}

    fn commit(&self, m: &mut Meeting, form: &Form, _: Lang) -> Result<(), FormError> {
        match &form.target {
            Target::Evaluation(id) => commit(m, form, id),
            _ => Err(super::foreign(form)),
        }
    }

    fn deletion(&self, s: &Session, _: Lang) -> Option<Deletion> {
        if !selected_has_record(s) {
            return None;
        }
        let id = people(&s.meeting).get(s.selected)?.clone();
        Some(Deletion::ask(
            s.meeting
                .person_name(&samsyn::meeting::Person::Participant(id)),
        ))
    }

    fn delete(&self, m: &mut Meeting, row: usize) {
        if let Some(id) = people(m).get(row).cloned() {
            m.remove_evaluation(&id);
        }
    }

    fn participant_at(&self, m: &Meeting, row: usize) -> Option<usize> {
        let id = people(m).get(row)?.clone();
        m.participants.iter().position(|p| p.id == id)
    }
}
