//! A meeting started from an agenda file named by path can be reopened, checked and
//! exported later: the agenda is installed among the user's agendas.

use samsyn::i18n::Lang;
use samsyn::tui::theme::ThemeName;
use samsyn::tui::{Begin, Options, prepare};

#[test]
fn an_agenda_given_by_path_is_installed_and_found_again() {
    let root = tempfile::tempdir().unwrap();
    let config = root.path().join("config");
    // This test binary has a single test, so setting the environment is safe here.
    unsafe { std::env::set_var("XDG_CONFIG_HOME", &config) };
    let own = root.path().join("mitt-mote.ron");
    let src = std::fs::read_to_string("agendas/samba.ron")
        .unwrap()
        .replace("id: \"samba\"", "id: \"mitt-mote\"");
    std::fs::write(&own, src).unwrap();

    let opts = Options {
        lang: Lang::En,
        theme: ThemeName::Default,
        dir: Some(root.path().join("arkiv")),
        begin: Begin::New {
            agenda: own.to_string_lossy().into_owned(),
            title: None,
        },
    };
    let app = prepare(&opts, chrono::Local::now().naive_local()).unwrap();
    let installed = config.join("samsyn/agendas/mitt-mote.ron");
    assert!(
        installed.is_file(),
        "the agenda is installed in the user's agendas"
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("mitt-mote.ron"))
    );
    assert!(samsyn::agenda::Catalogue::load().get("mitt-mote").is_some());

    // The same file again is recognised, not installed twice or refused.
    prepare(&opts, chrono::Local::now().naive_local()).unwrap();

    // A different agenda under a taken id is refused with the field named.
    let clash = root.path().join("clash.ron");
    let changed = std::fs::read_to_string(&own)
        .unwrap()
        .replace("minutes: 10", "minutes: 11");
    std::fs::write(&clash, changed).unwrap();
    let opts = Options {
        begin: Begin::New {
            agenda: clash.to_string_lossy().into_owned(),
            title: None,
        },
        ..opts
    };
    let err = prepare(&opts, chrono::Local::now().naive_local())
        .err()
        .unwrap();
    assert!(
        err.contains("another agenda already has the id \"mitt-mote\""),
        "{err}"
    );
}
