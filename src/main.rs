//! Entry point: parse the command line, run the command, map errors to exit codes.

mod cli;
mod commands;

use clap::Parser;
use cli::{Cli, Command};
use samsyn::i18n::Lang;
use samsyn::tui::{Begin, Options};

fn main() {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let code = match &cli.command {
        Some(Command::Agendas) => commands::agendas(lang),
        Some(Command::Check { files }) => commands::check(files, lang),
        Some(Command::New { agenda, title }) => tui(
            &cli,
            lang,
            Begin::New {
                agenda: agenda.clone(),
                title: title.clone(),
            },
        ),
        Some(Command::Open { file }) => tui(&cli, lang, Begin::Open(file.clone())),
        Some(Command::Export {
            meeting,
            format,
            output,
            pseudonymize,
        }) => commands::export(meeting, *format, output.as_deref(), *pseudonymize, lang),
        None => tui(&cli, lang, Begin::Start),
    };
    std::process::exit(code);
}

fn tui(cli: &Cli, lang: Lang, begin: Begin) -> i32 {
    samsyn::tui::run(Options {
        lang,
        theme: cli.theme,
        dir: cli.dir.clone(),
        begin,
    })
}
