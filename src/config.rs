//! The user's settings file, `~/.config/samsyn/config.ron`: the language and the theme.
//! The command line and the environment override it; the locale comes after it.

use crate::diag::{FileError, locate::at_path, read_text};
use crate::i18n::Lang;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// What the settings file says. Both are optional: `(lang: "en", theme: "high-contrast")`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    /// `default` or `high-contrast`.
    pub theme: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    theme: Option<String>,
}

/// `~/.config/samsyn/config.ron` on Linux.
pub fn path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "samsyn").map(|d| d.config_dir().join("config.ron"))
}

/// The settings, or the defaults when there is no file.
pub fn load() -> Result<Config, FileError> {
    match path() {
        Some(p) if p.exists() => load_file(&p),
        _ => Ok(Config::default()),
    }
}

pub fn load_file(path: &Path) -> Result<Config, FileError> {
    let src = read_text(path)?;
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let raw: Raw = options
        .from_str(&src)
        .map_err(|e| FileError::from_ron(path, &e))?;
    let lang = match raw.lang.as_deref() {
        None => None,
        Some("sv") => Some(Lang::Sv),
        Some("en") => Some(Lang::En),
        Some(other) => {
            return Err(FileError::invalid(
                path,
                at_path(&src, "lang"),
                format!("lang: {other:?} is not a language samsyn speaks; write \"sv\" or \"en\""),
            ));
        }
    };
    if let Some(theme) = raw.theme.as_deref()
        && !["default", "high-contrast"].contains(&theme)
    {
        return Err(FileError::invalid(
            path,
            at_path(&src, "theme"),
            format!("theme: {theme:?} is not a theme; write \"default\" or \"high-contrast\""),
        ));
    }
    Ok(Config {
        lang,
        theme: raw.theme,
    })
}
