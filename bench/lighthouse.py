"""Lighthouse scores (figures, not pass/fail): `make bench` runs this.

Builds the site, serves it gzipped from 127.0.0.1 (a small http.server, as a static
host would), and runs Lighthouse 12.2.3 (pinned in bench/package.json; `npm ci` on first
use) in Debian's Chromium on four page types, as a phone (Lighthouse's default) and as a
desktop. Prints Performance, Accessibility, Best Practices and SEO for each, the budget
(Performance >= 98, the others 100) with a mark, and the audits behind every miss.
`--stock` adds the same pages built with stock Material, for comparison. JSON reports
are kept in bench/results/.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading

from build import mkdocs, stock_config

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
PAGES = {"home": "", "debate page": "debate/watch-or-remove/", "timeline": "timeline/", "sources": "sources/"}
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


def build(config: str, site: pathlib.Path):
    result = subprocess.run(
        mkdocs(config, site),
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode:
        raise SystemExit(f"build failed ({config}):\n{result.stderr[-2000:]}")


def lighthouse(url: str, form_factor: str, report: pathlib.Path) -> dict:
    """Runs Lighthouse once; returns its JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
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


def measure(label: str, site: pathlib.Path, runs: int) -> list[tuple]:
    """Each page and form factor `runs` times; keeps the run with the median Performance."""
    httpd = serve(site)
    base = f"http://127.0.0.1:{httpd.server_port}/"
    rows = []
    try:
        for form_factor in FORM_FACTORS:
            for name, path in PAGES.items():
                reports = []
                for run in range(runs):
                    report_path = RESULTS / f"{label}-{form_factor}-{name.replace(' ', '-')}-{run + 1}.json"
                    reports.append(lighthouse(base + path, form_factor, report_path))
                reports.sort(key=lambda r: r["categories"]["performance"]["score"])
                report = reports[len(reports) // 2]
                scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
                scores["spread"] = [round(r["categories"]["performance"]["score"] * 100) for r in reports]
                rows.append((label, name, form_factor, scores, misses(report)))
                print(f"  measured {label} {name} ({form_factor})", file=sys.stderr)
    finally:
        httpd.shutdown()
    return rows


def mark(key: str, score: int) -> str:
    return f"{score:3d} {'ok' if score >= BUDGET[key] else 'MISS'}"


def print_table(rows: list[tuple]):
    header = f"{'build':8} {'page':12} {'form':8} " + " ".join(f"{CATEGORIES[k]:>8}" for k in CATEGORIES)
    print(header)
    print("-" * len(header))
    for label, name, form_factor, scores, _ in rows:
        print(
            f"{label:8} {name:12} {form_factor:8} "
            + " ".join(f"{mark(k, scores[k]):>8}" for k in CATEGORIES)
            + f"   Perf runs {scores['spread']}"
        )
    print("budget: " + ", ".join(f"{CATEGORIES[k]} >= {v}" for k, v in BUDGET.items()))
    lost = [(label, name, form_factor, lines) for label, name, form_factor, _, lines in rows if lines]
    if lost:
        print("\nAudits that lost points:")
        for label, name, form_factor, lines in lost:
            for line in lines:
                print(f"  {label} {name} ({form_factor}): {line}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stock", action="store_true", help="also measure a stock Material build")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is reported")
    args = parser.parse_args()
    if not pathlib.Path(CHROME).exists():
        raise SystemExit(f"{CHROME} is missing: run `make browser-deps`")
    ensure_lighthouse()
    RESULTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        build("mkdocs.yml", work / "site")
        rows = measure("site", work / "site", args.runs)
        if args.stock:
            stock = stock_config(ROOT)
            try:
                build(stock.name, work / "stock")
            finally:
                stock.unlink()
            rows += measure("stock", work / "stock", args.runs)
    print(
        f"\nLighthouse 12.2.3, Chromium headless, site served gzipped from 127.0.0.1, "
        f"median Performance of {args.runs} runs"
    )
    print_table(rows)


if __name__ == "__main__":
    main()
