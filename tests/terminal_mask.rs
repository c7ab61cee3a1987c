//! The privacy mask is remembered (issue 11, item 11), seen in a real terminal: left on
//! when samsyn was quit, `samsyn open` shows the meeting masked from its first screen,
//! before anyone could press `i`.

mod common;
use common::pty as support;

use common::{FAMILY_NAMES, sip_meeting};
use support::Session;

#[test]
fn samsyn_open_shows_no_family_name_when_the_mask_was_left_on() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2026-03-10-sip-bof.ron");
    std::fs::write(&file, samsyn::store::to_ron(&sip_meeting())).unwrap();
    let env = [("HOME", home.path()), ("XDG_CONFIG_HOME", home.path())];
    let open = || Session::spawn(&["open", file.to_str().unwrap()], &env, 100, 30);

    // First run: the names are shown; `i` masks them; quit with the mask on.
    let mut s = open();
    s.wait_for("SIP för Elsa");
    s.send("i");
    s.wait_for("[INITIALER]");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let state = home.path().join("samsyn").join("state.ron");
    assert!(
        state.is_file(),
        "the mask is remembered in {}",
        state.display()
    );

    // Second run: masked from the first screen.
    let mut s = open();
    s.wait_for("[INITIALER]");
    let screen = s.screen();
    for name in FAMILY_NAMES.iter().flat_map(|n| n.split(' ')) {
        assert!(
            !screen.contains(name),
            "{name} on the first screen:\n{screen}"
        );
    }
    assert!(screen.contains("SIP för E. L."), "{screen}");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}
