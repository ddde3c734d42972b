"""Near-duplicate articles and incident merging, on hand-built stores with known answers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_store_helpers import make_actor, make_article, make_event

from wardrums import analysis
from wardrums.analysis import TensionConfig, dedup, minhash
from wardrums.records import Evidence, Location
from wardrums.store import open_store

D = dt.date(2024, 3, 10)
WIRE = ("MOSCOW - Russian artillery shelled the port of Odesa overnight, Ukrainian officials "
        "said on Sunday, damaging grain silos and a warehouse near the harbour. The regional "
        "governor said two people were wounded and firefighters worked until dawn. Russia's "
        "defence ministry said it had struck military targets in the region.")


def _ev(article_id: str, sentence: str, *, date: dt.date = D, event_type: str = "ASSAULT",
        source: str = "RUS", target: str = "UKR", sent_start: int = 0, **kw):
    evidence = Evidence(sentence=sentence, start=sent_start, end=sent_start + len(sentence),
                        trigger=sentence.split()[1], trigger_start=sent_start + 8,
                        trigger_end=sent_start + 12)
    kw.setdefault("intensity", -9.0)
    kw.setdefault("quad_class", 4)
    kw.setdefault("cameo_root", "19")
    return make_event(article_id, event_type=event_type, evidence=evidence, date=date,
                      source=(make_actor(source, sector="MIL"),),
                      target=(make_actor(target, sector="GOV"),), **kw)


def _store(tmp_path: Path, items):
    store = open_store(tmp_path / "w.duckdb")
    for article, events in items:
        store.add_article(article, events)
    return store


# --- MinHash ------------------------------------------------------------------------------

def test_minhash_estimates_jaccard_of_shingles() -> None:
    a = minhash.signature(WIRE)[0]
    same = minhash.signature(WIRE)[0]
    copy = minhash.signature("By Staff Reporter. " + WIRE + " Copyright Demo Wire.")[0]
    other = minhash.signature("India and Pakistan agreed to reopen a border crossing for "
                              "pilgrims, officials in both capitals said on Tuesday.")[0]
    assert minhash.similarity(a, same) == 1.0
    true = len(minhash.shingles(WIRE) & minhash.shingles("By Staff Reporter. " + WIRE +
                                                         " Copyright Demo Wire.")) / len(
        minhash.shingles(WIRE) | minhash.shingles("By Staff Reporter. " + WIRE +
                                                  " Copyright Demo Wire."))
    assert abs(minhash.similarity(a, copy) - true) < 0.12
    assert minhash.similarity(a, other) < 0.1


def test_lsh_finds_copies_and_not_strangers(tmp_path: Path) -> None:
    texts = {"orig": WIRE, "copy": WIRE.replace("on Sunday", "on Sunday morning"),
             "other": "The central bank raised interest rates by half a point on Thursday, "
                      "citing inflation in food and fuel prices across the country."}
    with _store(tmp_path, [(make_article(k, t), []) for k, t in texts.items()]) as store:
        dedup.sign_new_articles(store)
        ids = dict(store.rows("SELECT article_pk, id FROM articles"))
        # every LSH candidate (threshold 0 keeps them all), named by article id
        pairs = {tuple(sorted((ids[a], ids[b]))) for a, b, _ in dedup.verified_pairs(store, 0.0)}
        dedup.rebuild_clusters(store, threshold=0.7)
        found = {ids[a]: (ids[c], s) for a, c, s in store.rows(
            "SELECT article_pk, cluster_pk, similarity FROM article_clusters")}
    assert ("copy", "orig") in pairs
    assert not any("other" in p for p in pairs)
    assert found["copy"][0] == "orig" and found["orig"] == ("orig", 1.0)
    assert found["other"] == ("other", 1.0)


def test_clusters_are_named_by_the_first_seen_article_whatever_the_key_order() -> None:
    roots = minhash.union_by_order({"z-late": 1, "a-early": 2}, [("a-early", "z-late")])
    assert roots == {"z-late": "z-late", "a-early": "z-late"}


def test_short_and_empty_texts_have_signatures() -> None:
    assert minhash.shingles("Troops fired.") == {"troops fired"}
    sig, n = minhash.signature("")
    assert n == 0 and len(sig) == minhash.PERMUTATIONS


def test_store_dedup_points_copies_at_the_original(tmp_path: Path) -> None:
    items = [
        (make_article("orig", WIRE, source="Demo Wire"), []),
        (make_article("copy", "By Staff. " + WIRE, source="Daily Echo"), []),
        (make_article("other", "Parliament passed the budget after a long night session in "
                      "the capital, with the opposition walking out before the vote.",
                      source="Daily Echo"), []),
    ]
    with _store(tmp_path, items) as store:
        assert dedup.sign_new_articles(store) == 3
        assert dedup.sign_new_articles(store) == 0  # signatures are kept
        assert dedup.rebuild_clusters(store) == 2
        dups = dedup.near_duplicates(store)
        assert [(a, o) for a, o, _ in dups] == [("copy", "orig")]
        assert dups[0][2] >= 0.8


# --- merging ------------------------------------------------------------------------------

def test_reports_of_one_shelling_from_three_outlets_merge_into_one_incident(tmp_path: Path
                                                                            ) -> None:
    items = [
        (make_article("a", "x " * 30 + "a", source="Wire One"),
         [_ev("a", "Russian artillery shelled the port of Odesa overnight, officials said.")]),
        (make_article("b", "y " * 30 + "b", source="Paper Two"),
         [_ev("b", "Russian forces shelled Odesa's port, damaging grain silos.")]),
        # a day later in the calendar, same words: still the same incident
        (make_article("c", "z " * 30 + "c", source="Radio Three"),
         [_ev("c", "The shelling of the Odesa port by Russian artillery damaged silos.",
              date=D + dt.timedelta(days=1))]),
        # same pair and type, eight days later: a different incident
        (make_article("d", "w " * 30 + "d", source="Wire One"),
         [_ev("d", "Russian artillery shelled Kharkiv, officials said.",
              date=D + dt.timedelta(days=8))]),
    ]
    with _store(tmp_path, items) as store:
        inc = analysis.incidents(store)
    assert len(inc) == 2
    first = inc.iloc[0]
    assert (first.n_events, first.n_articles, first.n_reports, first.n_sources) == (3, 3, 3, 3)
    assert first.date == pd_date(D) and first.first_date == pd_date(D)
    assert first.last_date == pd_date(D + dt.timedelta(days=1))
    assert json.loads(first.disagreements)["date"] == {D.isoformat(): 2,
                                                       (D + dt.timedelta(days=1)).isoformat(): 1}
    assert inc.iloc[1].n_events == 1


def pd_date(d: dt.date):
    import pandas as pd

    return pd.Timestamp(d)


def test_different_day_needs_shared_evidence_words(tmp_path: Path) -> None:
    items = [
        (make_article("a", "a " * 40, source="One"),
         [_ev("a", "Russian artillery shelled the port of Odesa overnight.")]),
        (make_article("b", "b " * 40, source="Two"),
         [_ev("b", "Drones struck an energy facility near Lviv before dawn.",
              date=D + dt.timedelta(days=2))]),
    ]
    with _store(tmp_path, items) as store:
        assert len(analysis.incidents(store)) == 2


def test_conflicting_places_never_merge(tmp_path: Path) -> None:
    items = [
        (make_article("a", "a " * 40, source="One"),
         [_ev("a", "Russian artillery shelled the city.", location=Location(country="UKR", place="Odesa"))]),
        (make_article("b", "b " * 40, source="Two"),
         [_ev("b", "Russian artillery shelled the city.", location=Location(country="UKR", place="Kharkiv"))]),
        (make_article("c", "c " * 40, source="Three"),
         [_ev("c", "Russian artillery shelled the city.", location=None)]),
    ]
    with _store(tmp_path, items) as store:
        inc = analysis.incidents(store)
    assert sorted(inc.n_events.tolist()) == [1, 2]  # the placeless report joins one of them


def test_claims_of_different_kind_stay_apart_but_denials_join_and_are_flagged(tmp_path: Path
                                                                              ) -> None:
    items = [
        (make_article("a", "a " * 40, source="One"),
         [_ev("a", "Russian artillery shelled Odesa.")]),
        (make_article("b", "b " * 40, source="Two"),
         [_ev("b", "Moscow denied that its artillery shelled Odesa.", polarity="negative",
              modality="alleged")]),
        (make_article("c", "c " * 40, source="Three"),
         [_ev("c", "If Russian artillery shells Odesa again, Kyiv will respond.",
              modality="hypothetical")]),
    ]
    with _store(tmp_path, items) as store:
        inc = analysis.incidents(store).sort_values("n_events", ascending=False)
    assert inc.n_events.tolist() == [2, 1]
    merged = inc.iloc[0]
    assert merged.modality == "asserted" and merged.polarity == "positive"
    dis = json.loads(merged.disagreements)
    assert dis["polarity"] == {"negative": 1, "positive": 1}
    assert dis["modality"] == {"alleged": 1, "asserted": 1}
    assert inc.iloc[1].modality == "hypothetical"


def test_wire_copies_are_one_report_and_one_source(tmp_path: Path) -> None:
    sent = "Russian artillery shelled the port of Odesa overnight."
    items = [
        (make_article("orig", WIRE, source="Demo Wire"), [_ev("orig", sent)]),
        (make_article("copy1", "By Staff. " + WIRE, source="Daily Echo"), [_ev("copy1", sent)]),
        (make_article("copy2", WIRE + " More to follow.", source="Evening Post"),
         [_ev("copy2", sent)]),
    ]
    with _store(tmp_path, items) as store:
        inc = analysis.incidents(store)
    assert len(inc) == 1
    row = inc.iloc[0]
    assert (row.n_events, row.n_articles, row.n_reports, row.n_sources) == (3, 3, 1, 1)


def test_incident_keeps_every_supporting_event_and_its_actors(tmp_path: Path) -> None:
    items = [
        (make_article("a", "a " * 40, source="One"), [_ev("a", "Russian troops shelled Odesa.")]),
        (make_article("b", "b " * 40, source="Two"), [_ev("b", "Russian troops shelled Odesa.")]),
    ]
    with _store(tmp_path, items) as store:
        inc = analysis.incidents(store)
        ids = list(inc.iloc[0].event_ids)
        stored = {e.event_id for e in store.events()}
        actors = store.rows("SELECT role, country, sector, n_events FROM incident_actors "
                            "ORDER BY role")
    assert set(ids) == stored and len(ids) == 2
    assert actors == [("source", "RUS", "MIL", 2), ("target", "UKR", "GOV", 2)]
    assert list(inc.iloc[0].sources) == ["RUS/MIL"] and list(inc.iloc[0].targets) == ["UKR/GOV"]


def test_merging_is_deterministic_and_idempotent(tmp_path: Path) -> None:
    items = [(make_article(f"a{i}", f"{i} " * 40, source=f"Outlet {i % 3}"),
              [_ev(f"a{i}", f"Russian artillery shelled Odesa port {i}.",
                   date=D + dt.timedelta(days=i % 5))]) for i in range(12)]
    with _store(tmp_path, items) as store:
        cfg = TensionConfig.load()
        first = analysis.incidents(store, config=cfg)
        assert not analysis.refresh(store, cfg).rebuilt  # nothing changed: no rebuild
        assert analysis.refresh(store, cfg, force=True).rebuilt
        again = analysis.incidents(store, config=cfg)
        members = store.rows("SELECT * FROM incident_events ORDER BY event_id")
        analysis.refresh(store, cfg, force=True)
        assert store.rows("SELECT * FROM incident_events ORDER BY event_id") == members
    cols = ["incident_id", "n_events", "n_sources", "date", "disagreements"]
    assert first[cols].equals(again[cols])
    # a fresh store with the same articles in the same order gives the same incident ids
    with _store(tmp_path / "two", items) as other:
        assert analysis.incidents(other, config=cfg).incident_id.tolist() == \
            first.incident_id.tolist()


def test_new_articles_trigger_a_rebuild_and_change_of_merge_settings_too(tmp_path: Path
                                                                          ) -> None:
    items = [(make_article("a", "a " * 40, source="One"), [_ev("a", "Russian troops shelled.")])]
    with _store(tmp_path, items) as store:
        cfg = TensionConfig.load()
        assert len(analysis.incidents(store, config=cfg)) == 1
        store.add_article(make_article("b", "b " * 40, source="Two"),
                          [_ev("b", "Russian troops shelled.", date=D + dt.timedelta(days=2))])
        assert analysis.refresh(store, cfg).rebuilt
        assert analysis.incidents(store, config=cfg).n_events.tolist() == [2]
        narrow = TensionConfig.from_dict({"merge": {"window_days": 1}})
        assert analysis.refresh(store, narrow).rebuilt
        assert analysis.incidents(store, config=narrow).n_events.tolist() == [1, 1]


def test_config_rejects_typos_and_bad_values(tmp_path: Path) -> None:
    from wardrums.errors import InputError

    bad = tmp_path / "t.yaml"
    bad.write_text("merge:\n  window_dayz: 2\n")
    with pytest.raises(InputError, match=r"t\.yaml: unknown setting 'merge\.window_dayz'"):
        TensionConfig.load(bad)
    bad.write_text("weights:\n  modality: {asserted: -1}\n")
    with pytest.raises(InputError, match="weights.modality.asserted must be at least 0"):
        TensionConfig.load(bad)
    bad.write_text("baseline:\n  D: {window: 0}\n")
    with pytest.raises(InputError, match=r"baseline\.D\.window must be a whole number"):
        TensionConfig.load(bad)
    good = tmp_path / "ok.yaml"
    good.write_text("reliability:\n  sources: {Reuters: 0.9, example.org: 0.2}\n")
    cfg = TensionConfig.load(good)
    assert cfg.reliability() == (1.0, {"reuters": 0.9, "example.org": 0.2})
    assert cfg.merge["window_days"] == 3  # untouched keys keep their defaults


def test_same_day_reports_with_unrelated_evidence_stay_apart(tmp_path: Path) -> None:
    items = [
        (make_article("a", "a " * 40, source="One"),
         [_ev("a", "Russian artillery shelled the port of Odesa overnight.")]),
        (make_article("b", "b " * 40, source="Two"),
         [_ev("b", "Drones struck an energy facility near Lviv before dawn.")]),
    ]
    with _store(tmp_path, items) as store:
        assert len(analysis.incidents(store)) == 2


def test_inside_one_country_different_sectors_are_different_incidents(tmp_path: Path) -> None:
    def domestic(aid: str, sentence: str, src_sector: str):
        ev = make_event(aid, event_type="ASSAULT", date=D, intensity=-9.0, quad_class=4,
                        cameo_root="19",
                        evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
                        source=(make_actor("IND", sector=src_sector),),
                        target=(make_actor("IND", sector="CVL"),))
        return make_article(aid, aid * 40, source=aid), [ev]

    items = [domestic("a", "Police fired on the mob in the old city, killing two.", "COP"),
             domestic("b", "A mob in the old city killed two, police said.", "REB"),
             domestic("c", "Police firing on the mob in the old city killed two.", "COP")]
    with _store(tmp_path, items) as store:
        inc = analysis.incidents(store)
    assert sorted(inc.n_events.tolist()) == [1, 2]


def test_a_new_merge_rule_version_rebuilds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    from wardrums.analysis import merge

    items = [(make_article("a", "a " * 40, source="One"), [_ev("a", "Russian troops shelled.")])]
    with _store(tmp_path, items) as store:
        cfg = TensionConfig.load()
        analysis.refresh(store, cfg)
        assert not analysis.refresh(store, cfg).rebuilt
        monkeypatch.setattr(merge, "MERGE_VERSION", merge.MERGE_VERSION + 1)
        assert analysis.refresh(store, cfg).rebuilt
