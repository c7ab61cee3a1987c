//! Errors about files, shown to users as `path:line:column: what is wrong`, with the
//! exit code SPEC §8 assigns them.

mod explain;
pub mod locate;

pub use explain::{explain, parse_ron};

use crate::i18n::diag::{D, FileKind, io_reason};
use std::path::{Path, PathBuf};

/// Exit codes of SPEC §8.
pub mod exit {
    pub const OK: i32 = 0;
    pub const FAILURE: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const DATA: i32 = 65;
    pub const NO_INPUT: i32 = 66;
    pub const CANT_CREATE: i32 = 73;
}

#[derive(Debug)]
pub enum FileError {
    /// The file is there but its content is wrong.
    Invalid {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    Missing {
        path: PathBuf,
    },
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    Locked {
        path: PathBuf,
        message: String,
    },
}

/// `path:line:column: what is wrong`, or `path: why it cannot be read`, in the language
/// of the messages (`i18n::messages`).
impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lang = crate::i18n::messages();
        match self {
            FileError::Invalid {
                path,
                line,
                col,
                message,
            } => write!(f, "{}:{line}:{col}: {message}", path.display()),
            FileError::Missing { path } => {
                write!(f, "{}: {}", path.display(), D::NoSuchFile.get(lang))
            }
            FileError::Read { path, source } => write!(
                f,
                "{}: {}",
                path.display(),
                D::CannotRead.fill(lang, &[&io_reason(lang, source)])
            ),
            FileError::Write { path, source } => write!(
                f,
                "{}: {}",
                path.display(),
                D::CannotWrite.fill(lang, &[&io_reason(lang, source)])
            ),
            FileError::Locked { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for FileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FileError::Read { source, .. } | FileError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl FileError {
    pub fn exit_code(&self) -> i32 {
        match self {
            FileError::Invalid { .. } => exit::DATA,
            FileError::Missing { .. } => exit::NO_INPUT,
            FileError::Read { .. } => exit::NO_INPUT,
            FileError::Write { .. } => exit::CANT_CREATE,
            FileError::Locked { .. } => exit::FAILURE,
        }
    }

    pub fn invalid(path: &Path, (line, col): (usize, usize), message: impl Into<String>) -> Self {
        FileError::Invalid {
            path: path.to_path_buf(),
            line,
            col,
            message: message.into(),
        }
    }

    pub fn from_ron(path: &Path, err: &ron::error::SpannedError) -> Self {
        FileError::invalid(
            path,
            (err.span.start.line, err.span.start.col),
            crate::i18n::diag::ron_error(crate::i18n::messages(), &err.code)
                .unwrap_or_else(|| err.code.to_string()),
        )
    }

    pub fn from_io(path: &Path, err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::NotFound {
            FileError::Missing {
                path: path.to_path_buf(),
            }
        } else {
            FileError::Read {
                path: path.to_path_buf(),
                source: err,
            }
        }
    }
}

/// Largest agenda or meeting file samsyn reads. Real ones are a few hundred kilobytes;
/// the limit keeps a wrong or hostile file from filling memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The one size check, shared by every reader and writer of samsyn's files: a file of
/// `len` bytes is read, so it may be written.
pub fn within_limit(len: u64) -> bool {
    len <= MAX_FILE_BYTES
}

/// Read a text file with the size limit, mapping every failure to a `FileError`.
///
/// Only regular files are read: a named pipe or a device would block or never end. A
/// UTF-8 byte-order mark (added by some Windows editors) is dropped.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| FileError::from_io(path, e))?;
    if !meta.is_file() {
        return Err(FileError::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other(if meta.is_dir() {
                D::IsAFolder.say(&[])
            } else {
                D::NotRegular.say(&[])
            }),
        });
    }
    let file = std::fs::File::open(path).map_err(|e| FileError::from_io(path, e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::from_io(path, e))?;
    if !within_limit(bytes.len() as u64) {
        return Err(FileError::invalid(
            path,
            (1, 1),
            D::TooLarge.say(&[&(MAX_FILE_BYTES / (1024 * 1024)).to_string()]),
        ));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(FileError::invalid(path, (1, 1), D::Utf16.say(&[])));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        FileError::invalid(
            path,
            line_col(&String::from_utf8_lossy(&e.as_bytes()[..at]), at),
            D::NotUtf8.say(&[]),
        )
    })
}

/// 1-based line and column of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Where `field: "value"` (or `field: value` when `value` is not quoted) stands in RON
/// source, the `nth` occurrence (0-based); for naming the field in a semantic error.
pub fn find_field(
    src: &str,
    field: &str,
    value: Option<&str>,
    nth: usize,
) -> Option<(usize, usize)> {
    let mut seen = 0;
    let mut from = 0;
    while let Some(rel) = src[from..].find(field) {
        let at = from + rel;
        from = at + field.len();
        let boundary = src[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let rest = src[from..].trim_start();
        let Some(after_colon) = rest.strip_prefix(':') else {
            continue;
        };
        if !boundary {
            continue;
        }
        let after = after_colon.trim_start();
        let matches = match value {
            None => true,
            Some(v) => {
                after
                    .strip_prefix('"')
                    .and_then(|s| s.strip_prefix(v))
                    .is_some_and(|s| s.starts_with('"'))
                    || after.strip_prefix(v).is_some_and(|s| {
                        s.chars()
                            .next()
                            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                    })
            }
        };
        if matches {
            if seen == nth {
                return Some(line_col(src, at));
            }
            seen += 1;
        }
    }
    None
}

/// Where a literal piece of text first stands, or the top of the file.
pub fn find_text(src: &str, needle: &str) -> (usize, usize) {
    src.find(needle).map_or((1, 1), |at| line_col(src, at))
}

/// The `format` field every samsyn file starts with; read alone first, so that a file
/// from a newer samsyn is refused with that reason rather than a confusing field error.
#[derive(serde::Deserialize)]
struct FormatProbe {
    format: u32,
}

/// The format number a file declares: read when the file parses that far, else taken
/// from the text, so a broken old file is still judged as the format it was written in.
pub fn format_of(src: &str) -> Option<u32> {
    if let Some(n) = declared_format(src) {
        return Some(n);
    }
    if let Ok(probe) = ron::from_str::<FormatProbe>(src) {
        return Some(probe.format);
    }
    (1..=9).find(|n| find_field(src, "format", Some(&n.to_string()), 0).is_some())
}

/// The format a file declares in its first field, `(format: N, …`, read from the text
/// alone (white space and comments before it skipped); `None` when the file does not
/// start that way. Reading the `FormatProbe` instead parses the whole file.
pub fn declared_format(src: &str) -> Option<u32> {
    fn skip(mut s: &str) -> Option<&str> {
        loop {
            let t = s.trim_start();
            if let Some(rest) = t.strip_prefix("//") {
                s = rest.find('\n').map_or("", |i| &rest[i..]);
            } else if let Some(rest) = t.strip_prefix("/*") {
                let end = rest.find("*/")?;
                // A nested block comment is left to the parser.
                if rest[..end].contains("/*") {
                    return None;
                }
                s = &rest[end + 2..];
            } else {
                return Some(t);
            }
        }
    }
    let s = skip(src)?.strip_prefix('(')?;
    let s = skip(s)?.strip_prefix("format")?;
    let s = skip(s)?.strip_prefix(':')?;
    let s = skip(s)?;
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, rest) = s.split_at(digits);
    match skip(rest)?.chars().next() {
        Some(',' | ')') => number.parse().ok(),
        _ => None,
    }
}

/// Refuse a file whose format is newer than `supported`.
pub fn check_format(path: &Path, src: &str, supported: u32, what: &str) -> Result<(), FileError> {
    // The common case, read from the text: the file starts with a format this version
    // reads. Only another start costs a parse of the whole file here.
    if declared_format(src).is_some_and(|n| n <= supported) {
        return Ok(());
    }
    if let Ok(probe) = ron::from_str::<FormatProbe>(src)
        && probe.format > supported
    {
        return Err(FileError::invalid(
            path,
            find_field(src, "format", None, 0).unwrap_or((1, 1)),
            D::NewerFormat.say(&[
                FileKind::named(what).this_file(crate::i18n::messages()),
                &probe.format.to_string(),
                &supported.to_string(),
            ]),
        ));
    }
    Ok(())
}
