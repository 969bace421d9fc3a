"""Build benchmarks (figures, not pass/fail): `make bench` runs this.

Method. Every build is `mkdocs build --strict` in a fresh process, timed (wall clock)
and measured (peak resident memory of the build process) by a separate measuring
process. "Stock" is stock_config(): the same mkdocs.yml, generated from it on every run
so the two cannot drift, with only the explainer Markdown extensions, the hooks, the
template overrides (theme.custom_dir) and the site's extra CSS/JS removed; the nav and
the theme features are identical. Each comparison starts with one warm-up build of each
(not counted), then alternates ours, stock, ours, stock ... so a slow spell on this
shared machine hits both; it reports the median with the min-max range and the highest
peak memory.

1. The real site (19 pages): ours and stock.
2. One-page rebuild: `mkdocs build --dirty` into a finished build, after changing one
   page's text before each run (so the page really is rebuilt), ours and stock.
3. Scaling: synthetic sites of 250 and 1,000 pages (5,000 with --large). Each synthetic
   page is a copy of one of the real debate pages under a unique name; the first four
   sources it cites and the first three events its timeline block shows are copied too,
   under keys unique to the page, so docs/data/sources.yml and timeline.yml grow with
   the site (as the real site grows: about four sources and three events a page). Ours
   against stock on the same project: 3 alternating rounds up to 250 pages, one round
   above (a round of 1,000 pages takes minutes here; the real-site warm-up has already
   warmed the imports). --zensical adds one Zensical 0.0.73 build of each size.
"""

from __future__ import annotations

import argparse
import io
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

from ruamel.yaml import YAML

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
SOURCES_PER_PAGE, EVENTS_PER_PAGE = 4, 3


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


def alternate(runs: int, commands: dict[str, list[str]], cwd: pathlib.Path, before=None) -> dict[str, list]:
    """One warm-up of each command, then `runs` rounds in turn; {label: [(wall, MiB), ...]}."""
    results = {label: [] for label in commands}
    for round_ in range(runs + 1):
        for label, command in commands.items():
            if before:
                before(label)
            result = measure(command, cwd)
            if round_:
                results[label].append(result)
    return results


def summary(results: list[tuple[float, float]]) -> str:
    walls = [wall for wall, _ in results]
    return (
        f"{statistics.median(walls):7.2f} s ({min(walls):.2f}-{max(walls):.2f})"
        f" {max(rss for _, rss in results):7.0f} MiB"
    )


def stock_config(project: pathlib.Path) -> pathlib.Path:
    """mkdocs.stock.yml: the project's mkdocs.yml without the site's extensions, hooks,
    overrides and extra CSS/JS. Round-trip YAML keeps every other key, tag and comment."""
    yaml = YAML()
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"] = [
        entry
        for entry in config["markdown_extensions"]
        if str(next(iter(entry)) if isinstance(entry, dict) else entry) != "explainer"
    ]
    for key in ("hooks", "extra_css", "extra_javascript"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    out = io.StringIO()
    yaml.dump(config, out)
    path = project / "mkdocs.stock.yml"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def mkdocs(config: str, site: pathlib.Path, *extra: str) -> list[str]:
    return [str(BIN / "mkdocs"), "build", "--strict", "-q", "-f", config, "-d", str(site), *extra]


def build(config: str, site: pathlib.Path):
    """One strict build of ROOT's config into site for the page benchmarks; exits on failure."""
    result = subprocess.run(
        mkdocs(config, site),
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode:
        raise SystemExit(f"build failed ({config}):\n{result.stderr[-2000:]}")


def zensical_command(project: pathlib.Path, site: pathlib.Path) -> list[str]:
    return [sys.executable, str(ROOT / "tools" / "zensical_build.py"), str(site), str(project)]


def real_site(runs: int, work: pathlib.Path) -> dict[str, list]:
    project = copy_project(work / "real", "bench", "tests")
    stock = stock_config(project)
    return alternate(
        runs,
        {"ours": mkdocs("mkdocs.yml", work / "ours"), "stock": mkdocs(stock.name, work / "stock")},
        project,
    )


def one_page(runs: int, work: pathlib.Path) -> dict[str, list]:
    """--dirty rebuilds into the finished builds of real_site(), one changed page each time."""
    project = work / "real"
    page = project / "docs" / "glossary.md"
    original = page.read_text(encoding="utf-8")
    count = iter(range(10**6))

    def change_page(label):
        page.write_text(original + f"\nRebuild {next(count)}.\n", encoding="utf-8")

    return alternate(
        runs,
        {
            "ours": mkdocs("mkdocs.yml", work / "ours", "--dirty"),
            "stock": mkdocs("mkdocs.stock.yml", work / "stock", "--dirty"),
        },
        project,
        change_page,
    )


def synthetic_project(pages: int, work: pathlib.Path) -> pathlib.Path:
    """A copy of the project with `pages` more pages, sources and events (see the module docstring)."""
    yaml = YAML()
    project = copy_project(work / f"synthetic-{pages}", "bench", "tests")
    docs = project / "docs"
    templates = sorted(p for p in (docs / "debate").glob("*.md") if p.name != "index.md")
    sources_file, timeline_file = docs / "data" / "sources.yml", docs / "data" / "timeline.yml"
    sources = {s["key"]: s for s in yaml.load(sources_file.read_text(encoding="utf-8"))}
    events = {e["id"]: e for e in yaml.load(timeline_file.read_text(encoding="utf-8"))}
    new_sources, new_events, nav = [], [], []
    for n in range(pages):
        template = templates[n % len(templates)]
        text = template.read_text(encoding="utf-8")
        cited = list(dict.fromkeys(re.findall(r"\[@([a-z0-9-]+)", text)))[:SOURCES_PER_PAGE]
        timeline_ids = re.findall(r"^/// timeline\n(?:(?!///).*\n)*?ids: \[(.*)\]$", text, re.M)
        shown = (
            list(dict.fromkeys(", ".join(timeline_ids).split(", ")))[:EVENTS_PER_PAGE] if timeline_ids else []
        )
        for key in cited:
            copy = dict(sources[key], key=f"{key}-s{n}", title=f"{sources[key]['title']} (copy {n})")
            copy.pop("excerpts", None)
            new_sources.append(copy)
            text = text.replace(f"[@{key}]", f"[@{key}-s{n}]").replace(f"[@{key},", f"[@{key}-s{n},")
        for key in shown:
            new_events.append(dict(events[key], id=f"{key}-s{n}", title=f"{events[key]['title']} (copy {n})"))
            text = re.sub(
                r"^(/// timeline\n(?:(?!///).*\n)*?ids: \[.*)$",
                lambda m, key=key, n=n: re.sub(
                    rf"(?<=[\[ ]){re.escape(key)}(?=[,\]])", f"{key}-s{n}", m.group(1)
                ),
                text,
                flags=re.M,
            )
        text = re.sub(r"^title: (.*)$", rf"title: \1 (copy {n})", text, count=1, flags=re.M)
        name = f"debate/copy-{n}-{template.name}"
        (docs / name).write_text(text, encoding="utf-8")
        nav.append(name)
    for path, entries in (
        (sources_file, list(sources.values()) + new_sources),
        (timeline_file, list(events.values()) + new_events),
    ):
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(entries, handle)
    config = project / "mkdocs.yml"
    section = "  - Copies:\n" + "".join(f"      - {name}\n" for name in nav)
    config.write_text(
        config.read_text(encoding="utf-8").replace("\nnav:\n", "\nnav:\n" + section), encoding="utf-8"
    )
    return project


def rounds(runs: int, pages: int) -> int:
    return runs if pages <= 250 else 1


def scaling(sizes: list[int], runs: int, work: pathlib.Path, zensical: bool):
    for pages in sizes:
        project = synthetic_project(pages, work)
        stock = stock_config(project)
        commands = {
            "ours": mkdocs("mkdocs.yml", work / f"ours-{pages}"),
            "stock": mkdocs(stock.name, work / f"stock-{pages}"),
        }
        results = {label: [] for label in commands}
        for _ in range(rounds(runs, pages)):  # alternating, without a second warm-up
            for label, command in commands.items():
                results[label].append(measure(command, project))
        yield (
            pages,
            results,
            measure(zensical_command(project, work / f"zensical-{pages}"), project) if zensical else None,
        )
        for folder in (project, work / f"ours-{pages}", work / f"stock-{pages}", work / f"zensical-{pages}"):
            shutil.rmtree(folder, ignore_errors=True)


def print_pair(label: str, results: dict[str, list]):
    ours, stock = (statistics.median(w for w, _ in results[k]) for k in ("ours", "stock"))
    print(
        f"  {label:24} ours {summary(results['ours'])}   stock {summary(results['stock'])}"
        f"   ours/stock {ours / stock:5.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="alternating rounds on the real site")
    parser.add_argument("--scaling-runs", type=int, default=3, help="alternating rounds up to 250 pages")
    parser.add_argument("--sizes", default="250,1000")
    parser.add_argument("--large", action="store_true", help="add the 5,000-page synthetic site")
    parser.add_argument("--zensical", action="store_true", help="one Zensical build of each synthetic size")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([5000] if args.large else [])
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        print(
            "Builds: median wall time (min-max) and highest peak memory; warm-up, then "
            "ours and stock alternating"
        )
        print_pair(f"real site, {args.runs} runs", real_site(args.runs, work))
        print_pair(f"one page --dirty, {args.runs}", one_page(args.runs, work))
        for pages, results, zensical in scaling(sizes, args.scaling_runs, work, args.zensical):
            print_pair(f"{pages} pages, {rounds(args.scaling_runs, pages)} runs", results)
            if zensical:
                print(f"  {'':24} Zensical 0.0.73, one build: {zensical[0]:.2f} s, {zensical[1]:.0f} MiB")


if __name__ == "__main__":
    main()
