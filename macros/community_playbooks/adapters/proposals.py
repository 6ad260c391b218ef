"""A proposal issue turned into what the workflow posts: a pull request's file and text, or a comment.

``playbooks proposal --event $GITHUB_EVENT_PATH --out proposal`` runs in a job without write
rights. It reads the issue from the event file GitHub wrote (the body is never handed to a shell
or an expression), writes the entry at its path in the checkout, checks it as ``playbooks
validate`` does, and leaves in ``--out`` what a second job, which runs no project code, posts:

- ``outcome``: ``pull-request`` or ``comment``;
- for a pull request: ``path`` (where the file goes), ``branch``, ``title``, ``entry.yaml`` and
  ``pull-request.md``;
- for a comment: ``comment.md``, every problem located and quoted in a code block.

Everything from the issue that reaches ``comment.md`` or ``pull-request.md`` is inside a code
span or a code block (``adapters/github.py``), where it cannot become markup, a mention or a link.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.kinds import BY_NAME, CONTENT_DIR
from ..content.loader import Loader
from ..content.proposals import ISSUE, LABELS, Proposal, check_target, read_issue
from ..errors import ContentError, Problem, fatal
from ..render.pages.propose import PROPOSE_PAGE
from ..render.urls import url_of
from .github import code_block, code_span
from .site_config import read_config

# a GitHub login: what may stand after an @ in our text
LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})")
OUT_FILES = ("outcome", "path", "branch", "title", "entry.yaml", "pull-request.md", "comment.md")


@dataclass(frozen=True)
class Issue:
    number: int
    body: str
    author: str  # the login, or "" when it is not one


def issue_of_event(event_file: Path) -> Issue:
    """The issue of a GitHub ``issues`` event, from the JSON file the runner wrote."""
    with open(event_file, encoding="utf-8") as file:
        event: dict[str, Any] = json.load(file)
    issue = event.get("issue") or {}
    login = str((issue.get("user") or {}).get("login") or "")
    return Issue(int(issue.get("number") or 0), str(issue.get("body") or ""),
                 login if LOGIN.fullmatch(login) else "")


def handle(root: Path, issue: Issue, out: Path, content_dir: str = CONTENT_DIR) -> str:
    """Write into ``out`` what the workflow posts for ``issue``; returns the outcome."""
    out.mkdir(parents=True, exist_ok=True)
    for name in OUT_FILES:  # a folder used before holds nothing of another run
        (out / name).unlink(missing_ok=True)
    try:
        proposal = read_issue(issue.body)
    except ContentError as err:
        return _comment(root, out, err.problems)
    problems = check_target(proposal, root, content_dir)
    if problems:
        return _comment(root, out, problems, proposal)
    path = proposal.path(content_dir)
    if proposal.change == "edit" and (root / path).read_text(encoding="utf-8") == proposal.file_text(content_dir):
        return _comment(root, out, [Problem(ISSUE, None, None, LABELS["entry"], f"is the same as {path} already",
                                            "change what should read differently, then save the issue")], proposal)
    target = _write(proposal, root, content_dir)
    # a new pitfall, ritual or guide is used by no playbook yet: an editor adds it to those it belongs to
    library, found = Loader(root, content_dir).check(orphans=proposal.change == "edit")
    errors = fatal(found)
    if errors:
        target.unlink() if proposal.change == "new" else None
        return _comment(root, out, errors, proposal)
    todo = [p for p in found if not p.fatal and p.file == path]
    entry = library.entries(proposal.kind)[proposal.id]
    verb = "Add" if proposal.change == "new" else "Change"
    (out / "path").write_text(path + "\n", encoding="utf-8")
    (out / "branch").write_text(f"proposal/{issue.number}\n", encoding="utf-8")
    (out / "title").write_text(f"{verb} {proposal.kind} {proposal.id} (proposal #{issue.number})\n", encoding="utf-8")
    (out / "entry.yaml").write_text(target.read_text(encoding="utf-8"), encoding="utf-8")
    orphan = proposal.change == "new" and proposal.kind != "playbook"
    (out / "pull-request.md").write_text(_pull_request(issue, proposal, path, entry.title.get("en"), todo, orphan),
                                         encoding="utf-8")
    (out / "outcome").write_text("pull-request\n", encoding="utf-8")
    return "pull-request"


def _write(proposal: Proposal, root: Path, content_dir: str) -> Path:
    target = Path(root) / proposal.path(content_dir)
    flags = os.O_WRONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    flags |= (os.O_CREAT | os.O_EXCL) if proposal.change == "new" else os.O_TRUNC
    with os.fdopen(os.open(target, flags, 0o644), "w", encoding="utf-8", newline="\n") as file:
        file.write(proposal.file_text(content_dir))
    return target


def _comment(root: Path, out: Path, problems: list[Problem], proposal: Proposal | None = None) -> str:
    shown = ContentError(problems).problems
    lines = ["The proposal cannot become a pull request yet. 这份投稿还不能转成合并请求。", "",
             f"What to fix ({len(shown)} problem{'s' if len(shown) != 1 else ''}; `issue:<line>` is a line of this "
             "issue, a file name and line count from the first line of the entry):", "",
             code_block("\n".join(str(p) for p in shown)), "",
             "Edit this issue (··· → Edit) to correct it, or open the proposal again on the site's Propose page: "
             f"{_propose_address(root)} — the check runs again on every edit.",
             "点本 issue 右上角的 ··· → Edit 修改后保存，或回到网站的“投稿”页面重新填写。每次修改后都会重新检查。"]
    (out / "comment.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "outcome").write_text("comment\n", encoding="utf-8")
    return "comment"


def _pull_request(issue: Issue, proposal: Proposal, path: str, title: str, todo: list[Problem],
                  orphan: bool) -> str:
    what = "Adds" if proposal.change == "new" else "Changes"
    by = f" by @{issue.author}" if issue.author else ""
    lines = [f"{what} the {proposal.kind} {code_span(proposal.id)} ({code_span(path)}), titled {code_span(title)}, "
             f"as proposed in #{issue.number}{by} on the site's Propose page.", "",
             f"Closes #{issue.number}.", ""]
    if todo:
        lines += [f"**Translations to do** ({len(todo)}): the proposal was written in one language and is marked "
                  "`needs_translation`. Add each text, then remove the marker:", "",
                  code_block("\n".join(str(p) for p in ContentError(todo).problems)), ""]
    if orphan:
        kind = BY_NAME[proposal.kind].name
        lines += [f"**To link**: no playbook uses this {kind} yet. Before merging, add it to the playbooks it belongs "
                  f"to (the check fails until one does).", ""]
    lines += ["For the editor: the job summary of this pull request's check shows the entry as it will read, its "
              "problems and the pages it changes. Check the facts and sources, and that the text is the "
              "proposer's own."]
    return "\n".join(lines) + "\n"


def _propose_address(root: Path) -> str:
    try:
        site_url = read_config(root, "en").get("site_url") or ""
    except OSError:
        site_url = ""
    return site_url.rstrip("/") + "/" + url_of(PROPOSE_PAGE) if site_url else url_of(PROPOSE_PAGE)
