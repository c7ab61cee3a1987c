//! Every word the screen shows, in Swedish and English, in one table. Messages with
//! blanks use `{}` and are filled with `fill`.

use super::Lang;

macro_rules! strings {
    ($($name:ident => $sv:expr, $en:expr;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($name),* }
        impl T {
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(T::$name => lang.pick($sv, $en)),* }
            }
        }
    };
}

/// `template` with each `{}` replaced by the next argument.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::new();
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        out.push_str(args.get(i).copied().unwrap_or(""));
        out.push_str(part);
    }
    out
}

/// "A", "A och B", "A, B och C" ("and" in English).
pub fn and_list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{}{last}", rest.join(", "), super::terms::and(lang)),
    }
}

strings! {
    // Commands: short (footer) and long (help).
    CmdQuit => "avsluta", "quit";
    CmdQuitLong => "Avsluta. Allt är redan sparat.", "Quit. Everything is already saved.";
    CmdHelp => "hjälp", "help";
    CmdHelpLong => "Visa alla tangenter för den här vyn.", "Show every key for this view.";
    CmdProblems => "problem", "problems";
    CmdProblemsLong => "Lista det som hindrar justering och varningarna; Enter går dit.", "List what blocks finalizing and the warnings; Enter goes there.";
    CmdPrivacy => "initialer", "initials";
    CmdPrivacyLong => "Integritetsläge: visa barnets och familjens namn som initialer.", "Privacy mask: show the child's and the family's names as initials.";
    CmdPrompts => "stödfrågor", "prompts";
    CmdPromptsLong => "Visa eller dölj samtalsledarens stödfrågor för fasen.", "Show or hide the facilitator's prompts for this phase.";
    CmdNext => "nästa fas", "next phase";
    CmdNextLong => "Gå till nästa fas (faserna kan tas i valfri ordning).", "Go to the next phase (phases can be taken in any order).";
    CmdPrev => "förra fasen", "previous phase";
    CmdPrevLong => "Gå till föregående fas.", "Go to the previous phase.";
    CmdSelect => "välj rad", "select";
    CmdSelectLong => "Markera raden ovanför eller nedanför.", "Select the row above or below.";
    NotPresent => "{} är inte närvarande.", "{} is not present.";
    NotPresentMany => "{} är inte närvarande.", "{} are not present.";
    WhyNoMandate => "{} har inget beslutsmandat.", "{} has no mandate to decide.";
    WhyNoMandateMany => "{} har inget beslutsmandat.", "{} have no mandate to decide.";
    WhyFamily => "{} hör till familjen och kan bara besluta om sina egna åtgärder (en vårdnadshavare också om familjens och barnets).", "{} is family and can only decide their own measures (a guardian also the family's and the child's).";
    WhyFamilyMany => "{} hör till familjen och kan bara besluta om sina egna åtgärder (en vårdnadshavare också om familjens och barnets).", "{} are family and can only decide their own measures (a guardian also the family's and the child's).";
    WhyOtherOrg => "{} tillhör {} och kan inte besluta för en annan verksamhet.", "{} belongs to {} and cannot decide for another organisation.";
    WhyOtherOrgMany => "{} tillhör {} och kan inte besluta för en annan verksamhet.", "{} belong to {} and cannot decide for another organisation.";
    CmdUp => "upp", "up";
    CmdUpLong => "Markera raden ovanför.", "Select the row above.";
    CmdDown => "ner", "down";
    CmdDownLong => "Markera raden nedanför.", "Select the row below.";
    CmdAdd => "lägg till", "add";
    CmdAddLong => "Lägg till en ny rad.", "Add a new row.";
    CmdEdit => "redigera", "edit";
    CmdEditLong => "Redigera den markerade raden.", "Edit the selected row.";
    CmdDelete => "ta bort", "delete";
    CmdDeleteLong => "Ta bort den markerade raden (frågar först).", "Delete the selected row (asks first).";
    CmdDetails => "mötesuppgifter", "meeting details";
    CmdStartFollowUp => "starta uppföljning", "start follow-up";
    CmdStartFollowUpLong => "Starta uppföljningen av det justerade protokollet: planen följer med för genomgång.", "Start the follow-up of the finalized minutes: the plan comes along for review.";
    FollowUpStarted => "Uppföljningen är startad: {}", "The follow-up is started: {}";
    NotFollowable => "Ingen uppföljning kan startas: {}", "No follow-up can be started: {}";
    AlreadyFollowed => "Uppföljningen av detta protokoll är redan påbörjad: {}", "The follow-up of these minutes is already started: {}";
    NeedsAttention => "Att följa upp ({})", "Needs attention ({})";
    MoreAttention => "… och {} till: samsyn followups visar alla",
        "… and {} more: samsyn followups lists them all";
    CmdTakeIn => "ta in ändringen", "take in the amendment";
    CmdTakeInLong => "Förra mötet har ändrats och justerats igen: läs in den nya versionen; det som redan sagts om varje insats står kvar.", "The previous meeting was amended and finalized again: read in the new version; what was said of each action stays.";
    TookIn => "Den ändrade versionen av förra mötet är inläst.", "The amended version of the previous meeting is taken in.";
    FinalizedMinutes => "Justerade protokoll", "Finalized minutes";
    CmdOrganisation => "ny verksamhet", "new organisation";
    CmdOrganisationLong => "Lägg till en verksamhet med huvudman och uppdrag.", "Add an organisation with its huvudman and mission.";
    CmdDetailsLong => "Titel, ärende, datum, plats, samtalsledare, huvudperson.", "Title, case, date, place, facilitator, subject.";
    CmdNeed => "nytt behov", "new need";
    CmdNeedLong => "Lägg till ett behov.", "Add a need.";
    CmdDisagreement => "ny oenighet", "new disagreement";
    CmdDisagreementLong => "Skriv ner en oenighet (den döljs inte).", "Record a disagreement (it is not hidden).";
    CmdClosePlan => "avsluta planen", "close the plan";
    CmdClosePlanLong => "Avsluta planen i stället för ny uppföljning; kräver skäl.", "Close the plan instead of a new follow-up; needs a reason.";
    CmdFinalize => "justera", "finalize";
    CmdFinalizeLong => "Justera protokollet: låser det. Vägras med skälen om något saknas.", "Finalize the minutes: locks them. Refused with the reasons if anything is missing.";
    // At the table: the meeting's clock, the plan read back.
    CmdPause => "paus", "break";
    CmdPauseLong => "Paus (fika): fasens och mötets klocka står still tills du trycker igen.", "Break (fika): the phase's and the meeting's clock stand still until pressed again.";
    CmdPhaseTime => "rätta tiden", "correct time";
    CmdPhaseTimeLong => "Rätta tiden som räknats i fasen, och räkna med tiden mötet var stängt om ni vill.", "Correct the time counted in the phase, and count the time the meeting was closed if you wish.";
    CmdReadBack => "läs upp", "read back";
    CmdReadBackLong => "Läs upp planen för alla på storskärmen innan ni justerar: vem gör vad till när, vem har beslutat, vad som inväntas, huvudansvar och nästa möte. Bekräfta varje insats vid bordet.", "Read the plan back to everyone on the big screen before finalizing: who does what by when, who decided, what is awaited, the overall responsibility and the next meeting. Confirm each action at the table.";
    CmdMarkConfirmed => "bekräftat", "confirmed";
    CmdMarkConfirmedLong => "Markera insatsen som bekräftad vid bordet (eller ta bort markeringen) och gå till nästa.", "Mark the action as confirmed at the table (or take the mark away) and go to the next.";
    CmdNextPage => "nästa sida", "next page";
    CmdNextPageLong => "Nästa sida.", "The next page.";
    CmdPrevPage => "förra sidan", "previous page";
    CmdPrevPageLong => "Förra sidan.", "The previous page.";
    FPart => "Del av mötet", "Part of the meeting";
    PartWhole => "hela mötet", "the whole meeting";
    PartOnly => "bara under «{}»", "only during «{}»";
    PartCustom => "kom senare eller gick tidigare", "joined late or left early";
    FJoined => "Kom (tid eller fas)", "Joined (time or phase)";
    FLeftAt => "Gick (tid eller fas)", "Left (time or phase)";
    BadMoment => "«{}»: skriv en tid (14:30) eller en fas (numret eller namnet).", "«{}»: type a time (14:30) or a phase (its number or name).";
    NeedMoment => "Skriv när hen kom eller när hen gick.", "Type when they joined or when they left.";
    MeetingClock => "mötet {}/{} min", "meeting {}/{} min";
    Paused => "PAUS", "BREAK";
    PausedNow => "Paus: klockan står still. {} igen när ni fortsätter.", "Break: the clock stands still. {} again when you go on.";
    ClockRuns => "Klockan går igen.", "The clock runs again.";
    ClosedFor => "Stängt i {} min, räknas inte ({} rättar)", "Closed {} min, not counted ({} corrects)";
    PhaseTimeForm => "Tid i fasen «{}»", "Time in the phase «{}»";
    FPhaseMinutes => "Minuter i fasen", "Minutes in the phase";
    FAddClosed => "Räkna med tiden stängt", "Count the time closed";
    AddClosedName => "Räkna med de {} min mötet var stängt", "Count the {} min the meeting was closed";
    BadMinutes => "«{}»: skriv minuter, t.ex. 12 eller 12:30.", "«{}»: type minutes, e.g. 12 or 12:30.";
    ReadBackTitle => "Planen läses upp", "The plan read back";
    ReadBackPage => "sida {} av {}", "page {} of {}";
    ReadBackDoes => "Gör", "Does";
    ReadBackByWhen => "Till när", "By when";
    ReadBackFrom => "från {}", "from {}";
    ReadBackDecidedBy => "Beslutat av", "Decided by";
    ReadBackAwaited => "Beslut inväntas från", "Decision awaited from";
    ReadBackDecideBy => "senast {}", "by {}";
    ReadBackConfirmed => "✓ Bekräftat vid bordet", "✓ Confirmed at the table";
    ReadBackUnconfirmed => "○ Inte bekräftat ännu", "○ Not confirmed yet";
    ReadBackAsk => "Fråga {}: stämmer det, och vet du vad du ska göra?", "Ask {}: is this right, and do you know what to do?";
    ReadBackWhole => "Helheten", "The whole plan";
    ReadBackAwaitedHeading => "Vad som inväntas", "What is awaited";
    ReadBackNothingAwaited => "Inga beslut inväntas.", "No decisions are awaited.";
    ReadBackNext => "Nästa möte", "We meet again";
    ReadBackConvener => "sammankallande {}", "convened by {}";
    ReadBackTally => "{} av {} insatser bekräftade vid bordet.", "{} of {} actions confirmed at the table.";
    ReadBackQuestion => "Har alla förstått vem som gör vad?", "Has everyone understood who does what?";
    ReadBackNoActions => "Inga insatser eller åtgärder ännu.", "No actions yet.";
    ReadBackContinued => "(forts.)", "(cont.)";
    ReadBackNoDate => "inget datum", "no date";
    ReadBackReadOnly => "Protokollet är justerat: bekräftelserna kan bara läsas.", "The minutes are finalized: the confirmations can only be read.";
    PressReadBack => "{} läser upp planen för alla · {} justerar när allt är klart", "{} reads the plan back to everyone · {} finalizes when all is done";
    CmdAmend => "ändra justerat", "amend";
    CmdAmendLong => "Öppna det justerade protokollet för ändring; kräver skäl och sparar förra versionen.", "Open the finalized minutes for change; needs a reason and keeps the previous version.";
    CmdOpen => "öppna", "open";
    CmdOpenLong => "Öppna mötet, eller starta ett nytt möte från agendan.", "Open the meeting, or start a new meeting from the agenda.";
    CmdHeard => "hörd", "heard";
    CmdHeardLong => "Talarrunda: markera deltagare nr 1–9 som hörd (igen: ta bort).", "Speaking round: mark participant 1–9 as heard (again: unmark).";
    CmdHeardSelected => "hörd", "heard";
    CmdHeardSelectedLong => "Talarrunda: markera den markerade deltagaren som hörd (igen: ta bort).", "Speaking round: mark the selected participant as heard (again: unmark).";
    CmdSave => "spara", "save";
    CmdSaveLong => "Spara formuläret (Enter i sista fältet sparar också).", "Save the form (Enter in the last field saves too).";
    CmdCancel => "avbryt", "cancel";
    CmdCancelLong => "Stäng formuläret utan att ändra något.", "Close the form without changing anything.";
    CmdNextField => "nästa fält", "next field";
    CmdNextFieldLong => "Gå till nästa fält.", "Go to the next field.";
    CmdPrevField => "förra fältet", "previous field";
    CmdPrevFieldLong => "Gå till föregående fält.", "Go to the previous field.";
    CmdChoose => "välj", "choose";
    CmdChooseLong => "Byt val i ett valfält (◀ ▶) med ←/→; mellanslag kryssar i en ruta.", "Change a choice field (◀ ▶) with ←/→; Space ticks a box.";
    CmdNewLine => "ny rad", "new line";
    CmdNewLineLong => "Ny rad i en text med flera rader; Ctrl+S sparar formuläret.", "A new line in a text of several lines; Ctrl+S saves the form.";
    CmdFind => "sök bland valen", "find a choice";
    CmdFindLong => "I ett valfält: skriv en del av namnet så väljs det som heter så (Backspace ändrar, Esc ångrar).", "In a choice field: type part of a name and the option so named is chosen (Backspace edits, Esc undoes).";
    CmdClearToStart => "radera till början", "clear to start";
    CmdClearToStartLong => "Radera texten från markören till radens början.", "Delete the text from the cursor to the start of the line.";
    CmdClearToEnd => "radera till slutet", "clear to end";
    CmdClearToEndLong => "Radera texten från markören till radens slut.", "Delete the text from the cursor to the end of the line.";
    CmdDeleteWord => "radera ord", "delete word";
    CmdDeleteWordLong => "Radera ordet före markören.", "Delete the word before the cursor.";
    CmdLineStartEnd => "radens början/slut", "start/end of line";
    CmdLineStartEndLong => "Flytta markören till radens början eller slut.", "Move the cursor to the start or the end of the line.";
    CmdWordLeftRight => "ett ord i taget", "word by word";
    CmdWordLeftRightLong => "Flytta markören ett ord bakåt eller framåt.", "Move the cursor one word back or forward.";
    CmdScrollNote => "bläddra i texten", "scroll the note";
    CmdScrollNoteLong => "Bläddra i en lång text under ett fält (varför någon inte kan besluta).", "Scroll a long note under a field (why someone cannot decide).";
    FindTyped => "Sök: {}", "Find: {}";
    FindNone => "Sök: {} — inget val heter så (Backspace ändrar, Esc ångrar)", "Find: {} — no option is called that (Backspace edits, Esc undoes)";
    PromptsShown => "{} av {}", "{} of {}";
    MoreBelow => "fler fält nedanför ↓", "more below ↓";
    MoreAbove => "fler fält ovanför ↑", "more above ↑";
    OnlyOneChoice => "Här finns bara ett val.", "There is only one choice here.";
    CmdConfirm => "bekräfta", "confirm";
    CmdConfirmLong => "Bekräfta.", "Confirm.";
    CmdRejectLong => "Svara nej på frågan.", "Answer no to the question.";
    CmdJump => "gå dit", "go there";
    CmdJumpLong => "Gå till fasen och raden problemet gäller.", "Go to the phase and row the problem refers to.";
    CmdClose => "stäng", "close";
    CmdCloseLong => "Stäng rutan.", "Close this box.";

    // Frame.
    Draft => "UTKAST", "DRAFT";
    Finalized => "JUSTERAT", "FINALIZED";
    BlockingCount => "{} hindrar justering", "{} blocking";
    WarningCount => "{} varningar", "{} warnings";
    OneWarning => "1 varning", "1 warning";
    ReadyToFinalize => "kan justeras", "ready to finalize";
    Masked => "INITIALER", "INITIALS";
    MaskEditing => "(visas medan du skriver)", "(shown while you type)";
    MaskHidden => "(initialer – skriv för att ändra)", "(initials – type to change)";
    Saved => "sparat {}", "saved {}";
    SaveFailed => "KUNDE INTE SPARA: {}", "COULD NOT SAVE: {}";
    // The save path: the background writer, a save that fails, quitting with unsaved work.
    Saving => "sparar…", "saving…";
    SaveRetrying => "ändringen finns kvar här och sparas så fort det går", "the change is kept here and saved as soon as it can be";
    TooLargeRefused => "Ändringen sparas inte: mötet skulle bli {} MB, mer än de {} MB en mötesfil får rymma. Korta texten.", "The change is not saved: the meeting would be {} MB, more than the {} MB a meeting file may hold. Shorten the text.";
    QuitUnsavedTitle => "Mötet är inte sparat", "The meeting is not saved";
    QuitUnsaved => "Mötet kunde inte sparas i sin fil ({}). Om du avslutar nu förloras det som ändrats sedan det senast sparades ({}).", "The meeting could not be saved to its file ({}). Quitting now loses what changed since it was last saved ({}).";
    QuitUnsavedChoices => "Enter: spara mötet någon annanstans · n: avsluta ändå utan att spara · Esc: stanna kvar (samsyn försöker spara igen)", "Enter: save the meeting elsewhere · n: quit anyway without saving · Esc: stay (samsyn keeps trying to save)";
    NeverSaved => "när mötet öppnades", "when the meeting was opened";
    SaveElsewhereForm => "Spara mötet någon annanstans", "Save the meeting elsewhere";
    SaveElsewhereIntro => "Skriv en ny fil eller en mapp; en fil som redan finns skrivs aldrig över.", "Type a new file or a folder; a file that exists is never written over.";
    FSaveTo => "Spara som", "Save as";
    SaveElsewhereFailed => "Kunde inte spara där: {}", "Could not save there: {}";
    SaveElsewhereExists => "{} finns redan; välj ett annat namn (inget skrivs över).", "{} already exists; choose another name (nothing is written over).";
    SavedElsewhere => "samsyn: mötet är sparat i {} (dess egen fil {} kunde inte skrivas: {})", "samsyn: the meeting is saved in {} (its own file {} could not be written: {})";
    ExitUnsaved => "samsyn: MÖTET ÄR INTE SPARAT: {}. Filen {} har versionen som sparades senast ({}).", "samsyn: THE MEETING IS NOT SAVED: {}. The file {} holds the version saved last ({}).";
    ExitDraftAt => "samsyn: text som skrevs i ett formulär finns i {}; att öppna mötet erbjuder den igen.", "samsyn: text typed in a form is kept in {}; opening the meeting offers it back.";
    ExitSignal => "samsyn: avslutat av signal {}; mötet är sparat i {}.", "samsyn: ended by signal {}; the meeting is saved in {}.";
    LinkResolved => "Öppnat via en länk: mötet sparas i filen länken pekar på, {}.", "Opened through a link: the meeting is saved in the file the link points to, {}.";
    DraftTooLarge => "Osparad text i {} är {} MB, större än en osparad text får vara; den öppnas inte men ligger kvar.", "Unsaved text in {} is {} MB, larger than unsaved text may be; it is not opened but kept.";
    Of => "av {} min", "of {} min";
    Caution => "SNART SLUT", "NEARLY OUT";
    OverTime => "ÖVER TID", "OVER TIME";
    PhaseTime => "i fasen", "in phase";
    Clock => "klockan", "clock";
    Prompts => "Stödfrågor", "Prompts";
    TooSmall => "Terminalen är för liten: behöver 80×24, nu {}×{}.", "Terminal too small: need 80×24, now {}×{}.";
    DraftTitle => "Osparad text", "Unsaved text";
    DraftOffer => "Återställ osparad text från {}? (j/n)", "Restore unsaved text from {}? (y/n)";
    DraftOfferHint => "j = öppna formuläret med texten igen, n = kasta texten.", "y = reopen the form with the text, n = discard the text.";
    DraftRestored => "Texten är återställd men inte sparad: Ctrl+S sparar.", "The text is restored but not saved: Ctrl+S saves it.";
    DraftDiscarded => "Den osparade texten är kastad.", "The unsaved text was discarded.";
    DraftUnfit => "Osparad text från {} hörde till något som inte längre finns; den är kastad.", "Unsaved text from {} belonged to something that no longer exists; it was discarded.";
    DraftUnreadable => "Osparad text kunde inte läsas och är kastad ({}).", "Unsaved text could not be read and was discarded ({}).";
    DraftFailed => "Kunde inte skriva osparad text: {}", "Could not write the unsaved text: {}";
    TooSmallHint => "Gör fönstret större; inget är förlorat.", "Make the window larger; nothing is lost.";
    Tampered => "Skrivskyddat: protokollet har ändrats efter justeringen (kontrollsumman stämmer inte). Jämför med den justerade versionen.", "Read-only: the minutes were changed after finalizing (the hash does not match). Compare with the finalized version.";
    ReadOnly => "Justerat av {} {} — skrivskyddat. Tryck {} för att ändra (kräver skäl).", "Finalized by {} {} — read-only. Press {} to amend (needs a reason).";
    HelpTitle => "Hjälp — tangenter (↑↓ rullar)", "Help — keys (↑↓ scrolls)";
    LegendStepper => "Överst: faserna; [3 ▸ …] är där ni är, ✓ har innehåll, · är tom.", "At the top: the phases; [3 ▸ …] is where you are, ✓ has content, · is empty.";
    LegendStatus => "Statusraden: ✖ räknar det som hindrar justering, ⚠ varningarna (p visar dem).", "The status line: ✖ counts what blocks finalizing, ⚠ the warnings (p lists them).";
    LegendTimer => "Den stora klockan: tid i fasen mot tidsramen; SNART SLUT vid 80 %, ÖVER TID efter.", "The large timer: time in the phase against its time box; NEARLY OUT at 80 %, OVER TIME after.";
    HelpIntro => "Allt sparas direkt. Faserna kan tas i valfri ordning. Esc stänger.", "Everything is saved at once. Phases can be taken in any order. Esc closes.";
    ProblemsTitle => "Problem", "Problems";
    NoProblems => "Inga problem: protokollet kan justeras.", "No problems: the minutes can be finalized.";
    BlocksLabel => "HINDER", "BLOCKS";
    WarnLabel => "varning", "warning";
    RefusedTitle => "Kan inte justera ännu", "Cannot finalize yet";
    RefusedIntro => "Detta måste åtgärdas först (Enter går dit):", "This must be fixed first (Enter goes there):";
    ConfirmTitle => "Bekräfta", "Confirm";
    ConfirmDelete => "Ta bort «{}»? Enter = ta bort, Esc = behåll.", "Delete «{}»? Enter = delete, Esc = keep.";
    CannotDelete => "Kan inte ta bort {}: nämns i {}. Ändra där först.", "Cannot delete {}: named in {}. Change that first.";
    InAction => "insats «{}»", "action «{}»";
    ConfirmDeleteParticipant => "Deltagarens markeringar i talarrundan och utvärdering tas också bort.", "The participant's speaking-round marks and evaluation are removed too.";
    NotSupported => "Fasen «{}» (genomgång av förra mötets insatser) stöds inte ännu. Anteckningar kan skrivas med Enter.", "The phase «{}» (review of the previous meeting's actions) is not yet supported. Notes can be written with Enter.";
    Empty => "Inget skrivet ännu. Tryck {} för att lägga till.", "Nothing written yet. Press {} to add.";
    EmptyText => "Inget skrivet ännu. Tryck {} för att skriva.", "Nothing written yet. Press {} to write.";
    SpeakingRound => "Talarrunda", "Speaking round";
    NotYetHeard => "ej hörda: {}", "not yet heard: {}";
    AllHeard => "alla närvarande är hörda", "everyone present has been heard";
    Notes => "Anteckningar", "Notes";
    ConfirmDiscard => "Det du skrivit är inte sparat. Esc igen kastar det; Ctrl+S sparar.", "What you typed is not saved. Esc again discards it; Ctrl+S saves.";
    ChooseHint => "Välj med ←/→", "Choose with ←/→";
    PressHelp => "Tryck {} för hjälp", "Press {} for help";
    FormErrorPrefix => "Kan inte spara: ", "Cannot save: ";

    // Start screen.
    StartTitle => "samsyn — gemensam bild", "samsyn — shared view";
    Archive => "Möten i arkivet ({})", "Meetings in the archive ({})";
    NoMeetings => "Inga möten ännu. Välj en agenda nedan och tryck Enter.", "No meetings yet. Choose an agenda below and press Enter.";
    Agendas => "Starta nytt möte från agenda", "Start a new meeting from an agenda";
    Unreadable => "kan inte läsas: {}", "cannot be read: {}";
    Phases => "faser", "phases";

    // Forms.
    NewMeeting => "Nytt möte", "New meeting";
    MeetingDetails => "Mötesuppgifter", "Meeting details";
    Participant => "Deltagare", "Participant";
    ConsentForm => "Samtycke", "Consent";
    GoalForm => "Mål", "Goal";
    NeedForm => "Behov", "Need";
    ActionForm => "Insats eller åtgärd", "Intervention or measure";
    SummaryForm => "Huvudansvar och samordnare", "Overall responsibility and coordinator";
    DisagreementForm => "Oenighet", "Disagreement";
    FollowUpForm => "Uppföljning", "Follow-up";
    ClosePlanForm => "Avsluta planen", "Close the plan";
    EvaluationHeading => "Utvärdering", "Evaluation";
    EvaluationForm => "Utvärdering: {}", "Evaluation: {}";
    FinalizeForm => "Justera protokollet", "Finalize the minutes";
    FinalizeIntro => "Protokollet låses och blir skrivskyddat. Enter justerar, Esc avbryter.", "The minutes are locked and become read-only. Enter finalizes, Esc cancels.";
    FinalizeWarnings => "Varningar ({}), hindrar inte justering:", "Warnings ({}), they do not block finalizing:";
    AmendForm => "Ändra justerat protokoll", "Amend finalized minutes";
    AmendIntro => "Den justerade versionen sparas bredvid; skälet skrivs i revisionsloggen. Ctrl+S ändrar, Esc avbryter.", "The finalized version is kept next to it; the reason goes in the revision log. Ctrl+S amends, Esc cancels.";

    FTitle => "Titel", "Title";
    FCaseRef => "Ärende (pseudonym)", "Case (pseudonym)";
    FDateTime => "Datum och tid", "Date and time";
    FPlace => "Plats / videolänk", "Place / video link";
    FFacilitator => "Samtalsledare", "Facilitator";
    FNoteTaker => "Sekreterare", "Note-taker";
    FInitiator => "Initiativtagare", "Initiator";
    FSubjectName => "Huvudperson (namn)", "Subject (name)";
    FSubjectInitials => "Huvudperson (initialer)", "Subject (initials)";
    FName => "Namn", "Name";
    FRole => "Roll / titel", "Role / title";
    FOrganisation => "Verksamhet", "Organisation";
    FHuvudman => "Huvudman", "Huvudman";
    FNewHuvudman => "Ny verksamhets huvudman", "New organisation's huvudman";
    FOrgNew => "Ny verksamhet (namn)", "New organisation (name)";
    FOrgName => "Namn", "Name";
    FOrgParent => "Del av", "Part of";
    FMission => "Uppdrag (vad verksamheten gör)", "Mission (what it does)";
    FCoDecider => "Beslutar tillsammans med", "Decided together with";
    FGivenByAlso => "Lämnat även av", "Also given by";
    FConsentOrgs => "Verksamheter som får dela", "Organisations that may share";
    FChildView => "Barnets syn på samtycket", "The child's view of the consent";
    FAwaitReason => "Varför beslutet inväntas", "Why the decision is awaited";
    FKind => "Deltar som", "Takes part as";
    FMandate => "Beslutsmandat (tomt = inget)", "Mandate (empty = none)";
    FMandateCosts => "Mandat omfattar kostnader", "Mandate includes costs";
    FAttendance => "Närvaro", "Attendance";
    FDeclineReason => "Skäl till återbud", "Reason for declining";
    FStandIn => "Ersättare", "Stand-in";
    FContact => "Kontakt", "Contact";
    FGivenBy => "Lämnat av", "Given by";
    FGivenByName => "Namn (om annan)", "Name (if other)";
    FScope => "Vad som får delas, och för vad", "What may be shared, and for what";
    FExclusions => "Undantag (gäller inte)", "Exclusions (not covered)";
    FConsentForm => "Form", "Form";
    FDate => "Datum", "Date";
    FValidUntil => "Gäller till", "Valid until";
    FWithdrawn => "Återkallat", "Withdrawn";
    FGoalText => "Mål", "Goal";
    FGoalKind => "Slag", "Kind";
    FIndicator => "Så märker vi framsteg", "How we notice progress";
    FParentGoal => "Delmål till", "Sub-goal of";
    FNeed => "Behov", "Need";
    FWhat => "Vad", "What";
    FPerformer => "Utförare", "Performer";
    FPerformerName => "Utförare (om annan)", "Performer (if other)";
    FDecision => "Beslutat av", "Decided by";
    FGoalLink => "Mål som insatsen tjänar", "Goal it serves";
    FDecisionMaker => "Beslutsfattare (inväntas)", "Decision maker (awaited)";
    FDecisionOrg => "Beslutsfattarens verksamhet", "Decision maker's organisation";
    FDecideBy => "Beslut senast", "Decide by";
    FDeadline => "Till när", "By when";
    FStart => "Startar", "Starts";
    FCostBearer => "Kostnadsansvar", "Cost bearer";
    FFeedbackFrom => "Återkoppling från", "Feedback from";
    FFeedbackTo => "Återkoppling till", "Feedback to";
    FFeedbackBy => "Återkoppling senast", "Feedback by";
    FStatus => "Status", "Status";
    FStatusComment => "Kommentar till status", "Status comment";
    FOverallHuvudman => "Huvudansvarig huvudman", "Overall responsible huvudman";
    FOverallOrg => "Huvudansvarig verksamhet", "Overall responsible organisation";
    FOverallPerson => "Ansvarig person", "Responsible person";
    FCoordinator => "Samordnare", "Coordinator";
    FCoordinatorName => "Samordnare (om annan)", "Coordinator (if other)";
    FText => "Text", "Text";
    FConvener => "Sammankallande", "Convener";
    FConvenerName => "Sammankallande (om annan)", "Convener (if other)";
    FTopics => "Vad följs upp", "What is followed up";
    FReason => "Skäl", "Reason";
    FBy => "Av", "By";
    FFinalizedBy => "Justeras av", "Finalized by";
    FJusterare => "Fler justerare", "Also checked by";
    JusterareNote => "Var och en får en rad att skriva under. Skilj flera med semikolon.", "Each gets a line to sign. Separate several with semicolons.";
    FAmendedBy => "Ändras av", "Amended by";
    FHeardScore => "Kände sig hörd (1–5)", "Felt heard (1–5)";
    FUsefulScore => "Mötet var användbart (1–5)", "The meeting was useful (1–5)";
    FComment => "Kommentar", "Comment";

    ONone => "—", "—";
    OOther => "annan (skriv namn nedan)", "other (write name below)";
    OFamily => "familjen", "the family";
    ONewOrg => "ny verksamhet (skriv namn nedan)", "new organisation (write name below)";
    OFromDirectory => "{} (ur katalogen)", "{} (from the directory)";
    OFamilyOwn => "— familjen (ingen verksamhet)", "— the family (no organisation)";
    OSameOrg => "samma som utför", "the one carrying it out";
    OChooseDecider => "— välj vem som beslutar", "— choose who decides";
    OAwaiting => "Beslut inväntas av … (fyll i nedan)", "Awaiting decision by … (fill in below)";
    Yes => "ja", "yes";
    No => "nej", "no";

    // Form validation.
    NeedName => "skriv ett namn.", "write a name.";
    Personnummer => "«{}» ser ut som ett personnummer. samsyn sparar aldrig personnummer; skriv initialer eller ett ärendenummer.", "«{}» looks like a personnummer. samsyn never stores one; write initials or a case reference.";
    NeedOrganisation => "välj verksamheten, eller «ny verksamhet» och skriv namnet.", "choose the organisation, or «new organisation» and write its name.";
    FamilyNoOrganisation => "en familjemedlem hör inte till någon verksamhet; välj «familjen».", "a family member belongs to no organisation; choose «the family».";
    OverallOnly => "I en SIP har en av huvudmännen det övergripande ansvaret: {}.", "In a SIP one of the huvudmän holds the overall responsibility: {}.";
    PersonNotOfOrg => "{} tillhör inte {}, som har det övergripande ansvaret.", "{} does not belong to {}, which holds the overall responsibility.";
    OrgCircle => "en verksamhet kan inte vara del av en av sina egna enheter.", "an organisation cannot be part of one of its own units.";
    OrgInUse => "{} kan inte tas bort: den nämns av {}.", "{} cannot be deleted: it is named by {}.";
    OrgNameTaken => "det finns redan en verksamhet med namnet «{}».", "there is already an organisation named «{}».";
    NeedText => "skriv något i fältet «{}».", "write something in «{}».";
    NeedPerformer => "välj eller skriv en utförare.", "choose or write a performer.";
    NeedDecider => "ingen här får besluta om denna insats. Välj «beslut inväntas» och ange beslutsfattare, verksamhet och datum.", "nobody here may decide this action. Choose «awaiting decision» and give decision maker, organisation and date.";
    NeedAwaiting => "beslut inväntas kräver beslutsfattare, dennes verksamhet och datum för beslutet.", "an awaited decision needs the decision maker, their organisation and a decide-by date.";
    BadDate => "«{}»: datumet förstås inte. Skriv t.ex. 2026-12-03 14:00, 3/12 14, 3 mars, tisdag, +3v, +6m eller om 2 veckor.", "«{}»: the date is not understood. Write e.g. 2026-12-03 14:00, 3/12 14, 3 March, Tuesday, +3w, +6m or in 2 weeks.";
    CannotDecide => "Kan inte besluta: {}", "Cannot decide: {}";
    DeciderDropped => "{} kan inte längre besluta om insatsen.", "{} can no longer decide this action.";
    ChooseDecider => "välj vem som beslutar, eller «beslut inväntas».", "choose who decides, or «awaiting decision».";
    NeedConvener => "välj eller skriv vem som sammankallar.", "choose or write who convenes.";
    GoalCircle => "målet kan inte vara delmål till sitt eget delmål.", "a goal cannot be a sub-goal of its own sub-goal.";
    NeedReason => "skriv ett skäl.", "write a reason.";
    NeedFinalizer => "skriv vem som justerar.", "write who finalizes.";

    // Views.
    ColMandate => "Mandat", "Mandate";
    NoMandate => "inget", "none";
    Costs => "+kostnader", "+costs";
    ColDecided => "Beslutat av", "Decided by";
    ColWhen => "Till när", "By when";
    AwaitingBy => "Beslut inväntas från: {} ({}), senast {}", "Decision awaited from: {} ({}), by {}";
    InvalidMark => "OGILTIG: {}", "INVALID: {}";
    ValidConsent => "giltigt", "valid";
    InvalidConsent => "INTE GILTIGT", "NOT VALID";
    Until => "till {}", "until {}";
    WorksWell => "Vad fungerar bra", "What works well";
    Worries => "Vad oroar", "What worries us";
    RiskFactors => "Riskfaktorer", "Risk factors";
    ProtectiveFactors => "Skyddsfaktorer", "Protective factors";
    ChildViews => "Barnets synpunkter", "The child's views";
    ChildHow => "Hur synpunkterna inhämtats", "How the views were obtained";
    ChildNotObtained => "Skäl om synpunkterna inte kunde inhämtas", "Why the views could not be obtained";
    ActionsList => "Insatser och åtgärder ({})", "Interventions and measures ({})";
    ParticipantsList => "Deltagare ({})", "Participants ({})";
    FromPlan => "från planen", "from the plan of";
    ReviewsList => "Förra planen, {} av {} genomgångna", "The previous plan, {} of {} reviewed";
    ReviewGoals => "Målen från förra planen", "The goals of the previous plan";
    NotReviewed => "ej genomgången", "not reviewed";
    NotJudged => "ej bedömt", "not judged";
    OverdueDecision => "FÖRSENAT BESLUT {}", "DECISION OVERDUE {}";
    OverdueDeadline => "försenad: {}", "overdue: {}";
    AwaitedFromBy => "beslut inväntades från {}, senast {}", "decision awaited from {}, by {}";
    CarriedTo => "förd till nya planen", "carried into the new plan";
    NoPrevious => "Förra planen finns inte i det här mötet. Starta uppföljningen med «samsyn followup» från det justerade protokollet, så följer varje insats med.", "The previous plan is not in this meeting. Start the follow-up with «samsyn followup» from the finalized minutes, and every action comes along.";
    ChainOf => "Kedja: {}", "Chain: {}";
    ReviewForm => "Genomgång", "Review";
    GoalReviewForm => "Mål från förra planen", "Goal of the previous plan";
    FOutcome => "Hur gick det", "How did it go";
    FDecisionOutcome => "Beslutet", "The decision";
    FDecidedBy => "Beslutat av", "Decided by";
    FDecidedOn => "Beslutsdatum", "Decided on";
    FCarryOver => "Föra till nya planen", "Carry into the new plan";
    FGoalOutcome => "Nått målet", "Goal reached";
    NeedComment => "skriv en kommentar: vad hände, och vad behövs nu?", "write a comment: what happened, and what is needed now?";
    CarriedNote => "Förd till nya planen: välj vem som beslutar och när i fasen Insatser.", "Carried into the new plan: choose who decides and by when in the Actions phase.";
    OrganisationsList => "Verksamheter och uppdrag ({})", "Organisations and missions ({})";
    OrganisationForm => "Verksamhet", "Organisation";
    PartOf => "del av {}", "part of {}";
    NoOrganisationsYet => "Inga verksamheter ännu: de läggs till när en deltagare får sin.", "No organisations yet: they are added with the participants.";
    ConsentsList => "Samtycken ({})", "Consents ({})";
    GoalsHeading => "Mål", "Goals";
    NeedsHeading => "Behov", "Needs";
    Indicator => "märks på: {}", "noticed by: {}";
    Responsibility => "Huvudansvar", "Overall responsibility";
    Coordinator => "Samordnare", "Coordinator";
    Distribution => "Sändlista", "Distribution list";
    DistributionEmpty => "bara deltagarna", "the participants only";
    DistributionIntro => "Vilka får protokollet utöver deltagarna? En per rad (namn eller funktion).", "Who receives the minutes besides the participants? One per line (name or function).";
    NotSet => "inte angivet", "not set";
    FollowUpHeading => "Uppföljning", "Follow-up";
    FollowUpWhen => "När", "When";
    FollowUpWhere => "Var", "Where";
    PlanClosed => "Planen avslutas: {}", "The plan is closed: {}";
    EvalHeard => "hörd {}", "heard {}";
    EvalUseful => "användbart {}", "useful {}";
    NoEvaluation => "ingen utvärdering", "no evaluation";
    FinalizedOk => "Protokollet är justerat (revision {}).", "The minutes are finalized (revision {}).";
    AmendedOk => "Protokollet är öppnat för ändring; förra versionen sparad som {}.", "The minutes are open for change; the previous version is kept as {}.";
    InvitationForm => "Kallelse", "Notice of meeting";
    InvitationIntro => "Det kallelsen ber de inbjudna om. Frågeställningarna blir innehållet i fasen Syfte.", "What the notice asks of those invited. The questions become the Purpose phase's content.";
    FPurpose => "Syfte", "Purpose";
    FQuestions => "Frågeställningar (en per rad)", "Questions to answer (one per line)";
    FExpected => "Beslut {} ska kunna fatta", "Decisions {} must be able to take";
    FExpectedCosts => "… inklusive kostnader", "… including costs";
    FVideoLink => "Videolänk (https://…)", "Video link (https://…)";
    FInviteConvener => "Sammankallande", "Convened by";
    FInviteContact => "Nås på (telefon, e-post)", "Reached at (phone, e-mail)";
    FSent => "Kallelsen skickad (datum)", "Notice sent (date)";
    NotAUrl => "{} är ingen webbadress: skriv hela länken, https://…", "{} is not a web address: write the whole link, https://…";
    InvitationRefused => "Kallelsen skrivs inte: {}", "The notice is not written: {}";
    InvitationNotFile => "{} är ingen vanlig fil; kallelsen skrivs inte dit", "{} is not a regular file; the notice is not written there";
    InvitationWritten => "Kallelsen skriven: {} filer i {}.", "The notice is written: {} files in {}.";
    InvitationWarns => " Varning: {}", " Warning: {}";
    CmdInvitation => "kallelse", "notice";
    CmdInvitationLong => "Fyll i kallelsen: syfte, frågeställningar, beslut som varje verksamhet ska kunna fatta, videolänk, sammankallande.", "Fill in the notice: purpose, questions, the decisions each organisation must be able to take, video link, convener.";
    CmdWriteInvitation => "skriv kallelse", "write notice";
    CmdWriteInvitationLong => "Skriv kallelsen bredvid mötet: allas (Word och kalender), varje verksamhets och familjens.", "Write the notice next to the meeting: everyone's (Word and calendar), each organisation's and the family's.";
    MandatesMet => "Mandat enligt kallelsen: {} av {}", "Mandate as the notice asked: {} of {}";
    MandateAsked => "kallelsen: {}", "notice: {}";
    MandateMet => "✓ {} har mandat", "✓ {} has the mandate";
    MandateLacking => "! {} saknar mandatet", "! {} lacks the mandate";
    MandateNobody => "! ingen på plats med mandat", "! nobody present with the mandate";
    ReadOnlyRefused => "Protokollet är justerat och skrivskyddat. {} = ändra.", "The minutes are finalized and read-only. {} = amend.";
    AgendaAdded => "Agendan har lagts till bland dina agendor: {}", "The agenda was added to your agendas: {}";
    PasteNeedsForm => "Inklistrad text hamnar i ett formulär: öppna det först", "Pasted text goes into a form: open one first";
}
