"""`/// figure-chart`: the charted figures as small inline SVG charts, drawn at build time.

Plots the figures marked `chart: true` in docs/data/figures.yml as one small chart per
figure type (claims, research estimates, platform statements, ...), each with its own
axes, so figures of different kinds never share a scale. Every point is labelled with
its value and who gives it, and is a link (keyboard-focusable, tappable) whose name
holds its details; site.js shows those details under the chart, and without
JavaScript the link leads to the point's row in the data table beside the charts.
A line joins points only within one `series`, which validation (data.py) restricts to
one party's (one `who`'s) figures of one type and unit.

The drawing is one function used twice: inline, where every data string goes through
data_text, and as the downloadable SVG (with the CSV) in downloads.FILES.
"""

from __future__ import annotations

import math
import textwrap
import xml.etree.ElementTree as etree

from . import vocabulary
from .blockbase import DataBlock, OptionError
from .citations import citation_element
from .dates import bounds, format_when, year_fraction
from .formatting import TYPE_LABEL, figure_value, number
from .text import data_text

WIDTH = 360  # the SVG's width in CSS px: its 13 px text stays above 12 px on a 390 px phone
LINE = 16  # height of one line of label text
LEFT, PLOT_RIGHT, LABEL_X, TOP, BOTTOM = 62, 196, 206, 30, 30
LABEL_CHARS = 20  # characters per label line that fit between LABEL_X and WIDTH
SERIES_STYLE = {  # figure type: (css class, marker shape); `make check` names a type this lacks
    "claim": ("series-claim", "circle"),
    "research estimate": ("series-estimate", "square"),
    "platform statement": ("series-platform", "triangle"),
    "press report": ("series-press", "diamond"),
    "government statement": ("series-government", "square"),
}
SERIES = {  # figure type, in the schema's order: (css class, marker shape, plural heading)
    kind: (*SERIES_STYLE.get(kind, ("series-other", "circle")), plural)
    for kind, plural in vocabulary.labels(vocabulary.FIGURE_TYPE, "x-plurals").items()
}
CSV_PATH = "downloads/figures-chart.csv"
SVG_PATH = "downloads/figures-chart.svg"
# The downloaded SVG has no site stylesheet, so it carries the light palette itself.
FILE_STYLE = (
    "text{font:13px sans-serif;fill:#333}.chart-heading{font-weight:700}"
    ".chart-grid{stroke:#ddd}.chart-line,.chart-range{fill:none;stroke:currentColor;stroke-width:2}"
    ".chart-leader{stroke:#999}.chart-marker{fill:currentColor;stroke:#fff}"
    ".series-claim{color:#a34700}.series-estimate{color:#1f5fa8}.series-platform{color:#2b6b2f}"
    ".series-press{color:#5a5a5a}.series-government{color:#1f5fa8}"
)


MID_MONTH = 14 / 365  # a month-precise figure is plotted on the 15th


def decimal_year(date) -> float:
    """The end of a date or range as a fractional year (mid-month, or mid-year)."""
    return year_fraction(bounds(date)[1], MID_MONTH)


def start_year(date) -> float:
    return year_fraction(bounds(date)[0], MID_MONTH)


def high_value(figure) -> float:
    value = figure["value"]
    return value["high"] if isinstance(value, dict) else value


def nice_scale(value: float) -> tuple[float, float]:
    """(top, step) of a 0-based axis: a step of 1, 2 or 5 times a power of ten, at most 5 steps."""
    value = max(value, 1)  # an axis needs height even when every figure is 0
    power = 10 ** math.floor(math.log10(value))
    for step in (power / 5, power / 2, power, power * 2, power * 5, power * 10):
        if math.ceil(value / step) <= 5:
            return math.ceil(value / step) * step, step
    return value, value  # not reached: power * 10 always fits


def short_value(figure) -> str:
    """The value without its unit (the axis carries it): 'more than 72,000', '60,000–70,000'."""
    value = figure["value"]
    text = f"{number(value['low'])}–{number(value['high'])}" if isinstance(value, dict) else number(value)
    return f"{figure['qualifier']} {text}" if figure.get("qualifier") else text


def details(figure) -> str:
    """A point's accessible name: its label first (as shown), then type, date and what it counts."""
    return (
        f"{short_value(figure)}, {figure['who']}. {TYPE_LABEL[figure['type']]}, "
        f"{format_when(figure['date'])}: {figure_value(figure)}, {figure['counts']}."
    )


def chart_figures(dataset) -> list[dict]:
    return [f for f in dataset.figures.values() if f.get("chart")]


def panels(figures: list[dict]) -> list[tuple[str, list[dict]]]:
    """(type, its figures by date) for each type that has charted figures, in SERIES order."""
    by_type = [
        (kind, sorted((f for f in figures if f["type"] == kind), key=lambda f: decimal_year(f["date"])))
        for kind in SERIES
    ]
    return [(kind, group) for kind, group in by_type if group]


def series_lines(group: list[dict]) -> list[list[dict]]:
    """The figures each line joins: one list per series, holding only figures that share its
    type, who and unit (validation already requires it; grouping on all four keeps it so)."""
    lines: dict[tuple, list[dict]] = {}
    for figure in group:
        if figure.get("series"):
            key = (figure["series"], figure["type"], figure["who"], figure["unit"])
            lines.setdefault(key, []).append(figure)
    return [points for points in lines.values() if len(points) > 1]


def place_labels(wanted: list[float], heights: list[float], top: float, bottom: float) -> list[float]:
    """Top edges for labels as near their wanted centres as they go without overlapping."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = [0.0] * len(wanted)
    edge = top
    for i in order:  # downwards: no label above the plot or over the one before
        placed[i] = max(wanted[i] - heights[i] / 2, edge)
        edge = placed[i] + heights[i] + 4
    edge = bottom
    for i in reversed(order):  # upwards: none below the plot (the plot is tall enough for all)
        placed[i] = min(placed[i], edge - heights[i])
        edge = placed[i] - 4
    return placed


def marker(parent, shape: str, x: float, y: float) -> etree.Element:
    size = 5.5
    if shape == "circle":
        return etree.SubElement(
            parent, "circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": f"{size}", "class": "chart-marker"}
        )
    points = {
        "square": [(-size, -size), (size, -size), (size, size), (-size, size)],
        "triangle": [(0, -size * 1.2), (size * 1.1, size), (-size * 1.1, size)],
        "diamond": [(0, -size * 1.3), (size * 1.1, 0), (0, size * 1.3), (-size * 1.1, 0)],
    }[shape]
    return etree.SubElement(
        parent,
        "polygon",
        {"class": "chart-marker", "points": " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in points)},
    )


def line(parent, css: str, x1, y1, x2, y2) -> etree.Element:
    return etree.SubElement(
        parent,
        "line",
        {"class": css, "x1": f"{x1:.1f}", "y1": f"{y1:.1f}", "x2": f"{x2:.1f}", "y2": f"{y2:.1f}"},
    )


def draw_panel(kind: str, group: list[dict], text, link_to=None) -> etree.Element:
    """One type's chart as an <svg>. text(s) wraps each data string; link_to(figure), when
    given, makes each point a link to that address (the inline chart)."""
    css, shape, heading = SERIES[kind]
    units = sorted({f["unit"] for f in group})
    labels = [
        textwrap.wrap(short_value(f), LABEL_CHARS) + textwrap.wrap(f["who"], LABEL_CHARS) for f in group
    ]
    heights = [len(lines) * LINE for lines in labels]
    plot_h = max(120, sum(heights) + 4 * len(heights))
    height = TOP + plot_h + BOTTOM
    years = [decimal_year(f["date"]) for f in group] + [start_year(f["date"]) for f in group]
    x0, x1 = math.floor(min(years)), math.floor(max(years)) + 1
    top, step = nice_scale(max(high_value(f) for f in group))

    def sx(year):
        return LEFT + (year - x0) / (x1 - x0) * (PLOT_RIGHT - LEFT)

    def sy(value):
        return TOP + plot_h - value / top * plot_h

    slug = css.removeprefix("series-")
    svg = etree.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": str(WIDTH),
            "height": str(height),
            "class": f"chart {css}",
            "role": "group",
            "aria-labelledby": f"chart-{slug}-title",
            "aria-describedby": f"chart-{slug}-desc",
        },
    )
    etree.SubElement(svg, "title", {"id": f"chart-{slug}-title"}).text = text(
        f"{heading}: {units[0]} over time"
    )
    etree.SubElement(svg, "desc", {"id": f"chart-{slug}-desc"}).text = text(
        f"{len(group)} {heading.lower() if len(group) > 1 else TYPE_LABEL[kind].lower()}, "
        f"{x0} to {x1 - 1}, on a linear scale from 0 to {number(top)} {units[0]}. "
        "Each point is labelled with its value and who gives it."
    )
    axes = etree.SubElement(svg, "g", {"class": "chart-axes"})
    unit = etree.SubElement(axes, "text", {"x": "0", "y": "14", "class": "chart-unit"})
    unit.text = text(f"{units[0][0].upper()}{units[0][1:]}")
    for index in range(round(top / step) + 1):
        y = sy(index * step)
        line(axes, "chart-grid", LEFT, y, PLOT_RIGHT, y)
        tick = etree.SubElement(axes, "text", {"x": str(LEFT - 6), "y": f"{y + 4:.1f}", "text-anchor": "end"})
        tick.text = number(index * step)
    for year in range(x0, x1 + 1):
        x = sx(year)
        line(axes, "chart-grid", x, TOP, x, TOP + plot_h)
        label = etree.SubElement(
            axes, "text", {"x": f"{x:.1f}", "y": str(TOP + plot_h + 20), "text-anchor": "middle"}
        )
        label.text = str(year)
    series = etree.SubElement(svg, "g", {"class": "chart-series"})
    for points in series_lines(group):
        etree.SubElement(
            series,
            "polyline",
            {
                "class": "chart-line",
                "data-series": points[0]["series"],
                "points": " ".join(
                    f"{sx(decimal_year(f['date'])):.1f},{sy(high_value(f)):.1f}" for f in points
                ),
            },
        )
    tops = place_labels([sy(high_value(f)) for f in group], heights, TOP, TOP + plot_h)
    for figure, lines, label_top in zip(group, labels, tops, strict=True):
        x, y = sx(decimal_year(figure["date"])), sy(high_value(figure))
        if link_to:
            point = etree.SubElement(series, "a", {"href": link_to(figure), "class": "chart-point"})
            etree.SubElement(point, "title").text = text(details(figure))
        else:
            point = etree.SubElement(series, "g", {"class": "chart-point"})
        point.set("data-figure", figure["id"])
        if isinstance(figure["date"], dict):  # a period: a bar from its start to its end
            line(point, "chart-range", sx(start_year(figure["date"])), y, x, y)
        if isinstance(figure["value"], dict):  # a range of values: a bar from low to high
            line(point, "chart-range", x, sy(figure["value"]["low"]), x, y)
        line(point, "chart-leader", x + 7, y, LABEL_X - 3, label_top + LINE / 2 + 1)
        if link_to:  # the whole label is the tap target, not only its glyphs
            etree.SubElement(
                point,
                "rect",
                {
                    "class": "chart-hit",
                    "x": str(LABEL_X - 3),
                    "y": f"{label_top:.1f}",
                    "width": str(WIDTH - LABEL_X + 3),
                    "height": str(len(lines) * LINE),
                },
            )
        marker(point, shape, x, y)
        label = etree.SubElement(point, "text", {"x": str(LABEL_X), "y": f"{label_top + LINE - 4:.1f}"})
        value_lines = len(textwrap.wrap(short_value(figure), LABEL_CHARS))
        for index, words in enumerate(lines):
            span = etree.SubElement(
                label,
                "tspan",
                {"x": str(LABEL_X), "dy": "0" if index == 0 else str(LINE)}
                | ({"class": "chart-value"} if index < value_lines else {}),
            )
            span.text = text(words)
    return svg


def chart_svg(dataset) -> str:
    """The downloadable file: every panel stacked in one standalone SVG."""
    stacked, y = [], 0
    for kind, group in panels(chart_figures(dataset)):
        heading = etree.Element("text", {"x": "0", "y": str(y + 16), "class": "chart-heading"})
        heading.text = SERIES[kind][2]
        panel = draw_panel(kind, group, str)
        panel.attrib.pop("xmlns")
        panel.set("y", str(y + 24))
        stacked += [heading, panel]
        y += 24 + int(panel.get("height")) + 16
    root = etree.Element(
        "svg", {"xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {WIDTH} {y}", "width": str(WIDTH)}
    )
    root.set("height", str(y))
    etree.SubElement(root, "style").text = FILE_STYLE
    root.extend(stacked)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


class FigureChartBlock(DataBlock):
    NAME = "figure-chart"
    OPTIONS = {}

    @staticmethod
    def check_options(options, dataset, docs_dir) -> list[dict]:
        """The figures to plot."""
        figures = chart_figures(dataset)
        if not figures:
            raise OptionError("no figure has chart: true in docs/data/figures.yml")
        return figures

    def render(self, block):
        figures = self.checked
        block.tag = "figure"
        block.set("class", "figure-chart")
        grid = etree.SubElement(block, "div", {"class": "chart-panels"})
        for kind, group in panels(figures):
            panel = etree.SubElement(grid, "div", {"class": "chart-panel"})
            title = etree.SubElement(panel, "p", {"class": "chart-heading"})
            title.text = f"{SERIES[kind][2]} ({len(group)})"
            panel.append(
                draw_panel(kind, group, lambda s: data_text(self.md, s), lambda f: f"#chart-row-{f['id']}")
            )
        etree.SubElement(block, "p", {"class": "chart-details", "hidden": ""})
        self.data_table(block, figures)
        downloads = etree.SubElement(block, "p", {"class": "chart-downloads"})
        downloads.text = "Download the charts' data: "
        for index, (label, path) in enumerate((("CSV", CSV_PATH), ("SVG", SVG_PATH))):
            anchor = etree.SubElement(downloads, "a", {"href": self.site.link(path), "download": ""})
            anchor.text = label
            anchor.tail = ", " if index == 0 else "."
        caption = etree.SubElement(block, "figcaption")
        caption.text = (
            "Not comparable: claims count removals the claimant says it helped bring "
            "about, research estimates count accounts in one study's window, and "
            "platform statements count all suspensions for promoting terrorism. So each "
            "type has its own chart and scale. A line joins only one party's own "
            "successive totals. Bars show a range of values or a period; each point sits "
            "at the upper end and at the end of its period."
        )

    def data_table(self, parent, figures):
        """The charts' data as text, one row per point (the points link to their rows)."""
        wrap = etree.SubElement(parent, "div", {"class": "md-typeset__table chart-table"})
        table = etree.SubElement(wrap, "table")
        etree.SubElement(table, "caption").text = "The charts' data"
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for name in ("Figure", "Who", "When"):
            etree.SubElement(head, "th", {"scope": "col"}).text = name
        for kind, group in panels(figures):
            body = etree.SubElement(table, "tbody")
            group_row = etree.SubElement(body, "tr")
            etree.SubElement(group_row, "th", {"scope": "rowgroup", "colspan": "3"}).text = SERIES[kind][2]
            for figure in group:
                row = etree.SubElement(body, "tr", {"id": f"chart-row-{figure['id']}"})
                value = etree.SubElement(row, "td")
                value.text = data_text(self.md, figure_value(figure) + " ")
                value.append(citation_element([(k, None) for k in figure["sources"]]))
                etree.SubElement(row, "td").text = data_text(self.md, figure["who"])
                etree.SubElement(row, "td").text = data_text(self.md, format_when(figure["date"]))
