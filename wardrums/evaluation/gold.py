"""Readers for the third-party gold files in ``../shared/gold/`` (never copied into the repo).

One reader per format. Each turns a JSONL line into a :class:`GoldItem` or, when the line
cannot be scored (no label, a label outside the set's taxonomy, no text, not JSON), into a
:class:`GoldProblem` that names the line and the reason; problems are reported and skipped,
every other line is scored. A file that cannot be opened, holds no lines, or yields no
scorable item at all raises :class:`~wardrums.errors.GoldError`.

The format is told from the file name (``acled_dev*.jsonl`` ...) or, failing that, from the
fields of the first JSON line, so held-out copies under other names read the same way.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wardrums.errors import GoldError
from wardrums.records import EVENT_TYPES

#: Formats with a reader, in the order the dev suite runs them.
FORMATS: tuple[str, ...] = (
    "acled_dev", "case2021_dev", "conflibert_train", "ngec_synthetic_plover",
    "indiapoliceevents_sents",
)  # fmt: skip

ACLED_LABELS: tuple[str, ...] = ("PROTEST", "ASSAULT")
CASE_LABELS: tuple[str, ...] = ("ASSAULT", "PROTEST", "COERCE", "AGREE", "none")
IPE_LABELS: tuple[str, ...] = ("ASSAULT", "COERCE")
#: ConfliBERT's five CAMEO quad classes (``pentaclass`` 0..4) as label strings.
QUAD_LABELS: tuple[str, ...] = (
    "0 neutral", "1 verbal coop", "2 material coop", "3 verbal conflict", "4 material conflict",
)  # fmt: skip
NONE = "none"


@dataclass(frozen=True)
class GoldItem:
    """One scorable gold line: the text to code, its publication date, the gold label."""

    id: str
    text: str
    published: dt.date | None
    label: str | None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class GoldProblem:
    """A gold line that was skipped, and why (``line`` is 1-based)."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class GoldSet:
    """What a reader made of one file."""

    path: Path
    format: str
    items: list[GoldItem]
    problems: list[GoldProblem]
    n_lines: int  # non-blank lines read


class _Skip(Exception):
    """Raised by a line reader: this line is reported as a problem and skipped."""


# --- small field helpers ---------------------------------------------------------------------

def _text(rec: dict) -> str:
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _Skip("no text")
    return text


def _id(rec: dict, line: int, prefix: str) -> str:
    raw = rec.get("id")
    return str(raw) if raw not in (None, "") else f"{prefix}-line{line}"


def _date(value: Any, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise _Skip(f"bad {name} {value!r} (want YYYY-MM-DD)") from None


def _outlet(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _label(rec: dict, key: str, allowed: tuple[str, ...], *, null_as: str | None = None) -> str:
    if key not in rec:
        raise _Skip(f"missing label (no {key!r} field)")
    value = rec[key]
    if value is None:
        if null_as is None:
            raise _Skip(f"missing label ({key} is null)")
        return null_as
    if not isinstance(value, str) or value not in allowed:
        raise _Skip(f"unknown label {value!r}")
    return value


# --- one reader per format -------------------------------------------------------------------

def _read_acled(rec: dict, line: int) -> GoldItem:
    label = _label(rec, "event_plover_mapped", ACLED_LABELS)
    event_date = _date(rec.get("event_date"), "event_date")
    if event_date is None:
        raise _Skip("no event_date")
    actor1 = rec.get("actor1") if isinstance(rec.get("actor1"), dict) else {}
    actor2 = rec.get("actor2") if isinstance(rec.get("actor2"), dict) else {}
    extra = {
        "event_date": event_date,
        "time_precision": rec.get("time_precision"),
        "actor1_iso3": actor1.get("country_iso3") or None,
        "actor2_iso3": actor2.get("country_iso3") or None,
        "acled_event_type": rec.get("acled_event_type"),
        "note_group": rec.get("note_group"),
        "news_source": _outlet(rec.get("news_source")),  # the outlet: a prior for the place
    }
    # ACLED notes are written after the event: publication is taken as the day after.
    return GoldItem(_id(rec, line, "acled"), _text(rec), event_date + dt.timedelta(days=1),
                    label, extra)


def _read_case(rec: dict, line: int) -> GoldItem:
    label = _label(rec, "event_plover_mapped", CASE_LABELS[:-1], null_as=NONE)
    return GoldItem(_id(rec, line, "case"), _text(rec), None, label,
                    {"case_label": rec.get("case_label")})


def _read_conflibert(rec: dict, line: int) -> GoldItem:
    if "pentaclass" not in rec:
        raise _Skip("missing label (no 'pentaclass' field)")
    value = rec["pentaclass"]
    if value is None:
        raise _Skip("missing label (pentaclass is null)")
    number = int(value) if isinstance(value, str) and value.strip().isdigit() else value
    if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= 4:
        raise _Skip(f"unknown label {value!r}")
    text = _text(rec)
    extra: dict[str, Any] = {"plover_candidates": rec.get("plover_candidates")}
    tokens, tags = rec.get("tokens"), rec.get("bio_tags")
    if rec.get("spans_available") and isinstance(tokens, list) and isinstance(tags, list) \
            and len(tokens) == len(tags):
        extra["source_spans"] = bio_spans(text, tokens, tags, "S")
        extra["target_spans"] = bio_spans(text, tokens, tags, "T")
    return GoldItem(_id(rec, line, "conflibert"), text, None, QUAD_LABELS[number], extra)


#: Characters the ConfliBERT tokens write differently from the text they came from.
_TOKEN_FOLD = str.maketrans({"\u02bc": "'", "\u2019": "'", "\u2018": "'", "`": "'",
                             "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def _squeezed(s: str) -> tuple[str, list[int]]:
    """``s`` without whitespace (quotes folded), and each kept character's offset in ``s``."""
    offsets = [i for i, c in enumerate(s) if not c.isspace()]
    return "".join(s[i] for i in offsets).translate(_TOKEN_FOLD), offsets


def bio_spans(text: str, tokens: list[str], tags: list[str], role: str) -> list[tuple[int, int]]:
    """Character spans in ``text`` of the token runs tagged ``B-role I-role ...``.

    The tokens are the text re-tokenised ("government's" → "government 's"), so a run is
    found by its place among the text's non-space characters; where the tokens differ from the
    text (a dropped accent or quote), by searching the run's characters instead. A run found
    neither way is left out.
    """
    squeezed, offsets = _squeezed(text)
    pieces = ["".join(str(t).split()).translate(_TOKEN_FOLD) for t in tokens]
    aligned = squeezed == "".join(pieces)
    spans, at, i = [], 0, 0
    starts = []
    for piece in pieces:
        starts.append(at)
        at += len(piece)
    while i < len(tokens):
        if tags[i] != f"B-{role}":
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and tags[j] == f"I-{role}":
            j += 1
        run = "".join(pieces[i:j])
        first = starts[i] if aligned else squeezed.find(run)
        if run and first >= 0:
            spans.append((offsets[first], offsets[first + len(run) - 1] + 1))
        i = j
    return spans


def _read_ngec(rec: dict, line: int) -> GoldItem:
    label = _label(rec, "event_plover", EVENT_TYPES)
    return GoldItem(_id(rec, line, "ngec"), _text(rec), None, label, {"mode": rec.get("mode")})


def _read_ipe(rec: dict, line: int) -> GoldItem:
    if "event_plover_mapped" not in rec:
        raise _Skip("missing label (no 'event_plover_mapped' field)")
    labels = rec["event_plover_mapped"]
    if labels is None:
        raise _Skip("missing label (event_plover_mapped is null)")
    if not isinstance(labels, list):
        raise _Skip(f"unknown label {labels!r} (want a list)")
    for lab in labels:
        if lab not in IPE_LABELS:
            raise _Skip(f"unknown label {lab!r}")
    if rec.get("doc_id") is None:
        raise _Skip("no doc_id")
    gold = frozenset(labels)
    extra = {
        "doc_id": rec["doc_id"],
        "sent_id": rec.get("sent_id"),
        "labels": gold,
        "ipe_labels": tuple(rec.get("ipe_labels") or ()),
    }
    return GoldItem(_id(rec, line, "ipe"), _text(rec), _date(rec.get("pub_date"), "pub_date"),
                    ipe_label(gold), extra)


def ipe_label(labels: frozenset[str] | set[str]) -> str:
    """The combined label of a sentence: "none", "ASSAULT", "COERCE" or "ASSAULT+COERCE"."""
    present = [lab for lab in IPE_LABELS if lab in labels]
    return "+".join(present) if present else NONE


READERS: dict[str, Callable[[dict, int], GoldItem]] = {
    "acled_dev": _read_acled,
    "case2021_dev": _read_case,
    "conflibert_train": _read_conflibert,
    "ngec_synthetic_plover": _read_ngec,
    "indiapoliceevents_sents": _read_ipe,
}


# --- format detection ------------------------------------------------------------------------

def format_from_name(path: Path) -> str | None:
    name = path.name.lower()
    for fmt in FORMATS:
        if name.startswith(fmt):
            return fmt
    return None


def format_from_fields(rec: dict) -> str | None:
    keys = set(rec)
    if "pentaclass" in keys:
        return "conflibert_train"
    if "event_plover" in keys:
        return "ngec_synthetic_plover"
    if {"acled_event_type", "event_date"} & keys and "actor1" in keys:
        return "acled_dev"
    if "case_label" in keys:
        return "case2021_dev"
    if {"doc_id", "sent_id"} <= keys:
        return "indiapoliceevents_sents"
    return None


def _open_lines(path: Path) -> list[str]:
    if not path.exists():
        raise GoldError(f"{path}: gold file not found; check the path (gold data lives in "
                        "../shared/gold/ beside the repository)")
    if path.is_dir():
        raise GoldError(f"{path}: is a folder; pass one gold .jsonl file")
    try:
        with path.open(encoding="utf-8") as fh:
            return fh.read().splitlines()
    except UnicodeDecodeError as err:
        raise GoldError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start}); "
                        "pass a gold .jsonl file") from None
    except OSError as err:
        raise GoldError(f"{path}: cannot be read ({err.strerror}); check permissions") from None


def read_gold(path: str | Path, *, fmt: str | None = None, limit: int | None = None) -> GoldSet:
    """Read a gold JSONL file (its first ``limit`` non-blank lines, if given).

    Raises :class:`GoldError` if the file is missing, unreadable, empty, of no known format, or
    holds no scorable line; otherwise returns every scorable item and every skipped line's
    problem.
    """
    path = Path(path)
    if fmt is not None and fmt not in READERS:
        raise GoldError(f"unknown gold format {fmt!r}; known formats: {', '.join(FORMATS)}")
    numbered = [(n, s) for n, s in enumerate(_open_lines(path), start=1) if s.strip()]
    if limit is not None:
        numbered = numbered[:limit]
    if not numbered:
        raise GoldError(f"{path}: the gold file is empty; expected one JSON object per line "
                        "(re-copy it from ../shared/gold/)")
    records: list[tuple[int, dict | None, str]] = []
    for n, s in numbered:
        try:
            rec = json.loads(s)
        except json.JSONDecodeError as err:
            records.append((n, None, f"not valid JSON ({err.msg})"))
            continue
        if not isinstance(rec, dict):
            records.append((n, None, "not a JSON object"))
            continue
        records.append((n, rec, ""))
    fmt = fmt or format_from_name(path)
    if fmt is None:
        first = next((rec for _, rec, _ in records if rec is not None), None)
        fmt = format_from_fields(first) if first is not None else None
    if fmt is None:
        raise GoldError(f"{path}: cannot tell which gold format this is; name the file after one "
                        f"of {', '.join(FORMATS)} (e.g. acled_dev_heldout.jsonl) or pass the task")
    reader = READERS[fmt]
    items: list[GoldItem] = []
    problems: list[GoldProblem] = []
    for n, rec, why in records:
        if rec is None:
            problems.append(GoldProblem(n, why))
            continue
        try:
            items.append(reader(rec, n))
        except _Skip as skip:
            problems.append(GoldProblem(n, str(skip)))
    if not items:
        shown = "; ".join(str(p) for p in problems[:3])
        raise GoldError(f"{path}: no scorable line in {len(numbered)} read as {fmt} ({shown}); "
                        "check that this is the right file for the task")
    return GoldSet(path=path, format=fmt, items=items, problems=problems, n_lines=len(numbered))
