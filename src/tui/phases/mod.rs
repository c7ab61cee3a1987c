//! One phase per kind: each says which commands it offers, what its rows are, how it
//! draws, which form a command opens and how a saved form or a delete changes the
//! meeting. `phase_for` is the one place a `PhaseKind` is matched in the screen. The
//! phases whose rows are lists are each a `list::ListPhase`, one implementation for all.

pub mod actions;
pub mod child_voice;
pub mod clock;
pub mod consent;
pub mod details;
pub mod evaluation;
pub mod follow_up;
pub mod goal;
pub mod invitation;
pub mod labels;
pub mod list;
pub mod orgs;
pub mod review;
pub mod roles;
pub mod situation;
pub mod summary;
pub mod text;

use super::app::{App, Session};
use super::command::Cmd;
use super::form::{Form, FormError, Target};
use super::widgets;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use samsyn::agenda::PhaseKind;
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::meeting::Meeting;
use text::{TextPhase, Texts};

/// What a phase shows to move through and edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// One thing edited as a whole (a text, the follow-up), no list.
    One,
    /// A list of this many rows.
    List(usize),
}

impl Rows {
    pub fn count(self) -> usize {
        match self {
            Rows::One => 0,
            Rows::List(n) => n,
        }
    }
}

/// What `d` would do on the selected row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deletion {
    /// Ask first, naming the row; `participant` adds that their marks go too.
    Ask { label: String, participant: bool },
    /// It cannot be deleted, and why.
    Refused(String),
}

impl Deletion {
    /// Ask first, naming the row; nobody's marks go with it.
    pub fn ask(label: impl Into<String>) -> Deletion {
        Deletion::Ask {
            label: label.into(),
            participant: false,
        }
    }
}

/// A phase kind on the screen. No method has a default, so a new kind is told by the
/// compiler everything it must say.
pub trait Phase: Sync {
    /// The commands it offers, in footer order; whether each works right now is the
    /// command's own declaration (`command.rs`, `When`).
    fn commands(&self) -> &'static [Cmd];
    fn rows(&self, s: &Session) -> Rows;
    fn render(&self, app: &App, s: &Session, f: &mut Frame, area: Rect);
    /// The form `cmd` opens on the selected row, if it opens one here.
    fn open(&self, s: &Session, cmd: Cmd, lang: Lang) -> Option<Form>;
    /// The form `target` names, built afresh from the meeting (a draft brought back);
    /// `None` when the target is another phase's or what it edited is gone.
    fn reopen(&self, s: &Session, target: &Target, lang: Lang) -> Option<Form>;
    /// The row where the item `target` edits is shown (once added, for a new one).
    fn row_of(&self, m: &Meeting, target: &Target) -> usize;
    /// Recompute fields that depend on others (who may decide, the organisation …).
    fn refresh(&self, m: &Meeting, form: &mut Form, lang: Lang);
    /// Apply a saved form of this phase to the meeting, or say why it cannot be saved.
    fn commit(&self, m: &mut Meeting, form: &Form, lang: Lang) -> Result<(), FormError>;
    /// What deleting the selected row would do; `None` when it cannot be deleted here.
    fn deletion(&self, s: &Session, lang: Lang) -> Option<Deletion>;
    /// Delete row `row` (after `deletion` asked).
    fn delete(&self, m: &mut Meeting, row: usize);
    /// The index in `participants` of the person on row `row`, where rows are people.
    fn participant_at(&self, m: &Meeting, row: usize) -> Option<usize>;
}

/// The phase of a kind: the only `match` on `PhaseKind` in the screen.
pub fn phase_for(kind: PhaseKind) -> &'static dyn Phase {
    match kind {
        PhaseKind::Roles => &roles::ROLES,
        PhaseKind::Consent => &consent::CONSENTS,
        PhaseKind::Purpose | PhaseKind::Notes => &TextPhase(Texts::One { unsupported: false }),
        PhaseKind::Review => &review::ReviewPhase,
        PhaseKind::Situation => &TextPhase(Texts::Situation),
        PhaseKind::ChildVoice => &TextPhase(Texts::ChildVoice),
        PhaseKind::Goal => &goal::GOALS,
        PhaseKind::Actions => &actions::ACTIONS,
        PhaseKind::Summary => &summary::Summary,
        PhaseKind::FollowUp => &follow_up::FollowUpPhase,
        PhaseKind::Evaluation => &evaluation::EvaluationPhase,
    }
}

/// The phase on screen.
pub fn current(s: &Session) -> &'static dyn Phase {
    phase_for(s.kind())
}

/// Recompute what depends on other fields of an open form: date notes, and what the
/// phase on screen derives (who may decide …).
pub fn refresh(s: &Session, form: &mut Form, lang: Lang) {
    form.refresh_dates(lang);
    current(s).refresh(&s.meeting, form, lang);
    orgs::ask_new(form);
}

/// A form opened by a command, ready to show.
pub fn open(s: &Session, cmd: Cmd, lang: Lang) -> Option<Form> {
    let mut form = current(s).open(s, cmd, lang)?;
    refresh(s, &mut form, lang);
    form.style_cursors();
    Some(form)
}

/// The selected row of a list phase, if it has one.
pub fn selected_row(s: &Session) -> Option<usize> {
    (current(s).rows(s).count() > 0).then_some(s.selected)
}

/// Save a one-line text item (a need, a disagreement) from a form's text field into
/// `list`: replacing item `idx`, or added at the end. An empty text is refused, naming
/// the field.
pub fn commit_text_item(
    list: &mut Vec<String>,
    form: &Form,
    idx: Option<usize>,
    field: T,
    lang: Lang,
) -> Result<(), FormError> {
    let text = form.required_text(super::form::F::Text, field, lang)?;
    match idx.and_then(|i| list.get_mut(i)) {
        Some(item) => *item = text,
        None => list.push(text),
    }
    Ok(())
}

/// The error for a form handed to a phase it is not of: a bug, never the user's doing.
pub fn foreign(form: &Form) -> FormError {
    format!(
        "internal error: {:?} is not saved by this phase",
        form.target
    )
    .into()
}

/// Why `name` cannot be deleted (`template`: «{} … {}»), naming each place that still
/// refers to it once however often it does; `None` when nothing does.
pub fn refused_while_named(
    template: T,
    name: &str,
    places: impl IntoIterator<Item = String>,
    lang: Lang,
) -> Option<String> {
    let mut seen: Vec<String> = Vec::new();
    for place in places {
        if !seen.contains(&place) {
            seen.push(place);
        }
    }
    (!seen.is_empty()).then(|| fill(template.get(lang), &[name, &seen.join(", ")]))
}

/// The first line of a text, at most `n` characters, to name a row.
pub fn short(t: &str, n: usize) -> String {
    t.lines().next().unwrap_or("").chars().take(n).collect()
}

// Drawing helpers of the phases: the widgets with the app's theme, mask and keys.

pub fn block<'a>(
    app: &App,
    title: impl Into<String>,
    focused: bool,
) -> ratatui::widgets::Block<'a> {
    widgets::block(&app.theme, title, focused)
}

/// A bordered box of free text, or a hint when it is empty.
pub fn text_box(app: &App, f: &mut Frame, area: Rect, title: &str, body: &str, focused: bool) {
    let hint = fill(app.t(T::EmptyText), &[&app.keys.label(Cmd::Edit)]);
    widgets::text_box(&app.theme, f, area, title, &app.show(body), &hint, focused);
}

/// The hint for an empty list: "Nothing written yet. Press a to add."
pub fn empty_hint(app: &App) -> String {
    fill(app.t(T::Empty), &[&app.keys.label(Cmd::Add)])
}

/// A labelled line: "Label: value".
pub fn kv(app: &App, label: &str, value: &str) -> Line<'static> {
    widgets::kv(&app.theme, label, app.show(value))
}

pub use widgets::wrapped;
