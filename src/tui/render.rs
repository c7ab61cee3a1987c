//! Drawing: pure functions of `&App`. The frame (title, stepper, timer, status line,
//! footer), the start screen and the meeting screen; the boxes over them are in `overlay`.

use super::app::{App, Overlay, Screen, Session, Start};
use super::available::commands;
use super::bigclock;
use super::command::Cmd;
use super::memo;
use super::overlay;
use super::phases;
use super::widgets::{fit_line, paragraph, truncate, width, wrap};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};
use samsyn::i18n::screen::{T, fill};
use samsyn::rules;

pub fn render(app: &App, f: &mut Frame) {
    super::memo::next_frame();
    let area = f.area();
    memo::ground(f.buffer_mut(), area, app.theme.base);
    if area.width < 80 || area.height < 24 {
        too_small(app, f, area);
        return;
    }
    let cmds = commands(app);
    let ([body, status, footer], status_lines) = frame_areas(app, area, &cmds);
    match &app.screen {
        Screen::Start(st) => start(app, st, f, body),
        Screen::Meeting(s) => meeting(app, s, f, body),
    }
    let plain = ratatui::style::Style::default();
    paragraph(&app.theme, f, status, status_lines.into(), plain, None);
    footer_keys(app, f, footer, &cmds);
    match &app.overlay {
        None => {}
        Some(Overlay::Form(form)) => overlay::form_box(app, form, f, body),
        Some(Overlay::Help(scroll)) => {
            let over = Rect::new(area.x, area.y, area.width, body.height + 1);
            overlay::help(app, *scroll, f, over)
        }
        Some(Overlay::Problems { selected, refused }) => {
            overlay::problems(app, *selected, *refused, f, body)
        }
        Some(Overlay::ConfirmDelete { label, participant }) => {
            overlay::confirm(app, label, *participant, f, body)
        }
        Some(Overlay::ReadBack { page, selected }) => {
            if let Some(s) = app.session() {
                super::readback::render(app, s, *page, *selected, f, body);
            }
        }
        Some(Overlay::QuitUnsaved) => overlay::quit_unsaved(app, f, body),
    }
    overlay::draft_offer(app, f, body);
}

/// The body, the status line and the footer of a frame of `area`; the status line's lines.
fn frame_areas(app: &App, area: Rect, cmds: &[Cmd]) -> ([Rect; 3], Vec<Line<'static>>) {
    // Two lines of keys; a third on a tall screen when the phase's keys need it.
    let rows = if area.height >= 32 && footer_rows(app, cmds, area.width) > 2 {
        3
    } else {
        2
    };
    // The status line wraps: a long message is shown whole, never cut at the edge.
    let status_lines = wrap_spans(status_spans(app), area.width);
    let status_h = (status_lines.len() as u16).clamp(1, area.height.saturating_sub(12));
    let areas = Layout::vertical([
        Constraint::Min(10),
        Constraint::Length(status_h),
        Constraint::Length(rows),
    ])
    .areas(area);
    (areas, status_lines)
}

/// Whether the meeting screen may be drawn again only where time changes it
/// (`clock_area`), over `last`, its last frame at the size `area`: not with a box open,
/// on another screen or at another size.
pub fn clock_allowed(app: &App, area: Rect, last: &ratatui::buffer::Buffer) -> bool {
    area.width >= 80
        && area.height >= 24
        && last.area == area
        && app.overlay.is_none()
        && app.draft.offer.is_none()
        && app.session().is_some()
}

/// Where the passing of time changes the meeting screen of size `area`, whose last
/// frame is `last`: the clocks in its header (the wall clock, the phase timer, the
/// meeting's time). `None`
/// when the frame must be drawn whole (`clock_allowed`). For a second in which nothing
/// else changed (the event loop knows: `update::Ticking`), so the area stays where it
/// is until the next whole frame.
pub fn clock_area(app: &App, area: Rect, last: &ratatui::buffer::Buffer) -> Option<Rect> {
    let s = app.session().filter(|_| clock_allowed(app, area, last))?;
    let ([body, ..], _) = frame_areas(app, area, &commands(app));
    let head = meeting_areas(app, s, body).0;
    Some(header_columns(head)[1])
}

/// Draw the header's clocks into `clocks` (from `clock_area`) of the blank `f`: `last`
/// with these cells drawn again is the frame `render` draws (tests/it/tui_screen.rs),
/// at a fraction of the cost (`paint::Painter::clock`).
pub fn clock_only(app: &App, f: &mut Frame, clocks: Rect) {
    let Some(s) = app.session() else { return };
    // As `render` begins: the theme's colours everywhere.
    f.render_widget(Block::default().style(app.theme.base), clocks);
    // Not kept: the next second's differ (and the memo lets go only between frames).
    draw_clocks(app, s, &Clocks::of(s), f.buffer_mut(), clocks);
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

// The start screen.

/// One row of the start screen's list, before it is drawn.
#[derive(Clone, Copy)]
enum StartRow {
    /// The archive's heading, with the number of meetings.
    ArchiveHeading,
    NoMeetings,
    /// The archive's entry `i`.
    Meeting(usize),
    NeedsHeading,
    /// What needs attention, item `j`.
    Due(usize),
    /// How many more need attention than are listed.
    MoreDue(usize),
    FinalizedHeading,
    Blank,
    AgendasHeading,
    /// The catalogue's agenda `j`.
    Agenda(usize),
}

fn start(app: &App, st: &Start, f: &mut Frame, area: Rect) {
    let [title, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(area);
    f.render_widget(
        Paragraph::new(Line::styled(app.t(T::StartTitle), app.theme.title)),
        title,
    );
    // The rows in order, each with what ↑↓ selects there. Drafts, then what needs
    // someone's attention (what is overdue, then what is due soon; found when the
    // archive was read), then the finalized minutes, in the archive's own order (drafts,
    // finalized, unreadable) so ↑↓ moves as drawn. Only the rows on screen are built.
    let finalized = |e: &super::app::ArchiveEntry| e.summary.as_ref().is_ok_and(|m| m.finalized);
    let draft = |e: &super::app::ArchiveEntry| e.summary.as_ref().is_ok_and(|m| !m.finalized);
    let mut rows: Vec<(StartRow, Option<usize>)> = vec![(StartRow::ArchiveHeading, None)];
    if st.archive.is_empty() {
        rows.push((StartRow::NoMeetings, None));
    }
    let meetings = |pick: &dyn Fn(&super::app::ArchiveEntry) -> bool| {
        st.archive
            .iter()
            .enumerate()
            .filter(|(_, e)| pick(e))
            .map(|(i, _)| (StartRow::Meeting(i), Some(i)))
            .collect::<Vec<_>>()
    };
    rows.extend(meetings(&draft));
    if !st.due.is_empty() {
        rows.push((StartRow::NeedsHeading, None));
        rows.extend((0..st.due.len()).map(|j| (StartRow::Due(j), None)));
        if st.due_count > st.due.len() {
            rows.push((StartRow::MoreDue(st.due_count - st.due.len()), None));
        }
    }
    if st.archive.iter().any(finalized) {
        rows.push((StartRow::FinalizedHeading, None));
    }
    rows.extend(meetings(&|e| finalized(e) || e.summary.is_err()));
    rows.push((StartRow::Blank, None));
    rows.push((StartRow::AgendasHeading, None));
    rows.extend(
        (0..app.catalogue.agendas.len()).map(|j| (StartRow::Agenda(j), Some(st.archive.len() + j))),
    );

    // Rows carry dates: a row too long for the screen wraps (the rest indented), never
    // cut. The list's border and the selection mark take four columns.
    let row_width = (list.width as usize).saturating_sub(4).max(20);
    let item = |row: StartRow| start_row(app, st, row, row_width);
    // The rows shown, as the list would scroll them with the selection kept on screen
    // (at the bottom once it is past the first screenful): only those are built.
    let room = list.height.saturating_sub(2) as usize;
    let selected = rows.iter().position(|r| r.1 == Some(st.selected));
    let mut built: Vec<ListItem> = Vec::new();
    let mut used = 0;
    let mut first = 0;
    for (row, _) in &rows {
        let it = item(*row);
        if used + it.height() > room && !built.is_empty() {
            break;
        }
        used += it.height();
        built.push(it);
    }
    if let Some(sel) = selected.filter(|&s| s >= built.len()) {
        // From the selection up, as many rows as fit.
        built.clear();
        used = 0;
        first = sel + 1;
        while first > 0 {
            let it = item(rows[first - 1].0);
            if used + it.height() > room && !built.is_empty() {
                break;
            }
            used += it.height();
            built.push(it);
            first -= 1;
        }
        built.reverse();
    }
    let widget = List::new(built)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(app.theme.border),
        )
        .highlight_style(app.theme.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(selected.map(|s| s - first));
    f.render_stateful_widget(widget, list, &mut state);
}

/// One row of the start screen, drawn `row_width` columns wide.
fn start_row(app: &App, st: &Start, row: StartRow, row_width: usize) -> ListItem<'static> {
    let heading = |t: String| ListItem::new(Line::styled(t, app.theme.title));
    let wrapped_row = |text: String, style: ratatui::style::Style| {
        if width(&text) <= row_width {
            return Text::from(Line::styled(text, style));
        }
        // The row's own indent stays; the lines after it are indented two more.
        let indent = text.len() - text.trim_start().len();
        let (lead, rest) = text.split_at(indent);
        let more = format!("{lead}  ");
        Text::from(
            wrap(rest, row_width.saturating_sub(more.len()))
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    let lead = if i == 0 { lead } else { more.as_str() };
                    Line::styled(format!("{lead}{l}"), style)
                })
                .collect::<Vec<_>>(),
        )
    };
    match row {
        StartRow::ArchiveHeading => {
            heading(fill(app.t(T::Archive), &[&st.archive.len().to_string()]))
        }
        StartRow::NoMeetings => ListItem::new(Line::styled(
            format!("  {}", app.t(T::NoMeetings)),
            app.theme.dim,
        )),
        StartRow::Meeting(i) => ListItem::new(wrapped_row(
            meeting_line(app, &st.archive[i]),
            ratatui::style::Style::default(),
        )),
        StartRow::NeedsHeading => {
            heading(fill(app.t(T::NeedsAttention), &[&st.due_count.to_string()]))
        }
        StartRow::Due(j) => {
            let d = &st.due[j];
            let date = d.date.map_or_else(String::new, |x| x.to_string());
            let what = if app.mask {
                st.archive
                    .iter()
                    .find(|e| e.path == d.file)
                    .map_or(d.what.clone(), |e| masked(e, &d.what))
            } else {
                d.what.clone()
            };
            let style = if d.overdue {
                app.theme.blocking
            } else {
                app.theme.warning
            };
            let case = if d.case_ref.is_empty() {
                String::new()
            } else {
                format!(" · {}", d.case_ref)
            };
            // Overdue in words too: colour alone is lost on a projector or without colour.
            let mark = if d.overdue {
                format!("{} ", samsyn::i18n::terms::overdue(app.lang))
            } else {
                String::new()
            };
            ListItem::new(wrapped_row(
                format!("  {date} {mark}{}: {what}{case}", d.kind.word(app.lang)),
                style,
            ))
        }
        StartRow::MoreDue(n) => ListItem::new(Line::styled(
            format!("    {}", fill(app.t(T::MoreAttention), &[&n.to_string()])),
            app.theme.dim,
        )),
        StartRow::FinalizedHeading => heading(app.t(T::FinalizedMinutes).to_string()),
        StartRow::Blank => ListItem::new(""),
        StartRow::AgendasHeading => heading(app.t(T::Agendas).to_string()),
        StartRow::Agenda(j) => {
            let (a, _) = &app.catalogue.agendas[j];
            let line = format!(
                "{} — {} ({} {}, {} min)",
                a.id,
                a.name.get(app.lang),
                a.phases.len(),
                app.t(T::Phases),
                a.typical_minutes()
            );
            let desc = a.description.get(app.lang).to_string();
            ListItem::new(Text::from(vec![
                Line::from(line),
                Line::styled(truncate(&format!("   {desc}"), row_width), app.theme.dim),
            ]))
        }
    }
}

/// `text` of a meeting of the archive under the privacy mask, by the meeting's people;
/// hidden whole when they can no longer be read.
fn masked(e: &super::app::ArchiveEntry, text: &str) -> String {
    e.people().map_or_else(
        || "…".to_string(),
        |(family, others)| super::mask::Mask::from_people(family, others).apply(text),
    )
}

/// An archive entry's row: badge, date, agenda, title, follow-up date, file name.
fn meeting_line(app: &App, e: &super::app::ArchiveEntry) -> String {
    let name = e
        .path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    match &e.summary {
        Ok(m) => {
            let badge = if m.finalized {
                app.t(T::Finalized)
            } else {
                app.t(T::Draft)
            };
            // The start screen is on the projector too: the mask covers it, the file's
            // name too (one renamed by hand may hold a name).
            let (title, name) = if app.mask {
                (masked(e, &m.title), masked(e, &name))
            } else {
                (m.title.clone(), name)
            };
            let follow_up = m
                .follow_up
                .map(|date| format!(" · {} {date}", app.t(T::FollowUpHeading).to_lowercase()))
                .unwrap_or_default();
            format!(
                "[{badge}] {} {} — {title}{follow_up}  ({name})",
                m.date, m.agenda
            )
        }
        Err(err) => format!("[!] {name}: {}", fill(app.t(T::Unreadable), &[err])),
    }
}

// The meeting screen.

/// The meeting screen's header, banner (with its lines) and main area in `area`.
fn meeting_areas(app: &App, s: &Session, area: Rect) -> (Rect, Rect, Rect, Vec<String>) {
    // A read-only meeting says why above everything else, wrapped to two lines at most.
    let banner_text = if let Some(why) = &s.locked {
        Some(format!("■ {why}"))
    } else {
        s.meeting.finalized.as_ref().map(|stamp| {
            let text = fill(
                app.t(T::ReadOnly),
                &[
                    &stamp.by,
                    &stamp.at.format("%Y-%m-%d %H:%M").to_string(),
                    &app.keys.label(Cmd::Amend),
                ],
            );
            format!("✔ {text}")
        })
    };
    let banner_lines: Vec<String> = banner_text
        .as_deref()
        .map(|t| wrap(t, area.width as usize).into_iter().take(2).collect())
        .unwrap_or_default();
    let [head, banner_area, main] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(banner_lines.len() as u16),
        Constraint::Min(5),
    ])
    .areas(area);
    (head, banner_area, main, banner_lines)
}

fn meeting(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let (head, banner_area, main, banner_lines) = meeting_areas(app, s, area);
    header(app, s, f, head);
    let banner: Vec<Line> = banner_lines
        .into_iter()
        .map(|l| Line::styled(l, app.theme.caution))
        .collect();
    let plain = ratatui::style::Style::default();
    paragraph(&app.theme, f, banner_area, banner.into(), plain, None);
    let prompts = &s.phase().prompts;
    let main = if app.show_prompts && !prompts.is_empty() {
        // Laid out once for the phase, the language, the theme and the room: wrapping
        // every prompt again took a tenth of the answer to a key.
        let key = (
            &s.agenda.id,
            s.agenda.version,
            s.phase,
            app.lang,
            &app.theme,
            main,
            app.keys.label(Cmd::Prompts),
        );
        let laid = memo::value(&key, || {
            let wide = main.width >= 110;
            let side_w = if wide { 38 } else { main.width };
            // Each prompt whole or not at all: never cut mid-sentence. Below the phase, the
            // box is as tall as the prompts that fit (at most five rows, more for one long
            // prompt); the title says how many are shown when not all are.
            let text_w = (side_w as usize).saturating_sub(2).max(10);
            let wrapped: Vec<Vec<String>> = prompts
                .iter()
                .map(|p| wrap(&format!("• {}", p.get(app.lang)), text_w))
                .collect();
            let room = if wide {
                main.height.saturating_sub(2) as usize
            } else {
                let first = wrapped.first().map_or(0, Vec::len);
                3.max(first)
                    .min((main.height / 2).saturating_sub(2) as usize)
            };
            let mut lines: Vec<Line> = Vec::new();
            let mut shown = 0;
            for p in &wrapped {
                if lines.len() + p.len() > room {
                    break;
                }
                lines.extend(p.iter().map(|l| Line::from(l.clone())));
                shown += 1;
            }
            if shown == 0
                && let Some(first) = wrapped.first()
            {
                // One prompt longer than the room there is: as much as fits, marked as cut.
                for (i, l) in first.iter().take(room.max(1)).enumerate() {
                    let l = if i + 1 == room.max(1) {
                        truncate(&format!("{l} …"), text_w)
                    } else {
                        l.clone()
                    };
                    lines.push(Line::from(l));
                }
            }
            let (view, side) = if wide {
                let [v, p] =
                    Layout::horizontal([Constraint::Min(60), Constraint::Length(38)]).areas(main);
                (v, p)
            } else {
                let h = lines.len() as u16 + 2;
                let [v, p] =
                    Layout::vertical([Constraint::Min(5), Constraint::Length(h)]).areas(main);
                (v, p)
            };
            let count = if shown < prompts.len() {
                format!(
                    " {}",
                    fill(
                        app.t(T::PromptsShown),
                        &[&shown.to_string(), &prompts.len().to_string()]
                    )
                )
            } else {
                String::new()
            };
            let title = format!(
                " {}{count} ({}) ",
                app.t(T::Prompts),
                app.keys.label(Cmd::Prompts)
            );
            std::rc::Rc::new((view, side, Text::from(lines), title))
        });
        let (view, side, text, title) = &*laid;
        let (view, side) = (*view, *side);
        memo::draw(f.buffer_mut(), side, app.theme.base, &key, |buf| {
            let para = Paragraph::new(text.clone()).style(app.theme.dim).block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(app.theme.border)
                    .title(Span::styled(title.clone(), app.theme.title)),
            );
            ratatui::widgets::Widget::render(para, side, buf);
        });
        view
    } else {
        main
    };
    phases::current(s).render(app, s, f, main);
}

/// The phase timer as the header shows it: always five characters, "mm:ss".
fn timer_text(s: &Session) -> String {
    let elapsed = s.elapsed_secs();
    format!("{:02}:{:02}", (elapsed / 60).min(99), elapsed % 60)
}

/// Whether the wall clock is shown large too (a wide screen), and how wide.
fn wall_clock_width(header: Rect) -> u16 {
    if header.width >= 140 {
        bigclock::width("00:00") + 2
    } else {
        0
    }
}

/// The header's two columns: the title and the stepper, which time does not change;
/// the clocks, which it does. Neither depends on the time shown (`timer_text` is always
/// as wide).
fn header_columns(area: Rect) -> [Rect; 2] {
    Layout::horizontal([
        Constraint::Min(30),
        Constraint::Length(wall_clock_width(area) + CLOCKS_W),
    ])
    .areas(area)
}

/// The column of clocks without the large wall clock: the phase timer, its label (14)
/// and the room around them.
const CLOCKS_W: u16 = 5 * 4 - 1 + 14 + 3;

fn header(app: &App, s: &Session, f: &mut Frame, area: Rect) {
    let m = &s.meeting;
    let [left, right] = header_columns(area);
    // The title and the stepper change with the meeting, its phase, and the screen's
    // language, masking and theme: drawn once for each (judging every phase's content
    // again took a tenth of the answer to a key).
    let key = (
        m.revision(),
        &s.agenda.id,
        s.agenda.version,
        s.phase,
        app.lang,
        app.mask,
        &app.theme,
    );
    memo::draw(f.buffer_mut(), left, app.theme.base, &key, |buf| {
        // Title line.
        let [title_row, stepper_rows] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(left);
        let badge = if m.is_finalized() {
            app.t(T::Finalized)
        } else {
            app.t(T::Draft)
        };
        // The date is a fact the room needs: a long title is cut (with "…") before it is.
        let when = format!(
            " · {} {}",
            m.date,
            m.start
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default()
        );
        let badge = format!("[{badge}] ");
        let room =
            (title_row.width as usize).saturating_sub(width(&badge) + width(when.trim_end()));
        let title = format!("{}{when}", truncate(&app.show(&m.title), room));
        let line = fit_line(
            Line::from(vec![
                Span::styled(badge, app.theme.caution),
                Span::styled(title, app.theme.title),
            ]),
            title_row.width as usize,
        );
        ratatui::widgets::Widget::render(Paragraph::new(line), title_row, &mut *buf);
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
        let stepper = Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true });
        ratatui::widgets::Widget::render(stepper, stepper_rows, buf);
    });
    header_clocks(app, s, f, right);
}

/// The header's column of clocks (`header_columns`): the meeting's time and the wall
/// clock, and the phase timer, large.
fn header_clocks(app: &App, s: &Session, f: &mut Frame, right: Rect) {
    use chrono::Timelike;
    // They change with the seconds counted and the minute of the wall clock: drawn once
    // for each.
    let clocks = Clocks::of(s);
    let key = (
        &clocks,
        s.paused,
        (app.now.hour(), app.now.minute()),
        app.lang,
        &app.theme,
    );
    memo::draw(f.buffer_mut(), right, app.theme.base, &key, |buf| {
        draw_clocks(app, s, &clocks, buf, right)
    });
}

/// What the header's clocks count: the phase's seconds and minutes, the meeting's
/// seconds and the agenda's minutes.
#[derive(Hash)]
struct Clocks {
    elapsed: u64,
    minutes: u64,
    meeting_secs: u64,
    typical: u32,
}

impl Clocks {
    fn of(s: &Session) -> Clocks {
        Clocks {
            elapsed: s.elapsed_secs(),
            minutes: s.phase().minutes.max(1) as u64,
            meeting_secs: s.meeting_secs(),
            typical: s.agenda.typical_minutes(),
        }
    }
}

/// The clocks of `header_clocks` drawn in `right` of `buf`.
fn draw_clocks(
    app: &App,
    s: &Session,
    clocks: &Clocks,
    buf: &mut ratatui::buffer::Buffer,
    right: Rect,
) {
    use ratatui::widgets::Widget;
    let &Clocks {
        elapsed,
        minutes,
        meeting_secs,
        typical,
    } = clocks;
    // What is left of the column, when the screen is wide enough for it (it may be
    // narrower than asked for: the title keeps 30 columns).
    let clock_w = right.width.saturating_sub(CLOCKS_W);
    let timer = timer_text(s);
    let big_w = bigclock::width(&timer);
    let ratio = elapsed as f64 / (minutes * 60) as f64;
    let (state, style) = if s.paused {
        (app.t(T::Paused), app.theme.dim)
    } else if ratio > 1.0 {
        (app.t(T::OverTime), app.theme.over)
    } else if ratio >= 0.8 {
        (app.t(T::Caution), app.theme.caution)
    } else {
        ("", app.theme.title)
    };
    let [_, right] = Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(right);
    let [clock_row, big_rows] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(3)]).areas(right);
    // The meeting's time against the agenda's, beside the clock.
    let total = fill(
        app.t(T::MeetingClock),
        &[&meeting_secs.div_ceil(60).to_string(), &typical.to_string()],
    );
    let total_style = if meeting_secs > u64::from(typical) * 60 {
        app.theme.over
    } else {
        app.theme.dim
    };
    let line = Line::from(vec![
        Span::styled(total, total_style),
        Span::styled(format!(" · {} ", app.t(T::Clock)), app.theme.dim),
        Span::styled(app.now.format("%H:%M").to_string(), app.theme.title),
    ]);
    let text = Text::from(line).alignment(Alignment::Right);
    Paragraph::new(text).render(clock_row, buf);
    let [clock_digits, digits, label] = Layout::horizontal([
        Constraint::Length(clock_w),
        Constraint::Length(big_w + 1),
        Constraint::Min(1),
    ])
    .areas(big_rows);
    if clock_w > 0 {
        let clock = bigclock::big(&app.now.format("%H:%M").to_string());
        let lines: Vec<Line> = clock
            .iter()
            .map(|r| Line::styled(r.clone(), app.theme.dim))
            .collect();
        Paragraph::new(lines).render(clock_digits, buf);
    }
    let rows = bigclock::big(&timer);
    let lines: Vec<Line> = rows
        .iter()
        .map(|r| Line::styled(r.clone(), style))
        .collect();
    Paragraph::new(lines).render(digits, buf);
    let label_lines = vec![
        Line::styled(app.t(T::PhaseTime), app.theme.dim),
        Line::from(fill(app.t(T::Of), &[&minutes.to_string()])),
        Line::styled(state, style),
    ];
    Paragraph::new(label_lines).render(label, buf);
}

/// `spans` laid out in lines of at most `width` columns, broken between words (a word
/// longer than a line is broken inside it), each piece keeping its style.
fn wrap_spans(spans: Vec<Span<'static>>, width: u16) -> Vec<Line<'static>> {
    let cols = |t: &str| Span::raw(t).width();
    let width = usize::from(width.max(1));
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut x = 0;
    for span in spans {
        let style = span.style;
        // Words with the spaces after them, so the spaces stay where they were.
        for word in span.content.split_inclusive(' ') {
            let mut word = word.to_string();
            let w = cols(word.trim_end());
            if x > 0 && x + w > width {
                lines.push(Vec::new());
                x = 0;
            }
            while cols(word.trim_end()) > width - x {
                // Longer than a whole line: as much as fits, the rest on the next.
                let mut cut = 0;
                let mut used = 0;
                for (i, c) in word.char_indices() {
                    let cw = cols(c.encode_utf8(&mut [0; 4]));
                    if used + cw > width - x {
                        break;
                    }
                    used += cw;
                    cut = i + c.len_utf8();
                }
                if cut == 0 {
                    break;
                }
                let rest = word.split_off(cut);
                let line = lines.last_mut().expect("one line at least");
                line.push(Span::styled(word, style));
                lines.push(Vec::new());
                x = 0;
                word = rest;
            }
            x += cols(&word);
            lines
                .last_mut()
                .expect("one line at least")
                .push(Span::styled(word, style));
        }
    }
    lines.into_iter().map(Line::from).collect()
}

fn status_spans(app: &App) -> Vec<Span<'static>> {
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
        let text = if warnings == 1 {
            app.t(T::OneWarning).to_string()
        } else {
            fill(app.t(T::WarningCount), &[&warnings.to_string()])
        };
        spans.push(Span::styled(format!("⚠ {text}"), app.theme.warning));
    }
    if app.mask {
        if !spans.is_empty() {
            spans.push(sep());
        }
        spans.push(Span::styled(
            format!("[{}]", app.t(T::Masked)),
            app.theme.caution,
        ));
    }
    if let Some(why) = &app.save_error {
        // Above everything else: the work is not on disk (and is kept, and retried).
        let text = format!(
            "✖ {} — {} ",
            fill(app.t(T::SaveFailed), &[why]),
            app.t(T::SaveRetrying)
        );
        spans.insert(0, Span::styled(text, app.theme.over));
    }
    match (&app.message, app.last_saved) {
        // Said while it is true, also over a message: the change is not on disk yet.
        _ if app.saving && app.save_error.is_none() && app.session().is_some() => {
            if !spans.is_empty() {
                spans.push(sep());
            }
            spans.push(Span::styled(app.t(T::Saving), app.theme.dim));
            if let Some((msg, bad)) = &app.message {
                let style = if *bad {
                    app.theme.blocking
                } else {
                    app.theme.ok
                };
                spans.push(sep());
                spans.push(Span::styled(msg.clone(), style));
            }
        }
        (Some((msg, bad)), _) => {
            if !spans.is_empty() {
                spans.push(sep());
            }
            let style = if *bad {
                app.theme.blocking
            } else {
                app.theme.ok
            };
            spans.push(Span::styled(app.show(msg), style));
        }
        (None, Some(at)) if app.session().is_some() => {
            spans.push(sep());
            let text = fill(app.t(T::Saved), &[&at.format("%H:%M:%S").to_string()]);
            spans.push(Span::styled(text, app.theme.dim));
        }
        _ => {}
    }
    spans
}

/// How many lines all the keys the footer would show take at `width`.
/// The footer's entries for the commands `cmds`: each one's keys and short name, up and
/// down as one.
fn footer_entries(app: &App, cmds: &[Cmd]) -> Vec<(Cmd, String, String)> {
    cmds.iter()
        .filter(|c| **c != Cmd::Down)
        .map(|&cmd| {
            if cmd == Cmd::Up {
                (cmd, "↑↓".to_string(), app.t(T::CmdSelect).to_string())
            } else {
                (
                    cmd,
                    app.keys.label(cmd),
                    app.t(cmd.spec().short).to_string(),
                )
            }
        })
        .collect()
}

/// How wide a footer entry is: its keys, its name and the room around them.
fn entry_width(e: &(Cmd, String, String)) -> usize {
    e.1.chars().count() + e.2.chars().count() + 3
}

/// How many rows the footer's keys take at `width`, all of them shown.
fn footer_rows(app: &App, cmds: &[Cmd], width: u16) -> usize {
    // The same for the same commands, keys, language and width: counted once.
    memo::value(&(cmds, &app.keys, app.lang, width), || {
        entry_rows(&footer_entries(app, cmds), width)
    })
}

/// How many rows `entries` take at `width`, each whole on its row.
fn entry_rows(entries: &[(Cmd, String, String)], width: u16) -> usize {
    let mut rows = 1;
    let mut x = 0;
    for e in entries {
        let w = entry_width(e);
        if x + w > width as usize && x > 0 {
            rows += 1;
            x = 0;
        }
        x += w;
    }
    rows
}

fn footer_keys(app: &App, f: &mut Frame, area: Rect, cmds: &[Cmd]) {
    // Drawn once for the same commands, keys, language and theme.
    let key = (cmds, &app.keys, app.lang, &app.theme);
    memo::draw(f.buffer_mut(), area, app.theme.base, &key, |buf| {
        ratatui::widgets::Widget::render(footer_lines(app, cmds, area), area, buf)
    });
}

/// The footer's lines in `area`: the most important keys that fit.
fn footer_lines(app: &App, cmds: &[Cmd], area: Rect) -> Paragraph<'static> {
    let key_style = app
        .theme
        .key
        .add_modifier(ratatui::style::Modifier::REVERSED);
    let mut entries = footer_entries(app, cmds);
    let width = entry_width;
    let fits =
        |entries: &[(Cmd, String, String)]| entry_rows(entries, area.width) <= area.height as usize;
    // Drop the least important entries, the last first, until the rest fit.
    while !fits(&entries) {
        let Some(drop) = (0..entries.len())
            .filter(|&i| entries[i].0.spec().rank > 0)
            .max_by_key(|&i| (entries[i].0.spec().rank, i))
        else {
            break;
        };
        entries.remove(drop);
    }
    let mut lines = vec![Vec::new()];
    let mut x = 0;
    for e in &entries {
        let w = width(e);
        if x + w > area.width as usize && x > 0 {
            lines.push(Vec::new());
            x = 0;
        }
        let line = lines.last_mut().expect("one line at least");
        line.push(Span::styled(e.1.clone(), key_style));
        line.push(Span::raw(format!(" {}  ", e.2)));
        x += w;
    }
    let lines: Vec<Line> = lines.into_iter().map(Line::from).collect();
    Paragraph::new(lines)
}
