//! Summary: which huvudman holds the overall responsibility, who coordinates, and the
//! disagreements — written down, not hidden. Finalizing starts here or at the follow-up.

use super::{Deletion, Phase, Rows};
use super::{labels, orgs};
use crate::tui::app::{App, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{F, Form, FormError, Target, Val};
use crate::tui::widgets;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Text};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::i18n::terms;
use samsyn::meeting::{Id, Meeting, Person, Responsibility};

/// Rows before the disagreements: responsibility and coordinator, distribution list.
pub const FIRST_DISAGREEMENT: usize = 2;

/// Who holds the overall responsibility ("Socialtjänsten (kommun) — Eva Berg", the
/// organisation as `org` names it) and who coordinates; `not_set` for either not named.
pub fn responsibility(m: &Meeting, org: impl Fn(&Id) -> String, not_set: &str) -> (String, String) {
    let resp = m.overall_responsible.as_ref().map_or_else(
        || not_set.to_string(),
        |r| {
            let person = r
                .person
                .as_ref()
                .map(|p| format!(" — {}", m.person_name(p)))
                .unwrap_or_default();
            format!("{}{person}", org(&r.organisation))
        },
    );
    let coord = m
        .coordinator
        .as_ref()
        .map_or_else(|| not_set.to_string(), |p| m.person_name(p));
    (resp, coord)
}

pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let m = &s.meeting;
    let org = |id: &Id| {
        m.organisation(id)
            .map_or_else(|| id.to_string(), |o| orgs::label(o, app.lang))
    };
    let (resp, coord) = responsibility(m, org, app.t(T::NotSet));
    let mut items = vec![Text::from(vec![
        super::kv(app, app.t(T::Responsibility), &resp),
        super::kv(app, app.t(T::Coordinator), &coord),
    ])];
    let distribution = if m.distribution.is_empty() {
        app.t(T::DistributionEmpty).to_string()
    } else {
        m.distribution.join(", ")
    };
    let line = format!("{}: {}", app.t(T::Distribution), app.show(&distribution));
    items.push(Text::from(super::wrapped(&line, area.width, "")));
    items.extend(
        m.disagreements
            .iter()
            .map(|d| Text::from(super::wrapped(&app.show(d), area.width, "≠ "))),
    );
    let [list, hint] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
    widgets::list(
        &app.theme,
        f,
        list,
        s.phase().title.get(app.lang),
        items,
        Some(s.selected),
        Some(s.kept(0)),
        None,
    );
    finalize_hint(app, s, f, hint);
}

/// "l reads the plan back to everyone · F finalizes when all is done"
pub fn finalize_hint(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    if s.meeting.is_finalized() {
        return;
    }
    let text = fill(
        app.t(T::PressReadBack),
        &[
            &app.keys.label(Cmd::ReadBack),
            &app.keys.label(Cmd::Finalize),
        ],
    );
    f.render_widget(
        ratatui::widgets::Paragraph::new(Line::styled(text, app.theme.key)),
        area,
    );
}

pub fn form(s: &Session, lang: Lang) -> Form {
    let m = &s.meeting;
    let r = m.overall_responsible.as_ref();
    let mut form = Form::new(Target::Summary, T::SummaryForm.get(lang).into(), m.date);
    let (person, _) = labels::person_val(r.and_then(|r| r.person.as_ref()));
    let (coord, coord_name) = labels::person_val(m.coordinator.as_ref());
    // In a SIP only a huvudman the agenda names (kommun, region) may hold it: only
    // those are offered, and the form says why.
    let allowed = &s.agenda.rules.overall_responsible_huvudman;
    orgs::fields_of(
        &mut form,
        s,
        lang,
        (orgs::Lead::Nothing, T::FOverallOrg),
        &r.map_or(Val::None, |r| Val::Id(r.organisation.clone())),
        allowed,
    );
    if !allowed.is_empty() {
        let names: Vec<&str> = allowed.iter().map(|h| terms::huvudman(*h, lang)).collect();
        form.set_note(
            F::Organisation,
            Some((
                fill(
                    T::OverallOnly.get(lang),
                    &[&names.join(samsyn::i18n::terms::or(lang))],
                ),
                false,
            )),
        );
    }
    form.choice(
        F::OverallPerson,
        T::FOverallPerson,
        labels::person_opts(m, lang, true, false),
        &person,
    )
    .choice(
        F::Coordinator,
        T::FCoordinator,
        labels::person_opts(m, lang, true, true),
        &coord,
    )
    .line(F::CoordinatorName, T::FCoordinatorName, &coord_name);
    form
}

pub fn commit(m: &mut Meeting, form: &Form, lang: Lang) -> Result<(), FormError> {
    let mut next = m.clone();
    let org = orgs::chosen(&mut next, form, lang)?;
    let person = labels::person_from(form.choice_val(F::OverallPerson), String::new());
    let overall = match (org, person) {
        (Some(organisation), person) => Some(Responsibility {
            organisation,
            person,
        }),
        // A person without the organisation they answer for would be dropped.
        (None, Some(_)) => {
            return Err(FormError::at(
                F::Organisation,
                T::NeedOrganisation.get(lang),
            ));
        }
        (None, None) => None,
    };
    if let Some(r) = &overall
        && let Some(Person::Participant(id)) = &r.person
        && let Some(p) = next.participant(id)
        && !p.is_family()
        && !p
            .organisation
            .as_ref()
            .is_some_and(|own| next.covers(&r.organisation, own))
    {
        return Err(FormError::at(
            F::OverallPerson,
            fill(
                T::PersonNotOfOrg.get(lang),
                &[&p.name, &next.organisation_name(&r.organisation)],
            ),
        ));
    }
    next.overall_responsible = overall;
    next.coordinator = labels::person_from(
        form.choice_val(F::Coordinator),
        form.text(F::CoordinatorName),
    );
    *m = next;
    Ok(())
}

pub fn disagreement_form(m: &Meeting, idx: Option<usize>, lang: Lang) -> Form {
    let mut form = Form::new(
        Target::Disagreement(idx),
        T::DisagreementForm.get(lang).into(),
        m.date,
    );
    form.multi(
        F::Text,
        T::FText,
        idx.and_then(|i| m.disagreements.get(i))
            .map_or("", |s| s.as_str()),
    );
    form
}

pub fn commit_disagreement(
    m: &mut Meeting,
    form: &Form,
    idx: Option<usize>,
    lang: Lang,
) -> Result<(), FormError> {
    super::commit_text_item(&mut m.disagreements, form, idx, T::FText, lang)
}

/// Sändlista: who receives the minutes beyond the participants, one per line.
pub fn distribution_form(m: &Meeting, lang: Lang) -> Form {
    let mut form = Form::new(
        Target::Distribution,
        T::Distribution.get(lang).into(),
        m.date,
    );
    form.intro = Some(T::DistributionIntro.get(lang).into());
    form.multi(F::Text, T::Distribution, &m.distribution.join("\n"));
    form
}

pub fn commit_distribution(m: &mut Meeting, form: &Form) -> Result<(), FormError> {
    m.distribution = form
        .text(F::Text)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    Ok(())
}

/// The summary: responsibility, coordinator, distribution list, disagreements.
pub struct Summary;

impl Phase for Summary {
    fn commands(&self) -> &'static [Cmd] {
        &[
            Cmd::Up,
            Cmd::Down,
            Cmd::Edit,
            Cmd::Delete,
            Cmd::AddDisagreement,
            Cmd::ReadBack,
            Cmd::Finalize,
        ]
    }

    fn rows(&self, s: &Session) -> Rows {
        Rows::List(FIRST_DISAGREEMENT + s.meeting.disagreements.len())
    }

    fn render(&self, app: &App, s: &Session, f: &mut Frame, area: Rect) {
        render(app, s, f, area);
    }

    fn open(&self, s: &Session, cmd: Cmd, lang: Lang) -> Option<Form> {
        let m = &s.meeting;
        match (cmd, s.selected) {
            (Cmd::Edit, 0) => Some(form(s, lang)),
            (Cmd::Edit, 1) => Some(distribution_form(m, lang)),
            (Cmd::Edit, i) => Some(disagreement_form(m, Some(i - FIRST_DISAGREEMENT), lang)),
            (Cmd::AddDisagreement, _) => Some(disagreement_form(m, None, lang)),
            _ => None,
        }
    }

    fn reopen(&self, s: &Session, target: &Target, lang: Lang) -> Option<Form> {
        let m = &s.meeting;
        match target {
            Target::Summary => Some(form(s, lang)),
            Target::Distribution => Some(distribution_form(m, lang)),
            Target::Disagreement(i) if i.is_none_or(|i| i < m.disagreements.len()) => {
                Some(disagreement_form(m, *i, lang))
            }
            _ => None,
        }
    }

    fn row_of(&self, m: &Meeting, target: &Target) -> usize {
        match target {
            Target::Distribution => 1,
            Target::Disagreement(Some(i)) => FIRST_DISAGREEMENT + i,
            Target::Disagreement(None) => {
                FIRST_DISAGREEMENT + m.disagreements.len().saturating_sub(1)
            }
            _ => 0,
        }
    }

    fn refresh(&self, _: &Meeting, _: &mut Form, _: Lang) {}

    fn commit(&self, m: &mut Meeting, form: &Form, lang: Lang) -> Result<(), FormError> {
        match form.target {
            Target::Summary => commit(m, form, lang),
            Target::Distribution => commit_distribution(m, form),
            Target::Disagreement(i) => commit_disagreement(m, form, i, lang),
            _ => Err(super::foreign(form)),
        }
    }

    fn deletion(&self, s: &Session, _: Lang) -> Option<Deletion> {
        let i = s.selected.checked_sub(FIRST_DISAGREEMENT)?;
        let d = s.meeting.disagreements.get(i)?;
        Some(Deletion::ask(super::short(d, 50)))
    }

    fn delete(&self, m: &mut Meeting, row: usize) {
        if let Some(i) = row.checked_sub(FIRST_DISAGREEMENT) {
            samsyn::meeting::remove_at(&mut m.disagreements, i);
        }
    }

    fn participant_at(&self, _: &Meeting, _: usize) -> Option<usize> {
        None
    }
}
