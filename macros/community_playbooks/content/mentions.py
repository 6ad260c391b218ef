"""Where a text names a platform or a tool, and what it says of it there.

A sentence that names WeChat and gives a number ("a WeChat group holds 500") or a feature of
it ("pin it as a QQ essence message") is a claim about the platform, and the rule book wants
such a claim backed by one of the platform's facts: for a feature, the very fact that names it. A checklist item that names one platform
holds only on that platform. Both rules find mentions here, the same way.

Names are the vocabularies' labels in every language and the aliases of the platform's own
entry; the longest name wins where names overlap, so "企业微信" is WeCom, not WeChat, and
"WeChat Pay" is the payment tool. English names match whole words and case: "slack" and
"discord" are words too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from .model import Labels, Words

# a number an organiser could act on; times of day, dates and years are when, not how many
# (a lone 一 before a measure word is "a", as in 一个投票: no count)
_NUMBER = re.compile(r"(?<![\d:.-])\d[\d,.]*(?![\d:]|-\d{2}-)"
                     r"|(?:[二两三四五六七八九十百千万]|一[一二两三四五六七八九十百千万])[一二两三四五六七八九十百千万]*"
                     r"(?=[人天个条次元块名位周月年万千]|小时|分钟)")
_WHEN = re.compile(r"\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{4}-\d{2}-\d{2}\b")
# sentences end at these; a list of checklist items is a sentence each already
_SENTENCE_END = re.compile(r"(?<=[.!?;。！？；])\s*|\n+")


@dataclass(frozen=True)
class Claim:
    """A sentence that says something of a platform: beside a number, or naming features."""

    platform: str
    sentence: str
    facts: frozenset[str]  # the facts whose features it names; empty when only a number made it a claim
    features: tuple[str, ...]  # the features' names, as written


@dataclass(frozen=True)
class Names:
    """Every name of every platform and tool, and of their facts' features, compiled once."""

    pattern: re.Pattern[str]
    owner: Mapping[str, str]  # a name as written -> the platform's or tool's id
    features: Mapping[str, re.Pattern[str]]  # platform id -> its features' names
    backed_by: Mapping[tuple[str, str], frozenset[str]]  # (platform, a feature's name, lowercased) -> fact ids

    @classmethod
    def of(cls, vocabularies: Iterable[Labels], aliases: Mapping[str, Words],
           facts: Mapping[str, Mapping[str, Words]], excluded: Iterable[str] = ()) -> "Names":
        """``facts``: platform id -> fact id -> the names of the features the fact speaks of."""
        owner: dict[str, str] = {}
        for labels in vocabularies:
            for value, by_language in labels.items():
                if value in excluded:
                    continue
                for name in (*by_language.values(), *(w for words in aliases.get(value, {}).values() for w in words)):
                    owner.setdefault(name, value)
        backed: dict[tuple[str, str], set[str]] = {}
        for platform, by_fact in facts.items():
            for fact_id, words in by_fact.items():
                for word in (w for listed in words.values() for w in listed):
                    backed.setdefault((platform, word.lower()), set()).add(fact_id)
        features = {platform: _alternatives((word for (p, word) in backed if p == platform), ignore_case=True)
                    for platform in {p for p, _ in backed}}
        return cls(_alternatives(owner), owner, features, {key: frozenset(ids) for key, ids in backed.items()})

    def named(self, text: str) -> list[str]:
        """The ids of the platforms and tools ``text`` names, in order, each once."""
        return list(dict.fromkeys(self.owner[m[0]] for m in self.pattern.finditer(text)))

    def claims(self, text: str) -> list[Claim]:
        """Each sentence that names a platform beside a number or one of its features' names."""
        found: list[Claim] = []
        if not self.pattern.search(text):  # most texts name no platform: one look, not one per sentence
            return found
        for sentence in (s for s in _SENTENCE_END.split(text) if s.strip()):
            named = self.named(sentence)
            if not named:
                continue
            counted = bool(_NUMBER.search(_WHEN.sub(" ", sentence)))
            for platform in named:
                pattern = self.features.get(platform)
                words = tuple(dict.fromkeys(m[0] for m in pattern.finditer(sentence))) if pattern else ()
                if counted or words:
                    facts = frozenset(f for word in words for f in self._backing(platform, word))
                    found.append(Claim(platform, sentence.strip(), facts, words))
        return found

    def _backing(self, platform: str, written: str) -> frozenset[str]:
        word = written.lower()
        for candidate in (word, word.removesuffix("es"), word.removesuffix("s")):
            if (platform, candidate) in self.backed_by:
                return self.backed_by[(platform, candidate)]
        return frozenset()


def _alternatives(names: Iterable[str], *, ignore_case: bool = False) -> re.Pattern[str]:
    """One pattern for all ``names``, longest first; Latin names as whole words, case-sensitive
    unless ``ignore_case`` (a platform's name is written one way; a feature's at a sentence's start too).

    A look at the next character comes first, so that the long alternation is tried only
    where a name can begin: the rule book runs it over every text of the library."""
    names = sorted(set(names), key=len, reverse=True)
    if not names:
        return re.compile(r"(?!)")
    parts = []
    for name in names:
        escaped = re.escape(name)
        latin_start, latin_end = name[:1].isascii() and name[:1].isalnum(), name[-1:].isascii() and name[-1:].isalnum()
        # a feature's name in English is often written in the plural ("essence messages")
        plural = "(?:s|es)?" if ignore_case and latin_end else ""
        parts.append(f"{'(?<![A-Za-z0-9])' if latin_start else ''}{escaped}{plural}"
                     f"{'(?![A-Za-z0-9])' if latin_end else ''}")
    starts = {name[0] for name in names}
    if ignore_case:
        starts |= {c.swapcase() for c in starts}
    first = "".join(sorted(re.escape(c) for c in starts))
    return re.compile(f"(?=[{first}])(?:{'|'.join(parts)})", re.I if ignore_case else 0)
