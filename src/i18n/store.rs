//! The store's words, in Swedish and English: a meeting already open elsewhere or not
//! lockable, a save refused, a draft that cannot be kept or read, the previous meeting's
//! file of a follow-up. Blanks are `{}`, filled in order by `S::fill`; `S::say` fills in
//! the language of the messages (`i18n::messages`).

use super::Lang;
use super::screen::fill;

macro_rules! messages {
    ($($name:ident => $sv:expr, $en:expr;)*) => {
        /// One message of the store.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum S { $($name),* }
        impl S {
            /// Every message, for the tests.
            pub const ALL: &'static [S] = &[$(S::$name),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(S::$name => lang.pick($sv, $en)),* }
            }
        }
    };
}

impl S {
    /// The message in `lang` with each `{}` replaced by the next of `args`.
    pub fn fill(self, lang: Lang, args: &[&str]) -> String {
        fill(self.get(lang), args)
    }

    /// The message in the language of the messages.
    pub fn say(self, args: &[&str]) -> String {
        self.fill(super::messages(), args)
    }
}

messages! {
    // The lock (store/lock.rs).
    HeldByAnother => "{}: redan öppet i ett annat samsyn{}", "{}: already open in another samsyn{}";
    CannotLock => "{}: kan inte låsas för ändring: {}", "{}: cannot lock for editing: {}";
    ReadOnlyHeld =>
        "Skrivskyddat: mötet är redan öppet i ett annat samsyn-fönster{}. Stäng det där för att kunna ändra här.",
        "Read-only: this meeting is already open in another samsyn window{}. Close it there to edit here.";
    ReadOnlyUnlockable =>
        "Skrivskyddat: mötet kan inte låsas för ändring ({}), så inget kan sparas säkert.",
        "Read-only: the meeting cannot be locked for editing ({}), so nothing could be saved safely.";
    Holder => "process {}, sedan {}", "process {}, since {}";
    LockIsLink => "låsfilen {} är en symbolisk länk; samsyn följer aldrig en länk där",
        "the lock file {} is a symbolic link; samsyn never follows one there";
    LockNotFile => "låsfilen {} är inte en vanlig fil", "the lock file {} is not a plain file";

    // Saving (store/file.rs, store/writer.rs).
    MeetingTooLarge =>
        "mötet skulle bli {} MB, större än de {} MB en mötesfil får rymma; ändringen sparas inte",
        "the meeting would be {} MB, larger than the {} MB a meeting file may hold; the change is not saved";
    SavePanicked => "sparandet avbröts av ett fel i samsyn", "the save panicked";

    // Drafts (store/draft.rs).
    DraftTooLarge => "den osparade texten är större än de {} MB ett utkast får rymma",
        "the unsaved text is larger than the {} MB a draft may hold";
    DraftNotUtf8 => "inte UTF-8-text", "not UTF-8 text";
    DraftVersion => "version {}", "version {}";

    // The archive's permissions (store/permissions.rs).
    ArchiveOpen =>
        "Arkivmappen {} kan öppnas av andra användare på datorn (rättigheter {}). Kör: chmod 700 {}",
        "The archive folder {} can be opened by other users of this computer (permissions {}). Run: chmod 700 {}";
    ArchiveFilesOpen =>
        "{} mötesfil(er) i arkivet kan läsas av andra användare. Kör: chmod 600 {}/*.ron",
        "{} meeting file(s) in the archive can be read by other users. Run: chmod 600 {}/*.ron";

    // A follow-up's previous meeting (store/mod.rs).
    PreviousGone => "Förra mötets fil finns inte längre: {}", "The previous meeting's file is gone: {}";
    PreviousUnreadable => "Förra mötets fil går inte att läsa: {}",
        "The previous meeting's file cannot be read: {}";
    PreviousReplaced => "Filen är inte längre förra mötet: {}",
        "The file is no longer the previous meeting: {}";
    PreviousChanged =>
        "Förra mötet har ändrats sedan uppföljningen startades; jämför planen med den justerade versionen: {}",
        "The previous meeting was changed after the follow-up started; compare the plan with its finalized version: {}";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_in_both_languages_with_the_same_blanks() {
        for &m in S::ALL {
            let (sv, en) = (m.get(Lang::Sv), m.get(Lang::En));
            assert!(!sv.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(sv.matches("{}").count(), en.matches("{}").count(), "{m:?}");
        }
    }
}
