//! Organisations on screen: the choice every form uses to name one (the meeting's, then
//! the user's directory, then "new"), the form that edits one, and the list the Roles
//! phase shows under the participants ("what does each of us do?").

use super::labels;
use crate::tui::app::Session;
use crate::tui::form::{F, Form, FormError, Opt, Target, Val};
use samsyn::directory::{self, Directory};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::i18n::terms;
use samsyn::meeting::{Huvudman, Id, Meeting, OrgReference, Organisation};

/// What the organisation choice leads with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// Nothing chosen: "—".
    Nothing,
    /// The family, which is no organisation.
    Family,
    /// An organisation must be chosen.
    Required,
}

/// "Björkhagaskolan (kommun)".
pub fn label(o: &Organisation, lang: Lang) -> String {
    format!("{} ({})", o.name, terms::huvudman(o.huvudman, lang))
}

/// The options of an organisation field: the meeting's organisations, the directory's
/// not yet in the meeting, then "new organisation".
pub fn opts(m: &Meeting, dir: &Directory, lang: Lang, lead: Lead) -> Vec<Opt> {
    opts_of(m, dir, lang, lead, &[])
}

/// The options, only of the huvudmän in `allowed` (all when it is empty).
pub fn opts_of(
    m: &Meeting,
    dir: &Directory,
    lang: Lang,
    lead: Lead,
    allowed: &[Huvudman],
) -> Vec<Opt> {
    let ok = |h: Huvudman| allowed.is_empty() || allowed.contains(&h);
    let mut out = match lead {
        Lead::Nothing => vec![labels::none_opt(lang)],
        Lead::Family => vec![Opt {
            label: T::OFamilyOwn.get(lang).into(),
            val: Val::Family,
        }],
        Lead::Required => Vec::new(),
    };
    out.extend(
        m.organisations
            .iter()
            .filter(|o| ok(o.huvudman))
            .map(|o| Opt {
                label: label(o, lang),
                val: Val::Id(o.id.clone()),
            }),
    );
    out.extend(
        dir.not_in(m)
            .filter(|(_, e)| ok(e.huvudman))
            .map(|(i, e)| Opt {
                label: fill(
                    T::OFromDirectory.get(lang),
                    &[&format!(
                        "{} ({})",
                        e.name,
                        terms::huvudman(e.huvudman, lang)
                    )],
                ),
                val: Val::Import(dir.chain(i)),
            }),
    );
    out.push(Opt {
        label: T::ONewOrg.get(lang).into(),
        val: Val::Other,
    });
    out
}

/// The organisation choice with the fields a new one needs (its name and huvudman).
pub fn fields(form: &mut Form, s: &Session, lang: Lang, lead: Lead, current: &Val) {
    fields_of(form, s, lang, (lead, T::FOrganisation), current, &[]);
}

/// The organisation fields, labelled `label`, offering only the huvudmän in `allowed`
/// (all when it is empty).
pub fn fields_of(
    form: &mut Form,
    s: &Session,
    lang: Lang,
    (lead, title): (Lead, T),
    current: &Val,
    allowed: &[Huvudman],
) {
    let m = &s.meeting;
    let huvudmän: Vec<Opt> = labels::huvudman_opts(lang)
        .into_iter()
        .filter(|o| matches!(o.val, Val::Huvudman(h) if allowed.is_empty() || allowed.contains(&h)))
        .collect();
    let mut opts = opts_of(m, &s.directory, lang, lead, allowed);
    // What is recorded stays selectable, so opening the form never drops it; the rules
    // say what is wrong with it.
    if let Val::Id(id) = current
        && !opts.iter().any(|o| &o.val == current)
        && let Some(o) = m.organisation(id)
    {
        opts.insert(
            usize::from(lead != Lead::Required),
            Opt {
                label: label(o, lang),
                val: current.clone(),
            },
        );
    }
    form.choice(F::Organisation, title, opts, current)
        .line(F::OrgName, T::FOrgNew, "")
        .choice(
            F::Huvudman,
            T::FNewHuvudman,
            huvudmän,
            &Val::Huvudman(Huvudman::Kommun),
        );
}

/// A new organisation's name and huvudman are asked only when "new" is chosen.
pub fn ask_new(form: &mut Form) {
    if form.field(F::Organisation).is_some() {
        let new = form.choice_val(F::Organisation) == Val::Other;
        form.set_hidden(F::OrgName, !new);
        form.set_hidden(F::Huvudman, !new);
    }
}

/// The chosen organisation as the meeting will have it once the form is saved: its id,
/// adding a directory entry or a new organisation to `m`. `Ok(None)`: the family, or
/// nothing chosen.
pub fn chosen(m: &mut Meeting, form: &Form, lang: Lang) -> Result<Option<Id>, FormError> {
    match form.choice_val(F::Organisation) {
        Val::Id(id) => Ok(Some(id)),
        Val::Import(chain) => Ok(directory::import(m, &chain)),
        Val::Other => {
            let name = form.text(F::OrgName);
            if name.is_empty() {
                return Err(FormError::at(F::OrgName, T::NeedOrganisation.get(lang)));
            }
            if let Some(id) = directory::find_in_meeting(m, &name) {
                return Ok(Some(id));
            }
            let huvudman = match form.choice_val(F::Huvudman) {
                Val::Huvudman(h) => h,
                _ => Huvudman::Annan,
            };
            Ok(Some(m.add_organisation(Organisation {
                id: Id::new(""),
                name,
                huvudman,
                mission: String::new(),
                parent: None,
            })))
        }
        _ => Ok(None),
    }
}

/// A probe of the meeting with the chosen organisation in it, for asking the rules
/// before the form is saved; the meeting itself when nothing new is chosen.
pub fn probe<'m>(
    m: &'m Meeting,
    form: &Form,
    lang: Lang,
) -> (std::borrow::Cow<'m, Meeting>, Option<Id>) {
    match form.choice_val(F::Organisation) {
        Val::Id(id) => (std::borrow::Cow::Borrowed(m), Some(id)),
        Val::Import(_) | Val::Other => {
            let mut copy = m.clone();
            let id = chosen(&mut copy, form, lang).ok().flatten();
            (std::borrow::Cow::Owned(copy), id)
        }
        _ => (std::borrow::Cow::Borrowed(m), None),
    }
}

/// The form of one organisation: name, huvudman, the unit it is part of, its mission.
pub fn form(s: &Session, idx: Option<usize>, lang: Lang) -> Form {
    let m = &s.meeting;
    let o = idx.and_then(|i| m.organisations.get(i));
    let mut form = Form::new(
        Target::Organisation(idx),
        T::OrganisationForm.get(lang).into(),
        m.date,
    );
    let parents: Vec<Opt> = std::iter::once(labels::none_opt(lang))
        .chain(
            m.organisations
                .iter()
                // Not itself, nor one of its own units.
                .filter(|p| o.is_none_or(|o| !m.covers(&o.id, &p.id)))
                .map(|p| Opt {
                    label: label(p, lang),
                    val: Val::Id(p.id.clone()),
                }),
        )
        .collect();
    form.line(F::OrgName, T::FOrgName, o.map_or("", |o| o.name.as_str()))
        .choice(
            F::Huvudman,
            T::FHuvudman,
            labels::huvudman_opts(lang),
            &Val::Huvudman(o.map_or(Huvudman::Kommun, |o| o.huvudman)),
        )
        .choice(
            F::OrgParent,
            T::FOrgParent,
            parents,
            &o.and_then(|o| o.parent.clone()).map_or(Val::None, Val::Id),
        )
        .multi(
            F::Mission,
            T::FMission,
            o.map_or("", |o| o.mission.as_str()),
        );
    form
}

pub fn commit(
    m: &mut Meeting,
    form: &Form,
    idx: Option<usize>,
    lang: Lang,
) -> Result<(), FormError> {
    let name = form.required(F::OrgName, T::NeedName.get(lang))?;
    let own = idx
        .and_then(|i| m.organisations.get(i))
        .map(|o| o.id.clone());
    if let Some(other) = directory::find_in_meeting(m, &name)
        && Some(&other) != own.as_ref()
    {
        return Err(FormError::at(
            F::OrgName,
            fill(T::OrgNameTaken.get(lang), &[&name]),
        ));
    }
    let parent = match form.choice_val(F::OrgParent) {
        Val::Id(p) => Some(p),
        _ => None,
    };
    if let (Some(own), Some(p)) = (&own, &parent)
        && m.covers(own, p)
    {
        return Err(FormError::at(F::OrgParent, T::OrgCircle.get(lang)));
    }
    let huvudman = match form.choice_val(F::Huvudman) {
        Val::Huvudman(h) => h,
        _ => Huvudman::Annan,
    };
    let o = Organisation {
        id: own.clone().unwrap_or_else(|| Id::new("")),
        name,
        huvudman,
        mission: form.text(F::Mission),
        parent,
    };
    match idx.and_then(|i| m.organisations.get_mut(i)) {
        Some(slot) => *slot = o,
        None => {
            m.add_organisation(o);
        }
    }
    Ok(())
}

/// Why organisation `index` cannot be deleted, naming what still refers to it.
pub fn blocker(m: &Meeting, index: usize, lang: Lang) -> Option<String> {
    let o = m.organisations.get(index)?;
    let places = m
        .references_to_organisation(&o.id)
        .into_iter()
        .map(|r| match r {
            OrgReference::Unit(name) | OrgReference::Participant(name) => name,
            OrgReference::Action(what) => fill(T::InAction.get(lang), &[&super::short(&what, 40)]),
            OrgReference::Consent => T::ConsentForm.get(lang).to_lowercase(),
            OrgReference::OverallResponsibility => T::Responsibility.get(lang).to_lowercase(),
        });
    super::refused_while_named(T::OrgInUse, &o.name, places, lang)
}

/// One row of the organisation list: "Björkhagaskolan (kommun), del av … — uppdrag".
pub fn row(m: &Meeting, o: &Organisation, lang: Lang) -> String {
    let mut t = label(o, lang);
    if let Some(p) = &o.parent {
        t += &format!(
            ", {}",
            fill(T::PartOf.get(lang), &[&m.organisation_name(p)])
        );
    }
    let mission = o.mission.lines().next().unwrap_or("").trim();
    if !mission.is_empty() {
        t += &format!(" — {mission}");
    }
    t
}
