"""How the engine words the library's structured values: cadences, conditions, situations.

Plain text in one language; a page escapes it, a terminal, a calendar or JSON takes it as is.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.languages import language
from ..content.library import Library
from ..content.markup import unlinked
from ..content.model import Cadence, Condition
from . import escape
from .context import Context
from .strings import t


@dataclass(frozen=True)
class Situation:
    """The group a checklist is tailored to; a field left empty matches every item."""

    platform: str | None = None
    size: int | None = None
    stage: str | None = None
    age: str | None = None  # "new", "young" or "running" (the age vocabulary): which phases it needs
    remedies: tuple[str, ...] = ()  # pitfalls whose remedy the reader added to the checklist


def list_separator(lang: str) -> str:
    return language(lang).list_separator


def severity_order(library: Library) -> tuple[str, ...]:
    """Severities from the worst down: the vocabulary lists them from the mildest up."""
    return tuple(reversed(library.order("severity")))


def cadence_words(library: Library, cadence: Cadence, lang: str) -> str:
    """"Weekly on Thursday at 20:30" / "每周（周四） 20:30", as plain text without the note."""
    every = library.label("frequency", cadence.every, lang)
    day = library.label("weekday", cadence.day, lang) if cadence.day else ""
    week = library.label("week", cadence.week, lang) if cadence.week else ""
    time = f"{cadence.time} UTC" if cadence.time and cadence.zone == "UTC" else cadence.time
    if lang == "zh":
        when = f"{week}{day}" if week else day
        return every + (f"（{when}）" if when else "") + (f" {time}" if time else "")
    when = f"the {week} {day}" if week else day
    return every + (f" on {when}" if when else "") + (f" at {time}" if time else "")


def cadence_text(ctx: Context, cadence: Cadence) -> str:
    """The cadence as Markdown, with its note."""
    text = escape.escape(cadence_words(ctx.library, cadence, ctx.lang))
    return text + (f" — {ctx.text(cadence.note)}" if cadence.note else "")


def condition_words(library: Library, condition: Condition, lang: str) -> str:
    """Who a checklist item is for: "WeChat, QQ; at least 200 members"."""
    separator = list_separator(lang)
    parts = [separator.join(library.label("platform", p, lang) for p in condition.platforms)] if condition.platforms else []
    if condition.stages:
        parts.append(separator.join(unlinked(library.stages[s].title.get(lang)) if s in library.stages else s
                                    for s in condition.stages))
    if condition.min_size is not None:
        parts.append(t("at_least", lang, n=condition.min_size))
    if condition.max_size is not None:
        parts.append(t("at_most", lang, n=condition.max_size))
    return "; ".join(parts)


def situation_words(library: Library, situation: Situation, lang: str) -> str:
    """The group a checklist was tailored to: "WeChat, 300 members, Shared"."""
    parts = []
    if situation.platform:
        parts.append(library.label("platform", situation.platform, lang))
    if situation.size is not None:
        parts.append(t("size_n", lang, n=situation.size))
    if situation.stage:
        stage = library.stages.get(situation.stage)
        parts.append(stage.title.get(lang) if stage else situation.stage)
    if situation.age:
        parts.append(library.label("age", situation.age, lang))
    return list_separator(lang).join(parts)
