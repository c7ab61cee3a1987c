//! samsyn: run a Samba or SIP meeting about a child on a shared screen and write the
//! minutes. The library holds the domain and its rules; the binary drives them.

pub mod agenda;
pub mod archive;
pub mod config;
pub mod datetime;
pub mod diag;
pub mod directory;
pub mod export;
pub mod followups;
pub mod fsio;
pub mod i18n;
pub mod meeting;
pub mod rules;
pub mod store;
#[cfg(feature = "tui")]
pub mod tui;

// The TUI names the domain as `samsyn::…`, as any other user of the library would.
extern crate self as samsyn;
