"""The tension index, its baseline and the alerts, on hand-built timelines with known answers."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from pathlib import Path

import pytest
from test_analysis_incidents import _ev
from test_store_helpers import make_article

from wardrums import analysis
from wardrums.analysis import TensionConfig
from wardrums.errors import InputError
from wardrums.store import open_store

D0 = dt.date(2024, 1, 1)

#: Plain arithmetic: only same-day reports merge, no smoothing, no corroboration bonus, a
#: 3-day baseline.
PLAIN = {"merge": {"window_days": 0}, "weights": {"corroboration_bonus": 0.0},
         "baseline": {"D": {"smooth": 1, "window": 3, "min_periods": 2}, "sd_floor": 1.0},
         "alerts": {"z": 3.0, "min_rise": 5.0}}


def _day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


def _report(i: int, day: int, *, source_outlet: str | None = None, intensity: float = -2.0,
            event_type: str = "ACCUSE", src: str = "RUS", tgt: str = "USA", **kw):
    sentence = f"Report {i}: {event_type.lower()} number {i} between the two capitals."
    article = make_article(f"r{i}", f"unique article body {i} " * 8,
                           source=source_outlet or f"Outlet {i}", published=_day(day))
    quad = 4 if intensity <= -5 else 3 if intensity < 0 else 1
    return article, [_ev(article.id, sentence, date=_day(day), event_type=event_type,
                         source=src, target=tgt, intensity=intensity, quad_class=quad, **kw)]


def _store(tmp_path: Path, items):
    store = open_store(tmp_path / "t.duckdb")
    for a, evs in items:
        store.add_article(a, evs)
    return store


def test_index_baseline_and_z_match_hand_arithmetic(tmp_path: Path) -> None:
    # days 0-2: an accusation a day (-2 each); day 3 quiet; day 4: an assault (-10)
    items = [_report(i, i) for i in range(3)]
    items.append(_report(9, 4, intensity=-10.0, event_type="ASSAULT"))
    cfg = TensionConfig.from_dict(PLAIN)
    with _store(tmp_path, items) as store:
        s = analysis.tension(store, "RUS", "USA", config=cfg)
    assert s.period.dt.date.tolist() == [_day(i) for i in range(5)]
    assert s["index"].tolist() == [2.0, 2.0, 2.0, 0.0, 10.0]
    assert s.incidents.tolist() == [1, 1, 1, 0, 1]
    assert s.material_conflict.tolist() == [0, 0, 0, 0, 1]
    last = s.iloc[4]
    window = [2.0, 2.0, 0.0]  # days 1-3
    assert last.baseline == pytest.approx(statistics.mean(window))
    assert last.baseline_sd == pytest.approx(statistics.stdev(window))
    assert last.z == pytest.approx((10 - statistics.mean(window)) / statistics.stdev(window))
    assert math.isnan(s.iloc[1].z)  # one period of history is below min_periods (2)


def test_modality_polarity_and_hypothetical_weights(tmp_path: Path) -> None:
    items = [
        _report(1, 0),                                        # asserted: 2 x 1.0
        _report(2, 1, modality="alleged"),                    # 2 x 0.6
        _report(3, 2, modality="predicted"),                  # 2 x 0.3
        _report(4, 3, modality="hypothetical"),               # 0, warning talk 2
        _report(5, 4, polarity="negative"),                   # denied: 0
    ]
    with _store(tmp_path, items) as store:
        s = analysis.tension(store, "USA", "RUS", config=TensionConfig.from_dict(PLAIN))
    assert s["conflict"].tolist() == pytest.approx([2.0, 1.2, 0.6, 0.0, 0.0])
    assert s.warning_talk.tolist() == pytest.approx([0, 0, 0, 2.0, 0])
    assert s.incidents.tolist() == [1, 1, 1, 1, 1]


def test_corroboration_and_source_reliability(tmp_path: Path) -> None:
    sent = "Russian diplomats accused Washington of meddling."
    items = []
    for i, outlet in enumerate(["Reuters", "Tass", "Tass"]):
        article = make_article(f"c{i}", f"body {i} " * 20, source=outlet, published=D0)
        items.append((article, [_ev(article.id, sent, event_type="ACCUSE", source="RUS",
                                    target="USA", intensity=-2.0, quad_class=3, date=D0)]))
    url_art = make_article("u", "body u " * 20, source=None, url="https://www.example.org/x",
                           published=_day(1))
    items.append((url_art, [_ev("u", "A complaint about espionage was filed.", event_type="ACCUSE",
                                date=_day(1), source="RUS", target="USA", intensity=-2.0)]))
    cfg = TensionConfig.from_dict({
        "weights": {"corroboration_bonus": 0.5},
        "reliability": {"default": 1.0, "sources": {"Tass": 0.5, "Reuters": 0.8,
                                                    "example.org": 0.25}},
    })
    with _store(tmp_path, items) as store:
        s = analysis.tension(store, "RUS", "USA", config=cfg)
        inc = analysis.incidents(store, config=cfg)
    assert inc.n_events.tolist() == [3, 1] and inc.n_sources.tolist() == [2, 1]
    # 2 independent outlets: x (1 + .5 ln 2); the best outlet (Reuters, .8) sets reliability
    assert s["conflict"].iloc[0] == pytest.approx(2.0 * 0.8 * (1 + 0.5 * math.log(2)))
    assert s["conflict"].iloc[1] == pytest.approx(2.0 * 0.25)  # host www.example.org matched


def test_cooperation_lowers_the_index_and_pairs_are_undirected_unless_asked(tmp_path: Path
                                                                             ) -> None:
    items = [_report(1, 0), _report(2, 0, src="USA", tgt="RUS", intensity=4.0,
                                    event_type="AGREE")]
    cfg = TensionConfig.from_dict(PLAIN)
    with _store(tmp_path, items) as store:
        both = analysis.tension(store, "RUS", "USA", config=cfg)
        fwd = analysis.tension(store, "RUS", "USA", directed=True, config=cfg)
        back = analysis.tension(store, "USA", "RUS", directed=True, config=cfg)
    assert both["index"].tolist() == [2.0 - 0.5 * 4.0]
    assert (both.verbal_cooperation.tolist(), both.verbal_conflict.tolist()) == ([1], [1])
    assert fwd["index"].tolist() == [2.0] and back["index"].tolist() == [-2.0]


def test_weekly_and_monthly_periods(tmp_path: Path) -> None:
    items = [_report(i, d) for i, d in enumerate([0, 1, 7, 40])]  # Jan 1 2024 is a Monday
    with _store(tmp_path, items) as store:
        w = analysis.tension(store, "RUS", "USA", freq="W", config=TensionConfig.from_dict(PLAIN))
        m = analysis.tension(store, "RUS", "USA", freq="M", config=TensionConfig.from_dict(PLAIN))
    assert w.period.dt.date.tolist()[:2] == [D0, _day(7)]
    assert w.incidents.tolist()[:2] == [2, 1] and w.incidents.sum() == 4
    assert m.period.dt.date.tolist() == [D0, dt.date(2024, 2, 1)]
    assert m.incidents.tolist() == [3, 1]


def test_since_keeps_the_history_for_the_baseline(tmp_path: Path) -> None:
    items = [_report(i, i) for i in range(6)]
    cfg = TensionConfig.from_dict(PLAIN)
    with _store(tmp_path, items) as store:
        full = analysis.tension(store, "RUS", "USA", config=cfg)
        tail = analysis.tension(store, "RUS", "USA", since=_day(4), config=cfg)
    assert tail.period.dt.date.tolist() == [_day(4), _day(5)]
    assert tail.baseline.tolist() == full.baseline.tolist()[4:]


def test_dyads_rank_by_tension_or_activity(tmp_path: Path) -> None:
    items = [_report(i, 0, src="RUS", tgt="USA", intensity=-9.0, event_type="ASSAULT")
             for i in range(2)]
    items += [_report(10 + i, i, src="IND", tgt="PAK", intensity=-1.0) for i in range(3)]
    cfg = TensionConfig.from_dict(PLAIN)
    with _store(tmp_path, items) as store:
        by_tension = analysis.dyads(store, config=cfg)
        by_activity = analysis.dyads(store, order="activity", config=cfg)
        top1 = analysis.dyads(store, top=1, config=cfg)
    assert list(zip(by_tension.source, by_tension.target, strict=True)) == [
        ("RUS", "USA"), ("IND", "PAK")]
    assert list(by_activity.source) == ["IND", "RUS"]
    assert by_activity.incidents.tolist() == [3, 1]  # same-day reports are one incident
    assert len(top1) == 1


def _escalation(quiet_days: int = 10):
    """Quiet verbal friction, then three shellings on one day from three outlets."""
    items = [_report(i, i) for i in range(quiet_days)]
    for k, outlet in enumerate(["One", "Two", "Three"]):
        a = make_article(f"s{k}", f"shelling body {k} " * 10, source=outlet,
                         published=_day(quiet_days))
        items.append((a, [_ev(a.id, f"Russian artillery shelled the base, report {k}.",
                              date=_day(quiet_days), event_type="ASSAULT", source="RUS",
                              target="USA", intensity=-10.0, quad_class=4)]))
    return items


def test_alert_fires_on_the_break_with_its_evidence_and_stable_id(tmp_path: Path) -> None:
    cfg = TensionConfig.from_dict(PLAIN)
    with _store(tmp_path, _escalation()) as store:
        found = analysis.alerts(store, config=cfg)
        again = analysis.alerts(store, config=cfg)
    assert len(found) == 1
    a = found[0]
    assert (a.kind, a.source, a.target, a.start, a.end) == ("break", "RUS", "USA", _day(10),
                                                            _day(10))
    assert a.baseline == pytest.approx(2.0) and a.peak > 2.0 + 5.0
    assert a.rise == pytest.approx(a.peak - 2.0)
    assert a.peak_z == pytest.approx((a.peak - 2.0) / 1.0)  # flat baseline: sd floored at 1
    top = a.drivers[0]
    assert top.event_type == "ASSAULT" and top.sources == 3 and "shelled the base" in top.sentence
    assert top.article_id == "s0" and top.contribution == pytest.approx(a.peak)
    assert [x.alert_id for x in again] == [a.alert_id]
    assert a.to_json()["pair"] == "RUS-USA" and "BREAK RUS-USA" in a.summary()


def test_no_alert_without_a_break_and_level_alerts_when_set(tmp_path: Path) -> None:
    items = [_report(i, i) for i in range(10)]  # steady friction only
    with _store(tmp_path, items) as store:
        assert analysis.alerts(store, config=TensionConfig.from_dict(PLAIN)) == []
        lvl = TensionConfig.from_dict({**PLAIN, "alerts": {"level": 1.5}})
        found = analysis.alerts(store, config=lvl)
    assert len(found) == 1 and found[0].kind == "level"
    assert (found[0].start, found[0].end, found[0].periods) == (_day(0), _day(9), 10)


def test_consecutive_alerting_days_are_one_alert(tmp_path: Path) -> None:
    items = _escalation()
    for k in range(3):
        a = make_article(f"n{k}", f"next day body {k} " * 10, source=f"Next {k}",
                         published=_day(11))
        items.append((a, [_ev(a.id, f"Shelling of the airfield went on, report {k}.",
                              date=_day(11), event_type="ASSAULT", source="RUS", target="USA",
                              intensity=-10.0, quad_class=4)]))
    level_only = TensionConfig.from_dict({**PLAIN, "alerts": {"z": 100.0, "level": 8.0}})
    with _store(tmp_path, items) as store:
        found = analysis.alerts(store, config=level_only)
    assert len(found) == 1 and (found[0].start, found[0].end) == (_day(10), _day(11))
    assert found[0].periods == 2 and found[0].incidents == 2 and found[0].kind == "level"


def test_reported_alerts_are_remembered(tmp_path: Path) -> None:
    cfg = TensionConfig.from_dict(PLAIN)
    with _store(tmp_path, _escalation()) as store:
        found = analysis.alerts(store, config=cfg)
        assert analysis.unreported(store, found) == found
        assert analysis.mark_reported(store, found) == 1
        assert analysis.mark_reported(store, found) == 0
    with open_store(tmp_path / "t.duckdb") as store:  # a restart
        assert analysis.unreported(store, analysis.alerts(store, config=cfg)) == []


def test_unknown_actor_gets_a_suggestion_and_empty_store_a_message(tmp_path: Path) -> None:
    with _store(tmp_path, _escalation(3)) as store:
        with pytest.raises(InputError, match="did you mean RUS"):
            analysis.tension(store, "RUSS", "USA")
        assert not analysis.tension(store, "russia", "United States").empty  # names work
        with pytest.raises(InputError, match="this store has USA/GOV"):
            analysis.tension(store, "RUS/MIL", "USA/COP", by_sector=True)
        assert not analysis.tension(store, "RUS/MIL", "USA/GOV", by_sector=True).empty
    with open_store(tmp_path / "empty.duckdb") as empty:
        with pytest.raises(InputError, match="holds no events yet"):
            analysis.dyads(empty)


def test_bad_frequency_and_window_are_refused(tmp_path: Path) -> None:
    with _store(tmp_path, _escalation(3)) as store:
        with pytest.raises(InputError, match="frequency 'Q'"):
            analysis.tension(store, "RUS", "USA", freq="Q")
        with pytest.raises(InputError, match="after until"):
            analysis.dyads(store, since=_day(5), until=_day(1))


def test_actor_codes_resolve_names_codes_and_sectors() -> None:
    from wardrums.analysis import actor_codes

    assert actor_codes.resolve("Russia") == "RUS"
    assert actor_codes.resolve("rus") == "RUS"
    assert actor_codes.resolve("Moscow") == "RUS"  # capitals are metonyms in news
    assert actor_codes.resolve("NATO") == "NATO"
    assert actor_codes.resolve("ind/cop") == "IND/COP"
    with pytest.raises(InputError, match="did you mean PRK"):
        actor_codes.resolve("PRKK")
    with pytest.raises(InputError, match="give a sector after the slash"):
        actor_codes.resolve("IND/")
    with pytest.raises(InputError, match="empty"):
        actor_codes.resolve("  ")
    # a code only the store knows (an actor a user added) is accepted
    assert actor_codes.resolve("XKX", in_store={"XKX"}) == "XKX"


def test_a_quiet_day_after_cooperation_is_not_an_escalation(tmp_path: Path) -> None:
    # ten days of agreements (index -2 each), then silence: far above the baseline, but at 0
    items = [_report(i, i, intensity=4.0, event_type="AGREE") for i in range(10)]
    items.append(_report(99, 13, intensity=4.0, event_type="AGREE"))
    loose = TensionConfig.from_dict({**PLAIN, "alerts": {"z": 1.0, "min_rise": 1.0}})
    with _store(tmp_path, items) as store:
        series = analysis.tension(store, "RUS", "USA", config=loose)
        assert series.z.max() >= 1.0  # the quiet days do break from the baseline ...
        assert analysis.alerts(store, config=loose) == []  # ... but nothing escalated


def test_history_recalled_in_the_news_is_not_counted(tmp_path: Path) -> None:
    old = make_article("h", "history body " * 10, source="Archive", published=_day(400))
    items = [(old, [_ev("h", "The two armies clashed on the border in those days.",
                        date=_day(0), event_type="ASSAULT", source="RUS", target="USA",
                        intensity=-10.0)]), _report(1, 399), _report(2, 400)]
    with _store(tmp_path, items) as store:
        s = analysis.tension(store, "RUS", "USA", config=TensionConfig.from_dict(PLAIN))
        inc = analysis.incidents(store)
        everything = analysis.tension(store, "RUS", "USA", config=TensionConfig.from_dict(
            {**PLAIN, "weights": {"corroboration_bonus": 0.0, "history_days": None}}))
    assert s.period.min().date() == _day(399)  # the clash of 400 days ago is history
    assert sorted(inc.report_lag.tolist()) == [0, 400]  # the two recent reports merged
    assert everything.period.min().date() == _day(0)
    assert everything["conflict"].sum() == pytest.approx(s["conflict"].sum() + 10.0)
