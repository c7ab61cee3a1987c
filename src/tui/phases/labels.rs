//! Names of the domain's choices as the screen shows them, and the option lists that
//! forms offer for them.

use crate::tui::form::{Opt, Val};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::T;
use samsyn::i18n::terms;
use samsyn::meeting::{
    ActionStatus, Attendance, ConsentForm, GoalKind, Huvudman, Meeting, ParticipantKind, Person,
};

/// Attendance as the form's choice numbers it: 0 room, 1 video, 2 phone, 3 absent,
/// 4 declined, 5 invited (not yet here).
pub fn attendance_code(a: &Attendance) -> u8 {
    match a {
        Attendance::Invited => 5,
        Attendance::InRoom => 0,
        Attendance::Video => 1,
        Attendance::Phone => 2,
        Attendance::Absent => 3,
        Attendance::Declined { .. } => 4,
    }
}

/// One value of each attendance, in the form's order.
const ATTEND: [Attendance; 6] = [
    Attendance::InRoom,
    Attendance::Video,
    Attendance::Phone,
    Attendance::Absent,
    Attendance::Declined {
        reason: String::new(),
    },
    Attendance::Invited,
];

pub fn opt(label: impl Into<String>, val: Val) -> Opt {
    Opt {
        label: label.into(),
        val,
    }
}

/// "—": nothing chosen.
pub fn none_opt(lang: Lang) -> Opt {
    opt(T::ONone.get(lang), Val::None)
}

pub fn huvudman_opts(lang: Lang) -> Vec<Opt> {
    Huvudman::ALL
        .iter()
        .map(|h| opt(terms::huvudman(*h, lang), Val::Huvudman(*h)))
        .collect()
}

pub fn kind_opts(lang: Lang) -> Vec<Opt> {
    ParticipantKind::ALL
        .iter()
        .map(|k| opt(terms::participant_kind(*k, lang), Val::Kind(*k)))
        .collect()
}

pub fn attendance_opts(lang: Lang) -> Vec<Opt> {
    ATTEND
        .iter()
        .enumerate()
        .map(|(i, a)| opt(terms::attendance_word(a, lang), Val::Attend(i as u8)))
        .collect()
}

pub fn consent_form_opts(lang: Lang) -> Vec<Opt> {
    [ConsentForm::Oral, ConsentForm::Written]
        .iter()
        .map(|f| opt(terms::consent_form(*f, lang), Val::ConsentForm(*f)))
        .collect()
}

pub fn goal_kind_opts(lang: Lang) -> Vec<Opt> {
    [GoalKind::LongTerm, GoalKind::ShortTerm]
        .iter()
        .map(|k| opt(terms::goal_kind(*k, lang), Val::GoalKind(*k)))
        .collect()
}

pub fn status_opts(lang: Lang) -> Vec<Opt> {
    ActionStatus::ALL
        .iter()
        .map(|s| opt(terms::action_status(*s, lang), Val::Status(*s)))
        .collect()
}

pub fn score_opts() -> Vec<Opt> {
    std::iter::once(opt("—", Val::Score(None)))
        .chain((1..=5).map(|n| opt(n.to_string(), Val::Score(Some(n)))))
        .collect()
}

/// "Lena Ek (rektor, Skola: Nyboskolan)".
pub fn participant_label(m: &Meeting, id: &samsyn::meeting::Id) -> String {
    m.participant(id).map_or_else(
        || id.to_string(),
        |p| {
            let mut s = p.name.clone();
            let org = m.organisation_of(id).map_or("", |o| o.name.as_str());
            let extra: Vec<&str> = [p.role.as_str(), org]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect();
            if !extra.is_empty() {
                s.push_str(&format!(" ({})", extra.join(", ")));
            }
            s
        },
    )
}

/// The participants, optionally preceded by "—" and followed by "other".
pub fn person_opts(m: &Meeting, lang: Lang, none: bool, other: bool) -> Vec<Opt> {
    let mut out = Vec::new();
    if none {
        out.push(none_opt(lang));
    }
    for p in &m.participants {
        out.push(opt(participant_label(m, &p.id), Val::Id(p.id.clone())));
    }
    if other {
        out.push(opt(T::OOther.get(lang), Val::Other));
    }
    out
}

/// A person choice as a value plus the "other" name.
pub fn person_val(p: Option<&Person>) -> (Val, String) {
    match p {
        None => (Val::None, String::new()),
        Some(Person::Participant(id)) => (Val::Id(id.clone()), String::new()),
        Some(Person::Named(n)) => (Val::Other, n.clone()),
    }
}

/// Back from the form: `None` when nothing is chosen or the name is empty.
pub fn person_from(val: Val, name: String) -> Option<Person> {
    match val {
        Val::Id(id) => Some(Person::Participant(id)),
        Val::Other if !name.is_empty() => Some(Person::Named(name)),
        _ => None,
    }
}
