"""Every workflow works from its own steps on a fresh runner.

Each job that builds the site is run as GitHub would run it: its `run:` steps, in order, in
a fresh copy of the repository with no virtual environment and no site, and the folder it
uploads is checked. Only steps that install system packages are skipped (this machine has
them), and the test suite itself (`make test`, which is what runs this). A step that works
only because another target ran first fails here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from community_playbooks.content.loader import load_library

from ..conftest import ROOT

pytestmark = pytest.mark.build

WORKFLOWS = ROOT / ".github" / "workflows"
# (workflow, job, whether the site it uploads holds the launch kits' PDFs)
BUILDING = [("deploy.yml", "build", True), ("pull-request.yml", "check", True), ("weekly.yml", "links", False)]
SYSTEM_PACKAGES = re.compile(r"\bapt-get\b|\bapt\b install")
THE_SUITE = re.compile(r"^\s*make test\s*$")


def fresh_checkout(target: Path) -> Path:
    """What a runner's checkout holds: the repository's files (as they are now, committed or
    about to be), nothing ignored, nothing built; in a repository whose last commit has a parent,
    as a pull request's merge commit has the branch it goes into."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git = ["git", "-c", "user.name=runner", "-c", "user.email=runner@example.org", "-c", "commit.gpgsign=false"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "base"],
                    ["commit", "-q", "--allow-empty", "-m", "merge"]):
        subprocess.run([*git, *command], cwd=target, check=True, capture_output=True)
    return target


def job(workflow: str, name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))["jobs"][name]


@pytest.mark.parametrize("workflow, name, pdf", BUILDING, ids=[f"{w}:{j}" for w, j, _ in BUILDING])
def test_a_building_job_works_from_its_own_steps(workflow, name, pdf, tmp_path):
    checkout = fresh_checkout(tmp_path / "runner")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("VIRTUAL_ENV", "CP_PDF"))}
    env |= {"GITHUB_OUTPUT": str(tmp_path / "output"), "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
            "CI": "true", "NO_MKDOCS_2_WARNING": "1",
            # what a runner spends, not what it does: no bytecode written while installing
            "PIP_NO_COMPILE": "1"}
    uploaded = []
    for step in job(workflow, name)["steps"]:
        if "run" in step:
            if SYSTEM_PACKAGES.search(step["run"]) or THE_SUITE.match(step["run"]):
                continue
            result = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", step["run"]], cwd=checkout, env=env,
                                    capture_output=True, text=True, timeout=900)
            assert result.returncode == 0, f"{step.get('name', step['run'])}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        elif step.get("uses", "").startswith(("actions/upload-pages-artifact", "actions/upload-artifact")):
            uploaded.append(checkout / step["with"]["path"])
    # the site the job publishes or uploads, or (the link check) reads where it built it
    sites = [path for path in (*uploaded, checkout / "site") if (path / "index.html").exists()]
    assert sites, f"{workflow}:{name} built no site ({uploaded})"
    site = sites[0]
    library = load_library(checkout)
    for prefix in ("", "zh/"):
        assert (site / prefix / "index.html").exists() and (site / prefix / "pagefind" / "pagefind.js").exists()
        for playbook in library.playbooks:
            kit = site / prefix / "playbooks" / playbook / "launch-kit.pdf"
            assert kit.exists() == pdf and (not pdf or kit.read_bytes().startswith(b"%PDF")), kit
    assert '<html lang="zh"' in (site / "zh" / "index.html").read_text(encoding="utf-8")
    if workflow == "pull-request.yml":  # the review, against the branch it is merged into (here: the same files)
        summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
        assert summary.startswith("# The content of this pull request\n") and "No file under `playbooks/` changes." in summary
