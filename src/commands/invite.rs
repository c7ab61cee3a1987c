//! `samsyn invite`: write the kallelse of a meeting (every organisation's copy, one
//! organisation's, or the family's) as Markdown, HTML, Word or a calendar event, owner-only
//! through the same path as `samsyn export`; refused, with the reasons, when incomplete.

use samsyn::agenda::Catalogue;
use samsyn::diag::{FileError, exit, find_text, read_text};
use samsyn::export::Format;
use samsyn::export::invite::{self, InviteError, InviteOptions, Recipient};
use samsyn::i18n::Lang;
use samsyn::i18n::cli;
use samsyn::i18n::invite as l;
use samsyn::store;
use std::path::Path;

/// What `samsyn invite` was asked for.
pub struct Invite<'a> {
    pub format: Format,
    pub output: Option<&'a Path>,
    /// `--for`: one organisation's copy, by id or name.
    pub organisation: Option<&'a str>,
    /// `--family`: the family's copy in plain language.
    pub family: bool,
    pub pseudonymize: bool,
    /// `--sent`: record in the meeting that the kallelse was sent today.
    pub sent: bool,
    /// The day it is written (default today), against which "late" is judged.
    pub today: Option<chrono::NaiveDate>,
}

pub fn invite(meeting_path: &Path, a: Invite<'_>, lang: Lang) -> i32 {
    let today = a.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let src = match read_text(meeting_path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return e.exit_code();
        }
    };
    // Recording the sending changes the meeting: nobody else may be writing it meanwhile.
    let _lock = if a.sent {
        match store::MeetingLock::acquire(meeting_path) {
            Ok(lock) => Some(lock),
            Err(e) => {
                eprintln!("{}", e.message(lang));
                return exit::CANT_CREATE;
            }
        }
    } else {
        None
    };
    let mut meeting = match store::parse(meeting_path, &src) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return e.exit_code();
        }
    };
    let catalogue = Catalogue::load();
    let Some(agenda) = catalogue.get(&meeting.agenda.id) else {
        let e = FileError::invalid(
            meeting_path,
            find_text(&src, &format!("\"{}\"", meeting.agenda.id)),
            samsyn::i18n::diag::D::UnknownAgenda.fill(lang, &[&format!("{:?}", meeting.agenda.id)]),
        );
        eprintln!("{e}");
        return e.exit_code();
    };
    let recipient = match (a.family, a.organisation) {
        (true, Some(_)) => {
            eprintln!("samsyn: {}", cli::INVITE_FAMILY_AND_FOR.get(lang));
            return exit::USAGE;
        }
        (true, None) => Recipient::Family,
        (false, Some(name)) => match invite::find_organisation(&meeting, name) {
            Some(o) => Recipient::Organisation(o.id.clone()),
            None => {
                let known: Vec<String> = meeting
                    .organisations
                    .iter()
                    .map(|o| format!("{} ({})", o.name, o.id))
                    .collect();
                eprintln!(
                    "{}: {}",
                    meeting_path.display(),
                    l::fill(l::NO_SUCH_ORG.get(lang), &[name, &known.join(", ")])
                );
                return exit::DATA;
            }
        },
        (false, None) => Recipient::All,
    };
    let out = match a.output {
        Some(p) if p == Path::new("-") => None,
        Some(p) => Some(p.to_path_buf()),
        None => Some(invite::default_path(
            meeting_path,
            &meeting,
            &recipient,
            a.format,
            lang,
        )),
    };
    let out = match super::export::checked_target(meeting_path, out, a.format, lang) {
        Ok(out) => out,
        Err(code) => return code,
    };
    let options = InviteOptions {
        lang,
        recipient,
        pseudonymize: a.pseudonymize,
        today,
    };
    let bytes = match invite::invite(&meeting, agenda, a.format, &options) {
        Ok(b) => b,
        Err(InviteError::Refused(reasons)) => {
            for r in reasons {
                eprintln!(
                    "{}: {}",
                    meeting_path.display(),
                    l::fill(l::REFUSED.get(lang), &[&r])
                );
            }
            return exit::DATA;
        }
        Err(InviteError::Other(e)) => {
            eprintln!("{}: {e}", meeting_path.display());
            return exit::DATA;
        }
    };
    // Written, but not silently incomplete: what it lacks goes to stderr.
    for p in invite::problems(&meeting, agenda, today)
        .iter()
        .filter(|p| !p.refuses())
    {
        eprintln!(
            "{}: {}",
            meeting_path.display(),
            l::fill(
                l::WARNING.get(lang),
                &[&invite::problem_text(&meeting, p, lang)]
            )
        );
    }
    let code = super::export::write_output(out.as_deref(), &bytes);
    if code != exit::OK || !a.sent {
        return code;
    }
    meeting.mark_invitation_sent(today);
    if let Err(e) = store::save(meeting_path, &meeting) {
        eprintln!("{e}");
        return e.exit_code();
    }
    exit::OK
}
