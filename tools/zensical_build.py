"""Build the site with Zensical, Material for MkDocs' successor, from the same mkdocs.yml.

Zensical 0.0.73 does not know MkDocs' `!relative` YAML tag, so this writes a copy of
mkdocs.yml beside it with each `!relative $config_dir` replaced by the project's
absolute path, builds from that copy, and removes it. Everything else is unchanged.
Zensical ignores MkDocs hooks, so after its build this writes the extra files (the data
downloads, feed.xml, the share cards) from the function the MkDocs hook uses.
Usage: python tools/zensical_build.py SITE_DIR [PROJECT_DIR]   (used by the tests and bench/build.py)
"""

from __future__ import annotations

import fcntl
import os
import pathlib
import shutil
import subprocess
import sys

import yaml

from explainer.site_files import write_site_files  # the package, as Zensical imports it

ROOT = pathlib.Path(__file__).resolve().parent.parent

BUILD_DIR = ".zensical-build"  # Zensical insists on a site_dir inside the project


def zensical_config(project: pathlib.Path) -> pathlib.Path:
    """Write .zensical.yml: mkdocs.yml with !relative resolved and site_dir set."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("!relative $config_dir", str(project.resolve()))
    config = project / ".zensical.yml"
    config.write_text(text + f"\nsite_dir: {BUILD_DIR}\n", encoding="utf-8")
    return config


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's plain settings: !ENV [NAME, default] as MkDocs reads it, other tags as None."""


def _environment(loader, node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value]
    variables, default = (names[:-1], names[-1]) if len(names) > 1 else (names, None)
    return next((os.environ[name] for name in variables if os.environ.get(name)), default)


_ConfigLoader.add_constructor("!ENV", _environment)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def write_extra_files(site_dir: pathlib.Path, project: pathlib.Path) -> list[str]:
    """The files the MkDocs hook adds (explainer/site_files.py), written into site_dir."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return write_site_files(
        site_dir,
        project / config.get("docs_dir", "docs"),
        config["site_name"],
        config.get("site_url") or "",
        project / ".cache" / "cards",
    )


def build(site_dir: pathlib.Path, project: pathlib.Path = ROOT) -> subprocess.CompletedProcess:
    """Build into site_dir (replaced); returns the finished process.

    The config copy and build folder have fixed names inside the project, so builds of one
    project (two test workers, say) take turns under a lock, as tools/build_site.sh does."""
    with open(project / ".zensical.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(pathlib.Path(site_dir), project)


def _build(site_dir: pathlib.Path, project: pathlib.Path) -> subprocess.CompletedProcess:
    zensical = shutil.which("zensical", path=os.path.dirname(sys.executable)) or "zensical"
    config = zensical_config(project)
    try:
        result = subprocess.run(
            [zensical, "build", "--strict", "--clean", "--config-file", str(config)],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        config.unlink()
    shutil.rmtree(site_dir, ignore_errors=True)
    if (project / BUILD_DIR).exists():
        shutil.move(project / BUILD_DIR, site_dir)
    if result.returncode == 0:
        write_extra_files(site_dir, project)
    return result


if __name__ == "__main__":
    result = build(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    sys.exit(result.returncode)
