"""Edit links: a page that shows a data file opens that file, not its short Markdown stub.

The page names the file once, in its front matter (`edit_data: data/timeline.yml`), and
overrides/partials/actions.html builds both buttons (edit and view) from it.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from explainer.usage import front_matter, page_files

from conftest import ROOT

DOCS = ROOT / "docs"
CONFIG = dict(
    re.findall(r"^(repo_url|edit_uri): (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
)
EDIT_BASE = CONFIG["repo_url"].rstrip("/") + "/" + CONFIG["edit_uri"].strip("/") + "/"
# The file each listing block shows in full (a block with options shows a slice of it).
BLOCK_FILE = {
    "timeline": "data/timeline.yml",
    "sources": "data/sources.yml",
    "actors": "data/actors.yml",
    "figures": "data/figures.yml",
    "corrections": "data/corrections.yml",
    "glossary": "includes/abbreviations.md",
}
WHOLE_BLOCK = re.compile(r"^/// (" + "|".join(BLOCK_FILE) + r")\n(?:filters: true\n)?///$", re.M)
PAGES = {
    path.relative_to(DOCS).as_posix(): front_matter(path.read_text(encoding="utf-8"))
    for path in page_files(DOCS)
}


def built_page(site_dir, src: str) -> BeautifulSoup:
    path = src.removesuffix(".md")
    path = path.removesuffix("index") if path.endswith("index") else path + "/"
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_page_that_shows_a_whole_data_file_names_it_for_its_edit_link():
    for src, meta in PAGES.items():
        shown = {BLOCK_FILE[name] for name in WHOLE_BLOCK.findall((DOCS / src).read_text(encoding="utf-8"))}
        if shown:
            assert meta.get("edit_data") in shown, (
                f"{src} shows {sorted(shown)}; add edit_data: to its front matter"
            )


def test_edit_data_names_a_file_under_docs():
    named = {src: meta["edit_data"] for src, meta in PAGES.items() if meta.get("edit_data")}
    assert set(named) >= {"timeline.md", "sources.md", "whos-who.md", "numbers.md", "about/corrections.md"}
    for src, target in named.items():
        assert not target.startswith(("/", ".")) and (DOCS / target).is_file(), (
            f"{src}: no file docs/{target}"
        )


@pytest.mark.parametrize("src", sorted(PAGES))
def test_the_built_edit_and_view_links_open_the_file_the_page_shows(site_dir, src):
    target = PAGES[src].get("edit_data") or src
    buttons = built_page(site_dir, src).select("a.md-content__button")
    edit = [a["href"] for a in buttons if a.get("rel") == ["edit"]]
    assert edit == [EDIT_BASE + target], src
    view = [a["href"] for a in buttons if a.get("rel") != ["edit"]]
    assert view == [EDIT_BASE.replace("/edit/", "/raw/") + target], src
