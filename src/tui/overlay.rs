//! The boxes drawn over the screen: help, the problems list (also the refused-finalize
//! screen), the delete confirmation and the form. Pure functions of `&App`.

use super::app::App;
use super::available::screen_commands;
use super::command::Cmd;
use super::draft::when;
use super::form::{Form, Input};
use super::widgets::{centered, wrap};
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
        cmds.extend([Cmd::Save, Cmd::NextField, Cmd::Choose, Cmd::Cancel]);
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
            (app.keys.labels(cmd), app.t(cmd.spec().long))
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
    f.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
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

pub fn form_box(app: &App, form: &Form, f: &mut Frame, area: Rect) {
    f.render_widget(Clear, area);
    let block = overlay_block(app, form.title.clone());
    let inner = block.inner(area);
    f.render_widget(block, area);
    let intro_h = u16::from(form.intro.is_some());
    let err_h = if form.error.is_some() { 2 } else { 0 };
    let [intro, fields, err] = Layout::vertical([
        Constraint::Length(intro_h),
        Constraint::Min(3),
        Constraint::Length(err_h),
    ])
    .areas(inner);
    if let Some(text) = &form.intro {
        f.render_widget(
            Paragraph::new(Line::styled(text.clone(), app.theme.dim)),
            intro,
        );
    }
    if let Some(e) = &form.error {
        f.render_widget(
            Paragraph::new(if form.discard_armed {
                Line::styled(format!("? {e}"), app.theme.caution)
            } else {
                Line::styled(
                    format!("✗ {}{}", app.t(T::FormErrorPrefix), app.show(e)),
                    app.theme.blocking,
                )
            })
            .wrap(Wrap { trim: true }),
            err,
        );
    }
    let longest = form
        .fields
        .iter()
        .filter(|fl| !fl.hidden)
        .map(|fl| Form::label_of(fl, app.lang).chars().count() as u16)
        .max()
        .unwrap_or(10);
    let label_w: u16 = (longest + 3).min(fields.width / 2);
    let input_w = fields.width.saturating_sub(label_w + 1);
    let heights: Vec<u16> = form
        .fields
        .iter()
        .map(|fl| {
            if fl.hidden {
                return 0;
            }
            let base = if matches!(fl.input, Input::Multi(_)) {
                3
            } else {
                1
            };
            let note = fl.note.as_ref().map_or(0, |(n, _)| {
                (n.chars().count() as u16).div_ceil(input_w.max(1)).min(8)
            });
            base + note
        })
        .collect();
    let mut first = 0;
    while first < form.focus && heights[first..=form.focus].iter().sum::<u16>() > fields.height {
        first += 1;
    }
    let mut y = fields.y;
    for (i, fl) in form.fields.iter().enumerate().skip(first) {
        let h = heights[i];
        if fl.hidden {
            continue;
        }
        if y + h > fields.y + fields.height {
            break;
        }
        let focused = i == form.focus;
        let label = format!(
            "{} {}",
            if focused { "▶" } else { " " },
            Form::label_of(fl, app.lang)
        );
        let label_style = if focused {
            app.theme.selected
        } else {
            app.theme.dim
        };
        f.render_widget(
            Paragraph::new(Span::styled(label, label_style)),
            Rect::new(fields.x, y, label_w, 1),
        );
        let base_h = h - fl.note.as_ref().map_or(0, |(n, _)| {
            (n.chars().count() as u16).div_ceil(input_w.max(1)).min(8)
        });
        let input_area = Rect::new(fields.x + label_w + 1, y, input_w, base_h);
        match &fl.input {
            Input::Line(ta) | Input::Date(ta) | Input::Multi(ta) => {
                if focused {
                    f.render_widget(ta, input_area);
                } else {
                    let text = ta.lines().join("\n");
                    f.render_widget(
                        Paragraph::new(app.show(&text)).wrap(Wrap { trim: false }),
                        input_area,
                    );
                }
            }
            Input::Choice { opts, idx } => {
                let label = opts
                    .get(*idx)
                    .map_or("—".to_string(), |o| app.show(&o.label));
                let mut text = format!("◀ {label} ▶  ({}/{})", idx + 1, opts.len());
                if text.chars().count() > input_area.width as usize {
                    text = format!("◀ {label} ▶");
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
        if let Some((note, flagged)) = &fl.note {
            let style = if *flagged {
                app.theme.warning
            } else {
                app.theme.ok
            };
            f.render_widget(
                Paragraph::new(Span::styled(app.show(note), style)).wrap(Wrap { trim: true }),
                Rect::new(fields.x + label_w + 1, y + base_h, input_w, h - base_h),
            );
        }
        y += h;
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
