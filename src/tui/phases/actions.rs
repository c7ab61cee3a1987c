//! Actions: insatser of a huvudman and åtgärder of others (the family, another
//! authority, a private actor) — who does what by when, and who decided it. The form
//! enforces the mandate rule: "decided by" offers only those who may decide, plus
//! "awaiting decision by …", and says exactly why everybody else is not offered.

use super::Deletion;
use super::list::{ListPhase, OneList};
use super::{empty_hint, labels, orgs};
use crate::tui::app::{App, Judged, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{F, Form, FormError, Opt, Target, Val};
use crate::tui::widgets;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Text;
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::i18n::terms;
use samsyn::meeting::{Action, ActionStatus, Decision, Feedback, Id, Meeting, Performer, Person};
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
    // Only the rows on screen are built (and judged by the mandate rule). A row made before from the same state of the meeting, at the same width, in the
    // same language, theme and masking, is taken as it was (`memo::text`).
    let row = |i: usize| -> Text<'static> {
        let key = (m.revision(), i, area.width, lang, app.mask, app.theme);
        crate::tui::memo::text(&key, || action_row(app, m, i, area))
    };
    let title = fill(app.t(T::ActionsList), &[&m.actions.len().to_string()]);
    widgets::list_lazy(
        &app.theme,
        f,
        area,
        &title,
        m.actions.len(),
        row,
        Some(s.selected),
        Some(s.kept(0)),
        Some(empty_hint(app)),
    );
}

/// Row `i` of the actions list, `area` wide.
fn action_row(app: &App, m: &Judged, i: usize, area: Rect) -> Text<'static> {
    let lang = app.lang;
    let a = &m.actions[i];
    {
        let what = a.what.lines().next().unwrap_or("").to_string();
        let status = terms::action_status(a.status, app.lang);
        let kind = terms::capital(terms::action_kind(m.action_kind(a), lang));
        let deadline = a.deadline.map_or("—".to_string(), |d| d.to_string());
        let since = a.origin.as_ref().map_or_else(String::new, |o| {
            format!(" ({} {})", app.t(T::FromPlan), o.since)
        });
        let mut lines = super::wrapped(
            &format!("{kind}: {}{since}  [{status}]", app.show(&what)),
            area.width,
            &format!("{}. ", i + 1),
        );
        let org = match &a.organisation {
            Some(o) => m
                .organisation(o)
                .map_or_else(|| o.to_string(), |o| orgs::label(o, lang)),
            None => terms::family(lang).to_string(),
        };
        lines.extend(super::wrapped(
            &format!(
                "{} · {org} · {}: {deadline}",
                app.show(&performer_name(m, a.performer.as_ref(), lang)),
                app.t(T::ColWhen),
            ),
            area.width,
            "   ",
        ));
        match &a.decision {
            Decision::AtTable { by } => {
                let names: Vec<String> = by
                    .iter()
                    .map(|id| app.show(&m.person_name(&Person::Participant(id.clone()))))
                    .collect();
                lines.extend(super::wrapped(
                    &format!("{}: {}", app.t(T::ColDecided), names.join(terms::and(lang))),
                    area.width,
                    "   ",
                ));
            }
            Decision::Awaiting {
                decision_maker,
                organisation,
                decide_by,
                reason,
            } => {
                let mut text = fill(
                    app.t(T::AwaitingBy),
                    &[
                        decision_maker,
                        &organisation
                            .as_ref()
                            .map_or_else(|| "—".into(), |o| m.organisation_name(o)),
                        &decide_by.map_or("—".into(), |d| d.to_string()),
                    ],
                );
                if !reason.is_empty() {
                    text += &format!(" — {reason}");
                }
                lines.extend(
                    super::wrapped(&text, area.width, "   ")
                        .into_iter()
                        .map(|l| l.style(app.theme.warning)),
                );
            }
        }
        if let Some(v) = rules::decision_violation(m, a) {
            let (sv, en) = v.describe(m);
            lines.extend(
                super::wrapped(
                    &format!(
                        "⚠ {}",
                        fill(app.t(T::InvalidMark), &[&app.show(lang.pick(&sv, &en))])
                    ),
                    area.width,
                    "   ",
                )
                .into_iter()
                .map(|l| l.style(app.theme.blocking)),
            );
        }
        Text::from(lines)
    }
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
    std::iter::once(labels::none_opt(lang))
        .chain(m.goals.iter().enumerate().map(|(i, g)| Opt {
            label: format!("{}. {}", i + 1, g.text.lines().next().unwrap_or("")),
            val: Val::Id(g.id.clone()),
        }))
        .collect()
}

/// An organisation named by the action beside the one that carries it out (who pays,
/// whose decision is awaited): "the one carrying it out", or one of the meeting's.
fn other_org_opts(m: &Meeting, lang: Lang, none: bool) -> Vec<Opt> {
    let mut out = Vec::new();
    if none {
        out.push(labels::none_opt(lang));
    }
    out.push(Opt {
        label: T::OSameOrg.get(lang).into(),
        val: Val::SameOrg,
    });
    out.extend(m.organisations.iter().map(|o| Opt {
        label: orgs::label(o, lang),
        val: Val::Id(o.id.clone()),
    }));
    out
}

/// `Val::SameOrg` when `org` is the action's own organisation.
fn other_org_val(a: Option<&Action>, org: Option<&Id>, none: Val) -> Val {
    match org {
        None => none,
        Some(o) if a.and_then(|a| a.organisation.as_ref()) == Some(o) => Val::SameOrg,
        Some(o) => Val::Id(o.clone()),
    }
}

pub fn form(s: &Session, idx: Option<usize>, lang: Lang) -> Form {
    let m = &s.meeting;
    let a = idx.and_then(|i| m.actions.get(i));
    let mut form = Form::new(Target::Action(idx), T::ActionForm.get(lang).into(), m.date);
    let (perf, perf_name) = performer_val(a.and_then(|a| a.performer.as_ref()));
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let (decision, co, maker, dorg, dby, reason) = match a.map(|a| &a.decision) {
        Some(Decision::AtTable { by }) => (
            by.first().map_or(Val::None, |b| Val::Id(b.clone())),
            by.get(1).map_or(Val::None, |b| Val::Id(b.clone())),
            String::new(),
            Val::SameOrg,
            None,
            String::new(),
        ),
        Some(Decision::Awaiting {
            decision_maker,
            organisation,
            decide_by,
            reason,
        }) => (
            Val::Awaiting,
            Val::None,
            decision_maker.clone(),
            other_org_val(a, organisation.as_ref(), Val::SameOrg),
            *decide_by,
            reason.clone(),
        ),
        None => (
            Val::None,
            Val::None,
            String::new(),
            Val::SameOrg,
            None,
            String::new(),
        ),
    };
    let org = match a {
        Some(a) => a.organisation.clone().map_or(Val::Family, Val::Id),
        None => m
            .organisations
            .first()
            .map_or(Val::Other, |o| Val::Id(o.id.clone())),
    };
    let feedback = a.and_then(|a| a.feedback.clone());
    form.multi(F::What, T::FWhat, a.map_or("", |a| a.what.as_str()))
        .choice(F::Performer, T::FPerformer, performer_opts(m, lang), &perf)
        .line(F::PerformerName, T::FPerformerName, &perf_name);
    orgs::fields(&mut form, s, lang, orgs::Lead::Family, &org);
    // The recorded decision as the starting point: `refresh` keeps it while it is still
    // valid, and asks again when it is not.
    let recorded: Vec<Opt> = match &decision {
        Val::None => Vec::new(),
        val => vec![Opt {
            label: String::new(),
            val: val.clone(),
        }],
    };
    form.choice(F::Decision, T::FDecision, recorded, &decision)
        .choice(F::CoDecider, T::FCoDecider, vec![], &Val::None)
        .line(F::DecisionMaker, T::FDecisionMaker, &maker)
        .choice(
            F::DecisionOrg,
            T::FDecisionOrg,
            other_org_opts(m, lang, false),
            &dorg,
        )
        .date(F::DecideBy, T::FDecideBy, &date(dby))
        .line(F::AwaitReason, T::FAwaitReason, &reason)
        .date(F::Start, T::FStart, &date(a.and_then(|a| a.start)))
        .date(F::Deadline, T::FDeadline, &date(a.and_then(|a| a.deadline)))
        .choice(
            F::GoalLink,
            T::FGoalLink,
            goal_opts(m, lang),
            &a.and_then(|a| a.goals.first())
                .map_or(Val::None, |g| Val::Id(g.clone())),
        )
        .choice(
            F::CostBearer,
            T::FCostBearer,
            other_org_opts(m, lang, true),
            &other_org_val(a, a.and_then(|a| a.cost_bearer.as_ref()), Val::None),
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
    form.kept = matches!(decision, Val::Id(_)).then(|| decision.clone());
    // Fill the decision options (the recorded decision stays when still allowed), then
    // the second decider among those who may join it.
    refresh(m, &mut form, lang);
    form.select(F::CoDecider, &co);
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

/// The organisation an "other organisation" field names, once `org` is the action's.
fn other_org(form: &Form, field: F, org: Option<&Id>) -> Option<Id> {
    match form.choice_val(field) {
        Val::SameOrg => org.cloned(),
        Val::Id(id) => Some(id),
        _ => None,
    }
}

/// A probe action from the form, for asking the rules who may decide it: `org` is the
/// organisation chosen (already in the meeting the rules are asked about).
fn probe(form: &Form, org: Option<Id>) -> Action {
    let mut a = Action::new(
        Id::new("probe"),
        form.text(F::What),
        Performer::Family,
        org,
        Decision::AtTable { by: Vec::new() },
    );
    a.performer = performer_from(form);
    a.cost_bearer = other_org(form, F::CostBearer, a.organisation.as_ref());
    a
}

/// Follow the performer with the organisation; offer only who may decide.
pub fn refresh(m: &Meeting, form: &mut Form, lang: Lang) {
    let perf = form.choice_val(F::Performer);
    let performer_changed = form.memo.as_ref() != Some(&perf);
    if performer_changed {
        match &perf {
            Val::Id(id) => match m.participant(id) {
                Some(p) if p.is_family() => form.select(F::Organisation, &Val::Family),
                Some(p) => {
                    if let Some(o) = &p.organisation {
                        form.select(F::Organisation, &Val::Id(o.clone()));
                    }
                }
                None => {}
            },
            Val::Family => form.select(F::Organisation, &Val::Family),
            _ => {}
        }
        form.memo = Some(perf);
    }
    let (pm, org) = orgs::probe(m, form, lang);
    let pm: &Meeting = &pm;
    let action = probe(form, org);
    let eligible = rules::eligible_deciders(pm, &action);
    let mut opts: Vec<Opt> = eligible
        .iter()
        .map(|p| Opt {
            label: labels::participant_label(pm, &p.id),
            val: Val::Id(p.id.clone()),
        })
        .collect();
    opts.push(Opt {
        label: T::OAwaiting.get(lang).into(),
        val: Val::Awaiting,
    });
    let before = form.choice_val(F::Decision);
    // A recorded decider who may no longer decide is never swapped for another without a
    // word: the choice asks again ("— choose"), and the note says who dropped out.
    let placeholder_shown = matches!(
        form.field(F::Decision).map(|f| &f.input),
        Some(crate::tui::form::Input::Choice { opts, .. }) if opts.first().is_some_and(|o| o.val == Val::None)
    );
    let lost = match &before {
        Val::Id(id) => form.kept.as_ref() == Some(&before) && !eligible.iter().any(|p| &p.id == id),
        _ => false,
    };
    if lost || (before == Val::None && placeholder_shown) {
        opts.insert(
            0,
            Opt {
                label: T::OChooseDecider.get(lang).into(),
                val: Val::None,
            },
        );
    }
    let dropped = form.set_options(F::Decision, opts);
    let dropped = dropped || lost;
    // "Awaiting" was only the fallback while nobody could decide (nothing about the
    // awaited decision is written yet): a new performer with a decider at the table
    // gets that decider.
    let awaiting_unwritten = before == Val::Awaiting
        && [F::DecisionMaker, F::DecideBy, F::AwaitReason]
            .iter()
            .all(|f| form.text(*f).is_empty());
    if performer_changed
        && awaiting_unwritten
        && let Some(first) = eligible.first()
    {
        form.select(F::Decision, &Val::Id(first.id.clone()));
    }
    // Who may join the decision: the family deciding its own measure together (both
    // guardians, the young person), or a second decider with the mandate.
    let first = form.choice_val(F::Decision);
    let co: Vec<Opt> = std::iter::once(labels::none_opt(lang))
        .chain(
            pm.participants
                .iter()
                .filter(|p| p.is_present() && Val::Id(p.id.clone()) != first)
                .filter(|p| match &first {
                    Val::Id(by) => {
                        let mut joint = action.clone();
                        joint.decision = Decision::AtTable {
                            by: vec![by.clone(), p.id.clone()],
                        };
                        rules::decision_violation(pm, &joint).is_none()
                    }
                    _ => false,
                })
                .map(|p| Opt {
                    label: labels::participant_label(pm, &p.id),
                    val: Val::Id(p.id.clone()),
                }),
        )
        .collect();
    let alone = co.len() <= 1;
    form.set_options(F::CoDecider, co);
    form.set_hidden(F::CoDecider, alone);
    // The awaited decision's fields are asked when the decision is awaited.
    let awaiting = form.choice_val(F::Decision) == Val::Awaiting;
    for f in [
        F::DecisionMaker,
        F::DecisionOrg,
        F::DecideBy,
        F::AwaitReason,
    ] {
        form.set_hidden(f, !awaiting);
    }
    form.set_hidden(
        F::PerformerName,
        form.choice_val(F::Performer) != Val::Other,
    );
    sync_status(form);
    let mut notes = Vec::new();
    // Who dropped out: the one just selected, or the recorded decider still asked for.
    let asked_again = match &form.kept {
        Some(Val::Id(k)) if form.choice_val(F::Decision) == Val::None => Some(k.clone()),
        _ => None,
    };
    let gone = match &before {
        Val::Id(id) if dropped => Some(id.clone()),
        _ => asked_again,
    };
    if let Some(id) = gone {
        let name = pm.person_name(&Person::Participant(id));
        notes.push(fill(T::DeciderDropped.get(lang), &[&name]));
    }
    // Why each one not offered may not decide: one sentence for all who share a reason
    // ("Jonas Ek och Amira Haddad har inget beslutsmandat."), each sentence once.
    let mut groups: Vec<(Why, Vec<String>)> = Vec::new();
    for p in pm
        .participants
        .iter()
        .filter(|p| !eligible.iter().any(|e| e.id == p.id))
    {
        let Some(v) = rules::why_not_decider(pm, &action, &p.id) else {
            continue;
        };
        let why = match v {
            rules::MandateViolation::DeciderAbsent(_) => Why::Absent,
            rules::MandateViolation::DeciderNoMandate(_) => Why::NoMandate,
            rules::MandateViolation::FamilyDecidesForOthers(_) => Why::Family,
            rules::MandateViolation::DeciderOtherOrganisation { organisation, .. } => {
                Why::OtherOrg(organisation)
            }
            other => {
                let (sv, en) = other.describe(pm);
                Why::Other(terms::capital(lang.pick(&sv, &en)))
            }
        };
        match groups.iter_mut().find(|(w, _)| *w == why) {
            Some((_, names)) => names.push(p.name.clone()),
            None => groups.push((why, vec![p.name.clone()])),
        }
    }
    let reasons: Vec<String> = groups
        .into_iter()
        .map(|(why, names)| why.sentence(&names, lang))
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
    let what = form.required_text(F::What, T::FWhat, lang)?;
    let performer = performer_from(form)
        .ok_or_else(|| FormError::at(F::Performer, T::NeedPerformer.get(lang)))?;
    // Everything is checked on a copy: a refused form adds no organisation.
    let mut next = m.clone();
    let organisation = orgs::chosen(&mut next, form, lang)?;
    let date_of = |id: F| form.optional_date(id, lang);
    let decision = match form.choice_val(F::Decision) {
        Val::Id(by) => {
            let mut all = vec![by];
            if let Val::Id(co) = form.choice_val(F::CoDecider)
                && !all.contains(&co)
            {
                all.push(co);
            }
            Decision::AtTable { by: all }
        }
        Val::Awaiting => {
            let maker = form.text(F::DecisionMaker);
            let by = date_of(F::DecideBy)?;
            let missing = [
                (F::DecisionMaker, maker.is_empty()),
                (F::DecideBy, by.is_none()),
            ];
            if let Some((field, _)) = missing.iter().find(|(_, empty)| *empty) {
                return Err(FormError::at(*field, T::NeedAwaiting.get(lang)));
            }
            Decision::Awaiting {
                decision_maker: maker,
                organisation: other_org(form, F::DecisionOrg, organisation.as_ref()),
                decide_by: by,
                reason: form.text(F::AwaitReason),
            }
        }
        _ => {
            let someone = matches!(
                form.field(F::Decision).map(|f| &f.input),
                Some(crate::tui::form::Input::Choice { opts, .. }) if opts.iter().any(|o| matches!(o.val, Val::Id(_)))
            );
            let why = if someone {
                T::ChooseDecider
            } else {
                T::NeedDecider
            };
            return Err(FormError::at(F::Decision, why.get(lang)));
        }
    };
    let mut action = probe(form, organisation);
    action.what = what;
    action.performer = Some(performer);
    action.status = match decision {
        Decision::AtTable { .. } => ActionStatus::Agreed,
        Decision::Awaiting { .. } => ActionStatus::AwaitingDecision,
    };
    action.decision = decision;
    action.start = date_of(F::Start)?;
    action.deadline = date_of(F::Deadline)?;
    if let Some(v) = rules::decision_violation(&next, &action) {
        let (sv, en) = v.describe(&next);
        let field = match v {
            rules::MandateViolation::AwaitingAfterDeadline => F::DecideBy,
            rules::MandateViolation::NoOrganisation
            | rules::MandateViolation::FamilyActionUnderHuvudman
            | rules::MandateViolation::PerformerOtherOrganisation { .. } => F::Organisation,
            _ => F::Decision,
        };
        return Err(FormError::at(field, lang.pick(&sv, &en)));
    }
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
    *m = next;
    match idx.and_then(|i| m.actions.get_mut(i)) {
        Some(slot) => {
            action.id = slot.id.clone();
            // Where it came from is not the form's to change.
            action.origin = slot.origin.clone();
            // Confirmed at the table only as it was read back.
            action.confirmed = slot.confirmed && slot.reads_the_same(&action);
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
pub const ACTIONS: ListPhase = ListPhase {
    commands: &[Cmd::Up, Cmd::Down, Cmd::Add, Cmd::Edit, Cmd::Delete],
    render,
    lists: &[OneList {
        add: Cmd::Add,
        len: |m| m.actions.len(),
        form,
        index: |t| match t {
            Target::Action(i) => Some(*i),
            _ => None,
        },
        refresh,
        commit,
        deletion: |m, i, _| Deletion::ask(super::short(&m.actions[i].what, 50)),
        delete: |m, i| {
            m.remove_action(i);
        },
    }],
    other_form: |_, _, _| None,
    participant_at: |_, _| None,
};

/// Why someone is not offered as a decider, for saying it once for all it applies to.
#[derive(Debug, PartialEq, Eq)]
enum Why {
    Absent,
    NoMandate,
    Family,
    OtherOrg(String),
    /// Any other reason, as the rules word it (naming the person already).
    Other(String),
}

impl Why {
    fn sentence(&self, names: &[String], lang: Lang) -> String {
        let many = names.len() > 1;
        let who = samsyn::i18n::screen::and_list(names, lang);
        let pick = |one: T, more: T| if many { more } else { one }.get(lang);
        match self {
            Why::Absent => fill(pick(T::NotPresent, T::NotPresentMany), &[&who]),
            Why::NoMandate => fill(pick(T::WhyNoMandate, T::WhyNoMandateMany), &[&who]),
            Why::Family => fill(pick(T::WhyFamily, T::WhyFamilyMany), &[&who]),
            Why::OtherOrg(org) => fill(pick(T::WhyOtherOrg, T::WhyOtherOrgMany), &[&who, org]),
            Why::Other(text) => text.clone(),
        }
    }
}
