"""Data-size benchmark (figures, not pass/fail): `make check` and the build with a big timeline.

Method. A copy of the project (tools/project_copy.py) gets `--events` more timeline
events (10,000 by default): copies of the real events in turn, each under a unique id and
title, with the same themes, actors and sources, so the full timeline, Who's who's event
links and the Sources page's "Events" lists all grow with it. Then, in fresh processes
that run the copy's own code, it times `python -m explainer.check` plus `python -m
explainer.readability` (what `make check` runs) and one strict `mkdocs build` (what
`make build` runs after the check): wall clock and CPU time, median of `--runs` with the
min-max range, after one warm-up. The warm-up is one check, not a check and a build: the
check reads the docs and data into the page cache and records the schema pass, and
compileall and build.draw_cards() compile the copy's explainer/ and draw the share
cards, which is all a warm-up build left behind (at the cost of a whole build). The
check's records of the data that passed (explainer/data.py: .cache/schema-passed/, the
files that passed their schemas, and .cache/dataset/, the validated data) are removed
before each check, so the check always validates everything; as in `make build`, the
build follows the check, finds the validated data of the same files and code, and reads
it back instead of validating again. CPU time is the fairer figure on a shared machine.
The budget (issue 13) is under 10 s for each at 10,000 events.
"""

from __future__ import annotations

import argparse
import compileall
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from build import NoAliasDumper, draw_cards  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))
from explainer import data  # noqa: E402
from explainer.data import YamlLoader  # noqa: E402

from project_copy import copy_project  # noqa: E402

BIN = pathlib.Path(sys.executable).parent


def events_project(count: int, destination: pathlib.Path) -> pathlib.Path:
    """A copy of the project whose timeline has `count` more events (see the module docstring)."""
    project = copy_project(destination, "bench", "tests")
    timeline = project / "docs" / "data" / "timeline.yml"
    events = yaml.load(timeline.read_text(encoding="utf-8"), Loader=YamlLoader)
    copies = [
        dict(event, id=f"{event['id']}-e{n}", title=f"{event['title']} (copy {n})")
        for n, event in enumerate(events[i % len(events)] for i in range(count))
    ]
    text = yaml.dump(events + copies, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False, width=10**6)
    timeline.write_text(text, encoding="utf-8")
    return project


def timed(commands: list[list[str]], cwd: pathlib.Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of the commands run one after another; exits if one fails.

    The project's own explainer/ comes first on the path, so the build runs the copy's code."""
    start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd)}
    for command in commands:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
        if result.returncode:
            raise SystemExit(f"failed: {' '.join(command)}\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - start, after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--project", type=pathlib.Path, help="measure this project instead of a copy")
    args = parser.parse_args()
    python = str(BIN / "python")
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            "make check": [[python, "-m", "explainer.check"], [python, "-m", "explainer.readability"]],
            "strict build": [[str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", f"{tmp}/site"]],
        }
        project = args.project or events_project(args.events, pathlib.Path(tmp) / "project")
        label = "this project" if args.project else f"{args.events:,} more events"
        results = {name: [] for name in commands}
        timed(commands["make check"], project)  # the warm-up (see the module docstring)
        compileall.compile_dir(project / "explainer", quiet=1)
        draw_cards(project)
        for _ in range(args.runs):
            for name, steps in commands.items():
                if name == "make check":  # the check validates every time, as after an edit
                    for kept in (data.SCHEMA_PASSED, data.STORED_DATASET):
                        shutil.rmtree(project / ".cache" / kept, ignore_errors=True)
                results[name].append(timed(steps, project))
        print(f"Timeline data size ({label}): median of {args.runs} runs (min-max), wall and CPU")
        for name, runs in results.items():
            walls, cpus = [w for w, _ in runs], [c for _, c in runs]
            print(
                f"  {name:14} wall {statistics.median(walls):6.2f} s ({min(walls):.2f}-{max(walls):.2f})"
                f"   CPU {statistics.median(cpus):6.2f} s ({min(cpus):.2f}-{max(cpus):.2f})"
            )


if __name__ == "__main__":
    main()
