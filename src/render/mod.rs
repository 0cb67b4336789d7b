//! Output: colours, language, and the dispatch to text, table and JSON.

pub mod decode;
pub mod json;
pub mod man;
pub mod signature;
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
    /// The width to fit: `COLUMNS` when set, else the terminal's when
    /// stdout is one; `None` (a pipe) prints one row per line.
    pub width: Option<usize>,
    /// Whether stdout is a terminal: hints for people go there only.
    pub terminal: bool,
}

/// Text is never fitted into fewer columns than this: narrower, a line
/// would hold a word or two.
pub const MIN_WIDTH: usize = 20;

/// A piece of text that is never broken across lines: a word (a code, a
/// request ID, a URL), or one CJK character, which may end a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Atom<'a> {
    pub text: &'a str,
    /// Whether a space separates it from the atom before, on one line.
    pub spaced: bool,
}

/// Display width: two columns for CJK and other wide characters.
pub fn width(s: &str) -> usize {
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        s.len()
    } else {
        unicode_width::UnicodeWidthStr::width(s)
    }
}

/// Punctuation that must not start a line (it closes what came before).
fn closes(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '”'
            | '’'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Punctuation that must not end a line (it opens what comes after).
fn opens(c: char) -> bool {
    matches!(
        c,
        '（' | '「' | '『' | '《' | '〈' | '【' | '“' | '‘' | '(' | '[' | '{'
    )
}

fn wide(c: char) -> bool {
    !c.is_ascii() && unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

/// Cuts one paragraph into atoms: at spaces, and between two characters
/// when one of them is wide (CJK text has no spaces; a line may break
/// between any two of its characters but before closing or after opening
/// punctuation). A word is never cut.
pub fn atoms(paragraph: &str) -> Vec<Atom<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut spaced = false;
    let mut prev: Option<char> = None;
    for (i, c) in paragraph.char_indices() {
        if c == ' ' {
            if let Some(s) = start.take() {
                out.push(Atom {
                    text: &paragraph[s..i],
                    spaced,
                });
            }
            spaced = !out.is_empty();
            prev = None;
            continue;
        }
        if let (Some(s), Some(p)) = (start, prev)
            && (wide(p) || wide(c))
            && !opens(p)
            && !closes(c)
        {
            out.push(Atom {
                text: &paragraph[s..i],
                spaced,
            });
            spaced = false;
            start = None;
        }
        start.get_or_insert(i);
        prev = Some(c);
    }
    if let Some(s) = start {
        out.push(Atom {
            text: &paragraph[s..],
            spaced,
        });
    }
    out
}

/// Fills atoms into lines of at most `limit` columns; an atom wider than
/// that gets a line of its own, whole.
pub fn fill(atoms: &[Atom<'_>], limit: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut col = 0;
    for atom in atoms {
        let w = width(atom.text);
        let gap = usize::from(atom.spaced && col > 0);
        if col > 0 && col + gap + w > limit {
            lines.push(std::mem::take(&mut line));
            col = 0;
        } else if gap == 1 {
            line.push(' ');
            col += 1;
        }
        line.push_str(atom.text);
        col += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps `text` to `width` columns (when known), indenting every line by
/// `indent`: at spaces, or between CJK characters, never inside a word.
pub fn wrap(text: &str, indent: &str, width: Option<usize>) -> String {
    let mut out = String::new();
    let limit = width.map(|w| w.saturating_sub(self::width(indent)).max(MIN_WIDTH));
    for (i, paragraph) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let Some(limit) = limit else {
            out.push_str(indent);
            out.push_str(paragraph);
            continue;
        };
        for (j, line) in fill(&atoms(paragraph), limit).iter().enumerate() {
            if j > 0 {
                out.push('\n');
            }
            out.push_str(indent);
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_width_and_indents() {
        let wrapped = wrap("aaaa bbbb cccc dddd eeee ffff gggg", "  ", Some(24));
        assert_eq!(wrapped, "  aaaa bbbb cccc dddd\n  eeee ffff gggg");
        assert_eq!(wrap("one two", "> ", None), "> one two");
        assert_eq!(wrap("a\nb", " ", Some(80)), " a\n b");
    }

    #[test]
    fn a_word_longer_than_the_line_is_kept_whole() {
        let url = "https://cloud.tencent.com/document/product/436/7730";
        let wrapped = wrap(&format!("see {url} for more"), "", Some(20));
        assert_eq!(wrapped, format!("see\n{url}\nfor more"));
    }

    #[test]
    fn chinese_breaks_between_characters_not_before_punctuation() {
        let text = "指定的对象键不存在，请检查SecretId。";
        let lines = fill(&atoms(text), 20);
        assert_eq!(lines.concat(), text, "nothing added or lost");
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert!(
            lines.iter().all(|l| !l.starts_with(['，', '。'])),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.contains("SecretId")), "{lines:?}");
        // Mixed with spaces, a space is kept where it was.
        assert_eq!(fill(&atoms("用 SecretId 签名"), 80), ["用 SecretId 签名"]);
    }
}
