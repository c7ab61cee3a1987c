//! Swedish and English: the language choice, the screen's words (`screen`) and the
//! minutes' words (`minutes`).
//! Swedish is the default; English comes from `--lang en` or the system locale.

pub mod cli;
pub mod invite;
pub mod minutes;
pub mod rules;
pub mod screen;
pub mod terms;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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
