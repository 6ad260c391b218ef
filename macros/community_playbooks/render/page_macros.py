"""The macros hand-written pages may call, as plain functions of a page's ``Context``.

mkdocs-macros registers them for pages that opt in (``render_macros: true``), and the
Markdown export calls the same functions: both get the same Markdown.
"""

from __future__ import annotations

from typing import Callable

from ..content.kinds import SECTIONS
from ..content.model import Entry
from . import dialect
from .checklists import checklist as checklist_md
from .context import Context
from .front_door import front_door as front_door_html
from .front_door import playbook_cards as playbook_cards_html
from .front_door import problem_door as problem_door_html
from .pages.entry_parts import pitfall_card as pitfall_card_md


class MacroError(ValueError):
    """A macro was called with an id or value that does not exist."""


def page_macros(ctx: Context) -> dict[str, Callable]:
    """The macros of one page, by name."""
    library = ctx.library

    def lookup(kind: str, entry_id: str) -> Entry:
        if kind not in SECTIONS:
            raise MacroError(f"no kind of entry '{kind}' (known: {', '.join(SECTIONS)})")
        entries = library.entries(kind)
        if entry_id not in entries:
            raise MacroError(f"no {kind} with id '{entry_id}' (known: {', '.join(sorted(entries))})")
        return entries[entry_id]

    def playbook_table(group_type: str | None = None, platform: str | None = None) -> str:
        """A table of playbooks, optionally only those of one group type or platform."""
        chosen = [pb for pb in library.playbooks.values()
                  if (group_type is None or pb.group.type == group_type)
                  and (platform is None or platform in pb.group.platforms)]
        return dialect.table(
            [ctx.ui(key) for key in ("playbook", "group_type", "size", "platforms", "threshold")],
            ([ctx.link(pb), ctx.label("group_type", pb.group.type),
              ctx.ui("members", min=pb.group.size_min, max=pb.group.size_max),
              ctx.list_separator.join(ctx.label("platform", p) for p in pb.group.platforms),
              ctx.label("threshold", pb.threshold.kind)] for pb in chosen))

    def checklist(playbook_id: str) -> str:
        """The launch checklist of one playbook, phase by phase."""
        return checklist_md(ctx, lookup("playbook", playbook_id), heading_level=3)

    def pitfall_card(pitfall_id: str) -> str:
        """One pitfall as a card: summary, warning signs and a link to its remedy."""
        return pitfall_card_md(ctx, lookup("pitfall", pitfall_id))

    def entry_link(kind: str, entry_id: str) -> str:
        """A link to any entry, titled in the page's language."""
        return ctx.link(lookup(kind, entry_id))

    def entry_count(kind: str) -> int:
        """How many entries of a kind the site has."""
        return len(library.entries(kind))

    def front_door() -> str:
        """The home page's chooser: kind of group, platform and size, then one tap to the best-fitting
        playbook or to its checklist tailored to the choices."""
        return front_door_html(ctx)

    def problem_door() -> str:
        """A way in from a problem: the symptom finder and the pitfalls most groups meet first."""
        return str(problem_door_html(ctx))

    def playbook_cards() -> str:
        """One card per kind of group: a playbook's promise, size, platforms and days to launch."""
        return str(playbook_cards_html(ctx))

    return {fn.__name__: fn for fn in (playbook_table, checklist, pitfall_card, entry_link, entry_count,
                                       front_door, problem_door, playbook_cards)}
