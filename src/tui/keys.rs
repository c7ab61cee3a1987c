//! Commands and the keys that trigger them. Each view lists its commands once; that list
//! feeds the footer, the `?` overlay and the key lookup, so they never disagree.
//! Users may override single keys in `keys.ron` in the config directory.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Everything a user can ask for with one key outside a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Cmd {
    Quit,
    Help,
    Problems,
    Privacy,
    Prompts,
    NextPhase,
    PrevPhase,
    Up,
    Down,
    Add,
    Edit,
    Delete,
    Details,
    AddNeed,
    AddDisagreement,
    ClosePlan,
    Finalize,
    Amend,
    Open,
    /// 1–9: mark a participant as heard in the speaking round (fixed keys).
    Heard,
    /// Mark the selected participant as heard (any number of participants).
    HeardSelected,
    // In forms and overlays (fixed keys).
    Save,
    Cancel,
    NextField,
    PrevField,
    Choose,
    Confirm,
    Jump,
    Close,
}

/// One key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

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
#[derive(Debug, Clone)]
pub struct KeyMap {
    map: BTreeMap<Cmd, Vec<Key>>,
}

impl Default for KeyMap {
    fn default() -> KeyMap {
        use KeyCode::*;
        let p = Key::plain;
        let c = Key::ch;
        let ctrl = |ch| Key {
            code: Char(ch),
            mods: KeyModifiers::CONTROL,
        };
        let map = BTreeMap::from([
            (Cmd::Quit, vec![c('q')]),
            (Cmd::Help, vec![c('?'), p(F(1))]),
            (Cmd::Problems, vec![c('p')]),
            (Cmd::Privacy, vec![c('i')]),
            (Cmd::Prompts, vec![c('g')]),
            (Cmd::NextPhase, vec![p(Right), p(PageDown)]),
            (Cmd::PrevPhase, vec![p(Left), p(PageUp)]),
            (Cmd::Up, vec![p(Up), c('k')]),
            (Cmd::Down, vec![p(Down), c('j')]),
            (Cmd::Add, vec![c('a')]),
            (Cmd::Edit, vec![p(Enter), c('e')]),
            (Cmd::Delete, vec![c('d'), p(Delete)]),
            (Cmd::Details, vec![c('m')]),
            (Cmd::AddNeed, vec![c('b')]),
            (Cmd::AddDisagreement, vec![c('o')]),
            (Cmd::ClosePlan, vec![c('c')]),
            (Cmd::Finalize, vec![c('F')]),
            (Cmd::Amend, vec![c('A')]),
            (Cmd::Open, vec![p(Enter)]),
            (Cmd::Heard, vec![]),
            (Cmd::HeardSelected, vec![c('h')]),
            (Cmd::Save, vec![ctrl('s'), p(F(10))]),
            (Cmd::Cancel, vec![p(Esc)]),
            (Cmd::NextField, vec![p(Tab), p(Down)]),
            (Cmd::PrevField, vec![p(BackTab), p(Up)]),
            (Cmd::Choose, vec![p(Left), p(Right), c(' ')]),
            (Cmd::Confirm, vec![p(Enter)]),
            (Cmd::Jump, vec![p(Enter)]),
            (Cmd::Close, vec![p(Esc), c('q')]),
        ]);
        KeyMap { map }
    }
}

/// Commands whose keys a user may not change: text editing and the fixed digits.
const FIXED: [Cmd; 9] = [
    Cmd::Heard,
    Cmd::Save,
    Cmd::Cancel,
    Cmd::NextField,
    Cmd::PrevField,
    Cmd::Choose,
    Cmd::Confirm,
    Cmd::Jump,
    Cmd::Close,
];

impl KeyMap {
    pub fn keys(&self, cmd: Cmd) -> &[Key] {
        self.map.get(&cmd).map_or(&[], Vec::as_slice)
    }

    /// The first key, as shown in the footer.
    pub fn label(&self, cmd: Cmd) -> String {
        match cmd {
            Cmd::Heard => return "1–9".into(),
            Cmd::Choose => return "←→".into(),
            _ => {}
        }
        self.keys(cmd).first().map_or_else(String::new, Key::label)
    }

    /// All keys of a command, for the help overlay.
    pub fn labels(&self, cmd: Cmd) -> String {
        if cmd == Cmd::Heard {
            return "1–9".into();
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
            if FIXED.contains(&cmd) {
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
