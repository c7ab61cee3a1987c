//! `samsyn followup` starts the follow-up of finalized minutes; `samsyn followups` lists
//! what needs attention across the archive.

use samsyn::agenda::Catalogue;
use samsyn::diag::exit;
use samsyn::followups::{self, Item};
use samsyn::i18n::Lang;
use samsyn::i18n::cli;
use samsyn::meeting::AgendaRef;
use samsyn::store;
use std::path::Path;

/// `samsyn followup MEETING.ron`: the follow-up meeting, saved next to the minutes.
pub fn followup(file: &Path, date: Option<chrono::NaiveDate>, branch: bool, lang: Lang) -> i32 {
    let prev = match store::load(file) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return e.exit_code();
        }
    };
    let catalogue = Catalogue::load();
    let next_id = catalogue
        .get(&prev.agenda.id)
        .and_then(|a| a.follow_up_agenda.clone())
        .unwrap_or_else(|| prev.agenda.id.clone());
    let Some(agenda) = catalogue.get(&next_id) else {
        eprintln!(
            "{}: {} {next_id:?}",
            file.display(),
            cli::FOLLOWUP_NO_AGENDA.get(lang)
        );
        return exit::DATA;
    };
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (entries, _) = followups::scan(dir);
    if let Some(first) = followups::follow_up_of(&entries, &prev.id)
        && !branch
    {
        eprintln!(
            "{}: {} {} ({})",
            file.display(),
            cli::FOLLOWUP_STARTED.get(lang),
            first.path.display(),
            cli::FOLLOWUP_BRANCH_HINT.get(lang)
        );
        return exit::DATA;
    }
    let date = date
        .or(prev.follow_up.as_ref().map(|f| f.date))
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let title = format!("{}: {}", agenda.name.get(lang), prev.title);
    let name = file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let agenda_ref = AgendaRef {
        id: agenda.id.clone(),
        version: agenda.version,
    };
    let m = match prev.start_follow_up(agenda_ref, title, date, &name) {
        Ok(m) => m,
        Err(why) => {
            eprintln!(
                "{}: {}: {}",
                file.display(),
                cli::FOLLOWUP_NONE.get(lang),
                samsyn::i18n::terms::not_followable(&why, lang)
            );
            return exit::DATA;
        }
    };
    match store::save_new(dir, &m) {
        Ok(path) => {
            if branch && followups::follow_up_of(&entries, &prev.id).is_some() {
                eprintln!("samsyn: {}", cli::FOLLOWUP_BRANCH_WARNING.get(lang));
            }
            println!("{}", path.display());
            exit::OK
        }
        Err(e) => {
            eprintln!("{e}");
            e.exit_code()
        }
    }
}

/// How `samsyn followups` reports.
pub struct Report {
    pub json: bool,
    pub until: Option<chrono::NaiveDate>,
    pub by_organisation: bool,
    pub check: bool,
    pub today: Option<chrono::NaiveDate>,
}

fn line(i: &Item, lang: Lang) -> String {
    let date = i.date.map_or_else(|| "—".repeat(10), |d| d.to_string());
    let mark = if i.overdue {
        format!("{} ", samsyn::i18n::terms::overdue(lang))
    } else {
        String::new()
    };
    let draft = if i.draft {
        cli::FOLLOWUPS_DRAFT.get(lang)
    } else {
        ""
    };
    let mut t = format!("{date}  {mark}{}: {}", i.kind.word(lang), i.what);
    if let Some(o) = &i.organisation {
        t += &format!(" — {o}");
    }
    if !i.who.is_empty() {
        t += &format!(" ({})", i.who);
    }
    let case = if i.case_ref.is_empty() {
        i.meeting_date.to_string()
    } else {
        format!("{}, {}", i.case_ref, i.meeting_date)
    };
    t += &format!("  [{case}; {}]{draft}", i.file.display());
    t
}

/// `samsyn followups`: exit 0 as a report; with `--check`, 1 when anything is overdue.
pub fn followups(dir: &Path, r: Report, lang: Lang) -> i32 {
    let today = r.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let until = r.until.unwrap_or(today + chrono::Days::new(28));
    // From the archive's index where the files have not changed (`samsyn::archive`).
    let entries = samsyn::archive::scan(dir).entries;
    for e in &entries {
        if let Err(e) = &e.summary {
            eprintln!("{e}");
        }
    }
    let summaries = entries
        .iter()
        .filter_map(|e| Some((e.path.as_path(), e.summary.as_ref().ok()?)));
    // Files are named as they stand in the folder the report is about.
    let mut items = followups::due_in(summaries.clone(), today, until, lang);
    items.extend(followups::invitations_in(
        summaries,
        today,
        until,
        &samsyn::agenda::Catalogue::load(),
    ));
    followups::sort(&mut items);
    let items: Vec<Item> = items
        .into_iter()
        .map(|mut i| {
            if let Ok(rel) = i.file.strip_prefix(dir) {
                i.file = rel.to_path_buf();
            }
            i
        })
        .collect();
    if r.json {
        #[derive(serde::Serialize)]
        struct Out<'a> {
            today: chrono::NaiveDate,
            until: chrono::NaiveDate,
            items: &'a [Item],
            unreadable: Vec<String>,
        }
        let out = Out {
            today,
            until,
            items: &items,
            unreadable: entries
                .iter()
                .filter_map(|e| e.summary.as_ref().err().cloned())
                .collect(),
        };
        println!(
            "{}",
            serde_json::to_string_pretty(&out).expect("the report serializes")
        );
    } else if items.is_empty() {
        println!("{}", cli::FOLLOWUPS_NOTHING.get(lang));
    } else if r.by_organisation {
        let mut orgs: Vec<Option<&String>> =
            items.iter().map(|i| i.organisation.as_ref()).collect();
        orgs.sort();
        orgs.dedup();
        for org in orgs {
            let none = cli::FOLLOWUPS_NO_ORG.get(lang).to_string();
            println!("{}", org.unwrap_or(&none));
            for i in items.iter().filter(|i| i.organisation.as_ref() == org) {
                println!("  {}", line(i, lang));
            }
        }
    } else {
        for i in &items {
            println!("{}", line(i, lang));
        }
    }
    if r.check && items.iter().any(|i| i.overdue) {
        return exit::FAILURE;
    }
    exit::OK
}
