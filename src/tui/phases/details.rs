//! The meeting's own details: title, case, date and time, place, facilitator,
//! note-taker, initiator, and the subject. Used for a new meeting and to edit them.

use crate::tui::form::{F, Form, FormError, Target};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::T;
use samsyn::meeting::Meeting;

fn when_text(m: &Meeting) -> String {
    match m.start {
        Some(t) => format!("{} {}", m.date, t.format("%H:%M")),
        None => m.date.to_string(),
    }
}

fn fields(form: &mut Form, m: &Meeting) {
    form.line(F::Title, T::FTitle, &m.title)
        .line(F::CaseRef, T::FCaseRef, &m.case_ref)
        .date(F::When, T::FDateTime, &when_text(m))
        .line(F::Place, T::FPlace, &m.place)
        .line(F::Facilitator, T::FFacilitator, &m.facilitator)
        .line(F::NoteTaker, T::FNoteTaker, &m.note_taker)
        .line(F::Initiator, T::FInitiator, &m.initiator)
        .line(F::SubjectName, T::FSubjectName, &m.subject.name)
        .line(F::SubjectInitials, T::FSubjectInitials, &m.subject.initials);
}

pub fn form(m: &Meeting, lang: Lang) -> Form {
    let mut form = Form::new(Target::Details, T::MeetingDetails.get(lang).into(), m.date);
    fields(&mut form, m);
    form
}

/// The form for a new meeting from `agenda_id`, prefilled from a draft meeting.
pub fn new_form(draft: &Meeting, agenda_id: &str, lang: Lang) -> Form {
    let mut form = Form::new(
        Target::NewMeeting(agenda_id.to_string()),
        format!("{} — {agenda_id}", T::NewMeeting.get(lang)),
        draft.date,
    );
    fields(&mut form, draft);
    form
}

/// Write the form into `m`.
pub fn commit(m: &mut Meeting, form: &Form, lang: Lang) -> Result<(), FormError> {
    let title = form.required_text(F::Title, T::FTitle, lang)?;
    let when = form.required_when(F::When, T::FDateTime, lang)?;
    m.title = title;
    m.case_ref = form.text(F::CaseRef);
    m.date = when.date;
    m.start = when.time;
    m.place = form.text(F::Place);
    m.facilitator = form.text(F::Facilitator);
    m.note_taker = form.text(F::NoteTaker);
    m.initiator = form.text(F::Initiator);
    m.subject.name = form.text(F::SubjectName);
    let initials = form.text(F::SubjectInitials);
    m.subject.initials = if initials.is_empty() {
        samsyn::meeting::initials_of(&m.subject.name)
    } else {
        initials
    };
    Ok(())
}
