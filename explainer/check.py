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
from .data import visible
from .errors import ContentError, Problem, display_path, line_of, read_utf8
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
    match = FRONT_MATTER.match(text)
    if not match:
        return [
            Problem(
                display_path(path),
                1,
                "no front matter; start the page with '---', 'title: ...', 'description: ...' and '---'",
            )
        ]
    try:
        anchor = data.first_anchor(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [
            Problem(
                display_path(path),
                mark.line + 2 if mark else 1,
                "front matter is not valid "
                f"YAML ({getattr(error, 'problem', None) or error}); write 'title: ...' and "
                "'description: ...', quoting text that contains ': '",
            )
        ]
    if anchor:
        return [Problem(display_path(path), anchor + 1, f"front matter: {data.ANCHOR_MESSAGE}")]
    meta = front_matter(text)
    problems = [
        Problem(display_path(path), 1, f"front matter has no '{field}:'; {fix}")
        for field, fix in REQUIRED_META.items()
        if not str(meta.get(field) or "").strip()
    ]
    title = str(meta.get("title") or "")
    if "<" in title or ">" in title:
        # The theme prints page titles unescaped in the navigation of every page.
        problems.append(
            Problem(
                display_path(path),
                line_of(path, "title:"),
                f"front matter title '{visible(title)}' contains '<' or '>'; the navigation prints "
                "titles as HTML, so write the title as plain text",
            )
        )
    hidden = data.INVISIBLE.search(title)
    if hidden:
        problems.append(
            Problem(
                display_path(path),
                line_of(path, "title:"),
                f"front matter title '{visible(title)}' contains an invisible character "
                f"(U+{ord(hidden.group(0)):04X}); delete it",
            )
        )
    return problems


def render_page(
    md: markdown.Markdown, docs_dir: pathlib.Path, path: pathlib.Path, text: str
) -> list[Problem]:
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
        try:
            used.update(cited_keys(read_utf8(path)))
        except ContentError:  # reported by run()
            continue
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


def symbolic_links(folders: list[pathlib.Path]) -> list[Problem]:
    """Links inside the published folders: a build follows them, so one could publish any
    file on the machine that builds the site."""
    return [
        Problem(
            f"{display_path(path.parent)}/{path.name}",  # the link, not where it points
            None,
            "is a symbolic link; put the file itself here (a link could publish files from "
            "outside the project)",
        )
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_symlink()
    ]


def run(config_file: pathlib.Path) -> list[Problem]:
    docs_dir = config_file.parent / "docs"
    links = symbolic_links([docs_dir, config_file.parent / "overrides"])
    if links:
        return links  # nothing is read through them
    try:
        dataset = data.load(docs_dir / "data")
    except ContentError as error:
        return error.problems
    names, configs = markdown_config(config_file)
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    problems = list(dataset.warnings)
    pages = {}
    for path in page_files(docs_dir):
        try:
            pages[path] = read_utf8(path)
        except ContentError as error:
            problems += error.problems
            continue
        problems += check_front_matter(path, pages[path])
    for path, text in pages.items():
        problems += render_page(md, docs_dir, path, text)
    for path in [*pages, *sorted((docs_dir / "includes").glob("*.md"))]:
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
