//! Colours and emphasis. Meaning is always carried by text or markers as well, so the
//! screen stays usable with `NO_COLOR` and on washed-out projectors.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Theme {
    pub name: ThemeName,
    pub color: bool,
    pub base: Style,
    pub title: Style,
    pub dim: Style,
    pub selected: Style,
    pub current: Style,
    pub done: Style,
    pub ok: Style,
    pub caution: Style,
    pub over: Style,
    pub blocking: Style,
    pub warning: Style,
    pub border: Style,
    pub key: Style,
}

impl Theme {
    /// The theme by name; without colour every style keeps only its modifiers.
    pub fn new(name: ThemeName, color: bool) -> Theme {
        let b = Modifier::BOLD;
        let t = match name {
            ThemeName::Default => Theme {
                name,
                color,
                base: Style::new(),
                title: Style::new().fg(Color::Cyan).add_modifier(b),
                dim: Style::new().fg(Color::Gray),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Cyan)
                    .add_modifier(b | Modifier::REVERSED),
                current: Style::new()
                    .fg(Color::Cyan)
                    .add_modifier(b | Modifier::UNDERLINED),
                done: Style::new().fg(Color::Green),
                ok: Style::new().fg(Color::Green).add_modifier(b),
                caution: Style::new().fg(Color::Yellow).add_modifier(b),
                over: Style::new()
                    .fg(Color::Red)
                    .add_modifier(b | Modifier::REVERSED),
                blocking: Style::new().fg(Color::Red).add_modifier(b),
                warning: Style::new().fg(Color::Yellow),
                border: Style::new().fg(Color::DarkGray),
                key: Style::new().fg(Color::Cyan).add_modifier(b),
            },
            ThemeName::HighContrast => Theme {
                name,
                color,
                base: Style::new().fg(Color::White).bg(Color::Black),
                title: Style::new()
                    .fg(Color::White)
                    .bg(Color::Black)
                    .add_modifier(b),
                dim: Style::new().fg(Color::White).bg(Color::Black),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(b),
                current: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(b | Modifier::UNDERLINED),
                done: Style::new().fg(Color::White).bg(Color::Black),
                ok: Style::new()
                    .fg(Color::White)
                    .bg(Color::Black)
                    .add_modifier(b),
                caution: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(b),
                over: Style::new().fg(Color::White).bg(Color::Red).add_modifier(b),
                blocking: Style::new()
                    .fg(Color::White)
                    .bg(Color::Black)
                    .add_modifier(b | Modifier::UNDERLINED),
                warning: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(b),
                border: Style::new().fg(Color::White).bg(Color::Black),
                key: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(b),
            },
        };
        if color { t } else { t.without_color() }
    }

    fn without_color(self) -> Theme {
        let strip = |s: Style| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..s
        };
        Theme {
            base: strip(self.base),
            title: strip(self.title),
            dim: strip(self.dim),
            // Selection must stay visible without colour: reversed and bold.
            selected: strip(self.selected).add_modifier(Modifier::REVERSED | Modifier::BOLD),
            current: strip(self.current),
            done: strip(self.done),
            ok: strip(self.ok),
            caution: strip(self.caution).add_modifier(Modifier::BOLD),
            over: strip(self.over).add_modifier(Modifier::REVERSED | Modifier::BOLD),
            blocking: strip(self.blocking),
            warning: strip(self.warning),
            border: strip(self.border),
            key: strip(self.key),
            ..self
        }
    }

    /// Whether the environment asks for no colour (https://no-color.org).
    pub fn color_allowed() -> bool {
        std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    }
}
