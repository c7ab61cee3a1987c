//! Situation: what works well, what worries us, risk and protective factors — with the
//! speaking round beside it.

use super::text::{get, text_form};
use super::{Deletion, Phase, Rows};
use crate::tui::app::{App, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{F, Form, FormError, Target, TextTarget};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::T;
use samsyn::meeting::Meeting;

const PARTS: [(TextTarget, T); 4] = [
    (TextTarget::WorksWell, T::WorksWell),
    (TextTarget::Worries, T::Worries),
    (TextTarget::RiskFactors, T::RiskFactors),
    (TextTarget::ProtectiveFactors, T::ProtectiveFactors),
];

pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let [main, side] = super::evaluation::with_round(area);
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(main);
    let cells = [top, bottom]
        .iter()
        .flat_map(|r| {
            Layout::horizontal([Constraint::Percentage(50); 2])
                .split(*r)
                .to_vec()
        })
        .collect::<Vec<_>>();
    for (i, ((target, label), cell)) in PARTS.iter().zip(cells).enumerate() {
        let body = get(&s.meeting, target);
        super::text_box(app, f, cell, app.t(*label), &body, i == s.selected);
    }
    super::evaluation::speaking_round(app, s, f, side);
}

pub fn form(m: &Meeting, selected: usize, lang: Lang) -> Form {
    let (target, label) = PARTS[selected.min(3)].clone();
    let text = get(m, &target);
    text_form(m, target, label.get(lang).to_string(), label, &text)
}

/// The situation: four texts and the speaking round.
pub struct Situation;

impl Phase for Situation {
    fn commands(&self) -> &'static [Cmd] {
        &[Cmd::Up, Cmd::Down, Cmd::Edit, Cmd::Heard]
    }

    fn rows(&self, _: &Session) -> Rows {
        Rows::List(PARTS.len())
    }

    fn render(&self, app: &App, s: &Session, f: &mut Frame, area: Rect) {
        render(app, s, f, area);
    }

    fn open(&self, s: &Session, cmd: Cmd, lang: Lang) -> Option<Form> {
        (cmd == Cmd::Edit).then(|| form(&s.meeting, s.selected, lang))
    }

    fn reopen(&self, _: &Meeting, _: &Target, _: Lang) -> Option<Form> {
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
                super::text::commit(m, t, form.text(F::Text));
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
