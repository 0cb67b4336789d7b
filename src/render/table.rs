//! Tables: several entries (`lookup`, `search`, `list`) and the rows of
//! `decode --summary`.
//!
//! Into a pipe (no width to fit) a row is one line, columns padded to their
//! widest cell, for grep, cut and `head`. With a width (the terminal's, or
//! `COLUMNS`) the columns that hold prose or IDs wrap, at spaces or between
//! CJK characters and never inside a word, so codes, request IDs and URLs
//! stay whole and copyable; when even that cannot fit, each row is printed
//! as a small stacked block instead.
//!
//! Written here rather than with comfy-table: its dynamic layout cut words
//! (and codes) anywhere once a column got narrow, and its wrapping could
//! not be told to keep "line 12" and a request ID apart but each whole.

use std::io::{self, Write};

use owo_colors::{OwoColorize, Style};

use coserr::catalog::Entry;
use coserr::decode::Origin;
use coserr::explain::TallyRow;

use super::text::description;
use super::{Atom, Lang, Look, MIN_WIDTH, atoms, fill, width, wrap};

/// One cell: the pieces it may be wrapped between, and its style.
pub struct Cell {
    /// Unbreakable pieces, each with whether a space goes before it.
    atoms: Vec<(String, bool)>,
    style: Style,
}

impl Cell {
    /// A cell that is never wrapped (a code, a number).
    pub fn word(text: impl Into<String>) -> Cell {
        Cell {
            atoms: vec![(text.into(), false)],
            style: Style::new(),
        }
    }

    /// Prose: wrapped at spaces and between CJK characters.
    pub fn prose(text: &str) -> Cell {
        Cell {
            atoms: atoms(text)
                .into_iter()
                .map(|a| (a.text.to_owned(), a.spaced))
                .collect(),
            style: Style::new(),
        }
    }

    /// Pieces wrapped only between each other (`line 12` and an ID).
    pub fn parts<S: Into<String>>(parts: impl IntoIterator<Item = S>) -> Cell {
        Cell {
            atoms: parts
                .into_iter()
                .enumerate()
                .map(|(i, p)| (p.into(), i > 0))
                .collect(),
            style: Style::new(),
        }
    }

    pub fn styled(mut self, style: Style) -> Cell {
        self.style = style;
        self
    }

    /// The whole text, on one line.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (a, spaced) in &self.atoms {
            if *spaced {
                s.push(' ');
            }
            s.push_str(a);
        }
        s
    }

    fn lines(&self, limit: usize) -> Vec<String> {
        let atoms: Vec<Atom<'_>> = self
            .atoms
            .iter()
            .map(|(text, spaced)| Atom {
                text,
                spaced: *spaced,
            })
            .collect();
        fill(&atoms, limit)
    }

    fn widest_atom(&self) -> usize {
        self.atoms.iter().map(|(a, _)| width(a)).max().unwrap_or(0)
    }
}

/// A table: a header, which columns may wrap, and rows of cells.
pub struct Grid {
    pub header: Vec<&'static str>,
    pub wraps: Vec<bool>,
    pub rows: Vec<Vec<Cell>>,
}

/// Space between columns.
const GAP: usize = 2;

impl Grid {
    /// The width of each column: as wide as their widest cell when that
    /// fits `limit` (or there is none), else the wrapping columns narrowed
    /// to what is left, but never below their longest word; `None` when
    /// the table cannot fit.
    fn widths(&self, limit: Option<usize>) -> Option<Vec<usize>> {
        let n = self.header.len();
        let column = |i: usize| self.rows.iter().map(move |r| &r[i]);
        let natural: Vec<usize> = (0..n)
            .map(|i| {
                let widest = column(i).map(|c| width(&c.text())).max().unwrap_or(0);
                widest.max(width(self.header[i]))
            })
            .collect();
        let total = |ws: &[usize]| 1 + ws.iter().sum::<usize>() + GAP * (n - 1);
        let Some(limit) = limit else {
            return Some(natural);
        };
        if total(&natural) <= limit {
            return Some(natural);
        }
        let least: Vec<usize> = (0..n)
            .map(|i| {
                if !self.wraps[i] {
                    return natural[i];
                }
                let longest = column(i).map(Cell::widest_atom).max().unwrap_or(0);
                longest
                    .max(width(self.header[i]))
                    .max(natural[i].min(MIN_WIDTH))
            })
            .collect();
        if total(&least) > limit {
            return None;
        }
        // What is left goes to the wrapping columns, each in proportion to
        // what it lacks; what rounding leaves, to the first that still
        // lacks some.
        let spare = limit - total(&least);
        let lacks: Vec<usize> = (0..n).map(|i| natural[i] - least[i]).collect();
        let lacking: usize = lacks.iter().sum();
        let mut widths = least.clone();
        for i in 0..n {
            widths[i] += spare * lacks[i] / lacking.max(1);
        }
        let mut left = limit - total(&widths);
        for i in 0..n {
            let more = left.min(natural[i] - widths[i]);
            widths[i] += more;
            left -= more;
        }
        Some(widths)
    }

    /// Writes the table within `look.width`; `false` (and nothing written)
    /// when it cannot fit.
    pub fn write(&self, out: &mut impl Write, look: &Look) -> io::Result<bool> {
        let Some(widths) = self.widths(look.width) else {
            return Ok(false);
        };
        let p = &look.palette;
        let header: Vec<Cell> = self
            .header
            .iter()
            .map(|h| Cell::word(*h).styled(p.label))
            .collect();
        let mut line = String::new();
        for row in std::iter::once(&header).chain(&self.rows) {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(&widths)
                .zip(&self.wraps)
                .map(|((cell, &w), &wraps)| {
                    if wraps && look.width.is_some() {
                        cell.lines(w)
                    } else {
                        vec![cell.text()]
                    }
                })
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1);
            for k in 0..height {
                line.clear();
                for (i, (lines, w)) in cells.iter().zip(&widths).enumerate() {
                    let text = lines.get(k).map_or("", String::as_str);
                    line.push(' ');
                    line.push_str(&text.style(row[i].style).to_string());
                    if i + 1 < cells.len() {
                        let pad = w.saturating_sub(width(text)) + GAP - 1;
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                }
                writeln!(out, "{}", line.trim_end())?;
            }
        }
        Ok(true)
    }
}

const ENTRY_HEADER: [&str; 6] = [
    "Provider",
    "Section",
    "Code",
    "Status",
    "Retry",
    "Description",
];

/// The description in the chosen language; a Chinese view marks the
/// entries it shows in English.
fn shown_description(e: &Entry, lang: Lang) -> String {
    let (text, fell_back) = description(e, lang);
    if fell_back && lang == Lang::Zh {
        format!("[en] {text}")
    } else {
        text.to_owned()
    }
}

/// Writes entries as a table that fits `look.width`, or as stacked blocks
/// when no table can.
pub fn entries(out: &mut impl Write, entries: &[&Entry], look: &Look) -> io::Result<()> {
    let p = &look.palette;
    let grid = Grid {
        header: ENTRY_HEADER.to_vec(),
        wraps: vec![false, false, false, false, false, true],
        rows: entries
            .iter()
            .map(|e| {
                let retry = if e.retryable {
                    Cell::word("yes").styled(p.good)
                } else {
                    Cell::word("no").styled(p.bad)
                };
                vec![
                    Cell::word(e.provider.as_str()),
                    Cell::word(e.section.as_str()),
                    Cell::word(super::text::title(e)).styled(p.code),
                    Cell::word(e.status.map(|s| s.to_string()).unwrap_or_default()),
                    retry,
                    Cell::prose(&shown_description(e, look.lang)),
                ]
            })
            .collect(),
    };
    if grid.write(out, look)? {
        return Ok(());
    }
    let limit = look.width.unwrap_or(usize::MAX).max(MIN_WIDTH);
    for e in entries {
        let mut details = vec![
            e.provider.as_str().to_owned(),
            e.section.as_str().to_owned(),
        ];
        details.extend(e.status.map(|s| s.to_string()));
        let retry = if e.retryable {
            "retry: yes".style(p.good)
        } else {
            "retry: no".style(p.bad)
        };
        let title = super::text::title(e);
        let yes_no = if e.retryable { "yes" } else { "no" };
        let plain = format!("{title}  {} · retry: {yes_no}", details.join(" · "));
        let head = format!("{}", title.style(p.code));
        let details = format!("{} · {retry}", details.join(" · "));
        if width(&plain) <= limit {
            writeln!(out, "{head}  {details}")?;
        } else {
            writeln!(out, "{head}\n    {details}")?;
        }
        let text = shown_description(e, look.lang);
        writeln!(out, "{}", wrap(&text, "    ", Some(limit)))?;
    }
    Ok(())
}

/// `decode --summary` as a table that fits `look.width`, or stacked.
pub fn summary(out: &mut impl Write, rows: &[TallyRow], look: &Look) -> io::Result<()> {
    let p = &look.palette;
    let name = |r: &TallyRow| match (&r.code, r.number, r.failure) {
        (Some(c), _, _) => c.clone(),
        (None, Some(n), _) => n.to_string(),
        (None, None, Some(kind)) if kind.after_response() => {
            format!("(failed in the client: {})", kind.as_str())
        }
        (None, None, Some(kind)) => format!("(no response: {})", kind.as_str()),
        (None, None, None) if r.origin == Origin::Proxy => "(a proxy's answer)".to_owned(),
        (None, None, None) => "(no code)".to_owned(),
    };
    let retry = |r: &TallyRow| match r.retryable {
        Some(true) => "yes",
        Some(false) => "no",
        None => "?",
    };
    let at = |line: u64, id: &Option<String>| {
        let mut parts = vec![format!("line {line}")];
        parts.extend(id.clone());
        parts
    };
    let grid = Grid {
        header: vec![
            "Code", "Provider", "Status", "Count", "Retry", "First", "Last",
        ],
        wraps: vec![false, false, false, false, false, true, true],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::word(name(r)).styled(p.code),
                    Cell::word(r.provider.map_or("?", |p| p.as_str())),
                    Cell::word(r.status.map(|s| s.to_string()).unwrap_or_default()),
                    Cell::word(r.count.to_string()),
                    Cell::word(retry(r)),
                    Cell::parts(at(r.first_line, &r.first_request_id)),
                    Cell::parts(at(r.last_line, &r.last_request_id)),
                ]
            })
            .collect(),
    };
    if grid.write(out, look)? {
        return Ok(());
    }
    let limit = look.width.unwrap_or(usize::MAX).max(MIN_WIDTH);
    for r in rows {
        let mut details = vec![r.provider.map_or("?", |p| p.as_str()).to_owned()];
        details.extend(r.status.map(|s| s.to_string()));
        let errors = if r.count == 1 { "error" } else { "errors" };
        details.push(format!("{} {errors}", r.count));
        details.push(format!("retry: {}", retry(r)));
        let code = name(r);
        let details = details.join(" · ");
        if width(&code) + 2 + width(&details) <= limit {
            writeln!(out, "{}  {details}", code.style(p.code))?;
        } else {
            writeln!(out, "{}\n    {details}", code.style(p.code))?;
        }
        let once = [("at:", r.first_line, &r.first_request_id)];
        let twice = [
            ("first:", r.first_line, &r.first_request_id),
            ("last: ", r.last_line, &r.last_request_id),
        ];
        for &(label, line, id) in if r.count == 1 { &once[..] } else { &twice[..] } {
            let mut parts = vec![format!("{label} line {line}")];
            parts.extend(id.clone());
            let cell = Cell::parts(parts);
            for (i, l) in cell.lines(limit - 4).iter().enumerate() {
                let indent = if i == 0 { "    " } else { "      " };
                writeln!(out, "{indent}{l}")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Palette;

    fn look(width: Option<usize>) -> Look {
        Look {
            palette: Palette::new(false),
            lang: Lang::En,
            width,
            terminal: false,
        }
    }

    fn grid() -> Grid {
        Grid {
            header: vec!["Code", "Text"],
            wraps: vec![false, true],
            rows: vec![
                vec![
                    Cell::word("NoSuchKey"),
                    Cell::prose("The specified key does not exist."),
                ],
                vec![
                    Cell::word("SlowDown"),
                    Cell::prose("Reduce your request rate."),
                ],
            ],
        }
    }

    fn written(grid: &Grid, width: Option<usize>) -> Option<String> {
        let mut out = Vec::new();
        let fitted = grid.write(&mut out, &look(width)).unwrap();
        fitted.then(|| String::from_utf8(out).unwrap())
    }

    /// Into a pipe: one row per line, one space before each column and
    /// two between, trailing blanks trimmed (what comfy-table printed).
    #[test]
    fn a_pipe_gets_one_row_per_line() {
        assert_eq!(
            written(&grid(), None).unwrap(),
            " Code       Text\n\
             \x20NoSuchKey  The specified key does not exist.\n\
             \x20SlowDown   Reduce your request rate.\n"
        );
    }

    #[test]
    fn prose_wraps_at_spaces_and_the_rest_stays_whole() {
        assert_eq!(
            written(&grid(), Some(34)).unwrap(),
            " Code       Text\n\
             \x20NoSuchKey  The specified key does\n\
             \x20           not exist.\n\
             \x20SlowDown   Reduce your request\n\
             \x20           rate.\n"
        );
        assert_eq!(written(&grid(), Some(30)), None, "too narrow: stacked");
    }

    #[test]
    fn ids_are_wrapped_between_parts_only() {
        let id = "NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx";
        let g = Grid {
            header: vec!["Code", "First"],
            wraps: vec![false, true],
            rows: vec![vec![Cell::word("SlowDown"), Cell::parts(["line 12", id])]],
        };
        let out = written(&g, Some(56)).unwrap();
        assert!(out.contains("line 12\n") && out.contains(id), "{out}");
        assert_eq!(written(&g, Some(40)), None);
    }
}
