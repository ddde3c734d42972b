"""The project's own labelled sentences (training/plover_sentences.jsonl): format, balance,
codes, the split rule, and that the coder can reach every PLOVER category.

The file and its guidelines are described in training/README.md.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import wardrums
from wardrums.data.knowledge import country_by_code, igo_by_code
from wardrums.records import EVENT_TYPES

DATA = Path(__file__).resolve().parents[1] / "training" / "plover_sentences.jsonl"
LABELS = (*EVENT_TYPES, "none")
MODALITIES = {"asserted", "alleged", "hypothetical", "predicted"}
POLARITIES = {"positive", "negative"}
FIELDS = {"id", "text", "label", "source", "target", "modality", "polarity", "split"}

MIN_PER_CATEGORY = 40
MIN_NONE = 120
MIN_NON_ASSERTED = 6  # alleged, hypothetical or predicted, per category
MIN_NEGATIVE = 4  # polarity negative, per category


def _rows() -> list[dict]:
    out = []
    for n, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"line {n} is blank"
        obj = json.loads(line)
        assert isinstance(obj, dict), f"line {n} is not a JSON object"
        out.append(obj)
    return out


ROWS = _rows()


def _by_label() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {lab: [] for lab in LABELS}
    for r in ROWS:
        out[r["label"]].append(r)
    return out


def test_the_16_categories_match_the_plover_table():
    assert len(EVENT_TYPES) == 16


def test_every_line_has_exactly_the_documented_fields():
    for r in ROWS:
        assert set(r) == FIELDS, r.get("id")
        assert isinstance(r["text"], str) and r["text"].strip() == r["text"] and len(r["text"]) >= 20, r["id"]


def test_ids_and_texts_are_unique():
    ids = Counter(r["id"] for r in ROWS)
    assert [i for i, n in ids.items() if n > 1] == []
    texts = Counter(r["text"].casefold() for r in ROWS)
    assert [t for t, n in texts.items() if n > 1] == []


def test_ids_name_their_label_and_count_up_from_one():
    for lab, rows in _by_label().items():
        assert [r["id"] for r in rows] == [f"own-{lab}-{n:03d}" for n in range(1, len(rows) + 1)]


def test_labels_are_plover_categories_or_none():
    assert {r["label"] for r in ROWS} <= set(LABELS)


def test_each_category_has_enough_sentences():
    counts = Counter(r["label"] for r in ROWS)
    short = {lab: counts[lab] for lab in EVENT_TYPES if counts[lab] < MIN_PER_CATEGORY}
    assert short == {}
    assert counts["none"] >= MIN_NONE


def test_modality_and_polarity_values_are_valid():
    for r in ROWS:
        assert r["modality"] in MODALITIES, r["id"]
        assert r["polarity"] in POLARITIES, r["id"]


def test_none_sentences_have_no_actors_and_default_modality():
    for r in _by_label()["none"]:
        assert r["source"] is None and r["target"] is None, r["id"]
        assert (r["modality"], r["polarity"]) == ("asserted", "positive"), r["id"]


@pytest.mark.parametrize("label", EVENT_TYPES)
def test_each_category_has_hedged_and_negated_sentences(label):
    rows = _by_label()[label]
    assert sum(r["modality"] != "asserted" for r in rows) >= MIN_NON_ASSERTED
    assert sum(r["polarity"] == "negative" for r in rows) >= MIN_NEGATIVE


def test_all_four_modalities_occur():
    assert {r["modality"] for r in ROWS} == MODALITIES


def test_split_follows_the_documented_rule():
    # within each label, the n-th sentence (1-based, id order) is test when n % 5 is 2 or 4
    for rows in _by_label().values():
        for n, r in enumerate(rows, 1):
            assert r["split"] == ("test" if n % 5 in (2, 4) else "train"), r["id"]


def test_split_is_stratified_roughly_60_40():
    for lab, rows in _by_label().items():
        share = sum(r["split"] == "test" for r in rows) / len(rows)
        assert 0.35 <= share <= 0.45, (lab, share)
        if lab != "none":
            test = [r for r in rows if r["split"] == "test"]
            assert any(r["modality"] != "asserted" for r in test), lab
            assert any(r["polarity"] == "negative" for r in test), lab


def test_actor_codes_are_iso3_or_igo_codes():
    codes = set(country_by_code()) | set(igo_by_code())
    bad = [(r["id"], r[k]) for r in ROWS for k in ("source", "target")
           if r[k] is not None and r[k] not in codes]
    assert bad == []


def test_every_event_sentence_names_at_least_one_side():
    for lab in EVENT_TYPES:
        for r in _by_label()[lab]:
            assert r["source"] or r["target"], r["id"]


@pytest.fixture(scope="module")
def reached() -> dict[str, str | None]:
    """For each category, the id of the first test-split sentence of that category whose coded
    events include the category (None if none does). One pipeline load for the whole module."""
    out: dict[str, str | None] = {}
    for lab in EVENT_TYPES:
        out[lab] = None
        for r in _by_label()[lab]:
            if r["split"] != "test":
                continue
            events = wardrums.code(r["text"], published="2020-06-15", article_id=r["id"])
            if any(e.event_type == lab for e in events):
                out[lab] = r["id"]
                break
    return out


@pytest.mark.parametrize("label", EVENT_TYPES)
def test_every_plover_category_is_reachable_by_the_coder(reached, label):
    assert reached[label] is not None, f"no test-split {label} sentence is coded as {label}"
