"""Build benchmarks (figures, not pass/fail): `make bench` runs this.

1. The real site: median wall time and peak memory over several strict builds, next to
   stock Material on the same Markdown with the explainer extensions switched off, and
   Zensical on the same sources, each as a ratio to the real build.
2. A one-page rebuild (`mkdocs build --dirty` after touching one page).
3. Scaling: synthetic sites of 250, 500 and 1,000 pages (each with citations, an inline
   figure and a timeline slice), built with the project's configuration and with stock
   Material and a flat nav; time per page and the ratio between them.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from project_copy import copy_project  # noqa: E402

BIN = pathlib.Path(sys.executable).parent
MEASURE = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode; "
    "wall = time.perf_counter() - start; "
    "print(code, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def measure(command: list[str], cwd: pathlib.Path) -> tuple[float, float]:
    """(wall seconds, peak MiB) of one command, run under a fresh measuring process."""
    output = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}:/usr/bin:/bin"},
    )
    code, wall, rss = output.stdout.split()
    if code != "0":
        raise SystemExit(f"build failed: {' '.join(command)}\n{output.stderr[-2000:]}")
    return float(wall), int(rss) / 1024


def median_of(runs: int, command: list[str], cwd: pathlib.Path) -> tuple[float, float]:
    results = [measure(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def stock_config(project: pathlib.Path, flat_nav: bool = False) -> pathlib.Path:
    """mkdocs.yml without the site's extensions, hooks, overrides and (optionally) its nav sections."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"  - explainer\.[a-z_]+:\n(      .*\n)+", "", text)
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    text = re.sub(r"  custom_dir: overrides\n", "", text)
    for key in ("extra_css", "extra_javascript"):
        text = re.sub(rf"^{key}:\n(  - .*\n)+", "", text, flags=re.M)
    text = text.replace("    - navigation.prune\n", "")
    if flat_nav:  # every page at one level, in file order
        pages = sorted(
            p.relative_to(project / "docs").as_posix()
            for p in (project / "docs").rglob("*.md")
            if "includes" not in p.parts
        )
        text = re.sub(r"\nnav:\n(.*\n)*", "\nnav:\n" + "".join(f"  - {page}\n" for page in pages), text)
    config = project / "mkdocs.stock.yml"
    config.write_text(text, encoding="utf-8")
    return config


def mkdocs(config: str, site: pathlib.Path, *extra: str) -> list[str]:
    return [str(BIN / "mkdocs"), "build", "--strict", "-q", "-f", config, "-d", str(site), *extra]


def zensical_command(project: pathlib.Path, site: pathlib.Path) -> list[str]:
    return [sys.executable, str(ROOT / "tools" / "zensical_build.py"), str(site), str(project)]


def real_site(runs: int, work: pathlib.Path) -> dict:
    stock = stock_config(ROOT)
    try:
        real = median_of(runs, mkdocs("mkdocs.yml", work / "real"), ROOT)
        plain = median_of(runs, mkdocs(stock.name, work / "stock"), ROOT)
    finally:
        stock.unlink()
    zensical = median_of(runs, zensical_command(ROOT, work / "zensical"), ROOT)
    page = ROOT / "docs" / "glossary.md"
    shutil.copytree(work / "real", work / "dirty")
    page.touch()
    one_page = median_of(runs, mkdocs("mkdocs.yml", work / "dirty", "--dirty"), ROOT)
    return {"real": real, "stock": plain, "zensical": zensical, "one_page": one_page}


SYNTHETIC_PAGE = """---
title: Synthetic page {n}
description: Synthetic page {n} for the build benchmark.
---

# Synthetic page {n}

The census estimated [fig:{figure}] in late 2014 [@berger-morgan-2015-census]. CtrlSec's
totals are claims [@cottee-2015-atlantic][@verge-2015-vigilante-campaign].

## Related events

/// timeline
themes: [{theme}]
ids: [{events}]
///
"""


def synthetic_project(pages: int, work: pathlib.Path) -> pathlib.Path:
    """A copy of the project whose docs/ gains `pages` synthetic pages in 10 nav sections."""
    project = work / f"synthetic-{pages}"
    copy_project(project, "bench", "tests")
    from explainer import data

    dataset = data.load(ROOT / "docs" / "data")
    events = [e for e in dataset.events.values() if "suspensions" in e["themes"]][:3]
    figure = next(iter(dataset.figures))
    sections = {}
    for n in range(pages):
        path = f"synthetic/section-{n % 10}/page-{n}.md"
        (project / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / path).write_text(
            SYNTHETIC_PAGE.format(
                n=n, figure=figure, theme="suspensions", events=", ".join(e["id"] for e in events)
            )
        )
        sections.setdefault(f"Section {n % 10}", []).append(path)
    config = project / "mkdocs.yml"
    nav = "  - Synthetic:\n" + "".join(
        f"      - {name}:\n" + "".join(f"          - {p}\n" for p in paths)
        for name, paths in sections.items()
    )
    config.write_text(config.read_text().replace("\nnav:\n", "\nnav:\n" + nav), encoding="utf-8")
    return project


def scaling(sizes: list[int], runs: int, work: pathlib.Path) -> list[dict]:
    rows = []
    for pages in sizes:
        project = synthetic_project(pages, work)
        ours = median_of(runs, mkdocs("mkdocs.yml", work / f"ours-{pages}"), project)
        flat = median_of(
            runs, mkdocs(stock_config(project, flat_nav=True).name, work / f"flat-{pages}"), project
        )
        zensical = median_of(runs, zensical_command(project, work / f"zensical-{pages}"), project)
        rows.append({"pages": pages, "ours": ours, "flat": flat, "zensical": zensical})
        shutil.rmtree(project)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="250,500,1000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        real = real_site(args.runs, work)
        base = real["real"][0]
        print(f"Real site, median of {args.runs} strict builds")
        print(f"  {'build':42} {'wall s':>8} {'peak MiB':>9} {'× real':>7}")
        for label, key in (
            ("project (MkDocs + Material + explainer)", "real"),
            ("stock Material, explainer extensions off", "stock"),
            ("Zensical 0.0.73, same sources", "zensical"),
            ("one-page rebuild (mkdocs build --dirty)", "one_page"),
        ):
            wall, rss = real[key]
            print(f"  {label:42} {wall:8.2f} {rss:9.0f} {wall / base:7.2f}")
        sizes = [int(s) for s in args.sizes.split(",")]
        print("\nScaling: synthetic pages, project configuration vs stock Material with a flat nav")
        print(
            f"  {'pages':>6} {'ours s':>8} {'ms/page':>8} {'flat s':>8} {'ms/page':>8} {'ours/flat':>10}"
            f" {'zensical s':>11}"
        )
        for row in scaling(sizes, max(1, args.runs - 2), work):
            ours, flat = row["ours"][0], row["flat"][0]
            print(
                f"  {row['pages']:6d} {ours:8.2f} {ours / row['pages'] * 1000:8.1f} {flat:8.2f} "
                f"{flat / row['pages'] * 1000:8.1f} {ours / flat:10.2f} {row['zensical'][0]:11.2f}"
            )
        print("  budget: at 1,000 pages ours/flat <= 0.5")


if __name__ == "__main__":
    main()
