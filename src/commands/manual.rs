//! `samsyn completions` and `samsyn man`: the shell completions and the manual page, both
//! generated from the clap definitions in `cli.rs`, so they never disagree with `--help`.
//! Both in English whatever the language: they are written once, by a package build or
//! an install script, into files every user of the machine reads; the build's own
//! locale must not decide their words.

use crate::cli::ShellArg;
use clap_mangen::Man;
use samsyn::diag::exit;
use samsyn::i18n::Lang;
use std::io::Write;

/// `samsyn completions <shell>`: the completion script on standard output.
pub fn completions(shell: ShellArg) -> i32 {
    let mut cmd = crate::cli::command(Lang::En);
    let name = cmd.get_name().to_string();
    let mut script = Vec::new();
    clap_complete::aot::generate(
        clap_complete::aot::Shell::from(shell),
        &mut cmd,
        name,
        &mut script,
    );
    print(&script)
}

/// `samsyn man`: the manual page as roff on standard output.
pub fn man() -> i32 {
    match page() {
        Ok(page) => print(page.as_bytes()),
        Err(e) => {
            eprintln!("samsyn: man page: {e}");
            exit::FAILURE
        }
    }
}

/// One page for the whole program. clap_mangen writes a page per command and lists the
/// subcommands as `samsyn-export(1)` and so on, pages nobody installs; here each
/// subcommand's synopsis, description and options stand on this page under COMMANDS.
fn page() -> std::io::Result<String> {
    let root = crate::cli::command(Lang::En);
    let man = Man::new(root.clone());
    let mut page = String::new();
    page += &roff(|w| man.render_title(w))?;
    page += &without_preamble(&roff(|w| man.render_name_section(w))?);
    page += &without_preamble(&roff(|w| man.render_synopsis_section(w))?);
    page += &without_preamble(&roff(|w| man.render_description_section(w))?);
    page += &without_preamble(&roff(|w| man.render_options_section(w))?);
    page += ".SH COMMANDS\n";
    for sub in root.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("{} {}", root.get_name(), sub.get_name());
        let man = Man::new(sub.clone().bin_name(&name));
        page += &without_preamble(&roff(|w| {
            let mut heading = clap_mangen::roff::Roff::new();
            heading.control("SS", [name.as_str()]);
            heading.to_writer(w)
        })?);
        page += &without_heading(&without_preamble(&roff(|w| {
            man.render_synopsis_section(w)
        })?));
        page += ".PP\n";
        page += &without_heading(&without_preamble(&roff(|w| {
            man.render_description_section(w)
        })?));
        if sub.get_after_help().is_some() {
            page += ".PP\n";
            // One command per line, as in `--help`.
            let extra = without_heading(&without_preamble(&roff(|w| man.render_extra_section(w))?));
            page += &extra.replace('\n', "\n.br\n");
        }
        page += &without_heading(&without_preamble(&roff(|w| man.render_options_section(w))?));
    }
    page += &without_preamble(&roff(|w| man.render_version_section(w))?);
    Ok(page)
}

fn roff(render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<String> {
    let mut out = Vec::new();
    render(&mut out)?;
    String::from_utf8(out).map_err(std::io::Error::other)
}

/// Every piece the roff crate writes starts by defining the portable apostrophe; the
/// page needs that once, at its top.
fn without_preamble(roff: &str) -> String {
    roff.lines()
        .filter(|l| !l.starts_with(".ie \\n(.g .ds Aq") && !l.starts_with(".el .ds Aq"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// A subcommand's section without its `.SH` line, to stand under the command's `.SS`.
fn without_heading(roff: &str) -> String {
    roff.lines()
        .filter(|l| !l.starts_with(".SH "))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn print(bytes: &[u8]) -> i32 {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => exit::OK,
        // `samsyn man | head` closes the pipe early; that is not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            eprintln!("samsyn: standard output: {e}");
            exit::CANT_CREATE
        }
    }
}
