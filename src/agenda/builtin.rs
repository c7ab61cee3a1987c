//! The agendas that ship inside the binary, so samsyn runs with nothing else installed.

/// The shipped agenda files: name and text. `load::builtin` parses them.
pub const SHIPPED: [(&str, &str); 4] = [
    ("agendas/samba.ron", include_str!("../../agendas/samba.ron")),
    (
        "agendas/samba-uppfoljning.ron",
        include_str!("../../agendas/samba-uppfoljning.ron"),
    ),
    ("agendas/sip.ron", include_str!("../../agendas/sip.ron")),
    (
        "agendas/sip-uppfoljning.ron",
        include_str!("../../agendas/sip-uppfoljning.ron"),
    ),
];
