//! The pager: output longer than the terminal goes through `$COSERR_PAGER`,
//! `$PAGER` or `less -FRX`, as git and bat send theirs.
//!
//! Output is held until it is longer than the screen; only then is the
//! pager started and given it, so a short answer (`coserr lookup
//! SlowDown`) prints as it would without one and starts no process, even
//! with a pager that, unlike `less -F`, would stay open for one line.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

/// The pager to use, as program and arguments, or `None` for none: never
/// with `--no-pager`, when stdout is not a terminal, or for output that is
/// not to be paged (completion scripts, a live `decode`). `COSERR_PAGER`
/// wins over `PAGER`; either set empty, or to `cat`, means no pager.
pub fn command(
    no_pager: bool,
    terminal: bool,
    pageable: impl FnOnce() -> bool,
    env: impl Fn(&str) -> Option<OsString>,
) -> Option<Vec<OsString>> {
    if no_pager || !terminal || !pageable() {
        return None;
    }
    let spec = env("COSERR_PAGER")
        .or_else(|| env("PAGER"))
        .unwrap_or_else(|| OsString::from("less -FRX"));
    // Words split at white space, as bat does without a shell; a pager
    // that needs quoting can be a script.
    let words: Vec<OsString> = spec
        .to_string_lossy()
        .split_whitespace()
        .map(OsString::from)
        .collect();
    match words.first() {
        None => None,
        Some(program) if program == "cat" && words.len() == 1 => None,
        Some(_) => Some(words),
    }
}

/// stdout, or the pager once output outgrows the screen.
pub struct Output<W: Write> {
    /// `None` only while it changes.
    state: Option<State<W>>,
    /// Why the pager could not be started, for `main` to say.
    pub warning: Option<String>,
}

enum State<W: Write> {
    /// Holding output back until it has more lines than `rows`.
    Holding {
        out: W,
        held: Vec<u8>,
        lines: usize,
        rows: usize,
        pager: Vec<OsString>,
    },
    Direct(W),
    Paging {
        child: Child,
        stdin: io::BufWriter<ChildStdin>,
    },
}

impl<W: Write> Output<W> {
    /// Writes to `out`, or through `pager` once the output has more lines
    /// than `rows` (the terminal's height less the prompt's line).
    pub fn new(out: W, pager: Option<(Vec<OsString>, usize)>) -> Output<W> {
        let state = match pager {
            Some((pager, rows)) => State::Holding {
                out,
                held: Vec::new(),
                lines: 0,
                rows,
                pager,
            },
            None => State::Direct(out),
        };
        Output {
            state: Some(state),
            warning: None,
        }
    }

    /// Starts the pager and hands it what was held; if it cannot be
    /// started, writes that to `out` instead and notes why.
    fn start_pager(&mut self) -> io::Result<()> {
        let Some(State::Holding {
            out, held, pager, ..
        }) = self.state.take()
        else {
            return Ok(());
        };
        let mut command = Command::new(&pager[0]);
        command.args(&pager[1..]).stdin(Stdio::piped());
        // As git does: a plain `less` shows colours and quits on a short
        // page when the user has no LESS of their own.
        if std::env::var_os("LESS").is_none() {
            command.env("LESS", "FRX");
        }
        match command.spawn() {
            Ok(mut child) => {
                let stdin = child.stdin.take().expect("stdin is piped");
                let mut stdin = io::BufWriter::new(stdin);
                let written = stdin.write_all(&held);
                self.state = Some(State::Paging { child, stdin });
                written
            }
            Err(e) => {
                self.warning = Some(format!(
                    "cannot run the pager '{}': {}",
                    pager[0].to_string_lossy(),
                    crate::commands::io_reason(&e)
                ));
                let mut out = out;
                let written = out.write_all(&held);
                self.state = Some(State::Direct(out));
                written
            }
        }
    }

    /// Writes out what is still held and waits for the pager to close.
    pub fn finish(mut self) -> io::Result<()> {
        match self.state.take() {
            None => Ok(()),
            Some(State::Holding { mut out, held, .. }) => {
                out.write_all(&held)?;
                out.flush()
            }
            Some(State::Direct(mut out)) => out.flush(),
            Some(State::Paging { mut child, stdin }) => {
                // Closing its input ends the pager's document; a pager
                // the user quit early has closed it already.
                let flushed = stdin.into_inner().map(drop).map_err(|e| e.into_error());
                child.wait()?;
                flushed
            }
        }
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.state {
            Some(State::Holding {
                held, lines, rows, ..
            }) => {
                held.extend_from_slice(buf);
                *lines += memchr::memchr_iter(b'\n', buf).count();
                if *lines > *rows {
                    self.start_pager()?;
                }
                Ok(buf.len())
            }
            Some(State::Direct(out)) => out.write(buf),
            Some(State::Paging { stdin, .. }) => stdin.write(buf),
            None => Err(io::Error::other("output used while it changed")),
        }
    }

    /// Output still held stays held: it goes out at `finish`, or to the
    /// pager once it outgrows the screen.
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.state {
            Some(State::Direct(out)) => out.flush(),
            Some(State::Paging { stdin, .. }) => stdin.flush(),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| OsString::from(v))
        }
    }

    fn words(w: &[&str]) -> Option<Vec<OsString>> {
        Some(w.iter().map(OsString::from).collect())
    }

    fn yes() -> bool {
        true
    }

    fn no() -> bool {
        false
    }

    #[test]
    fn the_pager_is_chosen_like_gits() {
        assert_eq!(
            command(false, true, yes, env(&[])),
            words(&["less", "-FRX"])
        );
        assert_eq!(command(true, true, yes, env(&[])), None, "--no-pager");
        assert_eq!(command(false, false, yes, env(&[])), None, "a pipe");
        assert_eq!(command(false, true, no, env(&[])), None, "not pageable");
        let both = env(&[("PAGER", "more"), ("COSERR_PAGER", "most -s")]);
        assert_eq!(command(false, true, yes, both), words(&["most", "-s"]));
        assert_eq!(
            command(false, true, yes, env(&[("PAGER", "more")])),
            words(&["more"])
        );
        for none in ["", "  ", "cat"] {
            let vars: &'static [(&str, &str)] = match none {
                "" => &[("COSERR_PAGER", ""), ("PAGER", "less")],
                "  " => &[("PAGER", "  ")],
                _ => &[("COSERR_PAGER", "cat")],
            };
            assert_eq!(command(false, true, yes, env(vars)), None, "{none:?}");
        }
    }

    /// Short output goes to stdout whole and starts no pager, even one
    /// that cannot be run; longer output starts it, and when it cannot be
    /// run, goes to stdout whole with a warning.
    #[test]
    fn output_is_held_until_it_outgrows_the_screen() {
        let nowhere = vec![OsString::from("/nonexistent/coserr-pager")];
        let mut short = Vec::new();
        let mut out = Output::new(&mut short, Some((nowhere.clone(), 3)));
        out.write_all(b"one\ntwo\nthree\n").unwrap();
        out.flush().unwrap();
        assert!(out.warning.is_none());
        out.finish().unwrap();
        assert_eq!(short, b"one\ntwo\nthree\n");

        let mut long = Vec::new();
        let mut out = Output::new(&mut long, Some((nowhere, 3)));
        out.write_all(b"1\n2\n3\n").unwrap();
        out.write_all(b"4\n5\n").unwrap();
        let warning = out.warning.clone().unwrap();
        assert!(warning.starts_with("cannot run the pager '/nonexistent/coserr-pager': "));
        out.finish().unwrap();
        assert_eq!(long, b"1\n2\n3\n4\n5\n");
    }
}
