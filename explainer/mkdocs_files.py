"""MkDocs hook: add the build's extra files (explainer/site_files.py) to the build.

Adding them as generated files, not writing them after the build, lets MkDocs check the
links to them from the pages. Zensical ignores hooks; tools/zensical_build.py writes the
same files from the same function. Cards are cached in .cache/cards/ beside mkdocs.yml.
"""

from __future__ import annotations

import pathlib

from mkdocs.structure.files import File

from explainer.site_files import site_files


def on_files(files, config):
    cache = pathlib.Path(config["config_file_path"]).parent / ".cache" / "cards"
    extra = site_files(config["docs_dir"], config["site_name"], config["site_url"], cache)
    for path, content in extra.items():
        files.append(File.generated(config, path, content=content))
    return files
