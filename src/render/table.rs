//! comfy-table output for several entries.

use std::io::{self, Write};

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};
use unicode_width::UnicodeWidthStr;

use coserr::catalog::Entry;

use super::text::description;
use super::{Lang, Look};

const HEADER: [&str; 6] = [
    "Provider",
    "Section",
    "Code",
    "Status",
    "Retry",
    "Description",
];

/// Writes entries as a table that fits the terminal (when stdout is one)
/// and wraps long descriptions.
pub fn entries(out: &mut impl Write, entries: &[&Entry], look: &Look) -> io::Result<()> {
    let rows = rows(entries, look);
    let one_line = |c: &str| !c.contains('\n');
    if look.width.is_none() && !look.palette.enabled && rows.iter().flatten().all(|c| one_line(c)) {
        plain(out, &HEADER, &rows)
    } else {
        write(out, &entry_table(rows, look))
    }
}

/// The cells of each entry's row.
fn rows(entries: &[&Entry], look: &Look) -> Vec<[String; 6]> {
    entries
        .iter()
        .map(|e| {
            let (text, fell_back) = description(e, look.lang);
            let text = if fell_back && look.lang == Lang::Zh {
                format!("[en] {text}")
            } else {
                text.to_owned()
            };
            [
                e.provider.as_str().to_owned(),
                e.section.as_str().to_owned(),
                super::text::title(e),
                e.status.map(|s| s.to_string()).unwrap_or_default(),
                (if e.retryable { "yes" } else { "no" }).to_owned(),
                text,
            ]
        })
        .collect()
}

fn entry_table(rows: Vec<[String; 6]>, look: &Look) -> Table {
    let mut table = new(look);
    table.set_header(
        HEADER
            .iter()
            .map(|h| styled(Cell::new(h), look, |c| c.add_attribute(Attribute::Bold))),
    );
    for [provider, section, name, status, retry, text] in rows {
        let colour = if retry == "yes" {
            Color::Green
        } else {
            Color::Red
        };
        table.add_row(vec![
            Cell::new(provider),
            Cell::new(section),
            styled(Cell::new(name), look, |c| c.add_attribute(Attribute::Bold)),
            Cell::new(status),
            styled(Cell::new(retry), look, |c| c.fg(colour)),
            Cell::new(text),
        ]);
    }
    table
}

/// What comfy-table prints for one-line cells without colour in a pipe
/// (no rules, one space of padding each side, columns as wide as their
/// widest cell, trailing blanks trimmed), written directly: laying out
/// the five rows of `coserr lookup SlowDown` with comfy-table was a third
/// of the instructions of the whole run. A test holds the two equal.
fn plain<const N: usize>(
    out: &mut impl Write,
    header: &[&str; N],
    rows: &[[String; N]],
) -> io::Result<()> {
    // Printable ASCII is one column a byte; the tables are only needed
    // for the rest (Chinese descriptions).
    fn width(s: &str) -> usize {
        if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            s.len()
        } else {
            s.width()
        }
    }
    let header = header.map(str::to_owned);
    let cells: Vec<[(&str, usize); N]> = std::iter::once(&header)
        .chain(rows)
        .map(|row| std::array::from_fn(|i| (row[i].as_str(), width(&row[i]))))
        .collect();
    let mut widths = [0; N];
    for row in &cells {
        for (w, (_, cw)) in widths.iter_mut().zip(row) {
            *w = (*w).max(*cw);
        }
    }
    let mut line = String::new();
    for row in &cells {
        line.clear();
        for (i, ((cell, cw), w)) in row.iter().zip(widths).enumerate() {
            line.push(' ');
            line.push_str(cell);
            // The last column's padding would only be trimmed.
            if i + 1 < N {
                line.extend(std::iter::repeat_n(' ', w - cw + 1));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// A table that fits the terminal (when stdout is one), or one row per
/// line for pipes, styled only when colour is on.
pub fn new(look: &Look) -> Table {
    let mut table = Table::new();
    match look.width {
        Some(width) => {
            // A terminal: fit its width, wrap long text, and rule off the
            // rows so that a wrapped row reads as one.
            table
                .load_style(presets::UTF8_HORIZONTAL_ONLY)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(u16::try_from(width).unwrap_or(u16::MAX));
        }
        None => {
            // A pipe or file: one row per line and no rules, for grep, cut
            // and `head -1`.
            table
                .load_style(presets::NOTHING)
                .set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    // comfy-table decides colour on its own; make it follow ours.
    if look.palette.enabled {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// Writes a table's lines without trailing blanks.
pub fn write(out: &mut impl Write, table: &Table) -> io::Result<()> {
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn styled(cell: Cell, look: &Look, style: impl FnOnce(Cell) -> Cell) -> Cell {
    if look.palette.enabled {
        style(cell)
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Palette;

    /// The plain rows match comfy-table's for every entry, in both
    /// languages (Chinese is two columns a character).
    #[test]
    fn plain_rows_are_what_comfy_table_prints() {
        let all: Vec<&Entry> = coserr::catalog::entries().iter().collect();
        for lang in [Lang::En, Lang::Zh] {
            let look = Look {
                palette: Palette::new(false),
                lang,
                width: None,
            };
            for chunk in all.chunks(7) {
                let rows = rows(chunk, &look);
                let mut fast = Vec::new();
                plain(&mut fast, &HEADER, &rows).unwrap();
                let mut slow = Vec::new();
                write(&mut slow, &entry_table(rows, &look)).unwrap();
                assert_eq!(
                    String::from_utf8(fast).unwrap(),
                    String::from_utf8(slow).unwrap()
                );
            }
        }
    }
}
