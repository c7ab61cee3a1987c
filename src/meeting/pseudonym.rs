//! Pseudonyms: the child's and the family's names replaced by initials. One rule serves
//! both the privacy mask on a shared screen and pseudonymized exports, so they agree.
//!
//! Full names become initials ("Elsa Lind" → "E. L."); a first or last name standing
//! alone becomes the same person's initials, or only its own initial when several family
//! members share it (a surname). A Swedish genitive ("Elsas") becomes "E. L.:s". A
//! professional who shares a first name with the family keeps their own name.
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

/// One name and what replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Replacement {
    name: String,
    initials: String,
}

/// The names of the child and the family in one meeting, and their initials.
#[derive(Debug, Clone, Default)]
pub struct Pseudonyms {
    /// Longest first, so a full name wins over its parts.
    names: Vec<Replacement>,
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
        let mut out: Vec<Replacement> = family
            .iter()
            .map(|(name, initials)| Replacement {
                name: name.clone(),
                initials: initials.clone(),
            })
            .collect();
        for (name, initials) in &family {
            for part in name.split_whitespace() {
                if part.chars().count() < 2 || out.iter().any(|r| r.name == part) {
                    continue;
                }
                let same_person = family
                    .iter()
                    .filter(|(n, _)| n.split_whitespace().any(|w| w == part))
                    .all(|(_, i)| i == initials);
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
        // A professional who shares a name with someone in the family keeps their own
        // name: their full name is matched first and left as it is.
        for name in others {
            let shares_a_name = name.split(' ').any(|w| out.iter().any(|r| r.name == w));
            if name.contains(' ') && shares_a_name && !out.iter().any(|r| r.name == name) {
                out.push(Replacement {
                    initials: name.clone(),
                    name,
                });
            }
        }
        out.sort_by(|a, b| b.name.len().cmp(&a.name.len()).then(a.name.cmp(&b.name)));
        Pseudonyms { names: out }
    }

    /// `text` with every family name replaced by initials, whole words only, a genitive
    /// "-s" kept as ":s" ("Leos närvaro" → "L. K.:s närvaro").
    pub fn apply(&self, text: &str) -> String {
        replace_names(text, &self.names)
    }

    /// The full names (of more than one word) that must not be seen.
    pub fn hidden_names(&self) -> Vec<String> {
        self.names
            .iter()
            .filter(|r| r.name.contains(' ') && r.name != r.initials)
            .map(|r| r.name.clone())
            .collect()
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

/// A copy of the meeting with the child's and the family's names replaced everywhere and
/// the family's contact details removed.
pub fn pseudonymize(m: &Meeting) -> Meeting {
    let names = Pseudonyms::for_meeting(m);
    let mut m = m.clone();
    for p in m.participants.iter_mut().filter(|p| p.is_family()) {
        p.contact = None;
    }
    let tags = enum_tags();
    let mut value = serde_json::to_value(&m).expect("a meeting always serializes");
    replace_in_value(&mut value, &names, &tags);
    let mut out: Meeting =
        serde_json::from_value(value).expect("replacing text keeps the meeting's shape");
    if out.subject.initials.trim().is_empty() {
        out.subject.initials = out.subject.name.clone();
    }
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

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Replace whole-word occurrences of each name (and its genitive with -s), in one pass so
/// a replacement is never replaced again.
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
                    if r.initials != r.name {
                        out.push(':');
                    }
                    out.push('s');
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
    use crate::meeting::*;

    fn r(name: &str, initials: &str) -> Replacement {
        Replacement {
            name: name.into(),
            initials: initials.into(),
        }
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
        let names = vec![r("Elsa Lind", "E. L."), r("Elsa", "E. L.")];
        assert_eq!(
            replace_names("Elsa Lind och Elsas mamma, inte Elsabet", &names),
            "E. L. och E. L.:s mamma, inte Elsabet"
        );
        assert_eq!(replace_names("(Elsa)", &names), "(E. L.)");
    }

    #[test]
    fn a_professional_sharing_a_first_name_keeps_theirs() {
        let mut m = meeting("Maria Lind");
        m.participants.push(participant(
            "p1",
            "Maria Svensson",
            ParticipantKind::Professional,
        ));
        m.situation.worries = "Maria Svensson träffar Maria varje vecka.".into();
        let p = pseudonymize(&m);
        assert_eq!(
            p.situation.worries,
            "Maria Svensson träffar M. L. varje vecka."
        );
        assert_eq!(p.title, "Möte om M. L.");
        assert_eq!(p.participants[0].name, "Maria Svensson");
        assert_eq!(hidden_names(&m), vec!["Maria Lind".to_string()]);
        // The mask on screen is the same rule.
        let mask = Pseudonyms::for_meeting(&m);
        assert_eq!(
            mask.apply("Marias pappa och Maria Svensson"),
            "M. L.:s pappa och Maria Svensson"
        );
    }

    #[test]
    fn unicode_names() {
        let names = vec![r("Åsa Öberg", "Å. Ö."), r("Åsa", "Å. Ö.")];
        assert_eq!(
            replace_names("– Åsa sa: «Åsa Öberg»", &names),
            "– Å. Ö. sa: «Å. Ö.»"
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
