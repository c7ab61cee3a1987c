//! The phases whose rows are lists, one below the other (the participants, then the
//! organisations), each row edited by its list's form: one `Phase` for them all.

use super::{Deletion, Phase, Rows};
use crate::tui::app::{App, Session};
use crate::tui::command::Cmd;
use crate::tui::form::{Form, FormError, Target};
use ratatui::Frame;
use ratatui::layout::Rect;
use samsyn::i18n::Lang;
use samsyn::meeting::Meeting;

/// A phase of lists. Each kind declares one as a `const`; a struct literal names every
/// field, so a new kind is told by the compiler all it must say.
pub struct ListPhase {
    /// The commands it offers, in footer order.
    pub commands: &'static [Cmd],
    pub render: fn(&App, &Session, &mut Frame, Rect),
    /// Its lists, top to bottom.
    pub lists: &'static [OneList],
    /// The form a command opens that edits no row (the meeting's details), if any.
    pub other_form: fn(&Session, Cmd, Lang) -> Option<Form>,
    /// The index in `participants` of the person on a row, where rows are people.
    pub participant_at: fn(&Meeting, usize) -> Option<usize>,
}

/// One list of a `ListPhase`: its rows, the form that edits one, how a saved form and a
/// delete change the meeting.
pub struct OneList {
    /// The command that adds a row to it (`a`, or `n` for a need …).
    pub add: Cmd,
    pub len: fn(&Meeting) -> usize,
    /// The form of row `i`, or of a new row for `None`.
    pub form: fn(&Session, Option<usize>, Lang) -> Form,
    /// The row a target names (`Some(None)`: a new row); `None` for another list's form.
    pub index: fn(&Target) -> Option<Option<usize>>,
    /// Recompute fields of its form that depend on others (who may decide …).
    pub refresh: fn(&Meeting, &mut Form, Lang),
    /// Save its form into row `i`, or as a new row for `None`.
    pub commit: fn(&mut Meeting, &Form, Option<usize>, Lang) -> Result<(), FormError>,
    /// What deleting its row `i` would do.
    pub deletion: fn(&Meeting, usize, Lang) -> Deletion,
    /// Delete its row `i` (after `deletion` asked).
    pub delete: fn(&mut Meeting, usize),
}

impl ListPhase {
    /// The list row `row` is in, and the row's index in that list.
    fn at(&self, m: &Meeting, row: usize) -> Option<(&OneList, usize)> {
        let mut top = 0;
        for list in self.lists {
            let len = (list.len)(m);
            if row < top + len {
                return Some((list, row - top));
            }
            top += len;
        }
        None
    }

    /// The list whose form `target` is, and the row it names there.
    fn of(&self, target: &Target) -> Option<(&OneList, Option<usize>)> {
        self.lists
            .iter()
            .find_map(|list| Some((list, (list.index)(target)?)))
    }
}

impl Phase for ListPhase {
    fn commands(&self) -> &'static [Cmd] {
        self.commands
    }

    fn rows(&self, s: &Session) -> Rows {
        Rows::List(self.lists.iter().map(|l| (l.len)(&s.meeting)).sum())
    }

    fn render(&self, app: &App, s: &Session, f: &mut Frame, area: Rect) {
        (self.render)(app, s, f, area);
    }

    /// A list's add command adds a row to it, Enter edits the selected row.
    fn open(&self, s: &Session, cmd: Cmd, lang: Lang) -> Option<Form> {
        if cmd == Cmd::Edit {
            let (list, i) = self.at(&s.meeting, super::selected_row(s)?)?;
            return Some((list.form)(s, Some(i), lang));
        }
        match self.lists.iter().find(|l| l.add == cmd) {
            Some(list) => Some((list.form)(s, None, lang)),
            None => (self.other_form)(s, cmd, lang),
        }
    }

    fn reopen(&self, s: &Session, target: &Target, lang: Lang) -> Option<Form> {
        let (list, i) = self.of(target)?;
        i.is_none_or(|i| i < (list.len)(&s.meeting))
            .then(|| (list.form)(s, i, lang))
    }

    /// The row edited, or the last row of its list for one just added.
    fn row_of(&self, m: &Meeting, target: &Target) -> usize {
        let mut top = 0;
        for list in self.lists {
            let len = (list.len)(m);
            match (list.index)(target) {
                Some(Some(i)) => return top + i,
                Some(None) => return (top + len).saturating_sub(1),
                None => top += len,
            }
        }
        self.lists
            .first()
            .map_or(0, |l| (l.len)(m).saturating_sub(1))
    }

    fn refresh(&self, m: &Meeting, form: &mut Form, lang: Lang) {
        if let Some((list, _)) = self.of(&form.target) {
            (list.refresh)(m, form, lang);
        }
    }

    fn commit(&self, m: &mut Meeting, form: &Form, lang: Lang) -> Result<(), FormError> {
        match self.of(&form.target) {
            Some((list, i)) => (list.commit)(m, form, i, lang),
            None => Err(super::foreign(form)),
        }
    }

    fn deletion(&self, s: &Session, lang: Lang) -> Option<Deletion> {
        let (list, i) = self.at(&s.meeting, s.selected)?;
        Some((list.deletion)(&s.meeting, i, lang))
    }

    fn delete(&self, m: &mut Meeting, row: usize) {
        if let Some((list, i)) = self.at(m, row) {
            (list.delete)(m, i);
        }
    }

    fn participant_at(&self, m: &Meeting, row: usize) -> Option<usize> {
        (self.participant_at)(m, row)
    }
}
