//! Entry point: parse the command line, run the command, map errors to exit codes.

mod cli;
mod commands;

use cli::{Cli, Command};
use samsyn::i18n::Lang;
use samsyn::tui::theme::ThemeName;
use samsyn::tui::{Begin, Options};

fn main() {
    // The help and the errors of the command line speak the user's language, so it is
    // found before the command line is parsed.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let early = cli::early_lang(&args);
    // The file errors and the store's messages speak it too (a broken settings file's
    // error included), so they are set before anything is read.
    samsyn::i18n::set_messages(early);
    let cli = cli::parse(args.clone(), early);
    // Generated from the command line's definition alone: no settings file is needed, and
    // a broken one must not stop a package build from writing the completions.
    match &cli.command {
        Some(Command::Completions { shell }) => std::process::exit(commands::completions(*shell)),
        Some(Command::Man) => std::process::exit(commands::man()),
        _ => {}
    }
    // The settings file comes after the command line and the environment, before the locale.
    let config = match samsyn::config::load() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("samsyn: {e}");
            std::process::exit(e.exit_code());
        }
    };
    let lang = cli
        .lang
        .map(Lang::from)
        .or(config.lang)
        .unwrap_or_else(Lang::from_env);
    samsyn::i18n::set_messages(lang);
    let theme = cli
        .theme
        .or_else(|| {
            let name = config.theme.as_deref()?;
            clap::ValueEnum::from_str(name, true).ok()
        })
        .map_or_else(ThemeName::default, |t: cli::ThemeArg| t.into());
    let code = match &cli.command {
        Some(Command::Agendas) => commands::agendas(lang),
        Some(Command::Check { files }) => commands::check(files, lang),
        Some(Command::New { agenda, title }) => tui(
            &cli,
            lang,
            theme,
            Begin::New {
                agenda: agenda.clone(),
                title: title.clone(),
            },
        ),
        Some(Command::Open { file }) => tui(&cli, lang, theme, Begin::Open(file.clone())),
        Some(Command::Export {
            meeting,
            format,
            output,
            pseudonymize,
            contacts,
            evaluation_per_person,
        }) => commands::export(
            meeting,
            (*format).into(),
            output.as_deref(),
            (*pseudonymize, *contacts, *evaluation_per_person),
            lang,
        ),
        Some(Command::Invite {
            meeting,
            format,
            output,
            organisation,
            family,
            pseudonymize,
            sent,
            today,
        }) => commands::invite(
            meeting,
            commands::Invite {
                format: (*format).into(),
                output: output.as_deref(),
                organisation: organisation.as_deref(),
                family: *family,
                pseudonymize: *pseudonymize,
                sent: *sent,
                today: *today,
            },
            lang,
        ),
        Some(Command::Followup { file, date, branch }) => {
            commands::followup(file, *date, *branch, lang)
        }
        Some(Command::Followups {
            format,
            until,
            by,
            check,
            today,
        }) => commands::followups(
            &samsyn::store::archive_dir(cli.dir.as_deref()),
            commands::Report {
                json: *format == cli::ReportArg::Json,
                until: *until,
                by_organisation: by.is_some(),
                check: *check,
                today: *today,
            },
            lang,
        ),
        Some(Command::Completions { .. } | Command::Man) => unreachable!("handled above"),
        None => tui(&cli, lang, theme, Begin::Start),
    };
    std::process::exit(code);
}

fn tui(cli: &Cli, lang: Lang, theme: ThemeName, begin: Begin) -> i32 {
    samsyn::tui::run(Options {
        lang,
        theme,
        dir: cli.dir.clone(),
        begin,
    })
}
