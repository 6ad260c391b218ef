"""The `playbooks` command as a contributor runs it."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from community_playbooks.adapters.cli import main
from community_playbooks.content.kinds import KINDS
from community_playbooks.content.loader import load_library

from ..conftest import FIXTURE, ROOT

CLI = [sys.executable, "-m", "community_playbooks"]
# where weekly-digest sits in reading-circle's rituals
ROOT_RITUAL_INDEX = [use.ref for use in load_library(ROOT).playbooks["reading-circle"].rituals].index("weekly-digest")


def run(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    """`playbooks ARGS` run from ``cwd`` as a contributor runs it, in this process (a second
    Python for each of these tests would cost a second apiece; the file tests in
    tests/security run it in a process of its own, where a crash would show)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as exit:  # argparse refusing the arguments
            code = exit.code if isinstance(exit.code, int) else 2
    return subprocess.CompletedProcess(["playbooks", *args], code, out.getvalue(), err.getvalue())


def broken_copy(tmp_path):
    """The shipped content with one typo in a ritual reference of reading-circle.yaml."""
    root = tmp_path / "p"
    shutil.copytree(ROOT / "playbooks", root / "playbooks")
    circle = root / "playbooks" / "reading-circle.yaml"
    text = circle.read_text(encoding="utf-8")
    assert text.count("ref: weekly-digest\n") == 1
    circle.write_text(text.replace("ref: weekly-digest\n", "ref: weekly-digets\n"), encoding="utf-8")
    return root, _line_of(text, "ref: weekly-digest\n")


def _line_of(text: str, needle: str) -> tuple[int, int]:
    before = text[:text.index(needle)]
    return before.count("\n") + 1, len(before) - before.rfind("\n") + len("ref: ")


def test_validate_passes_on_the_shipped_content():
    library = load_library(ROOT)
    result = run("validate")
    assert result.returncode == 0, result.stderr
    counts = ", ".join(f"{len(library.section(kind.section))} {kind.section}" for kind in KINDS)
    assert result.stdout.strip() == f"All entries are valid: {counts}."
    assert f"{len(library.playbooks)} playbooks, {len(library.pitfalls)} pitfalls" in counts


def test_validate_reports_rule_problems_too(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    tiny = root / "playbooks" / "tiny-club.yaml"
    tiny.write_text(tiny.read_text(encoding="utf-8").replace("title: {en: Tiny club, zh: 小小俱乐部}",
                                                             "title: Tiny club"), encoding="utf-8")
    result = run("--root", str(root), "validate")
    assert result.returncode == 1
    assert "playbooks/tiny-club.yaml:2:8: title: no en and zh text; write it as {en: ..., zh: ...}" in result.stderr


def test_validate_prints_located_problems_and_fails(tmp_path):
    root, (line, column) = broken_copy(tmp_path)
    result = run("--root", str(root), "validate")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    index = ROOT_RITUAL_INDEX
    assert lines[0] == (f"playbooks/reading-circle.yaml:{line}:{column}: rituals[{index}].ref: unknown ritual "
                        "'weekly-digets'; did you mean 'weekly-digest'?")
    assert lines[-1] == "1 problem in 1 file; nothing was built."
    assert "Traceback" not in result.stderr


def test_validate_files_reports_only_those_files(tmp_path):
    root, _ = broken_copy(tmp_path)
    clean = run("--root", str(root), "validate", str(root / "playbooks" / "gaming-guild.yaml"))
    assert clean.returncode == 0 and clean.stdout.strip() == "No problems in the 1 file checked."
    broken = run("--root", str(root), "validate", str(root / "playbooks" / "reading-circle.yaml"))
    assert broken.returncode == 1 and "weekly-digets" in broken.stderr


def test_validate_github_format_annotates_the_diff_line(tmp_path):
    root, (line, column) = broken_copy(tmp_path)
    result = run("--root", str(root), "validate", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.strip() == (f"::error file=playbooks/reading-circle.yaml,line={line},col={column},"
                                     f"title=rituals[{ROOT_RITUAL_INDEX}].ref::"
                                     "unknown ritual 'weekly-digets'; did you mean 'weekly-digest'?")


def test_validate_outside_a_project_says_where_to_run_it(tmp_path):
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "there is no playbooks/ folder here" in result.stderr and "Traceback" not in result.stderr


def test_export_writes_a_buildable_tree(tmp_path):
    out = tmp_path / "new" / "folders" / "out"  # folders that do not exist yet are made
    result = run("export", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "mkdocs.yml").exists() and (out / "docs" / "playbooks" / "index.md").exists()


def test_stale_lists_entries_older_than_the_limit():
    result = run("--root", str(FIXTURE), "stale", "--today", "2027-11-25")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert "- playbooks/tiny-club.yaml: last reviewed 2026-11-24" in lines
    assert lines[-2:] == ["14 of 14 entries were last reviewed more than 12 months before 2027-11-25.",
                          "2 of 2 platform facts were last checked more than 12 months before 2027-11-25."]
    fresh = run("--root", str(FIXTURE), "stale", "--today", "2026-11-30")
    # a fact checked on 2025-06-01 is due, with where to check it, though every entry is fresh
    assert fresh.stdout.strip().splitlines() == [
        "- playbooks/platforms/wechat.yaml: fact invite-confirmation last checked 2025-06-01 against "
        "https://help.wechat.com/",
        "0 of 14 entries were last reviewed more than 12 months before 2026-11-30.",
        "1 of 2 platform facts were last checked more than 12 months before 2026-11-30."]


def test_checklist_prints_a_tailored_plain_text_list():
    from community_playbooks.render.checklists import Situation, tailored

    library = load_library(ROOT)
    playbook = library.playbooks["alumni-network"]
    result = run("checklist", "alumni-network", "--platform", "wechat", "--size", "600", "--stage", "shared")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{playbook.title.get('en')} — Launch checklist" and set(lines[1]) == {"="}
    assert lines[3] == f"Tailored for: WeChat, 600 members, {library.stages['shared'].title.get('en')}"
    shown = [line[4:] for line in lines if line.startswith("[ ] ")]
    situation = Situation("wechat", 600, "shared")
    expected = [" ".join(i.text.get("en").split()) for _, items in tailored(library, playbook, situation) for i in items]
    assert shown == expected and 0 < len(shown) < sum(len(p.items) for p in playbook.checklists)


def test_checklist_in_chinese_markdown():
    result = run("checklist", "reading-circle", "--lang", "zh", "--format", "markdown")
    assert result.returncode == 0
    title = load_library(ROOT).playbooks["reading-circle"].title.get("zh")
    assert result.stdout.startswith(f"# {title} — 开群清单\n\n## 开群之前\n\n- [ ] ")


def test_checklist_with_a_typo_says_what_was_meant():
    result = run("checklist", "reading-circel", "--platform", "wechta")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "playbook: unknown playbook 'reading-circel'; did you mean 'reading-circle'?",
        "--platform: unknown platform 'wechta'; did you mean 'wechat'?"]


def test_validate_refuses_a_file_it_cannot_check(tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("title: x\n", encoding="utf-8")
    for name, refusal in ((str(outside), "is not under playbooks/"), ("playbooks/no-such-file.yaml", "does not exist")):
        result = run("validate", name)
        assert result.returncode == 2 and f"{name}: {refusal}" in result.stderr, name


def test_export_never_replaces_the_project():
    for target in (".", "playbooks", "docs"):
        result = run("export", target)
        assert result.returncode == 1 and "the export would replace the project itself" in result.stderr, target
    assert (ROOT / "playbooks" / "reading-circle.yaml").exists()


def one_language_copy(tmp_path, marker: str | None, source: Path = ROOT):
    """The shipped content (which has no translations to do), or the fixture's, with the title
    and first warning sign of dead-group in English only, marked ``needs_translation: [marker]``
    unless marker is None."""
    root = tmp_path / "p"
    shutil.copytree(source / "playbooks", root / "playbooks")
    path = root / "playbooks" / "pitfalls" / "dead-group.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["title"]["zh"]
    del data["signs"][0]["zh"]
    if marker:
        data["needs_translation"] = [marker]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def test_a_proposal_in_one_language_lists_its_translations_to_do_and_passes(tmp_path):
    result = run("--root", str(one_language_copy(tmp_path, "zh")), "validate", "--format", "github")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Translations to do (not errors" in out
    assert "playbooks/pitfalls/dead-group.yaml:2:3: title: no zh text yet (to translate)" in out
    assert re.search(r"dead-group.yaml:\d+:\d+: signs\[0\]: no zh text yet", out)
    assert "2 texts to translate in 1 file marked needs_translation." in out
    assert "::warning file=playbooks/pitfalls/dead-group.yaml,line=2,col=3,title=title::no zh text yet" in out
    assert "::error" not in out and "All entries are valid" in out


@pytest.mark.parametrize("marker, expected", [
    (None, "title: no zh text; write it as {en: ..., zh: ...}, or mark the entry 'needs_translation: [zh]'"),
    ("en", "title: no zh text; write it as"),  # the wrong language marked: still broken
])
def test_a_missing_translation_without_the_marker_still_fails(tmp_path, marker, expected):
    result = run("--root", str(one_language_copy(tmp_path, marker)), "validate")
    assert result.returncode == 1
    assert expected in result.stderr
    if marker == "en":
        assert "needs_translation[0]: every text is written in en; remove 'en'" in result.stderr


def test_a_marker_left_on_a_translated_entry_is_a_problem(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(FIXTURE / "playbooks", root / "playbooks")
    path = root / "playbooks" / "pitfalls" / "dead-group.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "needs_translation: [zh]\n", encoding="utf-8")
    result = run("--root", str(root), "validate")
    assert result.returncode == 1
    assert "needs_translation[0]: every text is written in zh; remove 'zh' from needs_translation" in result.stderr


def test_a_broken_file_fails_beside_translations_to_do(tmp_path):
    root = one_language_copy(tmp_path, "zh", FIXTURE)  # where no other entry links to dead-group
    path = root / "playbooks" / "pitfalls" / "dead-group.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("severity: high", "severity: hgih"), encoding="utf-8")
    result = run("--root", str(root), "validate")
    assert result.returncode == 1
    assert "severity: unknown severity 'hgih'" in result.stderr
    assert "1 problem in 1 file; nothing was built." in result.stderr
