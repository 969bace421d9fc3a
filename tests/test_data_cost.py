"""What a page costs does not grow with the data: bounded lists, one citation scanner, indexes.

Timings are in bench/events.py; these tests check the behaviour that keeps them down.
"""

import re
import shutil

import markdown
import pytest

from explainer import data, page_context, usage
from explainer.bibliography import LISTED
from explainer.extension import ExplainerExtension

from helpers import FIXTURE, convert

PAGE = "---\ntitle: Page {n}\ndescription: Page {n}.\n---\n\n# Page {n}\n\nCounted [@census-2015].\n"


def test_an_entry_cited_on_many_pages_names_the_first_and_counts_the_rest(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE / "docs", docs)
    for n in range(500):
        (docs / f"page-{n:03}.md").write_text(PAGE.format(n=n), encoding="utf-8")
    html = convert("/// sources\n///", docs_dir=docs, page="sources.md")
    details = re.search(r'<p class="source-details">Reliability: Peer-reviewed.*?</p>', html).group(0)
    cited_on = details.split("Cited on: ")[1].split(". Events:")[0]
    assert cited_on.count("<a ") == LISTED
    assert cited_on.startswith('<a href="index.md">Home</a>, <a href="page-000.md">Page 0</a>, ')
    assert cited_on.endswith(f'<a href="page-{LISTED - 2:03}.md">Page {LISTED - 2}</a> and 481 more pages')
    assert len(details.encode()) < 4000  # far below Zensical's 65,536-byte search field


def test_one_page_over_the_cap_is_named_rather_than_counted(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE / "docs", docs)
    for n in range(LISTED):  # with index.md: LISTED + 1 pages
        (docs / f"page-{n:03}.md").write_text(PAGE.format(n=n), encoding="utf-8")
    html = convert("/// sources\n///", docs_dir=docs, page="sources.md")
    cited_on = html.split("Cited on: ")[1].split(". Events:")[0]
    assert cited_on.count("<a ") == LISTED + 1 and "more page" not in cited_on


def test_the_usage_count_ignores_citations_shown_as_code(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("---\ntitle: A\n---\n\nCited [@census-2015].\n", encoding="utf-8")
    (docs / "b.md").write_text(
        "---\ntitle: B\n---\n\nAs code: `[@census-2015]`.\n\n```\n[@group-claim-2015]\n```\n",
        encoding="utf-8",
    )
    assert usage.citing_pages(docs) == {"census-2015": [("a.md", "A")]}


def test_a_page_works_out_each_link_once_and_the_next_page_starts_afresh(monkeypatch):
    worked_out, relative_link = [], page_context.relative_link

    def counted(here, target):
        worked_out.append((here, target))
        return relative_link(here, target)

    monkeypatch.setattr(page_context, "relative_link", counted)
    site = ExplainerExtension(docs_dir=str(FIXTURE / "docs"), page="debate/question.md")
    md = markdown.Markdown(extensions=[site])
    for _ in range(3):
        assert site.link("sources.md#census-2015") == "../sources.md#census-2015"
        assert site.link("debate/question.md#x") == "#x"
        assert site.link("debate/other.md") == "other.md"
    assert len(worked_out) == 3
    md.reset()  # as for the next page: its links are its own
    assert site.link("debate/other.md") == "other.md"
    assert len(worked_out) == 4


def test_relative_paths_match_posixpath_without_the_working_folder():
    import itertools
    import posixpath

    paths = ["index.md", "sources.md", "debate/index.md", "debate/x.md", "about/a/b.md", "a/b", "./x", "../y"]
    for path, here in itertools.product(paths, paths):
        start = posixpath.dirname(here)
        assert page_context._relative_path(path, start) == posixpath.relpath(path, start or "."), (path, here)


def test_events_are_indexed_by_actor_and_source_once():
    dataset = data.load(FIXTURE / "docs" / "data")
    assert [e["id"] for e in dataset.events_by_actor["researchers"]] == ["census-window"]
    assert [e["id"] for e in dataset.events_by_source["census-2015"]] == ["census-window"]
    assert dataset.events_by_actor is dataset.events_by_actor  # built once per loaded dataset


def full_read(text):
    loader = data.YamlLoader(text)
    node = loader.get_single_node()
    return loader.construct_document(node), data._node_lines(node)


def test_the_one_pass_yaml_reader_gives_what_the_full_reader_gives_on_every_data_file():
    from conftest import ROOT

    files = [*(ROOT / "docs" / "data").glob("*.yml"), *(FIXTURE / "docs" / "data").glob("*.yml")]
    assert len(files) == 10
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        assert data._read_plain(text) == full_read(text), path


@pytest.mark.parametrize(
    "text",
    [
        "- a: &x 1\n  b: *x\n",  # anchor and alias
        "- a: 1\n  a: 2\n",  # repeated field
        "- a: !!str 1\n",  # a tag
        "- 1: a\n",  # a key that is not text
        "- [a]: b\n",  # a key that is a list
        "- a: [\n",  # a syntax error
        "- a\n---\n- b\n",  # two documents
        "",  # nothing
        "[" * 60 + "]" * 60 + "\n",  # deep nesting
    ],
)
def test_anything_unusual_is_left_to_the_full_reader(text):
    assert data._read_plain(text) is None


def test_the_one_pass_reader_keeps_scalars_typed_and_dates_as_text():
    text = '- id: x\n  value: 12\n  share: 0.5\n  chart: true\n  note: null\n  date: 2015-03-01\n  q: "12"\n'
    assert data._read_plain(text) == full_read(text)
    assert data._read_plain(text)[0] == [
        {"id": "x", "value": 12, "share": 0.5, "chart": True, "note": None, "date": "2015-03-01", "q": "12"}
    ]


def test_mkdocs_rewrites_each_distinct_link_of_a_deferred_part_once():
    import xml.etree.ElementTree as etree

    from explainer.deferred import _rewrite_links

    class Relpath:  # MkDocs' link rewriting step, counting its calls
        def __init__(self):
            self.calls = []

        def path_to_url(self, url):
            self.calls.append(url)
            return url.replace(".md", "/")

    part = etree.fromstring(
        '<ol><li><a href="whos-who.md#a">A</a><a href="whos-who.md#a">A</a><img src="x.md"/></li>'
        '<li><a href="#e">E</a><a>no link</a><a href="whos-who.md#a">A</a></li></ol>'
    )
    relpath = Relpath()
    _rewrite_links(relpath, part, {})
    assert sorted(relpath.calls) == ["#e", "whos-who.md#a", "x.md"]
    hrefs = [a.get("href") for a in part.iter("a")]
    assert hrefs == ["whos-who/#a", "whos-who/#a", "#e", None, "whos-who/#a"]
    assert part.find(".//img").get("src") == "x/"
