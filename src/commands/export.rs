//! `samsyn export`: write the minutes of a meeting file as Markdown, HTML, DOCX, ICS or
//! JSON, owner-only, next to the meeting, to a named file, or to standard output.

use samsyn::agenda::Catalogue;
use samsyn::diag::{FileError, exit, find_text, read_text};
use samsyn::export::{self, ExportError, Format, Options};
use samsyn::i18n::Lang;
use samsyn::i18n::cli as t;
use samsyn::store;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where `-o` points: a file, or `-` for standard output.
fn target(meeting: &Path, output: Option<&Path>, format: Format) -> Option<PathBuf> {
    match output {
        Some(p) if p == Path::new("-") => None,
        Some(p) => Some(p.to_path_buf()),
        None => Some(meeting.with_extension(format.extension())),
    }
}

pub fn export(
    meeting_path: &Path,
    format: Format,
    output: Option<&Path>,
    (pseudonymize, contacts, evaluation_per_person): (bool, bool, bool),
    lang: Lang,
) -> i32 {
    let out = match checked_target(
        meeting_path,
        target(meeting_path, output, format),
        format,
        lang,
    ) {
        Ok(out) => out,
        Err(code) => return code,
    };
    let src = match read_text(meeting_path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return e.exit_code();
        }
    };
    let meeting = match store::parse(meeting_path, &src) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return e.exit_code();
        }
    };
    let catalogue = Catalogue::load_for(&meeting.agenda.id);
    let Some(agenda) = catalogue.get(&meeting.agenda.id) else {
        let e = FileError::invalid(
            meeting_path,
            find_text(&src, &format!("\"{}\"", meeting.agenda.id)),
            t::fill(
                t::EXPORT_UNKNOWN_AGENDA.get(lang),
                &[&format!("{:?}", meeting.agenda.id)],
            ),
        );
        eprintln!("{e}");
        return e.exit_code();
    };
    if let Err(e) = samsyn::store::check_against_agenda(meeting_path, &src, &meeting, agenda) {
        eprintln!("{e}");
        return e.exit_code();
    }
    // Asked on the command line, the minutes show the evaluation per person as an agenda
    // with `evaluation_per_person` would.
    let per_person;
    let agenda = if evaluation_per_person && !agenda.evaluation_per_person {
        per_person = samsyn::agenda::Agenda {
            evaluation_per_person: true,
            ..agenda.clone()
        };
        &per_person
    } else {
        agenda
    };
    let bytes = match export::export(
        &meeting,
        agenda,
        format,
        Options {
            lang,
            pseudonymize,
            contacts,
        },
    ) {
        Ok(b) => b,
        Err(ExportError::ChangedAfterFinalizing) => {
            eprintln!(
                "{}: {}",
                meeting_path.display(),
                t::EXPORT_CHANGED.get(lang)
            );
            return exit::DATA;
        }
        Err(ExportError::FinalizedButBlocked(problems)) => {
            eprintln!(
                "{}: {}",
                meeting_path.display(),
                t::fill(t::EXPORT_BREAKS_RULES.get(lang), &[&problems.join("; ")])
            );
            return exit::DATA;
        }
        Err(e) => {
            eprintln!("{}: {e}", meeting_path.display());
            return exit::DATA;
        }
    };
    write_output(out.as_deref(), &bytes)
}

/// `out` if the export may be written there: standard output only for text, never
/// over the meeting itself, and only a regular file or a new path. Else the exit code,
/// with the reason printed.
pub(super) fn checked_target(
    meeting_path: &Path,
    out: Option<PathBuf>,
    format: Format,
    lang: Lang,
) -> Result<Option<PathBuf>, i32> {
    if out.is_none() && !format.is_text() {
        eprintln!("samsyn: {}", t::EXPORT_DOCX_STDOUT.get(lang));
        return Err(exit::USAGE);
    }
    if let Some(out) = &out
        && same_file(meeting_path, out)
    {
        eprintln!("{}: {}", out.display(), t::EXPORT_OVER_MEETING.get(lang));
        return Err(exit::CANT_CREATE);
    }
    // Only a regular file or a new path is written: never a device, a folder or a pipe
    // (renaming over /dev/null would make it the minutes).
    if let Some(out) = &out
        && let Ok(meta) = std::fs::symlink_metadata(out)
        && !meta.file_type().is_file()
    {
        eprintln!("{}: {}", out.display(), t::EXPORT_NOT_FILE.get(lang));
        return Err(exit::CANT_CREATE);
    }
    Ok(out)
}

/// Write `bytes` owner-only to `out` (atomically), or to standard output for `None`.
pub(super) fn write_output(out: Option<&Path>, bytes: &[u8]) -> i32 {
    match out {
        None => {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                let lang = samsyn::i18n::messages();
                eprintln!(
                    "samsyn: {}: {}",
                    t::STANDARD_OUTPUT.get(lang),
                    samsyn::i18n::diag::io_reason(lang, &e)
                );
                return exit::CANT_CREATE;
            }
        }
        Some(path) => {
            if let Err(e) = samsyn::fsio::write_export(path, bytes) {
                eprintln!("{e}");
                return e.exit_code();
            }
            println!("{}", path.display());
        }
    }
    exit::OK
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
