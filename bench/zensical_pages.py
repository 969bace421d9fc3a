"""Zensical at scale (pass/fail figure, not a test): does Zensical 0.0.73 build a big site?

Method. bench/build.py's synthetic site (`--pages`, 1,000 by default: copies of the debate
pages with their own sources and events, the data written without YAML anchors, which
the data refuses), then one `zensical build --strict` with
tools/zensical_build.py's config and no time limit, timed (wall clock and CPU). Prints
pass or fail, the times, and on a failure the end of Zensical's output. Issue 13 asks
for a pass at 1,000 pages.
"""

from __future__ import annotations

import argparse
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import build  # noqa: E402
from build import BIN  # noqa: E402

from zensical_build import BUILD_DIR, zensical_config  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        project = build.synthetic_project(args.pages, work)
        config = zensical_config(project)
        start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run(  # no time limit: a loaded machine is slow, not failing
            [str(BIN / "zensical"), "build", "--strict", "--clean", "--config-file", str(config)],
            cwd=project,
            capture_output=True,
            text=True,
        )
        wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
        site = project / BUILD_DIR
        pages = len(list(site.rglob("index.html"))) if site.exists() else 0
        verdict = "pass" if result.returncode == 0 else f"FAIL (exit {result.returncode})"
        print(
            f"Zensical 0.0.73, {args.pages:,} synthetic pages: {verdict}, {wall:.0f} s "
            f"({cpu:.0f} s CPU), {pages} pages"
        )
        if result.returncode:
            print((result.stdout + result.stderr)[-3000:])


if __name__ == "__main__":
    main()
