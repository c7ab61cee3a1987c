//! The words of the kallelse in Swedish and English: the copy for the organisations, the
//! family's copy in plain language, the calendar event and why an invitation is refused.
//! `{}` stands for what `fill` puts in, in order.

pub use crate::i18n::minutes::Label;

// The organisations' copy.
pub const KALLELSE: Label = Label("Kallelse", "Notice of meeting");
pub const INBJUDAN: Label = Label("Inbjudan", "Invitation");
/// How the family's copy is named on disk (`-familj`).
pub const FAMILY_FILE: Label = Label("familj", "family");
pub const MARK: Label = Label("{} – {} {}", "{} – {} {}");
pub const VIDEO_LINK: Label = Label("Videolänk", "Video link");
pub const CONVENER: Label = Label("Sammankallande", "Convened by");
pub const CONTACT: Label = Label("Kontakt", "Contact");
pub const SENT: Label = Label("Skickad", "Sent");
pub const PURPOSE: Label = Label("Syfte med mötet", "Purpose of the meeting");
pub const QUESTIONS: Label = Label("Frågeställningar", "Questions to answer");
pub const INVITED: Label = Label("Kallade och inbjudna", "Who is summoned and invited");
pub const INVITED_INTRO: Label = Label(
    "Huvudmännen (kommun och region) kallas till mötet; övriga bjuds in. Var och en ombeds komma med mandat att fatta de beslut som anges för den egna verksamheten.",
    "The responsible authorities (municipality and region) are summoned to the meeting; the others are invited. Each is asked to come with the mandate to take the decisions listed for their own organisation.",
);
pub const CALLED: Label = Label("kallas", "summoned");
pub const INVITED_WORD: Label = Label("bjuds in", "invited");
pub const HOW: Label = Label("Kallas / bjuds in", "Summoned / invited");
pub const WHO: Label = Label("Deltagare", "Who comes");
pub const DECISIONS: Label = Label(
    "Beslut som ska kunna fattas vid mötet",
    "Decisions to be taken at the meeting",
);
pub const INCL_COSTS: Label = Label("inklusive kostnader", "including costs");
pub const NOBODY_YET: Label = Label("ingen anmäld ännu", "nobody named yet");
pub const THE_FAMILY: Label = Label("Familjen", "The family");
pub const TO: Label = Label("Till {}", "To {}");
pub const YOU_ARE_CALLED: Label = Label(
    "{} kallas till mötet som huvudman ({}).",
    "{} is summoned to the meeting as a responsible authority ({}).",
);
pub const YOU_ARE_INVITED: Label =
    Label("{} bjuds in till mötet.", "{} is invited to the meeting.");
pub const FROM_YOU: Label = Label("Från er kommer", "Coming from you");
pub const EXPECTED: Label = Label(
    "Beslut ni förväntas kunna fatta vid mötet",
    "Decisions you are expected to be able to take at the meeting",
);
pub const BRING_MANDATE: Label = Label(
    "Vi ber er komma med mandat att fatta dessa beslut. Kan den som har mandatet inte komma, skicka en ersättare med samma mandat och meddela sammankallande.",
    "Please come with the mandate to take these decisions. If the person with the mandate cannot come, send a stand-in with the same mandate and tell the convener.",
);
pub const NO_DECISIONS: Label = Label(
    "Inga särskilda beslut är angivna för er verksamhet. Kom med det ni vet om barnets situation från er verksamhet.",
    "No particular decisions are listed for your organisation. Bring what your organisation knows about the child's situation.",
);
pub const CONSENT: Label = Label("Samtycke", "Consent");
pub const CONSENT_GIVEN: Label = Label(
    "Samtycke har lämnats av {} den {}{}. Det omfattar: {}.",
    "Consent was given by {} on {}{}. It covers: {}.",
);
pub const CONSENT_UNTIL: Label = Label(", giltigt till {}", ", valid until {}");
pub const CONSENT_COVERS_YOU: Label = Label(
    "Samtycket omfattar er verksamhet.",
    "The consent covers your organisation.",
);
pub const CONSENT_NOT_YOU: Label = Label(
    "Samtycket omfattar inte {}; samtycke efterfrågas i början av mötet.",
    "The consent does not cover {}; consent will be asked for at the start of the meeting.",
);
pub const NO_CONSENT: Label = Label(
    "Inget giltigt samtycke finns registrerat. Samtycke efterfrågas i början av mötet, innan ärendet diskuteras.",
    "No valid consent is recorded. Consent will be asked for at the start of the meeting, before the case is discussed.",
);
pub const ALL_ORGANISATIONS: Label = Label("mötets verksamheter", "the meeting's organisations");
pub const REPORT: Label = Label(
    "Att rapportera vid uppföljningen",
    "To report on at the follow-up",
);
pub const REPORT_INTRO: Label = Label(
    "Vid mötet går vi igenom varje insats och åtgärd i förra planen. Var och en berättar hur det har gått med det egna.",
    "The meeting goes through every action of the previous plan. Each tells how their own went.",
);
pub const AWAITED: Label = Label("Beslut som inväntades", "Decisions that were awaited");
pub const DECISION_MAKER: Label = Label("Beslutsfattare", "Decision maker");
pub const DECIDE_BY: Label = Label("Beslut senast", "Decide by");
pub const REASON: Label = Label("Varför", "Why");
pub const AGENDA: Label = Label("Mötets upplägg", "How the meeting runs");
pub const MINUTES_SHORT: Label = Label("min", "min");
pub const PREPARE: Label = Label("Förbered er", "To prepare");
pub const PREPARE_LIST: [Label; 3] = [
    Label(
        "Ta med det er verksamhet vet om barnets situation: vad som fungerar och vad som oroar.",
        "Bring what your organisation knows about the child's situation: what works and what worries you.",
    ),
    Label(
        "Kontrollera att den som kommer har mandat att fatta de beslut som anges ovan, eller ta reda på vem som har det.",
        "Make sure the one who comes has the mandate to take the decisions above, or find out who has it.",
    ),
    Label(
        "Kan ni inte komma: meddela sammankallande så snart som möjligt.",
        "If you cannot come, tell the convener as soon as you can.",
    ),
];

// The family's copy, in plain language.
pub const F_TITLE: Label = Label(
    "Välkommen till ett möte om {}",
    "Welcome to a meeting about {}",
);
pub const F_KIND: Label = Label(
    "Ett möte för att planera stödet",
    "A meeting to plan the support",
);
pub const F_YOUR_CHILD: Label = Label("ert barn", "your child");
pub const F_MARK: Label = Label("Inbjudan till möte den {}", "Invitation to a meeting on {}");
pub const F_WHAT: Label = Label("Vad är det för möte?", "What kind of meeting is it?");
pub const F_WHAT_TEXT: Label = Label(
    "Ni och de som ger stöd till {} träffas för att tillsammans komma överens om vad som ska göras, vem som gör det och när. Det som bestäms skrivs ner, och alla får en kopia.",
    "You and the people who support {} meet to agree together on what is to be done, who does it and when. What is agreed is written down, and everyone gets a copy.",
);
pub const F_SIP: Label = Label(
    "Mötet heter SIP. SIP betyder samordnad individuell plan: en gemensam plan när flera, till exempel skola, socialtjänst och vård, ger stöd samtidigt.",
    "The meeting is called a SIP. SIP means coordinated individual plan: one shared plan when several services, such as school, social services and health care, give support at the same time.",
);
pub const F_WHY: Label = Label("Därför träffas vi", "Why we meet");
pub const F_QUESTIONS: Label = Label("Det vill vi prata om", "What we want to talk about");
pub const F_WHEN: Label = Label("När och var", "When and where");
pub const F_WHO: Label = Label("Vilka kommer", "Who comes");
pub const F_CHILD: Label = Label("Det {} tycker är viktigt", "What {} thinks matters");
pub const F_CHILD_TEXT: Label = Label(
    "Det {} själv tycker och vill ska höras på mötet. {} är välkommen att vara med, hela mötet eller en del av det. Vill {} inte vara med kan ni berätta vad {} tycker, eller ta med något {} har skrivit eller ritat.",
    "What {} thinks and wants shall be heard at the meeting. {} is welcome to take part, for the whole meeting or a part of it. If {} would rather not come, you can tell us what {} thinks, or bring something {} has written or drawn.",
);
pub const F_PREPARE: Label = Label("Så kan ni förbereda er", "How you can prepare");
pub const F_PREPARE_LIST: [Label; 4] = [
    Label(
        "Tänk på vad som fungerar bra just nu, och vad som är svårt.",
        "Think about what is going well right now, and what is hard.",
    ),
    Label(
        "Tänk på vad ni vill ha hjälp med, och skriv gärna ner era frågor.",
        "Think about what you would like help with, and write down your questions.",
    ),
    Label(
        "Prata med {} om mötet och om vad {} vill säga.",
        "Talk with {} about the meeting and about what {} wants to say.",
    ),
    Label(
        "Ni får ta med någon som stöd, till exempel en släkting eller en vän.",
        "You may bring someone for support, such as a relative or a friend.",
    ),
];
pub const F_HOW: Label = Label("Så går mötet till", "How the meeting goes");
pub const F_HOW_TEXT: Label = Label(
    "Först säger alla vilka de är. Sedan pratar vi om hur det går för {}, vad som fungerar och vad som oroar, och om vad {} själv tycker. Till sist kommer vi överens om vem som gör vad och när vi ses nästa gång. Mötet tar ungefär {} minuter.",
    "First everyone says who they are. Then we talk about how things are going for {}, what works and what worries us, and about what {} thinks. Last, we agree on who does what and when we meet next. The meeting takes about {} minutes.",
);
pub const F_CONSENT: Label = Label("Ert tillstånd", "Your permission");
pub const F_CONSENT_GIVEN: Label = Label(
    "Ni har gett ert tillstånd (samtycke) den {} till att de som kommer får prata med varandra om {}. Ni kan ändra det när ni vill.",
    "On {} you gave your permission (consent) for those who come to talk with each other about {}. You can change it whenever you want.",
);
pub const F_CONSENT_ASKED: Label = Label(
    "För att de som kommer ska få prata med varandra om {} behöver de ert tillstånd (samtycke). Vi frågar om det i början av mötet. Ni bestämmer själva vad som får sägas.",
    "For those who come to talk with each other about {}, they need your permission (consent). We ask for it at the start of the meeting. You decide yourselves what may be shared.",
);
pub const F_LAST_TIME: Label = Label("Sedan förra mötet", "Since the last meeting");
pub const F_LAST_TIME_TEXT: Label = Label(
    "Förra gången kom vi överens om det här. På mötet berättar var och en hur det har gått:",
    "Last time we agreed on this. At the meeting each tells how it has gone:",
);
pub const F_WAITING: Label = Label(
    "Vi väntade också på svar om det här:",
    "We were also waiting for an answer about this:",
);
pub const F_CANT_COME: Label = Label("Om ni inte kan komma", "If you cannot come");
pub const F_CANT_COME_TEXT: Label = Label(
    "Hör av er till {}{} så snart ni kan, så hittar vi en annan tid.",
    "Get in touch with {}{} as soon as you can, and we will find another time.",
);
pub const F_AT: Label = Label(" ({})", " ({})");
pub const F_OF: Label = Label("{} från {}", "{} from {}");

// The calendar event.
pub const ICS_ORGANISATIONS: Label = Label("Verksamheter", "Organisations");

// Why an invitation is refused, or what it lacks.
pub const NO_TIME: Label = Label(
    "mötet har ingen tid; en kallelse måste säga när mötet börjar",
    "the meeting has no time; a notice must say when the meeting starts",
);
pub const BAD_LINK: Label = Label(
    "videolänken {:?} är ingen webbadress (https://…)",
    "the video link {:?} is not a web address (https://…)",
);
pub const NOBODY_INVITED: Label = Label(
    "{} förväntas kunna fatta beslut, men ingen är inbjuden för verksamheten",
    "{} is expected to take decisions, but nobody is invited for it",
);
pub const UNKNOWN_ORG: Label = Label(
    "de förväntade besluten nämner verksamheten {}, som mötet inte har",
    "the expected decisions name the organisation {}, which the meeting does not have",
);
pub const NO_INVITEES: Label = Label(
    "ingen är inbjuden: lägg till deltagarna först",
    "nobody is invited: add the participants first",
);
pub const NO_PURPOSE: Label = Label("kallelsen saknar syfte", "the notice has no purpose");
pub const NO_QUESTIONS: Label = Label(
    "kallelsen har inga frågeställningar",
    "the notice has no questions to answer",
);
pub const NO_PLACE: Label = Label(
    "kallelsen saknar plats och videolänk",
    "the notice has neither a place nor a video link",
);
pub const NO_CONVENER: Label = Label(
    "kallelsen säger inte vem som är sammankallande",
    "the notice does not say who convenes",
);
pub const ALL_DECLINED: Label = Label(
    "alla inbjudna för {} har lämnat återbud; be om en ersättare med mandat",
    "everyone invited for {} has declined; ask for a stand-in with the mandate",
);
pub const LATE: Label = Label(
    "kallelsen skulle ha skickats senast {}",
    "the notice should have been sent by {}",
);
pub const PAST: Label = Label("mötets datum har passerat", "the meeting's date has passed");
pub const REFUSED: Label = Label("kallelsen skrivs inte: {}", "the notice is not written: {}");
pub const WARNING: Label = Label("varning: {}", "warning: {}");
pub const FINALIZED: Label = Label(
    "mötet är justerat; kalla till dess uppföljning i stället",
    "the meeting is finalized; send a notice for its follow-up instead",
);
pub const NO_SUCH_ORG: Label = Label(
    "mötet har ingen verksamhet {:?} (finns: {})",
    "the meeting has no organisation {:?} (it has: {})",
);
pub const NO_JSON: Label = Label(
    "kallelsen skrivs som md, html, docx eller ics",
    "the notice is written as md, html, docx or ics",
);

/// `template` with each `{}` (or `{:?}`, quoted) replaced by the next of `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let quoted: Vec<String> = args.iter().map(|a| format!("\"{a}\"")).collect();
    let mut out = String::new();
    let mut rest = template;
    let mut i = 0;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{:?}") {
            out.push_str(quoted.get(i).map_or("", String::as_str));
            rest = after;
        } else if let Some(after) = tail.strip_prefix("{}") {
            out.push_str(args.get(i).copied().unwrap_or(""));
            rest = after;
        } else {
            out.push('{');
            rest = &tail[1..];
            continue;
        }
        i += 1;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn fill_puts_arguments_in_order_and_quotes_debug_places() {
        assert_eq!(super::fill("a {} b {:?} c", &["x", "y"]), "a x b \"y\" c");
        assert_eq!(super::fill("{} {}", &["1"]), "1 ");
    }
}
