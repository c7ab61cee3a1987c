//! Pseudonyms: the child's and the family's names replaced by initials. One rule serves
//! both the privacy mask on a shared screen and pseudonymized exports (and the calendar
//! file, always), so they agree.
//!
//! Full names become initials ("Elsa Lind" → "E. L."); a first or last name standing
//! alone becomes the same person's initials, or only its own initial when several family
//! members share it (a surname). Names are found whatever their case and accents
//! ("ELSA", "Élsa"), on word boundaries, with the Swedish genitive and its other spellings
//! ("Elsas", "Elsa:s", "Elsa's", "Elias'", "Eliasʼ" → "E. L.:s"). å, ä and ö are letters
//! of their own, not accented a and o: "Åsa" is not "Asa". A professional's name is never
//! changed, and a family member's first (or last) name standing alone is left as it is
//! when a professional's name has it too, since it may mean the professional.
//!
//! The family is: the subject, family participants and their stand-ins, people named as
//! giving consent (the rules accept only the family or next of kin as consent givers),
//! and named performers, conveners, coordinators and responsible persons who are family:
//! a performer of the family's own action (huvudman familj), or anyone whose description
//! after the name says a family relation ("Sara Berglund, mormor").

use super::{
    ActionStatus, Attendance, ConsentForm, GoalKind, Huvudman, Meeting, ParticipantKind, Performer,
    Person, RevisionKind, initials_of,
};
use serde_json::Value;

/// The child's and the family's names in one meeting and what replaces them, and the
/// professionals' names, which are found so that they are left exactly as written.
#[derive(Debug, Clone, Default)]
pub struct Pseudonyms {
    /// The people it was made from: (family name, initials), then the professionals.
    source: (Vec<(String, String)>, Vec<String>),
    names: Names,
    /// The family's full names (of more than one word), as written in the meeting.
    hidden: Vec<String>,
}

/// Words that, after a named person's name, say the person is family or next of kin.
const FAMILY_WORDS: &[&str] = &[
    "vårdnadshavare",
    "förälder",
    "mamma",
    "pappa",
    "mor",
    "far",
    "mormor",
    "morfar",
    "farmor",
    "farfar",
    "syster",
    "bror",
    "storasyster",
    "lillasyster",
    "storebror",
    "lillebror",
    "halvsyster",
    "halvbror",
    "syskon",
    "moster",
    "faster",
    "morbror",
    "farbror",
    "kusin",
    "styvmor",
    "styvfar",
    "styvmamma",
    "styvpappa",
    "bonusmamma",
    "bonuspappa",
    "familjehemsförälder",
    "familjehemsmamma",
    "familjehemspappa",
    "närstående",
    "släkting",
    "guardian",
    "parent",
    "mother",
    "father",
    "mum",
    "mom",
    "dad",
    "grandmother",
    "grandfather",
    "grandma",
    "grandpa",
    "sister",
    "brother",
    "sibling",
    "aunt",
    "uncle",
    "cousin",
    "stepmother",
    "stepfather",
    "relative",
];

fn is_family_word(word: &str) -> bool {
    FAMILY_WORDS.contains(&word.to_lowercase().as_str())
}

/// The name in a named person's description: the part before a comma or a parenthesis
/// ("Sara Berglund, mormor (skriftligt)" → "Sara Berglund").
fn name_part(named: &str) -> &str {
    let end = named.find([',', '(']).unwrap_or(named.len());
    named[..end].trim()
}

/// Whether the description after the name says a family relation.
fn says_family(named: &str) -> bool {
    let rest = &named[named.find([',', '(']).unwrap_or(named.len())..];
    rest.split(|c: char| !c.is_alphabetic()).any(is_family_word)
}

/// The name part of `named`, if it is a name and not only a relation ("Mormor").
fn person_name(named: &str) -> Option<&str> {
    let name = name_part(named);
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_name = words.iter().any(|w| !is_family_word(w))
        && words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    is_name.then_some(name)
}

/// Collapse runs of white space, so "Elsa  Lind" and "Elsa Lind" are one name.
fn tidy(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Pseudonyms {
    /// The names to hide in `m`, and the professionals' names to leave alone.
    pub fn for_meeting(m: &Meeting) -> Pseudonyms {
        let (family, others) = people(m);
        Pseudonyms::from_people(&family, &others)
    }

    /// The people the rule for `m` is made from (`from_people` makes it again): the
    /// family's names with their initials, and the professionals' names.
    pub fn people_of(m: &Meeting) -> (Vec<(String, String)>, Vec<String>) {
        people(m)
    }

    /// Whether this is still the rule for `m` (its people are the same), so a screen
    /// drawing many texts makes the rule once, not once a text.
    pub fn is_for(&self, m: &Meeting) -> bool {
        people(m) == self.source
    }

    /// The rule for a family of (name, initials) and the professionals named beside them.
    ///
    /// - A family member's full name becomes their initials, in any case and accents.
    /// - One part of a family name standing alone ("Alva", "Lindqvist") becomes the
    ///   person's initials, or only its own initial when family members with different
    ///   initials share it (a surname) — but only when no professional's name has that
    ///   part: "Eva" alone is left as written when Eva Berg sits at the table, since it
    ///   may be her.
    /// - A professional's name, whole, is found first and left exactly as written. (A
    ///   professional whose full name is a family member's cannot be told apart: the name
    ///   is hidden.)
    pub fn from_people(family: &[(String, String)], others: &[String]) -> Pseudonyms {
        let source = (family.to_vec(), others.to_vec());
        let family: Vec<(String, String)> = family
            .iter()
            .map(|(n, i)| (tidy(n), tidy_initials(i, n)))
            .filter(|(n, _)| !fold(n).is_empty())
            .collect();
        let others: Vec<String> = others
            .iter()
            .map(|o| tidy(o))
            .filter(|o| !fold(o).is_empty() && !family.iter().any(|(n, _)| same_name(n, o)))
            .collect();
        let professional_part = |part: &str| {
            others
                .iter()
                .any(|o| name_parts(o).iter().any(|w| same_name(w, part)))
        };
        let mut names = Names::default();
        for (name, initials) in &family {
            names.push(name, Some(initials));
        }
        for (name, initials) in &family {
            for part in name_parts(name) {
                if fold(part).chars().count() < 2 || professional_part(part) {
                    continue;
                }
                let same_person = family
                    .iter()
                    .filter(|(n, _)| name_parts(n).iter().any(|w| same_name(w, part)))
                    .all(|(_, i)| i == initials);
                let initials = if same_person {
                    initials.clone()
                } else {
                    initials_of(part)
                };
                names.push(part, Some(&initials));
            }
        }
        // A professional's name, whole or a part of it alone, is left as written ("Jons"
        // is not the genitive of a family's "Jon" when Eva Jons sits at the table).
        for name in &others {
            names.push(name, None);
            for part in name_parts(name) {
                names.push(part, None);
            }
        }
        names.sort();
        let hidden = family
            .iter()
            .filter(|(n, i)| n.contains(' ') && n != i)
            .map(|(n, _)| n.clone())
            .collect();
        Pseudonyms {
            source,
            names,
            hidden,
        }
    }

    /// `text` with every family name replaced by initials: whole words only, in any case
    /// and accents, a genitive ("Alvas", "Alva:s", "Elias'") written "A. L.:s".
    pub fn apply(&self, text: &str) -> String {
        self.names.replace(text)
    }

    /// The full names (of more than one word) that must not be seen.
    pub fn hidden_names(&self) -> Vec<String> {
        self.hidden.clone()
    }
}

/// The family (name, initials) and everyone else named (professionals), without repeats.
fn people(m: &Meeting) -> (Vec<(String, String)>, Vec<String>) {
    let mut family: Vec<(String, String)> = Vec::new();
    let mut add = |name: &str, initials: Option<&str>| {
        let name = tidy(name);
        if name.is_empty() || family.iter().any(|(n, _)| *n == name) {
            return;
        }
        let initials = initials
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .map_or_else(|| initials_of(&name), str::to_string);
        family.push((name, initials));
    };
    add(&m.subject.name, Some(&m.subject.initials));
    for p in m.participants.iter().filter(|p| p.is_family()) {
        add(&p.name, None);
        if let Some(name) = p.stand_in.as_deref().and_then(person_name) {
            add(name, None);
        }
    }
    let mut others: Vec<String> = m
        .participants
        .iter()
        .filter(|p| !p.is_family())
        .map(|p| p.name.as_str())
        .chain([m.facilitator.as_str(), m.note_taker.as_str()])
        .map(tidy)
        .collect();
    let mut named = |text: &str, is_family: bool| {
        if let Some(name) = person_name(text) {
            if is_family || says_family(text) {
                add(name, None);
            } else {
                others.push(tidy(name));
            }
        }
    };
    for c in &m.consents {
        for giver in &c.given_by {
            if let Person::Named(n) = giver {
                named(n, true);
            }
        }
    }
    for a in &m.actions {
        if let Some(Performer::Named(n)) = &a.performer {
            // No organisation: the family's own measure, so one of the family does it.
            named(n, a.organisation.is_none());
        }
    }
    let persons = [
        m.coordinator.as_ref(),
        m.follow_up.as_ref().and_then(|f| f.convener.as_ref()),
        m.overall_responsible
            .as_ref()
            .and_then(|r| r.person.as_ref()),
    ];
    for p in persons.into_iter().flatten() {
        if let Person::Named(n) = p {
            named(n, false);
        }
    }
    others.retain(|o| !family.iter().any(|(n, _)| n == o));
    (family, others)
}

/// The meeting as a copy shows it: pseudonymized when `hide`, else as it is.
pub fn shown(m: &Meeting, hide: bool) -> std::borrow::Cow<'_, Meeting> {
    if hide {
        std::borrow::Cow::Owned(pseudonymize(m))
    } else {
        std::borrow::Cow::Borrowed(m)
    }
}

/// A copy of the meeting with the child's and the family's names replaced everywhere and
/// the family's contact details removed.
pub fn pseudonymize(m: &Meeting) -> Meeting {
    let names = Pseudonyms::for_meeting(m);
    let mut m = m.clone();
    for p in m.participants.iter_mut().filter(|p| p.is_family()) {
        p.contact = None;
    }
    let mut value = serde_json::to_value(&m).expect("a meeting always serializes");
    let mut tags = enum_tags();
    ids_in(&value, &mut tags);
    replace_in_value(&mut value, &names, &tags);
    let mut out: Meeting =
        serde_json::from_value(value).expect("replacing text keeps the meeting's shape");
    out.subject.initials = tidy_initials(&m.subject.initials, &m.subject.name);
    out
}

/// The full names (subject and family) that pseudonymized output must not contain.
pub fn hidden_names(m: &Meeting) -> Vec<String> {
    Pseudonyms::for_meeting(m).hidden_names()
}

/// The strings serde writes for the meeting's unit variants ("Annan", "Video", …): a
/// family called Annan must not turn huvudman `Annan` into "A.".
fn enum_tags() -> Vec<Value> {
    let mut tags: Vec<Value> = Vec::new();
    let mut add = |v: serde_json::Result<Value>| tags.extend(v.ok());
    Huvudman::ALL
        .iter()
        .for_each(|t| add(serde_json::to_value(t)));
    ParticipantKind::ALL
        .iter()
        .for_each(|t| add(serde_json::to_value(t)));
    [
        Attendance::Invited,
        Attendance::InRoom,
        Attendance::Video,
        Attendance::Phone,
        Attendance::Absent,
    ]
    .iter()
    .for_each(|t| add(serde_json::to_value(t)));
    super::Outcome::ALL
        .iter()
        .for_each(|t| add(serde_json::to_value(t)));
    super::GoalOutcome::ALL
        .iter()
        .for_each(|t| add(serde_json::to_value(t)));
    [super::ActionKind::Insats, super::ActionKind::Atgard]
        .iter()
        .for_each(|t| add(serde_json::to_value(t)));
    [ConsentForm::Oral, ConsentForm::Written]
        .iter()
        .for_each(|t| add(serde_json::to_value(t)));
    [GoalKind::LongTerm, GoalKind::ShortTerm]
        .iter()
        .for_each(|t| add(serde_json::to_value(t)));
    ActionStatus::ALL
        .iter()
        .for_each(|t| add(serde_json::to_value(t)));
    [RevisionKind::Finalized, RevisionKind::Amended]
        .iter()
        .for_each(|t| add(serde_json::to_value(t)));
    add(serde_json::to_value(Performer::Family));
    tags
}

/// The ids in the meeting (its own, its agenda's, every row's): what other rows refer
/// to, so they are never rewritten, whatever a family is called.
fn ids_in(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| ids_in(i, out)),
        Value::Object(map) => {
            for (key, value) in map {
                if key == "id" && value.is_string() {
                    out.push(value.clone());
                } else {
                    ids_in(value, out);
                }
            }
        }
        _ => {}
    }
}

fn replace_in_value(v: &mut Value, names: &Pseudonyms, tags: &[Value]) {
    match v {
        Value::String(_) if tags.contains(v) => {}
        Value::String(s) => *s = names.apply(s),
        Value::Array(items) => items
            .iter_mut()
            .for_each(|i| replace_in_value(i, names, tags)),
        Value::Object(map) => map
            .values_mut()
            .for_each(|i| replace_in_value(i, names, tags)),
        _ => {}
    }
}

// The matcher: names are compared folded (case and accents), on word boundaries.
//
// Folding: lower case; accents dropped (é, è, ë → e; ü → u; ñ → n), whether the letter
// is written precomposed or decomposed; but å, ä and ö are kept, since in Swedish they
// are letters of their own (Åsa is not Asa, Öberg not Oberg); æ and ø are the Danish
// and Norwegian ä and ö. Apostrophes (' ’ ʼ) are one apostrophe and never part of a
// word, so "Eliasʼ" is "Elias" and its genitive.

/// The apostrophes people write: ' ’ ‘ ʼ ´ (ʼ is a letter to Unicode).
const APOSTROPHES: [char; 5] = ['\'', '\u{2019}', '\u{2018}', '\u{02BC}', '\u{00B4}'];

/// Characters that show nothing: zero-width space, non-joiner and joiner, word joiner,
/// soft hyphen, byte order mark.
const INVISIBLE: [char; 6] = [
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{00AD}', '\u{FEFF}',
];

fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !APOSTROPHES.contains(&c)
}

/// One character of a text, folded, and the bytes of the text it came from.
#[derive(Debug, Clone, Copy)]
struct Folded {
    c: char,
    start: usize,
    end: usize,
}

fn fold_chars(text: &str) -> Vec<Folded> {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    let mut out: Vec<Folded> = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        if INVISIBLE.contains(&c) {
            // "El\u{200b}sa" is "Elsa": an invisible character is part of the letter
            // before it.
            if let Some(last) = out.last_mut().filter(|l| l.end == start) {
                last.end = end;
            }
            continue;
        }
        if is_combining_mark(c) {
            // A letter written decomposed ("a" and a ring above): joined to its letter.
            if let Some(last) = out.last_mut().filter(|l| l.end == start) {
                last.c = match (last.c, c) {
                    ('a', '\u{30A}') => 'å',
                    ('a', '\u{308}') => 'ä',
                    ('o', '\u{308}') => 'ö',
                    (other, _) => other,
                };
                last.end = end;
            }
            continue;
        }
        if APOSTROPHES.contains(&c) {
            out.push(Folded {
                c: '\'',
                start,
                end,
            });
            continue;
        }
        for l in c.to_lowercase() {
            match l {
                'å' | 'ä' | 'ö' => out.push(Folded { c: l, start, end }),
                'æ' => out.push(Folded {
                    c: 'ä', start, end
                }),
                'ø' => out.push(Folded {
                    c: 'ö', start, end
                }),
                '\u{2010}' | '\u{2011}' => out.push(Folded { c: '-', start, end }),
                _ => decompose_canonical(l, |d| {
                    if !is_combining_mark(d) {
                        out.push(Folded { c: d, start, end });
                    }
                }),
            }
        }
    }
    out
}

/// `s` folded: what two spellings of one name have in common.
fn fold(s: &str) -> String {
    fold_chars(s).iter().map(|f| f.c).collect()
}

/// Whether `a` and `b` are one name in different case or accents.
fn same_name(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// The parts of a name that may stand alone: its words, and the halves of a
/// double-barrelled word ("Lindqvist-Berg" → "Lindqvist", "Berg").
fn name_parts(name: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for word in name.split_whitespace() {
        parts.push(word);
        if word.contains('-') {
            parts.extend(word.split('-').filter(|p| !p.is_empty()));
        }
    }
    parts
}

/// Initials written one way, "A. L.": from "AL", "A.L.", "a l" or "A. L" alike, or
/// from the name when none are given. A pseudonym given instead ("Kim") is kept as
/// written, without doubled full stops.
fn tidy_initials(given: &str, name: &str) -> String {
    let given = tidy(given);
    if given.is_empty() {
        return initials_of(name);
    }
    let tokens: Vec<&str> = given
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|t| !t.is_empty())
        .collect();
    let single = |t: &&str| t.chars().count() == 1 && t.chars().all(char::is_alphabetic);
    let letters: Vec<char> = if tokens.iter().all(single) {
        tokens.iter().flat_map(|t| t.chars()).collect()
    } else if tokens.len() == 1
        && (2..=3).contains(&given.chars().count())
        && given.chars().all(char::is_uppercase)
    {
        given.chars().collect()
    } else {
        let mut out = String::new();
        for c in given.chars() {
            if !(c == '.' && out.ends_with('.')) {
                out.push(c);
            }
        }
        return out;
    };
    letters
        .iter()
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name to find, folded word by word, and what is written for it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    words: Vec<Vec<char>>,
    /// The initials written for it; `None` for a professional's name, left as written.
    initials: Option<String>,
}

/// Where a name was found: the folded characters it covers, and whether a genitive
/// ending came with it.
struct Found {
    end: usize,
    genitive: bool,
}

impl Pattern {
    /// The name at folded position `i` of `f` (which starts a word), if it is there and
    /// ends a word, or ends in a genitive: "Alvas", "Alva:s", "Alva's", "Elias'".
    fn at(&self, f: &[Folded], i: usize) -> Option<Found> {
        let mut k = i;
        for (n, w) in self.words.iter().enumerate() {
            if n > 0 {
                // Any white space between the words, a line break too.
                let gap = k;
                while f.get(k).is_some_and(|x| x.c.is_whitespace()) {
                    k += 1;
                }
                if k == gap {
                    return None;
                }
            }
            let here = f.get(k..k + w.len())?;
            if !here.iter().zip(w).all(|(x, c)| x.c == *c) {
                return None;
            }
            k += w.len();
        }
        let c = |j: usize| f.get(j).map(|x| x.c);
        let ends = |j: usize| c(j).is_none_or(|c| !is_word(c));
        let last = *self.words.last()?.last()?;
        if matches!(c(k), Some(':' | '\'')) && c(k + 1) == Some('s') && ends(k + 2) {
            return Some(Found {
                end: k + 2,
                genitive: true,
            });
        }
        if c(k) == Some('\'') && matches!(last, 's' | 'x' | 'z') && ends(k + 1) {
            return Some(Found {
                end: k + 1,
                genitive: true,
            });
        }
        if ends(k) {
            return Some(Found {
                end: k,
                genitive: false,
            });
        }
        (c(k) == Some('s') && ends(k + 1)).then_some(Found {
            end: k + 1,
            genitive: true,
        })
    }
}

/// The names to find, the longest first, so a full name wins over its parts and a
/// professional's full name over a family name inside it.
#[derive(Debug, Clone, Default)]
struct Names {
    patterns: Vec<Pattern>,
}

impl Names {
    /// Add a name; the first one added for a spelling wins.
    fn push(&mut self, name: &str, initials: Option<&str>) {
        let words: Vec<Vec<char>> = name
            .split_whitespace()
            .map(|w| fold(w).chars().collect::<Vec<char>>())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() || self.patterns.iter().any(|p| p.words == words) {
            return;
        }
        self.patterns.push(Pattern {
            words,
            initials: initials.map(str::to_string),
        });
    }

    fn sort(&mut self) {
        self.patterns.sort_by_key(|p| {
            let chars: usize = p.words.iter().map(Vec::len).sum();
            (std::cmp::Reverse(p.words.len()), std::cmp::Reverse(chars))
        });
    }

    /// `text` with each family name replaced, in one pass so a replacement is never
    /// replaced again; a professional's name is copied as it was written.
    fn replace(&self, text: &str) -> String {
        if self.patterns.is_empty() {
            return text.to_string();
        }
        let f = fold_chars(text);
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        let mut i = 0;
        while i < f.len() {
            let starts_word = f[i].start >= copied
                && is_word(f[i].c)
                && (i == 0 || (!is_word(f[i - 1].c) && f[i - 1].end <= f[i].start));
            let found = if starts_word {
                self.patterns
                    .iter()
                    .find_map(|p| p.at(&f, i).map(|found| (p, found)))
            } else {
                None
            };
            let Some((p, found)) = found else {
                i += 1;
                continue;
            };
            let (start, end) = (f[i].start, f[found.end - 1].end);
            out.push_str(&text[copied..start]);
            copied = end;
            i = found.end;
            let Some(initials) = &p.initials else {
                out.push_str(&text[start..end]);
                continue;
            };
            out.push_str(initials);
            let dotted = initials.ends_with('.');
            if found.genitive {
                out.push_str(if dotted { ":s" } else { "s" });
            } else if dotted && f.get(i).is_some_and(|x| x.c == '.') {
                // "… träffade Nils." is "… träffade N. B.", not "N. B.."; "Nils..." is
                // "N. B...".
                copied = f[i].end;
                i += 1;
            }
        }
        out.push_str(&text[copied..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::*;

    fn names(family: &[(&str, &str)], others: &[&str]) -> Pseudonyms {
        let family: Vec<(String, String)> = family
            .iter()
            .map(|(n, i)| (n.to_string(), i.to_string()))
            .collect();
        let others: Vec<String> = others.iter().map(|o| o.to_string()).collect();
        Pseudonyms::from_people(&family, &others)
    }

    fn meeting(subject: &str) -> Meeting {
        let mut m = Meeting::new(
            AgendaRef {
                id: "sip".into(),
                version: 1,
            },
            format!("Möte om {}", subject.split(' ').next().unwrap()),
            chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
        );
        m.subject = Subject {
            name: subject.into(),
            initials: initials_of(subject),
        };
        m
    }

    fn participant(id: &str, name: &str, kind: ParticipantKind) -> Participant {
        Participant {
            id: Id::new(id),
            name: name.into(),
            organisation: None,
            role: String::new(),
            kind,
            mandate: None,
            attendance: Attendance::InRoom,
            stand_in: None,
            contact: None,
            part: None,
        }
    }

    #[test]
    fn whole_words_only_and_genitive() {
        let p = names(&[("Elsa Lind", "E. L.")], &[]);
        assert_eq!(
            p.apply("Elsa Lind och Elsas mamma, inte Elsabet"),
            "E. L. och E. L.:s mamma, inte Elsabet"
        );
        assert_eq!(p.apply("(Elsa)"), "(E. L.)");
    }

    #[test]
    fn any_case_and_accents_and_every_genitive() {
        let p = names(&[("Alva Lindqvist", "A. L."), ("Elias Lindqvist", "")], &[]);
        for (text, masked) in [
            ("alva", "A. L."),
            ("ALVA LINDQVIST", "A. L."),
            ("Álva  lindqvist", "A. L."),
            ("Alva\nLindqvist", "A. L."),
            ("Alvas bok", "A. L.:s bok"),
            ("Alva:s bok", "A. L.:s bok"),
            ("Alva’s bok", "A. L.:s bok"),
            ("Elias' bok", "E. L.:s bok"),
            ("Eliasʼ bok", "E. L.:s bok"),
            ("Elias’ bok", "E. L.:s bok"),
            ("ELIAS bok", "E. L. bok"),
            ("Lindqvists hem", "L.:s hem"),
            ("Alvar och Eliasson", "Alvar och Eliasson"),
        ] {
            assert_eq!(p.apply(text), masked, "{text}");
        }
        // Decomposed letters (a + combining ring) are the same letters.
        let p = names(&[("Åsa Öberg", "")], &[]);
        assert_eq!(p.apply("A\u{30a}sa och o\u{308}berg"), "Å. Ö. och Å. Ö.");
        assert_eq!(p.apply("– Åsa sa: «ÅSA ÖBERG»"), "– Å. Ö. sa: «Å. Ö.»");
        // å, ä and ö are letters of their own: Asa and Oberg are other names.
        assert_eq!(p.apply("Asa Oberg"), "Asa Oberg");
        // æ and ø are the Danish and Norwegian ä and ö.
        assert_eq!(p.apply("Øberg"), "Å. Ö.");
        // Invisible characters inside a name do not hide it.
        assert_eq!(p.apply("Å\u{200b}sa Ö\u{ad}berg."), "Å. Ö.");
    }

    #[test]
    fn initials_are_written_one_way_and_full_stops_are_not_doubled() {
        let p = names(
            &[("Nils Berg", "NB"), ("Ada Ek", "a.e"), ("Kim Ruiz", "Kim")],
            &[],
        );
        assert_eq!(p.apply("Vi träffade Nils."), "Vi träffade N. B.");
        assert_eq!(p.apply("Ada Ek kommer"), "A. E. kommer");
        assert_eq!(p.apply("Kim Ruiz och Kims bror"), "Kim och Kims bror");
        assert_eq!(p.apply("Nils..."), "N. B...");
        assert_eq!(initials_of("nils b."), "N. B.");
        assert_eq!(tidy_initials("A.L.", "x"), "A. L.");
        assert_eq!(tidy_initials(" a  l ", "x"), "A. L.");
        assert_eq!(tidy_initials("", "Ola Ek"), "O. E.");
        assert_eq!(tidy_initials("N..", "x"), "N.");
    }

    #[test]
    fn a_professional_is_never_touched_and_shared_first_names_stay() {
        // The mother Eva Lindqvist, the child Alva Lindqvist; the teacher Eva Berg.
        let p = names(
            &[("Alva Lindqvist", ""), ("Eva Lindqvist", "")],
            &["Eva Berg", "Hanna Lindqvist-Holm"],
        );
        assert_eq!(
            p.apply("Eva Berg och EVA BERGS kollega träffade Eva Lindqvist."),
            "Eva Berg och EVA BERGS kollega träffade E. L."
        );
        // "Eva" alone may be the teacher: left as it is. "Alva" is only the child.
        assert_eq!(p.apply("Eva ringer Alva"), "Eva ringer A. L.");
        // A surname a professional also has is not replaced alone either.
        assert_eq!(p.apply("Lindqvist"), "Lindqvist");
        assert_eq!(p.apply("Hanna Lindqvist-Holm"), "Hanna Lindqvist-Holm");
    }

    #[test]
    fn a_professional_sharing_a_first_name_keeps_theirs() {
        let mut m = meeting("Maria Lind");
        m.participants.push(participant(
            "p1",
            "Maria Svensson",
            ParticipantKind::Professional,
        ));
        m.situation.worries = "Maria Svensson träffar Maria Lind och Lind varje vecka.".into();
        let p = pseudonymize(&m);
        assert_eq!(
            p.situation.worries,
            "Maria Svensson träffar M. L. och M. L. varje vecka."
        );
        // "Maria" alone may be the professional: it is left as written.
        assert_eq!(p.title, "Möte om Maria");
        assert_eq!(p.participants[0].name, "Maria Svensson");
        assert_eq!(hidden_names(&m), vec!["Maria Lind".to_string()]);
        // The mask on screen is the same rule.
        let mask = Pseudonyms::for_meeting(&m);
        assert_eq!(
            mask.apply("Maria Linds pappa och maria svensson"),
            "M. L.:s pappa och maria svensson"
        );
    }

    #[test]
    fn named_consent_givers_and_named_family_are_family() {
        let mut m = meeting("Leo Karlsson");
        m.consents.push(Consent {
            given_by: vec![Person::Named("Sara Berglund, mormor (skriftligt)".into())],
            organisations: Vec::new(),
            child_view: String::new(),
            scope: "Skola och BUP".into(),
            exclusions: String::new(),
            form: ConsentForm::Written,
            date: m.date,
            valid_until: None,
            withdrawn: None,
        });
        m.coordinator = Some(Person::Named("Nils Berglund, morfar".into()));
        m.follow_up = Some(FollowUp {
            date: m.date,
            time: None,
            place: String::new(),
            convener: Some(Person::Named("Lena Berg, samtalsledare".into())),
            topics: String::new(),
        });
        let p = pseudonymize(&m);
        assert_eq!(
            p.consents[0].given_by,
            vec![Person::Named("S. B., mormor (skriftligt)".into())]
        );
        assert_eq!(p.coordinator, Some(Person::Named("N. B., morfar".into())));
        assert_eq!(
            p.follow_up.unwrap().convener,
            Some(Person::Named("Lena Berg, samtalsledare".into()))
        );
        let hidden = hidden_names(&m);
        for name in ["Leo Karlsson", "Sara Berglund", "Nils Berglund"] {
            assert!(hidden.contains(&name.to_string()), "{hidden:?}");
        }
        assert!(!hidden.contains(&"Lena Berg".to_string()));
    }

    #[test]
    fn a_named_performer_of_the_familys_own_action_is_family() {
        let mut m = meeting("Leo Karlsson");
        m.actions.push(Action::new(
            Id::new("a1"),
            "Följer Leo till skolan",
            Performer::Named("Ali Haddad".into()),
            None,
            Decision::Awaiting {
                decision_maker: "Ali Haddad".into(),
                organisation: None,
                decide_by: None,
                reason: String::new(),
            },
        ));
        let p = pseudonymize(&m);
        assert_eq!(
            p.actions[0].performer,
            Some(Performer::Named("A. H.".into()))
        );
        assert_eq!(p.actions[0].what, "Följer L. K. till skolan");
    }

    #[test]
    fn family_contact_is_removed_and_stand_in_pseudonymized() {
        let mut m = meeting("Leo Karlsson");
        let mut mum = participant("p1", "Johanna Karlsson", ParticipantKind::Guardian);
        mum.contact = Some("johanna.karlsson@example.se, 070-123 45 67".into());
        mum.stand_in = Some("Sara Berglund, mormor".into());
        let mut doc = participant("p2", "Erik Johansson", ParticipantKind::Professional);
        doc.contact = Some("erik.johansson@region.se".into());
        m.participants = vec![mum, doc];
        m.situation.worries = "Sara Berglund hämtar ibland.".into();
        let p = pseudonymize(&m);
        assert_eq!(p.participants[0].contact, None);
        assert_eq!(p.participants[0].stand_in.as_deref(), Some("S. B., mormor"));
        assert_eq!(p.situation.worries, "S. B. hämtar ibland.");
        assert_eq!(
            p.participants[1].contact.as_deref(),
            Some("erik.johansson@region.se")
        );
    }

    #[test]
    fn a_family_named_like_a_variant_keeps_the_meeting_whole() {
        let mut m = meeting("Kofi Annan");
        m.participants
            .push(participant("p1", "Ama Annan", ParticipantKind::Guardian));
        let mut pro = participant("p2", "Eva Ek", ParticipantKind::Professional);
        m.organisations.push(crate::meeting::Organisation {
            id: Id::new("o1"),
            name: "Stödcentrum".into(),
            huvudman: Huvudman::Annan,
            mission: String::new(),
            parent: None,
        });
        pro.organisation = Some(Id::new("o1"));
        m.participants.push(pro);
        m.situation.worries = "Annan har flyttat.".into();
        let p = pseudonymize(&m);
        assert_eq!(p.organisations[0].huvudman, Huvudman::Annan);
        assert_eq!(p.situation.worries, "A. har flyttat.");
    }

    #[test]
    fn a_relation_alone_is_not_a_name() {
        assert_eq!(person_name("Mormor"), None);
        assert_eq!(person_name("vårdnadshavare, muntligt"), None);
        assert_eq!(person_name("Sara Berglund (mormor)"), Some("Sara Berglund"));
        assert!(says_family("Sara Berglund (mormor)"));
        assert!(!says_family("Familjebehandlare, Öppenvården Barn och unga"));
    }
}
