//! Dates and times as a Swedish person types them (`3/12 14`, `+6v`, `imorgon`,
//! `torsdag`), parsed relative to the meeting's day and described in words before use.
//!
//! Every relative form counts from the meeting's date, not from the computer's clock:
//! the minutes are often written up afterwards, and "+6v" said at the table means six
//! weeks from that meeting.

use crate::i18n::Lang;
use crate::i18n::dates as words;
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

/// Longest input worth looking at; anything longer is refused before any work is done.
const MAX_INPUT_CHARS: usize = 64;

/// Furthest a relative date (`+Nv`, `+Nd`) may reach: ten years. Nothing in a plan for a
/// child is decided further ahead; a larger number is a typing mistake.
pub const MAX_OFFSET_DAYS: u64 = 3653;

/// How many years ahead `29/2` may look for a leap year.
const YEARS_AHEAD: i32 = 8;

/// A date, and the time of day when one was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// False when only a time was typed (`14:00`): the date is then the meeting's.
    pub date_typed: bool,
}

impl Parsed {
    /// The result in words, shown before it is accepted:
    /// "torsdag 3 december 2026 kl. 14:00" / "Thursday 3 December 2026 at 14:00".
    pub fn describe(&self, lang: Lang) -> String {
        let d = self.date;
        let mut text = format!(
            "{} {} {} {}",
            weekday_name(d.weekday(), lang),
            d.day(),
            month_name(d.month(), lang),
            d.year()
        );
        if let Some(t) = self.time {
            text.push_str(words::AT.get(lang));
            text.push_str(&t.format("%H:%M").to_string());
        }
        text
    }
}

/// Why a date or time was not understood; `message` says it with a hint for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("nothing typed")]
    Empty,
    #[error("not a date or time")]
    NotUnderstood,
    #[error("there is no {day}/{month}")]
    NoSuchDate { day: u32, month: u32 },
    #[error("{hour}:{minute:02} is not a time of day")]
    NoSuchTime { hour: u32, minute: u32 },
    #[error("a number after + needs v/w (weeks), d (days), m (months) or y (years)")]
    MissingUnit,
    #[error("more than ten years away")]
    TooFar,
}

impl ParseError {
    /// What to type instead.
    pub fn hint(&self, lang: Lang) -> &'static str {
        match self {
            ParseError::NoSuchTime { .. } => words::HINT_TIME.get(lang),
            ParseError::MissingUnit => words::HINT_UNIT.get(lang),
            _ => words::HINT_DATE.get(lang),
        }
    }

    /// The reason and the hint, in one line for the form.
    pub fn message(&self, lang: Lang) -> String {
        let fill = crate::i18n::cli::fill;
        let reason = match self {
            ParseError::Empty => words::EMPTY.get(lang).to_string(),
            ParseError::NotUnderstood => words::NOT_UNDERSTOOD.get(lang).to_string(),
            ParseError::NoSuchDate { day, month } => fill(
                words::NO_SUCH_DATE.get(lang),
                &[&day.to_string(), &month.to_string()],
            ),
            ParseError::NoSuchTime { hour, minute } => fill(
                words::NO_SUCH_TIME.get(lang),
                &[&hour.to_string(), &format!("{minute:02}")],
            ),
            ParseError::MissingUnit => words::MISSING_UNIT.get(lang).to_string(),
            ParseError::TooFar => words::TOO_FAR.get(lang).to_string(),
        };
        format!("{reason}. {}", self.hint(lang))
    }
}

/// Parse a date and/or time as typed, relative to the meeting's date.
///
/// Accepted: `2026-12-03 14:00`, `2026-12-03T14:00`, `2026-12-03`; `3/12`, `3/12 14`,
/// `3/12 14:30`, `3/12/2026` (day/month; without a year the next 3 December on or
/// after the meeting); `3 dec`, `3 mars`, `den 3 december 2026`, `March 3`; `14:00` or
/// `14.00` alone (a time on the meeting's day); `+3v`, `+3w`, `+3 veckor`, `+10d`,
/// `+6m`, `+6 mån`, `+1år`, `+1y`, `om 2 veckor`, `om en månad`, `in 2 weeks`, and the
/// same without `om` (`6 månader`) — all from the meeting's day, months as calendar
/// months;
/// `idag`/`today`, `imorgon`/`i morgon`/`tomorrow`, `i övermorgon`; weekday names in
/// Swedish and English, whole or short (the next one after the meeting's day). A time
/// may follow any date form, with or without `kl.`/`at`.
///
/// ```
/// use chrono::NaiveDate;
/// let meeting = NaiveDate::from_ymd_opt(2026, 11, 4).unwrap();
/// let parsed = samsyn::datetime::parse("+6v", meeting).unwrap();
/// assert_eq!(parsed.date, NaiveDate::from_ymd_opt(2026, 12, 16).unwrap());
/// assert!(samsyn::datetime::parse("31/2", meeting).is_err());
/// ```
pub fn parse(input: &str, meeting_date: NaiveDate) -> Result<Parsed, ParseError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    if text.chars().count() > MAX_INPUT_CHARS {
        return Err(ParseError::NotUnderstood);
    }
    let lower = text.to_lowercase();
    let mut tokens: Vec<&str> = Vec::new();
    for word in lower.split_whitespace() {
        if matches!(
            word,
            "kl" | "kl." | "klockan" | "at" | "den" | "på" | "the" | "on"
        ) {
            continue;
        }
        // ISO 8601 with a T between date and time: `2026-12-03t14:00` after lowercasing.
        match word.split_once('t') {
            Some((d, t)) if d.contains('-') && !t.is_empty() => {
                tokens.push(d);
                tokens.push(t);
            }
            _ => tokens.push(word.trim_end_matches(',')),
        }
    }
    if tokens.is_empty() {
        return Err(ParseError::NotUnderstood);
    }

    // A time alone: `14:00`, `14.00` — on the meeting's day.
    if let [only] = tokens.as_slice()
        && only.contains([':', '.'])
    {
        let time = parse_time(only)?;
        return Ok(Parsed {
            date: meeting_date,
            time: Some(time),
            date_typed: false,
        });
    }

    let (date, used) = parse_date(&tokens, meeting_date)?;
    let time = match &tokens[used..] {
        [] => None,
        [t] => Some(parse_time(t)?),
        _ => return Err(ParseError::NotUnderstood),
    };
    Ok(Parsed {
        date,
        time,
        date_typed: true,
    })
}

/// The date at the front of `tokens`, and how many tokens it used.
fn parse_date(tokens: &[&str], meeting: NaiveDate) -> Result<(NaiveDate, usize), ParseError> {
    let first = tokens[0];
    let next = tokens.get(1).copied();
    match (first, next) {
        ("idag" | "today", _) => return Ok((meeting, 1)),
        ("imorgon" | "tomorrow", _) => return add_days(meeting, 1).map(|d| (d, 1)),
        ("i", Some("morgon")) => return add_days(meeting, 1).map(|d| (d, 2)),
        ("övermorgon", _) => return add_days(meeting, 2).map(|d| (d, 1)),
        ("i", Some("övermorgon")) => return add_days(meeting, 2).map(|d| (d, 2)),
        _ => {}
    }
    if let Some(day) = weekday(first) {
        // The next one after the meeting: on a Thursday, "torsdag" is a week later
        // (the same day would be "idag").
        let ahead = (7 + day.num_days_from_monday() - meeting.weekday().num_days_from_monday()) % 7;
        let ahead = if ahead == 0 { 7 } else { ahead };
        return add_days(meeting, u64::from(ahead)).map(|d| (d, 1));
    }
    if let Some(rest) = first.strip_prefix('+') {
        return parse_offset(rest, next, meeting);
    }
    if first.contains('-') {
        return parse_iso(first).map(|d| (d, 1));
    }
    if first.contains('/') {
        return parse_day_month(first, next, meeting);
    }
    if let (Some(day), Some(month)) = (small_number(first), next.and_then(month_number)) {
        // `3 dec`, `3 mars`, `3 december 2026`
        // Only four digits are a year here: `3 dec 14` is two o'clock.
        let year = tokens
            .get(2)
            .filter(|t| t.len() == 4)
            .and_then(|t| year_number(t));
        let used = if year.is_some() { 3 } else { 2 };
        return resolve_day_month(day, month, year, meeting).map(|d| (d, used));
    }
    if let (Some(month), Some(day)) = (month_number(first), next.and_then(small_number)) {
        // `March 3`, `march 3 2027`
        // Only four digits are a year here: `3 dec 14` is two o'clock.
        let year = tokens
            .get(2)
            .filter(|t| t.len() == 4)
            .and_then(|t| year_number(t));
        let used = if year.is_some() { 3 } else { 2 };
        return resolve_day_month(day, month, year, meeting).map(|d| (d, used));
    }
    if let Some(found) = parse_in(tokens, meeting) {
        return found;
    }
    Err(ParseError::NotUnderstood)
}

/// `+3v`, `+3 v`, `+3w`, `+10d`, `+3 veckor`, `+10 dagar`, `+6m`, `+6 mån`, `+1år`, `+1y`.
fn parse_offset(
    rest: &str,
    next: Option<&str>,
    meeting: NaiveDate,
) -> Result<(NaiveDate, usize), ParseError> {
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, unit) = rest.split_at(digits_end);
    if digits.is_empty() {
        return Err(ParseError::NotUnderstood);
    }
    let (unit, used) = match (unit, next) {
        ("", Some(n)) if unit_of(n).is_some() => (n, 2),
        ("", _) => return Err(ParseError::MissingUnit),
        (u, _) => (u, 1),
    };
    let unit = unit_of(unit).ok_or(ParseError::NotUnderstood)?;
    // Long digit strings overflow u64: that is "too far", not "not understood".
    let n: u64 = digits.parse().map_err(|_| ParseError::TooFar)?;
    add(meeting, n, unit).map(|d| (d, used))
}

/// `om 2 veckor`, `om en månad`, `om 6 mån`, `in 2 weeks`, `in a year`, `om 3v`; and the
/// same without `om`/`in` (`6 månader`, `2 veckor`), as consent validity is said.
fn parse_in(tokens: &[&str], meeting: NaiveDate) -> Option<Result<(NaiveDate, usize), ParseError>> {
    let skip = usize::from(matches!(tokens[0], "om" | "in"));
    let first = *tokens.get(skip)?;
    let digits = !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit());
    if digits
        && first.parse::<u64>().is_err()
        && tokens.get(skip + 1).is_some_and(|u| unit_of(u).is_some())
    {
        return Some(Err(ParseError::TooFar));
    }
    if let Some(n) = count_word(first).or_else(|| first.parse().ok()) {
        // A number and a unit word: `2 veckor`, `en månad`.
        let unit = tokens.get(skip + 1).and_then(|u| unit_of(u))?;
        return Some(add(meeting, n, unit).map(|d| (d, skip + 2)));
    }
    // A number and its unit in one word, after `om`/`in` only: `om 3v`.
    (skip == 1 && first.starts_with(|c: char| c.is_ascii_digit()))
        .then(|| parse_offset(first, None, meeting).map(|(d, _)| (d, 2)))
}

/// What one unit of an offset is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Days(u64),
    Months(u32),
}

fn unit_of(word: &str) -> Option<Unit> {
    Some(match word {
        "v" | "w" | "vecka" | "veckor" | "veckan" | "week" | "weeks" | "wk" | "wks" | "v." => {
            Unit::Days(7)
        }
        "d" | "dag" | "dagar" | "day" | "days" | "d." => Unit::Days(1),
        "m" | "mån" | "mån." | "mnd" | "månad" | "månader" | "month" | "months" | "mo" => {
            Unit::Months(1)
        }
        "å" | "år" | "y" | "yr" | "yrs" | "year" | "years" => Unit::Months(12),
        _ => return None,
    })
}

/// One to twelve in words: `en`/`ett`/`a`, `två`, … `tolv`.
fn count_word(word: &str) -> Option<u64> {
    Some(match word {
        "en" | "ett" | "one" | "a" | "an" => 1,
        "två" | "two" => 2,
        "tre" | "three" => 3,
        "fyra" | "four" => 4,
        "fem" | "five" => 5,
        "sex" | "six" => 6,
        "sju" | "seven" => 7,
        "åtta" | "eight" => 8,
        "nio" | "nine" => 9,
        "tio" | "ten" => 10,
        "elva" | "eleven" => 11,
        "tolv" | "twelve" => 12,
        _ => return None,
    })
}

/// `n` units after `from`. Months are calendar months: 31 January + 1 month is the last
/// day of February.
fn add(from: NaiveDate, n: u64, unit: Unit) -> Result<NaiveDate, ParseError> {
    match unit {
        Unit::Days(per) => add_days(from, n.checked_mul(per).ok_or(ParseError::TooFar)?),
        Unit::Months(per) => {
            let months = u32::try_from(n)
                .ok()
                .and_then(|n| n.checked_mul(per))
                .ok_or(ParseError::TooFar)?;
            // Ten years at most, as for days (checked before any date arithmetic).
            if u64::from(months) > MAX_OFFSET_DAYS / 30 {
                return Err(ParseError::TooFar);
            }
            let to = from
                .checked_add_months(chrono::Months::new(months))
                .ok_or(ParseError::TooFar)?;
            if (to - from).num_days() > MAX_OFFSET_DAYS as i64 {
                return Err(ParseError::TooFar);
            }
            Ok(to)
        }
    }
}

fn add_days(from: NaiveDate, days: u64) -> Result<NaiveDate, ParseError> {
    if days > MAX_OFFSET_DAYS {
        return Err(ParseError::TooFar);
    }
    from.checked_add_days(Days::new(days))
        .ok_or(ParseError::TooFar)
}

/// `2026-12-03` (also `2026-12-3`).
fn parse_iso(token: &str) -> Result<NaiveDate, ParseError> {
    let mut parts = token.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ParseError::NotUnderstood);
    };
    if y.len() != 4 {
        return Err(ParseError::NotUnderstood);
    }
    let year = year_number(y).ok_or(ParseError::NotUnderstood)?;
    let month = small_number(m).ok_or(ParseError::NotUnderstood)?;
    let day = small_number(d).ok_or(ParseError::NotUnderstood)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(ParseError::NoSuchDate { day, month })
}

/// `3/12`, `3/12/2026`, `3/12/26`, or `3/12` followed by a year token `2026`.
fn parse_day_month(
    token: &str,
    next: Option<&str>,
    meeting: NaiveDate,
) -> Result<(NaiveDate, usize), ParseError> {
    let mut parts = token.split('/');
    let (Some(d), Some(m)) = (parts.next(), parts.next()) else {
        return Err(ParseError::NotUnderstood);
    };
    let day = small_number(d).ok_or(ParseError::NotUnderstood)?;
    let month = small_number(m).ok_or(ParseError::NotUnderstood)?;
    let (year, used) = match (parts.next(), parts.next()) {
        (None, _) => match next.filter(|n| n.len() == 4).and_then(year_number) {
            Some(y) => (Some(y), 2),
            None => (None, 1),
        },
        (Some(y), None) => (Some(year_number(y).ok_or(ParseError::NotUnderstood)?), 1),
        _ => return Err(ParseError::NotUnderstood),
    };
    resolve_day_month(day, month, year, meeting).map(|d| (d, used))
}

/// A day and month, in the given year or else the next one on or after the meeting.
fn resolve_day_month(
    day: u32,
    month: u32,
    year: Option<i32>,
    meeting: NaiveDate,
) -> Result<NaiveDate, ParseError> {
    let no_such = ParseError::NoSuchDate { day, month };
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, month, day).ok_or(no_such);
    }
    // 29/2 may be up to eight years ahead; 31/2 never comes.
    (meeting.year()..=meeting.year() + YEARS_AHEAD)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d >= meeting)
        .ok_or(no_such)
}

/// `14`, `14:30`, `14.30`, `9.05`.
fn parse_time(token: &str) -> Result<NaiveTime, ParseError> {
    let (h, m) = match token.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None => (token, "00"),
    };
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return Err(ParseError::NotUnderstood);
    }
    let hour = small_number(h).ok_or(ParseError::NotUnderstood)?;
    let minute = small_number(m).ok_or(ParseError::NotUnderstood)?;
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or(ParseError::NoSuchTime { hour, minute })
}

/// A one- or two-digit number (day, month, hour, minute).
fn small_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A year: four digits from 1900 to 2199, or two meaning 20xx. Other four-digit numbers
/// (`1430`) are more likely a mistyped time than a year anyone plans for.
fn year_number(s: &str) -> Option<i32> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match s.len() {
        4 => s.parse().ok().filter(|y| (1900..2200).contains(y)),
        2 => s.parse::<i32>().ok().map(|y| 2000 + y),
        _ => None,
    }
}

fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.');
    Some(match w {
        "måndag" | "mandag" | "mån" | "man" | "monday" | "mon" => Weekday::Mon,
        "tisdag" | "tis" | "tuesday" | "tue" | "tues" => Weekday::Tue,
        "onsdag" | "ons" | "wednesday" | "wed" => Weekday::Wed,
        "torsdag" | "tor" | "tors" | "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "fredag" | "fre" | "friday" | "fri" => Weekday::Fri,
        "lördag" | "lordag" | "lör" | "lor" | "saturday" | "sat" => Weekday::Sat,
        "söndag" | "sondag" | "sön" | "son" | "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    Some(match w {
        "januari" | "january" | "jan" => 1,
        "februari" | "february" | "feb" => 2,
        "mars" | "march" | "mar" => 3,
        "april" | "apr" => 4,
        "maj" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "augusti" | "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

use words::{month_name, weekday_name};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Thursday 22 October 2026: the meeting every test is relative to.
    fn meeting() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, 22).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn time(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    fn ok(input: &str) -> Parsed {
        parse(input, meeting()).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    fn err(input: &str) -> ParseError {
        match parse(input, meeting()) {
            Ok(p) => panic!("{input:?} parsed as {p:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn iso_date_and_time() {
        let p = ok("2026-12-03 14:00");
        assert_eq!((p.date, p.time), (date(2026, 12, 3), time(14, 0)));
        assert_eq!(ok("2026-12-03T14:30").time, time(14, 30));
        assert_eq!(ok("2026-12-03 kl. 9.15").time, time(9, 15));
        let p = ok("2026-12-03");
        assert_eq!(
            (p.date, p.time, p.date_typed),
            (date(2026, 12, 3), None, true)
        );
        // An ISO date in the past is taken as typed: the user wrote the year.
        assert_eq!(ok("2025-01-02").date, date(2025, 1, 2));
    }

    #[test]
    fn day_month_takes_the_next_occurrence() {
        assert_eq!(ok("3/12").date, date(2026, 12, 3));
        assert_eq!(
            ok("22/10").date,
            date(2026, 10, 22),
            "the meeting day itself"
        );
        assert_eq!(
            ok("21/10").date,
            date(2027, 10, 21),
            "yesterday means next year"
        );
        assert_eq!(ok("3/1").date, date(2027, 1, 3));
        assert_eq!(ok("29/2").date, date(2028, 2, 29), "the next leap day");
        assert_eq!(ok("3/12/2027").date, date(2027, 12, 3));
        assert_eq!(ok("3/12/27").date, date(2027, 12, 3));
        assert_eq!(ok("3/12 2027").date, date(2027, 12, 3));
    }

    #[test]
    fn day_month_with_time() {
        let p = ok("3/12 14");
        assert_eq!((p.date, p.time), (date(2026, 12, 3), time(14, 0)));
        assert_eq!(ok("3/12 14:30").time, time(14, 30));
        assert_eq!(ok("3/12 kl 8.05").time, time(8, 5));
        assert_eq!(ok("3/12 2027 14").time, time(14, 0));
    }

    #[test]
    fn day_and_month_name() {
        assert_eq!(ok("3 dec").date, date(2026, 12, 3));
        assert_eq!(ok("3 December").date, date(2026, 12, 3));
        assert_eq!(ok("3 maj 2027 10:00").date, date(2027, 5, 3));
        assert_eq!(ok("1 okt").date, date(2027, 10, 1));
    }

    #[test]
    fn a_time_alone_is_on_the_meeting_day() {
        for input in ["14:00", "14.00", "kl. 14:00"] {
            let p = ok(input);
            assert_eq!((p.date, p.time), (meeting(), time(14, 0)), "{input}");
            assert!(!p.date_typed);
        }
        assert_eq!(ok("9.30").time, time(9, 30));
    }

    #[test]
    fn weeks_and_days_from_the_meeting() {
        assert_eq!(ok("+3v").date, date(2026, 11, 12));
        assert_eq!(ok("+3w").date, date(2026, 11, 12));
        assert_eq!(ok("+3 veckor").date, date(2026, 11, 12));
        assert_eq!(ok("+6V").date, date(2026, 12, 3));
        assert_eq!(ok("+10d").date, date(2026, 11, 1));
        assert_eq!(ok("+10 dagar").date, date(2026, 11, 1));
        assert_eq!(ok("+0d").date, meeting());
        let p = ok("+6v 14:00");
        assert_eq!((p.date, p.time), (date(2026, 12, 3), time(14, 0)));
    }

    #[test]
    fn months_and_years_from_the_meeting() {
        // 22 October 2026.
        assert_eq!(ok("+6m").date, date(2027, 4, 22));
        assert_eq!(ok("+6 mån").date, date(2027, 4, 22));
        assert_eq!(ok("+6 månader").date, date(2027, 4, 22));
        assert_eq!(ok("+2 months").date, date(2026, 12, 22));
        assert_eq!(ok("+1år").date, date(2027, 10, 22));
        assert_eq!(ok("+1 år").date, date(2027, 10, 22));
        assert_eq!(ok("+1y").date, date(2027, 10, 22));
        assert_eq!(ok("+2 years").date, date(2028, 10, 22));
        assert_eq!(ok("+10år").date, date(2036, 10, 22));
        assert_eq!(err("+11år"), ParseError::TooFar);
        assert_eq!(err("+121m"), ParseError::TooFar);
        assert_eq!(err("+99999999999m"), ParseError::TooFar);
        // A calendar month: the end of January plus one is the end of February.
        let jan31 = date(2027, 1, 31);
        assert_eq!(parse("+1m", jan31).unwrap().date, date(2027, 2, 28));
        let p = ok("+6m 9:30");
        assert_eq!((p.date, p.time), (date(2027, 4, 22), time(9, 30)));
    }

    #[test]
    fn in_so_many_weeks_months_or_years() {
        assert_eq!(ok("om 2 veckor").date, date(2026, 11, 5));
        assert_eq!(ok("Om två veckor").date, date(2026, 11, 5));
        assert_eq!(ok("om en vecka").date, date(2026, 10, 29));
        assert_eq!(ok("om en månad").date, date(2026, 11, 22));
        assert_eq!(ok("om 6 mån").date, date(2027, 4, 22));
        assert_eq!(ok("om ett år").date, date(2027, 10, 22));
        assert_eq!(ok("om 3v").date, date(2026, 11, 12));
        assert_eq!(ok("om 10 dagar").date, date(2026, 11, 1));
        assert_eq!(ok("in 2 weeks").date, date(2026, 11, 5));
        assert_eq!(ok("in a year").date, date(2027, 10, 22));
        assert_eq!(ok("in six months").date, date(2027, 4, 22));
        // Consent validity as it is said: "6 månader", "ett år".
        assert_eq!(ok("6 månader").date, date(2027, 4, 22));
        assert_eq!(ok("ett år").date, date(2027, 10, 22));
        assert_eq!(ok("2 veckor").date, date(2026, 11, 5));
        let p = ok("om 2 veckor kl 14");
        assert_eq!((p.date, p.time), (date(2026, 11, 5), time(14, 0)));
        for input in ["om", "om snart", "om 2", "om två", "in weeks", "6 apor"] {
            assert_eq!(err(input), ParseError::NotUnderstood, "{input:?}");
        }
        assert_eq!(err("om 99999999999999999999999 veckor"), ParseError::TooFar);
        assert_eq!(err("om 600 veckor"), ParseError::TooFar);
    }

    #[test]
    fn month_names_either_way_round() {
        assert_eq!(ok("3 mars").date, date(2027, 3, 3));
        assert_eq!(ok("3 march").date, date(2027, 3, 3));
        assert_eq!(ok("den 3 mars").date, date(2027, 3, 3));
        assert_eq!(ok("March 3").date, date(2027, 3, 3));
        assert_eq!(ok("mars 3 2028").date, date(2028, 3, 3));
        assert_eq!(ok("3 november").date, date(2026, 11, 3));
        let p = ok("3 mars kl 10");
        assert_eq!((p.date, p.time), (date(2027, 3, 3), time(10, 0)));
        assert_eq!(err("30 feb"), ParseError::NoSuchDate { day: 30, month: 2 });
        // Two digits after a month name are the hour, not the year 2014.
        let p = ok("3 dec 14");
        assert_eq!((p.date, p.time), (date(2026, 12, 3), time(14, 0)));
        // Weekdays, also after "på"/"on": the next one after the meeting (a Thursday).
        assert_eq!(ok("tisdag").date, date(2026, 10, 27));
        assert_eq!(ok("på tisdag").date, date(2026, 10, 27));
        assert_eq!(ok("on Tuesday").date, date(2026, 10, 27));
    }

    #[test]
    fn today_and_tomorrow() {
        assert_eq!(ok("idag").date, meeting());
        assert_eq!(ok("Today").date, meeting());
        assert_eq!(ok("imorgon").date, date(2026, 10, 23));
        assert_eq!(ok("i morgon").date, date(2026, 10, 23));
        assert_eq!(ok("tomorrow 9:00").time, time(9, 0));
        assert_eq!(ok("i övermorgon").date, date(2026, 10, 24));
    }

    #[test]
    fn weekday_names_are_the_next_one_after_the_meeting() {
        // The meeting is on a Thursday.
        assert_eq!(ok("fredag").date, date(2026, 10, 23));
        assert_eq!(ok("Friday").date, date(2026, 10, 23));
        assert_eq!(ok("måndag").date, date(2026, 10, 26));
        assert_eq!(ok("mon").date, date(2026, 10, 26));
        assert_eq!(ok("ons").date, date(2026, 10, 28));
        assert_eq!(
            ok("torsdag").date,
            date(2026, 10, 29),
            "a week on, not today"
        );
        assert_eq!(ok("thursday").date, date(2026, 10, 29));
        assert_eq!(ok("lördag").date, date(2026, 10, 24));
        assert_eq!(ok("söndag").date, date(2026, 10, 25));
        assert_eq!(ok("tisdag 13:00").time, time(13, 0));
    }

    #[test]
    fn described_in_words_in_both_languages() {
        let p = ok("3/12 14");
        assert_eq!(p.describe(Lang::Sv), "torsdag 3 december 2026 kl. 14:00");
        assert_eq!(p.describe(Lang::En), "Thursday 3 December 2026 at 14:00");
        assert_eq!(ok("+10d").describe(Lang::Sv), "söndag 1 november 2026");
        assert_eq!(ok("idag").describe(Lang::En), "Thursday 22 October 2026");
    }

    #[test]
    fn impossible_dates_and_times_are_named() {
        assert_eq!(err("31/2"), ParseError::NoSuchDate { day: 31, month: 2 });
        assert_eq!(
            err("2026-02-30"),
            ParseError::NoSuchDate { day: 30, month: 2 }
        );
        assert_eq!(err("0/12"), ParseError::NoSuchDate { day: 0, month: 12 });
        assert_eq!(err("3/13"), ParseError::NoSuchDate { day: 3, month: 13 });
        assert_eq!(
            err("25:00"),
            ParseError::NoSuchTime {
                hour: 25,
                minute: 0
            }
        );
        assert_eq!(
            err("3/12 14:60"),
            ParseError::NoSuchTime {
                hour: 14,
                minute: 60
            }
        );
        assert_eq!(
            err("3/12 24"),
            ParseError::NoSuchTime {
                hour: 24,
                minute: 0
            }
        );
    }

    #[test]
    fn offsets_too_far_or_without_unit() {
        assert_eq!(err("+99999v"), ParseError::TooFar);
        assert_eq!(err("+99999999999999999999999999d"), ParseError::TooFar);
        assert_eq!(err("+3654d"), ParseError::TooFar);
        assert_eq!(ok("+3653d").date, date(2036, 10, 22));
        assert_eq!(err("+3"), ParseError::MissingUnit);
        assert_eq!(err("+3x"), ParseError::NotUnderstood);
        assert_eq!(err("+v"), ParseError::NotUnderstood);
    }

    #[test]
    fn nonsense_is_not_understood() {
        assert_eq!(err(""), ParseError::Empty);
        assert_eq!(err("   "), ParseError::Empty);
        for input in [
            "kl.",
            "14",
            "snart",
            "3/12 14 15",
            "3/",
            "/12",
            "1/2/3/4",
            "2026-12",
            "26-12-03",
            "3/12 14:5",
            "3/12 1430",
            "0001-01-01",
            "abc-def-ghi",
            "٣/١٢",
            "+١v",
        ] {
            assert_eq!(err(input), ParseError::NotUnderstood, "{input:?}");
        }
        assert_eq!(err(&"3/12 ".repeat(10_000)), ParseError::NotUnderstood);
    }

    #[test]
    fn error_messages_give_a_hint_in_both_languages() {
        assert_eq!(
            err("snart").message(Lang::Sv),
            "Förstår inte datumet. Skriv t.ex. 2026-12-03 14:00, 3/12 14, 3 mars, tisdag, +6v, +6m eller om 2 veckor"
        );
        assert_eq!(
            err("snart").message(Lang::En),
            "Not understood as a date. Type e.g. 2026-12-03 14:00, 3/12 14, 3 March, Tuesday, +6w, +6m or in 2 weeks"
        );
        assert_eq!(
            err("31/2").message(Lang::Sv),
            "Det finns ingen 31/2. Skriv t.ex. 2026-12-03 14:00, 3/12 14, 3 mars, tisdag, +6v, +6m eller om 2 veckor"
        );
        assert_eq!(
            err("25:00").message(Lang::En),
            "25:00 is not a time of day. Hours 0–23 and minutes 0–59, e.g. 14:00 or 9.30"
        );
        assert!(err("+3").message(Lang::Sv).contains("+6v (veckor)"));
        assert!(err("+3").message(Lang::Sv).contains("+6m (månader)"));
        assert!(err("+3").message(Lang::En).contains("+1y"));
    }

    proptest! {
        #[test]
        fn no_input_panics(input in ".{0,80}", days in 0i64..40_000) {
            let meeting = date(2000, 1, 1) + chrono::Duration::days(days);
            let _ = parse(&input, meeting);
        }

        #[test]
        fn date_like_input_never_panics(
            input in "[0-9+/:. -]{0,20}(v|w|d|t)?[0-9:. ]{0,6}",
            days in 0i64..40_000,
        ) {
            let meeting = date(2000, 1, 1) + chrono::Duration::days(days);
            if let Ok(p) = parse(&input, meeting) {
                prop_assert!(!p.describe(Lang::Sv).is_empty());
            }
        }

        #[test]
        fn worded_input_never_panics(
            pre in "(om |in |på |den |\\+)?",
            n in "(0|1|6|12|120|121|99999999999999999999|en|ett|två|a|six)?",
            unit in " ?(v|m|d|y|å|år|mån|månader|veckor|weeks|months|years|mars|march|tisdag)?",
            tail in "( [0-9]{1,4})?( kl [0-9:.]{0,5})?",
            days in 0i64..40_000,
        ) {
            let meeting = date(2000, 1, 1) + chrono::Duration::days(days);
            if let Ok(p) = parse(&format!("{pre}{n}{unit}{tail}"), meeting) {
                prop_assert!(!p.describe(Lang::En).is_empty());
                prop_assert!(p.date - meeting <= chrono::Duration::days(MAX_OFFSET_DAYS as i64 + 366 * 8));
            }
        }

        #[test]
        fn plus_n_months_keeps_the_day_where_the_month_has_it(n in 0u32..=120, days in 0i64..40_000) {
            let meeting = date(2000, 1, 1) + chrono::Duration::days(days);
            let p = parse(&format!("+{n}m"), meeting).unwrap();
            let months = (p.date.year() - meeting.year()) * 12 + p.date.month() as i32 - meeting.month() as i32;
            prop_assert_eq!(months, n as i32);
            prop_assert!(p.date.day() <= meeting.day());
        }

        #[test]
        fn plus_n_weeks_is_n_times_seven_days(n in 0u64..=(MAX_OFFSET_DAYS / 7), days in 0i64..40_000) {
            let meeting = date(2000, 1, 1) + chrono::Duration::days(days);
            for unit in ["v", "w", " veckor"] {
                let p = parse(&format!("+{n}{unit}"), meeting).unwrap();
                prop_assert_eq!(p.date - meeting, chrono::Duration::days(n as i64 * 7));
                prop_assert_eq!(p.time, None);
            }
        }

        #[test]
        fn day_month_is_never_before_the_meeting(day in 1u32..=31, month in 1u32..=12, days in 0i64..40_000) {
            let meeting = date(2000, 1, 1) + chrono::Duration::days(days);
            match parse(&format!("{day}/{month}"), meeting) {
                Ok(p) => {
                    prop_assert!(p.date >= meeting);
                    prop_assert!(p.date - meeting < chrono::Duration::days(366 * 8 + 2));
                    prop_assert_eq!((p.date.day(), p.date.month()), (day, month));
                }
                Err(e) => prop_assert_eq!(e, ParseError::NoSuchDate { day, month }),
            }
        }
    }
}
