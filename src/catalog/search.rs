//! Full-text search over codes, descriptions (both languages), messages and
//! advice: every word must match somewhere; entries are ranked by where.

use super::{ENTRIES, Entry, Filter};

/// Where a word matched, and what that is worth: a hit in the code says
/// more about an entry than a hit in its advice.
const CODE_EXACT: u32 = 40;
const CODE: u32 = 20;
const DESCRIPTION: u32 = 6;
const MESSAGE: u32 = 5;
const ADVICE: u32 = 2;

/// Entries that contain every word (case-insensitive), best first; equal
/// scores keep catalogue order.
pub fn search(words: &[String], filter: &Filter) -> Vec<&'static Entry> {
    let words: Vec<String> = words
        .iter()
        .flat_map(|w| w.split_whitespace())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u32, usize, &'static Entry)> = ENTRIES
        .iter()
        .enumerate()
        .filter(|(_, e)| filter.accepts(e))
        .filter_map(|(i, e)| {
            let mut total = 0;
            for word in &words {
                let s = score(e, word);
                if s == 0 {
                    return None;
                }
                total += s;
            }
            Some((total, i, e))
        })
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits.into_iter().map(|(_, _, e)| e).collect()
}

fn score(e: &Entry, word: &str) -> u32 {
    let has = |text: &str| text.to_lowercase().contains(word);
    let mut s = 0;
    for name in e.names() {
        if name.eq_ignore_ascii_case(word) {
            s = s.max(CODE_EXACT);
        } else if has(name) {
            s = s.max(CODE);
        }
    }
    if e.number.is_some_and(|n| n.to_string() == word)
        || e.status.is_some_and(|n| n.to_string() == word)
    {
        s = s.max(CODE_EXACT);
    }
    if has(e.description()) || e.description_zh().is_some_and(has) {
        s += DESCRIPTION;
    }
    if e.messages()
        .any(|m| has(m.message) || m.description.is_some_and(has))
    {
        s += MESSAGE;
    }
    if has(e.advice()) {
        s += ADVICE;
    }
    s
}
