//! The `coserr` binary: parse the arguments, run the command, map the
//! result to an exit status. Only this file prints or exits.

mod cli;
mod commands;
mod pager;
mod render;

use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Args, ColorWhen};
use crate::commands::{Error, Outcome};

// Exit statuses, as grep and ripgrep use them:
//   0  something was found (a lookup matched, decode explained an error);
//   1  nothing was found (suggestions go to stderr);
//   2  usage or input error (clap exits with 2 on its own errors too).
const EXIT_FOUND: u8 = 0;
const EXIT_NOT_FOUND: u8 = 1;
const EXIT_ERROR: u8 = 2;

#[allow(clippy::print_stderr)] // the one place that reports errors
fn main() -> ExitCode {
    let argv = match commands::implicit_lookup(std::env::args_os()) {
        Ok(argv) => argv,
        Err(e) => {
            eprintln!("coserr: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let parsed = match cli::parse_fast(&argv) {
        Some(args) => Ok(args),
        None => Args::try_parse_from(argv),
    };
    let args = match parsed {
        Ok(args) => args,
        Err(e) => {
            // --help and --version are "errors" that print to stdout.
            let code = if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_FOUND
            };
            match e.print() {
                Err(io) if io.kind() != io::ErrorKind::BrokenPipe => {
                    eprintln!("coserr: {io}");
                }
                _ => {}
            }
            return ExitCode::from(code);
        }
    };
    let terminal = io::stdout().is_terminal();
    let color = use_color(args.color, terminal, |k| std::env::var_os(k));
    // Output longer than the screen goes through a pager; the line the
    // shell prompt takes after it is not the screen's.
    let pager = pager::command(
        args.no_pager,
        terminal,
        || commands::pageable(&args),
        |k| std::env::var_os(k),
    )
    .and_then(|pager| {
        let (_, rows) = terminal_size::terminal_size()?;
        let rows = usize::from(rows.0).checked_sub(1).filter(|&r| r > 0)?;
        Some((pager, rows))
    });
    let stdout = io::stdout();
    let mut out = pager::Output::new(io::BufWriter::new(stdout.lock()), pager);
    let stderr = io::stderr();
    let mut err = stderr.lock();
    let result = commands::run(args, color, &mut out, &mut err);
    if let Some(warning) = out.warning.take() {
        eprintln!("coserr: warning: {warning}");
    }
    // What is held goes out, and the pager is waited for, before an error
    // is reported.
    let finished = out.finish().map_err(Error::Io);
    let result = result.and_then(|outcome| finished.map(|()| outcome));
    match result {
        Ok(Outcome::Found) => ExitCode::from(EXIT_FOUND),
        Ok(Outcome::NotFound) => ExitCode::from(EXIT_NOT_FOUND),
        Ok(Outcome::Unreadable) => ExitCode::from(EXIT_ERROR),
        // A closed pipe (`coserr list | head -1`) is how the reader says it
        // has seen enough: the Unix convention is to stop quietly.
        Err(Error::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_FOUND),
        Err(e) => {
            eprintln!("coserr: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Whether to colour stdout. `auto` means a terminal and `NO_COLOR` unset or
/// empty (no-color.org); `CLICOLOR_FORCE` (non-empty, not "0") forces it on.
fn use_color(when: ColorWhen, is_terminal: bool, env: impl Fn(&str) -> Option<OsString>) -> bool {
    let set = |k: &str| env(k).is_some_and(|v| !v.is_empty() && v != "0");
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else {
                set("CLICOLOR_FORCE") || is_terminal
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Args::command().debug_assert();
    }

    #[test]
    fn the_fast_path_agrees_with_clap() {
        let lines: &[&[&str]] = &[
            &["coserr", "lookup", "SlowDown"],
            &[
                "coserr",
                "lookup",
                "-46618",
                "404",
                "NoSuch*",
                "Request has expired",
            ],
            &["coserr", "lookup", "help"],
            &["coserr", "lookup", "lookup", "list"],
            &["coserr", "lookup", ""],
            &["coserr", "lookup", "a\u{7}b", "签名"],
            &["coserr", "lookup", "-0"],
        ];
        for line in lines {
            let argv: Vec<OsString> = line.iter().map(OsString::from).collect();
            let fast =
                cli::parse_fast(&argv).unwrap_or_else(|| panic!("{line:?} takes the fast path"));
            let clap = Args::try_parse_from(&argv).unwrap();
            assert_eq!(fast, clap, "{line:?}");
        }
        // Everything with an option, and every other command, goes to clap.
        let declined: &[&[&str]] = &[
            &["coserr"],
            &["coserr", "lookup"],
            &["coserr", "list"],
            &["coserr", "lookup", "x", "--json"],
            &["coserr", "lookup", "--provider", "cos", "x"],
            &["coserr", "lookup", "-h"],
            &["coserr", "lookup", "--", "x"],
            &["coserr", "lookup", "-"],
            &["coserr", "lookup", "-4.5"],
            &["coserr", "--json", "lookup", "x"],
            &["coserr", "l", "x"],
        ];
        for line in declined {
            let argv: Vec<OsString> = line.iter().map(OsString::from).collect();
            assert_eq!(cli::parse_fast(&argv), None, "{line:?}");
        }
    }

    #[test]
    fn color_decision() {
        let none = |_: &str| None;
        assert!(use_color(ColorWhen::Auto, true, none));
        assert!(!use_color(ColorWhen::Auto, false, none));
        assert!(use_color(ColorWhen::Always, false, none));
        assert!(!use_color(ColorWhen::Never, true, none));
        let no_color = |k: &str| (k == "NO_COLOR").then(|| OsString::from("1"));
        assert!(!use_color(ColorWhen::Auto, true, no_color));
        assert!(use_color(ColorWhen::Always, true, no_color));
        let empty_no_color = |k: &str| (k == "NO_COLOR").then(OsString::new);
        assert!(use_color(ColorWhen::Auto, true, empty_no_color));
        let force = |k: &str| (k == "CLICOLOR_FORCE").then(|| OsString::from("1"));
        assert!(use_color(ColorWhen::Auto, false, force));
        let force_zero = |k: &str| (k == "CLICOLOR_FORCE").then(|| OsString::from("0"));
        assert!(!use_color(ColorWhen::Auto, false, force_zero));
    }
}
