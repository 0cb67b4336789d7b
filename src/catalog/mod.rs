//! The embedded catalogue: every documented COS, CI and OBS error code, and
//! the codes their users meet beyond those documents (SDK client codes, S3
//! error names, Tencent Cloud API and STS, libcurl, Apple URL loading), each
//! with its source.
//!
//! `build.rs` validates `data/*.json` and compiles it into the static
//! [`ENTRIES`] table, so a lookup parses nothing at run time.

use std::fmt;

/// Who defines an entry's code: one of the three storage services, or a
/// list their users meet beyond them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Provider {
    /// Tencent Cloud Object Storage.
    Cos,
    /// Tencent Cloud Infinite (data processing on COS).
    Ci,
    /// Huawei Cloud Object Storage Service.
    Obs,
    /// Amazon S3's error names, which COS and OBS users meet through S3
    /// tools; shown where COS and OBS have no entry of the name.
    S3,
    /// Tencent Cloud API 3.0 and STS (temporary keys for COS).
    TencentCloud,
    /// libcurl's error codes (curl's exit codes).
    Curl,
    /// Apple's URL loading system (`NSURLErrorDomain`).
    Apple,
}

impl Provider {
    /// Every provider, in display order.
    pub const ALL: [Provider; 7] = [
        Provider::Cos,
        Provider::Ci,
        Provider::Obs,
        Provider::S3,
        Provider::TencentCloud,
        Provider::Curl,
        Provider::Apple,
    ];

    /// The identifier used in `data/` and in `--json` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Cos => "cos",
            Provider::Ci => "ci",
            Provider::Obs => "obs",
            Provider::S3 => "s3",
            Provider::TencentCloud => "tencentcloud",
            Provider::Curl => "curl",
            Provider::Apple => "apple",
        }
    }

    /// A human name, for headings.
    pub fn title(self) -> &'static str {
        match self {
            Provider::Cos => "Tencent Cloud COS",
            Provider::Ci => "Tencent Cloud Infinite (CI)",
            Provider::Obs => "Huawei Cloud OBS",
            Provider::S3 => "Amazon S3 (the S3 meaning)",
            Provider::TencentCloud => "Tencent Cloud API",
            Provider::Curl => "libcurl",
            Provider::Apple => "Apple URL loading",
        }
    }

    /// Whether this is one of the storage services that decode identifies
    /// (COS, CI, OBS); the others are lists of codes met along the way.
    pub fn is_service(self) -> bool {
        matches!(self, Provider::Cos | Provider::Ci | Provider::Obs)
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Provider {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Provider::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<&str> = Provider::ALL.iter().map(|p| p.as_str()).collect();
                format!("unknown provider '{s}' (expected {})", names.join(", "))
            })
    }
}

/// The table of the documentation an entry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The XML API error tables of COS, CI and OBS.
    Api,
    /// CI image download processing codes (the `X-ErrNo` header).
    ImageDownload,
    /// CI image persistence processing codes.
    ImagePersistence,
    /// CI document (file) preview codes.
    DocumentPreview,
    /// CI content moderation codes.
    ContentModeration,
    /// CI media processing (MPS) codes.
    MediaProcessing,
    /// COS's legacy JSON API (V4, before the XML API): negative numbers
    /// with `ERROR_*` names in a JSON body.
    JsonApi,
    /// Codes a client (SDK, tool, network library) reports on its own,
    /// without or before a server's answer.
    Client,
    /// Tencent Cloud API 3.0 common errors.
    CloudApi,
    /// Tencent Cloud STS (temporary credentials) errors.
    Sts,
}

impl Section {
    /// Every section, in display order.
    pub const ALL: [Section; 10] = [
        Section::Api,
        Section::ImageDownload,
        Section::ImagePersistence,
        Section::DocumentPreview,
        Section::ContentModeration,
        Section::MediaProcessing,
        Section::JsonApi,
        Section::Client,
        Section::CloudApi,
        Section::Sts,
    ];

    /// Whether a server answers with the codes of this section (the API
    /// errors and CI's processing codes); the client, Cloud API and STS
    /// lists are not a storage server's answer.
    pub fn is_server(self) -> bool {
        !matches!(self, Section::Client | Section::CloudApi | Section::Sts)
    }

    /// Whether this is one of Cloud Infinite's processing sections (its
    /// numeric `X-ErrNo` codes).
    pub fn is_ci_processing(self) -> bool {
        matches!(
            self,
            Section::ImageDownload
                | Section::ImagePersistence
                | Section::DocumentPreview
                | Section::ContentModeration
                | Section::MediaProcessing
        )
    }

    /// Whose codes these are and which list, for a sentence: "Cloud
    /// Infinite's image download", "COS's legacy JSON API".
    pub fn owned_title(self) -> String {
        let owner = match self {
            s if s.is_ci_processing() => "Cloud Infinite's",
            Section::JsonApi => "COS's",
            _ => "the",
        };
        format!("{owner} {}", self.title())
    }

    /// The identifier used in `data/` and in `--json` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Api => "api",
            Section::ImageDownload => "image-download",
            Section::ImagePersistence => "image-persistence",
            Section::DocumentPreview => "document-preview",
            Section::ContentModeration => "content-moderation",
            Section::MediaProcessing => "media-processing",
            Section::JsonApi => "json-api",
            Section::Client => "client",
            Section::CloudApi => "cloud-api",
            Section::Sts => "sts",
        }
    }

    /// A human name, for headings.
    pub fn title(self) -> &'static str {
        match self {
            Section::Api => "API error",
            Section::ImageDownload => "image download",
            Section::ImagePersistence => "image persistence",
            Section::DocumentPreview => "document preview",
            Section::ContentModeration => "content moderation",
            Section::MediaProcessing => "media processing",
            Section::JsonApi => "legacy JSON API",
            Section::Client => "client-side",
            Section::CloudApi => "API 3.0 common error",
            Section::Sts => "STS",
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Section {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Section::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<&str> = Section::ALL.iter().map(|s| s.as_str()).collect();
                format!("unknown section '{s}' (expected {})", names.join(", "))
            })
    }
}

/// A server `Message` string that the documents give for an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Message {
    /// The text the server sends.
    pub message: &'static str,
    /// What the document says it means, where it says.
    pub description: Option<&'static str>,
    /// Why the server sends it, where a troubleshooting page says.
    pub causes: &'static [Span],
    /// What to do when it is seen, where a page says.
    pub advice: Option<&'static str>,
    /// The page the causes and advice come from.
    pub source: Option<&'static str>,
}

impl Message {
    /// The causes, as text.
    pub fn causes(&self) -> impl ExactSizeIterator<Item = &'static str> + Clone + use<> {
        self.causes.iter().map(|s| s.text())
    }
}

/// A piece of [`TEXT`]: `start..end`.
///
/// The table holds no pointers, only these offsets, so it needs no
/// relocation when the program starts: with `&'static str` fields the
/// dynamic loader rewrote some 2,800 pointers on every run, and touching
/// those pages cost a measurable share of a `coserr lookup`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span(u32, u32);

impl Span {
    fn text(self) -> &'static str {
        &TEXT[self.0 as usize..self.1 as usize]
    }
}

/// A server message as stored: spans into [`TEXT`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RawMessage {
    message: Span,
    description: Option<Span>,
    /// `start..end` in [`LISTS`].
    causes: (u16, u16),
    advice: Option<Span>,
    source: Option<Span>,
}

/// A troubleshooting page's causes for a code, whatever its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RawTrouble {
    /// `start..end` in [`LISTS`].
    causes: (u16, u16),
    advice: Option<Span>,
    source: Span,
}

/// What a troubleshooting page says about a code (or one of its server
/// messages): the causes, what to do, and the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trouble {
    causes: &'static [Span],
    pub advice: Option<&'static str>,
    pub source: &'static str,
}

impl Trouble {
    /// A page's word on a message, from the message's fields.
    pub fn new(
        causes: &'static [Span],
        advice: Option<&'static str>,
        source: &'static str,
    ) -> Trouble {
        Trouble {
            causes,
            advice,
            source,
        }
    }

    /// The causes, as text, in the page's order.
    pub fn causes(&self) -> impl ExactSizeIterator<Item = &'static str> + Clone + use<> {
        self.causes.iter().map(|s| s.text())
    }
}

/// One documented error: a (provider, section, code or number, status) row.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    pub provider: Provider,
    pub section: Section,
    /// The numeric code (CI processing sections), or `None`.
    pub number: Option<i32>,
    /// The HTTP status, where the document gives one.
    pub status: Option<u16>,
    /// Whether the same request may succeed unchanged later.
    pub retryable: bool,
    code: Option<Span>,
    status_text: Option<Span>,
    description: Span,
    description_zh: Option<Span>,
    advice: Span,
    /// `start..end` in [`MESSAGES`].
    messages: (u16, u16),
    /// `start..end` in [`LISTS`].
    aliases: (u16, u16),
    /// `start..end` in [`LISTS`].
    docs: (u16, u16),
    trouble: Option<RawTrouble>,
    source: Span,
    /// The entry as `--json` prints it, rendered by build.rs.
    json: Span,
}

impl Entry {
    /// The error code string, or `None` where the document gives a number
    /// only.
    pub fn code(&self) -> Option<&'static str> {
        self.code.map(Span::text)
    }

    /// The reason phrase of the HTTP status.
    pub fn status_text(&self) -> Option<&'static str> {
        self.status_text.map(Span::text)
    }

    /// The document's English description, verbatim.
    pub fn description(&self) -> &'static str {
        self.description.text()
    }

    /// The Chinese description, where a document gives one.
    pub fn description_zh(&self) -> Option<&'static str> {
        self.description_zh.map(Span::text)
    }

    /// What to do about it, in English.
    pub fn advice(&self) -> &'static str {
        self.advice.text()
    }

    /// The server messages the documents give for it.
    pub fn messages(&self) -> impl ExactSizeIterator<Item = Message> + Clone + use<> {
        MESSAGES[usize::from(self.messages.0)..usize::from(self.messages.1)]
            .iter()
            .map(|m| Message {
                message: m.message.text(),
                description: m.description.map(Span::text),
                causes: &LISTS[usize::from(m.causes.0)..usize::from(m.causes.1)],
                advice: m.advice.map(Span::text),
                source: m.source.map(Span::text),
            })
    }

    /// Other spellings that resolve to this entry.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &'static str> + Clone + use<> {
        strings(self.aliases)
    }

    /// Where the entry's facts come from: `seed documents 000, 001` for the
    /// seed documents (data/README.md), else a URL or a
    /// `github:owner/repo/path`.
    pub fn source(&self) -> &'static str {
        self.source.text()
    }

    /// What a troubleshooting page says of the code whatever its message.
    pub fn troubleshooting(&self) -> Option<Trouble> {
        self.trouble.map(|t| Trouble {
            causes: &LISTS[usize::from(t.causes.0)..usize::from(t.causes.1)],
            advice: t.advice.map(Span::text),
            source: t.source.text(),
        })
    }

    /// What a troubleshooting page says of the code when the server sent
    /// `message` (compared as decode compares messages: exactly, then
    /// ignoring case and a final full stop), else of the code whatever
    /// its message.
    pub fn trouble_for(&self, message: Option<&str>) -> Option<Trouble> {
        let norm = |m: &str| m.trim().trim_end_matches('.').to_ascii_lowercase();
        message
            .and_then(|seen| {
                let seen = norm(seen);
                self.messages()
                    .find(|m| m.source.is_some() && norm(m.message) == seen)
            })
            .and_then(|m| {
                m.source.map(|source| Trouble {
                    causes: m.causes,
                    advice: m.advice,
                    source,
                })
            })
            .or_else(|| self.troubleshooting())
    }

    /// Whether the entry comes from the seed documents.
    pub fn is_seed(&self) -> bool {
        self.source().starts_with("seed documents ")
    }

    /// Documentation links.
    pub fn docs(&self) -> impl ExactSizeIterator<Item = &'static str> + Clone + use<> {
        strings(self.docs)
    }

    /// The entry as one JSON object with exactly the fields of
    /// data/README.md, in that order.
    pub fn json(&self) -> &'static str {
        self.json.text()
    }

    /// The name to show: the code, else the number.
    pub fn name(&self) -> String {
        match (self.code(), self.number) {
            (Some(code), _) => code.to_owned(),
            (None, Some(n)) => n.to_string(),
            (None, None) => String::new(),
        }
    }

    /// Whether `query` names this entry.
    pub fn matches(&self, query: &Query) -> bool {
        match query {
            Query::Name(name) => self.names().any(|n| fold_eq(n, name)),
            Query::Prefix(stem) => self.names().any(|n| fold_starts_with(n, stem)),
            Query::Number(n) => self.number.is_some_and(|m| i64::from(m) == *n),
            // Three digits read as a status; a client code of that number
            // (OBS_STATUS 100) has no status, and is meant just as well.
            Query::Status(s) => {
                self.status == Some(*s)
                    || (self.status.is_none() && self.number == Some(i32::from(*s)))
            }
            Query::StatusClass(c) => self.status.is_some_and(|s| s / 100 == *c),
        }
    }

    /// Whether COS or OBS has an entry of this entry's code: S3's meaning
    /// of such a name is shown only when S3 is asked for.
    pub fn shadowed(&self) -> bool {
        self.code().is_some_and(|code| {
            named(&fold(code)).any(|other| {
                matches!(other.provider, Provider::Cos | Provider::Obs)
                    && other.section != Section::Client
            })
        })
    }

    /// Whether a server answers with this code: a storage service's
    /// server-side entry, or S3's meaning of a name none of them has.
    pub fn is_server(&self) -> bool {
        match self.provider {
            Provider::Cos | Provider::Ci | Provider::Obs => self.section.is_server(),
            Provider::S3 => !self.shadowed(),
            _ => false,
        }
    }

    /// The code and its aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.code().into_iter().chain(self.aliases())
    }
}

fn strings((start, end): (u16, u16)) -> impl ExactSizeIterator<Item = &'static str> + Clone {
    LISTS[usize::from(start)..usize::from(end)]
        .iter()
        .map(|s| s.text())
}

// `TEXT`, `ENTRIES`, `MESSAGES` and `LISTS`, generated by build.rs from
// data/*.json. Entries are sorted by provider, section, then the order of
// the source document.
include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// The whole catalogue.
pub fn entries() -> &'static [Entry] {
    &ENTRIES
}

/// The entries [`Filter::servers`] accepts (S3's only where COS and OBS
/// lack the name): the codes decode reads in a server's answer.
pub fn server_entries() -> impl Iterator<Item = &'static Entry> {
    ENTRIES.iter().filter(|e| e.is_server())
}

/// The server entries (see [`server_entries`]) whose code or alias folds
/// to `folded`, without allocating: decode asks for every error's code.
pub fn server_named(folded: &str) -> impl Iterator<Item = &'static Entry> + '_ {
    named(folded).filter(|e| e.is_server())
}

/// Whether a server entry (of any provider, S3's included) is numbered `n`.
pub fn server_numbered(n: i64) -> bool {
    !lookup(&Query::Number(n), &Filter::servers()).is_empty()
}

pub mod messages;
pub mod query;
pub mod search;
pub mod suggest;
#[cfg(test)]
pub mod validate;

pub use query::{InvalidQuery, Query, fold, fold_eq, fold_starts_with};

/// Restricts which entries a listing shows. The default accepts all.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Any of these providers; empty means all.
    pub providers: Vec<Provider>,
    /// Any of these sections; empty means all.
    pub sections: Vec<Section>,
    pub status: Option<u16>,
    /// Only entries where retrying can help.
    pub retryable: bool,
}

impl Filter {
    /// The storage services' server-side codes (COS, CI, OBS; no client
    /// codes): what decode reads an error response's code against first.
    pub fn services() -> Filter {
        Filter {
            providers: vec![Provider::Cos, Provider::Ci, Provider::Obs],
            sections: Section::ALL.into_iter().filter(|s| s.is_server()).collect(),
            ..Filter::default()
        }
    }

    /// [`Filter::services`] and S3's names: every code a storage server
    /// (or an S3 gateway in front of one) may answer with.
    pub fn servers() -> Filter {
        Filter {
            providers: vec![Provider::Cos, Provider::Ci, Provider::Obs, Provider::S3],
            ..Filter::services()
        }
    }

    pub fn accepts(&self, e: &Entry) -> bool {
        // S3's meaning of a name that COS or OBS documents is shown only
        // when S3 is asked for: it is the meaning a COS or OBS user meets.
        if e.provider == Provider::S3 && !self.providers.contains(&Provider::S3) && e.shadowed() {
            return false;
        }
        (self.providers.is_empty() || self.providers.contains(&e.provider))
            && (self.sections.is_empty() || self.sections.contains(&e.section))
            && self.status.is_none_or(|s| e.status == Some(s))
            && (!self.retryable || e.retryable)
    }
}

/// Every entry that `query` names and `filter` accepts, in catalogue order
/// (grouped by provider, then section).
pub fn lookup(query: &Query, filter: &Filter) -> Vec<&'static Entry> {
    match query {
        Query::Name(name) => named(name).filter(|e| filter.accepts(e)).collect(),
        _ => ENTRIES
            .iter()
            .filter(|e| filter.accepts(e) && e.matches(query))
            .collect(),
    }
}

/// The entries whose code or alias folds to `folded`, in catalogue order,
/// found by binary search in the name index: `decode` looks up the code of
/// every error it meets, and a scan of the whole table per error was half
/// of its time.
fn named(folded: &str) -> impl Iterator<Item = &'static Entry> + '_ {
    let start = NAMES.partition_point(|(name, _)| name.text() < folded);
    let mut last = None;
    NAMES[start..]
        .iter()
        .take_while(move |(name, _)| name.text() == folded)
        // An alias may fold to its own code (`IncorrectNumberOfFilesInPost
        // Request`): the index is sorted by entry too, so skip repeats.
        .filter(move |(_, index)| last.replace(*index) != Some(*index))
        .map(|(_, index)| &ENTRIES[usize::from(*index)])
}

/// The entries that `filter` accepts, in catalogue order.
pub fn list(filter: &Filter) -> impl Iterator<Item = &'static Entry> + '_ {
    ENTRIES.iter().filter(move |e| filter.accepts(e))
}
