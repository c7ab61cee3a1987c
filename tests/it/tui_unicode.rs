//! Names and text in many scripts on screen: combining accents, Arabic and Hebrew,
//! emoji (with joiners and skin tones) and zero-width characters must not push a
//! table's border out of line. Rendered into TestBackend; every box's left and right
//! border must sit in the same column on every row.

use crate::common::screen as tui_common;

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use samsyn::i18n::Lang;
use samsyn::meeting::{Id, Person};
use samsyn::tui::theme::ThemeName;
use tui_common::*;

const PHASES: [&str; 12] = [
    "roller",
    "samtycke",
    "syfte",
    "genomgang",
    "nulage",
    "barnets-rost",
    "mal",
    "insatser",
    "summering",
    "uppfoljning",
    "utvardering",
    "ovrigt",
];

/// Names that have broken terminal tables before.
const NAMES: [&str; 5] = [
    "Zoe\u{0308} Lo\u{0308}fgren",     // combining diaeresis
    "محمد العلي",                      // Arabic, right to left
    "שרה כהן",                         // Hebrew, right to left
    "Ka\u{200B}rin\u{200D} 👩‍👧 Öst 👍🏽", // zero-width space and joiner, emoji
    "Ｆｕｌｌ Ｗｉｄｔｈ 李小龍",      // wide characters
];

fn unicode_app(lang: Lang) -> Fixture {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    for (p, name) in m.participants.iter_mut().zip(NAMES) {
        p.name = name.into();
        p.role = format!("roll {name}");
    }
    for (o, name) in m.organisations.iter_mut().zip(NAMES) {
        o.name = format!("Org: {name}");
    }
    m.subject.name = NAMES[3].into();
    m.subject.initials = "K. Ö.".into();
    m.title = format!("SIP för {}", NAMES[0]);
    for (a, name) in m.actions.iter_mut().zip(NAMES.iter().rev()) {
        a.what = format!("Stöd till {name} ✓ varje dag");
    }
    m.goals[0].text = format!("{} går i skolan 📚", NAMES[1]);
    m.needs[0] = format!("{} behöver ro", NAMES[2]);
    m.disagreements = vec![format!("{} håller inte med", NAMES[4])];
    m.situation.worries = format!("Oro: {} {}", NAMES[3], NAMES[1]);
    m.child_voice.views = format!("{} säger: ”👍🏽”", NAMES[0]);
    m.coordinator = Some(Person::Participant(Id::new("p2")));
    app_with(m, agenda, lang, ThemeName::Default, true)
}

/// The text of a row, wide characters once (the cell after a wide one is skipped).
fn row_text(buf: &Buffer, y: u16) -> String {
    let area = buf.area;
    let mut s = String::new();
    let mut x = area.x;
    while x < area.x + area.width {
        let sym = buf[(x, y)].symbol();
        s.push_str(sym);
        x += ratatui::text::Span::raw(sym).width().max(1) as u16;
    }
    s
}

fn is_vertical(sym: &str) -> bool {
    matches!(sym, "│" | "├" | "┤" | "┃" | "║" | "┣" | "┫" | "╟" | "╢")
}

/// Every box drawn: its corners found, each row between them must have a vertical
/// border at exactly the left and the right corner's column.
fn assert_boxes_aligned(buf: &Buffer, what: &str) -> usize {
    let area = buf.area;
    let mut boxes = 0;
    for y in area.y..area.y + area.height {
        for x in area.x..area.x + area.width {
            if buf[(x, y)].symbol() != "┌" {
                continue;
            }
            let Some(right) = (x + 1..area.x + area.width).find(|&r| buf[(r, y)].symbol() == "┐")
            else {
                continue;
            };
            let Some(bottom) = (y + 1..area.y + area.height).find(|&b| buf[(x, b)].symbol() == "└")
            else {
                continue;
            };
            boxes += 1;
            assert_eq!(
                buf[(right, bottom)].symbol(),
                "┘",
                "{what}: the box at ({x},{y}) has its bottom-right corner out of line\n{}",
                dump(buf)
            );
            for row in y + 1..bottom {
                for col in [x, right] {
                    assert!(
                        is_vertical(buf[(col, row)].symbol()),
                        "{what}: row {row} has {:?} where the border of the box at ({x},{y}) belongs (column {col})\n{}",
                        buf[(col, row)].symbol(),
                        dump(buf)
                    );
                }
            }
        }
    }
    boxes
}

fn dump(buf: &Buffer) -> String {
    (buf.area.y..buf.area.y + buf.area.height)
        .map(|y| row_text(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_phase_keeps_its_borders_in_line_with_names_in_any_script() {
    for lang in [Lang::Sv, Lang::En] {
        let mut fx = unicode_app(lang);
        for mask in [false, true] {
            if mask != fx.app.mask {
                key(&mut fx.app, KeyCode::Char('i'));
            }
            assert_eq!(fx.app.mask, mask);
            for phase in PHASES {
                goto_phase(&mut fx.app, phase);
                for (w, h) in [(80, 24), (120, 40)] {
                    let buf = buffer(&mut fx.app, w, h);
                    let what = format!("{phase} {w}×{h} {lang:?} mask={mask}");
                    let boxes = assert_boxes_aligned(&buf, &what);
                    assert!(boxes >= 1, "{what}: no box drawn\n{}", dump(&buf));
                }
            }
        }
    }
}

#[test]
fn the_names_are_on_screen_whole() {
    let mut fx = unicode_app(Lang::Sv);
    goto_phase(&mut fx.app, "roller");
    let buf = buffer(&mut fx.app, 120, 40);
    let screen = dump(&buf);
    for name in [NAMES[0], NAMES[1], NAMES[2], NAMES[4]] {
        assert!(screen.contains(name), "{name:?} missing:\n{screen}");
    }
    // The zero-width characters ride along with their letter; the emoji are there.
    assert!(screen.contains("👩‍👧"), "{screen}");
    assert!(screen.contains("👍🏽"), "{screen}");
    assert!(
        screen.contains("Ka\u{200B}r") || screen.contains("Karin"),
        "{screen}"
    );
}

#[test]
fn forms_and_overlays_keep_their_borders_in_line() {
    let mut fx = unicode_app(Lang::En);
    goto_phase(&mut fx.app, "roller");
    key(&mut fx.app, KeyCode::Down);
    key(&mut fx.app, KeyCode::Down);
    key(&mut fx.app, KeyCode::Down);
    key(&mut fx.app, KeyCode::Char('e'));
    for (w, h) in [(80, 24), (120, 40)] {
        let buf = buffer(&mut fx.app, w, h);
        assert_boxes_aligned(&buf, &format!("participant form {w}×{h}"));
        assert!(dump(&buf).contains("👩‍👧"), "{}", dump(&buf));
    }
    key(&mut fx.app, KeyCode::Esc);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, KeyCode::Char('d'));
    let buf = buffer(&mut fx.app, 80, 24);
    assert_boxes_aligned(&buf, "delete confirmation");
}

#[test]
fn the_alignment_check_catches_a_border_pushed_out_of_line() {
    let mut fx = unicode_app(Lang::Sv);
    goto_phase(&mut fx.app, "roller");
    let mut buf = buffer(&mut fx.app, 80, 24);
    // A row whose right border moved one column, as a mis-measured emoji would do in
    // a terminal.
    let (x, y) = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .find(|&(x, y)| buf[(x, y)].symbol() == "┐")
        .unwrap();
    buf[(x, y + 1)].set_symbol(" ");
    buf[(x - 1, y + 1)].set_symbol("│");
    let caught = std::panic::catch_unwind(|| assert_boxes_aligned(&buf, "pushed"));
    assert!(caught.is_err());
}
