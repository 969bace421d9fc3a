"""The numbers chart: one small chart per figure type, labelled focusable points, no line
between different parties or kinds of figure, and its data as a table, CSV and SVG."""

import csv
import html as html_text
import io
import re
import xml.etree.ElementTree as etree

import pytest

from explainer import chart, data, downloads
from explainer.errors import ContentError

from helpers import FIXTURE, convert, copy_fixture, replace_in

SVG = "{http://www.w3.org/2000/svg}"
EARLIER_CLAIM = (
    "- id: group-earlier\n  value: 1000\n  unit: accounts\n  counts: earlier total\n"
    '  date: "2015-01"\n  who: WHO\n  type: claim\n  chart: true\n  series: group\n'
    "  sources: [group-claim-2015]\n- id: census-min"
)


def fixture_with_series(tmp_path, who="the group"):
    """The fixture with a second claim, by `who`, in the same series as the group's claim."""
    docs = copy_fixture(tmp_path) / "docs"
    figures = docs / "data" / "figures.yml"
    replace_in(
        figures,
        "  chart: true\n  sources: [group-claim-2015]",
        "  chart: true\n  series: group\n  sources: [group-claim-2015]",
    )
    replace_in(figures, "- id: census-min", EARLIER_CLAIM.replace("WHO", who))
    return docs


def panels(html: str) -> list[str]:
    return re.findall(r"<svg .*?</svg>", html, re.S)


def test_each_figure_type_has_its_own_chart_with_a_name_a_description_and_a_unit():
    html = convert("/// figure-chart\n///", page="numbers.md")
    assert html.startswith('<figure class="figure-chart">') and "<script" not in html
    charts = panels(html)
    assert len(charts) == 2  # the fixture charts one claim and one research estimate
    for svg, slug in zip(charts, ("claim", "estimate"), strict=True):
        assert (
            f'aria-labelledby="chart-{slug}-title"' in svg and f'aria-describedby="chart-{slug}-desc"' in svg
        )
        assert f'<title id="chart-{slug}-title">' in svg and f'<desc id="chart-{slug}-desc">' in svg
        assert '<text class="chart-unit" x="0" y="14">Accounts</text>' in svg  # the y-axis unit
        assert 'width="360"' in svg  # drawn at its CSS width, so 13px text is not shrunk
    assert '<p class="chart-heading">Claims (1)</p>' in html
    assert '<p class="chart-heading">Research estimates (1)</p>' in html


def test_every_point_is_a_link_labelled_with_its_value_and_who_whose_name_holds_its_details():
    html = convert("/// figure-chart\n///", page="numbers.md")
    point = re.search(
        r'<a class="chart-point" data-figure="group-removed" href="([^"]+)">(.*?)</a>', html, re.S
    )
    assert point, html
    href, body = point.groups()
    assert href == "#chart-row-group-removed"
    assert '<tr id="chart-row-group-removed">' in html  # the link's target without JavaScript
    title = html_text.unescape(re.search(r"<title>(.*?)</title>", body).group(1))
    assert title == (
        "60,000–70,000, the group. Claim, October 2015: 60,000–70,000 accounts, "
        "accounts the group says it helped remove."
    )
    shown = [html_text.unescape(label) for label in re.findall(r"<tspan[^>]*>(.*?)</tspan>", body)]
    assert shown == ["60,000–70,000", "the group"]  # the visible label starts the name
    assert re.search(r"<tspan[^>]*>at least 46,000</tspan>", html)


def test_no_line_is_drawn_when_no_series_is_given():
    html = convert("/// figure-chart\n///", page="numbers.md")
    assert "<polyline" not in html


def test_a_line_joins_one_partys_series_within_its_own_chart(tmp_path):
    html = convert("/// figure-chart\n///", docs_dir=fixture_with_series(tmp_path), page="numbers.md")
    claims, estimates = panels(html)
    assert claims.count("<polyline") == 1 and 'data-series="group"' in claims
    assert "<polyline" not in estimates


def test_a_series_across_parties_is_refused_with_one_line(tmp_path):
    docs = fixture_with_series(tmp_path, who="another group")
    with pytest.raises(ContentError) as error:
        data.validate(docs / "data")
    assert str(error.value).endswith(
        "docs/data/figures.yml:33: [2].series: series 'group' joins figures with different who "
        "('another group' and 'the group'); a series is one party's figures of one type and unit, "
        "so give this figure its own series or none"
    )


def test_lines_never_join_different_types_or_parties_even_in_unchecked_data():
    base = {"series": "s", "unit": "accounts", "date": "2015", "value": 1}
    figures = [
        {**base, "id": "a", "type": "claim", "who": "X"},
        {**base, "id": "b", "type": "claim", "who": "X"},
        {**base, "id": "c", "type": "claim", "who": "Y"},
        {**base, "id": "d", "type": "research estimate", "who": "X"},
    ]
    lines = chart.series_lines(figures)
    assert [[f["id"] for f in points] for points in lines] == [["a", "b"]]
    for points in lines:
        assert len({(f["type"], f["who"], f["unit"]) for f in points}) == 1


def test_the_real_data_joins_only_figures_of_one_type_and_one_party():
    dataset = data.load(FIXTURE.parent.parent.parent / "docs" / "data")
    for _, group in chart.panels(chart.chart_figures(dataset)):
        for points in chart.series_lines(group):
            assert len({(f["type"], f["who"]) for f in points}) == 1, [f["id"] for f in points]


def test_labels_never_overlap_and_stay_inside_the_plot():
    heights = [32, 16, 48, 32, 32]
    tops = chart.place_labels([10, 12, 11, 200, 198], heights, 0, 200)
    spans = sorted(zip(tops, heights, strict=True))
    assert spans[0][0] >= 0 and spans[-1][0] + spans[-1][1] <= 200
    for (top, height), (next_top, _) in zip(spans, spans[1:], strict=False):
        assert top + height <= next_top


@pytest.mark.parametrize("value, top", [(46000, 50000), (133361, 150000), (636248, 800000), (7, 8), (0, 1)])
def test_the_value_axis_ends_at_a_round_number_above_the_data(value, top):
    assert chart.nice_scale(value)[0] == top


def test_the_data_table_lists_every_point_under_its_type_with_its_source():
    html = convert("/// figure-chart\n///", page="numbers.md")
    table = html[html.index("<table>") : html.index("</table>")]
    assert '<th colspan="3" scope="rowgroup">Claims</th>' in table
    assert '<th colspan="3" scope="rowgroup">Research estimates</th>' in table
    row = re.search(r'<tr id="chart-row-census-min">(.*?)</tr>', table, re.S).group(1)
    assert "at least 46,000 accounts" in row and "J.M. Berger and Jonathon Morgan" in row
    assert "September to December 2014" in row and 'href="#source-census-2015"' in row


def test_the_chart_links_its_csv_and_svg_downloads():
    html = convert("/// figure-chart\n///", page="numbers.md")
    assert '<a download="" href="downloads/figures-chart.csv">CSV</a>' in html
    assert '<a download="" href="downloads/figures-chart.svg">SVG</a>' in html
    assert downloads.FILES[chart.CSV_PATH] is downloads.chart_csv
    assert downloads.FILES[chart.SVG_PATH] is chart.chart_svg


def test_the_csv_holds_every_charted_figure_with_its_range_and_period():
    rows = list(csv.DictReader(io.StringIO(downloads.chart_csv(data.load(FIXTURE / "docs" / "data")))))
    assert [row["id"] for row in rows] == ["group-removed", "census-min"]
    assert rows[0]["low"] == "60000" and rows[0]["high"] == "70000" and rows[0]["value"] == ""
    assert rows[1]["date"] == "2014-09/2014-12" and rows[1]["qualifier"] == "at least"


def test_the_svg_download_is_a_standalone_file_with_every_chart_and_no_links():
    text = chart.chart_svg(data.load(FIXTURE / "docs" / "data"))
    root = etree.fromstring(text.encode())
    assert root.tag == f"{SVG}svg" and root.find(f"{SVG}style") is not None
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-heading"] == [
        "Claims",
        "Research estimates",
    ]
    assert len(root.findall(f"{SVG}svg")) == 2
    assert not list(root.iter(f"{SVG}a"))


def test_the_built_site_writes_the_downloads_the_numbers_page_links(site_dir):
    page = (site_dir / "numbers" / "index.html").read_text(encoding="utf-8")
    for path in (chart.CSV_PATH, chart.SVG_PATH):
        assert (site_dir / path).stat().st_size > 500
        assert f'href="../{path}"' in page
