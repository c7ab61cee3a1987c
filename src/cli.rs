//! The command line (SPEC §8), defined with clap.

use clap::ValueEnum;
use clap::{Parser, Subcommand};
use samsyn::export::Format;
use samsyn::i18n::Lang;
use samsyn::tui::theme::ThemeName;
use std::path::PathBuf;

#[derive(Debug, Parser)]
// What --help says of each command and option is in src/i18n/cli.rs, in Swedish and
// English, put in by `command(lang)`.
#[command(name = "samsyn", version)]
pub struct Cli {
    #[arg(long, global = true, value_enum, env = "SAMSYN_LANG")]
    pub lang: Option<LangArg>,

    #[arg(long, global = true, env = "SAMSYN_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,

    #[arg(long, global = true, value_enum, env = "SAMSYN_THEME")]
    pub theme: Option<ThemeArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    New {
        #[arg(long, value_name = "ID|PATH")]
        agenda: String,
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
    },
    Open {
        #[arg(value_name = "MEETING.ron")]
        file: PathBuf,
    },
    Agendas,
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    Export {
        #[arg(value_name = "MEETING")]
        meeting: PathBuf,
        #[arg(long, value_enum)]
        format: FormatArg,
        #[arg(short = 'o', long, value_name = "OUT")]
        output: Option<PathBuf>,
        #[arg(long)]
        pseudonymize: bool,
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
        /// meeting, `MEETING.kallelse[-ORG|-familj].EXT` (`-family` in English).
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
    Followup {
        #[arg(value_name = "MEETING.ron")]
        file: PathBuf,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<chrono::NaiveDate>,
        #[arg(long)]
        branch: bool,
    },
    Followups {
        #[arg(long, value_enum, default_value = "text")]
        format: ReportArg,
        #[arg(long, value_name = "YYYY-MM-DD")]
        until: Option<chrono::NaiveDate>,
        #[arg(long, value_enum)]
        by: Option<GroupArg>,
        #[arg(long)]
        check: bool,
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<chrono::NaiveDate>,
    },
    Completions {
        #[arg(value_enum)]
        shell: ShellArg,
    },
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

// ---------- The command line in the user's language ----------

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, CommandFactory, FromArgMatches};
use samsyn::i18n::cli as t;
use std::ffi::OsString;

/// The language of the help and the errors, known before the command line is parsed:
/// `--lang` on the command line, then `SAMSYN_LANG`, then the settings file, then the
/// locale (as for the screen). A value none of them understands is passed over here;
/// clap then says what is wrong with it.
pub fn early_lang(args: &[OsString]) -> Lang {
    let parse = |v: &str| LangArg::from_str(v, false).ok().map(Lang::from);
    let mut given = None;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            given = it.next().and_then(|v| parse(&v)).or(given);
        } else if let Some(v) = a.strip_prefix("--lang=") {
            given = parse(v).or(given);
        }
    }
    given
        .or_else(|| std::env::var("SAMSYN_LANG").ok().and_then(|v| parse(&v)))
        .or_else(|| samsyn::config::load().ok().and_then(|c| c.lang))
        .unwrap_or_else(Lang::from_env)
}

/// The command line's definition with every help text in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    // Put into words before clap builds the command (it decides then whether `--help`
    // has more to say than `-h`), and again after, for what building adds: the global
    // options in every command, `--help`, `--version` and the `help` command.
    let mut cmd = localize(Cli::command(), "", lang);
    cmd.build();
    let mut cmd = localize(cmd, "", lang);
    usage_in(&mut cmd, lang);
    cmd
}

fn localize(cmd: clap::Command, name: &str, lang: Lang) -> clap::Command {
    let mut cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t::USAGE.get(lang)
        ))
        .subcommand_help_heading(t::COMMANDS.get(lang))
        .subcommand_value_name(t::value_name("COMMAND").map_or("COMMAND", |l| l.get(lang)));
    if let Some((about, long)) = t::about(name) {
        cmd = cmd
            .about(about.get(lang))
            .long_about(long.map(|l| l.get(lang)));
    }
    if let Some(after) = t::after_help(name) {
        cmd = cmd.after_help(after.get(lang));
    }
    let cmd = cmd.mut_args(|a| localize_arg(a, name, lang));
    cmd.mut_subcommands(|s| {
        let sub = s.get_name().to_string();
        localize(s, &sub, lang)
    })
}

fn localize_arg(a: Arg, command: &str, lang: Lang) -> Arg {
    // Already in words (the second pass): it has its heading then.
    let a = if a.get_help_heading().is_some() {
        a
    } else {
        translate_arg(a, command, lang)
    };
    // A command's own options first, then those of every command.
    if a.is_global_set() && !command.is_empty() {
        a.display_order(1000)
    } else {
        a
    }
}

fn translate_arg(a: Arg, command: &str, lang: Lang) -> Arg {
    let id = a.get_id().as_str().to_string();
    let mut help = t::arg_help(command, &id).map(|l| l.get(lang).to_string());
    let heading = if a.is_positional() {
        t::ARGUMENTS
    } else {
        t::OPTIONS
    };
    let mut a = a.help_heading(heading.get(lang));
    if let Some(names) = a.get_value_names().map(<[clap::builder::Str]>::to_vec) {
        let names: Vec<clap::builder::Str> = names
            .iter()
            .map(|n| t::value_name(n).map_or_else(|| n.clone(), |l| l.get(lang).into()))
            .collect();
        a = a.value_names(names);
    }
    // What clap adds in brackets after the help ("[possible values: …]", "[env: …]",
    // "[default: …]") is in English: said in the language instead.
    let mut extra = Vec::new();
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && !a.is_hide_possible_values_set() && a.get_action().takes_values() {
        extra.push(format!("{}: {}", t::VALUES.get(lang), values.join(", ")));
    }
    if let Some(env) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        extra.push(format!("{}: {}", t::ENV.get(lang), env.to_string_lossy()));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() && a.get_action().takes_values() {
        extra.push(format!("{}: {}", t::DEFAULT.get(lang), defaults.join(", ")));
    }
    if !extra.is_empty() {
        help = Some(format!(
            "{} [{}]",
            help.unwrap_or_default(),
            extra.join("; ")
        ));
    }
    let mut a = match help {
        Some(help) => a.help(help),
        None => a,
    };
    // `--help` says of itself that `-h` gives a summary.
    if a.get_long_help().is_some() && id == "help" {
        a = a.long_help(t::HELP_LONG.get(lang));
    }
    let takes_values = a.get_action().takes_values();
    a.hide_possible_values(takes_values)
        .hide_env(true)
        .hide_default_value(takes_values)
}

/// The usage line with its placeholders in the language (`[FLAGGOR]`, `<KOMMANDO>`).
fn usage_in(cmd: &mut clap::Command, lang: Lang) {
    let rendered = cmd.render_usage().to_string();
    let mut usage = rendered
        .split_once(':')
        .map_or(rendered.as_str(), |(_, u)| u)
        .trim()
        .to_string();
    for (en, l) in t::USAGE_WORDS {
        usage = usage.replace(en, l.get(lang));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut owned = std::mem::take(cmd).override_usage(usage);
    for name in subs {
        owned = owned.mut_subcommand(&name, |mut s| {
            usage_in(&mut s, lang);
            s
        });
    }
    *cmd = owned;
}

/// Parse the command line; `--help`, `--version` and mistakes are answered in `lang`
/// here, and the process ends (exit 0 for help and version, 2 for a mistake).
pub fn parse(args: Vec<OsString>, lang: Lang) -> Cli {
    // A command line that parses needs none of the words: the command as derived parses
    // it as the one put into words would (they differ only in what help and errors
    // say), and putting every command and option into words is most of a short
    // command's start. Help, the version and mistakes are parsed again in words.
    if let Ok(cli) = Cli::command()
        .try_get_matches_from(args.clone())
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        return cli;
    }
    let words = args.clone();
    let mut cmd = command(lang);
    let result = cmd
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match result {
        Ok(cli) => cli,
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => e.exit(),
            _ => {
                // The command the mistake was made in, for its usage.
                let sub = words
                    .iter()
                    .skip(1)
                    .find_map(|w| cmd.find_subcommand(w).cloned());
                eprint!("{}", error_text(&e, sub.as_ref().unwrap_or(&cmd), lang));
                std::process::exit(samsyn::diag::exit::USAGE);
            }
        },
    }
}

/// A mistake in the command line in the language: what is wrong, the usage of the
/// command it was in, and where to read more.
pub fn error_text(e: &clap::Error, cmd: &clap::Command, lang: Lang) -> String {
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    };
    let one = |k: ContextKind| get(k).into_iter().next().unwrap_or_default();
    let arg = one(ContextKind::InvalidArg);
    let mut message = match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = one(ContextKind::InvalidValue);
            if value.is_empty() && e.kind() == ErrorKind::InvalidValue {
                t::fill(t::NEEDS_VALUE.get(lang), &[&arg])
            } else {
                let mut m = t::fill(t::INVALID_VALUE.get(lang), &[&value, &arg]);
                let valid = get(ContextKind::ValidValue);
                if !valid.is_empty() {
                    m += &format!(" ({}: {})", t::POSSIBLE.get(lang), valid.join(", "));
                }
                m
            }
        }
        ErrorKind::UnknownArgument => t::fill(t::UNKNOWN_ARGUMENT.get(lang), &[&arg]),
        ErrorKind::InvalidSubcommand => t::fill(
            t::UNKNOWN_COMMAND.get(lang),
            &[&one(ContextKind::InvalidSubcommand)],
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "{} {}",
            t::MISSING.get(lang),
            get(ContextKind::InvalidArg).join(", ")
        ),
        ErrorKind::MissingSubcommand => t::MISSING_COMMAND.get(lang).to_string(),
        ErrorKind::ArgumentConflict => {
            t::fill(t::CONFLICT.get(lang), &[&arg, &one(ContextKind::PriorArg)])
        }
        ErrorKind::WrongNumberOfValues | ErrorKind::TooManyValues | ErrorKind::TooFewValues => {
            t::fill(t::WRONG_NUMBER.get(lang), &[&arg])
        }
        ErrorKind::NoEquals => t::fill(t::NEEDS_VALUE.get(lang), &[&arg]),
        ErrorKind::InvalidUtf8 => t::NOT_UTF8.get(lang).to_string(),
        // Anything else clap may say, as clap says it.
        _ => e.render().to_string().trim().to_string(),
    };
    let suggested: Vec<String> = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .flat_map(get)
    .collect();
    if let Some(s) = suggested.first() {
        message += &format!("; {}", t::fill(t::DID_YOU_MEAN.get(lang), &[s]));
    }
    // The usage of the command the mistake was made in (its own, in the language).
    let usage = cmd.clone().render_usage().to_string();
    let usage = usage
        .split_once(':')
        .map_or(usage.as_str(), |(_, u)| u)
        .trim()
        .to_string();
    let command = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "{}: {message}\n\n{} {usage}\n\n{}\n",
        t::ERROR.get(lang),
        t::USAGE.get(lang),
        t::fill(t::MORE_HELP.get(lang), &[&command])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every option says what it is, in both languages.
    #[test]
    fn every_command_and_option_has_its_help_in_both_languages() {
        fn walk(cmd: &clap::Command, path: &str, lang: Lang, missing: &mut Vec<String>) {
            if cmd.get_about().is_none() {
                missing.push(format!("{lang:?} {path}: about"));
            }
            for a in cmd.get_arguments() {
                if a.get_help().is_none() {
                    missing.push(format!("{lang:?} {path} {}", a.get_id()));
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, &format!("{path} {}", s.get_name()), lang, missing);
            }
        }
        let mut missing = Vec::new();
        for lang in [Lang::Sv, Lang::En] {
            walk(&command(lang), "samsyn", lang, &mut missing);
        }
        assert!(missing.is_empty(), "no help text: {missing:#?}");
        // And they differ: the Swedish is not the English.
        let sv = command(Lang::Sv).render_long_help().to_string();
        let en = command(Lang::En).render_long_help().to_string();
        assert!(
            sv.contains("Slutkoder") && en.contains("Exit codes"),
            "{sv}\n{en}"
        );
    }

    #[test]
    fn the_language_is_found_before_parsing_the_command_line_wins() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            early_lang(&args(&["samsyn", "--lang", "en", "check"])),
            Lang::En
        );
        assert_eq!(
            early_lang(&args(&["samsyn", "check", "--lang=sv"])),
            Lang::Sv
        );
        // After `--` it is a file name, not the option.
        let after = early_lang(&args(&["samsyn", "check", "--", "--lang=en"]));
        assert_eq!(after, early_lang(&args(&["samsyn", "check"])));
    }
}
