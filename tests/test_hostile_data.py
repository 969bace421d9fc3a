"""Hostile data: every string field the schemas define, filled with markup, renders inert.

The fields are read from explainer/schemas, not listed here, so a field added later is
covered without touching this file. A free-text field (a string with no pattern or
list of allowed values) gets the payload in every entry of a copy of the project; the
strict build must succeed and no page may contain an element, attribute or URL scheme
from it. A field with a pattern or a list of allowed values must refuse the payload
with one line naming the field.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser

import pytest
import yaml

from explainer import data
from explainer.errors import ContentError

from conftest import ROOT, built_pages, mkdocs_build
from project_copy import copy_project

PAYLOAD = (
    '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>'
    "[md](javascript:alert(1)) <javascript:alert(1)> ![i](data:text/html,x) &#106;avascript"
    ' \x02wzxhzdk:0\x03 {: onclick="alert(1)" }\n{: onmouseover="alert(1)" }'
)
SCHEMES = ("javascript:", "data:", "vbscript:")


def resolve(schema: dict, schemas: dict) -> dict:
    """The schema itself, or what its $ref (and an allOf of refs) points at, merged."""
    if "$ref" in schema:
        file, _, pointer = schema["$ref"].partition("#")
        target = schemas[file] if file else schemas["common.schema.json"]
        for part in pointer.strip("/").split("/"):
            target = target[part]
        return resolve({**target, **{k: v for k, v in schema.items() if k != "$ref"}}, schemas)
    if "allOf" in schema:
        merged = {k: v for k, v in schema.items() if k != "allOf"}
        for part in schema["allOf"]:
            merged.update(resolve(part, schemas))
        return merged
    return schema


def is_free_text(schema: dict) -> bool:
    return schema.get("type") == "string" and not {"pattern", "enum", "const"} & set(schema)


def load_schemas() -> dict:
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in data.SCHEMA_DIR.glob("*.schema.json")
    }


def string_fields(name: str):
    """(field, is a list, free text?) for every string or list-of-strings field of one file."""
    schemas = load_schemas()
    properties = schemas[f"{name}.schema.json"]["items"]["properties"]
    for field, schema in sorted(properties.items()):
        schema = resolve(schema, schemas)
        if schema.get("type") == "array":
            items = resolve(schema.get("items", {}), schemas)
            if items.get("type") == "string" or "enum" in items:
                yield field, True, is_free_text(items)
        elif schema.get("type") == "string" or "enum" in schema or "oneOf" in schema:
            if "oneOf" in schema and not any(
                resolve(option, schemas).get("type") == "string" for option in schema["oneOf"]
            ):
                continue  # a number or a range of numbers
            yield field, False, is_free_text(schema)


FREE_TEXT = [(name, field, many) for name in data.FILES for field, many, free in string_fields(name) if free]
CONSTRAINED = [
    (name, field, many) for name in data.FILES for field, many, free in string_fields(name) if not free
]


def test_the_schemas_yield_the_fields_we_know_about():
    """A sanity check on the walker, not a list to maintain: it must find both kinds of field."""
    assert ("timeline", "title", False) in FREE_TEXT and ("sources", "authors", True) in FREE_TEXT
    assert ("sources", "url", False) in CONSTRAINED and ("timeline", "themes", True) in CONSTRAINED


class PolicyParser(HTMLParser):
    """Collects anything in a page that could run script or load the payload."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if (value or "").strip().lower().startswith(SCHEMES):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x>")
        # JSON-LD is data the browser never runs; its '<' are escaped (see test_share).
        self._script = tag == "script" and dict(attrs).get("type") != "application/ld+json"

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, text):
        if self._script and "alert(1)" in text:
            self.found.append(f"<script>{text}</script>")
        if "\x02" in text or "\x03" in text:
            self.found.append("a Python-Markdown placeholder mark")


def poison(entries: list, name: str) -> list:
    """Every free-text field of every entry set to the payload, optional ones added.

    link_withheld is added only where the entry has no address, the one pairing the data refuses.
    """
    for entry in entries:
        for file, field, many in FREE_TEXT:
            if file != name or (field == "link_withheld" and set(data.URL_FIELDS) & set(entry)):
                continue
            entry[field] = [PAYLOAD, PAYLOAD] if many else PAYLOAD
    return entries


def test_markup_in_every_free_text_field_is_printed_not_run(tmp_path):
    project = copy_project(tmp_path / "project")
    data_dir = project / "docs" / "data"
    for name in data.FILES:
        entries, _ = data.read_yaml(data_dir / f"{name}.yml")
        (data_dir / f"{name}.yml").write_text(
            yaml.safe_dump(poison(entries, name), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    site = tmp_path / "site"
    result = mkdocs_build(site, cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    pages = built_pages(site)
    for html in pages:
        parser = PolicyParser()
        parser.feed(html.read_text(encoding="utf-8"))
        assert not parser.found, f"{html.relative_to(site)}: {parser.found[:5]}"
    # The payload did reach the pages, as text.
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in timeline


@pytest.mark.parametrize("name, field, many", CONSTRAINED, ids=[f"{n}.{f}" for n, f, _ in CONSTRAINED])
def test_a_field_with_a_pattern_or_choices_refuses_markup(tmp_path, name, field, many):
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "docs" / "data", data_dir)
    entries, _ = data.read_yaml(data_dir / f"{name}.yml")
    entries[0][field] = [PAYLOAD] if many else PAYLOAD
    (data_dir / f"{name}.yml").write_text(
        yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    with pytest.raises(ContentError) as error:
        data.validate(data_dir)
    lines = str(error.value).splitlines()
    assert len(lines) == len(error.value.problems), lines  # one line each, whatever the value holds
    assert any(f" [0].{field}" in line for line in lines), lines
