//! What the manifest and the README promise, held to what the code and its
//! dependencies need: the minimum Rust version, and the setup steps.

use std::path::Path;
use std::process::Command;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(file: &str) -> String {
    std::fs::read_to_string(manifest_dir().join(file)).unwrap()
}

/// `1.88` or `1.71.0` as (major, minor); a patch level never matters here.
fn version(s: &str) -> (u32, u32) {
    let mut parts = s.trim().split('.').map(|p| p.parse::<u32>().unwrap());
    (parts.next().unwrap(), parts.next().unwrap_or(0))
}

fn shown((major, minor): (u32, u32)) -> String {
    format!("{major}.{minor}")
}

/// The value of `key = "..."` in Cargo.toml's `[package]`.
fn package_field(key: &str) -> String {
    let toml = read("Cargo.toml");
    toml.lines()
        .take_while(|l| !l.starts_with("[lib]"))
        .find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == key).then(|| v.trim().trim_matches('"').to_owned())
        })
        .unwrap_or_else(|| panic!("Cargo.toml has no {key}"))
}

/// Language features the code uses that need a Rust newer than its
/// edition does: the release that stabilised each, and text that finds a
/// use in `src/`. Only features of the MSRV's era and later need to be
/// listed; clippy's `incompatible_msrv` covers the standard library.
const LANGUAGE: &[(&str, &str, &str)] = &[("1.88", "let chains", "&& let ")];

/// The Rust each edition needs.
fn edition_needs(edition: &str) -> (u32, u32) {
    match edition {
        "2015" => (1, 0),
        "2018" => (1, 31),
        "2021" => (1, 56),
        "2024" => (1, 85),
        other => panic!("unknown edition {other}"),
    }
}

fn rust_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// (name, rust-version) of every package locked for this platform:
/// dependencies, build and dev dependencies. `cargo metadata --offline`
/// reads them from the registry cache the build filled, so this needs no
/// network and no other toolchain.
fn locked_rust_versions() -> Vec<(String, Option<(u32, u32)>)> {
    let rustc = Command::new("rustc").arg("-vV").output().unwrap();
    let host = String::from_utf8(rustc.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .expect("rustc -vV names the host");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--filter-platform", &host])
        .current_dir(manifest_dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] != "coserr")
        .map(|p| {
            let name = format!("{} {}", p["name"].as_str().unwrap(), p["version"]);
            (name, p["rust_version"].as_str().map(version))
        })
        .collect()
}

/// `rust-version` is exactly the newest of what the locked packages and
/// the language features used need: not lower (the build would fail on
/// it), not higher (it would turn away toolchains that work).
#[test]
fn rust_version_is_what_the_code_and_its_dependencies_need() {
    let declared = version(&package_field("rust-version"));
    let edition = package_field("edition");
    let mut needs = vec![(edition_needs(&edition), format!("edition {edition}"))];
    let mut sources = Vec::new();
    rust_files(&manifest_dir().join("src"), &mut sources);
    sources.push(read("build.rs"));
    for (since, feature, marker) in LANGUAGE {
        assert!(
            sources.iter().any(|s| s.contains(marker)),
            "no {feature} in src/ any more: drop it from LANGUAGE (and lower rust-version if it set it)"
        );
        needs.push((version(since), (*feature).to_owned()));
    }
    for (package, rust) in locked_rust_versions() {
        if let Some(rust) = rust {
            needs.push((rust, package));
        }
    }
    let (highest, _) = needs.iter().max_by_key(|(v, _)| *v).unwrap().clone();
    let why: Vec<&str> = needs
        .iter()
        .filter(|(v, _)| *v == highest)
        .map(|(_, what)| what.as_str())
        .collect();
    assert_eq!(
        shown(declared),
        shown(highest),
        "Cargo.toml's rust-version; the newest need is {} ({})",
        shown(highest),
        why.join(", ")
    );
    let readme = read("README.md");
    assert!(
        readme.contains(&format!("Rust toolchain ({} or newer)", shown(declared))),
        "the README's install section names another Rust version"
    );
}

/// The README tells, for every shell coserr ships completions for, what
/// else it needs; for bash that is the bash-completion package, which is
/// what loads the folder the README copies the script into (without it
/// the script must be sourced, as `tests/completions.rs` does).
#[test]
fn the_readme_says_what_each_shell_needs_for_completion() {
    let readme = read("README.md");
    let section = readme
        .split("## Shell completions")
        .nth(1)
        .expect("a Shell completions section")
        .split("\n## ")
        .next()
        .unwrap();
    let rows: Vec<Vec<&str>> = section
        .lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("|---"))
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect();
    assert_eq!(
        rows.first().map(Vec::as_slice),
        Some(&["shell", "install", "needs"][..])
    );
    let mut scripts: Vec<String> = std::fs::read_dir(manifest_dir().join("completions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    scripts.sort();
    for script in &scripts {
        let row = rows
            .iter()
            .find(|r| r.len() == 3 && r[1].contains(script.as_str()))
            .unwrap_or_else(|| panic!("no README row installs completions/{script}"));
        assert!(
            !row[2].is_empty(),
            "{script}: the README says nothing of what it needs"
        );
    }
    let bash = rows.iter().find(|r| r[0] == "bash").expect("a bash row");
    assert!(
        bash[2].contains("bash-completion") && bash[2].contains("package"),
        "the bash row must name the bash-completion package: {}",
        bash[2]
    );
    assert!(bash[2].contains("source "), "and say what to do without it");
}

/// The README's table of `decode --json` fields lists exactly the fields
/// an error has, in their order.
#[test]
fn the_readme_documents_every_decode_json_field() {
    let readme = read("README.md");
    let table = readme
        .split("`--json` prints one object per error")
        .nth(1)
        .expect("the decode JSON section")
        .split("\n\n")
        .nth(1)
        .unwrap();
    let documented: Vec<&str> = table
        .lines()
        .skip(2)
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .collect();
    let input =
        "<Error><Code>NoSuchKey</Code><Message>m</Message><RequestId>r</RequestId></Error>\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_coserr"))
        .args(["decode", "--json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    let value: serde_json::Value = serde_json::from_str(&line).unwrap();
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // In the order the line has them, outside the entries (whose fields
    // include `source` and `troubleshooting` too).
    let (before, rest) = line.split_once("\"entry\":").unwrap();
    let (_, after) = rest.split_once("],\"hint\":").unwrap();
    let line = format!("{before}\"entry\":null,\"alternatives\":[],\"hint\":{after}");
    keys.sort_by_key(|k| line.find(&format!("\"{k}\":")).unwrap());
    assert_eq!(documented, keys);
}

/// Every input shape the README claims is backed by real text: the cases
/// it names in brackets exist in `tests/corpus/real/`, and decode gets
/// them (`tests/real_corpus.rs` holds each to its sidecar).
#[test]
fn the_readme_s_decode_shapes_name_real_cases_that_pass() {
    let readme = read("README.md");
    let section = readme
        .split("## Decoding error responses")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("the decode section");
    let mut named = 0;
    for bracket in section.split('[').skip(1) {
        // `[`case`, `case`]`: a link's `[text](url)` is not one.
        let Some((inside, _)) = bracket.split_once(']') else {
            continue;
        };
        if !inside.trim_start().starts_with('`') {
            continue;
        }
        for name in inside.split(',').map(|n| n.trim().trim_matches('`')) {
            if name.is_empty() || name.contains(' ') || name.contains('(') {
                continue;
            }
            let sidecar = manifest_dir().join(format!("tests/corpus/real/{name}.json"));
            let text = std::fs::read_to_string(&sidecar)
                .unwrap_or_else(|_| panic!("the README names {name}, which is not a real case"));
            let case: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert!(
                case["known_miss"].is_null(),
                "the README names {name}, a known miss"
            );
            named += 1;
        }
    }
    assert!(named >= 20, "{named} cases named");
}
