//! Which commands work right now, in the order the footer shows them: what the screen,
//! the open box or the phase offers, kept where its declaration's `When` holds.

use super::app::{App, Overlay, Screen, Session};
use super::command::{Cmd, When};
use super::form::Input;
use super::phases::{self, Phase, Rows};

/// The commands that work right now; the footer, key lookup and help read this.
pub fn commands(app: &App) -> Vec<Cmd> {
    if app.draft.offer.is_some() {
        // The question about a draft: yes restores, no discards.
        return vec![Cmd::Confirm, Cmd::Reject];
    }
    overlay_commands(app).unwrap_or_else(|| screen_commands(app))
}

fn overlay_commands(app: &App) -> Option<Vec<Cmd>> {
    Some(match &app.overlay {
        Some(Overlay::Form(form)) => {
            // What the focused field takes: Enter a new line in a text of several lines
            // (so the footer says Ctrl+S saves), typing finds an option in a choice.
            let field = form.focused().map(|f| &f.input);
            let mut cmds = vec![Cmd::Save];
            if matches!(field, Some(Input::Multi(_))) {
                cmds.push(Cmd::NewLine);
            }
            cmds.extend([Cmd::NextField, Cmd::PrevField, Cmd::Choose]);
            if matches!(field, Some(Input::Choice { .. })) {
                cmds.push(Cmd::Find);
            }
            cmds.push(Cmd::Cancel);
            cmds
        }
        Some(Overlay::Help(_)) => vec![Cmd::Up, Cmd::Down, Cmd::Close],
        Some(Overlay::Problems { .. }) => vec![Cmd::Up, Cmd::Down, Cmd::Jump, Cmd::Close],
        Some(Overlay::ConfirmDelete { .. }) => vec![Cmd::Confirm, Cmd::Reject],
        Some(Overlay::ReadBack { .. }) => {
            let mut cmds = vec![Cmd::NextPage, Cmd::PrevPage, Cmd::Up, Cmd::Down];
            if app.session().is_some_and(Session::editable) {
                cmds.push(Cmd::MarkConfirmed);
            }
            cmds.extend([Cmd::Privacy, Cmd::Close]);
            cmds
        }
        Some(Overlay::QuitUnsaved) => vec![Cmd::Confirm, Cmd::Close],
        None => return None,
    })
}

/// The commands of the screen under any box: what the help overlay explains.
pub fn screen_commands(app: &App) -> Vec<Cmd> {
    match &app.screen {
        Screen::Start(_) => vec![
            Cmd::Up,
            Cmd::Down,
            Cmd::Open,
            Cmd::StartFollowUp,
            Cmd::Privacy,
            Cmd::Help,
            Cmd::Quit,
        ],
        Screen::Meeting(s) => {
            let phase = phases::current(s);
            let offered = phase.commands().iter().copied().chain([
                Cmd::Pause,
                Cmd::PhaseTime,
                Cmd::Amend,
                Cmd::StartFollowUp,
                Cmd::NextPhase,
                Cmd::PrevPhase,
                Cmd::Problems,
                Cmd::Prompts,
                Cmd::Privacy,
                Cmd::Help,
                Cmd::Quit,
            ]);
            let now = Now::of(s, phase, app);
            offered.filter(|c| now.works(*c)).collect()
        }
    }
}

/// What the declarations' `When` depend on, judged once per call.
struct Now {
    rows: Rows,
    editable: bool,
    deletable: bool,
    round: bool,
    follow_up_meeting: bool,
    amendable: bool,
    followable: bool,
    previous_amended: bool,
}

impl Now {
    fn of(s: &Session, phase: &dyn Phase, app: &App) -> Now {
        let editable = s.editable();
        Now {
            rows: phase.rows(s),
            editable,
            deletable: phase.deletion(s, app.lang).is_some(),
            round: editable && s.kind().has_speaking_round() && !s.meeting.participants.is_empty(),
            follow_up_meeting: s.agenda.rules.follow_up_meeting,
            amendable: s.meeting.is_finalized() && s.locked.is_none(),
            followable: s.meeting.is_finalized() && s.meeting.plan_closed.is_none(),
            previous_amended: editable && s.previous_amended.is_some(),
        }
    }

    /// Whether a command the meeting screen offers works now, by its declaration.
    fn works(&self, cmd: Cmd) -> bool {
        let rows = self.rows.count() > 0;
        match cmd.spec().when {
            When::Always => true,
            When::Rows => rows,
            When::Editable => self.editable,
            When::EditRow => self.editable && (self.rows == Rows::One || rows),
            When::DeleteRow => self.editable && rows && self.deletable,
            When::Round => self.round,
            When::RoundRow => self.round && rows,
            When::FollowUpMeeting => self.editable && self.follow_up_meeting,
            When::Amendable => self.amendable,
            When::Followable => self.followable,
            When::PreviousAmended => self.previous_amended,
        }
    }
}
