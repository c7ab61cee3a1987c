//! The boxes drawn over the screen: help, the problems list (also the refused-finalize
//! screen), the delete confirmation and the form. Pure functions of `&App`.

use super::app::App;
use super::available::screen_commands;
use super::command::Cmd;
use super::draft::when;
use super::form::{Form, Input};
use super::mask;
use super::widgets::{centered, truncate, width, wrap, wrap_text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};
use samsyn::i18n::screen::{T, fill};

fn overlay_block<'a>(app: &App, title: String) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.title)
        .title(Span::styled(format!(" {title} "), app.theme.title))
        .style(app.theme.base)
}

pub fn help(app: &App, scroll: u16, f: &mut Frame, area: Rect) {
    let r = centered(area, area.width.saturating_sub(4).min(100), area.height);
    f.render_widget(Clear, r);
    let mut lines = vec![
        Line::styled(app.t(T::HelpIntro), app.theme.dim),
        Line::from(""),
    ];
    let mut cmds = screen_commands(app);
    if app.session().is_some() {
        // The keys of forms, and the editing keys of their text fields.
        cmds.extend([
            Cmd::Save,
            Cmd::NextField,
            Cmd::Choose,
            Cmd::Cancel,
            Cmd::Find,
            Cmd::NewLine,
            Cmd::ClearToStart,
            Cmd::ClearToEnd,
            Cmd::DeleteWord,
            Cmd::LineStartEnd,
            Cmd::WordLeftRight,
            Cmd::ScrollNote,
        ]);
    }
    let key_w = 14;
    let text_w = (r.width as usize).saturating_sub(key_w + 4).max(20);
    for cmd in cmds {
        if cmd == Cmd::Down {
            continue;
        }
        let (keys, text) = if cmd == Cmd::Up {
            (
                format!(
                    "{} {}",
                    app.keys.labels(Cmd::Up),
                    app.keys.labels(Cmd::Down)
                ),
                app.t(T::CmdSelectLong),
            )
        } else {
            // All the keys, or the short label where they would not fit the column.
            let all = app.keys.labels(cmd);
            let keys = if all.chars().count() > key_w {
                app.keys.label(cmd)
            } else {
                all
            };
            (keys, app.t(cmd.spec().long))
        };
        for (i, part) in wrap(text, text_w).into_iter().enumerate() {
            let k = if i == 0 { keys.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("{k:>key_w$}  "), app.theme.key),
                Span::raw(part),
            ]));
        }
    }
    if app.session().is_some() {
        // What the marks on the screen mean, in words.
        lines.push(Line::from(""));
        for legend in [T::LegendStepper, T::LegendStatus, T::LegendTimer] {
            for part in wrap(app.t(legend), (r.width as usize).saturating_sub(4)) {
                lines.push(Line::styled(part, app.theme.dim));
            }
        }
    }
    // Scrolled no further than the last line: the end of the list stays in view.
    let last = (lines.len() as u16).saturating_sub(r.height.saturating_sub(2));
    f.render_widget(
        Paragraph::new(lines)
            .scroll((scroll.min(last), 0))
            .block(overlay_block(app, app.t(T::HelpTitle).into())),
        r,
    );
}

pub fn problems(app: &App, selected: usize, refused: bool, f: &mut Frame, area: Rect) {
    let r = centered(area, area.width.saturating_sub(4).min(110), area.height);
    f.render_widget(Clear, r);
    let list = app.problem_list(refused);
    let title = if refused {
        app.t(T::RefusedTitle)
    } else {
        app.t(T::ProblemsTitle)
    };
    let block = overlay_block(app, format!("{title} ({})", list.len()));
    let inner = block.inner(r);
    f.render_widget(block, r);
    let [intro, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    let intro_text = if list.is_empty() {
        app.t(T::NoProblems)
    } else if refused {
        app.t(T::RefusedIntro)
    } else {
        ""
    };
    f.render_widget(
        Paragraph::new(Line::styled(intro_text, app.theme.ok)),
        intro,
    );
    let width = rest.width.saturating_sub(14) as usize;
    let items: Vec<ListItem> = list
        .iter()
        .map(|p| {
            let (label, style) = if p.is_blocking() {
                (
                    format!("✖ {:<8}", app.t(T::BlocksLabel)),
                    app.theme.blocking,
                )
            } else {
                (format!("⚠ {:<8}", app.t(T::WarnLabel)), app.theme.warning)
            };
            let msg = app.show(p.message(app.lang));
            let wrapped = wrap(&msg, width.max(20));
            let mut lines = Vec::new();
            for (i, part) in wrapped.into_iter().enumerate() {
                if i == 0 {
                    lines.push(Line::from(vec![
                        Span::styled(label.clone(), style),
                        Span::raw(" "),
                        Span::raw(part),
                    ]));
                } else {
                    lines.push(Line::from(format!("{:11}{part}", "")));
                }
            }
            ListItem::new(Text::from(lines))
        })
        .collect();
    let widget = List::new(items)
        .highlight_style(app.theme.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected((!list.is_empty()).then_some(selected));
    f.render_stateful_widget(widget, rest, &mut state);
}

pub fn confirm(app: &App, label: &str, participant: bool, f: &mut Frame, area: Rect) {
    let r = centered(area, 70, 7);
    f.render_widget(Clear, r);
    let mut lines = vec![Line::from(fill(
        app.t(T::ConfirmDelete),
        &[&app.show(label)],
    ))];
    if participant {
        lines.push(Line::styled(
            app.t(T::ConfirmDeleteParticipant),
            app.theme.warning,
        ));
    }
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(overlay_block(app, app.t(T::ConfirmTitle).into())),
        r,
    );
}

/// `q` with the meeting not saved: what is at stake and the three ways out.
pub fn quit_unsaved(app: &App, f: &mut Frame, area: Rect) {
    let r = centered(area, 76, 10);
    f.render_widget(Clear, r);
    let why = app.save_error.clone().unwrap_or_default();
    let since = app.last_saved.map_or_else(
        || app.t(T::NeverSaved).to_string(),
        |t| t.format("%H:%M:%S").to_string(),
    );
    let lines = vec![
        Line::styled(
            fill(app.t(T::QuitUnsaved), &[&why, &since]),
            app.theme.blocking,
        ),
        Line::from(""),
        Line::from(app.t(T::QuitUnsavedChoices)),
    ];
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(overlay_block(app, app.t(T::QuitUnsavedTitle).into())),
        r,
    );
}

/// One field of a form as drawn: its rows of input, the line of what is typed to find an
/// option, and its note, each already wrapped to the input column.
struct Drawn {
    index: usize,
    input_h: u16,
    find: Vec<String>,
    /// Under the privacy mask, what the focused text field shows (`mask::field`).
    masked: mask::Field,
    /// The line saying so.
    mask_note: Vec<String>,
    note: Vec<String>,
}

impl Drawn {
    fn height(&self) -> u16 {
        self.input_h + (self.find.len() + self.mask_note.len() + self.note.len()) as u16
    }
}

/// The fields shown from `first` in `room` rows, and whether fields lie below them.
fn window(drawn: &[Drawn], first: usize, room: u16) -> (usize, bool) {
    let mut used = 0;
    let mut end = first;
    while end < drawn.len() && used + drawn[end].height() <= room {
        used += drawn[end].height();
        end += 1;
    }
    (end, end < drawn.len())
}

pub fn form_box(app: &App, form: &Form, f: &mut Frame, area: Rect) {
    f.render_widget(Clear, area);
    // Under the mask the form's title, intro and labels are masked like its fields
    // ("Utvärdering: S. N."); the field being edited is marked (`mask::field`).
    let block = overlay_block(app, app.show(&form.title));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let full_w = inner.width as usize;
    // The intro and the error are wrapped whole, never cut mid-sentence.
    let intro_lines: Vec<String> = form
        .intro
        .as_deref()
        .map(|t| t.lines().flat_map(|l| wrap(&app.show(l), full_w)).collect())
        .unwrap_or_default();
    let err_lines: Vec<(String, Style)> = form
        .error
        .as_ref()
        .map(|e| {
            let (text, style) = if form.discard_armed {
                (format!("? {e}"), app.theme.caution)
            } else {
                (
                    format!("✗ {}{}", app.t(T::FormErrorPrefix), app.show(e)),
                    app.theme.blocking,
                )
            };
            wrap(&text, full_w)
                .into_iter()
                .map(|l| (l, style))
                .collect()
        })
        .unwrap_or_default();
    let intro_h = (intro_lines.len() as u16).min(inner.height / 3);
    let err_h = (err_lines.len() as u16).min(inner.height / 3);
    let [intro, fields, err] = Layout::vertical([
        Constraint::Length(intro_h),
        Constraint::Min(3),
        Constraint::Length(err_h),
    ])
    .areas(inner);
    f.render_widget(
        Paragraph::new(
            intro_lines
                .into_iter()
                .map(|l| Line::styled(l, app.theme.dim))
                .collect::<Vec<_>>(),
        ),
        intro,
    );
    f.render_widget(
        Paragraph::new(
            err_lines
                .into_iter()
                .map(|(l, st)| Line::styled(l, st))
                .collect::<Vec<_>>(),
        ),
        err,
    );
    let longest = form
        .fields
        .iter()
        .filter(|fl| !fl.hidden)
        .map(|fl| app.show(Form::label_of(fl, app.lang)).chars().count() as u16)
        .max()
        .unwrap_or(10);
    let label_w: u16 = (longest + 3).min(fields.width / 2);
    let input_w = fields.width.saturating_sub(label_w + 1);
    let iw = input_w as usize;
    // What each field asked shows: only the fields that apply are drawn (and in the
    // Tab order); a text shows every row of it, wrapped as it is edited.
    let room_for_one = fields.height.saturating_sub(2).max(1);
    let drawn: Vec<Drawn> = form
        .fields
        .iter()
        .enumerate()
        .filter(|(_, fl)| !fl.hidden)
        .map(|(i, fl)| {
            let focused = i == form.focus;
            let mut masked = mask::Field::Plain;
            let (input_h, find) = match &fl.input {
                Input::Line(ta) | Input::Date(ta) | Input::Multi(ta) => {
                    let multi = matches!(fl.input, Input::Multi(_));
                    let text = ta.lines().join("\n");
                    masked = mask::field(app, form, i, &text);
                    let rows = if let mask::Field::Masked(shown) = &masked {
                        wrap_text(shown, iw).len()
                    } else if focused {
                        let rows = wrap_text(&text, iw);
                        // The cursor after a full last row needs a row of its own.
                        rows.len() + usize::from(rows.last().is_some_and(|r| width(r) >= iw))
                    } else {
                        wrap_text(&app.show(&text), iw).len()
                    };
                    let min = if multi { 3 } else { 1 };
                    ((rows.max(min)) as u16, Vec::new())
                }
                Input::Choice {
                    find: Some(found), ..
                } => {
                    let line = if found.found {
                        fill(app.t(T::FindTyped), &[&found.text])
                    } else {
                        fill(app.t(T::FindNone), &[&found.text])
                    };
                    (1, wrap(&line, iw))
                }
                Input::Choice { .. } | Input::Check(_) => (1, Vec::new()),
            };
            let note = fl
                .note
                .as_ref()
                .map(|(n, _)| wrap(&app.show(n), iw))
                .unwrap_or_default();
            let mask_note = mask::field_note(app, &masked)
                .map(|n| wrap(n, iw))
                .unwrap_or_default();
            Drawn {
                index: i,
                input_h: input_h.min(room_for_one),
                find,
                masked,
                mask_note,
                note,
            }
        })
        .collect();
    let focus_at = drawn
        .iter()
        .position(|d| d.index >= form.focus)
        .unwrap_or(0);
    let total: u16 = drawn.iter().map(Drawn::height).sum();
    // A form taller than the box scrolls to the focused field; marks say that fields
    // lie above or below.
    let (first, end, above, below) = if total <= fields.height {
        (0, drawn.len(), false, false)
    } else {
        let mut chosen = (focus_at, focus_at + 1, focus_at > 0, true);
        for first in 0..=focus_at {
            let above = first > 0;
            let room = fields.height.saturating_sub(u16::from(above));
            let (mut end, mut below) = window(&drawn, first, room);
            if below {
                (end, below) = window(&drawn, first, room.saturating_sub(1));
            }
            if end > focus_at || first == focus_at {
                chosen = (first, end.max(first + 1), above, below || end < drawn.len());
                break;
            }
        }
        chosen
    };
    let mark = |text: T, y: u16| {
        (
            Paragraph::new(Line::styled(app.t(text), app.theme.dim))
                .alignment(ratatui::layout::Alignment::Right),
            Rect::new(fields.x, y, fields.width, 1),
        )
    };
    let bottom = fields.y + fields.height;
    let mut y = fields.y;
    if above {
        let (p, r) = mark(T::MoreAbove, y);
        f.render_widget(p, r);
        y += 1;
    }
    let last_row = if below { bottom - 1 } else { bottom };
    for d in &drawn[first..end] {
        if y >= last_row {
            break;
        }
        let fl = &form.fields[d.index];
        let focused = d.index == form.focus;
        let label = format!(
            "{} {}",
            if focused { "▶" } else { " " },
            app.show(Form::label_of(fl, app.lang))
        );
        let label_style = if focused {
            app.theme.selected
        } else {
            app.theme.dim
        };
        f.render_widget(
            Paragraph::new(Span::styled(
                truncate(&label, label_w as usize),
                label_style,
            )),
            Rect::new(fields.x, y, label_w, 1),
        );
        let input_h = d.input_h.min(last_row - y);
        let input_area = Rect::new(fields.x + label_w + 1, y, input_w, input_h);
        match &fl.input {
            Input::Line(ta) | Input::Date(ta) | Input::Multi(ta) => {
                if let mask::Field::Masked(text) = &d.masked {
                    let lines: Vec<Line> = wrap_text(text, iw)
                        .into_iter()
                        .map(|l| Line::styled(l, app.theme.selected))
                        .collect();
                    f.render_widget(Paragraph::new(lines), input_area);
                } else if focused {
                    f.render_widget(ta, input_area);
                } else {
                    let text = app.show(&ta.lines().join("\n"));
                    let lines: Vec<Line> =
                        wrap_text(&text, iw).into_iter().map(Line::from).collect();
                    f.render_widget(Paragraph::new(lines), input_area);
                }
            }
            Input::Choice { opts, idx, .. } => {
                let label = opts
                    .get(*idx)
                    .map_or("—".to_string(), |o| app.show(&o.label));
                let mut text = format!("◀ {label} ▶  ({}/{})", idx + 1, opts.len());
                if width(&text) > iw {
                    // The option's name is cut, with a mark, and the arrows stay.
                    text = format!("◀ {} ▶", truncate(&label, iw.saturating_sub(4)));
                }
                let style = if focused {
                    app.theme.selected
                } else {
                    Style::default()
                };
                f.render_widget(Paragraph::new(Span::styled(text, style)), input_area);
            }
            Input::Check(on) => {
                let text = if *on {
                    format!("[x] {}", app.t(T::Yes))
                } else {
                    format!("[ ] {}", app.t(T::No))
                };
                let style = if focused {
                    app.theme.selected
                } else {
                    Style::default()
                };
                f.render_widget(Paragraph::new(Span::styled(text, style)), input_area);
            }
        }
        y += input_h;
        let found = matches!(&fl.input, Input::Choice { find: Some(x), .. } if x.found);
        let find_style = if found {
            app.theme.ok
        } else {
            app.theme.warning
        };
        let note_style = match &fl.note {
            Some((_, true)) => app.theme.warning,
            _ => app.theme.ok,
        };
        let extra: Vec<(&String, Style)> = d
            .find
            .iter()
            .map(|l| (l, find_style))
            .chain(d.mask_note.iter().map(|l| (l, app.theme.caution)))
            .chain(d.note.iter().map(|l| (l, note_style)))
            .collect();
        let room = last_row.saturating_sub(y) as usize;
        // A note taller than the box is cut with a mark, never silently, and the focused
        // field's scrolls with PgDn / PgUp.
        let skip = if focused && extra.len() > room {
            form.note_scroll.min(extra.len() - room)
        } else {
            0
        };
        let more_below = extra.len() > skip + room;
        let shown = extra.len().saturating_sub(skip).min(room);
        for (n, (line, style)) in extra.iter().skip(skip).take(room).enumerate() {
            // The marks go in the label column, beside the note, so no word is lost.
            let keys = app.keys.keys(Cmd::ScrollNote);
            let side = if n == 0 && skip > 0 {
                let key = keys.get(1).map_or_else(String::new, |k| k.label());
                Some(format!("↑ … {key}"))
            } else if n + 1 == shown && more_below {
                let key = keys.first().map_or_else(String::new, |k| k.label());
                Some(if focused {
                    format!("↓ … {key}")
                } else {
                    "↓ …".to_string()
                })
            } else {
                None
            };
            if let Some(side) = side {
                f.render_widget(
                    Paragraph::new(Line::styled(side, app.theme.dim))
                        .alignment(ratatui::layout::Alignment::Right),
                    Rect::new(fields.x, y, label_w, 1),
                );
            }
            f.render_widget(
                Paragraph::new(Span::styled((*line).clone(), *style)),
                Rect::new(fields.x + label_w + 1, y, input_w, 1),
            );
            y += 1;
        }
    }
    if below {
        let (p, r) = mark(T::MoreBelow, bottom - 1);
        f.render_widget(p, r);
    }
}

/// The question on opening a meeting with a draft beside it.
pub fn draft_offer(app: &App, f: &mut Frame, area: Rect) {
    let Some(d) = &app.draft.offer else { return };
    let r = centered(area, 64, 6);
    f.render_widget(Clear, r);
    let lines = vec![
        Line::styled(
            fill(app.t(T::DraftOffer), &[&when(d.written, app.now)]),
            app.theme.title,
        ),
        Line::from(""),
        Line::styled(app.t(T::DraftOfferHint), app.theme.dim),
    ];
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", app.t(T::DraftTitle)))
                .style(app.theme.base),
        ),
        r,
    );
}
