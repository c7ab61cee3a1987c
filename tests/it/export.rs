//! The minutes in every format, read back with the tools other programs use: a
//! CommonMark parser, an HTML parser, the DOCX's XML, an iCalendar parser, serde_json.

use crate::common;

use common::{FAMILY_NAMES, finalized_sip_meeting, sip_agenda, sip_meeting};
use samsyn::export::{self, ExportError, Format, Options, json};
use samsyn::i18n::Lang;
use samsyn::meeting::{Meeting, Person};

fn export_str(m: &Meeting, format: Format, lang: Lang, pseudonymize: bool) -> String {
    let bytes = export::export(
        m,
        &sip_agenda(),
        format,
        Options {
            lang,
            pseudonymize,
            contacts: false,
        },
    )
    .unwrap_or_else(|e| panic!("{format:?} export failed: {e}"));
    String::from_utf8(bytes).expect("text formats are UTF-8")
}

fn docx_bytes(m: &Meeting, lang: Lang, pseudonymize: bool) -> Vec<u8> {
    export::export(
        m,
        &sip_agenda(),
        Format::Docx,
        Options {
            lang,
            pseudonymize,
            contacts: false,
        },
    )
    .unwrap()
}

// ---------- Markdown ----------

/// The rows (as cell texts) of every table in a Markdown document.
fn markdown_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
    let mut tables = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut in_cell = false;
    for ev in Parser::new_ext(md, MdOptions::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Table(_)) => rows.clear(),
            Event::End(TagEnd::Table) => tables.push(std::mem::take(&mut rows)),
            Event::Start(Tag::TableHead | Tag::TableRow) => row.clear(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
            Event::Start(Tag::TableCell) => {
                cell.clear();
                in_cell = true;
            }
            Event::End(TagEnd::TableCell) => {
                in_cell = false;
                row.push(std::mem::take(&mut cell));
            }
            Event::Text(t) | Event::Code(t) if in_cell => cell.push_str(&t),
            _ => {}
        }
    }
    tables
}

fn action_table<'a>(tables: &'a [Vec<Vec<String>>], first_header: &str) -> &'a Vec<Vec<String>> {
    tables
        .iter()
        .find(|t| t[0][0] == first_header && t[0].len() == 6)
        .expect("the actions table is there")
}

#[test]
fn markdown_action_table_has_one_row_per_action() {
    let m = sip_meeting();
    for (lang, what, decided) in [
        (Lang::Sv, "Vad", "Beslutat av"),
        (Lang::En, "What", "Decided by"),
    ] {
        let md = export_str(&m, Format::Md, lang, false);
        let tables = markdown_tables(&md);
        let actions = action_table(&tables, what);
        assert_eq!(actions[0][3], decided);
        assert_eq!(actions.len() - 1, m.actions.len(), "{md}");
        // The pipe in an action's text stays inside its cell.
        // The goals it serves, by their numbers.
        let goal = lang.pick("mål", "goal");
        assert_eq!(
            actions[1][0],
            format!("Anpassat schema med senare start | två dagar i veckan ({goal} 2)")
        );
        assert!(actions[2][3].contains("Enhetschef BUP"), "{:?}", actions[2]);
    }
    // Two goals or more are "goals" in English.
    let mut two = m.clone();
    two.actions[0].goals = two.goals.iter().take(2).map(|g| g.id.clone()).collect();
    let md = export_str(&two, Format::Md, Lang::En, false);
    assert!(md.contains("(goals 1, 2)"), "{md}");
    let md = export_str(&two, Format::Md, Lang::Sv, false);
    assert!(md.contains("(mål 1, 2)"), "{md}");
    let md = export_str(&m, Format::Md, Lang::Sv, false);
    let tables = markdown_tables(&md);
    let actions = action_table(&tables, "Vad");
    // The reason the decision is awaited is in the minutes.
    assert_eq!(
        actions[2][3],
        "beslut inväntas: Enhetschef BUP (BUP), senast 2026-04-15. Skäl: Utredningen kräver enhetschefens beslut om resurser."
    );
    // The law's words: an insats of a huvudman, the family's own åtgärd.
    assert!(
        actions[1][2].starts_with("Insats: Skola: Nyboskolan"),
        "{:?}",
        actions[1]
    );
    assert!(
        actions[3][2].starts_with("Åtgärd: familjen"),
        "{:?}",
        actions[3]
    );
    assert!(
        actions[4][2].starts_with("Åtgärd: Fritidsgården Ljuset"),
        "{:?}",
        actions[4]
    );
    let participants = tables.iter().find(|t| t[0][0] == "Namn").unwrap();
    assert_eq!(participants.len() - 1, m.participants.len());
}

#[test]
fn markdown_draft_says_so_in_every_section_and_final_carries_the_stamp() {
    let draft = export_str(&sip_meeting(), Format::Md, Lang::Sv, false);
    let h2 = draft.lines().filter(|l| l.starts_with("## ")).count();
    let marks = draft.matches("UTKAST – ej justerat").count();
    // The phases the plan shows (actions, summary, follow-up) have no section of their
    // own without notes: no filler, no second "Uppföljning" heading.
    assert!(h2 >= 7 && marks >= h2, "{h2} sections, {marks} draft marks");
    assert!(!draft.contains("står i planen nedan"), "{draft}");
    assert_eq!(draft.matches("Uppföljning\n").count(), 1, "{draft}");

    let m = finalized_sip_meeting();
    let fin = export_str(&m, Format::Md, Lang::En, false);
    assert!(!fin.contains("DRAFT"));
    let stamp = m.finalized.as_ref().unwrap();
    assert!(fin.contains(&stamp.hash), "the full hash is printed");
    assert!(fin.contains("Finalized 2026-03-10 14:35 by Karin Ek"));
    assert!(fin.contains("**Revision:** 1"));
}

#[test]
fn sip_minutes_show_the_four_legal_elements_under_swedish_headings() {
    let md = export_str(&sip_meeting(), Format::Md, Lang::Sv, false);
    for heading in [
        "### Insatser som behövs",
        "### Insatser som respektive huvudman ansvarar för",
        "### Åtgärder som vidtas av andra än kommunen eller regionen",
        "### Huvudman med övergripande ansvar för planen",
        "### Beslut som inväntas",
        "### Samordnare / kontaktperson",
        "### Oenighet",
        "### Uppföljning",
        "### Sändlista",
        "### Lagrum",
        "### Justering",
    ] {
        assert!(md.contains(heading), "missing {heading}\n{md}");
    }
    // Element 3 names the family's and the private provider's measures, not the school's.
    let others = md.split("### Åtgärder som vidtas").nth(1).unwrap();
    let others = others.split("###").next().unwrap();
    assert!(others.contains("väcker Elsa"));
    assert!(others.contains("musikgruppen"));
    assert!(!others.contains("Anpassat schema"));
    // The phases come in agenda order, before the plan.
    let order: Vec<usize> = [
        "## Presentation och roller",
        "## Samtycke",
        "## Aktuell situation",
        "## Barnets röst",
        "## Behov och mål",
        "## Planen",
    ]
    .iter()
    .map(|h| md.find(h).unwrap_or_else(|| panic!("missing {h}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

// ---------- HTML ----------

#[test]
fn html_is_well_formed_printable_and_has_one_row_per_action() {
    use scraper::{Html, Selector};
    let m = sip_meeting();
    let html = export_str(&m, Format::Html, Lang::Sv, false);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);
    let sel = |s: &str| Selector::parse(s).unwrap();
    assert_eq!(doc.root_element().value().attr("lang"), Some("sv"));
    assert_eq!(
        doc.select(&sel("table.actions tbody tr")).count(),
        m.actions.len()
    );
    assert_eq!(
        doc.select(&sel("table.participants tbody tr")).count(),
        m.participants.len()
    );
    assert_eq!(doc.select(&sel("h1")).count(), 1);
    // Self-contained: no external resources, no scripts.
    assert_eq!(doc.select(&sel("script, link, img")).count(), 0);
    let css: String = doc.select(&sel("style")).map(|s| s.inner_html()).collect();
    assert!(css.contains("@page { size: A4"));
    // No forced break before the plan (it left a nearly empty page), headings stay with
    // what follows them.
    assert!(!css.contains("break-before: page"), "{css}");
    assert!(css.contains("h2, h3 { break-after: avoid; page-break-after: avoid; }"));
    assert!(css.contains("thead { display: table-header-group; }"));
    // Every printed page carries the draft mark and its page number.
    assert!(
        css.contains("@top-right { content: \"UTKAST – ej justerat\""),
        "{css}"
    );
    assert!(css.contains("counter(page)"));
    // The plan section holds the actions table.
    let plan = doc
        .select(&sel("section.plan"))
        .next()
        .expect("a plan section");
    assert_eq!(plan.select(&sel("table.actions")).count(), 1);
    // Every phase section (h2) is followed by the draft mark.
    let h2 = doc.select(&sel("h2")).count();
    let marks = doc.select(&sel(".section-mark")).count();
    assert_eq!(
        marks,
        h2 - 1,
        "all h2 but the plan's carry the mark; the plan has its own"
    );
    assert!(html.contains("UTKAST – ej justerat"));
}

#[test]
fn notes_of_a_phase_the_agenda_no_longer_has_are_kept() {
    let mut m = sip_meeting();
    m.phase_mut("gammal-fas").notes = "Anteckning som inte får försvinna".into();
    let md = export_str(&m, Format::Md, Lang::Sv, false);
    assert!(md.contains("## Anteckningar (gammal-fas)"), "{md}");
    assert!(md.contains("Anteckning som inte får försvinna"));
    assert!(md.find("gammal-fas").unwrap() < md.find("## Planen").unwrap());
}

#[test]
fn html_escapes_free_text() {
    let mut m = sip_meeting();
    m.situation.worries = "<script>alert(1)</script> & \"quotes\"".into();
    let html = export_str(&m, Format::Html, Lang::En, false);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
}

// ---------- DOCX ----------

fn docx_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a zip");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the DOCX"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn w(name: &str) -> (&'static str, &str) {
    (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        name,
    )
}

/// The text of every paragraph with the given style id.
fn styled_paragraphs(doc: &roxmltree::Document, style: &str) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name(w("p")))
        .filter(|p| {
            p.descendants()
                .any(|n| n.has_tag_name(w("pStyle")) && n.attribute(w("val")) == Some(style))
        })
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name(w("t")))
                .filter_map(|n| n.text())
                .collect()
        })
        .collect()
}

#[test]
fn docx_has_word_headings_real_tables_header_and_page_numbers() {
    let m = sip_meeting();
    let bytes = docx_bytes(&m, Lang::Sv, false);
    let xml = docx_part(&bytes, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("document.xml is XML");

    let h1 = styled_paragraphs(&doc, "Heading1");
    assert!(
        h1.contains(&"Presentation och roller".to_string()),
        "{h1:?}"
    );
    assert!(h1.contains(&"Planen: vem gör vad till när".to_string()));
    let h2 = styled_paragraphs(&doc, "Heading2");
    assert!(h2.contains(&"Huvudman med övergripande ansvar för planen".to_string()));

    // The styles are Word's built-in headings, with outline levels for the navigation pane.
    let styles = docx_part(&bytes, "word/styles.xml");
    let styles = roxmltree::Document::parse(&styles).unwrap();
    for (id, name, level) in [
        ("Heading1", "heading 1", "0"),
        ("Heading2", "heading 2", "1"),
    ] {
        let style = styles
            .descendants()
            .find(|n| n.has_tag_name(w("style")) && n.attribute(w("styleId")) == Some(id))
            .unwrap_or_else(|| panic!("style {id} defined"));
        let child = |tag: &str| {
            style
                .descendants()
                .find(|n| n.has_tag_name(w(tag)))
                .and_then(|n| n.attribute(w("val")))
        };
        assert_eq!(child("name"), Some(name));
        assert_eq!(child("outlineLvl"), Some(level));
    }

    // The actions table: a header row and one row per action.
    let tables: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name(w("tbl")))
        .collect();
    let actions = tables
        .iter()
        .find(|t| {
            let text: String = t.descendants().filter_map(|n| n.text()).collect();
            text.contains("Beslutat av")
        })
        .expect("an actions table");
    let rows: Vec<_> = actions
        .children()
        .filter(|n| n.has_tag_name(w("tr")))
        .collect();
    assert_eq!(rows.len(), m.actions.len() + 1);
    // The header row repeats on every page; the other rows are never split.
    let has = |row: &roxmltree::Node, tag: &str| row.descendants().any(|n| n.has_tag_name(w(tag)));
    assert!(has(&rows[0], "tblHeader"));
    assert!(
        rows[1..]
            .iter()
            .all(|r| !has(r, "tblHeader") && has(r, "cantSplit"))
    );

    // The header says DRAFT on every page; the footer numbers the pages.
    let header = docx_part(&bytes, "word/header1.xml");
    assert!(header.contains("UTKAST – ej justerat"), "{header}");
    let footer = docx_part(&bytes, "word/footer1.xml");
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "{footer}"
    );
    assert!(footer.contains("Sida"));

    let fin = finalized_sip_meeting();
    let bytes = docx_bytes(&fin, Lang::En, false);
    // Dates are written with non-breaking hyphens, between runs of digits.
    let header =
        docx_part(&bytes, "word/header1.xml").replace("</w:t><w:noBreakHyphen/><w:t>", "-");
    let stamp = fin.finalized.as_ref().unwrap();
    assert!(!header.contains("DRAFT"));
    assert!(header.contains("Finalized 2026-03-10 14:35 by Karin Ek"));
    assert!(header.contains(&stamp.hash[..12]));
}

// ---------- ICS ----------

#[test]
fn ics_parses_back_with_the_follow_up_event_and_a_todo_per_deadline() {
    use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike};
    let m = sip_meeting();
    let text = export_str(&m, Format::Ics, Lang::Sv, false);
    let cal: Calendar = text.parse().expect("icalendar parses its own output back");
    let events: Vec<_> = cal.events().collect();
    assert_eq!(events.len(), 1);
    let ev = events[0];
    let start = |dt: Option<DatePerhapsTime>| match dt {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t.naive_utc(),
        other => panic!("expected a UTC date-time, got {other:?}"),
    };
    // 13:00 in Stockholm on 5 May (summer time) is 11:00 UTC.
    let fu = m.follow_up.as_ref().unwrap();
    assert_eq!(fu.time.unwrap().to_string(), "13:00:00");
    assert_eq!(
        start(ev.get_start()),
        fu.date.and_hms_opt(11, 0, 0).unwrap()
    );
    let minutes = sip_agenda().typical_minutes();
    assert_eq!(
        start(ev.get_end()) - start(ev.get_start()),
        chrono::TimeDelta::minutes(i64::from(minutes))
    );
    assert_eq!(ev.get_location(), Some("Nyboskolan, konferensrum 2"));
    assert!(ev.get_description().unwrap().contains("BoF 2026-0412"));
    assert!(
        ev.get_description()
            .unwrap()
            .contains("UTKAST – ej justerat")
    );
    assert_eq!(ev.get_status(), Some(icalendar::EventStatus::Tentative));

    // The deadlines' to-dos; those for decide-by and feedback dates are in export_ics.rs.
    let todos: Vec<_> = cal
        .todos()
        .filter(|t| {
            m.actions
                .iter()
                .any(|a| t.get_uid() == Some(export::ics::action_uid(&m, &a.id).as_str()))
        })
        .collect();
    let with_deadline = m.actions.iter().filter(|a| a.deadline.is_some()).count();
    assert_eq!(todos.len(), with_deadline);
    for t in &todos {
        let uid = t.get_uid().unwrap();
        let action = m
            .actions
            .iter()
            .find(|a| uid == export::ics::action_uid(&m, &a.id))
            .expect("each UID names an action");
        assert_eq!(
            t.get_due(),
            Some(DatePerhapsTime::Date(action.deadline.unwrap()))
        );
        let org = action.organisation.as_ref().map_or_else(
            || samsyn::i18n::terms::capital(samsyn::i18n::terms::family(Lang::Sv)),
            |o| m.organisation_name(o),
        );
        assert!(
            t.get_summary().unwrap().contains(org.as_str()),
            "{:?} {org}",
            t.get_summary()
        );
    }
    // Re-exporting gives the same UIDs, so calendars update instead of duplicating.
    let again: Calendar = export_str(&m, Format::Ics, Lang::En, false)
        .parse()
        .unwrap();
    let uids = |c: &Calendar| {
        let mut v: Vec<String> = c
            .events()
            .map(|e| e.get_uid().unwrap().to_string())
            .chain(c.todos().map(|t| t.get_uid().unwrap().to_string()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(uids(&cal), uids(&again));
}

#[test]
fn ics_never_names_the_family_even_unasked() {
    let m = sip_meeting();
    let text = export_str(&m, Format::Ics, Lang::Sv, false);
    // Unfold continuation lines before searching.
    let unfolded = text.replace("\r\n ", "");
    for name in FAMILY_NAMES.iter().flat_map(|n| n.split(' ')) {
        assert!(
            !unfolded.contains(name),
            "{name} in calendar data:\n{unfolded}"
        );
    }
    assert!(
        !unfolded.contains("SIP för Elsa"),
        "the title may hold the child's name"
    );
}

// ---------- JSON ----------

#[test]
fn json_round_trips_to_an_equal_meeting() {
    for m in [sip_meeting(), finalized_sip_meeting()] {
        let text = export_str(&m, Format::Json, Lang::Sv, false);
        let env = json::from_json(&text).expect("reads back");
        assert_eq!(env.format, "samsyn-meeting");
        assert_eq!(env.version, 2);
        // The action kinds in the law's words, for other systems.
        assert_eq!(
            env.action_kinds.get(&samsyn::meeting::Id::new("a3")),
            Some(&samsyn::meeting::ActionKind::Atgard)
        );
        assert!(!env.pseudonymized);
        assert_eq!(env.meeting, m);
        assert_eq!(env.meeting.stamp_matches(), m.stamp_matches());
    }
    let value: serde_json::Value =
        serde_json::from_str(&export_str(&sip_meeting(), Format::Json, Lang::Sv, true)).unwrap();
    assert_eq!(value["format"], "samsyn-meeting");
    assert_eq!(value["pseudonymized"], true);
    assert_eq!(value["meeting"]["subject"]["name"], "E. L.");
}

#[test]
fn json_from_another_program_is_refused() {
    let err =
        json::from_json(r#"{"format":"other","version":1,"pseudonymized":false,"meeting":null}"#);
    assert!(err.is_err());
    let text = export_str(&sip_meeting(), Format::Json, Lang::Sv, false)
        .replace("\"version\": 2", "\"version\": 99");
    assert!(matches!(
        json::from_json(&text),
        Err(json::JsonError::TooNew(99))
    ));
}

// ---------- Pseudonymization and the finalize guard ----------

#[test]
fn pseudonymized_exports_hold_no_family_name_in_any_format() {
    let mut m = sip_meeting();
    // Family not at the table: a grandmother who gave written consent and stands in
    // for the father; and the mother's contact details.
    m.consents.push(samsyn::meeting::Consent {
        given_by: vec![Person::Named("Sara Berglund, mormor (skriftligt)".into())],
        ..m.consents[0].clone()
    });
    m.participants[4].stand_in = Some("Sara Berglund, mormor".into());
    m.participants[3].contact = Some("maria.lindqvist@example.se, 070-123 45 67".into());
    m.participants[0].contact = Some("karin.ek@kommun.se".into());
    let hidden = export::hidden_names(&m);
    for name in FAMILY_NAMES.iter().chain(&["Sara Berglund"]) {
        assert!(hidden.contains(&name.to_string()), "{hidden:?}");
    }
    for format in Format::ALL {
        for lang in [Lang::Sv, Lang::En] {
            let text = if format == Format::Docx {
                let bytes = docx_bytes(&m, lang, true);
                [
                    "word/document.xml",
                    "word/header1.xml",
                    "word/footer1.xml",
                    "docProps/core.xml",
                ]
                .iter()
                .map(|p| docx_part(&bytes, p))
                .collect::<String>()
            } else {
                export_str(&m, format, lang, true)
            };
            let text = text.replace("\r\n ", "");
            for full in FAMILY_NAMES
                .iter()
                .chain(&["Sara Berglund", "Sara", "Berglund"])
            {
                assert!(!text.contains(full), "{full} in {format:?} ({lang:?})");
            }
            for contact in ["maria.lindqvist@example.se", "070-123 45 67"] {
                assert!(
                    !text.contains(contact),
                    "{contact} in {format:?} ({lang:?})"
                );
            }
            // First names in free text are replaced too ("Elsas frånvaro", "Maria och Jonas").
            for first in ["Elsa", "Maria", "Jonas"] {
                let found = text.match_indices(first).any(|(i, _)| {
                    text[i + first.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphabetic() || c == 's')
                });
                assert!(!found, "{first} in {format:?} ({lang:?})");
            }
            // Professionals keep their names.
            if format != Format::Ics {
                assert!(text.contains("Karin Ek"), "{format:?}");
            }
        }
    }
    // Without --pseudonymize the minutes are whole; with it, who gave consent still shows.
    let json = export_str(&m, Format::Json, Lang::Sv, false);
    assert!(json.contains("Sara Berglund, mormor (skriftligt)"));
    assert!(json.contains("maria.lindqvist@example.se"));
    let json = export_str(&m, Format::Json, Lang::Sv, true);
    assert!(json.contains("S. B., mormor (skriftligt)"), "{json}");
    assert!(
        json.contains("karin.ek@kommun.se"),
        "a professional's contact stays"
    );
    let md = export_str(&m, Format::Md, Lang::Sv, true);
    assert!(md.contains("S. B., mormor (skriftligt)"), "{md}");
    assert!(md.contains("E. L.:s frånvaro"), "{md}");
    assert!(md.contains("M. L. och J. B. väcker E. L."), "{md}");
    assert!(md.contains("Pseudonymiserad"));
}

#[test]
fn a_genitive_is_pseudonymized_in_every_format() {
    let catalogue = samsyn::agenda::Catalogue::builtin();
    let (_, mut m) = common::examples()
        .into_iter()
        .find(|(name, _)| name == "sip-bup")
        .unwrap();
    assert_eq!(m.subject.name, "Leo Karlsson");
    m.situation.worries = "Leos närvaro har sjunkit; Leo Karlssons mormor hämtar.".into();
    let agenda = catalogue.get(&m.agenda.id).unwrap();
    for format in Format::ALL {
        let bytes = export::export(
            &m,
            agenda,
            format,
            Options {
                lang: Lang::Sv,
                pseudonymize: true,
                contacts: false,
            },
        )
        .unwrap();
        let text = if format == Format::Docx {
            docx_part(&bytes, "word/document.xml")
        } else {
            String::from_utf8(bytes).unwrap().replace("\r\n ", "")
        };
        assert!(!text.contains("Leos"), "{format:?}");
        assert!(!text.contains("Leo Karlsson"), "{format:?}");
        if format != Format::Ics {
            assert!(text.contains("L. K.:s närvaro"), "{format:?}");
            assert!(text.contains("L. K.:s mormor"), "{format:?}");
        }
    }
}

#[test]
fn finalized_minutes_changed_afterwards_are_refused() {
    let mut m = finalized_sip_meeting();
    assert!(export::export(&m, &sip_agenda(), Format::Md, Options::default()).is_ok());
    m.actions[0].deadline = None;
    for format in Format::ALL {
        assert_eq!(
            export::export(&m, &sip_agenda(), format, Options::default()),
            Err(ExportError::ChangedAfterFinalizing)
        );
    }
}

#[test]
fn every_example_exports_to_every_format_and_pseudonymizes() {
    let catalogue = samsyn::agenda::Catalogue::builtin();
    for (name, m) in common::examples() {
        let agenda = catalogue.get(&m.agenda.id).unwrap();
        let family = common::family_names(&m);
        assert!(family.len() >= 2, "{name}: {family:?}");
        for (lang, what) in [(Lang::Sv, "Vad"), (Lang::En, "What")] {
            let opts = Options {
                lang,
                pseudonymize: false,
                contacts: false,
            };
            let md =
                String::from_utf8(export::export(&m, agenda, Format::Md, opts).unwrap()).unwrap();
            let tables = markdown_tables(&md);
            assert_eq!(
                action_table(&tables, what).len() - 1,
                m.actions.len(),
                "{name}"
            );
            let html =
                String::from_utf8(export::export(&m, agenda, Format::Html, opts).unwrap()).unwrap();
            let doc = scraper::Html::parse_document(&html);
            assert!(doc.errors.is_empty(), "{name}: {:?}", doc.errors);
            let rows = scraper::Selector::parse("table.actions tbody tr").unwrap();
            assert_eq!(doc.select(&rows).count(), m.actions.len(), "{name}");
        }
        for format in Format::ALL {
            for lang in [Lang::Sv, Lang::En] {
                for pseudonymize in [false, true] {
                    let bytes = export::export(
                        &m,
                        agenda,
                        format,
                        Options {
                            lang,
                            pseudonymize,
                            contacts: false,
                        },
                    )
                    .unwrap_or_else(|e| panic!("{name} {format:?}: {e}"));
                    let text = if format == Format::Docx {
                        ["word/document.xml", "word/header1.xml"]
                            .iter()
                            .map(|p| docx_part(&bytes, p))
                            .collect::<String>()
                    } else {
                        String::from_utf8(bytes).unwrap().replace("\r\n ", "")
                    };
                    for full in &family {
                        let hidden = pseudonymize || format == Format::Ics;
                        assert_eq!(
                            !text.contains(full.as_str()),
                            hidden,
                            "{name} {format:?} {lang:?} pseudonymize={pseudonymize}: {full}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn unicode_names_survive_every_format_and_pseudonymize() {
    let mut m = sip_meeting();
    m.participants[0].name = "Zoë 🌟 Ångström".into();
    m.participants[4].name = "محمد علي".into(); // a guardian, written right to left
    m.situation.worries = "محمد علي och Zoë 🌟 Ångström pratade.".into();
    for format in Format::ALL {
        let text = if format == Format::Docx {
            docx_part(&docx_bytes(&m, Lang::Sv, false), "word/document.xml")
        } else {
            export_str(&m, format, Lang::Sv, false).replace("\r\n ", "")
        };
        if format != Format::Ics {
            assert!(text.contains("Zoë 🌟 Ångström"), "{format:?}");
            assert!(text.contains("محمد علي"), "{format:?}");
        }
    }
    let md = export_str(&m, Format::Md, Lang::Sv, true);
    assert!(!md.contains("محمد علي"));
    assert!(md.contains("م. ع. och Zoë 🌟 Ångström pratade."), "{md}");
}

#[test]
fn a_follow_up_meeting_shows_the_status_of_each_action_and_a_closed_plan() {
    use samsyn::meeting::{ActionStatus, PreviousMeeting};
    let catalogue = samsyn::agenda::Catalogue::builtin();
    let agenda = catalogue.get("sip-uppfoljning").expect("built in");
    let mut m = sip_meeting();
    m.agenda.id = agenda.id.clone();
    m.agenda.version = agenda.version;
    m.previous = Some(PreviousMeeting {
        id: "5a1e0c0ffee00000".into(),
        file: "2026-01-20-sip.ron".into(),
        date: "2026-01-20".parse().unwrap(),
        hash: String::new(),
        announced: None,
    });
    m.actions[0].status = ActionStatus::Done;
    m.actions[1].status = ActionStatus::NotDone;
    m.actions[1].status_comment = "Väntetiden på BUP".into();
    m.follow_up = None;
    m.plan_closed = Some("Målen är nådda".into());
    let md = String::from_utf8(export::export(&m, agenda, Format::Md, Options::default()).unwrap())
        .unwrap();
    let tables = markdown_tables(&md);
    let review = tables
        .iter()
        .find(|t| t[0] == ["Vad", "Status", "Kommentar"])
        .unwrap_or_else(|| panic!("a status table\n{md}"));
    assert_eq!(review.len() - 1, m.actions.len());
    assert_eq!(review[1][1], "genomförd");
    assert_eq!(review[2][1..], ["inte genomförd", "Väntetiden på BUP"]);
    assert!(md.contains("**Föregående möte:** 2026-01-20"));
    assert!(md.contains("**Planen avslutas:** Målen är nådda"));
    assert!(!md.contains("Ingen uppföljning bestämd"));
}

/// The text a receiver reads: the Markdown as it is, the HTML's text, the Word
/// document's paragraphs one per line.
fn text_of(m: &Meeting, format: Format, contacts: bool) -> String {
    let opts = Options {
        lang: Lang::Sv,
        pseudonymize: false,
        contacts,
    };
    let bytes = export::export(m, &sip_agenda(), format, opts).unwrap();
    match format {
        Format::Md => String::from_utf8(bytes).unwrap(),
        Format::Html => {
            let html = scraper::Html::parse_document(&String::from_utf8(bytes).unwrap());
            html.root_element().text().collect()
        }
        Format::Docx => crate::common::docx_paragraphs(&bytes).join("\n"),
        other => panic!("{other:?} is not read as minutes here"),
    }
}

/// Nothing the forms record is missing from the minutes a receiver opens (#13 item 7):
/// the cost bearer, an action's start date, why a decision is awaited, the goals an
/// action serves, and the contact details when asked for; and each person is on the
/// distribution list once.
#[test]
fn everything_recorded_is_in_the_markdown_html_and_word_minutes() {
    let mut m = sip_meeting();
    m.actions[0].cost_bearer = Some(samsyn::meeting::Id::new("o1"));
    m.participants[0].contact = Some("karin.ek@kommun.se".into());
    m.distribution
        .push("Jonas Berg, vårdnadshavare (per post)".into());
    for format in [Format::Md, Format::Html, Format::Docx] {
        let text = text_of(&m, format, true);
        for (what, needle) in [
            (
                "the cost bearer",
                "Kostnadsansvar: Socialtjänst: Barn och familj",
            ),
            ("the start date", "2026-03-11"),
            (
                "why the decision is awaited",
                "Skäl: Utredningen kräver enhetschefens beslut om resurser.",
            ),
            ("the goals served", "(mål 2)"),
            ("the contact details", "karin.ek@kommun.se"),
            (
                "how a recipient gets them",
                "Jonas Berg, vårdnadshavare (per post)",
            ),
        ] {
            assert!(
                text.contains(needle),
                "{format:?} lacks {what}: «{needle}»\n{text}"
            );
        }
        assert!(
            !text_of(&m, format, false).contains("karin.ek@kommun.se"),
            "{format:?}: contact details only when asked for"
        );
        assert!(
            !text.contains("står i planen nedan"),
            "{format:?}: no filler"
        );
    }
    // Jonas Berg once on the distribution list, as the line that says how he gets it.
    let md = text_of(&m, Format::Md, false);
    let list = md.split("### Sändlista").nth(1).unwrap();
    let list = list.split("###").next().unwrap();
    let jonas: Vec<&str> = list.lines().filter(|l| l.contains("Jonas Berg")).collect();
    assert_eq!(jonas, ["- Jonas Berg, vårdnadshavare (per post)"], "{list}");
}

#[test]
fn contact_details_are_in_the_minutes_only_when_asked_for() {
    let mut m = sip_meeting();
    m.participants[0].contact = Some("karin.ek@kommun.se".into());
    m.participants[3].contact = Some("070-123 45 67".into());
    let run = |contacts: bool, pseudonymize: bool| {
        let opts = Options {
            lang: Lang::Sv,
            pseudonymize,
            contacts,
        };
        String::from_utf8(export::export(&m, &sip_agenda(), Format::Md, opts).unwrap()).unwrap()
    };
    assert!(!run(false, false).contains("karin.ek@kommun.se"));
    let with = run(true, false);
    assert!(with.contains("Karin Ek: karin.ek@kommun.se"), "{with}");
    assert!(with.contains("070-123 45 67"));
    // Pseudonymized, the family's contact details go whatever is asked.
    let hidden = run(true, true);
    assert!(hidden.contains("karin.ek@kommun.se"));
    assert!(!hidden.contains("070-123 45 67"), "{hidden}");
    // The JSON is the whole meeting, for other systems.
    let json = export::export(
        &m,
        &sip_agenda(),
        Format::Json,
        Options {
            lang: Lang::Sv,
            pseudonymize: false,
            contacts: false,
        },
    )
    .unwrap();
    assert!(
        String::from_utf8(json)
            .unwrap()
            .contains("karin.ek@kommun.se")
    );
}

// ---------- Justering ----------

/// The meeting finalized by the facilitator with two justerare named.
fn finalized_with_justerare() -> Meeting {
    let mut m = sip_meeting();
    let at = m.date.and_hms_opt(15, 0, 0).unwrap();
    samsyn::rules::finalize_with(
        &mut m,
        &sip_agenda(),
        "Karin Ek",
        &["Maria Lind, vårdnadshavare".into(), "Per Ström".into()],
        at,
    )
    .unwrap();
    m
}

#[test]
fn each_justerare_named_at_finalizing_gets_a_line_to_sign_and_date() {
    let m = finalized_with_justerare();
    for lang in [Lang::Sv, Lang::En] {
        let approved = lang.pick("Justeras", "Checked and approved by");
        let md = export_str(&m, Format::Md, lang, false);
        let signatures = &md[md
            .find(lang.pick("Vid protokollet", "Minutes taken by"))
            .unwrap()..];
        for name in ["Karin Ek", "Maria Lind, vårdnadshavare", "Per Ström"] {
            let line = format!("**{approved}:** {name}  \n");
            let at = signatures
                .find(&line)
                .unwrap_or_else(|| panic!("{lang:?}: no line to sign for {name}:\n{signatures}"));
            let next = &signatures[at + line.len()..];
            assert!(
                next.starts_with(&format!("{} ___", lang.pick("Underskrift", "Signature")))
                    && next
                        .lines()
                        .next()
                        .unwrap()
                        .contains(lang.pick("Datum", "Date")),
                "{lang:?} {name}: {next}"
            );
        }
        // The stamp names them too.
        assert!(
            md.contains(&format!(
                "**{}:** Maria Lind, vårdnadshavare, Per Ström",
                lang.pick("Justerare", "To check and sign")
            )),
            "{md}"
        );

        let html = export_str(&m, Format::Html, lang, false);
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse(".signature").unwrap();
        let blocks: Vec<String> = doc
            .select(&sel)
            .map(|b| b.text().collect::<Vec<_>>().join("|"))
            .collect();
        assert_eq!(blocks.len(), 4, "{lang:?}: {blocks:?}");
        for name in ["Maria Lind, vårdnadshavare", "Per Ström"] {
            assert!(
                blocks.iter().any(|b| b.starts_with(approved)
                    && b.contains(name)
                    && b.ends_with(lang.pick("Datum", "Date"))),
                "{lang:?} {name}: {blocks:?}"
            );
        }

        let docx = docx_bytes(&m, lang, false);
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip::ZipArchive::new(std::io::Cursor::new(&docx))
                .unwrap()
                .by_name("word/document.xml")
                .unwrap(),
            &mut xml,
        )
        .unwrap();
        let after_hash = &xml[xml.find(&m.finalized.as_ref().unwrap().hash).unwrap()..];
        assert_eq!(after_hash.matches(approved).count(), 3, "{lang:?}");
        for name in ["Maria Lind, vårdnadshavare", "Per Ström"] {
            assert!(after_hash.contains(name), "{lang:?}: {name}");
        }
    }
}

// ---------- Printed HTML ----------

/// The column widths (per cent) of each table, in order, and the table's style.
fn html_columns(html: &str) -> Vec<(Option<String>, Vec<f64>)> {
    let doc = scraper::Html::parse_document(html);
    let table = scraper::Selector::parse("table").unwrap();
    let col = scraper::Selector::parse("colgroup col").unwrap();
    doc.select(&table)
        .map(|t| {
            let widths = t
                .select(&col)
                .map(|c| {
                    let style = c.value().attr("style").unwrap();
                    let pct = style
                        .strip_prefix("width: ")
                        .and_then(|s| s.strip_suffix('%'))
                        .unwrap();
                    pct.parse().unwrap()
                })
                .collect();
            (t.value().attr("style").map(str::to_string), widths)
        })
        .collect()
}

#[test]
fn html_table_columns_are_sized_to_their_longest_words_and_fill_the_page() {
    for (name, m) in common::examples() {
        let agenda = samsyn::agenda::Catalogue::builtin()
            .get(&m.agenda.id)
            .unwrap()
            .clone();
        let html = String::from_utf8(
            export::export(&m, &agenda, Format::Html, Options::default()).unwrap(),
        )
        .unwrap();
        let doc = scraper::Html::parse_document(&html);
        let head = scraper::Selector::parse("table thead tr").unwrap();
        let heads: Vec<usize> = doc
            .select(&head)
            .map(|r| r.children().filter(|c| c.value().is_element()).count())
            .collect();
        let tables = html_columns(&html);
        assert_eq!(tables.len(), heads.len(), "{name}");
        for ((_, widths), columns) in tables.iter().zip(&heads) {
            assert_eq!(widths.len(), *columns, "{name}: a width per column");
            let sum: f64 = widths.iter().sum();
            assert!((sum - 100.0).abs() < 0.5, "{name}: {widths:?}");
        }
    }
    // The SIP example's plan: the action's description, its longest text, gets the most
    // room, and the table is set smaller so that «myndighetsutövning», «Björkhagaskolan»
    // and «socialsekreterare» fit their columns whole.
    let (_, sip) = common::examples()
        .into_iter()
        .find(|(n, _)| n == "sip-bup")
        .unwrap();
    let agenda = samsyn::agenda::Catalogue::builtin()
        .get("sip")
        .unwrap()
        .clone();
    let html =
        String::from_utf8(export::export(&sip, &agenda, Format::Html, Options::default()).unwrap())
            .unwrap();
    let at = html.find("<table class=\"actions\"").unwrap();
    let (style, widths) = &html_columns(&html[at..])[0];
    let widest = widths
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .unwrap()
        .0;
    assert_eq!(widest, 0, "{widths:?}");
    assert!(
        style
            .as_deref()
            .is_some_and(|s| s.starts_with("font-size: ")),
        "{style:?}"
    );
    // A table of short words keeps the usual size.
    let small = export_str(&sip_meeting(), Format::Html, Lang::Sv, false);
    let at = small.find("<table>").unwrap();
    assert_eq!(html_columns(&small[at..])[0].0, None);
}

#[test]
fn a_printed_html_draft_says_so_on_every_page_in_bold_red() {
    let html = export_str(&sip_meeting(), Format::Html, Lang::Sv, false);
    let at = html
        .find("@top-right {")
        .expect("a mark in every page's top margin");
    let rule = &html[at..at + html[at..].find('}').unwrap()];
    assert!(rule.contains("content: \"UTKAST – ej justerat\""), "{rule}");
    assert!(
        rule.contains("bold 11pt") && rule.contains("color: #c00000"),
        "{rule}"
    );
    // And the confidentiality line, the case and the date top left.
    let mut agenda = sip_agenda();
    agenda.confidentiality.sv = "Omfattas av sekretess enligt OSL.".into();
    let html = String::from_utf8(
        export::export(&sip_meeting(), &agenda, Format::Html, Options::default()).unwrap(),
    )
    .unwrap();
    assert!(
        html.contains("@top-left { content: \"Omfattas av sekretess enligt OSL.\\A BoF 2026-0412 · 2026-03-10\""),
        "{}",
        &html[html.find("@page {").unwrap()..][..400]
    );
}
