"""Zensical, Material's successor, builds the same sources with the site's extensions.

Material for MkDocs reaches end of life in May 2027; keeping citations, timeline and
sources in Python-Markdown extensions (not MkDocs hooks) is what makes this pass.
"""

import html as html_text

import pytest

from explainer import cards, downloads, feed
from explainer.usage import page_files

import zensical_build
from conftest import ROOT, build_once, built_pages
from helpers import copy_fixture
from html_policy import page_breaches
from project_copy import copy_project


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory):
    """The site built by Zensical, once per test run (whichever xdist worker asks first)."""

    def make(site):
        result = zensical_build.build(site)
        return None if result.returncode == 0 else f"zensical build failed:\n{result.stdout + result.stderr}"

    return build_once(tmp_path_factory, "zensical-site", make)


def test_zensical_builds_every_page_with_the_packages_rendering(zensical_site, site_dir):
    site = zensical_site
    mkdocs_pages = {p.relative_to(site_dir) for p in built_pages(site_dir)}
    zensical_pages = {p.relative_to(site) for p in built_pages(site)}
    assert mkdocs_pages <= zensical_pages, mkdocs_pages - zensical_pages
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert timeline.count('<li class="timeline-event"') >= 40
    assert '<a class="cite" href="#source-' in timeline
    assert 'href="../whos-who/#' in timeline  # relative .md links rewritten by Zensical
    # The edit button opens the data file the page names (overrides/partials/actions.html).
    assert "/edit/main/docs/data/timeline.yml" in html_text.unescape(timeline)
    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert '<h3 class="source-reference" id="cottee-2015-atlantic">' in sources
    assert "The Takedown Debate. (" in timeline and "Timeline. (Revision " in timeline  # Cite this page
    assert "<abbr title=" in (site / "index.html").read_text(encoding="utf-8")
    for html in sorted(site.rglob("*.html")):  # the same HTML policy and content security policy
        if "assets" not in html.relative_to(site).parts:
            page = page_breaches(
                html.read_text(encoding="utf-8"), "/" + html.parent.relative_to(site).as_posix()
            )
            assert not page.broken, f"{html.relative_to(site)}: {page.broken}"


def test_zensical_stops_on_a_bad_citation_with_a_clean_message(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "timeline.md"
    page.write_text(page.read_text() + "\nBroken [@no-such-source].\n")
    result = zensical_build.build(tmp_path / "site", project=project)
    assert result.returncode == 1
    assert "unknown source key 'no-such-source'" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_zensical_writes_the_same_extra_files_as_the_mkdocs_hook(zensical_site, site_dir):
    docs = ROOT / "docs"
    expected = {*downloads.FILES, feed.FEED_PATH}
    expected |= {cards.card_path(path.relative_to(docs).as_posix()) for path in page_files(docs)}
    for path in sorted(expected):
        mkdocs_file, zensical_file = site_dir / path, zensical_site / path
        assert mkdocs_file.is_file() and zensical_file.is_file(), path
        assert mkdocs_file.read_bytes() == zensical_file.read_bytes(), path


def test_zensical_stops_on_a_bad_block_with_a_clean_message(tmp_path):
    project = copy_fixture(tmp_path)
    page = project / "docs" / "timeline.md"
    lines = page.read_text().count("\n")
    page.write_text(page.read_text() + "\n/// timeline\nthemes: [no-such-theme]\n///\n")
    result = zensical_build.build(tmp_path / "site", project=project)
    assert result.returncode == 1
    message = f"docs/timeline.md:{lines + 2}: /// timeline: unknown theme 'no-such-theme' in option 'themes'"
    assert result.stderr.strip().splitlines()[-1].startswith(message + "; use one of: ")
    assert "Traceback" not in result.stdout + result.stderr


def test_zensical_stops_on_bad_data_with_a_clean_message(tmp_path):
    project = copy_fixture(tmp_path)
    figures = project / "docs" / "data" / "figures.yml"
    figures.write_text(figures.read_text().replace("value: 46000", "value: -46000", 1))
    result = zensical_build.build(tmp_path / "site", project=project)
    assert result.returncode == 1
    assert "docs/data/figures.yml:2: [0].value:" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
