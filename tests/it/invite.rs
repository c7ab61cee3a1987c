//! The kallelse (`samsyn invite`): goldens of every format and copy in Swedish and English,
//! the calendar event read back by a parser and sharing its UID with the previous minutes'
//! follow-up event, the family's copy free of professional words, and bad input refused
//! with the reason (exit 65) or warned about.

use crate::common;

use icalendar::{Calendar, Component};
use samsyn::agenda::{Agenda, Catalogue};
use samsyn::export::invite::{self, InviteError, InviteOptions, Recipient};
use samsyn::export::{self, Format, Options};
use samsyn::i18n::Lang;
use samsyn::meeting::{AgendaRef, ExpectedDecisions, Id, Invitation, Meeting};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// The day the kallelse is written in these tests: in time for the example meeting.
const TODAY: &str = "2026-11-20";

fn example() -> Meeting {
    samsyn::store::load(&root().join("examples/sip-kallelse.ron")).unwrap()
}

fn agenda(id: &str) -> Agenda {
    Catalogue::builtin().get(id).unwrap().clone()
}

/// The follow-up of the finalized SIP example, prepared for its kallelse.
fn follow_up() -> (Meeting, Meeting, Agenda) {
    let mut prev = samsyn::store::load(&root().join("examples/sip-bup.ron")).unwrap();
    let sip = agenda("sip");
    let at = prev.date.and_hms_opt(12, 0, 0).unwrap();
    samsyn::rules::finalize(&mut prev, &sip, "Samtalsledaren", at).unwrap();
    let next = agenda("sip-uppfoljning");
    let date = prev.follow_up.as_ref().unwrap().date;
    let mut m = prev
        .start_follow_up(
            AgendaRef {
                id: next.id.clone(),
                version: next.version,
            },
            "Uppföljning – Leo",
            date,
            "sip-bup.ron",
        )
        .unwrap();
    m.start = prev.follow_up.as_ref().unwrap().time;
    m.place = prev.follow_up.as_ref().unwrap().place.clone();
    m.invitation = Some(Invitation {
        purpose: "Vi följer upp planen från mötet i november.".into(),
        questions: vec!["Har stödet hjälpt Leo att gå till skolan?".into()],
        expected: vec![ExpectedDecisions {
            organisation: Id::new("o2"),
            decisions: "Beslut om fortsatt familjebehandling".into(),
            costs: true,
        }],
        convener: "Fatima Rahimi, socialsekreterare".into(),
        convener_contact: "08-123 456 00".into(),
        ..Invitation::default()
    });
    (prev, m, next)
}

fn options(lang: Lang, recipient: Recipient) -> InviteOptions {
    InviteOptions {
        lang,
        recipient,
        pseudonymize: false,
        today: day(TODAY),
    }
}

fn write(m: &Meeting, agenda: &Agenda, format: Format, lang: Lang, to: Recipient) -> Vec<u8> {
    invite::invite(m, agenda, format, &options(lang, to)).unwrap_or_else(|e| panic!("{e}"))
}

fn text(m: &Meeting, agenda: &Agenda, format: Format, lang: Lang, to: Recipient) -> String {
    String::from_utf8(write(m, agenda, format, lang, to)).unwrap()
}

/// The calendar with its DTSTAMP (the moment of writing) taken out.
fn stable_ics(ics: &str) -> String {
    ics.lines()
        .filter(|l| !l.starts_with("DTSTAMP:"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paragraphs of the Word document's body, one per line.
fn docx_text(bytes: &[u8]) -> String {
    crate::common::docx_paragraphs(bytes)
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn lang_name(lang: Lang) -> &'static str {
    lang.pick("sv", "en")
}

#[test]
fn goldens_of_every_copy_and_format_in_both_languages() {
    let m = example();
    let sip = agenda("sip");
    for lang in [Lang::Sv, Lang::En] {
        let l = lang_name(lang);
        for (name, to) in [
            ("alla", Recipient::All),
            ("socialtjansten", Recipient::Organisation(Id::new("o2"))),
            ("forsakringskassan", Recipient::Organisation(Id::new("o4"))),
            ("familj", Recipient::Family),
        ] {
            let md = text(&m, &sip, Format::Md, lang, to.clone());
            insta::assert_snapshot!(format!("kallelse-{name}-{l}.md"), md);
            let html = text(&m, &sip, Format::Html, lang, to.clone());
            insta::assert_snapshot!(format!("kallelse-{name}-{l}.html"), html);
            let docx = docx_text(&write(&m, &sip, Format::Docx, lang, to));
            insta::assert_snapshot!(format!("kallelse-{name}-{l}.docx.txt"), docx);
        }
        let ics = text(&m, &sip, Format::Ics, lang, Recipient::All);
        insta::assert_snapshot!(format!("kallelse-{l}.ics"), stable_ics(&ics));
    }
}

#[test]
fn a_follow_ups_kallelse_lists_what_each_organisation_reports_on_and_the_awaited_decisions() {
    let (_, m, next) = follow_up();
    let today = day("2026-12-20");
    for lang in [Lang::Sv, Lang::En] {
        let l = lang_name(lang);
        let at = |to: Recipient| {
            let o = InviteOptions {
                today,
                ..options(lang, to)
            };
            String::from_utf8(invite::invite(&m, &next, Format::Md, &o).unwrap()).unwrap()
        };
        let all = at(Recipient::All);
        insta::assert_snapshot!(format!("uppfoljning-alla-{l}.md"), all);
        insta::assert_snapshot!(format!("uppfoljning-familj-{l}.md"), at(Recipient::Family));
        // Social services' copy has its own actions and the awaited decision; BUP's only
        // its own.
        let soc = at(Recipient::Organisation(Id::new("o2")));
        let bup = at(Recipient::Organisation(Id::new("o3")));
        assert!(soc.contains("Familjebehandling i hemmet"), "{soc}");
        assert!(!soc.contains("KBT-behandling"), "{soc}");
        assert!(bup.contains("KBT-behandling"), "{bup}");
        assert!(!bup.contains("Familjebehandling i hemmet"), "{bup}");
        let awaited = lang.pick("Beslut som inväntades", "Decisions that were awaited");
        assert!(soc.contains(awaited), "{soc}");
        assert!(!bup.contains(awaited), "{bup}");
    }
}

#[test]
fn the_calendar_event_is_the_previous_minutes_follow_up_event_without_family_names() {
    let (prev, mut m, next) = follow_up();
    let minutes = export::export(
        &prev,
        &agenda("sip"),
        Format::Ics,
        Options {
            lang: Lang::Sv,
            pseudonymize: false,
            contacts: false,
        },
    )
    .unwrap();
    let minutes: Calendar = String::from_utf8(minutes).unwrap().parse().unwrap();
    let announced = minutes
        .events()
        .find(|e| e.get_uid() == Some(&export::ics::follow_up_uid(&prev)))
        .expect("the minutes announce the follow-up");
    let read = |m: &Meeting| -> Calendar {
        let o = InviteOptions {
            today: day("2026-12-20"),
            ..options(Lang::Sv, Recipient::All)
        };
        String::from_utf8(invite::invite(m, &next, Format::Ics, &o).unwrap())
            .unwrap()
            .parse()
            .expect("icalendar parses the kallelse back")
    };
    let cal = read(&m);
    let events: Vec<_> = cal.events().collect();
    assert_eq!(events.len(), 1);
    let ev = events[0];
    assert_eq!(ev.get_uid(), announced.get_uid());
    assert_eq!(ev.get_sequence(), announced.get_sequence());
    assert_eq!(ev.get_start(), announced.get_start());
    let summary = ev.get_summary().unwrap();
    assert!(summary.contains(&m.case_ref), "{summary}");
    let all = stable_ics(&cal.to_string());
    for name in common::family_names(&m) {
        assert!(!all.contains(&name), "{name} in:\n{all}");
    }
    for part in ["Leo", "Johanna", "Karlsson"] {
        assert!(!all.contains(part), "{part} in:\n{all}");
    }
    // Sent, then moved: the same event, one SEQUENCE higher.
    m.mark_invitation_sent(day("2026-12-20"));
    let sent = read(&m).events().next().unwrap().get_sequence();
    assert_eq!(sent, announced.get_sequence());
    m.date = m.date + chrono::Days::new(1);
    let moved = read(&m);
    let ev = moved.events().next().unwrap();
    assert_eq!(ev.get_uid(), announced.get_uid());
    assert_eq!(ev.get_sequence(), announced.get_sequence().map(|s| s + 1));
}

/// Words a parent is not expected to know; where one appears, the words that explain it
/// must stand in the same copy.
const JARGON: &[(&str, &[&str])] = &[
    ("huvudman", &[]),
    ("huvudmän", &[]),
    ("insats", &[]),
    ("åtgärd", &[]),
    ("mandat", &[]),
    ("vårdnadshavare", &[]),
    ("frågeställning", &[]),
    ("kallelse", &[]),
    ("kallas", &[]),
    ("samverkan", &[]),
    ("sekretess", &[]),
    ("OSL", &[]),
    (
        "SIP",
        &["samordnad individuell plan", "coordinated individual plan"],
    ),
    ("samtycke", &["tillstånd"]),
    ("responsible authorit", &[]),
    ("intervention", &[]),
    ("mandate", &[]),
    ("guardian", &[]),
    ("summon", &[]),
    ("consent", &["permission"]),
];

fn jargon_in(copy: &str) -> Vec<&'static str> {
    let lower = copy.to_lowercase();
    JARGON
        .iter()
        .filter(|(word, explained)| {
            // Acronyms as whole words and as written ("sip-0733" in a link is no word).
            let found = if word.chars().all(|c| c.is_ascii_uppercase()) {
                copy.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == *word)
            } else {
                lower.contains(&word.to_lowercase())
            };
            found && !explained.iter().any(|e| lower.contains(e))
        })
        .map(|(word, _)| *word)
        .collect()
}

#[test]
fn the_familys_copy_uses_no_professional_words_unexplained() {
    let (_, follow, next) = follow_up();
    let m = example();
    for lang in [Lang::Sv, Lang::En] {
        for (m, agenda, today) in [
            (&m, agenda("sip"), day(TODAY)),
            (&follow, next.clone(), day("2026-12-20")),
        ] {
            let o = InviteOptions {
                today,
                ..options(lang, Recipient::Family)
            };
            let copy =
                String::from_utf8(invite::invite(m, &agenda, Format::Md, &o).unwrap()).unwrap();
            assert_eq!(jargon_in(&copy), Vec::<&str>::new(), "{copy}");
            // What the meeting is, who comes, the child's view, how to prepare.
            for needle in [
                lang.pick("Vad är det för möte?", "What kind of meeting is it?"),
                lang.pick("Vilka kommer", "Who comes"),
                lang.pick("tycker är viktigt", "thinks matters"),
                lang.pick("Så kan ni förbereda er", "How you can prepare"),
            ] {
                assert!(copy.contains(needle), "{needle}:\n{copy}");
            }
        }
    }
    // The test itself catches the words: the organisations' copy has them.
    let pro = text(&m, &agenda("sip"), Format::Md, Lang::Sv, Recipient::All);
    assert!(jargon_in(&pro).contains(&"huvudmän"), "{pro}");
    assert!(jargon_in("Mötet är en SIP.").contains(&"SIP"));
}

#[test]
fn huvudman_are_summoned_and_others_invited_each_asked_for_their_mandate() {
    let m = example();
    let sip = agenda("sip");
    let soc = text(
        &m,
        &sip,
        Format::Md,
        Lang::Sv,
        Recipient::Organisation(Id::new("o2")),
    );
    assert!(soc.starts_with("# Kallelse: "), "{soc}");
    assert!(
        soc.contains("kallas till mötet som huvudman (kommun)"),
        "{soc}"
    );
    assert!(
        soc.contains("Beslut om familjebehandling (inklusive kostnader)"),
        "{soc}"
    );
    assert!(soc.contains("Vi ber er komma med mandat"), "{soc}");
    assert!(
        soc.contains("Samtycke efterfrågas i början av mötet"),
        "{soc}"
    );
    let fk = text(
        &m,
        &sip,
        Format::Md,
        Lang::Sv,
        Recipient::Organisation(Id::new("o4")),
    );
    assert!(fk.starts_with("# Inbjudan: "), "{fk}");
    assert!(
        fk.contains("Försäkringskassan bjuds in till mötet."),
        "{fk}"
    );
    // A valid consent that does not name the organisation: asked for at the start.
    let mut with_consent = m.clone();
    with_consent.consents.push(samsyn::meeting::Consent {
        given_by: vec![samsyn::meeting::Person::Participant(Id::new("p5"))],
        organisations: vec![Id::new("o1"), Id::new("o2"), Id::new("o3")],
        scope: String::new(),
        child_view: String::new(),
        exclusions: String::new(),
        form: samsyn::meeting::ConsentForm::Written,
        date: day("2026-11-10"),
        valid_until: None,
        withdrawn: None,
    });
    let fk = text(
        &with_consent,
        &sip,
        Format::Md,
        Lang::En,
        Recipient::Organisation(Id::new("o4")),
    );
    assert!(
        fk.contains("The consent does not cover Försäkringskassan"),
        "{fk}"
    );
    let soc = text(
        &with_consent,
        &sip,
        Format::Md,
        Lang::En,
        Recipient::Organisation(Id::new("o2")),
    );
    assert!(
        soc.contains("The consent covers your organisation."),
        "{soc}"
    );
}

#[test]
fn an_incomplete_kallelse_is_refused_with_every_reason() {
    let sip = agenda("sip");
    let mut m = example();
    m.start = None;
    let inv = m.invitation.as_mut().unwrap();
    inv.video_link = "mote.example.se/sip".into();
    inv.expected.push(ExpectedDecisions {
        organisation: Id::new("o4"),
        decisions: "Beslut om omvårdnadsbidrag".into(),
        costs: false,
    });
    m.participants
        .retain(|p| p.organisation != Some(Id::new("o4")));
    match invite::invite(&m, &sip, Format::Md, &options(Lang::En, Recipient::All)) {
        Err(InviteError::Refused(reasons)) => assert_eq!(
            reasons,
            vec![
                "the meeting has no time; a notice must say when the meeting starts",
                "the video link \"mote.example.se/sip\" is not a web address (https://…)",
                "Försäkringskassan is expected to take decisions, but nobody is invited for it",
            ]
        ),
        other => panic!("{other:?}"),
    }
}

fn run(args: &[&str], home: &Path) -> (Option<i32>, String, String) {
    let out = common::samsyn(home).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_command_refuses_bad_input_with_the_reason_and_writes_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nora.ron");
    let mut m = example();
    m.invitation.as_mut().unwrap().video_link = "teams".into();
    samsyn::store::save(&file, &m).unwrap();
    let f = file.to_str().unwrap();
    let (code, _, err) = run(
        &["--lang", "en", "invite", f, "--format", "md"],
        home.path(),
    );
    assert_eq!(code, Some(65));
    assert_eq!(
        err,
        format!(
            "{f}: the notice is not written: the video link \"teams\" is not a web address (https://…)\n"
        )
    );
    assert!(!dir.path().join("nora.kallelse.md").exists());

    // Fixed, but late and without questions: written, with warnings.
    let inv = m.invitation.as_mut().unwrap();
    inv.video_link = String::new();
    inv.questions.clear();
    samsyn::store::save(&file, &m).unwrap();
    let args = [
        "--lang",
        "en",
        "invite",
        f,
        "--format",
        "docx",
        "--today",
        "2026-12-10",
    ];
    let (code, out, err) = run(&args, home.path());
    assert_eq!(code, Some(0), "{err}");
    let written = dir.path().join("nora.kallelse.docx");
    assert_eq!(out, format!("{}\n", written.display()));
    assert_eq!(
        err,
        format!(
            "{f}: warning: the notice has no questions to answer\n{f}: warning: the notice should have been sent by 2026-12-01\n"
        )
    );
    let mode = std::fs::metadata(&written).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    // One organisation's copy by name; an unknown one is refused.
    let (code, out, _) = run(
        &[
            "invite",
            f,
            "--format",
            "md",
            "--for",
            "bup norra",
            "--today",
            TODAY,
        ],
        home.path(),
    );
    assert_eq!(code, Some(0));
    assert!(out.ends_with("nora.kallelse-bup-norra.md\n"), "{out}");
    let (code, _, err) = run(
        &[
            "--lang", "en", "invite", f, "--format", "md", "--for", "BVC",
        ],
        home.path(),
    );
    assert_eq!(code, Some(65));
    assert!(
        err.starts_with(&format!(
            "{f}: the meeting has no organisation \"BVC\" (it has: "
        )),
        "{err}"
    );
    // Never onto something that is not a regular file.
    let (code, _, err) = run(
        &[
            "--lang",
            "en",
            "invite",
            f,
            "--format",
            "md",
            "-o",
            "/dev/null",
        ],
        home.path(),
    );
    assert_eq!(code, Some(73), "{err}");
    // The minutes' JSON is no kallelse format.
    let (code, _, _) = run(&["invite", f, "--format", "json"], home.path());
    assert_eq!(code, Some(2));
}

#[test]
fn sent_is_recorded_and_followups_stops_warning() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nora.ron");
    std::fs::copy(root().join("examples/sip-kallelse.ron"), &file).unwrap();
    let f = file.to_str().unwrap();
    let d = dir.path().to_str().unwrap();
    let report = |today: &str| {
        run(
            &["--lang", "en", "followups", "--dir", d, "--today", today],
            home.path(),
        )
        .1
    };
    assert!(report("2026-11-20").contains("notice not sent: SIP – Nora"));
    assert!(report("2026-12-02").contains("OVERDUE notice not sent: SIP – Nora"));
    let (code, _, err) = run(
        &[
            "invite",
            f,
            "--format",
            "ics",
            "-o",
            "-",
            "--sent",
            "--today",
            "2026-11-25",
        ],
        home.path(),
    );
    assert_eq!(code, Some(0), "{err}");
    let m = samsyn::store::load(&file).unwrap();
    let inv = m.invitation.as_ref().unwrap();
    assert_eq!(inv.sent, Some(day("2026-11-25")));
    assert_eq!(inv.announced.as_ref().map(|a| a.date), Some(m.date));
    assert!(!report("2026-11-26").contains("notice"));
    // Sent after the agenda's last day: said so.
    let mut late = m.clone();
    late.invitation.as_mut().unwrap().sent = Some(day("2026-12-05"));
    samsyn::store::save(&file, &late).unwrap();
    assert!(report("2026-12-06").contains("notice sent late: SIP – Nora"));
}

#[test]
fn the_new_field_leaves_old_files_and_their_hashes_alone() {
    // A meeting without an invitation writes no `invitation` field: its content hash
    // is what it was before the field existed.
    let m = samsyn::store::load(&root().join("examples/sip-bup.ron")).unwrap();
    assert!(!samsyn::store::to_ron(&m).contains("invitation"));
    let m = example();
    let text = samsyn::store::to_ron(&m);
    assert!(text.contains("invitation"));
    assert_eq!(samsyn::store::parse(Path::new("x.ron"), &text).unwrap(), m);
}

#[test]
fn a_pseudonymized_copy_names_nobody_of_the_family() {
    let m = example();
    let sip = agenda("sip");
    for to in [Recipient::All, Recipient::Family] {
        for format in [Format::Md, Format::Html] {
            let o = InviteOptions {
                pseudonymize: true,
                ..options(Lang::Sv, to.clone())
            };
            let copy = String::from_utf8(invite::invite(&m, &sip, format, &o).unwrap()).unwrap();
            for name in common::family_names(&m) {
                assert!(
                    !copy.contains(&name),
                    "{name} in {to:?} {format:?}:\n{copy}"
                );
            }
            assert!(copy.contains("N. S."), "{copy}");
        }
    }
}
