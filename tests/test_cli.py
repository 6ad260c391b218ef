"""The `playbooks` command as a contributor runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys

from .conftest import FIXTURE, ROOT

CLI = [sys.executable, "-m", "macros"]


def run(*args, cwd=ROOT):
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd)


def broken_copy(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    club = root / "playbooks" / "tiny-club.yaml"
    club.write_text(club.read_text(encoding="utf-8").replace("ref: weekly-digest", "ref: weekly-digets"),
                    encoding="utf-8")
    return root


def test_validate_passes_on_the_shipped_content():
    from macros.library import load_library

    library = load_library(ROOT)
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"All entries are valid: {len(library.playbooks)} playbooks, "
                                     f"{len(library.pitfalls)} pitfalls, {len(library.rituals)} rituals, "
                                     f"{len(library.stages)} stages.")


def test_validate_reports_lint_problems_too():
    result = run("--root", str(FIXTURE), "validate")
    assert result.returncode == 1
    assert "playbooks/other-club.yaml:1:8: title: no en and zh text; write it as {en: ..., zh: ...}" in result.stderr


def test_validate_prints_located_problems_and_fails(tmp_path):
    result = run("--root", str(broken_copy(tmp_path)), "validate")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == ("playbooks/tiny-club.yaml:15:10: rituals[0].ref: unknown ritual 'weekly-digets'; "
                        "did you mean 'weekly-digest'?")
    assert lines[-1] == "1 problem in 1 file; nothing was built."
    assert "Traceback" not in result.stderr


def test_validate_github_format_annotates_the_diff_line(tmp_path):
    result = run("--root", str(broken_copy(tmp_path)), "validate", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.strip() == ("::error file=playbooks/tiny-club.yaml,line=15,col=10,title=rituals[0].ref::"
                                     "unknown ritual 'weekly-digets'; did you mean 'weekly-digest'?")


def test_validate_outside_a_project_says_where_to_run_it(tmp_path):
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "there is no playbooks/ folder here" in result.stderr and "Traceback" not in result.stderr


def test_export_writes_a_buildable_tree(tmp_path):
    out = tmp_path / "out"
    result = run("export", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "mkdocs.yml").exists() and (out / "docs" / "playbooks" / "index.md").exists()


def test_stale_lists_entries_older_than_the_limit():
    result = run("--root", str(FIXTURE), "stale", "--today", "2027-11-25")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert "- playbooks/tiny-club.yaml: last reviewed 2026-11-24" in lines
    assert lines[-1] == "7 of 7 entries were last reviewed more than 12 months before 2027-11-25."
    fresh = run("--root", str(FIXTURE), "stale", "--today", "2027-11-24")
    assert fresh.stdout.strip() == "0 of 7 entries were last reviewed more than 12 months before 2027-11-24."
