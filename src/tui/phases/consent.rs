//! Consent (samtycke): who gave it, what it covers and does not, its form and validity.

use super::Deletion;
use super::list::{ListPhase, OneList};
use super::{empty_hint, labels};
use crate::tui::app::{App, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{F, Form, FormError, Target, Val};
use crate::tui::widgets;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::i18n::terms;
use samsyn::meeting::{Consent, ConsentForm, Meeting, Person};

pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let m = &s.meeting;
    let items: Vec<Text<'static>> = m
        .consents
        .iter()
        .map(|c| {
            let valid = c.is_valid_on(m.date);
            let (mark, style) = if valid {
                (format!("✓ {}", app.t(T::ValidConsent)), app.theme.ok)
            } else {
                (
                    format!("✗ {}", app.t(T::InvalidConsent)),
                    app.theme.blocking,
                )
            };
            let until = c
                .valid_until
                .map(|d| format!(" · {}", fill(app.t(T::Until), &[&d.to_string()])))
                .unwrap_or_default();
            // The row carries dates: wrapped under the mark, never cut.
            let text = format!(
                "{} · {} · {}{until}",
                app.show(&m.givers(c)),
                terms::consent_form(c.form, app.lang),
                c.date
            );
            let lead = format!("{}  ", " ".repeat(mark.chars().count()));
            let mut lines: Vec<Line> = super::wrapped(&text, area.width, &lead);
            if let Some(first) = lines.first_mut() {
                let rest = first.to_string().split_off(lead.len());
                *first = Line::from(vec![
                    Span::styled(mark, style),
                    Span::raw(format!("  {rest}")),
                ]);
            }
            if !c.organisations.is_empty() {
                let names: Vec<String> = c
                    .organisations
                    .iter()
                    .map(|o| m.organisation_name(o))
                    .collect();
                let orgs = format!("{}: {}", app.t(T::FConsentOrgs), names.join(", "));
                lines.extend(super::wrapped(&orgs, area.width, "   "));
            }
            if !c.scope.is_empty() {
                let scope = format!("{}: {}", app.t(T::FScope), app.show(&c.scope));
                lines.extend(super::wrapped(&scope, area.width, "   "));
            }
            if !c.child_view.is_empty() {
                let view = format!("{}: {}", app.t(T::FChildView), app.show(&c.child_view));
                lines.extend(super::wrapped(&view, area.width, "   "));
            }
            if !c.exclusions.is_empty() {
                let excl = format!("{}: {}", app.t(T::FExclusions), app.show(&c.exclusions));
                lines.extend(super::wrapped(&excl, area.width, "   "));
            }
            Text::from(lines)
        })
        .collect();
    widgets::list(
        &app.theme,
        f,
        area,
        &fill(app.t(T::ConsentsList), &[&m.consents.len().to_string()]),
        items,
        Some(s.selected),
        Some(s.kept(0)),
        Some(empty_hint(app)),
    );
}

/// The family members (and "other"), who give consent.
fn giver_opts(m: &Meeting, lang: Lang, none: bool) -> Vec<crate::tui::form::Opt> {
    labels::person_opts(m, lang, none, true)
}

pub fn form(s: &Session, idx: Option<usize>, lang: Lang) -> Form {
    let m = &s.meeting;
    let c = idx.and_then(|i| m.consents.get(i));
    let mut form = Form::new(
        Target::Consent(idx),
        T::ConsentForm.get(lang).into(),
        m.date,
    );
    let (mut who, name) = labels::person_val(c.and_then(|c| c.given_by.first()));
    let (also, _) = labels::person_val(c.and_then(|c| c.given_by.get(1)));
    if c.is_none()
        && let Some(p) = m.participants.iter().find(|p| p.is_family())
    {
        // Consent is usually given by the guardian or the young person.
        who = Val::Id(p.id.clone());
    }
    let date = c.map_or(m.date, |c| c.date).to_string();
    let opt_date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    form.choice(F::GivenBy, T::FGivenBy, giver_opts(m, lang, false), &who)
        .line(F::GivenByName, T::FGivenByName, &name)
        .choice(
            F::GivenByAlso,
            T::FGivenByAlso,
            labels::person_opts(m, lang, true, false),
            &also,
        );
    // One tick box per organisation: who may share with each other. A new consent
    // names every organisation at the table, which is what it is usually given for.
    for (i, o) in m.organisations.iter().enumerate() {
        let on = c.is_none_or(|c| c.organisations.contains(&o.id));
        form.check_named(
            F::ConsentOrg(i as u16),
            T::FConsentOrgs,
            format!("{}: {}", T::FConsentOrgs.get(lang), o.name),
            on,
        );
    }
    form.line(F::Scope, T::FScope, c.map_or("", |c| c.scope.as_str()))
        .line(
            F::ChildView,
            T::FChildView,
            c.map_or("", |c| c.child_view.as_str()),
        )
        .line(
            F::Exclusions,
            T::FExclusions,
            c.map_or("", |c| c.exclusions.as_str()),
        )
        .choice(
            F::ConsentForm,
            T::FConsentForm,
            labels::consent_form_opts(lang),
            &Val::ConsentForm(c.map_or(ConsentForm::Oral, |c| c.form)),
        )
        .date(F::Date, T::FDate, &date)
        .date(
            F::ValidUntil,
            T::FValidUntil,
            &opt_date(c.and_then(|c| c.valid_until)),
        )
        .date(
            F::Withdrawn,
            T::FWithdrawn,
            &opt_date(c.and_then(|c| c.withdrawn)),
        );
    form
}

pub fn commit(
    m: &mut Meeting,
    form: &Form,
    idx: Option<usize>,
    lang: Lang,
) -> Result<(), FormError> {
    let first = labels::person_from(form.choice_val(F::GivenBy), form.text(F::GivenByName))
        .ok_or_else(|| FormError::missing(F::GivenBy, T::FGivenBy, lang))?;
    let mut given_by = vec![first];
    if let Val::Id(also) = form.choice_val(F::GivenByAlso) {
        let also = Person::Participant(also);
        if !given_by.contains(&also) {
            given_by.push(also);
        }
    }
    let organisations: Vec<_> = m
        .organisations
        .iter()
        .enumerate()
        .filter(|(i, _)| form.checked(F::ConsentOrg(*i as u16)))
        .map(|(_, o)| o.id.clone())
        .collect();
    let scope = form.text(F::Scope);
    if scope.is_empty() && organisations.is_empty() {
        return Err(FormError::missing(F::Scope, T::FScope, lang));
    }
    let date_of = |id: F| form.optional_date(id, lang);
    let date = date_of(F::Date)?.unwrap_or(m.date);
    let consent = Consent {
        given_by,
        organisations,
        scope,
        child_view: form.text(F::ChildView),
        exclusions: form.text(F::Exclusions),
        form: match form.choice_val(F::ConsentForm) {
            Val::ConsentForm(f) => f,
            _ => ConsentForm::Oral,
        },
        date,
        valid_until: match form.text(F::ValidUntil) {
            t if t.is_empty() => None,
            t => Some(
                crate::tui::dates::parse(&t, date)
                    .map_err(|_| FormError::at(F::ValidUntil, fill(T::BadDate.get(lang), &[&t])))?
                    .date,
            ),
        },
        withdrawn: date_of(F::Withdrawn)?,
    };
    match idx.and_then(|i| m.consents.get_mut(i)) {
        Some(slot) => *slot = consent,
        None => m.consents.push(consent),
    }
    Ok(())
}

/// The day the consent in `form` was given (the meeting's day when none is typed or it
/// is not understood yet): what a relative validity ("6 månader") counts from.
fn consent_date(m: &Meeting, form: &Form) -> chrono::NaiveDate {
    form.when(F::Date).ok().flatten().map_or(m.date, |w| w.date)
}

/// "6 månader" counts from the day the consent was given, as it is said.
fn refresh(m: &Meeting, form: &mut Form, lang: Lang) {
    let text = form.text(F::ValidUntil);
    if !text.is_empty() {
        let given = consent_date(m, form);
        form.set_note(
            F::ValidUntil,
            Some(crate::tui::dates::note(&text, given, lang)),
        );
    }
}

/// Consent: who gave it, for what, until when.
pub const CONSENTS: ListPhase = ListPhase {
    commands: &[Cmd::Up, Cmd::Down, Cmd::Add, Cmd::Edit, Cmd::Delete],
    render,
    lists: &[OneList {
        add: Cmd::Add,
        len: |m| m.consents.len(),
        form,
        index: |t| match t {
            Target::Consent(i) => Some(*i),
            _ => None,
        },
        refresh,
        commit,
        deletion: |m, i, _| Deletion::ask(m.givers(&m.consents[i])),
        delete: |m, i| {
            samsyn::meeting::remove_at(&mut m.consents, i);
        },
    }],
    other_form: |_, _, _| None,
    participant_at: |_, _| None,
};
