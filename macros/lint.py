"""Editorial checks on a valid library: what the schema cannot say about good content.

Both languages in every text, lengths a reader can take in, no placeholder text, no
entry nobody uses, no two entries with near-identical titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from . import mdtext
from .errors import Problem, did_you_mean
from .linker import Library
from .model import KIND_OF_SECTION, LANGUAGES, Entry, Playbook, Text, texts_of
from .yamlsource import FieldPath


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
# What a finished entry holds: a playbook a reader can run, a ritual for every big platform.
MIN_RITUALS, MIN_PITFALLS, MIN_ITEMS, MIN_SIGNS = 3, 4, 10, 3
STAGES_IN_ORDER = ("founder-led", "shared", "self-governing")
VARIATION_PLATFORMS = ("wechat", "qq", "discord", "telegram", "slack")
MESSAGE_FIELDS = ("rules", "welcome", "announcement")
# Symbols that WeChat and QQ would show as they are: messages are plain text (docs/style.md).
MARKDOWN_IN_MESSAGES = re.compile(r"\*\*|__|`|^#{1,6} |^> |\[[^\]]*\]\(", re.M)


def lint(library: Library, *, complete: bool = True) -> list[Problem]:
    """Editorial problems of ``library``; ``complete=False`` when some files failed to load,
    so entries used only by those files are not reported as orphans."""
    problems: list[Problem] = []
    for entry in library.all_entries():
        for path, text in texts_of(entry):
            problems += _check_text(library, entry, path, text)
    for playbook in library.playbooks.values():
        problems += _incomplete_playbook(library, playbook)
    for pitfall in library.pitfalls.values():
        if len(pitfall.signs) < MIN_SIGNS:
            problems.append(_problem(library, pitfall, ("signs",), f"has {_count(len(pitfall.signs), 'warning sign')}",
                                     f"list at least {MIN_SIGNS}: the symptom finder matches on them"))
    for ritual in library.rituals.values():
        missing = [p for p in VARIATION_PLATFORMS if p not in dict(ritual.variations)]
        if missing:
            problems.append(_problem(library, ritual, ("variations",), f"no variation for {', '.join(missing)}",
                                     "say how to run the ritual on each of: " + ", ".join(VARIATION_PLATFORMS)))
    if complete:
        problems += _orphans(library)
    problems += _similar_titles(library)
    return problems


def _problem(library: Library, entry: Entry, path: FieldPath, message: str, hint: str = "") -> Problem:
    return library.locate(entry).problem(path, message, hint)


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
        for target in mdtext.entry_targets(value):
            section, entry_id = target
            linked = library.entries(KIND_OF_SECTION[section])
            if entry_id not in linked:
                problems.append(_problem(library, entry, path + (lang,),
                                         f"links to '{section}/{entry_id}', which does not exist",
                                         did_you_mean(entry_id, linked)
                                         or "the page would show the link as plain text; link to an existing entry"))
    return problems


def _incomplete_playbook(library: Library, playbook: Playbook) -> list[Problem]:
    problems = []

    def need(path: FieldPath, ok: bool, message: str, hint: str) -> None:
        if not ok:
            problems.append(_problem(library, playbook, path, message, hint))

    need(("rituals",), len(playbook.rituals) >= MIN_RITUALS, f"has {_count(len(playbook.rituals), 'ritual')}",
         f"a group needs at least {MIN_RITUALS} fixed, recurring activities")
    noted = [use for use in playbook.pitfalls if use.note]
    need(("pitfalls",), len(noted) >= MIN_PITFALLS, f"has {_count(len(noted), 'pitfall')} with a note",
         f"name at least {MIN_PITFALLS}, each with a note on how it shows up in this group")
    stages = tuple(use.stage for use in playbook.governance)
    need(("governance",), stages == STAGES_IN_ORDER, f"covers the stages {', '.join(stages) or 'none'}",
         "describe all three, in order: " + ", ".join(STAGES_IN_ORDER))
    for i, use in enumerate(playbook.governance[:-1]):
        need(("governance", i), bool(use.move_on), f"stage '{use.stage}' says nothing about moving on",
             "add 'move_on:' with what must be true to reach the next stage")
    items = sum(len(phase.items) for phase in playbook.checklists)
    need(("checklists",), items >= MIN_ITEMS, f"has {_count(items, 'checklist item')}",
         f"a launch plan needs at least {MIN_ITEMS}")
    need(("related",), bool(playbook.related), "names no related playbook", "add one or two ids under 'related:'")
    need(("sources",), bool(playbook.sources), "names no source", "add the real works this playbook draws on")
    messages = playbook.messages
    need(("messages",), messages is not None and all(getattr(messages, f) for f in MESSAGE_FIELDS),
         "lacks chat texts", "add messages: rules, welcome and announcement, ready to paste into the group")
    for name in MESSAGE_FIELDS:
        text = getattr(messages, name, None) if messages else None
        for lang, value in (text.translations.items() if text else ()):
            match = MARKDOWN_IN_MESSAGES.search(value)
            need(("messages", name, lang), match is None, f"Markdown '{match.group(0).strip() if match else ''}' in a "
                 "chat text", "write plain text: WeChat and QQ show these symbols as they are")
    return problems


def _count(n: int, word: str) -> str:
    return f"only {n} {word}{'' if n == 1 else 's'}" if n else f"no {word}s"


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
                matcher = SequenceMatcher(None, a.title.get(lang).lower(), b.title.get(lang).lower())
                # the quick upper bounds rule out almost every pair before the real comparison
                if (matcher.real_quick_ratio() >= SIMILAR_TITLES and matcher.quick_ratio() >= SIMILAR_TITLES
                        and matcher.ratio() >= SIMILAR_TITLES):
                    problems.append(_problem(library, b, ("title",), f"title is nearly the same as {a.file}'s",
                                             "make the difference clear in the title"))
                    break
    return problems
