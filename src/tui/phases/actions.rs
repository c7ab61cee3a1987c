//! Actions (insatser): who does what by when, and who decided it. The form enforces the
//! mandate rule: "decided by" offers only those who may decide, plus "awaiting decision
//! by …", and says exactly why everybody else is not offered.

use super::{Deletion, OneList, Phase, Rows};
use super::{empty_hint, labels};
use crate::tui::app::{App, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{F, Form, FormError, Opt, Target, Val};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::i18n::terms;
use samsyn::meeting::{Action, ActionStatus, Decision, Feedback, Huvudman, Id, Meeting, Performer};
use samsyn::rules;

pub fn performer_name(m: &Meeting, p: Option<&Performer>, lang: Lang) -> String {
    match p {
        None => "—".into(),
        Some(Performer::Family) => T::OFamily.get(lang).into(),
        Some(Performer::Named(n)) => n.clone(),
        Some(Performer::Participant(id)) => {
            m.person_name(&samsyn::meeting::Person::Participant(id.clone()))
        }
    }
}

pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let m = &s.meeting;
    let lang = app.lang;
    let items: Vec<Text<'static>> = m
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let what = a.what.lines().next().unwrap_or("").to_string();
            let status = terms::action_status(a.status, app.lang);
            let deadline = a.deadline.map_or("—".to_string(), |d| d.to_string());
            let mut lines = super::wrapped(
                &format!("{}  [{status}]", app.show(&what)),
                area.width,
                &format!("{}. ", i + 1),
            );
            lines.extend([Line::from(format!(
                "   {} · {} ({}) · {}: {deadline}",
                app.show(&performer_name(m, a.performer.as_ref(), lang)),
                a.organisation,
                terms::huvudman(a.huvudman, lang),
                app.t(T::ColWhen),
            ))]);
            match &a.decision {
                Decision::AtTable { by } => lines.push(Line::from(format!(
                    "   {}: {}",
                    app.t(T::ColDecided),
                    app.show(&m.person_name(&samsyn::meeting::Person::Participant(by.clone())))
                ))),
                Decision::Awaiting {
                    decision_maker,
                    organisation,
                    decide_by,
                } => {
                    let text = fill(
                        app.t(T::AwaitingBy),
                        &[
                            decision_maker,
                            organisation,
                            &decide_by.map_or("—".into(), |d| d.to_string()),
                        ],
                    );
                    lines.extend(
                        super::wrapped(&text, area.width, "   ")
                            .into_iter()
                            .map(|l| l.style(app.theme.warning)),
                    );
                }
            }
            if let Some(v) = rules::decision_violation(m, a) {
                let (sv, en) = v.describe(m);
                lines.push(Line::from(Span::styled(
                    format!(
                        "   ⚠ {}",
                        fill(app.t(T::InvalidMark), &[&app.show(lang.pick(&sv, &en))])
                    ),
                    app.theme.blocking,
                )));
            }
            Text::from(lines)
        })
        .collect();
    let title = fill(app.t(T::ActionsList), &[&m.actions.len().to_string()]);
    super::list(
        app,
        f,
        area,
        &title,
        items,
        Some(s.selected),
        Some(empty_hint(app)),
    );
}

fn performer_val(p: Option<&Performer>) -> (Val, String) {
    match p {
        None => (Val::None, String::new()),
        Some(Performer::Participant(id)) => (Val::Id(id.clone()), String::new()),
        Some(Performer::Family) => (Val::Family, String::new()),
        Some(Performer::Named(n)) => (Val::Other, n.clone()),
    }
}

fn performer_opts(m: &Meeting, lang: Lang) -> Vec<Opt> {
    let mut opts = labels::person_opts(m, lang, false, false);
    opts.push(Opt {
        label: T::OFamily.get(lang).into(),
        val: Val::Family,
    });
    opts.push(Opt {
        label: T::OOther.get(lang).into(),
        val: Val::Other,
    });
    opts
}

/// "—" and every goal, so an action can say which goal it serves.
fn goal_opts(m: &Meeting, lang: Lang) -> Vec<Opt> {
    std::iter::once(Opt {
        label: T::ONone.get(lang).into(),
        val: Val::None,
    })
    .chain(m.goals.iter().enumerate().map(|(i, g)| Opt {
        label: format!("{}. {}", i + 1, g.text.lines().next().unwrap_or("")),
        val: Val::Id(g.id.clone()),
    }))
    .collect()
}

pub fn form(m: &Meeting, idx: Option<usize>, lang: Lang) -> Form {
    let a = idx.and_then(|i| m.actions.get(i));
    let mut form = Form::new(Target::Action(idx), T::ActionForm.get(lang).into(), m.date);
    let (perf, perf_name) = performer_val(a.and_then(|a| a.performer.as_ref()));
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let (decision, maker, dorg, dby) = match a.map(|a| &a.decision) {
        Some(Decision::AtTable { by }) => (Val::Id(by.clone()), String::new(), String::new(), None),
        Some(Decision::Awaiting {
            decision_maker,
            organisation,
            decide_by,
        }) => (
            Val::Awaiting,
            decision_maker.clone(),
            organisation.clone(),
            *decide_by,
        ),
        None => (Val::None, String::new(), String::new(), None),
    };
    let feedback = a.and_then(|a| a.feedback.clone());
    form.multi(F::What, T::FWhat, a.map_or("", |a| a.what.as_str()))
        .choice(F::Performer, T::FPerformer, performer_opts(m, lang), &perf)
        .line(F::PerformerName, T::FPerformerName, &perf_name)
        .line(
            F::Organisation,
            T::FOrganisation,
            a.map_or("", |a| a.organisation.as_str()),
        )
        .choice(
            F::Huvudman,
            T::FHuvudman,
            labels::huvudman_opts(lang),
            &Val::Huvudman(a.map_or(Huvudman::Kommun, |a| a.huvudman)),
        )
        .choice(F::Decision, T::FDecision, vec![], &Val::None)
        .line(F::DecisionMaker, T::FDecisionMaker, &maker)
        .line(F::DecisionOrg, T::FDecisionOrg, &dorg)
        .date(F::DecideBy, T::FDecideBy, &date(dby))
        .date(F::Deadline, T::FDeadline, &date(a.and_then(|a| a.deadline)))
        .choice(
            F::GoalLink,
            T::FGoalLink,
            goal_opts(m, lang),
            &a.and_then(|a| a.goals.first())
                .map_or(Val::None, |g| Val::Id(g.clone())),
        )
        .line(
            F::CostBearer,
            T::FCostBearer,
            a.and_then(|a| a.cost_bearer.as_deref()).unwrap_or(""),
        )
        .line(
            F::FeedbackFrom,
            T::FFeedbackFrom,
            feedback.as_ref().map_or("", |f| f.from.as_str()),
        )
        .line(
            F::FeedbackTo,
            T::FFeedbackTo,
            feedback.as_ref().map_or("", |f| f.to.as_str()),
        )
        .date(
            F::FeedbackBy,
            T::FFeedbackBy,
            &date(feedback.as_ref().and_then(|f| f.by)),
        );
    if let Some(a) = a {
        form.choice(
            F::Status,
            T::FStatus,
            labels::status_opts(lang),
            &Val::Status(a.status),
        )
        .line(F::StatusComment, T::FStatusComment, &a.status_comment);
    }
    form.memo = Some(perf);
    // Fill the decision options, then select the recorded decision when still allowed.
    refresh(m, &mut form, lang);
    form.select(F::Decision, &decision);
    refresh(m, &mut form, lang);
    form
}

fn performer_from(form: &Form) -> Option<Performer> {
    match form.choice_val(F::Performer) {
        Val::Id(id) => Some(Performer::Participant(id)),
        Val::Family => Some(Performer::Family),
        Val::Other => {
            let n = form.text(F::PerformerName);
            (!n.is_empty()).then_some(Performer::Named(n))
        }
        _ => None,
    }
}

/// A probe action from the form, for asking the rules who may decide it.
fn probe(form: &Form) -> Action {
    let huvudman = match form.choice_val(F::Huvudman) {
        Val::Huvudman(h) => h,
        _ => Huvudman::Annan,
    };
    let mut a = Action::new(
        Id::new("probe"),
        form.text(F::What),
        Performer::Family,
        form.text(F::Organisation),
        huvudman,
        Decision::AtTable { by: Id::new("") },
    );
    a.performer = performer_from(form);
    a
}

/// Follow the performer with organisation and huvudman; offer only who may decide.
pub fn refresh(m: &Meeting, form: &mut Form, lang: Lang) {
    let perf = form.choice_val(F::Performer);
    let performer_changed = form.memo.as_ref() != Some(&perf);
    if performer_changed {
        match &perf {
            Val::Id(id) => {
                if let Some(p) = m.participant(id) {
                    let (org, h) = (p.organisation.clone(), p.huvudman);
                    form.set_text(F::Organisation, &org);
                    form.select(F::Huvudman, &Val::Huvudman(h));
                }
            }
            Val::Family => {
                form.set_text(F::Organisation, T::OFamily.get(lang));
                form.select(F::Huvudman, &Val::Huvudman(Huvudman::Familj));
            }
            _ => {}
        }
        form.memo = Some(perf);
    }
    let action = probe(form);
    let eligible = rules::eligible_deciders(m, &action);
    let mut opts: Vec<Opt> = eligible
        .iter()
        .map(|p| Opt {
            label: labels::participant_label(m, &p.id),
            val: Val::Id(p.id.clone()),
        })
        .collect();
    opts.push(Opt {
        label: T::OAwaiting.get(lang).into(),
        val: Val::Awaiting,
    });
    let before = form.choice_val(F::Decision);
    let dropped = form.set_options(F::Decision, opts);
    // "Awaiting" was only the fallback while nobody could decide (nothing about the
    // awaited decision is written yet): a new performer with a decider at the table
    // gets that decider.
    let awaiting_unwritten = before == Val::Awaiting
        && [F::DecisionMaker, F::DecisionOrg, F::DecideBy]
            .iter()
            .all(|f| form.text(*f).is_empty());
    if performer_changed
        && awaiting_unwritten
        && let Some(first) = eligible.first()
    {
        form.select(F::Decision, &Val::Id(first.id.clone()));
    }
    sync_status(form);
    let mut notes = Vec::new();
    if dropped && let Val::Id(id) = &before {
        let name = m.person_name(&samsyn::meeting::Person::Participant(id.clone()));
        notes.push(fill(T::DeciderDropped.get(lang), &[&name]));
    }
    let reasons: Vec<String> = m
        .participants
        .iter()
        .filter(|p| !eligible.iter().any(|e| e.id == p.id))
        .filter_map(|p| {
            let mut a = action.clone();
            a.decision = Decision::AtTable { by: p.id.clone() };
            let v = rules::decision_violation(m, &a)?;
            if let rules::MandateViolation::DeciderAbsent(_) = v {
                // The probe never decided anything; say plainly why they are not offered.
                return Some(fill(T::NotPresent.get(lang), &[&p.name]));
            }
            let (sv, en) = v.describe(m);
            Some(lang.pick(&sv, &en).to_string())
        })
        .collect();
    if !reasons.is_empty() {
        notes.push(fill(T::CannotDecide.get(lang), &[&reasons.join(" ")]));
    }
    form.set_note(
        F::Decision,
        (!notes.is_empty()).then(|| (notes.join(" "), true)),
    );
}

/// The status follows the decision the form shows (`rules::status_follows_decision`).
fn decision_status(decision: &Val, status: ActionStatus) -> ActionStatus {
    match decision {
        Val::Id(_) => rules::status_follows_decision(false, status),
        Val::Awaiting => rules::status_follows_decision(true, status),
        _ => status,
    }
}

fn sync_status(form: &mut Form) {
    if let Val::Status(st) = form.choice_val(F::Status) {
        let decision = form.choice_val(F::Decision);
        form.select(F::Status, &Val::Status(decision_status(&decision, st)));
    }
}

pub fn commit(
    m: &mut Meeting,
    form: &Form,
    idx: Option<usize>,
    lang: Lang,
) -> Result<(), FormError> {
    let what = form.text(F::What);
    if what.is_empty() {
        return Err(FormError::at(
            F::What,
            fill(T::NeedText.get(lang), &[T::FWhat.get(lang)]),
        ));
    }
    let performer = performer_from(form)
        .ok_or_else(|| FormError::at(F::Performer, T::NeedPerformer.get(lang)))?;
    let organisation = form.text(F::Organisation);
    if organisation.is_empty() {
        return Err(FormError::at(
            F::Organisation,
            T::NeedOrganisation.get(lang),
        ));
    }
    let date_of = |id: F| {
        form.when(id)
            .map(|w| w.map(|w| w.date))
            .map_err(|_| FormError::at(id, fill(T::BadDate.get(lang), &[&form.text(id)])))
    };
    let decision = match form.choice_val(F::Decision) {
        Val::Id(by) => Decision::AtTable { by },
        Val::Awaiting => {
            let maker = form.text(F::DecisionMaker);
            let org = form.text(F::DecisionOrg);
            let by = date_of(F::DecideBy)?;
            let missing = [
                (F::DecisionMaker, maker.is_empty()),
                (F::DecisionOrg, org.is_empty()),
                (F::DecideBy, by.is_none()),
            ];
            if let Some((field, _)) = missing.iter().find(|(_, empty)| *empty) {
                return Err(FormError::at(*field, T::NeedAwaiting.get(lang)));
            }
            Decision::Awaiting {
                decision_maker: maker,
                organisation: org,
                decide_by: by,
            }
        }
        _ => return Err(FormError::at(F::Decision, T::NeedDecider.get(lang))),
    };
    let mut action = probe(form);
    action.what = what;
    action.performer = Some(performer);
    action.organisation = organisation;
    action.status = match decision {
        Decision::AtTable { .. } => ActionStatus::Agreed,
        Decision::Awaiting { .. } => ActionStatus::AwaitingDecision,
    };
    action.decision = decision;
    if let Some(v) = rules::decision_violation(m, &action) {
        let (sv, en) = v.describe(m);
        return Err(FormError::at(F::Decision, lang.pick(&sv, &en)));
    }
    action.deadline = date_of(F::Deadline)?;
    let cost = form.text(F::CostBearer);
    action.cost_bearer = (!cost.is_empty()).then_some(cost);
    let (from, to) = (form.text(F::FeedbackFrom), form.text(F::FeedbackTo));
    let fby = date_of(F::FeedbackBy)?;
    action.feedback = (!from.is_empty() || !to.is_empty() || fby.is_some()).then_some(Feedback {
        from,
        to,
        by: fby,
    });
    if let Val::Status(st) = form.choice_val(F::Status) {
        action.status = decision_status(&form.choice_val(F::Decision), st);
    }
    action.status_comment = form.text(F::StatusComment);
    let chosen = match form.choice_val(F::GoalLink) {
        Val::Id(g) => Some(g),
        _ => None,
    };
    match idx.and_then(|i| m.actions.get_mut(i)) {
        Some(slot) => {
            action.id = slot.id.clone();
            // The form shows one goal; further links written elsewhere are kept.
            let mut goals = slot.goals.clone();
            match chosen {
                Some(g) => {
                    goals.retain(|x| x != &g);
                    goals.insert(0, g);
                }
                None if !goals.is_empty() => {
                    goals.remove(0);
                }
                None => {}
            }
            action.goals = goals;
            *slot = action;
        }
        None => {
            action.goals = chosen.into_iter().collect();
            m.add_action(action);
        }
    }
    Ok(())
}

/// The plan: who does what by when, each action with its decider.
pub struct Actions;

const LIST: OneList = OneList {
    len: |m| m.actions.len(),
    form,
    index: |t| match t {
        Target::Action(i) => Some(*i),
        _ => None,
    },
};

impl Phase for Actions {
    fn commands(&self) -> &'static [Cmd] {
        &[Cmd::Up, Cmd::Down, Cmd::Add, Cmd::Edit, Cmd::Delete]
    }

    fn rows(&self, s: &Session) -> Rows {
        Rows::List(s.meeting.actions.len())
    }

    fn render(&self, app: &App, s: &Session, f: &mut Frame, area: Rect) {
        render(app, s, f, area);
    }

    fn open(&self, s: &Session, cmd: Cmd, lang: Lang) -> Option<Form> {
        LIST.open(s, cmd, lang)
    }

    fn reopen(&self, m: &Meeting, target: &Target, lang: Lang) -> Option<Form> {
        LIST.reopen(m, target, lang)
    }

    fn row_of(&self, m: &Meeting, target: &Target) -> usize {
        LIST.row_of(m, target)
    }

    fn refresh(&self, m: &Meeting, form: &mut Form, lang: Lang) {
        if let Target::Action(_) = form.target {
            refresh(m, form, lang);
        }
    }

    fn commit(&self, m: &mut Meeting, form: &Form, lang: Lang) -> Result<(), FormError> {
        match form.target {
            Target::Action(i) => commit(m, form, i, lang),
            _ => Err(super::foreign(form)),
        }
    }

    fn deletion(&self, s: &Session, _: Lang) -> Option<Deletion> {
        let a = s.meeting.actions.get(s.selected)?;
        Some(Deletion::Ask {
            label: super::short(&a.what, 50),
            participant: false,
        })
    }

    fn delete(&self, m: &mut Meeting, row: usize) {
        m.remove_action(row);
    }

    fn participant_at(&self, _: &Meeting, _: usize) -> Option<usize> {
        None
    }
}
