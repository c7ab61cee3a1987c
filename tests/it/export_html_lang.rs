//! The HTML minutes say which language each text is in, read back with an HTML parser
//! the way a screen reader or a browser's hyphenation would: the document is `sv` or
//! `en` by the export's language, and in English minutes the participants' own words,
//! which are Swedish, are `lang="sv"` while the program's words around them stay English.

use crate::common;

use common::{sip_agenda, sip_meeting};
use samsyn::export::{self, Format, Options};
use samsyn::i18n::Lang;
use samsyn::meeting::Meeting;
use scraper::{ElementRef, Html, Node, Selector};

fn html(m: &Meeting, lang: Lang, pseudonymize: bool) -> Html {
    let bytes = export::export(
        m,
        &sip_agenda(),
        Format::Html,
        Options {
            lang,
            pseudonymize,
            contacts: false,
        },
    )
    .unwrap();
    Html::parse_document(&String::from_utf8(bytes).unwrap())
}

/// Each text of the page with the language it is in: the `lang` of the nearest element
/// around it that has one.
fn texts_with_lang(doc: &Html) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in doc.tree.nodes() {
        let Node::Text(text) = node.value() else {
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        let lang = node
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find_map(|e| e.value().attr("lang"))
            .unwrap_or("")
            .to_string();
        out.push((text.to_string(), lang));
    }
    out
}

/// The language of the text node(s) holding `needle`; every one of them must agree.
fn lang_of(texts: &[(String, String)], needle: &str) -> String {
    let langs: Vec<&str> = texts
        .iter()
        .filter(|(t, _)| t.contains(needle))
        .map(|(_, l)| l.as_str())
        .collect();
    assert!(!langs.is_empty(), "{needle:?} is not on the page");
    assert!(
        langs.iter().all(|l| *l == langs[0]),
        "{needle:?} is marked {langs:?}"
    );
    langs[0].to_string()
}

fn document_lang(doc: &Html) -> String {
    let sel = Selector::parse("html").unwrap();
    let root = doc.select(&sel).next().unwrap();
    root.value().attr("lang").unwrap_or("").to_string()
}

#[test]
fn the_document_language_is_the_exports_language() {
    let m = sip_meeting();
    assert_eq!(document_lang(&html(&m, Lang::Sv, false)), "sv");
    assert_eq!(document_lang(&html(&m, Lang::En, false)), "en");
}

#[test]
fn in_english_minutes_the_meetings_own_words_are_swedish() {
    let m = sip_meeting();
    let doc = html(&m, Lang::En, false);
    let texts = texts_with_lang(&doc);
    let swedish = [
        // Phase notes, the situation, the child's own view.
        "Karin Ek leder mötet neutralt.",
        "Elsas frånvaro är 40 % sedan januari.",
        "Jag vill gå i skolan men inte på morgonen.",
        // Needs, goals and how progress is noticed.
        "Utredning av sömnen",
        "Elsa kommer till första lektionen tre dagar i veckan",
        "Närvaron över 80 % i maj",
        // The actions' texts, in the plan and in the lists under it.
        "Sömnutredning för Elsa",
        "Plats i musikgruppen på torsdagar",
        // Consent, disagreement, follow-up, evaluation.
        "Uppgifter om Jonas Bergs hälsa",
        "Jonas Berg anser att Elsa bör byta skola",
        "Närvaron och sömnutredningen",
        "Bra att Elsa fick säga sitt.",
        // Organisations and roles as written at the table.
        "Socialtjänst: Barn och familj",
        "rektor",
        // The title.
        "SIP för Elsa",
    ];
    for text in swedish {
        assert_eq!(lang_of(&texts, text), "sv", "{text}");
    }
    let english = [
        "Decided by",
        "Goal 1, long-term goal: ",
        "awaiting decision: ",
        "How we will notice progress",
        "Municipality",
        "in the room",
        "DRAFT – not finalized",
    ];
    for text in english {
        assert_eq!(lang_of(&texts, text), "en", "{text}");
    }
    // Names are no language's words: a cell holding only a name stays with the page.
    for name in ["Karin Ek", "Sofia Nilsson", "Per Öberg"] {
        let langs: Vec<&str> = texts
            .iter()
            .filter(|(t, _)| t.trim() == name)
            .map(|(_, l)| l.as_str())
            .collect();
        assert!(!langs.is_empty(), "{name} stands alone somewhere");
        assert!(
            langs.iter().all(|l| *l == "en"),
            "{name} is marked {langs:?}"
        );
    }
}

#[test]
fn a_goal_line_marks_only_the_goals_words() {
    let doc = html(&sip_meeting(), Lang::En, false);
    let sel = Selector::parse("li").unwrap();
    let goal = doc
        .select(&sel)
        .find(|li| {
            li.text()
                .collect::<String>()
                .starts_with("Goal 1, long-term goal: ")
        })
        .expect("the long-term goal is listed");
    assert_eq!(goal.value().attr("lang"), None);
    let spans: Vec<String> = goal
        .select(&Selector::parse("span[lang=sv]").unwrap())
        .map(|s| s.text().collect())
        .collect();
    assert_eq!(
        spans,
        ["Elsa går i skolan varje dag", "Närvaron över 80 % i maj"]
    );
}

#[test]
fn pseudonymized_english_minutes_mark_the_pseudonymized_words() {
    let doc = html(&sip_meeting(), Lang::En, true);
    let texts = texts_with_lang(&doc);
    assert_eq!(lang_of(&texts, "Sömnutredning för E. L."), "sv");
    assert_eq!(lang_of(&texts, "E. L.:s frånvaro är 40 %"), "sv");
}

#[test]
fn swedish_minutes_need_no_marks_inside() {
    let doc = html(&sip_meeting(), Lang::Sv, false);
    let marked = Selector::parse("body [lang]").unwrap();
    assert_eq!(doc.select(&marked).count(), 0);
}
