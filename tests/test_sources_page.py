"""The Sources page: its filter form, its order, and authors printed without "and et al."."""

from __future__ import annotations

import re

from explainer.formatting import authors_text, reference_text

from conftest import built_pages
from helpers import convert


def test_the_filter_form_has_a_labelled_type_select_a_text_box_and_a_count():
    html = convert("/// sources\n///", page="sources.md")
    form = html.split("<form", 1)[1].split("</form>", 1)[0]
    assert 'data-search-exclude=""' in form and 'aria-label="Filter the sources"' in form
    assert '<label for="source-type">Type</label><select id="source-type" name="type">' in form
    # One option per type on the page, valued by its heading's id, in the page's order.
    assert re.findall(r'<option value="([^"]*)">', form) == ["", "type-research-report", "type-news-report"]
    assert re.findall(r'<h2 id="(type-[^"]+)"', html) == ["type-research-report", "type-news-report"]
    assert '<label for="source-text">Find in the list</label>' in form
    assert 'id="source-text" name="text" type="search"' in form
    assert '<p aria-live="polite" class="source-count" role="status">Showing all 2 sources.</p>' in form
    assert html.index("</form>") < html.index("<h2"), "the form comes before the list"


def test_more_than_three_authors_print_as_the_first_et_al_never_and_et_al():
    assert authors_text(["A", "B", "C", "D"]) == "A et al."
    assert authors_text(["A", "B", "C"]) == "A, B and C"
    source = {"authors": ["Maura Conway", "B", "C", "D"], "title": "T", "publisher": "P", "date": "2017"}
    assert reference_text(source).startswith("Maura Conway et al. (2017).")


def test_no_built_page_or_bibliography_download_prints_and_et_al(site_dir):
    files = [*built_pages(site_dir), *sorted((site_dir / "downloads").glob("sources.*"))]
    assert any(path.name == "sources.bib" for path in files)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\band\s+et\s+al\b", text, re.I), f"{path.relative_to(site_dir)}: 'and et al.'"
