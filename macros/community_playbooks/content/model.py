"""Typed entries built from validated data. Nothing here reads files or renders."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Mapping

from .kinds import SECTIONS
from .languages import LANGUAGES, language

Labels = Mapping[str, Mapping[str, str]]  # a vocabulary: value -> {language: label}
Words = Mapping[str, tuple[str, ...]]  # language -> words or short phrases


@dataclass(frozen=True)
class Text:
    """Contributor text in one or more languages; ``""`` holds text written for all of them."""

    translations: Mapping[str, str]

    @classmethod
    def of(cls, raw: str | Mapping[str, str]) -> "Text":
        if isinstance(raw, str):
            return cls({"": raw.strip()})
        stripped = {lang: value.strip() for lang, value in raw.items()}
        return cls({lang: text if language(lang).spaced else join_chinese(text) for lang, text in stripped.items()})

    def has(self, lang: str) -> bool:
        return lang in self.translations or "" in self.translations

    def get(self, lang: str) -> str:
        """The text in ``lang``, else in the first language that has it."""
        text = self.translations.get(lang)
        if text is not None:
            return text
        for candidate in ("", *LANGUAGES):
            if candidate in self.translations:
                return self.translations[candidate]
        return next(iter(self.translations.values()))

    def __str__(self) -> str:
        return self.get(LANGUAGES[0])


# Han characters (for a regular expression's character class), the one list every check of
# Chinese text builds on
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Han and the punctuation of Chinese text: between two of them a space is never meant
_CJK = f"\u3000-\u303f{HAN}\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")


def join_chinese(text: str) -> str:
    """Chinese as Chinese is spaced: never a space between two Chinese characters, whether a
    line break in the YAML file (which YAML folds into a space) or a label filled in with a
    value put it there; a space beside Latin letters or digits stays ("仅适用于 Discord")."""
    return _CJK_GAP.sub("", text)


@dataclass(frozen=True)
class Source:
    title: Text
    author: str | None = None
    year: int | None = None
    url: str | None = None
    note: Text | None = None


@dataclass(frozen=True, kw_only=True)
class Entry:
    kind: ClassVar[str]
    id: str
    file: str
    title: Text
    summary: Text
    reviewed: str
    tags: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    aliases: Words = field(default_factory=dict)  # other names readers use for it
    # languages some of its texts are not written in yet (a proposal in one language)
    needs_translation: tuple[str, ...] = ()

    @property
    def section(self) -> str:
        return SECTIONS[self.kind]

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.id)


@dataclass(frozen=True)
class Cadence:
    every: str
    day: str | None = None
    time: str | None = None
    note: Text | None = None
    week: str | None = None  # monthly and quarterly: first ... fourth, last
    zone: str | None = None  # "UTC", or None for local time


@dataclass(frozen=True, kw_only=True)
class Pitfall(Entry):
    kind: ClassVar[str] = "pitfall"
    severity: str
    signs: tuple[Text, ...]
    causes: tuple[Text, ...]
    prevention: tuple[Text, ...]
    remedy: tuple[Text, ...]
    related: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()  # "platform/fact-id"


@dataclass(frozen=True)
class Variation:
    """How a ritual runs on one platform; in YAML, ``variations: {wechat: ...}``."""

    platform: str
    text: Text


@dataclass(frozen=True, kw_only=True)
class Ritual(Entry):
    kind: ClassVar[str] = "ritual"
    cadence: Cadence
    duration: int
    host: Text
    steps: tuple[Text, ...]
    why: Text
    variations: tuple[Variation, ...] = ()
    facts: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Stage(Entry):
    kind: ClassVar[str] = "stage"
    mode: str
    practices: tuple[Text, ...]
    risks: tuple[Text, ...]
    move_on: tuple[Text, ...] = ()


@dataclass(frozen=True, kw_only=True)
class GuideStep:
    title: Text
    text: Text
    points: tuple[Text, ...] = ()


@dataclass(frozen=True)
class GuideItem:
    id: str
    text: Text


@dataclass(frozen=True, kw_only=True)
class Guide(Entry):
    kind: ClassVar[str] = "guide"
    steps: tuple[GuideStep, ...]
    checklist: tuple[GuideItem, ...]
    facts: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """One claim about a platform, with where it can be checked and when it last was."""

    id: str
    claim: Text
    source: Source
    checked: str
    terms: Words = field(default_factory=dict)  # the features it speaks of: beside the name, a claim it backs


@dataclass(frozen=True, kw_only=True)
class Platform(Entry):
    """A chat platform or a tool (the file name says which: a value of either vocabulary)."""

    kind: ClassVar[str] = "platform"
    mainland: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Group:
    type: str
    size_min: int
    size_max: int
    platforms: tuple[str, ...]


@dataclass(frozen=True)
class Effort:
    """What running a playbook costs."""

    launch_days: int
    weekly_hours: float
    team: int
    difficulty: str


@dataclass(frozen=True)
class Mission:
    purpose: Text
    for_others: Text
    for_ourselves: Text
    conflict: Text | None = None  # what to do when the two pull apart


@dataclass(frozen=True)
class Threshold:
    kind: str
    criteria: tuple[Text, ...]
    why: Text


@dataclass(frozen=True)
class RitualUse:
    ref: str
    cadence: Cadence | None = None
    note: Text | None = None
    duration: int | None = None  # minutes, when this group's differ from the ritual's


@dataclass(frozen=True)
class Level:
    name: Text
    criteria: Text
    privileges: Text


@dataclass(frozen=True)
class Role:
    name: Text
    duties: Text


@dataclass(frozen=True)
class Feedback:
    levels: tuple[Level, ...]
    roles: tuple[Role, ...]
    signals: tuple[Text, ...]


@dataclass(frozen=True)
class StageUse:
    stage: str
    lead: Text
    practices: tuple[Text, ...]
    move_on: tuple[Text, ...] = ()


@dataclass(frozen=True)
class PitfallUse:
    ref: str
    note: Text | None = None


@dataclass(frozen=True)
class Condition:
    """Which groups a checklist item applies to; an empty field matches every group."""

    platforms: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    min_size: int | None = None
    max_size: int | None = None


@dataclass(frozen=True)
class Messages:
    rules: Text
    welcome: Text
    announcement: Text | None = None


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: Text
    when: Text
    owner: Text
    see: tuple[str, str] | None = None  # (section, id)
    condition: Condition | None = None


@dataclass(frozen=True)
class Phase:
    phase: str
    items: tuple[ChecklistItem, ...]
    title: Text | None = None  # a phase the engine makes (moving on, a pitfall's remedy): its own name


@dataclass(frozen=True, kw_only=True)
class Playbook(Entry):
    kind: ClassVar[str] = "playbook"
    group: Group
    effort: Effort
    mission: Mission
    threshold: Threshold
    rituals: tuple[RitualUse, ...]
    feedback: Feedback
    governance: tuple[StageUse, ...]
    pitfalls: tuple[PitfallUse, ...]
    checklists: tuple[Phase, ...]
    messages: Messages | None = None
    related: tuple[str, ...] = ()
    guides: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()


FieldPath = tuple[Any, ...]  # keys and list indexes, as in the YAML file: ("rituals", 0, "note")


def walk(value: Any) -> list[tuple[FieldPath, Any]]:
    """Every value an entry was written with, with its path in the YAML file, in the file's
    order: each Text whole, each other string, number and flag. The one walk of the model:
    rules, translation counts and the API all read entries through it. One loop without
    nested generators: the texts of a thousand playbooks should not take seconds."""
    found: list[tuple[FieldPath, Any]] = []
    stack: list[tuple[FieldPath, Any]] = [((), value)]
    while stack:
        path, item = stack.pop()
        if item is None:
            continue
        if isinstance(item, (Text, str, int, float)):
            found.append((path, item))
        elif isinstance(item, tuple):  # variations were written as a mapping keyed by platform
            stack.extend((path + (child.platform,), child.text) if isinstance(child, Variation) else (path + (i,), child)
                         for i, child in reversed(list(enumerate(item))))
        elif isinstance(item, Mapping):
            stack.extend((path + (key,), child) for key, child in reversed(list(item.items())))
        elif hasattr(type(item), "__dataclass_fields__"):
            stack.extend((path + (name,), getattr(item, name)) for name in reversed(field_names(type(item))))
    return found


def texts_of(value: Any) -> list[tuple[FieldPath, Text]]:
    """Every Text of an entry with its path; sources (an entry's, a fact's) are bibliography, not prose."""
    return [(path, item) for path, item in walk(value)
            if isinstance(item, Text) and path[:1] != ("sources",) and "source" not in path]


def strings_of(entry: "Entry") -> list[tuple[FieldPath, str]]:
    """Every string an entry was written with, texts in each language apart, with its path
    (a text in one language at ``path + (lang,)``); the file name and id are the file's own."""
    out: list[tuple[FieldPath, str]] = []
    for path, item in walk(entry):
        if isinstance(item, Text):
            out.extend(((path + (lang,) if lang else path), text) for lang, text in item.translations.items())
        elif isinstance(item, str) and path not in (("file",), ("id",)):
            out.append((path, item))
    return out


@functools.cache
def field_names(cls: type) -> tuple[str, ...]:
    """The field names of a dataclass, looked up once per class."""
    return tuple(f.name for f in fields(cls))


ENTRY_TYPES: dict[str, type[Entry]] = {cls.kind: cls for cls in (Playbook, Pitfall, Ritual, Stage, Guide, Platform)}

# --- from validated data ----------------------------------------------------------------


def build_entry(kind: str, entry_id: str, file: str, data: Mapping[str, Any]) -> Entry:
    """Build the typed entry of ``kind`` from data that has passed its schema."""
    common = dict(
        id=entry_id, file=file, title=Text.of(data["title"]), summary=Text.of(data["summary"]),
        reviewed=data["reviewed"], tags=tuple(data.get("tags", ())), sources=_sources(data.get("sources", ())),
        aliases=_words(data.get("aliases")), needs_translation=tuple(data.get("needs_translation", ())),
    )
    if kind == "pitfall":
        return Pitfall(**common, severity=data["severity"], signs=_texts(data["signs"]), causes=_texts(data["causes"]),
                       prevention=_texts(data["prevention"]), remedy=_texts(data["remedy"]),
                       related=tuple(data.get("related", ())), facts=tuple(data.get("facts", ())))
    if kind == "ritual":
        return Ritual(**common, cadence=_cadence(data["cadence"]), duration=data["duration"], host=Text.of(data["host"]),
                      steps=_texts(data["steps"]), why=Text.of(data["why"]),
                      variations=tuple(Variation(p, Text.of(t)) for p, t in data.get("variations", {}).items()),
                      facts=tuple(data.get("facts", ())))
    if kind == "guide":
        return Guide(**common, steps=tuple(GuideStep(title=Text.of(s["title"]), text=Text.of(s["text"]),
                                                     points=_texts(s.get("points", ()))) for s in data["steps"]),
                     checklist=tuple(GuideItem(i["id"], Text.of(i["text"])) for i in data["checklist"]),
                     facts=tuple(data.get("facts", ())), related=tuple(data.get("related", ())))
    if kind == "platform":
        return Platform(**common, mainland=data["mainland"], facts=tuple(
            Fact(f["id"], Text.of(f["claim"]), Source(Text.of(f["source"]["title"]), url=f["source"]["url"]), f["checked"],
                 _words(f.get("terms"))) for f in data["facts"]))
    if kind == "stage":
        return Stage(**common, mode=data["mode"], practices=_texts(data["practices"]), risks=_texts(data["risks"]),
                     move_on=_texts(data.get("move_on", ())))
    if kind == "playbook":
        return _playbook(common, data)
    raise ValueError(f"unknown kind {kind!r}")


def _playbook(common: dict, data: Mapping[str, Any]) -> Playbook:
    group, mission, threshold, feedback = data["group"], data["mission"], data["threshold"], data["feedback"]
    effort = data["effort"]
    return Playbook(
        **common,
        group=Group(group["type"], group["size"]["min"], group["size"]["max"], tuple(group["platforms"])),
        effort=Effort(effort["launch_days"], effort["weekly_hours"], effort["team"], effort["difficulty"]),
        mission=Mission(Text.of(mission["purpose"]), Text.of(mission["for_others"]), Text.of(mission["for_ourselves"]),
                        _maybe(mission.get("conflict"))),
        threshold=Threshold(threshold["kind"], _texts(threshold["criteria"]), Text.of(threshold["why"])),
        rituals=tuple(RitualUse(r["ref"], _cadence(r["cadence"]) if "cadence" in r else None, _maybe(r.get("note")),
                                r.get("duration")) for r in data["rituals"]),
        feedback=Feedback(
            levels=tuple(Level(Text.of(v["name"]), Text.of(v["criteria"]), Text.of(v["privileges"]))
                         for v in feedback["levels"]),
            roles=tuple(Role(Text.of(r["name"]), Text.of(r["duties"])) for r in feedback["roles"]),
            signals=_texts(feedback["signals"]),
        ),
        governance=tuple(StageUse(g["stage"], Text.of(g["lead"]), _texts(g["practices"]), _texts(g.get("move_on", ())))
                         for g in data["governance"]),
        pitfalls=tuple(PitfallUse(p["ref"], _maybe(p.get("note"))) for p in data["pitfalls"]),
        checklists=tuple(
            Phase(phase["phase"], tuple(
                ChecklistItem(i["id"], Text.of(i["text"]), Text.of(i["when"]), Text.of(i["owner"]),
                              tuple(i["see"].split("/", 1)) if "see" in i else None,  # type: ignore[arg-type]
                              _condition(i.get("if")))
                for i in phase["items"]))
            for phase in data["checklists"]
        ),
        messages=_messages(data.get("messages")),
        related=tuple(data.get("related", ())),
        guides=tuple(data.get("guides", ())),
        facts=tuple(data.get("facts", ())),
    )


def _condition(raw: Any) -> Condition | None:
    if raw is None:
        return None
    return Condition(tuple(raw.get("platforms", ())), tuple(raw.get("stages", ())), raw.get("min_size"),
                     raw.get("max_size"))


def _messages(raw: Any) -> Messages | None:
    if raw is None:
        return None
    return Messages(Text.of(raw["rules"]), Text.of(raw["welcome"]), _maybe(raw.get("announcement")))


def _words(raw: Any) -> Words:
    return {lang: tuple(words) for lang, words in (raw or {}).items()}


def _texts(raw: Any) -> tuple[Text, ...]:
    return tuple(Text.of(t) for t in raw)


def _maybe(raw: Any) -> Text | None:
    return None if raw is None else Text.of(raw)


def _cadence(raw: Any) -> Cadence:
    if isinstance(raw, str):
        return Cadence(raw)
    return Cadence(raw["every"], raw.get("day"), raw.get("time"), _maybe(raw.get("note")), raw.get("week"),
                   raw.get("zone"))


def _sources(raw: Any) -> tuple[Source, ...]:
    return tuple(Source(Text.of(s["title"]), s.get("author"), s.get("year"), s.get("url"), _maybe(s.get("note")))
                 for s in raw)
