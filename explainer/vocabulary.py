"""The site's vocabularies, read from the schemas: each allowed value, its order and its labels.

Source types, figure types, timeline statuses and themes, overview lanes and actor kinds
are defined once, as an `enum` in explainer/schemas, with the labels the site shows in an
`x-labels` object beside it (figure types also have `x-plurals`), in the order the site
lists them. The renderers read them from here, so a value added to a schema reaches the
pages, the filters and the downloads. What is genuinely code (a CSL type, a marker shape,
a kind of evidence) stays in its module, and CODE_MAPPINGS names it so `make check`
reports any schema value a mapping (or a CSS rule in CSS_RULES) lacks.
"""

from __future__ import annotations

import functools
import importlib
import json
import pathlib
import re

from .data import SCHEMA_DIR
from .errors import Problem

# (schema, field) of each vocabulary; "common" names a $defs entry of common.schema.json.
SOURCE_TYPE = ("sources", "type")
FIGURE_TYPE = ("figures", "type")
STATUS = ("timeline", "status")
THEME = ("timeline", "themes")
LANE = ("common", "lane")
ACTOR_KIND = ("actors", "kind")
NOUN = {
    SOURCE_TYPE: "source type",
    FIGURE_TYPE: "figure type",
    STATUS: "status",
    THEME: "theme",
    LANE: "lane",
    ACTOR_KIND: "actor kind",
}
ANNOTATIONS = {FIGURE_TYPE: ("x-labels", "x-plurals")}  # the rest have x-labels only

# Mappings that are code, each of which must cover every value of its vocabulary.
CODE_MAPPINGS = {
    ("downloads", "CSL_TYPE"): SOURCE_TYPE,
    ("argument_map", "EVIDENCE_OF_SOURCE_TYPE"): SOURCE_TYPE,
    ("chart", "SERIES_STYLE"): FIGURE_TYPE,
    ("timeline", "STATUS_SHAPE"): STATUS,
}
# Site CSS that styles each value: a status with no rule would draw an uncoloured marker.
STYLESHEET = pathlib.Path(__file__).parent.parent / "overrides" / "assets" / "stylesheets" / "site.css"
CSS_RULES = {STATUS: ".status--{}"}


@functools.cache
def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def _node(vocabulary: tuple[str, str]) -> dict:
    """The schema object holding the vocabulary's enum (following a list's items and a $ref)."""
    name, field = vocabulary
    if name == "common":
        return _schema("common")["$defs"][field]
    node = _schema(name)["items"]["properties"][field]
    node = node.get("items", node)
    if "$ref" in node:
        file, _, definition = node["$ref"].partition("#/$defs/")
        return _schema(file.removesuffix(".schema.json"))["$defs"][definition]
    return node


def values(vocabulary: tuple[str, str]) -> tuple[str, ...]:
    """The allowed values, in the order the site lists them."""
    return tuple(_node(vocabulary)["enum"])


def labels(vocabulary: tuple[str, str], annotation: str = "x-labels") -> dict[str, str]:
    """Each value's label, in order. A value the schema gives no label shows as itself,
    capitalised, rather than vanishing; `make check` names the missing label."""
    given = _node(vocabulary).get(annotation, {})
    return {value: given.get(value) or value[:1].upper() + value[1:] for value in values(vocabulary)}


def problems() -> list[Problem]:
    """One line for each label a schema lacks and each value a code mapping lacks."""
    found = []
    for vocabulary, noun in NOUN.items():
        name, field = vocabulary
        node = _node(vocabulary)
        for annotation in ANNOTATIONS.get(vocabulary, ("x-labels",)):
            found += [
                Problem(
                    f"explainer/schemas/{name}.schema.json",
                    None,
                    f"{field} has no {annotation} entry for {noun} '{value}'; add one",
                )
                for value in values(vocabulary)
                if value not in node.get(annotation, {})
            ]
    for (module, mapping), vocabulary in CODE_MAPPINGS.items():
        mapped = getattr(importlib.import_module(f"{__package__}.{module}"), mapping)
        found += [
            Problem(
                f"explainer/{module}.py",
                None,
                f"{mapping} has no entry for {NOUN[vocabulary]} '{value}'; add one",
            )
            for value in values(vocabulary)
            if value not in mapped
        ]
    css = STYLESHEET.read_text(encoding="utf-8") if STYLESHEET.is_file() else None
    for vocabulary, rule in CSS_RULES.items():
        found += [
            Problem(
                "overrides/assets/stylesheets/site.css",
                None,
                f"no '{rule.format(value)}' rule for {NOUN[vocabulary]} '{value}'; add one with its colour",
            )
            for value in values(vocabulary)
            if css is not None and not re.search(re.escape(rule.format(value)) + r"(?![\w-])", css)
        ]
    return found
