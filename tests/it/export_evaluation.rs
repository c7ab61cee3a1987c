//! The evaluation in the minutes (issue 11, item 12): the minutes go to everyone, so they
//! show the evaluation summed up — answers, mean and median per question, comments
//! without names — unless the agenda (`evaluation_per_person`) or the export flag
//! (`--evaluation-per-person`) asks for each participant's answers.

use crate::common;

use common::{samsyn, sip_agenda, sip_meeting};
use samsyn::agenda::Agenda;
use samsyn::export::{self, Format, Options};
use samsyn::i18n::Lang;
use samsyn::meeting::{Evaluation, Id, Meeting};

/// Three answers: heard 5, 3, 4 (mean 4, median 4); useful 4, 2, — (mean 3, median 3).
fn evaluated() -> Meeting {
    let mut m = sip_meeting();
    let e = |p: &str, heard, useful, comment: &str| Evaluation {
        participant: Id::new(p),
        heard,
        useful,
        comment: comment.into(),
    };
    m.evaluations = vec![
        e("p4", Some(5), Some(4), "För lite tid till målen."),
        e("p1", Some(3), Some(2), "Bra att barnet fick säga sitt."),
        e("p2", Some(4), None, ""),
    ];
    m
}

fn render(m: &Meeting, agenda: &Agenda, format: Format, lang: Lang) -> String {
    let bytes = export::export(
        m,
        agenda,
        format,
        Options {
            lang,
            pseudonymize: false,
            contacts: false,
        },
    )
    .unwrap();
    String::from_utf8(bytes).unwrap()
}

/// The Markdown section of the evaluation phase, up to the next heading of its level.
fn evaluation_section(md: &str, title: &str) -> String {
    let start = md
        .find(&format!("## {title}"))
        .unwrap_or_else(|| panic!("no section {title}: {md}"));
    let rest = &md[start + 3..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end].to_string()
}

/// The names of the people who answered, as the participants list spells them.
fn who_answered(m: &Meeting) -> Vec<String> {
    m.evaluations
        .iter()
        .map(|e| {
            let p = m
                .participants
                .iter()
                .find(|p| p.id == e.participant)
                .unwrap();
            p.name.clone()
        })
        .collect()
}

#[test]
fn the_minutes_show_the_evaluation_only_summed_up() {
    let m = evaluated();
    let md = render(&m, &sip_agenda(), Format::Md, Lang::Sv);
    let section = evaluation_section(&md, "Utvärdering av mötet");
    for name in who_answered(&m) {
        assert!(!section.contains(&name), "{name} in: {section}");
    }
    assert!(
        section.contains("| Blev lyssnad på (1–5) | 3 | 4 | 4 |"),
        "{section}"
    );
    assert!(
        section.contains("| Mötet var till nytta (1–5) | 2 | 3 | 3 |"),
        "{section}"
    );
    // The comments, without names and not in the order people answered.
    let a = section.find("- Bra att barnet fick säga sitt.").unwrap();
    let b = section.find("- För lite tid till målen.").unwrap();
    assert!(a < b, "{section}");
    // Every other format says the same.
    for format in [Format::Html, Format::Md] {
        let text = render(&m, &sip_agenda(), format, Lang::En);
        assert!(
            text.contains("Mean") && text.contains("Median"),
            "{format:?}"
        );
    }
}

#[test]
fn a_mean_in_swedish_has_a_decimal_comma_and_no_answers_show_a_dash() {
    let mut m = evaluated();
    m.evaluations[2].heard = Some(5);
    for e in &mut m.evaluations {
        e.useful = None;
    }
    // heard 5, 3, 5: mean 4,3, median 5.
    let sv = evaluation_section(
        &render(&m, &sip_agenda(), Format::Md, Lang::Sv),
        "Utvärdering av mötet",
    );
    assert!(
        sv.contains("| Blev lyssnad på (1–5) | 3 | 4,3 | 5 |"),
        "{sv}"
    );
    assert!(
        sv.contains("| Mötet var till nytta (1–5) | 0 | — | — |"),
        "{sv}"
    );
    let en = evaluation_section(
        &render(&m, &sip_agenda(), Format::Md, Lang::En),
        "Evaluating the meeting",
    );
    assert!(en.contains("| Felt heard (1–5) | 3 | 4.3 | 5 |"), "{en}");
}

#[test]
fn an_agenda_may_ask_for_the_evaluation_per_person() {
    let m = evaluated();
    let src =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/agendas/sip.ron")).unwrap();
    // The field as an agenda file writes it.
    let src = src.replacen("phases:", "evaluation_per_person: true,\n  phases:", 1);
    let agenda = samsyn::agenda::parse(std::path::Path::new("sip.ron"), &src).unwrap();
    assert!(agenda.evaluation_per_person);
    let mut ours = sip_agenda();
    ours.evaluation_per_person = true;
    let md = render(&m, &ours, Format::Md, Lang::Sv);
    let section = evaluation_section(&md, "Utvärdering av mötet");
    for name in who_answered(&m) {
        assert!(section.contains(&name), "{name} not in: {section}");
    }
    assert!(!section.contains("Medelvärde"), "{section}");
}

#[test]
fn the_export_flag_asks_for_the_evaluation_per_person() {
    let dir = tempfile::tempdir().unwrap();
    let m = evaluated();
    let path = dir.path().join("m.ron");
    std::fs::write(&path, samsyn::store::to_ron(&m)).unwrap();
    let export = |extra: &[&str]| {
        let out = samsyn(dir.path())
            .args([
                "export",
                path.to_str().unwrap(),
                "--format",
                "md",
                "-o",
                "-",
            ])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let summed = export(&[]);
    let per_person = export(&["--evaluation-per-person"]);
    // Karin Ek answered; she is named elsewhere in the minutes too, so look at the row.
    assert!(!summed.contains("| Karin Ek | 3 | 2 |"), "{summed}");
    assert!(summed.contains("Medelvärde"));
    assert!(per_person.contains("| Karin Ek | 3 | 2 |"), "{per_person}");
}
