//! The privacy mask: on a shared screen the child's and the family's names are shown as
//! initials, in every place they appear — lists, forms and free text alike.

use samsyn::meeting::{Meeting, initials_of};

/// Replacements from names to initials, longest first so full names win over parts.
#[derive(Debug, Clone, Default)]
pub struct Mask {
    pairs: Vec<(String, String)>,
}

impl Mask {
    /// The names to hide in `m`: the subject and every family participant.
    pub fn for_meeting(m: &Meeting) -> Mask {
        let mut pairs = Vec::new();
        let mut add = |name: &str, initials: String| {
            let name = name.trim();
            if name.is_empty() {
                return;
            }
            pairs.push((name.to_string(), initials));
            for word in name.split_whitespace() {
                if word.chars().count() >= 2 {
                    let first: String = word.chars().take(1).collect();
                    pairs.push((word.to_string(), format!("{first}.")));
                }
            }
        };
        let subject_initials = if m.subject.initials.trim().is_empty() {
            initials_of(&m.subject.name)
        } else {
            m.subject.initials.trim().to_string()
        };
        add(&m.subject.name, subject_initials);
        for p in m.participants.iter().filter(|p| p.is_family()) {
            add(&p.name, p.initials());
        }
        pairs.sort_by_key(|p| std::cmp::Reverse(p.0.chars().count()));
        pairs.dedup_by(|a, b| a.0 == b.0);
        Mask { pairs }
    }

    /// `text` with every masked name replaced, matching whole words only.
    pub fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (name, initials) in &self.pairs {
            out = replace_words(&out, name, initials);
        }
        out
    }
}

fn replace_words(text: &str, needle: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(needle) {
        let before = rest[..pos].chars().next_back();
        let after = rest[pos + needle.len()..].chars().next();
        let bounded = before.is_none_or(|c| !c.is_alphanumeric())
            && after.is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..pos]);
        out.push_str(if bounded { with } else { needle });
        rest = &rest[pos + needle.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert_eq!(replace_words("Ali och Alice", "Ali", "A."), "A. och Alice");
        assert_eq!(replace_words("Åsa, Åsa!", "Åsa", "Å."), "Å., Å.!");
    }
}
