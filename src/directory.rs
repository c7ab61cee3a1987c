//! The user's directory of organisations, `~/.config/samsyn/organisations.ron`: the
//! usual units of a municipality with their huvudman and mission, so they are picked on
//! screen, not typed, meeting after meeting. A unit may name the unit it belongs to.
//! Picking one adds it (and the units above it) to the meeting as records.

use crate::diag::{FileError, check_format, locate::at_path, parse_ron, read_text};
use crate::i18n::diag::D;
use crate::meeting::{Huvudman, Id, Meeting, Organisation};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The directory-file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directory {
    pub format: u32,
    #[serde(default)]
    pub organisations: Vec<Entry>,
}

/// One organisation of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub name: String,
    pub huvudman: Huvudman,
    #[serde(default)]
    pub mission: String,
    /// The name of the unit this one belongs to, as written in this file.
    #[serde(default)]
    pub parent: Option<String>,
}

/// `~/.config/samsyn/organisations.ron` on Linux.
pub fn path() -> Option<PathBuf> {
    crate::config::path().map(|p| p.with_file_name("organisations.ron"))
}

/// The user's directory, or an empty one when there is no file.
pub fn load() -> Result<Directory, FileError> {
    match path() {
        Some(p) if p.exists() => load_file(&p),
        _ => Ok(Directory::default()),
    }
}

pub fn load_file(path: &Path) -> Result<Directory, FileError> {
    parse(path, &read_text(path)?)
}

fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Parse and check a directory: names given and unique, parents that exist, no unit
/// above itself. Every error names the field, with its line and column.
pub fn parse(path: &Path, src: &str) -> Result<Directory, FileError> {
    check_format(path, src, FORMAT_VERSION, "organisation directory")?;
    let dir: Directory = parse_ron(path, src, "organisation directory")?;
    let fail = |field: String, message: String| {
        Err(FileError::invalid(
            path,
            at_path(src, &field),
            format!("{field}: {message}"),
        ))
    };
    for (i, e) in dir.organisations.iter().enumerate() {
        if key(&e.name).is_empty() {
            return fail(
                format!("organisations[{i}].name"),
                D::DirectoryNoName.say(&[]),
            );
        }
        if dir.organisations[..i]
            .iter()
            .any(|o| key(&o.name) == key(&e.name))
        {
            return fail(
                format!("organisations[{i}].name"),
                D::DirectoryTwice.say(&[&format!("{:?}", e.name)]),
            );
        }
    }
    for (i, e) in dir.organisations.iter().enumerate() {
        if let Some(parent) = &e.parent
            && dir.find(parent).is_none()
        {
            return fail(
                format!("organisations[{i}].parent"),
                D::DirectoryNoParent.say(&[&format!("{parent:?}")]),
            );
        }
        if dir.chain(i).last().is_some_and(|top| top.parent.is_some()) {
            return fail(
                format!("organisations[{i}].parent"),
                D::UnitsCircle.say(&[&format!("{:?}", e.name)]),
            );
        }
    }
    Ok(dir)
}

impl Directory {
    pub fn find(&self, name: &str) -> Option<usize> {
        self.organisations
            .iter()
            .position(|e| key(&e.name) == key(name))
    }

    /// Entry `index` and the units above it, nearest first; stops at a cycle.
    pub fn chain(&self, index: usize) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        let mut at = self.organisations.get(index);
        while let Some(e) = at {
            if out.iter().any(|seen| key(&seen.name) == key(&e.name)) {
                break;
            }
            out.push(e.clone());
            at = e
                .parent
                .as_deref()
                .and_then(|p| self.find(p).and_then(|i| self.organisations.get(i)));
        }
        out
    }

    /// The entries a meeting does not have yet (by name).
    pub fn not_in<'d>(&'d self, m: &Meeting) -> impl Iterator<Item = (usize, &'d Entry)> {
        self.organisations
            .iter()
            .enumerate()
            .filter(|(_, e)| find_in_meeting(m, &e.name).is_none())
    }
}

/// The meeting's organisation of this name, without case or padding.
pub fn find_in_meeting(m: &Meeting, name: &str) -> Option<Id> {
    m.organisations
        .iter()
        .find(|o| key(&o.name) == key(name))
        .map(|o| o.id.clone())
}

/// Add a directory entry and the units above it (`chain`, nearest first) to the
/// meeting, reusing those it already has; returns the id of the entry's unit.
pub fn import(m: &mut Meeting, chain: &[Entry]) -> Option<Id> {
    let mut parent: Option<Id> = None;
    for e in chain.iter().rev() {
        let id = match find_in_meeting(m, &e.name) {
            Some(id) => id,
            None => m.add_organisation(Organisation {
                id: Id::new(""),
                name: e.name.split_whitespace().collect::<Vec<_>>().join(" "),
                huvudman: e.huvudman,
                mission: e.mission.trim().to_string(),
                parent: parent.clone(),
            }),
        };
        parent = Some(id);
    }
    parent
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"(
  format: 1,
  organisations: [
    (name: "Nordvikskolan", huvudman: Kommun, mission: "Grundskola F–9."),
    (name: "Nordvikskolan, elevhälsan", huvudman: Kommun, parent: Some("Nordvikskolan")),
  ],
)"#;

    #[test]
    fn a_unit_is_imported_with_the_units_above_it_once() {
        let dir = parse(Path::new("o.ron"), SRC).unwrap();
        let mut m = Meeting::new(
            crate::meeting::AgendaRef {
                id: "samba".into(),
                version: 1,
            },
            "t",
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        );
        let unit = import(&mut m, &dir.chain(1)).unwrap();
        assert_eq!(m.organisations.len(), 2);
        let school = find_in_meeting(&m, "nordvikskolan").unwrap();
        assert!(m.covers(&school, &unit));
        assert_eq!(import(&mut m, &dir.chain(0)), Some(school));
        assert_eq!(m.organisations.len(), 2, "nothing added twice");
    }

    #[test]
    fn a_bad_directory_names_the_line_and_the_field() {
        let bad = SRC.replace("Some(\"Nordvikskolan\")", "Some(\"Sörvikskolan\")");
        let e = parse(Path::new("o.ron"), &bad).unwrap_err().to_string();
        assert!(e.starts_with("o.ron:5:"), "{e}");
        assert!(e.contains("Sörvikskolan"), "{e}");
        let twice = SRC.replace("Nordvikskolan, elevhälsan", "nordvikskolan");
        let e = parse(Path::new("o.ron"), &twice).unwrap_err().to_string();
        assert!(e.contains("twice"), "{e}");
        let typo = SRC.replace("huvudman: Kommun, mission", "huvudman: Komun, mission");
        let e = parse(Path::new("o.ron"), &typo).unwrap_err().to_string();
        assert!(e.starts_with("o.ron:4:"), "{e}");
    }
}
