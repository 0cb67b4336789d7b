//! comfy-table output for several entries.

use std::io::{self, Write};

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};

use coserr::catalog::Entry;

use super::text::description;
use super::{Lang, Look};

/// Writes entries as a table that fits the terminal (when stdout is one)
/// and wraps long descriptions.
pub fn entries(out: &mut impl Write, entries: &[&Entry], look: &Look) -> io::Result<()> {
    let mut table = new(look);
    let header = [
        "Provider",
        "Section",
        "Code",
        "Status",
        "Retry",
        "Description",
    ];
    table.set_header(
        header
            .iter()
            .map(|h| styled(Cell::new(h), look, |c| c.add_attribute(Attribute::Bold))),
    );
    for e in entries {
        let name = super::text::title(e);
        let status = e.status.map(|s| s.to_string()).unwrap_or_default();
        let retry = if e.retryable { "yes" } else { "no" };
        let (text, fell_back) = description(e, look.lang);
        let text = if fell_back && look.lang == Lang::Zh {
            format!("[en] {text}")
        } else {
            text.to_owned()
        };
        table.add_row(vec![
            Cell::new(e.provider.as_str()),
            Cell::new(e.section.as_str()),
            styled(Cell::new(name), look, |c| c.add_attribute(Attribute::Bold)),
            Cell::new(status),
            styled(Cell::new(retry), look, |c| {
                c.fg(if e.retryable {
                    Color::Green
                } else {
                    Color::Red
                })
            }),
            Cell::new(text),
        ]);
    }
    write(out, &table)
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
