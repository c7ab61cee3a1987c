//! Follow-up: when, where, who convenes and what is followed up — or, in a follow-up
//! meeting, that the plan is closed and why.

use super::labels;
use super::{Deletion, Phase, Rows};
use crate::tui::app::{App, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{F, Form, FormError, Target};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::meeting::{FollowUp, Meeting};

pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let m = &s.meeting;
    let [body, hint] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
    let mut lines = Vec::new();
    match &m.follow_up {
        None => lines.push(Line::styled(
            fill(
                app.t(T::EmptyText),
                &[&app.keys.label(crate::tui::keys::Cmd::Edit)],
            ),
            app.theme.dim,
        )),
        Some(fu) => {
            let when = match fu.time {
                Some(t) => format!("{} {}", fu.date, t.format("%H:%M")),
                None => fu.date.to_string(),
            };
            let convener = fu
                .convener
                .as_ref()
                .map_or(app.t(T::NotSet).to_string(), |p| m.person_name(p));
            lines.push(super::kv(app, app.t(T::FollowUpWhen), &when));
            lines.push(super::kv(app, app.t(T::FollowUpWhere), &fu.place));
            lines.push(super::kv(app, app.t(T::FConvener), &convener));
            lines.push(super::kv(app, app.t(T::FTopics), &fu.topics));
        }
    }
    if let Some(reason) = &m.plan_closed {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            fill(app.t(T::PlanClosed), &[reason]),
            app.theme.warning,
        ));
    }
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(super::block(app, app.t(T::FollowUpHeading), true)),
        body,
    );
    super::summary::finalize_hint(app, s, f, hint);
}

pub fn form(m: &Meeting, lang: Lang) -> Form {
    let fu = m.follow_up.as_ref();
    let mut form = Form::new(Target::FollowUp, T::FollowUpForm.get(lang).into(), m.date);
    let when = fu.map_or(String::new(), |fu| match fu.time {
        Some(t) => format!("{} {}", fu.date, t.format("%H:%M")),
        None => fu.date.to_string(),
    });
    let (conv, conv_name) = labels::person_val(fu.and_then(|f| f.convener.as_ref()));
    form.date(F::When, T::FDateTime, &when)
        .line(F::Place, T::FPlace, fu.map_or("", |f| f.place.as_str()))
        .choice(
            F::Convener,
            T::FConvener,
            labels::person_opts(m, lang, false, true),
            &conv,
        )
        .line(F::ConvenerName, T::FConvenerName, &conv_name)
        .multi(F::Text, T::FTopics, fu.map_or("", |f| f.topics.as_str()));
    form
}

pub fn commit(m: &mut Meeting, form: &Form, lang: Lang) -> Result<(), FormError> {
    let when = form.required_when(F::When, T::FDateTime, lang)?;
    let convener = labels::person_from(form.choice_val(F::Convener), form.text(F::ConvenerName))
        .ok_or_else(|| FormError::at(F::Convener, T::NeedConvener.get(lang)))?;
    m.follow_up = Some(FollowUp {
        date: when.date,
        time: when.time,
        place: form.text(F::Place),
        convener: Some(convener),
        topics: form.text(F::Text),
    });
    Ok(())
}

pub fn close_form(m: &Meeting, lang: Lang) -> Form {
    let mut form = Form::new(Target::ClosePlan, T::ClosePlanForm.get(lang).into(), m.date);
    form.multi(
        F::Reason,
        T::FReason,
        m.plan_closed.as_deref().unwrap_or(""),
    );
    form
}

pub fn commit_close(m: &mut Meeting, form: &Form, _lang: Lang) -> Result<(), FormError> {
    let reason = form.text(F::Reason);
    m.plan_closed = (!reason.is_empty()).then_some(reason);
    Ok(())
}

/// The follow-up: when, where, who convenes — or the plan closed, with a reason.
pub struct FollowUpPhase;

impl Phase for FollowUpPhase {
    fn commands(&self) -> &'static [Cmd] {
        &[Cmd::Edit, Cmd::ClosePlan, Cmd::ReadBack, Cmd::Finalize]
    }

    fn rows(&self, _: &Session) -> Rows {
        Rows::One
    }

    fn render(&self, app: &App, s: &Session, f: &mut Frame, area: Rect) {
        render(app, s, f, area);
    }

    fn open(&self, s: &Session, cmd: Cmd, lang: Lang) -> Option<Form> {
        match cmd {
            Cmd::Edit => Some(form(&s.meeting, lang)),
            Cmd::ClosePlan => Some(close_form(&s.meeting, lang)),
            _ => None,
        }
    }

    fn reopen(&self, s: &Session, target: &Target, lang: Lang) -> Option<Form> {
        let m = &s.meeting;
        match target {
            Target::FollowUp => Some(form(m, lang)),
            Target::ClosePlan => Some(close_form(m, lang)),
            _ => None,
        }
    }

    fn row_of(&self, _: &Meeting, _: &Target) -> usize {
        0
    }

    fn refresh(&self, _: &Meeting, _: &mut Form, _: Lang) {}

    fn commit(&self, m: &mut Meeting, form: &Form, lang: Lang) -> Result<(), FormError> {
        match form.target {
            Target::FollowUp => commit(m, form, lang),
            Target::ClosePlan => commit_close(m, form, lang),
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
