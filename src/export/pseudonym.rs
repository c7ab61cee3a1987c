//! Pseudonymization: the child's and the family's names replaced by initials in every
//! text of the meeting, free text included, before any format is written.
//!
//! Full names become initials ("Elsa Lind" → "E. L."); a first or last name standing
//! alone becomes the same person's initials, or only its own initial when several family
//! members share it (a surname). A Swedish genitive ("Elsas") becomes "E. L.:s".

use crate::meeting::{Meeting, initials_of};
use serde_json::Value;

/// One name and what replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Replacement {
    name: String,
    initials: String,
}

/// The names to hide: the subject's and every family participant's, with their parts.
fn replacements(m: &Meeting) -> Vec<Replacement> {
    let mut people: Vec<(String, String)> = Vec::new();
    if !m.subject.name.trim().is_empty() {
        let initials = if m.subject.initials.trim().is_empty() {
            initials_of(&m.subject.name)
        } else {
            m.subject.initials.trim().to_string()
        };
        people.push((m.subject.name.trim().to_string(), initials));
    }
    for p in m.participants.iter().filter(|p| p.is_family()) {
        if !p.name.trim().is_empty() {
            people.push((p.name.trim().to_string(), p.initials()));
        }
    }
    let mut out: Vec<Replacement> = people
        .iter()
        .map(|(name, initials)| Replacement {
            name: name.split_whitespace().collect::<Vec<_>>().join(" "),
            initials: initials.clone(),
        })
        .collect();
    for (name, initials) in &people {
        for part in name.split_whitespace() {
            if part.chars().count() < 2 || out.iter().any(|r| r.name == part) {
                continue;
            }
            let owners: Vec<&String> = people
                .iter()
                .filter(|(n, _)| n.split_whitespace().any(|w| w == part))
                .map(|(_, i)| i)
                .collect();
            let same_person = owners.iter().all(|i| *i == initials);
            out.push(Replacement {
                name: part.to_string(),
                initials: if same_person {
                    initials.clone()
                } else {
                    initials_of(part)
                },
            });
        }
    }
    // A professional who shares a first name with someone in the family keeps their own
    // name: their full name is matched first and left as it is.
    let professionals = m
        .participants
        .iter()
        .filter(|p| !p.is_family())
        .map(|p| p.name.as_str())
        .chain([m.facilitator.as_str(), m.note_taker.as_str()]);
    for name in professionals {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let shares_a_name = name.split(' ').any(|w| out.iter().any(|r| r.name == w));
        if name.contains(' ') && shares_a_name && !out.iter().any(|r| r.name == name) {
            out.push(Replacement {
                initials: name.clone(),
                name,
            });
        }
    }
    // Longest first, so a full name wins over its parts.
    out.sort_by(|a, b| b.name.len().cmp(&a.name.len()).then(a.name.cmp(&b.name)));
    out
}

/// A copy of the meeting with the child's and the family's names replaced everywhere.
pub fn pseudonymize(m: &Meeting) -> Meeting {
    let names = replacements(m);
    let mut value = serde_json::to_value(m).expect("a meeting always serializes");
    replace_in_value(&mut value, &names);
    let mut out: Meeting =
        serde_json::from_value(value).expect("replacing text keeps the meeting's shape");
    if out.subject.initials.trim().is_empty() {
        out.subject.initials = out.subject.name.clone();
    }
    out
}

/// The full names (subject and family) that pseudonymized output must not contain.
pub fn hidden_names(m: &Meeting) -> Vec<String> {
    replacements(m)
        .into_iter()
        .filter(|r| r.name.contains(' ') && r.name != r.initials)
        .map(|r| r.name)
        .collect()
}

fn replace_in_value(v: &mut Value, names: &[Replacement]) {
    match v {
        Value::String(s) => *s = replace_names(s, names),
        Value::Array(items) => items.iter_mut().for_each(|i| replace_in_value(i, names)),
        Value::Object(map) => map.values_mut().for_each(|i| replace_in_value(i, names)),
        _ => {}
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Replace whole-word occurrences of each name (and its genitive with -s).
fn replace_names(text: &str, names: &[Replacement]) -> String {
    if names.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut prev: Option<char> = None;
    'scan: while i < text.len() {
        let rest = &text[i..];
        if prev.is_none_or(|c| !is_word(c)) {
            for r in names {
                let Some(after) = rest.strip_prefix(r.name.as_str()) else {
                    continue;
                };
                let next = after.chars().next();
                if next.is_none_or(|c| !is_word(c)) {
                    out.push_str(&r.initials);
                    i += r.name.len();
                    prev = r.name.chars().next_back();
                    continue 'scan;
                }
                if let Some(tail) = after.strip_prefix('s')
                    && tail.chars().next().is_none_or(|c| !is_word(c))
                {
                    out.push_str(&r.initials);
                    out.push_str(":s");
                    i += r.name.len() + 1;
                    prev = Some('s');
                    continue 'scan;
                }
            }
        }
        let c = rest.chars().next().expect("i is inside the text");
        out.push(c);
        prev = Some(c);
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(name: &str, initials: &str) -> Replacement {
        Replacement {
            name: name.into(),
            initials: initials.into(),
        }
    }

    #[test]
    fn whole_words_only_and_genitive() {
        let names = vec![r("Elsa Lind", "E. L."), r("Elsa", "E. L.")];
        assert_eq!(
            replace_names("Elsa Lind och Elsas mamma, inte Elsabet", &names),
            "E. L. och E. L.:s mamma, inte Elsabet"
        );
        assert_eq!(replace_names("(Elsa)", &names), "(E. L.)");
    }

    #[test]
    fn a_professional_sharing_a_first_name_keeps_theirs() {
        use crate::meeting::*;
        let mut m = Meeting::new(
            AgendaRef {
                id: "sip".into(),
                version: 1,
            },
            "Möte om Maria",
            chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
        );
        m.subject = Subject {
            name: "Maria Lind".into(),
            initials: "M. L.".into(),
        };
        m.participants.push(Participant {
            id: Id::new("p1"),
            name: "Maria Svensson".into(),
            organisation: "BUP".into(),
            huvudman: Huvudman::Region,
            role: "psykolog".into(),
            kind: ParticipantKind::Professional,
            mandate: None,
            attendance: Attendance::InRoom,
            stand_in: None,
            contact: None,
        });
        m.situation.worries = "Maria Svensson träffar Maria varje vecka.".into();
        let p = pseudonymize(&m);
        assert_eq!(
            p.situation.worries,
            "Maria Svensson träffar M. L. varje vecka."
        );
        assert_eq!(p.title, "Möte om M. L.");
        assert_eq!(p.participants[0].name, "Maria Svensson");
        assert_eq!(hidden_names(&m), vec!["Maria Lind".to_string()]);
    }

    #[test]
    fn unicode_names() {
        let names = vec![r("Åsa Öberg", "Å. Ö."), r("Åsa", "Å. Ö.")];
        assert_eq!(
            replace_names("– Åsa sa: «Åsa Öberg»", &names),
            "– Å. Ö. sa: «Å. Ö.»"
        );
    }
}
