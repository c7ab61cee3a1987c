//! Reading a samsyn RON file into its type, with every failure explained as
//! `path:line:col: field: what is wrong` in words a user can act on.

use super::FileError;
use super::locate::{Step, context_at, render};
use crate::i18n::diag::{D, FileKind, ron_error};
use crate::i18n::messages;
use ron::error::{Error, Position, SpannedError};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Parse `src` as a `what` ("agenda", "meeting"). Empty files, syntax and type errors and
/// unknown fields (the file types deny them) all come back located and named.
pub fn parse_ron<T: DeserializeOwned>(path: &Path, src: &str, what: &str) -> Result<T, FileError> {
    if is_blank(src) {
        return Err(FileError::invalid(
            path,
            (1, 1),
            D::Empty.say(&[FileKind::named(what).a_file(messages())]),
        ));
    }
    let mut de = ron::Deserializer::from_str(src).map_err(|e| explain(path, src, &e, what))?;
    let value = T::deserialize(&mut de).map_err(|e| explain(path, src, &de.span_error(e), what))?;
    de.end()
        .map_err(|e| explain(path, src, &de.span_error(e), what))?;
    Ok(value)
}

/// Whether the source holds nothing but whitespace and comments.
fn is_blank(src: &str) -> bool {
    let mut rest = src.trim_start();
    loop {
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.find('\n').map_or("", |i| &r[i..]).trim_start();
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.find("*/").map_or("", |i| &r[i + 2..]).trim_start();
        } else {
            return rest.is_empty();
        }
    }
}

/// Byte offset of a RON position (1-based line, column in characters).
fn offset_of(src: &str, pos: &Position) -> usize {
    let mut offset = 0;
    for (i, line) in src.split_inclusive('\n').enumerate() {
        if i + 1 == pos.line {
            return offset
                + line
                    .char_indices()
                    .nth(pos.col.saturating_sub(1))
                    .map_or(line.len(), |(o, _)| o);
        }
        offset += line.len();
    }
    src.len()
}

/// `name: message`, or the message alone for the file as a whole.
fn at_field(path: &[Step], message: impl AsRef<str>) -> String {
    let name = render(path);
    if name.is_empty() {
        message.as_ref().to_string()
    } else {
        format!("{name}: {}", message.as_ref())
    }
}

fn with(path: &[Step], field: &str) -> Vec<Step> {
    let mut p = path.to_vec();
    p.push(Step::Field(field.to_string()));
    p
}

/// "unknown field; did you mean `minutes`?" when one name is close, else the list.
fn unknown(what: &str, found: &str, expected: &[&str]) -> String {
    unknown_in(messages(), what, found, expected)
}

fn unknown_in(lang: crate::i18n::Lang, what: &str, found: &str, expected: &[&str]) -> String {
    let found = found.trim_matches('`');
    let lower = found.to_lowercase();
    let close = expected
        .iter()
        .map(|e| (distance(&lower, &e.to_lowercase()), e))
        .filter(|(d, e)| *d <= (e.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d);
    let list = expected.join(", ");
    match (what == "value", close) {
        (false, Some((_, name))) => D::UnknownFieldClose.fill(lang, &[name]),
        (false, None) => D::UnknownFieldList.fill(lang, &[&list]),
        (true, Some((_, name))) => D::UnknownValueClose.fill(lang, &[found, name]),
        (true, None) => D::UnknownValueList.fill(lang, &[found, &list]),
    }
}

/// Levenshtein distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(cur)
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The quoted text a value error points into (RON points inside the quotes).
fn string_value(src: &str, start: usize) -> Option<&str> {
    let start = start.min(src.len());
    let open = if src[start..].starts_with('"') {
        start
    } else {
        src[..start].rfind('"')?
    };
    let close = open + 1 + src[open + 1..].find('"')?;
    Some(&src[open + 1..close])
}

/// What chrono says when a date or time string does not parse.
fn is_chrono_message(m: &str) -> bool {
    [
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
    ]
    .contains(&m)
}

/// A RON error as a located, named `FileError`.
pub fn explain(path: &Path, src: &str, err: &SpannedError, what: &str) -> FileError {
    let start = offset_of(src, &err.span.start);
    let end = offset_of(src, &err.span.end).max(start);
    let ctx = context_at(src, start);
    let here = (err.span.start.line, err.span.start.col);
    let field = ctx.path();

    // A file cut off in the middle fails on whatever token happens to be last; say what
    // really happened.
    let unclosed = context_at(src, src.len()).container_start().is_some();
    let at_end = is_blank(&src[end..])
        || matches!(
            err.code,
            Error::Eof | Error::ExpectedStringEnd | Error::UnclosedBlockComment
        );
    if unclosed && at_end && !matches!(err.code, Error::TrailingCharacters) {
        let inside = render(&field);
        let this_file = FileKind::named(what).this_file(messages());
        let message = if inside.is_empty() {
            D::CutOff.say(&[this_file])
        } else {
            D::CutOffIn.say(&[&inside, this_file])
        };
        return FileError::invalid(path, here, message);
    }

    let (pos, message) = match &err.code {
        Error::NoSuchStructField {
            expected, found, ..
        } => (
            here,
            at_field(
                &with(&ctx.container_path(), found),
                unknown("field", found, expected),
            ),
        ),
        Error::MissingStructField { field: name, .. } => {
            // Point at the start of the struct that lacks the field, not at its end.
            let pos = ctx
                .container_start()
                .map_or(here, |o| super::line_col(src, o));
            let message = match *name {
                "decision" => D::MissingDecision.say(&[]),
                _ => D::MissingField.say(&[]),
            };
            (pos, at_field(&with(&ctx.container_path(), name), message))
        }
        Error::DuplicateStructField { field: name, .. } => (
            here,
            at_field(&with(&ctx.container_path(), name), D::WrittenTwice.say(&[])),
        ),
        Error::NoSuchEnumVariant {
            expected, found, ..
        } => (
            here,
            at_field(&field, unknown("value", &format!("`{found}`"), expected)),
        ),
        Error::InvalidValueForType { expected, found } => {
            (here, at_field(&field, D::WrongType.say(&[expected, found])))
        }
        Error::ExpectedInteger | Error::InvalidIntegerDigit { .. } => {
            (here, at_field(&field, D::WholeNumber.say(&[])))
        }
        Error::IntegerOutOfBounds => (here, at_field(&field, D::OutOfRange.say(&[]))),
        Error::ExpectedString => (here, at_field(&field, D::Quoted.say(&[]))),
        Error::ExpectedStringEnd => (here, at_field(&field, D::Unclosed.say(&[]))),
        Error::ExpectedBoolean => (here, at_field(&field, D::Boolean.say(&[]))),
        Error::ExpectedOption => (here, at_field(&field, D::OptionValue.say(&[]))),
        Error::TrailingCharacters => {
            // RON points just after the end; point at the text that should not be there.
            let rest = &src[start..];
            let pos = super::line_col(src, start + rest.len() - rest.trim_start().len());
            (
                pos,
                D::Trailing.say(&[FileKind::named(what).the_whole(messages())]),
            )
        }
        Error::Message(m) if is_chrono_message(m) => {
            let value = string_value(src, start).unwrap_or_default();
            let quoted = format!("{value:?}");
            let message = if value.contains(':') {
                D::BadTime.say(&[&quoted])
            } else {
                D::BadDate.say(&[&quoted])
            };
            (here, at_field(&field, message))
        }
        other => (
            here,
            at_field(
                &field,
                ron_error(messages(), other).unwrap_or_else(|| other.to_string()),
            ),
        ),
    };
    FileError::invalid(path, pos, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_close_name_only() {
        assert_eq!(
            unknown("field", "minuter", &["id", "minutes", "required"]),
            "unknown field; did you mean `minutes`?"
        );
        assert_eq!(
            unknown("value", "Fika", &["Roles", "Goal", "Notes"]),
            "unknown value `Fika`; expected one of Roles, Goal, Notes"
        );
    }

    #[test]
    fn suggests_in_swedish_too() {
        use crate::i18n::Lang;
        assert_eq!(
            unknown_in(Lang::Sv, "field", "minuter", &["id", "minutes", "required"]),
            "okänt fält; menade du `minutes`?"
        );
        assert_eq!(
            unknown_in(Lang::Sv, "value", "Fika", &["Roles", "Goal", "Notes"]),
            "okänt värde `Fika`; giltiga värden är Roles, Goal, Notes"
        );
    }

    #[test]
    fn comments_alone_are_an_empty_file() {
        assert!(is_blank("  // nothing\n/* here */\n"));
        assert!(!is_blank("// x\n(format: 1)"));
    }
}
