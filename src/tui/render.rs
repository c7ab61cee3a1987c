//! Drawing: pure functions of `&App`. The frame (title, stepper, timer, status line,
//! footer), the start screen, and the boxes drawn over them.

use super::app::{App, Overlay, Screen, Session, Start};
use super::bigclock;
use super::form::{Form, Input};
use super::keys::Cmd;
use super::strings::{T, fill};
use super::update::{commands, problem_list, screen_commands};
use super::views;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};
use samsyn::rules;

pub fn render(app: &App, f: &mut Frame) {
    let area = f.area();
    f.render_widget(Block::default().style(app.theme.base), area);
    if area.width < 80 || area.height < 24 {
        too_small(app, f, area);
        return;
    }
    let [body, status, footer] = Layout::vertical([
        Constraint::Min(10),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .areas(area);
    match &app.screen {
        Screen::Start(st) => start(app, st, f, body),
        Screen::Meeting(s) => meeting(app, s, f, body),
    }
    status_line(app, f, status);
    footer_keys(app, f, footer);
    match &app.overlay {
        None => {}
        Some(Overlay::Form(form)) => form_box(app, form, f, body),
        Some(Overlay::Help(scroll)) => {
            let over = Rect::new(area.x, area.y, area.width, body.height + 1);
            help(app, *scroll, f, over)
        }
        Some(Overlay::Problems { selected, refused }) => {
            problems(app, *selected, *refused, f, body)
        }
        Some(Overlay::ConfirmDelete { label, participant }) => {
            confirm(app, label, *participant, f, body)
        }
    }
    super::draft::render_offer(app, f, body);
}

fn too_small(app: &App, f: &mut Frame, area: Rect) {
    let msg = fill(
        app.t(T::TooSmall),
        &[&area.width.to_string(), &area.height.to_string()],
    );
    let text = vec![
        Line::styled(msg, app.theme.caution),
        Line::from(""),
        Line::from(app.t(T::TooSmallHint)),
    ];
    let y = area.height.saturating_sub(3) / 2;
    let r = Rect::new(
        area.x,
        area.y + y,
        area.width,
        area.height.saturating_sub(y),
    );
    f.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        r,
    );
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

// The start screen.

fn start(app: &App, st: &Start, f: &mut Frame, area: Rect) {
    let [title, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(area);
    f.render_widget(
        Paragraph::new(Line::styled(app.t(T::StartTitle), app.theme.title)),
        title,
    );
    let mut items: Vec<ListItem> = Vec::new();
    let heading = |t: String| ListItem::new(Line::styled(t, app.theme.title));
    let mut rows: Vec<Option<usize>> = Vec::new();
    items.push(heading(fill(
        app.t(T::Archive),
        &[&st.archive.len().to_string()],
    )));
    rows.push(None);
    if st.archive.is_empty() {
        items.push(ListItem::new(Line::styled(
            format!("  {}", app.t(T::NoMeetings)),
            app.theme.dim,
        )));
        rows.push(None);
    }
    for (i, e) in st.archive.iter().enumerate() {
        let name = e
            .path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let line = match &e.meeting {
            Ok(m) => {
                let badge = if m.is_finalized() {
                    app.t(T::Finalized)
                } else {
                    app.t(T::Draft)
                };
                format!(
                    "[{badge}] {} {} — {}  ({name})",
                    m.date, m.agenda.id, m.title
                )
            }
            Err(err) => format!("[!] {name}: {}", fill(app.t(T::Unreadable), &[err])),
        };
        items.push(ListItem::new(line));
        rows.push(Some(i));
    }
    items.push(ListItem::new(""));
    rows.push(None);
    items.push(heading(app.t(T::Agendas).to_string()));
    rows.push(None);
    for (j, (a, _)) in app.catalogue.agendas.iter().enumerate() {
        let line = format!(
            "{} — {} ({} {}, {} min)",
            a.id,
            a.name.get(app.lang),
            a.phases.len(),
            app.t(T::Phases),
            a.typical_minutes()
        );
        let desc = a.description.get(app.lang).to_string();
        items.push(ListItem::new(Text::from(vec![
            Line::from(line),
            Line::styled(format!("   {desc}"), app.theme.dim),
        ])));
        rows.push(Some(st.archive.len() + j));
    }
    let selected = rows.iter().position(|r| *r == Some(st.selected));
    let widget = List::new(items)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(app.theme.border),
        )
        .highlight_style(app.theme.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(selected);
    f.render_stateful_widget(widget, list, &mut state);
}

// The meeting screen.

fn meeting(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let banner = u16::from(s.meeting.is_finalized() || s.locked.is_some());
    let [head, banner_area, main] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(banner),
        Constraint::Min(5),
    ])
    .areas(area);
    header(app, s, f, head);
    if let Some(why) = &s.locked {
        f.render_widget(
            Paragraph::new(Line::styled(format!("■ {why}"), app.theme.caution)),
            banner_area,
        );
    } else if let Some(stamp) = &s.meeting.finalized {
        let text = fill(
            app.t(T::ReadOnly),
            &[
                &stamp.by,
                &stamp.at.format("%Y-%m-%d %H:%M").to_string(),
                &app.keys.label(Cmd::Amend),
            ],
        );
        f.render_widget(
            Paragraph::new(Line::styled(format!("✔ {text}"), app.theme.caution)),
            banner_area,
        );
    }
    let prompts = &s.phase().prompts;
    let main = if app.show_prompts && !prompts.is_empty() {
        let wide = main.width >= 110;
        let (view, side) = if wide {
            let [v, p] =
                Layout::horizontal([Constraint::Min(60), Constraint::Length(38)]).areas(main);
            (v, p)
        } else {
            let h = (prompts.len() as u16 + 2).min(5);
            let [v, p] = Layout::vertical([Constraint::Min(5), Constraint::Length(h)]).areas(main);
            (v, p)
        };
        let lines: Vec<Line> = prompts
            .iter()
            .map(|p| Line::from(format!("• {}", p.get(app.lang))))
            .collect();
        let title = format!(" {} ({}) ", app.t(T::Prompts), app.keys.label(Cmd::Prompts));
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .style(app.theme.dim)
                .block(
                    Block::default()
                        .borders(Borders::ALL)
                        .border_style(app.theme.border)
                        .title(Span::styled(title, app.theme.title)),
                ),
            side,
        );
        view
    } else {
        main
    };
    views::render(app, s, f, main);
}

fn header(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let m = &s.meeting;
    let elapsed = s.elapsed_secs();
    let timer = format!("{:02}:{:02}", (elapsed / 60).min(99), elapsed % 60);
    let big_w = bigclock::width(&timer);
    let label_w = 14;
    let [left, right] =
        Layout::horizontal([Constraint::Min(30), Constraint::Length(big_w + label_w + 3)])
            .areas(area);
    // Title line.
    let [title_row, stepper_rows] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(left);
    let badge = if m.is_finalized() {
        app.t(T::Finalized)
    } else {
        app.t(T::Draft)
    };
    let title = format!(
        "{} · {} {}",
        app.show(&m.title),
        m.date,
        m.start
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default()
    );
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("[{badge}] "), app.theme.caution),
            Span::styled(title, app.theme.title),
        ])),
        title_row,
    );
    // Stepper: number, mark, title; the current phase bracketed and underlined. When
    // the titles do not fit, only the current phase keeps its title.
    let room = stepper_rows.width as usize * stepper_rows.height as usize;
    let full: usize = s
        .agenda
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!("{}✓{}  ", i + 1, p.title.get(app.lang))
                .chars()
                .count()
                + 4 * usize::from(i == s.phase)
        })
        .sum();
    let compact = full + 4 * stepper_rows.height as usize > room;
    let mut spans = Vec::new();
    for (i, p) in s.agenda.phases.iter().enumerate() {
        let current = i == s.phase;
        let done = rules::phase_has_content(m, &p.id, p.kind);
        let mark = if done { "✓" } else { "·" };
        let text = if current {
            format!("[{} ▸ {}]", i + 1, p.title.get(app.lang))
        } else if compact {
            format!("{}{mark}", i + 1)
        } else {
            format!("{}{mark}{}", i + 1, p.title.get(app.lang))
        };
        let style = if current {
            app.theme.current
        } else if done {
            app.theme.done
        } else {
            app.theme.dim
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(if compact { " " } else { "  " }));
    }
    f.render_widget(
        Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true }),
        stepper_rows,
    );
    // Clock and the phase timer, large.
    let minutes = s.phase().minutes.max(1) as u64;
    let ratio = elapsed as f64 / (minutes * 60) as f64;
    let (state, style) = if ratio > 1.0 {
        (app.t(T::OverTime), app.theme.over)
    } else if ratio >= 0.8 {
        (app.t(T::Caution), app.theme.caution)
    } else {
        ("", app.theme.title)
    };
    let [_, right] = Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(right);
    let [clock_row, big_rows] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(3)]).areas(right);
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{} ", app.t(T::Clock)), app.theme.dim),
            Span::styled(app.now.format("%H:%M").to_string(), app.theme.title),
        ]))
        .alignment(Alignment::Right),
        clock_row,
    );
    let [digits, label] =
        Layout::horizontal([Constraint::Length(big_w + 1), Constraint::Min(1)]).areas(big_rows);
    let rows = bigclock::big(&timer);
    f.render_widget(
        Paragraph::new(
            rows.iter()
                .map(|r| Line::styled(r.clone(), style))
                .collect::<Vec<_>>(),
        ),
        digits,
    );
    let label_lines = vec![
        Line::styled(app.t(T::PhaseTime), app.theme.dim),
        Line::from(fill(app.t(T::Of), &[&minutes.to_string()])),
        Line::styled(state, style),
    ];
    f.render_widget(Paragraph::new(label_lines), label);
}

fn status_line(app: &App, f: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let sep = || Span::raw(" · ");
    if let Some(s) = app.session() {
        let problems = s.problems();
        let blocking = problems.iter().filter(|p| p.is_blocking()).count();
        let warnings = problems.len() - blocking;
        if s.meeting.is_finalized() {
            spans.push(Span::styled(
                format!("✔ {}", app.t(T::Finalized)),
                app.theme.ok,
            ));
        } else if blocking == 0 {
            spans.push(Span::styled(
                format!("✓ {}", app.t(T::ReadyToFinalize)),
                app.theme.ok,
            ));
        } else {
            let text = fill(app.t(T::BlockingCount), &[&blocking.to_string()]);
            spans.push(Span::styled(format!("✖ {text}"), app.theme.blocking));
        }
        spans.push(sep());
        let text = fill(app.t(T::WarningCount), &[&warnings.to_string()]);
        spans.push(Span::styled(format!("⚠ {text}"), app.theme.warning));
        if app.mask {
            spans.push(sep());
            spans.push(Span::styled(
                format!("[{}]", app.t(T::Masked)),
                app.theme.caution,
            ));
        }
    }
    if let Some(e) = &app.save_error {
        // Above everything else: the work is not on disk.
        spans.insert(0, Span::styled(format!("✖ {e} "), app.theme.over));
    }
    match (&app.message, app.last_saved) {
        (Some((msg, bad)), _) => {
            if !spans.is_empty() {
                spans.push(sep());
            }
            let style = if *bad {
                app.theme.blocking
            } else {
                app.theme.ok
            };
            spans.push(Span::styled(msg.clone(), style));
        }
        (None, Some(at)) if app.session().is_some() => {
            spans.push(sep());
            let text = fill(app.t(T::Saved), &[&at.format("%H:%M:%S").to_string()]);
            spans.push(Span::styled(text, app.theme.dim));
        }
        _ => {}
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The short label of a command, as the footer shows it.
pub fn short(cmd: Cmd) -> T {
    match cmd {
        Cmd::Quit => T::CmdQuit,
        Cmd::Help => T::CmdHelp,
        Cmd::Problems => T::CmdProblems,
        Cmd::Privacy => T::CmdPrivacy,
        Cmd::Prompts => T::CmdPrompts,
        Cmd::NextPhase => T::CmdNext,
        Cmd::PrevPhase => T::CmdPrev,
        Cmd::Up => T::CmdUp,
        Cmd::Down => T::CmdDown,
        Cmd::Add => T::CmdAdd,
        Cmd::Edit => T::CmdEdit,
        Cmd::Delete => T::CmdDelete,
        Cmd::Details => T::CmdDetails,
        Cmd::AddNeed => T::CmdNeed,
        Cmd::AddDisagreement => T::CmdDisagreement,
        Cmd::ClosePlan => T::CmdClosePlan,
        Cmd::Finalize => T::CmdFinalize,
        Cmd::Amend => T::CmdAmend,
        Cmd::Open => T::CmdOpen,
        Cmd::Heard => T::CmdHeard,
        Cmd::Save => T::CmdSave,
        Cmd::Cancel => T::CmdCancel,
        Cmd::NextField => T::CmdNextField,
        Cmd::PrevField => T::CmdPrevField,
        Cmd::Choose => T::CmdChoose,
        Cmd::Confirm => T::CmdConfirm,
        Cmd::Jump => T::CmdJump,
        Cmd::Close => T::CmdClose,
    }
}

/// The long description of a command, as the help overlay shows it.
pub fn long(cmd: Cmd) -> T {
    match cmd {
        Cmd::Quit => T::CmdQuitLong,
        Cmd::Help => T::CmdHelpLong,
        Cmd::Problems => T::CmdProblemsLong,
        Cmd::Privacy => T::CmdPrivacyLong,
        Cmd::Prompts => T::CmdPromptsLong,
        Cmd::NextPhase => T::CmdNextLong,
        Cmd::PrevPhase => T::CmdPrevLong,
        Cmd::Up => T::CmdUpLong,
        Cmd::Down => T::CmdDownLong,
        Cmd::Add => T::CmdAddLong,
        Cmd::Edit => T::CmdEditLong,
        Cmd::Delete => T::CmdDeleteLong,
        Cmd::Details => T::CmdDetailsLong,
        Cmd::AddNeed => T::CmdNeedLong,
        Cmd::AddDisagreement => T::CmdDisagreementLong,
        Cmd::ClosePlan => T::CmdClosePlanLong,
        Cmd::Finalize => T::CmdFinalizeLong,
        Cmd::Amend => T::CmdAmendLong,
        Cmd::Open => T::CmdOpenLong,
        Cmd::Heard => T::CmdHeardLong,
        Cmd::Save => T::CmdSaveLong,
        Cmd::Cancel => T::CmdCancelLong,
        Cmd::NextField => T::CmdNextFieldLong,
        Cmd::PrevField => T::CmdPrevFieldLong,
        Cmd::Choose => T::CmdChooseLong,
        Cmd::Confirm => T::CmdConfirmLong,
        Cmd::Jump => T::CmdJumpLong,
        Cmd::Close => T::CmdCloseLong,
    }
}

fn footer_keys(app: &App, f: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let key_style = app
        .theme
        .key
        .add_modifier(ratatui::style::Modifier::REVERSED);
    for cmd in commands(app) {
        // Up and down share one entry.
        if cmd == Cmd::Down {
            continue;
        }
        if cmd == Cmd::Up {
            spans.push(Span::styled("↑↓", key_style));
            spans.push(Span::raw(format!(" {}  ", app.t(T::CmdSelect))));
            continue;
        }
        spans.push(Span::styled(
            app.keys.label(cmd),
            app.theme
                .key
                .add_modifier(ratatui::style::Modifier::REVERSED),
        ));
        spans.push(Span::raw(format!(" {}  ", app.t(short(cmd)))));
    }
    f.render_widget(
        Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true }),
        area,
    );
}

// Boxes over the screen.

fn overlay_block<'a>(app: &App, title: String) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.title)
        .title(Span::styled(format!(" {title} "), app.theme.title))
        .style(app.theme.base)
}

fn help(app: &App, scroll: u16, f: &mut Frame, area: Rect) {
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
            (app.keys.labels(cmd), app.t(long(cmd)))
        };
        for (i, part) in wrap(text, text_w).into_iter().enumerate() {
            let k = if i == 0 { keys.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("{k:>key_w$}  "), app.theme.key),
                Span::raw(part),
            ]));
        }
    }
    f.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(overlay_block(app, app.t(T::HelpTitle).into())),
        r,
    );
}

fn problems(app: &App, selected: usize, refused: bool, f: &mut Frame, area: Rect) {
    let r = centered(area, area.width.saturating_sub(4).min(110), area.height);
    f.render_widget(Clear, r);
    let list = problem_list(app, refused);
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

/// Greedy word wrap for list items (a List does not wrap by itself).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

fn confirm(app: &App, label: &str, participant: bool, f: &mut Frame, area: Rect) {
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

fn form_box(app: &App, form: &Form, f: &mut Frame, area: Rect) {
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
        .map(|fl| app.t(fl.label).chars().count() as u16)
        .max()
        .unwrap_or(10);
    let label_w: u16 = (longest + 3).min(fields.width / 2);
    let input_w = fields.width.saturating_sub(label_w + 1);
    let heights: Vec<u16> = form
        .fields
        .iter()
        .map(|fl| {
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
        if y + h > fields.y + fields.height {
            break;
        }
        let focused = i == form.focus;
        let label = format!("{} {}", if focused { "▶" } else { " " }, app.t(fl.label));
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
