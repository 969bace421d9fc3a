"""Zensical, Material's successor, builds the same sources with the site's extensions.

Material for MkDocs reaches end of life in May 2027; keeping citations, timeline and
sources in Python-Markdown extensions (not MkDocs hooks) is what makes this pass.
"""

import zensical_build
from conftest import built_pages
from html_policy import page_breaches
from project_copy import copy_project


def test_zensical_builds_every_page_with_the_packages_rendering(tmp_path, site_dir):
    site = tmp_path / "zensical"
    result = zensical_build.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    mkdocs_pages = {p.relative_to(site_dir) for p in built_pages(site_dir)}
    zensical_pages = {p.relative_to(site) for p in built_pages(site)}
    assert mkdocs_pages <= zensical_pages, mkdocs_pages - zensical_pages
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert timeline.count('class="timeline-event ') >= 40
    assert '<a class="cite" href="#source-' in timeline
    assert 'href="../whos-who/#' in timeline  # relative .md links rewritten by Zensical
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
