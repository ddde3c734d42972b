"""Tension charts: a real PNG of the asked size, and an HTML page that is self-contained, parses,
marks each incident with its evidence, and never lets news text become markup."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from wardrums.analysis.plots import (
    MAX_MARKERS,
    clean_text,
    plot_html,
    plot_png,
    render_svg,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HOSTILE = ('<script>alert(1)</script> " onmouseover="x" \' onfocus=\'y\' '
           '<a href="javascript:alert(1)">click</a>')
VOID = {"meta", "br", "img", "input", "link", "hr", "col", "area", "base", "wbr", "source"}


def make_series(n: int = 12, *, start: str = "2024-01-01", freq: str = "W-MON",
                source: str = "RUS", target: str = "USA") -> pd.DataFrame:
    rng = np.random.default_rng(7)
    index = rng.gamma(2.0, 1.0, n)
    smoothed = pd.Series(index).rolling(3, min_periods=1).mean()
    baseline = smoothed.rolling(4).mean().shift(1)  # NaN for the first periods, as upstream
    sd = smoothed.rolling(4).std().shift(1)
    return pd.DataFrame({
        "period": pd.date_range(start, periods=n, freq=freq),
        "source": source, "target": target,
        "incidents": rng.integers(0, 5, n), "events": rng.integers(0, 9, n),
        "conflict": index, "cooperation": 0.2, "warning_talk": 0.1,
        "index": index, "smoothed": smoothed, "baseline": baseline, "baseline_sd": sd,
        "z": (smoothed - baseline) / sd,
    })


def make_incidents(series: pd.DataFrame, k: int, *, sentence: str = "Shells hit the port.",
                   scores: list[float] | None = None) -> pd.DataFrame:
    mods = ["asserted", "alleged", "predicted", "hypothetical"]
    periods = series["period"].to_numpy()
    return pd.DataFrame({
        "incident_id": [f"inc-{i}" for i in range(k)],
        "date": [pd.Timestamp(periods[i % len(periods)]) + pd.Timedelta(days=1)
                 for i in range(k)],
        "event_type": "ASSAULT",
        "modality": [mods[i % 4] for i in range(k)],
        "score": scores if scores is not None else [1.0 + i for i in range(k)],
        "sources": [1 + i % 3 for i in range(k)],
        "sentence": [f"{sentence} #{i}" for i in range(k)],
        "article_id": [f"art-{i}" for i in range(k)],
        "title": [None if i % 2 else f"Report {i}" for i in range(k)],
    })


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find_all(self, tag: str) -> list[Node]:
        return [n for n in self.walk() if n.tag == tag]

    def all_text(self) -> str:
        return self.text + "".join(c.all_text() for c in self.children)


class TreeBuilder(HTMLParser):
    """A strict little tree: every end tag must close the element opened last."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].text += data


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def write_html(tmp_path: Path, series, incidents, title="RUS-USA weekly", **kw) -> tuple[str, Node]:
    out = plot_html(series, incidents, tmp_path / "out" / "chart.html", title=title, **kw)
    page = out.read_text(encoding="utf-8")
    return page, parse(page)


# --- PNG ---------------------------------------------------------------------------------------


def test_png_is_written_with_signature_and_pixel_size(tmp_path: Path):
    from PIL import Image

    series = make_series()
    target = tmp_path / "deep" / "er" / "chart.png"
    out = plot_png(series, make_incidents(series, 6), target, title="RUS-USA", width=800,
                   height=360)
    assert out == target
    assert target.read_bytes()[:8] == PNG_SIGNATURE
    with Image.open(target) as img:
        assert img.size == (800, 360)
        colors = img.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colors is not None and len(colors) > 20  # something was drawn, not a blank canvas
    assert not list(target.parent.glob(".*.tmp")), "no temporary file left behind"


def test_png_default_size_single_period_and_nan_baselines(tmp_path: Path):
    from PIL import Image

    series = make_series(1)
    assert series["baseline"].isna().all()
    out = plot_png(series, make_incidents(series, 2), tmp_path / "one.png", title="one $x$ period")
    with Image.open(out) as img:
        assert img.size == (1000, 450)


def test_png_with_empty_incidents_and_alerts(tmp_path: Path):
    series = make_series(8).assign(alert=[False] * 6 + [True, None])
    out = plot_png(series, pd.DataFrame(), tmp_path / "a.png", title="alerts")
    assert out.read_bytes()[:8] == PNG_SIGNATURE


def test_png_never_touches_pyplot(tmp_path: Path):
    # pyplot's global figure manager is what makes matplotlib unsafe across threads.
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_analysis_plots import make_series, make_incidents
        from wardrums.analysis.plots import plot_png
        s = make_series()
        plot_png(s, make_incidents(s, 3), {str(tmp_path / "p.png")!r}, title="t")
        assert "matplotlib.pyplot" not in sys.modules, "pyplot was imported"
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# --- HTML --------------------------------------------------------------------------------------


def test_html_has_one_svg_and_one_marker_per_incident_with_its_evidence(tmp_path: Path):
    series = make_series()
    incidents = make_incidents(series, 7)
    _, root = write_html(tmp_path, series, incidents)
    svgs = root.find_all("svg")
    assert len(svgs) == 1
    circles = svgs[0].find_all("circle")
    assert len(circles) == 7
    tips = []
    for circle in circles:
        titles = [c for c in circle.children if c.tag == "title"]
        assert len(titles) == 1
        tips.append(titles[0].text)
    for sentence in incidents["sentence"]:
        assert sum(sentence in tip for tip in tips) == 1
    assert any("Report 0" in tip for tip in tips)  # the article title rides along


def test_html_accessibility_basics(tmp_path: Path):
    series = make_series()
    _, root = write_html(tmp_path, series, make_incidents(series, 3))
    assert root.find_all("html")[0].attrs["lang"] == "en"
    svg = root.find_all("svg")[0]
    assert svg.attrs["role"] == "img"
    ids = svg.attrs["aria-labelledby"].split()
    by_id = {n.attrs.get("id"): n for n in svg.walk()}
    assert [by_id[i].tag for i in ids] == ["title", "desc"]
    assert "RUS-USA" in by_id[ids[1]].text and "12 periods" in by_id[ids[1]].text
    table = root.find_all("table")[0]
    assert table.find_all("caption")
    headers = table.find_all("th")
    assert [h.text for h in headers] == ["Date", "Type", "Modality", "Sources", "Score",
                                         "Evidence"]
    assert all(h.attrs.get("scope") == "col" for h in headers)
    assert len(table.find_all("tbody")[0].find_all("tr")) == 3


def test_html_is_self_contained(tmp_path: Path):
    series = make_series()
    page, root = write_html(tmp_path, series, make_incidents(series, 5))
    banned_tags = {"script", "link", "iframe", "img", "object", "embed", "image", "use", "a"}
    for node in root.walk():
        assert node.tag not in banned_tags
        for name in node.attrs:
            assert name not in {"src", "href", "xlink:href", "srcset", "action", "data"}
            assert not name.startswith("on")
    assert "url(" not in page and "@import" not in page and "@font-face" not in page
    # The only URL is the SVG namespace name, which is never fetched.
    assert re.findall(r"https?://[^\s\"'<>]+", page) == ["http://www.w3.org/2000/svg"]


def test_hostile_text_is_escaped_everywhere(tmp_path: Path):
    series = make_series(source='"><script>alert(3)</script>', target="USA")
    incidents = make_incidents(series, 2, sentence=HOSTILE)
    incidents["title"] = "<img src=x onerror=alert(2)>"
    incidents["article_id"] = "javascript:alert(4)"
    incidents["event_type"] = "<b>ASSAULT</b>"
    page, root = write_html(tmp_path, series, incidents, title="<script>alert(5)</script>")
    assert "<script" not in page.lower()
    # A quote that could close an attribute never precedes an event handler.
    assert re.search(r"[\"']\s*on\w+\s*=", page) is None
    for node in root.walk():
        assert node.tag not in {"script", "img", "a", "b"}
        assert not any(name.startswith("on") for name in node.attrs)
        assert not any("javascript:" in (v or "") for v in node.attrs.values())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot; onmouseover=&quot;x&quot;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    # What a reader sees (after the parser unescapes) is the original text, intact.
    tip = root.find_all("circle")[0].children[0].text
    assert HOSTILE in tip and "<b>ASSAULT</b>" in tip
    assert root.find_all("h1")[0].text == "<script>alert(5)</script>"


def test_control_and_bidi_characters_are_removed(tmp_path: Path):
    series = make_series()
    nasty = "Troops\u202e fired\x00 on\x1b[31m the\u2066 port\u2069\u200f\r\nat dawn"
    incidents = make_incidents(series, 1, sentence=nasty)
    page, root = write_html(tmp_path, series, incidents, title="bidi\u202dtitle")
    assert re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]", page) is None
    assert "Troops fired on[31m the port at dawn #0" in root.find_all("circle")[0].all_text()
    assert clean_text("a\u202eb\tc\n\nd") == "ab c d"
    assert clean_text(None) == "" and clean_text(float("nan")) == ""
    assert clean_text("x" * 1000, limit=10) == "x" * 9 + "…"


def test_svg_is_well_formed_xml_even_with_hostile_text():
    # The dashboard may serve the SVG on its own as image/svg+xml, which is parsed as XML.
    series = make_series(5)
    svg = render_svg(series, make_incidents(series, 4, sentence=HOSTILE + " & \x0b"),
                     title="A & B <c>")
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(root.findall("{http://www.w3.org/2000/svg}circle")) == 4
    assert root.get("viewBox") == "0 0 900 320"
    assert "nan" not in svg.lower()  # NaN baselines leave gaps, never NaN coordinates


def test_marker_cap_keeps_the_largest_scores_and_says_how_many_were_left_out(tmp_path: Path):
    series = make_series(30, freq="D")
    k = MAX_MARKERS + 25
    scores = [(-1) ** i * (i + 1) for i in range(k)]  # big negative scores count as large too
    incidents = make_incidents(series, k, scores=scores)
    page, root = write_html(tmp_path, series, incidents)
    tips = [c.children[0].text for c in root.find_all("circle")]
    assert len(tips) == MAX_MARKERS
    assert any(f"#{k - 1}" in t for t in tips)  # |score| 225, negative
    assert not any(t.endswith(" #0") for t in tips)  # |score| 1, dropped
    assert "25 incidents with smaller |score| left out" in page
    assert len(root.find_all("tbody")[0].find_all("tr")) == MAX_MARKERS


def test_marker_cap_is_adjustable_and_undated_incidents_are_reported():
    series = make_series()
    incidents = make_incidents(series, 6)
    incidents.loc[0, "date"] = pd.NaT
    svg = render_svg(series, incidents, title="t", max_markers=3)
    assert svg.count("<circle") == 3
    assert "2 incidents with smaller |score| left out" in svg
    assert "1 incident without a date left out" in svg


def test_alert_periods_are_shaded():
    series = make_series(10).assign(alert=[False] * 7 + [True, False, True])
    svg = render_svg(series, None, title="t")
    assert svg.count('class="alert"') == 2
    assert "2 periods are flagged as alerts" in svg
    assert 'class="alert"' not in render_svg(make_series(10), None, title="t")


def test_timezone_aware_periods_mix_with_naive_incident_dates():
    series = make_series(6)
    series["period"] = series["period"].dt.tz_localize("UTC")
    svg = render_svg(series, make_incidents(make_series(6), 3), title="tz")
    assert svg.count("<circle") == 3


def test_incidents_as_the_store_returns_them():
    # DuckDB hands back DATE columns as datetime.date objects and the count as n_sources.
    series = make_series(6)
    incidents = make_incidents(series, 3).rename(columns={"sources": "n_sources"})
    incidents["date"] = [d.date() for d in incidents["date"]]
    incidents.loc[1, "n_sources"] = 4
    svg = render_svg(series, incidents, title="t")
    assert svg.count("<circle") == 3
    assert "4 sources" in svg


# --- Bad input ---------------------------------------------------------------------------------


def test_empty_series_is_refused_before_anything_is_written(tmp_path: Path):
    empty = make_series().iloc[0:0]
    for call in (lambda: plot_png(empty, pd.DataFrame(), tmp_path / "e.png", title="RUS-USA"),
                 lambda: plot_html(empty, pd.DataFrame(), tmp_path / "e.html", title="RUS-USA"),
                 lambda: render_svg(pd.DataFrame(), None, title="RUS-USA")):
        with pytest.raises(ValueError, match="no periods to plot for 'RUS-USA'"):
            call()
    assert list(tmp_path.iterdir()) == []


def test_missing_columns_are_named(tmp_path: Path):
    series = make_series()
    with pytest.raises(ValueError, match="series frame lacks column.* smoothed"):
        plot_html(series.drop(columns=["smoothed"]), None, tmp_path / "x.html", title="t")
    with pytest.raises(ValueError, match="incidents frame lacks column.* sentence"):
        plot_png(series, make_incidents(series, 2).drop(columns=["sentence"]),
                 tmp_path / "x.png", title="t")
    assert not (tmp_path / "x.png").exists()


def test_more_than_one_pair_is_refused():
    both = pd.concat([make_series(3), make_series(3, source="CHN")])
    with pytest.raises(ValueError, match="2 pairs"):
        render_svg(both, None, title="t")
