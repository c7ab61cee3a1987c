//! The command line speaks the user's language as the screen does: `--help`, the
//! mistakes in a command line and `samsyn check` in Swedish by default, in English with
//! `--lang en`, `SAMSYN_LANG=en`, `(lang: "en")` in the settings file or an English
//! locale.

use crate::common;

use common::samsyn;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(home: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = samsyn(home);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn help_is_swedish_by_default_and_english_when_asked() {
    let home = tempfile::tempdir().unwrap();
    let sv = run(home.path(), &[], &["--help"]);
    assert_eq!(sv.code, 0, "{}", sv.stderr);
    for words in [
        "Led ett Samba- eller SIP-möte",
        "Användning: samsyn [FLAGGOR] [KOMMANDO]",
        "Kommandon:",
        "Flaggor:",
        "Visa hjälpen (en sammanfattning med «-h»)",
        "Slutkoder: 0 klart",
        "[värden: sv, en; miljövariabel: SAMSYN_LANG]",
    ] {
        assert!(sv.stdout.contains(words), "no {words:?} in\n{}", sv.stdout);
    }
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Print",
        "possible values",
        "env:",
    ] {
        assert!(
            !sv.stdout.contains(english),
            "{english:?} in\n{}",
            sv.stdout
        );
    }
    let en = run(home.path(), &[], &["--lang", "en", "--help"]);
    for words in [
        "Run a Samba or SIP meeting",
        "Usage: samsyn [OPTIONS] [COMMAND]",
        "Commands:",
        "Options:",
        "Print help (see a summary with '-h')",
        "Exit codes: 0 ok",
    ] {
        assert!(en.stdout.contains(words), "no {words:?} in\n{}", en.stdout);
    }
    assert!(!en.stdout.contains("Användning"), "{}", en.stdout);
}

#[test]
fn a_subcommands_help_names_its_arguments_in_the_language() {
    let home = tempfile::tempdir().unwrap();
    let sv = run(home.path(), &[], &["export", "-h"]).stdout;
    assert!(
        sv.contains("Användning: samsyn export [FLAGGOR] --format <FORMAT> <MÖTE>"),
        "{sv}"
    );
    assert!(sv.contains("Argument:\n  <MÖTE>  Mötesfilen"), "{sv}");
    assert!(
        sv.contains("--pseudonymize     Ersätt barnets och familjens namn med initialer\n"),
        "{sv}"
    );
    assert!(
        sv.contains("Formatet [värden: md, html, docx, ics, json]"),
        "{sv}"
    );
    let sv = run(home.path(), &[], &["help", "followups"]).stdout;
    assert!(sv.contains("[värden: text, json; förval: text]"), "{sv}");
    assert!(sv.contains("--until <ÅÅÅÅ-MM-DD>"), "{sv}");
    let en = run(home.path(), &[], &["--lang", "en", "export", "-h"]).stdout;
    assert!(
        en.contains("Usage: samsyn export [OPTIONS] --format <FORMAT> <MEETING>"),
        "{en}"
    );
    assert!(en.contains("Replace the child's and the family's names with initials"));
}

#[test]
fn the_language_comes_from_the_environment_the_settings_or_the_locale() {
    let home = tempfile::tempdir().unwrap();
    let english = |r: Run| r.stdout.contains("Usage:") && !r.stdout.contains("Användning");
    assert!(english(run(home.path(), &[("SAMSYN_LANG", "en")], &["-h"])));
    assert!(english(run(
        home.path(),
        &[("LANG", "en_GB.UTF-8")],
        &["-h"]
    )));
    // The command line wins over the environment.
    let sv = run(
        home.path(),
        &[("SAMSYN_LANG", "en")],
        &["--lang", "sv", "-h"],
    );
    assert!(sv.stdout.contains("Användning:"), "{}", sv.stdout);
    let settings = home.path().join("samsyn");
    std::fs::create_dir_all(&settings).unwrap();
    std::fs::write(settings.join("config.ron"), "(lang: \"en\")").unwrap();
    assert!(english(run(home.path(), &[], &["-h"])));
}

#[test]
fn mistakes_in_the_command_line_are_said_in_the_language_with_the_commands_usage() {
    let home = tempfile::tempdir().unwrap();
    let r = run(home.path(), &[], &["exprt", "m.ron"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "fel: okänt kommando «exprt»; menade du «export»?\n\n\
         Användning: samsyn [FLAGGOR] [KOMMANDO]\n\n\
         Mer hjälp: «samsyn --help».\n"
    );
    let r = run(home.path(), &[], &["export", "m.ron", "--format", "pdf"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with(
            "fel: «pdf» är inget giltigt värde för «--format <FORMAT>» \
             (möjliga värden: md, html, docx, ics, json)\n\n\
             Användning: samsyn export [FLAGGOR] --format <FORMAT> <MÖTE>\n"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.ends_with("Mer hjälp: «samsyn export --help».\n"));
    let r = run(home.path(), &[], &["export"]);
    assert!(
        r.stderr
            .starts_with("fel: det här måste anges men saknas: --format <FORMAT>, <MÖTE>\n"),
        "{}",
        r.stderr
    );
    let r = run(home.path(), &[], &["check", "--langg", "en"]);
    assert!(
        r.stderr
            .starts_with("fel: okänt argument «--langg»; menade du «--lang»?"),
        "{}",
        r.stderr
    );
    let r = run(home.path(), &[], &["followup", "m.ron", "--date", "13/13"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("fel: «13/13» är inget giltigt värde för «--date <ÅÅÅÅ-MM-DD>»"),
        "{}",
        r.stderr
    );
    // In English.
    let r = run(
        home.path(),
        &[],
        &["--lang", "en", "export", "m.ron", "--format", "pdf"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with(
            "error: invalid value 'pdf' for '--format <FORMAT>' \
             (possible values: md, html, docx, ics, json)\n\n\
             Usage: samsyn export [OPTIONS] --format <FORMAT> <MEETING>\n"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .ends_with("For more information, try 'samsyn export --help'.\n")
    );
}

#[test]
fn check_speaks_the_language() {
    let home = tempfile::tempdir().unwrap();
    let sv = run(home.path(), &[], &["check", "examples/incomplete.ron"]);
    assert_eq!(sv.code, 65);
    let last = sv.stdout.lines().last().unwrap();
    assert!(
        last.starts_with("examples/incomplete.ron: kan inte justeras; "),
        "{last}"
    );
    assert!(
        last.contains(" hinder, ") && last.ends_with(" varningar"),
        "{last}"
    );
    assert!(sv.stdout.contains(": hindrar ["), "{}", sv.stdout);
    let en = run(
        home.path(),
        &[],
        &["--lang", "en", "check", "examples/incomplete.ron"],
    );
    let last = en.stdout.lines().last().unwrap();
    assert!(
        last.starts_with("examples/incomplete.ron: cannot be finalized; "),
        "{last}"
    );
    assert!(en.stdout.contains(": blocks ["), "{}", en.stdout);
    // A meeting whose agenda is unknown.
    let path = home.path().join("okand.ron");
    std::fs::write(
        &path,
        "(format: 2, id: \"x\", agenda: (id: \"finns-inte\", version: 1), title: \"t\", \
         date: \"2026-01-01\", subject: (name: \"A\", initials: \"A\"))",
    )
    .unwrap();
    let sv = run(home.path(), &[], &["check", path.to_str().unwrap()]);
    assert!(
        sv.stderr
            .contains("okänd agenda \"finns-inte\"; ange agendans fil på samma kommandorad"),
        "{}",
        sv.stderr
    );
    let en = run(
        home.path(),
        &[],
        &["--lang", "en", "check", path.to_str().unwrap()],
    );
    assert!(
        en.stderr.contains("unknown agenda \"finns-inte\""),
        "{}",
        en.stderr
    );
}
