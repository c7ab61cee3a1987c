//! The child's voice (barnets röst): the child's own view, how it was obtained, or why
//! it could not be obtained.

use super::text::{get, text_form};
use crate::tui::app::{App, Session};
use crate::tui::form::{Form, TextTarget};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::T;
use samsyn::meeting::Meeting;

pub const PARTS: [(TextTarget, T); 3] = [
    (TextTarget::ChildViews, T::ChildViews),
    (TextTarget::ChildHow, T::ChildHow),
    (TextTarget::ChildNotObtained, T::ChildNotObtained),
];

pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let rows = Layout::vertical([
        Constraint::Percentage(50),
        Constraint::Percentage(25),
        Constraint::Percentage(25),
    ])
    .split(area);
    for (i, ((target, label), cell)) in PARTS.iter().zip(rows.iter()).enumerate() {
        let body = get(&s.meeting, target);
        super::text_box(app, f, *cell, app.t(*label), &body, i == s.selected);
    }
}

pub fn form(m: &Meeting, selected: usize, lang: Lang) -> Form {
    let (target, label) = PARTS[selected.min(2)].clone();
    let text = get(m, &target);
    text_form(m, target, label.get(lang).to_string(), label, &text)
}
