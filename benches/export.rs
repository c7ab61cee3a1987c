//! Exporting the minutes in each of the five formats, for a realistic meeting and for a
//! large one. Only the conversion is measured; writing the file is a single small write.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use samsyn::export::{self, Format, Options};
use samsyn::i18n::Lang;
use std::hint::black_box;

fn exports(c: &mut Criterion) {
    let options = Options {
        lang: Lang::Sv,
        pseudonymize: false,
        contacts: false,
    };
    for case in support::cases() {
        let mut group = c.benchmark_group(format!("export/{}", case.name));
        for format in Format::ALL {
            group.bench_function(format.extension(), |b| {
                b.iter(|| {
                    export::export(
                        black_box(&case.meeting),
                        black_box(&case.agenda),
                        format,
                        options,
                    )
                    .unwrap()
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, exports);
criterion_main!(benches);
