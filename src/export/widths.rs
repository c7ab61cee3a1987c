//! Table column widths sized to their content, so that no word is broken inside a cell:
//! every column gets at least its longest word, the rest of the page in proportion to
//! how much more each column would need to fit on one line (CSS's automatic table layout).

/// Cell padding left + right (the table's cell margins) plus a little slack for rounding.
const PADDING: f64 = 2.0 * 80.0 + 60.0;
/// Measured widths are Carlito's (Calibri's metrics); renderers round and kern a little.
const SAFETY: f64 = 1.05;
/// Where the reader has neither Calibri nor Carlito, LibreOffice falls back to DejaVu
/// Sans, a quarter wider: the words are given that much room when the page allows it.
const FALLBACK: f64 = 1.25;
const FALLBACK_BOLD: f64 = 1.1;

/// How wide the columns are, in twips, and the font size (half-points) the table's text
/// needs so that its longest words fit: the first of `sizes` that fits, else the last.
pub(super) fn column_widths(
    headers: &[String],
    rows: &[Vec<String>],
    total: u32,
    sizes: &[u32],
) -> (Vec<u32>, u32) {
    let columns = headers.len().max(1);
    let cells = |i: usize| {
        let body = rows
            .iter()
            .filter_map(move |r| r.get(i))
            .map(|c| (c, false));
        headers.get(i).map(|h| (h, true)).into_iter().chain(body)
    };
    // In em, at any size: the longest word and the longest line of each column; the
    // header's (bold) apart, as DejaVu Sans Bold is wider again than DejaVu Sans.
    let longest_word = |i: usize, head: bool| {
        cells(i)
            .filter(|&(_, bold)| bold == head)
            .flat_map(|(c, bold)| c.split_whitespace().map(move |w| text_em(w, bold)))
            .fold(0.0, f64::max)
    };
    let body_word: Vec<f64> = (0..columns).map(|i| longest_word(i, false)).collect();
    let head_word: Vec<f64> = (0..columns).map(|i| longest_word(i, true)).collect();
    let line: Vec<f64> = (0..columns)
        .map(|i| {
            cells(i)
                .flat_map(|(c, bold)| c.lines().map(move |l| text_em(l.trim(), bold)))
                .fold(0.0, f64::max)
        })
        .collect();
    let total = f64::from(total);
    // A word wider than this is broken anyway (a link, an e-mail address): it may not
    // squeeze every other column.
    let cap = total * 0.45;
    let width =
        |em: f64, size: u32, factor: f64| (em * f64::from(size) * 10.0 * factor + PADDING).min(cap);
    let word = |i: usize, factor: f64| {
        let bold = if factor > SAFETY { FALLBACK_BOLD } else { 1.0 };
        body_word[i].max(head_word[i] * bold)
    };
    let fits = |size: u32, factor: f64| {
        (0..columns)
            .map(|i| width(word(i, factor), size, factor))
            .sum::<f64>()
            <= total
    };
    let (size, factor) = [FALLBACK, SAFETY]
        .iter()
        .flat_map(|&f| sizes.iter().map(move |&s| (s, f)))
        .find(|&(s, f)| fits(s, f))
        .unwrap_or((sizes.last().copied().unwrap_or(18), SAFETY));
    let min: Vec<f64> = (0..columns)
        .map(|i| width(word(i, factor), size, factor))
        .collect();
    let max: Vec<f64> = line
        .iter()
        .zip(&min)
        .map(|(&l, &m)| (l * f64::from(size) * 10.0 * SAFETY + PADDING).max(m))
        .collect();
    let (min_sum, max_sum): (f64, f64) = (min.iter().sum(), max.iter().sum());
    let widths: Vec<f64> = if min_sum >= total {
        // Even the words do not fit: shrink everything alike.
        min.iter().map(|m| m * total / min_sum).collect()
    } else if max_sum <= total {
        // Everything fits on one line: spread the spare room in proportion.
        max.iter().map(|m| m * total / max_sum).collect()
    } else {
        let spare = total - min_sum;
        min.iter()
            .zip(&max)
            .map(|(m, x)| m + spare * (x - m) / (max_sum - min_sum))
            .collect()
    };
    (round_to(&widths, total as u32), size)
}

/// Whole twips that add up to `total` exactly.
fn round_to(widths: &[f64], total: u32) -> Vec<u32> {
    let mut out: Vec<u32> = widths.iter().map(|w| w.floor() as u32).collect();
    let short = total.saturating_sub(out.iter().sum());
    if let Some(last) = out.last_mut() {
        *last += short;
    }
    out
}

/// The width of `text` in em.
fn text_em(text: &str, bold: bool) -> f64 {
    text.chars().map(|c| char_em(c, bold)).sum()
}

/// Advance widths of Carlito (metric-compatible with Calibri, the document's font) in
/// thousandths of an em, for ' ' to '~'.
const REGULAR: [u16; 95] = [
    226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507,
    507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488,
    459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519,
    487, 468, 307, 386, 307, 498, 498, 291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455,
    229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314, 460, 314, 498,
];
const BOLD: [u16; 95] = [
    226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507,
    507, 507, 507, 507, 507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488,
    459, 637, 631, 267, 331, 547, 423, 874, 659, 676, 532, 686, 563, 473, 495, 653, 591, 906, 551,
    520, 478, 325, 430, 325, 498, 498, 300, 494, 537, 418, 537, 503, 316, 474, 537, 246, 255, 480,
    246, 813, 537, 538, 537, 537, 355, 399, 347, 537, 473, 745, 459, 474, 397, 344, 475, 344, 498,
];

fn char_em(c: char, bold: bool) -> f64 {
    let table = if bold { &BOLD } else { &REGULAR };
    let base = |c: char| f64::from(table[c as usize - 0x20]) / 1000.0;
    match c {
        ' '..='~' => base(c),
        // Letters with marks are as wide as their base letter.
        'å' | 'ä' | 'à' | 'á' | 'â' => base('a'),
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' => base('o'),
        'é' | 'è' | 'ê' | 'ë' => base('e'),
        'ü' | 'ú' => base('u'),
        'Å' | 'Ä' => base('A'),
        'Ö' | 'Ø' => base('O'),
        'É' => base('E'),
        'Ü' => base('U'),
        '–' => 0.498,
        '\u{2060}' => 0.0,
        '—' | '…' => 0.905,
        '→' => 0.905,
        // Other scripts, in whatever font the reader's system picks: a generous guess,
        // and wide characters (CJK, emoji) a full em.
        c if (c as u32) >= 0x1100 => 1.0,
        _ => 0.65,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn every_column_holds_its_longest_word_and_the_table_fills_the_width() {
        let headers = s(&["Vad", "Utförare", "Huvudman"]);
        let rows = vec![s(&[
            "Familjebehandling i hemmet, en gång i veckan under tolv veckor",
            "Familjebehandlare",
            "Kommun",
        ])];
        let (w, size) = column_widths(&headers, &rows, 9638, &[18, 16]);
        assert_eq!(size, 18);
        assert_eq!(w.iter().sum::<u32>(), 9638);
        let word = text_em("Familjebehandlare", false) * 18.0 * 10.0;
        assert!(f64::from(w[1]) > word + 160.0, "{w:?}");
        assert!(
            f64::from(w[2]) > text_em("Huvudman", true) * 180.0 + 160.0,
            "{w:?}"
        );
        // The long text gets most of the room.
        assert!(w[0] > w[1] && w[0] > w[2], "{w:?}");
    }

    #[test]
    fn a_smaller_size_when_the_words_do_not_fit_at_the_first() {
        let long = "Myndighetsutövningsenheten";
        let headers = s(&[long, long, long, long]);
        let (w, size) = column_widths(&headers, &[], 9638, &[18, 16, 14]);
        assert!(size < 18, "{size}");
        assert_eq!(w.iter().sum::<u32>(), 9638);
        for w in w {
            assert!(f64::from(w) > text_em(long, true) * f64::from(size) * 10.0 + 160.0);
        }
    }
}
