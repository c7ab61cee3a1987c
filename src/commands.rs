//! The non-interactive subcommands: each prints to stdout/stderr and returns an exit code.

mod export;
mod followup;
mod invite;
mod manual;

pub use export::export;
pub use followup::{Report, followup, followups};
pub use invite::{Invite, invite};
pub use manual::{completions, man};

use samsyn::agenda::{self, AgendaSource, Catalogue};
use samsyn::diag::{FileError, exit, read_text};
use samsyn::i18n::Lang;
use samsyn::i18n::cli as t;
use samsyn::rules::{self, Severity};
use samsyn::store;
use std::path::{Path, PathBuf};

/// `samsyn agendas`: the agendas a meeting can be started from.
pub fn agendas(lang: Lang) -> i32 {
    let catalogue = Catalogue::load();
    for (agenda, source) in &catalogue.agendas {
        let origin = match source {
            AgendaSource::BuiltIn => t::AGENDA_BUILT_IN.get(lang).to_string(),
            AgendaSource::File(p) => p.display().to_string(),
        };
        println!(
            "{:<18} {}  ({} {}, {} min, {})",
            agenda.id,
            agenda.name.get(lang),
            agenda.phases.len(),
            t::AGENDA_PHASES.get(lang),
            agenda.typical_minutes(),
            origin
        );
    }
    for e in &catalogue.errors {
        eprintln!("{e}");
    }
    if catalogue.errors.is_empty() {
        exit::OK
    } else {
        exit::DATA
    }
}

/// Whether a file is a directory of organisations: it has `organisations` and neither a
/// meeting's `subject` nor an agenda's `phases`.
fn is_directory(src: &str) -> bool {
    let has = |field: &str| samsyn::diag::find_field(src, field, None, 0).is_some();
    has("organisations") && !has("subject") && !has("phases") && !has("agenda")
}

/// Whether a file is an agenda rather than a meeting: a meeting has a `subject`
/// (huvudperson), an agenda never does. A file too broken to tell is read as a meeting
/// unless it has agenda-only fields, so its error comes from the right parser.
fn is_agenda(src: &str) -> bool {
    #[derive(Default)]
    struct Present(bool);
    impl<'de> serde::Deserialize<'de> for Present {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            serde::de::IgnoredAny::deserialize(d).map(|_| Present(true))
        }
    }
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(default)]
        subject: Present,
    }
    match ron::from_str::<Probe>(src) {
        Ok(probe) => !probe.subject.0,
        Err(_) => {
            let has = |field: &str| samsyn::diag::find_field(src, field, None, 0).is_some();
            !has("subject")
                && ["prompts", "minutes", "legal_reference", "description"]
                    .iter()
                    .any(|f| has(f))
        }
    }
}

/// `samsyn check FILE...`: validate each file; for meetings list every problem.
pub fn check(files: &[PathBuf], lang: Lang) -> i32 {
    let mut catalogue = Catalogue::load();
    let mut worst = exit::OK;
    let mut meetings = Vec::new();
    let note = |code: i32, worst: &mut i32| {
        // Data errors outrank a missing file; either outranks success.
        if code == exit::DATA || *worst == exit::OK {
            *worst = code;
        }
    };
    for path in files {
        let src = match read_text(path) {
            Ok(src) => src,
            Err(e) => {
                eprintln!("{e}");
                note(e.exit_code(), &mut worst);
                continue;
            }
        };
        if is_directory(&src) {
            match samsyn::directory::parse(path, &src) {
                Ok(dir) => println!(
                    "{}: {} ok",
                    path.display(),
                    t::fill(
                        t::CHECK_DIRECTORY.get(lang),
                        &[&dir.organisations.len().to_string()]
                    )
                ),
                Err(e) => {
                    eprintln!("{e}");
                    note(e.exit_code(), &mut worst);
                }
            }
        } else if is_agenda(&src) {
            let admitted = agenda::parse(path, &src).and_then(|a| {
                let id = a.id.clone();
                catalogue.admit(a, AgendaSource::File(path.clone()), path, &src)?;
                Ok(id)
            });
            match admitted {
                Ok(id) => {
                    println!(
                        "{}: {} «{id}» ok",
                        path.display(),
                        t::CHECK_AGENDA.get(lang)
                    );
                }
                Err(e) => {
                    eprintln!("{e}");
                    note(e.exit_code(), &mut worst);
                }
            }
        } else {
            meetings.push((path.clone(), src));
        }
    }
    for (path, src) in meetings {
        let code = check_meeting(&path, &src, &catalogue, lang);
        note(code, &mut worst);
    }
    worst
}

fn check_meeting(path: &Path, src: &str, catalogue: &Catalogue, lang: Lang) -> i32 {
    let meeting = match store::parse(path, src) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return e.exit_code();
        }
    };
    let Some(agenda) = catalogue.get(&meeting.agenda.id) else {
        let e = FileError::invalid(
            path,
            samsyn::diag::find_text(src, &format!("\"{}\"", meeting.agenda.id)),
            t::fill(
                t::CHECK_UNKNOWN_AGENDA.get(lang),
                &[&format!("{:?}", meeting.agenda.id)],
            ),
        );
        eprintln!("{e}");
        return e.exit_code();
    };
    if let Err(e) = store::check_against_agenda(path, src, &meeting, agenda) {
        eprintln!("{e}");
        return e.exit_code();
    }
    let mut code = exit::OK;
    if meeting.stamp_matches() == Some(false) {
        println!("{}: {}", path.display(), t::CHECK_CHANGED.get(lang));
        code = exit::DATA;
    }
    let problems = rules::check(&meeting, agenda);
    let blocking = problems.iter().filter(|p| p.is_blocking()).count();
    for p in &problems {
        let label = match p.severity {
            Severity::Blocking => t::CHECK_BLOCKS.get(lang),
            Severity::Warning => t::CHECK_WARNING.get(lang),
        };
        println!(
            "{}: {label} [{}] {}",
            path.display(),
            p.code.as_str(),
            p.message(lang)
        );
    }
    let warnings = problems.len() - blocking;
    // Changed after finalizing, the minutes are not "finalized": the summary says so too.
    let status = if meeting.stamp_matches() == Some(false) {
        t::CHECK_CHANGED_STATUS.get(lang)
    } else if meeting.is_finalized() && blocking > 0 {
        t::CHECK_FINALIZED_BROKEN.get(lang)
    } else if meeting.is_finalized() {
        t::CHECK_FINALIZED.get(lang)
    } else if blocking == 0 {
        t::CHECK_READY.get(lang)
    } else {
        t::CHECK_NOT_READY.get(lang)
    };
    println!(
        "{}: {status}; {blocking} {}, {warnings} {}",
        path.display(),
        t::CHECK_BLOCKING.get(lang),
        t::CHECK_WARNINGS.get(lang)
    );
    // Finalized minutes are judged too: a stamp can be recomputed by hand.
    if blocking > 0 {
        code = exit::DATA;
    }
    code
}
