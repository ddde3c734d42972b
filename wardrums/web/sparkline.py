"""A pair's recent tension as a tiny inline SVG line, drawn on the server (no scripts)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

from wardrums.web.markup import visible

LINE = "#1A1A1A"
ZERO = "#9A9A9A"
LAST = "#D55E00"


def _finite(values: Sequence[float | None]) -> list[float]:
    return [float(v) if v is not None and math.isfinite(float(v)) else 0.0 for v in values]


def sparkline(values: Sequence[float | None], *, label: str, width: int = 140,
              height: int = 32) -> Markup:
    """``values`` (oldest first) as a polyline with the zero line and the last point marked.

    The SVG carries ``label`` as its accessible name, so a screen reader hears the summary
    a sighted reader takes from the shape.
    """
    ys = _finite(values)
    name = escape(visible(label))
    if not ys:
        return Markup(f'<svg class="spark" role="img" aria-label="{name}" '
                      f'viewBox="0 0 {width} {height}" width="{width}" height="{height}"></svg>')
    lo, hi = min(min(ys), 0.0), max(max(ys), 0.0)
    span = hi - lo or 1.0
    pad = 3.0

    def sx(i: int) -> float:
        return pad + (width - 2 * pad) * (i / (len(ys) - 1) if len(ys) > 1 else 0.5)

    def sy(v: float) -> float:
        return height - pad - (height - 2 * pad) * (v - lo) / span

    pts = " ".join(f"{sx(i):.1f},{sy(v):.1f}" for i, v in enumerate(ys))
    x_end, y_end = sx(len(ys) - 1), sy(ys[-1])
    return Markup(
        f'<svg class="spark" role="img" aria-label="{name}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{name}</title>"
        f'<line x1="{pad}" x2="{width - pad}" y1="{sy(0.0):.1f}" y2="{sy(0.0):.1f}" '
        f'stroke="{ZERO}" stroke-width="1" stroke-dasharray="2 2"/>'
        f'<polyline points="{pts}" fill="none" stroke="{LINE}" stroke-width="1.5" '
        f'stroke-linejoin="round"/>'
        f'<circle cx="{x_end:.1f}" cy="{y_end:.1f}" r="2.5" fill="{LAST}"/></svg>')
