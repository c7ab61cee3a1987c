//! Identifiers that link the parts of a meeting: participants, goals, actions.
//! Written as plain strings in the file ("p1", "g2", "a3") so hand edits stay readable.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn new(s: impl Into<String>) -> Id {
        Id(s.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The next free id with `prefix` among `existing` (p1, p2, … ).
    pub fn next<'a>(prefix: &str, existing: impl IntoIterator<Item = &'a Id>) -> Id {
        let max = existing
            .into_iter()
            .filter_map(|id| id.0.strip_prefix(prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        Id(format!("{prefix}{}", max + 1))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id(s.to_string())
    }
}
