"""``wardrums actors``: list, add and check the actor knowledge without editing code.

People a user adds go to the *user actors file* (``--file PATH``, else ``$WARDRUMS_ACTORS``,
else ``~/.config/wardrums/actors.csv``; see :mod:`wardrums.data.user_actors`), which the coder
merges with the built-in ``people.csv``. Registered on the main command by
``main.add_command(actors)``.
"""

from __future__ import annotations

import csv
import io
import json

import click

from wardrums.cli_support import handle_errors, parse_date
from wardrums.data import knowledge, user_actors
from wardrums.errors import InputError

COLUMNS = ("kind", "name", "country", "sector", "role", "start", "end", "aliases", "kb_id",
           "source")
FILE_OPTION = click.option(
    "--file", "file_", default=None, type=click.Path(dir_okay=False),
    help="User actors file (default: $WARDRUMS_ACTORS or ~/.config/wardrums/actors.csv).")


_handle_errors = handle_errors
_date_option = parse_date


@click.group()
def actors() -> None:
    """Actor knowledge: list known people and institutions, add your own, check the files.

    Example: wardrums actors list --country RUS --on 2017-10-01
    """


@actors.command(name="list")
@click.option("--country", default=None, help="ISO3 or IGO code, e.g. RUS, UN, NATO.")
@click.option("--role", default=None,
              help='Role, or part of one, e.g. "foreign minister" or "minister".')
@click.option("--on", "on", default=None, help="Only those active on this day (YYYY-MM-DD).")
@click.option("--kind", type=click.Choice(["all", "people", "institutions"]), default="all",
              show_default=True, help="People (dated roles), institutions or both.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table",
              show_default=True)
@FILE_OPTION
@_handle_errors
def list_(country: str | None, role: str | None, on: str | None, kind: str, fmt: str,
          file_: str | None) -> None:
    """List people (one row per role and term) and institutions, built-in and user-added.

    Institutions have no dates or roles: --on keeps them all, --role leaves them out.

    Example: wardrums actors list --country USA --role "foreign minister" --on 2017-10-01
    """
    day = _date_option(on, "--on")
    code = country.strip().upper() if country else None
    if code is not None and code not in knowledge._actor_codes():
        raise InputError(f"--country {country!r} is not a known ISO3 or IGO code; "
                         "use e.g. RUS, USA, UN, NATO")
    role_key = " ".join(role.lower().split()) if role else None
    user_keys = {(p.name, p.role, p.start) for p in user_actors.read_user_people(file_)}
    rows: list[dict[str, str]] = []
    if kind in ("all", "people"):
        people = user_actors.all_people(file_)
        for p in sorted(people, key=lambda p: (p.country, p.role, p.start, p.name)):
            if code is not None and p.country != code:
                continue
            if role_key is not None and role_key not in p.role:
                continue
            if day is not None and not p.active_on(day):
                continue
            rows.append({
                "kind": "person", "name": p.name, "country": p.country, "sector": p.sector,
                "role": p.role, "start": p.start.isoformat(),
                "end": p.end.isoformat() if p.end else "",
                "aliases": knowledge.SEP.join(p.aliases), "kb_id": p.kb_id or "",
                "source": "user" if (p.name, p.role, p.start) in user_keys else "builtin",
            })
    if kind in ("all", "institutions") and role_key is None:
        for i in knowledge.institutions():
            if code is not None and i.country != code:
                continue
            rows.append({
                "kind": "institution", "name": i.name, "country": i.country or "",
                # a group that took power: GOV from "start" on (institutions.yaml governs_from)
                "sector": i.sector, "role": "governs" if i.governs_from else "",
                "start": i.governs_from.isoformat() if i.governs_from else "", "end": "",
                "aliases": knowledge.SEP.join(i.aliases), "kb_id": i.kb_id or "",
                "source": "builtin",
            })
    _emit(rows, fmt)


def _emit(rows: list[dict[str, str]], fmt: str) -> None:
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps({k: (r[k] or None) for k in COLUMNS}, ensure_ascii=False))
        return
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
        return
    shown = ("kind", "name", "country", "sector", "role", "start", "end", "source")
    if not rows:
        click.echo("no actors match", err=True)
        return
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in shown}
    widths["name"] = min(widths["name"], 40)
    widths["role"] = min(widths["role"], 40)
    click.echo("  ".join(c.upper().ljust(widths[c]) for c in shown).rstrip())
    for r in rows:
        click.echo("  ".join(_cut(r[c] or "-", widths[c]).ljust(widths[c]) for c in shown)
                   .rstrip())
    click.echo(f"{len(rows)} actor(s)", err=True)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@actors.command()
@click.argument("name")
@click.option("--country", required=True, help="ISO3 code (RUS) or IGO code (UN, NATO).")
@click.option("--sector", default="GOV", show_default=True,
              help="Sector code from sectors.yaml: GOV, MIL, REB, OPP, ...")
@click.option("--role", required=True, help='Lower-case generic role, e.g. "foreign minister".')
@click.option("--start", required=True, help="First day in office, YYYY-MM-DD.")
@click.option("--end", default=None,
              help="Day the term ended (exclusive, normally the successor's first day).")
@click.option("--alias", "aliases", multiple=True,
              help="Another name used in the news; repeat for several. Surname only if distinctive.")
@click.option("--kb-id", default=None, help="Wikidata QID, e.g. Q7747.")
@FILE_OPTION
@_handle_errors
def add(name: str, country: str, sector: str, role: str, start: str, end: str | None,
        aliases: tuple[str, ...], kb_id: str | None, file_: str | None) -> None:
    """Add a person in a dated role to the user actors file (created if missing).

    Checks the country and sector codes, the dates (start <= end) and that the term does not
    overlap another term of the same person in the same role.

    Example: wardrums actors add "Jane Doe" --country FRA --role "interior minister" --start 2024-01-01 --alias Doe
    """
    person = user_actors.make_person(name, country=country, sector=sector, role=role,
                                     start=start, end=end, aliases=aliases, kb_id=kb_id)
    path, line = user_actors.append_person(person, file_)
    term = f"{person.start}..{person.end or 'now'}"
    click.echo(f"added {person.name} ({person.country} {person.sector} {person.role}, {term}) "
               f"at {path}:{line}")


@actors.command()
@FILE_OPTION
@_handle_errors
def check(file_: str | None) -> None:
    """Validate the built-in actor files and the user actors file; list every problem.

    Prints one line per problem as FILE:LINE: message and exits with status 1 if there is any.

    Example: wardrums actors check --file ~/.config/wardrums/actors.csv
    """
    problems = user_actors.check_people(file_)
    where = user_actors.user_actors_path(file_)
    for p in problems:
        click.echo(str(p))
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) found; fix them and run "
                                   "`wardrums actors check` again")
    n_user = 0
    if where is not None and where.exists():
        n_user = len(user_actors.read_user_people(where))
    click.echo(f"ok: {len(knowledge.builtin_people())} built-in people rows, "
               f"{n_user} user rows ({where if where is not None else 'no user file'})")
