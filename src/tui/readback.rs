//! The plan read back (the "shared view"): before finalizing, the whole plan full screen
//! for the projector — per organisation who does what by when and who decided it, then
//! what is awaited, who holds the overall responsibility and when we meet again — in a
//! calm, spacious layout, paged with ←/→, masked when the mask is on. The confirmation
//! round runs in it: each action's decider (or performer) is asked in turn and the
//! facilitator marks it confirmed at the table.

use super::app::{App, Session};
use super::command::Cmd;
use super::widgets::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block as Frame_, Borders, Clear, Paragraph};
use samsyn::datetime::Parsed;
use samsyn::i18n::Lang;
use samsyn::i18n::screen::{T, fill};
use samsyn::i18n::terms;
use samsyn::meeting::{Action, ActionStatus, Decision, Meeting, Performer, Person};

/// What one line is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The action's text: bold.
    What,
    Plain,
    /// A sub-heading of the overview page.
    Heading,
    Confirmed,
    Unconfirmed,
    /// The question to the room.
    Question,
}

/// A run of lines kept together on one page: an action, or a part of the overview.
#[derive(Debug, Clone)]
struct Piece {
    lines: Vec<(Kind, String)>,
    /// The action (index in `Meeting::actions`) the piece reads back.
    action: Option<usize>,
}

/// One screen of the read-back.
#[derive(Debug, Clone)]
pub struct Page {
    /// The organisation (or "the whole plan"), with "(cont.)" when it goes on.
    pub heading: String,
    pieces: Vec<Piece>,
}

impl Page {
    /// The actions on this page, in the order they are read back.
    pub fn actions(&self) -> Vec<usize> {
        self.pieces.iter().filter_map(|p| p.action).collect()
    }
}

/// The area the read-back fills on a screen of `size`: all but the status line and
/// the footer (as `render` lays them out).
pub fn area_of(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0, size.1.saturating_sub(3))
}

/// Columns left free on each side: more on a wide screen, for calm.
fn margin(width: u16) -> usize {
    if width >= 110 { 6 } else { 3 }
}

/// The pages of the read-back for an area of `area`.
pub fn pages(app: &App, s: &Session, area: Rect) -> Vec<Page> {
    let lang = app.lang;
    let m = &s.meeting;
    let text_width = (area.width as usize).saturating_sub(2 * margin(area.width) + 2);
    // Title line, blank, heading, blank above the pieces; the border's two lines.
    let room = (area.height as usize).saturating_sub(6);
    let mut groups: Vec<(String, Vec<Piece>)> = Vec::new();
    // Per organisation, in the order the meeting names them; the family's own last.
    let orgs = m.organisations.iter().map(|o| Some(&o.id)).chain([None]);
    for org in orgs {
        let pieces: Vec<Piece> = m
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.organisation.as_ref() == org)
            .map(|(i, a)| action_piece(app, m, i, a, text_width))
            .collect();
        if pieces.is_empty() {
            continue;
        }
        let heading = match org {
            Some(id) => m.organisation_name(id),
            None => terms::capital(terms::family(lang)),
        };
        groups.push((app.show(&heading), pieces));
    }
    if m.actions.is_empty() {
        let none = Piece {
            lines: vec![(Kind::Plain, app.t(T::ReadBackNoActions).to_string())],
            action: None,
        };
        groups.push((fill(app.t(T::ActionsList), &["0"]), vec![none]));
    }
    groups.push((
        app.t(T::ReadBackWhole).to_string(),
        whole(app, m, text_width),
    ));

    let mut out = Vec::new();
    for (heading, pieces) in groups {
        let mut page = Page {
            heading: heading.clone(),
            pieces: Vec::new(),
        };
        let mut used = 0;
        for piece in pieces {
            let h = piece.lines.len() + 1;
            if used > 0 && used + h > room + 1 {
                out.push(page);
                page = Page {
                    heading: format!("{heading} {}", app.t(T::ReadBackContinued)),
                    pieces: Vec::new(),
                };
                used = 0;
            }
            used += h;
            page.pieces.push(piece);
        }
        out.push(page);
    }
    out
}

/// Lines of `text` wrapped to `width`, each of kind `kind`, indented by `indent`.
fn lines(kind: Kind, text: &str, width: usize, indent: &str) -> Vec<(Kind, String)> {
    let w = width.saturating_sub(indent.chars().count()).max(10);
    wrap(text, w)
        .into_iter()
        .map(|l| (kind, format!("{indent}{l}")))
        .collect()
}

/// A day in words: "torsdag 3 december 2026".
fn day(d: chrono::NaiveDate, lang: Lang) -> String {
    Parsed {
        date: d,
        time: None,
        date_typed: true,
    }
    .describe(lang)
}

fn performer(m: &Meeting, a: &Action, lang: Lang) -> String {
    match &a.performer {
        Some(Performer::Participant(id)) => m.person_name(&Person::Participant(id.clone())),
        Some(Performer::Family) => terms::capital(terms::family(lang)),
        Some(Performer::Named(n)) => n.clone(),
        None => T::NotSet.get(lang).to_string(),
    }
}

/// Whom to ask about an action, in turn: who decided it and who carries it out, those
/// of them at the table; for a decision awaited from someone absent, who of the action's
/// organisation is at the table; else whoever carries it out.
fn to_ask(m: &Meeting, a: &Action, lang: Lang) -> String {
    let present = |id: &samsyn::meeting::Id| m.participant(id).is_some_and(|p| p.is_present());
    let mut ids: Vec<samsyn::meeting::Id> = a.deciders().to_vec();
    if let Some(Performer::Participant(id)) = &a.performer
        && !ids.contains(id)
    {
        ids.push(id.clone());
    }
    ids.retain(|id| present(id));
    if ids.is_empty()
        && let Some(org) = &a.organisation
    {
        ids = m
            .participants
            .iter()
            .filter(|p| p.is_present() && p.organisation.as_ref() == Some(org))
            .map(|p| p.id.clone())
            .collect();
    }
    if ids.is_empty() {
        return performer(m, a, lang);
    }
    let names: Vec<String> = ids
        .iter()
        .map(|id| m.person_name(&Person::Participant(id.clone())))
        .collect();
    names.join(samsyn::i18n::terms::and(lang))
}

fn action_piece(app: &App, m: &Meeting, i: usize, a: &Action, width: usize) -> Piece {
    let lang = app.lang;
    let show = |t: &str| app.show(t);
    let mut out = lines(Kind::What, &show(a.what.trim()), width, "");
    let by_when = match (a.start, a.deadline) {
        (Some(s), Some(d)) => format!(
            "{} ({})",
            day(d, lang),
            fill(app.t(T::ReadBackFrom), &[&day(s, lang)])
        ),
        (None, Some(d)) => day(d, lang),
        (Some(s), None) => fill(app.t(T::ReadBackFrom), &[&day(s, lang)]),
        (None, None) => app.t(T::ReadBackNoDate).to_string(),
    };
    let does = format!(
        "{}: {} · {}: {by_when}",
        app.t(T::ReadBackDoes),
        performer(m, a, lang),
        app.t(T::ReadBackByWhen)
    );
    out.extend(lines(Kind::Plain, &show(&does), width, "  "));
    let decided = match &a.decision {
        Decision::AtTable { by } => {
            let names: Vec<String> = by
                .iter()
                .map(|id| m.person_name(&Person::Participant(id.clone())))
                .collect();
            format!(
                "{}: {}",
                app.t(T::ReadBackDecidedBy),
                names.join(samsyn::i18n::terms::and(lang))
            )
        }
        Decision::Awaiting {
            decision_maker,
            organisation,
            decide_by,
            ..
        } => {
            let mut t = format!("{} {}", app.t(T::ReadBackAwaited), decision_maker.trim());
            if let Some(o) = organisation {
                t += &format!(" ({})", m.organisation_name(o));
            }
            if let Some(d) = decide_by {
                t += &format!(", {}", fill(app.t(T::ReadBackDecideBy), &[&day(*d, lang)]));
            }
            t
        }
    };
    out.extend(lines(Kind::Plain, &show(&decided), width, "  "));
    // The mark takes as many lines confirmed as not, so marking moves nothing.
    let yes = lines(Kind::Confirmed, app.t(T::ReadBackConfirmed), width, "  ");
    let ask = format!(
        "{} — {}",
        app.t(T::ReadBackUnconfirmed),
        fill(app.t(T::ReadBackAsk), &[&to_ask(m, a, lang)])
    );
    let no = lines(Kind::Unconfirmed, &show(&ask), width, "  ");
    let n = yes.len().max(no.len());
    let mut mark = if a.confirmed { yes } else { no };
    mark.resize(n, (Kind::Plain, String::new()));
    out.extend(mark);
    Piece {
        lines: out,
        action: Some(i),
    }
}

/// The last page: what is awaited, the overall responsibility, the next meeting, and
/// the question to the room.
fn whole(app: &App, m: &Meeting, width: usize) -> Vec<Piece> {
    let lang = app.lang;
    let piece = |lines: Vec<(Kind, String)>| Piece {
        lines,
        action: None,
    };
    let mut out = Vec::new();
    let not_set = app.t(T::NotSet).to_string();
    let (resp, coord) =
        super::phases::summary::responsibility(m, |id| m.organisation_name(id), &not_set);
    let mut held = lines(
        Kind::Plain,
        &app.show(&format!("{}: {resp}", app.t(T::Responsibility))),
        width,
        "",
    );
    held.extend(lines(
        Kind::Plain,
        &app.show(&format!("{}: {coord}", app.t(T::Coordinator))),
        width,
        "",
    ));
    out.push(piece(held));

    let mut awaited = vec![(Kind::Heading, app.t(T::ReadBackAwaitedHeading).to_string())];
    let pending: Vec<&Action> = m.actions.iter().filter(|a| a.is_awaiting()).collect();
    if pending.is_empty() {
        awaited.push((Kind::Plain, app.t(T::ReadBackNothingAwaited).to_string()));
    }
    for a in pending {
        if let Decision::Awaiting {
            decision_maker,
            decide_by,
            ..
        } = &a.decision
        {
            let by = decide_by.map_or_else(String::new, |d| {
                format!(", {}", fill(app.t(T::ReadBackDecideBy), &[&day(d, lang)]))
            });
            let t = format!("• {} — {}{by}", a.what.trim(), decision_maker.trim());
            awaited.extend(lines(Kind::Plain, &app.show(&t), width, ""));
        }
    }
    out.push(piece(awaited));

    let mut next = vec![(Kind::Heading, app.t(T::ReadBackNext).to_string())];
    let when = match (&m.follow_up, &m.plan_closed) {
        (_, Some(why)) => fill(app.t(T::PlanClosed), &[why]),
        (Some(f), None) => {
            let mut t = Parsed {
                date: f.date,
                time: f.time,
                date_typed: true,
            }
            .describe(lang);
            if !f.place.trim().is_empty() {
                t += &format!(", {}", f.place.trim());
            }
            if let Some(c) = &f.convener {
                t += &format!(
                    " · {}",
                    fill(app.t(T::ReadBackConvener), &[&m.person_name(c)])
                );
            }
            t
        }
        (None, None) => not_set,
    };
    next.extend(lines(Kind::Plain, &app.show(&when), width, ""));
    out.push(piece(next));

    // What the warning at finalize counts: the actions still in play.
    let active: Vec<&Action> = m
        .actions
        .iter()
        .filter(|a| {
            matches!(
                a.status,
                ActionStatus::Agreed | ActionStatus::AwaitingDecision
            )
        })
        .collect();
    let confirmed = active.iter().filter(|a| a.confirmed).count();
    let mut end = Vec::new();
    if !active.is_empty() {
        let tally = fill(
            app.t(T::ReadBackTally),
            &[&confirmed.to_string(), &active.len().to_string()],
        );
        let kind = if confirmed == active.len() {
            Kind::Confirmed
        } else {
            Kind::Unconfirmed
        };
        end.extend(lines(kind, &tally, width, ""));
    }
    end.extend(lines(Kind::Question, app.t(T::ReadBackQuestion), width, ""));
    out.push(piece(end));
    out
}

/// Draw the read-back over `area`: page `page`, the `selected` action of it marked.
pub fn render(app: &App, s: &Session, page: usize, selected: usize, f: &mut Frame, area: Rect) {
    let pages = pages(app, s, area);
    let Some(p) = pages.get(page.min(pages.len().saturating_sub(1))) else {
        return;
    };
    let page = page.min(pages.len() - 1);
    f.render_widget(Clear, area);
    let head = fill(
        app.t(T::ReadBackPage),
        &[&(page + 1).to_string(), &pages.len().to_string()],
    );
    let title = format!(
        " {} · {} · {head} ",
        app.t(T::ReadBackTitle),
        app.show(&s.meeting.title)
    );
    let frame = Frame_::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title(Span::styled(title, app.theme.title))
        .title_bottom(Line::styled(
            format!(
                " {} {} · {} {} ",
                app.keys.label(Cmd::PrevPage),
                app.t(T::CmdPrevPage),
                app.keys.label(Cmd::NextPage),
                app.t(T::CmdNextPage)
            ),
            app.theme.dim,
        ));
    let inner = frame.inner(area);
    f.render_widget(frame, area);
    let pad = " ".repeat(margin(area.width));
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut out: Vec<Line> = vec![
        Line::from(""),
        Line::styled(
            format!("{pad}{}", p.heading),
            app.theme
                .title
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        ),
        Line::from(""),
    ];
    let chosen = p.actions().get(selected).copied();
    let editable = s.editable();
    for piece in &p.pieces {
        let here = piece.action.is_some() && piece.action == chosen;
        let asking = here && editable;
        let mut first_mark = true;
        for (i, (kind, text)) in piece.lines.iter().enumerate() {
            let marker = match (here, i) {
                (true, 0) => "▶ ",
                _ => "  ",
            };
            let style = match kind {
                Kind::What if here => app.theme.selected.add_modifier(Modifier::BOLD),
                Kind::What | Kind::Heading => bold,
                Kind::Plain => app.theme.base,
                Kind::Confirmed => app.theme.ok,
                Kind::Unconfirmed if asking => app.theme.caution,
                Kind::Unconfirmed => app.theme.dim,
                Kind::Question => app.theme.title,
            };
            let text = if *kind == Kind::Unconfirmed && !asking {
                // The question is put only to the one whose turn it is.
                let first = std::mem::take(&mut first_mark);
                if first {
                    text.split(" — ").next().unwrap_or(text).to_string()
                } else {
                    String::new()
                }
            } else {
                text.clone()
            };
            out.push(Line::from(vec![
                Span::raw(pad.clone()),
                Span::styled(marker, app.theme.key),
                Span::styled(text, style),
            ]));
        }
        out.push(Line::from(""));
    }
    f.render_widget(Paragraph::new(out), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_keep_their_indent_and_width() {
        let ls = lines(Kind::Plain, &"ord ".repeat(40), 30, "  ");
        assert!(ls.len() > 1);
        for (_, l) in &ls {
            assert!(l.starts_with("  "), "{l:?}");
            assert!(l.chars().count() <= 30, "{l:?}");
        }
    }
}
