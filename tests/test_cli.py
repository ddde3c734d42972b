"""The CLI end to end on real files and a real DuckDB store."""

from __future__ import annotations

import json

import pandas as pd
from click.testing import CliRunner

from wardrums.cli import main

ARTICLES = [
    {"id": "a1", "published": "2017-10-12",
     "text": "Russia expelled two American diplomats on Wednesday. The Kremlin accused "
             "Washington of meddling in Russian affairs."},
    {"id": "a2", "published": "2017-10-13",
     "text": "China and South Korea signed a currency agreement in Beijing on Friday."},
]


def write_jsonl(path, rows, extra_lines=()):
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
        for line in extra_lines:
            fh.write(line + "\n")
    return path


def test_ingest_is_idempotent_and_records_rejections(tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", ARTICLES, extra_lines=["{not json"])
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(src), "--db", db])
    assert first.exit_code == 0, first.output
    assert "read 2 articles (2 new" in first.output
    assert "rejected 1 inputs" in first.output
    assert "news.jsonl:3" in first.output
    second = runner.invoke(main, ["ingest", str(src), "--db", db])
    assert second.exit_code == 0, second.output
    assert "(0 new, 2 already stored)" in second.output
    from wardrums.store import open_store

    with open_store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["articles"] == 2
        assert counts["rejections"] == 1
        assert counts["events"] >= 2


def test_events_filters_and_formats(tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", ARTICLES)
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(src), "--db", db]).exit_code == 0
    out = runner.invoke(main, ["events", "--db", db, "--dyad", "RUS-USA", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert rows and all({"RUS", "USA"} <= {a["country"] for a in r["source"] + r["target"]} for r in rows)
    out = runner.invoke(main, ["events", "--db", db, "--type", "AGREE", "--format", "csv"])
    assert out.exit_code == 0 and "AGREE" in out.output and "SANCTION" not in out.output
    pq = tmp_path / "ev.parquet"
    out = runner.invoke(main, ["events", "--db", db, "--format", "parquet", "-o", str(pq)])
    assert out.exit_code == 0, out.output
    assert len(pd.read_parquet(pq)) >= 2


def test_bad_arguments_are_one_line_errors(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "none.duckdb")
    out = runner.invoke(main, ["events", "--db", db])
    assert out.exit_code != 0 and "no store at" in out.output
    src = write_jsonl(tmp_path / "n.jsonl", ARTICLES)
    assert runner.invoke(main, ["ingest", str(src), "--db", db]).exit_code == 0
    out = runner.invoke(main, ["events", "--db", db, "--since", "last tuesday"])
    assert out.exit_code != 0 and "not a date" in out.output
    out = runner.invoke(main, ["events", "--db", db, "--dyad", "RUS"])
    assert out.exit_code != 0 and "RUS-USA" in out.output
    assert "Traceback" not in out.output


def test_code_prints_jsonl_without_storing(tmp_path):
    txt = tmp_path / "story.txt"
    txt.write_text("Iranian forces seized a British tanker on Friday.", encoding="utf-8")
    out = CliRunner().invoke(main, ["code", str(txt), "--date", "2019-07-20"])
    assert out.exit_code == 0, out.output
    ev = json.loads(out.output.splitlines()[0])
    assert ev["article_id"] == str(txt)
    assert ev["event_type"] == "COERCE"
    assert ev["date"] == "2019-07-19"
    assert not list(tmp_path.glob("*.duckdb"))


def test_code_reads_stdin():
    out = CliRunner().invoke(main, ["code", "-", "--date", "2017-10-12"],
                             input="Russia expelled two American diplomats.")
    assert out.exit_code == 0, out.output
    assert "SANCTION" in out.output


def test_schema_command_prints_json_schema():
    out = CliRunner().invoke(main, ["schema"])
    assert out.exit_code == 0
    assert json.loads(out.output)["title"] == "wardrums event record"


def test_demo_codes_the_demo_corpus(tmp_path):
    db = str(tmp_path / "demo.duckdb")
    out = CliRunner().invoke(main, ["demo", "--db", db])
    assert out.exit_code == 0, out.output
    assert "most active pairs" in out.output
    assert "rejected 0 inputs" in out.output
    # the demo corpus holds the Kashmir shelling of late October 2017: an escalation alert
    assert "latest escalation alerts" in out.output
    assert "BREAK IND-PAK 2017-10-25" in out.output


def test_ingest_rejects_files_over_the_size_limit_and_goes_on(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Russia expelled diplomats. " * 60000, encoding="utf-8")  # ~1.6 MB
    small = tmp_path / "small.txt"
    small.write_text("China and India held talks on Monday.", encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    out = CliRunner().invoke(main, ["ingest", str(big), str(small), "--max-mb", "1", "--db", db,
                                    "--date", "2020-06-15"])
    assert out.exit_code == 0, out.output
    assert "big.txt" in out.output and "rejected 1 inputs" in out.output
    assert "read 1 articles (1 new" in out.output


def test_eval_reports_bad_lines_and_scores_the_rest(tmp_path):
    gold = tmp_path / "case2021_dev.jsonl"
    rows = [
        {"id": "c1", "text": "Police arrested twelve protesters in the capital on Monday.",
         "event_plover_mapped": "COERCE"},
        {"id": "c2", "text": "The two governments signed a border agreement.",
         "event_plover_mapped": "FLY"},
        {"id": "c3", "text": "Thousands marched through the city demanding the minister resign.",
         "event_plover_mapped": "PROTEST"},
    ]
    write_jsonl(gold, rows)
    report = tmp_path / "acc.md"
    out = CliRunner().invoke(main, ["eval", str(gold), "--report", str(report)])
    assert out.exit_code == 0, out.output
    assert "line 2" in out.output and "FLY" in out.output
    assert "scored: 2" in out.output
    assert report.read_text().strip()


def test_eval_on_an_empty_file_is_a_clear_error(tmp_path):
    gold = tmp_path / "case2021_dev.jsonl"
    gold.write_text("", encoding="utf-8")
    out = CliRunner().invoke(main, ["eval", str(gold)])
    assert out.exit_code != 0
    assert "case2021_dev.jsonl" in out.output and "Traceback" not in out.output
