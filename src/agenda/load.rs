//! Reading agenda files: RON syntax errors with RON's own spans, then the semantic checks
//! (ids, phases, rules that need a phase), each located at the field that is wrong.

use super::{AGENDA_FORMAT, Agenda, PhaseKind, builtin};
use crate::diag::{FileError, check_format, find_field, read_text};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Parse and validate an agenda. `path` is only used in error messages.
pub fn parse(path: &Path, src: &str) -> Result<Agenda, FileError> {
    check_format(path, src, AGENDA_FORMAT, "agenda")?;
    let agenda: Agenda = ron::from_str(src).map_err(|e| FileError::from_ron(path, src, &e))?;
    validate(path, src, &agenda)?;
    Ok(agenda)
}

pub fn load_file(path: &Path) -> Result<Agenda, FileError> {
    let src = read_text(path)?;
    parse(path, &src)
}

fn validate(path: &Path, src: &str, agenda: &Agenda) -> Result<(), FileError> {
    let at = |field: &str, value: Option<&str>, nth: usize| {
        find_field(src, field, value, nth).unwrap_or((1, 1))
    };
    let fail = |pos, msg: String| Err(FileError::invalid(path, pos, msg));

    if agenda.id.is_empty()
        || !agenda
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return fail(
            at("id", None, 0),
            format!(
                "id: {:?} must be lowercase letters, digits and '-' (it is typed on the command line)",
                agenda.id
            ),
        );
    }
    if agenda.name.sv.trim().is_empty() {
        return fail(
            at("name", None, 0),
            "name: the Swedish name (sv) is empty".into(),
        );
    }
    if agenda.phases.is_empty() {
        return fail(
            at("phases", None, 0),
            "phases: an agenda needs at least one phase".into(),
        );
    }
    if agenda.rules.max_weeks_to_follow_up == 0 {
        return fail(
            at("max_weeks_to_follow_up", None, 0),
            "max_weeks_to_follow_up: must be at least 1".into(),
        );
    }
    let mut seen = HashSet::new();
    let mut kinds = HashSet::new();
    for phase in &agenda.phases {
        // The phase ids come first in each phase, so the nth phase id is at id occurrence n+1
        // (occurrence 0 is the agenda's own id); search by value to be robust to order.
        let nth_same = agenda
            .phases
            .iter()
            .take_while(|p| !std::ptr::eq(*p, phase))
            .filter(|p| p.id == phase.id)
            .count();
        let extra = usize::from(agenda.id == phase.id);
        let pos = at("id", Some(&phase.id), nth_same + extra);
        if phase.id.trim().is_empty() {
            return fail(pos, "id: a phase needs an id".into());
        }
        if !seen.insert(phase.id.as_str()) {
            return fail(
                pos,
                format!("id: the phase id {:?} is used twice", phase.id),
            );
        }
        if phase.title.sv.trim().is_empty() {
            return fail(
                pos,
                format!("title: phase {:?} has no Swedish title (sv)", phase.id),
            );
        }
        if phase.minutes == 0 {
            return fail(
                pos,
                format!(
                    "minutes: phase {:?} needs a time box of at least 1 minute",
                    phase.id
                ),
            );
        }
        if !kinds.insert(phase.kind) && phase.kind != PhaseKind::Notes {
            return fail(
                pos,
                format!(
                    "kind: {:?} appears twice; only Notes may repeat",
                    phase.kind
                ),
            );
        }
    }
    if agenda.rules.consent_required && !agenda.has_phase(PhaseKind::Consent) {
        return fail(
            at("consent_required", None, 0),
            "consent_required: the agenda requires consent but has no Consent phase".into(),
        );
    }
    if agenda.rules.overall_responsible_required && !agenda.has_phase(PhaseKind::Summary) {
        return fail(
            at("overall_responsible_required", None, 0),
            "overall_responsible_required: the agenda requires an overall responsible but has no Summary phase".into(),
        );
    }
    if agenda.rules.follow_up_meeting && !agenda.has_phase(PhaseKind::Review) {
        return fail(
            at("follow_up_meeting", None, 0),
            "follow_up_meeting: a follow-up agenda needs a Review phase".into(),
        );
    }
    if !agenda.has_phase(PhaseKind::FollowUp) {
        return fail(
            at("phases", None, 0),
            "phases: every agenda needs a FollowUp phase (finalizing requires a follow-up date)"
                .into(),
        );
    }
    if !agenda.has_phase(PhaseKind::Roles) {
        return fail(
            at("phases", None, 0),
            "phases: every agenda needs a Roles phase (finalizing requires participants)".into(),
        );
    }
    Ok(())
}

/// Where users keep their own agendas: `~/.config/samsyn/agendas/` on Linux.
pub fn user_agenda_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "samsyn").map(|d| d.config_dir().join("agendas"))
}

/// Where an agenda in the catalogue came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaSource {
    BuiltIn,
    File(PathBuf),
}

/// All agendas a user can start a meeting from: the built-in ones and the user's own.
#[derive(Debug, Default)]
pub struct Catalogue {
    pub agendas: Vec<(Agenda, AgendaSource)>,
    /// User agenda files that failed to load; shown, never silently skipped.
    pub errors: Vec<FileError>,
}

impl Catalogue {
    /// The built-in agendas plus every `*.ron` in the user's agenda directory.
    pub fn load() -> Catalogue {
        let mut catalogue = Catalogue::builtin();
        if let Some(dir) = user_agenda_dir() {
            catalogue.add_dir(&dir);
        }
        catalogue
    }

    pub fn builtin() -> Catalogue {
        Catalogue {
            agendas: builtin()
                .into_iter()
                .map(|a| (a, AgendaSource::BuiltIn))
                .collect(),
            errors: Vec::new(),
        }
    }

    pub fn add_dir(&mut self, dir: &Path) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect();
        files.sort();
        for file in files {
            match load_file(&file) {
                Ok(agenda) => self.add(agenda, AgendaSource::File(file)),
                Err(e) => self.errors.push(e),
            }
        }
    }

    /// Add an agenda; a user agenda with a built-in's id takes its place.
    pub fn add(&mut self, agenda: Agenda, source: AgendaSource) {
        self.agendas.retain(|(a, _)| a.id != agenda.id);
        self.agendas.push((agenda, source));
    }

    pub fn get(&self, id: &str) -> Option<&Agenda> {
        self.agendas.iter().map(|(a, _)| a).find(|a| a.id == id)
    }

    /// An agenda by id, or by path when the argument names a file.
    pub fn resolve(&self, id_or_path: &str) -> Result<Agenda, FileError> {
        let looks_like_path =
            id_or_path.ends_with(".ron") || id_or_path.contains(std::path::MAIN_SEPARATOR);
        if looks_like_path {
            return load_file(Path::new(id_or_path));
        }
        self.get(id_or_path)
            .cloned()
            .ok_or_else(|| FileError::Missing {
                path: PathBuf::from(format!(
                    "agenda {id_or_path:?} (known: {})",
                    self.agendas
                        .iter()
                        .map(|(a, _)| a.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            })
    }
}
