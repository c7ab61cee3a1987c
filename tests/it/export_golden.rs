//! Golden files of the minutes (insta): Markdown, HTML and JSON of the test meeting and
//! of every example meeting, in Swedish and English. Review changes with `cargo insta review`.

use crate::common;

use samsyn::agenda::Catalogue;
use samsyn::export::{self, Format, Options};
use samsyn::i18n::Lang;
use samsyn::meeting::Meeting;

fn render(m: &Meeting, agenda: &samsyn::agenda::Agenda, format: Format, lang: Lang) -> String {
    let bytes = export::export(
        m,
        agenda,
        format,
        Options {
            lang,
            pseudonymize: false,
            contacts: false,
        },
    )
    .unwrap_or_else(|e| panic!("{format:?}: {e}"));
    String::from_utf8(bytes).unwrap()
}

fn snapshot_all(name: &str, m: &Meeting, agenda: &samsyn::agenda::Agenda) {
    for lang in [Lang::Sv, Lang::En] {
        for format in [Format::Md, Format::Html, Format::Json] {
            let text = render(m, agenda, format, lang);
            let snap = format!("{name}-{}.{}", lang.pick("sv", "en"), format.extension());
            insta::assert_snapshot!(snap, text);
        }
    }
}

#[test]
fn test_meeting_draft_and_finalized() {
    let agenda = common::sip_agenda();
    snapshot_all("fixture-draft", &common::sip_meeting(), &agenda);
    snapshot_all("fixture-final", &common::finalized_sip_meeting(), &agenda);
}

#[test]
fn example_meetings() {
    let catalogue = Catalogue::builtin();
    for (name, m) in common::examples() {
        let agenda = catalogue
            .get(&m.agenda.id)
            .unwrap_or_else(|| panic!("{name}: agenda {} is built in", m.agenda.id));
        snapshot_all(&name, &m, agenda);
    }
}
