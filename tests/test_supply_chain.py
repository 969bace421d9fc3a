"""What CI runs with and what the site ships that we did not write: pinned, scoped, checked."""

import hashlib
import re

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
