//! Kallelse: what the invitation to a meeting says before it is held — why we meet, the
//! questions to answer, and which decisions each organisation must come able to take.
//!
//! Who is invited are the meeting's participants (attendance `Invited` until they come);
//! the invitation adds what the participants cannot say: the purpose, the questions
//! (frågeställningar, which become the Purpose phase's text), the decisions expected of
//! each organisation, the video link, who convenes and when it was sent. Huvudmän (kommun,
//! region) are *kallade*; everyone else is *inbjuden*.

use super::{Announced, Id, Meeting, Participant};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Kallelse: what the invitation to this meeting asks of those invited.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    /// Syfte: why we meet, in a sentence or two.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// Frågeställningar: the questions the meeting is to answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
    /// Per organisation, the decisions it is expected to be able to take at the table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected: Vec<ExpectedDecisions>,
    /// A link to the video meeting (besides or instead of the place).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub video_link: String,
    /// Sammankallande: who sends the kallelse and convenes the meeting.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub convener: String,
    /// How to reach the convener (telephone, e-mail), for those who cannot come.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub convener_contact: String,
    /// When the kallelse was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<NaiveDate>,
    /// The date, time and calendar SEQUENCE the sent kallelse announced: sent again after
    /// the meeting moved, its calendar event is the same one with a higher SEQUENCE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<Announced>,
}

/// The decisions one organisation is expected to be able to take ("Socialtjänsten:
/// beslut om familjebehandling").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedDecisions {
    pub organisation: Id,
    pub decisions: String,
    /// The decisions include costs: the one who comes needs a cost mandate.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub costs: bool,
}

/// Whether an organisation has, at the table, someone with the mandate its kallelse asked
/// for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MandateAtTable {
    /// Present with a mandate (with costs where costs were asked for).
    Met(Id),
    /// Present, but without a mandate, or without the cost mandate asked for.
    Lacking(Id),
    /// Nobody of the organisation is present (yet).
    NobodyPresent,
}

/// What is wrong with an invitation: the first kinds refuse it, the rest warn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvitationProblem {
    /// No start time: a kallelse must say when.
    NoTime,
    /// The video link is not a http(s) URL.
    BadVideoLink(String),
    /// An organisation is expected to decide and nobody is invited for it.
    NobodyInvited(Id),
    /// The expected decisions name an organisation the meeting does not have.
    UnknownOrganisation(Id),
    /// Nobody is invited at all.
    NoInvitees,
    // Warnings.
    NoPurpose,
    NoQuestions,
    /// Neither a place nor a video link.
    NoPlace,
    NoConvener,
    /// Everyone invited for an organisation expected to decide has declined.
    AllDeclined(Id),
    /// The kallelse went (or goes) out after the agenda's last day for sending it.
    Late {
        deadline: NaiveDate,
    },
    /// The meeting's date has passed.
    Past,
}

impl InvitationProblem {
    /// Whether the problem refuses the kallelse (rather than warning about it).
    pub fn refuses(&self) -> bool {
        matches!(
            self,
            InvitationProblem::NoTime
                | InvitationProblem::BadVideoLink(_)
                | InvitationProblem::NobodyInvited(_)
                | InvitationProblem::UnknownOrganisation(_)
                | InvitationProblem::NoInvitees
        )
    }
}

/// Whether a video link is an absolute http or https URL with a host.
pub fn is_video_link(link: &str) -> bool {
    url::Url::parse(link.trim()).is_ok_and(|u| {
        matches!(u.scheme(), "https" | "http") && u.host_str().is_some_and(|h| !h.is_empty())
    })
}

/// The Purpose phase's text written from the invitation: the purpose, then each
/// question on a line of its own.
pub fn purpose_notes(inv: &Invitation) -> String {
    let mut out = inv.purpose.trim().to_string();
    let questions: Vec<String> = inv
        .questions
        .iter()
        .map(|q| q.trim())
        .filter(|q| !q.is_empty())
        .map(|q| format!("- {q}"))
        .collect();
    if !questions.is_empty() {
        if !out.is_empty() {
            out += "\n\n";
        }
        out += &questions.join("\n");
    }
    out
}

impl Meeting {
    /// Set the invitation. The Purpose phase (`purpose_phase`, when the agenda has one)
    /// takes the purpose and the questions as its text while nothing else was written
    /// there: empty, or what the previous invitation put there.
    pub fn set_invitation(&mut self, inv: Invitation, purpose_phase: Option<&str>) {
        let before = self.invitation.as_ref().map(purpose_notes);
        let seeded = purpose_notes(&inv);
        if let Some(id) = purpose_phase {
            let notes = self.phase(id).map_or("", |p| p.notes.as_str());
            let untouched =
                notes.trim().is_empty() || before.is_some_and(|b| b.trim() == notes.trim());
            if untouched && (notes != seeded) {
                self.phase_mut(id).notes = seeded;
            }
        }
        self.invitation = Some(inv);
    }

    /// The SEQUENCE of the meeting's own calendar event: the latest announced for it (by
    /// the previous minutes or by a kallelse sent), one higher when the meeting has moved
    /// from that date or time since.
    pub fn own_event_sequence(&self) -> u32 {
        let from_minutes = self.previous.as_ref().and_then(|p| p.announced.as_ref());
        let from_invitation = self.invitation.as_ref().and_then(|i| i.announced.as_ref());
        [from_minutes, from_invitation]
            .into_iter()
            .flatten()
            .max_by_key(|a| a.sequence)
            .map_or(0, |a| {
                a.sequence + u32::from(a.date != self.date || a.time != self.start)
            })
    }

    /// Record that the kallelse was sent on `on`, announcing the meeting's date and time:
    /// sent again after the meeting moves, its calendar event gets a higher SEQUENCE.
    pub fn mark_invitation_sent(&mut self, on: NaiveDate) {
        let sequence = self.own_event_sequence();
        let announced = Announced {
            date: self.date,
            time: self.start,
            sequence,
        };
        let inv = self.invitation.get_or_insert_with(Invitation::default);
        inv.sent = Some(on);
        inv.announced = Some(announced);
    }

    /// The first kallelse of a follow-up starts from the previous plan: each organisation
    /// whose decision the plan awaited is expected to come able to take it (with costs
    /// where the action's cost falls on it).
    pub fn proposed_invitation(&self) -> Invitation {
        let mut expected: Vec<ExpectedDecisions> = Vec::new();
        for r in &self.reviews {
            let super::Decision::Awaiting { organisation, .. } = &r.was.decision else {
                continue;
            };
            let Some(org) = organisation.as_ref().or(r.was.organisation.as_ref()) else {
                continue;
            };
            let what = r.was.what.trim().lines().next().unwrap_or("").trim();
            let costs = r.was.cost_bearer.as_ref() == Some(org);
            match expected.iter_mut().find(|e| &e.organisation == org) {
                Some(e) => {
                    e.decisions += &format!("; {what}");
                    e.costs |= costs;
                }
                None => expected.push(ExpectedDecisions {
                    organisation: org.clone(),
                    decisions: what.to_string(),
                    costs,
                }),
            }
        }
        Invitation {
            expected,
            ..Invitation::default()
        }
    }

    /// Kallad: an organisation whose huvudman is kommun or region is summoned; others
    /// are invited.
    pub fn is_called(&self, organisation: &Id) -> bool {
        self.organisation(organisation)
            .is_some_and(|o| o.huvudman.is_of_the_law())
    }

    /// The participants who come for `organisation` or a unit under it.
    pub fn invited_for(&self, organisation: &Id) -> Vec<&Participant> {
        self.participants
            .iter()
            .filter(|p| {
                p.organisation
                    .as_ref()
                    .is_some_and(|o| self.covers(organisation, o) || self.covers(o, organisation))
            })
            .collect()
    }

    /// The decisions the invitation expects of `organisation`.
    pub fn expected_of(&self, organisation: &Id) -> Option<&ExpectedDecisions> {
        self.invitation
            .as_ref()?
            .expected
            .iter()
            .find(|e| &e.organisation == organisation && !e.decisions.trim().is_empty())
    }

    /// Whether someone present for `expected.organisation` (or a unit above it) has the
    /// mandate the invitation asked for.
    pub fn mandate_at_table(&self, expected: &ExpectedDecisions) -> MandateAtTable {
        let present: Vec<&Participant> = self
            .participants
            .iter()
            .filter(|p| p.is_present())
            .filter(|p| {
                p.organisation
                    .as_ref()
                    .is_some_and(|o| self.covers(o, &expected.organisation))
            })
            .collect();
        let enough = |p: &&&Participant| {
            p.mandate
                .as_ref()
                .is_some_and(|md| md.costs || !expected.costs)
        };
        match (present.iter().find(enough), present.first()) {
            (Some(p), _) => MandateAtTable::Met(p.id.clone()),
            (None, Some(p)) => MandateAtTable::Lacking(p.id.clone()),
            (None, None) => MandateAtTable::NobodyPresent,
        }
    }

    /// The last day the kallelse should go out: `days_before` the meeting; `None` when
    /// the agenda sets no such day (0).
    pub fn invitation_deadline(&self, days_before: u32) -> Option<NaiveDate> {
        invitation_deadline(self.date, days_before)
    }

    /// What is wrong with the invitation, judged on `today` (the day it is written or
    /// sent) against the agenda's `days_before`: the refusing problems first.
    pub fn invitation_problems(
        &self,
        today: NaiveDate,
        days_before: u32,
    ) -> Vec<InvitationProblem> {
        use InvitationProblem as P;
        let empty = Invitation::default();
        let inv = self.invitation.as_ref().unwrap_or(&empty);
        let mut out = Vec::new();
        if self.start.is_none() {
            out.push(P::NoTime);
        }
        let link = inv.video_link.trim();
        if !link.is_empty() && !is_video_link(link) {
            out.push(P::BadVideoLink(link.to_string()));
        }
        for e in inv
            .expected
            .iter()
            .filter(|e| !e.decisions.trim().is_empty())
        {
            if self.organisation(&e.organisation).is_none() {
                out.push(P::UnknownOrganisation(e.organisation.clone()));
            } else if self.invited_for(&e.organisation).is_empty() {
                out.push(P::NobodyInvited(e.organisation.clone()));
            }
        }
        let declined: Vec<Id> = inv
            .expected
            .iter()
            .filter(|e| !e.decisions.trim().is_empty())
            .filter(|e| {
                let invited = self.invited_for(&e.organisation);
                !invited.is_empty()
                    && invited
                        .iter()
                        .all(|p| matches!(p.attendance, super::Attendance::Declined { .. }))
            })
            .map(|e| e.organisation.clone())
            .collect();
        if self.participants.is_empty() {
            out.push(P::NoInvitees);
        }
        if inv.purpose.trim().is_empty() {
            out.push(P::NoPurpose);
        }
        if inv.questions.iter().all(|q| q.trim().is_empty()) {
            out.push(P::NoQuestions);
        }
        if self.place.trim().is_empty() && link.is_empty() {
            out.push(P::NoPlace);
        }
        if inv.convener.trim().is_empty() {
            out.push(P::NoConvener);
        }
        out.extend(declined.into_iter().map(P::AllDeclined));
        if self.date < today {
            out.push(P::Past);
        } else if let Some(deadline) = self.invitation_deadline(days_before) {
            let sent_on = inv.sent.unwrap_or(today);
            if sent_on > deadline {
                out.push(P::Late { deadline });
            }
        }
        out
    }
}

/// The last day the kallelse of a meeting on `date` should go out: `days_before` it;
/// `None` when the agenda sets no such day (0).
pub fn invitation_deadline(date: NaiveDate, days_before: u32) -> Option<NaiveDate> {
    (days_before > 0).then(|| date - chrono::TimeDelta::days(i64::from(days_before)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::{AgendaRef, Attendance, Huvudman, Mandate, Organisation, ParticipantKind};
    use chrono::NaiveTime;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn meeting() -> Meeting {
        let mut m = Meeting::new(
            AgendaRef {
                id: "sip".into(),
                version: 1,
            },
            "SIP",
            day("2026-12-10"),
        );
        m.start = NaiveTime::from_hms_opt(13, 0, 0);
        m.place = "Nordvikskolan".into();
        for (id, h) in [("soc", Huvudman::Kommun), ("fk", Huvudman::Statlig)] {
            m.organisations.push(Organisation {
                id: Id::new(id),
                name: id.to_uppercase(),
                huvudman: h,
                mission: String::new(),
                parent: None,
            });
        }
        m.participants.push(Participant {
            id: Id::new("p1"),
            name: "Sara Ek".into(),
            organisation: Some(Id::new("soc")),
            role: "socialsekreterare".into(),
            kind: ParticipantKind::Professional,
            mandate: None,
            attendance: Attendance::Invited,
            stand_in: None,
            contact: None,
            part: None,
        });
        m.invitation = Some(Invitation {
            purpose: "Planera stödet".into(),
            questions: vec!["Vem gör vad?".into()],
            expected: vec![ExpectedDecisions {
                organisation: Id::new("soc"),
                decisions: "beslut om familjebehandling".into(),
                costs: true,
            }],
            convener: "Eva Ros".into(),
            ..Invitation::default()
        });
        m
    }

    #[test]
    fn a_complete_invitation_has_no_problem_and_huvudman_are_called() {
        let m = meeting();
        assert_eq!(m.invitation_problems(day("2026-11-20"), 14), vec![]);
        assert!(m.is_called(&Id::new("soc")));
        assert!(!m.is_called(&Id::new("fk")));
    }

    #[test]
    fn bad_input_refuses_or_warns() {
        use InvitationProblem as P;
        let mut m = meeting();
        m.start = None;
        let inv = m.invitation.as_mut().unwrap();
        inv.video_link = "teams möte".into();
        inv.expected.push(ExpectedDecisions {
            organisation: Id::new("fk"),
            decisions: "beslut om ersättning".into(),
            costs: false,
        });
        let problems = m.invitation_problems(day("2026-12-01"), 14);
        assert_eq!(
            problems,
            vec![
                P::NoTime,
                P::BadVideoLink("teams möte".into()),
                P::NobodyInvited(Id::new("fk")),
                P::Late {
                    deadline: day("2026-11-26")
                },
            ]
        );
        assert!(problems[..3].iter().all(P::refuses));
        assert!(!problems[3].refuses());
        // Everyone of social services declined: warned, not refused.
        let mut m = meeting();
        m.participants[0].attendance = Attendance::Declined {
            reason: "sjuk".into(),
        };
        let problems = m.invitation_problems(day("2026-11-20"), 14);
        assert_eq!(problems, vec![P::AllDeclined(Id::new("soc"))]);
        assert!(!problems[0].refuses());
        assert!(is_video_link("https://meet.example.se/abc"));
        assert!(!is_video_link("https://"));
        assert!(!is_video_link("ftp://x.se/a"));
    }

    #[test]
    fn the_mandate_asked_for_is_met_only_with_costs_when_costs_were_asked() {
        let mut m = meeting();
        let expected = m.invitation.as_ref().unwrap().expected[0].clone();
        assert_eq!(m.mandate_at_table(&expected), MandateAtTable::NobodyPresent);
        m.participants[0].attendance = Attendance::InRoom;
        m.participants[0].mandate = Some(Mandate {
            scope: "familjebehandling".into(),
            costs: false,
        });
        assert_eq!(
            m.mandate_at_table(&expected),
            MandateAtTable::Lacking(Id::new("p1"))
        );
        m.participants[0].mandate.as_mut().unwrap().costs = true;
        assert_eq!(
            m.mandate_at_table(&expected),
            MandateAtTable::Met(Id::new("p1"))
        );
    }

    #[test]
    fn a_kallelse_sent_again_after_the_meeting_moved_gets_a_higher_sequence() {
        let mut m = meeting();
        assert_eq!(m.own_event_sequence(), 0);
        m.mark_invitation_sent(day("2026-11-20"));
        assert_eq!(m.own_event_sequence(), 0, "unchanged since it was sent");
        m.date = day("2026-12-11");
        assert_eq!(m.own_event_sequence(), 1, "moved");
        m.mark_invitation_sent(day("2026-11-22"));
        assert_eq!(
            m.invitation
                .as_ref()
                .unwrap()
                .announced
                .as_ref()
                .unwrap()
                .sequence,
            1
        );
        assert_eq!(m.own_event_sequence(), 1);
        m.start = NaiveTime::from_hms_opt(9, 0, 0);
        assert_eq!(m.own_event_sequence(), 2);
    }

    #[test]
    fn a_follow_ups_first_kallelse_expects_the_awaited_decisions() {
        use crate::meeting::{Action, ActionReview, Decision, Performer};
        let mut m = meeting();
        let awaited = |what: &str, org: Option<&str>| {
            let mut a = Action::new(
                Id::new("a1"),
                what,
                Performer::Named("x".into()),
                Some(Id::new("soc")),
                Decision::Awaiting {
                    decision_maker: "Enhetschef".into(),
                    organisation: org.map(Id::new),
                    decide_by: None,
                    reason: String::new(),
                },
            );
            a.cost_bearer = Some(Id::new("soc"));
            ActionReview {
                was: a,
                outcome: None,
                comment: String::new(),
                decision: None,
                carried_to: None,
            }
        };
        m.reviews = vec![
            awaited("Familjebehandling\nvarje vecka", Some("soc")),
            awaited("Kontaktperson", None),
        ];
        let inv = m.proposed_invitation();
        assert_eq!(
            inv.expected,
            vec![ExpectedDecisions {
                organisation: Id::new("soc"),
                decisions: "Familjebehandling; Kontaktperson".into(),
                costs: true,
            }]
        );
    }

    #[test]
    fn the_questions_become_the_purpose_phase_until_someone_writes_there() {
        let mut m = meeting();
        let inv = m.invitation.take().unwrap();
        m.set_invitation(inv.clone(), Some("syfte"));
        assert_eq!(
            m.phase("syfte").unwrap().notes,
            "Planera stödet\n\n- Vem gör vad?"
        );
        let mut changed = inv.clone();
        changed.questions.push("Vem samordnar?".into());
        m.set_invitation(changed.clone(), Some("syfte"));
        assert!(
            m.phase("syfte")
                .unwrap()
                .notes
                .ends_with("- Vem samordnar?")
        );
        m.phase_mut("syfte").notes = "Skrivet vid mötet".into();
        m.set_invitation(inv, Some("syfte"));
        assert_eq!(m.phase("syfte").unwrap().notes, "Skrivet vid mötet");
    }
}
