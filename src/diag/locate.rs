//! Where a field stands in RON source, and which field a position is in: a small scanner
//! that follows the brackets, keys and list indices of a RON file without parsing values.
//! Errors name the field (`actions[2].deadline`) and point at the line a user must edit.

/// One step of a path into a RON value. Struct fields and map keys compare alike, so a
/// path from serde (which cannot tell them apart) can be matched against the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Field(String),
    MapKey(String),
    Index(usize),
}

impl Step {
    fn same(&self, other: &Step) -> bool {
        match (self, other) {
            (Step::Index(a), Step::Index(b)) => a == b,
            (Step::Field(a) | Step::MapKey(a), Step::Field(b) | Step::MapKey(b)) => a == b,
            _ => false,
        }
    }
}

/// `actions[2].decision.by`, `phases["roller"].heard`.
pub fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Step::MapKey(key) => out.push_str(&format!("[{key:?}]")),
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Whether two paths name the same place.
pub fn same_path(a: &[Step], b: &[Step]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same(y))
}

#[derive(Debug, Clone)]
struct Frame {
    /// Byte offset of the opening bracket.
    open: usize,
    bracket: u8,
    /// The key whose value is being read at this level, if any.
    key: Option<Step>,
    /// In a list: the index of the element being read.
    index: usize,
}

/// The open brackets at a position: what the position is inside of.
#[derive(Debug, Clone, Default)]
pub struct Context {
    frames: Vec<Frame>,
}

impl Context {
    /// The path of the value at the position.
    pub fn path(&self) -> Vec<Step> {
        path_of(&self.frames, true)
    }

    /// The path of the innermost struct or list the position is in, leaving out the key
    /// being read there: where an unknown or missing field belongs.
    pub fn container_path(&self) -> Vec<Step> {
        path_of(&self.frames, false)
    }

    /// Byte offset of the innermost open bracket.
    pub fn container_start(&self) -> Option<usize> {
        self.frames.last().map(|f| f.open)
    }
}

fn path_of(frames: &[Frame], with_last_key: bool) -> Vec<Step> {
    let mut path = Vec::new();
    for (i, frame) in frames.iter().enumerate() {
        let last = i + 1 == frames.len();
        if last && !with_last_key {
            break;
        }
        if frame.bracket == b'[' {
            path.push(Step::Index(frame.index));
        } else if let Some(key) = &frame.key {
            path.push(key.clone());
        }
    }
    path
}

/// The context at byte offset `at`.
pub fn context_at(src: &str, at: usize) -> Context {
    let mut ctx = Context::default();
    scan(src, at, &mut ctx, &mut |_, _| {});
    ctx
}

/// Byte offset of the key (or list element) whose path is `path`, if the source has it.
pub fn find_path(src: &str, path: &[Step]) -> Option<usize> {
    let mut found = None;
    let mut ctx = Context::default();
    scan(src, src.len(), &mut ctx, &mut |c, at| {
        if found.is_none() && same_path(&c.path(), path) {
            found = Some(at);
        }
    });
    found
}

/// Parse a rendered path (`actions[2].decision.by`, `phases["roller"].heard`) back into
/// steps.
pub fn parse_path(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("[\"") {
            let end = r.find("\"]").unwrap_or(r.len());
            steps.push(Step::MapKey(r[..end].to_string()));
            rest = r.get(end + 2..).unwrap_or("");
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').unwrap_or(r.len());
            steps.push(Step::Index(r[..end].parse().unwrap_or(0)));
            rest = r.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            steps.push(Step::Field(rest[..end].to_string()));
            rest = &rest[end..];
        }
    }
    steps
}

/// Line and column of the field at `path` (as rendered), or of the closest enclosing
/// field the source has, or the top of the file.
pub fn at_path(src: &str, path: &str) -> (usize, usize) {
    let steps = parse_path(path);
    (1..=steps.len())
        .rev()
        .find_map(|n| find_path(src, &steps[..n]))
        .map_or((1, 1), |o| super::line_col(src, o))
}

/// Skip whitespace and comments from `i`; the offset of the next token.
fn skip_blank(b: &[u8], mut i: usize) -> usize {
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            i = skip_block_comment(b, i);
        } else {
            return i;
        }
    }
}

/// RON block comments nest.
fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0;
    while i < b.len() {
        if b[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if b[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// The end of a quoted string starting at `i` (the quote).
fn skip_string(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// The end of a raw string `r#"…"#` starting at `i` (the `r`).
fn skip_raw_string(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    let mut hashes = 0;
    while j < b.len() && b[j] == b'#' {
        hashes += 1;
        j += 1;
    }
    j += 1; // the opening quote
    while j < b.len() {
        if b[j] == b'"'
            && b[j + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
        {
            return j + 1 + hashes;
        }
        j += 1;
    }
    b.len()
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Walk `src` up to byte offset `stop`, keeping the open brackets in `ctx`; `on_key` is
/// called with the context and the offset each time a `key:` or a list element that
/// opens a bracket is read.
fn scan(src: &str, stop: usize, ctx: &mut Context, on_key: &mut dyn FnMut(&Context, usize)) {
    let b = src.as_bytes();
    let stop = stop.min(b.len());
    let mut i = 0;
    while i < stop {
        let c = b[i];
        match c {
            b'/' if b[i..].starts_with(b"//") || b[i..].starts_with(b"/*") => {
                i = skip_blank(b, i);
            }
            b'"' => {
                let end = skip_string(b, i);
                let next = skip_blank(b, end);
                let is_map_key = ctx.frames.last().is_some_and(|f| f.bracket == b'{');
                if end <= stop && is_map_key && b.get(next) == Some(&b':') {
                    let key = src[i + 1..end - 1].to_string();
                    if let Some(top) = ctx.frames.last_mut() {
                        top.key = Some(Step::MapKey(key));
                    }
                    on_key(ctx, i);
                    i = next + 1;
                } else {
                    i = end;
                }
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !is_ident_byte(b[i - 1])) =>
            {
                i = skip_raw_string(b, i);
            }
            b'\'' => {
                // A char literal: 'a', '\n', '\''.
                let mut j = i + 1;
                if b.get(j) == Some(&b'\\') {
                    j += 1;
                }
                j += 1;
                while j < b.len() && b[j] != b'\'' {
                    j += 1;
                }
                i = j + 1;
            }
            b'(' | b'[' | b'{' => {
                // A struct in a list is where its element index points.
                if ctx.frames.last().is_some_and(|f| f.bracket == b'[') {
                    on_key(ctx, i);
                }
                ctx.frames.push(Frame {
                    open: i,
                    bracket: c,
                    key: None,
                    index: 0,
                });
                i += 1;
            }
            b')' | b']' | b'}' => {
                ctx.frames.pop();
                i += 1;
            }
            b',' => {
                if let Some(top) = ctx.frames.last_mut() {
                    if top.bracket == b'[' {
                        top.index += 1;
                    } else {
                        top.key = None;
                    }
                }
                i += 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < b.len() && is_ident_byte(b[i]) {
                    i += 1;
                }
                let next = skip_blank(b, i);
                let in_struct = ctx.frames.last().is_some_and(|f| f.bracket == b'(');
                if i <= stop && in_struct && b.get(next) == Some(&b':') {
                    if let Some(top) = ctx.frames.last_mut() {
                        top.key = Some(Step::Field(src[start..i].to_string()));
                    }
                    on_key(ctx, start);
                    i = next + 1;
                }
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"// a comment with (brackets and "quotes"
(
  title: "Möte (utkast), nr: 2",
  phases: {
    "roller": (notes: "a, b", heard: ["p1", "p2"]),
  },
  actions: [
    (id: "a1", deadline: Some("2026-11-20")),
    (id: "a2", decision: AtTable(by: "p9"), deadline: Some("2026-13-45")),
  ],
)
"#;

    fn at(needle: &str) -> usize {
        SRC.find(needle).unwrap()
    }

    #[test]
    fn names_the_field_a_position_is_in() {
        let p = |needle| render(&context_at(SRC, at(needle)).path());
        assert_eq!(p("2026-13-45"), "actions[1].deadline");
        assert_eq!(p("\"p9\""), "actions[1].decision.by");
        assert_eq!(p("\"p2\""), "phases[\"roller\"].heard[1]");
        assert_eq!(p("\"Möte"), "title");
    }

    #[test]
    fn brackets_and_colons_inside_strings_and_comments_are_text() {
        let ctx = context_at(SRC, at("phases"));
        assert_eq!(ctx.path(), Vec::<Step>::new());
        assert_eq!(ctx.container_start(), Some(at("\n(") + 1));
    }

    #[test]
    fn finds_a_key_by_its_path() {
        let path = [
            Step::Field("actions".into()),
            Step::Index(1),
            Step::Field("deadline".into()),
        ];
        assert_eq!(find_path(SRC, &path), Some(at("deadline: Some(\"2026-13")));
        let map = [
            Step::Field("phases".into()),
            Step::Field("roller".into()),
            Step::Field("heard".into()),
        ];
        assert_eq!(find_path(SRC, &map), Some(at("heard")));
        assert_eq!(find_path(SRC, &[Step::Field("nothing".into())]), None);
    }

    #[test]
    fn rendered_paths_parse_back() {
        for p in [
            "actions[1].decision.by",
            "phases[\"roller\"].heard[1]",
            "title",
        ] {
            assert_eq!(render(&parse_path(p)), p);
        }
        let line_of = |needle| crate::diag::line_col(SRC, at(needle));
        assert_eq!(at_path(SRC, "actions[1].decision.by"), line_of("by: \"p9"));
        // A path the source lacks falls back to the closest field it has.
        assert_eq!(at_path(SRC, "actions[1].feedback"), line_of("(id: \"a2"));
    }
}
