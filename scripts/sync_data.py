#!/usr/bin/env python3
"""Bring data/*.json in line with tests/fixtures/seed_rows.json.

Run after `scripts/extract_seeds.py` when a source document changes:

    python3 scripts/extract_seeds.py && python3 scripts/sync_data.py

For every fixture row, the entry with the same (provider, section, code,
number, status) is created if missing; the document-owned fields (status
text, descriptions, messages, aliases, docs) are overwritten from the
fixture, and the hand-written fields (`advice`, `retryable`) are kept. A new
entry gets the document's handling text as its advice, or "TODO" (which the
build refuses) for somebody to write. Entries the fixture no longer lists are
kept: the catalogue never deletes (data/README.md). Output is canonical:
entries grouped by section in catalogue order, fields in schema order.
"""

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIELDS = ["provider", "section", "code", "number", "status", "status_text",
          "description", "description_zh", "messages", "advice", "retryable",
          "aliases", "docs"]
FROM_DOCUMENTS = ["status_text", "description", "description_zh", "messages",
                  "aliases", "docs"]
SECTIONS = ["api", "image-download", "image-persistence", "document-preview",
            "content-moderation", "media-processing"]


def key(e):
    return (e["provider"], e["section"], e["code"], e["number"], e["status"])


def main():
    rows = json.loads((ROOT / "tests/fixtures/seed_rows.json").read_text())
    for provider in ["cos", "ci", "obs"]:
        path = ROOT / "data" / f"{provider}.json"
        existing = json.loads(path.read_text()) if path.exists() else []
        by_key = {key(e): e for e in existing}
        out, seen = [], set()
        for row in (r for r in rows if r["provider"] == provider):
            e = by_key.get(key(row))
            if e is None:
                e = {f: row.get(f) for f in FIELDS}
                e["advice"] = row["handling"] or "TODO"
                e["retryable"] = False
            for f in FROM_DOCUMENTS:
                e[f] = row[f]
            out.append({f: e[f] for f in FIELDS})
            seen.add(key(row))
        kept = [e for e in existing if key(e) not in seen]
        if kept:
            print(f"{path.name}: keeping {len(kept)} entries the documents no longer list",
                  file=sys.stderr)
        out += kept
        out.sort(key=lambda e: SECTIONS.index(e["section"]))  # stable: keeps document order
        path.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        todo = sum(1 for e in out if e["advice"] == "TODO")
        print(f"{path.name}: {len(out)} entries, {todo} without advice", file=sys.stderr)


if __name__ == "__main__":
    main()
