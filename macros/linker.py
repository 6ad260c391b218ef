"""Resolve every reference between entries in one pass, and compute the way back."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Collection, Iterable, Mapping

from .errors import Problem, did_you_mean
from .model import (FOLDERS, KIND_OF_SECTION, LANGUAGES, SECTIONS, Cadence, Entry, Labels, Pitfall, Playbook, Ritual,
                    Stage, Text, all_texts)
from .yamlsource import Document


@dataclass(frozen=True)
class Library:
    """All entries, linked. ``used_in`` maps (kind, id) to the playbooks that reference it."""

    playbooks: Mapping[str, Playbook]
    pitfalls: Mapping[str, Pitfall]
    rituals: Mapping[str, Ritual]
    stages: Mapping[str, Stage]
    vocabularies: Mapping[str, Labels] = field(default_factory=dict)
    used_in: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    related: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    schemas: Mapping[str, Mapping] = field(default_factory=dict, repr=False, compare=False)
    # reads an entry's file again, with the line of each field, when a later check (the content
    # lint) must say where a problem is: a build that finds none never holds every file's marks
    document_of: Callable[[Entry], Document] | None = field(default=None, repr=False, compare=False)
    # (kind, id) -> language -> (texts written in it, texts in all): pages say when one is missing
    translated: Mapping[tuple[str, str], Mapping[str, tuple[int, int]]] = field(default_factory=dict, repr=False,
                                                                                compare=False)

    def section(self, name: str) -> Mapping[str, Entry]:
        return getattr(self, name)

    def entries(self, kind: str) -> Mapping[str, Entry]:
        return self.section(SECTIONS[kind])

    def all_entries(self) -> Iterable[Entry]:
        for section in SECTIONS.values():
            yield from self.section(section).values()

    def get(self, kind: str, entry_id: str) -> Entry:
        return self.entries(kind)[entry_id]

    def label(self, vocabulary: str, value: str, lang: str) -> str:
        """The display name of a vocabulary value (a platform, a tag, a phase...)."""
        labels = self.vocabularies.get(vocabulary, {}).get(value)
        return Text(labels).get(lang) if labels else value

    def users_of(self, entry: Entry) -> tuple[Playbook, ...]:
        return tuple(self.playbooks[p] for p in self.used_in.get(entry.key, ()))

    def locate(self, entry: Entry) -> Document:
        """The parsed file of ``entry``, to name the line of a problem."""
        return _document(entry, self.document_of)

    def missing_languages(self, entry: Entry) -> tuple[str, ...]:
        """Languages some text of ``entry`` lacks; its pages show those texts in another language."""
        return tuple(lang for lang, (done, total) in self.translation_of(entry).items() if done < total)

    def translation_of(self, entry: Entry) -> Mapping[str, tuple[int, int]]:
        """Per language, (texts written in it, texts in all); counted once, at link time."""
        known = self.translated.get(entry.key)
        if known is not None and self.entries(entry.kind).get(entry.id) is entry:
            return known
        return translation_counts(entry)

    def related_to(self, entry: Entry) -> tuple[Entry, ...]:
        """Related entries of the same kind, whichever side declared the relation."""
        return tuple(self.entries(entry.kind)[i] for i in self.related.get(entry.key, ()))


class _Lines:
    """An entry's file, read for its lines only when a problem is found in it."""

    def __init__(self, entry: Entry, document_of: Callable[[Entry], Document] | None):
        self._entry, self._document_of, self._document = entry, document_of, None

    def _read(self) -> Document:
        if self._document is None:
            self._document = _document(self._entry, self._document_of)
        return self._document

    def problem(self, *args, **kwargs) -> Problem:  # noqa: ANN002, ANN003 - Document.problem's
        return self._read().problem(*args, **kwargs)

    def locate(self, path: tuple) -> tuple[int | None, int | None]:
        return self._read().locate(path)


def _document(entry: Entry, document_of: Callable[[Entry], Document] | None) -> Document:
    """The entry's parsed file, or a Document without lines when there is no way to read it."""
    return document_of(entry) if document_of else Document(entry.file, None)


def link(entries: Iterable[Entry], vocabularies: Mapping[str, Labels], schemas: Mapping[str, Mapping] | None = None,
         document_of: Callable[[Entry], Document] | None = None,
         unloaded: Collection[tuple[str, str]] = ()) -> tuple[Library, list[Problem]]:
    """Check every reference and build the Library; problems are returned, not raised.

    ``document_of`` gives an entry's parsed file, with the line of each field, for problems.
    ``unloaded`` holds the (kind, id) of files that exist but could not be loaded: their own
    problems are reported already, so references to them are not reported as unknown too.
    """
    by_kind: dict[str, dict[str, Entry]] = {kind: {} for kind in SECTIONS}
    documents: dict[tuple[str, str], _Lines] = {}
    problems: list[Problem] = []
    for entry in sorted(entries, key=lambda e: (e.kind, e.id, e.file)):
        lines = _Lines(entry, document_of)
        if entry.id in by_kind[entry.kind]:
            first = by_kind[entry.kind][entry.id].file
            problems.append(lines.problem((), f"duplicate {entry.kind} id '{entry.id}': {first} has it too",
                                          "rename one of the files"))
            continue
        by_kind[entry.kind][entry.id] = entry
        documents[entry.key] = lines

    used_in: dict[tuple[str, str], set[str]] = defaultdict(set)
    related: dict[tuple[str, str], set[str]] = defaultdict(set)

    def check(doc: _Lines, path: tuple, kind: str, target: str, *, self_id: str | None = None) -> bool:
        known = by_kind[kind]
        if target == self_id:
            problems.append(doc.problem(path, "an entry cannot refer to itself", "remove this reference"))
            return False
        if target in known:
            return True
        if (kind, target) in unloaded:
            return False
        hint = did_you_mean(target, known) or f"add {FOLDERS[kind]}/{target}.yaml, or use one of: {_sample(known)}"
        problems.append(doc.problem(path, f"unknown {kind} '{target}'", hint))
        return False

    for playbook in by_kind["playbook"].values():
        assert isinstance(playbook, Playbook)
        doc = documents[playbook.key]
        refs: list[tuple[tuple, str, str]] = []
        refs += [(("rituals", i, "ref"), "ritual", use.ref) for i, use in enumerate(playbook.rituals)]
        refs += [(("governance", i, "stage"), "stage", use.stage) for i, use in enumerate(playbook.governance)]
        refs += [(("pitfalls", i, "ref"), "pitfall", use.ref) for i, use in enumerate(playbook.pitfalls)]
        for path, kind, target in refs:
            if check(doc, path, kind, target):
                used_in[(kind, target)].add(playbook.id)
        _no_repeats(doc, problems, [(path, target) for path, _, target in refs])

        for i, other in enumerate(playbook.related):
            if check(doc, ("related", i), "playbook", other, self_id=playbook.id):
                related[playbook.key].add(other)
                related[("playbook", other)].add(playbook.id)

        if playbook.group.size_min > playbook.group.size_max:
            problems.append(doc.problem(("group", "size", "min"), "min is larger than max",
                                        f"swap them: min {playbook.group.size_max}, max {playbook.group.size_min}"))
        _check_checklists(playbook, doc, problems, check, used_in)
        for i, use in enumerate(playbook.rituals):
            if use.cadence:
                problems += _cadence_problems(doc, ("rituals", i, "cadence"), use.cadence)

    for ritual in by_kind["ritual"].values():
        assert isinstance(ritual, Ritual)
        problems += _cadence_problems(documents[ritual.key], ("cadence",), ritual.cadence)

    for pitfall in by_kind["pitfall"].values():
        assert isinstance(pitfall, Pitfall)
        doc = documents[pitfall.key]
        for i, other in enumerate(pitfall.related):
            if check(doc, ("related", i), "pitfall", other, self_id=pitfall.id):
                related[pitfall.key].add(other)
                related[("pitfall", other)].add(pitfall.id)

    library = Library(
        playbooks=by_kind["playbook"], pitfalls=by_kind["pitfall"],  # type: ignore[arg-type]
        rituals=by_kind["ritual"], stages=by_kind["stage"],  # type: ignore[arg-type]
        vocabularies=vocabularies,
        schemas=schemas or {},
        used_in={key: tuple(sorted(ids)) for key, ids in used_in.items()},
        related={key: tuple(sorted(ids)) for key, ids in related.items()},
        document_of=document_of,
        translated={key: translation_counts(entry) for key, entry in
                    ((e.key, e) for kind in by_kind.values() for e in kind.values())},
    )
    return library, problems


def translation_counts(entry: Entry) -> dict[str, tuple[int, int]]:
    """Per language, how many of the entry's texts are written in it, and how many there are."""
    texts = all_texts(entry)
    return {lang: (sum(1 for text in texts if text.has(lang)), len(texts)) for lang in LANGUAGES}


_WEEKDAY_FREQUENCIES = {"weekly", "biweekly", "monthly", "quarterly"}
_WEEK_FREQUENCIES = {"monthly", "quarterly"}


def _cadence_problems(doc: _Lines, path: tuple, cadence: Cadence) -> list[Problem]:
    """A day or week must fit the frequency: calendars are made from them."""
    problems = []
    if cadence.day and cadence.every not in _WEEKDAY_FREQUENCIES:
        problems.append(doc.problem(path + ("day",), f"a {cadence.every} ritual has no weekday",
                                    "remove 'day', or make it weekly, biweekly, monthly or quarterly"))
    if cadence.week and cadence.every not in _WEEK_FREQUENCIES:
        problems.append(doc.problem(path + ("week",), f"'week' is for monthly and quarterly rituals, not {cadence.every}",
                                    "remove 'week'"))
    if cadence.week and not cadence.day:
        problems.append(doc.problem(path + ("week",), f"'week: {cadence.week}' needs a weekday",
                                    f"add 'day:', e.g. day: sat for the {cadence.week} Saturday of the month"))
    if cadence.every in _WEEK_FREQUENCIES and cadence.day and not cadence.week:
        problems.append(doc.problem(path + ("day",), f"which {cadence.day} of the month?",
                                    "add 'week:' (first, second, third, fourth or last)"))
    return problems


def _check_checklists(playbook: Playbook, doc: _Lines, problems: list[Problem],
                      check: Callable[..., bool], used_in: dict) -> None:
    phases: dict[str, int] = {}
    item_ids: dict[str, tuple] = {}
    for p, phase in enumerate(playbook.checklists):
        if phase.phase in phases:
            problems.append(doc.problem(("checklists", p, "phase"), f"phase '{phase.phase}' is listed twice",
                                        f"merge its items into checklists[{phases[phase.phase]}]"))
        phases.setdefault(phase.phase, p)
        for i, item in enumerate(phase.items):
            path = ("checklists", p, "items", i)
            if item.id in item_ids:
                first = doc.locate(item_ids[item.id] + ("id",))[0]
                problems.append(doc.problem(path + ("id",), f"duplicate item id '{item.id}' (first on line {first})",
                                            "give each item its own id: browsers remember ticks by it"))
            item_ids.setdefault(item.id, path)
            if item.see:
                section, target = item.see
                kind = KIND_OF_SECTION[section]
                if check(doc, path + ("see",), kind, target) and kind != "playbook":
                    used_in[(kind, target)].add(playbook.id)
            condition = item.condition
            if condition:
                # a mistyped stage would hide the item from every tailored list, silently
                for j, stage in enumerate(condition.stages):
                    check(doc, path + ("if", "stages", j), "stage", stage)
                if condition.min_size is not None and condition.max_size is not None \
                        and condition.min_size > condition.max_size:
                    problems.append(doc.problem(path + ("if", "min_size"), "min_size is larger than max_size",
                                                "no group could see this item: swap them"))


def _no_repeats(doc: _Lines, problems: list[Problem], refs: list[tuple[tuple, str]]) -> None:
    seen: dict[tuple[str, str], tuple] = {}
    for path, target in refs:
        key = (path[0], target)
        if key in seen:
            problems.append(doc.problem(path, f"'{target}' is listed twice in {path[0]}",
                                        f"merge it with {path[0]}[{seen[key][1]}]"))
        seen.setdefault(key, path)


def _sample(known: Mapping[str, Entry]) -> str:
    names = sorted(known)
    return ", ".join(names[:8]) + (" ..." if len(names) > 8 else "") if names else "(none yet)"
