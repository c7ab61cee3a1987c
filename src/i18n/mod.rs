//! Swedish and English: the language choice, the screen's words (`screen`) and the
//! minutes' words (`minutes`), the file errors (`diag`) and the store's messages (`store`).
//! Swedish is the default; English comes from `--lang en` or the system locale.

pub mod cli;
pub mod dates;
pub mod diag;
pub mod invite;
pub mod minutes;
pub mod rules;
pub mod screen;
pub mod store;
pub mod terms;

use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU8, Ordering};

/// The language of the messages made deep inside the loaders and the store (a file's
/// `path:line:column: what is wrong`, a lock held, a save refused). They are made where
/// the problem is found, far from any screen or command, and shown by the screen, by
/// `check` and by every other command alike; so the language is chosen once, by `main`,
/// from the same setting as `--help` and `check`, rather than handed down through every
/// loader. Until it is set the messages are English, so a library caller and the tests
/// get the same text every time.
static MESSAGES: AtomicU8 = AtomicU8::new(1);

/// Set the language of the messages (`main`, once the language is known).
pub fn set_messages(lang: Lang) {
    MESSAGES.store(
        match lang {
            Lang::Sv => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language of the messages: English until `set_messages` is called.
pub fn messages() -> Lang {
    match MESSAGES.load(Ordering::Relaxed) {
        0 => Lang::Sv,
        _ => Lang::En,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    /// From the locale variables (LC_ALL, LC_MESSAGES, LANG): English only when the
    /// locale says English; everything else falls back to Swedish.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .map_or(Lang::Sv, |v| Lang::from_locale(&v))
    }

    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Sv
        }
    }

    /// Pick the Swedish or the English string.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}
