//! The start screen's look at the archive: reading and sorting 500 meeting files.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use samsyn::tui::app::scan_archive;
use std::hint::black_box;

const MEETINGS: usize = 500;

fn archive(c: &mut Criterion) {
    let dir = support::temp_dir();
    support::write_archive(dir.path(), MEETINGS);
    assert_eq!(
        scan_archive(dir.path())
            .iter()
            .filter(|e| e.meeting.is_ok())
            .count(),
        MEETINGS,
        "every generated meeting loads"
    );
    let mut group = c.benchmark_group("archive");
    group.sample_size(20);
    group.bench_function("scan-500", |b| {
        b.iter(|| scan_archive(black_box(dir.path())))
    });
    group.finish();
}

criterion_group!(benches, archive);
criterion_main!(benches);
