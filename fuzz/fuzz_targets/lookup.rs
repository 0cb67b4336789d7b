//! Feeds arbitrary text to query parsing, lookup, suggestions and search,
//! and checks what they return is consistent: every match matches, every
//! suggestion names something that exists, nothing panics.

#![no_main]

use coserr::catalog::{self, Filter, Provider, Query, search::search, suggest::suggest};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let filters = [
        Filter::default(),
        Filter { providers: vec![Provider::Ci], retryable: true, ..Filter::default() },
    ];
    for prefix in [false, true] {
        let Ok(query) = Query::parse(&text, prefix) else {
            continue;
        };
        for filter in &filters {
            let found = catalog::lookup(&query, filter);
            assert!(found.iter().all(|e| e.matches(&query) && filter.accepts(e)));
            if found.is_empty() {
                let suggestions = suggest(&query, filter);
                assert!(suggestions.len() <= catalog::suggest::MAX_SUGGESTIONS);
                for s in &suggestions {
                    let q = Query::parse(s, false).expect("a suggestion is a valid query");
                    assert!(
                        !catalog::lookup(&q, &Filter::default()).is_empty(),
                        "suggestion {s:?} for {text:?} names nothing"
                    );
                }
            }
        }
    }
    let words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
    for e in search(&words, &Filter::default()) {
        assert!(catalog::entries().iter().any(|x| std::ptr::eq(x, e)));
    }
});
