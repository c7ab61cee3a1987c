//! The form used to add or edit anything: text lines, multi-line text (ratatui-textarea),
//! choices, tick boxes and dates typed the way a person types them.

use super::command::Cmd;
use super::dates::{self, When};
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use samsyn::i18n::screen::T;
use samsyn::meeting::{ActionStatus, ConsentForm, GoalKind, Huvudman, Id, ParticipantKind};

/// What a choice stands for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Val {
    None,
    Other,
    Family,
    Awaiting,
    Id(Id),
    Huvudman(Huvudman),
    Kind(ParticipantKind),
    /// Attendance: 0 room, 1 video, 2 phone, 3 absent, 4 declined, 5 invited.
    Attend(u8),
    ConsentForm(ConsentForm),
    GoalKind(GoalKind),
    Status(ActionStatus),
    Score(Option<u8>),
    Outcome(samsyn::meeting::Outcome),
    GoalOutcome(samsyn::meeting::GoalOutcome),
    /// An awaited decision: 0 granted, 1 refused, 2 still awaited.
    Decided(u8),
    /// An organisation of the user's directory, with the units above it (nearest first),
    /// added to the meeting when the form is saved.
    Import(Vec<samsyn::directory::Entry>),
    /// The same organisation as the one that carries out the action.
    SameOrg,
    /// A phase of the agenda: its id, title and number (for what is typed about it).
    Phase {
        id: String,
        title: String,
        number: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Opt {
    pub label: String,
    pub val: Val,
}

#[derive(Debug)]
pub enum Input {
    Line(TextArea<'static>),
    Multi(TextArea<'static>),
    Date(TextArea<'static>),
    /// `find` is what was typed to find an option, while it is being typed.
    Choice {
        opts: Vec<Opt>,
        idx: usize,
        find: Option<Find>,
    },
    Check(bool),
}

/// Letters typed on a choice: the option whose name matches them is chosen, and the
/// field shows what was typed. Nothing matching leaves the choice as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Find {
    pub text: String,
    /// The option chosen before typing began: Esc goes back to it.
    pub before: usize,
    /// Whether some option matches `text`.
    pub found: bool,
    /// Whether the form had changes before typing began.
    pub was_dirty: bool,
}

/// The option whose name matches `query` (case and extra spaces aside, a leading "—"
/// ignored): one whose name starts with it, else one with a word that starts with it,
/// else one that contains it; the first in the list of each kind.
pub fn find_option(opts: &[Opt], query: &str) -> Option<usize> {
    let norm = |s: &str| {
        let s = s.trim_start_matches(['—', ' ']).to_lowercase();
        let mut out = String::with_capacity(s.len());
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    };
    let q = norm(query);
    if q.is_empty() {
        return None;
    }
    let names: Vec<String> = opts.iter().map(|o| norm(&o.label)).collect();
    let word_start = |name: &str| {
        name.match_indices(&q).any(|(i, _)| {
            name[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
    };
    names
        .iter()
        .position(|n| n.starts_with(&q))
        .or_else(|| names.iter().position(|n| word_start(n)))
        .or_else(|| names.iter().position(|n| n.contains(&q)))
}

/// Which field this is, so forms can read their values by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum F {
    Title,
    CaseRef,
    When,
    Place,
    Facilitator,
    NoteTaker,
    Initiator,
    SubjectName,
    SubjectInitials,
    Name,
    Role,
    Organisation,
    Huvudman,
    Kind,
    Mandate,
    MandateCosts,
    Attendance,
    DeclineReason,
    StandIn,
    Contact,
    GivenBy,
    GivenByName,
    Scope,
    Exclusions,
    ConsentForm,
    Date,
    ValidUntil,
    Withdrawn,
    Text,
    GoalKind,
    Indicator,
    ParentGoal,
    What,
    Performer,
    PerformerName,
    Decision,
    GoalLink,
    DecisionMaker,
    DecisionOrg,
    DecideBy,
    Deadline,
    Start,
    CostBearer,
    FeedbackFrom,
    FeedbackTo,
    FeedbackBy,
    Status,
    StatusComment,
    OverallHuvudman,
    OverallOrg,
    OverallPerson,
    Coordinator,
    CoordinatorName,
    Convener,
    ConvenerName,
    Reason,
    By,
    /// Justerare named at finalizing, separated by commas.
    Justerare,
    HeardScore,
    UsefulScore,
    /// A new organisation's name, when "new organisation" is chosen.
    OrgName,
    OrgParent,
    Mission,
    CoDecider,
    GivenByAlso,
    ChildView,
    AwaitReason,
    /// The consent names the meeting's organisation at this index.
    ConsentOrg(u16),
    Outcome,
    DecisionOutcome,
    DecidedBy,
    DecidedOn,
    CarryOver,
    GoalOutcome,
    Comment,
    /// The kallelse: why we meet, the questions (one per line).
    Purpose,
    Questions,
    /// The decisions expected of the meeting's organisation at this index.
    Expected(u16),
    ExpectedCosts(u16),
    VideoLink,
    /// When the kallelse was sent.
    Sent,
    /// The time counted in a phase, in minutes (`12`, `12:30`).
    PhaseMinutes,
    /// Add the time the meeting was closed to the phase.
    AddClosed,
    /// Present for part of the meeting: the whole, one phase, or from/until.
    Part,
    Joined,
    LeftAt,
}

#[derive(Debug)]
pub struct Field {
    pub id: F,
    pub label: T,
    /// Shown instead of `label` where the field names a thing of the meeting (one tick
    /// box per organisation).
    pub name: Option<String>,
    /// Not asked now (the new organisation's name while an existing one is chosen, the
    /// awaited decision while it is decided at the table): not drawn, Tab skips it.
    pub hidden: bool,
    pub input: Input,
    /// A line under the field: the parsed date, or why some choice is not offered.
    pub note: Option<(String, bool)>,
}

/// What saving the form changes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Target {
    NewMeeting(String),
    Details,
    /// The kallelse (the meeting's invitation).
    Invitation,
    Participant(Option<usize>),
    Organisation(Option<usize>),
    /// A review of the previous plan's action, by index in `reviews`.
    Review(usize),
    GoalReview(usize),
    Consent(Option<usize>),
    Goal(Option<usize>),
    Need(Option<usize>),
    Action(Option<usize>),
    Summary,
    Distribution,
    Disagreement(Option<usize>),
    FollowUp,
    ClosePlan,
    Evaluation(Id),
    Text(TextTarget),
    Finalize,
    Amend,
    /// The time counted in the phase on screen.
    PhaseTime,
    /// Where to write the meeting when its own file cannot be written (quitting).
    SaveElsewhere,
}

/// Which free text a text form edits.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TextTarget {
    PhaseNotes(String),
    WorksWell,
    Worries,
    RiskFactors,
    ProtectiveFactors,
    ChildViews,
    ChildHow,
    ChildNotObtained,
}

#[derive(Debug)]
pub struct Form {
    pub target: Target,
    pub title: String,
    pub intro: Option<String>,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    /// Dates are read relative to this day (`+3v` from the meeting).
    pub base_date: NaiveDate,
    /// The performer last seen, so the organisation follows a new performer.
    pub memo: Option<Val>,
    /// A choice saved before that must not be swapped for another without a word (the
    /// decider an action was recorded with).
    pub kept: Option<Val>,
    /// Something was typed or chosen since the form opened.
    pub dirty: bool,
    /// Esc was pressed once on a dirty form; a second Esc discards.
    pub discard_armed: bool,
    /// Free text is written to the meeting while it is typed, so a crash loses at most
    /// a couple of seconds; this is the text before the form opened, for Esc to restore.
    pub original: Option<String>,
    /// When the text last changed and has not yet been written.
    pub pending_since: Option<chrono::NaiveDateTime>,
    /// The text field being edited: keys went to it since the cursor came there. Under
    /// the privacy mask only this field shows its text as typed (`mask::field`).
    pub editing: Option<usize>,
    /// A confirmation (finalizing): Enter confirms from any one-line field, as its intro
    /// says, instead of moving to the next one.
    pub enter_confirms: bool,
    /// Lines of the focused field's note scrolled past (PgDn), when the note is taller
    /// than the box.
    pub note_scroll: usize,
}

/// Why a form cannot be saved, and the field to fix: the form moves the cursor there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    pub field: Option<F>,
    pub message: String,
}

impl FormError {
    /// An error in one field.
    pub fn at(field: F, message: impl Into<String>) -> FormError {
        FormError {
            field: Some(field),
            message: message.into(),
        }
    }

    /// Field `field`, named `label`, must be filled in.
    pub fn missing(field: F, label: T, lang: samsyn::i18n::Lang) -> FormError {
        use samsyn::i18n::screen::fill;
        FormError::at(field, fill(T::NeedText.get(lang), &[label.get(lang)]))
    }
}

/// An error of the form as a whole (the cursor stays where it is).
impl From<String> for FormError {
    fn from(message: String) -> FormError {
        FormError {
            field: None,
            message,
        }
    }
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    Save,
    Cancel,
    Changed,
    Moved,
    Ignored,
}

fn textarea(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.lines().map(str::to_string).collect()
    };
    let mut ta = TextArea::new(lines);
    ta.set_cursor_line_style(Style::default());
    // Wrapped, never scrolled sideways: the whole text is in view while it is typed.
    ta.set_wrap_mode(WrapMode::WordOrGlyph);
    ta.move_cursor(ratatui_textarea::CursorMove::Bottom);
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta
}

impl Form {
    pub fn new(target: Target, title: String, base_date: NaiveDate) -> Form {
        Form {
            target,
            title,
            intro: None,
            fields: Vec::new(),
            focus: 0,
            error: None,
            base_date,
            memo: None,
            kept: None,
            dirty: false,
            discard_armed: false,
            original: None,
            pending_since: None,
            editing: None,
            enter_confirms: false,
            note_scroll: 0,
        }
    }

    fn push(&mut self, id: F, label: T, input: Input) -> &mut Form {
        self.fields.push(Field {
            id,
            label,
            name: None,
            hidden: false,
            input,
            note: None,
        });
        self
    }

    pub fn line(&mut self, id: F, label: T, text: &str) -> &mut Form {
        self.push(id, label, Input::Line(textarea(text)))
    }

    pub fn multi(&mut self, id: F, label: T, text: &str) -> &mut Form {
        self.push(id, label, Input::Multi(textarea(text)))
    }

    pub fn date(&mut self, id: F, label: T, text: &str) -> &mut Form {
        self.push(id, label, Input::Date(textarea(text)))
    }

    pub fn choice(&mut self, id: F, label: T, opts: Vec<Opt>, current: &Val) -> &mut Form {
        let idx = opts.iter().position(|o| &o.val == current).unwrap_or(0);
        self.push(
            id,
            label,
            Input::Choice {
                opts,
                idx,
                find: None,
            },
        )
    }

    pub fn check(&mut self, id: F, label: T, on: bool) -> &mut Form {
        self.push(id, label, Input::Check(on))
    }

    /// A tick box labelled with a name of the meeting ("Björkhagaskolan").
    pub fn check_named(&mut self, id: F, label: T, name: String, on: bool) -> &mut Form {
        self.push(id, label, Input::Check(on));
        if let Some(f) = self.fields.last_mut() {
            f.name = Some(name);
        }
        self
    }

    /// The first field asked whose text looks like a personnummer: samsyn never stores
    /// one, so such a form is not saved (nor its text written while it is typed).
    pub fn personnummer_field(&self) -> Option<F> {
        self.fields
            .iter()
            .filter(|f| !f.hidden)
            .find(|f| match &f.input {
                Input::Line(ta) | Input::Multi(ta) => {
                    samsyn::meeting::looks_like_personnummer(&ta.lines().join("\n"))
                }
                _ => false,
            })
            .map(|f| f.id)
    }

    /// Why the form is refused when `personnummer_field` finds one.
    pub fn personnummer_error(&self, lang: samsyn::i18n::Lang) -> Option<FormError> {
        let id = self.personnummer_field()?;
        let label = self.field(id).map_or("", |f| Form::label_of(f, lang));
        Some(FormError::at(
            id,
            samsyn::i18n::screen::fill(T::Personnummer.get(lang), &[label]),
        ))
    }

    /// The label a field shows.
    pub fn label_of(field: &Field, lang: samsyn::i18n::Lang) -> &str {
        field.name.as_deref().unwrap_or(field.label.get(lang))
    }

    pub fn field(&self, id: F) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn field_mut(&mut self, id: F) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// The trimmed text of a text or date field.
    pub fn text(&self, id: F) -> String {
        match self.field(id).map(|f| &f.input) {
            Some(Input::Line(ta) | Input::Multi(ta) | Input::Date(ta)) => {
                ta.lines().join("\n").trim().to_string()
            }
            _ => String::new(),
        }
    }

    pub fn set_text(&mut self, id: F, text: &str) {
        if let Some(f) = self.field_mut(id)
            && let Input::Line(ta) | Input::Multi(ta) | Input::Date(ta) = &mut f.input
        {
            *ta = textarea(text);
        }
    }

    pub fn choice_val(&self, id: F) -> Val {
        match self.field(id).map(|f| &f.input) {
            Some(Input::Choice { opts, idx, .. }) => {
                opts.get(*idx).map_or(Val::None, |o| o.val.clone())
            }
            _ => Val::None,
        }
    }

    /// Select the option with this value, if offered.
    pub fn select(&mut self, id: F, val: &Val) {
        if let Some(Field {
            input: Input::Choice { opts, idx, find },
            ..
        }) = self.field_mut(id)
            && let Some(i) = opts.iter().position(|o| &o.val == val)
        {
            *idx = i;
            *find = None;
        }
    }

    /// Replace a choice's options, keeping the current value when it is still offered.
    /// Returns whether the value had to change.
    pub fn set_options(&mut self, id: F, new: Vec<Opt>) -> bool {
        let current = self.choice_val(id);
        if let Some(Field {
            input: Input::Choice { opts, idx, find },
            ..
        }) = self.field_mut(id)
        {
            let pos = new.iter().position(|o| o.val == current);
            if pos.is_none() || new.len() != opts.len() {
                // The options typed among are gone: what was typed no longer applies.
                *find = None;
            }
            *opts = new;
            *idx = pos.unwrap_or(0);
            return pos.is_none();
        }
        false
    }

    pub fn checked(&self, id: F) -> bool {
        matches!(self.field(id).map(|f| &f.input), Some(Input::Check(true)))
    }

    /// A date field: `Ok(None)` when empty, the parser's error when not understood.
    pub fn when(&self, id: F) -> Result<Option<When>, samsyn::datetime::ParseError> {
        let text = self.text(id);
        if text.is_empty() {
            return Ok(None);
        }
        dates::parse(&text, self.base_date).map(Some)
    }

    /// A date field that must be filled in: its date, or why not, naming the field
    /// (`label` is its name in the message).
    pub fn required_when(
        &self,
        id: F,
        label: T,
        lang: samsyn::i18n::Lang,
    ) -> Result<When, FormError> {
        match self.when(id) {
            Ok(Some(w)) => Ok(w),
            Ok(None) => Err(FormError::missing(id, label, lang)),
            Err(_) => Err(self.bad_date(id, lang)),
        }
    }

    /// A date field that may be left empty: its date, or why it cannot be read.
    pub fn optional_date(
        &self,
        id: F,
        lang: samsyn::i18n::Lang,
    ) -> Result<Option<NaiveDate>, FormError> {
        self.when(id)
            .map(|w| w.map(|w| w.date))
            .map_err(|_| self.bad_date(id, lang))
    }

    fn bad_date(&self, id: F, lang: samsyn::i18n::Lang) -> FormError {
        use samsyn::i18n::screen::fill;
        FormError::at(id, fill(T::BadDate.get(lang), &[&self.text(id)]))
    }

    /// A text field that must be filled in: its text, or `why` said at the field.
    pub fn required(&self, id: F, why: &str) -> Result<String, FormError> {
        Some(self.text(id))
            .filter(|t| !t.is_empty())
            .ok_or_else(|| FormError::at(id, why))
    }

    /// A text field that must be filled in (`label` is its name in the message).
    pub fn required_text(
        &self,
        id: F,
        label: T,
        lang: samsyn::i18n::Lang,
    ) -> Result<String, FormError> {
        Some(self.text(id))
            .filter(|t| !t.is_empty())
            .ok_or_else(|| FormError::missing(id, label, lang))
    }

    pub fn set_note(&mut self, id: F, note: Option<(String, bool)>) {
        if let Some(f) = self.field_mut(id) {
            f.note = note;
        }
    }

    /// Ask field `id`, or stop asking it; the cursor leaves a field that is hidden.
    pub fn set_hidden(&mut self, id: F, hidden: bool) {
        if let Some(f) = self.field_mut(id) {
            f.hidden = hidden;
        }
        if self.fields.get(self.focus).is_some_and(|f| f.hidden) {
            self.move_focus(true);
        }
    }

    /// Show why the form cannot be saved, with the cursor in the field to fix.
    pub fn fail(&mut self, e: FormError) {
        if let Some(i) = e
            .field
            .and_then(|id| self.fields.iter().position(|f| f.id == id))
        {
            self.fields[i].hidden = false;
            self.focus = i;
            self.style_cursors();
        }
        self.error = Some(e.message);
    }

    /// Show the cursor only in the focused field; a choice left keeps what was found.
    pub fn style_cursors(&mut self) {
        let focus = self.focus;
        for (i, f) in self.fields.iter_mut().enumerate() {
            if i != focus
                && let Input::Choice { find, .. } = &mut f.input
            {
                *find = None;
            }
            if let Input::Line(ta) | Input::Multi(ta) | Input::Date(ta) = &mut f.input {
                ta.set_cursor_style(if i == focus {
                    Style::default().add_modifier(Modifier::REVERSED)
                } else {
                    Style::default()
                });
            }
        }
    }

    /// The next field asked (hidden ones are skipped).
    fn move_focus(&mut self, forward: bool) {
        self.note_scroll = 0;
        if let Some(Field {
            input: Input::Choice { find, .. },
            ..
        }) = self.fields.get_mut(self.focus)
        {
            // Moving on keeps the option found.
            *find = None;
        }
        let n = self.fields.len();
        for _ in 0..n {
            self.focus = if forward {
                (self.focus + 1) % n
            } else {
                (self.focus + n - 1) % n
            };
            if !self.fields[self.focus].hidden {
                break;
            }
        }
        self.style_cursors();
    }

    /// Handle one key. Text goes to the focused text field; the fixed form keys move,
    /// choose, save and cancel.
    pub fn key(&mut self, ev: KeyEvent) -> FormKey {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        // Esc while typing to find an option goes back to the option before, and leaves
        // the form open.
        if ev.code == KeyCode::Esc
            && let Some(Field {
                input: Input::Choice { idx, find, .. },
                ..
            }) = self.fields.get_mut(self.focus)
            && let Some(f) = find.take()
        {
            // Back where it was before typing: the form is as changed as it was then.
            *idx = f.before;
            self.dirty = f.was_dirty;
            return FormKey::Moved;
        }
        match ev.code {
            KeyCode::Esc => return FormKey::Cancel,
            KeyCode::Char('s') if ctrl => return FormKey::Save,
            KeyCode::F(10) => return FormKey::Save,
            KeyCode::Tab => {
                self.move_focus(true);
                return FormKey::Moved;
            }
            KeyCode::BackTab => {
                self.move_focus(false);
                return FormKey::Moved;
            }
            _ => {}
        }
        // PgDn / PgUp scroll a note taller than the box (why deciders are not offered);
        // the drawing stops at its end.
        let noted = self
            .fields
            .get(self.focus)
            .is_some_and(|f| f.note.is_some() && !matches!(f.input, Input::Multi(_)));
        if noted && Cmd::ScrollNote.spec().keys.iter().any(|k| k.matches(&ev)) {
            self.note_scroll = if ev.code == KeyCode::PageDown {
                self.note_scroll + 5
            } else {
                self.note_scroll.saturating_sub(5)
            };
            return FormKey::Moved;
        }
        let last = self.fields[self.focus + 1..].iter().all(|f| f.hidden);
        let multi_line = matches!(
            self.fields.get(self.focus).map(|f| &f.input),
            Some(Input::Multi(_))
        );
        // Every one-line field moves and saves alike: Enter on the last field saves,
        // Enter and ↓ go to the next field, ↑ to the one before.
        if !multi_line {
            match ev.code {
                KeyCode::Enter if last || self.enter_confirms => return FormKey::Save,
                KeyCode::Enter | KeyCode::Down => {
                    self.move_focus(true);
                    return FormKey::Moved;
                }
                KeyCode::Up => {
                    self.move_focus(false);
                    return FormKey::Moved;
                }
                _ => {}
            }
        }
        let Some(field) = self.fields.get_mut(self.focus) else {
            return FormKey::Ignored;
        };
        match &mut field.input {
            Input::Multi(ta) => {
                if ev.code == KeyCode::Up && ta.cursor().0 == 0 {
                    self.move_focus(false);
                    return FormKey::Moved;
                }
                if ev.code == KeyCode::Down && ta.cursor().0 + 1 >= ta.lines().len() {
                    self.move_focus(true);
                    return FormKey::Moved;
                }
                edit(ta, ev, true)
            }
            Input::Line(ta) | Input::Date(ta) => edit(ta, ev, false),
            Input::Choice { opts, idx, find } => {
                let key = choice_key(opts, idx, find, ev, self.dirty);
                if let Some(was_dirty) = key.1 {
                    self.dirty = was_dirty;
                }
                key.0
            }
            Input::Check(on) => match ev.code {
                KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right => {
                    *on = !*on;
                    FormKey::Changed
                }
                _ => FormKey::Ignored,
            },
        }
    }

    /// Text pasted into the focused text field, as one insertion (one step to undo):
    /// line breaks as the terminal sends them (`\r`, `\r\n`) become new lines, or
    /// spaces in a one-line field; other control characters are left out.
    pub fn paste(&mut self, text: &str) -> FormKey {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean = |t: &str| -> String {
            t.chars()
                .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
                .collect()
        };
        let Some(field) = self.fields.get_mut(self.focus) else {
            return FormKey::Ignored;
        };
        let changed = match &mut field.input {
            Input::Multi(ta) => ta.insert_str(clean(&text)),
            Input::Line(ta) | Input::Date(ta) => ta.insert_str(clean(&text.replace('\n', " "))),
            Input::Choice { .. } | Input::Check(_) => false,
        };
        if !changed {
            return FormKey::Ignored;
        }
        // As when typed: the field being edited shows its text (the mask).
        self.editing = Some(self.focus);
        FormKey::Changed
    }

    /// Notes under date fields: the parsed date, or a hint.
    pub fn refresh_dates(&mut self, lang: samsyn::i18n::Lang) {
        let base = self.base_date;
        for f in &mut self.fields {
            if let Input::Date(ta) = &f.input {
                let text = ta.lines().join(" ");
                let text = text.trim();
                f.note = if text.is_empty() {
                    None
                } else {
                    Some(dates::note(text, base, lang))
                };
            }
        }
    }
}

/// A key in a text field: the editing keys people know (declared in `command.rs`), then
/// the text area's own. A one-line field never takes a line break.
fn edit(ta: &mut TextArea<'static>, ev: KeyEvent, multi_line: bool) -> FormKey {
    let is = |cmd: Cmd| cmd.spec().keys.iter().any(|k| k.matches(&ev));
    let changed = if is(Cmd::ClearToStart) {
        ta.delete_line_by_head()
    } else if is(Cmd::ClearToEnd) {
        ta.delete_line_by_end()
    } else if is(Cmd::DeleteWord) {
        ta.delete_word()
    } else if is(Cmd::LineStartEnd) {
        ta.move_cursor(if ev.code == KeyCode::Home {
            CursorMove::Head
        } else {
            CursorMove::End
        });
        return FormKey::Moved;
    } else if is(Cmd::WordLeftRight) {
        ta.move_cursor(if ev.code == KeyCode::Left {
            CursorMove::WordBack
        } else {
            CursorMove::WordForward
        });
        return FormKey::Moved;
    } else if !multi_line
        && (matches!(ev.code, KeyCode::Enter | KeyCode::Char('\n' | '\r'))
            || (ev.code == KeyCode::Char('m') && ev.modifiers.contains(KeyModifiers::CONTROL)))
    {
        false
    } else {
        ta.input(ev)
    };
    if changed {
        FormKey::Changed
    } else {
        FormKey::Ignored
    }
}

/// A key on a choice. ←/→ step through the options (a single option stays as it is);
/// printable keys find an option by its name, shown as they are typed.
/// The second value, when given, is what the form's `dirty` goes back to.
fn choice_key(
    opts: &[Opt],
    idx: &mut usize,
    find: &mut Option<Find>,
    ev: KeyEvent,
    dirty: bool,
) -> (FormKey, Option<bool>) {
    let before = *idx;
    let typed = !ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match ev.code {
        KeyCode::Right | KeyCode::Left => {
            *find = None;
            if opts.len() < 2 {
                return (FormKey::Ignored, None);
            }
            *idx = if ev.code == KeyCode::Right {
                (*idx + 1) % opts.len()
            } else {
                (*idx + opts.len() - 1) % opts.len()
            };
        }
        KeyCode::Char(c) if typed && !c.is_control() => {
            let f = find.get_or_insert(Find {
                text: String::new(),
                before: *idx,
                found: false,
                was_dirty: dirty,
            });
            f.text.push(c);
            refind(opts, idx, f);
        }
        KeyCode::Backspace if find.is_some() => {
            let f = find.as_mut().expect("checked");
            f.text.pop();
            if f.text.is_empty() {
                // All that was typed is gone: back as before typing began.
                *idx = f.before;
                let was_dirty = f.was_dirty;
                *find = None;
                return (FormKey::Moved, Some(was_dirty));
            }
            refind(opts, idx, f);
        }
        _ => return (FormKey::Ignored, None),
    }
    if *idx == before {
        (FormKey::Moved, None)
    } else {
        (FormKey::Changed, None)
    }
}

/// The option matching what is typed, or the one before typing began when none does.
fn refind(opts: &[Opt], idx: &mut usize, f: &mut Find) {
    if f.text.trim().is_empty() {
        // Only spaces so far: nothing to find yet, and nothing to complain about.
        *idx = f.before;
        f.found = true;
        return;
    }
    match find_option(opts, &f.text) {
        Some(i) => {
            *idx = i;
            f.found = true;
        }
        None => {
            *idx = f.before;
            f.found = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(labels: &[&str]) -> Vec<Opt> {
        labels
            .iter()
            .enumerate()
            .map(|(i, l)| Opt {
                label: l.to_string(),
                val: Val::Attend(i as u8),
            })
            .collect()
    }

    #[test]
    fn an_option_is_found_by_the_start_of_its_name_then_of_a_word_then_anywhere() {
        let o = opts(&[
            "— välj",
            "Sara Holm (socialsekreterare)",
            "Lena Ek (rektor, Skola: Nyboskolan)",
            "Lena Holm (specialpedagog)",
            "Beslut inväntas av … (fyll i nedan)",
        ]);
        assert_eq!(find_option(&o, "lena holm"), Some(3));
        assert_eq!(find_option(&o, "LENA"), Some(2));
        assert_eq!(find_option(&o, "holm"), Some(1), "a word starts with it");
        assert_eq!(find_option(&o, "olm"), Some(1), "anywhere");
        assert_eq!(find_option(&o, "lena   ek"), Some(2), "extra spaces aside");
        assert_eq!(find_option(&o, "välj"), Some(0), "a leading — aside");
        assert_eq!(find_option(&o, "rektor"), Some(2));
        assert_eq!(find_option(&o, "kim"), None);
        assert_eq!(find_option(&o, "  "), None);
    }
}
