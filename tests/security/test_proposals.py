"""Proposals are issues anyone can write: read as data, each way they can be wrong a located
problem, and nothing written but the entry at its own path.

Each case runs the read job's command on an issue event, as the workflow runs it, in a copy of
the project; the publish job's script runs with a `gh` that records what it is asked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from community_playbooks.content.proposals import MAX_BODY, PASTE_LINE, read_issue
from community_playbooks.errors import ContentError

from ..conftest import ROOT, submitted_issue

CLI = [sys.executable, "-m", "community_playbooks"]
CANARY = "cp-proposal-canary"
# what each field of the issue may try: shell, workflow expressions, markup, mentions, references
NASTY = ["$(touch /tmp/{c})", "`touch /tmp/{c}`", "; touch /tmp/{c} #", "${{{{ github.token }}}}",
         "${{{{ secrets.PROPOSALS_TOKEN }}}}", "<img src=x onerror=alert(1)>", "**bold** [link](https://evil.example)",
         "@community-playbooks/maintainers @octocat", "#1 GH-2", "</details><script>alert(1)</script>", "```\nout\n```"]


def body(**fields: str) -> str:
    return submitted_issue(fields)


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "playbooks", root / "playbooks")
    for name in ("mkdocs.yml", "mkdocs.zh.yml"):
        shutil.copy(ROOT / name, root / name)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run(project: Path, text: str, tmp_path: Path, number: int = 42, login: str = "octocat") -> tuple[str, Path]:
    """The read job: `playbooks proposal` on an issues event file."""
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"action": "opened", "issue": {"number": number, "body": text,
                                                              "user": {"login": login, "id": 1}}}), encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([*CLI, "--root", str(project), "proposal", "--event", str(event), "--out", str(out)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return (out / "outcome").read_text(encoding="utf-8").strip(), out


def shipped(kind_path: str) -> str:
    return (ROOT / "playbooks" / kind_path).read_text(encoding="utf-8")


def outside_code(markdown: str) -> str:
    """What GitHub would render as Markdown: the text outside fenced blocks and code spans."""
    text = re.sub(r"^(`{3,})text\n.*?\n\1$", "", markdown, flags=re.S | re.M)
    return re.sub(r"(`+)(?:(?!\1).)+?\1", "", text)


def assert_commented(project, before, outcome, out, *expected):
    assert outcome == "comment"
    assert sorted(p.name for p in out.iterdir()) == ["comment.md", "outcome"]
    comment = (out / "comment.md").read_text(encoding="utf-8")
    for text in expected:
        assert text in comment, comment
    assert snapshot(project) == before, "the proposal wrote into the project"
    assert not list(Path("/tmp").glob(f"{CANARY}*"))
    return comment


HOSTILE = {
    "a YAML bomb": (dict(kind="pitfall", id="bomb", change="new", entry="a: &a [x, x, x, x, x, x, x, x, x]\n"
                         "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                         "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]"),
                    r"playbooks/pitfalls/bomb\.yaml:3:8: b\[0\]: YAML aliases \(\*name\) are not allowed"),
    "a tag that would run code": (dict(kind="ritual", id="tagged", change="new",
                                       entry='title: !!python/object/apply:os.system ["touch /tmp/cp-proposal-canary"]'),
                                  r"playbooks/rituals/tagged\.yaml:2:\d+: title: .*tag"),
    "an id that climbs out of its folder": (dict(kind="pitfall", id="../../.github/workflows/x", change="new",
                                                 entry="title: x"),
                                            r"issue:7:1: Id: '\.\./\.\./\.github/workflows/x' is not a valid id"),
    "a kind that is a path": (dict(kind="../guides", id="x", change="new", entry="title: x"),
                              r"issue:3:1: Kind of entry: '\.\./guides' is not a kind of entry the form proposes"),
    "a kind the form does not propose": (dict(kind="platform", id="wechat", change="edit", entry="title: x"),
                                         r"issue:3:1: Kind of entry: 'platform' is not a kind of entry"),
    "an existing id for a new entry": (dict(kind="pitfall", id="dead-group", change="new", entry="title: x"),
                                       r"issue: Id: there is already a pitfall 'dead-group'"),
    "a change to an entry that is not there": (dict(kind="guide", id="no-such-guide", change="edit", entry="title: x"),
                                               r"issue: Id: there is no guide 'no-such-guide' to change"),
    "the paste line left in place": (dict(kind="pitfall", id="pasted", change="new", entry=PASTE_LINE),
                                     r"The entry: holds the line that says where to paste"),
    "a change that is neither": (dict(kind="pitfall", id="x", change="delete", entry="title: x"),
                                 r"issue:11:1: New entry or change: 'delete' is neither 'new' nor 'edit'"),
    "a schema-invalid entry": (dict(kind="pitfall", id="thin", change="new", entry="title: {en: Thin}\nseverity: huge"),
                               r"playbooks/pitfalls/thin\.yaml:\d+:\d+: severity: unknown severity 'huge'"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_proposal_gets_a_located_problem_and_writes_nothing(project, tmp_path, case):
    fields, expected = HOSTILE[case]
    before = snapshot(project)
    outcome, out = run(project, body(**fields), tmp_path)
    comment = assert_commented(project, before, outcome, out)
    assert re.search(expected, comment), comment


@pytest.mark.parametrize("field", ["kind", "id", "change", "entry", "note"])
def test_shell_expressions_and_markup_in_every_field_stay_text(project, tmp_path, field):
    fields = dict(kind="pitfall", id="fresh-one", change="new", entry="title: {en: Fresh one}", note="")
    fields[field] = "\n".join(p.format(c=CANARY) for p in NASTY) if field in ("entry", "note") \
        else NASTY[0].format(c=CANARY)
    if field == "entry":
        fields["entry"] = "title: " + json.dumps(fields["entry"])
    before = snapshot(project)
    outcome, out = run(project, body(**fields), tmp_path)
    comment = assert_commented(project, before, outcome, out)
    # only our own words are Markdown: every value from the issue is inside the code block
    rendered = outside_code(comment)
    for mark in ("$(", "${{", "<img", "<script", "@octocat", "@community-playbooks", "[link]", "**bold**", "#1 "):
        assert mark not in rendered, rendered


def test_a_ten_megabyte_body_is_refused_before_it_is_read(project, tmp_path):
    before = snapshot(project)
    huge = body(kind="pitfall", id="huge", change="new", entry="title: " + "x" * 10_000_000)
    outcome, out = run(project, huge, tmp_path)
    assert_commented(project, before, outcome, out, f"more than the {MAX_BODY:,} GitHub's issue form can send")


NONSENSE = {
    "free text": ("Please add my group! It is great.", "the heading '### Kind of entry' is missing"),
    "a heading twice": (body(kind="pitfall", id="a", change="new", entry="title: x") + "\n\n### Id\n\nb",
                        "issue:23:1: Id: the heading '### Id' is there 2 times"),
    "headings out of order": (body(kind="pitfall", id="a", change="new", entry="title: x").replace(
        "### Kind of entry", "### Tmp").replace("### Id", "### Kind of entry").replace("### Tmp", "### Id"),
        "the headings are not in the form's order"),
    "two lines in one word": (body(kind="pitfall\nritual", id="a", change="new", entry="title: x"),
                              "issue:3:1: Kind of entry: holds more than one line"),
    "an empty entry": (body(kind="pitfall", id="a", change="new"), "The entry: is empty"),
    "an entry that is not YAML": (body(kind="pitfall", id="broken", change="new", entry="title: [unclosed\n  - {"),
                                  "playbooks/pitfalls/broken.yaml:"),
}


@pytest.mark.parametrize("case", list(NONSENSE))
def test_a_body_edited_into_nonsense_gets_a_located_problem(project, tmp_path, case):
    text, expected = NONSENSE[case]
    before = snapshot(project)
    outcome, out = run(project, text, tmp_path)
    assert_commented(project, before, outcome, out, expected)


def test_windows_line_endings_and_github_fences_read_back_as_written():
    entry = "title:\n  en: Dead group\n  zh: 死群\nsummary: |-\n  one\n  ```\n  two"
    proposal = read_issue(body(kind="pitfall", id="dead-group", change="edit", entry=entry).replace("\n", "\r\n"))
    assert (proposal.kind, proposal.id, proposal.change, proposal.text) == ("pitfall", "dead-group", "edit", entry)
    with pytest.raises(ContentError):
        read_issue(body(kind="pitfall", id="dead-group", change="edit"))


def test_a_valid_proposal_becomes_a_pull_request_whose_text_keeps_the_issue_in_code(project, tmp_path):
    """A new pitfall written in English only, its title full of markup, mentions and expressions:
    data, written at its path; the pull request lists its translations to do and credits its author."""
    data = yaml.safe_load(shipped("pitfalls/dead-group.yaml"))
    title = "@octocat <b>x</b> ${{ github.token }} $(id) [t](https://e.x)"
    data = {key: ({"en": value["en"]} if isinstance(value, dict) and set(value) == {"en", "zh"} else value)
            for key, value in data.items()}
    data["title"] = {"en": title}
    for key in ("signs", "causes", "prevention", "remedy"):
        data[key] = [{"en": item["en"]} for item in data[key]]
    data.pop("related")
    data["needs_translation"] = ["zh"]
    entry = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    before = snapshot(project)
    outcome, out = run(project, body(kind="pitfall", id="quiet-newcomers", change="new", entry=entry), tmp_path,
                       number=12, login="someone-new")
    assert outcome == "pull-request", (out / "comment.md").read_text(encoding="utf-8")
    after = snapshot(project)
    assert set(after) - set(before) == {"playbooks/pitfalls/quiet-newcomers.yaml"}
    assert {k: v for k, v in after.items() if k in before} == before
    written = after["playbooks/pitfalls/quiet-newcomers.yaml"].decode("utf-8")
    assert written.startswith("# yaml-language-server: $schema=../../macros/community_playbooks/content/schemas/"
                              "pitfall.schema.json\n")
    assert (out / "entry.yaml").read_text(encoding="utf-8") == written
    assert (out / "path").read_text(encoding="utf-8") == "playbooks/pitfalls/quiet-newcomers.yaml\n"
    assert (out / "branch").read_text(encoding="utf-8") == "proposal/12\n"
    assert (out / "title").read_text(encoding="utf-8") == "Add pitfall quiet-newcomers (proposal #12)\n"
    text = (out / "pull-request.md").read_text(encoding="utf-8")
    assert "as proposed in #12 by @someone-new" in text and "Closes #12." in text
    assert "Translations to do" in text and "title: no zh text yet" in text
    assert "no playbook uses this pitfall yet" in text
    rendered = outside_code(text)
    assert "@octocat" not in rendered and "<b>" not in rendered and "${{" not in rendered and "$(id)" not in rendered


# --- the publish job: posts what the read job wrote, and checks it again -----------------

def publish_step() -> dict:
    workflow = yaml.safe_load((ROOT / ".github/workflows/proposal.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in workflow["jobs"]["publish"]["steps"] if "run" in s]
    return step


def run_publish(tmp_path: Path, files: dict[str, str], existing_pr: str = "") -> tuple[subprocess.CompletedProcess, list]:
    work = tmp_path / "publish"
    (work / "proposal").mkdir(parents=True)
    for name, text in files.items():
        (work / "proposal" / name).write_text(text, encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls"
    (bin_dir / "gh").write_text(f"""#!/bin/sh
printf '%s\\n' "$*" >> {calls}
case "$1 $2" in
  "api repos/o/r/git/ref/heads/main") echo basesha ;;
  "pr list") echo "{existing_pr}" ;;
  "pr create") echo https://github.com/o/r/pull/99 ;;
  "api repos/o/r/git/ref/heads/proposal/42") exit 1 ;;
  "api repos/o/r/contents/playbooks/pitfalls/quiet.yaml?ref=proposal/42") exit 1 ;;
esac
""", encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    env = {key: value for key, value in publish_step()["env"].items()}
    env.update({**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "GH_TOKEN": "t", "GH_REPO": "o/r",
                "NUMBER": "42", "AUTHOR": "someone-new", "AUTHOR_ID": "7", "BASE": "main"})
    result = subprocess.run(["bash", "-e", "-c", publish_step()["run"]], cwd=work, env=env, capture_output=True,
                            text=True)
    return result, calls.read_text(encoding="utf-8").splitlines() if calls.exists() else []


def test_publish_posts_the_comment(tmp_path):
    result, calls = run_publish(tmp_path, {"outcome": "comment\n", "comment.md": "fix it\n"})
    assert result.returncode == 0, result.stderr
    assert calls == ["issue comment 42 --body-file proposal/comment.md"]


def test_publish_opens_the_pull_request_from_its_branch_with_the_proposers_commit(tmp_path):
    files = {"outcome": "pull-request\n", "path": "playbooks/pitfalls/quiet.yaml\n", "branch": "proposal/42\n",
             "title": "Add pitfall quiet (proposal #42)\n", "entry.yaml": "title: x\n", "pull-request.md": "text\n"}
    result, calls = run_publish(tmp_path, files)
    assert result.returncode == 0, result.stderr
    assert calls[0] == "api repos/o/r/git/ref/heads/main --jq .object.sha"
    assert "api repos/o/r/git/refs -f ref=refs/heads/proposal/42 -f sha=basesha" in calls
    put = next(c for c in calls if c.startswith("api -X PUT repos/o/r/contents/playbooks/pitfalls/quiet.yaml"))
    assert "-f branch=proposal/42" in put and "author[name]=someone-new" in put
    assert "author[email]=7+someone-new@users.noreply.github.com" in put
    assert "pr create --head proposal/42 --base main --title Add pitfall quiet (proposal #42) " \
           "--body-file proposal/pull-request.md" in calls
    assert calls[-1].startswith("issue comment 42 --body Thank you! The pull request: https://github.com/o/r/pull/99")


@pytest.mark.parametrize("name, value", [("path", "playbooks/../.github/workflows/deploy.yml"),
                                         ("path", "playbooks/stages/founder-led.yaml"),
                                         ("branch", "main"), ("title", "Add pitfall x (proposal #42) $(id)"),
                                         ("outcome", "merge")])
def test_publish_refuses_an_artifact_it_did_not_expect(tmp_path, name, value):
    files = {"outcome": "pull-request\n", "path": "playbooks/pitfalls/quiet.yaml\n", "branch": "proposal/42\n",
             "title": "Add pitfall quiet (proposal #42)\n", "entry.yaml": "title: x\n", "pull-request.md": "text\n"}
    files[name] = value + "\n"
    result, calls = run_publish(tmp_path, files)
    assert result.returncode != 0
    assert not [c for c in calls if c.startswith(("api -X", "pr ", "issue ")) or " -f " in c], calls
