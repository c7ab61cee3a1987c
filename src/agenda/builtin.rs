//! The agendas that ship inside the binary, so samsyn runs with nothing else installed.

use super::{Agenda, parse};
use std::path::Path;

const SHIPPED: [(&str, &str); 3] = [
    ("agendas/samba.ron", include_str!("../../agendas/samba.ron")),
    ("agendas/sip.ron", include_str!("../../agendas/sip.ron")),
    (
        "agendas/sip-uppfoljning.ron",
        include_str!("../../agendas/sip-uppfoljning.ron"),
    ),
];

/// The shipped agendas, in the order they are offered.
pub fn builtin() -> Vec<Agenda> {
    SHIPPED
        .iter()
        .map(|(name, src)| {
            // The shipped files are checked by the test suite; a broken one is a build defect.
            parse(Path::new(name), src).unwrap_or_else(|e| panic!("shipped agenda is invalid: {e}"))
        })
        .collect()
}
