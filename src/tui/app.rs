//! The state of the screen: which meeting, which phase, what is selected, which form or
//! box is open. Rendering reads it; only `update` changes it.

use super::form::Form;
use super::keys::KeyMap;
use super::theme::Theme;
use super::widgets::{Kept, Scroll};
use chrono::NaiveDateTime;
use samsyn::agenda::{Agenda, Catalogue, Phase, PhaseKind};
use samsyn::i18n::Lang;
use samsyn::i18n::screen::T;
use samsyn::meeting::Meeting;
use samsyn::meeting::Pseudonyms as Mask;
use samsyn::rules::{self, Problem};
use std::path::PathBuf;

/// One entry of the archive on the start screen: its file and what the start screen
/// shows of it (`followups::Summary`), or why it cannot be read.
pub use samsyn::archive::Entry as ArchiveEntry;

/// How many of the things that need attention the start screen lists.
pub const SHOWN_DUE: usize = 8;

#[derive(Debug)]
pub struct Start {
    pub archive: Vec<ArchiveEntry>,
    pub selected: usize,
    /// How many things need attention in the archive, found once when it is read.
    pub due_count: usize,
    /// The first `SHOWN_DUE` of them (not per frame): overdue first, then what is due
    /// soon; earlier before later.
    pub due: Vec<samsyn::followups::Item>,
}

impl Start {
    /// The start screen over `archive`, with what needs attention from `today` on; with
    /// `agendas`, the kallelser not sent (or sent late) of the meetings to come too, by
    /// the last day their agenda sets. Only the texts of the things listed are read
    /// (`ArchiveEntry::text`).
    pub fn new(
        archive: Vec<ArchiveEntry>,
        today: chrono::NaiveDate,
        lang: samsyn::i18n::Lang,
        agendas: Option<&Catalogue>,
    ) -> Start {
        let until = today + chrono::Days::new(14);
        let ok: Vec<(&ArchiveEntry, &samsyn::followups::Summary)> = archive
            .iter()
            .filter_map(|e| e.summary.as_ref().ok().map(|s| (e, s)))
            .collect();
        let mut refs = samsyn::followups::due_refs(ok.iter().map(|(_, s)| *s), today, until);
        let mut due_count = refs.len();
        // The order the list ranks them in, without their texts: the most urgent first,
        // as `samsyn followups` lists them (overdue, then due soon), by date, kind and
        // file; only the last of those shown may tie with more than are shown, and the
        // texts decide among those.
        let names: Vec<_> = ok.iter().map(|(e, _)| e.path.file_name()).collect();
        let mut by_path: Vec<usize> = (0..ok.len()).collect();
        by_path.sort_unstable_by(|&a, &b| names[a].cmp(&names[b]));
        let mut rank = vec![0; ok.len()];
        for (r, &i) in by_path.iter().enumerate() {
            rank[i] = r;
        }
        let key = |&(i, j): &(usize, usize)| {
            let c = &ok[i].1.candidates[j];
            (c.date.is_none_or(|d| d >= today), c.date, c.kind, rank[i])
        };
        if refs.len() > SHOWN_DUE {
            // Each key found once, in the order of the archive, not at every comparison.
            let mut keyed: Vec<_> = refs.iter().map(|r| ((key(r), r.1), *r)).collect();
            keyed.select_nth_unstable_by_key(SHOWN_DUE - 1, |k| k.0);
            let last = keyed[SHOWN_DUE - 1].0.0;
            refs = keyed[..SHOWN_DUE].iter().map(|k| k.1).collect();
            refs.extend(
                keyed[SHOWN_DUE..]
                    .iter()
                    .filter(|k| k.0.0 == last)
                    .map(|k| k.1),
            );
        }
        let nobody = samsyn::followups::Who::Named(String::new());
        let mut due: Vec<samsyn::followups::Item> = refs
            .iter()
            .map(|&(i, j)| {
                let (e, s) = ok[i];
                let texts = e.text(j).unwrap_or(("", None, &nobody));
                samsyn::followups::item(&e.path, s, &s.candidates[j], texts, today, lang)
            })
            .collect();
        samsyn::followups::sort(&mut due);
        due.sort_by_key(|d| (!d.overdue, d.date));
        if let Some(agendas) = agendas {
            let late = samsyn::followups::invitations_in(
                ok.iter().map(|(e, s)| (e.path.as_path(), *s)),
                today,
                until,
                agendas,
            );
            due_count += late.len();
            due.extend(late);
            due.sort_by_key(|d| (!d.overdue, d.date));
        }
        due.truncate(SHOWN_DUE);
        Start {
            archive,
            selected: 0,
            due_count,
            due,
        }
    }
}

/// The open meeting and what the rules say about it. The meeting is read through
/// `Deref`; the only way to change it is `edit()`, which drops the judgement, so the
/// problems shown are judged again on the next look and are never those of a meeting
/// that has since changed. Drawing a frame does not judge the meeting again.
///
/// The meeting is shared with the background writer (`shared`) rather than copied for
/// it: a change made while the writer still holds the state it is writing copies the
/// meeting then (`Arc::make_mut`), which, at the pace of keys, is seldom.
///
/// The rules' judgement is kept in two parts (`rules::Plan`): what they say of the plan,
/// and all the problems. A change of one phase's record (`edit_record`: marking someone
/// heard, a phase's notes, its timer) keeps the first, which no rule of the plan reads,
/// and judges only the records again.
#[derive(Debug)]
pub struct Judged {
    meeting: std::sync::Arc<Meeting>,
    /// Which state of which meeting this is: new for every meeting and every change
    /// (`revision`).
    revision: u64,
    plan: std::sync::OnceLock<rules::Plan>,
    problems: std::sync::OnceLock<Vec<Problem>>,
}

impl Judged {
    pub fn new(meeting: Meeting) -> Judged {
        Judged {
            meeting: std::sync::Arc::new(meeting),
            revision: next_revision(),
            plan: std::sync::OnceLock::new(),
            problems: std::sync::OnceLock::new(),
        }
    }

    /// The meeting, to change: what was judged of it is forgotten.
    pub fn edit(&mut self) -> &mut Meeting {
        self.revision = next_revision();
        self.plan.take();
        self.problems.take();
        std::sync::Arc::make_mut(&mut self.meeting)
    }

    /// The record of phase `phase_id` (made if there is none), to change: its notes, who
    /// was heard in it, its timer. What was judged of the plan is kept; the problems are
    /// judged again, from it, on the next look.
    pub fn edit_record(&mut self, phase_id: &str) -> &mut samsyn::meeting::PhaseRecord {
        self.revision = next_revision();
        self.problems.take();
        std::sync::Arc::make_mut(&mut self.meeting).phase_mut(phase_id)
    }

    /// The meeting as it is now, for the writer, without copying it.
    pub fn shared(&self) -> std::sync::Arc<Meeting> {
        self.meeting.clone()
    }

    /// What the rules find in the meeting under `agenda`, judged once per change. Only
    /// `Session::problems` asks, with the session's own agenda (which never changes).
    fn problems(&self, agenda: &Agenda) -> &[Problem] {
        self.problems.get_or_init(|| {
            let plan = self
                .plan
                .get_or_init(|| rules::Plan::judge(&self.meeting, agenda));
            rules::check_with(&self.meeting, agenda, plan)
        })
    }

    /// `secs` more on the timer of phase `phase`. The judgement is kept when what the
    /// rules read of the timers (`rules::over_time`) is as it was, which is most
    /// seconds: a phase going over its time, or a minute more over it, is judged again.
    fn count_time(&mut self, phase: &str, secs: u64, agenda: &Agenda) {
        self.revision = next_revision();
        let had_record = self.meeting.phase(phase).is_some();
        let before = rules::over_time(&self.meeting, agenda);
        std::sync::Arc::make_mut(&mut self.meeting)
            .phase_mut(phase)
            .elapsed_secs += secs;
        if !had_record || rules::over_time(&self.meeting, agenda) != before {
            // A timer is a phase record: the plan's judgement stands.
            self.problems.take();
        }
    }

    /// This state of this meeting: no other meeting, and no other state of it, in this
    /// process has the same (what is drawn from it may be kept under it: `memo`).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the judgement is kept (it is dropped by `edit`).
    pub fn is_judged(&self) -> bool {
        self.problems.get().is_some()
    }
}

/// A number never given before in this process.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl From<Meeting> for Judged {
    fn from(meeting: Meeting) -> Judged {
        Judged::new(meeting)
    }
}

impl std::ops::Deref for Judged {
    type Target = Meeting;
    fn deref(&self) -> &Meeting {
        &self.meeting
    }
}

/// The open meeting.
#[derive(Debug)]
pub struct Session {
    /// The meeting, judged once per change (`Judged::edit` to change it).
    pub meeting: Judged,
    pub agenda: Agenda,
    pub path: PathBuf,
    /// Index into `agenda.phases`.
    pub phase: usize,
    pub selected: usize,
    /// Seconds not yet written to the phase record (written on phase change and quit).
    pub last_tick: Option<NaiveDateTime>,
    /// How long the meeting was closed before this window opened it (from
    /// `Meeting::resume`): not counted as meeting time unless the facilitator adds it.
    pub closed_secs: Option<u64>,
    /// A break (fika): the phase timer and the meeting's total stand still.
    pub paused: bool,
    /// Why this window may only look, not change (another window has the meeting open,
    /// or finalized minutes were changed after finalizing).
    pub locked: Option<String>,
    /// The meeting's OS lock while this window may write it; released when the session
    /// ends (or the process dies).
    pub lock: Option<samsyn::store::MeetingLock>,
    /// The user's directory of organisations, offered in the organisation choices.
    pub directory: samsyn::directory::Directory,
    /// For a follow-up: what is wrong with the previous meeting's file, if anything
    /// (missing, unreadable, amended since the follow-up started).
    pub previous_note: Option<String>,
    /// The previous meeting as amended and finalized again since the follow-up started:
    /// `r` in the Review phase takes it in.
    pub previous_amended: Option<Meeting>,
    /// Where the phase's lists were scrolled (two at most: the goals and the needs, the
    /// participants and the organisations).
    pub scroll: [Scroll; 2],
}

impl Session {
    /// Where list `n` of this phase was scrolled.
    pub fn kept(&self, n: usize) -> Kept<'_> {
        self.scroll[n].of(self.phase)
    }

    pub fn phase(&self) -> &Phase {
        &self.agenda.phases[self.phase]
    }

    pub fn kind(&self) -> PhaseKind {
        self.phase().kind
    }

    /// What the rules find in the meeting: judged when it last changed, not per frame.
    pub fn problems(&self) -> &[Problem] {
        self.meeting.problems(&self.agenda)
    }

    /// `secs` more on the phase timer on screen (the clock ticking); judged again only
    /// when that changes what the rules say (`Judged::count_time`). The phase's seconds
    /// so far are returned.
    pub fn count_time(&mut self, secs: u64) -> u64 {
        let phase = self.phase().id.clone();
        self.meeting.count_time(&phase, secs, &self.agenda);
        self.elapsed_secs()
    }

    /// Whether changes may be made and saved here: a draft this window holds.
    pub fn editable(&self) -> bool {
        !self.meeting.is_finalized() && self.locked.is_none()
    }

    pub fn elapsed_secs(&self) -> u64 {
        self.meeting
            .phase(&self.phase().id)
            .map_or(0, |p| p.elapsed_secs)
    }

    /// The meeting's time so far: every phase of the agenda, added up.
    pub fn meeting_secs(&self) -> u64 {
        self.agenda
            .phases
            .iter()
            .filter_map(|p| self.meeting.phase(&p.id))
            .map(|r| r.elapsed_secs)
            .sum()
    }

    /// Remember the phase on screen in the meeting (written with the next save), so the
    /// meeting opens here again. Finalized minutes are not changed by looking at them.
    pub fn note_place(&mut self, closed_at: Option<NaiveDateTime>) {
        if !self.editable() {
            return;
        }
        self.meeting.edit().resume = Some(samsyn::meeting::Resume {
            phase: self.phase().id.clone(),
            closed_at,
        });
    }
}

/// The one enum of screens.
#[derive(Debug)]
pub enum Screen {
    Start(Start),
    Meeting(Box<Session>),
}

/// A box drawn over the screen; keys go to it first.
#[derive(Debug)]
pub enum Overlay {
    /// The full list of keys, scrolled down by this many lines.
    Help(u16),
    Problems {
        selected: usize,
        refused: bool,
    },
    ConfirmDelete {
        label: String,
        participant: bool,
    },
    Form(Box<Form>),
    /// The plan read back full screen: the page, and the action selected on it (among
    /// the page's actions).
    ReadBack {
        page: usize,
        selected: usize,
    },
    /// `q` while the meeting cannot be saved: save it elsewhere, quit anyway, or stay.
    QuitUnsaved,
}

/// A key or a paste that came while the window was too small to show what it does,
/// kept to be applied, in order, once the window is large enough again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    Key(crossterm::event::KeyEvent),
    Paste(String),
}

/// What quitting leaves behind, said on the terminal after the screen is given back.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub enum Exit {
    /// Everything is saved in the meeting's file.
    #[default]
    Saved,
    /// The user quit although the meeting could not be saved: exit non-zero.
    Unsaved,
    /// The meeting could not be saved in its file and was saved here instead.
    SavedElsewhere(PathBuf),
}

pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub keys: KeyMap,
    pub catalogue: Catalogue,
    pub archive_dir: PathBuf,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub mask: bool,
    /// Where the mask's state is remembered between runs (`config::state_path`); none in
    /// tests that build the app by hand, so they never write the user's file.
    pub state_path: Option<PathBuf>,
    /// The mask's rule for the open meeting, made once and again only when the people
    /// in it change (drawing asks it for every text on the screen).
    pub mask_rule: std::sync::Mutex<Option<std::sync::Arc<Mask>>>,
    pub show_prompts: bool,
    pub now: NaiveDateTime,
    pub size: (u16, u16),
    /// Keys and pastes that came while the window was too small (`Held`).
    pub held: Vec<Held>,
    /// The last thing that happened, shown in the status line.
    pub message: Option<(String, bool)>,
    pub last_saved: Option<NaiveDateTime>,
    /// Why the last save failed (the reason, as the file system gave it); shown until a
    /// save succeeds.
    pub save_error: Option<String>,
    /// A save handed to the background writer is not yet on disk ("saving…").
    pub saving: bool,
    /// The background writer (`store::Writer`) the running program saves through; `None`
    /// saves at once, inside `update` (the tests, which read the file right after a key).
    pub writer: Option<samsyn::store::Writer>,
    /// How the program ends: set when the user quits with the meeting not saved
    /// (non-zero), or it was saved elsewhere (the path, said on exit).
    pub exit: Exit,
    /// Text typed in an open form, written beside the meeting until it is saved.
    pub draft: super::draft::State,
    /// The user's directory of organisations (`organisations.ron`).
    pub directory: samsyn::directory::Directory,
    pub quit: bool,
    /// The meeting on screen was opened from the start screen: `q` goes back there
    /// (and `q` on the start screen quits). A meeting opened from the command line
    /// quits on `q`.
    pub from_start: bool,
}

impl App {
    pub fn new(
        lang: Lang,
        theme: Theme,
        keys: KeyMap,
        catalogue: Catalogue,
        archive_dir: PathBuf,
        now: NaiveDateTime,
    ) -> App {
        App {
            lang,
            theme,
            keys,
            catalogue,
            archive_dir,
            screen: Screen::Start(Start::new(Vec::new(), now.date(), lang, None)),
            overlay: None,
            mask: false,
            state_path: None,
            mask_rule: Default::default(),
            show_prompts: true,
            now,
            size: (80, 24),
            held: Vec::new(),
            message: None,
            last_saved: None,
            save_error: None,
            saving: false,
            writer: None,
            exit: Exit::default(),
            draft: Default::default(),
            directory: samsyn::directory::Directory::default(),
            quit: false,
            from_start: false,
        }
    }

    pub fn t(&self, t: T) -> &'static str {
        t.get(self.lang)
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Meeting(s) => Some(s),
            Screen::Start(_) => None,
        }
    }

    pub fn session_mut(&mut self) -> Option<&mut Session> {
        match &mut self.screen {
            Screen::Meeting(s) => Some(s),
            Screen::Start(_) => None,
        }
    }

    /// Text as it may be shown now: names masked when the privacy mask is on.
    pub fn show(&self, text: &str) -> String {
        use super::form::{F, Target};
        if !self.mask {
            return text.to_string();
        }
        match (self.session(), &self.overlay) {
            (Some(s), _) => self.mask_for(&s.meeting).apply(text),
            // A new meeting's form, before there is a meeting: the child named in it.
            (None, Some(Overlay::Form(f))) if matches!(f.target, Target::NewMeeting(_)) => {
                let child = [(f.text(F::SubjectName), f.text(F::SubjectInitials))];
                let others = [f.text(F::Facilitator), f.text(F::NoteTaker)];
                Mask::from_people(&child, &others).apply(text)
            }
            _ => text.to_string(),
        }
    }

    /// The mask's rule for `m`, from the cache when its people are unchanged.
    pub fn mask_for(&self, m: &Meeting) -> std::sync::Arc<Mask> {
        let mut rule = self
            .mask_rule
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match rule.as_ref() {
            Some(r) if r.is_for(m) => r.clone(),
            _ => {
                let r = std::sync::Arc::new(Mask::for_meeting(m));
                *rule = Some(r.clone());
                r
            }
        }
    }

    /// The problems shown in the list: all of them, or only what blocks when
    /// finalizing was refused.
    pub fn problem_list(&self, refused: bool) -> Vec<Problem> {
        self.session().map_or_else(Vec::new, |s| {
            let mut all = s.problems().to_vec();
            if refused {
                all.retain(|p| p.is_blocking());
            }
            all
        })
    }

    /// Whether a change is not yet on disk: a save is in flight or failed.
    pub fn unsaved(&self) -> bool {
        self.saving || self.save_error.is_some()
    }

    pub fn is_too_small(&self) -> bool {
        self.size.0 < 80 || self.size.1 < 24
    }
}

/// Meetings in `dir`: drafts first, then finalized; newest first within each. Read from
/// the archive's index where the files have not changed (`samsyn::archive`).
pub fn scan_archive(dir: &std::path::Path) -> (Vec<ArchiveEntry>, Vec<std::path::PathBuf>) {
    let scan = samsyn::archive::scan_lazy(dir);
    let mut out = scan.entries;
    out.sort_by(|a, b| {
        let key = |e: &ArchiveEntry| match &e.summary {
            Ok(m) => (
                m.finalized as u8,
                std::cmp::Reverse(Some((m.date, m.start))),
            ),
            Err(_) => (2, std::cmp::Reverse(None)),
        };
        key(a).cmp(&key(b)).then_with(|| a.path.cmp(&b.path))
    });
    (out, scan.open_to_others)
}
