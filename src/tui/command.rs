//! Every command a user can give with one key, each declared once: its word in the
//! footer, its sentence in `?` help, its rank, when it works and its default keys.

use crossterm::event::{KeyCode, KeyModifiers};
use samsyn::i18n::screen::T;
use serde::Deserialize;

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
    /// Add an organisation (verksamhet) with its huvudman and mission.
    AddOrganisation,
    AddNeed,
    AddDisagreement,
    ClosePlan,
    Finalize,
    Amend,
    /// Start the follow-up of finalized minutes (the selected ones on the start screen).
    StartFollowUp,
    /// Fill in the kallelse (the invitation).
    Invitation,
    /// Write the kallelse files next to the meeting.
    WriteInvitation,
    /// Take the amended version of the previous meeting into this follow-up.
    TakeIn,
    Open,
    /// 1–9: mark a participant as heard in the speaking round (fixed keys).
    Heard,
    /// Mark the selected participant as heard (any number of participants).
    HeardSelected,
    /// A break (fika): the clock stands still until pressed again.
    Pause,
    /// Correct the time counted in the phase on screen.
    PhaseTime,
    /// The plan read back to the room, full screen, before finalizing.
    ReadBack,
    // In the read-back (fixed keys).
    /// Mark the selected action as confirmed at the table, and go to the next.
    MarkConfirmed,
    NextPage,
    PrevPage,
    // In forms and overlays (fixed keys).
    Save,
    Cancel,
    NextField,
    PrevField,
    Choose,
    /// Yes to a question (delete this? restore the draft?).
    Confirm,
    /// No to a question.
    Reject,
    Jump,
    Close,
    // Editing text in a form (fixed keys).
    /// Enter in a text of several lines.
    NewLine,
    /// Typing on a choice finds the option by its name.
    Find,
    ClearToStart,
    ClearToEnd,
    DeleteWord,
    LineStartEnd,
    WordLeftRight,
    /// Scroll a long note under a form's field.
    ScrollNote,
}

/// One key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }
}

/// When a command works, besides being offered by the screen or the phase at hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Whenever it is offered.
    Always,
    /// The phase's list has rows to move between.
    Rows,
    /// The meeting may be changed here (a draft this window holds).
    Editable,
    /// Editable, and the phase has a row or a text to edit.
    EditRow,
    /// Editable, and the selected row can be deleted (or says why not).
    DeleteRow,
    /// Editable, the phase has a speaking round and there are participants.
    Round,
    /// As `Round`, on a row that is a participant.
    RoundRow,
    /// Editable, and the agenda is a follow-up's, where a plan can be closed.
    FollowUpMeeting,
    /// Finalized minutes this window may reopen (not another window's).
    Amendable,
    /// Finalized minutes whose plan goes on: a follow-up can start from them.
    Followable,
    /// Editable, and the previous meeting was amended and finalized again.
    PreviousAmended,
}

/// The one declaration of a command.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// The word in the footer.
    pub short: T,
    /// The sentence in `?` help.
    pub long: T,
    /// Which entries the footer drops first when it is short of room: 0 never, then
    /// the highest first.
    pub rank: u8,
    pub when: When,
    /// The default keys, the first one shown.
    pub keys: &'static [Key],
    /// How the footer and help write the keys, where not the first key's name.
    pub label: Option<&'static str>,
    /// Keys a user may not change in `keys.ron` (text editing, fixed digits).
    pub fixed: bool,
}

const fn spec(short: T, long: T, rank: u8, when: When, keys: &'static [Key]) -> Spec {
    Spec {
        short,
        long,
        rank,
        when,
        keys,
        label: None,
        fixed: false,
    }
}

const fn fixed(short: T, long: T, keys: &'static [Key]) -> Spec {
    Spec {
        fixed: true,
        ..spec(short, long, 1, When::Always, keys)
    }
}

use KeyCode::{
    BackTab, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
/// A `'static` list of keys from `const fn` calls.
macro_rules! keys {
    ($($k:expr),*) => {{
        const K: &[Key] = &[$($k),*];
        K
    }};
}

const fn p(code: KeyCode) -> Key {
    Key::plain(code)
}
const fn c(ch: char) -> Key {
    Key::ch(ch)
}
const fn ctrl(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::CONTROL,
    }
}

impl Cmd {
    pub const ALL: [Cmd; 49] = [
        Cmd::Quit,
        Cmd::Help,
        Cmd::Problems,
        Cmd::Privacy,
        Cmd::Prompts,
        Cmd::NextPhase,
        Cmd::PrevPhase,
        Cmd::Up,
        Cmd::Down,
        Cmd::Add,
        Cmd::Edit,
        Cmd::Delete,
        Cmd::Details,
        Cmd::AddOrganisation,
        Cmd::AddNeed,
        Cmd::AddDisagreement,
        Cmd::ClosePlan,
        Cmd::Finalize,
        Cmd::Amend,
        Cmd::StartFollowUp,
        Cmd::TakeIn,
        Cmd::Invitation,
        Cmd::WriteInvitation,
        Cmd::Open,
        Cmd::Heard,
        Cmd::HeardSelected,
        Cmd::Pause,
        Cmd::PhaseTime,
        Cmd::ReadBack,
        Cmd::MarkConfirmed,
        Cmd::NextPage,
        Cmd::PrevPage,
        Cmd::Save,
        Cmd::Cancel,
        Cmd::NextField,
        Cmd::PrevField,
        Cmd::Choose,
        Cmd::Confirm,
        Cmd::Reject,
        Cmd::Jump,
        Cmd::Close,
        Cmd::NewLine,
        Cmd::Find,
        Cmd::ClearToStart,
        Cmd::ClearToEnd,
        Cmd::DeleteWord,
        Cmd::LineStartEnd,
        Cmd::WordLeftRight,
        Cmd::ScrollNote,
    ];

    /// The declaration: the only place a command's words, rank, availability and
    /// default keys are written.
    pub const fn spec(self) -> Spec {
        use When::*;
        match self {
            Cmd::Quit => spec(T::CmdQuit, T::CmdQuitLong, 0, Always, keys![c('q')]),
            Cmd::Help => spec(
                T::CmdHelp,
                T::CmdHelpLong,
                0,
                Always,
                keys![c('?'), p(F(1))],
            ),
            Cmd::Problems => spec(T::CmdProblems, T::CmdProblemsLong, 1, Always, keys![c('p')]),
            // The mask and the prompts matter most where names are typed and talked
            // about: the footer never drops them.
            Cmd::Privacy => spec(T::CmdPrivacy, T::CmdPrivacyLong, 0, Always, keys![c('i')]),
            Cmd::Prompts => spec(T::CmdPrompts, T::CmdPromptsLong, 0, Always, keys![c('g')]),
            Cmd::NextPhase => spec(
                T::CmdNext,
                T::CmdNextLong,
                1,
                Always,
                keys![p(Right), p(PageDown)],
            ),
            Cmd::PrevPhase => spec(
                T::CmdPrev,
                T::CmdPrevLong,
                2,
                Always,
                keys![p(Left), p(PageUp)],
            ),
            Cmd::Up => spec(T::CmdUp, T::CmdUpLong, 2, Rows, keys![p(Up), c('k')]),
            Cmd::Down => spec(T::CmdDown, T::CmdDownLong, 2, Rows, keys![p(Down), c('j')]),
            Cmd::Add => spec(T::CmdAdd, T::CmdAddLong, 1, Editable, keys![c('a')]),
            Cmd::Edit => spec(
                T::CmdEdit,
                T::CmdEditLong,
                1,
                EditRow,
                keys![p(Enter), c('e')],
            ),
            Cmd::Delete => spec(
                T::CmdDelete,
                T::CmdDeleteLong,
                1,
                DeleteRow,
                keys![c('d'), p(Delete)],
            ),
            Cmd::Details => spec(T::CmdDetails, T::CmdDetailsLong, 1, Editable, keys![c('m')]),
            Cmd::AddOrganisation => spec(
                T::CmdOrganisation,
                T::CmdOrganisationLong,
                2,
                Editable,
                keys![c('v')],
            ),
            Cmd::AddNeed => spec(T::CmdNeed, T::CmdNeedLong, 1, Editable, keys![c('b')]),
            Cmd::AddDisagreement => spec(
                T::CmdDisagreement,
                T::CmdDisagreementLong,
                1,
                Editable,
                keys![c('o')],
            ),
            Cmd::ClosePlan => spec(
                T::CmdClosePlan,
                T::CmdClosePlanLong,
                1,
                FollowUpMeeting,
                keys![c('c')],
            ),
            Cmd::Finalize => spec(
                T::CmdFinalize,
                T::CmdFinalizeLong,
                1,
                Editable,
                keys![c('F')],
            ),
            Cmd::Amend => spec(T::CmdAmend, T::CmdAmendLong, 1, Amendable, keys![c('A')]),
            Cmd::StartFollowUp => spec(
                T::CmdStartFollowUp,
                T::CmdStartFollowUpLong,
                1,
                Followable,
                keys![c('u')],
            ),
            Cmd::TakeIn => spec(
                T::CmdTakeIn,
                T::CmdTakeInLong,
                1,
                PreviousAmended,
                keys![c('r')],
            ),
            Cmd::Invitation => spec(
                T::CmdInvitation,
                T::CmdInvitationLong,
                3,
                Editable,
                keys![c('K')],
            ),
            Cmd::WriteInvitation => spec(
                T::CmdWriteInvitation,
                T::CmdWriteInvitationLong,
                3,
                Editable,
                keys![c('W')],
            ),
            Cmd::Open => spec(T::CmdOpen, T::CmdOpenLong, 1, Always, keys![p(Enter)]),
            Cmd::Heard => Spec {
                label: Some("1–9"),
                fixed: true,
                ..spec(T::CmdHeard, T::CmdHeardLong, 1, Round, &[])
            },
            Cmd::HeardSelected => spec(
                T::CmdHeardSelected,
                T::CmdHeardSelectedLong,
                2,
                RoundRow,
                keys![c('h')],
            ),
            // Dropped from a short footer before anything else (`?` lists them).
            Cmd::Pause => spec(T::CmdPause, T::CmdPauseLong, 4, Editable, keys![c('P')]),
            Cmd::PhaseTime => spec(
                T::CmdPhaseTime,
                T::CmdPhaseTimeLong,
                4,
                Editable,
                keys![c('t')],
            ),
            Cmd::ReadBack => spec(T::CmdReadBack, T::CmdReadBackLong, 1, Always, keys![c('l')]),
            Cmd::MarkConfirmed => fixed(
                T::CmdMarkConfirmed,
                T::CmdMarkConfirmedLong,
                keys![c(' '), p(Enter)],
            ),
            Cmd::NextPage => Spec {
                label: Some("→"),
                ..fixed(
                    T::CmdNextPage,
                    T::CmdNextPageLong,
                    keys![p(Right), p(PageDown)],
                )
            },
            Cmd::PrevPage => Spec {
                label: Some("←"),
                ..fixed(
                    T::CmdPrevPage,
                    T::CmdPrevPageLong,
                    keys![p(Left), p(PageUp)],
                )
            },
            Cmd::Save => fixed(T::CmdSave, T::CmdSaveLong, keys![Key::ctrl('s'), p(F(10))]),
            Cmd::Cancel => fixed(T::CmdCancel, T::CmdCancelLong, keys![p(Esc)]),
            Cmd::NextField => fixed(T::CmdNextField, T::CmdNextFieldLong, keys![p(Tab), p(Down)]),
            Cmd::PrevField => fixed(
                T::CmdPrevField,
                T::CmdPrevFieldLong,
                keys![p(BackTab), p(Up)],
            ),
            Cmd::Choose => Spec {
                label: Some("←→"),
                ..fixed(
                    T::CmdChoose,
                    T::CmdChooseLong,
                    keys![p(Left), p(Right), c(' ')],
                )
            },
            Cmd::Confirm => fixed(
                T::CmdConfirm,
                T::CmdConfirmLong,
                keys![p(Enter), c('j'), c('J'), c('y'), c('Y')],
            ),
            Cmd::Reject => fixed(
                T::CmdCancel,
                T::CmdRejectLong,
                keys![p(Esc), c('n'), c('N')],
            ),
            Cmd::Jump => fixed(T::CmdJump, T::CmdJumpLong, keys![p(Enter)]),
            Cmd::Close => fixed(T::CmdClose, T::CmdCloseLong, keys![p(Esc), c('q')]),
            Cmd::NewLine => fixed(T::CmdNewLine, T::CmdNewLineLong, keys![p(Enter)]),
            Cmd::Find => Spec {
                label: Some("abc"),
                ..fixed(T::CmdFind, T::CmdFindLong, &[])
            },
            Cmd::ClearToStart => fixed(
                T::CmdClearToStart,
                T::CmdClearToStartLong,
                keys![Key::ctrl('u')],
            ),
            Cmd::ClearToEnd => fixed(
                T::CmdClearToEnd,
                T::CmdClearToEndLong,
                keys![Key::ctrl('k')],
            ),
            Cmd::DeleteWord => fixed(
                T::CmdDeleteWord,
                T::CmdDeleteWordLong,
                keys![Key::ctrl('w')],
            ),
            Cmd::LineStartEnd => fixed(
                T::CmdLineStartEnd,
                T::CmdLineStartEndLong,
                keys![p(Home), p(End)],
            ),
            Cmd::ScrollNote => fixed(
                T::CmdScrollNote,
                T::CmdScrollNoteLong,
                keys![p(PageDown), p(PageUp)],
            ),
            Cmd::WordLeftRight => Spec {
                label: Some("Ctrl+←→"),
                ..fixed(
                    T::CmdWordLeftRight,
                    T::CmdWordLeftRightLong,
                    keys![ctrl(Left), ctrl(Right)],
                )
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_command_once() {
        let mut seen = Cmd::ALL.to_vec();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), Cmd::ALL.len());
        // A command missing from ALL would have no keys: every non-fixed command has one.
        for cmd in Cmd::ALL {
            let s = cmd.spec();
            assert!(!s.keys.is_empty() || s.label.is_some(), "{cmd:?}");
        }
    }
}
