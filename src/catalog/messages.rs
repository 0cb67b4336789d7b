//! The servers' documented error messages, found in free text: an error
//! printed without its code still names itself by its message.
//!
//! The messages are the catalogue's, and the standard Amazon S3 messages
//! that COS and OBS send too (`data/s3_messages.json`, read when decode
//! first needs them; lookups never do).
//!
//! Three kinds of pattern, one search:
//! - a whole message of four words or more, in any case;
//! - the start of a long message (its first words, 32 bytes or more),
//!   when no other message starts so: a message a log cut off, or a user
//!   re-typed with a slip further on;
//! - a short message (`Access Denied`), as written and only where it
//!   stands alone: the whole line, or all that follows a `: `.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::Entry;

/// Messages shorter than this, or of fewer words, are matched only where
/// they stand alone (`Access Denied`).
const MIN_LEN: usize = 20;
const MIN_WORDS: usize = 4;
/// The start of a long message that is matched on its own.
const PREFIX_LEN: usize = 32;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pattern {
    Whole,
    Start,
    Short,
}

/// The automaton holds only each pattern's first [`ANCHOR_LEN`] bytes, and
/// a hit is checked against the patterns that start so: over 700
/// messages, the whole texts made an automaton that took 12 ms to build,
/// which every `decode` paid before reading a line.
struct Index {
    ac: AhoCorasick,
    /// For each pattern: the message it belongs to, and its kind.
    patterns: Vec<(&'static str, Pattern)>,
    /// The text each pattern matches: the message, or its start.
    texts: Vec<&'static str>,
    /// For each anchor of the automaton: the patterns that start with it.
    starting: Vec<Vec<usize>>,
}

/// The length of a pattern's anchor.
const ANCHOR_LEN: usize = 12;

/// The first [`ANCHOR_LEN`] bytes of `t`, or fewer, at a character
/// boundary.
fn anchor_of(t: &str) -> &str {
    let mut end = ANCHOR_LEN.min(t.len());
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    &t[..end]
}

/// The messages of an entry: those the documents give, and the
/// description of a named code (COS documents its messages as
/// descriptions).
fn messages_of(e: &'static Entry) -> impl Iterator<Item = &'static str> {
    let described = e.code().is_some().then(|| e.description());
    e.messages()
        .map(|m| m.message)
        .chain(described)
        .map(|m| m.trim().trim_end_matches('.'))
}

/// The first words of `m`, at least [`PREFIX_LEN`] bytes of it.
fn start_of(m: &str) -> Option<&str> {
    if m.len() < PREFIX_LEN + 16 {
        return None;
    }
    let end = m[PREFIX_LEN..].find(' ').map(|i| PREFIX_LEN + i)?;
    (m[..end].split_whitespace().count() >= 5).then(|| &m[..end])
}

/// The standard S3 messages: (code, message).
static S3: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../../data/s3_messages.json")).unwrap_or_default();
    rows.into_iter()
        .filter_map(|r| {
            let code = r.get("code")?.as_str()?.to_owned();
            let message = r
                .get("message")?
                .as_str()?
                .trim()
                .trim_end_matches('.')
                .to_owned();
            // Read once, kept for the run.
            Some((&*code.leak(), &*message.leak()))
        })
        .collect()
});

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut messages: Vec<&'static str> = super::server_entries()
        .flat_map(messages_of)
        .chain(S3.iter().map(|(_, m)| *m))
        .filter(|m| m.len() >= 8)
        .collect();
    messages.sort_unstable();
    messages.dedup();
    let mut patterns: Vec<(&'static str, Pattern)> = Vec::new();
    for &m in &messages {
        if m.len() >= MIN_LEN && m.split_whitespace().count() >= MIN_WORDS {
            patterns.push((m, Pattern::Whole));
            if let Some(start) = start_of(m) {
                let shared = messages
                    .iter()
                    .filter(|o| {
                        o.len() >= start.len() && o[..start.len()].eq_ignore_ascii_case(start)
                    })
                    .count();
                if shared == 1 {
                    patterns.push((m, Pattern::Start));
                }
            }
        } else if m.split_whitespace().count() >= 2 {
            patterns.push((m, Pattern::Short));
        }
    }
    let texts: Vec<&'static str> = patterns
        .iter()
        .map(|&(m, kind)| match kind {
            Pattern::Start => start_of(m).unwrap_or(m),
            _ => m,
        })
        .collect();
    let mut anchors: Vec<&str> = Vec::new();
    let mut starting: Vec<Vec<usize>> = Vec::new();
    let mut by_anchor: HashMap<String, usize> = HashMap::new();
    for (i, t) in texts.iter().enumerate() {
        let a = anchor_of(t);
        let slot = *by_anchor.entry(a.to_ascii_lowercase()).or_insert_with(|| {
            anchors.push(a);
            starting.push(Vec::new());
            anchors.len() - 1
        });
        starting[slot].push(i);
    }
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&anchors)
        .expect("the catalogue's messages build an automaton");
    Index {
        ac,
        patterns,
        texts,
        starting,
    }
});

/// What a search over whole patterns, leftmost-longest, would give: each
/// anchor's hit checked against its patterns, then the longest of those
/// that start leftmost, and so on after its end. A tie in length goes to
/// the pattern listed first. (start, end, pattern)
fn matches(index: &Index, text: &str) -> Vec<(usize, usize, usize)> {
    let b = text.as_bytes();
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for hit in index.ac.find_overlapping_iter(text) {
        let s = hit.start();
        for &i in &index.starting[hit.pattern().as_usize()] {
            let t = index.texts[i].as_bytes();
            if b.len() - s >= t.len() && b[s..s + t.len()].eq_ignore_ascii_case(t) {
                found.push((s, s + t.len(), i));
            }
        }
    }
    found.sort_unstable_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
    let mut end = 0;
    found.retain(|&(s, e, _)| {
        let keep = s >= end;
        if keep {
            end = e;
        }
        keep
    });
    found
}

/// Where PHP's note of where an exception was thrown starts, at the end
/// of `s`: ` in /path/File.php:35`, or ` in file /path/File.php on line
/// 61` (the COS PHP SDK's exceptions). The index of its space.
pub fn php_location(s: &str) -> Option<usize> {
    let i = s.rfind(" in ")?;
    let rest = &s[i + " in ".len()..];
    let line = match rest.strip_prefix("file ") {
        Some(file) => {
            file.rsplit_once(" on line ")
                .filter(|(f, _)| f.ends_with(".php"))?
                .1
        }
        None => {
            rest.rsplit_once(':')
                .filter(|(f, _)| f.ends_with(".php"))?
                .1
        }
    };
    (!line.is_empty() && line.bytes().all(|b| b.is_ascii_digit())).then_some(i)
}

/// Every message that [`find_all`] looks for, whole or in part.
pub fn all() -> Vec<&'static str> {
    let index = &*INDEX;
    index.texts.clone()
}

/// The first documented server message that `text` quotes, as the
/// catalogue writes it (without a final full stop).
pub fn find_in(text: &str) -> Option<&'static str> {
    find_all(text).first().map(|q| q.message)
}

/// A documented message quoted in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Where the quote is in the text.
    pub start: usize,
    pub end: usize,
    /// The message as the catalogue writes it.
    pub message: &'static str,
    /// The quote is the message's start only: the text goes on otherwise.
    pub partial: bool,
}

/// Where `text` quotes documented messages. A quote must stand as a
/// phrase of its own, not inside a word.
pub fn find_all(text: &str) -> Vec<Quote> {
    let index = &*INDEX;
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (m_start, m_end, pattern) in matches(index, text) {
        let (message, kind) = index.patterns[pattern];
        let before = m_start.checked_sub(1).map(|i| b[i]);
        let after = b.get(m_end).copied();
        if (before.is_some_and(|c| c.is_ascii_alphanumeric()) && !glued(b, m_start, message))
            || after.is_some_and(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        let mut end = m_end;
        match kind {
            Pattern::Short => {
                // As written, and alone: the rest of its line, or the whole
                // line, is the message.
                if &text[m_start..m_end] != message {
                    continue;
                }
                let line_start = text[..m_start].rfind('\n').map_or(0, |i| i + 1);
                let lead = text[line_start..m_start].trim_end();
                let line_end = text[m_end..].find('\n').map_or(text.len(), |i| m_end + i);
                let rest = text[m_end..line_end].trim_end_matches(['.', '\r', ' ', '"', '\'']);
                // PHP writes where an exception was thrown after its
                // message: `Access Denied. in file /x/Y.php on line 61`.
                let php = php_location(rest).is_some_and(|i| rest[..i].bytes().all(|c| c == b'.'));
                if !(rest.is_empty() || php) || !(lead.is_empty() || lead.ends_with(':')) {
                    continue;
                }
            }
            Pattern::Start => {
                // The quote runs to the end of its sentence.
                let rest = &text[m_end..];
                let mut stop = rest
                    .find(['\n', '"', '\'', '<', ')'])
                    .unwrap_or(rest.len())
                    .min(message.len() * 2);
                // Twice the message's length may fall inside a character.
                while !rest.is_char_boundary(stop) {
                    stop -= 1;
                }
                let stop = rest[..stop].find(". ").map_or(stop, |i| i + 1);
                end = m_end + rest[..stop].trim_end().len();
            }
            Pattern::Whole => {}
        }
        if b.get(end) == Some(&b'.') {
            end += 1;
        }
        out.push(Quote {
            start: m_start,
            end,
            message,
            partial: kind == Pattern::Start,
        });
    }
    out
}

/// Whether the word that ends at `at` is a code of `message`, printed
/// with no separator before it (`NoSuchUploadThe specified upload does
/// not exist.`: an OBS .NET SDK user's `ErrorCode + ErrorMessage`).
fn glued(b: &[u8], at: usize, message: &str) -> bool {
    let start = b[..at]
        .iter()
        .rposition(|c| !c.is_ascii_alphanumeric())
        .map_or(0, |i| i + 1);
    let word = &b[start..at];
    codes_of(message).iter().any(|c| c.as_bytes() == word)
}

/// The codes whose message `message` is: the catalogue's entries' and
/// the standard S3 ones'.
pub fn codes_of(message: &str) -> Vec<&'static str> {
    CODES
        .get(&message.to_ascii_lowercase())
        .cloned()
        .unwrap_or_default()
}

/// [`codes_of`] for every message, by its lower-case text: decode asks
/// for each message it finds.
static CODES: LazyLock<HashMap<String, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<&'static str>> = HashMap::new();
    let named = super::server_entries()
        .filter_map(|e| Some((e.code()?, e)))
        .flat_map(|(code, e)| messages_of(e).map(move |m| (code, m)));
    for (code, m) in named.chain(S3.iter().map(|&(c, m)| (c, m))) {
        map.entry(m.to_ascii_lowercase()).or_default().push(code);
    }
    for codes in map.values_mut() {
        codes.sort_unstable();
        codes.dedup();
    }
    map
});

/// The one storage service whose documents give `message` (a server
/// message, not a description), when only one does and the message is
/// not one of S3's standard ones (which every S3-compatible service may
/// send): `The Signature you specified is invalid.` is COS's wording. A
/// code written as words counts as wording too: COS documents the code
/// `Request has expired`, which OBS gives as a message.
pub fn provider_of(message: &str) -> Option<super::Provider> {
    let m = message.trim().trim_end_matches('.');
    if m.is_empty() || S3.iter().any(|(_, s)| s.eq_ignore_ascii_case(m)) {
        return None;
    }
    let mut providers = super::server_entries()
        .filter(|e| e.provider.is_service())
        .filter(|e| {
            e.code().is_some_and(|c| c.eq_ignore_ascii_case(m))
                || e.messages().any(|d| {
                    d.message
                        .trim()
                        .trim_end_matches('.')
                        .eq_ignore_ascii_case(m)
                })
        })
        .map(|e| e.provider);
    let first = providers.next()?;
    providers.all(|p| p == first).then_some(first)
}

/// Whether `quoted` is `message`, or the start of it as [`find_all`]
/// finds starts (a log cut it, a user re-typed it with a slip later on).
pub fn quotes(quoted: &str, message: &str) -> bool {
    let q = quoted.trim().trim_end_matches('.');
    if q.eq_ignore_ascii_case(message) {
        return true;
    }
    start_of(message).is_some_and(|start| {
        q.len() >= start.len()
            && q.is_char_boundary(start.len())
            && q[..start.len()].eq_ignore_ascii_case(start)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// github.com/overtrue/flysystem-cos issues 36: only COS words the
    /// signature error so; S3's standard wording is any S3 service's.
    #[test]
    fn a_message_only_one_service_words_names_it() {
        use crate::catalog::Provider;
        assert_eq!(
            provider_of("The Signature you specified is invalid."),
            Some(Provider::Cos)
        );
        assert_eq!(provider_of("The specified key does not exist."), None);
        assert_eq!(provider_of(""), None);
        // COS's code and OBS's message (COS's SDK FAQ quotes it alone).
        assert_eq!(provider_of("Request has expired"), None);
    }

    #[test]
    fn finds_documented_messages_in_any_case() {
        let m = find_in("upload failed: the specified bucket does not exist. retrying");
        assert!(
            m.is_some_and(|m| m.eq_ignore_ascii_case("The specified bucket does not exist")),
            "{m:?}"
        );
        assert_eq!(find_in("nothing to see here"), None);
    }

    /// github.com/huaweicloud/huaweicloud-sdk-dotnet-obs issues 35: the
    /// code and the message printed with nothing between them.
    #[test]
    fn a_message_glued_to_its_code() {
        let m = "The specified upload does not exist.";
        assert!(find_in(&format!("出现问题：NoSuchUpload{m}")).is_some());
        // Glued to another word, it is inside that word.
        assert_eq!(find_in(&format!("出现问题：NoSuchKey{m}")), None);
        assert_eq!(find_in(&format!("x{m}")), None);
    }

    #[test]
    fn a_cut_quote_ends_on_a_character() {
        // Found by fuzzing: the start of a long message, then text whose
        // characters straddle twice the message's length.
        let text = format!("The request signature we calculated{}atc}}", "€".repeat(80));
        let quotes = find_all(&text);
        assert!(
            quotes.iter().all(|q| text.is_char_boundary(q.end)),
            "{quotes:?}"
        );
    }

    #[test]
    fn the_standard_s3_messages_are_read() {
        assert!(S3.len() > 50);
        assert_eq!(
            codes_of("Your proposed upload is smaller than the minimum allowed object size"),
            ["EntityTooSmall"]
        );
        assert!(
            find_in("err: The AWS Access Key Id you provided does not exist in our records.")
                .is_some()
        );
    }

    #[test]
    fn short_messages_only_alone() {
        assert!(find_in("failed to test for existence of bucket b-125: Access Denied").is_some());
        assert!(find_in("Access Denied\n").is_some());
        assert_eq!(find_in("the access denied page was shown"), None);
        assert_eq!(find_in("Access Denied for user root"), None);
        // Where PHP threw it, after it (freyo/flysystem-qcloud-cos-v5
        // issue 45).
        assert!(
            find_in("Qcloud\\Cos\\Exception\\ServiceResponseException: Access Denied. in file /app/vendor/qcloud/cos-sdk-v5/src/Qcloud/Cos/ExceptionMiddleware.php on line 61").is_some()
        );
        assert_eq!(find_in("Access Denied. in file list"), None);
        assert_eq!(php_location("m in /a/B.php:35"), Some(1));
        assert_eq!(php_location("m in file /a/B.php on line 61"), Some(1));
        assert_eq!(php_location("m in /a/B.py:35"), None);
        assert_eq!(php_location("m in file /a/B.php on line x"), None);
    }

    #[test]
    fn the_start_of_a_long_message() {
        // Every long message whose start is its own: found from its start
        // with a slip after it, as the message it starts.
        let index = &*INDEX;
        let mut tried = 0;
        for &(m, kind) in &index.patterns {
            if kind != Pattern::Start {
                continue;
            }
            let start = start_of(m).unwrap();
            let text = format!("upload failed (400：{start} and then a slip in the rest.)");
            let q = find_all(&text);
            assert_eq!(q.len(), 1, "{m}");
            assert!(q[0].partial && q[0].message == m, "{m}: {q:?}");
            assert!(quotes(&text[q[0].start..q[0].end], m));
            tried += 1;
        }
        assert!(
            tried > 10,
            "only {tried} messages have a start of their own"
        );
    }

    /// The anchored search finds exactly what one leftmost-longest search
    /// over the whole patterns finds: on every message alone, in another
    /// case, run together with the next, and on every corpus case.
    #[test]
    fn anchors_find_what_whole_patterns_find() {
        let index = &*INDEX;
        let whole = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&index.texts)
            .unwrap();
        let mut texts: Vec<String> = Vec::new();
        for (i, t) in index.texts.iter().enumerate() {
            let next = index.texts[(i + 1) % index.texts.len()];
            texts.push((*t).to_owned());
            texts.push(t.to_ascii_uppercase());
            texts.push(format!("{t}{next}"));
            texts.push(format!("x {}{next}", &t[..anchor_of(t).len()]));
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        for kind in ["real", "live", "decode"] {
            for e in std::fs::read_dir(dir.join(kind)).unwrap() {
                let path = e.unwrap().path();
                if path.extension().is_some_and(|x| x == "txt") {
                    let bytes = std::fs::read(&path).unwrap();
                    texts.push(String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
        assert!(texts.len() > 2000);
        for text in &texts {
            let want: Vec<_> = whole
                .find_iter(text.as_str())
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            assert_eq!(matches(index, text), want, "{text}");
        }
    }
}
