//! What needs someone's attention across the archive (SPEC §8, `samsyn followups`):
//! follow-ups due, actions past their deadline, awaited decisions past their decide-by
//! date, feedback due, consents that run out before the next follow-up, and finalized
//! plans with neither a follow-up nor a closing. Only the latest meeting of each plan
//! counts: a meeting that has been followed up handed its promises on.

use crate::diag::FileError;
use crate::meeting::{ActionStatus, Decision, Meeting, Person};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
        use crate::i18n::terms::attention as a;
        match self {
            Kind::FollowUpDue => a::FOLLOW_UP_DUE,
            Kind::DecisionOverdue => a::DECISION_OVERDUE,
            Kind::ActionOverdue => a::ACTION_OVERDUE,
            Kind::FeedbackDue => a::FEEDBACK_DUE,
            Kind::ConsentExpires => a::CONSENT_EXPIRES,
            Kind::NoNextStep => a::NO_NEXT_STEP,
            Kind::InvitationNotSent => a::INVITATION_NOT_SENT,
            Kind::InvitationLate => a::INVITATION_LATE,
        }
        .get(lang)
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

/// What a meeting's file tells the archive: what the start screen shows of it, and
/// what may need attention, reduced so that it no longer depends on the day it is read
/// (`due` judges it against today). The archive's index (`crate::archive`) keeps one of
/// these per file, so a look at the archive need not read every meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub date: NaiveDate,
    pub start: Option<chrono::NaiveTime>,
    pub agenda: String,
    pub finalized: bool,
    pub case_ref: String,
    /// The date of the follow-up the meeting set.
    pub follow_up: Option<NaiveDate>,
    /// The meeting this one follows up, by id.
    pub previous: Option<String>,
    /// The family's names (with their initials) and the professionals', for the mask.
    pub people: (Vec<(String, String)>, Vec<String>),
    /// What may need attention, each with the condition under which it does.
    pub candidates: Vec<Candidate>,
    /// The candidates' texts, one each, in their order. (Kept apart: counting and
    /// ranking what is due needs only the candidates, and the archive's index leaves
    /// the texts in a second file until a row drawn needs them.)
    pub texts: Vec<CandidateText>,
    /// The kallelse of a draft: whether and when it was sent, and who convenes.
    pub invitation_sent: Option<NaiveDate>,
    pub convener: Option<String>,
}

/// One thing that may need attention, and when it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub kind: Kind,
    pub date: Option<NaiveDate>,
    pub when: When,
}

/// What a candidate is about, the organisation it belongs to and who is to act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateText {
    pub what: String,
    pub organisation: Option<String>,
    pub who: Who,
}

/// When a candidate is due, against the day the archive is looked at (`today`) and the
/// last day looked ahead to (`until`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// Its date is on or before `until`.
    ByUntil,
    /// Its date is before today.
    BeforeToday,
    /// Its date is before the later of `until` and this day (the next follow-up).
    Before(Option<NaiveDate>),
}

/// Who is to act: a name, or the family (said in the report's language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Who {
    Named(String),
    Family,
}

impl Summary {
    /// The summary of a meeting.
    pub fn of(m: &Meeting) -> Summary {
        let (candidates, texts) = candidates(m).into_iter().unzip();
        Summary {
            id: m.id.clone(),
            title: m.title.clone(),
            date: m.date,
            start: m.start,
            agenda: m.agenda.id.clone(),
            finalized: m.is_finalized(),
            case_ref: m.case_ref.clone(),
            follow_up: m.follow_up.as_ref().map(|f| f.date),
            previous: m.previous.as_ref().map(|p| p.id.clone()),
            people: crate::meeting::Pseudonyms::people_of(m),
            candidates,
            texts,
            invitation_sent: m.invitation.as_ref().and_then(|i| i.sent),
            convener: m.invitation.as_ref().map(|i| i.convener.clone()),
        }
    }
}

/// Everything in `m` that may need attention, whatever the day.
fn candidates(m: &Meeting) -> Vec<(Candidate, CandidateText)> {
    let mut out = Vec::new();
    if m.plan_closed.is_some() {
        return out;
    }
    let item = |kind, date: Option<NaiveDate>, when, what: String, org: Option<String>, who| {
        (
            Candidate { kind, date, when },
            CandidateText {
                what,
                organisation: org,
                who,
            },
        )
    };
    let person = |p: Option<&Person>| p.map(|p| m.person_name(p)).unwrap_or_default();
    // A follow-up meeting not yet held (or not finalized): the meeting is the date.
    if m.previous.is_some() && !m.is_finalized() {
        out.push(item(
            Kind::FollowUpDue,
            Some(m.date),
            When::ByUntil,
            m.title.clone(),
            None,
            Who::Named(m.facilitator.clone()),
        ));
    }
    match &m.follow_up {
        Some(f) => out.push(item(
            Kind::FollowUpDue,
            Some(f.date),
            When::ByUntil,
            m.title.clone(),
            None,
            Who::Named(person(f.convener.as_ref())),
        )),
        None if m.is_finalized() => out.push(item(
            Kind::NoNextStep,
            None,
            When::Always,
            m.title.clone(),
            None,
            Who::Named(String::new()),
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
        {
            out.push(item(
                Kind::DecisionOverdue,
                Some(*d),
                When::BeforeToday,
                what.clone(),
                org.clone(),
                Who::Named(decision_maker.clone()),
            ));
        }
        if let Some(d) = a.deadline {
            let who = match &a.performer {
                None => Who::Named(String::new()),
                Some(crate::meeting::Performer::Participant(id)) => {
                    Who::Named(m.person_name(&Person::Participant(id.clone())))
                }
                Some(crate::meeting::Performer::Family) => Who::Family,
                Some(crate::meeting::Performer::Named(n)) => Who::Named(n.clone()),
            };
            out.push(item(
                Kind::ActionOverdue,
                Some(d),
                When::BeforeToday,
                what.clone(),
                org.clone(),
                who,
            ));
        }
        if let Some(f) = &a.feedback
            && let Some(d) = f.by
        {
            out.push(item(
                Kind::FeedbackDue,
                Some(d),
                When::ByUntil,
                what.clone(),
                org.clone(),
                Who::Named(f.from.clone()),
            ));
        }
    }
    // Consent that runs out before the next follow-up (or before `until`).
    let next = m.follow_up.as_ref().map(|f| f.date);
    for c in m
        .consents
        .iter()
        // The consents that held at the meeting; one already run out is overdue.
        .filter(|c| c.is_valid_on(m.date))
    {
        if let Some(u) = c.valid_until {
            out.push(item(
                Kind::ConsentExpires,
                Some(u),
                When::Before(next),
                m.title.clone(),
                None,
                Who::Named(m.givers(c)),
            ));
        }
    }
    out
}

/// Everything due by `until` (and everything overdue), most urgent first: overdue before
/// due, earlier before later.
pub fn due(
    entries: &[Entry],
    today: NaiveDate,
    until: NaiveDate,
    lang: crate::i18n::Lang,
) -> Vec<Item> {
    let summaries: Vec<Summary> = entries.iter().map(|e| Summary::of(&e.meeting)).collect();
    due_in(
        entries.iter().map(|e| e.path.as_path()).zip(&summaries),
        today,
        until,
        lang,
    )
}

/// `due` over the archive's summaries.
pub fn due_in<'a>(
    summaries: impl IntoIterator<Item = (&'a Path, &'a Summary)> + Clone,
    today: NaiveDate,
    until: NaiveDate,
    lang: crate::i18n::Lang,
) -> Vec<Item> {
    let summaries: Vec<(&Path, &Summary)> = summaries.into_iter().collect();
    // A summary whose texts were left in the index's details file has none here.
    let none = CandidateText {
        what: String::new(),
        organisation: None,
        who: Who::Named(String::new()),
    };
    let mut out: Vec<Item> = due_refs(summaries.iter().map(|(_, s)| *s), today, until)
        .into_iter()
        .map(|(i, j)| {
            let (path, s) = summaries[i];
            let t = s.texts.get(j).unwrap_or(&none);
            item(
                path,
                s,
                &s.candidates[j],
                (&t.what, t.organisation.as_deref(), &t.who),
                today,
                lang,
            )
        })
        .collect();
    sort(&mut out);
    out
}

/// Which of `summaries`' candidates are due by `until` (or overdue): each as the
/// summary's place and the candidate's, in the summaries' order.
pub fn due_refs<'a>(
    summaries: impl IntoIterator<Item = &'a Summary> + Clone,
    today: NaiveDate,
    until: NaiveDate,
) -> Vec<(usize, usize)> {
    let followed: HashSet<&str> = summaries
        .clone()
        .into_iter()
        .filter_map(|s| s.previous.as_deref())
        .collect();
    let mut out = Vec::new();
    for (i, s) in summaries.into_iter().enumerate() {
        if followed.contains(s.id.as_str()) {
            continue;
        }
        for (j, c) in s.candidates.iter().enumerate() {
            let holds = match (c.when, c.date) {
                (When::Always, _) => true,
                (_, None) => false,
                (When::ByUntil, Some(d)) => d <= until,
                (When::BeforeToday, Some(d)) => d < today,
                (When::Before(next), Some(d)) => d < next.map_or(until, |n| n.max(until)),
            };
            if holds {
                out.push((i, j));
            }
        }
    }
    out
}

/// The item candidate `c` of the meeting summarized in `s` makes, with its texts (what
/// it is about, its organisation, who is to act).
pub fn item(
    path: &Path,
    s: &Summary,
    c: &Candidate,
    (what, organisation, who): (&str, Option<&str>, &Who),
    today: NaiveDate,
    lang: crate::i18n::Lang,
) -> Item {
    Item {
        kind: c.kind,
        date: c.date,
        overdue: c.date.is_some_and(|d| d < today),
        draft: !s.finalized,
        file: path.to_path_buf(),
        case_ref: s.case_ref.clone(),
        meeting_date: s.date,
        what: what.to_string(),
        organisation: organisation.map(str::to_string),
        who: match who {
            Who::Named(n) => n.clone(),
            Who::Family => crate::i18n::terms::family(lang).into(),
        },
    }
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
    let summaries: Vec<(&Path, Summary)> = meetings
        .into_iter()
        .map(|(p, m)| (p, Summary::of(m)))
        .collect();
    invitations_in(
        summaries.iter().map(|(p, s)| (*p, s)),
        today,
        until,
        agendas,
    )
}

/// `invitations` over the archive's summaries.
pub fn invitations_in<'a>(
    summaries: impl IntoIterator<Item = (&'a Path, &'a Summary)>,
    today: NaiveDate,
    until: NaiveDate,
    agendas: &crate::agenda::Catalogue,
) -> Vec<Item> {
    let default_days = crate::agenda::Rules::default().invitation_days_before;
    let mut out = Vec::new();
    for (path, m) in summaries {
        if m.finalized || m.date < today {
            continue;
        }
        let days = agendas
            .get(&m.agenda)
            .map_or(default_days, |a| a.rules.invitation_days_before);
        let Some(deadline) = crate::meeting::invitation_deadline(m.date, days) else {
            continue;
        };
        let kind = match m.invitation_sent {
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
            who: m.convener.clone().unwrap_or_default(),
        });
    }
    out
}
