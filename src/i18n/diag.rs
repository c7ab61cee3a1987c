//! The words of the file errors, in Swedish and English: what `path:line:column: …` says
//! is wrong with an agenda, a meeting, an organisation directory or the settings, and
//! why a file could not be read or written. Blanks are `{}`, filled in order by `D::fill`;
//! `D::say` fills in the language of the messages (`i18n::messages`).

use super::Lang;
use super::screen::fill;

macro_rules! messages {
    ($($name:ident => $sv:expr, $en:expr;)*) => {
        /// One file error message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum D { $($name),* }
        impl D {
            /// Every message, for the tests.
            pub const ALL: &'static [D] = &[$(D::$name),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(D::$name => lang.pick($sv, $en)),* }
            }
        }
    };
}

impl D {
    /// The message in `lang` with each `{}` replaced by the next of `args`.
    pub fn fill(self, lang: Lang, args: &[&str]) -> String {
        fill(self.get(lang), args)
    }

    /// The message in the language of the messages.
    pub fn say(self, args: &[&str]) -> String {
        self.fill(super::messages(), args)
    }
}

/// What kind of samsyn file an error is about, for "this meeting file looks cut off".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Agenda,
    Meeting,
    Directory,
}

impl FileKind {
    /// From the English word the loaders name their file by ("agenda", "meeting",
    /// "organisation directory").
    pub fn named(what: &str) -> FileKind {
        match what {
            "agenda" => FileKind::Agenda,
            "organisation directory" => FileKind::Directory,
            _ => FileKind::Meeting,
        }
    }

    /// "a samsyn meeting file" / "en mötesfil från samsyn".
    pub fn a_file(self, lang: Lang) -> &'static str {
        match self {
            FileKind::Agenda => lang.pick("en agendafil från samsyn", "a samsyn agenda file"),
            FileKind::Meeting => lang.pick("en mötesfil från samsyn", "a samsyn meeting file"),
            FileKind::Directory => lang.pick(
                "en organisationskatalog från samsyn",
                "a samsyn organisation directory file",
            ),
        }
    }

    /// "this meeting file" / "mötesfilen".
    pub fn this_file(self, lang: Lang) -> &'static str {
        match self {
            FileKind::Agenda => lang.pick("agendafilen", "this agenda file"),
            FileKind::Meeting => lang.pick("mötesfilen", "this meeting file"),
            FileKind::Directory => lang.pick(
                "filen med organisationskatalogen",
                "this organisation directory file",
            ),
        }
    }

    /// "the meeting" / "mötet", for "after the end of the meeting".
    pub fn the_whole(self, lang: Lang) -> &'static str {
        match self {
            FileKind::Agenda => lang.pick("agendan", "the agenda"),
            FileKind::Meeting => lang.pick("mötet", "the meeting"),
            FileKind::Directory => {
                lang.pick("organisationskatalogen", "the organisation directory")
            }
        }
    }
}

messages! {
    // Reading the file at all (diag.rs).
    NoSuchFile => "filen finns inte", "no such file";
    CannotRead => "kan inte läsas: {}", "cannot read: {}";
    CannotWrite => "kan inte skrivas: {}", "cannot write: {}";
    IsAFolder => "är en mapp, inte en fil", "is a folder, not a file";
    NotRegular => "är inte en vanlig fil", "not a regular file";
    TooLarge => "filen är större än {} MB; det är inte en samsyn-fil",
        "file is larger than {} MB; this is not a samsyn file";
    Utf16 => "filen är UTF-16-text; spara den som UTF-8",
        "the file is UTF-16 text; save it as UTF-8";
    NotUtf8 => "inte UTF-8-text: filen är sparad med en annan teckenkodning; spara den som UTF-8",
        "not UTF-8 text: the file was saved in another encoding; save it as UTF-8";
    NewerFormat =>
        "format: {} har format {} och är skriven av en nyare samsyn; den här versionen läser format {} och äldre",
        "format: {} has format {} and was written by a newer samsyn; this version reads format {} and older";
    FormatZero => "format: måste vara 1 eller högre", "format: must be 1 or higher";
    LinkRefused => "{} är en symbolisk länk; samsyn läser och skriver inte genom länkar",
        "{} is a symbolic link; samsyn does not read or write through links";
    PathNotRegular => "{} är inte en vanlig fil", "{} is not a regular file";
    Link => "{} är en symbolisk länk; samsyn skriver inte genom länkar (öppna filen den pekar på)",
        "{} is a symbolic link; samsyn does not write through links (open the file it points to)";

    // What the operating system said, in words (English keeps the system's own text).
    IoPermission => "åtkomst nekas", "";
    IoExists => "filen finns redan", "";
    IoFull => "disken är full", "";
    IoReadOnly => "filsystemet är skrivskyddat", "";
    IoNotFound => "filen eller mappen finns inte", "";
    IoIsFolder => "är en mapp", "";
    IoNotFolder => "en del av sökvägen är inte en mapp", "";

    // The file's syntax and types (diag/explain.rs).
    Empty => "filen är tom; väntade {}", "the file is empty; expected {}";
    CutOff => "filen tar slut för tidigt; {} ser avklippt ut",
        "the file ends too early; {} looks cut off";
    CutOffIn => "filen tar slut mitt i `{}`; {} ser avklippt ut",
        "the file ends in the middle of `{}`; {} looks cut off";
    UnknownFieldClose => "okänt fält; menade du `{}`?", "unknown field; did you mean `{}`?";
    UnknownFieldList => "okänt fält; giltiga fält är {}", "unknown field; expected one of {}";
    UnknownValueClose => "okänt värde `{}`; menade du `{}`?",
        "unknown value `{}`; did you mean `{}`?";
    UnknownValueList => "okänt värde `{}`; giltiga värden är {}",
        "unknown value `{}`; expected one of {}";
    MissingDecision =>
        "saknas: varje insats ska ange vem som beslutade den, antingen AtTable(by: \"p1\") eller Awaiting(decision_maker: \"…\", organisation: \"…\", decide_by: Some(\"ÅÅÅÅ-MM-DD\"))",
        "missing: every action must say who decided it, either AtTable(by: \"p1\") or Awaiting(decision_maker: \"…\", organisation: \"…\", decide_by: Some(\"YYYY-MM-DD\"))";
    MissingField => "saknas; fältet måste finnas", "missing; this field is required";
    WrittenTwice => "står två gånger", "written twice";
    WrongType => "väntade {}, fann {}", "expected {}, found {}";
    WholeNumber => "ska vara ett heltal", "expected a whole number";
    OutOfRange => "talet är för stort eller för litet", "the number is out of range";
    Quoted => "ska vara text inom citattecken", "expected text in double quotes";
    Unclosed => "texten avslutas inte med ett citattecken",
        "the text is not closed with a double quote";
    Boolean => "ska vara true eller false", "expected true or false";
    OptionValue => "ska vara Some(…) eller None", "expected Some(…) or None";
    Trailing => "oväntad text efter slutet av {}", "unexpected text after the end of {}";
    BadTime => "{} är ingen giltig tid; skriv den som TT:MM",
        "{} is not a valid time; write it as HH:MM";
    BadDate => "{} är inget giltigt datum; skriv det som ÅÅÅÅ-MM-DD",
        "{} is not a valid date; write it as YYYY-MM-DD";
    // RON's own syntax errors; in English RON's words are kept as they are.
    RonComma => "komma saknas", "";
    RonIdentifier => "ett namn väntades", "";
    RonArray => "`[` saknas", "";
    RonArrayEnd => "`]` saknas", "";
    RonMap => "`{` saknas", "";
    RonMapEnd => "`}` saknas", "";
    RonMapColon => "`:` saknas", "";
    RonStructLike => "`(` saknas", "";
    RonStructLikeEnd => "`)` saknas", "";
    RonUnit => "`()` väntades", "";
    RonFloat => "ett tal väntades", "";
    RonChar => "ett tecken inom apostrofer väntades", "";
    RonUnexpectedChar => "oväntat tecken `{}`", "";
    RonRecursion => "för djupt nästlade parenteser", "";
    RonEscape => "ogiltig escape-sekvens i texten: {}", "";
    RonEof => "filen tar slut för tidigt", "";

    // Meetings (store/load.rs).
    OutsideYears => "{}: {} ligger utanför de år samsyn tar emot ({}–{})",
        "{}: {} is outside the years samsyn accepts ({}–{})";
    Personnummer =>
        "{}: ser ut som ett personnummer; samsyn sparar aldrig personnummer, använd initialer eller ett pseudonymt ärendenummer",
        "{}: looks like a personnummer; samsyn never stores one, use initials or a pseudonymous case reference";
    NoParticipant => "ingen deltagare har id:t {}", "no participant has the id {}";
    NoOrganisation => "ingen verksamhet har id:t {}", "no organisation has the id {}";
    NoGoal => "inget mål har id:t {}", "no goal has the id {}";
    OrganisationTwice => "verksamhetens id {} används två gånger",
        "the organisation id {} is used twice";
    ParticipantTwice => "deltagarens id {} används två gånger",
        "the participant id {} is used twice";
    GoalTwice => "målets id {} används två gånger", "the goal id {} is used twice";
    ActionTwice => "insatsens id {} används två gånger", "the action id {} is used twice";
    UnitsCircle => "enheterna ovanför {} leder tillbaka till den",
        "the units above {} lead back to it";
    NotOnScale => "{} finns inte på skalan; använd 1 till 5", "{} is not on the scale; use 1 to 5";
    OtherAgenda => "agenda.id: mötet startades från {}, inte {}",
        "agenda.id: the meeting was started from {}, not {}";
    NewerAgenda =>
        "agenda.version: mötet startades från version {} av {}, nyare än version {} som finns här",
        "agenda.version: the meeting was started from version {} of {}, newer than the version {} found here";
    NoSuchPhase => "{}: agendan {} har ingen fas {}; dess faser är {}",
        "{}: the agenda {} has no phase {}; its phases are {}";
    UnknownAgenda => "agenda.id: okänd agenda {}; lägg dess fil i mappen för egna agendor",
        "agenda.id: unknown agenda {}; put its file in the user agenda directory";

    // Agendas (agenda/load.rs).
    AgendaId =>
        "{} får bara innehålla små bokstäver, siffror och '-' (id:t skrivs på kommandoraden)",
        "{} must be lowercase letters, digits and '-' (it is typed on the command line)";
    NoSwedishName => "det svenska namnet är tomt", "the Swedish name is empty";
    NoPhases => "en agenda behöver minst en fas", "an agenda needs at least one phase";
    WeeksRange => "ska vara från 1 till 520 veckor (tio år)",
        "must be from 1 to 520 weeks (ten years)";
    InvitationDays => "ska vara från 0 (ingen sista dag) till 365 dagar",
        "must be from 0 (no last day) to 365 days";
    PhaseNoId => "en fas behöver ett id", "a phase needs an id";
    PhaseIdTwice => "fasens id {} används redan av phases[{}]",
        "the phase id {} is already used by phases[{}]";
    PhaseNoTitle => "fasen {} har ingen svensk rubrik", "phase {} has no Swedish title";
    PhaseMinutes => "fasen {} behöver en tidsram från 1 minut till 480 (en arbetsdag)",
        "phase {} needs a time box from 1 minute to 480 (a working day)";
    KindTwice => "{} används redan som typ av phases[{}]; bara Notes får förekomma flera gånger",
        "{} is already the kind of phases[{}]; only Notes may repeat";
    NeedsConsentPhase =>
        "agendan kräver samtycke men har ingen Consent-fas att registrera det i",
        "the agenda requires consent but has no Consent phase to record it in";
    NeedsSummaryPhase =>
        "agendan kräver en huvudman med övergripande ansvar men har ingen Summary-fas att ange den i",
        "the agenda requires an overall responsible but has no Summary phase to name it in";
    NeedsReviewPhase =>
        "en uppföljningsagenda behöver en Review-fas för den förra planens insatser",
        "a follow-up agenda needs a Review phase for the previous plan's actions";
    NeedsFollowUpPhase =>
        "varje agenda behöver en FollowUp-fas (justering kräver ett uppföljningsdatum)",
        "every agenda needs a FollowUp phase (finalizing requires a follow-up date)";
    NeedsRolesPhase => "varje agenda behöver en Roles-fas (justering kräver deltagare)",
        "every agenda needs a Roles phase (finalizing requires participants)";
    AgendaIdTaken =>
        "id: en annan agenda har redan id:t {}; ge den här ett eget id",
        "id: another agenda already has the id {}; give this one an id of its own";
    NoSuchAgenda => "agendan {} (kända: {})", "agenda {} (known: {})";

    // Organisation directories (directory.rs).
    DirectoryNoName => "en verksamhet behöver ett namn", "an organisation needs a name";
    DirectoryTwice => "{} står två gånger i katalogen", "{} is in the directory twice";
    DirectoryNoParent => "ingen verksamhet i katalogen heter {}",
        "no organisation in the directory is named {}";

    // The settings file (config.rs).
    NotALanguage => "lang: {} är inget språk samsyn talar; skriv \"sv\" eller \"en\"",
        "lang: {} is not a language samsyn speaks; write \"sv\" or \"en\"";
    NotATheme => "theme: {} är inget tema; skriv \"default\" eller \"high-contrast\"",
        "theme: {} is not a theme; write \"default\" or \"high-contrast\"";
}

/// What the operating system said about a file, in `lang`: the common reasons in words,
/// anything else (and everything in English) as the system says it. A reason samsyn
/// made itself (`io::Error::other` with a message in the messages' language) is kept.
pub fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return e.to_string();
    }
    let word = match e.kind() {
        K::PermissionDenied => D::IoPermission,
        K::AlreadyExists => D::IoExists,
        K::StorageFull | K::QuotaExceeded => D::IoFull,
        K::ReadOnlyFilesystem => D::IoReadOnly,
        K::NotFound => D::IoNotFound,
        K::IsADirectory => D::IoIsFolder,
        K::NotADirectory => D::IoNotFolder,
        _ => return e.to_string(),
    };
    word.get(lang).to_string()
}

/// One of RON's syntax errors in Swedish, when there are words for it; `None` keeps
/// RON's own (English) text.
pub fn ron_error(lang: Lang, e: &ron::Error) -> Option<String> {
    use ron::Error as E;
    if lang == Lang::En {
        return None;
    }
    let m = match e {
        E::ExpectedComma => D::RonComma,
        E::ExpectedIdentifier => D::RonIdentifier,
        E::ExpectedArray => D::RonArray,
        E::ExpectedArrayEnd => D::RonArrayEnd,
        E::ExpectedMap => D::RonMap,
        E::ExpectedMapEnd => D::RonMapEnd,
        E::ExpectedMapColon => D::RonMapColon,
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => D::RonStructLike,
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => D::RonStructLikeEnd,
        E::ExpectedUnit => D::RonUnit,
        E::ExpectedFloat => D::RonFloat,
        E::ExpectedChar => D::RonChar,
        E::UnexpectedChar(c) => return Some(D::RonUnexpectedChar.fill(lang, &[&c.to_string()])),
        E::ExceededRecursionLimit => D::RonRecursion,
        E::InvalidEscape(what) => return Some(D::RonEscape.fill(lang, &[what])),
        E::Eof => D::RonEof,
        _ => return None,
    };
    Some(m.get(lang).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        // English may be empty only where the system's or RON's own words are kept.
        let keeps_english = |name: &str| name.starts_with("Io") || name.starts_with("Ron");
        for &m in D::ALL {
            assert!(!m.get(Lang::Sv).is_empty(), "{m:?}");
            assert!(
                keeps_english(&format!("{m:?}")) || !m.get(Lang::En).is_empty(),
                "{m:?}"
            );
            assert_eq!(
                m.get(Lang::Sv).matches("{}").count(),
                if m.get(Lang::En).is_empty() {
                    m.get(Lang::Sv).matches("{}").count()
                } else {
                    m.get(Lang::En).matches("{}").count()
                },
                "{m:?}: the same blanks in both languages"
            );
        }
    }

    #[test]
    fn swedish_names_the_reason_english_keeps_the_system_text() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(Lang::Sv, &e), "åtkomst nekas");
        assert_eq!(io_reason(Lang::En, &e), e.to_string());
        let own = std::io::Error::other("egen förklaring");
        assert_eq!(io_reason(Lang::Sv, &own), "egen förklaring");
    }
}
