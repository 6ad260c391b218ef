"""Proposals: an entry sent as a GitHub issue by the site's Propose page, read back safely.

The Propose page opens the issue form ``.github/ISSUE_TEMPLATE/propose-an-entry.yml`` with its
fields filled in from the URL. GitHub writes the submitted form as Markdown, one ``### label``
heading per field. Everything in that body is text from anyone: it is read here as data, never
run, and every way it can be wrong is a located problem (``issue:<line>: <field>: ...``).

The fields, their labels and the kinds a proposal may be are named once, here; the issue form
and the page are checked against them (``tests/test_repository.py``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem, quoted
from .kinds import BY_NAME, CONTENT_DIR
from .loader import ID_PATTERN, RESERVED_IDS
from .validation import SCHEMA_SOURCE
from .yaml_reader import MAX_BYTES

# the issue form, in .github/ISSUE_TEMPLATE/
ISSUE_FORM = "propose-an-entry.yml"
LABEL = "proposal"
# (id, label) of each field of the issue form, in its order: GitHub writes each as "### label"
FIELDS = (("kind", "Kind of entry"), ("id", "Id"), ("change", "New entry or change"), ("entry", "The entry"),
          ("note", "Note for the editors"))
LABELS = dict(FIELDS)
REQUIRED = ("kind", "id", "change", "entry")
# what the form proposes; stages and platforms are the maintainers' (a platform fact needs its source checked)
KINDS = ("playbook", "pitfall", "ritual", "guide")
CHANGES = ("new", "edit")
# GitHub keeps an issue body to 65,536 characters: four bytes each at most. Anything longer did
# not come from GitHub's form, and is refused before it is read.
MAX_BODY = 4 * 65_536
# the one line a proposal too long for a URL leaves in the entry's field, where it is pasted
PASTE_LINE = "Paste the proposal here: the Propose page copied it. 在这里粘贴投稿页复制的内容。"
# the issue form for a problem on a page, and its fields
REPORT_FORM = "report-a-problem.yml"
REPORT_FIELDS = (("page", "Page"), ("language", "Language"), ("problem", "What is wrong"))
# what GitHub writes for a field left empty
NO_RESPONSE = "_No response_"
ISSUE = "issue"  # how problems name the issue body
_FENCE = re.compile(r"^(`{3,}|~{3,})[^\n`]*\n(.*)\n\1[ \t]*$", re.S)
_SCHEMA_LINE = re.compile(r"\A# yaml-language-server: \$schema=[^\n]*(\n|\Z)")


@dataclass(frozen=True)
class Proposal:
    """What an issue proposes: an entry of ``kind`` with ``id``, new or a change of it."""

    kind: str
    id: str
    change: str
    text: str  # the entry's YAML, as written in the issue
    note: str = ""

    def path(self, content_dir: str = CONTENT_DIR) -> str:
        """Where the entry's file is, relative to the project: ``playbooks/pitfalls/<id>.yaml``."""
        return f"{BY_NAME[self.kind].folder(content_dir)}/{self.id}.yaml"

    def file_text(self, content_dir: str = CONTENT_DIR) -> str:
        """The file to write: the entry's YAML, naming its schema on its first line as every entry does."""
        text = _SCHEMA_LINE.sub("", self.text, count=1)
        return schema_line(self.kind, content_dir) + "\n" + text.rstrip("\n") + "\n"


def schema_line(kind: str, content_dir: str = CONTENT_DIR) -> str:
    """The first line of an entry's file: its JSON Schema, for editors with YAML support."""
    folder = BY_NAME[kind].folder(content_dir)
    schema = os.path.relpath(f"{SCHEMA_SOURCE}/{BY_NAME[kind].schema_file}", folder).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={schema}"


def read_issue(body: str) -> Proposal:
    """The proposal an issue body holds; ContentError with every problem found, each located
    at its line of the body and named by its field's label."""
    size = len(body.encode("utf-8", "surrogatepass"))
    if size > MAX_BODY:
        raise ContentError([Problem(ISSUE, message=f"the issue is {size:,} bytes long, more than the {MAX_BODY:,} "
                                    "GitHub's issue form can send", hint="open the proposal again from the site's "
                                    "Propose page; an entry is a few kilobytes")])
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    found: dict[str, list[int]] = {}
    labels = {f"### {label}": name for name, label in FIELDS}
    for number, line in enumerate(lines):
        name = labels.get(line.rstrip())
        if name:
            found.setdefault(name, []).append(number)
    problems = []
    for name, label in FIELDS:
        at = found.get(name, [])
        if len(at) > 1:
            problems.append(Problem(ISSUE, at[1] + 1, 1, label, f"the heading '### {label}' is there {len(at)} times",
                                    "keep the issue as the form wrote it, with each heading once"))
        elif not at and name in REQUIRED:
            problems.append(Problem(ISSUE, None, None, label, f"the heading '### {label}' is missing",
                                    "the issue is not as the form wrote it: open the proposal again from the site's "
                                    "Propose page"))
    if problems:
        raise ContentError(problems)
    starts = sorted((at[0], name) for name, at in found.items())
    if [name for _, name in starts] != [name for name, _ in FIELDS if name in found]:
        raise ContentError([Problem(ISSUE, None, None, "", "the headings are not in the form's order",
                                    "open the proposal again from the site's Propose page")])
    values: dict[str, tuple[str, int]] = {}
    for i, (start, name) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        section = lines[start + 1:end]
        while section and not section[0].strip():  # blank lines after the heading
            section.pop(0)
            start += 1
        value = "\n".join(section).strip("\n")
        values[name] = ("" if value.strip() == NO_RESPONSE else value, start + 2)
    for name in ("kind", "id", "change"):
        value, line = values[name]
        if "\n" in value.strip():
            problems.append(Problem(ISSUE, line, 1, LABELS[name], "holds more than one line",
                                    "write one word here, as the form did"))
    kind, kind_line = values["kind"][0].strip(), values["kind"][1]
    entry_id, id_line = values["id"][0].strip(), values["id"][1]
    change, change_line = values["change"][0].strip(), values["change"][1]
    if kind not in KINDS:
        problems.append(Problem(ISSUE, kind_line, 1, LABELS["kind"], f"'{quoted(kind)}' is not a kind of entry the "
                                "form proposes" if kind else "is empty", f"write one of: {', '.join(KINDS)}"))
    if not ID_PATTERN.fullmatch(entry_id) or entry_id in RESERVED_IDS:
        problems.append(Problem(ISSUE, id_line, 1, LABELS["id"], f"'{quoted(entry_id)}' is not a valid id" if entry_id
                                else "is empty", "use lowercase letters, digits and single hyphens, e.g. 'book-club' "
                                "(the id is the file name: it cannot name a folder)"))
    if change not in CHANGES:
        problems.append(Problem(ISSUE, change_line, 1, LABELS["change"], f"'{quoted(change)}' is neither "
                                "'new' nor 'edit'" if change else "is empty",
                                "write new for a new entry, edit for a change to the entry with this id"))
    entry, entry_line = values["entry"]
    fenced = _FENCE.match(entry)
    if fenced:
        entry, entry_line = fenced.group(2), entry_line + 1
    if entry.strip() == PASTE_LINE:
        problems.append(Problem(ISSUE, entry_line, 1, LABELS["entry"], "holds the line that says where to paste, not "
                                "the proposal", "paste the proposal the Propose page copied in place of that line"))
    elif not entry.strip():
        problems.append(Problem(ISSUE, entry_line, 1, LABELS["entry"], "is empty",
                                "paste the entry the Propose page wrote (its Copy button copies it)"))
    elif len(entry.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        problems.append(Problem(ISSUE, entry_line, 1, LABELS["entry"], "is longer than an entry may be",
                                f"an entry is at most {MAX_BYTES:,} bytes"))
    if problems:
        raise ContentError(problems)
    return Proposal(kind, entry_id, change, entry, values.get("note", ("", 0))[0])


def check_target(proposal: Proposal, root: Path, content_dir: str = CONTENT_DIR) -> list[Problem]:
    """Whether the proposal may write its file: a new entry's id is free, a change's entry exists,
    and the path is a regular file in its folder of the project."""
    root = Path(root)
    path = proposal.path(content_dir)
    target = root / path
    folder = target.parent
    if folder.is_symlink() or not folder.resolve().is_relative_to(root.resolve() / content_dir):
        return [Problem(path, message="its folder is not a folder of the content", hint="ask a maintainer")]
    taken = [p for p in (target, target.with_suffix(".yml")) if p.exists() or p.is_symlink()]
    label = LABELS["id"]
    if proposal.change == "new" and taken:
        return [Problem(ISSUE, None, None, label, f"there is already a {proposal.kind} '{proposal.id}'",
                        f"to change it, use 'Suggest an edit' on its page; for a new {proposal.kind}, choose another "
                        "id")]
    if proposal.change == "edit":
        if not taken:
            return [Problem(ISSUE, None, None, label, f"there is no {proposal.kind} '{proposal.id}' to change",
                            f"write new under '{LABELS['change']}' for a new {proposal.kind}")]
        if target.is_symlink() or not target.is_file():
            return [Problem(path, message="is not a regular file", hint="ask a maintainer")]
    return []
