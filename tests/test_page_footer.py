"""Every page ends with its last change, a "Report an error" link and "Cite this page"."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from explainer import cite
from explainer.page_footer import report_link

from conftest import built_pages
from helpers import FIXTURE

WORK = cite.Work(
    title="Watch or remove?",
    site="The Takedown Debate",
    url="https://example.org/debate/watch-or-remove/",
    date="2026-11-28",
    revision="abc1234",
)


def test_the_report_link_opens_the_correction_form_with_the_page_filled_in():
    address = report_link("https://github.com/o/r/", "Watch or remove?", WORK.url)
    parts = urlsplit(address)
    assert parts.netloc == "github.com" and parts.path == "/o/r/issues/new"
    assert parse_qs(parts.query) == {
        "template": ["correction.yml"],
        "title": ["Correction: Watch or remove?"],
        "page": [WORK.url],
    }


def test_a_page_is_cited_in_four_formats_with_its_date_and_revision():
    formats = cite.formats(WORK)
    assert formats["APA"] == (
        "The Takedown Debate. (2026, November 28). Watch or remove? (Revision abc1234). "
        "https://example.org/debate/watch-or-remove/"
    )
    assert formats["MLA"] == (
        "“Watch or remove?” The Takedown Debate, revision abc1234, 28 Nov. 2026, "
        "https://example.org/debate/watch-or-remove/."
    )
    assert formats["Chicago"] == (
        "The Takedown Debate. “Watch or remove?” Last modified November 28, 2026. "
        "Revision abc1234. https://example.org/debate/watch-or-remove/"
    )
    assert formats["BibTeX"].startswith("@misc{the-takedown-debate-watch-or-remove,\n")
    assert "  note = {Last changed 2026-11-28, revision abc1234}" in formats["BibTeX"]


def test_without_git_the_citation_says_unreleased_and_gives_no_date():
    work = cite.Work(title="Overview", site="S", url="u", date=None, revision=cite.UNRELEASED)
    assert cite.apa(work) == "S. (n.d.). Overview. (Revision unreleased). u"
    assert "year" not in cite.bibtex(work) and "Revision unreleased" in cite.bibtex(work)


def test_an_argument_is_cited_within_its_page_by_its_anchor():
    part = cite.Work(
        title="Rapid flagging undermines tracking",
        site="S",
        url="u#arg-x",
        date="2026-01-05",
        revision="r",
        container="Watch or remove?",
        anchor="arg-x",
    )
    assert (
        cite.apa(part) == "S. (2026, January 5). Rapid flagging undermines tracking. In Watch or remove? "
        "(Revision r). u#arg-x"
    )
    assert cite.bibtex(part).startswith("@misc{s-arg-x,")


def test_every_built_page_has_the_report_link_and_the_citation_left_out_of_search(site_dir):
    for path in built_pages(site_dir):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        footer = soup.select_one("aside.page-footer")
        assert footer is not None and footer.has_attr("data-search-exclude"), path
        title = soup.select_one("article h1").get_text().removesuffix("¶").strip()
        query = parse_qs(urlsplit(footer.select_one("a.report-error")["href"]).query)
        assert query["template"] == ["correction.yml"] and query["page"] == [footer["data-cite-url"]], path
        assert query["title"] == [f"Correction: {footer['data-cite-title']}"], path
        assert footer["data-cite-title"] in (title, soup.title.get_text().split(" - ")[0]), path
        names = [term.get_text() for term in footer.select(".cite-formats dt")]
        assert names == ["APA", "MLA", "Chicago", "BibTeX"], path
        assert not footer.select(".cite-formats abbr"), f"{path}: a glossary tooltip inside a citation"
        assert footer["data-cite-revision"] in footer.select_one(".cite-print").get_text(), path


def test_the_contributing_page_links_to_each_issue_form(site_dir):
    soup = BeautifulSoup(
        (site_dir / "about" / "contributing" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    forms = {
        parse_qs(urlsplit(a["href"]).query)["template"][0]
        for a in soup.select("article a[href*='/issues/new?template=']")
    }
    assert forms == {"correction.yml", "new-source.yml", "new-event.yml"}


def test_the_404_page_offers_search_the_eight_questions_and_the_timeline(site_dir, offline_site_dir):
    for site in (site_dir, offline_site_dir):
        soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one("form[role=search] input[name=q]") is not None
        questions = soup.select(".not-found-questions a")
        assert len(questions) == 8, site
        assert any("timeline" in a["href"] for a in soup.select("article a")), site


def test_the_offline_copy_is_linked_with_its_size_when_the_zip_exists(tmp_path):
    import shutil

    import markdown

    from explainer.offline_copy import zip_size

    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE / "docs", docs)
    assert zip_size(tmp_path) is None
    (tmp_path / "site-offline.zip").write_bytes(b"0" * 2_345_678)
    assert zip_size(tmp_path) == "2.3 MB"
    md = markdown.Markdown(
        extensions=["explainer"],
        extension_configs={"explainer": {"docs_dir": str(docs), "site_url": "https://example.org/site/"}},
    )
    html = md.convert("/// offline-copy\n///")
    assert (
        '<a download="" href="https://example.org/site/site-offline.zip">site-offline.zip (2.3 MB)</a>'
        in html
    )
    assert "open index.html" in html


def test_the_about_page_and_every_page_footer_link_the_offline_copy(site_dir):
    about = BeautifulSoup((site_dir / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert about.select_one("article .explainer-offline-copy a[href$='/site-offline.zip']") is not None
    for path in built_pages(site_dir):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one(".page-footer .offline-copy a[href$='/site-offline.zip']") is not None, path
