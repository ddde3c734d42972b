"""`wardrums actors` (list / add / check) and the user actors file it writes, which the
knowledge loaders and the gazetteer merge with the built-in people."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wardrums.actors_cli import actors
from wardrums.data import knowledge as kb
from wardrums.data import user_actors as ua
from wardrums.errors import WardrumsError

HEADER = "name,aliases,country,sector,role,start,end,kb_id\n"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch):
    """No test sees (or writes) a real ~/.config/wardrums/actors.csv."""
    monkeypatch.setenv(ua.ENV_VAR, "")
    kb.reload()
    yield
    kb.reload()


@pytest.fixture
def user_file(tmp_path: Path) -> Path:
    return tmp_path / "conf" / "actors.csv"


def run(*args: str):
    return CliRunner().invoke(actors, list(args))


def _one_line_error(result, *needles: str) -> None:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert len(errors) == 1, result.output
    for needle in needles:
        assert needle in errors[0], (needle, errors[0])


# --------------------------------------------------------------------------- add


def test_add_creates_the_file_and_list_shows_the_row(user_file: Path):
    res = run("add", "Jane Doe", "--country", "fra", "--sector", "gov", "--role",
              "Interior  Minister", "--start", "2024-01-01", "--alias", "Doe", "--alias",
              "J. Doe", "--kb-id", "Q42", "--file", str(user_file))
    assert res.exit_code == 0, res.output
    assert f"{user_file}:" in res.stdout
    rows = [ln for ln in user_file.read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]
    assert rows == [HEADER.strip(), "Jane Doe,Doe|J. Doe,FRA,GOV,interior minister,2024-01-01,,Q42"]

    res = run("list", "--country", "FRA", "--role", "interior minister", "--format", "jsonl",
              "--file", str(user_file))
    assert res.exit_code == 0, res.output
    records = [json.loads(ln) for ln in res.stdout.splitlines()]
    assert records == [{
        "kind": "person", "name": "Jane Doe", "country": "FRA", "sector": "GOV",
        "role": "interior minister", "start": "2024-01-01", "end": None,
        "aliases": "Doe|J. Doe", "kb_id": "Q42", "source": "user",
    }]


def test_add_appends_a_second_term_and_keeps_comments(user_file: Path):
    user_file.parent.mkdir(parents=True)
    user_file.write_text("# mine\n" + HEADER + "Jane Doe,,FRA,GOV,mayor,2010-01-01,2014-01-01,",
                         encoding="utf-8")  # no final newline
    res = run("add", "Jane Doe", "--country", "FRA", "--role", "mayor", "--start", "2014-01-01",
              "--file", str(user_file))
    assert res.exit_code == 0, res.output
    assert res.stdout.strip().endswith(f"{user_file}:4")
    people = ua.read_user_people(user_file)
    assert [(p.start.year, p.end and p.end.year) for p in people] == [(2010, 2014), (2014, None)]
    assert user_file.read_text(encoding="utf-8").startswith("# mine\n")


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["--country", "XXX"], ["country 'XXX'", "ISO3 or IGO"]),
        (["--sector", "ZZZ"], ["sector 'ZZZ'", "GOV"]),
        (["--start", "2024-13-01"], ["start '2024-13-01'", "YYYY-MM-DD"]),
        (["--end", "2020-01-01"], ["end 2020-01-01 is before start 2024-01-01"]),
        (["--kb-id", "159"], ["kb-id '159'", "Q7747"]),
        (["--alias", "a|b"], ["'a|b'", "remove"]),
    ],
)
def test_add_rejects_bad_input_with_one_line(user_file: Path, args: list[str], needles):
    base = {"--country": "FRA", "--sector": "GOV", "--role": "mayor", "--start": "2024-01-01"}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value
    argv = ["add", "Jane Doe", *[x for kv in base.items() for x in kv], "--file", str(user_file)]
    _one_line_error(run(*argv), *needles)
    assert not user_file.exists()


def test_add_refuses_overlap_with_a_builtin_term_and_duplicates(user_file: Path):
    res = run("add", "Sergei Lavrov", "--country", "RUS", "--role", "foreign minister",
              "--start", "2010-01-01", "--file", str(user_file))
    _one_line_error(res, "Sergei Lavrov", "overlaps", "2004-03-09..now")
    res = run("add", "Sergei Lavrov", "--country", "RUS", "--role", "foreign minister",
              "--start", "2004-03-09", "--file", str(user_file))
    _one_line_error(res, "already listed")
    # a different role for the same person is fine
    res = run("add", "Sergei Lavrov", "--country", "RUS", "--role", "ambassador to the un",
              "--start", "1994-04-01", "--end", "2004-03-09", "--file", str(user_file))
    assert res.exit_code == 0, res.output
    res = run("add", "Sergei Lavrov", "--country", "RUS", "--role", "ambassador to the UN",
              "--start", "2000-01-01", "--file", str(user_file))
    _one_line_error(res, "overlaps", "1994-04-01..2004-03-09")


def test_add_without_a_user_file_says_what_to_do():
    _one_line_error(run("add", "Jane Doe", "--country", "FRA", "--role", "mayor", "--start",
                        "2024-01-01"), "WARDRUMS_ACTORS", "--file")


# --------------------------------------------------------------------------- list


def test_list_filters_by_country_role_and_date():
    res = run("list", "--country", "rus", "--role", "foreign minister", "--on", "2017-10-01",
              "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["name"], r["role"], r["source"]) for r in rows] == [
        ("Sergei Lavrov", "foreign minister", "builtin")]

    res = run("list", "--country", "USA", "--role", "president", "--on", "2010-06-01",
              "--kind", "people", "--format", "jsonl")
    names = {json.loads(ln)["name"] for ln in res.stdout.splitlines()}
    assert names == {"Barack Obama", "Joe Biden"}  # president and vice president


def test_list_includes_institutions_unless_a_role_is_asked():
    res = run("list", "--country", "RUS", "--on", "2017-10-01", "--format", "jsonl")
    kinds = {json.loads(ln)["kind"] for ln in res.stdout.splitlines()}
    assert kinds == {"person", "institution"}
    res = run("list", "--country", "RUS", "--kind", "institutions", "--format", "table")
    assert res.exit_code == 0 and "Kremlin" in res.stdout and "Lavrov" not in res.stdout


def test_list_shows_when_a_group_took_power():
    res = run("list", "--country", "AFG", "--kind", "institutions", "--format", "jsonl")
    taliban = next(r for r in map(json.loads, res.stdout.splitlines()) if r["name"] == "Taliban")
    assert (taliban["sector"], taliban["role"], taliban["start"]) == ("REB", "governs",
                                                                      "2021-08-15")


def test_list_table_and_bad_options():
    res = run("list", "--country", "UN", "--on", "2020-01-01")
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0].split()[:3] == ["KIND", "NAME", "COUNTRY"]
    assert "António Guterres" in res.stdout
    _one_line_error(run("list", "--on", "2020-02-30"), "--on '2020-02-30'", "YYYY-MM-DD")
    _one_line_error(run("list", "--country", "ZZZ"), "--country 'ZZZ'")


# --------------------------------------------------------------------------- check


def test_check_passes_on_the_builtin_files_and_a_good_user_file(user_file: Path):
    res = run("check")
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("ok:")
    run("add", "Jane Doe", "--country", "FRA", "--role", "mayor", "--start", "2024-01-01",
        "--file", str(user_file))
    res = run("check", "--file", str(user_file))
    assert res.exit_code == 0, res.output
    assert "1 user rows" in res.stdout


def test_check_lists_every_problem_with_file_and_line(user_file: Path):
    user_file.parent.mkdir(parents=True)
    user_file.write_text(
        HEADER
        + "Jane Doe,,FRA,GOV,mayor,2020-01-01,2024-01-01,\n"  # line 2: fine
        + "Bad Sector,,FRA,ZZZ,mayor,2020-01-01,,\n"  # line 3
        + "Short,FRA\n"  # line 4
        + "Jane Doe,,FRA,GOV,mayor,2023-01-01,,\n"  # line 5: overlaps line 2
        + "Vladimir Putin,,RUS,GOV,president,2015-01-01,,\n"  # line 6: overlaps built-in
        + "Sergei Lavrov,Lavrov,RUS,GOV,foreign minister,2004-03-09,2030-01-01,\n",  # 7: replaces
        encoding="utf-8",
    )
    res = run("check", "--file", str(user_file))
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    lines = res.stdout.splitlines()
    assert any(ln.startswith(f"{user_file}:3:") and "unknown sector 'ZZZ'" in ln for ln in lines)
    assert any(ln.startswith(f"{user_file}:4:") and "expected 8 fields" in ln for ln in lines)
    assert any(ln.startswith(f"{user_file}:5:") and "overlaps" in ln for ln in lines)
    assert any(ln.startswith(f"{user_file}:6:") and "people.csv:" in ln for ln in lines)
    assert not any(f"{user_file}:7:" in ln for ln in lines)
    assert not any(f"{user_file}:2:" in ln for ln in lines)
    assert "4 problem(s)" in res.output


def test_check_reports_a_bad_header(user_file: Path):
    user_file.parent.mkdir(parents=True)
    user_file.write_text("name,country\nJane,FRA\n", encoding="utf-8")
    res = run("check", "--file", str(user_file))
    assert res.exit_code == 1
    assert f"{user_file}:1: header must be" in res.stdout


# --------------------------------------------------------------------------- the user file in the loaders


def test_env_var_file_is_merged_into_people_and_the_gazetteer(
    user_file: Path, monkeypatch: pytest.MonkeyPatch, nlp
):
    from wardrums.coding.gazetteer import Gazetteer

    monkeypatch.setenv(ua.ENV_VAR, str(user_file))
    kb.reload()
    assert kb.people() == kb.builtin_people()  # the file does not exist yet: no rows
    res = run("add", "Zorana Vukotic", "--country", "SRB", "--role", "foreign minister",
              "--start", "2030-01-01", "--alias", "Vukotic")
    assert res.exit_code == 0, res.output
    assert user_file.exists()
    (zorana,) = kb.roles_of("Vukotic", "2030-06-01")  # add cleared the caches
    assert (zorana.country, zorana.sector, zorana.role) == ("SRB", "GOV", "foreign minister")
    assert len(kb.people()) == len(kb.builtin_people()) + 1
    gaz = Gazetteer(nlp)
    assert [e.country for e in gaz.table["Vukotic"]] == ["SRB"]  # single word: exact case
    assert [e.name for e in gaz.table["zorana vukotic"]] == ["Zorana Vukotic"]


def test_user_row_replaces_builtin_row_with_same_key(user_file: Path,
                                                     monkeypatch: pytest.MonkeyPatch):
    user_file.parent.mkdir(parents=True)
    user_file.write_text(
        HEADER + "Sergei Lavrov,Lavrov,RUS,GOV,foreign minister,2004-03-09,2030-01-01,\n",
        encoding="utf-8")
    monkeypatch.setenv(ua.ENV_VAR, str(user_file))
    kb.reload()
    lavrov = [p for p in kb.people() if p.name == "Sergei Lavrov" and p.role == "foreign minister"]
    assert [p.end.year for p in lavrov if p.end] == [2030] and len(lavrov) == 1
    assert len(kb.people()) == len(kb.builtin_people())


def test_malformed_user_file_fails_loudly_naming_file_and_line(user_file: Path,
                                                              monkeypatch: pytest.MonkeyPatch):
    user_file.parent.mkdir(parents=True)
    user_file.write_text(HEADER + "Jane Doe,,FRA,GOV,mayor,2024-01-01,2023-01-01,\n",
                         encoding="utf-8")
    monkeypatch.setenv(ua.ENV_VAR, str(user_file))
    kb.reload()
    with pytest.raises(ua.UserActorsError) as err:
        kb.people()
    assert isinstance(err.value, ValueError) and isinstance(err.value, WardrumsError)
    assert f"{user_file}:2" in str(err.value) and "actors check" in str(err.value)
    _one_line_error(run("list", "--country", "FRA"), f"{user_file}:2", "before start")


def test_empty_env_var_means_no_user_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv(ua.ENV_VAR, "")
    assert ua.user_actors_path() is None
    assert ua.user_actors_path(tmp_path / "x.csv") == tmp_path / "x.csv"
    monkeypatch.delenv(ua.ENV_VAR)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert ua.user_actors_path() == tmp_path / "wardrums" / "actors.csv"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert ua.user_actors_path() == tmp_path / ".config" / "wardrums" / "actors.csv"


def test_every_command_documents_an_example():
    for name, cmd in [("actors", actors), *actors.commands.items()]:
        doc = (cmd.callback.__doc__ if name != "actors" else actors.callback.__doc__) or ""
        last = doc.strip().splitlines()[-1].strip()
        assert last.startswith("Example: wardrums actors"), (name, last)
