//! The words of dates: weekdays, months, "kl." and why a typed date was not understood,
//! in Swedish and English. `datetime` parses and describes; the words are here.

use crate::i18n::Lang;
use crate::i18n::minutes::Label;
use chrono::Weekday;

/// Between a date and its time: "torsdag 3 december 2026 kl. 14:00".
pub const AT: Label = Label(" kl. ", " at ");

// Why a typed date was not understood (`datetime::ParseError::message`), then what to
// type instead.
pub const EMPTY: Label = Label("Inget datum skrivet", "No date typed");
pub const NOT_UNDERSTOOD: Label = Label("Förstår inte datumet", "Not understood as a date");
/// Day and month.
pub const NO_SUCH_DATE: Label = Label("Det finns ingen {}/{}", "There is no {}/{}");
/// Hour and minute (two digits).
pub const NO_SUCH_TIME: Label = Label("{}:{} är ingen tid", "{}:{} is not a time of day");
pub const MISSING_UNIT: Label = Label(
    "Talet efter + behöver v (veckor), d (dagar), m (månader) eller år",
    "A number after + needs v/w (weeks), d (days), m (months) or y (years)",
);
pub const TOO_FAR: Label = Label("Mer än tio år bort", "More than ten years away");
pub const HINT_TIME: Label = Label(
    "Timmar 0–23 och minuter 0–59, t.ex. 14:00 eller 9.30",
    "Hours 0–23 and minutes 0–59, e.g. 14:00 or 9.30",
);
pub const HINT_UNIT: Label = Label(
    "Skriv t.ex. +6v (veckor), +10d (dagar), +6m (månader) eller +1år",
    "Type e.g. +6w (weeks), +10d (days), +6m (months) or +1y",
);
pub const HINT_DATE: Label = Label(
    "Skriv t.ex. 2026-12-03 14:00, 3/12 14, 3 mars, tisdag, +6v, +6m eller om 2 veckor",
    "Type e.g. 2026-12-03 14:00, 3/12 14, 3 March, Tuesday, +6w, +6m or in 2 weeks",
);

/// The weekday's name in running text: lower case in Swedish.
pub fn weekday_name(day: Weekday, lang: Lang) -> &'static str {
    let (sv, en) = match day {
        Weekday::Mon => ("måndag", "Monday"),
        Weekday::Tue => ("tisdag", "Tuesday"),
        Weekday::Wed => ("onsdag", "Wednesday"),
        Weekday::Thu => ("torsdag", "Thursday"),
        Weekday::Fri => ("fredag", "Friday"),
        Weekday::Sat => ("lördag", "Saturday"),
        Weekday::Sun => ("söndag", "Sunday"),
    };
    lang.pick(sv, en)
}

/// The month's name (1 = January) in running text: lower case in Swedish.
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    const SV: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    lang.pick(SV[i], EN[i])
}
