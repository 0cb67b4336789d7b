//! Request IDs that no other shape reads: an ID alone on its line (mail
//! and chat wrap `RequestId:` and its value onto two lines), and IDs
//! after a label with a full-width colon (`请求ID：NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx...`). Only IDs whose
//! shape is a COS/CI or OBS request ID's are taken: any other lone token
//! could be anything.

use super::super::facts::{Facts, IdField, Kind};
use super::super::record::RecordText;
use super::super::reqid;
use super::Shape;

pub const SHAPE: Shape = Shape {
    name: "ids",
    // Context: an ID alone is no error.
    keywords: &[],
    dynamic: None,
    always: false,
    find,
};

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        // A full-width colon after a label.
        if let Some(i) = t.find('：') {
            let label = t[..i].trim();
            let value = id_token(&t[i + '：'.len_utf8()..]);
            let lower = label.to_ascii_lowercase();
            if (lower.ends_with("requestid")
                || lower.ends_with("request id")
                || label.ends_with("请求ID")
                || label.ends_with("请求 ID")
                || label.ends_with("请求id"))
                && !value.is_empty()
            {
                let off = start + (line.len() - line.trim_start().len());
                let v_at = value.as_ptr() as usize - t.as_ptr() as usize + off;
                out.push(
                    v_at..v_at + value.len(),
                    Kind::Id {
                        field: IdField::Request,
                        value: value.to_owned(),
                    },
                );
            }
            continue;
        }
        // An ID alone on its line.
        if t.len() >= 16
            && t.len() <= 128
            && id_token(t).len() == t.len()
            && reqid::request_time(t).is_some()
        {
            let off = start + (line.len() - line.trim_start().len());
            out.push(
                off..off + t.len(),
                Kind::Id {
                    field: IdField::Request,
                    value: t.to_owned(),
                },
            );
        }
    }
}

/// The request ID at the start of `s`: it ends where the ID alphabet
/// ends (full-width punctuation, CJK text, quotes, spaces).
pub fn id_token(s: &str) -> &str {
    let s = s.trim_start();
    // Bytes, not chars: the alphabet is ASCII, so the first byte outside
    // it is at a char boundary.
    let b = s.as_bytes();
    let id =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_' | b'*');
    let mut end = 0;
    while end < b.len() {
        // A colon between two runs of the alphabet is inside the ID (some
        // S3-compatible stores: `ac1044ee:19b8cc8520a:34818:892f`); one
        // before a space or the end is punctuation.
        let colon_inside =
            b[end] == b':' && end > 0 && b.get(end + 1).is_some_and(|&n| n.is_ascii_alphanumeric());
        if !(id(b[end]) || colon_inside) {
            break;
        }
        end += 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_end_where_the_alphabet_ends() {
        assert_eq!(id_token("NjVhMWIy，请帮忙"), "NjVhMWIy");
        assert_eq!(id_token(" NjA2****) x"), "NjA2****");
        // github.com/Altinity/clickhouse-backup issues 1324
        assert_eq!(
            id_token("ac1044ee:19b8cc8520a:34818:892f, HostID: 55f9"),
            "ac1044ee:19b8cc8520a:34818:892f"
        );
        assert_eq!(id_token("4B2D1C8F7E6A5D3C: done"), "4B2D1C8F7E6A5D3C");
    }
}
