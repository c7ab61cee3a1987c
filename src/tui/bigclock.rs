//! Large digits built from block characters, three rows high, so the phase timer can be
//! read from the back of a room.

const GLYPHS: [[&str; 3]; 10] = [
    ["█▀█", "█ █", "▀▀▀"],
    ["▀█ ", " █ ", "▀▀▀"],
    ["▀▀█", "█▀▀", "▀▀▀"],
    ["▀▀█", " ▀█", "▀▀▀"],
    ["█ █", "▀▀█", "  ▀"],
    ["█▀▀", "▀▀█", "▀▀▀"],
    ["█▀▀", "█▀█", "▀▀▀"],
    ["▀▀█", "  █", "  ▀"],
    ["█▀█", "█▀█", "▀▀▀"],
    ["█▀█", "▀▀█", "▀▀▀"],
];

const COLON: [&str; 3] = [" ▄ ", " ▄ ", "   "];

/// The three rows of `text` (digits and ':') in large type; other characters are spaces.
pub fn big(text: &str) -> [String; 3] {
    let mut rows = [String::new(), String::new(), String::new()];
    for (i, c) in text.chars().enumerate() {
        let glyph = match c {
            '0'..='9' => GLYPHS[c as usize - '0' as usize],
            ':' => COLON,
            _ => ["   ", "   ", "   "],
        };
        for (row, part) in rows.iter_mut().zip(glyph) {
            if i > 0 {
                row.push(' ');
            }
            row.push_str(part);
        }
    }
    rows
}

/// The width in columns of `big(text)`.
pub fn width(text: &str) -> u16 {
    let n = text.chars().count() as u16;
    if n == 0 { 0 } else { n * 4 - 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_three_rows_of_equal_width() {
        let rows = big("12:05");
        for row in &rows {
            assert_eq!(row.chars().count() as u16, width("12:05"));
        }
        assert_eq!(rows[0], "▀█  ▀▀█  ▄  █▀█ █▀▀");
    }
}
