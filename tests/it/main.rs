//! The integration tests that need no process of their own, in one binary: built and
//! linked once, which is most of what an integration test costs in CI. Those that drive
//! the program in a pseudo-terminal (crash, terminal, …) and the one that changes its own
//! environment (agenda_by_path) keep their own binaries in `tests/`.
//!
//! Run one file's tests with `cargo test --test it <file>::`, e.g. `files::`.

#[path = "../common/mod.rs"]
mod common;
#[path = "../fuzz_checks/mod.rs"]
mod fuzz_checks;

mod agenda_shadow;
mod agendas;
mod archive_index;
mod cli_lang;
mod cli_manual;
mod config;
mod docx_render;
mod export;
mod export_cli;
mod export_docx;
mod export_evaluation;
mod export_golden;
mod export_html_lang;
mod export_ics;
mod files;
mod followup;
mod fuzz_smoke;
mod hostile;
mod invite;
mod json_schema;
mod migration;
mod permissions;
mod pseudonym_props;
mod rules;
mod rules_records;
mod tamper;
mod tui_drafts;
mod tui_forms;
mod tui_invite;
mod tui_lock;
mod tui_mask;
mod tui_memo;
mod tui_save;
mod tui_screen;
mod tui_snapshots;
mod tui_table;
mod tui_unicode;
mod tui_update;
