"""MkDocs hook: add the data downloads (explainer/downloads.py) to the built site.

This is the site's only MkDocs-specific code. Markdown extensions cannot add files
to a build, so this hook does; adding them as generated files (not writing after the
build) lets MkDocs check the links to them from the Sources and Timeline pages.
Zensical ignores hooks, so a Zensical build lacks only these six files.
"""

from __future__ import annotations

import pathlib

from mkdocs.structure.files import File

from explainer import data, downloads


def on_files(files, config):
    dataset = data.load(pathlib.Path(config["docs_dir"]) / "data")
    for path, render in downloads.FILES.items():
        files.append(File.generated(config, path, content=render(dataset)))
    return files
