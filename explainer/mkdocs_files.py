"""MkDocs hook: add the build's extra files: data downloads, feed.xml and share cards.

This is the site's only MkDocs-specific code. Markdown extensions cannot add files
to a build, so this hook does; adding them as generated files (not writing after the
build) lets MkDocs check the links to them from the pages. Each file comes from a plain
function that runs without MkDocs (explainer/downloads.py, explainer/feed.py,
explainer/cards.py), so a Zensical build can produce them the same way; Zensical
ignores hooks. Cards are cached in .cache/cards/ beside mkdocs.yml (see cards.py).
"""

from __future__ import annotations

import pathlib

from mkdocs.structure.files import File

from explainer import cards, data, downloads, feed


def on_files(files, config):
    docs_dir = pathlib.Path(config["docs_dir"])
    dataset = data.load(docs_dir / "data")
    for path, render in downloads.FILES.items():
        files.append(File.generated(config, path, content=render(dataset)))
    site_url = config["site_url"] or "http://127.0.0.1:8000/"
    files.append(
        File.generated(config, feed.FEED_PATH, content=feed.atom(docs_dir, site_url, config["site_name"]))
    )
    cache = pathlib.Path(config["config_file_path"]).parent / ".cache" / "cards"
    for card in cards.page_cards(docs_dir, config["site_name"]):
        files.append(File.generated(config, card.path, content=cards.render(card, cache)))
    return files
