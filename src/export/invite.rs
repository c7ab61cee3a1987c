//! The kallelse on paper and in the calendar: one copy for all the organisations, one per
//! organisation (`--for`), and the family's in plain language, as the same document model
//! the minutes use (so Markdown, HTML and Word say the same), or as a calendar event that
//! shares its UID with the previous minutes' follow-up event.

use super::Format;
use super::minutes::{Block, Mark, Minutes, Section, Table, TableKind};
use crate::agenda::Agenda;
use crate::i18n::Lang;
use crate::i18n::invite::{self as l, Label, fill};
use crate::i18n::minutes as ml;
use crate::i18n::terms::{self, capital};
use crate::meeting::{
    ActionReview, Decision, Id, InvitationProblem, Meeting, Organisation, Participant,
};
use chrono::NaiveDate;

/// Whose copy of the kallelse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    /// Every organisation's: who is summoned and invited, and what each must decide.
    All,
    /// One organisation's copy, by id.
    Organisation(Id),
    /// The family's, in plain language.
    Family,
}

/// How to write the kallelse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InviteOptions {
    pub lang: Lang,
    pub recipient: Recipient,
    /// Replace the child's and the family's names with initials (always in the calendar).
    pub pseudonymize: bool,
    /// The day it is written, against which a late kallelse is judged.
    pub today: NaiveDate,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InviteError {
    /// The reasons the kallelse would be incomplete or wrong, one per line.
    #[error("{}", .0.join("; "))]
    Refused(Vec<String>),
    #[error("{0}")]
    Other(String),
}

/// The problem in words.
pub fn problem_text(m: &Meeting, p: &InvitationProblem, lang: Lang) -> String {
    use InvitationProblem as P;
    let t = |label: Label| label.get(lang).to_string();
    match p {
        P::NoTime => t(l::NO_TIME),
        P::BadVideoLink(link) => fill(l::BAD_LINK.get(lang), &[link]),
        P::NobodyInvited(o) => fill(l::NOBODY_INVITED.get(lang), &[&m.organisation_name(o)]),
        P::UnknownOrganisation(o) => fill(l::UNKNOWN_ORG.get(lang), &[o.as_str()]),
        P::NoInvitees => t(l::NO_INVITEES),
        P::NoPurpose => t(l::NO_PURPOSE),
        P::NoQuestions => t(l::NO_QUESTIONS),
        P::NoPlace => t(l::NO_PLACE),
        P::NoConvener => t(l::NO_CONVENER),
        P::AllDeclined(o) => fill(l::ALL_DECLINED.get(lang), &[&m.organisation_name(o)]),
        P::Late { deadline } => fill(l::LATE.get(lang), &[&deadline.to_string()]),
        P::Past => t(l::PAST),
    }
}

/// The organisation `name` names: its id, or its name in any case.
pub fn find_organisation<'m>(m: &'m Meeting, name: &str) -> Option<&'m Organisation> {
    let name = name.trim();
    m.organisations
        .iter()
        .find(|o| o.id.as_str() == name)
        .or_else(|| {
            m.organisations
                .iter()
                .find(|o| o.name.to_lowercase() == name.to_lowercase())
        })
}

/// Where a copy goes unless told otherwise: next to the meeting,
/// `möte.kallelse.ext`, `möte.kallelse-familj.ext` (`-family` in English) or
/// `möte.kallelse-ORGANISATION.ext`, the organisation by its name in plain letters
/// ("Socialtjänst: Barn och unga" → `socialtjanst-barn-och-unga`) so the coordinator sees
/// whose copy a file is; by its id when the name has no letters or another organisation
/// has the same plain name.
pub fn default_path(
    meeting_path: &std::path::Path,
    m: &Meeting,
    recipient: &Recipient,
    format: Format,
    lang: Lang,
) -> std::path::PathBuf {
    let which = match recipient {
        Recipient::All => String::new(),
        Recipient::Family => format!("-{}", crate::i18n::invite::FAMILY_FILE.get(lang)),
        Recipient::Organisation(id) => {
            let plain = |o: &Organisation| plain_name(&o.name);
            let mine = m.organisations.iter().find(|o| &o.id == id).map(plain);
            match mine {
                Some(name)
                    if !name.is_empty()
                        && m.organisations.iter().filter(|o| plain(o) == name).count() == 1 =>
                {
                    format!("-{name}")
                }
                _ => format!("-{id}"),
            }
        }
    };
    let stem = meeting_path
        .file_stem()
        .map_or_else(|| "meeting".into(), |s| s.to_string_lossy().into_owned());
    meeting_path.with_file_name(format!("{stem}.kallelse{which}.{}", format.extension()))
}

/// A name in lower-case letters without accents, words joined by `-`: safe in a file
/// name on every system.
fn plain_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-')
        .chars()
        .take(40)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// What the agenda asks and the meeting lacks: the refusing problems make `invite` fail,
/// the others are for the caller to warn about.
pub fn problems(m: &Meeting, agenda: &Agenda, today: NaiveDate) -> Vec<InvitationProblem> {
    m.invitation_problems(today, agenda.rules.invitation_days_before)
}

/// Write the kallelse of `m` in `format` (Markdown, HTML, Word or iCalendar). Refused,
/// with every reason, when it would be wrong or incomplete in a way that matters.
pub fn invite(
    meeting: &Meeting,
    agenda: &Agenda,
    format: Format,
    o: &InviteOptions,
) -> Result<Vec<u8>, InviteError> {
    let lang = o.lang;
    if meeting.is_finalized() {
        return Err(InviteError::Other(l::FINALIZED.get(lang).to_string()));
    }
    if format == Format::Json {
        return Err(InviteError::Other(l::NO_JSON.get(lang).to_string()));
    }
    let refusing: Vec<String> = problems(meeting, agenda, o.today)
        .iter()
        .filter(|p| p.refuses())
        .map(|p| problem_text(meeting, p, lang))
        .collect();
    if !refusing.is_empty() {
        return Err(InviteError::Refused(refusing));
    }
    if let Recipient::Organisation(id) = &o.recipient
        && meeting.organisation(id).is_none()
    {
        return Err(InviteError::Other(fill(
            l::NO_SUCH_ORG.get(lang),
            &[id.as_str(), &names(meeting)],
        )));
    }
    let hide = o.pseudonymize || format == Format::Ics;
    let shown = crate::meeting::shown(meeting, hide);
    let m = &*shown;
    let b = Builder { m, agenda, lang };
    Ok(match format {
        Format::Ics => b.ics().into_bytes(),
        Format::Md => super::markdown::render(&b.document(&o.recipient, hide)).into_bytes(),
        Format::Html => super::html::render(&b.document(&o.recipient, hide), m).into_bytes(),
        Format::Docx => super::docx::render(&b.document(&o.recipient, hide))
            .map_err(|e| InviteError::Other(e.to_string()))?,
        Format::Json => unreachable!("refused above"),
    })
}

fn names(m: &Meeting) -> String {
    m.organisations
        .iter()
        .map(|o| format!("{} ({})", o.name, o.id))
        .collect::<Vec<_>>()
        .join(", ")
}

struct Builder<'a> {
    m: &'a Meeting,
    agenda: &'a Agenda,
    lang: Lang,
}

impl Builder<'_> {
    fn t(&self, label: Label) -> String {
        label.get(self.lang).to_string()
    }

    fn time(&self) -> String {
        let m = self.m;
        match (m.start, m.end) {
            (Some(s), Some(e)) => format!("{}–{}", s.format("%H:%M"), e.format("%H:%M")),
            (Some(s), None) => s.format("%H:%M").to_string(),
            _ => String::new(),
        }
    }

    fn video_link(&self) -> String {
        self.m
            .invitation
            .as_ref()
            .map(|i| i.video_link.trim().to_string())
            .unwrap_or_default()
    }

    fn convener(&self) -> (String, String) {
        self.m
            .invitation
            .as_ref()
            .map_or_else(Default::default, |i| {
                (
                    i.convener.trim().to_string(),
                    i.convener_contact.trim().to_string(),
                )
            })
    }

    /// The child's name as the family's copy says it: the first name, or "your child".
    fn child(&self) -> String {
        let name = self.m.subject.name.trim();
        if name.is_empty() {
            self.t(l::F_YOUR_CHILD)
        } else if name.contains('.') {
            // Initials ("E. L.") stay whole.
            name.to_string()
        } else {
            name.split_whitespace().next().unwrap_or(name).to_string()
        }
    }

    fn document(&self, to: &Recipient, pseudonymized: bool) -> Minutes {
        if *to == Recipient::Family {
            return self.family();
        }
        let (m, lang) = (self.m, self.lang);
        let word = match to {
            Recipient::Organisation(id) if !m.is_called(id) => l::INBJUDAN,
            _ => l::KALLELSE,
        };
        let (convener, contact) = self.convener();
        let mut header = vec![
            (
                self.t(ml::MEETING_TYPE),
                self.agenda.name.get(lang).to_string(),
            ),
            (self.t(ml::DATE), m.date.to_string()),
            (self.t(ml::TIME), self.time()),
            (self.t(ml::PLACE), m.place.clone()),
            (self.t(l::VIDEO_LINK), self.video_link()),
            (self.t(l::CONVENER), convener),
            (self.t(l::CONTACT), contact),
            (self.t(ml::CASE_REF), m.case_ref.clone()),
            (self.t(ml::SUBJECT), m.subject.name.clone()),
        ];
        if let Some(p) = &m.previous {
            header.push((self.t(ml::PREVIOUS_MEETING), p.date.to_string()));
        }
        if let Some(sent) = m.invitation.as_ref().and_then(|i| i.sent) {
            header.push((self.t(l::SENT), sent.to_string()));
        }
        header.retain(|(_, v)| !v.trim().is_empty());
        if pseudonymized {
            header.push((String::new(), self.t(ml::PSEUDONYMIZED)));
        }
        let mut sections = self.purpose(l::PURPOSE, l::QUESTIONS);
        match to {
            Recipient::Organisation(id) => sections.push(self.to_organisation(id)),
            _ => sections.push(self.invited()),
        }
        sections.push(self.consent(to));
        sections.extend(self.report(to));
        let mut agenda = Section::new(1, self.t(l::AGENDA));
        agenda.blocks.push(Block::List(
            self.agenda
                .phases
                .iter()
                .map(|p| {
                    format!(
                        "{} ({} {})",
                        p.title.get(lang),
                        p.minutes,
                        self.t(l::MINUTES_SHORT)
                    )
                })
                .collect(),
        ));
        sections.push(agenda);
        let mut prepare = Section::new(1, self.t(l::PREPARE));
        prepare.blocks.push(Block::List(
            l::PREPARE_LIST.iter().map(|p| self.t(*p)).collect(),
        ));
        sections.push(prepare);
        Minutes {
            lang,
            title: format!("{}: {}", word.get(lang), m.title),
            date: m.date,
            kind: self.agenda.name.get(lang).to_string(),
            case_ref: m.case_ref.clone(),
            confidentiality: self.agenda.confidentiality.get(lang).trim().to_string(),
            // Not minutes: the line in the box says what the document is, never "draft".
            mark: Mark::Finalized(fill(
                l::MARK.get(lang),
                &[word.get(lang), self.agenda.name.get(lang), &self.when()],
            )),
            header,
            sections,
        }
    }

    fn when(&self) -> String {
        let time = self.time();
        if time.is_empty() {
            self.m.date.to_string()
        } else {
            format!("{} {time}", self.m.date)
        }
    }

    /// The purpose and the questions, under the headings given.
    fn purpose(&self, purpose: Label, questions: Label) -> Vec<Section> {
        let Some(inv) = &self.m.invitation else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if !inv.purpose.trim().is_empty() {
            let mut s = Section::new(1, self.t(purpose));
            s.text(&inv.purpose);
            out.push(s);
        }
        let qs: Vec<String> = inv
            .questions
            .iter()
            .map(|q| q.trim().to_string())
            .filter(|q| !q.is_empty())
            .collect();
        if !qs.is_empty() {
            let mut s = Section::new(1, self.t(questions));
            s.blocks.push(Block::List(qs));
            out.push(s);
        }
        out
    }

    fn decisions_of(&self, org: &Id) -> String {
        match self.m.expected_of(org) {
            Some(e) if e.costs => format!("{} ({})", e.decisions.trim(), self.t(l::INCL_COSTS)),
            Some(e) => e.decisions.trim().to_string(),
            None => String::new(),
        }
    }

    fn person(&self, p: &Participant) -> String {
        if p.role.trim().is_empty() {
            p.name.clone()
        } else {
            format!("{}, {}", p.name, p.role.trim())
        }
    }

    /// Every organisation: summoned or invited, who comes, what they must decide.
    fn invited(&self) -> Section {
        let (m, lang) = (self.m, self.lang);
        let mut s = Section::new(1, self.t(l::INVITED));
        s.text(&self.t(l::INVITED_INTRO));
        // The huvudmän first: they are summoned.
        let mut orgs: Vec<&Organisation> = m.organisations.iter().collect();
        orgs.sort_by_key(|o| !o.huvudman.is_of_the_law());
        let rows = orgs
            .iter()
            .filter(|o| !m.invited_for(&o.id).is_empty() || m.expected_of(&o.id).is_some())
            .map(|o| {
                let people: Vec<String> = m
                    .participants
                    .iter()
                    .filter(|p| p.organisation.as_ref() == Some(&o.id))
                    .map(|p| self.person(p))
                    .collect();
                vec![
                    o.name.clone(),
                    terms::huvudman(o.huvudman, lang).to_string(),
                    self.t(if m.is_called(&o.id) {
                        l::CALLED
                    } else {
                        l::INVITED_WORD
                    }),
                    if people.is_empty() {
                        self.t(l::NOBODY_YET)
                    } else {
                        people.join("; ")
                    },
                    self.decisions_of(&o.id),
                ]
            })
            .collect();
        s.blocks.push(Block::Table(Table {
            kind: TableKind::Participants,
            headers: vec![
                self.t(ml::ORGANISATION),
                self.t(ml::HUVUDMAN),
                self.t(l::HOW),
                self.t(l::WHO),
                self.t(l::DECISIONS),
            ],
            rows,
        }));
        let family: Vec<String> = m
            .participants
            .iter()
            .filter(|p| p.organisation.is_none())
            .map(|p| self.person(p))
            .collect();
        if !family.is_empty() {
            s.blocks.push(Block::Label(format!(
                "{} ({})",
                self.t(l::THE_FAMILY),
                self.t(l::INVITED_WORD)
            )));
            s.blocks.push(Block::List(family));
        }
        s
    }

    /// One organisation's copy: summoned or invited, who comes, what to decide.
    fn to_organisation(&self, id: &Id) -> Section {
        let (m, lang) = (self.m, self.lang);
        let name = m.organisation_name(id);
        let mut s = Section::new(1, fill(l::TO.get(lang), &[&name]));
        match m.organisation(id) {
            Some(o) if o.huvudman.is_of_the_law() => s.text(&fill(
                l::YOU_ARE_CALLED.get(lang),
                &[&name, terms::huvudman(o.huvudman, lang)],
            )),
            _ => s.text(&fill(l::YOU_ARE_INVITED.get(lang), &[&name])),
        }
        let people: Vec<String> = m
            .invited_for(id)
            .into_iter()
            .map(|p| self.person(p))
            .collect();
        s.fields(vec![(
            self.t(l::FROM_YOU),
            if people.is_empty() {
                self.t(l::NOBODY_YET)
            } else {
                people.join("; ")
            },
        )]);
        let decisions = self.decisions_of(id);
        if decisions.is_empty() {
            s.text(&self.t(l::NO_DECISIONS));
        } else {
            s.fields(vec![(self.t(l::EXPECTED), decisions)]);
            s.text(&self.t(l::BRING_MANDATE));
        }
        s
    }

    /// The consent's status for the copy: what holds, or that it will be asked for.
    fn consent(&self, to: &Recipient) -> Section {
        let (m, lang) = (self.m, self.lang);
        let mut s = Section::new(1, self.t(l::CONSENT));
        let valid: Vec<_> = m
            .consents
            .iter()
            .filter(|c| crate::rules::consent_holds(m, c))
            .collect();
        if valid.is_empty() {
            s.text(&self.t(l::NO_CONSENT));
            return s;
        }
        for c in &valid {
            let until = c.valid_until.map_or(String::new(), |u| {
                fill(l::CONSENT_UNTIL.get(lang), &[&u.to_string()])
            });
            let covers = if c.organisations.is_empty() {
                if c.scope.trim().is_empty() {
                    self.t(l::ALL_ORGANISATIONS)
                } else {
                    c.scope.trim().to_string()
                }
            } else {
                c.organisations
                    .iter()
                    .map(|o| m.organisation_name(o))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            s.text(&fill(
                l::CONSENT_GIVEN.get(lang),
                &[&m.givers(c), &c.date.to_string(), &until, &covers],
            ));
        }
        if let Recipient::Organisation(id) = to {
            let covered = valid.iter().any(|c| {
                c.organisations.is_empty() || c.organisations.iter().any(|o| m.covers(o, id))
            });
            if covered {
                s.text(&self.t(l::CONSENT_COVERS_YOU));
            } else {
                s.text(&fill(
                    l::CONSENT_NOT_YOU.get(lang),
                    &[&m.organisation_name(id)],
                ));
            }
        }
        s
    }

    /// The previous plan's actions this copy's reader reports on.
    fn reviews_for(&self, to: &Recipient) -> Vec<&ActionReview> {
        let m = self.m;
        m.reviews
            .iter()
            .filter(|r| match to {
                Recipient::Organisation(id) => r
                    .was
                    .organisation
                    .as_ref()
                    .is_some_and(|o| m.covers(id, o) || m.covers(o, id)),
                _ => true,
            })
            .collect()
    }

    fn org_of(&self, a: &crate::meeting::Action) -> String {
        match &a.organisation {
            Some(o) => self.m.organisation_name(o),
            None => capital(terms::family(self.lang)),
        }
    }

    /// For a follow-up: the actions to report on and the decisions that were awaited.
    fn report(&self, to: &Recipient) -> Vec<Section> {
        let reviews = self.reviews_for(to);
        if reviews.is_empty() {
            return Vec::new();
        }
        let mut s = Section::new(1, self.t(l::REPORT));
        s.text(&self.t(l::REPORT_INTRO));
        let mut by_org: Vec<&ActionReview> = reviews.clone();
        by_org.sort_by_key(|r| self.org_of(&r.was));
        s.blocks.push(Block::Table(Table {
            kind: TableKind::Other,
            headers: vec![
                self.t(ml::ORGANISATION),
                self.t(ml::WHAT),
                self.t(ml::BY_WHEN),
                self.t(ml::STATUS),
            ],
            rows: by_org
                .iter()
                .map(|r| {
                    vec![
                        self.org_of(&r.was),
                        r.was.what.trim().to_string(),
                        r.was.deadline.map_or(String::new(), |d| d.to_string()),
                        terms::action_status(r.was.status, self.lang).to_string(),
                    ]
                })
                .collect(),
        }));
        let awaited: Vec<Vec<String>> = reviews
            .iter()
            .filter_map(|r| match &r.was.decision {
                Decision::Awaiting {
                    decision_maker,
                    organisation,
                    decide_by,
                    reason,
                } => Some(vec![
                    r.was.what.trim().to_string(),
                    decision_maker.trim().to_string(),
                    organisation
                        .as_ref()
                        .map_or_else(|| self.org_of(&r.was), |o| self.m.organisation_name(o)),
                    decide_by.map_or(String::new(), |d| d.to_string()),
                    reason.trim().to_string(),
                ]),
                Decision::AtTable { .. } => None,
            })
            .collect();
        if !awaited.is_empty() {
            s.blocks.push(Block::Label(self.t(l::AWAITED)));
            s.blocks.push(Block::Table(Table {
                kind: TableKind::Other,
                headers: vec![
                    self.t(ml::WHAT),
                    self.t(l::DECISION_MAKER),
                    self.t(ml::ORGANISATION),
                    self.t(l::DECIDE_BY),
                    self.t(l::REASON),
                ],
                rows: awaited,
            }));
        }
        vec![s]
    }

    /// The family's copy: what the meeting is, who comes, that the child's view matters,
    /// how to prepare; in plain words.
    fn family(&self) -> Minutes {
        let (m, lang) = (self.m, self.lang);
        let child = self.child();
        let mut sections = Vec::new();
        let mut what = Section::new(1, self.t(l::F_WHAT));
        what.text(&fill(l::F_WHAT_TEXT.get(lang), &[&child]));
        if self.agenda.id.starts_with("sip") {
            what.text(&self.t(l::F_SIP));
        }
        sections.push(what);
        sections.extend(self.purpose(l::F_WHY, l::F_QUESTIONS));
        let mut when = Section::new(1, self.t(l::F_WHEN));
        when.fields(vec![
            (self.t(ml::DATE), m.date.to_string()),
            (self.t(ml::TIME), self.time()),
            (self.t(ml::PLACE), m.place.clone()),
            (self.t(l::VIDEO_LINK), self.video_link()),
        ]);
        sections.push(when);
        let mut who = Section::new(1, self.t(l::F_WHO));
        who.blocks.push(Block::List(
            m.participants
                .iter()
                .map(|p| match m.organisation_of(&p.id) {
                    Some(o) if p.role.trim().is_empty() => {
                        fill(l::F_OF.get(lang), &[&p.name, &o.name])
                    }
                    Some(o) => fill(
                        l::F_OF.get(lang),
                        &[&format!("{}, {}", p.name, p.role.trim()), &o.name],
                    ),
                    None => p.name.clone(),
                })
                .collect(),
        ));
        sections.push(who);
        let mut voice = Section::new(1, fill(l::F_CHILD.get(lang), &[&child]));
        voice.text(&fill(l::F_CHILD_TEXT.get(lang), &[child.as_str(); 5]));
        sections.push(voice);
        let mut how = Section::new(1, self.t(l::F_HOW));
        // The meeting's own length where its end is set, else the agenda's.
        let minutes = match (m.start, m.end) {
            (Some(s), Some(e)) if e > s => (e - s).num_minutes(),
            _ => i64::from(self.agenda.typical_minutes()),
        };
        how.text(&fill(
            l::F_HOW_TEXT.get(lang),
            &[&child, &child, &minutes.to_string()],
        ));
        sections.push(how);
        let reviews = self.reviews_for(&Recipient::Family);
        if !reviews.is_empty() {
            let mut last = Section::new(1, self.t(l::F_LAST_TIME));
            last.text(&self.t(l::F_LAST_TIME_TEXT));
            last.blocks.push(Block::List(
                reviews
                    .iter()
                    .map(|r| format!("{} ({})", r.was.what.trim(), self.org_of(&r.was)))
                    .collect(),
            ));
            let waiting: Vec<String> = reviews
                .iter()
                .filter(|r| r.was_awaiting())
                .map(|r| r.was.what.trim().to_string())
                .collect();
            if !waiting.is_empty() {
                last.text(&self.t(l::F_WAITING));
                last.blocks.push(Block::List(waiting));
            }
            sections.push(last);
        }
        let mut consent = Section::new(1, self.t(l::F_CONSENT));
        match m
            .consents
            .iter()
            .find(|c| crate::rules::consent_holds(m, c))
        {
            Some(c) => consent.text(&fill(
                l::F_CONSENT_GIVEN.get(lang),
                &[&c.date.to_string(), &child],
            )),
            None => consent.text(&fill(l::F_CONSENT_ASKED.get(lang), &[&child])),
        }
        sections.push(consent);
        let mut prepare = Section::new(1, self.t(l::F_PREPARE));
        prepare.blocks.push(Block::List(
            l::F_PREPARE_LIST
                .iter()
                .map(|p| fill(p.get(lang), &[&child, &child]))
                .collect(),
        ));
        sections.push(prepare);
        let (convener, contact) = self.convener();
        if !convener.is_empty() {
            let mut cant = Section::new(1, self.t(l::F_CANT_COME));
            let at = if contact.is_empty() {
                String::new()
            } else {
                fill(l::F_AT.get(lang), &[&contact])
            };
            cant.text(&fill(l::F_CANT_COME_TEXT.get(lang), &[&convener, &at]));
            sections.push(cant);
        }
        Minutes {
            lang,
            title: fill(l::F_TITLE.get(lang), &[&child]),
            date: m.date,
            kind: self.t(l::F_KIND),
            case_ref: String::new(),
            confidentiality: String::new(),
            mark: Mark::Finalized(fill(l::F_MARK.get(lang), &[&self.when()])),
            header: Vec::new(),
            sections,
        }
    }

    /// The meeting as one calendar event: the same UID as the previous minutes'
    /// follow-up event, the case reference and the organisations, no names of the family.
    fn ics(&self) -> String {
        use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
        let (m, lang) = (self.m, self.lang);
        let case = if m.case_ref.trim().is_empty() {
            self.agenda.name.get(lang).to_string()
        } else {
            format!("{} {}", ml::CASE_REF.get(lang), m.case_ref.trim())
        };
        let mut description = Vec::new();
        if let Some(inv) = &m.invitation {
            if !inv.purpose.trim().is_empty() {
                description.push(inv.purpose.trim().to_string());
            }
            for q in inv.questions.iter().filter(|q| !q.trim().is_empty()) {
                description.push(format!("- {}", q.trim()));
            }
        }
        let orgs: Vec<String> = m
            .organisations
            .iter()
            .filter(|o| !m.invited_for(&o.id).is_empty())
            .map(|o| {
                let d = self.decisions_of(&o.id);
                if d.is_empty() {
                    o.name.clone()
                } else {
                    format!("{} ({}: {d})", o.name, self.t(l::DECISIONS).to_lowercase())
                }
            })
            .collect();
        if !orgs.is_empty() {
            description.push(format!(
                "{}: {}",
                self.t(l::ICS_ORGANISATIONS),
                orgs.join("; ")
            ));
        }
        let link = self.video_link();
        if !link.is_empty() {
            description.push(format!("{}: {link}", self.t(l::VIDEO_LINK)));
        }
        let (convener, contact) = self.convener();
        if !convener.is_empty() {
            let contact = if contact.is_empty() {
                String::new()
            } else {
                format!(", {contact}")
            };
            description.push(format!("{}: {convener}{contact}", self.t(l::CONVENER)));
        }
        description.push(case.clone());
        let mut event = Event::new();
        event
            .uid(&super::ics::meeting_uid(m))
            .timestamp(chrono::Utc::now())
            .sequence(super::ics::meeting_sequence(m))
            .summary(&format!(
                "{}: {} – {case}",
                l::KALLELSE.get(lang),
                self.agenda.name.get(lang)
            ))
            .description(&description.join("\n"))
            .status(EventStatus::Confirmed);
        super::ics::meeting_times(&mut event, m, self.agenda);
        let location = if m.place.trim().is_empty() {
            link.clone()
        } else {
            m.place.trim().to_string()
        };
        if !location.is_empty() {
            event.location(&location);
        }
        if !link.is_empty() {
            event.url(&link);
        }
        let mut cal = Calendar::empty();
        cal.append_property(Property::new("VERSION", "2.0"))
            .append_property(Property::new("PRODID", super::ics::product_id(lang)))
            .append_property(Property::new("CALSCALE", "GREGORIAN"))
            .append_property(Property::new("METHOD", "PUBLISH"))
            .name(&format!("{} – {case}", self.agenda.name.get(lang)));
        cal.push(event.done());
        cal.done().to_string()
    }
}

#[cfg(test)]
mod file_name_tests {
    use super::*;
    use crate::meeting::Huvudman;
    use std::path::Path;

    fn org(id: &str, name: &str) -> Organisation {
        Organisation {
            id: Id::new(id),
            name: name.into(),
            huvudman: Huvudman::Kommun,
            mission: String::new(),
            parent: None,
        }
    }

    #[test]
    fn a_copy_is_named_by_its_organisation_in_plain_letters_or_by_id_when_ambiguous() {
        let mut m = Meeting::new(
            crate::meeting::AgendaRef {
                id: "sip".into(),
                version: 1,
            },
            "SIP",
            chrono::NaiveDate::from_ymd_opt(2026, 12, 15).unwrap(),
        );
        m.organisations = vec![
            org("o1", "Socialtjänst: Barn och unga"),
            org("o2", "BUP"),
            org("o3", "bup!"),
            org("o4", "— ? —"),
        ];
        let p = Path::new("/a/nora.ron");
        let name = |r: Recipient, lang| {
            default_path(p, &m, &r, Format::Docx, lang)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        };
        let o = |id: &str| Recipient::Organisation(Id::new(id));
        assert_eq!(
            name(o("o1"), Lang::Sv),
            "nora.kallelse-socialtjanst-barn-och-unga.docx"
        );
        assert_eq!(name(o("o2"), Lang::Sv), "nora.kallelse-o2.docx");
        assert_eq!(name(o("o3"), Lang::Sv), "nora.kallelse-o3.docx");
        assert_eq!(name(o("o4"), Lang::Sv), "nora.kallelse-o4.docx");
        assert_eq!(name(Recipient::All, Lang::Sv), "nora.kallelse.docx");
        assert_eq!(
            name(Recipient::Family, Lang::Sv),
            "nora.kallelse-familj.docx"
        );
        assert_eq!(
            name(Recipient::Family, Lang::En),
            "nora.kallelse-family.docx"
        );
    }
}
