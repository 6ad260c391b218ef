"""`playbooks review`: a pull request's content as a reviewer reads it, in the job summary."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from ..conftest import FIXTURE, ROOT

CLI = [sys.executable, "-m", "community_playbooks"]


def project(folder):
    shutil.copytree(FIXTURE / "playbooks", folder / "playbooks")
    for name in ("mkdocs.yml", "mkdocs.zh.yml"):
        shutil.copy(ROOT / name, folder / name)
    return folder


def test_each_changed_entry_its_problems_texts_and_pages(tmp_path):
    base, head = project(tmp_path / "base"), project(tmp_path / "head")
    pitfall = head / "playbooks" / "pitfalls" / "dead-group.yaml"
    text = pitfall.read_text(encoding="utf-8")
    pitfall.write_text(text.replace("{en: No message for a week., zh: 一周没有消息。}",
                                    "{en: 'No message for a week <b>@octocat</b> #1.'}")
                       + "needs_translation: [zh]\n", encoding="utf-8")
    result = subprocess.run([*CLI, "--root", str(head), "review", "--base", str(base)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    summary = result.stdout
    assert "## Changed: `Dead group / 死群`" in summary
    assert "`playbooks/pitfalls/dead-group.yaml`, a pitfall" in summary
    assert "**1 text to translate**" in summary and "signs[0]: no zh text yet (to translate)" in summary
    assert "signs[0]:\n  No message for a week <b>@octocat</b> #1." in summary  # as it will read, in a code block
    pages = summary[summary.index("## Changed pages and files"):]
    assert "- `pitfalls/dead-group/` (changed)" in pages and "- `zh/pitfalls/dead-group/` (changed)" in pages
    assert "- `playbooks/tiny-club/` (changed)" in pages  # its pitfall card shows the warning signs
    # nothing from the content is Markdown outside code
    outside = re.sub(r"^(`{3,})text\n.*?\n\1$", "", summary, flags=re.S | re.M)
    outside = re.sub(r"(`+)(?:(?!\1).)+?\1", "", outside)
    assert "@octocat" not in outside and "<b>" not in outside


def test_problems_are_located_and_a_broken_library_is_not_compared(tmp_path):
    base, head = project(tmp_path / "base"), project(tmp_path / "head")
    ritual = head / "playbooks" / "rituals" / "weekly-digest.yaml"
    ritual.write_text(ritual.read_text(encoding="utf-8").replace("duration: ", "duration: 9999 #"), encoding="utf-8")
    (head / "playbooks" / "stages" / "shared.yaml").unlink()
    result = subprocess.run([*CLI, "--root", str(head), "review", "--base", str(base)], capture_output=True, text=True)
    summary = result.stdout
    assert "## Changed: `playbooks/rituals/weekly-digest.yaml`" in summary and "which could not be read" in summary
    assert re.search(r"\*\*1 problem\*\* \(the check fails until they are fixed\):\n\n```text\n"
                     r"playbooks/rituals/weekly-digest.yaml:\d+:\d+: duration: 9999 is too large", summary)
    assert "## Removed: `playbooks/stages/shared.yaml`" in summary
    assert "## Problems in other files" in summary and "unknown stage 'shared'" in summary
    assert "Listed once the check passes" in summary


def test_no_change_says_so(tmp_path):
    base, head = project(tmp_path / "base"), project(tmp_path / "head")
    result = subprocess.run([*CLI, "--root", str(head), "review", "--base", str(base)], capture_output=True, text=True)
    assert result.stdout == "# The content of this pull request\n\nNo file under `playbooks/` changes.\n"
