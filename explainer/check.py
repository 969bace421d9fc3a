"""`python -m explainer.check` (make check): every content check, before any build.

Validates docs/data against the schemas, then reads every page without rendering it:
its front matter, each citation key, each [fig:id] and each block's options, through
the same functions the extensions call while rendering, so a mistake is caught here
with the message and line the build would give. Prints one line per problem; exits 1
on any error. The strict build (make build) is the one render, and catches the rest.
A source that no page and no data entry uses is a warning, not an error: it may be
kept on purpose for a page still being written.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

import yaml

from . import citations, corrections, data, extension, figures, page_markup, quotations, vocabulary
from .blockbase import OptionError, block_uses
from .data import visible
from .errors import ContentError, Problem, display_path, line_of, read_utf8
from .usage import FRONT_MATTER, citing_pages, front_matter, page_files

BLOCKS = {block.NAME: block for block in extension.BLOCKS}  # the blocks the extension registers

REQUIRED_META = {"title": "add the page's title", "description": "add a one-sentence description"}


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
        if not anchor:  # a tag such as !!python/... is refused here, not read as no title
            yaml.load(match.group(1), Loader=data.YamlLoader)
    except yaml.YAMLError as error:
        line, reason = data.yaml_error_place(error, match.group(1))
        return [
            Problem(
                display_path(path),
                line + 1 if line else 1,
                f"front matter is not valid YAML ({reason}); write 'title: ...' and "
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


def page_problems(path: pathlib.Path, text: str, dataset: data.Dataset) -> list[Problem]:
    """What rendering the page would report, found without rendering it: each citation,
    figure and block checked by the functions the renderer itself calls."""
    docs_dir = dataset.data_dir.parent
    body = FRONT_MATTER.sub("", text, count=1)
    file = display_path(path)
    tokens = citations.citation_problems(body, dataset) + figures.figure_problems(body, dataset)
    problems = [Problem(file, line_of(path, token), message) for token, message in tokens]
    first_line = text.count("\n", 0, len(text) - len(body)) + 1
    problems += page_markup.page_problems(file, body, first_line, docs_dir / "includes")
    for use in block_uses(body, first_line=first_line):
        block = BLOCKS[use.name]
        try:
            block.check_use(use.argument, use.header, use.body, dataset, docs_dir)
        except OptionError as error:
            problems.append(Problem(file, use.line, f"/// {use.name}: {error}"))
        except ContentError as error:  # a block that reads other pages reports their lines
            problems += error.problems
    return problems


def unused_sources(dataset: data.Dataset, docs_dir: pathlib.Path) -> list[Problem]:
    used = set(citing_pages(docs_dir))  # the index the Sources page's "Cited on" reads
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
    problems = list(dataset.warnings) + vocabulary.problems()  # a schema value code lacks
    pages = {}
    for path in page_files(docs_dir):
        try:
            pages[path] = read_utf8(path)
        except ContentError as error:
            problems += error.problems
            continue
        problems += check_front_matter(path, pages[path])
        problems += page_problems(path, pages[path], dataset)
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
