"""`/// figure-chart`: account counts over time as inline SVG, drawn at build time.

Plots the figures marked `chart: true` in docs/data/figures.yml, one series per type
(claim, research estimate, platform statement, press report, government statement), each with its own
colour, marker shape and line style so they differ without colour too. No chart
library and no script: the figures table on the same page is its text alternative.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .blockbase import DataBlock, DataBlockExtension
from .formatting import TYPE_LABEL, figure_value, format_when, number

WIDTH, HEIGHT = 720, 380
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 16, 48
SERIES = {  # type: (css class, marker, dash pattern)
    "claim": ("series-claim", "circle", "6 4"),
    "research estimate": ("series-estimate", "square", ""),
    "platform statement": ("series-platform", "triangle", ""),
    "press report": ("series-press", "diamond", "2 3"),
    "government statement": ("series-government", "square", "1 3"),
}


def decimal_year(date) -> float:
    """The end of a date or range as a fractional year (mid-month, or mid-year)."""
    text = date["end"] if isinstance(date, dict) else date
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    day = parts[2] if len(parts) > 2 else 15
    return parts[0] + (parts[1] - 1) / 12 + (day - 1) / 365


def high_value(figure) -> float:
    value = figure["value"]
    return value["high"] if isinstance(value, dict) else value


def nice_ceiling(value: float) -> int:
    step = 10 ** (len(str(int(value))) - 1)
    return int(-(-value // step) * step)


def marker(parent, shape: str, x: float, y: float, css: str) -> etree.Element:
    size = 5.5
    if shape == "circle":
        return etree.SubElement(
            parent, "circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": f"{size}", "class": css}
        )
    points = {
        "square": [(-size, -size), (size, -size), (size, size), (-size, size)],
        "triangle": [(0, -size * 1.2), (size * 1.1, size), (-size * 1.1, size)],
        "diamond": [(0, -size * 1.3), (size * 1.1, 0), (0, size * 1.3), (-size * 1.1, 0)],
    }[shape]
    return etree.SubElement(
        parent,
        "polygon",
        {"class": css, "points": " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in points)},
    )


class FigureChartBlock(DataBlock):
    NAME = "figure-chart"

    def render(self, block):
        figures = [f for f in self.dataset.figures.values() if f.get("chart")]
        if not figures:
            self.fail("no figure has chart: true in docs/data/figures.yml")
        block.tag = "figure"
        block.set("class", "figure-chart")
        years = [decimal_year(f["date"]) for f in figures]
        x0, x1 = int(min(years)), int(max(years)) + 1
        y1 = nice_ceiling(max(high_value(f) for f in figures))
        plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

        def sx(year):
            return LEFT + (year - x0) / (x1 - x0) * plot_w

        def sy(value):
            return TOP + plot_h - value / y1 * plot_h

        svg = etree.SubElement(
            block,
            "svg",
            {
                "viewBox": f"0 0 {WIDTH} {HEIGHT}",
                "role": "img",
                "class": "chart",
                "aria-labelledby": "chart-title chart-desc",
                "xmlns": "http://www.w3.org/2000/svg",
            },
        )
        etree.SubElement(
            svg, "title", {"id": "chart-title"}
        ).text = "Twitter account counts over time, by type of figure"
        etree.SubElement(svg, "desc", {"id": "chart-desc"}).text = (
            f"{len(figures)} figures from {x0} to {x1 - 1}, on a linear scale from 0 to "
            f"{number(y1)} accounts. The table of every figure below gives the same data as text."
        )
        axes = etree.SubElement(svg, "g", {"class": "chart-axes"})
        for step in range(5):
            value = y1 * step / 4
            y = sy(value)
            etree.SubElement(
                axes,
                "line",
                {
                    "x1": str(LEFT),
                    "x2": str(WIDTH - RIGHT),
                    "y1": f"{y:.1f}",
                    "y2": f"{y:.1f}",
                    "class": "chart-grid",
                },
            )
            etree.SubElement(
                axes, "text", {"x": str(LEFT - 8), "y": f"{y + 4:.1f}", "text-anchor": "end"}
            ).text = number(value)
        for year in range(x0, x1 + 1):
            x = sx(year)
            etree.SubElement(
                axes,
                "line",
                {
                    "x1": f"{x:.1f}",
                    "x2": f"{x:.1f}",
                    "y1": str(TOP),
                    "y2": str(TOP + plot_h),
                    "class": "chart-grid",
                },
            )
            etree.SubElement(
                axes, "text", {"x": f"{x:.1f}", "y": str(HEIGHT - BOTTOM + 20), "text-anchor": "middle"}
            ).text = str(year)
        legend = etree.SubElement(block, "ul", {"class": "chart-legend"})
        for figure_type, (css, shape, dash) in SERIES.items():
            series = sorted(
                (f for f in figures if f["type"] == figure_type), key=lambda f: decimal_year(f["date"])
            )
            if not series:
                continue
            group = etree.SubElement(svg, "g", {"class": css})
            for name in dict.fromkeys(f["series"] for f in series if f.get("series")):
                points = [f for f in series if f.get("series") == name]
                if len(points) > 1:
                    line = etree.SubElement(
                        group,
                        "polyline",
                        {
                            "class": "chart-line",
                            "points": " ".join(
                                f"{sx(decimal_year(f['date'])):.1f},{sy(high_value(f)):.1f}" for f in points
                            ),
                        },
                    )
                    if dash:
                        line.set("stroke-dasharray", dash)
            for figure in series:
                point = marker(
                    group, shape, sx(decimal_year(figure["date"])), sy(high_value(figure)), "chart-marker"
                )
                etree.SubElement(point, "title").text = (
                    f"{TYPE_LABEL[figure_type]}: {figure_value(figure)}, {figure['who']}, "
                    f"{format_when(figure['date'])}"
                )
            item = etree.SubElement(legend, "li", {"class": css})
            key = etree.SubElement(
                item,
                "svg",
                {
                    "viewBox": "0 0 28 16",
                    "width": "28",
                    "height": "16",
                    "aria-hidden": "true",
                    "focusable": "false",
                },
            )
            sample = etree.SubElement(
                key, "line", {"x1": "0", "x2": "28", "y1": "8", "y2": "8", "class": "chart-line"}
            )
            if dash:
                sample.set("stroke-dasharray", dash)
            marker(key, shape, 14, 8, "chart-marker")
            key.tail = f" {TYPE_LABEL[figure_type]} ({len(series)})"
        caption = etree.SubElement(block, "figcaption")
        caption.text = (
            "Not comparable: claims count removals the claimant says it helped bring "
            "about, research estimates count accounts in one study's window, and "
            "platform statements count all suspensions for promoting terrorism. "
            "Ranges are plotted at their upper end and each point at the end of its period."
        )


class FigureChartExtension(DataBlockExtension):
    BLOCK = FigureChartBlock


def makeExtension(**kwargs):
    return FigureChartExtension(**kwargs)
