"""Gold readers on tiny files written here (in each set's field layout, with invented text),
format detection, problem reporting, sampling, and a check of the real files' first lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from wardrums.errors import GoldError
from wardrums.evaluation.gold import FORMATS, GoldProblem, bio_spans, read_gold
from wardrums.evaluation.sampling import stratified_group_sample, stratified_sample


def write_jsonl(path: Path, rows: list) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- one line builder per format (invented content, real field names) ---------------------------

def acled_row(i: int, label: str | None, *, date: str = "2020-03-04", precision: int = 1,
              iso: str | None = "KEN", text: str | None = None) -> dict:
    return {
        "id": f"acled-t{i}", "text": text or f"Demonstrators gathered in Town{i} on Tuesday.",
        "event_date": date, "time_precision": precision, "acled_event_type": "Riots/Protests",
        "event_plover_mapped": label, "mapping_confidence": "high",
        "actor1": {"text": "Protesters (Kenya)", "country_iso3": iso, "sector_hint": "CVL"},
        "actor2": None, "note_group": f"acled-t{i}",
    }


def case_row(i: int, label: str | None) -> dict:
    return {"id": f"case-t{i}", "text": f"Invented CASE sentence number {i}.", "case_label": "X",
            "event_plover_mapped": label, "mapping_confidence": "high"}


def conflibert_row(i: int, pentaclass) -> dict:
    return {"id": f"cb-t{i}", "split": "train", "text": f"Invented CAMEO sentence {i}.",
            "pentaclass": pentaclass, "plover_candidates": ["ASSAULT"]}


def ngec_row(i: int, label: str | None) -> dict:
    return {"id": f"ngec-t{i}", "text": f"An invented synthetic story {i}.", "event_plover": label,
            "mode": None, "synthetic": True}


def ipe_row(doc: int, sent: int, labels, text: str | None = None) -> dict:
    return {"id": f"ipe-{doc}-{sent}", "doc_id": doc, "sent_id": sent,
            "text": text or f"invented sentence {sent} of doc {doc}.", "ipe_labels": [],
            "event_plover_mapped": labels, "pub_date": "2002-03-05"}


# --- readers -------------------------------------------------------------------------------------

def test_acled_reader(tmp_path):
    path = write_jsonl(tmp_path / "acled_dev.jsonl", [
        acled_row(1, "PROTEST"), acled_row(2, "ASSAULT", iso=None, precision=2), acled_row(3, None),
    ])
    gs = read_gold(path)
    assert gs.format == "acled_dev"
    assert [it.label for it in gs.items] == ["PROTEST", "ASSAULT"]
    first = gs.items[0]
    assert first.published == dt.date(2020, 3, 5)  # event_date + 1 day
    assert first.extra["event_date"] == dt.date(2020, 3, 4)
    assert first.extra["actor1_iso3"] == "KEN"
    assert gs.items[1].extra["actor1_iso3"] is None
    assert gs.items[1].extra["time_precision"] == 2
    assert gs.problems == [GoldProblem(3, "missing label (event_plover_mapped is null)")]


def test_acled_reader_keeps_the_outlet(tmp_path):
    row = acled_row(1, "PROTEST")
    row["news_source"] = "The Morning Bugle (Kenya)"
    gs = read_gold(write_jsonl(tmp_path / "acled_dev.jsonl", [row, acled_row(2, "PROTEST")]))
    assert [it.extra["news_source"] for it in gs.items] == ["The Morning Bugle (Kenya)", None]


def test_case_reader_null_is_none(tmp_path):
    path = write_jsonl(tmp_path / "case2021_dev.jsonl",
                       [case_row(1, "AGREE"), case_row(2, None), case_row(3, "RIOT")])
    gs = read_gold(path)
    assert [it.label for it in gs.items] == ["AGREE", "none"]
    assert gs.items[0].published is None
    assert [str(p) for p in gs.problems] == ["line 3: unknown label 'RIOT'"]


def test_conflibert_reader(tmp_path):
    path = write_jsonl(tmp_path / "conflibert_train.jsonl", [
        conflibert_row(1, 0), conflibert_row(2, 4), conflibert_row(3, None), conflibert_row(4, 7),
        conflibert_row(5, "3"),
    ])
    gs = read_gold(path)
    assert [it.label for it in gs.items] == ["0 neutral", "4 material conflict", "3 verbal conflict"]
    assert [str(p) for p in gs.problems] == ["line 3: missing label (pentaclass is null)",
                                             "line 4: unknown label 7"]


def test_conflibert_role_spans_are_found_in_the_text(tmp_path):
    text = "The EU\u2019s envoy on Monday rejected Israel\u02bcs offer to the Palestinians."
    tokens = ["The", "EU", "\u2019s", "envoy", "on", "Monday", "rejected", "Israel", "'s", "offer",
              "to", "the", "Palestinians", "."]
    tags = ["B-S", "I-S", "I-S", "I-S", "O", "O", "O", "B-T", "I-T", "I-T", "O", "O", "O", "O"]
    row = {**conflibert_row(1, 3), "text": text, "tokens": tokens, "bio_tags": tags,
           "spans_available": True}
    unspanned = {**conflibert_row(2, 3), "spans_available": False}
    gs = read_gold(write_jsonl(tmp_path / "conflibert_train.jsonl", [row, unspanned]))
    item = gs.items[0]
    assert [text[a:b] for a, b in item.extra["source_spans"]] == ["The EU\u2019s envoy"]
    assert [text[a:b] for a, b in item.extra["target_spans"]] == ["Israel\u02bcs offer"]
    assert "source_spans" not in gs.items[1].extra


def test_conflibert_rows_with_broken_role_tags_are_still_scored_on_their_class(tmp_path):
    good = {**conflibert_row(1, 3), "spans_available": True, "tokens": ["Invented"], "bio_tags": ["B-S"]}
    short = {**conflibert_row(2, 3), "spans_available": True, "tokens": ["a", "b"], "bio_tags": ["B-S"]}
    junk = {**conflibert_row(3, 3), "spans_available": True, "tokens": "not a list", "bio_tags": None}
    gs = read_gold(write_jsonl(tmp_path / "conflibert_train.jsonl", [good, short, junk]))
    assert [it.label for it in gs.items] == ["3 verbal conflict"] * 3 and not gs.problems
    assert gs.items[0].extra["source_spans"] == [(0, 8)]
    assert all("source_spans" not in it.extra for it in gs.items[1:])


def test_bio_spans_fall_back_to_search_when_the_tokens_differ_from_the_text():
    text = "Erdo\u011fan will meet his counterpart, a \"puppet\" ruler, in Ankara."
    tokens = ["Erdogan", "will", "meet", "his", "counterpart", ",", "a", "puppet", "ruler", ",",
              "in", "Ankara", "."]
    tags = ["B-S", "O", "O", "B-T", "I-T", "O", "O", "O", "O", "O", "O", "O", "O"]
    assert bio_spans(text, tokens, tags, "T") == [(text.index("his"), text.index(","))]
    assert bio_spans(text, tokens, tags, "S") == []  # "Erdogan" is not in the text: left out


def test_ngec_reader(tmp_path):
    path = write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl",
                       [ngec_row(1, "CONCEDE"), ngec_row(2, "FOO"), ngec_row(3, "SANCTION")])
    gs = read_gold(path)
    assert [it.label for it in gs.items] == ["CONCEDE", "SANCTION"]
    assert [str(p) for p in gs.problems] == ["line 2: unknown label 'FOO'"]


def test_ipe_reader(tmp_path):
    path = write_jsonl(tmp_path / "indiapoliceevents_sents.jsonl", [
        ipe_row(7, 0, []), ipe_row(7, 1, ["COERCE", "ASSAULT"]), ipe_row(7, 2, ["FAIL"]),
        ipe_row(8, 0, ["ASSAULT"]),
    ])
    gs = read_gold(path)
    assert [it.label for it in gs.items] == ["none", "ASSAULT+COERCE", "ASSAULT"]
    assert gs.items[1].extra["labels"] == frozenset({"ASSAULT", "COERCE"})
    assert gs.items[0].published == dt.date(2002, 3, 5)
    assert [str(p) for p in gs.problems] == ["line 3: unknown label 'FAIL'"]


def test_problems_carry_line_numbers_and_the_rest_is_scored(tmp_path):
    rows = [ngec_row(i, "AGREE") for i in range(1, 20)]
    rows[16] = ngec_row(17, "FOO")  # line 17
    rows[4] = "{not json"  # line 5
    rows[9] = ngec_row(10, None)  # line 10
    rows[11] = {**ngec_row(12, "AGREE"), "text": "  "}  # line 12
    path = write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl", rows)
    gs = read_gold(path)
    assert len(gs.items) == 15
    assert [str(p) for p in gs.problems] == [
        "line 5: not valid JSON (Expecting property name enclosed in double quotes)",
        "line 10: missing label (event_plover is null)",
        "line 12: no text",
        "line 17: unknown label 'FOO'",
    ]


def test_blank_lines_keep_line_numbers(tmp_path):
    path = tmp_path / "case2021_dev.jsonl"
    path.write_text(json.dumps(case_row(1, "AGREE")) + "\n\n" + json.dumps(case_row(3, "BAD")) + "\n")
    gs = read_gold(path)
    assert [str(p) for p in gs.problems] == ["line 3: unknown label 'BAD'"]


@pytest.mark.parametrize("rows,fmt", [
    ([acled_row(1, "PROTEST")], "acled_dev"),
    ([case_row(1, "AGREE")], "case2021_dev"),
    ([conflibert_row(1, 2)], "conflibert_train"),
    ([ngec_row(1, "AID")], "ngec_synthetic_plover"),
    ([ipe_row(1, 0, [])], "indiapoliceevents_sents"),
])
def test_format_detected_from_fields(tmp_path, rows, fmt):
    gs = read_gold(write_jsonl(tmp_path / "heldout.jsonl", rows))
    assert gs.format == fmt


def test_format_detected_from_name_first(tmp_path):
    gs = read_gold(write_jsonl(tmp_path / "case2021_dev_heldout.jsonl", [case_row(1, "AGREE")]))
    assert gs.format == "case2021_dev"


def test_unknown_format_raises(tmp_path):
    with pytest.raises(GoldError, match="cannot tell which gold format"):
        read_gold(write_jsonl(tmp_path / "other.jsonl", [{"id": 1, "text": "x"}]))


def test_empty_file_raises_gold_error(tmp_path):
    path = tmp_path / "acled_dev.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(GoldError) as err:
        read_gold(path)
    assert str(path) in str(err.value) and "empty" in str(err.value)


def test_missing_and_unreadable_files_raise_gold_error(tmp_path):
    with pytest.raises(GoldError, match="not found"):
        read_gold(tmp_path / "acled_dev.jsonl")
    binary = tmp_path / "case2021_dev.jsonl"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(GoldError, match="not UTF-8"):
        read_gold(binary)
    with pytest.raises(GoldError, match="folder"):
        read_gold(tmp_path)


def test_file_with_no_scorable_line_raises(tmp_path):
    path = write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl", [ngec_row(1, None), ngec_row(2, "X")])
    with pytest.raises(GoldError, match="no scorable line.*line 1: missing label"):
        read_gold(path)


def test_limit_reads_first_lines(tmp_path):
    path = write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl",
                       [ngec_row(i, "AID") for i in range(10)])
    assert len(read_gold(path, limit=4).items) == 4


# --- sampling ------------------------------------------------------------------------------------

def test_stratified_sample_is_deterministic_and_proportional():
    items = [("A", i) for i in range(60)] + [("B", i) for i in range(30)] + [("C", i) for i in range(10)]
    a = stratified_sample(items, 20, key=lambda x: x[0], seed=13)
    b = stratified_sample(items, 20, key=lambda x: x[0], seed=13)
    assert a == b
    assert len(a) == 20
    counts = {k: sum(1 for x in a if x[0] == k) for k in "ABC"}
    assert counts == {"A": 12, "B": 6, "C": 2}
    assert a == sorted(a, key=items.index)  # file order kept
    assert stratified_sample(items, 20, key=lambda x: x[0], seed=14) != a
    assert stratified_sample(items, None, key=lambda x: x[0]) == items


def test_stratified_sample_keeps_rare_classes():
    items = ["A"] * 98 + ["B", "C"]
    got = stratified_sample(items, 10, key=lambda x: x, seed=1)
    assert {"B", "C"} <= set(got) and len(got) == 10


def test_group_sample_never_splits_a_document():
    items = [(doc, s, "pos" if doc % 5 == 0 else "neg") for doc in range(40) for s in range(doc % 4 + 1)]
    pick1 = stratified_group_sample(items, 30, group=lambda x: x[0],
                                    stratum=lambda g: g[0][2], seed=13)
    assert pick1 == stratified_group_sample(items, 30, group=lambda x: x[0],
                                            stratum=lambda g: g[0][2], seed=13)
    docs = {x[0] for x in pick1}
    for d in docs:  # every chosen doc is whole
        assert [x for x in pick1 if x[0] == d] == [x for x in items if x[0] == d]
    assert 30 <= len(pick1) < 30 + 2 * 4
    assert any(x[2] == "pos" for x in pick1) and any(x[2] == "neg" for x in pick1)


# --- the real gold files (first 50 lines; no coder) ----------------------------------------------

#: (items, problems) among the first 50 non-blank lines of each real file.
EXPECTED_FIRST_50 = {
    "acled_dev": (50, 0),
    "case2021_dev": (50, 0),
    "conflibert_train": (50, 0),
    "ngec_synthetic_plover": (50, 0),
    "indiapoliceevents_sents": (50, 0),
}


@pytest.mark.gold
@pytest.mark.parametrize("set_name", FORMATS)
def test_real_gold_first_50_lines(gold_dir, set_name):
    path = gold_dir / f"{set_name}.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    gs = read_gold(path, limit=50)
    assert gs.format == set_name
    assert gs.n_lines == 50
    assert (len(gs.items), len(gs.problems)) == EXPECTED_FIRST_50[set_name], gs.problems[:5]
    assert all(it.text.strip() for it in gs.items)


@pytest.mark.gold
def test_real_conflibert_unlabelled_rows_are_reported(gold_dir):
    path = gold_dir / "conflibert_train.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    gs = read_gold(path)
    assert len(gs.items) + len(gs.problems) == gs.n_lines
    assert gs.problems and all(p.reason.startswith("missing label") for p in gs.problems)
