"""Exports are readable back with pandas/pyarrow and hold the same rows."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from test_store_helpers import article_with_events, make_actor, make_article, make_event

from wardrums.errors import InputError, StoreError
from wardrums.records import Event
from wardrums.store import EventFilter, open_store
from wardrums.store.queries import FRAME_COLUMNS


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "w.duckdb") as s:
        s.add_article(*article_with_events("a1", 3, source=("RUS", None), target=("USA",)))
        s.add_article(make_article("ü", text="Київ — «цитата»"), [
            make_event("ü", source=(make_actor("UKR", name="Україна"),), target=(),
                       date=None, location=None, event_type="PROTEST"),
        ])
        yield s


def test_csv(store, tmp_path: Path) -> None:
    dest = tmp_path / "out.csv"
    assert store.export_events(dest, "csv") == 4
    frame = pd.read_csv(dest)
    assert len(frame) == 4
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert json.loads(frame.loc[0, "source"]) == ["RUS", None]
    assert json.loads(frame.loc[0, "target_actors"])[0]["name"] == "United States"
    assert "Україна" in set(frame["source_actors"].map(lambda s: json.loads(s)[0]["name"]
                                                       if json.loads(s) else None))


def test_jsonl_roundtrips_events(store, tmp_path: Path) -> None:
    dest = tmp_path / "out.jsonl"
    assert store.export_events(dest, "jsonl") == 4
    lines = dest.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    assert "Україна" in dest.read_text(encoding="utf-8")  # not \u-escaped
    back = [Event.from_dict(json.loads(line)) for line in lines]
    assert back == store.events()
    assert isinstance(json.loads(lines[0])["source"], list)  # nested actors
    assert len(pd.read_json(dest, lines=True)) == 4


def test_parquet(store, tmp_path: Path) -> None:
    dest = tmp_path / "out.parquet"
    assert store.export_events(dest, "parquet") == 4
    table = pq.read_table(dest)
    assert table.num_rows == 4
    assert table.column_names == list(FRAME_COLUMNS)
    assert table.column("source").to_pylist()[0] == ["RUS", None]
    assert len(pd.read_parquet(dest)) == 4


def test_filtered_and_empty_exports(store, tmp_path: Path) -> None:
    flt = EventFilter(actor="UKR")
    assert store.export_events(tmp_path / "f.parquet", "parquet", flt) == 1
    assert store.export_events(tmp_path / "f.jsonl", "jsonl", flt) == 1
    assert store.export_events(tmp_path / "f.csv", "csv", flt) == 1
    assert pd.read_csv(tmp_path / "f.csv")["event_type"].tolist() == ["PROTEST"]
    none = EventFilter(actor="XXX")
    assert store.export_events(tmp_path / "e.csv", "csv", none) == 0
    assert store.export_events(tmp_path / "e.parquet", "parquet", none) == 0
    assert store.export_events(tmp_path / "e.jsonl", "jsonl", none) == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
    assert (tmp_path / "e.jsonl").read_text() == ""


def test_export_errors(store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="choose one of"):
        store.export_events(tmp_path / "x.xlsx", "xlsx")  # type: ignore[arg-type]
    for fmt in ("csv", "parquet", "jsonl"):
        with pytest.raises(StoreError, match="could not export"):
            store.export_events(tmp_path / "missing-dir" / f"x.{fmt}", fmt)
    with pytest.raises(StoreError, match="directory"):
        store.export_events(tmp_path, "csv")
    assert not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob(".*.partial"))


def test_export_replaces_existing_file(store, tmp_path: Path) -> None:
    dest = tmp_path / "out.csv"
    dest.write_text("old content\n")
    assert store.export_events(dest, "csv", EventFilter(article_id="a1")) == 3
    assert len(pd.read_csv(dest)) == 3
