//! Reading agenda files: RON syntax errors with RON's own spans, then the semantic checks
//! (ids, phases, rules that need a phase), each located at the field that is wrong.

use super::builtin::SHIPPED;
use super::{AGENDA_FORMAT, Agenda, PhaseKind};
use crate::diag::locate::at_path;
use crate::diag::{FileError, check_format, parse_ron, read_text};
use crate::i18n::diag::D;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Parse and validate an agenda. `path` is only used in error messages.
pub fn parse(path: &Path, src: &str) -> Result<Agenda, FileError> {
    check_format(path, src, AGENDA_FORMAT, "agenda")?;
    let agenda: Agenda = parse_ron(path, src, "agenda")?;
    validate(path, src, &agenda)?;
    Ok(agenda)
}

pub fn load_file(path: &Path) -> Result<Agenda, FileError> {
    let src = read_text(path)?;
    parse(path, &src)
}

fn validate(path: &Path, src: &str, agenda: &Agenda) -> Result<(), FileError> {
    let fail = |field: &str, message: String| {
        Err(FileError::invalid(
            path,
            at_path(src, field),
            format!("{field}: {message}"),
        ))
    };

    if agenda.id.is_empty()
        || !agenda
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return fail("id", D::AgendaId.say(&[&format!("{:?}", agenda.id)]));
    }
    if agenda.name.sv.trim().is_empty() {
        return fail("name.sv", D::NoSwedishName.say(&[]));
    }
    if agenda.phases.is_empty() {
        return fail("phases", D::NoPhases.say(&[]));
    }
    if !(1..=520).contains(&agenda.rules.max_weeks_to_follow_up) {
        return fail("rules.max_weeks_to_follow_up", D::WeeksRange.say(&[]));
    }
    if agenda.rules.invitation_days_before > 365 {
        return fail("rules.invitation_days_before", D::InvitationDays.say(&[]));
    }
    let mut ids = HashMap::new();
    let mut kinds = HashMap::new();
    for (i, phase) in agenda.phases.iter().enumerate() {
        if phase.id.trim().is_empty() {
            return fail(&format!("phases[{i}].id"), D::PhaseNoId.say(&[]));
        }
        if let Some(first) = ids.insert(phase.id.as_str(), i) {
            return fail(
                &format!("phases[{i}].id"),
                D::PhaseIdTwice.say(&[&format!("{:?}", phase.id), &first.to_string()]),
            );
        }
        if phase.title.sv.trim().is_empty() {
            return fail(
                &format!("phases[{i}].title.sv"),
                D::PhaseNoTitle.say(&[&format!("{:?}", phase.id)]),
            );
        }
        if !(1..=480).contains(&phase.minutes) {
            return fail(
                &format!("phases[{i}].minutes"),
                D::PhaseMinutes.say(&[&format!("{:?}", phase.id)]),
            );
        }
        if phase.kind != PhaseKind::Notes
            && let Some(first) = kinds.insert(phase.kind, i)
        {
            return fail(
                &format!("phases[{i}].kind"),
                D::KindTwice.say(&[&format!("{:?}", phase.kind), &first.to_string()]),
            );
        }
    }
    let needs = [
        (
            agenda.rules.consent_required,
            "rules.consent_required",
            PhaseKind::Consent,
            D::NeedsConsentPhase,
        ),
        (
            agenda.rules.overall_responsible_required,
            "rules.overall_responsible_required",
            PhaseKind::Summary,
            D::NeedsSummaryPhase,
        ),
        (
            agenda.rules.follow_up_meeting,
            "rules.follow_up_meeting",
            PhaseKind::Review,
            D::NeedsReviewPhase,
        ),
        (true, "phases", PhaseKind::FollowUp, D::NeedsFollowUpPhase),
        (true, "phases", PhaseKind::Roles, D::NeedsRolesPhase),
    ];
    for (on, field, kind, message) in needs {
        if on && !agenda.has_phase(kind) {
            return fail(field, message.say(&[]));
        }
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

    /// The catalogue as `load` gives it for agenda `id` alone (`get(id)` answers the
    /// same): an agenda that ships with samsyn is the only one parsed (a user's agenda
    /// cannot take its id), any other is looked for among the user's too.
    pub fn load_for(id: &str) -> Catalogue {
        match builtin_agenda(id) {
            Some(a) => Catalogue {
                agendas: vec![(a, AgendaSource::BuiltIn)],
                errors: Vec::new(),
            },
            None => Catalogue::load(),
        }
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
            let admitted = read_text(&file).and_then(|src| {
                let agenda = parse(&file, &src)?;
                self.admit(agenda, AgendaSource::File(file.clone()), &file, &src)
            });
            if let Err(e) = admitted {
                self.errors.push(e);
            }
        }
    }

    /// Admit an agenda read from `path` (its text `src`, for locating errors). An agenda
    /// may not take the id of a different one: a meeting records only the id, so a
    /// look-alike could otherwise quietly replace the rules a meeting is judged by (a
    /// "sip" without the consent rule, say). The same agenda twice is fine.
    pub fn admit(
        &mut self,
        agenda: Agenda,
        source: AgendaSource,
        path: &Path,
        src: &str,
    ) -> Result<(), FileError> {
        match self.get(&agenda.id) {
            Some(known) if *known == agenda => Ok(()),
            Some(_) => Err(FileError::invalid(
                path,
                at_path(src, "id"),
                D::AgendaIdTaken.say(&[&format!("{:?}", agenda.id)]),
            )),
            None => {
                self.add(agenda, source);
                Ok(())
            }
        }
    }

    /// Add an agenda, replacing one with the same id (for tests and built-ins; files go
    /// through `admit`).
    pub fn add(&mut self, agenda: Agenda, source: AgendaSource) {
        self.agendas.retain(|(a, _)| a.id != agenda.id);
        self.agendas.push((agenda, source));
    }

    /// Take an agenda file named by path for a new meeting. It is installed among the
    /// user's agendas (unless already there), so that the meeting can later be reopened,
    /// checked and exported by the agenda id it records. Returns the agenda and, when it
    /// was installed, where. An agenda whose id is taken by a different one is refused:
    /// the meeting would otherwise reopen with the wrong agenda.
    pub fn adopt(
        &mut self,
        path: &Path,
        user_dir: Option<&Path>,
    ) -> Result<(Agenda, Option<PathBuf>), FileError> {
        let src = read_text(path)?;
        let agenda = parse(path, &src)?;
        if self.get(&agenda.id).is_some() {
            self.admit(
                agenda.clone(),
                AgendaSource::File(path.to_path_buf()),
                path,
                &src,
            )?;
            return Ok((agenda, None));
        }
        let installed = match user_dir {
            Some(dir) => {
                let target = dir.join(format!("{}.ron", agenda.id));
                crate::fsio::create_private_dir(dir)?;
                crate::fsio::write_private(&target, src.as_bytes())?;
                Some(target)
            }
            None => None,
        };
        let source = AgendaSource::File(installed.clone().unwrap_or_else(|| path.to_path_buf()));
        self.admit(agenda.clone(), source, path, &src)?;
        Ok((agenda, installed))
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
                path: PathBuf::from(
                    D::NoSuchAgenda.say(&[
                        &format!("{id_or_path:?}"),
                        &self
                            .agendas
                            .iter()
                            .map(|(a, _)| a.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ]),
                ),
            })
    }
}

/// The shipped agenda `id`, parsing only its file (named by its id) when it has one.
pub fn builtin_agenda(id: &str) -> Option<Agenda> {
    let by_name = SHIPPED
        .iter()
        .find(|(name, _)| Path::new(name).file_stem().is_some_and(|s| s == id))
        .map(|(name, src)| {
            parse(Path::new(name), src).unwrap_or_else(|e| panic!("shipped agenda is invalid: {e}"))
        })
        .filter(|a| a.id == id);
    by_name.or_else(|| builtin().into_iter().find(|a| a.id == id))
}

/// The shipped agendas, in the order they are offered.
pub fn builtin() -> Vec<Agenda> {
    SHIPPED
        .iter()
        .map(|(name, src)| {
            // The shipped files are checked by the test suite; a broken one is a build defect.
            parse(Path::new(name), src).unwrap_or_else(|e| panic!("shipped agenda is invalid: {e}"))
        })
        .collect()
}
