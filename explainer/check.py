"""`python -m explainer.check` (make check): every content check, before any build.

Validates docs/data against the schemas, then renders every page with the Markdown
extensions listed in mkdocs.yml, so a bad citation, figure or block option is caught
here with its file and line. Prints one line per problem; exits 1 on any error.
A source that no page and no data entry uses is a warning, not an error: it may be
kept on purpose for a page still being written.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys

import markdown
import yaml

from . import corrections, data, quotations
from .errors import ContentError, Problem, display_path
from .usage import FRONT_MATTER, cited_keys, front_matter, page_files

REQUIRED_META = {"title": "add the page's title", "description": "add a one-sentence description"}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: resolves !relative and !ENV like MkDocs, leaves other tags as plain values."""


def markdown_config(config_file: pathlib.Path) -> tuple[list, dict]:
    config_dir = config_file.parent.resolve()

    def relative(loader, node):
        value = loader.construct_scalar(node)
        return value.replace("$config_dir", str(config_dir)).replace("$docs_dir", str(config_dir / "docs"))

    def environment(loader, node):
        """!ENV NAME or !ENV [NAME, ..., default]: the first variable set, else the default."""
        names = (
            loader.construct_sequence(node)
            if isinstance(node, yaml.SequenceNode)
            else [loader.construct_scalar(node)]
        )
        variables = names[:-1] if len(names) > 1 else names
        default = names[-1] if len(names) > 1 else None
        return next((os.environ[name] for name in variables if name in os.environ), default)

    _ConfigLoader.add_constructor("!relative", relative)
    _ConfigLoader.add_constructor("!ENV", environment)
    _ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names, configs = [], {}
    for entry in config.get("markdown_extensions", []):
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = options
    return names, configs


def check_front_matter(path: pathlib.Path, text: str) -> list[Problem]:
    meta = front_matter(text)
    if not FRONT_MATTER.match(text):
        return [
            Problem(
                display_path(path),
                1,
                "no front matter; start the page with '---', 'title: ...', 'description: ...' and '---'",
            )
        ]
    return [
        Problem(display_path(path), 1, f"front matter has no '{field}:'; {fix}")
        for field, fix in REQUIRED_META.items()
        if not str(meta.get(field) or "").strip()
    ]


def render_page(md: markdown.Markdown, docs_dir: pathlib.Path, path: pathlib.Path) -> list[Problem]:
    text = path.read_text(encoding="utf-8")
    body = FRONT_MATTER.sub("", text, count=1)
    md.reset()
    md.explainer_page = path.relative_to(docs_dir).as_posix()
    try:
        md.convert(body)
    except ContentError as error:
        return error.problems
    except Exception as error:  # e.g. a missing snippet: still one line, never a traceback
        return [Problem(display_path(path), None, f"the page could not be rendered: {error}")]
    return []


def unused_sources(dataset: data.Dataset, docs_dir: pathlib.Path) -> list[Problem]:
    used = set()
    for path in page_files(docs_dir):
        used.update(cited_keys(path.read_text(encoding="utf-8")))
    for collection in (dataset.events, dataset.actors, dataset.figures):
        for entry in collection.values():
            used.update(entry["sources"])
    file = display_path(dataset.data_dir / "sources.yml")
    return [
        Problem(
            file,
            dataset.source_line(key),
            f"source '{key}' is not cited on any page or "
            "used by any event, actor or figure; cite it or remove it",
            level="warning",
        )
        for key in dataset.sources
        if key not in used
    ]


def run(config_file: pathlib.Path) -> list[Problem]:
    docs_dir = config_file.parent / "docs"
    try:
        dataset = data.load(docs_dir / "data")
    except ContentError as error:
        return error.problems
    names, configs = markdown_config(config_file)
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    problems = []
    for path in page_files(docs_dir):
        problems += check_front_matter(path, path.read_text(encoding="utf-8"))
        problems += render_page(md, docs_dir, path)
    for path in page_files(docs_dir) + sorted((docs_dir / "includes").glob("*.md")):
        problems += quotations.check_page(path, dataset)
    problems += quotations.check_data(dataset)
    problems += corrections.missing_pages(dataset, docs_dir)
    return problems + unused_sources(dataset, docs_dir)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", default="mkdocs.yml", type=pathlib.Path)
    args = parser.parse_args(argv)
    problems = run(args.config_file)
    for problem in problems:
        print(problem)
    errors = [p for p in problems if p.level == "error"]
    warnings = len(problems) - len(errors)
    if errors:
        print(
            f"check: {len(errors)} error(s), {warnings} warning(s). Fix the lines above, then run "
            "`make check` again.",
            file=sys.stderr,
        )
        return 1
    print(f"check: data and pages are valid ({warnings} warning(s)).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
