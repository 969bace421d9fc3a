"""Load and validate the site's structured data (docs/data/*.yml).

The YAML files are checked once, here, against the JSON Schemas in explainer/schemas
(which editors can also use for autocompletion) and against each other (every key a
file refers to must exist). Everything after this module trusts the data it returns.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import hashlib
import importlib.metadata
import json
import math
import os
import pathlib
import pickle
import re
import sys
import unicodedata

import yaml

from . import dates
from .cache_files import write_whole
from .errors import ContentError, Problem, display_path, read_utf8

SCHEMA_DIR = pathlib.Path(__file__).parent / "schemas"
FILES = ("sources", "timeline", "actors", "figures", "corrections")
ID_FIELD = {"sources": "key", "actors": "key", "timeline": "id", "figures": "id", "corrections": "id"}
URL_FIELDS = ("url", "archive_url", "copies")
ADDRESS_FIX = "write one address starting with https://, with no spaces or line breaks"
ANCHOR_MESSAGE = "YAML anchors and aliases (&name, *name) are not allowed; write each value out in full"
MIN_YEAR = 2000
# Fields that are never prose: a hidden direction or zero-width character there can make
# one key, title or address look like another.
PLAIN_FIELDS = ("key", "id", "series", "title", "name", "url", "archive_url", "copies")
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
# No spaces, controls or the characters an address must percent-encode ("<>\\^`{|}).
UNSAFE_IN_ADDRESS = re.compile(r"[\"<>\\^`{|}]")
WEB_ADDRESS = re.compile(r"(https?)://[^\s\x00-\x1f\x7f\"<>\\^`{|}]+")


class YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's when present) that keeps dates as text, so 2015-03 keeps its precision."""


YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclasses.dataclass
class Dataset:
    """All validated data, indexed by key or id."""

    sources: dict[str, dict]
    events: dict[str, dict]
    actors: dict[str, dict]
    figures: dict[str, dict]
    corrections: dict[str, dict]
    data_dir: pathlib.Path
    warnings: list[Problem] = dataclasses.field(default_factory=list)
    # Each file's line map from validation ({path of keys and indexes: line}), for later checks.
    lines: dict[str, dict] = dataclasses.field(default_factory=dict)
    # The hash of the data files and of the code that read them, when load() kept the
    # Dataset in the project's .cache/ (_validated): what is made from the Dataset alone
    # can be kept under it too.
    fingerprint: str | None = None

    def entries(self, name: str) -> list[dict]:
        """One data file's entries in file order (each file's index is its order)."""
        return list(getattr(self, "events" if name == "timeline" else name).values())

    def source_line(self, key: str) -> int | None:
        return _key_lines(self.data_dir / "sources.yml").get(key)

    # Indexes built once per loaded dataset, not once per actor, source or page.
    @functools.cached_property
    def events_by_actor(self) -> dict[str, list[dict]]:
        """{actor key: its events in file order}."""
        return _events_by(self.events, "actors")

    @functools.cached_property
    def events_by_source(self) -> dict[str, list[dict]]:
        """{source key: the events that cite it, in file order}."""
        return _events_by(self.events, "sources")


def _events_by(events: dict[str, dict], field: str) -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for event in events.values():
        for key in event[field]:
            index.setdefault(key, []).append(event)
    return index


def _node_lines(node, path=(), lines=None):
    """Map each value's path, as a tuple of keys and indexes, to its 1-based line."""
    lines = {} if lines is None else lines
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _node_lines(value_node, path + (key_node.value,), lines)
            lines[path + (key_node.value,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _node_lines(item, path + (index,), lines)
    return lines


def _duplicate_fields(node, file):
    """YAML silently keeps the last of two equal keys in a mapping; report them instead."""
    problems = []
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            if key_node.value in seen:
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1,
                        f"field '{key_node.value}' appears twice in one entry; keep one",
                    )
                )
            seen.add(key_node.value)
            problems += _duplicate_fields(value_node, file)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicate_fields(item, file)
    return problems


def yaml_error_place(error: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """(1-based line in text, reason in one line) of a YAML error; a character the reader
    refuses (a control character) has a position, not a mark."""
    if isinstance(error, yaml.reader.ReaderError):
        char = chr(error.character) if isinstance(error.character, int) else str(error.character)
        return (
            text.count("\n", 0, error.position) + 1,
            f"the control character U+{ord(char):04X} is not allowed",
        )
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    return (mark.line + 1 if mark else None), reason


def _syntax_problem(file: str, error: yaml.YAMLError, text: str) -> Problem:
    line, reason = yaml_error_place(error, text)
    if isinstance(error, yaml.reader.ReaderError):
        return Problem(file, line, f"{reason}; delete it (your editor may not show it)")
    return Problem(
        file, line, f"YAML syntax error: {reason}; check the indentation and quote text that contains ': '"
    )


def _nesting_line(text: str, limit: int = 50) -> int | None:
    """The line where lists and mappings first nest deeper than limit, read from the
    parser's events (which, unlike building the values, need no recursion)."""
    loader, depth = YamlLoader(text), 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > limit:
                    return event.start_mark.line + 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None


def first_anchor(text: str) -> int | None:
    """The line of the first YAML anchor (&name) or alias (*name) in text, or None.

    Read from the parser's events, before anything is built: a few hundred bytes of
    nested aliases expand to billions of values, so they are refused, not expanded.
    """
    loader = YamlLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return event.start_mark.line + 1
    finally:
        loader.dispose()
    return None


class _NotPlain(Exception):
    """The text uses something _read_plain leaves to the full reader."""


def _read_plain(text: str):
    """(data, line map) as read_yaml gives them, in one pass over libyaml's events, or None
    when the text has anything but plain lists, mappings with text keys and scalars (an
    anchor, an alias, a tag, a repeated key, deep nesting, a syntax error): the full reader
    below then reports it. A big timeline reads in less than half the time."""
    loader = YamlLoader(text)
    resolve, construct, text_tag = loader.resolve, loader.construct_object, "tag:yaml.org,2002:str"
    lines, stack, root = {}, [], None  # stack: [container, its path, pending key and its line]
    try:
        if not loader.check_event(yaml.StreamStartEvent):
            return None
        loader.get_event()
        if not loader.check_event(yaml.DocumentStartEvent):
            return None  # an empty file
        loader.get_event()
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            if kind is yaml.DocumentEndEvent:
                break
            if event.anchor is not None or event.tag is not None:  # also rejects aliases
                raise _NotPlain
            if kind is yaml.ScalarEvent:
                value = event.value
                tag = resolve(yaml.ScalarNode, value, event.implicit)
                item = value if tag == text_tag else construct(yaml.ScalarNode(tag, value))
            elif kind is yaml.MappingStartEvent:
                item = {}
            elif kind is yaml.SequenceStartEvent:
                item = []
            else:
                raise _NotPlain
            line = event.start_mark.line + 1
            if not stack:
                root, path = item, ()
            else:
                entry = stack[-1]
                parent = entry[0]
                if isinstance(parent, list):
                    path = entry[1] + (len(parent),)
                    parent.append(item)
                elif entry[2] is None:  # a key: plain text, new in this mapping
                    if kind is not yaml.ScalarEvent or item is not event.value or item in parent:
                        raise _NotPlain
                    entry[2] = (item, line)
                    continue
                else:
                    key, line = entry[2]  # a field's line is its key's
                    entry[2], path = None, entry[1] + (key,)
                    parent[key] = item
            lines[path] = line
            if kind is not yaml.ScalarEvent:
                if len(stack) > 50:
                    raise _NotPlain
                stack.append([item, path, None])
        if not loader.check_event(yaml.StreamEndEvent):
            raise _NotPlain  # a second document
    except (_NotPlain, yaml.YAMLError):
        return None
    finally:
        loader.dispose()
    return root, lines


def read_yaml(path: pathlib.Path):
    """Parse one YAML file; return (data, line map) or raise ContentError naming the line."""
    file = display_path(path)
    text = read_utf8(path)
    plain = _read_plain(text)
    if plain is not None:
        return plain
    loader = YamlLoader(text)
    try:  # compose once, keeping line marks, then build the values from the same nodes
        anchor = first_anchor(text)
        if anchor:
            raise ContentError([Problem(file, anchor, ANCHOR_MESSAGE)])
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        if node is None:
            return [], {}
        duplicates = _duplicate_fields(node, file)
        if duplicates:
            raise ContentError(duplicates)
        return data, _node_lines(node)
    except yaml.YAMLError as error:
        raise ContentError([_syntax_problem(file, error, text)]) from None
    except RecursionError:
        raise ContentError(
            [
                Problem(
                    file,
                    _nesting_line(text),
                    "the data is nested too deeply to read; each entry "
                    "is one level of fields, lists inside it one more",
                )
            ]
        ) from None
    finally:
        loader.dispose()


@functools.lru_cache(maxsize=8)
def _key_lines_cached(path: pathlib.Path, mtime: float) -> dict[str, int]:
    data, lines = read_yaml(path)
    field = ID_FIELD[path.stem]
    return {
        entry[field]: lines.get((index,))
        for index, entry in enumerate(data)
        if isinstance(entry, dict) and field in entry
    }


def _key_lines(path: pathlib.Path) -> dict[str, int]:
    return _key_lines_cached(path, path.stat().st_mtime)


def _field_path(path) -> str:
    """Render a path like (3, 'sources', 1) as [3].sources[1] for messages."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")


def _suggest(word, choices) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


@functools.cache
def _validator(name: str):
    # Imported here: a build whose data passed the schemas before (_schema_errors) never
    # needs them, and they cost a tenth of a second to import.
    import jsonschema
    import referencing

    registry, schemas = referencing.Registry(), {}
    for schema_file in SCHEMA_DIR.glob("*.schema.json"):
        schema = schemas[schema_file.name] = json.loads(schema_file.read_text(encoding="utf-8"))
        registry = registry.with_resource(schema["$id"], referencing.Resource.from_contents(schema))
    schema = _inline_refs(schemas[f"{name}.schema.json"], f"{name}.schema.json", schemas, ())
    return jsonschema.Draft202012Validator(schema, registry=registry)


ANNOTATIONS = {"description", "title", "examples", "default", "$comment"}


def _inline_refs(node, file: str, schemas: dict, resolving: tuple):
    """The schema with each $ref replaced by what it points to, once, here: jsonschema looks a
    $ref up on every value it checks, which was half the validation time of a big file. The
    errors are the same, as a $ref adds no error of its own; a recursive $ref stays as it is."""
    if isinstance(node, list):
        return [_inline_refs(item, file, schemas, resolving) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if ref is None or ref in resolving:
        return {key: _inline_refs(value, file, schemas, resolving) for key, value in node.items()}
    target_file, _, pointer = ref.partition("#")
    target_file = target_file or file
    target = schemas[target_file]
    for part in filter(None, pointer.split("/")):
        target = target[part]
    inlined = _inline_refs(target, target_file, schemas, (*resolving, ref))
    rest = {key: value for key, value in node.items() if key != "$ref"}
    if set(rest) <= ANNOTATIONS:
        return {**inlined, **rest}
    return {"allOf": [inlined], **_inline_refs(rest, file, schemas, resolving)}


def _explain(error, name) -> str:
    """Turn a jsonschema error into a sentence that says what to change."""
    value, validator = error.instance, error.validator
    shown = visible(str(value))
    field = error.path[-1] if error.path else ""
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(value) - set(allowed))
        return (
            f"unknown field '{unknown[0]}'{_suggest(unknown[0], allowed)}; "
            f"allowed fields are: {', '.join(allowed)}"
        )
    if validator == "required":
        missing = re.search(r"'([^']+)' is a required", error.message)
        return f"missing required field '{missing.group(1) if missing else error.message}'; add it"
    if validator == "enum":
        return (
            f"'{shown}' is not allowed here{_suggest(value, error.validator_value)}; "
            f"use one of: {', '.join(map(str, error.validator_value))}"
        )
    if validator == "const":
        return f"'{shown}' is not allowed here; write {json.dumps(error.validator_value)} or remove the field"
    if field in ("date", "start", "end"):
        return (
            f'\'{shown}\' is not a date in an allowed form; write "YYYY", "YYYY-MM" or '
            '"YYYY-MM-DD" in quotes, or a range with start: and end:'
        )
    if field in ("url", "archive_url") or (len(error.path) > 1 and error.path[-2] == "copies"):
        return f"'{shown}' is not a web address; {ADDRESS_FIX}"
    if validator == "pattern":
        return (
            f"'{shown}' is not a valid key; use lower-case words and digits joined by hyphens, "
            "such as berger-morgan-2015-census"
        )
    if validator == "minItems" and field == "sources":
        return "needs at least one source key from docs/data/sources.yml"
    if validator == "minItems":
        return "must list at least one item"
    if validator == "uniqueItems":
        return "lists the same item twice; remove the repeat"
    if validator == "type":
        wanted = {
            "array": "a list",
            "object": "a set of fields",
            "string": "text in quotes",
            "number": "a number",
            "boolean": "true or false",
        }
        expected = (
            error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        )
        return f"'{shown}' should be {' or '.join(wanted.get(t, t) for t in expected)}"
    if validator == "oneOf" and field == "value":
        return f"'{shown}' should be a number, or a range with low: and high:"
    if validator == "minLength":
        return "is empty; write the text"
    return error.message


def _date_problems(start: str, end: str, today: datetime.date) -> list[tuple[str, str]]:
    """(level, message) for one date or range, already in an allowed form."""
    problems = []
    for part in dict.fromkeys((start, end)):
        if not dates.is_real(part):
            problems.append(("error", f"'{part}' is not a real date; check the month (01-12) and the day"))
        elif not MIN_YEAR <= int(dates.year(part)) <= today.year + 1:
            problems.append(
                (
                    "error",
                    f"'{part}' is outside the years this site covers ({MIN_YEAR} to "
                    f"{today.year + 1}); check the year",
                )
            )
        elif dates.days(part)[0] > today:
            problems.append(("warning", f"'{part}' is after today ({today.isoformat()}); check the date"))
    if problems or start == end:
        return problems
    (start_first, _), (end_first, end_last) = dates.days(start), dates.days(end)
    if start_first > end_last:
        problems.append(("error", f"the range starts ({start}) after it ends ({end}); swap start and end"))
    elif start_first > end_first:
        problems.append(
            (
                "error",
                f"the range's end ({end}) is less precise than its start ({start}) and "
                "begins before it; write the end as precisely as the start",
            )
        )
    return problems


def _check_dates(entries, lines, file) -> list[Problem]:
    problems, today = [], dates.today()
    for index, entry in enumerate(entries):
        if "date" in entry:
            problems += [
                Problem(file, lines.get((index, "date")), message, f"[{index}].date", level)
                for level, message in _date_problems(*dates.bounds(entry["date"]), today)
            ]
    return problems


def _values(value, path=()):
    """(path, value) for every string and number inside an entry, lists and ranges included."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _values(item, path + (key,))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _values(item, path + (position,))
    elif isinstance(value, (str, float, int)) and not isinstance(value, bool):
        yield path, value


def _value_problem(field: str, value) -> str | None:
    """What is wrong with one string or number whatever its field, or None."""
    if isinstance(value, str):
        if not value.strip():
            return "is empty; write the text or remove the field"
        hidden = INVISIBLE.findall(value)
        if hidden and field in PLAIN_FIELDS:
            names = ", ".join(
                dict.fromkeys(f"U+{ord(c):04X} {unicodedata.name(c, '')}".strip() for c in hidden)
            )
            return f"'{visible(value)}' contains an invisible character ({names}); delete it"
        return None
    if not math.isfinite(value):
        return f"'{value}' is not a finite number; write the figure in digits"
    if value < 0:
        return f"'{value}' is negative; a figure counts something, so write 0 or more"
    return None


def _check_values(entries, lines) -> dict[tuple, str]:
    """{path: message} for empty text, invisible characters in keys, titles and addresses,
    and numbers that are infinite, not a number or negative."""
    found = {}
    for index, entry in enumerate(entries):
        for path, value in _values(entry, (index,)):
            message = _value_problem(path[1] if len(path) > 1 else "", value)
            if message:
                found[path] = message
    return found


def visible(text: str) -> str:
    """text with line breaks, controls and invisible characters written as escapes, for messages."""
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")
        else char
        for char in text
    )


def _addresses(source: dict):
    """(field path, address) for every address of a source: url, archive_url and each copy."""
    for field in URL_FIELDS:
        value = source.get(field)
        for position, url in enumerate(value) if isinstance(value, list) else [(None, value)]:
            if isinstance(url, str):
                yield (field,) if position is None else (field, position), url


def _check_urls(sources, lines, file) -> list[Problem]:
    """Addresses are one web address each; url and archive_url need http_ok to be http://.

    Copies (reposts) keep the scheme they were read at, as the data has always allowed.
    """
    problems = []
    for index, source in enumerate(sources):
        for path, url in _addresses(source):
            where = _field_path((index, *path))
            line = lines.get((index, *path)) or lines.get((index, path[0]))
            match = WEB_ADDRESS.fullmatch(url)
            unsafe = UNSAFE_IN_ADDRESS.search(url)
            if unsafe and re.fullmatch(r"https?://\S+", url):
                problems.append(
                    Problem(
                        file,
                        line,
                        f"'{visible(url)}' contains '{unsafe.group(0)}', which an address holds only "
                        f"encoded; write it as %{ord(unsafe.group(0)):02X}",
                        where,
                    )
                )
            elif not match:
                problems.append(
                    Problem(file, line, f"'{visible(url)}' is not a web address; {ADDRESS_FIX}", where)
                )
            elif match.group(1) == "http" and path[0] != "copies" and not source.get("http_ok"):
                problems.append(
                    Problem(
                        file,
                        line,
                        f"'{url}' is not https://; "
                        "use the https:// address, or add http_ok: true only if the "
                        "research recorded this exact http:// address",
                        where,
                    )
                )
        linked = [field for field in URL_FIELDS if field in source]
        if source.get("link_withheld") and linked:
            problems.append(
                Problem(
                    file,
                    lines.get((index, linked[0])),
                    f"the source has link_withheld but also {linked[0]}; "
                    "remove the address, or remove link_withheld",
                    f"[{index}].{linked[0]}",
                )
            )
        if source.get("http_ok") and not any(
            url.startswith("http://") for path, url in _addresses(source) if path[0] != "copies"
        ):
            problems.append(
                Problem(
                    file,
                    lines.get((index, "http_ok")),
                    "http_ok is set but no address is http://; remove http_ok",
                    f"[{index}].http_ok",
                )
            )
    return problems


def _check_authors(sources, lines, file) -> list[Problem]:
    """'et al.' is not a name: it printed as 'X and et al.' in references and downloads."""
    return [
        Problem(
            file,
            lines.get((index, "authors", position)),
            "'et al.' is not an author; list every author the source names, or only the ones you could read",
            f"[{index}].authors[{position}]",
        )
        for index, source in enumerate(sources)
        for position, name in enumerate(source.get("authors", []))
        if name.strip().rstrip(".").lower() in ("et al", "and others", "others")
    ]


def _check_ranges(figures, lines, file) -> list[Problem]:
    return [
        Problem(file, lines.get((index, "value")), "low is greater than high; swap them", f"[{index}].value")
        for index, figure in enumerate(figures)
        if isinstance(figure["value"], dict) and figure["value"]["low"] > figure["value"]["high"]
    ]


def _check_series(figures, lines, file) -> list[Problem]:
    """A chart line joins a series, so a series holds one party's figures of one type and unit:
    a line between different parties or kinds of figure would read as a trend that is not there."""
    problems, first = [], {}
    for index, figure in enumerate(figures):
        if "series" not in figure:
            continue
        earlier = first.setdefault(figure["series"], (index, figure))[1]
        for field in ("type", "who", "unit"):
            if figure[field] != earlier[field]:
                problems.append(
                    Problem(
                        file,
                        lines.get((index, "series")),
                        f"series '{figure['series']}' joins figures with different {field} "
                        f"('{earlier[field]}' and '{figure[field]}'); a series is one party's figures "
                        "of one type and unit, so give this figure its own series or none",
                        f"[{index}].series",
                    )
                )
                break
    return problems


def _check_lanes(events, lines, file, actors) -> list[Problem]:
    """Every event has a lane in the timeline's overview, from its actors or its own lanes."""
    return [
        Problem(
            file,
            lines.get((index, "actors")) or lines.get((index,)),
            "the event has no lane in the timeline's overview: none of its actors has one; "
            "add an actor, or lanes: [other] (or another lane from common.schema.json)",
            f"[{index}].lanes",
        )
        for index, event in enumerate(events)
        if not event.get("lanes") and not any(key in actors for key in event["actors"])
    ]


def _index(entries, lines, file, name) -> tuple[dict, list[Problem]]:
    field, index_by_key, problems = ID_FIELD[name], {}, []
    for index, entry in enumerate(entries):
        key = entry[field]
        if key in index_by_key:
            problems.append(
                Problem(
                    file,
                    lines.get((index, field)),
                    f"duplicate {field} '{key}' (first "
                    f"used at line {lines.get((index_by_key[key][0], field))}); "
                    f"every {field} must be unique",
                    f"[{index}].{field}",
                )
            )
        else:
            index_by_key[key] = (index, entry)
    return {key: entry for key, (_, entry) in index_by_key.items()}, problems


def _check_references(entries, lines, file, field, known, known_file) -> list[Problem]:
    problems = []
    for index, entry in enumerate(entries):
        for position, key in enumerate(entry.get(field, [])):
            if key not in known:
                problems.append(
                    Problem(
                        file,
                        lines.get((index, field, position)),
                        f"unknown key "
                        f"'{key}'{_suggest(key, known)}; use a key from {known_file} "
                        "or add an entry there",
                        f"[{index}].{field}[{position}]",
                    )
                )
    return problems


SCHEMA_PASSED = "schema-passed"  # in the project's .cache/: see _schema_errors


def _schema_errors(name: str, path: pathlib.Path, entries) -> list:
    """The schema's errors for a file's entries, in the order of their paths.

    `make build` runs `make check` and then the build, and both validate: on a timeline of
    10,000 events the schema alone took seconds each time. So when the file passes, the
    SHA-256 of the schema and the file's exact bytes is kept in the project's
    .cache/schema-passed/ (beside mkdocs.yml), and a later run that finds the same hash
    there skips the schema. Any edit to the file or the schema changes the hash; a file
    that fails is never recorded; every other check still runs."""
    mark = _passed_mark(name, path)
    if mark is not None and mark[0].is_file() and mark[0].read_text(encoding="ascii") == mark[1]:
        return []
    errors = sorted(_validator(name).iter_errors(entries), key=lambda e: list(map(str, e.path)))
    if not errors and mark is not None:
        try:
            write_whole(mark[0], mark[1].encode("ascii"))
        except OSError:
            pass  # a read-only project: validate every time
    return errors


def _passed_mark(name: str, path: pathlib.Path) -> tuple[pathlib.Path, str] | None:
    """(the mark's file, the hash it must hold), or None outside a project (no mkdocs.yml)."""
    project = path.resolve().parent.parent.parent  # <project>/docs/data/<name>.yml
    if not (project / "mkdocs.yml").is_file():
        return None
    try:
        digest = hashlib.sha256(_schema_digest(name) + path.read_bytes()).hexdigest()
    except OSError:
        return None
    return project / ".cache" / SCHEMA_PASSED / name, digest


@functools.cache
def _schema_digest(name: str) -> bytes:
    """Every schema file (one may refer to another) and the jsonschema version, hashed."""
    digest = hashlib.sha256(f"{name}\n{importlib.metadata.version('jsonschema')}\n".encode())
    for schema_file in sorted(SCHEMA_DIR.glob("*.schema.json")):
        digest.update(schema_file.name.encode() + b"\n" + schema_file.read_bytes())
    return digest.digest()


def _validate_file(name, data_dir) -> tuple[list, dict, str, list[Problem]]:
    path = data_dir / f"{name}.yml"
    file = display_path(path)
    data, lines = read_yaml(path)
    if not isinstance(data, list):
        return (
            [],
            lines,
            file,
            [Problem(file, 1, "the file must be a list of entries, each starting with '- '")],
        )
    problems = []
    values = _check_values(data, lines)  # clearer than the schema's word on the same value
    for error in _schema_errors(name, path, data):
        path_tuple = tuple(error.path)
        if path_tuple in values:
            continue
        if error.validator == "additionalProperties":  # point at the unknown field itself
            unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            path_tuple += (unknown[0],)
        line = lines.get(path_tuple) or lines.get(path_tuple[:1])
        problems.append(Problem(file, line, _explain(error, name), _field_path(path_tuple)))
    problems += [
        Problem(file, lines.get(path) or lines.get(path[:1]), message, _field_path(path))
        for path, message in values.items()
    ]
    return data, lines, file, problems


def validate(data_dir: pathlib.Path) -> Dataset:
    """Load all data files, check them, and return the Dataset or raise ContentError."""
    data_dir = pathlib.Path(data_dir)
    loaded, problems = {}, []
    for name in FILES:
        try:
            loaded[name] = _validate_file(name, data_dir)
        except ContentError as error:
            problems += error.problems
            continue
        problems += loaded[name][3]
    if problems:
        raise ContentError(problems)
    indexes = {}
    for name, (entries, lines, file, _) in loaded.items():
        indexes[name], duplicates = _index(entries, lines, file, name)
        problems += duplicates
        problems += _check_dates(entries, lines, file)
    sources_file = loaded["sources"][2]
    actors_file = loaded["actors"][2]
    problems += _check_urls(*loaded["sources"][:3])
    problems += _check_authors(*loaded["sources"][:3])
    for name in ("timeline", "actors", "figures", "corrections"):
        problems += _check_references(*loaded[name][:3], "sources", indexes["sources"], sources_file)
    problems += _check_references(*loaded["timeline"][:3], "actors", indexes["actors"], actors_file)
    problems += _check_ranges(*loaded["figures"][:3])
    problems += _check_series(*loaded["figures"][:3])
    problems += _check_lanes(*loaded["timeline"][:3], indexes["actors"])
    if any(problem.level == "error" for problem in problems):
        raise ContentError(problems)
    return Dataset(
        indexes["sources"],
        indexes["timeline"],
        indexes["actors"],
        indexes["figures"],
        indexes["corrections"],
        data_dir,
        problems,
        {name: loaded[name][1] for name in FILES},
    )


STORED_DATASET = "dataset"  # in the project's .cache/: see _validated


@functools.cache
def _code_digest() -> bytes:
    """Everything validate()'s result depends on besides the data: this package's code and
    schemas, the YAML and schema libraries, Python, and the working folder (file names in
    messages are relative to it)."""
    digest = hashlib.sha256()
    for name in ("pyyaml", "jsonschema"):
        digest.update(f"{name} {importlib.metadata.version(name)}\n".encode())
    digest.update(f"{sys.version}\n{os.getcwd()}\n".encode())
    package = pathlib.Path(__file__).parent
    for code_file in sorted([*package.glob("*.py"), *SCHEMA_DIR.glob("*.json")]):
        digest.update(code_file.name.encode() + b"\n" + code_file.read_bytes())
    return digest.digest()


def _stored_dataset(data_dir: pathlib.Path) -> tuple[pathlib.Path, str] | None:
    """(where the validated Dataset of these exact data files is kept, the hash of the data
    and the code), or None outside a project (no mkdocs.yml) or if a file can't be read."""
    project = data_dir.parent.parent  # <project>/docs/data
    if not (project / "mkdocs.yml").is_file():
        return None
    digest = hashlib.sha256(_code_digest() + str(data_dir).encode() + b"\n")
    for name in FILES:
        try:
            digest.update(f"{name}\n".encode() + (data_dir / f"{name}.yml").read_bytes())
        except OSError:
            return None
    return project / ".cache" / STORED_DATASET / "dataset.pickle", digest.hexdigest()


def _validated(data_dir: pathlib.Path) -> Dataset:
    """validate(data_dir), or the Dataset it gave for exactly the same files and code.

    `make build` runs `make check` and then the build, and each validated all the data:
    at 10,000 timeline events, over a second each time. So the Dataset that passed is
    kept in the project's .cache/dataset/ with the hash of every data file's bytes and of
    the code that checked them (_code_digest), and a run that finds the same hash reads
    it back instead (about a fifth of the time). Any edit to a data file, the schemas or
    this package changes the hash; data that fails is never kept, so its errors are
    reported on every run."""
    stored = _stored_dataset(data_dir)
    if stored is None:
        return validate(data_dir)
    path, digest = stored
    if path.is_file():
        try:
            dataset = pickle.loads(path.read_bytes())
            if dataset.fingerprint == digest:
                return dataset
        except Exception:  # noqa: BLE001 - unreadable or from other code: validate instead
            pass
    dataset = validate(data_dir)
    if _stored_dataset(data_dir) == stored:  # no file changed meanwhile
        dataset.fingerprint = digest
        try:
            write_whole(path, pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a read-only project: validate every time
    return dataset


@functools.lru_cache(maxsize=4)
def _load_cached(data_dir: pathlib.Path, stamp: tuple) -> Dataset:
    return _validated(data_dir)


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def load(data_dir) -> Dataset:
    """The validated Dataset, re-read only when a data file changes (once per build).

    Cached on the resolved folder, so 'docs/data' and its absolute path share one entry,
    and on every file's modification time, so `mkdocs serve` sees an edit.
    """
    data_dir = pathlib.Path(data_dir).resolve()
    stamp = tuple(_mtime(os.path.join(data_dir, f"{name}.yml")) for name in FILES)
    return _load_cached(data_dir, stamp)
