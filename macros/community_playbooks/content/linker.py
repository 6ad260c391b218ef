"""Resolve every reference between entries in one pass, and compute the way back."""

from __future__ import annotations

from collections import defaultdict
from typing import Collection, Iterable, Mapping

from ..errors import Problem, did_you_mean
from .kinds import BY_NAME, BY_SECTION, CONTENT_DIR, KIND_NAMES
from .library import Library, translation_counts
from .locator import Locator
from .model import Entry, Guide, Labels, Pitfall, Platform, Playbook
from .validation import COMMON


def references(playbook: Playbook) -> list[tuple[tuple, str, str]]:
    """(path, kind, id) of every entry a playbook names, in the order of its file."""
    refs: list[tuple[tuple, str, str]] = []
    refs += [(("rituals", i, "ref"), "ritual", use.ref) for i, use in enumerate(playbook.rituals)]
    refs += [(("governance", i, "stage"), "stage", use.stage) for i, use in enumerate(playbook.governance)]
    refs += [(("pitfalls", i, "ref"), "pitfall", use.ref) for i, use in enumerate(playbook.pitfalls)]
    refs += [(("guides", i), "guide", guide) for i, guide in enumerate(playbook.guides)]
    for p, phase in enumerate(playbook.checklists):
        for i, item in enumerate(phase.items):
            path = ("checklists", p, "items", i)
            if item.see:
                refs.append((path + ("see",), BY_SECTION[item.see[0]].name, item.see[1]))
            # a mistyped stage would hide the item from every tailored list, silently
            for j, stage in enumerate(item.condition.stages if item.condition else ()):
                refs.append((path + ("if", "stages", j), "stage", stage))
    return refs


def link(entries: Iterable[Entry], vocabularies: Mapping[str, Labels], schemas: Mapping[str, Mapping] | None = None,
         locator: Locator | None = None, unloaded: Collection[tuple[str, str]] = (),
         content_dir: str = CONTENT_DIR) -> tuple[Library, list[Problem]]:
    """Check every reference and build the Library; problems are returned, not raised.

    ``unloaded`` holds the (kind, id) of files that exist but could not be loaded: their own
    problems are reported already, so references to them are not reported as unknown too.
    """
    locator = locator or Locator()
    by_kind: dict[str, dict[str, Entry]] = {kind: {} for kind in KIND_NAMES}
    problems: list[Problem] = []
    for entry in sorted(entries, key=lambda e: (e.kind, e.id, e.file)):
        if entry.id in by_kind[entry.kind]:
            first = by_kind[entry.kind][entry.id].file
            problems.append(locator.problem(entry, (), f"duplicate {entry.kind} id '{entry.id}': {first} has it too",
                                            "rename one of the files"))
            continue
        by_kind[entry.kind][entry.id] = entry

    used_in: dict[tuple[str, str], set[str]] = defaultdict(set)
    related: dict[tuple[str, str], set[str]] = defaultdict(set)

    def resolves(entry: Entry, path: tuple, kind: str, target: str) -> bool:
        known = by_kind[kind]
        if target == entry.id and kind == entry.kind:
            problems.append(locator.problem(entry, path, "an entry cannot refer to itself", "remove this reference"))
            return False
        if target in known:
            return True
        if (kind, target) not in unloaded:
            hint = did_you_mean(target, known) or \
                f"add {BY_NAME[kind].folder(content_dir)}/{target}.yaml, or use one of: {_sample(known)}"
            problems.append(locator.problem(entry, path, f"unknown {kind} '{target}'", hint))
        return False

    for playbook in by_kind["playbook"].values():
        assert isinstance(playbook, Playbook)
        for path, kind, target in references(playbook):
            # naming another playbook, or a stage in a condition, is not a use of it
            if resolves(playbook, path, kind, target) and kind != "playbook" and "if" not in path:
                used_in[(kind, target)].add(playbook.id)

    for entry in (*by_kind["playbook"].values(), *by_kind["pitfall"].values(), *by_kind["guide"].values()):
        assert isinstance(entry, (Playbook, Pitfall, Guide))
        for i, other in enumerate(entry.related):
            if resolves(entry, ("related", i), entry.kind, other):
                related[entry.key].add(other)
                related[(entry.kind, other)].add(entry.id)

    platforms = by_kind["platform"]
    known_platforms = (*vocabularies.get("platform", {}), *vocabularies.get("tool", {}))
    for platform in platforms.values():
        if platform.id not in known_platforms:
            problems.append(locator.problem(platform, (), f"'{platform.id}' is neither a platform nor a tool of the "
                                            "vocabularies", did_you_mean(platform.id, known_platforms)
                                            or f"name the file after one of: {', '.join(known_platforms)}, or add it "
                                            "to the tool vocabulary of common.schema.json"))
    fact_users: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entry in (entry for kind in by_kind.values() for entry in kind.values()):
        for i, ref in enumerate(getattr(entry, "facts", ()) if not isinstance(entry, Platform) else ()):
            if _fact_resolves(entry, ("facts", i), ref, platforms, unloaded, locator, problems):
                fact_users[ref].append(entry.key)

    library = Library(
        playbooks=by_kind["playbook"], pitfalls=by_kind["pitfall"],  # type: ignore[arg-type]
        rituals=by_kind["ritual"], stages=by_kind["stage"],  # type: ignore[arg-type]
        guides=by_kind["guide"], platforms=platforms,  # type: ignore[arg-type]
        vocabularies=vocabularies,
        phase_serves={phase: tuple(ages) for phase, ages in
                      (schemas or {}).get(COMMON, {}).get("$defs", {}).get("phase", {}).get("x-serves", {}).items()},
        schemas=schemas or {},
        used_in={key: tuple(sorted(ids)) for key, ids in used_in.items()},
        related={key: tuple(sorted(ids)) for key, ids in related.items()},
        fact_users={ref: tuple(users) for ref, users in fact_users.items()},
        translated={entry.key: translation_counts(entry) for kind in by_kind.values() for entry in kind.values()},
    )
    return library, problems


def _fact_resolves(entry: Entry, path: tuple, ref: str, platforms: Mapping[str, Entry],
                   unloaded: Collection[tuple[str, str]], locator: Locator, problems: list[Problem]) -> bool:
    platform_id, fact_id = ref.split("/", 1)
    platform = platforms.get(platform_id)
    if platform is None:
        if ("platform", platform_id) not in unloaded:
            problems.append(locator.problem(entry, path, f"no platform file '{platform_id}'",
                                            did_you_mean(platform_id, platforms)
                                            or f"add {platform_id}.yaml to the platforms folder with the fact"))
        return False
    assert isinstance(platform, Platform)
    ids = [fact.id for fact in platform.facts]
    if fact_id not in ids:
        hint = did_you_mean(fact_id, ids)
        problems.append(locator.problem(entry, path, f"unknown fact '{ref}'",
                                        hint.replace("'", f"'{platform_id}/", 1) if hint
                                        else f"{platform.file} has: {', '.join(ids)}"))
        return False
    return True


def _sample(known: Mapping[str, Entry]) -> str:
    names = sorted(known)
    return ", ".join(names[:8]) + (" ..." if len(names) > 8 else "") if names else "(none yet)"
