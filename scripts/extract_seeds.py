#!/usr/bin/env python3
"""Extract the error-code rows of the five seed documents into a JSON fixture.

Usage:  python3 scripts/extract_seeds.py [SEEDS_DIR]

SEEDS_DIR defaults to ``../shared/seeds`` relative to the repository root
(i.e. /work/shared/seeds).  The output is written to
``tests/fixtures/seed_rows.json`` (relative to the repository root), as a
pretty-printed JSON array (2-space indent, ensure_ascii=False, trailing
newline).  The output is deterministic: it depends only on the documents.
Counts per (provider, section) are printed to stderr.

This fixture is the *independent* ground truth that the tests compare the
catalogue in ``data/`` against, so every row comes from parsing the
documents.  The only hand-written data are the small, commented fix-up
tables below (FIXUP_*), each of which covers a quirk of the documents, and
every fix-up asserts that the quirk is really there (if a document changes,
the script fails loudly instead of silently producing something else).
Python 3.11, standard library only.

Documents (matched by their prefix; the rest of the file name is ignored)
------------------------------------------------------------------------
000  Tencent Cloud COS API error codes (English, newest) *and* the Cloud
     Infinite (CI) data-processing codes: image download, image persistence,
     document preview, content moderation, MPS (media processing).
     A flattened HTML page: every table cell is on its own line.
001  The COS API error table in Chinese (Markdown), older than 000.
002  Huawei Cloud OBS error codes (English): a flattened page where every
     cell is a paragraph separated by blank lines.
003  The CI API error codes (XML body, Markdown tables).
004  The CI processing codes (``X-ErrNo``, Markdown tables), older than 000.

Output: one object per catalogue entry, i.e. per
(provider, section, code, number, status), with the keys, in this order:
provider, section, code, number, status, status_text, description,
description_zh, handling, messages, aliases, docs, sources.

General text rules
------------------
* Every cell is trimmed; a cell that spans several lines/paragraphs is joined
  with a single space.  Inner whitespace is otherwise kept verbatim (e.g.
  001's "POST   Object" keeps its three spaces).
* Markdown links ``[text](url)`` are reduced to ``text``; the URL goes into
  ``docs``.  Backtick code markers are removed (```CI_QCSRole``` ->
  CI_QCSRole).
* A handling cell that is "-" (or empty) is null.
* ``docs`` lists every URL linked in the row's cells of every document that
  lists the row (001's zh description for COS; 003's description for the CI
  API; 004's description and action for the CI processing codes, even where
  000's wording is the one kept), in order of appearance, de-duplicated.
* ``sources`` lists the prefixes of the documents that list the row, in
  ascending order.

COS (provider "cos", section "api"): 000 + 001
----------------------------------------------
* Rows and English descriptions come from 000's "4XX/5XX Error Codes"
  tables (a row = status line, code line, one or more description lines).
* status/status_text: split of the status cell "NNN Reason Phrase".
  Fix-ups (FIXUP_STATUS_TEXT): 000 writes "405 AccessTimeNotSupported" and
  "409 ObjectNotAppendable" (and 001 "409 ObjectNotAppendale") where the
  reason phrase belongs; they become "Method Not Allowed" / "Conflict".
  000's MirrorFailed has "424" and "Failed Dependency" on two lines: a bare
  status number takes the next line as its phrase.
* description_zh: 001's description, matched to 000 by (code, status), with
  001's misspelt codes mapped to the corrected ones (FIXUP_COS_001_CODES:
  BadRquest -> BadRequest, QuotaOperationConfilct -> QuotaOperationConflict);
  null where 001 lacks the code.  Note: README says KmsFreqControl is missing
  from 001, but 001 does list it (503, 请降低使用密钥管理服务的请求的访问频率);
  the documents win, so only AccessTimeNotSupported, DownloadForbidden,
  FileAlreadyExists and MirrorFailed have no Chinese text.  (The script
  computes this; it is not hard-coded.)
* Rows of 001 that 000 lacks would be added (placed after their 001
  predecessor, English description null); there are none today.
* aliases (FIXUP_ALIASES): BadRequest ["BadRquest"], QuotaOperationConflict
  ["QuotaOperationConfilct"], ObjectNotAppendable ["ObjectNotAppendale"]
  (the latter comes from 001's status cell "409 ObjectNotAppendale").
* Multi-line description cells in 000 (each one must be covered by a fix-up,
  otherwise the script fails):
  - MAZOperationNotSupportOnOAZBucket / OAZOperationNotSupportOnMAZBucket
    (FIXUP_COS_MESSAGE_LINE): the second (English, lower-case) line is the
    server's message: description = first line; messages = [{second line,
    description null}].
  - SlowDown (FIXUP_COS_SPLIT_MESSAGES): description = both lines joined
    with a space, verbatim.  Each line is "<what> Error message: <message>";
    it is split there into {"message": <message>, "description": <what>}.
    The second line reads "Error message: Message: Reduce your request
    rate." - the doubled "Message: " label is dropped from the message.
* handling: null (neither document has any).

CI API (provider "ci", section "api"): 003
------------------------------------------
* The three Markdown tables (code | description | status).  AccessDenied
  (401, 403) and InvalidContent (400, 413) are two entries each.
* Fix-up (FIXUP_STATUS_TEXT): "500 Internal Server" is truncated ->
  "Internal Server Error".  "307 Temporary Redirect" etc. kept as given.
* handling null, messages [], docs = the links of the description.

CI processing sections (provider "ci", status/status_text null): 000 + 004
---------------------------------------------------------------------------
Sections: image-download (000 "Image Download Processing", 004 "Download
errors"), image-persistence ("Image Persistence Processing" / "Persistence
processing errors"), document-preview ("Document Preview" / "File preview
errors"), content-moderation, media-processing ("MPS" / "Media processing
errors").
* 000's row wins for description and handling (000 is newest); 004 only
  adds its links to docs and "004" to sources.  (No row has a 000 handling
  of "-" with an 004 action, so no fallback is needed; the script asserts it.)
* Rows only in 004 take 004's description and action: document preview
  -3015 (-3064, -3070, -3075 are only in 000); content moderation -61011 and
  -65013 (code null).
* Numbers shared by image-download and document-preview (-3006, -3008,
  -3011, -3015, -3075) are distinct entries, one per section.
* Placement of 004-only rows (my choice): right after the last 000 entry
  whose number is the one 004 lists just before it; if 004 lists it first in
  its table, at the start of the section.  So -3015 goes after -3011 in
  document-preview, -61011 first in content-moderation and -65013 after
  -65012.  (In all three cases this is also the numeric order.)
* Content moderation (000): code = the code-name column (e.g.
  InvalidArgument), number = the number.  000's table is flattened, so it
  is parsed with a small state machine:
  - a line "-NNNNN" starts a new number; the next line is the code name;
  - after the code name, lines are server messages, each optionally followed
    by its description.  A description is recognised as a line that follows
    a message, starts with an upper-case letter and ends with "." or ".)"
    (every 000 description does; no message that is followed by another line
    does, "internal error, please try again." starts in lower case);
  - a CamelCase identifier line (e.g. ImageTooLarge) after a message or a
    description starts a NEW entry with the same number (-65011 and -65024
    each have an InvalidArgument and an ImageTooLarge entry).  The line right
    after the code name is always a message, so -65006's message
    "RequestLimitExceeded" is not mistaken for a code.
  messages = every message with the description it is paired with, or null
  (-65010 "url unreachable", -65011 "File is too large or empty", -65020
  "No such key", "No such object").  description = the description paired
  with the entry's first message.  handling = 004's Action for that number
  (000 has no handling column), applied to every 000 entry with the number;
  null if 004 lacks the number.
* 004's content moderation row "Other | Internal error | -" is not a code
  (no number): it is skipped.
* MPS: code = the "Error Message" column (e.g. SlowDown), number = the
  number; messages = [{"message": code, "description": description}].
  004's table must list the same code for each number (asserted).
* 004's cells are split on "|"; stray trailing cells (e.g. "| - |" after
  -164, "| -" after -46621) are ignored: only the first three are used.

OBS (provider "obs", section "api"): 002
----------------------------------------
* Table 2: each row is a status paragraph ("NNN Phrase"), a code paragraph,
  then the error message paragraph(s) and the solution paragraph.  Rule:
  the last paragraph after the code is the solution and the ones before it
  are the message, joined with a space into description.  RequestTimeTooSkewed
  and MethodNotAllowed have two message paragraphs; every other row has one.
  (A row with a single paragraph after the code would be a message without
  solution; there is none.)  SlowDown's message and solution paragraphs are
  the same text ("Too frequent requests. Reduce your request frequency.");
  both are kept as the document gives them.
* A message paragraph of the form 'The message "X" is returned.' yields
  messages = [{"message": X, "description": null}] (MethodNotAllowed).
* status_text kept as given ("307 Moved Temporarily", "416 Client Requested
  Range Not Satisfiable").
* Fix-ups: "IncorrectNumberOfFilesInPost Request" -> code
  IncorrectNumberOfFilesInPostRequest with the spaced spelling as alias
  (FIXUP_OBS_CODES); CustomDomainAreadyExist kept as spelt, with alias
  CustomDomainAlreadyExist (FIXUP_ALIASES).

Where the documents differ from the seeds README
------------------------------------------------
* KmsFreqControl is in 001 (README lists it among the codes 001 lacks).
* 003 has 29 rows (27 distinct code names: AccessDenied and InvalidContent
  appear twice), so the CI API section has 29 entries.
* Content moderation codes only in 000 are -65001..-65004, -65006 (there is
  no -65005 anywhere) and also -65019, -65020, -65023, -65024.

Order
-----
provider (cos, ci, obs), then section (api, image-download,
image-persistence, document-preview, content-moderation, media-processing),
then the row order of the newest document listing it (000 for COS api and
the CI processing sections, 003 for the CI API, 002 for OBS), with 004-only
rows placed as described above.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = REPO_ROOT.parent / "shared" / "seeds"
OUTPUT = REPO_ROOT / "tests" / "fixtures" / "seed_rows.json"

PROVIDERS = ["cos", "ci", "obs"]
SECTIONS = [
    "api",
    "image-download",
    "image-persistence",
    "document-preview",
    "content-moderation",
    "media-processing",
]

# --- fix-up tables for documented quirks ---------------------------------

# Status cells whose text after the number is not a reason phrase (or is a
# truncated one): (document, cell) -> phrase.
FIXUP_STATUS_TEXT = {
    ("000", "405 AccessTimeNotSupported"): "Method Not Allowed",
    ("000", "409 ObjectNotAppendable"): "Conflict",
    ("001", "409 ObjectNotAppendale"): "Conflict",
    ("003", "500 Internal Server"): "Internal Server Error",
}

# 001 spells some codes differently from 000 (000 corrected them).
FIXUP_COS_001_CODES = {
    "BadRquest": "BadRequest",
    "QuotaOperationConfilct": "QuotaOperationConflict",
}

# 002 writes one code with a stray space.
FIXUP_OBS_CODES = {
    "IncorrectNumberOfFilesInPost Request": "IncorrectNumberOfFilesInPostRequest",
}

# Misspellings kept as aliases: (provider, code) -> aliases.  Each alias is
# checked to occur in the documents (see check_aliases).
FIXUP_ALIASES = {
    ("cos", "BadRequest"): ["BadRquest"],
    ("cos", "QuotaOperationConflict"): ["QuotaOperationConfilct"],
    ("cos", "ObjectNotAppendable"): ["ObjectNotAppendale"],
    ("obs", "IncorrectNumberOfFilesInPostRequest"): ["IncorrectNumberOfFilesInPost Request"],
    # 002 spells the code "CustomDomainAreadyExist"; the code is kept as
    # written and the correct English spelling is an alias.
    ("obs", "CustomDomainAreadyExist"): ["CustomDomainAlreadyExist"],
}

# COS rows of 000 whose description cell has a second line that is the
# server's error message (not part of the description).
FIXUP_COS_MESSAGE_LINE = {
    "MAZOperationNotSupportOnOAZBucket",
    "OAZOperationNotSupportOnMAZBucket",
}

# COS rows of 000 whose description lines each read
# "<what> Error message: <message>": description = all lines joined; each
# line becomes a message.  A doubled "Message: " label is dropped.
FIXUP_COS_SPLIT_MESSAGES = {"SlowDown"}

# --- helpers -------------------------------------------------------------

LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
STATUS_RE = re.compile(r"^(\d{3})(?:\s+(.*))?$")
NUMBER_RE = re.compile(r"^-?\d+$")
CAMEL_RE = re.compile(r"^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$")


def clean(text: str) -> tuple[str, list[str]]:
    """Reduce Markdown links to their text, drop backticks, trim.

    Returns the cleaned text and the URLs, in order of appearance."""
    urls = [m.group(2) for m in LINK_RE.finditer(text)]
    text = LINK_RE.sub(lambda m: m.group(1), text)
    text = text.replace("`", "")
    return text.strip(), urls


def null_dash(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return None if text in ("", "-") else text


def dedup(items):
    out = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def split_status(doc: str, cell: str) -> tuple[int, str | None]:
    cell = " ".join(cell.split())
    m = STATUS_RE.match(cell)
    assert m, f"{doc}: bad status cell {cell!r}"
    status = int(m.group(1))
    text = FIXUP_STATUS_TEXT.get((doc, cell), m.group(2))
    return status, text


def find_doc(seeds: Path, prefix: str) -> Path:
    found = sorted(seeds.glob(f"{prefix}_*.txt"))
    assert len(found) == 1, f"expected one {prefix}_*.txt in {seeds}, got {found}"
    return found[0]


def entry(provider, section, code, number, status, status_text, description,
          description_zh=None, handling=None, messages=None, aliases=None,
          docs=None, sources=None):
    return {
        "provider": provider,
        "section": section,
        "code": code,
        "number": number,
        "status": status,
        "status_text": status_text,
        "description": description,
        "description_zh": description_zh,
        "handling": handling,
        "messages": messages or [],
        "aliases": aliases or [],
        "docs": docs or [],
        "sources": sources or [],
    }


def md_table_rows(lines: list[str], start: int, ncols: int):
    """Yield (line_no, cells) of the Markdown table starting at or after
    ``start`` (the header row); stops at the first non-table line.  Only the
    first ``ncols`` cells are kept (stray trailing cells are ignored)."""
    i = start
    while i < len(lines) and not lines[i].lstrip().startswith("|"):
        i += 1
    header = i
    i += 2  # header + separator
    assert re.match(r"^\|\s*:?-+", lines[header + 1].strip()), lines[header + 1]
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        raw = lines[i].strip()
        cells = raw.strip("|").split("|") if raw.endswith("|") else raw[1:].split("|")
        cells = [c.strip() for c in cells]
        assert len(cells) >= ncols, f"short row at line {i + 1}: {raw!r}"
        yield i + 1, cells[:ncols]
        i += 1


def index_of(lines: list[str], text: str, start: int = 0) -> int:
    for i in range(start, len(lines)):
        if lines[i].strip() == text:
            return i
    raise AssertionError(f"heading {text!r} not found")


# --- 000 -------------------------------------------------------------------


def parse_000_cos(lines: list[str]) -> list[dict]:
    """COS API rows of 000: list of {code, status, status_text, desc_lines}."""
    start = index_of(lines, "4XX Error Codes")
    end = index_of(lines, "Data Processing Error Codes", start)
    headers = {"HTTP Status Code", "Error Code", "Description", "4XX Error Codes",
               "5XX Error Codes"}
    body = [l.strip() for l in lines[start:end] if l.strip() and l.strip() not in headers]
    rows = []
    i = 0
    while i < len(body):
        m = STATUS_RE.match(body[i])
        assert m, f"000: expected a status line, got {body[i]!r}"
        if m.group(2) is None:  # "424" / "Failed Dependency" on two lines
            cell = f"{body[i]} {body[i + 1]}"
            i += 2
        else:
            cell = body[i]
            i += 1
        status, status_text = split_status("000", cell)
        code = body[i]
        i += 1
        desc_lines = []
        while i < len(body) and not STATUS_RE.match(body[i]):
            desc_lines.append(body[i])
            i += 1
        assert desc_lines, f"000: {code} has no description"
        rows.append({"code": code, "status": status, "status_text": status_text,
                     "desc_lines": desc_lines})
    return rows


def parse_000_numeric(lines: list[str], heading: str, next_heading: str,
                      header: list[str]) -> list[tuple[int, str, str | None]]:
    """A 000 processing table of (number, description, handling) triples."""
    start = index_of(lines, heading)
    end = index_of(lines, next_heading, start + 1)
    body = [l.strip() for l in lines[start + 1:end] if l.strip()]
    assert body[:len(header)] == header, (heading, body[:len(header)])
    body = body[len(header):]
    rows = []
    i = 0
    while i < len(body):
        assert NUMBER_RE.match(body[i]), f"000 {heading}: expected a number, got {body[i]!r}"
        j = i + 1
        while j < len(body) and not NUMBER_RE.match(body[j]):
            j += 1
        cells = body[i + 1:j]
        assert len(cells) == 2, f"000 {heading}: row {body[i]} has cells {cells}"
        rows.append((int(body[i]), cells[0], cells[1]))
        i = j
    return rows


def is_description(line: str) -> bool:
    return bool(line[:1].isupper() and (line.endswith(".") or line.endswith(".)")))


def parse_000_moderation(lines: list[str]) -> list[dict]:
    start = index_of(lines, "Content Moderation Error Codes")
    end = index_of(lines, "MPS Error Codes", start)
    body = [l.strip() for l in lines[start + 1:end] if l.strip()]
    header = ["Error Code", "Error Code", "Error Message", "Description"]
    assert body[:4] == header, body[:4]
    body = body[4:]
    entries: list[dict] = []
    state = None  # None | "number" | "code" | "message" | "description"
    number = None
    for line in body:
        if NUMBER_RE.match(line):
            number = int(line)
            state = "number"
        elif state == "number" or (state in ("message", "description") and CAMEL_RE.match(line)):
            assert CAMEL_RE.match(line), f"000 moderation: bad code {line!r}"
            entries.append({"number": number, "code": line, "messages": []})
            state = "code"
        elif state == "message" and is_description(line):
            msgs = entries[-1]["messages"]
            assert msgs[-1]["description"] is None
            msgs[-1]["description"] = line
            state = "description"
        elif state in ("code", "message", "description"):
            entries[-1]["messages"].append({"message": line, "description": None})
            state = "message"
        else:
            raise AssertionError(f"000 moderation: unexpected line {line!r}")
    for e in entries:
        assert e["messages"], e
        assert e["messages"][0]["description"] is not None, e
    return entries


def parse_000_mps(lines: list[str]) -> list[tuple[int, str, str]]:
    start = index_of(lines, "MPS Error Codes")
    body = [l.strip() for l in lines[start + 1:] if l.strip()]
    header = ["Error Code", "Error Message", "Description"]
    assert body[:3] == header, body[:3]
    body = body[3:]
    rows = []
    i = 0
    while i < len(body) and NUMBER_RE.match(body[i]):
        rows.append((int(body[i]), body[i + 1], body[i + 2]))
        i += 3
    assert body[i] == "Bantuan dan Dukungan", f"000 MPS: unexpected {body[i]!r}"
    return rows


# --- 001 / 003 / 004 -----------------------------------------------------


def parse_001(lines: list[str]) -> list[dict]:
    rows = []
    for heading in ("**4XX 类型错误**", "**5XX 类型错误**"):
        start = index_of(lines, heading)
        for _, (status_cell, code, desc) in md_table_rows(lines, start + 1, 3):
            status, _ = split_status("001", status_cell)
            text, urls = clean(desc)
            rows.append({
                "raw_code": code,
                "code": FIXUP_COS_001_CODES.get(code, code),
                "status": status,
                "status_cell": " ".join(status_cell.split()),
                "description_zh": text,
                "docs": urls,
            })
    return rows


def parse_003(lines: list[str]) -> list[dict]:
    rows = []
    for heading in ("**3XX errors**", "**4xx errors**", "**5xx errors**"):
        start = index_of(lines, heading)
        for _, (code, desc, status_cell) in md_table_rows(lines, start + 1, 3):
            status, status_text = split_status("003", status_cell)
            text, urls = clean(desc)
            rows.append({"code": code, "status": status, "status_text": status_text,
                         "description": text, "docs": urls})
    return rows


def parse_004(lines: list[str]) -> dict[str, list[dict]]:
    sections = {
        "image-download": "### Download errors",
        "image-persistence": "### Persistence processing errors",
        "document-preview": "### File preview errors",
        "content-moderation": "### Content moderation errors",
        "media-processing": "### Media processing errors",
    }
    out: dict[str, list[dict]] = {}
    for section, heading in sections.items():
        start = index_of(lines, heading)
        rows = []
        for line_no, cells in md_table_rows(lines, start + 1, 3):
            if section == "media-processing":
                # columns: number | code ("Error Message") | description
                num, code, desc = cells
                d_text, d_urls = clean(desc)
                rows.append({"number": int(num), "code": code, "description": d_text,
                             "action": None, "docs": d_urls})
                continue
            num, desc, action = cells
            if not NUMBER_RE.match(num):
                # 004 content moderation: "| Other | Internal error | - |" is
                # not an error code; skipped.
                assert (section, num, desc) == ("content-moderation", "Other", "Internal error"), \
                    f"004 line {line_no}: unexpected row {num!r}"
                continue
            d_text, d_urls = clean(desc)
            a_text, a_urls = clean(action)
            rows.append({"number": int(num), "description": d_text,
                         "action": null_dash(a_text), "docs": d_urls + a_urls})
        out[section] = rows
    return out


# --- 002 -------------------------------------------------------------------


def parse_002(lines: list[str]) -> list[dict]:
    start = index_of(lines, "Table 2 Error codes")
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines[start + 1:]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    assert paragraphs[:4] == ["Status Code", "Error Code", "Error Message", "Solution"]
    paragraphs = paragraphs[4:]
    rows = []
    i = 0
    while i < len(paragraphs):
        m = STATUS_RE.match(paragraphs[i])
        assert m and m.group(2), f"002: expected a status paragraph, got {paragraphs[i]!r}"
        j = i + 1
        while j < len(paragraphs) and not STATUS_RE.match(paragraphs[j]):
            j += 1
        cells = paragraphs[i + 1:j]
        assert len(cells) >= 2, f"002: short row {paragraphs[i:j]}"
        raw_code, rest = cells[0], cells[1:]
        if len(rest) == 1:
            message, solution = rest, None
        else:
            message, solution = rest[:-1], rest[-1]
        messages = []
        for para in message:
            mm = re.fullmatch(r'The message "(.+)" is returned\.', para)
            if mm:
                messages.append({"message": mm.group(1), "description": None})
        status, status_text = split_status("002", paragraphs[i])
        rows.append({"raw_code": raw_code, "code": FIXUP_OBS_CODES.get(raw_code, raw_code),
                     "status": status, "status_text": status_text,
                     "description": " ".join(message), "handling": solution,
                     "messages": messages})
        i = j
    return rows


# --- assembly ----------------------------------------------------------------


def build_cos(doc000: list[str], doc001: list[str]) -> list[dict]:
    rows000 = parse_000_cos(doc000)
    rows001 = parse_001(doc001)
    zh = {}
    for r in rows001:
        key = (r["code"], r["status"])
        assert key not in zh, f"001: duplicate {key}"
        zh[key] = r
    out = []
    seen = set()
    for r in rows000:
        code, desc_lines = r["code"], r["desc_lines"]
        messages = []
        if code in FIXUP_COS_MESSAGE_LINE:
            assert len(desc_lines) == 2, (code, desc_lines)
            description = desc_lines[0]
            messages = [{"message": desc_lines[1], "description": None}]
        elif code in FIXUP_COS_SPLIT_MESSAGES:
            description = " ".join(desc_lines)
            for line in desc_lines:
                what, sep, msg = line.partition(" Error message: ")
                assert sep, (code, line)
                msg = msg.removeprefix("Message: ")
                messages.append({"message": msg, "description": what})
        else:
            assert len(desc_lines) == 1, f"000: unexpected multi-line cell for {code}: {desc_lines}"
            description = desc_lines[0]
        key = (code, r["status"])
        assert key not in seen, f"000: duplicate {key}"
        seen.add(key)
        z = zh.get(key)
        out.append(entry(
            "cos", "api", code, None, r["status"], r["status_text"], description,
            description_zh=z["description_zh"] if z else None,
            messages=messages,
            aliases=FIXUP_ALIASES.get(("cos", code)),
            docs=dedup(z["docs"]) if z else [],
            sources=["000", "001"] if z else ["000"],
        ))
    # 001 rows that 000 lacks (none today): after their 001 predecessor.
    for idx, r in enumerate(rows001):
        key = (r["code"], r["status"])
        if key in seen:
            continue
        e = entry("cos", "api", r["code"], None, r["status"],
                  split_status("001", r["status_cell"])[1], None,
                  description_zh=r["description_zh"],
                  aliases=FIXUP_ALIASES.get(("cos", r["code"])),
                  docs=dedup(r["docs"]), sources=["001"])
        pos = 0
        if idx > 0:
            prev = (rows001[idx - 1]["code"], rows001[idx - 1]["status"])
            pos = next(k for k, o in enumerate(out) if (o["code"], o["status"]) == prev) + 1
        out.insert(pos, e)
        seen.add(key)
    return out


def merge_processing(section: str, rows000: list[dict], rows004: list[dict]) -> list[dict]:
    """Merge a CI processing section; rows000 are partially built entries
    (several may share a number), rows004 the 004 rows of the section."""
    by_num_004 = {}
    for r in rows004:
        assert r["number"] not in by_num_004, f"004 {section}: duplicate {r['number']}"
        by_num_004[r["number"]] = r
    nums000 = {e["number"] for e in rows000}
    out = []
    for e in rows000:
        r4 = by_num_004.get(e["number"])
        if r4:
            e["sources"] = ["000", "004"]
            e["docs"] = dedup(e["docs"] + r4["docs"])
            if section == "content-moderation":
                e["handling"] = r4["action"]
            else:
                assert not (e["handling"] is None and r4["action"] is not None), \
                    f"{section} {e['number']}: 000 has no handling but 004 does"
        else:
            e["sources"] = ["000"]
        out.append(e)
    for idx, r4 in enumerate(rows004):
        if r4["number"] in nums000:
            continue
        new = entry("ci", section, None, r4["number"], None, None, r4["description"],
                    handling=r4["action"], docs=dedup(r4["docs"]), sources=["004"])
        if idx == 0:
            pos = 0
        else:
            prev = rows004[idx - 1]["number"]
            pos = max(k for k, o in enumerate(out) if o["number"] == prev) + 1
        out.insert(pos, new)
    return out


def build_ci(doc000: list[str], doc003: list[str], doc004: list[str]) -> list[dict]:
    out = []
    for r in parse_003(doc003):
        out.append(entry("ci", "api", r["code"], None, r["status"], r["status_text"],
                         r["description"], docs=dedup(r["docs"]), sources=["003"]))
    t004 = parse_004(doc004)
    header = ["Error Code", "Description", "Handling Measures"]
    numeric = [
        ("image-download", "Image Download Processing Error Codes",
         "Image Persistence Processing Error Codes"),
        ("image-persistence", "Image Persistence Processing Error Codes",
         "Document Preview Error Codes"),
        ("document-preview", "Document Preview Error Codes",
         "Content Moderation Error Codes"),
    ]
    for section, heading, next_heading in numeric:
        rows000 = [entry("ci", section, None, n, None, None, d, handling=null_dash(h))
                   for n, d, h in parse_000_numeric(doc000, heading, next_heading, header)]
        assert len({e["number"] for e in rows000}) == len(rows000), f"000 {section}: duplicate"
        out += merge_processing(section, rows000, t004[section])
    rows000 = [entry("ci", "content-moderation", e["code"], e["number"], None, None,
                     e["messages"][0]["description"], messages=e["messages"])
               for e in parse_000_moderation(doc000)]
    out += merge_processing("content-moderation", rows000, t004["content-moderation"])
    mps004 = {r["number"]: r for r in t004["media-processing"]}
    rows000 = []
    for n, code, desc in parse_000_mps(doc000):
        if n in mps004:
            assert mps004[n]["code"] == code, f"MPS {n}: 000 {code} vs 004 {mps004[n]['code']}"
        rows000.append(entry("ci", "media-processing", code, n, None, None, desc,
                             messages=[{"message": code, "description": desc}]))
    merged = merge_processing("media-processing", rows000, t004["media-processing"])
    for e in merged:
        if e["code"] is None:  # 004-only MPS row (none today)
            e["code"] = mps004[e["number"]]["code"]
            e["messages"] = [{"message": e["code"], "description": e["description"]}]
    out += merged
    return out


def build_obs(doc002: list[str]) -> list[dict]:
    out = []
    for r in parse_002(doc002):
        aliases = FIXUP_ALIASES.get(("obs", r["code"]))
        out.append(entry("obs", "api", r["code"], None, r["status"], r["status_text"],
                         r["description"], handling=null_dash(r["handling"]),
                         messages=r["messages"], aliases=aliases, sources=["002"]))
    return out


def check_aliases(rows: list[dict], texts: dict[str, str]) -> None:
    used = set()
    for r in rows:
        if r["aliases"]:
            used.add((r["provider"], r["code"]))
    assert used == set(FIXUP_ALIASES), f"alias fix-ups not all used: {set(FIXUP_ALIASES) - used}"
    cos_text = texts["001"]
    obs_text = texts["002"]
    for (provider, code), aliases in FIXUP_ALIASES.items():
        haystack = cos_text if provider == "cos" else obs_text
        for alias in aliases:
            # every misspelling must occur in the document; the corrected
            # spelling of CustomDomainAreadyExist is the one exception (it is
            # the correction, not a document spelling).
            if (provider, code) == ("obs", "CustomDomainAreadyExist"):
                assert code in haystack and alias not in haystack
            else:
                assert alias in haystack, (provider, alias)


def main(argv: list[str]) -> int:
    seeds = Path(argv[1]) if len(argv) > 1 else DEFAULT_SEEDS
    texts = {p: find_doc(seeds, p).read_text(encoding="utf-8") for p in
             ("000", "001", "002", "003", "004")}
    lines = {p: t.splitlines() for p, t in texts.items()}
    # Every status-text fix-up must match a real cell.
    for doc, cell in FIXUP_STATUS_TEXT:
        assert re.search(rf"(^|\|)\s*{re.escape(cell)}\s*(\||$)", texts[doc], re.M), (doc, cell)

    rows = build_cos(lines["000"], lines["001"])
    rows += build_ci(lines["000"], lines["003"], lines["004"])
    rows += build_obs(lines["002"])
    check_aliases(rows, texts)

    keys = [(r["provider"], r["section"], r["code"], r["number"], r["status"]) for r in rows]
    assert len(set(keys)) == len(keys), "duplicate catalogue keys"
    # stable sort by provider then section; within a section the document
    # order built above is kept.
    rows.sort(key=lambda r: (PROVIDERS.index(r["provider"]), SECTIONS.index(r["section"])))

    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        counts[(r["provider"], r["section"])] = counts.get((r["provider"], r["section"]), 0) + 1
    for (provider, section), n in counts.items():
        print(f"{provider:4} {section:20} {n:4}", file=sys.stderr)
    print(f"total {len(rows)} -> {OUTPUT.relative_to(REPO_ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
