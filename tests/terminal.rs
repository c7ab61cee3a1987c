//! The binary in a real pseudo-terminal: what a person sees.

mod common;
use common::pty as support;

use support::Session;

#[test]
fn agendas_are_listed_in_a_terminal() {
    let config = tempfile::tempdir().unwrap();
    let mut s = Session::spawn(&["agendas"], &[("XDG_CONFIG_HOME", config.path())], 80, 24);
    s.wait_for("sip-uppfoljning");
    let screen = s.screen();
    assert!(screen.contains("samba"), "{screen}");
    assert_eq!(s.wait_exit(), 0);
}
