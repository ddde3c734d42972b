"""Charts of one pair's tension series with its incidents marked: a PNG for reports, and one
self-contained HTML file (inline SVG, no scripts, nothing fetched) whose markers carry evidence.

Sentences, titles and codes come from news, so they are untrusted: every string is stripped of
control and bidi characters and HTML-escaped before it reaches markup. Hover text uses SVG
``<title>`` elements, which need no JavaScript, so the SVG can be served under a CSP that
forbids scripts.
"""

from __future__ import annotations

import hashlib
import html
import io
import math
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

SERIES_COLUMNS = ("period", "source", "target", "index", "smoothed", "baseline", "baseline_sd")
INCIDENT_COLUMNS = ("date", "event_type", "modality", "score", "sources", "sentence")
MAX_MARKERS = 200  # past this a chart is unreadable and the HTML grows without bound
MAX_TEXT = 400  # characters of news text shown per incident

#: Okabe-Ito colours, told apart with the common colour-vision deficiencies.
MODALITY_COLORS = {
    "asserted": "#D55E00",
    "alleged": "#E69F00",
    "predicted": "#0072B2",
    "hypothetical": "#CC79A7",
}
OTHER_COLOR = "#666666"
LINE, RAW, BASE, BAND, ALERT = "#1A1A1A", "#C4C4C4", "#555555", "#DCE6F0", "#FBE1D0"

# C0/C1 controls, bidi embeddings, overrides, isolates and marks, lone surrogates and the two
# non-characters XML refuses: each can hide or reorder what a reader sees, or break the file.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]"
)
_SPACE = re.compile(r"\s+")


def clean_text(value: object, limit: int = MAX_TEXT) -> str:
    """Untrusted text as one safe display line: no controls or bidi tricks, cut at ``limit``."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    text = _SPACE.sub(" ", _UNSAFE.sub("", str(value))).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _esc(value: object, limit: int = MAX_TEXT) -> str:
    return html.escape(clean_text(value, limit), quote=True)


@dataclass(frozen=True)
class _Chart:
    """Checked, sorted inputs shared by the PNG and SVG renderers."""

    series: pd.DataFrame  # plus a boolean `alert` and a float `level` (smoothed, else index)
    marks: pd.DataFrame  # incidents to draw, by date, plus `y`
    pair: str
    step: pd.Timedelta  # typical period length, to size bars and alert bands
    over_cap: int
    undated: int


def _require(frame: object, columns: tuple[str, ...], what: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"the {what} must be a pandas DataFrame, not {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"the {what} frame lacks column(s) {', '.join(missing)} "
                         f"(it needs {', '.join(columns)})")


def _dates(values: pd.Series) -> pd.Series:
    # Compare everything as naive UTC so tz-aware periods and naive incident dates mix.
    out = pd.to_datetime(values)
    return out.dt.tz_convert(None) if out.dt.tz is not None else out


def _floats(frame: pd.DataFrame, column: str, what: str) -> pd.Series:
    try:
        return frame[column].astype(float)
    except (TypeError, ValueError) as err:
        raise ValueError(f"column {column!r} of the {what} frame must be numeric ({err})") from None


def _prepare(series: pd.DataFrame, incidents: pd.DataFrame | None, title: str,
             max_markers: int) -> _Chart:
    if isinstance(series, pd.DataFrame) and series.empty:
        raise ValueError(f"no periods to plot for {clean_text(title)!r}: the series frame is empty")
    _require(series, SERIES_COLUMNS, "series")
    if max_markers < 0:
        raise ValueError(f"max_markers must be 0 or more, not {max_markers}")
    s = series.copy()
    s["period"] = _dates(s["period"])
    if s["period"].isna().any():
        raise ValueError("the series frame has rows without a period")
    for col in ("index", "smoothed", "baseline", "baseline_sd"):
        s[col] = _floats(s, col, "series")
    pairs = (s["source"].map(clean_text) + "-" + s["target"].map(clean_text)).unique()
    if len(pairs) > 1:
        raise ValueError(f"the series frame holds {len(pairs)} pairs ({', '.join(pairs[:3])}); "
                         "plot one pair at a time")
    pair = pairs[0]
    s = s.sort_values("period", kind="stable").reset_index(drop=True)
    if s["period"].duplicated().any():
        raise ValueError(f"the series for {pair} has more than one row per period")
    s["alert"] = s["alert"].eq(True) if "alert" in s else False  # None/NaN: no alert
    s["level"] = s["smoothed"].fillna(s["index"]).fillna(0.0)
    gaps = s["period"].diff().dropna()
    step = gaps.median() if len(gaps) else pd.Timedelta(days=1)

    if incidents is None or len(incidents) == 0:
        marks = pd.DataFrame({c: [] for c in (*INCIDENT_COLUMNS, "y")})
        return _Chart(s, marks, pair, step, 0, 0)
    m = incidents.copy()
    if "sources" not in m and "n_sources" in m:  # the name tension.incidents_for_pair uses
        m["sources"] = m["n_sources"]
    _require(m, INCIDENT_COLUMNS, "incidents")
    m["date"] = _dates(m["date"])
    undated = int(m["date"].isna().sum())
    m = m[m["date"].notna()]
    m["score"] = _floats(m, "score", "incidents").fillna(0.0)
    m["sources"] = _floats(m, "sources", "incidents")
    dated = len(m)
    if dated > max_markers:
        keep = m["score"].abs().sort_values(ascending=False, kind="stable").index[:max_markers]
        m = m.loc[keep]
    m = m.sort_values("date", kind="stable").reset_index(drop=True)
    # Each incident sits on the level of the last period that starts on or before its date.
    pos = np.searchsorted(s["period"].to_numpy(), m["date"].to_numpy(), side="right") - 1
    m["y"] = s["level"].to_numpy()[np.clip(pos, 0, len(s) - 1)]
    return _Chart(s, m, pair, step, dated - len(m), undated)


def _summary(c: _Chart) -> str:
    """One plain-text paragraph for screen readers and the page: range, latest value, marks."""
    s = c.series
    first, last = s["period"].iloc[0], s["period"].iloc[-1]
    n = len(s)
    text = (f"Tension index for {c.pair} over {n} period{'s' * (n != 1)} "
            f"from {first:%Y-%m-%d} to {last:%Y-%m-%d}.")
    smooth = s["smoothed"].dropna()
    if len(smooth):
        text += (f" The smoothed index ranges from {smooth.min():.2f} to {smooth.max():.2f};"
                 f" the latest value is {smooth.iloc[-1]:.2f}")
        base = s["baseline"].iloc[-1]
        text += f" against a baseline of {base:.2f}." if pd.notna(base) else "."
    alerts = int(s["alert"].sum())
    if alerts:
        text += f" {alerts} period{'s are' if alerts != 1 else ' is'} flagged as alerts."
    k = len(c.marks)
    text += (f" {k} incident{'s' * (k != 1)} marked;"
             " filled markers add tension, hollow ones reduce it.")
    return text + _left_out(c)


def _left_out(c: _Chart) -> str:
    parts = []
    if c.over_cap:
        parts.append(f"{c.over_cap} incident{'s' * (c.over_cap != 1)} with smaller |score| "
                     "left out")
    if c.undated:
        parts.append(f"{c.undated} incident{'s' * (c.undated != 1)} without a date left out")
    return (" " + "; ".join(parts) + ".") if parts else ""


def _color(modality: object) -> str:
    return MODALITY_COLORS.get(str(modality), OTHER_COLOR)


def _evidence(row: pd.Series) -> str:
    """Hover text for one marker, unescaped: date, type, modality, sources, score, sentence."""
    n = int(row["sources"]) if pd.notna(row["sources"]) else None
    src = "sources unknown" if n is None else f"{n} source{'s' * (n != 1)}"
    head = (f"{row['date']:%Y-%m-%d} {clean_text(row['event_type'], 40)} "
            f"({clean_text(row['modality'], 20)}, {src}, score {row['score']:+.2f})")
    tail = clean_text(row.get("title"), 160)
    return f"{head}: {clean_text(row['sentence'])}" + (f" [{tail}]" if tail else "")


# --- PNG ---------------------------------------------------------------------------------------


def plot_png(series: pd.DataFrame, incidents: pd.DataFrame, path: str | Path, *, title: str,
             width: int = 1000, height: int = 450, dpi: int = 100,
             max_markers: int = MAX_MARKERS) -> Path:
    """Draw the pair's series and incidents to a PNG of ``width`` x ``height`` pixels."""
    c = _prepare(series, incidents, title, max_markers)
    # A Figure with its own Agg canvas, never pyplot: no global state, safe across threads,
    # and the web path (render_svg) never pays for importing matplotlib.
    import matplotlib.dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    s = c.series
    xs = mdates.date2num(s["period"].to_numpy())
    days = c.step / pd.Timedelta(days=1)
    for i, x in enumerate(xs[s["alert"].to_numpy()]):
        ax.axvspan(x, x + days, color=ALERT, lw=0, zorder=0, label="alert" if i == 0 else None)
    ax.bar(xs, s["index"].fillna(0.0), width=days * 0.7, color=RAW, alpha=0.7, label="raw index",
           zorder=1)
    lo, hi = s["baseline"] - 2 * s["baseline_sd"], s["baseline"] + 2 * s["baseline_sd"]
    if (lo.notna() & hi.notna()).any():
        ax.fill_between(xs, lo, hi, where=(lo.notna() & hi.notna()).to_numpy(), color=BAND,
                        lw=0, zorder=0.8, label="baseline ± 2 sd")
    ax.plot(xs, s["baseline"], ls="--", lw=1.2, color=BASE, label="baseline", zorder=2)
    ax.plot(xs, s["smoothed"], lw=2, color=LINE, label="smoothed index", zorder=3,
            marker="o" if len(s) == 1 else None)
    m = c.marks
    if len(m):
        mx = mdates.date2num(m["date"].to_numpy())
        known = m["modality"].astype(str).where(m["modality"].isin(list(MODALITY_COLORS)), "other")
        for mod in [*MODALITY_COLORS, "other"]:
            sel = (known == mod).to_numpy()
            if not sel.any():
                continue
            color = _color(mod)
            face = [color if v > 0 else "white" for v in m["score"][sel]]
            size = 20 + 12 * np.clip(m["sources"][sel].fillna(1).to_numpy() - 1, 0, 4)
            ax.scatter(mx[sel], m["y"][sel], s=size, facecolors=face, edgecolors=color,
                       linewidths=1.3, zorder=5, label=mod)
    ax.axhline(0, color="#999999", lw=0.6, zorder=1)
    shown = np.concatenate([xs, mdates.date2num(m["date"].to_numpy())]) if len(m) else xs
    pad = max(days / 2, 0.5)
    ax.set_xlim(shown.min() - pad, shown.max() + pad)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("period start")
    ax.set_ylabel("tension index")
    ax.set_title(clean_text(title, 200), parse_math=False)  # a "$" in news must not be TeX
    ax.grid(axis="y", color="#E6E6E6", lw=0.8)
    ax.set_axisbelow(True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return _write(Path(path), buf.getvalue())


def _write(path: Path, data: bytes) -> Path:
    """Write whole or not at all, so a crash never leaves half a chart behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")  # unique per thread too
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


# --- SVG and HTML ------------------------------------------------------------------------------


def _nice_step(span: float, n: int = 5) -> float:
    raw = span / n
    mag = 10 ** math.floor(math.log10(raw))
    return next(k * mag for k in (1, 2, 2.5, 5, 10) if raw <= k * mag)


def _num(v: float) -> str:
    return f"{v:.1f}"


def _runs(ys: pd.Series) -> list[list[int]]:
    """Positions of consecutive finite values, so a NaN gap breaks a line, not bridges it."""
    runs: list[list[int]] = [[]]
    for i, y in enumerate(ys.to_numpy(dtype=float)):
        if math.isfinite(y):
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _line(run: list[tuple[float, float]], attrs: str) -> str:
    if len(run) == 1:  # a lone point would be invisible as a polyline
        (x, y), = run
        return (f'<line x1="{_num(x - 4)}" y1="{_num(y)}" x2="{_num(x + 4)}" y2="{_num(y)}" '
                f'{attrs}/>')
    pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in run)
    return f'<polyline points="{pts}" fill="none" {attrs}/>'


def render_svg(series: pd.DataFrame, incidents: pd.DataFrame | None, *, title: str,
               width: int = 900, height: int = 320, max_markers: int = MAX_MARKERS) -> str:
    """The chart as one inline ``<svg>`` with hover evidence in ``<title>``s and no scripts."""
    if width < 300 or height < 160:
        raise ValueError(f"an SVG chart needs at least 300x160 pixels, not {width}x{height}")
    return _svg(_prepare(series, incidents, title, max_markers), title, width, height)


def _svg(c: _Chart, title: str, width: int, height: int) -> str:
    s, m = c.series, c.marks
    uid = "wd-" + hashlib.blake2s(f"{title}|{c.pair}|{len(s)}|{len(m)}".encode(
        "utf-8", "replace"), digest_size=4).hexdigest()
    legend, top = _legend(c, width)
    left, right, bottom = 60, 16, 46
    pw, ph = width - left - right, height - top - bottom
    # x: time in days from the first date shown, padded half a period each side for the bars.
    days = c.step / pd.Timedelta(days=1)
    when = pd.concat([s["period"], m["date"].astype("datetime64[ns]")])
    t0 = when.min() - c.step / 2
    span = max((when.max() + c.step / 2 - t0) / pd.Timedelta(days=1), 1.0)

    def sx(t: pd.Timestamp) -> float:
        return left + pw * ((t - t0) / pd.Timedelta(days=1)) / span

    band_lo = s["baseline"] - 2 * s["baseline_sd"]
    band_hi = s["baseline"] + 2 * s["baseline_sd"]
    values = pd.concat([s["index"], s["smoothed"], s["baseline"], band_lo, band_hi, m["y"],
                        pd.Series([0.0])]).astype(float)
    values = values[np.isfinite(values)]
    lo, hi = float(values.min()), float(values.max())
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    ystep = _nice_step(hi - lo)
    lo, hi = math.floor(lo / ystep) * ystep, math.ceil(hi / ystep) * ystep

    def sy(v: float) -> float:
        return top + ph * (hi - v) / (hi - lo)

    px = np.array([sx(t) for t in s["period"]])
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
           f'aria-labelledby="{uid}-title {uid}-desc" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" font-family="sans-serif" font-size="12" '
           f'class="wardrums-chart">',
           f'<title id="{uid}-title">{_esc(title, 200)}</title>',
           f'<desc id="{uid}-desc">{html.escape(_summary(c), quote=True)}</desc>',
           f'<rect x="0" y="0" width="{width}" height="{height}" fill="#FFFFFF"/>']
    for x, row in zip(px, s.itertuples(index=False), strict=True):
        if row.alert:
            w = pw * days / span
            out.append(f'<rect class="alert" x="{_num(x)}" y="{top}" width="{_num(w)}" '
                       f'height="{ph}" fill="{ALERT}"><title>alert: period starting '
                       f'{row.period:%Y-%m-%d}</title></rect>')
    # Horizontal grid and y tick labels.
    v = lo
    while v <= hi + ystep / 2:
        y = sy(v)
        out.append(f'<line x1="{left}" y1="{_num(y)}" x2="{left + pw}" y2="{_num(y)}" '
                   f'stroke="{"#9A9A9A" if abs(v) < ystep / 2 else "#E6E6E6"}" stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{_num(y + 4)}" text-anchor="end" fill="#333333">'
                   f'{round(v, 10) + 0.0:g}</text>')
        v += ystep
    for run in _runs(band_lo + band_hi):
        upper = [(px[i], sy(band_hi.iloc[i])) for i in run]
        lower = [(px[i], sy(band_lo.iloc[i])) for i in reversed(run)]
        if len(run) == 1:  # one point: a short vertical bar shows the band's height
            upper = [(upper[0][0] - 2, upper[0][1]), (upper[0][0] + 2, upper[0][1])]
            lower = [(lower[0][0] + 2, lower[0][1]), (lower[0][0] - 2, lower[0][1])]
        pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in upper + lower)
        out.append(f'<polygon class="band" points="{pts}" fill="{BAND}"/>')
    bar_w = min(max(pw * days / span * 0.7, 1.0), 40.0)
    zero = sy(min(max(0.0, lo), hi))
    for x, val in zip(px, s["index"], strict=True):
        if math.isfinite(val):
            y = sy(val)
            out.append(f'<rect class="raw" x="{_num(x - bar_w / 2)}" y="{_num(min(y, zero))}" '
                       f'width="{_num(bar_w)}" height="{_num(abs(zero - y))}" fill="{RAW}" '
                       'fill-opacity="0.7"/>')
    for run in _runs(s["baseline"]):
        out.append(_line([(px[i], sy(s["baseline"].iloc[i])) for i in run],
                         f'class="baseline" stroke="{BASE}" stroke-width="1.2" '
                         'stroke-dasharray="5 4"'))
    for run in _runs(s["smoothed"]):
        out.append(_line([(px[i], sy(s["smoothed"].iloc[i])) for i in run],
                         f'class="smoothed" stroke="{LINE}" stroke-width="2"'))
    # Axes and labels.
    out.append(f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" '
               'stroke="#333333" stroke-width="1"/>')
    ticks = np.unique(np.linspace(0, len(s) - 1, min(len(s), max(2, pw // 110))).round())
    for i in ticks.astype(int):
        x = px[i]
        out.append(f'<line x1="{_num(x)}" y1="{top + ph}" x2="{_num(x)}" y2="{top + ph + 4}" '
                   'stroke="#333333"/>')
        out.append(f'<text x="{_num(x)}" y="{top + ph + 17}" text-anchor="middle" '
                   f'fill="#333333">{s["period"].iloc[i]:%Y-%m-%d}</text>')
    out.append(f'<text x="{left + pw / 2}" y="{height - 6}" text-anchor="middle" '
               'fill="#1A1A1A">period start</text>')
    out.append(f'<text transform="translate(14 {_num(top + ph / 2)}) rotate(-90)" '
               'text-anchor="middle" fill="#1A1A1A">tension index</text>')
    # Incidents last, biggest on top so the strongest evidence is easiest to hover.
    order = m["score"].abs().sort_values(kind="stable").index if len(m) else []
    for i in order:
        row = m.loc[i]
        color = _color(row["modality"])
        r = 4 + min(max((row["sources"] if pd.notna(row["sources"]) else 1) - 1, 0), 4)
        fill = color if row["score"] > 0 else "#FFFFFF"
        out.append(f'<circle class="incident" cx="{_num(sx(row["date"]))}" '
                   f'cy="{_num(sy(row["y"]))}" r="{r:g}" fill="{fill}" stroke="{color}" '
                   'stroke-width="1.6">'
                   f'<title>{html.escape(_evidence(row), quote=True)}</title></circle>')
    out.extend(legend)
    out.append("</svg>")
    return "\n".join(out)


def _legend(c: _Chart, width: int) -> tuple[list[str], int]:
    """Legend swatches in rows across the top; returns the markup and the plot's top margin.

    Modality swatches are rounded rects, not circles, so every ``<circle>`` is an incident.
    """
    items = [("smoothed index", f'<line x1="0" y1="0" x2="14" y2="0" stroke="{LINE}" '
                                'stroke-width="2"/>'),
             ("raw index", f'<rect x="3" y="-5" width="8" height="10" fill="{RAW}"/>'),
             ("baseline", f'<line x1="0" y1="0" x2="14" y2="0" stroke="{BASE}" '
                          'stroke-dasharray="4 3"/>'),
             ("baseline ± 2 sd", f'<rect x="0" y="-5" width="14" height="10" fill="{BAND}"/>')]
    if c.series["alert"].any():
        items.append(("alert", f'<rect x="0" y="-5" width="14" height="10" fill="{ALERT}"/>'))
    present = set(c.marks["modality"].astype(str))
    for mod, color in MODALITY_COLORS.items():
        if mod in present:
            items.append((mod, f'<rect x="2" y="-5" width="10" height="10" rx="5" '
                               f'fill="{color}"/>'))
    if present - set(MODALITY_COLORS):
        items.append(("other", f'<rect x="2" y="-5" width="10" height="10" rx="5" '
                               f'fill="{OTHER_COLOR}"/>'))
    out, x, y = ['<g class="legend">'], 60, 14
    for label, swatch in items:
        w = 20 + 7 * len(label) + 14  # a rough text width; system fonts vary
        if x + w > width and x > 60:
            x, y = 60, y + 18
        out.append(f'<g transform="translate({x} {y})">{swatch}'
                   f'<text x="20" y="4" fill="#1A1A1A">{html.escape(label)}</text></g>')
        x += w
    out.append("</g>")
    return out, y + 16


_CSS = """
body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:1.5rem;line-height:1.4}
main{max-width:960px}
h1{font-size:1.4rem;margin:0 0 .5rem}
figure{margin:1rem 0}
svg{max-width:100%;height:auto}
.note{color:#5c3a00}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.4rem 0}
th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.src{color:#444;font-size:.85em}
"""


def render_html(series: pd.DataFrame, incidents: pd.DataFrame | None, *, title: str,
                max_markers: int = MAX_MARKERS) -> str:
    """The whole page as a string: heading, summary, chart and the incidents table."""
    c = _prepare(series, incidents, title, max_markers)
    rows = []
    for _, r in c.marks.iterrows():
        sources = f"{int(r['sources'])}" if pd.notna(r["sources"]) else "?"
        ref = " ".join(p for p in (_esc(r.get("title"), 160), _esc(r.get("article_id"), 80)) if p)
        rows.append(
            f'<tr><td>{r["date"]:%Y-%m-%d}</td><td>{_esc(r["event_type"], 40)}</td>'
            f'<td>{_esc(r["modality"], 20)}</td><td class="num">{sources}</td>'
            f'<td class="num">{r["score"]:+.2f}</td><td>{_esc(r["sentence"])}'
            + (f'<br><span class="src">{ref}</span>' if ref else "") + "</td></tr>")
    left_out = _left_out(c)
    if rows:
        head = "".join(f'<th scope="col">{h}</th>' for h in
                       ("Date", "Type", "Modality", "Sources", "Score", "Evidence"))
        table = (f"<table><caption>Incidents marked on the chart ({len(rows)})</caption>"
                 f"<thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows)
                 + "\n</tbody></table>")
    else:
        table = "<p>No incidents to mark in this series.</p>"
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # Defence in depth: even if something slipped past escaping, nothing runs or loads.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title, 200)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body><main>",
        f"<h1>{_esc(title, 200)}</h1>",
        f"<p>{html.escape(_summary(c), quote=True)}</p>",
        f"<figure>{_svg(c, title, 900, 320)}<figcaption>Hover a marker to read its evidence. "
        "Marker colour shows modality, size the number of independent sources.</figcaption>"
        "</figure>",
        f'<p class="note">{html.escape(left_out.strip())}</p>' if left_out else "",
        table,
        "</main></body>",
        "</html>",
        "",
    ])


def plot_html(series: pd.DataFrame, incidents: pd.DataFrame, path: str | Path, *, title: str,
              max_markers: int = MAX_MARKERS) -> Path:
    """Write :func:`render_html` to ``path``: one file that opens offline and runs no scripts."""
    page = render_html(series, incidents, title=title, max_markers=max_markers)
    return _write(Path(path), page.encode("utf-8"))
