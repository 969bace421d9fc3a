"""Search quality (figures, not pass/fail): precision at 1 and at 3 over the reader queries.

Runs every query in tests/search_queries.yml through Material's search box in headless
Chromium, on a fresh strict build (or on the built site given as the first argument),
and prints the share of queries whose expected page is first (P@1), among the first three
(P@3), and whose expected anchor is the first page's best section (anchor P@1). Misses are listed.
"""

from __future__ import annotations

import pathlib
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser.support import CHROMIUM, CHROMIUM_FLAGS, DESKTOP, SiteServer, search_results  # noqa: E402

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))


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


def measure(site_dir: pathlib.Path) -> None:
    from playwright.sync_api import sync_playwright

    server = SiteServer(site_dir)
    first = top_three = anchored = 0
    misses = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
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
        browser.close()
    server.close()
    total = len(QUERIES)
    print(
        f"{total} queries: P@1 {first / total:.2f} ({first}), P@3 {top_three / total:.2f} ({top_three}), "
        f"anchor P@1 {anchored / total:.2f} ({anchored})"
    )
    print("Not first:\n" + "\n".join(misses) if misses else "Every expected page came first.")


def main() -> None:
    if len(sys.argv) > 1:
        measure(pathlib.Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [
                str(pathlib.Path(sys.executable).parent / "mkdocs"),
                "build",
                "--strict",
                "--quiet",
                "--site-dir",
                folder,
            ],
            cwd=ROOT,
            check=True,
        )
        measure(pathlib.Path(folder))


if __name__ == "__main__":
    main()
