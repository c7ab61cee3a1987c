//! The minutes as a format-neutral document: header, phases in agenda order, then the
//! plan. Markdown, HTML and DOCX each render this one model, so they say the same thing.

use super::labels::{self as l, Label};
use crate::agenda::{Agenda, PhaseKind};
use crate::i18n::Lang;
use crate::meeting::{Action, Decision, Huvudman, Meeting, Performer, Person};

/// The minutes of one meeting, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Minutes {
    pub lang: Lang,
    pub title: String,
    /// The meeting's date; also the documents' creation date.
    pub date: chrono::NaiveDate,
    /// The meeting type, from the agenda's name.
    pub kind: String,
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
    /// The plan starts on a new page when printed.
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
    fn new(level: u8, title: impl Into<String>) -> Section {
        Section {
            level,
            title: title.into(),
            page_break: false,
            blocks: Vec::new(),
        }
    }

    fn text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.blocks.push(Block::Text(text.trim().to_string()));
        }
    }

    fn fields(&mut self, fields: Vec<(String, String)>) {
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
        sections.push(b.phase_section(&phase.id, phase.kind, phase.title.get(lang)));
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
        mark: b.mark(),
        header,
        sections,
    }
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

    fn mark(&self) -> Mark {
        match &self.m.finalized {
            None => Mark::Draft(self.t(l::DRAFT)),
            Some(s) => Mark::Finalized(format!(
                "{} {} {} · {} {} · SHA-256 {}",
                self.t(l::FINALIZED_AT),
                s.at.format("%Y-%m-%d %H:%M"),
                self.lang.pick("av", "by").to_owned() + " " + &s.by,
                self.lang.pick("rev.", "rev."),
                s.revision,
                &s.hash[..12.min(s.hash.len())]
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
                    role = l::kind(p.kind, lang).to_string();
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
                vec![
                    p.name.clone(),
                    role,
                    p.organisation.clone(),
                    l::huvudman(p.huvudman, lang).to_string(),
                    mandate,
                    l::attendance(&p.attendance, lang),
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
        s
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
                (self.t(l::GIVEN_BY), self.m.person_name(&c.given_by)),
                (self.t(l::SCOPE), c.scope.clone()),
                (self.t(l::EXCLUSIONS), c.exclusions.clone()),
                (
                    self.t(l::FORM),
                    format!("{}, {}", l::consent_form(c.form, lang), c.date),
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
                                    l::action_status(a.status, lang).to_string(),
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
                        .map(|g| {
                            let mut line = format!("{}: {}", l::goal_kind(g.kind, lang), g.text);
                            if let Some(parent) = g.parent.as_ref().and_then(|p| m.goal(p)) {
                                line += &format!(" ({} «{}»)", l::PART_OF.get(lang), parent.text);
                            }
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
            PhaseKind::Evaluation => {
                if !m.evaluations.is_empty() {
                    let score = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
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
                }
            }
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
        if matches!(
            kind,
            PhaseKind::Actions | PhaseKind::Summary | PhaseKind::FollowUp
        ) {
            s.text(l::SEE_PLAN.get(lang));
        } else if s.blocks.is_empty() {
            s.text(l::NOTHING_RECORDED.get(lang));
        }
        s
    }

    fn performer(&self, a: &Action) -> String {
        match &a.performer {
            None => String::new(),
            Some(Performer::Participant(id)) => {
                self.m.person_name(&Person::Participant(id.clone()))
            }
            Some(Performer::Family) => self.t(l::FAMILY),
            Some(Performer::Named(n)) => n.clone(),
        }
    }

    fn decided_by(&self, a: &Action) -> String {
        match &a.decision {
            Decision::AtTable { by } => {
                let p = self.m.participant(by);
                match p {
                    Some(p) if !p.organisation.trim().is_empty() => {
                        format!("{} ({})", p.name, p.organisation)
                    }
                    _ => self.m.person_name(&Person::Participant(by.clone())),
                }
            }
            Decision::Awaiting {
                decision_maker,
                organisation,
                decide_by,
            } => {
                let mut t = format!("{}: {decision_maker}", l::AWAITING.get(self.lang));
                if !organisation.trim().is_empty() {
                    t += &format!(" ({organisation})");
                }
                if let Some(d) = decide_by {
                    t += &format!(", {} {d}", l::NO_LATER_THAN.get(self.lang));
                }
                t
            }
        }
    }

    fn by_when(&self, a: &Action) -> String {
        match (a.start, a.deadline) {
            (_, Some(d)) => d.to_string(),
            (Some(s), None) => format!("{} {s}", l::FROM.get(self.lang)),
            (None, None) => String::new(),
        }
    }

    fn feedback(&self, a: &Action) -> String {
        a.feedback.as_ref().map_or_else(String::new, |f| {
            let mut t = format!("{} → {}", f.from, f.to);
            if let Some(by) = f.by {
                t += &format!(", {} {by}", l::NO_LATER_THAN.get(self.lang));
            }
            t
        })
    }

    fn org_huvudman(&self, org: &str, h: Huvudman) -> String {
        let h = l::huvudman(h, self.lang);
        if org.trim().is_empty() {
            h.to_string()
        } else {
            format!("{org} / {h}")
        }
    }

    fn plan(&self) -> Vec<Section> {
        let lang = self.lang;
        let m = self.m;
        let mut plan = Section::new(1, l::PLAN.get(lang));
        plan.page_break = true;
        plan.blocks
            .push(Block::Label(self.mark().text().to_string()));
        let mut out = vec![plan];

        // SIP element 1: which interventions are needed.
        let mut actions = Section::new(2, l::ACTIONS_NEEDED.get(lang));
        if m.actions.is_empty() {
            actions.text(l::NO_ACTIONS.get(lang));
        } else {
            actions.blocks.push(Block::Table(Table {
                kind: TableKind::Actions,
                headers: [
                    l::WHAT,
                    l::PERFORMER,
                    l::ORG_HUVUDMAN,
                    l::DECIDED_BY,
                    l::BY_WHEN,
                    l::FEEDBACK,
                ]
                .iter()
                .map(|x| self.t(*x))
                .collect(),
                rows: m
                    .actions
                    .iter()
                    .map(|a| {
                        vec![
                            a.what.clone(),
                            self.performer(a),
                            self.org_huvudman(&a.organisation, a.huvudman),
                            self.decided_by(a),
                            self.by_when(a),
                            self.feedback(a),
                        ]
                    })
                    .collect(),
            }));
        }
        out.push(actions);

        let mut awaiting = Section::new(2, l::AWAITING_HEADING.get(lang));
        let pending: Vec<String> = m
            .actions
            .iter()
            .filter(|a| a.is_awaiting())
            .map(|a| format!("{} — {}", a.what, self.decided_by(a)))
            .collect();
        if pending.is_empty() {
            awaiting.text(l::NONE_AWAITING.get(lang));
        } else {
            awaiting.blocks.push(Block::List(pending));
        }
        out.push(awaiting);

        // SIP element 2: what each huvudman answers for.
        let mut per = Section::new(2, l::PER_HUVUDMAN.get(lang));
        for h in [Huvudman::Kommun, Huvudman::Region] {
            let whats: Vec<_> = m
                .actions
                .iter()
                .filter(|a| a.huvudman == h)
                .map(|a| a.what.trim().to_string())
                .collect();
            if !whats.is_empty() {
                per.blocks
                    .push(Block::Label(l::huvudman(h, lang).to_string()));
                per.blocks.push(Block::List(whats));
            }
        }
        if per.blocks.is_empty() {
            per.text(l::NO_ACTIONS.get(lang));
        }
        out.push(per);

        // SIP element 3: measures by others than kommun and region.
        let mut others = Section::new(2, l::BY_OTHERS.get(lang));
        let by_others: Vec<String> = m
            .actions
            .iter()
            .filter(|a| !matches!(a.huvudman, Huvudman::Kommun | Huvudman::Region))
            .map(|a| {
                format!(
                    "{} — {} ({})",
                    a.what,
                    self.performer(a),
                    self.org_huvudman(&a.organisation, a.huvudman)
                )
            })
            .collect();
        if by_others.is_empty() {
            others.text(l::NONE_BY_OTHERS.get(lang));
        } else {
            others.blocks.push(Block::List(by_others));
        }
        out.push(others);

        // SIP element 4: the overall responsibility.
        let mut overall = Section::new(2, l::OVERALL.get(lang));
        match &m.overall_responsible {
            None => overall.text(l::NOT_SET.get(lang)),
            Some(r) => {
                let mut t = self.org_huvudman(&r.organisation, r.huvudman);
                if let Some(p) = &r.person {
                    t += &format!(", {}", m.person_name(p));
                }
                overall.text(&t);
            }
        }
        out.push(overall);

        let mut coord = Section::new(2, l::COORDINATOR.get(lang));
        match &m.coordinator {
            None => coord.text(l::NOT_SET.get(lang)),
            Some(p) => {
                let mut t = m.person_name(p);
                if let Person::Participant(id) = p
                    && let Some(part) = m.participant(id)
                    && !part.organisation.trim().is_empty()
                {
                    t += &format!(" ({})", part.organisation);
                }
                coord.text(&t);
            }
        }
        out.push(coord);

        let mut dis = Section::new(2, l::DISAGREEMENTS.get(lang));
        let list: Vec<_> = m
            .disagreements
            .iter()
            .filter(|d| !d.trim().is_empty())
            .cloned()
            .collect();
        if list.is_empty() {
            dis.text(l::NO_DISAGREEMENTS.get(lang));
        } else {
            dis.blocks.push(Block::List(list));
        }
        out.push(dis);

        let mut fu = Section::new(2, l::FOLLOW_UP.get(lang));
        if let Some(reason) = m.plan_closed.as_deref().filter(|r| !r.trim().is_empty()) {
            fu.fields(vec![(self.t(l::PLAN_CLOSED), reason.trim().to_string())]);
        }
        match &m.follow_up {
            Some(f) => {
                let when = match f.time {
                    Some(t) => format!("{} {}", f.date, t.format("%H:%M")),
                    None => f.date.to_string(),
                };
                fu.fields(vec![
                    (self.t(l::WHEN), when),
                    (self.t(l::WHERE), f.place.clone()),
                    (
                        self.t(l::CONVENER),
                        f.convener
                            .as_ref()
                            .map(|p| m.person_name(p))
                            .unwrap_or_default(),
                    ),
                    (self.t(l::TOPICS), f.topics.trim().to_string()),
                ]);
            }
            None if m.plan_closed.is_none() => fu.text(l::NO_FOLLOW_UP.get(lang)),
            None => {}
        }
        out.push(fu);

        let mut dist = Section::new(2, l::DISTRIBUTION.get(lang));
        let mut recipients: Vec<String> = m
            .participants
            .iter()
            .map(|p| {
                if p.organisation.trim().is_empty() {
                    p.name.clone()
                } else {
                    format!("{}, {}", p.name, p.organisation)
                }
            })
            .collect();
        recipients.extend(
            m.distribution
                .iter()
                .filter(|d| !d.trim().is_empty())
                .cloned(),
        );
        if recipients.is_empty() {
            dist.text(l::NOTHING_RECORDED.get(lang));
        } else {
            dist.blocks.push(Block::List(recipients));
        }
        out.push(dist);

        let legal = self.agenda.legal_reference.get(lang);
        if !legal.trim().is_empty() {
            let mut s = Section::new(2, l::LEGAL_REFERENCE.get(lang));
            s.text(legal);
            out.push(s);
        }

        let mut stamp = Section::new(2, l::STAMP.get(lang));
        match &m.finalized {
            None => stamp.text(l::NOT_FINALIZED.get(lang)),
            Some(st) => stamp.fields(vec![
                (self.t(l::FINALIZED_BY), st.by.clone()),
                (
                    self.t(l::FINALIZED_AT),
                    st.at.format("%Y-%m-%d %H:%M").to_string(),
                ),
                (self.t(l::REVISION), st.revision.to_string()),
                (self.t(l::HASH), st.hash.clone()),
            ]),
        }
        if !m.revisions.is_empty() {
            stamp.blocks.push(Block::Table(Table {
                kind: TableKind::Other,
                headers: [l::REVISION, l::EVENT, l::BY, l::WHEN, l::REASON, l::HASH]
                    .iter()
                    .map(|x| self.t(*x))
                    .collect(),
                rows: m
                    .revisions
                    .iter()
                    .map(|r| {
                        vec![
                            r.revision.to_string(),
                            l::revision_kind(r.kind, lang).to_string(),
                            r.by.clone(),
                            r.at.format("%Y-%m-%d %H:%M").to_string(),
                            r.reason.clone().unwrap_or_default(),
                            r.hash[..12.min(r.hash.len())].to_string(),
                        ]
                    })
                    .collect(),
            }));
        }
        out.push(stamp);
        out
    }
}
