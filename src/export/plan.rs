//! The plan at the end of the minutes: who does what by when and who decided it, the
//! decisions pending, SIP's four required elements, follow-up, distribution and stamp.

use super::minutes::{Block, Builder, Section, Signature, Signatures, Table, TableKind};
use crate::i18n::minutes as l;
use crate::i18n::terms::{self, capital};
use crate::meeting::{Action, ActionKind, Decision, Huvudman, Id, Performer, Person};

impl Builder<'_> {
    /// A required value, or a visible "missing" in a draft.
    fn or_missing(&self, text: &str) -> String {
        if text.trim().is_empty() {
            format!("({})", l::MISSING.get(self.lang))
        } else {
            text.trim().to_string()
        }
    }

    /// The action's text, the goals it serves (by their numbers), and for one carried
    /// over, since when it has been in the plan.
    fn what(&self, a: &Action) -> String {
        let mut t = self.or_missing(&a.what);
        let numbers: Vec<String> = a
            .goals
            .iter()
            .filter_map(|g| self.m.goals.iter().position(|x| &x.id == g))
            .map(|n| (n + 1).to_string())
            .collect();
        if !numbers.is_empty() {
            let word = if numbers.len() == 1 {
                l::GOAL_SHORT
            } else {
                l::GOALS_SHORT
            };
            t += &format!(" ({} {})", word.get(self.lang), numbers.join(", "));
        }
        if let Some(o) = &a.origin {
            t += &format!(" ({} {})", l::FROM_PLAN.get(self.lang), o.since);
        }
        if !a.status_comment.trim().is_empty() {
            t += &format!(
                " {}: {}",
                l::COMMENT.get(self.lang),
                a.status_comment.trim()
            );
        }
        t
    }

    fn performer(&self, a: &Action) -> String {
        match &a.performer {
            None => self.or_missing(""),
            Some(Performer::Participant(id)) => {
                self.m.person_name(&Person::Participant(id.clone()))
            }
            Some(Performer::Family) => self.t(l::FAMILY),
            Some(Performer::Named(n)) => n.clone(),
        }
    }

    /// "Hanna Ström (Björkhagaskolan)", or the organisation when no person is known.
    fn person_with_org(&self, id: &Id) -> String {
        let m = self.m;
        match m.participant(id) {
            Some(p) => match &p.organisation {
                Some(o) => format!("{} ({})", p.name, m.organisation_name(o)),
                None => p.name.clone(),
            },
            None => m.person_name(&Person::Participant(id.clone())),
        }
    }

    fn decided_by(&self, a: &Action) -> String {
        let mut t = self.decision(a);
        if a.confirmed {
            t += &format!(" ({})", l::CONFIRMED_AT_TABLE.get(self.lang));
        }
        t
    }

    fn decision(&self, a: &Action) -> String {
        match &a.decision {
            Decision::AtTable { by } if by.is_empty() => self.or_missing(""),
            Decision::AtTable { by } => by
                .iter()
                .map(|id| self.person_with_org(id))
                .collect::<Vec<_>>()
                .join(crate::i18n::terms::and(self.lang)),
            Decision::Awaiting {
                decision_maker,
                organisation,
                decide_by,
                reason,
            } => {
                let mut t = format!(
                    "{}: {}",
                    l::AWAITING.get(self.lang),
                    self.or_missing(decision_maker)
                );
                if let Some(org) = organisation {
                    t += &format!(" ({})", self.m.organisation_name(org));
                }
                let by = decide_by.map_or_else(|| self.or_missing(""), |d| d.to_string());
                t += &format!(", {} {by}", l::NO_LATER_THAN.get(self.lang));
                if !reason.trim().is_empty() {
                    t += &format!(". {}: {}", self.t(l::AWAITED_BECAUSE), reason.trim());
                }
                t
            }
        }
    }

    fn by_when(&self, a: &Action) -> String {
        match (a.start, a.deadline) {
            (Some(s), Some(d)) => format!("{s} – {d}"),
            (None, Some(d)) => d.to_string(),
            (Some(s), None) => format!("{} {s}", l::FROM.get(self.lang)),
            (None, None) if a.is_awaiting() => l::AFTER_DECISION.get(self.lang).to_string(),
            (None, None) => self.or_missing(""),
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

    /// "Björkhagaskolan / Kommun".
    fn org_huvudman(&self, org: &Id) -> String {
        match self.m.organisation(org) {
            Some(o) => format!(
                "{} / {}",
                o.name,
                capital(terms::huvudman(o.huvudman, self.lang))
            ),
            None => org.to_string(),
        }
    }

    /// The law's word for the action and who carries it out: "Insats: BUP Södra /
    /// Region", "Åtgärd: familjen"; and who bears the cost.
    fn kind_and_org(&self, a: &Action) -> String {
        let lang = self.lang;
        let kind = capital(terms::action_kind(self.m.action_kind(a), lang));
        let org = match &a.organisation {
            Some(o) => self.org_huvudman(o),
            None => terms::family(lang).to_string(),
        };
        let mut t = format!("{kind}: {org}");
        if let Some(cost) = &a.cost_bearer {
            t += &format!(
                ". {}: {}",
                self.t(l::COST_BEARER),
                self.m.organisation_name(cost)
            );
        }
        t
    }

    pub(super) fn plan(&self) -> Vec<Section> {
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
                            self.what(a),
                            self.performer(a),
                            self.kind_and_org(a),
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
            .map(|a| format!("{} — {}", self.what(a), self.decided_by(a)))
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
                .filter(|a| {
                    m.action_kind(a) == ActionKind::Insats
                        && a.organisation
                            .as_ref()
                            .and_then(|o| m.organisation(o))
                            .is_some_and(|o| o.huvudman == h)
                })
                .map(|a| self.what(a))
                .collect();
            if !whats.is_empty() {
                per.blocks
                    .push(Block::Label(capital(terms::huvudman(h, lang))));
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
            .filter(|a| m.action_kind(a) == ActionKind::Atgard)
            .map(|a| match &a.organisation {
                Some(o) => format!(
                    "{} — {} ({})",
                    self.what(a),
                    self.performer(a),
                    self.org_huvudman(o)
                ),
                None => format!("{} — {}", self.what(a), self.performer(a)),
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
                let mut t = self.org_huvudman(&r.organisation);
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
                    && let Some(org) = m.organisation_of(id)
                {
                    t += &format!(" ({})", org.name);
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
        // Each person once: a distribution line that names a participant ("Mikael
        // Karlsson, vårdnadshavare (per post)") says how they get it, and stands for them.
        let person = |text: &str| {
            text.split([',', '('])
                .next()
                .unwrap_or("")
                .trim()
                .to_lowercase()
        };
        let extra: Vec<&String> = m
            .distribution
            .iter()
            .filter(|d| !d.trim().is_empty())
            .collect();
        let mut recipients: Vec<String> = m
            .participants
            .iter()
            .filter(|p| !extra.iter().any(|d| person(d) == person(&p.name)))
            .map(|p| match m.organisation_of(&p.id) {
                None => p.name.clone(),
                Some(o) => format!("{}, {}", p.name, o.name),
            })
            .collect();
        for d in extra {
            if !recipients.iter().any(|r| person(r) == person(d) && r == d) {
                recipients.push(d.clone());
            }
        }
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
                (self.t(l::JUSTERARE), st.justerare.join(", ")),
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
                            terms::revision_kind(r.kind, lang).to_string(),
                            r.by.clone(),
                            r.at.format("%Y-%m-%d %H:%M").to_string(),
                            r.reason.clone().unwrap_or_default(),
                            r.hash.get(..12).unwrap_or(&r.hash).to_string(),
                        ]
                    })
                    .collect(),
            }));
        }
        // Signed last, under everything the signatures vouch for.
        if let Some(st) = &m.finalized {
            stamp.blocks.push(Block::Signatures(self.signatures(st)));
        }
        out.push(stamp);
        out
    }

    /// Swedish minutes are signed on paper: by the note-taker ("vid protokollet"), and
    /// checked and signed ("justeras") by the facilitator, whoever finalized them and the
    /// justerare named at finalizing.
    fn signatures(&self, stamp: &crate::meeting::FinalizeStamp) -> Signatures {
        let m = self.m;
        let mut out = Vec::new();
        // "Fatima Rahimi, socialsekreterare" and "Fatima Rahimi" sign once.
        let person = |n: &str| {
            n.split([',', '('])
                .next()
                .unwrap_or("")
                .trim()
                .to_lowercase()
        };
        let mut add = |role: String, name: &str| {
            let name = name.trim();
            if !name.is_empty()
                && !out
                    .iter()
                    .any(|s: &Signature| person(&s.name) == person(name))
            {
                out.push(Signature {
                    role,
                    name: name.to_string(),
                });
            }
        };
        add(self.t(l::SIGNED_RECORD), &m.note_taker);
        add(self.t(l::SIGNED_APPROVED), &m.facilitator);
        add(self.t(l::SIGNED_APPROVED), &stamp.by);
        for j in &stamp.justerare {
            add(self.t(l::SIGNED_APPROVED), j);
        }
        Signatures {
            signature: self.t(l::SIGNATURE),
            date: self.t(l::DATE),
            people: out,
        }
    }
}
