//! "Did you mean": the nearest codes to a query that matched nothing.
//!
//! Names are compared in their folded form (lower case, letters and digits)
//! with the optimal string alignment distance, so a swapped pair of letters
//! costs one edit. A length check skips names that cannot be close before
//! any distance is computed: most of the catalogue never reaches strsim.

use super::{ENTRIES, Filter, NAMES, Query, fold};

/// How many suggestions to give at most.
pub const MAX_SUGGESTIONS: usize = 5;

/// The nearest names, numbers or statuses to a query, best first.
pub fn suggest(query: &Query, filter: &Filter) -> Vec<String> {
    match query {
        Query::Name(name) | Query::Prefix(name) => suggest_name(name, filter),
        Query::Number(n) => suggest_number(*n, filter),
        Query::Status(s) => suggest_status(*s, filter),
        Query::StatusClass(_) => Vec::new(),
    }
}

/// The edit distance allowed for a query of `len` characters: one edit in
/// four, at least one, so short codes do not match everything.
fn max_distance(len: usize) -> usize {
    (len / 4).clamp(1, 6)
}

fn suggest_name(query: &str, filter: &Filter) -> Vec<String> {
    if query.is_empty() {
        return Vec::new();
    }
    let qlen = query.chars().count();
    let limit = max_distance(qlen);
    // (rank, -similarity, name); rank 0..=limit is an edit distance,
    // limit + 1 a name that contains the query or is contained in it.
    let mut scored: Vec<(usize, i64, &'static str)> = Vec::new();
    // The name index holds every code and alias folded already: nothing
    // is folded or allocated for a name that is not close.
    for (folded, index) in NAMES.iter() {
        let folded = folded.text();
        let flen = folded.chars().count();
        let rank = if flen.abs_diff(qlen) <= limit {
            let d = strsim::osa_distance(query, folded);
            (d <= limit).then_some(d)
        } else {
            None
        };
        let rank = rank.or_else(|| {
            let contains =
                (qlen >= 3 && folded.contains(query)) || (flen >= 4 && query.contains(folded));
            contains.then_some(limit + 1)
        });
        let Some(rank) = rank else { continue };
        let entry = &ENTRIES[usize::from(*index)];
        if !filter.accepts(entry) {
            continue;
        }
        // The name as the catalogue spells it.
        let Some(name) = entry.names().find(|n| fold(n) == folded) else {
            continue;
        };
        if scored.iter().any(|(_, _, n)| *n == name) {
            continue;
        }
        // Jaro-Winkler rewards a shared start, which is what separates
        // NoSuchKey from NoSuchBucket for `nosuchkye`.
        let similarity = (strsim::jaro_winkler(query, folded) * 1e6) as i64;
        scored.push((rank, -similarity, name));
    }
    scored.sort();
    scored
        .into_iter()
        .map(|(_, _, name)| name.to_owned())
        .take(MAX_SUGGESTIONS)
        .collect()
}

fn suggest_number(query: i64, filter: &Filter) -> Vec<String> {
    let q = query.to_string();
    let mut scored: Vec<(usize, u64, i32)> = Vec::new();
    for n in ENTRIES
        .iter()
        .filter(|e| filter.accepts(e))
        .filter_map(|e| e.number)
    {
        if scored.iter().any(|(_, _, m)| *m == n) {
            continue;
        }
        let s = n.to_string();
        let d = strsim::osa_distance(&q, &s);
        let close = d <= 1 || (q.len() >= 3 && s.starts_with(&q));
        if close {
            scored.push((d, i64::from(n).abs_diff(query), n));
        }
    }
    scored.sort();
    scored
        .into_iter()
        .map(|(_, _, n)| n.to_string())
        .take(MAX_SUGGESTIONS)
        .collect()
}

fn suggest_status(query: u16, filter: &Filter) -> Vec<String> {
    let mut statuses: Vec<u16> = ENTRIES
        .iter()
        .filter(|e| filter.accepts(e))
        .filter_map(|e| e.status)
        .collect();
    statuses.sort_by_key(|s| (s.abs_diff(query), *s));
    statuses.dedup();
    statuses
        .into_iter()
        .take(3)
        .map(|s| s.to_string())
        .collect()
}
