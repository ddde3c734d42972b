"""The user actors file: people a user adds without editing the package.

Where it is (first that applies):

1. a ``path=`` argument (``--file`` on the command line);
2. the ``WARDRUMS_ACTORS`` environment variable -- set it to an empty string to use no user
   file at all (the test suite and reproducible runs do this);
3. ``$XDG_CONFIG_HOME/wardrums/actors.csv`` if ``XDG_CONFIG_HOME`` is set, else
   ``~/.config/wardrums/actors.csv``.

The file has the format of the built-in ``people.csv``: a header
``name,aliases,country,sector,role,start,end,kb_id``, one row per person, role and term,
``|`` between aliases, ``#`` comment lines, ISO dates with an *exclusive* ``end`` (empty = still
in office). A missing file is simply empty; :func:`append_person` creates it.

:func:`wardrums.data.knowledge.people` merges it with the built-in rows (a user row with the same
name, role and start replaces the built-in one), so the gazetteer codes the new people; the
merge is cached per process -- call :func:`wardrums.data.knowledge.reload` after a change.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from wardrums.data import knowledge
from wardrums.errors import InputError

__all__ = [
    "ENV_VAR",
    "Problem",
    "UserActorsError",
    "append_person",
    "check_people",
    "default_path",
    "make_person",
    "read_user_people",
    "user_actors_path",
]

ENV_VAR = "WARDRUMS_ACTORS"
HEADER = ",".join(knowledge.PEOPLE_FIELDS)


class UserActorsError(InputError, ValueError):
    """The user actors file, or a person to add to it, is not usable (message says why)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found by :func:`check_people`."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        at = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{at}: {self.message}"


# --------------------------------------------------------------------------- location


def default_path() -> Path:
    """``$XDG_CONFIG_HOME/wardrums/actors.csv`` or ``~/.config/wardrums/actors.csv``."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "wardrums" / "actors.csv"


def user_actors_path(path: str | os.PathLike[str] | None = None) -> Path | None:
    """The user actors file to use, or None when ``WARDRUMS_ACTORS`` is set to ``""``."""
    if path is not None:
        return Path(path).expanduser()
    env = os.environ.get(ENV_VAR)
    if env is not None:
        return Path(env).expanduser() if env.strip() else None
    return default_path()


# --------------------------------------------------------------------------- reading


def _read_text(path: Path) -> str | None:
    """The file's text, None if it does not exist."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise UserActorsError(
            f"{path}: is a directory; give the path of a CSV file for user actors"
        ) from None
    except UnicodeDecodeError as err:
        raise UserActorsError(f"{path}: not valid UTF-8 ({err.reason}); save it as UTF-8") from None
    except OSError as err:
        raise UserActorsError(f"{path}: cannot read user actors file ({err.strerror})") from None


def read_user_people(path: str | os.PathLike[str] | None = None) -> tuple[knowledge.Person, ...]:
    """The rows of the user actors file (empty if there is none or it does not exist).

    Raises :class:`UserActorsError` naming the file and line of the first bad row.
    """
    where = user_actors_path(path)
    if where is None:
        return ()
    text = _read_text(where)
    if text is None or not text.strip():
        return ()
    try:
        return tuple(knowledge._parse_people(str(where), text))
    except ValueError as err:
        raise UserActorsError(
            f"{err}; fix the row or run `wardrums actors check --file {where}`"
        ) from None


def all_people(path: str | os.PathLike[str] | None = None) -> tuple[knowledge.Person, ...]:
    """Built-in people merged with the user file at ``path`` (default: as :func:`people`)."""
    if path is None:
        return knowledge.people()
    return knowledge.merge_people(knowledge.builtin_people(), read_user_people(path))


# --------------------------------------------------------------------------- validation


def _overlap(a: knowledge.Person, b: knowledge.Person) -> bool:
    far = dt.date.max
    return a.start < (b.end or far) and b.start < (a.end or far)


def _term(p: knowledge.Person) -> str:
    return f"{p.start}..{p.end or 'now'}"


def _rows(fname: str, text: str) -> tuple[list[tuple[int, knowledge.Person]], list[Problem]]:
    """Every valid row with its line, and a problem for every bad one (not just the first)."""
    known = knowledge._actor_codes()
    codes = knowledge.sectors()
    good: list[tuple[int, knowledge.Person]] = []
    problems: list[Problem] = []
    it = knowledge._read_csv(fname, text, knowledge.PEOPLE_FIELDS)
    while True:
        try:
            line, row = next(it)
        except StopIteration:
            break
        except ValueError as err:  # header, field count or CSV quoting: one line is bad
            msg = str(err)
            line_no = _line_of(msg, fname)
            problems.append(Problem(fname, line_no, _strip_where(msg, fname)))
            if line_no is None or "header" in msg:
                break  # the reader cannot go on
            it = _resume(fname, text, line_no)
            continue
        try:
            good.append((line, knowledge._person_from_row(row, f"{fname}:{line}", known, codes)))
        except ValueError as err:
            problems.append(Problem(fname, line, _strip_where(str(err), fname)))
    return good, problems


def _resume(fname: str, text: str, bad_line: int):
    """Continue reading after ``bad_line``: blank every line up to it (keeping numbering)."""
    lines = text.splitlines()
    header_done = False
    kept: list[str] = []
    for n, raw in enumerate(lines, start=1):
        if n <= bad_line and header_done:
            kept.append("")
            continue
        if not header_done and raw.strip() and not raw.lstrip().startswith("#"):
            header_done = True
        kept.append(raw)
    return knowledge._read_csv(fname, "\n".join(kept), knowledge.PEOPLE_FIELDS)


def _line_of(msg: str, fname: str) -> int | None:
    rest = msg[len(fname) + 1:] if msg.startswith(fname + ":") else ""
    num = rest.split(":", 1)[0]
    return int(num) if num.isdigit() else None


def _strip_where(msg: str, fname: str) -> str:
    if msg.startswith(fname + ":"):
        rest = msg[len(fname) + 1:]
        head, _, tail = rest.partition(":")
        if head.isdigit():
            return tail.strip()
        return rest.strip()
    return msg


def _cross_checks(rows: list[tuple[str, int, knowledge.Person]]) -> list[Problem]:
    """Duplicate keys and overlapping terms of one person in one role, across files."""
    problems: list[Problem] = []
    by_key: dict[tuple[str, str, dt.date], list[tuple[str, int, knowledge.Person]]] = defaultdict(list)
    for item in rows:
        p = item[2]
        by_key[(p.name, p.role, p.start)].append(item)
    replaced: set[tuple[str, int]] = set()
    for items in by_key.values():
        files = [f for f, _, _ in items]
        if len(items) > 1 and len(set(files)) == len(files) and len(items) == 2:
            # a user row replacing the built-in row with the same key: allowed
            replaced.add((items[0][0], items[0][1]))
            continue
        for f, line, p in items[1:]:
            problems.append(Problem(f, line, f"duplicate row for {p.name} as {p.role} from "
                                             f"{p.start}; delete one of them"))
    groups: dict[tuple[str, str], list[tuple[str, int, knowledge.Person]]] = defaultdict(list)
    for f, line, p in rows:
        if (f, line) not in replaced:
            groups[(p.name, p.role)].append((f, line, p))
    for items in groups.values():
        for (fa, la, a), (fb, lb, b) in itertools.combinations(items, 2):
            if a.start != b.start and _overlap(a, b):
                problems.append(Problem(
                    fb, lb, f"{b.name} as {b.role} {_term(b)} overlaps the term {_term(a)} at "
                            f"{fa}:{la}; correct the dates (end is exclusive)"))
    return problems


def check_people(path: str | os.PathLike[str] | None = None, *, builtin: bool = True
                 ) -> list[Problem]:
    """Every problem in the built-in data files (if ``builtin``) and the user actors file.

    Checks each row (fields, codes, sectors, dates, Wikidata ids), duplicate rows and
    overlapping terms of the same person in the same role -- within and across the files.
    """
    problems: list[Problem] = []
    rows: list[tuple[str, int, knowledge.Person]] = []
    if builtin:
        for loader, fname in ((knowledge.countries, "countries.csv"),
                              (knowledge.igos, "igos.yaml"),
                              (knowledge.institutions, "institutions.yaml"),
                              (knowledge.sectors, "sectors.yaml")):
            try:
                loader()
            except ValueError as err:
                problems.append(Problem(fname, None, str(err)))
        good, bad = _rows("people.csv", knowledge._package_text("people.csv"))
        problems += bad
        rows += [("people.csv", line, p) for line, p in good]
    where = user_actors_path(path)
    if where is not None:
        try:
            text = _read_text(where)
        except UserActorsError as err:
            problems.append(Problem(str(where), None, _strip_where(str(err), str(where))))
            text = None
        if text is not None and text.strip():
            good, bad = _rows(str(where), text)
            problems += bad
            rows += [(str(where), line, p) for line, p in good]
    problems += _cross_checks(rows)
    return problems


# --------------------------------------------------------------------------- writing


def _parse_day(value: str | dt.date | None, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UserActorsError(f"{what} {value!r} is not a date; use YYYY-MM-DD") from None


def make_person(
    name: str,
    *,
    country: str,
    sector: str,
    role: str,
    start: str | dt.date,
    end: str | dt.date | None = None,
    aliases: tuple[str, ...] | list[str] = (),
    kb_id: str | None = None,
) -> knowledge.Person:
    """A validated :class:`~wardrums.data.knowledge.Person`; :class:`UserActorsError` if not.

    ``country`` is an ISO3 code from countries.csv or an IGO code from igos.yaml; ``sector`` a
    code from sectors.yaml; dates are ``YYYY-MM-DD`` with ``start <= end`` (end exclusive).
    """
    name = " ".join((name or "").split())
    if not name:
        raise UserActorsError("name is empty; give the person's full name")
    for field, value in (("name", name), ("role", role), *(("alias", a) for a in aliases)):
        if any(ch in value for ch in "|\n\r"):
            raise UserActorsError(f"{field} {value!r} contains '|' or a line break; remove it")
    code = (country or "").strip().upper()
    if code not in knowledge._actor_codes():
        raise UserActorsError(
            f"country {country!r} is not a known ISO3 or IGO code; use e.g. RUS, USA, UN, NATO "
            "(see `wardrums actors list` or countries.csv / igos.yaml)"
        )
    sec = (sector or "").strip().upper()
    if sec not in knowledge.sectors():
        raise UserActorsError(
            f"sector {sector!r} is not known; use one of {', '.join(knowledge.sectors())}"
        )
    role_n = " ".join((role or "").lower().split())
    if not role_n:
        raise UserActorsError('role is empty; give one such as "foreign minister"')
    start_d = _parse_day(start, "start")
    if start_d is None:
        raise UserActorsError("start is empty; give the first day in office as YYYY-MM-DD")
    end_d = _parse_day(end, "end")
    if end_d is not None and end_d < start_d:
        raise UserActorsError(f"end {end_d} is before start {start_d}; swap or correct them")
    kb = (kb_id or "").strip() or None
    if kb is not None and not knowledge._QID.match(kb):
        raise UserActorsError(f"kb-id {kb_id!r} is not a Wikidata QID; use the form Q7747")
    clean_aliases = tuple(dict.fromkeys(" ".join(a.split()) for a in aliases if a.strip()))
    return knowledge.Person(name=name, aliases=clean_aliases, country=code, sector=sec,
                            role=role_n, start=start_d, end=end_d, kb_id=kb)


def _row_text(p: knowledge.Person) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow([
        p.name, knowledge.SEP.join(p.aliases), p.country, p.sector, p.role,
        p.start.isoformat(), p.end.isoformat() if p.end else "", p.kb_id or "",
    ])
    return buf.getvalue()


def append_person(person: knowledge.Person, path: str | os.PathLike[str] | None = None
                  ) -> tuple[Path, int]:
    """Append ``person`` to the user actors file (created with a header if missing).

    Refuses a row that repeats an existing name/role/start or whose term overlaps a term of the
    same person in the same role (built-in or user). Returns the file and the line written.
    Clears the knowledge caches so the next :func:`~wardrums.data.knowledge.people` sees it.
    """
    where = user_actors_path(path)
    if where is None:
        raise UserActorsError(
            f"{ENV_VAR} is set to an empty string (no user actors file); "
            "set it to a path or pass --file PATH"
        )
    existing = read_user_people(where)
    for other in (*knowledge.builtin_people(), *existing):
        if other.name != person.name or other.role != person.role:
            continue
        if other.start == person.start:
            raise UserActorsError(
                f"{person.name} as {person.role} from {person.start} is already listed; "
                "edit that row instead"
            )
        if _overlap(other, person):
            raise UserActorsError(
                f"{person.name} as {person.role} {_term(person)} overlaps the existing term "
                f"{_term(other)}; correct the dates (end is exclusive)"
            )
    text = _read_text(where)
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        if text is None or not text.strip():
            lines = ["# wardrums user actors (same format as the built-in people.csv)", HEADER]
            where.write_text("\n".join(lines) + "\n", encoding="utf-8")
            text = "\n".join(lines) + "\n"
        prefix = "" if text.endswith("\n") else "\n"
        with where.open("a", encoding="utf-8") as fh:
            fh.write(prefix + _row_text(person) + "\n")
    except OSError as err:
        raise UserActorsError(f"{where}: cannot write user actors file ({err.strerror})") from None
    line = len((text + prefix).splitlines()) + 1
    knowledge.reload()
    return where, line
