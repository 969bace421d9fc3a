"""tools/check_links.py: which links the weekly check finds, and how it judges answers.

No network: link extraction runs on a small built-site fixture, and the judging of
answers on made-up results.
"""

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import check_links  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "links"


def test_a_page_yields_its_external_links_without_fragments_once_each():
    html = (FIXTURE / "index.html").read_text(encoding="utf-8")
    assert check_links.page_links(html) == [
        "https://www.example.com/article",
        "http://archive.example.net/page?id=7",
        "https://maps.example.com/area",
    ]


def test_relative_anchor_mail_script_and_resource_addresses_are_not_links():
    links = check_links.page_links((FIXTURE / "index.html").read_text(encoding="utf-8"))
    assert not [url for url in links if "cdn.example.org" in url or "github.io" in url]
    assert all(url.startswith(("http://", "https://")) for url in links)


def test_the_site_lists_each_address_once_with_every_page_that_links_to_it():
    found = check_links.site_links(FIXTURE)
    assert found == {
        "HTTPS://Other.example.com/Case": ["debate/index.html"],
        "http://archive.example.net/page?id=7": ["index.html"],
        "https://maps.example.com/area": ["index.html"],
        "https://www.example.com/article": ["debate/index.html", "index.html"],
    }


@pytest.mark.parametrize(
    "status, verdict",
    [
        (200, "ok"),
        (301, "ok"),
        (404, "broken"),
        (410, "broken"),
        (500, "broken"),
        (None, "broken"),
        (403, "refused"),
        (429, "refused"),
        (999, "refused"),
    ],
)
def test_an_answer_is_judged_ok_broken_or_refused(status, verdict):
    assert check_links.Result("https://example.com/", status).verdict == verdict


def test_the_report_counts_only_broken_links_as_failures(capsys):
    pages = {
        "https://a.example/": ["index.html"],
        "https://b.example/": ["x/index.html"],
        "https://c.example/": ["y/index.html"],
    }
    results = [
        check_links.Result("https://a.example/", 200),
        check_links.Result("https://b.example/", 404, "Not Found"),
        check_links.Result("https://c.example/", 403, "Forbidden"),
    ]
    assert check_links.report(results, pages) == 1
    output = capsys.readouterr().out
    assert "BROKEN   404 Not Found: https://b.example/" in output and "on x/index.html" in output
    assert "3 external addresses: 1 ok, 1 refused robots (not counted), 1 broken" in output


def test_a_missing_site_folder_is_an_error_that_says_to_build(tmp_path, capsys):
    assert check_links.main([str(tmp_path / "site")]) == 2
    assert "make build" in capsys.readouterr().err
