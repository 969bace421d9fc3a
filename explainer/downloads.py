"""The site's data as files readers can reuse: CSV, JSON, BibTeX and CSL-JSON.

Pure functions from the validated Dataset to text; site_files.py adds them to
the built site. Each file lists the data as the YAML holds it, sorted by key or date.
"""

from __future__ import annotations

import csv
import io
import json

from . import chart
from .data import Dataset
from .dates import bibtex_fields, csl_date, format_when, iso_interval, sort_key

SOURCE_COLUMNS = [
    "key",
    "type",
    "authors",
    "title",
    "publisher",
    "date",
    "date_note",
    "url",
    "archive_url",
    "language",
    "annotation",
    "reliability",
]
CHART_COLUMNS = [
    "id",
    "type",
    "who",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "date",
    "counts",
    "sources",
]
EVENT_COLUMNS = ["id", "date", "date_text", "title", "summary", "status", "themes", "actors", "sources"]
BIBTEX_TYPE = {"journal article": "article", "research report": "techreport", "government document": "misc"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
BIBTEX_TABLE = str.maketrans(BIBTEX_SPECIAL)
CSL_TYPE = {  # source type -> CSL type; vocabulary.CODE_MAPPINGS has check name a missing one
    "journal article": "article-journal",
    "research report": "report",
    "news report": "article-newspaper",
    "feature": "article-magazine",
    "opinion": "article-magazine",
    "blog post": "post-weblog",
    "interview/profile": "interview",
    "government document": "legislation",
    "platform statement": "post",
    "press release": "report",
    "reference work": "entry-encyclopedia",
}


def csv_cell(value) -> str:
    """A cell a spreadsheet shows as text: one starting with = + - @, a tab or a carriage
    return would be read as a formula, so it gets a leading single quote."""
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    # RFC 4180's CRLF: the writer then quotes any cell holding a carriage return.
    writer = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items() if k in columns})
    return out.getvalue()


def sorted_sources(dataset: Dataset) -> list[dict]:
    return sorted(dataset.sources.values(), key=lambda s: s["key"])


def sorted_events(dataset: Dataset) -> list[dict]:
    return sorted(dataset.events.values(), key=lambda e: sort_key(e["date"]))


def sources_csv(dataset: Dataset) -> str:
    return _csv(sorted_sources(dataset), SOURCE_COLUMNS)


def sources_json(dataset: Dataset) -> str:
    return json.dumps(sorted_sources(dataset), ensure_ascii=False, indent=2) + "\n"


def _event_row(event: dict) -> dict:
    date = event["date"]
    return {
        **event,
        "date": iso_interval(date),
        "date_text": format_when(date, event.get("circa", False), event.get("date_note")),
    }


def timeline_csv(dataset: Dataset) -> str:
    return _csv([_event_row(e) for e in sorted_events(dataset)], EVENT_COLUMNS)


def timeline_json(dataset: Dataset) -> str:
    return json.dumps(sorted_events(dataset), ensure_ascii=False, indent=2) + "\n"


def chart_csv(dataset: Dataset) -> str:
    """The charted figures, in the charts' order (by type, then date); a range fills low and high."""
    rows = []
    for _, group in chart.panels(chart.chart_figures(dataset)):
        for figure in group:
            value, date = figure["value"], figure["date"]
            ranged = isinstance(value, dict)
            rows.append(
                {
                    **figure,
                    "value": "" if ranged else value,
                    "low": value["low"] if ranged else "",
                    "high": value["high"] if ranged else "",
                    "qualifier": figure.get("qualifier", ""),
                    "date": iso_interval(date),
                }
            )
    return _csv(rows, CHART_COLUMNS)


def bibtex_escape(text: str) -> str:
    """Text for a braced BibTeX field, on one line: backslashes and braces become commands
    whose own braces are balanced, so no value can close its field or start another entry."""
    return " ".join(text.split()).translate(BIBTEX_TABLE)


def sources_bibtex(dataset: Dataset) -> str:
    entries = []
    for source in sorted_sources(dataset):
        fields = {"title": source["title"], "publisher": source["publisher"], "note": source["annotation"]}
        if source.get("authors"):
            fields["author"] = " and ".join(source["authors"])
        if source.get("date"):
            fields.update(bibtex_fields(source["date"]))
        if source.get("url"):
            fields["url"] = source["url"]
        body = ",\n".join(f"  {name} = {{{bibtex_escape(value)}}}" for name, value in fields.items())
        entries.append(f"@{BIBTEX_TYPE.get(source['type'], 'misc')}{{{source['key']},\n{body}\n}}\n")
    return "\n".join(entries)


def sources_csl_json(dataset: Dataset) -> str:
    items = []
    for source in sorted_sources(dataset):
        item = {
            "id": source["key"],
            "type": CSL_TYPE.get(source["type"], "document"),
            "title": source["title"],
            "publisher": source["publisher"],
            "container-title": source["publisher"],
            "note": source["annotation"],
        }
        if source.get("language"):
            item["language"] = source["language"]
        if source.get("authors"):
            item["author"] = [{"literal": name} for name in source["authors"]]
        if source.get("date"):
            item["issued"] = csl_date(source["date"])
        if source.get("url"):
            item["URL"] = source["url"]
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


FILES = {
    "downloads/sources.csv": sources_csv,
    "downloads/sources.json": sources_json,
    "downloads/sources.bib": sources_bibtex,
    "downloads/sources.csl.json": sources_csl_json,
    "downloads/timeline.csv": timeline_csv,
    "downloads/timeline.json": timeline_json,
    chart.CSV_PATH: chart_csv,
    chart.SVG_PATH: chart.chart_svg,
}
