"""``wardrums dyads | tension | alerts | incidents`` on a real store file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from test_analysis_tension import PLAIN, _escalation, _store

from wardrums.cli import main


@pytest.fixture()
def db(tmp_path: Path) -> tuple[str, str]:
    with _store(tmp_path, _escalation()):
        pass
    cfg = tmp_path / "plain.yaml"
    cfg.write_text(yaml.safe_dump(PLAIN))
    return str(tmp_path / "t.duckdb"), str(cfg)


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_dyads_table_and_jsonl(db) -> None:
    path, cfg = db
    out = _run("dyads", "--db", path, "--config", cfg)
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0].startswith("pair") and lines[1].startswith("RUS-USA")
    rows = [json.loads(x) for x in _run("dyads", "--db", path, "--format", "jsonl",
                                        "--config", cfg).output.splitlines()]
    assert rows[0]["source"] == "RUS" and rows[0]["incidents"] == 11


def test_tension_table_and_plots(db, tmp_path: Path) -> None:
    path, cfg = db
    png, page = tmp_path / "p.png", tmp_path / "p.html"
    out = _run("tension", "RUS", "USA", "--db", path, "--config", cfg, "--plot", str(png))
    assert out.exit_code == 0, out.output
    assert "2024-01-11" in out.output and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    out = _run("tension", "russia", "usa", "--db", path, "--config", cfg, "--plot", str(page))
    assert out.exit_code == 0
    html = page.read_text()
    assert "shelled the base" in html and "<script" not in html
    out = _run("tension", "RUS", "USA", "--db", path, "--plot", str(tmp_path / "p.gif"))
    assert out.exit_code != 0 and ".png or .html" in out.output


def test_alerts_show_their_evidence(db) -> None:
    path, cfg = db
    out = _run("alerts", "--db", path, "--config", cfg)
    assert out.exit_code == 0
    assert out.output.startswith("BREAK RUS-USA 2024-01-11..2024-01-11")
    assert "shelled the base" in out.output
    row = json.loads(_run("alerts", "--db", path, "--config", cfg, "--format", "jsonl"
                          ).output.splitlines()[0])
    assert row["kind"] == "break" and row["drivers"][0]["sources"] == 3
    quiet = _run("alerts", "--db", path, "--config", cfg, "--until", "2024-01-05")
    assert "no alerts" in quiet.output


def test_incidents_list(db) -> None:
    path, cfg = db
    out = _run("incidents", "--db", path, "--merged")
    assert out.exit_code == 0
    assert "ASSAULT" in out.output and "[3 ev, 3 rep, 3 src]" in out.output


def test_friendly_errors(db, tmp_path: Path) -> None:
    path, _ = db
    out = _run("tension", "RUSS", "USA", "--db", path)
    assert out.exit_code == 1 and "did you mean RUS" in out.output
    out = _run("dyads", "--db", str(tmp_path / "none.duckdb"))
    assert out.exit_code == 1 and "no store at" in out.output
    assert not (tmp_path / "none.duckdb").exists()
    bad = tmp_path / "bad.yaml"
    bad.write_text("alerts: {zz: 1}\n")
    out = _run("alerts", "--db", path, "--config", str(bad))
    assert out.exit_code == 1 and "unknown setting 'alerts.zz'" in out.output
