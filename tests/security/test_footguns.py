"""Commands that write folders cannot destroy work: the export refuses folders it did not make,
and builds wait for each other and swap a whole site in, or none."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.build  # every test here builds or exports

from ..conftest import make_project

CLI = [sys.executable, "-m", "community_playbooks"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(*args, cwd):
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, env=ENV, timeout=600)


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project")


@pytest.mark.parametrize("target", ["playbooks/pitfalls", "playbooks", "docs", "docs/en", "overrides", "."])
def test_the_export_refuses_a_folder_of_the_project(project, target):
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    result = run("export", target, cwd=project)
    assert result.returncode == 1, result.stdout
    assert "export into a" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before  # nothing deleted, nothing added


def test_the_export_replaces_only_its_own_earlier_export(project, tmp_path):
    assert run("export", "export", cwd=project).returncode == 0
    assert (project / "export" / "mkdocs.yml").exists()
    assert run("export", "export", cwd=project).returncode == 0  # its own: replaced
    mine = tmp_path / "my-notes"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run("export", str(mine), cwd=project)
    assert result.returncode == 1 and "is not an earlier export" in result.stderr
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_failed_build_keeps_the_last_good_site(project):
    assert run("build", cwd=project).returncode == 0
    good = (project / "site" / "zh" / "index.html").read_text(encoding="utf-8")
    path = project / "playbooks" / "tiny-club.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ref: weekly-digest", "ref: weekly-digets"),
                    encoding="utf-8")
    result = run("build", cwd=project)
    assert result.returncode == 1
    assert "unknown ritual 'weekly-digets'" in result.stderr and "still holds the last good site" in result.stderr
    assert (project / "site" / "zh" / "index.html").read_text(encoding="utf-8") == good
    assert not [p for p in project.iterdir() if p.name.startswith(".site.new")]


def test_two_builds_at_once_wait_for_each_other(project):
    first = subprocess.Popen([*CLI, "build"], cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    lock = project / ".site.lock"
    deadline = time.monotonic() + 120
    while not (lock.exists() and lock.read_text(encoding="utf-8").startswith("pid")):
        assert time.monotonic() < deadline and first.poll() is None, "the first build never took the lock"
        time.sleep(0.05)
    second = run("build", cwd=project)
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    assert second.returncode == 0, second.stderr
    assert "Another build is writing site/" in second.stderr
    site = project / "site"
    assert (site / "index.html").exists() and (site / "zh" / "index.html").exists()
    assert (site / "playbooks" / "tiny-club" / "index.html").exists()
    assert (site / "zh" / "playbooks" / "tiny-club" / "index.html").exists()
