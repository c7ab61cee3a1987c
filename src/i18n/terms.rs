//! One word per term: how every value of the meeting's enums reads, in Swedish and
//! English, the same on the screen, in the minutes and in `samsyn check`.
//!
//! The words are the ones Swedish professionals use (shared/GLOSSARY.md): a declined
//! invitation is "lämnat återbud", someone present is "på plats", a goal is
//! "långsiktigt mål" or "delmål". They are written in lower case, as they stand in
//! running text; where a table cell or heading starts with one, `capital` gives it its
//! capital letter, so there is never a second spelling.

use super::Lang;
use crate::meeting::{
    ActionKind, ActionStatus, Attendance, ConsentForm, DecisionOutcome, GoalKind, GoalOutcome,
    Huvudman, NotFollowable, Outcome, ParticipantKind, RevisionKind,
};

pub fn huvudman(h: Huvudman, lang: Lang) -> &'static str {
    match h {
        Huvudman::Kommun => lang.pick("kommun", "municipality"),
        Huvudman::Region => lang.pick("region", "region"),
        Huvudman::Privat => lang.pick("privat", "private"),
        Huvudman::Statlig => lang.pick("statlig", "state"),
        Huvudman::Annan => lang.pick("annan", "other"),
    }
}

/// The law's words: an insats of a huvudman, an åtgärd by anyone else.
pub fn action_kind(k: ActionKind, lang: Lang) -> &'static str {
    match k {
        ActionKind::Insats => lang.pick("insats", "intervention"),
        ActionKind::Atgard => lang.pick("åtgärd", "measure"),
    }
}

/// What became of an action of the previous plan.
pub fn outcome(o: Outcome, lang: Lang) -> &'static str {
    match o {
        Outcome::Done => lang.pick("genomförd", "done"),
        Outcome::PartlyDone => lang.pick("delvis genomförd", "partly done"),
        Outcome::NotDone => lang.pick("inte genomförd", "not done"),
        Outcome::Cancelled => lang.pick("avbruten", "cancelled"),
        Outcome::Continues => lang.pick("fortsätter", "continues"),
    }
}

/// Whether a goal of the previous plan was reached.
pub fn goal_outcome(o: GoalOutcome, lang: Lang) -> &'static str {
    match o {
        GoalOutcome::Reached => lang.pick("nått", "reached"),
        GoalOutcome::Partly => lang.pick("delvis nått", "partly reached"),
        GoalOutcome::NotReached => lang.pick("inte nått", "not reached"),
    }
}

/// What came of an awaited decision, without who and when.
pub fn decision_outcome(d: &DecisionOutcome, lang: Lang) -> &'static str {
    match d {
        DecisionOutcome::Granted { .. } => lang.pick("beviljat", "granted"),
        DecisionOutcome::Refused { .. } => lang.pick("avslag", "refused"),
        DecisionOutcome::StillAwaited => lang.pick("inväntas fortfarande", "still awaited"),
    }
}

/// Why no follow-up can be started, in words.
pub fn not_followable(why: &NotFollowable, lang: Lang) -> String {
    match why {
        NotFollowable::Draft => lang
            .pick(
                "protokollet är inte justerat; en uppföljning utgår från ett justerat protokoll",
                "the minutes are not finalized; a follow-up starts from finalized minutes",
            )
            .to_string(),
        NotFollowable::Closed(reason) => format!(
            "{}: {reason}",
            lang.pick("planen är avslutad", "the plan was closed")
        ),
        NotFollowable::Changed => lang
            .pick(
                "det justerade protokollet har ändrats efteråt; gör en ändring (A) först",
                "the finalized minutes were changed afterwards; amend them first",
            )
            .to_string(),
    }
}

/// The family's own measures have no huvudman; they are the family's.
pub fn family(lang: Lang) -> &'static str {
    lang.pick("familjen", "the family")
}

/// How a participant takes part.
pub fn participant_kind(k: ParticipantKind, lang: Lang) -> &'static str {
    match k {
        ParticipantKind::Professional => lang.pick("yrkesperson", "professional"),
        ParticipantKind::Guardian => lang.pick("vårdnadshavare", "guardian"),
        ParticipantKind::Child => lang.pick("barnet / den unge", "the child / young person"),
        ParticipantKind::Relative => lang.pick("närstående", "next of kin"),
        ParticipantKind::Other => lang.pick("annan", "other"),
    }
}

/// Attendance without the reason of a declined invitation.
pub fn attendance_word(a: &Attendance, lang: Lang) -> &'static str {
    match a {
        Attendance::Invited => lang.pick("inbjuden", "invited"),
        Attendance::InRoom => lang.pick("på plats", "in the room"),
        Attendance::Video => lang.pick("via video", "by video"),
        Attendance::Phone => lang.pick("via telefon", "by phone"),
        Attendance::Absent => lang.pick("frånvarande", "absent"),
        Attendance::Declined { .. } => lang.pick("lämnat återbud", "declined"),
    }
}

/// Attendance, with the reason of a declined invitation when one is written.
pub fn attendance(a: &Attendance, lang: Lang) -> String {
    let word = attendance_word(a, lang);
    match a {
        Attendance::Declined { reason } if !reason.trim().is_empty() => {
            format!("{word}: {}", reason.trim())
        }
        _ => word.to_string(),
    }
}

/// Part of the meeting, for the minutes: "bara under «Barnets röst»", "kom 14:30, gick
/// efter «Insatser»". `title` names a phase by its id.
pub fn part(p: &crate::meeting::Part, title: impl Fn(&str) -> String, lang: Lang) -> String {
    use crate::meeting::Moment;
    if let Some(only) = p.only_phase() {
        return format!(
            "{} «{}»",
            lang.pick("bara under", "only during"),
            title(only)
        );
    }
    let mut out = Vec::new();
    match &p.from {
        Some(Moment::At(t)) => out.push(format!(
            "{} {}",
            lang.pick("kom", "joined"),
            t.format("%H:%M")
        )),
        Some(Moment::Phase(id)) => out.push(format!(
            "{} «{}»",
            lang.pick("kom till", "joined for"),
            title(id)
        )),
        None => {}
    }
    match &p.until {
        Some(Moment::At(t)) => out.push(format!(
            "{} {}",
            lang.pick("gick", "left"),
            t.format("%H:%M")
        )),
        Some(Moment::Phase(id)) => out.push(format!(
            "{} «{}»",
            lang.pick("gick efter", "left after"),
            title(id)
        )),
        None => {}
    }
    out.join(", ")
}

pub fn consent_form(f: ConsentForm, lang: Lang) -> &'static str {
    match f {
        ConsentForm::Oral => lang.pick("muntligt", "oral"),
        ConsentForm::Written => lang.pick("skriftligt", "written"),
    }
}

pub fn goal_kind(k: GoalKind, lang: Lang) -> &'static str {
    match k {
        GoalKind::LongTerm => lang.pick("långsiktigt mål", "long-term goal"),
        GoalKind::ShortTerm => lang.pick("delmål", "sub-goal"),
    }
}

pub fn action_status(s: ActionStatus, lang: Lang) -> &'static str {
    match s {
        ActionStatus::Agreed => lang.pick("överenskommen", "agreed"),
        ActionStatus::AwaitingDecision => lang.pick("beslut inväntas", "awaiting decision"),
        ActionStatus::Done => lang.pick("genomförd", "done"),
        ActionStatus::PartlyDone => lang.pick("delvis genomförd", "partly done"),
        ActionStatus::NotDone => lang.pick("inte genomförd", "not done"),
        ActionStatus::Cancelled => lang.pick("avbruten", "cancelled"),
    }
}

pub fn revision_kind(k: RevisionKind, lang: Lang) -> &'static str {
    match k {
        RevisionKind::Finalized => lang.pick("justerat", "finalized"),
        RevisionKind::Amended => lang.pick("öppnat för ändring", "amended"),
    }
}

/// The word with a capital first letter, for the start of a cell or heading.
pub fn capital(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The mark of something past its date, in capitals so it is seen without colour.
pub fn overdue(lang: Lang) -> &'static str {
    lang.pick("FÖRSENAD", "OVERDUE")
}

/// Between the last two of several names: "Lena och Kim".
pub fn and(lang: Lang) -> &'static str {
    lang.pick(" och ", " and ")
}

/// Between choices: "Lena eller Kim".
pub fn or(lang: Lang) -> &'static str {
    lang.pick(" eller ", " or ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capital_changes_only_the_first_letter() {
        assert_eq!(capital("långsiktigt mål"), "Långsiktigt mål");
        assert_eq!(capital("överenskommen"), "Överenskommen");
        assert_eq!(capital(""), "");
    }
}

/// What needs attention, in a few words (`followups::Kind::word`), for the start screen
/// and `samsyn followups`.
pub mod attention {
    pub use crate::i18n::minutes::Label;
    pub const FOLLOW_UP_DUE: Label = Label("uppföljning", "follow-up");
    pub const DECISION_OVERDUE: Label = Label("beslut inväntas", "decision awaited");
    pub const ACTION_OVERDUE: Label = Label("insats försenad", "action overdue");
    pub const FEEDBACK_DUE: Label = Label("återkoppling", "feedback");
    pub const CONSENT_EXPIRES: Label = Label("samtycke går ut", "consent expires");
    pub const NO_NEXT_STEP: Label =
        Label("ingen uppföljning eller avslut", "no follow-up or closing");
    pub const INVITATION_NOT_SENT: Label = Label("kallelsen inte skickad", "notice not sent");
    pub const INVITATION_LATE: Label = Label("kallelsen skickades sent", "notice sent late");
}
