"""Resolve every reference between entries in one pass, and compute the way back."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

from .errors import Problem, did_you_mean
from .model import KIND_OF_SECTION, SECTIONS, Cadence, Entry, Pitfall, Playbook, Ritual, Stage, Text
from .yamlsource import Document

Labels = Mapping[str, Mapping[str, str]]


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
    # the parsed files, kept so later checks (the content lint) can name lines
    documents: Mapping[tuple[str, str], Document] = field(default_factory=dict, repr=False, compare=False)

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

    def related_to(self, entry: Entry) -> tuple[Entry, ...]:
        """Related entries of the same kind, whichever side declared the relation."""
        return tuple(self.entries(entry.kind)[i] for i in self.related.get(entry.key, ()))


def link(entries: Iterable[tuple[Entry, Document]], vocabularies: Mapping[str, Labels],
         schemas: Mapping[str, Mapping] | None = None) -> tuple[Library, list[Problem]]:
    """Check every reference and build the Library; problems are returned, not raised."""
    by_kind: dict[str, dict[str, Entry]] = {kind: {} for kind in SECTIONS}
    documents: dict[tuple[str, str], Document] = {}
    problems: list[Problem] = []
    for entry, document in sorted(entries, key=lambda pair: (pair[0].kind, pair[0].id, pair[0].file)):
        if entry.id in by_kind[entry.kind]:
            first = by_kind[entry.kind][entry.id].file
            problems.append(document.problem((), f"duplicate {entry.kind} id '{entry.id}': {first} has it too",
                                             "rename one of the files"))
            continue
        by_kind[entry.kind][entry.id] = entry
        documents[entry.key] = document

    used_in: dict[tuple[str, str], set[str]] = defaultdict(set)
    related: dict[tuple[str, str], set[str]] = defaultdict(set)

    def check(doc: Document, path: tuple, kind: str, target: str, *, self_id: str | None = None) -> bool:
        known = by_kind[kind]
        if target == self_id:
            problems.append(doc.problem(path, "an entry cannot refer to itself", "remove this reference"))
            return False
        if target in known:
            return True
        folder = "playbooks/" if kind == "playbook" else f"playbooks/{SECTIONS[kind]}/"
        hint = did_you_mean(target, known) or f"add {folder}{target}.yaml, or use one of: {_sample(known)}"
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
        documents=documents,
    )
    return library, problems


_WEEKDAY_FREQUENCIES = {"weekly", "biweekly", "monthly", "quarterly"}
_WEEK_FREQUENCIES = {"monthly", "quarterly"}


def _cadence_problems(doc: Document, path: tuple, cadence: Cadence) -> list[Problem]:
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


def _check_checklists(playbook: Playbook, doc: Document, problems: list[Problem],
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


def _no_repeats(doc: Document, problems: list[Problem], refs: list[tuple[tuple, str]]) -> None:
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
