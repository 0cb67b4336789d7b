//! Output: colours, language, and the dispatch to text, table and JSON.

pub mod decode;
pub mod json;
pub mod man;
pub mod table;
pub mod text;

use owo_colors::Style;

/// Which language to show descriptions in, once `auto` is resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

/// The styles of every kind of text coserr prints. With colour off every
/// style is `Style::new()`, which owo-colors prints as plain text.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub enabled: bool,
    pub code: Style,
    pub heading: Style,
    pub label: Style,
    pub good: Style,
    pub bad: Style,
    pub dim: Style,
    pub link: Style,
    pub warn: Style,
}

impl Palette {
    pub fn new(enabled: bool) -> Palette {
        if !enabled {
            let plain = Style::new();
            return Palette {
                enabled,
                code: plain,
                heading: plain,
                label: plain,
                good: plain,
                bad: plain,
                dim: plain,
                link: plain,
                warn: plain,
            };
        }
        Palette {
            enabled,
            code: Style::new().bold().bright_white(),
            heading: Style::new().cyan(),
            label: Style::new().bold(),
            good: Style::new().green(),
            bad: Style::new().red(),
            dim: Style::new().dimmed(),
            link: Style::new().blue().underline(),
            warn: Style::new().yellow(),
        }
    }
}

/// How output is to look, decided once in `main`.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    pub palette: Palette,
    pub lang: Lang,
    /// The terminal's width, when stdout is one.
    pub width: Option<usize>,
}

/// Wraps `text` to `width` columns (when known), indenting every line by
/// `indent`. Text without spaces (Chinese) is left for the terminal to wrap.
pub fn wrap(text: &str, indent: &str, width: Option<usize>) -> String {
    let mut out = String::new();
    let limit = width.map(|w| w.saturating_sub(indent.len()).max(20));
    for (i, paragraph) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(indent);
        let Some(limit) = limit else {
            out.push_str(paragraph);
            continue;
        };
        let mut col = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let len = word.chars().count();
            if col > 0 && col + 1 + len > limit {
                out.push('\n');
                out.push_str(indent);
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += len;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_width_and_indents() {
        let wrapped = wrap("aaaa bbbb cccc dddd eeee ffff gggg", "  ", Some(24));
        assert_eq!(wrapped, "  aaaa bbbb cccc dddd\n  eeee ffff gggg");
        assert_eq!(wrap("one two", "> ", None), "> one two");
        assert_eq!(wrap("a\nb", " ", Some(80)), " a\n b");
    }
}
