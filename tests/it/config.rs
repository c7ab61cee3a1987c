//! The settings file `~/.config/samsyn/config.ron`: the language and theme a user wants
//! every time, overridden by the command line.

use crate::common;

use common::samsyn;

use std::path::Path;

fn write_config(home: &Path, text: &str) {
    std::fs::create_dir_all(home.join("samsyn")).unwrap();
    std::fs::write(home.join("samsyn/config.ron"), text).unwrap();
}

#[test]
fn the_settings_file_chooses_the_language_and_the_flag_wins() {
    let home = tempfile::tempdir().unwrap();
    samsyn(home.path())
        .arg("agendas")
        .assert()
        .success()
        .stdout(predicates::str::contains("inbyggd"));
    write_config(home.path(), "(lang: \"en\", theme: \"high-contrast\")\n");
    samsyn(home.path())
        .arg("agendas")
        .assert()
        .success()
        .stdout(predicates::str::contains("built-in"));
    samsyn(home.path())
        .args(["--lang", "sv", "agendas"])
        .assert()
        .success()
        .stdout(predicates::str::contains("inbyggd"));
}

#[test]
fn a_broken_settings_file_is_named_with_line_and_column() {
    let home = tempfile::tempdir().unwrap();
    write_config(home.path(), "(\n  lang: \"fi\",\n)\n");
    let file = home.path().join("samsyn/config.ron");
    samsyn(home.path())
        .args(["--lang", "en", "agendas"])
        .assert()
        .code(65)
        .stderr(format!(
            "samsyn: {}:2:3: lang: \"fi\" is not a language samsyn speaks; write \"sv\" or \"en\"\n",
            file.display()
        ));
    // With no language given the locale's (Swedish here) says it.
    samsyn(home.path())
        .arg("agendas")
        .assert()
        .code(65)
        .stderr(format!(
            "samsyn: {}:2:3: lang: \"fi\" är inget språk samsyn talar; skriv \"sv\" eller \"en\"\n",
            file.display()
        ));
    write_config(home.path(), "(theme: \"pink\")\n");
    samsyn(home.path())
        .args(["--lang", "en", "agendas"])
        .assert()
        .code(65)
        .stderr(predicates::str::contains("theme: \"pink\" is not a theme"));
    write_config(home.path(), "(langauge: \"en\")\n");
    samsyn(home.path())
        .arg("agendas")
        .assert()
        .code(65)
        .stderr(predicates::str::contains("config.ron:1:"));
}
