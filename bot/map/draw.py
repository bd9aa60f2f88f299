"""The map as a PNG: networkx lays the companies out, matplotlib (Agg, no pyplot, no display)
draws them. Imported only when a map is asked for: both libraries take a second to import.

The company sits in the middle, its competitors to the left and its partners to the right
(both kinds: above and below), second-hop companies further out; spring layout, seeded, moves
them apart from there. Lines are coloured by kind and as wide as the articles that state them.
The same neighbourhood gives the same bytes: fixed seed, fixed order, no timestamp in the PNG.
"""

from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass

from bot.map.neighbourhood import Neighbourhood

WIDTH, HEIGHT, DPI = 1200, 800, 100  # pixels: Slack previews it at about 360 px high
SEED = 19
COLOURS = {"competes": "#c62828", "partners": "#1e7d4f"}
CENTRE_STYLE = {"fontsize": 22, "fontweight": "bold", "color": "white"}
CENTRE_BOX = {"boxstyle": "round,pad=0.45", "facecolor": "#1d3557", "edgecolor": "#1d3557", "linewidth": 1.5}
LABEL_STYLE = {"fontsize": 17, "color": "#111111"}
LABEL_BOX = {"boxstyle": "round,pad=0.35", "facecolor": "white", "edgecolor": "#555555", "linewidth": 1.2}
FONT = "DejaVu Sans"  # shipped with matplotlib: the same glyphs everywhere
LABEL_CHARS = 18  # a longer name wraps


@dataclass(frozen=True)
class Picture:
    png: bytes
    width: int
    height: int
    centre: tuple[float, float]  # where the company's label is drawn, in pixels from the top left


def label(name: str) -> str:
    """A company's name as drawn: wrapped at about ``LABEL_CHARS``, at most two lines."""
    lines = textwrap.wrap(name, LABEL_CHARS, break_long_words=True)[:2] or [name]
    if len(" ".join(lines)) < len(name.strip()):
        lines[-1] = lines[-1][: LABEL_CHARS - 3] + "..."
    return "\n".join(lines)


def layout(hood: Neighbourhood) -> dict[str, tuple[float, float]]:
    """Each company's place: the company at (0, 0), the companies it is linked to on a ring
    around it (its partners on the right, its competitors on the left, those that are both
    above and below), the second step on an outer ring, each near the ones it hangs from."""
    import networkx as nx

    company = hood.company
    names = hood.names
    graph = nx.Graph()
    graph.add_nodes_from(names)  # in a fixed order: the layout depends on it
    kinds: dict[str, set[str]] = {}
    for link in hood.links:
        a, b = _named(names, link.a), _named(names, link.b)
        graph.add_edge(a, b)
        if link.hop == 1:
            kinds.setdefault(b, set()).add(link.kind)
    partners = [n for n in names if kinds.get(n) == {"partners"}]
    rivals = [n for n in names if kinds.get(n) == {"competes"}]
    both = [n for n in names if len(kinds.get(n, ())) == 2]
    # counter-clockwise from the right: partners, half of "both" (top), competitors, the rest
    ring = partners + both[::2] + rivals + both[1::2]
    turn = -math.pi * len(partners) / max(len(ring), 1)  # the partners centred on the right
    shells = [[company], ring]
    if len(ring) < len(names) - 1:
        first = nx.shell_layout(graph.subgraph([company, *ring]), nlist=shells, rotate=turn)
        outer = [n for n in names if n != company and n not in kinds]
        # each second-step company near the ring companies it is linked to, in that order
        outer.sort(key=lambda n: _bearing([first[m] for m in graph.neighbors(n) if m in first], turn))
        shells.append(outer)
    places = nx.shell_layout(graph, nlist=shells, rotate=turn)
    crowded = len(ring) > 10
    return {
        name: (
            float(x) * (1.18 if crowded and name in ring and ring.index(name) % 2 else 1.0),
            float(y) * (1.18 if crowded and name in ring and ring.index(name) % 2 else 1.0),
        )
        for name, (x, y) in places.items()
    }


def _bearing(points, turn: float) -> float:
    """The angle (from ``turn``, counter-clockwise, 0 to 2 pi) of the points' centre."""
    if not points:
        return 2 * math.pi
    x = sum(p[0] for p in points) / len(points)
    y = sum(p[1] for p in points) / len(points)
    return (math.atan2(y, x) - turn) % (2 * math.pi)


def _named(names: list[str], name: str) -> str:
    """The spelling of ``name`` the map uses (the first one seen, case aside)."""
    key = name.casefold()
    return next(n for n in names if n.casefold() == key)


def draw(hood: Neighbourhood) -> Picture:
    """``hood`` as a ``WIDTH`` x ``HEIGHT`` PNG, with a title, a legend and the evidence's dates."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    with rc_context({"font.family": FONT, "path.simplify": False, "text.antialiased": True}):
        figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor="white")
        FigureCanvasAgg(figure)
        axes = figure.add_axes((0.02, 0.1, 0.96, 0.78))
        axes.set_axis_off()
        places = layout(hood) if hood.links else {hood.company or "?": (0.0, 0.0)}
        xs = [p[0] for p in places.values()]
        ys = [p[1] for p in places.values()]
        span_x = max(max(map(abs, xs)), 0.5)
        span_y = max(max(map(abs, ys)), 0.5)
        axes.set_xlim(-span_x * 1.3, span_x * 1.3)
        axes.set_ylim(-span_y * 1.25, span_y * 1.25)

        most = max((link.articles for link in hood.links), default=1) or 1
        names = hood.names
        pairs_seen: dict[tuple[str, str], int] = {}
        for link in hood.links:
            a, b = _named(names, link.a), _named(names, link.b)
            key = tuple(sorted((a, b)))
            bend = 0.12 * pairs_seen.get(key, 0) * (1 if link.kind == "competes" else -1)
            pairs_seen[key] = pairs_seen.get(key, 0) + 1
            width = 1.5 + 6.5 * math.sqrt(max(link.articles, 1) / most)
            axes.add_patch(
                FancyArrowPatch(
                    places[a],
                    places[b],
                    connectionstyle=f"arc3,rad={bend:.2f}",
                    arrowstyle="-",
                    linewidth=width,
                    color=COLOURS[link.kind],
                    alpha=0.85 if link.hop == 1 else 0.55,
                    zorder=1,
                )
            )
        for name in names:
            centre = name == hood.company
            axes.text(
                *places.get(name, (0.0, 0.0)),
                label(name),
                ha="center",
                va="center",
                zorder=3 if centre else 2,
                bbox=CENTRE_BOX if centre else LABEL_BOX,
                **(CENTRE_STYLE if centre else LABEL_STYLE),
            )

        title = f"{hood.company}: rivals and partners" + (" (two steps)" if hood.hops > 1 else "")
        figure.text(0.5, 0.955, title, ha="center", va="center", fontsize=22, fontweight="bold", color="#1d3557")
        footer = f"Evidence: {hood.period}" if hood.period else "Evidence undated"
        if hood.left_out:
            footer += f"  \u00b7  {hood.left_out:,} weaker pair{'s' if hood.left_out != 1 else ''} not drawn"
        figure.text(0.985, 0.035, footer, ha="right", va="center", fontsize=15, color="#333333")
        handles = [
            Line2D([], [], color=COLOURS["competes"], linewidth=5, label="competes"),
            Line2D([], [], color=COLOURS["partners"], linewidth=5, label="partners"),
            Line2D([], [], color="#888888", linewidth=1.5, label=f"width: articles (1 to {most:,})"),
        ]
        figure.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.005), fontsize=14, frameon=True)

        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, facecolor="white", metadata={"Software": None})
        x, y = axes.transData.transform(places.get(hood.company or "?", (0.0, 0.0)))
    return Picture(buffer.getvalue(), WIDTH, HEIGHT, (float(x), float(HEIGHT - y)))
