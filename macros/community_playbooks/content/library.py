"""The linked library: every entry by kind, and the links between them both ways.

A ``Library`` is data only: it reads no file. The loader builds it, the rules check it and
the renderers read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .kinds import KINDS, SECTIONS
from .model import (LANGUAGES, Cadence, Entry, Fact, Guide, Labels, Pitfall, Platform, Playbook, Ritual, RitualUse, Stage,
                    Text, texts_of)


@dataclass(frozen=True)
class Scheduled:
    """A ritual as one playbook runs it: the playbook's own cadence and length where it gives
    them, the ritual's otherwise. Every page, calendar and view shows these, never a mix."""

    ritual: Ritual
    use: RitualUse
    cadence: Cadence
    duration: int

    @property
    def summary(self) -> Text:
        """How this group runs it, else what the ritual is."""
        return self.use.note or self.ritual.summary


@dataclass(frozen=True)
class Library:
    """All entries, linked. ``used_in`` maps (kind, id) to the playbooks that reference it."""

    playbooks: Mapping[str, Playbook]
    pitfalls: Mapping[str, Pitfall]
    rituals: Mapping[str, Ritual]
    stages: Mapping[str, Stage]
    guides: Mapping[str, Guide] = field(default_factory=dict)
    platforms: Mapping[str, Platform] = field(default_factory=dict)
    vocabularies: Mapping[str, Labels] = field(default_factory=dict)
    # checklist phase -> the ages of group it serves ("new", "young", "running"; the age vocabulary)
    phase_serves: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    used_in: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    related: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    # "platform/fact-id" -> the (kind, id) of every entry that relies on the fact
    fact_users: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    schemas: Mapping[str, Mapping] = field(default_factory=dict, repr=False, compare=False)
    # (kind, id) -> language -> (texts written in it, texts in all): pages say when one is missing
    translated: Mapping[tuple[str, str], Mapping[str, tuple[int, int]]] = field(default_factory=dict, repr=False,
                                                                                compare=False)

    def section(self, name: str) -> Mapping[str, Entry]:
        return getattr(self, name)

    def entries(self, kind: str) -> Mapping[str, Entry]:
        return self.section(SECTIONS[kind])

    def all_entries(self) -> Iterable[Entry]:
        for kind in KINDS:
            yield from self.section(kind.section).values()

    def get(self, kind: str, entry_id: str) -> Entry:
        return self.entries(kind)[entry_id]

    def label(self, vocabulary: str, value: str, lang: str) -> str:
        """The display name of a vocabulary value (a platform, a tag, a phase...)."""
        labels = self.vocabularies.get(vocabulary, {}).get(value)
        return Text(labels).get(lang) if labels else value

    def order(self, vocabulary: str) -> tuple[str, ...]:
        """A vocabulary's values in the order the schema lists them."""
        return tuple(self.vocabularies.get(vocabulary, {}))

    def stages_in_order(self) -> list[Stage]:
        """Stages in the order a group lives them, which is the order of the governance modes."""
        modes = self.order("mode")
        return sorted(self.stages.values(), key=lambda s: (modes.index(s.mode) if s.mode in modes else len(modes), s.id))

    def schedule(self, playbook: Playbook) -> tuple[Scheduled, ...]:
        """The playbook's rituals, each with the cadence and length this group runs it at."""
        # a reference to a ritual that is not there is the linker's problem to report, not a crash
        return tuple(Scheduled(ritual, use, use.cadence or ritual.cadence, use.duration or ritual.duration)
                     for use in playbook.rituals if (ritual := self.rituals.get(use.ref)) is not None)

    def users_of(self, entry: Entry) -> tuple[Playbook, ...]:
        return tuple(self.playbooks[p] for p in self.used_in.get(entry.key, ()))

    def missing_languages(self, entry: Entry) -> tuple[str, ...]:
        """Languages some text of ``entry`` lacks; its pages show those texts in another language."""
        return tuple(lang for lang, (done, total) in self.translation_of(entry).items() if done < total)

    def translation_of(self, entry: Entry) -> Mapping[str, tuple[int, int]]:
        """Per language, (texts written in it, texts in all); counted once, at link time."""
        known = self.translated.get(entry.key)
        if known is not None and self.entries(entry.kind).get(entry.id) is entry:
            return known
        return translation_counts(entry)

    def fact(self, ref: str) -> tuple[Platform, Fact]:
        """The platform and the fact named ``platform/fact-id``."""
        platform_id, fact_id = ref.split("/", 1)
        platform = self.platforms[platform_id]
        return platform, next(f for f in platform.facts if f.id == fact_id)

    def facts_of(self, entry: Entry) -> tuple[tuple[Platform, Fact], ...]:
        """The facts an entry relies on, in the order it names them."""
        return tuple(self.fact(ref) for ref in getattr(entry, "facts", ()) if isinstance(ref, str))

    def fact_users_of(self, platform: Platform, fact: Fact) -> tuple[Entry, ...]:
        return tuple(self.get(kind, entry_id) for kind, entry_id in self.fact_users.get(f"{platform.id}/{fact.id}", ()))

    def related_to(self, entry: Entry) -> tuple[Entry, ...]:
        """Related entries of the same kind, whichever side declared the relation."""
        return tuple(self.entries(entry.kind)[i] for i in self.related.get(entry.key, ()))


def translation_counts(entry: Entry) -> dict[str, tuple[int, int]]:
    """Per language, how many of the entry's texts are written in it, and how many there are."""
    texts = [text for _, text in texts_of(entry)]
    return {lang: (sum(1 for text in texts if text.has(lang)), len(texts)) for lang in LANGUAGES}
