//! The command line (SPEC §8), defined with clap.

use clap::ValueEnum;
use clap::{Parser, Subcommand};
use samsyn::export::Format;
use samsyn::i18n::Lang;
use samsyn::tui::theme::ThemeName;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "samsyn",
    version,
    about = "Run a Samba or SIP meeting about a child on a shared screen and write the minutes.",
    long_about = "Run a Samba or SIP meeting about a child on a shared screen and write the minutes.\n\n\
Exit codes: 0 ok, 2 usage, 65 invalid data (or `check` found blocking problems), \
66 input missing, 73 cannot create output, 1 anything else."
)]
pub struct Cli {
    /// Language of the screen and messages (default: the settings file, then the locale,
    /// else Swedish).
    #[arg(long, global = true, value_enum, env = "SAMSYN_LANG")]
    pub lang: Option<LangArg>,

    /// The archive directory where meetings are kept.
    #[arg(long, global = true, env = "SAMSYN_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Colours of the screen: default or high-contrast (NO_COLOR is respected by both).
    #[arg(long, global = true, value_enum, env = "SAMSYN_THEME")]
    pub theme: Option<ThemeArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new meeting from an agenda (id or file) on the meeting screen.
    New {
        #[arg(long, value_name = "ID|PATH")]
        agenda: String,
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
    },
    /// Continue or view a meeting on the meeting screen.
    Open {
        #[arg(value_name = "MEETING.ron")]
        file: PathBuf,
    },
    /// List the built-in and user agendas.
    Agendas,
    /// Validate agenda and meeting files; for a meeting, print what blocks finalizing and
    /// the warnings. Agendas named on the same command line are used for the meetings.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write the minutes as Markdown, HTML (for print), Word, iCalendar or JSON.
    /// The file is readable by its owner only.
    Export {
        #[arg(value_name = "MEETING")]
        meeting: PathBuf,
        #[arg(long, value_enum)]
        format: FormatArg,
        /// Output file; `-` for standard output (not for docx). Default: next to the
        /// meeting, with the format's extension.
        #[arg(short = 'o', long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace the child's and the family's names with initials.
        #[arg(long)]
        pseudonymize: bool,
        /// Print the participants' contact details in the minutes (left out unless
        /// asked; never the family's when pseudonymized).
        #[arg(long)]
        contacts: bool,
        /// Show each participant's evaluation of the meeting, by name (by default the
        /// minutes show it summed up: answers, mean and median per question).
        #[arg(long)]
        evaluation_per_person: bool,
    },
    /// Write the kallelse (invitation): huvudmän are summoned, others invited, each asked
    /// to come with the mandate for the decisions expected of them. Refused (exit 65) with
    /// the reasons when it would be incomplete.
    Invite {
        #[arg(value_name = "MEETING.ron")]
        meeting: PathBuf,
        #[arg(long, value_enum)]
        format: InviteFormatArg,
        /// Output file; `-` for standard output (not for docx). Default: next to the
        /// meeting, `MEETING.kallelse[-ORG|-familj].EXT`.
        #[arg(short = 'o', long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// One organisation's copy (its id or name).
        #[arg(long = "for", value_name = "ORGANISATION")]
        organisation: Option<String>,
        /// The family's copy, in plain language.
        #[arg(long)]
        family: bool,
        /// Replace the child's and the family's names with initials.
        #[arg(long)]
        pseudonymize: bool,
        /// Record in the meeting that the kallelse was sent today.
        #[arg(long)]
        sent: bool,
        /// Judge a late kallelse as of this day instead of today.
        #[arg(long, value_name = "YYYY-MM-DD", hide = true)]
        today: Option<chrono::NaiveDate>,
    },
    /// Start the follow-up of finalized minutes: a new meeting from the agenda that
    /// follows the old one's, with its organisations, participants, consents, goals and
    /// responsibility, and every action of the plan to review. Prints the new file.
    Followup {
        #[arg(value_name = "MEETING.ron")]
        file: PathBuf,
        /// The follow-up's date (default: the follow-up date the minutes set, else today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<chrono::NaiveDate>,
        /// Start a second follow-up of the same minutes, as a branch of the plan.
        #[arg(long)]
        branch: bool,
    },
    /// What needs attention across the archive, most urgent first: follow-ups due,
    /// actions and awaited decisions past their dates, feedback due, consents that run
    /// out, finalized plans with no next step. Drafts are included and marked.
    Followups {
        #[arg(long, value_enum, default_value = "text")]
        format: ReportArg,
        /// Include what falls due up to this date (default: four weeks from today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        until: Option<chrono::NaiveDate>,
        /// Group by organisation, so a unit head sees their own.
        #[arg(long, value_enum)]
        by: Option<GroupArg>,
        /// Exit 1 when anything is overdue (for a scheduled job); else the report exits 0.
        #[arg(long)]
        check: bool,
        /// Judge "overdue" as of this day instead of today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<chrono::NaiveDate>,
    },
    /// Print the shell completion script for bash, zsh or fish to standard output.
    #[command(
        after_help = "bash: samsyn completions bash > ~/.local/share/bash-completion/completions/samsyn\n\
zsh:  samsyn completions zsh > ~/.zfunc/_samsyn (with ~/.zfunc in $fpath)\n\
fish: samsyn completions fish > ~/.config/fish/completions/samsyn.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: ShellArg,
    },
    /// Print the manual page (roff, section 1) to standard output.
    #[command(after_help = "samsyn man > samsyn.1 && man ./samsyn.1")]
    Man,
}

// The library's enums as the command line spells them: clap stays out of the domain.

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportArg {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupArg {
    Organisation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Sv,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Default,
    HighContrast,
}

impl From<ThemeArg> for ThemeName {
    fn from(t: ThemeArg) -> ThemeName {
        match t {
            ThemeArg::Default => ThemeName::Default,
            ThemeArg::HighContrast => ThemeName::HighContrast,
        }
    }
}

/// The shells SPEC §8 promises completions for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
}

impl From<ShellArg> for clap_complete::aot::Shell {
    fn from(s: ShellArg) -> clap_complete::aot::Shell {
        match s {
            ShellArg::Bash => clap_complete::aot::Shell::Bash,
            ShellArg::Zsh => clap_complete::aot::Shell::Zsh,
            ShellArg::Fish => clap_complete::aot::Shell::Fish,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Md,
    Html,
    Docx,
    Ics,
    Json,
}

/// The kallelse's formats: the minutes' without JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InviteFormatArg {
    Md,
    Html,
    Docx,
    Ics,
}

impl From<InviteFormatArg> for Format {
    fn from(f: InviteFormatArg) -> Format {
        match f {
            InviteFormatArg::Md => Format::Md,
            InviteFormatArg::Html => Format::Html,
            InviteFormatArg::Docx => Format::Docx,
            InviteFormatArg::Ics => Format::Ics,
        }
    }
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Md => Format::Md,
            FormatArg::Html => Format::Html,
            FormatArg::Docx => Format::Docx,
            FormatArg::Ics => Format::Ics,
            FormatArg::Json => Format::Json,
        }
    }
}
