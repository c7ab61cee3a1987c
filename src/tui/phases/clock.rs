//! The meeting's clock, corrected by hand: the time counted in the phase on screen, and
//! whether the time the meeting was closed counts (only when the facilitator says so).

use crate::tui::app::Session;
use crate::tui::form::{F, Form, FormError, Target};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};

/// A phase's time is at most a day; more is a typing mistake.
const MAX_MINUTES: u64 = 24 * 60;

/// `750` seconds as the form shows them: `12:30`; whole minutes without seconds.
pub fn minutes_text(secs: u64) -> String {
    if secs.is_multiple_of(60) {
        (secs / 60).to_string()
    } else {
        format!("{}:{:02}", secs / 60, secs % 60)
    }
}

/// Minutes as typed (`12`, `12:30`, `12.30`, `0`) in seconds; `None` when not that.
pub fn parse_minutes(text: &str) -> Option<u64> {
    let text = text.trim();
    let (min, sec) = match text.split_once([':', '.']) {
        Some((m, s)) if s.len() == 2 => (m, s),
        Some(_) => return None,
        None => (text, "0"),
    };
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(min) || !all_digits(sec) {
        return None;
    }
    let (min, sec): (u64, u64) = (min.parse().ok()?, sec.parse().ok()?);
    (sec < 60 && min <= MAX_MINUTES).then_some(min * 60 + sec)
}

/// The form of `t`: the phase's minutes, and the time closed when there was some.
pub fn form(s: &Session, lang: Lang) -> Form {
    let title = fill(T::PhaseTimeForm.get(lang), &[s.phase().title.get(lang)]);
    let mut form = Form::new(Target::PhaseTime, title, s.meeting.date);
    form.line(
        F::PhaseMinutes,
        T::FPhaseMinutes,
        &minutes_text(s.elapsed_secs()),
    );
    if let Some(closed) = s.closed_secs.filter(|&c| c >= 60) {
        let name = fill(T::AddClosedName.get(lang), &[&(closed / 60).to_string()]);
        form.check_named(F::AddClosed, T::FAddClosed, name, false);
    }
    form
}

/// Set the phase's time as the form says; the time closed is added once, if ticked.
pub fn commit(s: &mut Session, form: &Form, lang: Lang) -> Result<(), FormError> {
    let text = form.text(F::PhaseMinutes);
    let secs = parse_minutes(&text)
        .ok_or_else(|| FormError::at(F::PhaseMinutes, fill(T::BadMinutes.get(lang), &[&text])))?;
    let added = if form.checked(F::AddClosed) {
        s.closed_secs.take().unwrap_or(0)
    } else {
        0
    };
    let id = s.phase().id.clone();
    s.meeting.edit_record(&id).elapsed_secs = secs + added;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_are_read_as_typed_and_written_back_the_same() {
        assert_eq!(parse_minutes("12"), Some(720));
        assert_eq!(parse_minutes(" 12:30 "), Some(750));
        assert_eq!(parse_minutes("12.05"), Some(725));
        assert_eq!(parse_minutes("0"), Some(0));
        for bad in ["", "x", "12:3", "12:60", "-1", "1441", "12:30:00", "١٢"] {
            assert_eq!(parse_minutes(bad), None, "{bad:?}");
        }
        for secs in [0, 59, 60, 750, 3600, 86_400] {
            assert_eq!(parse_minutes(&minutes_text(secs)), Some(secs));
        }
    }
}
