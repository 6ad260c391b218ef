"""A pull request's content as a page a reviewer reads: its job summary on GitHub.

``playbooks review --base <folder>`` compares the project with a checkout of the branch it is
merged into (``--base``) and writes Markdown: for each entry file that changed, its title, the
problems the check finds in it, its checklist and its texts as they will read, in each language,
and the pages of the site that change. Every value from the content is in a code span or a code
block (``adapters/github.py``): a job summary is Markdown GitHub renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.kinds import CONTENT_DIR
from ..content.languages import LANGUAGES, language
from ..content.library import Library
from ..content.loader import Loader
from ..content.model import Entry, Playbook, texts_of
from ..content.yaml_reader import format_path
from ..errors import ContentError, Problem
from ..render.checklists import checklist_text
from ..render.context import Site
from ..render.manifest import site_files
from ..render.urls import url_of
from .github import code_block, code_span
from .site_config import read_config, site_for

# a summary GitHub shows whole: at most this many characters (it refuses more than 1 MiB)
MAX_SUMMARY = 900_000


@dataclass(frozen=True)
class Changes:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]


def changed_files(root: Path, base: Path, content_dir: str = CONTENT_DIR) -> Changes:
    """The content files that differ between the two checkouts, by path."""
    def files(folder: Path) -> dict[str, bytes]:
        top = folder / content_dir
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(top.rglob("*"))
                if p.is_file() and not p.is_symlink()} if top.is_dir() else {}

    head, before = files(root), files(base)
    return Changes(tuple(p for p in head if p not in before), tuple(p for p in head if p in before and head[p] != before[p]),
                   tuple(p for p in before if p not in head))


def review(root: Path, base: Path, content_dir: str = CONTENT_DIR) -> str:
    """The job summary of a pull request whose project is ``root`` and whose base is ``base``."""
    changes = changed_files(root, base, content_dir)
    touched = changes.added + changes.changed
    lines = ["# The content of this pull request", ""]
    if not touched and not changes.removed:
        return "\n".join(lines + ["No file under `playbooks/` changes.", ""])
    library, problems = Loader(root, content_dir).check()
    by_file = {entry.file: entry for entry in library.all_entries()}
    for path in touched:
        lines += _entry_section(path, by_file.get(path), [p for p in problems if p.file == path], library,
                                path in changes.added)
    for path in changes.removed:
        lines += [f"## Removed: {code_span(path)}", ""]
    elsewhere = [p for p in problems if p.fatal and p.file not in touched]
    # (a removed entry's users fail here too)
    if elsewhere:
        lines += ["## Problems in other files", "", "What these changes break elsewhere:", "",
                  code_block("\n".join(str(p) for p in ContentError(elsewhere).problems)), ""]
    if elsewhere or any(p.fatal for p in problems if p.file in touched):
        lines += ["## Changed pages and files", "", "Listed once the check passes: a library with problems is not "
                  "built.", ""]
    else:
        lines += _changed_pages(root, base, library, content_dir)
    text = "\n".join(lines) + "\n"
    return text if len(text) <= MAX_SUMMARY else text[:MAX_SUMMARY] + "\n\n(cut: the rest is in the check's log)\n"


def _entry_section(path: str, entry: Entry | None, problems: list[Problem], library: Library, added: bool) -> list[str]:
    title = " / ".join(entry.title.get(lang) for lang in LANGUAGES) if entry else ""
    lines = [f"## {'New' if added else 'Changed'}: {code_span(title) if title else code_span(path)}", "",
             f"{code_span(path)}" + (f", a {entry.kind}" if entry else ", which could not be read"), ""]
    errors, todo = [p for p in problems if p.fatal], [p for p in problems if not p.fatal]
    if errors:
        lines += [f"**{len(errors)} problem{'s' if len(errors) != 1 else ''}** (the check fails until they are fixed):",
                  "", code_block("\n".join(str(p) for p in ContentError(errors).problems)), ""]
    else:
        lines += ["No problems.", ""]
    if todo:
        lines += [f"**{len(todo)} text{'s' if len(todo) != 1 else ''} to translate** (marked `needs_translation`):",
                  "", code_block("\n".join(str(p) for p in ContentError(todo).problems)), ""]
    if entry is None:
        return lines
    for lang in LANGUAGES:
        name = language(lang).name
        if isinstance(entry, Playbook):
            lines += [f"<details><summary>Checklist, {name}</summary>", "",
                      code_block(checklist_text(library, entry, lang)), "", "</details>", ""]
        texts = [f"{format_path(p)}:\n{_indented(text.get(lang))}" for p, text in texts_of(entry)]
        lines += [f"<details><summary>Texts, {name} ({len(texts)})</summary>", "", code_block("\n\n".join(texts)), "",
                  "</details>", ""]
    return lines


def _indented(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def _changed_pages(root: Path, base: Path, library: Library, content_dir: str) -> list[str]:
    """Every page of either language whose Markdown differs between the base and this change."""
    try:
        before = Loader(base, content_dir).load()
    except ContentError:
        return ["## Changed pages and files", "", "The base branch's content does not load: no comparison.", ""]
    found: list[str] = []
    for lang in LANGUAGES:
        config = read_config(root, lang)
        head_site, base_site = site_for(library, config), site_for(before, config)
        head = {f.uri: f.content for f in site_files(head_site, content_dir)}
        old = {f.uri: f.content for f in site_files(base_site, content_dir)}
        folder = language(lang).folder
        for uri in sorted(set(head) | set(old)):
            if head.get(uri) != old.get(uri):
                state = "new" if uri not in old else "removed" if uri not in head else "changed"
                found.append(f"- {code_span((folder + '/' if folder else '') + url_of(uri, head_site.directory_urls))}"
                             f" ({state})")
    return [f"## Changed pages and files ({len(found)})", "", *found, ""]
