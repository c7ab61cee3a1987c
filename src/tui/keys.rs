//! The keys that trigger commands: the defaults each command declares (`command.rs`),
//! patched by the user's `keys.ron` in the config directory.

pub use super::command::{Cmd, Key};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

impl Key {
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        // Shift is part of the character for letters ('F'); ignore it for them.
        let mods = if matches!(ev.code, KeyCode::Char(_)) {
            ev.modifiers - KeyModifiers::SHIFT
        } else {
            ev.modifiers
        };
        let want = if matches!(self.code, KeyCode::Char(_)) {
            self.mods - KeyModifiers::SHIFT
        } else {
            self.mods
        };
        ev.code == self.code && mods == want
    }

    /// "a", "Enter", "Ctrl+S", "←".
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift+Tab".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl+{}", base.to_uppercase())
        } else if self.mods.contains(KeyModifiers::ALT) {
            format!("Alt+{base}")
        } else {
            base
        }
    }

    /// Parse a key as written in keys.ron: "a", "F", "Enter", "Ctrl+s", "F5", "Left".
    pub fn parse(s: &str) -> Option<Key> {
        let (mods, rest) = if let Some(r) = s.strip_prefix("Ctrl+") {
            (KeyModifiers::CONTROL, r)
        } else if let Some(r) = s.strip_prefix("Alt+") {
            (KeyModifiers::ALT, r)
        } else {
            (KeyModifiers::NONE, s)
        };
        let code = match rest {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "Space" => KeyCode::Char(' '),
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Delete" => KeyCode::Delete,
            f if f.len() > 1 && f.starts_with('F') => KeyCode::F(f[1..].parse().ok()?),
            c => {
                let mut chars = c.chars();
                let ch = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
                    ch.to_ascii_lowercase()
                } else {
                    ch
                })
            }
        };
        Some(Key { code, mods })
    }
}

/// Which keys trigger which command.
#[derive(Debug, Clone, Hash)]
pub struct KeyMap {
    map: BTreeMap<Cmd, Vec<Key>>,
}

impl Default for KeyMap {
    /// The keys each command declares (`command.rs`).
    fn default() -> KeyMap {
        let map = Cmd::ALL
            .iter()
            .map(|c| (*c, c.spec().keys.to_vec()))
            .collect();
        KeyMap { map }
    }
}

impl KeyMap {
    pub fn keys(&self, cmd: Cmd) -> &[Key] {
        self.map.get(&cmd).map_or(&[], Vec::as_slice)
    }

    /// The first key, as shown in the footer.
    pub fn label(&self, cmd: Cmd) -> String {
        if let Some(label) = cmd.spec().label {
            return label.into();
        }
        self.keys(cmd).first().map_or_else(String::new, Key::label)
    }

    /// All keys of a command, for the help overlay.
    pub fn labels(&self, cmd: Cmd) -> String {
        if let Some(label) = cmd.spec().label
            && self.keys(cmd).is_empty()
        {
            return label.into();
        }
        self.keys(cmd)
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// The first of `cmds` that `ev` triggers.
    pub fn find(&self, ev: &KeyEvent, cmds: &[Cmd]) -> Option<Cmd> {
        cmds.iter()
            .copied()
            .find(|c| self.keys(*c).iter().any(|k| k.matches(ev)))
    }

    /// Apply overrides from RON text: `{ Add: "n", Finalize: "J" }`.
    pub fn apply_overrides(&mut self, src: &str) -> Result<(), String> {
        let overrides: BTreeMap<Cmd, String> = ron::from_str(src).map_err(|e| e.to_string())?;
        for (cmd, key) in overrides {
            if cmd.spec().fixed {
                return Err(format!("{cmd:?}: this key cannot be changed"));
            }
            let key = Key::parse(&key).ok_or_else(|| format!("{cmd:?}: unknown key {key:?}"))?;
            self.map.insert(cmd, vec![key]);
        }
        Ok(())
    }

    /// `~/.config/samsyn/keys.ron`.
    pub fn config_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "samsyn").map(|d| d.config_dir().join("keys.ron"))
    }

    /// The defaults patched by the user's file; a bad file is reported, not fatal.
    pub fn load(path: Option<&Path>) -> (KeyMap, Option<String>) {
        let mut map = KeyMap::default();
        let Some(path) = path else {
            return (map, None);
        };
        let Ok(src) = std::fs::read_to_string(path) else {
            return (map, None);
        };
        match map.apply_overrides(&src) {
            Ok(()) => (map, None),
            Err(e) => (KeyMap::default(), Some(format!("{}: {e}", path.display()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_replaces_one_key_and_keeps_the_rest() {
        let mut map = KeyMap::default();
        map.apply_overrides(r#"{ Add: "n", Finalize: "Ctrl+j" }"#)
            .unwrap();
        assert_eq!(map.label(Cmd::Add), "n");
        assert_eq!(map.label(Cmd::Finalize), "Ctrl+J");
        assert_eq!(map.label(Cmd::Delete), "d");
    }

    #[test]
    fn fixed_and_unknown_keys_are_refused() {
        let mut map = KeyMap::default();
        assert!(map.apply_overrides(r#"{ Save: "x" }"#).is_err());
        assert!(map.apply_overrides(r#"{ Add: "nope" }"#).is_err());
        assert!(map.apply_overrides(r#"{ Nonsense: "x" }"#).is_err());
    }
}
