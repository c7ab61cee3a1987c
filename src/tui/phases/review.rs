//! Review: every action of the previous plan, the awaited decisions first (those past
//! their decide-by date at the top), then the rest with overdue deadlines marked; each
//! gets what became of it and a comment, and what goes on is carried into the new plan.
//! Under them, the previous plan's goals: reached, partly or not.

use super::{Deletion, Phase, Rows, labels};
use crate::tui::app::{App, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{F, Form, FormError, Opt, Target, Val};
use crate::tui::widgets;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::i18n::terms;
use samsyn::meeting::{DecisionOutcome, GoalOutcome, Meeting, Outcome};

/// The reviews in the order they are gone through: awaited decisions past their date,
/// the other awaited decisions, then the rest; within each, the earliest date first.
pub fn order(m: &Meeting) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..m.reviews.len()).collect();
    idx.sort_by_key(|&i| {
        let r = &m.reviews[i];
        let decide_by = r.decide_by();
        let rank = match (r.was_awaiting(), decide_by.is_some_and(|d| d < m.date)) {
            (true, true) => 0,
            (true, false) => 1,
            _ => 2,
        };
        (rank, decide_by.or(r.was.deadline), i)
    });
    idx
}

/// What row `row` is: a review (by index in `reviews`), a goal review, or the phase's
/// notes, last.
enum Row {
    Action(usize),
    Goal(usize),
    Notes,
}

fn row(m: &Meeting, row: usize) -> Option<Row> {
    let order = order(m);
    match order.get(row) {
        Some(i) => Some(Row::Action(*i)),
        None => {
            let g = row - order.len();
            match g.cmp(&m.goal_reviews.len()) {
                std::cmp::Ordering::Less => Some(Row::Goal(g)),
                std::cmp::Ordering::Equal => Some(Row::Notes),
                std::cmp::Ordering::Greater => None,
            }
        }
    }
}

pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let m = &s.meeting;
    let lang = app.lang;
    // The chain of the plan's meetings, when this one follows up another.
    let head_height = u16::from(!m.earlier.is_empty());
    let [head, list] =
        Layout::vertical([Constraint::Length(head_height), Constraint::Min(3)]).areas(area);
    // "SIP-möte 2026-09-14 → SIP-uppföljning 2026-11-02 → this meeting".
    let name = |id: &str| {
        app.catalogue
            .get(id)
            .map_or_else(|| id.to_string(), |a| a.name.get(lang).to_string())
    };
    let chain: Vec<String> = m
        .chain()
        .map(|(id, date)| format!("{} {date}", name(id)))
        .collect();
    let head_line = match &s.previous_note {
        Some(note) if s.previous_amended.is_some() => Line::styled(
            format!(
                "⚠ {note} — {} {}",
                app.keys.label(Cmd::TakeIn),
                app.t(T::CmdTakeIn)
            ),
            app.theme.warning,
        ),
        Some(note) => Line::styled(format!("⚠ {note}"), app.theme.warning),
        None => Line::styled(
            fill(app.t(T::ChainOf), &[&chain.join(" → ")]),
            app.theme.dim,
        ),
    };
    f.render_widget(Paragraph::new(head_line), head);
    if m.previous.is_none() || (m.reviews.is_empty() && m.goal_reviews.is_empty()) {
        // No previous plan: how to start from one, and the phase's notes (Enter).
        let notes = m.phase(&s.phase().id).map_or("", |p| p.notes.trim());
        let body = if notes.is_empty() {
            app.t(T::NoPrevious).to_string()
        } else {
            format!("{}\n\n{}: {notes}", app.t(T::NoPrevious), app.t(T::Notes))
        };
        super::text_box(app, f, list, s.phase().title.get(lang), &body, true);
        return;
    }
    let mut items: Vec<Text<'static>> = Vec::new();
    for i in order(m) {
        let r = &m.reviews[i];
        let (status, style) = match r.outcome {
            None => (app.t(T::NotReviewed).to_string(), app.theme.blocking),
            Some(o) => (terms::outcome(o, lang).to_string(), app.theme.ok),
        };
        let carried = if r
            .carried_to
            .as_ref()
            .is_some_and(|id| m.action(id).is_some())
        {
            format!(" → {}", app.t(T::CarriedTo))
        } else {
            String::new()
        };
        let what = r.was.what.lines().next().unwrap_or("").to_string();
        let mut lines: Vec<Line<'static>> = super::wrapped(
            &format!("[{status}{carried}] {}", app.show(&what)),
            list.width,
            "",
        );
        if let Some(first) = lines.first_mut() {
            // The status in its colour, the text as it was written.
            let text: String = first.spans.iter().map(|s| s.content.to_string()).collect();
            let cut = status.len() + carried.len() + 2;
            let (mark, rest) = text.split_at(cut.min(text.len()));
            *first = Line::from(vec![
                Span::styled(mark.to_string(), style),
                Span::raw(rest.to_string()),
            ]);
        }
        let org = r.was.organisation.as_ref().map_or_else(
            || terms::family(lang).to_string(),
            |o| m.organisation_name(o),
        );
        let mut detail = org;
        if let samsyn::meeting::Decision::Awaiting { decision_maker, .. } = &r.was.decision {
            let by = r.decide_by().map_or("—".into(), |d| d.to_string());
            detail += &format!(
                " · {}",
                fill(app.t(T::AwaitedFromBy), &[decision_maker, &by])
            );
            if let Some(d) = &r.decision {
                detail += &format!(": {}", terms::decision_outcome(d, lang));
            }
        }
        if let Some(d) = r.was.deadline {
            detail += &format!(" · {}: {d}", app.t(T::ColWhen));
        }
        lines.extend(super::wrapped(&detail, list.width, "   "));
        let overdue_decision =
            r.was_awaiting() && r.decision.is_none() && r.decide_by().is_some_and(|d| d < m.date);
        if overdue_decision {
            let d = r.decide_by().map(|d| d.to_string()).unwrap_or_default();
            lines.push(Line::styled(
                format!("   ⚠ {}", fill(app.t(T::OverdueDecision), &[&d])),
                app.theme.blocking,
            ));
        } else if r.outcome.is_none()
            && let Some(d) = r.was.deadline.filter(|d| *d < m.date)
        {
            lines.push(Line::styled(
                format!(
                    "   ⚠ {}",
                    fill(app.t(T::OverdueDeadline), &[&d.to_string()])
                ),
                app.theme.warning,
            ));
        }
        if !r.comment.is_empty() {
            lines.extend(super::wrapped(
                &format!("«{}»", app.show(&r.comment)),
                list.width,
                "   ",
            ));
        }
        items.push(Text::from(lines));
    }
    for g in &m.goal_reviews {
        let text = m
            .goal(&g.goal)
            .map_or_else(|| g.goal.to_string(), |x| x.text.clone());
        let status = match g.outcome {
            None => app.t(T::NotJudged),
            Some(o) => terms::goal_outcome(o, lang),
        };
        let mut lines = super::wrapped(
            &format!("[{status}] {}: {}", app.t(T::GoalsHeading), app.show(&text)),
            list.width,
            "",
        );
        if !g.comment.is_empty() {
            lines.extend(super::wrapped(
                &format!("«{}»", app.show(&g.comment)),
                list.width,
                "   ",
            ));
        }
        items.push(Text::from(lines));
    }
    // The phase's own notes, as every phase has them.
    let notes = m.phase(&s.phase().id).map_or("", |p| p.notes.as_str());
    let notes_line = if notes.trim().is_empty() {
        format!("{}: —", app.t(T::Notes))
    } else {
        format!("{}: {}", app.t(T::Notes), app.show(notes.trim()))
    };
    items.push(Text::from(super::wrapped(&notes_line, list.width, "")));
    let done = m.reviews.iter().filter(|r| r.outcome.is_some()).count();
    let title = fill(
        app.t(T::ReviewsList),
        &[&done.to_string(), &m.reviews.len().to_string()],
    );
    widgets::list(
        &app.theme,
        f,
        list,
        &title,
        items,
        Some(s.selected),
        Some(s.kept(0)),
        None,
    );
}

fn outcome_opts(lang: Lang) -> Vec<Opt> {
    std::iter::once(labels::none_opt(lang))
        .chain(Outcome::ALL.iter().map(|o| Opt {
            label: terms::outcome(*o, lang).into(),
            val: Val::Outcome(*o),
        }))
        .collect()
}

fn decided_opts(lang: Lang) -> Vec<Opt> {
    let words = [
        DecisionOutcome::Granted {
            by: String::new(),
            on: None,
        },
        DecisionOutcome::Refused {
            by: String::new(),
            on: None,
        },
        DecisionOutcome::StillAwaited,
    ];
    std::iter::once(labels::none_opt(lang))
        .chain(words.iter().enumerate().map(|(i, d)| Opt {
            label: terms::decision_outcome(d, lang).into(),
            val: Val::Decided(i as u8),
        }))
        .collect()
}

pub fn form(s: &Session, row_at: usize, lang: Lang) -> Option<Form> {
    let m = &s.meeting;
    match row(m, row_at)? {
        Row::Action(i) => Some(action_form(m, i, lang)),
        Row::Goal(i) => Some(goal_form(m, i, lang)),
        Row::Notes => Some(super::text::form(s, lang)),
    }
}

fn action_form(m: &Meeting, i: usize, lang: Lang) -> Form {
    let r = &m.reviews[i];
    let mut form = Form::new(Target::Review(i), T::ReviewForm.get(lang).into(), m.date);
    form.intro = Some(r.was.what.clone());
    let (decided, by, on) = match &r.decision {
        None => (Val::None, String::new(), None),
        Some(DecisionOutcome::Granted { by, on }) => (Val::Decided(0), by.clone(), *on),
        Some(DecisionOutcome::Refused { by, on }) => (Val::Decided(1), by.clone(), *on),
        Some(DecisionOutcome::StillAwaited) => (Val::Decided(2), String::new(), None),
    };
    let carried = r
        .carried_to
        .as_ref()
        .is_some_and(|id| m.action(id).is_some());
    form.choice(
        F::Outcome,
        T::FOutcome,
        outcome_opts(lang),
        &r.outcome.map_or(Val::None, Val::Outcome),
    )
    .line(F::Comment, T::FComment, &r.comment)
    .choice(
        F::DecisionOutcome,
        T::FDecisionOutcome,
        decided_opts(lang),
        &decided,
    )
    .line(F::DecidedBy, T::FDecidedBy, &by)
    .date(
        F::DecidedOn,
        T::FDecidedOn,
        &on.map(|d| d.to_string()).unwrap_or_default(),
    )
    .check(F::CarryOver, T::FCarryOver, carried);
    refresh(m, &mut form);
    form
}

fn goal_form(m: &Meeting, i: usize, lang: Lang) -> Form {
    let g = &m.goal_reviews[i];
    let mut form = Form::new(
        Target::GoalReview(i),
        T::GoalReviewForm.get(lang).into(),
        m.date,
    );
    form.intro = m.goal(&g.goal).map(|x| x.text.clone());
    let opts = std::iter::once(labels::none_opt(lang))
        .chain(GoalOutcome::ALL.iter().map(|o| Opt {
            label: terms::goal_outcome(*o, lang).into(),
            val: Val::GoalOutcome(*o),
        }))
        .collect();
    form.choice(
        F::GoalOutcome,
        T::FGoalOutcome,
        opts,
        &g.outcome.map_or(Val::None, Val::GoalOutcome),
    )
    .line(F::Comment, T::FComment, &g.comment);
    form
}

/// The awaited decision is asked when there was one; carrying over when it goes on.
fn refresh(m: &Meeting, form: &mut Form) {
    let Target::Review(i) = form.target else {
        return;
    };
    let Some(r) = m.reviews.get(i) else { return };
    form.set_hidden(F::DecisionOutcome, !r.was_awaiting());
    let decided = form.choice_val(F::DecisionOutcome);
    let named = matches!(decided, Val::Decided(0 | 1));
    form.set_hidden(F::DecidedBy, !r.was_awaiting() || !named);
    form.set_hidden(F::DecidedOn, !r.was_awaiting() || !named);
    let goes_on = matches!(form.choice_val(F::Outcome), Val::Outcome(o) if o.goes_on())
        || decided == Val::Decided(2);
    form.set_hidden(F::CarryOver, !goes_on);
}

fn commit(m: &mut Meeting, form: &Form, lang: Lang) -> Result<(), FormError> {
    match form.target {
        Target::Review(i) => {
            if i >= m.reviews.len() {
                return Err(super::foreign(form));
            }
            let outcome = match form.choice_val(F::Outcome) {
                Val::Outcome(o) => Some(o),
                _ => None,
            };
            let comment = form.text(F::Comment);
            if outcome.is_some_and(|o| o != Outcome::Done) && comment.is_empty() {
                return Err(FormError::at(F::Comment, T::NeedComment.get(lang)));
            }
            let named = matches!(form.choice_val(F::DecisionOutcome), Val::Decided(0 | 1));
            let on = form
                .when(F::DecidedOn)
                .map(|w| w.map(|w| w.date))
                .map_err(|_| {
                    FormError::at(
                        F::DecidedOn,
                        fill(T::BadDate.get(lang), &[&form.text(F::DecidedOn)]),
                    )
                })
                .or_else(|e| if named { Err(e) } else { Ok(None) })?;
            let decision = match form.choice_val(F::DecisionOutcome) {
                Val::Decided(0) => Some(DecisionOutcome::Granted {
                    by: form.text(F::DecidedBy),
                    on,
                }),
                Val::Decided(1) => Some(DecisionOutcome::Refused {
                    by: form.text(F::DecidedBy),
                    on,
                }),
                Val::Decided(2) => Some(DecisionOutcome::StillAwaited),
                _ => None,
            };
            let still = matches!(decision, Some(DecisionOutcome::StillAwaited));
            let r = &mut m.reviews[i];
            r.outcome = outcome;
            r.comment = comment;
            r.decision = if r.was_awaiting() { decision } else { None };
            let goes_on = outcome.is_some_and(Outcome::goes_on) || still;
            let carried = r.carried_to.clone().filter(|id| m.action(id).is_some());
            if goes_on && form.checked(F::CarryOver) && carried.is_none() {
                // Into the new plan, linked to its origin; it is decided again there.
                if let Some(a) = m.carry_over(i) {
                    let id = m.add_action(a);
                    m.reviews[i].carried_to = Some(id);
                }
            }
            Ok(())
        }
        Target::Text(ref t) => {
            super::text::commit(m, t, form.text(F::Text));
            Ok(())
        }
        Target::GoalReview(i) => {
            let g = m
                .goal_reviews
                .get_mut(i)
                .ok_or_else(|| super::foreign(form))?;
            g.outcome = match form.choice_val(F::GoalOutcome) {
                Val::GoalOutcome(o) => Some(o),
                _ => None,
            };
            g.comment = form.text(F::Comment);
            Ok(())
        }
        _ => Err(super::foreign(form)),
    }
}

/// The review of the previous plan.
pub struct ReviewPhase;

impl Phase for ReviewPhase {
    fn commands(&self) -> &'static [Cmd] {
        &[Cmd::Up, Cmd::Down, Cmd::Edit, Cmd::TakeIn]
    }

    fn rows(&self, s: &Session) -> Rows {
        // The previous plan's actions, its goals, and the phase's notes.
        Rows::List(s.meeting.reviews.len() + s.meeting.goal_reviews.len() + 1)
    }

    fn render(&self, app: &App, s: &Session, f: &mut Frame, area: Rect) {
        render(app, s, f, area);
    }

    fn open(&self, s: &Session, cmd: Cmd, lang: Lang) -> Option<Form> {
        match cmd {
            Cmd::Edit => form(s, super::selected_row(s)?, lang),
            _ => None,
        }
    }

    fn reopen(&self, s: &Session, target: &Target, lang: Lang) -> Option<Form> {
        let m = &s.meeting;
        match target {
            Target::Review(i) if *i < m.reviews.len() => Some(action_form(m, *i, lang)),
            Target::GoalReview(i) if *i < m.goal_reviews.len() => Some(goal_form(m, *i, lang)),
            _ => None,
        }
    }

    fn row_of(&self, m: &Meeting, target: &Target) -> usize {
        match target {
            Target::Review(i) => order(m).iter().position(|x| x == i).unwrap_or(0),
            Target::GoalReview(i) => m.reviews.len() + i,
            _ => 0,
        }
    }

    fn refresh(&self, m: &Meeting, form: &mut Form, _: Lang) {
        refresh(m, form);
    }

    fn commit(&self, m: &mut Meeting, form: &Form, lang: Lang) -> Result<(), FormError> {
        commit(m, form, lang)
    }

    fn deletion(&self, _: &Session, _: Lang) -> Option<Deletion> {
        // The previous plan's actions are accounted for, never deleted.
        None
    }

    fn delete(&self, _: &mut Meeting, _: usize) {}

    fn participant_at(&self, _: &Meeting, _: usize) -> Option<usize> {
        None
    }
}
