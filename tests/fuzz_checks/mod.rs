//! What must hold for any input to the three loaders, shared by the libFuzzer targets in
//! fuzz/ (long runs on nightly) and tests/fuzz_smoke.rs (a bounded run on stable in CI).
//! Each check returns whether the input was accepted, or panics; a panic is a bug.
#![allow(dead_code)] // each user calls a different part

use chrono::NaiveDate;
use samsyn::agenda::Agenda;
use samsyn::i18n::Lang;
use std::path::Path;
use std::sync::OnceLock;

fn builtin() -> &'static [Agenda] {
    static AGENDAS: OnceLock<Vec<Agenda>> = OnceLock::new();
    AGENDAS.get_or_init(samsyn::agenda::builtin)
}

/// The agenda loader: never panics; an agenda it accepts reads back the same after it is
/// written out.
pub fn agenda(data: &[u8]) -> bool {
    let Ok(src) = std::str::from_utf8(data) else {
        return false;
    };
    let path = Path::new("fuzz-agenda.ron");
    match samsyn::agenda::parse(path, src) {
        Ok(agenda) => {
            let text = ron::ser::to_string_pretty(&agenda, ron::ser::PrettyConfig::new())
                .expect("a loaded agenda serializes");
            let again = samsyn::agenda::parse(path, &text)
                .unwrap_or_else(|e| panic!("a loaded agenda does not load again: {e}\n{text}"));
            assert_eq!(again, agenda, "the agenda changed on the way through RON");
            true
        }
        Err(e) => {
            assert!(!e.to_string().is_empty(), "an error says something");
            false
        }
    }
}

/// The meeting loader: never panics; a meeting it accepts is saved and loaded back
/// unchanged, and the rules and the content hash can judge it.
pub fn meeting(data: &[u8]) -> bool {
    let Ok(src) = std::str::from_utf8(data) else {
        return false;
    };
    let path = Path::new("fuzz-meeting.ron");
    match samsyn::store::parse(path, src) {
        Ok(m) => {
            let text = samsyn::store::to_ron(&m);
            let again = samsyn::store::parse(path, &text)
                .unwrap_or_else(|e| panic!("a loaded meeting does not load after saving: {e}"));
            assert_eq!(
                again, m,
                "the meeting changed on the way through save and load"
            );
            for agenda in builtin() {
                let _ = samsyn::rules::check(&m, agenda);
            }
            let _ = m.stamp_matches();
            true
        }
        Err(e) => {
            assert!(!e.to_string().is_empty(), "an error says something");
            false
        }
    }
}

/// The date/time parser: never panics; the first two bytes choose the meeting's day
/// (2000–2179), the rest is what was typed. Whatever it accepts can be described, and a
/// relative date (`+Nv`, `+Nd`, a weekday, `imorgon`) is never before the meeting.
pub fn datetime(data: &[u8]) -> bool {
    let Some((day, rest)) = data.split_first_chunk::<2>() else {
        return false;
    };
    let meeting = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
        + chrono::Days::new(u64::from(u16::from_le_bytes(*day)));
    let Ok(input) = std::str::from_utf8(rest) else {
        return false;
    };
    match samsyn::datetime::parse(input, meeting) {
        Ok(parsed) => {
            assert!(!parsed.describe(Lang::Sv).is_empty());
            assert!(!parsed.describe(Lang::En).is_empty());
            let t = input.trim_start();
            if t.starts_with('+') {
                assert!(parsed.date >= meeting, "{input:?} went back in time");
            }
            true
        }
        Err(e) => {
            assert!(!e.message(Lang::Sv).is_empty());
            assert!(!e.message(Lang::En).is_empty());
            false
        }
    }
}
