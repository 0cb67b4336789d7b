//! Request IDs tell when a request reached the server; this module reads
//! that time out of COS, CI and OBS request IDs, and parses the client-side
//! times (`Date` headers, log timestamps) it is compared with.
//!
//! - A COS or CI request ID is base64 (padding usually dropped) of
//!   `<8 hex digits: Unix seconds>_<hex>_<hex>_<hex>`, e.g.
//!   `NTk0MzYxM2RfMjRhNjI5MGFfNWZjZl8xNTVmYmQx` is `5943613d_24a6290a_5fcf_155fbd1`.
//! - An OBS request ID is 32 hex digits whose first 16 are milliseconds
//!   since the epoch, e.g. `0000018D0238B1A3...`.
//!
//! A `TraceId` is not a request ID (it decodes to a long hex string without
//! the `_`-separated shape) and is rejected.
//!
//! Masked IDs (`NjA2****`) are never repaired: the time is read only when
//! the unmasked prefix holds all of it (the first 12 base64 characters of a
//! COS ID, the first 16 hex digits of an OBS ID); otherwise `None`.
//!
//! Times before 2010 or from 2100 on are implausible and rejected: the OBS
//! documentation's own example `001B21A61C6C0000013402C4616D5285` would
//! otherwise be the year 243,000.

use std::cell::Cell;
use std::fmt;

use crate::catalog::Provider;

/// 2010-01-01T00:00:00Z in Unix milliseconds: no COS or OBS ID is older.
const EARLIEST_MS: i64 = 1_262_304_000_000;
/// 2100-01-01T00:00:00Z in Unix milliseconds.
const LATEST_MS: i64 = 4_102_444_800_000;

/// When a request reached the server, read from its request ID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestTime {
    unix_millis: i64,
    provider: Provider,
}

impl RequestTime {
    /// The time as RFC 3339 text, without allocating. The last time
    /// formatted on this thread is kept: the errors of a log come in
    /// bursts, many in the same second.
    pub fn rfc3339(&self) -> Rfc3339 {
        thread_local! {
            static LAST: Cell<Option<(i64, Rfc3339)>> = const { Cell::new(None) };
        }
        LAST.with(|last| match last.get() {
            Some((ms, text)) if ms == self.unix_millis => text,
            _ => {
                let text = Rfc3339::new(self.unix_millis);
                last.set(Some((self.unix_millis, text)));
                text
            }
        })
    }

    /// Milliseconds since the Unix epoch, UTC.
    pub fn unix_millis(&self) -> i64 {
        self.unix_millis
    }

    /// Whose ID format it was: [`Provider::Cos`] stands for Tencent (COS or
    /// CI share the format), [`Provider::Obs`] for Huawei OBS.
    pub fn provider(&self) -> Provider {
        self.provider
    }
}

/// RFC 3339 in UTC: `2024-01-12T16:36:51Z`, with `.mmm` when the ID carries
/// milliseconds that are not zero (OBS).
impl fmt::Display for RequestTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Rfc3339::new(self.unix_millis).as_str())
    }
}

/// Reads the time out of a COS, CI or OBS request ID; `None` for anything
/// else (a trace ID, a host ID, a masked ID missing its time, junk).
pub fn request_time(id: &str) -> Option<RequestTime> {
    let id = id.trim();
    if id.is_empty() || id.len() > 128 {
        return None;
    }
    // The unmasked prefix: everything before the first '*'.
    let (prefix, masked) = match id.find('*') {
        Some(i) => (&id[..i], true),
        None => (id, false),
    };
    obs_time(prefix, id, masked).or_else(|| cos_time(prefix, masked))
}

fn obs_time(prefix: &str, whole: &str, masked: bool) -> Option<RequestTime> {
    let hex_ok = |s: &str| s.bytes().all(|b| b.is_ascii_hexdigit());
    if masked {
        // A masked OBS ID keeps its length: 32 characters, stars included.
        if whole.len() != 32 || prefix.len() < 16 || !hex_ok(prefix) {
            return None;
        }
    } else if prefix.len() != 32 || !hex_ok(prefix) {
        return None;
    }
    let ms = i64::from_str_radix(&prefix[..16], 16).ok()?;
    plausible(ms).then_some(RequestTime {
        unix_millis: ms,
        provider: Provider::Obs,
    })
}

fn cos_time(prefix: &str, masked: bool) -> Option<RequestTime> {
    let mut buf = [0u8; 96];
    let bytes = base64_decode(prefix, masked, &mut buf)?;
    // "<8 hex>_" is the least that carries the time.
    if bytes.len() < 9 || bytes[8] != b'_' || !bytes[..8].iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    if !masked {
        // The whole ID must be `_`-separated hex groups, at least two more:
        // that is what tells a request ID from any other base64 text.
        if !hex_groups(&bytes[9..]) {
            return None;
        }
    }
    let secs = bytes[..8].iter().fold(0i64, |acc, &b| {
        acc * 16 + i64::from((b as char).to_digit(16).unwrap_or(0))
    });
    let ms = secs * 1000;
    plausible(ms).then_some(RequestTime {
        unix_millis: ms,
        provider: Provider::Cos,
    })
}

/// Whether `rest` is two or more non-empty groups of hex digits joined
/// by `_`. `decode --json` reads the time of every error's request ID.
fn hex_groups(rest: &[u8]) -> bool {
    let other = super::any_byte(rest, |b| !(b.is_ascii_hexdigit() || b == b'_'));
    !other
        && rest.contains(&b'_')
        && rest.first() != Some(&b'_')
        && rest.last() != Some(&b'_')
        && memchr::memmem::find(rest, b"__").is_none()
}

fn plausible(ms: i64) -> bool {
    (EARLIEST_MS..LATEST_MS).contains(&ms)
}

const INVALID: u8 = 0xFF;

/// The value of each base64 digit, standard or URL-safe; [`INVALID`] for
/// anything else.
static BASE64: [u8; 256] = {
    let mut t = [INVALID; 256];
    let mut i = 0;
    while i < 26 {
        t[b'A' as usize + i] = i as u8;
        t[b'a' as usize + i] = 26 + i as u8;
        i += 1;
    }
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = 52 + d as u8;
        d += 1;
    }
    t[b'+' as usize] = 62;
    t[b'-' as usize] = 62;
    t[b'/' as usize] = 63;
    t[b'_' as usize] = 63;
    t
};

/// Decodes standard or URL-safe base64, padding optional. A masked prefix
/// may end mid-quantum: its trailing partial quantum is dropped.
fn base64_decode<'b>(s: &str, partial_ok: bool, out: &'b mut [u8; 96]) -> Option<&'b [u8]> {
    let s = s.trim_end_matches('=').as_bytes();
    // `request_time` takes IDs of at most 128 characters: 96 bytes.
    if s.len() > 128 {
        return None;
    }
    let digit = |b: u8| BASE64[usize::from(b)];
    // Whole quanta first, four digits to three bytes (with the digit-wise
    // group check, a digit at a time was 5% of `decode --json`'s CPU).
    let mut n = 0;
    let mut quanta = s.chunks_exact(4);
    for q in &mut quanta {
        let (a, b, c, d) = (digit(q[0]), digit(q[1]), digit(q[2]), digit(q[3]));
        // Digits are below 64; INVALID is not.
        if (a | b | c | d) > 63 {
            return None;
        }
        let v = u32::from(a) << 18 | u32::from(b) << 12 | u32::from(c) << 6 | u32::from(d);
        out[n..n + 3].copy_from_slice(&v.to_be_bytes()[1..]);
        n += 3;
    }
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &b in quanta.remainder() {
        let v = digit(b);
        if v == INVALID {
            return None;
        }
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out[n] = (acc >> bits) as u8;
            n += 1;
            acc &= (1 << bits) - 1;
        }
    }
    // A single leftover character (6 bits) can never end valid base64.
    if bits >= 6 && !partial_ok {
        return None;
    }
    Some(&out[..n])
}

/// Formats Unix milliseconds as RFC 3339 UTC (`2024-01-12T16:36:51Z`), with
/// `.mmm` only when the milliseconds are not zero.
pub fn format_rfc3339(unix_millis: i64) -> String {
    Rfc3339::new(unix_millis).as_str().to_owned()
}

/// The text of [`format_rfc3339`], kept on the stack: `decode --json`
/// writes one per error.
#[derive(Clone, Copy)]
pub struct Rfc3339 {
    buf: [u8; 32],
    len: usize,
}

impl Rfc3339 {
    pub fn new(unix_millis: i64) -> Rfc3339 {
        let secs = unix_millis.div_euclid(1000);
        let ms = unix_millis.rem_euclid(1000) as u32;
        let days = secs.div_euclid(86_400);
        let sod = secs.rem_euclid(86_400) as u32;
        let (y, m, d) = civil_from_days(days);
        let (hh, mm, ss) = (sod / 3600, sod % 3600 / 60, sod % 60);
        let mut t = Rfc3339 {
            buf: [0; 32],
            len: 0,
        };
        if !(0..=9999).contains(&y) {
            // Years an ID never carries (the extremes of i64 milliseconds
            // fit the buffer).
            let text = if ms == 0 {
                format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
            } else {
                format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{ms:03}Z")
            };
            t.len = text.len().min(32);
            t.buf[..t.len].copy_from_slice(&text.as_bytes()[..t.len]);
            return t;
        }
        // Digit by digit with constant divisors: `format!` was a tenth of
        // `decode --json`'s time.
        let y = y as u32;
        let mut put = |b: u8| {
            t.buf[t.len] = b;
            t.len += 1;
        };
        let digit = |v: u32| b'0' + (v % 10) as u8;
        for b in [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
        ] {
            put(b);
        }
        for (v, then) in [(m, b'-'), (d, b'T'), (hh, b':'), (mm, b':'), (ss, 0)] {
            put(digit(v / 10));
            put(digit(v));
            if then != 0 {
                put(then);
            }
        }
        if ms != 0 {
            for b in [b'.', digit(ms / 100), digit(ms / 10), digit(ms)] {
                put(b);
            }
        }
        put(b'Z');
        t
    }

    pub fn as_str(&self) -> &str {
        // Digits and ASCII punctuation, or a `format!` string cut at a
        // character boundary (it is all ASCII).
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
/// Howard Hinnant's `civil_from_days`, exact for every i64 day we can meet.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32; // [1, 31]
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32; // [1, 12]
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The inverse of [`civil_from_days`].
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses the client-side times decode reports, to Unix milliseconds:
/// an HTTP date (`Fri, 12 Jan 2024 16:36:51 GMT`), RFC 3339 / ISO 8601
/// (`2024-01-12T16:36:51.123+08:00`, `2024-01-12 16:36:51,123`) and the Go
/// `log` form (`2024/01/12 16:36:51`). A time without a zone is taken as
/// UTC: a log line does not say which zone its clock was in.
pub fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    parse_iso(s).or_else(|| parse_http_date(s))
}

fn num(b: &[u8]) -> Option<i64> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0i64, |a, &d| a * 10 + i64::from(d - b'0')))
}

fn valid_ymd_hms(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> bool {
    (1..=12).contains(&mo) && (1..=31).contains(&d) && h < 24 && mi < 60 && s <= 60 && y > 0
}

fn parse_iso(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let sep = b[4];
    if !(sep == b'-' || sep == b'/') || b[7] != sep || !(b[10] == b'T' || b[10] == b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (y, mo, d) = (num(&b[0..4])?, num(&b[5..7])?, num(&b[8..10])?);
    let (h, mi, sec) = (num(&b[11..13])?, num(&b[14..16])?, num(&b[17..19])?);
    if !valid_ymd_hms(y, mo, d, h, mi, sec) {
        return None;
    }
    let mut i = 19;
    let mut ms = 0i64;
    if i < b.len() && (b[i] == b'.' || b[i] == b',') {
        let start = i + 1;
        let mut j = start;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let frac = &b[start..j];
        for (k, &d) in frac.iter().take(3).enumerate() {
            ms += i64::from(d - b'0') * [100, 10, 1][k];
        }
        i = j;
    }
    let mut offset_min = 0i64;
    let rest = s[i..].trim_start();
    let rb = rest.as_bytes();
    if rest.starts_with('Z') || rest.starts_with('z') {
    } else if !rb.is_empty() && (rb[0] == b'+' || rb[0] == b'-') {
        let digits: Vec<u8> = rb[1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || **c == b':')
            .filter(|c| c.is_ascii_digit())
            .copied()
            .collect();
        if digits.len() == 4 || digits.len() == 2 {
            let hh = num(&digits[..2])?;
            let mm = if digits.len() == 4 {
                num(&digits[2..])?
            } else {
                0
            };
            offset_min = hh * 60 + mm;
            if rb[0] == b'-' {
                offset_min = -offset_min;
            }
        }
    }
    let days = days_from_civil(y, mo as u32, d as u32);
    Some(((days * 86_400 + h * 3600 + mi * 60 + sec) - offset_min * 60) * 1000 + ms)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `Fri, 12 Jan 2024 16:36:51 GMT` (the weekday is optional).
fn parse_http_date(s: &str) -> Option<i64> {
    let s = match s.find(',') {
        Some(i) => &s[i + 1..],
        None => s,
    };
    let mut it = s.split_ascii_whitespace();
    let d = num(it.next()?.as_bytes())?;
    let mon = it.next()?.to_ascii_lowercase();
    let mo = MONTHS.iter().position(|m| mon.starts_with(m))? as i64 + 1;
    let y = num(it.next()?.as_bytes())?;
    let hms: Vec<&str> = it.next()?.split(':').collect();
    if hms.len() != 3 {
        return None;
    }
    let (h, mi, sec) = (
        num(hms[0].as_bytes())?,
        num(hms[1].as_bytes())?,
        num(hms[2].as_bytes())?,
    );
    if !valid_ymd_hms(y, mo, d, h, mi, sec) {
        return None;
    }
    let days = days_from_civil(y, mo as u32, d as u32);
    Some((days * 86_400 + h * 3600 + mi * 60 + sec) * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &str) -> String {
        // Test-only encoder, unpadded, to build IDs from their plain text.
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in s.as_bytes().chunks(3) {
            let n =
                chunk.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b)) << (8 * (3 - chunk.len()));
            for i in 0..=chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        out
    }

    #[test]
    fn base64_by_quanta_is_base64_by_digit() {
        // The definition: the digits' six bits each, in order, read back
        // eight at a time; leftover bits are dropped, six of them only
        // where a partial quantum may end a masked prefix.
        let plain = |s: &str, partial_ok: bool| -> Option<Vec<u8>> {
            let mut bits = Vec::new();
            for b in s.trim_end_matches('=').bytes() {
                let v = BASE64[usize::from(b)];
                if v == INVALID {
                    return None;
                }
                bits.extend((0..6).rev().map(|i| v >> i & 1));
            }
            if bits.len() % 8 >= 6 && !partial_ok {
                return None;
            }
            let bytes = bits
                .chunks_exact(8)
                .map(|byte| byte.iter().fold(0, |acc, &bit| acc << 1 | bit));
            Some(bytes.collect())
        };
        let alphabet = b"AZaz09+/-_=*. ";
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for i in 0..20_000 {
            let len = i % 23;
            let s: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    char::from(alphabet[(seed % alphabet.len() as u64) as usize])
                })
                .collect();
            for partial_ok in [false, true] {
                let mut buf = [0u8; 96];
                let got = base64_decode(&s, partial_ok, &mut buf).map(<[u8]>::to_vec);
                assert_eq!(got, plain(&s, partial_ok), "{s:?}");
            }
        }
    }

    #[test]
    fn hex_groups_is_split_on_underscores() {
        // The plain definition, on every string of up to 7 bytes over hex
        // digits, `_` and a non-hex letter.
        let plain = |rest: &[u8]| {
            let groups: Vec<&[u8]> = rest.split(|&b| b == b'_').collect();
            groups.len() >= 2
                && groups
                    .iter()
                    .all(|g| !g.is_empty() && g.iter().all(u8::is_ascii_hexdigit))
        };
        let mut checked = 0;
        for s in super::super::every_sequence(b"0aF_g", 7) {
            assert_eq!(hex_groups(&s), plain(&s), "{}", String::from_utf8_lossy(&s));
            checked += 1;
        }
        assert!(checked > 90_000);
    }

    #[test]
    fn cos_documented_example() {
        let t = request_time("NTk0MzYxM2RfMjRhNjI5MGFfNWZjZl8xNTVmYmQx").unwrap();
        assert_eq!(t.unix_millis(), 0x5943613d * 1000);
        assert_eq!(t.provider(), Provider::Cos);
        assert_eq!(t.to_string(), "2017-06-16T04:40:29Z");
    }

    #[test]
    fn cos_with_and_without_padding() {
        let id = b64("65a1b2c3_8f1e_4d2e_1a2b3c");
        let t = request_time(&id).unwrap();
        assert_eq!(t.to_string(), "2024-01-12T21:44:35Z");
        let padded = format!("{id}{}", "=".repeat((4 - id.len() % 4) % 4));
        assert_eq!(request_time(&padded), Some(t));
        assert_eq!(request_time(&format!("  {id}\n")), Some(t));
    }

    /// `rfc3339` keeps the last text it made on its thread: each time
    /// in a row gets its own text, whether it repeats the last or not.
    #[test]
    fn rfc3339_follows_each_time_in_turn() {
        let ids = [
            b64("65a16aa3_2ab3_4c5d_6e7f8a9b"),
            b64("65a16aa3_2ab3_4c5d_6e7f8a9c"),
            "0000018D0238B1A3E2A4C4D5E6F70812".to_owned(),
            b64("65a1b2c3_8f1e_4d2e_1a2b3c"),
            b64("65a16aa3_2ab3_4c5d_6e7f8a9b"),
        ];
        let texts: Vec<String> = ids
            .iter()
            .map(|id| request_time(id).unwrap().rfc3339().as_str().to_owned())
            .collect();
        assert_eq!(
            texts,
            [
                "2024-01-12T16:36:51Z",
                "2024-01-12T16:36:51Z",
                "2024-01-13T09:48:06.435Z",
                "2024-01-12T21:44:35Z",
                "2024-01-12T16:36:51Z",
            ]
        );
    }

    #[test]
    fn issue_example_time() {
        // "2024-01-12T16:36:51Z" from the issue is 0x65a16aa3.
        let t = request_time(&b64("65a16aa3_2ab3_4c5d_6e7f8a9b")).unwrap();
        assert_eq!(t.to_string(), "2024-01-12T16:36:51Z");
    }

    #[test]
    fn url_safe_alphabet() {
        let id = b64("65a1b2c3_ff_fbff_fe")
            .replace('+', "-")
            .replace('/', "_");
        assert!(request_time(&id).is_some());
    }

    #[test]
    fn obs_ids() {
        let t = request_time("0000018D0238B1A3E2A4C4D5E6F70812").unwrap();
        assert_eq!(t.provider(), Provider::Obs);
        assert_eq!(t.unix_millis(), 0x18D0238B1A3);
        assert_eq!(t.to_string(), "2024-01-13T09:48:06.435Z");
        // Lower-case hex is the same ID.
        assert_eq!(
            request_time("0000018d0238b1a3e2a4c4d5e6f70812").map(|t| t.unix_millis()),
            Some(0x18D0238B1A3)
        );
    }

    #[test]
    fn obs_documentation_example_is_implausible() {
        assert_eq!(request_time("001B21A61C6C0000013402C4616D5285"), None);
    }

    #[test]
    fn trace_id_is_not_a_request_id() {
        let trace = "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE3YmE4NzNhYmExYWNkNTAyOTIzMzRjMmU5MjBk";
        assert_eq!(request_time(trace), None);
        // Even a trace ID whose text starts like a time is refused: it has
        // no `_`-separated groups.
        assert_eq!(request_time(&b64("65a1b2c3_8f1e4d2e1a2b3c_")), None);
        assert_eq!(request_time(&b64("65a1b2c3")), None);
    }

    #[test]
    fn masked_ids() {
        // Too little left to hold the time.
        assert_eq!(request_time("NjA2****"), None);
        assert_eq!(request_time("0000018D****************"), None);
        // The first 12 base64 characters hold "<8 hex>_": the time is there.
        let id = b64("65a1b2c3_8f1e_4d2e_1a2b3c");
        let masked = format!("{}****", &id[..12]);
        assert_eq!(
            request_time(&masked).map(|t| t.to_string()),
            Some("2024-01-12T21:44:35Z".into())
        );
        let masked = format!("{}****", &id[..11]);
        assert_eq!(request_time(&masked), None);
        assert!(request_time("0000018D0238B1A3****************").is_some());
    }

    #[test]
    fn junk_and_implausible() {
        for s in [
            "",
            "   ",
            "hello world",
            "!!!!",
            "0",
            &"A".repeat(200),
            &b64("00000001_1_1"),
        ] {
            assert_eq!(request_time(s), None, "{s}");
        }
        // Year 2100 and later.
        assert_eq!(request_time(&b64("f4865700_1_1")), None);
    }

    #[test]
    fn civil_round_trip() {
        for days in [-719_468, -1, 0, 1, 10_957, 19_734, 47_482, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_734), (2024, 1, 12));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(format_rfc3339(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(format_rfc3339(1_705_077_411_000), "2024-01-12T16:36:51Z");
        assert_eq!(
            format_rfc3339(1_705_077_411_007),
            "2024-01-12T16:36:51.007Z"
        );
        assert_eq!(format_rfc3339(253_402_300_800_000), "10000-01-01T00:00:00Z");
    }

    /// The digit-by-digit text against `format!` over the years IDs carry
    /// and far around them, and back through `parse_date`.
    #[test]
    fn rfc3339_digits_match_format() {
        let mut ms: i64 = -62_167_219_200_000; // 0000-01-01T00:00:00Z
        while ms < 253_402_300_800_000 {
            let secs = ms.div_euclid(1000);
            let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
            let sod = secs.rem_euclid(86_400);
            let (hh, mi, ss, frac) = (sod / 3600, sod % 3600 / 60, sod % 60, ms.rem_euclid(1000));
            let mut want = format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mi:02}:{ss:02}");
            if frac != 0 {
                want.push_str(&format!(".{frac:03}"));
            }
            want.push('Z');
            assert_eq!(format_rfc3339(ms), want);
            if y >= 1970 {
                assert_eq!(parse_date(&want), Some(ms), "{want}");
            }
            ms += 7_919_000_000_013; // about 251 years and 13 ms
            ms -= 7_600_000_000_000; // net: about 10 years, odd hours
        }
    }

    #[test]
    fn parses_client_dates() {
        let base = 1_705_077_411_000; // 2024-01-12T16:36:51Z
        assert_eq!(parse_date("Fri, 12 Jan 2024 16:36:51 GMT"), Some(base));
        assert_eq!(parse_date("12 Jan 2024 16:36:51 GMT"), Some(base));
        assert_eq!(parse_date("2024-01-12T16:36:51Z"), Some(base));
        assert_eq!(parse_date("2024-01-12 16:36:51"), Some(base));
        assert_eq!(parse_date("2024/01/12 16:36:51"), Some(base));
        assert_eq!(parse_date("2024-01-12 16:36:51,250"), Some(base + 250));
        assert_eq!(parse_date("2024-01-12T16:36:51.5Z"), Some(base + 500));
        assert_eq!(parse_date("2024-01-13T00:36:51+08:00"), Some(base));
        assert_eq!(parse_date("2024-01-12T08:36:51-0800"), Some(base));
        assert_eq!(parse_date("2024-13-12T08:36:51"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("Fri, 99 Foo 2024 16:36:51 GMT"), None);
    }
}
