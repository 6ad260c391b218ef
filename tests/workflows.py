"""The repository's workflows run as GitHub runs them: a job's `run:` steps, in order, in a fresh
copy of the repository with no virtual environment and no site.

Only steps that install system packages are left out (this machine has them), and the test
suite itself (`make test`, which is what runs this). A step that works only because another
target ran first fails here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
SYSTEM_PACKAGES = re.compile(r"\bapt-get\b|\bapt\b install")
THE_SUITE = re.compile(r"^\s*make test\s*$")


class JobFailed(Exception):
    """A step of the job exited with an error; the message holds its name and what it printed."""


@dataclass(frozen=True)
class JobRun:
    checkout: Path
    uploaded: tuple[Path, ...]  # what its upload steps would upload
    summary: Path  # the job summary it wrote ($GITHUB_STEP_SUMMARY)

    @property
    def site(self) -> Path | None:
        """The site the job publishes or uploads, or (the link check) reads where it built it."""
        return next((path for path in (*self.uploaded, self.checkout / "site") if (path / "index.html").exists()), None)


def job(workflow: str, name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))["jobs"][name]


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


def run_job(workflow: str, name: str, folder: Path) -> JobRun:
    """Run the job's steps in a fresh checkout under ``folder``; raises JobFailed at the first
    step that fails."""
    checkout = fresh_checkout(folder / "runner")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("VIRTUAL_ENV", "CP_PDF"))}
    env |= {"GITHUB_OUTPUT": str(folder / "output"), "GITHUB_STEP_SUMMARY": str(folder / "summary.md"),
            "CI": "true", "NO_MKDOCS_2_WARNING": "1",
            # what a runner spends, not what it does: no bytecode written while installing
            "PIP_NO_COMPILE": "1"}
    for step in job(workflow, name)["steps"]:
        if "run" not in step or SYSTEM_PACKAGES.search(step["run"]) or THE_SUITE.match(step["run"]):
            continue
        result = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", step["run"]], cwd=checkout, env=env, check=False,
                                capture_output=True, text=True, timeout=900)
        if result.returncode != 0:
            raise JobFailed(f"{workflow}:{name}, step {step.get('name', step['run'])!r}:\n"
                            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return job_run(workflow, name, folder)


def job_run(workflow: str, name: str, folder: Path) -> JobRun:
    """What the job left in ``folder`` (see run_job), for the tests that read it."""
    checkout = folder / "runner"
    uploaded = tuple(checkout / step["with"]["path"] for step in job(workflow, name)["steps"]
                     if step.get("uses", "").startswith(("actions/upload-pages-artifact", "actions/upload-artifact")))
    return JobRun(checkout, uploaded, folder / "summary.md")
