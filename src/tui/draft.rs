//! Drafts of forms: the values of an open form as the draft file holds them (typed,
//! serde), and the bookkeeping of what was last seen and what is on disk.

use super::form::{F, Form, Input, Target, Val};
use chrono::NaiveDateTime;
use samsyn::store::draft::DraftFile;
use serde::{Deserialize, Serialize};

/// One field's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    Text(String),
    /// The chosen option's value.
    Choice(Val),
    Check(bool),
}

/// The form a draft holds: which form, where the cursor was, the values by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft {
    /// What saving it would change.
    pub target: Target,
    /// The field that had the cursor.
    pub focus: usize,
    pub fields: Vec<(F, Value)>,
}

/// The draft file of a form.
pub type Draft = DraftFile<FormDraft>;

/// The draft bookkeeping of the open meeting.
#[derive(Debug, Default)]
pub struct State {
    /// The open form's values as last seen, and when they last changed.
    pub seen: Option<(Target, Vec<(F, Value)>)>,
    pub changed_at: Option<NaiveDateTime>,
    /// Since when values not yet on disk have been waiting.
    pub pending_since: Option<NaiveDateTime>,
    /// What the draft file now holds (written here or restored from it).
    pub on_disk: Option<(Target, Vec<(F, Value)>)>,
    /// A draft found when the meeting opened, waiting for yes or no.
    pub offer: Option<Draft>,
}

/// Forms whose text is kept as a draft: those that add or edit rows of an open meeting.
/// Free text (`Target::Text`) is written into the meeting itself as it is typed; a new
/// meeting has no file to sit beside yet; finalizing and amending are one line.
pub fn draftable(t: &Target) -> bool {
    !matches!(
        t,
        Target::Text(_)
            | Target::NewMeeting(_)
            | Target::Finalize
            | Target::Amend
            | Target::PhaseTime
            | Target::SaveElsewhere
    )
}

/// The values of a form's fields.
pub fn values(form: &Form) -> Vec<(F, Value)> {
    form.fields
        .iter()
        .map(|f| {
            let v = match &f.input {
                Input::Line(ta) | Input::Multi(ta) | Input::Date(ta) => {
                    Value::Text(ta.lines().join("\n"))
                }
                Input::Choice { opts, idx, .. } => {
                    Value::Choice(opts.get(*idx).map_or(Val::None, |o| o.val.clone()))
                }
                Input::Check(on) => Value::Check(*on),
            };
            (f.id, v)
        })
        .collect()
}

/// Put saved values back into a form built afresh. A choice no longer offered keeps
/// the form's own value.
pub fn apply(form: &mut Form, saved: &[(F, Value)]) {
    for (id, v) in saved {
        match v {
            Value::Text(text) => form.set_text(*id, text),
            Value::Choice(val) => form.select(*id, val),
            Value::Check(on) => {
                if let Some(field) = form.field_mut(*id)
                    && let Input::Check(c) = &mut field.input
                {
                    *c = *on;
                }
            }
        }
    }
}

/// "14:32", or the date too when the draft is from another day.
pub fn when(written: NaiveDateTime, now: NaiveDateTime) -> String {
    if written.date() == now.date() {
        written.format("%H:%M").to_string()
    } else {
        written.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// Version 1 of the draft file named fields and choices by their `Debug` text.
mod v1 {
    use super::*;

    #[derive(Deserialize)]
    pub enum Value {
        Text(String),
        Choice(String),
        Check(bool),
    }

    #[derive(Deserialize)]
    pub struct Draft {
        pub written: NaiveDateTime,
        pub target: Target,
        pub focus: usize,
        pub fields: Vec<(String, Value)>,
    }
}

/// A version-1 draft as today's, for the meeting `meeting_id` it lay beside (version 1
/// did not name it). Fields and choices are read back from their `Debug` names, which
/// are the RON names of the same values but for the id's wrapper; what cannot be read
/// back is left out, so the rebuilt form keeps its own value there.
pub fn from_v1(text: &str, meeting_id: &str) -> Option<Draft> {
    let old: v1::Draft = ron::from_str(text).ok()?;
    let fields = old
        .fields
        .into_iter()
        .filter_map(|(name, v)| {
            let id: F = ron::from_str(&name).ok()?;
            let value = match v {
                v1::Value::Text(t) => Value::Text(t),
                v1::Value::Check(on) => Value::Check(on),
                v1::Value::Choice(debug) => {
                    // `Id(Id("p1"))` in Debug is `Id("p1")` in RON (the id is transparent).
                    let ron_text = match debug.strip_prefix("Id(Id(") {
                        Some(rest) => format!("Id({}", rest.strip_suffix(')')?),
                        None => debug,
                    };
                    Value::Choice(ron::from_str(&ron_text).ok()?)
                }
            };
            Some((id, value))
        })
        .collect();
    Some(DraftFile {
        version: samsyn::store::draft::VERSION,
        meeting: meeting_id.to_string(),
        written: old.written,
        form: FormDraft {
            target: old.target,
            focus: old.focus,
            fields,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use samsyn::meeting::{Huvudman, Id};

    #[test]
    fn a_version_1_draft_reads_back_with_its_choices() {
        let text = r#"(
            version: 1,
            written: "2026-12-02T10:00:00",
            target: Action(None),
            focus: 2,
            fields: [
                ("What", Text("Läxhjälp")),
                ("Performer", Choice("Id(Id(\"p2\"))")),
                ("Decision", Choice("Awaiting")),
                ("CostBearer", Choice("Huvudman(Region)")),
                ("MandateCosts", Check(true)),
                ("NoSuchField", Text("dropped")),
            ],
        )"#;
        let d = from_v1(text, "m1").expect("reads");
        assert_eq!(d.meeting, "m1");
        assert_eq!(d.form.target, Target::Action(None));
        assert_eq!(
            d.form.fields,
            vec![
                (F::What, Value::Text("Läxhjälp".into())),
                (F::Performer, Value::Choice(Val::Id(Id("p2".into())))),
                (F::Decision, Value::Choice(Val::Awaiting)),
                (
                    F::CostBearer,
                    Value::Choice(Val::Huvudman(Huvudman::Region))
                ),
                (F::MandateCosts, Value::Check(true)),
            ]
        );
    }
}
