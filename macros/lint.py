"""Editorial checks on a valid library: what the schema cannot say about good content.

Both languages in every text, lengths a reader can take in, no placeholder text, no
entry nobody uses, no two entries with near-identical titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from .errors import Problem
from .linker import Library
from .model import LANGUAGES, Entry, Text, texts_of
from .yamlsource import FieldPath, format_path


@dataclass(frozen=True)
class Bounds:
    en: tuple[int, int]
    zh: tuple[int, int]


# characters; Chinese says the same in roughly 40 % of the English length
BOUNDS = {
    "title": Bounds((3, 60), (2, 20)),
    "summary": Bounds((60, 320), (20, 160)),
    "messages": Bounds((20, 1200), (10, 600)),
    "text": Bounds((2, 220), (2, 120)),
}
PLACEHOLDERS = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum|lorem)\b|\.\.\.|…|待补充|待定|占位", re.I)
SIMILAR_TITLES = 0.85


def lint(library: Library, *, complete: bool = True) -> list[Problem]:
    """Editorial problems of ``library``; ``complete=False`` when some files failed to load,
    so entries used only by those files are not reported as orphans."""
    problems: list[Problem] = []
    for entry in library.all_entries():
        for path, text in texts_of(entry):
            problems += _check_text(library, entry, path, text)
    if complete:
        problems += _orphans(library)
    problems += _similar_titles(library)
    return problems


def _problem(library: Library, entry: Entry, path: FieldPath, message: str, hint: str = "") -> Problem:
    document = library.documents.get(entry.key)
    if document is None:
        return Problem(entry.file, field=format_path(path), message=message, hint=hint)
    return document.problem(path, message, hint)


def _check_text(library: Library, entry: Entry, path: FieldPath, text: Text) -> list[Problem]:
    problems = []
    missing = [lang for lang in LANGUAGES if lang not in text.translations]
    if missing:
        problems.append(_problem(library, entry, path, f"no {' and '.join(missing)} text",
                                 "write it as {en: ..., zh: ...}"))
    kind = path[0] if path[0] in ("title", "summary", "messages") else "text"
    for lang, value in text.translations.items():
        if not lang:
            continue
        low, high = getattr(BOUNDS[kind], lang)
        if not low <= len(value) <= high:
            problems.append(_problem(library, entry, path + (lang,),
                                     f"{lang} text is {len(value)} characters long",
                                     f"keep it between {low} and {high}"))
        match = PLACEHOLDERS.search(value)
        if match:
            problems.append(_problem(library, entry, path + (lang,), f"placeholder text '{match.group(0)}'",
                                     "write the real text"))
    return problems


def _orphans(library: Library) -> list[Problem]:
    return [
        _problem(library, entry, (), f"no playbook uses this {entry.kind}",
                 f"reference it from a playbook, or remove {entry.file}")
        for entry in library.all_entries()
        if entry.kind != "playbook" and not library.used_in.get(entry.key)
    ]


def _similar_titles(library: Library) -> list[Problem]:
    problems = []
    for kind in ("playbook", "pitfall", "ritual", "stage"):
        for a, b in combinations(library.entries(kind).values(), 2):
            for lang in LANGUAGES:
                ta, tb = a.title.get(lang).lower(), b.title.get(lang).lower()
                if SequenceMatcher(None, ta, tb).ratio() >= SIMILAR_TITLES:
                    problems.append(_problem(library, b, ("title",), f"title is nearly the same as {a.file}'s",
                                             "make the difference clear in the title"))
                    break
    return problems
