//! The minutes as a format-neutral document: header, phases in agenda order, then the
//! plan. Markdown, HTML and DOCX each render this one model, so they say the same thing.

use crate::agenda::{Agenda, PhaseKind};
use crate::i18n::Lang;
use crate::i18n::minutes::{self as l, Label};
use crate::i18n::terms::{self, capital};
use crate::meeting::{Meeting, Person};

/// The minutes of one meeting, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Minutes {
    pub lang: Lang,
    pub title: String,
    /// The meeting's date; also the documents' creation date.
    pub date: chrono::NaiveDate,
    /// The meeting type, from the agenda's name.
    pub kind: String,
    /// The case reference (ärende), on every page with the date.
    pub case_ref: String,
    /// The agenda's confidentiality line for the top of every page; empty for none.
    pub confidentiality: String,
    /// The draft mark or the finalize stamp, shown on every page or section.
    pub mark: Mark,
    /// Date, time, place, facilitator, … as label–value pairs.
    pub header: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

/// Whether the minutes are a draft or finalized, and the line that says so.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Draft(String),
    Finalized(String),
}

impl Mark {
    pub fn text(&self) -> &str {
        match self {
            Mark::Draft(t) | Mark::Finalized(t) => t,
        }
    }

    pub fn is_draft(&self) -> bool {
        matches!(self, Mark::Draft(_))
    }
}

/// A heading and what stands under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// 1: a phase or the plan; 2: a part of the plan.
    pub level: u8,
    pub title: String,
    /// The plan: a part of its own (a rule before it in Markdown, a `<section>` in HTML).
    /// It is not forced onto a new page: that left pages two-thirds empty before it.
    pub page_break: bool,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Free text; blank lines separate paragraphs, single newlines are line breaks.
    Text(String),
    /// A short bold lead-in for the list or table after it.
    Label(String),
    /// Label: value lines.
    Fields(Vec<(String, String)>),
    List(Vec<String>),
    Table(Table),
    /// Lines to sign and date on paper, under the finalize stamp.
    Signatures(Signatures),
}

/// The lines to sign: who signs as what, and the words under the lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Signatures {
    /// "Underskrift" / "Signature".
    pub signature: String,
    /// "Datum" / "Date".
    pub date: String,
    pub people: Vec<Signature>,
}

/// Who signs the printed minutes, and as what ("Vid protokollet", "Justeras").
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub role: String,
    pub name: String,
}

/// Which table this is, so renderers and tests can find the important ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Participants,
    Actions,
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub kind: TableKind,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Section {
    pub(super) fn new(level: u8, title: impl Into<String>) -> Section {
        Section {
            level,
            title: title.into(),
            page_break: false,
            blocks: Vec::new(),
        }
    }

    pub(super) fn text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.blocks.push(Block::Text(text.trim().to_string()));
        }
    }

    pub(super) fn fields(&mut self, fields: Vec<(String, String)>) {
        let fields: Vec<_> = fields
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .collect();
        if !fields.is_empty() {
            self.blocks.push(Block::Fields(fields));
        }
    }
}

/// Build the minutes of `m`, following `agenda`'s phases.
pub fn build(m: &Meeting, agenda: &Agenda, lang: Lang, pseudonymized: bool) -> Minutes {
    let b = Builder { m, agenda, lang };
    let mut sections = Vec::new();
    if !agenda.has_phase(PhaseKind::Roles) {
        sections.push(b.participants_section(None));
    }
    if !agenda.has_phase(PhaseKind::Consent) && !m.consents.is_empty() {
        sections.push(b.consent_section(None));
    }
    for phase in &agenda.phases {
        // What the plan shows (actions, responsibility, the follow-up) is written once,
        // in the plan; such a phase has a section of its own only for its notes.
        let in_plan = matches!(
            phase.kind,
            PhaseKind::Actions | PhaseKind::Summary | PhaseKind::FollowUp
        );
        let said = m
            .phase(&phase.id)
            .is_some_and(|r| !r.notes.trim().is_empty() || !r.heard.is_empty());
        if in_plan && !said {
            continue;
        }
        sections.push(b.phase_section(&phase.id, phase.kind, phase.title.get(lang)));
    }
    // Notes under a phase the agenda no longer has (it was edited since the meeting)
    // are still part of the minutes.
    for (id, record) in &m.phases {
        if !agenda.phases.iter().any(|p| &p.id == id) && !record.notes.trim().is_empty() {
            let mut s = Section::new(1, format!("{} ({id})", l::NOTES.get(lang)));
            s.text(&record.notes);
            sections.push(s);
        }
    }
    sections.extend(b.plan());
    let mut header = b.header();
    if pseudonymized {
        header.push((String::new(), l::PSEUDONYMIZED.get(lang).to_string()));
    }
    Minutes {
        lang,
        title: m.title.clone(),
        date: m.date,
        kind: agenda.name.get(lang).to_string(),
        case_ref: m.case_ref.clone(),
        confidentiality: agenda.confidentiality.get(lang).trim().to_string(),
        mark: b.mark(),
        header,
        sections,
    }
}

/// Builds the sections of the minutes; the plan's sections are in `plan.rs`.
pub(super) struct Builder<'a> {
    pub(super) m: &'a Meeting,
    pub(super) agenda: &'a Agenda,
    pub(super) lang: Lang,
}

impl Builder<'_> {
    pub(super) fn t(&self, label: Label) -> String {
        label.get(self.lang).to_string()
    }

    pub(super) fn mark(&self) -> Mark {
        match &self.m.finalized {
            None => Mark::Draft(self.t(l::DRAFT)),
            Some(s) => Mark::Finalized(format!(
                "{} {} {} {} · rev. {} · SHA-256 {}",
                self.t(l::FINALIZED_AT),
                s.at.format("%Y-%m-%d %H:%M"),
                self.t(l::STAMP_BY),
                s.by,
                s.revision,
                s.hash.get(..12).unwrap_or(&s.hash)
            )),
        }
    }

    fn header(&self) -> Vec<(String, String)> {
        let m = self.m;
        let time = match (m.start, m.end) {
            (Some(s), Some(e)) => format!("{}–{}", s.format("%H:%M"), e.format("%H:%M")),
            (Some(s), None) => s.format("%H:%M").to_string(),
            _ => String::new(),
        };
        let mut h = vec![
            (
                self.t(l::MEETING_TYPE),
                self.agenda.name.get(self.lang).to_string(),
            ),
            (self.t(l::DATE), m.date.to_string()),
            (self.t(l::TIME), time),
            (self.t(l::PLACE), m.place.clone()),
            (self.t(l::FACILITATOR), m.facilitator.clone()),
            (self.t(l::NOTE_TAKER), m.note_taker.clone()),
            (self.t(l::INITIATOR), m.initiator.clone()),
            (self.t(l::CASE_REF), m.case_ref.clone()),
            (self.t(l::SUBJECT), m.subject.name.clone()),
        ];
        if let Some(p) = &m.previous {
            h.push((self.t(l::PREVIOUS_MEETING), p.date.to_string()));
        }
        h.retain(|(_, v)| !v.trim().is_empty());
        h
    }

    /// Uppföljning av förra planen: the chain of meetings, every action of the previous
    /// plan with what became of it, and every goal.
    fn reviews(&self, s: &mut Section) {
        let lang = self.lang;
        let m = self.m;
        // The meetings by their agenda's name: this meeting's agenda as given, the earlier
        // ones' where it ships with samsyn (each agenda parsed once, and only when named).
        let mut shipped: std::collections::HashMap<String, Option<crate::agenda::Agenda>> =
            std::collections::HashMap::new();
        let mut name = |id: &str| {
            if id == self.agenda.id {
                return self.agenda.name.get(lang).to_string();
            }
            shipped
                .entry(id.to_string())
                .or_insert_with(|| crate::agenda::builtin_agenda(id))
                .as_ref()
                .map_or_else(|| id.to_string(), |a| a.name.get(lang).to_string())
        };
        let chain: Vec<String> = m
            .chain()
            .map(|(id, date)| format!("{} {date}", name(id)))
            .collect();
        s.fields(vec![(self.t(l::CHAIN), chain.join(" → "))]);
        s.blocks.push(Block::Label(self.t(l::PREVIOUS_PLAN)));
        let missing = || format!("({})", l::NOT_REVIEWED.get(lang));
        s.blocks.push(Block::Table(Table {
            kind: TableKind::Other,
            headers: vec![
                self.t(l::WHAT),
                self.t(l::OUTCOME),
                self.t(l::DECISION_OUTCOME),
                self.t(l::COMMENT),
            ],
            rows: m
                .reviews
                .iter()
                .map(|r| {
                    let mut outcome = r
                        .outcome
                        .map_or_else(missing, |o| terms::outcome(o, lang).to_string());
                    if r.carried_to
                        .as_ref()
                        .is_some_and(|id| m.action(id).is_some())
                    {
                        outcome += &format!(" ({})", l::CARRIED.get(lang));
                    }
                    let decision = match &r.decision {
                        None if r.was_awaiting() => missing(),
                        None => String::new(),
                        Some(d) => {
                            let mut t = terms::decision_outcome(d, lang).to_string();
                            if let crate::meeting::DecisionOutcome::Granted { by, on }
                            | crate::meeting::DecisionOutcome::Refused { by, on } = d
                            {
                                if !by.trim().is_empty() {
                                    t += &format!(", {}", by.trim());
                                }
                                if let Some(on) = on {
                                    t += &format!(" {on}");
                                }
                            }
                            t
                        }
                    };
                    vec![
                        r.was.what.trim().to_string(),
                        outcome,
                        decision,
                        r.comment.clone(),
                    ]
                })
                .collect(),
        }));
        if !m.goal_reviews.is_empty() {
            s.blocks.push(Block::Label(self.t(l::PREVIOUS_GOALS)));
            s.blocks.push(Block::List(
                m.goal_reviews
                    .iter()
                    .map(|g| {
                        let text = m
                            .goal(&g.goal)
                            .map_or_else(|| g.goal.to_string(), |x| x.text.clone());
                        let o = g
                            .outcome
                            .map_or_else(missing, |o| terms::goal_outcome(o, lang).to_string());
                        let mut t = format!("{text} — {o}");
                        if !g.comment.trim().is_empty() {
                            t += &format!(": {}", g.comment.trim());
                        }
                        t
                    })
                    .collect(),
            ));
        }
    }

    fn participants_section(&self, title: Option<&str>) -> Section {
        let lang = self.lang;
        let mut s = Section::new(1, title.unwrap_or(l::PARTICIPANTS.get(lang)));
        if self.m.participants.is_empty() {
            s.text(l::NO_PARTICIPANTS.get(lang));
            return s;
        }
        let rows = self
            .m
            .participants
            .iter()
            .map(|p| {
                let mut role = p.role.clone();
                if role.trim().is_empty() {
                    role = terms::participant_kind(p.kind, lang).to_string();
                }
                if let Some(si) = p.stand_in.as_deref().filter(|s| !s.trim().is_empty()) {
                    role = format!("{role} ({} {si})", l::STAND_IN.get(lang));
                }
                let mandate = match &p.mandate {
                    None => l::NO_MANDATE.get(lang).to_string(),
                    Some(md) if md.costs => {
                        format!("{} ({})", md.scope, l::INCLUDING_COSTS.get(lang))
                    }
                    Some(md) => md.scope.clone(),
                };
                let (org, huvudman) = match self.m.organisation_of(&p.id) {
                    Some(o) => (o.name.clone(), capital(terms::huvudman(o.huvudman, lang))),
                    None if p.is_family() => (capital(terms::family(lang)), "—".to_string()),
                    None => ("—".to_string(), "—".to_string()),
                };
                vec![
                    p.name.clone(),
                    role,
                    org,
                    huvudman,
                    mandate,
                    self.attendance(p),
                ]
            })
            .collect();
        s.blocks.push(Block::Table(Table {
            kind: TableKind::Participants,
            headers: [
                l::NAME,
                l::ROLE,
                l::ORGANISATION,
                l::HUVUDMAN,
                l::MANDATE,
                l::ATTENDANCE,
            ]
            .iter()
            .map(|x| self.t(*x))
            .collect(),
            rows,
        }));
        // Contact details, when the export was asked to carry them.
        let contacts: Vec<String> = self
            .m
            .participants
            .iter()
            .filter_map(|p| {
                let c = p.contact.as_deref()?.trim();
                (!c.is_empty()).then(|| format!("{}: {c}", p.name))
            })
            .collect();
        if !contacts.is_empty() {
            s.blocks.push(Block::Label(self.t(l::CONTACTS)));
            s.blocks.push(Block::List(contacts));
        }
        // What each organisation does, as the round of presentations told it.
        let missions: Vec<String> = self
            .m
            .organisations
            .iter()
            .filter(|o| !o.mission.trim().is_empty())
            .map(|o| format!("{}: {}", o.name, o.mission.trim()))
            .collect();
        if !missions.is_empty() {
            s.blocks.push(Block::Label(self.t(l::MISSIONS)));
            s.blocks.push(Block::List(missions));
        }
        s
    }

    /// "på plats", "på plats, bara under «Barnets röst»", "via video, kom 14:30".
    fn attendance(&self, p: &crate::meeting::Participant) -> String {
        let word = terms::attendance(&p.attendance, self.lang);
        match &p.part {
            Some(part) => {
                let title = |id: &str| {
                    self.agenda
                        .phases
                        .iter()
                        .find(|ph| ph.id == id)
                        .map_or_else(|| id.to_string(), |ph| ph.title.get(self.lang).to_string())
                };
                format!("{word}, {}", terms::part(part, title, self.lang))
            }
            None => word,
        }
    }

    fn consent_section(&self, title: Option<&str>) -> Section {
        let lang = self.lang;
        let mut s = Section::new(1, title.unwrap_or(l::CONSENT.get(lang)));
        if self.m.consents.is_empty() {
            s.text(l::NO_CONSENT.get(lang));
        }
        for c in &self.m.consents {
            let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            s.fields(vec![
                (self.t(l::GIVEN_BY), self.m.givers(c)),
                (
                    self.t(l::ORGANISATIONS),
                    c.organisations
                        .iter()
                        .map(|o| self.m.organisation_name(o))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                (self.t(l::SCOPE), c.scope.clone()),
                (self.t(l::CHILD_VIEW), c.child_view.clone()),
                (self.t(l::EXCLUSIONS), c.exclusions.clone()),
                (
                    self.t(l::FORM),
                    format!("{}, {}", terms::consent_form(c.form, lang), c.date),
                ),
                (self.t(l::VALID_UNTIL), date(c.valid_until)),
                (self.t(l::WITHDRAWN), date(c.withdrawn)),
            ]);
        }
        s
    }

    fn phase_section(&self, phase_id: &str, kind: PhaseKind, title: &str) -> Section {
        let lang = self.lang;
        let m = self.m;
        let mut s = match kind {
            PhaseKind::Roles => self.participants_section(Some(title)),
            PhaseKind::Consent => self.consent_section(Some(title)),
            _ => Section::new(1, title),
        };
        match kind {
            PhaseKind::Roles | PhaseKind::Consent | PhaseKind::Notes | PhaseKind::Purpose => {}
            PhaseKind::Review if !m.reviews.is_empty() || !m.goal_reviews.is_empty() => {
                self.reviews(&mut s);
            }
            PhaseKind::Review => {
                if let Some(p) = &m.previous {
                    s.fields(vec![(self.t(l::PREVIOUS_MEETING), p.date.to_string())]);
                }
                if !m.actions.is_empty() {
                    s.blocks.push(Block::Table(Table {
                        kind: TableKind::Other,
                        headers: vec![self.t(l::WHAT), self.t(l::STATUS), self.t(l::COMMENT)],
                        rows: m
                            .actions
                            .iter()
                            .map(|a| {
                                vec![
                                    a.what.clone(),
                                    terms::action_status(a.status, lang).to_string(),
                                    a.status_comment.clone(),
                                ]
                            })
                            .collect(),
                    }));
                }
            }
            PhaseKind::Situation => {
                let st = &m.situation;
                s.fields(
                    [
                        (l::WORKS_WELL, &st.works_well),
                        (l::WORRIES, &st.worries),
                        (l::RISK_FACTORS, &st.risk_factors),
                        (l::PROTECTIVE_FACTORS, &st.protective_factors),
                    ]
                    .into_iter()
                    .map(|(label, text)| (self.t(label), text.trim().to_string()))
                    .collect(),
                );
            }
            PhaseKind::ChildVoice => {
                let cv = &m.child_voice;
                s.fields(vec![
                    (self.t(l::CHILD_VIEWS), cv.views.trim().to_string()),
                    (self.t(l::HOW_OBTAINED), cv.how_obtained.trim().to_string()),
                    (
                        self.t(l::NOT_OBTAINED),
                        cv.not_obtained_reason.trim().to_string(),
                    ),
                ]);
            }
            PhaseKind::Goal => {
                if !m.needs.is_empty() {
                    s.blocks.push(Block::Label(self.t(l::NEEDS)));
                    s.blocks.push(Block::List(m.needs.clone()));
                }
                if !m.goals.is_empty() {
                    s.blocks.push(Block::Label(self.t(l::GOALS)));
                    let goals = m
                        .goals
                        .iter()
                        .enumerate()
                        .map(|(i, g)| {
                            // "Mål 2, delmål till mål 1: …": numbered, as the plan
                            // refers to them.
                            let mut kind = terms::goal_kind(g.kind, lang).to_string();
                            if let Some(n) = g
                                .parent
                                .as_ref()
                                .and_then(|p| m.goals.iter().position(|x| &x.id == p))
                            {
                                kind += &format!(" {} {}", l::PART_OF.get(lang), n + 1);
                            }
                            let mut line = format!(
                                "{} {}, {kind}: {}",
                                capital(l::GOAL_SHORT.get(lang)),
                                i + 1,
                                g.text
                            );
                            if !g.indicator.trim().is_empty() {
                                line += &format!(
                                    " — {}: {}",
                                    l::INDICATOR.get(lang),
                                    g.indicator.trim()
                                );
                            }
                            line
                        })
                        .collect();
                    s.blocks.push(Block::List(goals));
                }
            }
            PhaseKind::Actions | PhaseKind::Summary | PhaseKind::FollowUp => {}
            PhaseKind::Evaluation => self.evaluation(&mut s),
        }
        let record = m.phase(phase_id);
        if let Some(r) = record {
            if !r.notes.trim().is_empty() {
                if s.blocks.is_empty() {
                    s.text(&r.notes);
                } else {
                    s.fields(vec![(self.t(l::NOTES), r.notes.trim().to_string())]);
                }
            }
            if kind.has_speaking_round() && !r.heard.is_empty() {
                let names: Vec<_> = r
                    .heard
                    .iter()
                    .map(|id| m.person_name(&Person::Participant(id.clone())))
                    .collect();
                s.fields(vec![(self.t(l::HEARD), names.join(", "))]);
            }
        }
        if s.blocks.is_empty() {
            s.text(l::NOTHING_RECORDED.get(lang));
        }
        s
    }
}

/// A score in the minutes' language: "3,5" in Swedish, "3.5" in English, whole numbers
/// without decimals.
fn score_text(v: f64, lang: Lang) -> String {
    let text = if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    };
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The mean and the median of `scores` (not empty).
fn mean_median(scores: &mut [u8]) -> (f64, f64) {
    scores.sort_unstable();
    let n = scores.len();
    let mean = scores.iter().map(|&v| f64::from(v)).sum::<f64>() / n as f64;
    let median = if n % 2 == 1 {
        f64::from(scores[n / 2])
    } else {
        (f64::from(scores[n / 2 - 1]) + f64::from(scores[n / 2])) / 2.0
    };
    (mean, median)
}

impl Builder<'_> {
    /// The evaluation: by default only summed up (the number of answers, the mean and the
    /// median per question, the comments without names and in no one's order), since the
    /// minutes go to everyone; per person when the agenda asks (`evaluation_per_person`).
    fn evaluation(&self, s: &mut Section) {
        let m = self.m;
        if m.evaluations.is_empty() {
            return;
        }
        let score = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
        if self.agenda.evaluation_per_person {
            s.blocks.push(Block::Table(Table {
                kind: TableKind::Other,
                headers: vec![
                    self.t(l::PARTICIPANT),
                    self.t(l::FELT_HEARD),
                    self.t(l::USEFUL),
                    self.t(l::COMMENT),
                ],
                rows: m
                    .evaluations
                    .iter()
                    .map(|e| {
                        vec![
                            m.person_name(&Person::Participant(e.participant.clone())),
                            score(e.heard),
                            score(e.useful),
                            e.comment.clone(),
                        ]
                    })
                    .collect(),
            }));
            return;
        }
        s.text(l::EVALUATION_AGGREGATE.get(self.lang));
        let row = |label: Label, pick: fn(&crate::meeting::Evaluation) -> Option<u8>| {
            let mut scores: Vec<u8> = m.evaluations.iter().filter_map(pick).collect();
            let (mean, median) = if scores.is_empty() {
                ("—".to_string(), "—".to_string())
            } else {
                let (mean, median) = mean_median(&mut scores);
                (score_text(mean, self.lang), score_text(median, self.lang))
            };
            vec![self.t(label), scores.len().to_string(), mean, median]
        };
        s.blocks.push(Block::Table(Table {
            kind: TableKind::Other,
            headers: vec![
                self.t(l::QUESTION),
                self.t(l::ANSWERS),
                self.t(l::MEAN),
                self.t(l::MEDIAN),
            ],
            rows: vec![
                row(l::FELT_HEARD, |e| e.heard),
                row(l::USEFUL, |e| e.useful),
            ],
        }));
        let mut comments: Vec<String> = m
            .evaluations
            .iter()
            .map(|e| e.comment.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if !comments.is_empty() {
            comments.sort();
            s.blocks.push(Block::Label(self.t(l::EVALUATION_COMMENTS)));
            s.blocks.push(Block::List(comments));
        }
    }
}
