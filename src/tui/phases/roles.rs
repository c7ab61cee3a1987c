//! Roles: the round of presentations — who is here, for which organisation, with what
//! mandate and attendance — and the speaking round's first marks.

use super::list::{ListPhase, OneList};
use super::{Deletion, details};
use super::{empty_hint, kv, labels, orgs};
use crate::tui::app::{App, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{F, Form, FormError, Input, Target, Val};
use crate::tui::widgets;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;
use samsyn::agenda::PhaseKind;
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::i18n::terms;
use samsyn::meeting::{
    Attendance, Id, Mandate, MandateAtTable, Meeting, Moment, Part, Participant, ParticipantKind,
};

pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let m = &s.meeting;
    let [head, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(area);
    let subject = if m.subject.name.is_empty() {
        app.t(T::NotSet).to_string()
    } else {
        format!("{} ({})", m.subject.name, m.subject.initials)
    };
    let facilitator = if m.facilitator.is_empty() {
        app.t(T::NotSet)
    } else {
        &m.facilitator
    };
    let mut l1 = kv(app, app.t(T::FFacilitator), facilitator);
    l1.spans.push(Span::raw("   "));
    l1.spans
        .extend(kv(app, app.t(T::FNoteTaker), &m.note_taker).spans);
    // How many of the organisations the kallelse asked for decisions have someone present
    // with the mandate: seen at once, whatever the size of the screen.
    let asked: Vec<_> = m
        .invitation
        .iter()
        .flat_map(|i| &i.expected)
        .filter(|e| !e.decisions.trim().is_empty() && m.organisation(&e.organisation).is_some())
        .collect();
    if !asked.is_empty() {
        let met = asked
            .iter()
            .filter(|e| matches!(m.mandate_at_table(e), MandateAtTable::Met(_)))
            .count();
        let style = if met < asked.len() {
            app.theme.warning
        } else {
            ratatui::style::Style::default()
        };
        // First, so a narrow screen cuts the facilitator's line rather than this.
        l1.spans.insert(0, Span::raw("   "));
        l1.spans.insert(
            0,
            Span::styled(
                fill(
                    app.t(T::MandatesMet),
                    &[&met.to_string(), &asked.len().to_string()],
                ),
                style,
            ),
        );
    }
    let mut l2 = kv(app, app.t(T::FSubjectName), &subject);
    l2.spans.push(Span::raw("   "));
    l2.spans
        .extend(kv(app, app.t(T::FCaseRef), &m.case_ref).spans);
    // Cut with a mark, never silently, when the names are longer than the screen.
    let w = head.width as usize;
    let lines = vec![
        crate::tui::widgets::fit_line(l1, w),
        crate::tui::widgets::fit_line(l2, w),
    ];
    f.render_widget(Paragraph::new(lines), head);

    let heard = &m
        .phase(&s.phase().id)
        .map(|p| p.heard.clone())
        .unwrap_or_default();
    // Rows are built only as far as they are needed: to know how tall the people's list
    // may be (up to the whole area), and those on screen.
    let mut built: Vec<Option<Text<'static>>> = vec![None; m.participants.len()];
    let person = |i: usize, built: &mut Vec<Option<Text<'static>>>| -> Text<'static> {
        built[i].take().unwrap_or_else(|| {
            let p = &m.participants[i];
            row(app, m, p, i, heard.contains(&p.id), list.width)
        })
    };
    let title = fill(
        app.t(T::ParticipantsList),
        &[&m.participants.len().to_string()],
    );
    // The organisations under the people: what each of us does. On a small screen the
    // list that has the selection gets the room, and the other is named in the title.
    let np = m.participants.len();
    let orgs_title = fill(
        app.t(T::OrganisationsList),
        &[&m.organisations.len().to_string()],
    );
    let in_orgs = s.selected >= np && !m.organisations.is_empty();
    let (people, org_area) = if list.height >= 16 {
        // The people get what they need; the organisations the rest, and a third at least.
        let mut people_need: u16 = 2;
        for i in 0..np {
            if people_need > list.height {
                break;
            }
            let t = person(i, &mut built);
            people_need = people_need.saturating_add(t.height() as u16);
            built[i] = Some(t);
        }
        let orgs_need: u16 = m
            .organisations
            .iter()
            .map(|o| super::wrapped(&org_line(app, m, o).0, list.width, "  ").len() as u16)
            .sum::<u16>()
            + 2;
        let orgs_height = orgs_need
            .min(list.height.saturating_sub(people_need))
            .max(orgs_need.min(list.height / 3))
            .clamp(3, list.height - 3);
        let [people, orgs] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(orgs_height)]).areas(list);
        (Some(people), Some(orgs))
    } else if in_orgs {
        (None, Some(list))
    } else {
        (Some(list), None)
    };
    if let Some(area) = people {
        let people_title = if org_area.is_none() {
            format!("{title} · {orgs_title} ↓")
        } else {
            title.clone()
        };
        widgets::list_lazy(
            &app.theme,
            f,
            area,
            &people_title,
            np,
            |i| person(i, &mut built),
            (s.selected < np).then_some(s.selected),
            Some(s.kept(0)),
            Some(empty_hint(app)),
        );
    }
    if let Some(area) = org_area {
        let org_items: Vec<Text<'static>> = m
            .organisations
            .iter()
            .map(|o| {
                let (line, short) = org_line(app, m, o);
                let text = Text::from(super::wrapped(&line, area.width, "  "));
                if short {
                    text.style(app.theme.warning)
                } else {
                    text
                }
            })
            .collect();
        let title = if people.is_none() {
            format!("{orgs_title} · ↑ {title}")
        } else {
            orgs_title
        };
        widgets::list(
            &app.theme,
            f,
            area,
            &title,
            org_items,
            s.selected.checked_sub(np),
            Some(s.kept(1)),
            Some(app.t(T::NoOrganisationsYet).to_string()),
        );
    }
}

/// An organisation's row: what it is, and when the kallelse asked it for decisions,
/// whether someone present has the mandate for them. `true` when nobody has.
fn org_line(app: &App, m: &Meeting, o: &samsyn::meeting::Organisation) -> (String, bool) {
    let mut line = orgs::row(m, o, app.lang);
    let Some(expected) = m.expected_of(&o.id) else {
        return (line, false);
    };
    let name = |id: &Id| {
        app.show(
            &m.participant(id)
                .map_or_else(String::new, |p| p.name.clone()),
        )
    };
    let (status, short) = match m.mandate_at_table(expected) {
        MandateAtTable::Met(id) => (fill(app.t(T::MandateMet), &[&name(&id)]), false),
        MandateAtTable::Lacking(id) => (fill(app.t(T::MandateLacking), &[&name(&id)]), true),
        MandateAtTable::NobodyPresent => (app.t(T::MandateNobody).to_string(), true),
    };
    let mut asked = expected.decisions.trim().to_string();
    if expected.costs {
        asked += &format!(" {}", app.t(T::Costs));
    }
    line += &format!(" · {} · {status}", fill(app.t(T::MandateAsked), &[&asked]));
    (line, short)
}

fn row(
    app: &App,
    m: &Meeting,
    p: &Participant,
    i: usize,
    heard: bool,
    width: u16,
) -> Text<'static> {
    let lang = app.lang;
    let mark = if heard { "[✓]" } else { "[ ]" };
    let mandate = match &p.mandate {
        None => app.t(T::NoMandate).to_string(),
        Some(md) if md.costs => format!("{} {}", md.scope, app.t(T::Costs)),
        Some(md) => md.scope.clone(),
    };
    // Someone without a written role (often the child) is named by how they take part,
    // never by an empty dash.
    let role = if p.role.trim().is_empty() {
        terms::participant_kind(p.kind, lang)
    } else {
        &p.role
    };
    let head = format!("{mark} {}. {} — {role}", i + 1, app.show(&p.name));
    let org = match m.organisation_of(&p.id) {
        Some(o) => orgs::label(o, lang),
        None if p.is_family() => terms::family(lang).to_string(),
        None => "—".to_string(),
    };
    let mut attendance = terms::attendance(&p.attendance, lang);
    if let Some(part) = &p.part {
        let title = |id: &str| {
            app.session()
                .and_then(|s| s.agenda.phases.iter().find(|ph| ph.id == id))
                .map_or_else(|| id.to_string(), |ph| ph.title.get(lang).to_string())
        };
        attendance = format!("{attendance}, {}", terms::part(part, title, lang));
    }
    // The family decides nothing on an organisation's behalf: no mandate to show.
    let details = if p.is_family() && p.mandate.is_none() {
        format!("{org} · {attendance}")
    } else {
        format!(
            "{org} · {}: {} · {attendance}",
            app.t(T::ColMandate),
            mandate
        )
    };
    let one_line = format!("{head}  · {details}");
    if one_line.chars().count() + 4 <= width as usize {
        Text::from(Line::from(one_line))
    } else {
        let mut lines = vec![Line::from(head)];
        lines.extend(super::wrapped(&details, width, "      "));
        Text::from(lines)
    }
}

pub fn form(s: &Session, idx: Option<usize>, lang: Lang) -> Form {
    let m = &s.meeting;
    let p = idx.and_then(|i| m.participants.get(i));
    let mut form = Form::new(
        Target::Participant(idx),
        T::Participant.get(lang).into(),
        m.date,
    );
    let (name, role) = p.map_or(("", ""), |p| (p.name.as_str(), p.role.as_str()));
    let org = match p {
        Some(p) => match &p.organisation {
            Some(o) => Val::Id(o.clone()),
            None if p.is_family() => Val::Family,
            None => Val::Other,
        },
        // Nothing is assumed: the organisation is picked (or typed as a new one).
        None => Val::Other,
    };
    let decline = match p.map(|p| &p.attendance) {
        Some(Attendance::Declined { reason }) => reason.clone(),
        _ => String::new(),
    };
    form.line(F::Name, T::FName, name)
        .line(F::Role, T::FRole, role);
    orgs::fields(&mut form, s, lang, orgs::Lead::Family, &org);
    form.choice(
        F::Kind,
        T::FKind,
        labels::kind_opts(lang),
        &Val::Kind(p.map_or(ParticipantKind::Professional, |p| p.kind)),
    )
    .line(
        F::Mandate,
        T::FMandate,
        p.and_then(|p| p.mandate.as_ref())
            .map_or("", |md| md.scope.as_str()),
    )
    .check(
        F::MandateCosts,
        T::FMandateCosts,
        p.and_then(|p| p.mandate.as_ref())
            .is_some_and(|md| md.costs),
    )
    .choice(
        F::Attendance,
        T::FAttendance,
        labels::attendance_opts(lang),
        &Val::Attend(p.map_or(0, |p| labels::attendance_code(&p.attendance))),
    )
    .line(F::DeclineReason, T::FDeclineReason, &decline);
    part_fields(&mut form, s, p, lang);
    form.line(
        F::StandIn,
        T::FStandIn,
        p.and_then(|p| p.stand_in.as_deref()).unwrap_or(""),
    )
    .line(
        F::Contact,
        T::FContact,
        p.and_then(|p| p.contact.as_deref()).unwrap_or(""),
    );
    form.memo = Some(form.choice_val(F::Kind));
    ask_decline_reason(&mut form);
    form
}

/// "Part of the meeting": the whole, only one phase (the child for the child's voice,
/// the usual case), or joined late / left early at a time or phase typed below.
fn part_fields(form: &mut Form, s: &Session, p: Option<&Participant>, lang: Lang) {
    let phases: Vec<Val> = s
        .agenda
        .phases
        .iter()
        .enumerate()
        .map(|(i, ph)| Val::Phase {
            id: ph.id.clone(),
            title: ph.title.get(lang).to_string(),
            number: i + 1,
        })
        .collect();
    let is_child_voice = |v: &Val| match v {
        Val::Phase { number, .. } => s.agenda.phases[number - 1].kind == PhaseKind::ChildVoice,
        _ => false,
    };
    // The child's voice first, one → away: the child joining for it is the usual case.
    let mut ordered: Vec<&Val> = phases.iter().filter(|v| is_child_voice(v)).collect();
    ordered.extend(phases.iter().filter(|v| !is_child_voice(v)));
    let mut opts = vec![labels::opt(T::PartWhole.get(lang), Val::None)];
    opts.extend(ordered.into_iter().map(|v| {
        let title = match v {
            Val::Phase { title, .. } => title.as_str(),
            _ => "",
        };
        labels::opt(fill(T::PartOnly.get(lang), &[title]), v.clone())
    }));
    opts.push(labels::opt(T::PartCustom.get(lang), Val::Other));
    let part = p.and_then(|p| p.part.as_ref());
    let find = |id: &str| {
        phases
            .iter()
            .find(|v| matches!(v, Val::Phase { id: pid, .. } if pid == id))
    };
    let current = match part {
        None => Val::None,
        Some(part) => part
            .only_phase()
            .and_then(find)
            .cloned()
            .unwrap_or(Val::Other),
    };
    let shown = |m: Option<&Moment>| match m {
        Some(Moment::At(t)) => t.format("%H:%M").to_string(),
        Some(Moment::Phase(id)) => match find(id) {
            Some(Val::Phase { title, .. }) => title.clone(),
            _ => id.clone(),
        },
        None => String::new(),
    };
    let custom = current == Val::Other;
    let (from, until) = match part.filter(|_| custom) {
        Some(part) => (shown(part.from.as_ref()), shown(part.until.as_ref())),
        None => (String::new(), String::new()),
    };
    form.choice(F::Part, T::FPart, opts, &current)
        .line(F::Joined, T::FJoined, &from)
        .line(F::LeftAt, T::FLeftAt, &until);
    form.set_hidden(F::Joined, !custom);
    form.set_hidden(F::LeftAt, !custom);
}

/// The phases the part-of-the-meeting choice offers, in agenda order: (id, title).
fn offered_phases(form: &Form) -> Vec<(String, String)> {
    let mut out: Vec<(usize, String, String)> = match form.field(F::Part).map(|f| &f.input) {
        Some(Input::Choice { opts, .. }) => opts
            .iter()
            .filter_map(|o| match &o.val {
                Val::Phase { id, title, number } => Some((*number, id.clone(), title.clone())),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    out.sort();
    out.into_iter().map(|(_, id, title)| (id, title)).collect()
}

/// A time (`14:30`, `14.30`) or a phase (its number or the start of its title) as typed.
fn moment(text: &str, phases: &[(String, String)]) -> Option<Moment> {
    let t = text.trim();
    if let Ok(p) = samsyn::datetime::parse(t, chrono::NaiveDate::MIN)
        && !p.date_typed
        && let Some(time) = p.time
    {
        return Some(Moment::At(time));
    }
    if let Ok(n) = t.parse::<usize>() {
        return phases
            .get(n.checked_sub(1)?)
            .map(|(id, _)| Moment::Phase(id.clone()));
    }
    let lower = t.to_lowercase();
    (!lower.is_empty())
        .then(|| {
            phases
                .iter()
                .find(|(_, title)| title.to_lowercase().starts_with(&lower))
        })
        .flatten()
        .map(|(id, _)| Moment::Phase(id.clone()))
}

/// The part of the meeting the form says, or why it cannot be read.
fn part_of(form: &Form, lang: Lang) -> Result<Option<Part>, FormError> {
    match form.choice_val(F::Part) {
        Val::Phase { id, .. } => Ok(Some(Part::only(&id))),
        Val::Other => {
            let phases = offered_phases(form);
            let read = |f: F| -> Result<Option<Moment>, FormError> {
                let text = form.text(f);
                if text.is_empty() {
                    return Ok(None);
                }
                moment(&text, &phases)
                    .map(Some)
                    .ok_or_else(|| FormError::at(f, fill(T::BadMoment.get(lang), &[&text])))
            };
            let (from, until) = (read(F::Joined)?, read(F::LeftAt)?);
            if from.is_none() && until.is_none() {
                return Err(FormError::at(F::Joined, T::NeedMoment.get(lang)));
            }
            Ok(Some(Part { from, until }))
        }
        _ => Ok(None),
    }
}

/// The reason for declining is asked of one who declined, and only then.
fn ask_decline_reason(form: &mut Form) {
    let declined = form.choice_val(F::Attendance) == Val::Attend(4);
    form.set_hidden(F::DeclineReason, !declined);
}

/// A family member belongs to no organisation: when "takes part as" changes to family,
/// the organisation follows; back to a professional, the first organisation is offered.
pub fn refresh(m: &Meeting, form: &mut Form) {
    // The times are asked only for "joined late or left early".
    let custom = form.choice_val(F::Part) == Val::Other;
    form.set_hidden(F::Joined, !custom);
    form.set_hidden(F::LeftAt, !custom);
    ask_decline_reason(form);
    let kind = form.choice_val(F::Kind);
    if form.memo.as_ref() == Some(&kind) {
        return;
    }
    let family = matches!(kind, Val::Kind(k) if k.is_family());
    match form.choice_val(F::Organisation) {
        Val::Family if !family => {
            let first = m
                .organisations
                .first()
                .map_or(Val::Other, |o| Val::Id(o.id.clone()));
            form.select(F::Organisation, &first);
        }
        Val::Family => {}
        _ if family => form.select(F::Organisation, &Val::Family),
        _ => {}
    }
    form.memo = Some(kind);
}

pub fn commit(
    m: &mut Meeting,
    form: &Form,
    idx: Option<usize>,
    lang: Lang,
) -> Result<(), FormError> {
    let name = form.required(F::Name, T::NeedName.get(lang))?;
    let kind = match form.choice_val(F::Kind) {
        Val::Kind(k) => k,
        _ => ParticipantKind::Professional,
    };
    let family_chosen = form.choice_val(F::Organisation) == Val::Family;
    if kind.is_family() && !family_chosen {
        return Err(FormError::at(
            F::Organisation,
            T::FamilyNoOrganisation.get(lang),
        ));
    }
    if !kind.is_family() && family_chosen {
        return Err(FormError::at(
            F::Organisation,
            T::NeedOrganisation.get(lang),
        ));
    }
    // Checked on a copy first: a form refused further down adds no organisation.
    let mut probe = m.clone();
    orgs::chosen(&mut probe, form, lang)?;
    let scope = form.text(F::Mandate);
    let mandate = (!scope.is_empty()).then(|| Mandate {
        scope,
        costs: form.checked(F::MandateCosts),
    });
    let attendance = match form.choice_val(F::Attendance) {
        Val::Attend(1) => Attendance::Video,
        Val::Attend(2) => Attendance::Phone,
        Val::Attend(3) => Attendance::Absent,
        Val::Attend(4) => Attendance::Declined {
            reason: form.text(F::DeclineReason),
        },
        Val::Attend(5) => Attendance::Invited,
        _ => Attendance::InRoom,
    };
    // Only someone there can have been there for part of it.
    let part = if attendance.is_present() {
        part_of(form, lang)?
    } else {
        None
    };
    let opt = |s: String| (!s.is_empty()).then_some(s);
    let id = match idx.and_then(|i| m.participants.get(i)) {
        Some(p) => p.id.clone(),
        None => Id::new("new"),
    };
    let organisation = orgs::chosen(m, form, lang)?;
    let p = Participant {
        id,
        name,
        organisation,
        role: form.text(F::Role),
        kind,
        mandate,
        attendance,
        stand_in: opt(form.text(F::StandIn)),
        contact: opt(form.text(F::Contact)),
        part,
    };
    match idx.and_then(|i| m.participants.get_mut(i)) {
        Some(slot) => *slot = p,
        None => {
            m.add_participant(p);
        }
    }
    Ok(())
}

/// Why participant `p` cannot be deleted: the plan still names them, and would point at
/// nobody.
fn blocker(m: &Meeting, p: &Participant, lang: Lang) -> Option<String> {
    use samsyn::meeting::Reference;
    let places = m.references_to(&p.id).into_iter().map(|r| match r {
        Reference::Action { what, .. } => fill(T::InAction.get(lang), &[&super::short(&what, 40)]),
        Reference::Consent(_) => T::ConsentForm.get(lang).to_lowercase(),
        Reference::OverallResponsibility | Reference::Coordinator => {
            T::Responsibility.get(lang).to_lowercase()
        }
        Reference::FollowUpConvener => T::FConvener.get(lang).to_lowercase(),
    });
    super::refused_while_named(T::CannotDelete, &p.name, places, lang)
}

/// The round of presentations: the participants, and under them their organisations.
pub const ROLES: ListPhase = ListPhase {
    commands: &[
        Cmd::Up,
        Cmd::Down,
        Cmd::Add,
        Cmd::Edit,
        Cmd::Delete,
        Cmd::Details,
        Cmd::AddOrganisation,
        Cmd::Heard,
        Cmd::HeardSelected,
        Cmd::Invitation,
        Cmd::WriteInvitation,
    ],
    render,
    lists: &[
        OneList {
            add: Cmd::Add,
            len: |m| m.participants.len(),
            form,
            index: |t| match t {
                Target::Participant(i) => Some(*i),
                _ => None,
            },
            refresh: |m, form, _| refresh(m, form),
            commit,
            deletion: |m, i, lang| {
                let p = &m.participants[i];
                match blocker(m, p, lang) {
                    Some(why) => Deletion::Refused(why),
                    None => Deletion::Ask {
                        label: p.name.clone(),
                        participant: true,
                    },
                }
            },
            // `deletion` refused it while something names it; the domain refuses it too.
            delete: |m, i| {
                let _ = m.remove_participant(i);
            },
        },
        OneList {
            add: Cmd::AddOrganisation,
            len: |m| m.organisations.len(),
            form: orgs::form,
            index: |t| match t {
                Target::Organisation(i) => Some(*i),
                _ => None,
            },
            refresh: |_, _, _| {},
            commit: orgs::commit,
            deletion: |m, i, lang| match orgs::blocker(m, i, lang) {
                Some(why) => Deletion::Refused(why),
                None => Deletion::ask(&m.organisations[i].name),
            },
            delete: |m, i| {
                let _ = m.remove_organisation(i);
            },
        },
    ],
    other_form: |s, cmd, lang| (cmd == Cmd::Details).then(|| details::form(&s.meeting, lang)),
    participant_at: |m, row| (row < m.participants.len()).then_some(row),
};
