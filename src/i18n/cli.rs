//! The command line's words in Swedish and English: what `--help` says of each command
//! and option, the headings of the help, the errors in the command line, and what
//! `samsyn check` prints. `cli.rs` puts them into the clap definition for the language
//! chosen before the command line is parsed.

use crate::i18n::minutes::Label;

/// What `--help` says of a command (`""` is the program itself), and its longer text
/// for `--help` (the short one for `-h`).
pub fn about(command: &str) -> Option<(Label, Option<Label>)> {
    Some(match command {
        "" => (
            Label(
                "Led ett Samba- eller SIP-möte om ett barn på en gemensam skärm och skriv protokollet.",
                "Run a Samba or SIP meeting about a child on a shared screen and write the minutes.",
            ),
            Some(Label(
                "Led ett Samba- eller SIP-möte om ett barn på en gemensam skärm och skriv protokollet.\n\n\
                 Slutkoder: 0 klart, 2 fel i kommandoraden, 65 ogiltiga data (eller `check` fann \
                 något som hindrar justering), 66 indata saknas, 73 kan inte skriva utdata, 1 allt annat.",
                "Run a Samba or SIP meeting about a child on a shared screen and write the minutes.\n\n\
                 Exit codes: 0 ok, 2 usage, 65 invalid data (or `check` found blocking problems), \
                 66 input missing, 73 cannot create output, 1 anything else.",
            )),
        ),
        "new" => (
            Label(
                "Starta ett nytt möte från en agenda (id eller fil) på mötesskärmen.",
                "Start a new meeting from an agenda (id or file) on the meeting screen.",
            ),
            None,
        ),
        "open" => (
            Label(
                "Fortsätt eller visa ett möte på mötesskärmen.",
                "Continue or view a meeting on the meeting screen.",
            ),
            None,
        ),
        "agendas" => (
            Label(
                "Lista de inbyggda agendorna och dina egna.",
                "List the built-in and user agendas.",
            ),
            None,
        ),
        "check" => (
            Label(
                "Granska agenda- och mötesfiler; för ett möte: vad som hindrar justering och varningarna.",
                "Validate agenda and meeting files; for a meeting, print what blocks finalizing and the warnings.",
            ),
            Some(Label(
                "Granska agenda- och mötesfiler; för ett möte skrivs vad som hindrar justering och \
                 varningarna. Agendor som namnges på samma kommandorad används för mötena.",
                "Validate agenda and meeting files; for a meeting, print what blocks finalizing and \
                 the warnings. Agendas named on the same command line are used for the meetings.",
            )),
        ),
        "export" => (
            Label(
                "Skriv protokollet som Markdown, HTML (för utskrift), Word, iCalendar eller JSON.",
                "Write the minutes as Markdown, HTML (for print), Word, iCalendar or JSON.",
            ),
            Some(Label(
                "Skriv protokollet som Markdown, HTML (för utskrift), Word, iCalendar eller JSON. \
                 Filen kan bara läsas av sin ägare.",
                "Write the minutes as Markdown, HTML (for print), Word, iCalendar or JSON. \
                 The file is readable by its owner only.",
            )),
        ),
        "followup" => (
            Label(
                "Starta uppföljningen av ett justerat protokoll.",
                "Start the follow-up of finalized minutes.",
            ),
            Some(Label(
                "Starta uppföljningen av ett justerat protokoll: ett nytt möte från den agenda som \
                 följer den gamla, med dess verksamheter, deltagare, samtycken, mål och ansvar, och \
                 varje insats i planen att gå igenom. Skriver den nya filens namn.",
                "Start the follow-up of finalized minutes: a new meeting from the agenda that \
                 follows the old one's, with its organisations, participants, consents, goals and \
                 responsibility, and every action of the plan to review. Prints the new file.",
            )),
        ),
        "followups" => (
            Label(
                "Det som behöver någons uppmärksamhet i arkivet, det mest brådskande först.",
                "What needs attention across the archive, most urgent first.",
            ),
            Some(Label(
                "Det som behöver någons uppmärksamhet i arkivet, det mest brådskande först: \
                 uppföljningar som ska hållas, insatser och väntade beslut efter sina datum, \
                 återkopplingar, samtycken som löper ut, justerade planer utan nästa steg. \
                 Utkast tas med och märks.",
                "What needs attention across the archive, most urgent first: follow-ups due, \
                 actions and awaited decisions past their dates, feedback due, consents that run \
                 out, finalized plans with no next step. Drafts are included and marked.",
            )),
        ),
        "completions" => (
            Label(
                "Skriv skriptet för kompletteringar i bash, zsh eller fish på standard ut.",
                "Print the shell completion script for bash, zsh or fish to standard output.",
            ),
            None,
        ),
        "man" => (
            Label(
                "Skriv manualsidan (roff, avsnitt 1) på standard ut.",
                "Print the manual page (roff, section 1) to standard output.",
            ),
            None,
        ),
        "help" => (
            Label(
                "Visa den här hjälpen eller hjälpen för ett kommando.",
                "Print this message or the help of the given subcommand(s).",
            ),
            None,
        ),
        "invite" => (
            Label(
                "Skriv kallelsen: huvudmännen kallas, andra bjuds in, och var och en ombeds komma \
                 med mandat för de beslut som väntas av dem.",
                "Write the kallelse (invitation): huvudmän are summoned, others invited, each \
                 asked to come with the mandate for the decisions expected of them.",
            ),
            Some(Label(
                "Skriv kallelsen: huvudmännen kallas, andra bjuds in, och var och en ombeds komma \
                 med mandat för de beslut som väntas av dem. Vägras (slutkod 65), med skälen, \
                 när den skulle bli ofullständig.",
                "Write the kallelse (invitation): huvudmän are summoned, others invited, each \
                 asked to come with the mandate for the decisions expected of them. Refused \
                 (exit 65) with the reasons when it would be incomplete.",
            )),
        ),
        _ => return None,
    })
}

/// What comes after a command's options in its help.
pub fn after_help(command: &str) -> Option<Label> {
    match command {
        "completions" => Some(Label(
            "bash: samsyn completions bash > ~/.local/share/bash-completion/completions/samsyn\n\
             zsh:  samsyn completions zsh > ~/.zfunc/_samsyn (med ~/.zfunc i $fpath)\n\
             fish: samsyn completions fish > ~/.config/fish/completions/samsyn.fish",
            "bash: samsyn completions bash > ~/.local/share/bash-completion/completions/samsyn\n\
             zsh:  samsyn completions zsh > ~/.zfunc/_samsyn (with ~/.zfunc in $fpath)\n\
             fish: samsyn completions fish > ~/.config/fish/completions/samsyn.fish",
        )),
        "man" => Some(Label(
            "samsyn man > samsyn.1 && man ./samsyn.1",
            "samsyn man > samsyn.1 && man ./samsyn.1",
        )),
        _ => None,
    }
}

/// What `--help` says of an option or argument, by its id, in `command`.
pub fn arg_help(command: &str, id: &str) -> Option<Label> {
    Some(match (command, id) {
        (_, "help") => Label("Visa hjälpen", "Print help"),
        (_, "version") => Label("Visa versionen", "Print version"),
        (_, "lang") => Label(
            "Språket på skärmen och i meddelandena (förval: inställningsfilen, sedan systemets \
             språk, annars svenska)",
            "Language of the screen and messages (default: the settings file, then the locale, \
             else Swedish)",
        ),
        (_, "dir") => Label(
            "Arkivets mapp, där mötena sparas",
            "The archive directory where meetings are kept",
        ),
        (_, "theme") => Label(
            "Skärmens färger: default eller high-contrast (båda respekterar NO_COLOR)",
            "Colours of the screen: default or high-contrast (NO_COLOR is respected by both)",
        ),
        ("new", "agenda") => Label(
            "Agendan: ett id (se `samsyn agendas`) eller en fil",
            "The agenda: an id (see `samsyn agendas`) or a file",
        ),
        ("new", "title") => Label("Mötets rubrik", "The meeting's title"),
        ("open", "file") => Label("Mötesfilen", "The meeting file"),
        ("check", "files") => Label(
            "Agenda-, möte- och katalogfiler att granska",
            "Agenda, meeting and directory files to validate",
        ),
        ("export", "meeting") => Label("Mötesfilen", "The meeting file"),
        ("export", "format") => Label("Formatet", "The format"),
        ("export", "output") => Label(
            "Utfilen; `-` för standard ut (inte för docx). Förval: bredvid mötet, med formatets \
             filändelse",
            "Output file; `-` for standard output (not for docx). Default: next to the meeting, \
             with the format's extension",
        ),
        ("export", "pseudonymize") => Label(
            "Ersätt barnets och familjens namn med initialer",
            "Replace the child's and the family's names with initials",
        ),
        ("export", "contacts") => Label(
            "Skriv deltagarnas kontaktuppgifter i protokollet (utelämnas annars; aldrig \
             familjens när det är pseudonymiserat)",
            "Print the participants' contact details in the minutes (left out unless asked; \
             never the family's when pseudonymized)",
        ),
        ("export", "evaluation_per_person") => Label(
            "Visa varje deltagares utvärdering av mötet, med namn (annars visar protokollet \
             den sammanräknad: svar, medelvärde och median per fråga)",
            "Show each participant's evaluation of the meeting, by name (by default the \
             minutes show it summed up: answers, mean and median per question)",
        ),
        ("invite", "meeting") => Label("Mötesfilen", "The meeting file"),
        ("invite", "format") => Label("Formatet", "The format"),
        ("invite", "output") => Label(
            "Utfilen; `-` för standard ut (inte för docx). Förval: bredvid mötet, \
             `MÖTE.kallelse[-VERKSAMHET|-familj].FILÄNDELSE`",
            "Output file; `-` for standard output (not for docx). Default: next to the \
             meeting, `MEETING.kallelse[-ORG|-familj].EXT`",
        ),
        ("invite", "organisation") => Label(
            "En verksamhets exemplar (dess id eller namn)",
            "One organisation's copy (its id or name)",
        ),
        ("invite", "family") => Label(
            "Familjens exemplar, på enkel svenska (eller engelska)",
            "The family's copy, in plain language",
        ),
        ("invite", "pseudonymize") => Label(
            "Ersätt barnets och familjens namn med initialer",
            "Replace the child's and the family's names with initials",
        ),
        ("invite", "sent") => Label(
            "Anteckna i mötet att kallelsen skickades i dag",
            "Record in the meeting that the kallelse was sent today",
        ),
        ("invite", "today") => Label(
            "Bedöm en sen kallelse per denna dag i stället för i dag",
            "Judge a late kallelse as of this day instead of today",
        ),
        ("followup", "file") => Label(
            "Det justerade protokollets mötesfil",
            "The finalized minutes' meeting file",
        ),
        ("followup", "date") => Label(
            "Uppföljningens datum (förval: datumet protokollet bestämde, annars i dag)",
            "The follow-up's date (default: the follow-up date the minutes set, else today)",
        ),
        ("followup", "branch") => Label(
            "Starta en andra uppföljning av samma protokoll, som en gren av planen",
            "Start a second follow-up of the same minutes, as a branch of the plan",
        ),
        ("followups", "format") => Label("Rapportens form", "The report's form"),
        ("followups", "until") => Label(
            "Ta med det som förfaller till och med detta datum (förval: fyra veckor från i dag)",
            "Include what falls due up to this date (default: four weeks from today)",
        ),
        ("followups", "by") => Label(
            "Gruppera per verksamhet, så att en enhetschef ser sitt",
            "Group by organisation, so a unit head sees their own",
        ),
        ("followups", "check") => Label(
            "Slutkod 1 när något är försenat (för ett schemalagt jobb); annars 0",
            "Exit 1 when anything is overdue (for a scheduled job); else the report exits 0",
        ),
        ("followups", "today") => Label(
            "Bedöm «försenat» per denna dag i stället för i dag",
            "Judge \"overdue\" as of this day instead of today",
        ),
        ("completions", "shell") => Label("Skalet", "The shell"),
        ("help", "subcommand") => Label("Kommandot", "The command"),
        _ => return None,
    })
}

/// The placeholder for an option's value in the help, by its English name.
pub fn value_name(name: &str) -> Option<Label> {
    Some(match name {
        "ID|PATH" => Label("ID|SÖKVÄG", "ID|PATH"),
        "TITLE" => Label("TITEL", "TITLE"),
        "MEETING.ron" => Label("MÖTE.ron", "MEETING.ron"),
        "MEETING" => Label("MÖTE", "MEETING"),
        "FILE" => Label("FIL", "FILE"),
        "OUT" => Label("UT", "OUT"),
        "ORGANISATION" => Label("VERKSAMHET", "ORGANISATION"),
        "DIR" => Label("MAPP", "DIR"),
        "YYYY-MM-DD" => Label("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
        "LANG" => Label("SPRÅK", "LANG"),
        "THEME" => Label("TEMA", "THEME"),
        "FORMAT" => Label("FORMAT", "FORMAT"),
        "BY" => Label("EFTER", "BY"),
        "SHELL" => Label("SKAL", "SHELL"),
        "COMMAND" => Label("KOMMANDO", "COMMAND"),
        _ => return None,
    })
}

// The help's own words.
pub const HELP_LONG: Label = Label(
    "Visa hjälpen (en sammanfattning med «-h»)",
    "Print help (see a summary with '-h')",
);
pub const USAGE: Label = Label("Användning:", "Usage:");
pub const OPTIONS: Label = Label("Flaggor", "Options");
pub const ARGUMENTS: Label = Label("Argument", "Arguments");
pub const COMMANDS: Label = Label("Kommandon", "Commands");
/// Usage's placeholders, as clap writes them, and in Swedish.
pub const USAGE_WORDS: [(&str, Label); 3] = [
    ("[OPTIONS]", Label("[FLAGGOR]", "[OPTIONS]")),
    ("<COMMAND>", Label("<KOMMANDO>", "<COMMAND>")),
    ("[COMMAND]", Label("[KOMMANDO]", "[COMMAND]")),
];
/// After an option's help: its values, its environment variable, its default.
pub const VALUES: Label = Label("värden", "possible values");
pub const ENV: Label = Label("miljövariabel", "env");
pub const DEFAULT: Label = Label("förval", "default");

// Errors in the command line: `{}` are filled in order.
pub const ERROR: Label = Label("fel", "error");
pub const INVALID_VALUE: Label = Label(
    "«{}» är inget giltigt värde för «{}»",
    "invalid value '{}' for '{}'",
);
pub const POSSIBLE: Label = Label("möjliga värden", "possible values");
pub const UNKNOWN_ARGUMENT: Label = Label("okänt argument «{}»", "unexpected argument '{}' found");
pub const UNKNOWN_COMMAND: Label = Label("okänt kommando «{}»", "unrecognized subcommand '{}'");
pub const DID_YOU_MEAN: Label = Label("menade du «{}»?", "did you mean '{}'?");
pub const MISSING: Label = Label(
    "det här måste anges men saknas:",
    "the following required arguments were not provided:",
);
pub const MISSING_COMMAND: Label = Label("ett kommando behövs", "a subcommand is required");
pub const CONFLICT: Label = Label(
    "«{}» kan inte användas tillsammans med «{}»",
    "the argument '{}' cannot be used with '{}'",
);
pub const WRONG_NUMBER: Label = Label(
    "fel antal värden för «{}»",
    "wrong number of values for '{}'",
);
pub const NEEDS_VALUE: Label = Label("«{}» behöver ett värde", "a value is required for '{}'");
pub const NOT_UTF8: Label = Label(
    "ett argument är inte giltig UTF-8",
    "an argument is not valid UTF-8",
);
pub const MORE_HELP: Label = Label(
    "Mer hjälp: «{} --help».",
    "For more information, try '{} --help'.",
);

// `samsyn check`.
pub const CHECK_DIRECTORY: Label = Label(
    "katalog med {} verksamheter",
    "directory of {} organisations",
);
pub const CHECK_AGENDA: Label = Label("agenda", "agenda");
pub const CHECK_CHANGED: Label = Label(
    "ÄNDRAT EFTER JUSTERING: innehållet stämmer inte med det justerade protokollets kontrollsumma",
    "CHANGED AFTER FINALIZING: the content does not match the finalized minutes' hash",
);
pub const CHECK_BLOCKS: Label = Label("hindrar", "blocks");
pub const CHECK_WARNING: Label = Label("varning", "warning");
/// The summary line of minutes changed after finalizing (never "finalized").
pub const CHECK_CHANGED_STATUS: Label = Label("ÄNDRAT EFTER JUSTERING", "CHANGED AFTER FINALIZING");
pub const CHECK_FINALIZED_BROKEN: Label = Label(
    "JUSTERAT MEN UPPFYLLER INTE REGLERNA",
    "FINALIZED BUT BREAKS THE RULES",
);
pub const CHECK_FINALIZED: Label = Label("justerat", "finalized");
pub const CHECK_READY: Label = Label("kan justeras", "ready to finalize");
pub const CHECK_NOT_READY: Label = Label("kan inte justeras", "cannot be finalized");
pub const CHECK_BLOCKING: Label = Label("hinder", "blocking");
pub const CHECK_WARNINGS: Label = Label("varningar", "warnings");
pub const CHECK_UNKNOWN_AGENDA: Label = Label(
    "agenda.id: okänd agenda {}; ange agendans fil på samma kommandorad",
    "agenda.id: unknown agenda {}; name its file on the same command line",
);

// `samsyn export`.
pub const EXPORT_UNKNOWN_AGENDA: Label = Label(
    "agenda.id: okänd agenda {}; lägg agendans fil i mappen för egna agendor",
    "agenda.id: unknown agenda {}; put its file in the user agenda directory",
);
pub const EXPORT_BREAKS_RULES: Label = Label(
    "det justerade protokollet uppfyller inte reglerna: {}",
    "the finalized minutes break the rules: {}",
);

// What the commands say besides `check`: `export`, `invite`, `followup`, `followups`,
// `agendas`.
pub const INVITE_FAMILY_AND_FOR: Label = Label(
    "--family och --for kan inte anges samtidigt",
    "--family and --for cannot be given together",
);
pub const EXPORT_CHANGED: Label = Label(
    "ändrat efter justering: innehållet stämmer inte med det justerade protokollets kontrollsumma; exporteras inte",
    "changed after finalizing: the content does not match the finalized minutes' hash; not exported",
);
pub const EXPORT_DOCX_STDOUT: Label = Label(
    "ett Word-dokument kan inte skrivas till standard ut; ange en fil med -o",
    "a Word document cannot be written to standard output; name a file with -o",
);
pub const EXPORT_OVER_MEETING: Label = Label(
    "skulle skriva över mötesfilen; välj en annan fil med -o",
    "would overwrite the meeting file; name another file with -o",
);
pub const EXPORT_NOT_FILE: Label = Label(
    "är ingen vanlig fil; protokollet skrivs bara till en vanlig fil eller en ny sökväg (-o - för standard ut)",
    "is not a regular file; the minutes are written only to a regular file or a new path (-o - for standard output)",
);
pub const FOLLOWUP_NO_AGENDA: Label = Label(
    "uppföljningens agenda finns inte:",
    "the follow-up's agenda is not installed:",
);
pub const FOLLOWUP_STARTED: Label = Label(
    "uppföljningen av detta protokoll är redan påbörjad:",
    "the follow-up of these minutes is already started:",
);
pub const FOLLOWUP_BRANCH_HINT: Label = Label(
    "--branch startar en andra, som en gren av planen",
    "--branch starts a second one, as a branch of the plan",
);
pub const FOLLOWUP_NONE: Label = Label(
    "ingen uppföljning kan startas",
    "no follow-up can be started",
);
pub const FOLLOWUP_BRANCH_WARNING: Label = Label(
    "varning: en andra uppföljning av samma protokoll (en gren av planen)",
    "warning: a second follow-up of the same minutes (a branch of the plan)",
);
pub const FOLLOWUPS_DRAFT: Label = Label(" [utkast]", " [draft]");
pub const FOLLOWUPS_NOTHING: Label =
    Label("Inget behöver uppmärksamhet.", "Nothing needs attention.");
pub const FOLLOWUPS_NO_ORG: Label = Label("(ingen verksamhet)", "(no organisation)");
pub const AGENDA_BUILT_IN: Label = Label("inbyggd", "built-in");
pub const AGENDA_PHASES: Label = Label("faser", "phases");

pub const STANDARD_OUTPUT: Label = Label("standard ut", "standard output");
pub const NO_TERMINAL: Label = Label("terminalen går inte att använda", "cannot use the terminal");

/// `template` with each `{}` replaced by the next of `values`.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out += &rest[..at];
        out += values.next().copied().unwrap_or("");
        rest = &rest[at + 2..];
    }
    out + rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_the_values_in_order() {
        assert_eq!(fill("«{}» för «{}»", &["x", "--lang"]), "«x» för «--lang»");
        assert_eq!(fill("inget", &["x"]), "inget");
        assert_eq!(fill("{} och {}", &["a"]), "a och ");
    }
}
