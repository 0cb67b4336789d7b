//! The commands: turn clap's arguments into library calls and render the
//! results. Writes to the given streams only; `main` maps the outcome to an
//! exit status.

use std::ffi::OsString;
use std::fmt;
use std::io::{self, IsTerminal, Write};

use clap::CommandFactory;

use coserr::catalog::{self, Entry, Filter, InvalidQuery, Query};
use coserr::decode::{self, reqid};
use coserr::explain::{self, Tally};
use coserr::signature;

use crate::cli::{self, Args, Command, FilterArgs};
use crate::render::{self, Lang, Look, Palette, json};

/// What a successful run found.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Found,
    NotFound,
    /// An input could not be read (each was reported as it failed);
    /// whatever the others held, the run failed.
    Unreadable,
}

/// Why a run failed.
#[derive(Debug)]
pub enum Error {
    InvalidQuery(String, InvalidQuery),
    /// Input that could not be read (decode).
    Input(String),
    /// A file that could not be written (`man --dir`).
    Output(String),
    /// The first word is a subcommand's name mistyped: what was typed,
    /// and the subcommand.
    UnknownCommand(String, &'static str),
    Io(io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidQuery(q, e) => {
                let shown: String = q.chars().take(40).flat_map(char::escape_debug).collect();
                let more = if q.chars().count() > 40 { "..." } else { "" };
                write!(f, "invalid query \"{shown}{more}\": {e}")
            }
            Error::Input(msg) | Error::Output(msg) => f.write_str(msg),
            Error::Io(e) => write!(f, "{e}"),
            Error::UnknownCommand(typed, meant) => {
                write!(f, "'{typed}' is not a command; did you mean '{meant}'?")
            }
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::Io(e)
    }
}

const SUBCOMMANDS: [&str; 11] = [
    "lookup",
    "l",
    "search",
    "s",
    "list",
    "ls",
    "decode",
    "id",
    "completions",
    "man",
    "help",
];

/// Lets `coserr SlowDown`, `coserr -46618` and `coserr 404` stand for
/// `coserr lookup ...`, as `errno ENOENT` does: when the first argument that
/// is not a global option is neither a subcommand nor a flag, `lookup` is
/// put in front of it. Unless it is a mistyped subcommand (`lokup`): then
/// the error says which one, as git and cargo do.
pub fn implicit_lookup(args: impl IntoIterator<Item = OsString>) -> Result<Vec<OsString>, Error> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    let mut i = 1;
    while i < args.len() {
        let Some(arg) = args[i].to_str() else { break };
        match arg {
            "--json" | "--no-pager" => i += 1,
            "--color" | "--lang" => i += 2,
            _ if arg.starts_with("--color=") || arg.starts_with("--lang=") => i += 1,
            _ => {
                let is_flag = arg.starts_with('-') && !cli::is_negative_number(arg);
                if !is_flag && !SUBCOMMANDS.contains(&arg) {
                    if let Some(meant) = mistyped_command(arg) {
                        return Err(Error::UnknownCommand(arg.to_owned(), meant));
                    }
                    args.insert(i, OsString::from("lookup"));
                }
                break;
            }
        }
    }
    Ok(args)
}

/// The subcommands' names, without their aliases (a test holds both
/// lists to the CLI's).
const NAMES: [&str; 8] = [
    "lookup",
    "search",
    "list",
    "decode",
    "id",
    "completions",
    "man",
    "help",
];

/// The subcommand `word` is a typo of, when it is one: at most one edit
/// (a transposition counts as one) from a name of up to four letters, two
/// from a longer one, at least three letters long, and not itself a code
/// or number the catalogue knows (`coserr SlowDown` must stay a lookup).
fn mistyped_command(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    if lower.chars().count() < 3 {
        return None;
    }
    let (distance, name) = NAMES
        .iter()
        .map(|name| (strsim::osa_distance(&lower, name), *name))
        .min_by_key(|(d, _)| *d)?;
    let allowed = if name.len() <= 4 { 1 } else { 2 };
    if distance > allowed {
        return None;
    }
    let known = Query::parse(word, false)
        .is_ok_and(|q| !catalog::lookup(&q, &Filter::default()).is_empty());
    (!known).then_some(name)
}

/// Whether what `args` prints may go through a pager: not completion
/// scripts and man pages, which programs read, and not `decode` of a pipe
/// or terminal, whose errors must show as they arrive (`tail -f log |
/// coserr decode`), only of files.
pub fn pageable(args: &Args) -> bool {
    use std::os::fd::AsFd;
    let stdin_is_file = || {
        let stdin = io::stdin().as_fd().try_clone_to_owned().ok();
        stdin
            .and_then(|fd| std::fs::File::from(fd).metadata().ok())
            .is_some_and(|m| m.is_file())
    };
    match &args.command {
        Command::Completions { .. } | Command::Man(_) => false,
        Command::Decode(a) if a.files.is_empty() => stdin_is_file(),
        Command::Decode(a) => a.files.iter().all(|p| {
            if p.as_os_str() == "-" {
                stdin_is_file()
            } else {
                std::fs::metadata(p).is_ok_and(|m| m.is_file())
            }
        }),
        _ => true,
    }
}

/// Runs the command.
pub fn run(
    args: Args,
    color: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<Outcome, Error> {
    let terminal = io::stdout().is_terminal();
    let look = Look {
        palette: Palette::new(color),
        lang: resolve_lang(args.lang, |k| std::env::var(k).ok()),
        width: output_width(terminal, std::env::var("COLUMNS").ok(), || {
            terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
        }),
        terminal,
    };
    match args.command {
        Command::Lookup(a) => lookup(&a, args.json, &look, out, err),
        Command::Search(a) => search(&a, args.json, &look, out, err),
        Command::List(a) => list(&a.filter, args.json, &look, out, err),
        Command::Decode(a) => decode(&a, args.json, &look, out, err),
        Command::Id(a) => id(&a, args.json, out, err),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Args::command(), "coserr", out);
            if shell == clap_complete::Shell::Fish {
                // clap_complete's fish script leaves positional values out;
                // offer the code names to `lookup` the way bash and zsh do.
                let names: Vec<String> = cli::code_names().map(|n| n.to_string()).collect();
                writeln!(
                    out,
                    "complete -c coserr -n \"__fish_coserr_using_subcommand lookup l\" -f -a \"{}\"",
                    names.join(" ")
                )?;
            }
            Ok(Outcome::Found)
        }
        Command::Man(a) => man(&a, out),
    }
}

/// `coserr man`: one page to stdout, or every page into a folder.
fn man(args: &cli::ManArgs, out: &mut impl Write) -> Result<Outcome, Error> {
    let pages = render::man::pages(Args::command())?;
    let Some(dir) = &args.dir else {
        let file = match args.page {
            Some(p) => {
                let name = clap::ValueEnum::to_possible_value(&p).expect("not skipped");
                format!("coserr-{}.1", name.get_name())
            }
            None => "coserr.1".to_owned(),
        };
        let page = pages.iter().find(|p| p.file == file);
        let page = page.ok_or_else(|| io::Error::other(format!("no man page {file}")))?;
        out.write_all(page.roff.as_bytes())?;
        return Ok(Outcome::Found);
    };
    let cannot = |path: &std::path::Path, e: io::Error| {
        Error::Output(format!(
            "cannot write {}: {}",
            path.display(),
            io_reason(&e)
        ))
    };
    std::fs::create_dir_all(dir).map_err(|e| cannot(dir, e))?;
    for page in &pages {
        let path = dir.join(&page.file);
        std::fs::write(&path, &page.roff).map_err(|e| cannot(&path, e))?;
    }
    Ok(Outcome::Found)
}

/// `auto` is Chinese when the first set of LC_ALL, LC_MESSAGES and LANG
/// (POSIX precedence) starts with `zh`.
fn resolve_lang(lang: cli::Lang, env: impl Fn(&str) -> Option<String>) -> Lang {
    match lang {
        cli::Lang::En => Lang::En,
        cli::Lang::Zh => Lang::Zh,
        cli::Lang::Auto => {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .filter_map(&env)
                .find(|v| !v.is_empty());
            if locale.is_some_and(|l| l.to_ascii_lowercase().starts_with("zh")) {
                Lang::Zh
            } else {
                Lang::En
            }
        }
    }
}

/// The width output must fit: `COLUMNS` when it holds a width (in a pipe
/// too, as `ls` and Python read it: `COLUMNS=80 coserr list | less`), else
/// the terminal's when stdout is one; `None` means no limit, one row per
/// line.
fn output_width(
    terminal: bool,
    columns: Option<String>,
    terminal_width: impl FnOnce() -> Option<usize>,
) -> Option<usize> {
    match columns.and_then(|c| c.trim().parse::<usize>().ok()) {
        Some(w) if w > 0 => Some(w),
        _ if terminal => terminal_width().filter(|&w| w > 0),
        _ => None,
    }
}

fn filter(args: &FilterArgs) -> Filter {
    Filter {
        providers: args.provider.iter().map(|&p| p.into()).collect(),
        sections: args.section.iter().map(|&s| s.into()).collect(),
        status: args.status,
        retryable: args.retryable,
    }
}

fn lookup(
    args: &cli::LookupArgs,
    as_json: bool,
    look: &Look,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<Outcome, Error> {
    let filter = filter(&args.filter);
    let queries = args
        .queries
        .iter()
        .map(|q| Query::parse(q, args.prefix).map_err(|e| Error::InvalidQuery(q.clone(), e)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut outcome = Outcome::Found;
    for (i, (raw, query)) in args.queries.iter().zip(&queries).enumerate() {
        let matches = catalog::lookup(query, &filter);
        let suggestions = if matches.is_empty() {
            catalog::suggest::suggest(query, &filter)
        } else {
            Vec::new()
        };
        if matches.is_empty() {
            outcome = Outcome::NotFound;
        }
        if as_json {
            json::lookup_line(out, raw, &matches, &suggestions)?;
            continue;
        }
        if matches.is_empty() {
            report_miss(err, raw, query, &filter, &suggestions)?;
            if looks_like_prose(raw) {
                point_to_search(err, raw, &filter, look)?;
            }
            continue;
        }
        if i > 0 {
            writeln!(out)?;
        }
        let meanings = matches.len() > 1 && !args.long && render::text::one_code(&matches);
        if meanings {
            render::text::meanings(out, &matches, look)?;
        } else {
            show(out, &matches, args.long, look)?;
        }
        if matches.len() > 1 && !args.long && look.terminal {
            // Only on a terminal: a pipe gets the entries alone.
            let what = if meanings { "meanings" } else { "entries" };
            let hint = format!(
                "{} {what}; `--long` explains each in full, `--provider` narrows.",
                matches.len()
            );
            writeln!(out)?;
            writeln!(out, "{}", render::wrap(&hint, "", look.width))?;
        }
    }
    Ok(outcome)
}

/// One entry (or `--long`): explained in full; several: a table.
fn show(out: &mut impl Write, matches: &[&Entry], long: bool, look: &Look) -> io::Result<()> {
    if matches.len() == 1 || long {
        for (i, e) in matches.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            render::text::explain(out, e, look)?;
        }
        Ok(())
    } else {
        render::table::entries(out, matches, look)
    }
}

/// A query that is words from a description rather than a code: it has
/// spaces inside, or CJK (no code has either, but "Request has expired",
/// which a lookup finds).
fn looks_like_prose(query: &str) -> bool {
    let query = query.trim();
    query.contains(char::is_whitespace)
        || query
            .chars()
            .any(|c| !c.is_ascii() && unicode_width::UnicodeWidthChar::width(c) == Some(2))
}

/// How many of a search's hits a missed prose lookup shows.
const PROSE_HITS: usize = 5;

/// After a missed prose lookup: what `coserr search` finds for the same
/// words, its first few hits one line each (code, provider, status, the
/// start of the description), on stderr with the miss.
fn point_to_search(
    err: &mut impl Write,
    raw: &str,
    filter: &Filter,
    look: &Look,
) -> io::Result<()> {
    let words: Vec<String> = raw.split_whitespace().map(str::to_owned).collect();
    let hits = catalog::search::search(&words, filter);
    let command = format!("coserr search {}", words.join(" "));
    let first = match hits.len() {
        0 => return writeln!(err, "coserr: `{command}` finds nothing either"),
        1 => "1 entry:".to_owned(),
        n if n <= PROSE_HITS => format!("{n} entries:"),
        n => format!("{n} entries; the first {PROSE_HITS}:"),
    };
    writeln!(err, "coserr: words, not a code? `{command}` finds {first}")?;
    let shown = &hits[..hits.len().min(PROSE_HITS)];
    let titles: Vec<String> = shown.iter().map(|e| render::text::title(e)).collect();
    let metas: Vec<String> = shown
        .iter()
        .map(|e| match e.status {
            Some(s) => format!("{} {s}", e.provider.as_str()),
            None => e.provider.as_str().to_owned(),
        })
        .collect();
    let pad = |s: &str, cells: &[String]| {
        let wide = cells.iter().map(|c| render::width(c)).max().unwrap_or(0);
        format!("{s}{}", " ".repeat(wide - render::width(s)))
    };
    let limit = look.width.unwrap_or(100).max(render::MIN_WIDTH);
    for ((e, title), meta) in shown.iter().zip(&titles).zip(&metas) {
        let head = format!("  {}  {}  ", pad(title, &titles), pad(meta, &metas));
        let (text, _) = render::text::description(e, look.lang);
        let room = limit.saturating_sub(render::width(&head));
        let atoms = render::atoms(text);
        if room < render::MIN_WIDTH + 4 {
            // Long names leave too little room beside them for words to
            // be worth reading: the code and provider alone, in the width.
            writeln!(err, "{}", head.trim_end())?;
            continue;
        }
        let lines = render::fill(&atoms, room.max(render::MIN_WIDTH));
        if lines.len() == 1 {
            writeln!(err, "{head}{}", lines[0])?;
        } else {
            // As much as fits with " ..." after it.
            let room = room.saturating_sub(4).max(render::MIN_WIDTH);
            writeln!(err, "{head}{} ...", render::fill(&atoms, room)[0])?;
        }
    }
    Ok(())
}

fn report_miss(
    err: &mut impl Write,
    raw: &str,
    query: &Query,
    filter: &Filter,
    suggestions: &[String],
) -> io::Result<()> {
    let what = match query {
        Query::Status(s) => format!("no entry has HTTP status {s}"),
        Query::StatusClass(c) => format!("no entry has an HTTP status {c}xx"),
        Query::Prefix(_) => format!("no code starts with \"{}\"", raw.trim_end_matches('*')),
        _ => format!("no entry matches \"{raw}\""),
    };
    let filtered = !filter.providers.is_empty()
        || !filter.sections.is_empty()
        || filter.status.is_some()
        || filter.retryable;
    let hidden = filtered && !catalog::lookup(query, &Filter::default()).is_empty();
    let scope = if hidden {
        " with these filters (some entries match without them)"
    } else {
        ""
    };
    match suggestions {
        [] => writeln!(err, "coserr: {what}{scope}"),
        [one] => writeln!(err, "coserr: {what}{scope}; did you mean {one}?"),
        many => writeln!(
            err,
            "coserr: {what}{scope}; did you mean one of: {}?",
            many.join(", ")
        ),
    }
}

fn search(
    args: &cli::SearchArgs,
    as_json: bool,
    look: &Look,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<Outcome, Error> {
    for word in &args.words {
        if word.chars().any(char::is_control) {
            return Err(Error::InvalidQuery(
                word.clone(),
                InvalidQuery::ControlCharacter,
            ));
        }
        if word.chars().count() > catalog::query::MAX_QUERY_LEN {
            return Err(Error::InvalidQuery(
                word.clone(),
                InvalidQuery::TooLong(word.chars().count()),
            ));
        }
    }
    if args.words.iter().all(|w| w.trim().is_empty()) {
        return Err(Error::InvalidQuery(
            args.words.join(" "),
            InvalidQuery::Empty,
        ));
    }
    let hits = catalog::search::search(&args.words, &filter(&args.filter));
    if hits.is_empty() {
        writeln!(
            err,
            "coserr: nothing contains all of: {}",
            args.words.join(" ")
        )?;
        return Ok(Outcome::NotFound);
    }
    if as_json {
        for e in &hits {
            json::entry(out, e)?;
            writeln!(out)?;
        }
    } else {
        show(out, &hits, args.long, look)?;
    }
    Ok(Outcome::Found)
}

fn list(
    args: &FilterArgs,
    as_json: bool,
    look: &Look,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<Outcome, Error> {
    let filter = filter(args);
    let entries: Vec<&Entry> = catalog::list(&filter).collect();
    if entries.is_empty() {
        writeln!(err, "coserr: no entry passes these filters")?;
        return Ok(Outcome::NotFound);
    }
    if as_json {
        for e in &entries {
            json::entry(out, e)?;
            writeln!(out)?;
        }
    } else {
        render::table::entries(out, &entries, look)?;
    }
    Ok(Outcome::Found)
}

/// One input of `decode`.
struct Input {
    reader: Box<dyn io::Read + Send>,
    name: Option<String>,
    /// Not a regular file (a pipe, a terminal): each error is flushed as
    /// soon as it is found, and a pause in the input ends what is
    /// complete.
    live: bool,
    /// A regular file large enough to be worth more threads.
    large: bool,
}

/// From this size on, a file is decoded on more than one thread.
const THREADED_FROM: u64 = 1 << 20;

/// How long input may pause before what is complete of it is decoded.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(200);

fn open(path: &std::path::Path) -> Result<Input, Error> {
    if path.as_os_str() == "-" {
        use std::os::fd::AsFd;
        let meta = io::stdin()
            .as_fd()
            .try_clone_to_owned()
            .ok()
            .map(std::fs::File::from)
            .and_then(|f| f.metadata().ok())
            .filter(std::fs::Metadata::is_file);
        return Ok(Input {
            reader: Box::new(io::stdin()),
            name: None,
            live: meta.is_none(),
            large: meta.is_some_and(|m| m.len() >= THREADED_FROM),
        });
    }
    let shown = path.display().to_string();
    let cannot = |e: io::Error| Error::Input(format!("{shown}: {}", io_reason(&e)));
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if meta.is_dir() {
        return Err(Error::Input(format!("{shown}: Is a directory")));
    }
    let file = std::fs::File::open(path).map_err(cannot)?;
    Ok(Input {
        reader: Box::new(file),
        name: Some(shown),
        live: !meta.is_file(),
        large: meta.is_file() && meta.len() >= THREADED_FROM,
    })
}

/// Reads a live input on a thread of its own, and reports a pause in it
/// (nothing for [`PAUSE`]) as [`io::ErrorKind::TimedOut`]: the decoder
/// then hands over what is complete, so that `tail -f log | coserr decode`
/// prints an error when it is logged, not when the next line is.
struct Pausing {
    rx: std::sync::mpsc::Receiver<io::Result<Vec<u8>>>,
    buf: Vec<u8>,
    at: usize,
    done: bool,
}

impl Pausing {
    fn new(mut inner: Box<dyn io::Read + Send>) -> Pausing {
        let (tx, rx) = std::sync::mpsc::sync_channel(4);
        // Not joined: it may sit in a read of a terminal when the decode
        // is over, and goes with the process.
        std::thread::spawn(move || {
            loop {
                let mut buf = vec![0; 64 * 1024];
                match inner.read(&mut buf) {
                    Ok(n) => {
                        buf.truncate(n);
                        if tx.send(Ok(buf)).is_err() || n == 0 {
                            break;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        break;
                    }
                }
            }
        });
        Pausing {
            rx,
            buf: Vec::new(),
            at: 0,
            done: false,
        }
    }
}

impl io::Read for Pausing {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        use std::sync::mpsc::RecvTimeoutError;
        if self.at == self.buf.len() {
            if self.done {
                return Ok(0);
            }
            match self.rx.recv_timeout(PAUSE) {
                Ok(Ok(chunk)) => {
                    if chunk.is_empty() {
                        self.done = true;
                        return Ok(0);
                    }
                    self.buf = chunk;
                    self.at = 0;
                }
                Ok(Err(e)) => {
                    self.done = true;
                    return Err(e);
                }
                Err(RecvTimeoutError::Timeout) => return Err(io::ErrorKind::TimedOut.into()),
                Err(RecvTimeoutError::Disconnected) => {
                    self.done = true;
                    return Ok(0);
                }
            }
        }
        let n = out.len().min(self.buf.len() - self.at);
        out[..n].copy_from_slice(&self.buf[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// An I/O error's reason without Rust's "(os error N)" suffix.
pub fn io_reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Keeps a write error (a closed pipe) in `slot` and gives the decoder one
/// of the same kind to stop with: `decode` must not report it as an error
/// reading the input.
fn keep_apart(slot: &mut Option<io::Error>, e: io::Error) -> io::Error {
    let kind = e.kind();
    *slot = Some(e);
    io::Error::from(kind)
}

fn decode(
    args: &cli::DecodeArgs,
    as_json: bool,
    look: &Look,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<Outcome, Error> {
    let options = decode::Options {
        provider: args.provider.map(Into::into),
        ..decode::Options::default()
    };
    // Read once; only the variables' names ever reach the output.
    let keys = signature::Keys::read(args.secret_key_env.as_deref(), |name| {
        std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
    });
    let stdin = [std::path::PathBuf::from("-")];
    let paths = if args.files.is_empty() {
        &stdin[..]
    } else {
        &args.files[..]
    };
    let mut found = 0u64;
    let mut tally = Tally::default();
    let (mut lines, mut bytes) = (0u64, 0u64);
    // What the inputs showed that is not an error, counted.
    let mut seen: Vec<(String, u64)> = Vec::new();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    // Inputs read to their end, and whether any could not be: as ripgrep
    // does, each failure is reported and the next input decoded.
    let mut read = Vec::new();
    let mut failed = false;
    for path in paths {
        let input = match open(path) {
            Ok(input) => input,
            Err(Error::Input(why)) => {
                out.flush()?;
                writeln!(err, "coserr: {why}")?;
                failed = true;
                continue;
            }
            Err(e) => return Err(e),
        };
        let name = input.name.as_deref();
        let live = input.live;
        // A clock skew is explained once per input, then referred to.
        let mut skews = explain::SkewNotes::default();
        // The sink's own write errors (a closed pipe) must not be reported
        // as errors reading the input: keep them apart.
        let mut write_error = None;
        // Every error: explained, then counted or written.
        let mut line = Vec::new();
        let mut sink = |f: decode::Found| -> io::Result<()> {
            let mut ex = explain::explain(f);
            if let Some(m) = ex.found.signing.as_deref() {
                ex.signature = Some(signature::check(&ex.found, m, &keys));
            }
            found += 1;
            let written = if args.summary {
                tally.add(&ex);
                Ok(())
            } else if as_json {
                // One write per error: the writer below may be a pager's.
                line.clear();
                render::decode::error_json(&mut line, &ex, name).and_then(|()| out.write_all(&line))
            } else {
                (if found > 1 { writeln!(out) } else { Ok(()) })
                    .and_then(|()| render::decode::error(out, &ex, (found, &mut skews), name, look))
            };
            written
                .and_then(|()| if live { out.flush() } else { Ok(()) })
                .map_err(|e| keep_apart(&mut write_error, e))
        };
        let decoded = if input.large && cores > 1 {
            // A file: its records are decoded on every core, its errors
            // come back here in input order.
            decode::decode_parallel(input.reader, &options, cores.min(8), &mut sink)
        } else {
            let reader: Box<dyn io::Read + Send> = if live {
                Box::new(Pausing::new(input.reader))
            } else {
                input.reader
            };
            decode::decode(reader, &options, &mut sink)
        };
        let summary = match decoded {
            Ok(summary) => summary,
            Err(_) if write_error.is_some() => {
                return Err(Error::Io(write_error.expect("checked")));
            }
            Err(e) => {
                // What was decoded before it failed stands.
                out.flush()?;
                let shown = name.unwrap_or("standard input");
                writeln!(err, "coserr: {shown}: {}", io_reason(&e))?;
                failed = true;
                continue;
            }
        };
        read.push(path);
        lines += summary.lines;
        bytes += summary.bytes;
        for (what, n) in &summary.seen {
            match seen.iter_mut().find(|(w, _)| w == what) {
                Some((_, count)) => *count += n,
                None => seen.push((what.clone(), *n)),
            }
        }
        for warning in &summary.warnings {
            writeln!(
                err,
                "coserr: warning: {}: {warning}",
                name.unwrap_or("standard input")
            )?;
        }
    }
    if args.summary && found > 0 {
        if as_json {
            render::decode::summary_json(out, tally.rows())?;
        } else {
            render::decode::summary(out, tally.rows(), look)?;
        }
    }
    if found == 0 && !read.is_empty() {
        let what = match read[..] {
            [one] if one.as_os_str() == "-" => "standard input".to_owned(),
            [one] => one.display().to_string(),
            ref many => format!("{} inputs", many.len()),
        };
        let plural =
            |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        // What was there instead: a success, a status below 400, or
        // nothing an error is made of.
        let instead = if seen.is_empty() {
            "no status, error code or error message in it".to_owned()
        } else {
            let items: Vec<String> = seen
                .iter()
                .map(|(w, n)| {
                    if *n == 1 {
                        w.clone()
                    } else {
                        format!("{w} ({n} times)")
                    }
                })
                .collect();
            format!("it holds {}", items.join(", "))
        };
        writeln!(
            err,
            "coserr: no error found in {} ({}) of {what}: {instead}",
            plural(lines, "line", "lines"),
            plural(bytes, "byte", "bytes"),
        )?;
    }
    Ok(if failed {
        Outcome::Unreadable
    } else if found == 0 {
        Outcome::NotFound
    } else {
        Outcome::Found
    })
}

fn id(
    args: &cli::IdArgs,
    as_json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<Outcome, Error> {
    let mut outcome = Outcome::Found;
    for raw in &args.ids {
        let id = raw.trim();
        let time = reqid::request_time(id);
        if as_json {
            out.write_all(b"{\"id\":")?;
            json::string(out, id)?;
            out.write_all(b",\"request_time\":")?;
            json::opt_string(out, time.as_ref().map(|t| t.to_string()).as_deref())?;
            out.write_all(b"}\n")?;
        }
        match time {
            Some(t) => {
                if !as_json {
                    writeln!(out, "{id}  reached the server at {t}")?;
                }
            }
            None => {
                outcome = Outcome::NotFound;
                let shown: String = id.chars().take(80).flat_map(char::escape_debug).collect();
                writeln!(
                    err,
                    "coserr: \"{shown}\" is not a request ID coserr can read: a COS or CI request ID is base64 of \
                     <8 hex digits>_<hex>_<hex>_<hex>, an OBS request ID is 32 hex digits (a TraceId carries no time)"
                )?;
            }
        }
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_lists_are_the_cli_s() {
        use clap::CommandFactory;
        let cli = Args::command();
        let mut names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
        names.push("help");
        names.sort_unstable();
        let mut listed = NAMES.to_vec();
        listed.sort_unstable();
        assert_eq!(names, listed);
        let mut all: Vec<&str> = cli
            .get_subcommands()
            .flat_map(|c| std::iter::once(c.get_name()).chain(c.get_visible_aliases()))
            .chain(["help"])
            .collect();
        all.sort_unstable();
        let mut accepted = SUBCOMMANDS.to_vec();
        accepted.sort_unstable();
        assert_eq!(all, accepted);
    }

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    /// A reader that gives its parts with a pause before the second.
    struct Slow(Vec<&'static [u8]>);

    impl io::Read for Slow {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Ok(0);
            }
            if self.0.len() == 1 {
                std::thread::sleep(PAUSE * 3);
            }
            let part = self.0.remove(0);
            buf[..part.len()].copy_from_slice(part);
            Ok(part.len())
        }
    }

    /// A live input reports its pauses as `TimedOut`, and loses nothing.
    #[test]
    fn a_pause_in_a_live_input_is_reported_and_nothing_is_lost() {
        use std::io::Read as _;
        let mut r = Pausing::new(Box::new(Slow(vec![b"first\n", b"second\n"])));
        let mut got = Vec::new();
        let mut pauses = 0;
        let mut buf = [0u8; 64];
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::TimedOut => pauses += 1,
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!(got, b"first\nsecond\n");
        assert!(pauses >= 1, "the pause was not reported");
    }

    #[test]
    fn inserts_lookup_before_a_bare_query() {
        let cases: [(&[&str], &[&str]); 9] = [
            (&["coserr", "SlowDown"], &["coserr", "lookup", "SlowDown"]),
            (&["coserr", "-46618"], &["coserr", "lookup", "-46618"]),
            (&["coserr", "404"], &["coserr", "lookup", "404"]),
            (
                &["coserr", "--json", "404"],
                &["coserr", "--json", "lookup", "404"],
            ),
            (
                &["coserr", "--color", "never", "x"],
                &["coserr", "--color", "never", "lookup", "x"],
            ),
            (
                &["coserr", "--no-pager", "SlowDown"],
                &["coserr", "--no-pager", "lookup", "SlowDown"],
            ),
            (&["coserr", "list"], &["coserr", "list"]),
            (&["coserr", "--help"], &["coserr", "--help"]),
            (&["coserr"], &["coserr"]),
        ];
        for (input, expected) in cases {
            assert_eq!(
                implicit_lookup(os(input)).unwrap(),
                os(expected),
                "{input:?}"
            );
        }
    }

    #[test]
    fn a_mistyped_subcommand_is_named_not_looked_up() {
        let meant = |args: &[&str]| match implicit_lookup(os(args)) {
            Err(Error::UnknownCommand(typed, meant)) => Some((typed, meant)),
            Ok(_) => None,
            Err(e) => panic!("{e}"),
        };
        for (typed, command) in [
            ("lokup", "lookup"),
            ("serch", "search"),
            ("lsit", "list"),
            ("decdoe", "decode"),
            ("completion", "completions"),
            ("mna", "man"),
            ("LOOKUP", "lookup"),
        ] {
            assert_eq!(
                meant(&["coserr", typed, "SlowDown"]),
                Some((typed.to_owned(), command)),
                "{typed}"
            );
        }
        assert_eq!(
            meant(&["coserr", "--json", "lokup", "x"]).map(|m| m.1),
            Some("lookup")
        );
        // Codes, numbers and words far from every name stay lookups, even
        // when a code is near a name.
        for word in [
            "SlowDown",
            "404",
            "-46618",
            "xyz",
            "id",
            "ls",
            "NoSuchKey",
            "BadRquest",
        ] {
            assert_eq!(meant(&["coserr", word]), None, "{word}");
        }
        for entry in catalog::entries() {
            for name in entry.names() {
                assert_eq!(meant(&["coserr", name]), None, "{name}");
            }
        }
        let shown = Error::UnknownCommand("lokup".to_owned(), "lookup").to_string();
        assert_eq!(shown, "'lokup' is not a command; did you mean 'lookup'?");
    }

    #[test]
    fn columns_sets_the_width_in_a_pipe_and_on_a_terminal() {
        let tty = || Some(100);
        let columns = |s: &str| Some(s.to_owned());
        assert_eq!(output_width(false, None, tty), None, "a pipe: no limit");
        assert_eq!(output_width(true, None, tty), Some(100));
        assert_eq!(output_width(false, columns("60"), tty), Some(60));
        assert_eq!(output_width(true, columns("200"), tty), Some(200));
        for junk in ["", "0", "wide", "-5"] {
            assert_eq!(output_width(false, columns(junk), tty), None, "{junk:?}");
            assert_eq!(
                output_width(true, columns(junk), tty),
                Some(100),
                "{junk:?}"
            );
        }
        assert_eq!(output_width(true, None, || None), None);
    }

    #[test]
    fn lang_follows_the_locale() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            resolve_lang(cli::Lang::Auto, env(&[("LANG", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            resolve_lang(cli::Lang::Auto, env(&[("LANG", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            resolve_lang(cli::Lang::Auto, env(&[("LC_ALL", "C"), ("LANG", "zh_CN")])),
            Lang::En
        );
        assert_eq!(
            resolve_lang(
                cli::Lang::Auto,
                env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW")])
            ),
            Lang::Zh
        );
        assert_eq!(
            resolve_lang(cli::Lang::En, env(&[("LANG", "zh_CN")])),
            Lang::En
        );
        assert_eq!(resolve_lang(cli::Lang::Zh, env(&[])), Lang::Zh);
    }
}
