//! The kallelse from the screen: the form that fills in the invitation (purpose,
//! questions, the decisions expected of each organisation, video link, convener, when it
//! was sent), and writing the kallelse files next to the meeting.

use crate::tui::app::Session;
use crate::tui::form::{F, Form, FormError, Target};
use samsyn::agenda::PhaseKind;
use samsyn::export::Format;
use samsyn::export::invite::{self, InviteError, InviteOptions, Recipient};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::meeting::{ExpectedDecisions, Invitation, Meeting, is_video_link};

/// The form over the meeting's invitation (empty when it has none yet).
pub fn form(m: &Meeting, lang: Lang) -> Form {
    // A follow-up's first kallelse starts from the previous plan's awaited decisions.
    let proposed;
    let inv = match &m.invitation {
        Some(inv) => inv,
        None => {
            proposed = m.proposed_invitation();
            &proposed
        }
    };
    let mut form = Form::new(
        Target::Invitation,
        T::InvitationForm.get(lang).into(),
        m.date,
    );
    form.intro = Some(T::InvitationIntro.get(lang).into());
    form.multi(F::Purpose, T::FPurpose, &inv.purpose).multi(
        F::Questions,
        T::FQuestions,
        &inv.questions.join("\n"),
    );
    for (i, o) in m.organisations.iter().enumerate() {
        let Ok(at) = u16::try_from(i) else { break };
        let expected = inv.expected.iter().find(|e| e.organisation == o.id);
        form.line(
            F::Expected(at),
            T::FExpected,
            expected.map_or("", |e| e.decisions.as_str()),
        );
        if let Some(f) = form.field_mut(F::Expected(at)) {
            f.name = Some(fill(T::FExpected.get(lang), &[&o.name]));
        }
        form.check_named(
            F::ExpectedCosts(at),
            T::FExpectedCosts,
            T::FExpectedCosts.get(lang).to_string(),
            expected.is_some_and(|e| e.costs),
        );
    }
    form.line(F::VideoLink, T::FVideoLink, &inv.video_link)
        .line(F::ConvenerName, T::FInviteConvener, &inv.convener)
        .line(F::Contact, T::FInviteContact, &inv.convener_contact)
        .date(
            F::Sent,
            T::FSent,
            &inv.sent.map_or(String::new(), |d| d.to_string()),
        );
    form
}

/// Write the form into the meeting's invitation; the Purpose phase takes the purpose and
/// the questions while nothing else is written there.
pub fn commit(s: &mut Session, form: &Form, lang: Lang) -> Result<(), FormError> {
    let link = form.text(F::VideoLink);
    if !link.is_empty() && !is_video_link(&link) {
        return Err(FormError::at(
            F::VideoLink,
            fill(T::NotAUrl.get(lang), &[&link]),
        ));
    }
    let sent = match form.when(F::Sent) {
        Ok(w) => w.map(|w| w.date),
        Err(_) => {
            return Err(FormError::at(
                F::Sent,
                fill(T::BadDate.get(lang), &[&form.text(F::Sent)]),
            ));
        }
    };
    let m = &s.meeting;
    let expected = m
        .organisations
        .iter()
        .enumerate()
        .filter_map(|(i, o)| {
            let at = u16::try_from(i).ok()?;
            let decisions = form.text(F::Expected(at));
            (!decisions.is_empty()).then(|| ExpectedDecisions {
                organisation: o.id.clone(),
                decisions,
                costs: form.checked(F::ExpectedCosts(at)),
            })
        })
        .collect();
    let before = m.invitation.clone().unwrap_or_default();
    let inv = Invitation {
        purpose: form.text(F::Purpose),
        questions: form
            .text(F::Questions)
            .lines()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_string)
            .collect(),
        expected,
        video_link: link,
        convener: form.text(F::ConvenerName),
        convener_contact: form.text(F::Contact),
        sent,
        announced: before.announced,
    };
    let purpose = s
        .agenda
        .phase_of_kind(PhaseKind::Purpose)
        .map(|p| p.id.clone());
    s.meeting.edit().set_invitation(inv, purpose.as_deref());
    // Sent now: the calendar event it carried is the one announced, as `--sent` records.
    if let Some(on) = sent.filter(|_| sent != before.sent) {
        s.meeting.edit().mark_invitation_sent(on);
    }
    Ok(())
}

/// Write the kallelse next to the meeting: everyone's copy (Word and calendar), each
/// organisation's and the family's (Word). The message says where, or why not; `true`
/// when it is an error.
pub fn write(s: &Session, today: chrono::NaiveDate, lang: Lang) -> (String, bool) {
    let m = &s.meeting;
    let mut copies: Vec<(Recipient, Format)> = vec![
        (Recipient::All, Format::Docx),
        (Recipient::All, Format::Ics),
        (Recipient::Family, Format::Docx),
    ];
    for o in m
        .organisations
        .iter()
        .filter(|o| !m.invited_for(&o.id).is_empty())
    {
        copies.push((Recipient::Organisation(o.id.clone()), Format::Docx));
    }
    let mut written = 0;
    for (recipient, format) in copies {
        let path = invite::default_path(&s.path, m, &recipient, format, lang);
        let options = InviteOptions {
            lang,
            recipient,
            pseudonymize: false,
            today,
        };
        let bytes = match invite::invite(m, &s.agenda, format, &options) {
            Ok(b) => b,
            Err(InviteError::Refused(reasons)) => {
                return (
                    fill(T::InvitationRefused.get(lang), &[&reasons.join("; ")]),
                    true,
                );
            }
            Err(InviteError::Other(e)) => {
                return (fill(T::InvitationRefused.get(lang), &[&e]), true);
            }
        };
        // Only a regular file or a new path, as `samsyn invite` writes.
        if std::fs::symlink_metadata(&path).is_ok_and(|meta| !meta.file_type().is_file()) {
            return (
                fill(
                    T::InvitationNotFile.get(lang),
                    &[&path.display().to_string()],
                ),
                true,
            );
        }
        if let Err(e) = samsyn::store::write_private(&path, &bytes) {
            return (e.to_string(), true);
        }
        written += 1;
    }
    let warnings: Vec<String> = invite::problems(m, &s.agenda, today)
        .iter()
        .filter(|p| !p.refuses())
        .map(|p| invite::problem_text(m, p, lang))
        .collect();
    let dir = s
        .path
        .parent()
        .map_or(String::new(), |d| d.display().to_string());
    let mut msg = fill(
        T::InvitationWritten.get(lang),
        &[&written.to_string(), &dir],
    );
    if !warnings.is_empty() {
        msg += &fill(T::InvitationWarns.get(lang), &[&warnings.join("; ")]);
    }
    (msg, !warnings.is_empty())
}
