//! One module per phase kind. Each says which commands it offers, how it draws the
//! meeting, which form a command opens, and how a saved form changes the meeting.

pub mod actions;
pub mod child_voice;
pub mod consent;
pub mod details;
pub mod evaluation;
pub mod follow_up;
pub mod goal;
pub mod labels;
pub mod roles;
pub mod situation;
pub mod summary;
pub mod text;

use super::app::{App, Session};
use super::form::{Form, Target};
use super::keys::Cmd;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};
use samsyn::agenda::PhaseKind;
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};

/// The commands of the current phase view (besides the global ones).
/// Save a one-line text item (a need, a disagreement) from a form's text field into
/// `list`: replacing item `idx`, or added at the end. An empty text is refused, naming
/// the field.
pub fn commit_text_item(
    list: &mut Vec<String>,
    form: &Form,
    idx: Option<usize>,
    field: T,
    lang: Lang,
) -> Result<(), String> {
    let text = form.text(super::form::F::Text);
    if text.is_empty() {
        return Err(fill(T::NeedText.get(lang), &[field.get(lang)]));
    }
    match idx.and_then(|i| list.get_mut(i)) {
        Some(item) => *item = text,
        None => list.push(text),
    }
    Ok(())
}

pub fn commands(s: &Session) -> Vec<Cmd> {
    let editable = s.editable();
    let mut out = Vec::new();
    let kind = s.kind();
    let list = item_count(s) > 0;
    if list {
        out.extend([Cmd::Up, Cmd::Down]);
    }
    if editable {
        match kind {
            PhaseKind::Roles | PhaseKind::Consent | PhaseKind::Goal | PhaseKind::Actions => {
                out.push(Cmd::Add);
            }
            _ => {}
        }
        let text = matches!(
            kind,
            PhaseKind::Purpose | PhaseKind::Notes | PhaseKind::Review | PhaseKind::FollowUp
        );
        if list || text {
            out.push(Cmd::Edit);
        }
        if list && deletable(s) {
            out.push(Cmd::Delete);
        }
        match kind {
            PhaseKind::Roles => out.push(Cmd::Details),
            PhaseKind::Goal => out.push(Cmd::AddNeed),
            PhaseKind::Summary => out.push(Cmd::AddDisagreement),
            PhaseKind::FollowUp if s.agenda.rules.follow_up_meeting => out.push(Cmd::ClosePlan),
            _ => {}
        }
        if kind.has_speaking_round() && !s.meeting.participants.is_empty() {
            out.push(Cmd::Heard);
            if list && matches!(kind, PhaseKind::Roles | PhaseKind::Evaluation) {
                out.push(Cmd::HeardSelected);
            }
        }
        // Finalizing belongs to the end of the meeting.
        if matches!(
            kind,
            PhaseKind::Summary | PhaseKind::FollowUp | PhaseKind::Evaluation
        ) {
            out.push(Cmd::Finalize);
        }
    } else if s.locked.is_none() {
        out.push(Cmd::Amend);
    }
    out
}

/// The index in `participants` of the selected row, where the rows are participants.
pub fn selected_participant(s: &Session) -> Option<usize> {
    let m = &s.meeting;
    match s.kind() {
        PhaseKind::Roles => (s.selected < m.participants.len()).then_some(s.selected),
        PhaseKind::Evaluation => {
            let id = evaluation::people(m).get(s.selected)?.clone();
            m.participants.iter().position(|p| p.id == id)
        }
        _ => None,
    }
}

/// How many rows the view's list has (0 for a plain text view).
pub fn item_count(s: &Session) -> usize {
    let m = &s.meeting;
    match s.kind() {
        PhaseKind::Roles => m.participants.len(),
        PhaseKind::Consent => m.consents.len(),
        PhaseKind::Situation => 4,
        PhaseKind::ChildVoice => 3,
        PhaseKind::Goal => m.goals.len() + m.needs.len(),
        PhaseKind::Actions => m.actions.len(),
        PhaseKind::Summary => summary::FIRST_DISAGREEMENT + m.disagreements.len(),
        PhaseKind::Evaluation => evaluation::people(m).len(),
        PhaseKind::FollowUp | PhaseKind::Purpose | PhaseKind::Notes | PhaseKind::Review => 0,
    }
}

fn deletable(s: &Session) -> bool {
    match s.kind() {
        PhaseKind::Roles | PhaseKind::Consent | PhaseKind::Goal | PhaseKind::Actions => true,
        PhaseKind::Summary => s.selected >= summary::FIRST_DISAGREEMENT,
        PhaseKind::Evaluation => evaluation::selected_has_record(s),
        _ => false,
    }
}

/// Draw the phase.
pub fn render(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    match s.kind() {
        PhaseKind::Roles => roles::render(app, s, f, area),
        PhaseKind::Consent => consent::render(app, s, f, area),
        PhaseKind::Purpose | PhaseKind::Notes | PhaseKind::Review => text::render(app, s, f, area),
        PhaseKind::Situation => situation::render(app, s, f, area),
        PhaseKind::ChildVoice => child_voice::render(app, s, f, area),
        PhaseKind::Goal => goal::render(app, s, f, area),
        PhaseKind::Actions => actions::render(app, s, f, area),
        PhaseKind::Summary => summary::render(app, s, f, area),
        PhaseKind::FollowUp => follow_up::render(app, s, f, area),
        PhaseKind::Evaluation => evaluation::render(app, s, f, area),
    }
}

/// The form a command opens in this view, if any.
pub fn form_for(s: &Session, cmd: Cmd, lang: Lang) -> Option<Form> {
    let m = &s.meeting;
    let sel = (item_count(s) > 0).then_some(s.selected);
    let mut form = match (s.kind(), cmd) {
        (_, Cmd::Details) => details::form(m, lang),
        (PhaseKind::Roles, Cmd::Add) => roles::form(m, None, lang),
        (PhaseKind::Roles, Cmd::Edit) => roles::form(m, sel?.into(), lang),
        (PhaseKind::Consent, Cmd::Add) => consent::form(m, None, lang),
        (PhaseKind::Consent, Cmd::Edit) => consent::form(m, sel?.into(), lang),
        (PhaseKind::Purpose | PhaseKind::Notes | PhaseKind::Review, Cmd::Edit) => {
            text::form(s, lang)
        }
        (PhaseKind::Situation, Cmd::Edit) => situation::form(m, s.selected, lang),
        (PhaseKind::ChildVoice, Cmd::Edit) => child_voice::form(m, s.selected, lang),
        (PhaseKind::Goal, Cmd::Add) => goal::goal_form(m, None, lang),
        (PhaseKind::Goal, Cmd::AddNeed) => goal::need_form(m, None, lang),
        (PhaseKind::Goal, Cmd::Edit) => goal::edit_form(m, sel?, lang),
        (PhaseKind::Actions, Cmd::Add) => actions::form(m, None, lang),
        (PhaseKind::Actions, Cmd::Edit) => actions::form(m, sel?.into(), lang),
        (PhaseKind::Summary, Cmd::Edit) if s.selected == 0 => summary::form(m, lang),
        (PhaseKind::Summary, Cmd::Edit) if s.selected == 1 => summary::distribution_form(m, lang),
        (PhaseKind::Summary, Cmd::Edit) => {
            summary::disagreement_form(m, Some(s.selected - summary::FIRST_DISAGREEMENT), lang)
        }
        (PhaseKind::Summary, Cmd::AddDisagreement) => summary::disagreement_form(m, None, lang),
        (PhaseKind::FollowUp, Cmd::Edit) => follow_up::form(m, lang),
        (PhaseKind::FollowUp, Cmd::ClosePlan) => follow_up::close_form(m, lang),
        (PhaseKind::Evaluation, Cmd::Edit) => evaluation::form(m, sel?, lang)?,
        _ => return None,
    };
    refresh(s, &mut form, lang);
    form.style_cursors();
    Some(form)
}

/// Recompute what depends on other fields: date notes, who may decide.
pub fn refresh(s: &Session, form: &mut Form, lang: Lang) {
    form.refresh_dates(lang);
    match form.target {
        Target::Action(_) => actions::refresh(&s.meeting, form, lang),
        Target::Participant(_) => roles::refresh(form),
        _ => {}
    }
}

/// Apply a saved form to the meeting; the error says why it cannot be saved.
pub fn commit(s: &mut Session, form: &Form, lang: Lang) -> Result<(), String> {
    let m = &mut s.meeting;
    match &form.target {
        Target::Details => details::commit(m, form, lang),
        Target::Participant(i) => roles::commit(m, form, *i, lang),
        Target::Consent(i) => consent::commit(m, form, *i, lang),
        Target::Goal(i) => goal::commit_goal(m, form, *i, lang),
        Target::Need(i) => goal::commit_need(m, form, *i, lang),
        Target::Action(i) => actions::commit(m, form, *i, lang),
        Target::Summary => summary::commit(m, form, lang),
        Target::Distribution => summary::commit_distribution(m, form),
        Target::Disagreement(i) => summary::commit_disagreement(m, form, *i, lang),
        Target::FollowUp => follow_up::commit(m, form, lang),
        Target::ClosePlan => follow_up::commit_close(m, form, lang),
        Target::Evaluation(id) => evaluation::commit(m, form, id),
        Target::Text(t) => {
            text::commit(m, t, form.text(super::form::F::Text));
            Ok(())
        }
        Target::NewMeeting(_) | Target::Finalize | Target::Amend => Ok(()),
    }
}

/// The selected row's name for the delete confirmation; `true` for a participant.
pub fn delete_label(s: &Session) -> Option<(String, bool)> {
    let m = &s.meeting;
    let i = s.selected;
    let short = |t: &str| {
        t.lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(50)
            .collect::<String>()
    };
    Some(match s.kind() {
        PhaseKind::Roles => (m.participants.get(i)?.name.clone(), true),
        PhaseKind::Consent => (m.person_name(&m.consents.get(i)?.given_by), false),
        PhaseKind::Goal if i < m.goals.len() => (short(&m.goals[i].text), false),
        PhaseKind::Goal => (short(m.needs.get(i - m.goals.len())?), false),
        PhaseKind::Actions => (short(&m.actions.get(i)?.what), false),
        PhaseKind::Summary if i >= summary::FIRST_DISAGREEMENT => (
            short(m.disagreements.get(i - summary::FIRST_DISAGREEMENT)?),
            false,
        ),
        PhaseKind::Evaluation => {
            let id = evaluation::people(m).get(i)?.clone();
            (
                m.person_name(&samsyn::meeting::Person::Participant(id)),
                false,
            )
        }
        _ => return None,
    })
}

/// Why the selected row cannot be deleted: a participant the plan still names would
/// leave the plan pointing at nobody.
pub fn delete_blocker(s: &Session, lang: Lang) -> Option<String> {
    if s.kind() != PhaseKind::Roles {
        return None;
    }
    let m = &s.meeting;
    let p = m.participants.get(s.selected)?;
    let id = &p.id;
    let named = |person: Option<&samsyn::meeting::Person>| matches!(person, Some(samsyn::meeting::Person::Participant(x)) if x == id);
    let mut places = Vec::new();
    for a in &m.actions {
        let performs =
            matches!(&a.performer, Some(samsyn::meeting::Performer::Participant(x)) if x == id);
        let decides = matches!(&a.decision, samsyn::meeting::Decision::AtTable { by } if by == id);
        if performs || decides {
            let what: String = a
                .what
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(40)
                .collect();
            places.push(fill(T::InAction.get(lang), &[&what]));
        }
    }
    if m.consents.iter().any(|c| named(Some(&c.given_by))) {
        places.push(T::ConsentForm.get(lang).to_lowercase());
    }
    if named(m.coordinator.as_ref())
        || named(
            m.overall_responsible
                .as_ref()
                .and_then(|r| r.person.as_ref()),
        )
    {
        places.push(T::Responsibility.get(lang).to_lowercase());
    }
    if named(m.follow_up.as_ref().and_then(|f| f.convener.as_ref())) {
        places.push(T::FConvener.get(lang).to_lowercase());
    }
    (!places.is_empty()).then(|| fill(T::CannotDelete.get(lang), &[&p.name, &places.join(", ")]))
}

pub fn delete(s: &mut Session) {
    let i = s.selected;
    let m = &mut s.meeting;
    match s.agenda.phases[s.phase].kind {
        PhaseKind::Roles if i < m.participants.len() => {
            let id = m.participants.remove(i).id;
            // Their own marks and evaluation go with them.
            m.evaluations.retain(|e| e.participant != id);
            for record in m.phases.values_mut() {
                record.heard.retain(|h| h != &id);
            }
        }
        PhaseKind::Consent if i < m.consents.len() => {
            m.consents.remove(i);
        }
        PhaseKind::Goal if i < m.goals.len() => {
            let id = m.goals.remove(i).id;
            for a in &mut m.actions {
                a.goals.retain(|g| g != &id);
            }
            for g in &mut m.goals {
                if g.parent.as_ref() == Some(&id) {
                    g.parent = None;
                }
            }
        }
        PhaseKind::Goal if i - m.goals.len() < m.needs.len() => {
            let n = i - m.goals.len();
            m.needs.remove(n);
        }
        PhaseKind::Actions if i < m.actions.len() => {
            m.actions.remove(i);
        }
        PhaseKind::Summary
            if i >= summary::FIRST_DISAGREEMENT
                && i - summary::FIRST_DISAGREEMENT < m.disagreements.len() =>
        {
            m.disagreements.remove(i - summary::FIRST_DISAGREEMENT);
        }
        PhaseKind::Evaluation => {
            if let Some(id) = evaluation::people(m).get(i).cloned() {
                m.evaluations.retain(|e| e.participant != id);
            }
        }
        _ => {}
    }
    let n = item_count(s);
    s.selected = s.selected.min(n.saturating_sub(1));
}

// Drawing helpers shared by the views.

pub fn block<'a>(app: &App, title: impl Into<String>, focused: bool) -> Block<'a> {
    let title = title.into();
    let style = if focused {
        app.theme.title
    } else {
        app.theme.border
    };
    let title = if focused {
        format!(" ▶ {title} ")
    } else {
        format!(" {title} ")
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(title, app.theme.title))
}

/// A bordered list whose selected item is reversed, bold and marked with ▶.
pub fn list(
    app: &App,
    f: &mut Frame,
    area: Rect,
    title: &str,
    items: Vec<Text<'static>>,
    selected: Option<usize>,
    empty: Option<String>,
) {
    let blk = block(app, title, false);
    if items.is_empty() {
        let msg = empty.unwrap_or_default();
        f.render_widget(
            Paragraph::new(Span::styled(msg, app.theme.dim))
                .wrap(Wrap { trim: true })
                .block(blk),
            area,
        );
        return;
    }
    let items: Vec<ListItem> = items.into_iter().map(ListItem::new).collect();
    let widget = List::new(items)
        .block(blk)
        .highlight_style(app.theme.selected)
        .highlight_symbol("▶ ")
        .style(app.theme.base);
    let mut state = ListState::default().with_selected(selected);
    f.render_stateful_widget(widget, area, &mut state);
}

/// A bordered box of free text, or a hint when it is empty.
pub fn text_box(app: &App, f: &mut Frame, area: Rect, title: &str, body: &str, focused: bool) {
    let blk = block(app, title, focused);
    let para = if body.trim().is_empty() {
        let key = app.keys.label(Cmd::Edit);
        let hint = if focused {
            fill(app.t(T::EmptyText), &[&key])
        } else {
            String::new()
        };
        Paragraph::new(Span::styled(hint, app.theme.dim))
    } else {
        Paragraph::new(app.show(body)).style(app.theme.base)
    };
    let border = if focused {
        blk.border_style(app.theme.selected)
    } else {
        blk
    };
    f.render_widget(para.wrap(Wrap { trim: false }).block(border), area);
}

/// The hint for an empty list: "Nothing written yet. Press a to add."
pub fn empty_hint(app: &App) -> String {
    fill(app.t(T::Empty), &[&app.keys.label(Cmd::Add)])
}

/// A labelled line: "Label: value".
pub fn kv(app: &App, label: &str, value: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), app.theme.dim),
        Span::styled(app.show(value), Style::default()),
    ])
}

/// `text` wrapped to fit a list of `area_width`, the first line after `prefix`, the rest
/// indented to match. Lists do not wrap by themselves.
pub fn wrapped(text: &str, area_width: u16, prefix: &str) -> Vec<Line<'static>> {
    let indent = " ".repeat(prefix.chars().count());
    let width = (area_width as usize)
        .saturating_sub(4 + indent.len())
        .max(10);
    text.lines()
        .flat_map(|l| super::render::wrap(l, width))
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 { prefix } else { indent.as_str() };
            Line::from(format!("{lead}{part}"))
        })
        .collect()
}
