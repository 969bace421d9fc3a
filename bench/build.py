"""Build benchmarks (figures, not pass/fail): `make bench` runs this.

Method. Every build is `mkdocs build --strict -q` in a fresh process, measured by a
separate measuring process: wall clock, CPU time (user + system; the fairer figure on a
shared machine) and peak resident memory. With -q MkDocs counts no warnings, so --strict
stops neither build: stock's pages still link to anchors and files only the site's
extensions and hook make, which a strict stock build reports at its end. Both builds
do the same checks; the site's own strict build is tested in tests/. "Stock" is stock_config(): the same
mkdocs.yml, generated from it on every run so the two cannot drift, with only the
explainer Markdown extension(s), the hooks, the template overrides (theme.custom_dir)
and the site's extra CSS/JS removed; the nav, plugins and theme features are identical.
Builds alternate ours, stock, ours, stock ... so a slow spell on this shared machine
hits both, after a warm-up. It reports the median with the min-max range, the median
CPU time and the highest peak memory, the range of the rounds' own ratios (a round's two
builds run back to back, so this machine's drift from minute to minute, up to a fifth
of a build's time, weighs on both), and checks the budgets of issue 13: ours at most
1.4x stock on the real site and at 1,000 pages; at most 0.1 MiB more memory per page
than stock (the growth of ours-minus-stock peak memory from the real site to each
synthetic one, per page added); Zensical 0.0.73 builds the 1,000-page site.

One warm-up per process, not one per benchmark. A warm-up is there to compile the
imports, read the files into the page cache and leave what a first build leaves in
.cache/ (the share cards, the record that the data passed its schemas; stock keeps
nothing). The real site's warm-up build of each does the first two for every later
build in this process; each synthetic project is read as it is written, and prepare()
leaves its .cache/ as a first build would (or the Zensical build does, which runs
first: a first build, so its figure includes drawing the cards). So only the real site
has warm-up builds, and they are printed as "first build".

1. The real site: a warm-up of each, then 5 rounds.
2. One-page rebuild: `mkdocs build --dirty` into the real site's finished builds, after
   changing one page's text before each run (so the page really is rebuilt); 5 rounds.
3. Scaling: synthetic sites of 250 and 1,000 pages (5,000 with --large). Each synthetic
   page is a copy of one of the real debate pages under a unique name; the first four
   sources it cites and the first three events its timeline block shows are copied too,
   under keys unique to the page, so docs/data/sources.yml and timeline.yml grow with
   the site (as the real site grows: about four sources and three events a page). Ours
   against stock on the same project: 3 rounds at 250 pages, 1 at 1,000 and at 5,000,
   so the 1,000-page figures are one pair of builds, not a median (`--rounds-1000 N`
   for more: a round at 1,000 pages takes over 3 minutes on an idle 2-core machine, and
   `make bench` has 8). Zensical 0.0.73 builds the 1,000-page project once, before ours
   and stock build it; --zensical adds it at every size.
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
import time

import yaml
from ruamel.yaml import YAML

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from explainer import cards, data  # noqa: E402
from explainer.data import YamlLoader  # noqa: E402

from project_copy import copy_project  # noqa: E402

BIN = pathlib.Path(sys.executable).parent
MEASURE = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "wall = time.perf_counter() - start; usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(code, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)"
)
SOURCES_PER_PAGE, EVENTS_PER_PAGE = 4, 3
RATIO_BUDGET, MEMORY_PER_PAGE_BUDGET = 1.4, 0.1  # issue 13: times stock; MB per page above stock
ROUNDS = {250: 3}  # alternating rounds at each synthetic size; 1 at the others


class NoAliasDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes shared lists out in full: the data files refuse YAML anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def dump_entries(entries: list, path: pathlib.Path) -> None:
    """A data file's entries written with libyaml: the 1,000-page project takes 1.4 s of CPU
    to make, against 13 s when ruamel wrote the data."""
    text = yaml.dump(entries, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False, width=10**6)
    path.write_text(text, encoding="utf-8")


def measure(command: list[str], cwd: pathlib.Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MiB) of one command, run under a fresh measuring process."""
    output = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}:/usr/bin:/bin"},
    )
    code, wall, cpu, rss = output.stdout.split()
    if code != "0":
        raise SystemExit(f"build failed: {' '.join(command)}\n{output.stderr[-2000:]}")
    return float(wall), float(cpu), int(rss) / 1024


def alternate(
    runs: int, commands: dict[str, list[str]], cwd: pathlib.Path, before=None, warm_up: bool = False
) -> dict[str, list]:
    """`runs` rounds of the commands in turn, after a warm-up round if warm_up.

    {label: [(wall, CPU, MiB), ...]}, and under "first <label>" the warm-up's figures."""
    results = {label: [] for label in commands}
    for round_ in range(0 if warm_up else 1, runs + 1):
        for label, command in commands.items():
            if before:
                before(label)
            result = measure(command, cwd)
            if round_:
                results[label].append(result)
            else:
                results[f"first {label}"] = [result]
    return results


def median(results: list[tuple], index: int = 0) -> float:
    return statistics.median(result[index] for result in results)


def summary(results: list[tuple]) -> str:
    walls = [wall for wall, _, _ in results]
    return (
        f"{statistics.median(walls):7.2f} s ({min(walls):.2f}-{max(walls):.2f}) "
        f"CPU {median(results, 1):6.2f} s {max(rss for _, _, rss in results):5.0f} MiB"
    )


def is_ours(extension: str) -> bool:
    """The site's own Markdown extension: `explainer`, or one of its modules."""
    return str(extension) == "explainer" or str(extension).startswith("explainer.")


def stock_config(project: pathlib.Path) -> pathlib.Path:
    """mkdocs.stock.yml: the project's mkdocs.yml without the site's extensions, hooks,
    overrides and extra CSS/JS. Round-trip YAML keeps every other key, tag and comment."""
    yaml = YAML()
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"] = [
        entry
        for entry in config["markdown_extensions"]
        if not is_ours(next(iter(entry)) if isinstance(entry, dict) else entry)
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


def build_stock(site: pathlib.Path):
    """One strict build of stock Material (stock_config) into site."""
    stock = stock_config(ROOT)
    try:
        build(stock.name, site)
    finally:
        stock.unlink()


def build_ours_and_stock(work: pathlib.Path) -> dict[str, pathlib.Path]:
    """Both sites the page benchmarks compare, in work/ours and work/stock.

    Built unless a build is already there: `make bench` gives pages.py, search.py and
    lighthouse.py one folder (--sites), so the three share one pair of builds."""
    sites = {"ours": work / "ours", "stock": work / "stock"}
    if not (sites["ours"] / "index.html").is_file():
        build("mkdocs.yml", sites["ours"])
    if not (sites["stock"] / "index.html").is_file():
        build_stock(sites["stock"])
    return sites


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
        warm_up=True,
    )


def one_page(runs: int, work: pathlib.Path) -> dict[str, list]:
    """--dirty rebuilds into the finished builds of real_site(), one changed page each time.

    No warm-up: real_site()'s builds just read the same project and wrote these folders."""
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
    project = copy_project(work / f"synthetic-{pages}", "bench", "tests")
    docs = project / "docs"
    templates = sorted(p for p in (docs / "debate").glob("*.md") if p.name != "index.md")
    sources_file, timeline_file = docs / "data" / "sources.yml", docs / "data" / "timeline.yml"
    sources = {s["key"]: s for s in yaml.load(sources_file.read_text(encoding="utf-8"), Loader=YamlLoader)}
    events = {e["id"]: e for e in yaml.load(timeline_file.read_text(encoding="utf-8"), Loader=YamlLoader)}
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
    dump_entries(list(sources.values()) + new_sources, sources_file)
    dump_entries(list(events.values()) + new_events, timeline_file)
    config = project / "mkdocs.yml"
    section = "  - Copies:\n" + "".join(f"      - {name}\n" for name in nav)
    config.write_text(
        config.read_text(encoding="utf-8").replace("\nnav:\n", "\nnav:\n" + section), encoding="utf-8"
    )
    return project


def prepare(project: pathlib.Path) -> None:
    """Leave in the project's .cache/ what its first build would: the share cards (drawn
    by explainer.cards into .cache/cards, as the build hook does) and the record that its
    data passed the schemas (explainer.data.validate). A warm-up build did this before,
    at the cost of a whole build (2 minutes at 1,000 pages)."""
    data.validate(project / "docs" / "data")
    draw_cards(project)


def draw_cards(project: pathlib.Path) -> None:
    """The project's share cards, drawn into its .cache/cards as its first build would."""
    site_name = YAML().load((project / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
    for card in cards.page_cards(project / "docs", site_name):
        cards.render(card, project / ".cache" / "cards")


def rounds(pages: int) -> int:
    return ROUNDS.get(pages, 1)


def scaling(sizes: list[int], work: pathlib.Path, zensical_sizes: set[int]):
    """Each size: (pages, alternating results, Zensical's (wall, CPU, MiB), its failure or None).

    Zensical builds first, as the project's first build (see the module docstring); where
    it does not run, or fails, prepare() leaves .cache/ as a first build would."""
    for pages in sizes:
        project = synthetic_project(pages, work)
        stock = stock_config(project)
        commands = {
            "ours": mkdocs("mkdocs.yml", work / f"ours-{pages}"),
            "stock": mkdocs(stock.name, work / f"stock-{pages}"),
        }
        zensical = None
        if pages in zensical_sizes:
            try:
                zensical = measure(zensical_command(project, work / f"zensical-{pages}"), project)
            except SystemExit as failure:  # a budget to report, not a reason to stop
                zensical = str(failure).splitlines()[-1]
        if not isinstance(zensical, tuple):
            prepare(project)
        results = alternate(rounds(pages), commands, project)
        yield pages, results, zensical
        for folder in (project, work / f"ours-{pages}", work / f"stock-{pages}", work / f"zensical-{pages}"):
            shutil.rmtree(folder, ignore_errors=True)


def ratio(results: dict[str, list]) -> float:
    return median(results["ours"]) / median(results["stock"])


def round_ratios(results: dict[str, list]) -> list[float]:
    """Each round's ours/stock (wall). A round's two builds run back to back, so a slow spell
    of the machine weighs on both: their spread shows how far the ratio can be trusted."""
    return [ours[0] / stock[0] for ours, stock in zip(results["ours"], results["stock"], strict=True)]


def extra_memory(results: dict[str, list]) -> float:
    """Ours' peak memory above stock's, MiB."""
    return max(r[2] for r in results["ours"]) - max(r[2] for r in results["stock"])


def print_pair(label: str, results: dict[str, list], phase_started: float, first: bool = True):
    cpu_ratio = median(results["ours"], 1) / median(results["stock"], 1)
    each_round = round_ratios(results)
    print(
        f"  {label:24} ours {summary(results['ours'])}   stock {summary(results['stock'])}"
        f"   ours/stock {ratio(results):5.2f} (CPU {cpu_ratio:4.2f};"
        f" each round {min(each_round):.2f}-{max(each_round):.2f})"
    )
    if first:
        print(f"  {'':24} first build (the warm-up; share cards drawn): {results['first ours'][0][0]:.2f} s")
    print(f"  {'':24} this benchmark took {time.perf_counter() - phase_started:.0f} s")


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="alternating rounds on the real site")
    parser.add_argument("--sizes", default="250,1000")
    parser.add_argument("--large", action="store_true", help="add the 5,000-page synthetic site")
    parser.add_argument("--zensical", action="store_true", help="one Zensical build of every synthetic size")
    parser.add_argument("--rounds-1000", type=int, default=1, help="alternating rounds at 1,000 pages")
    args = parser.parse_args()
    ROUNDS[1000] = args.rounds_1000
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([5000] if args.large else [])
    zensical_sizes = set(sizes) if args.zensical else {1000} & set(sizes)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        print(
            "Builds: median wall time (min-max), median CPU time, highest peak memory; "
            "ours and stock alternating, after one warm-up (see the method)"
        )
        real = real_site(args.runs, work)
        print_pair(f"real site, {args.runs} runs", real, started)
        phase_started = time.perf_counter()
        print_pair(f"one page --dirty, {args.runs}", one_page(args.runs, work), phase_started, first=False)
        phase_started = time.perf_counter()
        budgets = [(f"real site: ours/stock <= {RATIO_BUDGET}", ratio(real), ratio(real) <= RATIO_BUDGET)]
        for pages, results, zensical in scaling(sizes, work, zensical_sizes):
            if isinstance(zensical, tuple):
                print(
                    f"  {pages:,} pages: Zensical 0.0.73, one first build (cards drawn): "
                    f"{zensical[0]:.2f} s, CPU {zensical[1]:.2f} s, {zensical[2]:.0f} MiB"
                )
            elif zensical:
                print(f"  {pages:,} pages: Zensical 0.0.73 failed: {zensical}")
            print_pair(f"{pages} pages, {rounds(pages)} runs", results, phase_started, first=False)
            phase_started = time.perf_counter()
            if pages == 1000:
                budgets.append(
                    (
                        f"1,000 pages: ours/stock <= {RATIO_BUDGET}",
                        ratio(results),
                        ratio(results) <= RATIO_BUDGET,
                    )
                )
                budgets.append(("1,000 pages: Zensical 0.0.73 builds", None, isinstance(zensical, tuple)))
            per_page = (extra_memory(results) - extra_memory(real)) / pages  # pages added to the real site
            budgets.append(
                (
                    f"{pages} pages: memory above stock per page <= {MEMORY_PER_PAGE_BUDGET} MiB",
                    per_page,
                    per_page <= MEMORY_PER_PAGE_BUDGET,
                )
            )
    print("Budgets (issue 13):")
    for label, value, ok in budgets:
        print(f"  {label:52} {'' if value is None else f'{value:6.2f}':>6}  {verdict(ok)}")


if __name__ == "__main__":
    main()
