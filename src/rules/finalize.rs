//! The finalize gate (justering): minutes are stamped and locked only when nothing
//! blocks them, and only by someone named.

use super::{Problem, blocking};
use crate::agenda::Agenda;
use crate::meeting::{FinalizeStamp, Meeting};
use chrono::NaiveDateTime;

/// Finalize (justera): refused with every blocking problem, or stamped and locked.
pub fn finalize<'m>(
    m: &'m mut Meeting,
    agenda: &Agenda,
    by: &str,
    at: NaiveDateTime,
) -> Result<&'m FinalizeStamp, Vec<Problem>> {
    finalize_with(m, agenda, by, &[], at)
}

/// Finalize, naming the justerare who check and sign the minutes besides the
/// note-taker and `by`; the minutes print a line to sign and date for each.
pub fn finalize_with<'m>(
    m: &'m mut Meeting,
    agenda: &Agenda,
    by: &str,
    justerare: &[String],
    at: NaiveDateTime,
) -> Result<&'m FinalizeStamp, Vec<Problem>> {
    if m.is_finalized() {
        return Err(vec![Problem::already_finalized()]);
    }
    let mut problems = blocking(m, agenda);
    if by.trim().is_empty() {
        problems.push(Problem::no_finalizer());
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(m.stamp(by, justerare, at))
}
