"""Lighthouse (figures, not pass/fail): `make bench` runs this.

Method. Builds the site and stock Material (build.stock_config(): the same mkdocs.yml
without the explainer extensions, hooks, overrides and extra CSS/JS), serves each
gzipped from 127.0.0.1 (a small http.server, as a static host would), and runs
Lighthouse 12.2.3 (pinned in bench/package-lock.json; `npm ci` on first use) in
Debian's Chromium. One warm-up run first (not counted: it reads Lighthouse, Node and
Chromium into the page cache, which every later run of either build shares; each run
starts its own Chromium with a fresh profile, so nothing else carries over), then for
each page and form factor 5 runs alternating ours, stock, ours, stock ... so a slow
spell on this shared machine hits both. Lighthouse skips its full-page screenshot (a
picture for the HTML report, taken after the trace the scores come from; it was a fifth
of each run). Prints the median Performance score and Total Blocking Time with their
min-max spread, and the audits that cost the median run points. `make bench` measures
the debate page as a phone (Lighthouse's default; Performance only: 11 runs, about two
minutes on an idle 2-core machine); `--pages "debate page,timeline"` picks pages;
`--full` measures all six page types, adds the desktop preset and the Accessibility,
Best Practices and SEO categories, with the budget (Performance >= 98, the others 100).
JSON reports are kept in bench/results/.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import threading

from build import build_ours_and_stock

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
PAGES = {
    "home": "",
    "debate page": "debate/watch-or-remove/",
    "timeline": "timeline/",
    "sources": "sources/",
    "numbers": "numbers/",
    "argument map": "argument-map/",
}
FORM_FACTORS = {"mobile": [], "desktop": ["--preset=desktop"]}
CATEGORIES = {"performance": "Perf", "accessibility": "A11y", "best-practices": "BP", "seo": "SEO"}
BUDGET = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".bib")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzipped when the client accepts it, as GitHub Pages does."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirects to the address with a slash
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or path.suffix not in COMPRESSIBLE
            or not path.is_file()
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)


class _Body:
    """A file-like body for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size=-1):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: pathlib.Path) -> http.server.ThreadingHTTPServer:
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def ensure_lighthouse():
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BENCH, check=True)


def lighthouse(url: str, form_factor: str, categories: list[str], report: pathlib.Path) -> dict:
    """Runs Lighthouse once; returns its JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        "--disable-full-page-screenshot",
        f"--only-categories={','.join(categories)}",
        f"--chrome-flags={CHROME_FLAGS}",
        *FORM_FACTORS[form_factor],
    ]
    result = subprocess.run(
        command, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True
    )
    if result.returncode or not report.exists():
        raise SystemExit(f"lighthouse failed on {url} ({form_factor}):\n{result.stderr[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def misses(report: dict) -> list[str]:
    """The scored audits that lost points, as 'category: audit title (score)'."""
    lines = []
    for key, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = f", {audit['displayValue']}" if audit.get("displayValue") else ""
                lines.append(f"{CATEGORIES[key]}: {audit['title']} (score {audit['score']:.2f}{value})")
    return lines


def scores(report: dict) -> dict:
    values = {key: round(category["score"] * 100) for key, category in report["categories"].items()}
    values["tbt"] = round(report["audits"]["total-blocking-time"]["numericValue"])
    return values


def measure(
    sites: dict[str, pathlib.Path],
    pages: dict[str, str],
    form_factors: list[str],
    categories: list[str],
    runs: int,
) -> list[tuple]:
    """One warm-up, then for each page and form factor `runs` rounds alternating the builds."""
    servers = {label: serve(site) for label, site in sites.items()}
    rows = []
    try:
        first = next(iter(servers.values()))
        lighthouse(
            f"http://127.0.0.1:{first.server_port}/{next(iter(pages.values()))}",
            form_factors[0],
            categories,
            RESULTS / "warm-up.json",
        )
        for form_factor in form_factors:
            for name, path in pages.items():
                reports = {label: [] for label in sites}
                for run in range(1, runs + 1):
                    for label, httpd in servers.items():
                        report_path = RESULTS / f"{label}-{form_factor}-{name.replace(' ', '-')}-{run}.json"
                        report = lighthouse(
                            f"http://127.0.0.1:{httpd.server_port}/{path}",
                            form_factor,
                            categories,
                            report_path,
                        )
                        reports[label].append(report)
                for label, measured in reports.items():
                    measured.sort(
                        key=lambda r: (
                            r["categories"]["performance"]["score"],
                            -r["audits"]["total-blocking-time"]["numericValue"],
                        )
                    )
                    rows.append(
                        (
                            label,
                            name,
                            form_factor,
                            [scores(r) for r in measured],
                            misses(measured[len(measured) // 2]),
                        )
                    )
                print(f"  measured {name} ({form_factor})", file=sys.stderr)
    finally:
        for httpd in servers.values():
            httpd.shutdown()
    return rows


def spread(values: list[int]) -> str:
    return f"{statistics.median(values):5.0f} ({min(values)}-{max(values)})"


def print_table(rows: list[tuple], categories: list[str]):
    header = (
        f"{'build':6} {'page':12} {'form':8} {'Perf (min-max)':>16} {'TBT ms (min-max)':>18} "
        + " ".join(f"{CATEGORIES[k]:>8}" for k in categories if k != "performance")
    )
    print(header)
    print("-" * len(header))
    for label, name, form_factor, runs, _ in rows:
        others = " ".join(
            f"{statistics.median(r[k] for r in runs):8.0f}" for k in categories if k != "performance"
        )
        print(
            f"{label:6} {name:12} {form_factor:8} {spread([r['performance'] for r in runs]):>16} "
            f"{spread([r['tbt'] for r in runs]):>18} {others}"
        )
    print("budget: " + ", ".join(f"{CATEGORIES[k]} >= {BUDGET[k]}" for k in categories))
    lost = [(label, name, form_factor, lines) for label, name, form_factor, _, lines in rows if lines]
    if lost:
        print("\nAudits that cost the median run points:")
        for label, name, form_factor, lines in lost:
            for line in lines:
                print(f"  {label} {name} ({form_factor}): {line}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="every page, phone and desktop, every category")
    parser.add_argument("--runs", type=int, default=5, help="alternating runs of each build")
    parser.add_argument("--pages", default="debate page", help=f"comma-separated, from: {', '.join(PAGES)}")
    parser.add_argument(
        "--sites", type=pathlib.Path, help="ours and stock built here, or reused (make bench)"
    )
    args = parser.parse_args()
    if not pathlib.Path(CHROME).exists():
        raise SystemExit(f"{CHROME} is missing: run `make browser-deps`")
    ensure_lighthouse()
    RESULTS.mkdir(exist_ok=True)
    pages = PAGES if args.full else {name: PAGES[name] for name in args.pages.split(",")}
    form_factors = list(FORM_FACTORS) if args.full else ["mobile"]
    categories = list(CATEGORIES) if args.full else ["performance"]
    with tempfile.TemporaryDirectory() as tmp:
        rows = measure(
            build_ours_and_stock(args.sites or pathlib.Path(tmp)), pages, form_factors, categories, args.runs
        )
    print(
        f"\nLighthouse 12.2.3, Chromium headless, served gzipped from 127.0.0.1: median of {args.runs} "
        "runs of each build, alternating, after one warm-up"
    )
    print_table(rows, categories)


if __name__ == "__main__":
    main()
