//! The user's settings file, `~/.config/samsyn/config.ron`: the language and the theme;
//! beside it `state.ron`, what samsyn remembers between runs (the privacy mask).
//! The command line and the environment override it; the locale comes after it.

use crate::diag::{FileError, locate::at_path, read_text};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
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
                crate::i18n::diag::D::NotALanguage.say(&[&format!("{other:?}")]),
            ));
        }
    };
    if let Some(theme) = raw.theme.as_deref()
        && !["default", "high-contrast"].contains(&theme)
    {
        return Err(FileError::invalid(
            path,
            at_path(&src, "theme"),
            crate::i18n::diag::D::NotATheme.say(&[&format!("{theme:?}")]),
        ));
    }
    Ok(Config {
        lang,
        theme: raw.theme,
    })
}

/// What samsyn remembers between runs, beside the settings, in `state.ron` (written by
/// samsyn itself, readable by the owner only): whether the privacy mask was on, so the
/// start screen and a meeting open masked on a projector when it was left on.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub mask: bool,
}

/// `~/.config/samsyn/state.ron` on Linux: the directory of the settings file.
pub fn state_path() -> Option<PathBuf> {
    path().and_then(|p| p.parent().map(|d| d.join("state.ron")))
}

/// The state remembered in `path`; the defaults when there is no file yet.
pub fn load_state(path: &Path) -> Result<State, FileError> {
    if !path.exists() {
        return Ok(State::default());
    }
    let src = read_text(path)?;
    ron::from_str(&src).map_err(|e| FileError::from_ron(path, &e))
}

/// Remember `state` in `path`: owner-only, written atomically (a crash leaves the old
/// file or the new one), the directory created owner-only when missing.
pub fn save_state(path: &Path, state: &State) -> Result<(), FileError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::fsio::create_private_dir(dir)?;
    }
    let text = ron::ser::to_string_pretty(state, ron::ser::PrettyConfig::default())
        .expect("the state always serializes");
    crate::fsio::write_private(path, format!("{text}\n").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_is_remembered_owner_only_and_missing_is_the_default() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("samsyn").join("state.ron");
        assert_eq!(load_state(&path).unwrap(), State::default());
        save_state(&path, &State { mask: true }).unwrap();
        assert_eq!(load_state(&path).unwrap(), State { mask: true });
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
        save_state(&path, &State { mask: false }).unwrap();
        assert_eq!(load_state(&path).unwrap(), State { mask: false });
        // A field from a newer samsyn is no reason to forget the mask.
        std::fs::write(&path, "(mask: true, later: 3)").unwrap();
        assert_eq!(load_state(&path).unwrap(), State { mask: true });
        std::fs::write(&path, "(mask: 3)").unwrap();
        assert!(load_state(&path).is_err());
    }
}
