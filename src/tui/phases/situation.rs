//! Situation: what works well, what worries us, risk and protective factors — with the
//! speaking round beside it.

use super::text::{get, text_form};
use crate::tui::app::{App, Session};
use crate::tui::form::{Form, TextTarget};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::T;
use samsyn::meeting::Meeting;

pub const PARTS: [(TextTarget, T); 4] = [
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
