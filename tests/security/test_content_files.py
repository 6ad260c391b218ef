"""Content files are regular files inside the content folder, of a sensible size and depth: a
pull request cannot make the build read elsewhere, eat the machine's memory or crash it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from community_playbooks.content.loader import Loader
from community_playbooks.content.yaml_reader import MAX_BYTES, MAX_DEPTH
from community_playbooks.errors import ContentError

from ..conftest import FIXTURE

CLI = [sys.executable, "-m", "community_playbooks"]


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        Loader(root).load()
    report = caught.value.report()
    assert "Traceback" not in report
    return [str(p) for p in caught.value.problems]


def validate(root: Path) -> subprocess.CompletedProcess:
    """`playbooks validate` in a process of its own: a crash would show as a signal, not a message."""
    return subprocess.run([*CLI, "--root", str(root), "validate"], capture_output=True, text=True, timeout=120)


def test_a_link_to_a_file_outside_is_refused_and_not_read(project, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text((FIXTURE / "playbooks/pitfalls/dead-group.yaml").read_text(encoding="utf-8")
                      .replace("Dead group", "Secret from outside"), encoding="utf-8")
    (project / "playbooks/pitfalls/leak.yaml").symlink_to(secret)
    found = problems(project)
    assert "playbooks/pitfalls/leak.yaml: is a symbolic link; content files are regular files inside the content " \
           "folder: copy the file here instead" in found
    assert not any("Secret from outside" in p for p in found)


@pytest.mark.parametrize("target", ["/dev/zero", "/nonexistent/dangling.yaml"])
def test_links_to_devices_and_dangling_links_are_refused(project, target):
    (project / "playbooks/rituals/odd.yaml").symlink_to(target)
    assert any(p.startswith("playbooks/rituals/odd.yaml: is a symbolic link") for p in problems(project))


def test_a_linked_folder_is_refused(project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(FIXTURE / "playbooks/pitfalls", elsewhere)
    (project / "playbooks/more").symlink_to(elsewhere, target_is_directory=True)
    assert "playbooks/more: is a symbolic link; content files are regular files inside the content folder: copy the " \
           "file here instead" in problems(project)


def test_a_content_folder_that_is_a_link_is_refused(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    (root / "playbooks").symlink_to(FIXTURE / "playbooks", target_is_directory=True)
    assert problems(root) == ["playbooks: the content folder is a link to another place; make playbooks/ a real "
                              "folder inside the project"]


def test_a_pipe_is_refused_without_waiting_for_it(project):
    os.mkfifo(project / "playbooks/pitfalls/pipe.yaml")
    result = validate(project)  # a reader waiting on the pipe would time out here
    assert result.returncode == 1
    assert "playbooks/pitfalls/pipe.yaml: is not a regular file" in result.stderr


def test_a_huge_file_is_refused_before_it_is_read(project):
    text = (FIXTURE / "playbooks/pitfalls/dead-group.yaml").read_text(encoding="utf-8")
    big = text.replace("summary: {en: '", "summary: {en: '" + "x" * (MAX_BYTES + 10), 1)
    (project / "playbooks/pitfalls/dead-group.yaml").write_text(big, encoding="utf-8")
    found = problems(project)
    assert any(p.startswith("playbooks/pitfalls/dead-group.yaml: is 1,0") and "more than the 1,000,000" in p
               for p in found), found


def test_thirty_thousand_brackets_are_a_located_problem_not_a_crash(project):
    (project / "playbooks/pitfalls/deep.yaml").write_text("title: " + "[" * 30000 + "]" * 30000 + "\n",
                                                          encoding="utf-8")
    result = validate(project)
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])  # not -11 (a segfault)
    assert f"playbooks/pitfalls/deep.yaml:1:{8 + MAX_DEPTH - 1}: title" in result.stderr
    assert f"nested more than {MAX_DEPTH} levels deep" in result.stderr and "Traceback" not in result.stderr


def test_deep_block_nesting_too(project):
    lines = "".join(f"{'  ' * i}k{i}:\n" for i in range(MAX_DEPTH + 5)) + f"{'  ' * (MAX_DEPTH + 5)}x\n"
    (project / "playbooks/pitfalls/deep.yaml").write_text(lines.replace("k0:", "title:", 1), encoding="utf-8")
    found = problems(project)
    assert any(f"nested more than {MAX_DEPTH} levels deep" in p for p in found)


def test_a_number_too_long_to_read_is_a_located_problem(project):
    path = project / "playbooks/rituals/weekly-digest.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[:text.index("duration: 30")].count("\n") + 1
    path.write_text(text.replace("duration: 30", "duration: " + "9" * 4301), encoding="utf-8")
    found = problems(project)
    assert any(p.startswith(f"playbooks/rituals/weekly-digest.yaml:{line}:11: duration: '9999") and "cannot be read "
               "as a whole number" in p for p in found), found


def test_a_file_name_with_a_newline_is_refused_and_quoted(project):
    (project / "playbooks/pitfalls/x\n::warning file=README.md::owned.yaml").write_text("title: x\n",
                                                                                       encoding="utf-8")
    result = validate(project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert not any(line.startswith("::") for line in lines), "a line GitHub would read as a workflow command"
    assert any("x\\n::warning file=README.md::owned" in line and "is not a valid id" in line for line in lines)


def test_keys_and_values_cannot_smuggle_log_lines(project):
    path = project / "playbooks/pitfalls/dead-group.yaml"
    path.write_text(path.read_text(encoding="utf-8") + '"x\\n::warning file=README.md::owned": 1\n'
                    'related2: "\\u202e"\n', encoding="utf-8")
    for fmt in ("text", "github"):
        result = subprocess.run([*CLI, "--root", str(project), "validate", "--format", fmt], capture_output=True,
                                text=True)
        assert result.returncode == 1
        for line in (result.stdout + result.stderr).splitlines():
            # the fixture's own translations to do are warnings on GitHub; nothing else is
            assert not line.startswith("::warning") or re.fullmatch(r"::warning file=playbooks/[^:]*::no (en|zh) text yet "
                                                             r"\(to translate\);.*", line), line
            assert "\u202e" not in line
        assert "unknown field 'x\\n::warning file=README.md::owned'" in result.stderr


def test_a_trailing_newline_in_a_reference_is_refused_by_both_validators(project):
    path = project / "playbooks/tiny-club.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - ref: founder-dependence\n", '  - ref: "founder-dependence\\n"\n'),
                    encoding="utf-8")
    result = validate(project)
    assert result.returncode == 1
    assert "playbooks/tiny-club.yaml:" in result.stderr and "pitfalls[3].ref: 'founder-dependence\\n' is not a " \
                                                             "valid id" in result.stderr
    assert "KeyError" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.build
def test_the_build_refuses_what_validate_refuses(project, tmp_path):
    """One rule book: text the rule book refuses stops the build too."""
    from ..conftest import build, make_project

    site_project = make_project(tmp_path / "built", content=project / "playbooks")
    path = site_project / "playbooks/pitfalls/dead-group.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: {en: Dead group, zh: 死群}",
                                                             "title: {en: 'Dead group', zh: '死\u200b群'}"),
                    encoding="utf-8")
    result = build(site_project)
    assert result.returncode != 0
    assert "playbooks/pitfalls/dead-group.yaml" in result.stdout + result.stderr
    assert "U+200B" in result.stdout + result.stderr and "nothing was built" in result.stdout + result.stderr


@pytest.mark.parametrize("name, message", [
    ("pitfalls/shouting.YAML", "entries end in .yaml, in lowercase; rename it to shouting.yaml"),
    ("pitfalls/Mixed.Yaml", "entries end in .yaml, in lowercase; rename it to Mixed.yaml"),
    ("pitfalls/short.yml", "entries end in .yaml; rename it to short.yaml"),
    ("pitfalls/.hidden.yaml", "is a hidden file, which is never read"),
    ("pitfalls/.dead-group.yaml.swp", "is a hidden file, which is never read"),
    (".drafts/new-club.yaml", "is in the hidden folder .drafts/, which is never read"),
    ("rituals/.git/config", "is in the hidden folder .git/, which is never read"),
    ("pitfalls/notes.txt", "is not an entry: only .yaml files are read here"),
    ("README.md", "is not an entry: only .yaml files are read here; move it out of playbooks/"),
])
def test_every_file_under_the_content_folder_is_read_or_reported(project, name, message):
    """A file the loader does not read is a problem with what to do, never skipped in silence,
    and `validate` named that file says so instead of "no problems"."""
    path = project / "playbooks" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((FIXTURE / "playbooks/pitfalls/dead-group.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    found = problems(project)
    assert [p for p in found if p.startswith(f"playbooks/{name}: ")] == [p for p in found if message in p], found
    assert any(message in p for p in found)
    named = subprocess.run([*CLI, "--root", str(project), "validate", str(path)], capture_output=True, text=True,
                           cwd=project)
    assert named.returncode == 1 and message in named.stderr and "No problems" not in named.stdout


@pytest.mark.parametrize("name, refusal", [("playbooks/nothing.yaml", "does not exist"),
                                           ("playbooks/pitfalls", "is a folder"),
                                           ("mkdocs.yml", "is not under playbooks/")])
def test_validate_says_when_it_will_not_read_a_name(project, name, refusal):
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    named = subprocess.run([*CLI, "--root", str(project), "validate", name], capture_output=True, text=True,
                           cwd=project)
    assert named.returncode == 2 and f"{name}: {refusal}" in named.stderr
