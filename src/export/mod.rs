//! The minutes on paper and in other systems: Markdown, HTML for print, Word (DOCX),
//! iCalendar and JSON, each in its own file, all from the same meeting and agenda.

pub mod docx;
pub mod html;
pub mod ics;
pub mod invite;
pub mod json;
pub mod markdown;
pub mod minutes;
mod plan;
mod widths;

use crate::agenda::Agenda;
use crate::i18n::Lang;
use crate::meeting::Meeting;

pub use crate::meeting::{hidden_names, pseudonymize};
pub use minutes::Minutes;

/// The export formats of SPEC §9.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Docx,
    Ics,
    Json,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Html,
        Format::Docx,
        Format::Ics,
        Format::Json,
    ];

    /// The file extension, also used for the default output name.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Ics => "ics",
            Format::Json => "json",
        }
    }

    /// Whether the output is text that may go to standard output.
    pub fn is_text(self) -> bool {
        self != Format::Docx
    }
}

/// How to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub lang: Lang,
    /// Replace the child's and the family's names with initials.
    pub pseudonymize: bool,
    /// Print the participants' contact details (left out unless asked: the minutes go
    /// to many).
    pub contacts: bool,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExportError {
    /// The finalized minutes were edited without amending: exporting them would pass off
    /// changed content as what the participants agreed on.
    #[error(
        "the meeting was changed after finalizing: its content no longer matches the finalize stamp's hash; amend it before exporting"
    )]
    ChangedAfterFinalizing,
    /// Finalized minutes that the rules would refuse (a stamp recomputed by hand, or an
    /// agenda that changed): exporting them would present a plan nobody could finalize.
    #[error("the finalized minutes break the rules: {}", .0.join("; "))]
    FinalizedButBlocked(Vec<String>),
    #[error(
        "the meeting's agenda {id:?} (version {version}) is not the agenda given for export ({given:?})"
    )]
    WrongAgenda {
        id: String,
        version: u32,
        given: String,
    },
    #[error("could not build the Word document: {0}")]
    Docx(String),
}

/// Export `meeting` (started from `agenda`) in `format`.
pub fn export(
    meeting: &Meeting,
    agenda: &Agenda,
    format: Format,
    options: Options,
) -> Result<Vec<u8>, ExportError> {
    if meeting.stamp_matches() == Some(false) {
        return Err(ExportError::ChangedAfterFinalizing);
    }
    if meeting.is_finalized() {
        let blocking = crate::rules::blocking(meeting, agenda);
        if !blocking.is_empty() {
            return Err(ExportError::FinalizedButBlocked(
                blocking
                    .iter()
                    .map(|p| p.message(options.lang).to_string())
                    .collect(),
            ));
        }
    }
    if meeting.agenda.id != agenda.id {
        return Err(ExportError::WrongAgenda {
            id: meeting.agenda.id.clone(),
            version: meeting.agenda.version,
            given: agenda.id.clone(),
        });
    }
    // Calendar data never carries the family's names, asked or not.
    let hide = options.pseudonymize || format == Format::Ics;
    let shown = crate::meeting::shown(meeting, hide);
    let m = &*shown;
    // The minutes go to many: the participants' contact details only when asked for.
    let printed;
    let m = if !options.contacts
        && matches!(format, Format::Md | Format::Html | Format::Docx)
        && m.participants.iter().any(|p| p.contact.is_some())
    {
        let mut copy = m.clone();
        for p in &mut copy.participants {
            p.contact = None;
        }
        printed = copy;
        &printed
    } else {
        m
    };
    let lang = options.lang;
    Ok(match format {
        Format::Json => json::to_json(m, agenda, lang, options.pseudonymize).into_bytes(),
        Format::Ics => ics::to_ics(m, agenda, lang).into_bytes(),
        Format::Md => markdown::render(&minutes::build(m, agenda, lang, hide)).into_bytes(),
        Format::Html => html::render(&minutes::build(m, agenda, lang, hide), m).into_bytes(),
        Format::Docx => docx::render(&minutes::build(m, agenda, lang, hide))?,
    })
}
