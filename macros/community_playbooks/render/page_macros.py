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
              ", ".join(ctx.label("platform", p) for p in pb.group.platforms),
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

    return {fn.__name__: fn for fn in (playbook_table, checklist, pitfall_card, entry_link, entry_count)}
