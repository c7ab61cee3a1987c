//! Entry point: parse the command line, run the command, map errors to exit codes.

mod cli;
mod commands;

use clap::Parser;
use cli::{Cli, Command};
use samsyn::i18n::Lang;

fn main() {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let code = match cli.command {
        Some(Command::Agendas) => commands::agendas(lang),
        Some(Command::Check { files }) => commands::check(&files, lang),
        Some(Command::Export {
            meeting,
            format,
            output,
            pseudonymize,
        }) => commands::export(&meeting, format, output.as_deref(), pseudonymize, lang),
        None => {
            eprintln!("samsyn: the meeting screen is not built yet; see `samsyn --help`");
            samsyn::diag::exit::USAGE
        }
    };
    std::process::exit(code);
}
