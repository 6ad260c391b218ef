"""Pieces many pages share: front matter, the print header, how a cadence reads, the order
of stages and severities. Pure functions of a Context, like the pages made of them."""

from __future__ import annotations

import json
from typing import Iterable

from . import mdtext
from .context import Context
from .linker import Library
from .model import Cadence, Entry, Stage, Text

MODE_ORDER = ("founder-led", "shared", "self-governing")
SEVERITY_ORDER = ("high", "medium", "low")


def front_matter(ctx: Context, entry: Entry, title: str | None = None, **extra: object) -> str:
    """Title and description for the theme, which puts both into HTML unescaped: escape them here."""
    meta: dict[str, object] = {"title": mdtext.html_attribute(title or ctx.unlinked(entry.title)),
                               "description": mdtext.html_attribute(ctx.unlinked(entry.summary))}
    if entry.tags and not extra.get("hide"):
        meta["tags"] = [ctx.library.label("tag", tag, ctx.lang) for tag in entry.tags]
    meta.update(extra)
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items()) + "---"


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
    text = mdtext.escape(cadence_words(ctx.library, cadence, ctx.lang))
    return text + (f" — {ctx.text(cadence.note)}" if cadence.note else "")


def print_head(ctx: Context, title: Text, group_type: str | None = None) -> str:
    """What a printed page carries at its top: title, group type, date and the page's address."""
    parts = [ctx.html(title)]
    if group_type:
        parts.append(mdtext.html_attribute(ctx.library.label("group_type", group_type, ctx.lang)))
    parts += [ctx.today.isoformat(), mdtext.html_attribute(ctx.canonical())]
    return '<p class="cp-print-head">' + " · ".join(f"<span>{p}</span>" for p in parts) + "</p>"


def by_mode(stages: Iterable[Stage]) -> list[Stage]:
    """Stages in the order a group lives them: founder-led, shared, self-governing."""
    return sorted(stages, key=lambda s: (MODE_ORDER.index(s.mode) if s.mode in MODE_ORDER else len(MODE_ORDER), s.id))
