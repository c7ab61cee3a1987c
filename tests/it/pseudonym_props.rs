//! Name spellings (issue 11, item 10), as a property: random names, written in random
//! case and accents, decomposed or not, with every genitive spelling — after
//! pseudonymizing, no family name is left in any export format (Markdown, HTML, the
//! Word document's text, the calendar file, JSON), and no professional's name changes.

use crate::common;

use common::{sip_agenda, sip_meeting};
use proptest::prelude::*;
use samsyn::export::{self, Format, Options};
use samsyn::i18n::Lang;
use samsyn::meeting::{Meeting, Performer, Person};
use unicode_normalization::UnicodeNormalization;

const CONSONANTS: &[char] = &[
    'b', 'd', 'f', 'g', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v',
];
const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u', 'y'];
const SWEDISH: &[char] = &['å', 'ä', 'ö'];

/// Every word of the exports' own text (the minutes', the kallelse's, the terms, the
/// dates and the shipped agendas), folded: a generated name that is one of them ("Möte")
/// cannot be told apart from the text around it, so none is drawn.
fn vocabulary() -> &'static std::collections::HashSet<String> {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        [
            include_str!("../../src/i18n/minutes.rs"),
            include_str!("../../src/i18n/invite.rs"),
            include_str!("../../src/i18n/terms.rs"),
            include_str!("../../src/i18n/dates.rs"),
            include_str!("../../agendas/samba.ron"),
            include_str!("../../agendas/samba-uppfoljning.ron"),
            include_str!("../../agendas/sip.ron"),
            include_str!("../../agendas/sip-uppfoljning.ron"),
        ]
        .iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
    })
}

/// A name word: two or three syllables, one of them with å, ä or ö (so it is seldom a
/// word of the minutes' own text, and never one: see `vocabulary`), capitalised,
/// sometimes ending in s (for "Elias'").
fn word() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((0..CONSONANTS.len(), 0..VOWELS.len()), 1..3),
        0..CONSONANTS.len(),
        0..SWEDISH.len(),
        any::<bool>(),
    )
        .prop_map(|(syllables, c, v, s)| {
            let mut w = String::new();
            w.push(CONSONANTS[c]);
            w.push(SWEDISH[v]);
            for (c, v) in syllables {
                w.push(CONSONANTS[c]);
                w.push(VOWELS[v]);
            }
            if s {
                w.push('s');
            }
            let mut chars = w.chars();
            let first = chars.next().unwrap().to_uppercase().to_string();
            first + chars.as_str()
        })
        .prop_filter("no word of the exports' own text", |w| {
            !vocabulary().contains(&fold(w))
                && !vocabulary().contains(fold(w).trim_end_matches('s'))
        })
}

/// The people of one meeting: the child, the mother (same surname), the father, a
/// grandmother named only as the consent giver; four professionals, the third sharing
/// the mother's first name when `shared`.
#[derive(Debug, Clone)]
struct People {
    child: (String, String),
    mother: String,
    father: (String, String),
    grandmother: (String, String),
    professionals: Vec<(String, String)>,
}

impl People {
    fn family(&self) -> Vec<(String, String)> {
        vec![
            self.child.clone(),
            (self.mother.clone(), self.child.1.clone()),
            self.father.clone(),
            self.grandmother.clone(),
        ]
    }
}

fn people() -> impl Strategy<Value = People> {
    (prop::collection::vec(word(), 15), any::<bool>())
        // Distinct also as genitives: "Båbas" for a name and the genitive of "Båba" for
        // another cannot be told apart by anyone reading the text, so no two names of a
        // meeting differ only by a closing s.
        .prop_filter("names are distinct", |(w, _)| {
            let mut f: Vec<String> = w
                .iter()
                .map(|w| fold(w).trim_end_matches('s').to_string())
                .collect();
            f.sort();
            f.dedup();
            f.len() == w.len()
        })
        .prop_map(|(w, shared)| {
            let mut professionals: Vec<(String, String)> = (0..4)
                .map(|i| (w[7 + i].clone(), w[11 + i].clone()))
                .collect();
            if shared {
                professionals[2].0 = w[2].clone();
            }
            People {
                child: (w[0].clone(), w[1].clone()),
                mother: w[2].clone(),
                father: (w[3].clone(), w[4].clone()),
                grandmother: (w[5].clone(), w[6].clone()),
                professionals,
            }
        })
}

/// How a name is written where it is mentioned.
#[derive(Debug, Clone)]
struct Spelling {
    /// 0 as written, 1 lower case, 2 upper case, 3 mixed.
    case: u8,
    /// Which letters get an accent (é for e …), one bit a letter.
    accents: u64,
    /// Written decomposed (a letter and its combining mark).
    decomposed: bool,
    /// 0 none, then "s", ":s", "'s", "’s", and for a name ending in s "'", "ʼ", "’".
    genitive: u8,
}

fn spelling() -> impl Strategy<Value = Spelling> {
    (0..4u8, any::<u64>(), any::<bool>(), 0..8u8).prop_map(|(case, accents, decomposed, g)| {
        Spelling {
            case,
            accents,
            decomposed,
            genitive: g,
        }
    })
}

fn accented(c: char, pick: usize) -> char {
    let options: &[char] = match c {
        'a' => &['á', 'à', 'â', 'ã'],
        'e' => &['é', 'è', 'ê', 'ë'],
        'i' => &['í', 'ì', 'î', 'ï'],
        'o' => &['ó', 'ò', 'ô', 'õ'],
        'u' => &['ú', 'ù', 'û', 'ü'],
        'y' => &['ý', 'ÿ'],
        'n' => &['ñ'],
        _ => &[c],
    };
    options[pick % options.len()]
}

fn spell(name: &str, s: &Spelling) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        let bit = (s.accents >> (i % 64)) & 1 == 1;
        let lower = c.to_lowercase().next().unwrap();
        let c = if bit && c.is_lowercase() {
            accented(lower, (s.accents >> ((i + 7) % 64)) as usize)
        } else {
            c
        };
        let c: String = match s.case {
            1 => c.to_lowercase().collect(),
            2 => c.to_uppercase().collect(),
            3 if i % 2 == 1 => c.to_uppercase().collect(),
            _ => c.to_string(),
        };
        out.push_str(&c);
    }
    if s.decomposed {
        out = out.nfd().collect();
    }
    let ends_in_s = name.ends_with('s');
    let suffix = match s.genitive {
        1 => "s",
        2 => ":s",
        3 => "'s",
        4 => "’s",
        5 if ends_in_s => "'",
        6 if ends_in_s => "ʼ",
        7 if ends_in_s => "’",
        _ => "",
    };
    out + suffix
}

/// A mention: who (0–3 the family, 4–7 the professionals), which part (0 the full name,
/// 1 the first name, 2 the last name), how it is written, and what follows it.
type Mention = (usize, u8, Spelling, usize);

fn mentions() -> impl Strategy<Value = Vec<Mention>> {
    prop::collection::vec((0..8usize, 0..3u8, spelling(), 0..6usize), 1..10)
}

const FILLERS: &[&str] = &[" träffade ", " och ", ". ", ", sa ", " ringde till ", ".\n"];

/// The text of the mentions, and the professionals' names as they were written in it.
fn text(p: &People, mentions: &[Mention]) -> (String, Vec<String>) {
    let family = p.family();
    let mut out = String::new();
    let mut professional = Vec::new();
    for (who, part, spelling, filler) in mentions {
        let (first, last) = if *who < 4 {
            family[*who].clone()
        } else {
            p.professionals[who - 4].clone()
        };
        let name = match part {
            0 => format!("{first} {last}"),
            1 => first,
            _ => last,
        };
        let written = spell(&name, spelling);
        if *who >= 4 {
            professional.push(written.clone());
        }
        out.push_str(&written);
        out.push_str(FILLERS[*filler]);
    }
    (out, professional)
}

/// The meeting of the SIP example with these people in it and `texts` in its free text.
fn meeting(p: &People, texts: &[String; 6]) -> Meeting {
    let mut m = sip_meeting();
    let full = |(a, b): &(String, String)| format!("{a} {b}");
    let child = full(&p.child);
    m.subject.name = child.clone();
    m.subject.initials = String::new();
    let pros: Vec<String> = p.professionals.iter().map(full).collect();
    for q in &mut m.participants {
        q.name = match q.id.0.as_str() {
            "p1" => pros[0].clone(),
            "p2" => pros[1].clone(),
            "p3" => pros[2].clone(),
            "p4" => format!("{} {}", p.mother, p.child.1),
            "p5" => full(&p.father),
            "p6" => child.clone(),
            "p7" => pros[3].clone(),
            _ => q.name.clone(),
        };
    }
    m.facilitator = pros[0].clone();
    m.note_taker = pros[1].clone();
    let mut consent = m.consents[0].clone();
    consent.given_by = vec![Person::Named(format!(
        "{}, mormor (skriftligt)",
        full(&p.grandmother)
    ))];
    m.consents.push(consent);
    if let Some(f) = m.actions[0].feedback.as_mut() {
        f.from = pros[1].clone();
        f.to = pros[0].clone();
    }
    m.actions[3].performer = Some(Performer::Named(pros[3].clone()));
    if let samsyn::meeting::Decision::Awaiting { decision_maker, .. } = &mut m.actions[3].decision {
        *decision_maker = pros[3].clone();
    }
    m.title = format!("SIP för {}", texts[0].replace('\n', " ").trim());
    m.phase_mut("roller").notes = texts[1].clone();
    m.situation.works_well = texts[2].clone();
    m.situation.worries = texts[3].clone();
    m.child_voice.views = texts[4].clone();
    m.disagreements = vec![texts[5].clone()];
    m.evaluations[0].comment = texts[5].clone();
    m
}

/// Lower case, accents dropped, å ä ö kept: the test's own reading of "the same name".
fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.nfc().flat_map(char::to_lowercase) {
        match c {
            'å' | 'ä' | 'ö' => out.push(c),
            'æ' => out.push('ä'),
            'ø' => out.push('ö'),
            _ => out.extend(
                std::iter::once(c)
                    .nfd()
                    .filter(|d| !unicode_normalization::char::is_combining_mark(*d)),
            ),
        }
    }
    out
}

/// The words of a text, folded; apostrophes and colons end a word.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric() || c == 'ʼ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn export_text(m: &Meeting, format: Format, pseudonymize: bool) -> String {
    let bytes = export::export(
        m,
        &sip_agenda(),
        format,
        Options {
            lang: Lang::Sv,
            pseudonymize,
            contacts: false,
        },
    )
    .unwrap_or_else(|e| panic!("{format:?}: {e}"));
    match format {
        Format::Docx => {
            use std::io::Read;
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut all = String::new();
            for i in 0..zip.len() {
                let mut part = zip.by_index(i).unwrap();
                if part.name().ends_with(".xml") {
                    part.read_to_string(&mut all).unwrap();
                    all.push('\n');
                }
            }
            all
        }
        Format::Json => {
            // Every string of the document, unescaped.
            fn strings(v: &serde_json::Value, out: &mut String) {
                match v {
                    serde_json::Value::String(s) => {
                        out.push_str(s);
                        out.push('\n');
                    }
                    serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
                    serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
                    _ => {}
                }
            }
            let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            let mut out = String::new();
            strings(&v, &mut out);
            out
        }
        Format::Ics => String::from_utf8(bytes)
            .unwrap()
            .replace("\r\n ", "")
            .replace("\\n", "\n")
            .replace("\\,", ",")
            .replace("\\;", ";"),
        _ => String::from_utf8(bytes).unwrap(),
    }
}

/// What of the family's names is left in `text`: a full name, or a part of one that no
/// professional shares (a shared first name alone is left, since it may be theirs).
fn family_left(p: &People, text: &str) -> Option<String> {
    let w = words(text);
    let professional: Vec<String> = p
        .professionals
        .iter()
        .flat_map(|(a, b)| [fold(a), fold(b)])
        .collect();
    for (first, last) in p.family() {
        let (first, last) = (fold(&first), fold(&last));
        if w.windows(2)
            .any(|x| x[0] == first && (x[1] == last || x[1] == format!("{last}s")))
        {
            return Some(format!("{first} {last}"));
        }
        for part in [first, last] {
            if professional.contains(&part) {
                continue;
            }
            if w.iter().any(|x| *x == part || *x == format!("{part}s")) {
                return Some(part);
            }
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_family_name_survives_and_no_professional_name_changes(
        p in people(),
        ms in prop::collection::vec(mentions(), 6),
    ) {
        let written: Vec<(String, Vec<String>)> = ms.iter().map(|m| text(&p, m)).collect();
        let texts: [String; 6] = std::array::from_fn(|i| written[i].0.clone());
        let m = meeting(&p, &texts);
        // The texts do hold the family's names before pseudonymizing.
        prop_assert!(family_left(&p, &export_text(&m, Format::Json, false)).is_some());
        for format in [Format::Md, Format::Html, Format::Docx, Format::Ics, Format::Json] {
            let out = export_text(&m, format, true);
            if let Some(name) = family_left(&p, &out) {
                prop_assert!(false, "{name} left in {format:?}:\n{texts:#?}\n{out}");
            }
            if format != Format::Ics {
                for (a, b) in &p.professionals {
                    let name = format!("{a} {b}");
                    prop_assert!(out.contains(&name), "{name} changed in {format:?}");
                }
            }
        }
        // Every mention of a professional is kept exactly as it was written.
        let json = export_text(&m, Format::Json, true);
        for (_, professional) in &written {
            for name in professional {
                prop_assert!(json.contains(name.as_str()), "{name:?} changed:\n{json}");
            }
        }
        // The calendar never holds a family name, pseudonymizing asked for or not.
        prop_assert_eq!(family_left(&p, &export_text(&m, Format::Ics, false)), None);
        // Initials are written one way, and never with a doubled full stop.
        let masked = samsyn::meeting::pseudonymize(&m);
        prop_assert_eq!(
            &masked.subject.name,
            &format!(
                "{}. {}.",
                p.child.0.chars().next().unwrap(),
                p.child.1.chars().next().unwrap()
            )
        );
        for t in [&masked.situation.works_well, &masked.situation.worries, &masked.child_voice.views] {
            prop_assert!(!t.contains(".."), "{t}");
        }
    }
}
