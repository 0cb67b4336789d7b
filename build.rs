//! Compiles `data/*.json` into a static table (see data/README.md).
//!
//! The catalogue is validated here, so bad data fails the build with a
//! message naming the file and the entry, and the binary parses no JSON at
//! run time: a lookup costs what an empty program costs.

#[path = "src/catalog/validate.rs"]
mod validate;

// The same `fold` as lookups use, so the name index agrees with them.
#[allow(dead_code)] // build.rs needs `fold` only
#[path = "src/catalog/query.rs"]
mod query;

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=data");
    link_position_dependent();
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let names = validate::PROVIDERS.map(|p| format!("{p}.json"));
    let mut texts = Vec::new();
    for name in &names {
        let path = dir.join("data").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        match std::fs::read_to_string(&path) {
            Ok(text) => texts.push(text),
            Err(e) => fail(&format!("data/{name}: {e}")),
        }
    }
    let files: Vec<(&str, &str)> = names
        .iter()
        .map(String::as_str)
        .zip(texts.iter().map(String::as_str))
        .collect();
    let entries = validate::validate(&files).unwrap_or_else(|e| fail(&e));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("catalog.rs");
    std::fs::write(&out, generate(&entries))
        .unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
}

/// Links the `coserr` binary as a position-dependent executable on
/// Linux with glibc, unless `COSERR_PIE` is set when building.
///
/// A lookup is a process that lives about a millisecond, and a
/// position-independent one spends part of it in the dynamic loader
/// applying ~1,900 relative relocations (panic locations, vtables) and
/// copying the 9 pages they are written into. Without them `coserr lookup
/// SlowDown` ran 1.118x -> 1.092x the time of an empty program (see the
/// README's Benchmarks). The cost: the executable itself (not its
/// libraries, stack or heap) loads at a fixed address. The crate forbids
/// unsafe code; packagers who want a PIE anyway build with `COSERR_PIE=1`.
fn link_position_dependent() {
    println!("cargo:rerun-if-env-changed=COSERR_PIE");
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && std::env::var_os("COSERR_PIE").is_none()
    {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

fn fail(message: &str) -> ! {
    // `cargo:warning` alone would let the build go on; a panic fails it, and
    // cargo shows the panic message.
    panic!("invalid catalogue: {message}");
}

const PROVIDERS: [&str; 7] = ["Cos", "Ci", "Obs", "S3", "TencentCloud", "Curl", "Apple"];
const SECTIONS: [&str; 10] = [
    "Api",
    "ImageDownload",
    "ImagePersistence",
    "DocumentPreview",
    "ContentModeration",
    "MediaProcessing",
    "JsonApi",
    "Client",
    "CloudApi",
    "Sts",
];

/// Interns strings into one text, so the table holds offsets instead of
/// pointers (see `Span` in src/catalog/mod.rs).
#[derive(Default)]
struct Text {
    text: String,
    seen: std::collections::HashMap<String, (usize, usize)>,
}

impl Text {
    fn span(&mut self, s: &str) -> String {
        let (start, end) = *self.seen.entry(s.to_owned()).or_insert_with(|| {
            let start = self.text.len();
            self.text.push_str(s);
            (start, self.text.len())
        });
        format!("Span({start}, {end})")
    }

    fn opt(&mut self, s: Option<&String>) -> String {
        match s {
            Some(s) => format!("Some({})", self.span(s)),
            None => "None".to_owned(),
        }
    }
}

/// An entry as `--json` prints it, fields in the documented order. Rendered
/// here once, so `list --json` and `decode --json` copy bytes instead of
/// escaping the same texts again for every line.
fn entry_json(e: &validate::RawEntry) -> String {
    let j = |s: &str| serde_json::to_string(s).expect("a string serialises");
    let opt = |s: Option<&String>| s.map_or("null".to_owned(), |s| j(s));
    let num = |n: Option<i64>| n.map_or("null".to_owned(), |n| n.to_string());
    let list = |items: &[String]| {
        format!(
            "[{}]",
            items.iter().map(|s| j(s)).collect::<Vec<_>>().join(",")
        )
    };
    let messages: Vec<String> = e
        .messages
        .iter()
        .map(|m| {
            format!(
                "{{\"message\":{},\"description\":{},\"causes\":{},\"advice\":{},\"source\":{}}}",
                j(&m.message),
                opt(m.description.as_ref()),
                list(&m.causes),
                opt(m.advice.as_ref()),
                opt(m.source.as_ref())
            )
        })
        .collect();
    format!(
        "{{\"provider\":{},\"section\":{},\"code\":{},\"number\":{},\"status\":{},\"status_text\":{},\
         \"description\":{},\"description_zh\":{},\"messages\":[{}],\"advice\":{},\"retryable\":{},\
         \"aliases\":{},\"docs\":{},\"troubleshooting\":{},\"source\":{}}}",
        j(validate::PROVIDERS[e.provider]),
        j(validate::SECTIONS[e.section]),
        opt(e.code.as_ref()),
        num(e.number.map(i64::from)),
        num(e.status.map(i64::from)),
        opt(e.status_text.as_ref()),
        j(&e.description),
        opt(e.description_zh.as_ref()),
        messages.join(","),
        j(&e.advice),
        e.retryable,
        list(&e.aliases),
        list(&e.docs),
        e.troubleshooting
            .as_ref()
            .map_or("null".to_owned(), |t| format!(
                "{{\"causes\":{},\"advice\":{},\"source\":{}}}",
                list(&t.causes),
                opt(t.advice.as_ref()),
                j(&t.source)
            )),
        j(&e.source),
    )
}

fn generate(entries: &[validate::RawEntry]) -> String {
    let mut text = Text::default();
    let mut messages = String::new();
    let mut message_count = 0usize;
    let mut lists = String::new();
    let mut list_count = 0usize;
    let mut table = String::new();
    // (folded name, entry index) for every code and alias: the name index.
    let mut names: Vec<(String, usize)> = Vec::new();
    for (index, e) in entries.iter().enumerate() {
        for name in e.code.iter().chain(&e.aliases) {
            names.push((query::fold(name), index));
        }
        let mut push_list = |items: &[String], text: &mut Text| {
            let start = list_count;
            for item in items {
                let _ = writeln!(lists, "    {},", text.span(item));
                list_count += 1;
            }
            (start, list_count)
        };
        let m0 = message_count;
        for m in &e.messages {
            let message = text.span(&m.message);
            let description = text.opt(m.description.as_ref());
            let causes = push_list(&m.causes, &mut text);
            let advice = text.opt(m.advice.as_ref());
            let source = text.opt(m.source.as_ref());
            let _ = writeln!(
                messages,
                "    RawMessage {{ message: {message}, description: {description}, causes: ({}, {}), advice: {advice}, source: {source} }},",
                causes.0, causes.1
            );
            message_count += 1;
        }
        let aliases = push_list(&e.aliases, &mut text);
        let docs = push_list(&e.docs, &mut text);
        let trouble = match &e.troubleshooting {
            None => "None".to_owned(),
            Some(t) => {
                let causes = push_list(&t.causes, &mut text);
                format!(
                    "Some(RawTrouble {{ causes: ({}, {}), advice: {}, source: {} }})",
                    causes.0,
                    causes.1,
                    text.opt(t.advice.as_ref()),
                    text.span(&t.source)
                )
            }
        };
        let _ = writeln!(table, "    Entry {{");
        let _ = writeln!(
            table,
            "        provider: Provider::{},",
            PROVIDERS[e.provider]
        );
        let _ = writeln!(table, "        section: Section::{},", SECTIONS[e.section]);
        let _ = writeln!(table, "        number: {:?},", e.number);
        let _ = writeln!(table, "        status: {:?},", e.status);
        let _ = writeln!(table, "        retryable: {:?},", e.retryable);
        let _ = writeln!(table, "        code: {},", text.opt(e.code.as_ref()));
        let _ = writeln!(
            table,
            "        status_text: {},",
            text.opt(e.status_text.as_ref())
        );
        let _ = writeln!(table, "        description: {},", text.span(&e.description));
        let _ = writeln!(
            table,
            "        description_zh: {},",
            text.opt(e.description_zh.as_ref())
        );
        let _ = writeln!(table, "        advice: {},", text.span(&e.advice));
        let _ = writeln!(table, "        messages: ({m0}, {message_count}),");
        let _ = writeln!(table, "        aliases: ({}, {}),", aliases.0, aliases.1);
        let _ = writeln!(table, "        docs: ({}, {}),", docs.0, docs.1);
        let _ = writeln!(table, "        trouble: {trouble},");
        let _ = writeln!(table, "        source: {},", text.span(&e.source));
        let _ = writeln!(table, "        json: {},", text.span(&entry_json(e)));
        let _ = writeln!(table, "    }},");
    }
    names.sort();
    names.dedup();
    let mut index = String::new();
    for (name, entry) in &names {
        let _ = writeln!(index, "    ({}, {entry}),", text.span(name));
    }
    assert!(
        u32::try_from(text.text.len()).is_ok()
            && u16::try_from(message_count.max(list_count)).is_ok(),
        "the catalogue outgrew the offsets of its table"
    );
    let mut s =
        String::from("// @generated by build.rs from data/*.json; edit the JSON, not this file.\n");
    let _ = writeln!(s, "/// Every string of the catalogue, one after the other.");
    let _ = writeln!(s, "const TEXT: &str = {:?};", text.text);
    let _ = writeln!(s, "/// Server messages, referred to by `Entry::messages`.");
    let _ = writeln!(
        s,
        "static MESSAGES: [RawMessage; {message_count}] = [\n{messages}];"
    );
    let _ = writeln!(
        s,
        "/// Aliases and documentation links, referred to by `Entry`."
    );
    let _ = writeln!(s, "static LISTS: [Span; {list_count}] = [\n{lists}];");
    let _ = writeln!(
        s,
        "/// Folded code names and aliases with their entry, sorted: the name index."
    );
    let _ = writeln!(
        s,
        "static NAMES: [(Span, u16); {}] = [\n{index}];",
        names.len()
    );
    let _ = writeln!(s, "/// Every entry of the catalogue.");
    let _ = writeln!(
        s,
        "static ENTRIES: [Entry; {}] = [\n{table}];",
        entries.len()
    );
    s
}
