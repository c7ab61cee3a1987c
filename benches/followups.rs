//! `samsyn followups` over a large archive: reading 10,000 meeting files (the reference,
//! what any look at the archive costs) against finding what is due in them once read.
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
    let mut group = c.benchmark_group("followups");
    group.sample_size(10);
    group.bench_function(format!("scan-{n}"), |b| {
        b.iter(|| followups::scan(black_box(dir.path())))
    });
    group.bench_function(format!("due-{n}"), |b| {
        b.iter(|| followups::due(black_box(&entries), today, until, samsyn::i18n::Lang::Sv))
    });
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
