//! The privacy mask: on a shared screen the child's and the family's names are shown as
//! initials, in every place they appear — lists, forms and free text alike. The rule is
//! the domain's, shared with pseudonymized exports, so the screen and the files agree.
//!
//! In a form, only the text field being edited shows its text as typed, marked as such
//! under it; the cursor arriving in a field does not show it, the first key typed there
//! does, and leaving the field masks it again. Whether the mask is on is remembered
//! between runs (`config::State`), so the start screen and a meeting open masked.

use super::app::App;
use super::form::{Form, FormKey, Input};
use crossterm::event::{KeyCode, KeyEvent};
use samsyn::i18n::screen::T;
pub use samsyn::meeting::Pseudonyms as Mask;

/// Put the mask as it was left (remembered in `path`, where it is remembered from now
/// on). A file that cannot be read leaves the mask on, since it may have been: the
/// returned message says why.
pub fn recall(app: &mut App, path: std::path::PathBuf) -> Option<String> {
    let (mask, error) = match samsyn::config::load_state(&path) {
        Ok(state) => (state.mask, None),
        Err(e) => (true, Some(e.to_string())),
    };
    app.mask = mask;
    app.state_path = Some(path);
    error
}

/// Remember whether the mask is on, for the next start; a failure is said, not fatal.
pub fn remember(app: &mut App) {
    let Some(path) = &app.state_path else { return };
    let state = samsyn::config::State { mask: app.mask };
    if let Err(e) = samsyn::config::save_state(path, &state) {
        app.message = Some((e.to_string(), true));
    }
}

/// A key to the form, noting which text field is being edited: a key that went into a
/// text field (typing, moving in the text) makes it the edited one; the cursor going to
/// another field ends that.
pub fn form_key(form: &mut Form, k: KeyEvent) -> FormKey {
    let before = form.focus;
    let result = form.key(k);
    let in_text = form
        .fields
        .get(form.focus)
        .is_some_and(|f| matches!(f.input, Input::Line(_) | Input::Multi(_) | Input::Date(_)));
    if form.focus != before {
        form.editing = None;
    } else if in_text
        && !matches!(k.code, KeyCode::Modifier(_))
        && matches!(result, FormKey::Changed | FormKey::Ignored | FormKey::Moved)
    {
        form.editing = Some(form.focus);
    }
    result
}

/// How a form's text field may be drawn now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// Its text as typed: the mask is off or hides nothing in it, or it is not focused
    /// (then `App::show` masks it like any text).
    Plain,
    /// Being edited under the mask: shown as typed, only while it is edited.
    Editing,
    /// Focused but not edited yet: its text with names as initials.
    Masked(String),
}

/// How text field `i` of `form` is drawn, its text being `text`.
pub fn field(app: &App, form: &Form, i: usize, text: &str) -> Field {
    if i != form.focus || !app.mask {
        return Field::Plain;
    }
    let masked = app.show(text);
    if form.editing == Some(i) {
        // What is typed under the mask is marked even before it holds a name.
        Field::Editing
    } else if masked != text {
        Field::Masked(masked)
    } else {
        Field::Plain
    }
}

/// The line under a field drawn under the mask, saying what the screen shows.
pub fn field_note(app: &App, shown: &Field) -> Option<&'static str> {
    match shown {
        Field::Plain => None,
        Field::Editing => Some(app.t(T::MaskEditing)),
        Field::Masked(_) => Some(app.t(T::MaskHidden)),
    }
}
