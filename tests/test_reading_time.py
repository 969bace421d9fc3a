"""Reading time (explainer/reading_time.py) and the page lists built on it (explainer/page_list.py)."""

from __future__ import annotations

import re

import pytest

from explainer import page_list, reading_time
from explainer.blockbase import OptionError
from explainer.errors import ContentError
from explainer.reading_time import WORDS_PER_MINUTE

from helpers import PAGE_PARTS, convert


def words(count: int) -> str:
    return " ".join(["word"] * count)


def page(title: str, description: str, body: str) -> str:
    return f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\n{body}\n"


@pytest.fixture
def docs(tmp_path):
    """A docs folder with three pages of known length (the title's words count too)."""
    (tmp_path / "data").mkdir()
    for name in ("sources", "timeline", "actors", "figures", "corrections"):
        (tmp_path / "data" / f"{name}.yml").write_text("[]\n")
    (tmp_path / "debate").mkdir()
    (tmp_path / "debate" / "short.md").write_text(page("Short", "A short page.", words(199)))
    (tmp_path / "debate" / "long.md").write_text(page("Long", "A long page.", words(699)))
    (tmp_path / "listing.md").write_text(page("Listing", "A list.", words(9) + "\n\n/// timeline\n///"))
    (tmp_path / "index.md").write_text(page("Home", "Home.", "Hello."))
    return tmp_path


def render(docs, text: str, src: str = "index.md") -> str:
    return convert(text, docs_dir=docs, page=src, keep=PAGE_PARTS)


def test_words_leave_out_front_matter_citations_markup_code_and_data_blocks():
    text = (
        "---\ntitle: Not counted\n---\n\n"
        "# Two words\n\n"
        "One [link](https://example.org/not/counted) cited [@some-key] here { #anchor }.\n\n"
        '<div class="x" markdown>inside</div>\n\n'
        "```\nnot counted either\n```\n\n"
        "/// timeline\nids: [not, counted]\n///\n\n"
        "*[DDoS]: not counted\n"
    )
    assert reading_time.page_words(text) == 2 + 4 + 1


def test_minutes_round_at_the_site_rate_and_are_never_zero():
    assert reading_time.minutes(0) == 1
    assert reading_time.minutes(WORDS_PER_MINUTE) == 1
    assert reading_time.minutes(WORDS_PER_MINUTE * 7) == 7
    assert reading_time.minutes(int(WORDS_PER_MINUTE * 2.6)) == 3


def test_a_page_with_a_whole_data_list_says_so_and_one_with_chosen_ids_does_not():
    assert reading_time.has_list("/// timeline\nfilters: true\n///")
    assert reading_time.has_list("/// sources\n///")
    assert reading_time.has_list("/// argument-map\n///")
    assert not reading_time.has_list("/// timeline\nids: [a, b]\n///")
    assert not reading_time.has_list("/// offline-copy\n///\n\n/// page-list\npages: [a.md]\n///")


def test_every_page_shows_its_reading_time_under_its_title(docs):
    html = render(docs, "# Long\n\nText.", src="debate/long.md")
    assert re.search(r'</h1>\s*<p class="reading-time" data-search-exclude="">4 min read</p>', html)
    listing = render(docs, "# Listing", src="listing.md")  # the time comes from the file
    assert "1 min read, plus the list below" in listing


def test_question_cards_take_title_description_and_time_from_each_page(docs):
    html = render(docs, "/// page-list\npages: [debate/short.md, debate/long.md]\n///")
    assert '<a href="debate/short.md">Short</a>' in html
    assert 'A short page.<span class="page-time"> (1 min read)</span>' in html
    assert html.index("Short") < html.index("Long")


def test_a_reading_path_totals_the_times_its_pages_show(docs):
    html = render(docs, "/// page-list\ntitle: For students\npages: [debate/long.md, debate/short.md]\n///")
    shown = [int(m) for m in re.findall(r"\((\d+) min read\)", html)]
    assert shown == [4, 1]
    assert '<p class="path-total">2 pages, 5 min in total</p>' in html
    assert re.search(r"<h3[^>]*>For students</h3>", html)
    assert re.search(r"<ol>\s*<li><a href=\"debate/long.md\">Long</a>", html)


def test_path_total_is_the_sum_of_the_page_times():
    assert page_list.path_total([4, 1, 6]) == 11
    assert page_list.path_total([]) == 0


def test_a_path_within_a_time_is_named_for_it_and_fails_when_too_long(docs):
    html = render(docs, "/// page-list\nwithin: 5\npages: [debate/short.md]\n///")
    assert re.search(r"<h3[^>]*>In 5 minutes</h3>", html)
    with pytest.raises(ContentError, match="take 5 minutes to read, more than 'within: 2'"):
        render(docs, "/// page-list\nwithin: 2\npages: [debate/long.md, debate/short.md]\n///")


def test_a_missing_page_or_summary_is_one_line_with_the_fix(docs):
    with pytest.raises(ContentError, match="no page 'debate/nope.md'; give paths of .md files"):
        render(docs, "/// page-list\npages: [debate/nope.md]\n///")
    (docs / "bare.md").write_text("# Bare\n")
    with pytest.raises(ContentError, match="'bare.md' needs a 'title' and a 'description'"):
        render(docs, "/// page-list\npages: [bare.md]\n///")


def test_page_titles_and_summaries_reach_the_page_escaped(docs):
    (docs / "odd.md").write_text(page("'<b>Odd</b>'", "'<script>x</script>'", "Text."))
    html = render(docs, "/// page-list\npages: [odd.md]\n///")
    assert "&lt;b&gt;Odd&lt;/b&gt;" in html and "&lt;script&gt;" in html and "<script>" not in html


def test_make_check_finds_the_same_page_list_mistakes_without_rendering(docs):
    check = page_list.PageListBlock.check_use
    with pytest.raises(OptionError, match="no page 'nope.md'"):
        check(None, {}, "pages: [nope.md]", None, docs)
    with pytest.raises(OptionError, match="more than 'within: 1'"):
        check(None, {}, "within: 1\npages: [debate/long.md]", None, docs)
    listing = check(None, {}, "title: Path\npages: [debate/long.md, debate/short.md]", None, docs)
    assert (listing.path_title, listing.total) == ("Path", 5)


def test_a_cards_summary_is_the_pages_own_summary_with_its_citations_checked(docs):
    from explainer import data

    (docs / "data" / "sources.yml").write_text(
        "- key: a-2015\n  type: news report\n  authors: [A Writer]\n  title: A title\n"
        "  publisher: A paper\n  date: '2015'\n  annotation: A note.\n  reliability: A note.\n"
    )
    (docs / "cited.md").write_text(
        "---\ntitle: Cited\ndescription: What it covers.\nsummary: What it found [@a-2015].\n---\n\n# Cited\n"
    )
    html = render(docs, "/// page-list\npages: [cited.md]\n///")
    assert "What it found" in html and 'href="#source-a-2015"' in html and "What it covers" not in html
    (docs / "cited.md").write_text(
        "---\ntitle: Cited\ndescription: What it covers.\nsummary: What it found [@nope].\n---\n\n# Cited\n"
    )
    with pytest.raises(OptionError, match=r"'cited.md': its front matter 'summary' has @nope: unknown"):
        page_list.PageListBlock.check_use(None, {}, "pages: [cited.md]", data.load(docs / "data"), docs)
