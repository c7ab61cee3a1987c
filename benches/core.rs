//! The core on the user's disk: loading a meeting file, saving it (atomic: temporary
//! file, write, fsync, rename, fsync the directory — so this measures the disk too),
//! turning it into text without the disk, and checking the rules, for a realistic
//! meeting and for a large one.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn core(c: &mut Criterion) {
    let dir = support::temp_dir();
    let cases = support::cases();
    for case in &cases {
        let bytes = samsyn::store::to_ron(&case.meeting).len();
        let problems = samsyn::rules::check(&case.meeting, &case.agenda).len();
        eprintln!(
            "{}: {} participants, {} actions, {} KB on disk, {problems} problems",
            case.name,
            case.meeting.participants.len(),
            case.meeting.actions.len(),
            bytes / 1024,
        );
    }

    let mut load = c.benchmark_group("load");
    for case in &cases {
        let path = dir.path().join(format!("{}.ron", case.name));
        samsyn::store::save(&path, &case.meeting).unwrap();
        load.bench_function(case.name, |b| {
            b.iter(|| samsyn::store::load(black_box(&path)).unwrap())
        });
    }
    load.finish();

    let mut serialize = c.benchmark_group("serialize");
    for case in &cases {
        serialize.bench_function(case.name, |b| {
            b.iter(|| samsyn::store::to_ron(black_box(&case.meeting)))
        });
    }
    serialize.finish();

    // Each save waits for the disk twice (file and directory); fewer samples keep the
    // run short without hiding the spread.
    let mut save = c.benchmark_group("save");
    save.sample_size(30)
        .measurement_time(Duration::from_secs(8));
    for case in &cases {
        let path = dir.path().join(format!("{}-saved.ron", case.name));
        save.bench_function(case.name, |b| {
            b.iter(|| samsyn::store::save(black_box(&path), black_box(&case.meeting)).unwrap())
        });
    }
    save.finish();

    let mut check = c.benchmark_group("rules-check");
    for case in &cases {
        check.bench_function(case.name, |b| {
            b.iter(|| samsyn::rules::check(black_box(&case.meeting), black_box(&case.agenda)))
        });
    }
    check.finish();
}

criterion_group!(benches, core);
criterion_main!(benches);
