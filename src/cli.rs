//! The command-line interface: clap types only.
//!
//! Flag names are written out in full so they can be grepped. `main.rs`
//! turns these into the library's domain types (`Filter`, `Query`,
//! `decode::Options`); the library never sees clap.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

use coserr::catalog::{self, Provider, Section};

const LOOKUP_EXAMPLES: &str = "\
Examples:
  coserr lookup SlowDown              every SlowDown: COS, OBS, CI, moderation, MPS
  coserr lookup slowdown --provider obs
  coserr lookup -46618                a CI numeric code (X-ErrNo)
  coserr lookup 404                   every entry with HTTP status 404
  coserr lookup 5xx --retryable       server errors worth retrying
  coserr lookup 'NoSuch*'             a prefix
  coserr lookup \"Request has expired\" --lang zh
  coserr SlowDown                     `lookup` may be left out
  coserr lookup --json SlowDwn        JSON Lines, with suggestions on a miss";

const SEARCH_EXAMPLES: &str = "\
Examples:
  coserr search signature expired
  coserr search 签名
  coserr search --provider obs bucket policy
  coserr search --json frequency";

const LIST_EXAMPLES: &str = "\
Examples:
  coserr list
  coserr list --provider ci --section content-moderation
  coserr list --status 409
  coserr list --retryable --json | jq -r .code";

const DECODE_EXAMPLES: &str = "\
Examples:
  curl -si https://bucket.cos.ap-guangzhou.myqcloud.com/key | coserr decode
  curl -sv https://examplebucket.obs.cn-north-4.myhuaweicloud.com/x 2>&1 | coserr decode
  coserr decode app.log --summary
  tail -f app.log | coserr decode --json
  coserr decode response.xml -";

const ID_EXAMPLES: &str = "\
Examples:
  coserr id NjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg=
  coserr id 0000018C0A5B2C00D0F4C3A1B2E6F123";

const MAN_EXAMPLES: &str = "\
Examples:
  coserr man | man -l -                 coserr(1)
  coserr man lookup | man -l -          coserr-lookup(1)
  coserr man --dir ~/.local/share/man/man1   every page: coserr(1), coserr-lookup(1), ...";

const TOP_EXAMPLES: &str = "\
Examples:
  coserr SlowDown                     explain a code (same as `coserr lookup SlowDown`)
  coserr -46618                       a CI numeric code
  coserr 404                          everything with HTTP status 404
  coserr search signature
  curl -si URL | coserr decode        explain the error responses in the output

Exit status: 0 found, 1 nothing found, 2 usage or input error.";

/// Explain Tencent Cloud COS, Cloud Infinite (CI) and Huawei Cloud OBS errors.
#[derive(Debug, PartialEq, Parser)]
#[command(name = "coserr", version, about, after_help = TOP_EXAMPLES)]
#[command(arg_required_else_help = true, propagate_version = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,

    /// When to use colours: auto means stdout is a terminal and NO_COLOR is
    /// unset or empty (CLICOLOR_FORCE forces colour).
    #[arg(long = "color", value_enum, default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,

    /// Language of the descriptions: zh shows the Chinese text where the
    /// documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG
    /// starts with zh.
    #[arg(long = "lang", value_enum, default_value_t = Lang::Auto, global = true)]
    pub lang: Lang,

    /// Print JSON Lines instead of text.
    #[arg(long = "json", global = true)]
    pub json: bool,

    /// Never page: on a terminal, output longer than the screen goes
    /// through $COSERR_PAGER, else $PAGER, else `less -FRX`.
    #[arg(long = "no-pager", global = true)]
    pub no_pager: bool,
}

#[derive(Debug, PartialEq, Subcommand)]
pub enum Command {
    /// Look codes up by name, number, HTTP status or prefix.
    #[command(after_help = LOOKUP_EXAMPLES, visible_alias = "l")]
    Lookup(LookupArgs),
    /// Full-text search over codes, descriptions, messages and advice.
    #[command(after_help = SEARCH_EXAMPLES, visible_alias = "s")]
    Search(SearchArgs),
    /// List the catalogue as a table.
    #[command(after_help = LIST_EXAMPLES, visible_alias = "ls")]
    List(ListArgs),
    /// Explain the error responses in HTTP output, XML or JSON bodies, SDK
    /// messages and logs.
    #[command(after_help = DECODE_EXAMPLES)]
    Decode(DecodeArgs),
    /// Show when a request ID says its request reached the server.
    #[command(after_help = ID_EXAMPLES)]
    Id(IdArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  coserr completions bash > ~/.local/share/bash-completion/completions/coserr\n  coserr completions zsh > ~/.zfunc/_coserr\n  coserr completions fish > ~/.config/fish/completions/coserr.fish"
    )]
    Completions {
        /// The shell to print the script for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff), or write every page to a folder.
    #[command(after_help = MAN_EXAMPLES)]
    Man(ManArgs),
}

/// Filters shared by the listing commands.
#[derive(Debug, Default, PartialEq, ClapArgs)]
pub struct FilterArgs {
    /// Only this provider (repeatable).
    #[arg(long = "provider", value_enum)]
    pub provider: Vec<ProviderArg>,

    /// Only this section (repeatable).
    #[arg(long = "section", value_enum)]
    pub section: Vec<SectionArg>,

    /// Only entries with this HTTP status.
    #[arg(long = "status", value_parser = clap::value_parser!(u16).range(100..=599))]
    pub status: Option<u16>,

    /// Only entries where retrying the same request can help.
    #[arg(long = "retryable")]
    pub retryable: bool,
}

#[derive(Debug, PartialEq, ClapArgs)]
pub struct LookupArgs {
    /// Code names (any case, aliases too), numbers (-46618, 1020), HTTP
    /// statuses (404) or classes (4xx), or prefixes ending in '*'.
    #[arg(required = true, allow_negative_numbers = true, value_parser = CodeNames, hide_possible_values = true)]
    pub queries: Vec<String>,

    /// Take every query as a name prefix.
    #[arg(long = "prefix")]
    pub prefix: bool,

    /// Explain every match in full, even when there are several.
    #[arg(long = "long", short = 'l')]
    pub long: bool,

    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, PartialEq, ClapArgs)]
pub struct SearchArgs {
    /// Words that must all appear (in either language); put `--` before a
    /// word that starts with '-'.
    #[arg(required = true)]
    pub words: Vec<String>,

    /// Explain every match in full.
    #[arg(long = "long", short = 'l')]
    pub long: bool,

    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, PartialEq, ClapArgs)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, PartialEq, ClapArgs)]
pub struct DecodeArgs {
    /// Files to read; '-' is standard input, which is also the default.
    pub files: Vec<PathBuf>,

    /// Take every error as coming from this provider.
    #[arg(long = "provider", value_enum)]
    pub provider: Option<ServiceArg>,

    /// One table of the codes found, with counts, instead of one block per
    /// error.
    #[arg(long = "summary")]
    pub summary: bool,

    /// Check signatures with the secret key in this environment variable
    /// (by default COS_SECRETKEY, COS_SECRET_KEY, TENCENTCLOUD_SECRET_KEY;
    /// OBS_SECRET_ACCESS_KEY, HUAWEI_CLOUD_SECRET_ACCESS_KEY). The key is
    /// never printed.
    #[arg(long = "secret-key-env", value_name = "NAME")]
    pub secret_key_env: Option<String>,
}

#[derive(Debug, PartialEq, ClapArgs)]
pub struct ManArgs {
    /// The subcommand whose page to print (coserr-lookup(1) for lookup);
    /// without one, coserr(1).
    #[arg(value_enum)]
    pub page: Option<ManPage>,

    /// Write every page (coserr.1 and one per subcommand, which coserr.1
    /// refers to) into this folder, creating it if need be.
    #[arg(long = "dir", value_name = "DIR", conflicts_with = "page")]
    pub dir: Option<PathBuf>,
}

/// The subcommands that have a man page of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ManPage {
    Lookup,
    Search,
    List,
    Decode,
    Id,
    Completions,
    Man,
}

#[derive(Debug, PartialEq, ClapArgs)]
pub struct IdArgs {
    /// COS/CI request IDs (base64) or OBS request IDs (32 hex digits).
    #[arg(required = true)]
    pub ids: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Auto,
    En,
    Zh,
}

/// A provider of the catalogue, for `--provider` on the listing commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProviderArg {
    Cos,
    Ci,
    Obs,
    S3,
    #[value(name = "tencentcloud")]
    TencentCloud,
    Curl,
    Apple,
}

impl From<ProviderArg> for Provider {
    fn from(p: ProviderArg) -> Provider {
        match p {
            ProviderArg::Cos => Provider::Cos,
            ProviderArg::Ci => Provider::Ci,
            ProviderArg::Obs => Provider::Obs,
            ProviderArg::S3 => Provider::S3,
            ProviderArg::TencentCloud => Provider::TencentCloud,
            ProviderArg::Curl => Provider::Curl,
            ProviderArg::Apple => Provider::Apple,
        }
    }
}

/// A storage service, for `decode --provider`: the services whose errors
/// decode attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ServiceArg {
    Cos,
    Ci,
    Obs,
}

impl From<ServiceArg> for Provider {
    fn from(p: ServiceArg) -> Provider {
        match p {
            ServiceArg::Cos => Provider::Cos,
            ServiceArg::Ci => Provider::Ci,
            ServiceArg::Obs => Provider::Obs,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SectionArg {
    Api,
    ImageDownload,
    ImagePersistence,
    DocumentPreview,
    ContentModeration,
    MediaProcessing,
    JsonApi,
    Client,
    CloudApi,
    Sts,
}

impl From<SectionArg> for Section {
    fn from(s: SectionArg) -> Section {
        match s {
            SectionArg::Api => Section::Api,
            SectionArg::ImageDownload => Section::ImageDownload,
            SectionArg::ImagePersistence => Section::ImagePersistence,
            SectionArg::DocumentPreview => Section::DocumentPreview,
            SectionArg::ContentModeration => Section::ContentModeration,
            SectionArg::MediaProcessing => Section::MediaProcessing,
            SectionArg::JsonApi => Section::JsonApi,
            SectionArg::Client => Section::Client,
            SectionArg::CloudApi => Section::CloudApi,
            SectionArg::Sts => Section::Sts,
        }
    }
}

/// Parses the commonest command line, `coserr lookup QUERY...` with no
/// options (what `coserr QUERY` becomes), without building clap's command
/// tree; anything else returns `None` and goes to clap. Building the tree
/// for a one-word lookup cost more than the lookup: with it, `coserr lookup
/// SlowDown` took 1.22x the time of an empty program, without it 1.09x
/// (hyperfine, alternating rounds). A test checks that clap parses every
/// line this accepts to the same `Args`.
pub fn parse_fast(args: &[OsString]) -> Option<Args> {
    let (first, queries) = args.get(1..)?.split_first()?;
    if first != "lookup" || queries.is_empty() {
        return None;
    }
    let queries = queries
        .iter()
        .map(|q| {
            let q = q.to_str()?;
            (!q.starts_with('-') || is_negative_number(q)).then(|| q.to_owned())
        })
        .collect::<Option<Vec<String>>>()?;
    Some(Args {
        command: Command::Lookup(LookupArgs {
            queries,
            prefix: false,
            long: false,
            filter: FilterArgs::default(),
        }),
        color: ColorWhen::Auto,
        lang: Lang::Auto,
        json: false,
        no_pager: false,
    })
}

/// `-46618`: a numeric code, not a flag.
pub fn is_negative_number(s: &str) -> bool {
    s.strip_prefix('-')
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Accepts any string, but tells the completion generators the catalogue's
/// code names, so `coserr lookup NoSu<TAB>` offers NoSuchBucket, NoSuchKey...
/// Names with spaces are left out: shells would split them.
#[derive(Clone, Debug)]
pub struct CodeNames;

impl TypedValueParser for CodeNames {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn parse(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: OsString,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(code_names().map(PossibleValue::new)))
    }
}

/// The catalogue's code names, sorted and without duplicates, for shell
/// completion. Names with spaces are left out: shells would split them.
pub fn code_names() -> impl Iterator<Item = &'static str> {
    let mut names: Vec<&'static str> = catalog::entries()
        .iter()
        .filter_map(|e| e.code())
        .filter(|c| !c.contains(' '))
        .collect();
    names.sort_unstable();
    names.dedup();
    names.into_iter()
}
