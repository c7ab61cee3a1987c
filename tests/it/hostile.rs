//! Hostile and strange input through the real binary: enormous files and things that are
//! not files are refused (no panic, no hang); the meetings in tests/unicode load, pass
//! and round-trip with every character intact. The malformed files, each with the exact
//! error it must give, are in tests/invalid (tests/files.rs).

use crate::common;
use crate::common::fixtures;

use samsyn::store;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A hang guard, not a speed measurement: generous, and only fails a test that would
/// otherwise never end.
const HANG_GUARD: Duration = Duration::from_secs(60);

fn in_tests(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(rel)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn check(args: &[&Path]) -> Run {
    let out = common::samsyn_bare()
        .args(["--lang", "en", "check"])
        .args(args)
        .timeout(HANG_GUARD)
        .output()
        .unwrap();
    let run = Run {
        code: out
            .status
            .code()
            .expect("samsyn ended without an exit code (killed?)"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "{args:?} panicked:\n{}",
        run.stderr
    );
    run
}

fn files_in(sub: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(in_tests(sub))
        .unwrap()
        .map(|e| format!("{sub}/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    names.sort();
    names
}

#[test]
fn a_50_megabyte_file_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enormous.ron");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        f.write_all(b"(\n  format: 1,\n  title: \"").unwrap();
        let chunk = [b'a'; 1 << 20];
        for _ in 0..50 {
            f.write_all(&chunk).unwrap();
        }
        f.write_all(b"\",\n)\n").unwrap();
    }
    assert!(std::fs::metadata(&path).unwrap().len() > 50 * 1024 * 1024);
    let run = check(&[&path]);
    assert_eq!(run.code, 65);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "{}:1:1: file is larger than 8 MB; this is not a samsyn file",
            path.display()
        )
    );
}

#[test]
fn a_large_but_real_meeting_loads() {
    // 6 MB of notes: big, under the limit, and valid; it must load and pass.
    let dir = tempfile::tempdir().unwrap();
    let agenda = fixtures::write_agenda(dir.path());
    let mut m = fixtures::meeting();
    m.phase_mut("roller").notes = "Elsa berättar om skolan. ".repeat(6 * 1024 * 1024 / 25);
    let path = dir.path().join("stor.ron");
    store::save(&path, &m).unwrap();
    let run = check(&[&agenda, &path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("ready to finalize"), "{}", run.stdout);
    assert_eq!(store::load(&path).unwrap(), m);
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let run = check(&[dir.path()]);
    assert_eq!(run.code, 66);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "{}: cannot read: is a folder, not a file",
            dir.path().display()
        )
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let run = check(&[&fifo]);
    assert_eq!(run.code, 66);
    assert_eq!(
        run.stderr.trim_end(),
        format!("{}: cannot read: not a regular file", fifo.display())
    );
}

/// The names in each Unicode meeting exactly as written, in escapes so that no editor
/// or normalization can change what the test expects: child, guardian, first action.
const UNICODE: &[(&str, &str, &str, &str)] = &[
    (
        "unicode/swedish.ron",
        "\u{c5}sa \u{d6}berg-\u{c4}rlig",
        "Bj\u{f6}rn \u{c5}gren",
        "L\u{e4}xhj\u{e4}lp p\u{e5} fredagar, spr\u{e5}kval: engelska",
    ),
    (
        "unicode/combining-accents.ron",
        "Zoe\u{308} A\u{30a}ngstro\u{308}m",
        "Jose\u{301} Nun\u{303}ez",
        "St\u{f6}d i ma\u{30a}tematik",
    ),
    (
        "unicode/right-to-left.ron",
        "\u{645}\u{631}\u{64a}\u{645} \u{627}\u{644}\u{62d}\u{633}\u{646}",
        "\u{5e9}\u{5e8}\u{5d4} \u{5db}\u{5d4}\u{5df}",
        "Tolk p\u{e5} arabiska (\u{639}\u{631}\u{628}\u{64a}) vid varje m\u{f6}te",
    ),
    (
        "unicode/bidi-override.ron",
        "Elsa \u{202e}DNIL\u{202c}",
        "Maria \u{2067}Lind\u{2069}",
        "Anpassning \u{202e}gnp.exe",
    ),
    (
        "unicode/emoji.ron",
        "Elsa \u{1f467}\u{1f3fd}",
        "Familjen \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}",
        "L\u{e4}xhj\u{e4}lp \u{1f4da} varje vecka \u{1f5d3}\u{fe0f}",
    ),
    (
        "unicode/zero-width.ron",
        "El\u{200b}sa\u{200d} Li\u{200c}nd\u{feff}",
        "Ma\u{ad}ria Lind",
        "St\u{f6}d\u{2060}samtal",
    ),
    (
        "unicode/crlf-line-endings.ron",
        "Elsa Lind",
        "Maria Lind",
        "Anpassad studieg\u{e5}ng",
    ),
    (
        "unicode/byte-order-mark.ron",
        "Elsa Lind",
        "Maria Lind",
        "Anpassad studieg\u{e5}ng",
    ),
];

#[test]
fn every_unicode_file_is_listed() {
    let mut listed: Vec<String> = UNICODE.iter().map(|(f, ..)| f.to_string()).collect();
    listed.sort();
    assert_eq!(files_in("unicode"), listed);
}

#[test]
fn unicode_meetings_pass_check() {
    let dir = tempfile::tempdir().unwrap();
    let agenda = fixtures::write_agenda(dir.path());
    for (file, ..) in UNICODE {
        let path = in_tests(file);
        let run = check(&[&agenda, &path]);
        assert_eq!(run.code, 0, "{file}\n{}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.contains("ready to finalize"),
            "{file}\n{}",
            run.stdout
        );
    }
}

#[test]
fn unicode_names_load_and_round_trip_intact() {
    let dir = tempfile::tempdir().unwrap();
    for (file, child, guardian, action) in UNICODE {
        let m = store::load(&in_tests(file)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(m.subject.name, *child, "{file}: child");
        assert_eq!(m.participants[2].name, *guardian, "{file}: guardian");
        assert_eq!(m.actions[0].what, *action, "{file}: action");

        let copy = dir.path().join("copy.ron");
        store::save(&copy, &m).unwrap();
        let again = store::load(&copy).unwrap();
        assert_eq!(again, m, "{file}: save and load changed the meeting");
        // Letters are written as themselves; RON escapes invisible, combining and
        // direction-changing characters (\u{202e}), which keeps the file unambiguous in
        // a text editor, and reads them back as the same characters (checked above).
        let saved = std::fs::read_to_string(&copy).unwrap();
        if ["unicode/swedish.ron", "unicode/right-to-left.ron"].contains(file) {
            for name in [child, guardian, action] {
                assert!(saved.contains(name), "{file}: {name:?} not written as text");
            }
        }
    }
}
