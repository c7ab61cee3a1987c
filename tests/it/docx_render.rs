//! The Word minutes as LibreOffice lays them out: every example meeting, in Swedish and
//! English, pseudonymized and not, converted to PDF, and no word of the meeting broken
//! across two lines in the middle ("Familjebehan|dlare"); every page of a draft says it
//! is one and names the case and the date; a pseudonymized copy names nobody of the
//! family anywhere, page headers included. Needs `libreoffice` (or
//! `soffice`) and `pdftotext` (poppler-utils); where they are missing the test says so on
//! stderr and checks nothing (`.ci/run` says so too).

use samsyn::agenda::Catalogue;
use samsyn::export::{self, Format, Options};
use samsyn::i18n::Lang;
use samsyn::meeting::Meeting;
use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// A program on the PATH.
fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn export(m: &Meeting, format: Format, lang: Lang, pseudonymize: bool) -> Vec<u8> {
    let catalogue = Catalogue::builtin();
    let agenda = catalogue.get(&m.agenda.id).expect("a built-in agenda");
    export::export(
        m,
        agenda,
        format,
        Options {
            lang,
            pseudonymize,
            contacts: false,
        },
    )
    .unwrap()
}

/// Every example meeting, by its file name.
fn examples() -> Vec<(String, Meeting)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, samsyn::store::load(&p).unwrap())
        })
        .collect()
}

fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Where two lines of the PDF's text join into a word of the minutes that neither line
/// holds whole: the last word of one line and the first of the next make a word the
/// minutes have, and one of the two halves is not a word of the minutes on its own.
/// A break at a hyphen or a space is no break of a word.
fn broken_words(pdf_text: &str, words: &HashSet<&str>) -> Vec<String> {
    let lines: Vec<&str> = pdf_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut broken = Vec::new();
    for pair in lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let ends_in_letter = a.chars().next_back().is_some_and(char::is_alphanumeric);
        let starts_with_letter = b.chars().next().is_some_and(char::is_alphanumeric);
        if !ends_in_letter || !starts_with_letter {
            continue;
        }
        let (Some(x), Some(y)) = (words_of(a).last().copied(), words_of(b).first().copied()) else {
            continue;
        };
        let joined = format!("{x}{y}");
        if joined.chars().count() > 3
            && words.contains(joined.as_str())
            && !(words.contains(x) && words.contains(y))
        {
            broken.push(format!("{x}|{y}"));
        }
    }
    broken
}

/// The same package with every table column 700 twips (1.2 cm) wide: long words cannot
/// fit, so LibreOffice must break them; the check below must see that.
fn with_narrow_columns(docx: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).unwrap();
            let xml = set_widths(&xml, "<w:gridCol w:w=\"");
            data = set_widths(&xml, "<w:tcW w:w=\"").into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Every `tag…"N"` with N replaced by 700.
fn set_widths(xml: &str, tag: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(at) = rest.find(tag) {
        let start = at + tag.len();
        let end = start + rest[start..].find('"').unwrap();
        out += &rest[..start];
        out += "700";
        rest = &rest[end..];
    }
    out + rest
}

#[test]
fn libreoffice_breaks_no_word_and_marks_every_page_of_the_example_minutes() {
    let office = on_path("libreoffice").or_else(|| on_path("soffice"));
    let (Some(office), Some(pdftotext)) = (office, on_path("pdftotext")) else {
        eprintln!(
            "docx_render: skipped, LibreOffice or pdftotext is not installed \
             (apt-get install libreoffice-writer poppler-utils)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut cases = Vec::new();
    for (name, m) in examples() {
        for lang in [Lang::Sv, Lang::En] {
            for pseudonymize in [false, true] {
                let stem = format!(
                    "{name}-{}{}",
                    lang.pick("sv", "en"),
                    if pseudonymize { "-pseudonymized" } else { "" }
                );
                let docx = dir.path().join(format!("{stem}.docx"));
                std::fs::write(&docx, export(&m, Format::Docx, lang, pseudonymize)).unwrap();
                let md = String::from_utf8(export(&m, Format::Md, lang, pseudonymize)).unwrap();
                cases.push((stem, docx, md, lang, pseudonymize, m.clone()));
            }
        }
    }
    // The control: a copy whose columns are far too narrow.
    let (control_stem, control_docx, control_md) = {
        let (stem, docx, md, ..) = cases
            .iter()
            .find(|(s, ..)| s == "sip-bup-sv")
            .expect("the SIP example");
        let narrow = dir.path().join(format!("{stem}-narrow.docx"));
        std::fs::write(&narrow, with_narrow_columns(&std::fs::read(docx).unwrap())).unwrap();
        (format!("{stem}-narrow"), narrow, md.clone())
    };

    let pdfs = dir.path().join("pdf");
    let profile = dir.path().join("profile");
    let mut convert = assert_cmd::Command::new(office);
    convert
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&pdfs)
        .args(cases.iter().map(|(_, docx, ..)| docx))
        .arg(&control_docx)
        .timeout(std::time::Duration::from_secs(600)) // a hang guard, not a measurement
        .assert()
        .success();

    let text_of = |stem: &str| {
        let out = std::process::Command::new(&pdftotext)
            .arg("-raw")
            .arg(pdfs.join(format!("{stem}.pdf")))
            .arg("-")
            .output()
            .unwrap();
        assert!(out.status.success(), "{stem}: pdftotext failed");
        String::from_utf8(out.stdout).unwrap()
    };
    let mut failures = Vec::new();
    for (stem, _, md, lang, pseudonymize, m) in &cases {
        let words: HashSet<&str> = words_of(md).into_iter().collect();
        let text = text_of(stem);
        assert!(
            words_of(&text).len() > 200,
            "{stem}: LibreOffice wrote a PDF with hardly any text"
        );
        let broken = broken_words(&text, &words);
        if !broken.is_empty() {
            failures.push(format!("{stem}: {}", broken.join(", ")));
        }
        // pdftotext ends each page with a form feed.
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        let date = m.date.to_string();
        for (i, page) in pages.iter().enumerate() {
            let page_no = i + 1;
            if !m.is_finalized() {
                let mark = lang.pick("UTKAST – ej justerat", "DRAFT – not finalized");
                assert!(page.contains(mark), "{stem}, page {page_no}: no «{mark}»");
            }
            if !m.case_ref.is_empty() {
                assert!(
                    page.contains(&m.case_ref) && page.contains(&date),
                    "{stem}, page {page_no}: the case and the date are not in the header"
                );
            }
        }
        if *pseudonymize {
            for name in crate::common::family_names(m) {
                assert!(!text.contains(&name), "{stem}: «{name}» is in the PDF");
            }
        }
    }
    assert!(
        failures.is_empty(),
        "words broken mid-word:\n{}",
        failures.join("\n")
    );
    let words: HashSet<&str> = words_of(&control_md).into_iter().collect();
    assert!(
        !broken_words(&text_of(&control_stem), &words).is_empty(),
        "the check finds no broken word even in columns 1.2 cm wide"
    );
}
