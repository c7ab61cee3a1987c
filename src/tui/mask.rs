//! The privacy mask: on a shared screen the child's and the family's names are shown as
//! initials, in every place they appear — lists, forms and free text alike. The rule is
//! the domain's, shared with pseudonymized exports, so the screen and the files agree.

pub use samsyn::meeting::Pseudonyms as Mask;
