//! What needs someone's attention across the archive (SPEC §8, `samsyn followups`):
//! follow-ups due, actions past their deadline, awaited decisions past their decide-by
//! date, feedback due, consents that run out before the next follow-up, and finalized
//! plans with neither a follow-up nor a closing. Only the latest meeting of each plan
//! counts: a meeting that has been followed up handed its promises on.

use crate::diag::FileError;
use crate::meeting::{ActionStatus, Decision, Meeting, Person};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One meeting file of the archive, read.
pub struct Entry {
    pub path: PathBuf,
    pub meeting: Meeting,
}

/// The meetings in `dir` (not the kept finalized versions, `*.revN.ron`), and the files
/// that could not be read, each with its error.
pub fn scan(dir: &Path) -> (Vec<Entry>, Vec<FileError>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return (Vec::new(), Vec::new());
    };
    let mut paths: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "ron")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().contains(".rev"))
        })
        .collect();
    paths.sort();
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match crate::store::load(&path) {
            Ok(meeting) => entries.push(Entry { path, meeting }),
            Err(e) => errors.push(e),
        }
    }
    (entries, errors)
}

/// The follow-up already started from meeting `id`, if one is in the archive.
pub fn follow_up_of<'e>(entries: &'e [Entry], id: &str) -> Option<&'e Entry> {
    entries
        .iter()
        .find(|e| e.meeting.previous.as_ref().is_some_and(|p| p.id == id))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    FollowUpDue,
    DecisionOverdue,
    ActionOverdue,
    FeedbackDue,
    ConsentExpires,
    NoNextStep,
    /// The kallelse of a meeting to come has not been sent, and its last day is near.
    InvitationNotSent,
    /// The kallelse went out after the agenda's last day for it.
    InvitationLate,
}

impl Kind {
    /// The kind in a few words, for a report line.
    pub fn word(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Kind::FollowUpDue => lang.pick("uppföljning", "follow-up"),
            Kind::DecisionOverdue => lang.pick("beslut inväntas", "decision awaited"),
            Kind::ActionOverdue => lang.pick("insats försenad", "action overdue"),
            Kind::FeedbackDue => lang.pick("återkoppling", "feedback"),
            Kind::ConsentExpires => lang.pick("samtycke går ut", "consent expires"),
            Kind::NoNextStep => {
                lang.pick("ingen uppföljning eller avslut", "no follow-up or closing")
            }
            Kind::InvitationNotSent => lang.pick("kallelsen inte skickad", "notice not sent"),
            Kind::InvitationLate => lang.pick("kallelsen skickades sent", "notice sent late"),
        }
    }
}

/// One thing that needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub kind: Kind,
    /// When it is (was) due; `None` for a plan with no next step.
    pub date: Option<NaiveDate>,
    pub overdue: bool,
    /// From a meeting whose minutes are not finalized yet.
    pub draft: bool,
    pub file: PathBuf,
    pub case_ref: String,
    pub meeting_date: NaiveDate,
    /// What it is about: the action's first line, or the meeting's title.
    pub what: String,
    /// The organisation it belongs to, when it belongs to one.
    pub organisation: Option<String>,
    /// Who is to act: the convener, the decision maker, who reports back.
    pub who: String,
}

/// Everything due by `until` (and everything overdue), most urgent first: overdue before
/// due, earlier before later.
pub fn due(
    entries: &[Entry],
    today: NaiveDate,
    until: NaiveDate,
    lang: crate::i18n::Lang,
) -> Vec<Item> {
    let followed: HashSet<&str> = entries
        .iter()
        .filter_map(|e| e.meeting.previous.as_ref().map(|p| p.id.as_str()))
        .collect();
    let mut out = Vec::new();
    for e in entries {
        let m = &e.meeting;
        if followed.contains(m.id.as_str()) {
            continue;
        }
        let item = |kind, date: Option<NaiveDate>, what: String, org: Option<String>, who| Item {
            kind,
            date,
            overdue: date.is_some_and(|d| d < today),
            draft: !m.is_finalized(),
            file: e.path.clone(),
            case_ref: m.case_ref.clone(),
            meeting_date: m.date,
            what,
            organisation: org,
            who,
        };
        let due_by = |d: NaiveDate| d <= until;
        let person = |p: Option<&Person>| p.map(|p| m.person_name(p)).unwrap_or_default();
        if m.plan_closed.is_some() {
            continue;
        }
        // A follow-up meeting not yet held (or not finalized): the meeting is the date.
        if m.previous.is_some() && !m.is_finalized() && due_by(m.date) {
            out.push(item(
                Kind::FollowUpDue,
                Some(m.date),
                m.title.clone(),
                None,
                m.facilitator.clone(),
            ));
        }
        match &m.follow_up {
            Some(f) if due_by(f.date) => out.push(item(
                Kind::FollowUpDue,
                Some(f.date),
                m.title.clone(),
                None,
                person(f.convener.as_ref()),
            )),
            Some(_) => {}
            None if m.is_finalized() => out.push(item(
                Kind::NoNextStep,
                None,
                m.title.clone(),
                None,
                String::new(),
            )),
            None => {}
        }
        // The previous plan's actions not yet accounted for at a follow-up in progress.
        let open_reviews = m
            .reviews
            .iter()
            .filter(|r| {
                r.outcome.is_none_or(|o| o.goes_on())
                    && r.carried_to
                        .as_ref()
                        .is_none_or(|id| m.action(id).is_none())
            })
            .map(|r| &r.was);
        for a in m.actions.iter().chain(open_reviews) {
            if matches!(a.status, ActionStatus::Done | ActionStatus::Cancelled) {
                continue;
            }
            let what = a.what.lines().next().unwrap_or("").to_string();
            let org = a.organisation.as_ref().map(|o| m.organisation_name(o));
            if let Decision::Awaiting {
                decision_maker,
                decide_by: Some(d),
                ..
            } = &a.decision
                && *d < today
            {
                out.push(item(
                    Kind::DecisionOverdue,
                    Some(*d),
                    what.clone(),
                    org.clone(),
                    decision_maker.clone(),
                ));
            }
            if let Some(d) = a.deadline
                && d < today
            {
                let who = a
                    .performer
                    .as_ref()
                    .map(|p| match p {
                        crate::meeting::Performer::Participant(id) => {
                            m.person_name(&Person::Participant(id.clone()))
                        }
                        crate::meeting::Performer::Family => {
                            crate::i18n::terms::family(lang).into()
                        }
                        crate::meeting::Performer::Named(n) => n.clone(),
                    })
                    .unwrap_or_default();
                out.push(item(
                    Kind::ActionOverdue,
                    Some(d),
                    what.clone(),
                    org.clone(),
                    who,
                ));
            }
            if let Some(f) = &a.feedback
                && let Some(d) = f.by
                && due_by(d)
            {
                out.push(item(
                    Kind::FeedbackDue,
                    Some(d),
                    what.clone(),
                    org.clone(),
                    f.from.clone(),
                ));
            }
        }
        // Consent that runs out before the next follow-up (or before `until`).
        let horizon = m.follow_up.as_ref().map_or(until, |f| f.date.max(until));
        for c in m
            .consents
            .iter()
            // The consents that held at the meeting; one already run out is overdue.
            .filter(|c| c.is_valid_on(m.date))
        {
            if let Some(u) = c.valid_until
                && u < horizon
            {
                out.push(item(
                    Kind::ConsentExpires,
                    Some(u),
                    m.title.clone(),
                    None,
                    m.givers(c),
                ));
            }
        }
    }
    sort(&mut out);
    out
}

/// Most urgent first: overdue before due, earlier before later, then by kind and file.
pub fn sort(items: &mut [Item]) {
    items.sort_by(|a, b| {
        (
            !a.overdue,
            a.date.is_none(),
            a.date,
            a.kind,
            &a.file,
            &a.what,
        )
            .cmp(&(
                !b.overdue,
                b.date.is_none(),
                b.date,
                b.kind,
                &b.file,
                &b.what,
            ))
    });
}

/// The kallelser of meetings still to come: not sent although the agenda's last day for
/// sending (`rules.invitation_days_before`) falls by `until`, or sent after that day.
/// A meeting whose agenda is not in `agendas` is judged by the default number of days.
pub fn invitations<'a>(
    meetings: impl IntoIterator<Item = (&'a Path, &'a Meeting)>,
    today: NaiveDate,
    until: NaiveDate,
    agendas: &crate::agenda::Catalogue,
) -> Vec<Item> {
    let default_days = crate::agenda::Rules::default().invitation_days_before;
    let mut out = Vec::new();
    for (path, m) in meetings {
        if m.is_finalized() || m.date < today {
            continue;
        }
        let days = agendas
            .get(&m.agenda.id)
            .map_or(default_days, |a| a.rules.invitation_days_before);
        let Some(deadline) = m.invitation_deadline(days) else {
            continue;
        };
        let invitation = m.invitation.as_ref();
        let kind = match invitation.and_then(|i| i.sent) {
            None if deadline <= until => Kind::InvitationNotSent,
            Some(sent) if sent > deadline => Kind::InvitationLate,
            _ => continue,
        };
        out.push(Item {
            kind,
            date: Some(deadline),
            overdue: kind == Kind::InvitationNotSent && deadline < today,
            draft: true,
            file: path.to_path_buf(),
            case_ref: m.case_ref.clone(),
            meeting_date: m.date,
            what: m.title.clone(),
            organisation: None,
            who: invitation.map(|i| i.convener.clone()).unwrap_or_default(),
        });
    }
    out
}
