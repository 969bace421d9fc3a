"""The site's own CSS and JavaScript stay small: at most 12 KB gzipped together."""

from __future__ import annotations

import gzip

from conftest import ROOT

BUDGET_BYTES = 12 * 1024
ASSETS = ("overrides/assets/stylesheets/site.css", "overrides/assets/javascripts/site.js")


def test_site_css_and_js_fit_the_budget_gzipped():
    sizes = {name: len(gzip.compress((ROOT / name).read_bytes(), compresslevel=9)) for name in ASSETS}
    assert sum(sizes.values()) <= BUDGET_BYTES, f"{sizes}: {sum(sizes.values())} bytes > {BUDGET_BYTES}"
