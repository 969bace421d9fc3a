"""MkDocs hook: add the build's extra files (explainer/site_files.py) to the build.

Adding them as generated files, not writing them after the build, lets MkDocs check the
links to them from the pages. Each comes from a file in .cache/ beside mkdocs.yml
(cards in .cache/cards/, the rest in .cache/site-files/), not from memory, which MkDocs
would hold until the end of the build. Zensical ignores hooks; tools/zensical_build.py
writes the same files from the same functions.
"""

from __future__ import annotations

import pathlib

from mkdocs.structure.files import File

from explainer.site_files import cached_site_files


def on_files(files, config):
    cache = pathlib.Path(config["config_file_path"]).parent / ".cache"
    extra = cached_site_files(config["docs_dir"], config["site_name"], config["site_url"], cache)
    for path, source in extra.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    return files
