//! The fuzz smoke run that CI can afford on stable Rust: random bytes and mutations of
//! the shipped agendas, the examples and the broken and strange files (tests/invalid, tests/unicode), thrown at the agenda loader,
//! the meeting loader and the date/time parser (5,000, 10,000 and 20,000 cases;
//! `SAMSYN_FUZZ_CASES` sets the number for each, `SAMSYN_FUZZ_SEED` varies the run).
//! The checks are the ones the libFuzzer targets in fuzz/ run for hours (see the README).
//! An input that fails is saved under the test's target temp dir and becomes a file in
//! tests/invalid.

use crate::fuzz_checks;

use std::path::{Path, PathBuf};

/// xorshift64*: small, deterministic, good enough to choose mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Pieces that make parsers take unusual paths.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "\\",
    "'",
    "Some(",
    "None",
    "r#\"",
    "\"#",
    "/*",
    "*/",
    "//",
    "\n",
    "format: 1,",
    "format: 4294967296,",
    "99999999999999999999",
    "-1",
    "1e999",
    "0x",
    "true",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "e\u{301}",
    "👨‍👩‍👧",
    "AtTable(by: \"p1\")",
    "Awaiting(",
    "\"2026-02-30\"",
    "\"2026-12-03\"",
    "\"25:61:00\"",
    "+9999999v",
    "+3v",
    "3/12 14",
    "31/2",
    "imorgon",
    "torsdag",
    "kl.",
    "\u{0}",
];

/// Bytes that end strings, open and close things, or start a UTF-8 sequence.
const SPECIAL: &[u8] = b"\0\xff()[]\",:\\\n\xc3\xe2";

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, donors: &[Vec<u8>]) {
    // Mostly one or two small changes, sometimes many: a valid file with one flaw finds
    // more than noise does.
    let rounds = if rng.below(4) == 0 {
        1 + rng.below(16)
    } else {
        1 + rng.below(2)
    };
    for _ in 0..rounds {
        let len = input.len();
        match rng.below(7) {
            0 if len > 0 => {
                let at = rng.below(len);
                input[at] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let at = rng.below(len);
                input[at] = SPECIAL[rng.below(SPECIAL.len())];
            }
            2 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(32)).min(len);
                input.drain(at..end);
            }
            3 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(64)).min(len);
                let copy = input[at..end].to_vec();
                let to = rng.below(len);
                input.splice(to..to, copy);
            }
            4 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let to = rng.below(len + 1);
                input.splice(to..to, token.iter().copied());
            }
            5 if len > 0 => input.truncate(rng.below(len)),
            _ => {
                let other = &donors[rng.below(donors.len())];
                if !other.is_empty() && len > 0 {
                    let from = rng.below(other.len());
                    let piece = &other[from..(from + 1 + rng.below(256)).min(other.len())];
                    let at = rng.below(len);
                    let end = (at + rng.below(256)).min(len);
                    input.splice(at..end, piece.iter().copied());
                }
            }
        }
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}

fn seeds(dirs: &[&str]) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in dirs {
        files(&root.join(dir), &mut paths);
    }
    paths.sort();
    let seeds: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert!(!seeds.is_empty(), "no seed files in {dirs:?}");
    seeds
}

/// The broken files of tests/invalid whose names start with `prefix`, without their
/// expected messages.
fn invalid(prefix: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(prefix) && !name.ends_with(".expected")
        })
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no tests/invalid/{prefix}* files");
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// `SAMSYN_FUZZ_CASES`, else the loader's default: the date parser is cheap; a mutated
/// 12 KB agenda or meeting costs a few milliseconds in a debug build, so CI runs fewer.
fn cases(default: usize) -> usize {
    std::env::var("SAMSYN_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn seed(salt: u64) -> u64 {
    std::env::var("SAMSYN_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5a3c_9e1f_00b2_d4e7)
        ^ salt
        | 1
}

/// Run `check` on `cases(default_cases)` inputs: a tenth random bytes, the rest mutations
/// of `valid` (with pieces spliced in from `valid` and `broken`).
fn run(
    name: &str,
    valid: &[Vec<u8>],
    broken: &[Vec<u8>],
    salt: u64,
    default_cases: usize,
    check: fn(&[u8]) -> bool,
) {
    let cases = cases(default_cases);
    let donors: Vec<Vec<u8>> = valid.iter().chain(broken).cloned().collect();
    let seed = seed(salt);
    let mut rng = Rng(seed);
    let mut accepted = 0;
    for case in 0..cases {
        let input = if rng.below(10) == 0 {
            (0..rng.below(512)).map(|_| rng.next() as u8).collect()
        } else {
            let mut input = valid[rng.below(valid.len())].clone();
            mutate(&mut rng, &mut input, &donors);
            input
        };
        let result = std::panic::catch_unwind(|| check(&input));
        if let Ok(ok) = result {
            accepted += usize::from(ok);
        } else {
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-smoke");
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join(format!("crash-{name}-{seed}-{case}.bin"));
            std::fs::write(&file, &input).unwrap();
            panic!(
                "{name}: case {case} of seed {seed} panicked; input saved to {}",
                file.display()
            );
        }
    }
    // Mutations that never produce a valid file would only test the error paths.
    assert!(
        accepted * 100 >= cases,
        "{name}: only {accepted} of {cases} inputs were accepted; the mutations are too rough"
    );
}

#[test]
fn agenda_loader_survives_mutated_agendas() {
    run(
        "agenda",
        &seeds(&["agendas"]),
        &invalid("agenda-"),
        1,
        5_000,
        fuzz_checks::agenda,
    );
}

#[test]
fn meeting_loader_survives_mutated_meetings() {
    run(
        "meeting",
        &seeds(&["examples", "tests/unicode"]),
        &invalid("meeting-"),
        2,
        10_000,
        fuzz_checks::meeting,
    );
}

#[test]
fn datetime_parser_survives_mutated_input() {
    let typed = [
        "2026-12-03 14:00",
        "2026-12-03",
        "3/12 14",
        "3/12 14:30",
        "3/12",
        "14:00",
        "14.00",
        "+3v",
        "+3w",
        "+10d",
        "+6 veckor",
        "idag",
        "today",
        "imorgon",
        "i morgon",
        "tomorrow",
        "torsdag",
        "Friday",
        "3 dec 2027 9.15",
        "29/2",
    ];
    let seeds: Vec<Vec<u8>> = typed
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut v = (i as u16 * 397).to_le_bytes().to_vec();
            v.extend_from_slice(t.as_bytes());
            v
        })
        .collect();
    run("datetime", &seeds, &[], 3, 20_000, fuzz_checks::datetime);
}
