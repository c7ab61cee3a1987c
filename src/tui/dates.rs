//! Dates typed into forms. The one parser is `samsyn::datetime`; this file only adapts
//! its answer for the form fields: the parsed result in words, or what to type instead.

use samsyn::datetime::{self, ParseError, Parsed};
use samsyn::i18n::Lang;

/// A date, with a time when one was typed.
pub type When = Parsed;

/// Parse what a person typed, relative to the meeting's date.
pub fn parse(input: &str, meeting_date: chrono::NaiveDate) -> Result<When, ParseError> {
    datetime::parse(input, meeting_date)
}

/// The note under a date field: "→ torsdag 3 december 2026 kl. 14:00", or the reason
/// and a hint. `true` when it is a hint.
pub fn note(input: &str, meeting_date: chrono::NaiveDate, lang: Lang) -> (String, bool) {
    match parse(input, meeting_date) {
        Ok(w) => (format!("→ {}", w.describe(lang)), false),
        Err(e) => (e.message(lang), true),
    }
}
