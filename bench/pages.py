"""Page weight (figures, not pass/fail): `make bench` runs this.

For four page types, the gzipped bytes a reader downloads before the page is usable:
its HTML plus the CSS and JavaScript it references (not links, nor the search index:
ours loads it on the reader's first tap, key or focus, stock as its script starts).
Split into the theme's own assets, the site's additions (files from overrides/assets/)
and the HTML, for the real build and for stock Material on the same Markdown (without
the explainer extensions, so data blocks stay raw text: the comparison is of weight,
not of looks). Budget: the site's additions total at most the budget
tests/test_asset_budget.py enforces (12 KB gzipped).
"""

from __future__ import annotations

import argparse
import gzip
import pathlib
import sys
import tempfile
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from build import build_ours_and_stock

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from test_asset_budget import BUDGET_BYTES  # noqa: E402  (one budget, the one the tests enforce)

OVERRIDE_ASSETS = ROOT / "overrides" / "assets"
PAGES = {"home": "", "debate page": "debate/watch-or-remove/", "timeline": "timeline/", "sources": "sources/"}


class Loads(HTMLParser):
    """The stylesheets and scripts a page references."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def gzipped(path: pathlib.Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def is_site_addition(relative: str) -> bool:
    """True for a file the site adds through overrides/assets/ (site.css, site.js)."""
    return relative.startswith("assets/") and (OVERRIDE_ASSETS.parent / relative).is_file()


def weigh(site: pathlib.Path, page: str) -> dict:
    """{'html', 'theme', 'site'}: gzipped bytes of one page and what it references."""
    html = site / page / "index.html"
    parser = Loads()
    parser.feed(html.read_text(encoding="utf-8"))
    weights = {"html": gzipped(html), "theme": 0, "site": 0}
    base = f"http://site/{page}"
    for url in parser.urls:
        absolute = urljoin(base, url)
        if urlsplit(absolute).netloc != "site":
            raise SystemExit(f"{page or 'home'} loads {url} from another host")
        relative = urlsplit(absolute).path.lstrip("/")
        if not (site / relative).is_file():
            print(f"  note: {site.name}/{page} references {relative}, which the build lacks (a 404)")
            continue
        weights["site" if is_site_addition(relative) else "theme"] += gzipped(site / relative)
    return weights


def kb(size: int) -> str:
    return f"{size / 1024:7.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sites", type=pathlib.Path, help="ours and stock built here, or reused (make bench)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sites = build_ours_and_stock(args.sites or pathlib.Path(tmp))
        rows = [
            (label, name, weigh(site, path)) for label, site in sites.items() for name, path in PAGES.items()
        ]
    print("Page weight before the page is usable, KB gzipped (HTML + the CSS and JS it references)")
    print(f"  {'build':6} {'page':12} {'HTML':>7} {'theme':>7} {'site':>7} {'total':>7}")
    for label, name, weights in rows:
        total = sum(weights.values())
        print(
            f"  {label:6} {name:12} {kb(weights['html'])} {kb(weights['theme'])} "
            f"{kb(weights['site'])} {kb(total)}"
        )
    additions = max(weights["site"] for label, _, weights in rows if label == "ours")
    verdict = "ok" if additions <= BUDGET_BYTES else "MISS"
    print(
        f"  budget: the site's own CSS + JS <= {BUDGET_BYTES / 1024:.0f} KB gzipped: "
        f"{additions / 1024:.1f} KB, {verdict}"
    )


if __name__ == "__main__":
    main()
