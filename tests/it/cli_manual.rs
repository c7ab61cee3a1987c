//! `samsyn completions bash|zsh|fish` and `samsyn man`, run as the built binary: the
//! scripts name the program and its subcommands, bash really completes with them, and the
//! man page is roff that describes every subcommand.

use crate::common;

use common::samsyn;
use std::process::Command;

const SUBCOMMANDS: [&str; 7] = [
    "new",
    "open",
    "agendas",
    "check",
    "export",
    "completions",
    "man",
];

fn stdout_of(home: &std::path::Path, args: &[&str]) -> String {
    let out = samsyn(home)
        .args(args)
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        out.stderr.is_empty(),
        "{args:?} wrote to stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn bash_completions_register_samsyn_and_complete_its_subcommands() {
    let home = tempfile::tempdir().unwrap();
    let script = stdout_of(home.path(), &["completions", "bash"]);
    assert!(script.contains("complete"), "{script}");
    assert!(script.contains("samsyn"), "{script}");
    for sub in SUBCOMMANDS {
        assert!(script.contains(sub), "bash completions lack {sub}");
    }

    // Load the script into bash and ask it what `samsyn ex<TAB>` and
    // `samsyn export m.ron --format <TAB>` complete to.
    let path = home.path().join("samsyn.bash");
    std::fs::write(&path, &script).unwrap();
    let probe = format!(
        "source '{}' || exit 9\n\
         complete -p samsyn || exit 8\n\
         COMP_WORDS=(samsyn ex); COMP_CWORD=1; _samsyn samsyn ex samsyn\n\
         echo \"sub: ${{COMPREPLY[*]}}\"\n\
         COMP_WORDS=(samsyn export m.ron --format ''); COMP_CWORD=4; _samsyn samsyn '' --format\n\
         echo \"format: ${{COMPREPLY[*]}}\"\n",
        path.display()
    );
    let out = Command::new("bash")
        .args(["--noprofile", "--norc", "-c", &probe])
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("-F _samsyn samsyn"), "{text}");
    assert!(text.contains("sub: export\n"), "{text}");
    assert!(text.contains("format: md html docx ics json\n"), "{text}");
}

#[test]
fn zsh_and_fish_completions_name_samsyn_and_its_subcommands() {
    let home = tempfile::tempdir().unwrap();
    let zsh = stdout_of(home.path(), &["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef samsyn"), "{zsh}");
    let fish = stdout_of(home.path(), &["completions", "fish"]);
    assert!(fish.contains("complete -c samsyn"), "{fish}");
    for sub in SUBCOMMANDS {
        assert!(zsh.contains(sub), "zsh completions lack {sub}");
        assert!(fish.contains(sub), "fish completions lack {sub}");
    }
}

#[test]
fn completions_for_an_unknown_shell_are_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    samsyn(home.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn the_man_page_is_roff_with_every_subcommand_on_it() {
    let home = tempfile::tempdir().unwrap();
    let page = stdout_of(home.path(), &["man"]);
    // The roff crate first defines a portable apostrophe (two lines); the page proper
    // starts with its title.
    let first = page
        .lines()
        .find(|l| !l.starts_with(".ie ") && !l.starts_with(".el "))
        .unwrap();
    assert!(first.starts_with(".TH samsyn 1"), "{first}");
    assert!(
        first.contains(env!("CARGO_PKG_VERSION")),
        "the title names the version: {first}"
    );
    assert_eq!(page.matches(".TH ").count(), 1, "one page");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS"] {
        assert!(page.contains(section), "no {section}:\n{page}");
    }
    for sub in SUBCOMMANDS {
        assert!(
            page.contains(&format!(".SS \"samsyn {sub}\"")),
            "no section for samsyn {sub}:\n{page}"
        );
    }
    // Each subcommand's own options are on the page, not in pages nobody installs.
    assert!(page.contains("\\-\\-pseudonymize"), "{page}");
    assert!(!page.contains("samsyn\\-export(1)"), "{page}");
    // Every line is roff: a control line, or text that cannot be mistaken for one.
    for line in page.lines() {
        assert!(
            !line.starts_with('\'') && !line.starts_with(". "),
            "not roff: {line:?}"
        );
    }
}

#[test]
fn the_man_page_renders_with_man_where_man_is_installed() {
    let home = tempfile::tempdir().unwrap();
    let page = stdout_of(home.path(), &["man"]);
    let path = home.path().join("samsyn.1");
    std::fs::write(&path, &page).unwrap();
    let Ok(out) = Command::new("man")
        .arg("-l")
        .arg(&path)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
    else {
        eprintln!("man is not installed: skipped");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("COMMANDS"), "{text}");
    assert!(text.contains("samsyn export"), "{text}");
}
