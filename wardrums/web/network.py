"""The network of actors as an SVG drawn on the server: a small force layout in numpy.

Nodes are the most active actors, edges the pairs among them; an edge is coloured by whether
conflict or cooperation dominates its incidents and drawn thicker the more incidents it has.
Each node links to its actor page. The layout starts from a circle and is deterministic, so
the same store draws the same picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from markupsafe import Markup, escape

from wardrums.web.markup import visible

CONFLICT, COOPERATION, NODE, LABEL = "#C0410B", "#0065A3", "#1A1A1A", "#1A1A1A"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    incidents: int
    conflict: float
    cooperation: float

    @property
    def hostile(self) -> bool:
        return self.conflict >= self.cooperation


def graph(dyads: pd.DataFrame, *, max_nodes: int = 30, max_edges: int = 120
          ) -> tuple[list[str], dict[str, int], list[Edge]]:
    """(nodes, incidents per node, edges) from a dyads frame; self-pairs are left out."""
    if dyads.empty:
        return [], {}, []
    d = dyads[dyads["source"] != dyads["target"]]
    weight: dict[str, int] = {}
    for row in d.itertuples(index=False):
        for code in (row.source, row.target):
            weight[code] = weight.get(code, 0) + int(row.incidents)
    nodes = sorted(weight, key=lambda c: (-weight[c], c))[:max_nodes]
    keep = set(nodes)
    d = d[d["source"].isin(keep) & d["target"].isin(keep)]
    d = d.sort_values(["incidents", "source", "target"], ascending=[False, True, True])
    edges = [Edge(r.source, r.target, int(r.incidents), float(r.conflict),
                  float(r.cooperation)) for r in d.head(max_edges).itertuples(index=False)]
    return nodes, {n: weight[n] for n in nodes}, edges


def layout(nodes: list[str], edges: list[Edge], iterations: int = 300, gravity: float = 2.0
           ) -> np.ndarray:
    """Fruchterman-Reingold positions in the unit square, one row per node."""
    n = len(nodes)
    if n == 0:
        return np.zeros((0, 2))
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.column_stack([np.cos(angle), np.sin(angle)]) * 0.5
    if n <= 2:
        return (pos + 1) / 2
    index = {c: i for i, c in enumerate(nodes)}
    pairs = np.array([[index[e.source], index[e.target]] for e in edges], dtype=int)
    strength = np.array([math.log1p(e.incidents) for e in edges]) if edges else np.zeros(0)
    k = math.sqrt(1.0 / n)
    temp = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        push = (k * k / dist ** 2)[:, :, None] * delta
        move = push.sum(axis=1)
        if len(pairs):
            d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            length = np.maximum(np.linalg.norm(d, axis=1), 1e-3)
            pull = (length / k * strength / strength.max())[:, None] * d
            np.add.at(move, pairs[:, 0], -pull)
            np.add.at(move, pairs[:, 1], pull)
        move -= pos * gravity  # a pull to the centre keeps separate groups close together
        size = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        pos += move / size[:, None] * np.minimum(size, temp)[:, None]
        temp *= 0.985
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    return (pos - lo) / np.maximum(hi - lo, 1e-9)


def render(nodes: list[str], weight: dict[str, int], edges: list[Edge], *,
           width: int = 900, height: int = 640) -> Markup:
    """The graph as an inline SVG with a ``<title>`` on every node and edge."""
    pos = layout(nodes, edges)
    margin = 40
    xy = {c: (margin + p[0] * (width - 2 * margin), margin + p[1] * (height - 2 * margin))
          for c, p in zip(nodes, pos, strict=True)}
    top_edge = max((e.incidents for e in edges), default=1)
    top_node = max(weight.values(), default=1)
    parts = [f'<svg class="network" role="img" aria-labelledby="net-title" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">',
             f'<title id="net-title">Network of {len(nodes)} actors and {len(edges)} pairs'
             "</title>"]
    for e in edges:
        (x1, y1), (x2, y2) = xy[e.source], xy[e.target]
        colour = CONFLICT if e.hostile else COOPERATION
        w = 1 + 7 * math.sqrt(e.incidents / top_edge)
        tip = escape(visible(f"{e.source}-{e.target}: {e.incidents} incidents, conflict "
                             f"{e.conflict:.1f}, cooperation {e.cooperation:.1f}"))
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke="{colour}" stroke-opacity="0.6" stroke-width="{w:.1f}" '
                     f'stroke-linecap="round"><title>{tip}</title></line>')
    for code in nodes:
        x, y = xy[code]
        r = 6 + 12 * math.sqrt(weight[code] / top_node)
        name = escape(visible(code))
        parts.append(
            f'<a href="/actor/{escape(visible(code))}" class="node">'
            f"<title>{name}: {weight[code]} incidents</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#FFFFFF" stroke="{NODE}" '
            f'stroke-width="2"/>'
            f'<text x="{x:.1f}" y="{y + r + 13:.1f}" text-anchor="middle" fill="{LABEL}">'
            f"{name}</text></a>")
    parts.append("</svg>")
    return Markup("".join(parts))
