//! `samsyn followups` over a large archive: reading 10,000 meeting files (the reference,
//! what any look at the archive without its index costs), finding what is due in them
//! once read, and the report as `samsyn followups` makes it: from the archive's index
//! (`samsyn::archive`, nothing changed since the last look) to the items due.
//! Under `cargo test --benches` (the CI smoke run) 200 files stand in for the 10,000.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use samsyn::followups;
use std::hint::black_box;

fn meetings() -> usize {
    if std::env::args().any(|a| a == "--bench") {
        10_000
    } else {
        200
    }
}

fn report(c: &mut Criterion) {
    let n = meetings();
    let dir = support::temp_dir();
    support::write_archive(dir.path(), n);
    let (entries, errors) = followups::scan(dir.path());
    assert_eq!(
        (entries.len(), errors.len()),
        (n, 0),
        "every generated meeting loads"
    );
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let until = today + chrono::Days::new(28);
    assert!(
        !followups::due(&entries, today, until, samsyn::i18n::Lang::Sv).is_empty(),
        "the generated archive has things due"
    );
    // The files older than the index's settling time, as in real use; then indexed.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_eq!(samsyn::archive::scan(dir.path()).read, n);
    let report = || {
        let entries = samsyn::archive::scan(dir.path()).entries;
        let summaries = entries
            .iter()
            .filter_map(|e| Some((e.path.as_path(), e.summary.as_ref().ok()?)));
        followups::due_in(summaries, today, until, samsyn::i18n::Lang::Sv).len()
    };
    assert_eq!(
        report(),
        followups::due(&entries, today, until, samsyn::i18n::Lang::Sv).len()
    );
    let mut group = c.benchmark_group("followups");
    group.sample_size(10);
    group.bench_function(format!("scan-{n}"), |b| {
        b.iter(|| followups::scan(black_box(dir.path())))
    });
    group.bench_function(format!("due-{n}"), |b| {
        b.iter(|| followups::due(black_box(&entries), today, until, samsyn::i18n::Lang::Sv))
    });
    group.bench_function(format!("report-from-index-{n}"), |b| b.iter(report));
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
