"""What CI runs with and what the site ships that we did not write: pinned, scoped, checked."""

import hashlib
import re

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
VENDOR = ROOT / "overrides" / "assets" / "vendor" / "iframe-worker"


def workflow(path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # 'on' stays a string


def steps(path):
    for name, job in workflow(path)["jobs"].items():
        for step in job.get("steps", []):
            yield name, step


def test_every_checkout_leaves_no_credentials_behind():
    checkouts = [
        (path.name, job, step)
        for path in WORKFLOWS
        for job, step in steps(path)
        if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    for file, job, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") == "false", f"{file}: job {job}"


def test_only_the_deploy_job_may_publish():
    for path in WORKFLOWS:
        config = workflow(path)
        assert set(config.get("permissions", {})) <= {"contents"}, path.name
        assert config.get("permissions", {}).get("contents", "read") == "read", path.name
        for name, job in config["jobs"].items():
            granted = {k for k, v in job.get("permissions", {}).items() if v == "write"}
            if path.name == "deploy.yml" and name == "deploy":
                assert granted == {"pages", "id-token"}
            else:
                assert not granted, f"{path.name}: job {name} may write {granted}"


def test_the_python_version_is_exact():
    versions = [
        step["with"]["python-version"]
        for path in WORKFLOWS
        for _, step in steps(path)
        if step.get("uses", "").startswith("actions/setup-python@")
    ]
    assert versions
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in versions), versions


def test_the_vendored_shim_is_the_file_whose_hash_was_recorded():
    recorded = dict(
        reversed(line.split(maxsplit=1))
        for line in (VENDOR / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    )
    assert set(recorded) == {"shim.js"}
    assert hashlib.sha256((VENDOR / "shim.js").read_bytes()).hexdigest() == recorded["shim.js"]


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", re.M)


def test_every_action_is_pinned_by_commit_with_its_tag_in_a_comment():
    pins = {}
    for path in WORKFLOWS:
        for action, comment in USES.findall(path.read_text(encoding="utf-8")):
            name, _, ref = action.partition("@")
            assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{path.name}: {action} is not pinned by commit"
            assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", comment), f"{path.name}: {action} needs '# vX.Y.Z'"
            pins.setdefault(name, set()).add((ref, comment.strip()))
    assert pins
    assert all(len(refs) == 1 for refs in pins.values()), f"one pin per action everywhere: {pins}"


def requirement_pins(path) -> dict[str, str]:
    """name -> version for every 'name==version' line (names normalised as pip does)."""
    text = path.read_text(encoding="utf-8")
    return {
        re.sub(r"[-_.]+", "-", name).lower(): version
        for name, version in re.findall(r"^([A-Za-z0-9][A-Za-z0-9_.\-]*)==([^\s;\\]+)", text, re.M)
    }


def lock_entries(path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) for each package in a lock file."""
    entries = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", path.read_text(encoding="utf-8")):
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9_.\-]*)==(\S+)", block)
        if match:
            name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
            entries[name] = (match.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries


@pytest.mark.parametrize("name", ["requirements", "requirements-dev"])
def test_each_lock_pins_exactly_its_requirements_with_hashes(name):
    """A pin changed without `make lock` fails here; so does an entry without a hash."""
    wanted = requirement_pins(ROOT / f"{name}.txt")
    if name == "requirements-dev":
        wanted |= requirement_pins(ROOT / "requirements.txt")
    locked = lock_entries(ROOT / f"{name}.lock")
    assert {package: version for package, (version, _) in locked.items()} == wanted
    assert all(hashes for _, hashes in locked.values()), [p for p, (_, h) in locked.items() if not h]
    text = (ROOT / f"{name}.lock").read_text(encoding="utf-8")
    assert "-e " not in text and "file:" not in text and "#    make lock" in text


def test_the_site_lock_and_the_dev_lock_agree():
    site, dev = lock_entries(ROOT / "requirements.lock"), lock_entries(ROOT / "requirements-dev.lock")
    assert {package: dev.get(package) for package in site} == site


def test_the_makefile_installs_only_from_the_locks_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = re.findall(r"^\t\$\(PIP_INSTALL\) (.*)$", makefile, re.M)
    assert installs == [
        "--require-hashes -r requirements.lock",
        "--no-deps --no-build-isolation -e .",
        "--require-hashes -r requirements-dev.lock",
    ]
    assert "pip install" not in makefile.replace("PIP_INSTALL := $(BIN)/python -m pip install", "")
    assert not any(line.strip() == "-e ." for line in (ROOT / "requirements.txt").read_text().splitlines())
