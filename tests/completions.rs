//! The committed completion scripts match what the CLI generates, and they
//! really complete code names when a shell runs them.
//!
//! Regenerate after a CLI change: `SNAPSHOTS=overwrite cargo test --test completions`.

use std::path::{Path, PathBuf};
use std::process::Command;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "coserr.bash"),
    ("zsh", "_coserr"),
    ("fish", "coserr.fish"),
    ("powershell", "_coserr.ps1"),
    ("elvish", "coserr.elv"),
];

fn completions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("completions")
}

fn generate(shell: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_coserr"))
        .args(["completions", shell])
        .output()
        .unwrap();
    assert!(out.status.success(), "coserr completions {shell} failed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn committed_completions_match_the_cli() {
    let overwrite = std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite");
    let mut stale = Vec::new();
    for (shell, file) in SCRIPTS {
        let path = completions_dir().join(file);
        let actual = generate(shell);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if actual != committed {
            if overwrite {
                std::fs::write(&path, &actual).unwrap();
            } else {
                stale.push(file);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "completions/{stale:?} differ from `coserr completions`; \
         run `SNAPSHOTS=overwrite cargo test --test completions` and commit the result"
    );
}

/// Whether `shell` can be run. Outside CI a missing shell skips its test
/// (the README's test command must pass with only the Rust toolchain); in
/// CI, where `.ci/run` installs zsh and fish, it is a failure.
#[allow(clippy::print_stderr)] // say which shell's test was skipped
fn have(shell: &str) -> bool {
    let found = Command::new(shell)
        .args(["-c", "exit 0"])
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{shell} is required in CI to test its completions"
        );
        eprintln!("skipping: {shell} is not installed");
    }
    found
}

fn assert_offers_nosuch(shell: &str, words: &str) {
    let words: Vec<&str> = words.split_whitespace().collect();
    for expected in ["NoSuchBucket", "NoSuchKey", "NoSuchUpload"] {
        assert!(
            words.contains(&expected),
            "{shell} did not offer {expected}: {words:?}"
        );
    }
    assert!(
        words.iter().all(|w| w.starts_with("NoSu")),
        "{shell} offered names that do not start with NoSu: {words:?}"
    );
}

#[test]
fn bash_completes_code_names() {
    if !have("bash") {
        return;
    }
    let script = completions_dir().join("coserr.bash");
    let program = format!(
        r#"source '{}'
COMP_WORDS=(coserr lookup NoSu); COMP_CWORD=2
COMP_LINE='coserr lookup NoSu'; COMP_POINT=${{#COMP_LINE}}
_coserr coserr NoSu lookup
printf '%s\n' "${{COMPREPLY[@]}}""#,
        script.display()
    );
    let out = Command::new("bash")
        .args(["--norc", "-c", &program])
        .output()
        .unwrap();
    assert_offers_nosuch("bash", &String::from_utf8_lossy(&out.stdout));
}

#[test]
fn fish_completes_code_names() {
    if !have("fish") {
        return;
    }
    let script = completions_dir().join("coserr.fish");
    let program = format!(
        "source '{}'; complete -C 'coserr lookup NoSu'",
        script.display()
    );
    let out = Command::new("fish")
        .args(["--no-config", "-c", &program])
        .output()
        .unwrap();
    // fish prints "candidate<TAB>description".
    let names: String = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ");
    assert_offers_nosuch("fish", &names);
}

#[test]
fn zsh_completes_code_names() {
    if !have("zsh") {
        return;
    }
    // zsh completion only runs inside the line editor, so drive a real
    // interactive zsh through a pseudo-terminal (zsh/zpty) and record what
    // the completion function hands to compadd.
    let dir = tempdir();
    std::fs::copy(completions_dir().join("_coserr"), dir.join("_coserr")).unwrap();
    let hits = dir.join("hits");
    let driver = r#"
zmodload zsh/zpty
dir=$1 out=$2 line=$3
zpty z zsh -f -i
zpty -w z "fpath=($dir \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "compadd() { builtin compadd -A __hits \"\$@\"; print -rl -- \$__hits >> $out; builtin compadd \"\$@\" }"
zpty -w z "bindkey '^I' complete-word"
zpty -w -n z "$line"$'\t'
for i in {1..100}; do [[ -s $out ]] && break; sleep 0.1; done
sleep 0.5
zpty -d z
"#;
    let status = Command::new("zsh")
        .args(["-f", "-c", driver, "zsh"])
        .arg(&dir)
        .arg(&hits)
        .arg("coserr lookup NoSu")
        .status()
        .unwrap();
    assert!(status.success());
    let words = std::fs::read_to_string(&hits).unwrap_or_default();
    assert_offers_nosuch("zsh", &words);
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("coserr-zsh-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
