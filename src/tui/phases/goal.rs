//! Goal: the needs the group agrees on and the shared goals (long-term and sub-goals),
//! each with how progress will be noticed.

use super::Deletion;
use super::list::{ListPhase, OneList};
use super::{empty_hint, labels};
use crate::tui::app::{App, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{F, Form, FormError, Opt, Target, Val};
use crate::tui::widgets;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Text;
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::i18n::terms;
use samsyn::meeting::{Goal, GoalKind, Id, Meeting};

pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let m = &s.meeting;
    let goals: Vec<Text<'static>> = m
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let parent = g
                .parent
                .as_ref()
                .and_then(|p| m.goals.iter().position(|x| &x.id == p))
                .map(|n| format!(" → {}", n + 1))
                .unwrap_or_default();
            let mut lines = super::wrapped(
                &format!(
                    "[{}{parent}] {}",
                    terms::goal_kind(g.kind, app.lang),
                    app.show(&g.text)
                ),
                area.width,
                &format!("{}. ", i + 1),
            );
            if !g.indicator.is_empty() {
                // Wrapped, not cut: how progress is seen is part of the goal.
                lines.extend(super::wrapped(
                    &fill(app.t(T::Indicator), &[&app.show(&g.indicator)]),
                    area.width,
                    "     ",
                ));
            }
            Text::from(lines)
        })
        .collect();
    let needs: Vec<Text<'static>> = m
        .needs
        .iter()
        .map(|n| Text::from(super::wrapped(&app.show(n), area.width, "• ")))
        .collect();
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area);
    let n = m.goals.len();
    let sel_goal = (s.selected < n).then_some(s.selected);
    let sel_need = (s.selected >= n).then(|| s.selected - n);
    widgets::list(
        &app.theme,
        f,
        top,
        app.t(T::GoalsHeading),
        goals,
        sel_goal,
        Some(s.kept(0)),
        Some(empty_hint(app)),
    );
    let need_hint = fill(
        app.t(T::Empty),
        &[&app.keys.label(crate::tui::keys::Cmd::AddNeed)],
    );
    widgets::list(
        &app.theme,
        f,
        bottom,
        app.t(T::NeedsHeading),
        needs,
        sel_need,
        Some(s.kept(1)),
        Some(need_hint),
    );
}

pub fn goal_form(m: &Meeting, idx: Option<usize>, lang: Lang) -> Form {
    let g = idx.and_then(|i| m.goals.get(i));
    let mut form = Form::new(Target::Goal(idx), T::GoalForm.get(lang).into(), m.date);
    form.multi(F::Text, T::FGoalText, g.map_or("", |g| g.text.as_str()))
        .choice(
            F::GoalKind,
            T::FGoalKind,
            labels::goal_kind_opts(lang),
            &Val::GoalKind(g.map_or(GoalKind::LongTerm, |g| g.kind)),
        )
        .line(
            F::Indicator,
            T::FIndicator,
            g.map_or("", |g| g.indicator.as_str()),
        );
    // A sub-goal may name the goal it leads to; never itself.
    let own = g.map(|g| g.id.clone());
    let parents: Vec<Opt> = std::iter::once(labels::none_opt(lang))
        .chain(
            m.goals
                .iter()
                .enumerate()
                .filter(|(_, p)| Some(&p.id) != own.as_ref())
                .map(|(i, p)| Opt {
                    label: format!("{}. {}", i + 1, p.text.lines().next().unwrap_or("")),
                    val: Val::Id(p.id.clone()),
                }),
        )
        .collect();
    let current = g.and_then(|g| g.parent.clone()).map_or(Val::None, Val::Id);
    form.choice(F::ParentGoal, T::FParentGoal, parents, &current);
    form
}

pub fn need_form(m: &Meeting, idx: Option<usize>, lang: Lang) -> Form {
    let mut form = Form::new(Target::Need(idx), T::NeedForm.get(lang).into(), m.date);
    form.line(
        F::Text,
        T::FNeed,
        idx.and_then(|i| m.needs.get(i)).map_or("", |s| s.as_str()),
    );
    form
}

pub fn commit_goal(
    m: &mut Meeting,
    form: &Form,
    idx: Option<usize>,
    lang: Lang,
) -> Result<(), FormError> {
    let text = form.required_text(F::Text, T::FGoalText, lang)?;
    let kind = match form.choice_val(F::GoalKind) {
        Val::GoalKind(k) => k,
        _ => GoalKind::LongTerm,
    };
    let parent = match form.choice_val(F::ParentGoal) {
        Val::Id(id) => Some(id),
        _ => None,
    };
    // Going up from the chosen parent must never come back to this goal.
    if let (Some(own), Some(start)) = (idx.and_then(|i| m.goals.get(i)).map(|g| &g.id), &parent) {
        let mut at = Some(start.clone());
        let mut steps = 0;
        while let Some(id) = at {
            if &id == own || steps > m.goals.len() {
                return Err(FormError::at(F::ParentGoal, T::GoalCircle.get(lang)));
            }
            at = m.goal(&id).and_then(|g| g.parent.clone());
            steps += 1;
        }
    }
    match idx.and_then(|i| m.goals.get_mut(i)) {
        Some(g) => {
            g.text = text;
            g.kind = kind;
            g.indicator = form.text(F::Indicator);
            g.parent = parent;
        }
        None => {
            m.add_goal(Goal {
                id: Id::new("new"),
                text,
                kind,
                indicator: form.text(F::Indicator),
                parent,
            });
        }
    }
    Ok(())
}

pub fn commit_need(
    m: &mut Meeting,
    form: &Form,
    idx: Option<usize>,
    lang: Lang,
) -> Result<(), FormError> {
    super::commit_text_item(&mut m.needs, form, idx, T::FNeed, lang)
}

/// The shared goal: goals and sub-goals, then the needs below them.
pub const GOALS: ListPhase = ListPhase {
    commands: &[
        Cmd::Up,
        Cmd::Down,
        Cmd::Add,
        Cmd::Edit,
        Cmd::Delete,
        Cmd::AddNeed,
    ],
    render,
    lists: &[
        OneList {
            add: Cmd::Add,
            len: |m| m.goals.len(),
            form: |s, i, lang| goal_form(&s.meeting, i, lang),
            index: |t| match t {
                Target::Goal(i) => Some(*i),
                _ => None,
            },
            refresh: |_, _, _| {},
            commit: commit_goal,
            deletion: |m, i, _| Deletion::ask(super::short(&m.goals[i].text, 50)),
            delete: |m, i| {
                m.remove_goal(i);
            },
        },
        OneList {
            add: Cmd::AddNeed,
            len: |m| m.needs.len(),
            form: |s, i, lang| need_form(&s.meeting, i, lang),
            index: |t| match t {
                Target::Need(i) => Some(*i),
                _ => None,
            },
            refresh: |_, _, _| {},
            commit: commit_need,
            deletion: |m, i, _| Deletion::ask(super::short(&m.needs[i], 50)),
            delete: |m, i| {
                samsyn::meeting::remove_at(&mut m.needs, i);
            },
        },
    ],
    other_form: |_, _, _| None,
    participant_at: |_, _| None,
};
