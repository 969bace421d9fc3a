"""Search (figures, not pass/fail): quality, index size and time to the first result.

Method. Builds the site and stock Material (build.stock_config(): the same mkdocs.yml
without the site's extensions, hooks, overrides and CSS/JS) strictly into a temporary
folder, or takes built sites with --site and --stock (or --sites, the folder make bench
gives pages.py, search.py and lighthouse.py so they share one pair of builds), and
serves each on 127.0.0.1.

1. Quality: every query in tests/search_queries.yml is typed into Material's search box
   in headless Chromium (ours only); prints the share of queries whose expected page is
   first (P@1), among the first three (P@3), and whose expected anchor is the first
   page's best section (anchor P@1). Misses are listed.
2. Index size: search/search_index.json, raw and gzipped, ours against stock.
3. Time to the first result: a fresh browser context opens the home page with the CPU
   slowed --rate times (CDP Emulation.setCPUThrottlingRate), types QUERY as soon as the
   search box is in the page (for ours, that first focus is what asks for the index),
   and records (performance.now(), from navigation start) when the page asked for the
   index (its resource timing), when the search is ready (Material's "Initializing
   search" gives way: the index is fetched and built) and when the first result is in
   the page. The first column tells the page's own start (Material's script runs once the
   page is parsed) from the index's cost, the time after it. One warm-up run of each (not
   counted), then --runs rounds alternating ours, stock, ours ... so a slow spell on this
   shared machine hits both; prints medians with min-max.
"""

from __future__ import annotations

import argparse
import gzip
import pathlib
import statistics
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser.support import CHROMIUM, CHROMIUM_FLAGS, DESKTOP, SiteServer, search_results  # noqa: E402
from build import build, build_ours_and_stock, build_stock  # noqa: E402

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
QUERY = "suspensions"
INDEX = pathlib.Path("search") / "search_index.json"
# Records, from navigation start, when search is ready and when the first result shows.
TIMINGS = """
window.searchTimings = {};
new MutationObserver(() => {
  const meta = document.querySelector(".md-search-result__meta");
  if (meta && meta.textContent.trim() && !/Initializing/i.test(meta.textContent) && !searchTimings.ready) {
    searchTimings.ready = performance.now();
  }
  if (document.querySelector(".md-search-result__item") && !searchTimings.result) {
    searchTimings.result = performance.now();
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def expected(entry: dict) -> str:
    return entry["page"] + (f"#{entry['anchor']}" if entry["anchor"] else "")


def best_entry(results: list[str]) -> str:
    """The first result as Material shows it: its page's best section, or the page itself.

    Material groups results by page and lists the page's own entry first, then its
    matching sections, best first.
    """
    if not results:
        return ""
    page = results[0].partition("#")[0]
    sections = [r for r in results if r.startswith(page + "#")]
    return sections[0] if sections else page


def quality(browser, server: SiteServer) -> None:
    first = top_three = anchored = 0
    misses = []
    page = browser.new_page(viewport=DESKTOP)
    page.goto(server.url())
    for entry in QUERIES:
        results = search_results(page, entry["query"])
        pages = list(dict.fromkeys(result.partition("#")[0] for result in results))
        first += pages[:1] == [entry["page"]]
        top_three += entry["page"] in pages[:3]
        anchored += best_entry(results) == expected(entry)
        if pages[:1] != [entry["page"]]:
            where = pages.index(entry["page"]) + 1 if entry["page"] in pages else "absent"
            misses.append(
                f"  {entry['query']!r}: want {expected(entry) or '(home)'} (page is {where}), "
                f"first pages {pages[:3]}"
            )
    page.close()
    total = len(QUERIES)
    print(
        f"Quality, {total} reader queries: P@1 {first / total:.2f} ({first}), "
        f"P@3 {top_three / total:.2f} ({top_three}), anchor P@1 {anchored / total:.2f} ({anchored})"
    )
    print("Not first:\n" + "\n".join(misses) if misses else "Every expected page came first.")


def index_size(sites: dict[str, pathlib.Path]) -> None:
    print("Search index, KB (raw / gzipped)")
    sizes = {label: (site / INDEX).read_bytes() for label, site in sites.items()}
    for label, data in sizes.items():
        print(f"  {label:6} {len(data) / 1024:7.1f} / {len(gzip.compress(data)) / 1024:6.1f}")
    if {"ours", "stock"} <= sizes.keys():
        print(f"  ours / stock: {len(sizes['ours']) / len(sizes['stock']):.2f}x raw")


INDEX_ASKED = """() => performance.getEntriesByType("resource")
  .filter(entry => /search_index\\.json$/.test(entry.name)).map(entry => entry.startTime)[0]"""


def first_result(browser, server: SiteServer, rate: float) -> tuple[float, float, float]:
    """Seconds from navigation start to: the index asked for, search ready, the first result."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(TIMINGS)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
    page.goto(server.url(), wait_until="commit")
    box = page.locator("input.md-search__input")
    box.wait_for(state="attached")
    box.fill(QUERY)
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function("() => searchTimings.ready && searchTimings.result", timeout=180_000)
    timings = page.evaluate("searchTimings")
    asked = page.evaluate(INDEX_ASKED)
    context.close()
    return asked / 1000, timings["ready"] / 1000, timings["result"] / 1000


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):5.2f} s ({min(values):.2f}-{max(values):.2f})"


def time_to_first_result(browser, servers: dict[str, SiteServer], runs: int, rate: float) -> None:
    results: dict[str, list[tuple[float, float, float]]] = {label: [] for label in servers}
    for round_ in range(runs + 1):
        for label, server in servers.items():
            timing = first_result(browser, server, rate)
            if round_:
                results[label].append(timing)
    print(f"Time to the first result for {QUERY!r} on the home page, CPU slowed {rate:g}x, {runs} runs each")
    print(f"  {'build':6} {'index asked':>24} {'search ready':>24} {'first result':>24}")
    for label, timings in results.items():
        columns = [spread([timing[column] for timing in timings]) for column in range(3)]
        print(f"  {label:6} " + " ".join(f"{column:>24}" for column in columns))
    if {"ours", "stock"} <= results.keys():
        ours, stock = (statistics.median(t[2] for t in results[label]) for label in ("ours", "stock"))
        print(f"  ours / stock (first result, medians): {ours / stock:.2f}x")


def measure(sites: dict[str, pathlib.Path], runs: int, rate: float) -> None:
    from playwright.sync_api import sync_playwright

    servers = {label: SiteServer(site) for label, site in sites.items()}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        quality(browser, servers["ours"])
        index_size(sites)
        if runs:
            time_to_first_result(browser, servers, runs, rate)
        browser.close()
    for server in servers.values():
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=pathlib.Path, help="a built site (default: build one)")
    parser.add_argument("--stock", type=pathlib.Path, help="a built stock site (default: build one)")
    parser.add_argument(
        "--sites", type=pathlib.Path, help="ours and stock built here, or reused (make bench)"
    )
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (0: no timing)")
    parser.add_argument("--rate", type=float, default=4, help="CPU slowdown for the timing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = pathlib.Path(folder)
        sites = build_ours_and_stock(args.sites) if args.sites else {"ours": args.site, "stock": args.stock}
        if not sites["ours"]:
            sites["ours"] = work / "ours"
            build("mkdocs.yml", sites["ours"])
        if not sites["stock"]:
            sites["stock"] = work / "stock"
            build_stock(sites["stock"])
        measure(sites, args.runs, args.rate)


if __name__ == "__main__":
    main()
