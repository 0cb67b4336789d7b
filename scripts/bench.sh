#!/usr/bin/env bash
# shellcheck disable=SC2016  # backticks in single quotes are Markdown, not command substitution
# Benchmarks for the speed targets of coserr (issue 5, "Targets").
#
# Usage: bash scripts/bench.sh [--quick] [--only lookup|list|decode|rss|size]...
#
#   --quick        smoke test: fewer runs, smaller inputs (20 MB / 20 MB /
#                  100 MiB instead of 200 MB / 200 MB / 1 GiB). Its figures
#                  are not the ones to quote.
#   --only WHAT    run only these rows (repeatable, or comma-separated):
#                    lookup  `coserr lookup SlowDown` and `lookup SlowDwn` vs an empty program
#                    list    `coserr list --json` vs an empty program
#                    decode  `decode --json` (bodies) and `decode --summary` (log) vs `wc -l`
#                    rss     peak RSS of `decode --json` on a 1 GiB input
#                    size    size of the stripped release binary
#
# What it does:
#   1. `cargo build --release --locked`, and an empty program (`fn main() {}`)
#      built with a copy of Cargo.toml's [profile.*] sections, under
#      target/bench/empty/.
#   2. Generates deterministic inputs under target/bench/ with
#      scripts/bench_inputs.py (fixed seed; skipped when already there).
#   3. Times each candidate against its baseline with hyperfine -N (no shell),
#      in several rounds that alternate which command goes first, pools the
#      per-run times of all rounds and compares the medians. Peak RSS comes
#      from /usr/bin/time -v, the size from the file.
#   4. Prints a table (target | measured | limit | result | details) and
#      writes it to target/bench/results.md.
#
# Exit status: 0 whenever the table was produced, even if targets fail (it is
# a report); 2 if the benchmark itself could not run (bad option, missing
# tool, build failure). Not part of `cargo test`.
#
# Needs: cargo, python3, hyperfine, GNU time (/usr/bin/time); as root the last
# two are installed with apt-get when missing. Run nothing else meanwhile: the
# startup rows compare processes that live about a millisecond.

set -euo pipefail

usage() { sed -n '/^# Benchmarks/,/^$/{s/^# \{0,1\}//;p}' "$0"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 2; }
say() { printf 'bench: %s\n' "$*" >&2; }

QUICK=0
ONLY=()
while (($#)); do
    case "$1" in
        --quick) QUICK=1 ;;
        --only)
            (($# >= 2)) || die "--only needs an argument: lookup|list|decode|rss|size"
            IFS=, read -ra parts <<<"$2"
            ONLY+=("${parts[@]}")
            shift ;;
        --only=*) IFS=, read -ra parts <<<"${1#--only=}"; ONLY+=("${parts[@]}") ;;
        -h | --help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
    shift
done
for w in "${ONLY[@]}"; do
    case "$w" in lookup | list | decode | rss | size) ;; *) die "--only: unknown row '$w' (lookup|list|decode|rss|size)" ;; esac
done
want() {
    ((${#ONLY[@]} == 0)) && return 0
    local w
    for w in "${ONLY[@]}"; do [[ $w == "$1" ]] && return 0; done
    return 1
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# Same environment for every command: English, no colour decisions from a terminal.
export LC_ALL=C

# ---- parameters ---------------------------------------------------------------
if ((QUICK)); then
    MODE=quick
    SIZE_A=20M SIZE_B=20M SIZE_C=100MiB
    STARTUP_ROUNDS=4 STARTUP_RUNS=40 STARTUP_WARMUP=10
    DECODE_ROUNDS=2 DECODE_RUNS=2 DECODE_WARMUP=1
    RSS_RUNS=1
else
    MODE=full
    SIZE_A=200M SIZE_B=200M SIZE_C=1GiB
    STARTUP_ROUNDS=20 STARTUP_RUNS=200 STARTUP_WARMUP=20
    DECODE_ROUNDS=6 DECODE_RUNS=4 DECODE_WARMUP=1
    RSS_RUNS=3
fi
RSS_LIMIT_MIB=10
SIZE_LIMIT_BYTES=4000000  # 4 MB (10^6 bytes; stricter than 4 MiB)

# ---- tools --------------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found"
command -v python3 >/dev/null || die "python3 not found"
apt_updated=0
ensure_pkg() { # ensure_pkg CHECK_PATH_OR_CMD PACKAGE
    if command -v "$1" >/dev/null 2>&1; then return 0; fi
    if [[ $(id -u) -ne 0 ]]; then
        die "'$1' is missing; install the Debian package '$2' (apt-get install -y $2) and run again"
    fi
    say "installing $2 with apt-get"
    if ((!apt_updated)); then apt-get update -qq >&2 || die "apt-get update failed"; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2 || die "apt-get install $2 failed"
    command -v "$1" >/dev/null 2>&1 || die "'$1' still missing after installing $2"
}
if want lookup || want list || want decode; then ensure_pkg hyperfine hyperfine; fi
if want rss; then ensure_pkg /usr/bin/time time; fi

TARGET_DIR=$(cargo metadata --format-version 1 --no-deps --offline 2>/dev/null |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])') ||
    TARGET_DIR="$ROOT/target"
BENCH="$TARGET_DIR/bench"
BIN="$TARGET_DIR/release/coserr"
EMPTY_DIR="$BENCH/empty"
EMPTY="$EMPTY_DIR/target/release/empty"
LOGS="$BENCH/logs"
mkdir -p "$BENCH" "$LOGS"

# ---- builds -------------------------------------------------------------------
say "building the release binary (cargo build --release --locked)"
cargo build --release --locked || die "cargo build --release --locked failed: nothing to measure"
[[ -x $BIN ]] || die "no binary at $BIN after the build"

if want lookup || want list; then
    say "building the empty program with Cargo.toml's [profile.*] sections"
    mkdir -p "$EMPTY_DIR/src"
    {
        printf '# Generated by scripts/bench.sh: the baseline for the startup targets.\n'
        printf '[package]\nname = "empty"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        printf '[workspace]\n\n'
        # Every [profile.*] table of the real manifest, verbatim.
        awk '/^[[:space:]]*\[/ { keep = ($0 ~ /^[[:space:]]*\[profile\./) } keep' Cargo.toml
    } >"$EMPTY_DIR/Cargo.toml.new"
    grep -q '^\[profile\.release\]' "$EMPTY_DIR/Cargo.toml.new" || say "warning: Cargo.toml has no [profile.release]"
    if ! cmp -s "$EMPTY_DIR/Cargo.toml.new" "$EMPTY_DIR/Cargo.toml" 2>/dev/null; then
        mv "$EMPTY_DIR/Cargo.toml.new" "$EMPTY_DIR/Cargo.toml"
    else
        rm "$EMPTY_DIR/Cargo.toml.new"
    fi
    printf 'fn main() {}\n' >"$EMPTY_DIR/src/main.rs.new"
    if ! cmp -s "$EMPTY_DIR/src/main.rs.new" "$EMPTY_DIR/src/main.rs" 2>/dev/null; then
        mv "$EMPTY_DIR/src/main.rs.new" "$EMPTY_DIR/src/main.rs"
    else
        rm "$EMPTY_DIR/src/main.rs.new"
    fi
    CARGO_TARGET_DIR="$EMPTY_DIR/target" cargo build --release --offline --quiet \
        --manifest-path "$EMPTY_DIR/Cargo.toml" || die "building the empty program failed"
    [[ -x $EMPTY ]] || die "no empty program at $EMPTY"
fi

# ---- inputs -------------------------------------------------------------------
gen() { # gen KIND SIZE -> prints the path
    local path="$BENCH/input-$1-$2.${3}"
    python3 scripts/bench_inputs.py "$1" "$2" "$path" >&2 || die "generating $path failed"
    printf '%s\n' "$path"
}
if want decode; then
    FILE_A=$(gen bodies "$SIZE_A" xml)
    FILE_B=$(gen log "$SIZE_B" log)
fi
if want rss; then
    FILE_C=$(gen bodies "$SIZE_C" xml)
fi

# ---- results ------------------------------------------------------------------
R_TARGET=() R_MEASURED=() R_LIMIT=() R_RESULT=() R_DETAILS=()
add_row() { R_TARGET+=("$1"); R_MEASURED+=("$2"); R_LIMIT+=("$3"); R_RESULT+=("$4"); R_DETAILS+=("$5"); }

q() { local s=${1//\'/\'\\\'\'}; printf "'%s'" "$s"; } # quote for hyperfine -N (shell-words)

# probe NAME ARGS... : runs ARGS once, output counted, sets PROBE_RC, PROBE_OUT (bytes), PROBE_ERR (first line)
probe() {
    local name=$1; shift
    local rc=0 bytes
    bytes=$( ("$@" 2>"$LOGS/$name.probe.err"; echo "rc=$?" >"$LOGS/$name.probe.rc") | wc -c) || true
    rc=$(sed -n 's/^rc=//p' "$LOGS/$name.probe.rc" 2>/dev/null || echo 127)
    PROBE_RC=${rc:-127}
    PROBE_OUT=$bytes
    PROBE_ERR=$(head -n 1 "$LOGS/$name.probe.err" | cut -c1-80)
}

# ratio_row NAME TARGET LIMIT IGNORE(0|1) ROUNDS RUNS WARMUP BASE_LABEL BASE_CMD CAND_LABEL CAND_CMD
ratio_row() {
    local name=$1 target=$2 limit=$3 ignore=$4 rounds=$5 runs=$6 warmup=$7
    local blabel=$8 bcmd=$9 clabel=${10} ccmd=${11}
    local dir="$LOGS/$name" i flags=(-N --style basic --output=null --warmup "$warmup" --runs "$runs")
    ((ignore)) && flags+=(-i)
    rm -rf "$dir"; mkdir -p "$dir"
    say "$name: $rounds rounds x $runs runs of: $ccmd  vs  $bcmd"
    for ((i = 0; i < rounds; i++)); do
        local order=(-n base "$bcmd" -n cand "$ccmd")
        ((i % 2)) && order=(-n cand "$ccmd" -n base "$bcmd")
        if ! hyperfine "${flags[@]}" --export-json "$dir/round$i.json" "${order[@]}" \
            >"$dir/round$i.log" 2>&1; then
            say "$name: hyperfine failed in round $i; see $dir/round$i.log"
            tail -n 5 "$dir/round$i.log" >&2 || true
            add_row "$target" "error" "≤ ${limit}x" "ERROR" "hyperfine failed (log: ${dir#"$ROOT"/}/round$i.log)"
            return 0
        fi
        printf '.' >&2
    done
    printf '\n' >&2
    local line
    line=$(python3 - "$dir" "$limit" "$blabel" "$clabel" <<'EOF'
import glob, json, statistics, sys
d, limit, blabel, clabel = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
pool = {"base": [], "cand": []}
per_round = []
for f in sorted(glob.glob(d + "/round*.json")):
    res = {r["command"]: r["times"] for r in json.load(open(f))["results"]}
    for k in pool:
        pool[k].extend(res[k])
    per_round.append(statistics.median(res["cand"]) / statistics.median(res["base"]))
mb, mc = statistics.median(pool["base"]), statistics.median(pool["cand"])
ratio = mc / mb
def t(s):
    return "%.3f ms" % (s * 1e3) if s < 1 else "%.3f s" % s
print("%.2fx\t%s\t%s: %s, %s: %s (medians of %d and %d runs); per-round ratios %.2f-%.2fx" % (
    ratio, "PASS" if ratio <= limit else "FAIL", clabel, t(mc), blabel, t(mb),
    len(pool["cand"]), len(pool["base"]), min(per_round), max(per_round)))
EOF
    ) || { add_row "$target" "error" "≤ ${limit}x" "ERROR" "could not read hyperfine's JSON in ${dir#"$ROOT"/}"; return 0; }
    local measured result details
    IFS=$'\t' read -r measured result details <<<"$line"
    add_row "$target" "$measured" "≤ ${limit}x" "$result" "$details"
}

startup_row() { # startup_row NAME TARGET LIMIT EXPECTED_RC ARGS...
    local name=$1 target=$2 limit=$3 expect=$4; shift 4
    probe "$name" "$BIN" "$@"
    if [[ $PROBE_RC != "$expect" ]]; then
        add_row "$target" "error" "≤ ${limit}x" "ERROR" "exit status $PROBE_RC, expected $expect: $PROBE_ERR"
        return 0
    fi
    local cmd a
    cmd=$(q "$BIN")
    for a in "$@"; do cmd+=" $(q "$a")"; done
    ratio_row "$name" "$target" "$limit" "$((expect != 0))" \
        "$STARTUP_ROUNDS" "$STARTUP_RUNS" "$STARTUP_WARMUP" \
        "empty program" "$(q "$EMPTY")" "coserr" "$cmd"
}

decode_row() { # decode_row NAME TARGET LIMIT FILE ARGS...
    local name=$1 target=$2 limit=$3 file=$4; shift 4
    say "$name: checking that decode runs on ${file#"$ROOT"/}"
    probe "$name" "$BIN" decode "$@" "$file"
    if [[ $PROBE_RC != 0 && $PROBE_RC != 1 ]]; then
        add_row "$target" "decode unavailable" "≤ ${limit}x" "N/A" "exit status $PROBE_RC: ${PROBE_ERR:-no message}"
        return 0
    fi
    local cmd a
    cmd="$(q "$BIN") decode"
    for a in "$@"; do cmd+=" $(q "$a")"; done
    cmd+=" $(q "$file")"
    ratio_row "$name" "$target" "$limit" "$PROBE_RC" \
        "$DECODE_ROUNDS" "$DECODE_RUNS" "$DECODE_WARMUP" \
        "wc -l" "wc -l $(q "$file")" "coserr" "$cmd"
    if ((PROBE_OUT == 0)); then
        R_DETAILS[-1]+="; NOTE: decode printed nothing"
    fi
}

size_label() { # 200M -> "200 MB", 1GiB -> "1 GiB" (the nominal size; files stop at the last whole body)
    sed -E 's/^([0-9.]+)(K|M|G)$/\1 \2B/; s/^([0-9.]+)(KiB|MiB|GiB)$/\1 \2/' <<<"$1"
}

# ---- the rows -----------------------------------------------------------------
if want lookup; then
    startup_row lookup-hit '`coserr lookup SlowDown` vs empty program' 1.10 0 lookup SlowDown
    startup_row lookup-miss '`coserr lookup SlowDwn` (miss, suggestions) vs empty program' 1.25 1 lookup SlowDwn
fi
if want list; then
    startup_row list-json '`coserr list --json > /dev/null` vs empty program' 1.5 0 list --json
fi
if want decode; then
    decode_row decode-json "\`coserr decode --json\` on $(size_label "$SIZE_A") of COS error bodies vs \`wc -l\`" \
        10 "$FILE_A" --json
    decode_row decode-summary "\`coserr decode --summary\` on a $(size_label "$SIZE_B") log (1 line in 100 an error) vs \`wc -l\`" \
        4 "$FILE_B" --summary
fi
if want rss; then
    rss_target="peak RSS of \`coserr decode --json\` on $(size_label "$SIZE_C")"
    say "rss: $RSS_RUNS run(s) of /usr/bin/time -v $BIN decode --json ${FILE_C#"$ROOT"/} > /dev/null"
    kbs=() rss_fail=""
    for ((i = 0; i < RSS_RUNS; i++)); do
        rc=0
        /usr/bin/time -v -o "$LOGS/rss$i.time" "$BIN" decode --json "$FILE_C" >/dev/null 2>"$LOGS/rss$i.err" || rc=$?
        if [[ $rc != 0 && $rc != 1 ]]; then
            rss_fail="exit status $rc: $(head -n 1 "$LOGS/rss$i.err" | cut -c1-80)"
            break
        fi
        kbs+=("$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$LOGS/rss$i.time")")
    done
    if [[ -n $rss_fail ]]; then
        add_row "$rss_target" "decode unavailable" "≤ ${RSS_LIMIT_MIB} MiB" "N/A" "$rss_fail"
    else
        line=$(python3 - "$RSS_LIMIT_MIB" "${kbs[@]}" <<'EOF'
import statistics, sys
limit = float(sys.argv[1]); kb = [int(x) for x in sys.argv[2:]]
m = statistics.median(kb) / 1024
print("%.2f MiB\t%s\tmedian of %d run(s): %s KiB (max %.2f MiB)" % (
    m, "PASS" if m <= limit else "FAIL", len(kb), ", ".join(map(str, kb)), max(kb) / 1024))
EOF
        )
        IFS=$'\t' read -r measured result details <<<"$line"
        add_row "$rss_target" "$measured" "≤ ${RSS_LIMIT_MIB} MiB" "$result" "$details"
    fi
fi
if want size; then
    bytes=$(stat -c %s "$BIN")
    stripped="stripped"
    if command -v file >/dev/null && file "$BIN" | grep -q 'not stripped'; then stripped="NOT stripped"; fi
    res=FAIL; ((bytes <= SIZE_LIMIT_BYTES)) && res=PASS
    add_row "release binary size (target/release/coserr)" \
        "$(python3 -c 'import sys; print("%.2f MB" % (int(sys.argv[1]) / 1e6))' "$bytes")" \
        "≤ 4 MB" "$res" "$bytes bytes ($(python3 -c 'import sys; print("%.2f MiB" % (int(sys.argv[1]) / 1048576))' "$bytes")), $stripped"
fi

# ---- report -------------------------------------------------------------------
# Read-only git plumbing (no index refresh): the tree may be reported as
# differing when only file times changed.
if commit=$(git rev-parse --short HEAD 2>/dev/null); then
    git diff-index --quiet HEAD -- 2>/dev/null || commit+=" (working tree differs from it)"
else
    commit="unknown (not a git checkout)"
fi
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
report() {
    printf '# coserr benchmarks (%s)\n\n' "$MODE"
    printf -- '- command: `bash scripts/bench.sh%s`\n' "$(for a in "${ARGV[@]}"; do printf ' %s' "$a"; done)"
    printf -- '- date: %s, commit %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$commit"
    printf -- '- machine: %s cores, %s, Linux %s\n' "$(nproc)" "${cpu:-unknown CPU}" "$(uname -r)"
    printf -- '- %s; %s\n' "$(rustc --version)" "$(hyperfine --version 2>/dev/null || echo 'no hyperfine')"
    printf -- '- ratios: medians of all runs pooled over rounds that alternate which command goes first (hyperfine -N)\n'
    if [[ $MODE == quick ]]; then printf -- '- QUICK MODE: smoke test only, small inputs and few runs; do not quote these figures\n'; fi
    printf '\n'
    python3 - "${#R_TARGET[@]}" "${R_TARGET[@]}" "${R_MEASURED[@]}" "${R_LIMIT[@]}" "${R_RESULT[@]}" "${R_DETAILS[@]}" <<'EOF'
import sys
n = int(sys.argv[1]); a = sys.argv[2:]
cols = [a[i * n:(i + 1) * n] for i in range(5)]
rows = [["target", "measured", "limit", "result", "details"]] + [list(r) for r in zip(*cols)]
w = [max(len(r[i]) for r in rows) for i in range(5)]
def line(r):
    return "| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |"
print(line(rows[0]))
print("|" + "|".join("-" * (x + 2) for x in w) + "|")
for r in rows[1:]:
    print(line(r))
EOF
}
ARGV=()
((QUICK)) && ARGV+=(--quick)
for w in "${ONLY[@]}"; do ARGV+=(--only "$w"); done
report | tee "$BENCH/results.md"
say "written to ${BENCH#"$ROOT"/}/results.md (hyperfine logs in ${LOGS#"$ROOT"/}/)"
exit 0
