//! libFuzzer target: the checks in tests/fuzz_checks (shared with the stable smoke test).
#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = fuzz_checks::agenda(data);
});
