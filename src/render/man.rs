//! Man pages: coserr(1) and one page per subcommand, coserr-lookup(1) and
//! so on, which coserr(1) lists under SUBCOMMANDS. clap_mangen renders
//! them; the examples of each `--help` become an EXAMPLES section kept as
//! written (clap_mangen would fill them into one paragraph, "EXTRA").

use std::io;

/// One page: its file name (`coserr-lookup.1`) and its roff text.
pub struct Page {
    pub file: String,
    pub roff: String,
}

/// Every page, coserr(1) first, for `cmd` (the whole CLI).
pub fn pages(cmd: clap::Command) -> io::Result<Vec<Page>> {
    // clap's `help` subcommand has no page: coserr(1) must not list one.
    let mut cmd = cmd.disable_help_subcommand(true);
    // Gives each subcommand its page name (coserr-lookup) and the synopsis
    // its full command line (coserr lookup).
    cmd.build();
    let subs: Vec<clap::Command> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    let top = page(cmd, None)?;
    let mut all = vec![top];
    for sub in subs {
        all.push(page(sub, Some("coserr"))?);
    }
    Ok(all)
}

/// The page of `cmd`; `parent` names the page it is part of, for SEE ALSO.
fn page(cmd: clap::Command, parent: Option<&str>) -> io::Result<Page> {
    let examples = cmd.get_after_help().map(|h| h.to_string());
    let source = format!("coserr {}", cmd.get_version().unwrap_or_default());
    let man = clap_mangen::Man::new(cmd.after_help(None::<&str>)).source(source);
    let file = man.get_filename();
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    let mut roff = String::from_utf8(roff).map_err(io::Error::other)?;
    let mut extra = String::new();
    if let Some(text) = examples {
        after_help(&mut extra, &text);
    }
    if let Some(parent) = parent {
        extra.push_str(&format!(".SH \"SEE ALSO\"\n{}(1)\n", escape(parent)));
    }
    // Before VERSION, where clap_mangen put its EXTRA section.
    match roff.find("\n.SH VERSION") {
        Some(at) => roff.insert_str(at + 1, &extra),
        None => roff.push_str(&extra),
    }
    Ok(Page { file, roff })
}

/// `after_help`'s "Examples:" block as an EXAMPLES section, lines kept as
/// written, and an "Exit status: ..." paragraph as EXIT STATUS.
fn after_help(out: &mut String, text: &str) {
    for block in text.split("\n\n") {
        if let Some(lines) = block.strip_prefix("Examples:\n") {
            out.push_str(".SH EXAMPLES\n.nf\n");
            for line in lines.lines() {
                out.push_str(&escape(line.strip_prefix("  ").unwrap_or(line)));
                out.push('\n');
            }
            out.push_str(".fi\n");
        } else if let Some(rest) = block.strip_prefix("Exit status: ") {
            out.push_str(".SH \"EXIT STATUS\"\n");
            out.push_str(&escape(rest));
            out.push('\n');
        } else {
            out.push_str(".PP\n");
            out.push_str(&escape(block));
            out.push('\n');
        }
    }
}

/// Text as roff reads it literally: backslashes and hyphens escaped, and a
/// line that would start with a control character guarded.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        if !out.is_empty() {
            out.push('\n');
        }
        if line.starts_with(['.', '\'']) {
            out.push_str("\\&");
        }
        for c in line.chars() {
            match c {
                '\\' => out.push_str("\\e"),
                '-' => out.push_str("\\-"),
                _ => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_roff_would_read_as_markup() {
        assert_eq!(escape("a-b \\n"), "a\\-b \\en");
        assert_eq!(escape(".x\n'y\nz"), "\\&.x\n\\&'y\nz");
    }
}
